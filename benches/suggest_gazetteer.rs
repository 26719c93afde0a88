//! The gazetteer matcher on a 1 MB article. Target (issue 6 brief): `Gazetteer::find`
//! ≤ 20 ms on 1 MB, a tenth of the 200 ms the whole suggestion pass may take. Two texts:
//! plain ASCII (the folding pass is skipped) and typographic text with curly quotes,
//! non-breaking spaces and accents (every byte goes through the folding pass). Building
//! the bundled gazetteer (parse + automata, once per run) is measured beside.
//!
//! `cargo bench --bench suggest_gazetteer`

use criterion::Criterion;
use demarche::suggest::gazetteer::Gazetteer;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Paragraphs in the style of wire dispatches, repeated to `bytes`.
fn article(typographic: bool, bytes: usize) -> String {
    let paragraphs = [
        "BEIJING, Nov. 27 (Xinhua) -- Chinese Foreign Minister Wang Yi said on Thursday that \
         China is willing to work with Brazil and other CELAC members to deepen cooperation \
         in trade, infrastructure and green development, and to uphold multilateralism.",
        "WASHINGTON (Reuters) - The White House said on Tuesday the United States would not \
         attend the meeting, while Moscow and Beijing called for restraint at the U.N. \
         Security Council, where diplomats from the European Union and the African Union \
         urged a ceasefire.",
        "Ministers from the Association of Southeast Asian Nations met their counterparts \
         from Japan, the Republic of Korea and India on the sidelines of the G20 summit; \
         officials said the talks covered supply chains, the WTO and climate finance \
         under the UNFCCC.",
        "The spokesperson told reporters that the two sides had agreed to strengthen \
         communication, that the ministry opposes any interference in internal affairs, \
         and that further rounds of consultations would be held early next year.",
    ];
    let mut text = String::with_capacity(bytes + 1024);
    while text.len() < bytes {
        for p in paragraphs {
            let p = if typographic {
                p.replace("Brazil", "Brasília’s hosts")
                    .replace(" the ", "\u{a0}the ")
                    .replace("said", "said “")
            } else {
                p.to_string()
            };
            text.push_str(&p);
            text.push_str("\n\n");
        }
    }
    text
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let start = Instant::now();
    let gazetteer = Gazetteer::bundled();
    let build = start.elapsed();

    let plain = article(false, 1 << 20);
    let typographic = article(true, 1 << 20);

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .measurement_time(Duration::from_secs(5));
    let mut group = c.benchmark_group("gazetteer_find_1mb");
    group.bench_function("ascii", |b| {
        b.iter(|| black_box(gazetteer.find(black_box(&plain))))
    });
    group.bench_function("typographic", |b| {
        b.iter(|| black_box(gazetteer.find(black_box(&typographic))))
    });
    group.finish();
    c.final_summary();

    // A plain summary beside criterion's report.
    for (label, text) in [("ascii", &plain), ("typographic", &typographic)] {
        let times: Vec<Duration> = (0..15)
            .map(|_| {
                let t = Instant::now();
                black_box(gazetteer.find(text));
                t.elapsed()
            })
            .collect();
        let hits = gazetteer.find(text).len();
        println!(
            "gazetteer find, {label}, {:.2} MB, {hits} hits: median {:.2} ms (target ≤ 20 ms)",
            text.len() as f64 / 1_048_576.0,
            median(times).as_secs_f64() * 1000.0
        );
    }
    println!(
        "gazetteer build (parse + automata, {} entries): {:.1} ms",
        gazetteer.entries().len(),
        build.as_secs_f64() * 1000.0
    );
}
