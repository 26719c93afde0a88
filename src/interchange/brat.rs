//! brat standoff: `NAME.txt` + `NAME.ann` per document, `annotation.conf`, `visual.conf`.
//!
//! Offsets. brat's server reads both files through `open_textfile`, which opens them with
//! Python's universal newlines (`codecs.open(path, 'rU', encoding='utf8')`, in
//! `server/src/annotation.py`), so CRLF and lone CR are read as one LF each and offsets
//! count the code points of that normalised text. Demarche normalises text the same way,
//! so brat offsets are Demarche offsets and a `.txt` written with CRLF imports without
//! drift. A UTF-8 byte-order mark is not stripped by brat's codec and so counts as one
//! code point here too. Astral characters (emoji) count one, as in Python 3.
//!
//! Lines brat cannot hold are spelled in brat's own syntax: notes with line breaks are
//! written with `\n`, attribute values with spaces as `#` lines of type `Attribute:NAME`,
//! and a span that crosses a line break is split into fragments at the break (as brat's
//! own editor does); fragments separated only by line breaks are joined again on import.

use super::flat::{self, FlatDoc, ImportProblem, Item, Norm, Relation};
use super::{UNLABELLED, named_or_placeholder};
use crate::model::{CodebookList, Project};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

/// Note lines that carry an attribute whose value brat's A lines cannot hold.
const ATTRIBUTE_NOTE: &str = "Attribute:";

/// A brat type, attribute name or value: no whitespace (it separates fields) and not empty.
pub fn brat_name(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    if cleaned.is_empty() {
        "_".into()
    } else {
        cleaned
    }
}

/// Names brat's configuration gives a meaning of its own (`[drawing]` defaults, the
/// config-only nesting relation); a key spelled so is escaped like any unsafe name.
const BRAT_RESERVED: [&str; 4] = [
    "SPAN_DEFAULT",
    "ARC_DEFAULT",
    "ATTRIBUTE_DEFAULT",
    "ENTITY-NESTING",
];

/// How [`brat_type`] marks an escaped name.
const TYPE_ESCAPE: &str = "__";

/// Whether brat's configuration takes `s` as it is for a type or attribute name. brat
/// stores only `[A-Za-z0-9_-]` names: `normalize_to_storage_form` in
/// `server/src/projectconfig.py` rewrites any other (so it no longer matches the `.ann`
/// files), a line of hyphens is a separator and a few names are its own.
fn is_brat_storage_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !s.bytes().all(|b| b == b'-')
        && !BRAT_RESERVED.contains(&s)
}

/// A type name (entity or relation) that brat's configuration accepts: the name itself when
/// it can ([`is_brat_storage_name`]), otherwise `__` then its ASCII letters and digits, with
/// every other character as `_HEX_` (its code point): `econ:aid` → `__econ_3a_aid`. Names
/// already starting with `__` are escaped too, so [`brat_type_decode`] reverses it.
pub fn brat_type(s: &str) -> Cow<'_, str> {
    if is_brat_storage_name(s) && !s.starts_with(TYPE_ESCAPE) {
        return Cow::Borrowed(s);
    }
    let mut out = String::from(TYPE_ESCAPE);
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            let _ = write!(out, "_{:x}_", u32::from(c));
        }
    }
    Cow::Owned(out)
}

/// The name [`brat_type`] was given; `None` for a malformed escape.
pub fn brat_type_decode(s: &str) -> Option<String> {
    let Some(mut rest) = s.strip_prefix(TYPE_ESCAPE) else {
        return Some(s.to_owned());
    };
    let mut out = String::with_capacity(rest.len());
    while let Some(c) = rest.chars().next() {
        if c == '_' {
            let (hex, after) = rest[1..].split_once('_')?;
            out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
            rest = after;
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    Some(out)
}

/// A type name as read: the key [`brat_type`] escaped for brat's configuration comes back
/// as the key it was (`__econ_3a_aid` → `econ:aid`); anything else stays as written.
fn decoded_type(name: String) -> String {
    match brat_type_decode(&name) {
        Some(key) if !key.is_empty() => key,
        _ => name,
    }
}

/// Whether an attribute can be an `A` line declared in `annotation.conf`: a storage name
/// (see [`is_brat_storage_name`]) and a value that is one entry of brat's `Value:` list,
/// which whitespace ends, `,` and `|` split and `<…>` makes a macro. Any other attribute
/// is written as a `#` line of type `Attribute:NAME`.
pub fn fits_attribute_line(name: &str, value: &str) -> bool {
    is_brat_storage_name(name)
        && !value
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, ',' | '|' | '<'))
}

/// A label as `visual.conf` can hold it. brat's `[labels]` reader splits labels at `|`,
/// ends them at a tab or line break, reads `<…>` as a macro and a leading `!` as "unused",
/// with no escape for any of them: they become look-alikes (`｜`, `＜`, `！`) and spaces.
fn brat_label(label: &str) -> String {
    let cleaned: String = label
        .chars()
        .map(|c| match c {
            '|' => '｜',
            '<' => '＜',
            c if c.is_whitespace() || c.is_control() => ' ',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim();
    match cleaned.strip_prefix('!') {
        Some(rest) => format!("！{rest}"),
        None => cleaned.to_owned(),
    }
}

fn escape_note(s: &str) -> String {
    s.replace('\n', "\\n")
}

fn unescape_note(s: &str) -> String {
    s.replace("\\n", "\n")
}

/// Splits ranges at line breaks, leaving the breaks out, as brat's editor does.
fn fragments(chars: &[char], ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(start, end) in ranges {
        let mut run_start = None;
        for (pos, c) in chars.iter().enumerate().take(end).skip(start) {
            match (c == &'\n', run_start) {
                (false, None) => run_start = Some(pos),
                (true, Some(s)) => {
                    out.push((s, pos));
                    run_start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = run_start {
            out.push((s, end));
        }
    }
    if out.is_empty() { ranges.to_vec() } else { out }
}

/// Writes one document's `.ann` file.
pub fn write_ann(flat: &FlatDoc, text: &str) -> String {
    let needs_split = text.contains('\n');
    let chars: Vec<char> = if needs_split {
        text.chars().collect()
    } else {
        Vec::new()
    };
    let index = crate::model::TextIndex::new(text);
    let mut out = String::with_capacity(flat.items.len() * 64);
    let (mut a, mut n, mut note) = (0usize, 0usize, 0usize);
    let mut tail = String::new();
    let mut push_note = |tail: &mut String, kind: &str, target: &str, text: &str| {
        note += 1;
        let _ = writeln!(
            tail,
            "#{note}\t{} {target}\t{}",
            brat_name(kind),
            escape_note(text)
        );
    };
    for item in &flat.items {
        let ranges = if needs_split {
            fragments(&chars, &item.ranges)
        } else {
            item.ranges.clone()
        };
        let offsets = ranges
            .iter()
            .map(|(s, e)| format!("{s} {e}"))
            .collect::<Vec<_>>()
            .join(";");
        let covered = ranges
            .iter()
            .map(|&(s, e)| index.slice(text, s, e).unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(
            out,
            "{}\t{} {offsets}\t{covered}",
            item.key,
            brat_type(&item.label)
        );
        for (name, value) in &item.attributes {
            if fits_attribute_line(name, value) {
                a += 1;
                let value = if value.is_empty() {
                    String::new()
                } else {
                    format!(" {value}")
                };
                let _ = writeln!(tail, "A{a}\t{name} {}{value}", item.key);
            } else {
                push_note(
                    &mut tail,
                    &format!("{ATTRIBUTE_NOTE}{name}"),
                    &item.key,
                    value,
                );
            }
        }
        for norm in &item.norms {
            n += 1;
            let _ = writeln!(
                tail,
                "N{n}\t{} {} {}:{}\t{}",
                brat_name(&norm.kind),
                item.key,
                brat_name(&norm.db),
                brat_name(&norm.id),
                escape_note(&norm.text)
            );
        }
        for (kind, text) in &item.notes {
            push_note(&mut tail, kind, &item.key, text);
        }
    }
    for rel in &flat.relations {
        let _ = writeln!(
            out,
            "{}\t{} Arg1:{} Arg2:{}",
            rel.key,
            brat_type(&rel.label),
            rel.from,
            rel.to
        );
        for (kind, text) in &rel.notes {
            push_note(&mut tail, kind, &rel.key, text);
        }
    }
    out.push_str(&tail);
    out
}

/// Reads an `.ann` file as brat does: UTF-8, universal newlines; a byte-order mark that an
/// editor put at the start is dropped (it would otherwise glue itself to the first id).
pub fn read_text(bytes: &[u8]) -> Result<String, std::str::Utf8Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let s = std::str::from_utf8(bytes)?;
    Ok(universal_newlines(s))
}

/// Python's universal newlines: CRLF and lone CR become LF.
pub fn universal_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_owned();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// A problem on one line of an `.ann` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based line number in the `.ann` file.
    pub line: usize,
    pub message: String,
}

/// Parses an `.ann` file (already read with universal newlines) against its text.
pub fn parse_ann(ann: &str, text: &str) -> (FlatDoc, Vec<LineProblem>, HashMap<String, usize>) {
    let mut flat = FlatDoc::default();
    let mut problems = Vec::new();
    let mut line_of: HashMap<String, usize> = HashMap::new();
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| -> Option<String> {
        (s <= e && e <= chars.len()).then(|| chars[s..e].iter().collect())
    };
    let mut problem = |line: usize, message: String| problems.push(LineProblem { line, message });
    let mut later: Vec<(usize, &str, &str, &str)> = Vec::new();
    // An event's id stands for its trigger wherever it is an argument.
    let mut event_trigger: HashMap<String, String> = HashMap::new();
    let mut equiv = 0usize;

    for (i, raw) in ann.split('\n').enumerate() {
        let line_no = i + 1;
        let line = raw;
        if line.trim().is_empty() {
            continue;
        }
        let Some((id, rest)) = line.split_once('\t') else {
            problem(
                line_no,
                format!("left out: no tab after the id in {line:?}"),
            );
            continue;
        };
        let (data, tail) = match rest.split_once('\t') {
            Some((d, t)) => (d, t),
            None => (rest, ""),
        };
        match id.chars().next() {
            Some('T') => match parse_textbound(data) {
                Some((label, ranges)) => {
                    let mut ok = true;
                    for &(s, e) in &ranges {
                        if s > e || e > chars.len() {
                            problem(
                                line_no,
                                format!(
                                    "{id} left out: offsets {s} {e} lie outside the text ({} characters)",
                                    chars.len()
                                ),
                            );
                            ok = false;
                        }
                    }
                    if !ok {
                        continue;
                    }
                    let pieces: Vec<String> = ranges
                        .iter()
                        .map(|&(s, e)| slice(s, e).unwrap_or_default())
                        .collect();
                    let expected = pieces.join(" ");
                    // brat accepts the pre-1.3 form that joined fragments without a space.
                    if !tail.is_empty() && tail != expected && tail != pieces.concat() {
                        problem(
                            line_no,
                            format!(
                                "{id} left out: it says {tail:?} but the text at {} reads {expected:?}",
                                ranges
                                    .iter()
                                    .map(|(s, e)| format!("{s} {e}"))
                                    .collect::<Vec<_>>()
                                    .join(";")
                            ),
                        );
                        continue;
                    }
                    let label = named_or_placeholder(label, || {
                        problem(line_no, format!("{id} has no type: kept as {UNLABELLED:?}"));
                    });
                    let label = decoded_type(label);
                    line_of.insert(id.to_owned(), line_no);
                    flat.items.push(Item {
                        key: id.to_owned(),
                        label,
                        ranges: join_across_breaks(&chars, ranges),
                        ..Item::default()
                    });
                }
                None => problem(
                    line_no,
                    format!("{id} left out: expected \"TYPE START END\" but found {data:?}"),
                ),
            },
            Some('R') => {
                let mut parts = data.split_whitespace();
                let label = parts.next().unwrap_or_default();
                let args: Vec<&str> = parts
                    .filter_map(|p| p.split_once(':').map(|x| x.1))
                    .collect();
                if label.is_empty() || args.len() != 2 {
                    problem(
                        line_no,
                        format!(
                            "{id} left out: expected \"TYPE Arg1:ID Arg2:ID\" but found {data:?}"
                        ),
                    );
                    continue;
                }
                line_of.insert(id.to_owned(), line_no);
                flat.relations.push(Relation {
                    key: id.to_owned(),
                    label: decoded_type(label.to_owned()),
                    from: args[0].to_owned(),
                    to: args[1].to_owned(),
                    notes: Vec::new(),
                });
            }
            Some('E') => {
                let mut parts = data.split_whitespace();
                let Some((kind, trigger)) = parts.next().and_then(|p| p.split_once(':')) else {
                    problem(
                        line_no,
                        format!("{id} left out: an event needs TYPE:TRIGGER, found {data:?}"),
                    );
                    continue;
                };
                event_trigger.insert(id.to_owned(), trigger.to_owned());
                let mut roles = Vec::new();
                for (k, arg) in parts.enumerate() {
                    if let Some((role, target)) = arg.split_once(':') {
                        let key = format!("{id}-{}", k + 1);
                        let label = named_or_placeholder(role, || {
                            problem(
                                line_no,
                                format!(
                                    "{id} argument {} has no role: kept as {UNLABELLED:?}",
                                    k + 1
                                ),
                            );
                        });
                        line_of.insert(key.clone(), line_no);
                        flat.relations.push(Relation {
                            key,
                            label,
                            from: trigger.to_owned(),
                            to: target.to_owned(),
                            notes: Vec::new(),
                        });
                        roles.push(role);
                    }
                }
                problem(
                    line_no,
                    format!(
                        "event {id} ({kind}) kept as a tag on its trigger {trigger} with links \
                         for its arguments ({}); the event itself has no Demarche form",
                        if roles.is_empty() {
                            "none".into()
                        } else {
                            roles.join(", ")
                        }
                    ),
                );
            }
            Some('*') => {
                let mut parts = data.split_whitespace();
                let label = parts.next().unwrap_or("Equiv");
                let members: Vec<&str> = parts.collect();
                for pair in members.windows(2) {
                    equiv += 1;
                    let key = format!("*{equiv}");
                    line_of.insert(key.clone(), line_no);
                    flat.relations.push(Relation {
                        key,
                        label: label.to_owned(),
                        from: pair[0].to_owned(),
                        to: pair[1].to_owned(),
                        notes: Vec::new(),
                    });
                }
                problem(
                    line_no,
                    format!(
                        "{label} group {} kept as {label} links between consecutive members \
                         (exported back as R lines)",
                        members.join(" ")
                    ),
                );
            }
            Some('A' | 'M' | 'N' | '#') => later.push((line_no, id, data, tail)),
            _ => problem(line_no, format!("left out: unknown line type {id:?}")),
        }
    }

    let resolve = |key: &str| {
        event_trigger
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_owned())
    };
    for rel in &mut flat.relations {
        rel.from = resolve(&rel.from);
        rel.to = resolve(&rel.to);
    }
    // Attributes and notes find their annotation by key: indexed once (the first of a
    // repeated key, as a scan finds it), not searched for per line.
    let item_index = first_positions(flat.items.iter().map(|i| i.key.as_str()));
    let relation_index = first_positions(flat.relations.iter().map(|r| r.key.as_str()));
    for (line_no, id, data, tail) in later {
        let first = id.chars().next().unwrap_or('#');
        let mut parts = data.split_whitespace();
        let kind = parts.next().unwrap_or_default().to_owned();
        let target = resolve(parts.next().unwrap_or_default());
        let rest: Vec<&str> = parts.collect();
        let item_pos = item_index.get(&target).copied();
        let rel_pos = relation_index.get(&target).copied();
        match first {
            'A' | 'M' => {
                let Some(pos) = item_pos else {
                    problem(
                        line_no,
                        format!(
                            "{id} left out: attribute {kind} is on {target}, which is not a kept text span"
                        ),
                    );
                    continue;
                };
                let value = rest.first().copied().unwrap_or_default();
                flat.items[pos].attributes.push((kind, value.to_owned()));
            }
            'N' => {
                let db_id = rest.first().and_then(|r| r.split_once(':'));
                let (Some(pos), Some((db, nid))) = (item_pos, db_id) else {
                    problem(
                        line_no,
                        format!(
                            "{id} left out: expected \"TYPE TARGET DB:ID\" on a kept text span, found {data:?}"
                        ),
                    );
                    continue;
                };
                flat.items[pos].norms.push(Norm {
                    kind,
                    db: db.to_owned(),
                    id: nid.to_owned(),
                    text: unescape_note(tail),
                });
            }
            _ => {
                let text = unescape_note(tail);
                if let Some(pos) = item_pos {
                    if let Some(name) = kind.strip_prefix(ATTRIBUTE_NOTE) {
                        flat.items[pos].attributes.push((name.to_owned(), text));
                    } else {
                        flat.items[pos].notes.push((kind, text));
                    }
                } else if let Some(pos) = rel_pos {
                    flat.relations[pos].notes.push((kind, text));
                } else {
                    problem(
                        line_no,
                        format!("{id} left out: note on {target}, which is not a kept annotation"),
                    );
                }
            }
        }
    }
    (flat, problems, line_of)
}

/// Each key's first position.
fn first_positions<'k>(keys: impl Iterator<Item = &'k str>) -> HashMap<String, usize> {
    let mut positions = HashMap::new();
    for (i, key) in keys.enumerate() {
        positions.entry(key.to_owned()).or_insert(i);
    }
    positions
}

fn parse_textbound(data: &str) -> Option<(&str, Vec<(usize, usize)>)> {
    let (label, rest) = data.split_once(' ')?;
    let mut ranges = Vec::new();
    for piece in rest.split(';') {
        let mut nums = piece.split_whitespace();
        let s = nums.next()?.parse().ok()?;
        let e = nums.next()?.parse().ok()?;
        if nums.next().is_some() {
            return None;
        }
        ranges.push((s, e));
    }
    ranges.sort_unstable();
    Some((label, ranges))
}

/// Joins fragments that only a line break separates: the inverse of [`fragments`].
fn join_across_breaks(chars: &[char], ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        if let Some(last) = out.last_mut() {
            let gap = chars.get(last.1..s).unwrap_or(&[]);
            if s > last.1 && gap.iter().all(|&c| c == '\n') {
                last.1 = e;
                continue;
            }
        }
        out.push((s, e));
    }
    out
}

/// Problems of [`flat::rebuild`] told with the line they come from.
pub fn locate(problems: Vec<ImportProblem>, line_of: &HashMap<String, usize>) -> Vec<LineProblem> {
    problems
        .into_iter()
        .map(|p| LineProblem {
            line: line_of.get(&p.key).copied().unwrap_or(0),
            message: p.to_string(),
        })
        .collect()
}

/// `annotation.conf` declaring every type, relation and attribute the exported `.ann`
/// files use (brat refuses to show undeclared ones), from the codebook and the data. Names
/// are written as [`write_ann`] writes them, in a form brat's reader keeps as it is.
pub fn annotation_conf(project: &Project, flats: &[FlatDoc]) -> String {
    let mut entities: BTreeSet<String> = BTreeSet::new();
    let mut relations: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    let mut attributes: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for entry in project.codebook.list(CodebookList::TagCategories) {
        entities.insert(brat_type(&entry.key).into_owned());
    }
    for flat in flats {
        let label_of: HashMap<&str, &str> = flat
            .items
            .iter()
            .map(|i| (i.key.as_str(), i.label.as_str()))
            .collect();
        for item in &flat.items {
            entities.insert(brat_type(&item.label).into_owned());
            for (name, value) in &item.attributes {
                // Written as a `#` line instead, which needs no declaration.
                if !fits_attribute_line(name, value) {
                    continue;
                }
                let slot = attributes.entry(name.clone()).or_default();
                slot.0.insert(brat_type(&item.label).into_owned());
                if !value.is_empty() {
                    slot.1.insert(value.clone());
                }
            }
        }
        for rel in &flat.relations {
            let slot = relations
                .entry(brat_type(&rel.label).into_owned())
                .or_default();
            if let Some(l) = label_of.get(rel.from.as_str()) {
                slot.0.insert(brat_type(l).into_owned());
            }
            if let Some(l) = label_of.get(rel.to.as_str()) {
                slot.1.insert(brat_type(l).into_owned());
            }
        }
    }
    // Codebook values are declared even when unused, so analysts can pick them in brat.
    let lists = [
        (flat::ACTOR_KIND, CodebookList::ActorKinds),
        (flat::ATTRIBUTION, CodebookList::AttributionModes),
        (flat::CATEGORY, CodebookList::CommitmentCategories),
        (flat::CONTEXT, CodebookList::Contexts),
        (flat::STRENGTH, CodebookList::Strengths),
        (flat::TIME_HORIZON, CodebookList::TimeHorizons),
        (flat::POLARITY, CodebookList::Polarities),
        (flat::INTENSITY, CodebookList::Intensities),
        (flat::TOPIC, CodebookList::Topics),
    ];
    for (name, list) in lists {
        if let Some(slot) = attributes.get_mut(name) {
            slot.1.extend(
                project
                    .codebook
                    .list(list)
                    .iter()
                    .filter(|e| fits_attribute_line(name, &e.key))
                    .map(|e| e.key.clone()),
            );
        }
    }
    let mut out =
        String::from("# Generated by Demarche from the project's codebook.\n[entities]\n");
    for e in &entities {
        let _ = writeln!(out, "{e}");
    }
    out.push_str("\n[relations]\n");
    for (name, (from, to)) in &relations {
        let join = |s: &BTreeSet<String>| {
            if s.is_empty() {
                "<ENTITY>".to_owned()
            } else {
                s.iter().cloned().collect::<Vec<_>>().join("|")
            }
        };
        let _ = writeln!(out, "{name}\tArg1:{}, Arg2:{}", join(from), join(to));
    }
    out.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    out.push_str("\n[events]\n\n[attributes]\n");
    for (name, (on, values)) in &attributes {
        let on = on.iter().cloned().collect::<Vec<_>>().join("|");
        if values.is_empty() {
            let _ = writeln!(out, "{name}\tArg:{on}");
        } else {
            let values = values.iter().cloned().collect::<Vec<_>>().join("|");
            let _ = writeln!(out, "{name}\tArg:{on}, Value:{values}");
        }
    }
    out
}

/// `visual.conf`: codebook labels for the types (as [`brat_label`] can hold them) and a
/// colour for each.
pub fn visual_conf(project: &Project, flats: &[FlatDoc]) -> String {
    let mut out = String::from("# Generated by Demarche.\n[labels]\n");
    let builtin = [
        (flat::MENTION, "Mention", "#8fb4e3"),
        (flat::STATEMENT, "Statement", "#f7d794"),
        (flat::COMMITMENT, "Commitment", "#9fd8a5"),
        (flat::STANCE, "Stance", "#f3a6a6"),
        (flat::CUE, "Attribution cue", "#d9c2f0"),
    ];
    for (key, label, _) in builtin {
        let _ = writeln!(out, "{key} | {label}");
    }
    let mut tag_keys: BTreeSet<String> = BTreeSet::new();
    let label_line = |out: &mut String, key: &str, label: &str| {
        let label = brat_label(label);
        if label.is_empty() {
            let _ = writeln!(out, "{key}");
        } else {
            let _ = writeln!(out, "{key} | {label}");
        }
    };
    for e in project.codebook.list(CodebookList::TagCategories) {
        let key = brat_type(&e.key);
        label_line(&mut out, &key, &e.label);
        tag_keys.insert(key.into_owned());
    }
    for e in project.codebook.list(CodebookList::LinkTypes) {
        label_line(&mut out, &brat_type(&e.key), &e.label);
    }
    for f in flats {
        for i in &f.items {
            tag_keys.insert(brat_type(&i.label).into_owned());
        }
    }
    out.push_str("\n[drawing]\n");
    for (key, _, colour) in builtin {
        tag_keys.remove(key);
        let _ = writeln!(out, "{key}\tbgColor:{colour}");
    }
    for (i, key) in tag_keys.iter().enumerate() {
        let colour = crate::model::Rgb::for_index(i as u64).to_hex();
        let _ = writeln!(out, "{key}\tbgColor:{colour}");
    }
    out
}
