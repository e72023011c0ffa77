//! Property tests: the scanner's version comparators, range checks, package-database parsers and
//! secret matchers never panic, and the comparators are consistent orders.

use proptest::prelude::*;
use simulator::scan::packages::{parse_apk, parse_dpkg, parse_metadata, parse_package_json};
use simulator::scan::secrets::scan_text;
use simulator::scan::version::{compare, in_range, Ecosystem};

const ECOS: [Ecosystem; 4] = [Ecosystem::Dpkg, Ecosystem::Apk, Ecosystem::Npm, Ecosystem::Pip];

fn version() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,3}(\\.[0-9]{1,3}){0,3}(-r[0-9]{1,2})?",
        "[0-9]:[0-9.]{1,8}(-[0-9a-z+~.]{1,8})?",
        "[0-9.a-z_~+:-]{0,16}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn comparators_never_panic_and_are_antisymmetric(a in version(), b in version()) {
        for eco in ECOS {
            let ab = compare(eco, &a, &b);
            let ba = compare(eco, &b, &a);
            prop_assert_eq!(ab, ba.reverse(), "{:?} {} {}", eco, a, b);
            prop_assert_eq!(compare(eco, &a, &a), std::cmp::Ordering::Equal);
        }
    }

    #[test]
    fn ranges_never_panic(v in version(), r in "[<>=, 0-9.a-z-]{0,24}") {
        for eco in ECOS {
            let _ = in_range(eco, &v, &r);
        }
    }

    #[test]
    fn secret_matchers_never_panic(text in any::<String>()) {
        let _ = scan_text(&text);
    }

    #[test]
    fn secret_matchers_never_panic_on_near_misses(prefix in "(AKIA|ghp_|gho_|sk_live_|xoxb-|github_pat_|password=|API_KEY=|aws_secret_access_key=|-----BEGIN RSA PRIVATE KEY-----\n)", body in "[A-Za-z0-9/+=_\n -]{0,90}") {
        let found = scan_text(&format!("{prefix}{body}"));
        for s in found {
            prop_assert!(s.start_line >= 1 && s.end_line >= s.start_line);
            prop_assert!(s.code.iter().any(|l| l.is_cause));
        }
    }

    #[test]
    fn package_database_parsers_never_panic(text in any::<String>()) {
        let _ = parse_dpkg(&text);
        let _ = parse_apk(&text);
        let _ = parse_metadata(&text);
        let _ = parse_package_json(&text);
    }
}
