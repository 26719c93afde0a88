//! Exports of the corpus view from the window: the hit list and the grid as CSV and XLSX
//! (the writers `demarche query` and `demarche table` use), the grid and the time chart as
//! SVG (re-drawn from their data), the time series as CSV and XLSX (`demarche series`'s
//! writers) and any tab as PNG (the window's own pixels, cropped to the tab).

use super::grid::measure_label;
use super::{CorpusState, Tab, time::Mode};
use crate::export::{chart_svg, grid_svg, query_tables};
use crate::model::Project;
use crate::query::describe::describe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    HitsCsv,
    HitsXlsx,
    GridCsv,
    GridXlsx,
    /// The grid re-drawn as a heatmap with headings and totals.
    GridSvg,
    /// The time series' counts, a row per period.
    SeriesCsv,
    SeriesXlsx,
    ChartSvg,
    /// The shown tab as on screen.
    ViewPng,
}

impl Export {
    pub fn label(self) -> &'static str {
        match self {
            Export::HitsCsv => "Hits as CSV…",
            Export::HitsXlsx => "Hits as XLSX…",
            Export::GridCsv => "Grid as CSV…",
            Export::GridXlsx => "Grid as XLSX…",
            Export::GridSvg => "Grid as SVG…",
            Export::SeriesCsv => "Series as CSV…",
            Export::SeriesXlsx => "Series as XLSX…",
            Export::ChartSvg => "Chart as SVG…",
            Export::ViewPng => "As PNG (as on screen)…",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Export::HitsCsv | Export::GridCsv | Export::SeriesCsv => "csv",
            Export::HitsXlsx | Export::GridXlsx | Export::SeriesXlsx => "xlsx",
            Export::GridSvg | Export::ChartSvg => "svg",
            Export::ViewPng => "png",
        }
    }

    /// The file name the dialog proposes.
    pub fn file_name(self, tab: Tab) -> String {
        let stem = match (self, tab) {
            (Export::HitsCsv | Export::HitsXlsx, _) => "hits",
            (Export::GridCsv | Export::GridXlsx | Export::GridSvg, _) => "grid",
            (Export::SeriesCsv | Export::SeriesXlsx, _) => "series",
            (_, Tab::Hits) => "hits",
            (_, Tab::Grid) => "grid",
            (_, Tab::Time) => "time",
        };
        format!("{stem}.{}", self.extension())
    }
}

/// What the Export menu offers on a tab.
pub fn offered(tab: Tab, mode: Mode) -> Vec<Export> {
    match (tab, mode) {
        (Tab::Hits, _) => vec![Export::HitsCsv, Export::HitsXlsx],
        (Tab::Grid, _) => vec![
            Export::GridCsv,
            Export::GridXlsx,
            Export::GridSvg,
            Export::ViewPng,
        ],
        (Tab::Time, Mode::Counts) => vec![
            Export::SeriesCsv,
            Export::SeriesXlsx,
            Export::ChartSvg,
            Export::ViewPng,
        ],
        (Tab::Time, Mode::Stance) => vec![Export::ChartSvg, Export::ViewPng],
    }
}

/// The Export menu of the shown tab; the export chosen.
pub fn menu_ui(ui: &mut egui::Ui, tab: Tab, mode: Mode) -> Option<Export> {
    let mut chosen = None;
    ui.menu_button("Export", |ui| {
        for export in offered(tab, mode) {
            if ui.button(export.label()).clicked() {
                chosen = Some(export);
                ui.close();
            }
        }
    })
    .response
    .on_hover_text("Write what this tab shows to a file (the query is in the file's first row)");
    chosen
}

/// Exports waiting for a file and PNGs waiting for the window's pixels.
#[derive(Default)]
pub struct ExportState {
    pub pending: Option<Export>,
    /// A PNG to take from the next frame.
    png_to: Option<PathBuf>,
    /// What the screenshot callbacks wrote (or why not), for the status line.
    outcomes: Arc<Mutex<Vec<Result<String, String>>>>,
}

impl ExportState {
    /// Asks the window for its pixels when a PNG is waiting: the tab's rect is cropped out
    /// and written once they arrive.
    pub fn take_screenshot(&mut self, ctx: &egui::Context, rect: Option<egui::Rect>) {
        let (Some(path), Some(rect)) = (self.png_to.take(), rect) else {
            return;
        };
        let outcomes = Arc::clone(&self.outcomes);
        let ppp = ctx.pixels_per_point();
        ctx.request_screenshot(move |image| {
            let outcome = write_png(&image, rect, ppp, &path)
                .map(|()| format!("Wrote {}", path.display()))
                .map_err(|e| format!("Cannot write {}: {e}", path.display()));
            if let Ok(mut o) = outcomes.lock() {
                o.push(outcome);
            }
        });
        ctx.request_repaint();
    }

    /// What finished since the last call.
    pub fn take_outcomes(&self) -> Vec<Result<String, String>> {
        self.outcomes
            .lock()
            .map(|mut o| std::mem::take(&mut *o))
            .unwrap_or_default()
    }
}

/// Crops `rect` (points) out of a screenshot and writes it as PNG.
pub fn write_png(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
    path: &Path,
) -> Result<(), String> {
    let [w, h] = image.size;
    let bounds = egui::Rect::from_min_size(
        egui::Pos2::ZERO,
        egui::vec2(w as f32, h as f32) / pixels_per_point,
    );
    let rect = rect.intersect(bounds);
    if rect.width() < 1.0 || rect.height() < 1.0 {
        return Err("the view is not on screen".into());
    }
    let part = image.region(&rect, Some(pixels_per_point));
    let [pw, ph] = part.size;
    let rgba: Vec<u8> = part.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(pw as u32, ph as u32, rgba)
        .ok_or_else(|| "the screenshot has the wrong size".to_owned())?;
    buffer
        .save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| e.to_string())
}

fn exported() -> String {
    chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string()
}

impl CorpusState {
    /// Remembers the export whose file is being asked for.
    pub fn begin_export(&mut self, export: Export) {
        self.exports.pending = Some(export);
    }

    /// The file name the dialog for the pending export proposes.
    pub fn export_file_name(&self) -> String {
        self.exports
            .pending
            .map_or("export.csv".to_owned(), |e| e.file_name(self.tab))
    }

    /// Writes the pending export to `path`: a message for the status line, or `None` for a
    /// PNG, which is written when the next frame's pixels arrive (`ExportState::take_outcomes`).
    pub fn export_to(&mut self, project: &Project, path: &Path) -> Result<Option<String>, String> {
        let export = self
            .exports
            .pending
            .take()
            .ok_or_else(|| "nothing to export".to_owned())?;
        let Some((revision, index)) = &self.index else {
            return Err("the corpus view has not run its query yet".into());
        };
        let query = self.good.to_string();
        let fail = |e: &dyn std::fmt::Display| format!("Cannot write {}: {e}", path.display());
        let write = |text: String| std::fs::write(path, text).map_err(|e| fail(&e));
        match export {
            Export::HitsCsv | Export::HitsXlsx => {
                let rows = describe(project, index, self.hit_rows());
                if export == Export::HitsCsv {
                    write(query_tables::hits_csv(&rows))?;
                } else {
                    query_tables::hits_xlsx(path, &query, &exported(), &rows)
                        .map_err(|e| fail(&e))?;
                }
            }
            Export::GridCsv | Export::GridXlsx | Export::GridSvg => {
                self.grid.refresh(index, *revision, &self.good);
                let g = self.grid.current().ok_or("the grid has no cells")?;
                let (rows, cols) = (self.grid.rows.name(), self.grid.cols.name());
                match export {
                    Export::GridCsv => write(query_tables::grid_csv(g, rows, cols))?,
                    Export::GridSvg => write(grid_svg::grid_svg(
                        g,
                        rows,
                        cols,
                        measure_label(self.grid.measure),
                        &query,
                    ))?,
                    _ => query_tables::grid_xlsx(path, &query, &exported(), g, rows, cols)
                        .map_err(|e| fail(&e))?,
                }
            }
            Export::SeriesCsv | Export::SeriesXlsx => {
                self.time.refresh(index, *revision, &self.good);
                let s = self.time.series().ok_or("the chart has no data")?;
                if export == Export::SeriesCsv {
                    write(query_tables::series_csv(s))?;
                } else {
                    query_tables::series_xlsx(path, &query, &exported(), s)
                        .map_err(|e| fail(&e))?;
                }
            }
            Export::ChartSvg => {
                self.time.refresh(index, *revision, &self.good);
                let svg = match self.time.mode {
                    Mode::Counts => {
                        let s = self.time.series().ok_or("the chart has no data")?;
                        chart_svg::series_svg(s, &query)
                    }
                    Mode::Stance => {
                        let line = self.time.shown_line().ok_or("no stance line to draw")?;
                        chart_svg::stance_svg(line, self.time.period, &query)
                    }
                };
                write(svg)?;
            }
            Export::ViewPng => {
                self.exports.png_to = Some(path.to_owned());
                return Ok(None);
            }
        }
        Ok(Some(format!("Wrote {}", path.display())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_is_the_screenshot_cropped_to_the_view() {
        // A 40×30 point window at 2 pixels per point: red, with a blue 10×5 point view.
        let ppp = 2.0;
        let mut image = egui::ColorImage::filled([80, 60], egui::Color32::RED);
        for y in 20..30 {
            for x in 10..30 {
                image.pixels[y * 80 + x] = egui::Color32::BLUE;
            }
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("view.png");
        let view = egui::Rect::from_min_size(egui::pos2(5.0, 10.0), egui::vec2(10.0, 5.0));
        write_png(&image, view, ppp, &path).expect("written");
        let png = image::open(&path).expect("a PNG").to_rgba8();
        assert_eq!(png.dimensions(), (20, 10));
        assert!(png.pixels().all(|p| p.0 == [0, 0, 255, 255]));
        // A view partly off screen is cut to the window.
        let beyond = egui::Rect::from_min_size(egui::pos2(30.0, 20.0), egui::vec2(50.0, 50.0));
        write_png(&image, beyond, ppp, &path).expect("written");
        assert_eq!(
            image::open(&path).expect("a PNG").to_rgba8().dimensions(),
            (20, 20)
        );
    }
}
