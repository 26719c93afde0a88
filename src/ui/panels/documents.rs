//! The documents panel: the corpus with title, date, source, counts and status.

use super::Selection;
use crate::edit::Edit;
use crate::model::{DocStatus, Document};
use crate::ui::action::UiAction;
use crate::workspace::Workspace;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocumentOrder {
    /// The order documents were added (id order).
    #[default]
    Added,
    Title,
    /// Newest first; undated documents last.
    Date,
}

#[derive(Default)]
pub struct DocumentsState {
    pub order: DocumentOrder,
}

/// The documents in the order chosen.
pub fn sorted(docs: &[Document], order: DocumentOrder) -> Vec<&Document> {
    let mut out: Vec<&Document> = docs.iter().collect();
    match order {
        DocumentOrder::Added => {}
        DocumentOrder::Title => out.sort_by_cached_key(|d| d.meta.title.to_lowercase()),
        DocumentOrder::Date => out.sort_by_key(|d| std::cmp::Reverse(d.meta.date)),
    }
    out
}

pub fn documents_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    state: &mut DocumentsState,
    sel: &Selection,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    let project = ws.project();
    ui.horizontal(|ui| {
        ui.label("Sort:");
        ui.selectable_value(&mut state.order, DocumentOrder::Added, "added");
        ui.selectable_value(&mut state.order, DocumentOrder::Title, "title");
        ui.selectable_value(&mut state.order, DocumentOrder::Date, "date");
    });
    if project.documents.is_empty() {
        ui.weak("No documents yet: File > Import article… (Ctrl+I).");
        return actions;
    }
    egui::ScrollArea::vertical()
        .id_salt("documents")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for doc in sorted(&project.documents, state.order) {
                ui.push_id(doc.id.0, |ui| {
                    document_row_ui(ui, doc, sel.document == Some(doc.id), &mut actions);
                });
                ui.separator();
            }
        });
    actions
}

fn document_row_ui(ui: &mut egui::Ui, doc: &Document, current: bool, actions: &mut Vec<UiAction>) {
    let title = if doc.meta.title.trim().is_empty() {
        "(untitled)"
    } else {
        doc.meta.title.as_str()
    };
    if ui
        .selectable_label(current, egui::RichText::new(title).strong())
        .clicked()
        && !current
    {
        actions.push(UiAction::SelectDocument(doc.id));
    }
    let date = doc.meta.date.map(|d| d.to_string()).unwrap_or_default();
    let source = [date.as_str(), doc.meta.source.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    if !source.is_empty() {
        ui.weak(source);
    }
    ui.horizontal(|ui| {
        ui.weak(format!(
            "{} mentions · {} statements · {} commitments · {} stances",
            doc.mentions.len(),
            doc.statements.len(),
            doc.commitments.len(),
            doc.stances.len()
        ));
    });
    let mut status = doc.meta.status;
    egui::ComboBox::from_id_salt("status")
        .selected_text(status.label())
        .show_ui(ui, |ui| {
            for s in DocStatus::ALL {
                ui.selectable_value(&mut status, s, s.label());
            }
        })
        .response
        .accessible_name("Status");
    if status != doc.meta.status {
        let mut meta = doc.meta.clone();
        meta.status = status;
        actions.push(UiAction::edit(
            format!("Mark “{}” {}", doc.meta.title, status.label()),
            Edit::UpdateDocumentMeta {
                document: doc.id,
                meta,
            },
        ));
    }
}
