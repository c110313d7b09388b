//! The labels of each region, as data the eligibility rules and the on-label badge share.
//!
//! [`checks`] lists, for one therapy and the scenario's region, every label condition the
//! patient does not meet (off-label) or that cannot be judged yet (unknown). The E-rules turn
//! the checks into findings; [`verdict`] turns them into the badge. Both read the same list,
//! so a card can never say "not eligible by the label" beside an "on-label" badge.

use serde::Serialize;

use crate::documents::*;
use crate::evidence::{fact, label_quote, Citation};
use crate::rule::RuleId;
use crate::scenario::{
    CrNumber, Liver, Marker, Ph, Region, Reinduction, Scenario, Setting, TkisFailed,
};
use crate::therapy::Therapy;
use crate::thresholds::*;

/// Whether a therapy's use for this patient is within the chosen region's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum LabelStatus {
    /// Within the label.
    On,
    /// Outside the label.
    Off,
    /// Not decidable until a value is known (or the region's label was not found).
    Unknown,
}

impl LabelStatus {
    /// A stable lowercase identifier (used as `data-label` in the page).
    pub fn slug(self) -> &'static str {
        match self {
            LabelStatus::On => "on",
            LabelStatus::Off => "off",
            LabelStatus::Unknown => "unknown",
        }
    }

    /// The badge in words, for `region`.
    pub fn label(self, region: Region) -> String {
        match self {
            LabelStatus::On => format!("Within the {} label", region.name()),
            LabelStatus::Off => format!("Outside the {} label", region.name()),
            LabelStatus::Unknown => format!("{} label: not decidable yet", region.name()),
        }
    }
}

/// What a label check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CheckOutcome {
    /// Outside the label, and the therapy is not eligible for it.
    Excludes,
    /// Outside the label, but not excluded (e.g. MRD below the approval threshold, where
    /// trial evidence exists): the status comes from the other rules.
    OffLabel,
    /// Not decidable: a value the label needs is unknown, or the label was not found.
    Unknown,
}

/// One label condition this patient does not meet, or that cannot be judged yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelCheck {
    /// The E-rule the check belongs to.
    pub rule: RuleId,
    /// Off-label and excluded, off-label only, or unknown.
    pub outcome: CheckOutcome,
    /// The condition in plain words, with this patient's values and the region.
    pub text: crate::Text,
    /// The label documents it rests on.
    pub sources: &'static [Citation],
}

/// The badge of one therapy: within the label, outside it, or not decidable, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelVerdict {
    /// The region whose label was applied.
    pub region: Region,
    /// On, off or unknown.
    pub status: LabelStatus,
    /// What the label covers, in the aid's words, with its documents.
    pub indication: crate::evidence::Sourced,
    /// The conditions not met or not decidable (empty when on-label).
    pub why: Vec<LabelCheck>,
}

// ---- The label facts, in the aid's words, each citing its public document. ----

pub(crate) const L_BLINA_US_RR: Citation = fact(
    &DOC_BLINCYTO_US,
    "US: CD19-positive relapsed or refractory B-precursor ALL, adults and children from 1 month, Ph-negative or Ph-positive.",
);
pub(crate) const L_BLINA_US_MRD: Citation = fact(
    &DOC_BLINCYTO_US,
    "US: CD19-positive B-precursor ALL in first or second complete remission with MRD of 0.1% or more, adults and children from 1 month.",
);
pub(crate) const L_BLINA_EU_RR: Citation = fact(
    &DOC_BLINCYTO_EU,
    "EU: adults with Ph-negative CD19-positive relapsed or refractory B-precursor ALL; Ph-positive adults only after failure of at least 2 TKIs and with no alternative; children from 1 year with Ph-negative disease that is refractory, relapsed after at least 2 prior therapies, or relapsed after allogeneic HSCT.",
);
pub(crate) const L_BLINA_EU_MRD: Citation = fact(
    &DOC_BLINCYTO_EU,
    "EU: adults with Ph-negative CD19-positive B-precursor ALL in first or second complete remission with MRD of 0.1% or more.",
);
pub(crate) const L_INO_US: Citation = fact(
    &DOC_BESPONSA_PED_US,
    "US: relapsed or refractory CD22-positive B-precursor ALL in adults (2017) and in children from 1 year (6 Mar 2024).",
);
pub(crate) const L_INO_EU: Citation = fact(
    &DOC_BESPONSA_EU,
    "EU: adults with relapsed or refractory CD22-positive B-precursor ALL; Ph-positive adults after failure of at least 1 TKI. No EU paediatric approval was found.",
);
pub(crate) const L_INO_EU_LIVER: Citation = fact(
    &DOC_BESPONSA_EU_SAFETY,
    "EU: contraindicated with prior confirmed severe or ongoing VOD/SOS, or serious ongoing liver disease (e.g. cirrhosis, nodular regenerative hyperplasia, active hepatitis).",
);
pub(crate) const L_TISA_US: Citation = fact(
    &DOC_KYMRIAH_US,
    "US: patients up to 25 years of age with B-ALL that is refractory or in second or later relapse (approved 30 Aug 2017).",
);
pub(crate) const L_TISA_EU: Citation = label_quote(&DOC_KYMRIAH_EU, "up to and including 25 years");
pub(crate) const L_TISA_EU_WHO: Citation = fact(
    &DOC_KYMRIAH_EU,
    "EU: B-ALL that is refractory, in relapse post-transplant, or in second or later relapse.",
);
pub(crate) const L_BREXU_US: Citation = fact(
    &DOC_TECARTUS_US,
    "US: adults (18 years and over) with relapsed or refractory B-precursor ALL (1 Oct 2021; ZUMA-3 CR 28 of 54, 52%).",
);
pub(crate) const L_BREXU_EU: Citation = fact(
    &DOC_TECARTUS_EU,
    "EU: adults 26 years and over with relapsed or refractory B-precursor ALL.",
);
pub(crate) const L_OBE_US: Citation = fact(
    &DOC_AUCATZYL_US,
    "US: adults with relapsed or refractory B-precursor ALL (8 Nov 2024; FELIX).",
);
pub(crate) const L_OBE_EU: Citation = fact(
    &DOC_AUCATZYL_EU,
    "EU: adults 26 years and over with relapsed or refractory B-precursor ALL (conditional approval; CHMP opinion 22 May 2025).",
);

/// What `therapy` is labelled for in `region`, with its documents: the basis of every
/// status, and the condition the badge opens to.
pub fn indication(therapy: Therapy, region: Region) -> crate::evidence::Sourced {
    let (text, sources): (&'static str, &'static [Citation]) = match (therapy, region) {
        (Therapy::Blinatumomab, Region::Us) => (
            "US label: CD19-positive relapsed or refractory B-precursor ALL (adults and children from 1 month, Ph-negative or Ph-positive), and MRD ≥ 0.1% in first or second CR.",
            &[L_BLINA_US_RR, L_BLINA_US_MRD],
        ),
        (Therapy::Blinatumomab, Region::Eu) => (
            "EU label: Ph-negative relapsed or refractory disease in adults; Ph-positive adults after at least 2 failed TKIs; children from 1 year with Ph-negative disease after at least 2 prior therapies or relapse after allo-HSCT; MRD ≥ 0.1% in first or second CR in Ph-negative adults.",
            &[L_BLINA_EU_RR, L_BLINA_EU_MRD],
        ),
        (Therapy::Inotuzumab, Region::Us) => (
            "US label: relapsed or refractory CD22-positive B-precursor ALL in adults and in children from 1 year.",
            &[L_INO_US],
        ),
        (Therapy::Inotuzumab, Region::Eu) => (
            "EU label: relapsed or refractory CD22-positive B-precursor ALL in adults (Ph-positive after at least 1 failed TKI); contraindicated with prior VOD/SOS or serious ongoing liver disease. EU paediatric label not found.",
            &[L_INO_EU, L_INO_EU_LIVER],
        ),
        (Therapy::Tisagenlecleucel, Region::Us) => (
            "US label: up to 25 years, B-ALL that is refractory or in second or later relapse.",
            &[L_TISA_US],
        ),
        (Therapy::Tisagenlecleucel, Region::Eu) => (
            "EU label: up to and including 25 years, B-ALL that is refractory, in relapse after transplant, or in second or later relapse.",
            &[L_TISA_EU, L_TISA_EU_WHO],
        ),
        (Therapy::Brexucabtagene, Region::Us) => (
            "US label: adults (18 years and over) with relapsed or refractory B-precursor ALL.",
            &[L_BREXU_US],
        ),
        (Therapy::Brexucabtagene, Region::Eu) => (
            "EU label: adults 26 years and over with relapsed or refractory B-precursor ALL.",
            &[L_BREXU_EU],
        ),
        (Therapy::Obecabtagene, Region::Us) => (
            "US label: adults with relapsed or refractory B-precursor ALL.",
            &[L_OBE_US],
        ),
        (Therapy::Obecabtagene, Region::Eu) => (
            "EU label: adults 26 years and over with relapsed or refractory B-precursor ALL.",
            &[L_OBE_EU],
        ),
    };
    crate::evidence::Sourced {
        label: "Label",
        text: std::borrow::Cow::Borrowed(text),
        sources,
    }
}

/// Every label condition `therapy` does not meet, or cannot be judged on yet, for `s` in
/// `s.region`. Marker negativity is E-CD19's and E-CD22's (a biological exclusion) and is
/// added by [`verdict`] only.
pub fn checks(therapy: Therapy, s: &Scenario) -> Vec<LabelCheck> {
    let mut out = Vec::new();
    match therapy {
        Therapy::Blinatumomab => blinatumomab(s, &mut out),
        Therapy::Inotuzumab => inotuzumab(s, &mut out),
        Therapy::Tisagenlecleucel => tisagenlecleucel(s, &mut out),
        Therapy::Brexucabtagene | Therapy::Obecabtagene => adult_car_t(therapy, s, &mut out),
    }
    out
}

/// The badge of `therapy` for `s`: off when any condition is not met (or the target marker
/// is negative where the label names it), unknown when any cannot be judged, else on.
pub fn verdict(therapy: Therapy, s: &Scenario) -> LabelVerdict {
    let mut why = checks(therapy, s);
    let marker = match therapy {
        Therapy::Blinatumomab => Some((s.cd19, "CD19", RuleId::ECd19)),
        Therapy::Inotuzumab => Some((s.cd22, "CD22", RuleId::ECd22)),
        // The CAR-T labels name no marker; a CD19-negative relapse is excluded by E-CD19
        // for want of a target, not by the label.
        _ => None,
    };
    let indication = indication(therapy, s.region);
    if let Some((marker, name, rule)) = marker {
        let outcome = match marker {
            Marker::Negative => Some((
                CheckOutcome::Excludes,
                format!(
                    "{} label: {name}-positive disease; this is {name}-negative.",
                    s.region.name()
                ),
            )),
            Marker::Unknown => Some((
                CheckOutcome::Unknown,
                format!(
                    "{} label: {name}-positive disease; {name} is not known.",
                    s.region.name()
                ),
            )),
            _ => None,
        };
        if let Some((outcome, text)) = outcome {
            why.insert(
                0,
                LabelCheck {
                    rule,
                    outcome,
                    text: text.into(),
                    sources: indication.sources,
                },
            );
        }
    }
    let status = if why.iter().any(|c| c.outcome != CheckOutcome::Unknown) {
        LabelStatus::Off
    } else if why.is_empty() {
        LabelStatus::On
    } else {
        LabelStatus::Unknown
    };
    LabelVerdict {
        region: s.region,
        status,
        indication,
        why,
    }
}

fn push(
    out: &mut Vec<LabelCheck>,
    rule: RuleId,
    outcome: CheckOutcome,
    text: impl Into<crate::Text>,
    sources: &'static [Citation],
) {
    out.push(LabelCheck {
        rule,
        outcome,
        text: text.into(),
        sources,
    });
}

/// Ages under this many years are under 1 month (the US blinatumomab label's lower limit).
/// One month is 0.0833 years; ages are typed in years, and a clinician typing 0.08 for a
/// one-month-old must not be refused, so the two-decimal form is the limit.
pub const ONE_MONTH_YEARS: f64 = 0.08;

/// The EU blinatumomab label admits children in relapse after at least this many prior
/// therapies (or after allo-HSCT).
pub const EU_CHILD_MIN_PRIOR_THERAPIES: u32 = 2;

fn blinatumomab(s: &Scenario, out: &mut Vec<LabelCheck>) {
    use CheckOutcome::*;
    let id = RuleId::EBlinLabel;
    let mrd = s.setting == Setting::MrdPositiveCr;
    let age = crate::display::age(s.age_years);
    match s.region {
        Region::Us => {
            let src: &'static [Citation] = if mrd {
                &[L_BLINA_US_MRD]
            } else {
                &[L_BLINA_US_RR]
            };
            if s.age_years < ONE_MONTH_YEARS {
                push(
                    out,
                    id,
                    Excludes,
                    format!("US label: from 1 month of age; the patient is {age}."),
                    src,
                );
            }
        }
        Region::Eu => {
            if mrd && s.is_child() {
                push(
                    out,
                    id,
                    Excludes,
                    format!("EU label: the MRD indication is for adults; the patient is {age}."),
                    &[L_BLINA_EU_MRD],
                );
            } else if mrd {
                ph_negative_needed(
                    s,
                    out,
                    "the EU MRD indication is for Ph-negative disease",
                    &[L_BLINA_EU_MRD],
                );
            } else if s.is_child() {
                if s.age_years < INO_MIN_AGE_YEARS {
                    push(
                        out,
                        id,
                        Excludes,
                        format!("EU label: children from 1 year; the patient is {age}."),
                        &[L_BLINA_EU_RR],
                    );
                }
                ph_negative_needed(
                    s,
                    out,
                    "the EU indication in children is for Ph-negative disease",
                    &[L_BLINA_EU_RR],
                );
                eu_child_prior_therapies(s, out);
            } else if s.ph == Ph::Positive {
                match s.tkis_failed {
                    TkisFailed::TwoOrMore => {}
                    TkisFailed::Unknown => push(
                        out,
                        id,
                        Unknown,
                        "EU label: Ph-positive adults need failure of at least 2 TKIs; the number of TKIs failed is needed.",
                        &[L_BLINA_EU_RR],
                    ),
                    failed => push(
                        out,
                        id,
                        Excludes,
                        format!(
                            "EU label: Ph-positive adults need failure of at least 2 TKIs; {} failed.",
                            if failed == TkisFailed::One { "1 has" } else { "none has" }
                        ),
                        &[L_BLINA_EU_RR],
                    ),
                }
            } else if s.ph == Ph::Unknown {
                push(
                    out,
                    id,
                    Unknown,
                    "EU label: Ph status decides it (Ph-negative adults; Ph-positive only after at least 2 failed TKIs); BCR-ABL1 is needed.",
                    &[L_BLINA_EU_RR],
                );
            }
        }
    }
    if mrd {
        let region = s.region.name();
        let src: &'static [Citation] = match s.region {
            Region::Us => &[L_BLINA_US_MRD],
            Region::Eu => &[L_BLINA_EU_MRD],
        };
        match s.cr_number {
            CrNumber::First | CrNumber::Second => {}
            CrNumber::ThirdOrLater => push(
                out,
                id,
                Excludes,
                format!("{region} label: MRD in first or second CR; this is a third or later CR."),
                src,
            ),
            CrNumber::Unknown => push(
                out,
                id,
                Unknown,
                format!("{region} label: MRD in first or second CR; which CR this is is needed."),
                src,
            ),
        }
        if s.mrd_fraction.is_none() {
            push(
                out,
                id,
                Unknown,
                format!("{region} label: MRD of 0.1% or more; the MRD level is needed."),
                src,
            );
        }
        if let Some(m) = s.mrd_fraction.filter(|&m| m < MRD_APPROVAL_FRACTION) {
            // Below the threshold the label does not reach, but trials treated from 10⁻⁴
            // (P-MRD-LOW): the use is off-label, not excluded.
            push(
                out,
                id,
                OffLabel,
                format!(
                    "{region} label: MRD of 0.1% or more; MRD is {}, so use would be off-label, on trial evidence only.",
                    crate::validate::format_mrd(m)
                ),
                src,
            );
        }
    }
}

/// EU blinatumomab: a condition of Ph-negative disease.
fn ph_negative_needed(
    s: &Scenario,
    out: &mut Vec<LabelCheck>,
    what: &str,
    src: &'static [Citation],
) {
    match s.ph {
        Ph::Negative => {}
        Ph::Positive => push(
            out,
            RuleId::EBlinLabel,
            CheckOutcome::Excludes,
            format!("EU label: {what}; this is Ph-positive."),
            src,
        ),
        Ph::Unknown => push(
            out,
            RuleId::EBlinLabel,
            CheckOutcome::Unknown,
            format!("EU label: {what}; BCR-ABL1 is needed."),
            src,
        ),
    }
}

/// EU blinatumomab in children: refractory, relapsed after at least 2 prior therapies, or
/// relapsed after allo-HSCT.
fn eu_child_prior_therapies(s: &Scenario, out: &mut Vec<LabelCheck>) {
    // The label's "after at least 2 prior therapies" is read as covering refractory disease
    // too: only relapse after allo-HSCT is named as an alternative.
    if s.had_allo_hsct() {
        return;
    }
    match s.prior_lines {
        Some(n) if n >= EU_CHILD_MIN_PRIOR_THERAPIES => {}
        Some(n) => push(
            out,
            RuleId::EBlinLabel,
            CheckOutcome::Excludes,
            format!(
                "EU label: children need relapse after at least 2 prior therapies or after allo-HSCT; {n} prior line{} given.",
                if n == 1 { "" } else { "s" }
            ),
            &[L_BLINA_EU_RR],
        ),
        None => push(
            out,
            RuleId::EBlinLabel,
            CheckOutcome::Unknown,
            "EU label: children need relapse after at least 2 prior therapies or after allo-HSCT; the number of prior lines is needed.",
            &[L_BLINA_EU_RR],
        ),
    }
}

fn inotuzumab(s: &Scenario, out: &mut Vec<LabelCheck>) {
    use CheckOutcome::*;
    let age = crate::display::age(s.age_years);
    if s.setting == Setting::MrdPositiveCr {
        push(
            out,
            RuleId::EInoMrd,
            Excludes,
            format!(
                "{} label: relapsed or refractory disease only; not MRD-positive disease in CR.",
                s.region.name()
            ),
            match s.region {
                Region::Us => &[L_INO_US],
                Region::Eu => &[L_INO_EU],
            },
        );
    }
    match s.region {
        Region::Us => {
            if s.age_years < INO_MIN_AGE_YEARS {
                push(
                    out,
                    RuleId::EInoAge,
                    Excludes,
                    format!("US label: from 1 year of age; the patient is {age}."),
                    &[L_INO_US],
                );
            }
        }
        Region::Eu => {
            if s.age_years < INO_MIN_AGE_YEARS {
                // No label anywhere covers infants: the US from 1 year, the EU not children.
                push(
                    out,
                    RuleId::EInoAge,
                    Excludes,
                    format!("No label covers inotuzumab under 1 year (US from 1 year; no EU paediatric label found); the patient is {age}."),
                    &[L_INO_US, L_INO_EU],
                );
            } else if s.is_child() {
                // Not borrowed from the US label: the EU fact was not found.
                push(
                    out,
                    RuleId::EInoAge,
                    Unknown,
                    format!("EU paediatric label not found: check locally (the patient is {age})."),
                    &[L_INO_EU],
                );
            }
            match s.liver {
                Liver::PriorVod | Liver::Disease => push(
                    out,
                    RuleId::EInoLiver,
                    Excludes,
                    format!(
                        "EU label: contraindicated with {}.",
                        if s.liver == Liver::PriorVod {
                            "prior VOD/SOS"
                        } else {
                            "serious ongoing liver disease"
                        }
                    ),
                    &[L_INO_EU_LIVER],
                ),
                Liver::Unknown => push(
                    out,
                    RuleId::EInoLiver,
                    Unknown,
                    "EU label: contraindicated with prior VOD/SOS or serious ongoing liver disease; the liver history is needed.",
                    &[L_INO_EU_LIVER],
                ),
                Liver::None => {}
            }
            if !s.is_child() && s.ph == Ph::Unknown {
                push(
                    out,
                    RuleId::EInoLabel,
                    Unknown,
                    "EU label: Ph-positive adults need failure of at least 1 TKI; BCR-ABL1 (Ph status) is needed.",
                    &[L_INO_EU],
                );
            }
            if !s.is_child() && s.ph == Ph::Positive {
                match s.tkis_failed {
                    TkisFailed::Zero => push(
                        out,
                        RuleId::EInoLabel,
                        Excludes,
                        "EU label: Ph-positive adults after failure of at least 1 TKI; none has failed.",
                        &[L_INO_EU],
                    ),
                    TkisFailed::Unknown => push(
                        out,
                        RuleId::EInoLabel,
                        Unknown,
                        "EU label: Ph-positive adults after failure of at least 1 TKI; the number of TKIs failed is needed.",
                        &[L_INO_EU],
                    ),
                    _ => {}
                }
            }
        }
    }
}

/// Where the label needs relapsed or refractory disease: MRD-positive disease in CR is not.
fn not_for_mrd(
    therapy: Therapy,
    s: &Scenario,
    out: &mut Vec<LabelCheck>,
    src: &'static [Citation],
) {
    if s.setting == Setting::MrdPositiveCr {
        push(
            out,
            RuleId::ECart,
            CheckOutcome::Excludes,
            format!(
                "{} label: no CAR-T product is labelled for MRD-positive disease in CR ({}).",
                s.region.name(),
                therapy.name()
            ),
            src,
        );
    }
}

fn tisagenlecleucel(s: &Scenario, out: &mut Vec<LabelCheck>) {
    use CheckOutcome::*;
    let t = Therapy::Tisagenlecleucel;
    let region = s.region.name();
    let src: &'static [Citation] = match s.region {
        Region::Us => &[L_TISA_US],
        Region::Eu => &[L_TISA_EU, L_TISA_EU_WHO],
    };
    if s.age_years >= TISA_AGE_BELOW_YEARS {
        push(
            out,
            RuleId::ECart,
            Excludes,
            format!(
                "{region} label: up to and including 25 years (before the 26th birthday); the patient is {}.",
                crate::display::age(s.age_years)
            ),
            src,
        );
    }
    not_for_mrd(t, s, out, src);
    let covers = match s.region {
        Region::Us => "refractory disease or second or later relapse",
        Region::Eu => "refractory disease, relapse after transplant, or second or later relapse",
    };
    match s.setting {
        Setting::FirstRelapseEarly | Setting::FirstRelapseLate => match s.reinduction {
            // A first relapse that did not answer re-induction is refractory disease.
            Reinduction::Refractory => {}
            Reinduction::NotYet => push(
                out,
                RuleId::ECart,
                Excludes,
                format!("{region} label: {covers}. A first relapse not yet re-induced is neither; if it proves refractory to re-induction, it would be within the label."),
                src,
            ),
            Reinduction::InCr => push(
                out,
                RuleId::ECart,
                Excludes,
                format!("{region} label: {covers}. A first relapse in CR after re-induction is neither; a second relapse would be within the label."),
                src,
            ),
            Reinduction::Unknown => push(
                out,
                RuleId::ECart,
                Unknown,
                format!("{region} label: {covers}. In first relapse, the response to re-induction is needed: refractory to it is within the label."),
                src,
            ),
        },
        Setting::RelapseAfterHsct if s.region == Region::Us => push(
            out,
            RuleId::ECart,
            Unknown,
            "US label: refractory disease or second or later relapse. Confirm this relapse after allo-HSCT is a second or later relapse (the EU label covers relapse after transplant as such).",
            src,
        ),
        _ => {}
    }
}

fn adult_car_t(therapy: Therapy, s: &Scenario, out: &mut Vec<LabelCheck>) {
    let (min_age, src): (f64, &'static [Citation]) = match (therapy, s.region) {
        (Therapy::Brexucabtagene, Region::Us) => (ADULT_AGE_YEARS, &[L_BREXU_US]),
        (Therapy::Brexucabtagene, Region::Eu) => (EU_ADULT_CAR_T_AGE_YEARS, &[L_BREXU_EU]),
        (_, Region::Us) => (ADULT_AGE_YEARS, &[L_OBE_US]),
        (_, Region::Eu) => (EU_ADULT_CAR_T_AGE_YEARS, &[L_OBE_EU]),
    };
    if s.age_years < min_age {
        push(
            out,
            RuleId::ECart,
            CheckOutcome::Excludes,
            format!(
                "{} label: {} from {} years; the patient is {}.",
                s.region.name(),
                therapy.name(),
                crate::display::exact(min_age),
                crate::display::age(s.age_years)
            ),
            src,
        );
    }
    not_for_mrd(therapy, s, out, src);
}
