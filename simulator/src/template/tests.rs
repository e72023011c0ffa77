//! Exact-output tests of the template engine against Go's `text/template` behaviour.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;

fn data() -> Value {
    json!({
        "Name": "web",
        "Running": true,
        "Size": 12345,
        "Ratio": 1.5,
        "Big": 1234567.0,
        "Null": null,
        "Env": ["A=1", "B=2"],
        "Empty": [],
        "Labels": {"b": "2", "a": "1"},
        "State": {"Status": "running", "Pid": 42, "Health": null},
        "Mixed": [1, "x", null, {"k": true}]
    })
}

fn run(src: &str) -> String {
    run_with(src, &ExecOptions::default())
}

fn run_with(src: &str, opts: &ExecOptions) -> String {
    match parse(src) {
        Ok(t) => match t.execute_with(&data(), opts) {
            Ok(s) => s,
            Err(e) => format!("EXEC {e}"),
        },
        Err(e) => format!("PARSE {e}"),
    }
}

#[test]
fn fields_and_printing() {
    assert_eq!(run("{{.Name}}"), "web");
    assert_eq!(run("name={{.Name}}!"), "name=web!");
    assert_eq!(run("{{.State.Status}} {{.State.Pid}}"), "running 42");
    assert_eq!(run("{{.Missing}}"), "<no value>");
    assert_eq!(run("{{.Missing.Deeper}}"), "<no value>");
    assert_eq!(run("{{.Null}}"), "<no value>");
    assert_eq!(run("{{.Env}}"), "[A=1 B=2]");
    assert_eq!(run("{{.Empty}}"), "[]");
    assert_eq!(run("{{.Labels}}"), "map[a:1 b:2]");
    assert_eq!(run("{{.Mixed}}"), "[1 x <nil> map[k:true]]");
    assert_eq!(run("{{.Size}} {{.Ratio}} {{.Big}} {{.Running}}"), "12345 1.5 1.234567e+06 true");
    assert!(run("{{.}}").starts_with("map[Big:1.234567e+06 Empty:[] Env:[A=1 B=2]"));
    assert_eq!(run("{{$}}"), run("{{.}}"));
}

#[test]
fn literals() {
    assert_eq!(run("{{'a'}} {{1.5}} {{0x10}} {{1e3}} {{-3}} {{017}} {{1_000}}"), "97 1.5 16 1000 -3 15 1000");
    assert_eq!(run("{{\"a\\tb\"}}|{{`x\\n`}}|{{true}}"), "a\tb|x\\n|true");
    assert_eq!(run("{{1.0}}"), "1");
}

#[test]
fn pipelines_and_functions() {
    assert_eq!(run("{{.Name | upper}}"), "WEB");
    assert_eq!(run("{{upper .Name}}"), "WEB");
    assert_eq!(run("{{.Name | printf \"%q\"}}"), "\"web\"");
    assert_eq!(run("{{printf \"%s-%d\" .Name 3}}"), "web-3");
    assert_eq!(run("{{printf \"%d\" .Size}}"), "12345");
    assert_eq!(run("{{printf \"%5.1f|\" .Ratio}}"), "  1.5|");
    assert_eq!(run("{{len .Env}} {{len .Name}} {{len .Labels}}"), "2 3 2");
    assert_eq!(run("{{index .Env 1}} {{index .Labels \"a\"}}"), "B=2 1");
    assert_eq!(run("{{index .Env 0 | len}}"), "3");
    assert_eq!(run("{{join .Env \",\"}}"), "A=1,B=2");
    assert_eq!(run("{{split \"a:b\" \":\"}}"), "[a b]");
    assert_eq!(run("{{join (split \"a:b:c\" \":\") \"-\"}}"), "a-b-c");
    assert_eq!(run("{{title \"hello world\"}} {{lower \"ABC\"}}"), "Hello World abc");
    assert_eq!(run("[{{pad .Name 1 2}}]"), "[ web  ]");
    assert_eq!(run("{{truncate .Name 2}}"), "we");
    assert_eq!(run("{{json .}}"), r#"{"Name":"web","Running":true,"Size":12345,"Ratio":1.5,"Big":1234567,"Null":null,"Env":["A=1","B=2"],"Empty":[],"Labels":{"b":"2","a":"1"},"State":{"Status":"running","Pid":42,"Health":null},"Mixed":[1,"x",null,{"k":true}]}"#);
    assert_eq!(run("{{json .Name}} {{json .Missing}} {{json .Env}}"), r#""web" null ["A=1","B=2"]"#);
    assert_eq!(run("{{(index .Env 0)}} {{(.State).Status}}"), "A=1 running");
    assert_eq!(run("{{slice \"abcdef\" 1 3}} {{slice .Env 1}}"), "bc [B=2]");
    assert_eq!(run("{{print 1 2 \"a\" 3}}|{{println \"a\" 1}}|"), "1 2a3|a 1\n|");
    assert_eq!(run("{{not .Running}} {{and 1 0 2}} {{or 0 \"\" \"x\"}} {{or .Missing \"default\"}}"), "false 0 x default");
    assert_eq!(run("{{lt 1 2}} {{le 2 2}} {{gt 1 2}} {{ge \"b\" \"a\"}} {{ne .Name \"web\"}}"), "true true false true false");
    assert_eq!(run("{{eq .State.Pid 42}} {{eq .Name \"x\" \"web\"}}"), "true true");
    assert_eq!(run("{{html \"<a>\"}} {{js \"it's\"}} {{urlquery \"a b\"}}"), "&lt;a&gt; it\\'s a+b");
    assert_eq!(run("{{print .Missing}} {{print .Null}}"), "<nil> <nil>");
}

#[test]
fn control_structures() {
    assert_eq!(run("{{if .Running}}up{{else}}down{{end}}"), "up");
    assert_eq!(run("{{if .Missing}}up{{else}}down{{end}}"), "down");
    assert_eq!(
        run("{{if eq .State.Status \"exited\"}}E{{else if eq .State.Status \"running\"}}R{{else}}?{{end}}"),
        "R"
    );
    assert_eq!(run("{{with .State}}{{.Status}}{{end}}"), "running");
    assert_eq!(run("{{with .Missing}}x{{else}}y{{end}}"), "y");
    assert_eq!(run("{{with .Missing}}x{{else with .Name}}{{.}}{{end}}"), "web");
    assert_eq!(run("{{range .Env}}{{.}},{{end}}"), "A=1,B=2,");
    assert_eq!(run("{{range $i, $e := .Env}}{{$i}}={{$e}} {{end}}"), "0=A=1 1=B=2 ");
    assert_eq!(run("{{range $k, $v := .Labels}}{{$k}}={{$v}};{{end}}"), "a=1;b=2;");
    assert_eq!(run("{{range .Labels}}{{.}}{{end}}"), "12");
    assert_eq!(run("{{range .Empty}}x{{else}}none{{end}}"), "none");
    assert_eq!(run("{{range .Missing}}x{{else}}none{{end}}"), "none");
    assert_eq!(run("{{range 3}}{{.}}{{end}}"), "012");
    assert_eq!(run("{{range $i, $e := .Env}}{{if eq $i 1}}{{break}}{{end}}{{$e}}{{end}}"), "A=1");
    assert_eq!(run("{{range .Env}}{{if eq . \"A=1\"}}{{continue}}{{end}}{{.}}{{end}}"), "B=2");
    assert_eq!(run("{{range .Env}}{{$.Name}}{{end}}"), "webweb");
}

#[test]
fn variables_and_trimming() {
    assert_eq!(run("{{$x := .Name}}{{$x}}"), "web");
    assert_eq!(run("{{$x := 1}}{{$x = 2}}{{$x}}"), "2");
    assert_eq!(run("{{$x := 1}}{{if true}}{{$x = 3}}{{end}}{{$x}}"), "3");
    assert_eq!(run("{{- \"a\" -}}   \n {{\"b\"}}"), "ab");
    assert_eq!(run("a  {{- /* c */ -}}  b"), "ab");
    assert_eq!(run("{{/* comment */}}x"), "x");
    assert_eq!(run("x\n{{- .Name}}\n"), "xweb\n");
}

#[test]
fn define_template_block() {
    assert_eq!(run("{{define \"x\"}}[{{.}}]{{end}}{{template \"x\" .Name}}"), "[web]");
    assert_eq!(run("{{block \"b\" .Name}}<{{.}}>{{end}}"), "<web>");
    assert_eq!(run("{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}"), "EXEC template: :1:25: executing \"r\" at <{{template \"r\" .}}>: exceeded maximum template depth (100)");
}

#[test]
fn parse_errors() {
    assert_eq!(run("{{ .ID }"), "PARSE template: :1: unexpected \"}\" in operand");
    assert_eq!(run("{{.ID}"), "PARSE template: :1: bad character U+007D '}'");
    assert_eq!(run("{{.ID"), "PARSE template: :1: unclosed action");
    assert_eq!(run("{{foo}}"), "PARSE template: :1: function \"foo\" not defined");
    assert_eq!(run("{{if .A}}x"), "PARSE template: :1: unexpected EOF");
    assert_eq!(run("{{end}}"), "PARSE template: :1: unexpected {{end}}");
    assert_eq!(run("{{else}}"), "PARSE template: :1: unexpected {{else}}");
    assert_eq!(run("{{}}"), "PARSE template: :1: missing value for command");
    assert_eq!(run("{{if}}{{end}}"), "PARSE template: :1: missing value for if");
    assert_eq!(run("{{$x}}"), "PARSE template: :1: undefined variable \"$x\"");
    assert_eq!(run("{{range .A}}{{end}}{{break}}"), "PARSE template: :1: {{break}} outside {{range}}");
    assert_eq!(run("{{.A | \"x\"}}"), "PARSE template: :1: non executable command in pipeline stage 2");
    assert_eq!(run("{{\"x\".A}}"), "PARSE template: :1: unexpected . after term \"\\\"x\\\"\"");
    assert_eq!(run("line1\n{{.A"), "PARSE template: :2: unclosed action");
    assert_eq!(run("{{.A\n\n"), "PARSE template: :3: unclosed action started at :1");
    assert_eq!(run("{{.A\n\n)}}"), "PARSE template: :3: unexpected right paren in action started at :1");
    assert_eq!(run("{{(.A}}"), "PARSE template: :1: unclosed left paren");
    assert_eq!(run("{{with $x := 1}}{{end}}{{$x}}"), "PARSE template: :1: undefined variable \"$x\"");
    assert_eq!(run("{{range $a, $b, $c := .}}{{end}}"), "PARSE template: :1: too many declarations in range");
    assert_eq!(run("{{if .A}}{{else}}{{else}}{{end}}"), "PARSE template: :1: expected end; found {{else}}");
    assert_eq!(run("{{\"\\q\"}}"), "PARSE template: :1: invalid syntax");
    assert_eq!(run("{{3 4 | 5}}"), "PARSE template: :1: non executable command in pipeline stage 2");
    assert_eq!(run("{{|}}"), "PARSE template: :1: unexpected \"|\" in command");
    assert_eq!(run("{{.Name | }}"), "web");
}

#[test]
fn exec_errors() {
    let inspect = ExecOptions::inspect();
    assert_eq!(
        run_with("{{.Foo}}", &inspect),
        "EXEC template: :1:2: executing \"\" at <.Foo>: map has no entry for key \"Foo\""
    );
    assert_eq!(
        run_with("{{.State.Foo}}", &inspect),
        "EXEC template: :1:8: executing \"\" at <.State.Foo>: map has no entry for key \"Foo\""
    );
    assert_eq!(run_with("{{.State.Status}}", &inspect), "running");
    assert_eq!(
        run("{{.State.Health.Status}}"),
        "EXEC template: :1:8: executing \"\" at <.State.Health.Status>: nil pointer evaluating interface {}.Status"
    );
    assert_eq!(
        run("{{.Name.Foo}}"),
        "EXEC template: :1:7: executing \"\" at <.Name.Foo>: can't evaluate field Foo in type interface {}"
    );
    assert_eq!(
        run("{{$n := .Name}}{{$n.Foo}}"),
        "EXEC template: :1:19: executing \"\" at <$n.Foo>: can't evaluate field Foo in type string"
    );
    let ps = ExecOptions::for_struct("*formatter.ContainerContext");
    assert_eq!(
        run_with("{{.Foo}}", &ps),
        "EXEC template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type *formatter.ContainerContext"
    );
    assert_eq!(
        run("{{index .Env 5}}"),
        "EXEC template: :1:2: executing \"\" at <index .Env 5>: error calling index: index out of range: 5"
    );
    assert_eq!(run("{{len 3}}"), "EXEC template: :1:2: executing \"\" at <len 3>: error calling len: len of type int");
    assert_eq!(run("{{json}}"), "EXEC template: :1:2: executing \"\" at <json>: wrong number of args for json: want 1 got 0");
    assert_eq!(run("{{upper 3}}"), "EXEC template: :1:8: executing \"\" at <3>: expected string; found 3");
    assert_eq!(
        run("{{.Size | upper}}"),
        "EXEC template: :1:10: executing \"\" at <upper>: wrong type for value; expected string; got int64"
    );
    assert_eq!(
        run("{{range .Name}}x{{end}}"),
        "EXEC template: :1:8: executing \"\" at <.Name>: range can't iterate over web"
    );
    assert_eq!(run("{{nil}}"), "EXEC template: :1:2: executing \"\" at <nil>: nil is not a command");
    assert_eq!(
        run("{{template \"nope\"}}"),
        "EXEC template: :1:11: executing \"\" at <{{template \"nope\"}}>: template \"nope\" not defined"
    );
    assert_eq!(
        run("{{eq \"a\" 1}}"),
        "EXEC template: :1:2: executing \"\" at <eq \"a\" 1>: error calling eq: incompatible types for comparison: string and int"
    );
    assert_eq!(
        run("{{.Name 1}}"),
        "EXEC template: :1:2: executing \"\" at <.Name>: Name is not a method but has arguments"
    );
    assert_eq!(
        run("{{truncate .Name -1}}"),
        "EXEC template: :1:2: executing \"\" at <truncate .Name -1>: error calling truncate: runtime error: slice bounds out of range [:-1]"
    );
    assert_eq!(run("{{1 2}}"), "EXEC template: :1:2: executing \"\" at <1>: can't give argument to non-function 1");
    assert_eq!(
        run("line\n  {{.Missing | upper}}"),
        "EXEC template: :2:15: executing \"\" at <upper>: invalid value; expected string"
    );
}

#[test]
fn partial_output_is_kept_on_error() {
    let t = parse("a{{.Name}}b{{len 3}}c").ok();
    let mut out = String::new();
    let result = t.map(|t| t.execute_into(&data(), &ExecOptions::default(), &mut out));
    assert!(matches!(result, Some(Err(_))));
    assert_eq!(out, "awebb");
}

#[test]
fn struct_label_method() {
    let row = json!({"ID": "abc", "Label": {"com.example": "yes"}});
    let t = parse("{{.ID}} {{.Label \"com.example\"}} [{{.Label \"missing\"}}]").ok();
    let out = t.and_then(|t| t.execute_with(&row, &ExecOptions::for_struct("*formatter.ContainerContext")).ok());
    assert_eq!(out.as_deref(), Some("abc yes []"));
    let t = parse("{{json .}}").ok();
    let out = t.and_then(|t| t.execute_with(&row, &ExecOptions::for_struct("*formatter.ContainerContext")).ok());
    assert_eq!(out.as_deref(), Some(r#"{"ID":"abc"}"#));
}

#[test]
fn limits_stop_runaway_templates() {
    let t = parse("{{range 100000000}}x{{end}}").ok();
    let err = t.map(|t| t.execute(&Value::Null));
    assert!(matches!(err, Some(Err(TemplateError { kind: TemplateErrorKind::Limit, .. }))), "{err:?}");
    let t = parse("{{range 10000}}{{pad \"x\" 1000 0}}{{end}}").ok();
    let err = t.map(|t| t.execute(&Value::Null));
    assert!(matches!(err, Some(Err(TemplateError { kind: TemplateErrorKind::Limit, .. }))), "{err:?}");
    let deep = format!("{}1{}", "(".repeat(200), ")".repeat(200));
    assert_eq!(run(&format!("{{{{{deep}}}}}")), "PARSE template: :1: max expression depth exceeded");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn parse_and_execute_never_panic(src in "\\PC{0,60}") {
        if let Ok(t) = parse(&src) {
            let _ = t.execute(&data());
            let _ = t.execute_with(&data(), &ExecOptions::inspect());
        }
    }

    #[test]
    fn template_like_input_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("{{"), Just("}}"), Just("{{-"), Just("-}}"), Just(" "), Just(".Name"), Just(".Env"),
                Just("$x"), Just(":="), Just("|"), Just("("), Just(")"), Just("if"), Just("else"), Just("end"),
                Just("range"), Just("with"), Just("break"), Just("len"), Just("index"), Just("printf"),
                Just("\"%s\""), Just("1"), Just("-1"), Just("'a'"), Just("json"), Just("pad"), Just("slice"),
                Just("/*"), Just("*/"), Just("define"), Just("template"), Just("\"t\""), Just("."), Just("$"),
                Just("eq"), Just("and"), Just("nil"), Just("true"), Just("`r`"), Just("\n"), Just(","),
            ],
            0..30,
        )
    ) {
        let src: String = parts.concat();
        if let Ok(t) = parse(&src) {
            let _ = t.execute(&data());
            let _ = t.execute_with(&data(), &ExecOptions { header_funcs: true, ..ExecOptions::default() });
        }
    }

    #[test]
    fn printf_never_panics(fmt in "\\PC{0,30}", n in any::<i64>(), f in any::<f64>(), s in "\\PC{0,10}") {
        let src = format!("{{{{printf {} {} {} \"\" .Name}}}}", crate::format::go_quote(&fmt), n, crate::format::go_quote(&s));
        if let Ok(t) = parse(&src) {
            let _ = t.execute(&data());
        }
        let src = format!("{{{{printf {} {:?}}}}}", crate::format::go_quote(&fmt), f);
        if let Ok(t) = parse(&src) {
            let _ = t.execute(&data());
        }
    }
}
