//! Property tests: the scanner's version comparators, range checks, package-database parsers and
//! secret matchers never panic, and the comparators are consistent orders.

use proptest::prelude::*;
use simulator::scan::packages::{parse_apk, parse_dpkg, parse_metadata, parse_package_json};
use simulator::scan::secrets::scan_text;
use simulator::scan::version::{compare, in_range, Ecosystem};
use simulator::{MemoryProject, Session, SessionConfig};

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

/// Words `trivy` command lines are made of, valid and not.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("image".to_string()),
        Just("fs".to_string()),
        Just("config".to_string()),
        Just("--severity".to_string()),
        Just("HIGH,CRITICAL".to_string()),
        Just("-f".to_string()),
        Just("json".to_string()),
        Just("--exit-code".to_string()),
        Just("--ignore-unfixed".to_string()),
        Just("--scanners".to_string()),
        Just("secret,vuln".to_string()),
        Just("-q".to_string()),
        Just("-o".to_string()),
        Just("out.json".to_string()),
        Just("alpine:3.20".to_string()),
        Just(".".to_string()),
        Just("nosuch".to_string()),
        "[-a-zA-Z0-9:=,./]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn trivy_command_lines_never_panic(words in proptest::collection::vec(word(), 0..7)) {
        let project = MemoryProject::new().with_file("Dockerfile", "FROM alpine\nENV TOKEN=abc123\n").with_file("package-lock.json", "{\"packages\":{\"node_modules/lodash\":{\"version\":\"4.17.20\"}}}");
        let mut s = Session::new(SessionConfig::default(), Box::new(project));
        let quoted: Vec<String> = words.iter().map(|w| format!("'{}'", w.replace('\'', ""))).collect();
        let out = s.run_line(&format!("trivy {}", quoted.join(" ")));
        prop_assert!(out.exit_code >= 0);
    }
}
