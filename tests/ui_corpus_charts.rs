//! View ▸ Corpus's Grid and Time tabs and the window's exports (issue 17): rows and columns
//! chosen in the pickers give cells equal to counts walked from the model; a click on a cell
//! or on a bar narrows the query to exactly its hits and shows them; hits in undated
//! documents are counted apart; a stance line's point opens its evidence; the grid written
//! from the window is `demarche table`'s CSV, the hit list `demarche query`'s, the XLSX the
//! same cells; the chart's SVG holds a bar per non-empty segment.

use crate::app_support::app_harness;
use crate::query_support::{self as fixture, CHINA};
use calamine::{Data, Reader, Xlsx, open_workbook};
use demarche::model::{Project, StanceTarget};
use demarche::persist;
use demarche::ui::Startup;
use demarche::ui::app::DemarcheApp;
use demarche::ui::corpus::Tab;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_demarche");

/// The generated corpus saved, and the window open on it with View ▸ Corpus and `query`.
fn open(dir: &Path, query: &str) -> (Project, std::path::PathBuf, Harness<'static, DemarcheApp>) {
    let project = fixture::corpus();
    let path = dir.join("corpus.ron");
    persist::save(&project, &path).expect("saved");
    let mut h = app_harness(DemarcheApp::app_for_tests_as(
        Startup::Open(path.clone()),
        "carol",
    ));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    h.run();
    h.event(egui::Event::Text(query.to_owned()));
    h.run();
    (project, path, h)
}

fn name(project: &Project, id: demarche::model::Id) -> String {
    project
        .actors
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.name.clone())
        .expect("actor")
}

/// Picks `option` in the combo box labelled `combo`.
fn choose(h: &mut Harness<'static, DemarcheApp>, combo: &str, option: &str) {
    h.get_by_label(combo).click();
    h.run();
    // The popup's entry is the last node with that label (the closed combo shows one too).
    h.get_all_by_label(option)
        .last()
        .expect("an option")
        .click();
    h.run();
}

#[test]
fn a_grid_cell_counts_the_model_and_a_click_lists_exactly_its_hits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (project, _, mut h) = open(dir.path(), "kind:commitment");
    h.get_by_label("Grid").click();
    h.run();
    assert_eq!(h.state().corpus().tab, Tab::Grid);
    choose(&mut h, "Rows", "committer");
    choose(&mut h, "Columns", "strength");

    // China's own certain commitments (no `~`: the heading is the actor itself).
    let expected = project
        .documents
        .iter()
        .flat_map(|d| &d.commitments)
        .filter(|c| c.committer == Some(CHINA) && c.strength == "certain")
        .count();
    assert!(expected > 0);
    let china = name(&project, CHINA);
    h.get_by_label(&format!("{china} × certain: {expected}"))
        .click();
    h.run();
    let corpus = h.state().corpus();
    assert_eq!(corpus.tab, Tab::Hits, "the cell's hits are listed");
    assert_eq!(
        corpus.text,
        format!("kind:commitment committer:{china} strength:certain")
    );
    assert_eq!(corpus.hit_count(), Some(expected));

    // Row percentages: the share of China's commitments that are certain.
    h.get_by_label("Grid").click();
    h.run();
    // Back to the whole query, row percentages on.
    h.state_mut().corpus_mut().text = "kind:commitment".into();
    h.run();
    h.get_by_label("row %").click();
    h.run();
    let all = project
        .documents
        .iter()
        .flat_map(|d| &d.commitments)
        .filter(|c| c.committer == Some(CHINA))
        .count();
    let percent = format!("{:.1}%", expected as f64 / all as f64 * 100.0);
    h.get_by_label(&format!("{china} × certain: {percent}"));

    // The dyads preset: committer × addressee, each addressee counted.
    h.get_by_label("committer × addressee").click();
    h.run();
    let peru = name(&project, fixture::PERU);
    let dyad = project
        .documents
        .iter()
        .flat_map(|d| &d.commitments)
        .filter(|c| c.committer == Some(CHINA) && c.addressees.contains(&fixture::PERU))
        .count();
    let g = h.state().corpus().grid.current().expect("a grid").clone();
    let r = g.rows.iter().position(|x| x.text == china).expect("row");
    let c = g.cols.iter().position(|x| x.text == peru).expect("col");
    assert_eq!(g.counts[r][c], dyad);
}

/// The month ("2019-05") of each annotation's document, `None` when undated.
fn months(project: &Project) -> Vec<(Option<String>, &'static str)> {
    let mut out = Vec::new();
    for d in &project.documents {
        let month = d.meta.date.map(|x| x.format("%Y-%m").to_string());
        out.extend(d.commitments.iter().map(|_| (month.clone(), "commitment")));
        out.extend(d.stances.iter().map(|_| (month.clone(), "stance")));
    }
    out
}

#[test]
fn the_time_tab_counts_undated_apart_and_a_bar_or_point_lists_its_hits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (project, _, mut h) = open(dir.path(), "kind:commitment,stance");
    h.get_by_label("Time").click();
    h.run();
    h.run();
    let hits = months(&project);
    let undated = hits.iter().filter(|(m, _)| m.is_none()).count();
    assert!(undated > 0, "the corpus has undated documents");
    h.get_by_label(&format!("{undated} hits in undated documents"));

    // Monthly bars stacked by kind: the first month's stance segment, clicked.
    let first = hits
        .iter()
        .filter_map(|(m, _)| m.clone())
        .min()
        .expect("a dated hit");
    let stances = hits
        .iter()
        .filter(|(m, k)| m.as_deref() == Some(first.as_str()) && *k == "stance")
        .count();
    assert!(stances > 0);
    let s = h.state().corpus().time.series().expect("a series").clone();
    assert_eq!(s.labels[0], first);
    let key = s
        .keys
        .iter()
        .position(|k| k == "stance")
        .expect("stance key");
    assert_eq!(s.counts[key][0], stances);
    let at = h
        .state()
        .corpus()
        .time
        .bar_center(0, key)
        .expect("the bar is drawn");
    click_at(&mut h, at);
    let corpus = h.state().corpus();
    assert_eq!(corpus.tab, Tab::Hits);
    assert!(corpus.text.contains("kind:stance"), "{}", corpus.text);
    assert!(corpus.text.contains("date:"), "{}", corpus.text);
    assert_eq!(corpus.hit_count(), Some(stances));

    // Quarters: fewer, larger bars.
    h.get_by_label("Time").click();
    h.run();
    h.state_mut().corpus_mut().text = "kind:commitment,stance".into();
    h.run();
    choose(&mut h, "Period", "quarter");
    let quarters = h
        .state()
        .corpus()
        .time
        .series()
        .expect("series")
        .labels
        .clone();
    assert_eq!(quarters.first().map(String::as_str), Some("2019-Q1"));

    // Stance lines by month: a point opens the stances behind it.
    h.get_by_label("Stance lines").click();
    h.run();
    choose(&mut h, "Period", "month");
    h.run();
    let line = h
        .state()
        .corpus()
        .time
        .shown_line()
        .expect("a stance line")
        .clone();
    let i = line.points.iter().position(|p| p.flip).unwrap_or(0);
    let point = line.points[i].clone();
    let behind = project
        .documents
        .iter()
        .filter(|d| d.meta.date.map(|x| x.format("%Y-%m").to_string()) == Some(point.label.clone()))
        .flat_map(|d| &d.stances)
        .filter(|s| s.holder.is_some_and(|a| name(&project, a) == line.holder))
        .filter(|s| match &s.target {
            Some(StanceTarget::Actor(a)) => name(&project, *a) == line.target,
            Some(StanceTarget::Topic(t)) => *t == line.target,
            None => false,
        })
        .count();
    assert_eq!(point.favor + point.against + point.other, behind);
    let at = h.state().corpus().time.point_center(i).expect("drawn");
    click_at(&mut h, at);
    assert_eq!(h.state().corpus().tab, Tab::Hits);
    assert_eq!(h.state().corpus().hit_count(), Some(behind));
}

/// A real click at a screen position (the plot has no widget per bar to find by label).
fn click_at(h: &mut Harness<'static, DemarcheApp>, at: egui::Pos2) {
    h.event(egui::Event::PointerMoved(at));
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    h.run();
}

/// Export ▸ `item`, the path typed where the dialog would be.
fn export(h: &mut Harness<'static, DemarcheApp>, item: &str, path: &Path) {
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
    h.event(egui::Event::Text(path.display().to_string()));
    h.run();
    h.get_by_label("OK").click();
    h.run();
}

fn cli(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_window_writes_the_grid_and_hits_as_the_command_line_does_and_the_chart_as_svg() {
    let dir = tempfile::tempdir().expect("temp dir");
    let query = "kind:commitment strength:certain,probable";
    let (project, path, mut h) = open(dir.path(), query);
    let project_arg = path.display().to_string();

    // The hit list as CSV: `demarche query`'s output.
    let hits_csv = dir.path().join("hits.csv");
    export(&mut h, "Hits as CSV…", &hits_csv);
    assert_eq!(
        std::fs::read_to_string(&hits_csv).expect("written"),
        cli(&["query", &project_arg, query, "--format", "csv"])
    );

    // The grid (committer × category) as CSV: `demarche table`'s output.
    h.get_by_label("Grid").click();
    h.run();
    let grid_csv = dir.path().join("grid.csv");
    export(&mut h, "Grid as CSV…", &grid_csv);
    let csv_text = std::fs::read_to_string(&grid_csv).expect("written");
    assert_eq!(
        csv_text,
        cli(&[
            "table",
            &project_arg,
            "--rows",
            "committer",
            "--cols",
            "category",
            "--query",
            query
        ])
    );

    // The XLSX: a query row, then the same cells.
    let grid_xlsx = dir.path().join("grid");
    export(&mut h, "Grid as XLSX…", &grid_xlsx);
    let mut book: Xlsx<_> = open_workbook(dir.path().join("grid.xlsx")).expect("opens");
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).expect("sheet");
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    assert_eq!(rows[0][1], Data::String(query.to_owned()));
    let csv_rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect();
    let cells: Vec<Vec<String>> = rows[1..]
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => demarche::export::query_tables::number(*f),
                    Data::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    assert_eq!(cells, csv_rows);

    // The time chart as SVG: one bar per (month, strength) with hits.
    h.get_by_label("Time").click();
    h.run();
    choose(&mut h, "Stacked by", "strength");
    let svg = dir.path().join("time.svg");
    export(&mut h, "Chart as SVG…", &svg);
    let text = std::fs::read_to_string(&svg).expect("written");
    let segments: BTreeSet<(String, String)> = project
        .documents
        .iter()
        .filter_map(|d| d.meta.date.map(|x| (x.format("%Y-%m").to_string(), d)))
        .flat_map(|(m, d)| {
            d.commitments
                .iter()
                .filter(|c| c.strength == "certain" || c.strength == "probable")
                .map(move |c| (m.clone(), c.strength.clone()))
        })
        .collect();
    assert!(!segments.is_empty());
    assert_eq!(text.matches(r#"<rect class="bar""#).count(), segments.len());
    assert!(text.starts_with("<svg"));
    assert!(text.contains("in undated documents"));
}

/// A window-sized screenshot whose every pixel tells where it is: red and green are x and y
/// modulo 256, blue their high bits.
fn positional_image(size: [usize; 2]) -> egui::ColorImage {
    let [w, h] = size;
    let mut image = egui::ColorImage::filled(size, egui::Color32::BLACK);
    for y in 0..h {
        for x in 0..w {
            image.pixels[y * w + x] = egui::Color32::from_rgb(
                (x & 255) as u8,
                (y & 255) as u8,
                (((x >> 8) << 4) | (y >> 8)) as u8,
            );
        }
    }
    image
}

fn position_of(pixel: &image::Rgba<u8>) -> (u32, u32) {
    let [r, g, b, _] = pixel.0;
    (
        ((b as u32 >> 4) << 8) | r as u32,
        ((b as u32 & 15) << 8) | g as u32,
    )
}

/// Export ▸ As PNG, then the screenshot the window asks for, given as the platform would
/// (the harness has no renderer): the pixels of `positional_image`. Returns the PNG read
/// back and where its top-left pixel was on screen.
fn export_png(
    h: &mut Harness<'static, DemarcheApp>,
    path: &Path,
) -> (image::RgbaImage, (u32, u32)) {
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("As PNG (as on screen)…").click();
    h.run();
    h.event(egui::Event::Text(path.display().to_string()));
    h.run();
    h.get_by_label("OK").click();
    let mut request = None;
    for _ in 0..6 {
        h.step();
        request = h
            .output()
            .viewport_output
            .values()
            .flat_map(|v| &v.commands)
            .find_map(|c| match c {
                egui::ViewportCommand::Screenshot(callback) => Some(callback.clone()),
                _ => None,
            });
        if request.is_some() {
            break;
        }
    }
    let request = request.expect("the window asks for its pixels");
    let ppp = h.ctx.pixels_per_point();
    let screen = h.ctx.content_rect().size() * ppp;
    let size = [screen.x.round() as usize, screen.y.round() as usize];
    request.complete(std::sync::Arc::new(positional_image(size)));
    h.run();
    assert_eq!(
        h.state().status_text(),
        Some(format!("Wrote {}", path.display()).as_str())
    );
    let png = image::open(path).expect("a PNG").to_rgba8();
    let origin = position_of(png.get_pixel(0, 0));
    (png, origin)
}

/// The PNG is the window's pixels cropped to the tab: every pixel is where the crop says,
/// `inside` (a widget of the tab) is in it, and it is less than the whole window.
fn assert_cropped_to(
    png: &image::RgbaImage,
    origin: (u32, u32),
    inside: egui::Rect,
    window: egui::Vec2,
) {
    let (w, h) = png.dimensions();
    assert!(w > 50 && h > 50, "{w}×{h}");
    assert!((h as f32) < window.y, "only the tab, not the window");
    for (x, y) in [
        (0, 0),
        (w - 1, 0),
        (0, h - 1),
        (w - 1, h - 1),
        (w / 2, h / 3),
    ] {
        assert_eq!(
            position_of(png.get_pixel(x, y)),
            (origin.0 + x, origin.1 + y)
        );
    }
    let crop = egui::Rect::from_min_size(
        egui::pos2(origin.0 as f32, origin.1 as f32),
        egui::vec2(w as f32, h as f32),
    );
    assert!(
        crop.expand(1.0).contains_rect(inside),
        "{crop:?} ∌ {inside:?}"
    );
}

#[test]
fn the_grid_as_svg_the_series_as_csv_and_xlsx_every_chart_as_svg_and_png_from_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let query = "kind:commitment,stance";
    let (project, path, mut h) = open(dir.path(), query);
    let project_arg = path.display().to_string();
    let window = h.ctx.content_rect().size();

    // Grid ▸ Export ▸ Grid as SVG: the figure `demarche table --format svg` draws, with a
    // cell per non-empty cell of the grid shown.
    h.get_by_label("Grid").click();
    h.run();
    let grid_svg = dir.path().join("grid.svg");
    export(&mut h, "Grid as SVG…", &grid_svg);
    let svg = std::fs::read_to_string(&grid_svg).expect("written");
    assert_eq!(
        svg,
        cli(&[
            "table",
            &project_arg,
            "--rows",
            "committer",
            "--cols",
            "category",
            "--query",
            query,
            "--format",
            "svg"
        ])
    );
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let cells = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("cell"))
        .count();
    let dyads: BTreeSet<(Option<demarche::model::Id>, String)> = project
        .documents
        .iter()
        .flat_map(|d| &d.commitments)
        .map(|c| (c.committer, c.category.clone()))
        .collect();
    assert_eq!(cells, dyads.len());

    // Grid ▸ Export ▸ As PNG: the grid's pixels, cropped to the tab.
    let cell = h
        .get_all_by_label_contains("China × ")
        .next()
        .expect("a cell of China's row")
        .rect();
    let (png, origin) = export_png(&mut h, &dir.path().join("grid.png"));
    assert_cropped_to(&png, origin, cell, window);

    // Time ▸ Export ▸ Series as CSV and XLSX: `demarche series`'s table.
    h.get_by_label("Time").click();
    h.run();
    choose(&mut h, "Stacked by", "kind");
    let series_csv = dir.path().join("series.csv");
    export(&mut h, "Series as CSV…", &series_csv);
    let csv_text = std::fs::read_to_string(&series_csv).expect("written");
    assert_eq!(
        csv_text,
        cli(&[
            "series",
            &project_arg,
            "--by",
            "month",
            "--stack",
            "kind",
            "--query",
            query
        ])
    );
    // Each month's commitments and stances as counted from the model.
    let mut by_month: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for (month, d) in project
        .documents
        .iter()
        .map(|d| (d.meta.date.map(|x| x.format("%Y-%m").to_string()), d))
    {
        let e = by_month
            .entry(month.unwrap_or_else(|| "undated".into()))
            .or_default();
        e.0 += d.commitments.len();
        e.1 += d.stances.len();
    }
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows[0], ["month", "commitment", "stance", "total"]);
    for row in &rows[1..] {
        let (c, s) = by_month.get(&row[0]).copied().unwrap_or((0, 0));
        assert_eq!(
            row[1..],
            [c.to_string(), s.to_string(), (c + s).to_string()],
            "{}",
            row[0]
        );
    }
    let series_xlsx = dir.path().join("series.xlsx");
    export(&mut h, "Series as XLSX…", &series_xlsx);
    let mut book: Xlsx<_> = open_workbook(&series_xlsx).expect("opens");
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).expect("sheet");
    let xlsx: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => demarche::export::query_tables::number(*f),
                    Data::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    assert_eq!(xlsx[0][1], query);
    assert_eq!(xlsx[1..], rows[..]);

    // Time ▸ Export ▸ Chart as SVG and As PNG, in both modes.
    let counts_svg = dir.path().join("counts.svg");
    export(&mut h, "Chart as SVG…", &counts_svg);
    let text = std::fs::read_to_string(&counts_svg).expect("written");
    roxmltree::Document::parse(&text).expect("well-formed SVG");
    assert!(text.matches(r#"class="bar""#).count() > 0);
    let (png, origin) = export_png(&mut h, &dir.path().join("counts.png"));
    let undated = h.get_by_label_contains("in undated documents").rect();
    assert_cropped_to(&png, origin, undated, window);

    h.get_by_label("Stance lines").click();
    h.run();
    let stance_svg = dir.path().join("stance.svg");
    export(&mut h, "Chart as SVG…", &stance_svg);
    let text = std::fs::read_to_string(&stance_svg).expect("written");
    let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
    let line = h
        .state()
        .corpus()
        .time
        .shown_line()
        .expect("a line")
        .clone();
    let scored = line.points.iter().filter(|p| p.score.is_some()).count();
    assert!(scored > 0);
    assert_eq!(
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("point"))
            .count(),
        scored
    );
    let (png, origin) = export_png(&mut h, &dir.path().join("stance.png"));
    let picker = h.get_by_label("Holder → target").rect();
    assert_cropped_to(&png, origin, picker, window);
}

#[test]
fn a_grid_wider_than_the_window_draws_only_its_columns_in_view_and_scrolls_to_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (project, _, mut h) = open(dir.path(), "kind:commitment");
    h.get_by_label("Grid").click();
    h.run();
    h.get_by_label("actor × month").click();
    h.run();
    let g = h.state().corpus().grid.current().expect("a grid").clone();
    let china = name(&project, CHINA);
    let r = g
        .rows
        .iter()
        .position(|x| x.text == china)
        .expect("China's row");
    // The first and last months in which China is one of the commitments' actors.
    let dated: Vec<usize> = (0..g.cols.len())
        .filter(|c| g.cols[*c].text != "undated" && g.counts[r][*c] > 0)
        .collect();
    let (first, last) = (dated[0], *dated.last().expect("a month"));
    assert!(
        g.cols.len() > 30,
        "{} columns: wider than the window",
        g.cols.len()
    );
    let cell = |c: usize| format!("{china} × {}: {}", g.cols[c].text, g.counts[r][c]);
    assert!(h.query_by_label(&cell(first)).is_some());
    assert!(
        h.query_by_label(&cell(last)).is_none(),
        "a column out of view is not drawn"
    );
    // Scrolled to the right end, the last months are drawn and the first ones not.
    let over = h.get_by_label(&cell(first)).rect().center();
    h.event(egui::Event::PointerMoved(over));
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(-2000.0, 0.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        // The scroll is animated over a few frames.
        h.run_steps(12);
    }
    // Away from the cells, so that no tooltip keeps repainting.
    h.event(egui::Event::PointerMoved(egui::pos2(5.0, 5.0)));
    h.run_steps(4);
    assert!(h.query_by_label(&cell(first)).is_none());
    // A click on the far cell lists exactly its hits.
    let expected = g.counts[r][last];
    h.get_by_label(&cell(last)).click();
    h.run();
    assert_eq!(h.state().corpus().tab, Tab::Hits);
    assert_eq!(h.state().corpus().hit_count(), Some(expected));
}
