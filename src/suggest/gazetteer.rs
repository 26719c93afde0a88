//! The knowledge Demarche ships: states, organisations and groupings with their names,
//! short forms, demonyms, capitals and codes (`assets/gazetteer.ron`).

use serde::Deserialize;

/// One entry of the gazetteer (being filled in by the gazetteer engineer).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Entry {
    pub name: String,
    /// An `ActorKinds` codebook key.
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub iso3: Option<String>,
    #[serde(default)]
    pub cameo: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
}

impl Gazetteer {
    /// The gazetteer bundled with Demarche.
    pub fn bundled() -> &'static Gazetteer {
        static BUNDLED: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        BUNDLED.get_or_init(Gazetteer::default)
    }
}
