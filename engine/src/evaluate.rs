//! Evaluation: runs every rule of [`crate::rules::RULES`] in order and turns the findings
//! into statuses, conflicts, notes, debulking, the schedule and the trace.
//!
//! Status, from the specification: an excluding finding makes a therapy not eligible; else a
//! caution makes it "caution"; else a favouring finding makes it preferred, unless another
//! eligible therapy is favoured too (a conflict, shown with both sides) or a test is still
//! needed; else it is an option.

use crate::debulking;
use crate::dosing;
use crate::recommendation::{
    Conflict, ConflictSide, Reason, Recommendation, TherapyAssessment, TraceFinding, TraceStep,
};
use crate::rule::{Effect, RuleId};
use crate::rules::RULES;
use crate::scenario::Scenario;
use crate::therapy::{Status, Therapy};

/// Evaluates every rule for a validated scenario. Deterministic; never panics.
pub fn evaluate(scenario: &Scenario) -> Recommendation {
    let bsa = dosing::bsa(scenario);
    let mut trace = Vec::with_capacity(RULES.len());
    // Reasons bucketed as they are found (one bucket per therapy, in Therapy::ALL order),
    // so nothing is cloned per therapy.
    let mut buckets: Vec<Vec<Reason>> = vec![Vec::new(); Therapy::ALL.len()];
    let mut notes = Vec::new();
    let mut debulking_reasons = Vec::new();
    for rule in RULES {
        let found = (rule.eval)(scenario);
        let mut outcome = Vec::with_capacity(found.len());
        for f in found {
            outcome.push(TraceFinding {
                therapy: f.therapy,
                effect: f.effect,
            });
            let reason = Reason {
                rule: rule.id,
                effect: f.effect,
                text: f.text,
                sources: f.sources,
            };
            if matches!(rule.id, RuleId::D1 | RuleId::D2) {
                debulking_reasons.push(reason.clone());
            }
            match f
                .therapy
                .and_then(|t| Therapy::ALL.iter().position(|&x| x == t))
            {
                Some(i) => {
                    if let Some(bucket) = buckets.get_mut(i) {
                        bucket.push(reason);
                    }
                }
                None => notes.push(reason),
            }
        }
        trace.push(TraceStep {
            rule: rule.id,
            fired: !outcome.is_empty(),
            inputs: rule.reads,
            outcome,
        });
    }

    let mut therapies: Vec<TherapyAssessment> = Therapy::ALL
        .iter()
        .zip(buckets)
        .map(|(&t, all)| {
            let (mut tests_needed, reasons): (Vec<Reason>, Vec<Reason>) =
                all.into_iter().partition(|r| r.effect == Effect::NeedsTest);
            let has = |e: Effect| reasons.iter().any(|r| r.effect == e);
            let status = if has(Effect::Excludes) {
                Status::NotEligible
            } else if has(Effect::Caution) {
                Status::Caution
            } else if has(Effect::Favours) && tests_needed.is_empty() {
                Status::Preferred
            } else {
                Status::Option
            };
            // A test cannot change "not eligible" (exclusions rest on known values only),
            // so asking for it would only distract.
            let set_aside = if status == Status::NotEligible {
                std::mem::take(&mut tests_needed)
            } else {
                Vec::new()
            };
            TherapyAssessment {
                therapy: t,
                status,
                reasons,
                tests_needed,
                set_aside,
                indication: crate::indication::indication(t),
            }
        })
        .collect();

    // Favouring rules for different eligible therapies are a conflict: both sides are shown
    // and neither is preferred on their strength.
    let sides: Vec<ConflictSide> = therapies
        .iter()
        .filter(|a| a.status != Status::NotEligible)
        .filter_map(|a| {
            let reasons: Vec<Reason> = a
                .reasons
                .iter()
                .filter(|r| r.effect == Effect::Favours)
                .cloned()
                .collect();
            (!reasons.is_empty()).then_some(ConflictSide {
                therapy: a.therapy,
                reasons,
            })
        })
        .collect();
    let conflicts = if sides.len() >= 2 {
        for a in &mut therapies {
            if a.status == Status::Preferred && sides.iter().any(|s| s.therapy == a.therapy) {
                a.status = Status::Option;
            }
        }
        vec![Conflict { sides }]
    } else {
        Vec::new()
    };

    Recommendation {
        therapies,
        conflicts,
        notes,
        debulking: debulking::advise(scenario, bsa.as_ref(), debulking_reasons),
        schedule: dosing::blinatumomab_schedule(scenario, bsa.as_ref()),
        bsa,
        trace,
        scenario: scenario.clone(),
    }
}
