//! The codebook: the category lists analysts code with.

use serde::{Deserialize, Serialize};

/// One category. Annotations store the `key`, which never changes once entries are in use,
/// so renaming the label shows everywhere at once and exports stay joinable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodebookEntry {
    pub key: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// A CAMEO event code (e.g. `057` sign formal agreement) where one corresponds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Retired entries stay readable on old annotations but are not offered for new ones.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
    /// What the entry means to the suggestion rules when its key is not the default
    /// codebook's: renaming "certain" to "ct" keeps role "certain", so the rules that
    /// propose "certain" still find it. `None`: the key is the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl CodebookEntry {
    pub fn new(key: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            label: label.into(),
            description: String::new(),
            cameo: None,
            retired: false,
            role: None,
        }
    }

    /// The meaning the rules know this entry by (see `role`).
    pub fn role(&self) -> &str {
        self.role.as_deref().unwrap_or(&self.key)
    }
}

/// Names each list of the codebook, so that one edit type and one editor serve them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CodebookList {
    ActorKinds,
    AttributionModes,
    CommitmentCategories,
    Contexts,
    Strengths,
    TimeHorizons,
    Polarities,
    Intensities,
    Topics,
    TagCategories,
    LinkTypes,
}

impl CodebookList {
    pub const ALL: [CodebookList; 11] = [
        CodebookList::ActorKinds,
        CodebookList::AttributionModes,
        CodebookList::CommitmentCategories,
        CodebookList::Contexts,
        CodebookList::Strengths,
        CodebookList::TimeHorizons,
        CodebookList::Polarities,
        CodebookList::Intensities,
        CodebookList::Topics,
        CodebookList::TagCategories,
        CodebookList::LinkTypes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CodebookList::ActorKinds => "Actor kinds",
            CodebookList::AttributionModes => "Attribution modes",
            CodebookList::CommitmentCategories => "Commitment categories",
            CodebookList::Contexts => "Contexts",
            CodebookList::Strengths => "Commitment strengths",
            CodebookList::TimeHorizons => "Time horizons",
            CodebookList::Polarities => "Stance polarities",
            CodebookList::Intensities => "Stance intensities",
            CodebookList::Topics => "Stance topics",
            CodebookList::TagCategories => "Tag categories",
            CodebookList::LinkTypes => "Link types",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Codebook {
    pub actor_kinds: Vec<CodebookEntry>,
    pub attribution_modes: Vec<CodebookEntry>,
    pub commitment_categories: Vec<CodebookEntry>,
    pub contexts: Vec<CodebookEntry>,
    pub strengths: Vec<CodebookEntry>,
    pub time_horizons: Vec<CodebookEntry>,
    pub polarities: Vec<CodebookEntry>,
    pub intensities: Vec<CodebookEntry>,
    pub topics: Vec<CodebookEntry>,
    pub tag_categories: Vec<CodebookEntry>,
    pub link_types: Vec<CodebookEntry>,
}

/// The default codebook, drawn from CAMEO/PLOVER, FactBank and SemEval-2016 stance.
pub const DEFAULT_CODEBOOK_RON: &str = include_str!("../../assets/codebook.ron");

impl Default for Codebook {
    fn default() -> Self {
        // The asset is checked by a test; a broken build asset is a programming error.
        ron::from_str(DEFAULT_CODEBOOK_RON).expect("assets/codebook.ron is valid")
    }
}

impl Codebook {
    pub fn list(&self, which: CodebookList) -> &Vec<CodebookEntry> {
        match which {
            CodebookList::ActorKinds => &self.actor_kinds,
            CodebookList::AttributionModes => &self.attribution_modes,
            CodebookList::CommitmentCategories => &self.commitment_categories,
            CodebookList::Contexts => &self.contexts,
            CodebookList::Strengths => &self.strengths,
            CodebookList::TimeHorizons => &self.time_horizons,
            CodebookList::Polarities => &self.polarities,
            CodebookList::Intensities => &self.intensities,
            CodebookList::Topics => &self.topics,
            CodebookList::TagCategories => &self.tag_categories,
            CodebookList::LinkTypes => &self.link_types,
        }
    }

    pub fn list_mut(&mut self, which: CodebookList) -> &mut Vec<CodebookEntry> {
        match which {
            CodebookList::ActorKinds => &mut self.actor_kinds,
            CodebookList::AttributionModes => &mut self.attribution_modes,
            CodebookList::CommitmentCategories => &mut self.commitment_categories,
            CodebookList::Contexts => &mut self.contexts,
            CodebookList::Strengths => &mut self.strengths,
            CodebookList::TimeHorizons => &mut self.time_horizons,
            CodebookList::Polarities => &mut self.polarities,
            CodebookList::Intensities => &mut self.intensities,
            CodebookList::Topics => &mut self.topics,
            CodebookList::TagCategories => &mut self.tag_categories,
            CodebookList::LinkTypes => &mut self.link_types,
        }
    }

    pub fn entry(&self, which: CodebookList, key: &str) -> Option<&CodebookEntry> {
        self.list(which).iter().find(|e| e.key == key)
    }

    /// The label to show for a key; unknown keys show as themselves.
    pub fn label<'a>(&'a self, which: CodebookList, key: &'a str) -> &'a str {
        self.entry(which, key).map_or(key, |e| e.label.as_str())
    }

    /// The active entry the rules mean by `role` (a default codebook key such as
    /// "certain" or "AGREE"), wherever the analysts renamed it; failing that, the active
    /// entry whose key is `role`.
    pub fn by_role(&self, which: CodebookList, role: &str) -> Option<&CodebookEntry> {
        let active = || self.list(which).iter().filter(|e| !e.retired);
        active()
            .find(|e| e.role() == role)
            .or_else(|| active().find(|e| e.key == role))
    }

    /// The role of the entry with `key`; an unknown key is its own role.
    pub fn role_of<'a>(&'a self, which: CodebookList, key: &'a str) -> &'a str {
        self.entry(which, key).map_or(key, CodebookEntry::role)
    }

    /// The first entry that is not retired: the default for new annotations.
    pub fn first_active(&self, which: CodebookList) -> Option<&CodebookEntry> {
        self.list(which).iter().find(|e| !e.retired)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_codebook_has_every_list_filled_with_unique_keys() {
        let cb = Codebook::default();
        for list in CodebookList::ALL {
            let entries = cb.list(list);
            assert!(!entries.is_empty(), "{list:?} is empty");
            let mut keys: Vec<_> = entries.iter().map(|e| e.key.as_str()).collect();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), entries.len(), "{list:?} repeats a key");
        }
        assert_eq!(cb.label(CodebookList::Strengths, "possible"), "Possible");
        assert!(entries_have_no_role(&cb), "defaults are their own roles");
        assert_eq!(
            cb.entry(CodebookList::CommitmentCategories, "SUPPORT")
                .and_then(|e| e.cameo.as_deref()),
            Some("032")
        );
    }

    fn entries_have_no_role(cb: &Codebook) -> bool {
        CodebookList::ALL
            .iter()
            .all(|&l| cb.list(l).iter().all(|e| e.role.is_none()))
    }

    #[test]
    fn a_renamed_entry_is_found_by_its_role_and_a_retired_one_is_not() {
        let mut cb = Codebook::default();
        let entry = cb
            .list_mut(CodebookList::Strengths)
            .iter_mut()
            .find(|e| e.key == "certain")
            .unwrap();
        entry.key = "ct".into();
        entry.role = Some("certain".into());
        let found = cb.by_role(CodebookList::Strengths, "certain").unwrap();
        assert_eq!(found.key, "ct");
        assert_eq!(cb.role_of(CodebookList::Strengths, "ct"), "certain");
        assert_eq!(cb.role_of(CodebookList::Strengths, "unknown"), "unknown");
        // A key still works as itself.
        assert_eq!(cb.by_role(CodebookList::Strengths, "ct").unwrap().key, "ct");
        cb.list_mut(CodebookList::Strengths)[0].retired = true;
        assert!(cb.by_role(CodebookList::Strengths, "certain").is_none());
    }
}
