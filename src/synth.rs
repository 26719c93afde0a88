//! Deterministic synthetic projects for benchmarks and tests.
//!
//! The generated text reads like wire copy about foreign ministers' meetings: datelines,
//! direct and reported quotes (some split around the speaker, which gives discontinuous
//! statements), narration, accents (Bogotá, São Paulo), Han, Hangul and Cyrillic names,
//! curly quotes and the odd emoji. Annotations are placed on that text where an analyst
//! would put them — mentions on names, pronouns and epithets; statements on quotes with
//! their cue; commitments and stances on statements; tags and links — so they overlap
//! and nest as real coding does. Every span is valid for its document.
//!
//! The same arguments always give the same project, on every platform and build.

use crate::model::document::fingerprint;
use crate::model::{
    Actor, Annotation, CodebookList, Commitment, DocStatus, Document, DocumentMeta, Id,
    LineEndings, Link, Mention, Origin, Project, RejectedSuggestion, Span, Stamp, Stance,
    StanceTarget, Statement, Tag, TextRange,
};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use std::collections::BTreeMap;

pub mod team;

/// A project of `docs` articles of about `chars_per_doc` characters each, holding exactly
/// `annotations` annotations spread evenly over them (none when `docs` is 0).
pub fn project(docs: usize, chars_per_doc: usize, annotations: usize, seed: u64) -> Project {
    generate(docs, chars_per_doc, annotations, seed, Overlap::Normal)
}

/// A project with one long article of about `chars` characters and exactly `annotations`
/// annotations, with heavy overlap: multi-sentence statements and paragraph-long tags over
/// nested mentions, as the UI benchmark needs (1 MB with 20,000 annotations).
pub fn long_article(chars: usize, annotations: usize, seed: u64) -> Project {
    generate(1, chars, annotations, seed, Overlap::Heavy)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Overlap {
    Normal,
    Heavy,
}

/// SplitMix64 (Steele, Lea and Flood, 2014). Written here rather than taken from `rand`
/// because the stream must never change: `rand` does not promise the same numbers across
/// versions, and a changed stream would silently change benchmark inputs.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0); the modulo bias is irrelevant here.
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One item of a non-empty list (every list picked from here is a non-empty constant).
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------
// The actor registry.

struct ActorSeed {
    name: &'static str,
    kind: &'static str,
    /// Other names, also used in the text.
    aliases: &'static [&'static str],
    iso3: Option<&'static str>,
    cameo: Option<&'static str>,
    wikidata: Option<&'static str>,
    /// Name of the actor this one belongs to.
    affiliation: Option<&'static str>,
    role: &'static str,
    /// "He"/"She" for people, so follow-up sentences can refer back to them.
    pronoun: Option<&'static str>,
    epithet: Option<&'static str>,
}

const fn state(
    name: &'static str,
    aliases: &'static [&'static str],
    iso3: &'static str,
    wikidata: &'static str,
) -> ActorSeed {
    ActorSeed {
        name,
        kind: "state",
        aliases,
        iso3: Some(iso3),
        cameo: Some(iso3),
        wikidata: Some(wikidata),
        affiliation: None,
        role: "",
        pronoun: None,
        epithet: None,
    }
}

const fn person(
    name: &'static str,
    aliases: &'static [&'static str],
    cameo: &'static str,
    affiliation: &'static str,
    role: &'static str,
    pronoun: &'static str,
    epithet: &'static str,
) -> ActorSeed {
    ActorSeed {
        name,
        kind: "person",
        aliases,
        iso3: None,
        cameo: Some(cameo),
        wikidata: None,
        affiliation: Some(affiliation),
        role,
        pronoun: Some(pronoun),
        epithet: Some(epithet),
    }
}

const fn body(
    name: &'static str,
    kind: &'static str,
    aliases: &'static [&'static str],
    cameo: Option<&'static str>,
    affiliation: Option<&'static str>,
) -> ActorSeed {
    ActorSeed {
        name,
        kind,
        aliases,
        iso3: None,
        cameo,
        wikidata: None,
        affiliation,
        role: "",
        pronoun: None,
        epithet: None,
    }
}

const ACTORS: &[ActorSeed] = &[
    state("China", &["Beijing", "中国"], "CHN", "Q148"),
    person(
        "Wang Yi",
        &["Wang", "王毅"],
        "CHNGOV",
        "China",
        "Foreign Minister",
        "He",
        "the top diplomat",
    ),
    person(
        "Xi Jinping",
        &["Xi", "习近平"],
        "CHNGOV",
        "China",
        "President",
        "He",
        "the Chinese president",
    ),
    body(
        "Chinese Ministry of Foreign Affairs",
        "government_body",
        &["the Foreign Ministry", "外交部"],
        Some("CHNGOV"),
        Some("China"),
    ),
    person(
        "Mao Ning",
        &["Mao", "毛宁"],
        "CHNGOV",
        "Chinese Ministry of Foreign Affairs",
        "Spokesperson",
        "She",
        "the spokesperson",
    ),
    state("Colombia", &["the Republic of Colombia"], "COL", "Q739"),
    person(
        "Gustavo Petro",
        &["Petro"],
        "COLGOV",
        "Colombia",
        "President",
        "He",
        "the Colombian president",
    ),
    person(
        "Luis Gilberto Murillo",
        &["Murillo"],
        "COLGOV",
        "Colombia",
        "Minister of Foreign Affairs",
        "He",
        "the Colombian minister",
    ),
    state("Brazil", &["Brasil", "Brasília"], "BRA", "Q155"),
    person(
        "Luiz Inácio Lula da Silva",
        &["Lula"],
        "BRAGOV",
        "Brazil",
        "President",
        "He",
        "the Brazilian leader",
    ),
    body(
        "Brazilian Ministry of Foreign Affairs",
        "government_body",
        &["Itamaraty"],
        Some("BRAGOV"),
        Some("Brazil"),
    ),
    person(
        "Mauro Vieira",
        &["Vieira"],
        "BRAGOV",
        "Brazilian Ministry of Foreign Affairs",
        "Minister of Foreign Affairs",
        "He",
        "the veteran diplomat",
    ),
    state("Mexico", &["México"], "MEX", "Q96"),
    person(
        "Alicia Bárcena",
        &["Bárcena"],
        "MEXGOV",
        "Mexico",
        "Secretary of Foreign Affairs",
        "She",
        "the former ECLAC chief",
    ),
    state("Argentina", &["Buenos Aires"], "ARG", "Q414"),
    state("Chile", &["Santiago"], "CHL", "Q298"),
    body(
        "CELAC",
        "regional_group",
        &["the Community of Latin American and Caribbean States"],
        Some("LAM"),
        None,
    ),
    body(
        "United Nations",
        "international_org",
        &["the UN", "联合国"],
        Some("IGOUNO"),
        None,
    ),
    person(
        "António Guterres",
        &["Guterres"],
        "IGOUNO",
        "United Nations",
        "Secretary-General",
        "He",
        "the UN chief",
    ),
    body(
        "European Union",
        "regional_group",
        &["the EU", "Brussels"],
        Some("EUR"),
        None,
    ),
    person(
        "Kaja Kallas",
        &["Kallas"],
        "EUR",
        "European Union",
        "High Representative for Foreign Affairs",
        "She",
        "the EU's top diplomat",
    ),
    state("United States", &["Washington", "the U.S."], "USA", "Q30"),
    state("Japan", &["Tokyo", "日本"], "JPN", "Q17"),
    person(
        "Yōko Kamikawa",
        &["Kamikawa", "上川陽子"],
        "JPNGOV",
        "Japan",
        "Minister for Foreign Affairs",
        "She",
        "the Japanese minister",
    ),
    state("South Korea", &["Seoul", "대한민국"], "KOR", "Q884"),
    person(
        "Cho Tae-yul",
        &["Cho", "조태열"],
        "KORGOV",
        "South Korea",
        "Minister of Foreign Affairs",
        "He",
        "the South Korean minister",
    ),
    state("Russia", &["Moscow", "Россия"], "RUS", "Q159"),
    person(
        "Sergey Lavrov",
        &["Lavrov", "Сергей Лавров"],
        "RUSGOV",
        "Russia",
        "Minister of Foreign Affairs",
        "He",
        "the Russian minister",
    ),
    body("BRICS", "regional_group", &[], None, None),
    body(
        "Xinhua",
        "media",
        &["Xinhua News Agency", "新华社"],
        Some("CHNMED"),
        Some("China"),
    ),
    body("Reuters", "media", &[], None, None),
    body("Petrobras", "company", &[], Some("BRABUS"), Some("Brazil")),
    body(
        "Médecins Sans Frontières",
        "ngo",
        &["MSF"],
        Some("NGO"),
        None,
    ),
    body(
        "Workers' Party",
        "party",
        &["Partido dos Trabalhadores", "PT"],
        Some("BRAPTY"),
        Some("Brazil"),
    ),
];

/// Actors that speak in the text, and counterparts that are spoken of (indexes into ACTORS).
fn speakers() -> impl Iterator<Item = usize> {
    ACTORS
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind != "media" && a.kind != "company")
        .map(|(i, _)| i)
}

fn counterparts() -> impl Iterator<Item = usize> {
    ACTORS
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            matches!(
                a.kind,
                "state" | "regional_group" | "international_org" | "company" | "ngo"
            )
        })
        .map(|(i, _)| i)
}

fn media() -> impl Iterator<Item = usize> {
    ACTORS
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == "media")
        .map(|(i, _)| i)
}

// ---------------------------------------------------------------------------------------
// What the text says: commitment and stance phrases with their coding.

struct CommitPhrase {
    /// `|` marks where a quote may be split around its speaker; `{B}` names a counterpart.
    text: &'static str,
    action: &'static str,
    category: &'static str,
    strength: &'static str,
    context: &'static str,
    horizon: &'static str,
    conditions: &'static str,
    names_counterpart: bool,
}

struct StancePhrase {
    text: &'static str,
    /// `None`: the stance is about the counterpart named in the text.
    topic: Option<&'static str>,
    polarity: &'static str,
    intensity: &'static str,
    cameo: Option<&'static str>,
}

const COMMITMENTS: &[CommitPhrase] = &[
    CommitPhrase {
        text: "the two sides will sign| a new agreement on trade and investment before the end of the year",
        action: "sign a trade and investment agreement",
        category: "AGREE",
        strength: "certain",
        context: "economic",
        horizon: "short_term",
        conditions: "",
        names_counterpart: false,
    },
    CommitPhrase {
        text: "the country is ready to support| the peace process in {B} with funding and technical experts",
        action: "support the peace process",
        category: "SUPPORT",
        strength: "possible",
        context: "humanitarian",
        horizon: "medium_term",
        conditions: "",
        names_counterpart: true,
    },
    CommitPhrase {
        text: "the government shall uphold| its obligations under the Paris Agreement, whatever others decide",
        action: "uphold Paris Agreement obligations",
        category: "COOPERATE",
        strength: "certain",
        context: "environment",
        horizon: "long_term",
        conditions: "",
        names_counterpart: false,
    },
    CommitPhrase {
        text: "the ministry expects to extend| the credit line for small farmers in Antioquia and Nariño",
        action: "extend a credit line for small farmers",
        category: "AID",
        strength: "probable",
        context: "development",
        horizon: "medium_term",
        conditions: "",
        names_counterpart: false,
    },
    CommitPhrase {
        text: "both delegations may hold| further consultations with {B} in Brasília next month",
        action: "hold further consultations",
        category: "CONSULT",
        strength: "possible",
        context: "diplomatic",
        horizon: "short_term",
        conditions: "",
        names_counterpart: true,
    },
    CommitPhrase {
        text: "the country will never interfere| in the internal affairs of its neighbours",
        action: "not interfere in neighbours' internal affairs",
        category: "REFRAIN",
        strength: "certain",
        context: "political",
        horizon: "long_term",
        conditions: "",
        names_counterpart: false,
    },
    CommitPhrase {
        text: "{B} intends to mediate| between the parties, as long as both of them ask for it",
        action: "mediate between the parties",
        category: "MEDIATE",
        strength: "probable",
        context: "diplomatic",
        horizon: "unspecified",
        conditions: "both parties request mediation",
        names_counterpart: true,
    },
    CommitPhrase {
        text: "the partners are willing to open| their markets to café, açaí and soybeans from the region",
        action: "open markets to regional farm exports",
        category: "CONCEDE",
        strength: "possible",
        context: "economic",
        horizon: "medium_term",
        conditions: "",
        names_counterpart: false,
    },
    CommitPhrase {
        text: "customs procedures at the Port of Santos will be simplified| by March, if Congress approves the budget",
        action: "simplify customs procedures",
        category: "REFORM",
        strength: "certain",
        context: "economic",
        horizon: "short_term",
        conditions: "Congress approves the budget",
        names_counterpart: false,
    },
    CommitPhrase {
        text: "the troops will withdraw| from the border area within thirty days",
        action: "withdraw troops from the border",
        category: "RETREAT",
        strength: "certain",
        context: "military",
        horizon: "immediate",
        conditions: "",
        names_counterpart: false,
    },
    CommitPhrase {
        text: "the country hopes to send| 200 tonnes of medical supplies to {B} as soon as possible",
        action: "send medical supplies",
        category: "AID",
        strength: "possible",
        context: "health",
        horizon: "immediate",
        conditions: "",
        names_counterpart: true,
    },
];

/// What narration reports: no source, no quote.
const NARRATED: CommitPhrase = CommitPhrase {
    text: "",
    action: "sign cooperation agreements",
    category: "AGREE",
    strength: "certain",
    context: "economic",
    horizon: "immediate",
    conditions: "",
    names_counterpart: true,
};

const STANCES: &[StancePhrase] = &[
    StancePhrase {
        text: "multilateralism is| the only answer to the challenges of our time",
        topic: Some("multilateralism"),
        polarity: "favor",
        intensity: "high",
        cameo: Some("051"),
    },
    StancePhrase {
        text: "unilateral sanctions violate| international law and hurt ordinary people",
        topic: Some("international_order"),
        polarity: "against",
        intensity: "high",
        cameo: Some("111"),
    },
    StancePhrase {
        text: "{B} has played| a constructive role in the region",
        topic: None,
        polarity: "favor",
        intensity: "moderate",
        cameo: Some("051"),
    },
    StancePhrase {
        text: "the new tariffs are| a step backwards for free and fair trade",
        topic: Some("trade"),
        polarity: "against",
        intensity: "moderate",
        cameo: None,
    },
    StancePhrase {
        text: "no country should interfere| in the internal affairs of another",
        topic: Some("sovereignty"),
        polarity: "favor",
        intensity: "high",
        cameo: None,
    },
    StancePhrase {
        text: "the climate finance on offer remains| far below what developing countries need",
        topic: Some("climate"),
        polarity: "against",
        intensity: "moderate",
        cameo: None,
    },
    StancePhrase {
        text: "the accord is a good start,| but much remains to be done on human rights",
        topic: Some("human_rights"),
        polarity: "mixed",
        intensity: "low",
        cameo: None,
    },
    StancePhrase {
        text: "the reports of troop movements near the border are| ‘completely unfounded’",
        topic: Some("security"),
        polarity: "against",
        intensity: "high",
        cameo: Some("016"),
    },
    StancePhrase {
        text: "the statements by {B} were| neither helpful nor unexpected",
        topic: None,
        polarity: "neutral",
        intensity: "low",
        cameo: None,
    },
    StancePhrase {
        text: "closer ties across Latin America and the Caribbean are| in everyone's interest",
        topic: Some("regional_integration"),
        polarity: "favor",
        intensity: "moderate",
        cameo: None,
    },
];

/// Social-media posts: short stances with emoji (astral code points).
const POSTS: &[StancePhrase] = &[
    StancePhrase {
        text: "Productive talks with {B} today 🤝🌎",
        topic: None,
        polarity: "favor",
        intensity: "moderate",
        cameo: Some("051"),
    },
    StancePhrase {
        text: "Peace and development go hand in hand 🕊️🇨🇴🇧🇷",
        topic: Some("peace"),
        polarity: "favor",
        intensity: "high",
        cameo: None,
    },
    StancePhrase {
        text: "Multilateralism matters — now more than ever 🌐",
        topic: Some("multilateralism"),
        polarity: "favor",
        intensity: "high",
        cameo: None,
    },
];

#[derive(Clone, Copy)]
enum Claim {
    Commit(&'static CommitPhrase),
    Stance(&'static StancePhrase),
}

impl Claim {
    fn text(self) -> &'static str {
        match self {
            Claim::Commit(c) => c.text,
            Claim::Stance(s) => s.text,
        }
    }
}

const DIRECT_CUES: &[&str] = &[
    "said",
    "told reporters",
    "stressed",
    "said in a statement",
    "added",
];
const REPORTED_CUES: &[&str] = &["said", "stressed", "announced", "told Xinhua", "noted"];
const PLACES: &[&str] = &[
    "Bogotá",
    "São Paulo",
    "Brasília",
    "Beijing (北京)",
    "Ciudad de México",
    "Medellín",
    "Santiago",
    "Buenos Aires",
    "Tokyo (東京)",
    "Seoul (서울)",
    "Geneva",
    "Montevideo",
];
const DATELINES: &[&str] = &[
    "BOGOTÁ",
    "SÃO PAULO",
    "BRASÍLIA",
    "BEIJING",
    "MEXICO CITY",
    "SANTIAGO",
    "BUENOS AIRES",
    "GENEVA",
    "TOKYO",
    "SEOUL",
];
const TIMES: &[&str] = &[
    "on Tuesday",
    "on Wednesday",
    "on Friday",
    "at a joint press conference",
    "after talks in {P}",
    "during a visit to {P}",
    "at the summit",
];
const ISSUES: &[&str] = &[
    "infrastructure and clean energy",
    "lithium, copper and rare earths",
    "coffee exports and port logistics",
    "vaccines and public health",
    "the fight against drug trafficking",
    "scholarships and cultural exchange",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ANNOTATORS: &[&str] = &["ana.souza", "li.wei", "jörg.müller", "m.garcía"];
const NOTES: &[&str] = &[
    "Check the Spanish original: “se compromete a” vs. \"is committed to\"",
    r"Source file in the archive: C:\wires\2024\03\xinhua-0412.txt",
    "王毅 uses 合作 (cooperation) three times in this passage",
    "Ambiguous — conditional on the ceasefire? Ask the team 🤔",
    "Compare with last year's communiqué (paragraph 7)",
];
const CONDITIONS: &[&str] = &[
    "if the ceasefire holds",
    "subject to approval by Congress",
    "provided that financing is secured",
];

// ---------------------------------------------------------------------------------------
// Writing the text while recording where everything went.

/// A stretch of the text being written, in code points and bytes.
#[derive(Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
}

impl Piece {
    fn range(self, text: &str) -> TextRange {
        TextRange {
            start: self.start,
            end: self.end,
            text: text[self.byte_start..self.byte_end].to_owned(),
        }
    }

    /// From the start of `self` to the end of `last`.
    fn to(self, last: Piece) -> Piece {
        Piece {
            end: last.end,
            byte_end: last.byte_end,
            ..self
        }
    }
}

struct Sentence {
    whole: Piece,
    /// Index of the first sentence of its paragraph.
    paragraph: usize,
    statement: Option<StatementShape>,
}

struct StatementShape {
    /// One piece, or two for a quote split around its speaker.
    content: Vec<Piece>,
    cue: Option<Piece>,
    attribution: &'static str,
    speaker: Option<usize>,
    counterpart: usize,
    claim: Claim,
}

/// Everything the sentence templates need to fill their slots.
struct Slots {
    speaker: usize,
    counterpart: usize,
    /// The actor a pronoun or epithet refers back to.
    antecedent: Option<usize>,
    claim: Claim,
}

#[derive(Default)]
struct Rendered {
    content: Vec<Piece>,
    cue: Option<Piece>,
}

struct Writer<'r> {
    text: String,
    chars: usize,
    rng: &'r mut Rng,
    /// Every name, pronoun and epithet written, with the actor it refers to.
    names: Vec<(Piece, usize)>,
    at_sentence_start: bool,
}

impl<'r> Writer<'r> {
    fn new(rng: &'r mut Rng, capacity: usize) -> Self {
        Self {
            text: String::with_capacity(capacity),
            chars: 0,
            rng,
            names: Vec::new(),
            at_sentence_start: false,
        }
    }

    fn mark(&self) -> (usize, usize) {
        (self.chars, self.text.len())
    }

    fn since(&self, (start, byte_start): (usize, usize)) -> Piece {
        Piece {
            start,
            end: self.chars,
            byte_start,
            byte_end: self.text.len(),
        }
    }

    fn push(&mut self, s: &str) -> Piece {
        let mark = self.mark();
        if self.at_sentence_start && !s.is_empty() {
            self.at_sentence_start = false;
            let mut chars = s.chars();
            if let Some(first) = chars.next() {
                self.text.extend(first.to_uppercase());
                self.text.push_str(chars.as_str());
            }
        } else {
            self.text.push_str(s);
        }
        self.chars = crate::model::text::char_len(&self.text[mark.1..]) + mark.0;
        self.since(mark)
    }

    /// Writes one of the actor's names and records it (and, for a name followed by its
    /// Han or Hangul form, both and the whole, which nest).
    fn name(&mut self, actor: usize) {
        let seed = &ACTORS[actor];
        let choice = self.rng.below(100);
        if choice < 25 && !seed.aliases.is_empty() {
            let alias = *self.rng.pick(seed.aliases);
            let piece = self.push(alias);
            self.names.push((piece, actor));
            return;
        }
        let native = seed
            .aliases
            .iter()
            .find(|a| a.chars().any(|c| c > '\u{2e80}'));
        let start = self.mark();
        let piece = self.push(seed.name);
        self.names.push((piece, actor));
        if let (true, Some(native)) = (choice >= 80, native) {
            self.push(" (");
            let inner = self.push(native);
            self.push(")");
            self.names.push((inner, actor));
            let whole = self.since(start);
            self.names.push((whole, actor));
        }
    }

    /// Fills a template's `{SLOT}`s, recording names, the cue and the content.
    fn render(&mut self, template: &str, slots: &Slots, out: &mut Rendered) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            self.push(&rest[..open]);
            let Some(len) = rest[open..].find('}') else {
                break;
            };
            let key = &rest[open + 1..open + len];
            rest = &rest[open + len + 1..];
            match key {
                "S" => self.name(slots.speaker),
                "B" => self.name(slots.counterpart),
                "PRON" => {
                    if let Some(actor) = slots.antecedent {
                        let seed = &ACTORS[actor];
                        let word = if self.rng.chance(50) {
                            seed.pronoun
                        } else {
                            seed.epithet
                        };
                        let piece = self.push(word.unwrap_or(seed.name));
                        self.names.push((piece, actor));
                    }
                }
                "P" => {
                    let place = *self.rng.pick(PLACES);
                    self.push(place);
                }
                "T" => {
                    let time = *self.rng.pick(TIMES);
                    self.render(time, slots, out);
                }
                "ISSUE" => {
                    let issue = *self.rng.pick(ISSUES);
                    self.push(issue);
                }
                "N" => {
                    let n = 2 + self.rng.below(11);
                    self.push(&n.to_string());
                }
                "Y" => {
                    let year = 1950 + self.rng.below(60);
                    self.push(&year.to_string());
                }
                "ACCORDING" => out.cue = Some(self.push("according to")),
                "WROTE" => out.cue = Some(self.push("wrote on social media")),
                "CUE" => {
                    let cue = *self.rng.pick(DIRECT_CUES);
                    out.cue = Some(self.push(cue));
                }
                "RCUE" => {
                    let cue = *self.rng.pick(REPORTED_CUES);
                    out.cue = Some(self.push(cue));
                }
                "C" | "Cc" => {
                    let start = self.mark();
                    self.at_sentence_start = key == "Cc";
                    let whole = slots.claim.text().replace('|', "");
                    self.render(&whole, slots, out);
                    out.content.push(self.since(start));
                }
                "C1" | "C2" => {
                    let text = slots.claim.text();
                    let (first, second) = text.split_once('|').unwrap_or((text, ""));
                    let part = if key == "C1" {
                        first.trim_end_matches(',')
                    } else {
                        second.trim_start()
                    };
                    let start = self.mark();
                    self.at_sentence_start = key == "C1";
                    self.render(part, slots, out);
                    out.content.push(self.since(start));
                }
                other => {
                    self.push(other);
                }
            }
        }
        self.push(rest);
    }
}

/// The kinds of sentence wire copy is made of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Direct,
    Reported,
    According,
    Split,
    FollowUp,
    Narration,
    Background,
    Post,
}

impl Shape {
    fn template(self) -> &'static str {
        match self {
            Shape::Direct => "“{Cc},” {S} {CUE} {T}.",
            Shape::Reported => "{S} {RCUE} {T} that {C}.",
            Shape::According => "{ACCORDING} {S}, {C}.",
            Shape::Split => "“{C1},” {S} {CUE}, “{C2}.”",
            Shape::FollowUp => "{PRON} also {RCUE} that {C}.",
            Shape::Narration => "{S} and {B} signed {N} agreements on {ISSUE} {T}.",
            Shape::Background => {
                "{S} and {B} established diplomatic relations in {Y}, and trade between them has grown every year since."
            }
            Shape::Post => "{S} {WROTE}: “{C}”",
        }
    }

    fn attribution(self) -> Option<&'static str> {
        match self {
            Shape::Direct | Shape::Split | Shape::Post => Some("direct"),
            Shape::Reported | Shape::According | Shape::FollowUp => Some("reported"),
            Shape::Narration => Some("narration"),
            Shape::Background => None,
        }
    }
}

struct Draft {
    text: String,
    sentences: Vec<Sentence>,
    names: Vec<(Piece, usize)>,
    title: String,
    agency: usize,
}

/// Writes one article of at least `target_chars` characters (and at least one sentence).
fn write_article(rng: &mut Rng, target_chars: usize, date: NaiveDate) -> Draft {
    let speakers: Vec<usize> = speakers().collect();
    let counterparts: Vec<usize> = counterparts().collect();
    let agencies: Vec<usize> = media().collect();
    let agency = *rng.pick(&agencies);
    let lead_speaker = *rng.pick(&speakers);
    let lead_counterpart = *rng.pick(&counterparts);
    let title = match rng.below(4) {
        0 => format!(
            "{} meets {} officials in {}",
            ACTORS[lead_speaker].name,
            ACTORS[lead_counterpart].name,
            rng.pick(PLACES)
        ),
        1 => format!(
            "{} pledges closer ties with {}",
            ACTORS[lead_speaker].name, ACTORS[lead_counterpart].name
        ),
        2 => format!(
            "{} welcomes “frank and constructive” talks",
            ACTORS[lead_counterpart].name
        ),
        _ => format!(
            "Foreign ministers gather in {} amid trade tensions",
            rng.pick(PLACES)
        ),
    };

    let mut w = Writer::new(rng, target_chars + 256);
    let city = *w.rng.pick(DATELINES);
    w.push(city);
    w.push(&format!(
        ", {} {} (",
        MONTHS[date.month0() as usize],
        date.day()
    ));
    let piece = w.push(ACTORS[agency].name);
    w.names.push((piece, agency));
    w.push(") -- ");

    let mut sentences: Vec<Sentence> = Vec::new();
    let mut paragraph = 0;
    let mut previous_speaker: Option<usize> = None;
    loop {
        let index = sentences.len();
        let shape = if index == 0 {
            Shape::Reported
        } else {
            match w.rng.below(100) {
                0..25 => Shape::Direct,
                25..43 => Shape::Reported,
                43..50 => Shape::According,
                50..60 => Shape::Split,
                60..70 if previous_speaker.is_some() => Shape::FollowUp,
                60..70 => Shape::Direct,
                70..80 => Shape::Narration,
                80..94 => Shape::Background,
                _ => Shape::Post,
            }
        };
        let speaker = if index == 0 {
            lead_speaker
        } else {
            *w.rng.pick(&speakers)
        };
        let counterpart = if index == 0 || w.rng.chance(40) {
            lead_counterpart
        } else {
            *w.rng.pick(&counterparts)
        };
        let claim = match shape {
            Shape::Post => Claim::Stance(w.rng.pick(POSTS)),
            Shape::Narration => Claim::Commit(&NARRATED),
            _ if w.rng.chance(55) => Claim::Commit(w.rng.pick(COMMITMENTS)),
            _ => Claim::Stance(w.rng.pick(STANCES)),
        };
        let slots = Slots {
            speaker,
            counterpart,
            antecedent: previous_speaker,
            claim,
        };
        let start = w.mark();
        w.at_sentence_start = true;
        let mut out = Rendered::default();
        w.render(shape.template(), &slots, &mut out);
        let whole = w.since(start);
        let real_speaker = match shape {
            Shape::FollowUp => previous_speaker,
            Shape::Narration | Shape::Background => None,
            _ => Some(speaker),
        };
        let statement = shape.attribution().map(|attribution| StatementShape {
            content: if out.content.is_empty() {
                vec![whole]
            } else {
                out.content
            },
            cue: out.cue,
            attribution,
            speaker: real_speaker,
            counterpart,
            claim,
        });
        sentences.push(Sentence {
            whole,
            paragraph,
            statement,
        });
        previous_speaker = real_speaker.filter(|&a| ACTORS[a].pronoun.is_some());
        if w.chars >= target_chars {
            break;
        }
        if w.rng.chance(45) {
            w.push("\n\n");
            paragraph = sentences.len();
            previous_speaker = None;
        } else {
            w.push(" ");
        }
    }
    Draft {
        text: w.text,
        sentences,
        names: w.names,
        title,
        agency,
    }
}

// ---------------------------------------------------------------------------------------
// Placing annotations.

/// How many annotations of each kind a document gets, in realistic proportions.
struct Quota {
    mentions: usize,
    statements: usize,
    commitments: usize,
    stances: usize,
    tags: usize,
    links: usize,
}

impl Quota {
    fn for_total(n: usize) -> Self {
        let share = |percent: usize| (n * percent + 50) / 100;
        let statements = share(20);
        let (commitments, stances) = if statements > 0 {
            (share(11), share(9))
        } else {
            (0, 0)
        };
        let tags = share(12);
        let links = if n >= 4 { share(6) } else { 0 };
        let rest = statements + commitments + stances + tags + links;
        // Rounding can overshoot on tiny totals: take the excess back from the tags first.
        let (tags, links) = if rest > n {
            let excess = rest - n;
            let from_tags = excess.min(tags);
            (tags - from_tags, links - (excess - from_tags).min(links))
        } else {
            (tags, links)
        };
        let used = statements + commitments + stances + tags + links;
        Self {
            mentions: n.saturating_sub(used),
            statements,
            commitments,
            stances,
            tags,
            links,
        }
    }
}

/// The `i`-th of `count` picks spread evenly over `len` candidates (cycling when
/// `count > len`), with the round of the cycle so repeats can vary.
fn spread(i: usize, count: usize, len: usize) -> (usize, usize) {
    if len == 0 {
        (0, 0)
    } else if count <= len {
        (i * len / count.max(1), 0)
    } else {
        (i % len, i / len)
    }
}

/// Hands out timestamps that advance through a working day.
struct Clock {
    next: DateTime<Utc>,
}

impl Clock {
    fn stamp(&mut self, rng: &mut Rng) -> Stamp {
        self.next += Duration::seconds(20 + rng.below(90) as i64);
        let created = self.next;
        let modified = if rng.chance(20) {
            created + Duration::minutes(5 + rng.below(600) as i64)
        } else {
            created
        };
        Stamp {
            annotator: (*rng.pick(ANNOTATORS)).to_owned(),
            created,
            modified,
        }
    }
}

fn note(rng: &mut Rng) -> String {
    if rng.chance(8) {
        (*rng.pick(NOTES)).to_owned()
    } else {
        String::new()
    }
}

fn span(text: &str, pieces: &[Piece]) -> Span {
    Span {
        ranges: pieces.iter().map(|p| p.range(text)).collect(),
    }
}

struct Placement<'a> {
    draft: &'a Draft,
    actor_ids: &'a [Id],
    overlap: Overlap,
}

/// Ids 1, 2, 3… of a project built from nothing. Not the project's `IdAllocator`, whose
/// every id may be refused: a generated project has a few million entities at most, so the
/// end of the id space is out of reach here.
struct SequentialIds(u64);

impl SequentialIds {
    fn next(&mut self) -> Id {
        self.0 += 1;
        Id(self.0)
    }
}

fn annotate(
    doc: &mut Document,
    place: &Placement<'_>,
    total: usize,
    ids: &mut SequentialIds,
    rng: &mut Rng,
    clock: &mut Clock,
) {
    let quota = Quota::for_total(total);
    let draft = place.draft;
    let text = draft.text.as_str();
    let actor = |i: usize| place.actor_ids[i];
    let sentences = &draft.sentences;
    let with_statement: Vec<usize> = (0..sentences.len())
        .filter(|&i| sentences[i].statement.is_some())
        .collect();

    for i in 0..quota.mentions {
        let (at, _) = spread(i, quota.mentions, draft.names.len());
        let Some(&(piece, who)) = draft.names.get(at) else {
            break;
        };
        doc.mentions.push(Mention {
            id: ids.next(),
            span: span(text, &[piece]),
            actor: actor(who),
            stamp: clock.stamp(rng),
            note: note(rng),
        });
    }

    // (statement id, claim) for commitments and stances to hang on.
    let mut made: Vec<(Id, Claim, Option<usize>, usize)> = Vec::new();
    for i in 0..quota.statements {
        let (at, round) = spread(i, quota.statements, with_statement.len());
        let Some(&s) = with_statement.get(at) else {
            break;
        };
        let sentence = &sentences[s];
        let Some(shape) = &sentence.statement else {
            continue;
        };
        let multi = place.overlap == Overlap::Heavy && rng.chance(25);
        let pieces = if multi || round >= 2 {
            // A statement running over the next sentences of the paragraph and beyond.
            let last = (s + 1 + rng.below(3)).min(sentences.len() - 1);
            vec![sentence.whole.to(sentences[last].whole)]
        } else if round == 1 {
            vec![sentence.whole]
        } else {
            shape.content.clone()
        };
        let id = ids.next();
        doc.statements.push(Statement {
            id,
            span: span(text, &pieces),
            speaker: shape.speaker.map(actor),
            attribution: shape.attribution.to_owned(),
            cue: shape.cue.map(|c| span(text, &[c])),
            stamp: clock.stamp(rng),
            note: note(rng),
        });
        made.push((id, shape.claim, shape.speaker, shape.counterpart));
    }

    let commits: Vec<_> = made
        .iter()
        .filter(|m| matches!(m.1, Claim::Commit(_)))
        .collect();
    let commits = if commits.is_empty() {
        made.iter().collect()
    } else {
        commits
    };
    for i in 0..quota.commitments {
        let (at, _) = spread(i, quota.commitments, commits.len());
        let Some(&&(statement, claim, speaker, counterpart)) = commits.get(at) else {
            break;
        };
        let phrase = match claim {
            Claim::Commit(c) => c,
            Claim::Stance(_) => &COMMITMENTS[i % COMMITMENTS.len()],
        };
        let mut addressees = Vec::new();
        if phrase.names_counterpart || rng.chance(30) {
            addressees.push(actor(counterpart));
        }
        if rng.chance(15) {
            let other = actor(rng.below(ACTORS.len()));
            if !addressees.contains(&other) {
                addressees.push(other);
            }
        }
        let conditions = if !phrase.conditions.is_empty() {
            phrase.conditions.to_owned()
        } else if rng.chance(20) {
            (*rng.pick(CONDITIONS)).to_owned()
        } else {
            String::new()
        };
        let cameo = if rng.chance(40) {
            category_cameo(phrase.category)
        } else {
            None
        };
        doc.commitments.push(Commitment {
            id: ids.next(),
            statement,
            committer: speaker.map(actor),
            addressees,
            action: phrase.action.to_owned(),
            category: phrase.category.to_owned(),
            cameo,
            context: phrase.context.to_owned(),
            strength: phrase.strength.to_owned(),
            conditions,
            time_horizon: phrase.horizon.to_owned(),
            stamp: clock.stamp(rng),
            note: note(rng),
        });
    }

    let stances: Vec<_> = made
        .iter()
        .filter(|m| matches!(m.1, Claim::Stance(_)))
        .collect();
    let stances = if stances.is_empty() {
        made.iter().collect()
    } else {
        stances
    };
    for i in 0..quota.stances {
        let (at, _) = spread(i, quota.stances, stances.len());
        let Some(&&(statement, claim, speaker, counterpart)) = stances.get(at) else {
            break;
        };
        let phrase = match claim {
            Claim::Stance(s) => s,
            Claim::Commit(_) => &STANCES[i % STANCES.len()],
        };
        let target = match phrase.topic {
            _ if rng.chance(5) => None,
            Some(topic) => Some(StanceTarget::Topic(topic.to_owned())),
            None => Some(StanceTarget::Actor(actor(counterpart))),
        };
        doc.stances.push(Stance {
            id: ids.next(),
            statement,
            holder: speaker.map(actor),
            target,
            polarity: phrase.polarity.to_owned(),
            intensity: phrase.intensity.to_owned(),
            cameo: phrase.cameo.map(str::to_owned),
            stamp: clock.stamp(rng),
            note: note(rng),
        });
    }

    const TAG_CATEGORIES: &[&str] = &[
        "key_passage",
        "background",
        "hedge",
        "evaluation",
        "to_review",
    ];
    for i in 0..quota.tags {
        let (s, _) = spread(i, quota.tags, sentences.len());
        let Some(sentence) = sentences.get(s) else {
            break;
        };
        let roll = rng.below(100);
        let heavy = place.overlap == Overlap::Heavy;
        let pieces = match (heavy, roll) {
            (true, 0..35) => {
                // From the start of the paragraph over several sentences.
                let first = sentences[sentence.paragraph].whole;
                let last = (s + 2 + rng.below(7)).min(sentences.len() - 1);
                vec![first.to(sentences[last].whole)]
            }
            (_, 50..70) if s + 2 < sentences.len() => {
                vec![sentence.whole, sentences[s + 2].whole]
            }
            (_, 70..) => match &sentence.statement {
                Some(shape) => shape.content.clone(),
                None => vec![sentence.whole],
            },
            _ => vec![sentence.whole],
        };
        let mut attributes = BTreeMap::new();
        if rng.chance(30) {
            let level = if rng.chance(50) { "high" } else { "low" };
            attributes.insert("confidence".to_owned(), level.to_owned());
            if rng.chance(40) {
                attributes.insert(
                    "source_quote".to_owned(),
                    "“as soon as possible”, not \"soon\"".to_owned(),
                );
            }
        }
        doc.tags.push(Tag {
            id: ids.next(),
            span: span(text, &pieces),
            category: (*rng.pick(TAG_CATEGORIES)).to_owned(),
            attributes,
            stamp: clock.stamp(rng),
            note: note(rng),
        });
    }

    // Links: a commitment answering a stance, statements elaborating each other, and
    // otherwise any two annotations of the document.
    let ends: Vec<Id> = doc.annotation_ids().collect();
    for i in 0..quota.links {
        let (from, to, label) = match i % 3 {
            0 if !doc.commitments.is_empty() && !doc.stances.is_empty() => (
                doc.commitments[i % doc.commitments.len()].id,
                doc.stances[i % doc.stances.len()].id,
                "answers",
            ),
            1 if doc.statements.len() >= 2 => {
                let a = i % doc.statements.len();
                let b = (a + 1) % doc.statements.len();
                (doc.statements[b].id, doc.statements[a].id, "elaborates")
            }
            _ if ends.len() >= 2 => {
                let (a, _) = spread(i, quota.links, ends.len());
                let b = (a + 1 + rng.below(ends.len() - 1)) % ends.len();
                let label = *rng.pick(&["supports", "contradicts", "refers_to"]);
                (ends[a], ends[b], label)
            }
            _ => break,
        };
        doc.links.push(Link {
            id: ids.next(),
            from,
            to,
            label: label.to_owned(),
            stamp: clock.stamp(rng),
            note: note(rng),
        });
    }
    doc.sort_annotations();
}

/// The CAMEO code of a commitment category in the default codebook.
fn category_cameo(category: &str) -> Option<String> {
    let codebook = default_codebook();
    codebook
        .entry(CodebookList::CommitmentCategories, category)
        .and_then(|e| e.cameo.clone())
}

fn default_codebook() -> &'static crate::model::Codebook {
    static CODEBOOK: std::sync::OnceLock<crate::model::Codebook> = std::sync::OnceLock::new();
    CODEBOOK.get_or_init(crate::model::Codebook::default)
}

// ---------------------------------------------------------------------------------------
// Putting it together.

fn base_time() -> DateTime<Utc> {
    // Fixed, so projects do not depend on when they are generated.
    DateTime::from_timestamp(1_709_280_000, 0).unwrap_or_default() // 2024-03-01T08:00:00Z
}

fn generate(
    docs: usize,
    chars_per_doc: usize,
    annotations: usize,
    seed: u64,
    overlap: Overlap,
) -> Project {
    let mut rng = Rng(seed);
    let mut project = Project::new(format!("Synthetic corpus (seed {seed})"));
    project.meta.description =
        "Generated by demarche::synth — “wire-style” text, not real news.".to_owned();
    project.meta.created = base_time();
    project.codebook = default_codebook().clone();

    let mut ids = SequentialIds(0);
    let actor_ids: Vec<Id> = ACTORS.iter().map(|_| ids.next()).collect();
    for (i, seed_actor) in ACTORS.iter().enumerate() {
        let mut a = Actor::new(actor_ids[i], seed_actor.name, seed_actor.kind);
        a.aliases = seed_actor.aliases.iter().map(|s| (*s).to_owned()).collect();
        a.iso3 = seed_actor.iso3.map(str::to_owned);
        a.cameo = seed_actor.cameo.map(str::to_owned);
        a.wikidata = seed_actor.wikidata.map(str::to_owned);
        a.affiliation = seed_actor
            .affiliation
            .and_then(|name| ACTORS.iter().position(|b| b.name == name))
            .map(|j| actor_ids[j]);
        a.role = seed_actor.role.to_owned();
        if rng.chance(15) {
            a.note = (*rng.pick(NOTES)).to_owned();
        }
        project.actors.push(a);
    }

    let first_day = NaiveDate::from_ymd_opt(2023, 1, 2).unwrap_or_default();
    let mut clock = Clock { next: base_time() };
    for d in 0..docs {
        let share = annotations / docs + usize::from(d < annotations % docs);
        let date = first_day + Duration::days((d * 7 % 730) as i64);
        let draft = write_article(&mut rng, chars_per_doc, date);
        let id = ids.next();
        let meta = document_meta(&mut rng, &draft, date, d);
        let origin = document_origin(&mut rng, &draft.text, date, d);
        let rejection = (rng.chance(30) && !draft.names.is_empty()).then(|| {
            let (piece, _) = draft.names[rng.below(draft.names.len())];
            RejectedSuggestion {
                document: id,
                analyst: (*rng.pick(ANNOTATORS)).to_owned(),
                kind: "mention".to_owned(),
                start: piece.start,
                end: piece.end,
            }
        });
        let mut doc = Document::new(id, meta, origin, draft.text.clone());
        let place = Placement {
            draft: &draft,
            actor_ids: &actor_ids,
            overlap,
        };
        annotate(&mut doc, &place, share, &mut ids, &mut rng, &mut clock);
        project.documents.push(doc);
        project.rejected_suggestions.extend(rejection);
    }
    project.sort_all();
    project
}

fn document_meta(rng: &mut Rng, draft: &Draft, date: NaiveDate, n: usize) -> DocumentMeta {
    let mut custom = BTreeMap::new();
    if rng.chance(20) {
        custom.insert("desk".to_owned(), "Latin America & Caribbean".to_owned());
    }
    if rng.chance(10) {
        custom.insert("priority".to_owned(), "high".to_owned());
    }
    let slug: String = draft
        .title
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(24)
        .collect::<String>()
        .to_lowercase();
    DocumentMeta {
        title: draft.title.clone(),
        source: ACTORS[draft.agency].name.to_owned(),
        date: Some(date),
        byline: if rng.chance(50) {
            "Reporting by Ana Souza and 李伟; editing by Jörg Müller".to_owned()
        } else {
            String::new()
        },
        url: if rng.chance(70) {
            format!("https://wire.example.org/{date}/{slug}-{n}")
        } else {
            String::new()
        },
        language: "en".to_owned(),
        issuer: Vec::new(),
        progress: match DocStatus::ALL[n % DocStatus::ALL.len()] {
            DocStatus::Todo => Default::default(),
            status => [(ANNOTATORS[n % ANNOTATORS.len()].to_owned(), status)].into(),
        },
        legacy_status: None,
        custom,
        note: note(rng),
    }
}

fn document_origin(rng: &mut Rng, text: &str, date: NaiveDate, n: usize) -> Origin {
    let crlf = rng.chance(30);
    let file_fingerprint = if crlf {
        fingerprint(text.replace('\n', "\r\n").as_bytes())
    } else {
        fingerprint(text.as_bytes())
    };
    Origin {
        path: rng.chance(80).then(|| format!("corpus/{date}-{n:04}.txt")),
        format: "text".to_owned(),
        encoding: if rng.chance(85) {
            "UTF-8".to_owned()
        } else {
            "windows-1252".to_owned()
        },
        line_endings: if crlf {
            LineEndings::CrLf
        } else {
            LineEndings::Lf
        },
        file_fingerprint: Some(file_fingerprint),
        imported: base_time() + Duration::hours(n as i64),
    }
}

/// Every annotation of a project as `(document, annotation)`, for tests and benchmarks
/// that want to pick one.
pub fn annotations(project: &Project) -> impl Iterator<Item = (Id, Annotation)> + '_ {
    project.documents.iter().flat_map(|d| {
        d.annotation_ids()
            .filter_map(move |id| d.annotation(id).map(|a| (d.id, a)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ids::Keyed;

    fn assert_valid(project: &Project) {
        let codebook = &project.codebook;
        for a in &project.actors {
            assert!(codebook.entry(CodebookList::ActorKinds, &a.kind).is_some());
        }
        for d in &project.documents {
            let (text, index) = (d.text(), d.index());
            let spans = d
                .mentions
                .iter()
                .map(|m| &m.span)
                .chain(d.statements.iter().map(|s| &s.span))
                .chain(d.statements.iter().filter_map(|s| s.cue.as_ref()))
                .chain(d.tags.iter().map(|t| &t.span));
            for s in spans {
                assert_eq!(s.check(text, index), Ok(()), "document {}", d.id);
            }
            for c in &d.commitments {
                assert!(d.statements.iter().any(|s| s.id == c.statement));
                for key in [
                    (CodebookList::CommitmentCategories, &c.category),
                    (CodebookList::Contexts, &c.context),
                    (CodebookList::Strengths, &c.strength),
                    (CodebookList::TimeHorizons, &c.time_horizon),
                ] {
                    assert!(codebook.entry(key.0, key.1).is_some(), "{key:?}");
                }
            }
            for s in &d.stances {
                assert!(d.statements.iter().any(|t| t.id == s.statement));
                assert!(
                    codebook
                        .entry(CodebookList::Polarities, &s.polarity)
                        .is_some()
                );
                assert!(
                    codebook
                        .entry(CodebookList::Intensities, &s.intensity)
                        .is_some()
                );
                if let Some(StanceTarget::Topic(t)) = &s.target {
                    assert!(codebook.entry(CodebookList::Topics, t).is_some(), "{t}");
                }
            }
            for l in &d.links {
                assert!(l.from != l.to);
                assert!(d.has_annotation(l.from) && d.has_annotation(l.to));
                assert!(codebook.entry(CodebookList::LinkTypes, &l.label).is_some());
            }
            for t in &d.tags {
                assert!(
                    codebook
                        .entry(CodebookList::TagCategories, &t.category)
                        .is_some()
                );
            }
            assert_eq!(d.fingerprint(), fingerprint(text.as_bytes()));
        }
        let mut all: Vec<Id> = project.actors.iter().map(Keyed::id).collect();
        for d in &project.documents {
            all.push(d.id);
            all.extend(d.annotation_ids());
        }
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "ids are unique across the project");
    }

    #[test]
    fn same_seed_gives_the_same_project_and_another_seed_another() {
        let a = project(3, 2_000, 120, 7);
        assert_eq!(a, project(3, 2_000, 120, 7));
        assert_ne!(a, project(3, 2_000, 120, 8));
    }

    #[test]
    fn project_has_exactly_the_requested_annotations_all_valid() {
        for (docs, chars, n) in [(1, 10, 1), (2, 300, 3), (5, 5_000, 500), (7, 800, 61)] {
            let p = project(docs, chars, n, 42);
            let c = p.counts();
            assert_eq!(c.documents, docs);
            let total = c.mentions + c.statements + c.commitments + c.stances + c.tags + c.links;
            assert_eq!(total, n, "{docs} docs, {chars} chars");
            for d in &p.documents {
                assert!(d.len_chars() >= chars, "{}", d.len_chars());
            }
            assert_valid(&p);
        }
    }

    #[test]
    fn realistic_mix_of_kinds_scripts_and_shapes() {
        let p = project(10, 5_000, 1_000, 1);
        let c = p.counts();
        assert!(c.mentions > c.statements && c.statements > c.commitments);
        assert!(c.stances > 0 && c.tags > 0 && c.links > 0);
        let text: String = p.documents.iter().map(Document::text).collect();
        for needle in ["Bogotá", "“", "”", "王毅", "🤝"] {
            assert!(text.contains(needle), "{needle}");
        }
        let discontinuous = p
            .documents
            .iter()
            .flat_map(|d| d.statements.iter())
            .filter(|s| s.span.ranges.len() > 1)
            .count();
        assert!(discontinuous > 0);
        let nested = p.documents.iter().any(|d| {
            d.mentions.iter().any(|m| {
                d.statements
                    .iter()
                    .any(|s| s.span.covers(m.span.start(), m.span.end()))
            })
        });
        assert!(nested, "mentions sit inside statements");
    }

    #[test]
    fn long_article_is_one_big_document_with_heavy_overlap() {
        let p = long_article(100_000, 2_000, 3);
        assert_eq!(p.documents.len(), 1);
        let d = &p.documents[0];
        assert!(d.len_chars() >= 100_000 && d.len_chars() < 101_000);
        assert_eq!(d.annotation_count(), 2_000);
        assert_valid(&p);
        // Some offset is covered by at least four annotations at once.
        let deepest = d
            .mentions
            .iter()
            .map(|m| {
                let at = m.span.start();
                d.statements
                    .iter()
                    .filter(|s| s.span.contains_offset(at))
                    .count()
                    + d.tags.iter().filter(|t| t.span.contains_offset(at)).count()
                    + 1
            })
            .max()
            .unwrap_or(0);
        assert!(deepest >= 4, "deepest overlap {deepest}");
    }
}
