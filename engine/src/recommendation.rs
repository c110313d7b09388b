//! What the engine returns: per-therapy statuses with reasons, conflicts, notes, debulking,
//! the blinatumomab schedule and the trace of every rule evaluated. Plain data, public fields.

use serde::Serialize;

use crate::debulking::Debulking;
use crate::dosing::{BlinatumomabSchedule, Bsa, InotuzumabSchedule};
use crate::evidence::Citation;
use crate::fields::Field;
use crate::labels::LabelVerdict;
use crate::plausibility::Warning;
use crate::rule::{Effect, RuleId};
use crate::scenario::Scenario;
use crate::therapy::{Status, Therapy};

/// A reason shown to the user: which rule, what it concluded, and its sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// The rule that produced it.
    pub rule: RuleId,
    /// What it does to the status.
    pub effect: Effect,
    /// The conclusion in plain language.
    pub text: crate::Text,
    /// Its sources (never empty).
    pub sources: &'static [Citation],
    /// The region whose label it applied (every eligibility reason names one).
    pub region: Option<crate::scenario::Region>,
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
    /// What cannot change a "not eligible" status — tests still asked for, and reasons that
    /// would favour the therapy — kept for the decision path, not shown on the card as such.
    pub set_aside: Vec<Reason>,
    /// Whether this use is within the chosen region's label, and the label's condition.
    pub label: LabelVerdict,
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
    /// The fields it read; [`Recommendation::input`] gives each value as understood.
    pub inputs: &'static [Field],
    /// Where its findings sit in [`Recommendation::trace_findings`] (empty when it did not
    /// fire); [`Recommendation::outcome`] gives them. The findings' words are the rule's
    /// reasons, given by [`Recommendation::reasons_of`].
    pub findings: std::ops::Range<usize>,
}

/// One finding of a rule in the trace: for which therapy (none for a general note) and with
/// what effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TraceFinding {
    /// The therapy it concerns, or `None` for a note on the whole scenario.
    pub therapy: Option<Therapy>,
    /// What it does to that therapy.
    pub effect: Effect,
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
    /// The inotuzumab schedule for this patient.
    pub inotuzumab: InotuzumabSchedule,
    /// Weight, height and age that do not fit together (shown beside the BSA and doses).
    pub warnings: Vec<Warning>,
    /// When every therapy is not eligible: the excluding reasons, each once.
    pub all_excluded: Option<Vec<Reason>>,
    /// Every rule evaluated, in order.
    pub trace: Vec<TraceStep>,
    /// The findings of every rule that fired, in trace order, one entry per finding: one
    /// list for the whole trace, so a rule that fires costs no allocation of its own.
    pub trace_findings: Vec<TraceFinding>,
    /// The validated scenario all of the above was computed from.
    pub scenario: Scenario,
}

impl Recommendation {
    /// What the rule of `step` found, one entry per finding (empty when it did not fire).
    pub fn outcome(&self, step: &TraceStep) -> &[TraceFinding] {
        self.trace_findings
            .get(step.findings.clone())
            .unwrap_or_default()
    }

    /// The assessment of `therapy`.
    pub fn therapy(&self, therapy: Therapy) -> Option<&TherapyAssessment> {
        self.therapies.iter().find(|a| a.therapy == therapy)
    }

    /// A field's value as the rules understood it ("Marrow blasts: 62%"), for the trace.
    pub fn input(&self, field: Field) -> String {
        crate::describe::describe(field, &self.scenario)
    }

    /// The rules still asking for a test or value on an eligible therapy, each once (Ph is
    /// asked on every card but is one question), in therapy then rule order.
    pub fn open_questions(&self) -> Vec<RuleId> {
        let mut asked: Vec<RuleId> = Vec::new();
        for a in self
            .therapies
            .iter()
            .filter(|a| a.status != Status::NotEligible)
        {
            for r in &a.tests_needed {
                if !asked.contains(&r.rule) {
                    asked.push(r.rule);
                }
            }
        }
        asked
    }

    /// Every reason `rule` gave, with the therapy it concerns (`None` for a general note),
    /// in [`Therapy::ALL`] order then the notes: the words behind the trace's findings.
    pub fn reasons_of(&self, rule: RuleId) -> Vec<(Option<Therapy>, &Reason)> {
        let for_therapies = self.therapies.iter().flat_map(|a| {
            a.reasons
                .iter()
                .chain(&a.tests_needed)
                .chain(&a.set_aside)
                .map(move |r| (Some(a.therapy), r))
        });
        let general = self.notes.iter().map(|r| (None, r));
        for_therapies
            .chain(general)
            .filter(|(_, r)| r.rule == rule)
            .collect()
    }
}
