//! The inspector's fields in drawing order, so that Tab and Shift+Tab walk them (and only
//! them, round) once the keyboard is in the inspector, and Escape gives it back to the
//! article. Fields register while the app collects ([`begin`] … [`end`]); the ring of the
//! last frame is what the keys walk.

use egui::{Context, Id};

#[derive(Clone, Default)]
struct Ring {
    collecting: bool,
    /// This frame's fields: each field's widget and a second id that also counts as the
    /// field (a picker's search box).
    current: Vec<(Id, Id)>,
    last: Vec<(Id, Id)>,
}

fn ring_id() -> Id {
    Id::unique("demarche-inspector-ring")
}

fn with_ring<R>(ctx: &Context, f: impl FnOnce(&mut Ring) -> R) -> R {
    ctx.data_mut(|d| f(d.get_temp_mut_or_default::<Ring>(ring_id())))
}

/// Starts collecting the fields drawn from now on.
pub fn begin(ctx: &Context) {
    with_ring(ctx, |r| {
        r.collecting = true;
        r.current.clear();
    });
}

/// Ends collecting: the fields drawn since [`begin`] become the ring.
pub fn end(ctx: &Context) {
    with_ring(ctx, |r| {
        r.collecting = false;
        r.last = std::mem::take(&mut r.current);
    });
}

/// A field drawn while collecting (`also`: another widget that is part of it).
pub fn register(ctx: &Context, id: Id, also: Id) {
    with_ring(ctx, |r| {
        if r.collecting {
            r.current.push((id, also));
        }
    });
}

/// Which field of the ring has the keyboard, if any.
pub fn focused_index(ctx: &Context) -> Option<usize> {
    let focused = ctx.memory(|m| m.focused())?;
    with_ring(ctx, |r| {
        r.last
            .iter()
            .position(|&(id, also)| id == focused || also == focused)
    })
}

/// The field `step` places after the focused one (before it when negative), round the
/// ring; the first (or last) when none is focused.
pub fn neighbour(ctx: &Context, step: isize) -> Option<Id> {
    let at = focused_index(ctx);
    with_ring(ctx, |r| {
        let n = r.last.len() as isize;
        if n == 0 {
            return None;
        }
        let next = match at {
            Some(i) => (i as isize + step).rem_euclid(n),
            None if step >= 0 => 0,
            None => n - 1,
        };
        Some(r.last[next as usize].0)
    })
}

/// The ring's first field.
pub fn first(ctx: &Context) -> Option<Id> {
    with_ring(ctx, |r| r.last.first().map(|f| f.0))
}

/// Keeps egui from moving the focus itself on Tab (and dropping it on Escape) while a
/// field of the ring has it: the app walks the ring instead.
pub fn hold_keys(ctx: &Context) {
    if focused_index(ctx).is_none() {
        return;
    }
    if let Some(focused) = ctx.memory(|m| m.focused()) {
        ctx.memory_mut(|m| {
            m.set_focus_lock_filter(
                focused,
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                },
            )
        });
    }
}
