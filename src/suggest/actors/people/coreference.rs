//! Coreference: pronouns ("he", "they", "his delegation") and epithets ("the Chinese
//! diplomat") resolved to the person or group named before.

use super::*;

impl<'a, 't> Pass<'a, 't> {
    /// "Both ministers confirmed their commitment": "they", "their", "them" after a
    /// collective reference to people in the same sentence are a mention of each.
    pub(in crate::suggest::actors) fn plural_pronoun(&mut self, i: usize) -> bool {
        let t = self.t;
        if !matches!(t.str(i), "they" | "They" | "their" | "Their" | "them") {
            return false;
        }
        // "The two Presidents condemned …. They reaffirmed …": a sentence opening with
        // "They" after one whose subject is two or more people.
        let opens = i == 0 || !t.same_sentence(i - 1, i);
        if t.str(i) == "They" && opens {
            let subject = self.previous_subject(i);
            if subject.len() > 1 && subject.iter().all(|r| matches!(r, Referent::Person(_))) {
                for r in subject {
                    self.push(rules::mention::PLURAL_PRONOUN, i, i + 1, r);
                }
                return true;
            }
        }
        // The latest span with several referents in this sentence.
        let mut group: Vec<Referent> = Vec::new();
        let mut span = None;
        for f in self.found.iter().rev().take(MAX_LOOK_BACK) {
            if !t.same_sentence(f.start, i) {
                break;
            }
            match span {
                Some(sp) if sp == (f.start, f.end) => group.push(f.referent),
                Some(_) if group.len() > 1 => break,
                _ => {
                    span = Some((f.start, f.end));
                    group = vec![f.referent];
                }
            }
        }
        // Only right after the group's verb ("Both ministers confirmed their …"): further
        // on, "their" may as well be their countries'.
        let near = span.is_some_and(|(_, end)| i <= end + 2);
        let people =
            near && group.len() > 1 && group.iter().all(|r| matches!(r, Referent::Person(_)));
        if !people {
            return false;
        }
        for r in group.into_iter().rev() {
            self.push(rules::mention::PLURAL_PRONOUN, i, i + 1, r);
        }
        true
    }

    /// The referents of the mention opening the sentence before token `i` (in its first
    /// three tokens), in text order; none when that sentence opens otherwise.
    pub(in crate::suggest::actors) fn previous_subject(&self, i: usize) -> Vec<Referent> {
        let t = self.t;
        let sentence = t.sentence(i);
        let mut span = None;
        let mut group = Vec::new();
        for f in self.found.iter().rev().take(MAX_LOOK_BACK) {
            let s = t.sentence(f.start);
            if s + 1 < sentence {
                break;
            }
            if s == sentence {
                continue;
            }
            if span != Some((f.start, f.end)) {
                span = Some((f.start, f.end));
                group.clear();
            }
            group.push(f.referent);
        }
        let Some((start, _)) = span else {
            return Vec::new();
        };
        let opening = start < 3 || t.sentence(start - 3) < t.sentence(start);
        if !opening {
            return Vec::new();
        }
        group.reverse();
        group
    }

    /// "The representative of France said his country …", "he said": in meetings
    /// coverage a pronoun after an unnamed delegate is that delegate, no actor; "his
    /// country" / "her delegation" / "his Government" is the delegate's state. The token
    /// after what was consumed, if the pronoun at `i` is such a one.
    pub(in crate::suggest::actors) fn delegate_pronoun(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        words::pronoun(t.str(i))?;
        let sentence = t.sentence(i);
        // Nobody named since the delegate: the last person mention ends before it.
        let person_end = self
            .found
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .find(|f| matches!(f.referent, Referent::Person(_)))
            .map_or(0, |f| f.end);
        let lowest = i.saturating_sub(60).max(person_end);
        let delegate = (lowest..i).rev().find(|&k| {
            t.sentence(k) + 1 >= sentence
                && words::is_delegate_noun(t.str(k))
                // "the representative, Fathi Abou Zriba," / "speaker Nabih Berri" are named.
                && !(t.same_sentence(k, k + 1) && t.is_capitalised(k + 1))
                && !(t.str(k + 1) == "," && t.is_capitalised(k + 2) && t.same_sentence(k, k + 2))
        })?;
        // Whose delegate: "of France", "France's", "The United States' delegate".
        let state = self
            .found
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .take_while(|f| f.start + 8 > delegate)
            .filter(|f| {
                t.same_sentence(f.start, delegate)
                    && f.start + 6 > delegate
                    && f.end < delegate + 6
                    && self.is_state(f.referent)
            })
            .min_by_key(|f| f.start.abs_diff(delegate))
            .map(|f| f.referent)?;
        let owned = t.same_sentence(i, i + 1)
            && matches!(
                t.str(i + 1),
                "country" | "delegation" | "Government" | "government"
            )
            && matches!(t.str(i), "his" | "His" | "her" | "Her");
        if owned {
            self.push(rules::mention::DELEGATE_PRONOUN, i, i + 2, state);
            return Some(i + 2);
        }
        Some(i + 1)
    }

    /// "he", "his", "she", "her": the most recent compatible person, preferring the
    /// subject (the first person named) of the sentence.
    pub(in crate::suggest::actors) fn pronoun(&mut self, i: usize, gender: Gender) {
        let t = self.t;
        // "For his part, Faye said …" (Xinhua's turn to the other speaker): the person
        // named right after.
        if i > 0
            && t.str(i - 1).eq_ignore_ascii_case("for")
            && t.str(i + 1) == "part"
            && t.str(i + 2) == ","
            && let Some((_, Some(p))) = self.people_names.longest(t, i + 3)
        {
            self.push(rules::mention::PRONOUN, i, i + 1, Referent::Person(p));
            return;
        }
        let sentence = t.sentence(i);
        let oldest = sentence.saturating_sub(2);
        let object = words::is_object_pronoun(t.str(i));
        let mut in_sentence: Option<usize> = None;
        let mut nearest_in_sentence: Option<usize> = None;
        let mut earlier: Option<(u32, usize)> = None;
        // A person who speaks in that sentence ("Ishiba said") is its subject, whoever
        // was named first ("After the talks with Lee, Ishiba said …. He added …").
        let mut earlier_speaker: Option<(u32, usize)> = None;
        // Bounded: a text without sentence ends must stay linear.
        for f in self.found.iter().rev().take(MAX_LOOK_BACK) {
            let s = t.sentence(f.start);
            if s < oldest {
                break;
            }
            let Referent::Person(p) = f.referent else {
                continue;
            };
            // "Mao Ning: We noted his remarks." — a speaker label is not an antecedent.
            if t.str(f.end) == ":" {
                continue;
            }
            if self.people[p].gender.is_some_and(|g| g != gender) {
                continue;
            }
            if s == sentence {
                // "… to President Mahama, who promised to make … his year": the person
                // the relative clause is about.
                let relative = nearest_in_sentence.is_none()
                    && t.str(f.end) == ","
                    && t.str(f.end + 1) == "who"
                    && f.end + 1 < i;
                if relative && !object {
                    in_sentence = Some(p);
                    break;
                }
                nearest_in_sentence.get_or_insert(p);
                in_sentence = Some(p);
            } else {
                match earlier {
                    Some((es, _)) if es > s => {}
                    _ => earlier = Some((s, p)),
                }
                let speaks =
                    words::is_reporting_verb(t.str(f.end)) || words::is_speaker_verb(t.str(f.end));
                if speaks && earlier_speaker.is_none_or(|(es, _)| es <= s) {
                    earlier_speaker = Some((s, p));
                }
            }
        }
        // "him" is not the person who acts in its own clause.
        if object && in_sentence.is_some() && in_sentence == nearest_in_sentence {
            in_sentence = None;
        }
        let earlier = match (earlier, earlier_speaker) {
            (Some((s, _)), Some((ss, p))) if s == ss => Some((s, p)),
            _ => earlier,
        };
        let Some(person) = in_sentence.or(earlier.map(|(_, p)| p)) else {
            return;
        };
        self.people[person].gender = Some(gender);
        self.push(rules::mention::PRONOUN, i, i + 1, Referent::Person(person));
    }

    /// "the top diplomat", "the minister", "the Chinese president": the most recent
    /// person whose role fits.
    pub(in crate::suggest::actors) fn epithet(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        if !matches!(t.str(i), "the" | "The") {
            return None;
        }
        // "The Secretary-General", "The Deputy Secretary" (a readout's way to name the
        // Deputy Secretary of State) are written capitalised.
        // "the chairperson", "the AU chair" of an organisation.
        let is_head = |word: &str| {
            words::is_epithet_head(word) || matches!(word, "Secretary" | "chairperson" | "chair")
        };
        let mut k = i + 1;
        let mut required: Vec<&str> = Vec::new();
        let mut state: Option<usize> = None;
        while k < t.len() && t.same_sentence(i, k) && k - i <= 3 {
            let word = t.str(k);
            if is_head(word) && !is_head(t.str(k + 1)) {
                break;
            }
            // "the Chinese president", "the UN chief": whose the person is.
            if let Some(hit) = self.hit_at(k).filter(|h| {
                h.how == MatchKind::Demonym
                    || matches!(
                        h.how,
                        MatchKind::Acronym | MatchKind::ShortForm | MatchKind::Name
                    ) && self.gazetteer.entry(h.entry).kind != "government_body"
            }) {
                state = Some(hit.entry);
                k = t.at_byte(hit.bytes.end);
                continue;
            }
            if !words::is_epithet_modifier(word) {
                return None;
            }
            if let Some(m) = words::list("role_modifiers")
                .iter()
                .find(|m| m.eq_ignore_ascii_case(word))
            {
                required.push(m);
            }
            k += 1;
        }
        let head_word = t.str(k);
        if !is_head(head_word) || !t.same_sentence(i, k) {
            return None;
        }
        // "the foreign minister Wang Yi" is a title before a name, not an epithet; so is
        // "The Chinese envoy, Fu Cong, said".
        if t.is_capitalised(k + 1) && t.same_sentence(k, k + 1) {
            return None;
        }
        if t.str(k + 1) == ","
            && t.is_capitalised(k + 2)
            && t.same_sentence(k, k + 2)
            && self.hit_at(k + 2).is_none()
        {
            return None;
        }
        // "the secretary-general"
        let general = head_word.eq_ignore_ascii_case("secretary")
            && t.str(k + 1) == "-"
            && t.joined(k + 1)
            && t.str(k + 2).eq_ignore_ascii_case("general");
        if !general && matches!(t.str(k + 1), "-" | "of") {
            return None;
        }
        // "the Secretary-General António Guterres" is a title before a name.
        if general && t.is_capitalised(k + 3) && t.same_sentence(k, k + 3) {
            return None;
        }
        let head = if general {
            "secretary-general".to_string()
        } else {
            head_word.to_lowercase()
        };
        let last = if general { k + 2 } else { k };
        let mut chosen = None;
        // "The Qatari prime minister" for the Qatari foreign minister met as a counterpart:
        // the head fits and the state is the person's, though a modifier does not.
        let mut of_state = None;
        for f in self.found.iter().rev().take(MAX_LOOK_BACK) {
            let Referent::Person(p) = f.referent else {
                continue;
            };
            let person = &self.people[p];
            let role = &person.role_lower;
            // "the AU chief" for the chairperson of its commission.
            let head_fits = words::role_fits(&head, role);
            let fits = head_fits
                && required.iter().all(|m| role.contains(m))
                && state.is_none_or(|s| {
                    person
                        .affiliation
                        .is_none_or(|a| self.same_actor(a, Referent::Entry(s)))
                });
            if fits {
                chosen = Some(p);
                break;
            }
            let states_own = state.is_some_and(|s| {
                person
                    .affiliation
                    .is_some_and(|a| self.same_actor(a, Referent::Entry(s)))
            });
            if head_fits && states_own && of_state.is_none() {
                of_state = Some(p);
            }
        }
        let person = chosen.or(of_state)?;
        self.push(
            rules::mention::EPITHET,
            i,
            last + 1,
            Referent::Person(person),
        );
        // The demonym inside ("the Chinese president") is a mention of its state too.
        if let Some(s) = state
            && let Some(hit) = (i + 1..k).find_map(|x| self.hit_at(x).cloned())
        {
            let (a, b) = (t.at_byte(hit.bytes.start), t.at_byte(hit.bytes.end));
            self.push(rules::mention::EPITHET, a, b, Referent::Entry(s));
        }
        Some(last + 1)
    }
}
