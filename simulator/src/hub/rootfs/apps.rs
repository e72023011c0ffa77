//! Application layers of the catalog's images (nginx, httpd, node, python, redis, postgres, mysql,
//! rabbitmq, hello-world): each step's files, recognised by what the step ran.

use super::packages::{self, Apk, Deb};
use super::texts::{self, sized};
use super::Step;
use crate::hub::{HubImage, HubStep};

/// Adds `name` (uid = gid) to the account files of a Debian-family or Alpine image.
fn add_user(s: &mut Step, alpine: bool, name: &str, id: u32, home: &str, shell: &str) {
    let (passwd, group) = if alpine { (texts::ALPINE_PASSWD, texts::ALPINE_GROUP) } else { (texts::DEBIAN_PASSWD, texts::DEBIAN_GROUP) };
    let gecos = if name == "node" || alpine { "" } else { name };
    let line = format!("{name}:x:{id}:{id}:{gecos}:{home}:{shell}\n");
    s.text("/etc/passwd", 0o644, &format!("{passwd}{line}"));
    s.text("/etc/group", 0o644, &format!("{group}{name}:x:{id}:\n"));
    s.text("/etc/shadow", 0o640, &texts::shadow_for(&format!("{passwd}{line}")));
}

fn apk_db(s: &mut Step, base: &'static [Apk], extra: &[&'static [Apk]]) {
    let mut sets = vec![base];
    sets.extend_from_slice(extra);
    s.text("/lib/apk/db/installed", 0o644, &packages::apk_installed(&sets));
    s.text("/etc/apk/world", 0o644, &packages::apk_world(&sets));
}

fn dpkg_db(s: &mut Step, extra: &[&'static [Deb]]) {
    let mut sets: Vec<&[Deb]> = vec![packages::BOOKWORM];
    sets.extend_from_slice(extra);
    s.text("/var/lib/dpkg/status", 0o644, &packages::dpkg_status(&sets));
}

fn alpine_base(image: &HubImage) -> &'static [Apk] {
    let created_318 = image.history.first().is_some_and(|st| st.created_by.contains("7acddaa8162ee438"));
    if created_318 {
        packages::ALPINE_3_18
    } else if image.history.iter().any(|st| st.created_by.contains("3.20.5")) {
        packages::ALPINE_3_20
    } else {
        packages::ALPINE_3_21
    }
}

fn is_alpine(image: &HubImage) -> bool {
    image.history.iter().any(|st| st.created_by.contains("alpine-minirootfs") || st.created_by.contains("7acddaa8162ee438"))
}

/// Fills `s` with the files of an application step of `image`.
pub fn fill(image: &HubImage, step: &HubStep, s: &mut Step) {
    let t = step.created_by;
    match image.repo {
        "hello-world" => {
            s.bin("/hello", step.size);
        }
        "nginx" => nginx(image, t, s),
        "httpd" => httpd(t, s),
        "node" => node(image, t, s),
        "python" => python(t, s),
        "redis" => redis(t, s),
        "postgres" => postgres(t, s),
        "mysql" => mysql(t, s),
        "rabbitmq" => rabbitmq(t, s),
        _ => {}
    }
}

fn entrypoint_copy(t: &str, s: &mut Step, path: &str, script: &str, size: u64) -> bool {
    if t.starts_with("COPY ") || t.contains("#(nop) COPY") {
        s.text(path, 0o755, &sized(script, usize::try_from(size).unwrap_or(0)));
        return true;
    }
    false
}

fn nginx(image: &HubImage, t: &str, s: &mut Step) {
    let size = usize::try_from(s.remaining()).unwrap_or(0);
    let script = |name: &str| match name {
        "10" => texts::NGINX_IPV6,
        "15" => texts::NGINX_RESOLVERS,
        "20" => texts::NGINX_ENVSUBST,
        _ => texts::NGINX_WORKERS,
    };
    if t.starts_with("COPY docker-entrypoint.sh /") {
        s.text("/docker-entrypoint.sh", 0o775, &sized(texts::NGINX_ENTRYPOINT, size));
        return;
    }
    for (prefix, file) in [("COPY 10-", "10-listen-on-ipv6-by-default.sh"), ("COPY 15-", "15-local-resolvers.envsh"), ("COPY 20-", "20-envsubst-on-templates.sh"), ("COPY 30-", "30-tune-worker-processes.sh")] {
        if t.starts_with(prefix) {
            s.text(&format!("/docker-entrypoint.d/{file}"), 0o775, &sized(script(file.get(..2).unwrap_or("")), size));
            return;
        }
    }
    let alpine = is_alpine(image);
    if t.contains("groupadd --system --gid 101 nginx") || t.contains("addgroup -g 101 -S nginx") {
        add_user(s, alpine, "nginx", 101, "/nonexistent", if alpine { "/sbin/nologin" } else { "/bin/false" });
        s.text("/etc/nginx/nginx.conf", 0o644, texts::NGINX_CONF)
            .text("/etc/nginx/conf.d/default.conf", 0o644, texts::NGINX_DEFAULT_CONF)
            .text("/etc/nginx/fastcgi_params", 0o644, "fastcgi_param  QUERY_STRING       $query_string;\nfastcgi_param  REQUEST_METHOD     $request_method;\nfastcgi_param  CONTENT_TYPE       $content_type;\nfastcgi_param  CONTENT_LENGTH     $content_length;\n")
            .text("/etc/nginx/scgi_params", 0o644, "scgi_param  REQUEST_METHOD     $request_method;\nscgi_param  REQUEST_URI        $request_uri;\n")
            .text("/etc/nginx/uwsgi_params", 0o644, "uwsgi_param  QUERY_STRING       $query_string;\nuwsgi_param  REQUEST_METHOD     $request_method;\n")
            .text("/etc/nginx/mime.types", 0o644, "\ntypes {\n    text/html                                        html htm shtml;\n    text/css                                         css;\n    text/xml                                         xml;\n    image/gif                                        gif;\n    image/jpeg                                       jpeg jpg;\n    application/javascript                           js;\n    application/json                                 json;\n    image/png                                        png;\n    image/svg+xml                                    svg svgz;\n    application/octet-stream                         bin exe dll;\n}\n")
            .symlink("/etc/nginx/modules", "/usr/lib/nginx/modules")
            .text("/usr/share/nginx/html/index.html", 0o644, texts::NGINX_INDEX)
            .text("/usr/share/nginx/html/50x.html", 0o644, texts::NGINX_50X)
            .symlink("/var/log/nginx/access.log", "/dev/stdout")
            .symlink("/var/log/nginx/error.log", "/dev/stderr")
            .dir("/var/cache/nginx", 0o755)
            .dir("/docker-entrypoint.d", 0o755)
            .bin("/usr/sbin/nginx", 1_479_128)
            .bin("/usr/sbin/nginx-debug", 1_529_448)
            .bin("/usr/bin/envsubst", 39_240)
            .bin("/usr/bin/curl", 305_792);
        if alpine {
            apk_db(s, alpine_base(image), &[packages::NGINX_APK]);
            s.pad(&["/usr/lib/libpcre2-8.so.0.12.0", "/usr/share/zoneinfo/tzdata.zi", "/usr/lib/libcurl.so.4.8.0"]);
        } else {
            dpkg_db(s, &[packages::NGINX_DEB]);
            s.pad(&[
                "/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1",
                "/usr/lib/x86_64-linux-gnu/libicudata.so.72.1",
                "/usr/lib/nginx/modules/ngx_http_js_module.so",
                "/usr/lib/x86_64-linux-gnu/libxml2.so.2.9.14",
                "/usr/lib/x86_64-linux-gnu/libgd.so.3.0.11",
                "/usr/lib/x86_64-linux-gnu/libGeoIP.so.1.6.12",
                "/usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0",
            ]);
        }
        return;
    }
    // nginx:alpine's last step: the dynamic modules and the tools the full image adds.
    s.bin("/usr/lib/nginx/modules/ngx_http_js_module.so", 2_912_336)
        .bin("/usr/lib/nginx/modules/ngx_stream_js_module.so", 2_883_664)
        .bin("/usr/lib/nginx/modules/ngx_http_xslt_filter_module.so", 22_880)
        .bin("/usr/lib/nginx/modules/ngx_http_image_filter_module.so", 26_976)
        .bin("/usr/lib/nginx/modules/ngx_http_geoip_module.so", 22_872);
    apk_db(s, alpine_base(image), &[packages::NGINX_APK]);
    s.pad(&["/usr/lib/libxml2.so.2.12.9", "/usr/lib/libgd.so.3.0.11", "/usr/lib/libavif.so.16.1.1", "/usr/lib/libxslt.so.1.1.39"]);
}

fn httpd(t: &str, s: &mut Step) {
    let size = s.remaining();
    if t.starts_with("RUN /bin/sh -c mkdir -p \"$HTTPD_PREFIX\"") {
        s.dir_owned("/usr/local/apache2", 0o755, 33, 33);
    } else if t.starts_with("WORKDIR ") {
        // The directory exists already: an empty layer.
    } else if t.starts_with("COPY httpd-foreground") {
        s.text("/usr/local/bin/httpd-foreground", 0o775, &sized(texts::HTTPD_FOREGROUND, usize::try_from(size).unwrap_or(0)));
    } else if t.contains("savedAptMark") {
        let p = "/usr/local/apache2";
        s.text(&format!("{p}/htdocs/index.html"), 0o644, texts::HTTPD_INDEX)
            .text(&format!("{p}/conf/httpd.conf"), 0o644, "ServerRoot \"/usr/local/apache2\"\nListen 80\nLoadModule mpm_event_module modules/mod_mpm_event.so\nLoadModule authz_core_module modules/mod_authz_core.so\nLoadModule mime_module modules/mod_mime.so\nLoadModule log_config_module modules/mod_log_config.so\nLoadModule unixd_module modules/mod_unixd.so\nLoadModule dir_module modules/mod_dir.so\nUser www-data\nGroup www-data\nServerAdmin you@example.com\nDocumentRoot \"/usr/local/apache2/htdocs\"\n<Directory \"/usr/local/apache2/htdocs\">\n    Options Indexes FollowSymLinks\n    AllowOverride None\n    Require all granted\n</Directory>\nDirectoryIndex index.html\nErrorLog /proc/self/fd/2\nLogLevel warn\nCustomLog /proc/self/fd/1 common\n")
            .bin(&format!("{p}/bin/httpd"), 2_473_416)
            .text(&format!("{p}/bin/apachectl"), 0o755, "#!/bin/sh\n# Apache control script: start, stop, restart, graceful, configtest\nHTTPD='/usr/local/apache2/bin/httpd'\nARGV=\"$@\"\ncase $ARGV in\nstart|stop|restart|graceful|graceful-stop)\n    $HTTPD -k $ARGV\n    ;;\nconfigtest)\n    $HTTPD -t\n    ;;\n*)\n    $HTTPD \"$@\"\nesac\n")
            .bin(&format!("{p}/bin/ab"), 97_600)
            .bin(&format!("{p}/bin/htpasswd"), 39_648)
            .dir(&format!("{p}/logs"), 0o755)
            .dir(&format!("{p}/cgi-bin"), 0o755);
        for m in ["mod_mpm_event", "mod_authz_core", "mod_mime", "mod_log_config", "mod_unixd", "mod_dir", "mod_rewrite", "mod_ssl", "mod_proxy"] {
            s.bin(&format!("{p}/modules/{m}.so"), 40_000 + m.len() as u64 * 3_001);
        }
        dpkg_db(s, &[&[("libapr1", "apr", "1.7.2-3+deb12u1", "Apache Portable Runtime Library"), ("libaprutil1", "apr-util", "1.6.3-1", "Apache Portable Runtime Utility Library"), ("libnghttp2-14", "nghttp2", "1.52.0-1+deb12u2", "library implementing HTTP/2 protocol (shared library)")]]);
        s.pad(&["/usr/local/apache2/modules/mod_ssl.so.debug", "/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "/usr/local/apache2/manual/index.dat", "/usr/local/apache2/include/httpd.h"]);
    } else {
        dpkg_db(s, &[packages::BOOKWORM_CURL]);
        s.blob("/etc/ssl/certs/ca-certificates.crt", 0o644, 213_777);
        s.pad(&["/usr/lib/x86_64-linux-gnu/libldap-2.5.so.0.1.11", "/usr/lib/x86_64-linux-gnu/libaprutil-1.so.0.6.3", "/usr/share/ca-certificates/mozilla.dat"]);
    }
}

fn node(image: &HubImage, t: &str, s: &mut Step) {
    let alpine = is_alpine(image);
    let version = image.env.iter().find_map(|e| e.strip_prefix("NODE_VERSION=")).unwrap_or("20.18.2");
    if entrypoint_copy(t, s, "/usr/local/bin/docker-entrypoint.sh", texts::NODE_ENTRYPOINT, 388) {
        return;
    }
    if t.contains("for key in     6A010C5166006599") || t.contains(".build-deps-yarn") {
        let yarn = "/opt/yarn-v1.22.22";
        s.text(&format!("{yarn}/bin/yarn"), 0o755, "#!/bin/sh\nargv0=$(echo \"$0\" | sed -e 's,\\\\,/,g')\nbasedir=$(dirname \"$(readlink \"$0\" || echo \"$argv0\")\")\n\"$basedir/yarn.js\" \"$@\"\n")
            .text(&format!("{yarn}/bin/yarn.js"), 0o755, "#!/usr/bin/env node\n'use strict';\nrequire(__dirname + '/../lib/cli').default();\n")
            .text(&format!("{yarn}/bin/yarnpkg"), 0o755, "#!/usr/bin/env node\n/* eslint-disable no-var */\nrequire('./yarn.js');\n")
            .text(&format!("{yarn}/package.json"), 0o644, "{\n  \"name\": \"yarn\",\n  \"installationMethod\": \"tar\",\n  \"version\": \"1.22.22\",\n  \"license\": \"BSD-2-Clause\"\n}\n")
            .symlink("/usr/local/bin/yarn", &format!("{yarn}/bin/yarn"))
            .symlink("/usr/local/bin/yarnpkg", &format!("{yarn}/bin/yarnpkg"))
            .pad(&[&format!("{yarn}/lib/cli.js"), &format!("{yarn}/LICENSE")]);
        return;
    }
    if t.contains("ARCH=") {
        let npm = "/usr/local/lib/node_modules/npm";
        s.bin("/usr/local/bin/node", if version.starts_with("16") { 78_400_000 } else { 96_800_000 })
            .symlink("/usr/local/bin/nodejs", "/usr/local/bin/node")
            .symlink("/usr/local/bin/npm", "../lib/node_modules/npm/bin/npm-cli.js")
            .symlink("/usr/local/bin/npx", "../lib/node_modules/npm/bin/npx-cli.js")
            .symlink("/usr/local/bin/corepack", "../lib/node_modules/corepack/dist/corepack.js")
            .text(&format!("{npm}/bin/npm-cli.js"), 0o755, "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n")
            .text(&format!("{npm}/bin/npx-cli.js"), 0o755, "#!/usr/bin/env node\n\nconst cli = require('../lib/cli.js')\n\n// run the resulting command as `npm exec ...args`\nprocess.argv[1] = require.resolve('./npm-cli.js')\nprocess.argv.splice(2, 0, 'exec')\ncli(process)\n")
            .text("/usr/local/lib/node_modules/corepack/dist/corepack.js", 0o755, "#!/usr/bin/env node\nprocess.env.COREPACK_ENABLE_DOWNLOAD_PROMPT??='0';\nrequire('./lib/corepack.cjs').runMain(process.argv.slice(2));\n")
            .text(&format!("{npm}/package.json"), 0o644, &format!("{{\n  \"version\": \"{}\",\n  \"name\": \"npm\",\n  \"description\": \"a package manager for JavaScript\"\n}}\n", if version.starts_with("16") { "8.19.4" } else { "10.8.2" }));
        // Modules npm bundles, as scanners find them (`node_modules/<name>/package.json`).
        let bundled: &[(&str, &str)] = if version.starts_with("16") { &[("cross-spawn", "7.0.3"), ("semver", "7.3.8")] } else { &[("cross-spawn", "7.0.3"), ("semver", "7.6.3")] };
        for (name, v) in bundled {
            s.text(&format!("{npm}/node_modules/{name}/package.json"), 0o644, &format!("{{\n  \"name\": \"{name}\",\n  \"version\": \"{v}\"\n}}\n"));
        }
        if alpine {
            add_user(s, true, "node", 1000, "/home/node", "/bin/sh");
            s.dir_owned("/home/node", 0o755, 1000, 1000);
            apk_db(s, alpine_base(image), &[packages::NODE_APK]);
            s.bin("/usr/lib/libstdc++.so.6.0.33", 2_615_000).bin("/usr/lib/libgcc_s.so.1", 156_000);
        }
        s.pad(&[&format!("{npm}/node_modules/.bundle.dat"), "/usr/local/include/node/v8-internal.dat", "/usr/local/lib/node_modules/corepack/dist/lib/corepack.cjs", "/usr/local/share/doc/node/gdbinit"]);
        return;
    }
    if t.contains("groupadd --gid 1000 node") {
        add_user(s, false, "node", 1000, "/home/node", "/bin/bash");
        s.text("/etc/gshadow", 0o640, "node:!::\n");
        s.text_owned("/home/node/.bashrc", 0o644, 1000, 1000, "# ~/.bashrc: executed by bash(1) for non-login shells.\ncase $- in\n    *i*) ;;\n      *) return;;\nesac\nHISTCONTROL=ignoreboth\nshopt -s histappend\nHISTSIZE=1000\nHISTFILESIZE=2000\n");
        s.text_owned("/home/node/.profile", 0o644, 1000, 1000, "# ~/.profile: executed by the command interpreter for login shells.\nif [ -n \"$BASH_VERSION\" ]; then\n    if [ -f \"$HOME/.bashrc\" ]; then\n\t. \"$HOME/.bashrc\"\n    fi\nfi\n");
        s.text_owned("/home/node/.bash_logout", 0o644, 1000, 1000, "# ~/.bash_logout: executed by bash(1) when login shell exits.\nif [ \"$SHLVL\" = 1 ]; then\n    [ -x /usr/bin/clear_console ] && /usr/bin/clear_console -q\nfi\n");
        s.dir_owned("/home/node", 0o755, 1000, 1000);
        s.pad(&["/var/log/lastlog", "/var/log/faillog"]);
    }
}

fn python(t: &str, s: &mut Step) {
    if t.contains("for src in idle3 pip3 pydoc3 python3 python3-config") {
        for (link, target) in [("idle", "idle3"), ("pip", "pip3"), ("pydoc", "pydoc3"), ("python", "python3"), ("python-config", "python3-config")] {
            s.symlink(&format!("/usr/local/bin/{link}"), target);
        }
        return;
    }
    if t.contains("python.tar.xz") || t.contains("PYTHON_VERSION") {
        s.bin("/usr/local/bin/python3.12", 17_616)
            .symlink("/usr/local/bin/python3", "python3.12")
            .text("/usr/local/bin/pip3", 0o755, "#!/usr/local/bin/python3.12\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom pip._internal.cli.main import main\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n")
            .text("/usr/local/bin/pip3.12", 0o755, "#!/usr/local/bin/python3.12\nimport sys\nfrom pip._internal.cli.main import main\nsys.exit(main())\n")
            .text("/usr/local/bin/pydoc3.12", 0o755, "#!/usr/local/bin/python3.12\n\nimport pydoc\nif __name__ == '__main__':\n    pydoc.cli()\n")
            .symlink("/usr/local/bin/pydoc3", "pydoc3.12")
            .text("/usr/local/bin/idle3.12", 0o755, "#!/usr/local/bin/python3.12\n\nfrom idlelib.pyshell import main\nif __name__ == '__main__':\n    main()\n")
            .symlink("/usr/local/bin/idle3", "idle3.12")
            .text("/usr/local/bin/python3.12-config", 0o755, "#!/bin/sh\n# Keep this script in sync with python-config.in\nprefix_real=/usr/local\necho \"-I$prefix_real/include/python3.12\"\n")
            .symlink("/usr/local/bin/python3-config", "python3.12-config")
            .text("/usr/local/lib/python3.12/site-packages/README.txt", 0o644, "This directory exists so that 3rd party packages can be installed\nhere.  Read the source for site.py for more details.\n")
            .pad(&["/usr/local/lib/libpython3.12.so.1.0", "/usr/local/lib/python3.12/stdlib.dat", "/usr/local/lib/python3.12/site-packages/pip/pip.dat", "/usr/local/lib/python3.12/config-3.12-x86_64-linux-gnu/libpython3.12.a"]);
        return;
    }
    dpkg_db(s, &[packages::BOOKWORM_CURL]);
    s.pad(&["/usr/lib/x86_64-linux-gnu/libtk8.6.so", "/usr/lib/x86_64-linux-gnu/libtcl8.6.so", "/usr/include/bluetooth/bluetooth.h", "/usr/include/uuid/uuid.h"]);
}

fn gosu(s: &mut Step) {
    s.bin("/usr/local/bin/gosu", 2_289_664);
    s.pad(&["/usr/local/bin/gosu.asc.dat", "/var/lib/dpkg/info/gnupg.list"]);
}

fn redis(t: &str, s: &mut Step) {
    if t.contains("groupadd -r -g 999 redis") {
        add_user(s, false, "redis", 999, "/home/redis", "/bin/sh");
        s.pad(&["/var/log/lastlog"]);
    } else if t.contains("mkdir /data") {
        s.dir_owned("/data", 0o755, 999, 999);
    } else if t.starts_with("WORKDIR ") {
    } else if t.starts_with("COPY docker-entrypoint.sh") {
        s.text("/usr/local/bin/docker-entrypoint.sh", 0o755, &sized(&texts::GENERIC_ENTRYPOINT.replace("$PROGRAM", "redis-server").replace("$USER", "redis"), 661));
    } else if t.contains("tzdata") {
        dpkg_db(s, &[&[("tzdata", "", "2024b-0+deb12u1", "time zone and daylight-saving time data")]]);
        s.pad(&["/usr/share/zoneinfo/zone1970.tab.dat", "/usr/share/zoneinfo/Europe/Madrid", "/usr/share/zoneinfo/America/Mexico_City"]);
    } else if t.contains("redis.tar.gz") || t.contains("REDIS_DOWNLOAD_URL") {
        s.bin("/usr/local/bin/redis-server", 16_734_672).bin("/usr/local/bin/redis-cli", 8_224_096).bin("/usr/local/bin/redis-benchmark", 7_511_560);
        for link in ["redis-check-aof", "redis-check-rdb", "redis-sentinel"] {
            s.symlink(&format!("/usr/local/bin/{link}"), "redis-server");
        }
        s.pad(&["/usr/local/lib/redis/modules.dat"]);
    } else {
        gosu(s);
    }
}

fn postgres(t: &str, s: &mut Step) {
    let bin = "/usr/lib/postgresql/16/bin";
    if t.contains("groupadd -r postgres --gid=999") {
        add_user(s, false, "postgres", 999, "/var/lib/postgresql", "/bin/bash");
        s.dir_owned("/var/lib/postgresql", 0o755, 999, 999);
        s.pad(&["/var/log/lastlog"]);
    } else if t.contains("mkdir /docker-entrypoint-initdb.d") {
        s.dir("/docker-entrypoint-initdb.d", 0o755);
    } else if t.contains("--mode 3777 /var/run/postgresql") {
        s.dir_owned("/var/run/postgresql", 0o3777, 999, 999);
    } else if t.contains("--mode 1777 \"$PGDATA\"") {
        s.dir_owned("/var/lib/postgresql/data", 0o1777, 999, 999);
    } else if t.starts_with("COPY docker-entrypoint.sh docker-ensure-initdb.sh") {
        let half = usize::try_from(s.remaining() / 2).unwrap_or(0);
        s.text("/usr/local/bin/docker-entrypoint.sh", 0o755, &sized(&texts::GENERIC_ENTRYPOINT.replace("$PROGRAM", "postgres").replace("$USER", "postgres"), half));
        s.text("/usr/local/bin/docker-ensure-initdb.sh", 0o755, &sized("#!/usr/bin/env bash\nset -Eeuo pipefail\n\n# initializes the database directory when it is empty, then exits\nsource /usr/local/bin/docker-entrypoint.sh\ndocker_setup_env\ndocker_create_db_directories\nif [ -z \"$DATABASE_ALREADY_EXISTS\" ]; then\n\tdocker_verify_minimum_env\n\tdocker_init_database_dir\nfi\n", usize::try_from(s.remaining()).unwrap_or(0)));
    } else if t.contains("ln -sT docker-ensure-initdb.sh") {
        s.symlink("/usr/local/bin/docker-enforce-initdb.sh", "docker-ensure-initdb.sh");
    } else if t.contains("PYTHONDONTWRITEBYTECODE") {
        for (name, size) in [("postgres", 9_851_904), ("psql", 826_512), ("initdb", 178_768), ("pg_ctl", 96_904), ("pg_dump", 458_752), ("pg_restore", 217_088), ("pg_isready", 71_744), ("createdb", 75_840)] {
            s.bin(&format!("{bin}/{name}"), size);
        }
        dpkg_db(s, &[&[("postgresql-16", "", "16.6-1.pgdg120+1", "The World's Most Advanced Open Source Relational Database"), ("postgresql-client-16", "postgresql-16", "16.6-1.pgdg120+1", "front-end programs for PostgreSQL 16"), ("libpq5", "postgresql-17", "17.2-1.pgdg120+1", "PostgreSQL C client library"), ("postgresql-common", "", "267.pgdg120+1", "PostgreSQL database-cluster manager")]]);
        s.pad(&["/usr/lib/x86_64-linux-gnu/libLLVM-14.so.1", "/usr/lib/postgresql/16/lib/bitcode.dat", "/usr/share/postgresql/16/timezonesets.dat", "/usr/lib/x86_64-linux-gnu/libicudata.so.72.1"]);
    } else if t.contains("dpkg-divert") {
        s.text("/usr/share/postgresql/postgresql.conf.sample", 0o644, "# PostgreSQL configuration file\nlisten_addresses = '*'\n#port = 5432\nmax_connections = 100\nshared_buffers = 128MB\n");
        s.pad(&["/usr/share/postgresql/16/postgresql.conf.sample.dpkg"]);
    } else if t.contains("locale") {
        s.blob("/usr/lib/locale/locale-archive", 0o644, 3_000_000).text("/etc/locale.gen", 0o644, "en_US.UTF-8 UTF-8\n");
        s.pad(&["/usr/share/i18n/charmaps/UTF-8.gz", "/usr/share/locale/locales.dat"]);
    } else if t.contains("key=") {
        s.text("/etc/apt/sources.list.d/pgdg.list", 0o644, "deb [ signed-by=/usr/local/share/keyrings/postgres.gpg.asc ] http://apt.postgresql.org/pub/repos/apt/ bookworm-pgdg main 16\n");
        s.pad(&["/usr/local/share/keyrings/postgres.gpg.asc"]);
    } else if t.contains("savedAptMark") {
        gosu(s);
    } else {
        dpkg_db(s, &[&[("gnupg", "gnupg2", "2.2.40-1.1", "GNU privacy guard - a free PGP replacement"), ("less", "", "590-2.1~deb12u2", "pager program similar to more")]]);
        s.bin("/usr/bin/less", 184_248).pad(&["/usr/bin/gpg", "/usr/lib/x86_64-linux-gnu/libgcrypt.so.20.4.1"]);
    }
}

fn mysql(t: &str, s: &mut Step) {
    if t.contains("groupadd --system --gid 999 mysql") {
        s.text("/etc/passwd", 0o644, "root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\nmysql:x:999:999::/var/lib/mysql:/bin/bash\n")
            .text("/etc/group", 0o644, "root:x:0:\nbin:x:1:\ndaemon:x:2:\nnobody:x:65534:\nmysql:x:999:\n");
        s.pad(&["/var/log/lastlog"]);
    } else if t.contains("gosuArch") {
        gosu(s);
    } else if t.contains("COPY docker-entrypoint.sh") {
        s.text("/usr/local/bin/docker-entrypoint.sh", 0o755, &sized(&texts::GENERIC_ENTRYPOINT.replace("$PROGRAM", "mysqld").replace("$USER", "mysql"), 13_827));
    } else if t.contains("ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh") {
        s.symlink("/entrypoint.sh", "usr/local/bin/docker-entrypoint.sh");
    } else if t.contains("[mysql-tools-community]") {
        s.text("/etc/yum.repos.d/mysql-community-tools.repo", 0o644, "[mysql-tools-community]\nname=MySQL Tools Community\nbaseurl=https://repo.mysql.com/yum/mysql-tools-community/el/9/$basearch/\nenabled=1\ngpgcheck=1\n");
    } else if t.contains("-server-minimal]") {
        s.text("/etc/yum.repos.d/mysql-community-minimal.repo", 0o644, "[mysql-server-minimal]\nname=MySQL Server Minimal\nbaseurl=https://repo.mysql.com/yum/mysql-community-minimal/docker/el/9/$basearch/\nenabled=1\ngpgcheck=1\n");
    } else if t.contains("key='BCA4") {
        s.pad(&["/etc/pki/rpm-gpg/RPM-GPG-KEY-mysql"]);
    } else if t.contains("mysql-community-server-minimal") {
        s.bin("/usr/sbin/mysqld", 60_000_000).bin("/usr/bin/mysql", 7_000_000).bin("/usr/bin/mysqladmin", 6_800_000).bin("/usr/bin/mysqldump", 6_900_000);
        s.text("/etc/my.cnf", 0o644, "[mysqld]\nhost-cache-size=0\nskip-name-resolve\ndatadir=/var/lib/mysql\nsocket=/var/run/mysqld/mysqld.sock\nsecure-file-priv=/var/lib/mysql-files\nuser=mysql\n\npid-file=/var/run/mysqld/mysqld.pid\n[client]\nsocket=/var/run/mysqld/mysqld.sock\n\n!includedir /etc/mysql/conf.d/\n");
        s.dir_owned("/var/lib/mysql", 0o1777, 999, 999).dir_owned("/var/lib/mysql-files", 0o1777, 999, 999).dir_owned("/var/run/mysqld", 0o1777, 999, 999).dir("/etc/mysql/conf.d", 0o755);
        s.pad(&["/usr/lib64/mysql/private/libprotobuf.so.3.19.4", "/usr/share/mysql-8.4/messages.dat", "/usr/lib64/mysql/plugin/plugins.dat"]);
    } else if t.contains("mysql-shell") {
        s.bin("/usr/bin/mysqlsh", 40_000_000);
        s.pad(&["/usr/lib/mysqlsh/libpython3.so.dat", "/usr/share/mysqlsh/modules.dat"]);
    } else {
        for p in ["bzip2", "gzip", "openssl", "xz", "zstd", "find"] {
            s.bin(&format!("/usr/bin/{p}"), 90_000 + p.len() as u64 * 7_919);
        }
        s.pad(&["/usr/lib64/libcrypto.so.3.2.2.dat", "/var/lib/rpm/rpmdb.sqlite-wal", "/var/cache/dnf/repodata.dat"]);
    }
}

fn rabbitmq(t: &str, s: &mut Step) {
    if t.starts_with("COPY /opt/erlang") {
        s.bin("/opt/erlang/lib/erlang/erts-14.2.5.5/bin/beam.smp", 4_800_000).text("/opt/erlang/bin/erl", 0o755, "#!/bin/sh\nROOTDIR=\"/opt/erlang/lib/erlang\"\nBINDIR=$ROOTDIR/erts-14.2.5.5/bin\nEMU=beam\nexport EMU ROOTDIR BINDIR\nexec \"$BINDIR/erlexec\" ${1+\"$@\"}\n");
        s.pad(&["/opt/erlang/lib/erlang/lib/stdlib.ez", "/opt/erlang/lib/erlang/lib/kernel.ez", "/opt/erlang/lib/erlang/lib/ssl.ez"]);
    } else if t.starts_with("COPY /opt/openssl") {
        s.bin("/opt/openssl/bin/openssl", 1_000_000);
        s.pad(&["/opt/openssl/lib64/libcrypto.so.3", "/opt/openssl/lib64/libssl.so.3"]);
    } else if t.contains("ln -vsf /etc/ssl/certs") {
        s.symlink("/opt/openssl/etc/ssl/certs", "/etc/ssl/certs").symlink("/opt/openssl/etc/ssl/private", "/etc/ssl/private");
        for p in ["erl", "erlc", "escript", "ct_run", "dialyzer", "typer", "epmd"] {
            s.symlink(&format!("/usr/local/bin/{p}"), &format!("/opt/erlang/bin/{p}"));
        }
        s.text("/etc/ld.so.conf.d/erlang-openssl.conf", 0o644, "/opt/openssl/lib64\n");
        s.pad(&["/opt/openssl/etc/ssl/openssl.cnf", "/etc/ld.so.cache"]);
    } else if t.contains("DEBIAN_FRONTEND=noninteractive") {
        add_user(s, false, "rabbitmq", 999, "/var/lib/rabbitmq", "/usr/sbin/nologin");
        s.dir_owned("/var/lib/rabbitmq", 0o777, 999, 999).dir_owned("/etc/rabbitmq/conf.d", 0o777, 999, 999).dir_owned("/var/log/rabbitmq", 0o777, 999, 999);
        for p in ["rabbitmq-server", "rabbitmqctl", "rabbitmq-plugins", "rabbitmq-diagnostics", "rabbitmq-queues", "rabbitmq-upgrade"] {
            s.text(&format!("/opt/rabbitmq/sbin/{p}"), 0o755, &format!("#!/bin/sh\n# {p}\nSCRIPTS_DIR=$(dirname \"$0\")\nexec \"${{SCRIPTS_DIR}}/../escript/{p}\" \"$@\"\n"));
            s.symlink(&format!("/usr/local/bin/{p}"), &format!("/opt/rabbitmq/sbin/{p}"));
        }
        s.bin("/usr/local/bin/gosu", 2_289_664);
        s.pad(&["/opt/rabbitmq/plugins/rabbit_common.ez", "/opt/rabbitmq/plugins/rabbit.ez", "/opt/rabbitmq/escript/rabbitmqctl", "/usr/lib/locale/C.utf8/LC_CTYPE"]);
    } else if t.contains("rabbitmq_prometheus") {
        s.text_owned("/etc/rabbitmq/enabled_plugins", 0o644, 999, 999, &sized("[rabbitmq_prometheus].\n", 28));
    } else if t.contains("ln -sf /opt/rabbitmq/plugins /plugins") {
        s.symlink("/plugins", "/opt/rabbitmq/plugins");
    } else if t.contains("10-defaults.conf") {
        s.text_owned("/etc/rabbitmq/conf.d/10-defaults.conf", 0o644, 999, 999, "## DEFAULT SETTINGS ARE NOT MEANT TO BE TAKEN STRAIGHT INTO PRODUCTION\n## see https://www.rabbitmq.com/configure.html for further information\n## on configuring RabbitMQ\n\n## allow access to the guest user from anywhere on the network\n## https://www.rabbitmq.com/access-control.html#loopback-users\n## https://www.rabbitmq.com/production-checklist.html#users\nloopback_users.guest = false\n\n## Send all logs to stdout/TTY. Necessary to see logs when running via\n## a container\nlog.console = true\n");
        s.text_owned("/etc/rabbitmq/conf.d/20-management_agent.disable_metrics_collector.conf", 0o644, 999, 999, "management_agent.disable_metrics_collector = true\n");
        s.pad(&["/etc/rabbitmq/conf.d/.keep"]);
    } else if t.starts_with("COPY docker-entrypoint.sh") {
        s.text("/usr/local/bin/docker-entrypoint.sh", 0o755, &sized(&texts::GENERIC_ENTRYPOINT.replace("$PROGRAM", "rabbitmq-server").replace("$USER", "rabbitmq"), 1_365));
    } else if t.contains("rabbitmq_management") {
        s.whiteout("/etc/rabbitmq/conf.d/20-management_agent.disable_metrics_collector.conf");
        s.text_owned("/etc/rabbitmq/enabled_plugins", 0o644, 999, 999, "[rabbitmq_management,rabbitmq_prometheus].\n");
        s.text("/usr/local/bin/rabbitmqadmin", 0o755, "#!/usr/bin/env python3\n\n# rabbitmqadmin: command-line tool for the management HTTP API\nimport sys\nfrom rabbitmqadmin import main\nsys.exit(main())\n");
        s.pad(&["/usr/bin/python3.12", "/usr/lib/python3.12/stdlib.dat", "/usr/lib/x86_64-linux-gnu/libpython3.12.so.1.0"]);
    }
}
