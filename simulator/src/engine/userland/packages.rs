//! Package managers inside a container: `apt-get`/`apt` (Debian, Ubuntu), `apk` (Alpine), `npm`,
//! `pip`. They print what the real tools print for a plausible download, write size-only files
//! with realistic sizes, and keep the package databases (`/var/lib/dpkg/status`,
//! `/lib/apk/db/installed`, `/etc/apk/world`) up to date, so `docker diff`, image sizes and the
//! scanner see what was installed.

use std::collections::BTreeMap;

use super::files::Args;
use super::Machine;
use crate::fs::{Content, SyntheticKind};
use crate::hub::rootfs::{apk_installed, dpkg_status, upgrade_db};
use crate::output::Output;
use crate::shell::ProgramCall;

/// A package of the simulated archives: name, version, installed KiB, download KiB, dependencies,
/// programs it installs, description.
type Pkg = (&'static str, &'static str, u64, u64, &'static [&'static str], &'static [&'static str], &'static str);

/// Debian bookworm packages learners install (versions of January 2025).
const DEBIAN: &[Pkg] = &[
    ("ca-certificates", "20230311", 388, 153, &["openssl"], &["/usr/sbin/update-ca-certificates"], "Common CA certificates"),
    ("curl", "7.88.1-10+deb12u8", 504, 309, &["libcurl4", "ca-certificates"], &["/usr/bin/curl"], "command line tool for transferring data with URL syntax"),
    ("git", "1:2.39.5-0+deb12u1", 39_184, 7_056, &["git-man", "libcurl3-gnutls", "liberror-perl", "perl"], &["/usr/bin/git"], "fast, scalable, distributed revision control system"),
    ("git-man", "1:2.39.5-0+deb12u1", 12_057, 2_051, &[], &[], "fast, scalable, distributed revision control system (manual pages)"),
    ("htop", "3.2.2-2", 423, 152, &["libnl-3-200"], &["/usr/bin/htop"], "interactive processes viewer"),
    ("iproute2", "6.1.0-3", 3_652, 1_044, &["libbpf1", "libelf1"], &["/usr/bin/ip", "/usr/bin/ss"], "networking and traffic control tools"),
    ("iputils-ping", "3:20221126-1+deb12u1", 118, 47, &["libcap2-bin"], &["/usr/bin/ping"], "Tools to test the reachability of network hosts"),
    ("jq", "1.6-2.1", 102, 64, &["libjq1"], &["/usr/bin/jq"], "lightweight and flexible command-line JSON processor"),
    ("less", "590-2.1~deb12u2", 580, 131, &[], &["/usr/bin/less"], "pager program similar to more"),
    ("libbpf1", "1:1.1.0-1", 376, 145, &[], &[], "eBPF helper library (shared library)"),
    ("libbrotli1", "1.0.9-2+b6", 784, 269, &[], &[], "library implementing brotli encoder and decoder (shared libraries)"),
    ("libcap2-bin", "1:2.66-4", 168, 34, &[], &[], "POSIX 1003.1e capabilities (utilities)"),
    ("libcurl3-gnutls", "7.88.1-10+deb12u8", 1_134, 385, &["libnghttp2-14", "libpsl5"], &[], "easy-to-use client-side URL transfer library (GnuTLS flavour)"),
    ("libcurl4", "7.88.1-10+deb12u8", 1_151, 391, &["libnghttp2-14", "libpsl5", "librtmp1", "libssh2-1", "libbrotli1", "libldap-2.5-0"], &[], "easy-to-use client-side URL transfer library (OpenSSL flavour)"),
    ("libelf1", "0.188-2.1", 1_095, 174, &[], &[], "library to read and write ELF files"),
    ("liberror-perl", "0.17029-2", 42, 29, &["perl"], &[], "Perl module for error/exception handling in an OO-ish way"),
    ("libgpm2", "1.20.7-10+b1", 57, 14, &[], &[], "General Purpose Mouse - shared library"),
    ("libjq1", "1.6-2.1", 336, 135, &["libonig5"], &[], "lightweight and flexible command-line JSON processor - shared library"),
    ("libldap-2.5-0", "2.5.13+dfsg-5", 591, 183, &["libsasl2-2"], &[], "OpenLDAP libraries"),
    ("libnghttp2-14", "1.52.0-1+deb12u2", 223, 72, &[], &[], "library implementing HTTP/2 protocol (shared library)"),
    ("libnl-3-200", "3.7.0-0.2+b1", 201, 63, &[], &[], "library for dealing with netlink sockets"),
    ("libonig5", "6.9.8-1", 648, 188, &[], &[], "regular expressions library"),
    ("libpsl5", "0.21.2-1", 93, 58, &[], &[], "Library for Public Suffix List (shared libraries)"),
    ("librtmp1", "2.4+20151223.gitfa8646d.1-2+b2", 147, 60, &[], &[], "toolkit for RTMP streams (shared library)"),
    ("libsasl2-2", "2.1.28+dfsg-10", 181, 60, &[], &[], "Cyrus SASL - authentication abstraction library"),
    ("libsodium23", "1.0.18-1", 356, 161, &[], &[], "Network communication, cryptography and signaturing library"),
    ("libssh2-1", "1.10.0-3+b1", 448, 179, &[], &[], "SSH2 client-side library"),
    ("nano", "7.2-1+deb12u1", 2_759, 690, &[], &["/usr/bin/nano"], "small, friendly text editor inspired by Pico"),
    ("net-tools", "2.10-0.1", 1_015, 243, &[], &["/usr/bin/netstat", "/usr/sbin/ifconfig"], "NET-3 networking toolkit"),
    // The notes' Dockerfiles install nginx with apt-get (added for the builder).
    ("nginx", "1.22.1-9+deb12u1", 1_386, 527, &["nginx-common"], &["/usr/sbin/nginx"], "small, powerful, scalable web/proxy server"),
    ("nginx-common", "1.22.1-9+deb12u1", 315, 112, &[], &[], "small, powerful, scalable web/proxy server - common files"),
    ("openssl", "3.0.15-1~deb12u1", 2_306, 1_432, &[], &["/usr/bin/openssl"], "Secure Sockets Layer toolkit - cryptographic utility"),
    ("perl", "5.36.0-7+deb12u1", 717, 239, &[], &["/usr/bin/perl5.36.0"], "Larry Wall's Practical Extraction and Report Language"),
    ("procps", "2:4.0.2-3", 2_389, 709, &[], &["/usr/bin/ps", "/usr/bin/top", "/usr/bin/free", "/usr/bin/kill"], "/proc file system utilities"),
    ("python3", "3.11.2-1+b1", 89, 26, &["python3.11"], &["/usr/bin/python3"], "interactive high-level object-oriented language (default version)"),
    ("python3.11", "3.11.2-6+deb12u5", 22_530, 5_894, &[], &["/usr/bin/python3.11"], "Interactive high-level object-oriented language (version 3.11)"),
    ("tree", "2.1.0-1", 104, 49, &[], &["/usr/bin/tree"], "displays an indented directory tree, in color"),
    ("unzip", "6.0-28", 398, 166, &[], &["/usr/bin/unzip"], "De-archiver for .zip files"),
    ("vim", "2:9.0.1378-2+deb12u1", 3_732, 1_567, &["vim-runtime", "libgpm2", "libsodium23"], &["/usr/bin/vim.basic"], "Vi IMproved - enhanced vi editor"),
    ("vim-runtime", "2:9.0.1378-2+deb12u1", 36_951, 7_025, &[], &[], "Vi IMproved - Runtime files"),
    ("wget", "1.21.3-1+b2", 3_595, 937, &["libpsl5"], &["/usr/bin/wget"], "retrieves files from the web"),
];

/// Alpine 3.21 packages (main and community).
const ALPINE: &[Pkg] = &[
    ("bash", "5.2.37-r0", 1_240, 440, &["readline"], &["/bin/bash"], "The GNU Bourne Again shell"),
    ("brotli-libs", "1.1.0-r2", 876, 340, &[], &[], "Generic lossless compressor (libraries)"),
    ("c-ares", "1.34.3-r0", 224, 90, &[], &[], "Asynchronous DNS/names resolver library"),
    ("curl", "8.11.1-r0", 268, 140, &["brotli-libs", "c-ares", "libcurl", "libidn2", "libpsl", "nghttp2-libs", "zstd-libs"], &["/usr/bin/curl"], "URL retrival utility and library"),
    ("git", "2.47.1-r0", 14_720, 5_560, &["libcurl", "pcre2"], &["/usr/bin/git"], "Distributed version control system"),
    ("jq", "1.7.1-r0", 388, 190, &["oniguruma"], &["/usr/bin/jq"], "A lightweight and flexible command-line JSON processor"),
    ("libcurl", "8.11.1-r0", 652, 330, &[], &[], "The multiprotocol file transfer library"),
    ("libidn2", "2.3.7-r0", 292, 120, &["libunistring"], &[], "Encode/Decode library for internationalized domain names"),
    ("libpsl", "0.21.5-r3", 76, 30, &[], &[], "C library for the Publix Suffix List"),
    ("libunistring", "1.2-r0", 1_612, 600, &[], &[], "Library for manipulating Unicode strings and C strings"),
    ("nano", "8.2-r0", 612, 280, &["ncurses-libs"], &["/usr/bin/nano"], "Enhanced clone of the Pico text editor"),
    ("ncurses-libs", "6.5_p20241006-r3", 808, 300, &[], &[], "Ncurses libraries"),
    ("nghttp2-libs", "1.64.0-r0", 168, 70, &[], &[], "Experimental HTTP/2 client, server and proxy (libraries)"),
    ("oniguruma", "6.9.9-r0", 576, 190, &[], &[], "a regular expressions library"),
    ("pcre2", "10.43-r0", 704, 270, &[], &[], "Perl-compatible regular expression library"),
    ("python3", "3.12.8-r1", 58_000, 14_600, &["readline"], &["/usr/bin/python3"], "High-level scripting language"),
    ("readline", "8.2.13-r0", 276, 120, &["ncurses-libs"], &[], "GNU readline library"),
    ("tree", "2.2.1-r0", 96, 40, &[], &["/usr/bin/tree"], "A recursive directory indented listing of files"),
    ("vim", "9.1.0707-r0", 3_436, 1_700, &["xxd"], &["/usr/bin/vim"], "Improved vi-style text editor"),
    ("wget", "1.25.0-r0", 500, 200, &["libidn2"], &["/usr/bin/wget"], "Network utility to retrieve files from the Web"),
    ("xxd", "9.1.0707-r0", 40, 20, &[], &["/usr/bin/xxd"], "Hexdump utility from vim"),
    ("zstd-libs", "1.5.6-r2", 636, 260, &[], &[], "Zstandard - Fast real-time compression algorithm (libraries)"),
];

/// npm packages: (name, version, packages added with its dependencies, KiB in `node_modules`).
const NPM: &[(&str, &str, u64, u64)] = &[
    ("express", "4.21.2", 65, 2_230),
    ("lodash", "4.17.21", 1, 1_412),
    ("axios", "1.7.9", 9, 2_450),
    ("nodemon", "3.1.9", 29, 1_930),
    ("react", "19.0.0", 1, 250),
    ("mongoose", "8.9.5", 21, 7_900),
    ("pg", "8.13.1", 14, 480),
    ("redis", "4.7.0", 9, 520),
    ("dotenv", "16.4.7", 1, 80),
    ("cors", "2.8.5", 3, 45),
];

/// pip packages: (name, version, the distributions installed, KiB in `site-packages`).
const PIP: &[(&str, &str, &str, u64)] = &[
    ("flask", "3.1.0", "Jinja2-3.1.5 MarkupSafe-3.0.2 Werkzeug-3.1.3 blinker-1.9.0 click-8.1.8 flask-3.1.0 itsdangerous-2.2.0", 4_100),
    ("requests", "2.32.3", "certifi-2024.12.14 charset-normalizer-3.4.1 idna-3.10 requests-2.32.3 urllib3-2.3.0", 1_640),
    ("django", "5.1.5", "asgiref-3.8.1 django-5.1.5 sqlparse-0.5.3", 33_800),
    ("numpy", "2.2.2", "numpy-2.2.2", 69_000),
    ("pandas", "2.2.3", "numpy-2.2.2 pandas-2.2.3 python-dateutil-2.9.0.post0 pytz-2024.2 six-1.17.0 tzdata-2025.1", 138_000),
    ("redis", "5.2.1", "redis-5.2.1", 1_130),
    ("psycopg2-binary", "2.9.10", "psycopg2-binary-2.9.10", 8_600),
];

fn seed(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Writes a size-only file (ELF when executable), creating its directory.
fn blob(m: &mut Machine<'_, '_>, path: &str, size: u64, mode: u32) -> bool {
    let dir = path.rsplit_once('/').map_or("/", |(d, _)| if d.is_empty() { "/" } else { d });
    let kind = if mode & 0o111 != 0 || path.contains(".so") { SyntheticKind::Elf } else { SyntheticKind::Data };
    m.fs.mkdir_all(dir).is_ok() && m.fs.write_content(path, Content::Synthetic { size, seed: seed(path), kind }, Some(mode)).is_ok()
}

/// Writes a text file, creating its directory.
fn text(m: &mut Machine<'_, '_>, path: &str, body: &str) -> bool {
    let dir = path.rsplit_once('/').map_or("/", |(d, _)| if d.is_empty() { "/" } else { d });
    m.fs.mkdir_all(dir).is_ok() && m.fs.write(path, body.as_bytes()).is_ok()
}

fn read(m: &Machine<'_, '_>, path: &str) -> String {
    m.fs.read_to_string(path).ok().flatten().unwrap_or_default()
}

/// `(ID, VERSION_CODENAME, VERSION_ID)` of `/etc/os-release`.
fn os_release(m: &Machine<'_, '_>) -> (String, String, String) {
    let text = read(m, "/etc/os-release");
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
            .map(|v| v.trim_matches('"').to_string())
            .unwrap_or_default()
    };
    (field("ID"), field("VERSION_CODENAME"), field("VERSION_ID"))
}

/// `1,234 kB` as apt prints sizes (`kB` below 1000 kB, then `MB` with one decimal).
fn apt_size(kb: u64) -> String {
    if kb >= 1000 {
        format!("{:.1} MB", kb as f64 / 1000.0)
    } else {
        format!("{kb} kB")
    }
}

fn find_deb(name: &str) -> Option<&'static Pkg> {
    DEBIAN.iter().find(|p| p.0 == name)
}

/// Names of the packages in a dpkg status database.
fn dpkg_installed(status: &str) -> Vec<String> {
    status.lines().filter_map(|l| l.strip_prefix("Package: ")).map(str::to_string).collect()
}

/// The package, its missing dependencies first (depth first, each once).
fn closure(find: fn(&str) -> Option<&'static Pkg>, wanted: &[&'static Pkg], installed: &[String]) -> Vec<&'static Pkg> {
    let mut out: Vec<&'static Pkg> = Vec::new();
    fn visit(p: &'static Pkg, find: fn(&str) -> Option<&'static Pkg>, installed: &[String], out: &mut Vec<&'static Pkg>, depth: usize) {
        if depth > 16 || out.iter().any(|q| q.0 == p.0) || installed.iter().any(|i| i == p.0) {
            return;
        }
        for dep in p.4 {
            if let Some(d) = find(dep) {
                visit(d, find, installed, out, depth + 1);
            }
        }
        out.push(p);
    }
    for p in wanted {
        visit(p, find, installed, &mut out, 0);
    }
    out
}

/// Where a package's files go: its programs, a library, its documentation and the bulk.
fn install_files(m: &mut Machine<'_, '_>, p: &Pkg, lib_dir: &str, doc: bool) {
    let total = p.2 * 1024;
    let mut used = 0u64;
    for bin in p.5 {
        let size = (total / 3 / p.5.len().max(1) as u64).max(1);
        if blob(m, bin, size, 0o755) {
            used += size;
        }
    }
    if doc {
        let copyright = format!("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: {}\n", p.0);
        if text(m, &format!("/usr/share/doc/{}/copyright", p.0), &copyright) {
            used += copyright.len() as u64;
        }
    }
    let rest = total.saturating_sub(used);
    if rest > 0 {
        let path = if p.0.starts_with("lib") {
            format!("{lib_dir}/{}.so.{}", p.0.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-'), 1)
        } else {
            format!("/usr/share/{}/{}.dat", p.0, p.0)
        };
        blob(m, &path, rest, 0o644);
    }
}

/// Appends stanzas to dpkg's status database (kept sorted by package name).
fn record_dpkg(m: &mut Machine<'_, '_>, added: &[&'static Pkg]) {
    let status = read(m, "/var/lib/dpkg/status");
    let mut stanzas: BTreeMap<String, String> = BTreeMap::new();
    for stanza in status.split("\n\n").filter(|s| !s.trim().is_empty()) {
        let name = stanza.lines().find_map(|l| l.strip_prefix("Package: ")).unwrap_or("").to_string();
        stanzas.insert(name, format!("{}\n\n", stanza.trim_end_matches('\n')));
    }
    for p in added {
        let deb = [(p.0, "", p.1, p.6)];
        stanzas.insert(p.0.to_string(), dpkg_status(&[&deb]));
        let list: String = p.5.iter().map(|b| format!("{b}\n")).collect();
        text(m, &format!("/var/lib/dpkg/info/{}.list", p.0), &format!("/.\n/usr\n{list}"));
    }
    let joined: String = stanzas.into_values().collect();
    text(m, "/var/lib/dpkg/status", &joined);
}

fn apt_lists_present(m: &Machine<'_, '_>) -> bool {
    m.fs.list("/var/lib/apt/lists").is_ok_and(|l| l.iter().any(|e| e.name.contains("Packages")))
}

/// `apt-get update|install|remove|purge|clean|upgrade`, `apt …`.
pub(super) fn apt(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let prog = super::base_name(call.argv.first().map_or("apt-get", String::as_str)).to_string();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "o");
    if prog == "apt" && !m.tty {
        out.errln("\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n");
    }
    let Some((action, names)) = args.operands.split_first() else {
        out.outln("apt 2.6.1 (amd64)\nUsage: apt-get [options] command");
        return out;
    };
    let needs_root = matches!(action.as_str(), "update" | "install" | "remove" | "purge" | "clean" | "upgrade" | "autoremove");
    if needs_root && m.user.uid != 0 {
        if action == "update" {
            out.outln("Reading package lists...");
            out.errln("E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)");
            out.errln("E: Unable to lock directory /var/lib/apt/lists/");
        } else {
            out.errln("E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)");
            out.errln("E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?");
        }
        return out.with_exit(100);
    }
    let (id, codename, _) = os_release(m);
    let ubuntu = id == "ubuntu";
    match action.as_str() {
        "update" => {
            let (mirror, security, suites): (&str, &str, Vec<(String, u64, u64)>) = if ubuntu {
                (
                    "http://archive.ubuntu.com/ubuntu",
                    "http://security.ubuntu.com/ubuntu",
                    vec![(format!("{codename} InRelease"), 256, 0), (format!("{codename}-updates InRelease"), 126, 0), (format!("{codename}-backports InRelease"), 126, 0), (format!("{codename}/main amd64 Packages"), 1_808, 7_620), (format!("{codename}/universe amd64 Packages"), 19_300, 14_950)],
                )
            } else {
                (
                    "http://deb.debian.org/debian",
                    "http://deb.debian.org/debian-security",
                    vec![(format!("{codename} InRelease"), 151, 0), (format!("{codename}-updates InRelease"), 55, 0), (format!("{codename}-security InRelease"), 48, 0), (format!("{codename}/main amd64 Packages"), 8_792, 8_792), (format!("{codename}-updates/main amd64 Packages"), 13, 13), (format!("{codename}-security/main amd64 Packages"), 243, 243)],
                )
            };
            let mut fetched = 0;
            for (i, (what, kb, _)) in suites.iter().enumerate() {
                let base = if what.contains("-security") { security } else { mirror };
                out.outln(format!("Get:{} {base} {what} [{}]", i + 1, apt_size(*kb)));
                fetched += kb;
            }
            out.outln(format!("Fetched {} in 1s ({}/s)", apt_size(fetched), apt_size(fetched * 8 / 10)));
            out.outln("Reading package lists...");
            let host = if ubuntu { "archive.ubuntu.com_ubuntu" } else { "deb.debian.org_debian" };
            for (what, kb, stored) in &suites {
                let file = what.replace(['/', ' '], "_").replace("_amd64_Packages", "_binary-amd64_Packages.lz4");
                let path = format!("/var/lib/apt/lists/{host}_dists_{file}");
                blob(m, &path, if *stored > 0 { stored * 1024 } else { kb * 1024 }, 0o644);
            }
            out
        }
        "install" => {
            let yes = args.has('y') || args.flags.contains(&'q');
            out.outln("Reading package lists...");
            out.outln("Building dependency tree...");
            out.outln("Reading state information...");
            let lists = apt_lists_present(m);
            let mut wanted = Vec::new();
            let mut missing = Vec::new();
            for n in names {
                match find_deb(n) {
                    Some(p) if lists => wanted.push(p),
                    _ => missing.push(n.clone()),
                }
            }
            if !missing.is_empty() {
                for n in &missing {
                    out.errln(format!("E: Unable to locate package {n}"));
                }
                return out.with_exit(100);
            }
            let installed = dpkg_installed(&read(m, "/var/lib/dpkg/status"));
            let plan = closure(find_deb, &wanted, &installed);
            for w in &wanted {
                if installed.iter().any(|i| i == w.0) {
                    out.outln(format!("{} is already the newest version ({}).", w.0, w.1));
                }
            }
            if plan.is_empty() {
                out.outln("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
                return out;
            }
            let extra: Vec<&str> = plan.iter().filter(|p| !wanted.iter().any(|w| w.0 == p.0)).map(|p| p.0).collect();
            if !extra.is_empty() {
                out.outln("The following additional packages will be installed:");
                out.outln(format!("  {}", extra.join(" ")));
            }
            let mut all: Vec<&str> = plan.iter().map(|p| p.0).collect();
            crate::sort::sort(&mut all);
            out.outln("The following NEW packages will be installed:");
            out.outln(format!("  {}", all.join(" ")));
            let download: u64 = plan.iter().map(|p| p.3).sum();
            let size: u64 = plan.iter().map(|p| p.2).sum();
            out.outln(format!("0 upgraded, {} newly installed, 0 to remove and 0 not upgraded.", plan.len()));
            out.outln(format!("Need to get {} of archives.", apt_size(download)));
            out.outln(format!("After this operation, {} of additional disk space will be used.", apt_size(size)));
            if !yes {
                let answer = call.stdin.unwrap_or("").trim_start().chars().next();
                out.out("Do you want to continue? [Y/n] ");
                if !matches!(answer, Some('y' | 'Y')) {
                    out.outln("Abort.");
                    return out.with_exit(1);
                }
            }
            let mirror = if ubuntu { "http://archive.ubuntu.com/ubuntu" } else { "http://deb.debian.org/debian" };
            for (i, p) in plan.iter().enumerate() {
                out.outln(format!("Get:{} {mirror} {codename}/main amd64 {} amd64 {} [{}]", i + 1, p.0, p.1, apt_size(p.3)));
            }
            out.errln("debconf: delaying package configuration, since apt-utils is not installed");
            out.outln(format!("Fetched {} in 0s ({}/s)", apt_size(download), apt_size(download * 4)));
            let files_before = 6_000 + installed.len() * 20;
            for (i, p) in plan.iter().enumerate() {
                out.outln(format!("Selecting previously unselected package {}.", p.0));
                if i == 0 {
                    out.outln(format!("(Reading database ... {files_before} files and directories currently installed.)"));
                }
                out.outln(format!("Preparing to unpack .../{}_{}_amd64.deb ...", p.0, p.1.rsplit(':').next().unwrap_or(p.1)));
                out.outln(format!("Unpacking {} ({}) ...", p.0, p.1));
            }
            for p in &plan {
                out.outln(format!("Setting up {} ({}) ...", p.0, p.1));
            }
            out.outln("Processing triggers for libc-bin (2.36-9+deb12u9) ...");
            for p in &plan {
                install_files(m, p, "/usr/lib/x86_64-linux-gnu", true);
            }
            record_dpkg(m, &plan);
            text(m, "/var/log/apt/history.log", &format!("{}\nStart-Date: {}\nCommandline: {}\nInstall: {}\n", read(m, "/var/log/apt/history.log"), m.now.rfc3339(), call.argv.join(" "), all.join(", ")));
            out
        }
        "remove" | "purge" | "autoremove" => {
            out.outln("Reading package lists...");
            out.outln("Building dependency tree...");
            out.outln("Reading state information...");
            let installed = dpkg_installed(&read(m, "/var/lib/dpkg/status"));
            let gone: Vec<&'static Pkg> = names.iter().filter_map(|n| find_deb(n)).filter(|p| installed.iter().any(|i| i == p.0)).collect();
            for n in names.iter().filter(|n| !gone.iter().any(|p| p.0 == n.as_str())) {
                out.outln(format!("Package '{n}' is not installed, so not removed"));
            }
            out.outln(format!("0 upgraded, 0 newly installed, {} to remove and 0 not upgraded.", gone.len()));
            for p in &gone {
                out.outln(format!("Removing {} ({}) ...", p.0, p.1));
                for bin in p.5 {
                    let _ = m.fs.remove(bin, false);
                }
                let _ = m.fs.remove(&format!("/usr/share/doc/{}", p.0), true);
                let _ = m.fs.remove(&format!("/usr/share/{}", p.0), true);
            }
            if !gone.is_empty() {
                let status = read(m, "/var/lib/dpkg/status");
                let kept: String = status
                    .split_inclusive("\n\n")
                    .filter(|s| !gone.iter().any(|p| s.starts_with(&format!("Package: {}\n", p.0))))
                    .collect();
                text(m, "/var/lib/dpkg/status", &kept);
            }
            out
        }
        "clean" | "autoclean" => {
            for dir in ["/var/cache/apt/archives"] {
                if let Ok(list) = m.fs.list(dir) {
                    for e in list.into_iter().filter(|e| e.name.ends_with(".deb")) {
                        let _ = m.fs.remove(&format!("{dir}/{}", e.name), false);
                    }
                }
            }
            for f in ["/var/cache/apt/pkgcache.bin", "/var/cache/apt/srcpkgcache.bin"] {
                let _ = m.fs.remove(f, false);
            }
            out
        }
        "upgrade" | "dist-upgrade" => {
            out.outln("Reading package lists...");
            out.outln("Building dependency tree...");
            out.outln("Reading state information...");
            out.outln("Calculating upgrade...");
            // Newer versions of installed packages (`hub::rootfs::UPDATES`), written to dpkg's status.
            let (status, changed) = upgrade_db(&read(m, "/var/lib/dpkg/status"), &codename);
            if !changed.is_empty() {
                out.outln("The following packages will be upgraded:");
                out.outln(format!("  {}", changed.iter().map(|c| c.0.as_str()).collect::<Vec<_>>().join(" ")));
            }
            out.outln(format!("{} upgraded, 0 newly installed, 0 to remove and 0 not upgraded.", changed.len()));
            for (name, old, new) in &changed {
                out.outln(format!("Unpacking {name}:amd64 ({new}) over ({old}) ..."));
                out.outln(format!("Setting up {name}:amd64 ({new}) ..."));
            }
            if !changed.is_empty() {
                text(m, "/var/lib/dpkg/status", &status);
            }
            out
        }
        other => {
            out.errln(format!("E: Invalid operation {other}"));
            out.with_exit(100)
        }
    }
}

fn find_apk(name: &str) -> Option<&'static Pkg> {
    ALPINE.iter().find(|p| p.0 == name)
}

/// `apk add|del|update|info`.
pub(super) fn apk(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args: Vec<&String> = call.argv.iter().skip(1).filter(|a| !a.starts_with('-')).collect();
    let Some((action, names)) = args.split_first() else {
        out.outln("apk-tools 2.14.6, compiled for x86_64.");
        return out;
    };
    let (_, _, version) = os_release(m);
    let branch = version.rsplit_once('.').map_or(version.clone(), |(major_minor, _)| format!("v{major_minor}"));
    let fetch = |out: &mut Output| {
        out.outln(format!("fetch https://dl-cdn.alpinelinux.org/alpine/{branch}/main/x86_64/APKINDEX.tar.gz"));
        out.outln(format!("fetch https://dl-cdn.alpinelinux.org/alpine/{branch}/community/x86_64/APKINDEX.tar.gz"));
    };
    let world_path = "/etc/apk/world";
    let db_path = "/lib/apk/db/installed";
    if matches!(action.as_str(), "add" | "del" | "update" | "upgrade") && m.user.uid != 0 {
        out.errln("ERROR: Unable to lock database: Permission denied");
        out.errln("ERROR: Failed to open apk database: Permission denied");
        return out.with_exit(99);
    }
    let installed: Vec<String> = read(m, db_path).lines().filter_map(|l| l.strip_prefix("P:")).map(str::to_string).collect();
    let count_after = |extra: usize| installed.len() + extra;
    match action.as_str() {
        "update" => {
            fetch(&mut out);
            out.outln(format!("{}-8-gd4a9d5d1b4d [https://dl-cdn.alpinelinux.org/alpine/{branch}/main]", version.replace('.', "_").replacen('_', ".", 1)));
            out.outln(format!("{}-9-g8c0c4e8a1a2 [https://dl-cdn.alpinelinux.org/alpine/{branch}/community]", version.replace('.', "_").replacen('_', ".", 1)));
            out.outln("OK: 25253 distinct packages available");
            out
        }
        "add" => {
            fetch(&mut out);
            let unknown: Vec<&String> = names.iter().copied().filter(|n| find_apk(n).is_none()).collect();
            if !unknown.is_empty() {
                out.errln("ERROR: unable to select packages:");
                for n in unknown {
                    out.errln(format!("  {n} (no such package):"));
                    out.errln(format!("    required by: world[{n}]"));
                }
                return out.with_exit(1);
            }
            let wanted: Vec<&'static Pkg> = names.iter().filter_map(|n| find_apk(n)).collect();
            let plan = closure(find_apk, &wanted, &installed);
            for (i, p) in plan.iter().enumerate() {
                out.outln(format!("({}/{}) Installing {} ({})", i + 1, plan.len(), p.0, p.1));
            }
            for p in &plan {
                install_files(m, p, "/usr/lib", false);
            }
            if !plan.is_empty() {
                let mut db = read(m, db_path);
                for p in &plan {
                    let apk = [(p.0, p.0, p.1, "MIT", p.6)];
                    db.push_str(&apk_installed(&[&apk]));
                }
                text(m, db_path, &db);
                out.outln("Executing busybox-1.37.0-r9.trigger");
            }
            let mut world: Vec<String> = read(m, world_path).lines().map(str::to_string).collect();
            for n in names {
                if !world.contains(n) {
                    world.push((*n).clone());
                }
            }
            crate::sort::sort(&mut world);
            text(m, world_path, &world.iter().map(|w| format!("{w}\n")).collect::<String>());
            let mib = (m.fs.virtual_size() / 1_048_576).max(1);
            out.outln(format!("OK: {mib} MiB in {} packages", count_after(plan.len())));
            out
        }
        "del" => {
            let gone: Vec<&'static Pkg> = names.iter().filter_map(|n| find_apk(n)).filter(|p| installed.iter().any(|i| i == p.0)).collect();
            for (i, p) in gone.iter().enumerate() {
                out.outln(format!("({}/{}) Purging {} ({})", i + 1, gone.len(), p.0, p.1));
                for bin in p.5 {
                    let _ = m.fs.remove(bin, false);
                }
                let _ = m.fs.remove(&format!("/usr/share/{}", p.0), true);
            }
            let mib = (m.fs.virtual_size() / 1_048_576).max(1);
            out.outln(format!("OK: {mib} MiB in {} packages", installed.len().saturating_sub(gone.len())));
            out
        }
        "upgrade" => {
            // Newer versions of installed packages (`hub::rootfs::UPDATES`), written to apk's database.
            fetch(&mut out);
            let release = version.split('.').take(2).collect::<Vec<_>>().join(".");
            let (db, changed) = upgrade_db(&read(m, db_path), &release);
            for (i, (name, old, new)) in changed.iter().enumerate() {
                out.outln(format!("({}/{}) Upgrading {name} ({old} -> {new})", i + 1, changed.len()));
            }
            if !changed.is_empty() {
                text(m, db_path, &db);
            }
            let mib = (m.fs.virtual_size() / 1_048_576).max(1);
            out.outln(format!("OK: {mib} MiB in {} packages", installed.len()));
            out
        }
        "info" => {
            for p in &installed {
                out.outln(p);
            }
            out
        }
        other => {
            out.errln(format!("apk: unknown command '{other}'"));
            out.with_exit(1)
        }
    }
}

/// `npm install [PACKAGE…]` (`npm i`): `node_modules/`, `package.json`, `package-lock.json`.
pub(super) fn npm(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args: Vec<&String> = call.argv.iter().skip(1).filter(|a| !a.starts_with('-')).collect();
    let Some((action, names)) = args.split_first() else {
        out.outln("npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm install <foo>  add the <foo> dependency to your project\nnpm test           run this project's tests\nnpm run <foo>      run the script named <foo>\n");
        return out.with_exit(1);
    };
    if !matches!(action.as_str(), "install" | "i" | "ci" | "add") {
        if action.as_str() == "-v" || action.as_str() == "--version" {
            out.outln("10.8.2");
        }
        return out;
    }
    let dir = format!("/{}", call.cwd);
    let manifest_path = crate::fs::path::join(&dir, "package.json");
    let manifest = read(m, &manifest_path);
    let mut json: serde_json::Value = serde_json::from_str(&manifest).unwrap_or_else(|_| serde_json::json!({}));
    let mut wanted: Vec<(String, String)> = names.iter().map(|n| {
        let (name, version) = n.rsplit_once('@').filter(|(a, _)| !a.is_empty()).map_or((n.as_str(), None), |(a, v)| (a, Some(v)));
        let known = NPM.iter().find(|p| p.0 == name).map_or("1.0.0", |p| p.1);
        (name.to_string(), version.unwrap_or(known).to_string())
    }).collect();
    if names.is_empty() {
        if let Some(deps) = json.get("dependencies").and_then(|d| d.as_object()) {
            wanted = deps.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").trim_start_matches(['^', '~']).to_string())).collect();
        }
    }
    let mut added = 0u64;
    for (name, version) in &wanted {
        let (count, kb) = NPM.iter().find(|p| p.0 == name).map_or((1, 120), |p| (p.2, p.3));
        let base = crate::fs::path::join(&dir, &format!("node_modules/{name}"));
        if m.fs.exists(&base) {
            continue;
        }
        text(m, &format!("{base}/package.json"), &format!("{{\n  \"name\": \"{name}\",\n  \"version\": \"{version}\"\n}}\n"));
        blob(m, &format!("{base}/index.js"), kb * 1024 / 2, 0o644);
        if count > 1 {
            blob(m, &crate::fs::path::join(&dir, &format!("node_modules/.deps-of-{name}.dat")), kb * 1024 / 2, 0o644);
        }
        added += count;
        if !names.is_empty() {
            if let Some(obj) = json.as_object_mut() {
                let deps = obj.entry("dependencies").or_insert_with(|| serde_json::json!({}));
                if let Some(d) = deps.as_object_mut() {
                    d.insert(name.clone(), serde_json::json!(format!("^{version}")));
                }
            }
        }
    }
    if !names.is_empty() || !manifest.is_empty() {
        let pretty = serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".to_string());
        text(m, &manifest_path, &format!("{pretty}\n"));
        let lock = serde_json::json!({"name": json.get("name").cloned().unwrap_or(serde_json::json!("app")), "lockfileVersion": 3, "requires": true});
        text(m, &crate::fs::path::join(&dir, "package-lock.json"), &format!("{}\n", serde_json::to_string_pretty(&lock).unwrap_or_default()));
    }
    out.outln("");
    if added == 0 {
        out.outln("up to date, audited 1 package in 151ms");
    } else {
        out.outln(format!("added {added} package{}, and audited {} packages in 2s", if added == 1 { "" } else { "s" }, added + 1));
        if added > 5 {
            out.outln("");
            out.outln(format!("{} packages are looking for funding", added / 5));
            out.outln("  run `npm fund` for details");
        }
    }
    out.outln("");
    out.outln("found 0 vulnerabilities");
    out
}

/// `pip install PACKAGE…`: files in `site-packages`.
pub(super) fn pip(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args: Vec<&String> = call.argv.iter().skip(1).filter(|a| !a.starts_with('-')).collect();
    let Some((action, names)) = args.split_first() else {
        out.outln("\nUsage:   \n  pip <command> [options]\n");
        return out;
    };
    if action.as_str() != "install" {
        return out;
    }
    let site = m
        .fs
        .list("/usr/local/lib")
        .ok()
        .and_then(|l| l.into_iter().find(|e| e.name.starts_with("python3")).map(|e| format!("/usr/local/lib/{}/site-packages", e.name)))
        .unwrap_or_else(|| "/usr/local/lib/python3/site-packages".to_string());
    let mut installed: Vec<String> = Vec::new();
    for name in names {
        let lower = name.to_lowercase();
        let Some(p) = PIP.iter().find(|p| p.0 == lower) else {
            out.errln(format!("ERROR: Could not find a version that satisfies the requirement {name} (from versions: none)"));
            out.errln(format!("ERROR: No matching distribution found for {name}"));
            return out.with_exit(1);
        };
        out.outln(format!("Collecting {name}"));
        out.outln(format!("  Downloading {}-{}-py3-none-any.whl.metadata (2.9 kB)", p.0, p.1));
        blob(m, &format!("{site}/{}/__init__.py", p.0), p.3 * 1024, 0o644);
        text(m, &format!("{site}/{}-{}.dist-info/METADATA", p.0, p.1), &format!("Metadata-Version: 2.3\nName: {}\nVersion: {}\n", p.0, p.1));
        installed.extend(p.2.split(' ').map(str::to_string));
    }
    crate::sort::sort(&mut installed);
    installed.dedup();
    out.outln(format!("Installing collected packages: {}", installed.iter().map(|d| d.rsplit_once('-').map_or(d.as_str(), |(n, _)| n)).collect::<Vec<_>>().join(", ")));
    out.outln(format!("Successfully installed {}", installed.join(" ")));
    if m.user.uid == 0 {
        out.errln("WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.");
    }
    out.errln("\n[notice] A new release of pip is available: 24.3.1 -> 25.0\n[notice] To update, run: pip install --upgrade pip");
    out
}
