//! `ls`: GNU's layout — columns on a terminal, one name per line into a pipe, `-l` long format with
//! fixed dates (the project folder keeps no times), C-locale (byte) order.

use std::collections::BTreeSet;

use super::options::{self, Spec};
use super::{usage_error, Invocation};
use crate::output::Output;
use crate::shell::ls_layout::{directory_block, gnu_columns, gnu_long_lines, human_size, queue_subdirs, sort_by_name, LongRow};
use crate::shell::folder::{self, Folder, Kind};
use crate::shell::{Programs, ShellState, USER};

/// The date every entry shows in `ls -l`.
const DATE: &str = "Nov 15 10:00";
/// Terminal width when `COLUMNS` is not set.
const DEFAULT_COLUMNS: usize = 80;

const LS: Spec<'static> = Spec {
    flags: "laA1dhrCR",
    valued: "",
    long: &[
        ("all", 'a', false),
        ("almost-all", 'A', false),
        ("directory", 'd', false),
        ("human-readable", 'h', false),
        ("reverse", 'r', false),
        ("recursive", 'R', false),
    ],
};

/// One line of a listing.
struct Entry {
    name: String,
    kind: Kind,
    size: usize,
    links: usize,
    owner: &'static str,
    executable: bool,
}

struct Flags {
    long: bool,
    all: bool,
    almost_all: bool,
    human: bool,
    reverse: bool,
    one_per_line: bool,
    directory: bool,
    recursive: bool,
}

/// `ls [-laA1dhr] [FILE…]`
pub(super) fn ls(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let args: Vec<String> = inv.args().iter().filter(|a| !a.starts_with("--color")).cloned().collect();
    let opts = match options::parse(&args, &LS) {
        Ok(opts) => opts,
        Err(e) => {
            usage_error(&mut out, "ls", &e.message());
            return out.with_exit(2);
        }
    };
    let flags = Flags {
        long: opts.has('l'),
        all: opts.has('a'),
        almost_all: opts.has('A'),
        human: opts.has('h'),
        reverse: opts.has('r'),
        one_per_line: opts.has('1') || !(inv.tty || opts.has('C')),
        directory: opts.has('d'),
        recursive: opts.has('R'),
    };
    let width = inv.env.get("COLUMNS").and_then(|c| c.parse().ok()).unwrap_or(DEFAULT_COLUMNS);
    let operands = if opts.operands.is_empty() { vec![".".to_string()] } else { opts.operands };
    let cwd = state.cwd.clone();
    let executables = state.executables.clone();
    let folder = Folder::open(programs, &mut state.dirs, state.root);
    let mut status = 0;
    let mut files: Vec<Entry> = Vec::new();
    let mut dirs: Vec<(String, String)> = Vec::new();
    for name in &operands {
        let path = match folder::resolve_in(state.root, &cwd, name) {
            Ok(path) => path,
            Err(e) => {
                out.errln(format!("ls: cannot open directory '{name}': {}", e.message()));
                status = 2;
                continue;
            }
        };
        match folder.kind(&path) {
            None => {
                out.errln(format!("ls: cannot access '{name}': No such file or directory"));
                status = 2;
            }
            Some(Kind::Dir) if !flags.directory => dirs.push((name.clone(), path)),
            Some(kind) => files.push(entry(&folder, &executables, name.clone(), &path, kind)),
        }
    }
    sort_by_name(&mut files, |e| &e.name, flags.reverse);
    sort_by_name(&mut dirs, |d| &d.0, flags.reverse);
    let headers = operands.len() > 1 || flags.recursive;
    let mut first_block = true;
    if !files.is_empty() {
        out.out(render(&files, &flags, width, false));
        first_block = false;
    }
    let mut pending: std::collections::VecDeque<(String, String)> = dirs.into();
    while let Some((name, path)) = pending.pop_front() {
        let (name, path) = (&name, &path);
        let mut entries: Vec<Entry> = Vec::new();
        if flags.all {
            entries.push(entry(&folder, &executables, ".".to_string(), path, Kind::Dir));
            let mut dotdot = entry(&folder, &executables, "..".to_string(), folder::parent(path), Kind::Dir);
            if path.is_empty() {
                // The parent of the home directory is /home, owned by root.
                dotdot.owner = "root";
                dotdot.links = 3;
            }
            entries.push(dotdot);
        }
        for (child, kind) in folder.children(path) {
            if child.starts_with('.') && !(flags.all || flags.almost_all) {
                continue;
            }
            let child_path = if path.is_empty() { child.clone() } else { format!("{path}/{child}") };
            entries.push(entry(&folder, &executables, child, &child_path, kind));
        }
        sort_by_name(&mut entries, |e| &e.name, flags.reverse);
        if flags.recursive {
            // Subdirectories are listed right after their parent, in order.
            let subdirs: Vec<(String, String)> = entries
                .iter()
                .filter(|e| e.kind == Kind::Dir && e.name != "." && e.name != "..")
                .map(|e| {
                    let shown = format!("{}/{}", name.trim_end_matches('/'), e.name);
                    let child = if path.is_empty() { e.name.clone() } else { format!("{path}/{}", e.name) };
                    (shown, child)
                })
                .collect();
            queue_subdirs(&mut pending, subdirs);
        }
        out.out(directory_block(first_block, headers.then_some(name.as_str()), &render(&entries, &flags, width, true)));
        first_block = false;
    }
    out.with_exit(status)
}

fn entry(folder: &Folder<'_>, executables: &BTreeSet<String>, name: String, path: &str, kind: Kind) -> Entry {
    match kind {
        Kind::File => {
            let size = folder.read(path).map_or(0, |t| t.len());
            Entry { name, kind, size, links: 1, owner: USER, executable: executables.contains(path) }
        }
        Kind::Dir => {
            let subdirs = folder.children(path).iter().filter(|(_, k)| *k == Kind::Dir).count();
            Entry { name, kind, size: 4096, links: 2 + subdirs, owner: USER, executable: true }
        }
    }
}

/// Disk usage in KiB (4 KiB blocks).
fn blocks(entry: &Entry) -> usize {
    entry.size.div_ceil(4096) * 4
}

/// `-h` sizes as GNU prints them on the host (`10K`, not `10.0K`).
fn human(size: usize) -> String {
    human_size(size as u64, true)
}

fn render(entries: &[Entry], flags: &Flags, width: usize, with_total: bool) -> String {
    if flags.long {
        return long_format(entries, flags.human, with_total);
    }
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    if flags.one_per_line {
        return names.iter().map(|n| format!("{n}\n")).collect();
    }
    gnu_columns(&names, width)
}

fn long_format(entries: &[Entry], human_sizes: bool, with_total: bool) -> String {
    let mut text = String::new();
    if with_total {
        let total: usize = entries.iter().map(blocks).sum();
        let shown = if human_sizes { human(total * 1024) } else { total.to_string() };
        text.push_str(&format!("total {shown}\n"));
    }
    let rows: Vec<LongRow> = entries
        .iter()
        .map(|e| {
            let mode = match (e.kind, e.executable) {
                (Kind::Dir, _) => "drwxr-xr-x",
                (Kind::File, true) => "-rwxr-xr-x",
                (Kind::File, false) => "-rw-r--r--",
            };
            let size = if human_sizes { human(e.size) } else { e.size.to_string() };
            [mode.to_string(), e.links.to_string(), e.owner.to_string(), e.owner.to_string(), size, DATE.to_string(), e.name.clone()]
        })
        .collect();
    text.push_str(&gnu_long_lines(&rows));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_sizes_are_gnus() {
        assert_eq!(human(512), "512");
        assert_eq!(human(10_200), "10K");
        assert_eq!(human(20_000), "20K");
    }
}
