//! Hand tagging reads the text as the suggestions do (issue 15, item 2): on the Xinhua
//! article, S gives the statement Wang Yi's (reported, cue "said"), C and T give the
//! commitment and stance to China (nested attribution: "Wang said, China is willing to
//! …"), and M on "China" creates a state with its codes — all from the keyboard.

use crate::app_support::app_harness;

use demarche::model::{Annotation, Document, Id, Project};
use demarche::suggest::{self, ActorRef, Detail, Gazetteer};
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use egui::Key;
use egui_kittest::Harness;
use std::path::Path;

fn harness() -> Harness<'static, DemarcheApp> {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("xinhua.txt");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/suggest/xinhua_celac.txt");
    std::fs::copy(fixture, &article).expect("fixture copied");
    let mut h = app_harness(DemarcheApp::app_for_tests(Startup::Open(article)));
    h.run();
    // The imported copy is in the project; the folder may go.
    drop(dir);
    h
}

fn document(h: &Harness<'static, DemarcheApp>) -> Document {
    let app = h.state();
    let id = app.selection().document.expect("the article is open");
    app.workspace()
        .project()
        .document(id)
        .cloned()
        .expect("the article")
}

/// Selects the sentence holding `words` with E and presses `key`; returns the selected
/// annotation.
fn tag_sentence(h: &mut Harness<'static, DemarcheApp>, words: &str, key: Key) -> Id {
    let doc = document(h);
    let byte = doc.text().find(words).expect("words in the article");
    let at = doc.index().char_of(byte).expect("on a boundary");
    h.state_mut().article_mut().set_selection(at, at);
    h.key_press(Key::E);
    h.run();
    h.key_press(key);
    h.run();
    h.state()
        .selection()
        .annotation
        .expect("an annotation is selected")
}

fn holder_name(project: &Project, actor: &ActorRef) -> String {
    match actor {
        ActorRef::Project(id) => project
            .actor(*id)
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        ActorRef::New(new) => new.name.clone(),
    }
}

fn actor_name(h: &Harness<'static, DemarcheApp>, id: Option<Id>) -> String {
    let project = h.state().workspace().project();
    id.and_then(|id| project.actor(id))
        .map(|a| a.name.clone())
        .unwrap_or_default()
}

#[test]
fn s_c_and_t_fill_what_the_rules_read_and_m_knows_china() {
    let mut h = harness();

    let id = tag_sentence(&mut h, "voluntary choice", Key::S);
    let doc = document(&h);
    let Some(Annotation::Statement(s)) = doc.annotation(id) else {
        panic!("S makes a statement");
    };
    assert_eq!(actor_name(&h, s.speaker), "Wang Yi");
    assert_eq!(s.attribution, "reported");
    let cue = s.cue.as_ref().expect("a cue");
    assert_eq!(doc.slice(cue.start(), cue.end()), Some("said"));
    let china = h.state().workspace().project().actor_by_name("China");
    assert!(china.is_some(), "Wang Yi's affiliation is added with him");

    let id = tag_sentence(
        &mut h,
        "China is willing to work with Latin America",
        Key::C,
    );
    let doc = document(&h);
    let Some(Annotation::Commitment(c)) = doc.annotation(id) else {
        panic!("C makes a commitment");
    };
    assert_eq!(actor_name(&h, c.committer), "China");
    assert_eq!(c.strength, "possible", "“is willing to” → possible");
    let statement = doc
        .statements
        .iter()
        .find(|st| st.id == c.statement)
        .expect("its statement");
    assert_eq!(actor_name(&h, statement.speaker), "Wang Yi");

    // T on the sentence of the rules' first stance held by China.
    let doc = document(&h);
    let project = h.state().workspace().project().clone();
    let stance = suggest::proposals(&project, &doc, Gazetteer::bundled())
        .into_iter()
        .find(|s| {
            matches!(&s.detail, Detail::Stance { holder: Some(a), .. }
                if holder_name(&project, a) == "China")
        })
        .expect("the rules read a stance of China's");
    let words: String = doc
        .slice(stance.start, stance.end)
        .expect("in range")
        .to_owned();
    let id = tag_sentence(&mut h, &words, Key::T);
    let doc = document(&h);
    let Some(Annotation::Stance(t)) = doc.annotation(id) else {
        panic!("T makes a stance");
    };
    assert_eq!(actor_name(&h, t.holder), "China");

    let project = h.state().workspace().project();
    let china = project.actor_by_name("China").expect("China was added");
    assert_eq!(china.kind, "state");
    assert_eq!(china.iso3.as_deref(), Some("CHN"));
}

#[test]
fn m_on_a_name_the_gazetteer_knows_creates_the_actor_with_its_kind_and_codes() {
    let mut h = harness();
    let doc = document(&h);
    let byte = doc
        .text()
        .find("China and Latin")
        .expect("China in the article");
    let at = doc.index().char_of(byte).expect("on a boundary");
    h.state_mut()
        .article_mut()
        .set_selection(at, at + "China".len());
    h.key_press(Key::M);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let project = h.state().workspace().project();
    let china = project.actor_by_name("China").expect("created");
    assert_eq!(china.kind, "state");
    assert_eq!(china.iso3.as_deref(), Some("CHN"));
    assert_eq!(china.cameo.as_deref(), Some("CHN"));
}
