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
        let mut count = 2;
        if !both {
            if matches!(t.str(k), "government" | "Government") {
                return self.state_government(k);
            }
            if t.str(k) == "country" {
                return self.the_country(i, k);
            }
            if t.str(k) == "27" {
                return self.the_27(i, k);
            }
            if let Some(n) = words::count_word(t.str(k))
                && self.described_group(i).is_none()
            {
                count = n;
                k += 1;
            } else if let Some(next) = self.common_noun_body(k) {
                return Some(next);
            } else if words::is_group_word(t.str(k)) || words::is_office_noun(t.str(k)) {
                return self.group(i, k);
            } else if let Some(g) = self.described_group(i) {
                return self.group(i, g);
            } else {
                people_only = true;
            }
        }
        // "the two foreign ministers", "both Prime Ministers", "the two warring parties".
        while k < i + 4
            && (self.title_at(k) == Some(TitleWord::Modifier) || words::is_side_modifier(t.str(k)))
        {
            k += 1;
        }
        let what = words::collective_head(t.str(k))?;
        let head = t.str(k).to_lowercase();
        if people_only && (what != Collective::People || head == "officials") {
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
        let referents = match what {
            Collective::States => self.last_n(i, count, Self::is_state),
            Collective::People => self.last_n(i, count, person_fits),
            Collective::Sides if count == 2 => self
                .sides(i)
                .or_else(|| self.last_n(i, 2, Self::is_state))
                .or_else(|| self.last_n(i, 2, person_fits)),
            Collective::Sides => self.last_n(i, count, Self::is_side),
            Collective::Ministries => self.last_n(i, count, |pass: &Self, r: Referent| {
                pass.kind(r) == "government_body" && {
                    let name = pass.names_of(r).0;
                    name.contains("Ministry") || name.contains("Department")
                }
            }),
        }?;
        if what == Collective::Sides && count == 2 {
            self.last_sides = Some((t.sentence(i), referents.clone()));
        }
        for r in referents {
            self.push(rules::mention::COLLECTIVE, i, end, r);
        }
        Some(end)
    }

    /// An actor that can be one of "both sides" or "the two parties" of talks or a
    /// conflict: a state, grouping, party, armed group or a state's armed forces.
    pub(super) fn is_side(&self, r: Referent) -> bool {
        match self.kind(r) {
            "state" | "regional_group" | "party" | "other" => true,
            "government_body" => self.is_armed_forces(r),
            _ => false,
        }
    }

    /// A state's armed forces from the gazetteer (CAMEO code "…MIL", not a coast guard).
    pub(super) fn is_armed_forces(&self, r: Referent) -> bool {
        self.is_state_body(r, "MIL")
    }

    /// "both sides", "the two parties", "the two delegations": the pair a collective of
    /// sides referred to in the last three sentences; otherwise the sides named in the
    /// previous sentence, the four before, or this sentence before the reference — two
    /// of them, or the last two joined by "and" ("Congo and the M23 rebel group").
    /// Actors named earlier in the same sentence are usually its subject ("Saudi Arabia
    /// and the United States said both sides had agreed"), so they come last.
    fn sides(&self, i: usize) -> Option<Vec<Referent>> {
        let t = self.t;
        let sentence = t.sentence(i);
        if let Some((s, pair)) = &self.last_sides
            && s + 3 >= sentence
        {
            return Some(pair.clone());
        }
        // Two sides joined by "and" earlier in this sentence ("Iran and the United States
        // held talks, with Oman shuttling between the two delegations"), unless they are
        // the speakers reporting on the sides ("Saudi Arabia and the United States said
        // both sides had agreed").
        let here: Vec<Found> = self
            .found
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .take_while(|f| t.sentence(f.start) == sentence)
            .filter(|f| f.start < i && self.is_side(f.referent))
            .copied()
            .collect();
        if let Some(pair) = self.joined_pair(&here)
            && !self.reporting_subject(&here, &pair, i)
        {
            return Some(pair);
        }
        // Back one sentence at a time (up to five), then this sentence.
        let windows = (1..=5)
            .map(|back| (sentence.saturating_sub(back), sentence))
            .chain([(sentence, sentence + 1)]);
        for (oldest, before) in windows {
            let mentions: Vec<Found> = self
                .found
                .iter()
                .rev()
                .take(MAX_LOOK_BACK)
                .take_while(|f| t.sentence(f.start) >= oldest)
                .filter(|f| t.sentence(f.start) < before && f.start < i)
                .filter(|f| self.is_side(f.referent))
                .copied()
                .collect();
            let mut distinct: Vec<Referent> = Vec::new();
            for f in &mentions {
                if !distinct.iter().any(|&d| self.same_actor(d, f.referent)) {
                    distinct.push(f.referent);
                }
            }
            match distinct.len() {
                0 | 1 => continue,
                // From earlier sentences, two actors named once each in passing ("the
                // crisis in Sudan", "the RSF's attacks") are no sides of the talks.
                2 if before == sentence && !distinct.iter().any(|&d| self.named_twice(d)) => {
                    continue;
                }
                2 => return Some(vec![distinct[1], distinct[0]]),
                _ => {
                    if let Some(pair) = self.joined_pair(&mentions) {
                        return Some(pair);
                    }
                    if before == sentence + 1 {
                        break;
                    }
                }
            }
        }
        self.last_sides.as_ref().map(|(_, pair)| pair.clone())
    }

    /// The pair opens its sentence and a reporting verb follows it before token `i`.
    fn reporting_subject(&self, here: &[Found], pair: &[Referent], i: usize) -> bool {
        let t = self.t;
        let Some(first) = here.iter().rev().find(|f| f.referent == pair[0]) else {
            return false;
        };
        let mut start = first.start;
        if start > 0 && t.same_sentence(start - 1, start) && t.str(start - 1) == "the" {
            start -= 1;
        }
        let opens = start == 0
            || !t.same_sentence(start - 1, start)
            || (start >= 1 && matches!(t.str(start - 1), "The" | "“" | "\""));
        opens && (first.end..i).any(|k| words::is_reporting_verb(t.str(k)))
    }

    /// The actor has two mentions or more among the last ones.
    fn named_twice(&self, r: Referent) -> bool {
        self.found
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .filter(|f| self.same_actor(f.referent, r))
            .nth(1)
            .is_some()
    }

    /// The last two mentions (latest first in `mentions`) of different actors joined by
    /// "and" ("Hamas and Israel", "Iran and the United States").
    fn joined_pair(&self, mentions: &[Found]) -> Option<Vec<Referent>> {
        let t = self.t;
        mentions.windows(2).find_map(|w| {
            let (second, first) = (w[0], w[1]);
            let mut k = first.end;
            if t.list.get(k).is_some_and(|x| x.kind == Kind::Possessive) {
                return None;
            }
            if t.str(k) != "and" {
                return None;
            }
            k += 1;
            if t.str(k).eq_ignore_ascii_case("the") {
                k += 1;
            }
            (k == second.start
                && t.same_sentence(first.start, second.start)
                && !self.same_actor(first.referent, second.referent))
            .then(|| vec![first.referent, second.referent])
        })
    }

    /// "the 27" (not "the 27 member states"): the European Union, once the text has
    /// named it.
    fn the_27(&mut self, i: usize, k: usize) -> Option<usize> {
        let t = self.t;
        let next = t.str(k + 1);
        if t.same_sentence(k, k + 1) && next == "-" {
            return None; // "the 27-nation bloc"
        }
        if t.same_sentence(k, k + 1) && next.chars().all(char::is_alphanumeric) {
            let verb_like =
                next.ends_with("ed") || matches!(next, "are" | "have" | "will" | "agreed" | "also");
            if !verb_like {
                return None;
            }
        }
        let eu = self
            .gazetteer
            .by_name("European Union")
            .map(Referent::Entry)?;
        let named = self
            .found
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .any(|f| self.same_actor(f.referent, eu));
        if !named {
            return None;
        }
        self.push(rules::mention::THE_27, i, k + 1, eu);
        Some(k + 1)
    }

    /// "the country": the state named last in this or the previous sentence, spanned
    /// with the article like other collective references.
    fn the_country(&mut self, i: usize, k: usize) -> Option<usize> {
        let t = self.t;
        if t.same_sentence(k, k + 1) && (t.str(k + 1) == "of" || t.is_capitalised(k + 1)) {
            return None;
        }
        let state = self.recent_state(i)?;
        self.push(rules::mention::THE_COUNTRY, i, k + 1, state);
        Some(k + 1)
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
        self.push(rules::mention::STATE_GOVERNMENT, k, k + 1, state);
        Some(k + 1)
    }

    /// The `n` distinct referents of a kind mentioned last, when exactly `n` are in the
    /// closest window that has any (this and the previous sentence, then three before,
    /// then the whole text so far), in text order.
    pub(super) fn last_n(
        &self,
        i: usize,
        n: usize,
        wanted: impl Fn(&Self, Referent) -> bool,
    ) -> Option<Vec<Referent>> {
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
                    if distinct.len() > n {
                        return None;
                    }
                }
            }
            if distinct.len() == n {
                distinct.reverse();
                return Some(distinct);
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
                || words::is_armed_modifier(word)
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
        // "the militant group", "the paramilitary group": an armed group or party.
        let armed = word == "group" && (i + 1..k).any(|x| words::is_armed_modifier(self.t.str(x)));
        let named = |r: Referent| {
            self.names_of(r)
                .0
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(word))
        };
        // "the organization" after "the SCO and the Eurasian Economic Union": the one
        // whose name says it is an organisation, in the last sentences, else further
        // back (a summit report names its organisation early and then its organs).
        let is_organisation = |r: Referent| {
            matches!(self.kind(r), "international_org" | "regional_group")
                && self.names_of(r).0.split(' ').any(|w| {
                    w.eq_ignore_ascii_case("organization") || w.eq_ignore_ascii_case("organisation")
                })
        };
        let organisation = matches!(word, "organization" | "organisation")
            .then(|| {
                let mut met = self.found.iter().rev().take(MAX_LOOK_BACK);
                let recent = met
                    .by_ref()
                    .take_while(|f| self.t.sentence(f.start) + 2 >= sentence)
                    .map(|f| f.referent)
                    .find(|&r| is_organisation(r));
                recent.or_else(|| met.map(|f| f.referent).find(|&r| is_organisation(r)))
            })
            .flatten();
        let referent = organisation.or_else(|| {
            self.found
                .iter()
                .rev()
                .take(MAX_LOOK_BACK)
                .take_while(|f| self.t.sentence(f.start) + 2 >= sentence)
                .map(|f| f.referent)
                .map(|r| match r {
                    // "the regional bloc" after the ECOWAS Commission: ECOWAS.
                    // Only a body named after its bloc (not the AU's Peace and Security
                    // Council).
                    Referent::Entry(e) if group && self.kind(r) == "government_body" => self
                        .gazetteer
                        .parent(e)
                        .filter(|&p| {
                            let parent = self.gazetteer.entry(p);
                            let name = &self.gazetteer.entry(e).name;
                            std::iter::once(parent.name.as_str())
                                .chain(parent.acronyms.iter().map(String::as_str))
                                .any(|n| name.contains(n))
                        })
                        .map(Referent::Entry)
                        .filter(|&p| self.kind(p) == "regional_group")
                        .unwrap_or(r),
                    _ => r,
                })
                .find(|&r| match self.kind(r) {
                    "other" | "party" => armed,
                    _ if armed => false,
                    "regional_group" if group => true,
                    "international_org" if group => word != "group",
                    "regional_group" | "international_org" | "government_body" => named(r),
                    _ => false,
                })
        });
        // "the bloc" further on: the grouping named last, if the text named one.
        let referent = referent.or_else(|| {
            (word == "bloc")
                .then(|| {
                    self.found
                        .iter()
                        .rev()
                        .take(MAX_LOOK_BACK)
                        .map(|f| f.referent)
                        .find(|&r| self.kind(r) == "regional_group")
                })
                .flatten()
        })?;
        self.push(rules::mention::GROUP, i, k + 1, referent);
        Some(k + 1)
    }
}
