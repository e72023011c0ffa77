//! `.env` and `env_file:` files: `KEY=value` lines as Compose reads them.

/// The variables of an env file, in order. Lines without `=` are returned with `None` (they take
/// their value from the environment, if any). Comments, blank lines and `export ` are handled;
/// quoted values keep their spaces, single quotes are literal, double quotes know `\n`.
pub fn parse(text: &str) -> Vec<(String, Option<String>)> {
    let mut vars = Vec::new();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").map_or(line, str::trim_start);
        let Some((key, value)) = line.split_once('=') else {
            vars.push((line.to_string(), None));
            continue;
        };
        let key = key.trim().to_string();
        if key.is_empty() {
            continue;
        }
        vars.push((key, Some(value_of(value.trim_start()))));
    }
    vars
}

fn value_of(v: &str) -> String {
    if let Some(rest) = v.strip_prefix('\'') {
        return rest.split_once('\'').map_or(rest, |(inside, _)| inside).to_string();
    }
    if let Some(rest) = v.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                },
                other => out.push(other),
            }
        }
        return out;
    }
    let cut = v.find(" #").map_or(v, |i| v.get(..i).unwrap_or(v));
    cut.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        let got = parse("# c\nA=1\nexport B = two words # note\nC='x # y'\nD=\"a\\nb\"\nE\n\n");
        assert_eq!(
            got,
            vec![
                ("A".into(), Some("1".into())),
                ("B".into(), Some("two words".into())),
                ("C".into(), Some("x # y".into())),
                ("D".into(), Some("a\nb".into())),
                ("E".into(), None),
            ]
        );
    }
}
