//! One analysis of the text for everything (issue 15): the cases on which the old sentence
//! splitters disagreed ("Hon. Wang", "Acme Corp. The", a TASS dateline, "U.S.", "No. 5",
//! "Sept. 3") now give the same sentences to the caret's E, the tagging defaults and the
//! suggestion rules.

use demarche::model::{Document, DocumentMeta, Id, Origin, Project};
use demarche::suggest::{self, Gazetteer, SuggestionKind};
use demarche::ui::article::{ArticleInput, ArticleView, Nav};
use demarche::ui::tagging;
use egui::Vec2;
use egui_kittest::Harness;

const DOC: Id = Id(1);

const STORY: &str = "MOSCOW, November 27. /TASS/. Russia is ready to work with Hon. Wang Yi, \
Foreign Minister Sergei Lavrov said.\n\
Lavrov said talks with the U.S. President would open on Sept. 3 at No. 5 Downing Street.\n\
Lavrov said he had met the head of Acme Corp. The firm will build a road, Lavrov said.";

/// The sentences every reader of the text must see, in order.
const SENTENCES: [&str; 4] = [
    "Russia is ready to work with Hon. Wang Yi, Foreign Minister Sergei Lavrov said.",
    "Lavrov said talks with the U.S. President would open on Sept. 3 at No. 5 Downing Street.",
    "Lavrov said he had met the head of Acme Corp.",
    "The firm will build a road, Lavrov said.",
];

fn offset_of(needle: &str) -> usize {
    let byte = STORY.find(needle).expect("needle in story");
    STORY[..byte].chars().count()
}

fn range_of(sentence: &str) -> (usize, usize) {
    let start = offset_of(sentence);
    (start, start + sentence.chars().count())
}

fn project() -> Project {
    let mut project = Project::new("One analysis");
    let origin = Origin {
        path: None,
        format: "text".into(),
        encoding: "UTF-8".into(),
        line_endings: Default::default(),
        file_fingerprint: None,
        imported: chrono::Utc::now(),
    };
    project.documents.push(Document::new(
        DOC,
        DocumentMeta::default(),
        origin,
        STORY.into(),
    ));
    project
}

/// Where E (select sentence) lands with the caret at `offset`, in the real article view.
fn caret_sentences(project: &Project, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(700.0, 500.0))
        .build_ui_state(
            |ui, view: &mut ArticleView| {
                demarche::ui::fonts::install(ui.ctx());
                let project = self::project();
                let Some(doc) = project.document(DOC) else {
                    return;
                };
                let input = ArticleInput {
                    project: &project,
                    document: doc,
                    revision: 1,
                    selected_annotation: None,
                    find_matches: &[],
                    find_current: None,
                };
                let _ = view.ui(ui, &input);
            },
            ArticleView::new(),
        );
    harness.run();
    let doc = project.document(DOC).expect("the story");
    offsets
        .iter()
        .map(|&at| {
            let view = harness.state_mut();
            view.set_selection(at, at);
            view.navigate(doc, Nav::SelectSentence, false);
            view.selection().expect("E selects a sentence")
        })
        .collect()
}

#[test]
fn the_shared_analysis_keeps_abbreviations_and_leaves_the_dateline_out() {
    let project = project();
    let doc = project.document(DOC).expect("the story");
    let analysis = demarche::text::of(doc);
    let sentences: Vec<(usize, usize)> = analysis.sentences().iter().map(|s| s.pair()).collect();
    let expected: Vec<(usize, usize)> = SENTENCES.iter().map(|s| range_of(s)).collect();
    assert_eq!(sentences, expected);
    let datelines: Vec<(usize, usize)> = analysis.datelines().iter().map(|d| d.pair()).collect();
    assert_eq!(datelines, [range_of("MOSCOW, November 27. /TASS/.")]);
}

#[test]
fn the_caret_and_the_tagging_defaults_see_the_same_sentence() {
    let project = project();
    let doc = project.document(DOC).expect("the story");
    // A word inside each sentence, after its abbreviation; and one inside the dateline.
    let probes = [
        (offset_of("Wang Yi"), 0),
        (offset_of("President"), 1),
        (offset_of("Street"), 1),
        (offset_of("Corp."), 2),
        (offset_of("The firm"), 3),
        (offset_of("TASS"), 0),
    ];
    let offsets: Vec<usize> = probes.iter().map(|&(at, _)| at).collect();
    let by_caret = caret_sentences(&project, &offsets);
    for (&(at, want), caret) in probes.iter().zip(by_caret) {
        let expected = range_of(SENTENCES[want]);
        assert_eq!(caret, expected, "E at {at}");
        let (_, tagging) = tagging::sentences_around(doc, at);
        assert_eq!(tagging, expected, "tagging default at {at}");
    }
}

#[test]
fn suggested_statements_stay_inside_the_shared_sentences() {
    let project = project();
    let doc = project.document(DOC).expect("the story");
    let sentences: Vec<(usize, usize)> = SENTENCES.iter().map(|s| range_of(s)).collect();
    let statements: Vec<_> = suggest::suggest(&project, doc, Gazetteer::bundled())
        .into_iter()
        .filter(|s| s.kind == SuggestionKind::Statement)
        .collect();
    assert!(!statements.is_empty(), "Lavrov's statements are suggested");
    for s in &statements {
        assert!(
            sentences.iter().any(|&(a, b)| a <= s.start && s.end <= b),
            "statement {:?} crosses a sentence boundary or covers the dateline",
            s.text
        );
    }
    // The first statement is its whole sentence: not the credit, not cut at "Hon.".
    assert_eq!((statements[0].start, statements[0].end), sentences[0]);
}
