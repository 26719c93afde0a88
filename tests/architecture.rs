//! The dependency rules of `docs/ARCHITECTURE.md`, checked by reading the sources: `model`
//! uses no other module of the crate, `text` and `query` use `model` only, and the UI never holds a
//! mutable project (it changes one only through edits the workspace applies). A source scan
//! sees `crate::…` paths outside comments and test modules; that is as far as it can tell.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The `.rs` files of module `name`: `src/name.rs` and everything under `src/name/`.
fn module_files(name: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let file = src().join(format!("{name}.rs"));
    if file.is_file() {
        out.push(file);
    }
    let mut dirs = vec![src().join(name)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("readable folder entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    assert!(!out.is_empty(), "module {name} has sources");
    out.sort();
    out
}

/// The code of a file without comments and without its test module (which by the house
/// style closes the file).
fn code(source: &str) -> String {
    let body = match source.find("#[cfg(test)]") {
        Some(at) => &source[..at],
        None => source,
    };
    body.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a piece of code names through `crate::`, including inside
/// `use crate::{a::X, b}` groups.
fn crate_modules(code: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group, up to its matching brace.
            let (mut depth, mut item_start) = (0usize, 0usize);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        out.insert(ident(&group[item_start..i]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.insert(ident(&group[item_start..i]));
                        item_start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            out.insert(ident(rest));
        }
    }
    out.remove("");
    out
}

/// Every use of another module of the crate by `name`'s code outside `allowed`, as
/// "file: module" lines.
fn violations(name: &str, allowed: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for file in module_files(name) {
        let source = std::fs::read_to_string(&file).expect("readable source");
        for used in crate_modules(&code(&source)) {
            if used != name && !allowed.contains(&used.as_str()) {
                out.push(format!("{}: uses crate::{used}", file.display()));
            }
        }
    }
    out
}

#[test]
fn the_scanner_sees_paths_groups_and_skips_comments_and_tests() {
    let sample = "use crate::model::Document;\n\
                  use crate::{text::Analysis, edit::{Edit, History}};\n\
                  // crate::persist in a comment\n\
                  fn f() { crate::suggest::run(); }\n\
                  #[cfg(test)]\nmod tests { use crate::ui; }";
    let found: Vec<String> = crate_modules(&code(sample)).into_iter().collect();
    assert_eq!(found, ["edit", "model", "suggest", "text"]);
}

#[test]
fn model_uses_no_other_module() {
    let found = violations("model", &[]);
    assert!(
        found.is_empty(),
        "model must stand alone:\n{}",
        found.join("\n")
    );
}

#[test]
fn text_uses_only_model() {
    let found = violations("text", &["model"]);
    assert!(
        found.is_empty(),
        "text may use model only:\n{}",
        found.join("\n")
    );
}

#[test]
fn agreement_reads_only_the_model_and_the_suggestions() {
    let found = violations("agreement", &["agreement", "model", "suggest", "text"]);
    assert!(
        found.is_empty(),
        "agreement may use model and suggest (the suggestions as an analyst) only:\n{}",
        found.join("\n")
    );
}

#[test]
fn query_reads_only_the_model() {
    let found = violations("query", &["query", "model"]);
    assert!(
        found.is_empty(),
        "query may use model only:\n{}",
        found.join("\n")
    );
}

#[test]
fn curation_plans_edits_from_agreement_and_changes_nothing_itself() {
    let found = violations("curation", &["curation", "agreement", "edit", "model"]);
    assert!(
        found.is_empty(),
        "curation may use model, agreement and edit only:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_ui_never_holds_a_mutable_project() {
    let mut found = Vec::new();
    for file in module_files("ui") {
        let source = std::fs::read_to_string(&file).expect("readable source");
        let code = code(&source);
        for (n, line) in code.lines().enumerate() {
            let compact: String = line.split_whitespace().collect();
            if compact.contains("&mutProject") || compact.contains("project_mut(") {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "the UI changes a project only through edits:\n{}",
        found.join("\n")
    );
}
