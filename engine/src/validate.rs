//! Validation: raw field texts → a [`Scenario`], or every problem found, each naming its
//! field in words a clinician understands. Never panics, whatever the text.

use serde::Serialize;

use crate::fields::Field;
use crate::scenario::{RawScenario, Scenario};

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ProblemKind {
    /// A required value is not given.
    Missing,
    /// The text is not a value of the field (not a number, out of range, unknown choice).
    Invalid,
    /// The value contradicts another field.
    Inconsistent,
}

/// One problem with the input, tied to the field the user must fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The field to fix.
    pub field: Field,
    /// Missing, invalid or inconsistent.
    pub kind: ProblemKind,
    /// The message, naming the field ("Marrow blasts: 150 is above 100%.").
    pub message: String,
}

/// Validates every field of `raw`; returns the scenario or all problems found.
pub fn validate(raw: &RawScenario) -> Result<Scenario, Vec<Problem>> {
    let _ = raw;
    todo!("validation")
}
