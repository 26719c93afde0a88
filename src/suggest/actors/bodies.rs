//! Government bodies ("the Foreign Ministry", "State Department") and organisations a
//! text introduces with their acronym ("Rapid Support Forces (RSF)").

use super::*;

impl<'a, 't> Pass<'a, 't> {
    /// "the Rapid Support Forces (RSF)": a capitalised name ending in an organisation
    /// word, with its acronym in brackets right after. Both are mentions of a new actor,
    /// and later "RSF" or the name refer to it.
    pub(super) fn introduced_organisation(&mut self, i: usize) -> Option<usize> {
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
            self.push(
                rules::mention::INTRODUCED_ORGANISATION,
                i,
                last_word + 1,
                Referent::Body(b),
            );
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
        self.push(
            rules::mention::INTRODUCED_ORGANISATION,
            i,
            last_word + 1,
            Referent::Body(b),
        );
        self.push(
            rules::mention::INTRODUCED_ORGANISATION,
            last_word + 2,
            last_word + 3,
            Referent::Body(b),
        );
        Some(last_word + 4)
    }

    /// "Foreign Ministry", "the Ministry of Foreign Affairs", "State Department",
    /// "defense ministry": a `government_body`, affiliated to the state written before it,
    /// or the same body met earlier, or the state just mentioned.
    pub(super) fn body(&mut self, i: usize) -> Option<usize> {
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
        } else if w(i).eq_ignore_ascii_case("presidential") && is(i + 1, "office") {
            // "the presidential office said" (Seoul's, Kyiv's …): the state's.
            function = "presidential office".into();
            written = "Presidential Office".into();
            end = i + 2;
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
        self.push(rules::mention::BODY, i, end, Referent::Body(body));
        Some(end)
    }

    /// "… of China" right after a body's name.
    pub(super) fn state_after(&self, end: usize) -> Option<Referent> {
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
    pub(super) fn recent_state(&self, i: usize) -> Option<Referent> {
        let sentence = self.t.sentence(i);
        self.found
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .take_while(|f| self.t.sentence(f.start) + 1 >= sentence)
            .map(|f| f.referent)
            .find(|&r| self.is_state(r))
    }

    pub(super) fn body_for(&mut self, state: Referent, function: &str, written: &str) -> usize {
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
            // A presidential office goes by that name alone in its state's news.
            if function == "presidential office" {
                aliases.push(written.to_string());
            }
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
    pub(super) fn gazetteer_foreign_ministry(&mut self, state: Referent) -> Option<usize> {
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

    pub(super) fn body_named(
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
}

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

impl<'a, 't> Pass<'a, 't> {
    /// A body named by a common noun at `k`: "army" (the armed forces of the state just
    /// named, or of those met last), "the mission", "the force", "the Council",
    /// "Forum Secretary General", "the confederation", "the movement" (the organisation
    /// met last whose name has that word). Bodies are spanned without "the", groupings
    /// with it ("the confederation"), as the guidelines code them.
    pub(super) fn common_noun_body(&mut self, k: usize) -> Option<usize> {
        let t = self.t;
        let word = t.str(k);
        // Tried at every word: look the noun up before allocating.
        let noun = words::body_noun_folded(word)?;
        let lower = word.to_ascii_lowercase();
        let capitalised = t.is_capitalised(k);
        if capitalised != noun.short_name && (capitalised || noun.capital_only) {
            return None;
        }
        let same_next = k + 1 < t.len() && t.same_sentence(k, k + 1);
        let next = if same_next { t.str(k + 1) } else { "" };
        let titled = same_next && self.title_at(k + 1).is_some();
        // A longer name: "the Mission of …", "Council Regulation"; not "the army of
        // shelling".
        let of_name = next == "of" && t.is_capitalised(k + 2);
        if of_name
            || matches!(next, "-" | "for")
            || (same_next && t.is_capitalised(k + 1) && !titled)
        {
            return None;
        }
        let prev_same = k > 0 && t.same_sentence(k - 1, k);
        let prev = if prev_same { t.str(k - 1) } else { "" };
        let the = prev.eq_ignore_ascii_case("the");
        // "AU Commission", "Pacific Islands Forum Secretariat": one name.
        // "A Commission spokesperson" (an article, not a name before).
        let article = the || matches!(prev, "a" | "A" | "an" | "An");
        let possessive = |end: usize| t.list.get(end).is_some_and(|x| x.kind == Kind::Possessive);
        // "the Indonesian Government": a demonym just found, not the start of one name.
        let after_demonym = lower == "government" && self.found.last().is_some_and(|f| f.end == k);
        if capitalised && prev_same && !article && t.is_capitalised(k - 1) && !after_demonym {
            return None;
        }
        // "Sudan's army", "the Congolese army", "the U.N. mission" (not "any new UN
        // force", which is no body met before).
        // "Mali's transitional government", "the Sudanese military government".
        let modifier = k > 0
            && matches!(
                t.str(k - 1),
                "transitional"
                    | "interim"
                    | "military"
                    | "caretaker"
                    | "provisional"
                    | "federal"
                    | "new"
            );
        let after_mention = self.found.last().is_some_and(|f| {
            let right_after = f.end == k
                || (f.end + 1 == k && possessive(f.end))
                || (modifier && (f.end + 1 == k || (f.end + 2 == k && possessive(f.end))));
            let led = noun.state_body.is_some()
                || possessive(f.end)
                || (f.start > 0 && t.str(f.start - 1).eq_ignore_ascii_case("the"));
            right_after && led
        });
        // "Diop, whose government", "his government": the state of the person.
        let owner = matches!(prev, "whose" | "his" | "her");
        let allowed = the
            || after_mention
            || (titled && !(prev_same && !article && t.is_capitalised(k - 1)))
            || (owner && lower == "government");
        if !allowed {
            return None;
        }
        if lower == "government" {
            // "the Chinese government", "Venezuela's government": the state.
            // The owner's state; for someone named without one ("Libya's representative,
            // Fathi Abou Zriba, said his Government"), the state just named.
            let state = if owner {
                self.found
                    .iter()
                    .rev()
                    .take(MAX_LOOK_BACK)
                    .find_map(|f| match f.referent {
                        Referent::Person(p) => Some(self.people[p].affiliation),
                        _ => None,
                    })
                    .flatten()
                    .or_else(|| self.recent_state(k))?
            } else {
                self.affiliation_before(if modifier { k - 1 } else { k })?
            };
            if !self.is_state(state) {
                return None;
            }
            self.push(rules::mention::COMMON_NOUN_BODY, k, k + 1, state);
            return Some(k + 1);
        }
        if lower == "coast" {
            // "the Philippine coast guard", "China's coast guard".
            if !t.str(k + 1).eq_ignore_ascii_case("guard") || !t.same_sentence(k, k + 1) {
                return None;
            }
            let Some(Referent::Entry(s)) = self.affiliation_before(k) else {
                return None;
            };
            let guard = self
                .gazetteer
                .children(s)
                .iter()
                .copied()
                .find(|&e| self.gazetteer.entry(e).name.contains("Coast Guard"))?;
            self.push(
                rules::mention::COMMON_NOUN_BODY,
                k,
                k + 2,
                Referent::Entry(guard),
            );
            return Some(k + 2);
        }
        let referent = match noun.state_body {
            Some(suffix) => self.state_body_of(k, suffix, &lower)?,
            None => self
                .named_by_noun(&lower)
                .or_else(|| capitalised.then(|| self.organ_of_named(&lower)).flatten())?,
        };
        let start = if noun.with_article && the { k - 1 } else { k };
        self.push(rules::mention::COMMON_NOUN_BODY, start, k + 1, referent);
        Some(k + 1)
    }

    /// The state body a common noun at `k` stands for ("army": the armed forces, CAMEO
    /// suffix "MIL"; "parliament": the legislature, "LEG"): of the state written just
    /// before ("Sudan's army", "the Congolese army", "Iran's parliament"), else the one
    /// met last, else the one of the state named in this or the previous sentence.
    fn state_body_of(&self, k: usize, suffix: &str, noun: &str) -> Option<Referent> {
        if let Some(state) = self.affiliation_before(k) {
            return self
                .is_state(state)
                .then(|| self.state_body(state, suffix))
                .flatten();
        }
        let met = self
            .found
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .map(|f| f.referent)
            .find(|&r| self.is_state_body(r, suffix));
        met.or_else(|| self.named_by_noun(noun)).or_else(|| {
            self.recent_state(k)
                .and_then(|s| self.state_body(s, suffix))
        })
    }

    /// A state's body from the gazetteer, by CAMEO suffix ("MIL", "LEG"); not a coast
    /// guard, which is no army.
    pub(super) fn is_state_body(&self, r: Referent, suffix: &str) -> bool {
        let Referent::Entry(e) = r else {
            return false;
        };
        let entry = self.gazetteer.entry(e);
        entry.kind == "government_body"
            && self.gazetteer.parent(e).is_some()
            && entry.cameo.as_deref().is_some_and(|c| c.ends_with(suffix))
            && !entry.name.contains("Guard")
    }

    /// The gazetteer's body of a state with that CAMEO suffix.
    fn state_body(&self, state: Referent, suffix: &str) -> Option<Referent> {
        let Referent::Entry(s) = state else {
            return None;
        };
        self.gazetteer
            .children(s)
            .iter()
            .map(|&e| Referent::Entry(e))
            .find(|&r| self.is_state_body(r, suffix))
    }

    /// "the Commission" after "the EU", "the Council" after "the African Union": the
    /// organ of an organisation named before (the last five), a form of which has
    /// `noun` (one starting with it first: "Council of the European Union").
    fn organ_of_named(&self, noun: &str) -> Option<Referent> {
        let mut seen: Vec<usize> = Vec::new();
        for f in self.found.iter().rev().take(MAX_LOOK_BACK) {
            let Referent::Entry(org) = f.referent else {
                continue;
            };
            if seen.contains(&org)
                || !matches!(
                    self.kind(f.referent),
                    "regional_group" | "international_org"
                )
            {
                continue;
            }
            seen.push(org);
            if seen.len() > 5 {
                break;
            }
            let organs = self.gazetteer.children(org);
            let with = |starts: bool| {
                organs.iter().copied().find(|&e| {
                    let entry = self.gazetteer.entry(e);
                    std::iter::once(entry.name.as_str())
                        .chain(entry.forms().map(|(form, _)| form))
                        .any(|form| {
                            if starts {
                                form.split(' ')
                                    .next()
                                    .is_some_and(|w| w.eq_ignore_ascii_case(noun))
                            } else {
                                form.split(' ').any(|w| w.eq_ignore_ascii_case(noun))
                            }
                        })
                })
            };
            if let Some(e) = with(true).or_else(|| with(false)) {
                return Some(Referent::Entry(e));
            }
        }
        None
    }

    /// The organisation or body met last (within the look-back) whose name or one of its
    /// forms has `noun` ("mission" and "force" stand for each other: peace operations).
    fn named_by_noun(&self, noun: &str) -> Option<Referent> {
        let nouns: &[&str] = match noun {
            "mission" | "force" => &["mission", "force"],
            _ => std::slice::from_ref(&noun),
        };
        let has = |name: &str| {
            name.split(|c: char| !c.is_alphanumeric())
                .any(|w| nouns.iter().any(|n| w.eq_ignore_ascii_case(n)))
        };
        self.found
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .map(|f| f.referent)
            .find(|&r| {
                let fits_kind = matches!(
                    self.kind(r),
                    "international_org" | "regional_group" | "government_body" | "other" | "party"
                );
                fits_kind
                    && match r {
                        Referent::Entry(e) => {
                            let entry = self.gazetteer.entry(e);
                            has(&entry.name) || entry.forms().any(|(form, _)| has(form))
                        }
                        Referent::Body(b) => {
                            let body = &self.bodies[b];
                            has(&body.name) || body.aliases.iter().any(|a| has(a))
                        }
                        Referent::Project(id) => {
                            self.project.actor(id).is_some_and(|a| a.names().any(&has))
                        }
                        Referent::Person(_) => false,
                    }
            })
    }
}
