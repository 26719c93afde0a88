//! Facets, as Datasette shows them: for each field, its values with how many annotations
//! have them under the rest of the query (the query without that field's own chips), so
//! that every value shows what choosing it would give. One pass over the rows computes the
//! hits and every facet.

use super::eval::{EvalError, compile};
use super::grammar::{Field, Query};
use super::index::Index;

/// The fields that get facets, in the order they are shown.
pub const FACET_FIELDS: [Field; 19] = [
    Field::Kind,
    Field::Analyst,
    Field::Speaker,
    Field::Committer,
    Field::Addressee,
    Field::Holder,
    Field::Target,
    Field::Topic,
    Field::Category,
    Field::Context,
    Field::Strength,
    Field::Polarity,
    Field::Intensity,
    Field::Conditions,
    Field::Attribution,
    Field::Cameo,
    Field::Source,
    Field::Status,
    Field::Check,
];

/// One value of a facet.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetValue {
    /// The value as a chip writes it (actor name, codebook key, `present`, …).
    pub text: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Facet {
    pub field: Field,
    /// Values with at least one annotation, most frequent first (ties by text).
    pub values: Vec<FacetValue>,
}

/// The hits of a query and its facets.
#[derive(Clone, Debug)]
pub struct Faceted {
    pub hits: Vec<u32>,
    pub facets: Vec<Facet>,
}

/// How many different values `field` can take in this index.
pub fn domain(index: &Index, field: Field) -> usize {
    match field {
        f if f.is_actor() => index.actor_names.len(),
        Field::Kind => 6,
        Field::Conditions => 2,
        Field::Status => 3,
        Field::Check => 32,
        Field::Document => index.docs.len(),
        f => index.interner(f).map_or(0, |i| i.len()),
    }
}

pub fn facets(index: &Index, query: &Query) -> Result<Faceted, EvalError> {
    let compiled = compile(index, query)?;
    let mut counts: Vec<Vec<u32>> = FACET_FIELDS
        .iter()
        .map(|f| vec![0; domain(index, *f)])
        .collect();
    let facet_of = |field: Field| FACET_FIELDS.iter().position(|f| *f == field);
    let mut hits = Vec::new();
    let mut buf = Vec::new();
    let mut count = |counts: &mut Vec<Vec<u32>>, slot: usize, row_at: usize| {
        let row = &index.rows[row_at];
        let counter = &mut counts[slot];
        let field = FACET_FIELDS[slot];
        let mut add = |v: u32| {
            if let Some(c) = counter.get_mut(v as usize) {
                *c += 1;
            }
        };
        match field {
            Field::Addressee | Field::Actor | Field::Target | Field::Check => {
                index.values(row, field, &mut buf);
                buf.iter().for_each(|v| add(*v));
            }
            _ => add(index.single(row, field)),
        }
    };
    for row_at in 0..index.rows.len() {
        // The one field whose chips fail, if only one does.
        let mut failing: Option<Field> = None;
        let mut out = false;
        for (i, (field, _, _)) in compiled.tests.iter().enumerate() {
            if !compiled.holds(i, index, row_at) {
                match failing {
                    None => failing = Some(*field),
                    Some(f) if f == *field => {}
                    Some(_) => {
                        out = true;
                        break;
                    }
                }
            }
        }
        if out {
            continue;
        }
        match failing {
            None => {
                hits.push(row_at as u32);
                for slot in 0..FACET_FIELDS.len() {
                    count(&mut counts, slot, row_at);
                }
            }
            Some(field) => {
                if let Some(slot) = facet_of(field) {
                    count(&mut counts, slot, row_at);
                }
            }
        }
    }
    let facets = FACET_FIELDS
        .iter()
        .zip(counts)
        .map(|(field, counts)| {
            let mut values: Vec<FacetValue> = counts
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .map(|(v, c)| FacetValue {
                    text: index.value_text(*field, v as u32),
                    count: *c as usize,
                })
                .collect();
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
            Facet {
                field: *field,
                values,
            }
        })
        .collect();
    Ok(Faceted { hits, facets })
}
