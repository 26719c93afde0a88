//! Suggestions in the window: the rules' suggestions for the open document, computed once
//! per project revision (off the UI thread for long documents), filtered by the kinds the
//! analyst shows, and one of them focused for the keys: next / previous, Enter accepts,
//! Backspace rejects, ctrl+shift+Enter accepts all of the focused one's kind.

use super::article::suggested::SuggestionMark;
use crate::edit::{Edit, accept::accept};
use crate::model::{Document, Id, Project};
use crate::suggest::{self, ActorRef, Detail, Gazetteer, Suggestion, SuggestionKind};
use crate::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// Documents up to this many code points are suggested on the UI thread, longer ones on a
/// worker so that typing and scrolling never wait. Measured with the release
/// `demarche suggest` (loading included, busy 2-core machine, 15 runs, min–median):
/// 36–44 ms for 20,000 characters of wire copy, 31–43 ms for 50,000, 24–25 ms for a
/// 300-character document; so up to here a revision costs the UI thread about a frame.
pub const WORKER_ABOVE_CHARS: usize = 20_000;

/// Which suggestions the window shows; kept in the settings file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SuggestionSettings {
    /// All off by one toggle, without losing the choice of kinds.
    pub enabled: bool,
    pub mentions: bool,
    pub statements: bool,
    pub commitments: bool,
    pub stances: bool,
}

impl Default for SuggestionSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            mentions: true,
            statements: true,
            commitments: true,
            stances: true,
        }
    }
}

impl SuggestionSettings {
    pub fn shows(&self, kind: SuggestionKind) -> bool {
        self.enabled
            && match kind {
                SuggestionKind::Mention => self.mentions,
                SuggestionKind::Statement => self.statements,
                SuggestionKind::Commitment => self.commitments,
                SuggestionKind::Stance => self.stances,
            }
    }

    pub fn kind_mut(&mut self, kind: SuggestionKind) -> &mut bool {
        match kind {
            SuggestionKind::Mention => &mut self.mentions,
            SuggestionKind::Statement => &mut self.statements,
            SuggestionKind::Commitment => &mut self.commitments,
            SuggestionKind::Stance => &mut self.stances,
        }
    }
}

/// Where suggestions come from: the rules by default; tests put their own here.
pub type Source = Arc<dyn Fn(&Project, &Document) -> Vec<Suggestion> + Send + Sync>;

/// A suggestion's identity across recomputations (what a rejection remembers too).
type Key = (usize, SuggestionKind, usize);

fn key_of(s: &Suggestion) -> Key {
    (s.start, s.kind, s.end)
}

/// What the app should do after a suggestion command.
#[derive(Debug, Default)]
pub struct Outcome {
    pub message: Option<String>,
    pub error: bool,
    /// Select and scroll to this range (the newly focused suggestion).
    pub reveal: Option<(usize, usize)>,
}

impl Outcome {
    fn say(message: impl Into<String>) -> Self {
        Self {
            message: Some(message.into()),
            ..Self::default()
        }
    }
}

/// A pass's result: the open suggestions, and every proposal of the rules before the
/// analyst's rejections and annotations took theirs out.
type PassResult = Result<(Vec<Suggestion>, Vec<Suggestion>), String>;

struct Pending {
    for_key: (Id, u64),
    result: mpsc::Receiver<PassResult>,
}

/// Runs the rules with a panic caught: a bug in one rule pass costs this revision's
/// suggestions, never the window or the project.
fn run_isolated(source: &Source, project: &Project, doc: &Document, analyst: &str) -> PassResult {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let proposals = source(project, doc);
        let mut list = proposals.clone();
        crate::suggest::retain_open(project, doc, &mut list, Some(analyst));
        list.sort_by_key(key_of);
        (list, proposals)
    }))
    .map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_owned());
        format!("Suggestions failed for this document ({what}); nothing was changed.")
    })
}

pub struct SuggestionsState {
    source: Source,
    /// The open document the state is about.
    document: Option<Id>,
    /// The document and project revision `list` was computed for.
    computed_for: Option<(Id, u64)>,
    /// Every open suggestion of the document, in text order (all kinds).
    list: Arc<Vec<Suggestion>>,
    /// What the rules proposed for the same revision, open or not: what a deletion could
    /// bring back.
    proposals: Arc<Vec<Suggestion>>,
    /// Counts replacements of `list`, so that marks know when to be rebuilt.
    generation: u64,
    pending: Option<Pending>,
    /// Marks for the view: the shown ones, rebuilt when the list, settings or revision
    /// change; `shown` maps them back to `list`.
    marks: Arc<Vec<SuggestionMark>>,
    shown: Vec<usize>,
    marks_for: Option<(u64, SuggestionSettings, u64)>,
    focused: Option<Key>,
    /// After an accept or reject: focus the first shown suggestion after this once the
    /// list is recomputed.
    resume_after: Option<Key>,
    /// Whose suggestions these are: their rejections and annotations hide suggestions.
    analyst: String,
    /// A failed pass's message, until the app shows it.
    failure: Option<String>,
    /// Why the clause rules do not run on the document just opened, until shown.
    notice: Option<String>,
}

impl Default for SuggestionsState {
    fn default() -> Self {
        Self::with_source(Arc::new(|project, document| {
            suggest::proposals(project, document, Gazetteer::bundled())
        }))
    }
}

impl SuggestionsState {
    pub fn with_source(source: Source) -> Self {
        Self {
            source,
            document: None,
            computed_for: None,
            list: Arc::default(),
            proposals: Arc::default(),
            generation: 0,
            pending: None,
            marks: Arc::default(),
            shown: Vec::new(),
            marks_for: None,
            focused: None,
            resume_after: None,
            analyst: String::new(),
            failure: None,
            notice: None,
        }
    }

    /// The message of a suggestion pass that failed since the last call, to show once. The
    /// failed revision is not tried again; the next edit or document tries anew.
    pub fn take_failure(&mut self) -> Option<String> {
        self.failure.take()
    }

    /// Why the statement, commitment and stance rules do not run on the document just
    /// opened (its language has no rule set), to show once.
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    /// Replaces where suggestions come from (tests); everything is recomputed.
    pub fn set_source(&mut self, source: Source) {
        *self = Self::with_source(source);
    }

    /// Every open suggestion of the open document (all kinds, shown or not).
    pub fn all(&self) -> &[Suggestion] {
        &self.list
    }

    /// What the rules propose for `document` at `revision` (before anything coded or
    /// rejected is taken out), once computed.
    pub fn proposals_for(&self, document: Id, revision: u64) -> Option<&[Suggestion]> {
        (self.computed_for == Some((document, revision))).then_some(self.proposals.as_slice())
    }

    /// True while a worker computes suggestions for the current revision.
    pub fn computing(&self) -> bool {
        self.pending.is_some()
    }

    /// The suggestions shown under `settings`, in text order.
    pub fn shown<'a>(
        &'a self,
        settings: &SuggestionSettings,
    ) -> impl Iterator<Item = &'a Suggestion> + 'a {
        let settings = *settings;
        self.list.iter().filter(move |s| settings.shows(s.kind))
    }

    pub fn focused(&self, settings: &SuggestionSettings) -> Option<&Suggestion> {
        let key = self.focused?;
        self.shown(settings).find(|s| key_of(s) == key)
    }

    /// The marks to draw and the index of the focused one among them.
    pub fn marks(&self) -> (Arc<Vec<SuggestionMark>>, Option<usize>) {
        let focused = self.focused.and_then(|key| {
            self.shown
                .iter()
                .position(|&i| self.list.get(i).map(key_of) == Some(key))
        });
        (self.marks.clone(), focused)
    }

    /// Brings the list up to date with the workspace and the open document, computing at
    /// most once per revision. Returns a range to reveal when focus moved to a suggestion
    /// (after an accept or reject).
    pub fn refresh(
        &mut self,
        ctx: &egui::Context,
        ws: &Workspace,
        document: Option<Id>,
        settings: &SuggestionSettings,
    ) -> Option<(usize, usize)> {
        let doc = document.and_then(|id| ws.project().document(id));
        let Some(doc) = doc else {
            self.clear();
            return None;
        };
        let want = (doc.id, ws.revision());
        if self.document != Some(doc.id) || self.analyst != ws.annotator() {
            // Another document or analyst: its suggestions have nothing to do with these.
            self.clear();
            if self.document != Some(doc.id) {
                self.notice = suggest::missing_rules(doc);
            }
            self.document = Some(doc.id);
            ws.annotator().clone_into(&mut self.analyst);
        }
        let mut arrived = false;
        if let Some(p) = &self.pending {
            match p.result.try_recv() {
                Ok(result) => {
                    self.computed_for = Some(p.for_key);
                    self.pending = None;
                    self.take_result(result);
                    arrived = true;
                }
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => {
                    // The worker died without a word: do not start it again and again.
                    self.computed_for = Some(p.for_key);
                    self.pending = None;
                    self.take_result(Err(
                        "Suggestions stopped for this document; nothing was changed.".into(),
                    ));
                }
            }
        }
        let asked = self.pending.as_ref().map(|p| p.for_key);
        if self.computed_for != Some(want) && asked != Some(want) {
            if doc.index().len_chars() > WORKER_ABOVE_CHARS {
                self.start_worker(ws.project(), doc, want);
            } else {
                let result = self.compute(ws.project(), doc);
                self.take_result(result);
                self.computed_for = Some(want);
                arrived = true;
            }
        }
        if self.pending.is_some() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
        let marks_key = (ws.revision(), *settings, self.generation);
        if self.marks_for.as_ref() != Some(&marks_key) {
            self.rebuild_marks(ws.project(), settings);
            self.marks_for = Some(marks_key);
        }
        if arrived && let Some(after) = self.resume_after {
            // Wait for the list that no longer holds what was just accepted or rejected.
            if self.computed_for.map(|(_, r)| r) == Some(ws.revision()) {
                self.resume_after = None;
                return self.focus_after(after, settings);
            }
        }
        if self.focused(settings).is_none() {
            self.focused = None;
        }
        None
    }

    /// Forgets the focus when the article's selection moved away from the focused
    /// suggestion (the analyst went on by hand).
    pub fn follow_selection(&mut self, selection: Option<(usize, usize)>) {
        if let Some((s, _, e)) = self.focused
            && selection != Some((s, e))
            && self.resume_after.is_none()
        {
            self.focused = None;
        }
    }

    /// A pass's list, or its failure: no suggestions and a message to show.
    fn take_result(&mut self, result: PassResult) {
        match result {
            Ok((list, proposals)) => {
                self.proposals = Arc::new(proposals);
                self.set_list(list);
            }
            Err(message) => {
                self.proposals = Arc::default();
                self.set_list(Vec::new());
                self.failure = Some(message);
            }
        }
    }

    /// Rejections for the suggestions that deleting with `deletion` would bring back: an
    /// annotation deleted (accepted from a suggestion or coded by hand where the rules
    /// propose the same) stays deleted, and one undo brings back both. Empty when the
    /// proposals are not for this revision of `doc` (the deletion then works alone).
    pub fn rejections_for_deletion(
        &self,
        ws: &Workspace,
        doc: &Document,
        deletion: &Edit,
    ) -> Vec<Edit> {
        if self.computed_for != Some((doc.id, ws.revision())) || self.proposals.is_empty() {
            return Vec::new();
        }
        let analyst = ws.annotator();
        let project = ws.project();
        let mut after = Project::new("");
        after.rejected_suggestions = project
            .rejected_suggestions
            .iter()
            .filter(|r| r.document == doc.id)
            .cloned()
            .collect();
        after.documents = vec![doc.clone()];
        if deletion.clone().apply(&mut after).is_err() {
            return Vec::new();
        }
        let Some(doc_after) = after.documents.first() else {
            return Vec::new();
        };
        let mut open_after: Vec<Suggestion> = self.proposals.to_vec();
        suggest::retain_open(&after, doc_after, &mut open_after, Some(analyst));
        // `list` is this revision's open suggestions: what is open before the deletion.
        let before: std::collections::HashSet<Key> = self.list.iter().map(key_of).collect();
        let mut rejections: Vec<_> = open_after
            .iter()
            .filter(|s| !before.contains(&key_of(s)))
            .map(|s| s.rejection(doc.id, analyst))
            .collect();
        rejections.sort();
        rejections.dedup();
        rejections.into_iter().map(Edit::AddRejection).collect()
    }

    fn set_list(&mut self, list: Vec<Suggestion>) {
        self.list = Arc::new(list);
        self.generation += 1;
    }

    fn clear(&mut self) {
        self.document = None;
        self.computed_for = None;
        self.set_list(Vec::new());
        self.pending = None;
        self.focused = None;
        self.resume_after = None;
        self.marks_for = None;
        self.marks = Arc::default();
        self.shown.clear();
    }

    fn compute(&self, project: &Project, doc: &Document) -> PassResult {
        run_isolated(&self.source, project, doc, &self.analyst)
    }

    /// Suggests on a worker from a copy of what the rules read: the actors, the codebook,
    /// this document and its rejections (not the whole project).
    fn start_worker(&mut self, project: &Project, doc: &Document, for_key: (Id, u64)) {
        let mut slim = Project::new(project.meta.name.clone());
        slim.codebook = project.codebook.clone();
        slim.actors = project.actors.clone();
        slim.documents = vec![doc.clone()];
        slim.rejected_suggestions = project
            .rejected_suggestions
            .iter()
            .filter(|r| r.document == doc.id)
            .cloned()
            .collect();
        let source = self.source.clone();
        let analyst = self.analyst.clone();
        let (send, result) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("suggestions".into())
            .spawn(move || {
                let Some(doc) = slim.documents.first() else {
                    return;
                };
                let result = run_isolated(&source, &slim, doc, &analyst);
                // The window may have moved on (closed, other document): nobody listens.
                let _ = send.send(result);
            });
        match spawned {
            Ok(_) => self.pending = Some(Pending { for_key, result }),
            // No thread to be had: compute here rather than show nothing.
            Err(_) => {
                let result = self.compute(project, doc);
                self.take_result(result);
                self.computed_for = Some(for_key);
            }
        }
    }

    fn rebuild_marks(&mut self, project: &Project, settings: &SuggestionSettings) {
        self.shown = (0..self.list.len())
            .filter(|&i| settings.shows(self.list[i].kind))
            .collect();
        // A new actor's name may already be in the project (accepted a moment ago). The
        // names are indexed once, as `Project::actor_by_name` matches them (lowercased,
        // the first actor wins), so that a long document's marks take linear time.
        let mut colour_by_name = std::collections::HashMap::new();
        for actor in &project.actors {
            for name in actor.names() {
                colour_by_name
                    .entry(name.to_lowercase())
                    .or_insert(actor.colour);
            }
        }
        let marks = self
            .shown
            .iter()
            .map(|&i| {
                let s = &self.list[i];
                let colour = match &s.detail {
                    Detail::Mention {
                        actor: ActorRef::Project(id),
                    } => project.actor(*id).map(|a| a.colour),
                    Detail::Mention {
                        actor: ActorRef::New(new),
                    } => colour_by_name.get(&new.name.trim().to_lowercase()).copied(),
                    _ => None,
                };
                SuggestionMark {
                    kind: s.kind,
                    start: s.start,
                    end: s.end,
                    colour,
                    tooltip: format!(
                        "{}{} (Enter accept · Backspace reject)",
                        describe(project, s),
                        rule_note(s)
                    ),
                }
            })
            .collect();
        self.marks = Arc::new(marks);
    }

    /// Focuses the next (or previous) shown suggestion after the focused one, or after
    /// `caret` when none is focused; wraps around at the ends.
    pub fn step(&mut self, forward: bool, caret: usize, settings: &SuggestionSettings) -> Outcome {
        let shown: Vec<&Suggestion> = self.shown(settings).collect();
        if shown.is_empty() {
            return Outcome::say(if self.computing() {
                "Suggestions are still being computed…"
            } else if !settings.enabled {
                "Suggestions are off (View ▸ Suggestions)"
            } else {
                "No suggestions in this document"
            });
        }
        let current = self
            .focused
            .and_then(|key| shown.iter().position(|s| key_of(s) == key));
        let index = match (current, forward) {
            (Some(i), true) => (i + 1) % shown.len(),
            (Some(i), false) => (i + shown.len() - 1) % shown.len(),
            (None, true) => shown.iter().position(|s| s.start >= caret).unwrap_or(0),
            (None, false) => shown
                .iter()
                .rposition(|s| s.start < caret)
                .unwrap_or(shown.len() - 1),
        };
        let s = shown[index];
        let reveal = Some((s.start, s.end));
        let key = key_of(s);
        self.focused = Some(key);
        Outcome {
            reveal,
            ..Outcome::default()
        }
    }

    /// Focuses the suggestion drawn as mark `index` (see [`Self::marks`]), as a click on
    /// it does; returns its range to select.
    pub fn focus_mark(&mut self, index: usize) -> Option<(usize, usize)> {
        let s = self.shown.get(index).and_then(|&i| self.list.get(i))?;
        self.focused = Some(key_of(s));
        Some((s.start, s.end))
    }

    /// Focuses the first shown suggestion after `after` (wrapping to the first).
    fn focus_after(&mut self, after: Key, settings: &SuggestionSettings) -> Option<(usize, usize)> {
        let next = self
            .shown(settings)
            .find(|s| key_of(s) > after)
            .or_else(|| self.shown(settings).next())
            .map(|s| (key_of(s), (s.start, s.end)));
        self.focused = next.map(|(k, _)| k);
        next.map(|(_, range)| range)
    }

    /// Accepts the focused suggestion as one undo step.
    pub fn accept_focused(
        &mut self,
        ws: &mut Workspace,
        document: Id,
        settings: &SuggestionSettings,
    ) -> Outcome {
        let Some(s) = self.focused(settings).cloned() else {
            return Outcome::say("No suggestion is focused (N goes to the next one)");
        };
        let label = format!("Accept suggested {} “{}”", s.kind.key(), short(&s.text));
        self.apply_accept(ws, document, &[s], label)
    }

    /// Accepts every shown suggestion of `kind` in the document as one undo step; `None`
    /// takes the focused suggestion's kind.
    pub fn accept_all(
        &mut self,
        ws: &mut Workspace,
        document: Id,
        kind: Option<SuggestionKind>,
        settings: &SuggestionSettings,
    ) -> Outcome {
        let Some(kind) = kind.or_else(|| self.focused(settings).map(|s| s.kind)) else {
            return Outcome::say("Focus a suggestion first (N): its kind is accepted");
        };
        if !settings.shows(kind) {
            return Outcome::say(format!(
                "{} suggestions are hidden (View ▸ Suggestions)",
                kind_title(kind)
            ));
        }
        let chosen: Vec<Suggestion> = self
            .list
            .iter()
            .filter(|s| s.kind == kind)
            .cloned()
            .collect();
        if chosen.is_empty() {
            return Outcome::say(format!("No {} suggestions in this document", kind.key()));
        }
        let label = format!("Accept {} suggested {}s", chosen.len(), kind.key());
        self.apply_accept(ws, document, &chosen, label)
    }

    fn apply_accept(
        &mut self,
        ws: &mut Workspace,
        document: Id,
        chosen: &[Suggestion],
        label: String,
    ) -> Outcome {
        let all = self.list.clone();
        let annotator = ws.annotator().to_owned();
        let (project, ids) = ws.project_and_ids();
        match accept(
            project,
            document,
            chosen,
            &all,
            &mut || ids.fresh(),
            &annotator,
        ) {
            Ok(edit) => self.apply(ws, edit, label, chosen),
            Err(e) => Outcome {
                message: Some(format!("Not accepted: {e}")),
                error: true,
                reveal: None,
            },
        }
    }

    /// Rejects the focused suggestion (remembered in the project) as one undo step.
    pub fn reject_focused(
        &mut self,
        ws: &mut Workspace,
        document: Id,
        settings: &SuggestionSettings,
    ) -> Outcome {
        let Some(s) = self.focused(settings).cloned() else {
            return Outcome::say("No suggestion is focused (N goes to the next one)");
        };
        let label = format!("Reject suggested {} “{}”", s.kind.key(), short(&s.text));
        let edit = Edit::AddRejection(s.rejection(document, ws.annotator()));
        self.apply(ws, edit, label, std::slice::from_ref(&s))
    }

    fn apply(
        &mut self,
        ws: &mut Workspace,
        edit: Edit,
        label: String,
        done: &[Suggestion],
    ) -> Outcome {
        if edit.is_empty() {
            return Outcome::say("Nothing to accept: already annotated");
        }
        match ws.apply(label.clone(), edit) {
            Ok(()) => {
                // Focus moves on from the last handled suggestion once the list is redone.
                self.resume_after = done.iter().map(key_of).max().or(self.focused);
                // Gone at once, even while a worker redoes the list of a long document.
                let handled: std::collections::HashSet<Key> = done.iter().map(key_of).collect();
                let kept = self
                    .list
                    .iter()
                    .filter(|s| !handled.contains(&key_of(s)))
                    .cloned()
                    .collect();
                self.set_list(kept);
                Outcome::say(label)
            }
            Err(e) => Outcome {
                message: Some(format!("Not changed: {e}")),
                error: true,
                reveal: None,
            },
        }
    }
}

/// "Suggested mention: China", "Suggested commitment (possible) by China: “will …”".
pub fn describe(project: &Project, s: &Suggestion) -> String {
    let name = |a: &ActorRef| match a {
        ActorRef::Project(id) => project
            .actor(*id)
            .map_or_else(|| "(unknown actor)".to_owned(), |a| a.name.clone()),
        ActorRef::New(n) => format!("{} (new)", n.name),
    };
    let by = |a: &Option<ActorRef>| {
        a.as_ref()
            .map(|a| format!(" by {}", name(a)))
            .unwrap_or_default()
    };
    match &s.detail {
        Detail::Mention { actor } => format!("Suggested mention: {}", name(actor)),
        Detail::Statement { speaker, .. } => {
            format!("Suggested statement{}: “{}”", by(speaker), short(&s.text))
        }
        Detail::Commitment {
            committer,
            strength,
            ..
        } => format!(
            "Suggested commitment ({strength}){}: “{}”",
            by(committer),
            short(&s.text)
        ),
        Detail::Stance {
            holder, polarity, ..
        } => format!(
            "Suggested stance ({polarity}){}: “{}”",
            by(holder),
            short(&s.text)
        ),
    }
}

/// " · rule commitment.will: “will” or “shall” before an action: certain": which rule
/// made the suggestion and what it looks for; empty for one from another source.
pub fn rule_note(s: &Suggestion) -> String {
    match crate::suggest::rules::rule(s.rule) {
        Some(rule) => format!(" · rule {}: {}", rule.name, rule.what),
        None if s.rule.is_empty() => String::new(),
        None => format!(" · rule {}", s.rule),
    }
}

/// At most 60 characters of a suggestion's text, for labels and tooltips.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// "Mentions", "Statements", … for menus and messages.
pub fn kind_title(kind: SuggestionKind) -> &'static str {
    match kind {
        SuggestionKind::Mention => "Mentions",
        SuggestionKind::Statement => "Statements",
        SuggestionKind::Commitment => "Commitments",
        SuggestionKind::Stance => "Stances",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentMeta, LineEndings, Origin, Stamp};
    use crate::suggest::NewActor;

    const TEXT: &str = "Le Brésil et la Chine ont signé ; Pékin «soutient» Brasília.";

    fn mention(text: &str, phrase: &str) -> Suggestion {
        let byte = text.find(phrase).expect("phrase in text");
        let start = text[..byte].chars().count();
        Suggestion {
            kind: SuggestionKind::Mention,
            start,
            end: start + phrase.chars().count(),
            text: phrase.to_owned(),
            detail: Detail::Mention {
                actor: ActorRef::New(NewActor {
                    name: phrase.to_owned(),
                    kind: "state".into(),
                    aliases: Vec::new(),
                    iso3: None,
                    cameo: None,
                    role: String::new(),
                    affiliation: None,
                }),
            },
            rule: "",
        }
    }

    fn workspace() -> Workspace {
        let mut project = Project::new("t");
        project.documents.push(Document::new(
            Id(1),
            DocumentMeta::default(),
            Origin {
                path: None,
                format: "text".into(),
                encoding: "UTF-8".into(),
                line_endings: LineEndings::Lf,
                file_fingerprint: None,
                imported: Stamp::now("t").created,
            },
            TEXT.into(),
        ));
        Workspace::new(project, None)
    }

    fn state(ws: &Workspace, settings: &SuggestionSettings) -> SuggestionsState {
        let mut state = SuggestionsState::with_source(Arc::new(|_, doc| {
            ["Pékin", "Brésil", "Chine", "Brasília"]
                .iter()
                .map(|p| mention(doc.text(), p))
                .collect()
        }));
        state.refresh(&egui::Context::default(), ws, Some(Id(1)), settings);
        state
    }

    #[test]
    fn next_starts_at_the_caret_wraps_around_and_previous_goes_back() {
        let ws = workspace();
        let settings = SuggestionSettings::default();
        let mut s = state(&ws, &settings);
        let texts: Vec<&str> = s.shown(&settings).map(|x| x.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Brésil", "Chine", "Pékin", "Brasília"],
            "text order"
        );

        let caret = TEXT.chars().position(|c| c == ';').expect("semicolon");
        let at = |s: &SuggestionsState| s.focused(&settings).map(|x| x.text.clone());
        assert!(s.step(true, caret, &settings).reveal.is_some());
        assert_eq!(at(&s).as_deref(), Some("Pékin"), "first after the caret");
        let _ = s.step(true, caret, &settings);
        let _ = s.step(true, caret, &settings);
        assert_eq!(at(&s).as_deref(), Some("Brésil"), "wrapped to the first");
        let _ = s.step(false, caret, &settings);
        assert_eq!(at(&s).as_deref(), Some("Brasília"), "and back to the last");
    }

    #[test]
    fn a_hidden_kind_is_neither_shown_nor_drawn() {
        let ws = workspace();
        let mut settings = SuggestionSettings::default();
        let s = state(&ws, &settings);
        assert_eq!(s.marks().0.len(), 4);
        settings.mentions = false;
        let mut s2 = state(&ws, &settings);
        assert_eq!(s2.shown(&settings).count(), 0);
        assert!(s2.marks().0.is_empty());
        assert_eq!(
            s2.step(true, 0, &settings).message.as_deref(),
            Some("No suggestions in this document")
        );
        assert_eq!(s.all().len(), s2.all().len(), "hiding does not recompute");
    }

    #[test]
    fn suggestion_settings_are_kept_in_the_settings_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("settings.ron");
        let mut settings = crate::ui::settings::Settings::default();
        settings.suggestions.commitments = false;
        settings.suggestions.enabled = false;
        settings.save_to(&file).expect("saved");
        let back = crate::ui::settings::Settings::load_from(&file);
        assert_eq!(back.suggestions, settings.suggestions);
        // A settings file from before suggestions shows them all.
        std::fs::write(&file, "(theme: Dark)").expect("written");
        let old = crate::ui::settings::Settings::load_from(&file);
        assert_eq!(old.suggestions, SuggestionSettings::default());
    }
}
