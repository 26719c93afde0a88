//! Reading other annotation tools' files into a project: brat standoff folders and doccano
//! JSONL. The same flat picture ([`flat`]) serves the exporters, so what goes out comes
//! back in.

pub mod brat;
pub mod command;
pub mod flat;
pub mod jsonl;
pub mod layer_import;

pub use layer_import::{Attached, PreparedImport};

use crate::model::{Document, DocumentMeta, LineEndings, Origin, Project, human_size};
use chrono::{SubsecRound, Utc};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The tag category or link type given to an annotation another tool left without a type
/// (brat `T1<TAB> 0 7`, doccano `[0, 7, ""]`): a codebook key cannot be empty, and the
/// annotation is kept for the analyst to recode.
pub const UNLABELLED: &str = "unlabelled";

/// Largest brat `.txt` file read: the limit of an imported article.
pub const MAX_BRAT_TEXT_BYTES: usize = crate::import::MAX_ARTICLE_BYTES;

/// Largest brat `.ann` file read: annotations of a long article, with notes, are a few MiB.
pub const MAX_BRAT_ANN_BYTES: usize = 64 * 1024 * 1024;

/// Largest doccano JSONL file read: thousands of articles with their labels.
pub const MAX_JSONL_BYTES: usize = 256 * 1024 * 1024;

/// `label`, or [`UNLABELLED`] (after calling `report`) when it is empty or blank.
fn named_or_placeholder(label: &str, report: impl FnOnce()) -> String {
    if label.trim().is_empty() {
        report();
        UNLABELLED.to_owned()
    } else {
        label.to_owned()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum InterchangeError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not UTF-8 text (brat and doccano files are UTF-8): {source}", path.display())]
    NotUtf8 {
        path: PathBuf,
        source: std::str::Utf8Error,
    },
    #[error(
        "{} is too large ({}); {what} are limited to {}, and nothing was imported",
        path.display(),
        human_size(*size),
        human_size(*limit as u64)
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: usize,
        what: &'static str,
    },
    #[error("{} has no .txt files: is it a brat folder?", path.display())]
    NoDocuments { path: PathBuf },
    /// A team's export: a brat folder per analyst, each imported as its analyst's layer.
    #[error(
        "{} holds a brat folder per analyst ({}); import each one as its analyst, e.g. \
         `demarche import PROJECT --format brat {} --as NAME`",
        path.display(),
        folders.join(", "),
        path.join(&folders[0]).display()
    )]
    FolderPerAnalyst { path: PathBuf, folders: Vec<String> },
    #[error("{}, line {line}: {message}", path.display())]
    BadLine {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error(transparent)]
    Ids(#[from] crate::model::IdsExhausted),
    #[error("the import cannot be applied to the project: {0}")]
    Edit(#[from] crate::edit::EditError),
}

/// What an import did, and every line it could not keep as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub documents: usize,
    pub annotations: usize,
    pub actors_added: usize,
    /// One message per line not kept as written, with its file and line number.
    pub problems: Vec<String>,
    /// Layers attached to documents the project already had (same text).
    pub attached: Vec<Attached>,
    /// Documents not imported because their analyst already has a layer on the same text.
    pub refused: Vec<String>,
}

/// Reads a file of at most `limit` bytes (`what` names such files in the message).
fn read(path: &Path, limit: usize, what: &'static str) -> Result<Vec<u8>, InterchangeError> {
    let io_error = |source| InterchangeError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let too_large = |size: u64| InterchangeError::TooLarge {
        path: path.to_owned(),
        size,
        limit,
        what,
    };
    let size = file.metadata().map_err(io_error)?.len();
    if size > limit as u64 {
        return Err(too_large(size));
    }
    // At most one byte past the limit, in case the file grows while it is read.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn line_endings(s: &str) -> LineEndings {
    let crlf = s.matches("\r\n").count();
    let cr = s.matches('\r').count() - crlf;
    let lf = s.matches('\n').count() - crlf;
    match (crlf > 0, cr > 0, lf > 0) {
        (false, false, _) => LineEndings::Lf,
        (true, false, false) => LineEndings::CrLf,
        (false, true, false) => LineEndings::Cr,
        _ => LineEndings::Mixed,
    }
}

/// A document over `text` (already LF), without annotations; its id is given later.
fn new_document(
    title: String,
    format: &str,
    path: Option<&Path>,
    raw: &str,
    text: String,
) -> Document {
    let fingerprint = Sha256::digest(raw.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();
    Document::new(
        crate::model::Id(0),
        DocumentMeta {
            title,
            ..DocumentMeta::default()
        },
        Origin {
            path: path.map(|p| p.display().to_string()),
            format: format.to_owned(),
            encoding: "UTF-8".into(),
            line_endings: line_endings(raw),
            file_fingerprint: Some(fingerprint),
            imported: Utc::now().trunc_subsecs(0),
        },
        text,
    )
}

/// Imports a brat folder into `project` as `analyst`'s layers (see [`prepare_brat`]).
pub fn import_brat(
    project: &mut Project,
    dir: &Path,
    analyst: &str,
) -> Result<ImportReport, InterchangeError> {
    let prepared = prepare_brat(project, dir, analyst, false)?;
    prepared.edit.apply(project)?;
    Ok(prepared.report)
}

/// Imports a doccano JSONL file into `project` (see [`prepare_jsonl`]).
pub fn import_jsonl(
    project: &mut Project,
    path: &Path,
    analyst: &str,
) -> Result<ImportReport, InterchangeError> {
    let prepared = prepare_jsonl(project, path, analyst, false)?;
    prepared.edit.apply(project)?;
    Ok(prepared.report)
}

/// The names of `dir`'s subfolders that hold `.txt` files, sorted.
fn brat_subfolders(dir: &Path) -> Vec<String> {
    let has_text = |folder: &Path| {
        std::fs::read_dir(folder).is_ok_and(|entries| {
            entries
                .filter_map(Result::ok)
                .any(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
    };
    let mut folders: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir() && has_text(p))
                .filter_map(|p| Some(p.file_name()?.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    folders.sort();
    folders
}

/// Reads a brat folder as `analyst`'s work: every `NAME.txt` with its `NAME.ann` (a missing
/// or empty `.ann` gives a document without annotations), in name order. brat files name
/// no annotator, so every annotation is `analyst`'s. A text the project already has gets
/// the annotations as `analyst`'s layer on that document; see [`layer_import`].
pub fn prepare_brat(
    project: &Project,
    dir: &Path,
    analyst: &str,
    replace: bool,
) -> Result<PreparedImport, InterchangeError> {
    let entries = std::fs::read_dir(dir).map_err(|source| InterchangeError::Read {
        path: dir.to_owned(),
        source,
    })?;
    let mut texts: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    if texts.is_empty() {
        let folders = brat_subfolders(dir);
        if !folders.is_empty() {
            return Err(InterchangeError::FolderPerAnalyst {
                path: dir.to_owned(),
                folders,
            });
        }
        return Err(InterchangeError::NoDocuments {
            path: dir.to_owned(),
        });
    }
    // Read everything first, so a file that cannot be read leaves the project untouched.
    let mut inputs = Vec::new();
    for txt in texts {
        let ann_path = txt.with_extension("ann");
        let raw_bytes = read(&txt, MAX_BRAT_TEXT_BYTES, "brat .txt files")?;
        let raw = std::str::from_utf8(&raw_bytes)
            .map_err(|source| InterchangeError::NotUtf8 {
                path: txt.clone(),
                source,
            })?
            .to_owned();
        let ann = if ann_path.exists() {
            let bytes = read(&ann_path, MAX_BRAT_ANN_BYTES, "brat .ann files")?;
            brat::read_text(&bytes).map_err(|source| InterchangeError::NotUtf8 {
                path: ann_path.clone(),
                source,
            })?
        } else {
            String::new()
        };
        inputs.push((txt, ann_path, raw, ann));
    }
    let mut import = layer_import::LayerImport::new(project, replace);
    for (txt, ann_path, raw, ann) in inputs {
        let text = brat::universal_newlines(&raw);
        let (flat, mut problems, line_of) = brat::parse_ann(&ann, &text);
        let title = txt
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc = new_document(title, "brat", Some(&txt), &raw, text);
        let name = ann_path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let rebuilt = import.document(doc, &flat, analyst, &name)?;
        problems.extend(brat::locate(rebuilt, &line_of));
        problems.sort_by_key(|p| p.line);
        import.report.problems.extend(
            problems
                .into_iter()
                .map(|p| format!("{name}, line {}: {}", p.line, p.message)),
        );
    }
    Ok(import.finish())
}

/// Reads a doccano JSONL file (either form, one document a line; blank lines skipped) as
/// `analyst`'s work; a line naming its own `analyst` (as Demarche's export writes) is that
/// analyst's layer. A malformed line fails the whole import, naming its line.
pub fn prepare_jsonl(
    project: &Project,
    path: &Path,
    analyst: &str,
    replace: bool,
) -> Result<PreparedImport, InterchangeError> {
    let bytes = read(path, MAX_JSONL_BYTES, "doccano JSONL files")?;
    // An editor's byte-order mark would make the first line unreadable JSON.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let content = std::str::from_utf8(bytes).map_err(|source| InterchangeError::NotUtf8 {
        path: path.to_owned(),
        source,
    })?;
    let mut lines = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed = jsonl::parse_line(line).map_err(|message| InterchangeError::BadLine {
            path: path.to_owned(),
            line: i + 1,
            message,
        })?;
        lines.push((i + 1, parsed));
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut import = layer_import::LayerImport::new(project, replace);
    for (line_no, mut line) in lines {
        let text = jsonl::normalise(&line.text, &mut line.flat);
        let title = line
            .title
            .clone()
            .unwrap_or_else(|| format!("{stem} {line_no}"));
        let doc = new_document(title, "doccano", Some(path), &line.text, text);
        let layer = line.analyst.as_deref().unwrap_or(analyst);
        let problems = import.document(doc, &line.flat, layer, &format!("line {line_no}"))?;
        import.report.problems.extend(
            line.notes
                .iter()
                .map(|note| format!("line {line_no}, {note}"))
                .chain(problems.into_iter().map(|p| format!("line {line_no}, {p}"))),
        );
    }
    Ok(import.finish())
}
