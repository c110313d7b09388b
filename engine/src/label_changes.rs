//! The label changes since the source papers: every place where a current label differs from
//! what a paper states, with the paper's words, the current fact, its document and the date
//! checked. It is built from the same citations the rules cite, so it cannot drift from them:
//! the evidence snapshot's changelog.

use serde::Serialize;

use crate::documents::DOC_BLINCYTO_CONSOLIDATION_EU;
use crate::evidence::{cite, fact, Citation, SourceKey::*};
use crate::labels::*;

/// One change: what the papers said, and what the labels say now.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LabelChange {
    /// What changed, in a few words.
    pub topic: &'static str,
    /// The papers' words, or nothing where the papers are silent.
    pub papers: &'static [Citation],
    /// The current facts, each citing its public document (US and EU where both are known).
    pub now: &'static [Citation],
    /// What it means for the aid.
    pub effect: &'static str,
}

const Q_CART_ONLY_S2: Citation = cite(
    S2,
    "CAR-T cell therapy is currently only approved for patients aged 21 years old and younger",
);
const Q_MRD_2018_S2: Citation = cite(
    S2,
    "blinatumomab received FDA approval in 2018 for patients with B-ALL in CR with MRD 10^{-3} (0.1%) or greater.",
);
const Q_INO_ADULTS_S2: Citation = cite(
    S2,
    "Inotuzumab ozogamicin in adults with relapsed or refractory CD22-positive acute lymphoblastic leukemia: a Phase 1/2 study.",
);
const Q_FRONTLINE_S2: Citation = cite(
    S2,
    "the potential role of blinatumomab in the frontline setting",
);
const Q_PH_BOTH_S2: Citation = cite(
    S2,
    "In addition to being approved for both Philadelphia chromosome-negative and Philadelphia chromosome-positive R/R B-ALL",
);
const L_CONSOLIDATION_EU: Citation = fact(
    &DOC_BLINCYTO_CONSOLIDATION_EU,
    "EU: consolidation in adults with newly diagnosed Ph-negative disease (about 30 Jan 2025); children with high-risk first relapse in consolidation since 2021.",
);

/// Every label change since the papers, in the order a clinician meets them.
pub const LABEL_CHANGES: &[LabelChange] = &[
    LabelChange {
        topic: "Tisagenlecleucel: age limit 21 → 25 years",
        papers: &[Q_CART_ONLY_S2],
        now: &[L_TISA_US, L_TISA_EU, L_TISA_EU_WHO],
        effect: "Ages up to and including 25 are within the label; the EU label also covers relapse after transplant.",
    },
    LabelChange {
        topic: "CAR-T products approved after the papers",
        papers: &[Q_CART_ONLY_S2],
        now: &[L_BREXU_US, L_BREXU_EU, L_OBE_US, L_OBE_EU],
        effect: "Brexucabtagene and obecabtagene are assessed as products of their own: adults from 18 in the US, from 26 in the EU.",
    },
    LabelChange {
        topic: "Inotuzumab in children",
        papers: &[Q_INO_ADULTS_S2],
        now: &[L_INO_US, L_INO_EU],
        effect: "US: children from 1 year are within the label. EU: no paediatric approval was found, so the aid says to check locally.",
    },
    LabelChange {
        topic: "Inotuzumab and the liver in the EU",
        papers: &[],
        now: &[L_INO_EU_LIVER],
        effect: "EU: prior VOD/SOS or serious ongoing liver disease excludes inotuzumab (US: caution).",
    },
    LabelChange {
        topic: "Blinatumomab for MRD: which CR, which patients",
        papers: &[Q_MRD_2018_S2],
        now: &[L_BLINA_US_MRD, L_BLINA_EU_MRD],
        effect: "The MRD indication needs first or second CR; in the EU only Ph-negative adults.",
    },
    LabelChange {
        topic: "Blinatumomab MRD dose",
        papers: &[crate::dosing::Q_MRD_SEED_S2],
        now: &[crate::dosing::Q_MRD_DOSE_L],
        effect: "The schedule shows the label's dose and notes the paper's figure.",
    },
    LabelChange {
        topic: "Blinatumomab in Ph-positive disease in the EU",
        papers: &[Q_PH_BOTH_S2],
        now: &[L_BLINA_EU_RR],
        effect: "EU: Ph-positive adults only after at least 2 failed TKIs; children only with Ph-negative disease.",
    },
    LabelChange {
        topic: "Blinatumomab as consolidation",
        papers: &[Q_FRONTLINE_S2],
        now: &[crate::dosing::Q_CONSOLIDATION_L, L_CONSOLIDATION_EU],
        effect: "Outside this aid's scope (relapsed/refractory and MRD-positive disease); mentioned on the MRD schedule.",
    },
    LabelChange {
        topic: "CAR-T REMS removed (US)",
        papers: &[],
        now: &[crate::rules::car_t::L_REMS],
        effect: "Shorter stay near the centre and driving restriction (2 weeks) on the CAR-T cards.",
    },
    LabelChange {
        topic: "Boxed warning: T-cell malignancies after CAR-T (US)",
        papers: &[],
        now: &[crate::rules::car_t::L_TCELL],
        effect: "Named on every CAR-T card in the US.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_cites_a_current_document() {
        for c in LABEL_CHANGES {
            assert!(!c.now.is_empty(), "{}", c.topic);
            assert!(
                c.now.iter().all(|q| q.source.document().is_some()),
                "{}",
                c.topic
            );
            assert!(
                c.papers.iter().all(|q| q.source.document().is_none()),
                "{}",
                c.topic
            );
        }
    }
}
