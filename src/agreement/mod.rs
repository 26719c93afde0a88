//! Agreement between analysts: how far their layers agree on where units are (Krippendorff's
//! unitizing α) and, once units are matched, on every attribute (Krippendorff's α nominal
//! and ordinal, percent agreement, Cohen's κ), each figure with its coverage.
//!
//! Pure: depends on the model (and on `suggest` for the suggestions as an analyst).

pub mod align;
pub mod attributes;
pub mod disagreements;
pub mod report;
pub mod scope;
pub mod suggested;
pub mod unitizing;
pub mod units;

pub use align::{Group, MIN_SHARE_OF_SHORTER, PairAlignment, align_pair, can_match, group};
pub use disagreements::{Disagreement, disagreements};
pub use scope::{Report, Selection, SelectionError, compute};
pub use suggested::SUGGESTIONS;
pub use units::{Attribute, Layer, Scale, Unit, Value, extract, extract_for, ordinal_ranks};
