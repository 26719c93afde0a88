//! brat's `annotation.conf` and `visual.conf` for codebooks whose keys and labels hold the
//! characters brat's configuration reader treats specially (`,` `|` `:` `=` `<…>` `!` `#`,
//! tabs, non-ASCII). The check below reads them as brat's `server/src/projectconfig.py`
//! does (`__parse_configs`, `__read_term_hierarchy`, `TypeHierarchyNode`) and fails on
//! anything brat would reject, rewrite or read differently.

use crate::export_fixture;

use demarche::export::{self, Format};
use demarche::interchange::{
    self,
    brat::{brat_type, brat_type_decode},
};
use demarche::model::{CodebookEntry, CodebookList, Id, Link, Project, Tag};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// What brat reserves in `<…>` (`reserved_config_name`); any other `<…>` is an undefined
/// macro, and a section with one falls back to brat's minimal default configuration.
const RESERVED: [&str; 15] = [
    "ANY",
    "ENTITY",
    "RELATION",
    "EVENT",
    "NONE",
    "EMPTY",
    "REL-TYPE",
    "URL",
    "URLBASE",
    "GLYPH-POS",
    "DEFAULT",
    "NORM",
    "OVERLAP",
    "OVL-TYPE",
    "INHERIT",
];

/// One line of a section as brat reads it: its terms and its `key:type|type` arguments.
#[derive(Debug)]
struct Node {
    terms: Vec<String>,
    args: Vec<(String, Vec<String>)>,
}

fn storage_form(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Reads a configuration as brat does; an error for anything brat would not keep as
/// written.
fn brat_read(conf: &str) -> Result<BTreeMap<String, Vec<Node>>, String> {
    let mut section = "general".to_owned();
    let mut sections: BTreeMap<String, Vec<Node>> = BTreeMap::new();
    for line in conf.split('\n') {
        let t = line.trim();
        if let Some(name) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            section = name.to_owned();
            continue;
        }
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t.bytes().all(|b| b == b'-') {
            return Err(format!("{line:?} is read as a separator"));
        }
        if line.starts_with('<') && line.contains(">=") {
            return Err(format!("{line:?} is read as a macro definition"));
        }
        // `re.finditer(r'(<.*?>)', l)`: each `<` with the nearest `>` after it.
        let mut rest = line;
        while let Some(open) = rest.find('<') {
            let Some(close) = rest[open..].find('>') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            if !RESERVED.contains(&name) {
                return Err(format!("undefined macro <{name}> in {line:?}"));
            }
            rest = &rest[open + close + 1..];
        }
        if line.starts_with(char::is_whitespace) {
            return Err(format!("{line:?} is indented (a child type)"));
        }
        let (terms, args) = if section == "labels" {
            line.split_once('\t').unwrap_or((line, ""))
        } else {
            line.split_once(char::is_whitespace).unwrap_or((line, ""))
        };
        let terms: Vec<String> = terms
            .split('|')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        if terms.is_empty() {
            return Err(format!("no term in {line:?}"));
        }
        if let Some(t) = terms.iter().find(|t| t.starts_with('!')) {
            return Err(format!("{t:?} in {line:?} is read as an unused type"));
        }
        if !storage_form(&terms[0]) && !RESERVED.iter().any(|r| terms[0] == format!("<{r}>")) {
            return Err(format!(
                "{:?} in {line:?} is rewritten by normalize_to_storage_form",
                terms[0]
            ));
        }
        let mut parsed = Vec::new();
        for arg in args.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            let (key, types) = arg
                .split_once(':')
                .filter(|_| !arg.contains(char::is_whitespace))
                .ok_or_else(|| format!("argument {arg:?} in {line:?} does not parse"))?;
            let types: Vec<String> = types.split('|').map(str::to_owned).collect();
            if types.iter().any(|t| t.trim().is_empty()) {
                return Err(format!("empty type in {arg:?} of {line:?}"));
            }
            parsed.push((key.to_owned(), types));
        }
        sections.entry(section.clone()).or_default().push(Node {
            terms,
            args: parsed,
        });
    }
    Ok(sections)
}

fn arg<'a>(node: &'a Node, key: &str) -> Option<&'a Vec<String>> {
    node.args.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Keys and labels brat's reader would break on, one of each kind.
const AWKWARD: [(&str, &str); 10] = [
    ("econ:aid", "Aid: economic, military | other"),
    ("a,b", "Comma, in key"),
    ("x|y", "Pipe | in | label"),
    ("k=v", "k = v"),
    ("!urgent", "!Urgent"),
    ("#hash", "# not a comment"),
    ("---", "<b>bold</b> and <ENTITY>"),
    ("Économie politique", "Économie\tpolitique\nlabel"),
    ("SPAN_DEFAULT", "Span default"),
    ("__already", "Starts like an escape"),
];

/// The fixture with awkward tag categories, link types and tag attributes, all used.
fn awkward_project() -> Project {
    let mut p = export_fixture::project();
    for (key, label) in AWKWARD {
        p.codebook
            .list_mut(CodebookList::TagCategories)
            .push(CodebookEntry::new(key, label));
        p.codebook
            .list_mut(CodebookList::LinkTypes)
            .push(CodebookEntry::new(format!("rel {key}"), label));
    }
    p.codebook
        .list_mut(CodebookList::Topics)
        .push(CodebookEntry::new("trade,aid", "Trade and aid"));
    let doc = &mut p.documents[0];
    let words = ["BEIJING", "State", "Councilor", "Wang", "Tuesday", "China"];
    for (n, (key, _)) in AWKWARD.iter().enumerate() {
        let needle = words[n % words.len()];
        doc.tags.push(Tag {
            id: Id(900 + n as u64),
            span: export_fixture::span(doc, needle),
            category: (*key).to_owned(),
            attributes: BTreeMap::from([
                // (A `#` line's type cannot hold whitespace, which brat_name turns into `_`.)
                (key.replace(' ', ""), "v".to_owned()),
                ("level".to_owned(), (*key).to_owned()),
                ("plain".to_owned(), "ok".to_owned()),
            ]),
            stamp: export_fixture::stamp(),
            note: String::new(),
        });
    }
    for (n, (key, _)) in AWKWARD.iter().enumerate().skip(1) {
        doc.links.push(Link {
            id: Id(950 + n as u64),
            from: Id(900 + n as u64 - 1),
            to: Id(900 + n as u64),
            label: format!("rel {key}"),
            stamp: export_fixture::stamp(),
            note: String::new(),
        });
    }
    p
}

/// The typed lines of an `.ann` file: (id, type, rest of the line).
fn ann_lines(ann: &str) -> Vec<(String, String, Vec<String>)> {
    ann.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let mut fields = l.split('\t');
            let id = fields.next().unwrap().to_owned();
            let mut words = fields.next().unwrap().split(' ');
            let kind = words.next().unwrap().to_owned();
            (id, kind, words.map(str::to_owned).collect())
        })
        .collect()
}

#[test]
fn awkward_codebook_keys_and_labels_give_configurations_brat_reads_as_written() {
    let project = awkward_project();
    let dir = tempfile::tempdir().unwrap();
    export::export(&project, Format::Brat, dir.path(), &mut |_| {}).unwrap();
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();

    let conf = brat_read(&read("annotation.conf")).unwrap_or_else(|e| panic!("{e}"));
    let visual = brat_read(&read("visual.conf")).unwrap_or_else(|e| panic!("{e}"));
    let entities: BTreeSet<&str> = conf["entities"]
        .iter()
        .map(|n| n.terms[0].as_str())
        .collect();
    let relations: BTreeMap<&str, &Node> = conf["relations"]
        .iter()
        .map(|n| (n.terms[0].as_str(), n))
        .collect();
    let attributes: BTreeMap<&str, &Node> = conf["attributes"]
        .iter()
        .map(|n| (n.terms[0].as_str(), n))
        .collect();

    // Every type, relation and attribute the .ann files use is declared as they use it.
    let mut checked = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ann") {
            continue;
        }
        let lines = ann_lines(&std::fs::read_to_string(&path).unwrap());
        let type_of: BTreeMap<&str, &str> = lines
            .iter()
            .filter(|(id, _, _)| id.starts_with('T'))
            .map(|(id, kind, _)| (id.as_str(), kind.as_str()))
            .collect();
        for (id, kind, rest) in &lines {
            match &id[..1] {
                "T" => assert!(entities.contains(kind.as_str()), "{kind} undeclared"),
                "R" => {
                    let node = relations.get(kind.as_str()).unwrap_or_else(|| {
                        panic!("relation {kind} undeclared");
                    });
                    for (n, key) in ["Arg1", "Arg2"].iter().enumerate() {
                        let target = rest[n].split_once(':').unwrap().1;
                        let allowed = arg(node, key).unwrap();
                        assert!(
                            allowed
                                .iter()
                                .any(|a| a == type_of[target] || a == "<ENTITY>"),
                            "{kind} {key} does not allow {}",
                            type_of[target]
                        );
                    }
                }
                "A" => {
                    let node = attributes.get(kind.as_str()).unwrap_or_else(|| {
                        panic!("attribute {kind} undeclared");
                    });
                    assert!(
                        arg(node, "Arg")
                            .unwrap()
                            .iter()
                            .any(|t| t == type_of[rest[0].as_str()])
                    );
                    if let Some(value) = rest.get(1) {
                        assert!(
                            arg(node, "Value").unwrap().contains(value),
                            "{kind} value {value} undeclared"
                        );
                    }
                }
                _ => {}
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} lines checked");

    // Each awkward category is declared, and labelled with its label's own words.
    let labels: BTreeMap<&str, &Node> = visual["labels"]
        .iter()
        .map(|n| (n.terms[0].as_str(), n))
        .collect();
    for (key, label) in AWKWARD {
        let name = brat_type(key);
        assert!(entities.contains(&*name), "{key} as {name} undeclared");
        let shown = labels[&*name].terms[1]
            .replace('｜', "|")
            .replace('＜', "<")
            .replace('！', "!");
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(words(&shown), words(label));
    }
    // Codebook values brat's Value list cannot hold are left out of it (they are written
    // as notes), the others declared.
    let topics = arg(attributes["Topic"], "Value").unwrap();
    assert!(topics.contains(&"trade".to_owned()) && !topics.iter().any(|t| t.contains(',')));
}

#[test]
fn awkward_names_and_values_come_back_from_brat() {
    let project = awkward_project();
    let dir = tempfile::tempdir().unwrap();
    export::export(&project, Format::Brat, dir.path(), &mut |_| {}).unwrap();
    let mut back = Project::new("back");
    let report = interchange::import_brat(&mut back, dir.path(), "ana").unwrap();
    assert!(report.problems.is_empty(), "{:#?}", report.problems);

    let original = &project.documents[0];
    let doc = back
        .documents
        .iter()
        .find(|d| d.text() == original.text())
        .unwrap();
    // Categories, link types and attributes come back exactly as they were.
    let tags = |tags: &[Tag]| -> BTreeSet<(String, BTreeMap<String, String>)> {
        tags.iter()
            .map(|t| (t.category.clone(), t.attributes.clone()))
            .collect()
    };
    assert_eq!(tags(&doc.tags), tags(&original.tags));
    let links =
        |links: &[Link]| -> BTreeSet<String> { links.iter().map(|l| l.label.clone()).collect() };
    assert_eq!(links(&doc.links), links(&original.links));
}

fn is_written_as_is(s: &str) -> bool {
    storage_form(s)
        && !s.starts_with("__")
        && !s.bytes().all(|b| b == b'-')
        && ![
            "SPAN_DEFAULT",
            "ARC_DEFAULT",
            "ATTRIBUTE_DEFAULT",
            "ENTITY-NESTING",
        ]
        .contains(&s)
}

proptest! {
    #[test]
    fn every_type_name_becomes_a_brat_storage_name_that_decodes_to_it(name in "\\PC{0,12}") {
        let written = brat_type(&name);
        prop_assert!(storage_form(&written), "{written}");
        prop_assert_eq!(brat_type_decode(&written), Some(name.clone()));
        // Names brat already takes are written unchanged.
        prop_assert_eq!(written == name, is_written_as_is(&name));
    }
}

#[test]
fn plain_keys_keep_their_names_so_existing_brat_folders_still_match() {
    for key in ["key_passage", "to-review", "Mention", "a1"] {
        assert_eq!(brat_type(key), key);
    }
    assert_eq!(brat_type("econ:aid"), "__econ_3a_aid");
    assert_eq!(
        brat_type_decode("__econ_3a_aid").as_deref(),
        Some("econ:aid")
    );
    assert_eq!(brat_type_decode("__bad_zz_"), None);
}
