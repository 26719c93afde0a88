//! The project folder (issue 13): opening and saving the 1,000-document, 100,000-
//! annotation benchmark project stored as a folder, its annotations split over three
//! analysts; and a 10,000-document, 1,000,000-annotation folder.
//!
//! Targets: open ≤ 0.4 s and ≤ 0.6× opening the same project as one file, in the same
//! run; a save after one edit ≤ 20 ms, about the same at 100 and at 1,000 documents; the
//! 10,000-document folder opens in ≤ 4 s with a peak memory ≤ 3× its size on disk (peak
//! resident memory, VmHWM, of a child process that only opens it).
//!
//! `cargo bench --bench persist_folder`. The 10,000-document folder is generated once into
//! `target/bench-cache/` (a few minutes) and reused.

#[path = "support/team_folder.rs"]
mod team_folder;

use criterion::{Criterion, SamplingMode};
use demarche::edit::Edit;
use demarche::model::{Annotation, Project};
use demarche::persist::{self, folder};
use demarche::synth;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use team_folder::{large_folder, split_over_three};

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

/// CPU time (user and system, every thread) this process has used: with other work on
/// the machine's cores, it shows what a parallel open costs apart from waiting for a
/// core. From /proc/self/stat, in clock ticks of 1/100 s (Linux's USER_HZ).
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<u64> = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse().ok())
        .collect();
    Duration::from_millis(fields.iter().sum::<u64>() * 10)
}

static CPU: Mutex<BTreeMap<&'static str, (Duration, Duration)>> = Mutex::new(BTreeMap::new());

fn ms(d: Option<Duration>) -> f64 {
    d.map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
}

/// Size of every file under `dir`.
fn size_on_disk(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

const OPEN_FILE: &str = "open: single file";
const OPEN_FOLDER: &str = "open: folder";
const SAVE_100: &str = "save after one edit: 100 documents";
const SAVE_1000: &str = "save after one edit: 1,000 documents";

/// Times a save after each of a series of one-annotation edits (alternating a note, so
/// that every save writes one file) on a folder project of `docs` documents.
fn bench_save(c: &mut Criterion, name: &'static str, project: &Project, dir: &Path) {
    folder::create(dir, project).expect("created");
    let loaded = persist::load(dir).expect("loads");
    let mut project = loaded.project;
    let mut state = loaded.folder.expect("a folder");
    let document = project.documents[project.documents.len() / 2].id;
    let mut mention = project
        .document(document)
        .and_then(|d| d.mentions.first())
        .expect("a mention")
        .clone();
    let mut group = c.benchmark_group("folder save");
    group.sample_size(30);
    group.bench_function(name, |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                mention.note = if mention.note == "checked" {
                    "to check".to_owned()
                } else {
                    "checked".to_owned()
                };
                let edit = Edit::UpdateAnnotation {
                    document,
                    annotation: Annotation::Mention(mention.clone()),
                };
                let scopes = edit.scopes();
                edit.apply(&mut project).expect("applies");
                let started = Instant::now();
                let written =
                    folder::save(dir, &project, &mut state, Some(&scopes)).expect("saved");
                let took = started.elapsed();
                assert_eq!(written.written.len(), 1);
                record(name, took);
                total += took;
            }
            total
        });
    });
    group.finish();
}

/// In a child process: open the folder, print the time and the peak resident memory.
fn child_open(path: &Path) {
    let cpu = cpu_time();
    let started = Instant::now();
    let loaded = persist::load(path).expect("the folder loads");
    let took = started.elapsed();
    let cpu = cpu_time().saturating_sub(cpu);
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak_kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    println!(
        "{} {} {} {}",
        took.as_secs_f64(),
        peak_kb * 1024,
        loaded.project.documents.len(),
        cpu.as_secs_f64()
    );
}

fn main() {
    if let Some(path) = std::env::var_os("DEMARCHE_BENCH_OPEN") {
        child_open(Path::new(&path));
        return;
    }
    let tmp = tempfile::tempdir().expect("temporary folder");
    let project = split_over_three(synth::project(1_000, 5_000, 100_000, 2026));
    let file = tmp.path().join("large.ron");
    let dir = tmp.path().join("large");
    persist::save(&project, &file).expect("saved");
    folder::create(&dir, &project).expect("created");
    let files = walkdir::WalkDir::new(&dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .count();
    println!(
        "1,000 documents, 100,000 annotations: file {:.1} MB; folder {:.1} MB in {files} files",
        std::fs::metadata(&file).map_or(0, |m| m.len()) as f64 / 1e6,
        size_on_disk(&dir) as f64 / 1e6
    );
    assert_eq!(persist::load(&dir).expect("loads").project, project);

    let mut c = Criterion::default().configure_from_args();
    {
        let mut group = c.benchmark_group("folder open");
        group.sample_size(10);
        group.sampling_mode(SamplingMode::Flat);
        for (name, path) in [(OPEN_FILE, &file), (OPEN_FOLDER, &dir)] {
            group.bench_function(name, |b| {
                b.iter_custom(|iterations| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iterations {
                        let cpu = cpu_time();
                        let started = Instant::now();
                        let loaded = persist::load(path).expect("loads");
                        let took = started.elapsed();
                        let cpu = cpu_time().saturating_sub(cpu);
                        drop(loaded);
                        record(name, took);
                        if let Ok(mut sums) = CPU.lock() {
                            let sum = sums.entry(name).or_default();
                            sum.0 += took;
                            sum.1 += cpu;
                        }
                        total += took;
                    }
                    total
                });
            });
        }
        group.finish();
    }
    let small = split_over_three(synth::project(100, 5_000, 10_000, 2026));
    bench_save(&mut c, SAVE_100, &small, &tmp.path().join("small-save"));
    bench_save(&mut c, SAVE_1000, &project, &tmp.path().join("large-save"));
    drop(project);

    // The 10,000-document folder, opened in child processes (a fresh heap each time, so
    // the peak is the opening's alone).
    let large = large_folder();
    let on_disk = size_on_disk(&large);
    let mut opens = Vec::new();
    for _ in 0..3 {
        let out = std::process::Command::new(std::env::current_exe().expect("this bench"))
            .env("DEMARCHE_BENCH_OPEN", &large)
            .output()
            .expect("the child runs");
        let line = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let fields: Vec<f64> = line
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        if let [secs, peak, docs, cpu] = fields[..] {
            opens.push((secs, peak, docs, cpu));
        } else {
            println!(
                "the child failed: {line} {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    opens.sort_by(|a, b| a.0.total_cmp(&b.0));

    let file_ms = ms(median(OPEN_FILE));
    let folder_ms = ms(median(OPEN_FOLDER));
    let (s100, s1000) = (ms(median(SAVE_100)), ms(median(SAVE_1000)));
    println!("\nSummary (medians)");
    println!("  open, single file        {file_ms:8.1} ms");
    if let Ok(sums) = CPU.lock() {
        for (name, (wall, cpu)) in sums.iter() {
            println!(
                "  {name}: CPU time {:.2}× the wall time (2 cores shared with other work)",
                cpu.as_secs_f64() / wall.as_secs_f64()
            );
        }
    }
    println!(
        "  open, folder             {folder_ms:8.1} ms   target ≤ 400 ms ({:.2}× the target); {:.2}× the single file (target ≤ 0.6×)",
        folder_ms / 400.0,
        folder_ms / file_ms
    );
    println!(
        "  save after one edit, 100 documents     {s100:6.2} ms   target ≤ 20 ms ({:.2}× the target)",
        s100 / 20.0
    );
    println!(
        "  save after one edit, 1,000 documents   {s1000:6.2} ms   target ≤ 20 ms ({:.2}× the target); {:.2}× the 100-document save",
        s1000 / 20.0,
        s1000 / s100
    );
    if let Some((secs, peak, docs, cpu)) = opens.get(opens.len() / 2) {
        println!(
            "  open, 10,000 documents ({docs} loaded, {:.0} MB on disk)   {secs:.2} s   target ≤ 4 s ({:.2}× the target)",
            on_disk as f64 / 1e6,
            secs / 4.0
        );
        println!(
            "    (CPU time {cpu:.2} s: {:.2}× the wall time)",
            cpu / secs
        );
        println!(
            "  peak memory opening it   {:.0} MB = {:.2}× its size on disk (target ≤ 3×)",
            peak / 1e6,
            peak / on_disk as f64
        );
    }
}
