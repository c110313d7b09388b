//! Validation: boundaries, parsing, consistency rules and messages, case by case.

use engine::fields::{Field, FieldKind, FIELDS};
use engine::scenario::{
    Cns, Extramedullary, Ldh, Liver, Marker, Ph, PriorExposure, RawScenario, Setting, TkisFailed,
    TransplantPlan, YesNo,
};
use engine::validate::{format_mrd, parse_mrd, parse_number, validate, Problem, ProblemKind};

/// The smallest valid scenario: the two required fields.
/// The minimal valid scenario: primary refractory disease has no prior-lines minimum.
fn base() -> RawScenario {
    RawScenario::new()
        .with(Field::Age, "34")
        .with(Field::Setting, "ref")
}

fn problems(raw: &RawScenario) -> Vec<Problem> {
    match validate(raw) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

/// The problems on `field` for `raw`.
fn problems_on(raw: &RawScenario, field: Field) -> Vec<Problem> {
    problems(raw)
        .into_iter()
        .filter(|p| p.field == field)
        .collect()
}

/// Asserts `raw` is valid and returns the scenario.
fn valid(raw: &RawScenario) -> engine::Scenario {
    match validate(raw) {
        Ok(s) => s,
        Err(p) => panic!("expected valid, got {p:#?} for {raw:?}"),
    }
}

/// Asserts exactly one problem, on `field`, of `kind`; returns its message.
fn one_problem(raw: &RawScenario, field: Field, kind: ProblemKind) -> String {
    let all = problems(raw);
    assert_eq!(
        all.len(),
        1,
        "expected one problem, got {all:#?} for {raw:?}"
    );
    assert_eq!(all[0].field, field, "{all:#?}");
    assert_eq!(all[0].kind, kind, "{all:#?}");
    assert!(
        all[0].message.starts_with(&format!("{}: ", field.label())),
        "{}",
        all[0].message
    );
    all[0].message.clone()
}

#[test]
fn minimal_scenario_is_valid_with_unknown_defaults() {
    let s = valid(&base());
    assert_eq!(s.age_years, 34.0);
    assert_eq!(s.setting, Setting::PrimaryRefractory);
    assert_eq!(s.weight_kg, None);
    assert_eq!(s.mrd_fraction, None);
    assert_eq!(s.marrow_blasts_pct, None);
    assert_eq!(s.ldh, Ldh::Unknown);
    assert_eq!(s.extramedullary, Extramedullary::Unknown);
    assert_eq!(s.cns, Cns::Unknown);
    assert_eq!(s.cd19, Marker::Unknown);
    assert_eq!(s.cd22, Marker::Unknown);
    assert_eq!(s.ph, Ph::Unknown);
    assert_eq!(s.tkis_failed, TkisFailed::Unknown);
    assert_eq!(s.transplant, TransplantPlan::Unknown);
    assert_eq!(s.prior_hsct, YesNo::Unknown);
    assert_eq!(s.prior_lines, None);
    assert_eq!(s.prior_cart, PriorExposure::Unknown);
    assert_eq!(s.liver, Liver::Unknown);
}

#[test]
fn both_required_fields_missing_gives_two_problems_in_form_order() {
    let all = problems(&RawScenario::new());
    assert_eq!(
        all,
        vec![
            Problem {
                field: Field::Age,
                kind: ProblemKind::Missing,
                message: "Age: required.".to_string()
            },
            Problem {
                field: Field::Setting,
                kind: ProblemKind::Missing,
                message: "Disease setting: required.".to_string()
            },
        ]
    );
    // Blank text counts as not given.
    let blank = RawScenario {
        version: 1,
        values: [
            (Field::Age, "  ".to_string()),
            (Field::Setting, " ".to_string()),
        ]
        .into(),
    };
    let kinds: Vec<_> = problems(&blank).iter().map(|p| (p.field, p.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            (Field::Age, ProblemKind::Missing),
            (Field::Setting, ProblemKind::Missing)
        ]
    );
}

#[test]
fn number_boundaries() {
    // (field, text, valid?)
    let cases = [
        (Field::Age, "0", true),
        (Field::Age, "-1", false),
        (Field::Age, "120", true),
        (Field::Age, "120.1", false),
        (Field::Age, "0.5", true),
        (Field::Weight, "0.5", true),
        (Field::Weight, "0.49", false),
        (Field::Weight, "350", true),
        (Field::Weight, "350.01", false),
        (Field::Height, "30", true),
        (Field::Height, "29.9", false),
        (Field::MarrowBlasts, "100", true),
        (Field::MarrowBlasts, "100.01", false),
        (Field::MarrowBlasts, "0", true),
        (Field::MarrowBlasts, "-0.01", false),
        (Field::PeripheralBlasts, "2000000", true),
        (Field::PeripheralBlasts, "2000001", false),
        (Field::Treg, "100", true),
        (Field::Treg, "101", false),
        (Field::Crcl, "300", true),
        (Field::Crcl, "300.5", false),
        (Field::PriorLines, "0", true),
        (Field::PriorLines, "20", true),
        (Field::PriorLines, "21", false),
        (Field::PriorLines, "2.5", false),
        (Field::PriorLines, "3.0", true),
    ];
    for (field, text, ok) in cases {
        let raw = base().with(field, text);
        if ok {
            valid(&raw);
        } else {
            one_problem(&raw, field, ProblemKind::Invalid);
        }
    }
}

#[test]
fn number_messages() {
    let cases = [
        (
            Field::MarrowBlasts,
            "150",
            "Marrow blasts: 150 is above 100%.",
        ),
        (Field::Age, "-1", "Age: -1 is below 0 years."),
        (Field::Weight, "abc", "Weight: \"abc\" is not a number."),
        (Field::Weight, "1000", "Weight: 1000 is above 350 kg."),
        (
            Field::PriorLines,
            "2.5",
            "Prior lines of therapy: 2.5 is not a whole number.",
        ),
        (
            Field::PeripheralBlasts,
            "-5",
            "Peripheral blood blasts: -5 is below 0/µL.",
        ),
        (
            Field::Cd19Pct,
            "101",
            "CD19-positive blasts: 101 is above 100% of blasts.",
        ),
    ];
    for (field, text, message) in cases {
        assert_eq!(
            one_problem(&base().with(field, text), field, ProblemKind::Invalid),
            message
        );
    }
}

#[test]
fn garbage_numbers_are_invalid() {
    for text in [
        "abc", "NaN", "nan", "inf", "-inf", "infinity", "1.2.3", "1,2,3", "0x10", "12 5", "5%",
        "1,5.2", "--1", "e", ".", "-",
    ] {
        let raw = base().with(Field::Weight, text);
        let message = one_problem(&raw, Field::Weight, ProblemKind::Invalid);
        assert!(message.contains("is not a number"), "{text}: {message}");
    }
}

#[test]
fn decimal_comma_and_spaces() {
    let s = valid(
        &base()
            .with(Field::Weight, "62,5")
            .with(Field::Height, " 170 ")
            .with(Field::MarrowBlasts, "0,125")
            .with(Field::Treg, ".5"),
    );
    assert_eq!(s.weight_kg, Some(62.5));
    assert_eq!(s.height_cm, Some(170.0));
    assert_eq!(s.marrow_blasts_pct, Some(0.125));
    assert_eq!(s.treg_pct, Some(0.5));
    assert_eq!(parse_number("62,5"), Ok(62.5));
    assert_eq!(parse_number("-0"), Ok(0.0));
    assert!(parse_number("-0").unwrap().is_sign_positive());
}

#[test]
fn comma_before_three_digits_is_ambiguous() {
    // Could be a thousands separator: 15,000 blasts/µL must not silently become 15.
    let message = one_problem(
        &base().with(Field::PeripheralBlasts, "15,000"),
        Field::PeripheralBlasts,
        ProblemKind::Invalid,
    );
    assert_eq!(
        message,
        "Peripheral blood blasts: \"15,000\" is ambiguous; write 15000 without a thousands \
         separator, or 15.000 for a decimal."
    );
    assert_eq!(parse_number("15,00"), Ok(15.0));
    assert_eq!(parse_number("0,125"), Ok(0.125));
}

#[test]
fn choices_map_to_enums() {
    let s = valid(
        &base()
            .with(Field::Extramedullary, "bulk")
            .with(Field::Cns, "hx")
            .with(Field::Ph, "pos")
            .with(Field::TkisFailed, "1")
            .with(Field::T315i, "no")
            .with(Field::Transplant, "cand")
            .with(Field::PriorHsct, "yes")
            .with(Field::PriorBlinatumomab, "resp")
            .with(Field::PriorInotuzumab, "noresp")
            .with(Field::PriorCart, "no")
            .with(Field::Kmt2a, "yes")
            .with(Field::Dialysis, "no")
            .with(Field::Liver, "vod"),
    );
    assert_eq!(s.extramedullary, Extramedullary::HighLoad);
    assert_eq!(s.cns, Cns::History);
    assert_eq!(s.ph, Ph::Positive);
    assert_eq!(s.tkis_failed, TkisFailed::One);
    assert_eq!(s.t315i, YesNo::No);
    assert_eq!(s.transplant, TransplantPlan::Candidate);
    assert_eq!(s.prior_hsct, YesNo::Yes);
    assert_eq!(s.prior_blinatumomab, PriorExposure::Responded);
    assert_eq!(s.prior_inotuzumab, PriorExposure::NoResponse);
    assert_eq!(s.prior_cart, PriorExposure::No);
    assert_eq!(s.kmt2a, YesNo::Yes);
    assert_eq!(s.dialysis, YesNo::No);
    assert_eq!(s.liver, Liver::PriorVod);

    let settings = [
        ("ref", Setting::PrimaryRefractory),
        ("r1e", Setting::FirstRelapseEarly),
        ("r1l", Setting::FirstRelapseLate),
        ("r2", Setting::SecondOrLaterRelapse),
        ("rhsct", Setting::RelapseAfterHsct),
        ("mrd", Setting::MrdPositiveCr),
    ];
    for (code, setting) in settings {
        assert_eq!(valid(&base().with(Field::Setting, code)).setting, setting);
    }
    let emd = [
        ("unk", Extramedullary::Unknown),
        ("no", Extramedullary::None),
        ("yes", Extramedullary::Present),
    ];
    for (code, value) in emd {
        assert_eq!(
            valid(&base().with(Field::Extramedullary, code)).extramedullary,
            value
        );
    }
    assert_eq!(valid(&base().with(Field::Cns, "active")).cns, Cns::Active);
    assert_eq!(valid(&base().with(Field::Cns, "no")).cns, Cns::None);
    assert_eq!(
        valid(&base().with(Field::Transplant, "plan")).transplant,
        TransplantPlan::Planned
    );
    assert_eq!(
        valid(&base().with(Field::Transplant, "no")).transplant,
        TransplantPlan::NotCandidate
    );
    assert_eq!(
        valid(&base().with(Field::Liver, "disease")).liver,
        Liver::Disease
    );
    assert_eq!(valid(&base().with(Field::Liver, "no")).liver, Liver::None);
}

#[test]
fn every_choice_value_is_accepted_and_unknown_values_are_not() {
    for field in FIELDS {
        let FieldKind::Choice(choices) = field.kind() else {
            continue;
        };
        for (value, _) in choices {
            if value.is_empty() {
                continue;
            }
            let raw = base().with(field, *value);
            assert!(
                problems_on(&raw, field)
                    .iter()
                    .all(|p| p.kind != ProblemKind::Invalid),
                "{field:?}={value}"
            );
        }
        let raw = base().with(field, "maybe");
        let message = one_problem(&raw, field, ProblemKind::Invalid);
        assert_eq!(
            message,
            format!("{}: \"maybe\" is not one of the choices.", field.label())
        );
    }
    assert_eq!(
        one_problem(
            &base().with(Field::Cns, "maybe"),
            Field::Cns,
            ProblemKind::Invalid
        ),
        "CNS status: \"maybe\" is not one of the choices."
    );
}

#[test]
fn markers_from_percentage() {
    let cases = [
        ("", "19.9", Marker::Low { pct: 19.9 }),
        ("", "20", Marker::Positive { pct: Some(20.0) }),
        ("", "0", Marker::Negative),
        ("", "0.1", Marker::Low { pct: 0.1 }),
        ("unk", "50", Marker::Positive { pct: Some(50.0) }),
        ("pos", "5", Marker::Low { pct: 5.0 }),
        ("pos", "20", Marker::Positive { pct: Some(20.0) }),
        ("neg", "0", Marker::Negative),
        ("pos", "", Marker::Positive { pct: None }),
        ("neg", "", Marker::Negative),
        ("unk", "", Marker::Unknown),
        ("", "", Marker::Unknown),
    ];
    for (status, pct, expected) in cases {
        let s = valid(
            &base()
                .with(Field::Cd19, status)
                .with(Field::Cd19Pct, pct)
                .with(Field::Cd22, status)
                .with(Field::Cd22Pct, pct),
        );
        assert_eq!(s.cd19, expected, "cd19 {status:?} {pct:?}");
        assert_eq!(s.cd22, expected, "cd22 {status:?} {pct:?}");
    }
}

#[test]
fn marker_contradictions() {
    let message = one_problem(
        &base().with(Field::Cd19, "pos").with(Field::Cd19Pct, "0"),
        Field::Cd19Pct,
        ProblemKind::Inconsistent,
    );
    assert_eq!(
        message,
        "CD19-positive blasts: 0% contradicts CD19 = Positive."
    );
    let message = one_problem(
        &base().with(Field::Cd22, "neg").with(Field::Cd22Pct, "30"),
        Field::Cd22Pct,
        ProblemKind::Inconsistent,
    );
    assert_eq!(
        message,
        "CD22-positive blasts: 30% contradicts CD22 = Negative."
    );
    // Any percentage above 0 contradicts "negative", even a low one.
    one_problem(
        &base().with(Field::Cd19, "neg").with(Field::Cd19Pct, "0.5"),
        Field::Cd19Pct,
        ProblemKind::Inconsistent,
    );
}

#[test]
fn ldh_paths() {
    let s = valid(&base().with(Field::Ldh, "500").with(Field::LdhUln, "250"));
    assert_eq!(s.ldh, Ldh::Elevated { ratio: Some(2.0) });
    let s = valid(&base().with(Field::Ldh, "250").with(Field::LdhUln, "250"));
    assert_eq!(s.ldh, Ldh::Normal);
    let s = valid(&base().with(Field::Ldh, "251").with(Field::LdhUln, "250"));
    assert!(matches!(s.ldh, Ldh::Elevated { ratio: Some(r) } if r > 1.0));
    // Status alone.
    assert_eq!(
        valid(&base().with(Field::LdhStatus, "norm")).ldh,
        Ldh::Normal
    );
    assert_eq!(
        valid(&base().with(Field::LdhStatus, "high")).ldh,
        Ldh::Elevated { ratio: None }
    );
    assert_eq!(
        valid(&base().with(Field::LdhStatus, "unk")).ldh,
        Ldh::Unknown
    );
    // Upper limit alone is ignored.
    assert_eq!(valid(&base().with(Field::LdhUln, "250")).ldh, Ldh::Unknown);
    assert_eq!(
        valid(
            &base()
                .with(Field::LdhUln, "250")
                .with(Field::LdhStatus, "high")
        )
        .ldh,
        Ldh::Elevated { ratio: None }
    );
    // Value without upper limit.
    let message = one_problem(
        &base().with(Field::Ldh, "500"),
        Field::LdhUln,
        ProblemKind::Missing,
    );
    assert_eq!(
        message,
        "LDH upper limit of normal: needed to read the LDH value."
    );
    // Value with an invalid upper limit: only the invalid one is reported.
    one_problem(
        &base().with(Field::Ldh, "500").with(Field::LdhUln, "x"),
        Field::LdhUln,
        ProblemKind::Invalid,
    );
    // The value and upper limit decide; a status that contradicts them is reported.
    let message = one_problem(
        &base()
            .with(Field::Ldh, "500")
            .with(Field::LdhUln, "250")
            .with(Field::LdhStatus, "norm"),
        Field::LdhStatus,
        ProblemKind::Inconsistent,
    );
    assert_eq!(
        message,
        "LDH: Normal contradicts the LDH value 500 U/L, above the upper limit of normal 250 U/L."
    );
    one_problem(
        &base()
            .with(Field::Ldh, "250")
            .with(Field::LdhUln, "250")
            .with(Field::LdhStatus, "high"),
        Field::LdhStatus,
        ProblemKind::Inconsistent,
    );
    // Agreeing status is fine.
    valid(
        &base()
            .with(Field::Ldh, "500")
            .with(Field::LdhUln, "250")
            .with(Field::LdhStatus, "high"),
    );
    valid(
        &base()
            .with(Field::Ldh, "200")
            .with(Field::LdhUln, "250")
            .with(Field::LdhStatus, "norm"),
    );
}

#[test]
fn mrd_parsing_table() {
    let cases: &[(&str, f64)] = &[
        ("0.1", 1e-3),
        ("0.1%", 1e-3),
        (" 0.1 % ", 1e-3),
        ("0,1", 1e-3),
        ("1", 1e-2),
        ("0.01", 1e-4),
        ("0", 0.0),
        ("100", 1.0),
        ("100%", 1.0),
        ("1e-3", 1e-3),
        ("1E-3", 1e-3),
        ("1e-4", 1e-4),
        ("2,5e-4", 2.5e-4),
        ("10^-3", 1e-3),
        ("10^-4", 1e-4),
        ("10-3", 1e-3),
        ("10⁻³", 1e-3),
        ("10⁻⁴", 1e-4),
        ("1x10^-4", 1e-4),
        ("1X10^-4", 1e-4),
        ("1×10^-4", 1e-4),
        ("1 × 10⁻⁴", 1e-4),
        ("2.5x10-4", 2.5e-4),
        ("2,5x10^-4", 2.5e-4),
        ("5 x 10^-5", 5e-5),
        ("10^0", 1.0),
    ];
    for (text, fraction) in cases {
        assert_eq!(parse_mrd(text), Ok(*fraction), "{text}");
    }
}

#[test]
fn mrd_parsing_errors() {
    for text in [
        "abc", "1e-3%", "10^-3%", "x10^-3", "10^", "10^-", "10^-3.5", "1 5", "0.1.2", "inf", "NaN",
        "10^--3", "%", "1x", "e-3",
    ] {
        let err = parse_mrd(text).expect_err(text);
        assert!(err.starts_with("MRD level: "), "{text}: {err}");
        assert!(err.contains("is not an MRD level"), "{text}: {err}");
    }
    assert_eq!(
        parse_mrd("150"),
        Err("MRD level: 150 is above 100%.".to_string())
    );
    assert_eq!(
        parse_mrd("-0.1"),
        Err("MRD level: -0.1 is below 0%.".to_string())
    );
    assert_eq!(
        parse_mrd("100.01%"),
        Err("MRD level: 100.01% is above 100%.".to_string())
    );
    assert_eq!(
        parse_mrd("2e0"),
        Err("MRD level: 2e0 is above 1 (100%).".to_string())
    );
    assert_eq!(
        parse_mrd("10^3"),
        Err("MRD level: 10^3 is above 1 (100%).".to_string())
    );
    // Through validate: an Invalid problem on the MRD field with the same message.
    let message = one_problem(
        &base().with(Field::Mrd, "lots"),
        Field::Mrd,
        ProblemKind::Invalid,
    );
    assert!(message.starts_with("MRD level: \"lots\" is not an MRD level"));
    let s = valid(&base().with(Field::Mrd, "10^-4"));
    assert_eq!(s.mrd_fraction, Some(1e-4));
}

#[test]
fn mrd_formatting() {
    let cases: &[(f64, &str)] = &[
        (1e-3, "0.1% (10⁻³)"),
        (5e-4, "0.05% (5 × 10⁻⁴)"),
        (2.5e-4, "0.025% (2.5 × 10⁻⁴)"),
        (1e-4, "0.01% (10⁻⁴)"),
        (1e-2, "1% (10⁻²)"),
        (0.5, "50% (5 × 10⁻¹)"),
        (1.234_56e-5, "0.00123% (1.23 × 10⁻⁵)"),
        (1e-10, "0.00000001% (10⁻¹⁰)"),
        (0.0, "0%"),
        (1.0, "100%"),
    ];
    for (fraction, text) in cases {
        assert_eq!(format_mrd(*fraction), *text, "{fraction}");
    }
    // Three significant digits, except where rounding would put the value on or across a
    // threshold it is compared with (10⁻³, 10⁻⁴, 5%): then as entered.
    let kept: &[(f64, &str)] = &[
        (9.9999e-4, "0.099999% (9.9999 × 10⁻⁴)"),
        (1.0001e-3, "0.10001% (1.0001 × 10⁻³)"),
        (9.9996e-5, "0.0099996% (9.9996 × 10⁻⁵)"),
        (4.9999e-2, "4.9999% (4.9999 × 10⁻²)"),
        (9.994e-4, "0.0999% (9.99 × 10⁻⁴)"),
    ];
    for (fraction, text) in kept {
        assert_eq!(format_mrd(*fraction), *text, "{fraction}");
    }
    assert_eq!(
        format_mrd(parse_mrd("0.099999").unwrap()),
        "0.099999% (9.9999 × 10⁻⁴)"
    );
    // What the user typed comes back in both spellings.
    for text in ["0.1", "1e-3", "10⁻³", "1x10^-3"] {
        assert_eq!(
            format_mrd(parse_mrd(text).unwrap()),
            "0.1% (10⁻³)",
            "{text}"
        );
    }
}

#[test]
fn mrd_setting_marrow_blasts_threshold() {
    let mrd = || base().with(Field::Setting, "mrd");
    valid(&mrd().with(Field::MarrowBlasts, "4.9"));
    let message = one_problem(
        &mrd().with(Field::MarrowBlasts, "5"),
        Field::MarrowBlasts,
        ProblemKind::Inconsistent,
    );
    assert_eq!(
        message,
        "Marrow blasts: 5% is not a morphologic CR (< 5%); the setting says MRD-positive in CR."
    );
    assert_eq!(
        one_problem(
            &mrd().with(Field::MarrowBlasts, "12"),
            Field::MarrowBlasts,
            ProblemKind::Inconsistent
        ),
        "Marrow blasts: 12% is not a morphologic CR (< 5%); the setting says MRD-positive in CR."
    );
    // Other settings allow any blasts.
    valid(&base().with(Field::MarrowBlasts, "90"));
}

#[test]
fn mrd_setting_needs_mrd_above_zero() {
    let mrd = || base().with(Field::Setting, "mrd");
    one_problem(
        &mrd().with(Field::Mrd, "0"),
        Field::Mrd,
        ProblemKind::Inconsistent,
    );
    one_problem(
        &mrd().with(Field::Mrd, "0%"),
        Field::Mrd,
        ProblemKind::Inconsistent,
    );
    valid(&mrd().with(Field::Mrd, "1e-5"));
    valid(&mrd());
    valid(&base().with(Field::Mrd, "0"));
}

#[test]
fn mrd_setting_excludes_extramedullary_disease() {
    let mrd = || base().with(Field::Setting, "mrd");
    for code in ["yes", "bulk"] {
        one_problem(
            &mrd().with(Field::Extramedullary, code),
            Field::Extramedullary,
            ProblemKind::Inconsistent,
        );
    }
    for code in ["no", "unk"] {
        valid(&mrd().with(Field::Extramedullary, code));
    }
    valid(&base().with(Field::Extramedullary, "bulk"));
}

#[test]
fn relapse_after_hsct_needs_prior_hsct() {
    let rhsct = || base().with(Field::Setting, "rhsct");
    let message = one_problem(
        &rhsct().with(Field::PriorHsct, "no"),
        Field::PriorHsct,
        ProblemKind::Inconsistent,
    );
    assert_eq!(
        message,
        "Prior allogeneic HSCT: No contradicts the setting relapse after allogeneic HSCT."
    );
    let s = valid(&rhsct().with(Field::PriorHsct, "yes"));
    assert_eq!(s.prior_hsct, YesNo::Yes);
    let s = valid(&rhsct());
    assert_eq!(s.prior_hsct, YesNo::Unknown);
    assert!(s.had_allo_hsct());
    valid(&base().with(Field::PriorHsct, "no"));
}

#[test]
fn tki_history_and_t315i_need_ph_positive() {
    // Version 2: a TKI history or a T315I result belongs to Ph-positive disease, so it
    // contradicts Ph negative and Ph unknown alike; "unknown" answers contradict nothing.
    for (ph, said) in [("neg", "Negative"), ("unk", "Unknown")] {
        for (field, value, shown) in [
            (Field::T315i, "yes", "Yes"),
            (Field::T315i, "no", "No"),
            (Field::TkisFailed, "1", "One"),
        ] {
            let raw = base().with(Field::Ph, ph).with(field, value);
            let message = one_problem(&raw, field, ProblemKind::Inconsistent);
            assert!(
                message.starts_with(&format!(
                    "{}: {shown} is answered, but Ph (BCR-ABL1) is {said}",
                    field.label()
                )),
                "{message}"
            );
            valid(&base().with(Field::Ph, ph).with(field, "unk"));
            valid(&base().with(Field::Ph, "pos").with(field, value));
        }
    }
    // Ph not given at all reads as unknown.
    one_problem(
        &base().with(Field::T315i, "yes"),
        Field::T315i,
        ProblemKind::Inconsistent,
    );
    // Both at once: two problems, in form order.
    let fields: Vec<_> = problems(
        &base()
            .with(Field::Ph, "neg")
            .with(Field::T315i, "yes")
            .with(Field::TkisFailed, "1"),
    )
    .iter()
    .map(|p| p.field)
    .collect();
    assert_eq!(fields, vec![Field::TkisFailed, Field::T315i]);
}

#[test]
fn active_cns_contradicts_mrd_in_cr() {
    let raw = base()
        .with(Field::Setting, "mrd")
        .with(Field::Cns, "active");
    let message = one_problem(&raw, Field::Cns, ProblemKind::Inconsistent);
    assert!(message.contains("not a morphologic CR"), "{message}");
    valid(&base().with(Field::Setting, "mrd").with(Field::Cns, "hx"));
    valid(&base().with(Field::Setting, "r2").with(Field::Cns, "active"));
}

#[test]
fn zero_prior_lines_excludes_prior_therapy() {
    let zero = || base().with(Field::PriorLines, "0");
    for field in [
        Field::PriorBlinatumomab,
        Field::PriorInotuzumab,
        Field::PriorCart,
    ] {
        for code in ["resp", "noresp"] {
            let message = one_problem(
                &zero().with(field, code),
                Field::PriorLines,
                ProblemKind::Inconsistent,
            );
            assert!(message.contains(field.label()), "{message}");
        }
        for code in ["no", "unk"] {
            valid(&zero().with(field, code));
        }
        valid(&base().with(Field::PriorLines, "1").with(field, "resp"));
    }
    let message = one_problem(
        &zero()
            .with(Field::PriorBlinatumomab, "resp")
            .with(Field::PriorCart, "noresp"),
        Field::PriorLines,
        ProblemKind::Inconsistent,
    );
    assert_eq!(
        message,
        "Prior lines of therapy: 0 contradicts Prior blinatumomab and Prior CD19 CAR-T given before."
    );
}

#[test]
fn all_problems_are_collected_in_form_order() {
    let raw = RawScenario::new()
        .with(Field::Liver, "??")
        .with(Field::MarrowBlasts, "150")
        .with(Field::Weight, "heavy")
        .with(Field::Cd19, "neg")
        .with(Field::Cd19Pct, "40")
        .with(Field::Mrd, "lots");
    let got: Vec<_> = problems(&raw).iter().map(|p| (p.field, p.kind)).collect();
    assert_eq!(
        got,
        vec![
            (Field::Age, ProblemKind::Missing),
            (Field::Weight, ProblemKind::Invalid),
            (Field::Setting, ProblemKind::Missing),
            (Field::Mrd, ProblemKind::Invalid),
            (Field::MarrowBlasts, ProblemKind::Invalid),
            (Field::Cd19Pct, ProblemKind::Inconsistent),
            (Field::Liver, ProblemKind::Invalid),
        ]
    );
    for p in problems(&raw) {
        assert!(
            p.message.starts_with(&format!("{}: ", p.field.label())),
            "{}",
            p.message
        );
        assert!(p.message.ends_with('.'), "{}", p.message);
    }
}

#[test]
fn invalid_age_is_not_also_missing() {
    let raw = RawScenario::new()
        .with(Field::Age, "old")
        .with(Field::Setting, "r2");
    one_problem(&raw, Field::Age, ProblemKind::Invalid);
}

#[test]
fn long_garbage_is_cut_in_messages() {
    let long = "x".repeat(10_000);
    let message = one_problem(
        &base().with(Field::Weight, long.as_str()),
        Field::Weight,
        ProblemKind::Invalid,
    );
    assert!(message.len() < 200, "{message}");
    assert!(message.contains('…'));
}

#[test]
fn mrd_setting_refuses_circulating_blasts_and_mrd_of_5_percent() {
    let mrd = || base().with(Field::Setting, "mrd");
    valid(&mrd().with(Field::PeripheralBlasts, "0"));
    assert_eq!(
        one_problem(
            &mrd().with(Field::PeripheralBlasts, "20000"),
            Field::PeripheralBlasts,
            ProblemKind::Inconsistent
        ),
        "Peripheral blood blasts: 20,000/µL circulating blasts is not a morphologic CR; the setting says MRD-positive in CR."
    );
    valid(&mrd().with(Field::Mrd, "4.9"));
    let message = one_problem(
        &mrd().with(Field::Mrd, "5"),
        Field::Mrd,
        ProblemKind::Inconsistent,
    );
    assert!(
        message.starts_with("MRD level: 5% ") && message.contains("not a morphologic CR"),
        "{message}"
    );
    // Outside CR, circulating blasts and high MRD are expected.
    valid(
        &base()
            .with(Field::PeripheralBlasts, "20000")
            .with(Field::Mrd, "30"),
    );
}

#[test]
fn peripheral_blasts_in_either_unit() {
    let per_litre = |text: &str| {
        base()
            .with(Field::PeripheralBlasts, text)
            .with(Field::PeripheralBlastsUnit, "g")
    };
    assert_eq!(
        valid(&per_litre("15")).peripheral_blasts_per_ul,
        Some(15_000.0)
    );
    assert_eq!(
        valid(&per_litre("14.999")).peripheral_blasts_per_ul,
        Some(14_999.0)
    );
    assert_eq!(
        valid(&base().with(Field::PeripheralBlasts, "15")).peripheral_blasts_per_ul,
        Some(15.0)
    );
    assert_eq!(
        valid(
            &base()
                .with(Field::PeripheralBlasts, "15")
                .with(Field::PeripheralBlastsUnit, "ul")
        )
        .peripheral_blasts_per_ul,
        Some(15.0)
    );
    assert_eq!(
        one_problem(
            &per_litre("2500"),
            Field::PeripheralBlasts,
            ProblemKind::Invalid
        ),
        "Peripheral blood blasts: 2500 is above 2000 × 10⁹/L."
    );
    // Limits are checked and named in the unit the count was entered in.
    assert_eq!(
        one_problem(
            &per_litre("-1"),
            Field::PeripheralBlasts,
            ProblemKind::Invalid
        ),
        "Peripheral blood blasts: -1 is below 0 × 10⁹/L."
    );
    assert_eq!(
        one_problem(
            &base().with(Field::PeripheralBlasts, "3000000"),
            Field::PeripheralBlasts,
            ProblemKind::Invalid
        ),
        "Peripheral blood blasts: 3000000 is above 2000000/µL."
    );
    one_problem(
        &base().with(Field::PeripheralBlastsUnit, "mm3"),
        Field::PeripheralBlastsUnit,
        ProblemKind::Invalid,
    );
}
