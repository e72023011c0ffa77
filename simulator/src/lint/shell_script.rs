//! The little shell analysis hadolint's rules need (hadolint asks ShellCheck's parser for the
//! same): the simple commands present in a RUN script (also inside `$(…)`, backticks, subshells,
//! `&&`/`||`/`;`/`|` lists and `if`/`while` bodies), their arguments with quotes removed and
//! redirections dropped, the flags among them, and whether the script has a pipe.

/// A simple command: its name and arguments (quotes removed, `$(…)` shown as `${…}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Command {
    pub name: String,
    pub args: Vec<String>,
}

/// A parsed RUN script.
#[derive(Debug, Clone, Default)]
pub(crate) struct Script {
    pub original: String,
    pub commands: Vec<Command>,
    pub has_pipes: bool,
}

/// Nesting limit for `$(…)` inside `$(…)`.
const MAX_DEPTH: usize = 16;

pub(crate) fn parse_script(text: &str) -> Script {
    let mut s = Script { original: text.to_string(), ..Script::default() };
    let chars: Vec<char> = text.chars().collect();
    scan(&chars, &mut s, 0);
    s
}

const OPENERS: &[&str] = &["if", "then", "else", "elif", "do", "while", "until", "!", "{", "time"];
const CLOSERS: &[&str] = &["fi", "done", "esac", "}"];

struct Builder<'a> {
    script: &'a mut Script,
    words: Vec<String>,
    word: Option<String>,
    skip_rest: bool,
}

impl Builder<'_> {
    fn push_char(&mut self, c: char) {
        self.word.get_or_insert_with(String::new).push(c);
    }
    fn push_str(&mut self, s: &str) {
        self.word.get_or_insert_with(String::new).push_str(s);
    }
    fn end_word(&mut self) {
        if let Some(w) = self.word.take() {
            if self.words.is_empty() && !self.skip_rest {
                if OPENERS.contains(&w.as_str()) || CLOSERS.contains(&w.as_str()) {
                    return;
                }
                if matches!(w.as_str(), "for" | "case" | "select" | "function") {
                    self.skip_rest = true;
                    return;
                }
                if is_assignment(&w) {
                    return;
                }
            }
            if !self.skip_rest {
                self.words.push(w);
            }
        }
    }
    fn end_command(&mut self) {
        self.end_word();
        let words = std::mem::take(&mut self.words);
        self.skip_rest = false;
        let mut it = words.into_iter();
        if let Some(name) = it.next() {
            self.script.commands.push(Command { name, args: it.collect() });
        }
    }
}

fn is_assignment(w: &str) -> bool {
    match w.split_once('=') {
        Some((name, _)) => {
            !name.is_empty()
                && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        }
        None => false,
    }
}

/// Finds the index after the `)` matching an opening at `start` (which is just after `(`).
fn matching_paren(chars: &[char], start: usize) -> usize {
    let mut depth = 1usize;
    let mut i = start;
    let mut quote: Option<char> = None;
    while let Some(&c) = chars.get(i) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"'), '\\') => i += 1,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '\\') => i += 1,
            (None, '(') => depth += 1,
            (None, ')') => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    chars.len()
}

fn substitution(chars: &[char], i: usize, script: &mut Script, depth: usize) -> (usize, String) {
    // chars[i] == '$', chars[i+1] == '('
    let end = matching_paren(chars, i + 2);
    let inner: Vec<char> = chars.get(i + 2..end.saturating_sub(1).max(i + 2)).unwrap_or_default().to_vec();
    if depth < MAX_DEPTH {
        scan(&inner, script, depth + 1);
    }
    let text: String = inner.iter().collect();
    (end, format!("${{{text}}}"))
}

fn scan(chars: &[char], script: &mut Script, depth: usize) {
    let mut b = Builder { script, words: Vec::new(), word: None, skip_rest: false };
    let mut i = 0usize;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        match c {
            '\\' => {
                if let Some(n) = next {
                    if n != '\n' {
                        b.push_char(n);
                    }
                }
                i += 2;
            }
            '\'' => {
                let mut j = i + 1;
                let mut s = String::new();
                while let Some(&d) = chars.get(j) {
                    if d == '\'' {
                        break;
                    }
                    s.push(d);
                    j += 1;
                }
                b.push_str(&s);
                i = j + 1;
            }
            '"' => {
                let mut j = i + 1;
                let mut s = String::new();
                while let Some(&d) = chars.get(j) {
                    match d {
                        '"' => break,
                        '\\' => {
                            if let Some(&e) = chars.get(j + 1) {
                                if !matches!(e, '"' | '\\' | '$' | '`') {
                                    s.push('\\');
                                }
                                s.push(e);
                            }
                            j += 2;
                            continue;
                        }
                        '$' if chars.get(j + 1) == Some(&'(') => {
                            let (end, text) = substitution(chars, j, b.script, depth);
                            s.push_str(&text);
                            j = end;
                            continue;
                        }
                        _ => s.push(d),
                    }
                    j += 1;
                }
                b.push_str(&s);
                b.word.get_or_insert_with(String::new);
                i = j + 1;
            }
            '$' if next == Some('(') => {
                let (end, text) = substitution(chars, i, b.script, depth);
                b.push_str(&text);
                i = end;
            }
            '`' => {
                let mut j = i + 1;
                while chars.get(j).is_some_and(|d| *d != '`') {
                    j += 1;
                }
                let inner: Vec<char> = chars.get(i + 1..j).unwrap_or_default().to_vec();
                if depth < MAX_DEPTH {
                    scan(&inner, b.script, depth + 1);
                }
                b.push_str("${VAR}");
                i = j + 1;
            }
            '#' if b.word.is_none() => {
                while chars.get(i).is_some_and(|d| *d != '\n') {
                    i += 1;
                }
            }
            ' ' | '\t' | '\r' => {
                b.end_word();
                i += 1;
            }
            '\n' | ';' => {
                b.end_command();
                i += 1;
            }
            '&' => {
                if next == Some('>') {
                    // &> file
                    b.end_word();
                    i = skip_redirect_target(chars, i + 2);
                } else {
                    b.end_command();
                    i += if next == Some('&') { 2 } else { 1 };
                }
            }
            '|' => {
                if next == Some('|') {
                    i += 2;
                } else {
                    b.script.has_pipes = true;
                    i += 1;
                }
                b.end_command();
            }
            '(' | ')' => {
                b.end_command();
                i += 1;
            }
            '>' | '<' => {
                // An fd number right before the operator belongs to the redirection.
                if b.word.as_deref().is_some_and(|w| !w.is_empty() && w.chars().all(|d| d.is_ascii_digit())) {
                    b.word = None;
                }
                b.end_word();
                let mut j = i + 1;
                if chars.get(j).is_some_and(|d| *d == c || *d == '&' || *d == '|') {
                    j += 1;
                }
                if c == '<' && chars.get(i + 1) == Some(&'<') {
                    // heredoc / herestring marker: skip the word after it.
                    if chars.get(j) == Some(&'<') || chars.get(j) == Some(&'-') {
                        j += 1;
                    }
                }
                i = skip_redirect_target(chars, j);
            }
            c => {
                b.push_char(c);
                i += 1;
            }
        }
    }
    b.end_command();
}

/// Skips blanks and one word after a redirection operator.
fn skip_redirect_target(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| *c == ' ' || *c == '\t') {
        i += 1;
    }
    let mut quote: Option<char> = None;
    while let Some(&c) = chars.get(i) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c.is_whitespace() || matches!(c, ';' | '&' | '|' | '(' | ')' | '<' | '>') => break,
            None => {}
        }
        i += 1;
    }
    i
}

impl Command {
    /// hadolint's `cmdHasArgs name args`.
    pub fn has_args(&self, name: &str, any_of: &[&str]) -> bool {
        self.name == name && self.args.iter().any(|a| any_of.contains(&a.as_str()))
    }

    /// Indices of arguments that are flags, with the flag names they carry (hadolint's
    /// `getAllFlags`: `--x=y` → `x`; `-abc` → `a`, `b`, `c`).
    pub fn flags(&self) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (i, a) in self.args.iter().enumerate() {
            if a == "--" || a == "-" {
                continue;
            }
            if let Some(long) = a.strip_prefix("--") {
                out.push((i, long.split('=').next().unwrap_or_default().to_string()));
            } else if let Some(short) = a.strip_prefix('-') {
                out.extend(short.chars().map(|c| (i, c.to_string())));
            }
        }
        out
    }

    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags().iter().any(|(_, f)| f == flag)
    }

    pub fn has_arg(&self, arg: &str) -> bool {
        self.args.iter().any(|a| a == arg)
    }

    /// hadolint's `dropFlagArg`: removes the value following each of these flags (when not
    /// given inline with `=`).
    pub fn drop_flag_args(&self, names: &[&str]) -> Command {
        let flags = self.flags();
        let drop: Vec<usize> = flags
            .iter()
            .filter(|(i, f)| names.contains(&f.as_str()) && !self.args.get(*i).is_some_and(|a| a.contains('=')))
            .map(|(i, _)| i + 1)
            .collect();
        Command {
            name: self.name.clone(),
            args: self.args.iter().enumerate().filter(|(i, _)| !drop.contains(i)).map(|(_, a)| a.clone()).collect(),
        }
    }

    /// hadolint's `getArgsNoFlags`.
    pub fn args_no_flags(&self) -> Vec<String> {
        let flag_idx: Vec<usize> = self.flags().iter().map(|(i, _)| *i).collect();
        self.args.iter().enumerate().filter(|(i, _)| !flag_idx.contains(i)).map(|(_, a)| a.clone()).collect()
    }

    /// hadolint's `getFlagArg`: the argument right after each occurrence of the flag.
    pub fn flag_args(&self, flag: &str) -> Vec<String> {
        self.flags()
            .iter()
            .filter(|(_, f)| f == flag)
            .filter_map(|(i, _)| self.args.get(i + 1).cloned())
            .collect()
    }

    /// `args` contains `seq` as a contiguous run.
    pub fn has_sequence(&self, seq: &[&str]) -> bool {
        !seq.is_empty() && self.args.windows(seq.len()).any(|w| w.iter().zip(seq).all(|(a, b)| a == b))
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn commands_lists_pipes_and_substitutions() {
        let s = parse_script("apt-get update && apt-get install -y \"curl\" 'git' > /dev/null 2>&1; cd /x || exit 1");
        let names: Vec<&str> = s.commands.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["apt-get", "apt-get", "cd", "exit"]);
        assert_eq!(s.commands[1].args, ["install", "-y", "curl", "git"]);
        assert!(!s.has_pipes);
        let s = parse_script("wget -O - https://x | tar xz && echo $(sudo id) `cd /tmp`");
        assert!(s.has_pipes);
        let names: Vec<&str> = s.commands.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["wget", "tar", "sudo", "cd", "echo"]);
        let s = parse_script("if [ -f a ]; then DEBIAN_FRONTEND=noninteractive apt install x; fi");
        let names: Vec<&str> = s.commands.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["[", "apt"]);
    }

    #[test]
    fn flags_like_hadolint() {
        let s = parse_script("apt-get install -qy --no-install-recommends -t bullseye curl=7.1");
        let c = &s.commands[0];
        assert!(c.has_flag("no-install-recommends") && c.has_flag("q") && c.has_flag("y"));
        assert_eq!(c.drop_flag_args(&["t"]).args_no_flags(), ["install", "curl=7.1"]);
    }
}
