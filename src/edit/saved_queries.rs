//! Saving and removing corpus queries by name: each is one `SetProjectMeta` edit (the
//! queries live in the project's metadata), so undo restores the list exactly.

use super::Edit;
use crate::model::{ProjectMeta, SavedQuery};

/// The edit that saves `query` under `name`, replacing a saved query of the same name
/// (case-insensitive) in its place, or adding it at the end.
pub fn save(meta: &ProjectMeta, name: &str, query: &str) -> Edit {
    let mut next = meta.clone();
    let saved = SavedQuery {
        name: name.trim().to_owned(),
        query: query.trim().to_owned(),
    };
    match next
        .saved_queries
        .iter_mut()
        .find(|q| q.name.eq_ignore_ascii_case(name.trim()))
    {
        Some(old) => *old = saved,
        None => next.saved_queries.push(saved),
    }
    Edit::SetProjectMeta(next)
}

/// The edit that removes the saved query `name`; `None` when there is none.
pub fn remove(meta: &ProjectMeta, name: &str) -> Option<Edit> {
    meta.saved_query(name)?;
    let mut next = meta.clone();
    next.saved_queries
        .retain(|q| !q.name.eq_ignore_ascii_case(name.trim()));
    Some(Edit::SetProjectMeta(next))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;

    #[test]
    fn saving_replaces_by_name_and_undo_restores_the_list() {
        let mut project = Project::new("p");
        save(
            &project.meta,
            "China certain",
            "committer:China~ strength:certain",
        )
        .apply(&mut project)
        .expect("applies");
        save(&project.meta, "stances", "kind:stance")
            .apply(&mut project)
            .expect("applies");
        let before = project.meta.clone();
        let undo = save(&project.meta, "china CERTAIN", "committer:China")
            .apply(&mut project)
            .expect("applies");
        assert_eq!(project.meta.saved_queries.len(), 2);
        assert_eq!(project.meta.saved_queries[0].query, "committer:China");
        undo.apply(&mut project).expect("undo");
        assert_eq!(project.meta, before);
        let undo_remove = remove(&project.meta, "stances")
            .expect("there is one")
            .apply(&mut project)
            .expect("applies");
        assert!(project.meta.saved_query("stances").is_none());
        assert!(remove(&project.meta, "stances").is_none());
        undo_remove.apply(&mut project).expect("undo");
        assert_eq!(project.meta, before);
    }
}
