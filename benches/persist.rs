//! Loading and saving a large project: 1,000 generated documents of about 5,000 characters
//! with 100,000 annotations (about 70 MB of RON), beside bare `ron` and `serde_json` on the
//! same data.
//!
//! Targets (issue 2): load with full validation and save (with fsync) each ≤ 0.5 s and
//! ≤ 1.3× a bare `ron` parse / write; peak memory while loading ≤ 4× the file size.
//! After criterion's own report a summary prints each figure, the ratios and the targets.
//!
//! Writing and loading long texts by script (issue 12): a project holding one document of
//! 16 MB of English, Chinese or Arabic text. Target: each script written at ≥ ½ the
//! speed (MB/s) of ASCII; loading is timed the same way. The summary prints MB/s and the
//! ratio to ASCII, and `ron`'s own writer on the same text for reference.
//!
//! `cargo bench --bench persist` (a few minutes: every iteration takes about a second, so
//! samples are few and flat). `cargo bench --bench persist -- script` runs the script
//! benchmarks alone (the large project is still generated for the summary).

use criterion::{BatchSize, Criterion, SamplingMode};
use demarche::model::{Document, DocumentMeta, Id, LineEndings, Origin, Project};
use demarche::{persist, synth};
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------
// Peak memory.

/// Counts live heap bytes and their peak. Written here because it is a dozen lines and
/// exactly what is needed (one high-water mark that can be reset around a call); the
/// crates that do this bring reporting machinery the benchmark does not use.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters only
// observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as ours.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as ours.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as ours.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the most heap it held at once beyond what was
/// live before (the memory the call itself needed, its result included).
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed).saturating_sub(before))
}

// ---------------------------------------------------------------------------------------
// Timing: criterion reports its own statistics; the per-iteration times are also kept
// here so the summary can compare them.

static TIMES: Mutex<BTreeMap<&'static str, Vec<Duration>>> = Mutex::new(BTreeMap::new());

fn record(name: &'static str, per_iteration: Duration) {
    if let Ok(mut times) = TIMES.lock() {
        times.entry(name).or_default().push(per_iteration);
    }
}

fn median(name: &str) -> Option<Duration> {
    let times = TIMES.lock().ok()?;
    let mut v = times.get(name)?.clone();
    v.sort();
    v.get(v.len() / 2).copied()
}

/// The pretty-printer settings `persist` writes with, so the bare baseline writes the
/// same text.
fn ron_config() -> ron::ser::PrettyConfig {
    demarche::persist::canonical_config()
}

const RON_PARSE: &str = "ron::from_str (bare parse)";
const RON_WRITE: &str = "ron::ser::to_string_pretty (bare write)";
const LOAD_STR: &str = "persist::from_str (load + validation)";
const LOAD_FILE: &str = "persist::load (file)";
const SAVE_FILE: &str = "persist::save (file, fsync)";
const SAVE_STR: &str = "persist::to_canonical_string";
const JSON_PARSE: &str = "serde_json::from_str";
const JSON_WRITE: &str = "serde_json::to_string";
const DISK: &str = "disk: write the same bytes + fsync";

// ---------------------------------------------------------------------------------------
// Long texts by script.

const SCRIPT_BYTES: usize = 16_000_000;

/// One paragraph per script, repeated to `SCRIPT_BYTES`; none holds a char that needs an
/// escape except the line feed.
const SCRIPTS: [(&str, &str, &str, &str); 3] = [
    (
        "ASCII",
        "script/ASCII write",
        "script/ASCII load",
        "The ministers said on Tuesday that the talks would resume in Geneva next month, \
         after a pause of almost a year, and that both sides had agreed on an agenda.\n",
    ),
    (
        "Chinese",
        "script/Chinese write",
        "script/Chinese load",
        "外交部发言人表示，中方愿同各方一道，推动政治解决进程，维护地区和平与稳定。\
         双方同意下月在日内瓦恢复会谈，并就议程达成一致。\n",
    ),
    (
        "Arabic",
        "script/Arabic write",
        "script/Arabic load",
        "قال وزير الخارجية إن المحادثات ستستأنف في جنيف الشهر المقبل بعد توقف دام عاما \
         تقريبا، وأكد التزام بلاده بالحل السياسي.\n",
    ),
];

/// A project holding one document of `paragraph` repeated to about `SCRIPT_BYTES`.
fn script_project(paragraph: &str) -> Project {
    let text = paragraph.repeat(SCRIPT_BYTES / paragraph.len());
    let mut project = Project::new("script bench");
    let origin = Origin {
        path: None,
        format: "text".to_owned(),
        encoding: "UTF-8".to_owned(),
        line_endings: LineEndings::Lf,
        file_fingerprint: None,
        imported: project.meta.created,
    };
    let meta = DocumentMeta {
        title: "long".to_owned(),
        ..DocumentMeta::default()
    };
    project
        .documents
        .push(Document::new(Id(1), meta, origin, text));
    project
}

struct ScriptFigures {
    name: &'static str,
    bytes: usize,
    ron_write: Duration,
}

fn script_benches(criterion: &mut Criterion) -> Vec<ScriptFigures> {
    let mut group = criterion.benchmark_group("persist");
    group.sampling_mode(SamplingMode::Flat);
    let mut figures = Vec::new();
    for (name, write, load, paragraph) in SCRIPTS {
        let project = script_project(paragraph);
        let text = persist::to_canonical_string(&project);
        let bytes = project.documents.iter().map(|d| d.text().len()).sum();
        let mut timed = |bench: &'static str, run: &dyn Fn() -> usize| {
            group.bench_function(bench, |b| {
                b.iter_custom(|iters| {
                    let start = Instant::now();
                    for _ in 0..iters {
                        black_box(run());
                    }
                    let elapsed = start.elapsed();
                    record(bench, elapsed / iters.max(1) as u32);
                    elapsed
                })
            });
        };
        timed(write, &|| {
            persist::to_canonical_string(black_box(&project)).len()
        });
        timed(load, &|| {
            persist::from_str(black_box(&text), Path::new("script.ron"))
                .map(|l| l.project.documents.len())
                .unwrap_or(0)
        });
        // `ron`'s own writer once, for the before/after figure (it takes seconds).
        let start = Instant::now();
        let bare = ron::ser::to_string_pretty(&project, ron_config()).map(|t| t + "\n");
        let ron_write = start.elapsed();
        assert!(
            bare.as_deref() == Ok(text.as_str()),
            "the canonical writer must give ron's bytes"
        );
        figures.push(ScriptFigures {
            name,
            bytes,
            ron_write,
        });
    }
    group.finish();
    figures
}

fn script_summary(figures: &[ScriptFigures]) {
    let rate = |bytes: usize, time: Option<Duration>| time.map(|t| mb(bytes) / t.as_secs_f64());
    let ascii = |column: usize| {
        let (_, write, load, _) = SCRIPTS[0];
        let f = figures.first()?;
        rate(f.bytes, median([write, load][column]))
    };
    println!();
    println!("== Demarche long texts by script (median per iteration) ==");
    println!("target: every script written at ≥ ½ the MB/s of ASCII");
    for (f, (_, write, load, _)) in figures.iter().zip(SCRIPTS) {
        let show = |column: usize, name: &str| match (rate(f.bytes, median(name)), ascii(column)) {
            (Some(r), Some(a)) => format!("{r:>7.1} MB/s ({:.2}× ASCII's time)", a / r),
            _ => "(not run)".to_owned(),
        };
        let write_ok = match (rate(f.bytes, median(write)), ascii(0)) {
            (Some(r), Some(a)) if a / r <= 2.0 => "met",
            (Some(_), Some(_)) => "MISSED",
            _ => "n/a",
        };
        println!(
            "  {:<8} {:>5.1} MB  write {}  {write_ok}  load {}  ron's writer {:>6.1} MB/s",
            f.name,
            mb(f.bytes),
            show(0, write),
            show(1, load),
            mb(f.bytes) / f.ron_write.as_secs_f64(),
        );
    }
}

fn main() {
    let started = Instant::now();
    let project = synth::project(1_000, 5_000, 100_000, 2026);
    let generated = started.elapsed();
    let counts = project.counts();
    let text = persist::to_canonical_string(&project);
    let json = serde_json::to_string(&project).unwrap_or_default();
    println!(
        "Generated in {:.1} s: {counts}, {} tags, {} links; RON {:.1} MB, JSON {:.1} MB",
        generated.as_secs_f64(),
        counts.tags,
        counts.links,
        mb(text.len()),
        mb(json.len()),
    );
    assert_eq!(
        persist::from_str(&text, Path::new("bench.ron"))
            .map(|l| l.project == project)
            .ok(),
        Some(true),
        "the generated project must load back equal"
    );

    // On the same disk as the build, not a RAM-backed /tmp, so fsync costs what it costs.
    let dir = tempfile::tempdir_in(env_target_dir()).expect("a temporary folder in target/");
    let path = dir.path().join("bench.ron");
    persist::save(&project, &path).expect("the project saves");
    let file_size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as usize;

    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(5))
        .without_plots()
        .configure_from_args();
    let scripts = script_benches(&mut criterion);
    let mut group = criterion.benchmark_group("persist");
    group.sampling_mode(SamplingMode::Flat);

    let mut timed = |name: &'static str, mut f: Box<dyn FnMut() + '_>| {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for _ in 0..iters {
                    f();
                }
                let elapsed = start.elapsed();
                record(name, elapsed / iters.max(1) as u32);
                elapsed
            })
        });
    };
    timed(
        RON_PARSE,
        Box::new(|| {
            black_box(ron::from_str::<Project>(black_box(&text)).is_ok());
        }),
    );
    timed(
        LOAD_STR,
        Box::new(|| {
            black_box(persist::from_str(black_box(&text), Path::new("bench.ron")).is_ok());
        }),
    );
    timed(
        LOAD_FILE,
        Box::new(|| {
            black_box(persist::load(&path).is_ok());
        }),
    );
    timed(
        RON_WRITE,
        Box::new(|| {
            black_box(ron::ser::to_string_pretty(black_box(&project), ron_config()).is_ok());
        }),
    );
    timed(
        SAVE_STR,
        Box::new(|| {
            black_box(persist::to_canonical_string(black_box(&project)).len());
        }),
    );
    timed(
        JSON_PARSE,
        Box::new(|| {
            black_box(serde_json::from_str::<Project>(black_box(&json)).is_ok());
        }),
    );
    timed(
        JSON_WRITE,
        Box::new(|| {
            black_box(serde_json::to_string(black_box(&project)).is_ok());
        }),
    );
    // Each save replaces an older version of the file (written untimed), as an analyst's
    // save does: temporary file, fsync, backup link, rename, folder sync.
    let save_path = dir.path().join("saved.ron");
    group.bench_function(SAVE_FILE, |b| {
        b.iter_batched(
            || {
                let _ = std::fs::write(&save_path, "(format_version: 2)\n");
            },
            |()| {
                let start = Instant::now();
                let ok = persist::save(black_box(&project), &save_path).is_ok();
                record(SAVE_FILE, start.elapsed());
                black_box(ok)
            },
            BatchSize::PerIteration,
        )
    });
    // What the disk alone costs for the same bytes: the floor under any save with fsync.
    let raw_path = dir.path().join("raw.ron");
    group.bench_function(DISK, |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                let written = std::fs::File::create(&raw_path).and_then(|mut f| {
                    std::io::Write::write_all(&mut f, text.as_bytes())?;
                    f.sync_all()
                });
                black_box(written.is_ok());
            }
            let elapsed = start.elapsed();
            record(DISK, elapsed / iters.max(1) as u32);
            elapsed
        })
    });
    group.finish();

    let (loaded, load_peak) = peak_during(|| persist::load(&path).map(|l| l.project));
    let loaded_ok = loaded.map(|p| p == project).unwrap_or(false);
    let (_, parse_peak) = peak_during(|| ron::from_str::<Project>(&text).is_ok());
    let (_, save_peak) = peak_during(|| persist::save(&project, &dir.path().join("peak.ron")));

    criterion.final_summary();
    summary(file_size, loaded_ok, [load_peak, parse_peak, save_peak]);
    script_summary(&scripts);
}

fn env_target_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(Into::into)
        .unwrap_or_else(|| "target".into())
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn summary(file_size: usize, loaded_ok: bool, [load_peak, parse_peak, save_peak]: [usize; 3]) {
    let secs = |name: &str| median(name).map(|d| d.as_secs_f64());
    let show = |name: &str| match secs(name) {
        Some(s) => format!("{:>8.3} s", s),
        None => "   (not run)".to_owned(),
    };
    let ratio = |a: &str, b: &str| match (secs(a), secs(b)) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "n/a".to_owned(),
    };
    let verdict = |ok: Option<bool>| match ok {
        Some(true) => "ok",
        Some(false) => "MISSED",
        None => "n/a",
    };
    let within = |name: &str, limit: f64| secs(name).map(|s| s <= limit);
    let ratio_within = |a: &str, b: &str, limit: f64| match (secs(a), secs(b)) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b <= limit),
        _ => None,
    };

    println!();
    println!("== Demarche load/save summary (median per iteration) ==");
    println!("file: {:.1} MB of RON", mb(file_size));
    for name in [
        RON_PARSE, LOAD_STR, LOAD_FILE, RON_WRITE, SAVE_STR, SAVE_FILE, DISK, JSON_PARSE,
        JSON_WRITE,
    ] {
        println!("  {name:<42} {}", show(name));
    }
    println!("ratios (target ≤ 1.3× of bare ron):");
    for (a, b, limit) in [
        (LOAD_STR, RON_PARSE, 1.3),
        (LOAD_FILE, RON_PARSE, 1.3),
        (SAVE_FILE, RON_WRITE, 1.3),
        (SAVE_STR, RON_WRITE, 1.3),
    ] {
        println!(
            "  {a:<42} / {b:<40} {:>6}  {}",
            ratio(a, b),
            verdict(ratio_within(a, b, limit))
        );
    }
    if let (Some(save), Some(text), Some(disk)) = (secs(SAVE_FILE), secs(SAVE_STR), secs(DISK)) {
        println!(
            "  save = {:.3} s canonical text + {:.3} s disk (write + fsync) + {:.3} s the rest",
            text,
            disk,
            save - text - disk
        );
    }
    println!("for reference, to serde_json:");
    for (a, b) in [
        (LOAD_STR, JSON_PARSE),
        (SAVE_STR, JSON_WRITE),
        (RON_PARSE, JSON_PARSE),
        (RON_WRITE, JSON_WRITE),
    ] {
        println!("  {a:<42} / {b:<40} {:>6}", ratio(a, b));
    }
    println!("absolute targets (≤ 0.5 s):");
    for name in [LOAD_STR, LOAD_FILE, SAVE_FILE] {
        println!(
            "  {name:<42} {}  {}",
            show(name),
            verdict(within(name, 0.5))
        );
    }
    let times = |peak: usize| peak as f64 / file_size.max(1) as f64;
    println!("peak heap (beyond what was live before the call):");
    println!(
        "  persist::load        {:>7.1} MB = {:.2}× the file (target ≤ 4×)  {}{}",
        mb(load_peak),
        times(load_peak),
        verdict(Some(times(load_peak) <= 4.0)),
        if loaded_ok { "" } else { "  (LOAD FAILED)" }
    );
    println!(
        "  ron::from_str        {:>7.1} MB = {:.2}× the file (text already in memory)",
        mb(parse_peak),
        times(parse_peak)
    );
    println!(
        "  persist::save        {:>7.1} MB = {:.2}× the file",
        mb(save_peak),
        times(save_peak)
    );
}
