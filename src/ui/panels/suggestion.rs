//! The focused suggestion (N / Shift+N, or a click on its dashed mark) described in the
//! inspector: what it is, the rule that made it and why, and what Enter will create.

use crate::model::{Document, Project};
use crate::suggest::{ActorRef, Detail, StanceTargetRef, Suggestion};
use crate::ui::action::UiAction;
use crate::ui::command::Command;

/// Draws the description with Accept and Reject buttons (the commands of N's keys).
pub fn suggestion_ui(
    ui: &mut egui::Ui,
    project: &Project,
    doc: &Document,
    s: &Suggestion,
) -> Vec<UiAction> {
    let mut actions = Vec::new();
    ui.heading(format!("Suggested {}", s.kind.key()));
    let quoted = format!("“{}”", s.text);
    ui.label(egui::RichText::new(crate::ui::article::bidi::visual(&quoted).as_ref()).italics())
        .accessible_name(quoted.as_str());
    ui.add_space(4.0);
    ui.strong("Why");
    ui.label(why(s));
    ui.add_space(4.0);
    ui.strong("Enter creates");
    let what = creates(project, doc, s);
    ui.label(crate::ui::article::bidi::visual(&what).as_ref())
        .accessible_name(what.as_str());
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        for command in [Command::AcceptSuggestion, Command::RejectSuggestion] {
            let label = match command.shortcut_text(ui.ctx()) {
                Some(key) => format!("{} ({key})", command.label()),
                None => command.label(),
            };
            if ui.button(label).on_hover_text(command.tooltip()).clicked() {
                actions.push(UiAction::Run(command));
            }
        }
    });
    ui.weak("N and Shift+N move to the next and previous suggestion.");
    actions
}

/// The rule that made the suggestion and what it looks for.
pub fn why(s: &Suggestion) -> String {
    match crate::suggest::rules::rule(s.rule) {
        Some(rule) => format!("Rule {}: {}.", rule.name, rule.what.trim_end_matches('.')),
        None if s.rule.is_empty() => "Suggested by another tool's file (no rule).".to_owned(),
        None => format!("Rule {}.", s.rule),
    }
}

/// What accepting will add to the project, in words.
pub fn creates(project: &Project, doc: &Document, s: &Suggestion) -> String {
    let name = |a: &ActorRef| match a {
        ActorRef::Project(id) => project
            .actor(*id)
            .map_or_else(|| "an unknown actor".to_owned(), |a| a.name.clone()),
        ActorRef::New(n) => format!("{} (a new {} actor)", n.name, n.kind.replace('_', " ")),
    };
    let by = |a: &Option<ActorRef>| a.as_ref().map_or_else(|| "no one yet".to_owned(), name);
    // A commitment or stance goes on the statement at its range: an existing one, else a
    // new one made with it.
    let on_statement = |(start, end): (usize, usize)| {
        let existing = doc.statements.iter().any(|st| {
            st.span.ranges.len() == 1 && st.span.start() == start && st.span.end() == end
        });
        if existing {
            "on the statement already coded there".to_owned()
        } else {
            let text = doc.slice(start, end).unwrap_or("");
            let short: String = text.chars().take(60).collect();
            let more = if short.len() < text.len() { "…" } else { "" };
            format!("on a new statement over “{short}{more}”")
        }
    };
    match &s.detail {
        Detail::Mention { actor } => format!("A mention of {}.", name(actor)),
        Detail::Statement {
            speaker,
            attribution,
            cue,
        } => {
            let cue = cue
                .and_then(|(a, b)| doc.slice(a, b))
                .map(|c| format!(", cue “{c}”"))
                .unwrap_or_default();
            format!("A statement ({attribution}) by {}{cue}.", by(speaker))
        }
        Detail::Commitment {
            statement,
            committer,
            addressees,
            strength,
            category,
            ..
        } => {
            let category = if category.is_empty() {
                String::new()
            } else {
                format!(", {category}")
            };
            let to = if addressees.is_empty() {
                String::new()
            } else {
                let names: Vec<String> = addressees.iter().map(name).collect();
                format!(" to {}", names.join(", "))
            };
            format!(
                "A commitment ({strength}{category}) by {}{to}, {}.",
                by(committer),
                on_statement(*statement)
            )
        }
        Detail::Stance {
            statement,
            holder,
            target,
            polarity,
            no_target,
        } => {
            let toward = match target {
                Some(StanceTargetRef::Actor(a)) => format!(" toward {}", name(a)),
                Some(StanceTargetRef::Topic(t)) => format!(" toward {t}"),
                None => String::new(),
            };
            let why = no_target
                .as_ref()
                .map_or(String::new(), |why| format!(" No target: {why}."));
            format!(
                "A stance ({polarity}){toward} held by {}, {}.{why}",
                by(holder),
                on_statement(*statement)
            )
        }
    }
}
