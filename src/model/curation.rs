//! The curated layer: one more layer, under a reserved name, that a curator builds from
//! the analysts' layers. Each unit the curator settles leaves a [`Decision`] on the
//! document: which analysts' annotations it covers, what was decided, by whom, when, why.

use super::ids::Id;
use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

/// The name of the curated layer in `stamp.annotator`, and its folder in a project folder.
/// Reserved: no analyst may code under it (the window and `--as` refuse it), so it never
/// mixes with a person's layer.
pub const CURATED: &str = "curated";

/// True for the curated layer's name.
pub fn is_curated(layer: &str) -> bool {
    layer == CURATED
}

/// What the curator decided for one unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// These analysts agreed completely and their version was taken without asking
    /// (auto-merge); the others had nothing or something else.
    Agreed { analysts: Vec<String> },
    /// The curator took this analyst's version.
    Took { analyst: String },
    /// The curator took a version and changed it.
    Edited,
    /// No analyst's version is right: the unit stays out of the curated layer.
    NoneRight,
}

impl Outcome {
    /// Short words for lists and tooltips.
    pub fn label(&self) -> String {
        match self {
            Outcome::Agreed { analysts } => format!("agreed ({})", analysts.join(", ")),
            Outcome::Took { analyst } => format!("took {analyst}'s"),
            Outcome::Edited => "edited".to_owned(),
            Outcome::NoneRight => "none is right".to_owned(),
        }
    }

    /// True for decisions a person made (auto-merge never replaces those).
    pub fn is_the_curators(&self) -> bool {
        !matches!(self, Outcome::Agreed { .. })
    }
}

/// One curation decision on a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The analysts' annotations the unit covers, sorted: what identifies the decision.
    pub covers: Vec<Id>,
    pub outcome: Outcome,
    /// The curated-layer annotation the decision produced; none for [`Outcome::NoneRight`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Id>,
    pub curator: String,
    pub decided: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

impl Decision {
    /// A decision made now (to the second, as stamps are).
    pub fn now(
        mut covers: Vec<Id>,
        outcome: Outcome,
        result: Option<Id>,
        curator: &str,
        reason: &str,
    ) -> Self {
        covers.sort();
        covers.dedup();
        Self {
            covers,
            outcome,
            result,
            curator: curator.to_owned(),
            decided: Utc::now().trunc_subsecs(0),
            reason: reason.trim().to_owned(),
        }
    }

    /// True when the decision covers the analysts' annotation `id`.
    pub fn covers_id(&self, id: Id) -> bool {
        self.covers.binary_search(&id).is_ok()
    }
}

/// Where a decision with these `covers` sits in a list sorted by `covers`.
pub fn position(decisions: &[Decision], covers: &[Id]) -> Result<usize, usize> {
    decisions.binary_search_by(|d| d.covers.as_slice().cmp(covers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_keys_on_its_sorted_covers_and_trims_its_reason() {
        let d = Decision::now(
            vec![Id(9), Id(3), Id(9)],
            Outcome::Took {
                analyst: "bob".into(),
            },
            Some(Id(20)),
            "carol",
            "  bob read the hedge  ",
        );
        assert_eq!(d.covers, vec![Id(3), Id(9)]);
        assert!(d.covers_id(Id(9)) && !d.covers_id(Id(4)));
        assert_eq!(d.reason, "bob read the hedge");
        let list = vec![d.clone()];
        assert_eq!(position(&list, &[Id(3), Id(9)]), Ok(0));
        assert_eq!(position(&list, &[Id(4)]), Err(1));
        assert!(d.outcome.is_the_curators());
        assert!(!Outcome::Agreed { analysts: vec![] }.is_the_curators());
    }
}
