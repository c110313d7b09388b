//! Every rule of the clinical specification, one item each, grouped by family, and
//! [`RULES`], the one list that fixes evaluation and display order.
//!
//! - [`eligibility`]: E-* — target markers and each region's labels (via [`crate::labels`]);
//! - [`preferences`]: P-* rules that change a status (caution, favours);
//! - [`notes`]: P-* rules that add context without changing a status;
//! - [`car_t`]: P-CART-* notes for each CAR-T product;
//! - [`prephase`]: D-* — debulking before blinatumomab, cytoreduction before inotuzumab.
//!
//! A rule's `eval` reads only the validated [`Scenario`] and returns findings; it never
//! decides a status itself (that is [`crate::evaluate`]'s job), so each rule can be read and
//! tested alone. Unknown values never fire a favouring finding: where a rule needs a value
//! the user has not given, it names the test instead. Each rule's quotes sit beside it.

pub mod car_t;
pub mod eligibility;
pub mod notes;
pub mod preferences;
pub mod prephase;

pub use car_t::*;
pub use eligibility::*;
pub use notes::*;
pub(crate) use preferences::L_INO_CYCLES;
pub use preferences::*;
pub use prephase::*;

use crate::display::exact;
use crate::evidence::Citation;
use crate::rule::{Effect, Finding, Rule, RuleId};
use crate::scenario::{Marker, Region, Scenario};
use crate::therapy::Therapy;
use crate::thresholds::MARKER_POSITIVE_PCT;

/// The version of the rule set: the version of the clinical specification these rules
/// encode. Bump it when a rule is added or removed or what a rule decides changes; a change of
/// a fact or quote alone bumps [`crate::evidence::SNAPSHOT_VERSION`] instead.
pub const RULE_SET_VERSION: &str = "2";

/// Every rule in evaluation and display order: eligibility, then preferences and cautions,
/// then notes, then pre-phase.
pub const RULES: &[Rule] = &[
    E_CD19,
    E_CD22,
    E_INO_AGE,
    E_INO_MRD,
    E_INO_LIVER,
    E_INO_LABEL,
    E_BLIN_LABEL,
    E_CART,
    P_HSCT,
    P_VOD,
    P_BURDEN,
    P_CNS,
    P_NEURO_HX,
    P_MRD,
    P_PRIOR_RESP,
    P_POST_HSCT,
    P_RENAL,
    P_MRD_LOW,
    P_PH,
    P_PH_UNK,
    P_PH_ELDERLY,
    P_LINES,
    P_TREG_LDH,
    P_KMT2A,
    P_PRIOR_CD19,
    P_HSCT_CAND,
    P_TRIAL_POP,
    P_AGE,
    P_CART_LOGISTICS,
    P_CART_NEURO,
    P_CART_AGE,
    D_1,
    D_2,
    D_3,
    D_PH,
];

/// The rule with this ID.
pub fn rule(id: RuleId) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// A finding that applies no label.
fn finding(
    therapy: Option<Therapy>,
    effect: Effect,
    text: impl Into<crate::Text>,
    sources: &'static [Citation],
) -> Finding {
    Finding {
        therapy,
        effect,
        text: text.into(),
        sources,
        region: None,
    }
}

/// An eligibility finding, naming the region whose label it applied.
fn finding_in(
    region: Region,
    therapy: Option<Therapy>,
    effect: Effect,
    text: impl Into<crate::Text>,
    sources: &'static [Citation],
) -> Finding {
    Finding {
        region: Some(region),
        ..finding(therapy, effect, text, sources)
    }
}

/// The CD19-directed therapies: blinatumomab and every CAR-T product.
pub(crate) const CD19_DIRECTED: [Therapy; 4] = [
    Therapy::Blinatumomab,
    Therapy::Tisagenlecleucel,
    Therapy::Brexucabtagene,
    Therapy::Obecabtagene,
];

/// Findings of a target-antigen rule for the therapies aimed at it.
fn marker_findings(
    s: &Scenario,
    marker: Marker,
    antigen: &str,
    therapies: &[Therapy],
    sources: &'static [Citation],
) -> Vec<Finding> {
    let (effect, text) = match marker {
        Marker::Negative => (
            Effect::Excludes,
            format!("{antigen} negative: a {antigen}-directed therapy has no target."),
        ),
        Marker::Low { pct } => (
            Effect::Caution,
            format!(
                "{antigen} on {}% of blasts, below the {}% that counts as positive: low expression, response uncertain.",
                exact(pct),
                exact(MARKER_POSITIVE_PCT)
            ),
        ),
        Marker::Unknown => (
            Effect::NeedsTest,
            format!("{antigen} by flow cytometry is needed before a {antigen}-directed therapy."),
        ),
        Marker::Positive { .. } => return Vec::new(),
    };
    therapies
        .iter()
        .map(|&t| finding_in(s.region, Some(t), effect, text.clone(), sources))
        .collect()
}

/// Tests of the rules one by one, and what they share: a patient with everything known and
/// unremarkable, and the effects or texts one rule finds for one therapy.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Family;
    use crate::scenario::{
        Cns, CrNumber, Extramedullary, Ldh, Liver, Ph, PriorExposure, Reinduction, Setting,
        TransplantPlan, YesNo,
    };

    /// 20 years (within every US label), second relapse, US; both markers positive and every
    /// other value known and unremarkable, so a rule's test changes only what the rule reads.
    pub(in crate::rules) fn base() -> Scenario {
        Scenario {
            cd19: Marker::Positive { pct: None },
            cd22: Marker::Positive { pct: None },
            ph: Ph::Negative,
            cr_number: CrNumber::First,
            reinduction: Reinduction::Refractory,
            marrow_blasts_pct: Some(10.0),
            peripheral_blasts_per_ul: Some(0.0),
            ldh: Ldh::Normal,
            extramedullary: Extramedullary::None,
            cns: Cns::None,
            transplant: TransplantPlan::NotCandidate,
            prior_hsct: YesNo::No,
            prior_lines: Some(2),
            prior_blinatumomab: PriorExposure::No,
            prior_inotuzumab: PriorExposure::No,
            prior_cart: PriorExposure::No,
            kmt2a: YesNo::No,
            treg_pct: Some(5.0),
            crcl_ml_min: Some(100.0),
            dialysis: YesNo::No,
            liver: Liver::None,
            ..Scenario::unknown(20.0, Setting::SecondOrLaterRelapse)
        }
    }

    /// [`base`] in the EU (where brexucabtagene and obecabtagene start at 26).
    pub(in crate::rules) fn eu() -> Scenario {
        Scenario {
            region: Region::Eu,
            ..base()
        }
    }

    /// [`base`], MRD-positive in CR1 at MRD 0.5%.
    pub(in crate::rules) fn mrd() -> Scenario {
        Scenario {
            setting: Setting::MrdPositiveCr,
            mrd_fraction: Some(5e-3),
            marrow_blasts_pct: Some(1.0),
            ..base()
        }
    }

    /// The effects `rule` finds for `therapy` (`None`: the general notes) in `s`.
    pub(in crate::rules) fn effects(
        rule: &Rule,
        s: &Scenario,
        therapy: Option<Therapy>,
    ) -> Vec<Effect> {
        (rule.eval)(s)
            .into_iter()
            .filter(|f| f.therapy == therapy)
            .map(|f| f.effect)
            .collect()
    }

    /// The texts `rule` gives for `therapy` in `s`.
    pub(in crate::rules) fn texts(
        rule: &Rule,
        s: &Scenario,
        therapy: Option<Therapy>,
    ) -> Vec<String> {
        (rule.eval)(s)
            .into_iter()
            .filter(|f| f.therapy == therapy)
            .map(|f| f.text.into_owned())
            .collect()
    }

    /// Whether `rule` finds nothing in `s`.
    pub(in crate::rules) fn silent(rule: &Rule, s: &Scenario) -> bool {
        (rule.eval)(s).is_empty()
    }

    pub(in crate::rules) const BLINA: Option<Therapy> = Some(Therapy::Blinatumomab);
    pub(in crate::rules) const INO: Option<Therapy> = Some(Therapy::Inotuzumab);
    pub(in crate::rules) const TISA: Option<Therapy> = Some(Therapy::Tisagenlecleucel);
    pub(in crate::rules) const BREXU: Option<Therapy> = Some(Therapy::Brexucabtagene);
    pub(in crate::rules) const OBE: Option<Therapy> = Some(Therapy::Obecabtagene);

    #[test]
    fn rules_are_listed_once_by_family() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(
                !RULES[..i].iter().any(|o| o.id == r.id),
                "{} twice",
                r.id.as_str()
            );
            assert_eq!(rule(r.id).map(|f| f.id), Some(r.id));
            assert!(
                !r.sources.is_empty() && !r.reads.is_empty(),
                "{}",
                r.id.as_str()
            );
        }
        // Eligibility first, then preferences and cautions, notes, pre-phase.
        let families: Vec<Family> = RULES.iter().map(|r| r.id.family()).collect();
        assert!(families.windows(2).all(|w| w[0] <= w[1]), "{families:?}");
    }

    #[test]
    fn the_base_patient_sets_off_no_rule_that_changes_a_status() {
        for s in [base(), eu()] {
            for r in RULES {
                for f in (r.eval)(&s) {
                    let eu_adult_car_t = s.region == Region::Eu
                        && r.id == RuleId::ECart
                        && (f.therapy == BREXU || f.therapy == OBE);
                    assert!(
                        f.effect == Effect::Note || eu_adult_car_t,
                        "{} finds {:?} in the base patient: {}",
                        r.id.as_str(),
                        f.effect,
                        f.text
                    );
                }
            }
        }
    }

    #[test]
    fn marker_findings_by_expression() {
        let find = |marker| marker_findings(&base(), marker, "CD19", &CD19_DIRECTED, &[]);
        let negative = find(Marker::Negative);
        assert_eq!(negative.len(), 4);
        assert!(negative
            .iter()
            .all(|f| f.effect == Effect::Excludes && f.region == Some(Region::Us)));
        // Just under the 20% that counts as positive: low, with both numbers as entered.
        let low = find(Marker::Low { pct: 19.996 });
        assert!(low.iter().all(|f| f.effect == Effect::Caution));
        assert!(
            low[0]
                .text
                .starts_with("CD19 on 19.996% of blasts, below the 20%"),
            "{}",
            low[0].text
        );
        assert!(find(Marker::Unknown)
            .iter()
            .all(|f| f.effect == Effect::NeedsTest));
        assert!(find(Marker::Positive { pct: Some(20.0) }).is_empty());
        assert!(find(Marker::Positive { pct: None }).is_empty());
    }

    #[test]
    fn unknown_values_never_favour() {
        // With every value this module's rules read unknown, no rule favours a therapy.
        for setting in [Setting::SecondOrLaterRelapse, Setting::MrdPositiveCr] {
            for region in Region::ALL {
                let s = Scenario {
                    region,
                    ..Scenario::unknown(40.0, setting)
                };
                for r in RULES {
                    assert!(
                        !(r.eval)(&s).iter().any(|f| f.effect == Effect::Favours),
                        "{} favours on unknowns",
                        r.id.as_str()
                    );
                }
            }
        }
    }
}
