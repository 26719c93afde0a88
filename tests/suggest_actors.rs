//! Actor mention suggestions on dev articles written for these tests (a Xinhua readout, a
//! Reuters report, a foreign-ministry press conference imported with CRLF line endings,
//! a joint statement): gazetteer names, capitals as metonyms and as places, people with
//! titles, short forms, pronouns, epithets, bodies, collective references, and the
//! project's own actors winning over the gazetteer.

use demarche::import::import_file;
use demarche::model::{Actor, Document, Id, Project};
use demarche::suggest::{ActorRef, Detail, Gazetteer, NewActor, Suggestion, actors};
use std::path::Path;

fn load(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/suggest")
        .join(name);
    import_file(&path, Id(1000)).expect("fixture imports")
}

fn suggest(project: &Project, doc: &Document) -> Vec<Suggestion> {
    actors::mentions(project, doc, Gazetteer::bundled())
}

/// Code-point range of the `nth` (0-based) whole-word occurrence of `needle` in the text.
fn find(doc: &Document, needle: &str, nth: usize) -> (usize, usize) {
    let text = doc.text();
    let whole = |&(at, _): &(usize, &str)| {
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let byte = text
        .match_indices(needle)
        .filter(whole)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} is in the fixture"))
        .0;
    let start = doc.index().char_of(byte).expect("char boundary");
    (start, start + needle.chars().count())
}

fn name_of(project: &Project, actor: &ActorRef) -> String {
    match actor {
        ActorRef::Project(id) => project.actor(*id).expect("project actor").name.clone(),
        ActorRef::New(new) => new.name.clone(),
    }
}

/// Actors suggested exactly over the `nth` occurrence of `needle`.
fn actors_at(
    project: &Project,
    doc: &Document,
    all: &[Suggestion],
    needle: &str,
    nth: usize,
) -> Vec<String> {
    let (start, end) = find(doc, needle, nth);
    let mut names: Vec<String> = all
        .iter()
        .filter(|s| (s.start, s.end) == (start, end))
        .map(|s| match &s.detail {
            Detail::Mention { actor } => name_of(project, actor),
            other => panic!("only mentions expected, got {other:?}"),
        })
        .collect();
    names.sort();
    names
}

/// No suggestion overlaps the `nth` occurrence of `needle`.
fn nothing_at(doc: &Document, all: &[Suggestion], needle: &str, nth: usize) -> bool {
    let (start, end) = find(doc, needle, nth);
    !all.iter().any(|s| s.start < end && start < s.end)
}

fn new_actor<'s>(all: &'s [Suggestion], doc: &Document, needle: &str, nth: usize) -> &'s NewActor {
    let (start, end) = find(doc, needle, nth);
    all.iter()
        .find_map(|s| match &s.detail {
            Detail::Mention {
                actor: ActorRef::New(new),
            } if (s.start, s.end) == (start, end) => Some(new),
            _ => None,
        })
        .unwrap_or_else(|| panic!("a new actor at {needle:?} #{nth}"))
}

fn one(name: &str) -> Vec<String> {
    vec![name.to_string()]
}

#[test]
fn xinhua_readout_people_titles_short_forms_pronouns_and_epithets() {
    let project = Project::new("dev");
    let doc = load("actors_xinhua.txt");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);

    // "Chinese Foreign Minister Wang Yi": the demonym for the state, the name without the
    // title, the role and the affiliation on the new person.
    assert_eq!(at("Chinese", 1), one("China"));
    // The headline's "Chinese FM Wang Yi" introduces him; the title is spelt out.
    assert_eq!(at("Chinese", 0), one("China"));
    assert_eq!(at("Wang Yi", 0), one("Wang Yi"));
    assert_eq!(at("Wang Yi", 1), one("Wang Yi"));
    assert!(nothing_at(&doc, &all, "FM", 0));
    assert!(nothing_at(&doc, &all, "Foreign Minister", 0));
    let wang = new_actor(&all, &doc, "Wang Yi", 0);
    assert_eq!(wang.kind, "person");
    assert_eq!(wang.role, "Foreign Minister");
    assert_eq!(
        wang.affiliation.as_deref().map(|a| name_of(&project, a)),
        Some("China".to_string())
    );
    // The name in Chinese script right after is the same person.
    assert_eq!(at("王毅", 0), one("Wang Yi"));
    assert_eq!(at("Mauro Vieira", 0), one("Mauro Vieira"));
    assert_eq!(at("Brazilian", 1), one("Brazil"));

    // The dateline and "in Beijing" are places; "Beijing supports" is the government.
    assert!(nothing_at(&doc, &all, "BEIJING", 0));
    assert!(nothing_at(&doc, &all, "Beijing", 0));
    assert_eq!(at("Beijing", 1), one("China"));
    assert_eq!(at("Brasília", 0), one("Brazil"));
    // "the Chinese market" is no reference to the state.
    assert!(nothing_at(&doc, &all, "Chinese market", 0));

    // Short form, pronouns (subject of the previous sentence), epithet.
    assert_eq!(at("Wang", 2), one("Wang Yi"));
    assert_eq!(at("He", 0), one("Wang Yi"));
    assert_eq!(at("the top diplomat", 0), one("Wang Yi"));
    assert_eq!(at("Vieira", 1), one("Mauro Vieira"));
    assert_eq!(at("He", 1), one("Mauro Vieira"));
    assert_eq!(at("his", 0), one("Mauro Vieira"));

    // Collective references: one mention per state, same span.
    assert_eq!(
        at("the two sides", 0),
        vec!["Brazil".to_string(), "China".to_string()]
    );
    assert_eq!(
        at("the two countries", 0),
        vec!["Brazil".to_string(), "China".to_string()]
    );
    assert_eq!(
        at("Both sides", 0),
        vec!["Brazil".to_string(), "China".to_string()]
    );
    // "a message to Washington" addresses the government; "to" is a place only after a
    // movement.
    assert_eq!(at("Washington", 0), one("United States"));
}

#[test]
fn reuters_report_secretary_of_state_lula_and_state_department() {
    let project = Project::new("dev");
    let doc = load("actors_reuters.txt");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);

    assert_eq!(at("U.S.", 1), one("United States"));
    assert_eq!(at("Antony Blinken", 0), one("Antony Blinken"));
    let blinken = new_actor(&all, &doc, "Antony Blinken", 0);
    assert_eq!(blinken.role, "Secretary of State");
    assert_eq!(
        blinken.affiliation.as_deref().map(|a| name_of(&project, a)),
        Some("United States".to_string())
    );
    // Accents and particles stay in the name.
    let lula = "Luiz Inácio Lula da Silva";
    assert_eq!(at(lula, 0), one(lula));
    assert_eq!(new_actor(&all, &doc, lula, 0).role, "President");

    // The byline is no mention; "visits Brasília" and "arrived in Brasília" are places.
    assert!(nothing_at(&doc, &all, "Ana Ribeiro", 0));
    assert!(nothing_at(&doc, &all, "Brasília", 0));
    assert!(nothing_at(&doc, &all, "Brasília", 2));
    // "Washington pressed Brasília", "Washington has warned": governments.
    assert_eq!(at("Washington", 0), one("United States"));
    assert_eq!(at("Brasília", 1), one("Brazil"));
    assert_eq!(at("Washington", 1), one("United States"));

    // The headline names Blinken before the lede introduces him.
    assert_eq!(at("Blinken", 0), one("Antony Blinken"));
    assert_eq!(at("Lula", 1), one(lula));
    assert_eq!(at("Blinken", 2), one("Antony Blinken"));
    assert_eq!(at("The president", 0), one(lula));
    assert_eq!(at("his", 0), one(lula));
    assert_eq!(at("He", 0), one("Antony Blinken"));

    // "State Department spokesperson Margaret Harris said she …".
    let department = new_actor(&all, &doc, "State Department", 0);
    assert_eq!(department.name, "U.S. Department of State");
    assert_eq!(department.kind, "government_body");
    assert_eq!(at("Margaret Harris", 0), one("Margaret Harris"));
    assert_eq!(
        new_actor(&all, &doc, "Margaret Harris", 0)
            .affiliation
            .as_deref()
            .map(|a| name_of(&project, a)),
        Some("United States".to_string())
    );
    assert_eq!(at("she", 0), one("Margaret Harris"));
    assert_eq!(at("The spokesperson", 0), one("Margaret Harris"));
    assert_eq!(at("State Department", 1), one("U.S. Department of State"));
    assert_eq!(at("Brazilian", 1), one("Brazil"));

    // A described grouping, a title with "policy", a source after "according to".
    let mercosur = at("Mercosur", 0);
    assert_eq!(mercosur.len(), 1);
    assert_eq!(at("The four-nation bloc", 0), mercosur);
    assert_eq!(at("Kaja Kallas", 0), one("Kaja Kallas"));
    let kallas = new_actor(&all, &doc, "Kaja Kallas", 0);
    assert_eq!(kallas.role, "foreign policy chief");
    assert_eq!(
        kallas.affiliation.as_deref().map(|a| name_of(&project, a)),
        Some(at("EU", 1)[0].clone())
    );
    assert_eq!(at("Clara Fontes", 0), one("Clara Fontes"));
    assert!(nothing_at(&doc, &all, "Brasília", 3));
    // A seat of government as a place, then as the body it stands for.
    assert!(nothing_at(&doc, &all, "Brussels", 0));
    assert_eq!(at("Brussels", 1), one("European Union"));
    // "the Americans have said": a plural demonym for the government.
    assert_eq!(at("Americans", 0), one("United States"));
}

#[test]
fn crlf_press_conference_bodies_ambassadors_and_speaker_labels() {
    let project = Project::new("dev");
    let doc = load("actors_mfa.txt");
    assert!(!doc.text().contains('\r'), "import normalises line endings");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);

    assert_eq!(at("Mao Ning", 0), one("Mao Ning"));
    assert_eq!(at("Mao Ning", 1), one("Mao Ning"));
    assert_eq!(new_actor(&all, &doc, "Mao Ning", 0).role, "Spokesperson");
    // "The Chinese Foreign Ministry": the state and the body.
    assert_eq!(at("Chinese", 1), one("China"));
    assert_eq!(
        at("Foreign Ministry", 1),
        one("Ministry of Foreign Affairs of the People's Republic of China")
    );
    // Later "the Ministry of Foreign Affairs" is that same body.
    assert_eq!(
        at("Ministry of Foreign Affairs", 0),
        one("Ministry of Foreign Affairs of the People's Republic of China")
    );
    assert!(nothing_at(&doc, &all, "Chinese companies", 0));
    assert_eq!(at("China", 0), one("China"));
    assert_eq!(at("PRC", 0), one("China"));

    assert_eq!(at("Zhang Jun", 0), one("Zhang Jun"));
    assert_eq!(new_actor(&all, &doc, "Zhang Jun", 0).role, "Ambassador");
    assert_eq!(at("Zhang", 1), one("Zhang Jun"));

    assert_eq!(at("Japanese", 0), one("Japan"));
    assert_eq!(at("Kishida Fumio", 0), one("Kishida Fumio"));
    assert_eq!(at("Tokyo", 0), one("Japan"));
    assert_eq!(at("Beijing", 0), one("China"));
    // "Mao Ning: We noted his remarks." — the speaker label is not who "his" is.
    assert_eq!(at("his", 0), one("Kishida Fumio"));
    assert_eq!(at("The spokesperson", 0), one("Mao Ning"));
}

#[test]
fn joint_statement_heads_of_state_apposition_groupings() {
    let project = Project::new("dev");
    let doc = load("actors_joint.txt");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);

    assert_eq!(at("People's Republic of China", 0), one("China"));
    assert_eq!(at("Xi Jinping", 0), one("Xi Jinping"));
    assert_eq!(at("Prabowo Subianto", 0), one("Prabowo Subianto"));
    assert_eq!(
        new_actor(&all, &doc, "Prabowo Subianto", 0)
            .affiliation
            .as_deref()
            .map(|a| name_of(&project, a)),
        Some("Indonesia".to_string())
    );
    assert_eq!(
        at("The two heads of state", 0),
        vec!["Prabowo Subianto".to_string(), "Xi Jinping".to_string()]
    );
    assert!(nothing_at(&doc, &all, "Beijing", 0));
    let pair = vec!["China".to_string(), "Indonesia".to_string()];
    assert_eq!(at("The two sides", 0), pair);
    assert_eq!(at("China", 2), one("China"));
    assert_eq!(at("Indonesia", 3), one("Indonesia"));
    assert_eq!(at("Both sides", 0), pair);
    assert_eq!(at("Both countries", 0), pair);

    assert_eq!(at("ASEAN", 0), one("ASEAN"));
    assert_eq!(at("the bloc", 0), one("ASEAN"));

    // "Wang Yi, China's foreign minister," and a one-word Indonesian name.
    assert_eq!(at("Wang Yi", 0), one("Wang Yi"));
    let wang = new_actor(&all, &doc, "Wang Yi", 0);
    assert_eq!(wang.role, "foreign minister");
    assert_eq!(
        wang.affiliation.as_deref().map(|a| name_of(&project, a)),
        Some("China".to_string())
    );
    assert_eq!(at("Sugiono", 0), one("Sugiono"));
    assert_eq!(
        new_actor(&all, &doc, "Sugiono", 0).role,
        "Minister of Foreign Affairs"
    );
    assert_eq!(at("Xi", 1), one("Xi Jinping"));
    assert_eq!(at("Jakarta", 0), one("Indonesia"));
    assert_eq!(at("G20", 0), one("G20"));
    // A state's name inside an event's name is no mention; "met" introduces a person.
    assert!(nothing_at(&doc, &all, "China International Import Expo", 0));
    assert_eq!(at("Puan Maharani", 0), one("Puan Maharani"));
    assert_eq!(at("Retno Marsudi", 0), one("Retno Marsudi"));
    // A name as the subject of "welcomed" introduces a person.
    assert_eq!(at("Dino Patti Djalal", 0), one("Dino Patti Djalal"));
    assert_eq!(
        at("The two Presidents", 0),
        vec!["Prabowo Subianto".to_string(), "Xi Jinping".to_string()]
    );
}

#[test]
fn project_actors_and_aliases_win_over_the_gazetteer() {
    let mut project = Project::new("dev");
    let mut brazil = Actor::new(Id(1), "Federative Republic of Brazil", "state");
    brazil.iso3 = Some("BRA".into());
    let mut itamaraty = Actor::new(
        Id(2),
        "Brazil Ministry of Foreign Affairs",
        "government_body",
    );
    itamaraty.aliases = vec!["Itamaraty".into()];
    let mut lula = Actor::new(Id(3), "Lula", "person");
    lula.aliases = vec!["Luiz Inácio Lula da Silva".into()];
    lula.role = "President".into();
    project.actors = vec![brazil, itamaraty, lula];
    let doc = load("actors_reuters.txt");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);

    // Same ISO3 as the gazetteer's Brazil: the project's actor is the one suggested.
    assert_eq!(at("Brazil", 0), one("Federative Republic of Brazil"));
    assert_eq!(at("Brasília", 1), one("Federative Republic of Brazil"));
    assert_eq!(at("Brazilian", 0), one("Federative Republic of Brazil"));
    // An alias the gazetteer does not know.
    assert_eq!(
        at("Itamaraty", 0),
        one("Brazil Ministry of Foreign Affairs")
    );
    // The titled name is the project's person; later references follow it.
    assert_eq!(at("Luiz Inácio Lula da Silva", 0), one("Lula"));
    assert_eq!(at("The president", 0), one("Lula"));
    assert_eq!(at("his", 0), one("Lula"));
    assert!(all.iter().all(|s| match &s.detail {
        Detail::Mention {
            actor: ActorRef::New(new),
        } => new.iso3.as_deref() != Some("BRA"),
        _ => true,
    }));
}

#[test]
fn suggestions_are_in_text_order_without_duplicates_and_slice_the_text() {
    let project = Project::new("dev");
    for name in [
        "actors_xinhua.txt",
        "actors_reuters.txt",
        "actors_mfa.txt",
        "actors_joint.txt",
        "actors_afp_un.txt",
    ] {
        let doc = load(name);
        let all = suggest(&project, &doc);
        for s in &all {
            if let Detail::Mention { actor } = &s.detail {
                println!(
                    "{name} {}..{} {:?} → {}",
                    s.start,
                    s.end,
                    s.text,
                    name_of(&project, actor)
                );
            }
        }
        assert!(all.len() > 15, "{name}: {} mentions", all.len());
        for pair in all.windows(2) {
            assert!(
                (pair[0].start, pair[0].end) <= (pair[1].start, pair[1].end),
                "{name}: order"
            );
            assert!(pair[0] != pair[1], "{name}: duplicate {:?}", pair[0]);
        }
        for s in &all {
            assert_eq!(
                doc.slice(s.start, s.end),
                Some(s.text.as_str()),
                "{name}: offsets"
            );
            // Names carry no article and no possessive.
            assert!(
                !s.text.ends_with("'s") && !s.text.ends_with("’s"),
                "{name}: {:?}",
                s.text
            );
            if !s.text.starts_with("the ") && !s.text.starts_with("The ") {
                assert!(s.text.chars().next().is_some_and(|c| !c.is_whitespace()));
            }
        }
    }
}

#[test]
fn afp_un_story_councils_coordinated_demonyms_hyphenated_and_arabic_names() {
    let project = Project::new("dev");
    let doc = load("actors_afp_un.txt");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);

    // An all-capitals dateline is no mention.
    assert!(nothing_at(&doc, &all, "UNITED NATIONS", 0));
    assert_eq!(at("North Korea", 1), one("North Korea"));
    // "Chinese and Russian diplomats": both demonyms stand for their states.
    assert_eq!(at("Chinese", 0), one("China"));
    assert_eq!(at("Russian", 0), one("Russia"));

    assert_eq!(at("South Korean", 0), one("South Korea"));
    assert_eq!(at("Lee Jae-myung", 0), one("Lee Jae-myung"));
    assert!(nothing_at(&doc, &all, "Seoul", 0));
    assert_eq!(at("he", 0), one("Lee Jae-myung"));
    // "the council" two sentences after the Security Council was named.
    let council = at("UN Security Council", 1);
    assert_eq!(council.len(), 1);
    assert_eq!(at("the council", 0), council);

    assert_eq!(at("António Guterres", 0), one("António Guterres"));
    let guterres = new_actor(&all, &doc, "António Guterres", 0);
    assert_eq!(guterres.role, "Secretary-General");
    assert_eq!(
        guterres
            .affiliation
            .as_deref()
            .map(|a| name_of(&project, a)),
        Some("United Nations".to_string())
    );
    assert_eq!(at("he", 1), one("António Guterres"));
    assert_eq!(at("His", 0), one("António Guterres"));
    // "His spokesman, Stéphane Dujarric, told": the title before the comma.
    assert_eq!(at("Stéphane Dujarric", 0), one("Stéphane Dujarric"));
    assert_eq!(
        new_actor(&all, &doc, "Stéphane Dujarric", 0).role,
        "spokesman"
    );
    assert_eq!(at("Guterres", 1), one("António Guterres"));
    assert_eq!(at("Lee", 1), one("Lee Jae-myung"));
    // Epithets with an organisation before the head, and a hyphenated head.
    assert_eq!(at("The UN chief", 0), one("António Guterres"));
    assert_eq!(at("UN", 3), one("United Nations"));
    assert_eq!(at("the secretary-general", 0), one("António Guterres"));

    assert_eq!(at("Saudi", 0), one("Saudi Arabia"));
    assert_eq!(at("Faisal bin Farhan", 0), one("Faisal bin Farhan"));
    assert_eq!(at("Riyadh", 0), one("Saudi Arabia"));

    // An organisation introduced with its acronym, then the acronym alone.
    assert_eq!(at("Rapid Support Forces", 0), one("Rapid Support Forces"));
    assert_eq!(at("RSF", 0), one("Rapid Support Forces"));
    assert_eq!(at("RSF", 1), one("Rapid Support Forces"));
    assert_eq!(new_actor(&all, &doc, "RSF", 1).aliases, ["RSF"]);

    // "Sudan's ambassador to the UN, Name,": role and state from before the comma.
    let envoy = "Al-Harith Idriss al-Harith Mohamed";
    assert_eq!(at(envoy, 0), one(envoy));
    let envoy = new_actor(&all, &doc, envoy, 0);
    assert_eq!(envoy.role, "ambassador to the UN");
    assert_eq!(
        envoy.affiliation.as_deref().map(|a| name_of(&project, a)),
        Some("Sudan".to_string())
    );
    // "Army chief Gen. Name": the abbreviated rank is a title, not a name.
    assert_eq!(
        at("Abdel Fattah al-Burhan", 0),
        one("Abdel Fattah al-Burhan")
    );
    assert!(nothing_at(&doc, &all, "Gen", 0));
    // A movement named after "the", without an acronym.
    assert_eq!(
        at("Popular Defence Forces", 0),
        one("Popular Defence Forces")
    );
    assert!(nothing_at(&doc, &all, "El Fasher", 0));
    // A name that starts like a state's is still a name after a title.
    assert_eq!(at("Israel Katz", 0), one("Israel Katz"));
    assert_eq!(at("Israel", 1), one("Israel"));
    // "To" opens a name right after a title.
    assert_eq!(at("To Lam", 0), one("To Lam"));
}

#[test]
fn honorifics_counterparts_and_apposed_names_after_an_epithet_like_title() {
    let project = Project::new("dev");
    let doc = load("speakers_wire.txt");
    let all = suggest(&project, &doc);
    // A counterpart holds the role of the minister he meets, so the epithet finds him.
    assert_eq!(
        actors_at(&project, &doc, &all, "The Turkish minister", 0),
        one("Hakan Fidan")
    );
    let fidan = new_actor(&all, &doc, "Hakan Fidan", 0);
    assert_eq!(fidan.role, "Foreign Minister");
    // "The Chinese envoy, Fu Cong," introduces Fu Cong; it is no epithet of the earlier
    // envoy Lamamra.
    assert!(actors_at(&project, &doc, &all, "The Chinese envoy", 0).is_empty());
    assert_eq!(
        actors_at(&project, &doc, &all, "Fu Cong", 0),
        one("Fu Cong")
    );
    // "Spokesman for Secretary-General António Guterres": Guterres is no spokesman.
    let doc = load("speakers_briefing.txt");
    let all = suggest(&project, &doc);
    let guterres = new_actor(&all, &doc, "António Guterres", 0);
    assert!(
        !guterres.role.to_lowercase().contains("spokes"),
        "{}",
        guterres.role
    );
    // "Shri" is an honorific, not part of the name.
    let doc = load("speakers_mea.txt");
    let all = suggest(&project, &doc);
    assert_eq!(
        actors_at(&project, &doc, &all, "Randhir Jaiswal", 0),
        one("Randhir Jaiswal")
    );
    // A long title with capitalised portfolio words, and a rank that is no part of the name.
    let mudavadi = new_actor(&all, &doc, "Musalia Mudavadi", 0);
    assert_eq!(
        mudavadi.role,
        "Prime Cabinet Secretary and Cabinet Secretary for Foreign and Diaspora Affairs"
    );
    assert_eq!(
        actors_at(&project, &doc, &all, "Mamadi Doumbouya", 0),
        one("Mamadi Doumbouya")
    );
}

#[test]
fn the_government_is_the_state_just_mentioned_and_armed_groups_come_from_the_gazetteer() {
    use demarche::model::{DocumentMeta, LineEndings, Origin, Stamp};
    let doc = Document::new(
        Id(1),
        DocumentMeta {
            title: "Kinshasa talks".into(),
            ..DocumentMeta::default()
        },
        Origin {
            path: None,
            format: "text".into(),
            encoding: "UTF-8".into(),
            line_endings: LineEndings::Lf,
            file_fingerprint: None,
            imported: Stamp::now("tester").created,
        },
        "Congo and the M23 rebels met in Doha. The government said the FARDC would hold \
         its positions, while the Rapid Support Forces (RSF) fought the Sudanese Armed Forces \
         near El Fasher."
            .into(),
    );
    let project = Project::new("dev");
    let all = suggest(&project, &doc);
    assert_eq!(
        actors_at(&project, &doc, &all, "government", 0),
        one("Democratic Republic of the Congo")
    );
    assert_eq!(actors_at(&project, &doc, &all, "M23", 0), one("M23"));
    assert_eq!(actors_at(&project, &doc, &all, "FARDC", 0), one("FARDC"));
    assert_eq!(
        actors_at(&project, &doc, &all, "RSF", 0),
        one("Rapid Support Forces")
    );
    assert_eq!(
        actors_at(&project, &doc, &all, "Sudanese Armed Forces", 0),
        one("Sudanese Armed Forces")
    );
    assert!(
        nothing_at(&doc, &all, "Doha", 0),
        "a capital after 'in' is a place"
    );
}

#[test]
fn he_after_a_sentence_where_someone_spoke_is_the_speaker_not_the_first_named() {
    let project = Project::new("dev");
    let doc = load("speakers_summit.txt");
    let all = suggest(&project, &doc);
    assert_eq!(
        actors_at(&project, &doc, &all, "He", 0),
        one("Shigeru Ishiba")
    );
}

#[test]
fn transcript_labels_capitalised_epithets_journalists_and_untitled_names() {
    let project = Project::new("dev");
    let doc = load("speakers_noon_continued.txt");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);
    // "Spokesperson:" opening an answer is the spokesperson named in the heading.
    for nth in 0..3 {
        assert_eq!(at("Spokesperson", nth + 1), one("Florencia Soto Niño"));
    }
    // "The Secretary-General", capitalised, is the Secretary-General named before; so
    // are "He" and "His" after it.
    assert_eq!(at("The Secretary-General", 0), one("António Guterres"));
    assert_eq!(at("the Secretary-General", 0), one("António Guterres"));
    assert_eq!(at("He", 0), one("António Guterres"));
    assert_eq!(at("He", 1), one("António Guterres"));
    assert_eq!(at("His", 0), one("António Guterres"));
    // A journalist introduced with the outlet.
    assert_eq!(at("Pamela Falk", 0), one("Pamela Falk"));
    assert_eq!(at("Ahmed Fathi", 0), one("Ahmed Fathi"));
    assert_eq!(at("Kyodo News", 0), one("Kyodo News"));

    let doc = load("speakers_untitled.txt");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);
    // A title "of the Republic of Türkiye" before the name: the state and the person.
    assert_eq!(at("Hakan Fidan", 0), one("Hakan Fidan"));
    assert_eq!(at("Republic of Türkiye", 0), one("Türkiye"));
    assert_eq!(at("Hakan Fidan", 1), one("Hakan Fidan"));
    assert_eq!(at("Fidan", 2), one("Hakan Fidan"));
    // Two particles inside a name, a suffix with its period.
    assert_eq!(
        at("Juan Ramón de la Fuente", 0),
        one("Juan Ramón de la Fuente")
    );
    assert_eq!(at("Surangel Whipps Jr.", 0), one("Surangel Whipps Jr."));
    // An untitled name before ", who …," and a reporting verb.
    assert_eq!(at("Kanat Bozumbayev", 0), one("Kanat Bozumbayev"));
    // A readout's "The Deputy Secretary".
    assert_eq!(at("The Deputy Secretary", 0), one("Christopher Landau"));
}

fn names(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn armies_armed_groups_sides_missions_and_datelines() {
    let doc = load("actors_conflict.txt");
    let project = Project::new("dev");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);
    // The dateline and its agency credit are not coded.
    assert!(nothing_at(&doc, &all, "PORT SUDAN", 0));
    assert!(nothing_at(&doc, &all, "Reuters", 0));
    // "army" is the armed forces of the state just named, or of those met last; the
    // span leaves out "the".
    assert_eq!(at("Sudan", 0), one("Sudan"));
    assert_eq!(at("army", 0), one("Sudanese Armed Forces"));
    assert_eq!(at("army", 1), one("Sudanese Armed Forces"));
    assert_eq!(at("army", 2), one("Sudanese Armed Forces"));
    assert_eq!(at("The paramilitary group", 0), one("Rapid Support Forces"));
    // The mediators are the subject; the sides are the two armed actors before them.
    let sides = names(&["Rapid Support Forces", "Sudanese Armed Forces"]);
    assert_eq!(at("both sides", 0), sides);
    assert_eq!(at("The two warring parties", 0), sides);
    assert!(
        nothing_at(&doc, &all, "Jeddah", 1),
        "'the Jeddah process' names the place"
    );
    assert_eq!(at("the country", 0), one("Sudan"));
    // A demonym before "army" is both the state and its armed forces.
    assert_eq!(at("Congolese", 0), one("Democratic Republic of the Congo"));
    assert_eq!(at("army", 3), one("FARDC"));
    // "the U.N. mission", "the force": the peace operation met last.
    assert_eq!(at("mission", 0), one("MONUSCO"));
    assert_eq!(at("force", 0), one("Gang Suppression Force"));
}

#[test]
fn three_states_confederations_councils_blocs_and_parliaments() {
    let doc = load("actors_sahel.txt");
    let project = Project::new("dev");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);
    assert!(nothing_at(&doc, &all, "AFP", 0));
    let three = names(&["Burkina Faso", "Mali", "Niger"]);
    assert_eq!(at("the three countries", 0), three);
    assert_eq!(at("The three juntas", 0), three);
    assert_eq!(at("the council", 0), one("Peace and Security Council"));
    // Several sentences later, still the council named before.
    assert_eq!(at("the council", 1), one("Peace and Security Council"));
    assert_eq!(at("the confederation", 0), one("Alliance of Sahel States"));
    assert!(
        nothing_at(&doc, &all, "a regional force", 0),
        "an unnamed force is no body met before"
    );
    // A commission of a regional bloc: "the regional bloc" is the bloc itself.
    assert_eq!(at("ECOWAS Commission", 0), one("ECOWAS Commission"));
    assert_eq!(at("the regional bloc", 0), one("ECOWAS"));
    assert!(nothing_at(&doc, &all, "Doha", 0));
    // Two sides joined by "and", not the host in the same sentence.
    assert_eq!(
        at("the two delegations", 0),
        names(&["Iran", "United States"])
    );
    assert_eq!(at("parliament", 0), one("Islamic Consultative Assembly"));
    assert_eq!(at("Chinese", 0), one("China"));
    assert_eq!(at("government", 0), one("China"));
    // A document named after an organisation is no mention of it.
    assert!(nothing_at(&doc, &all, "United Nations", 0));
}

#[test]
fn a_counterpart_after_a_comma_an_epithet_by_state_and_their_after_two_people() {
    let project = Project::new("dev");
    let doc = load("speakers_counterparts.txt");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);
    // "his Qatari counterpart, Sheikh …": a foreign minister of Qatar, whom "the Qatari
    // prime minister" finds though "prime" is not in the role.
    assert_eq!(
        at("Mohammed bin Abdulrahman Al Thani", 0),
        one("Mohammed bin Abdulrahman Al Thani")
    );
    assert_eq!(
        at("The Qatari prime minister", 0),
        one("Mohammed bin Abdulrahman Al Thani")
    );
    // "their" right after a collective of two people is each of them.
    assert_eq!(at("Both ministers", 0).len(), 2);
    let mut both = vec!["Hakan Fidan".to_string(), "Sergei Lavrov".to_string()];
    both.sort();
    assert_eq!(at("their", 0), both);
}

#[test]
fn eu_organs_the_27_owners_governments_and_coast_guards() {
    let doc = load("actors_brussels.txt");
    let project = Project::new("dev");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);
    // "the Council" with no council named before: the organ of the EU named before.
    assert_eq!(at("the Council", 0), one("Council of the European Union"));
    assert_eq!(at("The 27", 0), one("European Union"));
    assert_eq!(at("Commission", 0), one("European Commission"));
    // The demonym of a government, and "whose government" of a person named with
    // his state.
    assert_eq!(at("Georgian", 0), one("Georgia"));
    assert_eq!(at("government", 0), one("Georgia"));
    assert_eq!(at("Irakli Kobakhidze", 0), one("Irakli Kobakhidze"));
    assert_eq!(at("government", 1), one("Georgia"));
    assert_eq!(at("coast guard", 0), one("Philippine Coast Guard"));
    assert_eq!(at("Chinese", 0), one("China"));
    // "the bloc" several sentences after the EU was named.
    assert_eq!(at("the bloc", 1), one("European Union"));
    // "the two foreign ministries": the two ministries just named.
    assert_eq!(
        at("The two foreign ministries", 0),
        names(&[
            "Russian Ministry of Foreign Affairs",
            "Türkiye Ministry of Foreign Affairs"
        ])
    );
}

#[test]
fn meetings_coverage_delegates_capitalised_governments_slashed_credits_and_organisations() {
    let doc = load("actors_meetings.txt");
    let project = Project::new("dev");
    let all = suggest(&project, &doc);
    let at = |needle: &str, nth: usize| actors_at(&project, &doc, &all, needle, nth);
    // A pronoun after an unnamed delegate is the delegate (no actor), not the person
    // named before; "his country" / "her country" is the delegate's state.
    assert_eq!(at("She", 0), one("Mari Tanaka"));
    assert_eq!(at("his country", 0), one("France"));
    assert!(nothing_at(&doc, &all, "he", 0));
    assert_eq!(at("her country", 0), one("China"));
    // "his Government" of someone named without a state: the state just named.
    assert_eq!(at("Government", 0), one("Libya"));
    // "the Indonesian Government", capitalised: the demonym and the state.
    assert_eq!(at("Indonesian", 0), one("Indonesia"));
    assert_eq!(at("Government", 1), one("Indonesia"));
    // Groupings and bodies the gazetteer lists.
    assert_eq!(at("A3+", 0), one("A3+"));
    assert_eq!(at("the group", 0), one("A3+"));
    assert_eq!(at("FOCAC", 0), one("Forum on China-Africa Cooperation"));
    assert_eq!(
        at("Forum on China-Africa Cooperation", 0),
        one("Forum on China-Africa Cooperation")
    );
    assert!(at("China", 1).is_empty());
    // A TASS dateline is no mention; a demonym before "chairmanship" is the state.
    assert!(nothing_at(&doc, &all, "TASS", 0));
    assert_eq!(at("Kyrgyz", 0), one("Kyrgyzstan"));
    // "They" opening the sentence after "The two Presidents …", and "their" after it.
    let presidents = names(&["Luiz Inácio Lula da Silva", "Prabowo Subianto"]);
    assert_eq!(at("They", 0), presidents);
    assert_eq!(at("their", 0), presidents);
    // "For his part, Faye said": the person named right after.
    assert_eq!(at("his", 2), one("Bassirou Diomaye Faye"));
    assert_eq!(at("EPP", 0), one("European People's Party"));
    assert_eq!(at("Amnesty", 0), one("Amnesty International"));
    assert_eq!(at("European Ombudsman", 0), one("European Ombudsman"));
    // "the presidential office": the state's, named after it too.
    assert_eq!(
        at("presidential office", 0),
        one("South Korea Presidential Office")
    );
    // "the organization": the one whose name says so, not the union named last.
    assert_eq!(
        at("the organization", 0),
        one("Shanghai Cooperation Organization")
    );
}
