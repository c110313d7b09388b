//! Evaluation: runs every rule of [`crate::rules::RULES`] in order and turns the findings
//! into statuses, label badges, conflicts, notes, pre-phase, the schedules and the trace.
//!
//! Status, from the specification: an excluding finding makes a therapy not eligible; else a
//! caution makes it "caution"; else a favouring finding makes it preferred, unless another
//! eligible therapy is favoured too (a conflict, shown with both sides) or a test is still
//! needed; else it is an option.

use crate::debulking;
use crate::dosing::{self, Plan};
use crate::labels;
use crate::plausibility;
use crate::recommendation::{
    Conflict, ConflictSide, Reason, Recommendation, TherapyAssessment, TraceFinding, TraceStep,
};
use crate::rule::{Effect, Family};
use crate::rules::RULES;
use crate::scenario::Scenario;
use crate::therapy::{Status, Therapy};

/// Evaluates every rule for a validated scenario under its region's labels. Deterministic;
/// never panics.
pub fn evaluate(scenario: &Scenario) -> Recommendation {
    let bsa = dosing::bsa(scenario);
    let mut trace = Vec::with_capacity(RULES.len());
    // Sized for the most complex scenarios, like the buckets below.
    let mut trace_findings = Vec::with_capacity(48);
    // Reasons bucketed as they are found (one bucket per therapy, in Therapy::ALL order),
    // so nothing is cloned per therapy.
    // Sized for the most complex scenarios, so the pushes below seldom reallocate.
    let mut buckets: Vec<Vec<Reason>> = (0..Therapy::ALL.len())
        .map(|_| Vec::with_capacity(12))
        .collect();
    let mut notes = Vec::with_capacity(12);
    let mut prephase_reasons = Vec::with_capacity(4);
    for rule in RULES {
        let found = (rule.eval)(scenario);
        let first = trace_findings.len();
        for f in found {
            trace_findings.push(TraceFinding {
                therapy: f.therapy,
                effect: f.effect,
            });
            let reason = Reason {
                rule: rule.id,
                effect: f.effect,
                text: f.text,
                sources: f.sources,
                region: f.region,
            };
            if rule.id.family() == Family::PrePhase {
                prephase_reasons.push(reason.clone());
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
            fired: trace_findings.len() > first,
            inputs: rule.reads,
            findings: first..trace_findings.len(),
        });
    }

    let mut effects = [EffectSet::default(); Therapy::ALL.len()];
    for (set, bucket) in effects.iter_mut().zip(&buckets) {
        bucket.iter().for_each(|r| set.insert(r.effect));
    }
    let (statuses, sides_of) = statuses(&effects);
    let therapies: Vec<TherapyAssessment> = Therapy::ALL
        .iter()
        .zip(buckets)
        .zip(statuses)
        .map(|((&t, all), status)| assess_one(t, all, status, scenario))
        .collect();

    // Favouring rules for different eligible therapies are a conflict: both sides are shown
    // (and `statuses` has marked neither preferred on their strength).
    let sides: Vec<ConflictSide> = therapies
        .iter()
        .zip(&sides_of)
        .filter(|(_, &side)| side)
        .map(|(a, _)| ConflictSide {
            therapy: a.therapy,
            reasons: a
                .reasons
                .iter()
                .filter(|r| r.effect == Effect::Favours)
                .cloned()
                .collect(),
        })
        .collect();
    let conflicts = if sides.is_empty() {
        Vec::new()
    } else {
        vec![Conflict { sides }]
    };

    let plan_of = |t: Therapy| {
        if therapies
            .iter()
            .any(|a| a.therapy == t && a.status == Status::NotEligible)
        {
            Plan::Reference
        } else {
            Plan::Active
        }
    };
    let blinatumomab_plan = plan_of(Therapy::Blinatumomab);
    let inotuzumab_plan = plan_of(Therapy::Inotuzumab);
    let all_excluded = therapies
        .iter()
        .all(|a| a.status == Status::NotEligible)
        .then(|| {
            let mut once: Vec<Reason> = Vec::new();
            for r in therapies
                .iter()
                .flat_map(|a| &a.reasons)
                .filter(|r| r.effect == Effect::Excludes)
            {
                if !once.iter().any(|o| o.text == r.text) {
                    once.push(r.clone());
                }
            }
            once
        });

    Recommendation {
        therapies,
        conflicts,
        notes,
        debulking: debulking::advise(scenario, bsa.as_ref(), prephase_reasons, blinatumomab_plan),
        schedule: dosing::blinatumomab_schedule(scenario, bsa.as_ref(), blinatumomab_plan),
        inotuzumab: dosing::inotuzumab_schedule(scenario, bsa.as_ref(), inotuzumab_plan),
        warnings: plausibility::check(scenario),
        all_excluded,
        bsa,
        trace,
        trace_findings,
        scenario: scenario.clone(),
    }
}

/// The effects found for one therapy, as a set: all its status depends on.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct EffectSet(u8);

impl EffectSet {
    /// Adds `effect`.
    pub(crate) fn insert(&mut self, effect: Effect) {
        self.0 |= 1 << effect as u8;
    }

    /// Whether `effect` was found.
    fn has(self, effect: Effect) -> bool {
        self.0 & (1 << effect as u8) != 0
    }
}

/// The statuses of the therapies (in [`Therapy::ALL`] order) from the effects found for
/// each: the status ladder, then the conflict rule. Also says, per therapy, whether it is a
/// side of a conflict (all `false` when there is none). The one place statuses are decided:
/// [`evaluate`] and the what-if search both read it.
///
/// Ladder: an excluding finding → not eligible; else a caution → caution; else a favouring
/// finding with no test outstanding → preferred; else option. Conflict: when favouring
/// findings fall on two or more eligible therapies, none of them is preferred on their
/// strength.
pub(crate) fn statuses(effects: &[EffectSet]) -> (Vec<Status>, Vec<bool>) {
    let mut statuses: Vec<Status> = effects
        .iter()
        .map(|&found| {
            let has = |e: Effect| found.has(e);
            if has(Effect::Excludes) {
                Status::NotEligible
            } else if has(Effect::Caution) {
                Status::Caution
            } else if has(Effect::Favours) && !has(Effect::NeedsTest) {
                Status::Preferred
            } else {
                Status::Option
            }
        })
        .collect();
    let mut sides: Vec<bool> = statuses
        .iter()
        .zip(effects)
        .map(|(s, found)| *s != Status::NotEligible && found.has(Effect::Favours))
        .collect();
    if sides.iter().filter(|&&side| side).count() >= 2 {
        for (status, &side) in statuses.iter_mut().zip(&sides) {
            if side && *status == Status::Preferred {
                *status = Status::Option;
            }
        }
    } else {
        sides.iter_mut().for_each(|side| *side = false);
    }
    (statuses, sides)
}

/// One therapy's card for its `status`, with the excluding reasons first on a not-eligible
/// card and what cannot change that status set aside.
fn assess_one(
    therapy: Therapy,
    mut all: Vec<Reason>,
    status: Status,
    scenario: &Scenario,
) -> TherapyAssessment {
    // The reasons are put in display order in place (rule order kept within a group), then
    // cut: one allocation per list.
    // A test cannot change "not eligible" (exclusions rest on known values only), and a
    // reason that favours an excluded therapy would only mislead: both are set aside (tests
    // first), and the excluding reasons come first, as they are why the card says what it
    // says.
    let excluded = status == Status::NotEligible;
    let group = |r: &Reason| match r.effect {
        Effect::Excludes if excluded => 0,
        Effect::NeedsTest if excluded => 3,
        Effect::Favours if excluded => 4,
        Effect::NeedsTest => 2,
        _ => 1,
    };
    // An insertion sort, stable and allocation-free: a card has a dozen reasons at most,
    // and the standard library's stable sort would add 2 KB to the app for them.
    for i in 1..all.len() {
        let mut j = i;
        while j > 0 && group(&all[j - 1]) > group(&all[j]) {
            all.swap(j - 1, j);
            j -= 1;
        }
    }
    let kept = all.iter().take_while(|r| group(r) < 2).count();
    // `kept` never passes the length; saying so lets the compiler drop the bounds panic.
    let rest = all.split_off(kept.min(all.len()));
    let (tests_needed, set_aside) = if excluded {
        (Vec::new(), rest)
    } else {
        (rest, Vec::new())
    };
    let reasons = all;
    TherapyAssessment {
        therapy,
        status,
        reasons,
        tests_needed,
        set_aside,
        label: labels::verdict(therapy, scenario),
    }
}
