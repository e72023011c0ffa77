//! `ls` inside a container, in BusyBox's or GNU's layout: names one per line into a pipe or in
//! columns on a terminal; `-l` with the modes, owners (from the image's `/etc/passwd`), sizes and
//! times of the container's files.

use super::files::Args;
use super::Machine;
use crate::clock::Timestamp;
use crate::engine::users;
use crate::fs::{path, Stat};
use crate::output::Output;
use crate::shell::ls_layout::{directory_block, gnu_columns, gnu_long_lines, human_size, queue_subdirs, sort_by_name, LongRow};
use crate::shell::ProgramCall;

/// Terminal width when `COLUMNS` is not set (Docker's default for `-t`).
const DEFAULT_COLUMNS: usize = 80;
/// Half a year: older (or future) times show the year instead of the time.
const SIX_MONTHS: i64 = 15_778_476;

/// One name to print.
struct Entry {
    name: String,
    stat: Stat,
    /// The absolute path it names.
    path: String,
}

/// True if the directory at the absolute path `p` exists in more than one layer: overlayfs then
/// shows a merged directory, whose link count is 1.
fn merged_dir(fs: &crate::fs::MergedFs, p: &str) -> bool {
    use crate::fs::{DirNode, Node};
    let canonical = fs.canonicalize(p).unwrap_or_else(|_| p.to_string());
    let components: Vec<&str> = canonical.split('/').filter(|c| !c.is_empty()).collect();
    let has = |root: &DirNode| {
        let mut cur = root;
        for c in &components {
            match cur.children.get(c) {
                Some(Node::Dir(d)) => cur = d,
                _ => return false,
            }
        }
        true
    };
    let mut count = usize::from(has(fs.upper()) && !components.is_empty());
    for layer in fs.lowers() {
        count += usize::from(has(layer.root()));
    }
    count > 1 || components.is_empty()
}

struct Opts {
    long: bool,
    all: bool,
    almost_all: bool,
    one_per_line: bool,
    directory: bool,
    recursive: bool,
    reverse: bool,
    human: bool,
    numeric: bool,
    width: usize,
}

/// `ls [-1aAdhlnrR] [FILE…]`
pub(super) fn ls(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "");
    let opts = Opts {
        long: args.has('l') || args.has('n'),
        all: args.has('a'),
        almost_all: args.has('A'),
        one_per_line: args.has('1') || !(m.tty || args.has('C')),
        directory: args.has('d'),
        recursive: args.has('R'),
        reverse: args.has('r'),
        human: args.has('h'),
        numeric: args.has('n'),
        width: call.env.get("COLUMNS").and_then(|c| c.parse().ok()).filter(|w| *w > 0).unwrap_or(DEFAULT_COLUMNS),
    };
    let bb = m.userland.is_busybox();
    let operands = if args.operands.is_empty() { vec![".".to_string()] } else { args.operands.clone() };
    let mut status = 0;
    let mut files: Vec<Entry> = Vec::new();
    let mut dirs: Vec<(String, String)> = Vec::new();
    for name in &operands {
        let p = Machine::absolute(call.cwd, name);
        // Command-line symlinks are followed, except for the link itself under -l / -d.
        let stat = if opts.long || opts.directory { m.fs.lstat(&p) } else { m.fs.stat(&p) };
        match stat {
            Ok(s) if s.is_dir() && !opts.directory => dirs.push((name.clone(), p)),
            Ok(s) if s.is_symlink() && !opts.directory && m.fs.stat(&p).is_ok_and(|t| t.is_dir()) && !opts.long => {
                dirs.push((name.clone(), p))
            }
            Ok(s) => files.push(Entry { name: name.clone(), stat: s, path: p.clone() }),
            Err(e) => {
                let msg = m.userland.strerror(e.errno);
                if bb {
                    out.errln(format!("ls: {name}: {msg}"));
                    status = 1;
                } else {
                    out.errln(format!("ls: cannot access '{name}': {msg}"));
                    status = 2;
                }
            }
        }
    }
    sort_by_name(&mut files, |e| &e.name, opts.reverse);
    sort_by_name(&mut dirs, |d| &d.0, opts.reverse);
    let headers = operands.len() > 1 || opts.recursive;
    let mut first = true;
    if !files.is_empty() {
        out.out(render(m, &files, &opts, false));
        first = false;
    }
    let mut pending: std::collections::VecDeque<(String, String)> = dirs.into();
    let mut listed = 0usize;
    while let Some((shown, p)) = pending.pop_front() {
        listed += 1;
        if listed > 2_000 {
            break;
        }
        let mut entries = Vec::new();
        if opts.all {
            if let Ok(s) = m.fs.stat(&p) {
                entries.push(Entry { name: ".".into(), stat: s, path: p.clone() });
            }
            let up = path::clean(&p, "..");
            if let Ok(s) = m.fs.stat(&up) {
                entries.push(Entry { name: "..".into(), stat: s, path: up });
            }
        }
        match m.fs.list(&p) {
            Ok(list) => {
                for e in list {
                    if e.name.starts_with('.') && !(opts.all || opts.almost_all) {
                        continue;
                    }
                    let full = path::join(&p, &e.name);
                    entries.push(Entry { name: e.name, stat: e.stat, path: full });
                }
            }
            Err(e) => {
                out.errln(format!("ls: {shown}: {}", m.userland.strerror(e.errno)));
                status = if bb { 1 } else { 2 };
                continue;
            }
        }
        sort_by_name(&mut entries, |e| &e.name, opts.reverse);
        if opts.recursive {
            let subdirs: Vec<(String, String)> = entries
                .iter()
                .filter(|e| e.stat.is_dir() && e.name != "." && e.name != "..")
                .map(|e| (format!("{}/{}", shown.trim_end_matches('/'), e.name), path::join(&p, &e.name)))
                .collect();
            queue_subdirs(&mut pending, subdirs);
        }
        out.out(directory_block(first, headers.then_some(shown.as_str()), &render(m, &entries, &opts, true)));
        first = false;
    }
    out.with_exit(status)
}

/// Disk usage of an entry in KiB (4 KiB blocks, nothing for symlinks).
fn blocks(s: &Stat) -> u64 {
    if s.is_symlink() {
        0
    } else {
        s.size.div_ceil(4096) * 4
    }
}

fn render(m: &Machine<'_, '_>, entries: &[Entry], opts: &Opts, directory: bool) -> String {
    if opts.long {
        return long(m, entries, opts, directory);
    }
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    if opts.one_per_line {
        return names.iter().map(|n| format!("{n}\n")).collect();
    }
    if m.userland.is_busybox() {
        busybox_columns(&names, opts.width)
    } else {
        gnu_columns(&names, opts.width)
    }
}

/// `Nov 30 00:12` for recent times, `Jan 13  2025` for older (or future) ones.
pub(super) fn ls_time(mtime: i64, now: Timestamp) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let t = Timestamp::from_secs(mtime);
    let (y, mo, d, h, mi, _) = t.civil();
    let month = MONTHS.get((mo as usize).saturating_sub(1)).copied().unwrap_or("Jan");
    let age = now.secs() - mtime;
    if (-900..SIX_MONTHS).contains(&age) {
        format!("{month} {d:>2} {h:02}:{mi:02}")
    } else {
        format!("{month} {d:>2}  {y}")
    }
}

/// `-h` sizes as the containers' `ls` prints them (`10.0K` where the host's GNU prints `10K`).
fn human(size: u64) -> String {
    human_size(size, false)
}

fn long(m: &Machine<'_, '_>, entries: &[Entry], opts: &Opts, directory: bool) -> String {
    let links = |e: &Entry| if e.stat.is_dir() && merged_dir(m.fs.root(), &e.path) { 1 } else { e.stat.nlink };
    let owner = |s: &Stat| {
        if opts.numeric {
            s.uid.to_string()
        } else {
            users::user_name(m.fs.root(), s.uid).unwrap_or_else(|| s.uid.to_string())
        }
    };
    let group = |s: &Stat| {
        if opts.numeric {
            s.gid.to_string()
        } else {
            users::group_name(m.fs.root(), s.gid).unwrap_or_else(|| s.gid.to_string())
        }
    };
    let size = |s: &Stat| if opts.human { human(s.size) } else { s.size.to_string() };
    let name = |e: &Entry| match &e.stat.link_target {
        Some(target) if e.stat.is_symlink() => format!("{} -> {target}", e.name),
        _ => e.name.clone(),
    };
    let mut text = String::new();
    if directory {
        let total: u64 = entries.iter().map(|e| blocks(&e.stat)).sum();
        text.push_str(&format!("total {}\n", if opts.human && !m.userland.is_busybox() { human(total * 1024) } else { total.to_string() }));
    }
    if m.userland.is_busybox() {
        for e in entries {
            let s = &e.stat;
            let (o, g) = (owner(s), group(s));
            text.push_str(&format!(
                "{:<10} {:>4} {:<8} {:<8} {:>9} {} {}\n",
                s.mode_string(),
                links(e),
                o.get(..o.len().min(8)).unwrap_or(&o),
                g.get(..g.len().min(8)).unwrap_or(&g),
                size(s),
                ls_time(s.mtime, m.now),
                name(e)
            ));
        }
        return text;
    }
    let rows: Vec<LongRow> = entries
        .iter()
        .map(|e| {
            let s = &e.stat;
            [s.mode_string(), links(e).to_string(), owner(s), group(s), size(s), ls_time(s.mtime, m.now), name(e)]
        })
        .collect();
    text.push_str(&gnu_long_lines(&rows));
    text
}

/// BusyBox's columns: every column as wide as the longest name plus two, filled top to bottom.
fn busybox_columns(names: &[&str], width: usize) -> String {
    if names.is_empty() {
        return String::new();
    }
    let column_width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0) + 2;
    let cols = (width / column_width).max(1);
    let rows = names.len().div_ceil(cols);
    let mut text = String::new();
    for row in 0..rows {
        let mut line = String::new();
        for col in 0..cols {
            let Some(name) = names.get(col * rows + row) else { continue };
            if col > 0 {
                let pad = (col * column_width).saturating_sub(line.chars().count());
                line.push_str(&" ".repeat(pad));
            }
            line.push_str(name);
        }
        text.push_str(&line);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_sizes() {
        let now = Timestamp::from_secs(1_796_000_000);
        assert_eq!(ls_time(1_796_000_000 - 3600, now), "Nov 29 23:53");
        assert_eq!(ls_time(1_736_726_400, now), "Jan 13  2025");
        assert_eq!(human(340), "340");
        assert_eq!(human(4096), "4.0K");
        assert_eq!(human(1_982_256), "1.9M");
        assert_eq!(human(10_200), "10.0K");
    }

    #[test]
    fn busybox_columns_pad_with_spaces() {
        assert_eq!(busybox_columns(&["bin", "dev", "etc"], 80), "bin  dev  etc\n");
        assert_eq!(busybox_columns(&["a", "bb", "c"], 8), "a   c\nbb\n");
    }
}
