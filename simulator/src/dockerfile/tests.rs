//! Parser, expansion and highlight tests. Error texts were checked against `docker build` of
//! Docker 28.5 (BuildKit, buildx 0.29).
#![allow(clippy::panic, clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use proptest::prelude::*;

fn ok(text: &str) -> Dockerfile {
    match parse(text) {
        Ok(d) => d,
        Err(e) => panic!("{text:?} failed: {e}"),
    }
}

fn err(text: &str) -> String {
    match parse(text) {
        Ok(d) => panic!("{text:?} parsed: {d:?}"),
        Err(e) => e.to_string(),
    }
}

fn env_of<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
}

#[test]
fn buildkit_error_texts() {
    let cases = [
        ("FROM busybox\nRUN true\nRUNN echo\n", "dockerfile parse error on line 3: unknown instruction: RUNN (did you mean RUN?)"),
        ("FROM busybox\nrunn x\n", "dockerfile parse error on line 2: unknown instruction: runn (did you mean run?)"),
        ("FROM busybox\nENV FOO\n", "ENV must have two arguments"),
        ("FROM busybox\nRUN <<EOF\necho\n", "unterminated heredoc"),
        ("", "the Dockerfile cannot be empty"),
        ("# just a comment\n", "file with no instructions"),
        ("RUN echo\n", "no build stage in current context"),
        (
            "FROM busybox AS 1abc\n",
            "dockerfile parse error on line 1: invalid name for build stage: \"1abc\", name can't start with a number or contain symbols",
        ),
        ("FROM busybox a b c\n", "dockerfile parse error on line 1: FROM requires either one or three arguments"),
        ("FROM busybox\nENV =x\n", "dockerfile parse error on line 2: ENV names can not be blank"),
        ("FROM busybox\nCOPY --fromm=a x y\n", "dockerfile parse error on line 2: unknown flag: --fromm (did you mean from?)"),
        ("FROM busybox\nCMD [\"a\", 1]\n", "when using JSON array syntax, arrays must be comprised of strings only"),
        ("FROM busybox\nLABEL a=b c\n", "Syntax error - can't find = in \"c\". Must be of the form: name=value"),
        ("FROM busybox\nSHELL /bin/sh -c\n", "dockerfile parse error on line 2: SHELL requires the arguments to be in JSON form"),
        ("FROM busybox\nONBUILD ONBUILD RUN x\n", "dockerfile parse error on line 2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"),
        ("FROM busybox\nHEALTHCHECK --interval=abc CMD true\n", "dockerfile parse error on line 2: time: invalid duration \"abc\""),
        ("FROM busybox\nHEALTHCHECK FOO true\n", "dockerfile parse error on line 2: Unknown type \"FOO\" in HEALTHCHECK (try CMD)"),
        ("FROM busybox\nRUN --mount=type=foo true\n", "unsupported mount type \"foo\""),
        ("FROM busybox\nWORKDIR\n", "dockerfile parse error on line 2: WORKDIR requires exactly one argument"),
        (
            "FROM busybox\nCOPY x\n",
            "dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined",
        ),
        ("FROM busybox\nEXPOSE\n", "dockerfile parse error on line 2: EXPOSE requires at least one argument"),
        ("FROM busybox\nHEALTHCHECK --retries=-1 CMD true\n", "dockerfile parse error on line 2: --retries cannot be negative (-1)"),
        ("FROM busybox\nHEALTHCHECK --retries=x CMD true\n", "dockerfile parse error on line 2: strconv.ParseInt: parsing \"x\": invalid syntax"),
        ("FROM busybox\nHEALTHCHECK --interval=1ns CMD true\n", "dockerfile parse error on line 2: Interval \"interval\" cannot be less than 1ms"),
        ("# escape=x\nFROM busybox\n", "invalid escape token 'x' does not match ` or \\"),
        ("# escape=`\n# escape=`\nFROM busybox\n", "only one escape parser directive can be used"),
        ("FROM busybox\nRUN --security=insecure true\n", "dockerfile parse error on line 2: unknown flag: --security"),
        ("FROM busybox\nCOPY --parents a b\n", "dockerfile parse error on line 2: unknown flag: --parents"),
        ("FROM busybox\nRUN --device=x true\n", "device feature is only supported in Dockerfile frontend 1.14.0-labs or later"),
        ("FROM busybox\nSTOPSIGNAL FOO\n", "invalid signal: FOO"),
        ("FROM busybox\nRUN --network=bogus true\n", "dockerfile parse error on line 2: invalid network mode \"bogus\""),
        ("FROM busybox\nRUN --mount=type=cache,sharing=bad,target=/x true\n", "unsupported sharing value \"bad\""),
        ("FROM busybox\nRUN --mount=target=/x,ro=maybe true\n", "invalid value for ro: maybe"),
        ("FROM busybox\nRUN --mount=type=bind true\n", "invalid mount target \"/\""),
        ("FROM busybox\nRUN --mount=type=secret true\n", "invalid secret mount. one of source, target required"),
    ];
    for (text, want) in cases {
        assert_eq!(err(text), want, "{text:?}");
    }
}

#[test]
fn error_positions_cover_the_instruction() {
    let text = "FROM busybox\nRUN apt-get update && \\\n    aptget install x\nRUNN echo\n";
    let e = parse(text).unwrap_err();
    assert_eq!((e.line, e.end_line), (4, 4));
    assert_eq!(text.get(e.span.start..e.span.end), Some("RUNN echo"));
}

#[test]
fn instructions_and_lines() {
    let text = "# syntax=docker/dockerfile:1\nFROM --platform=linux/amd64 node:20-alpine AS Build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci && \\\n    # cache\n    npm cache clean --force\nCOPY --from=build --chown=node:node --chmod=755 /app/dist /srv\nENV A=1 B=\"two words\"\nENV LEGACY some value\nEXPOSE 8080 3000/tcp\nCMD [\"node\", \"app.js\"]\nENTRYPOINT node app.js\n";
    let df = ok(text);
    assert_eq!(df.directives.syntax.as_deref(), Some("docker/dockerfile:1"));
    let names: Vec<&str> = df.instructions.iter().map(Instruction::name).collect();
    assert_eq!(names, ["FROM", "WORKDIR", "COPY", "RUN", "COPY", "ENV", "ENV", "EXPOSE", "CMD", "ENTRYPOINT"]);
    let from = &df.instructions[0];
    assert_eq!(
        from.kind,
        InstructionKind::From(From {
            image: "node:20-alpine".into(),
            platform: Some("linux/amd64".into()),
            stage_name: Some("build".into())
        })
    );
    let run = &df.instructions[3];
    assert_eq!((run.line, run.end_line), (5, 7));
    assert_eq!(run.original, "RUN npm ci &&     npm cache clean --force");
    assert_eq!(text.get(run.span.start..run.span.end), Some("RUN npm ci && \\\n    # cache\n    npm cache clean --force"));
    let InstructionKind::Copy(c) = &df.instructions[4].kind else { panic!() };
    assert_eq!(c.from.as_deref(), Some("build"));
    assert_eq!(c.chown.as_deref(), Some("node:node"));
    assert_eq!(c.chmod.as_deref(), Some("755"));
    assert_eq!((c.sources.clone(), c.dest.clone()), (vec!["/app/dist".to_string()], "/srv".to_string()));
    let InstructionKind::Env(e) = &df.instructions[5].kind else { panic!() };
    assert_eq!(e[1], KeyValue { key: "B".into(), value: "\"two words\"".into(), legacy: false });
    let InstructionKind::Env(e) = &df.instructions[6].kind else { panic!() };
    assert_eq!(e[0], KeyValue { key: "LEGACY".into(), value: "some value".into(), legacy: true });
    assert_eq!(df.instructions[7].kind, InstructionKind::Expose(vec!["3000/tcp".into(), "8080".into()]));
    assert_eq!(df.instructions[8].kind, InstructionKind::Cmd(CommandLine::Exec(vec!["node".into(), "app.js".into()])));
    assert_eq!(df.instructions[9].kind, InstructionKind::Entrypoint(CommandLine::Shell("node app.js".into())));
}

#[test]
fn invalid_json_falls_back_to_shell_form() {
    let df = ok("FROM a\nCMD [\"node\", 'app.js']\n");
    assert_eq!(df.instructions[1].kind, InstructionKind::Cmd(CommandLine::Shell("[\"node\", 'app.js']".into())));
}

#[test]
fn heredocs() {
    let df = ok("FROM a\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nCOPY <<-'CONF' /etc/app.conf\n\tkey=$v\n\tCONF\nRUN cat <<A <<B\na\nA\nb\nB\n");
    let InstructionKind::Run(r) = &df.instructions[1].kind else { panic!() };
    assert_eq!(r.heredocs[0].content, "apt-get update\napt-get install -y curl\n");
    assert!(r.heredocs[0].expand);
    assert_eq!((df.instructions[1].line, df.instructions[1].end_line), (2, 5));
    let InstructionKind::Copy(c) = &df.instructions[2].kind else { panic!() };
    assert_eq!(c.heredocs[0].name, "CONF");
    assert!(!c.heredocs[0].expand && c.heredocs[0].chomp);
    assert_eq!(c.heredocs[0].content, "key=$v\n");
    assert!(c.sources.is_empty());
    let InstructionKind::Run(r) = &df.instructions[3].kind else { panic!() };
    assert_eq!(r.heredocs.iter().map(|h| h.content.as_str()).collect::<Vec<_>>(), ["a\n", "b\n"]);
}

#[test]
fn escape_directive_and_comments() {
    let df = ok("# escape=`\nFROM busybox\nRUN echo a `\n  b\n");
    assert_eq!(df.escape, '`');
    assert_eq!(df.instructions[1].original, "RUN echo a   b");
    // A directive after a comment is only a comment.
    let df = ok("# hello\n# escape=`\nFROM busybox\nRUN echo a \\\n  b\n");
    assert_eq!(df.escape, '\\');
    assert_eq!(df.instructions[1].comments, Vec::<String>::new());
    let df = ok("FROM a\n# install\n# curl\nRUN x\n");
    assert_eq!(df.instructions[1].comments, ["install", "curl"]);
}

#[test]
fn empty_continuation_line_warns() {
    let df = ok("FROM busybox\nRUN echo a \\\n\n  b\n");
    assert_eq!(df.warnings.len(), 1);
    assert_eq!(df.warnings[0].line, 4);
    assert_eq!(df.warnings[0].short, "Empty continuation line found in: RUN echo a   b");
    assert_eq!(df.instructions[1].original, "RUN echo a   b");
}

#[test]
fn arg_healthcheck_onbuild_mounts_volume() {
    let df = ok("ARG VERSION=1.0\nARG OTHER\nFROM alpine:${VERSION}\nARG VERSION\nHEALTHCHECK --interval=30s --timeout=1m30s --retries=3 CMD curl -f http://localhost/ || exit 1\nONBUILD COPY . /app\nRUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=tok npm ci\nVOLUME [\"/data\", \"/logs\"]\nVOLUME /a /b\nHEALTHCHECK NONE\nSTOPSIGNAL SIGTERM\nMAINTAINER me\n");
    let globals: Vec<_> = df.global_args().iter().map(|a| (a.name.clone(), a.default.clone())).collect();
    assert_eq!(globals, [("VERSION".to_string(), Some("1.0".to_string())), ("OTHER".to_string(), None)]);
    assert_eq!(df.stages().len(), 1);
    let InstructionKind::Healthcheck(Healthcheck::Cmd(h)) = &df.instructions[4].kind else { panic!() };
    assert_eq!((h.interval, h.timeout, h.retries), (30_000_000_000, 90_000_000_000, 3));
    assert_eq!(h.test(), ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]);
    let InstructionKind::Onbuild(o) = &df.instructions[5].kind else { panic!() };
    assert_eq!(o.expression, "COPY . /app");
    assert!(matches!(o.inner.as_deref().map(|i| &i.kind), Some(InstructionKind::Copy(_))));
    let InstructionKind::Run(r) = &df.instructions[6].kind else { panic!() };
    assert_eq!(r.mounts.len(), 2);
    assert_eq!((r.mounts[0].kind, r.mounts[0].target.as_deref()), (MountKind::Cache, Some("/root/.npm")));
    assert_eq!((r.mounts[1].kind, r.mounts[1].id.as_deref()), (MountKind::Secret, Some("tok")));
    assert_eq!(r.command, CommandLine::Shell("npm ci".into()));
    assert_eq!(df.instructions[7].kind, InstructionKind::Volume(vec!["/data".into(), "/logs".into()]));
    assert_eq!(df.instructions[8].kind, InstructionKind::Volume(vec!["/a".into(), "/b".into()]));
    assert_eq!(df.instructions[9].kind, InstructionKind::Healthcheck(Healthcheck::None));
}

#[test]
fn stages_split_at_from() {
    let df = ok("FROM node:16 AS build\nRUN npm ci\nFROM node:16-alpine\nCOPY --from=build /app /app\nCMD node /app\n");
    let st = df.stages();
    assert_eq!(st.len(), 2);
    assert_eq!(st[0].name(), Some("build"));
    assert_eq!(st[1].instructions.len(), 2);
    assert_eq!(st[1].base().map(|f| f.image.as_str()), Some("node:16-alpine"));
}

#[test]
fn expansion_like_buildkit() {
    let env = env_of(&[("A", "x"), ("EMPTY", ""), ("PATHV", "/usr/local/bin:/usr/bin")]);
    let e = |w: &str| expand(w, &env, '\\').map_err(|e| e.to_string());
    assert_eq!(e("$A-${A}"), Ok("x-x".into()));
    assert_eq!(e("${NOPE:-def}|${EMPTY:-def}|${EMPTY-def}|${A:+alt}|${NOPE+alt}"), Ok("def|def||alt|".into()));
    assert_eq!(e("\"quoted $A\" 'single $A'"), Ok("quoted x single $A".into()));
    assert_eq!(e("\\$A"), Ok("$A".into()));
    assert_eq!(e("${PATHV#*:}|${PATHV##*/}|${PATHV%:*}|${PATHV%%/*}"), Ok("/usr/bin|bin|/usr/local/bin|".into()));
    assert_eq!(e("${PATHV/usr/opt}|${PATHV//usr/opt}"), Ok("/opt/local/bin:/usr/bin|/opt/local/bin:/opt/bin".into()));
    assert_eq!(e("${NOPE:?must be set}"), Err("NOPE: must be set".into()));
    assert_eq!(e("${EMPTY:?}"), Err("EMPTY: is not allowed to be empty".into()));
    assert_eq!(e("${NOPE?}"), Err("NOPE: is not allowed to be unset".into()));
    // Checked with Docker 28.5: `ENV A=${B` fails with `failed to process "${B": unsupported modifier (U+FFFD) in substitution`.
    assert_eq!(e("${A"), Err("unsupported modifier (\u{fffd}) in substitution".into()));
    assert_eq!(e("${A:-x"), Err("syntax error: missing '}'".into()));
    assert_eq!(e("${}"), Err("syntax error: bad substitution".into()));
    assert_eq!(e("${A:#x}"), Err("unsupported modifier (:#) in substitution".into()));
    assert_eq!(e("'open"), Err("unexpected end of statement while looking for matching single-quote".into()));
    assert_eq!(e("\"open"), Err("unexpected end of statement while looking for matching double-quote".into()));
    assert_eq!(e("${A:-${NOPE:-inner}}"), Ok("x".into()));
    assert_eq!(e("${NOPE:-${A}y}"), Ok("xy".into()));
    assert_eq!(expand("`$A", &env, '`').map_err(|e| e.to_string()), Ok("$A".into()));
    assert_eq!(expand_words("a \"b c\" $A", &env, '\\').map_err(|e| e.to_string()), Ok(vec!["a".into(), "b c".into(), "x".into()]));
}

#[test]
fn highlight_classes() {
    let text = "# syntax=docker/dockerfile:1\n# base\nFROM node:20 AS build\nCOPY --from=build \"$APP\" /app\nRUNN x\nRUN <<EOF\necho hi\nEOF\n";
    let toks: Vec<(&str, TokenClass)> = highlight(text).iter().map(|t| (text.get(t.span.start..t.span.end).unwrap_or("?"), t.class)).collect();
    use TokenClass::*;
    assert_eq!(
        toks,
        [
            ("# syntax=docker/dockerfile:1", Directive),
            ("# base", Comment),
            ("FROM", Keyword),
            ("node:20", Image),
            ("build", StageName),
            ("COPY", Keyword),
            ("--from=build", Flag),
            ("\"$APP\"", String),
            ("RUNN", Error),
            ("RUN", Keyword),
            ("<<EOF", Heredoc),
            ("echo hi", Heredoc),
            ("EOF", Heredoc),
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn parse_and_highlight_never_panic(text in "(?s)(FROM|RUN|COPY|ENV|ARG|ONBUILD|HEALTHCHECK|CMD|#|<<|[ \\\\`\"'$={}\\[\\],:\n\t-]|[a-z]{1,4}|--mount=|--from=){0,40}") {
        let r = parse(&text);
        if let Err(e) = &r {
            prop_assert!(e.span.start <= e.span.end && e.span.end <= text.len());
            prop_assert!(!e.to_string().is_empty());
        }
        if let Ok(df) = &r {
            for i in &df.instructions {
                prop_assert!(i.span.end <= text.len() && text.is_char_boundary(i.span.start) && text.is_char_boundary(i.span.end));
                prop_assert!(i.line <= i.end_line);
            }
        }
        let toks = highlight(&text);
        let mut last = 0;
        for t in toks {
            prop_assert!(t.span.start >= last && t.span.start < t.span.end && t.span.end <= text.len());
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            last = t.span.end;
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        let _ = parse(&text);
        let _ = highlight(&text);
        let none = |_: &str| None;
        let _ = expand(&text, &none, '\\');
        let _ = expand_words(&text, &none, '`');
    }

    #[test]
    fn expand_never_panics(word in "([$]|[{}:?+#%/*-]|[A-Z]|[\"'\\\\ ]|x){0,40}") {
        let env = |k: &str| (k == "A").then(|| "a/b/c".to_string());
        let _ = expand(&word, &env, '\\');
    }

    /// Words without special characters expand to themselves.
    #[test]
    fn plain_words_are_unchanged(word in "[a-zA-Z0-9_./:@ -]{0,30}") {
        let none = |_: &str| None;
        prop_assert_eq!(expand(&word, &none, '\\').ok(), Some(word.clone()));
    }

    /// Re-joining the instructions' original lines reparses to the same instruction kinds.
    #[test]
    fn originals_reparse(image in "[a-z]{1,8}(:[a-z0-9.]{1,5})?", cmd in "[a-z]{1,6}( [a-z0-9-]{1,6}){0,3}", key in "[A-Z]{1,5}", val in "[a-z0-9]{0,6}") {
        let text = format!("FROM {image}\nRUN {cmd} \\\n  && {cmd}\nENV {key}={val}\nCMD [\"{cmd}\"]\n");
        let df = parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let joined: String = df.instructions.iter().map(|i| format!("{}\n", i.original)).collect();
        let again = parse(&joined).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let kinds = |d: &Dockerfile| d.instructions.iter().map(|i| i.kind.clone()).collect::<Vec<_>>();
        prop_assert_eq!(kinds(&df), kinds(&again));
    }
}

/// Every Dockerfile of the linter corpus parses (leniently: some have ARG-only or pre-FROM lines),
/// and those starting with FROM or a directive parse strictly too.
#[test]
fn lint_corpus_parses() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint_corpus");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "Dockerfile") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let df = parse_lenient(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!df.instructions.is_empty());
        let first_not_arg = df.instructions.iter().find(|i| !matches!(i.kind, InstructionKind::Arg(_)));
        if first_not_arg.is_some_and(|i| matches!(i.kind, InstructionKind::From(_))) {
            assert!(parse(&text).is_ok(), "{}", path.display());
        }
        n += 1;
    }
    assert!(n >= 60, "{n}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The linter never panics and its findings point inside the text.
    #[test]
    fn lint_never_panics(text in "(?s)(FROM [a-z:$.@/]{0,12}( AS [a-z]{1,3})?\n|RUN |apt-get install |apk add |pip install |npm install |sudo |cd |[|&;()`$\"' \\\\\n-]|[a-z=.]{1,5}|USER root\n|WORKDIR [a-z/]{0,4}\n|COPY . [a-z./]{0,4}\n|ONBUILD |SHELL [\"bash\",\"-o\",\"pipefail\"]\n|ENV [A-Z_]{1,8}=x\n){0,30}") {
        for f in crate::lint::lint(&text) {
            prop_assert!(f.span.end <= text.len() && f.line >= 1);
        }
    }
}
