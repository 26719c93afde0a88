//! The window.

pub mod action;
pub mod article;
pub mod command;
