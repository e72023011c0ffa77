use super::*;
use proptest::prelude::*;

/// A compact rendering of the tree: commands `[…]`, words `<…>`, parts separated by `+`.
fn show(text: &str) -> String {
    match parse(text) {
        Ok(script) => show_list(&script.list),
        Err(e) => format!("ERR {}:{} {e}", e.line, e.column),
    }
}

fn show_list(list: &List) -> String {
    list.items.iter().map(show_and_or).collect::<Vec<_>>().join(" ; ")
}

fn show_and_or(a: &AndOr) -> String {
    let mut s = show_pipeline(&a.first);
    for (c, p) in &a.rest {
        s.push_str(if *c == Connector::And { " && " } else { " || " });
        s.push_str(&show_pipeline(p));
    }
    s
}

fn show_pipeline(p: &Pipeline) -> String {
    let cmds: Vec<String> = p.commands.iter().map(show_command).collect();
    format!("{}{}", if p.negated { "! " } else { "" }, cmds.join(" | "))
}

fn show_command(c: &Command) -> String {
    match c {
        Command::Simple(s) => {
            let mut items: Vec<String> = Vec::new();
            for a in &s.assignments {
                items.push(format!("{}{}={}", a.name, if a.append { "+" } else { "" }, show_word(&a.value)));
            }
            items.extend(s.words.iter().map(show_word));
            items.extend(s.redirects.iter().map(show_redirect));
            format!("[{}]", items.join(" "))
        }
        Command::Subshell { body, redirects, .. } => {
            let reds: Vec<String> = redirects.iter().map(show_redirect).collect();
            format!("({}){}", show_list(body), reds.join(""))
        }
        Command::Group { body, redirects, .. } => {
            let reds: Vec<String> = redirects.iter().map(show_redirect).collect();
            format!("{{{}}}{}", show_list(body), reds.join(""))
        }
        Command::If { branches, otherwise, .. } => {
            let mut s = String::from("IF");
            for (c, b) in branches {
                s.push_str(&format!(" <{}> THEN <{}>", show_list(c), show_list(b)));
            }
            if let Some(o) = otherwise {
                s.push_str(&format!(" ELSE <{}>", show_list(o)));
            }
            s
        }
        Command::For { name, words, body, .. } => {
            let words = words.as_ref().map(|w| w.iter().map(show_word).collect::<Vec<_>>().join(" "));
            format!("FOR {name} IN {words:?} DO <{}>", show_list(body))
        }
        Command::While { until, condition, body, .. } => {
            format!("{} <{}> DO <{}>", if *until { "UNTIL" } else { "WHILE" }, show_list(condition), show_list(body))
        }
    }
}

fn show_redirect(r: &Redirect) -> String {
    let target = match &r.target {
        RedirectTarget::Word(w) => show_word(w),
        RedirectTarget::HereDoc(n) => format!("heredoc#{n}"),
    };
    format!("{}{:?}{}", r.fd.map(|f| f.to_string()).unwrap_or_default(), r.op, target)
}

fn show_word(w: &Word) -> String {
    format!("<{}>", show_parts(&w.parts))
}

fn show_parts(parts: &[WordPart]) -> String {
    parts.iter().map(show_part).collect::<Vec<_>>().join("+")
}

fn show_part(p: &WordPart) -> String {
    match p {
        WordPart::Literal(t) => t.clone(),
        WordPart::Quoted(t) => format!("'{t}'"),
        WordPart::DoubleQuoted(parts) => format!("\"{}\"", show_parts(parts)),
        WordPart::Param(Param::Plain(n)) => format!("${n}"),
        WordPart::Param(Param::Length(n)) => format!("${{#{n}}}"),
        WordPart::Param(Param::WithOp { name, op, colon, word }) => {
            format!("${{{name}{}{op:?}{}}}", if *colon { ":" } else { "" }, show_parts(word))
        }
        WordPart::Param(Param::Trim { name, suffix, longest, pattern }) => {
            format!("${{{name} trim s={suffix} l={longest} {}}}", show_parts(pattern))
        }
        WordPart::Param(Param::Bad(t)) => format!("BAD{t}"),
        WordPart::Param(Param::Substring { name, offset, length }) => {
            format!("${{{name}:{}:{}}}", show_parts(offset), length.as_deref().map(show_parts).unwrap_or_default())
        }
        WordPart::Param(Param::Replace { name, mode, pattern, replacement }) => {
            format!("${{{name} {mode:?} {}/{}}}", show_parts(pattern), show_parts(replacement))
        }
        WordPart::Param(Param::Case { name, upper, all }) => format!("${{{name} upper={upper} all={all}}}"),
        WordPart::CommandSubst(list) => format!("$({})", show_list(list)),
        WordPart::Arith(parts) => format!("$(({}))", show_parts(parts)),
        WordPart::Tilde => "~".to_string(),
    }
}

#[test]
fn plain_words_and_separators() {
    assert_eq!(show("echo hello  world"), "[<echo> <hello> <world>]");
    assert_eq!(show("  a;b ; c"), "[<a>] ; [<b>] ; [<c>]");
    assert_eq!(show("a && b || c"), "[<a>] && [<b>] || [<c>]");
    assert_eq!(show("a | b |& c"), "[<a>] | [<b> 2DupOut<1>] | [<c>]");
    assert_eq!(show("! false"), "! [<false>]");
    assert_eq!(show("a & b"), "[<a>] ; [<b>]");
    assert_eq!(show("a;"), "[<a>]");
    assert_eq!(show(""), "");
    assert_eq!(show("   # only a comment"), "");
    assert_eq!(show("echo a#b # comment ' \""), "[<echo> <a#b>]");
    assert_eq!(show("a &&\n b"), "[<a>] && [<b>]");
    assert_eq!(show("a |\n\n b"), "[<a>] | [<b>]");
    assert_eq!(show("a\nb"), "[<a>] ; [<b>]");
}

#[test]
fn quoting() {
    assert_eq!(show(r#"echo 'a b' "c $X \" \\ \$ \q" d\ e"#), r#"[<echo> <'a b'> <"'c '+$X+' '+'"'+' '+'\'+' '+'$'+' '+'\'+'q'"> <d+' '+e>]"#);
    assert_eq!(show("echo ''"), "[<echo> <''>]");
    assert_eq!(show(r#"echo """#), r#"[<echo> <"">]"#);
    assert_eq!(show("echo a\\\nb"), "[<echo> <a+b>]");
    assert_eq!(show("echo a \\\n b"), "[<echo> <a> <b>]");
    assert_eq!(show("echo $'a\\tb'"), "[<echo> <'a\tb'>]");
    assert_eq!(show("echo \"a\\\nb\""), "[<echo> <\"'a'+'b'\">]");
}

#[test]
fn parameters() {
    assert_eq!(show("echo $HOME ${HOME}x $? $$ $1 $ a$"), "[<echo> <$HOME> <$HOME+x> <$?> <$$> <$1> <$> <a+$>]");
    assert_eq!(show("echo ${X:-def ault} ${Y-$Z} ${#X}"), "[<echo> <${X:Defaultdef ault}> <${YDefault$Z}> <${#X}>]");
    assert_eq!(show("echo ${X:=1}${X:+y}${X:?oops}"), "[<echo> <${X:Assign1}+${X:Alternativey}+${X:Erroroops}>]");
    assert_eq!(show("echo ${F%.txt} ${F##*/}"), "[<echo> <${F trim s=true l=false .txt}> <${F trim s=false l=true */}>]");
    assert_eq!(show("echo ${a b} ${}"), "[<echo> <BAD${a b}> <BAD${}>]");
    assert_eq!(show("echo ${X:1:2} ${X: -1} ${X:$N}"), "[<echo> <${X:1:2}> <${X: -1:}> <${X:$N:}>]");
    assert_eq!(show("echo ${X/a/b} ${X//a} ${X/#a/$Y}"), "[<echo> <${X First a/b}> <${X All a/}> <${X Prefix a/$Y}>]");
    assert_eq!(show("echo ${X^^} ${X,}"), "[<echo> <${X upper=true all=true}> <${X upper=false all=false}>]");
    assert_eq!(show("echo ${X:-\"a }\"}"), "[<echo> <${X:Default\"'a }'\"}>]");
}

#[test]
fn command_substitution() {
    assert_eq!(show("docker rm -f $(docker ps -aq)"), "[<docker> <rm> <-f> <$([<docker> <ps> <-aq>])>]");
    assert_eq!(show("echo $(echo $(echo a))"), "[<echo> <$([<echo> <$([<echo> <a>])>])>]");
    assert_eq!(show("echo \"id: $(cat f | head -n 1)\""), "[<echo> <\"'id: '+$([<cat> <f>] | [<head> <-n> <1>])\">]");
    assert_eq!(show("echo `echo \\`echo a\\``"), "[<echo> <$([<echo> <$([<echo> <a>])>])>]");
    assert_eq!(show("echo $((1 + $X))"), "[<echo> <$((1 + +$X))>]");
    assert_eq!(show("echo $( )"), "[<echo> <$()>]");
}

#[test]
fn redirections_and_assignments() {
    assert_eq!(show("echo hi > out.txt"), "[<echo> <hi> Out<out.txt>]");
    assert_eq!(show("echo hi >>log 2>/dev/null"), "[<echo> <hi> Append<log> 2Out</dev/null>]");
    assert_eq!(show("cmd 2>&1 &> all <in"), "[<cmd> 2DupOut<1> OutErr<all> In<in>]");
    assert_eq!(show("cat <<< \"$X\""), "[<cat> HereString<\"$X\">]");
    assert_eq!(show("> empty"), "[Out<empty>]");
    assert_eq!(show("A=1 B=\"x y\" env"), "[A=<1> B=<\"'x y'\"> <env>]");
    assert_eq!(show("A= cmd"), "[A=<> <cmd>]");
    assert_eq!(show("PATH+=:/x"), "[PATH+=<:/x>]");
    assert_eq!(show("echo A=1"), "[<echo> <A=1>]");
    assert_eq!(show("X=~/a cd ~ ~/b a~"), "[X=<~+/a> <cd> <~> <~+/b> <a~>]");
    assert_eq!(show("echo 2 >f"), "[<echo> <2> Out<f>]");
}

#[test]
fn subshells() {
    assert_eq!(show("(cd app && ls) > out"), "([<cd> <app>] && [<ls>])Out<out>");
    assert_eq!(show("(a; (b))"), "([<a>] ; ([<b>]))");
    assert_eq!(show("{ a; b; } 2>/dev/null"), "{[<a>] ; [<b>]}2Out</dev/null>");
    assert_eq!(show("{ echo }"), "ERR 1:9 syntax error: unexpected end of file");
    assert_eq!(show("{ }"), "ERR 1:3 syntax error near unexpected token `}'");
    assert_eq!(show("echo {a,b} }"), "[<echo> <{a,b}> <}>]");
    assert_eq!(show("{echo"), "[<{echo>]");
}

#[test]
fn compound_commands() {
    assert_eq!(
        show("if a; then b; elif c; then d; else e; fi"),
        "IF <[<a>]> THEN <[<b>]> <[<c>]> THEN <[<d>]> ELSE <[<e>]>"
    );
    assert_eq!(show("for i in 1 2; do echo $i; done | sort"), "FOR i IN Some(\"<1> <2>\") DO <[<echo> <$i>]> | [<sort>]");
    assert_eq!(show("for i\ndo x\ndone"), "FOR i IN None DO <[<x>]>");
    assert_eq!(show("while true; do :; done > f"), "WHILE <[<true>]> DO <[<:>]>");
    assert_eq!(show("until false\ndo\n  x\ndone"), "UNTIL <[<false>]> DO <[<x>]>");
    assert_eq!(show("echo if then fi"), "[<echo> <if> <then> <fi>]");
    assert_eq!(show("if true; fi"), "ERR 1:10 syntax error near unexpected token `fi'");
    assert_eq!(show("if; then"), "ERR 1:3 syntax error near unexpected token `;'");
    assert_eq!(show("for i in 1; do done"), "ERR 1:16 syntax error near unexpected token `done'");
    assert_eq!(show("while true; do x; fi"), "ERR 1:19 syntax error near unexpected token `fi'");
    assert_eq!(show("for i in 1 2; do"), "ERR 1:17 syntax error: unexpected end of file");
    assert_eq!(show("{ if true; then x; }"), "ERR 1:20 syntax error near unexpected token `}'");
}

#[test]
fn heredocs() {
    let script = parse("cat <<EOF > Dockerfile\nFROM $IMG\nRUN echo \\$HOME\nEOF\necho done").unwrap_or_default();
    assert_eq!(show_list(&script.list), "[<cat> HereDocheredoc#0 Out<Dockerfile>] ; [<echo> <done>]");
    assert_eq!(script.heredocs.len(), 1);
    let body = script.heredocs.first().map(|h| show_parts(&h.body.parts)).unwrap_or_default();
    assert_eq!(body, "'FROM '+$IMG+'\nRUN echo '+'$'+'HOME\n'");
    let quoted = parse("cat <<-'EOF'\n\tliteral $X\n\tEOF").unwrap_or_default();
    let body = quoted.heredocs.first().map(|h| show_parts(&h.body.parts)).unwrap_or_default();
    assert_eq!(body, "'literal $X\n'");
    assert_eq!(quoted.open_heredoc, None);
    let open = parse("cat <<EOF\nline").unwrap_or_default();
    assert_eq!(open.open_heredoc.as_deref(), Some("EOF"));
    assert!(needs_more("cat <<EOF"));
}

fn needs_more(text: &str) -> bool {
    match parse(text) {
        Ok(script) => script.open_heredoc.is_some(),
        Err(e) => e.needs_more_input(),
    }
}

#[test]
fn syntax_errors_read_like_bash() {
    assert_eq!(show("echo a && && b"), "ERR 1:11 syntax error near unexpected token `&&'");
    assert_eq!(show("&& x"), "ERR 1:1 syntax error near unexpected token `&&'");
    assert_eq!(show("; x"), "ERR 1:1 syntax error near unexpected token `;'");
    assert_eq!(show("  | x"), "ERR 1:3 syntax error near unexpected token `|'");
    assert_eq!(show("echo a ;;"), "ERR 1:8 syntax error near unexpected token `;;'");
    assert_eq!(show("echo >"), "ERR 1:7 syntax error near unexpected token `newline'");
    assert_eq!(show("echo > ;"), "ERR 1:8 syntax error near unexpected token `;'");
    assert_eq!(show("echo a )"), "ERR 1:8 syntax error near unexpected token `)'");
    assert_eq!(show("echo a | | b"), "ERR 1:10 syntax error near unexpected token `|'");
    assert_eq!(show("echo a ||| b"), "ERR 1:10 syntax error near unexpected token `|'");
    assert_eq!(show("fi"), "ERR 1:1 syntax error near unexpected token `fi'");
    assert_eq!(show("()"), "ERR 1:2 syntax error near unexpected token `)'");
    assert_eq!(show("echo (a)"), "ERR 1:6 syntax error near unexpected token `('");
    assert_eq!(show("echo a\n&& b"), "ERR 2:1 syntax error near unexpected token `&&'");
    assert_eq!(show("echo ñandú &&&"), "ERR 1:14 syntax error near unexpected token `&'");
}

#[test]
fn incomplete_input_asks_for_more() {
    assert_eq!(show("echo \"abc"), "ERR 1:6 unexpected EOF while looking for matching `\"'");
    assert_eq!(show("echo 'x"), "ERR 1:6 unexpected EOF while looking for matching `''");
    assert_eq!(show("echo `a"), "ERR 1:6 unexpected EOF while looking for matching ``'");
    assert_eq!(show("echo $(echo a"), "ERR 1:6 unexpected EOF while looking for matching `)'");
    assert_eq!(show("echo ${A"), "ERR 1:6 unexpected EOF while looking for matching `}'");
    assert_eq!(show("echo a &&"), "ERR 1:10 syntax error: unexpected end of file");
    assert_eq!(show("echo a |"), "ERR 1:9 syntax error: unexpected end of file");
    assert_eq!(show("( echo a"), "ERR 1:9 syntax error: unexpected end of file");
    for text in ["echo \"abc", "echo a \\", "echo a &&", "echo a ||  ", "ls |", "echo $(", "( ls", "echo 'it''s", "cat <<EOF"] {
        assert!(needs_more(text), "{text}");
    }
    for text in ["echo a", "echo >", "echo a ;;", "echo \"a\" # it's", "echo a\\\\", "fi", ""] {
        assert!(!needs_more(text), "{text}");
    }
    // The joined continuation lines parse.
    assert_eq!(show("echo \"abc\ndef\""), "[<echo> <\"'abc\ndef'\">]");
    assert_eq!(show("docker run \\\n  -d nginx"), "[<docker> <run> <-d> <nginx>]");
}

#[test]
fn nesting_is_bounded() {
    let ok = format!("echo {}x{}", "$(echo ".repeat(16), ")".repeat(16));
    assert!(parse(&ok).is_ok());
    let deep = format!("echo {}x{}", "$(echo ".repeat(17), ")".repeat(17));
    assert_eq!(
        parse(&deep).map_err(|e| e.kind),
        Err(ParseErrorKind::TooDeep)
    );
    let very_deep = "$(".repeat(100_000);
    assert_eq!(parse(&very_deep).map_err(|e| e.kind), Err(ParseErrorKind::TooDeep));
    let quotes = "\"${X:-".repeat(10_000);
    assert_eq!(parse(&quotes).map_err(|e| e.kind), Err(ParseErrorKind::TooDeep));
    let parens = "(".repeat(10_000);
    assert_eq!(parse(&parens).map_err(|e| e.kind), Err(ParseErrorKind::TooDeep));
}

#[test]
fn spans_point_into_the_text() {
    let text = "echo  hola > f";
    let script = parse(text).unwrap_or_default();
    let Some(Command::Simple(cmd)) = script.list.items.first().and_then(|a| a.first.commands.first()) else {
        unreachable!("no command in {script:?}");
    };
    let word = cmd.words.get(1).map(|w| w.span).unwrap_or_default();
    assert_eq!(text.get(word.start..word.end), Some("hola"));
    assert_eq!(text.get(cmd.span.start..cmd.span.end), Some("echo  hola > f"));
    let red = cmd.redirects.first().map(|r| r.span).unwrap_or_default();
    assert_eq!(text.get(red.start..red.end), Some("> f"));
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,200}") {
        let _ = parse(&text);
    }

    #[test]
    fn never_panics_on_shell_like_text(text in "([a-z$(){}'\"`\\\\|&;<>#~ =:\\-?*\n]|\\$\\(|\\$\\{|<<|2>&1){0,60}") {
        if let Err(e) = parse(&text) {
            prop_assert!(e.offset <= text.len());
            prop_assert!(e.line >= 1 && e.column >= 1);
        }
    }
}
