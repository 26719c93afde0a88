//! The project folder through the library: the same project as the single file, file by
//! file; saves that write only what changed and never over another writer's change;
//! problems that name their file; reloading the files another writer changed.

use demarche::edit::{Edit, Scope};
use demarche::model::{Annotation, Id, Project, Stamp};
use demarche::persist::folder::{self, FolderState, Part};
use demarche::persist::{self, LoadError, ProblemKind, SaveError};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

pub(crate) fn demo_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("project-files/demo.ron")
}

fn demo() -> Project {
    persist::load(&demo_path()).expect("the demo loads").project
}

/// Every file under `dir` (relative) with its bytes.
pub(crate) fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).expect("inside").to_owned();
            (relative, fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// The files whose bytes differ between two snapshots (added, changed or removed).
fn differing(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
) -> Vec<PathBuf> {
    let names: BTreeSet<&PathBuf> = before.keys().chain(after.keys()).collect();
    names
        .into_iter()
        .filter(|n| before.get(*n) != after.get(*n))
        .cloned()
        .collect()
}

fn load_folder(dir: &Path) -> (Project, FolderState) {
    let loaded = persist::load(dir).expect("the folder loads");
    (
        loaded.project,
        loaded.folder.expect("a folder has a folder state"),
    )
}

/// The demo as a folder in a temporary directory.
fn demo_folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("demo");
    folder::create(&dir, &demo()).expect("created");
    (tmp, dir)
}

/// A copy of the first mention of `document`, as `analyst`'s new annotation.
fn mention_by(project: &Project, document: Id, analyst: &str) -> Edit {
    let doc = project.document(document).expect("document");
    let mut mention = doc.mentions[0].clone();
    mention.id = project.id_allocator(analyst).fresh().expect("an id");
    mention.stamp = Stamp::now(analyst);
    Edit::AddAnnotation {
        document,
        annotation: Annotation::Mention(mention),
    }
}

fn apply(edit: Edit, project: &mut Project, scopes: &mut BTreeSet<Scope>) {
    edit.add_scopes(scopes);
    edit.apply(project).expect("the edit applies");
}

#[test]
fn the_demo_file_becomes_a_folder_and_back_byte_for_byte() {
    let (_tmp, dir) = demo_folder();
    let files = snapshot(&dir);
    assert!(files.contains_key(Path::new("project.ron")));
    assert!(files.contains_key(Path::new(".gitignore")));
    assert!(files.keys().any(|f| f.starts_with("actors")));
    assert!(files.keys().any(|f| f.starts_with("layers/demo")));
    for (name, bytes) in &files {
        assert!(!bytes.contains(&b'\r'), "{} has a CR", name.display());
        assert_eq!(
            bytes.last(),
            Some(&b'\n'),
            "{} ends with a newline",
            name.display()
        );
    }
    let (project, _) = load_folder(&dir);
    let text = persist::to_canonical_string(&project);
    assert_eq!(
        text.as_bytes(),
        fs::read(demo_path()).expect("demo").as_slice()
    );
}

#[test]
fn every_part_file_is_canonical_and_parses_back_to_the_same_part() {
    let (_tmp, dir) = demo_folder();
    for (relative, bytes) in snapshot(&dir) {
        if relative == Path::new(".gitignore") {
            continue;
        }
        let text = String::from_utf8(bytes).expect("UTF-8");
        let part = folder::parse_part(&relative, &text).expect("parses");
        assert_eq!(folder::part_text(&part), text, "{}", relative.display());
        let expected_kind = relative.components().next().expect("a name");
        let ok = match &part {
            Part::Project(_) => relative == Path::new("project.ron"),
            Part::Actor(_) => expected_kind.as_os_str() == "actors",
            Part::Document(d) => {
                expected_kind.as_os_str() == "documents"
                    && !text.contains("progress")
                    && d.fingerprint.starts_with("sha256:")
            }
            Part::Layer(l) => expected_kind.as_os_str() == "layers" && l.analyst == "demo",
        };
        assert!(ok, "{} holds {part:?}", relative.display());
    }
}

proptest! {
    #![proptest_config(Config { cases: 24, ..Config::default() })]

    #[test]
    fn generated_projects_go_to_a_folder_and_back_unchanged(
        recipe in crate::properties::project_recipe()
    ) {
        let project = crate::properties::build(&recipe);
        let tmp = tempfile::tempdir().expect("temporary folder");
        let dir = tmp.path().join("p");
        folder::create(&dir, &project).expect("created");
        let (loaded, _) = load_folder(&dir);
        prop_assert_eq!(&loaded, &project);
        prop_assert_eq!(
            persist::to_canonical_string(&loaded),
            persist::to_canonical_string(&project)
        );
    }
}

#[test]
fn a_save_after_one_edit_rewrites_only_that_analysts_layer_of_that_document() {
    let (_tmp, dir) = demo_folder();
    let (mut project, mut state) = load_folder(&dir);
    // Two analysts on document 15: the edit of one leaves the other's file alone.
    let mut scopes = BTreeSet::new();
    apply(
        mention_by(&project, Id(15), "bob"),
        &mut project,
        &mut scopes,
    );
    folder::save(&dir, &project, &mut state, Some(&scopes)).expect("saved");
    let before = snapshot(&dir);

    let mut scopes = BTreeSet::new();
    let doc = project.document(Id(15)).expect("doc");
    let mut tag = doc
        .mentions
        .iter()
        .find(|m| m.stamp.annotator == "demo")
        .expect("a mention")
        .clone();
    tag.note = "checked against the wire copy".to_owned();
    apply(
        Edit::UpdateAnnotation {
            document: Id(15),
            annotation: Annotation::Mention(tag),
        },
        &mut project,
        &mut scopes,
    );
    let written = folder::save(&dir, &project, &mut state, Some(&scopes)).expect("saved");
    let after = snapshot(&dir);
    let layer = state
        .layer_file(Id(15), "demo")
        .expect("demo's layer")
        .to_owned();
    assert_eq!(differing(&before, &after), std::slice::from_ref(&layer));
    assert_eq!(written.written, [layer]);

    // A full save (a command's) finds nothing else to write.
    let written = folder::save(&dir, &project, &mut state, None).expect("saved");
    assert!(written.is_empty(), "{written:?}");
    assert_eq!(snapshot(&dir), after);
    let (reloaded, _) = load_folder(&dir);
    assert_eq!(reloaded, project);
}

#[test]
fn a_new_analyst_adds_one_file_and_a_retitled_document_keeps_its_name() {
    let (_tmp, dir) = demo_folder();
    let (mut project, mut state) = load_folder(&dir);
    let before = snapshot(&dir);
    let mut scopes = BTreeSet::new();
    apply(
        mention_by(&project, Id(67), "Ann Lee"),
        &mut project,
        &mut scopes,
    );
    folder::save(&dir, &project, &mut state, Some(&scopes)).expect("saved");
    let changed = differing(&before, &snapshot(&dir));
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].starts_with("layers"));
    assert!(!before.contains_key(&changed[0]), "a new file");

    let document_file = state.document_file(Id(67)).expect("its file");
    let mut meta = project.document(Id(67)).expect("doc").meta.clone();
    meta.title = "A wholly different title".to_owned();
    let before = snapshot(&dir);
    let mut scopes = BTreeSet::new();
    apply(
        Edit::UpdateDocumentMeta {
            document: Id(67),
            meta,
        },
        &mut project,
        &mut scopes,
    );
    folder::save(&dir, &project, &mut state, Some(&scopes)).expect("saved");
    assert_eq!(
        differing(&before, &snapshot(&dir)),
        std::slice::from_ref(&document_file)
    );
    let (reloaded, state) = load_folder(&dir);
    assert_eq!(reloaded, project);
    assert_eq!(state.document_file(Id(67)), Some(document_file));
}

#[test]
fn removing_a_document_removes_its_file_and_its_layers() {
    let (_tmp, dir) = demo_folder();
    let (mut project, mut state) = load_folder(&dir);
    let document_file = state.document_file(Id(104)).expect("file");
    let layer = state.layer_file(Id(104), "demo").expect("layer").to_owned();
    let mut scopes = BTreeSet::new();
    apply(Edit::RemoveDocument(Id(104)), &mut project, &mut scopes);
    let written = folder::save(&dir, &project, &mut state, Some(&scopes)).expect("saved");
    assert_eq!(written.removed, [document_file.clone(), layer.clone()]);
    assert!(!dir.join(&document_file).exists());
    assert!(!dir.join(&layer).exists());
    assert_eq!(load_folder(&dir).0, project);
}

#[test]
fn a_file_another_writer_changed_is_never_overwritten() {
    let (_tmp, dir) = demo_folder();
    let (mut project, mut state) = load_folder(&dir);
    // Another writer (git pull, a second window) changes demo's layer of document 15.
    let layer = dir.join(state.layer_file(Id(15), "demo").expect("layer"));
    let theirs = fs::read_to_string(&layer)
        .expect("read")
        .replace("status: Done", "status: InProgress");
    fs::write(&layer, &theirs).expect("their write");
    let before = snapshot(&dir);

    // My own edit of that layer, with an edit of project.ron: the save refuses, whether it
    // renders the touched parts (the window) or every part (a command).
    let mut scopes = BTreeSet::new();
    apply(
        mention_by(&project, Id(15), "demo"),
        &mut project,
        &mut scopes,
    );
    let mut meta = project.meta.clone();
    meta.description = format!("{} (edited)", meta.description);
    apply(Edit::SetProjectMeta(meta), &mut project, &mut scopes);
    for scopes in [Some(scopes), None] {
        match folder::save(&dir, &project, &mut state, scopes.as_ref()) {
            Err(SaveError::ChangedOnDisk { path, .. }) => assert_eq!(path, layer),
            other => panic!("expected a refusal, got {other:?}"),
        }
        // Checked before writing: not even project.ron was written.
        assert_eq!(snapshot(&dir), before);
    }
    assert_eq!(fs::read_to_string(&layer).expect("read"), theirs);
    // A save of other parts goes through.
    let mut scopes = BTreeSet::new();
    apply(
        mention_by(&project, Id(67), "demo"),
        &mut project,
        &mut scopes,
    );
    folder::save(&dir, &project, &mut state, Some(&scopes)).expect("saved");
    assert_eq!(fs::read_to_string(&layer).expect("read"), theirs);
}

/// Writes `text` to `relative` in `dir` and loads the folder, expecting it to fail.
fn problems_after(dir: &Path, relative: &str, text: &str) -> Vec<persist::Problem> {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().expect("parent")).expect("folder");
    fs::write(&path, text).expect("write");
    match persist::load(dir) {
        Err(LoadError::Invalid { path, problems }) => {
            assert_eq!(path, dir);
            problems
        }
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn problems_name_the_file_they_come_from() {
    let (_tmp, dir) = demo_folder();
    let (_, state) = load_folder(&dir);
    let layer = state.layer_file(Id(15), "demo").expect("layer").to_owned();
    let good = fs::read_to_string(dir.join(&layer)).expect("read");

    // A syntax error: the file and the line.
    let problems = problems_after(
        &dir,
        layer.to_str().expect("utf-8"),
        &good.replacen("mentions: [", "mentions: [[", 1),
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file.as_deref(), Some(layer.as_path()));
    assert!(problems[0].position.is_some());
    assert!(
        problems[0]
            .to_string()
            .starts_with(&format!("{}: line ", layer.display()))
    );
    fs::write(dir.join(&layer), &good).expect("restore");

    // A validation problem (the text changed behind Demarche's back) names the document's file.
    let document_file = state.document_file(Id(15)).expect("file");
    let text = fs::read_to_string(dir.join(&document_file)).expect("read");
    let problems = problems_after(
        &dir,
        document_file.to_str().expect("utf-8"),
        &text.replacen("text: \"", "text: \"Edited: ", 1),
    );
    assert!(
        problems
            .iter()
            .any(|p| p.kind == ProblemKind::FingerprintMismatch
                && p.file.as_deref() == Some(document_file.as_path())),
        "{problems:?}"
    );
    fs::write(dir.join(&document_file), &text).expect("restore");

    // A layer of a document the project does not have.
    let stray = "layers/demo/999-gone.ron";
    let problems = problems_after(
        &dir,
        stray,
        &good.replacen("document: 15,", "document: 999,", 1),
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].kind, ProblemKind::MissingDocument);
    assert_eq!(problems[0].file.as_deref(), Some(Path::new(stray)));
    fs::remove_file(dir.join(stray)).expect("remove");

    // The same actor id in two files: the problem names both.
    let china = fs::read_to_string(dir.join("actors/1-china.ron")).expect("read");
    let problems = problems_after(&dir, "actors/1-china-again.ron", &china);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].kind, ProblemKind::DuplicateId);
    let named = problems[0].to_string();
    assert!(
        named.contains("actors/1-china.ron") && named.contains("actors/1-china-again.ron"),
        "{named}"
    );
    fs::remove_file(dir.join("actors/1-china-again.ron")).expect("remove");

    // A file that cannot be read.
    fs::create_dir(dir.join("actors/15-unreadable.ron")).expect("a folder where a file should be");
    match persist::load(&dir) {
        Err(LoadError::Invalid { problems, .. }) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].kind, ProblemKind::Unreadable);
            assert_eq!(
                problems[0].file.as_deref(),
                Some(Path::new("actors/15-unreadable.ron"))
            );
        }
        other => panic!("expected problems, got {other:?}"),
    }
    fs::remove_dir(dir.join("actors/15-unreadable.ron")).expect("remove");

    // Files that are no part of a project are ignored.
    fs::write(dir.join("README.md"), "our corpus\n").expect("write");
    fs::write(dir.join("documents/notes.txt"), "to do\n").expect("write");
    assert_eq!(load_folder(&dir).0, demo());
}

#[test]
fn the_main_file_of_a_folder_opens_the_folder() {
    let (_tmp, dir) = demo_folder();
    let loaded = persist::load(&dir.join("project.ron")).expect("loads");
    assert_eq!(loaded.project, demo());
    assert!(loaded.folder.is_some());
    // An empty project's folder has no subfolders; its project.ron is still told apart.
    let tmp = tempfile::tempdir().expect("tmp");
    let empty = tmp.path().join("empty");
    folder::create(&empty, &Project::new("empty")).expect("created");
    assert!(
        persist::load(&empty.join("project.ron"))
            .expect("loads")
            .folder
            .is_some()
    );
    // A single file called project.ron stays a single file.
    let single = tmp.path().join("project.ron");
    persist::save(&demo(), &single).expect("saved");
    assert!(persist::load(&single).expect("loads").folder.is_none());
}

#[test]
fn the_files_another_writer_changed_are_listed_and_reloaded_beside_unsaved_edits() {
    let (_tmp, dir) = demo_folder();
    let (mut mine, mut my_state) = load_folder(&dir);
    assert!(folder::changed_files(&dir, &my_state).is_empty());

    // Another writer: bob codes document 67 and saves.
    let (mut theirs, mut their_state) = load_folder(&dir);
    let mut scopes = BTreeSet::new();
    apply(mention_by(&theirs, Id(67), "bob"), &mut theirs, &mut scopes);
    folder::save(&dir, &theirs, &mut their_state, Some(&scopes)).expect("their save");

    // Meanwhile, unsaved work of mine on document 15.
    let mut my_scopes = BTreeSet::new();
    apply(mention_by(&mine, Id(15), "demo"), &mut mine, &mut my_scopes);

    let changed = folder::changed_files(&dir, &my_state);
    let bobs = their_state
        .layer_file(Id(67), "bob")
        .expect("bob's layer")
        .to_owned();
    assert_eq!(changed, std::slice::from_ref(&bobs));
    folder::reload_parts(&dir, &mut mine, &mut my_state, &changed).expect("reloaded");
    assert!(folder::changed_files(&dir, &my_state).is_empty());
    assert!(
        mine.document(Id(67))
            .expect("doc")
            .mentions
            .iter()
            .any(|m| m.stamp.annotator == "bob")
    );
    assert_eq!(
        mine.document(Id(15)).expect("doc").mentions.len(),
        theirs.document(Id(15)).expect("doc").mentions.len() + 1
    );

    // My save then goes through and keeps both.
    folder::save(&dir, &mine, &mut my_state, Some(&my_scopes)).expect("my save");
    assert_eq!(load_folder(&dir).0, mine);

    // A removed layer takes its work away.
    fs::remove_file(dir.join(&bobs)).expect("remove");
    let changed = folder::changed_files(&dir, &my_state);
    assert_eq!(changed, [bobs]);
    folder::reload_parts(&dir, &mut mine, &mut my_state, &changed).expect("reloaded");
    assert!(
        mine.document(Id(67))
            .expect("doc")
            .mentions
            .iter()
            .all(|m| m.stamp.annotator != "bob")
    );
    assert_eq!(load_folder(&dir).0, mine);
}

#[test]
fn a_reload_with_a_broken_file_changes_nothing() {
    let (_tmp, dir) = demo_folder();
    let (mut project, mut state) = load_folder(&dir);
    let layer = state.layer_file(Id(15), "demo").expect("layer").to_owned();
    fs::write(dir.join(&layer), "(analyst: \"demo\", document: 15,").expect("a cut file");
    let before = (project.clone(), state.clone());
    let changed = folder::changed_files(&dir, &state);
    match folder::reload_parts(&dir, &mut project, &mut state, &changed) {
        Err(LoadError::Invalid { problems, .. }) => {
            assert_eq!(problems[0].file.as_deref(), Some(layer.as_path()));
        }
        other => panic!("expected problems, got {other:?}"),
    }
    assert_eq!((project, state), before);
}
