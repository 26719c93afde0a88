//! One long document for the suggestion benchmarks: the gold set's articles (`tests/gold/`,
//! markup removed) one after another until the text reaches a size, imported into a
//! project with no actors, as after importing a long report.

#[path = "../../tests/gold_support/mod.rs"]
mod gold_support;

use demarche::edit::Edit;
use demarche::model::{Id, Project};

/// The project and the id of its one document of at least `size` bytes.
pub fn long_report(name: &str, size: usize) -> (Project, Id) {
    let articles = gold_support::load_all();
    let mut text = String::with_capacity(size + 40_000);
    'fill: loop {
        for article in &articles {
            text.push_str(&article.text);
            text.push('\n');
            if text.len() >= size {
                break 'fill;
            }
        }
    }
    let mut project = Project::new(name);
    let id = project
        .id_allocator("bench")
        .fresh()
        .expect("a fresh project has ids");
    let doc = match demarche::import::import_bytes(text.as_bytes(), Some("report.txt"), id) {
        Ok(doc) => doc,
        Err(e) => panic!("cannot import the bench text: {e}"),
    };
    if let Err(e) = Edit::AddDocument(Box::new(doc)).apply(&mut project) {
        panic!("cannot add the bench document: {e}");
    }
    (project, id)
}
