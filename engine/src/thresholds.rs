//! Every clinical threshold as a named constant with its source, so rules read as data and a
//! change of a number is one reviewed line. Comparisons use these names, never literals.

/// A target antigen counts as positive at this percentage of blasts or more; above 0 and
/// below it is "low" (S1: CD19 is expressed "in more than 20% of malignant cells").
pub const MARKER_POSITIVE_PCT: f64 = 20.0;

/// Morphologic CR means marrow blasts below this percentage (S3: "<5% blasts"), so an
/// MRD-positive-in-CR scenario with more blasts is inconsistent.
pub const CR_MARROW_BLASTS_BELOW_PCT: f64 = 5.0;

/// MRD at or above this fraction meets the blinatumomab approval threshold (S2: "MRD 10^-3
/// (0.1%) or greater").
pub const MRD_APPROVAL_FRACTION: f64 = 1e-3;

/// MRD at or above this fraction (but below the approval threshold) was treated in trials
/// (S2, S3: 10⁻⁴).
pub const MRD_TRIAL_FRACTION: f64 = 1e-4;

/// Marrow blasts at or above this percentage require pre-phase debulking (D-1) and count as
/// high tumour burden (P-BURDEN). The sources write "exceeding 50%" and "≥50%"; the product
/// uses ≥ 50%.
pub const HIGH_MARROW_BLASTS_PCT: f64 = 50.0;

/// Peripheral blasts at or above this count per µL require pre-phase debulking (D-1).
pub const HIGH_PERIPHERAL_BLASTS_PER_UL: f64 = 15_000.0;

/// Regulatory T cells above this percentage of T cells predict non-response to
/// blinatumomab (S1).
pub const TREG_NONRESPONSE_PCT: f64 = 12.5;

/// More than this many prior lines lowers the CR rate with blinatumomab (S4).
pub const PRIOR_LINES_MAX: u32 = 2;

/// Creatinine clearance below this (mL/min) is outside blinatumomab's data (S2).
pub const CRCL_NO_DATA_BELOW: f64 = 30.0;

/// Weight at or above this (kg) switches blinatumomab to fixed doses (S2, L).
pub const FIXED_DOSE_WEIGHT_KG: f64 = 45.0;

/// Inotuzumab is labelled from this age in years (L, 2024).
pub const INO_MIN_AGE_YEARS: f64 = 1.0;

/// Adult age in years: brexucabtagene and obecabtagene are labelled from here (L).
pub const ADULT_AGE_YEARS: f64 = 18.0;

/// Tisagenlecleucel is labelled "up to 25 years": ages below this qualify (L).
pub const TISA_AGE_BELOW_YEARS: f64 = 26.0;

/// The older source's tisagenlecleucel limit, "21 years old and younger": ages below this
/// (S2). Between it and the label's limit the card notes the disagreement.
pub const TISA_SOURCE_AGE_BELOW_YEARS: f64 = 22.0;

/// The age the older-adult rules (P-AGE, P-PH-ELDERLY) start at: S4 reports its older
/// subgroup as "≥50 years"; S0 and S1 say "elderly" without a number.
pub const OLDER_ADULT_AGE_YEARS: f64 = 50.0;

/// Pre-phase dexamethasone, mg/m² per day (S1, S2).
pub const DEX_MG_PER_M2: f64 = 10.0;

/// Pre-phase dexamethasone may be raised to at most this many mg per day (S1, S2).
pub const DEX_MAX_MG_PER_DAY: f64 = 24.0;

/// Pre-phase cyclophosphamide, mg/m² per day (S1).
pub const CYCLO_MG_PER_M2: f64 = 200.0;

/// The EU labels of brexucabtagene and obecabtagene start at this age in years (L).
pub const EU_ADULT_CAR_T_AGE_YEARS: f64 = 26.0;

/// Circulating blasts above this count per µL call for cytoreduction before inotuzumab's
/// first dose (D-3; label: "to a peripheral blast count of ≤10,000/mm3").
pub const INO_CYTOREDUCTION_ABOVE_PER_UL: f64 = 10_000.0;

/// Inotuzumab, cycle 1: mg/m² on day 1, then on days 8 and 15 (L).
pub const INO_C1_DAY1_MG_PER_M2: f64 = 0.8;

/// Inotuzumab: mg/m² on days 8 and 15 of cycle 1, and every dose of later cycles after
/// CR/CRi (L).
pub const INO_LATER_MG_PER_M2: f64 = 0.5;

/// Blinatumomab premedication in children: dexamethasone mg/m² (L).
pub const BLINA_PREMED_CHILD_MG_PER_M2: f64 = 5.0;

/// Blinatumomab premedication: dexamethasone, at most this many mg (children: the cap of
/// 5 mg/m²; adults R/R: the fixed dose) (L).
pub const BLINA_PREMED_MAX_MG: f64 = 20.0;

/// Grade 3 CRS under 45 kg: dexamethasone mg/m² every 8 hours (L).
pub const CRS_DEX_CHILD_MG_PER_M2: f64 = 5.0;

/// Grade 3 CRS: dexamethasone at most this many mg every 8 hours (L).
pub const CRS_DEX_MAX_MG: f64 = 8.0;

/// Creatinine clearance up to this (mL/min) is mild or moderate impairment: no blinatumomab
/// dose adjustment (S2: "CrCl ranging from 60 to 89 mL/min").
pub const CRCL_NO_ADJUSTMENT_BELOW: f64 = 90.0;

/// The body surface area clearances are normalised to (m²), as "per 1.73 m²" says.
pub const STANDARD_BSA_M2: f64 = 1.73;

/// ELIANA enrolled patients from this age in years (S2: "aged 3–21 years old").
pub const ELIANA_MIN_AGE_YEARS: f64 = 3.0;

/// EU blinatumomab premedication in children: dexamethasone mg/m² 6–12 hours before cycle 1
/// (L), at most [`BLINA_PREMED_MAX_MG`].
pub const EU_PREMED_CHILD_FIRST_MG_PER_M2: f64 = 10.0;
