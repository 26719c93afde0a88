//! The issuer of an official text: who speaks in a readout's, a joint statement's, a
//! declaration's or a communiqué's own voice (tests/gold/GUIDELINES.md, "The issuer's
//! voice"). The analyst's choice in the document info (`DocumentMeta::issuer`) wins;
//! otherwise it is read from the text's header: the genre from its title and header lines,
//! the issuer from the office that publishes a readout or the parties the title and the
//! first sentence name. The cues are data, in `assets/issuer_voice.ron`.

use super::{ActorRef, Detail, Gazetteer, NewActor, Suggestion};
use crate::model::{Document, Project};
use serde::Deserialize;
use std::sync::LazyLock;

/// What kind of official text a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    Readout,
    JointStatement,
    Declaration,
    Communique,
    /// The analyst named an issuer on a text the header does not classify.
    Statement,
}

/// Who a document speaks for, and as what kind of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Issuer {
    pub genre: Genre,
    /// The issuing actors, the first one named first; never empty.
    pub actors: Vec<ActorRef>,
}

#[derive(Deserialize)]
struct GenreMarkers {
    genre: Genre,
    markers: Vec<String>,
}

#[derive(Deserialize)]
struct Publisher {
    phrase: String,
    actor: String,
}

/// A speech act of an official text ("reaffirmed", "agreed to").
#[derive(Deserialize)]
pub struct SpeechAct {
    pub lemma: String,
    /// Every form, when the regular ones (-s, -ed, -ing) do not fit.
    #[serde(default)]
    pub forms: Vec<String>,
    /// One of these words must follow; empty: any.
    #[serde(default)]
    pub after: Vec<String>,
    /// The polarity of the stance the act takes ("favor", "against"); empty: none.
    #[serde(default)]
    pub stance: String,
}

#[derive(Deserialize)]
pub struct StancePhrase {
    pub phrase: String,
    pub polarity: String,
}

/// `assets/issuer_voice.ron`.
#[derive(Deserialize)]
pub struct VoiceData {
    genres: Vec<GenreMarkers>,
    readout_phrases: Vec<String>,
    publishers: Vec<Publisher>,
    body_words: Vec<String>,
    pub speech_acts: Vec<SpeechAct>,
    pub stances: Vec<StancePhrase>,
    /// Subjects that mean every party ("we", "the two sides"), lowercase.
    pub collectives: Vec<String>,
}

impl VoiceData {
    /// The bundled cue lists, parsed once.
    pub fn bundled() -> &'static VoiceData {
        static DATA: LazyLock<VoiceData> = LazyLock::new(|| {
            // Part of the program and parsed by a test: a failure is a build defect.
            VoiceData::from_ron(include_str!("../../assets/issuer_voice.ron"))
                .expect("the bundled issuer-voice cues are valid (tested)")
        });
        &DATA
    }

    pub fn from_ron(text: &str) -> Result<VoiceData, ron::error::SpannedError> {
        let mut data: VoiceData = ron::from_str(text)?;
        for act in &mut data.speech_acts {
            if act.forms.is_empty() {
                act.forms = regular_forms(&act.lemma);
            }
        }
        Ok(data)
    }

    /// The speech act `word` (lowercase) is a form of, if any.
    pub fn speech_act(&self, word: &str) -> Option<&SpeechAct> {
        self.speech_acts
            .iter()
            .find(|a| a.forms.iter().any(|f| f == word))
    }
}

/// "reaffirm" → reaffirm, reaffirms, reaffirmed, reaffirming; "agree" → agrees, agreed,
/// agreeing; "stress" → stresses; "emphasize" → emphasized, emphasizing.
fn regular_forms(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_string()];
    if let Some(stem) = lemma.strip_suffix("ee") {
        forms.extend([
            format!("{stem}ees"),
            format!("{stem}eed"),
            format!("{stem}eeing"),
        ]);
    } else if let Some(stem) = lemma.strip_suffix('e') {
        forms.extend([
            format!("{lemma}s"),
            format!("{lemma}d"),
            format!("{stem}ing"),
        ]);
    } else if ["s", "sh", "ch", "x"].iter().any(|e| lemma.ends_with(e)) {
        forms.extend([
            format!("{lemma}es"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        ]);
    } else {
        forms.extend([
            format!("{lemma}s"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        ]);
    }
    forms
}

/// How far into the text the header may run (title, genre line, office, place, date).
const HEADER_LINES: usize = 8;
/// Lines with more words than this are body text, not header.
const HEADER_WORDS: usize = 24;

/// The document's issuer: the analyst's, else the one its header states; `None` for
/// texts that are not official texts in their own voice (news, transcripts).
pub fn issuer(
    project: &Project,
    document: &Document,
    gazetteer: &Gazetteer,
    mentions: &[Suggestion],
) -> Option<Issuer> {
    let data = VoiceData::bundled();
    let genre = genre(document, data);
    if !document.meta.issuer.is_empty() {
        let actors = document
            .meta
            .issuer
            .iter()
            .map(|&id| ActorRef::Project(id))
            .collect();
        return Some(Issuer {
            genre: genre.unwrap_or(Genre::Statement),
            actors,
        });
    }
    let genre = genre?;
    let text = document.text();
    let header = header(text);
    let mut actors: Vec<ActorRef> = Vec::new();
    let add = |a: ActorRef, actors: &mut Vec<ActorRef>| {
        if !actors.contains(&a) {
            actors.push(a);
        }
    };
    if genre == Genre::Readout {
        let head = &text[..text.floor_char_boundary(header.end.max(600).min(text.len()))];
        if let Some(a) = data
            .publishers
            .iter()
            .find(|p| head.contains(&p.phrase) || document.meta.source.contains(&p.phrase))
            .and_then(|p| entry_ref(project, gazetteer, &p.actor))
        {
            add(a, &mut actors);
        }
    } else {
        // The parties the title and header name ("U.S.-Turkey Joint Statement"), then
        // those of the first sentence's subject ("The Governments of Iraq and the United
        // States reaffirmed …").
        let lines = std::iter::once(document.meta.title.as_str())
            .chain(header.lines.iter().map(|r| &text[r.clone()]));
        for line in lines {
            if data.publishers.iter().any(|p| line.contains(&p.phrase)) {
                continue;
            }
            for hit in gazetteer.find(line) {
                let entry = gazetteer.entry(hit.entry);
                if matches!(
                    entry.kind.as_str(),
                    "state" | "international_org" | "regional_group"
                ) && let Some(a) = entry_ref(project, gazetteer, &entry.name)
                {
                    add(a, &mut actors);
                }
            }
        }
        // A communiqué's title names the body whose ministers issue it; joint texts
        // name two parties or more.
        let enough = if genre == Genre::Communique { 1 } else { 2 };
        // Bodies the gazetteer does not list, named in the title ("Joint Communique by
        // Ministers of the Global Coalition to Defeat Daesh/ISIS").
        if actors.len() < enough {
            for a in header_mentions(project, document, mentions, header.end) {
                add(a, &mut actors);
            }
        }
        if actors.is_empty()
            && let Some(body) = titled_body(&document.meta.title, data)
        {
            let a = match project.actor_by_name(&body) {
                Some(a) => ActorRef::Project(a.id),
                None => ActorRef::New(NewActor {
                    name: body,
                    kind: "international_org".into(),
                    aliases: Vec::new(),
                    iso3: None,
                    cameo: None,
                    role: String::new(),
                    affiliation: None,
                }),
            };
            add(a, &mut actors);
        }
        if actors.len() < enough {
            for a in first_subject(project, document, mentions, header.end) {
                add(a, &mut actors);
            }
        }
    }
    (!actors.is_empty()).then_some(Issuer { genre, actors })
}

/// The genre the title or header lines state, if the text is not news.
fn genre(document: &Document, data: &VoiceData) -> Option<Genre> {
    let text = document.text();
    // A wire dateline ("WASHINGTON, June 4 (Reuters) -") makes it news about the text.
    if !crate::text::of(document).datelines().is_empty() {
        return None;
    }
    let header = header(text);
    let lines: Vec<&str> = std::iter::once(document.meta.title.as_str())
        .chain(header.lines.iter().map(|r| &text[r.clone()]))
        .collect();
    let found = data.genres.iter().find(|g| {
        lines
            .iter()
            .any(|line| g.markers.iter().any(|m| has_marker(line, m)))
    });
    if let Some(g) = found {
        return Some(g.genre);
    }
    let head = &text[..text.floor_char_boundary(header.end.max(600).min(text.len()))];
    data.readout_phrases
        .iter()
        .any(|p| head.contains(p.as_str()))
        .then_some(Genre::Readout)
}

/// `marker` as whole words in a header line.
fn has_marker(line: &str, marker: &str) -> bool {
    line.match_indices(marker).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + marker.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The short lines at the top of a text (title, genre, office, place, date) and the byte
/// where the body starts.
struct Header {
    lines: Vec<std::ops::Range<usize>>,
    end: usize,
}

fn header(text: &str) -> Header {
    let mut lines = Vec::new();
    let mut at = 0;
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        let range = at..at + line.trim_end().len();
        at += line.len();
        let words = line.split_whitespace().count();
        if words == 0 {
            continue;
        }
        let trimmed = line.trim_end();
        let sentence_like = words > HEADER_WORDS || trimmed.ends_with(['.', ':', ';', '?', '!']);
        if sentence_like || lines.len() == HEADER_LINES {
            break;
        }
        lines.push(range);
        end = at;
    }
    Header { lines, end }
}

/// The states and organisations the mention rules found in the header lines.
fn header_mentions(
    project: &Project,
    document: &Document,
    mentions: &[Suggestion],
    header_end: usize,
) -> Vec<ActorRef> {
    let Some(end) = document
        .index()
        .char_of(header_end.min(document.text().len()))
    else {
        return Vec::new();
    };
    let mut out: Vec<ActorRef> = Vec::new();
    for s in mentions.iter().filter(|s| s.end <= end) {
        if let Detail::Mention { actor } = &s.detail
            && party_kind(project, actor)
            && !out.contains(actor)
        {
            out.push(actor.clone());
        }
    }
    out
}

/// Kinds of actor that issue joint texts: states, organisations, groupings.
fn party_kind(project: &Project, actor: &ActorRef) -> bool {
    let kind = super::roles::actor_kind(project, actor);
    matches!(kind, "state" | "international_org" | "regional_group")
}

/// The body a title names after "of the" / "by the" when one of its capitalised words
/// is a body word: "Joint Communique by Ministers of the Global Coalition to Defeat
/// Daesh/ISIS Small Group" → "Global Coalition to Defeat Daesh/ISIS Small Group".
fn titled_body(title: &str, data: &VoiceData) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let joins = ["to", "of", "for", "and", "on", "the"];
    let mut i = 0;
    while i + 2 < words.len() {
        if matches!(words[i], "of" | "by") && words[i + 1] == "the" && capital(words[i + 2]) {
            let start = i + 2;
            let mut end = start;
            while end < words.len() && (capital(words[end]) || joins.contains(&words[end])) {
                end += 1;
            }
            while end > start && joins.contains(&words[end - 1]) {
                end -= 1;
            }
            let run = &words[start..end];
            if run.iter().any(|w| data.body_words.iter().any(|b| b == w)) {
                return Some(run.join(" "));
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// The non-person actors mentioned before the first sentence's verb in the body: the
/// subject of "The Republic of the Philippines and the United States of America today
/// commemorate …", or the actors named in a first sentence that reports a signing.
fn first_subject(
    project: &Project,
    document: &Document,
    mentions: &[Suggestion],
    body_start: usize,
) -> Vec<ActorRef> {
    let text = document.text();
    let index = document.index();
    let Some(from) = index.char_of(body_start.min(text.len())) else {
        return Vec::new();
    };
    let analysis = crate::text::of(document);
    let Some(sentence) = analysis
        .sentences()
        .iter()
        .find(|s| s.start.get() >= from && s.end.get() - s.start.get() > 40)
    else {
        return Vec::new();
    };
    let (start, end) = sentence.pair();
    let mut out: Vec<ActorRef> = Vec::new();
    let kinds = |a: &ActorRef| super::roles::actor_kind(project, a).to_string();
    let mut named = |actor: &ActorRef| {
        let kind = kinds(actor);
        if matches!(
            kind.as_str(),
            "state" | "international_org" | "regional_group"
        ) && !out.contains(actor)
        {
            out.push(actor.clone());
        }
    };
    for s in mentions {
        if let Detail::Mention { actor } = &s.detail
            && s.start >= start
            && s.end <= end
        {
            named(actor);
        }
    }
    for m in &document.mentions {
        if m.span.start() >= start && m.span.end() <= end {
            named(&ActorRef::Project(m.actor));
        }
    }
    out
}

/// The actor a gazetteer entry names: the project's actor of that name, else a new one
/// made from the entry (as the mention rules make it, so that the two compare equal).
fn entry_ref(project: &Project, gazetteer: &Gazetteer, name: &str) -> Option<ActorRef> {
    if let Some(a) = project.actor_by_name(name) {
        return Some(ActorRef::Project(a.id));
    }
    let e = gazetteer.by_name(name)?;
    Some(new_from_entry(project, gazetteer, e, 0))
}

fn new_from_entry(project: &Project, gazetteer: &Gazetteer, e: usize, depth: u8) -> ActorRef {
    let entry = gazetteer.entry(e);
    if let Some(a) = project.actor_by_name(&entry.name) {
        return ActorRef::Project(a.id);
    }
    let affiliation = gazetteer
        .parent(e)
        .filter(|_| depth < 4)
        .map(|p| Box::new(new_from_entry(project, gazetteer, p, depth + 1)));
    ActorRef::New(NewActor {
        name: entry.name.clone(),
        kind: entry.kind.clone(),
        aliases: entry.aliases().map(str::to_string).collect(),
        iso3: entry.iso3.clone(),
        cameo: entry.cameo.clone(),
        role: String::new(),
        affiliation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_cues_parse_and_inflect() {
        let data = VoiceData::bundled();
        assert!(data.speech_act("reaffirmed").is_some());
        assert!(data.speech_act("emphasizes").is_some());
        assert!(data.speech_act("agreed").is_some());
        assert!(data.speech_act("committed").is_some());
        assert!(data.speech_act("stresses").is_some());
        assert!(
            data.speech_act("discussed").is_none(),
            "discussing is no speech act"
        );
        assert!(data.speech_act("met").is_none());
    }

    #[test]
    fn a_title_names_a_body_the_gazetteer_does_not_know() {
        let data = VoiceData::bundled();
        assert_eq!(
            titled_body(
                "Joint Communique by Ministers of the Global Coalition to Defeat Daesh/ISIS Small Group",
                data
            )
            .as_deref(),
            Some("Global Coalition to Defeat Daesh/ISIS Small Group")
        );
        assert_eq!(titled_body("Readout of the President's Call", data), None);
    }

    #[test]
    fn markers_are_whole_words() {
        assert!(has_marker("U.S.-Turkey Joint Statement", "Joint Statement"));
        assert!(has_marker("Readout", "Readout"));
        assert!(!has_marker("Readouts of the week", "Readout"));
        assert!(!has_marker("Declarations", "Declaration"));
    }

    #[test]
    fn the_header_stops_at_the_first_sentence() {
        let text = "U.S.-Turkey Joint Statement\n\nMedia Note\n\nWashington, DC\n\nThe two ministers met today.\n";
        let h = header(text);
        assert_eq!(h.lines.len(), 3);
        assert_eq!(&text[h.lines[0].clone()], "U.S.-Turkey Joint Statement");
        assert!(text[h.end..].trim_start().starts_with("The two ministers"));
    }
}
