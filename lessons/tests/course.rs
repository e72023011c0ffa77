#![cfg(feature = "source")]
#![allow(clippy::panic)]
//! The whole course, end to end: it loads, every runnable example runs as the author says, every
//! exercise is solvable by its reference solution (and not already solved by its setup), and every
//! quiz has a valid key.

use lessons::exercise::settle;
use lessons::quiz::{Kind, Verdict};
use lessons::{Course, Segment};
use simulator::{MemoryProject, Output, Session, SessionConfig};

fn course() -> Course {
    match Course::load() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

fn browser_session() -> Session {
    Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(MemoryProject::new()))
}

fn run(session: &mut Session, line: &str) -> Output {
    let out = session.run_line(line);
    settle(session);
    out
}

#[test]
fn the_course_loads_with_its_modules_and_lessons() {
    let c = course();
    assert_eq!(c.title, "Docker desde cero");
    let ids: Vec<&str> = c.lessons().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["bienvenida", "anatomia-de-una-imagen", "ciclo-de-vida-de-un-contenedor"]);
    for m in &c.modules {
        assert!(!m.lessons.is_empty(), "module {} has no lessons", m.id);
    }
    assert!(Course::shared().is_ok());
}

#[test]
fn the_two_complete_lessons_have_examples_two_exercises_and_a_quiz_with_every_kind() {
    let c = course();
    for id in ["anatomia-de-una-imagen", "ciclo-de-vida-de-un-contenedor"] {
        let Some(lesson) = c.lesson(id) else { panic!("{id} missing") };
        assert!(lesson.examples.len() >= 5, "{id}: {} examples", lesson.examples.len());
        assert_eq!(lesson.exercises.len(), 2, "{id}");
        assert!(!lesson.objectives.is_empty(), "{id}");
        let Some(quiz) = &lesson.quiz else { panic!("{id} has no quiz") };
        for kind in [Kind::Single, Kind::Multiple, Kind::Ordering] {
            assert!(quiz.questions.iter().any(|q| q.kind == kind), "{id}: no {kind:?} question");
        }
        let exercises = lesson.segments.iter().filter(|s| matches!(s, Segment::Exercise(_))).count();
        assert_eq!(exercises, 2, "{id}");
        assert!(lesson.segments.contains(&Segment::Quiz), "{id}");
        for ex in &lesson.exercises {
            assert!(ex.hints.len() >= 2, "{}: hints should escalate", ex.key());
        }
    }
}

#[test]
fn rendered_lessons_are_safe_and_point_at_their_examples() {
    for lesson in course().lessons() {
        assert!(!lesson.html.contains("<script"), "{}", lesson.file);
        for ex in &lesson.examples {
            let marker = format!("data-example=\"{}\"", ex.index);
            assert!(lesson.html.contains(&marker), "{}: {marker}", lesson.file);
        }
        let joined: String = lesson
            .segments
            .iter()
            .filter_map(|s| match s {
                Segment::Html(h) => Some(h.as_str()),
                _ => None,
            })
            .collect();
        assert!(lesson.html.starts_with(joined.get(..20).unwrap_or_default()), "{}", lesson.file);
    }
}

/// Every example, in reading order, in one fresh browser-like session per lesson.
#[test]
fn every_runnable_example_runs() {
    let mut failures = Vec::new();
    for lesson in course().lessons() {
        let mut session = browser_session();
        for example in &lesson.examples {
            for command in &example.commands {
                let out = run(&mut session, command);
                let failed = out.exit_code != 0;
                if failed != example.expect_failure {
                    failures.push(format!(
                        "{}:{}: `{command}` exited {} ({}):\n{}",
                        lesson.file,
                        example.line,
                        out.exit_code,
                        if example.expect_failure { "marked `falla`, expected to fail" } else { "expected to succeed" },
                        out.combined()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Setup, then the goal must NOT hold; reference solution, then it must hold.
#[test]
fn every_exercise_replays_its_solution() {
    let mut failures = Vec::new();
    let c = course();
    for lesson in c.lessons() {
        for ex in &lesson.exercises {
            let key = ex.key();
            let mut session = browser_session();
            for line in &ex.setup {
                let out = run(&mut session, line);
                if out.exit_code != 0 {
                    failures.push(format!("{key}: setup `{line}` exited {}:\n{}", out.exit_code, out.combined()));
                }
            }
            let before = ex.check(&session);
            if before.satisfied {
                failures.push(format!("{key}: the goal already holds right after the setup"));
            }
            let mut last = None;
            for line in &ex.solution {
                if let Some(v) = ex.violation(line) {
                    failures.push(format!("{key}: the solution breaks a restriction: `{line}`: {v}"));
                }
                let out = run(&mut session, line);
                if out.exit_code != 0 {
                    failures.push(format!("{key}: solution `{line}` exited {}:\n{}", out.exit_code, out.combined()));
                }
                last = Some(out);
            }
            let after = match &last {
                Some(out) => ex.check_after(&session, out),
                None => ex.check(&session),
            };
            if !after.satisfied {
                failures.push(format!("{key}: the solution does not reach the goal: {:?}", after.first_unmet()));
            }
            // The same through the UI's driver.
            let mut attempt = ex.start();
            let mut solved = false;
            for line in &ex.solution {
                solved |= attempt.run(line).just_solved;
            }
            if !solved || !attempt.solved() {
                failures.push(format!("{key}: an Attempt running the solution is not marked solved"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_quiz_key_scores_full_marks() {
    for lesson in course().lessons() {
        let Some(quiz) = &lesson.quiz else { continue };
        let key = quiz.key();
        let result = quiz.grade(&key);
        let automatic: f64 = quiz.questions.iter().filter(|q| q.kind != Kind::Open).map(|q| f64::from(q.points)).sum();
        assert_eq!(result.score, automatic, "{}", lesson.file);
        for q in quiz.questions.iter().filter(|q| q.kind != Kind::Open) {
            let r = q.grade(key.0.get(&q.id));
            assert_eq!(r.verdict, Verdict::Correct, "{}: {}", lesson.file, q.id);
        }
        // An empty hand-in scores nothing.
        assert_eq!(quiz.grade(&lessons::Answers::new()).score, 0.0, "{}", lesson.file);
    }
}

#[test]
fn the_issue_goal_fails_with_a_useful_spanish_detail() {
    let c = course();
    let Some(ex) = c.exercise("ciclo-de-vida-de-un-contenedor/servidor-web") else { panic!("exercise missing") };
    let mut attempt = ex.start();
    let status = attempt.status();
    let first = status.first_unmet().and_then(|p| p.detail.clone()).unwrap_or_default();
    assert_eq!(first, "El contenedor `webserver` es de la imagen `httpd`, no de `nginx`.");
    let step = attempt.run("docker run -d --name webserver -p 8080:80 nginx");
    let explanation = step.output.as_ref().and_then(|o| c.explain(o)).map(|e| e.kind);
    assert_eq!(explanation.as_deref(), Some("name-conflict"));
}

/// The app shows the welcome lesson on its first page, and its browser tests look for one `h1` and
/// one code block with `docker run hello-world` (a second `pre code` would make the locator ambiguous).
#[test]
fn the_welcome_lesson_keeps_what_the_first_page_relies_on() {
    let c = course();
    let Some(welcome) = c.lesson("bienvenida") else { panic!("welcome lesson missing") };
    assert_eq!(welcome.html.matches("<h1").count(), 1);
    assert!(welcome.html.starts_with("<h1 id=\"bienvenida-a-muelle\">Bienvenida a Muelle</h1>"));
    assert_eq!(welcome.html.matches("<pre").count(), 1);
    assert_eq!(welcome.examples.first().map(|e| e.commands.clone()), Some(vec!["docker run hello-world".to_string()]));
    assert_eq!(lessons::render_markdown(lessons::WELCOME_LESSON), welcome.html);
}

/// What the checker says while replaying every solution renders the same with the app's small
/// run-time renderer (`goal_text_html`) as with the full Markdown renderer.
#[test]
fn goal_messages_render_as_markdown_would() {
    let c = course();
    for lesson in c.lessons() {
        for ex in &lesson.exercises {
            let mut attempt = ex.start();
            let mut statuses = vec![attempt.status()];
            for line in &ex.solution {
                statuses.push(attempt.run(line).status);
            }
            for part in statuses.iter().flat_map(|s| &s.parts) {
                for text in std::iter::once(&part.description).chain(&part.detail) {
                    assert_eq!(lessons::goal_text_html(text), lessons::render_inline(text), "{}: {text}", ex.key());
                }
            }
        }
    }
}
