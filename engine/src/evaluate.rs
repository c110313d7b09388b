//! Evaluation: runs every rule of [`crate::rules::RULES`] in order and turns the findings
//! into statuses, conflicts, notes, debulking, the schedule and the trace.

use crate::recommendation::Recommendation;
use crate::scenario::Scenario;

/// Evaluates every rule for a validated scenario. Deterministic; never panics.
pub fn evaluate(scenario: &Scenario) -> Recommendation {
    let _ = scenario;
    todo!("evaluation")
}
