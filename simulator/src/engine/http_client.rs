//! HTTP clients over a [`Net`]: `curl` (the host's and the images'), BusyBox `wget`, `ping`.

use crate::engine::http::{parse_url, Net, NetError, Response};
use crate::output::Output;

/// What a client fetched and where it must be written (`curl -o`, `wget`'s default file).
pub struct Fetched {
    pub output: Output,
    /// (file name as given, content) to save.
    pub save: Option<(String, String)>,
}

fn headers_text(r: &Response) -> String {
    let mut text = format!("HTTP/1.1 {} {}\n", r.status, r.reason);
    for (k, v) in &r.headers {
        text.push_str(&format!("{k}: {v}\n"));
    }
    text.push('\n');
    text
}

/// `curl [-sSifIL] [-o FILE] [-A AGENT] URL`; `version` is the client's (`7.88.1`).
pub fn curl(net: &mut Net, argv: &[String], version: &str) -> Fetched {
    let mut out = Output::new();
    let (mut silent, mut show_errors, mut include, mut head, mut fail, mut verbose) = (false, false, false, false, false, false);
    let mut output: Option<String> = None;
    let mut remote_name = false;
    let mut agent = format!("curl/{version}");
    let mut urls: Vec<String> = Vec::new();
    let mut args = argv.iter().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-s" | "--silent" => silent = true,
            "-S" | "--show-error" => show_errors = true,
            "-i" | "--include" => include = true,
            "-I" | "--head" => head = true,
            "-f" | "--fail" => fail = true,
            "-v" | "--verbose" => verbose = true,
            "-L" | "--location" | "-k" | "--insecure" | "-#" | "--compressed" => {}
            "-O" | "--remote-name" => remote_name = true,
            "-o" | "--output" => output = args.next().cloned(),
            "-A" | "--user-agent" => agent = args.next().cloned().unwrap_or_default(),
            "-X" | "--request" | "-H" | "--header" | "-d" | "--data" | "-m" | "--max-time" | "-w" | "--write-out" | "-u" | "--user" | "-e" | "--referer" => {
                args.next();
            }
            flag if flag.starts_with('-') && flag.len() > 2 && !flag.starts_with("--") => {
                for c in flag.chars().skip(1) {
                    match c {
                        's' => silent = true,
                        'S' => show_errors = true,
                        'i' => include = true,
                        'I' => head = true,
                        'f' => fail = true,
                        'v' => verbose = true,
                        'O' => remote_name = true,
                        _ => {}
                    }
                }
            }
            flag if flag.starts_with('-') => {}
            url => urls.push(url.to_string()),
        }
    }
    let report = |out: &mut Output, code: i32, msg: String| {
        if !silent || show_errors {
            out.errln(format!("curl: ({code}) {msg}"));
        }
    };
    let Some(text) = urls.first() else {
        out.errln("curl: try 'curl --help' or 'curl --manual' for more information");
        return Fetched { output: out.with_exit(2), save: None };
    };
    let Some(url) = parse_url(text) else {
        let scheme = text.split_once("://").map_or("", |(s, _)| s);
        report(&mut out, 1, format!("Protocol \"{scheme}\" not supported"));
        return Fetched { output: out.with_exit(1), save: None };
    };
    if verbose {
        out.errln(format!("* Host {}:{} was resolved.", url.host, url.port));
    }
    let response = if url.scheme == "https" {
        Err(NetError::Refused { ip: String::new() })
    } else {
        net.get(&url.host, url.port, &url.path, &agent)
    };
    let response = match response {
        Ok(r) => r,
        Err(NetError::Unresolved) => {
            report(&mut out, 6, format!("Could not resolve host: {}", url.host));
            return Fetched { output: out.with_exit(6), save: None };
        }
        Err(NetError::Refused { .. }) => {
            report(&mut out, 7, format!("Failed to connect to {} port {} after 0 ms: Couldn't connect to server", url.host, url.port));
            return Fetched { output: out.with_exit(7), save: None };
        }
    };
    if verbose {
        out.errln(format!("> GET {} HTTP/1.1\n> Host: {}\n> User-Agent: {agent}\n> Accept: */*\n>", url.path, url.host));
        out.errln(format!("< HTTP/1.1 {} {}", response.status, response.reason));
    }
    if fail && response.status >= 400 {
        report(&mut out, 22, format!("The requested URL returned error: {}", response.status));
        return Fetched { output: out.with_exit(22), save: None };
    }
    let mut text = String::new();
    if include || head {
        text.push_str(&headers_text(&response));
    }
    if !head {
        text.push_str(&response.body);
    }
    let file = output.or_else(|| remote_name.then(|| url.path.rsplit('/').next().filter(|n| !n.is_empty()).unwrap_or("index.html").to_string()));
    match file {
        Some(f) if f != "-" => Fetched { output: out, save: Some((f, text)) },
        _ => {
            out.out(text);
            Fetched { output: out, save: None }
        }
    }
}

/// BusyBox `wget [-q] [-O FILE] URL`.
pub fn wget(net: &mut Net, argv: &[String]) -> Fetched {
    let mut out = Output::new();
    let mut quiet = false;
    let mut target: Option<String> = None;
    let mut urls: Vec<String> = Vec::new();
    let mut args = argv.iter().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-q" => quiet = true,
            "-O" => target = args.next().cloned(),
            "-qO-" | "-qO" => {
                quiet = true;
                target = Some(if a == "-qO-" { "-".to_string() } else { args.next().cloned().unwrap_or_default() });
            }
            "-S" | "-s" | "--spider" | "-c" | "-T" => {}
            flag if flag.starts_with("-O") => target = Some(flag.trim_start_matches("-O").to_string()),
            flag if flag.starts_with('-') => {}
            url => urls.push(url.to_string()),
        }
    }
    let Some(text) = urls.first() else {
        out.errln("BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...");
        return Fetched { output: out.with_exit(1), save: None };
    };
    let Some(url) = parse_url(text) else {
        out.errln(format!("wget: not an http or ftp url: {text}"));
        return Fetched { output: out.with_exit(1), save: None };
    };
    let Some(ip) = net.resolve(&url.host) else {
        out.errln(format!("wget: bad address '{}'", url.host));
        return Fetched { output: out.with_exit(1), save: None };
    };
    if !quiet {
        out.errln(format!("Connecting to {} ({ip}:{})", url.host, url.port));
    }
    let response = match net.get(&url.host, url.port, &url.path, "Wget") {
        Ok(r) => r,
        Err(_) => {
            out.errln(format!("wget: can't connect to remote host ({ip}): Connection refused"));
            return Fetched { output: out.with_exit(1), save: None };
        }
    };
    if response.status >= 400 {
        out.errln(format!("wget: server returned error: HTTP/1.1 {} {}", response.status, response.reason));
        return Fetched { output: out.with_exit(1), save: None };
    }
    let file = target.unwrap_or_else(|| url.path.split(['?', '#']).next().unwrap_or("/").rsplit('/').next().filter(|n| !n.is_empty()).unwrap_or("index.html").to_string());
    let shown = if file == "-" { "-".to_string() } else { file.rsplit('/').next().unwrap_or(&file).to_string() };
    let progress = format!("{shown:<20} 100% |********************************| {:>5}  0:00:00 ETA", response.body.len());
    if file == "-" {
        if !quiet {
            out.errln("writing to stdout");
        }
        out.out(&response.body);
        if !quiet {
            out.errln(progress);
            out.errln("written to stdout");
        }
        Fetched { output: out, save: None }
    } else {
        if !quiet {
            out.errln(format!("saving to '{file}'"));
            out.errln(progress);
            out.errln(format!("'{file}' saved"));
        }
        Fetched { output: out, save: Some((file, response.body)) }
    }
}

/// BusyBox `ping [-c N] HOST` (four packets without `-c`: the terminal cannot wait forever).
pub fn ping(net: &Net, argv: &[String]) -> Output {
    let mut out = Output::new();
    let mut count = 4u32;
    let mut hosts: Vec<&String> = Vec::new();
    let mut args = argv.iter().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-c" => count = args.next().and_then(|c| c.parse().ok()).unwrap_or(4).clamp(1, 100),
            "-w" | "-W" | "-i" | "-s" => {
                args.next();
            }
            flag if flag.starts_with('-') => {}
            _ => hosts.push(a),
        }
    }
    let Some(host) = hosts.first() else {
        out.errln("BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST");
        return out.with_exit(1);
    };
    let Some(ip) = net.resolve(host) else {
        out.errln(format!("ping: bad address '{host}'"));
        return out.with_exit(1);
    };
    out.outln(format!("PING {host} ({ip}): 56 data bytes"));
    let reachable = ip.starts_with("127.") || ip.ends_with(".0.1") || net.addresses.iter().any(|(_, a)| *a == ip) || net.own_ips.contains(&ip);
    let times = [0.082, 0.095, 0.088, 0.101];
    if reachable {
        for seq in 0..count {
            let t = times.get(seq as usize % times.len()).copied().unwrap_or(0.09);
            out.outln(format!("64 bytes from {ip}: seq={seq} ttl=64 time={t:.3} ms"));
        }
    }
    out.outln("");
    out.outln(format!("--- {host} ping statistics ---"));
    let received = if reachable { count } else { 0 };
    let loss = if reachable { 0 } else { 100 };
    out.outln(format!("{count} packets transmitted, {received} packets received, {loss}% packet loss"));
    if reachable {
        let used: Vec<f64> = (0..count).map(|s| times.get(s as usize % times.len()).copied().unwrap_or(0.09)).collect();
        let min = used.iter().copied().fold(f64::MAX, f64::min);
        let max = used.iter().copied().fold(0.0, f64::max);
        let avg = used.iter().sum::<f64>() / f64::from(count);
        out.outln(format!("round-trip min/avg/max = {min:.3}/{avg:.3}/{max:.3} ms"));
        out
    } else {
        out.with_exit(1)
    }
}
