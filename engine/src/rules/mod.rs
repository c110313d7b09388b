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
pub use preferences::*;
pub(crate) use preferences::L_INO_CYCLES;
pub use prephase::*;

use crate::display::exact;
use crate::evidence::Citation;
use crate::rule::{Effect, Finding, Rule, RuleId};
use crate::scenario::{Marker, Region, Scenario};
use crate::therapy::Therapy;
use crate::thresholds::MARKER_POSITIVE_PCT;

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
    text: String,
    sources: &'static [Citation],
) -> Finding {
    Finding {
        therapy,
        effect,
        text,
        sources,
        region: None,
    }
}

/// An eligibility finding, naming the region whose label it applied.
fn finding_in(
    region: Region,
    therapy: Option<Therapy>,
    effect: Effect,
    text: String,
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
