//! The engine's own clock. Time only moves when the host says so: the browser feeds real time in,
//! `dockersim` and tests advance a virtual clock. Never reads the system clock.

/// A point in time, in nanoseconds since the Unix epoch (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

pub const NANOS_PER_SEC: i64 = 1_000_000_000;

impl Timestamp {
    pub fn from_secs(secs: i64) -> Self {
        Timestamp(secs.saturating_mul(NANOS_PER_SEC))
    }

    pub fn secs(self) -> i64 {
        self.0.div_euclid(NANOS_PER_SEC)
    }

    pub fn plus_secs(self, secs: i64) -> Self {
        Timestamp(self.0.saturating_add(secs.saturating_mul(NANOS_PER_SEC)))
    }

    pub fn plus_nanos(self, nanos: i64) -> Self {
        Timestamp(self.0.saturating_add(nanos))
    }

    /// Nanoseconds elapsed from `earlier` to `self` (0 if negative).
    pub fn since(self, earlier: Timestamp) -> i64 {
        self.0.saturating_sub(earlier.0).max(0)
    }

    /// RFC 3339 with nanoseconds, as Go's `time.RFC3339Nano` prints UTC times
    /// (`2025-01-02T03:04:05.123456789Z`, trailing zeros of the fraction removed).
    pub fn rfc3339_nano(self) -> String {
        let (date, frac) = self.parts();
        if frac == 0 {
            return format!("{date}Z");
        }
        let digits = format!("{frac:09}");
        format!("{date}.{}Z", digits.trim_end_matches('0'))
    }

    /// RFC 3339 with exactly nine fraction digits (`jsonmessage.RFC3339NanoFixed`, `docker logs -t`).
    pub fn rfc3339_nano_fixed(self) -> String {
        let (date, frac) = self.parts();
        format!("{date}.{frac:09}Z")
    }

    /// RFC 3339 with seconds only (`2025-01-02T03:04:05Z`).
    pub fn rfc3339(self) -> String {
        format!("{}Z", self.parts().0)
    }

    /// `2025-01-02 03:04:05 +0000 UTC`, Go's default `time.Time` string (used by `CreatedAt`).
    pub fn go_default(self) -> String {
        let (y, mo, d, h, mi, s) = self.civil();
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} +0000 UTC")
    }

    fn parts(self) -> (String, i64) {
        let (y, mo, d, h, mi, s) = self.civil();
        (
            format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}"),
            self.0.rem_euclid(NANOS_PER_SEC),
        )
    }

    /// (year, month, day, hour, minute, second) in UTC.
    pub fn civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let secs = self.secs();
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        (y, m, d, (rem / 3600) as u32, ((rem % 3600) / 60) as u32, (rem % 60) as u32)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z`.
    pub fn parse_rfc3339(s: &str) -> Option<Timestamp> {
        let s = s.strip_suffix('Z')?;
        let (date, time) = s.split_once('T')?;
        let mut d = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
        let (y, mo, da) = (d.next()??, d.next()??, d.next()??);
        let (hms, frac) = match time.split_once('.') {
            Some((a, b)) => (a, b),
            None => (time, ""),
        };
        let mut t = hms.splitn(3, ':').map(|p| p.parse::<i64>().ok());
        let (h, mi, se) = (t.next()??, t.next()??, t.next()??);
        let mut nanos = 0i64;
        if !frac.is_empty() {
            let digits: String = frac.chars().take(9).collect();
            nanos = format!("{digits:0<9}").parse().ok()?;
        }
        let days = days_from_civil(y, mo as u32, da as u32);
        Some(Timestamp((days * 86_400 + h * 3600 + mi * 60 + se) * NANOS_PER_SEC + nanos))
    }
}

/// Howard Hinnant's `civil_from_days`.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_rfc3339() {
        let t = Timestamp::parse_rfc3339("2025-11-15T10:20:30.120000000Z").unwrap();
        assert_eq!(t.rfc3339_nano(), "2025-11-15T10:20:30.12Z");
        assert_eq!(t.rfc3339(), "2025-11-15T10:20:30Z");
        assert_eq!(t.go_default(), "2025-11-15 10:20:30 +0000 UTC");
        assert_eq!(Timestamp(0).rfc3339_nano(), "1970-01-01T00:00:00Z");
    }
}
