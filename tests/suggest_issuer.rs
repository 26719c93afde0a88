//! The issuer's voice (issue 15, item 4): official texts — readouts, joint statements,
//! declarations, communiqués — whose sentences commit, take positions or report speech
//! acts with no reporting verb, in the voice of whoever issues them. Fixtures written for
//! these tests, run through the whole suggestion pipeline (the rules see only the text,
//! as an imported file gives it); the real texts are in `tests/dev/26–30`.

use demarche::edit::Edit;
use demarche::model::{Actor, Id, Project};
use demarche::suggest::issuer::{Genre, issuer};
use demarche::suggest::{self, ActorRef, Detail, Gazetteer, Suggestion, SuggestionKind};

const READOUT: &str = "Secretary Blinken’s Call with Japanese Foreign Minister Kamikawa

Readout

Office of the Spokesperson

March 3, 2024

The below is attributable to Spokesperson Matthew Miller:

Secretary of State Antony J. Blinken spoke today with Japanese Foreign Minister Yoko Kamikawa. Secretary Blinken congratulated Japan on the successful launch of its H3 rocket. The Secretary emphasized the importance of the alliance between the United States and Japan. The two discussed the situation in the Middle East. Secretary Blinken thanked Japan for its support to Ukraine.
";

const JOINT_STATEMENT: &str = "Joint Statement of the United States and Japan

Media Note

Office of the Spokesperson

Washington, DC

The United States and Japan held the third round of their economic dialogue in Tokyo on May 2. The two sides reaffirmed their commitment to a free and open Indo-Pacific. The United States will continue to support the efforts of Japan to strengthen its energy security. We will convene the next round of the dialogue in Washington in 2025. Both sides agreed to expand cooperation on critical minerals. The Parties condemn the missile launches by North Korea. The agreed roadmap covers critical minerals and batteries.
";

const DECLARATION: &str = "Joint Declaration on the Strategic Partnership between Brazil and Germany

Brazil and Germany today recognized the fiftieth anniversary of their strategic partnership. We are committed to deepening cooperation on climate and energy. We condemn all forms of terrorism. The leaders noted the importance of a rules-based international order. The partnership began with an agreement on nuclear energy in 1975.
";

const COMMUNIQUE: &str = "Communiqué of the G7 Foreign Ministers

We, the G7 Foreign Ministers of Canada, France, Germany, Italy, Japan, the United Kingdom and the United States of America, met in Capri from April 17 to 19. We reaffirm our unwavering support for Ukraine. We condemn the continued attacks of Russia on civilian infrastructure. We will continue to coordinate our sanctions. The Ministers thanked Italy for hosting the meeting.
";

const NEWS: &str = "WASHINGTON, May 2 (Reuters) - The United States and Japan said in a joint statement on Thursday that they would expand cooperation on critical minerals.

The two countries also reaffirmed their commitment to a free and open Indo-Pacific, the statement said. The United States will continue to support Japanese efforts to strengthen energy security, it said.

The agreement was welcomed by industry groups in both countries.
";

fn import(text: &str) -> (Project, Id) {
    let mut project = Project::new("issuer");
    let id = project.id_allocator("tester").fresh().expect("a fresh id");
    let doc = demarche::import::import_bytes(text.as_bytes(), Some("fixture.txt"), id)
        .expect("the fixture imports");
    Edit::AddDocument(Box::new(doc))
        .apply(&mut project)
        .expect("a new document goes into an empty project");
    (project, id)
}

fn run(project: &Project, id: Id) -> Vec<Suggestion> {
    let doc = project.document(id).expect("imported");
    suggest::suggest(project, doc, Gazetteer::bundled())
}

fn name(project: &Project, actor: &ActorRef) -> String {
    match actor {
        ActorRef::Project(id) => project
            .actor(*id)
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        ActorRef::New(n) => n.name.clone(),
    }
}

/// The statement suggested over the sentence starting with `start`: (speaker,
/// attribution).
fn statement_at(
    project: &Project,
    text: &str,
    all: &[Suggestion],
    start: &str,
) -> Option<(String, String)> {
    let at = text
        .find(start)
        .unwrap_or_else(|| panic!("“{start}” in the fixture"));
    let at = text[..at].chars().count();
    all.iter().find_map(|s| match &s.detail {
        Detail::Statement {
            speaker,
            attribution,
            ..
        } if s.start <= at && at < s.end => Some((
            speaker
                .as_ref()
                .map(|a| name(project, a))
                .unwrap_or_default(),
            attribution.clone(),
        )),
        _ => None,
    })
}

/// Committers (or holders) of the commitments (or stances) inside the sentence starting
/// with `start`, sorted.
fn actors_on(
    project: &Project,
    text: &str,
    all: &[Suggestion],
    kind: SuggestionKind,
    start: &str,
) -> Vec<String> {
    let from = text[..text.find(start).expect("sentence in fixture")]
        .chars()
        .count();
    let to = from + start.chars().count();
    let mut out: Vec<String> = all
        .iter()
        .filter(|s| s.kind == kind && s.start < to && s.end > from)
        .filter_map(|s| match &s.detail {
            Detail::Commitment { committer, .. } => committer.as_ref(),
            Detail::Stance { holder, .. } => holder.as_ref(),
            _ => None,
        })
        .map(|a| name(project, a))
        .collect();
    out.sort();
    out
}

fn in_voice(text: &str, start: &str) -> (String, String) {
    let (project, id) = import(text);
    let all = run(&project, id);
    statement_at(&project, text, &all, start)
        .unwrap_or_else(|| panic!("no statement over “{start}”"))
}

fn no_statement(text: &str, start: &str) {
    let (project, id) = import(text);
    let all = run(&project, id);
    assert_eq!(
        statement_at(&project, text, &all, start),
        None,
        "“{start}” is not in anyone's voice"
    );
}

#[test]
fn the_genre_and_issuer_come_from_the_header() {
    let cases: [(&str, Genre, &[&str]); 4] = [
        (READOUT, Genre::Readout, &["U.S. Department of State"]),
        (
            JOINT_STATEMENT,
            Genre::JointStatement,
            &["United States", "Japan"],
        ),
        (DECLARATION, Genre::Declaration, &["Brazil", "Germany"]),
        (COMMUNIQUE, Genre::Communique, &["G7"]),
    ];
    for (text, genre, names) in cases {
        let (project, id) = import(text);
        let doc = project.document(id).expect("imported");
        let mentions = demarche::suggest::actors::mentions(&project, doc, Gazetteer::bundled());
        let found = issuer(&project, doc, Gazetteer::bundled(), &mentions)
            .unwrap_or_else(|| panic!("an issuer for “{}”", doc.meta.title));
        assert_eq!(found.genre, genre, "{}", doc.meta.title);
        let got: Vec<String> = found.actors.iter().map(|a| name(&project, a)).collect();
        assert_eq!(got, names, "{}", doc.meta.title);
    }
    let (project, id) = import(NEWS);
    let doc = project.document(id).expect("imported");
    assert_eq!(
        issuer(&project, doc, Gazetteer::bundled(), &[]),
        None,
        "news has no issuer"
    );
}

#[test]
fn a_readout_codes_the_participants_speech_acts_and_not_their_meetings() {
    let (speaker, attribution) = in_voice(READOUT, "Secretary Blinken congratulated");
    assert!(
        speaker.contains("Blinken"),
        "the Secretary speaks: {speaker}"
    );
    assert_eq!(attribution, "narration");
    assert_eq!(in_voice(READOUT, "The Secretary emphasized").1, "narration");
    assert_eq!(
        in_voice(READOUT, "Secretary Blinken thanked").1,
        "narration"
    );
    no_statement(READOUT, "Secretary of State Antony J. Blinken spoke today");
    no_statement(READOUT, "The two discussed");
}

#[test]
fn we_will_in_a_joint_statement_commits_both_signatories() {
    let (project, id) = import(JOINT_STATEMENT);
    let all = run(&project, id);
    let we = "We will convene the next round";
    let (speaker, attribution) =
        statement_at(&project, JOINT_STATEMENT, &all, we).expect("a statement");
    assert!(
        ["United States", "Japan"].contains(&speaker.as_str()),
        "{speaker}"
    );
    assert_eq!(attribution, "narration");
    assert_eq!(
        actors_on(
            &project,
            JOINT_STATEMENT,
            &all,
            SuggestionKind::Commitment,
            we
        ),
        ["Japan", "United States"]
    );
    let both = "Both sides agreed to expand";
    assert_eq!(
        actors_on(
            &project,
            JOINT_STATEMENT,
            &all,
            SuggestionKind::Commitment,
            both
        ),
        ["Japan", "United States"]
    );
    let parties = "The Parties condemn";
    assert_eq!(
        actors_on(
            &project,
            JOINT_STATEMENT,
            &all,
            SuggestionKind::Stance,
            parties
        ),
        ["Japan", "United States"]
    );
}

#[test]
fn a_named_party_speaks_for_itself() {
    let (project, id) = import(JOINT_STATEMENT);
    let all = run(&project, id);
    let us = "The United States will continue to support";
    assert_eq!(
        statement_at(&project, JOINT_STATEMENT, &all, us),
        Some(("United States".into(), "narration".into()))
    );
    assert_eq!(
        actors_on(
            &project,
            JOINT_STATEMENT,
            &all,
            SuggestionKind::Commitment,
            us
        ),
        ["United States"]
    );
}

#[test]
fn declarations_and_communiques_speak_for_their_signatories() {
    for start in [
        "Brazil and Germany today recognized",
        "We are committed to deepening",
        "We condemn all forms",
        "The leaders noted the importance",
    ] {
        let (speaker, attribution) = in_voice(DECLARATION, start);
        assert!(
            ["Brazil", "Germany"].contains(&speaker.as_str()),
            "{start}: {speaker}"
        );
        assert_eq!(attribution, "narration", "{start}");
    }
    no_statement(DECLARATION, "The partnership began");
    for start in [
        "We reaffirm our unwavering support",
        "We condemn the continued attacks",
        "We will continue to coordinate",
        "The Ministers thanked Italy",
    ] {
        assert_eq!(
            in_voice(COMMUNIQUE, start),
            ("G7".into(), "narration".into()),
            "{start}"
        );
    }
    let (project, id) = import(COMMUNIQUE);
    let all = run(&project, id);
    let stance = all
        .iter()
        .find(|s| s.kind == SuggestionKind::Stance && s.text.starts_with("condemn"));
    assert!(
        matches!(stance.map(|s| &s.detail), Some(Detail::Stance { polarity, .. }) if polarity == "against"),
        "“We condemn” is a position against: {stance:?}"
    );
}

#[test]
fn news_about_a_joint_statement_is_reported_speech() {
    let (project, id) = import(NEWS);
    let all = run(&project, id);
    let narration: Vec<&Suggestion> = all
        .iter()
        .filter(|s| matches!(&s.detail, Detail::Statement { attribution, .. } if attribution == "narration"))
        .collect();
    assert!(
        narration.is_empty(),
        "no issuer-voice statements in news: {narration:?}"
    );
    no_statement(NEWS, "The agreement was welcomed");
}

/// Each cue of the issuer's voice makes a statement in an official text, and the same
/// word as a noun, a participle or a passive does not.
#[test]
fn every_cue_has_a_positive_and_a_negative_example() {
    let head = "Joint Statement of the United States and Japan\n\nOffice of the Spokesperson\n\n";
    let cases: [(&str, &str, &str); 10] = [
        (
            "agree to",
            "Both sides agreed to expand cooperation on critical minerals.",
            "The agreed roadmap covers critical minerals.",
        ),
        (
            "committed to",
            "The United States is committed to working with Japan on energy security.",
            "Japan is a committed partner in the region.",
        ),
        (
            "will continue to",
            "The United States will continue to support Japan in the region.",
            "Talks will continue to be held in Tokyo.",
        ),
        (
            "reaffirmed",
            "The two sides reaffirmed their commitment to a free and open Indo-Pacific.",
            "The reaffirmed commitment was noted in the press.",
        ),
        (
            "recognized",
            "Japan recognized the contribution of the United States to regional security.",
            "The recognized border runs along the river.",
        ),
        (
            "congratulated",
            "The United States congratulated Japan on the successful launch.",
            "The launch team was congratulated by the press.",
        ),
        (
            "thanked",
            "Japan thanked the United States for its support.",
            "Volunteers were thanked by the organisers.",
        ),
        (
            "condemn",
            "The Parties condemn the missile launches by North Korea.",
            "The condemnation of the launches was widespread.",
        ),
        (
            "emphasized",
            "Japan emphasized the importance of energy security.",
            "Energy security was emphasized by the delegations.",
        ),
        (
            "noted the importance of",
            "Both sides noted the importance of a rules-based international order.",
            "The importance of the order was not lost on observers.",
        ),
    ];
    for (cue, positive, negative) in cases {
        let text = format!("{head}{positive} {negative}\n");
        let (project, id) = import(&text);
        let all = run(&project, id);
        let found = statement_at(&project, &text, &all, positive);
        assert!(
            matches!(&found, Some((speaker, attribution)) if !speaker.is_empty() && attribution == "narration"),
            "{cue}: “{positive}” → {found:?}"
        );
        assert_eq!(
            statement_at(&project, &text, &all, negative),
            None,
            "{cue}: “{negative}” is no statement"
        );
    }
}

#[test]
fn the_analysts_issuer_wins_and_is_an_edit_that_undoes() {
    let (mut project, id) = import(DECLARATION);
    let eu = project.id_allocator("tester").fresh().expect("a fresh id");
    let mut actor = Actor::new(eu, "European Union", "international_org");
    actor.aliases = vec!["EU".into()];
    Edit::AddActor(actor)
        .apply(&mut project)
        .expect("a new actor");
    let mut meta = project.document(id).expect("doc").meta.clone();
    meta.issuer = vec![eu];
    let inverse = Edit::UpdateDocumentMeta { document: id, meta }
        .apply(&mut project)
        .expect("the issuer is set");
    let all = run(&project, id);
    assert_eq!(
        statement_at(&project, DECLARATION, &all, "We condemn all forms"),
        Some(("European Union".into(), "narration".into()))
    );
    assert!(
        project.actor_in_use(eu),
        "an issuer is in use: removing it is refused"
    );
    inverse.apply(&mut project).expect("undo");
    assert!(project.document(id).expect("doc").meta.issuer.is_empty());
    let all = run(&project, id);
    let (speaker, _) = statement_at(&project, DECLARATION, &all, "We condemn all forms")
        .expect("read from the text again");
    assert!(
        ["Brazil", "Germany"].contains(&speaker.as_str()),
        "{speaker}"
    );
}

/// In the window, the document's information offers the issuer read from the header;
/// one click makes it the document's issuer (adding new actors), one undo takes it back.
#[test]
fn the_detected_issuer_is_accepted_from_the_document_info_and_undone() {
    use demarche::ui::Startup;
    use demarche::ui::app::DemarcheApp;
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;
    let (project, id) = import(JOINT_STATEMENT);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("joint.ron");
    demarche::persist::save(&project, &path).expect("saved");
    let mut h =
        crate::app_support::app_harness(DemarcheApp::app_for_tests_as(Startup::Open(path), "ana"));
    h.run_steps(6);
    let issuer_names = |h: &egui_kittest::Harness<'_, DemarcheApp>| -> Vec<String> {
        let project = h.state().workspace().project();
        let doc = project.document(id).expect("the document");
        doc.meta
            .issuer
            .iter()
            .map(|&a| project.actor(a).expect("an actor").name.clone())
            .collect()
    };
    assert!(issuer_names(&h).is_empty());
    h.get_by_label_contains(
        "Read from the text (joint statement): United States (new), Japan (new)",
    );
    h.get_by_label("Accept the detected issuer").click();
    h.run_steps(3);
    assert_eq!(issuer_names(&h), ["United States", "Japan"]);
    assert_eq!(
        h.state().workspace().project().actors.len(),
        2,
        "both added once"
    );
    assert!(
        h.query_by_label("Accept the detected issuer").is_none(),
        "no offer once an issuer is named"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert!(issuer_names(&h).is_empty());
    assert!(
        h.state().workspace().project().actors.is_empty(),
        "one undo step"
    );
}
