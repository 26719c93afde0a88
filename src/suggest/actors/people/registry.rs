//! The people found, one entry each: those of the project's registry, those the text
//! introduces, and the forms each is known by (short names, other scripts).

use super::*;

impl<'a, 't> Pass<'a, 't> {
    /// The person named by tokens `start..end`: one already met or in the project, or a
    /// new one. A role or affiliation given now fills an empty one.
    pub(in crate::suggest::actors) fn person(
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
    pub(in crate::suggest::actors) fn project_person(&mut self, id: Id) -> usize {
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
    pub(in crate::suggest::actors) fn learn_name(
        &mut self,
        start: usize,
        end: usize,
        person: usize,
    ) {
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
    pub(in crate::suggest::actors) fn script_alias(
        &mut self,
        name_end: usize,
        person: usize,
    ) -> usize {
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
}
