//! Pre-phase before the immunotherapy: debulking before blinatumomab (D-1, D-2, with D-PH for
//! Ph-positive disease) and cytoreduction before inotuzumab (D-3), with doses from the BSA.

use std::borrow::Cow;

use serde::Serialize;

use crate::dosing::{Bsa, Dose, Plan};
use crate::evidence::{cite, Citation, SourceKey::*, Sourced};
use crate::fields::Field;
use crate::recommendation::Reason;
use crate::rule::RuleId;
use crate::scenario::{Scenario, Setting};
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
    /// Not required by what is known, but a value D-1 or D-2 needs is missing.
    Undetermined,
    /// MRD-positive in morphologic CR: there is no disease to debulk.
    NotApplicable,
}

impl DebulkingLevel {
    /// A stable lowercase identifier (used as `data-debulking` in the page).
    pub fn slug(self) -> &'static str {
        match self {
            DebulkingLevel::Required => "required",
            DebulkingLevel::Recommended => "recommended",
            DebulkingLevel::NotNeeded => "not-needed",
            DebulkingLevel::Undetermined => "undetermined",
            DebulkingLevel::NotApplicable => "not-applicable",
        }
    }

    /// The level in words.
    pub fn label(self) -> &'static str {
        match self {
            DebulkingLevel::Required => "Pre-phase required",
            DebulkingLevel::Recommended => "Pre-phase recommended",
            DebulkingLevel::NotNeeded => "Pre-phase not needed",
            DebulkingLevel::Undetermined => "Cannot be decided yet",
            DebulkingLevel::NotApplicable => "Not applicable: in morphologic CR",
        }
    }
}

/// The debulking advice for this patient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Debulking {
    /// A plan, or for reference only (blinatumomab not eligible).
    pub plan: Plan,
    /// Required, recommended, not needed, undetermined, or not applicable.
    pub level: DebulkingLevel,
    /// The rule(s) that decided it (D-1, D-2).
    pub reasons: Vec<Reason>,
    /// Cytoreduction before inotuzumab (D-3), when it fired.
    pub before_inotuzumab: Vec<Reason>,
    /// Fields whose absence leaves the decision open.
    pub missing: Vec<Field>,
    /// Regimen options with doses from BSA.
    pub regimen: Vec<Dose>,
    /// Notes on the regimen (duration).
    pub regimen_notes: Vec<Sourced>,
    /// The Ph-positive regimen option (D-PH), when it fired.
    pub ph_regimen: Vec<Reason>,
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
        text: Cow::Borrowed(text),
        sources,
    }
}

/// The pre-phase level from whether D-1 and D-2 fired, with the fields whose absence leaves
/// it open: required exactly when D-1 fired; not applicable in morphologic CR; undetermined
/// (never "not needed") while a value D-1 or D-2 needs is missing. The one place the level
/// is decided: [`advise`] and the what-if search both read it.
pub fn level(scenario: &Scenario, d1: bool, d2: bool) -> (DebulkingLevel, Vec<Field>) {
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
    // D-2 (pre-phase recommended) needs LDH and extramedullary disease: unknown, it is open,
    // never "not needed".
    let mut d2_missing = Vec::new();
    if !in_cr && !d2 {
        if scenario.ldh == crate::scenario::Ldh::Unknown {
            d2_missing.push(Field::LdhStatus);
        }
        if scenario.extramedullary == crate::scenario::Extramedullary::Unknown {
            d2_missing.push(Field::Extramedullary);
        }
    }
    let level = if in_cr {
        DebulkingLevel::NotApplicable
    } else if d1 {
        missing.clear();
        DebulkingLevel::Required
    } else if d2 {
        DebulkingLevel::Recommended
    } else if !missing.is_empty() || !d2_missing.is_empty() {
        missing.extend(d2_missing);
        DebulkingLevel::Undetermined
    } else {
        DebulkingLevel::NotNeeded
    };
    (level, missing)
}

/// The pre-phase advice from the D-rules' reasons (already evaluated), the scenario and the
/// BSA. Required exactly when D-1 fired; not applicable in morphologic CR; the regimen is
/// listed whatever the level, so a clinician who debulks anyway sees the doses.
pub fn advise(scenario: &Scenario, bsa: Option<&Bsa>, all: Vec<Reason>, plan: Plan) -> Debulking {
    let (mut reasons, mut before_inotuzumab, mut ph_regimen) = (Vec::new(), Vec::new(), Vec::new());
    for r in all {
        match r.rule {
            RuleId::D3 => before_inotuzumab.push(r),
            RuleId::DPh => ph_regimen.push(r),
            _ => reasons.push(r),
        }
    }
    let fired = |id: RuleId| reasons.iter().any(|r| r.rule == id);
    let (level, missing) = level(scenario, fired(RuleId::D1), fired(RuleId::D2));
    let regimen_notes = vec![sourced(
        "Duration",
        "Dexamethasone up to 5 days, given during screening and pre-phase until cycle 1 starts; cyclophosphamide up to 3 days.",
        &[Q_PREPHASE_S1, Q_DEX_S2],
    )];
    Debulking {
        plan,
        level,
        reasons,
        before_inotuzumab,
        ph_regimen,
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

/// Dexamethasone and cyclophosphamide doses, computed from the BSA when it is known; the
/// dexamethasone cap is shown beside the computed dose.
fn regimen(bsa: Option<&Bsa>) -> Vec<Dose> {
    vec![
        Dose::per_m2(
            "Dexamethasone",
            DEX_MG_PER_M2,
            "mg/day",
            Some(DEX_MAX_MG_PER_DAY),
            bsa,
            "orally or IV, up to 5 days".into(),
            &[Q_DEX_S2, Q_PREPHASE_S1],
        ),
        Dose::per_m2(
            "Cyclophosphamide (optional, with dexamethasone)",
            CYCLO_MG_PER_M2,
            "mg/day",
            None,
            bsa,
            "up to 3 days".into(),
            &[Q_PREPHASE_S1],
        ),
    ]
}
