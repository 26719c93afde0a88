//! The actor registry: who acts, speaks and is spoken of.

use super::ids::{Id, Keyed};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: Id,
    /// Canonical name ("Wang Yi", "China", "CELAC").
    pub name: String,
    /// Key into the codebook's actor kinds.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// ISO 3166-1 alpha-3 code of a state ("CHN").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3: Option<String>,
    /// CAMEO-style actor code ("CHN", "CHNGOV").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Wikidata item ("Q22101").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// The actor this one belongs to or speaks for (Wang Yi → China).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<Id>,
    /// Role or title as text ("State Councilor and Foreign Minister").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    pub colour: Rgb,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Keyed for Actor {
    fn id(&self) -> Id {
        self.id
    }
}

impl Actor {
    pub fn new(id: Id, name: impl Into<String>, kind: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            kind: kind.into(),
            aliases: Vec::new(),
            iso3: None,
            cameo: None,
            wikidata: None,
            affiliation: None,
            role: String::new(),
            colour: Rgb::for_index(id.0),
            note: String::new(),
        }
    }

    /// The name and every alias, for look-ups and type-ahead.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A colour, written as `"#rrggbb"` in project files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// Well-separated colours for new actors (Tableau 10), picked by id so that the same
    /// actor keeps its colour everywhere.
    const PALETTE: [[u8; 3]; 10] = [
        [0x4e, 0x79, 0xa7],
        [0xf2, 0x8e, 0x2b],
        [0xe1, 0x57, 0x59],
        [0x76, 0xb7, 0xb2],
        [0x59, 0xa1, 0x4f],
        [0xed, 0xc9, 0x48],
        [0xb0, 0x7a, 0xa1],
        [0xff, 0x9d, 0xa7],
        [0x9c, 0x75, 0x5f],
        [0xba, 0xb0, 0xac],
    ];

    pub fn for_index(i: u64) -> Self {
        Rgb(Self::PALETTE[(i % Self::PALETTE.len() as u64) as usize])
    }

    pub fn to_hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    pub fn from_hex(s: &str) -> Option<Self> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Rgb::from_hex(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("colour {s:?} is not of the form \"#rrggbb\""))
        })
    }
}
