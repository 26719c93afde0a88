//! Collective references: "both sides", "the two leaders", "the bloc", "the council".

use super::*;

impl<'a, 't> Pass<'a, 't> {
    /// "both sides", "the two countries", "the two leaders": one mention per referent
    /// when the last two are clear; "the bloc": the last organisation or grouping.
    pub(super) fn collective(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let first = t.str(i);
        let mut k = i + 1;
        let both = first.eq_ignore_ascii_case("both");
        // "the two …" / "both …"; "the leaders", "the Prime Ministers" only for people.
        let mut people_only = false;
        if !both {
            if t.str(k) == "government" {
                return self.state_government(k);
            }
            if t.str(k) == "two" {
                k += 1;
            } else if words::is_group_word(t.str(k)) || words::is_office_noun(t.str(k)) {
                return self.group(i, k);
            } else if let Some(g) = self.described_group(i) {
                return self.group(i, g);
            } else {
                people_only = true;
            }
        }
        // "the two foreign ministers", "both Prime Ministers".
        while k < i + 4 && self.title_at(k) == Some(TitleWord::Modifier) {
            k += 1;
        }
        let what = words::collective_head(t.str(k))?;
        let head = t.str(k).to_lowercase();
        if people_only && what != Collective::People {
            return None;
        }
        if !t.same_sentence(i, k) {
            return None;
        }
        let mut end = k + 1;
        if head == "heads" {
            if t.str(k + 1) == "of" && t.str(k + 2) == "state" {
                end = k + 3;
            } else {
                return None;
            }
        }
        // "the two leaders" are two people whose roles make them leaders.
        let role_word = match head.as_str() {
            "heads" | "leaders" => "leader",
            "presidents" => "president",
            "ministers" => "minister",
            "diplomats" | "envoys" => "diplomat",
            _ => "",
        };
        let person_fits = |pass: &Self, r: Referent| match r {
            Referent::Person(p) => {
                let role = &pass.people[p].role_lower;
                role_word.is_empty() || words::role_fits(role_word, role)
            }
            _ => false,
        };
        let pair = match what {
            Collective::States => self.last_two(i, Self::is_state),
            Collective::People => self.last_two(i, person_fits),
            Collective::Sides => self
                .last_two(i, Self::is_state)
                .or_else(|| self.last_two(i, person_fits)),
        }?;
        self.push(i, end, pair.0);
        self.push(i, end, pair.1);
        Some(end)
    }

    /// "the government" (not "the government of X", not "the Government Accountability
    /// Office"): the state mentioned last in this or the previous sentence. Guidelines: a
    /// mention of the state, spanned without "the".
    pub(super) fn state_government(&mut self, k: usize) -> Option<usize> {
        let t = self.t;
        let next = t.str(k + 1);
        let continues =
            t.same_sentence(k, k + 1) && (matches!(next, "of" | "-") || t.is_capitalised(k + 1));
        if continues {
            return None;
        }
        let state = self.recent_state(k)?;
        self.push(k, k + 1, state);
        Some(k + 1)
    }

    /// The two distinct referents of a kind mentioned last, when exactly two are in the
    /// closest window that has any (this and the previous sentence, then three before,
    /// then the whole text so far).
    pub(super) fn last_two(
        &self,
        i: usize,
        wanted: impl Fn(&Self, Referent) -> bool,
    ) -> Option<(Referent, Referent)> {
        let sentence = self.t.sentence(i);
        for back in [1u32, 4, u32::MAX] {
            let oldest = sentence.saturating_sub(back);
            let mut distinct: Vec<Referent> = Vec::new();
            // Bounded so that a long text stays linear.
            for f in self.found.iter().rev().take(MAX_LOOK_BACK) {
                if self.t.sentence(f.start) < oldest {
                    break;
                }
                if wanted(self, f.referent)
                    && !distinct.iter().any(|&d| self.same_actor(d, f.referent))
                {
                    distinct.push(f.referent);
                    if distinct.len() > 2 {
                        return None;
                    }
                }
            }
            if distinct.len() == 2 {
                return Some((distinct[1], distinct[0]));
            }
        }
        None
    }

    /// "the South American bloc", "the 27-nation bloc", "the Western alliance": the
    /// group word after a few describing words.
    pub(super) fn described_group(&self, i: usize) -> Option<usize> {
        let t = self.t;
        let mut k = i + 1;
        while k < i + 6 && t.same_sentence(i, k) {
            let word = t.str(k);
            if words::is_group_word(word) {
                return (k > i + 1).then_some(k);
            }
            let describing = t.is_capitalised(k)
                || word.chars().all(|c| c.is_ascii_digit())
                || (word == "-" && t.joined(k))
                || matches!(
                    word,
                    "nation"
                        | "member"
                        | "trading"
                        | "regional"
                        | "economic"
                        | "military"
                        | "trade"
                        | "political"
                        | "western"
                        | "security"
                        | "defence"
                        | "defense"
                        | "country"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "eleven"
                        | "twelve"
                );
            if !describing {
                return None;
            }
            k += 1;
        }
        None
    }

    /// "the bloc", "the group": the organisation or grouping named in this or the two
    /// previous sentences; "the council", "the ministry": the organisation or body named
    /// there whose name has that word.
    pub(super) fn group(&mut self, i: usize, k: usize) -> Option<usize> {
        let sentence = self.t.sentence(i);
        let word = self.t.str(k);
        // "the Council of Europe", "the Commission's" are names or go on as one.
        if matches!(self.t.str(k + 1), "of" | "-") || self.t.is_capitalised(k + 1) {
            return None;
        }
        let group = words::is_group_word(word);
        let named = |r: Referent| {
            self.names_of(r)
                .0
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(word))
        };
        let referent = self
            .found
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .take_while(|f| self.t.sentence(f.start) + 2 >= sentence)
            .map(|f| f.referent)
            .find(|&r| match self.kind(r) {
                "regional_group" if group => true,
                "international_org" if group => word != "group",
                "regional_group" | "international_org" | "government_body" => named(r),
                _ => false,
            })?;
        self.push(i, k + 1, referent);
        Some(k + 1)
    }
}
