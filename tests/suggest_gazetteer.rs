//! The bundled gazetteer: its coverage (every UN member and observer, unique codes) and
//! the matcher's rules on sentences written in the style of Xinhua, Reuters and AP.

use demarche::suggest::gazetteer::{Gazetteer, Hit, MatchKind};

/// (text of the hit, canonical name of its entry, how it matched) for every hit.
fn found(text: &str) -> Vec<(String, String, MatchKind)> {
    let g = Gazetteer::bundled();
    g.find(text)
        .into_iter()
        .map(|h| {
            (
                text[h.bytes.clone()].to_string(),
                g.entry(h.entry).name.clone(),
                h.how,
            )
        })
        .collect()
}

fn names(text: &str) -> Vec<(String, String)> {
    found(text).into_iter().map(|(t, n, _)| (t, n)).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn byte_and_code_point_ranges_agree_with_the_text() {
    let text = "王毅 (Wang Yi) met Brazil’s top diplomat in Brasília.";
    let hits: Vec<Hit> = Gazetteer::bundled().find(text);
    assert_eq!(hits.len(), 2);
    for hit in &hits {
        let by_chars: String = text
            .chars()
            .skip(hit.chars.start)
            .take(hit.chars.end - hit.chars.start)
            .collect();
        assert_eq!(by_chars, text[hit.bytes.clone()]);
    }
    assert_eq!(&text[hits[0].bytes.clone()], "Brazil");
    assert_eq!(&text[hits[1].bytes.clone()], "Brasília");
    assert_eq!(hits[1].how, MatchKind::Capital);
}

#[test]
fn whole_words_only() {
    assert!(names("Plug the USB cable into the port.").is_empty());
    assert_eq!(
        found("Iranian officials said the talks would resume."),
        vec![("Iranian".into(), "Iran".into(), MatchKind::Demonym)]
    );
}

#[test]
fn acronyms_are_case_sensitive() {
    assert_eq!(
        names("The AU summit opened."),
        pairs(&[("AU", "African Union")])
    );
    assert!(names("They sold it au pair, for us.").is_empty());
}

#[test]
fn leading_article_and_possessive_stay_outside_the_hit() {
    assert_eq!(
        names("the United States’ position and the PRC's reply"),
        pairs(&[("United States", "United States"), ("PRC", "China")])
    );
}

#[test]
fn longest_match_wins() {
    assert_eq!(
        names("the Republic of Korea and Korea"),
        pairs(&[
            ("Republic of Korea", "South Korea"),
            ("Korea", "South Korea")
        ])
    );
}
