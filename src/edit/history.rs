//! Undo and redo: a bounded list of named steps, each holding the edit that undoes it.

use super::{Edit, EditError};
use crate::model::Project;
use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// Steps kept for undo; older ones are dropped.
pub const DEFAULT_LIMIT: usize = 1000;

/// Rapid edits of the same field within this time form one step.
pub const GROUP_WINDOW: Duration = Duration::from_secs(2);

#[derive(Debug)]
struct Step {
    label: String,
    /// Applying it takes the project back to before the step.
    undo: Edit,
    /// Edits of the same group merge into one step (typing in a text field).
    group: Option<String>,
    last_change: Instant,
    /// Identifies the state the step leads to, for the saved/unsaved marker.
    serial: u64,
}

#[derive(Debug)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    limit: usize,
    next_serial: u64,
    /// The token of the state with no step left to undo: 0 at first, then the serial of
    /// the newest step dropped by the limit (or cleared), so no two states share a token.
    floor: u64,
}

impl Default for History {
    fn default() -> Self {
        Self::new(DEFAULT_LIMIT)
    }
}

impl History {
    pub fn new(limit: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: limit.max(1),
            next_serial: 1,
            floor: 0,
        }
    }

    /// Applies an edit as a new named step.
    pub fn apply(
        &mut self,
        project: &mut Project,
        label: impl Into<String>,
        edit: Edit,
    ) -> Result<(), EditError> {
        self.apply_grouped(project, label, edit, None)
    }

    /// Applies an edit; when `group` names the same group as the last step and the last
    /// change was recent, the two become one step (one undo for a whole typed word).
    pub fn apply_grouped(
        &mut self,
        project: &mut Project,
        label: impl Into<String>,
        edit: Edit,
        group: Option<String>,
    ) -> Result<(), EditError> {
        if edit.is_empty() {
            return Ok(());
        }
        let undo = edit.apply(project)?;
        self.redo.clear();
        let now = Instant::now();
        if let (Some(g), Some(last)) = (&group, self.undo.back_mut())
            && last.group.as_ref() == Some(g)
            && now.duration_since(last.last_change) < GROUP_WINDOW
        {
            let older = std::mem::replace(&mut last.undo, Edit::Batch(Vec::new()));
            last.undo = Edit::Batch(vec![undo, older]);
            last.last_change = now;
            last.serial = self.next_serial;
            self.next_serial += 1;
            return Ok(());
        }
        let step = Step {
            label: label.into(),
            undo,
            group,
            last_change: now,
            serial: self.next_serial,
        };
        self.next_serial += 1;
        self.undo.push_back(step);
        if self.undo.len() > self.limit
            && let Some(dropped) = self.undo.pop_front()
        {
            self.floor = dropped.serial;
        }
        Ok(())
    }

    /// Ends the current group, so the next edit of the same field is a step of its own.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.back_mut() {
            last.group = None;
        }
    }

    /// Undoes the last step; returns its name.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        let Some(step) = self.undo.pop_back() else {
            return Ok(None);
        };
        match step.undo.clone().apply(project) {
            Ok(redo) => {
                let label = step.label.clone();
                self.redo.push(Step {
                    undo: redo,
                    group: None,
                    ..step
                });
                Ok(Some(label))
            }
            Err(e) => {
                self.undo.push_back(step);
                Err(e)
            }
        }
    }

    /// Redoes the last undone step; returns its name.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        match step.undo.clone().apply(project) {
            Ok(undo) => {
                let label = step.label.clone();
                self.undo.push_back(Step { undo, ..step });
                Ok(Some(label))
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        }
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Names the state the project is in: equal tokens mean equal projects, so the window
    /// compares it with the token at the last save to show the unsaved marker.
    pub fn state_token(&self) -> u64 {
        self.undo.back().map_or(self.floor, |s| s.serial)
    }

    /// The edits that take the project from its current state to the state named `token`
    /// (undoing or redoing steps), in the order to apply them; `None` when that state is no
    /// longer reachable (dropped by the limit, or replaced by new edits after an undo).
    pub fn path_to(&self, token: u64) -> Option<Vec<&Edit>> {
        let mut edits = Vec::new();
        if token == self.state_token() {
            return Some(edits);
        }
        for (i, step) in self.undo.iter().enumerate().rev() {
            edits.push(&step.undo);
            let before = if i == 0 {
                self.floor
            } else {
                self.undo[i - 1].serial
            };
            if before == token {
                return Some(edits);
            }
        }
        edits.clear();
        for step in self.redo.iter().rev() {
            edits.push(&step.undo);
            if step.serial == token {
                return Some(edits);
            }
        }
        None
    }

    /// Forgets every step up to the state `token` and every redo step, keeping only the
    /// steps made since that state (or none when it is not behind the current state).
    /// After a merge, older steps could undo what another program changed since.
    pub fn forget_up_to(&mut self, token: u64) {
        self.redo.clear();
        match self.undo.iter().position(|s| s.serial == token) {
            Some(i) => {
                self.undo.drain(..=i);
                self.floor = token;
            }
            None if token == self.floor => {}
            None => self.clear(),
        }
    }

    pub fn clear(&mut self) {
        self.floor = self.state_token();
        self.undo.clear();
        self.redo.clear();
    }
}
