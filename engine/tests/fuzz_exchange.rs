//! Fuzzing the scenario file readers: random text and valid documents with bytes flipped,
//! cut short or with JSON fragments inserted. Neither reader may panic, and what they accept
//! must be consistent: an import that succeeds restores without problems, and whatever is
//! restored encodes and restores to itself.
//!
//! Cases default to a few thousand so the test command stays quick; set `FUZZ_CASES` for a
//! long run (`FUZZ_CASES=1000000 cargo test --release -p ball-engine --test fuzz_exchange`).

use engine::exchange::{encode_set, import, restore, Saved};
use engine::fields::Field;
use engine::RawScenario;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::cell::RefCell;
use std::collections::BTreeMap;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000)
}

/// Valid documents to mutate: empty, one entry, several with every kind of value.
fn seeds() -> Vec<String> {
    let a = RawScenario::new()
        .with(Field::Age, "40")
        .with(Field::Setting, "r2")
        .with(Field::MarrowBlasts, "62,5")
        .with(Field::Mrd, "2,5 × 10⁻⁴")
        .with(Field::Cd19, "pos");
    let b = RawScenario::new()
        .with(Field::Age, " 7 ")
        .with(Field::PeripheralBlasts, "15")
        .with(Field::PeripheralBlastsUnit, "g");
    let s = |name: &str, at: &str, raw: &RawScenario| Saved::new(name, at, raw.clone()).unwrap();
    vec![
        encode_set(&[]),
        encode_set(&[s("A", "2025-01-31T14:05:00.000Z", &a)]),
        encode_set(&[
            s("Ms \"A\" \\ é", "", &a),
            s("B", "2024-02-29T23:59:59+01:00", &b),
            s("C", "", &RawScenario::new()),
        ]),
    ]
}

/// One change to a document, applied to its bytes (any result is read as text, invalid
/// UTF-8 replaced, as a browser reads a file).
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Set { at: usize, byte: u8 },
    Cut { at: usize },
    Insert { at: usize, text: String },
    Remove { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let fragment = prop_oneof![
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "\\",
            "\\u",
            "\\ud800",
            "null",
            "true",
            "-1",
            "1.5e400",
            "0",
            "18446744073709551616",
            "\"age\": \"1\",",
            "\"name\": \"A\",",
            "\"version\": 2,",
            "{\"name\": \"X\", \"inputs\": {}},",
            "\u{feff}",
            "\u{0}",
            "é",
            "\"bm\": \"150\",",
            "\"zz\": 1,",
            "[[[[[[[[[",
            "]]]]",
        ])
        .prop_map(String::from),
        any::<String>(),
    ];
    prop_oneof![
        3 => (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Set { at, byte }),
        1 => any::<usize>().prop_map(|at| Mutation::Cut { at }),
        4 => (any::<usize>(), fragment).prop_map(|(at, text)| Mutation::Insert { at, text }),
        2 => (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Remove { at, len }),
        2 => (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
    ]
}

fn apply(doc: &str, mutations: &[Mutation]) -> String {
    let mut bytes = doc.as_bytes().to_vec();
    for m in mutations {
        let len = bytes.len();
        let pos = |at: usize| if len == 0 { 0 } else { at % (len + 1) };
        match m {
            Mutation::Flip { at, bit } if len > 0 => bytes[at % len] ^= 1 << bit,
            Mutation::Set { at, byte } if len > 0 => bytes[at % len] = *byte,
            Mutation::Cut { at } => bytes.truncate(pos(*at)),
            Mutation::Insert { at, text } => {
                let at = pos(*at);
                bytes.splice(at..at, text.bytes());
            }
            Mutation::Remove { at, len: n } => {
                let at = pos(*at);
                let end = (at + n).min(len);
                bytes.drain(at..end);
            }
            Mutation::Duplicate { at, len: n } => {
                let at = pos(*at);
                let end = (at + n).min(len);
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
            _ => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// How often each outcome was seen: accepted imports, and each problem kind.
type Seen = RefCell<BTreeMap<String, u64>>;

/// Everything that must hold of the readers on `text`.
fn check(text: &str, seen: &Seen) -> Result<(), TestCaseError> {
    let imported = import(text);
    {
        let mut seen = seen.borrow_mut();
        match &imported {
            Ok(_) => *seen.entry("accepted".to_string()).or_default() += 1,
            Err(problems) => {
                for p in problems {
                    *seen.entry(format!("{:?}", p.kind)).or_default() += 1;
                }
            }
        }
    }
    let restored = restore(text);
    for p in restored
        .problems
        .iter()
        .chain(imported.as_ref().err().into_iter().flatten())
    {
        prop_assert!(!p.message.is_empty());
        prop_assert!(p.message.chars().count() < 600, "{}", p.message);
    }
    match &imported {
        Ok(saved) => {
            prop_assert!(restored.problems.is_empty(), "{:#?}", restored.problems);
            prop_assert_eq!(saved, &restored.saved);
            let reread = import(&encode_set(saved));
            prop_assert_eq!(reread.as_ref(), Ok(saved));
        }
        Err(problems) => prop_assert!(!problems.is_empty()),
    }
    // What restoring keeps is stable: stored again, it restores to itself.
    let again = restore(&encode_set(&restored.saved));
    prop_assert_eq!(&again.saved, &restored.saved);
    Ok(())
}

#[test]
fn mutated_documents_never_panic_and_read_consistently() {
    let seeds = seeds();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        prop::sample::select(seeds),
        prop::collection::vec(mutation(), 1..4),
    );
    let seen = Seen::default();
    let start = std::time::Instant::now();
    runner
        .run(&strategy, |(doc, mutations)| {
            check(&apply(&doc, &mutations), &seen)
        })
        .unwrap();
    let seen = seen.into_inner();
    eprintln!(
        "fuzz_exchange: {} mutated documents in {:?}; outcomes {seen:?}",
        cases(),
        start.elapsed()
    );
    // The mutations must reach past the JSON parser into the checks, and some must survive.
    if cases() >= 1000 {
        for kind in [
            "accepted",
            "NotJson",
            "Truncated",
            "UnknownKey",
            "InvalidValue",
        ] {
            assert!(seen.contains_key(kind), "no {kind} in {seen:?}");
        }
    }
}

#[test]
fn random_text_never_panics() {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let text = prop_oneof![
        any::<String>(),
        "[\\[\\]{}\",:0-9a-z \\\\]{0,200}",
        prop::collection::vec(any::<u8>(), 0..300)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
    ];
    let seen = Seen::default();
    let start = std::time::Instant::now();
    runner.run(&text, |text| check(&text, &seen)).unwrap();
    eprintln!(
        "fuzz_exchange: {} random texts in {:?}; outcomes {:?}",
        cases(),
        start.elapsed(),
        seen.into_inner()
    );
}
