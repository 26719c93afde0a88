//! REFI-QDA project (`project.qdpx`): a zip holding `project.qde` (QDA-XML, namespace
//! `urn:QDA-XML:project:1.0`, element order as in the published Project.xsd) and each
//! document's text as `sources/GUID.txt`.
//!
//! The codebook becomes codes (one parent per list, plus the actors and Demarche's own
//! kinds of annotation), documents become text sources, each annotation a coded
//! `PlainTextSelection` (one per range of a discontinuous span) carrying every field as a
//! coding or in its description, notes become `Note`s referenced from what they annotate,
//! and links become `Link`s between selections. Positions count code points.

use super::{ExportError, Progress, Sink};
use crate::model::{CodebookList, Document, Id, Project, Span, Stamp, StanceTarget};
use chrono::{DateTime, SecondsFormat, Utc};
use quick_xml::escape::escape;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Write as _;

/// A stable GUID for anything in the project, so re-exports diff cleanly and other tools
/// recognise the same codes on a second import.
fn guid(project: &Project, what: &str) -> String {
    let digest = Sha256::digest(format!("{}\u{0}{what}", project.meta.name).as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}

fn time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

const KINDS: [&str; 5] = [
    "Mention",
    "Statement",
    "Attribution cue",
    "Commitment",
    "Stance",
];

struct Writer<'p> {
    project: &'p Project,
    notes: String,
    users: BTreeMap<String, String>,
}

impl Writer<'_> {
    fn user(&mut self, name: &str) -> String {
        let project = self.project;
        self.users
            .entry(name.to_owned())
            .or_insert_with(|| guid(project, &format!("user/{name}")))
            .clone()
    }

    /// A `Note` in the project's notes, returning the `NoteRef` that points at it.
    fn note(&mut self, key: &str, title: &str, text: &str, stamp: Option<&Stamp>) -> String {
        let g = guid(self.project, &format!("note/{key}"));
        let user = stamp.map(|s| {
            let u = self.user(&s.annotator);
            format!(
                " creatingUser=\"{u}\" creationDateTime=\"{}\"",
                time(&s.created)
            )
        });
        let _ = writeln!(
            self.notes,
            "<Note guid=\"{g}\" name=\"{}\"{}><PlainTextContent>{}</PlainTextContent></Note>",
            escape(title),
            user.unwrap_or_default(),
            escape(text)
        );
        format!("<NoteRef targetGUID=\"{g}\"/>")
    }
}

fn code_guid(project: &Project, list: &str, key: &str) -> String {
    guid(project, &format!("code/{list}/{key}"))
}

fn actor_code(project: &Project, id: Id) -> String {
    guid(project, &format!("actor/{}", id.0))
}

pub(super) fn write(
    project: &Project,
    sink: &mut Sink,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), ExportError> {
    let cb = &project.codebook;
    let mut w = Writer {
        project,
        notes: String::new(),
        users: BTreeMap::new(),
    };

    // Codes.
    let mut codes = String::new();
    codes.push_str(&format!(
        "<Code guid=\"{}\" name=\"Demarche annotation kinds\" isCodable=\"false\">\n",
        guid(project, "code/kinds")
    ));
    for kind in KINDS {
        let _ = writeln!(
            codes,
            "<Code guid=\"{}\" name=\"{kind}\" isCodable=\"true\"/>",
            code_guid(project, "kind", kind)
        );
    }
    codes.push_str("</Code>\n");
    let _ = writeln!(
        codes,
        "<Code guid=\"{}\" name=\"Actors\" isCodable=\"false\">",
        guid(project, "code/actors")
    );
    for a in &project.actors {
        let mut desc = format!("Kind: {}", cb.label(CodebookList::ActorKinds, &a.kind));
        for (label, value) in [
            ("Aliases", a.aliases.join("; ")),
            ("ISO 3166", a.iso3.clone().unwrap_or_default()),
            ("CAMEO", a.cameo.clone().unwrap_or_default()),
            ("Wikidata", a.wikidata.clone().unwrap_or_default()),
            (
                "Affiliation",
                a.affiliation
                    .and_then(|x| project.actor(x))
                    .map(|x| x.name.clone())
                    .unwrap_or_default(),
            ),
            ("Role", a.role.clone()),
            ("Note", a.note.clone()),
        ] {
            if !value.is_empty() {
                let _ = write!(desc, "\n{label}: {value}");
            }
        }
        let _ = writeln!(
            codes,
            "<Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"{}\"><Description>{}</Description></Code>",
            actor_code(project, a.id),
            escape(&a.name),
            a.colour.to_hex(),
            escape(&desc)
        );
    }
    codes.push_str("</Code>\n");
    for list in CodebookList::ALL {
        let _ = writeln!(
            codes,
            "<Code guid=\"{}\" name=\"{}\" isCodable=\"false\">",
            guid(project, &format!("code/{list:?}")),
            escape(list.label())
        );
        for e in cb.list(list) {
            let mut desc = format!("Key: {}", e.key);
            if !e.description.is_empty() {
                let _ = write!(desc, "\n{}", e.description);
            }
            if let Some(c) = &e.cameo {
                let _ = write!(desc, "\nCAMEO: {c}");
            }
            if e.retired {
                desc.push_str("\nRetired");
            }
            let _ = writeln!(
                codes,
                "<Code guid=\"{}\" name=\"{}\" isCodable=\"true\"><Description>{}</Description></Code>",
                code_guid(project, &format!("{list:?}"), &e.key),
                escape(&e.label),
                escape(&desc)
            );
        }
        codes.push_str("</Code>\n");
    }

    // Sources.
    let mut sources = String::new();
    let mut texts: Vec<(String, &str)> = Vec::new();
    let mut links = String::new();
    let total = project.documents.len();
    for (n, doc) in project.documents.iter().enumerate() {
        let src = guid(project, &format!("doc/{}", doc.id.0));
        texts.push((src.clone(), doc.text()));
        source(&mut w, doc, &src, &mut sources, &mut links, sink);
        progress(Progress { done: n + 1, total });
    }

    // Users are known only once every stamp has been seen.
    let owner = w.user("Demarche");
    let mut xml = String::with_capacity(codes.len() + sources.len() + w.notes.len() + 4096);
    let _ = writeln!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" \
         name=\"{}\" origin=\"Demarche {}\" creatingUserGUID=\"{owner}\" creationDateTime=\"{}\">",
        escape(&project.meta.name),
        env!("CARGO_PKG_VERSION"),
        time(&project.meta.created)
    );
    xml.push_str("<Users>\n");
    for (name, g) in &w.users {
        let _ = writeln!(xml, "<User guid=\"{g}\" name=\"{}\"/>", escape(name));
    }
    xml.push_str("</Users>\n<CodeBook><Codes>\n");
    xml.push_str(&codes);
    xml.push_str("</Codes></CodeBook>\n");
    if !sources.is_empty() {
        xml.push_str("<Sources>\n");
        xml.push_str(&sources);
        xml.push_str("</Sources>\n");
    }
    if !w.notes.is_empty() {
        xml.push_str("<Notes>\n");
        xml.push_str(&w.notes);
        xml.push_str("</Notes>\n");
    }
    if !links.is_empty() {
        xml.push_str("<Links>\n");
        xml.push_str(&links);
        xml.push_str("</Links>\n");
    }
    if !project.meta.description.is_empty() {
        let _ = writeln!(
            xml,
            "<Description>{}</Description>",
            escape(&project.meta.description)
        );
    }
    xml.push_str("</Project>\n");

    let name = "project.qdpx";
    let file = sink.create(name)?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("project.qde", options)?;
    zip.write_all(xml.as_bytes())
        .map_err(|e| sink.io(name, e))?;
    for (g, text) in texts {
        zip.start_file(format!("sources/{g}.txt"), options)?;
        zip.write_all(text.as_bytes())
            .map_err(|e| sink.io(name, e))?;
    }
    let mut file = zip.finish()?;
    file.flush().map_err(|e| sink.io(name, e))
}

fn source(
    w: &mut Writer,
    doc: &Document,
    src: &str,
    out: &mut String,
    links: &mut String,
    sink: &mut Sink,
) {
    let project = w.project;
    let cb = &project.codebook;
    let kind_code = |k: &str| code_guid(project, "kind", k);
    let list_code = |l: CodebookList, key: &str| code_guid(project, &format!("{l:?}"), key);
    let mut desc = String::new();
    for (label, value) in [
        ("Source", doc.meta.source.clone()),
        (
            "Date",
            doc.meta.date.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("Byline", doc.meta.byline.clone()),
        ("Issuer", project.issuer_names(doc)),
        ("URL", doc.meta.url.clone()),
        ("Language", doc.meta.language.clone()),
        ("Status", doc.meta.progress_summary()),
    ] {
        if !value.is_empty() {
            let _ = writeln!(desc, "{label}: {value}");
        }
    }
    for (k, v) in &doc.meta.custom {
        let _ = writeln!(desc, "{k}: {v}");
    }
    let _ = writeln!(
        out,
        "<TextSource guid=\"{src}\" name=\"{}\" plainTextPath=\"internal://{src}.txt\" creationDateTime=\"{}\">",
        escape(&doc.meta.title),
        time(&doc.origin.imported)
    );
    if !desc.is_empty() {
        let _ = writeln!(
            out,
            "<Description>{}</Description>",
            escape(desc.trim_end())
        );
    }
    // The selection standing for each annotation, for links between them.
    let mut selection_of: HashMap<Id, String> = HashMap::new();
    let mut emit = |w: &mut Writer,
                    out: &mut String,
                    id: Id,
                    name: &str,
                    span: &Span,
                    codes: &[String],
                    description: &str,
                    stamp: &Stamp,
                    note: &str| {
        let user = w.user(&stamp.annotator);
        let note_ref = if note.is_empty() {
            String::new()
        } else {
            w.note(
                &format!("{}", id.0),
                &format!("Note on {name}"),
                note,
                Some(stamp),
            )
        };
        let parts = span.ranges.len();
        for (i, r) in span.ranges.iter().enumerate() {
            let key = if i == 0 {
                format!("sel/{}", id.0)
            } else {
                format!("sel/{}/{i}", id.0)
            };
            let g = guid(project, &key);
            if i == 0 {
                selection_of.insert(id, g.clone());
            }
            let label = if parts > 1 {
                format!("{name} (part {} of {parts})", i + 1)
            } else {
                name.to_owned()
            };
            let _ = write!(
                out,
                "<PlainTextSelection guid=\"{g}\" name=\"{}\" startPosition=\"{}\" endPosition=\"{}\" \
                 creatingUser=\"{user}\" creationDateTime=\"{}\" modifyingUser=\"{user}\" modifiedDateTime=\"{}\">",
                escape(&label),
                r.start,
                r.end,
                time(&stamp.created),
                time(&stamp.modified)
            );
            if !description.is_empty() {
                let _ = write!(out, "<Description>{}</Description>", escape(description));
            }
            for (c, code) in codes.iter().enumerate() {
                let cg = guid(project, &format!("{key}/coding/{c}"));
                let _ = write!(
                    out,
                    "<Coding guid=\"{cg}\" creatingUser=\"{user}\" creationDateTime=\"{}\"><CodeRef targetGUID=\"{code}\"/></Coding>",
                    time(&stamp.created)
                );
            }
            out.push_str(&note_ref);
            out.push_str("</PlainTextSelection>\n");
        }
    };
    let actor_name = |id: Id| project.actor(id).map_or("?", |a| a.name.as_str());
    for m in &doc.mentions {
        let codes = [kind_code("Mention"), actor_code(project, m.actor)];
        let name = format!("Mention of {}", actor_name(m.actor));
        emit(w, out, m.id, &name, &m.span, &codes, "", &m.stamp, &m.note);
    }
    let empty = Span::default();
    let statement_span =
        |id: Id| crate::model::ids::find(&doc.statements, id).map_or(&empty, |s| &s.span);
    for s in &doc.statements {
        let mut codes = vec![
            kind_code("Statement"),
            list_code(CodebookList::AttributionModes, &s.attribution),
        ];
        codes.extend(s.speaker.map(|a| actor_code(project, a)));
        let desc = format!(
            "Speaker: {}\nAttribution: {}",
            s.speaker.map_or("none", actor_name),
            cb.label(CodebookList::AttributionModes, &s.attribution)
        );
        emit(
            w,
            out,
            s.id,
            "Statement",
            &s.span,
            &codes,
            &desc,
            &s.stamp,
            &s.note,
        );
        if let Some(cue) = &s.cue {
            let cue_id = Id(u64::MAX - s.id.0); // a key of its own; never a project id
            let codes = [kind_code("Attribution cue")];
            emit(
                w,
                out,
                cue_id,
                "Attribution cue",
                cue,
                &codes,
                "",
                &s.stamp,
                "",
            );
        }
    }
    for c in &doc.commitments {
        let mut codes = vec![
            kind_code("Commitment"),
            list_code(CodebookList::CommitmentCategories, &c.category),
            list_code(CodebookList::Contexts, &c.context),
            list_code(CodebookList::Strengths, &c.strength),
            list_code(CodebookList::TimeHorizons, &c.time_horizon),
        ];
        codes.extend(c.committer.map(|a| actor_code(project, a)));
        codes.extend(c.addressees.iter().map(|&a| actor_code(project, a)));
        let mut desc = format!(
            "Committer: {}\nAddressees: {}\nCategory: {}\nContext: {}\nStrength: {}\nTime horizon: {}",
            c.committer.map_or("none", actor_name),
            c.addressees
                .iter()
                .map(|&a| actor_name(a))
                .collect::<Vec<_>>()
                .join("; "),
            cb.label(CodebookList::CommitmentCategories, &c.category),
            cb.label(CodebookList::Contexts, &c.context),
            cb.label(CodebookList::Strengths, &c.strength),
            cb.label(CodebookList::TimeHorizons, &c.time_horizon),
        );
        for (label, value) in [
            ("Action", c.action.as_str()),
            ("Conditions", c.conditions.as_str()),
            ("CAMEO", c.cameo.as_deref().unwrap_or("")),
        ] {
            if !value.is_empty() {
                let _ = write!(desc, "\n{label}: {value}");
            }
        }
        let span = statement_span(c.statement);
        emit(
            w,
            out,
            c.id,
            "Commitment",
            span,
            &codes,
            &desc,
            &c.stamp,
            &c.note,
        );
    }
    for s in &doc.stances {
        let mut codes = vec![
            kind_code("Stance"),
            list_code(CodebookList::Polarities, &s.polarity),
            list_code(CodebookList::Intensities, &s.intensity),
        ];
        codes.extend(s.holder.map(|a| actor_code(project, a)));
        let target = match &s.target {
            Some(StanceTarget::Actor(a)) => {
                codes.push(actor_code(project, *a));
                actor_name(*a).to_owned()
            }
            Some(StanceTarget::Topic(t)) => {
                codes.push(list_code(CodebookList::Topics, t));
                cb.label(CodebookList::Topics, t).to_owned()
            }
            None => "none".into(),
        };
        let mut desc = format!(
            "Holder: {}\nTarget: {target}\nPolarity: {}\nIntensity: {}",
            s.holder.map_or("none", actor_name),
            cb.label(CodebookList::Polarities, &s.polarity),
            cb.label(CodebookList::Intensities, &s.intensity),
        );
        if let Some(c) = &s.cameo {
            let _ = write!(desc, "\nCAMEO: {c}");
        }
        let span = statement_span(s.statement);
        emit(
            w, out, s.id, "Stance", span, &codes, &desc, &s.stamp, &s.note,
        );
    }
    for t in &doc.tags {
        let codes = [list_code(CodebookList::TagCategories, &t.category)];
        let desc = t
            .attributes
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("\n");
        let name = format!(
            "Tag: {}",
            cb.label(CodebookList::TagCategories, &t.category)
        );
        emit(
            w, out, t.id, &name, &t.span, &codes, &desc, &t.stamp, &t.note,
        );
    }
    if !doc.meta.note.is_empty() {
        let note_ref = w.note(
            &format!("doc/{}", doc.id.0),
            &format!("Note on {}", doc.meta.title),
            &doc.meta.note,
            None,
        );
        out.push_str(&note_ref);
    }
    out.push_str("</TextSource>\n");
    for l in &doc.links {
        let (Some(from), Some(to)) = (selection_of.get(&l.from), selection_of.get(&l.to)) else {
            sink.left_out(format!(
                "document {}: link {} ({}) joins a link, which REFI-QDA links cannot",
                doc.id, l.id, l.label
            ));
            continue;
        };
        let g = guid(project, &format!("link/{}", l.id.0));
        let note_ref = if l.note.is_empty() {
            String::new()
        } else {
            w.note(
                &format!("{}", l.id.0),
                &format!("Note on link {}", l.label),
                &l.note,
                Some(&l.stamp),
            )
        };
        let _ = writeln!(
            links,
            "<Link guid=\"{g}\" name=\"{}\" direction=\"OneWay\" originGUID=\"{from}\" targetGUID=\"{to}\">{note_ref}</Link>",
            escape(cb.label(CodebookList::LinkTypes, &l.label))
        );
    }
}
