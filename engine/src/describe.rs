//! Each field of a validated scenario in words, as the engine understood it: the decision
//! path shows these next to each rule, so a clinician can check what the rule actually read.

use crate::display::{beside, exact, grouped};
use crate::fields::{Field, FieldKind};
use crate::scenario::{
    Cns, CrNumber, CrclUnit, Extramedullary, Ldh, Liver, Marker, Ph, PriorExposure, Region,
    Reinduction, Scenario, Setting, TkisFailed, TransplantPlan, YesNo,
};
use crate::validate::format_mrd;

const NOT_GIVEN: &str = "not given";

/// The label of choice `value` of `field`, so descriptions use the form's own words.
fn choice_label(field: Field, value: &str) -> &'static str {
    match field.kind() {
        FieldKind::Choice(choices) => choices
            .iter()
            .find(|(v, _)| *v == value)
            .map(|(_, label)| *label)
            .unwrap_or(NOT_GIVEN),
        _ => NOT_GIVEN,
    }
}

/// A value as entered (never rounded across a threshold), with its unit.
fn opt(value: Option<f64>, unit: &str) -> String {
    value.map_or_else(|| NOT_GIVEN.to_string(), |v| format!("{}{unit}", exact(v)))
}

fn yes_no(field: Field, value: YesNo) -> String {
    choice_label(
        field,
        match value {
            YesNo::Unknown => "unk",
            YesNo::No => "no",
            YesNo::Yes => "yes",
        },
    )
    .to_string()
}

fn prior(field: Field, value: PriorExposure) -> String {
    choice_label(
        field,
        match value {
            PriorExposure::Unknown => "unk",
            PriorExposure::No => "no",
            PriorExposure::Responded => "resp",
            PriorExposure::NoResponse => "noresp",
        },
    )
    .to_string()
}

fn marker(value: Marker) -> String {
    match value {
        Marker::Unknown => "unknown".into(),
        Marker::Negative => "negative".into(),
        Marker::Low { pct } => format!("low ({}% of blasts)", exact(pct)),
        Marker::Positive { pct: Some(p) } => format!("positive ({}% of blasts)", exact(p)),
        Marker::Positive { pct: None } => "positive".into(),
    }
}

/// The percentage of blasts measured for a marker, or "not given".
fn pct_given(value: Marker) -> String {
    match value {
        Marker::Low { pct } | Marker::Positive { pct: Some(pct) } => {
            format!("{}% of blasts", exact(pct))
        }
        Marker::Negative => "negative".into(),
        _ => NOT_GIVEN.into(),
    }
}

/// `field` of `s` as the engine understood it ("62%", "Second or later relapse", "unknown").
pub fn describe(field: Field, s: &Scenario) -> String {
    match field {
        Field::Region => choice_label(
            field,
            match s.region {
                Region::Us => "us",
                Region::Eu => "eu",
            },
        )
        .into(),
        Field::Age => crate::display::age(s.age_years).to_string(),
        Field::Weight => opt(s.weight_kg, " kg"),
        Field::Height => opt(s.height_cm, " cm"),
        Field::Setting => choice_label(
            field,
            match s.setting {
                Setting::PrimaryRefractory => "ref",
                Setting::FirstRelapseEarly => "r1e",
                Setting::FirstRelapseLate => "r1l",
                Setting::SecondOrLaterRelapse => "r2",
                Setting::RelapseAfterHsct => "rhsct",
                Setting::MrdPositiveCr => "mrd",
            },
        )
        .into(),
        Field::CrNumber => choice_label(
            field,
            match s.cr_number {
                CrNumber::Unknown => "unk",
                CrNumber::First => "1",
                CrNumber::Second => "2",
                CrNumber::ThirdOrLater => "3",
            },
        )
        .into(),
        Field::Reinduction => choice_label(
            field,
            match s.reinduction {
                Reinduction::Unknown => "unk",
                Reinduction::NotYet => "none",
                Reinduction::Refractory => "ref",
                Reinduction::InCr => "cr",
            },
        )
        .into(),
        Field::Mrd => s.mrd_fraction.map_or(NOT_GIVEN.into(), format_mrd),
        Field::MarrowBlasts => opt(s.marrow_blasts_pct, "%"),
        Field::PeripheralBlasts | Field::PeripheralBlastsUnit => s
            .peripheral_blasts_per_ul
            .map_or(NOT_GIVEN.into(), |p| format!("{}/µL", grouped(p))),
        // The value and its upper limit are only read as their ratio; without them, say so
        // rather than repeating the status.
        Field::Ldh | Field::LdhUln => match s.ldh {
            Ldh::Elevated { ratio: Some(r) } => format!("{} × ULN (elevated)", beside(r, 1.0)),
            Ldh::Normal => "normal".into(),
            _ => NOT_GIVEN.into(),
        },
        Field::LdhStatus => match s.ldh {
            Ldh::Unknown => "unknown".into(),
            Ldh::Normal => "normal".into(),
            Ldh::Elevated { ratio: Some(r) } => format!("elevated ({} × ULN)", beside(r, 1.0)),
            Ldh::Elevated { ratio: None } => "elevated".into(),
        },
        Field::Extramedullary => choice_label(
            field,
            match s.extramedullary {
                Extramedullary::Unknown => "unk",
                Extramedullary::None => "no",
                Extramedullary::Present => "yes",
                Extramedullary::HighLoad => "bulk",
            },
        )
        .into(),
        Field::Cns => choice_label(
            field,
            match s.cns {
                Cns::Unknown => "unk",
                Cns::None => "no",
                Cns::Active => "active",
                Cns::History => "hx",
            },
        )
        .into(),
        Field::Cd19 => marker(s.cd19),
        Field::Cd22 => marker(s.cd22),
        // The percentage field says what was measured, not the status chosen beside it.
        Field::Cd19Pct => pct_given(s.cd19),
        Field::Cd22Pct => pct_given(s.cd22),
        Field::Ph => choice_label(
            field,
            match s.ph {
                Ph::Unknown => "unk",
                Ph::Negative => "neg",
                Ph::Positive => "pos",
            },
        )
        .into(),
        Field::TkisFailed => choice_label(
            field,
            match s.tkis_failed {
                TkisFailed::Unknown => "unk",
                TkisFailed::Zero => "0",
                TkisFailed::One => "1",
                TkisFailed::TwoOrMore => "2",
            },
        )
        .into(),
        Field::T315i => yes_no(field, s.t315i),
        Field::Transplant => choice_label(
            field,
            match s.transplant {
                TransplantPlan::Unknown => "unk",
                TransplantPlan::Planned => "plan",
                TransplantPlan::Candidate => "cand",
                TransplantPlan::NotCandidate => "no",
            },
        )
        .into(),
        Field::PriorHsct => yes_no(field, s.prior_hsct),
        Field::PriorLines => s.prior_lines.map_or(NOT_GIVEN.into(), |n| n.to_string()),
        Field::PriorBlinatumomab => prior(field, s.prior_blinatumomab),
        Field::PriorInotuzumab => prior(field, s.prior_inotuzumab),
        Field::PriorCart => prior(field, s.prior_cart),
        Field::Kmt2a => yes_no(field, s.kmt2a),
        Field::Treg => opt(s.treg_pct, "% of T cells"),
        Field::Crcl | Field::CrclUnit => opt(
            s.crcl_ml_min,
            match s.crcl_unit {
                CrclUnit::MlMin => " mL/min",
                CrclUnit::PerStandardBsa => " mL/min/1.73 m²",
            },
        ),
        Field::Dialysis => yes_no(field, s.dialysis),
        Field::Liver => choice_label(
            field,
            match s.liver {
                Liver::Unknown => "unk",
                Liver::None => "no",
                Liver::Disease => "disease",
                Liver::PriorVod => "vod",
            },
        )
        .into(),
    }
}
