//! Preferences and cautions (P-*): the rules that change a status — a risk that puts a
//! therapy in caution, or a reason that favours it.

use super::finding;
use crate::display::{beside, exact};
use crate::documents::{DOC_BESPONSA_CYCLES, DOC_BESPONSA_VOD};
use crate::evidence::{cite, fact, Citation, SourceKey::*};
use crate::fields::Field;
use crate::labels::L_BLINA_US_MRD;
use crate::rule::{Effect, Rule, RuleId};
use crate::scenario::{
    Cns, CrclUnit, Liver, PriorExposure, Region, Setting, TransplantPlan, YesNo,
};
use crate::therapy::Therapy;
use crate::thresholds::*;

pub(crate) const Q_HSCT_S2: Citation = cite(
    S2,
    "blinatumomab is preferred for patients that will be proceeding to allo-HCT due to increased risk of VOD with inotuzumab.",
);
pub(crate) const Q_VOD_S2: Citation = cite(
    S2,
    "Common toxicities of inotuzumab included myelosuppression as well as increased risk for veno-occlusive disease (VOD) post-allo-SCT.",
);
pub(crate) const L_INO_CYCLES: Citation = fact(
    &DOC_BESPONSA_CYCLES,
    "Proceeding to HSCT: 2 cycles of inotuzumab, a third if CR/CRi with MRD negativity is not reached after 2; not proceeding: up to 6; stop if there is no CR/CRi within 3 cycles.",
);
pub(crate) const L_VOD_RISK: Citation = fact(
    &DOC_BESPONSA_VOD,
    "VOD/SOS with inotuzumab: 23 of 164 adults (14%) in INO-VATE, 18 (23%) of those who went on to HSCT. Risk factors: two-alkylator conditioning, last bilirubin at or above the upper limit of normal before HSCT, prior or ongoing liver disease, prior HSCT, older age, later salvage line, more cycles.",
);
pub(crate) const Q_BURDEN_S2: Citation = cite(
    S2,
    "if a patient has high tumor burden including extramedullary disease, inotuzumab is often preferred because response rates with inotuzumab do not correlate with disease burden, whereas blinatumomab has lower response rates in the setting of high tumor burden.",
);
pub(crate) const Q_BURDEN_S4: Citation = cite(
    S4,
    "Ninety-two % (12/13) of patients with pre-debulking BMB <50% reached a CR, while the rate of hematologic responses in patients with a bone marrow involvement ≥50% at baseline was 50% (10/20; p=0.02).",
);
pub(crate) const Q_CNS_S2: Citation = cite(
    S2,
    "Inotuzumab is also favorable to blinatumomab for patients with CNS disease due to risk of neurotoxicity with blinatumomab.",
);
pub(crate) const Q_CNS_S1: Citation = cite(
    S1,
    "patients with the history or the presence of clinically relevant neurological pathology or active leukemia in CNS are excluded from treatment.",
);
const Q_SEIZURE_S1: Citation = cite(
    S1,
    "For seizures, appropriate anticonvulsant treatment must be given on blinatumomab preinitiation.",
);
pub(crate) const Q_MRD_S2: Citation = cite(
    S2,
    "blinatumomab received FDA approval in 2018 for patients with B-ALL in CR with MRD 10^{-3} (0.1%) or greater.",
);
const Q_BLAST_S2: Citation = cite(
    S2,
    "78% achieved MRD negativity after one cycle of blinatumomab.",
);
pub(crate) const Q_POST_HSCT_S1: Citation = cite(
    S1,
    "The CR/CRh rates were similar in the ALL subgroups, including elderly patients (11/25; 44%) and patients with prior alloHSCT (29/64; 45%).",
);
const Q_RENAL_S2: Citation = cite(
    S2,
    "At present, there is no data available for patients with severe renal impairment ($\\text{CrCl} < 30 \\text{ mL/min}$) or for those on hemodialysis.",
);
const Q_RENAL_OK_S2: Citation = cite(
    S2,
    "no dosage adjustments are required for patients who have baseline mild [Creatinine clearance (CrCl) ranging from 60 to 89 mL/min] or moderate (CrCl ranging from 30 to 59 mL/min)",
);
const Q_RESIST_S3: Citation = cite(
    S3,
    "Mechanisms of Blinatumomab resistance have long been described [15, 18, 19], with CD19 target loss and lineage switch the most commonly reported [18, 19].",
);
const Q_DOSE_RESIST_S3: Citation = cite(
    S3,
    "in our patient, Blinatumomab resistance was dose-independent despite dose triplication.",
);
const Q_INO_NORESP_S3: Citation = cite(
    S3,
    "the patients received alternative salvage chemotherapy and immunotherapy approaches, including inotuzumab ozogamicin, with no response (Table 2).",
);

/// P-HSCT: a planned allo-HSCT favours blinatumomab over inotuzumab (VOD).
pub const P_HSCT: Rule = Rule {
    id: RuleId::PHsct,
    statement: "When an allogeneic HSCT is planned after response, blinatumomab is preferred over inotuzumab for CD19- and CD22-positive disease, because inotuzumab raises the risk of VOD; if inotuzumab is used, limit it to 2 cycles.",
    sources: &[Q_HSCT_S2, L_INO_CYCLES],
    reads: &[Field::Transplant, Field::Cd19, Field::Cd22],
    eval: |s| {
        if s.transplant == TransplantPlan::Unknown {
            // Unknown is not "no transplant": a plan would put inotuzumab in caution.
            return vec![finding(
                Some(Therapy::Inotuzumab),
                Effect::NeedsTest,
                "Transplant plan is needed before inotuzumab: an allo-HSCT after it raises the risk of VOD.".into(),
                &[Q_HSCT_S2],
            )];
        }
        if s.transplant != TransplantPlan::Planned {
            return Vec::new();
        }
        let mut out = vec![finding(
            Some(Therapy::Inotuzumab),
            Effect::Caution,
            "Allo-HSCT planned: VOD risk with inotuzumab; if it is used, limit to 2 cycles.".into(),
            &[Q_HSCT_S2, L_INO_CYCLES],
        )];
        if s.cd19.is_positive() && s.cd22.is_positive() {
            out.push(finding(
                Some(Therapy::Blinatumomab),
                Effect::Favours,
                "CD19- and CD22-positive with allo-HSCT planned: blinatumomab is preferred (no VOD risk).".into(),
                &[Q_HSCT_S2],
            ));
        }
        out
    },
};

/// P-VOD (US): ongoing liver disease or prior VOD raises inotuzumab's VOD risk. In the EU
/// the same history is a contraindication (E-INO-LIVER).
pub const P_VOD: Rule = Rule {
    id: RuleId::PVod,
    statement: "In the US, serious ongoing liver disease or a prior VOD/SOS raises the risk of VOD with inotuzumab: caution. (In the EU it is a contraindication: E-INO-LIVER.)",
    sources: &[L_VOD_RISK],
    reads: &[Field::Liver, Field::Region],
    eval: |s| {
        if s.region != Region::Us {
            return Vec::new();
        }
        let text = match s.liver {
            Liver::Disease => "Serious ongoing liver disease: higher VOD risk with inotuzumab.",
            Liver::PriorVod => "Prior VOD/SOS: higher VOD risk with inotuzumab.",
            Liver::Unknown => {
                return vec![finding(
                    Some(Therapy::Inotuzumab),
                    Effect::NeedsTest,
                    "Liver history (serious ongoing liver disease, prior VOD/SOS) is needed before inotuzumab: either raises the risk of VOD.".into(),
                    &[L_VOD_RISK],
                )]
            }
            Liver::None => return Vec::new(),
        };
        vec![finding(
            Some(Therapy::Inotuzumab),
            Effect::Caution,
            text.into(),
            &[L_VOD_RISK],
        )]
    },
};

/// P-BURDEN: high marrow blasts or extramedullary disease favours inotuzumab; outside CR an
/// unknown burden is asked for, since the known value could make a conflict.
pub const P_BURDEN: Rule = Rule {
    id: RuleId::PBurden,
    statement: "High tumour burden (marrow blasts ≥ 50%) or extramedullary disease favours inotuzumab: its responses do not depend on burden, blinatumomab's are lower. If blinatumomab is chosen, debulk first. Outside CR, unknown marrow blasts or extramedullary disease are asked for before either is preferred.",
    sources: &[Q_BURDEN_S2, Q_BURDEN_S4],
    reads: &[Field::Setting, Field::MarrowBlasts, Field::Extramedullary],
    eval: |s| {
        if !s.setting.is_relapsed_refractory() {
            return Vec::new();
        }
        let high_marrow = s
            .marrow_blasts_pct
            .filter(|&bm| bm >= HIGH_MARROW_BLASTS_PCT);
        let emd = s.extramedullary.is_present();
        let why = match (high_marrow, emd) {
            (Some(bm), true) => format!("Marrow blasts {}% and extramedullary disease", exact(bm)),
            (Some(bm), false) => format!("Marrow blasts {}% (≥ {}%)", exact(bm), exact(HIGH_MARROW_BLASTS_PCT)),
            (None, true) => "Extramedullary disease".to_string(),
            (None, false) => {
                // Unknown is not "low burden": either value could favour inotuzumab.
                let mut missing = Vec::new();
                if s.marrow_blasts_pct.is_none() {
                    missing.push("marrow blasts");
                }
                if s.extramedullary == crate::scenario::Extramedullary::Unknown {
                    missing.push("extramedullary disease");
                }
                if missing.is_empty() {
                    return Vec::new();
                }
                let text = format!(
                    "Tumour burden is needed ({}): high burden favours inotuzumab over blinatumomab.",
                    missing.join(" and ")
                );
                return [Therapy::Blinatumomab, Therapy::Inotuzumab]
                    .into_iter()
                    .map(|t| finding(Some(t), Effect::NeedsTest, text.clone(), &[Q_BURDEN_S2]))
                    .collect();
            }
        };
        vec![
            finding(
                Some(Therapy::Inotuzumab),
                Effect::Favours,
                format!("{why}: inotuzumab responses do not depend on disease burden."),
                &[Q_BURDEN_S2],
            ),
            finding(
                Some(Therapy::Blinatumomab),
                Effect::Note,
                format!("{why}: blinatumomab responses are lower with high burden (CR 50% with marrow blasts ≥ 50% vs 92% below, after debulking); debulk first if it is chosen."),
                &[Q_BURDEN_S2, Q_BURDEN_S4],
            ),
        ]
    },
};
/// P-CNS: active CNS disease favours inotuzumab over blinatumomab.
pub const P_CNS: Rule = Rule {
    id: RuleId::PCns,
    statement: "Active CNS leukaemia favours inotuzumab over blinatumomab, because of blinatumomab's neurotoxicity.",
    sources: &[Q_CNS_S2, Q_CNS_S1],
    reads: &[Field::Cns],
    eval: |s| {
        if s.cns == Cns::Unknown {
            // Unknown is not "no CNS disease": either CNS finding puts blinatumomab in caution.
            return vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::NeedsTest,
                "CNS status is needed before blinatumomab: active CNS leukaemia or a history of CNS pathology calls for caution.".into(),
                &[Q_CNS_S1],
            )];
        }
        if s.cns != Cns::Active {
            return Vec::new();
        }
        vec![
            finding(
                Some(Therapy::Inotuzumab),
                Effect::Favours,
                "Active CNS disease: inotuzumab is favoured (no blinatumomab neurotoxicity).".into(),
                &[Q_CNS_S2],
            ),
            finding(
                Some(Therapy::Blinatumomab),
                Effect::Caution,
                "Active CNS disease: risk of neurotoxicity; the blinatumomab trials excluded active CNS leukaemia.".into(),
                &[Q_CNS_S2, Q_CNS_S1],
            ),
        ]
    },
};

/// P-NEURO-HX: a history of CNS pathology or seizures calls for caution with blinatumomab.
pub const P_NEURO_HX: Rule = Rule {
    id: RuleId::PNeuroHx,
    statement: "A history of clinically relevant CNS pathology or seizures calls for caution with blinatumomab, and anticonvulsant cover before it if there were seizures.",
    sources: &[Q_CNS_S1, Q_SEIZURE_S1],
    reads: &[Field::Cns],
    eval: |s| {
        if s.cns != Cns::History {
            return Vec::new();
        }
        vec![finding(
            Some(Therapy::Blinatumomab),
            Effect::Caution,
            "History of CNS pathology or seizures: neurotoxicity risk; give anticonvulsant prophylaxis before blinatumomab if there were seizures.".into(),
            &[Q_CNS_S1, Q_SEIZURE_S1],
        )]
    },
};

/// P-MRD: MRD ≥ 10⁻³ in CR favours blinatumomab, the one approved therapy there.
pub const P_MRD: Rule = Rule {
    id: RuleId::PMrd,
    statement: "MRD-positive disease in CR with MRD ≥ 10⁻³ (0.1%) favours blinatumomab, the one therapy approved for it.",
    sources: &[Q_MRD_S2, Q_BLAST_S2, L_BLINA_US_MRD],
    reads: &[Field::Setting, Field::Mrd],
    eval: |s| {
        if s.setting != Setting::MrdPositiveCr {
            return Vec::new();
        }
        match s.mrd_fraction {
            Some(m) if m >= MRD_APPROVAL_FRACTION => vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::Favours,
                format!(
                    "MRD {} in CR (≥ 0.1%): blinatumomab is approved here; 78% were MRD-negative after one cycle (BLAST).",
                    crate::validate::format_mrd(m)
                ),
                &[Q_MRD_S2, Q_BLAST_S2, L_BLINA_US_MRD],
            )],
            Some(_) => Vec::new(),
            None => vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::NeedsTest,
                "MRD level is needed: blinatumomab's approval requires MRD ≥ 0.1% (10⁻³).".into(),
                &[Q_MRD_S2],
            )],
        }
    },
};

/// P-PRIOR-RESP: disease refractory to a therapy puts that therapy in caution.
pub const P_PRIOR_RESP: Rule = Rule {
    id: RuleId::PPriorResp,
    statement: "When the disease did not respond to blinatumomab, inotuzumab or a CD19 CAR-T product, that therapy (for CAR-T, every product) is used with caution and never preferred: the disease was refractory to it, and the sources give no evidence for re-treatment after non-response.",
    sources: &[Q_ANTIGEN_LOSS_S2_REF, Q_RESIST_S3, Q_DOSE_RESIST_S3, Q_INO_NORESP_S3],
    reads: &[Field::PriorBlinatumomab, Field::PriorInotuzumab, Field::PriorCart],
    eval: |s| {
        let mut out = Vec::new();
        if s.prior_blinatumomab == PriorExposure::NoResponse {
            out.push(finding(
                Some(Therapy::Blinatumomab),
                Effect::Caution,
                "No response to prior blinatumomab: the disease was refractory to it; no source supports re-treatment (resistance persisted even at triple dose in one child).".into(),
                &[Q_RESIST_S3, Q_DOSE_RESIST_S3],
            ));
        }
        if s.prior_inotuzumab == PriorExposure::NoResponse {
            out.push(finding(
                Some(Therapy::Inotuzumab),
                Effect::Caution,
                "No response to prior inotuzumab: the disease was refractory to it; no source supports re-treatment.".into(),
                &[Q_INO_NORESP_S3],
            ));
        }
        if s.prior_cart == PriorExposure::NoResponse {
            for t in Therapy::CAR_T {
                out.push(finding(
                    Some(t),
                    Effect::Caution,
                    "No response to prior CD19 CAR-T: the disease was refractory to CD19 CAR-T; no source supports another product after non-response.".into(),
                    &[Q_ANTIGEN_LOSS_S2_REF, Q_RESIST_S3],
                ));
            }
        }
        out
    },
};

/// The antigen-loss quote (E-CD19's), reused for CAR-T non-response.
const Q_ANTIGEN_LOSS_S2_REF: Citation = super::eligibility::Q_ANTIGEN_LOSS_S2;

/// P-POST-HSCT: relapse after allo-HSCT: blinatumomab works; inotuzumab carries VOD risk.
pub const P_POST_HSCT: Rule = Rule {
    id: RuleId::PPostHsct,
    statement: "After an allogeneic HSCT, blinatumomab still works (CR/CRh 45%), while inotuzumab carries a higher VOD risk.",
    sources: &[Q_POST_HSCT_S1, Q_VOD_S2, L_VOD_RISK],
    reads: &[Field::Setting, Field::PriorHsct],
    eval: |s| {
        if !s.had_allo_hsct() {
            if s.prior_hsct == YesNo::Unknown {
                return vec![finding(
                    Some(Therapy::Inotuzumab),
                    Effect::NeedsTest,
                    "Whether there was a prior allo-HSCT is needed before inotuzumab: a prior transplant raises the risk of VOD.".into(),
                    &[L_VOD_RISK],
                )];
            }
            return Vec::new();
        }
        vec![
            finding(
                Some(Therapy::Blinatumomab),
                Effect::Note,
                "Prior allo-HSCT: CR/CRh 45% (29/64) with blinatumomab after transplant.".into(),
                &[Q_POST_HSCT_S1],
            ),
            finding(
                Some(Therapy::Inotuzumab),
                Effect::Caution,
                "Prior allo-HSCT: higher VOD risk with inotuzumab.".into(),
                &[Q_VOD_S2, L_VOD_RISK],
            ),
        ]
    },
};

/// P-RENAL: severe renal impairment or dialysis is outside blinatumomab's data.
pub const P_RENAL: Rule = Rule {
    id: RuleId::PRenal,
    statement: "There are no data for blinatumomab with CrCl below 30 mL/min or on dialysis; no dose adjustment is needed for CrCl 30–89 mL/min. A child's clearance is read per 1.73 m² (entered so, or normalised with the BSA).",
    sources: &[Q_RENAL_S2, Q_RENAL_OK_S2],
    reads: &[Field::Crcl, Field::CrclUnit, Field::Dialysis, Field::Age, Field::Weight, Field::Height],
    eval: |s| {
        if s.dialysis == YesNo::Yes {
            return vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::Caution,
                "On dialysis: no data for blinatumomab.".into(),
                &[Q_RENAL_S2],
            )];
        }
        let Some(entered) = s.crcl_ml_min else {
            // Unknown is not "normal": below 30 mL/min there are no data.
            return vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::NeedsTest,
                format!("Creatinine clearance is needed before blinatumomab: there are no data below {} mL/min or on dialysis.", exact(CRCL_NO_DATA_BELOW)),
                &[Q_RENAL_S2],
            )];
        };
        // An infant's absolute clearance is small by size alone: a child's is compared per
        // 1.73 m², normalised with the BSA when it was entered in mL/min.
        let bsa = crate::dosing::bsa(s).map(|b| b.m2);
        let (value, shown) = match (s.crcl_unit, s.is_child(), bsa) {
            (CrclUnit::PerStandardBsa, _, _) => (entered, format!("{} mL/min/1.73 m²", exact(entered))),
            (CrclUnit::MlMin, true, Some(m2)) => {
                let normalised = entered * STANDARD_BSA_M2 / m2;
                (
                    normalised,
                    format!(
                        "{} mL/min ({} mL/min/1.73 m² with BSA {} m²)",
                        exact(entered),
                        beside(normalised, CRCL_NO_DATA_BELOW),
                        crate::display::num(m2)
                    ),
                )
            }
            (CrclUnit::MlMin, _, _) => (entered, format!("{} mL/min", exact(entered))),
        };
        if value < CRCL_NO_DATA_BELOW {
            vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::Caution,
                format!("CrCl {shown} (< {}): no data for blinatumomab.", exact(CRCL_NO_DATA_BELOW)),
                &[Q_RENAL_S2],
            )]
        } else if value < CRCL_NO_ADJUSTMENT_BELOW {
            vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::Note,
                format!("CrCl {shown}: no blinatumomab dose adjustment needed."),
                &[Q_RENAL_OK_S2],
            )]
        } else {
            Vec::new()
        }
    },
};
