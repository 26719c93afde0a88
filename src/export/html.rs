//! A self-contained HTML report: each article with coloured highlights, a legend and
//! details on hover, then per-actor tables of commitments and stances. No scripts and no
//! external assets; every piece of article or annotation text is escaped, so an article
//! quoting `<script>` shows it as text.

use super::{ExportError, Progress, Sink};
use crate::model::{CodebookList, Document, Id, Project, StanceTarget};
use quick_xml::escape::escape;
use std::collections::BTreeSet;
use std::fmt::Write as _;

const STYLE: &str = r#"
body { font: 16px/1.55 Georgia, "Noto Serif", serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1, h2, h3 { font-family: system-ui, sans-serif; }
.meta { color: #555; font-size: 0.9rem; }
.legend span { margin-right: 1rem; padding: 0 0.3rem; }
.text { white-space: pre-wrap; }
.mention { border-bottom: 3px solid var(--c, #4e79a7); }
.statement { background: #fbeaa8; }
.cue { font-weight: bold; }
.tag { outline: 1px dotted #777; }
.note { color: #555; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #f1f1f1; }
article { margin-bottom: 3rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  article { page-break-after: always; }
  .statement { background: none; border-bottom: 1px solid #b8860b; }
  [title]::after { content: ""; }
}
"#;

fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    escape(s)
}

pub(super) fn write(
    project: &Project,
    sink: &mut Sink,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), ExportError> {
    let mut out = String::with_capacity(1 << 20);
    let name = esc(&project.meta.name);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{name} — Demarche report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{name}</h1>\n"
    );
    if !project.meta.description.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(&project.meta.description));
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>\n<p class=\"legend\"><span class=\"mention\">mention \
         (underlined in the actor's colour)</span><span class=\"statement\">statement</span>\
         <span class=\"cue\">attribution cue</span><span class=\"tag\">tag</span> — hover \
         for details.</p>",
        esc(&project.counts().to_string())
    );
    let total = project.documents.len();
    for (n, doc) in project.documents.iter().enumerate() {
        article(project, doc, &mut out);
        progress(Progress { done: n + 1, total });
    }
    actor_tables(project, &mut out);
    out.push_str("</body>\n</html>\n");
    sink.write("report.html", out.as_bytes())
}

/// One highlighted piece of the text: which annotations cover it.
#[derive(Default)]
struct Cover {
    mention_colour: Option<String>,
    classes: BTreeSet<&'static str>,
    details: Vec<String>,
}

fn article(project: &Project, doc: &Document, out: &mut String) {
    let cb = &project.codebook;
    let actor_name = |id: Id| project.actor(id).map_or("?", |a| a.name.as_str());
    let _ = writeln!(
        out,
        "<article id=\"doc-{}\">\n<h2>{}</h2>",
        doc.id.0,
        esc(&doc.meta.title)
    );
    let mut meta = Vec::new();
    for part in [&doc.meta.source, &doc.meta.byline, &doc.meta.url] {
        if !part.is_empty() {
            meta.push(esc(part).into_owned());
        }
    }
    if let Some(date) = doc.meta.date {
        meta.push(date.to_string());
    }
    if !doc.meta.issuer.is_empty() {
        meta.push(format!("issued by {}", esc(&project.issuer_names(doc))));
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    }
    if !doc.meta.note.is_empty() {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(&doc.meta.note));
    }

    // Every range boundary splits the text; each piece lists what covers it.
    type Mark = (usize, usize, &'static str, Option<String>, String);
    let mut marks: Vec<Mark> = Vec::new();
    for m in &doc.mentions {
        let colour = project.actor(m.actor).map(|a| a.colour.to_hex());
        let detail = with_note(format!("Mention of {}", actor_name(m.actor)), &m.note);
        for r in &m.span.ranges {
            marks.push((r.start, r.end, "mention", colour.clone(), detail.clone()));
        }
    }
    for s in &doc.statements {
        let mut detail = format!(
            "Statement ({}) by {}",
            cb.label(CodebookList::AttributionModes, &s.attribution),
            s.speaker.map_or("unknown speaker", actor_name)
        );
        for c in doc.commitments_of(s.id) {
            let _ = write!(
                detail,
                "\nCommitment: {} — {} ({}, {}){}",
                c.committer.map_or("?", actor_name),
                cb.label(CodebookList::CommitmentCategories, &c.category),
                cb.label(CodebookList::Strengths, &c.strength),
                cb.label(CodebookList::Contexts, &c.context),
                if c.action.is_empty() {
                    String::new()
                } else {
                    format!(": {}", c.action)
                }
            );
        }
        for st in doc.stances_of(s.id) {
            let _ = write!(
                detail,
                "\nStance: {} {} {}",
                st.holder.map_or("?", actor_name),
                cb.label(CodebookList::Polarities, &st.polarity),
                target_name(project, &st.target)
            );
        }
        let detail = with_note(detail, &s.note);
        for r in &s.span.ranges {
            marks.push((r.start, r.end, "statement", None, detail.clone()));
        }
        if let Some(cue) = &s.cue {
            for r in &cue.ranges {
                marks.push((r.start, r.end, "cue", None, "Attribution cue".into()));
            }
        }
    }
    for t in &doc.tags {
        let mut detail = format!(
            "Tag: {}",
            cb.label(CodebookList::TagCategories, &t.category)
        );
        for (k, v) in &t.attributes {
            let _ = write!(detail, "\n{k} = {v}");
        }
        let detail = with_note(detail, &t.note);
        for r in &t.span.ranges {
            marks.push((r.start, r.end, "tag", None, detail.clone()));
        }
    }
    let mut bounds: Vec<usize> = marks.iter().flat_map(|m| [m.0, m.1]).collect();
    bounds.push(0);
    bounds.push(doc.len_chars());
    bounds.sort_unstable();
    bounds.dedup();
    marks.sort_by_key(|m| m.0);

    out.push_str("<div class=\"text\">");
    let index = doc.index();
    let mut active: Vec<&Mark> = Vec::new();
    let mut next_mark = 0;
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|m| m.1 > a);
        while next_mark < marks.len() && marks[next_mark].0 <= a {
            if marks[next_mark].1 > a {
                active.push(&marks[next_mark]);
            }
            next_mark += 1;
        }
        let piece = index.slice(doc.text(), a, b).unwrap_or("");
        if active.is_empty() {
            out.push_str(&esc(piece));
            continue;
        }
        let mut cover = Cover::default();
        for m in &active {
            cover.classes.insert(m.2);
            if m.2 == "mention" && cover.mention_colour.is_none() {
                cover.mention_colour.clone_from(&m.3);
            }
            if !cover.details.contains(&m.4) {
                cover.details.push(m.4.clone());
            }
        }
        let classes: Vec<&str> = cover.classes.into_iter().collect();
        let style = cover
            .mention_colour
            .map(|c| format!(" style=\"--c: {c}\""))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<span class=\"{}\"{style} title=\"{}\">{}</span>",
            classes.join(" "),
            esc(&cover.details.join("\n")),
            esc(piece)
        );
    }
    out.push_str("</div>\n");
    if !doc.links.is_empty() {
        out.push_str("<h3>Links</h3>\n<ul>\n");
        for l in &doc.links {
            let _ = writeln!(
                out,
                "<li>#{} {} #{}{}</li>",
                l.from.0,
                esc(cb.label(CodebookList::LinkTypes, &l.label)),
                l.to.0,
                if l.note.is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"note\">{}</span>", esc(&l.note))
                }
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}

fn with_note(detail: String, note: &str) -> String {
    if note.is_empty() {
        detail
    } else {
        format!("{detail}\nNote: {note}")
    }
}

fn target_name(project: &Project, target: &Option<StanceTarget>) -> String {
    match target {
        Some(StanceTarget::Actor(a)) => project
            .actor(*a)
            .map_or_else(|| "?".into(), |a| a.name.clone()),
        Some(StanceTarget::Topic(t)) => project.codebook.label(CodebookList::Topics, t).to_owned(),
        None => String::new(),
    }
}

fn actor_tables(project: &Project, out: &mut String) {
    let cb = &project.codebook;
    out.push_str("<section>\n<h2>Actors</h2>\n");
    for actor in &project.actors {
        let commitments: Vec<_> = project
            .documents
            .iter()
            .flat_map(|d| d.commitments.iter().map(move |c| (d, c)))
            .filter(|(_, c)| c.committer == Some(actor.id))
            .collect();
        let stances: Vec<_> = project
            .documents
            .iter()
            .flat_map(|d| d.stances.iter().map(move |s| (d, s)))
            .filter(|(_, s)| s.holder == Some(actor.id))
            .collect();
        if commitments.is_empty() && stances.is_empty() {
            continue;
        }
        let statement_text = |d: &Document, id: Id| {
            crate::model::ids::find(&d.statements, id).map_or(String::new(), |s| s.span.text())
        };
        let _ = writeln!(
            out,
            "<h3 style=\"border-left: 0.5rem solid {}; padding-left: 0.4rem\">{} <span class=\"meta\">{}</span></h3>",
            actor.colour.to_hex(),
            esc(&actor.name),
            esc(cb.label(CodebookList::ActorKinds, &actor.kind))
        );
        if !commitments.is_empty() {
            out.push_str(
                "<table><caption>Commitments</caption><tr><th>Document</th><th>Statement</th>\
                 <th>Action</th><th>Category</th><th>Context</th><th>Strength</th>\
                 <th>Conditions</th><th>Time horizon</th><th>Note</th></tr>\n",
            );
            for (d, c) in commitments {
                let _ = writeln!(
                    out,
                    "<tr><td><a href=\"#doc-{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td>\
                     <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    d.id.0,
                    esc(&d.meta.title),
                    esc(&statement_text(d, c.statement)),
                    esc(&c.action),
                    esc(cb.label(CodebookList::CommitmentCategories, &c.category)),
                    esc(cb.label(CodebookList::Contexts, &c.context)),
                    esc(cb.label(CodebookList::Strengths, &c.strength)),
                    esc(&c.conditions),
                    esc(cb.label(CodebookList::TimeHorizons, &c.time_horizon)),
                    esc(&c.note)
                );
            }
            out.push_str("</table>\n");
        }
        if !stances.is_empty() {
            out.push_str(
                "<table><caption>Stances</caption><tr><th>Document</th><th>Statement</th>\
                 <th>Target</th><th>Polarity</th><th>Intensity</th><th>Note</th></tr>\n",
            );
            for (d, s) in stances {
                let _ = writeln!(
                    out,
                    "<tr><td><a href=\"#doc-{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td>\
                     <td>{}</td><td>{}</td></tr>",
                    d.id.0,
                    esc(&d.meta.title),
                    esc(&statement_text(d, s.statement)),
                    esc(&target_name(project, &s.target)),
                    esc(cb.label(CodebookList::Polarities, &s.polarity)),
                    esc(cb.label(CodebookList::Intensities, &s.intensity)),
                    esc(&s.note)
                );
            }
            out.push_str("</table>\n");
        }
    }
    out.push_str("</section>\n");
}
