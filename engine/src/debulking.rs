//! Pre-phase debulking before blinatumomab (rules D-1 and D-2) and its regimen.

use serde::Serialize;

use crate::dosing::{round_dose, Bsa, Dose};
use crate::evidence::{cite, Citation, SourceKey::*, Sourced};
use crate::fields::Field;
use crate::recommendation::Reason;
use crate::rule::RuleId;
use crate::rules::num;
use crate::scenario::{Ph, Scenario, Setting};
use crate::thresholds::{CYCLO_MG_PER_M2, DEX_MAX_MG_PER_DAY, DEX_MG_PER_M2};

/// Whether pre-phase debulking is needed before blinatumomab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DebulkingLevel {
    /// D-1 fired: marrow blasts ≥ 50% or peripheral blasts ≥ 15,000/µL.
    Required,
    /// D-2 fired: LDH elevated or high extramedullary load.
    Recommended,
    /// Neither fired and the values they need are known.
    NotNeeded,
    /// Not required by what is known, but a value D-1 needs is missing.
    Undetermined,
}

impl DebulkingLevel {
    /// A stable lowercase identifier (used as `data-debulking` in the page).
    pub fn slug(self) -> &'static str {
        match self {
            DebulkingLevel::Required => "required",
            DebulkingLevel::Recommended => "recommended",
            DebulkingLevel::NotNeeded => "not-needed",
            DebulkingLevel::Undetermined => "undetermined",
        }
    }

    /// The level in words.
    pub fn label(self) -> &'static str {
        match self {
            DebulkingLevel::Required => "Pre-phase required",
            DebulkingLevel::Recommended => "Pre-phase recommended",
            DebulkingLevel::NotNeeded => "Pre-phase not needed",
            DebulkingLevel::Undetermined => "Cannot be decided yet",
        }
    }
}

/// The debulking advice for this patient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debulking {
    /// Required, recommended, not needed, or undetermined.
    pub level: DebulkingLevel,
    /// The rule(s) that decided it.
    pub reasons: Vec<Reason>,
    /// Fields whose absence leaves the decision open.
    pub missing: Vec<Field>,
    /// Regimen options with doses from BSA.
    pub regimen: Vec<Dose>,
    /// Notes on the regimen (Ph+ options, duration).
    pub regimen_notes: Vec<Sourced>,
    /// Real-world comparison of debulking strategies.
    pub real_world: Vec<Sourced>,
    /// Blast targets before the first infusion.
    pub targets: Vec<Sourced>,
}

const Q_DEX_S2: Citation = cite(
    S2,
    "Recommended dexamethasone dosing for pre-phase treatment is $10 \\text{ mg/m}^2/\\text{day}$ administered orally or IV given during screening and pre-phase until initiation of cycle 1. Dosage of dexamethasone can be increased to a maximum of 24 mg/day in these patients.",
);
const Q_PREPHASE_S1: Citation = cite(
    S1,
    "pre- phase dexamethasone (10 mg/m2 up to 5 days) with or without cyclophosphamide (200 mg/m2 up to 3 days)",
);
const Q_REAL_WORLD_S4: Citation = cite(
    S4,
    "the highest rates of CR after blinatumomab were observed in patients receiving polychemotherapy (5/5; 100%) and low-intensity chemotherapy with or without steroids (11/18; 61%), and a lower percentage of responses was observed in those receiving steroids alone (3/7; 42.9%)",
);
const Q_LOW_INTENSITY_S4: Citation = cite(
    S4,
    "low-intensity chemotherapy might represent a preferable strategy to balance effectiveness and risks.",
);
const Q_PH_S4: Citation = cite(
    S4,
    "Ph+ ALL patients who received a tyrosine kinase inhibitor (TKI) alone, with steroids, or with chemotherapy.",
);
const Q_PH_NCCN_L: Citation = cite(
    L,
    "NCCN v1.2024 footnote for Ph-positive disease: cytoreduce with TKI + corticosteroid to WBC < 10 × 10⁹/L before blinatumomab.",
);
const Q_TARGET_S4: Citation = cite(
    S4,
    "14 out of 18 patients (78%) with <20% BMB, as well as the 2 patients with BMB 20-49% achieved a CR; contrariwise, none of the 2 patients with ≥50% BMB achieved a CR (p=0.03).",
);
const Q_TIMING_S4: Citation = cite(
    S4,
    "In patients treated with polychemotherapy the median time from the start of the debulking regimen and the blinatumomab administration was 21 days (range 20-48).",
);

const fn sourced(label: &'static str, text: &'static str, sources: &'static [Citation]) -> Sourced {
    Sourced {
        label,
        text,
        sources,
    }
}

/// The debulking advice from the D-1 and D-2 reasons (already evaluated), the scenario and
/// the BSA. Required exactly when D-1 fired; the regimen is listed whatever the level, so a
/// clinician who debulks anyway sees the doses.
pub fn advise(scenario: &Scenario, bsa: Option<&Bsa>, reasons: Vec<Reason>) -> Debulking {
    let fired = |id: RuleId| reasons.iter().any(|r| r.rule == id);
    // In morphologic CR marrow blasts are < 5% by definition, so nothing is missing there.
    let in_cr = scenario.setting == Setting::MrdPositiveCr;
    let mut missing = Vec::new();
    if !in_cr {
        if scenario.marrow_blasts_pct.is_none() {
            missing.push(Field::MarrowBlasts);
        }
        if scenario.peripheral_blasts_per_ul.is_none() {
            missing.push(Field::PeripheralBlasts);
        }
    }
    // A missing value can only raise the level to Required, so it is shown beside a
    // Recommended and decides only when nothing else fired.
    let level = if fired(RuleId::D1) {
        missing.clear();
        DebulkingLevel::Required
    } else if fired(RuleId::D2) {
        DebulkingLevel::Recommended
    } else if !missing.is_empty() {
        DebulkingLevel::Undetermined
    } else {
        DebulkingLevel::NotNeeded
    };
    let mut regimen_notes = vec![sourced(
        "Duration",
        "Dexamethasone up to 5 days, given during screening and pre-phase until cycle 1 starts; cyclophosphamide up to 3 days.",
        &[Q_PREPHASE_S1, Q_DEX_S2],
    )];
    if scenario.ph == Ph::Positive {
        regimen_notes.push(sourced(
            "Ph-positive",
            "Debulk with a TKI alone, with steroids, or with chemotherapy; NCCN: TKI + corticosteroid to WBC < 10 × 10⁹/L before blinatumomab.",
            &[Q_PH_S4, Q_PH_NCCN_L],
        ));
    }
    Debulking {
        level,
        reasons,
        missing,
        regimen: regimen(bsa),
        regimen_notes,
        real_world: vec![
            sourced(
                "Polychemotherapy",
                "CR after 2 cycles in 5 of 5 (100%).",
                &[Q_REAL_WORLD_S4],
            ),
            sourced(
                "Low-intensity chemotherapy ± steroids",
                "CR after 2 cycles in 11 of 18 (61%); judged a preferable balance of effectiveness and risk.",
                &[Q_REAL_WORLD_S4, Q_LOW_INTENSITY_S4],
            ),
            sourced(
                "Steroids alone",
                "CR after 2 cycles in 3 of 7 (42.9%).",
                &[Q_REAL_WORLD_S4],
            ),
        ],
        targets: vec![
            sourced(
                "Before the first infusion",
                "Marrow blasts below 50%, ideally below 20%: CR in 14 of 18 (78%) below 20% after debulking, 0 of 2 at ≥ 50%.",
                &[Q_TARGET_S4],
            ),
            sourced(
                "Timing",
                "Median 21 days from the start of polychemotherapy to blinatumomab.",
                &[Q_TIMING_S4],
            ),
        ],
    }
}

/// Dexamethasone and cyclophosphamide doses, computed from the BSA when it is known.
fn regimen(bsa: Option<&Bsa>) -> Vec<Dose> {
    let dex = bsa.map(|b| round_dose(DEX_MG_PER_M2 * b.m2));
    let dex_capped = dex.is_some_and(|d| d > DEX_MAX_MG_PER_DAY);
    vec![
        Dose {
            drug: "Dexamethasone",
            as_written: format!("{} mg/m²/day", num(DEX_MG_PER_M2)),
            per_day: dex.map(|d| d.min(DEX_MAX_MG_PER_DAY)),
            unit: "mg/day",
            how: "orally or IV, up to 5 days".into(),
            capped: dex_capped,
            cap_note: Some(format!(
                "May be increased to at most {} mg/day.",
                num(DEX_MAX_MG_PER_DAY)
            )),
            sources: &[Q_DEX_S2, Q_PREPHASE_S1],
        },
        Dose {
            drug: "Cyclophosphamide (optional, with dexamethasone)",
            as_written: format!("{} mg/m²/day", num(CYCLO_MG_PER_M2)),
            per_day: bsa.map(|b| round_dose(CYCLO_MG_PER_M2 * b.m2)),
            unit: "mg/day",
            how: "up to 3 days".into(),
            capped: false,
            cap_note: None,
            sources: &[Q_PREPHASE_S1],
        },
    ]
}
