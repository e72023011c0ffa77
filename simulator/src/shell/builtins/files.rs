//! Files: `cat`, `touch`, `rm`.

use super::input::{self, ReadError};
use super::options::{self, Spec};
use super::{lines_with_ends, usage_error, Invocation};
use crate::output::Output;
use crate::shell::folder::{self, Folder, Kind};
use crate::shell::{Programs, ShellState, MAX_STREAM_BYTES};

const CAT: Spec<'static> = Spec { flags: "nbsAETuv", valued: "", long: &[("number", 'n', false)] };

/// `cat [-n] [FILE…]` (`-` or nothing: standard input).
pub(super) fn cat(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let opts = match options::parse(inv.args(), &CAT) {
        Ok(opts) => opts,
        Err(e) => {
            usage_error(&mut out, "cat", &e.message());
            return out.with_exit(1);
        }
    };
    let number = opts.has('n');
    let show_ends = opts.has('A') || opts.has('E');
    let show_tabs = opts.has('A') || opts.has('T');
    let show_nonprinting = opts.has('A') || opts.has('v');
    let mut operands = opts.operands;
    if operands.is_empty() {
        operands.push("-".to_string());
    }
    let mut status = 0;
    let mut line_number = 0usize;
    let mut written = 0usize;
    for name in &operands {
        match input::read(inv, state, programs, name) {
            Ok(text) => {
                if written > MAX_STREAM_BYTES {
                    continue;
                }
                written += text.len();
                if number || show_ends || show_tabs || show_nonprinting {
                    let mut shown = String::with_capacity(text.len() + 8 * text.lines().count());
                    for line in lines_with_ends(&text) {
                        if number {
                            line_number += 1;
                            shown.push_str(&format!("{line_number:>6}\t"));
                        }
                        let (body, newline) = match line.strip_suffix('\n') {
                            Some(body) => (body, true),
                            None => (line, false),
                        };
                        for c in body.chars() {
                            match c {
                                '\t' if show_tabs => shown.push_str("^I"),
                                '\t' => shown.push('\t'),
                                c if show_nonprinting && (c.is_ascii_control()) => {
                                    shown.push('^');
                                    shown.push(char::from_u32(u32::from(c) ^ 0x40).unwrap_or('?'));
                                }
                                c => shown.push(c),
                            }
                        }
                        if show_ends && newline {
                            shown.push('$');
                        }
                        if newline {
                            shown.push('\n');
                        }
                    }
                    out.out(shown);
                } else {
                    out.out(text);
                }
            }
            Err(e) => {
                out.errln(format!("cat: {name}: {}", e.message()));
                status = 1;
            }
        }
    }
    out.with_exit(status)
}

/// `touch FILE…`: creates missing files (empty); existing ones are left as they are.
pub(super) fn touch(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let operands: Vec<&String> = inv.args().iter().filter(|a| !a.starts_with('-') || *a == "-").collect();
    if operands.is_empty() {
        usage_error(&mut out, "touch", "missing file operand");
        return out.with_exit(1);
    }
    let cwd = state.cwd.clone();
    let mut folder = Folder::open(programs, &mut state.dirs, state.root);
    let mut status = 0;
    for name in operands {
        let result = match folder::resolve_in(state.root, &cwd, name) {
            Err(e) => Err(e.message().to_string()),
            Ok(path) if folder.kind(&path).is_some() => Ok(()),
            Ok(path) => folder.write(&path, "").map_err(|e| e.message().to_string()),
        };
        if let Err(message) = result {
            out.errln(format!("touch: cannot touch '{name}': {message}"));
            status = 1;
        }
    }
    out.with_exit(status)
}

/// `chmod MODE FILE…`: only the execute bit is kept (`+x`, `-x`, `755`, `u+x`…); it lets `./FILE` run.
pub(super) fn chmod(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let args: Vec<&String> = inv.args().iter().filter(|a| *a != "-R" && *a != "-v").collect();
    let Some(mode) = args.first() else {
        usage_error(&mut out, "chmod", "missing operand");
        return out.with_exit(1);
    };
    if args.len() < 2 {
        usage_error(&mut out, "chmod", &format!("missing operand after ‘{mode}’"));
        return out.with_exit(1);
    }
    let executable = if mode.chars().all(|c| c.is_digit(8)) {
        mode.chars().any(|c| c.to_digit(8).is_some_and(|d| d & 1 == 1))
    } else if mode.contains("+x") || mode.contains("=x") || mode.contains("+rwx") {
        true
    } else if mode.contains("-x") {
        false
    } else if mode.chars().all(|c| "ugoa+-=rwxXst,".contains(c)) {
        return out;
    } else {
        out.errln(format!("chmod: invalid mode: ‘{mode}’"));
        out.errln("Try 'chmod --help' for more information.");
        return out.with_exit(1);
    };
    let cwd = state.cwd.clone();
    let mut status = 0;
    for name in args.iter().skip(1) {
        let kind = folder::resolve_in(state.root, &cwd, name).ok().and_then(|p| Folder::open(programs, &mut state.dirs, state.root).kind(&p).map(|k| (p, k)));
        match kind {
            Some((path, Kind::File)) => {
                if executable {
                    state.executables.insert(path);
                } else {
                    state.executables.remove(&path);
                }
            }
            Some((_, Kind::Dir)) => {}
            None => {
                out.errln(format!("chmod: cannot access '{name}': No such file or directory"));
                status = 1;
            }
        }
    }
    out.with_exit(status)
}

const RM: Spec<'static> = Spec {
    flags: "rRfiIdv",
    valued: "",
    long: &[("recursive", 'r', false), ("force", 'f', false), ("verbose", 'v', false), ("dir", 'd', false)],
};

/// `rm [-r] [-f] [-v] FILE…`
pub(super) fn rm(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let opts = match options::parse(inv.args(), &RM) {
        Ok(opts) => opts,
        Err(e) => {
            usage_error(&mut out, "rm", &e.message());
            return out.with_exit(1);
        }
    };
    let recursive = opts.has('r') || opts.has('R');
    let (force, verbose, dirs) = (opts.has('f'), opts.has('v'), opts.has('d'));
    if opts.operands.is_empty() {
        if force {
            return out;
        }
        usage_error(&mut out, "rm", "missing operand");
        return out.with_exit(1);
    }
    let cwd = state.cwd.clone();
    let mut folder = Folder::open(programs, &mut state.dirs, state.root);
    let mut status = 0;
    for name in &opts.operands {
        if recursive && (name == "/" || name.trim_end_matches('/').is_empty() && name.starts_with('/')) {
            out.errln("rm: it is dangerous to operate recursively on '/'");
            out.errln("rm: use --no-preserve-root to override this failsafe");
            status = 1;
            continue;
        }
        if recursive && matches!(folder::base_name(name), "." | "..") {
            out.errln(format!("rm: refusing to remove '.' or '..' directory: skipping '{name}'"));
            status = 1;
            continue;
        }
        let path = match folder::resolve_in(state.root, &cwd, name) {
            Ok(path) => path,
            Err(e) => {
                let missing = e.message() == ReadError::NotFound.message();
                if !(force && missing) {
                    out.errln(format!("rm: cannot remove '{name}': {}", e.message()));
                    status = 1;
                }
                continue;
            }
        };
        match folder.kind(&path) {
            None => {
                if !force {
                    out.errln(format!("rm: cannot remove '{name}': No such file or directory"));
                    status = 1;
                }
            }
            Some(Kind::File) => {
                if folder.remove_file(&path) {
                    if verbose {
                        out.outln(format!("removed '{name}'"));
                    }
                } else {
                    out.errln(format!("rm: cannot remove '{name}': Permission denied"));
                    status = 1;
                }
            }
            Some(Kind::Dir) if recursive || (dirs && folder.children(&path).is_empty()) => {
                if path.is_empty() {
                    out.errln(format!("rm: cannot remove '{name}': Device or resource busy"));
                    status = 1;
                    continue;
                }
                if verbose {
                    let prefix = format!("{path}/");
                    let files: Vec<String> = folder.file_list().into_iter().filter(|f| f.starts_with(&prefix)).collect();
                    for file in files {
                        let shown = format!("{}/{}", name.trim_end_matches('/'), file.get(prefix.len()..).unwrap_or(""));
                        out.outln(format!("removed '{shown}'"));
                    }
                }
                if !folder.remove_tree(&path) {
                    out.errln(format!("rm: cannot remove '{name}': Permission denied"));
                    status = 1;
                } else if verbose {
                    out.outln(format!("removed directory '{name}'"));
                }
            }
            Some(Kind::Dir) => {
                let reason = if dirs { "Directory not empty" } else { "Is a directory" };
                out.errln(format!("rm: cannot remove '{name}': {reason}"));
                status = 1;
            }
        }
    }
    out.with_exit(status)
}
