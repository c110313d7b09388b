//! The decision path as a picture: where each node of the diagram sits and which edges join
//! them, computed from a [`Recommendation`]'s trace so the app only draws.
//!
//! Three columns: the inputs the rules read, every rule in [`crate::rules::RULES`] order under
//! its family's heading, and the outcomes (each therapy's status, the pre-phase decision).
//! An edge joins an input to each fired rule that read it, and a fired rule to each outcome it
//! decided. "Decided" is strict: a finding draws an edge only when its effect is what made
//! the therapy's final status (an exclusion to "not eligible", a caution to "caution", a
//! favouring reason to "preferred", a favouring reason or an outstanding test to "option"),
//! so an outweighed reason never points at a status it did not change. Coordinates are whole
//! numbers in the SVG's user units, so drawing them needs no float formatting.

use crate::debulking::DebulkingLevel;
use crate::fields::Field;
use crate::recommendation::Recommendation;
use crate::rule::{Effect, Family, RuleId};
use crate::therapy::{Status, Therapy};

/// Height of one row of the rules column.
pub const ROW: i32 = 22;
/// Left edge of the inputs column.
pub const INPUT_X: i32 = 0;
/// Width of an input node.
pub const INPUT_W: i32 = 200;
/// Left edge of the rules column.
pub const RULE_X: i32 = 250;
/// Width of a rule node.
pub const RULE_W: i32 = 120;
/// Left edge of the outcomes column.
pub const OUTCOME_X: i32 = 420;
/// Width of an outcome node.
pub const OUTCOME_W: i32 = 220;
/// Height of a node (every column).
pub const NODE_H: i32 = 18;
/// Width of the whole drawing.
pub const WIDTH: i32 = OUTCOME_X + OUTCOME_W;

/// An input the rules read, with its value as the engine understood it.
#[derive(Debug, Clone, PartialEq)]
pub struct InputNode {
    /// The field.
    pub field: Field,
    /// "Label = value", as the text list shows it.
    pub text: String,
    /// Top of the node.
    pub y: i32,
    /// Whether a fired rule read it.
    pub used: bool,
}

/// A family heading in the rules column.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyLabel {
    /// The family.
    pub family: Family,
    /// Baseline of the heading.
    pub y: i32,
}

/// One rule of the trace.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleNode {
    /// The rule.
    pub rule: RuleId,
    /// Whether it produced a finding for this patient.
    pub fired: bool,
    /// Top of the node.
    pub y: i32,
}

/// What an outcome node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A therapy's status.
    Therapy(Therapy),
    /// The pre-phase debulking decision (D-rules).
    PrePhase,
}

impl Outcome {
    /// A stable name for the node (test hooks and anchors).
    pub fn slug(self) -> &'static str {
        match self {
            Outcome::Therapy(t) => t.slug(),
            Outcome::PrePhase => "prephase",
        }
    }
}

/// A therapy status or the pre-phase decision, as concluded for this patient.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeNode {
    /// What it stands for.
    pub outcome: Outcome,
    /// "Blinatumomab: Preferred".
    pub text: String,
    /// Top of the node.
    pub y: i32,
}

/// What an edge means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// A fired rule read this input.
    Read,
    /// A fired rule's finding decided this outcome, with the finding's effect
    /// (`Effect::Note` for the pre-phase decision).
    Decided(Effect),
}

/// A line from one node to another, as start and end points.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// The rule at one end (the input's reader, or the deciding rule).
    pub rule: RuleId,
    /// The input read, for [`EdgeKind::Read`].
    pub input: Option<Field>,
    /// The outcome decided, for [`EdgeKind::Decided`].
    pub outcome: Option<Outcome>,
    /// What the edge means.
    pub kind: EdgeKind,
    /// Start point (right side of the left node).
    pub from: (i32, i32),
    /// End point (left side of the right node).
    pub to: (i32, i32),
}

/// The whole diagram for one recommendation.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagram {
    /// Total height of the drawing.
    pub height: i32,
    /// The inputs column, in form order.
    pub inputs: Vec<InputNode>,
    /// The family headings of the rules column.
    pub families: Vec<FamilyLabel>,
    /// The rules column, in trace order.
    pub rules: Vec<RuleNode>,
    /// The outcomes column.
    pub outcomes: Vec<OutcomeNode>,
    /// Every edge.
    pub edges: Vec<Edge>,
}

/// Whether a finding with `effect` is what gave a therapy its final `status`.
pub fn decides(effect: Effect, status: Status) -> bool {
    matches!(
        (effect, status),
        (Effect::Excludes, Status::NotEligible)
            | (Effect::Caution, Status::Caution)
            | (Effect::Favours, Status::Preferred)
            | (Effect::Favours | Effect::NeedsTest, Status::Option)
    )
}

fn centre(y: i32) -> i32 {
    y + NODE_H / 2
}

/// Lays out the diagram of `rec`'s trace.
pub fn diagram(rec: &Recommendation) -> Diagram {
    // Rules column: a heading row before each family's first rule.
    let mut families = Vec::new();
    let mut rules = Vec::with_capacity(rec.trace.len());
    let mut y = 0;
    let mut last_family = None;
    for step in &rec.trace {
        let family = Some(step.rule.family());
        if family != last_family {
            if let Some(family) = family {
                families.push(FamilyLabel {
                    family,
                    y: y + NODE_H - 4,
                });
            }
            y += ROW;
            last_family = family;
        }
        rules.push(RuleNode {
            rule: step.rule,
            fired: step.fired,
            y,
        });
        y += ROW;
    }
    let height = y.max(ROW);

    // Inputs column: every field some rule reads, in form order, spread over the height.
    let fields: Vec<Field> = crate::fields::FIELDS
        .iter()
        .copied()
        .filter(|f| rec.trace.iter().any(|s| s.inputs.contains(f)))
        .collect();
    let used = |f: Field| rec.trace.iter().any(|s| s.fired && s.inputs.contains(&f));
    let spread = |i: usize, n: usize| -> i32 {
        let n = i32::try_from(n.max(1)).unwrap_or(i32::MAX);
        let i = i32::try_from(i).unwrap_or(0);
        (height - NODE_H) * i / (n - 1).max(1)
    };
    let inputs: Vec<InputNode> = fields
        .iter()
        .enumerate()
        .map(|(i, &field)| InputNode {
            field,
            text: format!("{} = {}", field.label(), rec.input(field)),
            y: spread(i, fields.len()),
            used: used(field),
        })
        .collect();

    // Outcomes column: each therapy, then the pre-phase decision, centred vertically.
    let mut outcomes: Vec<OutcomeNode> = rec
        .therapies
        .iter()
        .map(|a| OutcomeNode {
            outcome: Outcome::Therapy(a.therapy),
            text: format!("{}: {}", short_name(a.therapy), a.status.label()),
            y: 0,
        })
        .collect();
    outcomes.push(OutcomeNode {
        outcome: Outcome::PrePhase,
        text: prephase_text(rec.debulking.level).to_string(),
        y: 0,
    });
    let gap = 3 * ROW;
    let span = gap * i32::try_from(outcomes.len().saturating_sub(1)).unwrap_or(0);
    let top = ((height - NODE_H - span) / 2).max(0);
    for (i, o) in outcomes.iter_mut().enumerate() {
        o.y = top + gap * i32::try_from(i).unwrap_or(0);
    }

    let mut edges = Vec::new();
    for (node, step) in rules.iter().zip(&rec.trace) {
        if !step.fired {
            continue;
        }
        let rule_mid = centre(node.y);
        for input in inputs.iter().filter(|i| step.inputs.contains(&i.field)) {
            edges.push(Edge {
                rule: step.rule,
                input: Some(input.field),
                outcome: None,
                kind: EdgeKind::Read,
                from: (INPUT_X + INPUT_W, centre(input.y)),
                to: (RULE_X, rule_mid),
            });
        }
        let mut decided: Vec<(Outcome, Effect)> = Vec::new();
        for finding in rec.outcome(step) {
            let Some(therapy) = finding.therapy else {
                continue;
            };
            let status = rec.therapy(therapy).map(|a| a.status);
            if status.is_some_and(|s| decides(finding.effect, s))
                && !decided.contains(&(Outcome::Therapy(therapy), finding.effect))
            {
                decided.push((Outcome::Therapy(therapy), finding.effect));
            }
        }
        // Only the rules that decided the pre-phase level (D-1, D-2) point at it: D-3 is
        // about inotuzumab and D-PH about the regimen, not whether pre-phase is needed.
        if rec.debulking.reasons.iter().any(|r| r.rule == step.rule) {
            decided.push((Outcome::PrePhase, Effect::Note));
        }
        for (outcome, effect) in decided {
            if let Some(target) = outcomes.iter().find(|o| o.outcome == outcome) {
                edges.push(Edge {
                    rule: step.rule,
                    input: None,
                    outcome: Some(outcome),
                    kind: EdgeKind::Decided(effect),
                    from: (RULE_X + RULE_W, rule_mid),
                    to: (OUTCOME_X, centre(target.y)),
                });
            }
        }
    }

    Diagram {
        height,
        inputs,
        families,
        rules,
        outcomes,
        edges,
    }
}

/// A therapy's name short enough for a node.
pub fn short_name(therapy: Therapy) -> &'static str {
    match therapy {
        Therapy::Blinatumomab => "Blinatumomab",
        Therapy::Inotuzumab => "Inotuzumab",
        Therapy::Tisagenlecleucel => "Tisagenlecleucel",
        Therapy::Brexucabtagene => "Brexucabtagene",
        Therapy::Obecabtagene => "Obecabtagene",
    }
}

fn prephase_text(level: DebulkingLevel) -> &'static str {
    match level {
        DebulkingLevel::Required => "Pre-phase: required",
        DebulkingLevel::Recommended => "Pre-phase: recommended",
        DebulkingLevel::NotNeeded => "Pre-phase: not needed",
        DebulkingLevel::Undetermined => "Pre-phase: undecided",
        DebulkingLevel::NotApplicable => "Pre-phase: not applicable",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{assess, Assessment, RawScenario};

    fn rec(pairs: &[(Field, &str)]) -> Recommendation {
        let mut raw = RawScenario::new();
        for (f, v) in pairs {
            raw.set(*f, *v);
        }
        match assess(&raw) {
            Assessment::Valid(r) => *r,
            Assessment::Invalid(p) => panic!("invalid test scenario: {p:?}"),
        }
    }

    #[test]
    fn decides_matches_the_status_ladder() {
        assert!(decides(Effect::Excludes, Status::NotEligible));
        assert!(!decides(Effect::Favours, Status::NotEligible));
        assert!(!decides(Effect::Caution, Status::Preferred));
        assert!(decides(Effect::NeedsTest, Status::Option));
        assert!(!decides(Effect::Note, Status::Option));
    }

    #[test]
    fn cd19_negative_draws_an_exclusion_edge_to_blinatumomab() {
        let r = rec(&[
            (Field::Age, "40"),
            (Field::Setting, "r2"),
            (Field::Cd19, "neg"),
            (Field::MarrowBlasts, "30"),
        ]);
        let d = diagram(&r);
        assert!(d.edges.iter().any(|e| e.rule == RuleId::ECd19
            && e.outcome == Some(Outcome::Therapy(Therapy::Blinatumomab))
            && e.kind == EdgeKind::Decided(Effect::Excludes)));
    }
}
