//! The data model: pure data, no user interface. Everything a project file holds.

pub mod actor;
pub mod analyst;
pub mod annotation;
pub mod codebook;
pub mod counting;
pub mod curation;
pub mod document;
pub mod duplicates;
pub mod ids;
pub mod layers;
pub mod merge;
pub mod merge_units;
pub mod project;
pub mod span;
pub mod text;
mod timestamp;

pub use actor::{Actor, Rgb};
pub use annotation::{
    Annotation, AnnotationKind, Commitment, Link, Mention, Stamp, Stance, StanceTarget, Statement,
    Tag,
};
pub use codebook::{Codebook, CodebookEntry, CodebookList};
pub use counting::{counted, human_size, plural_s};
pub use curation::{CURATED, Decision, Outcome};
pub use document::{DocStatus, Document, DocumentMeta, LineEndings, Origin};
pub use ids::{Id, IdAllocator, IdsExhausted};
pub use project::{Counts, FORMAT_VERSION, Project, ProjectMeta, RejectedSuggestion, SavedQuery};
pub use span::{Span, SpanError, TextRange};
pub use text::TextIndex;
