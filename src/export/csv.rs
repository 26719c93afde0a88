//! Tidy CSV: one table per kind, one row per item, ids that join across tables.
//!
//! Offsets (`start`, `end`, `ranges`) count code points. `text` is exactly what the span
//! covers; for a discontinuous span its pieces are joined with " … " and `ranges` lists
//! them as `s-e;s-e`. Lists of ids are joined with `;`; tag attributes and document custom
//! fields are JSON objects. Free-text cells that a spreadsheet would run as a formula get
//! a leading `'` ([`neutralise_formula`]).

use super::{ExportError, Progress, Sink};
use crate::model::{CodebookList, Document, Id, Project, Span, Stamp, StanceTarget, TextRange};
use std::borrow::Cow;
use std::io::Write;

/// Cells starting with `=`, `+`, `-`, `@`, tab or CR are run as formulas by Excel,
/// LibreOffice and Google Sheets (CSV injection); a leading apostrophe makes them text.
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// One row under construction; text cells are neutralised, numbers are not.
struct Row<'a>(Vec<Cow<'a, str>>);

impl<'a> Row<'a> {
    fn new() -> Self {
        Row(Vec::with_capacity(24))
    }
    fn text(&mut self, s: &'a str) -> &mut Self {
        self.0.push(neutralise_formula(s));
        self
    }
    fn owned(&mut self, s: String) -> &mut Self {
        let cell = match neutralise_formula(&s) {
            Cow::Borrowed(_) => s,
            Cow::Owned(o) => o,
        };
        self.0.push(Cow::Owned(cell));
        self
    }
    fn id(&mut self, id: Id) -> &mut Self {
        self.0.push(Cow::Owned(id.0.to_string()));
        self
    }
    fn opt_id(&mut self, id: Option<Id>) -> &mut Self {
        self.0
            .push(id.map_or(Cow::Borrowed(""), |i| Cow::Owned(i.0.to_string())));
        self
    }
    fn num(&mut self, n: usize) -> &mut Self {
        self.0.push(Cow::Owned(n.to_string()));
        self
    }
    fn opt(&mut self, s: Option<&'a str>) -> &mut Self {
        self.text(s.unwrap_or(""))
    }
    /// `start, end, text, ranges` of a span.
    fn span(&mut self, span: &'a Span) -> &mut Self {
        self.num(span.start()).num(span.end());
        match span.ranges.as_slice() {
            [one] => self.text(&one.text).text(""),
            _ => self.owned(span.text()).owned(ranges(&span.ranges)),
        }
    }
    fn stamp(&mut self, stamp: &'a Stamp) -> &mut Self {
        self.text(&stamp.annotator)
            .owned(stamp.created.to_rfc3339())
            .owned(stamp.modified.to_rfc3339())
    }
}

fn ranges(ranges: &[TextRange]) -> String {
    ranges
        .iter()
        .map(|r| format!("{}-{}", r.start, r.end))
        .collect::<Vec<_>>()
        .join(";")
}

const SPAN: [&str; 4] = ["start", "end", "text", "ranges"];
const STAMP: [&str; 3] = ["annotator", "created", "modified"];

fn header(first: &[&str], middle: &[&str], rest: &[&str]) -> Vec<String> {
    first
        .iter()
        .chain(middle)
        .chain(rest)
        .chain(STAMP.iter())
        .chain(["note", "analyst"].iter())
        .map(|s| (*s).to_owned())
        .collect()
}

struct Table {
    name: &'static str,
    writer: csv::Writer<std::io::BufWriter<std::fs::File>>,
}

impl Table {
    fn open(sink: &mut Sink, name: &'static str, header: &[String]) -> Result<Self, ExportError> {
        let file = sink.create(name)?;
        let mut writer = csv::WriterBuilder::new().from_writer(file);
        writer.write_record(header)?;
        Ok(Table { name, writer })
    }
    fn row(&mut self, row: &Row) -> Result<(), ExportError> {
        self.writer
            .write_record(row.0.iter().map(|c| c.as_bytes()))?;
        Ok(())
    }
    fn finish(self, sink: &Sink) -> Result<(), ExportError> {
        let name = self.name;
        let mut inner = self
            .writer
            .into_inner()
            .map_err(|e| sink.io(name, std::io::Error::other(e.to_string())))?;
        inner.flush().map_err(|e| sink.io(name, e))
    }
}

pub(super) fn write(
    project: &Project,
    sink: &mut Sink,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), ExportError> {
    let cb = &project.codebook;
    let actor_name = |id: Id| project.actor(id).map_or("", |a| a.name.as_str());
    let label = |list: CodebookList, key: &'_ str| cb.label(list, key).to_owned();

    let mut documents = Table::open(
        sink,
        "documents.csv",
        &[
            "id",
            "title",
            "source",
            "date",
            "byline",
            "issuer",
            "url",
            "language",
            "status",
            "custom",
            "note",
            "origin_path",
            "origin_format",
            "encoding",
            "line_endings",
            "imported",
            "fingerprint",
            "characters",
            "text",
        ]
        .map(String::from),
    )?;
    for d in &project.documents {
        let mut r = Row::new();
        r.id(d.id)
            .text(&d.meta.title)
            .text(&d.meta.source)
            .owned(d.meta.date.map(|x| x.to_string()).unwrap_or_default())
            .text(&d.meta.byline)
            .owned(project.issuer_names(d))
            .text(&d.meta.url)
            .text(&d.meta.language)
            .owned(d.meta.progress_summary())
            .owned(if d.meta.custom.is_empty() {
                String::new()
            } else {
                serde_json::to_string(&d.meta.custom)?
            })
            .text(&d.meta.note)
            .opt(d.origin.path.as_deref())
            .text(&d.origin.format)
            .text(&d.origin.encoding)
            .owned(format!("{:?}", d.origin.line_endings).to_lowercase())
            .owned(d.origin.imported.to_rfc3339())
            .text(d.fingerprint())
            .num(d.len_chars())
            .text(d.text());
        documents.row(&r)?;
    }
    documents.finish(sink)?;

    // Each analyst's status on each document, "to do" included: the documents table's
    // `status` sums them up in one cell.
    let mut statuses = Table::open(
        sink,
        "progress.csv",
        &["document_id", "analyst", "status"].map(String::from),
    )?;
    let analysts = project.analysts();
    for d in &project.documents {
        for analyst in &analysts {
            let mut r = Row::new();
            r.id(d.id)
                .text(analyst)
                .text(d.meta.status_of(analyst).label());
            statuses.row(&r)?;
        }
    }
    statuses.finish(sink)?;

    let mut actors = Table::open(
        sink,
        "actors.csv",
        &[
            "id",
            "name",
            "kind",
            "kind_label",
            "aliases",
            "iso3",
            "cameo",
            "wikidata",
            "affiliation_id",
            "affiliation_name",
            "role",
            "colour",
            "note",
        ]
        .map(String::from),
    )?;
    for a in &project.actors {
        let mut r = Row::new();
        r.id(a.id)
            .text(&a.name)
            .text(&a.kind)
            .owned(label(CodebookList::ActorKinds, &a.kind))
            .owned(a.aliases.join("; "))
            .opt(a.iso3.as_deref())
            .opt(a.cameo.as_deref())
            .opt(a.wikidata.as_deref())
            .opt_id(a.affiliation)
            .text(a.affiliation.map_or("", actor_name))
            .text(&a.role)
            .owned(a.colour.to_hex())
            .text(&a.note);
        actors.row(&r)?;
    }
    actors.finish(sink)?;

    let mut codebook = Table::open(
        sink,
        "codebook.csv",
        &[
            "list",
            "key",
            "role",
            "label",
            "description",
            "cameo",
            "retired",
        ]
        .map(String::from),
    )?;
    for list in CodebookList::ALL {
        for e in cb.list(list) {
            let mut r = Row::new();
            // The role says what a renamed key means to the rules (the default key).
            r.owned(format!("{list:?}"))
                .text(&e.key)
                .text(e.role())
                .text(&e.label)
                .text(&e.description)
                .opt(e.cameo.as_deref())
                .text(if e.retired { "true" } else { "false" });
            codebook.row(&r)?;
        }
    }
    codebook.finish(sink)?;

    let doc_span = ["document_id", "id"];
    let mut mentions = Table::open(
        sink,
        "mentions.csv",
        &header(&doc_span, &SPAN, &["actor_id", "actor_name"]),
    )?;
    let mut statements = Table::open(
        sink,
        "statements.csv",
        &header(
            &doc_span,
            &SPAN,
            &[
                "speaker_id",
                "speaker_name",
                "attribution",
                "attribution_label",
                "cue_start",
                "cue_end",
                "cue_text",
                "cue_ranges",
            ],
        ),
    )?;
    let mut commitments = Table::open(
        sink,
        "commitments.csv",
        &header(
            &["document_id", "id", "statement_id"],
            &SPAN,
            &[
                "committer_id",
                "committer_name",
                "addressee_ids",
                "addressee_names",
                "action",
                "category",
                "category_label",
                "category_cameo",
                "cameo",
                "context",
                "context_label",
                "strength",
                "strength_label",
                "conditions",
                "time_horizon",
                "time_horizon_label",
            ],
        ),
    )?;
    let mut stances = Table::open(
        sink,
        "stances.csv",
        &header(
            &["document_id", "id", "statement_id"],
            &SPAN,
            &[
                "holder_id",
                "holder_name",
                "target_kind",
                "target_actor_id",
                "target_actor_name",
                "target_topic",
                "target_topic_label",
                "polarity",
                "polarity_label",
                "intensity",
                "intensity_label",
                "cameo",
            ],
        ),
    )?;
    let mut tags = Table::open(
        sink,
        "tags.csv",
        &header(
            &doc_span,
            &SPAN,
            &["category", "category_label", "attributes"],
        ),
    )?;
    let mut links = Table::open(
        sink,
        "links.csv",
        &header(
            &["document_id", "id"],
            &[],
            &[
                "from_id",
                "from_kind",
                "to_id",
                "to_kind",
                "label",
                "label_label",
            ],
        ),
    )?;

    let total = project.documents.len();
    for (n, d) in project.documents.iter().enumerate() {
        write_document(
            project,
            d,
            &mut mentions,
            &mut statements,
            &mut commitments,
            &mut stances,
            &mut tags,
            &mut links,
        )?;
        progress(Progress { done: n + 1, total });
    }
    for t in [mentions, statements, commitments, stances, tags, links] {
        t.finish(sink)?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)] // one table per kind; a struct would only rename them
fn write_document(
    project: &Project,
    d: &Document,
    mentions: &mut Table,
    statements: &mut Table,
    commitments: &mut Table,
    stances: &mut Table,
    tags: &mut Table,
    links: &mut Table,
) -> Result<(), ExportError> {
    let cb = &project.codebook;
    let actor_name = |id: Id| project.actor(id).map_or("", |a| a.name.as_str());
    let empty = Span::default();
    let statement_span =
        |id: Id| crate::model::ids::find(&d.statements, id).map_or(&empty, |s| &s.span);
    for m in &d.mentions {
        let mut r = Row::new();
        r.id(d.id)
            .id(m.id)
            .span(&m.span)
            .id(m.actor)
            .text(actor_name(m.actor))
            .stamp(&m.stamp)
            .text(&m.note)
            .text(&m.stamp.annotator);
        mentions.row(&r)?;
    }
    for s in &d.statements {
        let mut r = Row::new();
        r.id(d.id)
            .id(s.id)
            .span(&s.span)
            .opt_id(s.speaker)
            .text(s.speaker.map_or("", actor_name))
            .text(&s.attribution)
            .text(cb.label(CodebookList::AttributionModes, &s.attribution));
        match &s.cue {
            Some(cue) => r.span(cue),
            None => r.text("").text("").text("").text(""),
        };
        r.stamp(&s.stamp).text(&s.note).text(&s.stamp.annotator);
        statements.row(&r)?;
    }
    for c in &d.commitments {
        let mut r = Row::new();
        let category = cb.entry(CodebookList::CommitmentCategories, &c.category);
        r.id(d.id)
            .id(c.id)
            .id(c.statement)
            .span(statement_span(c.statement))
            .opt_id(c.committer)
            .text(c.committer.map_or("", actor_name))
            .owned(
                c.addressees
                    .iter()
                    .map(|a| a.0.to_string())
                    .collect::<Vec<_>>()
                    .join(";"),
            )
            .owned(
                c.addressees
                    .iter()
                    .map(|&a| actor_name(a))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
            .text(&c.action)
            .text(&c.category)
            .text(category.map_or(c.category.as_str(), |e| e.label.as_str()))
            .opt(category.and_then(|e| e.cameo.as_deref()))
            .opt(c.cameo.as_deref())
            .text(&c.context)
            .text(cb.label(CodebookList::Contexts, &c.context))
            .text(&c.strength)
            .text(cb.label(CodebookList::Strengths, &c.strength))
            .text(&c.conditions)
            .text(&c.time_horizon)
            .text(cb.label(CodebookList::TimeHorizons, &c.time_horizon))
            .stamp(&c.stamp)
            .text(&c.note)
            .text(&c.stamp.annotator);
        commitments.row(&r)?;
    }
    for s in &d.stances {
        let mut r = Row::new();
        r.id(d.id)
            .id(s.id)
            .id(s.statement)
            .span(statement_span(s.statement))
            .opt_id(s.holder)
            .text(s.holder.map_or("", actor_name));
        match &s.target {
            Some(StanceTarget::Actor(a)) => r
                .text("actor")
                .id(*a)
                .text(actor_name(*a))
                .text("")
                .text(""),
            Some(StanceTarget::Topic(t)) => r
                .text("topic")
                .text("")
                .text("")
                .text(t)
                .text(cb.label(CodebookList::Topics, t)),
            None => r.text("").text("").text("").text("").text(""),
        };
        r.text(&s.polarity)
            .text(cb.label(CodebookList::Polarities, &s.polarity))
            .text(&s.intensity)
            .text(cb.label(CodebookList::Intensities, &s.intensity))
            .opt(s.cameo.as_deref())
            .stamp(&s.stamp)
            .text(&s.note)
            .text(&s.stamp.annotator);
        stances.row(&r)?;
    }
    for t in &d.tags {
        let mut r = Row::new();
        r.id(d.id)
            .id(t.id)
            .span(&t.span)
            .text(&t.category)
            .text(cb.label(CodebookList::TagCategories, &t.category))
            .owned(if t.attributes.is_empty() {
                String::new()
            } else {
                serde_json::to_string(&t.attributes)?
            })
            .stamp(&t.stamp)
            .text(&t.note)
            .text(&t.stamp.annotator);
        tags.row(&r)?;
    }
    for l in &d.links {
        let kind = |id: Id| d.annotation(id).map_or("", |a| a.kind().label());
        let mut r = Row::new();
        r.id(d.id)
            .id(l.id)
            .id(l.from)
            .text(kind(l.from))
            .id(l.to)
            .text(kind(l.to))
            .text(&l.label)
            .text(cb.label(CodebookList::LinkTypes, &l.label))
            .stamp(&l.stamp)
            .text(&l.note)
            .text(&l.stamp.annotator);
        links.row(&r)?;
    }
    Ok(())
}
