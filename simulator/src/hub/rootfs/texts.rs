//! Text files of the simulated images: configuration, welcome pages, entrypoint scripts, account
//! databases and release files. Scripts are the simulator's own, sized as the images' files are.

/// `text` made exactly `size` bytes long: cut at a character boundary, or completed with a comment
/// line (the catalog records each COPY layer's exact size).
pub fn sized(text: &str, size: usize) -> String {
    // No simulated script is larger than this; the cap keeps a wrong size from allocating wildly.
    let size = size.min(1 << 20);
    if text.len() >= size {
        let mut end = size;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        return text.get(..end).unwrap_or("").to_string();
    }
    let mut out = text.to_string();
    let missing = size - out.len();
    if missing == 1 {
        out.push('\n');
    } else {
        out.push_str(&"#".repeat(missing - 1));
        out.push('\n');
    }
    out
}

pub const NGINX_INDEX: &str = "<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href=\"http://nginx.org/\">nginx.org</a>.<br/>
Commercial support is available at
<a href=\"http://nginx.com/\">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
";

pub const NGINX_50X: &str = "<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
";

pub const NGINX_CONF: &str = "
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] \"$request\" '
                      '$status $body_bytes_sent \"$http_referer\" '
                      '\"$http_user_agent\" \"$http_x_forwarded_for\"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
";

pub const NGINX_DEFAULT_CONF: &str = "server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}
";

pub const NGINX_ENTRYPOINT: &str = "#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z \"${NGINX_ENTRYPOINT_QUIET_LOGS:-}\" ]; then
        echo \"$@\"
    fi
}

if [ \"$1\" = \"nginx\" ] || [ \"$1\" = \"nginx-debug\" ]; then
    if /usr/bin/find \"/docker-entrypoint.d/\" -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read v; then
        entrypoint_log \"$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\"

        entrypoint_log \"$0: Looking for shell scripts in /docker-entrypoint.d/\"
        find \"/docker-entrypoint.d/\" -follow -type f -print | sort -V | while read -r f; do
            case \"$f\" in
                *.envsh)
                    if [ -x \"$f\" ]; then
                        entrypoint_log \"$0: Sourcing $f\";
                        . \"$f\"
                    else
                        entrypoint_log \"$0: Ignoring $f, not executable\";
                    fi
                    ;;
                *.sh)
                    if [ -x \"$f\" ]; then
                        entrypoint_log \"$0: Launching $f\";
                        \"$f\"
                    else
                        entrypoint_log \"$0: Ignoring $f, not executable\";
                    fi
                    ;;
                *) entrypoint_log \"$0: Ignoring $f\";;
            esac
        done

        entrypoint_log \"$0: Configuration complete; ready for start up\"
    else
        entrypoint_log \"$0: No files found in /docker-entrypoint.d/, skipping configuration\"
    fi
fi

exec \"$@\"
";

pub const NGINX_IPV6: &str = "#!/bin/sh
# vim:sw=2:ts=2:sts=2:et

set -eu

LC_ALL=C
ME=$(basename \"$0\")
DEFAULT_CONF_FILE=\"etc/nginx/conf.d/default.conf\"

[ \"${NGINX_ENTRYPOINT_LISTEN_ON_IPV6:-}\" = \"false\" ] && exit 0

if [ ! -f \"/proc/net/if_inet6\" ]; then
  echo >&3 \"$ME: info: ipv6 not available\"
  exit 0
fi

if [ ! -f \"/$DEFAULT_CONF_FILE\" ]; then
  echo >&3 \"$ME: info: /$DEFAULT_CONF_FILE is not a file or does not exist\"
  exit 0
fi

# check if the file can be modified, e.g. not on a r/o filesystem
touch /$DEFAULT_CONF_FILE 2>/dev/null || { echo >&3 \"$ME: info: can not modify /$DEFAULT_CONF_FILE (read-only file system?)\"; exit 0; }

# enable ipv6 on default.conf listen sockets
sed -i -E 's,listen       80;,listen       80;\\n    listen  [::]:80;,' /$DEFAULT_CONF_FILE

echo >&3 \"$ME: info: Enabled listen on IPv6 in /$DEFAULT_CONF_FILE\"

exit 0
";

pub const NGINX_RESOLVERS: &str = "#!/bin/sh
# vim:sw=2:ts=2:sts=2:et

set -eu

LC_ALL=C
PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"

[ \"${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}\" ] || return 0

NGINX_LOCAL_RESOLVERS=$(awk 'BEGIN{ORS=\" \"} $1==\"nameserver\" {print $2}' /etc/resolv.conf)
export NGINX_LOCAL_RESOLVERS
";

pub const NGINX_ENVSUBST: &str = "#!/bin/sh

set -e

ME=$(basename \"$0\")

entrypoint_log() {
    if [ -z \"${NGINX_ENTRYPOINT_QUIET_LOGS:-}\" ]; then
        echo \"$@\"
    fi
}

auto_envsubst() {
  local template_dir=\"${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}\"
  local suffix=\"${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}\"
  local output_dir=\"${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}\"
  local filter=\"${NGINX_ENVSUBST_FILTER:-}\"

  local template defined_envs relative_path output_path subdir
  defined_envs=$(printf '${%s} ' $(awk \"END { for (name in ENVIRON) { print ( name ~ /${filter}/ ) ? name : \\\"\\\" } }\" < /dev/null ))
  [ -d \"$template_dir\" ] || return 0
  if [ ! -w \"$output_dir\" ]; then
    entrypoint_log \"$ME: ERROR: $template_dir exists, but $output_dir is not writable\"
    return 0
  fi
  find \"$template_dir\" -follow -type f -name \"*$suffix\" -print | while read -r template; do
    relative_path=\"${template#\"$template_dir/\"}\"
    output_path=\"$output_dir/${relative_path%\"$suffix\"}\"
    subdir=$(dirname \"$relative_path\")
    # create a subdirectory where the template file exists
    mkdir -p \"$output_dir/$subdir\"
    entrypoint_log \"$ME: Running envsubst on $template to $output_path\"
    envsubst \"$defined_envs\" < \"$template\" > \"$output_path\"
  done
}

auto_envsubst

exit 0
";

pub const NGINX_WORKERS: &str = "#!/bin/sh
# vim:sw=2:ts=2:sts=2:et

set -eu

LC_ALL=C
ME=$(basename \"$0\")
PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"

[ \"${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}\" ] || exit 0

touch /etc/nginx/nginx.conf 2>/dev/null || { echo >&2 \"$ME: error: can not modify /etc/nginx/nginx.conf (read-only file system?)\"; exit 0; }

ceildiv() {
  num=$1
  div=$2
  echo $(( (num + div - 1) / div ))
}

get_cpuset() {
  cpusetroot=$1
  cpusetfile=$2
  ncpu=0
  [ -f \"$cpusetroot/$cpusetfile\" ] || return 1
  for token in $( tr ',' ' ' < \"$cpusetroot/$cpusetfile\" ); do
    case \"$token\" in
      *-*)
        count=$( seq $(echo \"$token\" | tr '-' ' ') | wc -l )
        ncpu=$(( ncpu+count ))
        ;;
      *)
        ncpu=$(( ncpu+1 ))
        ;;
    esac
  done
  echo \"$ncpu\"
}

get_quota() {
  cpuroot=$1
  ncpu=0
  [ -f \"$cpuroot/cpu.cfs_quota_us\" ] || return 1
  [ -f \"$cpuroot/cpu.cfs_period_us\" ] || return 1
  cfs_quota=$( cat \"$cpuroot/cpu.cfs_quota_us\" )
  cfs_period=$( cat \"$cpuroot/cpu.cfs_period_us\" )
  [ \"$cfs_quota\" = \"-1\" ] && return 1
  [ \"$cfs_period\" = \"0\" ] && return 1
  ncpu=$( ceildiv \"$cfs_quota\" \"$cfs_period\" )
  [ \"$ncpu\" -gt 0 ] || return 1
  echo \"$ncpu\"
}

ncpu_online=$( getconf _NPROCESSORS_ONLN )
ncpu_cpuset=$( get_cpuset /sys/fs/cgroup cpuset.cpus.effective || echo \"$ncpu_online\" )
ncpu_quota=$( get_quota /sys/fs/cgroup/cpu || echo \"$ncpu_cpuset\" )
ncpu=$( printf \"%s\\n%s\\n%s\\n\" \"$ncpu_online\" \"$ncpu_cpuset\" \"$ncpu_quota\" | sort -n | head -n 1 )

sed -i.bak -r 's/^(worker_processes)(.*)$/# Commented out by '\"$ME\"' on '\"$(date)\"'\\n#\\1\\2\\n\\1 '\"$ncpu\"';/' /etc/nginx/nginx.conf
";

pub const NODE_ENTRYPOINT: &str = "#!/bin/sh
set -e

# Run the command with node when the first argument is an option (starts with \"-\"), is not a
# program on the PATH, or is a file that is not executable (a script to run with node).
if [ \"${1#-}\" != \"${1}\" ] || [ -z \"$(command -v \"${1}\")\" ] || { [ -f \"${1}\" ] && ! [ -x \"${1}\" ]; }; then
  set -- node \"$@\"
fi

exec \"$@\"
";

pub const HTTPD_INDEX: &str = "<html><body><h1>It works!</h1></body></html>\n";

pub const HTTPD_FOREGROUND: &str = "#!/bin/sh
set -e

# Apache gets grumpy about PID files pre-existing
rm -f /usr/local/apache2/logs/httpd.pid

exec httpd -DFOREGROUND \"$@\"
";

pub const GENERIC_ENTRYPOINT: &str = "#!/bin/sh
set -e

# first arg is `-f` or `--some-option`: run the server with these options
if [ \"${1#-}\" != \"$1\" ]; then
	set -- \"$PROGRAM\" \"$@\"
fi

# drop privileges when started as root for the server itself
if [ \"$1\" = \"$PROGRAM\" ] && [ \"$(id -u)\" = '0' ]; then
	find . \\! -user \"$USER\" -exec chown \"$USER\" '{}' +
	exec gosu \"$USER\" \"$0\" \"$@\"
fi

exec \"$@\"
";

/// `/etc/passwd` of a Debian-family image.
pub const DEBIAN_PASSWD: &str = "root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
";

pub const DEBIAN_GROUP: &str = "root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
";

pub const ALPINE_PASSWD: &str = "root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
";

pub const ALPINE_GROUP: &str = "root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
";

pub const BUSYBOX_PASSWD: &str = "root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
";

pub const BUSYBOX_GROUP: &str = "root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nobody:x:65534:
";

/// `/etc/shadow` lines (locked passwords) for the names of a passwd file.
pub fn shadow_for(passwd: &str) -> String {
    passwd
        .lines()
        .filter_map(|l| l.split(':').next())
        .map(|name| format!("{name}:*:20101:0:99999:7:::\n"))
        .collect()
}

pub fn debian_os_release(version_id: &str, codename: &str) -> String {
    format!(
        "PRETTY_NAME=\"Debian GNU/Linux {version_id} ({codename})\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"{version_id}\"\n\
         VERSION=\"{version_id} ({codename})\"\nVERSION_CODENAME={codename}\nID=debian\nHOME_URL=\"https://www.debian.org/\"\n\
         SUPPORT_URL=\"https://www.debian.org/support\"\nBUG_REPORT_URL=\"https://bugs.debian.org/\"\n"
    )
}

pub fn ubuntu_os_release(version: &str, full: &str, name: &str, codename: &str) -> String {
    format!(
        "PRETTY_NAME=\"Ubuntu {full} LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"{version}\"\nVERSION=\"{full} LTS ({name})\"\n\
         VERSION_CODENAME={codename}\nID=ubuntu\nID_LIKE=debian\nHOME_URL=\"https://www.ubuntu.com/\"\n\
         SUPPORT_URL=\"https://help.ubuntu.com/\"\nBUG_REPORT_URL=\"https://bugs.launchpad.net/ubuntu/\"\n\
         PRIVACY_POLICY_URL=\"https://www.ubuntu.com/legal/terms-and-policies/privacy-policy\"\nUBUNTU_CODENAME={codename}\nLOGO=ubuntu-logo\n"
    )
}

pub fn alpine_os_release(version: &str) -> String {
    let minor: String = version.split('.').take(2).collect::<Vec<_>>().join(".");
    format!(
        "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID={version}\nPRETTY_NAME=\"Alpine Linux v{minor}\"\n\
         HOME_URL=\"https://alpinelinux.org/\"\nBUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n"
    )
}

pub const ORACLE_OS_RELEASE: &str = "NAME=\"Oracle Linux Server\"
VERSION=\"9.5\"
ID=\"ol\"
ID_LIKE=\"fedora\"
VARIANT=\"Server\"
VARIANT_ID=\"server\"
VERSION_ID=\"9.5\"
PLATFORM_ID=\"platform:el9\"
PRETTY_NAME=\"Oracle Linux Server 9.5\"
ANSI_COLOR=\"0;31\"
CPE_NAME=\"cpe:/o:oracle:linux:9:5:server\"
HOME_URL=\"https://linux.oracle.com/\"
BUG_REPORT_URL=\"https://github.com/oracle/oracle-linux\"
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_fit_the_sizes_the_catalog_records() {
        let cases = [
            (NGINX_ENTRYPOINT, 1_620),
            (NGINX_IPV6, 2_125),
            (NGINX_RESOLVERS, 389),
            (NGINX_ENVSUBST, 3_018),
            (NGINX_WORKERS, 4_619),
            (NODE_ENTRYPOINT, 388),
            (HTTPD_FOREGROUND, 138),
            (GENERIC_ENTRYPOINT, 661),
        ];
        for (text, size) in cases {
            assert!(text.len() <= size, "{} > {size}: {}", text.len(), text.lines().next().unwrap_or(""));
            let out = sized(text, size);
            assert_eq!(out.len(), size);
            assert!(out.starts_with(text) && out.ends_with('\n'));
        }
        assert_eq!(sized("abcdef", 3), "abc");
        assert_eq!(sized("ñandú", 2), "ñ");
        assert_eq!(sized("a", 2), "a\n");
        assert_eq!(NGINX_INDEX.len(), 615);
    }
}
