//! Appositions: "Wang Yi, China's foreign minister," and "the minister, Wang Yi," give a
//! person a role and the state or body they speak for.

use super::*;

impl<'a, 't> Pass<'a, 't> {
    /// "Sudan's ambassador to the UN, Al-Harith Mohamed," / "His spokesman, Stéphane
    /// Dujarric,": a lower-case title (and what completes it) before the comma in front
    /// of the name at `i..end`, and the state written before the title.
    pub(in crate::suggest::actors) fn title_before_comma(
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
    pub(in crate::suggest::actors) fn apposition(
        &self,
        name_end: usize,
    ) -> Option<(String, Option<Referent>)> {
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
}
