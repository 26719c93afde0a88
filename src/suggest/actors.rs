//! Actor mentions: gazetteer names, the project's actors and aliases, people with titles,
//! later short forms, pronouns and epithets resolved to an earlier person, government
//! bodies and collective references ("both sides").
//!
//! One left-to-right pass over the document's tokens. At each word the rules are tried in
//! order: a title followed by a name (a person), the longest known name (project actor,
//! person already met, gazetteer form), a government body, a pronoun, epithet or
//! collective reference, and a name introduced by an apposition or a reporting verb.
//! People and bodies found on the way are kept for the later references; every mention
//! becomes an `ActorRef` at the end, so a person's `NewActor` is the same in all of them.

mod fnv;
mod tokens;
mod words;

use super::gazetteer::{Hit, MatchKind};
use super::{ActorRef, Detail, Gazetteer, NewActor, Suggestion, SuggestionKind};
use crate::model::{Document, Id, Project};
use fnv::{FastMap as HashMap, FastSet as HashSet};
use tokens::{Kind, Tokens};
use words::{Collective, Gender, TitleWord};

/// Mention suggestions for `document`, in text order.
pub fn mentions(project: &Project, document: &Document, gazetteer: &Gazetteer) -> Vec<Suggestion> {
    let tokens = Tokens::new(document.text());
    let mut pass = Pass::new(project, gazetteer, &tokens);
    pass.run();
    pass.finish()
}

/// What a mention refers to while the pass runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Referent {
    Project(Id),
    Entry(usize),
    Person(usize),
    Body(usize),
}

struct Person {
    name: String,
    role: String,
    /// `role` in lower case, for the epithet and collective rules.
    role_lower: String,
    affiliation: Option<Referent>,
    gender: Option<Gender>,
    project: Option<Id>,
}

struct Body {
    /// The gazetteer's entry for this body, when it has one ("U.S. Department of State").
    entry: Option<usize>,
    /// The project actor with this body's name or alias.
    project: Option<Id>,
    name: String,
    aliases: Vec<String>,
    /// What the body does, to find it again ("foreign" for a foreign ministry).
    function: String,
    affiliation: Option<Referent>,
    /// An `ActorKinds` key: "government_body" for ministries, a guess for organisations
    /// the text introduces with their acronym.
    kind: &'static str,
}

/// One mention found: tokens `start..end`.
#[derive(Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    referent: Referent,
}

/// Phrases (token sequences) mapped to values; the longest phrase at a token wins.
struct Lexicon<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T: Copy + PartialEq> Lexicon<T> {
    fn new() -> Self {
        Self {
            by_first: HashMap::default(),
        }
    }

    fn insert(&mut self, phrase: &str, value: T) {
        let tokens = Tokens::new(phrase);
        let mut words: Vec<String> = (0..tokens.len())
            .map(|i| tokens.str(i).to_string())
            .collect();
        if words.first().is_some_and(|w| w == "the" || w == "The") {
            words.remove(0);
        }
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        if let Some(existing) = list.iter_mut().find(|(w, _)| *w == words) {
            existing.1 = value;
            return;
        }
        list.push((words, value));
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// The longest phrase starting at token `i`: its end token (exclusive) and value.
    fn longest(&self, tokens: &Tokens, i: usize) -> Option<(usize, T)> {
        let list = self.by_first.get(tokens.str(i))?;
        list.iter().find_map(|(words, value)| {
            let fits = words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.same_sentence(i, i + k) && tokens.str(i + k) == w);
            fits.then_some((i + words.len(), *value))
        })
    }
}

struct Pass<'a, 't> {
    project: &'a Project,
    gazetteer: &'a Gazetteer,
    t: &'a Tokens<'t>,
    project_names: Lexicon<Id>,
    /// Names and short forms of people met so far; `None` marks a short form two people
    /// share.
    people_names: Lexicon<Option<usize>>,
    /// Organisations the text introduced with an acronym ("Rapid Support Forces (RSF)"):
    /// the full name and the acronym, to a body.
    org_names: Lexicon<usize>,
    hits: Vec<Hit>,
    /// The next gazetteer hit not yet looked at.
    hit_cursor: usize,
    /// Per token: how it takes part in a title, and whether it cannot be a name word —
    /// looked up once, as the rules ask about a word several times.
    titles: Vec<Option<TitleWord>>,
    not_names: Vec<bool>,
    people: Vec<Person>,
    person_of_project: HashMap<Id, usize>,
    bodies: Vec<Body>,
    /// Gazetteer entries the project has an actor for (same ISO3, CAMEO code or name).
    entry_actors: HashMap<usize, Id>,
    /// The gazetteer's foreign ministry of a state entry, looked up once per state.
    foreign_ministries: HashMap<usize, Option<usize>>,
    found: Vec<Found>,
    /// The last capital seen and whether it was taken as a place (for "in Beijing and
    /// Moscow").
    last_capital: Option<(usize, bool)>,
}

impl<'a, 't> Pass<'a, 't> {
    fn new(project: &'a Project, gazetteer: &'a Gazetteer, t: &'a Tokens<'t>) -> Self {
        let mut project_names = Lexicon::new();
        for actor in &project.actors {
            for name in actor.names() {
                project_names.insert(name, actor.id);
            }
        }
        let mut entry_actors = HashMap::default();
        let codes: HashMap<String, Id> = project
            .actors
            .iter()
            .flat_map(|a| {
                a.iso3
                    .iter()
                    .chain(a.cameo.iter())
                    .map(|c| (c.to_uppercase(), a.id))
            })
            .collect();
        let names: HashMap<String, Id> = project
            .actors
            .iter()
            .flat_map(|a| a.names().map(|n| (n.to_lowercase(), a.id)))
            .collect();
        if !project.actors.is_empty() {
            for (e, entry) in gazetteer.entries().iter().enumerate() {
                let by_code = entry
                    .iso3
                    .iter()
                    .chain(entry.cameo.iter())
                    .find_map(|c| codes.get(&c.to_uppercase()));
                let actor = by_code.or_else(|| names.get(&entry.name.to_lowercase()));
                if let Some(&id) = actor {
                    entry_actors.insert(e, id);
                }
            }
        }
        let titles: Vec<Option<TitleWord>> = (0..t.len())
            .map(|k| {
                if t.is_word(k) {
                    words::title_word(t.str(k))
                } else {
                    None
                }
            })
            .collect();
        let not_names = (0..t.len())
            .map(|k| titles[k].is_some() || (t.is_word(k) && words::not_name(t.str(k))))
            .collect();
        Self {
            project,
            gazetteer,
            t,
            titles,
            not_names,
            entry_actors,
            foreign_ministries: HashMap::default(),
            project_names,
            people_names: Lexicon::new(),
            org_names: Lexicon::new(),
            hits: gazetteer.find(t.text),
            hit_cursor: 0,
            people: Vec::new(),
            person_of_project: HashMap::default(),
            bodies: Vec::new(),
            found: Vec::new(),
            last_capital: None,
        }
    }

    fn title_at(&self, k: usize) -> Option<TitleWord> {
        self.titles.get(k).copied().flatten()
    }

    fn not_name_at(&self, k: usize) -> bool {
        self.not_names.get(k).copied().unwrap_or(false)
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.t.len() {
            i = if self.t.is_word(i) {
                self.at(i).unwrap_or(i + 1)
            } else {
                i + 1
            };
        }
    }

    /// Tries every rule at word `i`; the token after what was consumed, if any rule
    /// applied.
    fn at(&mut self, i: usize) -> Option<usize> {
        if let Some(next) = self.introduced_organisation(i) {
            return Some(next);
        }
        if let Some(next) = self.title_and_name(i) {
            return Some(next);
        }
        if let Some(next) = self.known_name(i) {
            return Some(next);
        }
        if let Some(next) = self.body(i) {
            return Some(next);
        }
        let word = self.t.str(i);
        if let Some(gender) = words::pronoun(word) {
            self.pronoun(i, gender);
            return Some(i + 1);
        }
        if word == "the" || word == "The" || word == "both" || word == "Both" {
            if let Some(next) = self.collective(i) {
                return Some(next);
            }
            if let Some(next) = self.epithet(i) {
                return Some(next);
            }
        }
        self.untitled_person(i)
    }

    // ----- people -------------------------------------------------------------------

    /// A title phrase starting at `i` ("Foreign Minister", "Secretary of State",
    /// "spokesperson", "Mr."): its end token (exclusive), whether it names a role, or
    /// `None`.
    fn title(&self, i: usize) -> Option<(usize, bool)> {
        let t = self.t;
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
                        let joiner = j > i && matches!(word, "of" | "for" | "and");
                        let next_is_title = self
                            .title_at(j + 1)
                            .is_some_and(|w| w != TitleWord::Honorific);
                        if joiner && next_is_title {
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
    fn name(&self, j: usize) -> Option<usize> {
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
                if initial {
                    k += 1;
                }
                end = Some(k);
                continue;
            }
            let particle_continues = words::is_particle(word)
                && (t.is_capitalised(k + 1) || (t.str(k + 1) == "-" && t.joined(k + 1)));
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
    fn known_form_at(&self, k: usize) -> bool {
        let start = self.t.list[k].start;
        self.hits[self.hit_cursor.min(self.hits.len())..]
            .iter()
            .take_while(|h| h.bytes.start <= start)
            .any(|h| h.bytes.start == start)
    }

    /// "Foreign Minister Wang Yi", "spokesperson Mao Ning", "Mr. Lula".
    fn title_and_name(&mut self, i: usize) -> Option<usize> {
        let (title_end, names_role) = self.title(i)?;
        // "… Minister Beijing": a known name alone after a title is not a person's
        // ("Defense Minister Israel Katz" is).
        if let Some(hit) = self.hit_at(title_end) {
            let after = self.t.at_byte(hit.bytes.end);
            if !self.t.is_capitalised(after) || !self.t.same_sentence(title_end, after) {
                return None;
            }
        }
        let name_end = self.name(title_end)?;
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
        let affiliation = self
            .affiliation_before(i)
            .or_else(|| self.state_after(name_end));
        let gender = words::title_gender(&t.text[t.list[i].start..t.list[title_end - 1].end]);
        let person = self.person(title_end, name_end, role, affiliation, gender);
        self.push(title_end, name_end, Referent::Person(person));
        Some(self.script_alias(name_end, person))
    }

    /// The state or organisation written just before a title ("Chinese", "China's",
    /// "UN"); for a body ("Foreign Ministry Spokesperson") the body's state.
    fn affiliation_before(&self, title_start: usize) -> Option<Referent> {
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
    fn person(
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
    fn project_person(&mut self, id: Id) -> usize {
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
    fn learn_name(&mut self, start: usize, end: usize, person: usize) {
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
    fn script_alias(&mut self, name_end: usize, person: usize) -> usize {
        let t = self.t;
        let cjk = t.str(name_end) == "("
            && t.is_word(name_end + 1)
            && t.str(name_end + 1).chars().all(tokens::is_cjk)
            && t.str(name_end + 2) == ")";
        if !cjk {
            return name_end;
        }
        self.learn_name(name_end + 1, name_end + 2, person);
        self.push(name_end + 1, name_end + 2, Referent::Person(person));
        name_end + 3
    }

    /// A name without a title: "Wang Yi, China's foreign minister," (apposition), or
    /// "Wang Yi said" / "said Wang Yi" (a speaker).
    fn untitled_person(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
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
            self.push(i, end, Referent::Person(person));
            return Some(self.script_alias(end, person));
        }
        if let Some((role, affiliation)) = self.apposition(end) {
            let gender = words::title_gender(&role);
            let person = self.person(i, end, role, affiliation, gender);
            self.push(i, end, Referent::Person(person));
            return Some(self.script_alias(end, person));
        }
        let verb_after = words::is_reporting_verb(t.str(end));
        // "according to Zhang Wei,"
        let according =
            i >= 2 && t.str(i - 1) == "to" && t.str(i - 2).eq_ignore_ascii_case("according");
        let verb_before = i > 0 && (words::is_reporting_verb(t.str(i - 1)) || according) && {
            let after = t.str(end);
            matches!(after, "," | "." | ";" | ")") || end >= t.len() || !t.same_sentence(i, end)
        };
        // "met Kassym-Jomart Tokayev", "talks with Anthony Albanese".
        let meeting = i > 0 && words::is_meeting_word(t.str(i - 1)) && t.same_sentence(i - 1, i);
        if word_count < 2 || !(verb_after || verb_before || meeting) {
            return None;
        }
        let person = self.person(i, end, String::new(), None, None);
        self.push(i, end, Referent::Person(person));
        Some(self.script_alias(end, person))
    }

    /// "Sudan's ambassador to the UN, Al-Harith Mohamed," / "His spokesman, Stéphane
    /// Dujarric,": a lower-case title (and what completes it) before the comma in front
    /// of the name at `i..end`, and the state written before the title.
    fn title_before_comma(&self, i: usize, end: usize) -> Option<(String, Option<Referent>)> {
        let t = self.t;
        if i < 2 || t.str(i - 1) != "," || !matches!(t.str(end), "," | "." | ")") {
            return None;
        }
        let mut h = i - 2;
        loop {
            let word = t.str(h);
            if !t.same_sentence(h, i) || h + 7 < i {
                return None;
            }
            if self.title_at(h) == Some(TitleWord::Head) && word.chars().all(char::is_lowercase) {
                break;
            }
            let completes =
                matches!(word, "to" | "the" | "for" | "at" | "of" | "in") || t.is_capitalised(h);
            if !completes || h == 0 {
                return None;
            }
            h -= 1;
        }
        let role = t.text[t.list[h].start..t.list[i - 2].end].to_string();
        let mut before = h;
        while before > 0 && self.title_at(before - 1) == Some(TitleWord::Modifier) {
            before -= 1;
        }
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
        Some((role, affiliation))
    }

    /// ", [the|a] [China's|Chinese] foreign minister" after a name: the role and the
    /// state.
    fn apposition(&self, name_end: usize) -> Option<(String, Option<Referent>)> {
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

    /// "he", "his", "she", "her": the most recent compatible person, preferring the
    /// subject (the first person named) of the sentence.
    fn pronoun(&mut self, i: usize, gender: Gender) {
        let t = self.t;
        let sentence = t.sentence(i);
        let oldest = sentence.saturating_sub(2);
        let object = words::is_object_pronoun(t.str(i));
        let mut in_sentence: Option<usize> = None;
        let mut nearest_in_sentence: Option<usize> = None;
        let mut earlier: Option<(u32, usize)> = None;
        for f in self.found.iter().rev() {
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
                nearest_in_sentence.get_or_insert(p);
                in_sentence = Some(p);
            } else {
                match earlier {
                    Some((es, _)) if es > s => {}
                    _ => earlier = Some((s, p)),
                }
            }
        }
        // "him" is not the person who acts in its own clause.
        if object && in_sentence.is_some() && in_sentence == nearest_in_sentence {
            in_sentence = None;
        }
        let Some(person) = in_sentence.or(earlier.map(|(_, p)| p)) else {
            return;
        };
        self.people[person].gender = Some(gender);
        self.push(i, i + 1, Referent::Person(person));
    }

    /// "the top diplomat", "the minister", "the Chinese president": the most recent
    /// person whose role fits.
    fn epithet(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        if !matches!(t.str(i), "the" | "The") {
            return None;
        }
        let mut k = i + 1;
        let mut required: Vec<&str> = Vec::new();
        let mut state: Option<usize> = None;
        while k < t.len() && t.same_sentence(i, k) && k - i <= 3 {
            let word = t.str(k);
            if words::is_epithet_head(word) && !words::is_epithet_head(t.str(k + 1)) {
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
        if !words::is_epithet_head(head_word) || !t.same_sentence(i, k) {
            return None;
        }
        // "the foreign minister Wang Yi" is a title before a name, not an epithet.
        if t.is_capitalised(k + 1) && t.same_sentence(k, k + 1) {
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
        let head = if general {
            "secretary-general".to_string()
        } else {
            head_word.to_lowercase()
        };
        let last = if general { k + 2 } else { k };
        let mut chosen = None;
        for f in self.found.iter().rev().take(MAX_LOOK_BACK) {
            let Referent::Person(p) = f.referent else {
                continue;
            };
            let person = &self.people[p];
            let role = &person.role_lower;
            let fits = words::role_fits(&head, role)
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
        }
        let person = chosen?;
        self.push(i, last + 1, Referent::Person(person));
        // The demonym inside ("the Chinese president") is a mention of its state too.
        if let Some(s) = state
            && let Some(hit) = (i + 1..k).find_map(|x| self.hit_at(x).cloned())
        {
            let (a, b) = (t.at_byte(hit.bytes.start), t.at_byte(hit.bytes.end));
            self.push(a, b, Referent::Entry(s));
        }
        Some(last + 1)
    }

    // ----- groups -------------------------------------------------------------------

    /// "both sides", "the two countries", "the two leaders": one mention per referent
    /// when the last two are clear; "the bloc": the last organisation or grouping.
    fn collective(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let first = t.str(i);
        let mut k = i + 1;
        let both = first.eq_ignore_ascii_case("both");
        // "the two …" / "both …"; "the leaders", "the Prime Ministers" only for people.
        let mut people_only = false;
        if !both {
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

    /// The two distinct referents of a kind mentioned last, when exactly two are in the
    /// closest window that has any (this and the previous sentence, then three before,
    /// then the whole text so far).
    fn last_two(
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
    fn described_group(&self, i: usize) -> Option<usize> {
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
    fn group(&mut self, i: usize, k: usize) -> Option<usize> {
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

    // ----- names the gazetteer and the project know ----------------------------------

    /// The gazetteer hit starting at token `k`, if any.
    fn hit_at(&self, k: usize) -> Option<&Hit> {
        let start = self.t.list.get(k)?.start;
        let from = self.hit_cursor.min(self.hits.len());
        let rest = &self.hits[from..];
        let at = rest.partition_point(|h| h.bytes.start < start);
        rest.get(at).filter(|h| h.bytes.start == start)
    }

    /// The longest of: a project actor's name or alias, a person's name or short form,
    /// a gazetteer form. Project names win ties, then people.
    fn known_name(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let start = t.list[i].start;
        while self.hit_cursor < self.hits.len() && self.hits[self.hit_cursor].bytes.start < start {
            self.hit_cursor += 1;
        }
        let hit = self
            .hits
            .get(self.hit_cursor)
            .filter(|h| h.bytes.start == start)
            .cloned();
        let gazetteer = hit.as_ref().map(|h| (t.at_byte(h.bytes.end), h));
        let project = self.project_names.longest(t, i);
        let organisation = self.org_names.longest(t, i);
        let person = self.people_names.longest(t, i).filter(|&(end, _)| {
            // "Wang" of Wang Yi is not the start of another name ("Wang Wenbin").
            let single = end == i + 1;
            !(single && t.is_capitalised(end) && t.same_sentence(i, end) && !self.not_name_at(end))
        });
        let best_len = [
            project.map(|p| p.0),
            person.map(|p| p.0),
            organisation.map(|o| o.0),
            gazetteer.as_ref().map(|g| g.0),
        ]
        .into_iter()
        .flatten()
        .max()?;
        if let Some((end, id)) = project.filter(|p| p.0 == best_len) {
            let referent = if self.project_kind(id) == Some("person") {
                let p = self.project_person(id);
                self.learn_name(i, end, p);
                Referent::Person(p)
            } else {
                Referent::Project(id)
            };
            self.push(i, end, referent);
            return Some(end);
        }
        if let Some((end, p)) = person.filter(|p| p.0 == best_len) {
            if let Some(p) = p {
                self.push(i, end, Referent::Person(p));
            }
            return Some(end);
        }
        if let Some((end, b)) = organisation.filter(|o| o.0 == best_len) {
            self.push(i, end, Referent::Body(b));
            return Some(end);
        }
        let (end, hit) = gazetteer?;
        let hit = hit.clone();
        if self.is_mention(&hit, i, end) && !self.inside_event_name(end) {
            self.push(i, end, Referent::Entry(hit.entry));
        }
        Some(end)
    }

    /// Whether a gazetteer hit at tokens `i..end` refers to its entry: a capital only
    /// as a metonym, a demonym only for the state.
    fn is_mention(&mut self, hit: &Hit, i: usize, end: usize) -> bool {
        match hit.how {
            MatchKind::Capital => {
                let place = self.capital_is_place(i, end);
                self.last_capital = Some((end, place));
                !place
            }
            // "in Brussels" is the city; "at the White House" still the body.
            MatchKind::Seat => {
                let t = self.t;
                !(i > 0 && t.same_sentence(i - 1, i) && self.place_word_before(i))
            }
            MatchKind::Demonym => {
                let kind = self.gazetteer.entry(hit.entry).kind.as_str();
                kind != "state" || self.demonym_for_state(end)
            }
            _ => true,
        }
    }

    /// "China-Central Asia Summit", "China International Import Expo": a state's name
    /// inside the name of an event or place is no reference to the state.
    fn inside_event_name(&self, end: usize) -> bool {
        let t = self.t;
        let mut k = end;
        let mut capitals = 0;
        while k < t.len() && k < end + 7 && t.same_sentence(end, k) {
            let word = t.str(k);
            if t.is_capitalised(k) {
                if words::is_event_word(word) {
                    return capitals > 0 || k > end;
                }
                capitals += 1;
            } else if !(word == "-" && t.joined(k) || matches!(word, "and" | "of")) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// After a demonym at `..end`: a government word or a title follows, maybe after
    /// other demonyms ("Chinese and Brazilian officials").
    fn demonym_for_state(&self, end: usize) -> bool {
        let t = self.t;
        let mut k = end;
        while k < t.len() && k < end + 6 && t.same_sentence(end, k) {
            let word = t.str(k);
            if words::is_government_word(word) || self.title_at(k).is_some() {
                return true;
            }
            if matches!(word, "and" | "or" | ",") {
                k += 1;
                continue;
            }
            match self.hit_at(k) {
                Some(hit) if hit.how == MatchKind::Demonym => k = t.at_byte(hit.bytes.end),
                _ => return false,
            }
        }
        false
    }

    /// "in Beijing", "Beijing-based", "Beijing, Nov. 27", "Beijing Capital Airport": the
    /// city. "Beijing said", "between Beijing and Washington": the government.
    /// A place word right before token `i`. "to" counts only after a movement ("flew
    /// to Beijing", "from Rio to Brasília"); "a message to Beijing" addresses the
    /// government.
    fn place_word_before(&self, i: usize) -> bool {
        let t = self.t;
        if i == 0 || !t.same_sentence(i - 1, i) {
            return false;
        }
        let prev = t.str(i - 1);
        if prev != "to" {
            return words::is_place_word(prev);
        }
        let from = (i.saturating_sub(6)..i - 1).any(|k| t.str(k) == "from");
        from || (i >= 2 && words::is_movement_word(t.str(i - 2)))
    }

    fn capital_is_place(&self, i: usize, end: usize) -> bool {
        let t = self.t;
        let prev = if i > 0 && t.same_sentence(i - 1, i) {
            t.str(i - 1)
        } else {
            ""
        };
        if self.place_word_before(i) {
            return true;
        }
        if matches!(prev, "and" | "or" | ",")
            && let Some((capital_end, place)) = self.last_capital
            && capital_end + 1 == i
        {
            return place;
        }
        let next = t.str(end);
        let same = t.same_sentence(i, end);
        if !same {
            return true; // a dateline or a heading line of its own
        }
        if next == "-" && t.joined(end) {
            return true;
        }
        if t.is_capitalised(end) && t.list[end].kind == Kind::Word {
            return true; // part of a longer place name
        }
        if next == "," {
            let after = t.str(end + 1);
            let date = after.chars().next().is_some_and(char::is_numeric)
                || self.not_name_at(end + 1)
                    && after.chars().next().is_some_and(char::is_uppercase)
                    && !matches!(after, "The" | "He" | "She" | "It" | "But" | "And");
            return date;
        }
        false
    }

    // ----- government bodies and organisations ----------------------------------------

    /// "the Rapid Support Forces (RSF)": a capitalised name ending in an organisation
    /// word, with its acronym in brackets right after. Both are mentions of a new actor,
    /// and later "RSF" or the name refer to it.
    fn introduced_organisation(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        if !t.is_capitalised(i) || (i > 0 && t.is_capitalised(i - 1) && t.same_sentence(i - 1, i)) {
            return None;
        }
        let mut k = i;
        let mut last_word = i;
        while k < t.len() && k < i + 10 && t.same_sentence(i, k) {
            let word = t.str(k);
            if t.is_capitalised(k) {
                last_word = k;
            } else if !matches!(word, "of" | "for" | "and" | "the" | "-" | "&") {
                break;
            }
            k += 1;
        }
        let acronym = t.str(last_word + 2);
        let bracketed = t.str(last_word + 1) == "("
            && t.str(last_word + 3) == ")"
            && (2..=7).contains(&acronym.len())
            && acronym
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && acronym.chars().next() == t.str(i).chars().next();
        // Without an acronym: "the (paramilitary) Rapid Support Forces" — armed and
        // political movements, whose names the gazetteer cannot all list.
        let the_before = |k: usize| k > 0 && t.str(k - 1).eq_ignore_ascii_case("the");
        let article = the_before(i)
            || (i > 1 && t.str(i - 1).chars().all(char::is_lowercase) && the_before(i - 1));
        let movement = matches!(
            t.str(last_word),
            "Forces" | "Army" | "Front" | "Movement" | "Brigades" | "Militia" | "Corps"
        ) && last_word > i
            && article
            && !self.known_form_at(i);
        if !bracketed && !movement {
            return None;
        }
        let kind = organisation_kind(t.str(last_word))?;
        let name = t.text[t.list[i].start..t.list[last_word].end].to_string();
        // A name the project or the gazetteer knows is theirs to suggest.
        if self.project.actor_by_name(&name).is_some() || self.gazetteer.by_name(&name).is_some() {
            return None;
        }
        if !bracketed {
            let b = self.body_named(name.clone(), Vec::new(), "", None);
            self.bodies[b].kind = kind;
            self.org_names.insert(&name, b);
            self.push(i, last_word + 1, Referent::Body(b));
            return Some(last_word + 1);
        }
        self.bodies.push(Body {
            entry: None,
            project: self.project.actor_by_name(acronym).map(|a| a.id),
            name: name.clone(),
            aliases: vec![acronym.to_string()],
            function: String::new(),
            affiliation: None,
            kind,
        });
        let b = self.bodies.len() - 1;
        self.org_names.insert(&name, b);
        self.org_names.insert(acronym, b);
        self.push(i, last_word + 1, Referent::Body(b));
        self.push(last_word + 2, last_word + 3, Referent::Body(b));
        Some(last_word + 4)
    }

    /// "Foreign Ministry", "the Ministry of Foreign Affairs", "State Department",
    /// "defense ministry": a `government_body`, affiliated to the state written before it,
    /// or the same body met earlier, or the state just mentioned.
    fn body(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let w = |k: usize| t.str(k);
        let is = |k: usize, s: &str| t.same_sentence(i, k) && w(k).eq_ignore_ascii_case(s);
        let capital = |k: usize| t.same_sentence(i, k) && t.is_capitalised(k);
        let (end, function, written): (usize, String, String);
        if is(i, "ministry") && is(i + 1, "of") && capital(i + 2) {
            // "Ministry of Foreign Affairs", "Ministry of Commerce and Industry"
            let mut k = i + 2;
            while capital(k) || (is(k, "and") && capital(k + 1)) {
                k += 1;
            }
            let subject = t.text[t.list[i + 2].start..t.list[k - 1].end].to_string();
            function = ministry_function(&subject);
            written = format!("Ministry of {subject}");
            end = k;
        } else if is(i + 1, "ministry") && t.same_sentence(i, i + 1) && ministry_subject(w(i)) {
            // "Foreign Ministry", "defense ministry"
            function = ministry_function(w(i));
            written = format!("Ministry of {}", capitalise(w(i)));
            end = i + 2;
        } else if (w(i) == "State" && w(i + 1) == "Department")
            || (w(i) == "Department" && w(i + 1) == "of" && w(i + 2) == "State")
        {
            function = "foreign".into();
            written = "Ministry of Foreign Affairs".into();
            end = if w(i) == "State" { i + 2 } else { i + 3 };
        } else if w(i) == "Department" && w(i + 1) == "of" && capital(i + 2) {
            // "Department of Commerce", "Department of Homeland Security"
            let mut k = i + 2;
            while capital(k) {
                k += 1;
            }
            let subject = t.text[t.list[i + 2].start..t.list[k - 1].end].to_string();
            function = format!("department {}", subject.to_lowercase());
            written = format!("Department of {subject}");
            end = k;
        } else if (w(i) == "Foreign" && w(i + 1) == "Office") || w(i) == "MFA" {
            function = "foreign".into();
            written = "Ministry of Foreign Affairs".into();
            end = if w(i) == "MFA" { i + 1 } else { i + 2 };
        } else {
            return None;
        }
        let us = w(i) == "State" || w(i) == "Department";
        let state = self
            .affiliation_before(i)
            .or_else(|| self.state_after(end))
            .or_else(|| {
                us.then(|| self.gazetteer.by_iso3("USA").map(Referent::Entry))
                    .flatten()
            });
        let body = match state {
            Some(s) => self.body_for(s, &function, &written),
            None => match self.bodies.iter().rposition(|b| b.function == function) {
                Some(b) => b,
                None => {
                    let s = self.recent_state(i);
                    match s {
                        Some(s) => self.body_for(s, &function, &written),
                        None => self.body_named(written.clone(), Vec::new(), &function, None),
                    }
                }
            },
        };
        self.push(i, end, Referent::Body(body));
        Some(end)
    }

    /// "… of China" right after a body's name.
    fn state_after(&self, end: usize) -> Option<Referent> {
        if self.t.str(end) != "of" {
            return None;
        }
        let at = if self.t.str(end + 1) == "the" {
            end + 2
        } else {
            end + 1
        };
        let hit = self.hit_at(at)?;
        let r = Referent::Entry(hit.entry);
        self.is_state(r).then_some(r)
    }

    /// The state mentioned last in this or the previous sentence.
    fn recent_state(&self, i: usize) -> Option<Referent> {
        let sentence = self.t.sentence(i);
        self.found
            .iter()
            .rev()
            .take_while(|f| self.t.sentence(f.start) + 1 >= sentence)
            .map(|f| f.referent)
            .find(|&r| self.is_state(r))
    }

    fn body_for(&mut self, state: Referent, function: &str, written: &str) -> usize {
        if function == "foreign"
            && let Some(e) = self.gazetteer_foreign_ministry(state)
        {
            let name = self.gazetteer.entry(e).name.clone();
            let b = self.body_named(name, Vec::new(), function, Some(state));
            self.bodies[b].entry = Some(e);
            return b;
        }
        let (state_name, short) = self.names_of(state);
        let (name, aliases) = if function == "foreign" && short.iter().any(|s| s == "USA") {
            (
                "United States Department of State".to_string(),
                vec![
                    "State Department".to_string(),
                    "U.S. State Department".to_string(),
                ],
            )
        } else {
            let name = format!("{state_name} {written}");
            let mut aliases = vec![format!("{written} of {state_name}")];
            if function == "foreign" {
                aliases.push(format!("{state_name} Foreign Ministry"));
                aliases.push(format!("{state_name}'s Foreign Ministry"));
            }
            (name, aliases)
        };
        self.body_named(name, aliases, function, Some(state))
    }

    /// The gazetteer's foreign ministry of a state ("U.S. Department of State",
    /// "Itamaraty"), if it lists one.
    fn gazetteer_foreign_ministry(&mut self, state: Referent) -> Option<usize> {
        let Referent::Entry(state) = state else {
            return None;
        };
        if let Some(&known) = self.foreign_ministries.get(&state) {
            return known;
        }
        const FOREIGN: [&str; 5] = [
            "Foreign Affairs",
            "External Affairs",
            "Department of State",
            "Foreign Office",
            "Foreign Ministry",
        ];
        let found = (0..self.gazetteer.entries().len()).find(|&e| {
            let entry = self.gazetteer.entry(e);
            entry.kind == "government_body"
                && self.gazetteer.parent(e) == Some(state)
                && entry
                    .forms()
                    .any(|(form, _)| FOREIGN.iter().any(|f| form.contains(f)))
        });
        self.foreign_ministries.insert(state, found);
        found
    }

    fn body_named(
        &mut self,
        name: String,
        aliases: Vec<String>,
        function: &str,
        affiliation: Option<Referent>,
    ) -> usize {
        if let Some(b) = self.bodies.iter().position(|b| b.name == name) {
            return b;
        }
        let project = self.project.actor_by_name(&name).map(|a| a.id);
        self.bodies.push(Body {
            entry: None,
            project,
            name,
            aliases,
            function: function.to_string(),
            affiliation,
            kind: "government_body",
        });
        self.bodies.len() - 1
    }

    // ----- referents ----------------------------------------------------------------------

    fn push(&mut self, start: usize, end: usize, referent: Referent) {
        // A body the gazetteer knows is its entry.
        let referent = match referent {
            Referent::Body(b) => self.bodies[b].entry.map_or(referent, Referent::Entry),
            other => other,
        };
        if end > start && end <= self.t.len() {
            self.found.push(Found {
                start,
                end,
                referent,
            });
        }
    }

    fn project_kind(&self, id: Id) -> Option<&'a str> {
        self.project.actor(id).map(|a| a.kind.as_str())
    }

    fn kind(&self, r: Referent) -> &str {
        match r {
            Referent::Project(id) => self.project_kind(id).unwrap_or("other"),
            Referent::Entry(e) => self.gazetteer.entry(e).kind.as_str(),
            Referent::Person(_) => "person",
            Referent::Body(b) => self.bodies[b].kind,
        }
    }

    fn is_state(&self, r: Referent) -> bool {
        self.kind(r) == "state"
    }

    /// The canonical name and the codes of a state or organisation referent.
    fn names_of(&self, r: Referent) -> (String, Vec<String>) {
        match r {
            Referent::Project(id) => match self.project.actor(id) {
                Some(a) => (
                    a.name.clone(),
                    a.iso3.iter().chain(a.cameo.iter()).cloned().collect(),
                ),
                None => (String::new(), Vec::new()),
            },
            Referent::Entry(e) => {
                let entry = self.gazetteer.entry(e);
                (
                    entry.name.clone(),
                    entry
                        .iso3
                        .iter()
                        .chain(entry.cameo.iter())
                        .cloned()
                        .collect(),
                )
            }
            Referent::Person(p) => (self.people[p].name.clone(), Vec::new()),
            Referent::Body(b) => (self.bodies[b].name.clone(), Vec::new()),
        }
    }

    /// Same actor once project actors and gazetteer entries are identified.
    fn same_actor(&self, a: Referent, b: Referent) -> bool {
        a == b
            || self
                .resolve_project(a)
                .is_some_and(|x| Some(x) == self.resolve_project(b))
    }

    /// The project actor a referent stands for, if any.
    fn resolve_project(&self, r: Referent) -> Option<Id> {
        match r {
            Referent::Project(id) => Some(id),
            Referent::Entry(e) => self.project_actor_for_entry(e),
            Referent::Person(p) => self.people[p].project,
            Referent::Body(b) => self.bodies[b].project,
        }
    }

    /// A project actor with the entry's ISO3 or CAMEO code, or its name.
    fn project_actor_for_entry(&self, e: usize) -> Option<Id> {
        self.entry_actors.get(&e).copied()
    }

    fn actor_ref(&self, r: Referent, cache: &mut HashMap<Referent, ActorRef>) -> ActorRef {
        if let Some(done) = cache.get(&r) {
            return done.clone();
        }
        let made = match self.resolve_project(r) {
            Some(id) => ActorRef::Project(id),
            None => match r {
                Referent::Project(id) => ActorRef::Project(id),
                Referent::Entry(e) => {
                    let entry = self.gazetteer.entry(e);
                    ActorRef::New(NewActor {
                        name: entry.name.clone(),
                        kind: entry.kind.clone(),
                        aliases: entry.aliases().map(str::to_string).collect(),
                        iso3: entry.iso3.clone(),
                        cameo: entry.cameo.clone(),
                        role: String::new(),
                        affiliation: self
                            .gazetteer
                            .parent(e)
                            .map(|p| Box::new(self.actor_ref(Referent::Entry(p), cache))),
                    })
                }
                Referent::Person(p) => {
                    let person = &self.people[p];
                    let name = person.name.clone();
                    match self.project.actor_by_name(&name) {
                        Some(a) => ActorRef::Project(a.id),
                        None => ActorRef::New(NewActor {
                            name,
                            kind: "person".into(),
                            aliases: Vec::new(),
                            iso3: None,
                            cameo: None,
                            role: person.role.clone(),
                            affiliation: person
                                .affiliation
                                .map(|a| Box::new(self.actor_ref(a, cache))),
                        }),
                    }
                }
                Referent::Body(b) => {
                    let body = &self.bodies[b];
                    ActorRef::New(NewActor {
                        name: body.name.clone(),
                        kind: body.kind.into(),
                        aliases: body.aliases.clone(),
                        iso3: None,
                        cameo: None,
                        role: String::new(),
                        affiliation: body.affiliation.map(|a| Box::new(self.actor_ref(a, cache))),
                    })
                }
            },
        };
        cache.insert(r, made.clone());
        made
    }

    /// The suggestions, in text order, one per span and actor.
    fn finish(self) -> Vec<Suggestion> {
        let t = self.t;
        let mut cache = HashMap::default();
        // Same span and same actor once project actors are identified.
        let mut seen: HashSet<(usize, usize, Referent)> = HashSet::default();
        let mut out = Vec::with_capacity(self.found.len());
        for f in &self.found {
            let (first, last) = (t.list[f.start], t.list[f.end - 1]);
            let key = self
                .resolve_project(f.referent)
                .map_or(f.referent, Referent::Project);
            if !seen.insert((first.char_start, last.char_end, key)) {
                continue;
            }
            let actor = self.actor_ref(f.referent, &mut cache);
            out.push(Suggestion {
                kind: SuggestionKind::Mention,
                start: first.char_start,
                end: last.char_end,
                text: t.text[first.start..last.end].to_string(),
                detail: Detail::Mention { actor },
            });
        }
        out.sort_by_key(|s| (s.start, s.end));
        out
    }
}

/// How many earlier mentions the coreference rules look at, at most.
const MAX_LOOK_BACK: usize = 400;

/// The kind of an organisation from the last word of its name, or `None` when the name
/// does not look like an organisation's.
fn organisation_kind(last: &str) -> Option<&'static str> {
    Some(match last {
        "Party" => "party",
        "Ministry" | "Department" | "Council" | "Agency" | "Commission" | "Office"
        | "Authority" | "Service" | "Assembly" | "Parliament" | "Court" | "Committee"
        | "Administration" | "Bureau" => "government_body",
        "Organization" | "Organisation" | "Union" | "Bank" | "Fund" | "Alliance" | "Forum"
        | "Community" | "Conference" | "Secretariat" => "international_org",
        "Association" | "Institute" | "Foundation" | "Watch" | "Federation" | "Network"
        | "Initiative" | "Centre" | "Center" => "ngo",
        "Forces" | "Army" | "Front" | "Movement" | "Brigades" | "Militia" | "Group"
        | "Coalition" | "Guard" => "other",
        _ => return None,
    })
}

/// Words that make "X Ministry" a ministry ("Foreign Ministry", "defense ministry").
fn ministry_subject(word: &str) -> bool {
    [
        "foreign",
        "defense",
        "defence",
        "commerce",
        "trade",
        "finance",
        "interior",
        "economy",
        "justice",
        "health",
        "energy",
        "education",
        "agriculture",
        "culture",
        "industry",
        "environment",
        "transport",
        "security",
        "information",
    ]
    .iter()
    .any(|s| s.eq_ignore_ascii_case(word))
}

fn ministry_function(subject: &str) -> String {
    if subject.to_lowercase().contains("foreign") {
        "foreign".into()
    } else {
        subject.to_lowercase()
    }
}

/// "foreign" → "Foreign Affairs", "defense" → "Defense".
fn capitalise(word: &str) -> String {
    if word.eq_ignore_ascii_case("foreign") {
        return "Foreign Affairs".into();
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
