#!/usr/bin/env python3
"""Captures how the real Docker CLI 28.2 parses a few thousand command lines (cases.jsonl).

Each record: {"argv": [...], "stdout": ..., "stderr": ..., "exit": N}. Command lines that parse
reach the daemon, which is a socket that does not exist, so nothing is ever executed; the test
(`cli::tests::real_docker_corpus`) counts "Cannot connect to the Docker daemon" (and a few other
post-parse messages) as "parsed". A stdout equal to a help text is stored as {"help": "<file>"}.

Run as root (it uses a private mount namespace, like help/capture.sh, so that ~/.docker holds the
buildx and compose plugins without touching the machine):

    PLUGINS=/tmp/real-docker/client-config/cli-plugins ./capture_cases.py
"""
import json
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
HELP_DIR = os.path.join(os.path.dirname(HERE), "help")
PLUGINS = os.environ.get("PLUGINS", "/tmp/real-docker/client-config/cli-plugins")

# Help texts that differ without a daemon (Windows-only flags, swarm): --help is not captured for them.
DAEMON_DEPENDENT = {"run", "create", "container_run", "container_create", "start", "container_start",
                    "volume_create", "volume_ls"}
# Flags refused only with a daemon (isSupported): tested by hand in tests.rs.
DAEMON_CHECKED = {"cpu-count", "cpu-percent", "io-maxbandwidth", "io-maxiops", "checkpoint", "checkpoint-dir"}

LEAVES = {
    # path: help file
    "version": "version", "info": "info", "run": "run", "create": "create", "start": "start",
    "stop": "stop", "restart": "restart", "pause": "pause", "unpause": "unpause", "kill": "kill",
    "rm": "rm", "remove": "rm", "rename": "rename", "wait": "wait", "logs": "logs", "top": "top",
    "port": "port", "inspect": "inspect", "ps": "ps", "stats": "stats", "exec": "exec",
    "attach": "attach", "cp": "cp", "diff": "diff", "commit": "commit", "export": "export",
    "images": "images", "pull": "pull", "push": "push", "rmi": "rmi", "history": "history",
    "tag": "tag", "save": "save", "load": "load", "search": "search", "login": "login",
    "logout": "logout", "build": "build",
    "image build": "build", "builder build": "build", "builder b": "build",
}
GROUPS = {
    "container": {"run": "run", "create": "create", "start": "start", "stop": "stop",
                  "restart": "restart", "pause": "pause", "unpause": "unpause", "kill": "kill",
                  "rm": "rm", "remove": "rm", "rename": "rename", "wait": "wait", "logs": "logs",
                  "top": "top", "port": "port", "inspect": "inspect", "ls": "ls", "list": "ls",
                  "ps": "ls", "prune": "prune", "stats": "stats", "exec": "exec", "attach": "attach",
                  "cp": "cp", "diff": "diff", "commit": "commit", "export": "export"},
    "image": {"ls": "ls", "list": "ls", "pull": "pull", "push": "push", "rm": "rm", "rmi": "rm",
              "remove": "rm", "prune": "prune", "history": "history", "tag": "tag",
              "inspect": "inspect", "save": "save", "load": "load"},
    "volume": {"create": "create", "ls": "ls", "list": "ls", "inspect": "inspect", "rm": "rm",
               "remove": "rm", "prune": "prune"},
    "network": {"create": "create", "ls": "ls", "list": "ls", "inspect": "inspect", "rm": "rm",
                "remove": "rm", "connect": "connect", "disconnect": "disconnect", "prune": "prune"},
    "system": {"df": "df", "prune": "prune", "info": "info"},
}
for g, subs in GROUPS.items():
    for name, canon in subs.items():
        LEAVES[f"{g} {name}"] = f"{g}_{canon}"


def flags_of(help_file):
    """(short, long, type) of each flag line under Options:."""
    out = []
    inside = False
    with open(os.path.join(HELP_DIR, help_file + ".txt")) as f:
        for line in f.read().split("\n"):
            if not inside:
                inside = line == "Options:"
                continue
            if not line:
                break
            if line.startswith("      --"):
                short, rest = None, line[8:]
            elif line.startswith("  -") and line[4:8] == ", --":
                short, rest = line[3], line[8:]
            else:
                continue
            name = rest.split(" ")[0]
            after = rest[len(name):]
            typ = after[1:].split(" ")[0] if after.startswith(" ") and not after.startswith("  ") else ""
            out.append((short, name, typ))
    return out


BAD_VALUES = {
    "int": ["x", "99999999999999999999", "0x1g", "1_000", "08"],
    "uint": ["-1", "x"],
    "uint16": ["70000", "x"],
    "bytes": ["x", "1q", "-5", "1.2.3m", "10KBB"],
    "decimal": ["x", "0.0000000001", "1/3", "1e-10"],
    "duration": ["5", "x", "5x", ""],
    "filter": ["x", ""],
    "ulimit": ["x", "foo=1", "nofile=2:1", "nofile=a", "nofile=1:2:3"],
    "mount": ["x", "type=bind", "", "type=bind,src=/a,dst=/b,foo=1", "type=tmpfs,dst=/a,volume-nocopy",
              "a\"b", "\"a"],
    "strings": ["a\"b", "\"a"],
    "": ["maybe", ""],
}
LIST_BAD_VALUES = {
    "env": ["=x", ""], "label": ["=x", " a b=1", ""], "add-host": ["x", "a:b", "a=[::1]", ":1.2.3.4"],
    "dns": ["x", "1.2.3.4.5"], "attach": ["x", "STDIN"], "link": ["a:b:c", ""],
    "sysctl": ["x", "kernel.foo=1"], "dns-search": ["-x", "1.2"],
    "blkio-weight-device": ["x", "a:1", "/dev/a:5"],
    "device-read-bps": ["/dev/a:x", "x"], "device-read-iops": ["/dev/a:x"],
    "device-cgroup-rule": ["x", "c 1:2 rwm"],
}


def leaf_cases():
    cases = []
    for path, help_file in LEAVES.items():
        words = path.split(" ")
        cases += [words + ["--foo"], words + ["-Z"], words + ["--help=foo"]]
        if help_file not in DAEMON_DEPENDENT:
            cases += [words + ["--help"], words + ["-h"]]
        for tail in ([], ["a"], ["a", "b"], ["a", "b", "c"]):
            cases.append(words + tail)
        # Flags: once per help file, on the first path that uses it.
        if help_file in SEEN_FILES:
            continue
        SEEN_FILES.add(help_file)
        for short, name, typ in flags_of(help_file):
            if name in DAEMON_CHECKED or name == "help":
                continue
            if typ:
                cases.append(words + [f"--{name}"])
                if short:
                    cases.append(words + [f"-{short}"])
                    cases.append(words + [f"-a{short}"])
            values = list(BAD_VALUES.get(typ, []))
            if typ in ("list", "map"):
                values += LIST_BAD_VALUES.get(name, [])
            for v in values:
                cases.append(words + [f"--{name}={v}"])
            if short and values:
                cases.append(words + [f"-{short}", values[0]])
    return cases


SEEN_FILES = set()

HAND_WRITTEN = r"""
# root and global options
--foo
-Z
-- ps
-- -- ps
-- --foo
-- -x
-D ps
-D
-H
-v
--version
--version foo
-v ps
-Dv
-vD
ps -v
-l debug ps
-l foo ps
-l foo
-l foo --version
-l foo ps extra
-l WARN ps
--log-level=foo ps
-H x -c y ps
-H x -c y ps extra
-c default ps
--config /tmp ps
--tls ps
foo
foo --bar
foo -v
foo -D
--bar foo
""
-
" "
ps ""
ps -
ps --
ps -- a
ps -=
ps --=
ps ---a
ps -a=
ps -a=1
ps --all=
ps -n=
ps -n=3
ps --last=
ps -n3q
ps -qn3
ps -aqn 3
ps -a -q --last 3 --filter status=exited -f name=x --format "{{.ID}}"
ps --help extra
ps extra --help
ps --foo --help
ps --help --foo
ps -n --help
ps --help=false
ps --help=true
ps -h --foo
-h -v
--help -v
-v --help
ps -h=false
ps -h=false extra
stop --time 1 -h
-h
-h ps
--help
--help ps
--help foo
-h -h ps
-h --foo
-h -v
--help -v
-v --help
ps -h=false
ps -h=false extra
stop --time 1 -h
ps -h -h
help
help ps
help container ls
help foo
help foo bar
help ps extra
help container foo
help --foo
help --foo ps
help ps --all
help help
help -h
help build
help image build
help builder
help builder build
help builder prune
help container
help ps
# groups
container -h ls
container -h -h ls
container -h
container ls -h
container ls -h -h
-h container ls
container -h ls -h
container -h foo
container --help -h ls
container -h --help ls
container ls -h --all=foo
container -h ls --foo
container --help ls
container --help=false ls
container --help=false
container --help=foo ls
container --foo=1 ls
container -- ls
container -a ls
container -D ls
container --foo ls
container ls -D
image -h ls
image foo --help
image --foo
image -q
volume foo
volume foo bar
network foo
system foo
system
network
image
container foo bar
# builder / buildx
build
build a b
build .
build -t x .
build --foo
build --foo .
build -Z .
build -t
build --shm-size x .
build --ulimit x .
build --add-host a\"b .
build --add-host a,b .
build --builder x .
build -D .
build -h
build --help=foo
image build
image build .
image build --foo
image -h build
builder
builder --help
builder -h
builder foo
builder foo bar
builder --foo
builder -Z
builder -D
builder --builder x
builder --builder
builder -h build
builder -D build .
builder --builder x build .
builder --builder x build
builder build
builder build .
builder b .
builder foo --help
builder prune
builder --foo=1 build .
builder --builder=x -D build .
builder -- build .
builder --help=foo build
builder build --foo
builder -Z build
builder --debug=x build .
build --builder x --help
build --help --builder x
build -t x --builder y --help
builder --builder x --help
builder --builder= --help
-- build .
-D build .
-h build
--help builder
# deprecations
stop --time 1 x
stop --time 1
stop --time 1 --foo
stop --time x a
stop -t x a
stop --time=1 -t 2 a
restart --time 1 x
container stop --time 1 x
# non-interspersed commands
run alpine --foo
run -d alpine -x
run alpine -- ls
run -- alpine ls
run -it --rm -p 80:80 -p8080:80 -e A=1 -eB=2 -v /a:/b --name web alpine sh -c "echo hi"
run -dp 80:80 alpine
run -p80:80 alpine
run -h x alpine
run -h
run --net host alpine
run --net-alias a alpine
run --dns-opt a alpine
run --network a --network b alpine
run --memory-swap -1 alpine
run --memory-swap=-2 alpine
run --cpus 1.5 alpine
run --cpus 3/2 alpine
run --health-interval 1m30s alpine
run --restart always alpine
run -m 512m alpine
run -m 0 alpine
run --attach stdout alpine
run -a STDERR alpine
run --add-host db:10.0.0.1 alpine
run --add-host db=10.0.0.1 alpine
run --add-host db:host-gateway alpine
run --dns 8.8.8.8 alpine
run --ulimit nofile=1024:2048 alpine
run --mount type=bind,src=/a,dst=/b alpine
run --mount type=volume,target=/data alpine
run --mount type=bind,source=/a,target=/b,readonly alpine
run --blkio-weight 70000 alpine
run --blkio-weight 0x10 alpine
run --stop-timeout 0x10 alpine
run -l a=b --label-file f alpine
run --sysctl net.ipv4.ip_forward=1 alpine
create --foo
create alpine --foo
exec c
exec c sh
exec -it c sh
exec c -it sh
exec -e A=1 -u root -w /tmp c sh
exec --foo c sh
exec -e =x c sh
top c -ef
top c
top -x c
commit c -a x
commit -a x c repo:tag
commit -c "CMD x" -m msg c
tag a b
tag a -f b
tag -f a b
# rm and friends
rm -f a b
rm -fv a
rm -fvl a
kill -s KILL a
kill --signal=HUP a
logs -f --tail 10 a
logs --tail=x a
logs -n 5 a
logs --since 1h a
port a 80/tcp
port a 80 90
cp a:/x b
cp -a a:/x b
inspect --type container a
inspect -f "{{.Id}}" a
inspect -s a
images -a -q
images --filter dangling=true
images a b
images --tree
pull -a alpine
pull --platform linux/amd64 alpine
push --all-tags a
rmi -f a
rmi --platform linux/amd64,linux/arm64 a
save -o x.tar a
load -i x.tar
load extra
history --no-trunc -H=false a
search --limit 5 x
search --limit x x
search --filter stars=3 x
login -u a -p b
login --password-stdin -u a
login a b
logout a b
version --format x
version extra
info -f x
info extra
stats --no-stream
stats --no-stream a b
volume create
volume create v
volume create v w
volume create --name v
volume create -d local -o type=tmpfs --label a=b v
volume create --label " " v
volume ls --cluster
volume ls -q -f dangling=true
volume rm -f a
volume prune -a -f
network create --driver bridge --subnet 10.0.0.0/24 n
network create --subnet a,b n
network create --ipv6 --ipv4=false n
network create
network connect --alias a --ip 1.2.3.4 n c
network connect --link a:b:c n c
network connect n
network disconnect -f n c
network prune -f --filter until=1h
system df -v
system prune -af --volumes
system info --format x
container prune -f
image prune -a
image rmi a
image remove a
container remove a
remove a
"""


def hand_cases():
    cases = []
    for line in HAND_WRITTEN.strip().split("\n"):
        if not line or line.startswith("# "):
            continue
        cases.append(shlex.split(line) if line != '""' else [""])
    return cases


def help_texts():
    texts = {}
    for name in os.listdir(HELP_DIR):
        if name.endswith(".txt"):
            with open(os.path.join(HELP_DIR, name)) as f:
                texts[f.read()] = name
    return texts


def split_help(stdout, texts):
    """{"stdout": s}, or {"stdout": prefix, "help": file} when s ends with a whole help text."""
    for text, name in texts.items():
        if stdout.endswith(text):
            prefix = stdout[: len(stdout) - len(text)]
            return {"stdout": prefix, "help": name} if prefix else {"help": name}
    return {"stdout": stdout}


def inside():
    subprocess.run(["mount", "-t", "tmpfs", "none", "/root"], check=True)
    os.makedirs("/root/.docker/cli-plugins")
    for p in ("docker-buildx", "docker-compose"):
        subprocess.run(["cp", os.path.join(PLUGINS, p), "/root/.docker/cli-plugins/"], check=True)
    env = {"HOME": "/root", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "DOCKER_HOST": "unix:///nonexistent.sock"}
    texts = help_texts()
    seen = set()
    records = []
    for argv in hand_cases() + leaf_cases():
        key = tuple(argv)
        if key in seen:
            continue
        seen.add(key)
        p = subprocess.run(["docker"] + argv, env=env, cwd="/tmp", stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=60)
        stdout = p.stdout.decode("utf-8", "replace")
        rec = {"argv": argv}
        rec.update(split_help(stdout, texts))
        rec["stderr"] = p.stderr.decode("utf-8", "replace")
        rec["exit"] = p.returncode
        records.append(rec)
    with open(os.path.join(HERE, "cases.jsonl"), "w") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"captured {len(records)} cases")


if __name__ == "__main__":
    if sys.argv[1:] == ["--inside"]:
        inside()
    else:
        os.execvp("unshare", ["unshare", "-m", sys.executable, os.path.abspath(__file__), "--inside"])
