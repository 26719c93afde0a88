//! Stage 4: commitments inside a statement — the cue and its strength, the action phrase, its
//! addressees, conditions and category.

use super::*;

impl<'a> Rules<'a> {
    pub(super) fn commitments(&self, s: &Sentence, st: &Stmt) -> Vec<Suggestion> {
        let range = Self::token_range(s, st);
        let conditions = self.conditions(s, range.clone());
        let mut found: Vec<Commit> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let Some(cue) = self.commitment_cue(s, i, st) else {
                i += 1;
                continue;
            };
            // "… until Russia agrees to a ceasefire": the condition of another
            // commitment, not one of its own.
            if Self::in_condition(s, cue.first) {
                i = cue.last + 1;
                continue;
            }
            // "X reaffirmed its readiness to": the subject is before the verb.
            let subject_at = if matches!(Self::word(s, i), "readiness" | "willingness") {
                cue.first
            } else {
                i
            };
            let parties = self.collective_parties(s, subject_at, st);
            let subject = self.subject_before(s, subject_at, &self.lex.commit_skip);
            let committer = match subject {
                _ if !parties.is_empty() => Some(parties[0].clone()),
                Subject::Coordinated => found
                    .last()
                    .map(|c| c.committer.clone())
                    .or_else(|| self.clause_subject(s, i, range.start)),
                other => self.resolve(other, st),
            };
            let Some(committer) = committer else {
                i = cue.last + 1;
                continue;
            };
            let Some((action, action_end)) = self.action(s, cue.last + 1, range.end) else {
                i = cue.last + 1;
                continue;
            };
            if is_future_fact(self.lex, &action) {
                i = action_end;
                continue;
            }
            // The words after the action name the kind of commitment too ("work with
            // Colombia to deepen practical cooperation").
            let scope_end = (action_end + 8).min(range.end).max(cue.last + 2);
            let scope =
                self.text[s.tokens[cue.last + 1].start..s.tokens[scope_end - 1].end].to_lowercase();
            found.push(Commit {
                first: cue.first,
                action_end,
                scope,
                others: parties.into_iter().skip(1).collect(),
                committer,
                action,
                strength: cue.strength,
                agree: cue.agree,
                rule: cue.rule,
            });
            i = action_end.max(cue.last + 1);
        }
        let mut out = Vec::new();
        for (n, c) in found.iter().enumerate() {
            let scan_end = found.get(n + 1).map_or(range.end, |next| next.first);
            let mut addressees = self.addressees(s, c.action_end, scan_end);
            addressees.retain(|a| *a != c.committer);
            let category = self.category(c);
            let start = s.tokens[c.first].start;
            let end = s.tokens[c.action_end - 1].end;
            let (Some((cs, ce)), Some(statement)) =
                (self.chars(start, end), self.chars(st.anchor.0, st.anchor.1))
            else {
                continue;
            };
            for committer in std::iter::once(&c.committer).chain(&c.others) {
                out.push(Suggestion {
                    kind: SuggestionKind::Commitment,
                    start: cs,
                    end: ce,
                    text: self.text[start..end].to_string(),
                    detail: Detail::Commitment {
                        statement,
                        committer: Some(committer.clone()),
                        addressees: addressees.clone(),
                        action: c.action.clone(),
                        strength: c.strength.to_string(),
                        conditions: conditions.clone(),
                        category: category.clone(),
                    },
                    rule: c.rule,
                });
            }
        }
        out
    }

    /// A commitment cue starting at token `i`.
    pub(super) fn commitment_cue(&self, s: &Sentence, i: usize, st: &Stmt) -> Option<Cue> {
        if s.tokens[i].kind != TokenKind::Word {
            return None;
        }
        // "said China would …": a reported future, outside quotation marks.
        let holds = |condition: &str| {
            condition == "reported"
                && st
                    .reported_from
                    .is_some_and(|from| s.tokens[i].start >= from)
                && !s.quoted[i]
        };
        let cue = self
            .lex
            .commitment_cues
            .first_cue(&self.view(s), i, &holds)?;
        Some(Cue {
            first: cue.first,
            last: cue.last,
            strength: cue.value,
            agree: cue.rule == rules::commitment::AGREE_TO,
            rule: cue.rule,
        })
    }

    /// The action phrase from token `from`: a few words up to a preposition, conjunction
    /// or punctuation; returns it and the token after it.
    pub(super) fn action(&self, s: &Sentence, from: usize, end: usize) -> Option<(String, usize)> {
        let mut i = from;
        while i < end && self.lex.action_skip.contains(&Self::word(s, i)) {
            i += 1;
        }
        let first = i;
        let first_raw = s.tokens.get(first)?.text(self.text);
        let currency = |t: &Token| {
            t.kind == TokenKind::Punct && matches!(t.text(self.text), "$" | "€" | "£" | "¥")
        };
        // A verb ("deepen"), or an amount after "pledged" ("$2 billion", "500 million").
        let opens = first_raw
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            || currency(&s.tokens[first]);
        if !opens || (s.tokens[first].kind != TokenKind::Word && !currency(&s.tokens[first])) {
            return None;
        }
        let mut words = 0;
        while i < end && words < 6 {
            let t = &s.tokens[i];
            if t.kind != TokenKind::Word && !currency(t) {
                break;
            }
            let w = Self::word(s, i);
            if i > first && self.lex.action_stop.contains(&w) {
                // "continue to deepen", "work to build": the infinitive belongs to it.
                let keep = w == "to"
                    && (self.lex.continuing.contains(&Self::word(s, i - 1)))
                    && s.tokens
                        .get(i + 1)
                        .is_some_and(|t| t.kind == TokenKind::Word);
                if !keep {
                    break;
                }
            }
            words += 1;
            i += 1;
        }
        if i == first {
            return None;
        }
        let action = self.text[s.tokens[first].start..s.tokens[i - 1].end].to_string();
        Some((action, i))
    }

    /// "with Brazil", "to African countries": actors after a preposition.
    pub(super) fn addressees(&self, s: &Sentence, from: usize, end: usize) -> Vec<ActorRef> {
        let mut out: Vec<ActorRef> = Vec::new();
        let end = end.min(from + 20).min(s.tokens.len());
        let mut i = from;
        while i < end {
            if matches!(self.punct(s, i), Some('.' | ';' | ':')) {
                break;
            }
            if !self.lex.addressee_prepositions.contains(&Self::word(s, i)) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < end && self.lex.addressee_skip.contains(&Self::word(s, j)) {
                j += 1;
            }
            while let Some(m) = self.mention_at(s, j).filter(|_| j < end) {
                if !out.contains(&m.actor) {
                    out.push(m.actor.clone().into_owned());
                }
                j = Self::token_of(s, m.end);
                if Self::word(s, j) == "and" || self.punct(s, j) == Some(',') {
                    j += 1;
                    while j < end && self.lex.addressee_skip.contains(&Self::word(s, j)) {
                        j += 1;
                    }
                } else {
                    break;
                }
            }
            i = j.max(i + 1);
        }
        out
    }

    /// "on the basis of …", "provided that …", "if …", "as long as …" in the statement.
    pub(super) fn conditions(&self, s: &Sentence, range: std::ops::Range<usize>) -> String {
        let mut out: Vec<String> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            if !Self::is(s, i, class::CONDITION_START) {
                i += 1;
                continue;
            }
            let Some((len, list)) = self
                .lex
                .condition_markers
                .iter()
                .find_map(|(marker, list)| {
                    let mut len = 0;
                    for (k, w) in marker.split(' ').enumerate() {
                        if Self::word(s, i + k) != w {
                            return None;
                        }
                        len = k + 1;
                    }
                    Some((len, *list))
                })
            else {
                i += 1;
                continue;
            };
            if i > 0 && matches!(Self::word(s, i - 1), "as" | "even" | "see" | "ask") {
                i += len;
                continue;
            }
            let mut j = i + len;
            let mut words = 0;
            while j < range.end && words < 25 {
                let t = &s.tokens[j];
                if t.kind == TokenKind::Punct {
                    let c = t.text(self.text).chars().next().unwrap_or('.');
                    // A list inside "on the basis of mutual respect, equality and …".
                    let list_goes_on = c == ','
                        && list
                        && s.tokens.get(j + 1).is_some_and(|n| {
                            n.text(self.text)
                                .chars()
                                .next()
                                .is_some_and(char::is_lowercase)
                                && !self.lex.clause_openers.contains(&Self::word(s, j + 1))
                        });
                    if !(list_goes_on || c == '-' || c == '‐') {
                        break;
                    }
                } else {
                    words += 1;
                }
                j += 1;
            }
            if j > i + len {
                out.push(self.text[s.tokens[i].start..s.tokens[j - 1].end].to_string());
            }
            i = j;
        }
        out.join("; ")
    }

    pub(super) fn category(&self, c: &Commit) -> String {
        let action = c.action.to_lowercase();
        let words: Vec<&str> = action.split_whitespace().collect();
        let scope: Vec<&str> = c.scope.split_whitespace().collect();
        let has = |list: &[&str]| scope.iter().any(|w| list.iter().any(|l| w.starts_with(l)));
        let head = words
            .iter()
            .find(|w| !["not", "never", "continue", "to"].contains(w));
        let key = if c.agree {
            "AGREE"
        } else if words.first().is_some_and(|w| *w == "not" || *w == "never")
            && has(&["interfer", "meddl", "intervene"])
            || head.is_some_and(|h| h.starts_with("refrain"))
        {
            "REFRAIN"
        } else if head.is_some_and(|h| h.starts_with("mediat")) {
            "MEDIATE"
        } else if has(&[
            "aid",
            "assistance",
            "donat",
            "funding",
            "grant",
            "loan",
            "relief",
        ]) && (head.is_some_and(|h| {
            [
                "provid", "offer", "giv", "send", "donat", "extend", "deliver", "increas",
            ]
            .iter()
            .any(|p| h.starts_with(p))
        }) || words
            .first()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c))))
        {
            // Providing aid, or pledging an amount of it.
            "AID"
        } else if head.is_some_and(|h| {
            ["consult", "negotiat", "meet", "visit"]
                .iter()
                .any(|p| h.starts_with(p))
        }) || (head.is_some_and(|h| h.starts_with("hold"))
            && has(&[
                "talk",
                "consultation",
                "dialogue",
                "meeting",
                "summit",
                "negotiation",
            ]))
        {
            "CONSULT"
        } else if head.is_some_and(|h| {
            ["support", "back", "endors"]
                .iter()
                .any(|p| h.starts_with(p))
        }) {
            "SUPPORT"
        } else if has(&["cooperat", "collaborat", "partnership"]) {
            "COOPERATE"
        } else if head.is_some_and(|h| h.starts_with("reform")) {
            "REFORM"
        } else if head.is_some_and(|h| {
            ["withdraw", "de-escalat", "pull"]
                .iter()
                .any(|p| h.starts_with(p))
        }) {
            "RETREAT"
        } else {
            return String::new();
        };
        self.codebook_key(CodebookList::CommitmentCategories, key)
    }

    /// `role` when the project's codebook has an active entry for it, else "" (the
    /// project's key replaces the role at the end: `roles::to_project_keys`).
    pub(super) fn codebook_key(&self, list: CodebookList, role: &str) -> String {
        self.project
            .codebook
            .by_role(list, role)
            .map_or_else(String::new, |_| role.to_owned())
    }
}
