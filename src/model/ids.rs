//! Stable identifiers shared by every entity of a project.

use super::analyst::BLOCK_SHIFT;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One id space for actors, documents and annotations, so that a link or a note can point
/// at anything without saying what kind it is. Ids are never reused within a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub u64);

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Hands out fresh ids in one analyst's block (see [`super::analyst`]). Lives beside the
/// project (not in the file): the next id is always one past the highest id in use in the
/// block, so nothing has to be stored or merged, and analysts never mint the same id.
#[derive(Clone, Debug)]
pub struct IdAllocator {
    /// `None` once the block's last id has been used: ids never wrap round to ones in use.
    next: Option<u64>,
    /// The block's last id.
    last: u64,
    /// The block's first id; 0 for an allocator over the whole id space.
    first: u64,
}

/// Every id of the block is taken (only a file with hand-made ids gets there).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "no id is left for anything new: this project already uses the last id of this analyst's range, and ids are never reused. The id comes from a hand edit or another tool: give that entity a smaller id in the project file"
)]
pub struct IdsExhausted;

impl IdAllocator {
    /// Ids after `highest` over the whole id space (tests, tools that renumber).
    pub fn after(highest: Option<Id>) -> Self {
        Self {
            next: highest.map_or(Some(1), |id| id.0.checked_add(1)),
            last: u64::MAX,
            first: 0,
        }
    }

    /// Ids in `block`, after `highest` (the highest id in use in that block).
    pub fn in_block(block: u64, highest: Option<Id>) -> Self {
        let first = block << BLOCK_SHIFT;
        let last = first + ((1 << BLOCK_SHIFT) - 1);
        let next = match highest {
            None => Some(first + 1),
            Some(id) if id.0 >= last => None,
            Some(id) => Some(id.0.max(first) + 1),
        };
        Self { next, last, first }
    }

    pub fn fresh(&mut self) -> Result<Id, IdsExhausted> {
        let id = self.next.ok_or(IdsExhausted)?;
        self.next = (id < self.last).then_some(id + 1);
        Ok(Id(id))
    }

    /// Makes sure ids handed out later are above `id` (after an undo re-adds an entity).
    /// Ids of other blocks do not concern this allocator.
    pub fn observe(&mut self, id: Id) {
        if id.0 < self.first || id.0 > self.last {
            return;
        }
        self.next = match self.next {
            Some(_) if id.0 >= self.last => None,
            Some(next) => Some(next.max(id.0 + 1)),
            None => None,
        };
    }
}

/// Anything stored in an id-sorted list.
pub trait Keyed {
    fn id(&self) -> Id;
}

/// Id-sorted lists: insertion keeps the order, lookups are binary searches.
pub fn find<T: Keyed>(list: &[T], id: Id) -> Option<&T> {
    list.binary_search_by_key(&id, Keyed::id)
        .ok()
        .map(|i| &list[i])
}

pub fn find_mut<T: Keyed>(list: &mut [T], id: Id) -> Option<&mut T> {
    match list.binary_search_by_key(&id, Keyed::id) {
        Ok(i) => Some(&mut list[i]),
        Err(_) => None,
    }
}

/// Inserts in id order; returns false (and inserts nothing) when the id is taken.
pub fn insert_sorted<T: Keyed>(list: &mut Vec<T>, item: T) -> bool {
    match list.binary_search_by_key(&item.id(), Keyed::id) {
        Ok(_) => false,
        Err(i) => {
            list.insert(i, item);
            true
        }
    }
}

pub fn remove_sorted<T: Keyed>(list: &mut Vec<T>, id: Id) -> Option<T> {
    list.binary_search_by_key(&id, Keyed::id)
        .ok()
        .map(|i| list.remove(i))
}

/// Replaces the item with the same id, returning the previous one.
pub fn replace_sorted<T: Keyed>(list: &mut [T], item: T) -> Option<T> {
    let slot = find_mut(list, item.id())?;
    Some(std::mem::replace(slot, item))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_id_is_handed_out_once_and_then_refused() {
        let mut ids = IdAllocator::after(Some(Id(u64::MAX - 1)));
        assert_eq!(ids.fresh(), Ok(Id(u64::MAX)));
        assert_eq!(ids.fresh(), Err(IdsExhausted));
        assert_eq!(ids.fresh(), Err(IdsExhausted), "and stays refused");
        assert_eq!(
            IdAllocator::after(Some(Id(u64::MAX))).fresh(),
            Err(IdsExhausted)
        );
    }

    #[test]
    fn observing_the_largest_id_exhausts_and_nothing_brings_it_back() {
        let mut ids = IdAllocator::after(None);
        assert_eq!(ids.fresh(), Ok(Id(1)));
        ids.observe(Id(u64::MAX));
        assert_eq!(ids.fresh(), Err(IdsExhausted));
        ids.observe(Id(5));
        assert_eq!(ids.fresh(), Err(IdsExhausted));
    }

    #[test]
    fn a_block_hands_out_its_own_ids_and_ignores_others() {
        let mut ids = IdAllocator::in_block(3, None);
        assert_eq!(ids.fresh(), Ok(Id((3 << BLOCK_SHIFT) + 1)));
        ids.observe(Id(4 << BLOCK_SHIFT | 9));
        ids.observe(Id(7));
        assert_eq!(ids.fresh(), Ok(Id((3 << BLOCK_SHIFT) + 2)));
        let mut full = IdAllocator::in_block(3, Some(Id((4 << BLOCK_SHIFT) - 2)));
        assert_eq!(full.fresh(), Ok(Id((4 << BLOCK_SHIFT) - 1)));
        assert_eq!(
            full.fresh(),
            Err(IdsExhausted),
            "never spills into the next block"
        );
    }
}
