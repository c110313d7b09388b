//! "What the other region says": the same scenario evaluated under the other region's
//! labels, and every therapy whose status or label badge would change, with why.

use serde::Serialize;

use crate::labels::{CheckOutcome, LabelStatus};
use crate::scenario::{Region, Scenario};
use crate::therapy::{Status, Therapy};

/// One therapy whose answer differs between the regions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegionDifference {
    /// The therapy.
    pub therapy: Therapy,
    /// The other region.
    pub region: Region,
    /// Status and badge under the chosen region.
    pub here: (Status, LabelStatus),
    /// Status and badge under the other region.
    pub there: (Status, LabelStatus),
    /// Why, in the other region's label words (its unmet or undecidable conditions; empty
    /// when it is within that label).
    pub why: Vec<crate::Text>,
}

/// Every therapy whose status or label badge changes when `scenario` is evaluated under the
/// other region. Evaluates the scenario twice, so the app computes it apart from the main
/// answer.
pub fn other_region(scenario: &Scenario) -> Vec<RegionDifference> {
    let here = crate::evaluate(scenario);
    let other = Scenario {
        region: scenario.region.other(),
        ..scenario.clone()
    };
    let there = crate::evaluate(&other);
    Therapy::ALL
        .iter()
        .filter_map(|&t| {
            let (a, b) = (here.therapy(t)?, there.therapy(t)?);
            let (h, o) = ((a.status, a.label.status), (b.status, b.label.status));
            (h != o).then(|| RegionDifference {
                therapy: t,
                region: other.region,
                here: h,
                there: o,
                why: b
                    .label
                    .why
                    .iter()
                    .filter(|c| c.outcome != CheckOutcome::OffLabel || o.1 == LabelStatus::Off)
                    .map(|c| c.text.clone())
                    .collect(),
            })
        })
        .collect()
}
