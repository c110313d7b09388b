//! Each field of a validated scenario in words, as the engine understood it: the decision
//! path shows these next to each rule, so a clinician can check what the rule actually read.

use crate::fields::{Field, FieldKind};
use crate::rules::{group_thousands, num};
use crate::scenario::{
    Cns, Extramedullary, Ldh, Liver, Marker, Ph, PriorExposure, Scenario, Setting, TransplantPlan,
    YesNo,
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

fn opt(value: Option<f64>, unit: &str) -> String {
    value.map_or_else(|| NOT_GIVEN.to_string(), |v| format!("{}{unit}", num(v)))
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
        Marker::Low { pct } => format!("low ({}% of blasts)", num(pct)),
        Marker::Positive { pct: Some(p) } => format!("positive ({}% of blasts)", num(p)),
        Marker::Positive { pct: None } => "positive".into(),
    }
}

/// `field` of `s` as the engine understood it ("62%", "Second or later relapse", "unknown").
pub fn describe(field: Field, s: &Scenario) -> String {
    match field {
        Field::Age => format!("{} years", crate::rules::age(s.age_years)),
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
        Field::Mrd => s.mrd_fraction.map_or(NOT_GIVEN.into(), format_mrd),
        Field::MarrowBlasts => opt(s.marrow_blasts_pct, "%"),
        Field::PeripheralBlasts | Field::PeripheralBlastsUnit => s
            .peripheral_blasts_per_ul
            .map_or(NOT_GIVEN.into(), |p| format!("{}/µL", group_thousands(p))),
        Field::LdhStatus | Field::Ldh | Field::LdhUln => match s.ldh {
            Ldh::Unknown => "unknown".into(),
            Ldh::Normal => "normal".into(),
            Ldh::Elevated { ratio: Some(r) } => format!("elevated ({} × ULN)", num(r)),
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
        Field::Cd19 | Field::Cd19Pct => marker(s.cd19),
        Field::Cd22 | Field::Cd22Pct => marker(s.cd22),
        Field::Ph => choice_label(
            field,
            match s.ph {
                Ph::Unknown => "unk",
                Ph::Negative => "neg",
                Ph::Positive => "pos",
            },
        )
        .into(),
        Field::TkiFailure => yes_no(field, s.tki_failure),
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
        Field::Crcl => opt(s.crcl_ml_min, " mL/min"),
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
