//! Go's `time.ParseDuration` (for HEALTHCHECK options), with Go's error texts.

/// Nanoseconds of a Go duration string (`30s`, `1m30s`, `1.5h`, `500ms`).
pub(crate) fn parse_go_duration(s: &str) -> Result<i128, String> {
    let invalid = || format!("time: invalid duration {}", super::scan::go_quote(s));
    let mut rest = s;
    let mut neg = false;
    if let Some(r) = rest.strip_prefix('-') {
        neg = true;
        rest = r;
    } else if let Some(r) = rest.strip_prefix('+') {
        rest = r;
    }
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut total: i128 = 0;
    while !rest.is_empty() {
        let int_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let int_part = rest.get(..int_end).unwrap_or_default();
        rest = rest.get(int_end..).unwrap_or_default();
        let mut frac_part = "";
        if let Some(r) = rest.strip_prefix('.') {
            let fe = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
            frac_part = r.get(..fe).unwrap_or_default();
            rest = r.get(fe..).unwrap_or_default();
        }
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(invalid());
        }
        let unit_end = rest.find(|c: char| c == '.' || c.is_ascii_digit()).unwrap_or(rest.len());
        let unit = rest.get(..unit_end).unwrap_or_default();
        rest = rest.get(unit_end..).unwrap_or_default();
        if unit.is_empty() {
            return Err(format!("time: missing unit in duration {}", super::scan::go_quote(s)));
        }
        let scale: i128 = match unit {
            "ns" => 1,
            "us" | "µs" | "μs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => return Err(format!("time: unknown unit {} in duration {}", super::scan::go_quote(unit), super::scan::go_quote(s))),
        };
        let int_val: i128 = if int_part.is_empty() { 0 } else { int_part.parse().map_err(|_| invalid())? };
        let mut value = int_val.checked_mul(scale).ok_or_else(invalid)?;
        let mut div = scale;
        for d in frac_part.chars().take(18) {
            div /= 10;
            if div == 0 {
                break;
            }
            value += i128::from(d.to_digit(10).unwrap_or(0) as u8) * div;
        }
        total = total.checked_add(value).ok_or_else(invalid)?;
        if total > i128::from(i64::MAX) {
            return Err(invalid());
        }
    }
    Ok(if neg { -total } else { total })
}
