//! The article folder the import benchmarks read: generated wire copy (accents, Han,
//! Hangul and Cyrillic names), 4–8 KB an article, in nested folders of 50 as an analyst
//! keeps them.

use demarche::synth;
use std::path::Path;

/// Writes `count` articles below `dir`; returns their total size in bytes.
pub fn write_articles(dir: &Path, count: usize) -> usize {
    let project = synth::project(count, 6_000, 0, 505);
    let mut total = 0;
    for (i, doc) in project.documents.iter().enumerate() {
        let folder = dir.join(format!("batch-{:02}", i / 50));
        std::fs::create_dir_all(&folder).expect("folder created");
        std::fs::write(folder.join(format!("article-{i:03}.txt")), doc.text())
            .expect("article written");
        total += doc.text().len();
    }
    total
}
