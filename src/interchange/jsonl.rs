//! doccano JSONL, one document a line, in both of doccano's forms:
//!
//! - plain (sequence labelling): `{"text": …, "label": [[start, end, "LABEL"], …]}`
//!   (older doccano wrote `labels`);
//! - relations: `{"text": …, "entities": [{"id", "start_offset", "end_offset", "label"}],
//!   "relations": [{"id", "from_id", "to_id", "type"}]}`.
//!
//! Offsets count code points, as Python (and doccano) do. Demarche adds keys doccano keeps
//! as metadata — `ranges` for discontinuous spans, `attributes`, `notes`, `norms` — so a
//! project comes back whole; files without them import as tags and links.

use super::flat::{FlatDoc, Item, Norm, Relation};
use super::{UNLABELLED, named_or_placeholder};
use serde_json::{Map, Value, json};

/// The relation form of one document.
pub fn relation_line(id: u64, title: &str, text: &str, flat: &FlatDoc) -> Value {
    let numbers: std::collections::HashMap<&str, usize> = flat
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.key.as_str(), i + 1))
        .collect();
    let number = |key: &str| -> usize { numbers.get(key).copied().unwrap_or(0) };
    let entities: Vec<Value> = flat
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut e = Map::new();
            e.insert("id".into(), json!(i + 1));
            e.insert("label".into(), json!(item.label));
            e.insert(
                "start_offset".into(),
                json!(item.ranges.first().map_or(0, |r| r.0)),
            );
            e.insert(
                "end_offset".into(),
                json!(item.ranges.last().map_or(0, |r| r.1)),
            );
            if item.ranges.len() > 1 {
                e.insert("ranges".into(), json!(item.ranges));
            }
            if !item.attributes.is_empty() {
                e.insert("attributes".into(), pairs(&item.attributes));
            }
            if !item.notes.is_empty() {
                e.insert("notes".into(), pairs(&item.notes));
            }
            if !item.norms.is_empty() {
                let norms: Vec<Value> = item
                    .norms
                    .iter()
                    .map(|n| json!({"type": n.kind, "db": n.db, "id": n.id, "text": n.text}))
                    .collect();
                e.insert("norms".into(), Value::Array(norms));
            }
            Value::Object(e)
        })
        .collect();
    let relations: Vec<Value> = flat
        .relations
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut o = Map::new();
            o.insert("id".into(), json!(i + 1));
            o.insert("from_id".into(), json!(number(&r.from)));
            o.insert("to_id".into(), json!(number(&r.to)));
            o.insert("type".into(), json!(r.label));
            if !r.notes.is_empty() {
                o.insert("notes".into(), pairs(&r.notes));
            }
            Value::Object(o)
        })
        .collect();
    json!({
        "id": id,
        "title": title,
        "text": text,
        "entities": entities,
        "relations": relations,
    })
}

/// The plain form: one `[start, end, label]` per range; relations and fields do not fit.
pub fn plain_line(id: u64, title: &str, text: &str, flat: &FlatDoc) -> Value {
    let labels: Vec<Value> = flat
        .items
        .iter()
        .flat_map(|i| i.ranges.iter().map(move |&(s, e)| json!([s, e, i.label])))
        .collect();
    json!({"id": id, "title": title, "text": text, "label": labels})
}

/// Ordered name/value pairs as `[[name, value], …]`: names may repeat (several notes).
fn pairs(list: &[(String, String)]) -> Value {
    Value::Array(list.iter().map(|(k, v)| json!([k, v])).collect())
}

/// One parsed line: title (when given), text as written, and its annotations with
/// offsets into the text as written.
pub struct Line {
    pub title: Option<String>,
    /// The analyst whose layer the line is (Demarche's export names it).
    pub analyst: Option<String>,
    pub text: String,
    pub flat: FlatDoc,
    /// What was kept otherwise than written (an empty label given a placeholder).
    pub notes: Vec<String>,
}

/// Parses one line of either form; the error says what is wrong, for the caller to prefix
/// with the line number.
pub fn parse_line(line: &str) -> Result<Line, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let obj = value
        .as_object()
        .ok_or("expected a JSON object with a \"text\" key")?;
    let text = obj
        .get("text")
        .and_then(Value::as_str)
        .ok_or("no \"text\" string")?
        .to_owned();
    if text.trim().is_empty() {
        return Err("the \"text\" is empty: a document needs text".into());
    }
    let mut notes = Vec::new();
    let title = obj.get("title").and_then(Value::as_str).map(str::to_owned);
    let analyst = obj
        .get("analyst")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned);
    let mut flat = FlatDoc::default();
    if let Some(entities) = obj.get("entities") {
        let entities = entities.as_array().ok_or("\"entities\" is not a list")?;
        for (n, e) in entities.iter().enumerate() {
            let mut item = parse_entity(e).map_err(|m| format!("entity {}: {m}", n + 1))?;
            item.label = named_or_placeholder(&item.label, || {
                notes.push(format!(
                    "entity {} has no label: kept as {UNLABELLED:?}",
                    n + 1
                ));
            });
            flat.items.push(item);
        }
        if let Some(relations) = obj.get("relations") {
            let relations = relations.as_array().ok_or("\"relations\" is not a list")?;
            for (n, r) in relations.iter().enumerate() {
                let mut relation =
                    parse_relation(r).map_err(|m| format!("relation {}: {m}", n + 1))?;
                relation.label = named_or_placeholder(&relation.label, || {
                    notes.push(format!(
                        "relation {} has no type: kept as {UNLABELLED:?}",
                        n + 1
                    ));
                });
                flat.relations.push(relation);
            }
        }
    } else if let Some(labels) = obj.get("label").or_else(|| obj.get("labels")) {
        let labels = labels.as_array().ok_or("\"label\" is not a list")?;
        for (n, l) in labels.iter().enumerate() {
            let triple = l.as_array().filter(|t| t.len() == 3);
            let parsed = triple.and_then(|t| {
                Some((
                    t[0].as_u64()? as usize,
                    t[1].as_u64()? as usize,
                    t[2].as_str()?.to_owned(),
                ))
            });
            let (s, e, label) =
                parsed.ok_or_else(|| format!("label {} is not [start, end, \"LABEL\"]", n + 1))?;
            let label = named_or_placeholder(&label, || {
                notes.push(format!(
                    "label {} has no name: kept as {UNLABELLED:?}",
                    n + 1
                ));
            });
            flat.items.push(Item {
                key: format!("L{}", n + 1),
                label,
                ranges: vec![(s, e)],
                ..Item::default()
            });
        }
    }
    Ok(Line {
        title,
        analyst,
        text,
        flat,
        notes,
    })
}

fn id_string(v: Option<&Value>) -> Result<String, String> {
    match v {
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(Value::String(s)) => Ok(s.clone()),
        _ => Err("no \"id\"".into()),
    }
}

fn offset(e: &Value, key: &str) -> Result<usize, String> {
    e.get(key)
        .and_then(Value::as_u64)
        .map(|n| n as usize)
        .ok_or_else(|| format!("no whole-number \"{key}\""))
}

fn read_pairs(v: Option<&Value>) -> Vec<(String, String)> {
    let Some(v) = v else { return Vec::new() };
    match v {
        Value::Array(list) => list
            .iter()
            .filter_map(|p| {
                let p = p.as_array()?;
                Some((
                    p.first()?.as_str()?.to_owned(),
                    p.get(1)?.as_str()?.to_owned(),
                ))
            })
            .collect(),
        Value::Object(map) => map
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
            .collect(),
        _ => Vec::new(),
    }
}

fn parse_entity(e: &Value) -> Result<Item, String> {
    let key = id_string(e.get("id"))?;
    let label = e
        .get("label")
        .and_then(Value::as_str)
        .ok_or("no \"label\" string")?
        .to_owned();
    let ranges = match e.get("ranges").and_then(Value::as_array) {
        Some(list) => list
            .iter()
            .map(|r| {
                let r = r.as_array()?;
                Some((r.first()?.as_u64()? as usize, r.get(1)?.as_u64()? as usize))
            })
            .collect::<Option<Vec<_>>>()
            .ok_or("\"ranges\" is not a list of [start, end]")?,
        None => vec![(offset(e, "start_offset")?, offset(e, "end_offset")?)],
    };
    let norms = e
        .get("norms")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|n| {
                    let s = |k: &str| n.get(k).and_then(Value::as_str).map(str::to_owned);
                    Some(Norm {
                        kind: s("type")?,
                        db: s("db")?,
                        id: s("id")?,
                        text: s("text").unwrap_or_default(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Item {
        key,
        label,
        ranges,
        attributes: read_pairs(e.get("attributes")),
        notes: read_pairs(e.get("notes")),
        norms,
    })
}

fn parse_relation(r: &Value) -> Result<Relation, String> {
    Ok(Relation {
        key: format!("R{}", id_string(r.get("id")).unwrap_or_default()),
        label: r
            .get("type")
            .and_then(Value::as_str)
            .ok_or("no \"type\" string")?
            .to_owned(),
        from: id_string(r.get("from_id")).map_err(|_| "no \"from_id\"")?,
        to: id_string(r.get("to_id")).map_err(|_| "no \"to_id\"")?,
        notes: read_pairs(r.get("notes")),
    })
}

/// Normalises line endings to LF and moves code-point offsets with the text, so a doccano
/// text written with CRLF imports without drift.
pub fn normalise(text: &str, flat: &mut FlatDoc) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    // new_offset[i] = offset in the LF text of code point i of the original.
    let chars: Vec<char> = text.chars().collect();
    let mut new_offset = Vec::with_capacity(chars.len() + 1);
    let mut out = String::with_capacity(text.len());
    let mut n = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        new_offset.push(n);
        if c == '\r' && chars.get(i + 1) == Some(&'\n') {
            continue; // the LF that follows stands for both
        }
        out.push(if c == '\r' { '\n' } else { c });
        n += 1;
    }
    new_offset.push(n);
    let map = |o: usize| new_offset.get(o).copied().unwrap_or(o);
    for item in &mut flat.items {
        for r in &mut item.ranges {
            *r = (map(r.0), map(r.1));
        }
    }
    out
}
