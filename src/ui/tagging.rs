//! Creating annotations from the article selection: the tagging commands, their popups
//! (actor type-ahead for mentions, category type-ahead for tags, the actor picker of
//! `ChangeActor`) and the defaults a new annotation starts with.
//!
//! The shell hands the tagging commands to [`Tagging::start`] and calls [`Tagging::ui`]
//! every frame; while [`Tagging::is_open`] the popup owns the keyboard (arrows, Enter,
//! Escape), so the shell should not run its own shortcuts then.

use super::action::UiAction;
use super::command::Command;
use crate::edit::Edit;
use crate::model::ids::IdsExhausted;
use crate::model::{
    Actor, Annotation, CodebookEntry, CodebookList, Commitment, Document, Id, Mention, Project,
    Span, Stamp, Stance, Statement, Tag, ids,
};
use crate::suggest::reading::{Reading, reading};
use crate::suggest::{ActorRef, Detail, Gazetteer};
use crate::workspace::Workspace;

/// Sentences around `offset` as code-point ranges: the one holding it and the one before,
/// from the document's shared analysis (the same sentences as the caret and the rules).
pub fn sentences_around(doc: &Document, offset: usize) -> (Option<(usize, usize)>, (usize, usize)) {
    let analysis = crate::text::of(doc);
    match analysis.sentence_and_previous(offset) {
        Some((previous, current)) => (previous.map(|p| p.pair()), current.pair()),
        None => (None, (offset, offset)),
    }
}

/// Who an attribution names, and the cue that names it ("said"), as code points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Id,
    pub cue: Option<(usize, usize)>,
    /// True when found through a statement or a reporting verb, false when the speaker is
    /// only the subject of the sentence.
    pub attributed: bool,
}

/// The speaker a new statement, commitment or stance over `[start, end)` defaults to: the
/// speaker of the nearest attribution in the same or previous sentence (a statement with a
/// speaker, or a mention next to a reporting verb), else the first actor mentioned in the
/// sentence.
pub fn default_attribution(doc: &Document, start: usize, end: usize) -> Option<Attribution> {
    let (previous, current) = sentences_around(doc, start);
    let distance = |s: usize, e: usize| {
        if e <= start {
            start - e
        } else {
            s.saturating_sub(end)
        }
    };
    for (s0, e0) in std::iter::once(current).chain(previous) {
        let statement = doc
            .statements
            .iter()
            .filter(|s| s.speaker.is_some() && s.span.overlaps(s0, e0))
            .min_by_key(|s| distance(s.span.start(), s.span.end()));
        let reported = doc
            .mentions
            .iter()
            .filter(|m| m.span.start() >= s0 && m.span.end() <= e0)
            .filter_map(|m| reporting_cue(doc, m, s0, e0).map(|cue| (m, cue)))
            .min_by_key(|(m, _)| distance(m.span.start(), m.span.end()));
        let by_statement = statement.and_then(|s| {
            Some((
                distance(s.span.start(), s.span.end()),
                s.speaker?,
                s.cue.as_ref().map(|c| (c.start(), c.end())),
            ))
        });
        let by_mention =
            reported.map(|(m, cue)| (distance(m.span.start(), m.span.end()), m.actor, Some(cue)));
        let nearest = match (by_statement, by_mention) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
            (a, b) => a.or(b),
        };
        if let Some((_, speaker, cue)) = nearest {
            return Some(Attribution {
                speaker,
                cue,
                attributed: true,
            });
        }
    }
    let (s0, e0) = current;
    doc.mentions
        .iter()
        .filter(|m| m.span.start() >= s0 && m.span.end() <= e0)
        .min_by_key(|m| m.span.start())
        .map(|m| Attribution {
            speaker: m.actor,
            cue: None,
            attributed: false,
        })
}

/// The reporting cue next to a mention within its sentence `[s0, e0)`: a reporting verb in
/// the few words after it ("Wang, the minister, said") or just before it ("said Wang",
/// "according to Wang").
fn reporting_cue(doc: &Document, m: &Mention, s0: usize, e0: usize) -> Option<(usize, usize)> {
    const WORDS_AFTER: usize = 6;
    let analysis = crate::text::of(doc);
    let text = doc.text();
    let range = |t: &crate::text::Token| (t.char_start.get(), t.char_end.get());
    let after = analysis
        .words_in(m.span.end(), e0)
        .take(WORDS_AFTER)
        .find(|t| crate::suggest::clauses::is_reporting_verb(doc, t.text(text)));
    if let Some(t) = after {
        return Some(range(t));
    }
    let before: Vec<&crate::text::Token> = analysis.words_in(s0, m.span.start()).collect();
    let lower = |k: usize| {
        before
            .len()
            .checked_sub(k)
            .map(|i| before[i].text(text).to_lowercase())
    };
    if lower(1).is_some_and(|w| crate::suggest::clauses::is_reporting_verb(doc, &w)) {
        return before.last().map(|t| range(t));
    }
    if lower(2).as_deref() == Some("according") && lower(1).as_deref() == Some("to") {
        let (s, _) = range(before[before.len() - 2]);
        let (_, e) = range(before[before.len() - 1]);
        return Some((s, e));
    }
    None
}

/// The strength key a commitment over `text` starts with, from the first cue word in it:
/// will/shall/agree/pledge → certain; expect/intend/plan/aim → probable; willing/ready/
/// hope/may → possible. `None` when no cue is found. The suggestions' word lists.
pub fn default_strength(doc: &Document, text: &str) -> Option<&'static str> {
    crate::suggest::clauses::strength_of(doc, text)
}

/// The attribution mode of a statement over `[start, end)`: a direct quote when the words
/// sit inside quotation marks, reported speech when someone is credited, else narration.
pub fn default_attribution_mode(
    doc: &Document,
    start: usize,
    end: usize,
    attributed: bool,
) -> &'static str {
    let inside = doc.slice(start, end).unwrap_or("");
    let quoted = crate::text::of(doc).in_quote(start)
        || inside.trim_start().starts_with(['"', '“', '«', '「'])
        || inside.trim_end().ends_with(['"', '”', '»', '」']);
    if quoted {
        "direct"
    } else if attributed {
        "reported"
    } else {
        "narration"
    }
}

/// A key of `list`: the entry `wanted` means (its role or key; not retired), else the
/// first active entry.
fn codebook_key(project: &Project, list: CodebookList, wanted: Option<&str>) -> String {
    let cb = &project.codebook;
    wanted
        .and_then(|w| cb.by_role(list, w))
        .or_else(|| cb.first_active(list))
        .map_or_else(String::new, |e| e.key.clone())
}

/// The selection without leading and trailing white space; `None` when nothing is left.
pub fn trim_selection(doc: &Document, start: usize, end: usize) -> Option<(usize, usize)> {
    let text = doc.slice(start, end)?;
    let lead = crate::model::text::char_len(&text[..text.len() - text.trim_start().len()]);
    let trail = crate::model::text::char_len(&text[text.trim_end().len()..]);
    let (s, e) = (start + lead, end.saturating_sub(trail));
    (s < e).then_some((s, e))
}

/// What the popup is for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Purpose {
    /// Over one range, or several for a discontinuous span (in text order).
    Mention {
        ranges: Vec<(usize, usize)>,
    },
    Tag {
        ranges: Vec<(usize, usize)>,
    },
    /// Change the actor of a mention, the speaker of a statement, the committer of a
    /// commitment or the holder of a stance.
    ChangeActor {
        annotation: Id,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Popup {
    purpose: Purpose,
    document: Id,
    /// The selected words, shown and offered as a new actor's name.
    words: String,
    query: String,
    highlighted: usize,
}

/// One entry of the popup's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Actor(Id),
    NewActor(String),
    Category(String),
    NewCategory(String),
}

/// The tagging popups' state (runtime only).
#[derive(Default)]
pub struct Tagging {
    popup: Option<Popup>,
}

impl Tagging {
    pub fn new() -> Self {
        Self::default()
    }

    /// True while a popup is open and owns the keyboard.
    pub fn is_open(&self) -> bool {
        self.popup.is_some()
    }

    pub fn close(&mut self) {
        self.popup = None;
    }

    /// The popup's text field, for tests and for the shell to focus.
    pub fn query(&self) -> Option<&str> {
        self.popup.as_ref().map(|p| p.query.as_str())
    }

    /// Runs a tagging command on the article selection `(start, end)` (code points) of
    /// `document`, or on `selected` (the selected annotation) when there is no selection.
    /// Statements, commitments and stances are created at once; mentions, tags and actor
    /// changes open a popup.
    pub fn start(
        &mut self,
        cmd: Command,
        ws: &mut Workspace,
        document: Id,
        selection: Option<(usize, usize)>,
        selected: Option<Id>,
    ) -> Vec<UiAction> {
        self.start_ranges(cmd, ws, document, selection.as_slice(), selected)
    }

    /// [`Tagging::start`] over several ranges (code points, in text order, apart): a
    /// discontinuous span when there are more than one. The defaults (speaker, reading)
    /// are read over the whole stretch from the first range to the last.
    pub fn start_ranges(
        &mut self,
        cmd: Command,
        ws: &mut Workspace,
        document: Id,
        ranges: &[(usize, usize)],
        selected: Option<Id>,
    ) -> Vec<UiAction> {
        let Some(doc) = ws.project().document(document) else {
            return vec![UiAction::Status("No document is open.".into())];
        };
        let ranges: Vec<(usize, usize)> = ranges
            .iter()
            .filter_map(|&(s, e)| trim_selection(doc, s, e))
            .collect();
        let range = ranges.first().zip(ranges.last()).map(|(a, b)| (a.0, b.1));
        // The parts read as one name ("New York … Jersey" is not one).
        let words = ranges
            .iter()
            .filter_map(|&(s, e)| doc.slice(s, e))
            .collect::<Vec<_>>()
            .join(" ");
        let need_selection = || vec![UiAction::Status("Select some text first.".into())];
        match cmd {
            Command::TagMention | Command::TagTag => {
                if ranges.is_empty() {
                    return need_selection();
                }
                let purpose = if cmd == Command::TagMention {
                    Purpose::Mention { ranges }
                } else {
                    Purpose::Tag { ranges }
                };
                self.popup = Some(Popup {
                    purpose,
                    document,
                    words,
                    query: String::new(),
                    highlighted: 0,
                });
                Vec::new()
            }
            Command::ChangeActor => {
                let changeable = selected.and_then(|id| doc.annotation(id)).filter(|a| {
                    matches!(
                        a,
                        Annotation::Mention(_)
                            | Annotation::Statement(_)
                            | Annotation::Commitment(_)
                            | Annotation::Stance(_)
                    )
                });
                let Some(annotation) = changeable else {
                    return vec![UiAction::Status(
                        "Select a mention, statement, commitment or stance to change its actor."
                            .into(),
                    )];
                };
                self.popup = Some(Popup {
                    purpose: Purpose::ChangeActor {
                        annotation: annotation.id(),
                    },
                    document,
                    words: String::new(),
                    query: String::new(),
                    highlighted: 0,
                });
                Vec::new()
            }
            Command::TagStatement => {
                let Some((start, end)) = range else {
                    return need_selection();
                };
                let annotator = ws.annotator().to_owned();
                let (project, ids) = ws.project_and_ids();
                let Some(doc) = project.document(document) else {
                    return Vec::new();
                };
                let reading = reading(project, doc, Gazetteer::bundled(), start, end);
                let mut edits = Vec::new();
                let mut fresh = || ids.fresh();
                let mut statement = match read_statement(
                    project,
                    doc,
                    (start, end),
                    &annotator,
                    &reading,
                    &mut fresh,
                    &mut edits,
                ) {
                    Ok(Some(statement)) => statement,
                    Ok(None) => return need_selection(),
                    Err(e) => return out_of_ids(e),
                };
                if let Some(span) = parts_span(doc, &ranges) {
                    statement.span = span;
                }
                let id = statement.id;
                edits.push(Edit::AddAnnotation {
                    document,
                    annotation: Annotation::Statement(statement),
                });
                vec![
                    UiAction::edit("Tag statement", Edit::Batch(edits)),
                    UiAction::SelectAnnotation(Some(id)),
                ]
            }
            Command::TagCommitment | Command::TagStance => {
                self.tag_coded(cmd, ws, document, &ranges, selected)
            }
            _ => Vec::new(),
        }
    }

    /// A commitment or stance on the statement covering the selection, creating the
    /// statement first (in the same undo step) when none does.
    fn tag_coded(
        &mut self,
        cmd: Command,
        ws: &mut Workspace,
        document: Id,
        ranges: &[(usize, usize)],
        selected: Option<Id>,
    ) -> Vec<UiAction> {
        let range = ranges.first().zip(ranges.last()).map(|(a, b)| (a.0, b.1));
        let id = match ws.fresh_id() {
            Ok(id) => id,
            Err(e) => return out_of_ids(e),
        };
        let annotator = ws.annotator().to_owned();
        let (project, ids) = ws.project_and_ids();
        let mut fresh = || ids.fresh();
        let Some(doc) = project.document(document) else {
            return Vec::new();
        };
        // Coding goes on a statement of one's own layer: references stay inside a layer.
        let own = |st: &&Statement| st.stamp.annotator == annotator;
        let existing = match range {
            Some(_) => doc
                .statements
                .iter()
                .filter(own)
                .filter(|st| ranges.iter().all(|&(s, e)| st.span.covers(s, e)))
                .min_by_key(|st| st.span.end() - st.span.start()),
            None => selected
                .and_then(|sel| match doc.annotation(sel) {
                    Some(Annotation::Statement(st)) => ids::find(&doc.statements, st.id),
                    Some(Annotation::Commitment(c)) => ids::find(&doc.statements, c.statement),
                    Some(Annotation::Stance(x)) => ids::find(&doc.statements, x.statement),
                    _ => None,
                })
                .filter(own),
        };
        let mut edits = Vec::new();
        let (s, e) = match (range, existing) {
            (Some(r), _) => r,
            (None, Some(st)) => (st.span.start(), st.span.end()),
            (None, None) => {
                return vec![UiAction::Status(
                    "Select some text or a statement first.".into(),
                )];
            }
        };
        let reading = reading(project, doc, Gazetteer::bundled(), s, e);
        let statement: Statement = match existing {
            Some(st) => st.clone(),
            None => {
                match read_statement(
                    project,
                    doc,
                    (s, e),
                    &annotator,
                    &reading,
                    &mut fresh,
                    &mut edits,
                ) {
                    Ok(Some(mut st)) => {
                        if let Some(span) = parts_span(doc, ranges) {
                            st.span = span;
                        }
                        edits.push(Edit::AddAnnotation {
                            document,
                            annotation: Annotation::Statement(st.clone()),
                        });
                        st
                    }
                    Ok(None) => return Vec::new(),
                    Err(e) => return out_of_ids(e),
                }
            }
        };
        // The rules' committer or holder (nested attribution: "Wang said China is willing
        // to …" is China's commitment), else the statement's speaker.
        let read = if cmd == Command::TagCommitment {
            reading.commitment.as_ref()
        } else {
            reading.stance.as_ref()
        };
        let read_actor = match read.map(|r| &r.detail) {
            Some(Detail::Commitment {
                committer: Some(a), ..
            })
            | Some(Detail::Stance {
                holder: Some(a), ..
            }) => match resolve_actor(project, a, &mut fresh, &mut edits) {
                Ok(id) => id,
                Err(e) => return out_of_ids(e),
            },
            _ => None,
        };
        let actor = read_actor
            .or(statement.speaker)
            .or_else(|| default_attribution(doc, s, e).map(|a| a.speaker));
        let stamp = Stamp::now(&annotator);
        let (label, annotation) = if cmd == Command::TagCommitment {
            let cue_text = doc.slice(s, e).unwrap_or("");
            let (strength, action, category, conditions) = match read.map(|r| &r.detail) {
                Some(Detail::Commitment {
                    strength,
                    action,
                    category,
                    conditions,
                    ..
                }) => (
                    Some(strength.as_str()),
                    action.clone(),
                    Some(category.as_str()).filter(|c| !c.is_empty()),
                    conditions.clone(),
                ),
                _ => (
                    default_strength(doc, cue_text),
                    String::new(),
                    None,
                    String::new(),
                ),
            };
            (
                "Tag commitment",
                Annotation::Commitment(Commitment {
                    id,
                    statement: statement.id,
                    committer: actor,
                    addressees: Vec::new(),
                    action,
                    category: codebook_key(project, CodebookList::CommitmentCategories, category),
                    cameo: None,
                    context: codebook_key(project, CodebookList::Contexts, None),
                    strength: codebook_key(project, CodebookList::Strengths, strength),
                    conditions,
                    time_horizon: codebook_key(
                        project,
                        CodebookList::TimeHorizons,
                        Some("unspecified"),
                    ),
                    stamp,
                    note: String::new(),
                }),
            )
        } else {
            (
                "Tag stance",
                Annotation::Stance(Stance {
                    id,
                    statement: statement.id,
                    holder: actor,
                    target: None,
                    polarity: codebook_key(
                        project,
                        CodebookList::Polarities,
                        match read.map(|r| &r.detail) {
                            Some(Detail::Stance { polarity, .. }) => Some(polarity.as_str()),
                            _ => None,
                        },
                    ),
                    intensity: codebook_key(project, CodebookList::Intensities, None),
                    cameo: None,
                    stamp,
                    note: String::new(),
                }),
            )
        };
        edits.push(Edit::AddAnnotation {
            document,
            annotation,
        });
        vec![
            UiAction::edit(label, Edit::Batch(edits)),
            UiAction::SelectAnnotation(Some(id)),
        ]
    }

    /// The popup's list for its current query.
    pub fn choices(&self, project: &Project) -> Vec<(Choice, String)> {
        let Some(p) = &self.popup else {
            return Vec::new();
        };
        popup_choices(project, p)
    }

    /// Draws the open popup (if any) and handles its keys: arrows move, Enter picks,
    /// Escape cancels. Takes the workspace mutably only for fresh ids.
    pub fn ui(&mut self, ctx: &egui::Context, ws: &mut Workspace) -> Vec<UiAction> {
        let Some(popup) = self.popup.as_mut() else {
            return Vec::new();
        };
        let (escape, down, up, enter) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            )
        });
        if escape {
            self.popup = None;
            return vec![UiAction::Status("Tagging cancelled.".into())];
        }
        let choices = popup_choices(ws.project(), popup);
        if down {
            popup.highlighted = (popup.highlighted + 1).min(choices.len().saturating_sub(1));
        }
        if up {
            popup.highlighted = popup.highlighted.saturating_sub(1);
        }
        let title = match popup.purpose {
            Purpose::Mention { .. } => "Mention of…",
            Purpose::Tag { .. } => "Tag as…",
            Purpose::ChangeActor { .. } => "Change actor to…",
        };
        let mut picked = enter
            .then(|| choices.get(popup.highlighted).map(|c| c.0.clone()))
            .flatten();
        let mut close = false;
        egui::Window::new(title)
            .id(egui::Id::unique("demarche tagging popup"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 80.0])
            .open(&mut true)
            .show(ctx, |ui| {
                if !popup.words.is_empty() {
                    ui.label(egui::RichText::new(format!("«{}»", popup.words)).italics());
                }
                let before = popup.query.clone();
                let field = ui.add(
                    egui::TextEdit::singleline(&mut popup.query)
                        .id(egui::Id::unique("demarche tagging query"))
                        .hint_text("type to search; arrows and Enter pick; Esc cancels")
                        .desired_width(280.0),
                );
                field.request_focus();
                if popup.query != before {
                    popup.highlighted = 0;
                }
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .show(ui, |ui| {
                        for (i, (choice, label)) in choices.iter().enumerate() {
                            let response = ui.selectable_label(i == popup.highlighted, label);
                            if i == popup.highlighted && (down || up) {
                                response.scroll_to_me(None);
                            }
                            if response.clicked() {
                                picked = Some(choice.clone());
                            }
                        }
                    });
                close = ui.button("Cancel").clicked();
            });
        if close {
            self.popup = None;
            return Vec::new();
        }
        let Some(choice) = picked else {
            return Vec::new();
        };
        let Some(popup) = self.popup.take() else {
            return Vec::new();
        };
        apply_choice(ws, &popup, choice)
    }

    /// Types into the popup's field and picks what Enter would pick (for tests and for
    /// scripted use without a frame).
    pub fn pick_with_query(&mut self, ws: &mut Workspace, query: &str) -> Vec<UiAction> {
        let Some(mut popup) = self.popup.take() else {
            return Vec::new();
        };
        popup.query = query.to_owned();
        match popup_choices(ws.project(), &popup).into_iter().next() {
            Some((choice, _)) => apply_choice(ws, &popup, choice),
            None => Vec::new(),
        }
    }
}

/// Whether selected words could be an actor's name as they stand: a few words on one line,
/// without sentence punctuation. Longer selections need the name typed.
fn looks_like_a_name(words: &str) -> bool {
    const MOST_WORDS: usize = 8;
    const MOST_CHARS: usize = 80;
    words.chars().count() <= MOST_CHARS
        && crate::text::Tokens::of_phrase(words)
            .list
            .iter()
            .filter(|t| t.kind == crate::text::TokenKind::Word)
            .count()
            <= MOST_WORDS
        && !words.contains(['\n', '!', '?', ';', '"', '“', '”', '«', '»'])
}

fn popup_choices(project: &Project, p: &Popup) -> Vec<(Choice, String)> {
    const SHOWN: usize = 50;
    let query = p.query.trim();
    match &p.purpose {
        Purpose::Mention { .. } | Purpose::ChangeActor { .. } => {
            let wanted = if query.is_empty() {
                p.words.trim()
            } else {
                query
            };
            let label_of = |(id, matched): (Id, &str)| {
                let actor = project.actor(id)?;
                let label = if matched == actor.name {
                    actor.name.clone()
                } else {
                    format!("{} ({matched})", actor.name)
                };
                Some((Choice::Actor(id), label))
            };
            let matches = super::panels::actor_matches(project, wanted);
            // A whole selected sentence is not a name: offer it as one only when typed.
            let nameable = !query.is_empty() || looks_like_a_name(wanted);
            let new = (nameable && !wanted.is_empty() && project.actor_by_name(wanted).is_none())
                .then(|| {
                    (
                        Choice::NewActor(wanted.to_owned()),
                        format!("New actor «{wanted}»"),
                    )
                });
            let mut out = Vec::new();
            if matches.is_empty() {
                // Nobody matches: creating the actor comes first (Enter), then, when the
                // analyst has typed nothing yet, every actor to browse.
                out.extend(new);
                if query.is_empty() {
                    let all = super::panels::actor_matches(project, "");
                    out.extend(all.into_iter().take(SHOWN).filter_map(label_of));
                }
            } else {
                out.extend(matches.into_iter().take(SHOWN).filter_map(label_of));
                out.extend(new);
            }
            out
        }
        Purpose::Tag { .. } => {
            let cb = &project.codebook;
            let lower = query.to_lowercase();
            let mut out: Vec<(Choice, String)> = cb
                .list(CodebookList::TagCategories)
                .iter()
                .filter(|e| !e.retired)
                .filter(|e| {
                    lower.is_empty()
                        || e.label.to_lowercase().contains(&lower)
                        || e.key.to_lowercase().contains(&lower)
                })
                .map(|e| (Choice::Category(e.key.clone()), e.label.clone()))
                .collect();
            if !query.is_empty() && cb.entry(CodebookList::TagCategories, query).is_none() {
                out.push((
                    Choice::NewCategory(query.to_owned()),
                    format!("New category «{query}»"),
                ));
            }
            out
        }
    }
}

/// A span over the parts of a discontinuous selection; `None` for one part (the caller's
/// one-range span stands).
fn parts_span(doc: &Document, ranges: &[(usize, usize)]) -> Option<Span> {
    (ranges.len() > 1)
        .then(|| Span::from_ranges(doc.text(), doc.index(), ranges.iter().copied()))
        .flatten()
}

/// The project has no id left for what was asked.
fn out_of_ids(e: crate::model::IdsExhausted) -> Vec<UiAction> {
    vec![UiAction::Error(format!("Not tagged: {e}"))]
}

fn apply_choice(ws: &mut Workspace, popup: &Popup, choice: Choice) -> Vec<UiAction> {
    let document = popup.document;
    let mut edits = Vec::new();
    let actor = match &choice {
        Choice::Actor(id) => Some(*id),
        Choice::NewActor(name) => {
            let id = match ws.fresh_id() {
                Ok(id) => id,
                Err(e) => return out_of_ids(e),
            };
            let mut actor = new_actor(ws.project(), id, name);
            actor.colour = ws
                .project()
                .colour_for_new_actor(&Edit::added_actor_colours(&edits));
            edits.push(Edit::AddActor(actor));
            Some(id)
        }
        Choice::Category(_) | Choice::NewCategory(_) => None,
    };
    let annotation_id = match ws.fresh_id() {
        Ok(id) => id,
        Err(e) => return out_of_ids(e),
    };
    let project = ws.project();
    let Some(doc) = project.document(document) else {
        return Vec::new();
    };
    let stamp = Stamp::now(ws.annotator());
    let (label, select) = match (&popup.purpose, actor, &choice) {
        (Purpose::Mention { ranges }, Some(actor), _) => {
            let Some(span) = Span::from_ranges(doc.text(), doc.index(), ranges.iter().copied())
            else {
                return Vec::new();
            };
            edits.push(Edit::AddAnnotation {
                document,
                annotation: Annotation::Mention(Mention {
                    id: annotation_id,
                    span,
                    actor,
                    stamp,
                    note: String::new(),
                }),
            });
            let name = match &choice {
                Choice::NewActor(n) => format!("Tag mention of new actor “{n}”"),
                _ => format!(
                    "Tag mention of “{}”",
                    super::panels::actor_name(project, Some(actor))
                ),
            };
            (name, annotation_id)
        }
        (Purpose::ChangeActor { annotation }, Some(actor), _) => {
            let Some(old) = doc.annotation(*annotation) else {
                return Vec::new();
            };
            let updated = match old {
                Annotation::Mention(mut m) => {
                    m.actor = actor;
                    Annotation::Mention(m)
                }
                Annotation::Statement(mut s) => {
                    s.speaker = Some(actor);
                    Annotation::Statement(s)
                }
                Annotation::Commitment(mut c) => {
                    c.committer = Some(actor);
                    Annotation::Commitment(c)
                }
                Annotation::Stance(mut s) => {
                    s.holder = Some(actor);
                    Annotation::Stance(s)
                }
                other => other,
            };
            edits.push(super::panels::update_annotation(document, updated));
            ("Change actor".to_owned(), *annotation)
        }
        (Purpose::Tag { ranges }, None, Choice::Category(key) | Choice::NewCategory(key)) => {
            if matches!(choice, Choice::NewCategory(_)) {
                let list = CodebookList::TagCategories;
                edits.push(Edit::InsertCodebookEntry {
                    list,
                    index: project.codebook.list(list).len(),
                    entry: CodebookEntry::new(key.clone(), key.clone()),
                });
            }
            let Some(span) = Span::from_ranges(doc.text(), doc.index(), ranges.iter().copied())
            else {
                return Vec::new();
            };
            edits.push(Edit::AddAnnotation {
                document,
                annotation: Annotation::Tag(Tag {
                    id: annotation_id,
                    span,
                    category: key.clone(),
                    attributes: Default::default(),
                    stamp,
                    note: String::new(),
                }),
            });
            (
                format!(
                    "Tag “{}”",
                    project.codebook.label(CodebookList::TagCategories, key)
                ),
                annotation_id,
            )
        }
        _ => return Vec::new(),
    };
    vec![
        UiAction::edit(label, Edit::Batch(edits)),
        UiAction::SelectAnnotation(Some(select)),
    ]
}

/// A statement over `[start, end)` with its defaults: speaker and cue from the nearest
/// attribution, attribution mode from quotation marks.
pub fn new_statement(
    project: &Project,
    doc: &Document,
    id: Id,
    start: usize,
    end: usize,
    annotator: &str,
) -> Option<Statement> {
    let span = Span::from_range(doc.text(), doc.index(), start, end)?;
    let attribution = default_attribution(doc, start, end);
    let attributed = attribution.as_ref().is_some_and(|a| a.attributed);
    let mode = default_attribution_mode(doc, start, end, attributed);
    let cue = attribution
        .as_ref()
        .and_then(|a| a.cue)
        .and_then(|(s, e)| Span::from_range(doc.text(), doc.index(), s, e));
    Some(Statement {
        id,
        span,
        speaker: attribution.map(|a| a.speaker),
        attribution: codebook_key(project, CodebookList::AttributionModes, Some(mode)),
        cue,
        stamp: Stamp::now(annotator),
        note: String::new(),
    })
}

/// A statement over `[start, end)` as the rules read it: speaker, attribution and cue from
/// the statement suggestion over the words (adding the actors it introduces to `edits`),
/// else the defaults of [`new_statement`].
fn read_statement(
    project: &Project,
    doc: &Document,
    (start, end): (usize, usize),
    annotator: &str,
    reading: &Reading,
    fresh: &mut dyn FnMut() -> Result<Id, IdsExhausted>,
    edits: &mut Vec<Edit>,
) -> Result<Option<Statement>, IdsExhausted> {
    let id = fresh()?;
    let Some(mut statement) = new_statement(project, doc, id, start, end, annotator) else {
        return Ok(None);
    };
    if let Some(Detail::Statement {
        speaker: Some(speaker),
        attribution,
        cue,
    }) = reading.statement.as_ref().map(|s| &s.detail)
        && let Some(speaker) = resolve_actor(project, speaker, fresh, edits)?
    {
        statement.speaker = Some(speaker);
        statement.attribution =
            codebook_key(project, CodebookList::AttributionModes, Some(attribution));
        statement.cue = cue.and_then(|(s, e)| Span::from_range(doc.text(), doc.index(), s, e));
    }
    Ok(Some(statement))
}

/// The project actor a suggestion's actor is: an existing one (by id, name or alias, or
/// ISO3 code), one added earlier in `edits`, or a new one added to `edits` with its kind,
/// codes, aliases, role and affiliation.
fn resolve_actor(
    project: &Project,
    actor: &ActorRef,
    fresh: &mut dyn FnMut() -> Result<Id, IdsExhausted>,
    edits: &mut Vec<Edit>,
) -> Result<Option<Id>, IdsExhausted> {
    let new = match actor {
        ActorRef::Project(id) => return Ok(Some(*id)),
        ActorRef::New(new) => new,
    };
    let known = project.actor_by_name(&new.name).map(|a| a.id).or_else(|| {
        new.iso3.as_ref().and_then(|code| {
            project
                .actors
                .iter()
                .find(|a| a.iso3.as_ref() == Some(code))
                .map(|a| a.id)
        })
    });
    let added = edits.iter().find_map(|e| match e {
        Edit::AddActor(a) if a.name == new.name => Some(a.id),
        _ => None,
    });
    if let Some(id) = known.or(added) {
        return Ok(Some(id));
    }
    let affiliation = match &new.affiliation {
        Some(a) => resolve_actor(project, a, fresh, edits)?,
        None => None,
    };
    let id = fresh()?;
    let mut made = Actor::new(
        id,
        new.name.clone(),
        codebook_key(project, CodebookList::ActorKinds, Some(&new.kind)),
    );
    made.aliases = new.aliases.clone();
    made.iso3 = new.iso3.clone();
    made.cameo = new.cameo.clone();
    made.role = new.role.clone();
    made.affiliation = affiliation;
    made.colour = project.colour_for_new_actor(&Edit::added_actor_colours(edits));
    edits.push(Edit::AddActor(made));
    Ok(Some(id))
}

/// A new actor named `name`: with the gazetteer's kind, codes and aliases when it knows the
/// name ("China" → a state, CHN), else the codebook's first actor kind.
fn new_actor(project: &Project, id: Id, name: &str) -> Actor {
    let gazetteer = Gazetteer::bundled();
    let whole = gazetteer
        .find(name)
        .into_iter()
        .find(|hit| hit.chars.start == 0 && hit.chars.end == crate::model::text::char_len(name));
    let Some(hit) = whole else {
        return Actor::new(
            id,
            name,
            codebook_key(project, CodebookList::ActorKinds, None),
        );
    };
    let entry = gazetteer.entry(hit.entry);
    let mut actor = Actor::new(
        id,
        entry.name.clone(),
        codebook_key(project, CodebookList::ActorKinds, Some(&entry.kind)),
    );
    actor.iso3 = entry.iso3.clone();
    actor.cameo = entry.cameo.clone();
    actor.aliases = entry
        .aliases()
        .filter(|a| *a != entry.name)
        .map(str::to_owned)
        .collect();
    actor
}
