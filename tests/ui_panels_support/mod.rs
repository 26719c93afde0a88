//! A small project about a China–CELAC meeting for the panel and tagging tests, with the
//! things that trip annotation tools: accents, CJK names, curly quotes.

#![allow(dead_code)]

use demarche::edit::Edit;
use demarche::model::{
    Actor, Annotation, Commitment, Document, DocumentMeta, Id, LineEndings, Mention, Origin,
    Project, Span, Stamp, Stance, StanceTarget, Statement,
};
use demarche::ui::action::UiAction;
use demarche::ui::panels::{PanelsState, Selection};
use demarche::ui::tagging::Tagging;
use demarche::workspace::Workspace;

pub const TEXT: &str = "Foreign Minister Wang Yi said on Tuesday that China “will work with Latin American countries to build a community with a shared future.” \
He stressed that Beijing is ready to deepen cooperation with CELAC in trade and energy.\n\n\
The delegation arrived in Brasília on Monday. CELAC welcomed the proposal and called for more investment.\n\n\
According to José Ramírez, the two sides hope to sign a memorandum before the end of the year.\n\n\
外交部长王毅表示，中方愿同拉美国家加强合作。";

pub const WANG: Id = Id(1);
pub const CHINA: Id = Id(2);
pub const CELAC: Id = Id(3);
pub const DOC: Id = Id(10);
pub const STATEMENT: Id = Id(20);
pub const COMMITMENT: Id = Id(21);
pub const STANCE: Id = Id(22);

/// Code-point range of the `n`-th (0-based) occurrence of `needle` in the text.
pub fn find(needle: &str, n: usize) -> (usize, usize) {
    let (byte, _) = TEXT
        .match_indices(needle)
        .nth(n)
        .expect("needle is in the fixture text");
    let start = TEXT[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn span(doc: &Document, needle: &str, n: usize) -> Span {
    let (s, e) = find(needle, n);
    Span::from_range(doc.text(), doc.index(), s, e).expect("range is inside the text")
}

/// Who coded the fixture.
pub const ANALYST: &str = "fixture";

fn stamp() -> Stamp {
    Stamp::now(ANALYST)
}

pub fn project() -> Project {
    let mut p = Project::new("China and CELAC");
    let mut wang = Actor::new(WANG, "Wang Yi", "person");
    wang.aliases = vec!["王毅".into(), "Wang".into()];
    wang.role = "Foreign Minister".into();
    let mut china = Actor::new(CHINA, "China", "state");
    china.iso3 = Some("CHN".into());
    china.aliases = vec!["Beijing".into()];
    wang.affiliation = Some(CHINA);
    let celac = Actor::new(CELAC, "CELAC", "regional_group");
    p.actors = vec![wang, china, celac];

    let meta = DocumentMeta {
        title: "Wang Yi meets CELAC envoys".into(),
        source: "Xinhua".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 3, 10),
        ..DocumentMeta::default()
    };
    let origin = Origin {
        path: None,
        format: "text".into(),
        encoding: "UTF-8".into(),
        line_endings: LineEndings::CrLf,
        file_fingerprint: None,
        imported: chrono::Utc::now(),
    };
    let mut doc = Document::new(DOC, meta, origin, TEXT.to_owned());
    let mention = |id: u64, needle: &str, n: usize, actor: Id, doc: &Document| Mention {
        id: Id(id),
        span: span(doc, needle, n),
        actor,
        stamp: stamp(),
        note: String::new(),
    };
    doc.mentions = vec![
        mention(11, "Wang Yi", 0, WANG, &doc),
        mention(12, "China", 0, CHINA, &doc),
        mention(13, "Beijing", 0, CHINA, &doc),
        mention(14, "CELAC", 0, CELAC, &doc),
        mention(15, "CELAC", 1, CELAC, &doc),
        mention(16, "王毅", 0, WANG, &doc),
    ];
    doc.statements = vec![Statement {
        id: STATEMENT,
        span: span(
            &doc,
            "will work with Latin American countries to build a community with a shared future.",
            0,
        ),
        speaker: Some(WANG),
        attribution: "direct".into(),
        cue: Some(span(&doc, "said", 0)),
        stamp: stamp(),
        note: String::new(),
    }];
    doc.commitments = vec![Commitment {
        id: COMMITMENT,
        statement: STATEMENT,
        committer: Some(CHINA),
        addressees: vec![CELAC],
        action: "build a community with a shared future".into(),
        category: "COOPERATE".into(),
        cameo: None,
        context: "diplomatic".into(),
        strength: "certain".into(),
        conditions: String::new(),
        time_horizon: "long_term".into(),
        stamp: stamp(),
        note: String::new(),
    }];
    doc.stances = vec![Stance {
        id: STANCE,
        statement: STATEMENT,
        holder: Some(WANG),
        target: Some(StanceTarget::Topic("multilateralism".into())),
        polarity: "favor".into(),
        intensity: "moderate".into(),
        cameo: Some("051".into()),
        stamp: stamp(),
        note: String::new(),
    }];
    let mut second = Document::new(
        Id(30),
        DocumentMeta {
            title: "Ämter und Ministerien".into(),
            date: chrono::NaiveDate::from_ymd_opt(2025, 12, 1),
            ..DocumentMeta::default()
        },
        doc.origin.clone(),
        "Das Auswärtige Amt äußerte sich nicht.".into(),
    );
    second.meta.source = "dpa".into();
    p.documents = vec![doc, second];
    p
}

/// Everything a panel test needs: a workspace, the panels' and tagging's state, the
/// selection, and what the panels asked for besides edits.
pub struct Bench {
    pub ws: Workspace,
    pub panels: PanelsState,
    pub tagging: Tagging,
    pub sel: Selection,
    pub revealed: Option<(usize, usize)>,
    pub statuses: Vec<String>,
    pub errors: Vec<String>,
}

impl Bench {
    pub fn new() -> Self {
        // The panels edit the layer of the analyst at work: the fixture's own coder.
        let mut ws = Workspace::new(project(), None);
        ws.set_annotator(ANALYST);
        Self {
            ws,
            panels: PanelsState::default(),
            tagging: Tagging::new(),
            sel: Selection {
                document: Some(DOC),
                annotation: None,
            },
            revealed: None,
            statuses: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Applies actions the way the app does after drawing.
    pub fn apply(&mut self, actions: Vec<UiAction>) {
        for action in actions {
            match action {
                UiAction::Edit { label, edit, group } => {
                    if let Err(e) = self.ws.apply_grouped(label, edit, group) {
                        self.errors.push(e.to_string());
                    }
                }
                UiAction::SealGroup => self.ws.seal_group(),
                UiAction::SelectDocument(d) => {
                    self.sel = Selection {
                        document: Some(d),
                        annotation: None,
                    }
                }
                UiAction::SelectAnnotation(a) => self.sel.annotation = a,
                UiAction::Reveal { start, end } => self.revealed = Some((start, end)),
                UiAction::Status(s) | UiAction::Error(s) => self.statuses.push(s),
                UiAction::AddLink { document, from, to } => {
                    let id = self.ws.fresh_id().expect("a fresh id");
                    let project = self.ws.project();
                    let doc = project.document(document).expect("fixture document");
                    match demarche::edit::compose::add_link(project, doc, id, from, to, "test") {
                        Ok(edit) => {
                            if let Err(e) = self.ws.apply("Link annotations", edit) {
                                self.errors.push(e.to_string());
                            }
                        }
                        Err(e) => self.errors.push(e.to_string()),
                    }
                }
                UiAction::AcceptIssuer { document, actors } => {
                    let (project, ids) = self.ws.project_and_ids();
                    let edit = demarche::edit::accept::accept_issuer(
                        project,
                        document,
                        &actors,
                        &mut || ids.fresh(),
                        "test",
                    )
                    .expect("fresh ids");
                    if let Err(e) = self.ws.apply("Accept the detected issuer", edit) {
                        self.errors.push(e.to_string());
                    }
                }
                // The inspector's Delete button runs the command, as the window does.
                UiAction::Run(demarche::ui::command::Command::DeleteAnnotation) => {
                    if let (Some(d), Some(id)) = (self.sel.document, self.sel.annotation) {
                        let doc = self.ws.project().document(d).expect("fixture document");
                        let edit = demarche::edit::compose::remove_annotation_cascade(doc, id);
                        if let Err(e) = self.ws.apply("Delete annotation", edit) {
                            self.errors.push(e.to_string());
                        }
                        self.sel.annotation = None;
                    }
                }
                UiAction::Run(_) => {}
            }
        }
    }

    pub fn doc(&self) -> &Document {
        self.ws.project().document(DOC).expect("fixture document")
    }

    pub fn annotation(&self, id: Id) -> Annotation {
        self.doc().annotation(id).expect("annotation exists")
    }

    /// Applies an edit directly (setting up a test).
    pub fn edit(&mut self, label: &str, edit: Edit) {
        self.ws.apply(label, edit).expect("setup edit applies");
    }
}

impl Default for Bench {
    fn default() -> Self {
        Self::new()
    }
}
