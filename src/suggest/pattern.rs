//! Token patterns: the cues of the rules written as data in the rule set
//! (`assets/rules/<language>.ron`), evaluated by one matcher.
//!
//! A pattern is a line of elements separated by spaces; the elements in `[ ]` are the cue
//! (the words the suggestion covers), those before and after are context that must be
//! there but is not covered. An element is
//! - words: `concern`, alternatives `is|was|are`; a lemma `~warn` stands for its forms
//!   (warn, warns, warned, warning); `@name` for a list of the rule set;
//!   `-'s` any word ending so;
//! - `_` any token, `$mention` a token inside an actor mention, `shape:Xx` (capitalised),
//!   `shape:XX` (all capitals), `shape:d` (digits), or a punctuation mark (`,`);
//! - `$` the end of the sentence (after the cue);
//! - `!` before an element: a token that does not fit it, or none (the sentence's edge);
//! - `?`, `+`, `*` after it: optional, one or more, any number (at most [`MAX_REPEAT`]).
//!
//! The table is tried at the cue's first word, or at the cue word marked `>` when the cue
//! starts a word or two before it ("[stands >ready to]": the words before the mark are
//! single tokens).
//!
//! A cue table is read in order: the first pattern that fits names the rule, or — for an
//! entry without a rule — says why the words are not a cue there. spaCy's `Matcher` and
//! GATE's JAPE work this way; neither runs in-process on our tokens, so this is ours.

use rustc_hash::{FxHashMap, FxHashSet};

/// How many tokens a repeated element takes at most, so a pattern stays linear.
pub const MAX_REPEAT: usize = 12;

/// The tokens a pattern reads.
pub trait Tokens {
    fn token_count(&self) -> usize;
    /// The lowercase word at `i`; "" for punctuation.
    fn word(&self, i: usize) -> &str;
    /// The token as written.
    fn raw(&self, i: usize) -> &str;
    /// True when token `i` lies in an actor mention.
    fn in_mention(&self, i: usize) -> bool;
}

#[derive(Debug, Clone, PartialEq)]
enum Test {
    Any,
    /// Listed words, or words with one of the endings.
    Words(FxHashSet<&'static str>, Vec<&'static str>),
    /// The end of the sentence (takes no token).
    End,
    Punct(String),
    Mention,
    Capitalised,
    Capitals,
    Digits,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Repeat {
    One,
    Optional,
    OneOrMore,
    ZeroOrMore,
}

#[derive(Debug, Clone, PartialEq)]
struct Elem {
    test: Test,
    negated: bool,
    repeat: Repeat,
}

/// One compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    before: Vec<Elem>,
    /// The cue's single-token words before the token the table is tried at (`>`).
    lead: Vec<Elem>,
    cue: Vec<Elem>,
    after: Vec<Elem>,
}

/// What a pattern's words refer to while it is compiled: the rule set's lists and the
/// forms of a lemma.
pub trait Vocabulary {
    fn list(&self, name: &str) -> Option<Vec<&'static str>>;
    fn forms(&self, lemma: &str) -> Vec<&'static str>;
}

impl Pattern {
    /// Compiles `source`; the error says which element is wrong and why.
    pub fn parse(source: &str, vocabulary: &dyn Vocabulary) -> Result<Pattern, String> {
        let mut parts: [Vec<Elem>; 3] = Default::default();
        let mut lead = Vec::new();
        let mut part = 0;
        let mut brackets = 0;
        for raw in source.split_whitespace() {
            let mut element = raw;
            if let Some(rest) = element.strip_prefix('[') {
                if part != 0 || brackets > 0 {
                    return Err(format!("“{source}”: one [ ] group only"));
                }
                part = 1;
                brackets += 1;
                element = rest;
            }
            let closes = element.ends_with(']');
            if closes {
                element = &element[..element.len() - 1];
            }
            if let Some(rest) = element.strip_prefix('>').filter(|r| !r.is_empty()) {
                if part != 1 || !lead.is_empty() {
                    return Err(format!("“{source}”: > marks one word of the cue"));
                }
                lead = std::mem::take(&mut parts[1]);
                element = rest;
            }
            if !element.is_empty() {
                parts[part].push(
                    parse_elem(element, vocabulary)
                        .map_err(|e| format!("“{source}”, element “{raw}”: {e}"))?,
                );
            }
            if closes {
                if part != 1 {
                    return Err(format!("“{source}”: ] without ["));
                }
                part = 2;
            }
        }
        let [before, cue, after] = parts;
        if part != 2 || cue.is_empty() {
            return Err(format!(
                "“{source}”: the cue must be one non-empty [ ] group"
            ));
        }
        let plain = |e: &Elem| !e.negated && e.repeat == Repeat::One && e.test != Test::End;
        if !plain(&cue[0]) || !lead.iter().all(plain) {
            return Err(format!(
                "“{source}”: the cue starts with single words (no !, ?, +, * or $)"
            ));
        }
        if before.iter().chain(&cue).any(|e| e.test == Test::End) {
            return Err(format!("“{source}”: $ ends the pattern"));
        }
        Ok(Pattern {
            before,
            lead,
            cue,
            after,
        })
    }

    /// When the cue fits at token `i` (and its context around it): the cue's first and
    /// last tokens.
    pub fn match_at(&self, tokens: &dyn Tokens, i: usize) -> Option<(usize, usize)> {
        if i >= tokens.token_count() || !self.cue[0].fits(tokens, i) {
            return None;
        }
        let first = i.checked_sub(self.lead.len())?;
        let lead_fits = self
            .lead
            .iter()
            .enumerate()
            .all(|(n, e)| e.fits(tokens, first + n));
        if !lead_fits || !backward(&self.before, tokens, first) {
            return None;
        }
        let mut last = None;
        forward(&self.cue, tokens, i, &mut |cue_end| {
            if forward(&self.after, tokens, cue_end, &mut |_| true) {
                last = Some((first, cue_end - 1));
                true
            } else {
                false
            }
        });
        last
    }
}

fn parse_elem(source: &str, vocabulary: &dyn Vocabulary) -> Result<Elem, String> {
    let (negated, body) = match source.strip_prefix('!') {
        Some(rest) if !rest.is_empty() => (true, rest),
        _ => (false, source),
    };
    let (body, repeat) = match body.char_indices().last() {
        Some((at, '?')) if at > 0 => (&body[..at], Repeat::Optional),
        Some((at, '+')) if at > 0 => (&body[..at], Repeat::OneOrMore),
        Some((at, '*')) if at > 0 => (&body[..at], Repeat::ZeroOrMore),
        _ => (body, Repeat::One),
    };
    if (negated || body == "$") && repeat != Repeat::One {
        return Err("a negated element stands for one token".into());
    }
    let test = match body {
        "_" => Test::Any,
        "$" => Test::End,
        "$mention" => Test::Mention,
        "shape:Xx" => Test::Capitalised,
        "shape:XX" => Test::Capitals,
        "shape:d" => Test::Digits,
        _ if body.starts_with("shape:") || body.starts_with('$') => {
            return Err(format!("unknown element {body}"));
        }
        _ if !body.chars().any(char::is_alphanumeric) => Test::Punct(body.to_owned()),
        _ => {
            let mut words = FxHashSet::default();
            let mut endings = Vec::new();
            for alternative in body.split('|') {
                if let Some(name) = alternative.strip_prefix('@') {
                    let list = vocabulary
                        .list(name)
                        .ok_or_else(|| format!("no list @{name} in the rule set"))?;
                    words.extend(list);
                } else if let Some(ending) = alternative.strip_prefix('-').filter(|e| !e.is_empty())
                {
                    endings.push(leak(ending));
                } else if let Some(lemma) = alternative.strip_prefix('~') {
                    words.extend(vocabulary.forms(lemma));
                } else if alternative.is_empty() || alternative.chars().any(char::is_uppercase) {
                    return Err(format!("“{alternative}”: words are written in lower case"));
                } else {
                    words.insert(leak(alternative));
                }
            }
            Test::Words(words, endings)
        }
    };
    Ok(Elem {
        test,
        negated,
        repeat,
    })
}

/// Patterns are compiled once per rule set for the life of the process.
fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

impl Elem {
    fn fits(&self, tokens: &dyn Tokens, i: usize) -> bool {
        let fits = match &self.test {
            Test::Any => true,
            Test::Words(words, endings) => {
                let word = tokens.word(i);
                words.contains(word) || endings.iter().any(|e| word.ends_with(e))
            }
            Test::End => false,
            Test::Punct(p) => tokens.word(i).is_empty() && tokens.raw(i) == p,
            Test::Mention => tokens.in_mention(i),
            Test::Capitalised => tokens.raw(i).chars().next().is_some_and(char::is_uppercase),
            Test::Capitals => {
                let raw = tokens.raw(i);
                raw.chars().any(char::is_alphabetic) && !raw.chars().any(char::is_lowercase)
            }
            Test::Digits => {
                let raw = tokens.raw(i);
                !raw.is_empty() && raw.chars().all(|c| c.is_ascii_digit())
            }
        };
        fits != self.negated
    }

    fn bounds(&self) -> (usize, usize) {
        match self.repeat {
            Repeat::One => (1, 1),
            Repeat::Optional => (0, 1),
            Repeat::OneOrMore => (1, MAX_REPEAT),
            Repeat::ZeroOrMore => (0, MAX_REPEAT),
        }
    }
}

/// Matches `elems` from token `at` onwards; `done` gets each possible end (greedy first)
/// and says whether the rest of the pattern accepts it.
fn forward(
    elems: &[Elem],
    tokens: &dyn Tokens,
    at: usize,
    done: &mut dyn FnMut(usize) -> bool,
) -> bool {
    let Some((first, rest)) = elems.split_first() else {
        return done(at);
    };
    if first.test == Test::End {
        return at >= tokens.token_count() && forward(rest, tokens, at, done);
    }
    if first.negated {
        // The sentence's edge counts as "not this".
        return if at >= tokens.token_count() {
            forward(rest, tokens, at, done)
        } else {
            first.fits(tokens, at) && forward(rest, tokens, at + 1, done)
        };
    }
    let (min, max) = first.bounds();
    let mut taken = 0;
    while taken < max && at + taken < tokens.token_count() && first.fits(tokens, at + taken) {
        taken += 1;
    }
    (min..=taken)
        .rev()
        .any(|n| forward(rest, tokens, at + n, done))
}

/// Matches `elems` so that they end right before token `at` (context before a cue).
fn backward(elems: &[Elem], tokens: &dyn Tokens, at: usize) -> bool {
    let Some((last, rest)) = elems.split_last() else {
        return true;
    };
    if last.negated {
        return if at == 0 {
            backward(rest, tokens, at)
        } else {
            last.fits(tokens, at - 1) && backward(rest, tokens, at - 1)
        };
    }
    let (min, max) = last.bounds();
    let mut taken = 0;
    while taken < max && taken < at && last.fits(tokens, at - taken - 1) {
        taken += 1;
    }
    (min..=taken).rev().any(|n| backward(rest, tokens, at - n))
}

/// One entry of a cue table: a pattern and the rule it names with its value (a polarity,
/// a strength), or — without a rule — why these words are not a cue here.
#[derive(Debug)]
pub struct CueRule {
    pub pattern: Pattern,
    pub rule: Option<&'static str>,
    pub value: &'static str,
    /// A condition the pattern cannot see, checked by the rules' code ("reported": after
    /// a reporting verb, outside quotation marks); "" for none.
    pub when: &'static str,
}

/// A cue found: its first and last tokens, the rule and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueMatch {
    pub first: usize,
    pub last: usize,
    pub rule: &'static str,
    pub value: &'static str,
}

/// A cue table: its entries in order, indexed by the words their cue can be found at so
/// a token tries only the entries that can fit it (the rules try every word of a text).
#[derive(Debug, Default)]
pub struct CueTable {
    entries: Vec<CueRule>,
    /// For each word some entry's anchor lists: the entries to try, in table order.
    by_word: FxHashMap<&'static str, Vec<usize>>,
    /// The entries whose anchor is not a plain word list (`_`, `$mention`, endings).
    always: Vec<usize>,
}

impl CueTable {
    pub fn new(entries: Vec<CueRule>) -> CueTable {
        let mut by_word: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        let mut always = Vec::new();
        for (n, entry) in entries.iter().enumerate() {
            match &entry.pattern.cue[0].test {
                Test::Words(words, endings) if endings.is_empty() => {
                    for word in words {
                        by_word.entry(word).or_default().push(n);
                    }
                }
                _ => always.push(n),
            }
        }
        // Each word's list keeps the table's order with the entries every word tries.
        for list in by_word.values_mut() {
            list.extend(&always);
            list.sort_unstable();
        }
        CueTable {
            entries,
            by_word,
            always,
        }
    }

    pub fn entries(&self) -> &[CueRule] {
        &self.entries
    }

    /// The first entry that fits at token `i` (and whose condition `holds`); `None` when
    /// none fits or the first that fits is an exclusion.
    pub fn first_cue(
        &self,
        tokens: &dyn Tokens,
        i: usize,
        holds: &dyn Fn(&str) -> bool,
    ) -> Option<CueMatch> {
        let candidates = self.by_word.get(tokens.word(i)).unwrap_or(&self.always);
        candidates.iter().find_map(|&n| {
            let entry = &self.entries[n];
            let (first, last) = entry.pattern.match_at(tokens, i)?;
            if !entry.when.is_empty() && !holds(entry.when) {
                return None;
            }
            Some(entry.rule.map(|rule| CueMatch {
                first,
                last,
                rule,
                value: entry.value,
            }))
        })?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Words(Vec<String>);

    impl Words {
        fn of(text: &str) -> Self {
            Words(text.split_whitespace().map(str::to_owned).collect())
        }
    }

    impl Tokens for Words {
        fn token_count(&self) -> usize {
            self.0.len()
        }
        fn word(&self, i: usize) -> &str {
            let w = self.0.get(i).map_or("", String::as_str);
            if w.chars().any(char::is_alphanumeric) {
                w
            } else {
                ""
            }
        }
        fn raw(&self, i: usize) -> &str {
            self.0.get(i).map_or("", String::as_str)
        }
        fn in_mention(&self, i: usize) -> bool {
            self.raw(i).starts_with("china")
        }
    }

    struct Vocab;

    impl Vocabulary for Vocab {
        fn list(&self, name: &str) -> Option<Vec<&'static str>> {
            (name == "determiners").then(|| vec!["the", "a", "its"])
        }
        fn forms(&self, lemma: &str) -> Vec<&'static str> {
            ["", "s", "ed", "ing"]
                .iter()
                .map(|end| leak(&format!("{lemma}{end}")))
                .collect()
        }
    }

    /// The cue's last token when it fits at `i`.
    fn at(pattern: &str, text: &str, i: usize) -> Option<usize> {
        Pattern::parse(pattern, &Vocab)
            .expect("parses")
            .match_at(&Words::of(text), i)
            .map(|(_, last)| last)
    }

    #[test]
    fn the_cue_and_its_context() {
        let p = "expressed|voiced [concern] over|about";
        assert_eq!(at(p, "china expressed concern over it", 2), Some(2));
        assert_eq!(at(p, "china expressed concern for it", 2), None, "after");
        assert_eq!(at(p, "china shares concern over it", 2), None, "before");
        assert_eq!(at("[support for]", "its support for peace", 1), Some(2));
    }

    #[test]
    fn lemmas_lists_and_negation() {
        assert_eq!(at("[~warn against]", "they warned against it", 1), Some(2));
        assert_eq!(at("!@determiners [support]", "they support it", 1), Some(1));
        assert_eq!(at("!@determiners [support]", "its support", 1), None);
        assert_eq!(
            at("!@determiners [support]", "support it", 0),
            Some(0),
            "edge"
        );
        assert_eq!(at("[support] !for", "support", 0), Some(0), "edge after");
        assert_eq!(at("[$mention]", "china said", 0), Some(0));
        assert_eq!(at("[shape:Xx shape:Xx]", "Wang Yi said", 0), Some(1));
        assert_eq!(at(", [welcoming]", "he spoke , welcoming it", 3), Some(3));
    }

    #[test]
    fn a_cue_may_start_before_the_word_it_is_found_at() {
        let p = Pattern::parse("[stands|stood >ready to]", &Vocab).expect("parses");
        let text = Words::of("china stands ready to help");
        assert_eq!(p.match_at(&text, 2), Some((1, 3)));
        assert_eq!(p.match_at(&text, 1), None, "tried at ready only");
        assert_eq!(
            p.match_at(&Words::of("ready to"), 0),
            None,
            "no room before"
        );
    }

    #[test]
    fn endings_and_the_sentence_end() {
        assert_eq!(at("-'s [will]", "the people's will", 2), Some(2));
        assert_eq!(at("-'s [will]", "people will", 1), None);
        assert_eq!(at("[pledged] $", "china pledged", 1), Some(1));
        assert_eq!(at("[pledged] $", "china pledged aid", 1), None);
    }

    #[test]
    fn repeats_are_greedy_and_give_back() {
        // "_*" takes what it can, then returns tokens so "to" still fits.
        assert_eq!(at("[ready _* to]", "ready and willing to act", 0), Some(3));
        assert_eq!(at("[ready very? willing]", "ready willing", 0), Some(1));
        assert_eq!(
            at("deeply+ [concerned]", "deeply deeply concerned", 2),
            Some(2)
        );
    }

    #[test]
    fn malformed_patterns_say_what_is_wrong() {
        for bad in [
            "concern",
            "[a] [b]",
            "a ] b",
            "[Concern]",
            "[@nowhere]",
            "[!x]",
            "[a !b+]",
            "[$state]",
            "[very? ready]",
            "[a >b+]",
            "[a >b >c]",
            "$ [a]",
            "[a $?]",
        ] {
            assert!(
                Pattern::parse(bad, &Vocab).is_err(),
                "{bad} should not parse"
            );
        }
    }

    #[test]
    fn the_first_entry_that_fits_decides() {
        let entry = |p: &str, rule: Option<&'static str>| CueRule {
            pattern: Pattern::parse(p, &Vocab).expect("parses"),
            rule,
            value: "against",
            when: "",
        };
        let table = CueTable::new(vec![
            entry("@determiners [concern]", None),
            entry("[concern]", Some("stance.concern")),
            entry("[_] china", Some("stance.any")),
        ]);
        let text = Words::of("the concern of china ; concern");
        let always = |_: &str| true;
        assert_eq!(table.first_cue(&text, 1, &always), None, "excluded first");
        let found = table.first_cue(&text, 5, &always).expect("a cue");
        assert_eq!(
            (found.first, found.last, found.rule),
            (5, 5, "stance.concern")
        );
        // An entry any word can start is tried too, in its place.
        let found = table.first_cue(&text, 2, &always).expect("a cue");
        assert_eq!(found.rule, "stance.any");
        let text = Words::of("concern china");
        let found = table.first_cue(&text, 0, &always).expect("a cue");
        assert_eq!(found.rule, "stance.concern", "the earlier entry wins");
    }
}
