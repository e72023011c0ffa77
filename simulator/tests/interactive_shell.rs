//! Interactive shells inside containers in a terminal session (the browser's case).

#![allow(clippy::unwrap_used)] // test code: the containers looked up were created by the test

use simulator::{ContainerState, MemoryProject, Session, SessionConfig};

fn tty_session() -> Session {
    Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(MemoryProject::new()))
}

#[test]
fn run_it_opens_the_images_shell_and_exit_stops_the_container() {
    let mut s = tty_session();
    assert_eq!(s.prompt(), "estudiante@muelle:~$ ");
    let out = s.run_line("docker run -it --name box busybox sh");
    assert!(out.stderr().contains("Pull complete"), "{}", out.combined());
    assert!(s.in_container_shell());
    assert_eq!(s.prompt(), "/ # ");
    assert_eq!(s.run_line("echo hola").stdout(), "hola\n");
    assert_eq!(s.run_line("pwd").stdout(), "/\n");
    s.run_line("cd /tmp");
    assert_eq!(s.prompt(), "/tmp # ");
    let out = s.run_line("exit 3");
    assert_eq!(out.exit_code, 3);
    assert!(!s.in_container_shell());
    assert_eq!(s.prompt(), "estudiante@muelle:~$ ");
    let c = s.engine.find_container("box").unwrap();
    assert_eq!((c.status(), c.state.exit_code), (ContainerState::Exited, 3));
}

#[test]
fn bash_images_show_a_bash_prompt_and_exec_leaves_the_container_running() {
    let mut s = tty_session();
    s.run_line("docker run -d --name web nginx");
    let out = s.run_line("docker exec -it web bash");
    assert_eq!(out.exit_code, 0, "{}", out.combined());
    let id = s.engine.find_container("web").unwrap().id.clone();
    assert_eq!(s.prompt(), format!("root@{}:/# ", &id[..12]));
    assert_eq!(s.run_line("hostname").stdout(), format!("{}\n", &id[..12]));
    let out = s.run_line("exit");
    assert_eq!(out.exit_code, 0);
    assert_eq!(s.engine.find_container("web").unwrap().status(), ContainerState::Running);
}

#[test]
fn without_a_terminal_it_is_refused_like_docker() {
    let mut s = Session::real_docker_fixture();
    let out = s.run_line("docker run -it busybox sh");
    assert_eq!((out.combined().as_str(), out.exit_code), ("the input device is not a TTY\n", 1));
}
