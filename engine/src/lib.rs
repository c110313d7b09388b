//! The decision engine for relapsed/refractory and MRD-positive B-cell ALL.
//!
//! Plain data in, plain data out, and it cannot fail: [`assess`] turns the field texts a user
//! entered into either a list of problems naming their fields, or a [`Recommendation`] for
//! blinatumomab, inotuzumab ozogamicin and each CD19 CAR-T product, with reasons, sources,
//! debulking, the blinatumomab schedule and the trace of every rule evaluated.
//! No web dependency: the app renders what this crate returns.

pub mod charts;
pub mod compare;
pub mod debulking;
pub mod decimal;
pub mod describe;
pub mod diagram;
pub mod display;
pub mod documents;
pub mod dosing;
pub mod evaluate;
pub mod evidence;
pub mod exchange;
pub mod fields;
pub mod label_changes;
pub mod labels;
pub mod plausibility;
pub mod query;
pub mod readable;
pub mod recommendation;
pub mod regions;
pub mod rule;
pub mod rules;
pub mod scenario;
pub mod teaching;
pub mod therapy;
pub mod thresholds;
pub mod validate;
pub mod what_if;

pub use evaluate::evaluate;

/// A text the engine shows: most are fixed sentences, borrowed for free; those with the
/// patient's values are built once per evaluation.
pub type Text = std::borrow::Cow<'static, str>;
pub use fields::{Field, FieldKind, Group, FIELDS};
pub use recommendation::Recommendation;
pub use scenario::{RawScenario, Region, Scenario};
pub use therapy::{Status, Therapy};
pub use validate::{validate, Problem, ProblemKind};

use serde::Serialize;

/// The outcome of assessing raw input: problems, or a recommendation — never both.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Assessment {
    /// The input cannot be assessed until these problems are fixed.
    Invalid(Vec<Problem>),
    /// The input is valid; here is what the engine concludes.
    Valid(Box<Recommendation>),
}

/// Validates `raw` and, if valid, evaluates every rule.
pub fn assess(raw: &RawScenario) -> Assessment {
    match validate(raw) {
        Ok(scenario) => Assessment::Valid(Box::new(evaluate(&scenario))),
        Err(problems) => Assessment::Invalid(problems),
    }
}
