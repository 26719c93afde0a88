//! What analysts rely on when they change a project: multi-step edits do the whole job,
//! refused edits change nothing, and undo/redo behave like a text editor's.

use demarche::edit::compose::{self, ActorRemoval};
use demarche::edit::{Edit, EditError};
use demarche::model::*;
use demarche::workspace::Workspace;

const TEXT: &str = "Foreign Minister Wang Yi (王毅) said China “stands ready” to work with CELAC. \
He added that Beijing will host the forum in São Paulo — next year.";

fn span(doc: &Document, phrase: &str) -> Span {
    let byte = doc.text().find(phrase).expect("phrase in text");
    let start = doc.index().char_of(byte).expect("boundary");
    let end = start + phrase.chars().count();
    Span::from_range(doc.text(), doc.index(), start, end).expect("in range")
}

/// A project with two actors (Wang Yi, China), one document, mentions of both, a statement
/// by Wang with a commitment and a stance, and a link between them.
fn fixture() -> (Workspace, Id) {
    let mut ws = Workspace::new(Project::new("Fixture"), None);
    let wang = ws.fresh_id().expect("a fresh id");
    let china = ws.fresh_id().expect("a fresh id");
    let doc_id = ws.fresh_id().expect("a fresh id");
    let stamp = Stamp::now("tester");
    let origin = Origin {
        path: None,
        format: "text".into(),
        encoding: "UTF-8".into(),
        line_endings: LineEndings::Lf,
        file_fingerprint: None,
        imported: stamp.created,
    };
    let doc = Document::new(
        doc_id,
        DocumentMeta {
            title: "Wang on CELAC".into(),
            ..DocumentMeta::default()
        },
        origin,
        TEXT.into(),
    );
    let mut w = Actor::new(wang, "Wang Yi", "person");
    w.aliases.push("王毅".into());
    let mut c = Actor::new(china, "China", "state");
    c.iso3 = Some("CHN".into());
    let ids: Vec<Id> = (0..6).map(|_| ws.fresh_id().expect("a fresh id")).collect();
    let (m_wang, m_china, m_he, st, cm, sn) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]);
    let link = ws.fresh_id().expect("a fresh id");
    let mentions = [
        (m_wang, "Wang Yi", wang),
        (m_china, "China", china),
        (m_he, "He", wang),
    ]
    .into_iter()
    .map(|(id, phrase, actor)| Edit::AddAnnotation {
        document: doc_id,
        annotation: Annotation::Mention(Mention {
            id,
            span: span(&doc, phrase),
            actor,
            stamp: stamp.clone(),
            note: String::new(),
        }),
    });
    let statement = Statement {
        id: st,
        span: span(&doc, "China “stands ready” to work with CELAC"),
        speaker: Some(wang),
        attribution: "reported".into(),
        cue: Some(span(&doc, "said")),
        stamp: stamp.clone(),
        note: String::new(),
    };
    let commitment = Commitment {
        id: cm,
        statement: st,
        committer: Some(china),
        addressees: vec![],
        action: "work with CELAC".into(),
        category: "COOPERATE".into(),
        cameo: None,
        context: "diplomatic".into(),
        strength: "possible".into(),
        conditions: String::new(),
        time_horizon: "unspecified".into(),
        stamp: stamp.clone(),
        note: String::new(),
    };
    let stance = Stance {
        id: sn,
        statement: st,
        holder: Some(china),
        target: Some(StanceTarget::Topic("multilateralism".into())),
        polarity: "favor".into(),
        intensity: "moderate".into(),
        cameo: None,
        stamp: stamp.clone(),
        note: String::new(),
    };
    let mut edits = vec![
        Edit::AddActor(w),
        Edit::AddActor(c),
        Edit::AddDocument(Box::new(doc.clone())),
    ];
    edits.extend(mentions);
    for annotation in [
        Annotation::Statement(statement),
        Annotation::Commitment(commitment),
        Annotation::Stance(stance),
        Annotation::Link(Link {
            id: link,
            from: cm,
            to: sn,
            label: "answers".into(),
            stamp,
            note: String::new(),
        }),
    ] {
        edits.push(Edit::AddAnnotation {
            document: doc_id,
            annotation,
        });
    }
    ws.apply("Build fixture", Edit::Batch(edits))
        .expect("fixture applies");
    (ws, doc_id)
}

fn doc(ws: &Workspace, id: Id) -> &Document {
    ws.project().document(id).expect("document")
}

#[test]
fn merging_actors_moves_every_reference_and_keeps_names_as_aliases() {
    let (mut ws, d) = fixture();
    let wang = ws.project().actor_by_name("Wang Yi").unwrap().id;
    let china = ws.project().actor_by_name("China").unwrap().id;
    let before = ws.project().clone();
    let merge = compose::merge_actors(ws.project(), wang, china);
    ws.apply("Merge actors", merge).unwrap();
    let p = ws.project();
    assert!(p.actor(china).is_none());
    let kept = p.actor(wang).unwrap();
    assert!(kept.aliases.contains(&"China".to_string()));
    assert_eq!(kept.iso3.as_deref(), Some("CHN"));
    assert!(doc(&ws, d).mentions.iter().all(|m| m.actor == wang));
    assert!(
        doc(&ws, d)
            .commitments
            .iter()
            .all(|c| c.committer == Some(wang))
    );
    assert!(doc(&ws, d).stances.iter().all(|s| s.holder == Some(wang)));
    ws.undo().unwrap();
    assert_eq!(*ws.project(), before);
}

#[test]
fn deleting_an_actor_can_reassign_or_remove_its_mentions() {
    let (mut ws, d) = fixture();
    let wang = ws.project().actor_by_name("Wang Yi").unwrap().id;
    let china = ws.project().actor_by_name("China").unwrap().id;

    assert_eq!(
        Edit::RemoveActor(wang).apply(&mut ws.project().clone()),
        Err(EditError::ActorInUse(wang)),
        "an actor still referred to is not silently removed"
    );

    let reassign = compose::remove_actor(ws.project(), wang, ActorRemoval::ReassignTo(china));
    ws.apply("Delete actor", reassign).unwrap();
    assert_eq!(doc(&ws, d).mentions.len(), 3);
    assert!(doc(&ws, d).mentions.iter().all(|m| m.actor == china));
    assert_eq!(doc(&ws, d).statements[0].speaker, Some(china));
    ws.undo().unwrap();

    let remove = compose::remove_actor(ws.project(), wang, ActorRemoval::RemoveReferences);
    ws.apply("Delete actor", remove).unwrap();
    assert_eq!(
        doc(&ws, d).mentions.len(),
        1,
        "only China's mention is left"
    );
    assert_eq!(doc(&ws, d).statements[0].speaker, None);
}

#[test]
fn removing_a_statement_takes_its_commitments_stances_and_links_along() {
    let (mut ws, d) = fixture();
    let st = doc(&ws, d).statements[0].id;
    assert_eq!(
        Edit::RemoveAnnotation {
            document: d,
            id: st
        }
        .apply(&mut ws.project().clone()),
        Err(EditError::AnnotationInUse(st))
    );
    let before = ws.project().clone();
    ws.apply(
        "Delete statement",
        compose::remove_annotation_cascade(doc(&ws, d), st),
    )
    .unwrap();
    let after = doc(&ws, d);
    assert!(after.statements.is_empty() && after.commitments.is_empty());
    assert!(after.stances.is_empty() && after.links.is_empty());
    assert_eq!(
        after.mentions.len(),
        3,
        "mentions are not part of the statement"
    );
    ws.undo().unwrap();
    assert_eq!(*ws.project(), before);
}

/// A batch of removals (what undoing an accept-all is) keeps track of what still points at
/// each annotation as it goes: an end is refused while one link, commitment or stance
/// still points at it, and allowed once the last one is gone.
#[test]
fn a_batch_of_removals_refuses_what_is_still_pointed_at_until_the_last_pointer_goes() {
    let (mut ws, d) = fixture();
    let document = doc(&ws, d);
    let st = document.statements[0].id;
    let (cm, sn, link) = (
        document.commitments[0].id,
        document.stances[0].id,
        document.links[0].id,
    );
    let remove = |id: Id| Edit::RemoveAnnotation { document: d, id };
    let before = ws.project().clone();
    let refused = [
        // The link still points at the commitment.
        (vec![remove(cm)], cm),
        // The stance still points at the statement once the commitment is gone.
        (vec![remove(link), remove(cm), remove(st)], st),
        // The link points at the stance too.
        (vec![remove(sn)], sn),
    ];
    for (edits, in_use) in refused {
        assert_eq!(
            Edit::Batch(edits).apply(&mut ws.project().clone()),
            Err(EditError::AnnotationInUse(in_use))
        );
    }
    ws.apply(
        "Delete all",
        Edit::Batch(vec![remove(link), remove(sn), remove(cm), remove(st)]),
    )
    .expect("nothing points at anything removed once its turn comes");
    assert!(doc(&ws, d).statements.is_empty());
    ws.undo().expect("undone");
    assert_eq!(*ws.project(), before);
}

#[test]
fn renaming_a_codebook_key_updates_the_annotations_that_use_it() {
    let (mut ws, d) = fixture();
    let rename = compose::rename_codebook_key(
        ws.project(),
        CodebookList::Strengths,
        "possible",
        "tentative",
    );
    ws.apply("Rename strength", rename).unwrap();
    let cb = &ws.project().codebook;
    assert!(cb.entry(CodebookList::Strengths, "possible").is_none());
    let position = cb.strengths.iter().position(|e| e.key == "tentative");
    assert_eq!(position, Some(2), "the renamed entry keeps its place");
    assert_eq!(doc(&ws, d).commitments[0].strength, "tentative");
    assert_eq!(
        Edit::RemoveCodebookEntry {
            list: CodebookList::Strengths,
            key: "tentative".into()
        }
        .apply(&mut ws.project().clone()),
        Err(EditError::CodebookEntryInUse {
            list: CodebookList::Strengths,
            key: "tentative".into()
        })
    );
}

#[test]
fn a_refused_batch_changes_nothing() {
    let (mut ws, d) = fixture();
    let before = ws.project().clone();
    let mut meta = before.meta.clone();
    meta.name = "Renamed".into();
    let bad = Edit::Batch(vec![
        Edit::SetProjectMeta(meta),
        Edit::RemoveAnnotation {
            document: d,
            id: Id(999_999),
        },
    ]);
    assert!(ws.apply("Bad", bad).is_err());
    assert_eq!(*ws.project(), before);
    assert!(!ws.history().can_undo() || ws.history().undo_label() == Some("Build fixture"));
}

#[test]
fn spans_that_do_not_match_the_text_are_refused() {
    let (mut ws, d) = fixture();
    let wang = ws.project().actor_by_name("Wang Yi").unwrap().id;
    let id = ws.fresh_id().expect("a fresh id");
    let wrong = Span {
        ranges: vec![TextRange {
            start: 0,
            end: 7,
            text: "Foreign".into(),
        }],
    };
    let mut shifted = wrong.clone();
    shifted.ranges[0].start = 1;
    shifted.ranges[0].end = 8;
    let edit = |span| Edit::AddAnnotation {
        document: d,
        annotation: Annotation::Mention(Mention {
            id,
            span,
            actor: wang,
            stamp: Stamp::now("t"),
            note: String::new(),
        }),
    };
    assert!(matches!(
        ws.apply("Add", edit(shifted)),
        Err(EditError::BadSpan {
            error: SpanError::TextMismatch { .. },
            ..
        })
    ));
    ws.apply("Add", edit(wrong)).unwrap();
}

#[test]
fn typing_in_one_field_is_one_undo_step_and_the_saved_marker_follows_undo() {
    let (mut ws, _) = fixture();
    ws.mark_saved("/tmp/fixture.ron".into());
    assert!(!ws.is_dirty());
    let mut meta = ws.project().meta.clone();
    for name in ["F", "Fo", "For", "Foru", "Forum"] {
        meta.name = name.into();
        ws.apply_grouped(
            "Edit project name",
            Edit::SetProjectMeta(meta.clone()),
            Some("project.name".into()),
        )
        .unwrap();
    }
    assert!(ws.is_dirty());
    assert_eq!(ws.history().undo_label(), Some("Edit project name"));
    ws.undo().unwrap();
    assert_eq!(
        ws.project().meta.name,
        "Fixture",
        "one undo takes back the whole word"
    );
    assert!(!ws.is_dirty(), "back at the saved state");
    ws.redo().unwrap();
    assert_eq!(ws.project().meta.name, "Forum");
    assert!(ws.is_dirty());

    ws.seal_group();
    meta.name = "Forum!".into();
    ws.apply_grouped(
        "Edit project name",
        Edit::SetProjectMeta(meta),
        Some("project.name".into()),
    )
    .unwrap();
    ws.undo().unwrap();
    assert_eq!(
        ws.project().meta.name,
        "Forum",
        "after sealing, a new step begins"
    );
}

#[test]
fn ids_are_never_reused_after_undo() {
    let (mut ws, _) = fixture();
    let a = ws.fresh_id().expect("a fresh id");
    ws.apply(
        "Add actor",
        Edit::AddActor(Actor::new(a, "Gustavo Petro", "person")),
    )
    .unwrap();
    ws.undo().unwrap();
    let b = ws.fresh_id().expect("a fresh id");
    assert!(b > a);
}

#[test]
fn linking_refuses_self_links_links_between_links_and_duplicates_and_undo_removes_it() {
    use crate::ui_panels_support::{COMMITMENT, DOC, STANCE, project};
    let mut ws = Workspace::new(project(), None);
    let build = |ws: &mut Workspace, from: Id, to: Id| {
        let id = ws.fresh_id().expect("a fresh id");
        let project = ws.project();
        let doc = project.document(DOC).expect("doc");
        compose::add_link(project, doc, id, from, to, "analyst").map(|e| (id, e))
    };
    assert_eq!(
        build(&mut ws, STANCE, STANCE).err(),
        Some(compose::LinkError::ToItself)
    );
    assert_eq!(
        build(&mut ws, STANCE, Id(999_999)).err(),
        Some(compose::LinkError::Missing(Id(999_999)))
    );
    let before = ws.project().clone();
    let (link, edit) = build(&mut ws, COMMITMENT, STANCE).expect("linkable");
    ws.apply("Link", edit).expect("applies");
    let doc = ws.project().document(DOC).expect("doc");
    let made = doc.links.iter().find(|l| l.id == link).expect("link added");
    // The codebook's first link type; the analyst changes it afterwards.
    assert_eq!(
        (made.from, made.to, made.label.as_str()),
        (COMMITMENT, STANCE, "answers")
    );
    assert_eq!(
        build(&mut ws, COMMITMENT, STANCE).err(),
        Some(compose::LinkError::AlreadyLinked)
    );
    assert_eq!(
        build(&mut ws, link, STANCE).err(),
        Some(compose::LinkError::LinkEndpoint)
    );
    ws.undo().expect("undo");
    assert_eq!(ws.project(), &before);
}
