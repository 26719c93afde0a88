//! The gold set's file format (`tests/gold/*.txt`, described in `tests/gold/GUIDELINES.md`)
//! and the matching of suggestions against it.
//!
//! A file is a header of `key: value` lines (`title`, `source`, and one `actor:` line per
//! actor: `name | kind | iso3 | alias, alias`), a line `---`, then the article with inline
//! markup:
//!
//! - `[the top diplomat]{Wang Yi}` a mention; `[both sides]{China; Brazil}` one per actor;
//! - `⟦S speaker=Wang Yi; attr=direct|…⟧` a statement, with its cue marked `⟨said⟩`;
//! - `⟦C committer=China; strength=certain; action=deepen cooperation; conditions=…;
//!   addressees=Brazil, Chile|will deepen cooperation⟧` a commitment, inside a statement;
//! - `⟦T holder=China; polarity=against; target=sovereignty|opposes interference⟧` a
//!   stance, inside a statement.
//!
//! Offsets are code points in the markup-free text after CRLF → LF (what a document holds).
//! The format is parsed by hand: it is a handful of bracket pairs, and a parser generator
//! would be more code than the parser.

#![allow(dead_code)] // Each test binary uses a different part of the support module.

use demarche::model::{Document, Project};
use demarche::suggest::{ActorRef, Detail, StanceTargetRef, Suggestion, SuggestionKind};
use std::path::{Path, PathBuf};

pub const TOPICS: [&str; 11] = [
    "multilateralism",
    "sovereignty",
    "trade",
    "peace",
    "human_rights",
    "climate",
    "security",
    "development",
    "international_order",
    "regional_integration",
    "governance",
];
const KINDS: [&str; 10] = [
    "person",
    "state",
    "government_body",
    "international_org",
    "regional_group",
    "party",
    "company",
    "ngo",
    "media",
    "other",
];
const STRENGTHS: [&str; 4] = ["certain", "probable", "possible", "uncommitted"];
const POLARITIES: [&str; 4] = ["favor", "against", "neutral", "mixed"];
const ATTRIBUTIONS: [&str; 3] = ["direct", "reported", "narration"];
pub const GENRES: [&str; 4] = ["readout", "joint_statement", "declaration", "communique"];

#[derive(Clone, Debug, PartialEq)]
pub struct GoldActor {
    pub name: String,
    pub kind: String,
    pub iso3: Option<String>,
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub actor: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoldStatement {
    pub start: usize,
    pub end: usize,
    pub speaker: String,
    pub attribution: String,
    /// The reporting cue; `None` for a quoted sentence whose cue is in the next sentence.
    pub cue: Option<(usize, usize)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoldCommitment {
    pub start: usize,
    pub end: usize,
    /// Index into `GoldArticle::statements`.
    pub statement: usize,
    /// One actor's name, or several separated by commas for a collective committer.
    pub committer: String,
    pub strength: String,
    pub action: String,
    pub conditions: String,
    pub addressees: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoldStance {
    pub start: usize,
    pub end: usize,
    pub statement: usize,
    pub holder: String,
    pub polarity: String,
    /// An actor name or a topic key.
    pub target: String,
}

#[derive(Clone, Debug, Default)]
pub struct GoldArticle {
    pub file: String,
    pub title: String,
    pub source: String,
    /// The article as a document holds it (LF line endings, no markup).
    pub text: String,
    /// The article as its file was written (CRLF kept), for importing.
    pub raw_text: String,
    pub crlf: bool,
    /// `readout`, `joint_statement`, `declaration` or `communique` for an official text in
    /// its issuer's voice; empty for news.
    pub genre: String,
    /// The actors the document speaks for (GUIDELINES.md, "The issuer's voice").
    pub issuer: Vec<String>,
    pub actors: Vec<GoldActor>,
    pub mentions: Vec<GoldMention>,
    pub statements: Vec<GoldStatement>,
    pub commitments: Vec<GoldCommitment>,
    pub stances: Vec<GoldStance>,
}

impl GoldArticle {
    pub fn actor(&self, name: &str) -> Option<&GoldActor> {
        self.actors.iter().find(|a| a.name == name)
    }

    /// The markup-free text between two code-point offsets.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.text.chars().skip(start).take(end - start).collect()
    }

    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

pub fn gold_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold")
}

/// The development set (`tests/dev/`): coded like the gold set, for looking at misses
/// while writing rules, so that the gold set stays held out.
pub fn dev_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev")
}

/// Every article of the gold set, by file name.
pub fn load_all() -> Vec<GoldArticle> {
    load_dir(&gold_dir())
}

/// Every `*.txt` article in `dir`, by file name; panics naming the file and line of a
/// coding error.
pub fn load_dir(dir: &Path) -> Vec<GoldArticle> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("gold file is UTF-8");
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            parse(&name, &text).unwrap_or_else(|e| panic!("{name}: {e}"))
        })
        .collect()
}

enum Frame {
    Block {
        kind: char,
        fields: Vec<(String, String)>,
        start: usize,
        line: usize,
        /// For a statement: its index; for C/T: the enclosing statement's.
        statement: Option<usize>,
        cue: Option<(usize, usize)>,
    },
    Cue {
        start: usize,
    },
    Mention {
        start: usize,
    },
}

/// Parses one gold file. Errors name the line.
pub fn parse(file: &str, source: &str) -> Result<GoldArticle, String> {
    let crlf = source.contains("\r\n");
    let normalised = source.replace("\r\n", "\n");
    let (header, body) = normalised
        .split_once("\n---\n")
        .ok_or("no `---` line between the header and the article")?;
    let header_lines = header.lines().count() + 1;
    let mut article = GoldArticle {
        file: file.to_string(),
        crlf,
        ..GoldArticle::default()
    };
    for (i, line) in header.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or(format!("line {}: expected `key: value`", i + 1))?;
        let value = value.trim();
        match key.trim() {
            "title" => article.title = value.to_string(),
            "source" => article.source = value.to_string(),
            "actor" => article.actors.push(parse_actor(value, i + 1)?),
            "genre" if GENRES.contains(&value) => article.genre = value.to_string(),
            "genre" => return Err(format!("line {}: unknown genre `{value}`", i + 1)),
            "issuer" => {
                article.issuer = value.split(';').map(|n| n.trim().to_string()).collect();
            }
            other => return Err(format!("line {}: unknown header key `{other}`", i + 1)),
        }
    }

    let mut text = String::with_capacity(body.len());
    let mut pos = 0usize;
    let mut line = header_lines + 1;
    let mut stack: Vec<Frame> = Vec::new();
    let mut chars = body.chars().peekable();
    let mut statements: Vec<Option<GoldStatement>> = Vec::new();
    while let Some(c) = chars.next() {
        match c {
            '⟦' => {
                let kind = chars.next().ok_or(format!("line {line}: ⟦ at the end"))?;
                let mut header = String::new();
                loop {
                    match chars.next() {
                        Some('|') => break,
                        Some('\n') | None => {
                            return Err(format!("line {line}: ⟦{kind} header without `|`"));
                        }
                        Some(h) => header.push(h),
                    }
                }
                let fields = parse_fields(&header, line)?;
                let enclosing = stack.iter().rev().find_map(|f| match f {
                    Frame::Block {
                        kind: 'S',
                        statement,
                        ..
                    } => *statement,
                    _ => None,
                });
                let statement = match kind {
                    'S' => {
                        if enclosing.is_some() {
                            return Err(format!("line {line}: statement inside a statement"));
                        }
                        statements.push(None);
                        Some(statements.len() - 1)
                    }
                    'C' | 'T' => {
                        Some(enclosing.ok_or(format!("line {line}: ⟦{kind} outside a statement"))?)
                    }
                    other => return Err(format!("line {line}: unknown block ⟦{other}")),
                };
                stack.push(Frame::Block {
                    kind,
                    fields,
                    start: pos,
                    line,
                    statement,
                    cue: None,
                });
            }
            '⟧' => match stack.pop() {
                Some(Frame::Block {
                    kind,
                    fields,
                    start,
                    line: opened,
                    statement,
                    cue,
                }) => {
                    let index = statement.unwrap_or_default();
                    let get = |key: &str| field(&fields, key);
                    match kind {
                        'S' => {
                            let st = GoldStatement {
                                start,
                                end: pos,
                                speaker: get("speaker")
                                    .ok_or(format!("line {opened}: statement without speaker"))?,
                                attribution: get("attr")
                                    .ok_or(format!("line {opened}: statement without attr"))?,
                                cue,
                            };
                            statements[index] = Some(st);
                        }
                        'C' => article.commitments.push(GoldCommitment {
                            start,
                            end: pos,
                            statement: index,
                            committer: get("committer")
                                .ok_or(format!("line {opened}: commitment without committer"))?,
                            strength: get("strength")
                                .ok_or(format!("line {opened}: commitment without strength"))?,
                            action: get("action").unwrap_or_default(),
                            conditions: get("conditions").unwrap_or_default(),
                            addressees: get("addressees")
                                .map(|a| {
                                    a.split(',')
                                        .map(|s| s.trim().to_string())
                                        .filter(|s| !s.is_empty())
                                        .collect()
                                })
                                .unwrap_or_default(),
                        }),
                        _ => article.stances.push(GoldStance {
                            start,
                            end: pos,
                            statement: index,
                            holder: get("holder")
                                .ok_or(format!("line {opened}: stance without holder"))?,
                            polarity: get("polarity")
                                .ok_or(format!("line {opened}: stance without polarity"))?,
                            target: get("target")
                                .ok_or(format!("line {opened}: stance without target"))?,
                        }),
                    }
                }
                _ => {
                    return Err(format!(
                        "line {line}: ⟧ closes nothing (or closes a [ or ⟨)"
                    ));
                }
            },
            '⟨' => stack.push(Frame::Cue { start: pos }),
            '⟩' => {
                let Some(Frame::Cue { start }) = stack.pop() else {
                    return Err(format!("line {line}: ⟩ without ⟨"));
                };
                let statement = stack.iter_mut().rev().find_map(|f| match f {
                    Frame::Block { kind: 'S', cue, .. } => Some(cue),
                    _ => None,
                });
                match statement {
                    Some(cue @ None) => *cue = Some((start, pos)),
                    Some(Some(_)) => {
                        return Err(format!("line {line}: second ⟨cue⟩ in a statement"));
                    }
                    None => return Err(format!("line {line}: ⟨cue⟩ outside a statement")),
                }
            }
            '[' => stack.push(Frame::Mention { start: pos }),
            ']' => {
                let Some(Frame::Mention { start }) = stack.pop() else {
                    return Err(format!("line {line}: ] without ["));
                };
                if chars.next() != Some('{') {
                    return Err(format!("line {line}: ] not followed by {{actor}}"));
                }
                let mut names = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some('\n') | None => return Err(format!("line {line}: {{ without }}")),
                        Some(n) => names.push(n),
                    }
                }
                for name in names.split(';').map(str::trim) {
                    article.mentions.push(GoldMention {
                        start,
                        end: pos,
                        actor: name.to_string(),
                    });
                }
            }
            '{' | '}' => return Err(format!("line {line}: stray {c}")),
            _ => {
                if c == '\n' {
                    line += 1;
                }
                text.push(c);
                pos += 1;
            }
        }
    }
    if let Some(frame) = stack.last() {
        let what = match frame {
            Frame::Block { line, .. } => format!("⟦ opened on line {line}"),
            Frame::Cue { .. } => "⟨".to_string(),
            Frame::Mention { .. } => "[".to_string(),
        };
        return Err(format!("{what} is never closed"));
    }
    article.statements = statements.into_iter().map(|s| s.expect("closed")).collect();
    article.raw_text = if crlf {
        text.replace('\n', "\r\n")
    } else {
        text.clone()
    };
    article.text = text;
    article.mentions.sort_by_key(|m| (m.start, m.end));
    check(&article)?;
    Ok(article)
}

fn parse_actor(value: &str, line: usize) -> Result<GoldActor, String> {
    let parts: Vec<&str> = value.split('|').map(str::trim).collect();
    let [name, kind, iso3, aliases] = parts[..] else {
        return Err(format!(
            "line {line}: actor is `name | kind | iso3 | aliases`"
        ));
    };
    if !KINDS.contains(&kind) {
        return Err(format!("line {line}: unknown actor kind `{kind}`"));
    }
    Ok(GoldActor {
        name: name.to_string(),
        kind: kind.to_string(),
        iso3: (!iso3.is_empty()).then(|| iso3.to_string()),
        aliases: aliases
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect(),
    })
}

fn parse_fields(header: &str, line: usize) -> Result<Vec<(String, String)>, String> {
    header
        .split(';')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(|f| {
            let (k, v) = f
                .split_once('=')
                .ok_or(format!("line {line}: field `{f}` is not key=value"))?;
            Ok((k.trim().to_string(), v.trim().to_string()))
        })
        .collect()
}

fn field(fields: &[(String, String)], key: &str) -> Option<String> {
    fields
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
}

/// Every name refers to a listed actor, every key is a codebook key.
fn check(a: &GoldArticle) -> Result<(), String> {
    let known = |names: &str, what: &str| {
        names.split(',').map(str::trim).try_for_each(|name| {
            a.actor(name)
                .map(|_| ())
                .ok_or(format!("{what} `{name}` is not in the actor list"))
        })
    };
    for m in &a.mentions {
        known(&m.actor, &format!("mention “{}”", a.slice(m.start, m.end)))?;
    }
    for name in &a.issuer {
        known(name, "issuer")?;
    }
    if a.issuer.is_empty() != a.genre.is_empty() {
        return Err("`genre` and `issuer` go together".to_string());
    }
    for s in &a.statements {
        known(&s.speaker, "speaker")?;
        if !ATTRIBUTIONS.contains(&s.attribution.as_str()) {
            return Err(format!("unknown attribution `{}`", s.attribution));
        }
    }
    for c in &a.commitments {
        known(&c.committer, "committer")?;
        for to in &c.addressees {
            known(to, "addressee")?;
        }
        if !STRENGTHS.contains(&c.strength.as_str()) {
            return Err(format!("unknown strength `{}`", c.strength));
        }
    }
    for t in &a.stances {
        known(&t.holder, "holder")?;
        if !TOPICS.contains(&t.target.as_str()) {
            known(&t.target, "stance target")?;
        }
        if !POLARITIES.contains(&t.polarity.as_str()) {
            return Err(format!("unknown polarity `{}`", t.polarity));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Matching (GUIDELINES.md, "Matching used by the measurement").

/// What is known of a suggested actor: its name, aliases and ISO3 code.
#[derive(Clone, Debug, Default)]
pub struct Named {
    pub name: String,
    pub aliases: Vec<String>,
    pub iso3: Option<String>,
}

pub fn named(project: &Project, actor: &ActorRef) -> Named {
    match actor {
        ActorRef::New(new) => Named {
            name: new.name.clone(),
            aliases: new.aliases.clone(),
            iso3: new.iso3.clone(),
        },
        ActorRef::Project(id) => project
            .actor(*id)
            .map(|a| Named {
                name: a.name.clone(),
                aliases: a.aliases.clone(),
                iso3: a.iso3.clone(),
            })
            .unwrap_or_default(),
    }
}

/// The same actor: the suggested name is the gold name or one of its aliases, the gold
/// name is one of the suggested aliases, or both have the same ISO3 code (case ignored).
pub fn same_actor(gold: &GoldActor, suggested: &Named) -> bool {
    let eq = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim()) || a.trim() == b.trim();
    let gold_names = || std::iter::once(&gold.name).chain(&gold.aliases);
    gold_names().any(|g| eq(g, &suggested.name))
        || suggested.aliases.iter().any(|a| eq(a, &gold.name))
        || matches!((&gold.iso3, &suggested.iso3), (Some(g), Some(s)) if eq(g, s))
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Greedy one-to-one matching: each gold item, in order, takes the free candidate that
/// `fits` and overlaps it most (exact spans first). Returns, per gold item, the index of
/// its suggestion.
fn one_to_one(
    gold: &[(usize, usize)],
    suggested: &[(usize, usize)],
    fits: impl Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
    let mut taken = vec![false; suggested.len()];
    gold.iter()
        .enumerate()
        .map(|(g, &gs)| {
            let best = suggested
                .iter()
                .enumerate()
                .filter(|&(s, &ss)| !taken[s] && overlap(gs, ss) > 0 && fits(g, s))
                .max_by_key(|&(s, &ss)| (ss == gs, overlap(gs, ss), std::cmp::Reverse(s)))
                .map(|(s, _)| s);
            if let Some(s) = best {
                taken[s] = true;
            }
            best
        })
        .collect()
}

/// The figures of one kind on one or more articles; summed with `add`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    pub gold: usize,
    pub suggested: usize,
    pub matched: usize,
    /// Mentions: matched with the same start and end. Statements: speaker right.
    /// Commitments: committer right. Stances: holder right.
    pub agree_a: usize,
    /// Commitments: strength right. Stances: polarity right.
    pub agree_b: usize,
    /// Stances: a target named, and the gold one.
    pub targets_named: usize,
    pub targets_right: usize,
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.suggested += o.suggested;
        self.matched += o.matched;
        self.agree_a += o.agree_a;
        self.agree_b += o.agree_b;
        self.targets_named += o.targets_named;
        self.targets_right += o.targets_right;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.suggested)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
}

/// `a / b`, and 1.0 when there is nothing to get right (no gold and nothing suggested).
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[derive(Clone, Debug, Default)]
pub struct Scores {
    pub mentions: Score,
    pub strict_mentions: Score,
    pub statements: Score,
    pub commitments: Score,
    pub stances: Score,
    /// Per rule: suggestions made, and how many of them matched gold.
    pub by_rule: std::collections::BTreeMap<&'static str, (usize, usize)>,
}

impl Scores {
    pub fn add(&mut self, o: &Scores) {
        self.mentions.add(&o.mentions);
        self.strict_mentions.add(&o.strict_mentions);
        self.statements.add(&o.statements);
        self.commitments.add(&o.commitments);
        self.stances.add(&o.stances);
        for (rule, (made, matched)) in &o.by_rule {
            let mine = self.by_rule.entry(rule).or_default();
            mine.0 += made;
            mine.1 += matched;
        }
    }

    /// Counts `list`'s suggestions per rule, and those `pairs` matched to gold.
    fn count_rules(&mut self, list: &[&Suggestion], pairs: &[Option<usize>]) {
        for s in list {
            self.by_rule.entry(s.rule).or_default().0 += 1;
        }
        for &s in pairs.iter().flatten() {
            self.by_rule.entry(list[s].rule).or_default().1 += 1;
        }
    }
}

fn of_kind(s: &[Suggestion], kind: SuggestionKind) -> Vec<&Suggestion> {
    s.iter().filter(|s| s.kind == kind).collect()
}

/// `gold_names` is one actor, or several separated by commas when the speaker, committer
/// or holder is a collective ("the two sides"): naming any of them is right.
fn same(gold: &GoldArticle, project: &Project, gold_names: &str, actor: Option<&ActorRef>) -> bool {
    let Some(actor) = actor else { return false };
    let suggested = named(project, actor);
    gold_names
        .split(',')
        .filter_map(|name| gold.actor(name.trim()))
        .any(|g| same_actor(g, &suggested))
}

/// Scores the suggestions for one article against its gold coding.
pub fn score(gold: &GoldArticle, project: &Project, suggestions: &[Suggestion]) -> Scores {
    let mut scores = Scores::default();

    let mentions = of_kind(suggestions, SuggestionKind::Mention);
    let actor_of = |s: &Suggestion| match &s.detail {
        Detail::Mention { actor } => Some(actor.clone()),
        _ => None,
    };
    let gold_spans: Vec<_> = gold.mentions.iter().map(|m| (m.start, m.end)).collect();
    let spans: Vec<_> = mentions.iter().map(|s| (s.start, s.end)).collect();
    let fits = |g: usize, s: usize| {
        same(
            gold,
            project,
            &gold.mentions[g].actor,
            actor_of(mentions[s]).as_ref(),
        )
    };
    let lenient = one_to_one(&gold_spans, &spans, fits);
    let strict = one_to_one(&gold_spans, &spans, |g, s| {
        gold_spans[g] == spans[s] && fits(g, s)
    });
    scores.mentions = Score {
        gold: gold_spans.len(),
        suggested: spans.len(),
        matched: lenient.iter().flatten().count(),
        agree_a: strict.iter().flatten().count(),
        ..Score::default()
    };
    scores.count_rules(&mentions, &lenient);
    scores.strict_mentions = Score {
        gold: gold_spans.len(),
        suggested: spans.len(),
        matched: strict.iter().flatten().count(),
        ..Score::default()
    };

    let statements = of_kind(suggestions, SuggestionKind::Statement);
    let gold_spans: Vec<_> = gold.statements.iter().map(|s| (s.start, s.end)).collect();
    let spans: Vec<_> = statements.iter().map(|s| (s.start, s.end)).collect();
    let pairs = one_to_one(&gold_spans, &spans, |_, _| true);
    let speaker_right = pairs
        .iter()
        .enumerate()
        .filter(|&(g, s)| {
            s.is_some_and(|s| match &statements[s].detail {
                Detail::Statement { speaker, .. } => {
                    same(gold, project, &gold.statements[g].speaker, speaker.as_ref())
                }
                _ => false,
            })
        })
        .count();
    scores.statements = Score {
        gold: gold_spans.len(),
        suggested: spans.len(),
        matched: pairs.iter().flatten().count(),
        agree_a: speaker_right,
        ..Score::default()
    };
    scores.count_rules(&statements, &pairs);

    // Commitments and stances match on their statements (overlapping), one-to-one; among
    // several on the same statement, the nearest cue first.
    let commitments = of_kind(suggestions, SuggestionKind::Commitment);
    let gold_statement = |i: usize| (gold.statements[i].start, gold.statements[i].end);
    let statement_of = |s: &Suggestion| match &s.detail {
        Detail::Commitment { statement, .. } | Detail::Stance { statement, .. } => *statement,
        _ => (s.start, s.end),
    };
    let pairs = match_on_statements(
        &gold
            .commitments
            .iter()
            .map(|c| (gold_statement(c.statement), (c.start, c.end)))
            .collect::<Vec<_>>(),
        &commitments
            .iter()
            .map(|s| (statement_of(s), (s.start, s.end)))
            .collect::<Vec<_>>(),
    );
    let (mut committer, mut strength) = (0, 0);
    for (g, s) in pairs.iter().enumerate() {
        let Some(s) = s else { continue };
        if let Detail::Commitment {
            committer: c,
            strength: st,
            ..
        } = &commitments[*s].detail
        {
            committer += usize::from(same(
                gold,
                project,
                &gold.commitments[g].committer,
                c.as_ref(),
            ));
            strength += usize::from(*st == gold.commitments[g].strength);
        }
    }
    scores.commitments = Score {
        gold: gold.commitments.len(),
        suggested: commitments.len(),
        matched: pairs.iter().flatten().count(),
        agree_a: committer,
        agree_b: strength,
        ..Score::default()
    };
    scores.count_rules(&commitments, &pairs);

    let stances = of_kind(suggestions, SuggestionKind::Stance);
    let pairs = match_on_statements(
        &gold
            .stances
            .iter()
            .map(|t| (gold_statement(t.statement), (t.start, t.end)))
            .collect::<Vec<_>>(),
        &stances
            .iter()
            .map(|s| (statement_of(s), (s.start, s.end)))
            .collect::<Vec<_>>(),
    );
    let (mut holder, mut polarity, mut named, mut target_right) = (0, 0, 0, 0);
    for (g, s) in pairs.iter().enumerate() {
        let Some(s) = s else { continue };
        if let Detail::Stance {
            holder: h,
            polarity: p,
            target,
            ..
        } = &stances[*s].detail
        {
            holder += usize::from(same(gold, project, &gold.stances[g].holder, h.as_ref()));
            polarity += usize::from(*p == gold.stances[g].polarity);
            named += usize::from(target.is_some());
            target_right += usize::from(match target {
                Some(StanceTargetRef::Topic(key)) => *key == gold.stances[g].target,
                Some(StanceTargetRef::Actor(a)) => {
                    same(gold, project, &gold.stances[g].target, Some(a))
                }
                None => false,
            });
        }
    }
    scores.stances = Score {
        gold: gold.stances.len(),
        suggested: stances.len(),
        matched: pairs.iter().flatten().count(),
        agree_a: holder,
        agree_b: polarity,
        targets_named: named,
        targets_right: target_right,
    };
    scores.count_rules(&stances, &pairs);
    scores
}

/// A commitment or stance placed by its statement's range and its own (cue) range.
pub type OnStatement = ((usize, usize), (usize, usize));

/// `(statement range, cue range)` pairs: gold and suggested match when their statements
/// overlap, one-to-one, the candidate whose cue is nearest the gold cue first.
pub fn match_on_statements(gold: &[OnStatement], suggested: &[OnStatement]) -> Vec<Option<usize>> {
    let mut taken = vec![false; suggested.len()];
    gold.iter()
        .map(|&(gs, gc)| {
            let best = suggested
                .iter()
                .enumerate()
                .filter(|&(s, &(ss, _))| !taken[s] && overlap(gs, ss) > 0)
                .min_by_key(|&(s, &(_, sc))| (distance(gc, sc), s))
                .map(|(s, _)| s);
            if let Some(s) = best {
                taken[s] = true;
            }
            best
        })
        .collect()
}

/// 0 for overlapping ranges, else the gap between them.
fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
    if overlap(a, b) > 0 {
        0
    } else if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

/// A project holding only the article's text, imported as a plain-text file is: no
/// actors, no annotations, so the rules see none of the gold coding.
pub fn bare_project(article: &GoldArticle) -> (Project, demarche::model::Id) {
    let mut project = Project::new("gold");
    let id = project.id_allocator("tester").fresh().expect("a fresh id");
    let doc: Document =
        demarche::import::import_bytes(article.raw_text.as_bytes(), Some(&article.file), id)
            .unwrap_or_else(|e| panic!("{}: cannot import: {e}", article.file));
    demarche::edit::Edit::AddDocument(Box::new(doc))
        .apply(&mut project)
        .expect("a new document goes into an empty project");
    (project, id)
}

/// Renders a statement range for a failure message.
pub fn show(article: &GoldArticle, range: (usize, usize)) -> String {
    article.slice(range.0, range.1)
}

pub fn stance_target_name(project: &Project, target: &StanceTargetRef) -> String {
    match target {
        StanceTargetRef::Actor(a) => named(project, a).name,
        StanceTargetRef::Topic(t) => t.clone(),
    }
}

/// What the rules missed, added or got wrong (speakers, stance targets) in one article, one line each, for the rule
/// writers (`DEMARCHE_GOLD_DETAIL=1 cargo test --release --test suite suggest_quality quality_report --
/// --nocapture`).
pub fn differences(
    gold: &GoldArticle,
    project: &Project,
    suggestions: &[Suggestion],
) -> Vec<String> {
    let mut out = Vec::new();
    let short = |s: String| {
        let t: String = s.chars().take(70).collect();
        if t.len() < s.len() {
            format!("{t}…")
        } else {
            t
        }
    };
    let actor_name = |a: Option<&ActorRef>| a.map_or("—".to_string(), |a| named(project, a).name);

    let mentions = of_kind(suggestions, SuggestionKind::Mention);
    let actor_of = |s: &Suggestion| match &s.detail {
        Detail::Mention { actor } => Some(actor.clone()),
        _ => None,
    };
    let gold_spans: Vec<_> = gold.mentions.iter().map(|m| (m.start, m.end)).collect();
    let spans: Vec<_> = mentions.iter().map(|s| (s.start, s.end)).collect();
    let pairs = one_to_one(&gold_spans, &spans, |g, s| {
        same(
            gold,
            project,
            &gold.mentions[g].actor,
            actor_of(mentions[s]).as_ref(),
        )
    });
    for (g, s) in pairs.iter().enumerate() {
        if s.is_none() {
            let m = &gold.mentions[g];
            out.push(format!(
                "  missed mention  {}..{} “{}” {}",
                m.start,
                m.end,
                gold.slice(m.start, m.end),
                m.actor
            ));
        }
    }
    for (i, s) in mentions.iter().enumerate() {
        if !pairs.contains(&Some(i)) {
            out.push(format!(
                "  extra mention   {}..{} “{}” {}",
                s.start,
                s.end,
                s.text,
                actor_name(actor_of(s).as_ref())
            ));
        }
    }

    let statements = of_kind(suggestions, SuggestionKind::Statement);
    let gold_spans: Vec<_> = gold.statements.iter().map(|s| (s.start, s.end)).collect();
    let spans: Vec<_> = statements.iter().map(|s| (s.start, s.end)).collect();
    let pairs = one_to_one(&gold_spans, &spans, |_, _| true);
    for (g, s) in pairs.iter().enumerate() {
        let st = &gold.statements[g];
        let text = short(gold.slice(st.start, st.end));
        match s {
            None => out.push(format!("  missed statement ({}) “{text}”", st.speaker)),
            Some(s) => {
                if let Detail::Statement { speaker, .. } = &statements[*s].detail
                    && !same(gold, project, &st.speaker, speaker.as_ref())
                {
                    out.push(format!(
                        "  wrong speaker   {} for {} “{text}”",
                        actor_name(speaker.as_ref()),
                        st.speaker
                    ));
                }
            }
        }
    }
    for (i, s) in statements.iter().enumerate() {
        if !pairs.contains(&Some(i)) {
            out.push(format!("  extra statement “{}”", short(s.text.clone())));
        }
    }

    let placed = |s: &Suggestion| match &s.detail {
        Detail::Commitment { statement, .. } | Detail::Stance { statement, .. } => *statement,
        _ => (s.start, s.end),
    };
    for (kind, what) in [
        (SuggestionKind::Commitment, "commitment"),
        (SuggestionKind::Stance, "stance"),
    ] {
        let found = of_kind(suggestions, kind);
        let gold_items: Vec<OnStatement> = if kind == SuggestionKind::Commitment {
            gold.commitments
                .iter()
                .map(|c| {
                    (
                        (
                            gold.statements[c.statement].start,
                            gold.statements[c.statement].end,
                        ),
                        (c.start, c.end),
                    )
                })
                .collect()
        } else {
            gold.stances
                .iter()
                .map(|t| {
                    (
                        (
                            gold.statements[t.statement].start,
                            gold.statements[t.statement].end,
                        ),
                        (t.start, t.end),
                    )
                })
                .collect()
        };
        let pairs = match_on_statements(
            &gold_items,
            &found
                .iter()
                .map(|s| (placed(s), (s.start, s.end)))
                .collect::<Vec<_>>(),
        );
        for (g, s) in pairs.iter().enumerate() {
            match s {
                None => {
                    let (_, (a, b)) = gold_items[g];
                    out.push(format!("  missed {what} “{}”", short(gold.slice(a, b))));
                }
                Some(s) => {
                    if let Detail::Stance { target, .. } = &found[*s].detail {
                        let wanted = &gold.stances[g].target;
                        let (said, right) = match target {
                            Some(StanceTargetRef::Topic(key)) => (key.clone(), key == wanted),
                            Some(StanceTargetRef::Actor(a)) => {
                                (actor_name(Some(a)), same(gold, project, wanted, Some(a)))
                            }
                            None => ("—".to_owned(), false),
                        };
                        if !right {
                            out.push(format!(
                                "  wrong target    {said} for {wanted} “{}”",
                                short(found[*s].text.clone())
                            ));
                        }
                    }
                }
            }
        }
        for (i, s) in found.iter().enumerate() {
            if !pairs.contains(&Some(i)) {
                out.push(format!("  extra {what}  “{}”", short(s.text.clone())));
            }
        }
    }
    out
}

/// Prints the figures of a set of articles (`set`: "the gold set", "the dev set"): per kind
/// overall, then per article. The same tables as the gold report, for any coded set.
pub fn print_tables(set: &str, per: &[(String, Scores)], total: &Scores) {
    let pct = |x: f64| format!("{:5.1}", 100.0 * x);
    println!("\nSuggestion quality on {set} ({} articles)", per.len());
    println!(
        "{:<12} {:>5} {:>5} {:>5} {:>6} {:>6}  agreement",
        "kind", "gold", "sugg", "match", "P %", "R %"
    );
    let row = |name: &str, s: &Score, extra: String| {
        println!(
            "{:<12} {:>5} {:>5} {:>5} {:>6} {:>6}  {}",
            name,
            s.gold,
            s.suggested,
            s.matched,
            pct(s.precision()),
            pct(s.recall()),
            extra
        );
    };
    row(
        "mention",
        &total.mentions,
        "lenient (overlap, same actor)".into(),
    );
    row(
        "mention=",
        &total.strict_mentions,
        "strict (same start and end)".into(),
    );
    let st = &total.statements;
    row(
        "statement",
        st,
        format!(
            "speaker right {}/{} = {}% of gold ({}% of matched)",
            st.agree_a,
            st.gold,
            pct(ratio(st.agree_a, st.gold)),
            pct(ratio(st.agree_a, st.matched))
        ),
    );
    let c = &total.commitments;
    row(
        "commitment",
        c,
        format!(
            "committer {}% strength {}% of matched",
            pct(ratio(c.agree_a, c.matched)),
            pct(ratio(c.agree_b, c.matched))
        ),
    );
    let t = &total.stances;
    row(
        "stance",
        t,
        format!(
            "holder {}% polarity {}% target named {}% right {}% of matched",
            pct(ratio(t.agree_a, t.matched)),
            pct(ratio(t.agree_b, t.matched)),
            pct(ratio(t.targets_named, t.matched)),
            pct(ratio(t.targets_right, t.matched))
        ),
    );
    println!("\nPer rule (suggested, matched, P %)");
    for (rule, (made, matched)) in &total.by_rule {
        println!(
            "{:<36} {made:>5} {matched:>5} {}",
            if rule.is_empty() { "(none)" } else { rule },
            pct(ratio(*matched, *made))
        );
    }
    println!("\nPer article (P/R %; statements: P/R/speaker %)");
    for (file, s) in per {
        println!(
            "{:<40} mentions {}/{}  statements {}/{}/{}  commitments {}/{}  stances {}/{}",
            file,
            pct(s.mentions.precision()),
            pct(s.mentions.recall()),
            pct(s.statements.precision()),
            pct(s.statements.recall()),
            pct(ratio(s.statements.agree_a, s.statements.gold)),
            pct(s.commitments.precision()),
            pct(s.commitments.recall()),
            pct(s.stances.precision()),
            pct(s.stances.recall()),
        );
    }
}
