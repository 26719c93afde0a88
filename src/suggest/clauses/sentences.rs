//! Stage 1: the document's sentences as the clause rules read them (tokens, word classes,
//! quotes, the mentions in each), and the small lookups every later stage uses.

use super::*;

impl<'a> Rules<'a> {
    pub(super) fn sentences(&self) -> Vec<Sentence<'a>> {
        let text = self.text;
        let mut out = Vec::new();
        let mut open = false;
        let mut opened_low = false;
        let mut previous_end = 0;
        let mut first_mention = 0;
        let analysis = text::of(self.document);
        let index = self.document.index();
        let bytes = |offset: crate::text::CharOffset| index.byte_of(offset.get());
        for sentence in analysis.sentences() {
            let (Some(start), Some(end)) = (bytes(sentence.start), bytes(sentence.end)) else {
                continue;
            };
            // News copy reopens a quotation in each paragraph, so a break closes it —
            // unless the next quotation mark ahead closes one: a statement quoted over
            // several paragraphs ("the spokesperson said:" and a block).
            if text[previous_end..start].contains(['\n', '\r', '\u{2029}'])
                && !(open && quote_runs_on(text, start))
            {
                open = false;
            }
            previous_end = end;
            let starts_in_quote = open;
            let tokens = clause_words::tokens(text, start, end);
            let mut lower = Vec::with_capacity(tokens.len());
            let mut quoted = Vec::with_capacity(tokens.len());
            let mut class = Vec::with_capacity(tokens.len());
            for t in &tokens {
                let s = t.text(text);
                match t.kind {
                    TokenKind::Word => {
                        // Most words are lowercase ASCII already: borrow them.
                        let word = if s.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                            Cow::Owned(s.to_lowercase())
                        } else {
                            Cow::Borrowed(s)
                        };
                        class.push(self.lex.classes(&word));
                        lower.push(word);
                        quoted.push(open);
                    }
                    TokenKind::Punct => {
                        let c = s.chars().next().unwrap_or(' ');
                        if c == '"' {
                            open = !open;
                        } else if c == '“' && open && opened_low {
                            open = false;
                        } else if opens_quote(c) {
                            open = true;
                            opened_low = c == '„';
                        } else if closes_quote(c) {
                            open = false;
                        }
                        lower.push(Cow::Borrowed(""));
                        class.push(0);
                        quoted.push(false);
                    }
                }
            }
            while first_mention < self.mentions.len() && self.mentions[first_mention].end <= start {
                first_mention += 1;
            }
            let mut end_mention = first_mention;
            while end_mention < self.mentions.len() && self.mentions[end_mention].start < end {
                end_mention += 1;
            }
            out.push(Sentence {
                start,
                end,
                tokens,
                lower,
                quoted,
                class,
                starts_in_quote,
                ends_in_quote: open,
                mentions: first_mention..end_mention,
            });
        }
        out
    }

    /// The first mention over token `i` of `s`.
    /// The sentence as the rule set's patterns read it (`suggest::pattern`).
    pub(super) fn view<'v>(&'v self, s: &'v Sentence<'v>) -> SentenceView<'v, 'a> {
        SentenceView { rules: self, s }
    }

    pub(super) fn mention_at(&self, s: &Sentence, i: usize) -> Option<&MentionAt<'a>> {
        let t = s.tokens.get(i)?;
        self.mentions[s.mentions.clone()]
            .iter()
            .find(|m| m.start < t.end && m.end > t.start)
    }

    /// The index of the token where a mention starts.
    pub(super) fn token_of(s: &Sentence, byte: usize) -> usize {
        s.tokens.partition_point(|t| t.end <= byte)
    }

    /// True when token `i` is in a word class of `lexicon::class`.
    pub(super) fn is(s: &Sentence, i: usize, flag: u32) -> bool {
        s.class.get(i).is_some_and(|c| c & flag != 0)
    }

    pub(super) fn word<'s>(s: &'s Sentence, i: usize) -> &'s str {
        s.lower.get(i).map_or("", |w| w.as_ref())
    }

    pub(super) fn punct(&self, s: &Sentence, i: usize) -> Option<char> {
        let t = s.tokens.get(i)?;
        (t.kind == TokenKind::Punct)
            .then(|| t.text(self.text).chars().next())
            .flatten()
    }

    /// True when a quotation opens within `len` tokens from token `from`.
    pub(super) fn quote_opens_within(&self, s: &Sentence, from: usize, len: usize) -> bool {
        (from..(from + len).min(s.tokens.len())).any(|k| {
            !s.quoted[k.saturating_sub(1)]
                && self.punct(s, k).is_some_and(|c| c == '"' || opens_quote(c))
        })
    }

    pub(super) fn is_quote_mark(&self, s: &Sentence, i: usize) -> bool {
        self.punct(s, i)
            .is_some_and(|c| c == '"' || opens_quote(c) || closes_quote(c))
    }
}

/// A sentence with the mentions found in it, for the patterns.
pub(super) struct SentenceView<'v, 'a> {
    rules: &'v Rules<'a>,
    s: &'v Sentence<'v>,
}

impl crate::suggest::pattern::Tokens for SentenceView<'_, '_> {
    fn token_count(&self) -> usize {
        self.s.tokens.len()
    }

    fn word(&self, i: usize) -> &str {
        Rules::word(self.s, i)
    }

    fn raw(&self, i: usize) -> &str {
        self.s.tokens.get(i).map_or("", |t| t.text(self.rules.text))
    }

    fn in_mention(&self, i: usize) -> bool {
        self.rules.mention_at(self.s, i).is_some()
    }
}
