//! What the engine returns: per-therapy statuses with reasons, conflicts, notes, debulking,
//! the blinatumomab schedule and the trace of every rule evaluated. Plain data, public fields.

use serde::Serialize;

use crate::debulking::Debulking;
use crate::dosing::{BlinatumomabSchedule, Bsa};
use crate::evidence::Citation;
use crate::fields::Field;
use crate::rule::{Effect, RuleId};
use crate::therapy::{Status, Therapy};

/// A reason shown to the user: which rule, what it concluded, and its sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// The rule that produced it.
    pub rule: RuleId,
    /// What it does to the status.
    pub effect: Effect,
    /// The conclusion in plain language.
    pub text: String,
    /// Its sources (never empty).
    pub sources: Vec<Citation>,
}

/// The assessment of one therapy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TherapyAssessment {
    /// Which therapy.
    pub therapy: Therapy,
    /// Its status.
    pub status: Status,
    /// Every reason that bears on it, in rule order (status-deciding ones included).
    pub reasons: Vec<Reason>,
    /// Tests still needed before the therapy can be fully judged.
    pub tests_needed: Vec<Reason>,
}

/// One side of a conflict: a therapy and the preference reasons that favour it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConflictSide {
    /// The favoured therapy.
    pub therapy: Therapy,
    /// The preference reasons favouring it.
    pub reasons: Vec<Reason>,
}

/// Preference rules favouring different eligible therapies. Neither side is marked preferred
/// because of them; both are shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// The sides, each with its reasons and sources (at least two).
    pub sides: Vec<ConflictSide>,
}

/// One rule evaluated, in evaluation order, for the decision path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceStep {
    /// The rule.
    pub rule: RuleId,
    /// Whether it fired (produced at least one finding).
    pub fired: bool,
    /// The inputs it read, as `(field, value as understood)`.
    pub inputs: Vec<(Field, String)>,
    /// What it concluded, one line per finding (empty when it did not fire).
    pub outcome: Vec<String>,
}

/// Everything the engine concludes for a valid scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    /// One assessment per therapy, in [`Therapy::ALL`] order.
    pub therapies: Vec<TherapyAssessment>,
    /// Conflicts between preference rules, if any.
    pub conflicts: Vec<Conflict>,
    /// Notes about the patient as a whole (Ph+, KMT2A, ...).
    pub notes: Vec<Reason>,
    /// Pre-phase debulking before blinatumomab.
    pub debulking: Debulking,
    /// Body surface area, when weight and height are given.
    pub bsa: Option<Bsa>,
    /// The blinatumomab schedule for this patient.
    pub schedule: BlinatumomabSchedule,
    /// Every rule evaluated, in order.
    pub trace: Vec<TraceStep>,
}

impl Recommendation {
    /// The assessment of `therapy`.
    pub fn therapy(&self, therapy: Therapy) -> Option<&TherapyAssessment> {
        self.therapies.iter().find(|a| a.therapy == therapy)
    }
}
