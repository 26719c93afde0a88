//! Builds the bundled demo project, `project-files/demo.ron`:
//!
//! ```sh
//! cargo run --example build_demo
//! ```
//!
//! Three invented wire-style articles, annotated through the model's edits. Spans are found
//! by searching for phrases (never typed as offsets), so they are always right; timestamps
//! are fixed and the annotator is "demo", so every run writes the same bytes.

use anyhow::{Context, Result, bail, ensure};
use chrono::{DateTime, NaiveDate, Utc};
use demarche::edit::Edit;
use demarche::model::{
    Actor, Annotation, Commitment, DocStatus, Document, DocumentMeta, Id, IdAllocator, LineEndings,
    Link, Mention, Origin, Project, Span, Stamp, Stance, StanceTarget, Statement, Tag,
};
use std::path::{Path, PathBuf};

/// Where the demo is written, relative to the crate root.
pub const DEMO_PATH: &str = "project-files/demo.ron";

const ANNOTATOR: &str = "demo";
const CREATED: &str = "2025-09-30T12:00:00Z";
const ANNOTATED: &str = "2025-10-01T09:00:00Z";

const BOGOTA: &str = "\
BOGOTÁ, March 14 (Meridian) — Chinese Foreign Minister Wang Yi (王毅) and his counterparts from Latin America and the Caribbean pledged on Friday to deepen cooperation in trade, infrastructure and clean energy at a ministerial meeting in Bogotá.

“China is ready to work with Latin American and Caribbean countries to build a community with a shared future,” Wang told reporters after the talks, adding that Beijing would host the next ministerial meeting of the China–CELAC Forum in 2027.

Colombian Foreign Minister Camila Arango Ruiz, who chaired the meeting, said the region wanted “partnerships, not dependency.” She said Colombia would propose a joint working group on rail and port investment before the end of the year, provided that financing terms were made public.

Brazil’s top diplomat, Helena Prado Coutinho, said her country was willing to host a follow-up business forum in São Paulo if enough member states took part. Brazil, she added, opposed “any attempt to divide the region into spheres of influence.”

China’s top diplomat said Beijing firmly supported the integration of Latin America and the Caribbean and respected the right of every country to choose its own development path. He also criticised unilateral sanctions, which he said “hurt ordinary people most.”

According to a draft declaration seen by Meridian, the ministers are expected to adopt a joint plan of action for 2025–2027 covering agriculture, science and people-to-people exchanges.
";

const BRASILIA: &str = "\
BRASÍLIA, April 2 (Meridian) — Brazil and China pledged to expand cooperation on green industry and food security in a joint statement issued on Wednesday at the end of a three-day visit by Chinese Foreign Minister Wang Yi.

In the statement, the two sides said they “will establish a working group on the energy transition within six months” and would hold its first meeting in São Paulo. China also intends to double its purchases of Brazilian soybeans and beef over the next five years, the statement said.

Brazilian Foreign Minister Helena Prado Coutinho called the visit “a new chapter in a partnership that matters well beyond our two countries.”

“We are ready to study a currency-swap arrangement for trade settlement — subject, of course, to the approval of our central banks,” Prado Coutinho told a joint press conference. Wang said the two countries shared “a common commitment to multilateralism and to a fairer international order.”

Both governments “reaffirm their support for the World Trade Organization” and reject protectionism, according to the text.

Analysts in São Paulo noted that the document contained few figures — a sign, one said, that the hardest negotiations still lay ahead.
";

const NEW_YORK: &str = "\
UNITED NATIONS, Sept. 24 (Meridian) — Small island states urged major economies on Wednesday to honour their climate-finance pledges, at a side meeting on the margins of the UN General Assembly’s high-level week in New York.

“For us, sea-level rise is not a forecast — it is the evening news,” said Fiji’s foreign minister, Litia Naivalu, who spoke on behalf of the Alliance of Small Island States (AOSIS). She said the group would table a resolution on loss and damage at the next session of the General Assembly.

Colombia’s Camila Arango Ruiz said her government was prepared to co-sponsor the text and could contribute to a regional early-warning fund if other donors matched its pledge. The Colombian minister called the current pace of disbursement “unacceptable.”

Wang Yi, who also attended, said China would continue South–South climate cooperation and “never seeks to impose its will on others.” The Chinese foreign minister did not say whether Beijing would contribute to the fund.

A spokesperson for the United Nations said the Secretary-General welcomed the initiative. Diplomats said several European delegations were cautious about new financial commitments before the next climate conference.
";

fn main() -> Result<()> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEMO_PATH);
    let project = build()?;
    let backup = backup_path(&path);
    let had_backup = backup.exists();
    demarche::persist::save(&project, &path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    // The demo is generated from this file; a backup of the previous generation is only
    // clutter in the repository.
    if !had_backup && backup.exists() {
        std::fs::remove_file(&backup)
            .with_context(|| format!("cannot remove {}", backup.display()))?;
    }
    println!("{}: {}", path.display(), project.counts());
    Ok(())
}

fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// The demo project, built from scratch through edits.
pub fn build() -> Result<Project> {
    let mut b = Builder::new()?;
    let a = add_actors(&mut b)?;
    bogota(&mut b, &a)?;
    brasilia(&mut b, &a)?;
    new_york(&mut b, &a)?;
    Ok(b.project)
}

fn time(rfc3339: &str) -> Result<DateTime<Utc>> {
    rfc3339
        .parse()
        .with_context(|| format!("bad timestamp {rfc3339}"))
}

fn date(iso: &str) -> Result<NaiveDate> {
    iso.parse().with_context(|| format!("bad date {iso}"))
}

/// Builds the project one edit at a time, with fresh ids and fixed stamps.
struct Builder {
    project: Project,
    ids: IdAllocator,
    stamp: Stamp,
}

impl Builder {
    fn new() -> Result<Self> {
        let mut project = Project::new("Demarche demo");
        project.meta.created = time(CREATED)?;
        project.meta.description = "Three invented wire-style articles (the Meridian agency, \
            the Colombian, Brazilian and Fijian ministers and every quotation are fictional), \
            annotated to show what Demarche records: actors, mentions, statements, \
            commitments, stances, tags, links and notes."
            .to_owned();
        Ok(Self {
            // Small ids, as the demo has always had: it is one analyst's single file, and
            // ids minted later in the window go to that analyst's own block.
            ids: IdAllocator::after(project.highest_id()),
            project,
            stamp: Stamp {
                annotator: ANNOTATOR.to_owned(),
                created: time(ANNOTATED)?,
                modified: time(ANNOTATED)?,
            },
        })
    }

    fn apply(&mut self, edit: Edit) -> Result<()> {
        edit.apply(&mut self.project)?;
        Ok(())
    }

    fn actor(&mut self, name: &str, kind: &str, fill: impl FnOnce(&mut Actor)) -> Result<Id> {
        let mut actor = Actor::new(self.ids.fresh()?, name, kind);
        actor.colour = self.project.colour_for_new_actor(&[]);
        fill(&mut actor);
        let id = actor.id;
        self.apply(Edit::AddActor(actor))?;
        Ok(id)
    }

    fn document(&mut self, meta: DocumentMeta, file: &str, text: &str) -> Result<Id> {
        let origin = Origin {
            path: Some(format!("articles/{file}")),
            format: "text".to_owned(),
            encoding: "UTF-8".to_owned(),
            line_endings: LineEndings::Lf,
            file_fingerprint: None,
            imported: time(ANNOTATED)?,
        };
        let id = self.ids.fresh()?;
        let doc = Document::new(id, meta, origin, text.to_owned());
        self.apply(Edit::AddDocument(Box::new(doc)))?;
        Ok(id)
    }

    /// The span a pattern picks out. The pattern, without its square brackets, must occur
    /// exactly once in the text; the bracketed parts are the span's ranges (several make a
    /// discontinuous span). Without brackets the whole pattern is the span.
    fn span(&self, doc: Id, pattern: &str) -> Result<Span> {
        let document = self
            .project
            .document(doc)
            .with_context(|| format!("no document {doc}"))?;
        let context: String = pattern
            .chars()
            .filter(|c| !matches!(c, '[' | ']'))
            .collect();
        let text = document.text();
        let mut found = text.match_indices(context.as_str()).map(|(at, _)| at);
        let Some(at) = found.next() else {
            bail!("{context:?} is not in document {doc}");
        };
        ensure!(
            found.next().is_none(),
            "{context:?} occurs more than once in document {doc}; quote more of it"
        );
        let mut byte_ranges = Vec::new();
        let (mut offset, mut open) = (at, None);
        for ch in pattern.chars() {
            match ch {
                '[' => open = Some(offset),
                ']' => {
                    let start = open.take().context("']' without '['")?;
                    byte_ranges.push((start, offset));
                }
                _ => offset += ch.len_utf8(),
            }
        }
        if byte_ranges.is_empty() {
            byte_ranges.push((at, at + context.len()));
        }
        let index = document.index();
        let mut ranges = Vec::new();
        for (start, end) in byte_ranges {
            let chars = index.char_of(start).zip(index.char_of(end));
            ranges.push(chars.context("a bracket splits a character")?);
        }
        Span::from_ranges(text, index, ranges)
            .with_context(|| format!("{pattern:?} gives an empty or overlapping span"))
    }

    fn annotate(&mut self, doc: Id, annotation: Annotation) -> Result<Id> {
        let id = annotation.id();
        self.apply(Edit::AddAnnotation {
            document: doc,
            annotation,
        })
        .with_context(|| format!("cannot add {id} to document {doc}"))?;
        Ok(id)
    }

    fn mention(&mut self, doc: Id, pattern: &str, actor: Id) -> Result<Id> {
        let mention = Mention {
            id: self.ids.fresh()?,
            span: self.span(doc, pattern)?,
            actor,
            stamp: self.stamp.clone(),
            note: String::new(),
        };
        self.annotate(doc, Annotation::Mention(mention))
    }

    /// A statement: its content, who said it, how it is attributed and the cue.
    fn statement(
        &mut self,
        doc: Id,
        content: &str,
        speaker: Option<Id>,
        attribution: &str,
        cue: Option<&str>,
    ) -> Result<Id> {
        let cue = cue.map(|c| self.span(doc, c)).transpose()?;
        let statement = Statement {
            id: self.ids.fresh()?,
            span: self.span(doc, content)?,
            speaker,
            attribution: attribution.to_owned(),
            cue,
            stamp: self.stamp.clone(),
            note: String::new(),
        };
        self.annotate(doc, Annotation::Statement(statement))
    }

    /// A commitment on `statement`; `c` gives everything but the id, statement and stamp.
    fn commitment(&mut self, doc: Id, statement: Id, c: Commitment) -> Result<Id> {
        let commitment = Commitment {
            id: self.ids.fresh()?,
            statement,
            stamp: self.stamp.clone(),
            ..c
        };
        self.annotate(doc, Annotation::Commitment(commitment))
    }

    /// A stance on `statement`; `s` gives everything but the id, statement and stamp.
    fn stance(&mut self, doc: Id, statement: Id, s: Stance) -> Result<Id> {
        let stance = Stance {
            id: self.ids.fresh()?,
            statement,
            stamp: self.stamp.clone(),
            ..s
        };
        self.annotate(doc, Annotation::Stance(stance))
    }

    fn tag(
        &mut self,
        doc: Id,
        pattern: &str,
        category: &str,
        attributes: &[(&str, &str)],
    ) -> Result<Id> {
        let tag = Tag {
            id: self.ids.fresh()?,
            span: self.span(doc, pattern)?,
            category: category.to_owned(),
            attributes: attributes
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            stamp: self.stamp.clone(),
            note: String::new(),
        };
        self.annotate(doc, Annotation::Tag(tag))
    }

    fn link(&mut self, doc: Id, from: Id, label: &str, to: Id) -> Result<Id> {
        let link = Link {
            id: self.ids.fresh()?,
            from,
            to,
            label: label.to_owned(),
            stamp: self.stamp.clone(),
            note: String::new(),
        };
        self.annotate(doc, Annotation::Link(link))
    }

    /// Sets an annotation's note (an analyst's memo) through an update edit.
    fn note(&mut self, doc: Id, id: Id, note: &str) -> Result<()> {
        let mut annotation = self
            .project
            .document(doc)
            .and_then(|d| d.annotation(id))
            .with_context(|| format!("no annotation {id} in document {doc}"))?;
        let slot = match &mut annotation {
            Annotation::Mention(a) => &mut a.note,
            Annotation::Statement(a) => &mut a.note,
            Annotation::Commitment(a) => &mut a.note,
            Annotation::Stance(a) => &mut a.note,
            Annotation::Tag(a) => &mut a.note,
            Annotation::Link(a) => &mut a.note,
        };
        *slot = note.to_owned();
        self.apply(Edit::UpdateAnnotation {
            document: doc,
            annotation,
        })
    }
}

/// A commitment with the commonest values; fields are overridden where it is used.
fn pledge(committer: Id, addressees: &[Id], action: &str) -> Commitment {
    Commitment {
        id: Id(0),
        statement: Id(0),
        committer: Some(committer),
        addressees: addressees.to_vec(),
        action: action.to_owned(),
        category: "AGREE".to_owned(),
        cameo: None,
        context: "diplomatic".to_owned(),
        strength: "certain".to_owned(),
        conditions: String::new(),
        time_horizon: "unspecified".to_owned(),
        stamp: Stamp {
            annotator: String::new(),
            created: DateTime::UNIX_EPOCH,
            modified: DateTime::UNIX_EPOCH,
        },
        note: String::new(),
    }
}

/// A stance of `holder` on a codebook topic; fields are overridden where it is used.
fn view(holder: Option<Id>, topic: &str, polarity: &str, intensity: &str) -> Stance {
    Stance {
        id: Id(0),
        statement: Id(0),
        holder,
        target: Some(StanceTarget::Topic(topic.to_owned())),
        polarity: polarity.to_owned(),
        intensity: intensity.to_owned(),
        cameo: None,
        stamp: Stamp {
            annotator: String::new(),
            created: DateTime::UNIX_EPOCH,
            modified: DateTime::UNIX_EPOCH,
        },
        note: String::new(),
    }
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// The actor registry.
struct Actors {
    china: Id,
    wang: Id,
    colombia: Id,
    arango: Id,
    celac: Id,
    brazil: Id,
    prado: Id,
    wto: Id,
    fiji: Id,
    naivalu: Id,
    aosis: Id,
    un: Id,
    unga: Id,
    secretary_general: Id,
}

fn add_actors(b: &mut Builder) -> Result<Actors> {
    let state = |iso3: &'static str, wikidata: &'static str, aliases: &'static [&'static str]| {
        move |a: &mut Actor| {
            a.iso3 = Some(iso3.to_owned());
            a.cameo = Some(iso3.to_owned());
            a.wikidata = Some(wikidata.to_owned());
            a.aliases = words(aliases);
        }
    };
    let china = b.actor(
        "China",
        "state",
        state("CHN", "Q148", &["Beijing", "Chinese"]),
    )?;
    let wang = b.actor("Wang Yi", "person", |a| {
        a.aliases = words(&["王毅", "Wang"]);
        a.cameo = Some("CHNGOV".to_owned());
        a.affiliation = Some(china);
        a.role = "Foreign Minister".to_owned();
    })?;
    let colombia = b.actor(
        "Colombia",
        "state",
        state("COL", "Q739", &["Colombian", "Bogotá"]),
    )?;
    let arango = b.actor("Camila Arango Ruiz", "person", |a| {
        a.aliases = words(&["Arango Ruiz", "Arango"]);
        a.cameo = Some("COLGOV".to_owned());
        a.affiliation = Some(colombia);
        a.role = "Foreign Minister".to_owned();
        a.note = "Fictional minister, invented for the demo.".to_owned();
    })?;
    let celac = b.actor(
        "Community of Latin American and Caribbean States",
        "regional_group",
        |a| {
            a.aliases = words(&["CELAC", "Latin America and the Caribbean"]);
            a.note = "Also coded for “Latin America and the Caribbean” where the article \
                speaks of the region as a bloc."
                .to_owned();
        },
    )?;
    let brazil = b.actor(
        "Brazil",
        "state",
        state("BRA", "Q155", &["Brazilian", "Brasília"]),
    )?;
    let prado = b.actor("Helena Prado Coutinho", "person", |a| {
        a.aliases = words(&["Prado Coutinho"]);
        a.cameo = Some("BRAGOV".to_owned());
        a.affiliation = Some(brazil);
        a.role = "Minister of Foreign Affairs".to_owned();
        a.note = "Fictional minister, invented for the demo.".to_owned();
    })?;
    let wto = b.actor("World Trade Organization", "international_org", |a| {
        a.aliases = words(&["WTO"]);
        a.cameo = Some("IGOWTO".to_owned());
    })?;
    let fiji = b.actor("Fiji", "state", state("FJI", "Q712", &["Fijian"]))?;
    let naivalu = b.actor("Litia Naivalu", "person", |a| {
        a.aliases = words(&["Naivalu"]);
        a.cameo = Some("FJIGOV".to_owned());
        a.affiliation = Some(fiji);
        a.role = "Minister for Foreign Affairs; AOSIS spokesperson".to_owned();
        a.note = "Fictional minister, invented for the demo.".to_owned();
    })?;
    let aosis = b.actor("Alliance of Small Island States", "regional_group", |a| {
        a.aliases = words(&["AOSIS", "small island states"]);
    })?;
    let un = b.actor("United Nations", "international_org", |a| {
        a.aliases = words(&["UN", "U.N."]);
        a.cameo = Some("IGOUNO".to_owned());
        a.wikidata = Some("Q1065".to_owned());
    })?;
    let unga = b.actor("UN General Assembly", "international_org", |a| {
        a.aliases = words(&["General Assembly", "UNGA"]);
        a.cameo = Some("IGOUNO".to_owned());
        a.affiliation = Some(un);
    })?;
    let secretary_general = b.actor("UN Secretary-General", "person", |a| {
        a.aliases = words(&["Secretary-General"]);
        a.cameo = Some("IGOUNO".to_owned());
        a.affiliation = Some(un);
        a.role = "Secretary-General of the United Nations".to_owned();
        a.note = "The office, as the article names it; no person is named.".to_owned();
    })?;
    Ok(Actors {
        china,
        wang,
        colombia,
        arango,
        celac,
        brazil,
        prado,
        wto,
        fiji,
        naivalu,
        aosis,
        un,
        unga,
        secretary_general,
    })
}

/// A foreign ministers' meeting: China and the CELAC states in Bogotá.
fn bogota(b: &mut Builder, a: &Actors) -> Result<()> {
    let meta = DocumentMeta {
        title: "China and Latin American ministers pledge deeper cooperation at Bogotá meeting"
            .to_owned(),
        source: "Meridian".to_owned(),
        date: Some(date("2025-03-14")?),
        byline: "Meridian staff".to_owned(),
        language: "en".to_owned(),
        progress: [(ANNOTATOR.to_owned(), DocStatus::Done)].into(),
        note: "Invented article. Typical ministerial-meeting coverage: a joint pledge in the \
            lead, then each minister’s line."
            .to_owned(),
        ..DocumentMeta::default()
    };
    let d = b.document(meta, "2025-03-14-bogota-ministers.txt", BOGOTA)?;

    for (pattern, actor) in [
        ("Chinese Foreign Minister [Wang Yi] (", a.wang),
        ("[王毅]", a.wang),
        ("[Chinese] Foreign Minister Wang Yi (", a.china),
        (
            "his counterparts from [Latin America and the Caribbean]",
            a.celac,
        ),
        ("“[China] is ready", a.china),
        ("[Latin American and Caribbean countries]", a.celac),
        ("[Wang] told reporters", a.wang),
        ("adding that [Beijing] would host", a.china),
        ("the China–[CELAC] Forum", a.celac),
        ("[Colombian] Foreign Minister Camila", a.colombia),
        ("[Colombian Foreign Minister Camila Arango Ruiz]", a.arango),
        ("[She] said Colombia", a.arango),
        ("She said [Colombia] would", a.colombia),
        ("[Brazil’s top diplomat]", a.prado),
        ("[Brazil]’s top diplomat", a.brazil),
        ("[Helena Prado Coutinho], said", a.prado),
        ("said [her country] was willing", a.brazil),
        ("[Brazil], she added", a.brazil),
        ("Brazil, [she] added", a.prado),
        ("[China’s top diplomat]", a.wang),
        ("[China]’s top diplomat", a.china),
        ("said [Beijing] firmly", a.china),
        ("[He] also criticised", a.wang),
        ("which [he] said", a.wang),
        ("the [ministers] are expected", a.celac),
    ] {
        b.mention(d, pattern, actor)?;
    }
    let ministers = b.mention(d, "[Chinese Foreign Minister Wang Yi (王毅)] and", a.wang)?;
    b.note(
        d,
        ministers,
        "The full designation with the Han name: one mention, nested over the others.",
    )?;

    let lead = b.statement(
        d,
        "Caribbean [pledged on Friday to deepen cooperation in trade, infrastructure and clean energy]",
        None,
        "narration",
        Some("[pledged] on Friday"),
    )?;
    b.commitment(
        d,
        lead,
        Commitment {
            category: "COOPERATE".to_owned(),
            context: "economic".to_owned(),
            ..pledge(
                a.china,
                &[a.celac],
                "deepen cooperation in trade, infrastructure and clean energy",
            )
        },
    )?;

    let ready = b.statement(
        d,
        "[“China is ready to work with Latin American and Caribbean countries to build a community with a shared future,”]",
        Some(a.wang),
        "direct",
        Some("Wang [told reporters]"),
    )?;
    b.commitment(
        d,
        ready,
        Commitment {
            strength: "possible".to_owned(),
            ..pledge(
                a.china,
                &[a.celac],
                "work with Latin American and Caribbean countries",
            )
        },
    )?;
    let shared_future = b.stance(
        d,
        ready,
        view(Some(a.wang), "multilateralism", "favor", "moderate"),
    )?;
    b.note(d, shared_future, "“Community with a shared future” is China’s standard formula for its vision of world order.")?;

    let host = b.statement(
        d,
        "adding that [Beijing would host the next ministerial meeting of the China–CELAC Forum in 2027]",
        Some(a.wang),
        "reported",
        Some("[adding that] Beijing"),
    )?;
    b.commitment(
        d,
        host,
        Commitment {
            category: "CONSULT".to_owned(),
            time_horizon: "medium_term".to_owned(),
            ..pledge(
                a.china,
                &[a.celac],
                "host the next China–CELAC ministerial meeting in 2027",
            )
        },
    )?;

    let partnerships = b.statement(
        d,
        "[the region wanted “partnerships, not dependency.”]",
        Some(a.arango),
        "reported",
        Some("meeting, [said] the region"),
    )?;
    let dependency = b.stance(
        d,
        partnerships,
        view(Some(a.arango), "development", "mixed", "moderate"),
    )?;
    b.note(
        d,
        dependency,
        "Welcomes partnership but warns against dependency — read as a hedge towards China.",
    )?;

    let working_group = b.statement(
        d,
        "She said [Colombia would propose a joint working group on rail and port investment before the end of the year, provided that financing terms were made public]",
        Some(a.arango),
        "reported",
        Some("[She said] Colombia"),
    )?;
    let proposal = b.commitment(
        d,
        working_group,
        Commitment {
            context: "economic".to_owned(),
            strength: "probable".to_owned(),
            conditions: "provided that financing terms were made public".to_owned(),
            time_horizon: "short_term".to_owned(),
            ..pledge(
                a.colombia,
                &[a.celac, a.china],
                "propose a joint working group on rail and port investment",
            )
        },
    )?;
    let link = b.link(d, proposal, "answers", dependency)?;
    b.note(
        d,
        link,
        "The transparency condition is how Colombia turns its worry about dependency into policy.",
    )?;

    let forum = b.statement(
        d,
        "said [her country was willing to host a follow-up business forum in São Paulo if enough member states took part]",
        Some(a.prado),
        "reported",
        Some("Coutinho, [said] her country"),
    )?;
    b.commitment(
        d,
        forum,
        Commitment {
            category: "CONSULT".to_owned(),
            context: "economic".to_owned(),
            strength: "possible".to_owned(),
            conditions: "if enough member states took part".to_owned(),
            ..pledge(
                a.brazil,
                &[a.celac],
                "host a follow-up business forum in São Paulo",
            )
        },
    )?;

    let spheres = b.statement(
        d,
        "[Brazil], she added, [opposed “any attempt to divide the region into spheres of influence.”]",
        Some(a.prado),
        "reported",
        Some("Brazil, [she added]"),
    )?;
    b.note(
        d,
        spheres,
        "Discontinuous: the cue “she added” sits inside the content.",
    )?;
    b.stance(
        d,
        spheres,
        view(Some(a.brazil), "sovereignty", "favor", "high"),
    )?;

    let integration = b.statement(
        d,
        "said [Beijing firmly supported the integration of Latin America and the Caribbean] and",
        Some(a.wang),
        "reported",
        Some("top diplomat [said] Beijing"),
    )?;
    b.stance(
        d,
        integration,
        Stance {
            cameo: Some("051".to_owned()),
            ..view(Some(a.china), "regional_integration", "favor", "high")
        },
    )?;
    let path = b.statement(
        d,
        "and [respected the right of every country to choose its own development path]",
        Some(a.wang),
        "reported",
        Some("top diplomat [said] Beijing"),
    )?;
    b.stance(
        d,
        path,
        view(Some(a.china), "sovereignty", "favor", "moderate"),
    )?;

    let sanctions = b.statement(
        d,
        "[He also criticised unilateral sanctions, which he said “hurt ordinary people most.”]",
        Some(a.wang),
        "reported",
        Some("He also [criticised]"),
    )?;
    let criticism = b.stance(
        d,
        sanctions,
        Stance {
            cameo: Some("111".to_owned()),
            ..view(Some(a.wang), "international_order", "against", "high")
        },
    )?;
    b.note(
        d,
        criticism,
        "Against unilateral sanctions as part of the present order; CAMEO 111 (criticize).",
    )?;

    let plan = b.statement(
        d,
        "[the ministers are expected to adopt a joint plan of action for 2025–2027 covering agriculture, science and people-to-people exchanges]",
        None,
        "reported",
        Some("[According to] a draft declaration"),
    )?;
    b.note(
        d,
        plan,
        "The source is a document, not an actor: no speaker.",
    )?;
    b.commitment(
        d,
        plan,
        Commitment {
            context: "development".to_owned(),
            strength: "probable".to_owned(),
            time_horizon: "medium_term".to_owned(),
            ..pledge(
                a.celac,
                &[a.china],
                "adopt a joint plan of action for 2025–2027",
            )
        },
    )?;
    b.tag(
        d,
        "[According to a draft declaration seen by Meridian, the ministers are expected to adopt a joint plan of action for 2025–2027 covering agriculture, science and people-to-people exchanges.]",
        "key_passage",
        &[("source", "draft declaration (unpublished)"), ("verify", "against the adopted text")],
    )?;
    Ok(())
}

/// A joint statement after a bilateral visit: Wang Yi in Brazil.
fn brasilia(b: &mut Builder, a: &Actors) -> Result<()> {
    let meta = DocumentMeta {
        title: "Brazil, China pledge green-industry working group after Wang visit".to_owned(),
        source: "Meridian".to_owned(),
        date: Some(date("2025-04-02")?),
        byline: "Meridian staff".to_owned(),
        language: "en".to_owned(),
        progress: [(ANNOTATOR.to_owned(), DocStatus::Done)].into(),
        note: "Invented article. A joint statement: commitments are joint, so each side is \
            coded as committer where the text binds both."
            .to_owned(),
        ..DocumentMeta::default()
    };
    let d = b.document(
        meta,
        "2025-04-02-brazil-china-joint-statement.txt",
        BRASILIA,
    )?;

    for (pattern, actor) in [
        ("[Brazil] and China pledged", a.brazil),
        ("Brazil and [China] pledged", a.china),
        ("[Chinese] Foreign Minister Wang Yi.", a.china),
        ("Chinese Foreign Minister [Wang Yi].", a.wang),
        ("[China] also intends", a.china),
        ("[Brazilian] soybeans", a.brazil),
        (
            "[Brazilian Foreign Minister Helena Prado Coutinho]",
            a.prado,
        ),
        ("[Brazilian] Foreign Minister Helena", a.brazil),
        ("“[We] are ready", a.brazil),
        ("[Prado Coutinho] told", a.prado),
        ("[Wang] said the two countries", a.wang),
        ("the [World Trade Organization]", a.wto),
    ] {
        b.mention(d, pattern, actor)?;
    }
    let we = b.mention(d, "“We are ready to study a currency-swap arrangement for trade settlement — subject, of course, to the approval of [our] central banks", a.brazil)?;
    b.note(
        d,
        we,
        "“Our” here is Brazil’s; the swap would also need the Chinese central bank’s approval.",
    )?;

    let lead = b.statement(
        d,
        "China [pledged to expand cooperation on green industry and food security]",
        None,
        "narration",
        Some("China [pledged] to expand"),
    )?;
    for (by, to) in [(a.brazil, a.china), (a.china, a.brazil)] {
        b.commitment(
            d,
            lead,
            Commitment {
                category: "COOPERATE".to_owned(),
                context: "economic".to_owned(),
                ..pledge(
                    by,
                    &[to],
                    "expand cooperation on green industry and food security",
                )
            },
        )?;
    }

    let working_group = b.statement(
        d,
        "[“will establish a working group on the energy transition within six months”]",
        None,
        "direct",
        Some("the two sides [said] they"),
    )?;
    b.note(
        d,
        working_group,
        "Quoted from the joint statement; its speakers are both governments.",
    )?;
    let mut group_commitments = Vec::new();
    for (by, to) in [(a.brazil, a.china), (a.china, a.brazil)] {
        group_commitments.push(b.commitment(
            d,
            working_group,
            Commitment {
                category: "COOPERATE".to_owned(),
                context: "environment".to_owned(),
                time_horizon: "short_term".to_owned(),
                ..pledge(
                    by,
                    &[to],
                    "establish a working group on the energy transition",
                )
            },
        )?);
    }

    let first_meeting = b.statement(
        d,
        "and [would hold its first meeting in São Paulo]",
        None,
        "reported",
        Some("the two sides [said] they"),
    )?;
    let meeting = b.commitment(
        d,
        first_meeting,
        Commitment {
            category: "CONSULT".to_owned(),
            strength: "probable".to_owned(),
            time_horizon: "short_term".to_owned(),
            ..pledge(
                a.brazil,
                &[a.china],
                "host the working group’s first meeting in São Paulo",
            )
        },
    )?;
    if let Some(&group) = group_commitments.first() {
        b.link(d, meeting, "elaborates", group)?;
    }

    let purchases = b.statement(
        d,
        "[China also intends to double its purchases of Brazilian soybeans and beef over the next five years]",
        None,
        "reported",
        Some("the [statement said]"),
    )?;
    b.commitment(
        d,
        purchases,
        Commitment {
            category: "COOPERATE".to_owned(),
            context: "economic".to_owned(),
            strength: "probable".to_owned(),
            time_horizon: "medium_term".to_owned(),
            ..pledge(
                a.china,
                &[a.brazil],
                "double purchases of Brazilian soybeans and beef",
            )
        },
    )?;

    let chapter = b.statement(
        d,
        "the visit [“a new chapter in a partnership that matters well beyond our two countries.”]",
        Some(a.prado),
        "direct",
        Some("Coutinho [called] the visit"),
    )?;
    b.stance(
        d,
        chapter,
        Stance {
            target: Some(StanceTarget::Actor(a.china)),
            cameo: Some("051".to_owned()),
            ..view(Some(a.prado), "", "favor", "high")
        },
    )?;

    let swap = b.statement(
        d,
        "[“We are ready to study a currency-swap arrangement for trade settlement — subject, of course, to the approval of our central banks,”]",
        Some(a.prado),
        "direct",
        Some("Coutinho [told a joint press conference]"),
    )?;
    b.commitment(
        d,
        swap,
        Commitment {
            category: "COOPERATE".to_owned(),
            cameo: Some("0311".to_owned()),
            context: "economic".to_owned(),
            strength: "possible".to_owned(),
            conditions: "subject to the approval of the central banks".to_owned(),
            ..pledge(
                a.brazil,
                &[a.china],
                "study a currency-swap arrangement for trade settlement",
            )
        },
    )?;

    let shared = b.statement(
        d,
        "said [the two countries shared “a common commitment to multilateralism and to a fairer international order.”]",
        Some(a.wang),
        "reported",
        Some("Wang [said] the two"),
    )?;
    b.stance(
        d,
        shared,
        view(Some(a.wang), "multilateralism", "favor", "high"),
    )?;
    b.stance(
        d,
        shared,
        view(Some(a.wang), "international_order", "favor", "moderate"),
    )?;

    let wto = b.statement(
        d,
        "[Both governments “reaffirm their support for the World Trade Organization” and reject protectionism]",
        None,
        "reported",
        Some("[according to the text]"),
    )?;
    let support = b.stance(
        d,
        wto,
        Stance {
            target: Some(StanceTarget::Actor(a.wto)),
            cameo: Some("051".to_owned()),
            ..view(Some(a.brazil), "", "favor", "moderate")
        },
    )?;
    b.note(d, support, "Joint; China holds the same stance.")?;
    b.stance(d, wto, view(Some(a.china), "trade", "favor", "moderate"))?;

    let ahead = b.statement(
        d,
        "that [the hardest negotiations still lay ahead]",
        None,
        "reported",
        Some("one [said]"),
    )?;
    b.note(d, ahead, "An unnamed analyst: no actor in the registry.")?;
    b.tag(
        d,
        "[Analysts in São Paulo noted that the document contained few figures]",
        "evaluation",
        &[("voice", "unnamed analysts")],
    )?;
    Ok(())
}

/// A side meeting at the UN General Assembly on climate finance.
fn new_york(b: &mut Builder, a: &Actors) -> Result<()> {
    let meta = DocumentMeta {
        title: "Small island states press major economies on climate finance at UN side meeting"
            .to_owned(),
        source: "Meridian".to_owned(),
        date: Some(date("2025-09-24")?),
        byline: "Meridian UN bureau".to_owned(),
        language: "en".to_owned(),
        progress: [(ANNOTATOR.to_owned(), DocStatus::InProgress)].into(),
        note: "Invented article. Still to code: the European delegations (no actor yet)."
            .to_owned(),
        ..DocumentMeta::default()
    };
    let d = b.document(meta, "2025-09-24-unga-climate-side-meeting.txt", NEW_YORK)?;

    for (pattern, actor) in [
        ("[Small island states] urged", a.aosis),
        ("the [UN General Assembly]’s", a.unga),
        ("[Fiji’s foreign minister]", a.naivalu),
        ("[Fiji]’s foreign minister", a.fiji),
        ("[Litia Naivalu]", a.naivalu),
        ("the [Alliance of Small Island States]", a.aosis),
        ("([AOSIS])", a.aosis),
        ("[She] said the group", a.naivalu),
        ("said [the group] would", a.aosis),
        ("session of the [General Assembly]", a.unga),
        ("[Colombia]’s Camila", a.colombia),
        ("[Camila Arango Ruiz] said", a.arango),
        ("said [her government]", a.colombia),
        ("[The Colombian minister]", a.arango),
        ("[Wang Yi], who", a.wang),
        ("said [China] would", a.china),
        ("[The Chinese foreign minister]", a.wang),
        ("whether [Beijing]", a.china),
        ("the [United Nations]", a.un),
        ("the [Secretary-General]", a.secretary_general),
    ] {
        b.mention(d, pattern, actor)?;
    }

    let urge = b.statement(
        d,
        "on Wednesday [to honour their climate-finance pledges]",
        Some(a.aosis),
        "reported",
        Some("states [urged] major"),
    )?;
    b.stance(d, urge, view(Some(a.aosis), "climate", "favor", "high"))?;

    let forecast = b.statement(
        d,
        "[“For us, sea-level rise is not a forecast — it is the evening news,”]",
        Some(a.naivalu),
        "direct",
        Some("news,” [said] Fiji’s"),
    )?;
    b.stance(
        d,
        forecast,
        view(Some(a.naivalu), "climate", "favor", "high"),
    )?;

    let resolution = b.statement(
        d,
        "said [the group would table a resolution on loss and damage at the next session of the General Assembly]",
        Some(a.naivalu),
        "reported",
        Some("[She said] the group"),
    )?;
    let table = b.commitment(
        d,
        resolution,
        Commitment {
            context: "environment".to_owned(),
            time_horizon: "short_term".to_owned(),
            ..pledge(a.aosis, &[a.unga], "table a resolution on loss and damage")
        },
    )?;

    let cosponsor = b.statement(
        d,
        "said [her government was prepared to co-sponsor the text]",
        Some(a.arango),
        "reported",
        Some("Arango Ruiz [said] her"),
    )?;
    let cosponsoring = b.commitment(
        d,
        cosponsor,
        Commitment {
            category: "SUPPORT".to_owned(),
            strength: "possible".to_owned(),
            time_horizon: "short_term".to_owned(),
            ..pledge(
                a.colombia,
                &[a.aosis],
                "co-sponsor the loss-and-damage resolution",
            )
        },
    )?;
    b.link(d, cosponsoring, "supports", table)?;

    let fund = b.statement(
        d,
        "and [could contribute to a regional early-warning fund if other donors matched its pledge]",
        Some(a.arango),
        "reported",
        Some("Arango Ruiz [said] her"),
    )?;
    b.commitment(
        d,
        fund,
        Commitment {
            category: "AID".to_owned(),
            context: "humanitarian".to_owned(),
            strength: "possible".to_owned(),
            conditions: "if other donors matched its pledge".to_owned(),
            ..pledge(
                a.colombia,
                &[],
                "contribute to a regional early-warning fund",
            )
        },
    )?;

    let pace = b.statement(
        d,
        "[called the current pace of disbursement “unacceptable.”]",
        Some(a.arango),
        "reported",
        Some("minister [called]"),
    )?;
    let unacceptable = b.stance(
        d,
        pace,
        Stance {
            cameo: Some("111".to_owned()),
            ..view(Some(a.arango), "climate", "favor", "high")
        },
    )?;
    b.note(d, unacceptable, "Criticises donors’ slow disbursement: for climate action, against the donors (none named).")?;

    let south_south = b.statement(
        d,
        "said [China would continue South–South climate cooperation]",
        Some(a.wang),
        "reported",
        Some("attended, [said] China"),
    )?;
    b.commitment(
        d,
        south_south,
        Commitment {
            category: "COOPERATE".to_owned(),
            context: "environment".to_owned(),
            time_horizon: "long_term".to_owned(),
            ..pledge(a.china, &[], "continue South–South climate cooperation")
        },
    )?;

    let impose = b.statement(
        d,
        "[“never seeks to impose its will on others.”]",
        Some(a.wang),
        "direct",
        Some("attended, [said] China"),
    )?;
    b.stance(
        d,
        impose,
        view(Some(a.china), "sovereignty", "favor", "moderate"),
    )?;

    let silent = b.statement(
        d,
        "[The Chinese foreign minister did not say whether Beijing would contribute to the fund.]",
        None,
        "narration",
        None,
    )?;
    let uncommitted = b.commitment(
        d,
        silent,
        Commitment {
            category: "AID".to_owned(),
            context: "environment".to_owned(),
            strength: "uncommitted".to_owned(),
            ..pledge(a.china, &[], "contribute to the early-warning fund")
        },
    )?;
    b.note(
        d,
        uncommitted,
        "Coded to record the absence of a commitment (FactBank Uu).",
    )?;

    let welcome = b.statement(
        d,
        "said [the Secretary-General welcomed the initiative]",
        Some(a.un),
        "reported",
        Some("United Nations [said] the"),
    )?;
    b.stance(
        d,
        welcome,
        Stance {
            target: Some(StanceTarget::Actor(a.aosis)),
            cameo: Some("051".to_owned()),
            ..view(Some(a.secretary_general), "", "favor", "moderate")
        },
    )?;

    let cautious = b.statement(
        d,
        "said [several European delegations were cautious about new financial commitments before the next climate conference]",
        None,
        "reported",
        Some("Diplomats [said]"),
    )?;
    b.stance(d, cautious, view(None, "climate", "neutral", "low"))?;
    let review = b.tag(
        d,
        "[Diplomats said several European delegations]",
        "to_review",
        &[],
    )?;
    b.note(
        d,
        review,
        "Which delegations? Check other reports before coding a holder.",
    )?;
    Ok(())
}
