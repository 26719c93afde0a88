//! What the window remembers between runs: theme, recent projects, the last project and
//! folder. A small RON file in `persist::data_dir` (`DEMARCHE_DATA_DIR` when set, so tests
//! can isolate it); panel sizes are kept by egui's own memory persistence.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent projects the File menu lists.
const RECENT_LIMIT: usize = 10;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Follow the system",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    pub last_project: Option<PathBuf>,
    /// Where file dialogs start.
    pub last_folder: Option<PathBuf>,
    /// Which suggestions the article shows (View ▸ Suggestions).
    pub suggestions: super::suggestions::SuggestionSettings,
    /// Who codes at this machine, as set in the window (asked once); `DEMARCHE_ANNOTATOR`
    /// and `--as` take precedence.
    pub analyst: Option<String>,
    /// The article's longest line in characters (View ▸ Line length); 0 fills the width.
    pub line_length: LineLength,
    /// Columns hidden in the statements table (its Columns menu).
    pub hidden_statement_columns: Vec<super::panels::statements::StatementColumn>,
}

/// Characters per line of the article: about 90 reads well; 0 fills the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LineLength(pub u16);

impl Default for LineLength {
    fn default() -> Self {
        Self(90)
    }
}

impl LineLength {
    /// The limit for the article view (`None`: fill the width).
    pub fn limit(self) -> Option<u16> {
        (self.0 > 0).then_some(self.0)
    }
}

impl Settings {
    /// The settings file, or defaults when there is none or it cannot be read (settings
    /// are a convenience: a damaged file must not keep the window from opening).
    pub fn load() -> Self {
        Self::load_from(&settings_path())
    }

    pub fn load_from(path: &Path) -> Self {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn save(&self) -> std::io::Result<()> {
        self.save_to(&settings_path())
    }

    pub fn save_to(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        std::fs::write(path, text)
    }

    /// Remembers a project just opened or saved: first in the recent list, the last
    /// project, and its folder as the last folder.
    pub fn remember_project(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_LIMIT);
        self.last_project = Some(path.to_owned());
        self.remember_folder(path);
    }

    /// Remembers the folder of a file chosen in a dialog.
    pub fn remember_folder(&mut self, file: &Path) {
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            self.last_folder = Some(dir.to_owned());
        }
    }

    pub fn forget_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        if self.last_project.as_deref() == Some(path) {
            self.last_project = None;
        }
    }
}

pub fn settings_path() -> PathBuf {
    crate::persist::data_dir().join("settings.ron")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_round_trip_and_recent_is_most_recent_first() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("settings.ron");
        let mut settings = Settings {
            theme: Theme::Dark,
            hidden_statement_columns: vec![
                super::super::panels::statements::StatementColumn::Topic,
            ],
            ..Settings::default()
        };
        settings.remember_project(Path::new("/corpus/Élysée 会谈.ron"));
        settings.remember_project(Path::new("/corpus/b.ron"));
        settings.remember_project(Path::new("/corpus/Élysée 会谈.ron"));
        settings.save_to(&file).unwrap();
        let back = Settings::load_from(&file);
        assert_eq!(back, settings);
        assert_eq!(back.recent[0], Path::new("/corpus/Élysée 会谈.ron"));
        assert_eq!(back.recent.len(), 2);
        assert_eq!(back.last_folder.as_deref(), Some(Path::new("/corpus")));
    }

    #[test]
    fn a_damaged_settings_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("settings.ron");
        std::fs::write(&file, "(theme: Purple").unwrap();
        assert_eq!(Settings::load_from(&file), Settings::default());
    }
}
