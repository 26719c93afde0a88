//! Bulk recode: one field (category, strength, polarity) set on every marked hit of one's
//! own layer, as ONE edit (a batch), so that one undo restores them all.

use crate::edit::Edit;
use crate::model::{Annotation, CodebookList, Project};
use crate::query::Hit;

/// The fields a bulk recode sets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RecodeField {
    #[default]
    Category,
    Strength,
    Polarity,
}

impl RecodeField {
    pub const ALL: [RecodeField; 3] = [
        RecodeField::Category,
        RecodeField::Strength,
        RecodeField::Polarity,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RecodeField::Category => "category",
            RecodeField::Strength => "strength",
            RecodeField::Polarity => "polarity",
        }
    }

    /// The codebook keys the field takes, with their labels.
    pub fn values(self, project: &Project) -> Vec<(String, String)> {
        let lists: &[CodebookList] = match self {
            RecodeField::Category => &[
                CodebookList::CommitmentCategories,
                CodebookList::TagCategories,
            ],
            RecodeField::Strength => &[CodebookList::Strengths],
            RecodeField::Polarity => &[CodebookList::Polarities],
        };
        let mut out: Vec<(String, String)> = Vec::new();
        for list in lists {
            for e in project.codebook.list(*list) {
                if !out.iter().any(|(k, _)| *k == e.key) {
                    out.push((e.key.clone(), e.label.clone()));
                }
            }
        }
        out
    }
}

/// What a recode would do: the edit (`None` when nothing changes) and how many hits it
/// changes and leaves (another analyst's layer, a kind without the field, already so).
pub struct Recode {
    pub edit: Option<Edit>,
    pub changed: usize,
    pub left: usize,
}

/// Sets `field` to `value` on every hit of `annotator`'s layer that has the field.
pub fn recode(
    project: &Project,
    hits: &[Hit],
    annotator: &str,
    field: RecodeField,
    value: &str,
) -> Recode {
    let mut edits = Vec::new();
    for hit in hits {
        if hit.analyst != annotator {
            continue;
        }
        let Some(annotation) = project
            .document(hit.document)
            .and_then(|d| d.annotation(hit.annotation))
        else {
            continue;
        };
        let updated = match (field, annotation) {
            (RecodeField::Category, Annotation::Commitment(mut c)) if c.category != value => {
                c.category = value.to_owned();
                Annotation::Commitment(c)
            }
            (RecodeField::Category, Annotation::Tag(mut t)) if t.category != value => {
                t.category = value.to_owned();
                Annotation::Tag(t)
            }
            (RecodeField::Strength, Annotation::Commitment(mut c)) if c.strength != value => {
                c.strength = value.to_owned();
                Annotation::Commitment(c)
            }
            (RecodeField::Polarity, Annotation::Stance(mut s)) if s.polarity != value => {
                s.polarity = value.to_owned();
                Annotation::Stance(s)
            }
            _ => continue,
        };
        edits.push(crate::ui::panels::update_annotation(hit.document, updated));
    }
    let changed = edits.len();
    Recode {
        edit: (!edits.is_empty()).then_some(Edit::Batch(edits)),
        changed,
        left: hits.len() - changed,
    }
}
