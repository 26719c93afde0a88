//! A further part for the selected annotation: R (or the inspector's button) with an
//! annotation selected adds the article's selection to its span, as one undoable edit.

use super::DemarcheApp;
use crate::ui::action::UiAction;
use crate::ui::panels::{inspector, update_annotation};

impl DemarcheApp {
    /// Adds the article's selection to the selected annotation's span. False when this is
    /// not the case for it (no annotation selected, or parts already kept for a new span):
    /// R then keeps the selection for a new discontinuous span.
    pub(super) fn add_part_to_selected(&mut self) -> bool {
        let (Some(doc_id), Some(id)) = (self.selection.document, self.selection.annotation) else {
            return false;
        };
        if !self.article.pending_ranges().is_empty() {
            return false;
        }
        let Some(range) = self.article.selection() else {
            self.report("Select more text, then R adds it to the selected annotation as a part");
            return true;
        };
        if self.refuse_foreign(doc_id, id) {
            return true;
        }
        let Some(doc) = self.ws.project().document(doc_id) else {
            return false;
        };
        let Some(annotation) = doc.annotation(id) else {
            return false;
        };
        match inspector::with_added_part(doc, &annotation, range) {
            Ok(updated) => {
                let parts = updated.span().map_or(1, |s| s.ranges.len());
                let kind = updated.kind().label();
                self.actions.push(UiAction::edit(
                    "Add part to span",
                    update_annotation(doc_id, updated),
                ));
                self.article.clear_selection();
                self.report(format!("The {kind} now has {parts} parts (Ctrl+Z undoes)"));
            }
            Err(why) => self.report(why),
        }
        true
    }
}
