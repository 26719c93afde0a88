//! People: titles before names, appositions, speakers, short forms, pronouns and
//! epithets resolved to an earlier person.

use super::*;

/// Honorifics of South and Southeast Asian usage ("Shri Randhir Jaiswal", "Datuk Seri
/// Anwar") and military ranks written out before a name ("Captain Ibrahim Traoré"), which
/// are no part of the name.
const REGIONAL_HONORIFICS: &[&str] = &[
    "Shri",
    "Sri",
    "Smt",
    "Shrimati",
    "Datuk",
    "Dato",
    "Dato'",
    "Dato’",
    "Tan",
    "Bapak",
    "Pak",
    "Ibu",
    "Captain",
    "Colonel",
    "Lieutenant",
    "Major",
    "Marshal",
];

/// "His Excellency", "Her Majesty": a form of address before a name or title, whose
/// "His" is no pronoun. Where what it addresses starts.
pub(super) fn form_of_address(t: &Tokens, i: usize) -> Option<usize> {
    let addressed = i + 2;
    (matches!(t.str(i), "His" | "Her" | "his" | "her")
        && matches!(t.str(i + 1), "Excellency" | "Majesty" | "Highness")
        && t.is_capitalised(addressed)
        && t.same_sentence(i, addressed))
    .then_some(addressed)
}

/// Where the name after the honorific at `i` starts ("Shri Randhir"; "Tan" only as "Tan
/// Sri").
fn regional_honorific(t: &Tokens, i: usize) -> Option<usize> {
    let word = t.str(i);
    // "His Excellency Paul Kagame"; before a title ("His Excellency President …") the
    // title is read on its own.
    if let Some(end) = form_of_address(t, i) {
        return words::title_word(t.str(end)).is_none().then_some(end);
    }
    if !REGIONAL_HONORIFICS.contains(&word) || !t.is_capitalised(i + 1) {
        return None;
    }
    // "Datuk Seri", "Tan Sri": two-word honorifics.
    let second = matches!(t.str(i + 1), "Seri" | "Sri");
    if word == "Tan" && !second {
        return None;
    }
    let end = if second { i + 2 } else { i + 1 };
    (t.is_capitalised(end) && t.same_sentence(i, end)).then_some(end)
}

impl<'a, 't> Pass<'a, 't> {
    /// A title phrase starting at `i` ("Foreign Minister", "Secretary of State",
    /// "spokesperson", "Mr."): its end token (exclusive), whether it names a role, or
    /// `None`.
    pub(super) fn title(&self, i: usize) -> Option<(usize, bool)> {
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
    pub(super) fn name(&self, j: usize) -> Option<usize> {
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
    pub(super) fn known_form_at(&self, k: usize) -> bool {
        let start = self.t.list[k].start;
        self.hits[self.hit_cursor.min(self.hits.len())..]
            .iter()
            .take_while(|h| h.bytes.start <= start)
            .any(|h| h.bytes.start == start)
    }

    /// "Foreign Minister Wang Yi", "spokesperson Mao Ning", "Mr. Lula".
    pub(super) fn title_and_name(&mut self, i: usize) -> Option<usize> {
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
    fn state_of_title(&self, title_end: usize) -> Option<(usize, usize, usize)> {
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
    pub(super) fn unnamed_counterpart(&mut self, i: usize) -> Option<usize> {
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
    fn counterpart_role(&self, i: usize, role: String) -> String {
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
    pub(super) fn affiliation_before(&self, title_start: usize) -> Option<Referent> {
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

    /// The person named by tokens `start..end`: one already met or in the project, or a
    /// new one. A role or affiliation given now fills an empty one.
    pub(super) fn person(
        &mut self,
        start: usize,
        end: usize,
        role: String,
        affiliation: Option<Referent>,
        gender: Option<Gender>,
    ) -> usize {
        let t = self.t;
        let name = t.text[t.list[start].start..t.list[end - 1].end].to_string();
        let known = match self.project_names.longest(t, start) {
            Some((e, id)) if e == end && self.project_kind(id) == Some("person") => {
                Some(self.project_person(id))
            }
            _ => match self.people_names.longest(t, start) {
                Some((e, Some(p))) if e == end => Some(p),
                _ => self.people.iter().position(|p| p.name == name),
            },
        };
        let index = match known {
            Some(p) => p,
            None => {
                self.people.push(Person {
                    name,
                    role: String::new(),
                    role_lower: String::new(),
                    affiliation: None,
                    gender: None,
                    project: None,
                });
                self.people.len() - 1
            }
        };
        let person = &mut self.people[index];
        if person.role.is_empty() {
            person.role_lower = role.to_lowercase();
            person.role = role;
        }
        if person.affiliation.is_none() {
            person.affiliation = affiliation;
        }
        if person.gender.is_none() {
            person.gender = gender;
        }
        self.learn_name(start, end, index);
        index
    }

    /// The person record standing for a project actor of kind "person".
    pub(super) fn project_person(&mut self, id: Id) -> usize {
        if let Some(&p) = self.person_of_project.get(&id) {
            return p;
        }
        let actor = self.project.actor(id);
        self.people.push(Person {
            name: actor.map(|a| a.name.clone()).unwrap_or_default(),
            role: actor.map(|a| a.role.clone()).unwrap_or_default(),
            role_lower: actor.map(|a| a.role.to_lowercase()).unwrap_or_default(),
            affiliation: actor.and_then(|a| a.affiliation).map(Referent::Project),
            gender: None,
            project: Some(id),
        });
        let p = self.people.len() - 1;
        self.person_of_project.insert(id, p);
        p
    }

    /// Adds the full name and its short forms (every run of name words that starts and
    /// ends with a capitalised word: "Wang", "Lula", "da Silva", "Lula da Silva").
    pub(super) fn learn_name(&mut self, start: usize, end: usize, person: usize) {
        let t = self.t;
        let parts: Vec<usize> = (start..end).filter(|&k| t.is_word(k)).collect();
        let joined = |a: usize, b: usize| t.text[t.list[a].start..t.list[b].end].to_string();
        self.people_names
            .insert(&joined(start, end - 1), Some(person));
        for (x, &a) in parts.iter().enumerate() {
            for &b in &parts[x..] {
                if (a, b) == (start, end - 1) {
                    continue;
                }
                let single = a == b;
                let first = t.str(a);
                let opens = t.is_capitalised(a) || (words::is_particle(first) && !single);
                let closes = t.is_capitalised(b);
                if !opens || !closes || (single && first.chars().count() < 2) {
                    continue;
                }
                // A hyphenated part ("Sudani" in "al-Sudani") is no short form alone.
                if t.str(a.wrapping_sub(1)) == "-" && a > start && t.joined(a) {
                    continue;
                }
                // "Israel" of Israel Katz stays the state's.
                if self
                    .hit_at(a)
                    .is_some_and(|h| t.at_byte(h.bytes.end) == b + 1)
                {
                    continue;
                }
                let phrase = joined(a, b);
                let value = match self.people_names.longest(t, a) {
                    Some((e, Some(other))) if e == b + 1 && other != person => None,
                    _ => Some(person),
                };
                self.people_names.insert(&phrase, value);
            }
        }
    }

    /// "Wang Yi (王毅)": the name in its own script right after, as the same person.
    pub(super) fn script_alias(&mut self, name_end: usize, person: usize) -> usize {
        let t = self.t;
        let cjk = t.str(name_end) == "("
            && t.is_word(name_end + 1)
            && t.str(name_end + 1).chars().all(crate::text::tokens::is_cjk)
            && t.str(name_end + 2) == ")";
        if !cjk {
            return name_end;
        }
        self.learn_name(name_end + 1, name_end + 2, person);
        self.push(
            rules::mention::SCRIPT_ALIAS,
            name_end + 1,
            name_end + 2,
            Referent::Person(person),
        );
        name_end + 3
    }

    /// A name without a title: "Wang Yi, China's foreign minister," (apposition), or
    /// "Wang Yi said" / "said Wang Yi" (a speaker).
    pub(super) fn untitled_person(&mut self, i: usize) -> Option<usize> {
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
    fn spokesperson_label(&mut self, i: usize) -> Option<usize> {
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

    /// "Both ministers confirmed their commitment": "they", "their", "them" after a
    /// collective reference to people in the same sentence are a mention of each.
    fn plural_pronoun(&mut self, i: usize) -> bool {
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
    fn previous_subject(&self, i: usize) -> Vec<Referent> {
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

    /// "Omar Alieu Touray, who heads the ECOWAS Commission, welcomed …", "…
    /// Mohamed Ould Ghazouani, who told the summit …": the name before a relative clause
    /// that reports, or whose verb after it reports.
    fn speaks_after_relative(&self, end: usize) -> bool {
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
    fn journalist(&self, i: usize, end: usize) -> bool {
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

    /// "Sudan's ambassador to the UN, Al-Harith Mohamed," / "His spokesman, Stéphane
    /// Dujarric,": a lower-case title (and what completes it) before the comma in front
    /// of the name at `i..end`, and the state written before the title.
    pub(super) fn title_before_comma(
        &self,
        i: usize,
        end: usize,
    ) -> Option<(String, Option<Referent>)> {
        let t = self.t;
        // "The council's president for November, Sierra Leone's Michael Kanu,": the state
        // between the comma and the name is the person's.
        let (i, state_before) = match self.found.last() {
            Some(f)
                if f.end + 1 == i
                    && t.list[f.end].kind == Kind::Possessive
                    && self.is_state(f.referent) =>
            {
                (f.start, Some(f.referent))
            }
            _ => (i, None),
        };
        if i < 2 || t.str(i - 1) != "," || !matches!(t.str(end), "," | "." | ")") {
            return None;
        }
        let mut h = i - 2;
        loop {
            let word = t.str(h);
            if !t.same_sentence(h, i) || h + 7 < i {
                return None;
            }
            // "Sudan's ambassador to the UN, Name," / "Mexico's Foreign Secretary, Name,"
            // / "the Official Spokesperson of the Ministry of External Affairs, Name,".
            if self.title_at(h) == Some(TitleWord::Head) {
                break;
            }
            let completes =
                matches!(word, "to" | "the" | "for" | "at" | "of" | "in") || t.is_capitalised(h);
            if !completes || h == 0 {
                return None;
            }
            h -= 1;
        }
        let mut before = h;
        while before > 0 && self.title_at(before - 1) == Some(TitleWord::Modifier) {
            before -= 1;
        }
        let role = t.text[t.list[before].start..t.list[i - 2].end].to_string();
        let affiliation = self
            .found
            .iter()
            .rev()
            .take(8)
            .find(|f| {
                f.end == before || (f.end + 1 == before && t.list[f.end].kind == Kind::Possessive)
            })
            .map(|f| f.referent)
            .filter(|&r| {
                self.is_state(r) || matches!(self.kind(r), "international_org" | "regional_group")
            });
        Some((role, state_before.or(affiliation)))
    }

    /// ", [the|a] [China's|Chinese] foreign minister" after a name: the role and the
    /// state.
    pub(super) fn apposition(&self, name_end: usize) -> Option<(String, Option<Referent>)> {
        let t = self.t;
        if t.str(name_end) != "," {
            return None;
        }
        let mut k = name_end + 1;
        if matches!(t.str(k), "the" | "a" | "an") {
            k += 1;
        }
        let mut affiliation = None;
        let start = t.list.get(k)?.start;
        let hit = self.hits[self.hit_cursor.min(self.hits.len())..]
            .iter()
            .take_while(|h| h.bytes.start <= start)
            .find(|h| h.bytes.start == start);
        if let Some(hit) = hit {
            affiliation = Some(Referent::Entry(hit.entry));
            k = t.at_byte(hit.bytes.end);
            if t.list.get(k).is_some_and(|x| x.kind == Kind::Possessive) {
                k += 1;
            }
        }
        let (title_end, names_role) = self.title(k)?;
        if !names_role || !t.same_sentence(name_end, title_end.saturating_sub(1)) {
            return None;
        }
        // ", Foreign Minister Wang Yi" is a title before another name.
        if t.same_sentence(k, title_end) && self.name(title_end).is_some() {
            return None;
        }
        let role = t.text[t.list[k].start..t.list[title_end - 1].end].to_string();
        Some((role, affiliation.or_else(|| self.state_after(title_end))))
    }

    /// "The representative of France said his country …", "he said": in meetings
    /// coverage a pronoun after an unnamed delegate is that delegate, no actor; "his
    /// country" / "her delegation" / "his Government" is the delegate's state. The token
    /// after what was consumed, if the pronoun at `i` is such a one.
    pub(super) fn delegate_pronoun(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn pronoun(&mut self, i: usize, gender: Gender) {
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
    pub(super) fn epithet(&mut self, i: usize) -> Option<usize> {
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
            if let Some(m) = words::ROLE_MODIFIERS
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
            let head_fits =
                words::role_fits(&head, role) || (head == "chief" && role.contains("chair"));
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
