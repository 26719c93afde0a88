//! The command line: `demarche [FILE]` opens the window; the subcommands work headless, for
//! pipelines and scripts.
//!
//! Every failure is reported on stderr and gives a non-zero exit; a command that fails
//! writes nothing, and a project that failed to load is never overwritten.

use crate::edit::Edit;
use crate::model::{Project, plural_s};
use crate::persist::{self, LoadError};
use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub mod agreement;
pub mod analysts;
pub mod curate;
pub mod query;
pub mod suggest;
pub mod team;

#[derive(Debug, Parser)]
#[command(
    name = "demarche",
    version,
    about = "Annotation workstation for analysts of diplomacy: actors, commitments and stances",
    long_about = "Annotation workstation for analysts of diplomacy: actors, commitments and \
        stances.\n\nWithout a subcommand, opens the window: on the last project (the bundled \
        demo on first run), or on FILE — a project (.ron) to open or an article to import \
        into a new project.",
    // `--as NAME` may come before the subcommand; a FILE with a subcommand is refused in
    // `run` instead of by clap (whose setting for it would refuse `--as` there too).
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    /// A project (.ron) to open, or an article to import into a new untitled project.
    pub file: Option<PathBuf>,

    /// Work as this analyst: what the command adds is stamped with this name and gets ids
    /// from this analyst's block (default: DEMARCHE_ANNOTATOR, else the name set in the
    /// window's settings, else the login name).
    #[arg(long = "as", value_name = "NAME", global = true)]
    pub as_analyst: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty project with the default codebook (never overwrites a file).
    #[command(
        long_about = "Create an empty project with the default codebook (never overwrites a \
            file).\n\nA path ending in .ron creates a single project file; any other path \
            (`corpus/`) creates a project folder, the form that teams share through git."
    )]
    New {
        /// The project to create: a file (corpus.ron) or a folder (corpus/).
        project: PathBuf,
        /// The project's name (default: the file or folder name without .ron).
        #[arg(long)]
        name: Option<String>,
    },
    /// Add articles to a project as documents, skipping texts it already holds.
    #[command(
        long_about = "Add articles to a project as documents.\n\nAn article whose text is \
            already in the project (same fingerprint), or was imported earlier in the same \
            run, is reported and skipped. An article that cannot be read is reported and the \
            others are still imported. The project is saved only when something was added; \
            the exit status is non-zero when any article failed."
    )]
    Import {
        /// The project file to add to (it must exist; see `demarche new`).
        project: PathBuf,
        /// Article files, or folders of them (searched recursively, hidden files skipped);
        /// with --format, one brat folder or one doccano JSONL file.
        #[arg(required = true)]
        articles: Vec<PathBuf>,
        /// Import another tool's annotations instead of articles: brat (a folder of
        /// .txt/.ann files) or jsonl (doccano, either form), as the analyst's layer (see
        /// --as). A text already in the project gets the annotations attached to its
        /// document. See docs/EXPORT.md.
        #[arg(long)]
        format: Option<crate::interchange::command::ImportFormat>,
        /// With --format: where the analyst already has annotations on a document with the
        /// same text, replace them (without it, such a document is refused).
        #[arg(long, requires = "format")]
        replace: bool,
    },
    /// Export a project to a folder: csv, json, brat, jsonl, qdpx or html.
    #[command(
        long_about = "Export a project to a folder (created if missing; files of the same \
            names are replaced; nothing is written when the export fails). File names and \
            columns are documented in docs/EXPORT.md."
    )]
    Export {
        /// The project file to export.
        project: PathBuf,
        /// csv, json, brat, jsonl, qdpx or html.
        #[arg(long)]
        format: crate::export::Format,
        /// The folder to write into.
        #[arg(long)]
        out: PathBuf,
        /// Only this analyst's layer (repeat for several; default: every analyst).
        #[arg(long = "analyst", value_name = "NAME")]
        analysts: Vec<String>,
    },
    /// Check a project file and print what it holds.
    #[command(
        long_about = "Check a project file and print what it holds.\n\nOn success prints \
            `N documents, N actors, N mentions, N statements (N commitments, N stances)` as \
            the first line, then the tags and links, then one line per analyst with that \
            analyst's counts, and exits 0. Otherwise prints every problem found on stderr \
            and exits 1. Never changes the file."
    )]
    Validate {
        /// The project file to check.
        project: PathBuf,
        /// Count only this analyst's layer (repeat for several; default: every analyst).
        #[arg(long = "analyst", value_name = "NAME")]
        analysts: Vec<String>,
    },
    /// List the analysts of a project with what each coded, document by document.
    #[command(
        long_about = "List the analysts of a project: one row per analyst and document they \
            coded or gave a status, with the document's title, that analyst's status and \
            their annotations by kind, then a total row per analyst and for the project. \
            Says so when the project has no analysts yet. Never changes the file."
    )]
    Analysts {
        /// The project file to read.
        project: PathBuf,
    },
    /// How far the analysts agree: spans (Krippendorff's alpha_U) and attributes.
    #[command(
        long_about = "How far the analysts agree, layer by layer: on where units are \
            (Krippendorff's unitizing alpha, alpha_U 1995, by category and position only) and, \
            once units are matched one to one by overlap, on every attribute (Krippendorff's \
            alpha nominal or ordinal, Cohen's kappa for two analysts, percent agreement). \
            Every pair of analysts and all of them together; each figure pooled over the \
            documents with the mean over documents beside it, and its coverage (units \
            matched, each analyst's unmatched units). A document counts for analysts who all \
            coded on it or gave it a status. Never changes the project."
    )]
    Agreement {
        /// The project file or folder to read.
        project: PathBuf,
        /// Only these analysts (comma-separated; default: every analyst).
        #[arg(long, value_delimiter = ',', value_name = "A,B")]
        analysts: Vec<String>,
        /// Only this layer: mentions, statements, commitments, stances or tags (repeat or
        /// comma-separate for several; default: all).
        #[arg(long, value_delimiter = ',', value_parser = agreement::parse_layer)]
        layer: Vec<crate::agreement::Layer>,
        /// Only this document: its id, "12" or "#12" (repeat for several).
        #[arg(long, value_parser = suggest::parse_doc_id)]
        doc: Vec<u64>,
        /// Only documents dated on or after this day (YYYY-MM-DD).
        #[arg(long, value_parser = agreement::parse_date)]
        from: Option<chrono::NaiveDate>,
        /// Only documents dated on or before this day (YYYY-MM-DD).
        #[arg(long, value_parser = agreement::parse_date)]
        to: Option<chrono::NaiveDate>,
        /// Count the rules' suggestions as one more analyst, "(suggestions)".
        #[arg(long)]
        suggestions: bool,
        /// text (a table), json, csv, or html (a self-contained report).
        #[arg(long, value_enum, default_value = "text")]
        format: agreement::AgreementFormat,
        /// Write here instead of to standard output.
        #[arg(short = 'o', long = "out", value_name = "FILE")]
        out: Option<PathBuf>,
        /// Add each document's figures (text, JSON, CSV).
        #[arg(long)]
        per_document: bool,
    },
    /// Print the suggested mentions, statements, commitments and stances as JSON lines.
    #[command(
        long_about = "Print the rules' suggestions for a project's documents: one JSON object \
            per line with kind (mention, statement, commitment, stance), document (id), start \
            and end (code points in the document text), text, and the fields of the kind: \
            actor for mentions; speaker, attribution, cue for statements; committer, strength, \
            action, conditions, addressees for commitments; holder, polarity, target for \
            stances; and rule, the name of the rule that made it. Suggestions the project \
            rejected or already holds are not printed.\n\n\
            With --apply, every suggestion is accepted (as the window's accept-all does) and \
            the project is saved; a summary goes to stderr.\n\n\
            With --stats, prints instead a table of every rule: the suggestions it makes on \
            the documents' bare texts, how many of them the analysts coded the same way \
            (accepted, or coded at the same place) and how many they rejected (only those \
            of --analyst NAME when given)."
    )]
    Suggest {
        /// The project file to read.
        project: PathBuf,
        /// Only this document: its id, "12" or "#12".
        #[arg(long, value_parser = suggest::parse_doc_id)]
        doc: Option<u64>,
        /// Accept every suggestion (as the analyst of --as) and save the project.
        #[arg(long)]
        apply: bool,
        /// Hide only what these analysts coded or rejected (repeat for several; default:
        /// the analyst of --as, whose layer --apply adds to; "*" for every analyst).
        #[arg(long = "analyst", value_name = "NAME")]
        analysts: Vec<String>,
        /// Print per rule what it suggests and how much of it was coded or rejected.
        #[arg(long, conflicts_with = "apply")]
        stats: bool,
    },
    /// Turn a project file into a project folder, or a folder into a file.
    #[command(
        long_about = "Turn a project file into a project folder, or a project folder into a \
            file: DEST ending in .ron is a file, anything else a folder. DEST must not exist \
            (or be an empty folder). A file turned into a folder and back is byte for byte \
            the same file."
    )]
    Convert {
        /// The project to read: a .ron file or a project folder.
        source: PathBuf,
        /// What to create: a .ron file or a folder.
        dest: PathBuf,
    },
    /// Rewrite a project file in canonical form (no change when it already is).
    #[command(
        long_about = "Rewrite a project file in canonical form: the form Demarche saves, so \
            that projects diff and merge cleanly. A file already in canonical form is left \
            untouched (not even its modification time changes). A file with problems is \
            never rewritten."
    )]
    Fmt {
        /// The project file to rewrite.
        project: PathBuf,
        /// Only check: exit 1 if the file is not in canonical form, without writing.
        #[arg(long)]
        check: bool,
    },
    /// Git's merge driver for project files (registered by `demarche team setup`).
    #[command(
        long_about = "Merges three versions of a project file as projects: git runs it as \
            `demarche merge-driver %O %A %B %P` once `demarche team setup` has registered it. \
            Analysts' layers, actors (field by field) and codebook entries merge unit by \
            unit; what cannot be merged is left to git's line merge with conflict markers, \
            and the exit status is then 1."
    )]
    MergeDriver {
        /// The common ancestor's version (%O).
        base: PathBuf,
        /// The current version (%A); the merge is written here.
        ours: PathBuf,
        /// The other branch's version (%B).
        theirs: PathBuf,
        /// The file's path in the repository (%P), for messages.
        name: Option<String>,
    },
    /// Team work through git.
    Team {
        #[command(subcommand)]
        command: TeamCommand,
    },
    /// Curate a project: auto-merge the units the analysts agree on into the curated layer.
    #[command(
        long_about = "Curate a project. With --auto, every unit (a mention, statement, \
            commitment, stance or tag, matched across analysts by overlap) on which every \
            analyst who coded the document has the same version goes to the curated layer, \
            recorded as an \"agreed\" decision signed by the curator (--as, else the \
            project's curator, else the current analyst). With --threshold N, units on which \
            at least N analysts agree go too. Units that already have a decision are never \
            changed, so running it again adds nothing. One edit, saved back to the project."
    )]
    Curate {
        /// The project to curate (a file or a project folder).
        project: PathBuf,
        /// Take the units the analysts agree on.
        #[arg(long)]
        auto: bool,
        /// Also take units on which at least N analysts agree (N ≥ 2).
        #[arg(long, value_name = "N")]
        threshold: Option<usize>,
    },
    /// Print the annotations a query finds across the corpus (CSV, JSON or XLSX).
    #[command(
        long_about = "Print the annotations a query finds, across every analyst's layer (and \
            the curated one) unless the query names analysts (analyst:NAME) or --analyst is \
            given: one row per hit, in date, document and offset order, with date, source, \
            document, title, analyst, kind, annotation id, speaker, committer, addressees, \
            holder, target, category, strength, polarity and the span in context (left, \
            text, right). The query grammar is in the README (\"Querying the corpus\"), e.g. \
            'kind:commitment committer:China~ strength:certain date:2019..2021 \"cooperation\"'. \
            With --out FILE.xlsx, writes a spreadsheet whose first row holds the query and \
            the time of export. With --save NAME, keeps the query in the project under that \
            name (replacing one of the same name) instead; @NAME runs it. Otherwise never \
            changes the project."
    )]
    Query {
        /// The project file or folder to read.
        project: PathBuf,
        /// The query (empty: every annotation); @NAME runs the query saved as NAME.
        #[arg(default_value = "")]
        query: String,
        /// csv, json, or xlsx (with --out).
        #[arg(long, value_enum, default_value = "csv")]
        format: query::OutputFormat,
        /// Save the query in the project under this name instead of printing its hits.
        #[arg(long, value_name = "NAME")]
        save: Option<String>,
        /// Only this analyst's layer (repeat for several); the same as analyst:NAME.
        #[arg(long = "analyst", value_name = "NAME")]
        analysts: Vec<String>,
        /// Write here instead of to standard output (.xlsx: a spreadsheet).
        #[arg(short = 'o', long = "out", value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Print a grid of the hits of a query: rows × columns (counts or Goldstein sums).
    #[command(
        long_about = "Print a grid of the annotations a query finds: one row per value of \
            --rows, one column per value of --cols, each cell the number of hits (or with \
            --value goldstein the sum of the Goldstein scores of their CAMEO codes, weighted \
            by strength with --weighted: certain 1, probable 0.75, possible 0.5, \
            uncommitted 0.25), with row and column totals. Fields: kind, speaker, committer, \
            holder, addressee, target, topic, actor, category, context, strength, polarity, \
            intensity, conditions, attribution, cameo, source, document, status, analyst, \
            check, and the periods week, month, quarter, year of the document's date \
            (undated documents in their own row). A hit with several values (addressees) is \
            in each. JSON adds the row and column percentages; --format svg draws the grid \
            as a heatmap for papers (cells shaded by value with the value written, \
            headings, totals). Never changes the project."
    )]
    Table {
        /// The project file or folder to read.
        project: PathBuf,
        /// The field or period of the rows (committer, holder, month, …).
        #[arg(long, value_parser = query::parse_dim)]
        rows: crate::query::grid::Dim,
        /// The field or period of the columns (category, addressee, year, …).
        #[arg(long, value_parser = query::parse_dim)]
        cols: crate::query::grid::Dim,
        /// Only the hits of this query (default: every annotation).
        #[arg(long, default_value = "")]
        query: String,
        /// count, or goldstein (the summed cooperation score of the CAMEO codes).
        #[arg(long, value_enum, default_value = "count")]
        value: query::TableValue,
        /// Weight each Goldstein score by the commitment's strength.
        #[arg(long)]
        weighted: bool,
        /// csv, json, xlsx (with --out), or svg (a heatmap with headings and totals).
        #[arg(long, value_enum, default_value = "csv")]
        format: query::OutputFormat,
        /// Only this analyst's layer (repeat for several).
        #[arg(long = "analyst", value_name = "NAME")]
        analysts: Vec<String>,
        /// Write here instead of to standard output (.xlsx: a spreadsheet).
        #[arg(short = 'o', long = "out", value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Print the hits of a query per week, month, quarter or year (optionally stacked).
    #[command(
        long_about = "Print how many annotations a query finds per period of their \
            document's date: one row per week, month, quarter or year (--by) from the first \
            to the last dated hit, empty periods as 0, with a column per value of --stack \
            (kind, strength, committer, …; without it one column, all) and a total, then a \
            row 'undated' with the hits in documents without a date, which are never \
            dropped. Covers every analyst's layer unless the query or --analyst names some. \
            --format csv (default), json, xlsx (with --out; its first row holds the query \
            and the time of export) or svg (the stacked bar chart the window's Time tab \
            exports). E.g. demarche series project.ron --by quarter --stack strength \
            --query 'kind:commitment committer:China~'. Never changes the project."
    )]
    Series {
        /// The project file or folder to read.
        project: PathBuf,
        /// The period: week, month, quarter or year.
        #[arg(long, value_parser = query::parse_period, default_value = "month")]
        by: crate::query::Period,
        /// A column per value of this field (kind, strength, committer, …).
        #[arg(long, value_parser = query::parse_stack)]
        stack: Option<crate::query::Field>,
        /// Only the hits of this query (default: every annotation); @NAME runs a saved one.
        #[arg(long, default_value = "")]
        query: String,
        /// csv, json, xlsx (with --out), or svg (stacked bars).
        #[arg(long, value_enum, default_value = "csv")]
        format: query::OutputFormat,
        /// Only this analyst's layer (repeat for several).
        #[arg(long = "analyst", value_name = "NAME")]
        analysts: Vec<String>,
        /// Write here instead of to standard output (.xlsx: a spreadsheet).
        #[arg(short = 'o', long = "out", value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Register the merge driver in this git clone (.git/config) and name the project's
    /// files in .gitattributes.
    Setup {
        /// The project file or folder, inside a git clone.
        project: PathBuf,
    },
}

/// Runs what the command line asked for. Failures that are the answer (a project with
/// problems, a file not canonical under `--check`, an article that failed) are reported
/// here and give `ExitCode::FAILURE`; other errors are returned for `main` to report.
pub fn run(cli: Cli) -> Result<ExitCode> {
    // Resolved only by the commands that add to a layer: it may read the settings.
    let as_name = cli.as_analyst;
    let analyst = || crate::workspace::current_analyst(as_name.as_deref());
    if let (Some(file), Some(_)) = (&cli.file, &cli.command) {
        bail!(
            "{} was given before a subcommand; give the project after it (demarche validate \
             PROJECT)",
            file.display()
        );
    }
    match cli.command {
        None => open_window(cli.file, as_name),
        Some(Command::New { project, name }) => new_project(&project, name),
        Some(Command::Import {
            project,
            articles,
            format: Some(format),
            replace,
        }) => crate::interchange::command::run(&project, format, &articles, &analyst(), replace),
        Some(Command::Import {
            project, articles, ..
        }) => import(&project, &articles, &analyst()),
        Some(Command::Export {
            project,
            format,
            out,
            analysts,
        }) => crate::export::command::run(&project, format, &out, &analysts),
        Some(Command::Validate { project, analysts }) => validate(&project, &analysts),
        Some(Command::Analysts { project }) => analysts::run(&project),
        Some(Command::Agreement {
            project,
            analysts,
            layer,
            doc,
            from,
            to,
            suggestions,
            format,
            out,
            per_document,
        }) => agreement::run(agreement::Request {
            project,
            selection: crate::agreement::Selection {
                analysts,
                layers: layer,
                documents: agreement::documents(&doc),
                from,
                to,
                suggestions,
            },
            format,
            out,
            per_document,
        }),

        Some(Command::Suggest {
            project,
            stats: true,
            analysts,
            ..
        }) => suggest::stats(&project, &analysts),
        Some(Command::Suggest {
            project,
            doc,
            apply,
            analysts,
            stats: false,
        }) => suggest::run(
            &project,
            doc.map(crate::model::Id),
            apply,
            &analyst(),
            &analysts,
        ),
        Some(Command::Fmt { project, check }) => fmt(&project, check),
        Some(Command::Query {
            project,
            query,
            save: Some(name),
            ..
        }) => query::save(&project, &query, &name),
        Some(Command::Query {
            project,
            query,
            format,
            analysts,
            out,
            save: None,
        }) => query::hits(&project, &query, format, &analysts, out.as_deref()),
        Some(Command::Table {
            project,
            rows,
            cols,
            query,
            value,
            weighted,
            format,
            analysts,
            out,
        }) => query::table(query::TableRequest {
            project,
            rows,
            cols,
            query,
            value,
            weighted,
            format,
            analysts,
            out,
        }),
        Some(Command::Series {
            project,
            by,
            stack,
            query,
            format,
            analysts,
            out,
        }) => query::series(query::SeriesRequest {
            project,
            period: by,
            stack,
            query,
            format,
            analysts,
            out,
        }),
        Some(Command::MergeDriver {
            base,
            ours,
            theirs,
            name,
        }) => team::merge_driver(&base, &ours, &theirs, name.as_deref()),
        Some(Command::Team {
            command: TeamCommand::Setup { project },
        }) => team::setup(&project),
        Some(Command::Convert { source, dest }) => convert(&source, &dest),
        Some(Command::Curate {
            project,
            auto,
            threshold,
        }) => curate::run(&project, auto, threshold, as_name.as_deref()),
    }
}

fn open_window(file: Option<PathBuf>, analyst: Option<String>) -> Result<ExitCode> {
    let start = match file {
        None => crate::ui::Startup::Default,
        Some(path) => {
            // Said here rather than in a window that would open only to show an error.
            if !path.try_exists().unwrap_or(false) {
                bail!("{}: no such file", path.display());
            }
            crate::ui::Startup::Open(path)
        }
    };
    crate::ui::run(start, analyst)?;
    Ok(ExitCode::SUCCESS)
}

fn new_project(path: &Path, name: Option<String>) -> Result<ExitCode> {
    let as_folder = is_folder_form(path);
    let free = if as_folder {
        persist::folder::is_empty_or_missing(path)
    } else {
        !path.try_exists().unwrap_or(true)
    };
    if !free {
        bail!(
            "{} already exists; not overwriting it (choose another name or remove it first)",
            path.display()
        );
    }
    let name = name.unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let project = Project::new(name);
    if as_folder {
        persist::folder::create(path, &project)?;
    } else {
        persist::save(&project, path)?;
    }
    say(format_args!("created {}", path.display()))?;
    Ok(ExitCode::SUCCESS)
}

/// Whether a project to be created at `path` is a folder: any path but a `.ron` file's.
fn is_folder_form(path: &Path) -> bool {
    let ends_with_separator = path
        .as_os_str()
        .to_string_lossy()
        .ends_with(std::path::is_separator);
    ends_with_separator || path.extension().is_none_or(|e| e != "ron")
}

fn convert(source: &Path, dest: &Path) -> Result<ExitCode> {
    if !persist::folder::is_empty_or_missing(dest) {
        bail!(
            "{} already exists; not overwriting it (choose another name or remove it first)",
            dest.display()
        );
    }
    let loaded = persist::load(source)?;
    if is_folder_form(dest) {
        persist::folder::create(dest, &loaded.project)?;
    } else {
        persist::save(&loaded.project, dest)?;
    }
    say(format_args!(
        "converted {} into {}",
        source.display(),
        dest.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// An error and its causes on one line, each said once (see [`crate::error_text`]).
pub fn error_message(error: &anyhow::Error) -> String {
    crate::error_text::one_line(error.as_ref())
}

/// Takes the project's lock, then loads it: a command that changes a project holds the
/// lock from reading to writing, so two commands never lose each other's work (the
/// second waits, then reads what the first saved).
pub(crate) fn load_locked(path: &Path) -> Result<(persist::ProjectLock, persist::Loaded)> {
    let lock = persist::ProjectLock::acquire(path)?;
    if let Some(note) = lock.took_over() {
        writeln!(std::io::stderr().lock(), "note: {}: {note}", path.display())?;
    }
    let loaded = persist::load(path)?;
    Ok((lock, loaded))
}

fn import(path: &Path, articles: &[PathBuf], analyst: &str) -> Result<ExitCode> {
    let (lock, mut loaded) = load_locked(path)?;
    let mut project = loaded.project;
    let mut ids = project.id_allocator(analyst);
    let (mut imported, mut skipped) = (0usize, 0usize);
    let mut added = Vec::new();
    let crate::import::Expanded {
        files,
        failures: mut failed,
    } = crate::import::expand_paths(articles);
    for article in &files {
        // Out of ids, nothing is saved: the documents read so far are dropped with the rest.
        let id = ids.fresh().with_context(|| {
            format!(
                "cannot import {}; {} was left unchanged",
                article.display(),
                path.display()
            )
        })?;
        let (doc, warnings) = match crate::import::import_file_with_warnings(article, id) {
            Ok(imported) => (imported.document, imported.warnings),
            Err(e) => {
                failed.push((article.clone(), e.to_string()));
                continue;
            }
        };
        // Documents added earlier in this run are already in `project`, so a file given
        // twice is caught here too.
        if let Some(existing) = crate::import::find_duplicate(&project, &doc) {
            say(format_args!(
                "{}: skipped, same text as document {} “{}”",
                article.display(),
                existing.id,
                existing.meta.title
            ))?;
            skipped += 1;
            continue;
        }
        let (id, title) = (doc.id, doc.meta.title.clone());
        Edit::AddDocument(Box::new(doc))
            .apply(&mut project)
            .with_context(|| format!("cannot add {} to the project", article.display()))?;
        // Said once the save has succeeded: until then nothing is imported.
        added.push(format!(
            "{}: imported as document {id} “{title}”",
            article.display()
        ));
        let mut err = std::io::stderr().lock();
        for warning in &warnings {
            writeln!(err, "{}: warning: {warning}", article.display())?;
        }
        imported += 1;
    }
    if imported > 0 {
        persist::save_back(
            &lock,
            &project,
            loaded.disk.as_ref(),
            loaded.folder.as_mut(),
        )?;
    }
    for line in &added {
        say(format_args!("{line}"))?;
    }
    say(format_args!(
        "imported {imported}, skipped {skipped} duplicate{}, failed {}",
        plural_s(skipped),
        failed.len()
    ))?;
    if failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let mut err = std::io::stderr().lock();
    for (article, reason) in &failed {
        writeln!(err, "{}: {reason}", article.display())?;
    }
    if imported == 0 {
        writeln!(err, "{} left unchanged", path.display())?;
    }
    Ok(ExitCode::FAILURE)
}

fn validate(path: &Path, analysts: &[String]) -> Result<ExitCode> {
    match persist::load(path) {
        Ok(loaded) => {
            note_unsettled(&loaded.project)?;
            let mut project = loaded.project;
            crate::model::layers::check_analysts(&project, analysts, &path.display().to_string())?;
            crate::model::layers::keep_layers(&mut project, analysts);
            let counts = project.counts();
            say(format_args!("{counts}"))?;
            say(format_args!("{} tags, {} links", counts.tags, counts.links))?;
            for line in analysts::summary_lines(&project) {
                say(format_args!("{line}"))?;
            }
            if let Some(version) = loaded.migrated_from {
                say(format_args!(
                    "format version {version}; saving it will upgrade it to version {}",
                    crate::model::FORMAT_VERSION
                ))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(LoadError::Invalid { path, problems }) => {
            let mut err = std::io::stderr().lock();
            writeln!(
                err,
                "{}: {} problem{}",
                path.display(),
                problems.len(),
                plural_s(problems.len())
            )?;
            for problem in &problems {
                // A project folder's problem names its file: shown as a path of its own.
                match &problem.file {
                    Some(file) => {
                        let rest = persist::Problem {
                            file: None,
                            ..problem.clone()
                        };
                        writeln!(err, "{}: {rest}", path.join(file).display())?;
                    }
                    None => writeln!(err, "{}: {problem}", path.display())?,
                }
            }
            Ok(ExitCode::FAILURE)
        }
        Err(other) => {
            writeln!(std::io::stderr().lock(), "{other}")?;
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Says on stderr what is valid but for the analysts to settle: what two analysts
/// probably created twice in parallel (the actor panel's Merge), and references from one
/// analyst's layer into another's.
fn note_unsettled(project: &Project) -> Result<()> {
    use crate::model::duplicates;
    let mut err = std::io::stderr().lock();
    for pair in duplicates::probable_duplicate_actors(project) {
        writeln!(
            err,
            "note: actors {} and {} are {} (created twice, perhaps by two analysts in parallel): merge them in the actor panel",
            pair.first, pair.second, pair.why
        )?;
    }
    for (first, second) in duplicates::documents_with_same_text(project) {
        writeln!(
            err,
            "note: documents {first} and {second} hold the same text (imported twice)"
        )?;
    }
    /// Enough to find the pattern; the rest are counted.
    const SHOWN: usize = 20;
    let crossing = crate::model::layers::cross_layer_references(project);
    for c in crossing.iter().take(SHOWN) {
        writeln!(
            err,
            "note: document {}: {}'s {} {} refers to {}'s {} {}; references should stay inside one analyst's layer (agreement and curation compare each layer on its own)",
            c.document, c.from_analyst, c.from_kind, c.from, c.to_analyst, c.to_kind, c.to
        )?;
    }
    if crossing.len() > SHOWN {
        writeln!(
            err,
            "note: {} more references between analysts' layers",
            crossing.len() - SHOWN
        )?;
    }
    Ok(())
}

fn fmt(path: &Path, check: bool) -> Result<ExitCode> {
    if let Some(dir) = persist::folder::root(path) {
        return fmt_folder(&dir, check);
    }
    let (lock, loaded) = load_locked(path)?;
    let project = loaded.project;
    let canonical = persist::to_canonical_string(&project);
    let current = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if current == canonical.as_bytes() {
        return Ok(ExitCode::SUCCESS);
    }
    if check {
        writeln!(
            std::io::stderr().lock(),
            "{} is not in canonical form (run `demarche fmt` on it)",
            path.display()
        )?;
        return Ok(ExitCode::FAILURE);
    }
    lock.save(&project, loaded.disk.as_ref())?;
    say(format_args!("reformatted {}", path.display()))?;
    Ok(ExitCode::SUCCESS)
}

/// `fmt` of a project folder: every part file not in canonical form is rewritten (or,
/// with `check`, listed).
fn fmt_folder(dir: &Path, check: bool) -> Result<ExitCode> {
    let (lock, loaded) = load_locked(dir)?;
    let mut state = loaded.folder.unwrap_or_default();
    if check {
        let differing = persist::folder::non_canonical(&loaded.project, &state);
        if differing.is_empty() {
            return Ok(ExitCode::SUCCESS);
        }
        let mut err = std::io::stderr().lock();
        for file in &differing {
            writeln!(
                err,
                "{} is not in canonical form (run `demarche fmt` on the folder)",
                dir.join(file).display()
            )?;
        }
        return Ok(ExitCode::FAILURE);
    }
    let written = persist::folder::save_holding(&lock, &loaded.project, &mut state, None)?;
    for file in written.written.iter().chain(&written.removed) {
        say(format_args!("reformatted {}", dir.join(file).display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One line on stdout; an error (a closed pipe) stops the command instead of panicking.
fn say(line: std::fmt::Arguments<'_>) -> Result<()> {
    writeln!(std::io::stdout().lock(), "{line}")?;
    Ok(())
}
