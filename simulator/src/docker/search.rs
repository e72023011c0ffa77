//! `docker search`: the simulated Docker Hub's index.

use crate::cli::Invocation;
use crate::docker::{errors, listing};
use crate::engine::Engine;
use crate::format::ellipsis;
use crate::json_object::JsonObject;
use crate::hub::search_index;
use crate::output::Output;

const DEFAULT_FORMAT: &str = "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}";
const HEADERS: &[(&str, &str)] = &[
    ("Name", "NAME"),
    ("Description", "DESCRIPTION"),
    ("StarCount", "STARS"),
    ("IsOfficial", "OFFICIAL"),
    ("IsAutomated", "AUTOMATED"),
];

pub fn search(engine: &mut Engine, inv: &Invocation) -> Output {
    let mut out = Output::new();
    let Some(term) = inv.args.first() else { return out };
    if engine.hub_offline {
        let msg = format!(
            "Get \"https://index.docker.io/v1/search?q={term}&n=25\": dial tcp: lookup index.docker.io on 10.255.255.53:53: dial udp 10.255.255.53:53: connect: network is unreachable"
        );
        errors::daemon(&mut out, &msg);
        return out.with_exit(1);
    }
    let limit = inv.int("limit").unwrap_or(25);
    if !(1..=100).contains(&limit) {
        errors::daemon(&mut out, &format!("limit {limit} is outside the range of [1, 100]"));
        return out.with_exit(1);
    }
    let mut official: Option<bool> = None;
    let mut min_stars = 0u32;
    for f in inv.list("filter") {
        let Some((k, v)) = f.split_once('=') else {
            out.errln("bad format of filter (expected name=value)");
            return out.with_exit(125);
        };
        match k {
            // `filters.GetBoolOrDefault`: only true/1/false/0 (any case).
            "is-official" => match v.to_ascii_lowercase().as_str() {
                "true" | "1" => official = Some(true),
                "false" | "0" => official = Some(false),
                _ => {
                    errors::daemon(&mut out, &format!("invalid filter 'is-official={v}'"));
                    return out.with_exit(1);
                }
            },
            "is-automated" => {}
            "stars" => match v.parse::<i64>() {
                Ok(n) => min_stars = u32::try_from(n.max(0)).unwrap_or(u32::MAX),
                Err(_) => {
                    // `errors.Wrapf(strconv.Atoi error, "invalid filter 'stars=%s'")`.
                    errors::daemon(&mut out, &format!("invalid filter 'stars={v}': strconv.Atoi: parsing \"{v}\": invalid syntax"));
                    return out.with_exit(1);
                }
            },
            other => {
                errors::daemon(&mut out, &format!("invalid filter '{other}'"));
                return out.with_exit(1);
            }
        }
    }
    let trunc = !inv.bool("no-trunc");
    let rows: Vec<serde_json::Value> = search_index::search(term)
        .into_iter()
        .filter(|e| official.is_none_or(|o| o == e.official) && e.stars >= min_stars)
        .take(limit as usize)
        .map(|e| {
            let description = e.description.replace('\n', " ");
            let mut o = JsonObject::new();
            o.str("Name", &e.name);
            o.string("Description", if trunc { ellipsis(&description, 45) } else { description });
            o.string("StarCount", e.stars.to_string());
            o.str("IsOfficial", if e.official { "[OK]" } else { "" });
            o.str("IsAutomated", "");
            o.into_value()
        })
        .collect();
    let format = listing::format_or(inv, DEFAULT_FORMAT);
    let listing = listing::Listing::new("*registry.searchContext", HEADERS);
    listing.print(&format, &rows, &mut out);
    out
}
