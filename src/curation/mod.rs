//! Curation: turning the analysts' layers into one curated layer, unit by unit, with a
//! recorded decision for each. Pure (model and agreement only): the window and the command
//! line both build their edits here.

pub mod auto;
pub mod decide;
pub mod units;

pub use auto::{Merged, Rule, auto_merge};
pub use decide::{CurationError, Planner};
pub use units::{CurationUnit, Progress, Status, coders, next_open, same_version, units};
