//! End-to-end tests of the shell: lines in, exact output out, with a mock [`Programs`].

use proptest::prelude::*;

use super::mock::Mock;
use super::*;
use crate::events::Event;

/// Runs lines in one session and renders them as a transcript (`$ line`, output, `[exit N]`).
fn session(mock: &mut Mock, lines: &[&str]) -> String {
    let mut state = ShellState::new();
    transcript(&mut state, mock, lines)
}

fn transcript(state: &mut ShellState, mock: &mut Mock, lines: &[&str]) -> String {
    let mut text = String::new();
    for line in lines {
        let out = run_line(line, state, mock);
        text.push_str(&format!("$ {line}\n{}[exit {}]\n", out.combined(), out.exit_code));
    }
    text
}

/// The output and exit code of one line in a fresh shell.
fn one(line: &str) -> (String, i32) {
    let mut mock = Mock::new();
    let out = run_line(line, &mut ShellState::new(), &mut mock);
    (out.combined(), out.exit_code)
}

fn stdout_of(line: &str) -> String {
    let mut mock = Mock::new().with_file("a.txt", "hello world\nfoo\n");
    run_line(line, &mut ShellState::new(), &mut mock).stdout()
}

#[test]
fn echo_and_quoting() {
    assert_eq!(one("echo hello   world"), ("hello world\n".into(), 0));
    assert_eq!(one("echo 'a  b' \"c  d\" e\\ \\ f"), ("a  b c  d e  f\n".into(), 0));
    assert_eq!(one("echo \"say \\\"hi\\\" \\$HOME \\\\ \\n\""), ("say \"hi\" $HOME \\ \\n\n".into(), 0));
    assert_eq!(one("echo -n no newline"), ("no newline".into(), 0));
    assert_eq!(one("echo -e 'a\\tb\\nc'"), ("a\tb\nc\n".into(), 0));
    assert_eq!(one("echo -e 'stop\\chere'"), ("stop".into(), 0));
    assert_eq!(one("echo -x -n"), ("-x -n\n".into(), 0));
    assert_eq!(one("echo $'tab\\there'"), ("tab\there\n".into(), 0));
    assert_eq!(one("echo"), ("\n".into(), 0));
    assert_eq!(one("echo a#b # comment"), ("a#b\n".into(), 0));
}

#[test]
fn variables_and_expansion() {
    let mut mock = Mock::new();
    let text = session(
        &mut mock,
        &[
            "X=1; echo $X ${X} \"$X\" '$X'",
            "echo ${NOPE:-default value} ${X:+set} ${NOPE-unset} [${NOPE}]",
            "echo ${Y:=assigned} $Y",
            "NAME=web; echo ${#NAME} ${NAME}-1 $NAME_1.",
            "F=archive.tar.gz; echo ${F%.gz} ${F%%.*} ${F#*.} ${F##*.}",
            "echo $HOME $USER $SHELL $PWD",
            "echo $((2 + 3 * 4)) $((X + 1))",
            "echo $? $$ $0",
            "false; echo $?",
            "echo ~ ~/app a~",
        ],
    );
    assert_eq!(
        text,
        "$ X=1; echo $X ${X} \"$X\" '$X'\n1 1 1 $X\n[exit 0]\n\
         $ echo ${NOPE:-default value} ${X:+set} ${NOPE-unset} [${NOPE}]\ndefault value set unset []\n[exit 0]\n\
         $ echo ${Y:=assigned} $Y\nassigned assigned\n[exit 0]\n\
         $ NAME=web; echo ${#NAME} ${NAME}-1 $NAME_1.\n3 web-1 .\n[exit 0]\n\
         $ F=archive.tar.gz; echo ${F%.gz} ${F%%.*} ${F#*.} ${F##*.}\narchive.tar archive tar.gz gz\n[exit 0]\n\
         $ echo $HOME $USER $SHELL $PWD\n/home/estudiante estudiante /bin/bash /home/estudiante\n[exit 0]\n\
         $ echo $((2 + 3 * 4)) $((X + 1))\n14 2\n[exit 0]\n\
         $ echo $? $$ $0\n0 1042 bash\n[exit 0]\n\
         $ false; echo $?\n1\n[exit 0]\n\
         $ echo ~ ~/app a~\n/home/estudiante /home/estudiante/app a~\n[exit 0]\n"
    );
}

#[test]
fn expansion_errors_stop_the_line() {
    assert_eq!(one("echo ${x:?oops}; echo after"), ("bash: x: oops\n".into(), 1));
    assert_eq!(one("echo ${x:?}"), ("bash: x: parameter null or not set\n".into(), 1));
    assert_eq!(one("echo ${a b}; echo after"), ("bash: ${a b}: bad substitution\n".into(), 1));
    assert_eq!(one("echo $((1/0))"), ("bash: 1/0: division by 0 (error token is \"0\")\n".into(), 1));
    assert_eq!(one("echo $((1+))"), ("bash: 1+: syntax error: operand expected (error token is \"+\")\n".into(), 1));
}

#[test]
fn word_splitting_of_unquoted_expansions() {
    let mut mock = Mock::new();
    let text = session(&mut mock, &["X='a   b'; docker $X \"$X\"", "E=; docker run $E \"$E\" x", "docker ${X:-p q} \"${NOPE:-p q}\""]);
    assert_eq!(
        text,
        "$ X='a   b'; docker $X \"$X\"\nargv=[docker|a|b|a   b]\n[exit 0]\n\
         $ E=; docker run $E \"$E\" x\nargv=[docker|run||x]\n[exit 0]\n\
         $ docker ${X:-p q} \"${NOPE:-p q}\"\nargv=[docker|a|b|p q]\n[exit 0]\n"
    );
}

#[test]
fn command_substitution() {
    let mut mock = Mock::new();
    let text = session(
        &mut mock,
        &[
            "echo \"[$(echo hi)]\" [`echo there`]",
            "docker rm -f $(printf 'id1\\nid2\\n\\n')",
            "echo $(echo $(echo nested))",
            "X=$(false); echo $?",
            "echo $(exit 3) $?",
            "echo $(echo out; echo err >&2) done",
            "echo \"$(printf 'a\\nb')\"",
            "echo $(cd /home/estudiante/..; X=changed); echo ${X:-kept}",
        ],
    );
    assert_eq!(
        text,
        "$ echo \"[$(echo hi)]\" [`echo there`]\n[hi] [there]\n[exit 0]\n\
         $ docker rm -f $(printf 'id1\\nid2\\n\\n')\nargv=[docker|rm|-f|id1|id2]\n[exit 0]\n\
         $ echo $(echo $(echo nested))\nnested\n[exit 0]\n\
         $ X=$(false); echo $?\n1\n[exit 0]\n\
         $ echo $(exit 3) $?\n3\n[exit 0]\n\
         $ echo $(echo out; echo err >&2) done\nerr\nout done\n[exit 0]\n\
         $ echo \"$(printf 'a\\nb')\"\na\nb\n[exit 0]\n\
         $ echo $(cd /home/estudiante/..; X=changed); echo ${X:-kept}\n\nkept\n[exit 0]\n"
    );
}

#[test]
fn and_or_semicolon_and_negation() {
    assert_eq!(one("true && echo yes || echo no"), ("yes\n".into(), 0));
    assert_eq!(one("false && echo yes || echo no"), ("no\n".into(), 0));
    assert_eq!(one("false; echo next"), ("next\n".into(), 0));
    assert_eq!(one("echo a; false"), ("a\n".into(), 1));
    assert_eq!(one("false || false"), (String::new(), 1));
    assert_eq!(one("! false"), (String::new(), 0));
    assert_eq!(one("! true; echo $?"), ("1\n".into(), 0));
    assert_eq!(one("fail && echo never"), ("fail: it failed\n".into(), 3));
    assert_eq!(one("nope || echo fallback"), ("bash: nope: command not found\nfallback\n".into(), 0));
}

#[test]
fn pipelines() {
    let mut mock = Mock::new();
    let text = session(
        &mut mock,
        &[
            "echo secret | docker login --password-stdin",
            "printf 'b\\na\\nb\\n' | sort | uniq -c",
            "false | true; echo $?",
            "echo x | fail | cat",
            "X=5 | cat; echo \"[$X]\"",
            "cd .. | true; pwd",
            "fail 2>&1 | grep -c failed",
            "fail |& cat",
        ],
    );
    assert_eq!(
        text,
        "$ echo secret | docker login --password-stdin\nargv=[docker|login|--password-stdin]\nstdin=[secret\n]\n[exit 0]\n\
         $ printf 'b\\na\\nb\\n' | sort | uniq -c\n      1 a\n      2 b\n[exit 0]\n\
         $ false | true; echo $?\n0\n[exit 0]\n\
         $ echo x | fail | cat\nfail: it failed\n[exit 0]\n\
         $ X=5 | cat; echo \"[$X]\"\n[]\n[exit 0]\n\
         $ cd .. | true; pwd\n/home/estudiante\n[exit 0]\n\
         $ fail 2>&1 | grep -c failed\n1\n[exit 0]\n\
         $ fail |& cat\nfail: it failed\n[exit 0]\n"
    );
}

#[test]
fn redirections_to_the_project_folder() {
    let mut mock = Mock::new();
    let text = session(
        &mut mock,
        &[
            "echo one > notes.txt; echo two >> notes.txt; cat notes.txt",
            "fail 2>/dev/null; echo $?",
            "fail 2> err.log; cat err.log",
            "{ fail; echo ok; } 2>/dev/null",
            "fail > all.log 2>&1; cat all.log",
            "fail 2>&1 > only-out.log; cat only-out.log",
            "docker ps &> both.log; cat both.log",
            "cat < notes.txt",
            "> empty.txt; wc -c empty.txt",
            "echo hi > /dev/null",
            "echo err >&2",
            "cat <<< 'here string'",
        ],
    );
    assert_eq!(
        text,
        "$ echo one > notes.txt; echo two >> notes.txt; cat notes.txt\none\ntwo\n[exit 0]\n\
         $ fail 2>/dev/null; echo $?\n3\n[exit 0]\n\
         $ fail 2> err.log; cat err.log\nfail: it failed\n[exit 0]\n\
         $ { fail; echo ok; } 2>/dev/null\nok\n[exit 0]\n\
         $ fail > all.log 2>&1; cat all.log\nfail: it failed\n[exit 0]\n\
         $ fail 2>&1 > only-out.log; cat only-out.log\nfail: it failed\n[exit 0]\n\
         $ docker ps &> both.log; cat both.log\nargv=[docker|ps]\n[exit 0]\n\
         $ cat < notes.txt\none\ntwo\n[exit 0]\n\
         $ > empty.txt; wc -c empty.txt\n0 empty.txt\n[exit 0]\n\
         $ echo hi > /dev/null\n[exit 0]\n\
         $ echo err >&2\nerr\n[exit 0]\n\
         $ cat <<< 'here string'\nhere string\n[exit 0]\n"
    );
    assert_eq!(mock.project.files.get("notes.txt").map(String::as_str), Some("one\ntwo\n"));
    assert_eq!(mock.project.files.get("only-out.log").map(String::as_str), Some(""));
}

#[test]
fn redirection_errors() {
    let mut mock = Mock::new().with_file("a.txt", "x");
    let text = session(
        &mut mock,
        &[
            "cat < nope",
            "echo > nodir/x",
            "echo > .",
            "echo > a.txt/x",
            "X=\"a b\"; echo > $X",
            "echo a >&3",
            "echo > /etc/passwd",
        ],
    );
    assert_eq!(
        text,
        "$ cat < nope\nbash: nope: No such file or directory\n[exit 1]\n\
         $ echo > nodir/x\nbash: nodir/x: No such file or directory\n[exit 1]\n\
         $ echo > .\nbash: .: Is a directory\n[exit 1]\n\
         $ echo > a.txt/x\nbash: a.txt/x: Not a directory\n[exit 1]\n\
         $ X=\"a b\"; echo > $X\nbash: $X: ambiguous redirect\n[exit 1]\n\
         $ echo a >&3\nbash: 3: Bad file descriptor\n[exit 1]\n\
         $ echo > /etc/passwd\nbash: /etc/passwd: Permission denied\n[exit 1]\n"
    );
}

#[test]
fn heredocs_write_files() {
    let mut mock = Mock::new();
    let mut state = ShellState::new();
    let line = "IMG=nginx; cat > Dockerfile <<EOF\nFROM $IMG:latest\nCOPY . /usr/share/nginx/html\nEOF";
    assert!(!needs_more_input(line));
    assert!(needs_more_input("cat > Dockerfile <<EOF\nFROM nginx"));
    let out = run_line(line, &mut state, &mut mock);
    assert_eq!((out.combined(), out.exit_code), (String::new(), 0));
    assert_eq!(
        mock.project.files.get("Dockerfile").map(String::as_str),
        Some("FROM nginx:latest\nCOPY . /usr/share/nginx/html\n")
    );
    let out = run_line("cat <<'X'\n$HOME\nX", &mut state, &mut mock);
    assert_eq!(out.stdout(), "$HOME\n");
    let out = run_line("cat <<EOF\nunfinished", &mut state, &mut mock);
    assert_eq!(
        out.combined(),
        "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\nunfinished\n"
    );
}

#[test]
fn assignments_prefixing_commands() {
    let mut mock = Mock::new();
    let text = session(&mut mock, &["X=1 docker run", "echo \"[$X]\"", "export Y=2; X=3 Y=4 docker ps; docker ps"]);
    assert_eq!(
        text,
        "$ X=1 docker run\nargv=[docker|run]\nenv={\"X\": \"1\"}\n[exit 0]\n\
         $ echo \"[$X]\"\n[]\n[exit 0]\n\
         $ export Y=2; X=3 Y=4 docker ps; docker ps\nargv=[docker|ps]\nenv={\"X\": \"3\", \"Y\": \"4\"}\nargv=[docker|ps]\nenv={\"Y\": \"2\"}\n[exit 0]\n"
    );
}

#[test]
fn export_unset_and_env() {
    let mut mock = Mock::new();
    let text = session(
        &mut mock,
        &[
            "export",
            "X=local; docker ps",
            "export X; docker ps",
            "export Q='say \"hi\" $5'; export | grep Q",
            "export NEW; export | grep NEW",
            "export 1x=2",
            "unset X Q; docker ps; echo \"[$X]\"",
            "unset 1x",
            "env | grep -c =",
            "printenv HOME USER",
            "printenv NOPE",
        ],
    );
    assert_eq!(
        text,
        "$ export\n\
         declare -x HOME=\"/home/estudiante\"\n\
         declare -x LANG=\"C.UTF-8\"\n\
         declare -x LOGNAME=\"estudiante\"\n\
         declare -x OLDPWD\n\
         declare -x PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"\n\
         declare -x PWD=\"/home/estudiante\"\n\
         declare -x SHELL=\"/bin/bash\"\n\
         declare -x SHLVL=\"1\"\n\
         declare -x TERM=\"xterm-256color\"\n\
         declare -x USER=\"estudiante\"\n[exit 0]\n\
         $ X=local; docker ps\nargv=[docker|ps]\n[exit 0]\n\
         $ export X; docker ps\nargv=[docker|ps]\nenv={\"X\": \"local\"}\n[exit 0]\n\
         $ export Q='say \"hi\" $5'; export | grep Q\ndeclare -x Q=\"say \\\"hi\\\" \\$5\"\n[exit 0]\n\
         $ export NEW; export | grep NEW\ndeclare -x NEW\n[exit 0]\n\
         $ export 1x=2\nbash: export: `1x=2': not a valid identifier\n[exit 1]\n\
         $ unset X Q; docker ps; echo \"[$X]\"\nargv=[docker|ps]\n[]\n[exit 0]\n\
         $ unset 1x\n[exit 0]\n\
         $ env | grep -c =\n9\n[exit 0]\n\
         $ printenv HOME USER\n/home/estudiante\nestudiante\n[exit 0]\n\
         $ printenv NOPE\n[exit 1]\n"
    );
}

#[test]
fn set_lists_shell_and_exported_variables_by_name() {
    let mut mock = Mock::new();
    let text = session(&mut mock, &["Z=last; export A=first; B=two; set"]);
    assert_eq!(
        text,
        "$ Z=last; export A=first; B=two; set\n\
         A=first\n\
         B=two\n\
         HOME=/home/estudiante\n\
         HOSTNAME=muelle\n\
         LANG=C.UTF-8\n\
         LOGNAME=estudiante\n\
         PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n\
         PS1='\\u@\\h:\\w\\$ '\n\
         PWD=/home/estudiante\n\
         SHELL=/bin/bash\n\
         SHLVL=1\n\
         TERM=xterm-256color\n\
         USER=estudiante\n\
         Z=last\n[exit 0]\n"
    );
}

#[test]
fn export_keeps_values_with_spaces_whole() {
    let mut mock = Mock::new();
    let text = session(&mut mock, &["V='a b'; export X=$V; docker ps"]);
    assert_eq!(text, "$ V='a b'; export X=$V; docker ps\nargv=[docker|ps]\nenv={\"X\": \"a b\"}\n[exit 0]\n");
}

#[test]
fn history_clear_sleep_exit() {
    let mut mock = Mock::new();
    let mut state = ShellState::new();
    let text = transcript(
        &mut state,
        &mut mock,
        &["echo a", "sleep 0.5; sleep 1s 2m", "sleep", "sleep 1x y", "history", "exit 4; echo never", "exit", "history 2"],
    );
    assert_eq!(
        text,
        "$ echo a\na\n[exit 0]\n\
         $ sleep 0.5; sleep 1s 2m\n[exit 0]\n\
         $ sleep\nsleep: missing operand\nTry 'sleep --help' for more information.\n[exit 1]\n\
         $ sleep 1x y\nsleep: invalid time interval ‘1x’\nsleep: invalid time interval ‘y’\nTry 'sleep --help' for more information.\n[exit 1]\n\
         $ history\n    1  echo a\n    2  sleep 0.5; sleep 1s 2m\n    3  sleep\n    4  sleep 1x y\n    5  history\n[exit 0]\n\
         $ exit 4; echo never\n[exit 4]\n\
         $ exit\n[exit 4]\n\
         $ history 2\n    7  exit\n    8  history 2\n[exit 0]\n"
    );
    assert_eq!(mock.slept, vec![0.5, 121.0]);
    let out = run_line("clear", &mut state, &mut mock);
    assert_eq!(out.events, vec![Event::ClearScreen]);
    assert_eq!(out.combined(), "");
    let out = run_line("   ", &mut state, &mut mock);
    assert_eq!(out.exit_code, 0);
    assert_eq!(state.history.len(), 9);
    run_line("false", &mut state, &mut mock);
    let out = run_line("# only a comment", &mut state, &mut mock);
    assert_eq!((out.combined(), out.exit_code, state.last_exit), (String::new(), 1, 1));
    assert_eq!(run_line("echo $?", &mut state, &mut mock).stdout(), "1\n");
    assert_eq!(state.history.len(), 12);
}

#[test]
fn syntax_errors_exit_2_and_are_recorded() {
    let mut mock = Mock::new();
    let mut state = ShellState::new();
    let text = transcript(&mut state, &mut mock, &["echo a && && b", "echo $?", "echo \"open", "echo a |", "echo >"]);
    assert_eq!(
        text,
        "$ echo a && && b\nbash: syntax error near unexpected token `&&'\n[exit 2]\n\
         $ echo $?\n2\n[exit 0]\n\
         $ echo \"open\nbash: unexpected EOF while looking for matching `\"'\n[exit 2]\n\
         $ echo a |\nbash: syntax error: unexpected end of file\n[exit 2]\n\
         $ echo >\nbash: syntax error near unexpected token `newline'\n[exit 2]\n"
    );
    assert_eq!(state.history.len(), 5);
}

#[test]
fn continuation_lines() {
    assert!(needs_more_input("docker run \\"));
    assert!(needs_more_input("echo 'abc"));
    assert!(needs_more_input("echo a &&"));
    assert!(!needs_more_input("echo a"));
    assert_eq!(one("docker run \\\n  -d \\\n  nginx"), ("argv=[docker|run|-d|nginx]\n".into(), 0));
    assert_eq!(one("echo 'a\nb'"), ("a\nb\n".into(), 0));
    assert_eq!(one("echo a &&\necho b"), ("a\nb\n".into(), 0));
    assert_eq!(one("echo trailing \\"), ("trailing\n".into(), 0));
}

#[test]
fn cd_and_pwd() {
    let mut mock = Mock::new().with_file("app/src/main.rs", "").with_file("a.txt", "");
    let mut state = ShellState::new();
    let text = transcript(
        &mut state,
        &mut mock,
        &["pwd", "cd app/src && pwd", "docker build .", "cd ..; pwd; echo $PWD $OLDPWD", "cd -", "cd; pwd", "cd ..; pwd", "cd nope", "cd a.txt", "cd a b", "cd /etc", "cd ~/app; pwd"],
    );
    assert_eq!(
        text,
        "$ pwd\n/home/estudiante\n[exit 0]\n\
         $ cd app/src && pwd\n/home/estudiante/app/src\n[exit 0]\n\
         $ docker build .\nargv=[docker|build|.]\ncwd=app/src\n[exit 0]\n\
         $ cd ..; pwd; echo $PWD $OLDPWD\n/home/estudiante/app\n/home/estudiante/app /home/estudiante/app/src\n[exit 0]\n\
         $ cd -\n/home/estudiante/app/src\n[exit 0]\n\
         $ cd; pwd\n/home/estudiante\n[exit 0]\n\
         $ cd ..; pwd\n/home/estudiante\n[exit 0]\n\
         $ cd nope\nbash: cd: nope: No such file or directory\n[exit 1]\n\
         $ cd a.txt\nbash: cd: a.txt: Not a directory\n[exit 1]\n\
         $ cd a b\nbash: cd: too many arguments\n[exit 1]\n\
         $ cd /etc\nbash: cd: /etc: Permission denied\n[exit 1]\n\
         $ cd ~/app; pwd\n/home/estudiante/app\n[exit 0]\n"
    );
    assert_eq!(state.prompt_dir(), "~/app");
    let fresh = ShellState::new();
    assert_eq!(run_line("cd -", &mut fresh.clone(), &mut mock).combined(), "bash: cd: OLDPWD not set\n");
}

#[test]
fn subshells_keep_their_changes() {
    let mut mock = Mock::new().with_file("app/x", "");
    let text = session(&mut mock, &["(cd app && pwd); pwd", "(X=1; exit 5); echo $? [$X]", "(echo a; echo b) > both.txt; cat both.txt", "echo in | (cat)"]);
    assert_eq!(
        text,
        "$ (cd app && pwd); pwd\n/home/estudiante/app\n/home/estudiante\n[exit 0]\n\
         $ (X=1; exit 5); echo $? [$X]\n5 []\n[exit 0]\n\
         $ (echo a; echo b) > both.txt; cat both.txt\na\nb\n[exit 0]\n\
         $ echo in | (cat)\nin\n[exit 0]\n"
    );
}

#[test]
fn files_mkdir_touch_rm() {
    let mut mock = Mock::new().with_file("a.txt", "A\n");
    let text = session(
        &mut mock,
        &[
            "mkdir app && touch app/index.html && ls app",
            "mkdir app",
            "mkdir x/y",
            "mkdir -p x/y/z && ls x/y",
            "mkdir",
            "touch",
            "touch nodir/f",
            "rm app",
            "rm nope; rm -f nope",
            "rm app/index.html; ls; ls app",
            "rm -r x && ls",
            "rm",
            "rm -rf /",
            "rmdir app; ls",
        ],
    );
    assert_eq!(
        text,
        "$ mkdir app && touch app/index.html && ls app\nindex.html\n[exit 0]\n\
         $ mkdir app\nmkdir: cannot create directory ‘app’: File exists\n[exit 1]\n\
         $ mkdir x/y\nmkdir: cannot create directory ‘x/y’: No such file or directory\n[exit 1]\n\
         $ mkdir -p x/y/z && ls x/y\nz\n[exit 0]\n\
         $ mkdir\nmkdir: missing operand\nTry 'mkdir --help' for more information.\n[exit 1]\n\
         $ touch\ntouch: missing file operand\nTry 'touch --help' for more information.\n[exit 1]\n\
         $ touch nodir/f\ntouch: cannot touch 'nodir/f': No such file or directory\n[exit 1]\n\
         $ rm app\nrm: cannot remove 'app': Is a directory\n[exit 1]\n\
         $ rm nope; rm -f nope\nrm: cannot remove 'nope': No such file or directory\n[exit 0]\n\
         $ rm app/index.html; ls; ls app\na.txt\napp\nx\n[exit 0]\n\
         $ rm -r x && ls\na.txt\napp\n[exit 0]\n\
         $ rm\nrm: missing operand\nTry 'rm --help' for more information.\n[exit 1]\n\
         $ rm -rf /\nrm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n[exit 1]\n\
         $ rmdir app; ls\na.txt\n[exit 0]\n"
    );
}

#[test]
fn cat_files_and_errors() {
    let mut mock = Mock::new().with_file("a.txt", "hello\n").with_file("b.txt", "world").with_file("app/x", "");
    let text = session(&mut mock, &["cat a.txt b.txt", "cat nope", "cat app", "echo piped | cat", "echo in | cat a.txt - b.txt", "cat -n a.txt", "cat /etc/hosts"]);
    assert_eq!(
        text,
        "$ cat a.txt b.txt\nhello\nworld[exit 0]\n\
         $ cat nope\ncat: nope: No such file or directory\n[exit 1]\n\
         $ cat app\ncat: app: Is a directory\n[exit 1]\n\
         $ echo piped | cat\npiped\n[exit 0]\n\
         $ echo in | cat a.txt - b.txt\nhello\nin\nworld[exit 0]\n\
         $ cat -n a.txt\n     1\thello\n[exit 0]\n\
         $ cat /etc/hosts\ncat: /etc/hosts: Permission denied\n[exit 1]\n"
    );
}

#[test]
fn ls_short_long_and_columns() {
    let mut mock = Mock::new()
        .with_file("Dockerfile", "FROM nginx\n")
        .with_file("a.txt", "hello world\nfoo\n")
        .with_file(".env", "")
        .with_file("app/big", &"line\n".repeat(2000));
    let text = session(&mut mock, &["ls", "ls -l", "ls -la", "ls -l app", "ls nope a.txt", "ls app a.txt", "ls -lh", "ls -z"]);
    assert_eq!(
        text,
        "$ ls\nDockerfile\na.txt\napp\n[exit 0]\n\
         $ ls -l\ntotal 12\n\
         -rw-r--r-- 1 estudiante estudiante   11 Nov 15 10:00 Dockerfile\n\
         -rw-r--r-- 1 estudiante estudiante   16 Nov 15 10:00 a.txt\n\
         drwxr-xr-x 2 estudiante estudiante 4096 Nov 15 10:00 app\n[exit 0]\n\
         $ ls -la\ntotal 20\n\
         drwxr-xr-x 3 estudiante estudiante 4096 Nov 15 10:00 .\n\
         drwxr-xr-x 3 root       root       4096 Nov 15 10:00 ..\n\
         -rw-r--r-- 1 estudiante estudiante    0 Nov 15 10:00 .env\n\
         -rw-r--r-- 1 estudiante estudiante   11 Nov 15 10:00 Dockerfile\n\
         -rw-r--r-- 1 estudiante estudiante   16 Nov 15 10:00 a.txt\n\
         drwxr-xr-x 2 estudiante estudiante 4096 Nov 15 10:00 app\n[exit 0]\n\
         $ ls -l app\ntotal 12\n-rw-r--r-- 1 estudiante estudiante 10000 Nov 15 10:00 big\n[exit 0]\n\
         $ ls nope a.txt\nls: cannot access 'nope': No such file or directory\na.txt\n[exit 2]\n\
         $ ls app a.txt\na.txt\n\napp:\nbig\n[exit 0]\n\
         $ ls -lh\ntotal 12K\n\
         -rw-r--r-- 1 estudiante estudiante   11 Nov 15 10:00 Dockerfile\n\
         -rw-r--r-- 1 estudiante estudiante   16 Nov 15 10:00 a.txt\n\
         drwxr-xr-x 2 estudiante estudiante 4.0K Nov 15 10:00 app\n[exit 0]\n\
         $ ls -z\nls: invalid option -- 'z'\nTry 'ls --help' for more information.\n[exit 2]\n"
    );
    // At a terminal, names go in columns; into a pipe or a file, one per line.
    let mut state = ShellState { tty: true, ..ShellState::new() };
    let text = transcript(&mut state, &mut mock, &["ls", "ls | cat", "COLUMNS=10 ls", "echo $(ls)"]);
    assert_eq!(
        text,
        "$ ls\nDockerfile  a.txt  app\n[exit 0]\n\
         $ ls | cat\nDockerfile\na.txt\napp\n[exit 0]\n\
         $ COLUMNS=10 ls\nDockerfile\na.txt\napp\n[exit 0]\n\
         $ echo $(ls)\nDockerfile a.txt app\n[exit 0]\n"
    );
}

#[test]
fn globs_expand_over_the_folder() {
    let mut mock = Mock::new().with_file("a.txt", "").with_file("b.txt", "").with_file("c.md", "").with_file("app/x.js", "");
    let text = session(&mut mock, &["echo *.txt", "echo *.none", "echo '*.txt' \\*.txt", "echo app/*", "rm *.txt && ls", "echo [ab]*"]);
    assert_eq!(
        text,
        "$ echo *.txt\na.txt b.txt\n[exit 0]\n\
         $ echo *.none\n*.none\n[exit 0]\n\
         $ echo '*.txt' \\*.txt\n*.txt *.txt\n[exit 0]\n\
         $ echo app/*\napp/x.js\n[exit 0]\n\
         $ rm *.txt && ls\napp\nc.md\n[exit 0]\n\
         $ echo [ab]*\napp\n[exit 0]\n"
    );
}

#[test]
fn grep_options_and_exit_codes() {
    let mut mock = Mock::new().with_file("log.txt", "GET /\nPOST /api\nget /health\n").with_file("b.txt", "nothing\n");
    let text = session(
        &mut mock,
        &[
            "grep GET log.txt",
            "grep -i get log.txt",
            "grep -v GET log.txt",
            "grep -c / log.txt b.txt",
            "grep -n api log.txt",
            "grep -E 'POST|health' log.txt",
            "grep '^get' log.txt",
            "grep nope log.txt",
            "grep x nope",
            "grep",
            "grep -q POST log.txt && echo found",
            "docker ps | grep -c argv",
            "grep -l GET log.txt b.txt",
            "grep -r nothing .",
            "grep -w ge log.txt",
            "grep '[a' log.txt",
        ],
    );
    assert_eq!(
        text,
        "$ grep GET log.txt\nGET /\n[exit 0]\n\
         $ grep -i get log.txt\nGET /\nget /health\n[exit 0]\n\
         $ grep -v GET log.txt\nPOST /api\nget /health\n[exit 0]\n\
         $ grep -c / log.txt b.txt\nlog.txt:3\nb.txt:0\n[exit 0]\n\
         $ grep -n api log.txt\n2:POST /api\n[exit 0]\n\
         $ grep -E 'POST|health' log.txt\nPOST /api\nget /health\n[exit 0]\n\
         $ grep '^get' log.txt\nget /health\n[exit 0]\n\
         $ grep nope log.txt\n[exit 1]\n\
         $ grep x nope\ngrep: nope: No such file or directory\n[exit 2]\n\
         $ grep\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n[exit 2]\n\
         $ grep -q POST log.txt && echo found\nfound\n[exit 0]\n\
         $ docker ps | grep -c argv\n1\n[exit 0]\n\
         $ grep -l GET log.txt b.txt\nlog.txt\n[exit 0]\n\
         $ grep -r nothing .\n./b.txt:nothing\n[exit 0]\n\
         $ grep -w ge log.txt\n[exit 1]\n\
         $ grep '[a' log.txt\ngrep: Unmatched [, [^, [:, [., or [=\n[exit 2]\n"
    );
}

#[test]
fn text_filters() {
    let mut mock = Mock::new().with_file("n.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n").with_file("a.txt", "hello world\nfoo\n");
    let text = session(
        &mut mock,
        &[
            "head -n 2 n.txt",
            "head -3 n.txt | tail -1",
            "tail -n 2 n.txt",
            "tail -n +11 n.txt",
            "head -n x n.txt",
            "head nope",
            "head -n 1 a.txt n.txt",
            "wc -l n.txt",
            "wc a.txt",
            "wc -l a.txt n.txt",
            "echo hi | wc",
            "echo hi | wc -l",
            "wc < a.txt",
            "printf '10\\n9\\nx\\n-1\\n' | sort -n",
            "printf 'b\\na\\nB\\n_c\\n' | sort",
            "printf 'b\\na\\nb\\n' | sort -u -r",
            "echo 'a:b:c' | cut -d: -f1,3",
            "printf 'a b\\nc d\\n' | cut -d' ' -f2-",
            "cut -f1 a.txt",
            "cut a.txt",
            "echo Hola | tr a-z A-Z",
            "echo hello | tr -d l",
            "echo a | tr a",
        ],
    );
    assert_eq!(
        text,
        "$ head -n 2 n.txt\n1\n2\n[exit 0]\n\
         $ head -3 n.txt | tail -1\n3\n[exit 0]\n\
         $ tail -n 2 n.txt\n11\n12\n[exit 0]\n\
         $ tail -n +11 n.txt\n11\n12\n[exit 0]\n\
         $ head -n x n.txt\nhead: invalid number of lines: ‘x’\n[exit 1]\n\
         $ head nope\nhead: cannot open 'nope' for reading: No such file or directory\n[exit 1]\n\
         $ head -n 1 a.txt n.txt\n==> a.txt <==\nhello world\n\n==> n.txt <==\n1\n[exit 0]\n\
         $ wc -l n.txt\n12 n.txt\n[exit 0]\n\
         $ wc a.txt\n 2  3 16 a.txt\n[exit 0]\n\
         $ wc -l a.txt n.txt\n 2 a.txt\n12 n.txt\n14 total\n[exit 0]\n\
         $ echo hi | wc\n      1       1       3\n[exit 0]\n\
         $ echo hi | wc -l\n1\n[exit 0]\n\
         $ wc < a.txt\n 2  3 16\n[exit 0]\n\
         $ printf '10\\n9\\nx\\n-1\\n' | sort -n\n-1\nx\n9\n10\n[exit 0]\n\
         $ printf 'b\\na\\nB\\n_c\\n' | sort\nB\n_c\na\nb\n[exit 0]\n\
         $ printf 'b\\na\\nb\\n' | sort -u -r\nb\na\n[exit 0]\n\
         $ echo 'a:b:c' | cut -d: -f1,3\na:c\n[exit 0]\n\
         $ printf 'a b\\nc d\\n' | cut -d' ' -f2-\nb\nd\n[exit 0]\n\
         $ cut -f1 a.txt\nhello world\nfoo\n[exit 0]\n\
         $ cut a.txt\ncut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n[exit 1]\n\
         $ echo Hola | tr a-z A-Z\nHOLA\n[exit 0]\n\
         $ echo hello | tr -d l\nheo\n[exit 0]\n\
         $ echo a | tr a\ntr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n[exit 1]\n"
    );
}

#[test]
fn printf_formats() {
    assert_eq!(stdout_of("printf '%5s|%-4d|%x|%c\\n' ab 7 255 hello"), "   ab|7   |ff|h\n");
    assert_eq!(stdout_of("printf '%s-%s\\n' a b c"), "a-b\nc-\n");
    assert_eq!(stdout_of("printf '%.2f %05d %%\\n' 3.14159 42"), "3.14 00042 %\n");
    assert_eq!(stdout_of("printf 'no newline'"), "no newline");
    assert_eq!(one("printf %d abc"), ("bash: printf: abc: invalid number\n0".into(), 1));
    assert_eq!(one("printf"), ("printf: usage: printf [-v var] format [arguments]\n".into(), 2));
    assert_eq!(one("printf -v X '%s!' hi; echo $X"), ("hi!\n".into(), 0));
}

#[test]
fn type_which_and_unknown_programs() {
    let mut mock = Mock::new();
    let text = session(&mut mock, &["type cd ls docker nope", "which docker ls nope", "nope --flag", "whoami; hostname"]);
    assert_eq!(
        text,
        "$ type cd ls docker nope\ncd is a shell builtin\nls is /usr/bin/ls\ndocker is /usr/bin/docker\nbash: type: nope: not found\n[exit 1]\n\
         $ which docker ls nope\n/usr/bin/docker\n/usr/bin/ls\n[exit 1]\n\
         $ nope --flag\nbash: nope: command not found\n[exit 127]\n\
         $ whoami; hostname\nestudiante\nmuelle\n[exit 0]\n"
    );
}

#[test]
fn output_is_capped() {
    let mut mock = Mock::new().with_file("big", &"x".repeat(600_000));
    let mut state = ShellState::new();
    let out = run_line("cat big big big big > huge; cat huge huge huge | wc -c; cat huge huge huge huge", &mut state, &mut mock);
    assert_eq!(mock.project.files.get("huge").map(String::len), Some(MAX_STREAM_BYTES));
    assert!(out.stdout().len() <= MAX_STREAM_BYTES);
    assert!(out.stdout().starts_with("1048576\nxxx"));
    let out = run_line("X=$(cat huge); X=$X$X$X; echo ${#X}", &mut state, &mut mock);
    assert_eq!(out.stdout(), format!("{MAX_STREAM_BYTES}\n"));
}

#[test]
fn deep_substitution_is_refused() {
    let line = format!("echo {}x{}", "$(echo ".repeat(20), ")".repeat(20));
    let (text, code) = one(&line);
    assert_eq!(code, 2);
    assert_eq!(text, "bash: syntax error: command substitution nested too deeply (limit 16)\n");
    let ok = format!("echo {}x{}", "$(echo ".repeat(16), ")".repeat(16));
    assert_eq!(one(&ok), ("x\n".into(), 0));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn run_line_never_panics(line in "([a-z.*~/]|echo|cat|ls|grep|sort|wc|head|tail|cut|tr|rm|mkdir|touch|cd|export|unset|printf|sleep|history|exit|docker|seq|test|\\[|\\]|read|source|bash|if|then|elif|else|fi|for|in|do|done|while|until|break|continue|\\$\\(|\\$\\{|\\$\\(\\(|[ '\"`\\\\|&;<>(){}$#=:?%+\\-\n0-9]|2>&1|>>|<<){0,40}") {
        let mut mock = Mock::new().with_file("a.txt", "a\nb\n").with_file("d/f", "x");
        let mut state = ShellState::new();
        let out = run_line(&line, &mut state, &mut mock);
        prop_assert!(out.combined().len() <= 2 * MAX_STREAM_BYTES);
        let _ = needs_more_input(&line);
    }

    #[test]
    fn run_line_never_panics_on_any_text(line in "\\PC{0,80}") {
        let mut mock = Mock::new();
        let _ = run_line(&line, &mut ShellState::new(), &mut mock);
    }
}

#[test]
fn more_parameter_operations() {
    let text = session(
        &mut Mock::new(),
        &["X=hello; echo ${X:1:3} ${X: -2} ${X:2} ${X^^} ${X^} ${X/l/L} ${X//l/L} ${X/#h/H} ${X/%o/O}", "echo $((5 > 3 ? 1 : 0))"],
    );
    assert_eq!(
        text,
        "$ X=hello; echo ${X:1:3} ${X: -2} ${X:2} ${X^^} ${X^} ${X/l/L} ${X//l/L} ${X/#h/H} ${X/%o/O}\n\
         ell lo llo HELLO Hello heLlo heLLo Hello hellO\n[exit 0]\n\
         $ echo $((5 > 3 ? 1 : 0))\n1\n[exit 0]\n"
    );
}

#[test]
fn scripts_run_with_their_name_in_messages() {
    let mut mock = Mock::new()
        .with_file("s.sh", "echo \"in script $0 $1 $#\"\nnope_cmd\ncd nowhere\necho $X\nexit 4\necho never\n")
        .with_file("bad.sh", "echo ok\nfi\n");
    let text = session(
        &mut mock,
        &[
            "X=outer; bash s.sh a b; echo \"[$?]\"",
            "bash bad.sh; echo $?",
            "source bad.sh; echo $?",
            "bash nope.sh; echo $?",
            "source nope.sh; echo $?",
            "./s.sh; echo $?",
            "chmod +x s.sh; ./s.sh q; ls -l s.sh",
            "bash -c 'echo hi $0 $1; nope2' name arg",
            "source",
            ". s.sh x; echo never",
        ],
    );
    assert_eq!(
        text,
        "$ X=outer; bash s.sh a b; echo \"[$?]\"\nin script s.sh a 2\ns.sh: line 2: nope_cmd: command not found\n\
         s.sh: line 3: cd: nowhere: No such file or directory\n\n[4]\n[exit 0]\n\
         $ bash bad.sh; echo $?\nok\nbad.sh: line 2: syntax error near unexpected token `fi'\nbad.sh: line 2: `fi'\n2\n[exit 0]\n\
         $ source bad.sh; echo $?\nok\nbash: bad.sh: line 2: syntax error near unexpected token `fi'\nbash: bad.sh: line 2: `fi'\n2\n[exit 0]\n\
         $ bash nope.sh; echo $?\nbash: nope.sh: No such file or directory\n127\n[exit 0]\n\
         $ source nope.sh; echo $?\nbash: nope.sh: No such file or directory\n1\n[exit 0]\n\
         $ ./s.sh; echo $?\nbash: ./s.sh: Permission denied\n126\n[exit 0]\n\
         $ chmod +x s.sh; ./s.sh q; ls -l s.sh\nin script ./s.sh q 1\n./s.sh: line 2: nope_cmd: command not found\n\
         ./s.sh: line 3: cd: nowhere: No such file or directory\n\n\
         -rwxr-xr-x 1 estudiante estudiante 72 Nov 15 10:00 s.sh\n[exit 0]\n\
         $ bash -c 'echo hi $0 $1; nope2' name arg\nhi name arg\nname: line 1: nope2: command not found\n[exit 127]\n\
         $ source\nbash: source: filename argument required\nsource: usage: source filename [arguments]\n[exit 2]\n\
         $ . s.sh x; echo never\nin script bash x 1\nbash: nope_cmd: command not found\nbash: cd: nowhere: No such file or directory\nouter\n[exit 4]\n"
    );
    let recursive = Mock::new().with_file("loop.sh", "source loop.sh\n");
    let mut recursive = recursive;
    let out = run_line("source loop.sh", &mut ShellState::new(), &mut recursive);
    assert_eq!(out.combined(), "bash: loop.sh: maximum script nesting level exceeded (16)\n");
}

#[test]
fn read_from_pipes() {
    let text = session(
        &mut Mock::new(),
        &[
            "echo a | { read x; echo \"[$x]\"; }",
            "read x < /dev/null; echo $?",
            "printf 'a\\\\tb c d\\n' | { read x y; echo \"[$x][$y]\"; }",
            "printf 'a\\\\tb c d\\n' | { read -r x y; echo \"[$x][$y]\"; }",
            "echo '  lead  trail  ' | { read; echo \"[$REPLY]\"; }",
            "echo '  lead  trail  ' | { read x; echo \"[$x]\"; }",
        ],
    );
    assert_eq!(
        text,
        "$ echo a | { read x; echo \"[$x]\"; }\n[a]\n[exit 0]\n\
         $ read x < /dev/null; echo $?\n1\n[exit 0]\n\
         $ printf 'a\\\\tb c d\\n' | { read x y; echo \"[$x][$y]\"; }\n[atb][c d]\n[exit 0]\n\
         $ printf 'a\\\\tb c d\\n' | { read -r x y; echo \"[$x][$y]\"; }\n[a\\tb][c d]\n[exit 0]\n\
         $ echo '  lead  trail  ' | { read; echo \"[$REPLY]\"; }\n[  lead  trail  ]\n[exit 0]\n\
         $ echo '  lead  trail  ' | { read x; echo \"[$x]\"; }\n[lead  trail]\n[exit 0]\n"
    );
}

#[test]
fn small_options_of_filters() {
    let mut mock = Mock::new().with_file("app/src/main.rs", "").with_file("a.txt", "hello world\nfoo\nHello again\n");
    let text = session(
        &mut mock,
        &[
            "echo x | tr 'x' '\\t' | cat -A",
            "printf 'a\\tb\\n' | cat -T",
            "echo aXbXc | tr -c 'X\\n' '-'",
            "ls -R app",
            "grep -on 'l\\+' a.txt",
            "grep -oE '[a-z]+' a.txt | head -3",
            "printf '%q\\n' 'a b' \"it's\" '$x' '' '#c' 'a=b' 'x~'",
            "printf '%q\\n' \"$(printf 'a\\tb')\"",
            "printf '%s\\n' a b c | head -n -1",
        ],
    );
    assert_eq!(
        text,
        "$ echo x | tr 'x' '\\t' | cat -A\n^I$\n[exit 0]\n\
         $ printf 'a\\tb\\n' | cat -T\na^Ib\n[exit 0]\n\
         $ echo aXbXc | tr -c 'X\\n' '-'\n-X-X-\n[exit 0]\n\
         $ ls -R app\napp:\nsrc\n\napp/src:\nmain.rs\n[exit 0]\n\
         $ grep -on 'l\\+' a.txt\n1:ll\n1:l\n3:ll\n[exit 0]\n\
         $ grep -oE '[a-z]+' a.txt | head -3\nhello\nworld\nfoo\n[exit 0]\n\
         $ printf '%q\\n' 'a b' \"it's\" '$x' '' '#c' 'a=b' 'x~'\na\\ b\nit\\'s\n\\$x\n''\n\\#c\na=b\nx~\n[exit 0]\n\
         $ printf '%q\\n' \"$(printf 'a\\tb')\"\n$'a\\tb'\n[exit 0]\n\
         $ printf '%s\\n' a b c | head -n -1\na\nb\n[exit 0]\n"
    );
}

#[test]
fn conditions_and_loops() {
    let mut mock = Mock::new().with_file("a.txt", "x").with_file("app/main.rs", "");
    let text = session(
        &mut mock,
        &[
            "[ 1 -eq 1 ]; echo $?",
            "[ 1 -eq ]; echo $?",
            "[ a b ]; echo $?",
            "[ a b c d ]; echo $?",
            "[ x -eq 1 ]; echo $?",
            "[ -f a.txt ] && [ -d app ] && [ ! -e nope ]; echo $?",
            "[ 1 = 1",
            "test; echo $?",
            "[ a = a -a b != c ]; echo $?",
            "[ \\( 1 -lt 2 \\) -o 1 -gt 2 ]; echo $?",
            "if [ -f Dockerfile ]; then echo yes; elif [ -f a.txt ]; then echo a; else echo no; fi",
            "if false; then :; fi; echo $?",
            "for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done",
            "for i in 1 2 3; do for j in a b; do [ $j = b ] && break 2; echo $i$j; done; done",
            "for f in *; do echo \"file: $f\"; done",
            "for i in $(seq 3); do echo -n $i; done; echo",
            "n=0; while [ $n -lt 3 ]; do n=$((n+1)); done; echo $n",
            "until true; do :; done; echo $?",
            "break",
            "for i in a b; do echo $i; done > out.txt; cat out.txt",
            "if true; fi",
            "for i in 1 2\ndo\n  echo $i\ndone",
        ],
    );
    assert_eq!(
        text,
        "$ [ 1 -eq 1 ]; echo $?\n0\n[exit 0]\n\
         $ [ 1 -eq ]; echo $?\nbash: [: 1: unary operator expected\n2\n[exit 0]\n\
         $ [ a b ]; echo $?\nbash: [: a: unary operator expected\n2\n[exit 0]\n\
         $ [ a b c d ]; echo $?\nbash: [: too many arguments\n2\n[exit 0]\n\
         $ [ x -eq 1 ]; echo $?\nbash: [: x: integer expression expected\n2\n[exit 0]\n\
         $ [ -f a.txt ] && [ -d app ] && [ ! -e nope ]; echo $?\n0\n[exit 0]\n\
         $ [ 1 = 1\nbash: [: missing `]'\n[exit 2]\n\
         $ test; echo $?\n1\n[exit 0]\n\
         $ [ a = a -a b != c ]; echo $?\n0\n[exit 0]\n\
         $ [ \\( 1 -lt 2 \\) -o 1 -gt 2 ]; echo $?\n0\n[exit 0]\n\
         $ if [ -f Dockerfile ]; then echo yes; elif [ -f a.txt ]; then echo a; else echo no; fi\na\n[exit 0]\n\
         $ if false; then :; fi; echo $?\n0\n[exit 0]\n\
         $ for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done\n1\n3\n[exit 0]\n\
         $ for i in 1 2 3; do for j in a b; do [ $j = b ] && break 2; echo $i$j; done; done\n1a\n[exit 0]\n\
         $ for f in *; do echo \"file: $f\"; done\nfile: a.txt\nfile: app\n[exit 0]\n\
         $ for i in $(seq 3); do echo -n $i; done; echo\n123\n[exit 0]\n\
         $ n=0; while [ $n -lt 3 ]; do n=$((n+1)); done; echo $n\n3\n[exit 0]\n\
         $ until true; do :; done; echo $?\n0\n[exit 0]\n\
         $ break\nbash: break: only meaningful in a `for', `while', or `until' loop\n[exit 0]\n\
         $ for i in a b; do echo $i; done > out.txt; cat out.txt\na\nb\n[exit 0]\n\
         $ if true; fi\nbash: syntax error near unexpected token `fi'\n[exit 2]\n\
         $ for i in 1 2\ndo\n  echo $i\ndone\n1\n2\n[exit 0]\n"
    );
    assert!(needs_more_input("for i in 1 2 3; do"));
    assert!(needs_more_input("if true; then\n echo"));
    assert!(!needs_more_input("while true; do sleep 1; done"));
}

#[test]
fn endless_loops_are_stopped() {
    let mut mock = Mock::new();
    let out = run_line("while true; do sleep 1; done; echo never", &mut ShellState::new(), &mut mock);
    assert_eq!(out.combined(), "bash: warning: loop stopped after 10000 iterations\n");
    assert_eq!(out.exit_code, 130);
    assert_eq!(mock.slept.len(), 10_000);
    let out = run_line("for i in $(seq 200); do for j in $(seq 200); do :; done; done", &mut ShellState::new(), &mut mock);
    assert_eq!(out.exit_code, 130);
}

#[test]
fn seq_numbers() {
    assert_eq!(stdout_of("seq 3"), "1\n2\n3\n");
    assert_eq!(stdout_of("seq 1 2 7"), "1\n3\n5\n7\n");
    assert_eq!(stdout_of("seq -s, 3"), "1,2,3\n");
    assert_eq!(stdout_of("seq 5 1"), "");
    assert_eq!(stdout_of("seq -w 8 10"), "08\n09\n10\n");
    assert_eq!(stdout_of("seq 1.0 0.25 2"), "1.00\n1.25\n1.50\n1.75\n2.00\n");
    assert_eq!(one("seq"), ("seq: missing operand\nTry 'seq --help' for more information.\n".into(), 1));
    assert_eq!(one("seq x"), ("seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n".into(), 1));
    assert_eq!(one("seq 1 0 3"), ("seq: invalid Zero increment value: ‘0’\nTry 'seq --help' for more information.\n".into(), 1));
}

#[test]
fn deepest_accepted_nesting_runs_without_exhausting_the_stack() {
    // Just under the parser's limits: every level of nesting that parses also runs.
    let mut lines = Vec::new();
    for depth in [10, 20, 39] {
        lines.push(format!("{}echo deep{}", "if true; then ".repeat(depth), "; fi".repeat(depth)));
        lines.push(format!("{}echo deep{}", "{ ".repeat(depth), "; }".repeat(depth)));
        lines.push(format!("{}echo deep{}", "for i in 1; do ".repeat(depth), "; done".repeat(depth)));
        lines.push(format!("echo {}deep{}", "\"${X:-".repeat(depth), "}\"".repeat(depth)));
    }
    lines.push(format!("echo {}deep{}", "$( (echo ".repeat(8), ") )".repeat(8)));
    lines.push(format!("echo {}deep{}", "$(echo ".repeat(16), ")".repeat(16)));
    // WebAssembly gets a 1 MiB stack; an unoptimized build needs more per frame, so this is a margin.
    let worker = std::thread::Builder::new().stack_size(1 << 20).spawn(move || {
        let mut accepted_lines = 0;
        for line in lines {
            let mut mock = Mock::new();
            let out = run_line(&line, &mut ShellState::new(), &mut mock);
            let accepted = out.exit_code == 0 && out.stdout() == "deep\n";
            let refused = out.exit_code == 2 && out.stderr().starts_with("bash: syntax error");
            assert!(accepted || refused, "{line}: {out:?}");
            accepted_lines += usize::from(accepted);
        }
        accepted_lines
    });
    let accepted = worker.map(|w| w.join().unwrap_or(0)).unwrap_or(0);
    assert_eq!(accepted, 13);
}
