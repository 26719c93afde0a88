//! The rules find codebook entries by role, so an analyst who renames keys in the codebook
//! editor gets the same suggestions, written with the new keys.

use demarche::edit::compose::rename_codebook_key;
use demarche::model::{CodebookList, Project};
use demarche::suggest::{self, ActorRef, Detail, Gazetteer, StanceTargetRef, Suggestion};

const LISTS: [CodebookList; 6] = [
    CodebookList::ActorKinds,
    CodebookList::AttributionModes,
    CodebookList::CommitmentCategories,
    CodebookList::Strengths,
    CodebookList::Polarities,
    CodebookList::Topics,
];

fn demo() -> Project {
    demarche::persist::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/project-files/demo.ron"
    )))
    .expect("the demo loads")
    .project
}

fn proposals(project: &Project) -> Vec<Suggestion> {
    project
        .documents
        .iter()
        .flat_map(|d| suggest::proposals(project, d, Gazetteer::bundled()))
        .collect()
}

/// Every codebook value of `list`, each turned by `f` (to compare keys across codebooks).
fn map_keys(list: &mut [Suggestion], f: &dyn Fn(CodebookList, &str) -> String) {
    let actor = |a: &mut ActorRef| {
        if let ActorRef::New(n) = a {
            n.kind = f(CodebookList::ActorKinds, &n.kind);
        }
    };
    for s in list {
        match &mut s.detail {
            Detail::Mention { actor: a } => actor(a),
            Detail::Statement {
                speaker,
                attribution,
                ..
            } => {
                speaker.iter_mut().for_each(actor);
                *attribution = f(CodebookList::AttributionModes, attribution);
            }
            Detail::Commitment {
                committer,
                addressees,
                strength,
                category,
                ..
            } => {
                committer.iter_mut().for_each(actor);
                addressees.iter_mut().for_each(actor);
                *strength = f(CodebookList::Strengths, strength);
                *category = f(CodebookList::CommitmentCategories, category);
            }
            Detail::Stance {
                holder,
                target,
                polarity,
                ..
            } => {
                holder.iter_mut().for_each(actor);
                match target {
                    Some(StanceTargetRef::Actor(a)) => actor(a),
                    Some(StanceTargetRef::Topic(t)) => *t = f(CodebookList::Topics, t),
                    None => {}
                }
                *polarity = f(CodebookList::Polarities, polarity);
            }
        }
    }
}

#[test]
fn renaming_every_codebook_key_changes_no_suggestion() {
    let original = demo();
    let before = proposals(&original);
    let uses = |pick: &dyn Fn(&Detail) -> bool| before.iter().filter(|s| pick(&s.detail)).count();
    // The comparison means something only if the rules use these lists on the demo.
    assert!(
        uses(&|d| matches!(d, Detail::Commitment { category, .. } if !category.is_empty())) > 0
    );
    assert!(
        uses(&|d| matches!(
            d,
            Detail::Stance {
                target: Some(StanceTargetRef::Topic(_)),
                ..
            }
        )) > 0
    );
    assert!(
        uses(&|d| matches!(
            d,
            Detail::Mention {
                actor: ActorRef::New(_)
            }
        )) > 0
    );

    let mut renamed = original.clone();
    for list in LISTS {
        let keys: Vec<String> = renamed
            .codebook
            .list(list)
            .iter()
            .map(|e| e.key.clone())
            .collect();
        for key in keys {
            rename_codebook_key(&renamed, list, &key, &format!("x_{key}"))
                .apply(&mut renamed)
                .expect("the rename applies");
        }
    }
    let mut after = proposals(&renamed);
    // Every value is one of the renamed codebook's keys…
    let stray: Vec<String> = {
        let found = std::cell::RefCell::new(Vec::new());
        map_keys(&mut after.clone(), &|list, key| {
            if !key.is_empty() && renamed.codebook.entry(list, key).is_none() {
                found.borrow_mut().push(format!("{list:?} {key}"));
            }
            key.to_owned()
        });
        found.into_inner()
    };
    assert!(
        stray.is_empty(),
        "values outside the renamed codebook: {stray:?}"
    );
    // …and, read back through the roles, the suggestions are the ones made before.
    map_keys(&mut after, &|list, key| {
        renamed.codebook.role_of(list, key).to_owned()
    });
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(
            b,
            a,
            "{} {:?} changed after the renames",
            b.kind.key(),
            b.text
        );
    }
}
