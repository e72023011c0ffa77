//! `ls`: GNU's layout — columns on a terminal, one name per line into a pipe, `-l` long format with
//! fixed dates (the project folder keeps no times), C-locale (byte) order.

use std::collections::BTreeSet;

use super::options::{self, Spec};
use super::{usage_error, Invocation};
use crate::output::Output;
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
    sort_entries(&mut files, flags.reverse);
    crate::sort::sort_by(&mut dirs, |a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    if flags.reverse {
        dirs.reverse();
    }
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
        sort_entries(&mut entries, flags.reverse);
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
            for sub in subdirs.into_iter().rev() {
                pending.push_front(sub);
            }
        }
        let mut block = String::new();
        if !first_block {
            block.push('\n');
        }
        if headers {
            block.push_str(&format!("{name}:\n"));
        }
        block.push_str(&render(&entries, &flags, width, true));
        out.out(block);
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

fn sort_entries(entries: &mut [Entry], reverse: bool) {
    crate::sort::sort_by(entries, |a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
    if reverse {
        entries.reverse();
    }
}

/// Disk usage in KiB (4 KiB blocks).
fn blocks(entry: &Entry) -> usize {
    entry.size.div_ceil(4096) * 4
}

/// `-h` sizes: `512`, `4.0K`, `1.5M`, `12K` (rounded up, as GNU does).
fn human(size: usize) -> String {
    if size < 1024 {
        return size.to_string();
    }
    let units = ['K', 'M', 'G', 'T'];
    let mut value = size as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < units.len() {
        value /= 1024.0;
        unit += 1;
    }
    let u = units.get(unit).copied().unwrap_or('T');
    if value < 10.0 {
        let tenths = (value * 10.0).ceil() / 10.0;
        if tenths >= 10.0 {
            format!("{}{u}", tenths.ceil() as u64)
        } else {
            format!("{tenths:.1}{u}")
        }
    } else {
        format!("{}{u}", value.ceil() as u64)
    }
}

fn render(entries: &[Entry], flags: &Flags, width: usize, with_total: bool) -> String {
    if flags.long {
        return long_format(entries, flags.human, with_total);
    }
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    if flags.one_per_line {
        return names.iter().map(|n| format!("{n}\n")).collect();
    }
    columns(&names, width)
}

fn long_format(entries: &[Entry], human_sizes: bool, with_total: bool) -> String {
    let size_text = |e: &Entry| if human_sizes { human(e.size) } else { e.size.to_string() };
    let links_width = entries.iter().map(|e| e.links.to_string().len()).max().unwrap_or(1);
    let owner_width = entries.iter().map(|e| e.owner.len()).max().unwrap_or(0);
    let size_width = entries.iter().map(|e| size_text(e).len()).max().unwrap_or(1);
    let mut text = String::new();
    if with_total {
        let total: usize = entries.iter().map(blocks).sum();
        let shown = if human_sizes { human(total * 1024) } else { total.to_string() };
        text.push_str(&format!("total {shown}\n"));
    }
    for e in entries {
        let mode = match (e.kind, e.executable) {
            (Kind::Dir, _) => "drwxr-xr-x",
            (Kind::File, true) => "-rwxr-xr-x",
            (Kind::File, false) => "-rw-r--r--",
        };
        text.push_str(&format!(
            "{mode} {:>lw$} {:<ow$} {:<ow$} {:>sw$} {DATE} {}\n",
            e.links,
            e.owner,
            e.owner,
            size_text(e),
            e.name,
            lw = links_width,
            ow = owner_width,
            sw = size_width,
        ));
    }
    text
}

/// GNU's vertical column layout: as many columns as fit in `width`, filled top to bottom.
fn columns(names: &[&str], width: usize) -> String {
    const MIN_COLUMN_WIDTH: usize = 3;
    let count = names.len();
    if count == 0 {
        return String::new();
    }
    let lengths: Vec<usize> = names.iter().map(|n| n.chars().count()).collect();
    let max_cols = (width / MIN_COLUMN_WIDTH).clamp(1, count);
    let mut chosen: (usize, Vec<usize>) = (1, vec![0]);
    for cols in 1..=max_cols {
        let rows = count.div_ceil(cols);
        let mut widths = vec![MIN_COLUMN_WIDTH; cols];
        for (index, len) in lengths.iter().enumerate() {
            let col = index / rows;
            let real = len + if col + 1 == cols { 0 } else { 2 };
            if let Some(w) = widths.get_mut(col) {
                *w = (*w).max(real);
            }
        }
        if widths.iter().sum::<usize>() < width {
            chosen = (cols, widths);
        }
    }
    let (cols, widths) = chosen;
    let rows = count.div_ceil(cols);
    let mut text = String::new();
    for row in 0..rows {
        let mut col = 0;
        let mut index = row;
        let mut pos = 0;
        while let (Some(name), Some(len)) = (names.get(index), lengths.get(index)) {
            text.push_str(name);
            index += rows;
            if index >= count {
                break;
            }
            let w = widths.get(col).copied().unwrap_or(0);
            indent(&mut text, pos + len, pos + w);
            pos += w;
            col += 1;
        }
        text.push('\n');
    }
    text
}

/// GNU ls's padding: tabs (every 8 columns) where they fit, spaces otherwise.
fn indent(text: &mut String, mut from: usize, to: usize) {
    const TAB_SIZE: usize = 8;
    while from < to {
        if to / TAB_SIZE > (from + 1) / TAB_SIZE {
            text.push('\t');
            from += TAB_SIZE - from % TAB_SIZE;
        } else {
            text.push(' ');
            from += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lays_out_columns_like_gnu() {
        assert_eq!(columns(&["Dockerfile", "a.txt", "app"], 80), "Dockerfile  a.txt  app\n");
        let many: Vec<String> = (1..=30).map(|i| format!("file-{i:02}.txt")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let text = columns(&refs, 80);
        assert_eq!(text.lines().next(), Some("file-01.txt  file-06.txt  file-11.txt  file-16.txt  file-21.txt  file-26.txt"));
        // Same names as a real `COLUMNS=80 ls -C` run, tabs included.
        let names = ["a", "bb", "ccc", "dddddddddddddddddddddddddddddd", "eeeeeeeeeeeeeeeeeeeeeee", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"];
        assert_eq!(
            columns(&names, 80),
            "a    dddddddddddddddddddddddddddddd  g\tj  m  p  s  v  y\n\
             bb   eeeeeeeeeeeeeeeeeeeeeee\t     h\tk  n  q  t  w  z\n\
             ccc  f\t\t\t\t     i\tl  o  r  u  x\n"
        );
        assert_eq!(text.lines().count(), 5);
        assert_eq!(columns(&["x"; 0], 80), "");
    }

    #[test]
    fn human_sizes_round_up() {
        assert_eq!(human(512), "512");
        assert_eq!(human(4096), "4.0K");
        assert_eq!(human(10_000), "9.8K");
        assert_eq!(human(1_500_000), "1.5M");
        assert_eq!(human(20_000), "20K");
    }
}
