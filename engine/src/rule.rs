//! What a rule is: a stable ID, a plain-language statement, its sources, the fields it
//! reads, and the function that evaluates it. The rules themselves live in [`crate::rules`].

use serde::Serialize;

use crate::evidence::Citation;
use crate::fields::Field;
use crate::scenario::Scenario;
use crate::therapy::Therapy;

/// The stable ID of every rule of the clinical specification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum RuleId {
    /// CD19 negative excludes CD19-directed therapy.
    ECd19,
    /// CD22 negative excludes inotuzumab.
    ECd22,
    /// Inotuzumab is not labelled below 1 year.
    EInoAge,
    /// Inotuzumab is not approved for MRD-positive disease in CR.
    EInoMrd,
    /// Each CAR-T product's label: age and disease setting.
    ECart,
    /// Planned allo-HSCT favours blinatumomab over inotuzumab (VOD).
    PHsct,
    /// Liver disease or prior VOD: caution with inotuzumab. Not an ID of the specification:
    /// its status section asks for this caution without naming a rule.
    PVod,
    /// High tumour burden or extramedullary disease favours inotuzumab.
    PBurden,
    /// Active CNS disease favours inotuzumab over blinatumomab.
    PCns,
    /// History of CNS pathology or seizures: caution with blinatumomab.
    PNeuroHx,
    /// MRD ≥ 1e-3 in CR favours blinatumomab.
    PMrd,
    /// MRD between 1e-4 and 1e-3: below the approval threshold.
    PMrdLow,
    /// Ph-positive: blinatumomab is active; combine with a TKI.
    PPh,
    /// Ph-positive and older: chemo-free blinatumomab + TKI.
    PPhElderly,
    /// More than 2 prior lines: lower CR with blinatumomab.
    PLines,
    /// High Treg or high LDH predicts non-response to blinatumomab.
    PTregLdh,
    /// KMT2A rearrangement: lineage-switch risk under CD19-directed therapy.
    PKmt2a,
    /// Relapse after allo-HSCT: blinatumomab works; inotuzumab VOD risk.
    PPostHsct,
    /// Relapse after CD19-directed therapy: re-test CD19.
    PPriorCd19,
    /// CAR-T is an option within its label.
    PCart,
    /// Older adults: blinatumomab response holds.
    PAge,
    /// Severe renal impairment: no data for blinatumomab.
    PRenal,
    /// High marrow or peripheral blasts: pre-phase required before blinatumomab.
    D1,
    /// High LDH or extramedullary load: pre-phase recommended.
    D2,
}

impl RuleId {
    /// The ID as written in the specification ("E-CD19", "D-1").
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::ECd19 => "E-CD19",
            RuleId::ECd22 => "E-CD22",
            RuleId::EInoAge => "E-INO-AGE",
            RuleId::EInoMrd => "E-INO-MRD",
            RuleId::ECart => "E-CART",
            RuleId::PHsct => "P-HSCT",
            RuleId::PVod => "P-VOD",
            RuleId::PBurden => "P-BURDEN",
            RuleId::PCns => "P-CNS",
            RuleId::PNeuroHx => "P-NEURO-HX",
            RuleId::PMrd => "P-MRD",
            RuleId::PMrdLow => "P-MRD-LOW",
            RuleId::PPh => "P-PH",
            RuleId::PPhElderly => "P-PH-ELDERLY",
            RuleId::PLines => "P-LINES",
            RuleId::PTregLdh => "P-TREG-LDH",
            RuleId::PKmt2a => "P-KMT2A",
            RuleId::PPostHsct => "P-POST-HSCT",
            RuleId::PPriorCd19 => "P-PRIOR-CD19",
            RuleId::PCart => "P-CART",
            RuleId::PAge => "P-AGE",
            RuleId::PRenal => "P-RENAL",
            RuleId::D1 => "D-1",
            RuleId::D2 => "D-2",
        }
    }
}

/// What a finding does to a therapy's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Effect {
    /// Excludes the therapy (status: not eligible).
    Excludes,
    /// Flags a specific risk (status: caution).
    Caution,
    /// Favours the therapy (status: preferred, unless in conflict).
    Favours,
    /// Names a test still needed before the therapy can be judged fully.
    NeedsTest,
    /// Information that does not change the status.
    Note,
}

/// One thing a rule concluded for a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The therapy it concerns, or `None` for a note about the patient as a whole.
    pub therapy: Option<Therapy>,
    /// What it does to the status.
    pub effect: Effect,
    /// The conclusion in plain language, with this patient's numbers.
    pub text: String,
    /// The sources it rests on (at least one).
    pub sources: &'static [Citation],
}

/// A rule of the clinical specification, as one item.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable ID.
    pub id: RuleId,
    /// The rule in plain language, as a clinician would state it.
    pub statement: &'static str,
    /// The sources the rule rests on (at least one), with verbatim quotes.
    pub sources: &'static [Citation],
    /// The fields the rule reads (shown in the decision path).
    pub reads: &'static [Field],
    /// Evaluates the rule: empty when it does not fire.
    pub eval: fn(&Scenario) -> Vec<Finding>,
}
