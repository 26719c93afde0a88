//! Agreement between analysts: how far their layers agree on where units are (Krippendorff's
//! unitizing α) and, once units are matched, on every attribute (Krippendorff's α nominal
//! and ordinal, percent agreement, Cohen's κ), each figure with its coverage.
//!
//! Pure: depends on the model only (and on `suggest` for the suggestions as an analyst).

pub mod align;
pub mod attributes;
pub mod unitizing;
pub mod units;

pub use align::{Group, MIN_SHARE_OF_SHORTER, PairAlignment, align_pair, can_match, group};
pub use units::{Attribute, Layer, Scale, Unit, Value, extract, extract_for, ordinal_ranks};
