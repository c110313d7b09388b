//! The scenario: what the user entered, before and after validation.
//!
//! [`RawScenario`] holds the text of each field exactly as typed (or as read from a URL), so
//! nothing the user entered is ever lost. [`Scenario`] is the typed, validated patient the
//! rules read; it can only be built by [`crate::validate::validate`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::fields::Field;

/// The version of the scenario format (URL query and JSON). Bump on any incompatible change.
pub const FORMAT_VERSION: u32 = 2;

/// Field texts as entered. A missing or empty entry means "not given".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawScenario {
    /// Format version the values were written in.
    pub version: u32,
    /// Text of each field that was given.
    pub values: BTreeMap<Field, String>,
}

impl RawScenario {
    /// An empty scenario in the current format.
    pub fn new() -> Self {
        RawScenario {
            version: FORMAT_VERSION,
            values: BTreeMap::new(),
        }
    }

    /// The text entered for `field`, or `""`.
    pub fn get(&self, field: Field) -> &str {
        self.values.get(&field).map(String::as_str).unwrap_or("")
    }

    /// Sets the text of `field`; an empty (or all-blank) text removes it.
    pub fn set(&mut self, field: Field, text: impl Into<String>) {
        let text = text.into();
        if text.trim().is_empty() {
            self.values.remove(&field);
        } else {
            self.values.insert(field, text);
        }
    }

    /// Builder form of [`RawScenario::set`], handy in tests and teaching cases.
    pub fn with(mut self, field: Field, text: impl Into<String>) -> Self {
        self.set(field, text);
        self
    }
}

/// A yes/no answer the user may not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum YesNo {
    /// Not known.
    Unknown,
    /// No.
    No,
    /// Yes.
    Yes,
}

/// Where the patient is in the disease course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Setting {
    /// No CR after induction.
    PrimaryRefractory,
    /// First relapse with a first remission shorter than 12 months.
    FirstRelapseEarly,
    /// First relapse with a first remission of 12 months or more.
    FirstRelapseLate,
    /// Second or later relapse.
    SecondOrLaterRelapse,
    /// Relapse after allogeneic HSCT.
    RelapseAfterHsct,
    /// MRD-positive in morphologic complete remission.
    MrdPositiveCr,
}

impl Setting {
    /// Relapsed or refractory disease (every setting but MRD in CR).
    pub fn is_relapsed_refractory(self) -> bool {
        self != Setting::MrdPositiveCr
    }
}

/// Expression of a target antigen on the blasts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Marker {
    /// Not tested or not known: never treated as positive.
    Unknown,
    /// Negative (0% of blasts).
    Negative,
    /// Expressed on 1–19% of blasts: the therapy is not excluded but flagged.
    Low {
        /// Percent of blasts positive.
        pct: f64,
    },
    /// Positive (≥ 20% of blasts, or reported positive).
    Positive {
        /// Percent of blasts positive, when given.
        pct: Option<f64>,
    },
}

impl Marker {
    /// Whether the antigen is present at all (positive or low).
    pub fn is_expressed(self) -> bool {
        matches!(self, Marker::Low { .. } | Marker::Positive { .. })
    }

    /// Whether the antigen counts as positive (≥ 20% or reported positive).
    pub fn is_positive(self) -> bool {
        matches!(self, Marker::Positive { .. })
    }
}

/// LDH as reported.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Ldh {
    /// Not known.
    Unknown,
    /// Within normal limits.
    Normal,
    /// Above the upper limit of normal; `ratio` is value / ULN when both were given.
    Elevated {
        /// LDH as a multiple of the upper limit of normal, when known.
        ratio: Option<f64>,
    },
}

/// Extramedullary disease outside the CNS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Extramedullary {
    /// Not known.
    Unknown,
    /// None.
    None,
    /// Present.
    Present,
    /// Present with a high tumour load (bulky).
    HighLoad,
}

impl Extramedullary {
    /// Whether any extramedullary disease is present.
    pub fn is_present(self) -> bool {
        matches!(self, Extramedullary::Present | Extramedullary::HighLoad)
    }
}

/// CNS status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cns {
    /// Not known.
    Unknown,
    /// No CNS involvement and no relevant history.
    None,
    /// Active leukaemia in the CNS.
    Active,
    /// History of clinically relevant CNS pathology, e.g. seizures.
    History,
}

/// Philadelphia chromosome status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ph {
    /// Not known.
    Unknown,
    /// Ph-negative.
    Negative,
    /// Ph-positive (BCR-ABL1).
    Positive,
}

/// The allogeneic HSCT plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TransplantPlan {
    /// Not known.
    Unknown,
    /// Allo-HSCT planned after response.
    Planned,
    /// A candidate, without a plan yet.
    Candidate,
    /// Not a transplant candidate.
    NotCandidate,
}

/// Earlier exposure to a therapy and how the disease responded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PriorExposure {
    /// Not known.
    Unknown,
    /// Never given.
    No,
    /// Given, with a response.
    Responded,
    /// Given, without a response.
    NoResponse,
}

impl PriorExposure {
    /// Whether the therapy was given.
    pub fn given(self) -> bool {
        matches!(self, PriorExposure::Responded | PriorExposure::NoResponse)
    }
}

/// Liver history relevant to VOD/SOS risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Liver {
    /// Not known.
    Unknown,
    /// No liver disease and no prior VOD.
    None,
    /// Ongoing liver disease (e.g. cirrhosis, active hepatitis).
    Disease,
    /// Prior veno-occlusive disease / sinusoidal obstruction syndrome.
    PriorVod,
}

/// Whose labels decide eligibility: the regions' labels differ (CAR-T ages, inotuzumab and
/// the liver, blinatumomab's MRD and Ph-positive limits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Region {
    /// United States: FDA labels.
    Us,
    /// European Union: EMA labels.
    Eu,
}

impl Region {
    /// Both regions, the default first.
    pub const ALL: [Region; 2] = [Region::Us, Region::Eu];

    /// The region's short name ("US", "EU").
    pub fn name(self) -> &'static str {
        match self {
            Region::Us => "US",
            Region::Eu => "EU",
        }
    }

    /// The other region.
    pub fn other(self) -> Region {
        match self {
            Region::Us => Region::Eu,
            Region::Eu => Region::Us,
        }
    }
}

/// How many TKIs the Ph-positive disease was resistant or intolerant to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TkisFailed {
    /// Not known.
    Unknown,
    /// None.
    Zero,
    /// One.
    One,
    /// Two or more.
    TwoOrMore,
}

/// Which complete remission an MRD-positive patient is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CrNumber {
    /// Not known.
    Unknown,
    /// First CR.
    First,
    /// Second CR.
    Second,
    /// Third or later CR.
    ThirdOrLater,
}

/// In first relapse: how the disease answered re-induction. A first relapse refractory to
/// re-induction is refractory disease for tisagenlecleucel's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reinduction {
    /// Not known.
    Unknown,
    /// Not yet re-induced.
    NotYet,
    /// Refractory to re-induction.
    Refractory,
    /// In CR after re-induction.
    InCr,
}

/// The unit a creatinine clearance was given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CrclUnit {
    /// mL/min, absolute.
    MlMin,
    /// mL/min/1.73 m², normalised to body surface area (children, e.g. Schwartz).
    PerStandardBsa,
}

/// A validated patient scenario: every value typed, in range and consistent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Whose labels apply.
    pub region: Region,
    /// Age in years.
    pub age_years: f64,
    /// Weight in kg, when given.
    pub weight_kg: Option<f64>,
    /// Height in cm, when given.
    pub height_cm: Option<f64>,
    /// Disease setting.
    pub setting: Setting,
    /// Which CR, in the MRD setting.
    pub cr_number: CrNumber,
    /// Response to re-induction, in first relapse.
    pub reinduction: Reinduction,
    /// MRD as a fraction of cells (1e-3 = 0.1%), when given.
    pub mrd_fraction: Option<f64>,
    /// Marrow blasts in %, when given.
    pub marrow_blasts_pct: Option<f64>,
    /// Peripheral blood blasts per µL, when given.
    pub peripheral_blasts_per_ul: Option<f64>,
    /// LDH.
    pub ldh: Ldh,
    /// Extramedullary (non-CNS) disease.
    pub extramedullary: Extramedullary,
    /// CNS status.
    pub cns: Cns,
    /// CD19 on blasts.
    pub cd19: Marker,
    /// CD22 on blasts.
    pub cd22: Marker,
    /// Ph status.
    pub ph: Ph,
    /// How many TKIs the disease was resistant or intolerant to.
    pub tkis_failed: TkisFailed,
    /// T315I mutation.
    pub t315i: YesNo,
    /// Allogeneic HSCT plan.
    pub transplant: TransplantPlan,
    /// Prior allogeneic HSCT.
    pub prior_hsct: YesNo,
    /// Number of prior lines of therapy, when given.
    pub prior_lines: Option<u32>,
    /// Prior blinatumomab.
    pub prior_blinatumomab: PriorExposure,
    /// Prior inotuzumab ozogamicin.
    pub prior_inotuzumab: PriorExposure,
    /// Prior CD19 CAR-T.
    pub prior_cart: PriorExposure,
    /// KMT2A rearrangement.
    pub kmt2a: YesNo,
    /// Regulatory T cells as % of T cells, when given.
    pub treg_pct: Option<f64>,
    /// Creatinine clearance in the unit of `crcl_unit`, when given.
    pub crcl_ml_min: Option<f64>,
    /// The unit of `crcl_ml_min`.
    pub crcl_unit: CrclUnit,
    /// On dialysis.
    pub dialysis: YesNo,
    /// Liver history.
    pub liver: Liver,
}

impl Scenario {
    /// A scenario with only the required values given and everything else unknown or not
    /// given: the starting point of teaching cases and tests.
    pub fn unknown(age_years: f64, setting: Setting) -> Self {
        Scenario {
            region: Region::Us,
            age_years,
            weight_kg: None,
            height_cm: None,
            setting,
            cr_number: CrNumber::Unknown,
            reinduction: Reinduction::Unknown,
            mrd_fraction: None,
            marrow_blasts_pct: None,
            peripheral_blasts_per_ul: None,
            ldh: Ldh::Unknown,
            extramedullary: Extramedullary::Unknown,
            cns: Cns::Unknown,
            cd19: Marker::Unknown,
            cd22: Marker::Unknown,
            ph: Ph::Unknown,
            tkis_failed: TkisFailed::Unknown,
            t315i: YesNo::Unknown,
            transplant: TransplantPlan::Unknown,
            prior_hsct: YesNo::Unknown,
            prior_lines: None,
            prior_blinatumomab: PriorExposure::Unknown,
            prior_inotuzumab: PriorExposure::Unknown,
            prior_cart: PriorExposure::Unknown,
            kmt2a: YesNo::Unknown,
            treg_pct: None,
            crcl_ml_min: None,
            crcl_unit: CrclUnit::MlMin,
            dialysis: YesNo::Unknown,
            liver: Liver::Unknown,
        }
    }

    /// Whether the patient is a child (under 18 years).
    pub fn is_child(&self) -> bool {
        self.age_years < crate::thresholds::ADULT_AGE_YEARS
    }

    /// Whether an allogeneic HSCT lies behind the patient (history or setting).
    pub fn had_allo_hsct(&self) -> bool {
        self.prior_hsct == YesNo::Yes || self.setting == Setting::RelapseAfterHsct
    }
}
