//! The scenario file format: every field round-trips, every malformed class gives its own
//! message naming the entry and field, restoring keeps what is sound, limits hold, and
//! encoding then decoding is the identity on valid scenarios (property).

use engine::exchange::{
    encode_one, encode_set, import, is_timestamp, link_list, merge, restore, summary, unique_name,
    ImportProblem, ImportProblemKind as K, Saved, EXCHANGE_VERSION, FORMAT_ID, MAX_BYTES,
    MAX_DEPTH, MAX_NAME_CHARS, MAX_SCENARIOS, MAX_VALUE_CHARS,
};
use engine::fields::{Field, FieldKind, FIELDS};
use engine::query::parse_query;
use engine::scenario::FORMAT_VERSION;
use engine::{assess, Assessment, RawScenario, Status};
use proptest::prelude::*;

/// A document with the right header around `entries` (JSON text of the array's items).
fn doc(entries: &str) -> String {
    format!(
        "{{\"format\": \"{FORMAT_ID}\", \"version\": {EXCHANGE_VERSION}, \"scenarios\": [{entries}]}}"
    )
}

/// One entry as JSON text.
fn entry(name: &str, inputs: &str) -> String {
    format!("{{\"name\": \"{name}\", \"saved\": \"2025-01-31T14:05:00.000Z\", \"inputs\": {{{inputs}}}}}")
}

/// A valid text for every field: the last choice (never the empty "Choose…"), a number
/// inside the range, an MRD level.
fn every_field() -> RawScenario {
    let mut raw = RawScenario::new();
    for field in FIELDS {
        let text = match field.kind() {
            FieldKind::Choice(choices) => choices.last().map(|(v, _)| *v).unwrap_or(""),
            FieldKind::Number { min, max, .. } => &in_range(min, max),
            FieldKind::Mrd => "0.01",
        };
        raw.set(field, text);
    }
    raw
}

/// A whole number inside `[min, max]`: 20 where it fits, else the smallest.
fn in_range(min: f64, max: f64) -> String {
    if (min..=max).contains(&20.0) {
        "20".to_string()
    } else {
        (min.ceil() as i64).to_string()
    }
}

/// The problems of an import that must fail.
fn problems(text: &str) -> Vec<ImportProblem> {
    match import(text) {
        Ok(saved) => panic!("expected problems, got {saved:#?}\nfrom {text}"),
        Err(problems) => problems,
    }
}

/// The one problem of `kind` in `problems`, asserting it is there exactly once.
fn one(problems: &[ImportProblem], kind: K) -> ImportProblem {
    let found: Vec<&ImportProblem> = problems.iter().filter(|p| p.kind == kind).collect();
    assert_eq!(found.len(), 1, "expected one {kind:?} in {problems:#?}");
    found[0].clone()
}

/// Asserts the problem concerns entry `index` (named `name`, when readable) and `field`.
fn at(p: &ImportProblem, index: usize, name: Option<&str>, field: Option<Field>) {
    let entry = p.entry.as_ref().expect("the problem names its entry");
    assert_eq!(entry.index, index, "{p:#?}");
    assert_eq!(entry.name.as_deref(), name, "{p:#?}");
    assert_eq!(p.field, field, "{p:#?}");
    let prefix = match name {
        Some(name) => format!("Scenario {} \"{name}\": ", index + 1),
        None => format!("Scenario {}: ", index + 1),
    };
    assert!(p.message.starts_with(&prefix), "{}", p.message);
}

#[test]
fn every_field_round_trips_through_a_file_and_the_stored_list() {
    let raw = every_field();
    assert_eq!(raw.values.len(), FIELDS.len());
    let saved = Saved::new("All fields", "2025-01-31T14:05:00.000Z", raw).unwrap();
    let text = encode_one(&saved);
    for field in FIELDS {
        assert!(
            text.contains(&format!("\"{}\": ", field.key())),
            "{field:?}"
        );
    }
    assert_eq!(import(&text), Ok(vec![saved.clone()]));
    let restored = restore(&text);
    assert_eq!(restored.saved, vec![saved]);
    assert!(restored.problems.is_empty(), "{:#?}", restored.problems);
}

#[test]
fn texts_round_trip_exactly_as_typed() {
    // Spaces, decimal commas, MRD spellings, quotes and non-ASCII survive unchanged.
    let raw = RawScenario::new()
        .with(Field::Age, " 34 ")
        .with(Field::MarrowBlasts, "62,5")
        .with(Field::Mrd, "2,5 × 10⁻⁴")
        .with(Field::Setting, "r2\t");
    let saved = Saved::new("Ms \"A\" \\ né", "", raw).unwrap();
    assert_eq!(import(&encode_one(&saved)), Ok(vec![saved]));
}

#[test]
fn encoding_is_deterministic_readable_and_valid_json() {
    let a = Saved::new(
        "A",
        "2025-01-31T14:05:00Z",
        RawScenario::new()
            .with(Field::Setting, "r2")
            .with(Field::Age, "40"),
    )
    .unwrap();
    let b = Saved::new("B", "", RawScenario::new()).unwrap();
    let text = encode_set(&[a.clone(), b.clone()]);
    assert_eq!(text, encode_set(&[a.clone(), b.clone()]));
    // Inputs in form order whatever order they were set in; one key per line.
    let age = text.find("\"age\"").unwrap();
    let set = text.find("\"set\"").unwrap();
    assert!(age < set, "{text}");
    assert!(text.contains("\n        \"age\": \"40\",\n"), "{text}");
    assert!(text.contains("\"inputs\": {}"), "{text}");
    // Another JSON reader reads the same document.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], FORMAT_ID);
    assert_eq!(value["version"], EXCHANGE_VERSION);
    assert_eq!(value["scenarios"][0]["inputs"]["age"], "40");
    assert_eq!(value["scenarios"][1]["name"], "B");
    assert_eq!(
        encode_set(&[]),
        format!("{{\n  \"format\": \"{FORMAT_ID}\",\n  \"version\": 1,\n  \"scenarios\": []\n}}\n")
    );
}

#[test]
fn control_characters_and_quotes_are_escaped_as_json_requires() {
    // A vertical tab is white space, so " 40" with it is a valid age; JSON must escape it.
    let raw = RawScenario::new().with(Field::Age, "\u{b}40\u{c}");
    let saved = Saved::new("q\"\\/", "", raw).unwrap();
    let text = encode_one(&saved);
    assert!(text.contains("\\u000b40\\u000c"), "{text}");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["scenarios"][0]["inputs"]["age"], "\u{b}40\u{c}");
    assert_eq!(value["scenarios"][0]["name"], "q\"\\/");
    assert_eq!(import(&text), Ok(vec![saved]));
}

#[test]
fn half_filled_scenarios_are_accepted() {
    let text = doc(&entry("Half", "\"bm\": \"62\""));
    let saved = import(&text).unwrap();
    assert_eq!(saved[0].inputs.get(Field::MarrowBlasts), "62");
    assert_eq!(saved[0].inputs.values.len(), 1);
    // Empty texts mean "not given", as in a link.
    let saved = import(&doc(&entry("Blank", "\"bm\": \"\", \"age\": \"  \""))).unwrap();
    assert!(saved[0].inputs.values.is_empty());
}

#[test]
fn contradictions_between_fields_are_for_the_form_not_the_file() {
    // MRD-positive in CR with 40% marrow blasts: each value is valid on its own.
    let text = doc(&entry(
        "Odd",
        "\"set\": \"mrd\", \"bm\": \"40\", \"age\": \"30\"",
    ));
    let saved = import(&text).unwrap();
    assert!(matches!(assess(&saved[0].inputs), Assessment::Invalid(_)));
}

#[test]
fn size_limit_refuses_a_50_mb_string_before_parsing() {
    let huge = "[".repeat(50 * 1024 * 1024);
    let p = problems(&huge);
    assert_eq!(p.len(), 1, "{p:#?}");
    assert_eq!(p[0].kind, K::TooLarge);
    assert!(
        p[0].message.starts_with("The file is 52,428,800 bytes"),
        "{}",
        p[0].message
    );
    let restored = restore(&huge);
    assert!(restored.saved.is_empty());
    assert_eq!(restored.problems[0].kind, K::TooLarge);
    assert!(restored.problems[0]
        .message
        .starts_with("The stored list is"));
    // Exactly at the limit is read (and here is simply not JSON).
    let at_limit = " ".repeat(MAX_BYTES - 2) + "{}";
    assert_eq!(at_limit.len(), MAX_BYTES);
    assert_ne!(problems(&at_limit)[0].kind, K::TooLarge);
    let over = " ".repeat(MAX_BYTES - 1) + "{}";
    assert_eq!(problems(&over)[0].kind, K::TooLarge);
}

#[test]
fn empty_documents() {
    for text in ["", "   \n\t", "\u{feff}"] {
        let p = problems(text);
        assert_eq!(one(&p, K::Empty).message, "The file is empty.");
    }
    let p = problems(&doc(""));
    assert_eq!(one(&p, K::Empty).message, "The file holds no scenarios.");
    // An empty stored list is not a problem: the user may have deleted every scenario.
    let restored = restore(&doc(""));
    assert!(restored.saved.is_empty() && restored.problems.is_empty());
}

#[test]
fn not_json_and_truncated_are_told_apart() {
    for text in ["hello", "{'a': 1}", "[1,]", "{\"a\" 1}", "{} {}", "nul"] {
        let p = problems(text);
        assert_eq!(
            one(&p, K::NotJson).message,
            "The file is not a scenario file of this aid: it is not valid JSON."
        );
    }
    let full = encode_one(&Saved::new("A", "", every_field()).unwrap());
    for cut in [1, 20, full.len() / 2, full.len() - 3] {
        let p = problems(&full[..cut]);
        assert_eq!(
            one(&p, K::Truncated).message,
            "The file ends too early: it looks cut short.",
            "cut at {cut}"
        );
    }
    // A byte-order mark, which some editors write, is not an error.
    assert!(import(&format!("\u{feff}{full}")).is_ok());
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_before_parsing() {
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    let p = problems(&deep);
    assert_eq!(
        one(&p, K::TooDeep).message,
        "The file is nested more than 8 levels deep, which no scenario file is."
    );
    // Brackets inside strings do not count.
    let text = doc(&entry(&"[".repeat(20), ""));
    assert!(import(&text).is_ok(), "{:#?}", import(&text));
    // Within the limit, a deep value is read and reported as the wrong shape.
    let p = problems(&doc(&entry("A", "\"age\": [[[[1]]]]")));
    at(&one(&p, K::WrongType), 0, Some("A"), Some(Field::Age));
}

#[test]
fn wrong_shapes_name_where() {
    let p = problems("[]");
    assert!(one(&p, K::Shape)
        .message
        .starts_with("The file is not a scenario file: it should be a JSON object"));
    let p = problems("\"text\"");
    assert!(one(&p, K::Shape).message.ends_with("not text."));

    let text = format!("{{\"format\": \"{FORMAT_ID}\", \"version\": 1, \"scenarios\": {{}}}}");
    let p = one(&problems(&text), K::Shape);
    assert_eq!(p.key.as_deref(), Some("scenarios"));
    assert_eq!(
        p.message,
        "\"scenarios\" should be a list (JSON array) of scenarios, not an object."
    );

    let p = problems(&doc(&format!("5, {}", entry("B", ""))));
    let shape = one(&p, K::Shape);
    at(&shape, 0, None, None);
    assert!(shape.message.contains("should be a JSON object"));

    let p = problems(&doc("{\"name\": \"A\", \"inputs\": [\"age\", \"40\"]}"));
    let shape = one(&p, K::Shape);
    at(&shape, 0, Some("A"), None);
    assert_eq!(shape.key.as_deref(), Some("inputs"));
}

#[test]
fn wrong_format() {
    let missing = "{\"version\": 1, \"scenarios\": []}";
    let p = one(&problems(missing), K::Format);
    assert_eq!(p.entry, None);
    assert!(p.message.starts_with("The file has no \"format\""));

    let other = doc(&entry("A", "")).replace(FORMAT_ID, "some-other-app");
    let p = one(&problems(&other), K::Format);
    assert_eq!(
        p.message,
        format!("The file is a \"some-other-app\" file, not a scenario file of this aid (\"{FORMAT_ID}\").")
    );

    let number = doc(&entry("A", "")).replace(&format!("\"{FORMAT_ID}\""), "7");
    let p = one(&problems(&number), K::Format);
    assert!(p.message.ends_with("not a number."), "{}", p.message);
}

#[test]
fn missing_or_wrong_version() {
    let base = doc(&entry("A", ""));
    let missing = base.replace("\"version\": 1, ", "");
    assert_eq!(
        one(&problems(&missing), K::Version).message,
        "The file has no \"version\"."
    );
    for (version, found) in [
        ("\"1\"", "text"),
        ("0", "0"),
        ("1.5", "a negative or fractional number"),
        ("-1", "a negative or fractional number"),
        ("null", "null"),
    ] {
        let text = base.replace("\"version\": 1", &format!("\"version\": {version}"));
        let p = one(&problems(&text), K::Version);
        assert_eq!(
            p.message,
            format!("\"version\" should be a whole number from 1, not {found}.")
        );
        assert_eq!(p.key.as_deref(), Some("version"));
    }
}

#[test]
fn future_version_is_refused_on_import_and_read_where_possible_from_storage() {
    let text = doc(&format!(
        "{}, {}",
        entry("A", "\"age\": \"40\""),
        entry("B", "\"age\": \"41\", \"newfield\": \"x\"")
    ))
    .replace("\"version\": 1", "\"version\": 2");
    let p = problems(&text);
    assert!(one(&p, K::FutureVersion)
        .message
        .starts_with("The file was written by a newer version of this aid (format version 2;"));
    let restored = restore(&text);
    assert!(restored.is_from_newer_version());
    assert_eq!(restored.saved.len(), 2);
    assert_eq!(restored.saved[1].inputs.get(Field::Age), "41");
    let unknown = one(&restored.problems, K::UnknownKey);
    at(&unknown, 1, Some("B"), None);
    assert!(unknown.message.ends_with("It was ignored."));
    // A huge version number is still a number.
    let far = text.replace("\"version\": 2", "\"version\": 18446744073709551615");
    assert!(one(&problems(&far), K::FutureVersion)
        .message
        .contains("18446744073709551615"));
}

#[test]
fn unknown_keys_at_every_level() {
    let text = doc(&entry("A", "\"age\": \"40\", \"colour\": \"blue\""))
        .replacen('{', "{\"extra\": 1, ", 1)
        .replace("\"name\": \"A\"", "\"name\": \"A\", \"comment\": \"x\"");
    let p = problems(&text);
    let unknown: Vec<&ImportProblem> = p.iter().filter(|p| p.kind == K::UnknownKey).collect();
    assert_eq!(unknown.len(), 3, "{p:#?}");
    assert_eq!(unknown[0].entry, None);
    assert_eq!(
        unknown[0].message,
        "Unknown key \"extra\" at the top level."
    );
    at(unknown[1], 0, Some("A"), None);
    assert_eq!(unknown[1].key.as_deref(), Some("comment"));
    at(unknown[2], 0, Some("A"), None);
    assert_eq!(
        unknown[2].message,
        "Scenario 1 \"A\": \"colour\" in \"inputs\" is not a field of this aid."
    );
}

#[test]
fn repeated_keys_are_detected_at_every_level() {
    let text = doc(&entry(
        "A",
        "\"age\": \"40\", \"bm\": \"5\", \"age\": \"41\"",
    ))
    .replace("\"version\": 1,", "\"version\": 1, \"version\": 1,")
    .replace("\"name\": \"A\",", "\"name\": \"A\", \"name\": \"B\",");
    let p = problems(&text);
    let repeated: Vec<&ImportProblem> = p.iter().filter(|p| p.kind == K::RepeatedKey).collect();
    assert_eq!(repeated.len(), 3, "{p:#?}");
    assert_eq!(
        repeated[0].message,
        "Key \"version\" appears more than once at the top level."
    );
    at(repeated[1], 0, Some("A"), None);
    assert_eq!(repeated[1].key.as_deref(), Some("name"));
    at(repeated[2], 0, Some("A"), Some(Field::Age));
    assert_eq!(
        repeated[2].message,
        "Scenario 1 \"A\": Age (\"age\") appears more than once in \"inputs\"."
    );
    // Restoring keeps the first value.
    let restored = restore(&text);
    assert_eq!(restored.saved[0].name, "A");
    assert_eq!(restored.saved[0].inputs.get(Field::Age), "40");
    assert!(restored.problems[1]
        .message
        .ends_with("The first was kept."));
}

#[test]
fn missing_keys() {
    let no_scenarios = format!("{{\"format\": \"{FORMAT_ID}\", \"version\": 1}}");
    let p = one(&problems(&no_scenarios), K::MissingKey);
    assert_eq!(p.message, "The file has no \"scenarios\".");

    let p = problems(&doc("{\"inputs\": {}}, {\"name\": \"B\"}"));
    let missing: Vec<&ImportProblem> = p.iter().filter(|p| p.kind == K::MissingKey).collect();
    assert_eq!(missing.len(), 2, "{p:#?}");
    at(missing[0], 0, None, None);
    assert_eq!(missing[0].message, "Scenario 1: no \"name\".");
    at(missing[1], 1, Some("B"), None);
    assert_eq!(missing[1].message, "Scenario 2 \"B\": no \"inputs\".");
    // "saved" may be left out.
    assert!(import(&doc("{\"name\": \"C\", \"inputs\": {}}")).is_ok());
}

#[test]
fn wrong_types() {
    let p = problems(&doc("{\"name\": 5, \"inputs\": {}}"));
    let w = one(&p, K::WrongType);
    at(&w, 0, None, None);
    assert_eq!(
        w.message,
        "Scenario 1: \"name\" should be text (a JSON string), not a number."
    );

    let p = problems(&doc(&entry(
        "A",
        "\"age\": 34, \"bm\": null, \"cd19\": true",
    )));
    let w: Vec<&ImportProblem> = p.iter().filter(|p| p.kind == K::WrongType).collect();
    assert_eq!(w.len(), 3, "{p:#?}");
    at(w[0], 0, Some("A"), Some(Field::Age));
    assert_eq!(
        w[0].message,
        "Scenario 1 \"A\": Age (\"age\") should be text (a JSON string), not a number."
    );
    at(w[1], 0, Some("A"), Some(Field::MarrowBlasts));
    assert!(w[1].message.ends_with("not null."));
    at(w[2], 0, Some("A"), Some(Field::Cd19));
    assert!(w[2].message.ends_with("not true or false."));

    let p = problems(&doc(
        "{\"name\": \"A\", \"saved\": 1738332300, \"inputs\": {}}",
    ));
    let w = one(&p, K::WrongType);
    at(&w, 0, Some("A"), None);
    assert_eq!(w.key.as_deref(), Some("saved"));
}

#[test]
fn invalid_values_use_the_fields_own_messages() {
    let p = problems(&doc(&format!(
        "{}, {}",
        entry("A", "\"bm\": \"150\", \"set\": \"xyz\", \"age\": \"forty\""),
        entry(
            "B",
            "\"lines\": \"1.5\", \"mrd\": \"lots\", \"pb\": \"3000\", \"pbu\": \"g\""
        )
    )));
    let invalid: Vec<&ImportProblem> = p.iter().filter(|p| p.kind == K::InvalidValue).collect();
    let expect = [
        (0, "A", Field::Age, "Age: \"forty\" is not a number."),
        (0, "A", Field::Setting, "Disease setting: \"xyz\" is not one of the choices."),
        (0, "A", Field::MarrowBlasts, "Marrow blasts: 150 is above 100%."),
        (1, "B", Field::Mrd, "MRD level: \"lots\" is not an MRD level; write a percentage such as 0.1 or a fraction such as 1e-3."),
        (1, "B", Field::PeripheralBlasts, "Peripheral blood blasts: 3000 is above 2000 × 10⁹/L."),
        (1, "B", Field::PriorLines, "Prior lines of therapy: 1.5 is not a whole number."),
    ];
    assert_eq!(invalid.len(), expect.len(), "{p:#?}");
    for (p, (index, name, field, message)) in invalid.iter().zip(expect) {
        at(p, index, Some(name), Some(field));
        assert_eq!(
            p.message,
            format!("Scenario {} \"{name}\": {message}", index + 1)
        );
    }
    // Restoring keeps the texts, for the form to show with the same messages.
    let restored = restore(&doc(&entry("A", "\"bm\": \"150\"")));
    assert_eq!(restored.saved[0].inputs.get(Field::MarrowBlasts), "150");
    assert!(restored.problems[0]
        .message
        .ends_with("The text was kept; the form shows it to correct."));
}

#[test]
fn long_values_are_refused() {
    let long = format!("{}1", " ".repeat(MAX_VALUE_CHARS));
    let p = problems(&doc(&entry("A", &format!("\"age\": \"{long}\""))));
    let l = one(&p, K::LongValue);
    at(&l, 0, Some("A"), Some(Field::Age));
    assert_eq!(
        l.message,
        "Scenario 1 \"A\": Age: the text is longer than 32 characters."
    );
}

#[test]
fn names_empty_long_or_with_control_characters() {
    let long = "n".repeat(MAX_NAME_CHARS + 1);
    let p = problems(&doc(&format!(
        "{}, {}, {}",
        entry("  ", ""),
        entry(&long, ""),
        entry("two\\nlines", "")
    )));
    let e = one(&p, K::EmptyName);
    at(&e, 0, None, None);
    assert_eq!(e.message, "Scenario 1: the name is empty.");
    let l = one(&p, K::LongName);
    at(&l, 1, None, None);
    assert_eq!(
        l.message,
        "Scenario 2: the name is longer than 100 characters."
    );
    let c = one(&p, K::ControlInName);
    at(&c, 2, None, None);
    // Exactly at the limit is fine.
    assert!(import(&doc(&entry(&"n".repeat(MAX_NAME_CHARS), ""))).is_ok());
    // Restoring leaves out what it cannot name.
    assert!(restore(&doc(&entry("  ", ""))).saved.is_empty());
}

#[test]
fn bad_timestamps() {
    for bad in [
        "yesterday",
        "2025-02-30T10:00:00Z",
        "2025-01-31",
        "2025-01-31T14:05:00",
        "2025-01-31T24:00:00Z",
        "2025-1-31T14:05:00Z",
    ] {
        let text = doc(&entry("A", "")).replace("2025-01-31T14:05:00.000Z", bad);
        let b = one(&problems(&text), K::BadTimestamp);
        at(&b, 0, Some("A"), None);
        assert!(b.message.contains("ISO 8601"), "{}", b.message);
        let restored = restore(&text);
        assert_eq!(restored.saved[0].saved, "", "cleared");
        assert!(restored.problems[0].message.ends_with("It was cleared."));
    }
}

#[test]
fn timestamps_in_iso_8601() {
    for good in [
        "2025-01-31T14:05:00.000Z",
        "2025-01-31T14:05Z",
        "2024-02-29T23:59:59+01:00",
        "2000-02-29T00:00:00.123456789-05:30",
    ] {
        assert!(is_timestamp(good), "{good}");
    }
    for bad in [
        "",
        "2023-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2025-13-01T00:00:00Z",
        "2025-00-10T00:00:00Z",
        "2025-01-31T14:05:60Z",
        "2025-01-31T14:05:00.Z",
        "2025-01-31T14:05:00Z ",
        "2025-01-31T14:05:00+0100",
        "2025-01-31T14:05:00+01:00x",
        "２０２５-01-31T14:05:00Z",
    ] {
        assert!(!is_timestamp(bad), "{bad}");
    }
}

#[test]
fn duplicate_names_are_refused_on_import_and_renamed_on_restore() {
    let text = doc(&format!(
        "{}, {}, {}",
        entry("A", "\"age\": \"1\""),
        entry("B", ""),
        entry(" A ", "\"age\": \"2\"")
    ));
    let d = one(&problems(&text), K::DuplicateName);
    at(&d, 2, Some(" A "), None);
    assert_eq!(
        d.message,
        "Scenario 3 \" A \": the name is already used by scenario 1; names must differ."
    );
    let restored = restore(&text);
    let names: Vec<&str> = restored.saved.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["A", "B", "A (2)"]);
    assert_eq!(restored.saved[2].inputs.get(Field::Age), "2");
}

#[test]
fn too_many_scenarios() {
    let entries: Vec<String> = (0..=MAX_SCENARIOS)
        .map(|i| entry(&format!("S{i}"), ""))
        .collect();
    let text = doc(&entries.join(","));
    let t = one(&problems(&text), K::TooMany);
    assert_eq!(
        t.message,
        "The file holds 101 scenarios, more than the 100 allowed."
    );
    let restored = restore(&text);
    assert_eq!(restored.saved.len(), MAX_SCENARIOS);
    assert!(restored.problems[0]
        .message
        .ends_with("The first 100 were read."));
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = doc(&format!(
        "{}, {}",
        entry("A", "\"bm\": \"150\", \"zz\": \"1\""),
        "{\"name\": 3, \"inputs\": {\"age\": 1}}"
    ))
    .replace("\"version\": 1", "\"version\": 0");
    let kinds: Vec<K> = problems(&text).iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            K::Version,
            K::UnknownKey,
            K::InvalidValue,
            K::WrongType,
            K::WrongType
        ]
    );
}

#[test]
fn restore_keeps_the_sound_entries_of_a_set_with_one_corrupt_entry() {
    let good_a = Saved::new("A", "2025-01-31T14:05:00Z", every_field()).unwrap();
    let good_c = Saved::new(
        "C",
        "",
        RawScenario::new()
            .with(Field::Age, "7")
            .with(Field::Setting, "r1e"),
    )
    .unwrap();
    let text = encode_set(&[good_a.clone(), good_c.clone()]);
    // Corrupt a middle entry: inputs that are not an object.
    let corrupt = text.replacen(
        "    {\n      \"name\": \"C\"",
        "    {\"name\": \"B\", \"inputs\": 5},\n    {\n      \"name\": \"C\"",
        1,
    );
    assert_ne!(corrupt, text);
    assert!(import(&corrupt).is_err());
    let restored = restore(&corrupt);
    assert_eq!(restored.saved, vec![good_a, good_c]);
    assert_eq!(restored.problems.len(), 1, "{:#?}", restored.problems);
    let p = &restored.problems[0];
    at(p, 1, Some("B"), None);
    assert_eq!(p.kind, K::Shape);
    assert!(p.message.ends_with("It was left out."), "{}", p.message);
}

#[test]
fn restore_never_fails_as_a_whole() {
    for text in [
        "",
        "x",
        "[]",
        "{}",
        "{\"scenarios\": 5}",
        "[[[[[[[[[[]]]]]]]]]]",
    ] {
        let restored = restore(text);
        assert!(restored.saved.is_empty());
        assert!(!restored.problems.is_empty(), "{text}");
    }
}

#[test]
fn saved_new_checks_what_import_checks() {
    let bad = RawScenario::new()
        .with(Field::MarrowBlasts, "150")
        .with(Field::Cd19, "maybe");
    let p = Saved::new("Case", "", bad).unwrap_err();
    assert_eq!(p.len(), 2);
    assert!(p
        .iter()
        .all(|p| p.kind == K::InvalidValue && p.entry.is_none()));
    assert_eq!(p[0].message, "\"Case\": Marrow blasts: 150 is above 100%.");
    assert_eq!(p[1].field, Some(Field::Cd19));
    let p = Saved::new("", "not a time", RawScenario::new()).unwrap_err();
    let kinds: Vec<K> = p.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [K::EmptyName, K::BadTimestamp]);
    assert_eq!(p[0].message, "The scenario: the name is empty.");
    // Half-filled and contradictory scenarios can be saved.
    assert!(Saved::new("Half", "", RawScenario::new().with(Field::Age, "3")).is_ok());
}

#[test]
fn the_largest_list_saved_new_accepts_fits_the_byte_limit() {
    // Every text at its longest, in the characters that take most bytes once escaped
    // (a vertical tab is white space around a valid value, and JSON writes it in 6 bytes).
    let pad = |value: &str| {
        let room = MAX_VALUE_CHARS - value.chars().count();
        format!("{}{value}", "\u{b}".repeat(room))
    };
    let mut raw = RawScenario::new();
    for field in FIELDS {
        let value = match field.kind() {
            FieldKind::Choice(choices) => choices.last().map(|(v, _)| *v).unwrap_or(""),
            FieldKind::Number { min, max, .. } => &in_range(min, max),
            FieldKind::Mrd => "1e-3",
        };
        raw.set(field, pad(value));
    }
    let set: Vec<Saved> = (0..MAX_SCENARIOS)
        .map(|i| {
            // 4-byte characters, with the number in front to keep names distinct.
            let name = format!("{i}{}", "𝔸".repeat(MAX_NAME_CHARS - 3));
            Saved::new(name, "2000-02-29T00:00:00.123456789-05:30", raw.clone()).unwrap()
        })
        .collect();
    let text = encode_set(&set);
    assert!(text.len() <= MAX_BYTES, "{} bytes", text.len());
    assert_eq!(import(&text), Ok(set));
}

#[test]
fn link_list_has_one_line_per_scenario_that_opens_it() {
    let a = Saved::new("Ms A", "", every_field()).unwrap();
    let b = Saved::new(
        "Mr B & co",
        "",
        RawScenario::new().with(Field::MarrowBlasts, "62,5"),
    )
    .unwrap();
    let list = link_list(&[a.clone(), b.clone()], "https://example.org/aid/");
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 2);
    for (line, saved) in lines.iter().zip([&a, &b]) {
        let (name, url) = line.split_once('\t').unwrap();
        assert_eq!(name, saved.name);
        let query = url.strip_prefix("https://example.org/aid/?").unwrap();
        let (raw, issues) = parse_query(query);
        assert_eq!(raw, saved.inputs);
        assert!(issues.is_empty(), "{issues:#?}");
    }
}

#[test]
fn summary_reads_the_answer_or_counts_the_fields_to_fix() {
    let raw = RawScenario::new()
        .with(Field::Age, "40")
        .with(Field::Setting, "r2")
        .with(Field::MarrowBlasts, "62")
        .with(Field::Cd19, "pos")
        .with(Field::Cd22, "pos");
    let line = summary(&raw);
    let Assessment::Valid(rec) = assess(&raw) else {
        panic!("valid");
    };
    // Every therapy appears under its status, or in the count of not eligible ones.
    for a in &rec.therapies {
        let short = engine::exchange::short_name(a.therapy);
        assert_eq!(
            line.contains(short),
            a.status != Status::NotEligible,
            "{short} in {line}"
        );
    }
    assert!(line.ends_with(" · Pre-phase required"), "{line}");
    assert_eq!(
        line,
        "US labels · Blinatumomab, Inotuzumab, Brexucabtagene, Obecabtagene options · \
         1 not eligible · 7 questions still open · Pre-phase required"
    );

    assert_eq!(
        summary(&RawScenario::new().with(Field::MarrowBlasts, "150")),
        "Incomplete: 3 fields to fix"
    );
    assert_eq!(
        summary(&RawScenario::new().with(Field::Age, "40")),
        "Incomplete: 1 field to fix"
    );
}

#[test]
fn merging_renames_clashes_and_stops_at_the_cap() {
    let s = |name: &str| Saved::new(name, "", RawScenario::new()).unwrap();
    let mut set = vec![s("A"), s("A (2)")];
    assert_eq!(unique_name(&set, "B"), "B");
    assert_eq!(unique_name(&set, " A"), "A (3)");
    let merged = merge(&mut set, vec![s("A"), s("B")]);
    assert_eq!(merged.renamed, [("A".to_string(), "A (3)".to_string())]);
    assert!(merged.left_out.is_empty());
    let names: Vec<&str> = set.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["A", "A (2)", "A (3)", "B"]);
    // A renamed name still fits the limit.
    let long = "x".repeat(MAX_NAME_CHARS);
    let mut set = vec![s(&long)];
    let renamed = unique_name(&set, &long);
    assert!(renamed.chars().count() <= MAX_NAME_CHARS && renamed.ends_with(" (2)"));
    let full: Vec<Saved> = (0..MAX_SCENARIOS).map(|i| s(&format!("S{i}"))).collect();
    set = full;
    let merged = merge(&mut set, vec![s("late")]);
    assert_eq!(merged.left_out, ["late"]);
    assert_eq!(set.len(), MAX_SCENARIOS);
}

#[test]
fn the_file_version_follows_the_input_vocabulary() {
    // The inputs are the URL format's keys: a new URL format version changes what a file's
    // inputs mean, so EXCHANGE_VERSION must be bumped with it (and this pairing updated).
    assert_eq!((FORMAT_VERSION, EXCHANGE_VERSION), (2, 1));
}

// ---- Property: encode then decode is the identity on valid scenarios ----

/// A valid text for `field`: inside the range, one of the choices, or an MRD level, in the
/// spellings a user types (spaces around, decimal commas).
fn valid_text(field: Field) -> BoxedStrategy<String> {
    let value: BoxedStrategy<String> = match field.kind() {
        FieldKind::Number { min, max, integer } => {
            // The peripheral count is valid in either unit within the smaller range.
            let max = if field == Field::PeripheralBlasts {
                2000.0
            } else {
                max
            };
            if integer {
                (min as i64..=max as i64)
                    .prop_map(|n| n.to_string())
                    .boxed()
            } else {
                prop_oneof![
                    (min..=max).prop_map(|v| format!("{v}")),
                    ((min.ceil() as i64)..(max.floor() as i64), 0..10u8)
                        .prop_map(|(n, d)| format!("{n},{d}")),
                ]
                .boxed()
            }
        }
        FieldKind::Choice(choices) => prop::sample::select(
            choices
                .iter()
                .map(|(v, _)| v.to_string())
                .collect::<Vec<_>>(),
        )
        .boxed(),
        FieldKind::Mrd => prop::sample::select(vec![
            "0.1",
            "0.01",
            "1e-3",
            "10^-4",
            "2,5 × 10⁻⁴",
            "5%",
            "0",
            "1e-6",
        ])
        .prop_map(String::from)
        .boxed(),
    };
    (value, prop::sample::select(vec!["", " ", "\t"]))
        .prop_map(|(v, pad)| format!("{pad}{v}{pad}"))
        .prop_filter("fits", |t| t.chars().count() <= MAX_VALUE_CHARS)
        .boxed()
}

fn valid_inputs() -> impl Strategy<Value = RawScenario> {
    let per_field: Vec<BoxedStrategy<Option<String>>> = FIELDS
        .iter()
        .map(|&f| prop::option::weighted(0.6, valid_text(f)).boxed())
        .collect();
    per_field.prop_map(|texts| {
        let mut raw = RawScenario::new();
        for (field, text) in FIELDS.iter().zip(texts) {
            if let Some(text) = text {
                raw.set(*field, text);
            }
        }
        raw
    })
}

fn timestamp() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (
            1970u32..2100,
            1u32..=12,
            1u32..=28,
            0u32..24,
            0u32..60,
            0u32..60,
            0u32..1000
        )
            .prop_map(|(y, mo, d, h, mi, s, ms)| format!(
                "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z"
            )),
    ]
}

fn valid_set() -> impl Strategy<Value = Vec<Saved>> {
    let name = "[^\\p{Cc}]{1,100}".prop_filter("not blank", |n| !n.trim().is_empty());
    prop::collection::vec((name, timestamp(), valid_inputs()), 1..6).prop_map(|entries| {
        let mut set: Vec<Saved> = Vec::new();
        for (name, saved, inputs) in entries {
            if set.iter().any(|s| s.name.trim() == name.trim()) {
                continue;
            }
            set.push(Saved::new(name, saved, inputs).expect("generated valid"));
        }
        set
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn encode_then_decode_is_the_identity(set in valid_set()) {
        let text = encode_set(&set);
        prop_assert_eq!(import(&text), Ok(set.clone()));
        let restored = restore(&text);
        prop_assert!(restored.problems.is_empty(), "{:#?}", restored.problems);
        prop_assert_eq!(&restored.saved, &set);
        // And the text itself is stable.
        prop_assert_eq!(encode_set(&restored.saved), text);
    }
}
