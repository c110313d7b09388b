//! Teaching cases: each validates, and the engine's answer is the case's expected answer,
//! so a rule change that alters a teaching case fails here by the case's name.

use engine::evidence::SourceKey;
use engine::query::parse_query;
use engine::teaching::{case, case_of, to_query, CaseKind, CASES};
use engine::{assess, Assessment, Field, Therapy};

#[test]
fn every_case_gives_its_expected_answer() {
    let mut failures = Vec::new();
    for c in CASES {
        let rec = match assess(&c.raw()) {
            Assessment::Valid(rec) => rec,
            Assessment::Invalid(problems) => {
                failures.push(format!(
                    "{} ({}): does not validate: {:?}",
                    c.id,
                    c.title,
                    problems.iter().map(|p| &p.message).collect::<Vec<_>>()
                ));
                continue;
            }
        };
        for t in Therapy::ALL {
            let got = rec.therapy(t).map(|a| a.status);
            if got != Some(c.expected.status(t)) {
                failures.push(format!(
                    "{} ({}): {} is {got:?}, the case expects {:?}",
                    c.id,
                    c.title,
                    t.name(),
                    c.expected.status(t)
                ));
            }
        }
        if rec.debulking.level != c.expected.prephase {
            failures.push(format!(
                "{} ({}): pre-phase is {:?}, the case expects {:?}",
                c.id, c.title, rec.debulking.level, c.expected.prephase
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn ids_are_unique_and_there_are_enough_cases() {
    assert!(CASES.len() >= 12, "only {} cases", CASES.len());
    for (i, c) in CASES.iter().enumerate() {
        assert!(
            !CASES[..i].iter().any(|o| o.id == c.id),
            "id {} twice",
            c.id
        );
        assert!(
            !c.id.is_empty()
                && c.id
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
            "id {:?} is not a slug",
            c.id
        );
        assert_eq!(case(c.id).map(|f| f.id), Some(c.id));
        assert!(!c.title.is_empty() && !c.narrative.is_empty(), "{}", c.id);
    }
    assert!(case("no-such-case").is_none());
}

#[test]
fn every_case_cites_a_source() {
    for c in CASES {
        assert!(!c.sources.is_empty(), "{} cites nothing", c.id);
        if c.kind == CaseKind::Paper {
            // A paper's patient cites the paper's own words, and says what happened.
            assert!(
                c.sources
                    .iter()
                    .any(|s| s.verbatim && s.source == SourceKey::S3),
                "{} does not quote its paper",
                c.id
            );
            assert!(c.reported.is_some(), "{}: what happened?", c.id);
        }
    }
}

#[test]
fn every_patient_of_the_case_series_is_a_case() {
    // S3 reports nine children one by one (its Tables 1 and 2).
    for n in 1..=9 {
        let id = format!("s3-patient-{n}");
        let c = case(&id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(c.kind, CaseKind::Paper);
        let row = format!("#{n} ");
        assert!(
            c.sources.iter().any(|s| s.quote.starts_with(&row)),
            "{id} does not quote its table rows"
        );
    }
}

#[test]
fn the_archetypes_asked_for_are_there() {
    let archetypes: Vec<_> = CASES
        .iter()
        .filter(|c| c.kind == CaseKind::Archetype)
        .map(|c| c.raw())
        .collect();
    let has = |pred: &dyn Fn(&engine::RawScenario) -> bool| archetypes.iter().any(pred);
    let is = |raw: &engine::RawScenario, f: Field, v: &str| raw.get(f) == v;
    assert!(has(
        &|r| is(r, Field::Ph, "pos") && is(r, Field::T315i, "no")
    ));
    assert!(has(
        &|r| is(r, Field::Ph, "pos") && is(r, Field::T315i, "yes")
    ));
    assert!(has(
        &|r| is(r, Field::Setting, "mrd") && is(r, Field::CrNumber, "1")
    ));
    assert!(has(&|r| is(r, Field::Cns, "active")));
    assert!(has(&|r| is(r, Field::Cd19, "neg")
        && matches!(r.get(Field::PriorBlinatumomab), "resp" | "noresp")));
    assert!(has(&|r| is(r, Field::Transplant, "plan")
        && is(r, Field::Cd19, "pos")
        && is(r, Field::Cd22, "pos")));
    // High burden that needs pre-phase, and a pair differing only in region.
    assert!(CASES.iter().any(|c| c.kind == CaseKind::Archetype
        && c.expected.prephase == engine::debulking::DebulkingLevel::Required));
    let pair = archetypes.iter().any(|a| {
        archetypes.iter().any(|b| {
            is(a, Field::Region, "us") && is(b, Field::Region, "eu") && {
                let mut b = b.clone();
                b.set(Field::Region, "us");
                *a == b
            }
        })
    });
    assert!(pair, "no US/EU pair");
}

#[test]
fn assumed_values_are_inputs_and_the_age_assumed_does_not_decide() {
    for c in CASES {
        for &f in c.assumed {
            assert!(
                c.inputs.iter().any(|&(g, _)| g == f),
                "{}: assumes {f:?} without a value",
                c.id
            );
        }
        assert_eq!(c.assumed.is_empty(), c.assumptions.is_empty(), "{}", c.id);
        // Where the age is assumed, every other age the source allows gives the same answer.
        if c.is_assumed(Field::Age) {
            for age in 1..=17 {
                let mut raw = c.raw();
                raw.set(Field::Age, age.to_string());
                let Assessment::Valid(rec) = assess(&raw) else {
                    panic!("{} at {age} does not validate", c.id);
                };
                for t in Therapy::ALL {
                    assert_eq!(
                        rec.therapy(t).map(|a| a.status),
                        Some(c.expected.status(t)),
                        "{} at age {age}: {}",
                        c.id,
                        t.name()
                    );
                }
                assert_eq!(
                    rec.debulking.level, c.expected.prephase,
                    "{} at {age}",
                    c.id
                );
            }
        }
    }
}

#[test]
fn a_case_opens_by_its_link() {
    for c in CASES {
        let (raw, issues) = parse_query(&to_query(c));
        assert!(issues.is_empty(), "{}: {issues:?}", c.id);
        assert_eq!(raw, c.raw(), "{}", c.id);
        assert_eq!(case_of(&raw).map(|f| f.id), Some(c.id));
    }
    assert!(case_of(&engine::RawScenario::new()).is_none());
}
