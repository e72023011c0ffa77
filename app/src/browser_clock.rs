//! The browser's wall clock, fed into the simulator (which never reads a clock itself).

use simulator::Timestamp;

/// Now, from `Date.now()` (milliseconds) converted to the engine's nanoseconds.
pub fn now() -> Timestamp {
    from_millis(js_sys::Date::now())
}

/// Converts JavaScript milliseconds to a [`Timestamp`]. Whole milliseconds are scaled as integers
/// (an `f64` cannot hold today's time in nanoseconds exactly); `as` saturates and maps NaN to 0.
pub fn from_millis(millis: f64) -> Timestamp {
    let whole = millis.trunc();
    let sub_millisecond_nanos = ((millis - whole) * 1_000_000.0) as i64;
    Timestamp((whole as i64).saturating_mul(1_000_000).saturating_add(sub_millisecond_nanos))
}

/// A session seed taken from the time the page started.
pub fn seed_from(now: Timestamp) -> u64 {
    now.0.unsigned_abs() ^ 0x4d75_656c_6c65_0000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_milliseconds_to_nanoseconds() {
        assert_eq!(from_millis(1_763_200_800_123.0), Timestamp(1_763_200_800_123_000_000));
        assert_eq!(from_millis(1.5), Timestamp(1_500_000));
    }

    #[test]
    fn odd_values_do_not_panic() {
        assert_eq!(from_millis(f64::NAN), Timestamp(0));
        assert_eq!(from_millis(f64::INFINITY), Timestamp(i64::MAX));
        assert_eq!(from_millis(-1.0), Timestamp(-1_000_000));
    }

    #[test]
    fn different_start_times_give_different_seeds() {
        assert_ne!(seed_from(Timestamp(1)), seed_from(Timestamp(2)));
    }
}
