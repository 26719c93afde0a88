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

mod bodies;
mod groups;
mod people;
pub(crate) mod words;

use super::gazetteer::{Hit, MatchKind};
use super::{ActorRef, Detail, Gazetteer, NewActor, Suggestion, SuggestionKind, rules};
use crate::model::{CodebookList, Document, Id, Project};
// FxHash: the keys are short fixed words and names, so hash flooding cannot happen and
// std's SipHash was the top cost of the look-ups.
use crate::text::{TokenKind as Kind, Tokens};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use words::{Collective, Gender, TitleWord};

/// Mention suggestions for `document`, in text order.
pub fn mentions(project: &Project, document: &Document, gazetteer: &Gazetteer) -> Vec<Suggestion> {
    let analysis = crate::text::of(document);
    let tokens = analysis.token_view(document.text());
    let mut pass = Pass::new(project, gazetteer, &tokens);
    pass.run();
    pass.finish(analysis.datelines())
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
    /// The rule that found it (`rules::mention`).
    rule: &'static str,
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
        let tokens = Tokens::of_phrase(phrase);
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
    /// The sentence and referents of the last "both sides" / "the two parties".
    last_sides: Option<(u32, Vec<Referent>)>,
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
            last_sides: None,
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
        self.earlier_references();
    }

    /// People and organisations named before the sentence that introduces them (a
    /// headline "Lula meets Blinken" above "Brazilian President Luiz Inácio Lula da Silva
    /// …"): a second look at the words no mention covers.
    fn earlier_references(&mut self) {
        let t = self.t;
        let mut covered = vec![false; t.len()];
        for f in &self.found {
            covered[f.start..f.end].iter_mut().for_each(|c| *c = true);
        }
        let mut extra = Vec::new();
        let mut i = 0;
        while i < t.len() {
            if covered[i] || !t.is_capitalised(i) {
                i += 1;
                continue;
            }
            let person = self.people_names.longest(t, i).and_then(|(end, p)| {
                let single = end == i + 1;
                let continues = single && t.is_capitalised(end) && t.same_sentence(i, end);
                let free = !covered[i..end].iter().any(|&c| c);
                p.filter(|_| free && !continues)
                    .map(|p| (end, Referent::Person(p), rules::mention::EARLIER_PERSON))
            });
            let found = person.or_else(|| {
                self.org_names
                    .longest(t, i)
                    .filter(|&(end, _)| !covered[i..end].iter().any(|&c| c))
                    .map(|(end, b)| (end, Referent::Body(b), rules::mention::EARLIER_BODY))
            });
            match found {
                Some((end, referent, rule)) => {
                    extra.push(Found {
                        start: i,
                        end,
                        referent,
                        rule,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        self.found.extend(extra);
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
        if let Some(next) = self.common_noun_body(i) {
            return Some(next);
        }
        if let Some(next) = self.unnamed_counterpart(i) {
            return Some(next);
        }
        if let Some(addressed) = people::form_of_address(self.t, i) {
            return Some(addressed);
        }
        let word = self.t.str(i);
        if let Some(next) = self.delegate_pronoun(i) {
            return Some(next);
        }
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
            self.push(rules::mention::REGISTRY, i, end, referent);
            return Some(end);
        }
        if let Some((end, p)) = person.filter(|p| p.0 == best_len) {
            if let Some(p) = p {
                self.push(rules::mention::KNOWN_PERSON, i, end, Referent::Person(p));
            }
            return Some(end);
        }
        if let Some((end, b)) = organisation.filter(|o| o.0 == best_len) {
            self.push(rules::mention::KNOWN_BODY, i, end, Referent::Body(b));
            return Some(end);
        }
        let (end, hit) = gazetteer?;
        let hit = hit.clone();
        // "Santiago Peña", "Victoria Nuland": a capital's name opening a person's name.
        let first_name = hit.how == MatchKind::Capital
            && t.is_capitalised(end)
            && t.same_sentence(i, end)
            && self.hit_at(end).is_none()
            && !words::is_institution_word(t.str(end));
        if first_name {
            return None;
        }
        if self.is_mention(&hit, i, end) && !self.inside_event_name(end) {
            self.push(
                rules::mention::GAZETTEER,
                i,
                end,
                Referent::Entry(hit.entry),
            );
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
                kind != "state" || self.demonym_for_state(end) || self.people_for_state(hit, i, end)
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
                if words::is_document_word(word) && k < end + 3 {
                    return true;
                }
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

    /// "the Americans have proposed …": a plural demonym after "the", not followed by a
    /// name, stands for the government.
    fn people_for_state(&self, hit: &Hit, i: usize, end: usize) -> bool {
        let t = self.t;
        let plural = t.text[hit.bytes.clone()].ends_with('s');
        let the = i > 0 && t.same_sentence(i - 1, i) && matches!(t.str(i - 1), "the" | "The");
        plural && the && !(t.is_capitalised(end) && t.same_sentence(i, end))
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
        if words::is_process_noun(next) {
            return true; // "the Doha process", "the Washington accord"
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

    // ----- referents ----------------------------------------------------------------------

    fn push(&mut self, rule: &'static str, start: usize, end: usize, referent: Referent) {
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
                rule,
            });
        }
    }

    fn project_kind(&self, id: Id) -> Option<&'a str> {
        self.project.actor(id).map(|a| {
            self.project
                .codebook
                .role_of(CodebookList::ActorKinds, &a.kind)
        })
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
    fn finish(self, datelines: &[crate::text::CharRange]) -> Vec<Suggestion> {
        let t = self.t;
        let mut cache = HashMap::default();
        // Same span and same actor once project actors are identified.
        let mut seen: HashSet<(usize, usize, Referent)> = HashSet::default();
        let mut out = Vec::with_capacity(self.found.len());
        for f in &self.found {
            let (first, last) = (t.list[f.start], t.list[f.end - 1]);
            // Datelines are in text order and do not overlap.
            let at = datelines.partition_point(|d| d.end <= first.char_start);
            if datelines
                .get(at)
                .is_some_and(|d| d.contains(first.char_start.get()))
            {
                continue;
            }
            let key = self
                .resolve_project(f.referent)
                .map_or(f.referent, Referent::Project);
            let (start, end) = (first.char_start.get(), last.char_end.get());
            if !seen.insert((start, end, key)) {
                continue;
            }
            let actor = self.actor_ref(f.referent, &mut cache);
            out.push(Suggestion {
                kind: SuggestionKind::Mention,
                start,
                end,
                text: t.text[first.start..last.end].to_string(),
                detail: Detail::Mention { actor },
                rule: f.rule,
            });
        }
        out.sort_by_key(|s| (s.start, s.end));
        out
    }
}

/// How many earlier mentions the coreference rules look at, at most.
const MAX_LOOK_BACK: usize = 400;
