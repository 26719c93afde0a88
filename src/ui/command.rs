//! Every user action of the window as one list: menus, keyboard shortcuts, the context menu
//! and the help screen are all drawn from it.
//!
//! PROVISIONAL: variants agreed between the UI engineers; labels, shortcuts and grouping
//! are being completed by the app-shell work.

use super::article::Nav;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    // File
    NewProject,
    OpenProject,
    ImportArticle,
    Save,
    SaveAs,
    Quit,
    // Edit
    Undo,
    Redo,
    Find,
    FindNext,
    FindPrevious,
    DeleteAnnotation,
    // Tagging the current selection
    TagMention,
    TagStatement,
    TagCommitment,
    TagStance,
    TagTag,
    /// Change the speaker / committer / holder of the selected annotation.
    ChangeActor,
    // Moving the caret and selection in the article
    Navigate { nav: Nav, extend: bool },
    // View
    ShowHelp,
    NextDocument,
    PreviousDocument,
    ToggleTheme,
}
