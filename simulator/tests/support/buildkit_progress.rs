//! Rule 11 of the transcript normalisation: BuildKit's plain progress (`docker build`).
//!
//! BuildKit runs independent vertices concurrently, so the order in which it prints cached steps,
//! the FROM lines of several stages, the metadata loads and the build context is not reproducible
//! from one real run to the next. Within every run of consecutive such "floating" blocks (a block
//! that ends `CACHED`, a FROM, `[internal] load metadata …`, `[internal] load build context`), the
//! blocks are sorted by their first line, then every `#N` is renumbered in order of appearance.
//! Then times become `<T>`: `DONE 0.2s` → `DONE <T>`, `exporting layers 0.0s done` →
//! `exporting layers <T> done`, the output time of a line (`#8 0.145 text`, `0.145 text` in the
//! error box) → `<T>`; and the random reference of a checksum error (`ref 5bd41181-…::0815x…:`)
//! becomes `ref <REF>:`.

/// Applies rule 11 to one command's output (only when it shows BuildKit's progress or error box).
pub fn normalise(text: &str) -> String {
    if !text.contains("#0 building with") && !text.contains("failed to solve") {
        return text.to_string();
    }
    let text = reorder(text);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        out.push_str(&line_rule(line));
    }
    out
}

/// `#12 ` → Some((12, rest)).
fn vertex_line(line: &str) -> Option<(usize, &str)> {
    let rest = line.strip_prefix('#')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let n = rest.get(..digits)?.parse().ok()?;
    let after = rest.get(digits..)?.strip_prefix(' ')?;
    Some((n, after))
}

fn reorder(text: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let Some(first) = lines.iter().position(|l| vertex_line(l).is_some()) else { return text.to_string() };
    let Some(last) = lines.iter().rposition(|l| vertex_line(l).is_some()) else { return text.to_string() };
    let mut head = String::new();
    for l in lines.iter().take(first) {
        head.push_str(l);
    }
    // Blocks by vertex number, in order of first appearance.
    let mut blocks: Vec<(usize, Vec<String>)> = Vec::new();
    let mut stray: Vec<String> = Vec::new();
    for l in lines.iter().take(last + 1).skip(first) {
        match vertex_line(l) {
            Some((n, rest)) => {
                let body = rest.to_string();
                match blocks.iter_mut().find(|(m, _)| *m == n) {
                    Some((_, b)) => b.push(body),
                    None => blocks.push((n, vec![body])),
                }
            }
            None if l.trim().is_empty() => {}
            None => stray.push((*l).to_string()),
        }
    }
    let floating = |b: &Vec<String>| {
        let title = b.first().map(String::as_str).unwrap_or("");
        b.iter().any(|l| l.trim_end() == "CACHED")
            || title.starts_with("[internal] load build context")
            || title.starts_with("[internal] load metadata for")
            || title.contains("] FROM ")
    };
    let mut ordered: Vec<(usize, Vec<String>)> = Vec::new();
    let mut run: Vec<(usize, Vec<String>)> = Vec::new();
    for (n, b) in blocks {
        if n != 0 && floating(&b) {
            run.push((n, b));
            continue;
        }
        run.sort_by(|a, b| a.1.first().cmp(&b.1.first()));
        ordered.append(&mut run);
        ordered.push((n, b));
    }
    run.sort_by(|a, b| a.1.first().cmp(&b.1.first()));
    ordered.append(&mut run);
    let mut out = head;
    for (i, (n, b)) in ordered.iter().enumerate() {
        let number = if *n == 0 { 0 } else { i };
        if i > 0 {
            out.push('\n');
        }
        for l in b {
            out.push_str(&format!("#{number} {l}"));
        }
    }
    for l in stray {
        out.push_str(&l);
    }
    for l in lines.iter().skip(last + 1) {
        out.push_str(l);
    }
    out
}

/// `0.145` (digits, a dot, three digits) at the start of `s`: its length.
fn output_time(s: &str) -> Option<usize> {
    let int = s.bytes().take_while(u8::is_ascii_digit).count();
    if int == 0 || s.as_bytes().get(int) != Some(&b'.') {
        return None;
    }
    let frac = s.get(int + 1..)?.bytes().take_while(u8::is_ascii_digit).count();
    (frac == 3 && matches!(s.as_bytes().get(int + 4), Some(b' ') | Some(b'\n') | None)).then_some(int + 4)
}

/// `0.2s` at the start of `s`: its length.
fn seconds(s: &str) -> Option<usize> {
    let int = s.bytes().take_while(u8::is_ascii_digit).count();
    if int == 0 || s.as_bytes().get(int) != Some(&b'.') {
        return None;
    }
    let frac = s.get(int + 1..)?.bytes().take_while(u8::is_ascii_digit).count();
    (frac >= 1 && s.as_bytes().get(int + 1 + frac) == Some(&b's')).then_some(int + 2 + frac)
}

fn line_rule(line: &str) -> String {
    let line = random_ref(line);
    if let Some((n, rest)) = vertex_line(&line) {
        if let Some(len) = output_time(rest) {
            return format!("#{n} <T>{}", rest.get(len..).unwrap_or(""));
        }
        if let Some(after) = rest.strip_prefix("DONE ") {
            if let Some(len) = seconds(after) {
                return format!("#{n} DONE <T>{}", after.get(len..).unwrap_or(""));
            }
        }
        if let Some(after) = rest.strip_prefix("exporting layers ") {
            if let Some(len) = seconds(after) {
                return format!("#{n} exporting layers <T>{}", after.get(len..).unwrap_or(""));
            }
        }
        return line;
    }
    if let Some(len) = output_time(&line) {
        return format!("<T>{}", line.get(len..).unwrap_or(""));
    }
    line
}

/// `ref 5bd41181-5646-4d78-8be8-bf2b64804a8b::0815xldf1vyvqf7sro3bxsrx6:` → `ref <REF>:`.
fn random_ref(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(pos) = rest.find("checksum of ref ") {
        let start = pos + "checksum of ref ".len();
        out.push_str(rest.get(..start).unwrap_or(""));
        let tail = rest.get(start..).unwrap_or("");
        let end = tail.find(": ").unwrap_or(tail.len());
        out.push_str("<REF>");
        rest = tail.get(end..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_blocks_are_sorted_and_renumbered() {
        let real = "#0 building with \"default\" instance using docker driver\n\n#5 [internal] load build context\n#5 transferring context: 2B done\n#5 DONE 0.0s\n\n#6 [3/5] COPY a .\n#6 CACHED\n\n#7 [2/5] WORKDIR /app\n#7 CACHED\n\n#8 [4/5] RUN x\n#8 0.145 hi\n#8 DONE 0.2s\n";
        let sim = "#0 building with \"default\" instance using docker driver\n\n#5 [internal] load build context\n#5 transferring context: 2B done\n#5 DONE 0.0s\n\n#6 [2/5] WORKDIR /app\n#6 CACHED\n\n#7 [3/5] COPY a .\n#7 CACHED\n\n#8 [4/5] RUN x\n#8 0.150 hi\n#8 DONE 0.3s\n";
        assert_eq!(normalise(real), normalise(sim));
        assert!(normalise(real).contains("#4 <T> hi\n#4 DONE <T>\n"), "{}", normalise(real));
    }

    #[test]
    fn random_refs() {
        assert_eq!(
            random_ref("failed to calculate checksum of ref 5bd4-1::08x: \"/a\": not found"),
            "failed to calculate checksum of ref <REF>: \"/a\": not found"
        );
    }
}
