//! Every user action of the window as one list: menus, keyboard shortcuts, the context menu
//! and the help screen are all drawn from it.

use super::article::Nav;
use crate::suggest::SuggestionKind;
use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    // File
    NewProject,
    OpenProject,
    /// Import articles: several files at once.
    Import,
    /// Import every article in a folder and its subfolders.
    ImportFolder,
    Export,
    Save,
    SaveAs,
    /// Save as a project folder (one file per document, actor and analyst's layer).
    SaveAsFolder,
    /// Open a project folder by choosing the folder.
    OpenProjectFolder,
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
    /// Keep the selection as one part of a discontinuous span; the next tagging command
    /// tags the kept parts and the selection as one annotation.
    AddSpanRange,
    /// Change the speaker / committer / holder of the selected annotation.
    ChangeActor,
    /// Start a link at the selected annotation; pressed again on another, create it.
    LinkAnnotations,
    /// Set the selected commitment's strength or the selected stance's polarity to the
    /// n-th entry (1–4) of its codebook list.
    SetLevel(u8),
    // Moving the caret and selection in the article
    Navigate {
        nav: Nav,
        extend: bool,
    },
    // View
    ShowHelp,
    /// Search every command by name and run it (Ctrl+Shift+P).
    CommandPalette,
    /// Tools ▸ Codebook editor: the lists annotations are coded with.
    CodebookEditor,
    NextDocument,
    PreviousDocument,
    ToggleTheme,
    /// Show the open document's information (title, date, source, …) where the
    /// inspector is, ready to edit.
    DocumentInfo,
    /// Put the keyboard in the documents list's filter.
    FilterDocuments,
    /// Put the keyboard in the inspector's first field (Tab walks them, Escape returns).
    FocusInspector,
    /// View ▸ Corpus: one query over every document, its hits and facets.
    Corpus,
    // Suggestions
    NextSuggestion,
    PreviousSuggestion,
    AcceptSuggestion,
    RejectSuggestion,
    /// Accept every shown suggestion of the focused one's kind in the document.
    AcceptAllSuggestions,
    /// Accept every shown suggestion of one kind (View ▸ Suggestions; no key).
    AcceptAllOfKind(SuggestionKind),
    /// Show or hide all suggestions.
    ToggleSuggestions,
    // Analysts
    /// The project's name, description and blind setting.
    ProjectSettings,
    /// Who is coding at this machine (kept in the settings).
    Analyst,
    /// Work as the analyst who coded the selected annotation (until switched back).
    EditAsOwner,
    /// Back to one's own layer after "Edit as".
    EditAsMe,
    /// Show or hide every other analyst's layer at once.
    ToggleOtherLayers,
    /// Work as the n-th analyst of View ▸ Analysts (no key).
    EditAs(u16),
    /// Show or hide the n-th analyst's layer of View ▸ Analysts (no key).
    ToggleLayer(u16),
    // Curation
    /// Open or close the curation view (where the statements table is).
    ToggleCuration,
    /// The next unit the curator has not settled whose versions differ or are incomplete.
    NextDisagreement,
    /// Take the n-th analyst's version (1–4) of the unit in hand.
    TakeVersion(u8),
    /// Edit the unit's curated annotation in the inspector (taking a version first).
    EditCurated,
    /// Mark the unit in hand "none is right".
    NoneIsRight,
    /// Auto-merge the units every analyst agrees on, in every document.
    AutoMerge,
    // Agreement
    /// Tools ▸ Agreement: the figures, the matrix and the disagreement browser.
    Agreement,
    /// File ▸ Export ▸ Agreement report…: the figures as a self-contained HTML page.
    ExportAgreementReport,
}

/// The menu a command appears in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Menu {
    File,
    Edit,
    Tag,
    Navigate,
    View,
    Tools,
    Help,
}

impl Menu {
    pub fn label(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::Tag => "Tag",
            Menu::Navigate => "Navigate",
            Menu::View => "View",
            Menu::Tools => "Tools",
            Menu::Help => "Help",
        }
    }
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}
const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT: Modifiers = Modifiers::ALT;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const CMD_ALT: Modifiers = Modifiers::COMMAND.plus(Modifiers::ALT);
const ALT_SHIFT: Modifiers = Modifiers::ALT.plus(Modifiers::SHIFT);

const fn nav(nav: Nav, extend: bool) -> Command {
    Command::Navigate { nav, extend }
}

/// Every command, in menu and help order.
pub const ALL: &[Command] = &[
    Command::NewProject,
    Command::OpenProject,
    Command::Import,
    Command::ImportFolder,
    Command::Export,
    Command::Save,
    Command::SaveAs,
    Command::SaveAsFolder,
    Command::OpenProjectFolder,
    Command::Quit,
    Command::Undo,
    Command::Redo,
    Command::Find,
    Command::FindNext,
    Command::FindPrevious,
    Command::DeleteAnnotation,
    Command::TagMention,
    Command::TagStatement,
    Command::TagCommitment,
    Command::TagStance,
    Command::TagTag,
    Command::AddSpanRange,
    Command::ChangeActor,
    Command::LinkAnnotations,
    Command::SetLevel(1),
    Command::SetLevel(2),
    Command::SetLevel(3),
    Command::SetLevel(4),
    nav(Nav::CharLeft, false),
    nav(Nav::CharRight, false),
    nav(Nav::CharLeft, true),
    nav(Nav::CharRight, true),
    nav(Nav::WordLeft, false),
    nav(Nav::WordRight, false),
    nav(Nav::WordLeft, true),
    nav(Nav::WordRight, true),
    nav(Nav::LineUp, false),
    nav(Nav::LineDown, false),
    nav(Nav::LineUp, true),
    nav(Nav::LineDown, true),
    nav(Nav::LineStart, false),
    nav(Nav::LineEnd, false),
    nav(Nav::LineStart, true),
    nav(Nav::LineEnd, true),
    nav(Nav::SentencePrevious, false),
    nav(Nav::SentenceNext, false),
    nav(Nav::SentencePrevious, true),
    nav(Nav::SentenceNext, true),
    nav(Nav::SelectWord, false),
    nav(Nav::SelectSentence, false),
    nav(Nav::DocumentStart, false),
    nav(Nav::DocumentEnd, false),
    nav(Nav::DocumentStart, true),
    nav(Nav::DocumentEnd, true),
    nav(Nav::AnnotationNext, false),
    nav(Nav::AnnotationPrevious, false),
    Command::NextDocument,
    Command::PreviousDocument,
    Command::DocumentInfo,
    Command::FilterDocuments,
    Command::FocusInspector,
    Command::Corpus,
    Command::NextSuggestion,
    Command::PreviousSuggestion,
    Command::AcceptSuggestion,
    Command::RejectSuggestion,
    Command::AcceptAllSuggestions,
    Command::ToggleSuggestions,
    Command::ToggleTheme,
    Command::ProjectSettings,
    Command::Analyst,
    Command::EditAsOwner,
    Command::EditAsMe,
    Command::ToggleOtherLayers,
    Command::ToggleCuration,
    Command::NextDisagreement,
    Command::TakeVersion(1),
    Command::TakeVersion(2),
    Command::TakeVersion(3),
    Command::TakeVersion(4),
    Command::EditCurated,
    Command::NoneIsRight,
    Command::AutoMerge,
    Command::Agreement,
    Command::CodebookEditor,
    Command::ExportAgreementReport,
    Command::CommandPalette,
    Command::ShowHelp,
];

/// A shortcut as the user reads it: egui's modifiers ("Ctrl+Shift+") and the key as it is
/// printed on the keyboard ("]", not egui's name "CloseBracket"); arrows keep their names,
/// which every font can show.
pub fn shortcut_label(ctx: &egui::Context, shortcut: &egui::KeyboardShortcut) -> String {
    let full = ctx.format_shortcut(shortcut);
    let key = shortcut.logical_key;
    let printed = match key {
        Key::ArrowDown | Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp => key.name(),
        _ => key.symbol_or_name(),
    };
    match full.strip_suffix(key.name()) {
        Some(modifiers) => format!("{modifiers}{printed}"),
        None => full,
    }
}

impl Command {
    pub fn label(self) -> String {
        let text = match self {
            Command::NewProject => "New project",
            Command::OpenProject => "Open project…",
            Command::Import => "Import…",
            Command::ImportFolder => "Import folder…",
            Command::Export => "Export…",
            Command::Save => "Save",
            Command::SaveAs => "Save as…",
            Command::SaveAsFolder => "Save as project folder…",
            Command::OpenProjectFolder => "Open project folder…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Find => "Find…",
            Command::FindNext => "Find next",
            Command::FindPrevious => "Find previous",
            Command::DeleteAnnotation => "Delete annotation",
            Command::TagMention => "Mention…",
            Command::TagStatement => "Statement",
            Command::TagCommitment => "Commitment",
            Command::TagStance => "Stance",
            Command::TagTag => "Tag…",
            Command::AddSpanRange => "Add selection as a further part",
            Command::ChangeActor => "Change speaker / holder…",
            Command::LinkAnnotations => "Link…",
            Command::SetLevel(n) => return format!("Strength / polarity {n}"),
            Command::Navigate { nav, extend } => {
                let base = nav_label(nav);
                return if extend {
                    format!("{base} (extend selection)")
                } else {
                    base.to_owned()
                };
            }
            Command::ShowHelp => "Keyboard shortcuts",
            Command::CommandPalette => "Command palette…",
            Command::CodebookEditor => "Codebook editor…",
            Command::NextDocument => "Next document",
            Command::PreviousDocument => "Previous document",
            Command::ToggleTheme => "Toggle light / dark",
            Command::DocumentInfo => "Document info…",
            Command::FilterDocuments => "Filter documents",
            Command::FocusInspector => "Edit in the inspector",
            Command::Corpus => "Corpus",
            Command::NextSuggestion => "Next suggestion",
            Command::PreviousSuggestion => "Previous suggestion",
            Command::AcceptSuggestion => "Accept suggestion",
            Command::RejectSuggestion => "Reject suggestion",
            Command::AcceptAllSuggestions => "Accept all suggestions of this kind",
            Command::AcceptAllOfKind(kind) => {
                return format!("Accept all {} suggestions in this document", kind.key());
            }
            Command::ToggleSuggestions => "Show suggestions",
            Command::ProjectSettings => "Project settings…",
            Command::Analyst => "Analyst…",
            Command::EditAsOwner => "Edit as the annotation's analyst",
            Command::EditAsMe => "Back to my layer",
            Command::ToggleOtherLayers => "Show other analysts' layers",
            Command::EditAs(n) => return format!("Edit as analyst {}", n + 1),
            Command::ToggleLayer(n) => return format!("Show analyst {}'s layer", n + 1),
            Command::ToggleCuration => "Curation view",
            Command::NextDisagreement => "Next disagreement",
            Command::TakeVersion(n) => return format!("Take version {n}"),
            Command::EditCurated => "Edit the curated version",
            Command::NoneIsRight => "None is right",
            Command::AutoMerge => "Auto-merge agreed units",
            Command::Agreement => "Agreement…",
            Command::ExportAgreementReport => "Agreement report…",
        };
        text.to_owned()
    }

    /// A longer explanation for tooltips and the help window.
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::NewProject => "Start an empty project",
            Command::OpenProject => "Open a project file (.ron)",
            Command::Import => {
                "Add articles (text, HTML, Markdown, Word) to the project; choose several at once"
            }
            Command::ImportFolder => {
                "Add every article in a folder and its subfolders (hidden files are skipped)"
            }
            Command::Export => "Export the project as CSV, JSON, brat, doccano, REFI-QDA or HTML",
            Command::Save => "Save the project (asks where if it is untitled)",
            Command::SaveAs => "Save the project to another file",
            Command::SaveAsFolder => {
                "Save the project as a folder of small files that git merges: one per document, actor and analyst's layer"
            }
            Command::OpenProjectFolder => "Open a project saved as a folder",
            Command::Quit => "Close the window (asks about unsaved changes)",
            Command::Undo => "Undo the last change",
            Command::Redo => "Redo the change just undone",
            Command::Find => "Find text in the article",
            Command::FindNext | Command::FindPrevious => "Move between the matches of Find",
            Command::DeleteAnnotation => "Delete the selected annotation",
            Command::TagMention => "Mark the selection as a mention of an actor",
            Command::TagStatement => "Mark the selection as a statement",
            Command::TagCommitment => "Code a commitment on the selection",
            Command::TagStance => "Code a stance on the selection",
            Command::TagTag => "Tag the selection with a codebook category",
            Command::AddSpanRange => {
                "Keep the selection as one part of a discontinuous span (Ctrl+drag does the \
                 same), select the next part, then tag: the parts become one mention, \
                 statement or tag. Escape drops the kept parts. With an annotation \
                 selected, adds the selection to it as a further part"
            }
            Command::ChangeActor => "Choose another actor for the selected annotation",
            Command::LinkAnnotations => {
                "Link the selected annotation to another: press on the first, select the second, press again (Esc cancels)"
            }
            Command::SetLevel(_) => {
                "Commitment strength: 1 certain, 2 probable, 3 possible, 4 uncommitted; \
                 stance polarity: 1 favor, 2 against, 3 neutral, 4 mixed"
            }
            Command::Navigate { .. } => "Move the caret in the article (shift extends)",
            Command::ShowHelp => "Show every command and its keys",
            Command::CommandPalette => "Find any command by typing part of its name, and run it",
            Command::CodebookEditor => {
                "Edit the codebook: the categories, strengths, polarities and other lists \
                 annotations are coded with"
            }
            Command::NextDocument | Command::PreviousDocument => "Switch document",
            Command::ToggleTheme => "Switch between the light and the dark theme",
            Command::DocumentInfo => {
                "Edit the open document's title, date, source, URL, language, status and fields"
            }
            Command::FilterDocuments => "Filter the documents list by title, source, byline or URL",
            Command::FocusInspector => {
                "Move the keyboard into the inspector: Tab and Shift+Tab walk the fields, \
                 typing searches a list, Escape returns to the article"
            }
            Command::Corpus => {
                "Query every annotation of every document and analyst: hits in context, \
                 facets with counts; Enter opens a hit in the article"
            }
            Command::NextSuggestion | Command::PreviousSuggestion => {
                "Select the next (previous) suggestion in the article"
            }
            Command::AcceptSuggestion => {
                "Turn the focused suggestion into an annotation (one undo step)"
            }
            Command::RejectSuggestion => {
                "Reject the focused suggestion; it is remembered in the project and not suggested again"
            }
            Command::AcceptAllSuggestions => {
                "Accept every suggestion of the focused one's kind in this document, as one undo step"
            }
            Command::AcceptAllOfKind(_) => {
                "Accept every suggestion of this kind in this document, as one undo step"
            }
            Command::ToggleSuggestions => "Show or hide all suggestions in the article",
            Command::ProjectSettings => {
                "The project's name and description, and whether analysts code blind"
            }
            Command::Analyst => "Who is coding at this machine: new annotations carry this name",
            Command::EditAsOwner | Command::EditAs(_) => {
                "Work in another analyst's layer: new and changed annotations are theirs \
                 until you switch back"
            }
            Command::EditAsMe => "Work in your own layer again",
            Command::ToggleOtherLayers | Command::ToggleLayer(_) => {
                "Show or hide other analysts' annotations (drawn dashed and read-only)"
            }
            Command::ToggleCuration => {
                "Curate the open document: the analysts' versions of each unit side by side, \
                 and the curated layer to edit"
            }
            Command::NextDisagreement => {
                "Go to the next unit whose versions differ or are incomplete and that is not \
                 curated yet"
            }
            Command::TakeVersion(_) => {
                "Take this analyst's version of the unit into the curated layer (with the \
                 reason typed, if any)"
            }
            Command::EditCurated => {
                "Edit the unit's curated annotation in the inspector (taking the first version \
                 if none is taken yet); recorded as edited"
            }
            Command::NoneIsRight => "No analyst's version is right: leave the unit out",
            Command::AutoMerge => {
                "Take every unit all analysts agree on into the curated layer, in every \
                 document; units already decided are left as they are"
            }
            Command::Agreement => {
                "How far the analysts agree: α_U on spans and α, κ and percent agreement on \
                 every attribute, per analyst pair; a click on a figure lists the \
                 disagreements behind it"
            }
            Command::ExportAgreementReport => {
                "Write the agreement figures for the selection in Tools ▸ Agreement as a \
                 self-contained HTML report"
            }
        }
    }

    pub fn menu(self) -> Menu {
        match self {
            Command::NewProject
            | Command::OpenProject
            | Command::Import
            | Command::ImportFolder
            | Command::Export
            | Command::Save
            | Command::SaveAs
            | Command::SaveAsFolder
            | Command::OpenProjectFolder
            | Command::Quit => Menu::File,
            Command::Undo
            | Command::Redo
            | Command::Find
            | Command::FindNext
            | Command::FindPrevious
            | Command::DeleteAnnotation => Menu::Edit,
            Command::TagMention
            | Command::TagStatement
            | Command::TagCommitment
            | Command::TagStance
            | Command::TagTag
            | Command::AddSpanRange
            | Command::ChangeActor
            | Command::LinkAnnotations
            | Command::SetLevel(_) => Menu::Tag,
            Command::Navigate { .. } => Menu::Navigate,
            Command::NextDocument
            | Command::PreviousDocument
            | Command::ToggleTheme
            | Command::DocumentInfo
            | Command::FilterDocuments
            | Command::FocusInspector
            | Command::Corpus
            | Command::NextSuggestion
            | Command::PreviousSuggestion
            | Command::AcceptSuggestion
            | Command::RejectSuggestion
            | Command::AcceptAllSuggestions
            | Command::AcceptAllOfKind(_)
            | Command::ToggleSuggestions
            | Command::Analyst
            | Command::EditAsOwner
            | Command::EditAsMe
            | Command::ToggleOtherLayers
            | Command::EditAs(_)
            | Command::ToggleLayer(_)
            | Command::ToggleCuration
            | Command::NextDisagreement
            | Command::TakeVersion(_)
            | Command::EditCurated
            | Command::NoneIsRight
            | Command::AutoMerge => Menu::View,
            Command::ProjectSettings | Command::ExportAgreementReport => Menu::File,
            Command::Agreement | Command::CodebookEditor => Menu::Tools,
            Command::ShowHelp | Command::CommandPalette => Menu::Help,
        }
    }

    /// Every key that runs the command; the first is shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Command::NewProject => const { &[key(CMD, Key::N)] },
            Command::OpenProject => const { &[key(CMD, Key::O)] },
            Command::Import => const { &[key(CMD, Key::I)] },
            Command::ImportFolder => const { &[key(CMD_SHIFT, Key::I)] },
            Command::Export => const { &[key(CMD, Key::E)] },
            Command::Save => const { &[key(CMD, Key::S)] },
            Command::SaveAs => const { &[key(CMD_SHIFT, Key::S)] },
            Command::SaveAsFolder => const { &[key(CMD_ALT, Key::S)] },
            Command::OpenProjectFolder => const { &[key(CMD_ALT, Key::O)] },
            Command::Quit => const { &[key(CMD, Key::Q)] },
            Command::Undo => const { &[key(CMD, Key::Z)] },
            Command::Redo => const { &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)] },
            Command::Find => const { &[key(CMD, Key::F)] },
            Command::FindNext => const { &[key(NONE, Key::F3)] },
            Command::FindPrevious => const { &[key(SHIFT, Key::F3)] },
            Command::DeleteAnnotation => const { &[key(NONE, Key::Delete)] },
            Command::TagMention => const { &[key(NONE, Key::M)] },
            Command::TagStatement => const { &[key(NONE, Key::S)] },
            Command::TagCommitment => const { &[key(NONE, Key::C)] },
            Command::TagStance => const { &[key(NONE, Key::T)] },
            Command::TagTag => const { &[key(NONE, Key::G)] },
            // R: a further range.
            Command::AddSpanRange => const { &[key(NONE, Key::R)] },
            Command::ChangeActor => const { &[key(NONE, Key::A)] },
            Command::LinkAnnotations => const { &[key(NONE, Key::L)] },
            Command::SetLevel(1) => const { &[key(NONE, Key::Num1)] },
            Command::SetLevel(2) => const { &[key(NONE, Key::Num2)] },
            Command::SetLevel(3) => const { &[key(NONE, Key::Num3)] },
            Command::SetLevel(4) => const { &[key(NONE, Key::Num4)] },
            Command::SetLevel(_) => &[],
            Command::Navigate { nav, extend } => nav_keys(nav, extend),
            Command::ShowHelp => const { &[key(NONE, Key::F1)] },
            Command::NextDocument => const { &[key(CMD, Key::PageDown)] },
            Command::PreviousDocument => const { &[key(CMD, Key::PageUp)] },
            Command::ToggleTheme => const { &[key(CMD_SHIFT, Key::L)] },
            // Alt+Enter is "properties" in the common file managers.
            Command::DocumentInfo => const { &[key(ALT, Key::Enter)] },
            Command::FilterDocuments => const { &[key(CMD_SHIFT, Key::F)] },
            // F2: "edit the selected item" in the common desktops.
            Command::FocusInspector => const { &[key(NONE, Key::F2)] },
            Command::Corpus => const { &[key(CMD_SHIFT, Key::C)] },
            Command::NextSuggestion => const { &[key(NONE, Key::N)] },
            Command::PreviousSuggestion => const { &[key(SHIFT, Key::N)] },
            Command::AcceptSuggestion => const { &[key(NONE, Key::Enter)] },
            Command::RejectSuggestion => const { &[key(NONE, Key::Backspace)] },
            Command::AcceptAllSuggestions => const { &[key(CMD_SHIFT, Key::Enter)] },
            Command::AcceptAllOfKind(_) => &[],
            Command::ToggleSuggestions => const { &[key(CMD_SHIFT, Key::H)] },
            // Ctrl+Shift+P is the command palette, as in the common editors.
            Command::ProjectSettings => const { &[key(CMD_ALT, Key::P)] },
            Command::CommandPalette => const { &[key(CMD_SHIFT, Key::P)] },
            Command::CodebookEditor => const { &[key(CMD_SHIFT, Key::K)] },
            // W: who is coding.
            Command::Analyst => const { &[key(CMD_SHIFT, Key::W)] },
            Command::EditAsOwner => const { &[key(CMD_SHIFT, Key::E)] },
            Command::EditAsMe => const { &[key(CMD_SHIFT, Key::M)] },
            Command::ToggleOtherLayers => const { &[key(CMD_SHIFT, Key::A)] },
            Command::EditAs(_) | Command::ToggleLayer(_) => &[],
            Command::ToggleCuration => const { &[key(NONE, Key::F7)] },
            Command::NextDisagreement => const { &[key(NONE, Key::F8)] },
            Command::TakeVersion(1) => const { &[key(ALT, Key::Num1)] },
            Command::TakeVersion(2) => const { &[key(ALT, Key::Num2)] },
            Command::TakeVersion(3) => const { &[key(ALT, Key::Num3)] },
            Command::TakeVersion(4) => const { &[key(ALT, Key::Num4)] },
            Command::TakeVersion(_) => &[],
            Command::EditCurated => const { &[key(ALT, Key::E)] },
            Command::NoneIsRight => const { &[key(ALT, Key::Num0)] },
            Command::AutoMerge => const { &[key(CMD_ALT, Key::M)] },
            // G: agreement (A is taken by the analysts' layers).
            Command::Agreement => const { &[key(CMD_SHIFT, Key::G)] },
            Command::ExportAgreementReport => const { &[key(CMD_ALT, Key::G)] },
        }
    }

    /// Commands whose keys are plain letters or caret keys: they act on the article and
    /// must not fire while a text field is being typed in.
    pub fn needs_article_focus(self) -> bool {
        matches!(
            self,
            Command::Navigate { .. }
                | Command::DeleteAnnotation
                | Command::TagMention
                | Command::TagStatement
                | Command::TagCommitment
                | Command::TagStance
                | Command::TagTag
                | Command::AddSpanRange
                | Command::ChangeActor
                | Command::LinkAnnotations
                | Command::SetLevel(_)
                | Command::NextSuggestion
                | Command::PreviousSuggestion
                | Command::AcceptSuggestion
                | Command::RejectSuggestion
        )
    }

    /// Commands whose keys (Enter, Backspace) mean something only while a suggestion is
    /// focused; otherwise the keys go on to whatever else wants them.
    pub fn needs_focused_suggestion(self) -> bool {
        matches!(
            self,
            Command::AcceptSuggestion | Command::RejectSuggestion | Command::AcceptAllSuggestions
        )
    }

    /// The first shortcut as the user reads it ("Ctrl+Shift+S").
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| shortcut_label(ctx, s))
    }

    /// Every shortcut, joined with " or ".
    pub fn all_shortcuts_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .iter()
            .map(|s| shortcut_label(ctx, s))
            .collect::<Vec<_>>()
            .join(" or ")
    }
}

fn nav_label(nav: Nav) -> &'static str {
    match nav {
        Nav::CharLeft => "Character left",
        Nav::CharRight => "Character right",
        Nav::WordLeft => "Word left",
        Nav::WordRight => "Word right",
        Nav::LineUp => "Line up",
        Nav::LineDown => "Line down",
        Nav::LineStart => "Start of line",
        Nav::LineEnd => "End of line",
        Nav::SentencePrevious => "Previous sentence",
        Nav::SentenceNext => "Next sentence",
        Nav::SelectSentence => "Select sentence",
        Nav::SelectWord => "Select word",
        Nav::DocumentStart => "Start of document",
        Nav::DocumentEnd => "End of document",
        Nav::AnnotationPrevious => "Previous annotation",
        Nav::AnnotationNext => "Next annotation",
    }
}

fn nav_keys(nav: Nav, extend: bool) -> &'static [KeyboardShortcut] {
    // Alt does what Ctrl does on the arrows, Home and End (word, sentence, document),
    // as the article's keys always did.
    match (nav, extend) {
        (Nav::CharLeft, false) => const { &[key(NONE, Key::ArrowLeft)] },
        (Nav::CharLeft, true) => const { &[key(SHIFT, Key::ArrowLeft)] },
        (Nav::CharRight, false) => const { &[key(NONE, Key::ArrowRight)] },
        (Nav::CharRight, true) => const { &[key(SHIFT, Key::ArrowRight)] },
        (Nav::WordLeft, false) => const { &[key(CMD, Key::ArrowLeft), key(ALT, Key::ArrowLeft)] },
        (Nav::WordLeft, true) => {
            const {
                &[
                    key(CMD_SHIFT, Key::ArrowLeft),
                    key(ALT_SHIFT, Key::ArrowLeft),
                ]
            }
        }
        (Nav::WordRight, false) => {
            const { &[key(CMD, Key::ArrowRight), key(ALT, Key::ArrowRight)] }
        }
        (Nav::WordRight, true) => {
            const {
                &[
                    key(CMD_SHIFT, Key::ArrowRight),
                    key(ALT_SHIFT, Key::ArrowRight),
                ]
            }
        }
        (Nav::LineUp, false) => const { &[key(NONE, Key::ArrowUp)] },
        (Nav::LineUp, true) => const { &[key(SHIFT, Key::ArrowUp)] },
        (Nav::LineDown, false) => const { &[key(NONE, Key::ArrowDown)] },
        (Nav::LineDown, true) => const { &[key(SHIFT, Key::ArrowDown)] },
        (Nav::LineStart, false) => const { &[key(NONE, Key::Home)] },
        (Nav::LineStart, true) => const { &[key(SHIFT, Key::Home)] },
        (Nav::LineEnd, false) => const { &[key(NONE, Key::End)] },
        (Nav::LineEnd, true) => const { &[key(SHIFT, Key::End)] },
        (Nav::SentencePrevious, false) => {
            const { &[key(ALT, Key::ArrowUp), key(CMD, Key::ArrowUp)] }
        }
        (Nav::SentencePrevious, true) => {
            const { &[key(ALT_SHIFT, Key::ArrowUp), key(CMD_SHIFT, Key::ArrowUp)] }
        }
        (Nav::SentenceNext, false) => {
            const { &[key(ALT, Key::ArrowDown), key(CMD, Key::ArrowDown)] }
        }
        (Nav::SentenceNext, true) => {
            const {
                &[
                    key(ALT_SHIFT, Key::ArrowDown),
                    key(CMD_SHIFT, Key::ArrowDown),
                ]
            }
        }
        (Nav::SelectWord, _) => const { &[key(NONE, Key::W)] },
        (Nav::SelectSentence, _) => const { &[key(NONE, Key::E)] },
        (Nav::DocumentStart, false) => const { &[key(CMD, Key::Home), key(ALT, Key::Home)] },
        (Nav::DocumentStart, true) => {
            const { &[key(CMD_SHIFT, Key::Home), key(ALT_SHIFT, Key::Home)] }
        }
        (Nav::DocumentEnd, false) => const { &[key(CMD, Key::End), key(ALT, Key::End)] },
        (Nav::DocumentEnd, true) => const { &[key(CMD_SHIFT, Key::End), key(ALT_SHIFT, Key::End)] },
        (Nav::AnnotationNext, _) => const { &[key(NONE, Key::Tab), key(NONE, Key::CloseBracket)] },
        (Nav::AnnotationPrevious, _) => {
            const { &[key(SHIFT, Key::Tab), key(NONE, Key::OpenBracket)] }
        }
    }
}

/// The caret movement a key runs, from the table (the article view uses it when it is
/// drawn on its own, without the window taking the commands first).
pub fn navigation_for(pressed: Key, modifiers: Modifiers) -> Option<(Nav, bool)> {
    ALL.iter().find_map(|&c| match c {
        Command::Navigate { nav, extend }
            if c.shortcuts()
                .iter()
                .any(|s| s.logical_key == pressed && modifiers.matches_exact(s.modifiers)) =>
        {
            Some((nav, extend))
        }
        _ => None,
    })
}

/// Takes the key presses that run commands out of this frame's input, so that no widget
/// also reacts to them, and returns the commands in the order pressed.
///
/// Modifiers must match exactly (unlike `InputState::consume_shortcut`, which ignores
/// extra shift) so that shift+arrow extends rather than moves. `article_keys` is false
/// while a text field has focus: plain letters and caret keys then belong to the field.
pub fn take_pressed(ctx: &egui::Context, article_keys: bool) -> Vec<Command> {
    take_pressed_with(ctx, article_keys, false)
}

/// [`take_pressed`], with `suggestion_keys` true while a suggestion is focused (Enter
/// accepts it, Backspace rejects it).
pub fn take_pressed_with(
    ctx: &egui::Context,
    article_keys: bool,
    suggestion_keys: bool,
) -> Vec<Command> {
    let mut pressed = Vec::new();
    ctx.input_mut(|input| {
        input.events.retain(|event| {
            let egui::Event::Key {
                key: ev_key,
                modifiers,
                pressed: true,
                ..
            } = event
            else {
                return true;
            };
            let found = ALL.iter().copied().find(|command| {
                (article_keys || !command.needs_article_focus())
                    && (suggestion_keys || !command.needs_focused_suggestion())
                    && command
                        .shortcuts()
                        .iter()
                        .any(|s| s.logical_key == *ev_key && modifiers.matches_exact(s.modifiers))
            });
            match found {
                Some(command) => {
                    pressed.push(command);
                    false
                }
                None => true,
            }
        });
        // A consumed letter must not arrive as text either (the key event comes with a
        // text event for the same letter).
        if pressed.iter().any(|c| c.needs_article_focus()) {
            input
                .events
                .retain(|e| !matches!(e, egui::Event::Text(t) if t.chars().count() == 1));
        }
    });
    pressed
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn shortcuts_read_as_the_keys_are_printed() {
        let ctx = egui::Context::default();
        assert_eq!(
            nav(Nav::AnnotationNext, false).all_shortcuts_text(&ctx),
            "Tab or ]"
        );
        assert_eq!(
            nav(Nav::AnnotationPrevious, false).all_shortcuts_text(&ctx),
            "Shift+Tab or ["
        );
        // Arrows keep their names; modifiers are egui's.
        let next_sentence = nav(Nav::SentenceNext, false).shortcut_text(&ctx);
        assert_eq!(next_sentence.as_deref(), Some("Alt+Down"));
    }

    #[test]
    fn no_two_commands_share_a_key() {
        let mut seen: HashMap<(Modifiers, Key), Command> = HashMap::new();
        for &command in ALL {
            for s in command.shortcuts() {
                if let Some(other) = seen.insert((s.modifiers, s.logical_key), command) {
                    // The two extend variants of SelectWord/SelectSentence/annotation jumps
                    // share keys with their non-extending twin, which is not listed in ALL.
                    panic!("{command:?} and {other:?} share {s:?}");
                }
            }
        }
    }

    #[test]
    fn every_command_has_a_label_and_a_key() {
        for &command in ALL {
            assert!(!command.label().is_empty());
            assert!(!command.shortcuts().is_empty(), "{command:?} has no key");
        }
    }
}
