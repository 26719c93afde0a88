//! Load/save benchmark (placeholder while the generator is written).
fn main() {}
