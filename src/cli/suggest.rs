//! `demarche suggest`: the rules' suggestions as JSON lines, and `--apply` to accept them
//! all (the window's accept-all, headless).

use crate::edit::accept::accept;
use crate::model::{Document, Id, Project};
use crate::model::{counted, plural_s};
use crate::persist;
use crate::suggest::{self, ActorRef, Detail, Gazetteer, StanceTargetRef, Suggestion};
use anyhow::{Context, Result, bail};
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Parses a document id as `validate` and the exports write it: "12" or "#12".
pub fn parse_doc_id(text: &str) -> Result<u64, String> {
    text.trim()
        .trim_start_matches('#')
        .parse()
        .map_err(|_| format!("“{text}” is not a document id (a number such as 12)"))
}

/// Prints the suggestions, hiding what `hide_for` coded or rejected (every analyst when
/// empty). With `apply`, accepts them into `analyst`'s layer: then only that analyst's own
/// work hides a suggestion, since each analyst codes independently.
pub fn run(
    path: &Path,
    only: Option<Id>,
    apply: bool,
    analyst: &str,
    hide_for: &[String],
) -> Result<ExitCode> {
    if apply && !hide_for.is_empty() {
        bail!(
            "--apply accepts into the layer of the analyst at work (--as), hiding only what \
             that analyst coded; it cannot be combined with --analyst"
        );
    }
    // Only `--apply` writes; printing suggestions leaves the project free for others.
    let (lock, (disk, mut folder), mut project) = if apply {
        let (lock, loaded) = super::load_locked(path)?;
        (Some(lock), (loaded.disk, loaded.folder), loaded.project)
    } else {
        (None, (None, None), persist::load(path)?.project)
    };
    crate::model::layers::check_analysts(&project, hide_for, &path.display().to_string())?;
    let documents: Vec<Id> = match only {
        Some(id) if project.document(id).is_none() => bail!(
            "{} has no document {} (it has {} document{})",
            path.display(),
            id.0,
            project.documents.len(),
            plural_s(project.documents.len())
        ),
        Some(id) => vec![id],
        None => project.documents.iter().map(|d| d.id).collect(),
    };
    let gazetteer = Gazetteer::bundled();
    let before = project.counts();
    let annotator = analyst;
    let mut ids = project.id_allocator(annotator);
    let mut accepted = 0usize;
    for id in documents {
        // Just checked or taken from the project's own list, and edits never remove one.
        let Some(doc) = project.document(id) else {
            continue;
        };
        if let Some(note) = suggest::missing_rules(doc) {
            eprintln!("document {}: {note}", id.0);
        }
        let suggestions = if apply {
            suggest::suggest_for(&project, doc, gazetteer, annotator)
        } else if hide_for.is_empty() {
            suggest::suggest(&project, doc, gazetteer)
        } else {
            let mut list = suggest::proposals(&project, doc, gazetteer);
            for name in hide_for {
                suggest::retain_open(&project, doc, &mut list, Some(name.trim()));
            }
            list.sort_by_key(|s| (s.start, s.kind, s.end));
            list
        };
        {
            let mut out = std::io::stdout().lock();
            for s in &suggestions {
                writeln!(out, "{}", to_json(&project, doc, s))?;
            }
        }
        if apply && !suggestions.is_empty() {
            let edit = accept(
                &project,
                id,
                &suggestions,
                &suggestions,
                &mut || ids.fresh(),
                annotator,
            )
            .with_context(|| format!("cannot accept the suggestions for document {}", id.0))?;
            edit.apply(&mut project)
                .with_context(|| format!("cannot accept the suggestions for document {}", id.0))?;
            accepted += suggestions.len();
        }
    }
    if !apply {
        return Ok(ExitCode::SUCCESS);
    }
    let after = project.counts();
    if after != before
        && let Some(lock) = &lock
    {
        persist::save_back(lock, &project, disk.as_ref(), folder.as_mut())?;
    }
    let added = |a: usize, b: usize| a.saturating_sub(b);
    let summary = format!(
        "accepted {}: added {}, {}, {}, {}, {}; {}",
        counted(accepted, "suggestion"),
        counted(added(after.actors, before.actors), "actor"),
        counted(added(after.mentions, before.mentions), "mention"),
        counted(added(after.statements, before.statements), "statement"),
        counted(added(after.commitments, before.commitments), "commitment"),
        counted(added(after.stances, before.stances), "stance"),
        if after == before {
            format!("{} left unchanged", path.display())
        } else {
            format!("saved {}", path.display())
        }
    );
    writeln!(std::io::stderr().lock(), "{summary}")?;
    Ok(ExitCode::SUCCESS)
}

/// `--stats`: per rule, what it suggests on the bare texts and how much of it the analysts
/// (of `analysts`, else all) coded the same way or rejected; a tab-separated table.
pub fn stats(path: &Path, analysts: &[String]) -> Result<ExitCode> {
    let project = persist::load(path)?.project;
    crate::model::layers::check_analysts(&project, analysts, &path.display().to_string())?;
    let analyst = match analysts {
        [] => None,
        [one] if one.trim() != "*" => Some(one.trim()),
        [_] => None,
        _ => bail!("--stats counts one analyst's work (--analyst NAME) or everyone's"),
    };
    let tally = suggest::stats::tally(&project, Gazetteer::bundled(), analyst);
    let mut out = std::io::stdout().lock();
    writeln!(out, "rule\tkind\tmade\tcoded\trejected\tcoded share")?;
    let mut total = suggest::stats::Tally::default();
    for (name, t) in &tally {
        let kind = suggest::rules::rule(name).map_or("", |r| r.kind.key());
        let name = if name.is_empty() { "(none)" } else { name };
        writeln!(
            out,
            "{name}\t{kind}\t{}\t{}\t{}\t{}",
            t.made,
            t.coded,
            t.rejected,
            share(t.coded, t.made)
        )?;
        total.made += t.made;
        total.coded += t.coded;
        total.rejected += t.rejected;
    }
    writeln!(
        out,
        "total\t\t{}\t{}\t{}\t{}",
        total.made,
        total.coded,
        total.rejected,
        share(total.coded, total.made)
    )?;
    Ok(ExitCode::SUCCESS)
}

fn share(part: usize, whole: usize) -> String {
    if whole == 0 {
        "-".to_owned()
    } else {
        format!("{:.2}", part as f64 / whole as f64)
    }
}

/// One suggestion as the JSON object the command prints.
pub fn to_json(project: &Project, doc: &Document, s: &Suggestion) -> Value {
    let name = |r: &ActorRef| actor_name(project, r);
    let mut object = json!({
        "kind": s.kind.key(),
        "document": doc.id.0,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        "rule": s.rule,
    });
    let fields = match &s.detail {
        Detail::Mention { actor } => json!({ "actor": name(actor) }),
        Detail::Statement {
            speaker,
            attribution,
            cue,
        } => json!({
            "speaker": speaker.as_ref().map(name),
            "attribution": attribution,
            "cue": cue.and_then(|(a, b)| doc.slice(a, b)),
            "cue_start": cue.map(|c| c.0),
            "cue_end": cue.map(|c| c.1),
        }),
        Detail::Commitment {
            committer,
            addressees,
            action,
            strength,
            conditions,
            category,
            statement,
        } => json!({
            "committer": committer.as_ref().map(name),
            "strength": strength,
            "action": action,
            "conditions": conditions,
            "addressees": addressees.iter().map(name).collect::<Vec<_>>(),
            "category": category,
            "statement_start": statement.0,
            "statement_end": statement.1,
        }),
        Detail::Stance {
            holder,
            target,
            polarity,
            statement,
            no_target,
        } => json!({
            "holder": holder.as_ref().map(name),
            "polarity": polarity,
            "no_target": no_target,
            "target": target.as_ref().map(|t| match t {
                StanceTargetRef::Actor(a) => name(a),
                StanceTargetRef::Topic(key) => key.clone(),
            }),
            "statement_start": statement.0,
            "statement_end": statement.1,
        }),
    };
    if let (Value::Object(into), Value::Object(from)) = (&mut object, fields) {
        into.extend(from);
    }
    object
}

/// The actor's name; an id the project no longer has is shown as the id, which a script
/// can still tell apart from a name.
fn actor_name(project: &Project, actor: &ActorRef) -> String {
    match actor {
        ActorRef::Project(id) => project
            .actor(*id)
            .map_or_else(|| id.to_string(), |a| a.name.clone()),
        ActorRef::New(new) => new.name.clone(),
    }
}
