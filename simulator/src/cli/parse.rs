//! Reading `docker …` as the real CLI 28.2 does, step by step (`cmd/docker/docker.go`):
//!
//! 1. the global options are parsed up to the first non-flag (`HandleGlobalFlags`), then checked
//!    (`Initialize`: log level, `--host` with `--context`);
//! 2. cobra's `Traverse` walks down the command words (`container ls`), parsing the flags met on
//!    the way (only `--help` exists there);
//! 3. the command found parses its own flags, then `--help` wins, then the argument count is
//!    checked, then flags that a Linux daemon refuses.
//!
//! `docker build`, `docker image build` and `docker builder …` behave as the buildx plugin they
//! are forwarded to.

use super::command_table::{self, Arity, Child, Group, Leaf, ROOT_HELP, ROOT_USE_LINE};
use super::flag_table::{FlagSpec, FlagTable, Unsupported};
use super::global_options::GlobalOptions;
use super::go_syntax::quote;
use super::invocation::{FlagValue, Invocation};
use super::pflag::{self, FlagState};
use crate::output::Output;

/// Everything [`parse_full`] learns from a command line that parses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub invocation: Invocation,
    /// The global options given before the command.
    pub globals: GlobalOptions,
    /// What Docker prints while parsing even when it goes on (deprecation warnings such as
    /// `Flag --time has been deprecated, use --timeout instead` on stdout). Print it first.
    pub notices: Output,
}

/// Parses `args` (everything after the word `docker`). `Ok` means "execute this"; `Err` is a
/// complete answer to print as is: help text (exit 0) or Docker's error (exit 1 or 125), boxed
/// because an [`Output`] is large and parsing usually succeeds.
pub fn parse(args: &[String]) -> Result<Invocation, Box<Output>> {
    parse_full(args).map(|p| p.invocation)
}

/// Like [`parse`], also returning the global options and the warnings printed while parsing.
pub fn parse_full(args: &[String]) -> Result<Parsed, Box<Output>> {
    let mut out = Output::new();
    let mut root_state = FlagState::default();
    let global = pflag::parse(command_table::root_flags(), args, false, &mut root_state);
    // The global flag set writes its warnings to stderr as it goes; a command forwarded to the
    // buildx plugin parses the global options a second time.
    let forwarded = global.as_ref().is_ok_and(|rest| forwarded_to_buildx(rest));
    for _ in 0..(if forwarded { 2 } else { 1 }) {
        for notice in &root_state.notices {
            out.errln(notice);
        }
    }
    root_state.notices.clear();
    let globals = GlobalOptions::from_values(&root_state.values);
    let init_error = globals.initialize_error();
    let rest = match global {
        Ok(rest) => rest,
        Err(e) => {
            if let Some(msg) = init_error {
                return Err(fail(out, &msg, 1));
            }
            return Err(flag_error(out, &e, ROOT_USE_LINE, "docker"));
        }
    };
    if let Some(msg) = init_error {
        return Err(fail(out, &msg, 1));
    }
    let named_builder = has_builder_name(&rest);
    let run = Run {
        out,
        help: root_state.help,
        inherited: Default::default(),
        group_notices: Vec::new(),
        globals,
        named_builder,
    };
    run.traverse(&rest, root_state)
}

/// Where the traversal stands.
#[derive(Clone, Copy)]
enum Node {
    Root,
    Group(&'static Group),
    Leaf(&'static Leaf),
    Help,
}

impl Node {
    fn flags(self) -> &'static FlagTable {
        match self {
            Node::Root => command_table::root_flags(),
            Node::Group(g) => g.flags(),
            Node::Leaf(l) => l.flags(),
            Node::Help => help_command_flags(),
        }
    }

    fn find_next(self, name: &str) -> Option<Node> {
        match self {
            Node::Root => command_table::root_child(name).map(|c| match c {
                Child::Leaf(l) => Node::Leaf(l),
                Child::Group(g) => Node::Group(g),
                Child::Help => Node::Help,
            }),
            Node::Group(g) => g.find(name).map(Node::Leaf),
            Node::Leaf(_) | Node::Help => None,
        }
    }
}

fn help_command_flags() -> &'static FlagTable {
    static TABLE: std::sync::OnceLock<FlagTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| FlagTable::from_help(HELP_COMMAND_HELP, "Options:", &[]))
}

const HELP_COMMAND_HELP: &str = include_str!("help/help.txt");
const HELP_COMMAND_USE_LINE: &str = "docker help [command]";

/// State carried down the command words.
struct Run {
    out: Output,
    /// The persistent `--help` flag, shared by every level.
    help: Option<bool>,
    /// Values of persistent flags set at a group level (buildx's `--builder`, `-D`).
    inherited: std::collections::BTreeMap<&'static str, FlagValue>,
    /// Warnings printed while parsing the flags met between command words.
    group_notices: Vec<String>,
    globals: GlobalOptions,
    /// `--builder NAME` is on the command line (buildx then shows no default for `--builder`).
    named_builder: bool,
}

/// The CLI's `forwardBuilder`: `build`, `builder …` and `image build` run the buildx plugin.
fn forwarded_to_buildx(rest: &[String]) -> bool {
    match rest.first().map(String::as_str) {
        Some("build") | Some("builder") => true,
        Some("image") => rest.get(1).is_some_and(|w| w == "build"),
        _ => false,
    }
}

/// The CLI's `hasBuilderName`: a pflag set knowing only `--builder` reads the words after the
/// global options and stops at the first other flag.
fn has_builder_name(args: &[String]) -> bool {
    let mut builder = "";
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        if arg == "--" {
            break;
        }
        if let Some(v) = arg.strip_prefix("--builder=") {
            builder = v;
        } else if arg == "--builder" {
            match args.get(i) {
                Some(v) => {
                    builder = v;
                    i += 1;
                }
                None => break,
            }
        } else if arg.len() > 1 && arg.starts_with('-') {
            break;
        }
    }
    !builder.is_empty()
}

/// A buildx help text as printed when `--builder` was given: without `(default "default")`.
fn buildx_help(text: &'static str, named_builder: bool) -> std::borrow::Cow<'static, str> {
    if !named_builder {
        return text.into();
    }
    text.replace(
        "Override the configured builder\n                                      instance (default \"default\")\n",
        "Override the configured builder instance\n",
    )
    .replace(
        "Override the configured builder instance\n                         (default \"default\")\n",
        "Override the configured builder instance\n",
    )
    .into()
}

/// cobra's `isFlagArg`.
fn is_flag_arg(arg: &str) -> bool {
    let b = arg.as_bytes();
    (b.len() >= 3 && b.starts_with(b"--")) || (b.len() >= 2 && b.first() == Some(&b'-') && b.get(1) != Some(&b'-'))
}

impl Run {
    /// cobra's `Command.Traverse` from the root, then the found command's `execute`.
    fn traverse(mut self, args: &[String], mut root_state: FlagState) -> Result<Parsed, Box<Output>> {
        let mut node = Node::Root;
        let mut args = args;
        loop {
            let table = node.flags();
            let mut flags: Vec<String> = Vec::new();
            let mut in_flag = false;
            let mut found = None;
            for (i, arg) in args.iter().enumerate() {
                let b = arg.as_bytes();
                if arg.starts_with("--") && !arg.contains('=') {
                    let name = arg.get(2..).unwrap_or_default();
                    in_flag = !table.long(name).is_some_and(|f| f.kind.is_bool());
                    flags.push(arg.clone());
                    continue;
                }
                if b.first() == Some(&b'-') && !arg.contains('=') && b.len() == 2 {
                    let bool_short = b.get(1).and_then(|c| table.short(*c)).is_some_and(|f| f.kind.is_bool());
                    if !bool_short {
                        in_flag = true;
                        flags.push(arg.clone());
                        continue;
                    }
                }
                if in_flag {
                    in_flag = false;
                    flags.push(arg.clone());
                    continue;
                }
                if is_flag_arg(arg) {
                    flags.push(arg.clone());
                    continue;
                }
                found = node.find_next(arg).map(|child| (i, child));
                break;
            }
            let Some((i, child)) = found else { break };
            self.parse_between(node, &flags, &mut root_state)?;
            node = child;
            args = args.get(i + 1..).unwrap_or_default();
        }
        match node {
            Node::Root => self.execute_root(args, root_state),
            Node::Group(g) => self.execute_group(g, args),
            Node::Leaf(l) => self.execute_leaf(l, args),
            Node::Help => self.execute_help(args),
        }
    }

    /// The flags met before a command word are parsed by the command they follow; an error
    /// there is printed bare (exit 1).
    fn parse_between(&mut self, node: Node, flags: &[String], root_state: &mut FlagState) -> Result<(), Box<Output>> {
        if flags.is_empty() {
            return Ok(());
        }
        let notices = match node {
            Node::Root => {
                let r = pflag::parse(node.flags(), flags, true, root_state);
                if let Err(e) = r {
                    return Err(fail(std::mem::take(&mut self.out), &e, 1));
                }
                self.help = root_state.help;
                std::mem::take(&mut root_state.notices)
            }
            _ => {
                let mut st = FlagState {
                    help: self.help,
                    values: std::mem::take(&mut self.inherited),
                    ..Default::default()
                };
                if let Err(e) = pflag::parse(node.flags(), flags, true, &mut st) {
                    let buildx = matches!(node, Node::Group(g) if g.buildx);
                    let msg = if buildx { format!("ERROR: {e}") } else { e };
                    return Err(fail(std::mem::take(&mut self.out), &msg, 1));
                }
                self.help = st.help;
                self.inherited = st.values;
                st.notices
            }
        };
        for n in notices {
            self.out.outln(&n);
            self.group_notices.push(n);
        }
        Ok(())
    }

    fn execute_root(mut self, args: &[String], mut state: FlagState) -> Result<Parsed, Box<Output>> {
        let positional = match pflag::parse(command_table::root_flags(), args, true, &mut state) {
            Ok(p) => p,
            Err(e) => return Err(flag_error(self.out, &e, ROOT_USE_LINE, "docker")),
        };
        for n in state.notices.drain(..) {
            self.out.outln(n);
        }
        if state.help == Some(true) {
            self.out.out(ROOT_HELP);
            return Err(help_shown(self.out));
        }
        if matches!(state.values.get("version"), Some(FlagValue::Bool(true))) {
            let invocation = Invocation {
                command: "--version",
                typed: "docker".to_string(),
                flags: Default::default(),
                args: Vec::new(),
            };
            return Ok(Parsed {
                invocation,
                globals: self.globals,
                notices: self.out,
            });
        }
        match positional.first() {
            None => {
                self.out.err(ROOT_HELP);
                Err(help_shown(self.out))
            }
            Some(word) => {
                let msg = format!("docker: unknown command: docker {word}\n\nRun 'docker --help' for more information");
                Err(fail(self.out, &msg, 1))
            }
        }
    }

    fn execute_group(mut self, group: &'static Group, args: &[String]) -> Result<Parsed, Box<Output>> {
        let path = format!("docker {}", group.path);
        let mut st = FlagState {
            help: self.help,
            values: std::mem::take(&mut self.inherited),
            ..Default::default()
        };
        let positional = match pflag::parse(group.flags(), args, true, &mut st) {
            Ok(p) => p,
            Err(e) => return Err(flag_error(self.out, &e, group.use_line, &path)),
        };
        for n in &st.notices {
            self.out.outln(n);
        }
        let help = if group.buildx {
            buildx_help(group.help, self.named_builder)
        } else {
            group.help.into()
        };
        if st.help == Some(true) {
            self.out.out(&help);
            return Err(help_shown(self.out));
        }
        match (positional.first(), group.buildx) {
            (None, false) => {
                self.out.err(&help);
                Err(help_shown(self.out))
            }
            (None, true) => {
                self.out.out(&help);
                Err(help_shown(self.out))
            }
            (Some(word), false) => {
                let msg = format!(
                    "docker: unknown command: {path} {word}\n\nUsage:  {}\n\nRun '{path} --help' for more information",
                    group.use_line
                );
                Err(fail(self.out, &msg, 1))
            }
            (Some(word), true) => {
                self.out.out(&help);
                Err(fail(self.out, &format!("ERROR: unknown command: {}", quote(word)), 1))
            }
        }
    }

    fn execute_leaf(mut self, leaf: &'static Leaf, args: &[String]) -> Result<Parsed, Box<Output>> {
        let path = format!("docker {}", leaf.path);
        let mut st = FlagState {
            help: self.help,
            values: std::mem::take(&mut self.inherited),
            ..Default::default()
        };
        let positional = match pflag::parse(leaf.flags(), args, leaf.interspersed, &mut st) {
            Ok(p) => p,
            Err(e) => {
                if !leaf.buildx {
                    if let Some(msg) = unsupported_message(&st.unsupported) {
                        return Err(fail(self.out, &msg, 1));
                    }
                }
                return Err(flag_error(self.out, &e, leaf.use_line(), &path));
            }
        };
        for n in &st.notices {
            self.out.outln(n);
        }
        if st.help == Some(true) {
            if !leaf.buildx {
                // Docker's help function walks the command words again, repeating their warnings.
                for _ in 0..2 {
                    for n in &self.group_notices {
                        self.out.outln(n);
                    }
                }
                if let Some(msg) = unsupported_message(&st.unsupported) {
                    self.out.outln(msg);
                    return Err(help_shown(self.out));
                }
            }
            if leaf.buildx {
                self.out.out(buildx_help(leaf.help, self.named_builder));
            } else {
                self.out.out(leaf.help);
            }
            return Err(help_shown(self.out));
        }
        if let Some(msg) = arity_error(leaf, positional.len()) {
            let msg = if leaf.buildx { format!("ERROR: {msg}") } else { msg };
            return Err(fail(self.out, &msg, 1));
        }
        if !leaf.buildx {
            if let Some(msg) = unsupported_message(&st.unsupported) {
                return Err(fail(self.out, &msg, 1));
            }
        }
        let invocation = Invocation {
            command: leaf.canonical,
            typed: path,
            flags: st.values,
            args: positional,
        };
        Ok(Parsed {
            invocation,
            globals: self.globals,
            notices: self.out,
        })
    }

    /// cobra's `help [command]`: the help of the command the words name.
    fn execute_help(mut self, args: &[String]) -> Result<Parsed, Box<Output>> {
        let mut st = FlagState {
            help: self.help,
            ..Default::default()
        };
        let words = match pflag::parse(help_command_flags(), args, true, &mut st) {
            Ok(p) => p,
            Err(e) => return Err(flag_error(self.out, &e, HELP_COMMAND_USE_LINE, "docker help")),
        };
        for n in &st.notices {
            self.out.outln(n);
        }
        if st.help == Some(true) {
            self.out.out(HELP_COMMAND_HELP);
            return Err(help_shown(self.out));
        }
        match help_topic(&words) {
            Ok(text) => {
                self.out.out(text);
                Err(help_shown(self.out))
            }
            Err(rest) => Err(fail(self.out, &format!("unknown help topic: {}", rest.join(" ")), 1)),
        }
    }
}

/// The help text `docker help <words>` prints, or the words it could not place. The help
/// command bypasses the buildx forwarding, so `build` and `builder` show the legacy builder.
fn help_topic(words: &[String]) -> Result<&'static str, &[String]> {
    const LEGACY_BUILD: &str = include_str!("help/legacy_build.txt");
    const LEGACY_IMAGE_BUILD: &str = include_str!("help/legacy_image_build.txt");
    const LEGACY_BUILDER: &str = include_str!("help/legacy_builder.txt");
    const LEGACY_BUILDER_BUILD: &str = include_str!("help/legacy_builder_build.txt");
    let Some(first) = words.first() else { return Ok(ROOT_HELP) };
    let rest = words.get(1..).unwrap_or_default();
    let Some(child) = command_table::root_child(first) else {
        return Err(words);
    };
    let (text, rest) = match child {
        Child::Help => (HELP_COMMAND_HELP, rest),
        Child::Leaf(l) if std::ptr::eq(l, &command_table::BUILD) => (LEGACY_BUILD, rest),
        Child::Leaf(l) => (l.help, rest),
        Child::Group(g) => {
            let legacy_builder = g.buildx;
            match rest.first() {
                None => (if legacy_builder { LEGACY_BUILDER } else { g.help }, rest),
                Some(word) if legacy_builder => {
                    if word == "build" {
                        (LEGACY_BUILDER_BUILD, rest.get(1..).unwrap_or_default())
                    } else {
                        (LEGACY_BUILDER, rest)
                    }
                }
                Some(word) => match g.find(word) {
                    Some(l) if std::ptr::eq(l, &command_table::BUILD) => (LEGACY_IMAGE_BUILD, rest.get(1..).unwrap_or_default()),
                    Some(l) => (l.help, rest.get(1..).unwrap_or_default()),
                    None => (g.help, rest),
                },
            }
        }
    };
    if rest.is_empty() {
        Ok(text)
    } else {
        Err(rest)
    }
}

/// The help text gathered in `out`, printed with exit code 0.
fn help_shown(out: Output) -> Box<Output> {
    Box::new(out.with_exit(0))
}

/// Prints `msg` on stderr and exits with `code`.
fn fail(mut out: Output, msg: &str, code: i32) -> Box<Output> {
    out.errln(msg);
    Box::new(out.with_exit(code))
}

/// Docker's `FlagErrorFunc` (exit 125).
fn flag_error(out: Output, err: &str, use_line: &str, path: &str) -> Box<Output> {
    let msg = format!("{err}\n\nUsage:  {use_line}\n\nRun '{path} --help' for more information");
    fail(out, &msg, 125)
}

/// `cli.NoArgs`, `RequiresMinArgs`, `RequiresMaxArgs`, `ExactArgs`, `RequiresRangeArgs`, with
/// their real wording (`See` for the minimum, `Run` elsewhere, and the `SRun` typo for the maximum).
fn arity_error(leaf: &Leaf, n: usize) -> Option<String> {
    let path = format!("docker {}", leaf.path);
    let use_line = leaf.use_line();
    let word = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let msg = match leaf.arity {
        Arity::NoArgs if n > 0 => format!("docker: '{path}' accepts no arguments\n\nUsage:  {use_line}\n\nRun '{path} --help' for more information"),
        Arity::Min(k) if n < k => format!(
            "docker: '{path}' requires at least {k} {}\n\nUsage:  {use_line}\n\nSee '{path} --help' for more information",
            word(k)
        ),
        Arity::Max(k) if n > k => format!(
            "docker: '{path}' requires at most {k} {}\n\nUsage:  {use_line}\n\nSRun '{path} --help' for more information",
            word(k)
        ),
        Arity::Exact(k) if n != k => {
            format!("docker: '{path}' requires {k} {}\n\nUsage:  {use_line}\n\nRun '{path} --help' for more information", word(k))
        }
        Arity::Range(a, b) if n < a || n > b => format!(
            "docker: '{path}' requires at least {a} and at most {b} {}\n\nUsage:  {use_line}\n\nRun '{path} --help' for more information",
            word(b)
        ),
        _ => return None,
    };
    Some(msg)
}

/// Docker's `areFlagsSupported` against a Linux daemon without experimental features; errors are
/// joined in flag-name order.
fn unsupported_message(flags: &[FlagSpec]) -> Option<String> {
    if flags.is_empty() {
        return None;
    }
    let mut sorted: Vec<&FlagSpec> = flags.iter().collect();
    crate::sort::sort_by_key(&mut sorted, |f| f.long);
    let lines: Vec<String> = sorted
        .iter()
        .map(|f| match f.unsupported {
            Some(Unsupported::Experimental) => {
                format!(
                    "\"--{}\" is only supported on a Docker daemon with experimental features enabled",
                    f.long
                )
            }
            _ => format!(
                "\"--{}\" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux",
                f.long
            ),
        })
        .collect();
    Some(lines.join("\n"))
}
