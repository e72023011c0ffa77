//! Every Dockerfile of the seed notes builds, and its image tells the story the notes tell:
//! one layer per RUN/COPY, metadata with `0B`, one RUN with cleanup smaller than three RUNs,
//! dependencies before the source, a multi-stage image on `node:16-alpine`.

#[path = "support/build_session.rs"]
mod build_session;

use build_session::{run, session, write, size};
use simulator::Session;

#[test]
fn anatomy_of_an_image() {
    let mut s = session();
    // As the notes write it, with comments at the end of the lines: a Dockerfile comment must
    // start its line, so BuildKit reads `# Capa base` as two more arguments of FROM.
    write(&mut s, "Dockerfile", "FROM ubuntu:20.04          # Capa base\nRUN apt-get update         # Capa 1\nRUN apt-get install -y nginx  # Capa 2\nCOPY . /app               # Capa 3\nCMD [\"nginx\", \"-g\", \"daemon off;\"]  # Metadata\n");
    write(&mut s, "index.html", "<h1>hola</h1>\n");
    let out = s.run_line("docker build -t anatomia .");
    assert_eq!(out.exit_code, 1);
    assert!(out.combined().ends_with("ERROR: failed to build: failed to solve: dockerfile parse error on line 1: FROM requires either one or three arguments\n"), "{}", out.combined());
    // Comments on their own lines.
    write(&mut s, "Dockerfile", "# Capa base\nFROM ubuntu:20.04\n# Capa 1\nRUN apt-get update\n# Capa 2\nRUN apt-get install -y nginx\n# Capa 3\nCOPY . /app\n# Metadata\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n");
    run(&mut s, "docker build -t anatomia .");
    let h = run(&mut s, "docker history --format '{{.CreatedBy}}|{{.Size}}' anatomia").stdout();
    let rows: Vec<&str> = h.lines().take(4).collect();
    assert!(rows.first().is_some_and(|r| *r == "CMD [\"nginx\" \"-g\" \"daemon off;\"]|0B"), "{h}");
    assert!(rows.get(1).is_some_and(|r| r.starts_with("COPY . /app # buildkit|")), "{h}");
    assert!(rows.get(2).is_some_and(|r| r.starts_with("RUN /bin/sh -c apt-get install -y nginx") && !r.ends_with("|0B")), "{h}");
    assert!(rows.get(3).is_some_and(|r| r.starts_with("RUN /bin/sh -c apt-get update # buildkit|") && !r.ends_with("|0B")), "{h}");
    let base = run(&mut s, "docker pull -q ubuntu:20.04");
    let _ = base;
    let layers = |s: &mut Session, i: &str| run(s, &format!("docker image inspect -f '{{{{len .RootFS.Layers}}}}' {i}")).stdout().trim().parse::<usize>().unwrap_or(0);
    assert_eq!(layers(&mut s, "anatomia"), layers(&mut s, "ubuntu:20.04") + 3);
}

const STRUCTURE: &str = "# Comentario\nFROM node:16\nLABEL maintainer=\"engineer@company.com\"\nLABEL version=\"1.0\"\n\n# Variables de entorno\nENV NODE_ENV=production\nENV PORT=3000\n\n# Directorio de trabajo\nWORKDIR /app\n\n# Instalación de dependencias del sistema\nRUN apt-get update && \\\n    apt-get install -y curl && \\\n    apt-get clean && \\\n    rm -rf /var/lib/apt/lists/*\n\n# Copia de archivos\nCOPY package*.json ./\nRUN npm install --only=production\n\nCOPY . .\n\n# Exposición de puerto\nEXPOSE 3000\n\n# Usuario no privilegiado\nUSER node\n\n# Comando por defecto\nCMD [\"npm\", \"start\"]\n";

#[test]
fn basic_structure_of_a_dockerfile() {
    let mut s = session();
    write(&mut s, "Dockerfile", STRUCTURE);
    write(&mut s, "package.json", "{\n  \"name\": \"app\",\n  \"scripts\": { \"start\": \"node app.js\" },\n  \"dependencies\": { \"express\": \"^4.18.2\" }\n}\n");
    write(&mut s, "app.js", "console.log('hola');\n");
    let out = run(&mut s, "docker build -t estructura .").combined();
    assert!(out.contains("[3/6] RUN apt-get update &&     apt-get install -y curl &&     apt-get clean &&     rm -rf /var/lib/apt/lists/*"), "{out}");
    let cfg = run(&mut s, "docker inspect -f '{{.Config.User}} {{.Config.WorkingDir}} {{json .Config.Cmd}} {{.Config.Labels.version}}' estructura").stdout();
    assert_eq!(cfg, "node /app [\"npm\",\"start\"] 1.0\n");
    let env = run(&mut s, "docker inspect -f '{{json .Config.Env}}' estructura").stdout();
    assert!(env.contains("\"NODE_ENV=production\",\"PORT=3000\""), "{env}");
    let who = run(&mut s, "docker run --rm estructura whoami").stdout();
    assert_eq!(who, "node\n");
}

#[test]
fn one_run_with_cleanup_is_smaller_than_three_runs() {
    let mut s = session();
    write(&mut s, "Dockerfile", "FROM ubuntu:20.04\nRUN apt-get update\nRUN apt-get install -y curl\nRUN apt-get clean\n");
    run(&mut s, "docker build -t tres-capas .");
    write(&mut s, "Dockerfile", "FROM ubuntu:20.04\nRUN apt-get update && \\\n    apt-get install -y curl && \\\n    apt-get clean && \\\n    rm -rf /var/lib/apt/lists/*\n");
    run(&mut s, "docker build -t una-capa .");
    let (three, one) = (size(&mut s, "tres-capas"), size(&mut s, "una-capa"));
    assert!(one < three, "one RUN with cleanup {one} vs three RUNs {three}");
    let h3 = run(&mut s, "docker history -q tres-capas").stdout().lines().count();
    let h1 = run(&mut s, "docker history -q una-capa").stdout().lines().count();
    assert_eq!(h3, h1 + 2);
}

#[test]
fn minimal_images_and_multi_stage() {
    let mut s = session();
    write(&mut s, "Dockerfile", "FROM node:16-alpine\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"app.js\"]\n");
    write(&mut s, "app.js", "console.log('hola');\n");
    write(&mut s, "package.json", "{\n  \"name\": \"app\",\n  \"scripts\": { \"build\": \"mkdir -p dist && cp app.js dist/\" }\n}\n");
    run(&mut s, "docker build -t app:alpine .");
    write(&mut s, "Dockerfile", "FROM node:16 AS builder\nWORKDIR /app\nCOPY . .\nRUN mkdir -p dist && cp app.js dist/\n\nFROM node:16-alpine\nCOPY --from=builder /app/dist /app\nCMD [\"node\", \"/app/app.js\"]\n");
    run(&mut s, "docker build -t app:multi .");
    write(&mut s, "Dockerfile", "FROM node:16\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"app.js\"]\n");
    run(&mut s, "docker build -t app:full .");
    let (alpine, multi, full) = (size(&mut s, "app:alpine"), size(&mut s, "app:multi"), size(&mut s, "app:full"));
    assert!(alpine * 5 < full && multi * 5 < full, "alpine {alpine}, multi {multi}, full {full}");
    let images = run(&mut s, "docker images app").stdout();
    assert!(images.contains("MB") && images.lines().count() == 4, "{images}");
    let listed = run(&mut s, "docker run --rm app:multi ls /app").stdout();
    assert_eq!(listed, "app.js\n");
}
