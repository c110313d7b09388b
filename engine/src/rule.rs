//! What a rule is: a stable ID, a plain-language statement, its sources, the fields it
//! reads, and the function that evaluates it. The rules themselves live in [`crate::rules`].

use serde::Serialize;

use crate::evidence::Citation;
use crate::fields::Field;
use crate::scenario::{Region, Scenario};
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
    /// Each CAR-T product's label, by region: age and disease setting.
    ECart,
    /// Blinatumomab's label, by region: MRD and Ph-positive limits, ages.
    EBlinLabel,
    /// EU: prior VOD or serious ongoing liver disease contraindicates inotuzumab.
    EInoLiver,
    /// EU: inotuzumab in Ph-positive adults needs at least one failed TKI. Not an ID of the
    /// specification: the EU label fact is in the label facts without a rule.
    EInoLabel,
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
    /// Prior therapy without response: caution with that therapy.
    PPriorResp,
    /// Ph-positive: blinatumomab is active; the TKI partner depends on T315I.
    PPh,
    /// Ph status unknown: BCR-ABL1 is needed.
    PPhUnk,
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
    /// Transplant candidate without a plan: inotuzumab VOD risk if HSCT follows.
    PHsctCand,
    /// First relapse after a long CR1: outside the blinatumomab trials' population.
    PTrialPop,
    /// CAR-T logistics and outcome data for each product not excluded.
    PCartLogistics,
    /// CNS disease or history: CAR-T neurologic events.
    PCartNeuro,
    /// Tisagenlecleucel under 3 years: outside ELIANA's ages.
    PCartAge,
    /// Older adults: blinatumomab response holds.
    PAge,
    /// Severe renal impairment: no data for blinatumomab.
    PRenal,
    /// High marrow or peripheral blasts: pre-phase required before blinatumomab.
    D1,
    /// High LDH or extramedullary load: pre-phase recommended.
    D2,
    /// Circulating blasts > 10,000/µL: cytoreduction before inotuzumab.
    D3,
    /// Ph-positive and pre-phase needed: a TKI with a corticosteroid.
    DPh,
}

/// The family a rule belongs to, as the specification groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Family {
    /// Hard limits: target markers and labels.
    Eligibility,
    /// Rules that change a status: caution or preference.
    Preference,
    /// Context that changes no status: expected response, data, tests.
    Note,
    /// Pre-phase debulking and cytoreduction.
    PrePhase,
}

impl Family {
    /// Every family in display order.
    pub const ALL: [Family; 4] = [
        Family::Eligibility,
        Family::Preference,
        Family::Note,
        Family::PrePhase,
    ];

    /// The family's heading.
    pub fn title(self) -> &'static str {
        match self {
            Family::Eligibility => "Eligibility",
            Family::Preference => "Preferences and cautions",
            Family::Note => "Notes",
            Family::PrePhase => "Pre-phase",
        }
    }
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
            RuleId::EBlinLabel => "E-BLIN-LABEL",
            RuleId::EInoLiver => "E-INO-LIVER",
            RuleId::EInoLabel => "E-INO-LABEL",
            RuleId::PHsct => "P-HSCT",
            RuleId::PVod => "P-VOD",
            RuleId::PBurden => "P-BURDEN",
            RuleId::PCns => "P-CNS",
            RuleId::PNeuroHx => "P-NEURO-HX",
            RuleId::PMrd => "P-MRD",
            RuleId::PMrdLow => "P-MRD-LOW",
            RuleId::PPriorResp => "P-PRIOR-RESP",
            RuleId::PPh => "P-PH",
            RuleId::PPhUnk => "P-PH-UNK",
            RuleId::PPhElderly => "P-PH-ELDERLY",
            RuleId::PLines => "P-LINES",
            RuleId::PTregLdh => "P-TREG-LDH",
            RuleId::PKmt2a => "P-KMT2A",
            RuleId::PPostHsct => "P-POST-HSCT",
            RuleId::PPriorCd19 => "P-PRIOR-CD19",
            RuleId::PHsctCand => "P-HSCT-CAND",
            RuleId::PTrialPop => "P-TRIAL-POP",
            RuleId::PCartLogistics => "P-CART-LOGISTICS",
            RuleId::PCartNeuro => "P-CART-NEURO",
            RuleId::PCartAge => "P-CART-AGE",
            RuleId::PAge => "P-AGE",
            RuleId::PRenal => "P-RENAL",
            RuleId::D1 => "D-1",
            RuleId::D2 => "D-2",
            RuleId::D3 => "D-3",
            RuleId::DPh => "D-PH",
        }
    }

    /// The family the rule belongs to.
    pub fn family(self) -> Family {
        use RuleId::*;
        match self {
            ECd19 | ECd22 | EInoAge | EInoMrd | ECart | EBlinLabel | EInoLiver | EInoLabel => {
                Family::Eligibility
            }
            PHsct | PVod | PBurden | PCns | PNeuroHx | PMrd | PPriorResp | PPostHsct | PRenal => {
                Family::Preference
            }
            D1 | D2 | D3 | DPh => Family::PrePhase,
            _ => Family::Note,
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

impl Effect {
    /// The effect's name in markup (`data-effect`): what styles and tests select on.
    pub fn slug(self) -> &'static str {
        match self {
            Effect::Excludes => "excludes",
            Effect::Caution => "caution",
            Effect::Favours => "favours",
            Effect::NeedsTest => "needstest",
            Effect::Note => "note",
        }
    }
}

/// One thing a rule concluded for a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The therapy it concerns, or `None` for a note about the patient as a whole.
    pub therapy: Option<Therapy>,
    /// What it does to the status.
    pub effect: Effect,
    /// The conclusion in plain language, with this patient's numbers.
    pub text: crate::Text,
    /// The sources it rests on (at least one).
    pub sources: &'static [Citation],
    /// The region whose label the finding applied: set on every eligibility finding.
    pub region: Option<Region>,
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

impl Rule {
    /// Whether the rule reads `field`, directly or through a field that gives the same value
    /// with it (a marker and its percentage; LDH status, value and upper limit; a blast
    /// count and its unit). A rule that does not read a field finds the same whatever the
    /// field holds (property-tested), so the what-if search re-runs only the rules that do.
    pub fn reads_value(&self, field: Field) -> bool {
        let together: &[Field] = match field {
            Field::Cd19 | Field::Cd19Pct => &[Field::Cd19, Field::Cd19Pct],
            Field::Cd22 | Field::Cd22Pct => &[Field::Cd22, Field::Cd22Pct],
            Field::LdhStatus | Field::Ldh | Field::LdhUln => {
                &[Field::LdhStatus, Field::Ldh, Field::LdhUln]
            }
            Field::PeripheralBlasts | Field::PeripheralBlastsUnit => {
                &[Field::PeripheralBlasts, Field::PeripheralBlastsUnit]
            }
            _ => &[],
        };
        self.reads
            .iter()
            .any(|r| *r == field || together.contains(r))
    }
}

#[cfg(test)]
mod tests {
    use super::Effect;
    use crate::fields::Group;

    /// The names in markup are the variants' names in lower case, as they were when the
    /// app wrote them from `Debug`: styles, tests and printed pages select on them.
    #[test]
    fn slugs_are_the_variant_names_in_lower_case() {
        let effects = [
            Effect::Excludes,
            Effect::Caution,
            Effect::Favours,
            Effect::NeedsTest,
            Effect::Note,
        ];
        for e in effects {
            assert_eq!(e.slug(), format!("{e:?}").to_ascii_lowercase());
        }
        for g in Group::ALL {
            assert_eq!(g.slug(), format!("{g:?}").to_ascii_lowercase());
        }
    }
}
