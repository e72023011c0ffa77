//! Property tests: the formatting helpers never panic and keep their basic laws on any input.

use proptest::prelude::*;
use serde_json::Value;

use super::*;

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec(("\\PC{0,6}", inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn quote_round_trips(s in "\\PC{0,40}|.{0,20}") {
        let q = go_quote(&s);
        prop_assert!(q.starts_with('"') && q.ends_with('"'));
        prop_assert_eq!(go_unquote(&q), Some(s));
    }

    #[test]
    fn unquote_never_panics(s in ".{0,30}") {
        let _ = go_unquote(&s);
        let _ = go_quote::go_unquote_char_literal(&s);
    }

    #[test]
    fn durations_never_panic(n in any::<i64>()) {
        let d = human_duration(n);
        prop_assert!(!d.is_empty());
    }

    #[test]
    fn sizes_never_panic(x in any::<f64>(), p in -5i32..30) {
        let _ = human_size(x);
        let _ = human_size_precision(x, p);
        let _ = bytes_size(x);
    }

    #[test]
    fn small_sizes_have_no_exponent(x in 0u64..1_000_000_000_000) {
        let s = human_size(x as f64);
        prop_assert!(!s.contains('e'), "{}", s);
    }

    #[test]
    fn ram_parsing_never_panics(s in "\\PC{0,16}|[0-9. ]{0,6}[kKmMgGtTpPbBiI]{0,4}") {
        if let Ok(n) = ram_in_bytes(&s) {
            prop_assert!(n >= 0 || n == i64::MIN);
        }
        let _ = units::from_human_size(&s);
    }

    #[test]
    fn ellipsis_fits(s in "\\PC{0,40}", n in -2i64..50) {
        let e = ellipsis(&s, n);
        let w: usize = e.chars().map(width::ellipsis_char_width).sum();
        let first_wide = s.chars().next().map_or(0, width::ellipsis_char_width);
        // Docker returns a string unchanged when its first character does not fit.
        prop_assert!(n <= 0 || w as i64 <= n || e == s || (n == 1 && w == first_wide));
    }

    #[test]
    fn tabwriter_keeps_lines(rows in proptest::collection::vec(proptest::collection::vec("[^\t\n\x0b\x0c]{0,12}", 1..5), 0..20)) {
        let out = render(&rows);
        prop_assert_eq!(out.split_terminator('\n').count(), rows.len());
        for (line, row) in out.split_terminator('\n').zip(&rows) {
            if let Some(first) = row.first() {
                prop_assert!(line.starts_with(first.as_str()));
            }
        }
    }

    #[test]
    fn tabwrite_never_panics(s in "[a-zé日\t\n\x0b\x0c ]{0,80}") {
        let _ = tabwrite(&s);
    }

    #[test]
    fn json_matches_serde_for_strings_and_integers(v in arb_json()) {
        let compact = go_json::compact(&v, false);
        let parsed: Result<Value, _> = serde_json::from_str(&compact);
        prop_assert!(parsed.is_ok(), "{}", compact);
        let _ = go_json::inspect_indent(&v);
        let _ = go_json::marshal(&v);
    }

    #[test]
    fn ports_never_panic(ports in proptest::collection::vec(
        (proptest::option::of(prop_oneof![Just("0.0.0.0".to_string()), Just("::".to_string()), Just("127.0.0.1".to_string())]),
         any::<u16>(), proptest::option::of(any::<u16>()), prop_oneof![Just("tcp".to_string()), Just("udp".to_string())]),
        0..8)) {
        let ports: Vec<Port> = ports.into_iter().map(|(ip, private, public, proto)| Port { ip, private, public, proto }).collect();
        let _ = displayable_ports(&ports);
    }
}
