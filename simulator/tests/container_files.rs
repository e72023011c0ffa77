//! Life inside containers in a terminal session: shells on the container's files, package
//! managers, `docker diff`, `docker commit`, `docker cp`, sizes.

use simulator::{MemoryProject, Output, Session, SessionConfig};

fn tty_session() -> Session {
    Session::new(SessionConfig { tty: true, ..SessionConfig::default() }, Box::new(MemoryProject::new()))
}

fn run(s: &mut Session, line: &str) -> Output {
    s.run_line(line)
}

fn stdout(s: &mut Session, line: &str) -> String {
    run(s, line).stdout()
}

#[test]
fn nginx_page_changed_inside_shows_in_diff_and_survives_a_commit() {
    let mut s = tty_session();
    let out = run(&mut s, "docker run -d --name web -p 8080:80 nginx");
    assert_eq!(out.exit_code, 0, "{}", out.combined());
    let diff = stdout(&mut s, "docker diff web");
    for line in ["C /etc/nginx/conf.d/default.conf", "A /run/nginx.pid", "A /var/cache/nginx/client_temp"] {
        assert!(diff.lines().any(|l| l == line), "{line} missing in\n{diff}");
    }
    assert_eq!(run(&mut s, "docker exec -it web bash").exit_code, 0);
    assert!(s.in_container_shell());
    let out = run(&mut s, "echo '<h1>Hola</h1>' > /usr/share/nginx/html/index.html");
    assert_eq!(out.combined(), "");
    assert_eq!(stdout(&mut s, "cat /usr/share/nginx/html/index.html"), "<h1>Hola</h1>\n");
    assert_eq!(run(&mut s, "exit").exit_code, 0);
    let diff = stdout(&mut s, "docker diff web");
    assert!(diff.contains("C /usr/share/nginx/html/index.html\n"), "{diff}");
    let out = run(&mut s, "docker commit web mi-web:1");
    assert!(out.stdout().starts_with("sha256:"), "{}", out.combined());
    let out = run(&mut s, "docker run --rm mi-web:1 cat /usr/share/nginx/html/index.html");
    assert_eq!(out.stdout(), "<h1>Hola</h1>\n");
    let history = stdout(&mut s, "docker history mi-web:1");
    let first = history.lines().nth(1).unwrap_or_default();
    assert!(first.contains("nginx -g 'daemon off;'") || first.contains("nginx -g daemon off;"), "{history}");
}

#[test]
fn debian_needs_apt_get_update_before_install() {
    let mut s = tty_session();
    assert_eq!(run(&mut s, "docker run -it --name deb debian bash").exit_code, 0);
    let prompt = s.prompt();
    assert!(prompt.starts_with("root@") && prompt.ends_with(":/# "), "{prompt}");
    let out = run(&mut s, "curl --version");
    assert_eq!((out.stderr().as_str(), out.exit_code), ("bash: curl: command not found\n", 127));
    let out = run(&mut s, "apt-get install -y curl");
    assert_eq!(out.exit_code, 100);
    assert!(out.stderr().contains("E: Unable to locate package curl"), "{}", out.combined());
    let out = run(&mut s, "apt-get update");
    assert!(out.stdout().contains("Get:1 http://deb.debian.org/debian bookworm InRelease"), "{}", out.combined());
    let out = run(&mut s, "apt-get install -y curl");
    assert_eq!(out.exit_code, 0, "{}", out.combined());
    assert!(out.stdout().contains("Setting up curl (7.88.1-10+deb12u8) ..."));
    assert_eq!(stdout(&mut s, "which curl"), "/usr/bin/curl\n");
    let status = stdout(&mut s, "cat /var/lib/dpkg/status");
    assert!(status.contains("Package: curl\nStatus: install ok installed\n"), "{status}");
    assert!(status.contains("Version: 7.88.1-10+deb12u8\n"));
    let out = run(&mut s, "cd /nope");
    assert_eq!(out.stderr(), "bash: cd: /nope: No such file or directory\n");
    assert_eq!(run(&mut s, "exit 0").exit_code, 0);
    let size = stdout(&mut s, "docker ps -a -s --format '{{.Size}}'");
    assert!(size.contains("MB (virtual"), "{size}");
}

#[test]
fn alpine_apk_add_and_busybox_messages() {
    let mut s = tty_session();
    assert_eq!(run(&mut s, "docker run -it --name alp alpine sh").exit_code, 0);
    assert_eq!(s.prompt(), "/ # ");
    let out = run(&mut s, "curl");
    assert_eq!(out.stderr(), "sh: curl: not found\n");
    let out = run(&mut s, "apk add curl");
    assert!(out.stdout().contains("Installing curl (8.11.1-r0)"), "{}", out.combined());
    assert_eq!(stdout(&mut s, "which curl"), "/usr/bin/curl\n");
    assert!(stdout(&mut s, "cat /etc/apk/world").contains("curl\n"));
    assert_eq!(run(&mut s, "cat /nope").stderr(), "cat: can't open '/nope': No such file or directory\n");
    run(&mut s, "mkdir -p /srv/app && cd /srv/app");
    assert_eq!(s.prompt(), "/srv/app # ");
    assert_eq!(stdout(&mut s, "pwd"), "/srv/app\n");
    run(&mut s, "exit");
    assert!(stdout(&mut s, "docker diff alp").contains("A /srv/app\n"));
}

#[test]
fn cp_between_the_project_folder_and_a_container() {
    let mut s = tty_session();
    run(&mut s, "echo 'hola' > saludo.txt");
    run(&mut s, "docker run -d --name box busybox sleep 1000");
    let out = run(&mut s, "docker cp saludo.txt box:/tmp/");
    assert_eq!((out.stderr().as_str(), out.exit_code), ("Successfully copied 2.05kB to box:/tmp/\n", 0));
    assert_eq!(stdout(&mut s, "docker exec box cat /tmp/saludo.txt"), "hola\n");
    let out = run(&mut s, "docker cp box:/etc/hostname .");
    assert_eq!(out.exit_code, 0, "{}", out.combined());
    let id = s.engine.find_container("box").map(|c| c.id.clone()).unwrap_or_default();
    assert_eq!(stdout(&mut s, "cat hostname"), format!("{}\n", id.get(..12).unwrap_or_default()));
    let out = run(&mut s, "docker cp box:/nope .");
    assert_eq!(out.stderr(), "Error response from daemon: Could not find the file /nope in container box\n");
}

#[test]
fn save_and_load_round_trip_in_the_session() {
    let mut s = tty_session();
    run(&mut s, "docker pull busybox");
    assert_eq!(run(&mut s, "docker save busybox").stderr(), "cowardly refusing to save to a terminal. Use the -o flag or redirect\n");
    let out = run(&mut s, "docker save -o bb.tar busybox");
    assert_eq!(out.exit_code, 0, "{}", out.combined());
    assert!(out.stderr().contains("cannot write tar data"));
    assert_eq!(run(&mut s, "docker rmi busybox").exit_code, 0);
    let out = run(&mut s, "docker load -i bb.tar");
    assert_eq!(out.stdout(), "Loaded image: busybox:latest\n");
    assert_eq!(run(&mut s, "docker run --rm busybox echo back").stdout(), "back\n");
}

#[test]
fn data_in_a_volume_outlives_its_containers() {
    let mut s = tty_session();
    run(&mut s, "docker pull busybox");
    assert_eq!(run(&mut s, "docker run -it --name w1 -v datos:/datos busybox sh").exit_code, 0);
    run(&mut s, "echo 'lo importante' > /datos/nota.txt");
    run(&mut s, "exit");
    assert_eq!(run(&mut s, "docker rm w1").exit_code, 0);
    assert_eq!(stdout(&mut s, "docker run --rm -v datos:/datos busybox cat /datos/nota.txt"), "lo importante\n");
    // The volume is not part of the container's layer: only its mount point is.
    run(&mut s, "docker run -d --name w2 -v datos:/datos busybox sleep 1000");
    run(&mut s, "docker exec w2 sh -c 'echo mas >> /datos/nota.txt'");
    assert_eq!(stdout(&mut s, "docker diff w2"), "A /datos\n");
    let out = run(&mut s, "docker volume rm datos");
    assert!(out.stderr().starts_with("Error response from daemon: remove datos: volume is in use - ["), "{}", out.combined());
    assert_eq!(stdout(&mut s, "docker volume ls"), "DRIVER    VOLUME NAME\nlocal     datos\n");
}

#[test]
fn a_bind_mount_shows_the_project_folder_live() {
    let mut s = tty_session();
    run(&mut s, "mkdir web && echo '<h1>v1</h1>' > web/index.html");
    let out = run(&mut s, "docker run -d --name site -v ./web:/usr/share/nginx/html nginx");
    assert_eq!(out.exit_code, 0, "{}", out.combined());
    assert_eq!(stdout(&mut s, "docker exec site cat /usr/share/nginx/html/index.html"), "<h1>v1</h1>\n");
    // Edited on the host: the container sees it at once.
    run(&mut s, "echo '<h1>v2</h1>' > web/index.html");
    assert_eq!(stdout(&mut s, "docker exec site cat /usr/share/nginx/html/index.html"), "<h1>v2</h1>\n");
    // Written in the container: it lands in the project folder.
    run(&mut s, "docker exec site sh -c 'echo hecho > /usr/share/nginx/html/log.txt'");
    assert_eq!(stdout(&mut s, "cat web/log.txt"), "hecho\n");
    assert_eq!(stdout(&mut s, "docker inspect -f '{{range .Mounts}}{{.Type}} {{.Source}} {{.Destination}}{{end}}' site"), "bind /home/estudiante/web /usr/share/nginx/html\n");
}

#[test]
fn the_course_flow_nginx_curl_exec_diff_commit_volume() {
    let mut s = tty_session();
    assert_eq!(run(&mut s, "docker run -d --name web -p 8080:80 nginx").exit_code, 0);
    let page = run(&mut s, "curl http://localhost:8080");
    assert_eq!(page.exit_code, 0, "{}", page.combined());
    assert!(page.stdout().contains("<title>Welcome to nginx!</title>"));
    // nginx logs the request.
    assert!(stdout(&mut s, "docker logs web").contains("\"GET / HTTP/1.1\" 200 615 \"-\" \"curl/7.88.1\" \"-\""));
    run(&mut s, "docker exec -it web bash");
    run(&mut s, "echo '<h1>Hola Muelle</h1>' > /usr/share/nginx/html/index.html");
    run(&mut s, "exit");
    assert_eq!(stdout(&mut s, "curl -s localhost:8080"), "<h1>Hola Muelle</h1>\n");
    assert!(stdout(&mut s, "docker diff web").contains("C /usr/share/nginx/html/index.html\n"));
    assert!(run(&mut s, "docker commit web mi-web:1").stdout().starts_with("sha256:"));
    run(&mut s, "docker rm -f web");
    let out = run(&mut s, "curl localhost:8080");
    assert_eq!((out.stderr().as_str(), out.exit_code), ("curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n", 7));
    run(&mut s, "docker run -d --name web2 -p 8081:80 mi-web:1");
    assert_eq!(stdout(&mut s, "curl -s localhost:8081"), "<h1>Hola Muelle</h1>\n");
    let head = stdout(&mut s, "curl -I localhost:8081/nope");
    assert!(head.starts_with("HTTP/1.1 404 Not Found\nServer: nginx/1.27.3\n"), "{head}");
    // A stopped container refuses the connection.
    run(&mut s, "docker stop web2");
    assert_eq!(run(&mut s, "curl -s localhost:8081").exit_code, 7);
}

#[test]
fn user_defined_networks_resolve_names_and_the_default_bridge_does_not() {
    let mut s = tty_session();
    let id = stdout(&mut s, "docker network create red");
    assert_eq!(id.trim().len(), 64);
    assert_eq!(run(&mut s, "docker network create red").stderr(), "Error response from daemon: network with name red already exists\n");
    let ls = stdout(&mut s, "docker network ls");
    assert!(ls.starts_with("NETWORK ID     NAME      DRIVER    SCOPE\n"), "{ls}");
    assert!(ls.contains(&format!("{}   red       bridge    local\n", &id[..12])), "{ls}");
    run(&mut s, "docker run -d --name web --network red nginx");
    run(&mut s, "docker run -d --name cli --network red busybox sleep 1000");
    let ping = stdout(&mut s, "docker exec cli ping -c 1 web");
    assert!(ping.starts_with("PING web (172.18.0.2): 56 data bytes\n64 bytes from 172.18.0.2: seq=0"), "{ping}");
    let page = stdout(&mut s, "docker exec cli wget -qO- http://web");
    assert!(page.contains("Welcome to nginx!"), "{page}");
    run(&mut s, "docker run -d --name lone busybox sleep 1000");
    let out = run(&mut s, "docker exec lone ping -c 1 web");
    assert_eq!((out.stderr().as_str(), out.exit_code), ("ping: bad address 'web'\n", 1));
    assert!(stdout(&mut s, "docker exec cli cat /etc/resolv.conf").contains("nameserver 127.0.0.11\n"));
    let out = run(&mut s, "docker network rm red");
    assert!(out.stderr().starts_with("Error response from daemon: error while removing network: network red has active endpoints (name:"), "{}", out.combined());
    assert!(out.stderr().contains("name:\"web\" id:\"") && out.stderr().ends_with(")\nexit status 1\n"));
    assert_eq!(run(&mut s, "docker network rm bridge").stderr(), "Error response from daemon: bridge is a pre-defined network and cannot be removed\nexit status 1\n");
    run(&mut s, "docker network connect red lone");
    assert!(stdout(&mut s, "docker exec lone wget -qO- http://web").contains("Welcome to nginx!"));
    assert_eq!(stdout(&mut s, "docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' cli"), "red=172.18.0.3 \n");
}

#[test]
fn a_terminal_lists_in_columns_and_long_listings_show_the_files() {
    let mut s = tty_session();
    run(&mut s, "docker run -it --name bb busybox sh");
    // BusyBox fills columns top to bottom: 12 names of at most 5 characters make 2 rows.
    assert_eq!(stdout(&mut s, "ls /"), "bin    etc    lib    proc   sys    usr\ndev    home   lib64  root   tmp    var\n");
    let long = stdout(&mut s, "ls -la /etc/passwd");
    assert!(long.starts_with("-rw-r--r--    1 root     root   "), "{long}");
    assert_eq!(stdout(&mut s, "id -un; whoami"), "root\nroot\n");
    let ps = stdout(&mut s, "ps");
    assert!(ps.starts_with("PID   USER     TIME  COMMAND\n    1 root      0:00 sh\n"), "{ps}");
    run(&mut s, "exit");
}
