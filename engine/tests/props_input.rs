//! Properties of input handling over arbitrary text: validation and the URL format never
//! panic, messages always name their field, and a link reproduces the texts exactly.

use engine::fields::{Field, FieldKind, FIELDS};
use engine::query::{parse_query, to_query};
use engine::scenario::RawScenario;
use engine::validate::{validate, ProblemKind};
use proptest::prelude::*;

fn any_field() -> impl Strategy<Value = Field> {
    (0..FIELDS.len()).prop_map(|i| FIELDS[i])
}

/// Text a user or a link might plausibly produce: valid values, near misses, numbers in
/// odd spellings and arbitrary unicode.
fn field_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ ]{0,2}-?[0-9]{1,7}([.,][0-9]{0,4})?(e-?[0-9]{1,3})?%?[ ]{0,2}",
        "(1|2,5|5)?[x×]?10(\\^)?[-⁻]?[0-9⁰-⁹]{1,2}",
        "(unk|no|yes|pos|neg|ref|r1e|r1l|r2|rhsct|mrd|bulk|active|hx|plan|cand|resp|noresp|norm|high|disease|vod|maybe)",
        "[ -~]{0,12}",
        Just("NaN".to_string()),
        Just("inf".to_string()),
        Just("-0".to_string()),
    ]
}

/// A raw scenario with arbitrary texts in arbitrary fields.
fn any_raw() -> impl Strategy<Value = RawScenario> {
    proptest::collection::vec((any_field(), field_text()), 0..12).prop_map(|pairs| {
        let mut raw = RawScenario::new();
        for (field, text) in pairs {
            raw.set(field, text);
        }
        raw
    })
}

/// Characters a field may begin or end with: ASCII and other white space (the vertical tab,
/// no-break and ideographic spaces), and letters, one of them beyond ASCII.
fn edge() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just(' '),
            Just('\t'),
            Just('\u{0B}'),
            Just('\u{A0}'),
            Just('\u{3000}'),
            Just('x'),
            Just('é'),
        ],
        0..4,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    /// The fast trim gives what `str::trim` gives, on any text and on texts edged with
    /// every kind of white space.
    #[test]
    fn trim_is_str_trim(inner in any::<String>(), lead in edge(), tail in edge()) {
        for text in [inner.clone(), format!("{lead}{inner}{tail}"), format!("{lead}{tail}")] {
            prop_assert_eq!(engine::validate::trim(&text), text.trim());
        }
    }
}

proptest! {
    #[test]
    fn validate_never_panics_and_messages_name_their_field(raw in any_raw()) {
        if let Err(problems) = validate(&raw) {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                let prefix = format!("{}: ", p.field.label());
                prop_assert!(p.message.starts_with(&prefix), "{}", p.message);
                prop_assert!(p.message.ends_with('.'), "{}", p.message);
            }
        }
    }

    #[test]
    fn problems_are_in_form_order(raw in any_raw()) {
        if let Err(problems) = validate(&raw) {
            let position = |f: Field| FIELDS.iter().position(|x| *x == f);
            for pair in problems.windows(2) {
                prop_assert!(position(pair[0].field) <= position(pair[1].field), "{problems:#?}");
            }
        }
    }

    #[test]
    fn validate_is_deterministic(raw in any_raw()) {
        prop_assert_eq!(validate(&raw), validate(&raw.clone()));
    }

    #[test]
    fn out_of_range_numbers_are_invalid_on_their_field(
        index in 0..FIELDS.len(),
        beyond in 1e-3f64..1e7,
        above in any::<bool>(),
    ) {
        let field = FIELDS[index];
        let FieldKind::Number { min, max, .. } = field.kind() else {
            return Ok(());
        };
        let value = if above { max + beyond } else { min - beyond };
        // Display of an f64 is exact enough to read back as the same value.
        let raw = RawScenario::new()
            .with(Field::Age, "40")
            .with(Field::Setting, "r2")
            .with(field, value.to_string());
        let problems = validate(&raw).expect_err("out of range must be a problem");
        prop_assert!(
            problems.iter().any(|p| p.field == field && p.kind == ProblemKind::Invalid),
            "{field:?}={value}: {problems:#?}"
        );
    }

    #[test]
    fn in_range_numbers_are_accepted(index in 0..FIELDS.len(), t in 0.0f64..=1.0) {
        let field = FIELDS[index];
        let FieldKind::Number { min, max, integer } = field.kind() else {
            return Ok(());
        };
        let mut value = min + (max - min) * t;
        if integer {
            value = value.round();
        }
        let value = value.clamp(min, max);
        let raw = RawScenario::new()
            .with(Field::Age, "40")
            .with(Field::Setting, "r2")
            .with(field, value.to_string());
        let problems = validate(&raw).err().unwrap_or_default();
        prop_assert!(
            problems.iter().all(|p| p.field != field || p.kind != ProblemKind::Invalid),
            "{field:?}={value}: {problems:#?}"
        );
    }

    #[test]
    fn parse_query_never_panics(query in any::<String>()) {
        let (raw, _issues) = parse_query(&query);
        prop_assert_eq!(raw.version, engine::scenario::FORMAT_VERSION);
    }

    #[test]
    fn parse_query_never_panics_on_query_like_text(query in "[?&=%+a-z0-9A-F;#\u{e9}\u{00d7} ]{0,60}") {
        let (raw, _issues) = parse_query(&query);
        // Whatever was read is stored as non-blank text.
        for text in raw.values.values() {
            prop_assert!(!text.trim().is_empty());
        }
    }

    #[test]
    fn round_trip_keeps_every_text(raw in any_raw()) {
        prop_assert_eq!(parse_query(&to_query(&raw)), (raw, vec![]));
    }

    #[test]
    fn round_trip_keeps_awkward_texts(
        field in any_field(),
        text in "[ ]{0,2}[&=%+?#; a-z\u{e9}\u{2070}-\u{209f}\u{1F600}]{1,10}[ ]{0,2}",
    ) {
        let raw = RawScenario::new().with(field, text);
        prop_assert_eq!(parse_query(&to_query(&raw)), (raw, vec![]));
    }
}
