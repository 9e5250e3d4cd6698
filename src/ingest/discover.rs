//! From the paths the user typed to the files read, and the manifests in scope for each.
//!
//! A directory is walked recursively in sorted order (so ids and error order never depend
//! on the file system), taking `.txt`, `.md` and `.jsonl`; hidden entries and README files
//! are skipped (a file given by name is always read).
//! Symbolic links are followed, but a directory reached twice (a link loop, or a link to
//! a directory already read) is read once, by canonical path. A file given directly is
//! read whatever its extension. Paths are shown as the user typed them, joined with what
//! the walk found below, so messages name files the user can open.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::manifest::{self, Manifest};
use super::{Context, Index, IngestOptions, InputError, Loader, Place, decode, jsonl};

/// The extensions taken from a directory.
const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "md", "jsonl"];

/// A manifest in scope during a walk.
struct Scope {
    /// How many path components below the walk's root its directory is.
    depth: usize,
    manifest: Arc<Manifest>,
}

/// A file the walk found, read later on one of the index pass's threads
/// ([`FileJob::read`]), with what its manifests declare for it.
pub(super) struct FileJob {
    path: PathBuf,
    id: String,
    /// The file's size when the walk found it.
    len: u64,
    /// A regular file (read again by the read pass), not a FIFO or device given by name.
    is_file: bool,
    declared: Declared,
}

/// The manifests that declare something for a file: the one whose `[[article]]` entry
/// names it (with that name), and those whose `[defaults]` apply, innermost first.
struct Declared {
    entry: Option<(Arc<Manifest>, String)>,
    defaults: Vec<Arc<Manifest>>,
}

impl Declared {
    fn context(&self) -> Context<'_> {
        Context {
            entry: self.entry.as_ref().and_then(|(m, name)| m.entries.get(name)),
            defaults: self.defaults.iter().map(|m| &m.defaults).collect(),
        }
    }
}

impl FileJob {
    /// Reads one file, as JSONL or as a text article: what it holds, or why it cannot be read.
    pub(super) fn read(&self, options: &IngestOptions) -> Index {
        let FileJob {
            path,
            id,
            len,
            is_file,
            declared,
        } = self;
        let mut index = Index::default();
        let display = path.display().to_string();
        let is_jsonl = has_extension(path, &["jsonl"]);
        // Checked before reading so a huge file is never loaded; a JSONL file is many
        // articles, so its limit applies per record (and line) instead.
        if let (false, Err(error)) = (is_jsonl, decode::check_size(*len, &display, options)) {
            index.errors.push(error);
            return index;
        }
        let file = match fs::File::open(path) {
            Ok(file) => file,
            Err(e) => {
                index.errors.push(decode::unreadable(&display, &e));
                return index;
            }
        };
        // The read pass reads a regular file again; a FIFO or a device given by name
        // cannot be, so its articles keep their text.
        let again = is_file.then_some(path);
        if is_jsonl {
            let again = again.map(|path| Arc::from(path.as_path()));
            jsonl::read(BufReader::new(file), &display, id, again, options, &mut index);
        } else {
            match decode::read_article(file, &display, options) {
                Ok(bytes) => {
                    let place = again.map(|path| Place::File(path.to_path_buf()));
                    super::text_article(
                        &mut index,
                        options,
                        bytes,
                        &display,
                        id.clone(),
                        &declared.context(),
                        place,
                    );
                }
                Err(error) => index.errors.push(error),
            }
        }
        index
    }
}

impl Loader<'_> {
    /// Reads a file or walks a directory given on the command line.
    pub(super) fn path(&mut self, path: &Path) {
        let display = path.display().to_string();
        let metadata = match fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !is_symlink(path) => {
                self.error(InputError::new(
                    &display,
                    "no such file or directory",
                    "check the path; give a file, a directory, or `-` for standard input",
                ));
                return;
            }
            Err(e) => return self.error(not_followed(path, &display, &e)),
        };
        if metadata.is_dir() {
            self.walk(path, &mut Vec::new(), &mut Vec::new(), &mut HashMap::new());
            return;
        }
        // A file given directly still takes its own directory's manifest, so reading one
        // article of a corpus gives it the same metadata as reading the whole corpus.
        let parent = path.parent().unwrap_or(Path::new(""));
        let manifest = self.manifest(parent);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let declared = Declared {
            entry: manifest
                .clone()
                .zip(name)
                .filter(|(m, name)| m.entries.contains_key(name)),
            defaults: manifest.into_iter().collect(),
        };
        self.put_off(FileJob {
            path: path.to_path_buf(),
            id: stem(path),
            len: metadata.len(),
            is_file: metadata.is_file(),
            declared,
        });
    }

    /// Walks `dir`, whose path below the walk's root is `rel`.
    fn walk(
        &mut self,
        dir: &Path,
        rel: &mut Vec<String>,
        scopes: &mut Vec<Scope>,
        visited: &mut HashMap<PathBuf, String>,
    ) {
        let display = dir.display().to_string();
        match fs::canonicalize(dir) {
            Ok(canonical) => {
                if let Some(first) = visited.get(&canonical) {
                    self.index.warnings.push(InputError::new(
                        &display,
                        format!("is the directory {first} again (skipped)"),
                        "a symbolic link leads back to a directory already read",
                    ));
                    return;
                }
                visited.insert(canonical, display.clone());
            }
            Err(e) => return self.error(decode::unreadable(&display, &e)),
        }
        let mut entries = match fs::read_dir(dir).and_then(|entries| {
            entries
                .map(|entry| entry.map(|e| (e.file_name(), e.path())))
                .collect::<Result<Vec<_>, _>>()
        }) {
            Ok(entries) => entries,
            Err(e) => return self.error(decode::unreadable(&display, &e)),
        };
        entries.sort();
        let manifest = self.manifest(dir);
        if let Some(manifest) = manifest.clone() {
            scopes.push(Scope {
                depth: rel.len(),
                manifest,
            });
        }
        for (name, path) in entries {
            let name = name.to_string_lossy().into_owned();
            // Hidden entries, and a corpus directory's own README, are not articles.
            if name.starts_with('.') || is_readme(&name) {
                continue;
            }
            let metadata = match fs::metadata(&path) {
                Ok(metadata) => metadata,
                Err(e) => {
                    self.error(not_followed(&path, &path.display().to_string(), &e));
                    continue;
                }
            };
            rel.push(name);
            if metadata.is_dir() {
                self.walk(&path, rel, scopes, visited);
            } else if !metadata.is_file() && has_extension(&path, &ARTICLE_EXTENSIONS) {
                self.error(InputError::new(
                    &path.display().to_string(),
                    "is not a regular file (a FIFO, socket or device)",
                    "a walk reads only regular files; give it on the command line to read it \
                     (a FIFO is read until its writer closes it)",
                ));
            } else if metadata.is_file() && has_extension(&path, &ARTICLE_EXTENSIONS) {
                let mut id = rel[..rel.len() - 1].join("/");
                if !id.is_empty() {
                    id.push('/');
                }
                id.push_str(&stem(&path));
                // Innermost manifest first: the closest one knows the file best.
                let declared = Declared {
                    entry: scopes.iter().rev().find_map(|s| {
                        let name = rel[s.depth..].join("/");
                        s.manifest
                            .entries
                            .contains_key(&name)
                            .then(|| (s.manifest.clone(), name))
                    }),
                    defaults: scopes.iter().rev().map(|s| s.manifest.clone()).collect(),
                };
                self.put_off(FileJob {
                    path,
                    id,
                    len: metadata.len(),
                    is_file: true,
                    declared,
                });
            }
            rel.pop();
        }
        if manifest.is_some() {
            scopes.pop();
        }
    }

    /// The manifest of `dir`, read once per load; `None` when there is none or it is
    /// broken (reported once).
    fn manifest(&mut self, dir: &Path) -> Option<Arc<Manifest>> {
        let file = dir.join(manifest::FILE_NAME);
        // `Path::new("").join(..)` names the manifest as the user would; the file system
        // needs a real directory for a file given without one.
        let on_disk = if dir.as_os_str().is_empty() {
            Path::new(".").join(&file)
        } else {
            file.clone()
        };
        if !on_disk.is_file() {
            return None;
        }
        let canonical = fs::canonicalize(&on_disk).unwrap_or_else(|_| on_disk.clone());
        if let Some(known) = self.manifests.get(&canonical) {
            return known.clone();
        }
        let display = file.display().to_string();
        let fs_dir = on_disk.parent().unwrap_or(Path::new("."));
        let read = fs::read(&on_disk)
            .map_err(|e| decode::unreadable(&display, &e))
            .and_then(|bytes| decode::utf8(bytes, &display))
            .and_then(|text| manifest::parse(&text, &display, fs_dir));
        let manifest = match read {
            Ok(manifest) => Some(Arc::new(manifest)),
            Err(mut error) => {
                if !error.hint.contains(manifest::FALLBACK) {
                    error.hint = match error.hint.as_str() {
                        "" => manifest::FALLBACK.to_string(),
                        hint => format!("{hint}; {}", manifest::FALLBACK),
                    };
                }
                self.error(error);
                None
            }
        };
        self.manifests.insert(canonical, manifest.clone());
        manifest
    }
}

/// The error for a path whose metadata cannot be read: a symbolic link that leads
/// nowhere (its target is missing, or it loops) says so; anything else cannot be read.
fn not_followed(path: &Path, display: &str, error: &std::io::Error) -> InputError {
    if is_symlink(path) {
        return InputError::new(
            display,
            format!("is a symbolic link that cannot be followed: {error}"),
            "its target is missing or the link leads back to itself; fix or remove the link",
        );
    }
    decode::unreadable(display, error)
}

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The file name without its extension, as an id.
fn stem(path: &Path) -> String {
    path.file_stem()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|ext| extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

/// `README`, `README.md`, `readme.txt`…: documentation of a corpus directory.
fn is_readme(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    stem.eq_ignore_ascii_case("readme")
}
