//! Files inside a container: `cat`, `touch`, `rm`, `rmdir`, `mkdir`, `cp`, `mv`, `ln`, `chmod`, with
//! BusyBox's or GNU coreutils' messages.

use super::{base_name, Machine};
use crate::engine::fs_tree::text_of;
use crate::fs::{path, CopyOptions, Errno, FsError};
use crate::output::Output;
use crate::shell::ProgramCall;

/// Flags (single letters, long names mapped to them) and operands of a command line.
pub(super) struct Args {
    pub flags: Vec<char>,
    pub operands: Vec<String>,
    /// Values of options that take one (`-m 700`), by letter.
    pub values: Vec<(char, String)>,
}

impl Args {
    /// Parses `args`; `valued` lists the letters that take a value.
    pub fn parse(args: &[String], valued: &str) -> Args {
        let mut out = Args { flags: Vec::new(), operands: Vec::new(), values: Vec::new() };
        let mut iter = args.iter();
        let mut only_operands = false;
        while let Some(a) = iter.next() {
            if only_operands || a == "-" || !a.starts_with('-') {
                out.operands.push(a.clone());
                continue;
            }
            if a == "--" {
                only_operands = true;
                continue;
            }
            if let Some(long) = a.strip_prefix("--") {
                let (name, value) = long.split_once('=').map_or((long, None), |(n, v)| (n, Some(v.to_string())));
                let letter = match name {
                    "recursive" => 'r',
                    "force" => 'f',
                    "parents" => 'p',
                    "verbose" => 'v',
                    "all" => 'a',
                    "symbolic" => 's',
                    "human-readable" => 'h',
                    "summarize" => 's',
                    "mode" => 'm',
                    "archive" => 'a',
                    "directory" => 'd',
                    _ => continue,
                };
                match value {
                    Some(v) => out.values.push((letter, v)),
                    None if valued.contains(letter) => {
                        if let Some(v) = iter.next() {
                            out.values.push((letter, v.clone()));
                        }
                    }
                    None => out.flags.push(letter),
                }
                continue;
            }
            let mut chars = a.chars().skip(1);
            while let Some(c) = chars.next() {
                if valued.contains(c) {
                    let rest: String = chars.by_ref().collect();
                    let value = if rest.is_empty() { iter.next().cloned().unwrap_or_default() } else { rest };
                    out.values.push((c, value));
                    break;
                }
                out.flags.push(c);
            }
        }
        out
    }

    pub fn has(&self, c: char) -> bool {
        self.flags.contains(&c)
    }

    pub fn value(&self, c: char) -> Option<&str> {
        self.values.iter().rev().find(|(l, _)| *l == c).map(|(_, v)| v.as_str())
    }
}

/// The banner BusyBox prints above a usage text.
pub(super) fn busybox_banner(m: &Machine<'_, '_>) -> &'static str {
    // The capture fixture's Debian busybox-static 1.35.0 is the only one of that size.
    if m.fs.stat("/bin/busybox").is_ok_and(|s| s.size == 1_982_256) {
        "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary."
    } else {
        "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary."
    }
}

/// A usage error: BusyBox's banner and usage, or GNU's `missing operand` lines. Exit 1.
pub(super) fn usage(m: &Machine<'_, '_>, cmd: &str) -> Output {
    let mut out = Output::new();
    if m.userland.is_busybox() {
        let text = match cmd {
            "touch" => "Usage: touch [-cham] [-d DATE] [-t DATE] [-r FILE] FILE...\n\nUpdate mtime of FILEs\n\n\t-c\tDon't create files\n\t-h\tDon't follow links\n\t-a\tChange only atime\n\t-m\tChange only mtime\n\t-d DT\tDate/time to use\n\t-t DT\tDate/time to use\n\t-r FILE\tUse FILE's date/time",
            "rm" => "Usage: rm [-irf] FILE...\n\nRemove (unlink) FILEs\n\n\t-i\tAlways prompt before removing\n\t-f\tNever prompt\n\t-R,-r\tRecurse",
            "mkdir" => "Usage: mkdir [-m MODE] [-p] DIRECTORY...\n\nCreate DIRECTORY\n\n\t-m MODE\tMode\n\t-p\tNo error if exists; make parent directories as needed",
            "cp" => "Usage: cp [-arPLHpfinlsTu] SOURCE DEST\nor: cp [-arPLHpfinlsu] SOURCE... { -t DIRECTORY | DIRECTORY }\n\nCopy SOURCEs to DEST\n\n\t-a\tSame as -dpR\n\t-R,-r\tRecurse\n\t-d,-P\tPreserve symlinks (default if -R)\n\t-L\tFollow all symlinks\n\t-H\tFollow symlinks on command line\n\t-p\tPreserve file attributes if possible\n\t-f\tOverwrite\n\t-i\tPrompt before overwrite\n\t-n\tDon't overwrite\n\t-l,-s\tCreate (sym)links\n\t-T\tRefuse to copy if DEST is a directory\n\t-t DIR\tCopy all SOURCEs into DIR\n\t-u\tCopy only newer files",
            "mv" => "Usage: mv [-finT] SOURCE DEST\nor: mv [-fin] SOURCE... { -t DIRECTORY | DIRECTORY }\n\nRename SOURCE to DEST, or move SOURCEs to DIRECTORY\n\n\t-f\tDon't prompt before overwriting\n\t-i\tInteractive, prompt before overwrite\n\t-n\tDon't overwrite an existing file\n\t-T\tRefuse to move if DEST is a directory\n\t-t DIR\tMove all SOURCEs into DIR",
            "sleep" => "Usage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays",
            "rmdir" => "Usage: rmdir [-p] DIRECTORY...\n\nRemove DIRECTORY if it is empty\n\n\t-p\tInclude parents",
            "ln" => "Usage: ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR\n\nCreate a link LINK or DIR/TARGET to the specified TARGET(s)\n\n\t-s\tMake symlinks instead of hardlinks\n\t-f\tRemove existing destinations\n\t-n\tDon't dereference symlinks - treat like normal file\n\t-b\tMake a backup of the target (if exists) before link operation\n\t-S SUF\tUse suffix instead of ~ when making backup files\n\t-T\tTreat LINK as a file, not DIR\n\t-v\tVerbose",
            "chmod" => "Usage: chmod [-Rcvf] MODE[,MODE]... FILE...\n\nMODE is octal number (bit pattern sstrwxrwxrwx) or [ugoa]{+|-|=}[rwxXst]\n\n\t-R\tRecurse\n\t-c\tList changed files\n\t-v\tList all files\n\t-f\tHide errors",
            _ => "",
        };
        out.errln(format!("{}\n\n{text}", busybox_banner(m)));
    } else {
        let what = if matches!(cmd, "cp" | "mv" | "ln" | "touch") { "missing file operand" } else { "missing operand" };
        out.errln(format!("{cmd}: {what}"));
        out.errln(format!("Try '{cmd} --help' for more information."));
    }
    out.with_exit(1)
}

fn strerror(m: &Machine<'_, '_>, e: &FsError) -> &'static str {
    m.userland.strerror(e.errno)
}

/// `cat [FILE…]` (`-` or nothing: standard input).
pub(super) fn cat(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "");
    let operands = if args.operands.is_empty() { vec!["-".to_string()] } else { args.operands };
    let bb = m.userland.is_busybox();
    let mut status = 0;
    for name in &operands {
        if name == "-" {
            out.out(call.stdin.unwrap_or(""));
            continue;
        }
        let p = Machine::absolute(call.cwd, name);
        match m.fs.read(&p) {
            Ok(content) => out.out(text_of(&content)),
            Err(e) => {
                status = 1;
                match (bb, e.errno) {
                    (true, Errno::IsDir) => out.errln("cat: read error: Is a directory"),
                    (true, _) => out.errln(format!("cat: can't open '{name}': {}", strerror(m, &e))),
                    (false, _) => out.errln(format!("cat: {name}: {}", strerror(m, &e))),
                }
            }
        }
    }
    out.with_exit(status)
}

/// `touch FILE…`
pub(super) fn touch(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "dtr");
    if args.operands.is_empty() {
        return usage(m, "touch");
    }
    let mut status = 0;
    for name in &args.operands {
        let p = Machine::absolute(call.cwd, name);
        let result = if args.has('c') && m.fs.lstat(&p).is_err() { Ok(()) } else { m.fs.touch(&p) };
        if let Err(e) = result {
            status = 1;
            if m.userland.is_busybox() {
                out.errln(format!("touch: {name}: {}", strerror(m, &e)));
            } else {
                out.errln(format!("touch: cannot touch '{name}': {}", strerror(m, &e)));
            }
        }
    }
    out.with_exit(status)
}

/// `rm [-rfv] FILE…`
pub(super) fn rm(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "");
    let (recursive, force, verbose) = (args.has('r') || args.has('R'), args.has('f'), args.has('v'));
    if args.operands.is_empty() {
        return if force { out } else { usage(m, "rm") };
    }
    let bb = m.userland.is_busybox();
    let mut status = 0;
    for name in &args.operands {
        let p = Machine::absolute(call.cwd, name);
        if recursive && !bb && path::clean("/", &p) == "/" {
            out.errln("rm: it is dangerous to operate recursively on '/'");
            out.errln("rm: use --no-preserve-root to override this failsafe");
            status = 1;
            continue;
        }
        match m.fs.remove(&p, recursive) {
            Ok(()) => {
                if verbose {
                    out.outln(format!("removed '{name}'"));
                }
            }
            Err(e) if e.errno == Errno::NoEnt && force => {}
            Err(e) => {
                status = 1;
                match (bb, e.errno) {
                    (true, Errno::IsDir) => out.errln(format!("rm: '{name}' is a directory")),
                    (true, _) => out.errln(format!("rm: can't remove '{name}': {}", strerror(m, &e))),
                    (false, Errno::Invalid) => {
                        out.errln(format!("rm: refusing to remove '.' or '..' directory: skipping '{name}'"))
                    }
                    (false, _) => out.errln(format!("rm: cannot remove '{name}': {}", strerror(m, &e))),
                }
            }
        }
    }
    out.with_exit(status)
}

/// `rmdir DIR…`
pub(super) fn rmdir(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "");
    if args.operands.is_empty() {
        return usage(m, "rmdir");
    }
    let mut status = 0;
    for name in &args.operands {
        let p = Machine::absolute(call.cwd, name);
        if let Err(e) = m.fs.rmdir(&p) {
            status = 1;
            if m.userland.is_busybox() {
                out.errln(format!("rmdir: '{name}': {}", strerror(m, &e)));
            } else {
                out.errln(format!("rmdir: failed to remove '{name}': {}", strerror(m, &e)));
            }
        }
    }
    out.with_exit(status)
}

/// Parses an octal mode (`755`) for `mkdir -m` and `chmod`.
fn octal(mode: &str) -> Option<u32> {
    (!mode.is_empty() && mode.len() <= 4).then(|| u32::from_str_radix(mode, 8).ok()).flatten()
}

/// `mkdir [-p] [-m MODE] DIR…`
pub(super) fn mkdir(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "m");
    if args.operands.is_empty() {
        return usage(m, "mkdir");
    }
    let mode = args.value('m').and_then(octal);
    let mut status = 0;
    for name in &args.operands {
        let p = Machine::absolute(call.cwd, name);
        let result = if args.has('p') { m.fs.mkdir_all(&p) } else { m.fs.mkdir_mode(&p, mode.unwrap_or(0o755)) };
        let result = result.and_then(|()| match (mode, args.has('p')) {
            (Some(mode), true) => m.fs.chmod(&p, mode),
            _ => Ok(()),
        });
        if let Err(e) = result {
            status = 1;
            if m.userland.is_busybox() {
                out.errln(format!("mkdir: can't create directory '{name}': {}", strerror(m, &e)));
            } else {
                out.errln(format!("mkdir: cannot create directory '{name}': {}", strerror(m, &e)));
            }
        }
    }
    out.with_exit(status)
}

/// Sources and destination of `cp`/`mv`: the last operand is a directory to copy into when it
/// exists as one (or when there are several sources).
fn targets(m: &Machine<'_, '_>, cwd: &str, operands: &[String]) -> Result<Vec<(String, String, String)>, String> {
    let Some((dest, sources)) = operands.split_last() else { return Ok(Vec::new()) };
    let dest_abs = Machine::absolute(cwd, dest);
    let into_dir = m.fs.stat(&dest_abs).is_ok_and(|s| s.is_dir());
    if sources.len() > 1 && !into_dir {
        return Err(dest.clone());
    }
    Ok(sources
        .iter()
        .map(|s| {
            let src_abs = Machine::absolute(cwd, s);
            let dst = if into_dir { path::join(&dest_abs, base_name(s)) } else { dest_abs.clone() };
            (s.clone(), src_abs, dst)
        })
        .collect())
}

/// `cp [-r] [-a] [-p] SOURCE… DEST`
pub(super) fn cp(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "t");
    let recursive = args.has('r') || args.has('R') || args.has('a');
    let preserve = args.has('a') || args.has('p');
    let bb = m.userland.is_busybox();
    if args.operands.len() < 2 {
        if args.operands.len() == 1 && !bb {
            out.errln(format!("cp: missing destination file operand after '{}'", args.operands.first().map_or("", String::as_str)));
            out.errln("Try 'cp --help' for more information.");
            return out.with_exit(1);
        }
        return usage(m, "cp");
    }
    let list = match targets(m, call.cwd, &args.operands) {
        Ok(list) => list,
        Err(dest) => {
            out.errln(if bb { format!("cp: '{dest}' is not a directory") } else { format!("cp: target '{dest}' is not a directory") });
            return out.with_exit(1);
        }
    };
    let mut status = 0;
    for (shown, src, dst) in list {
        let stat = match m.fs.stat(&src) {
            Ok(s) => s,
            Err(e) => {
                status = 1;
                let msg = strerror(m, &e);
                out.errln(if bb { format!("cp: can't stat '{shown}': {msg}") } else { format!("cp: cannot stat '{shown}': {msg}") });
                continue;
            }
        };
        if stat.is_dir() && !recursive {
            status = 1;
            out.errln(if bb { format!("cp: omitting directory '{shown}'") } else { format!("cp: -r not specified; omitting directory '{shown}'") });
            continue;
        }
        let opts = CopyOptions { follow_src: !args.has('P') && !args.has('d') && !args.has('a'), preserve };
        if let Err(e) = m.fs.copy(&src, &dst, opts) {
            status = 1;
            let msg = strerror(m, &e);
            let target = dst.clone();
            out.errln(if bb { format!("cp: can't create '{target}': {msg}") } else { format!("cp: cannot create regular file '{target}': {msg}") });
        }
    }
    out.with_exit(status)
}

/// `mv SOURCE… DEST`
pub(super) fn mv(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "t");
    let bb = m.userland.is_busybox();
    if args.operands.len() < 2 {
        return usage(m, "mv");
    }
    let list = match targets(m, call.cwd, &args.operands) {
        Ok(list) => list,
        Err(dest) => {
            out.errln(if bb { format!("mv: '{dest}' is not a directory") } else { format!("mv: target '{dest}' is not a directory") });
            return out.with_exit(1);
        }
    };
    let mut status = 0;
    for (shown, src, dst) in list {
        if let Err(e) = m.fs.rename(&src, &dst) {
            status = 1;
            let msg = strerror(m, &e);
            let missing = m.fs.lstat(&src).is_err();
            out.errln(match (bb, missing) {
                (true, _) => format!("mv: can't rename '{shown}': {msg}"),
                (false, true) => format!("mv: cannot stat '{shown}': {msg}"),
                (false, false) => format!("mv: cannot move '{shown}' to '{dst}': {msg}"),
            });
        }
    }
    out.with_exit(status)
}

/// `ln -s TARGET LINK` (hard links are made as copies).
pub(super) fn ln(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let args = Args::parse(call.argv.get(1..).unwrap_or_default(), "S");
    let bb = m.userland.is_busybox();
    let (target, link) = match args.operands.as_slice() {
        [t, l] => (t.clone(), l.clone()),
        [t] => (t.clone(), base_name(t).to_string()),
        _ => return usage(m, "ln"),
    };
    let mut link_abs = Machine::absolute(call.cwd, &link);
    if m.fs.stat(&link_abs).is_ok_and(|s| s.is_dir()) && !args.has('n') {
        link_abs = path::join(&link_abs, base_name(&target));
    }
    if args.has('f') && m.fs.lstat(&link_abs).is_ok() {
        let _ = m.fs.remove(&link_abs, false);
    }
    let result = if args.has('s') {
        m.fs.symlink(&target, &link_abs)
    } else {
        let src = Machine::absolute(call.cwd, &target);
        match m.fs.lstat(&link_abs) {
            Ok(_) => Err(FsError::new(Errno::Exist, &link_abs)),
            Err(_) => m.fs.copy(&src, &link_abs, CopyOptions { follow_src: true, preserve: true }),
        }
    };
    if let Err(e) = result {
        let msg = strerror(m, &e);
        let kind = if args.has('s') { "symbolic link" } else { "hard link" };
        out.errln(if bb { format!("ln: {link}: {msg}") } else { format!("ln: failed to create {kind} '{link}': {msg}") });
        return out.with_exit(1);
    }
    out
}

/// Applies a symbolic mode (`u+x`, `go-w`, `a=r`, `+x`) to `mode`.
fn symbolic_mode(spec: &str, mode: u32) -> Option<u32> {
    let mut mode = mode;
    for clause in spec.split(',') {
        let op_at = clause.find(['+', '-', '='])?;
        let (who, rest) = clause.split_at(op_at);
        let mut chars = rest.chars();
        let op = chars.next()?;
        let perms: String = chars.collect();
        let who_mask = if who.is_empty() || who.contains('a') {
            0o777
        } else {
            who.chars().try_fold(0u32, |acc, c| match c {
                'u' => Some(acc | 0o700),
                'g' => Some(acc | 0o070),
                'o' => Some(acc | 0o007),
                _ => None,
            })?
        };
        let mut bits = 0u32;
        for p in perms.chars() {
            bits |= match p {
                'r' => 0o444,
                'w' => 0o222,
                'x' | 'X' => 0o111,
                's' => 0o6000,
                't' => 0o1000,
                _ => return None,
            };
        }
        let special = bits & 0o7000;
        let bits = (bits & 0o777 & who_mask) | special;
        mode = match op {
            '+' => mode | bits,
            '-' => mode & !bits,
            _ => (mode & !who_mask) | bits,
        };
    }
    Some(mode & 0o7777)
}

/// `chmod MODE FILE…`
pub(super) fn chmod(m: &mut Machine<'_, '_>, call: ProgramCall<'_>) -> Output {
    let mut out = Output::new();
    let rest: Vec<String> = call.argv.get(1..).unwrap_or_default().iter().filter(|a| !matches!(a.as_str(), "-R" | "-v" | "-c" | "-f")).cloned().collect();
    let bb = m.userland.is_busybox();
    let Some((mode, files)) = rest.split_first().filter(|(_, f)| !f.is_empty()) else { return usage(m, "chmod") };
    let mut status = 0;
    for name in files {
        let p = Machine::absolute(call.cwd, name);
        let current = match m.fs.stat(&p) {
            Ok(s) => s.mode,
            Err(e) => {
                status = 1;
                let msg = strerror(m, &e);
                out.errln(if bb { format!("chmod: {name}: {msg}") } else { format!("chmod: cannot access '{name}': {msg}") });
                continue;
            }
        };
        let Some(new) = octal(mode).or_else(|| symbolic_mode(mode, current)) else {
            out.errln(if bb { format!("chmod: invalid mode '{mode}'") } else { format!("chmod: invalid mode: '{mode}'") });
            return out.with_exit(1);
        };
        if let Err(e) = m.fs.chmod(&p, new) {
            status = 1;
            let msg = strerror(m, &e);
            out.errln(if bb { format!("chmod: {name}: {msg}") } else { format!("chmod: changing permissions of '{name}': {msg}") });
        }
    }
    out.with_exit(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_flags_and_values() {
        let argv: Vec<String> = ["-rf", "--verbose", "-m", "700", "a", "--", "-b"].iter().map(|s| s.to_string()).collect();
        let args = Args::parse(&argv, "m");
        assert_eq!(args.flags, ['r', 'f', 'v']);
        assert_eq!(args.value('m'), Some("700"));
        assert_eq!(args.operands, ["a", "-b"]);
    }

    #[test]
    fn symbolic_modes() {
        assert_eq!(symbolic_mode("+x", 0o644), Some(0o755));
        assert_eq!(symbolic_mode("go-w", 0o666), Some(0o644));
        assert_eq!(symbolic_mode("u=rw,go=r", 0o777), Some(0o644));
        assert_eq!(symbolic_mode("q+x", 0o644), None);
        assert_eq!(octal("755"), Some(0o755));
        assert_eq!(octal("9"), None);
    }
}
