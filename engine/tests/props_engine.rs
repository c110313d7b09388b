//! Property tests of the specification's invariants over the whole input space: scenarios
//! are generated as the raw texts a user could enter (valid and invalid), so validation and
//! evaluation are exercised together, as the app runs them.

use engine::debulking::DebulkingLevel;
use engine::fields::{FieldKind, FIELDS};
use engine::rule::Effect;
use engine::therapy::Target;
use engine::{assess, Assessment, Field, RawScenario, Status};
use proptest::prelude::*;

/// A text for `field`: usually a valid value, sometimes empty, and with `garbage` sometimes
/// out of range or not a value at all.
fn field_text(field: Field, garbage: bool) -> BoxedStrategy<Option<String>> {
    let valid: BoxedStrategy<String> = match field.kind() {
        FieldKind::Number { min, max, integer } => {
            if integer {
                (min as i64..=max as i64)
                    .prop_map(|n| n.to_string())
                    .boxed()
            } else {
                prop_oneof![
                    (min..=max).prop_map(|v| format!("{v}")),
                    // Thresholds and their neighbours, where bugs live.
                    prop::sample::select(vec![
                        0.0, 1.0, 4.9, 5.0, 12.5, 12.6, 17.9, 18.0, 19.9, 20.0, 25.9, 26.0, 29.9,
                        30.0, 44.9, 45.0, 49.9, 50.0, 50.1, 14_999.0, 15_000.0, 15_001.0,
                    ])
                    .prop_filter("in range", move |v| *v >= min && *v <= max)
                    .prop_map(|v| format!("{v}")),
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
            "0.1", "0.01", "0.099", "1e-3", "1e-4", "9e-5", "10^-3", "5%", "0",
        ])
        .prop_map(String::from)
        .boxed(),
    };
    if !garbage {
        return prop_oneof![7 => valid.prop_map(Some), 3 => Just(None)].boxed();
    }
    prop_oneof![
        6 => valid.prop_map(Some),
        3 => Just(None),
        1 => any::<String>().prop_map(Some),
        1 => prop::sample::select(vec!["-1", "150", "NaN", "inf", "1e400", "", " ", "abc"])
            .prop_map(|s| Some(s.to_string())),
    ]
    .boxed()
}

/// A raw scenario with every field drawn independently, garbage included: what a user
/// could type. Most are invalid (one bad field of thirty is enough).
fn raw_scenario() -> impl Strategy<Value = RawScenario> {
    scenario_texts(true)
}

/// A raw scenario of valid values and blanks only, so the evaluation invariants are tested
/// on scenarios the engine evaluates (most pass validation; the consistency checks refuse
/// a few).
fn valid_scenario() -> impl Strategy<Value = RawScenario> {
    scenario_texts(false).prop_map(consistent)
}

/// Drops the values that would contradict another one (each contradiction has its own
/// validation test), keeping the scenario's clinical content otherwise.
fn consistent(mut raw: RawScenario) -> RawScenario {
    let given = |raw: &RawScenario, f: Field| !raw.get(f).is_empty();
    if given(&raw, Field::Ldh) {
        raw.set(Field::LdhStatus, "");
        if !given(&raw, Field::LdhUln) {
            raw.set(Field::LdhUln, "250");
        }
    }
    for (choice, pct) in [(Field::Cd19, Field::Cd19Pct), (Field::Cd22, Field::Cd22Pct)] {
        if given(&raw, pct) {
            raw.set(choice, "");
        }
    }
    if raw.get(Field::Ph) != "pos" {
        raw.set(Field::TkiFailure, "");
        raw.set(Field::T315i, "");
    }
    match raw.get(Field::Setting) {
        "mrd" => {
            raw.set(Field::Extramedullary, "");
            raw.set(Field::PeripheralBlasts, "");
            if engine::validate::parse_mrd(raw.get(Field::Mrd)).is_ok_and(|m| m >= 0.05) {
                raw.set(Field::Mrd, "");
            }
            if number(&raw, Field::MarrowBlasts).is_some_and(|b| b >= 5.0) {
                raw.set(Field::MarrowBlasts, "");
            }
        }
        "rhsct" => raw.set(Field::PriorHsct, ""),
        _ => {}
    }
    raw
}

fn scenario_texts(garbage: bool) -> impl Strategy<Value = RawScenario> {
    let strategies: Vec<BoxedStrategy<Option<String>>> =
        FIELDS.iter().map(|&f| field_text(f, garbage)).collect();
    (
        strategies,
        "[1-9][0-9]?",
        prop::sample::select(vec!["ref", "r1e", "r1l", "r2", "rhsct", "mrd"]),
    )
        .prop_map(|(texts, age, setting)| {
            let mut raw = RawScenario::new();
            for (field, text) in FIELDS.iter().zip(texts) {
                if let Some(text) = text {
                    raw.set(*field, text);
                }
            }
            if raw.get(Field::Age).is_empty() {
                raw.set(Field::Age, age);
            }
            if raw.get(Field::Setting).is_empty() {
                raw.set(Field::Setting, setting);
            }
            raw
        })
}

fn number(raw: &RawScenario, field: Field) -> Option<f64> {
    raw.get(field).trim().replace(',', ".").parse().ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// Invariant 1: no CD19-directed therapy when CD19 is negative; no inotuzumab when CD22
    /// is negative.
    #[test]
    fn negative_marker_excludes_its_therapies(raw in valid_scenario()) {
        if let Assessment::Valid(rec) = assess(&raw) {
            let negative = |choice: Field, pct: Field| {
                raw.get(pct).is_empty() && raw.get(choice) == "neg"
                    || number(&raw, pct) == Some(0.0)
            };
            for a in &rec.therapies {
                let neg = match a.therapy.target() {
                    Target::Cd19 => negative(Field::Cd19, Field::Cd19Pct),
                    Target::Cd22 => negative(Field::Cd22, Field::Cd22Pct),
                };
                if neg {
                    prop_assert_eq!(a.status, Status::NotEligible, "{:?}", a.therapy);
                }
            }
        }
    }

    /// Invariant 2: debulking is required exactly when marrow blasts ≥ 50% or peripheral
    /// blasts ≥ 15,000/µL.
    #[test]
    fn debulking_required_exactly_at_the_thresholds(raw in valid_scenario()) {
        if let Assessment::Valid(rec) = assess(&raw) {
            let bm = number(&raw, Field::MarrowBlasts).is_some_and(|b| b >= 50.0);
            let per_ul = if raw.get(Field::PeripheralBlastsUnit) == "g" { 1000.0 } else { 1.0 };
            let pb = number(&raw, Field::PeripheralBlasts).is_some_and(|p| p * per_ul >= 15_000.0);
            prop_assert_eq!(rec.debulking.level == DebulkingLevel::Required, bm || pb);
        }
    }

    /// Invariant 3: every reason, note, dose, schedule line and trial number carries a source.
    #[test]
    fn everything_shown_has_a_source(raw in valid_scenario()) {
        if let Assessment::Valid(rec) = assess(&raw) {
            for a in &rec.therapies {
                prop_assert!(a.status == Status::Option || !a.reasons.is_empty(),
                    "{:?} is {:?} without a reason", a.therapy, a.status);
                // An option no rule bears on rests on the therapy's approved use.
                prop_assert!(!a.indication.sources.is_empty());
                for r in a.reasons.iter().chain(&a.tests_needed) {
                    prop_assert!(!r.sources.is_empty());
                }
            }
            for r in rec.notes.iter().chain(&rec.debulking.reasons) {
                prop_assert!(!r.sources.is_empty());
            }
            for c in &rec.conflicts {
                prop_assert!(c.sides.len() >= 2);
                for side in &c.sides {
                    prop_assert!(side.reasons.iter().all(|r| !r.sources.is_empty()));
                }
            }
            for d in &rec.debulking.regimen {
                prop_assert!(!d.sources.is_empty());
            }
            for s in rec.debulking.regimen_notes.iter().chain(&rec.debulking.real_world)
                .chain(&rec.debulking.targets).chain(&rec.schedule.notes) {
                prop_assert!(!s.sources.is_empty());
            }
            for row in &rec.schedule.rows {
                prop_assert!(!row.sources.is_empty());
            }
        }
    }

    /// Invariant 4: the same scenario always gives the same result (and no input panics:
    /// proptest fails the case on a panic).
    #[test]
    fn deterministic(raw in raw_scenario()) {
        prop_assert_eq!(assess(&raw), assess(&raw));
    }

    /// Invariant 5: an unknown or missing value never counts as a favourable one: replacing
    /// a known marker with "unknown" never improves a therapy's status.
    #[test]
    fn unknown_never_improves_a_status(raw in valid_scenario(), field in prop::sample::select(vec![
        Field::Cd19, Field::Cd22, Field::Mrd, Field::MarrowBlasts, Field::Transplant, Field::Cns,
        Field::Extramedullary,
    ])) {
        let mut unknown = raw.clone();
        unknown.set(field, "");
        if field == Field::Cd19 { unknown.set(Field::Cd19Pct, ""); }
        if field == Field::Cd22 { unknown.set(Field::Cd22Pct, ""); }
        if let (Assessment::Valid(known), Assessment::Valid(unk)) = (assess(&raw), assess(&unknown)) {
            for (k, u) in known.therapies.iter().zip(&unk.therapies) {
                // Forgetting a value may lift an exclusion to "option" (the test is then
                // named), but never makes a therapy preferred unless the known value was what
                // held it back (a caution or a conflict it created).
                if k.status != Status::Preferred && u.status == Status::Preferred {
                    // Only possible if the known value created a conflict or a caution.
                    prop_assert!(!known.conflicts.is_empty() || k.status == Status::Caution,
                        "{:?} became preferred when {:?} was removed", u.therapy, field);
                }
            }
        }
    }

    /// An unknown marker never leaves its therapies preferred: the test is named instead.
    #[test]
    fn unknown_marker_is_at_best_an_option(raw in valid_scenario()) {
        let mut raw = raw;
        raw.set(Field::Cd19, "unk");
        raw.set(Field::Cd19Pct, "");
        if let Assessment::Valid(rec) = assess(&raw) {
            for a in rec.therapies.iter().filter(|a| a.therapy.target() == Target::Cd19) {
                prop_assert_ne!(a.status, Status::Preferred);
                // Named as still needed, unless another rule already excludes the therapy.
                let asked = if a.status == Status::NotEligible { &a.set_aside } else { &a.tests_needed };
                prop_assert!(asked.iter().any(|r| r.text.contains("CD19")));
            }
        }
    }

    /// Invariant 6: impossible input gives a problem naming the field and no recommendation.
    #[test]
    fn impossible_input_is_refused_naming_the_field(raw in raw_scenario(), case in 0..3usize) {
        let mut raw = raw;
        let field = match case {
            0 => { raw.set(Field::MarrowBlasts, "150"); Field::MarrowBlasts }
            1 => { raw.set(Field::Age, "-1"); Field::Age }
            _ => {
                raw.set(Field::Setting, "mrd");
                raw.set(Field::MarrowBlasts, "5");
                Field::MarrowBlasts
            }
        };
        match assess(&raw) {
            Assessment::Invalid(problems) => {
                prop_assert!(problems.iter().any(|p| p.field == field && p.message.starts_with(field.label())));
            }
            Assessment::Valid(_) => prop_assert!(false, "accepted impossible {:?}", field),
        }
    }

    /// Conflicts never leave a side preferred, and preferred therapies are favoured.
    #[test]
    fn conflicts_mark_no_side_preferred(raw in valid_scenario()) {
        if let Assessment::Valid(rec) = assess(&raw) {
            for c in &rec.conflicts {
                for side in &c.sides {
                    let status = rec.therapy(side.therapy).map(|a| a.status);
                    prop_assert_ne!(status, Some(Status::Preferred));
                    prop_assert_ne!(status, Some(Status::NotEligible));
                }
            }
            // A not-eligible card asks for nothing: no test could change it.
            for a in rec.therapies.iter().filter(|a| a.status == Status::NotEligible) {
                prop_assert!(a.tests_needed.is_empty());
            }
            for a in rec.therapies.iter().filter(|a| a.status != Status::NotEligible) {
                prop_assert!(a.set_aside.is_empty());
            }
            for a in rec.therapies.iter().filter(|a| a.status == Status::Preferred) {
                prop_assert!(a.reasons.iter().any(|r| r.effect == Effect::Favours));
                prop_assert!(a.tests_needed.is_empty());
            }
        }
    }

    /// The trace lists every rule once, in order, and its findings are exactly the reasons
    /// shown: nothing shown is missing from the path, and the path shows nothing unseen.
    #[test]
    fn trace_matches_what_is_shown(raw in valid_scenario()) {
        if let Assessment::Valid(rec) = assess(&raw) {
            let order: Vec<_> = rec.trace.iter().map(|s| s.rule).collect();
            let rules: Vec<_> = engine::rules::RULES.iter().map(|r| r.id).collect();
            prop_assert_eq!(order, rules);
            let mut shown = 0;
            for step in &rec.trace {
                let mut traced: Vec<_> = step.outcome.iter().map(|o| (o.therapy, o.effect)).collect();
                let mut given: Vec<_> = rec.reasons_of(step.rule).into_iter()
                    .map(|(t, r)| (t, r.effect)).collect();
                traced.sort();
                given.sort();
                prop_assert_eq!(traced, given);
                shown += step.outcome.len();
            }
            let total = rec.notes.len() + rec.therapies.iter()
                .map(|a| a.reasons.len() + a.tests_needed.len() + a.set_aside.len()).sum::<usize>();
            prop_assert_eq!(shown, total);
        }
    }

    /// Invariant 5, the other way round: a therapy preferred while a value is unknown stays
    /// free of exclusions and cautions whatever that value turns out to be, so "preferred"
    /// never rests on an unknown being the favourable answer.
    #[test]
    fn preferred_never_rests_on_an_unknown(raw in valid_scenario(), field in prop::sample::select(vec![
        Field::Cd19, Field::Cd22, Field::Cns, Field::Liver, Field::Transplant, Field::PriorHsct,
        Field::Crcl, Field::Dialysis, Field::Extramedullary, Field::MarrowBlasts,
    ])) {
        let mut unknown = raw.clone();
        unknown.set(field, "");
        if field == Field::Cd19 { unknown.set(Field::Cd19Pct, ""); }
        if field == Field::Cd22 { unknown.set(Field::Cd22Pct, ""); }
        let Assessment::Valid(unk) = assess(&unknown) else { return Ok(()); };
        // A measured CrCl of 30 or more settles renal function for blinatumomab; dialysis
        // is asked about only without one.
        if field == Field::Dialysis && number(&raw, Field::Crcl).is_some_and(|c| c >= 30.0) {
            return Ok(());
        }
        let values: Vec<&str> = match field.kind() {
            FieldKind::Choice(choices) => choices.iter().map(|c| c.0).collect(),
            _ => vec!["0", "10", "29", "49.9", "50", "95"],
        };
        for value in values {
            let mut known = unknown.clone();
            known.set(field, value);
            let Assessment::Valid(rec) = assess(&known) else { continue };
            for (u, k) in unk.therapies.iter().zip(&rec.therapies) {
                if u.status == Status::Preferred {
                    prop_assert!(
                        matches!(k.status, Status::Preferred | Status::Option),
                        "{:?} preferred with {:?} unknown, but {:?} with {:?}={}",
                        u.therapy, field, k.status, field, value
                    );
                }
            }
        }
    }
}

/// The valid-scenario generator must mostly give scenarios the engine evaluates, or the
/// properties above would hold only vacuously.
#[test]
fn valid_scenarios_mostly_pass_validation() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = valid_scenario();
    let valid = (0..400)
        .filter(|_| {
            let raw = strategy.new_tree(&mut runner).map(|t| t.current());
            raw.is_ok_and(|raw| matches!(assess(&raw), Assessment::Valid(_)))
        })
        .count();
    assert!(
        valid > 200,
        "only {valid} of 400 generated scenarios were valid"
    );
}
