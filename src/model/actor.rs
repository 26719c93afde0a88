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
    /// Colours for actors: Tableau 10, ten of Kelly's colours of maximum contrast, then four
    /// of d3's category 10 that keep the closest pair as far apart (OKLab) as the twenty
    /// before; all of mid lightness so that they read on light and dark backgrounds.
    const PALETTE: [[u8; 3]; 24] = [
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
        [0x87, 0x56, 0x92],
        [0xbe, 0x00, 0x32],
        [0xc2, 0xb2, 0x80],
        [0x00, 0x88, 0x56],
        [0x00, 0x67, 0xa5],
        [0x60, 0x4e, 0x97],
        [0xb3, 0x44, 0x6c],
        [0x8d, 0xb6, 0x00],
        [0x65, 0x45, 0x22],
        [0xe2, 0x58, 0x22],
        [0x17, 0xbe, 0xcf],
        [0xd6, 0x27, 0x28],
        [0xbc, 0xbd, 0x22],
        [0x94, 0x67, 0xbd],
    ];

    /// A Tableau 10 colour by index, for actors made without a project around them.
    pub fn for_index(i: u64) -> Self {
        Rgb(Self::PALETTE[(i % 10) as usize])
    }

    /// The colour for a new actor beside actors coloured `used`: a palette colour used
    /// least often, and among those the one farthest (in OKLab) from every colour in use,
    /// so that nine actors get nine colours and the closest pair is as far apart as the
    /// palette allows.
    pub fn most_distinct(used: &[Rgb]) -> Rgb {
        let lab_used: Vec<[f32; 3]> = used.iter().map(|c| c.oklab()).collect();
        let uses = |c: &[u8; 3]| used.iter().filter(|u| u.0 == *c).count();
        let fewest = Self::PALETTE.iter().map(uses).min().unwrap_or(0);
        let distance_to_used = |c: &[u8; 3]| {
            let lab = Rgb(*c).oklab();
            lab_used
                .iter()
                .map(|u| (0..3).map(|k| (u[k] - lab[k]).powi(2)).sum::<f32>())
                .fold(f32::INFINITY, f32::min)
        };
        // First in palette order among the farthest: ties keep the palette's order.
        let mut best: Option<([u8; 3], f32)> = None;
        for c in Self::PALETTE.iter().filter(|c| uses(c) == fewest) {
            let d = distance_to_used(c);
            if best.is_none_or(|(_, b)| d > b) {
                best = Some((*c, d));
            }
        }
        Rgb(best.map_or(Self::PALETTE[0], |(c, _)| c))
    }

    /// OKLab coordinates (Björn Ottosson, 2020): distances there follow how different two
    /// colours look, which RGB distances do not.
    fn oklab(self) -> [f32; 3] {
        let linear = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0.map(linear);
        let l = (0.412_221_46 * r + 0.536_332_55 * g + 0.051_445_995 * b).cbrt();
        let m = (0.211_903_5 * r + 0.680_699_5 * g + 0.107_396_96 * b).cbrt();
        let s = (0.088_302_46 * r + 0.281_718_85 * g + 0.629_978_7 * b).cbrt();
        [
            0.210_454_26 * l + 0.793_617_8 * m - 0.004_072_047 * s,
            1.977_998_5 * l - 2.428_592_2 * m + 0.450_593_7 * s,
            0.025_904_037 * l + 0.782_771_77 * m - 0.808_675_77 * s,
        ]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_four_actors_get_twenty_four_colours_and_the_next_repeats_one() {
        let mut used = Vec::new();
        for _ in 0..24 {
            let next = Rgb::most_distinct(&used);
            assert!(!used.contains(&next), "{} repeats", next.to_hex());
            used.push(next);
        }
        assert_eq!(used[0], Rgb::for_index(0));
        let again = Rgb::most_distinct(&used);
        assert!(used.contains(&again));
    }

    #[test]
    fn a_new_colour_avoids_the_ones_already_in_use_even_when_set_by_hand() {
        // An analyst picked three palette colours by hand: the next is none of them.
        let used = [Rgb::for_index(0), Rgb::for_index(1), Rgb::for_index(2)];
        let next = Rgb::most_distinct(&used);
        assert!(!used.contains(&next));
        // A colour outside the palette counts too: the nearest palette colour is not taken.
        let off_palette = Rgb([0x4f, 0x7a, 0xa8]);
        assert_ne!(Rgb::most_distinct(&[off_palette]), Rgb::for_index(0));
    }
}
