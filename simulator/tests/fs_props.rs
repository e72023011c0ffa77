//! Property tests of the layered filesystem: random sequences of writes, deletes, renames, copies
//! and directory changes across several layers and commits behave as a plain map of path →
//! content; whiteouts hide lower files; a commit under a fresh writable layer shows the same view;
//! `docker diff` agrees with the model's changes; no path makes anything panic.

#![allow(clippy::indexing_slicing)] // test code: prefixes of paths the test itself built

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use proptest::prelude::*;
use simulator::fs::{ChangeKind, CopyOptions, Errno, FsError, Layer, LayerBuilder, MergedFs};

/// The reference model: absolute path → directory or file content.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Dir,
    File(Vec<u8>),
}

type Model = BTreeMap<Vec<String>, Entry>;

#[derive(Debug, Clone)]
enum Op {
    Write(Vec<String>, Vec<u8>),
    Append(Vec<String>, Vec<u8>),
    Mkdir(Vec<String>),
    MkdirAll(Vec<String>),
    Remove(Vec<String>, bool),
    Rmdir(Vec<String>),
    Rename(Vec<String>, Vec<String>),
    Copy(Vec<String>, Vec<String>),
    Commit,
}

fn path_strategy() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop::sample::select(vec!["a", "b", "c"]).prop_map(str::to_string), 1..=3)
}

fn op_strategy() -> impl Strategy<Value = Op> {
    let data = prop::collection::vec(prop::sample::select(vec![b'x', b'y', b'\n']), 0..4);
    prop_oneof![
        4 => (path_strategy(), data.clone()).prop_map(|(p, d)| Op::Write(p, d)),
        1 => (path_strategy(), data).prop_map(|(p, d)| Op::Append(p, d)),
        2 => path_strategy().prop_map(Op::Mkdir),
        2 => path_strategy().prop_map(Op::MkdirAll),
        2 => (path_strategy(), any::<bool>()).prop_map(|(p, r)| Op::Remove(p, r)),
        1 => path_strategy().prop_map(Op::Rmdir),
        2 => (path_strategy(), path_strategy()).prop_map(|(a, b)| Op::Rename(a, b)),
        1 => (path_strategy(), path_strategy()).prop_map(|(a, b)| Op::Copy(a, b)),
        1 => Just(Op::Commit),
    ]
}

fn render(p: &[String]) -> String {
    format!("/{}", p.join("/"))
}

/// Checks the ancestors of `p`: each must be a directory.
fn ancestors_ok(m: &Model, p: &[String]) -> Result<(), Errno> {
    for i in 1..p.len() {
        match m.get(&p[..i]) {
            Some(Entry::Dir) => {}
            Some(Entry::File(_)) => return Err(Errno::NotDir),
            None => return Err(Errno::NoEnt),
        }
    }
    Ok(())
}

fn get<'m>(m: &'m Model, p: &[String]) -> Option<&'m Entry> {
    if p.is_empty() {
        Some(&Entry::Dir)
    } else {
        m.get(p)
    }
}

fn subtree(m: &Model, p: &[String]) -> Vec<(Vec<String>, Entry)> {
    m.iter().filter(|(k, _)| k.starts_with(p)).map(|(k, v)| (k.clone(), v.clone())).collect()
}

fn remove_subtree(m: &mut Model, p: &[String]) {
    m.retain(|k, _| !k.starts_with(p));
}

fn is_empty_dir(m: &Model, p: &[String]) -> bool {
    !m.keys().any(|k| k.len() > p.len() && k.starts_with(p))
}

fn children(m: &Model, p: &[String]) -> Vec<String> {
    m.keys().filter(|k| k.len() == p.len() + 1 && k.starts_with(p)).filter_map(|k| k.last().cloned()).collect()
}

fn model_copy(m: &mut Model, s: &[String], d: &[String]) -> Result<(), Errno> {
    ancestors_ok(m, s)?;
    let src = get(m, s).cloned().ok_or(Errno::NoEnt)?;
    ancestors_ok(m, d)?;
    if src == Entry::Dir && d.starts_with(s) {
        return Err(Errno::Invalid);
    }
    match (&src, get(m, d).cloned()) {
        (Entry::Dir, Some(Entry::Dir)) => {
            for name in children(m, s) {
                let (mut cs, mut cd) = (s.to_vec(), d.to_vec());
                cs.push(name.clone());
                cd.push(name);
                model_copy(m, &cs, &cd)?;
            }
            Ok(())
        }
        (Entry::File(_), Some(Entry::Dir)) => Err(Errno::IsDir),
        (Entry::Dir, Some(Entry::File(_))) => Err(Errno::NotDir),
        (Entry::File(c), Some(Entry::File(_))) => {
            m.insert(d.to_vec(), Entry::File(c.clone()));
            Ok(())
        }
        (_, None) => {
            for (k, v) in subtree(m, s) {
                let mut nk = d.to_vec();
                nk.extend(k.iter().skip(s.len()).cloned());
                m.insert(nk, v);
            }
            Ok(())
        }
    }
}

/// Applies `op` to the model, with the error the filesystem must return.
fn apply_model(m: &mut Model, op: &Op) -> Result<(), Errno> {
    match op {
        Op::Write(p, d) => {
            ancestors_ok(m, p)?;
            if m.get(p) == Some(&Entry::Dir) {
                return Err(Errno::IsDir);
            }
            m.insert(p.clone(), Entry::File(d.clone()));
            Ok(())
        }
        Op::Append(p, d) => {
            ancestors_ok(m, p)?;
            match m.get(p).cloned() {
                Some(Entry::Dir) => Err(Errno::IsDir),
                Some(Entry::File(mut c)) => {
                    c.extend(d);
                    m.insert(p.clone(), Entry::File(c));
                    Ok(())
                }
                None => {
                    m.insert(p.clone(), Entry::File(d.clone()));
                    Ok(())
                }
            }
        }
        Op::Mkdir(p) => {
            ancestors_ok(m, p)?;
            if m.contains_key(p) {
                return Err(Errno::Exist);
            }
            m.insert(p.clone(), Entry::Dir);
            Ok(())
        }
        Op::MkdirAll(p) => {
            for i in 1..=p.len() {
                match m.get(&p[..i]) {
                    Some(Entry::Dir) => {}
                    Some(Entry::File(_)) => return Err(if i == p.len() { Errno::Exist } else { Errno::NotDir }),
                    None => {
                        m.insert(p[..i].to_vec(), Entry::Dir);
                    }
                }
            }
            Ok(())
        }
        Op::Remove(p, recursive) => {
            ancestors_ok(m, p)?;
            match m.get(p) {
                None => Err(Errno::NoEnt),
                Some(Entry::Dir) if !recursive => Err(Errno::IsDir),
                Some(_) => {
                    remove_subtree(m, p);
                    Ok(())
                }
            }
        }
        Op::Rmdir(p) => {
            ancestors_ok(m, p)?;
            match m.get(p) {
                None => Err(Errno::NoEnt),
                Some(Entry::File(_)) => Err(Errno::NotDir),
                Some(Entry::Dir) if !is_empty_dir(m, p) => Err(Errno::NotEmpty),
                Some(Entry::Dir) => {
                    m.remove(p);
                    Ok(())
                }
            }
        }
        Op::Rename(s, d) => {
            ancestors_ok(m, s)?;
            let src = m.get(s).cloned().ok_or(Errno::NoEnt)?;
            ancestors_ok(m, d)?;
            if s == d {
                return Ok(());
            }
            if src == Entry::Dir && d.starts_with(s) {
                return Err(Errno::Invalid);
            }
            match (&src, m.get(d)) {
                (Entry::Dir, Some(Entry::File(_))) => return Err(Errno::NotDir),
                (Entry::File(_), Some(Entry::Dir)) => return Err(Errno::IsDir),
                (Entry::Dir, Some(Entry::Dir)) if !is_empty_dir(m, d) => return Err(Errno::NotEmpty),
                _ => {}
            }
            let moved = subtree(m, s);
            remove_subtree(m, s);
            remove_subtree(m, d);
            for (k, v) in moved {
                let mut nk = d.clone();
                nk.extend(k.iter().skip(s.len()).cloned());
                m.insert(nk, v);
            }
            Ok(())
        }
        Op::Copy(s, d) => model_copy(m, s, d),
        Op::Commit => Ok(()),
    }
}

fn apply_fs(fs: &mut MergedFs, op: &Op) -> Result<(), FsError> {
    match op {
        Op::Write(p, d) => fs.write(&render(p), d),
        Op::Append(p, d) => fs.append(&render(p), d),
        Op::Mkdir(p) => fs.mkdir(&render(p)),
        Op::MkdirAll(p) => fs.mkdir_all(&render(p)),
        Op::Remove(p, r) => fs.remove(&render(p), *r),
        Op::Rmdir(p) => fs.rmdir(&render(p)),
        Op::Rename(s, d) => fs.rename(&render(s), &render(d)),
        Op::Copy(s, d) => fs.copy(&render(s), &render(d), CopyOptions { follow_src: true, preserve: false }),
        Op::Commit => Ok(()),
    }
}

/// The merged view as the model shows it.
fn view(fs: &MergedFs) -> Model {
    let mut out = Model::new();
    for (path, stat) in fs.walk("/").unwrap_or_default() {
        if path == "/" {
            continue;
        }
        let key: Vec<String> = path.split('/').filter(|c| !c.is_empty()).map(str::to_string).collect();
        let entry = if stat.is_dir() {
            Entry::Dir
        } else {
            Entry::File(fs.read(&path).map(|c| c.prefix(1 << 20).into_owned()).unwrap_or_default())
        };
        out.insert(key, entry);
    }
    out
}

/// A random starting image: a few files and directories in one or two layers, with whiteouts.
type ImageSpec = (Vec<(Vec<String>, Vec<u8>)>, Vec<Vec<String>>);

fn image_strategy() -> impl Strategy<Value = ImageSpec> {
    (
        prop::collection::vec((path_strategy(), prop::collection::vec(any::<u8>(), 0..3)), 0..6),
        prop::collection::vec(path_strategy(), 0..3),
    )
}

/// Builds the image as layers and the model of its merged view.
fn build_image(files: &[(Vec<String>, Vec<u8>)], deleted: &[Vec<String>]) -> (Vec<Arc<Layer>>, Model) {
    let mut b = LayerBuilder::new(1);
    let mut model = Model::new();
    for (p, d) in files {
        // Skip files that would cross another file (the builder ignores them too).
        if (1..p.len()).any(|i| matches!(model.get(&p[..i]), Some(Entry::File(_)))) || model.get(p) == Some(&Entry::Dir) {
            continue;
        }
        b.file(&render(p), 0o644, simulator::fs::Content::bytes(d));
        for i in 1..p.len() {
            model.insert(p[..i].to_vec(), Entry::Dir);
        }
        model.insert(p.clone(), Entry::File(d.clone()));
    }
    let base = Arc::new(b.build());
    let mut top = LayerBuilder::new(2);
    for p in deleted {
        if model.contains_key(p) && (1..p.len()).all(|i| model.get(&p[..i]) == Some(&Entry::Dir)) {
            top.whiteout(&render(p));
            remove_subtree(&mut model, p);
        }
    }
    (vec![base, Arc::new(top.build())], model)
}

fn check_diff(fs: &MergedFs, lower: &Model, current: &Model) -> Result<(), TestCaseError> {
    let diff = fs.diff();
    let mut seen = BTreeSet::new();
    for c in &diff {
        let key: Vec<String> = c.path.split('/').filter(|x| !x.is_empty()).map(str::to_string).collect();
        prop_assert!(seen.insert(key.clone()), "{} listed twice in {:?}", c.path, diff);
        match c.kind {
            ChangeKind::Added => prop_assert!(!lower.contains_key(&key) && current.contains_key(&key), "{c} in {diff:?}"),
            ChangeKind::Deleted => prop_assert!(lower.contains_key(&key) && !current.contains_key(&key), "{c} in {diff:?}"),
            ChangeKind::Changed => prop_assert!(lower.contains_key(&key) && current.contains_key(&key), "{c} in {diff:?}"),
        }
    }
    // Every difference shows: the path itself, or (for deleted trees) an ancestor removed whole.
    let keys: BTreeSet<&Vec<String>> = lower.keys().chain(current.keys()).collect();
    for k in keys {
        if lower.get(k) != current.get(k) {
            // A directory replaced by a file is listed as changed, and its old children not at all.
            let hidden_by = |i: usize| {
                let a = render(&k[..i]);
                diff.iter().any(|c| c.path == a && (c.kind == ChangeKind::Deleted || matches!(current.get(&k[..i]), Some(Entry::File(_)))))
            };
            let listed = seen.contains(k) || (1..k.len()).any(hidden_by);
            prop_assert!(listed, "{} changed but not in {:?}", render(k), diff);
        }
    }
    // Parents before children (the order of a walk).
    for (i, c) in diff.iter().enumerate() {
        for later in diff.iter().skip(i + 1) {
            prop_assert!(!c.path.starts_with(&format!("{}/", later.path)), "{} before its parent {}", c.path, later.path);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The merged view equals the model after every operation, errors included; commits keep the
    /// view; the diff agrees with the model's changes since the last commit.
    #[test]
    fn merged_view_matches_the_model((files, deleted) in image_strategy(), ops in prop::collection::vec(op_strategy(), 1..40)) {
        let (layers, mut model) = build_image(&files, &deleted);
        let mut fs = MergedFs::new(layers);
        prop_assert_eq!(view(&fs), model.clone(), "the image's view (whiteouts hide lower files)");
        let mut committed = model.clone();
        for op in &ops {
            let expected = apply_model(&mut model, op);
            let got = apply_fs(&mut fs, op).map_err(|e| e.errno);
            prop_assert_eq!(got, expected, "{:?}", op);
            if let Op::Commit = op {
                let before = fs.walk("/");
                let mut lowers = fs.lowers().to_vec();
                lowers.push(Arc::new(fs.commit()));
                fs = MergedFs::new(lowers);
                prop_assert_eq!(fs.walk("/"), before, "a commit under a fresh upper layer shows the same view");
                prop_assert!(fs.diff().is_empty());
                committed = model.clone();
            }
            prop_assert_eq!(view(&fs), model.clone(), "after {:?}", op);
        }
        check_diff(&fs, &committed, &model)?;
        // Sizes add up: the upper layer's size is what a commit of it weighs.
        prop_assert_eq!(fs.commit().size(), fs.upper_size());
    }

    /// Equal content gives equal layer digests, whatever order it was written in and whatever
    /// the times; different content gives different digests.
    #[test]
    fn equal_content_equal_digest(
        files in prop::collection::btree_map((0u8..3, 0u8..3), prop::collection::vec(any::<u8>(), 0..3), 0..6),
        other in prop::collection::btree_map((0u8..3, 0u8..3), prop::collection::vec(any::<u8>(), 0..3), 0..6),
    ) {
        let build = |entries: &mut dyn Iterator<Item = (&(u8, u8), &Vec<u8>)>, mtime: i64| {
            let mut b = LayerBuilder::new(mtime);
            for ((d, f), data) in entries {
                b.file(&format!("/d{d}/f{f}"), 0o644, simulator::fs::Content::bytes(data));
            }
            b.build()
        };
        let forward = build(&mut files.iter(), 1);
        let backward = build(&mut files.iter().rev(), 2);
        prop_assert_eq!(forward.diff_id(), backward.diff_id());
        let total: u64 = files.values().map(|d| d.len() as u64).sum();
        prop_assert_eq!(forward.size(), total);
        let different = build(&mut other.iter(), 1);
        prop_assert_eq!(files == other, different.diff_id() == forward.diff_id());
    }

    /// No path makes any operation panic, and the view stays walkable.
    #[test]
    fn arbitrary_paths_never_panic(paths in prop::collection::vec(path_soup(), 1..12)) {
        let mut b = LayerBuilder::new(0);
        b.text("/etc/passwd", 0o644, "root\n").symlink("/lib", "usr/lib").dir("/usr/lib", 0o755).symlink("/loop", "/loop").symlink("/up", "../../..");
        let mut fs = MergedFs::new(vec![Arc::new(b.build())]);
        for (i, p) in paths.iter().enumerate() {
            let q = paths.get(i + 1).map_or("/", String::as_str);
            let _ = fs.stat(p);
            let _ = fs.lstat(p);
            let _ = fs.read(p);
            let _ = fs.list(p);
            let _ = fs.canonicalize(p);
            let _ = fs.which(p, "/bin:/usr/bin:");
            let _ = fs.origin(p);
            let _ = fs.write(p, b"x");
            let _ = fs.append(p, b"y");
            let _ = fs.mkdir_all(p);
            let _ = fs.symlink(q, p);
            let _ = fs.copy(p, q, CopyOptions::default());
            let _ = fs.rename(p, q);
            let _ = fs.chmod(p, 0o7777);
            let _ = fs.touch(p);
            let _ = fs.remove(p, i % 2 == 0);
            let _ = fs.rmdir(p);
        }
        prop_assert!(fs.walk("/").is_ok());
        let _ = fs.diff();
        let _ = fs.commit().diff_id().len();
    }
}

fn path_soup() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(vec!["", ".", "..", "a", "b", "lib", "loop", "up", "etc", "passwd", "ñ", "日本", "x y"]), 0..6)
            .prop_map(|parts| parts.join("/")),
        prop::collection::vec(prop::sample::select(vec!["/", "//", "a", "..", "/lib/", "/loop/"]), 0..8).prop_map(|parts| parts.concat()),
        "\\PC{0,40}",
        Just("a/".repeat(3000)),
        Just(format!("/{}", "n".repeat(300))),
    ]
}

#[test]
fn removing_a_lower_file_then_writing_it_again_is_a_change() {
    let (layers, _) = build_image(&[(vec!["a".into(), "b".into()], b"old".to_vec())], &[]);
    let mut fs = MergedFs::new(layers);
    assert_eq!(fs.remove("/a/b", false), Ok(()));
    assert_eq!(fs.write("/a/b", b"new"), Ok(()));
    let lines: Vec<String> = fs.diff().iter().map(ToString::to_string).collect();
    assert_eq!(lines, ["C /a", "C /a/b"]);
    // Writing back what was there at the same time is no change (Docker compares mode, owner,
    // time and size; the simulator also content).
    let (layers, _) = build_image(&[(vec!["a".into(), "b".into()], b"old".to_vec())], &[]);
    let mut fs = MergedFs::new(layers);
    fs.set_now(1);
    assert_eq!(fs.write("/a/b", b"old"), Ok(()));
    assert!(fs.diff().is_empty());
    assert_eq!(fs.write("/a/b", b"new"), Ok(()));
    let lines: Vec<String> = fs.diff().iter().map(ToString::to_string).collect();
    assert_eq!(lines, ["C /a", "C /a/b"]);
}
