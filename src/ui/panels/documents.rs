//! The documents panel: the corpus with title, date, source, counts and status; sorted by
//! any of them, filtered by text, status and language ("12 of 340").
//!
//! The order shown is computed once per project revision, order and filter, and only the
//! rows in view are drawn, so a project of thousands of documents costs nothing per frame.

use super::Selection;
use crate::edit::Edit;
use crate::model::{DocStatus, Document, Id, Project, counted};
use crate::ui::action::UiAction;
use crate::ui::analysts::{Coded, coded_by, initials};
use crate::ui::type_ahead;
use crate::workspace::Workspace;
use chrono::Datelike;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DocumentOrder {
    /// The order documents were imported (id order).
    #[default]
    Added,
    /// A to Z, ignoring case and accents; untitled last.
    Title,
    /// Newest first; undated documents last.
    Date,
    /// A to Z, ignoring case and accents; documents without a source last.
    Source,
    /// To do, in progress, done.
    Status,
    /// Most annotations first.
    Annotations,
}

impl DocumentOrder {
    pub const ALL: [DocumentOrder; 6] = [
        DocumentOrder::Added,
        DocumentOrder::Title,
        DocumentOrder::Date,
        DocumentOrder::Source,
        DocumentOrder::Status,
        DocumentOrder::Annotations,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DocumentOrder::Added => "import order",
            DocumentOrder::Title => "title",
            DocumentOrder::Date => "date",
            DocumentOrder::Source => "source",
            DocumentOrder::Status => "status",
            DocumentOrder::Annotations => "annotations",
        }
    }
}

/// Which documents the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct DocumentFilter {
    /// Part of the title, source, byline, URL or a custom field's value (case and accents
    /// ignored).
    pub text: String,
    pub status: Option<DocStatus>,
    /// A language tag (case ignored); `Some("")` keeps documents without a language.
    pub language: Option<String>,
    /// Whose status the status filter and the status order read: the analyst at work.
    pub analyst: String,
}

impl DocumentFilter {
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty() || self.status.is_some() || self.language.is_some()
    }
}

type ShownKey = (u64, DocumentOrder, bool, DocumentFilter);

/// The list as last computed.
struct Shown {
    key: ShownKey,
    ids: Vec<Id>,
    /// Every language tag in the project (as first written), for the language filter.
    languages: Vec<String>,
}

#[derive(Default)]
pub struct DocumentsState {
    pub order: DocumentOrder,
    /// Against the order's natural direction.
    pub reverse: bool,
    pub filter: DocumentFilter,
    focus_filter: bool,
    shown: Option<Shown>,
    /// The current document last frame, to scroll a newly current one into view.
    last_current: Option<Id>,
    /// The list's scroll offset last frame.
    scroll_offset: f32,
    /// Curation progress per document, while the curation view is open.
    pub curation_progress: Option<std::collections::BTreeMap<Id, crate::curation::Progress>>,
}

impl DocumentsState {
    /// Puts the keyboard in the filter field on the next frame.
    pub fn focus_filter(&mut self) {
        self.focus_filter = true;
    }

    /// The documents shown, in order, as last drawn (empty before the first frame).
    pub fn shown_ids(&self) -> &[Id] {
        self.shown.as_ref().map_or(&[], |s| s.ids.as_slice())
    }

    /// The document after (or before) `current` in the list as shown, wrapping around;
    /// `None` when the list is empty or was never drawn.
    pub fn neighbour(&self, current: Option<Id>, forward: bool) -> Option<Id> {
        let ids = self.shown_ids();
        if ids.is_empty() {
            return None;
        }
        let at = current.and_then(|c| ids.iter().position(|&id| id == c));
        let next = match at {
            None if forward => 0,
            None => ids.len() - 1,
            Some(i) if forward => (i + 1) % ids.len(),
            Some(i) => (i + ids.len() - 1) % ids.len(),
        };
        Some(ids[next])
    }

    /// The shown list, recomputed only when the project, the order or the filter changed.
    fn refresh(&mut self, ws: &Workspace) {
        if self.filter.analyst != ws.annotator() {
            ws.annotator().clone_into(&mut self.filter.analyst);
        }
        let key: ShownKey = (ws.revision(), self.order, self.reverse, self.filter.clone());
        if self.shown.as_ref().is_some_and(|s| s.key == key) {
            return;
        }
        let docs = &ws.project().documents;
        let ids = arrange(docs, self.order, self.reverse, &self.filter)
            .into_iter()
            .map(|i| docs[i].id)
            .collect();
        self.shown = Some(Shown {
            key,
            ids,
            languages: languages(ws.project()),
        });
    }
}

/// Lower case without accents ("Ämter" → "amter"), so sorting and matching go by the
/// letters an analyst reads rather than by code point.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // Char by char is the same as NFD here: NFD only reorders the combining marks,
        // which are dropped anyway.
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        });
    }
    out
}

/// Whether a document matches a filter; `needle` is the filter text already folded.
fn matches(doc: &Document, filter: &DocumentFilter, needle: &str) -> bool {
    let meta = &doc.meta;
    if filter
        .status
        .is_some_and(|s| s != meta.status_of(&filter.analyst))
    {
        return false;
    }
    if let Some(language) = &filter.language
        && !meta.language.trim().eq_ignore_ascii_case(language.trim())
    {
        return false;
    }
    if needle.is_empty() {
        return true;
    }
    [&meta.title, &meta.source, &meta.byline, &meta.url]
        .into_iter()
        .chain(meta.custom.values())
        .any(|field| fold(field).contains(needle))
}

/// What a document sorts by under an order: documents `missing` the value go last in either
/// direction; ties go by title, then import order.
struct SortKey {
    missing: bool,
    text: String,
    number: i64,
    title: String,
}

fn sort_key(doc: &Document, order: DocumentOrder, analyst: &str) -> SortKey {
    let meta = &doc.meta;
    let title = fold(meta.title.trim());
    let (missing, text, number) = match order {
        DocumentOrder::Added => (false, String::new(), 0),
        DocumentOrder::Title => (title.is_empty(), String::new(), 0),
        DocumentOrder::Date => match meta.date {
            // Negated: newest first is the natural direction.
            Some(d) => (false, String::new(), -i64::from(d.num_days_from_ce())),
            None => (true, String::new(), 0),
        },
        DocumentOrder::Source => {
            let source = fold(meta.source.trim());
            (source.is_empty(), source, 0)
        }
        DocumentOrder::Status => {
            let rank = DocStatus::ALL
                .iter()
                .position(|&s| s == meta.status_of(analyst))
                .unwrap_or(0);
            (false, String::new(), rank as i64)
        }
        DocumentOrder::Annotations => (false, String::new(), -(doc.annotation_count() as i64)),
    };
    SortKey {
        missing,
        text,
        number,
        title,
    }
}

/// Indices into `docs` of the documents that pass `filter`, in `order` (reversed on
/// request; documents lacking the sorted value stay last either way).
pub fn arrange(
    docs: &[Document],
    order: DocumentOrder,
    reverse: bool,
    filter: &DocumentFilter,
) -> Vec<usize> {
    let needle = fold(filter.text.trim());
    let mut keyed: Vec<(SortKey, usize)> = docs
        .iter()
        .enumerate()
        .filter(|(_, d)| matches(d, filter, &needle))
        .map(|(i, d)| (sort_key(d, order, &filter.analyst), i))
        .collect();
    keyed.sort_by(|(a, ai), (b, bi)| {
        let value = a.text.cmp(&b.text).then(a.number.cmp(&b.number));
        let value = match order {
            // Import order is the position itself.
            DocumentOrder::Added => ai.cmp(bi),
            DocumentOrder::Title => a.title.cmp(&b.title).then(ai.cmp(bi)),
            _ => value,
        };
        let value = if reverse { value.reverse() } else { value };
        a.missing
            .cmp(&b.missing)
            .then(value)
            .then_with(|| a.title.cmp(&b.title))
            .then(ai.cmp(bi))
    });
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Every document in `order`, unfiltered.
pub fn sorted(docs: &[Document], order: DocumentOrder) -> Vec<&Document> {
    arrange(docs, order, false, &DocumentFilter::default())
        .into_iter()
        .map(|i| &docs[i])
        .collect()
}

/// The language tags used in the project, each once (case ignored), in A–Z order.
fn languages(project: &Project) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for doc in &project.documents {
        let tag = doc.meta.language.trim();
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_owned());
        }
    }
    tags.sort_by_key(|t| t.to_ascii_lowercase());
    tags
}

/// The id of the filter field (Ctrl+Shift+F focuses it).
pub fn filter_field_id() -> egui::Id {
    egui::Id::unique("documents filter")
}

pub fn documents_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    state: &mut DocumentsState,
    sel: &Selection,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let project = ws.project();
    if project.documents.is_empty() {
        ui.weak("No documents yet: File > Import article… (Ctrl+I).");
        return actions;
    }
    state.refresh(ws);
    filter_bar_ui(ui, ws, state, sel, &mut actions);
    state.refresh(ws);
    list_ui(ui, project, state, sel, &mut actions);
    actions
}

fn filter_bar_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    state: &mut DocumentsState,
    sel: &Selection,
    actions: &mut Vec<UiAction>,
) {
    let id = filter_field_id();
    if std::mem::take(&mut state.focus_filter) {
        ui.memory_mut(|m| m.request_focus(id));
    }
    // Up and down in the filter field move through the list it narrows.
    if ui.memory(|m| m.has_focus(id)) {
        let (up, down) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            )
        });
        if (up || down)
            && let Some(next) = state.neighbour(sel.document, down)
            && Some(next) != sel.document
        {
            actions.push(UiAction::SelectDocument(next));
        }
    }
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut state.filter.text)
                .id(id)
                .hint_text("Filter: title, source, byline… (Ctrl+Shift+F)")
                .desired_width(f32::INFINITY),
        )
        .accessible_name("Filter documents");
    // Enter opens the first match when the current document is not among them.
    if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        let ids = state.shown_ids();
        if let Some(&first) = ids.first()
            && !sel.document.is_some_and(|d| ids.contains(&d))
        {
            actions.push(UiAction::SelectDocument(first));
        }
    }
    ui.horizontal_wrapped(|ui| {
        let orders: Vec<(DocumentOrder, String)> = DocumentOrder::ALL
            .into_iter()
            .map(|o| (o, o.label().to_owned()))
            .collect();
        type_ahead::combo_box(
            ui,
            "documents order",
            "Sort documents by",
            &mut state.order,
            &orders,
            Some(100.0),
        )
        .on_hover_text("Sort the documents by");
        let arrow = if state.reverse { "↑" } else { "↓" };
        if ui
            .small_button(arrow)
            .on_hover_text("Reverse the order")
            .accessible_name("Reverse order")
            .clicked()
        {
            state.reverse = !state.reverse;
        }
        let statuses: Vec<(Option<DocStatus>, String)> =
            std::iter::once((None, "any status".into()))
                .chain(DocStatus::ALL.map(|st| (Some(st), st.label().to_owned())))
                .collect();
        type_ahead::combo_box(
            ui,
            "documents status filter",
            "Filter by status",
            &mut state.filter.status,
            &statuses,
            Some(92.0),
        );
        let languages = state
            .shown
            .as_ref()
            .map(|s| s.languages.clone())
            .unwrap_or_default();
        // Only worth a control when the project mixes languages.
        if languages.len() > 1 || state.filter.language.is_some() {
            let label = |tag: &str| {
                if tag.is_empty() {
                    "no language".to_owned()
                } else {
                    tag.to_owned()
                }
            };
            let mut options: Vec<(Option<String>, String)> = vec![(None, "any language".into())];
            options.extend(languages.iter().map(|t| (Some(t.clone()), label(t))));
            // A filter on a language no document has any more still shows.
            if let Some(t) = state.filter.language.as_ref()
                && !languages.contains(t)
            {
                options.push((Some(t.clone()), label(t)));
            }
            type_ahead::combo_box(
                ui,
                "documents language filter",
                "Filter by language",
                &mut state.filter.language,
                &options,
                Some(92.0),
            );
        }
        // The combo boxes above may have changed the filter this frame.
        state.refresh(ws);
        let shown = state.shown_ids().len();
        let total = ws.project().documents.len();
        if state.filter.is_active() {
            ui.weak(format!("{shown} of {total}"));
            if ui
                .small_button("Show all")
                .on_hover_text("Clear the filter")
                .clicked()
            {
                state.filter = DocumentFilter::default();
            }
        } else {
            ui.weak(counted(total, "document"));
        }
    });
}

/// Height of one row: the title; status, date, source and count.
fn row_height(ui: &egui::Ui) -> f32 {
    let spacing = ui.spacing();
    let line = spacing
        .interact_size
        .y
        .max(egui::TextStyle::Body.resolve(ui.style()).size + 4.0);
    2.0 * line + spacing.item_spacing.y + 4.0
}

fn list_ui(
    ui: &mut egui::Ui,
    project: &Project,
    state: &mut DocumentsState,
    sel: &Selection,
    actions: &mut Vec<UiAction>,
) {
    let row_h = row_height(ui);
    let step = row_h + ui.spacing().item_spacing.y;
    let ids = state.shown_ids().to_vec();
    // The list takes the rest of the panel.
    let view_height = ui.available_height();
    let mut area = egui::ScrollArea::vertical()
        .id_salt("documents")
        .auto_shrink([false, true]);
    // A document made current elsewhere (keys, import, undo) is scrolled into view once.
    if sel.document != state.last_current {
        state.last_current = sel.document;
        if let Some(at) = sel
            .document
            .and_then(|d| ids.iter().position(|&id| id == d))
        {
            let top = at as f32 * step;
            if top < state.scroll_offset {
                area = area.vertical_scroll_offset(top);
            } else if top + row_h > state.scroll_offset + view_height {
                area = area.vertical_scroll_offset((top + row_h - view_height).max(0.0));
            }
        }
    }
    let output = area.show_rows(ui, row_h, ids.len(), |ui, range| {
        for &id in &ids[range] {
            let Some(doc) = project.document(id) else {
                continue;
            };
            let (rect, _) = ui.allocate_exact_size(
                egui::vec2(ui.available_width(), row_h),
                egui::Sense::hover(),
            );
            let mut row = ui.new_child(
                egui::UiBuilder::new()
                    .id_salt(("document row", id.0))
                    .max_rect(rect)
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            document_row_ui(
                &mut row,
                doc,
                &state.filter.analyst,
                // Blind coding: nobody sees who else coded what until curation.
                !project.meta.blind,
                sel.document == Some(id),
                state
                    .curation_progress
                    .as_ref()
                    .and_then(|p| p.get(&id).copied()),
                actions,
            );
            let y = rect.bottom() + ui.spacing().item_spacing.y / 2.0;
            ui.painter().hline(
                rect.x_range(),
                y,
                ui.visuals().widgets.noninteractive.bg_stroke,
            );
        }
    });
    state.scroll_offset = output.state.clamped_offset().y;
}

fn document_row_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    analyst: &str,
    show_others: bool,
    current: bool,
    curation: Option<crate::curation::Progress>,
    actions: &mut Vec<UiAction>,
) {
    let title = if doc.meta.title.trim().is_empty() {
        "(untitled)"
    } else {
        doc.meta.title.as_str()
    };
    let hover = if current {
        "Show this document's information (title, date, source, fields)"
    } else {
        "Open this document"
    };
    // Arabic or Hebrew in visual order; screen readers keep the logical title.
    let shown = crate::ui::article::bidi::visual(title);
    let response = ui
        .add(
            egui::Button::selectable(current, egui::RichText::new(shown.as_ref()).strong())
                .truncate(),
        )
        .accessible_name(title)
        .on_hover_text(hover);
    if response.clicked() {
        // A click on the open document brings its information up where the inspector is.
        actions.push(if current {
            UiAction::SelectAnnotation(None)
        } else {
            UiAction::SelectDocument(doc.id)
        });
    }
    let date = doc.meta.date.map(|d| d.to_string()).unwrap_or_default();
    let count = counted(doc.annotation_count(), "annotation");
    let details = [date.as_str(), doc.meta.source.as_str(), count.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    ui.horizontal(|ui| {
        let was = doc.meta.status_of(analyst);
        let mut status = was;
        let statuses: Vec<(DocStatus, String)> = DocStatus::ALL
            .into_iter()
            .map(|st| (st, st.label().to_owned()))
            .collect();
        type_ahead::combo_box(ui, "status", "Status", &mut status, &statuses, Some(84.0));
        if show_others {
            others_ui(ui, doc, analyst);
        }
        if let Some(p) = curation.filter(|p| p.units > 0) {
            ui.add(egui::Label::new(
                egui::RichText::new(format!("curated {}/{}", p.curated, p.units)).small(),
            ))
            .on_hover_text(format!(
                "{} of {} units curated; {} disagreements to settle",
                p.curated, p.units, p.open_disagreements
            ));
        }
        if status != was {
            let mut meta = doc.meta.clone();
            meta.set_status(analyst, status);
            actions.push(UiAction::edit(
                format!("Mark “{}” {}", doc.meta.title, status.label()),
                Edit::UpdateDocumentMeta {
                    document: doc.id,
                    meta,
                },
            ));
        }
        ui.add(egui::Label::new(egui::RichText::new(details).weak()).truncate())
            .on_hover_text(
                [
                    counted(doc.mentions.len(), "mention"),
                    counted(doc.statements.len(), "statement"),
                    counted(doc.commitments.len(), "commitment"),
                    counted(doc.stances.len(), "stance"),
                    counted(doc.tags.len(), "tag"),
                ]
                .join(" · "),
            );
    });
}

/// The other analysts who coded the document, as initials with ✓ (done) or … (in
/// progress); their full names, statuses and counts on hover.
fn others_ui(ui: &mut egui::Ui, doc: &Document, analyst: &str) {
    let coded: Vec<Coded> = coded_by(doc)
        .into_iter()
        .filter(|c| c.analyst != analyst)
        .collect();
    if coded.is_empty() {
        return;
    }
    let marks: Vec<String> = coded
        .iter()
        .map(|c| {
            let mark = match c.status {
                DocStatus::Done => "✓",
                DocStatus::InProgress => "…",
                DocStatus::Todo => "",
            };
            format!("{}{mark}", initials(&c.analyst))
        })
        .collect();
    let hover: Vec<String> = coded
        .iter()
        .map(|c| {
            format!(
                "{}: {}, {}",
                c.analyst,
                c.status.label(),
                counted(c.annotations, "annotation")
            )
        })
        .collect();
    ui.add(egui::Label::new(
        egui::RichText::new(marks.join(" ")).weak().small(),
    ))
    .on_hover_text(format!("Also coded by\n{}", hover.join("\n")));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents_but_keeps_other_scripts() {
        assert_eq!(fold("Ämter und Ministerien"), "amter und ministerien");
        assert_eq!(fold("Brasília São Tomé"), "brasilia sao tome");
        assert_eq!(fold("王毅 Ωμέγα"), "王毅 ωμεγα");
    }
}
