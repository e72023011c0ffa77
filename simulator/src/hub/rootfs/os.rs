//! Base operating-system layers: busybox, Alpine, Debian, Ubuntu, Oracle Linux, as their official
//! root filesystems lay them out.

use super::packages::{self, Apk, Deb};
use super::texts;
use super::Step;
use crate::fs::Layer;
use crate::hub::HubStep;

/// The base OS a step installs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Base {
    Busybox(&'static str),
    Alpine(&'static str),
    Debian { version: &'static str, codename: &'static str, slim: bool },
    Ubuntu(&'static str),
    Oracle,
    /// buildpack-deps steps on a Debian release (shared by node and python).
    BuildpackCurl(&'static str),
    BuildpackScm(&'static str),
    BuildpackDev(&'static str),
}

fn base_of(step: &HubStep) -> Option<Base> {
    let t = step.created_by;
    Some(if t.starts_with("BusyBox 1.37.0") {
        Base::Busybox("1.37.0")
    } else if t.starts_with("BusyBox 1.36.1") {
        Base::Busybox("1.36.1")
    } else if t.contains("alpine-minirootfs-3.21.2") {
        Base::Alpine("3.21.2")
    } else if t.contains("alpine-minirootfs-3.20.5") {
        Base::Alpine("3.20.5")
    } else if t.contains("ADD file:7acddaa8162ee438") {
        Base::Alpine("3.18.3")
    } else if t.contains("ADD file:ad381af6910645960f") {
        Base::Ubuntu("24.04")
    } else if t.contains("ADD file:e32768ea69628678751e") {
        Base::Ubuntu("22.04")
    } else if t.contains("ADD file:de5a2acc233d2fecaf6d") {
        Base::Ubuntu("20.04")
    } else if t.contains("debian.sh") && t.contains("'bookworm'") {
        Base::Debian { version: "12.9", codename: "bookworm", slim: step.size < 100_000_000 }
    } else if t.contains("ADD file:1798858cd9178435") {
        Base::Debian { version: "10.13", codename: "buster", slim: false }
    } else if t.contains("oraclelinux-9-slim") {
        Base::Oracle
    } else if t.contains("apt-get install") && t.contains("\t\tcurl") && t.contains("wget") && !t.contains("autoconf") {
        Base::BuildpackCurl(if t.starts_with("RUN ") { "bookworm" } else { "buster" })
    } else if t.contains("apt-get install") && t.contains("mercurial") {
        Base::BuildpackScm(if t.starts_with("RUN ") { "bookworm" } else { "buster" })
    } else if t.contains("apt-get install") && t.contains("autoconf") && t.contains("imagemagick") {
        Base::BuildpackDev(if t.starts_with("RUN ") { "bookworm" } else { "buster" })
    } else {
        return None;
    })
}

/// True for steps shared by images of several repositories (their layer depends on the step only).
pub fn is_base(step: &HubStep) -> bool {
    base_of(step).is_some()
}

/// The layer of a base step, or `None` for an application step.
pub fn build(step: &HubStep) -> Option<Layer> {
    let base = base_of(step)?;
    let mtime = match base {
        Base::Busybox("1.36.1") => 1_684_449_257,
        Base::Busybox(_) => 1_727_386_302,
        Base::Alpine("3.18.3") => 1_691_494_400,
        Base::Alpine(_) => 1_736_338_048,
        Base::Ubuntu("24.04") => 1_731_990_706,
        Base::Ubuntu("22.04") => 1_726_064_000,
        Base::Ubuntu(_) => 1_728_604_800,
        Base::Debian { codename: "buster", .. } => 1_688_428_800,
        _ => 1_736_726_400,
    };
    let mut s = Step::new(step.size, mtime, step.created_by);
    match base {
        Base::Busybox(version) => busybox(&mut s, version),
        Base::Alpine(version) => alpine(&mut s, version),
        Base::Debian { version, codename, slim } => debian(&mut s, version, codename, slim),
        Base::Ubuntu(version) => ubuntu(&mut s, version),
        Base::Oracle => oracle(&mut s),
        Base::BuildpackCurl(release) => buildpack(&mut s, release, &[packages::BOOKWORM_CURL], &["curl", "wget", "gpg", "gpgv", "openssl", "sq"]),
        Base::BuildpackScm(release) => buildpack(
            &mut s,
            release,
            &[packages::BOOKWORM_CURL, packages::BOOKWORM_SCM],
            &["git", "hg", "ssh", "scp", "svn", "ps", "top", "free", "pgrep", "kill"],
        ),
        Base::BuildpackDev(release) => buildpack(
            &mut s,
            release,
            &[packages::BOOKWORM_CURL, packages::BOOKWORM_SCM, packages::BOOKWORM_DEV],
            &["gcc", "g++", "cc", "make", "autoconf", "automake", "file", "patch", "unzip", "xz", "bzip2", "convert", "pkg-config"],
        ),
    }
    Some(s.finish())
}

const BUSYBOX_APPLETS: &[&str] = &[
    "[", "[[", "addgroup", "adduser", "ar", "arch", "ash", "awk", "base64", "basename", "bc", "blkid", "bunzip2",
    "bzcat", "bzip2", "cal", "cat", "chgrp", "chmod", "chown", "chroot", "chvt", "cksum", "clear", "cmp", "comm", "cp",
    "cpio", "crond", "crontab", "cut", "date", "dc", "dd", "deluser", "df", "diff", "dirname", "dmesg", "dnsdomainname",
    "dos2unix", "du", "echo", "ed", "egrep", "env", "expand", "expr", "factor", "false", "fdisk", "fgrep", "find",
    "flock", "fold", "free", "fuser", "getopt", "getty", "grep", "groups", "gunzip", "gzip", "halt", "hd", "head",
    "hexdump", "hostid", "hostname", "httpd", "hwclock", "id", "ifconfig", "init", "install", "ip", "ipcalc", "kill",
    "killall", "last", "less", "link", "ln", "logger", "login", "ls", "lsof", "lsusb", "md5sum", "mkdir", "mkfifo",
    "mknod", "mktemp", "more", "mount", "mv", "nc", "netstat", "nice", "nl", "nohup", "nproc", "nslookup", "od",
    "passwd", "paste", "patch", "pgrep", "pidof", "ping", "ping6", "pkill", "poweroff", "printenv", "printf", "ps",
    "pwd", "readlink", "realpath", "reboot", "renice", "reset", "rev", "rm", "rmdir", "route", "sed", "seq", "sh",
    "sha1sum", "sha256sum", "sha512sum", "shuf", "sleep", "sort", "split", "stat", "strings", "stty", "su", "sum",
    "sync", "sysctl", "tac", "tail", "tar", "tee", "telnet", "test", "time", "timeout", "top", "touch", "tr",
    "traceroute", "tree", "true", "truncate", "tty", "udhcpc", "umount", "uname", "uniq", "unlink", "unzip",
    "uptime", "usleep", "uudecode", "uuencode", "vi", "watch", "wc", "wget", "which", "whoami", "xargs", "xxd", "yes",
    "zcat",
];

fn busybox(s: &mut Step, version: &str) {
    for d in ["/dev", "/home", "/usr/sbin", "/var/spool/mail", "/var/www"] {
        s.dir(d, 0o755);
    }
    s.dir("/root", 0o700).dir("/tmp", 0o1777);
    s.bin("/bin/busybox", if version == "1.36.1" { 1_118_944 } else { 1_131_168 });
    for applet in BUSYBOX_APPLETS {
        s.hardlink(&format!("/bin/{applet}"), "/bin/busybox");
    }
    s.text("/etc/passwd", 0o644, texts::BUSYBOX_PASSWD)
        .text("/etc/group", 0o644, texts::BUSYBOX_GROUP)
        .text("/etc/shadow", 0o640, &texts::shadow_for(texts::BUSYBOX_PASSWD))
        .text("/etc/nsswitch.conf", 0o644, "hosts:\t\tfiles dns\nnetworks:\tfiles dns\n")
        .text("/etc/localtime", 0o644, "TZif2\n")
        .symlink("/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-x86-64.so.2");
    s.pad(&["/lib/libc.so.6", "/lib/libm.so.6", "/lib/ld-linux-x86-64.so.2", "/lib/libresolv.so.2", "/lib/libnss_files.so.2", "/lib/libnss_dns.so.2"]);
}

const ALPINE_BIN: &[&str] = &[
    "arch", "ash", "base64", "bbconfig", "cat", "chattr", "chgrp", "chmod", "chown", "cp", "date", "dd", "df", "dmesg",
    "dnsdomainname", "dumpkmap", "echo", "ed", "egrep", "false", "fatattr", "fdflush", "fgrep", "fsync", "getopt",
    "grep", "gunzip", "gzip", "hostname", "ionice", "iostat", "ipcalc", "kbd_mode", "kill", "link", "linux32",
    "linux64", "ln", "login", "ls", "lsattr", "lzop", "makemime", "mkdir", "mknod", "mktemp", "more", "mount",
    "mountpoint", "mpstat", "mv", "netstat", "nice", "pidof", "ping", "ping6", "pipe_progress", "printenv", "ps", "pwd",
    "reformime", "rev", "rm", "rmdir", "run-parts", "sed", "setpriv", "setserial", "sh", "sleep", "stat", "stty", "su",
    "sync", "tar", "touch", "true", "umount", "uname", "usleep", "watch", "zcat",
];

const ALPINE_SBIN: &[&str] = &[
    "acpid", "adjtimex", "arp", "blkid", "blockdev", "depmod", "fdisk", "findfs", "fsck", "fstrim", "getty", "halt",
    "hwclock", "ifconfig", "ifdown", "ifup", "init", "insmod", "ip", "ipaddr", "iplink", "ipneigh", "iproute", "iprule",
    "iptunnel", "klogd", "loadkmap", "logread", "losetup", "lsmod", "mdev", "mkdosfs", "mkfs.vfat", "mkswap", "modinfo",
    "modprobe", "nameif", "nologin", "pivot_root", "poweroff", "reboot", "rmmod", "route", "setconsole", "slattach",
    "swapoff", "swapon", "switch_root", "sysctl", "syslogd", "tunctl", "udhcpc", "vconfig", "watchdog",
];

const ALPINE_USR_BIN: &[&str] = &[
    "[", "[[", "awk", "basename", "bc", "beep", "blkdiscard", "bunzip2", "bzcat", "bzip2", "cal", "chvt", "cksum",
    "clear", "cmp", "comm", "cpio", "crontab", "cryptpw", "cut", "dc", "deallocvt", "diff", "dirname", "dos2unix", "du",
    "eject", "env", "expand", "expr", "factor", "fallocate", "find", "flock", "fold", "free", "fuser", "groups", "hd",
    "head", "hexdump", "hostid", "iconv", "id", "install", "ipcrm", "ipcs", "killall", "last", "less", "logger", "lsof",
    "lsusb", "lzcat", "lzma", "lzopcat", "md5sum", "mesg", "microcom", "mkfifo", "mkpasswd", "nc", "nl", "nmeter",
    "nohup", "nproc", "nsenter", "nslookup", "od", "openvt", "passwd", "paste", "pgrep", "pkill", "pmap", "printf",
    "pscan", "pstree", "pwdx", "readlink", "realpath", "renice", "reset", "resize", "seq", "setkeycodes", "setsid",
    "sha1sum", "sha256sum", "sha3sum", "sha512sum", "showkey", "shred", "shuf", "sort", "split", "strings", "sum",
    "tac", "tail", "tee", "test", "time", "timeout", "top", "tr", "traceroute", "traceroute6", "tree", "truncate",
    "tty", "ttysize", "udhcpc6", "unexpand", "uniq", "unlink", "unlzma", "unlzop", "unshare", "unxz", "unzip", "uptime",
    "uudecode", "uuencode", "vi", "vlock", "volname", "wc", "wget", "which", "whoami", "whois", "xargs", "xxd", "xzcat",
    "yes",
];

fn alpine(s: &mut Step, version: &'static str) {
    let db: &[Apk] = match version {
        "3.21.2" => packages::ALPINE_3_21,
        "3.20.5" => packages::ALPINE_3_20,
        _ => packages::ALPINE_3_18,
    };
    for d in [
        "/dev", "/home", "/media/cdrom", "/media/usb", "/mnt", "/opt", "/proc", "/run", "/srv", "/sys", "/usr/local/bin",
        "/usr/local/lib", "/usr/local/share", "/usr/share/apk/keys", "/var/cache/apk", "/var/empty", "/var/lib/misc",
        "/var/log", "/var/mail", "/var/opt", "/var/spool/cron/crontabs",
    ] {
        s.dir(d, 0o755);
    }
    s.dir("/root", 0o700).dir("/tmp", 0o1777).dir("/var/tmp", 0o1777);
    s.symlink("/var/run", "../run").symlink("/var/lock", "../run/lock");
    s.text("/etc/os-release", 0o644, &texts::alpine_os_release(version))
        .text("/etc/alpine-release", 0o644, &format!("{version}\n"))
        .text("/etc/hostname", 0o644, "localhost\n")
        .text("/etc/hosts", 0o644, "127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n")
        .text("/etc/passwd", 0o644, texts::ALPINE_PASSWD)
        .text("/etc/group", 0o644, texts::ALPINE_GROUP)
        .text("/etc/shadow", 0o640, &texts::shadow_for(texts::ALPINE_PASSWD))
        .text("/etc/shells", 0o644, "# valid login shells\n/bin/sh\n/bin/ash\n")
        .text("/etc/profile", 0o644, "export CHARSET=UTF-8\nexport LANG=C.UTF-8\nexport PAGER=less\numask 022\n\nfor script in /etc/profile.d/*.sh ; do\n\tif [ -r \"$script\" ] ; then\n\t\t. \"$script\"\n\tfi\ndone\nunset script\n")
        .text("/etc/motd", 0o644, "Welcome to Alpine!\n\nThe Alpine Wiki contains a large amount of how-to guides and general\ninformation about administrating Alpine systems.\nSee <https://wiki.alpinelinux.org/>.\n\nYou can setup the system with the command: setup-alpine\n\nYou may change this message by editing /etc/motd.\n\n")
        .text("/etc/apk/arch", 0o644, "x86_64\n")
        .text("/etc/apk/world", 0o644, &packages::apk_world(&[db]))
        .text(
            "/etc/apk/repositories",
            0o644,
            &format!("https://dl-cdn.alpinelinux.org/alpine/v{0}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v{0}/community\n", version.rsplit_once('.').map_or(version, |(m, _)| m)),
        )
        .text("/lib/apk/db/installed", 0o644, &packages::apk_installed(&[db]));
    s.bin("/bin/busybox", 808_712).bin("/sbin/apk", 67_944).bin("/usr/bin/scanelf", 79_312).bin("/usr/bin/ssl_client", 14_216);
    s.bin("/usr/bin/getent", 48_008).bin("/usr/bin/getconf", 36_864).bin("/usr/bin/iconv", 24_320).bin("/usr/bin/ldd", 90);
    s.symlink("/bin/sh", "/bin/busybox");
    for a in ALPINE_BIN.iter().filter(|a| **a != "sh") {
        s.symlink(&format!("/bin/{a}"), "/bin/busybox");
    }
    for a in ALPINE_SBIN {
        s.symlink(&format!("/sbin/{a}"), "/bin/busybox");
    }
    for a in ALPINE_USR_BIN {
        s.symlink(&format!("/usr/bin/{a}"), "/bin/busybox");
    }
    s.symlink("/lib/libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1").symlink("/lib/libz.so.1", "libz.so.1.3.1");
    s.symlink("/etc/ssl/cert.pem", "certs/ca-certificates.crt");
    s.blob("/etc/ssl/certs/ca-certificates.crt", 0o644, 221_219);
    s.pad(&["/lib/libcrypto.so.3", "/lib/ld-musl-x86_64.so.1", "/lib/libssl.so.3", "/lib/libapk.so.2.14.0", "/lib/libz.so.1.3.1"]);
}

/// Programs every Debian-family base has in `/usr/bin`.
const DEBIAN_BIN: &[(&str, u64)] = &[
    ("bash", 1_265_648), ("dash", 125_640), ("ls", 151_344), ("cat", 44_016), ("cp", 151_152), ("mv", 147_056),
    ("rm", 72_752), ("mkdir", 97_552), ("rmdir", 52_336), ("touch", 101_712), ("chmod", 64_688), ("chown", 72_848),
    ("ln", 76_848), ("pwd", 48_272), ("echo", 39_824), ("printf", 64_720), ("sleep", 39_856), ("true", 35_664),
    ("false", 35_664), ("env", 48_368), ("head", 47_728), ("tail", 64_176), ("wc", 52_304), ("sort", 122_992),
    ("uniq", 52_112), ("cut", 48_272), ("tr", 52_304), ("tee", 43_952), ("id", 48_240), ("whoami", 39_856),
    ("uname", 39_824), ("date", 113_648), ("df", 97_424), ("du", 114_224), ("stat", 97_360), ("basename", 39_856),
    ("dirname", 39_824), ("readlink", 48_272), ("realpath", 52_336), ("mktemp", 48_272), ("seq", 52_272),
    ("yes", 35_752), ("test", 52_368), ("[", 56_464), ("nproc", 39_856), ("md5sum", 48_272), ("sha256sum", 56_464),
    ("base64", 43_952), ("expr", 105_552), ("nohup", 39_856), ("timeout", 56_504), ("grep", 211_856), ("sed", 118_584),
    ("tar", 530_488), ("gzip", 98_136), ("find", 224_848), ("xargs", 68_528), ("hostname", 22_648), ("mawk", 162_344),
    ("apt", 18_784), ("apt-get", 26_976), ("apt-cache", 88_992), ("apt-config", 27_104), ("apt-mark", 51_424),
    ("dpkg", 306_288), ("dpkg-deb", 138_344), ("dpkg-query", 158_400), ("dpkg-divert", 142_360), ("perl", 3_946_800),
    ("login", 56_464), ("su", 72_000), ("mount", 59_704), ("umount", 35_128), ("more", 43_336), ("chgrp", 68_528),
    ("diff", 182_320), ("cmp", 51_568), ("who", 56_496), ("tac", 43_952), ("tsort", 47_952), ("ptx", 85_136),
];

/// `/usr/sbin` programs of a Debian-family base.
const DEBIAN_SBIN: &[(&str, u64)] = &[
    ("useradd", 153_632), ("groupadd", 84_000), ("userdel", 104_904), ("usermod", 133_192), ("chpasswd", 63_600),
    ("ldconfig", 989_216), ("start-stop-daemon", 48_200), ("nologin", 14_640), ("pam-auth-update", 22_100),
];

fn debian_family(s: &mut Step, merged: bool, os_release: &str, debian_version: &str, db: &[&[Deb]], lib_version: &str) {
    for d in ["/boot", "/dev", "/home", "/media", "/mnt", "/opt", "/proc", "/run", "/srv", "/sys", "/usr/local/bin", "/usr/local/sbin", "/usr/local/lib", "/usr/local/share", "/var/backups", "/var/cache/apt", "/var/lib/apt/lists", "/var/log", "/var/mail", "/var/spool", "/var/opt"] {
        s.dir(d, 0o755);
    }
    s.dir("/root", 0o700).dir("/tmp", 0o1777).dir("/var/tmp", 0o1777);
    if merged {
        s.symlink("/bin", "usr/bin").symlink("/sbin", "usr/sbin").symlink("/lib", "usr/lib").symlink("/lib64", "usr/lib64");
    }
    let (bin, sbin) = if merged { ("/usr/bin", "/usr/sbin") } else { ("/bin", "/sbin") };
    for (name, size) in DEBIAN_BIN {
        let dir = if merged || matches!(*name, "bash" | "dash" | "ls" | "cat" | "cp" | "mv" | "rm" | "mkdir" | "grep" | "sed" | "tar" | "gzip" | "mount" | "su" | "login") { bin } else { "/usr/bin" };
        s.bin(&format!("{dir}/{name}"), *size);
    }
    for (name, size) in DEBIAN_SBIN {
        s.bin(&format!("{sbin}/{name}"), *size);
    }
    s.symlink(&format!("{bin}/sh"), "dash")
        .symlink(&format!("{bin}/rbash"), "bash")
        .symlink("/usr/bin/awk", "/etc/alternatives/awk")
        .symlink("/etc/alternatives/awk", "/usr/bin/mawk")
        .symlink("/usr/bin/which", "/etc/alternatives/which")
        .symlink("/etc/alternatives/which", "/usr/bin/which.debianutils")
        .text("/usr/bin/which.debianutils", 0o755, "#! /bin/sh\nset -ef\n\nif test -n \"$KSH_VERSION\"; then\n\tputs() {\n\t\tprint -r -- \"$*\"\n\t}\nelse\n\tputs() {\n\t\tprintf '%s\\n' \"$*\"\n\tfi\nfi\n")
        .symlink("/usr/bin/egrep", "grep")
        .symlink("/usr/bin/zcat", "gzip")
        .text("/usr/lib/os-release", 0o644, os_release)
        .symlink("/etc/os-release", "../usr/lib/os-release")
        .text("/etc/debian_version", 0o644, debian_version)
        .text("/etc/hostname", 0o644, "localhost\n")
        .text("/etc/passwd", 0o644, texts::DEBIAN_PASSWD)
        .text("/etc/group", 0o644, texts::DEBIAN_GROUP)
        .text("/etc/shadow", 0o640, &texts::shadow_for(texts::DEBIAN_PASSWD))
        .text("/etc/shells", 0o644, "# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n")
        .text("/etc/nsswitch.conf", 0o644, "passwd:         files\ngroup:          files\nshadow:         files\ngshadow:        files\n\nhosts:          files dns\nnetworks:       files\n\nprotocols:      db files\nservices:       db files\nethers:         db files\nrpc:            db files\n\nnetgroup:       nis\n")
        .text("/etc/bash.bashrc", 0o644, "# System-wide .bashrc file for interactive bash(1) shells.\n[ -z \"$PS1\" ] && return\nshopt -s checkwinsize\nPS1='${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '\n")
        .text("/root/.bashrc", 0o644, "# ~/.bashrc: executed by bash(1) for non-login shells.\n\n# export LS_OPTIONS='--color=auto'\n# eval \"$(dircolors)\"\n# alias ls='ls $LS_OPTIONS'\n")
        .text("/root/.profile", 0o644, "# ~/.profile: executed by Bourne-compatible login shells.\n\nif [ \"$BASH\" ]; then\n  if [ -f ~/.bashrc ]; then\n    . ~/.bashrc\n  fi\nfi\n\nmesg n 2> /dev/null || true\n")
        .text("/var/lib/dpkg/status", 0o644, &packages::dpkg_status(db));
    let lib = "/usr/lib/x86_64-linux-gnu";
    s.symlink(&format!("{lib}/libz.so.1"), &format!("libz.so.{lib_version}"));
    s.pad(&[
        &format!("{lib}/libc.so.6"),
        &format!("{lib}/libcrypto.so.3"),
        "/usr/lib/locale/C.utf8/LC_CTYPE",
        &format!("{lib}/libstdc++.so.6.0.30"),
        &format!("{lib}/libsystemd.so.0.35.0"),
        &format!("{lib}/libgnutls.so.30.34.3"),
        "/usr/share/zoneinfo/zone1970.dat",
        &format!("{lib}/libssl.so.3"),
        &format!("{lib}/libm.so.6"),
        &format!("{lib}/ld-linux-x86-64.so.2"),
        &format!("{lib}/libz.so.{lib_version}"),
        "/var/cache/debconf/templates.dat",
    ]);
}

fn debian(s: &mut Step, version: &str, codename: &str, slim: bool) {
    let db: &[Deb] = if codename == "buster" { packages::BUSTER } else { packages::BOOKWORM };
    let major = version.split('.').next().unwrap_or(version);
    s.text("/etc/apt/sources.list.d/debian.sources", 0o644, &format!("Types: deb\n# http://snapshot.debian.org/archive/debian/20250113T000000Z\nURIs: http://deb.debian.org/debian\nSuites: {codename} {codename}-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"));
    s.text("/etc/issue", 0o644, &format!("Debian GNU/Linux {major} \\n \\l\n\n"));
    if !slim {
        // The full image keeps documentation and manual pages that slim drops.
        s.blob("/usr/share/doc/bash/changelog.gz", 0o644, 41_210).blob("/usr/share/man/man1/bash.1.gz", 0o644, 97_455);
    }
    let merged = codename != "buster";
    debian_family(s, merged, &texts::debian_os_release(major, codename), &format!("{version}\n"), &[db], if merged { "1.2.13" } else { "1.2.11" });
}

fn ubuntu(s: &mut Step, version: &str) {
    let (db, full, name, codename, debian_version, zlib): (&[Deb], _, _, _, _, _) = match version {
        "24.04" => (packages::NOBLE, "24.04.1", "Noble Numbat", "noble", "trixie/sid\n", "1.3"),
        "22.04" => (packages::JAMMY, "22.04.5", "Jammy Jellyfish", "jammy", "bookworm/sid\n", "1.2.11"),
        _ => (packages::FOCAL, "20.04.6", "Focal Fossa", "focal", "bullseye/sid\n", "1.2.11"),
    };
    s.text("/etc/lsb-release", 0o644, &format!("DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE={version}\nDISTRIB_CODENAME={codename}\nDISTRIB_DESCRIPTION=\"Ubuntu {full} LTS\"\n"));
    s.text("/etc/issue", 0o644, &format!("Ubuntu {full} LTS \\n \\l\n\n"));
    if version != "24.04" {
        // Before noble the image still carried the `ubuntu` user-less default files only.
        s.text("/etc/apt/sources.list", 0o644, &format!("deb http://archive.ubuntu.com/ubuntu/ {codename} main restricted\ndeb http://archive.ubuntu.com/ubuntu/ {codename}-updates main restricted\ndeb http://security.ubuntu.com/ubuntu/ {codename}-security main restricted\n"));
    } else {
        s.text("/etc/apt/sources.list.d/ubuntu.sources", 0o644, "Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: noble noble-updates noble-backports\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n");
        s.dir_owned("/home/ubuntu", 0o750, 1000, 1000);
    }
    debian_family(s, true, &texts::ubuntu_os_release(version, full, name, codename), debian_version, &[db], zlib);
}

fn oracle(s: &mut Step) {
    for d in ["/boot", "/dev", "/home", "/media", "/mnt", "/opt", "/proc", "/run", "/srv", "/sys", "/usr/local/bin", "/var/log", "/var/cache/dnf"] {
        s.dir(d, 0o755);
    }
    s.dir("/root", 0o550).dir("/tmp", 0o1777);
    s.symlink("/bin", "usr/bin").symlink("/sbin", "usr/sbin").symlink("/lib", "usr/lib").symlink("/lib64", "usr/lib64");
    s.text("/usr/lib/os-release", 0o644, texts::ORACLE_OS_RELEASE)
        .symlink("/etc/os-release", "../usr/lib/os-release")
        .text("/etc/oracle-release", 0o644, "Oracle Linux Server release 9.5\n")
        .symlink("/etc/redhat-release", "oracle-release")
        .symlink("/etc/system-release", "oracle-release")
        .text("/etc/passwd", 0o644, "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nadm:x:3:4:adm:/var/adm:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/spool/mail:/sbin/nologin\noperator:x:11:0:operator:/root:/sbin/nologin\ngames:x:12:100:games:/usr/games:/sbin/nologin\nftp:x:14:50:FTP User:/var/ftp:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\n")
        .text("/etc/group", 0o644, "root:x:0:\nbin:x:1:\ndaemon:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmem:x:8:\nkmem:x:9:\nwheel:x:10:\ncdrom:x:11:\nmail:x:12:\nman:x:15:\ndialout:x:18:\nfloppy:x:19:\ngames:x:20:\ntape:x:33:\nvideo:x:39:\nftp:x:50:\nlock:x:54:\naudio:x:63:\nusers:x:100:\nnobody:x:65534:\n");
    for (name, size) in [("bash", 1_389_064), ("coreutils", 1_311_896), ("microdnf", 100_872), ("rpm", 24_208), ("grep", 163_744), ("sed", 118_904), ("gzip", 95_784), ("tar", 485_160)] {
        s.bin(&format!("/usr/bin/{name}"), size);
    }
    s.symlink("/usr/bin/sh", "bash");
    for applet in ["ls", "cat", "cp", "mv", "rm", "mkdir", "rmdir", "touch", "chmod", "chown", "ln", "pwd", "echo", "sleep", "env", "head", "tail", "wc", "sort", "id", "whoami", "uname", "date", "df", "du", "stat", "true", "false", "basename", "dirname", "test", "["] {
        s.symlink(&format!("/usr/bin/{applet}"), "coreutils");
    }
    s.pad(&["/var/lib/rpm/rpmdb.sqlite", "/usr/lib64/libc.so.6", "/usr/lib64/libcrypto.so.3.2.2", "/usr/lib64/libpython3.9.so.1.0", "/usr/share/locale/locale-archive", "/usr/lib64/libstdc++.so.6.0.29"]);
}

fn buildpack(s: &mut Step, release: &str, db: &[&[Deb]], programs: &[&str]) {
    let base: &[Deb] = if release == "buster" { packages::BUSTER } else { packages::BOOKWORM };
    let mut sets: Vec<&[Deb]> = vec![base];
    sets.extend_from_slice(db);
    s.text("/var/lib/dpkg/status", 0o644, &packages::dpkg_status(&sets));
    for p in programs {
        s.bin(&format!("/usr/bin/{p}"), 180_000 + (p.len() as u64) * 9_973);
    }
    s.dir("/var/lib/apt/lists", 0o755);
    if programs.contains(&"curl") {
        s.blob("/etc/ssl/certs/ca-certificates.crt", 0o644, 213_777).dir("/etc/ssl/private", 0o700);
    }
    s.pad(&[
        "/usr/lib/x86_64-linux-gnu/libLLVM-14.so.1",
        "/usr/lib/gcc/x86_64-linux-gnu/12/cc1plus",
        "/usr/lib/x86_64-linux-gnu/libMagickCore-6.Q16.so.6.0.0",
        "/usr/lib/git-core/git-remote-http",
        "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0",
        "/usr/share/perl/5.36.0/unicore/lib.dat",
        "/usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0",
    ]);
}
