//! Team work through git, the engine teams already share projects with: a merge driver that
//! merges Demarche project files unit by unit ([`merge_driver`]), and its registration in
//! a clone ([`setup`]).

pub mod merge_driver;
pub mod parts;
pub mod setup;
