//! The rules, following hadolint 2.12.0's sources (`src/Hadolint/Rule/DL*.hs`): same triggers,
//! same state across instructions and stages, same messages.

use super::shell_script::{parse_script, Command, Script};
use super::{Finding, Level, RuleInfo};
use crate::dockerfile::{CommandLine, Dockerfile, Instruction, InstructionKind, Span};

pub(super) const RULES: &[RuleInfo] = &[
    RuleInfo { code: "DL3000", level: Level::Error, message: "Use absolute WORKDIR" },
    RuleInfo {
        code: "DL3001",
        level: Level::Info,
        message: "For some bash commands it makes no sense running them in a Docker container like `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`",
    },
    RuleInfo { code: "DL3002", level: Level::Warning, message: "Last USER should not be root" },
    RuleInfo { code: "DL3003", level: Level::Warning, message: "Use WORKDIR to switch to a directory" },
    RuleInfo {
        code: "DL3004",
        level: Level::Error,
        message: "Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root",
    },
    RuleInfo { code: "DL3005", level: Level::Error, message: "Do not use apt-get dist-upgrade" },
    RuleInfo { code: "DL3006", level: Level::Warning, message: "Always tag the version of an image explicitly" },
    RuleInfo {
        code: "DL3007",
        level: Level::Warning,
        message: "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag",
    },
    RuleInfo {
        code: "DL3008",
        level: Level::Warning,
        message: "Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`",
    },
    RuleInfo { code: "DL3009", level: Level::Info, message: "Delete the apt-get lists after installing something" },
    RuleInfo { code: "DL3011", level: Level::Error, message: "Valid UNIX ports range from 0 to 65535" },
    RuleInfo { code: "DL3012", level: Level::Error, message: "Multiple `HEALTHCHECK` instructions" },
    RuleInfo {
        code: "DL3013",
        level: Level::Warning,
        message: "Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`",
    },
    RuleInfo {
        code: "DL3014",
        level: Level::Warning,
        message: "Use the `-y` switch to avoid manual input `apt-get -y install <package>`",
    },
    RuleInfo { code: "DL3015", level: Level::Info, message: "Avoid additional packages by specifying `--no-install-recommends`" },
    RuleInfo {
        code: "DL3016",
        level: Level::Warning,
        message: "Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`",
    },
    RuleInfo {
        code: "DL3018",
        level: Level::Warning,
        message: "Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`",
    },
    RuleInfo {
        code: "DL3019",
        level: Level::Info,
        message: "Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages",
    },
    RuleInfo { code: "DL3020", level: Level::Error, message: "Use COPY instead of ADD for files and folders" },
    RuleInfo {
        code: "DL3021",
        level: Level::Error,
        message: "COPY with more than 2 arguments requires the last argument to end with /",
    },
    RuleInfo {
        code: "DL3022",
        level: Level::Warning,
        message: "`COPY --from` should reference a previously defined `FROM` alias",
    },
    RuleInfo { code: "DL3023", level: Level::Error, message: "`COPY --from` cannot reference its own `FROM` alias" },
    RuleInfo { code: "DL3024", level: Level::Error, message: "FROM aliases (stage names) must be unique" },
    RuleInfo { code: "DL3025", level: Level::Warning, message: "Use arguments JSON notation for CMD and ENTRYPOINT arguments" },
    RuleInfo {
        code: "DL3027",
        level: Level::Warning,
        message: "Do not use apt as it is meant to be a end-user tool, use apt-get or apt-cache instead",
    },
    RuleInfo { code: "DL3029", level: Level::Warning, message: "Do not use --platform flag with FROM" },
    RuleInfo {
        code: "DL3042",
        level: Level::Warning,
        message: "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`",
    },
    RuleInfo {
        code: "DL3044",
        level: Level::Error,
        message: "Do not refer to an environment variable within the same `ENV` statement where it is defined.",
    },
    RuleInfo { code: "DL3045", level: Level::Warning, message: "`COPY` to a relative destination without `WORKDIR` set." },
    RuleInfo {
        code: "DL3046",
        level: Level::Warning,
        message: "`useradd` without flag `-l` and high UID will result in excessively large Image.",
    },
    RuleInfo {
        code: "DL3047",
        level: Level::Info,
        message: "Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).",
    },
    RuleInfo { code: "DL3057", level: Level::Ignore, message: "`HEALTHCHECK` instruction missing." },
    RuleInfo { code: "DL3059", level: Level::Info, message: "Multiple consecutive `RUN` instructions. Consider consolidation." },
    RuleInfo { code: "DL3060", level: Level::Info, message: "`yarn cache clean` missing after `yarn install` was run." },
    RuleInfo {
        code: "DL3061",
        level: Level::Error,
        message: "Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.",
    },
    RuleInfo { code: "DL4000", level: Level::Error, message: "MAINTAINER is deprecated" },
    RuleInfo { code: "DL4001", level: Level::Warning, message: "Either use Wget or Curl but not both" },
    RuleInfo {
        code: "DL4003",
        level: Level::Warning,
        message: "Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect",
    },
    RuleInfo {
        code: "DL4004",
        level: Level::Error,
        message: "Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect",
    },
    RuleInfo { code: "DL4005", level: Level::Warning, message: "Use SHELL to change the default shell" },
    RuleInfo {
        code: "DL4006",
        level: Level::Warning,
        message: "Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check",
    },
    RuleInfo {
        code: "SecretsUsedInArgOrEnv",
        level: Level::Warning,
        message: "Do not use ARG or ENV instructions for sensitive data",
    },
];

fn info(code: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.code == code)
}

struct Out {
    findings: Vec<Finding>,
}

impl Out {
    fn add(&mut self, code: &'static str, line: usize, span: Span) {
        if let Some(r) = info(code) {
            self.findings.push(Finding { line, rule: r.code, level: r.level, message: r.message.to_string(), span });
        }
    }
    fn add_msg(&mut self, code: &'static str, line: usize, span: Span, message: String) {
        if let Some(r) = info(code) {
            self.findings.push(Finding { line, rule: r.code, level: r.level, message, span });
        }
    }
}

/// A FROM as hadolint's `BaseImage`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BaseImage {
    registry: Option<String>,
    name: String,
    tag: Option<String>,
    digest: Option<String>,
    alias: Option<String>,
    platform: Option<String>,
}

/// language-docker's image reference grammar, as hadolint 2.12 parses FROM: a registry is
/// `<text up to a '.'>.<text up to a '/'>/` (so `localhost:5000/app` has no registry: it is the
/// image `localhost` with the tag `5000/app`), then the name up to `:` or `@`, the tag up to `@`,
/// the digest. A second `:` in the tag is a parse error: `Err(byte offset in image)`.
fn base_image_checked(image: &str, alias: Option<&str>) -> Result<BaseImage, usize> {
    let (registry, path, path_start) = match image.split_once('.') {
        Some((domain, after)) if !domain.is_empty() => match after.split_once('/') {
            Some((tld, rest)) if !tld.is_empty() => (Some(format!("{domain}.{tld}")), rest, domain.len() + tld.len() + 2),
            _ => (None, image, 0),
        },
        _ => (None, image, 0),
    };
    let name_end = path.find([':', '@']).unwrap_or(path.len());
    let name = path.get(..name_end).unwrap_or(path).to_string();
    let rest = path.get(name_end..).unwrap_or_default();
    let (tag, rest, tag_start) = match rest.strip_prefix(':') {
        Some(r) => {
            let end = r.find([':', '@']).unwrap_or(r.len());
            (Some(r.get(..end).unwrap_or(r).to_string()), r.get(end..).unwrap_or_default(), path_start + name_end + 1)
        }
        None => (None, rest, 0),
    };
    if rest.starts_with(':') {
        let at = tag_start + tag.as_ref().map_or(0, String::len);
        return Err(at);
    }
    let digest = rest.strip_prefix('@').map(str::to_string);
    Ok(BaseImage { registry, name, tag, digest, alias: alias.map(str::to_string), platform: None })
}

fn base_image(image: &str, alias: Option<&str>) -> BaseImage {
    base_image_checked(image, alias).unwrap_or_else(|_| BaseImage {
        registry: None,
        name: image.to_string(),
        tag: None,
        digest: None,
        alias: alias.map(str::to_string),
        platform: None,
    })
}

/// The first FROM that hadolint 2.12 cannot parse: (line, column, span).
pub(super) fn from_parse_error(df: &Dockerfile, text: &str) -> Option<(usize, usize, Span)> {
    df.instructions.iter().find_map(|i| {
        let InstructionKind::From(f) = &i.kind else { return None };
        let offset = base_image_checked(&f.image, None).err()?;
        let line_text = text.get(i.span.start..i.span.end).unwrap_or_default();
        let image_at = line_text.find(&f.image)?;
        let column = line_text.get(..image_at)?.chars().count() + f.image.get(..offset)?.chars().count() + 1;
        Some((i.line, column, i.span))
    })
}

fn drop_quotes(s: &str) -> &str {
    s.trim_matches(|c| c == '"' || c == '\'')
}

fn is_windows_absolute(p: &str) -> bool {
    let mut c = p.chars();
    matches!((c.next(), c.next()), (Some(d), Some(':')) if d.is_alphabetic())
}

/// The instruction a rule sees, with ONBUILD unwrapped for the `onbuild` rule variants.
struct View<'a> {
    ins: &'a Instruction,
    kind: &'a InstructionKind,
    script: Option<Script>,
}

fn run_script(kind: &InstructionKind) -> Option<Script> {
    let InstructionKind::Run(r) = kind else { return None };
    let mut text = match &r.command {
        CommandLine::Shell(s) => s.clone(),
        CommandLine::Exec(v) => v.join(" "),
    };
    for h in &r.heredocs {
        text.push('\n');
        text.push_str(&h.content);
    }
    Some(parse_script(&text))
}

fn run_flags(ins: &Instruction) -> Vec<String> {
    let mut f: Vec<String> = ins.flags.clone();
    crate::sort::sort(&mut f);
    f
}

fn has_cache_mount(kind: &InstructionKind, target: &str) -> bool {
    let InstructionKind::Run(r) = kind else { return false };
    r.mounts.iter().any(|m| {
        m.kind == crate::dockerfile::MountKind::Cache
            && m.target.as_deref().is_some_and(|t| t.trim_end_matches('/') == target.trim_end_matches('/'))
    })
}

pub(super) fn check(df: &Dockerfile) -> Vec<Finding> {
    let mut out = Out { findings: Vec::new() };
    let plain: Vec<View<'_>> =
        df.instructions.iter().map(|i| View { ins: i, kind: &i.kind, script: run_script(&i.kind) }).collect();
    let onbuild: Vec<View<'_>> = df
        .instructions
        .iter()
        .filter_map(|i| match &i.kind {
            InstructionKind::Onbuild(o) => {
                o.inner.as_deref().map(|inner| View { ins: i, kind: &inner.kind, script: run_script(&inner.kind) })
            }
            _ => None,
        })
        .collect();

    simple_rules(&plain, &mut out, true);
    simple_rules(&onbuild, &mut out, false);
    dl3002(&plain, &mut out);
    stage_refs(&plain, &mut out);
    dl3044(&plain, &mut out);
    dl3060(&plain, &mut out);
    dl3060(&onbuild, &mut out);
    dl3061(&plain, &mut out);
    dl3012(&plain, &mut out);
    dl4001(&plain, &mut out);
    dl4001(&onbuild, &mut out);
    dl3006(&plain, &mut out);
    dl3009(&plain, &mut out);
    dl3009(&onbuild, &mut out);
    dl3042(&plain, &mut out);
    dl3042(&onbuild, &mut out);
    dl3045(&plain, &mut out);
    dl3057(&plain, &mut out);
    dl3059(&plain, &mut out);
    dl4003_4004(&plain, &mut out);
    dl4006(&plain, &mut out);
    secrets(&plain, &mut out);
    out.findings
}

/// Rules that look at one instruction. `all` is false for the ONBUILD pass, where only the
/// rules hadolint wraps with `onbuild` run.
fn simple_rules(views: &[View<'_>], out: &mut Out, all: bool) {
    for v in views {
        let (line, span) = (v.ins.line, v.ins.span);
        if let Some(s) = &v.script {
            let cmds = &s.commands;
            if cmds.iter().any(|c| c.name == "sudo") {
                out.add("DL3004", line, span);
            }
            if all && cmds.iter().any(|c| c.name == "cd") {
                out.add("DL3003", line, span);
            }
            if !apt_get_packages(cmds).iter().all(|p| p.contains('=') || p.contains('/') || p.ends_with(".deb")) {
                out.add("DL3008", line, span);
            }
            if cmds.iter().any(pip_unpinned) {
                out.add("DL3013", line, span);
            }
            if cmds.iter().any(|c| {
                c.has_args("apt-get", &["install"])
                    && !(c.has_flag("no-install-recommends") || c.has_arg("APT::Install-Recommends=false"))
            }) {
                out.add("DL3015", line, span);
            }
            if cmds.iter().any(npm_unpinned) {
                out.add("DL3016", line, span);
            }
            if !apk_add_packages(cmds).iter().all(|p| p.contains('=') || p.ends_with(".apk")) {
                out.add("DL3018", line, span);
            }
            let apk_cache_ok = has_cache_mount(v.kind, "/var/cache/apk");
            if !apk_cache_ok && cmds.iter().any(|c| c.has_args("apk", &["add"]) && !c.has_flag("no-cache")) {
                out.add("DL3019", line, span);
            }
            if cmds.iter().any(|c| c.name == "apt") {
                out.add("DL3027", line, span);
            }
            if cmds.iter().any(|c| ["free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim"].contains(&c.name.as_str())) {
                out.add("DL3001", line, span);
            }
            if cmds.iter().any(|c| c.has_args("apt-get", &["dist-upgrade"])) {
                out.add("DL3005", line, span);
            }
            if cmds.iter().any(|c| {
                c.has_args("apt-get", &["install"]) && !c.flags().iter().any(|(_, f)| ["y", "yes", "q", "assume-yes"].contains(&f.as_str()))
            }) {
                out.add("DL3014", line, span);
            }
            if cmds.iter().any(|c| {
                c.name == "useradd"
                    && !c.flags().iter().any(|(_, f)| f == "l" || f == "no-log-init")
                    && c.flags().iter().any(|(_, f)| f == "u" || f == "uid")
                    && c.flag_args("u").iter().any(|v| v.chars().count() > 5)
            }) {
                out.add("DL3046", line, span);
            }
            if cmds.iter().any(|c| {
                c.name == "wget"
                    && !c.flags().iter().any(|(_, f)| {
                        ["progress", "q", "quiet", "o", "output-file", "a", "append-output", "no-verbose"].contains(&f.as_str())
                    })
                    && !c.has_arg("-nv")
            }) {
                out.add("DL3047", line, span);
            }
            if cmds.iter().any(|c| c.has_args("ln", &["/bin/sh"])) {
                out.add("DL4005", line, span);
            }
        }
        if !all {
            continue;
        }
        match v.kind {
            InstructionKind::Workdir(p) => {
                let p = drop_quotes(p);
                if !(p.starts_with('$') || p.starts_with('/') || is_windows_absolute(p)) {
                    out.add("DL3000", line, span);
                }
            }
            InstructionKind::From(f) => {
                let b = base_image(&f.image, raw_alias(v.ins).as_deref());
                if b.tag.as_deref() == Some("latest") && b.digest.is_none() {
                    out.add("DL3007", line, span);
                }
                if f.platform.as_deref().is_some_and(|p| !p.contains("BUILDPLATFORM") && !p.contains("TARGETPLATFORM")) {
                    out.add("DL3029", line, span);
                }
            }
            InstructionKind::Add(c) => {
                let ok = c.sources.iter().all(|s| {
                    let s = drop_quotes(s);
                    ARCHIVES.iter().any(|e| s.ends_with(e)) || s.starts_with("https://") || s.starts_with("http://")
                });
                if !ok {
                    out.add("DL3020", line, span);
                }
            }
            InstructionKind::Cmd(CommandLine::Shell(_)) | InstructionKind::Entrypoint(CommandLine::Shell(_)) => {
                out.add("DL3025", line, span);
            }
            InstructionKind::Maintainer(_) => out.add("DL4000", line, span),
            InstructionKind::Expose(ports) => {
                let too_big = ports.iter().any(|p| {
                    let num = p.split('/').next().unwrap_or_default();
                    num.split('-').any(|n| n.parse::<u64>().is_ok_and(|v| v > 65535))
                });
                if too_big {
                    out.add("DL3011", line, span);
                }
            }
            InstructionKind::Copy(c) if c.sources.len() + c.heredocs.len() > 1 && !drop_quotes(&c.dest).ends_with('/') => {
                out.add("DL3021", line, span);
            }
            _ => {}
        }
    }
}

const ARCHIVES: &[&str] =
    &[".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz"];

fn apt_get_packages(cmds: &[Command]) -> Vec<String> {
    cmds.iter()
        .filter(|c| c.has_args("apt-get", &["install"]))
        .flat_map(|c| c.drop_flag_args(&["t", "target-release"]).args_no_flags())
        .filter(|a| a != "install")
        .collect()
}

fn apk_add_packages(cmds: &[Command]) -> Vec<String> {
    cmds.iter()
        .filter(|c| c.has_args("apk", &["add"]))
        .flat_map(|c| c.drop_flag_args(&["t", "virtual", "repository", "X"]).args_no_flags())
        .filter(|a| a != "add")
        .collect()
}

fn strip_install_prefix(args: Vec<String>) -> Vec<String> {
    args.into_iter().skip_while(|a| a != "install").skip_while(|a| a == "install").collect()
}

fn is_pip_install(c: &Command) -> bool {
    (c.name.starts_with("pip") && !c.name.starts_with("pipenv") && c.has_arg("install"))
        || (c.name.starts_with("python") && c.has_sequence(&["-m", "pip", "install"]))
}

const PIP_VALUE_FLAGS: &[&str] = &[
    "abi", "b", "build", "e", "editable", "extra-index-url", "f", "find-links", "i", "index-url", "implementation",
    "no-binary", "only-binary", "platform", "prefix", "progress-bar", "proxy", "python-version", "root", "src", "t",
    "target", "trusted-host", "upgrade-strategy",
];

const VCS: &[&str] = &[
    "git+file", "git+https", "git+ssh", "git+http", "git+git", "git", "hg+file", "hg+http", "hg+https", "hg+ssh",
    "hg+static-http", "svn", "svn+svn", "svn+http", "svn+https", "svn+ssh", "bzr+http", "bzr+https", "bzr+ssh",
    "bzr+sftp", "bzr+ftp", "bzr+lp",
];

fn pip_unpinned(c: &Command) -> bool {
    if !is_pip_install(c) {
        return false;
    }
    if c.has_flag("constraint") || c.has_flag("c") {
        return false;
    }
    if c.has_arg("--requirement") || c.has_arg("-r") || c.has_arg(".") {
        return false;
    }
    let pkgs = strip_install_prefix(c.drop_flag_args(PIP_VALUE_FLAGS).args_no_flags());
    !pkgs.iter().all(|p| {
        let is_vcs = VCS.iter().any(|v| p.starts_with(v));
        ["==", ">=", "<=", ">", "<", "!=", "~=", "==="].iter().any(|s| p.contains(s))
            || (is_vcs && p.contains('@'))
            || p.ends_with(".whl")
            || p.ends_with(".tar.gz")
            || (!is_vcs && p.contains('/'))
    })
}

fn npm_unpinned(c: &Command) -> bool {
    if !c.has_args("npm", &["install"]) {
        return false;
    }
    let args = c.drop_flag_args(&["loglevel"]).args_no_flags();
    if args.first().map(String::as_str) != Some("install") {
        return false;
    }
    let pkgs = strip_install_prefix(args);
    !pkgs.iter().all(|p| {
        let git = ["git://", "git+ssh://", "git+http://", "git+https://"].iter().any(|g| p.starts_with(g));
        if git {
            p.contains('#')
        } else if [".tar", ".tar.gz", ".tgz"].iter().any(|s| p.ends_with(s))
            || ["/", "./", "../", "~/"].iter().any(|s| p.starts_with(s))
        {
            true
        } else {
            let unscoped = if p.starts_with('@') { p.trim_start_matches(|c: char| c > '/') } else { p.as_str() };
            unscoped.contains('@')
        }
    })
}

fn is_root(user: &str) -> bool {
    user.starts_with("root:") || user.starts_with("0:") || user == "root" || user == "0"
}

/// DL3002: a stage whose last USER is root.
fn dl3002(views: &[View<'_>], out: &mut Out) {
    let mut stages: Vec<Option<(usize, Span)>> = Vec::new();
    let mut current: Option<usize> = None;
    for v in views {
        match v.kind {
            InstructionKind::From(_) => {
                stages.push(None);
                current = Some(stages.len() - 1);
            }
            InstructionKind::User(u) => {
                if let Some(slot) = current.and_then(|c| stages.get_mut(c)) {
                    *slot = if is_root(u) { Some((v.ins.line, v.ins.span)) } else { None };
                }
            }
            _ => {}
        }
    }
    for (line, span) in stages.into_iter().flatten() {
        out.add("DL3002", line, span);
    }
}

/// DL3006: FROM without a tag (not scratch, not a digest, not a variable, not an earlier stage).
fn dl3006(views: &[View<'_>], out: &mut Out) {
    let mut aliases: Vec<String> = Vec::new();
    for v in views {
        let InstructionKind::From(f) = v.kind else { continue };
        let b = base_image(&f.image, raw_alias(v.ins).as_deref());
        // hadolint 2.12 has no exception for `$VAR` images (later versions do).
        let fails = b.name != "scratch" && b.digest.is_none() && b.tag.is_none() && !aliases.contains(&b.name);
        if fails {
            out.add("DL3006", v.ins.line, v.ins.span);
        }
        if let Some(a) = &b.alias {
            aliases.push(a.clone());
        }
    }
}

/// DL3009: `apt-get update` without removing `/var/lib/apt/lists/*` in the same RUN, in the final
/// stage or in a stage used as a base later.
fn dl3009(views: &[View<'_>], out: &mut Out) {
    let scratch = BaseImage { registry: None, name: "scratch".into(), tag: None, digest: None, alias: None, platform: None };
    let mut last_from = scratch.clone();
    let mut used_as_image: Vec<String> = Vec::new();
    let mut forgets: Vec<(usize, Span, BaseImage)> = Vec::new();
    for v in views {
        match v.kind {
            InstructionKind::From(f) => {
                last_from = BaseImage { platform: f.platform.clone(), ..base_image(&f.image, raw_alias(v.ins).as_deref()) };
                used_as_image.push(last_from.name.clone());
            }
            InstructionKind::Run(_) => {
                let Some(s) = &v.script else { continue };
                let update = s.commands.iter().any(|c| c.has_args("apt-get", &["update"]));
                let cleanup = s.commands.iter().any(|c| c.has_args("rm", &["-rf", "/var/lib/apt/lists/*"]));
                if !update || cleanup {
                    continue;
                }
                if has_cache_mount(v.kind, "/var/lib/apt/lists")
                    || (has_cache_mount(v.kind, "/var/lib/apt") && has_cache_mount(v.kind, "/var/cache/apt"))
                {
                    continue;
                }
                forgets.push((v.ins.line, v.ins.span, last_from.clone()));
            }
            _ => {}
        }
    }
    for (line, span, from) in forgets {
        let used_later = from.alias.as_ref().is_some_and(|a| used_as_image.contains(a));
        if from == last_from || used_later {
            out.add("DL3009", line, span);
        }
    }
}

const TRUTHY: &[&str] = &["1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES"];

/// Stage tracking shared by DL3042 and DL3045: a flag per stage, inherited from the parent
/// stage when a FROM names an earlier stage.
struct StageFlags {
    current: Option<String>,
    set: Vec<(Option<String>, bool)>,
}

impl StageFlags {
    fn new() -> Self {
        Self { current: None, set: Vec::new() }
    }
    fn get(&self, stage: &Option<String>) -> bool {
        self.set.iter().rev().find(|(s, _)| s == stage).is_some_and(|(_, b)| *b)
    }
    fn from(&mut self, image_name: &str, alias: Option<&str>) {
        let parent = self.get(&Some(image_name.to_string()));
        let key = Some(alias.unwrap_or(image_name).to_string());
        self.set.push((key.clone(), parent));
        self.current = key;
    }
    fn mark(&mut self) {
        self.set.push((self.current.clone(), true));
    }
    fn is_set(&self) -> bool {
        self.get(&self.current)
    }
}

/// DL3042: `pip install` without `--no-cache-dir` (unless PIP_NO_CACHE_DIR is set).
fn dl3042(views: &[View<'_>], out: &mut Out) {
    let mut st = StageFlags::new();
    for v in views {
        match v.kind {
            InstructionKind::From(f) => {
                let b = base_image(&f.image, raw_alias(v.ins).as_deref());
                st.from(&b.name, raw_alias(v.ins).as_deref());
            }
            InstructionKind::Env(pairs)
                if pairs.iter().any(|p| p.key == "PIP_NO_CACHE_DIR" && TRUTHY.contains(&drop_quotes(&p.value))) =>
            {
                st.mark();
            }
            InstructionKind::Run(_) => {
                let Some(s) = &v.script else { continue };
                if st.is_set() {
                    continue;
                }
                let env_set = s
                    .original
                    .split_once("PIP_NO_CACHE_DIR=")
                    .is_some_and(|(_, after)| TRUTHY.iter().any(|t| after.starts_with(t)));
                if env_set {
                    continue;
                }
                let forgot = s.commands.iter().any(|c| {
                    is_pip_install(c)
                        && !c.has_arg("--no-cache-dir")
                        && !(c.name.contains("pipx")
                            || c.name.contains("pipenv")
                            || (c.name.starts_with("python")
                                && (c.has_sequence(&["-m", "pipx"]) || c.has_sequence(&["-m", "pipenv"]))))
                });
                if forgot {
                    out.add("DL3042", v.ins.line, v.ins.span);
                }
            }
            _ => {}
        }
    }
}

/// DL3045: COPY to a relative destination before any WORKDIR in the stage (or its parents).
fn dl3045(views: &[View<'_>], out: &mut Out) {
    let mut st = StageFlags::new();
    for v in views {
        match v.kind {
            InstructionKind::From(f) => {
                let b = base_image(&f.image, raw_alias(v.ins).as_deref());
                st.from(&b.name, raw_alias(v.ins).as_deref());
            }
            InstructionKind::Workdir(_) => st.mark(),
            InstructionKind::Copy(c) => {
                let dest = drop_quotes(&c.dest);
                if st.is_set() || dest.starts_with('/') || is_windows_absolute(dest) || dest.starts_with('$') {
                    continue;
                }
                out.add("DL3045", v.ins.line, v.ins.span);
            }
            _ => {}
        }
    }
}

/// DL3057 (off by default): a stage without HEALTHCHECK, itself or through the stages it
/// builds on. Reported at the FROM line.
fn dl3057(views: &[View<'_>], out: &mut Out) {
    struct St {
        src: String,
        name: String,
        line: usize,
        span: Span,
        good: bool,
    }
    let mut stages: Vec<St> = Vec::new();
    for v in views {
        match v.kind {
            InstructionKind::From(f) => {
                let b = base_image(&f.image, raw_alias(v.ins).as_deref());
                let name = raw_alias(v.ins).unwrap_or_else(|| b.name.clone());
                let good = stages.iter().any(|s| s.good && s.name == b.name);
                stages.push(St { src: b.name, name, line: v.ins.line, span: v.ins.span, good });
            }
            InstructionKind::Healthcheck(_) => {
                let Some(cur) = stages.last_mut() else { continue };
                cur.good = true;
                // Stages built on a now-good stage become good too.
                let mut names = vec![cur.name.clone()];
                while let Some(n) = names.pop() {
                    for s in stages.iter_mut().filter(|s| !s.good && s.src == n) {
                        s.good = true;
                        names.push(s.name.clone());
                    }
                }
            }
            _ => {}
        }
    }
    for s in stages.iter().filter(|s| !s.good) {
        out.add("DL3057", s.line, s.span);
    }
}

/// DL3059: consecutive RUNs with the same flags. hadolint counts ShellCheck's commands, which
/// lists every simple command twice (its redirection wrapper and itself), and lets a RUN pass
/// when either count is above 2: so only RUNs of exactly one command each are flagged.
fn dl3059(views: &[View<'_>], out: &mut Out) {
    let mut prev: Option<(Vec<String>, usize)> = None;
    for v in views {
        let InstructionKind::Run(_) = v.kind else {
            prev = None;
            continue;
        };
        let count = 2 * v.script.as_ref().map_or(0, |s| s.commands.len());
        let flags = run_flags(v.ins);
        match &prev {
            Some((pf, pc)) if *pf == flags && count <= 2 && *pc <= 2 => out.add("DL3059", v.ins.line, v.ins.span),
            _ => prev = Some((flags, count)),
        }
    }
}

/// DL4003 / DL4004: more than one CMD / ENTRYPOINT in a stage.
fn dl4003_4004(views: &[View<'_>], out: &mut Out) {
    let (mut cmd, mut entry) = (false, false);
    for v in views {
        match v.kind {
            InstructionKind::From(_) => (cmd, entry) = (false, false),
            InstructionKind::Cmd(_) => {
                if cmd {
                    out.add("DL4003", v.ins.line, v.ins.span);
                }
                cmd = true;
            }
            InstructionKind::Entrypoint(_) => {
                if entry {
                    out.add("DL4004", v.ins.line, v.ins.span);
                }
                entry = true;
            }
            _ => {}
        }
    }
}

/// DL4006: a RUN with a pipe while the SHELL has no `-o pipefail`.
fn dl4006(views: &[View<'_>], out: &mut Out) {
    let mut ok = false;
    for v in views {
        match v.kind {
            InstructionKind::From(_) => ok = false,
            InstructionKind::Shell(argv) => {
                let text = argv.join(" ");
                ok = if ["pwsh", "powershell", "cmd"].iter().any(|p| text.starts_with(p)) {
                    true
                } else {
                    parse_script(&text).commands.iter().any(|c| {
                        ["/bin/bash", "/bin/zsh", "/bin/ash", "bash", "zsh", "ash"].contains(&c.name.as_str())
                            && c.has_flag("o")
                            && c.has_arg("pipefail")
                    })
                };
            }
            InstructionKind::Run(_) if !ok && v.script.as_ref().is_some_and(|s| s.has_pipes) => {
                out.add("DL4006", v.ins.line, v.ins.span);
            }
            _ => {}
        }
    }
}

/// BuildKit's `(?i)(?:_|^)(?:token…)(?:_|$)` on a key.
fn has_token(key: &str, tokens: &[&str]) -> bool {
    let lower = key.to_lowercase();
    lower.split('_').any(|part| tokens.contains(&part))
        || tokens.iter().any(|t| {
            // tokens may contain no `_`, so a split on `_` finds every delimited occurrence.
            lower == *t
        })
}

/// BuildKit's SecretsUsedInArgOrEnv: ARG/ENV names that look like credentials.
fn secrets(views: &[View<'_>], out: &mut Out) {
    const DENY: &[&str] = &["apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token"];
    const ALLOW: &[&str] = &["public", "file", "version"];
    for v in views {
        let (instr, keys): (&str, Vec<&str>) = match v.kind {
            InstructionKind::Env(p) => ("ENV", p.iter().map(|k| k.key.as_str()).collect()),
            InstructionKind::Arg(a) => ("ARG", a.iter().map(|k| k.name.as_str()).collect()),
            _ => continue,
        };
        for key in keys {
            if has_token(key, DENY) && !has_token(key, ALLOW) {
                let msg = format!("Do not use ARG or ENV instructions for sensitive data ({instr} {})", go_quote(key));
                out.add_msg("SecretsUsedInArgOrEnv", v.ins.line, v.ins.span, msg);
            }
        }
    }
}

fn go_quote(s: &str) -> String {
    format!("{s:?}")
}


/// The stage name as written (hadolint compares aliases as written; BuildKit lower-cases them).
fn raw_alias(ins: &Instruction) -> Option<String> {
    let InstructionKind::From(f) = &ins.kind else { return None };
    f.stage_name.as_ref()?;
    ins.original.split_whitespace().last().map(str::to_string)
}

/// DL3022 (COPY --from an unknown stage), DL3023 (from its own stage), DL3024 (duplicate alias).
fn stage_refs(views: &[View<'_>], out: &mut Out) {
    let mut aliases: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for v in views {
        match v.kind {
            InstructionKind::From(_) => {
                current = raw_alias(v.ins);
                if let Some(a) = &current {
                    if aliases.contains(a) {
                        out.add("DL3024", v.ins.line, v.ins.span);
                    }
                    aliases.push(a.clone());
                }
            }
            InstructionKind::Copy(c) => {
                let Some(from) = &c.from else { continue };
                if !drop_quotes(from).contains(':') && !aliases.contains(from) {
                    out.add("DL3022", v.ins.line, v.ins.span);
                }
                if current.as_ref() == Some(from) {
                    out.add("DL3023", v.ins.line, v.ins.span);
                }
            }
            _ => {}
        }
    }
}

/// `$name` in `text` followed by something that cannot continue a variable name.
fn bare_variable_in(name: &str, text: &str) -> bool {
    let var = format!("${name}");
    text.contains(&var)
        && text.split(&var).skip(1).any(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
}

/// DL3044: an ENV pair referring to another pair of the same ENV that was not defined before.
fn dl3044(views: &[View<'_>], out: &mut Out) {
    let mut known: Vec<String> = Vec::new();
    for v in views {
        match v.kind {
            InstructionKind::Env(pairs) => {
                let refers = pairs.iter().enumerate().any(|(i, p)| {
                    !known.contains(&p.key)
                        && pairs.iter().enumerate().filter(|(j, _)| *j != i).any(|(_, other)| {
                            other.value.contains(&format!("${{{}}}", p.key)) || bare_variable_in(&p.key, &other.value)
                        })
                });
                if refers {
                    out.add("DL3044", v.ins.line, v.ins.span);
                }
                known.extend(pairs.iter().map(|p| p.key.clone()));
            }
            InstructionKind::Arg(args) => known.extend(args.iter().map(|a| a.name.clone())),
            _ => {}
        }
    }
}

/// DL3060: `yarn install` without `yarn cache clean` in the same RUN (final stage or a stage
/// used as a base).
fn dl3060(views: &[View<'_>], out: &mut Out) {
    let scratch = BaseImage { registry: None, name: "scratch".into(), tag: None, digest: None, alias: None, platform: None };
    let mut current = scratch;
    let mut used_as_image: Vec<String> = Vec::new();
    let mut forgets: Vec<(usize, Span, BaseImage)> = Vec::new();
    for v in views {
        match v.kind {
            InstructionKind::From(f) => {
                current = BaseImage { platform: f.platform.clone(), ..base_image(&f.image, raw_alias(v.ins).as_deref()) };
                used_as_image.push(current.name.clone());
            }
            InstructionKind::Run(_) => {
                let Some(s) = &v.script else { continue };
                let install = s.commands.iter().any(|c| c.has_args("yarn", &["install"]));
                let clean = s.commands.iter().any(|c| c.has_args("yarn", &["cache", "clean"]));
                if install && !clean {
                    forgets.push((v.ins.line, v.ins.span, current.clone()));
                }
            }
            _ => {}
        }
    }
    for (line, span, from) in forgets {
        let used_later = from.alias.as_ref().is_some_and(|a| used_as_image.contains(a));
        if from == current || used_later {
            out.add("DL3060", line, span);
        }
    }
}

/// DL3061: an instruction other than ARG before the first FROM.
fn dl3061(views: &[View<'_>], out: &mut Out) {
    let mut seen_from = false;
    for v in views {
        match v.kind {
            InstructionKind::From(_) => seen_from = true,
            InstructionKind::Arg(_) => {}
            _ if !seen_from => out.add("DL3061", v.ins.line, v.ins.span),
            _ => {}
        }
    }
}

/// DL3012: more than one HEALTHCHECK in a stage.
fn dl3012(views: &[View<'_>], out: &mut Out) {
    let mut seen = false;
    for v in views {
        match v.kind {
            InstructionKind::From(_) => seen = false,
            InstructionKind::Healthcheck(_) => {
                if seen {
                    out.add("DL3012", v.ins.line, v.ins.span);
                }
                seen = true;
            }
            _ => {}
        }
    }
}

/// DL4001: both wget and curl used in a stage (reported on each RUN using one once both were seen).
fn dl4001(views: &[View<'_>], out: &mut Out) {
    let (mut curl, mut wget) = (false, false);
    for v in views {
        match v.kind {
            InstructionKind::From(_) => (curl, wget) = (false, false),
            InstructionKind::Run(_) => {
                let Some(s) = &v.script else { continue };
                let uses_curl = s.commands.iter().any(|c| c.name == "curl");
                let uses_wget = s.commands.iter().any(|c| c.name == "wget");
                curl |= uses_curl;
                wget |= uses_wget;
                if (uses_curl || uses_wget) && curl && wget {
                    out.add("DL4001", v.ins.line, v.ins.span);
                }
            }
            _ => {}
        }
    }
}
