//! The development set for the suggestion rules (issue 6): articles in `tests/dev/`, coded
//! by `tests/gold/GUIDELINES.md` in the gold set's format, for looking at misses while the
//! rules change. The gold set in `tests/gold/` stays held out; this set has no quality
//! floors, only the guarantee that every file parses and scores.
//!
//! `cargo test --release --test suite dev_report -- --nocapture` prints the tables; with
//! `DEMARCHE_GOLD_DETAIL=1` also every miss, extra and wrong speaker per article.

use crate::gold_support;

use demarche::suggest::{self, Gazetteer};
use gold_support::*;
use std::path::PathBuf;

fn dev_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dev_dir())
        .expect("tests/dev exists")
        .map(|e| e.expect("readable folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn run_article(article: &GoldArticle) -> Scores {
    let (project, id) = bare_project(article);
    let doc = project.document(id).expect("just added");
    assert_eq!(
        doc.text(),
        article.text,
        "{}: the imported text differs from the coded text",
        article.file
    );
    let suggestions = suggest::suggest(&project, doc, Gazetteer::bundled());
    if std::env::var_os("DEMARCHE_GOLD_DETAIL").is_some() {
        println!("\n{}", article.file);
        for line in differences(article, &project, &suggestions) {
            println!("{line}");
        }
    }
    score(article, &project, &suggestions)
}

/// Every dev file parses (all coding errors are listed, each as `file: line N: …`), and its
/// text is what importing the file gives, so its offsets are document offsets.
#[test]
fn dev_set_parses() {
    let files = dev_files();
    assert!(files.len() >= 3, "only {} dev articles", files.len());
    let mut errors = Vec::new();
    let mut crlf = false;
    for path in &files {
        let name = path.file_name().expect("a file").to_string_lossy();
        let source = std::fs::read_to_string(path).expect("dev file is UTF-8");
        let article = match parse(&name, &source) {
            Ok(a) => a,
            Err(e) => {
                errors.push(format!("{name}: {e}"));
                continue;
            }
        };
        crlf |= article.crlf;
        let words = article.words();
        // Official texts in their issuer's voice are short: a readout is a paragraph.
        let least = if article.genre.is_empty() { 300 } else { 100 };
        if !(least..=600).contains(&words) {
            errors.push(format!(
                "{name}: {words} words, the set asks for {least}–600"
            ));
        }
        for m in &article.mentions {
            let slice = article.slice(m.start, m.end);
            if slice.is_empty() || slice.starts_with(' ') || slice.ends_with(' ') {
                errors.push(format!("{name}: mention “{slice}” has edge spaces"));
            }
        }
        if article.statements.is_empty() || article.mentions.is_empty() {
            errors.push(format!("{name}: no statements or no mentions coded"));
        }
        let (project, id) = bare_project(&article);
        if project.document(id).expect("added").text() != article.text {
            errors.push(format!(
                "{name}: the imported text differs from the coded text"
            ));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(crlf, "one dev article has CRLF line endings");
}

/// The official texts' figures (GUIDELINES.md, "The issuer's voice"): statements found
/// in the issuer's voice and whether the issuer read from the header is the coded one.
fn print_issuer_voice(articles: &[GoldArticle], per: &[(String, Scores)]) {
    let mut total = Scores::default();
    let mut issuers_right = 0;
    let official: Vec<&GoldArticle> = articles.iter().filter(|a| !a.genre.is_empty()).collect();
    for a in &official {
        if let Some((_, s)) = per.iter().find(|(f, _)| *f == a.file) {
            total.add(s);
        }
        let (project, id) = bare_project(a);
        let doc = project.document(id).expect("just added");
        let mentions = suggest::actors::mentions(&project, doc, Gazetteer::bundled());
        let found = suggest::issuer::issuer(&project, doc, Gazetteer::bundled(), &mentions);
        let found: Vec<Named> = found
            .map(|i| i.actors.iter().map(|x| named(&project, x)).collect())
            .unwrap_or_default();
        let right = found.len() == a.issuer.len()
            && a.issuer.iter().all(|g| {
                let gold = a.actor(g).expect("checked by the parser");
                found.iter().any(|f| same_actor(gold, f))
            });
        issuers_right += usize::from(right);
        let names: Vec<&str> = found.iter().map(|n| n.name.as_str()).collect();
        println!(
            "  {:<40} {:<16} issuer {} ({})",
            a.file,
            a.genre,
            if right { "right" } else { "WRONG" },
            names.join("; ")
        );
    }
    let st = &total.statements;
    println!(
        "Official texts in their issuer's voice ({} articles): statements R {:.1} % ({}/{}), P {:.1} %, speaker right {:.1} % of gold; commitments R {:.1} %, stances R {:.1} %; issuer right {}/{}",
        official.len(),
        100.0 * st.recall(),
        st.matched,
        st.gold,
        100.0 * st.precision(),
        100.0 * ratio(st.agree_a, st.gold),
        100.0 * total.commitments.recall(),
        100.0 * total.stances.recall(),
        issuers_right,
        official.len(),
    );
}

/// Prints precision and recall per kind on the dev set, per article and overall, like the
/// gold report; asserts only that every article scores (no floors: the set is for misses).
#[test]
fn dev_report() {
    let articles = load_dir(&dev_dir());
    let mut total = Scores::default();
    let per: Vec<(String, Scores)> = articles
        .iter()
        .map(|a| {
            let s = run_article(a);
            assert_eq!(s.mentions.gold, a.mentions.len(), "{}", a.file);
            assert_eq!(s.statements.gold, a.statements.len(), "{}", a.file);
            total.add(&s);
            (a.file.clone(), s)
        })
        .collect();
    print_tables("the dev set", &per, &total);
    print_issuer_voice(&articles, &per);
    let count = |f: fn(&GoldArticle) -> usize| articles.iter().map(f).sum::<usize>();
    println!(
        "\nDev set coded: {} articles, {} words, {} mentions, {} statements, {} commitments, {} stances",
        articles.len(),
        count(|a| a.words()),
        count(|a| a.mentions.len()),
        count(|a| a.statements.len()),
        count(|a| a.commitments.len()),
        count(|a| a.stances.len()),
    );
}
