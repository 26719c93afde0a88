//! The Goldstein (1992) conflict–cooperation score of a CAMEO event code, from
//! `assets/goldstein.ron` (which states its source). A code missing from the table takes
//! its parent's value (0314 → 031 → 03).

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Table {
    #[allow(dead_code)]
    source: String,
    codes: BTreeMap<String, f64>,
}

const TABLE_RON: &str = include_str!("../../assets/goldstein.ron");

fn table() -> &'static BTreeMap<String, f64> {
    static TABLE: OnceLock<BTreeMap<String, f64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The asset is checked by a test; a broken build asset is a programming error.
        ron::from_str::<Table>(TABLE_RON)
            .expect("assets/goldstein.ron is valid")
            .codes
    })
}

/// The score of `code`, or of its nearest listed parent; `None` for codes outside CAMEO.
pub fn score(code: &str) -> Option<f64> {
    let mut code = code.trim();
    while !code.is_empty() {
        if let Some(v) = table().get(code) {
            return Some(*v);
        }
        code = &code[..code.len() - 1];
    }
    None
}

/// The weight of a commitment's strength in weighted sums: certain 1, probable 0.75,
/// possible 0.5, uncommitted 0.25; any other strength (and stances) 1.
pub fn strength_weight(strength: &str) -> f64 {
    match strength {
        "certain" => 1.0,
        "probable" => 0.75,
        "possible" => 0.5,
        "uncommitted" => 0.25,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_values_and_the_parent_fallback() {
        assert_eq!(score("030"), Some(4.0));
        assert_eq!(score("031"), Some(5.2));
        assert_eq!(score("036"), Some(4.0));
        assert_eq!(score("051"), Some(3.4));
        assert_eq!(score("19"), Some(-10.0));
        // Four-digit codes are not listed: 0319 takes its parent 031's value.
        assert_eq!(score("0319"), Some(5.2));
        assert_eq!(score("99"), None);
        assert!(table().values().all(|v| (-10.0..=10.0).contains(v)));
    }
}
