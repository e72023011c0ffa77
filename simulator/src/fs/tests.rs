//! Unit tests of the layered filesystem: lookups through layers, every operation and its errors,
//! `docker diff` order, commit and digests.

use std::sync::Arc;

use super::*;

/// Base layer: a small Debian-like tree.
fn base() -> Arc<Layer> {
    let mut b = LayerBuilder::new(1_000);
    b.dir("/tmp", 0o1777)
        .text("/bin/sh", 0o755, "#!elf sh")
        .symlink("/bin/ls", "sh")
        .text("/etc/passwd", 0o644, "root:x:0:0:root:/root:/bin/sh\n")
        .text("/etc/hostname", 0o644, "base\n")
        .text("/usr/share/doc/a.txt", 0o644, "a\n")
        .text("/usr/share/doc/c.txt", 0o644, "c\n")
        .file("/usr/lib/libc.so.6", 0o755, Content::Synthetic { size: 2_000_000, seed: 7, kind: SyntheticKind::Elf })
        .symlink("/lib", "usr/lib")
        .symlink("/loop1", "/loop2")
        .symlink("/loop2", "loop1")
        .text("/srv/data/x", 0o644, "x\n");
    Arc::new(b.build())
}

/// Second layer: overrides, a whiteout and an opaque directory.
fn second() -> Arc<Layer> {
    let mut b = LayerBuilder::new(2_000);
    b.text("/etc/hostname", 0o644, "second\n")
        .whiteout("/usr/share/doc/a.txt")
        .text("/usr/share/doc/b.txt", 0o644, "b\n")
        .opaque("/srv/data", 0o755)
        .text("/srv/data/y", 0o644, "y\n");
    Arc::new(b.build())
}

fn fs() -> MergedFs {
    let mut fs = MergedFs::new(vec![base(), second()]);
    fs.set_now(5_000);
    fs
}

fn text(fs: &MergedFs, path: &str) -> Option<String> {
    fs.read_to_string(path).ok().flatten()
}

fn errno<T: std::fmt::Debug>(r: Result<T, FsError>) -> Option<Errno> {
    r.err().map(|e| e.errno)
}

fn names(fs: &MergedFs, path: &str) -> Vec<String> {
    fs.list(path).map(|l| l.into_iter().map(|e| e.name).collect()).unwrap_or_default()
}

fn diff_lines(fs: &MergedFs) -> Vec<String> {
    fs.diff().iter().map(ToString::to_string).collect()
}

#[test]
fn the_top_layer_wins_and_whiteouts_hide() {
    let fs = fs();
    assert_eq!(text(&fs, "/etc/hostname").as_deref(), Some("second\n"));
    assert_eq!(text(&fs, "/etc/passwd").as_deref(), Some("root:x:0:0:root:/root:/bin/sh\n"));
    assert_eq!(errno(fs.stat("/usr/share/doc/a.txt")), Some(Errno::NoEnt));
    assert_eq!(names(&fs, "/usr/share/doc"), ["b.txt", "c.txt"]);
    // The opaque directory hides the lower layer's children.
    assert_eq!(names(&fs, "/srv/data"), ["y"]);
    assert_eq!(names(&fs, "/"), ["bin", "etc", "lib", "loop1", "loop2", "srv", "tmp", "usr"]);
}

#[test]
fn symlinks_resolve_with_a_bound() {
    let fs = fs();
    let s = fs.stat("/lib/libc.so.6").ok();
    assert_eq!(s.as_ref().map(|s| (s.size, s.file_type)), Some((2_000_000, FileType::File)));
    assert_eq!(fs.canonicalize("/lib/../lib/libc.so.6").ok().as_deref(), Some("/usr/lib/libc.so.6"));
    // `..` after a symlink is physical: /lib/.. is /usr.
    assert_eq!(fs.canonicalize("/lib/..").ok().as_deref(), Some("/usr"));
    let l = fs.lstat("/bin/ls").ok();
    assert_eq!(l.as_ref().map(|s| (s.file_type, s.size, s.mode)), Some((FileType::Symlink, 2, 0o777)));
    assert_eq!(l.and_then(|s| s.link_target).as_deref(), Some("sh"));
    assert_eq!(fs.read_link("/bin/ls").ok().as_deref(), Some("sh"));
    assert_eq!(errno(fs.read_link("/bin/sh")), Some(Errno::Invalid));
    assert_eq!(errno(fs.stat("/loop1")), Some(Errno::Loop));
    assert!(fs.lstat("/loop1").is_ok());
    assert_eq!(Errno::Loop.strerror(), "Too many levels of symbolic links");
    assert_eq!(Errno::Loop.strerror_musl(), "Symbolic link loop");
}

#[test]
fn lookup_errors_are_the_kernels() {
    let fs = fs();
    assert_eq!(errno(fs.stat("/nope")), Some(Errno::NoEnt));
    assert_eq!(errno(fs.stat("/nope/deeper")), Some(Errno::NoEnt));
    assert_eq!(errno(fs.stat("/etc/passwd/x")), Some(Errno::NotDir));
    assert_eq!(errno(fs.stat("/etc/passwd/")), Some(Errno::NotDir));
    assert_eq!(errno(fs.read("/etc")), Some(Errno::IsDir));
    assert_eq!(errno(fs.list("/etc/passwd")), Some(Errno::NotDir));
    assert_eq!(errno(fs.stat("")), Some(Errno::NoEnt));
    assert_eq!(errno(fs.stat(&"a".repeat(300))), Some(Errno::NameTooLong));
    assert!(fs.stat("//etc//./passwd").is_ok());
    assert!(fs.stat("/../../etc").is_ok_and(|s| s.is_dir()));
    let e = fs.stat("/nope").err();
    assert_eq!(e.map(|e| (e.to_string(), e.path)), Some(("No such file or directory".to_string(), "/nope".to_string())));
}

#[test]
fn stat_reports_metadata() {
    let fs = fs();
    let tmp = fs.stat("/tmp").ok();
    assert_eq!(tmp.as_ref().map(Stat::mode_string).as_deref(), Some("drwxrwxrwt"));
    assert_eq!(tmp.map(|s| (s.size, s.nlink)), Some((DIR_SIZE, 2)));
    let usr = fs.stat("/usr").ok();
    assert_eq!(usr.map(|s| s.nlink), Some(4)); // lib, share
    let sh = fs.stat("/bin/sh").ok();
    assert_eq!(sh.as_ref().map(Stat::mode_string).as_deref(), Some("-rwxr-xr-x"));
    assert_eq!(sh.map(|s| (s.size, s.mtime, s.uid)), Some((8, 1_000, 0)));
    let etc = fs.stat("/etc").ok();
    assert_eq!(etc.map(|s| s.mtime), Some(2_000), "the topmost directory's metadata");
}

#[test]
fn writes_go_to_the_upper_layer_only() {
    let mut fs = fs();
    let lower = fs.lowers().to_vec();
    assert_eq!(fs.write("/etc/hostname", b"mine\n"), Ok(()));
    assert_eq!(fs.write("/tmp/new.txt", b"hello"), Ok(()));
    assert_eq!(text(&fs, "/etc/hostname").as_deref(), Some("mine\n"));
    assert_eq!(text(&fs, "/tmp/new.txt").as_deref(), Some("hello"));
    // The image's layers did not change, and a second container does not see the writes.
    let other = MergedFs::new(lower);
    assert_eq!(text(&other, "/etc/hostname").as_deref(), Some("second\n"));
    assert!(!other.exists("/tmp/new.txt"));
    let new = fs.stat("/tmp/new.txt").ok();
    assert_eq!(new.map(|s| (s.mode, s.mtime, s.size)), Some((0o644, 5_000, 5)));
    // Writing through a symlink writes its target.
    assert_eq!(fs.write("/bin/ls", b"replaced"), Ok(()));
    assert_eq!(text(&fs, "/bin/sh").as_deref(), Some("replaced"));
    assert!(fs.lstat("/bin/ls").is_ok_and(|s| s.is_symlink()));
    assert_eq!(fs.upper_size(), 5 + 5 + 8);
}

#[test]
fn write_errors() {
    let mut fs = fs();
    assert_eq!(errno(fs.write("/etc", b"x")), Some(Errno::IsDir));
    assert_eq!(errno(fs.write("/nodir/file", b"x")), Some(Errno::NoEnt));
    assert_eq!(errno(fs.write("/etc/passwd/x", b"x")), Some(Errno::NotDir));
    assert_eq!(errno(fs.write("/tmp/newdir/", b"x")), Some(Errno::IsDir));
    assert_eq!(errno(fs.write("/", b"x")), Some(Errno::IsDir));
    assert!(fs.upper().children.is_empty(), "a failed write changes nothing");
}

#[test]
fn append_keeps_the_old_content() {
    let mut fs = fs();
    assert_eq!(fs.append("/etc/passwd", b"app:x:1000:1000::/home/app:/bin/sh\n"), Ok(()));
    assert_eq!(
        text(&fs, "/etc/passwd").as_deref(),
        Some("root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n")
    );
    assert_eq!(fs.append("/tmp/log", b"1\n"), Ok(()));
    assert_eq!(fs.append("/tmp/log", b"2\n"), Ok(()));
    assert_eq!(text(&fs, "/tmp/log").as_deref(), Some("1\n2\n"));
    // A 2 MB size-only library is not materialized.
    assert_eq!(errno(fs.append("/usr/lib/libc.so.6", b"x")), Some(Errno::FileTooLarge));
}

#[test]
fn mkdir_and_mkdir_p() {
    let mut fs = fs();
    assert_eq!(fs.mkdir("/app"), Ok(()));
    assert!(fs.stat("/app").is_ok_and(|s| s.is_dir() && s.mode == 0o755 && s.mtime == 5_000));
    assert_eq!(errno(fs.mkdir("/app")), Some(Errno::Exist));
    assert_eq!(errno(fs.mkdir("/etc/passwd")), Some(Errno::Exist));
    assert_eq!(errno(fs.mkdir("/a/b/c")), Some(Errno::NoEnt));
    assert_eq!(errno(fs.mkdir("/")), Some(Errno::Exist));
    assert_eq!(fs.mkdir_all("/a/b/c"), Ok(()));
    assert_eq!(fs.mkdir_all("/a/b/c"), Ok(()));
    assert_eq!(fs.mkdir_all("/lib/newdir"), Ok(()), "through a symlink");
    assert!(fs.stat("/usr/lib/newdir").is_ok_and(|s| s.is_dir()));
    assert_eq!(errno(fs.mkdir_all("/etc/passwd/x")), Some(Errno::NotDir));
    assert_eq!(errno(fs.mkdir_all("/etc/passwd")), Some(Errno::Exist));
}

#[test]
fn rm_and_rmdir() {
    let mut fs = fs();
    assert_eq!(errno(fs.remove("/etc", false)), Some(Errno::IsDir));
    assert_eq!(errno(fs.remove("/nope", false)), Some(Errno::NoEnt));
    assert_eq!(errno(fs.remove("/", true)), Some(Errno::Busy));
    assert_eq!(errno(fs.remove("/etc/..", true)), Some(Errno::Invalid));
    assert_eq!(errno(fs.rmdir("/usr")), Some(Errno::NotEmpty));
    assert_eq!(errno(fs.rmdir("/etc/passwd")), Some(Errno::NotDir));
    // A lower file: a whiteout hides it.
    assert_eq!(fs.remove("/etc/passwd", false), Ok(()));
    assert!(!fs.exists("/etc/passwd"));
    assert_eq!(fs.upper().children.get("etc").and_then(|n| match n {
        Node::Dir(d) => d.children.get("passwd").cloned(),
        _ => None,
    }), Some(Node::Whiteout));
    // An upper-only file just goes away.
    assert_eq!(fs.write("/tmp/t", b"1"), Ok(()));
    assert_eq!(fs.remove("/tmp/t", false), Ok(()));
    // A file made and removed leaves nothing (directory times are not compared).
    assert_eq!(diff_lines(&fs), ["C /etc", "D /etc/passwd"]);
    // rm removes a symlink, not its target.
    assert_eq!(fs.remove("/lib", false), Ok(()));
    assert!(fs.exists("/usr/lib/libc.so.6"));
    // rm -r of a lower directory hides the whole tree.
    assert_eq!(fs.remove("/usr", true), Ok(()));
    assert_eq!(errno(fs.stat("/usr/lib/libc.so.6")), Some(Errno::NoEnt));
    assert_eq!(fs.mkdir("/tmp/empty"), Ok(()));
    assert_eq!(fs.rmdir("/tmp/empty"), Ok(()));
}

#[test]
fn a_directory_made_again_after_rm_is_opaque() {
    let mut fs = fs();
    assert_eq!(fs.remove("/usr/share", true), Ok(()));
    assert_eq!(fs.mkdir("/usr/share"), Ok(()));
    assert_eq!(names(&fs, "/usr/share"), Vec::<String>::new());
    assert_eq!(fs.write("/usr/share/new", b"n"), Ok(()));
    assert_eq!(names(&fs, "/usr/share"), ["new"]);
    // As Docker 28 prints `rm -rf /var/www && mkdir /var/www && echo hi > /var/www/x`:
    // the directory is changed, its new entries added, the old ones deleted (after).
    assert_eq!(diff_lines(&fs), ["C /usr", "C /usr/share", "A /usr/share/new", "D /usr/share/doc"]);
}

#[test]
fn rename_moves_files_and_directories() {
    let mut fs = fs();
    assert_eq!(fs.rename("/etc/hostname", "/tmp/h"), Ok(()));
    assert!(!fs.exists("/etc/hostname"));
    assert_eq!(text(&fs, "/tmp/h").as_deref(), Some("second\n"));
    // A lower directory moves whole (overlayfs copies it up).
    assert_eq!(fs.rename("/usr/share", "/share"), Ok(()));
    assert_eq!(names(&fs, "/share/doc"), ["b.txt", "c.txt"]);
    assert!(!fs.exists("/usr/share"));
    // Renaming onto an existing file replaces it.
    assert_eq!(fs.write("/tmp/a", b"A"), Ok(()));
    assert_eq!(fs.rename("/tmp/a", "/etc/passwd"), Ok(()));
    assert_eq!(text(&fs, "/etc/passwd").as_deref(), Some("A"));
    // Same path: nothing happens.
    assert_eq!(fs.rename("/etc/passwd", "/etc/../etc/passwd"), Ok(()));
    assert_eq!(text(&fs, "/etc/passwd").as_deref(), Some("A"));
    assert_eq!(
        diff_lines(&fs),
        ["C /etc", "C /etc/passwd", "D /etc/hostname", "A /share", "A /share/doc", "A /share/doc/b.txt", "A /share/doc/c.txt", "C /tmp", "A /tmp/h", "C /usr", "D /usr/share"]
    );
}

#[test]
fn rename_errors() {
    let mut fs = fs();
    assert_eq!(errno(fs.rename("/nope", "/x")), Some(Errno::NoEnt));
    assert_eq!(errno(fs.rename("/usr", "/usr/lib/x")), Some(Errno::Invalid));
    assert_eq!(errno(fs.rename("/usr", "/etc")), Some(Errno::NotEmpty));
    assert_eq!(errno(fs.rename("/usr", "/etc/passwd")), Some(Errno::NotDir));
    assert_eq!(errno(fs.rename("/etc/passwd", "/usr")), Some(Errno::IsDir));
    assert_eq!(errno(fs.rename("/etc/passwd", "/nodir/x")), Some(Errno::NoEnt));
    assert_eq!(errno(fs.rename("/", "/x")), Some(Errno::Busy));
    assert!(fs.upper().children.is_empty());
    // A directory onto an empty directory is fine.
    assert_eq!(fs.mkdir("/empty"), Ok(()));
    assert_eq!(fs.rename("/srv", "/empty"), Ok(()));
    assert_eq!(names(&fs, "/empty/data"), ["y"]);
}

#[test]
fn copy_files_and_trees() {
    let mut fs = fs();
    fs.uid = 1000;
    fs.gid = 1000;
    let opts = CopyOptions { follow_src: true, preserve: false };
    assert_eq!(fs.copy("/etc/passwd", "/tmp/passwd", opts), Ok(()));
    assert_eq!(text(&fs, "/tmp/passwd").as_deref(), Some("root:x:0:0:root:/root:/bin/sh\n"));
    assert!(fs.stat("/tmp/passwd").is_ok_and(|s| s.uid == 1000 && s.mtime == 5_000 && s.mode == 0o644));
    // Following a symlink copies the target's content; not following copies the link.
    assert_eq!(fs.copy("/bin/ls", "/tmp/ls", opts), Ok(()));
    assert!(fs.lstat("/tmp/ls").is_ok_and(|s| s.is_file()));
    assert_eq!(fs.copy("/bin/ls", "/tmp/ls2", CopyOptions { follow_src: false, preserve: true }), Ok(()));
    assert!(fs.lstat("/tmp/ls2").is_ok_and(|s| s.is_symlink()));
    // Trees copy whole, and merge into an existing directory.
    assert_eq!(fs.copy("/usr/share", "/tmp/share", opts), Ok(()));
    assert_eq!(names(&fs, "/tmp/share/doc"), ["b.txt", "c.txt"]);
    assert_eq!(fs.write("/tmp/share/doc/c.txt", b"changed"), Ok(()));
    assert_eq!(fs.copy("/usr/share", "/tmp/share", opts), Ok(()));
    assert_eq!(text(&fs, "/tmp/share/doc/c.txt").as_deref(), Some("c\n"));
    // A size-only file copies without materializing.
    assert_eq!(fs.copy("/usr/lib/libc.so.6", "/tmp/libc", opts), Ok(()));
    assert_eq!(fs.read("/tmp/libc").map(|c| c.is_synthetic()), Ok(true));
    assert_eq!(errno(fs.copy("/usr", "/usr/lib/x", opts)), Some(Errno::Invalid));
    assert_eq!(errno(fs.copy("/etc/passwd", "/usr", opts)), Some(Errno::IsDir));
    assert_eq!(errno(fs.copy("/usr", "/etc/passwd", opts)), Some(Errno::NotDir));
    assert_eq!(errno(fs.copy("/nope", "/x", opts)), Some(Errno::NoEnt));
}

#[test]
fn chmod_chown_touch_copy_up() {
    let mut fs = fs();
    assert_eq!(fs.chmod("/bin/sh", 0o700), Ok(()));
    assert!(fs.stat("/bin/sh").is_ok_and(|s| s.mode == 0o700 && s.mtime == 1_000));
    assert_eq!(fs.chmod("/bin/ls", 0o755), Ok(()), "follows the symlink");
    assert!(fs.stat("/bin/sh").is_ok_and(|s| s.mode == 0o755));
    assert_eq!(fs.chown("/etc/passwd", 33, 33), Ok(()));
    assert!(fs.stat("/etc/passwd").is_ok_and(|s| (s.uid, s.gid) == (33, 33)));
    assert_eq!(fs.touch("/srv/data/y"), Ok(()));
    assert!(fs.stat("/srv/data/y").is_ok_and(|s| s.mtime == 5_000));
    assert_eq!(fs.touch("/tmp/empty"), Ok(()));
    assert!(fs.stat("/tmp/empty").is_ok_and(|s| s.size == 0 && s.is_file()));
    assert_eq!(errno(fs.chmod("/nope", 0o644)), Some(Errno::NoEnt));
    assert_eq!(errno(fs.touch("/nodir/x")), Some(Errno::NoEnt));
    // /bin/sh got its mode back: no change. Directories with changes inside are listed before
    // them (Docker: `echo x >> /etc/passwd` gives `C /etc`, `C /etc/passwd`).
    assert_eq!(diff_lines(&fs), ["C /etc", "C /etc/passwd", "C /srv", "C /srv/data", "C /srv/data/y", "C /tmp", "A /tmp/empty"]);
}

#[test]
fn chmod_of_a_directory_lists_it() {
    let mut fs = fs();
    assert_eq!(fs.chmod("/usr/share", 0o700), Ok(()));
    assert_eq!(diff_lines(&fs), ["C /usr", "C /usr/share"]);
    assert_eq!(fs.chmod("/", 0o700), Ok(()));
    assert!(fs.stat("/").is_ok_and(|s| s.mode == 0o700));
}

#[test]
fn diff_lists_parents_first_and_deletions_last() {
    let mut fs = fs();
    assert_eq!(fs.mkdir_all("/app/src"), Ok(()));
    assert_eq!(fs.write("/app/src/main.js", b"x"), Ok(()));
    assert_eq!(fs.write("/app/Dockerfile", b"FROM x"), Ok(()));
    assert_eq!(fs.write("/usr/share/doc/c.txt", b"new"), Ok(()));
    assert_eq!(fs.remove("/usr/share/doc/b.txt", false), Ok(()));
    assert_eq!(
        diff_lines(&fs),
        ["A /app", "A /app/Dockerfile", "A /app/src", "A /app/src/main.js", "C /usr", "C /usr/share", "C /usr/share/doc", "C /usr/share/doc/c.txt", "D /usr/share/doc/b.txt"]
    );
    let kinds: Vec<u8> = fs.diff().iter().map(|c| c.kind.api_kind()).collect();
    assert_eq!(kinds, [1, 1, 1, 1, 0, 0, 0, 0, 2]);
}

#[test]
fn commit_then_a_new_container_sees_the_same_files() {
    let mut fs = fs();
    assert_eq!(fs.write("/usr/share/nginx/index.html", b"<h1>hola</h1>"), Err(FsError::new(Errno::NoEnt, "/usr/share/nginx/index.html")));
    assert_eq!(fs.mkdir_all("/usr/share/nginx"), Ok(()));
    assert_eq!(fs.write("/usr/share/nginx/index.html", b"<h1>hola</h1>"), Ok(()));
    assert_eq!(fs.remove("/etc/passwd", false), Ok(()));
    assert_eq!(fs.remove("/usr/share", true).and_then(|_| fs.mkdir_all("/usr/share/x")), Ok(()));
    let layer = Arc::new(fs.commit());
    assert_eq!(layer.size(), 0);
    let mut lowers = fs.lowers().to_vec();
    lowers.push(layer.clone());
    let next = MergedFs::new(lowers);
    assert_eq!(next.walk("/"), fs.walk("/"));
    assert!(next.diff().is_empty());
    // Equal content, equal digest; the empty change is Docker's empty layer.
    let again = Arc::new(fs.commit());
    assert_eq!(again.diff_id(), layer.diff_id());
    let unchanged = MergedFs::new(vec![base()]).commit();
    assert!(unchanged.is_empty() && !layer.is_empty());
    assert_eq!(unchanged.diff_id(), EMPTY_LAYER_DIFF_ID);
}

#[test]
fn digests_follow_content_not_time() {
    let build = |mtime: i64, text: &str| {
        let mut b = LayerBuilder::new(mtime);
        b.text("/a/b", 0o644, text).symlink("/a/c", "b");
        b.build()
    };
    let (x, y, z) = (build(1, "same"), build(99, "same"), build(1, "other"));
    assert_eq!(x.diff_id(), y.diff_id());
    assert_ne!(x.diff_id(), z.diff_id());
    assert!(x.diff_id().starts_with("sha256:") && x.diff_id().len() == 71);
    assert_ne!(x.blob_digest(), x.diff_id());
    assert_eq!(x, y);
    assert_ne!(x, z);
    let mut w = LayerBuilder::new(1);
    w.text("/a/b", 0o600, "same").symlink("/a/c", "b");
    assert_ne!(w.build().diff_id(), x.diff_id(), "modes are content");
    assert_eq!(Layer::empty().diff_id(), EMPTY_LAYER_DIFF_ID);
}

#[test]
fn layer_sizes_count_files_symlinks_and_hard_links_once() {
    let mut b = LayerBuilder::new(0);
    b.file("/bin/busybox", 0o755, Content::Synthetic { size: 1_000, seed: 1, kind: SyntheticKind::Elf })
        .hardlink("/bin/ls", "/bin/busybox")
        .hardlink("/bin/cat", "/bin/busybox")
        .symlink("/usr/bin/env", "/bin/busybox")
        .dir("/empty", 0o755)
        .whiteout("/gone");
    let layer = b.build();
    assert_eq!(layer.size(), 1_000 + "/bin/busybox".len() as u64);
    assert_eq!(layer.entry_count(), 9);
    let fs = MergedFs::new(vec![Arc::new(layer)]);
    assert!(fs.stat("/bin/ls").is_ok_and(|s| s.nlink == 3 && s.size == 1_000));
    let paths: Vec<String> = fs.walk("/").map(|w| w.into_iter().map(|(p, _)| p).collect()).unwrap_or_default();
    assert_eq!(paths, ["/", "/bin", "/bin/busybox", "/bin/cat", "/bin/ls", "/empty", "/usr", "/usr/bin", "/usr/bin/env"]);
}

#[test]
fn read_only_refuses_changes_after_lookup() {
    let mut fs = fs();
    fs.read_only = true;
    assert_eq!(errno(fs.write("/tmp/x", b"1")), Some(Errno::ReadOnly));
    assert_eq!(errno(fs.write("/nodir/x", b"1")), Some(Errno::NoEnt));
    assert_eq!(errno(fs.mkdir("/x")), Some(Errno::ReadOnly));
    assert_eq!(errno(fs.remove("/etc/passwd", false)), Some(Errno::ReadOnly));
    assert_eq!(errno(fs.remove("/nope", false)), Some(Errno::NoEnt));
    assert_eq!(errno(fs.touch("/etc/passwd")), Some(Errno::ReadOnly));
    assert_eq!(errno(fs.rename("/etc/passwd", "/x")), Some(Errno::ReadOnly));
    assert_eq!(Errno::ReadOnly.strerror(), "Read-only file system");
    assert!(fs.upper().children.is_empty());
}

#[test]
fn which_finds_executables_on_the_path() {
    let mut fs = fs();
    assert_eq!(fs.which("sh", "/usr/local/bin:/usr/bin:/bin").as_deref(), Some("/bin/sh"));
    assert_eq!(fs.which("ls", "/bin").as_deref(), Some("/bin/ls"));
    assert_eq!(fs.which("passwd", "/etc"), None, "not executable");
    assert_eq!(fs.which("nginx", "/usr/sbin:/bin"), None);
    assert_eq!(fs.which("/bin/sh", "").as_deref(), Some("/bin/sh"));
    assert_eq!(fs.which("", "/bin"), None);
    assert_eq!(fs.remove("/bin/sh", false), Ok(()));
    assert_eq!(fs.which("ls", "/bin"), None, "a dangling symlink does not run");
}

#[test]
fn origin_tells_which_layer_holds_an_entry() {
    let mut fs = fs();
    assert_eq!(fs.origin("/etc/passwd"), Ok(Origin::Lower(0)));
    assert_eq!(fs.origin("/etc/hostname"), Ok(Origin::Lower(1)));
    assert_eq!(fs.write("/etc/passwd", b"x"), Ok(()));
    assert_eq!(fs.origin("/etc/passwd"), Ok(Origin::Upper));
    assert_eq!(errno(fs.origin("/nope")), Some(Errno::NoEnt));
}

#[test]
fn the_init_layer_stays_out_of_the_diff() {
    let image = vec![base(), second()];
    let init = Arc::new(init_layer(&image, "abc123", "127.0.0.1\tlocalhost\n", "nameserver 8.8.8.8\n", 9_000));
    let mut lowers = image.clone();
    lowers.push(init);
    let mut fs = MergedFs::new(lowers);
    assert_eq!(text(&fs, "/etc/hostname").as_deref(), Some("abc123\n"));
    assert!(fs.stat("/.dockerenv").is_ok_and(|s| s.mode == 0o755 && s.size == 0));
    assert_eq!(fs.read_link("/etc/mtab").ok().as_deref(), Some("/proc/mounts"));
    assert!(fs.stat("/proc").is_ok_and(|s| s.is_dir()));
    assert!(fs.diff().is_empty());
    assert_eq!(fs.write("/root.txt", b"r"), Ok(()));
    assert_eq!(diff_lines(&fs), ["A /root.txt"]);
}

#[test]
fn synthetic_content_is_deterministic_and_cheap() {
    let c = Content::Synthetic { size: 100_000_000, seed: 42, kind: SyntheticKind::Elf };
    let head = c.prefix(64);
    assert_eq!(head.len(), 64);
    assert_eq!(head.get(..4), Some(&b"\x7fELF"[..]));
    assert_eq!(c.prefix(64), head);
    assert_eq!(c.read_all(1024), None);
    assert_ne!(Content::Synthetic { size: 10, seed: 1, kind: SyntheticKind::Data }.prefix(10), Content::Synthetic { size: 10, seed: 2, kind: SyntheticKind::Data }.prefix(10));
    assert_eq!(Content::text("abc").prefix(2).as_ref(), b"ab");
    assert_eq!(Content::text("abc").hash_hex(), crate::ids::sha256_hex(b"abc"));
}

#[test]
fn a_container_costs_what_it_changed() {
    let image = vec![base(), second()];
    let fs = MergedFs::new(image.clone());
    let empty = fs.heap_bytes();
    assert!(empty < 512, "{empty}");
    let mut changed = fs.clone();
    assert_eq!(changed.write("/tmp/big", &[b'x'; 10_000]), Ok(()));
    assert!(changed.heap_bytes() >= empty + 10_000);
    // The image's layers are shared, not copied.
    assert!(image.first().zip(changed.lowers().first()).is_some_and(|(a, b)| Arc::ptr_eq(a, b)));
}

/// The scenarios captured from Docker Engine 28.5.2 (overlay2, `shared/tools/real-docker`, its
/// busybox image) on 2026-11-30: `docker run --name dN busybox sh -c '…'`, then `docker diff dN`
/// and `docker ps -a -s`. Docker walks siblings in Go map order (`C /tmp … C /etc …` and
/// `C /etc … C /tmp …` both came out for d11); the simulator prints byte order.
#[test]
fn docker_28_diff_and_sizes() {
    let image = || {
        let mut b = LayerBuilder::new(1_764_461_520);
        b.file("/bin/busybox", 0o755, Content::Synthetic { size: 1_978_000, seed: 1, kind: SyntheticKind::Elf })
            .symlink("/bin/ls", "busybox")
            .symlink("/bin/sh", "busybox")
            .text("/etc/group", 0o644, &format!("{}\n", "g".repeat(139)))
            .text("/etc/passwd", 0o644, &format!("{}\n", "p".repeat(339)))
            .dir("/tmp", 0o1777)
            .text("/var/www/index.html", 0o644, &format!("{}\n", "i".repeat(24)));
        let mut fs = MergedFs::new(vec![Arc::new(b.build())]);
        fs.set_now(1_764_461_640);
        fs
    };
    type Script = fn(&mut MergedFs) -> Result<(), FsError>;
    let cases: &[(&str, Script, &[&str], u64)] = &[
        ("echo x >> /etc/passwd", |fs| fs.append("/etc/passwd", b"x\n"), &["C /etc", "C /etc/passwd"], 342),
        ("echo x > /tmp/new", |fs| fs.write("/tmp/new", b"x\n"), &["C /tmp", "A /tmp/new"], 2),
        ("rm /etc/group", |fs| fs.remove("/etc/group", false), &["C /etc", "D /etc/group"], 0),
        ("mkdir -p /a/b && echo 1 > /a/b/c", |fs| fs.mkdir_all("/a/b").and_then(|_| fs.write("/a/b/c", b"1\n")), &["A /a", "A /a/b", "A /a/b/c"], 2),
        (
            "rm -rf /var/www && mkdir /var/www && echo hi > /var/www/x",
            |fs| fs.remove("/var/www", true).and_then(|_| fs.mkdir("/var/www")).and_then(|_| fs.write("/var/www/x", b"hi\n")),
            &["C /var", "C /var/www", "A /var/www/x", "D /var/www/index.html"],
            3,
        ),
        ("chmod 700 /tmp", |fs| fs.chmod("/tmp", 0o700), &["C /tmp"], 0),
        ("touch /bin/ls", |fs| fs.touch("/bin/ls"), &["C /bin", "C /bin/busybox"], 1_978_000),
        ("true", |_| Ok(()), &[], 0),
        ("mv /etc/group /tmp/group", |fs| fs.rename("/etc/group", "/tmp/group"), &["C /etc", "D /etc/group", "C /tmp", "A /tmp/group"], 140),
        ("echo x >> /var/www/index.html", |fs| fs.append("/var/www/index.html", b"x\n"), &["C /var", "C /var/www", "C /var/www/index.html"], 27),
        (
            "echo b > /tmp/b; echo a > /tmp/a; echo x > /etc/x; mkdir /tmp/z",
            |fs| fs.write("/tmp/b", b"b\n").and_then(|_| fs.write("/tmp/a", b"a\n")).and_then(|_| fs.write("/etc/x", b"x\n")).and_then(|_| fs.mkdir("/tmp/z")),
            &["C /etc", "A /etc/x", "C /tmp", "A /tmp/a", "A /tmp/b", "A /tmp/z"],
            6,
        ),
        ("rm -rf /var && mkdir -p /var/www", |fs| fs.remove("/var", true).and_then(|_| fs.mkdir_all("/var/www")), &["C /var", "C /var/www", "D /var/www/index.html"], 0),
        ("mkdir /x && echo 1 > /x/1 && rm -rf /x", |fs| fs.mkdir("/x").and_then(|_| fs.write("/x/1", b"1\n")).and_then(|_| fs.remove("/x", true)), &[], 0),
        ("rm /bin/ls", |fs| fs.remove("/bin/ls", false), &["C /bin", "D /bin/ls"], 0),
    ];
    for (script, run, expected, size) in cases {
        let mut fs = image();
        assert_eq!(run(&mut fs), Ok(()), "{script}");
        assert_eq!(diff_lines(&fs), *expected, "{script}");
        assert_eq!(fs.upper_size(), *size, "{script}");
    }
}
