//! The query's facets beside the hits: each field's values with how many hits they would
//! have under the rest of the query (Datasette's facets); a click makes the value the
//! field's chip.

use crate::query::Field;
use crate::query::facets::Faceted;

/// Values listed per field before "n more".
const SHOWN: usize = 8;

/// Draws the facets of `result`; returns the (field, value) clicked.
pub fn facets_ui(ui: &mut egui::Ui, result: &Faceted) -> Option<(Field, String)> {
    let mut clicked = None;
    ui.strong("Facets");
    egui::ScrollArea::vertical()
        .id_salt("corpus facets")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for facet in result.facets.iter().filter(|f| !f.values.is_empty()) {
                let name = facet.field.name();
                egui::CollapsingHeader::new(format!("{name} ({})", facet.values.len()))
                    .id_salt(("corpus facet", name))
                    .default_open(matches!(
                        facet.field,
                        Field::Kind | Field::Category | Field::Committer | Field::Holder
                    ))
                    .show(ui, |ui| {
                        for value in facet.values.iter().take(SHOWN) {
                            let text = format!("{}  {}", value.text, value.count);
                            let response = ui
                                .selectable_label(false, text)
                                .on_hover_text(format!("Only hits with {name}:{}", value.text));
                            if response.clicked() {
                                clicked = Some((facet.field, value.text.clone()));
                            }
                        }
                        let more = facet.values.len().saturating_sub(SHOWN);
                        if more > 0 {
                            ui.weak(format!("{more} more — type {name}:… in the query"));
                        }
                    });
            }
        });
    clicked
}
