//! The URL format: examples of reading and writing, and the issues reported.

use engine::fields::Field;
use engine::query::{parse_query, to_query, QueryIssue, VERSION_KEY};
use engine::scenario::RawScenario;

fn example() -> RawScenario {
    RawScenario::new()
        .with(Field::Age, "34")
        .with(Field::Setting, "r2")
        .with(Field::MarrowBlasts, "62")
        .with(Field::Cd19, "pos")
}

#[test]
fn example_parses_exactly() {
    let (raw, issues) = parse_query("?v=2&age=34&set=r2&bm=62&cd19=pos");
    assert_eq!(raw, example());
    assert_eq!(issues, vec![]);
    // The leading "?" is optional.
    assert_eq!(
        parse_query("v=2&age=34&set=r2&bm=62&cd19=pos"),
        (example(), vec![])
    );
}

#[test]
fn example_writes_exactly() {
    assert_eq!(to_query(&example()), "v=2&age=34&set=r2&bm=62&cd19=pos");
    // Insertion order does not matter: fields are written in form order.
    let shuffled = RawScenario::new()
        .with(Field::Cd19, "pos")
        .with(Field::MarrowBlasts, "62")
        .with(Field::Age, "34")
        .with(Field::Setting, "r2");
    assert_eq!(to_query(&shuffled), "v=2&age=34&set=r2&bm=62&cd19=pos");
    assert_eq!(to_query(&RawScenario::new()), "v=2");
}

#[test]
fn texts_are_written_as_typed() {
    let raw = RawScenario::new()
        .with(Field::Weight, "62,5")
        .with(Field::Mrd, "1 × 10⁻⁴")
        .with(Field::Ldh, "a&b=c%d+e");
    let query = to_query(&raw);
    assert_eq!(
        query,
        "v=2&wt=62%2C5&mrd=1+%C3%97+10%E2%81%BB%E2%81%B4&ldh=a%26b%3Dc%25d%2Be"
    );
    assert_eq!(parse_query(&query), (raw, vec![]));
}

#[test]
fn empty_query_is_an_empty_scenario_without_issues() {
    assert_eq!(parse_query(""), (RawScenario::new(), vec![]));
    assert_eq!(parse_query("?"), (RawScenario::new(), vec![]));
}

#[test]
fn missing_version_is_reported() {
    let (raw, issues) = parse_query("age=34");
    assert_eq!(raw, RawScenario::new().with(Field::Age, "34"));
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].key, VERSION_KEY);
    assert!(
        issues[0].message.contains("no version"),
        "{}",
        issues[0].message
    );
    // An empty version is no version.
    let (_, issues) = parse_query("v=&age=34");
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].key, "v");
}

#[test]
fn other_version_is_reported_and_read_as_the_current_one() {
    let (raw, issues) = parse_query("v=7&age=34&set=r2");
    assert_eq!(
        raw,
        RawScenario::new()
            .with(Field::Age, "34")
            .with(Field::Setting, "r2")
    );
    assert_eq!(raw.version, 2);
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].key, "v");
    assert_eq!(issues[0].value, "7");
    assert!(
        issues[0].message.contains("different version") && issues[0].message.contains("v=7"),
        "{}",
        issues[0].message
    );
}

#[test]
fn version_1_links_keep_opening_and_say_what_changed() {
    let (raw, issues) = parse_query("v=1&age=34&set=r2&ph=pos&tki=yes&t315i=no&bm=62");
    assert_eq!(
        raw,
        RawScenario::new()
            .with(Field::Age, "34")
            .with(Field::Setting, "r2")
            .with(Field::Ph, "pos")
            .with(Field::TkisFailed, "1")
            .with(Field::T315i, "no")
            .with(Field::MarrowBlasts, "62")
    );
    assert_eq!(issues.len(), 1, "{issues:#?}");
    let message = &issues[0].message;
    assert!(message.contains("version 1"), "{message}");
    assert!(message.contains("read as 1 TKI failed"), "{message}");
    assert!(message.contains("labels apply"), "{message}");
    // The link written back is a version 2 link.
    assert_eq!(
        to_query(&raw),
        "v=2&age=34&set=r2&bm=62&ph=pos&tkis=1&t315i=no"
    );
    // "No" is no TKI failed, and "unk" is unknown, without a note.
    let (raw, issues) = parse_query("v=1&age=34&set=r2&ph=pos&tki=no");
    assert_eq!(raw.get(Field::TkisFailed), "0");
    assert!(!issues[0].message.contains("TKI failed"));
    let (raw, _) = parse_query("v=1&age=34&set=r2&tki=unk");
    assert_eq!(raw.get(Field::TkisFailed), "");
    // In a version 2 link, "tki" is no longer a key.
    let (raw, issues) = parse_query("v=2&age=34&tki=yes");
    assert_eq!(raw.get(Field::TkisFailed), "");
    assert!(issues
        .iter()
        .any(|i| i.message.contains("Unknown key \"tki\"")));
}

#[test]
fn unknown_key_is_reported_and_ignored() {
    let (raw, issues) = parse_query("v=2&age=34&foo=bar");
    assert_eq!(raw, RawScenario::new().with(Field::Age, "34"));
    assert_eq!(
        issues,
        vec![QueryIssue {
            key: "foo".to_string(),
            value: "bar".to_string(),
            message: "Unknown key \"foo\" was ignored.".to_string(),
        }]
    );
}

#[test]
fn repeated_key_keeps_the_first() {
    let (raw, issues) = parse_query("v=2&age=34&age=50");
    assert_eq!(raw, RawScenario::new().with(Field::Age, "34"));
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].key, "age");
    assert_eq!(issues[0].value, "50");
    assert!(issues[0].message.contains("Repeated key \"age\""));
    // A repeated version is reported too, and the first one counts.
    let (_, issues) = parse_query("v=2&v=2");
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(
        (issues[0].key.as_str(), issues[0].value.as_str()),
        ("v", "2")
    );
}

#[test]
fn version_issue_comes_first() {
    let (_, issues) = parse_query("foo=1&age=2&age=3");
    let keys: Vec<_> = issues.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, vec!["v", "foo", "age"]);
}

#[test]
fn values_are_kept_for_validation_to_judge() {
    let (raw, issues) = parse_query("v=2&set=xyz&age=old&cd19=maybe");
    assert_eq!(raw.get(Field::Setting), "xyz");
    assert_eq!(raw.get(Field::Age), "old");
    assert_eq!(raw.get(Field::Cd19), "maybe");
    assert_eq!(issues, vec![]);
}

#[test]
fn empty_values_are_dropped_silently_blank_ones_reported() {
    let (raw, issues) = parse_query("v=2&bm=&age=34");
    assert_eq!(raw, RawScenario::new().with(Field::Age, "34"));
    assert_eq!(issues, vec![]);
    let (raw, issues) = parse_query("v=2&bm=+++");
    assert_eq!(raw, RawScenario::new());
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].key, "bm");
}

#[test]
fn decoding_of_spaces_and_escapes() {
    let (raw, issues) = parse_query("v=2&wt=+62%2C5+&mrd=1%C3%9710%5E-4");
    assert_eq!(issues, vec![]);
    assert_eq!(raw.get(Field::Weight), " 62,5 ");
    assert_eq!(raw.get(Field::Mrd), "1×10^-4");
}

#[test]
fn garbage_does_not_panic() {
    let long = "a=".repeat(50_000);
    let inputs = [
        "&&",
        "=x",
        "==",
        "&=&=&",
        "%",
        "%zz",
        "age=%",
        "age=%E2%82",
        "age=%FF%FE",
        "?v=2&age=34&&&",
        "??v=2",
        "v=2;age=3",
        "\u{0}\u{1}",
        "v=2&age=\u{1F600}",
        long.as_str(),
    ];
    for input in inputs {
        let (raw, _issues) = parse_query(input);
        assert_eq!(raw.version, 2);
    }
    // Invalid percent-escapes stay literal text; invalid UTF-8 becomes U+FFFD.
    let (raw, _) = parse_query("v=2&age=%zz");
    assert_eq!(raw.get(Field::Age), "%zz");
    let (raw, _) = parse_query("v=2&age=%FF");
    assert_eq!(raw.get(Field::Age), "\u{FFFD}");
    // A pair with an empty key is an unknown key.
    let (_, issues) = parse_query("v=2&=x");
    assert_eq!(issues.len(), 1);
    assert_eq!(
        (issues[0].key.as_str(), issues[0].value.as_str()),
        ("", "x")
    );
}

#[test]
fn a_query_over_the_limit_is_refused_whole_with_one_issue() {
    use engine::query::{refused_whole, MAX_QUERY_LEN};
    // Exactly at the limit: read as usual (the leading "?" does not count).
    let head = "v=2&age=34&foo=";
    let at_limit = format!("?{head}{}", "x".repeat(MAX_QUERY_LEN - head.len()));
    let (raw, issues) = parse_query(&at_limit);
    assert_eq!(raw, RawScenario::new().with(Field::Age, "34"));
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].key, "foo");
    assert!(!refused_whole(&issues));
    // An empty key is an unknown key, not a refusal.
    assert!(!refused_whole(&parse_query("v=2&=").1));

    // One byte more: nothing is read, and the one issue says why without echoing the link.
    let over = format!("{at_limit}x");
    let (raw, issues) = parse_query(&over);
    assert_eq!(raw, RawScenario::new());
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!((issues[0].key.as_str(), issues[0].value.as_str()), ("", ""));
    assert!(
        issues[0].message.contains("too long")
            && issues[0]
                .message
                .contains(&format!("{}", MAX_QUERY_LEN + 1)),
        "{}",
        issues[0].message
    );
    assert!(refused_whole(&issues));

    // A megabyte of repeated keys, which read key by key would list a quarter million
    // issues, is refused at once.
    let huge = "a=1&".repeat(256 * 1024);
    let started = std::time::Instant::now();
    let (raw, issues) = parse_query(&huge);
    assert_eq!((raw, issues.len()), (RawScenario::new(), 1));
    assert!(started.elapsed() < std::time::Duration::from_millis(50));
}
