//! The knowledge Demarche ships: states, organisations and groupings with their names,
//! short forms, demonyms, capitals and codes (`assets/gazetteer.ron`), and a matcher that
//! finds every surface form of them in a text.
//!
//! The matcher finds *forms*, not references: "in Beijing" is a `Capital` hit exactly like
//! "Beijing said". Deciding whether a capital is a place or a metonym for the government,
//! whether "Chinese" names the state, and which hits become mentions is the job of
//! `suggest::actors`.
//!
//! Matching rules:
//! - whole words only: "US" is not found in "USB", "Iran" not in "Iranian" (that is the
//!   demonym "Iranian", its own form);
//! - the leftmost match wins, and of those starting at the same place the longest
//!   ("Republic of Korea" over "Korea", "People's Republic of China" over "Republic of
//!   China");
//! - acronyms are matched exactly ("AU" ≠ "au"); other forms need every capital letter of
//!   the form, and accept a capitalised word where the form has a lower-case one
//!   ("Republic Of Korea" in a headline), but not an all-capitals word ("BEIJING" in a
//!   dateline is no hit);
//! - typographic variants fold: ’ ‘ ʼ → ', non-breaking and thin spaces → space,
//!   non-breaking hyphens → -, and Latin accents are dropped on both sides
//!   ("Brasília" = "Brasilia", "Türkiye" = "Turkiye", "Côte d’Ivoire" = "Cote d'Ivoire");
//! - a leading "the" and a possessive "'s" are never part of a hit (the forms carry no
//!   article), so "the United States’" gives "United States";
//! - *blockers* (place names such as "South China Sea", "Latin America", "New Mexico")
//!   take part in the longest-match choice and are then dropped, so they hide the state
//!   name inside them.
//!
//! Ambiguous forms are each given to one entry, the one meant most often in diplomatic
//! news; the list and the reasons are at the top of `assets/gazetteer.ron` ("Congo" → DR
//! Congo, "Georgia" → the country, "Korea"/"Korean" → South Korea, "Brussels" → the EU,
//! "Dominican" → the Dominican Republic …). A form belonging to two entries is refused
//! when the gazetteer is built.
//!
//! Speed: one Aho-Corasick DFA (the `aho-corasick` crate) over all folded forms, walked
//! from each word start; `benches/suggest_gazetteer.rs` measures a 1 MB article.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, StartKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;
use thiserror::Error;

/// How a hit matched its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MatchKind {
    /// The canonical name or an official / long name ("People's Republic of China").
    Name,
    /// A short name used in running text ("Britain", "America", "Russia").
    ShortForm,
    /// An acronym or initialism, matched case-sensitively ("U.S.", "PRC", "ASEAN").
    Acronym,
    /// A demonym or adjective, singular or plural ("Chinese", "Americans", "Filipino").
    Demonym,
    /// The capital city ("Beijing", "Washington").
    Capital,
    /// A building or place standing for a government body ("the White House").
    Seat,
}

/// Membership of the United Nations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum UnStatus {
    #[default]
    None,
    Member,
    /// Non-member observer state (the Holy See, the State of Palestine).
    Observer,
}

/// One entry of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct Entry {
    /// The canonical name, used as the actor's name ("United States", "European Union").
    pub name: String,
    /// An `ActorKinds` codebook key: "state", "international_org", "regional_group",
    /// "government_body", "media", "party".
    pub kind: String,
    /// ISO 3166-1 alpha-3 for states (Kosovo: "XKX", the code the EU and IMF use).
    #[serde(default)]
    pub iso3: Option<String>,
    /// CAMEO-style actor code: the CAMEO country code for states (the ISO3 but where
    /// CAMEO differs, e.g. "ROM" for Romania); "IGO" + acronym for organisations
    /// ("IGOUNO", "IGOEU", "IGOASEAN"); parent code + "GOV" for government bodies.
    #[serde(default)]
    pub cameo: Option<String>,
    #[serde(default)]
    pub un: UnStatus,
    /// Official, long and other full names (matched as `Name`).
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub short_forms: Vec<String>,
    #[serde(default)]
    pub acronyms: Vec<String>,
    /// Singular forms; the plural with "s" is added when building the matcher.
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub capitals: Vec<String>,
    #[serde(default)]
    pub seats: Vec<String>,
    /// For a government body or an organ: the canonical name or ISO3 of the state or
    /// organisation it belongs to ("USA" for the White House, "United Nations" for the
    /// Security Council).
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub note: String,
}

impl Entry {
    /// Every surface form with how it matches: the name first, then the other lists.
    /// Demonyms are listed as written (without the generated plurals). A name that is
    /// also listed as a seat ("White House") or an acronym ("CELAC") is given as that.
    pub fn forms(&self) -> impl Iterator<Item = (&str, MatchKind)> {
        let lists = [
            (&self.names, MatchKind::Name),
            (&self.acronyms, MatchKind::Acronym),
            (&self.short_forms, MatchKind::ShortForm),
            (&self.demonyms, MatchKind::Demonym),
            (&self.capitals, MatchKind::Capital),
            (&self.seats, MatchKind::Seat),
        ];
        let listed_elsewhere =
            self.seats.contains(&self.name) || self.acronyms.contains(&self.name);
        std::iter::once((self.name.as_str(), MatchKind::Name))
            .filter(move |_| !listed_elsewhere)
            .chain(
                lists
                    .into_iter()
                    .flat_map(|(forms, how)| forms.iter().map(move |f| (f.as_str(), how))),
            )
    }

    /// The names a new actor can carry as aliases: every form except the canonical name,
    /// demonyms and capitals ("Pentagon" is an alias of the Department of Defense,
    /// "Beijing" is not one of China).
    pub fn aliases(&self) -> impl Iterator<Item = &str> {
        self.names
            .iter()
            .chain(&self.short_forms)
            .chain(&self.acronyms)
            .chain(self.seats.iter().filter(|s| **s != self.name))
            .map(String::as_str)
    }
}

/// The file format of `assets/gazetteer.ron`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct GazetteerData {
    pub entries: Vec<Entry>,
    /// Place names and other phrases that contain a form but are no reference to its
    /// entry ("South China Sea", "Latin America").
    #[serde(default)]
    pub blockers: Vec<String>,
    /// Person titles written before a name ("Foreign Minister", "Vice Premier").
    #[serde(default)]
    pub titles: Vec<String>,
    /// Titles completed by a portfolio ("Minister of" + "Foreign Affairs").
    #[serde(default)]
    pub title_prefixes: Vec<String>,
}

/// One surface form found in a text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hit {
    /// Index into `Gazetteer::entries`.
    pub entry: usize,
    pub how: MatchKind,
    /// Byte range in the text searched.
    pub bytes: Range<usize>,
    /// Code-point range in the text searched (the offsets annotations use).
    pub chars: Range<usize>,
}

#[derive(Debug, Error)]
pub enum GazetteerError {
    #[error("the gazetteer file could not be read: {0}")]
    Parse(#[from] ron::error::SpannedError),
    #[error("the form “{form}” belongs to both “{first}” and “{second}”; give it to one of them")]
    DuplicateForm {
        form: String,
        first: String,
        second: String,
    },
    #[error("the form “{form}” of “{entry}” must start with a letter or a digit")]
    FormStart { form: String, entry: String },
    #[error("the gazetteer's matcher could not be built: {0}")]
    Matcher(#[from] aho_corasick::BuildError),
    #[error("the gazetteer's matcher could not be built: {0}")]
    Start(#[from] aho_corasick::MatchError),
}

/// What a pattern of the automaton stands for.
#[derive(Clone, Debug)]
struct Form {
    /// Folded text of the form (as searched).
    folded: String,
    /// `None` for a blocker.
    entry: Option<usize>,
    how: MatchKind,
    exact: bool,
}

/// One Aho-Corasick DFA over every folded form, ASCII-case-insensitive (acronyms are
/// checked exactly afterwards), walked anchored from each word start: a text of n bytes
/// costs one pass to find word starts plus a few transitions per word, instead of a full
/// overlapping scan.
#[derive(Clone, Debug)]
struct Matcher {
    dfa: DFA,
    start: StateID,
    forms: Vec<Form>,
    /// Bytes a form can start with in a text (the case rule lets a lower-case first
    /// letter be capitalised, never the reverse): most words start with none of them
    /// and need no walk.
    first_bytes: [bool; 256],
}

#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    data: GazetteerData,
    matcher: Option<Matcher>,
    by_iso3: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    /// Per entry, the entries whose parent it is (a state's armed forces, an
    /// organisation's organs).
    children: Vec<Vec<usize>>,
}

impl Gazetteer {
    /// The gazetteer bundled with Demarche (`assets/gazetteer.ron`), parsed once.
    pub fn bundled() -> &'static Gazetteer {
        static BUNDLED: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        BUNDLED.get_or_init(|| {
            // The bundled file is part of the program and `tests/suggest_gazetteer.rs`
            // builds it, so a failure here is a build defect, not a user error.
            Gazetteer::from_ron(include_str!("../../assets/gazetteer.ron"))
                .expect("the bundled gazetteer is valid (tested)")
        })
    }

    /// Parses a gazetteer in the format of `assets/gazetteer.ron` and builds its matcher.
    pub fn from_ron(text: &str) -> Result<Gazetteer, GazetteerError> {
        let data: GazetteerData = ron::from_str(text)?;
        Gazetteer::new(data)
    }

    /// Builds the matcher over `data`.
    pub fn new(data: GazetteerData) -> Result<Gazetteer, GazetteerError> {
        let mut forms: Vec<Form> = Vec::new();
        // Folded form → its entry, to refuse a form shared by two entries.
        let mut owner: HashMap<String, Option<usize>> = HashMap::new();
        let entry_name = |e: Option<usize>| match e {
            Some(i) => data.entries[i].name.clone(),
            None => "blockers".to_string(),
        };
        let mut add = |raw: &str, entry: Option<usize>, how: MatchKind| {
            let folded = fold(raw.trim());
            if !folded.chars().next().is_some_and(is_word_char) {
                return Err(GazetteerError::FormStart {
                    form: raw.to_string(),
                    entry: entry_name(entry),
                });
            }
            match owner.get(&folded) {
                Some(first) if *first != entry => {
                    return Err(GazetteerError::DuplicateForm {
                        form: raw.to_string(),
                        first: entry_name(*first),
                        second: entry_name(entry),
                    });
                }
                // The same entry lists it twice ("Djibouti" as name and capital): the
                // first kind listed wins.
                Some(_) => return Ok(()),
                None => {}
            }
            owner.insert(folded.clone(), entry);
            forms.push(Form {
                folded,
                entry,
                how,
                exact: how == MatchKind::Acronym,
            });
            Ok(())
        };
        for (i, entry) in data.entries.iter().enumerate() {
            for (form, how) in entry.forms() {
                add(form, Some(i), how)?;
                if how == MatchKind::Demonym && !form.ends_with('s') {
                    add(&format!("{form}s"), Some(i), how)?;
                }
            }
        }
        for blocker in &data.blockers {
            add(blocker, None, MatchKind::Name)?;
        }

        let matcher = if forms.is_empty() {
            None
        } else {
            let dfa = DFA::builder()
                .match_kind(aho_corasick::MatchKind::Standard)
                .start_kind(StartKind::Anchored)
                .ascii_case_insensitive(true)
                .build(forms.iter().map(|f| f.folded.as_bytes()))?;
            let start = dfa.start_state(Anchored::Yes)?;
            let mut first_bytes = [false; 256];
            for first in forms.iter().filter_map(|f| f.folded.bytes().next()) {
                first_bytes[usize::from(first)] = true;
                first_bytes[usize::from(first.to_ascii_uppercase())] = true;
            }
            Some(Matcher {
                dfa,
                start,
                forms,
                first_bytes,
            })
        };

        let by_iso3 = data
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.iso3.clone().map(|code| (code, i)))
            .collect();
        let by_name = data
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.clone(), i))
            .collect();
        let mut gazetteer = Gazetteer {
            data,
            matcher,
            by_iso3,
            by_name,
            children: Vec::new(),
        };
        let mut children = vec![Vec::new(); gazetteer.data.entries.len()];
        for e in 0..children.len() {
            if let Some(p) = gazetteer.parent(e) {
                children[p].push(e);
            }
        }
        gazetteer.children = children;
        Ok(gazetteer)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.data.entries
    }

    /// The entry a hit points to. `i` must come from this gazetteer (a `Hit::entry`, a
    /// `by_iso3` or `by_name` result).
    pub fn entry(&self, i: usize) -> &Entry {
        &self.data.entries[i]
    }

    /// The state with this ISO 3166 alpha-3 code.
    pub fn by_iso3(&self, code: &str) -> Option<usize> {
        self.by_iso3.get(code).copied()
    }

    /// The entry with this canonical name.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// The state or organisation entry `i` belongs to (the White House → United States).
    /// The entries whose parent is entry `i`.
    pub fn children(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    pub fn parent(&self, i: usize) -> Option<usize> {
        let parent = self.data.entries.get(i)?.parent.as_deref()?;
        self.by_iso3(parent).or_else(|| self.by_name(parent))
    }

    /// Person titles written before a name, longest first within the file's order.
    pub fn titles(&self) -> &[String] {
        &self.data.titles
    }

    /// Titles completed by a portfolio ("Minister of", "Secretary for").
    pub fn title_prefixes(&self) -> &[String] {
        &self.data.title_prefixes
    }

    /// Place names that hide the state name inside them.
    pub fn blockers(&self) -> &[String] {
        &self.data.blockers
    }

    /// Every form of every entry found in `text`, in text order, not overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let folded = Folded::new(text);
        let searched: &str = &folded.text;
        let bytes = searched.as_bytes();

        // Every form that starts at a word start, ends at a word end and passes the case
        // rule: (start, end, form). Forms start with a word character (checked in `new`).
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        let mut previous_is_word = false;
        let mut at = 0;
        while at < bytes.len() {
            let (is_word, len) = match bytes[at] {
                b if b.is_ascii() => (b.is_ascii_alphanumeric() || b == b'_', 1),
                _ => searched[at..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
            };
            if is_word && !previous_is_word && matcher.first_bytes[usize::from(bytes[at])] {
                matcher.candidates_at(searched, at, &mut candidates);
            }
            previous_is_word = is_word;
            at += len;
        }
        // Leftmost, then longest.
        candidates.sort_unstable_by(|a, b| (a.0, b.1).cmp(&(b.0, a.1)));

        let mut hits = Vec::new();
        let mut covered_to = 0;
        let mut chars = CharCounter::new(text);
        for (start, end, f) in candidates {
            if start < covered_to {
                continue;
            }
            covered_to = end;
            let form = &matcher.forms[f];
            let Some(entry) = form.entry else {
                continue; // a blocker
            };
            let bytes = folded.original(start)..folded.original(end);
            let chars = chars.at(bytes.start)..chars.at(bytes.end);
            hits.push(Hit {
                entry,
                how: form.how,
                bytes,
                chars,
            });
        }
        hits
    }
}

impl Matcher {
    /// Walks the automaton anchored at `start` and keeps every form that begins there.
    fn candidates_at(&self, text: &str, start: usize, out: &mut Vec<(usize, usize, usize)>) {
        let bytes = text.as_bytes();
        let mut state = self.start;
        for (offset, &byte) in bytes[start..].iter().enumerate() {
            state = self.dfa.next_state(Anchored::Yes, state, byte);
            if !self.dfa.is_special(state) {
                continue;
            }
            if self.dfa.is_dead(state) {
                return;
            }
            if !self.dfa.is_match(state) {
                continue;
            }
            let end = start + offset + 1;
            for i in 0..self.dfa.match_len(state) {
                let pattern = self.dfa.match_pattern(state, i);
                // A match state also lists forms that are suffixes of this one.
                if end - self.dfa.pattern_len(pattern) != start {
                    continue;
                }
                let form = &self.forms[pattern.as_usize()];
                if ends_a_word(text, end, &form.folded)
                    && same_letters(&form.folded, &bytes[start..end], form.exact)
                {
                    out.push((start, end, pattern.as_usize()));
                }
            }
        }
    }
}

/// The folding of one character: typographic variants and Latin accents to their plain
/// form. Written as a table rather than Unicode decomposition because it is a single pass
/// with no allocation per character and covers what the gazetteer's names need.
fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => '\'',
        '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{202F}' | '\u{2060}' => ' ',
        '\u{2010}' | '\u{2011}' => '-',
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'ğ' => 'g',
        'Ğ' => 'G',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'Í' | 'Ì' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' | 'Ō' | 'Ő' => 'O',
        'ř' => 'r',
        'Ř' => 'R',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'Ś' | 'Š' | 'Ş' | 'Ș' => 'S',
        'ţ' | 'ț' | 'ť' => 't',
        'Ţ' | 'Ț' | 'Ť' => 'T',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        _ => c,
    }
}

fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// A text after folding, with the way back to the original byte offsets.
struct Folded<'a> {
    text: std::borrow::Cow<'a, str>,
    /// (folded offset, original offset) after each folded character whose length
    /// changed; between two such points the offsets differ by a constant.
    shifts: Vec<(usize, usize)>,
}

impl<'a> Folded<'a> {
    fn new(text: &'a str) -> Folded<'a> {
        let unchanged = Folded {
            text: std::borrow::Cow::Borrowed(text),
            shifts: Vec::new(),
        };
        if text.is_ascii() {
            return unchanged;
        }
        let bytes = text.as_bytes();
        let mut folded: Option<String> = None;
        let mut shifts = Vec::new();
        let mut copied = 0;
        let mut at = 0;
        // Only non-ASCII characters can fold: jump from one to the next.
        while let Some(skip) = bytes[at..].iter().position(|b| !b.is_ascii()) {
            at += skip;
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            let next = at + c.len_utf8();
            let f = fold_char(c);
            if f != c {
                let out = folded.get_or_insert_with(|| String::with_capacity(text.len()));
                out.push_str(&text[copied..at]);
                out.push(f);
                copied = next;
                if f.len_utf8() != c.len_utf8() {
                    shifts.push((out.len(), next));
                }
            }
            at = next;
        }
        match folded {
            None => unchanged,
            Some(mut out) => {
                out.push_str(&text[copied..]);
                Folded {
                    text: std::borrow::Cow::Owned(out),
                    shifts,
                }
            }
        }
    }

    fn original(&self, folded_byte: usize) -> usize {
        let after = self.shifts.partition_point(|&(f, _)| f <= folded_byte);
        match after.checked_sub(1).map(|i| self.shifts[i]) {
            Some((f, o)) => o + (folded_byte - f),
            None => folded_byte,
        }
    }
}

/// Byte offset → code-point offset, for offsets asked in increasing order (one pass).
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> CharCounter<'a> {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte >= self.byte {
            self.chars += self.text[self.byte..byte].chars().count();
        } else {
            self.chars -= self.text[byte..self.byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The match does not end inside a word: a form that ends with a letter or digit needs
/// a non-word character or the text's end after it.
fn ends_a_word(text: &str, end: usize, form: &str) -> bool {
    !form.chars().next_back().is_some_and(is_word_char)
        || !text[end..].chars().next().is_some_and(is_word_char)
}

/// The case rule: exact forms match byte for byte; others need each capital of the form
/// and accept a capital in the text for a lower-case letter only at a word's start.
fn same_letters(form: &str, found: &[u8], exact: bool) -> bool {
    let form = form.as_bytes();
    if form == found {
        return true;
    }
    !exact
        && form.iter().zip(found).enumerate().all(|(i, (&f, &t))| {
            f == t
                || (f.is_ascii_lowercase()
                    && t == f.to_ascii_uppercase()
                    && (i == 0 || !found[i - 1].is_ascii_alphanumeric()))
        })
}
