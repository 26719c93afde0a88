//! The bundled gazetteer: its coverage (every UN member and observer, unique and
//! well-formed codes, kinds from the codebook) and the matcher's rules on sentences
//! written in the style of Xinhua, Reuters and AP dispatches (curly quotes, non-breaking
//! spaces, CJK names beside English ones).

use demarche::model::Codebook;
use demarche::suggest::gazetteer::{Gazetteer, GazetteerError, MatchKind, UnStatus};
use std::collections::HashSet;

/// The 193 UN member states by ISO 3166-1 alpha-3, typed from the UN's membership list
/// independently of `assets/gazetteer.ron`.
const UN_MEMBERS: [&str; 193] = [
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR",
    "BGD", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH", "BWA", "BRA", "BRN", "BGR",
    "BFA", "BDI", "CPV", "KHM", "CMR", "CAN", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG",
    "CRI", "CIV", "HRV", "CUB", "CYP", "CZE", "PRK", "COD", "DNK", "DJI", "DMA", "DOM", "ECU",
    "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH", "FJI", "FIN", "FRA", "GAB", "GMB", "GEO",
    "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY", "HTI", "HND", "HUN", "ISL", "IND",
    "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA", "JAM", "JPN", "JOR", "KAZ", "KEN", "KIR", "KWT",
    "KGZ", "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU", "LUX", "MDG", "MWI", "MYS",
    "MDV", "MLI", "MLT", "MHL", "MRT", "MUS", "MEX", "FSM", "MCO", "MNG", "MNE", "MAR", "MOZ",
    "MMR", "NAM", "NRU", "NPL", "NLD", "NZL", "NIC", "NER", "NGA", "MKD", "NOR", "OMN", "PAK",
    "PLW", "PAN", "PNG", "PRY", "PER", "PHL", "POL", "PRT", "QAT", "KOR", "MDA", "ROU", "RUS",
    "RWA", "KNA", "LCA", "VCT", "WSM", "SMR", "STP", "SAU", "SEN", "SRB", "SYC", "SLE", "SGP",
    "SVK", "SVN", "SLB", "SOM", "ZAF", "SSD", "ESP", "LKA", "SDN", "SUR", "SWE", "CHE", "SYR",
    "TJK", "THA", "TLS", "TGO", "TON", "TTO", "TUN", "TUR", "TKM", "TUV", "UGA", "UKR", "ARE",
    "GBR", "TZA", "USA", "URY", "UZB", "VUT", "VEN", "VNM", "YEM", "ZMB", "ZWE",
];

fn gazetteer() -> &'static Gazetteer {
    Gazetteer::bundled()
}

/// (text of the hit, canonical name of its entry, how it matched) for every hit.
fn found(text: &str) -> Vec<(String, String, MatchKind)> {
    let g = gazetteer();
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

/// (text of the hit, canonical name of its entry) for every hit.
fn names(text: &str) -> Vec<(String, String)> {
    found(text).into_iter().map(|(t, n, _)| (t, n)).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn is_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

#[test]
fn every_un_member_is_a_state_with_its_iso3() {
    let g = gazetteer();
    assert_eq!(UN_MEMBERS.iter().collect::<HashSet<_>>().len(), 193);
    for code in UN_MEMBERS {
        let i = g
            .by_iso3(code)
            .unwrap_or_else(|| panic!("{code} is missing"));
        let entry = g.entry(i);
        assert_eq!(entry.kind, "state", "{}", entry.name);
        assert_eq!(entry.un, UnStatus::Member, "{}", entry.name);
    }
    let members = g
        .entries()
        .iter()
        .filter(|e| e.un == UnStatus::Member)
        .count();
    assert_eq!(members, 193);
}

#[test]
fn observers_and_the_other_listed_states_are_present() {
    let g = gazetteer();
    let observers: Vec<&str> = g
        .entries()
        .iter()
        .filter(|e| e.un == UnStatus::Observer)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(observers, ["Holy See", "Palestine"]);
    for code in ["VAT", "PSE", "TWN", "XKX", "ESH"] {
        let i = g
            .by_iso3(code)
            .unwrap_or_else(|| panic!("{code} is missing"));
        assert_eq!(g.entry(i).kind, "state");
    }
}

#[test]
fn codes_are_unique_and_well_formed() {
    let mut seen = HashSet::new();
    for entry in gazetteer().entries() {
        if let Some(iso3) = &entry.iso3 {
            assert!(is_code(iso3), "{}: {iso3}", entry.name);
            assert!(seen.insert(iso3.clone()), "{iso3} twice");
        }
        if entry.kind == "state" {
            let cameo = entry.cameo.as_deref().unwrap_or_default();
            assert!(is_code(cameo), "{}: CAMEO code {cameo:?}", entry.name);
        } else {
            assert!(
                entry.iso3.is_none(),
                "{} is no state but has an ISO3",
                entry.name
            );
            let cameo = entry.cameo.as_deref().unwrap_or_default();
            assert!(
                cameo.len() >= 3
                    && cameo
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()),
                "{}: CAMEO code {cameo:?}",
                entry.name
            );
        }
    }
    assert_eq!(
        gazetteer()
            .entry(gazetteer().by_iso3("ROU").unwrap())
            .cameo
            .as_deref(),
        Some("ROM")
    );
}

#[test]
fn kinds_are_codebook_keys_and_parents_resolve() {
    let codebook = Codebook::default();
    let kinds: HashSet<&str> = codebook
        .actor_kinds
        .iter()
        .map(|k| k.key.as_str())
        .collect();
    let g = gazetteer();
    let mut names = HashSet::new();
    for (i, entry) in g.entries().iter().enumerate() {
        assert!(
            kinds.contains(entry.kind.as_str()),
            "{}: kind {}",
            entry.name,
            entry.kind
        );
        assert!(names.insert(entry.name.as_str()), "{} twice", entry.name);
        if entry.parent.is_some() {
            assert!(
                g.parent(i).is_some(),
                "{}: parent {:?}",
                entry.name,
                entry.parent
            );
        }
    }
    let white_house = g.by_name("White House").unwrap();
    assert_eq!(
        g.entry(g.parent(white_house).unwrap()).name,
        "United States"
    );
    let commission = g.by_name("European Commission").unwrap();
    assert_eq!(
        g.entry(g.parent(commission).unwrap()).name,
        "European Union"
    );
}

/// Every form of every entry, alone in a sentence, is found whole as that entry: no form
/// is lost to another entry, a blocker or the case rule.
#[test]
fn every_form_finds_its_own_entry() {
    let g = gazetteer();
    for (i, entry) in g.entries().iter().enumerate() {
        for (form, _) in entry.forms() {
            let text = format!("Officials said {form} had replied.");
            let hits = g.find(&text);
            let whole = hits
                .iter()
                .find(|h| &text[h.bytes.clone()] == form)
                .unwrap_or_else(|| {
                    panic!("“{form}” of {} is not found whole: {hits:?}", entry.name)
                });
            assert_eq!(
                whole.entry,
                i,
                "“{form}” goes to {}",
                g.entry(whole.entry).name
            );
        }
    }
}

#[test]
fn xinhua_style_dispatch() {
    let text = "BEIJING, Nov. 27 (Xinhua) -- Chinese Foreign Minister Wang Yi (王毅) said on \
                Thursday that China is willing to work with Brazil and other CELAC members \
                to deepen the China–Latin America partnership, and that the PRC’s cooperation \
                with ASEAN and the African Union will continue.";
    assert_eq!(
        found(text),
        vec![
            ("Xinhua".into(), "Xinhua".into(), MatchKind::Name),
            ("Chinese".into(), "China".into(), MatchKind::Demonym),
            ("China".into(), "China".into(), MatchKind::Name),
            ("Brazil".into(), "Brazil".into(), MatchKind::Name),
            ("CELAC".into(), "CELAC".into(), MatchKind::Acronym),
            ("China".into(), "China".into(), MatchKind::Name),
            ("PRC".into(), "China".into(), MatchKind::Acronym),
            ("ASEAN".into(), "ASEAN".into(), MatchKind::Acronym),
            (
                "African Union".into(),
                "African Union".into(),
                MatchKind::Name
            ),
        ],
        "the all-capitals dateline is no hit; \"Latin America\" hides \"America\""
    );
}

#[test]
fn reuters_style_dispatch() {
    let text = "WASHINGTON (Reuters) - The White House said on Tuesday the U.S. would not \
                attend, while Moscow and Beijing called for restraint at the U.N. Security \
                Council, where the Kremlin’s envoy met his counterpart from the United\u{a0}Kingdom.";
    assert_eq!(
        found(text),
        vec![
            ("Reuters".into(), "Reuters".into(), MatchKind::Name),
            ("White House".into(), "White House".into(), MatchKind::Seat),
            ("U.S.".into(), "United States".into(), MatchKind::Acronym),
            ("Moscow".into(), "Russia".into(), MatchKind::Capital),
            ("Beijing".into(), "China".into(), MatchKind::Capital),
            (
                "U.N. Security Council".into(),
                "UN Security Council".into(),
                MatchKind::Name,
            ),
            ("Kremlin".into(), "Kremlin".into(), MatchKind::Seat),
            (
                "United\u{a0}Kingdom".into(),
                "United Kingdom".into(),
                MatchKind::Name
            ),
        ]
    );
}

#[test]
fn ap_style_dispatch_with_accents_and_curly_quotes() {
    let text = "ANKARA, Türkiye (AP) — Türkiye’s foreign ministry said Turkish and Iranian \
                diplomats met in Brasilia, and that “Côte d’Ivoire and Ivory Coast’s \
                neighbours” were invited. Iranians abroad and the Filipino community \
                followed the talks.";
    assert_eq!(
        names(text),
        pairs(&[
            ("Türkiye", "Türkiye"),
            ("AP", "Associated Press"),
            ("Türkiye", "Türkiye"),
            ("Turkish", "Türkiye"),
            ("Iranian", "Iran"),
            ("Brasilia", "Brazil"),
            ("Côte d’Ivoire", "Côte d'Ivoire"),
            ("Ivory Coast", "Côte d'Ivoire"),
            ("Iranians", "Iran"),
            ("Filipino", "Philippines"),
        ])
    );
}

#[test]
fn whole_words_only() {
    assert!(names("Plug the USB cable into the port; USBs are cheap.").is_empty());
    assert_eq!(
        found("Iranian officials said Iran’s position was unchanged."),
        vec![
            ("Iranian".into(), "Iran".into(), MatchKind::Demonym),
            ("Iran".into(), "Iran".into(), MatchKind::Name),
        ]
    );
    assert!(names("The Omanisation of the labour market, Indiana and Chinatown.").is_empty());
}

#[test]
fn acronyms_are_case_sensitive() {
    assert_eq!(
        names("The AU summit opened."),
        pairs(&[("AU", "African Union")])
    );
    assert!(names("They sold it au pair, for us, to whoever.").is_empty());
    assert_eq!(
        names("Who will pay? the WHO asked."),
        pairs(&[("WHO", "World Health Organization")])
    );
}

#[test]
fn capitals_of_a_name_are_required_but_headline_case_is_accepted() {
    assert!(names("a china cup and a cold turkey").is_empty());
    assert_eq!(
        names("Talks With Democratic Republic Of The Congo Resume"),
        pairs(&[(
            "Democratic Republic Of The Congo",
            "Democratic Republic of the Congo"
        )])
    );
    assert!(names("BEIJING, MOSCOW AND WASHINGTON").is_empty());
}

#[test]
fn leading_article_and_possessive_stay_outside_the_hit() {
    assert_eq!(
        names("the United States’ position, the PRC's reply and the Netherlands’ vote"),
        pairs(&[
            ("United States", "United States"),
            ("PRC", "China"),
            ("Netherlands", "Netherlands")
        ])
    );
}

#[test]
fn longest_match_wins() {
    assert_eq!(
        names("the Republic of Korea, North Korea and Korea"),
        pairs(&[
            ("Republic of Korea", "South Korea"),
            ("North Korea", "North Korea"),
            ("Korea", "South Korea"),
        ])
    );
    assert_eq!(
        names("Guinea-Bissau, Equatorial Guinea, Papua New Guinea and Guinea"),
        pairs(&[
            ("Guinea-Bissau", "Guinea-Bissau"),
            ("Equatorial Guinea", "Equatorial Guinea"),
            ("Papua New Guinea", "Papua New Guinea"),
            ("Guinea", "Guinea"),
        ])
    );
    assert_eq!(
        names("the People's Republic of China and the Republic of China"),
        pairs(&[
            ("People's Republic of China", "China"),
            ("Republic of China", "Taiwan")
        ])
    );
    assert_eq!(
        names("OPEC+ and OPEC, G77 and G7"),
        pairs(&[
            ("OPEC+", "OPEC+"),
            ("OPEC", "OPEC"),
            ("G77", "G77"),
            ("G7", "G7")
        ])
    );
}

#[test]
fn blockers_hide_the_state_inside_place_names() {
    assert!(
        names("Ships crossed the South China Sea toward Latin America, New Mexico and Northern Ireland.")
            .is_empty()
    );
    assert_eq!(
        names("Latin American and Caribbean countries met in the Gulf of Mexico region."),
        pairs(&[("Latin American and Caribbean", "CELAC")])
    );
    assert_eq!(
        names("The National Security Council briefed Brazil’s National Congress; US$2 billion."),
        pairs(&[("Brazil", "Brazil")]),
        "neither the UN Security Council, the U.S. Congress nor the United States"
    );
    assert_eq!(
        names("Under the Paris Agreement, Paris pledged more; the Paris Club met."),
        pairs(&[("Paris", "France"), ("Paris Club", "Paris Club")])
    );
}

#[test]
fn ambiguous_forms_follow_the_documented_policy() {
    assert_eq!(
        names("Georgia, Congo and the Republic of the Congo; Brussels and Washington."),
        pairs(&[
            ("Georgia", "Georgia"),
            ("Congo", "Democratic Republic of the Congo"),
            ("Republic of the Congo", "Republic of the Congo"),
            ("Brussels", "European Union"),
            ("Washington", "United States"),
        ])
    );
}

/// A capital is found as a capital wherever it stands; telling the place ("talks in
/// Beijing") from the metonym ("Beijing said") is `suggest::actors`' job.
#[test]
fn capitals_are_found_as_places_too() {
    assert_eq!(
        found("Talks were held in Beijing."),
        vec![("Beijing".into(), "China".into(), MatchKind::Capital)]
    );
}

#[test]
fn ranges_are_right_after_cjk_emoji_and_folded_characters() {
    let text =
        "外交部发言人毛宁 🇨🇳 said Sino-US ties, Côte d’Ivoire’s vote and the EU’s stance matter.";
    let g = gazetteer();
    let hits = g.find(text);
    let got: Vec<(&str, usize, usize)> = hits
        .iter()
        .map(|h| (&text[h.bytes.clone()], h.chars.start, h.chars.end))
        .collect();
    let chars: Vec<char> = text.chars().collect();
    for (s, start, end) in &got {
        assert_eq!(chars[*start..*end].iter().collect::<String>(), *s);
    }
    let texts: Vec<&str> = got.iter().map(|g| g.0).collect();
    assert_eq!(texts, ["Sino", "US", "Côte d’Ivoire", "EU"]);
}

#[test]
fn lookups_by_code_and_name() {
    let g = gazetteer();
    let china = g.by_iso3("CHN").unwrap();
    assert_eq!(g.entry(china).name, "China");
    assert_eq!(g.by_name("China"), Some(china));
    assert_eq!(g.by_iso3("XXX"), None);
    assert!(
        g.entry(china)
            .aliases()
            .any(|a| a == "People's Republic of China")
    );
    assert!(!g.entry(china).aliases().any(|a| a == "Beijing"));
    let pentagon = g.by_name("U.S. Department of Defense").unwrap();
    assert!(g.entry(pentagon).aliases().any(|a| a == "Pentagon"));
}

#[test]
fn titles_are_listed() {
    let titles = gazetteer().titles();
    for t in [
        "Foreign Minister",
        "Vice Premier",
        "State Councilor",
        "Secretary-General",
        "Crown Prince",
    ] {
        assert!(titles.iter().any(|x| x == t), "{t}");
    }
    assert!(
        gazetteer()
            .title_prefixes()
            .iter()
            .any(|x| x == "Minister of")
    );
}

#[test]
fn a_form_given_to_two_entries_is_refused_with_both_names() {
    let text = r#"(entries: [
        (name: "Democratic Republic of the Congo", kind: "state", short_forms: ["Congo"]),
        (name: "Republic of the Congo", kind: "state", short_forms: ["Congo"]),
    ])"#;
    let err = Gazetteer::from_ron(text).unwrap_err();
    assert!(matches!(err, GazetteerError::DuplicateForm { .. }));
    let message = err.to_string();
    assert!(
        message.contains("Congo") && message.contains("Republic of the Congo"),
        "{message}"
    );
}

#[test]
fn an_unreadable_gazetteer_says_so() {
    let err = Gazetteer::from_ron("(entries: [ (name: ").unwrap_err();
    assert!(
        err.to_string().contains("gazetteer file could not be read"),
        "{err}"
    );
}

#[test]
fn a_form_that_cannot_start_a_word_is_refused() {
    let text = r#"(entries: [(name: "Example", kind: "state", acronyms: ["-EX"])])"#;
    let err = Gazetteer::from_ron(text).unwrap_err();
    assert!(matches!(err, GazetteerError::FormStart { .. }), "{err}");
}
