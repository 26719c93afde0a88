//! `demarche team setup`: registers the merge driver in a git clone, so that `git merge`
//! and `git pull` merge project files as projects. Writes the driver's command into the
//! clone's `.git/config` (per clone: git never takes commands from the repository itself)
//! and a `.gitattributes` line naming the project files, which is committed and shared.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The attribute name in `.gitattributes` and `.git/config`.
pub const DRIVER: &str = "demarche";

/// What `setup` did, for the command's report.
#[derive(Debug)]
pub struct Registered {
    pub repository: PathBuf,
    pub attributes: PathBuf,
    pub pattern: String,
    pub attributes_changed: bool,
}

/// Registers the driver for `project` (a project file or folder inside a git clone).
pub fn setup(project: &Path, demarche: &Path) -> Result<Registered> {
    let project = project
        .canonicalize()
        .with_context(|| format!("cannot find {}", project.display()))?;
    let start = if project.is_dir() {
        project.clone()
    } else {
        project.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let repository = git(&start, &["rev-parse", "--show-toplevel"])
        .with_context(|| format!("{} is not inside a git clone", project.display()))?;
    let repository = PathBuf::from(repository.trim());
    let relative = project
        .strip_prefix(&repository)
        .with_context(|| format!("{} is outside {}", project.display(), repository.display()))?;
    let pattern = attribute_pattern(relative, project.is_dir());
    let driver = format!("{} merge-driver %O %A %B %P", shell_quote(demarche));
    git(
        &repository,
        &[
            "config",
            &format!("merge.{DRIVER}.name"),
            "Demarche project files",
        ],
    )?;
    git(
        &repository,
        &["config", &format!("merge.{DRIVER}.driver"), &driver],
    )?;
    let attributes = repository.join(".gitattributes");
    let attributes_changed = add_lines(&attributes, &[format!("{pattern} merge={DRIVER}")])?;
    // What a save leaves beside the project is this machine's, never the team's: backups
    // and locks committed by one analyst would conflict at every merge.
    let ignore = ignored_beside(relative, project.is_dir());
    add_lines(&repository.join(".gitignore"), &ignore)?;
    Ok(Registered {
        repository,
        attributes,
        pattern,
        attributes_changed,
    })
}

/// The `.gitignore` patterns of the files a save, a lock and a recovery leave beside a
/// project file (or inside a project folder).
fn ignored_beside(relative: &Path, folder: bool) -> Vec<String> {
    let base = attribute_pattern(relative, folder);
    if folder {
        let dir = base.trim_end_matches("*.ron").trim_end_matches("**/");
        ["*.bak", "*.lock", "*.recovery.*", ".*.tmp"]
            .iter()
            .map(|p| format!("{dir}**/{p}"))
            .collect()
    } else {
        let (dir, name) = base.rsplit_once('/').unwrap_or(("", &base));
        vec![
            format!("{dir}/{name}.bak"),
            format!("{dir}/{name}.lock"),
            format!("{dir}/{name}.recovery.*"),
            format!("{dir}/.{name}.*.tmp"),
        ]
    }
}

/// Appends the lines a file lacks; true when it changed.
fn add_lines(path: &Path, lines: &[String]) -> Result<bool> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let missing: Vec<&String> = lines
        .iter()
        .filter(|line| !existing.lines().any(|l| l.trim() == line.as_str()))
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(true)
}

/// The `.gitattributes` pattern for a project: every `.ron` file of a folder, or the file.
fn attribute_pattern(relative: &Path, folder: bool) -> String {
    let path = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().replace(' ', "[[:space:]]"))
        .collect::<Vec<_>>()
        .join("/");
    match (folder, path.is_empty()) {
        (true, true) => "*.ron".to_owned(),
        (true, false) => format!("/{path}/**/*.ron"),
        (false, _) => format!("/{path}"),
    }
}

/// Quoted for the shell git runs the driver with.
fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', r"'\''"))
}

fn git(dir: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .context("cannot run git (is it installed?)")?;
    if !out.status.success() {
        bail!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_name_the_project_and_escape_spaces() {
        assert_eq!(
            attribute_pattern(Path::new("corpus.ron"), false),
            "/corpus.ron"
        );
        assert_eq!(
            attribute_pattern(Path::new("team work/corpus"), true),
            "/team[[:space:]]work/corpus/**/*.ron"
        );
        assert_eq!(attribute_pattern(Path::new(""), true), "*.ron");
    }

    #[test]
    fn side_files_of_a_save_are_ignored() {
        assert_eq!(
            ignored_beside(Path::new("team/corpus.ron"), false),
            [
                "/team/corpus.ron.bak",
                "/team/corpus.ron.lock",
                "/team/corpus.ron.recovery.*",
                "/team/.corpus.ron.*.tmp"
            ]
        );
        assert_eq!(
            ignored_beside(Path::new("corpus"), true)[0],
            "/corpus/**/*.bak"
        );
    }
}
