//! Random and mutated query strings through the whole input path — `parse_query`, then
//! `assess` — must never panic: a link is untrusted text, and a panic in WebAssembly would
//! kill the page. Every issue must say something, and an over-long link is refused whole.
//!
//! The number of cases comes from `FUZZ_CASES` (default 3,000, so the test command stays
//! quick). A long run: `FUZZ_CASES=1000000 cargo test --release -p ball-engine --test
//! fuzz_query`.

use engine::fields::FIELDS;
use engine::query::{parse_query, refused_whole, to_query, MAX_QUERY_LEN};
use engine::scenario::RawScenario;
use engine::{assess, Assessment};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Links this page makes or once made: the starting points for mutation.
const SEEDS: &[&str] = &[
    "v=2&reg=us&age=34&wt=70&ht=172&set=r2&bm=62&cd19=pos&cd22=pos&hsct=plan",
    "v=2&age=45&wt=40&ht=160&set=r2&bm=70&pb=20000&ldhs=high&emd=bulk&cns=active&cd19=pos\
     &cd22=pos&ph=pos&tkis=1&t315i=yes&hsct=plan&phsct=yes&lines=3&pblin=resp&pino=no\
     &pcart=no&kmt2a=yes&treg=15&crcl=25&dial=no&liver=vod",
    "v=1&age=34&set=mrd&mrd=1e-3&tki=yes&ph=pos&crcl=40&crclu=m2",
    "v=2&reg=eu&age=0.08&wt=3.5&ht=50&set=r1e&reind=ref&pbu=g&pb=15&ldh=900&uln=250",
    "?v=2&mrd=1%20%C3%97%2010%E2%81%BB%E2%81%B4&wt=62%2C5&age=+34+",
];

/// Query keys the page knows, plus the version and version 1's TKI key.
fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..FIELDS.len()).prop_map(|i| FIELDS[i].key().to_string()),
        Just("v".to_string()),
        Just("tki".to_string()),
        "[a-z]{1,6}",
        any::<String>(),
    ]
}

/// Values: near misses of real values, percent escapes (valid, broken, invalid UTF-8),
/// numbers in odd spellings, markup, and arbitrary text.
fn any_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "(unk|no|yes|pos|neg|r2|mrd|rhsct|1|2|3|us|eu|g|ul|m2|min)",
        "[ +]{0,2}-?[0-9]{0,7}([.,][0-9]{0,5})?([eE][-+]?[0-9]{1,4})?%?",
        "(%[0-9A-Fa-f]{2}|%[G-Zg-z]?|%|\\+|&|=|;){1,8}",
        "(%C3|%E2%81|%FF|%80|%F0%9F%98)[0-9A-F%]{0,6}",
        Just("<script>window.__pwned=1</script>".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("\" onerror=\"alert(1)".to_string()),
        "[ -~]{0,40}",
        any::<String>(),
    ]
}

/// A whole query: built from pairs, a mutated seed, raw bytes as text, or a long one near
/// and over the limit.
fn any_query() -> impl Strategy<Value = String> {
    let pairs = proptest::collection::vec((any_key(), any_value()), 0..40).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    });
    let mutated = (
        0..SEEDS.len(),
        proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<char>()), 1..12),
    )
        .prop_map(|(seed, edits)| {
            let mut chars: Vec<char> = SEEDS[seed].chars().collect();
            for (at, op, c) in edits {
                let i = at.index(chars.len() + 1);
                match op {
                    0 => chars.insert(i, c),
                    1 if i < chars.len() => {
                        chars.remove(i);
                    }
                    2 if i < chars.len() => chars[i] = c,
                    // Cut the link short, as a chat client or a line break might.
                    _ => chars.truncate(i),
                }
            }
            chars.into_iter().collect::<String>()
        });
    let bytes = proptest::collection::vec(any::<u8>(), 0..200)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned());
    let long = (MAX_QUERY_LEN - 64..MAX_QUERY_LEN + 64, any_value())
        .prop_map(|(len, value)| format!("v=2&age={}", value.repeat(len / value.len().max(1))));
    prop_oneof![4 => pairs, 4 => mutated, 1 => bytes, 1 => long]
}

/// `FUZZ_CASES`, or a few thousand.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(3_000)
}

#[test]
fn random_and_mutated_queries_never_panic() {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let started = std::time::Instant::now();
    runner
        .run(&any_query(), |query| {
            let (raw, issues) = parse_query(&query);
            for issue in &issues {
                prop_assert!(!issue.message.is_empty(), "{issue:?}");
            }
            let body = query.strip_prefix('?').unwrap_or(&query);
            prop_assert_eq!(refused_whole(&issues), body.len() > MAX_QUERY_LEN);
            if body.len() > MAX_QUERY_LEN {
                prop_assert_eq!(&raw, &RawScenario::new());
            }
            match assess(&raw) {
                Assessment::Valid(_) => {}
                Assessment::Invalid(problems) => prop_assert!(!problems.is_empty()),
            }
            // What the page writes back reads back as the same texts, as long as it is not
            // over the limit itself (escaping can make a value up to nine times longer).
            let written = to_query(&raw);
            if written.len() <= MAX_QUERY_LEN {
                prop_assert_eq!(parse_query(&written).0, raw);
            }
            Ok(())
        })
        .unwrap();
    eprintln!("fuzz_query: {} cases in {:.1?}", cases(), started.elapsed());
}
