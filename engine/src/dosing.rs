//! Body surface area, the blinatumomab schedule and the inotuzumab schedule, each with this
//! patient's doses: per m² where the label doses by BSA (never an adult fixed dose for a
//! child), with any cap shown beside the computed dose.

use std::borrow::Cow;

use serde::Serialize;

use crate::display::num;
use crate::documents::{
    DOC_BESPONSA_DOSAGE, DOC_BESPONSA_US_DOSING, DOC_BLINCYTO_CONSOLIDATION_US,
    DOC_BLINCYTO_DOSAGE, DOC_BLINCYTO_DOSE_ADJUSTMENTS, DOC_BLINCYTO_MRD_ADMIN,
    DOC_BLINCYTO_PREMEDICATION,
};
use crate::evidence::{cite, fact, label_quote, Citation, SourceKey::*, Sourced};
use crate::fields::Field;
use crate::scenario::{Scenario, Setting, TransplantPlan};
use crate::thresholds::*;

/// Body surface area by the Mosteller formula.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bsa {
    /// BSA in m².
    pub m2: f64,
    /// How it was computed, in words ("Mosteller: √(height cm × weight kg / 3600)").
    pub formula: &'static str,
}

/// A dose computed for this patient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dose {
    /// Drug name.
    pub drug: &'static str,
    /// The dose as the source writes it ("10 mg/m²/day").
    pub as_written: String,
    /// The amount to give this patient (after any cap), when it can be computed.
    pub per_day: Option<f64>,
    /// The amount before the cap, when a cap lowered it: shown beside the cap.
    pub computed: Option<f64>,
    /// Unit of `per_day` ("mg/day", "mg").
    pub unit: &'static str,
    /// Route, timing and duration ("orally or IV, up to 5 days").
    pub how: String,
    /// Whether a cap lowered the computed amount.
    pub capped: bool,
    /// The cap and where it comes from, when one applies.
    pub cap_note: Option<String>,
    /// Sources (never empty).
    pub sources: &'static [Citation],
}

impl Dose {
    /// A dose written per m² (and capped at `cap`, if any), computed with the BSA when known.
    pub fn per_m2(
        drug: &'static str,
        mg_per_m2: f64,
        unit: &'static str,
        cap: Option<f64>,
        bsa: Option<&Bsa>,
        how: String,
        sources: &'static [Citation],
    ) -> Dose {
        let raw = bsa.map(|b| round_dose(mg_per_m2 * b.m2));
        let capped = matches!((raw, cap), (Some(r), Some(c)) if r > c);
        // "mg/day" is written "mg/m²/day" per m², "mg" is written "mg/m²".
        let (amount_unit, per) = unit.split_once('/').map_or((unit, ""), |(a, p)| (a, p));
        let slash = if per.is_empty() { "" } else { "/" };
        let dose = num(mg_per_m2);
        Dose {
            drug,
            as_written: match cap {
                Some(c) => format!(
                    "{dose} {amount_unit}/m²{slash}{per}, at most {} {unit}",
                    num(c)
                ),
                None => format!("{dose} {amount_unit}/m²{slash}{per}"),
            },
            per_day: raw.map(|r| cap.map_or(r, |c| r.min(c))),
            computed: raw.filter(|_| capped),
            unit,
            how,
            capped,
            cap_note: cap.map(|c| format!("{} {unit} is the maximum", num(c))),
            sources,
        }
    }

    /// A fixed dose, the same for every patient it applies to.
    pub fn fixed(
        drug: &'static str,
        amount: f64,
        unit: &'static str,
        how: String,
        sources: &'static [Citation],
    ) -> Dose {
        Dose {
            drug,
            as_written: format!("{} {unit}", num(amount)),
            per_day: Some(amount),
            computed: None,
            unit,
            how,
            capped: false,
            cap_note: None,
            sources,
        }
    }
}

/// Whether a dosing card is this patient's plan, or shown for reference only because the
/// drug is not eligible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Plan {
    /// The drug is eligible: the card is a plan.
    Active,
    /// The drug is not eligible: the card is folded, for reference only.
    Reference,
}

impl Plan {
    /// A stable lowercase identifier (`data-plan` in the page).
    pub fn slug(self) -> &'static str {
        match self {
            Plan::Active => "active",
            Plan::Reference => "reference",
        }
    }
}

/// How blinatumomab is dosed for this patient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum DosingBasis {
    /// Weight ≥ 45 kg: fixed µg/day doses.
    Fixed,
    /// Weight < 45 kg: µg/m²/day doses converted with the patient's BSA.
    PerBsa {
        /// BSA used, m².
        bsa_m2: f64,
    },
    /// Not computable until these fields are given.
    NeedsInput(Vec<Field>),
}

/// Which blinatumomab indication the schedule follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Indication {
    /// Relapsed or refractory disease.
    RelapsedRefractory,
    /// MRD-positive in CR.
    Mrd,
}

/// One line of the schedule table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleRow {
    /// Cycle(s) ("Cycle 1", "Cycles 2–5").
    pub cycle: &'static str,
    /// Days ("Days 1–7").
    pub days: &'static str,
    /// The dose as the source writes it ("5 µg/m²/day").
    pub as_written: String,
    /// The daily dose for this patient in µg/day, when computable.
    pub ug_per_day: Option<f64>,
    /// The dose computed from the BSA before the label cap, when the cap lowered it.
    pub computed_ug: Option<f64>,
    /// Whether the label cap lowered the computed dose.
    pub capped: bool,
    /// Sources (never empty).
    pub sources: &'static [Citation],
}

/// The blinatumomab schedule for this patient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlinatumomabSchedule {
    /// A plan, or for reference only (blinatumomab not eligible).
    pub plan: Plan,
    /// R/R or MRD dosing.
    pub indication: Indication,
    /// Fixed, per BSA, or not yet computable.
    pub basis: DosingBasis,
    /// The cycle table.
    pub rows: Vec<ScheduleRow>,
    /// Premedication for this patient's age and indication.
    pub premedication: Vec<Dose>,
    /// Cycle length, course, hospitalisation, renal and hepatic notes, toxicity management.
    pub notes: Vec<Sourced>,
}

const MOSTELLER: &str = "Mosteller: √(height cm × weight kg / 3600)";

/// Body surface area by Mosteller, when weight and height are both given.
pub fn bsa(scenario: &Scenario) -> Option<Bsa> {
    let (w, h) = (scenario.weight_kg?, scenario.height_cm?);
    let m2 = (w * h / 3600.0).sqrt();
    m2.is_finite().then_some(Bsa {
        m2,
        formula: MOSTELLER,
    })
}

/// Rounds a dose for display and comparison: two decimals are more than any pump is set to.
pub fn round_dose(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

const Q_CYCLE_S2: Citation = cite(
    S2,
    "blinatumomab is administered as a cIV over 4 weeks with dosage schedule of 4 weeks on, 2 weeks off.",
);
const Q_CYCLE_S1: Citation = cite(
    S1,
    "using the CIV dose of 15 µg/m2/day for 4 weeks with 2 weeks off between cycles",
);
const Q_FIXED_S2: Citation = cite(
    S2,
    "starting at $9 \\mu\\text{g/d}$ cIV for the first week followed by $28 \\mu\\text{g/d}$ cIV for the following 3 weeks with $28 \\mu\\text{g/d}$ cIV for 4 weeks in further cycles.",
);
pub(crate) const Q_PED_S1: Citation =
    cite(S1, "First cycle: 5 µg/m2/day for 7 days, then 15 µg/m2/day");
pub(crate) const Q_PED_S3: Citation = cite(
    S3,
    "at the initial dose of 5 $\\mu\\text{g}/\\text{m}^2/\\text{day}$ and dose escalation to 15 $\\mu\\text{g}/\\text{m}^2/\\text{day}$ for 28 days",
);
const Q_CAP_L: Citation = fact(
    &DOC_BLINCYTO_DOSAGE,
    "Relapsed or refractory, under 45 kg: 5 µg/m²/day not to exceed 9 µg/day (cycle 1 days 1–7), then 15 µg/m²/day not to exceed 28 µg/day; 45 kg or more: 9 then 28 µg/day.",
);
const Q_COURSE_L: Citation = fact(
    &DOC_BLINCYTO_DOSAGE,
    "Relapsed or refractory course: induction cycles 1–2 and consolidation cycles 3–5 (28 days on, 14 off); continued therapy cycles 6–9 (28 days on, 56 days off).",
);
pub(crate) const Q_TOWER_COURSE_S2: Citation = cite(
    S2,
    "Patients received up to 2 cycles of induction and those patients who achieved a morphologic remission then received up to 3 cycles of consolidation, with those with continued morphologic remission subsequently receiving up to 12 months of maintenance.",
);
pub(crate) const Q_MRD_DOSE_L: Citation = fact(
    &DOC_BLINCYTO_MRD_ADMIN,
    "MRD-positive: 28 µg/day (45 kg or more) or 15 µg/m²/day not to exceed 28 µg/day (under 45 kg), days 1–28, then 14 days off; 1 induction and up to 3 consolidation cycles; in hospital the first 3 days of cycle 1 and the first 2 days of cycle 2.",
);
pub(crate) const Q_MRD_SEED_S2: Citation = cite(
    S2,
    "The dose of blinatumomab administered to MRD-positive patients was lower (15 $\\mu\\text{g}/\\text{day}$, 4 weeks on and 2 weeks off) compared to the dosing used for salvage therapy.",
);
const Q_HOSP_S2: Citation = cite(
    S2,
    "Hospital admission is recommended for the initial 9 days of the first cycle and the initial 2 days of cycle 2 for close monitoring for signs of cytokine release syndrome (CRS) and neurotoxicity.",
);
const Q_PREMED_S2: Citation = cite(
    S2,
    "Pre-treatment with 20 mg of intravenous (IV) dexamethasone should be administered 1 hour prior to initial start of the infusion, prior to dose escalation on day 8 of cycle 1, and prior to restarting treatment of any interruptions lasting 4 hours or longer.",
);
const Q_PREMED_ADULT_RR_L: Citation = label_quote(
    &DOC_BLINCYTO_PREMEDICATION,
    "premedicate with 20 mg dexamethasone 1 hour prior to the first dose of BLINCYTO of each cycle, prior to a step dose (such as Cycle 1 day 8), and when restarting an infusion after an interruption of 4 or more hours",
);
const Q_PREMED_ADULT_MRD_L: Citation = label_quote(
    &DOC_BLINCYTO_PREMEDICATION,
    "prednisone 100 mg intravenously or equivalent (e.g., dexamethasone 16 mg) 1 hour prior to the first dose of BLINCYTO in each cycle",
);
const Q_PREMED_CHILD_RR_L: Citation = label_quote(
    &DOC_BLINCYTO_PREMEDICATION,
    "For pediatric patients, premedicate with 5 mg/m2 of dexamethasone, to a maximum dose of 20 mg prior to the first dose of BLINCYTO in the first cycle, prior to a step dose (such as Cycle 1 day 8), and when restarting an infusion after an interruption of 4 or more hours in the first cycle.",
);
const Q_PREMED_CHILD_MRD_L: Citation = fact(
    &DOC_BLINCYTO_PREMEDICATION,
    "MRD, children: dexamethasone 5 mg/m², at most 20 mg, before the first dose in the first cycle and when restarting after an interruption of 4 or more hours in the first cycle.",
);
const Q_PREMED_CHILD_EU_L: Citation = fact(
    &DOC_BLINCYTO_PREMEDICATION,
    "EU, children: dexamethasone 10 mg/m² (not above 20 mg) 6–12 hours before the start of cycle 1, then 5 mg/m² within 30 minutes before the start.",
);
const Q_CRS_ADULT_L: Citation = fact(
    &DOC_BLINCYTO_DOSE_ADJUSTMENTS,
    "Grade 3 CRS, 45 kg or more: interrupt; dexamethasone 8 mg every 8 hours IV or orally for up to 3 days, then taper over 4 days; when resolved, restart at 9 µg/day and escalate to 28 µg/day after 7 days if it does not recur. Grade 4: discontinue permanently.",
);
const Q_CRS_CHILD_L: Citation = fact(
    &DOC_BLINCYTO_DOSE_ADJUSTMENTS,
    "Grade 3 CRS, under 45 kg: interrupt; dexamethasone 5 mg/m² (at most 8 mg) every 8 hours for up to 3 days, then taper over 4 days; when resolved, restart at 5 µg/m²/day and escalate to 15 µg/m²/day after 7 days if it does not recur. Grade 4: discontinue permanently.",
);
const Q_RENAL_S2: Citation = cite(
    S2,
    "At present, there is no data available for patients with severe renal impairment ($\\text{CrCl} < 30 \\text{ mL/min}$) or for those on hemodialysis.",
);
const Q_HEPATIC_S2: Citation = cite(
    S2,
    "dose adjustments are not recommended for those with hepatic impairment.",
);
pub(crate) const Q_CONSOLIDATION_L: Citation = fact(
    &DOC_BLINCYTO_CONSOLIDATION_US,
    "US, 14 Jun 2024: blinatumomab as consolidation of CD19-positive Ph-negative B-ALL regardless of MRD, adults and children from 1 month (E1910).",
);

/// One dose step: the fixed dose (45 kg or more) and the per-m² dose with its cap.
struct Step {
    cycle: &'static str,
    days: &'static str,
    fixed_ug: f64,
    per_m2_ug: f64,
}

const RR_STEPS: [Step; 5] = [
    Step {
        cycle: "Cycle 1 (induction)",
        days: "Days 1–7",
        fixed_ug: 9.0,
        per_m2_ug: 5.0,
    },
    Step {
        cycle: "Cycle 1 (induction)",
        days: "Days 8–28",
        fixed_ug: 28.0,
        per_m2_ug: 15.0,
    },
    Step {
        cycle: "Cycle 2 (induction)",
        days: "Days 1–28",
        fixed_ug: 28.0,
        per_m2_ug: 15.0,
    },
    Step {
        cycle: "Cycles 3–5 (consolidation)",
        days: "Days 1–28",
        fixed_ug: 28.0,
        per_m2_ug: 15.0,
    },
    Step {
        cycle: "Cycles 6–9 (continued therapy)",
        days: "Days 1–28",
        fixed_ug: 28.0,
        per_m2_ug: 15.0,
    },
];

const MRD_STEPS: [Step; 2] = [
    Step {
        cycle: "Cycle 1 (induction)",
        days: "Days 1–28",
        fixed_ug: 28.0,
        per_m2_ug: 15.0,
    },
    Step {
        cycle: "Cycles 2–4 (consolidation)",
        days: "Days 1–28",
        fixed_ug: 28.0,
        per_m2_ug: 15.0,
    },
];

/// How blinatumomab is dosed for `scenario`: fixed from 45 kg, per m² below, or not yet
/// computable.
pub fn dosing_basis(scenario: &Scenario, bsa: Option<&Bsa>) -> DosingBasis {
    match (scenario.weight_kg, bsa) {
        (None, _) => DosingBasis::NeedsInput(vec![Field::Weight]),
        (Some(w), _) if w >= FIXED_DOSE_WEIGHT_KG => DosingBasis::Fixed,
        (Some(_), Some(b)) => DosingBasis::PerBsa { bsa_m2: b.m2 },
        (Some(_), None) => DosingBasis::NeedsInput(vec![Field::Height]),
    }
}

/// The blinatumomab schedule for this patient: R/R or MRD dosing, fixed or by BSA with the
/// label caps, premedication by age, and the notes on course, hospitalisation and toxicity.
pub fn blinatumomab_schedule(
    scenario: &Scenario,
    bsa: Option<&Bsa>,
    plan: Plan,
) -> BlinatumomabSchedule {
    let mrd = scenario.setting == Setting::MrdPositiveCr;
    let indication = if mrd {
        Indication::Mrd
    } else {
        Indication::RelapsedRefractory
    };
    let basis = dosing_basis(scenario, bsa);
    let steps: &[Step] = if mrd { &MRD_STEPS } else { &RR_STEPS };
    let rows = steps
        .iter()
        .map(|step| schedule_row(step, &basis, mrd))
        .collect();
    BlinatumomabSchedule {
        plan,
        indication,
        premedication: premedication(scenario, bsa, mrd),
        rows,
        notes: schedule_notes(scenario, bsa, &basis, mrd),
        basis,
    }
}

fn schedule_row(step: &Step, basis: &DosingBasis, mrd: bool) -> ScheduleRow {
    let sources = |per_m2: bool| -> &'static [Citation] {
        match (mrd, per_m2) {
            (true, _) => &[Q_MRD_DOSE_L, Q_MRD_SEED_S2],
            (false, false) => &[Q_FIXED_S2, Q_CAP_L],
            (false, true) => &[Q_PED_S1, Q_PED_S3, Q_CAP_L],
        }
    };
    let fixed = |ug: f64| format!("{} µg/day", num(ug));
    match basis {
        DosingBasis::Fixed => ScheduleRow {
            cycle: step.cycle,
            days: step.days,
            as_written: fixed(step.fixed_ug),
            ug_per_day: Some(step.fixed_ug),
            computed_ug: None,
            capped: false,
            sources: sources(false),
        },
        DosingBasis::PerBsa { bsa_m2 } => {
            let computed = round_dose(step.per_m2_ug * bsa_m2);
            let capped = computed > step.fixed_ug;
            ScheduleRow {
                cycle: step.cycle,
                days: step.days,
                as_written: format!(
                    "{} µg/m²/day, not to exceed {} µg/day",
                    num(step.per_m2_ug),
                    num(step.fixed_ug)
                ),
                ug_per_day: Some(if capped { step.fixed_ug } else { computed }),
                computed_ug: capped.then_some(computed),
                capped,
                sources: sources(true),
            }
        }
        DosingBasis::NeedsInput(_) => ScheduleRow {
            cycle: step.cycle,
            days: step.days,
            as_written: format!(
                "{} (≥ 45 kg) or {} µg/m²/day, not to exceed {} µg/day (< 45 kg)",
                fixed(step.fixed_ug),
                num(step.per_m2_ug),
                num(step.fixed_ug)
            ),
            ug_per_day: None,
            computed_ug: None,
            capped: false,
            // Both ways of dosing are shown, so both sets of sources.
            sources: if mrd {
                &[Q_MRD_DOSE_L, Q_MRD_SEED_S2]
            } else {
                &[Q_FIXED_S2, Q_PED_S1, Q_PED_S3, Q_CAP_L]
            },
        },
    }
}

/// Premedication by age, as the label gives it: a child never gets the adult fixed dose.
fn premedication(scenario: &Scenario, bsa: Option<&Bsa>, mrd: bool) -> Vec<Dose> {
    if scenario.is_child() && scenario.region == crate::scenario::Region::Eu {
        // The EU paediatric regimen differs from the US one: not borrowed.
        return vec![
            Dose::per_m2(
                "Dexamethasone (the evening before)",
                EU_PREMED_CHILD_FIRST_MG_PER_M2,
                "mg",
                Some(BLINA_PREMED_MAX_MG),
                bsa,
                "6–12 hours before the start of cycle 1".into(),
                &[Q_PREMED_CHILD_EU_L],
            ),
            Dose::per_m2(
                "Dexamethasone (at the start)",
                BLINA_PREMED_CHILD_MG_PER_M2,
                "mg",
                None,
                bsa,
                "within 30 minutes before the start of cycle 1".into(),
                &[Q_PREMED_CHILD_EU_L],
            ),
        ];
    }
    if scenario.is_child() {
        let (how, sources): (&str, &'static [Citation]) = if mrd {
            (
                "IV, before the first dose in the first cycle and when restarting after an interruption of 4 hours or more in the first cycle",
                &[Q_PREMED_CHILD_MRD_L],
            )
        } else {
            (
                "IV, before the first dose in the first cycle, before the step dose (cycle 1 day 8) and when restarting after an interruption of 4 hours or more in the first cycle",
                &[Q_PREMED_CHILD_RR_L],
            )
        };
        vec![Dose::per_m2(
            "Dexamethasone",
            BLINA_PREMED_CHILD_MG_PER_M2,
            "mg",
            Some(BLINA_PREMED_MAX_MG),
            bsa,
            how.into(),
            sources,
        )]
    } else if mrd {
        vec![Dose::fixed(
            "Prednisone (or dexamethasone 16 mg)",
            100.0,
            "mg",
            "IV, 1 hour before the first dose of each cycle".into(),
            &[Q_PREMED_ADULT_MRD_L],
        )]
    } else {
        vec![Dose::fixed(
            "Dexamethasone",
            BLINA_PREMED_MAX_MG,
            "mg",
            "IV, 1 hour before the first dose of each cycle, before the step dose (cycle 1 day 8), and when restarting after an interruption of 4 hours or more".into(),
            &[Q_PREMED_ADULT_RR_L, Q_PREMED_S2],
        )]
    }
}

const fn note(label: &'static str, text: &'static str, sources: &'static [Citation]) -> Sourced {
    Sourced {
        label,
        text: Cow::Borrowed(text),
        sources,
    }
}

const Q_CRS_S2: Citation = cite(
    S2,
    "Grade 1 or 2 CRS can typically be managed with observation or dexamethasone whereas grade 3 or 4 CRS require interruption of infusion. Grade 3 is managed by withholding the infusion until resolved then restarting at 9 mcg/day and grade 4 typically results in permanent discontinuation.",
);
const Q_TOCILIZUMAB_S2: Citation = cite(
    S2,
    "Tocilizumab has also been shown to play a role in management of CRS for patients with grade 3 or 4 CRS.",
);
const Q_NEURO_S2: Citation = cite(
    S2,
    "Neurotoxicity typically occurs within the first 7 days of drug initiation and is managed with dexamethasone and/or interruption of the infusion.",
);
const Q_SEIZURE_S2: Citation = cite(
    S2,
    "For grade ≥ 3 seizures, dose interruption is recommended along with anti-epileptic drug administration. In these cases, the infusion is typically held until symptoms are resolved to \\leq grade 1 for at least 3 days, then is restarted at 9 mcg/day",
);
const Q_NEURO_STOP_S2: Citation = cite(
    S2,
    "Cases of neurotoxicity that warrant permanent discontinuation of blinatumomab include grade 3 toxicities that take more than 7 days to resolve, any grade 4 toxicity, and anytime more than one seizure occurs.",
);
const Q_RESTART_S1: Citation = cite(
    S1,
    "If these events are resolved, blinatumomab can be reintroduced starting with the lowest dose (5 µg/m2/day).",
);

/// Cytokine release syndrome management for this patient's schedule: the restart dose and
/// the dexamethasone dose follow the weight the schedule follows.
fn crs_note(bsa: Option<&Bsa>, basis: &DosingBasis) -> Sourced {
    let general = "Grade 1–2: observation or dexamethasone. Tocilizumab has a role in grade 3–4. Grade 4: discontinue permanently.";
    let text = match basis {
        DosingBasis::Fixed => format!("{general} Grade 3: interrupt; dexamethasone 8 mg every 8 hours IV or orally for up to 3 days, taper over 4 days; when resolved, restart at 9 µg/day and escalate to 28 µg/day after 7 days if it does not recur."),
        DosingBasis::PerBsa { .. } => {
            let dex = Dose::per_m2("Dexamethasone", CRS_DEX_CHILD_MG_PER_M2, "mg", Some(CRS_DEX_MAX_MG), bsa, String::new(), &[]);
            let m2 = bsa.map_or(0.0, |b| b.m2);
            let restart = round_dose(5.0 * m2).min(9.0);
            let escalate = round_dose(15.0 * m2).min(28.0);
            format!(
                "{general} Grade 3: interrupt; dexamethasone 5 mg/m² (this patient: {} mg{}) every 8 hours for up to 3 days, taper over 4 days; when resolved, restart at 5 µg/m²/day ({} µg/day) and escalate to 15 µg/m²/day ({} µg/day) after 7 days if it does not recur.",
                dex.per_day.map_or("—".into(), |d| num(d).to_string()),
                if dex.capped { ", the 8 mg maximum" } else { "" },
                num(restart),
                num(escalate)
            )
        }
        DosingBasis::NeedsInput(_) => format!("{general} Grade 3: interrupt. 45 kg or more: dexamethasone 8 mg every 8 hours for up to 3 days, restart at 9 µg/day, escalate to 28 µg/day after 7 days. Under 45 kg: dexamethasone 5 mg/m² (at most 8 mg) every 8 hours, restart at 5 µg/m²/day, escalate to 15 µg/m²/day after 7 days. Enter weight and height for this patient's doses."),
    };
    let sources: &'static [Citation] = match basis {
        DosingBasis::Fixed => &[Q_CRS_S2, Q_TOCILIZUMAB_S2, Q_CRS_ADULT_L],
        DosingBasis::PerBsa { .. } => &[Q_CRS_S2, Q_TOCILIZUMAB_S2, Q_CRS_CHILD_L],
        DosingBasis::NeedsInput(_) => &[Q_CRS_S2, Q_TOCILIZUMAB_S2, Q_CRS_ADULT_L, Q_CRS_CHILD_L],
    };
    Sourced {
        label: "Cytokine release syndrome",
        text: Cow::Owned(text),
        sources,
    }
}

/// Neurologic event management; the restart dose follows the schedule.
fn neuro_note(basis: &DosingBasis) -> Sourced {
    let restart = match basis {
        DosingBasis::Fixed => "then restart at 9 µg/day",
        DosingBasis::PerBsa { .. } => "then restart at the lowest dose, 5 µg/m²/day (not above 9 µg/day)",
        DosingBasis::NeedsInput(_) => "then restart at 9 µg/day (under 45 kg: the lowest dose, 5 µg/m²/day, not above 9 µg/day)",
    };
    Sourced {
        label: "Neurologic events",
        text: Cow::Owned(format!("Usually within the first 7 days; managed with dexamethasone and/or interruption. Grade ≥ 3 seizures: interrupt and give anti-epileptic drugs; hold until ≤ grade 1 for at least 3 days, {restart}. Stop for good after grade 3 lasting more than 7 days, any grade 4, or more than one seizure.")),
        sources: &[Q_NEURO_S2, Q_SEIZURE_S2, Q_NEURO_STOP_S2, Q_RESTART_S1, Q_CAP_L],
    }
}

fn schedule_notes(
    scenario: &Scenario,
    bsa: Option<&Bsa>,
    basis: &DosingBasis,
    mrd: bool,
) -> Vec<Sourced> {
    let mut notes = vec![note(
        "Cycle",
        "Continuous IV infusion for 4 weeks, then 2 weeks off.",
        &[Q_CYCLE_S2, Q_CYCLE_S1],
    )];
    if mrd {
        notes.push(note(
            "Course",
            "1 induction cycle and up to 3 consolidation cycles (28 days on, 14 off).",
            &[Q_MRD_DOSE_L],
        ));
        notes.push(note(
            "Dose in the source paper",
            "The MRD trials in the source paper write the dose as \"15 µg/day\"; the current label gives 28 µg/day (≥ 45 kg) or 15 µg/m²/day capped at 28 µg/day (< 45 kg), shown above.",
            &[Q_MRD_SEED_S2, Q_MRD_DOSE_L],
        ));
        notes.push(note(
            "Hospitalisation",
            "First 3 days of cycle 1 and first 2 days of cycle 2.",
            &[Q_MRD_DOSE_L],
        ));
        notes.push(note(
            "In CR without MRD",
            "Since 2024 blinatumomab is also approved as consolidation of Ph-negative B-ALL regardless of MRD (US); outside this aid's scope.",
            &[Q_CONSOLIDATION_L],
        ));
    } else {
        notes.push(note(
            "Course",
            "Up to 2 induction cycles; responders up to 3 consolidation cycles (cycles 3–5); continued therapy cycles 6–9 are 28 days on, 56 days off. TOWER gave up to 12 months of maintenance.",
            &[Q_TOWER_COURSE_S2, Q_COURSE_L],
        ));
        notes.push(note(
            "Hospitalisation",
            "First 9 days of cycle 1 and first 2 days of cycle 2.",
            &[Q_HOSP_S2],
        ));
    }
    // "This patient" exactly when the card's renal rule finds it (a child's clearance is
    // read per 1.73 m² there, so the number entered alone does not decide).
    let renal = if (crate::rules::P_RENAL.eval)(scenario)
        .iter()
        .any(|f| f.effect == crate::rule::Effect::Caution)
    {
        "No data below CrCl 30 mL/min or on dialysis (this patient). No adjustment for CrCl 30–89 mL/min; none for hepatic impairment."
    } else {
        "No adjustment for CrCl 30–89 mL/min; no data below 30 mL/min or on dialysis. No adjustment for hepatic impairment."
    };
    notes.push(note(
        "Renal and hepatic",
        renal,
        &[Q_RENAL_S2, Q_HEPATIC_S2],
    ));
    notes.push(crs_note(bsa, basis));
    notes.push(neuro_note(basis));
    notes
}

// ---- Inotuzumab ozogamicin ----

const L_INO_DOSE: Citation = fact(
    &DOC_BESPONSA_DOSAGE,
    "Inotuzumab, per BSA. Cycle 1: 1.8 mg/m² as 0.8 mg/m² on day 1 and 0.5 mg/m² on days 8 and 15 (21-day cycle). Later cycles after CR/CRi: 0.5 mg/m² on days 1, 8 and 15 (28 days); without CR/CRi: as cycle 1 (28 days).",
);
const L_INO_PREMED: Citation = fact(
    &DOC_BESPONSA_US_DOSING,
    "Premedicate before each inotuzumab dose with a corticosteroid, an antipyretic and an antihistamine.",
);

/// The inotuzumab schedule for this patient: doses per BSA, the number of cycles for the
/// transplant plan, the stopping rule and premedication.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InotuzumabSchedule {
    /// A plan, or for reference only (inotuzumab not eligible).
    pub plan: Plan,
    /// BSA used (m²), or the fields still needed.
    pub basis: DosingBasis,
    /// The doses, cycle by cycle.
    pub doses: Vec<InotuzumabDose>,
    /// Cycles for this transplant plan, the stopping rule, premedication.
    pub notes: Vec<Sourced>,
}

/// One inotuzumab dose row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InotuzumabDose {
    /// Which cycles ("Cycle 1 (21 days)").
    pub cycle: &'static str,
    /// Which days ("Day 1").
    pub days: &'static str,
    /// The dose per m².
    pub mg_per_m2: f64,
    /// This patient's dose in mg, when the BSA is known.
    pub mg: Option<f64>,
    /// Sources (never empty).
    pub sources: &'static [Citation],
}

/// The inotuzumab schedule for `scenario`.
pub fn inotuzumab_schedule(
    scenario: &Scenario,
    bsa: Option<&Bsa>,
    plan: Plan,
) -> InotuzumabSchedule {
    let basis = match (scenario.weight_kg, bsa) {
        (_, Some(b)) => DosingBasis::PerBsa { bsa_m2: b.m2 },
        (None, _) => DosingBasis::NeedsInput(vec![Field::Weight, Field::Height]),
        (Some(_), None) => DosingBasis::NeedsInput(vec![Field::Height]),
    };
    let rows: [(&'static str, &'static str, f64); 5] = [
        ("Cycle 1 (21 days)", "Day 1", INO_C1_DAY1_MG_PER_M2),
        ("Cycle 1 (21 days)", "Days 8 and 15", INO_LATER_MG_PER_M2),
        (
            "Later cycles after CR/CRi (28 days)",
            "Days 1, 8 and 15",
            INO_LATER_MG_PER_M2,
        ),
        (
            "Later cycles without CR/CRi (28 days)",
            "Day 1",
            INO_C1_DAY1_MG_PER_M2,
        ),
        (
            "Later cycles without CR/CRi (28 days)",
            "Days 8 and 15",
            INO_LATER_MG_PER_M2,
        ),
    ];
    let doses = rows
        .into_iter()
        .map(|(cycle, days, mg_per_m2)| InotuzumabDose {
            cycle,
            days,
            mg_per_m2,
            mg: bsa.map(|b| round_dose(mg_per_m2 * b.m2)),
            sources: &[L_INO_DOSE],
        })
        .collect();
    let cycles = match scenario.transplant {
        TransplantPlan::Planned => "Allo-HSCT planned: 2 cycles; a third only if CR/CRi with MRD negativity is not reached after 2 (VOD risk rises with more cycles).",
        TransplantPlan::Candidate => "Transplant candidate: if an allo-HSCT is to follow, 2 cycles (a third only if CR/CRi with MRD negativity is not reached); otherwise up to 6.",
        TransplantPlan::NotCandidate => "Not proceeding to transplant: up to 6 cycles.",
        TransplantPlan::Unknown => "Proceeding to allo-HSCT: 2 cycles (a third only if CR/CRi with MRD negativity is not reached); otherwise up to 6. The transplant plan decides which.",
    };
    let notes = vec![
        Sourced {
            label: "Cycles",
            text: Cow::Borrowed(cycles),
            sources: &[crate::rules::L_INO_CYCLES],
        },
        note(
            "Stopping rule",
            "Stop if there is no CR/CRi within 3 cycles.",
            &[crate::rules::L_INO_CYCLES],
        ),
        note(
            "Premedication",
            "Before each dose: a corticosteroid, an antipyretic and an antihistamine.",
            &[L_INO_PREMED],
        ),
    ];
    InotuzumabSchedule {
        plan,
        basis,
        doses,
        notes,
    }
}
