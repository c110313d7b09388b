//! Property tests of the specification's invariants over the whole input space: scenarios
//! are generated as the raw texts a user could enter (valid and invalid), so validation and
//! evaluation are exercised together, as the app runs them.

use engine::debulking::DebulkingLevel;
use engine::evidence::Citation;
use engine::fields::{FieldKind, FIELDS};
use engine::labels::LabelStatus;
use engine::recommendation::{Reason, TherapyAssessment};
use engine::rule::{Effect, Family, RuleId};
use engine::rules::RULES;
use engine::therapy::Target;
use engine::{assess, Assessment, Field, RawScenario, Recommendation, Region, Status, Therapy};
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
                        0.0, 0.08, 0.09, 0.99, 1.0, 2.9, 3.0, 4.9, 5.0, 12.5, 12.6, 17.9, 18.0,
                        19.9, 20.0, 21.9, 22.0, 25.9, 26.0, 29.9, 30.0, 44.9, 45.0, 49.9, 50.0,
                        50.1, 89.9, 90.0, 10_000.0, 10_001.0, 14_999.0, 15_000.0, 15_001.0,
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
            "0.1", "0.01", "0.099", "0.0999", "1e-3", "1e-4", "9e-5", "10^-3", "5%", "0",
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
///
/// A third are drawn field by field; a third are then completed (most blank or unknown
/// values given a known one, as in a work-up that is done); a third start from a patient
/// with everything known ([`WORKED_UP`]) and redraw some fields. Without the last two, an
/// unknown somewhere would hold "preferred" back in nearly every scenario, and the
/// properties about preferred therapies would be tested on almost none.
fn valid_scenario() -> impl Strategy<Value = RawScenario> {
    let drawn = scenario_texts(false);
    let completed = (scenario_texts(false), known_texts()).prop_map(|(mut raw, known)| {
        for (field, text) in FIELDS.iter().zip(known) {
            let value = raw.get(*field);
            if let Some(text) = text.filter(|_| value.is_empty() || value == "unk") {
                raw.set(*field, text);
            }
        }
        raw
    });
    let worked_up = (
        scenario_texts(false),
        prop::collection::vec(prop::bool::weighted(0.2), FIELDS.len()),
        any::<bool>(),
    )
        .prop_map(|(drawn, redraw, high_burden)| {
            let mut raw = RawScenario::new();
            let burden: &[(&str, &str)] = if high_burden { HIGH_BURDEN } else { &[] };
            for (key, value) in WORKED_UP.iter().chain(burden) {
                if let Some(field) = Field::from_key(key) {
                    raw.set(field, *value);
                }
            }
            for (field, redraw) in FIELDS.iter().zip(redraw) {
                if redraw {
                    raw.set(*field, drawn.get(*field));
                }
            }
            if raw.get(Field::Age).is_empty() {
                raw.set(Field::Age, "40");
            }
            if raw.get(Field::Setting).is_empty() {
                raw.set(Field::Setting, "r2");
            }
            raw
        });
    prop_oneof![drawn, completed, worked_up].prop_map(consistent)
}

/// [`WORKED_UP`] changed so that inotuzumab is preferred instead: high burden, no transplant.
const HIGH_BURDEN: &[(&str, &str)] = &[("bm", "80"), ("hsct", "no")];

/// A patient with every value known, for whom blinatumomab is preferred (a transplant is
/// planned): the start of the worked-up scenarios.
const WORKED_UP: &[(&str, &str)] = &[
    ("reg", "us"),
    ("age", "40"),
    ("wt", "70"),
    ("ht", "170"),
    ("set", "r2"),
    ("crn", "1"),
    ("reind", "ref"),
    ("mrd", "0.5"),
    ("bm", "10"),
    ("pb", "0"),
    ("ldhs", "norm"),
    ("emd", "no"),
    ("cns", "no"),
    ("cd19", "pos"),
    ("cd22", "pos"),
    ("ph", "neg"),
    ("hsct", "plan"),
    ("phsct", "no"),
    ("lines", "2"),
    ("pblin", "no"),
    ("pino", "no"),
    ("pcart", "no"),
    ("kmt2a", "no"),
    ("treg", "5"),
    ("crcl", "100"),
    ("dial", "no"),
    ("liver", "no"),
];

/// For each field, usually a valid value that is not "unknown" (sometimes none, so a
/// completed scenario still leaves a value open now and then).
fn known_texts() -> impl Strategy<Value = Vec<Option<String>>> {
    FIELDS
        .iter()
        .map(|&field| {
            let known = match field.kind() {
                FieldKind::Choice(choices) => prop::sample::select(
                    choices
                        .iter()
                        .map(|(v, _)| v.to_string())
                        .filter(|v| !v.is_empty() && v != "unk")
                        .collect::<Vec<_>>(),
                )
                .boxed(),
                _ => field_text(field, false)
                    .prop_filter_map("a value", |t| t)
                    .boxed(),
            };
            prop_oneof![9 => known.prop_map(Some), 1 => Just(None)].boxed()
        })
        .collect::<Vec<_>>()
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
        raw.set(Field::TkisFailed, "");
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

/// Cases per property: 600, or `PROPTEST_CASES` for a deeper run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(600)
}

fn number(raw: &RawScenario, field: Field) -> Option<f64> {
    raw.get(field).trim().replace(',', ".").parse().ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

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
                prop_assert!(!a.label.indication.sources.is_empty());
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

    /// A reason cites only what its rule declares, so the rule's entry on the "how this
    /// works" page and the evidence rows that list the rule cover every citation a reason
    /// shows (a reason's "trial data" link lands on a row that names its rule).
    #[test]
    fn reasons_cite_only_their_rules_sources(raw in valid_scenario()) {
        if let Assessment::Valid(rec) = assess(&raw) {
            let mut reasons: Vec<&Reason> = rec.therapies.iter().flat_map(all_reasons).collect();
            reasons.extend(rec.notes.iter().chain(&rec.debulking.reasons));
            for r in reasons {
                let rule = engine::rules::rule(r.rule).expect("every reason names a rule");
                for c in r.sources {
                    prop_assert!(rule.sources.contains(c),
                        "{} cites {:?} {:?}, which the rule does not declare",
                        r.rule.as_str(), c.source.as_str(), c.quote);
                }
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
                let mut traced: Vec<_> = rec.outcome(step).iter().map(|o| (o.therapy, o.effect)).collect();
                let mut given: Vec<_> = rec.reasons_of(step.rule).into_iter()
                    .map(|(t, r)| (t, r.effect)).collect();
                traced.sort();
                given.sort();
                prop_assert_eq!(traced, given);
                shown += rec.outcome(step).len();
            }
            let total = rec.notes.len() + rec.therapies.iter()
                .map(|a| a.reasons.len() + a.tests_needed.len() + a.set_aside.len()).sum::<usize>();
            prop_assert_eq!(shown, total);
        }
    }

    /// The decision-path diagram draws the trace: its rule nodes are the trace's rules with
    /// the same fired flags; every edge starts at a fired rule; an edge to a therapy carries
    /// an effect that rule really found for it and that decided its status; an edge from an
    /// input reads a field that rule declares; every therapy whose status rests on a rule
    /// (anything but a plain option) has at least one edge into it.
    #[test]
    fn diagram_draws_the_trace(raw in valid_scenario()) {
        use engine::diagram::{decides, diagram, EdgeKind, Outcome};
        if let Assessment::Valid(rec) = assess(&raw) {
            let d = diagram(&rec);
            let nodes: Vec<_> = d.rules.iter().map(|n| (n.rule, n.fired)).collect();
            let trace: Vec<_> = rec.trace.iter().map(|s| (s.rule, s.fired)).collect();
            prop_assert_eq!(nodes, trace);
            for e in &d.edges {
                let step = rec.trace.iter().find(|s| s.rule == e.rule).unwrap();
                prop_assert!(step.fired, "edge from {:?}, which did not fire", e.rule);
                match (e.kind, e.outcome, e.input) {
                    (EdgeKind::Read, None, Some(f)) => prop_assert!(step.inputs.contains(&f)),
                    (EdgeKind::Decided(effect), Some(Outcome::Therapy(t)), None) => {
                        prop_assert!(rec.outcome(step).iter().any(|o| o.therapy == Some(t) && o.effect == effect));
                        prop_assert!(decides(effect, rec.therapy(t).unwrap().status));
                    }
                    (EdgeKind::Decided(_), Some(Outcome::PrePhase), None) => {
                        prop_assert_eq!(e.rule.family(), Family::PrePhase);
                        prop_assert!(rec.debulking.reasons.iter().any(|r| r.rule == e.rule),
                            "{:?} points at the pre-phase level it did not decide", e.rule);
                    }
                    other => prop_assert!(false, "malformed edge {:?}", other),
                }
            }
            for a in &rec.therapies {
                if a.status != Status::Option {
                    prop_assert!(
                        d.edges.iter().any(|e| e.outcome == Some(Outcome::Therapy(a.therapy))),
                        "{:?} is {:?} with no rule drawn into it", a.therapy, a.status
                    );
                }
            }
        }
    }

    /// Invariant 5, the other way round: a therapy preferred while a value is unknown stays
    /// free of exclusions and cautions whatever that value turns out to be, so "preferred"
    /// never rests on an unknown being the favourable answer.
    #[test]
    fn preferred_never_rests_on_an_unknown(raw in valid_scenario(), field in prop::sample::select(vec![
        Field::Cd19, Field::Cd22, Field::Cns, Field::Liver, Field::Transplant, Field::PriorHsct,
        Field::Crcl, Field::Dialysis, Field::Extramedullary, Field::MarrowBlasts,
        Field::PriorBlinatumomab, Field::PriorInotuzumab, Field::PriorCart, Field::Ph,
        Field::CrNumber,
    ])) {
        let mut unknown = raw.clone();
        unknown.set(field, "");
        if field == Field::Cd19 { unknown.set(Field::Cd19Pct, ""); }
        if field == Field::Cd22 { unknown.set(Field::Cd22Pct, ""); }
        let Assessment::Valid(unk) = assess(&unknown) else { return Ok(()); };
        // A measured CrCl of 30 or more settles renal function for blinatumomab; dialysis
        // is asked about only without one.
        // (A child's clearance is compared per 1.73 m², so the raw number alone does not
        // say which side of 30 it is on; any measured value settles the question.)
        if field == Field::Dialysis && !raw.get(Field::Crcl).is_empty() {
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

/// Nor may the properties about preferred, refractory, region-dependent or child doses
/// hold vacuously: each situation they speak of must come up.
#[test]
fn valid_scenarios_reach_what_the_properties_speak_of() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = valid_scenario();
    let mut counts = std::collections::BTreeMap::new();
    for _ in 0..1000 {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let Assessment::Valid(rec) = assess(&tree.current()) else {
            continue;
        };
        let mut seen = |what: &'static str, yes: bool| {
            *counts.entry(what).or_insert(0) += usize::from(yes);
        };
        let s = &rec.scenario;
        let status = |t: Therapy| rec.therapy(t).map(|a| a.status);
        seen(
            "blinatumomab preferred",
            status(Therapy::Blinatumomab) == Some(Status::Preferred),
        );
        seen(
            "inotuzumab preferred",
            status(Therapy::Inotuzumab) == Some(Status::Preferred),
        );
        seen("a conflict", !rec.conflicts.is_empty());
        seen("EU", s.region == Region::Eu);
        seen("child", s.age_years < 18.0);
        seen("under 45 kg", s.weight_kg.is_some_and(|w| w < 45.0));
        seen(
            "refractory to a prior therapy",
            rec.trace
                .iter()
                .any(|t| t.rule == RuleId::PPriorResp && t.fired),
        );
        seen(
            "excluded by a label",
            rec.therapies.iter().any(|a| {
                a.reasons
                    .iter()
                    .any(|r| LABEL_RULES.contains(&r.rule) && r.effect == Effect::Excludes)
            }),
        );
        seen(
            "label unknown",
            rec.therapies
                .iter()
                .any(|a| a.label.status == LabelStatus::Unknown),
        );
        seen(
            "label on",
            rec.therapies
                .iter()
                .any(|a| a.label.status == LabelStatus::On),
        );
        seen("every therapy excluded", rec.all_excluded.is_some());
    }
    for (what, n) in &counts {
        assert!(*n >= 10, "only {n} of 1000 scenarios: {what}");
    }
}

// ---- Version 2 ----

/// The rules that apply a label: a reason of theirs is a label decision, which the card's
/// label badge must agree with.
const LABEL_RULES: [RuleId; 6] = [
    RuleId::EBlinLabel,
    RuleId::ECart,
    RuleId::EInoAge,
    RuleId::EInoMrd,
    RuleId::EInoLiver,
    RuleId::EInoLabel,
];

/// The findings of `rule` in `rec`, in a stable order, without the region tag (which names
/// the label applied, not what was found): therapy, effect, text and sources.
fn findings_of(
    rec: &Recommendation,
    rule: RuleId,
) -> Vec<(Option<Therapy>, Effect, String, &'static [Citation])> {
    let mut out: Vec<_> = rec
        .reasons_of(rule)
        .into_iter()
        .map(|(t, r)| (t, r.effect, r.text.to_string(), r.sources))
        .collect();
    out.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    out
}

/// Every reason of a therapy's card, wherever it is shown.
fn all_reasons(a: &TherapyAssessment) -> impl Iterator<Item = &Reason> {
    a.reasons.iter().chain(&a.tests_needed).chain(&a.set_aside)
}

/// The fields that say the same thing and are read together: a rule reading one of them
/// reads the value they make up.
fn same_value(field: Field) -> &'static [Field] {
    match field {
        Field::Cd19 | Field::Cd19Pct => &[Field::Cd19, Field::Cd19Pct],
        Field::Cd22 | Field::Cd22Pct => &[Field::Cd22, Field::Cd22Pct],
        Field::LdhStatus | Field::Ldh | Field::LdhUln => {
            &[Field::LdhStatus, Field::Ldh, Field::LdhUln]
        }
        Field::PeripheralBlasts | Field::PeripheralBlastsUnit => {
            &[Field::PeripheralBlasts, Field::PeripheralBlastsUnit]
        }
        _ => &[],
    }
}

/// Whether `rule` reads `field` (or a field giving the same value).
fn reads(rule: &engine::rule::Rule, field: Field) -> bool {
    rule.reads
        .iter()
        .any(|&r| r == field || same_value(r).contains(&field))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Invariant 7: a therapy the disease was refractory to is never preferred; it is in
    /// caution (or not eligible for another reason), with the refractoriness given.
    #[test]
    fn refractory_therapy_is_never_preferred(raw in valid_scenario()) {
        if let Assessment::Valid(rec) = assess(&raw) {
            for a in &rec.therapies {
                let field = match a.therapy {
                    Therapy::Blinatumomab => Field::PriorBlinatumomab,
                    Therapy::Inotuzumab => Field::PriorInotuzumab,
                    _ => Field::PriorCart,
                };
                if raw.get(field) == "noresp" {
                    prop_assert!(matches!(a.status, Status::Caution | Status::NotEligible),
                        "{:?} is {:?} after no response", a.therapy, a.status);
                    prop_assert!(a.reasons.iter().any(|r| r.rule == RuleId::PPriorResp
                        && r.effect == Effect::Caution));
                }
            }
        }
    }

    /// Invariant 8: every eligibility decision names the region whose label it applied; a
    /// rule that does not read the region finds the same in either region.
    #[test]
    fn eligibility_names_its_region_and_other_rules_ignore_it(raw in valid_scenario()) {
        let in_region = |code: &str| {
            let mut raw = raw.clone();
            raw.set(Field::Region, code);
            assess(&raw)
        };
        let (Assessment::Valid(us), Assessment::Valid(eu)) = (in_region("us"), in_region("eu"))
        else { return Ok(()); };
        for rec in [&us, &eu] {
            let region = rec.scenario.region;
            let eligibility = rec.therapies.iter().flat_map(all_reasons).chain(&rec.notes)
                .filter(|r| r.rule.family() == Family::Eligibility);
            for r in eligibility {
                prop_assert_eq!(r.region, Some(region), "{}: {}", r.rule.as_str(), &r.text);
            }
        }
        prop_assert_eq!(us.scenario.region, Region::Us);
        prop_assert_eq!(eu.scenario.region, Region::Eu);
        for rule in RULES.iter().filter(|r| !r.reads.contains(&Field::Region)) {
            prop_assert_eq!(findings_of(&us, rule.id), findings_of(&eu, rule.id),
                "{} differs between regions", rule.id.as_str());
        }
    }

    /// Each rule's findings depend only on the fields it says it reads (the decision path
    /// lists them beside it): changing any other field changes nothing it finds.
    #[test]
    fn rules_depend_only_on_the_fields_they_read(
        raw in valid_scenario(),
        (field, text) in prop::sample::select(FIELDS.to_vec())
            .prop_flat_map(|f| (Just(f), field_text(f, false))),
    ) {
        let mut changed = raw.clone();
        changed.set(field, text.unwrap_or_default());
        let (Assessment::Valid(before), Assessment::Valid(after)) = (assess(&raw), assess(&changed))
        else { return Ok(()); };
        for rule in RULES.iter().filter(|r| !reads(r, field)) {
            prop_assert_eq!(findings_of(&before, rule.id), findings_of(&after, rule.id),
                "{} changed with {:?}: {:?} → {:?}", rule.id.as_str(), field,
                raw.get(field), changed.get(field));
        }
    }

    /// Invariant 9: no dose for a child uses an adult fixed dose where the label doses per
    /// m²: premedication is 5 mg/m² (never the adult 20 mg) and, under 45 kg, every
    /// schedule line and the grade 3 CRS dexamethasone are per m².
    #[test]
    fn child_doses_are_per_m2(raw in valid_scenario()) {
        if let Assessment::Valid(rec) = assess(&raw) {
            let s = &rec.scenario;
            if s.age_years < 18.0 {
                prop_assert!(!rec.schedule.premedication.is_empty());
                for d in &rec.schedule.premedication {
                    prop_assert!(d.as_written.contains("/m²"), "{}", d.as_written);
                    prop_assert_ne!(d.as_written.as_str(), "20 mg");
                    // 20 mg only as the cap of a computed dose above it.
                    if d.per_day == Some(20.0) {
                        prop_assert!(d.capped && d.computed.is_some_and(|c| c > 20.0));
                    }
                }
            }
            if s.weight_kg.is_some_and(|w| w < 45.0) {
                for row in &rec.schedule.rows {
                    prop_assert!(row.as_written.contains("/m²"), "{}", row.as_written);
                }
                let crs = rec.schedule.notes.iter().find(|n| n.label == "Cytokine release syndrome");
                prop_assert!(crs.is_some_and(|n| n.text.contains("5 mg/m²")), "{:?}", crs);
                if rec.bsa.is_some() {
                    prop_assert!(crs.is_some_and(|n| !n.text.contains("dexamethasone 8 mg every")));
                }
            }
        }
    }

    /// The label badge agrees with the card: a label rule that excludes a therapy makes its
    /// badge "outside the label"; "within the label" never stands beside a label rule that
    /// excludes it or still needs a value.
    #[test]
    fn label_badge_agrees_with_the_label_rules(raw in valid_scenario()) {
        if let Assessment::Valid(rec) = assess(&raw) {
            for a in &rec.therapies {
                let label_reasons: Vec<&Reason> = all_reasons(a)
                    .filter(|r| LABEL_RULES.contains(&r.rule))
                    .collect();
                if label_reasons.iter().any(|r| r.effect == Effect::Excludes) {
                    prop_assert_eq!(a.status, Status::NotEligible);
                    prop_assert_eq!(a.label.status, LabelStatus::Off, "{:?}", a.therapy);
                }
                if a.label.status == LabelStatus::On {
                    prop_assert!(a.label.why.is_empty());
                    prop_assert!(!label_reasons.iter().any(|r|
                        matches!(r.effect, Effect::Excludes | Effect::NeedsTest)),
                        "{:?} on-label beside {:?}", a.therapy, label_reasons);
                }
                if label_reasons.iter().any(|r| r.effect == Effect::NeedsTest) {
                    prop_assert_ne!(a.label.status, LabelStatus::On);
                }
                // Blinatumomab and inotuzumab name their marker in the label: negative is
                // off-label as well as not eligible.
                let marker = match a.therapy {
                    Therapy::Blinatumomab => Some(RuleId::ECd19),
                    Therapy::Inotuzumab => Some(RuleId::ECd22),
                    _ => None,
                };
                if marker.is_some_and(|m| a.reasons.iter().any(|r| r.rule == m && r.effect == Effect::Excludes)) {
                    prop_assert_eq!(a.label.status, LabelStatus::Off);
                }
                prop_assert_eq!(a.label.region, rec.scenario.region);
            }
        }
    }
}

// ---- A number shown never contradicts the decision made on it ----

/// How the numbers of a text are read for one value.
#[derive(Clone, Copy, PartialEq)]
enum Scale {
    /// As written.
    Plain,
    /// An MRD fraction: "0.1%" is 10⁻³, "5 × 10⁻⁴" and "10⁻³" as written.
    Mrd,
    /// An age in years: "6 months" is 0.5.
    Age,
}

/// Every number in `text`, read on `scale`: digits with thousands commas and a decimal
/// point, "× 10ⁿ" and "10ⁿ" powers, "%" and "month(s)". Digits inside a word (CD19, T315I,
/// S2) are not numbers.
fn numbers(text: &str, scale: Scale) -> Vec<f64> {
    let c: Vec<char> = text.chars().collect();
    let digit = |i: usize| c.get(i).is_some_and(|ch| ch.is_ascii_digit());
    let superscript = |ch: char| "⁻⁰¹²³⁴⁵⁶⁷⁸⁹".contains(ch);
    let exponent = |i: &mut usize| -> Option<i32> {
        let start = *i;
        let mut s = String::new();
        while let Some(&ch) = c.get(*i).filter(|ch| superscript(**ch)) {
            s.push(match ch {
                '⁻' => '-',
                other => {
                    char::from_digit("⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|d| d == other)? as u32, 10)?
                }
            });
            *i += 1;
        }
        if *i == start {
            None
        } else {
            s.parse().ok()
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let in_word = i > 0 && c[i - 1].is_alphanumeric();
        if !digit(i) || in_word {
            i += 1;
            continue;
        }
        let mut s = String::new();
        while digit(i) {
            s.push(c[i]);
            i += 1;
            // A thousands comma: exactly three digits follow.
            if c.get(i) == Some(&',') && (1..=3).all(|k| digit(i + k)) && !digit(i + 4) {
                i += 1;
            }
        }
        if c.get(i) == Some(&'.') && digit(i + 1) {
            s.push('.');
            i += 1;
            while digit(i) {
                s.push(c[i]);
                i += 1;
            }
        }
        let Ok(mut value) = s.parse::<f64>() else {
            continue;
        };
        let mut power = false;
        if s == "10" {
            if let Some(e) = exponent(&mut i) {
                value = 10f64.powi(e);
                power = true;
            }
        }
        // " × 10ⁿ"
        let rest: String = c[i..].iter().take(6).collect();
        if !power && rest.starts_with(" × 10") {
            let mut j = i + 5;
            if let Some(e) = exponent(&mut j) {
                value *= 10f64.powi(e);
                i = j;
                power = true;
            }
        }
        let rest: String = c[i..].iter().take(7).collect();
        match scale {
            Scale::Mrd if !power && rest.starts_with('%') => value /= 100.0,
            Scale::Age if rest.starts_with(" month") => value /= 12.0,
            _ => {}
        }
        out.push(value);
    }
    out
}

/// One threshold and the values compared with it: the field that carries the value, the
/// rules that compare it, and a patient for each value.
struct Threshold {
    name: &'static str,
    value: f64,
    field: Field,
    rules: &'static [RuleId],
    scale: Scale,
    /// Offsets are relative to the threshold (for small thresholds) rather than absolute.
    relative: bool,
    /// Only values above the threshold can be entered (a ratio above the ULN).
    above_only: bool,
    patient: fn(f64, Region) -> engine::Scenario,
}

/// Known, unremarkable, both markers positive, Ph-positive after 2 TKIs without T315I (so
/// the Ph rules that read the age fire), second relapse.
fn patient(age: f64, region: Region) -> engine::Scenario {
    use engine::scenario::*;
    Scenario {
        region,
        cd19: Marker::Positive { pct: None },
        cd22: Marker::Positive { pct: None },
        ph: Ph::Positive,
        tkis_failed: TkisFailed::TwoOrMore,
        t315i: YesNo::No,
        cr_number: CrNumber::First,
        reinduction: Reinduction::Refractory,
        marrow_blasts_pct: Some(10.0),
        peripheral_blasts_per_ul: Some(0.0),
        extramedullary: Extramedullary::None,
        ldh: Ldh::Normal,
        cns: Cns::None,
        liver: Liver::None,
        transplant: TransplantPlan::NotCandidate,
        prior_hsct: YesNo::No,
        prior_lines: Some(2),
        crcl_ml_min: Some(100.0),
        dialysis: YesNo::No,
        treg_pct: Some(5.0),
        ..Scenario::unknown(age, Setting::SecondOrLaterRelapse)
    }
}

fn mrd_patient(age: f64, region: Region) -> engine::Scenario {
    engine::Scenario {
        setting: engine::scenario::Setting::MrdPositiveCr,
        mrd_fraction: Some(5e-3),
        marrow_blasts_pct: Some(1.0),
        ph: engine::scenario::Ph::Negative,
        tkis_failed: engine::scenario::TkisFailed::Unknown,
        t315i: engine::scenario::YesNo::Unknown,
        ..patient(age, region)
    }
}

fn thresholds() -> Vec<Threshold> {
    use engine::scenario::Ldh;
    use engine::thresholds::*;
    let age_rules: &'static [RuleId] = &[
        RuleId::EInoAge,
        RuleId::ECart,
        RuleId::EBlinLabel,
        RuleId::EInoLabel,
        RuleId::PCartAge,
        RuleId::PAge,
        RuleId::PPhElderly,
    ];
    let mut out = vec![
        Threshold {
            name: "marrow blasts 50%",
            value: HIGH_MARROW_BLASTS_PCT,
            field: Field::MarrowBlasts,
            rules: &[RuleId::PBurden, RuleId::D1, RuleId::DPh],
            scale: Scale::Plain,
            relative: false,
            above_only: false,
            patient: |v, r| engine::Scenario {
                marrow_blasts_pct: Some(v),
                ..patient(40.0, r)
            },
        },
        Threshold {
            name: "peripheral blasts 15,000/µL",
            value: HIGH_PERIPHERAL_BLASTS_PER_UL,
            field: Field::PeripheralBlasts,
            rules: &[RuleId::D1, RuleId::D3],
            scale: Scale::Plain,
            relative: false,
            above_only: false,
            patient: |v, r| engine::Scenario {
                peripheral_blasts_per_ul: Some(v),
                ..patient(40.0, r)
            },
        },
        Threshold {
            name: "peripheral blasts 10,000/µL",
            value: INO_CYTOREDUCTION_ABOVE_PER_UL,
            field: Field::PeripheralBlasts,
            rules: &[RuleId::D1, RuleId::D3],
            scale: Scale::Plain,
            relative: false,
            above_only: false,
            patient: |v, r| engine::Scenario {
                peripheral_blasts_per_ul: Some(v),
                ..patient(40.0, r)
            },
        },
        Threshold {
            name: "Treg 12.5%",
            value: TREG_NONRESPONSE_PCT,
            field: Field::Treg,
            rules: &[RuleId::PTregLdh],
            scale: Scale::Plain,
            relative: false,
            above_only: false,
            patient: |v, r| engine::Scenario {
                treg_pct: Some(v),
                ..patient(40.0, r)
            },
        },
        Threshold {
            name: "CrCl 30 mL/min",
            value: CRCL_NO_DATA_BELOW,
            field: Field::Crcl,
            rules: &[RuleId::PRenal],
            scale: Scale::Plain,
            relative: false,
            above_only: false,
            patient: |v, r| engine::Scenario {
                crcl_ml_min: Some(v),
                ..patient(40.0, r)
            },
        },
        Threshold {
            name: "CrCl 90 mL/min",
            value: CRCL_NO_ADJUSTMENT_BELOW,
            field: Field::Crcl,
            rules: &[RuleId::PRenal],
            scale: Scale::Plain,
            relative: false,
            above_only: false,
            patient: |v, r| engine::Scenario {
                crcl_ml_min: Some(v),
                ..patient(40.0, r)
            },
        },
        Threshold {
            name: "MRD 10⁻³",
            value: MRD_APPROVAL_FRACTION,
            field: Field::Mrd,
            rules: &[RuleId::PMrd, RuleId::PMrdLow, RuleId::EBlinLabel],
            scale: Scale::Mrd,
            relative: true,
            above_only: false,
            patient: |v, r| engine::Scenario {
                mrd_fraction: Some(v),
                ..mrd_patient(40.0, r)
            },
        },
        Threshold {
            name: "MRD 10⁻⁴",
            value: MRD_TRIAL_FRACTION,
            field: Field::Mrd,
            rules: &[RuleId::PMrd, RuleId::PMrdLow, RuleId::EBlinLabel],
            scale: Scale::Mrd,
            relative: true,
            above_only: false,
            patient: |v, r| engine::Scenario {
                mrd_fraction: Some(v),
                ..mrd_patient(40.0, r)
            },
        },
        Threshold {
            name: "LDH 1 × ULN",
            value: 1.0,
            field: Field::LdhStatus,
            rules: &[RuleId::PTregLdh, RuleId::D2],
            scale: Scale::Plain,
            relative: false,
            above_only: true,
            patient: |v, r| engine::Scenario {
                ldh: Ldh::Elevated { ratio: Some(v) },
                ..patient(40.0, r)
            },
        },
    ];
    for (name, value, relative) in [
        ("age 1 month", 1.0 / 12.0, true),
        ("age 1 year", INO_MIN_AGE_YEARS, false),
        ("age 3 (ELIANA)", ELIANA_MIN_AGE_YEARS, false),
        ("age 18", ADULT_AGE_YEARS, false),
        (
            "age 22 (the older source's CAR-T limit)",
            TISA_SOURCE_AGE_BELOW_YEARS,
            false,
        ),
        ("age 26", TISA_AGE_BELOW_YEARS, false),
        ("age 50", OLDER_ADULT_AGE_YEARS, false),
    ] {
        for (setting, patient) in [
            ("", patient as fn(f64, Region) -> engine::Scenario),
            (", MRD", mrd_patient),
        ] {
            out.push(Threshold {
                name: Box::leak(format!("{name}{setting}").into_boxed_str()),
                value,
                field: Field::Age,
                rules: age_rules,
                scale: Scale::Age,
                relative,
                above_only: false,
                patient,
            });
        }
    }
    out
}

/// The texts that show a threshold's value: the reasons of the rules comparing it, and the
/// value as the decision path shows it.
fn shown(rec: &Recommendation, t: &Threshold) -> Vec<String> {
    let mut texts: Vec<String> = t
        .rules
        .iter()
        .flat_map(|&id| rec.reasons_of(id))
        .map(|(_, r)| r.text.to_string())
        .collect();
    texts.push(rec.input(t.field));
    texts
}

/// The texts' wording without their numbers, for finding a comparison value whose rules
/// took the same branches and say the same thing.
fn wording(rec: &Recommendation, t: &Threshold) -> Vec<String> {
    let mut out: Vec<String> = shown(rec, t)
        .iter()
        .map(|text| {
            let mut w = String::new();
            for ch in text.chars() {
                let number = ch.is_ascii_digit() || "⁻⁰¹²³⁴⁵⁶⁷⁸⁹.,".contains(ch);
                if !(number && w.ends_with('#')) {
                    w.push(if number { '#' } else { ch });
                }
            }
            w.replace("# × #", "#")
                .replace(" months", " years")
                .replace(" month", " years")
        })
        .collect();
    out.sort();
    out
}

/// Next to every threshold, a number shown for the value stands on the same side of it as
/// the value. The numbers that show the value are those a text gains over the same text
/// for a value further off on the same side (a trial figure or the threshold itself is in
/// both, so only the value's own digits remain).
#[test]
fn a_number_shown_never_contradicts_its_decision() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for t in thresholds() {
        let at = |d: f64| {
            if t.relative {
                t.value * (1.0 + d)
            } else {
                t.value + d
            }
        };
        let mut offsets = vec![0.0, 1e-9, 1e-3, 4e-3];
        if !t.above_only {
            offsets.extend([-1e-9, -1e-3, -4e-3]);
        } else {
            offsets.retain(|d| *d > 0.0);
        }
        for region in Region::ALL {
            for d in &offsets {
                let v = at(*d);
                let near = engine::evaluate(&(t.patient)(v, region));
                // A value further off on each side; the one whose rules took the same
                // branches is the comparison.
                let far = [at(-0.37), at(0.37)]
                    .into_iter()
                    .filter(|f| !t.above_only || *f > t.value)
                    .map(|f| engine::evaluate(&(t.patient)(f, region)))
                    .find(|far| wording(far, &t) == wording(&near, &t));
                let Some(far) = far else {
                    failures.push(format!(
                        "{} at {v} ({region:?}): no comparison value",
                        t.name
                    ));
                    continue;
                };
                let mut static_numbers: Vec<f64> = shown(&far, &t)
                    .iter()
                    .flat_map(|s| numbers(s, t.scale))
                    .collect();
                for text in shown(&near, &t) {
                    for n in numbers(&text, t.scale) {
                        if let Some(i) = static_numbers.iter().position(|s| *s == n) {
                            static_numbers.swap_remove(i);
                            continue;
                        }
                        checked += 1;
                        if n.partial_cmp(&t.value) != v.partial_cmp(&t.value) {
                            failures.push(format!(
                                "{} ({region:?}): value {v} shown as {n} in {text:?}",
                                t.name
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} numbers checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn numbers_are_read_as_shown() {
    assert_eq!(
        numbers("Marrow blasts 49.996% (≥ 50%)", Scale::Plain),
        [49.996, 50.0]
    );
    assert_eq!(
        numbers("15,000/µL and 14,999.5 CD19 T315I", Scale::Plain),
        [15000.0, 14999.5]
    );
    assert_eq!(
        numbers("MRD 0.0999% (9.99 × 10⁻⁴) ≥ 10⁻⁴", Scale::Mrd),
        [0.000999, 0.000999, 1e-4]
    );
    assert_eq!(numbers("the patient is 6 months", Scale::Age), [0.5]);
}

/// A child's clearance entered in mL/min is compared per 1.73 m² (normalised with the BSA):
/// the normalised number shown keeps its side of 30 and of 90 mL/min.
#[test]
fn a_normalised_clearance_keeps_its_side() {
    use engine::thresholds::{CRCL_NO_ADJUSTMENT_BELOW, CRCL_NO_DATA_BELOW, STANDARD_BSA_M2};
    // 10 years, 36 kg, 100 cm: BSA exactly 1 m².
    let child = |crcl: f64| engine::Scenario {
        weight_kg: Some(36.0),
        height_cm: Some(100.0),
        crcl_ml_min: Some(crcl),
        ..patient(10.0, Region::Us)
    };
    let mut checked = 0;
    for threshold in [CRCL_NO_DATA_BELOW, CRCL_NO_ADJUSTMENT_BELOW] {
        for d in [-4e-3, -1e-3, -1e-6, -1e-9, 0.0, 1e-9, 1e-6, 1e-3, 4e-3] {
            let entered = (threshold + d) / STANDARD_BSA_M2;
            let rec = engine::evaluate(&child(entered));
            let normalised = entered * STANDARD_BSA_M2 / 1.0;
            for (_, r) in rec.reasons_of(RuleId::PRenal) {
                let shown = numbers(&r.text, Scale::Plain);
                // "CrCl {entered} mL/min ({normalised} mL/min/1.73 m² with BSA 1 m²) …"
                let n = shown[1];
                assert_eq!(
                    n.partial_cmp(&threshold),
                    normalised.partial_cmp(&threshold),
                    "{normalised} shown as {n} in {:?}",
                    r.text
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 9, "{checked}");
}
