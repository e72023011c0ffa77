//! Directories: `cd`, `pwd` (bash builtins), `mkdir`, `rmdir`.

use super::options::{self, Spec};
use super::{usage_error, Invocation};
use crate::output::Output;
use crate::shell::folder::{self, Folder, Kind};
use crate::shell::{Programs, ShellState};

/// `cd [DIR]`, `cd -`: moves within the project folder and keeps `PWD`/`OLDPWD`.
pub(super) fn cd(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let args: Vec<&String> = inv.args().iter().filter(|a| *a != "--" && *a != "-L" && *a != "-P").collect();
    if args.len() > 1 {
        out.errln("bash: cd: too many arguments");
        return out.with_exit(1);
    }
    let (target, print) = match args.first().map(|a| a.as_str()) {
        None => match state.var("HOME") {
            Some(home) => (home.to_string(), false),
            None => {
                out.errln("bash: cd: HOME not set");
                return out.with_exit(1);
            }
        },
        Some("-") => match state.var("OLDPWD") {
            Some(old) => (old.to_string(), true),
            None => {
                out.errln("bash: cd: OLDPWD not set");
                return out.with_exit(1);
            }
        },
        Some("") => return out,
        Some(dir) => (dir.to_string(), false),
    };
    let path = match folder::resolve_in(state.root, &state.cwd, &target) {
        Ok(path) => path,
        Err(e) => {
            out.errln(format!("bash: cd: {target}: {}", e.message()));
            return out.with_exit(1);
        }
    };
    let kind = Folder::open(programs, &mut state.dirs, state.root).kind(&path);
    match kind {
        Some(Kind::Dir) => {}
        Some(Kind::File) => {
            out.errln(format!("bash: cd: {target}: Not a directory"));
            return out.with_exit(1);
        }
        None => {
            out.errln(format!("bash: cd: {target}: No such file or directory"));
            return out.with_exit(1);
        }
    }
    let old = state.pwd();
    state.cwd = path;
    let new = state.pwd();
    state.export("OLDPWD", Some(&old));
    state.export("PWD", Some(&new));
    if print {
        out.outln(new);
    }
    out
}

/// `pwd`
pub(super) fn pwd(_inv: &Invocation<'_>, state: &mut ShellState, _programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    out.outln(state.pwd());
    out
}

const MKDIR: Spec<'static> = Spec { flags: "pv", valued: "m", long: &[("parents", 'p', false), ("verbose", 'v', false), ("mode", 'm', true)] };

/// `mkdir [-p] [-v] DIR…`
pub(super) fn mkdir(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let opts = match options::parse(inv.args(), &MKDIR) {
        Ok(opts) => opts,
        Err(e) => {
            usage_error(&mut out, "mkdir", &e.message());
            return out.with_exit(1);
        }
    };
    if opts.operands.is_empty() {
        usage_error(&mut out, "mkdir", "missing operand");
        return out.with_exit(1);
    }
    let (parents, verbose) = (opts.has('p'), opts.has('v'));
    let cwd = state.cwd.clone();
    let mut folder = Folder::open(programs, &mut state.dirs, state.root);
    let mut status = 0;
    for name in &opts.operands {
        let path = match folder::resolve_in(state.root, &cwd, name) {
            Ok(path) => path,
            Err(e) => {
                out.errln(format!("mkdir: cannot create directory ‘{name}’: {}", e.message()));
                status = 1;
                continue;
            }
        };
        if parents {
            // Create each missing component; a file in the way stops it.
            let mut shown = String::new();
            for component in name.split('/').filter(|c| !c.is_empty()) {
                shown = match (shown.is_empty(), name.starts_with('/')) {
                    (true, true) => format!("/{component}"),
                    (true, false) => component.to_string(),
                    (false, _) => format!("{shown}/{component}"),
                };
                let Ok(partial) = folder::resolve_in(state.root, &cwd, &shown) else { continue };
                match folder.kind(&partial) {
                    Some(Kind::Dir) => {}
                    Some(Kind::File) => {
                        out.errln(format!("mkdir: cannot create directory ‘{shown}’: Not a directory"));
                        status = 1;
                        break;
                    }
                    None => {
                        folder.make_dir(&partial);
                        if verbose {
                            out.outln(format!("mkdir: created directory '{shown}'"));
                        }
                    }
                }
            }
            continue;
        }
        if folder.kind(&path).is_some() {
            out.errln(format!("mkdir: cannot create directory ‘{name}’: File exists"));
            status = 1;
            continue;
        }
        if let Err(e) = folder.check_creatable(&path) {
            out.errln(format!("mkdir: cannot create directory ‘{name}’: {}", e.message()));
            status = 1;
            continue;
        }
        folder.make_dir(&path);
        if verbose {
            out.outln(format!("mkdir: created directory '{name}'"));
        }
    }
    out.with_exit(status)
}

/// `rmdir DIR…`: removes empty directories.
pub(super) fn rmdir(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let operands: Vec<&String> = inv.args().iter().filter(|a| !a.starts_with('-')).collect();
    if operands.is_empty() {
        usage_error(&mut out, "rmdir", "missing operand");
        return out.with_exit(1);
    }
    let cwd = state.cwd.clone();
    let mut folder = Folder::open(programs, &mut state.dirs, state.root);
    let mut status = 0;
    for name in operands {
        let failure = match folder::resolve_in(state.root, &cwd, name) {
            Err(e) => Some(e.message()),
            Ok(path) => match folder.kind(&path) {
                None => Some("No such file or directory"),
                Some(Kind::File) => Some("Not a directory"),
                Some(Kind::Dir) if path.is_empty() || path == cwd => Some("Device or resource busy"),
                Some(Kind::Dir) if !folder.children(&path).is_empty() => Some("Directory not empty"),
                Some(Kind::Dir) => {
                    folder.remove_tree(&path);
                    None
                }
            },
        };
        if let Some(message) = failure {
            out.errln(format!("rmdir: failed to remove '{name}': {message}"));
            status = 1;
        }
    }
    out.with_exit(status)
}
