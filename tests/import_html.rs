//! Saved news pages: the story's every paragraph and its metadata come out; navigation,
//! ads, share buttons, related stories, comments, scripts and styles do not, nor the
//! story's header furniture (dek, byline, date line, "Read in app") or trailer (sign-up,
//! follow and copyright lines); the text opens with the story's first paragraph. The fixtures
//! (tests/fixtures/articles/html, written by make_html_fixtures.py) are in legacy
//! encodings declared by a meta tag, as many portals still serve them.

use chrono::NaiveDate;
use demarche::import::import_file;
use demarche::model::Id;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles/html")
        .join(name)
}

fn paragraphs(name: &str) -> Vec<String> {
    std::fs::read_to_string(fixture(name))
        .expect("read expected paragraphs")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn assert_story_only(text: &str, story: &[String], boilerplate: &[&str]) {
    for paragraph in story {
        assert!(
            text.contains(&format!("{paragraph}\n")) || text.ends_with(paragraph.as_str()),
            "paragraph missing or merged:\n{paragraph}\n--- got ---\n{text}"
        );
    }
    // Each paragraph stands apart, a blank line from the next.
    for pair in story.windows(2) {
        assert!(
            text.contains(&format!("{}\n\n{}", pair[0], pair[1])),
            "paragraphs not separated:\n{text}"
        );
    }
    for junk in boilerplate {
        assert!(!text.contains(junk), "boilerplate {junk:?} kept:\n{text}");
    }
}

#[test]
fn french_page_in_windows_1252_keeps_the_story_and_drops_the_rest() {
    let doc = import_file(&fixture("fr-windows-1252.html"), Id(1)).expect("imports");
    assert_story_only(
        doc.text(),
        &paragraphs("fr-windows-1252.paragraphs"),
        &[
            "Accueil",
            "S’abonner",
            "PUBLICITÉ",
            "Partager sur",
            "À lire aussi",
            "Nil : l’Égypte",
            "Commentaires",
            "argent public",
            "dataLayer",
            "trackRead",
            "ad-slot",
            "Mentions légales",
        ],
    );
    assert_eq!(doc.origin.format, "html");
    assert_eq!(doc.origin.encoding, "windows-1252");
    assert_eq!(
        doc.meta.title,
        "La Suisse et l’Éthiopie relancent le dialogue"
    );
    assert_eq!(doc.meta.source, "Le Quotidien Lémanique");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2025, 2, 12));
    assert_eq!(doc.meta.byline, "Hélène Dürrenmatt");
    assert_eq!(
        doc.meta.url,
        "https://www.quotidien-lemanique.ch/monde/suisse-ethiopie-dialogue"
    );
    assert_eq!(doc.meta.language, "fr");
}

#[test]
fn chinese_portal_page_in_gbk_reads_json_ld_news_article() {
    let doc = import_file(&fixture("zh-gbk.html"), Id(1)).expect("imports");
    let story = paragraphs("zh-gbk.paragraphs");
    // The info line under the headline repeats the date, outlet and author.
    assert_starts_with_story(doc.text(), &story);
    assert_story_only(
        doc.text(),
        &story,
        &[
            "2025-03-08 11:20",
            "作者",
            "首页",
            "广告",
            "分享到",
            "相关新闻",
            "东盟外长会议",
            "网友评论",
            "支持！",
            "_hmt",
            "网站地图",
        ],
    );
    assert_eq!(doc.origin.encoding, "GBK");
    assert_eq!(doc.meta.title, "王毅：愿同东盟尽早完成南海行为准则磋商");
    assert_eq!(doc.meta.source, "环球资讯网");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2025, 3, 8));
    assert_eq!(doc.meta.byline, "李明");
}

// Pages built the way large outlets build theirs (make_outlet_fixtures.py): the story split
// over several containers with ads, newsletter boxes and promos between its paragraphs.

/// The text opens with the story's first paragraph: no dek, byline, date line or labels
/// before it.
fn assert_starts_with_story(text: &str, story: &[String]) {
    assert!(
        text.starts_with(story[0].as_str()),
        "the text does not open with the story:\n{text}"
    );
}

#[test]
fn new_york_times_style_page_keeps_every_column_of_the_story() {
    let doc = import_file(&fixture("nyt-style.html"), Id(1)).expect("imports");
    let story = paragraphs("nyt-style.paragraphs");
    assert_starts_with_story(doc.text(), &story);
    assert_story_only(
        doc.text(),
        &story,
        &[
            "China abstained on a draft",
            "By Farnaz Fassihi",
            "April 15, 2025",
            "Read in app",
            "SKIP ADVERTISEMENT",
            "Advertisement",
            "Subscribe for $1/week",
            "Share full article",
            "Credit...Arlette Bashizi",
            "Displaced families near Goma",
            "Sign up for the Morning newsletter",
            "Related Content",
            "What to Know About the M23 Rebels",
            "Order Reprints",
            "A version of this article appears in print",
            "__preloadedData",
            "Privacy Policy",
        ],
    );
    assert_eq!(
        doc.meta.title,
        "Russia Vetoes U.N. Call for Pause in Congo Fighting"
    );
    assert_eq!(doc.meta.source, "The New York Times");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2025, 4, 15));
    assert_eq!(doc.meta.byline, "Farnaz Fassihi");
    assert_eq!(doc.meta.language, "en");
    // The dek is the outlet's summary, not the story: it is kept in the document's info.
    assert_eq!(
        doc.meta.custom.get("summary").map(String::as_str),
        Some(
            "China abstained on a draft written by France and Kenya that sought protection \
             for civilians around Goma."
        )
    );
}

#[test]
fn washington_post_style_page_drops_inline_promos_between_paragraphs() {
    let doc = import_file(&fixture("wapo-style.html"), Id(1)).expect("imports");
    let story = paragraphs("wapo-style.paragraphs");
    assert_starts_with_story(doc.text(), &story);
    assert_story_only(
        doc.text(),
        &story,
        &[
            "Story continues below advertisement",
            "Read more:",
            "Amazon deforestation fell sharply",
            "Today’s WorldView",
            "Gift Article",
            "Andressa Anholete/Bloomberg News",
            "TruthSeeker99",
            "Most Read World",
            "Democracy Dies in Darkness",
            "Fusion.globalContent",
            "Terms of Use",
        ],
    );
    assert_eq!(
        doc.meta.title,
        "E.U. and Mercosur clear final hurdle to trade deal after 25 years"
    );
    assert_eq!(doc.meta.source, "Washington Post");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2025, 6, 6));
    assert_eq!(doc.meta.byline, "Terrence McCoy");
    assert_eq!(
        doc.meta.custom.get("summary").map(String::as_str),
        Some("Brazil accepted a side letter on deforestation that France had demanded")
    );
}

#[test]
fn telegraph_style_page_drops_related_topics_and_the_paywall_banner() {
    let doc = import_file(&fixture("telegraph-style.html"), Id(1)).expect("imports");
    let story = paragraphs("telegraph-style.paragraphs");
    assert_starts_with_story(doc.text(), &story);
    assert_story_only(
        doc.text(),
        &story,
        &[
            "Related Topics",
            "Starmer to meet Xi",
            "Advertisement",
            "Try full access",
            "Join the conversation",
            "Show comments",
            "More stories",
            "Subscribe now",
            "tmg.pageData",
            "Telegraph Media Group",
        ],
    );
    assert_eq!(
        doc.meta.title,
        "Lammy warns Beijing over Hong Kong ahead of China visit"
    );
    assert_eq!(doc.meta.source, "The Telegraph");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2025, 3, 18));
    assert_eq!(doc.meta.byline, "Ben Riley-Smith");
    assert_eq!(doc.meta.language, "en-GB");
    assert_eq!(
        doc.meta.custom.get("summary").map(String::as_str),
        Some("Foreign Secretary tells MPs engagement does not mean silence on human rights")
    );
}

#[test]
fn chinese_state_portal_page_drops_editor_line_and_rankings() {
    let doc = import_file(&fixture("people-cn-style.html"), Id(1)).expect("imports");
    let story = paragraphs("people-cn-style.paragraphs");
    assert_starts_with_story(doc.text(), &story);
    assert_story_only(
        doc.text(),
        &story,
        &[
            "责任编辑",
            "纠错",
            "分享到",
            "相关新闻",
            "王毅会见南非外长",
            "热门排行",
            "推荐阅读",
            "网站地图",
            "_hmt",
            "小字号",
        ],
    );
    assert_eq!(doc.origin.encoding, "UTF-8");
    assert_eq!(
        doc.meta.title,
        "外交部：中方愿同非洲国家一道落实中非合作论坛北京峰会成果"
    );
    assert_eq!(doc.meta.source, "人民网");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2025, 5, 20));
    assert_eq!(doc.meta.byline, "张晓东");
}

#[test]
fn reuters_style_page_drops_header_labels_and_trailer_but_keeps_the_reporting_credit() {
    let doc = import_file(&fixture("reuters-style.html"), Id(1)).expect("imports");
    // The last expected paragraph is the credit line: who reported from where, which
    // analysts cite; it stays after the story.
    let story = paragraphs("reuters-style.paragraphs");
    assert!(story[story.len() - 1].starts_with("Reporting by"));
    assert_starts_with_story(doc.text(), &story);
    assert!(doc.text().ends_with(story[story.len() - 1].as_str()));
    assert_story_only(
        doc.text(),
        &story,
        &[
            "Listen to this article",
            "By Humeyra Pamuk and Simon Lewis",
            "GMT+1",
            "Updated 2 hours ago",
            "Scroll to continue",
            "Sign up here",
            "Follow Reuters on X",
            "Copyright ©",
            "All quotes delayed",
            "Register",
        ],
    );
    assert_eq!(doc.meta.byline, "Humeyra Pamuk, Simon Lewis");
    assert_eq!(doc.meta.source, "Reuters");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2025, 4, 22));
}

#[test]
fn guardian_style_story_opening_with_by_keeps_its_first_paragraph() {
    let doc = import_file(&fixture("guardian-style.html"), Id(1)).expect("imports");
    let story = paragraphs("guardian-style.paragraphs");
    // "By Tuesday, the talks had …" is the story's first paragraph, not a byline.
    assert!(story[0].starts_with("By Tuesday"));
    assert_starts_with_story(doc.text(), &story);
    assert_story_only(
        doc.text(),
        &story,
        &[
            "Mediators to put forward bridging proposal",
            "Diplomatic editor",
            "18.02 BST",
            "Share",
            "Explore more on these topics",
            "All rights reserved",
        ],
    );
    assert_eq!(doc.meta.byline, "Patrick Wintour");
    assert_eq!(doc.meta.date, NaiveDate::from_ymd_opt(2025, 4, 15));
    assert_eq!(
        doc.meta.custom.get("summary").map(String::as_str),
        Some(
            "Mediators to put forward bridging proposal after Israeli delegation returns home \
             for consultations"
        )
    );
}
