//! Names: a title before a name ("Foreign Minister Wang Yi"), names without a title
//! found from their shape and context, unnamed counterparts, spokesperson labels.

use super::*;

impl<'a, 't> Pass<'a, 't> {
    /// A title phrase starting at `i` ("Foreign Minister", "Secretary of State",
    /// "spokesperson", "Mr."): its end token (exclusive), whether it names a role, or
    /// `None`.
    pub(in crate::suggest::actors) fn title(&self, i: usize) -> Option<(usize, bool)> {
        let t = self.t;
        if let Some(end) = regional_honorific(t, i) {
            return Some((end, false));
        }
        if self.title_at(i) == Some(TitleWord::Honorific) {
            let end = if t.str(i + 1) == "." && t.joined(i + 1) {
                i + 2
            } else {
                i + 1
            };
            return Some((end, false));
        }
        let mut j = i;
        let mut head_seen = false;
        let mut end = None;
        while j < t.len() && t.same_sentence(i, j) {
            let word = t.str(j);
            if t.is_word(j) {
                match self.title_at(j) {
                    Some(TitleWord::Head) => head_seen = true,
                    Some(TitleWord::Modifier) => {}
                    Some(TitleWord::Honorific) => break,
                    None => {
                        // "Spokesman for Secretary-General António Guterres": the name
                        // after is whom the spokesman speaks for.
                        let speaks_for =
                            word == "for" && t.str(j - 1).to_lowercase().starts_with("spokes");
                        if speaks_for {
                            break;
                        }
                        let title_word_at = |k: usize| {
                            t.same_sentence(j, k)
                                && self.title_at(k).is_some_and(|w| w != TitleWord::Honorific)
                        };
                        // A capitalised portfolio word inside a long title: "Prime Cabinet
                        // Secretary and Cabinet Secretary for Foreign and Diaspora Affairs".
                        // Not a body's name ("Foreign Ministry Spokesperson").
                        let bridge = |k: usize| {
                            t.is_capitalised(k)
                                && !words::is_institution_word(t.str(k))
                                && title_word_at(k + 1)
                        };
                        if j > i && bridge(j) {
                            j += 1;
                            continue;
                        }
                        let joiner = j > i && matches!(word, "of" | "for" | "and");
                        if joiner && (title_word_at(j + 1) || bridge(j + 1)) {
                            j += 1;
                            continue;
                        }
                        break;
                    }
                }
                j += 1;
                if head_seen {
                    end = Some(j);
                }
            } else if word == "-" && j > i && t.joined(j) && t.joined(j + 1) {
                j += 1; // "Secretary-General", "President-elect"
            } else {
                break;
            }
        }
        end.map(|e| (e, true))
    }

    /// A person's name starting at `j`: its end token (exclusive). Capitalised words,
    /// particles inside ("da Silva", "al-Sisi"), hyphens and initials ("R.").
    pub(in crate::suggest::actors) fn name(&self, j: usize) -> Option<usize> {
        let t = self.t;
        let mut k = j;
        let mut end = None;
        let mut words_taken = 0;
        while k < t.len() && t.same_sentence(j, k) && words_taken < 6 {
            let word = t.str(k);
            if !t.is_word(k) {
                let hyphen = matches!(word, "-" | "‐") && k > j && t.joined(k) && t.joined(k + 1);
                if hyphen && t.is_word(k + 1) {
                    k += 1;
                    continue;
                }
                break;
            }
            if t.is_capitalised(k) && !word.ends_with('.') {
                if words::is_institution_word(word) {
                    return None;
                }
                let starts_other = k > j && self.known_form_at(k);
                // "General Secretary To Lam": after a title, a short word that usually
                // opens sentences can start a name when another name word follows.
                let opens_name_after_title = k == j
                    && j > 0
                    && self.title_at(j - 1).is_some()
                    && self.title_at(k).is_none()
                    && t.is_capitalised(k + 1)
                    && t.same_sentence(k, k + 1)
                    && !self.not_name_at(k + 1);
                if (self.not_name_at(k) && !opens_name_after_title) || starts_other {
                    break;
                }
                k += 1;
                words_taken += 1;
                let initial = word.chars().count() == 1
                    && t.str(k) == "."
                    && t.joined(k)
                    && t.is_capitalised(k + 1);
                // "Surangel Whipps Jr.": the suffix keeps its period.
                let suffix =
                    k > j + 1 && matches!(word, "Jr" | "Sr") && t.str(k) == "." && t.joined(k);
                if initial || suffix {
                    k += 1;
                }
                end = Some(k);
                continue;
            }
            // "de la Fuente", "von der Leyen": two particles before the surname.
            let two_particles = words::is_particle(t.str(k + 1))
                && t.is_capitalised(k + 2)
                && t.same_sentence(k, k + 2);
            let particle_continues = words::is_particle(word)
                && (t.is_capitalised(k + 1)
                    || two_particles
                    || (t.str(k + 1) == "-" && t.joined(k + 1)));
            let after_hyphen = k > j && t.str(k - 1) == "-" && t.joined(k);
            if after_hyphen && word.chars().all(char::is_lowercase) {
                k += 1; // "Lee Jae-myung"
                end = Some(k);
                continue;
            }
            if particle_continues {
                k += 1;
                continue;
            }
            break;
        }
        end
    }

    /// True when a gazetteer form starts at token `k`.
    pub(in crate::suggest::actors) fn known_form_at(&self, k: usize) -> bool {
        let start = self.t.list[k].start;
        self.hits[self.hit_cursor.min(self.hits.len())..]
            .iter()
            .take_while(|h| h.bytes.start <= start)
            .any(|h| h.bytes.start == start)
    }

    /// "Foreign Minister Wang Yi", "spokesperson Mao Ning", "Mr. Lula".
    pub(in crate::suggest::actors) fn title_and_name(&mut self, i: usize) -> Option<usize> {
        let (title_end, names_role) = self.title(i)?;
        // "Minister of Foreign Affairs of the Republic of Türkiye Hakan Fidan": the state
        // the title is of, then the name.
        let of_state = if names_role {
            self.state_of_title(title_end)
        } else {
            None
        };
        let name_start = of_state.map_or(title_end, |(_, after, _)| after);
        // "… Minister Beijing": a known name alone after a title is not a person's
        // ("Defense Minister Israel Katz" is).
        if let Some(hit) = self.hit_at(name_start) {
            let after = self.t.at_byte(hit.bytes.end);
            if !self.t.is_capitalised(after) || !self.t.same_sentence(name_start, after) {
                return None;
            }
        }
        let name_end = self.name(name_start)?;
        let t = self.t;
        let role = if names_role {
            match &t.text[t.list[i].start..t.list[title_end - 1].end] {
                "FM" => "Foreign Minister".to_string(),
                "PM" => "Prime Minister".to_string(),
                written => written.to_string(),
            }
        } else {
            String::new()
        };
        // "his Qatari counterpart, Sheikh Mohammed …": a title of address after the comma;
        // the title before it says the role and the state.
        // So does "The Chairperson of the AU Commission, H.E. Mahmoud Ali Youssouf,".
        let address = title_end == i + 1 && words::title_gender(&role).is_some();
        let before_comma = (address || !names_role)
            .then(|| self.title_before_comma(i, name_end))
            .flatten();
        let (role, comma_state) = match before_comma {
            Some((written, state)) => (written, state),
            None => (role, None),
        };
        let role = self.counterpart_role(i, role);
        let affiliation = of_state
            .map(|(_, _, e)| Referent::Entry(e))
            .or(comma_state)
            .or_else(|| self.affiliation_before(i))
            .or_else(|| self.state_after(name_end));
        let gender = words::title_gender(&t.text[t.list[i].start..t.list[title_end - 1].end]);
        if let Some((state_start, state_end, e)) = of_state {
            self.push(
                rules::mention::TITLE_AND_NAME,
                state_start,
                state_end,
                Referent::Entry(e),
            );
        }
        let person = self.person(name_start, name_end, role, affiliation, gender);
        self.push(
            rules::mention::TITLE_AND_NAME,
            name_start,
            name_end,
            Referent::Person(person),
        );
        Some(self.script_alias(name_end, person))
    }

    /// "… of [the] [Republic of] Türkiye" after a title, with a name right after the
    /// state: the state's tokens and its gazetteer entry.
    pub(in crate::suggest::actors) fn state_of_title(
        &self,
        title_end: usize,
    ) -> Option<(usize, usize, usize)> {
        let t = self.t;
        if t.str(title_end) != "of" {
            return None;
        }
        let mut k = title_end + 1;
        if t.str(k) == "the" {
            k += 1;
        }
        for x in k..k + 3 {
            if !t.same_sentence(title_end, x) {
                return None;
            }
            if let Some(hit) = self.hit_at(x) {
                let entry = hit.entry;
                let after = t.at_byte(hit.bytes.end);
                let named = t.same_sentence(x, after)
                    && t.is_capitalised(after)
                    && !self.not_name_at(after)
                    && self.hit_at(after).is_none()
                    && self.name(after).is_some();
                return (named && self.is_state(Referent::Entry(entry)))
                    .then_some((x, after, entry));
            }
            if !(t.is_capitalised(x) || t.str(x) == "of") {
                return None;
            }
        }
        None
    }

    /// "his South Korean counterpart said", "Lee's Japanese counterpart": with no name
    /// after it, the counterpart is the latest person of the state written before it.
    pub(in crate::suggest::actors) fn unnamed_counterpart(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        if t.str(i) != "counterpart" || (t.is_capitalised(i + 1) && t.same_sentence(i, i + 1)) {
            return None;
        }
        let state = self.affiliation_before(i).filter(|&r| self.is_state(r))?;
        // Whose counterpart: "His" or "Lee's" right before the demonym. The counterpart
        // holds the same kind of office (a leader's is a leader, a foreign minister's a
        // foreign minister), or "Wang met his Kazakh counterpart" would find Kazakhstan's
        // president.
        let demonym = self.found.last()?;
        let owner = self
            .found
            .iter()
            .rev()
            .nth(1)
            .filter(|f| f.end == demonym.start || f.end + 1 == demonym.start)
            .and_then(|f| match f.referent {
                Referent::Person(p) => Some(p),
                _ => None,
            })?;
        let office = words::office_kind(&self.people[owner].role_lower)?;
        let person =
            self.found
                .iter()
                .rev()
                .take(MAX_LOOK_BACK)
                .find_map(|f| match f.referent {
                    Referent::Person(p)
                        if self.people[p]
                            .affiliation
                            .is_some_and(|a| self.same_actor(a, state))
                            && words::office_kind(&self.people[p].role_lower) == Some(office) =>
                    {
                        Some(p)
                    }
                    _ => None,
                })?;
        self.push(
            rules::mention::UNNAMED_COUNTERPART,
            i,
            i + 1,
            Referent::Person(person),
        );
        Some(i + 1)
    }

    /// "his Turkish counterpart Hakan Fidan": a counterpart holds the role of the person
    /// named before in the sentence, so that "the Turkish minister" finds him later.
    pub(in crate::suggest::actors) fn counterpart_role(&self, i: usize, role: String) -> String {
        if !role.to_lowercase().ends_with("counterpart") {
            return role;
        }
        let t = self.t;
        self.found
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .take_while(|f| t.same_sentence(f.start, i))
            .find_map(|f| match f.referent {
                Referent::Person(p)
                    if !self.people[p].role_lower.is_empty()
                        && !self.people[p].role_lower.ends_with("counterpart") =>
                {
                    Some(self.people[p].role.clone())
                }
                _ => None,
            })
            .unwrap_or(role)
    }

    /// The state or organisation written just before a title ("Chinese", "China's",
    /// "UN"); for a body ("Foreign Ministry Spokesperson") the body's state.
    pub(in crate::suggest::actors) fn affiliation_before(
        &self,
        title_start: usize,
    ) -> Option<Referent> {
        let last = self.found.last()?;
        let mut end = last.end;
        if self
            .t
            .list
            .get(end)
            .is_some_and(|t| t.kind == Kind::Possessive)
        {
            end += 1;
        }
        if end != title_start {
            return None;
        }
        // "Britain's U.N. Ambassador", "China's UN envoy": the state's envoy to the
        // organisation.
        if matches!(
            self.kind(last.referent),
            "international_org" | "regional_group"
        ) && let Some(before) = self.found.iter().rev().nth(1)
            && before.end + 1 == last.start
            && self.t.list[before.end].kind == Kind::Possessive
            && self.is_state(before.referent)
        {
            return Some(before.referent);
        }
        match last.referent {
            Referent::Body(b) => self.bodies[b].affiliation,
            Referent::Person(_) => None,
            Referent::Entry(e) if self.gazetteer.entry(e).kind == "government_body" => {
                self.gazetteer.parent(e).map(Referent::Entry)
            }
            other => Some(other),
        }
    }

    /// A name without a title: "Wang Yi, China's foreign minister," (apposition), or
    /// "Wang Yi said" / "said Wang Yi" (a speaker).
    pub(in crate::suggest::actors) fn untitled_person(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        if let Some(next) = self.spokesperson_label(i) {
            return Some(next);
        }
        if self.plural_pronoun(i) {
            return Some(i + 1);
        }
        if !t.is_capitalised(i) || self.not_name_at(i) {
            return None;
        }
        let end = self.name(i)?;
        let word_count = (i..end).filter(|&k| t.is_word(k)).count();
        // One word ("Sugiono, Minister of Foreign Affairs") only with an apposition, and
        // not an adverb opening the sentence ("Separately, the minister …").
        if word_count < 2 && t.str(i).ends_with("ly") {
            return None;
        }
        // "His spokesman, Stéphane Dujarric, told …": the title before the comma.
        if let Some((role, affiliation)) = self.title_before_comma(i, end) {
            let gender = words::title_gender(&role);
            let person = self.person(i, end, role, affiliation, gender);
            self.push(
                rules::mention::UNTITLED_PERSON,
                i,
                end,
                Referent::Person(person),
            );
            return Some(self.script_alias(end, person));
        }
        if let Some((role, affiliation)) = self.apposition(end) {
            let gender = words::title_gender(&role);
            let person = self.person(i, end, role, affiliation, gender);
            self.push(
                rules::mention::UNTITLED_PERSON,
                i,
                end,
                Referent::Person(person),
            );
            return Some(self.script_alias(end, person));
        }
        let verb_after = words::is_reporting_verb(t.str(end)) || words::is_speaker_verb(t.str(end));
        // "according to Zhang Wei,"
        let according =
            i >= 2 && t.str(i - 1) == "to" && t.str(i - 2).eq_ignore_ascii_case("according");
        let verb_before = i > 0 && (words::is_reporting_verb(t.str(i - 1)) || according) && {
            let after = t.str(end);
            matches!(after, "," | "." | ";" | ")") || end >= t.len() || !t.same_sentence(i, end)
        };
        // "met Kassym-Jomart Tokayev", "talks with Anthony Albanese".
        let meeting = i > 0 && words::is_meeting_word(t.str(i - 1)) && t.same_sentence(i - 1, i);
        if word_count < 2
            || !(verb_after
                || verb_before
                || meeting
                || self.speaks_after_relative(end)
                || self.journalist(i, end))
        {
            return None;
        }
        let person = self.person(i, end, String::new(), None, None);
        self.push(
            rules::mention::UNTITLED_PERSON,
            i,
            end,
            Referent::Person(person),
        );
        Some(self.script_alias(end, person))
    }

    /// "Spokesman: …" opening a transcript paragraph: the spokesperson named before (or
    /// later met first), as a mention spanning the label.
    pub(in crate::suggest::actors) fn spokesperson_label(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let word = t.str(i);
        let label = (i == 0 || t.list[i].newline_before)
            && t.str(i + 1) == ":"
            && t.joined(i + 1)
            && matches!(
                word,
                "Spokesman" | "Spokesperson" | "Spokeswoman" | "SPOKESMAN" | "SPOKESPERSON"
            );
        if !label {
            return None;
        }
        let spokes = |p: &Person| p.role_lower.contains("spokes");
        let person = self
            .found
            .iter()
            .rev()
            .find_map(|f| match f.referent {
                Referent::Person(p) if spokes(&self.people[p]) => Some(p),
                _ => None,
            })
            .or_else(|| self.people.iter().position(spokes))?;
        self.push(
            rules::mention::SPOKESPERSON_LABEL,
            i,
            i + 1,
            Referent::Person(person),
        );
        Some(i + 1)
    }

    /// "Omar Alieu Touray, who heads the ECOWAS Commission, welcomed …", "…
    /// Mohamed Ould Ghazouani, who told the summit …": the name before a relative clause
    /// that reports, or whose verb after it reports.
    pub(in crate::suggest::actors) fn speaks_after_relative(&self, end: usize) -> bool {
        let t = self.t;
        if t.str(end) != "," || t.str(end + 1) != "who" {
            return false;
        }
        let reports = |k: usize| words::is_reporting_verb(t.str(k)) && t.same_sentence(end, k);
        // "who told", "who also said"
        let adverb = matches!(t.str(end + 2), "also" | "later" | "earlier" | "then");
        if reports(end + 2) || (adverb && reports(end + 3)) {
            return true;
        }
        (end + 3..end + 20)
            .take_while(|&k| t.same_sentence(end, k))
            .find(|&k| t.str(k) == ",")
            .is_some_and(|k| {
                let verb = t.str(k + 1);
                words::is_reporting_verb(verb) || words::is_speaker_verb(verb)
            })
    }

    /// "Question: Edith Lederer, Associated Press. Has …": a journalist introduced with
    /// the outlet they work for, at the start of a sentence.
    pub(in crate::suggest::actors) fn journalist(&self, i: usize, end: usize) -> bool {
        let t = self.t;
        let opens = i == 0 || !t.same_sentence(i - 1, i) || matches!(t.str(i - 1), ":" | ".");
        if !opens || t.str(end) != "," {
            return false;
        }
        self.hit_at(end + 1).is_some_and(|h| {
            let after = t.at_byte(h.bytes.end);
            self.gazetteer.entry(h.entry).kind == "media"
                && matches!(t.str(after), "." | "," | "?" | ":")
        })
    }
}
