//! Body surface area and the blinatumomab schedule.

use serde::Serialize;

use crate::evidence::{Citation, Sourced};
use crate::fields::Field;

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
    pub sources: Vec<Citation>,
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
    pub cycle: String,
    /// Days ("Days 1–7").
    pub days: String,
    /// The dose as the source writes it ("5 µg/m²/day").
    pub as_written: String,
    /// The daily dose for this patient in µg/day, when computable.
    pub ug_per_day: Option<f64>,
    /// Whether the label cap lowered the computed dose.
    pub capped: bool,
    /// Sources (never empty).
    pub sources: Vec<Citation>,
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
