//! Body surface area and the blinatumomab schedule.

use serde::Serialize;

use crate::evidence::{cite, Citation, SourceKey::*, Sourced};
use crate::fields::Field;
use crate::scenario::{Scenario, Setting};
use crate::thresholds::FIXED_DOSE_WEIGHT_KG;

/// Body surface area by the Mosteller formula.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bsa {
    /// BSA in m².
    pub m2: f64,
    /// How it was computed, in words ("Mosteller: √(height cm × weight kg / 3600)").
    pub formula: &'static str,
}

/// A daily dose computed for this patient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dose {
    /// Drug name.
    pub drug: &'static str,
    /// The dose as the source writes it ("10 mg/m²/day").
    pub as_written: String,
    /// The computed daily amount for this patient, when it can be computed.
    pub per_day: Option<f64>,
    /// Unit of `per_day` ("mg/day", "µg/day").
    pub unit: &'static str,
    /// Route and duration ("orally or IV, up to 5 days").
    pub how: String,
    /// Whether a cap lowered the computed amount.
    pub capped: bool,
    /// The cap and where it comes from, when one applies.
    pub cap_note: Option<String>,
    /// Sources (never empty).
    pub sources: &'static [Citation],
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
    /// Whether the label cap lowered the computed dose.
    pub capped: bool,
    /// Sources (never empty).
    pub sources: &'static [Citation],
}

/// The blinatumomab schedule for this patient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlinatumomabSchedule {
    /// R/R or MRD dosing.
    pub indication: Indication,
    /// Fixed, per BSA, or not yet computable.
    pub basis: DosingBasis,
    /// The cycle table.
    pub rows: Vec<ScheduleRow>,
    /// Cycle length, course, premedication, hospitalisation, renal and hepatic notes.
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
const Q_PED_S1: Citation = cite(S1, "First cycle: 5 µg/m2/day for 7 days, then 15 µg/m2/day");
const Q_PED_S3: Citation = cite(
    S3,
    "at the initial dose of 5 $\\mu\\text{g}/\\text{m}^2/\\text{day}$ and dose escalation to 15 $\\mu\\text{g}/\\text{m}^2/\\text{day}$ for 28 days",
);
const Q_CAP_L: Citation = cite(
    L,
    "R/R, < 45 kg: 5 µg/m²/day **not to exceed 9 µg/day** (cycle 1 days 1–7), then 15 µg/m²/day **not to exceed 28 µg/day**. ≥ 45 kg: 9 then 28 µg/day.",
);
const Q_COURSE_L: Citation = cite(
    L,
    "R/R course: induction cycles 1–2 and consolidation cycles 3–5 (28 days on, 14 off); continued therapy cycles 6–9 (28 days on, **56 days off**).",
);
const Q_TOWER_COURSE_S2: Citation = cite(
    S2,
    "Patients received up to 2 cycles of induction and those patients who achieved a morphologic remission then received up to 3 cycles of consolidation, with those with continued morphologic remission subsequently receiving up to 12 months of maintenance.",
);
const Q_MRD_DOSE_L: Citation = cite(
    L,
    "MRD-positive: 28 µg/day (≥ 45 kg) or 15 µg/m²/day not to exceed 28 µg/day (< 45 kg), days 1–28, 14 days off; 1 induction + up to 3 consolidation cycles.",
);
const Q_MRD_SEED_S2: Citation = cite(
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
const Q_MRD_HOSP_L: Citation = cite(
    L,
    "Hospitalisation the first 3 days of cycle 1 and first 2 days of cycle 2; premedication prednisone 100 mg IV or equivalent (e.g. dexamethasone 16 mg) 1 hour before the first dose of each cycle.",
);
const Q_RENAL_S2: Citation = cite(
    S2,
    "At present, there is no data available for patients with severe renal impairment ($\\text{CrCl} < 30 \\text{ mL/min}$) or for those on hemodialysis.",
);
const Q_HEPATIC_S2: Citation = cite(
    S2,
    "dose adjustments are not recommended for those with hepatic impairment.",
);
const Q_CONSOLIDATION_L: Citation = cite(
    L,
    "Consolidation of Ph-negative B-ALL regardless of MRD, adults and children ≥ 1 month (US, 14 Jun 2024; E1910).",
);

/// One dose step: what the sources write, and the per-m² and cap figures when under 45 kg.
struct Step {
    cycle: &'static str,
    days: &'static str,
    fixed_ug: f64,
    per_m2_ug: f64,
}

/// The blinatumomab schedule for this patient: R/R or MRD dosing, fixed or by BSA with the
/// label caps, and the notes on course, hospitalisation and premedication.
pub fn blinatumomab_schedule(scenario: &Scenario, bsa: Option<&Bsa>) -> BlinatumomabSchedule {
    let mrd = scenario.setting == Setting::MrdPositiveCr;
    let indication = if mrd {
        Indication::Mrd
    } else {
        Indication::RelapsedRefractory
    };
    let basis = match (scenario.weight_kg, bsa) {
        (None, _) => DosingBasis::NeedsInput(vec![Field::Weight]),
        (Some(w), _) if w >= FIXED_DOSE_WEIGHT_KG => DosingBasis::Fixed,
        (Some(_), Some(b)) => DosingBasis::PerBsa { bsa_m2: b.m2 },
        (Some(_), None) => DosingBasis::NeedsInput(vec![Field::Height]),
    };
    let steps: &[Step] = if mrd {
        &[
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
        ]
    } else {
        &[
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
        ]
    };
    let rows = steps
        .iter()
        .map(|step| schedule_row(step, &basis, mrd))
        .collect();
    BlinatumomabSchedule {
        indication,
        basis,
        rows,
        notes: schedule_notes(scenario, mrd),
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
    let fixed = |ug: f64| format!("{} µg/day", crate::rules::num(ug));
    match basis {
        DosingBasis::Fixed => ScheduleRow {
            cycle: step.cycle,
            days: step.days,
            as_written: fixed(step.fixed_ug),
            ug_per_day: Some(step.fixed_ug),
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
                    crate::rules::num(step.per_m2_ug),
                    crate::rules::num(step.fixed_ug)
                ),
                ug_per_day: Some(if capped { step.fixed_ug } else { computed }),
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
                crate::rules::num(step.per_m2_ug),
                crate::rules::num(step.fixed_ug)
            ),
            ug_per_day: None,
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

const fn note(label: &'static str, text: &'static str, sources: &'static [Citation]) -> Sourced {
    Sourced {
        label,
        text,
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

/// What to do on cytokine release syndrome and neurologic events, whatever the indication.
const TOXICITY: [Sourced; 2] = [
    note(
        "Cytokine release syndrome",
        "Grade 1–2: observation or dexamethasone. Grade 3: withhold until resolved, then restart at 9 µg/day, the starting dose (under 45 kg: 5 µg/m²/day, not above 9 µg/day). Grade 4: usually permanent discontinuation. Tocilizumab has a role in grade 3–4.",
        &[Q_CRS_S2, Q_TOCILIZUMAB_S2, Q_CAP_L],
    ),
    note(
        "Neurologic events",
        "Usually within the first 7 days; managed with dexamethasone and/or interruption. Grade ≥ 3 seizures: interrupt and give anti-epileptic drugs; hold until ≤ grade 1 for at least 3 days, then restart at 9 µg/day (S1: after grade 3 events resolve, restart at the lowest dose, 5 µg/m²/day; under 45 kg not above 9 µg/day). Stop for good after grade 3 lasting more than 7 days, any grade 4, or more than one seizure.",
        &[Q_NEURO_S2, Q_SEIZURE_S2, Q_NEURO_STOP_S2, Q_RESTART_S1, Q_CAP_L],
    ),
];

fn schedule_notes(scenario: &Scenario, mrd: bool) -> Vec<Sourced> {
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
            "Hospitalisation and premedication",
            "Hospitalise for the first 3 days of cycle 1 and the first 2 days of cycle 2. Prednisone 100 mg IV or equivalent (e.g. dexamethasone 16 mg) 1 hour before the first dose of each cycle.",
            &[Q_MRD_HOSP_L],
        ));
        notes.push(note(
            "In CR without MRD",
            "Since 2024 blinatumomab is also approved as consolidation of Ph-negative B-ALL regardless of MRD; outside this aid's scope.",
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
        notes.push(note(
            "Premedication",
            "Dexamethasone 20 mg IV 1 hour before the first infusion of each cycle, before the step-up on day 8 of cycle 1, and before restarting after an interruption of 4 hours or more.",
            &[Q_PREMED_S2],
        ));
    }
    let renal = if scenario.dialysis == crate::scenario::YesNo::Yes
        || scenario
            .crcl_ml_min
            .is_some_and(|c| c < crate::thresholds::CRCL_NO_DATA_BELOW)
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
    notes.extend(TOXICITY);
    notes
}
