//! `test` and `[` (bash's builtin): string, integer and file conditions, `!`, `-a`, `-o`, parentheses,
//! with POSIX's rules by number of arguments and bash's messages.

use super::Invocation;
use crate::output::Output;
use crate::shell::folder::{self, Folder, Kind};
use crate::shell::{Programs, ShellState};

const UNARY: [&str; 17] = ["-n", "-z", "-e", "-a", "-f", "-d", "-s", "-r", "-w", "-x", "-L", "-h", "-b", "-c", "-p", "-S", "-t"];
const BINARY: [&str; 12] = ["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-ef"];

/// `test EXPR`, `[ EXPR ]`
pub(super) fn test(inv: &Invocation<'_>, state: &mut ShellState, programs: &mut dyn Programs) -> Output {
    let mut out = Output::new();
    let name = inv.name();
    let mut args: Vec<&str> = inv.args().iter().map(String::as_str).collect();
    if name == "[" {
        if args.last() != Some(&"]") {
            out.errln("bash: [: missing `]'");
            return out.with_exit(2);
        }
        args.pop();
    }
    let mut cx = Cx { state, programs, depth: 0 };
    match cx.by_count(&args) {
        Ok(true) => out,
        Ok(false) => out.with_exit(1),
        Err(message) => {
            out.errln(format!("bash: {name}: {message}"));
            out.with_exit(2)
        }
    }
}

struct Cx<'s> {
    state: &'s mut ShellState,
    programs: &'s mut dyn Programs,
    /// Open parentheses (bounded, so no argument list can exhaust the stack).
    depth: usize,
}

/// How deeply parentheses may nest.
const MAX_DEPTH: usize = 64;

impl Cx<'_> {
    /// POSIX's table: how 0 to 4 arguments are read; more go to the full grammar.
    fn by_count(&mut self, args: &[&str]) -> Result<bool, String> {
        match args {
            [] => Ok(false),
            [a] => Ok(!a.is_empty()),
            ["!", a] => Ok(a.is_empty()),
            [op, a] if UNARY.contains(op) => self.unary(op, a),
            [a, _] => Err(format!("{a}: unary operator expected")),
            [a, op, b] if BINARY.contains(op) => binary(a, op, b),
            [a, "-a", b] => Ok(!a.is_empty() && !b.is_empty()),
            [a, "-o", b] => Ok(!a.is_empty() || !b.is_empty()),
            ["!", a, b] => self.by_count(&[a, b]).map(|r| !r),
            ["(", a, ")"] => Ok(!a.is_empty()),
            [_, op, _] => Err(format!("{op}: binary operator expected")),
            ["!", rest @ ..] if rest.len() == 3 => self.by_count(rest).map(|r| !r),
            ["(", a, b, ")"] => self.by_count(&[a, b]),
            _ => {
                let mut pos = 0;
                let result = self.or(args, &mut pos)?;
                if pos < args.len() {
                    return Err("too many arguments".to_string());
                }
                Ok(result)
            }
        }
    }

    /// `or := and ( '-o' and )*`
    fn or(&mut self, args: &[&str], pos: &mut usize) -> Result<bool, String> {
        let mut value = self.and(args, pos)?;
        while args.get(*pos) == Some(&"-o") {
            *pos += 1;
            let rhs = self.and(args, pos)?;
            value = value || rhs;
        }
        Ok(value)
    }

    /// `and := not ( '-a' not )*`
    fn and(&mut self, args: &[&str], pos: &mut usize) -> Result<bool, String> {
        let mut value = self.not(args, pos)?;
        while args.get(*pos) == Some(&"-a") {
            *pos += 1;
            let rhs = self.not(args, pos)?;
            value = value && rhs;
        }
        Ok(value)
    }

    /// `not := '!' not | primary` (bounded: a `!` per argument at most)
    fn not(&mut self, args: &[&str], pos: &mut usize) -> Result<bool, String> {
        let mut negations = 0;
        while args.get(*pos) == Some(&"!") {
            negations += 1;
            *pos += 1;
        }
        let value = self.primary(args, pos)?;
        Ok(value != (negations % 2 == 1))
    }

    /// `primary := '(' or ')' | unary arg | arg binary arg | arg`
    fn primary(&mut self, args: &[&str], pos: &mut usize) -> Result<bool, String> {
        let Some(&first) = args.get(*pos) else {
            return Err("argument expected".to_string());
        };
        if first == "(" {
            if self.depth >= MAX_DEPTH {
                return Err("expression too deeply nested".to_string());
            }
            *pos += 1;
            self.depth += 1;
            let value = self.or(args, pos);
            self.depth -= 1;
            let value = value?;
            if args.get(*pos) != Some(&")") {
                return Err("`)' expected".to_string());
            }
            *pos += 1;
            return Ok(value);
        }
        if let (Some(op), Some(b)) = (args.get(*pos + 1), args.get(*pos + 2)) {
            if BINARY.contains(op) {
                *pos += 3;
                return binary(first, op, b);
            }
        }
        if UNARY.contains(&first) {
            if let Some(a) = args.get(*pos + 1) {
                *pos += 2;
                return self.unary(first, a);
            }
        }
        *pos += 1;
        Ok(!first.is_empty())
    }

    fn unary(&mut self, op: &str, arg: &str) -> Result<bool, String> {
        match op {
            "-n" => return Ok(!arg.is_empty()),
            "-z" => return Ok(arg.is_empty()),
            "-t" => return Ok(false),
            _ => {}
        }
        let Ok(path) = folder::resolve_in(self.state.root, &self.state.cwd, arg) else { return Ok(false) };
        let executable = self.state.executables.contains(&path);
        let folder = Folder::open(&mut *self.programs, &mut self.state.dirs, self.state.root);
        let kind = folder.kind(&path);
        Ok(match op {
            "-e" | "-a" | "-r" | "-w" => kind.is_some(),
            "-f" => kind == Some(Kind::File),
            "-d" => kind == Some(Kind::Dir),
            "-s" => match kind {
                Some(Kind::File) => folder.read(&path).is_some_and(|t| !t.is_empty()),
                Some(Kind::Dir) => true,
                None => false,
            },
            "-x" => kind == Some(Kind::Dir) || (kind == Some(Kind::File) && executable),
            _ => false,
        })
    }
}

fn integer(text: &str) -> Result<i64, String> {
    let trimmed = text.trim();
    let digits = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("{text}: integer expression expected"));
    }
    Ok(trimmed.parse::<i64>().unwrap_or(if trimmed.starts_with('-') { i64::MIN } else { i64::MAX }))
}

fn binary(a: &str, op: &str, b: &str) -> Result<bool, String> {
    Ok(match op {
        "=" | "==" => a == b,
        "!=" => a != b,
        "<" => a < b,
        ">" => a > b,
        "-ef" => a == b,
        _ => {
            let (x, y) = (integer(a)?, integer(b)?);
            match op {
                "-eq" => x == y,
                "-ne" => x != y,
                "-lt" => x < y,
                "-le" => x <= y,
                "-gt" => x > y,
                _ => x >= y,
            }
        }
    })
}
