//! Commands inside a container, checked against what a real busybox 1.35 container printed
//! (the capture fixture's rootfs, `docker run busybox sh -c '…'`).

use std::sync::Arc;

use super::*;
use crate::engine::users;
use crate::fs::MergedFs;

fn fixture() -> MergedFs {
    let mut fs = MergedFs::new(vec![Arc::new(crate::docker::fixture_rootfs::layer(1_795_997_521))]);
    fs.now = 1_795_998_000;
    // The container's root directory gets the time it was created.
    let _ = fs.touch("/");
    fs
}

/// Runs `script` as `sh -c` in `fs`: (stdout, stderr, exit code).
fn sh(fs: &mut MergedFs, script: &str) -> (String, String, i32) {
    let root = users::resolve(fs, "").unwrap_or_else(|_| users::User { uid: 0, gid: 0, name: None, group: None, home: "/".into(), groups: "0".into() });
    let mut view = crate::engine::mounted_fs::View::plain(fs);
    let mut m = Machine::new(&mut view, root, "71d522285fec", Timestamp::from_secs(1_795_998_000));
    let env = vec![format!("PATH={DEFAULT_PATH}"), "HOSTNAME=71d522285fec".to_string(), "HOME=/root".to_string()];
    m.env_order = env.clone();
    let argv = vec!["sh".to_string(), "-c".to_string(), script.to_string()];
    let out = m.run_argv(&argv, &crate::engine::process::env_map(&env), "/");
    (out.stdout(), out.stderr(), out.exit_code)
}

fn err(fs: &mut MergedFs, script: &str) -> String {
    sh(fs, script).1
}

#[test]
fn busybox_messages_for_missing_and_wrong_files() {
    let mut fs = fixture();
    let cases = [
        ("cat /nope", "cat: can't open '/nope': No such file or directory\n"),
        ("cat /etc", "cat: read error: Is a directory\n"),
        ("ls /nope", "ls: /nope: No such file or directory\n"),
        ("rm /nope", "rm: can't remove '/nope': No such file or directory\n"),
        ("rm /etc", "rm: '/etc' is a directory\n"),
        ("rmdir /bin", "rmdir: '/bin': Directory not empty\n"),
        ("mkdir /etc", "mkdir: can't create directory '/etc': File exists\n"),
        ("mkdir /a/b", "mkdir: can't create directory '/a/b': No such file or directory\n"),
        ("touch /nope/x", "touch: /nope/x: No such file or directory\n"),
        ("cp /nope /x", "cp: can't stat '/nope': No such file or directory\n"),
        ("cp /etc /x", "cp: omitting directory '/etc'\n"),
        ("mv /nope /x", "mv: can't rename '/nope': No such file or directory\n"),
        ("echo hi > /etc/", "sh: can't create /etc/: Is a directory\n"),
        ("echo hi > /nope/x", "sh: can't create /nope/x: nonexistent directory\n"),
        ("cat < /nope", "sh: can't open /nope: no such file\n"),
        ("nosuch", "sh: nosuch: not found\n"),
        ("grep x /nope", "grep: /nope: No such file or directory\n"),
    ];
    for (script, expected) in cases {
        assert_eq!(err(&mut fs, script), expected, "{script}");
    }
    assert_eq!(sh(&mut fs, "cd /nope").1, "sh: cd: line 0: can't cd to /nope: No such file or directory\n");
    assert_eq!(sh(&mut fs, "cd /nope").2, 2);
    assert_eq!(sh(&mut fs, "ls /nope").2, 1);
    assert_eq!(sh(&mut fs, "nosuch").2, 127);
    assert_eq!(sh(&mut fs, "echo hi; exit 3"), ("hi\n".to_string(), String::new(), 3));
}

#[test]
fn files_are_written_in_the_container() {
    let mut fs = fixture();
    let (out, err, code) = sh(&mut fs, "echo hi > /tmp/x; echo there >> /tmp/x; mkdir -p /data/a/b; touch /etc/passwd; rm /etc/group; cat /tmp/x");
    assert_eq!((out.as_str(), err.as_str(), code), ("hi\nthere\n", "", 0));
    let changes: Vec<String> = fs.diff().iter().map(ToString::to_string).collect();
    assert_eq!(changes, ["A /data", "A /data/a", "A /data/a/b", "C /etc", "C /etc/passwd", "D /etc/group", "C /tmp", "A /tmp/x"]);
    assert_eq!(fs.upper_size(), 340 + 9);
}

#[test]
fn listings_look_like_busybox() {
    let mut fs = fixture();
    let (out, _, _) = sh(&mut fs, "ls /etc");
    assert_eq!(out, "group\npasswd\n");
    let (out, _, _) = sh(&mut fs, "ls -la /etc/passwd /tmp");
    assert_eq!(
        out,
        "-rw-r--r--    1 root     root           340 Nov 30 00:12 /etc/passwd\n\n/tmp:\ntotal 8\n\
         drwxrwxrwt    2 root     root          4096 Nov 30 00:12 .\n\
         drwxr-xr-x    1 root     root          4096 Nov 30 00:20 ..\n"
    );
    let (out, _, _) = sh(&mut fs, "ls -l /bin | head -3");
    assert_eq!(out, "total 1936\nlrwxrwxrwx    1 root     root             7 Nov 30 00:12 [ -> busybox\nlrwxrwxrwx    1 root     root             7 Nov 30 00:12 [[ -> busybox\n");
    assert_eq!(sh(&mut fs, "du -sh /etc").0, "12.0K\t/etc\n");
    assert_eq!(sh(&mut fs, "du /var").0, "8\t/var/www\n12\t/var\n");
}

#[test]
fn du_adds_up_nested_directories() {
    let mut fs = fixture();
    let setup = "mkdir -p /d/a/b /d/c; echo x > /d/a/b/f; echo y > /d/c/g; ln -s /d/c /d/l";
    assert_eq!(sh(&mut fs, setup).2, 0);
    assert_eq!(sh(&mut fs, "du -a /d").0, "4\t/d/a/b/f\n8\t/d/a/b\n12\t/d/a\n4\t/d/c/g\n8\t/d/c\n0\t/d/l\n24\t/d\n");
    assert_eq!(sh(&mut fs, "du /d/").0, "8\t/d/a/b\n12\t/d/a\n8\t/d/c\n24\t/d/\n");
    assert_eq!(sh(&mut fs, "cd /d; du -s a c").0, "12\ta\n8\tc\n");
}

#[test]
fn identity_and_environment() {
    let mut fs = fixture();
    assert_eq!(sh(&mut fs, "id").0, "uid=0(root) gid=0(root) groups=0(root),10(wheel)\n");
    assert_eq!(sh(&mut fs, "whoami; hostname").0, "root\n71d522285fec\n");
    assert_eq!(sh(&mut fs, "which ls sh nosuch; echo $?").0, "/bin/ls\n/bin/sh\n1\n");
    assert_eq!(sh(&mut fs, "echo $HOME; pwd").0, "/root\n/\n");
    assert_eq!(sh(&mut fs, "ps").0, "PID   USER     COMMAND\n    1 root     ps\n");
}

#[test]
fn programs_the_image_lacks_are_not_found() {
    let mut fs = fixture();
    assert_eq!(sh(&mut fs, "bash -c 'echo hi'"), (String::new(), "sh: bash: not found\n".to_string(), 127));
    assert_eq!(sh(&mut fs, "apt-get update").1, "sh: apt-get: not found\n");
    // Debian's static busybox runs its applets without looking at PATH.
    assert_eq!(sh(&mut fs, "rm /bin/wc; echo a b | wc -w").0, "2\n");
}

#[test]
fn read_only_root_filesystem() {
    let mut fs = fixture();
    fs.read_only = true;
    assert_eq!(err(&mut fs, "touch /x"), "touch: /x: Read-only file system\n");
    assert_eq!(err(&mut fs, "echo hi > /x"), "sh: can't create /x: Read-only file system\n");
    assert_eq!(err(&mut fs, "mkdir /d"), "mkdir: can't create directory '/d': Read-only file system\n");
}

fn debian() -> MergedFs {
    let image = crate::hub::find("debian", "bookworm").map(crate::hub::rootfs::layers_for).unwrap_or_default();
    let mut fs = MergedFs::new(image);
    fs.now = 1_763_200_800;
    fs
}

#[test]
fn debian_speaks_gnu_and_dash() {
    let mut fs = debian();
    assert_eq!(Userland::of(&fs), Userland::Gnu);
    let cases = [
        ("cat /nope", "cat: /nope: No such file or directory\n"),
        ("cat /etc", "cat: /etc: Is a directory\n"),
        ("ls /nope", "ls: cannot access '/nope': No such file or directory\n"),
        ("rm /nope", "rm: cannot remove '/nope': No such file or directory\n"),
        ("rm /etc", "rm: cannot remove '/etc': Is a directory\n"),
        ("rmdir /bin", "rmdir: failed to remove '/bin': Not a directory\n"),
        ("mkdir /etc", "mkdir: cannot create directory '/etc': File exists\n"),
        ("touch /nope/x", "touch: cannot touch '/nope/x': No such file or directory\n"),
        ("cp /nope /x", "cp: cannot stat '/nope': No such file or directory\n"),
        ("cp /etc /x", "cp: -r not specified; omitting directory '/etc'\n"),
        ("mv /nope /x", "mv: cannot stat '/nope': No such file or directory\n"),
        ("echo hi > /etc/", "sh: 1: cannot create /etc/: Is a directory\n"),
        ("echo hi > /nope/x", "sh: 1: cannot create /nope/x: Directory nonexistent\n"),
        ("cat < /nope", "sh: 1: cannot open /nope: No such file\n"),
        ("cd /nope", "sh: 1: cd: can't cd to /nope\n"),
        ("nosuch", "sh: 1: nosuch: not found\n"),
        ("ps", "sh: 1: ps: not found\n"),
    ];
    for (script, expected) in cases {
        assert_eq!(err(&mut fs, script), expected, "{script}");
    }
    assert_eq!(sh(&mut fs, "ls /nope").2, 2);
    assert_eq!(sh(&mut fs, "ls -ld /tmp").0, "drwxrwxrwt 2 root root 4096 Jan 13  2025 /tmp\n");
    assert_eq!(sh(&mut fs, "bash -c 'nosuch'").1, "bash: line 1: nosuch: command not found\n");
}
