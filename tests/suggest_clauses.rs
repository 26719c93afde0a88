//! Statement, commitment and stance suggestions (`suggest::clauses`) on dev articles
//! written for these tests (wire copy, an MFA readout, a joint statement, CJK names with
//! guillemets and corner brackets over CRLF). Mentions are given by the tests, as the
//! actors module or the analyst would provide them.

use demarche::model::{
    Actor, Document, DocumentMeta, Id, LineEndings, Mention, Origin, Project, Span, Stamp,
    Statement,
};
use demarche::suggest::clauses::clauses;
use demarche::suggest::{
    ActorRef, Detail, Gazetteer, NewActor, StanceTargetRef, Suggestion, SuggestionKind,
};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/suggest/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn document(text: &str) -> Document {
    Document::new(
        Id(1),
        DocumentMeta {
            title: "Dev article".into(),
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
        text.into(),
    )
}

fn actor(name: &str, kind: &str, affiliation: Option<&NewActor>) -> NewActor {
    NewActor {
        name: name.into(),
        kind: kind.into(),
        aliases: Vec::new(),
        iso3: None,
        cameo: None,
        role: String::new(),
        affiliation: affiliation.map(|a| Box::new(ActorRef::New(a.clone()))),
    }
}

fn state(name: &str) -> NewActor {
    actor(name, "state", None)
}

/// Mention suggestions for every whole-word occurrence of each surface (longer surfaces
/// first, no overlaps), plus `extra` ones given as (surface, occurrence, actor) — for
/// pronouns and collective references that name several actors over one span.
fn mentions(
    text: &str,
    surfaces: &[(&str, &NewActor)],
    extra: &[(&str, usize, &NewActor)],
) -> Vec<Suggestion> {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    let mut sorted: Vec<&(&str, &NewActor)> = surfaces.iter().collect();
    sorted.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    let mut push = |start: usize, surface: &str, who: &NewActor| {
        let s = text[..start].chars().count();
        out.push(Suggestion {
            kind: SuggestionKind::Mention,
            start: s,
            end: s + surface.chars().count(),
            text: surface.into(),
            detail: Detail::Mention {
                actor: ActorRef::New(who.clone()),
            },
            rule: "",
        });
    };
    for (surface, who) in sorted {
        for (b, _) in text.match_indices(surface) {
            let e = b + surface.len();
            let clear =
                boundary(text[..b].chars().next_back()) && boundary(text[e..].chars().next());
            if clear && !taken.iter().any(|&(s, t)| s < e && b < t) {
                taken.push((b, e));
                push(b, surface, who);
            }
        }
    }
    for (surface, nth, who) in extra {
        let (b, _) = text
            .match_indices(surface)
            .nth(*nth)
            .unwrap_or_else(|| panic!("{surface} #{nth} in text"));
        push(b, surface, who);
    }
    out.sort_by_key(|m| m.start);
    out
}

fn run(text: &str, mentions: &[Suggestion]) -> Vec<Suggestion> {
    let project = Project::new("Dev");
    clauses(&project, &document(text), Gazetteer::bundled(), mentions)
}

fn name(actor: &ActorRef) -> String {
    match actor {
        ActorRef::New(n) => n.name.clone(),
        ActorRef::Project(id) => format!("#{}", id.0),
    }
}

fn of_kind(all: &[Suggestion], kind: SuggestionKind) -> Vec<&Suggestion> {
    all.iter().filter(|s| s.kind == kind).collect()
}

/// The statement suggestion whose text contains `phrase`.
fn statement<'a>(all: &'a [Suggestion], phrase: &str) -> &'a Suggestion {
    of_kind(all, SuggestionKind::Statement)
        .into_iter()
        .find(|s| s.text.contains(phrase))
        .unwrap_or_else(|| panic!("no statement with {phrase:?} in {all:#?}"))
}

fn speaker(s: &Suggestion) -> Option<String> {
    match &s.detail {
        Detail::Statement { speaker, .. } => speaker.as_ref().map(name),
        other => panic!("not a statement: {other:?}"),
    }
}

fn attribution(s: &Suggestion) -> &str {
    match &s.detail {
        Detail::Statement { attribution, .. } => attribution,
        other => panic!("not a statement: {other:?}"),
    }
}

fn cue_text<'a>(text: &'a str, s: &Suggestion) -> &'a str {
    let Detail::Statement {
        cue: Some((a, b)), ..
    } = &s.detail
    else {
        panic!("no cue on {s:?}");
    };
    let doc_chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |c: usize| doc_chars.get(c).map_or(text.len(), |(b, _)| *b);
    &text[byte(*a)..byte(*b)]
}

struct Commit {
    text: String,
    statement: (usize, usize),
    committer: Option<String>,
    addressees: Vec<String>,
    action: String,
    strength: String,
    conditions: String,
    category: String,
}

fn commitments(all: &[Suggestion]) -> Vec<Commit> {
    all.iter()
        .filter_map(|s| match &s.detail {
            Detail::Commitment {
                statement,
                committer,
                addressees,
                action,
                strength,
                conditions,
                category,
            } => Some(Commit {
                text: s.text.clone(),
                statement: *statement,
                committer: committer.as_ref().map(name),
                addressees: addressees.iter().map(name).collect(),
                action: action.clone(),
                strength: strength.clone(),
                conditions: conditions.clone(),
                category: category.clone(),
            }),
            _ => None,
        })
        .collect()
}

fn commitment<'a>(all: &'a [Commit], phrase: &str) -> &'a Commit {
    all.iter()
        .find(|c| c.text.contains(phrase))
        .unwrap_or_else(|| {
            let texts: Vec<&str> = all.iter().map(|c| c.text.as_str()).collect();
            panic!("no commitment with {phrase:?} among {texts:?}")
        })
}

/// (cue text, holder, target, polarity) of every stance.
fn stances(all: &[Suggestion]) -> Vec<(String, Option<String>, Option<String>, String)> {
    all.iter()
        .filter_map(|s| match &s.detail {
            Detail::Stance {
                holder,
                target,
                polarity,
                ..
            } => Some((
                s.text.clone(),
                holder.as_ref().map(name),
                target.as_ref().map(|t| match t {
                    StanceTargetRef::Actor(a) => name(a),
                    StanceTargetRef::Topic(k) => format!("topic:{k}"),
                }),
                polarity.clone(),
            )),
            _ => None,
        })
        .collect()
}

fn stance(
    all: &[(String, Option<String>, Option<String>, String)],
    phrase: &str,
) -> (Option<String>, Option<String>, String) {
    all.iter()
        .find(|s| s.0.starts_with(phrase))
        .map(|s| (s.1.clone(), s.2.clone(), s.3.clone()))
        .unwrap_or_else(|| panic!("no stance at {phrase:?} among {all:?}"))
}

struct Wire {
    text: String,
    all: Vec<Suggestion>,
}

fn wire() -> Wire {
    let text = fixture("clauses_wire.txt");
    let china = state("China");
    let brazil = state("Brazil");
    let haiti = state("Haiti");
    let wang = actor("Wang Yi", "person", Some(&china));
    let vieira = actor("Mauro Vieira", "person", Some(&brazil));
    let mao = actor("Mao Ning", "person", Some(&china));
    let ms = mentions(
        &text,
        &[
            ("China", &china),
            ("Brazil", &brazil),
            ("Brazilian", &brazil),
            ("Haiti", &haiti),
            ("Wang Yi", &wang),
            ("Wang", &wang),
            ("Mauro Vieira", &vieira),
            ("Vieira", &vieira),
            ("Mao Ning", &mao),
        ],
        &[("he said", 0, &wang)],
    );
    // The pronoun mention covers "he" only.
    let ms: Vec<Suggestion> = ms
        .into_iter()
        .map(|mut m| {
            if m.text == "he said" {
                m.end = m.start + 2;
                m.text = "he".into();
            }
            m
        })
        .collect();
    let all = run(&text, &ms);
    Wire { text, all }
}

#[test]
fn reported_statement_names_its_speaker_and_cue() {
    let w = wire();
    let s = statement(&w.all, "China is willing to deepen");
    assert_eq!(speaker(s).as_deref(), Some("Wang Yi"));
    assert_eq!(attribution(s), "reported");
    assert_eq!(cue_text(&w.text, s), "said");
    // The whole sentence, from after the dateline (which is in no sentence) to the period.
    assert!(s.text.starts_with("China is willing"), "{}", s.text);
    assert!(s.text.ends_with("said on Tuesday."), "{}", s.text);
}

#[test]
fn quote_with_a_trailing_cue_is_direct_and_resolves_a_pronoun_mention() {
    let w = wire();
    let s = statement(&w.all, "We will expand trade");
    assert_eq!(speaker(s).as_deref(), Some("Wang Yi"));
    assert_eq!(attribution(s), "direct");
    assert_eq!(cue_text(&w.text, s), "told");
    let s = statement(&w.all, "We have never sought hegemony");
    assert_eq!(speaker(s).as_deref(), Some("Wang Yi"));
    // The first sentence of that quotation has no cue but is inside the same quotation.
    let s = statement(&w.all, "China firmly opposes interference");
    assert_eq!(speaker(s).as_deref(), Some("Wang Yi"));
    assert_eq!(attribution(s), "direct");
    // Straight quotes with an inverted cue ("…," said Mauro Vieira).
    let s = statement(&w.all, "Brazil rejects any form");
    assert_eq!(speaker(s).as_deref(), Some("Mauro Vieira"));
    assert_eq!(attribution(s), "direct");
}

#[test]
fn commitment_keeps_committer_apart_from_speaker_with_conditions_and_addressee() {
    let w = wire();
    let all = commitments(&w.all);
    let c = commitment(&all, "willing to deepen cooperation");
    assert_eq!(c.committer.as_deref(), Some("China"));
    assert_eq!(c.strength, "possible");
    assert_eq!(c.action, "deepen cooperation");
    assert_eq!(c.addressees, vec!["Brazil"]);
    assert_eq!(
        c.conditions,
        "on the basis of mutual respect, equality and mutual benefit"
    );
    assert_eq!(c.category, "COOPERATE");
    // The commitment belongs to the statement of its sentence.
    let s = statement(&w.all, "China is willing to deepen");
    assert_eq!(c.statement, (s.start, s.end));
}

#[test]
fn two_committed_actions_in_one_quote_are_two_commitments_of_the_speakers_state() {
    let w = wire();
    let all = commitments(&w.all);
    let expand = commitment(&all, "will expand trade");
    assert_eq!(
        expand.committer.as_deref(),
        Some("China"),
        "“we” is Wang's side"
    );
    assert_eq!(expand.strength, "certain");
    let aid = commitment(&all, "will provide assistance");
    assert_eq!(aid.committer.as_deref(), Some("China"));
    assert_eq!(aid.category, "AID");
    assert_eq!(aid.addressees, vec!["Haiti"]);
}

#[test]
fn probable_and_conditional_possible_commitments() {
    let w = wire();
    let all = commitments(&w.all);
    let sign = commitment(&all, "expects to sign");
    assert_eq!(sign.committer.as_deref(), Some("Brazil"));
    assert_eq!(sign.strength, "probable");
    assert_eq!(sign.addressees, vec!["China"]);
    let join = commitment(&all, "hopes to join");
    assert_eq!(join.committer.as_deref(), Some("Brazil"));
    assert_eq!(join.strength, "possible");
    assert_eq!(join.conditions, "if its terms are fair");
    let s = statement(&w.all, "hopes to join");
    assert_eq!(
        speaker(s).as_deref(),
        Some("Brazil"),
        "according to the Brazilian …"
    );
}

#[test]
fn future_facts_are_not_commitments() {
    let w = wire();
    let all = commitments(&w.all);
    for c in &all {
        assert!(
            !c.text.contains("be held") && !c.text.contains("attend"),
            "not a commitment: {}",
            c.text
        );
    }
    // An unnamed source still makes a statement, without a speaker.
    let s = statement(&w.all, "will be held in Brasília");
    assert_eq!(speaker(s), None);
    // Narration with no source is not a statement.
    assert!(
        of_kind(&w.all, SuggestionKind::Statement)
            .iter()
            .all(|s| !s.text.contains("BRICS summit"))
    );
}

#[test]
fn stances_have_polarity_holder_and_actor_or_topic_target() {
    let w = wire();
    let all = stances(&w.all);
    assert_eq!(
        stance(&all, "opposes interference"),
        (
            Some("China".into()),
            Some("topic:sovereignty".into()),
            "against".into()
        )
    );
    assert_eq!(
        stance(&all, "have never sought hegemony"),
        (
            Some("China".into()),
            Some("topic:international_order".into()),
            "against".into()
        )
    );
    assert_eq!(
        stance(&all, "rejects any form of protectionism"),
        (
            Some("Brazil".into()),
            Some("topic:trade".into()),
            "against".into()
        )
    );
    assert_eq!(stance(&all, "welcomed the talks").2, "favor");
}

#[test]
fn quoted_as_saying_titled_sources_and_statements_issued_by() {
    let w = wire();
    let s = statement(&w.all, "was quoted as saying");
    assert_eq!(speaker(s).as_deref(), Some("Mao Ning"));
    assert_eq!(cue_text(&w.text, s), "was quoted as saying");
    let all = commitments(&w.all);
    let ready = commitment(&all, "stands ready to support");
    assert_eq!(ready.committer.as_deref(), Some("China"));
    assert_eq!(ready.category, "SUPPORT");
    // An unnamed spokesperson speaks for the body or state in the title.
    let s = statement(&w.all, "spokesperson said Brazil will not take sides");
    assert_eq!(speaker(s).as_deref(), Some("Brazil"));
    let st = stances(&w.all);
    let (holder, _, polarity) = stance(&st, "take sides");
    assert_eq!(
        (holder.as_deref(), polarity.as_str()),
        (Some("Brazil"), "neutral")
    );
    let s = statement(&w.all, "According to a statement issued by");
    assert_eq!(speaker(s).as_deref(), Some("Brazil"));
    assert_eq!(commitment(&all, "plans to reopen").strength, "probable");
}

struct Readout {
    text: String,
    all: Vec<Suggestion>,
}

fn readout() -> Readout {
    let text = fixture("clauses_readout.txt");
    let china = state("China");
    let colombia = state("Colombia");
    let wang = actor("Wang Yi", "person", Some(&china));
    let murillo = actor("Luis Gilberto Murillo", "person", Some(&colombia));
    let ms = mentions(
        &text,
        &[
            ("China", &china),
            ("Chinese", &china),
            ("Colombia", &colombia),
            ("Colombian", &colombia),
            ("Wang Yi", &wang),
            ("Luis Gilberto Murillo", &murillo),
            ("Murillo", &murillo),
        ],
        &[("Both sides", 0, &china), ("Both sides", 0, &colombia)],
    );
    let all = run(&text, &ms);
    Readout { text, all }
}

#[test]
fn appositive_speaker_and_bare_pronoun_cue() {
    let r = readout();
    let s = statement(&r.all, "the Chinese foreign minister, said that");
    assert_eq!(
        speaker(s).as_deref(),
        Some("Wang Yi"),
        "not the appositive's China"
    );
    // "he added" with no pronoun mention: the person who spoke last.
    let s = statement(&r.all, "he added");
    assert_eq!(speaker(s).as_deref(), Some("Luis Gilberto Murillo"));
    assert_eq!(cue_text(&r.text, s), "added");
    // A collective subject speaks for the first actor it names.
    let s = statement(&r.all, "Both sides agreed");
    assert_eq!(speaker(s).as_deref(), Some("China"));
}

#[test]
fn readout_commitments_categories_and_coordination() {
    let r = readout();
    let all = commitments(&r.all);
    let ready = commitment(&all, "ready to work");
    assert_eq!(ready.committer.as_deref(), Some("China"));
    assert_eq!(ready.strength, "possible");
    assert_eq!(ready.addressees, vec!["Colombia"]);
    assert_eq!(ready.category, "COOPERATE");
    let join = commitment(&all, "will actively participate");
    assert_eq!(join.committer.as_deref(), Some("Colombia"));
    assert_eq!(join.action, "participate");
    let meet = commitment(&all, "expects to hold");
    assert_eq!(meet.committer.as_deref(), Some("Colombia"));
    assert_eq!(meet.category, "CONSULT");
    assert_eq!(meet.addressees, vec!["China"]);
    let agree = commitment(&all, "agreed to maintain");
    assert_eq!(agree.category, "AGREE");
    assert_eq!(agree.strength, "certain");
    // A quotation introduced by a colon on the line before.
    let consulate = commitment(&all, "will open a new consulate");
    assert_eq!(consulate.committer.as_deref(), Some("Colombia"));
    let s = statement(&r.all, "open a new consulate");
    assert_eq!(speaker(s).as_deref(), Some("Luis Gilberto Murillo"));
    assert_eq!(attribution(s), "direct");
    // "political will" is a noun, and its sentence has no named source.
    assert!(all.iter().all(|c| !c.text.contains("will of")));
}

#[test]
fn readout_stances_favor_an_actor_and_oppose_a_topic() {
    let r = readout();
    let all = stances(&r.all);
    assert_eq!(
        stance(&all, "appreciates"),
        (
            Some("China".into()),
            Some("Colombia".into()),
            "favor".into()
        )
    );
    assert_eq!(
        stance(&all, "supports Colombia"),
        (
            Some("China".into()),
            Some("Colombia".into()),
            "favor".into()
        )
    );
    assert_eq!(
        stance(&all, "opposes external interference"),
        (
            Some("China".into()),
            Some("topic:sovereignty".into()),
            "against".into()
        )
    );
}

struct Cjk {
    all: Vec<Suggestion>,
}

fn cjk() -> Cjk {
    let text = fixture("clauses_cjk.txt");
    assert!(
        text.contains("\r\n"),
        "the fixture keeps its CRLF line endings"
    );
    let japan = state("Japan");
    let china = state("China");
    let korea = state("South Korea");
    let ishiba = actor("Ishiba Shigeru", "person", Some(&japan));
    let li = actor("Li Qiang", "person", Some(&china));
    let ms = mentions(
        &text,
        &[
            ("Japan", &japan),
            ("Japanese", &japan),
            ("Tokyo", &japan),
            ("China", &china),
            ("Chinese", &china),
            ("Seoul", &korea),
            ("Ishiba Shigeru", &ishiba),
            ("石破茂", &ishiba),
            ("Ishiba", &ishiba),
            ("Li Qiang", &li),
            ("李强", &li),
            ("Li", &li),
        ],
        &[],
    );
    Cjk {
        all: run(&text, &ms),
    }
}

#[test]
fn two_speakers_in_one_sentence_are_two_clause_statements() {
    let c = cjk();
    let ishiba = statement(&c.all, "«Japan will never accept");
    assert_eq!(speaker(ishiba).as_deref(), Some("Ishiba Shigeru"));
    assert_eq!(attribution(ishiba), "direct");
    assert!(ishiba.text.ends_with("Ishiba said"), "{}", ishiba.text);
    let li = statement(&c.all, "Li said China stands ready");
    assert_eq!(speaker(li).as_deref(), Some("Li Qiang"));
    assert_eq!(attribution(li), "reported");
    assert!(li.start > ishiba.end);
    let all = commitments(&c.all);
    let never = commitment(&all, "will never accept");
    assert_eq!(never.committer.as_deref(), Some("Japan"));
    assert_eq!(never.statement, (ishiba.start, ishiba.end));
    let ready = commitment(&all, "ready to resume dialogue");
    assert_eq!(ready.committer.as_deref(), Some("China"));
    assert_eq!(ready.addressees, vec!["Japan"]);
    assert_eq!(
        ready.conditions,
        "provided that Tokyo respects the four political documents"
    );
    assert_eq!(ready.statement, (li.start, li.end));
}

#[test]
fn corner_brackets_and_multi_paragraph_quotes_over_crlf() {
    let c = cjk();
    let s = statement(&c.all, "「We will keep the door");
    assert_eq!(speaker(s).as_deref(), Some("Li Qiang"));
    assert_eq!(attribution(s), "direct");
    let all = commitments(&c.all);
    assert_eq!(
        commitment(&all, "will keep the door").committer.as_deref(),
        Some("China")
    );
    // A quotation reopened in the next paragraph: its cue ("Li added") covers both.
    for phrase in ["China is ready to work", "We will not interfere"] {
        let s = statement(&c.all, phrase);
        assert_eq!(speaker(s).as_deref(), Some("Li Qiang"), "{phrase}");
        assert!(!s.text.contains('\r') && !s.text.contains('\n'));
    }
    let refrain = commitment(&all, "will not interfere");
    assert_eq!(refrain.committer.as_deref(), Some("China"));
    assert_eq!(refrain.category, "REFRAIN");
}

#[test]
fn probable_commitments_and_neutral_stance() {
    let c = cjk();
    let all = commitments(&c.all);
    let host = commitment(&all, "intends to host");
    assert_eq!(host.committer.as_deref(), Some("Japan"));
    assert_eq!(host.strength, "probable");
    let invite = commitment(&all, "plans to invite");
    assert_eq!(invite.committer.as_deref(), Some("Japan"));
    assert_eq!(invite.strength, "probable");
    let st = stances(&c.all);
    let (holder, _, polarity) = stance(&st, "neutral");
    assert_eq!(holder.as_deref(), Some("Japan"));
    assert_eq!(polarity, "neutral");
}

fn joint() -> Vec<Suggestion> {
    let text = fixture("clauses_joint.txt");
    let china = state("China");
    let brazil = state("Brazil");
    let haiti = state("Haiti");
    let celac = actor("CELAC", "regional_group", None);
    let mfa = actor(
        "Ministry of Foreign Affairs of Brazil",
        "government_body",
        None,
    );
    let ms = mentions(
        &text,
        &[
            ("China", &china),
            ("Chinese", &china),
            ("Brazil", &brazil),
            ("Brazilian", &brazil),
            ("Haiti", &haiti),
            ("CELAC", &celac),
            ("foreign ministry", &mfa),
        ],
        &[
            ("two sides", 0, &china),
            ("two sides", 0, &brazil),
            ("two sides", 1, &china),
            ("two sides", 1, &brazil),
        ],
    );
    run(&text, &ms)
}

#[test]
fn joint_statement_commitments_with_aid_consultation_and_condition() {
    let all = joint();
    let c = commitments(&all);
    let strengthen = commitment(&c, "will strengthen strategic communication");
    assert_eq!(strengthen.committer.as_deref(), Some("China"));
    let expand = commitment(&c, "will expand cooperation");
    assert_eq!(expand.category, "COOPERATE");
    let aid = commitment(&c, "will provide humanitarian aid");
    assert_eq!(
        aid.committer.as_deref(),
        Some("China"),
        "“it” is the speaking state"
    );
    assert_eq!(aid.category, "AID");
    assert_eq!(aid.addressees, vec!["Haiti"]);
    let consult = commitment(&c, "will hold consultations");
    assert_eq!(consult.category, "CONSULT");
    assert_eq!(consult.addressees, vec!["CELAC"]);
    assert_eq!(consult.conditions, "as long as conditions allow");
    // A pledge of an amount.
    let pledge = commitment(&c, "pledged $50 million");
    assert_eq!(pledge.committer.as_deref(), Some("Brazil"));
    assert_eq!(pledge.strength, "certain");
    assert_eq!(pledge.category, "AID");
    assert_eq!(pledge.addressees, vec!["Haiti"]);
    assert_eq!(pledge.action, "$50 million");
}

#[test]
fn joint_statement_stances_and_speakers() {
    let all = joint();
    let s = statement(&all, "condemned terrorism");
    assert_eq!(
        speaker(s).as_deref(),
        Some("Ministry of Foreign Affairs of Brazil")
    );
    // "It said": the body that spoke last.
    let s = statement(&all, "It said Brazil will host");
    assert_eq!(
        speaker(s).as_deref(),
        Some("Ministry of Foreign Affairs of Brazil")
    );
    let st = stances(&all);
    assert_eq!(
        stance(&st, "supports Brazil"),
        (Some("China".into()), Some("Brazil".into()), "favor".into())
    );
    assert_eq!(
        stance(&st, "reaffirmed its commitment"),
        (
            Some("Brazil".into()),
            Some("topic:sovereignty".into()),
            "favor".into()
        )
    );
    assert_eq!(
        stance(&st, "opposes protectionism"),
        (
            Some("Brazil".into()),
            Some("topic:trade".into()),
            "against".into()
        )
    );
    assert_eq!(
        stance(&st, "condemned terrorism"),
        (
            Some("China".into()),
            Some("topic:security".into()),
            "against".into()
        )
    );
}

/// The analyst's own mentions and statements are used as they are.
#[test]
fn accepted_mentions_and_statements_anchor_the_suggestions() {
    let text = "Wang Yi said China will deepen cooperation with CELAC.";
    let mut project = Project::new("Accepted");
    let mut china = Actor::new(Id(10), "China", "state");
    china.iso3 = Some("CHN".into());
    let mut wang = Actor::new(Id(11), "Wang Yi", "person");
    wang.affiliation = Some(Id(10));
    let celac = Actor::new(Id(12), "CELAC", "regional_group");
    project.actors = vec![china, wang, celac];
    let mut doc = document(text);
    let index = doc.index().clone();
    let span = |phrase: &str| {
        let b = text.find(phrase).expect("phrase in text");
        let s = text[..b].chars().count();
        Span::from_range(text, &index, s, s + phrase.chars().count()).expect("span")
    };
    for (n, (phrase, actor)) in [("Wang Yi", 11), ("China", 10), ("CELAC", 12)]
        .into_iter()
        .enumerate()
    {
        doc.mentions.push(Mention {
            id: Id(20 + n as u64),
            span: span(phrase),
            actor: Id(actor),
            stamp: Stamp::now("tester"),
            note: String::new(),
        });
    }
    let all = clauses(&project, &doc, Gazetteer::bundled(), &[]);
    let s = statement(&all, "Wang Yi said");
    assert_eq!(
        s.detail,
        Detail::Statement {
            speaker: Some(ActorRef::Project(Id(11))),
            attribution: "reported".into(),
            cue: Some((8, 12)),
        }
    );
    let c = commitments(&all);
    let deepen = commitment(&c, "will deepen cooperation");
    assert_eq!(deepen.committer.as_deref(), Some("#10"));
    assert_eq!(deepen.addressees, vec!["#12"]);

    // Once the analyst has coded the statement, it is not suggested again, and the
    // commitment hangs on the analyst's statement.
    doc.statements.push(Statement {
        id: Id(30),
        span: span("Wang Yi said China will deepen cooperation with CELAC"),
        speaker: Some(Id(11)),
        attribution: "reported".into(),
        cue: None,
        stamp: Stamp::now("tester"),
        note: String::new(),
    });
    let all = clauses(&project, &doc, Gazetteer::bundled(), &[]);
    assert!(of_kind(&all, SuggestionKind::Statement).is_empty());
    let c = commitments(&all);
    assert_eq!(commitment(&c, "will deepen").statement, (0, 53));
}

/// Offsets are code points: text after accents and CJK characters still lines up.
#[test]
fn offsets_are_code_points_over_non_ascii_text() {
    let c = cjk();
    let text = fixture("clauses_cjk.txt");
    let chars: Vec<char> = text.chars().collect();
    for s in &c.all {
        let slice: String = chars[s.start..s.end].iter().collect();
        assert_eq!(slice, s.text);
    }
}

fn transcript() -> Vec<Suggestion> {
    let text = fixture("clauses_transcript.txt");
    let china = state("China");
    let brazil = state("Brazil");
    let philippines = state("Philippines");
    let usa = state("United States");
    let afp = actor("AFP", "media", None);
    let eu = actor("European Union", "regional_group", None);
    let bloomberg = actor("Bloomberg", "media", None);
    let lin = actor("Lin Jian", "person", Some(&china));
    let wang = actor("Wang Yi", "person", Some(&china));
    let vieira = actor("Mauro Vieira", "person", Some(&brazil));
    let ms = mentions(
        &text,
        &[
            ("China", &china),
            ("Brazil", &brazil),
            ("Philippines", &philippines),
            ("United States", &usa),
            ("AFP", &afp),
            ("European Union", &eu),
            ("Bloomberg", &bloomberg),
            ("Lin Jian", &lin),
            ("Wang", &wang),
            ("Vieira", &vieira),
        ],
        &[],
    );
    run(&text, &ms)
}

#[test]
fn transcript_answers_are_the_labelled_speakers_statements() {
    let all = transcript();
    for phrase in [
        "China firmly opposes any country",
        "We will continue to safeguard",
        "China is ready to work with all parties",
    ] {
        let s = statement(&all, phrase);
        assert_eq!(speaker(s).as_deref(), Some("Lin Jian"), "{phrase}");
        assert_eq!(attribution(s), "direct", "{phrase}");
    }
    // A journalist's question is not a statement; what it reports is.
    assert!(
        of_kind(&all, SuggestionKind::Statement)
            .iter()
            .all(|s| !s.text.contains("Will China send"))
    );
    let s = statement(&all, "The Philippines said");
    assert_eq!(speaker(s).as_deref(), Some("Philippines"));
    let c = commitments(&all);
    let safeguard = commitment(&c, "will continue to safeguard");
    assert_eq!(safeguard.committer.as_deref(), Some("China"));
    assert_eq!(
        safeguard.action,
        "continue to safeguard our territorial sovereignty"
    );
    let st = stances(&all);
    assert_eq!(stance(&st, "opposes any country").2, "against");
}

#[test]
fn two_speakers_joined_by_and_without_a_comma() {
    let all = transcript();
    let vieira = statement(&all, "Vieira said Brazil supports the plan");
    assert_eq!(speaker(vieira).as_deref(), Some("Mauro Vieira"));
    let wang = statement(&all, "Wang said China welcomes");
    assert_eq!(speaker(wang).as_deref(), Some("Wang Yi"));
    assert!(vieira.end <= wang.start);
    let st = stances(&all);
    assert_eq!(
        stance(&st, "supports the plan"),
        (Some("Brazil".into()), None, "favor".into())
    );
    assert_eq!(
        stance(&st, "welcomes its expansion").0.as_deref(),
        Some("China")
    );
}

#[test]
fn a_named_actor_making_its_position_known_is_a_statement() {
    let all = joint();
    let text = fixture("clauses_joint.txt");
    let s = statement(&all, "Brazil welcomed China’s decision");
    assert_eq!(speaker(s).as_deref(), Some("Brazil"));
    assert_eq!(cue_text(&text, s), "welcomed");
    // A joint statement's own account of a party's act: the issuer's voice.
    assert_eq!(attribution(s), "narration");
    // Passive, with no named actor: narration.
    assert!(
        of_kind(&all, SuggestionKind::Statement)
            .iter()
            .all(|s| !s.text.contains("was welcomed"))
    );
}

// ---- speakers through the whole pipeline (actors module + clause rules) ----------------

/// Every suggestion for a fixture imported from disk, as the window and the CLI get them.
fn suggest_fixture(name: &str) -> Vec<Suggestion> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/suggest")
        .join(name);
    let doc = demarche::import::import_file(&path, Id(7)).expect("fixture imports");
    demarche::suggest::suggest(&Project::new("Dev"), &doc, Gazetteer::bundled())
}

fn speaker_of(all: &[Suggestion], phrase: &str) -> Option<String> {
    speaker(statement(all, phrase))
}

/// The actors of the mention suggestions whose text passes `which`, in text order.
fn mention_actors(all: &[Suggestion], which: impl Fn(&str) -> bool) -> Vec<String> {
    of_kind(all, SuggestionKind::Mention)
        .into_iter()
        .filter(|m| which(&m.text))
        .map(|m| match &m.detail {
            Detail::Mention { actor } => name(actor),
            other => panic!("not a mention: {other:?}"),
        })
        .collect()
}

fn no_statement(all: &[Suggestion], phrase: &str) -> bool {
    !of_kind(all, SuggestionKind::Statement)
        .iter()
        .any(|s| s.text.contains(phrase))
}

#[test]
fn epithets_pronouns_bodies_and_appositions_name_the_right_speaker() {
    let all = suggest_fixture("speakers_wire.txt");
    let who = |phrase: &str| speaker_of(&all, phrase);
    // A counterpart takes the role of the minister he meets: "the Turkish minister".
    assert_eq!(
        who("The Turkish minister added").as_deref(),
        Some("Hakan Fidan")
    );
    assert_eq!(who("He said Moscow").as_deref(), Some("Sergei Lavrov"));
    assert_eq!(
        who("The top diplomat also said").as_deref(),
        Some("Marco Rubio")
    );
    assert_eq!(who("She said Britain").as_deref(), Some("Barbara Woodward"));
    // A quoted sentence right after a direct quote goes on in the same speaker's voice.
    assert_eq!(
        who("We expect concrete results").as_deref(),
        Some("Dmitry Peskov")
    );
    // Bodies and states speak too.
    assert_eq!(
        who("The ministry said any deal").as_deref(),
        Some("Ukraine Ministry of Foreign Affairs")
    );
    assert_eq!(who("Beijing said it supported").as_deref(), Some("China"));
    assert_eq!(
        who("The council said in a press statement").as_deref(),
        Some("UN Security Council")
    );
    // The person named between commas, not the state or organisation of the title.
    assert_eq!(
        who("rejected the accusations").as_deref(),
        Some("Al-Harith Idriss al-Harith Mohamed")
    );
    assert_eq!(
        who("The Chinese envoy, Fu Cong").as_deref(),
        Some("Fu Cong")
    );
    // The dateline ("MOSCOW, Nov. 27 (Reuters) —") is in no sentence: the statement starts
    // after it.
    assert!(
        statement(&all, "Sergei Lavrov met")
            .text
            .starts_with("Russian Foreign Minister Sergei Lavrov")
    );
}

#[test]
fn transcript_answers_are_the_labelled_spokespersons_and_questions_are_not() {
    let all = suggest_fixture("speakers_briefing.txt");
    for phrase in [
        "The Secretary-General welcomes",
        // A report inside an answer is still the spokesman's statement.
        "He calls on all stakeholders",
        "He spoke by phone",
        "We have seen those remarks",
        // "A:" is the spokesman labelled before.
        "We will continue to follow",
    ] {
        assert_eq!(
            speaker_of(&all, phrase).as_deref(),
            Some("Stéphane Dujarric"),
            "{phrase}"
        );
        assert_eq!(attribution(statement(&all, phrase)), "direct");
    }
    assert!(no_statement(&all, "Has the Secretary-General spoken"));
    // A question that reports a statement is one, of whom it reports.
    assert_eq!(
        speaker_of(&all, "Sanae Takaichi said on Tuesday").as_deref(),
        Some("Sanae Takaichi")
    );
    // "we" of an answer is the speaker's side: the commitment is Dujarric's (no side known).
    let commits = commitments(&all);
    assert!(
        commits
            .iter()
            .any(|c| c.action.starts_with("continue to follow")
                && c.committer.as_deref() == Some("Stéphane Dujarric"))
    );
}

#[test]
fn a_statement_quoted_over_paragraphs_is_its_speakers_and_anonymous_sources_are_not_actors() {
    let all = suggest_fixture("speakers_mea.txt");
    // "… Shri Randhir Jaiswal, said:" introduces the quotation; its sentences are his,
    // also those with their own subject and cue inside the quotation.
    assert!(no_statement(&all, "In response to media queries"));
    for phrase in [
        "India attaches the highest importance",
        "Both sides agreed to set up",
        "India rejects any suggestion",
    ] {
        assert_eq!(
            speaker_of(&all, phrase).as_deref(),
            Some("Randhir Jaiswal"),
            "{phrase}"
        );
    }
    // "X rejected … and said …": one statement, X's.
    assert_eq!(
        speaker_of(&all, "Abdoulaye Diop rejected").as_deref(),
        Some("Abdoulaye Diop")
    );
    // The organisation named before its acronym in brackets.
    assert_eq!(
        speaker_of(&all, "said its convoys").as_deref(),
        Some("World Food Programme")
    );
    assert!(no_statement(&all, "ministry source said"));
    assert!(no_statement(&all, "Diplomats said"));
    // Long titles with portfolio words, ranks and suffixes around the speaker's name.
    assert_eq!(
        speaker_of(&all, "told parliament on Tuesday").as_deref(),
        Some("Musalia Mudavadi")
    );
    assert_eq!(
        speaker_of(&all, "told reporters in Tokyo").as_deref(),
        Some("Yoshimasa Hayashi")
    );
    assert_eq!(
        speaker_of(&all, "the transition would end").as_deref(),
        Some("Mamadi Doumbouya")
    );
    assert!(
        speaker_of(&all, "the decision was regrettable")
            .is_some_and(|s| s.starts_with("Surangel Whipps"))
    );
    // "expressed concern over" is a stance against; a word of a name is none.
    let found = stances(&all);
    assert!(found.iter().any(
        |(text, holder, _, polarity)| text.starts_with("concern over")
            && holder.as_deref() == Some("African Union")
            && polarity == "against"
    ));
    assert!(!found.iter().any(|(text, ..)| text.starts_with("Support")));
}

#[test]
fn he_after_a_speaker_is_that_speaker_and_collective_subjects_speak_for_a_referent() {
    let all = suggest_fixture("speakers_summit.txt");
    // Lee is named first in the sentence before, but Ishiba is the one who spoke.
    assert_eq!(
        speaker_of(&all, "He added that Japan").as_deref(),
        Some("Shigeru Ishiba")
    );
    // "Both sides said": any of the two is right.
    let both = speaker_of(&all, "Both sides said");
    assert!(
        matches!(both.as_deref(), Some("Japan" | "South Korea")),
        "{both:?}"
    );
}

#[test]
fn an_answer_goes_on_over_unlabelled_paragraphs_and_named_subjects_speak() {
    let all = suggest_fixture("speakers_noon_continued.txt");
    let who = |phrase: &str| speaker_of(&all, phrase);
    // The answer's second paragraph has no label: still the spokesperson's.
    for phrase in [
        "The Secretary-General is following",
        "Turning to Yemen",
        "Our colleagues tell us",
        "He spoke to him on Tuesday",
        "We have seen it",
    ] {
        assert_eq!(
            who(phrase).as_deref(),
            Some("Florencia Soto Niño"),
            "{phrase}"
        );
    }
    // The questions are not statements.
    assert!(no_statement(&all, "Has the Secretary-General spoken"));
    // After the last labelled paragraph, narration is no answer.
    assert!(no_statement(&all, "The briefing ended"));
    assert_eq!(
        who("Mr. Guterres later said").as_deref(),
        Some("António Guterres")
    );

    let all = suggest_fixture("speakers_untitled.txt");
    let who = |phrase: &str| speaker_of(&all, phrase);
    assert_eq!(who("Hakan Fidan briefed").as_deref(), Some("Hakan Fidan"));
    assert_eq!(
        who("In Madrid, Mexico’s Foreign Secretary").as_deref(),
        Some("Juan Ramón de la Fuente")
    );
    assert_eq!(
        who("Surangel Whipps Jr. said").as_deref(),
        Some("Surangel Whipps Jr.")
    );
    assert_eq!(
        who("Kanat Bozumbayev, who chairs").as_deref(),
        Some("Kanat Bozumbayev")
    );
    assert_eq!(
        who("The Deputy Secretary thanked").as_deref(),
        Some("Christopher Landau")
    );
    // "support office" names a thing, "reaffirmed that" reports: no stances there.
    let st = stances(&all);
    assert!(
        st.iter()
            .all(|s| !s.0.contains("support office") && !s.0.starts_with("reaffirmed")),
        "{st:?}"
    );
    assert_eq!(
        stance(&st, "thanked").0.as_deref(),
        Some("Christopher Landau")
    );
}

#[test]
fn possessive_holders_readiness_and_an_epithet_by_state_speak() {
    let all = suggest_fixture("speakers_counterparts.txt");
    assert_eq!(
        speaker_of(&all, "The Qatari prime minister said").as_deref(),
        Some("Mohammed bin Abdulrahman Al Thani")
    );
    // "reaffirmed its readiness to continue": a possible commitment of Russia, no stance.
    let c = commitments(&all);
    let readiness = commitment(&c, "reaffirmed its readiness to continue");
    assert_eq!(readiness.committer.as_deref(), Some("Russia"));
    assert_eq!(readiness.strength, "possible");
    let st = stances(&all);
    assert!(st.iter().all(|s| !s.0.starts_with("reaffirmed")), "{st:?}");
    // "Brasília’s support for": the possessor holds the stance, not the speaker.
    assert_eq!(
        stance(&st, "support for the Caracas").0.as_deref(),
        Some("Brazil")
    );
    // "The chairperson" is the chairperson named before.
    assert_eq!(
        speaker_of(&all, "The chairperson said").as_deref(),
        Some("Mahmoud Ali Youssouf")
    );
    // "would not support": a position against.
    assert_eq!(stance(&st, "support the package").2, "against");
}

#[test]
fn a_closing_attribution_and_a_that_clause_do_not_split_the_sentence() {
    let all = suggest_fixture("speakers_clauses.txt");
    // "…, the bloc's top diplomat, Kaja Kallas, told reporters": the whole sentence is hers.
    let s = statement(&all, "The foreign ministers also agreed");
    assert_eq!(speaker(s).as_deref(), Some("Kaja Kallas"));
    assert!(s.text.ends_with("after the meeting."), "{}", s.text);
    // "… and that Iran and the United States had agreed": still Albusaidi's report.
    let s = statement(&all, "Omani Foreign Minister Badr Albusaidi said");
    assert_eq!(speaker(s).as_deref(), Some("Badr Albusaidi"));
    assert!(s.text.ends_with("meet again in Rome."), "{}", s.text);
    assert!(
        of_kind(&all, SuggestionKind::Statement)
            .iter()
            .all(|s| !s.text.starts_with("and that"))
    );
    // Two speakers who both say something are still two clauses.
    assert_eq!(
        speaker_of(&all, "Wang Yi said China welcomed").as_deref(),
        Some("Wang Yi")
    );
    assert_eq!(
        speaker_of(&all, "Marco Rubio said Washington").as_deref(),
        Some("Marco Rubio")
    );
}

#[test]
fn forms_of_address_relative_clauses_and_delegations_name_the_speaker() {
    let all = suggest_fixture("speakers_address.txt");
    let who = |phrase: &str| speaker_of(&all, phrase);
    // "H.E." and "His Excellency" are forms of address: the name after them speaks, the
    // sentence is not cut after "H.E.", and "His" is no pronoun.
    assert_eq!(
        who("The President of the ECOWAS Commission").as_deref(),
        Some("Omar Alieu Touray")
    );
    assert!(
        statement(&all, "Bola Ahmed Tinubu said")
            .text
            .starts_with("H.E. Bola")
    );
    assert_eq!(
        who("Bola Ahmed Tinubu said").as_deref(),
        Some("Bola Ahmed Tinubu")
    );
    assert_eq!(
        who("welcomed the decision").as_deref(),
        Some("John Dramani Mahama")
    );
    assert_eq!(
        who("Faure Gnassingbé said").as_deref(),
        Some("Faure Gnassingbé")
    );
    assert!(
        !of_kind(&all, SuggestionKind::Mention)
            .iter()
            .any(|m| m.text == "His"),
        "the 'His' of 'His Excellency' is no pronoun"
    );
    // "urged … to agree to": an infinitive reports nothing; the sentence stays whole.
    assert_eq!(
        statement(&all, "He urged the Malian authorities").text,
        "He urged the Malian authorities and the armed groups to agree to a ceasefire before \
         the rainy season."
    );
    assert_eq!(
        who("He urged the Malian authorities").as_deref(),
        Some("Omar Alieu Touray")
    );
    // "…, who promised to": the person the relative clause is about.
    assert_eq!(
        who("who promised to host").as_deref(),
        Some("Bassirou Diomaye Faye")
    );
    // An untitled name before "…, who told": a person, who speaks.
    assert_eq!(
        who("who told the summit").as_deref(),
        Some("Mohamed Ould Ghazouani")
    );
    // "Mali's transitional government" is the state, and speaks for it.
    assert_eq!(who("transitional government said").as_deref(), Some("Mali"));
    // A state's delegation speaks for the state.
    assert_eq!(
        who("Burkina Faso’s delegation rejected").as_deref(),
        Some("Burkina Faso")
    );
    assert_eq!(
        who("The Ivorian delegation said").as_deref(),
        Some("Côte d'Ivoire")
    );
    // A form of address after a title before the comma: the person has that title, so
    // "the Chairperson" later is that person.
    assert_eq!(
        who("The guns must fall silent").as_deref(),
        Some("Mahmoud Ali Youssouf")
    );
    // "his" inside "…, who promised to …" is the person the clause is about, not the
    // sentence's subject.
    let his = mention_actors(&all, |text| text == "his");
    assert_eq!(his, ["Bassirou Diomaye Faye", "John Dramani Mahama"]);
    // "the Union" after the African Union is that union.
    let unions = mention_actors(&all, |text| text == "Union");
    assert_eq!(
        unions,
        ["African Union"],
        "only the one after 'the African Union'"
    );
    // The AU's assembly by its long name, then by its short one.
    let long_name = "Assembly of Heads of State and Government of the African Union";
    for text in [long_name, "Assembly"] {
        assert_eq!(
            mention_actors(&all, |t| t == text),
            ["Assembly of the African Union"],
            "{text}"
        );
    }
}

#[test]
fn anonymous_officials_proposals_and_conditions_are_no_statements_or_commitments() {
    let all = suggest_fixture("speakers_sources.txt");
    // "proposed" is no reporting cue; unnamed officials are sources, not actors.
    assert!(no_statement(&all, "proposed a 30-day halt"));
    assert!(no_statement(&all, "A senior Ukrainian official said"));
    assert!(no_statement(&all, "Another official, who spoke"));
    // "if both sides agreed to" and "until Russia agrees to" are conditions of the
    // speaker's commitment, not reports or commitments of their own.
    assert_eq!(
        speaker_of(&all, "Ankara would host").as_deref(),
        Some("Hakan Fidan")
    );
    assert_eq!(
        speaker_of(&all, "keep up pressure").as_deref(),
        Some("Kaja Kallas")
    );
    let commitments: Vec<(&str, String)> = of_kind(&all, SuggestionKind::Commitment)
        .iter()
        .map(|c| match &c.detail {
            Detail::Commitment {
                committer,
                conditions,
                ..
            } => (
                c.text.as_str(),
                format!(
                    "{} | {conditions}",
                    committer.as_ref().map(name).unwrap_or_default()
                ),
            ),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(commitments.len(), 2, "{commitments:?}");
    assert!(
        commitments[0].0.starts_with("would host"),
        "{commitments:?}"
    );
    assert!(
        commitments[0]
            .1
            .starts_with("Türkiye | if both sides agreed"),
        "{commitments:?}"
    );
    assert!(
        commitments[1].0.starts_with("would keep up"),
        "{commitments:?}"
    );
    assert!(
        commitments[1]
            .1
            .starts_with("European Union | until Russia agrees"),
        "{commitments:?}"
    );
}

#[test]
fn an_unnamed_counterpart_is_the_person_of_that_state_in_the_same_office() {
    let all = suggest_fixture("speakers_counterpart_unnamed.txt");
    let who = |phrase: &str| speaker_of(&all, phrase);
    assert_eq!(
        who("His South Korean counterpart said").as_deref(),
        Some("Lee Jae-myung")
    );
    assert_eq!(
        who("Lee’s Japanese counterpart said").as_deref(),
        Some("Shigeru Ishiba")
    );
    // "premier" fits a prime minister.
    assert_eq!(
        who("face the same challenges").as_deref(),
        Some("Shigeru Ishiba")
    );
    // A foreign minister's counterpart is no president: Tokayev is not Wang's
    // counterpart, so the counterpart stays unresolved.
    let counterparts = mention_actors(&all, |text| text == "counterpart");
    assert_eq!(counterparts, ["Lee Jae-myung", "Shigeru Ishiba"]);
}

#[test]
fn a_question_label_naming_its_outlet_is_a_question_and_reports_its_speaker() {
    let all = suggest_fixture("speakers_question_outlet.txt");
    // "Question (TASS):" ends the answer before it: what the question reports is the
    // ministry's statement, not the spokeswoman's.
    assert_eq!(
        speaker_of(&all, "Norwegian Foreign Ministry said").as_deref(),
        Some("Norway Ministry of Foreign Affairs")
    );
    assert!(no_statement(&all, "How will Moscow respond"));
    assert_eq!(
        speaker_of(&all, "Minoru Kihara said").as_deref(),
        Some("Minoru Kihara")
    );
    for phrase in ["Russia will respond in kind", "Russia will not discuss"] {
        assert_eq!(
            speaker_of(&all, phrase).as_deref(),
            Some("Maria Zakharova"),
            "{phrase}"
        );
    }
}

#[test]
fn a_quoted_judgement_reports_and_a_capital_can_open_a_name() {
    let all = suggest_fixture("speakers_trade_deal.txt");
    let who = |phrase: &str| speaker_of(&all, phrase);
    // "called the deal “…”" reports what Lula said; "calls to disarm" is a noun.
    assert_eq!(
        who("called the deal").as_deref(),
        Some("Luiz Inácio Lula da Silva")
    );
    let hamas = statement(&all, "rejected calls to disarm");
    assert!(hamas.text.starts_with("Hamas again rejected"), "{hamas:?}");
    // "Santiago Peña" is a person whose first name is a capital's; later "Peña" speaks.
    assert_eq!(who("Peña said").as_deref(), Some("Santiago Peña"));
    // Alone, "Santiago" is still Chile's capital.
    assert_eq!(who("Santiago said").as_deref(), Some("Chile"));
}

#[test]
fn a_states_envoy_to_the_un_speaks_for_the_state_and_a_possessive_state_can_open_an_apposition() {
    let all = suggest_fixture("speakers_council_envoys.txt");
    assert_eq!(
        speaker_of(&all, "members would meet again").as_deref(),
        Some("Michael Imran Kanu")
    );
    // "We" in the quote of Britain's U.N. ambassador commits Britain, not the UN.
    let committers: Vec<String> = of_kind(&all, SuggestionKind::Commitment)
        .iter()
        .filter(|c| c.text.starts_with("will not allow"))
        .map(|c| match &c.detail {
            Detail::Commitment { committer, .. } => {
                committer.as_ref().map(name).unwrap_or_default()
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(committers, ["United Kingdom"]);
}

#[test]
fn a_quoted_object_is_read_through_and_a_missing_target_is_explained() {
    let china = state("China");
    let taiwan = state("Taiwan");
    let wang = actor("Wang Yi", "person", Some(&china));
    let text = "Wang Yi said China opposed “any official contact” with Taiwan. \
                Wang Yi said China rejected the proposal.";
    let found = mentions(
        text,
        &[("Wang Yi", &wang), ("China", &china), ("Taiwan", &taiwan)],
        &[],
    );
    let all = run(text, &found);
    let st = stances(&all);
    // The quotation marks do not end the object: the target after it is found.
    let (holder, target, polarity) = stance(&st, "opposed “any official contact” with Taiwan");
    assert_eq!(
        (holder, target, polarity),
        (
            Some("China".into()),
            Some("Taiwan".into()),
            "against".into()
        )
    );
    let rejected = all
        .iter()
        .find(|s| s.text.starts_with("rejected"))
        .expect("a stance on the proposal");
    let Detail::Stance {
        target, no_target, ..
    } = &rejected.detail
    else {
        panic!("not a stance");
    };
    assert_eq!(*target, None);
    let why = no_target.as_deref().expect("the reason is given");
    assert!(why.contains("“the proposal”"), "{why}");
}
