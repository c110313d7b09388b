//! Pre-phase debulking before blinatumomab (rules D-1 and D-2) and its regimen.

use serde::Serialize;

use crate::dosing::Dose;
use crate::evidence::Sourced;
use crate::fields::Field;
use crate::recommendation::Reason;

/// Whether pre-phase debulking is needed before blinatumomab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DebulkingLevel {
    /// D-1 fired: marrow blasts ≥ 50% or peripheral blasts ≥ 15,000/µL.
    Required,
    /// D-2 fired: LDH elevated or high extramedullary load.
    Recommended,
    /// Neither fired and the values they need are known.
    NotNeeded,
    /// Not required by what is known, but a value D-1 needs is missing.
    Undetermined,
}

impl DebulkingLevel {
    /// A stable lowercase identifier (used as `data-debulking` in the page).
    pub fn slug(self) -> &'static str {
        match self {
            DebulkingLevel::Required => "required",
            DebulkingLevel::Recommended => "recommended",
            DebulkingLevel::NotNeeded => "not-needed",
            DebulkingLevel::Undetermined => "undetermined",
        }
    }

    /// The level in words.
    pub fn label(self) -> &'static str {
        match self {
            DebulkingLevel::Required => "Pre-phase required",
            DebulkingLevel::Recommended => "Pre-phase recommended",
            DebulkingLevel::NotNeeded => "Pre-phase not needed",
            DebulkingLevel::Undetermined => "Cannot be decided yet",
        }
    }
}

/// The debulking advice for this patient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debulking {
    /// Required, recommended, not needed, or undetermined.
    pub level: DebulkingLevel,
    /// The rule(s) that decided it.
    pub reasons: Vec<Reason>,
    /// Fields whose absence leaves the decision open.
    pub missing: Vec<Field>,
    /// Regimen options with doses from BSA.
    pub regimen: Vec<Dose>,
    /// Notes on the regimen (Ph+ options, duration).
    pub regimen_notes: Vec<Sourced>,
    /// Real-world comparison of debulking strategies.
    pub real_world: Vec<Sourced>,
    /// Blast targets before the first infusion.
    pub targets: Vec<Sourced>,
}
