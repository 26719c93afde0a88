//! Questions across the corpus: one query (chips ↔ one line of text, `grammar`) evaluated
//! over every analyst's layer (`eval`) on the project flattened once per revision
//! (`index`), with Datasette-style facets (`facets`), rows × columns grids and dyads with
//! Goldstein scores (`grid`, `goldstein`), time series and stance lines (`time`),
//! consistency checks as query presets (`checks`), and hits described for lists and
//! exports (`describe`). Reads `model` only and never changes a project.

pub mod checks;
pub mod describe;
pub mod eval;
pub mod facets;
pub mod goldstein;
pub mod grammar;
pub mod grid;
pub mod index;
pub mod time;

pub use eval::{DateRange, EvalError, Hit, Period, hits, select};
pub use grammar::{Chip, Field, ParseError, Query, Value};
pub use index::Index;
