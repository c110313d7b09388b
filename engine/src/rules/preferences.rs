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
pub(crate) const Q_BLAST_S2: Citation = cite(
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
    reads: &[Field::Transplant, Field::Cd19, Field::Cd22, Field::Setting],
    eval: |s| {
        if s.transplant == TransplantPlan::Unknown {
            // Unknown is not "no transplant": a plan would put inotuzumab in caution.
            return vec![finding(
                Some(Therapy::Inotuzumab),
                Effect::NeedsTest,
                "Transplant plan is needed before inotuzumab: an allo-HSCT after it raises the risk of VOD.",
                &[Q_HSCT_S2],
            )];
        }
        if s.transplant != TransplantPlan::Planned {
            return Vec::new();
        }
        // Blinatumomab is preferred *over inotuzumab*: in CR (the MRD setting) inotuzumab is
        // not an alternative, so there is nothing to prefer it over.
        if !s.setting.is_relapsed_refractory() {
            return Vec::new();
        }
        let mut out = vec![finding(
            Some(Therapy::Inotuzumab),
            Effect::Caution,
            "Allo-HSCT planned: VOD risk with inotuzumab; if it is used, limit to 2 cycles.",
            &[Q_HSCT_S2, L_INO_CYCLES],
        )];
        if s.cd19.is_positive() && s.cd22.is_positive() {
            out.push(finding(
                Some(Therapy::Blinatumomab),
                Effect::Favours,
                "CD19- and CD22-positive with allo-HSCT planned: blinatumomab is preferred (no VOD risk).",
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
                    "Liver history (serious ongoing liver disease, prior VOD/SOS) is needed before inotuzumab: either raises the risk of VOD.",
                    &[L_VOD_RISK],
                )]
            }
            Liver::None => return Vec::new(),
        };
        vec![finding(
            Some(Therapy::Inotuzumab),
            Effect::Caution,
            text,
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
                "CNS status is needed before blinatumomab: active CNS leukaemia or a history of CNS pathology calls for caution.",
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
                "Active CNS disease: inotuzumab is favoured (no blinatumomab neurotoxicity).",
                &[Q_CNS_S2],
            ),
            finding(
                Some(Therapy::Blinatumomab),
                Effect::Caution,
                "Active CNS disease: risk of neurotoxicity; the blinatumomab trials excluded active CNS leukaemia.",
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
            "History of CNS pathology or seizures: neurotoxicity risk; give anticonvulsant prophylaxis before blinatumomab if there were seizures.",
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
                    "MRD {} in CR (≥ 0.1%): blinatumomab is approved here; 78% were MRD-negative after one cycle (BLAST, adults).",
                    crate::validate::format_mrd(m)
                ),
                &[Q_MRD_S2, Q_BLAST_S2, L_BLINA_US_MRD],
            )],
            Some(_) => Vec::new(),
            None => vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::NeedsTest,
                "MRD level is needed: blinatumomab's approval requires MRD ≥ 0.1% (10⁻³).",
                &[Q_MRD_S2],
            )],
        }
    },
};

/// P-PRIOR-RESP: disease refractory to a therapy puts that therapy in caution.
pub const P_PRIOR_RESP: Rule = Rule {
    id: RuleId::PPriorResp,
    statement: "When the disease did not respond to blinatumomab, inotuzumab or a CD19 CAR-T product, that therapy (for CAR-T, every product) is used with caution and never preferred: the disease was refractory to it, and the sources give no evidence for re-treatment after non-response. An unknown prior exposure is asked for.",
    sources: &[Q_ANTIGEN_LOSS_S2_REF, Q_RESIST_S3, Q_DOSE_RESIST_S3, Q_INO_NORESP_S3],
    reads: &[Field::PriorBlinatumomab, Field::PriorInotuzumab, Field::PriorCart],
    eval: |s| {
        let mut out = Vec::new();
        // Unknown is not "never given": a non-response would put the drug in caution.
        let unknown: [(PriorExposure, &str, &[Therapy]); 3] = [
            (s.prior_blinatumomab, "Whether blinatumomab was given before, and with what response, is needed: disease refractory to it calls for caution.", &[Therapy::Blinatumomab]),
            (s.prior_inotuzumab, "Whether inotuzumab was given before, and with what response, is needed: disease refractory to it calls for caution.", &[Therapy::Inotuzumab]),
            (s.prior_cart, "Whether CD19 CAR-T was given before, and with what response, is needed: disease refractory to it calls for caution.", &Therapy::CAR_T),
        ];
        for (exposure, text, therapies) in unknown {
            if exposure == PriorExposure::Unknown {
                for &t in therapies {
                    out.push(finding(Some(t), Effect::NeedsTest, text, &[Q_RESIST_S3]));
                }
            }
        }
        if s.prior_blinatumomab == PriorExposure::NoResponse {
            out.push(finding(
                Some(Therapy::Blinatumomab),
                Effect::Caution,
                "No response to prior blinatumomab: the disease was refractory to it; no source supports re-treatment (resistance persisted even at triple dose in one child).",
                &[Q_RESIST_S3, Q_DOSE_RESIST_S3],
            ));
        }
        if s.prior_inotuzumab == PriorExposure::NoResponse {
            out.push(finding(
                Some(Therapy::Inotuzumab),
                Effect::Caution,
                "No response to prior inotuzumab: the disease was refractory to it; no source supports re-treatment.",
                &[Q_INO_NORESP_S3],
            ));
        }
        if s.prior_cart == PriorExposure::NoResponse {
            for t in Therapy::CAR_T {
                out.push(finding(
                    Some(t),
                    Effect::Caution,
                    "No response to prior CD19 CAR-T: the disease was refractory to CD19 CAR-T; no source supports another product after non-response.",
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
                    "Whether there was a prior allo-HSCT is needed before inotuzumab: a prior transplant raises the risk of VOD.",
                    &[L_VOD_RISK],
                )];
            }
            return Vec::new();
        }
        vec![
            finding(
                Some(Therapy::Blinatumomab),
                Effect::Note,
                "Prior allo-HSCT: CR/CRh 45% (29/64) with blinatumomab after transplant.",
                &[Q_POST_HSCT_S1],
            ),
            finding(
                Some(Therapy::Inotuzumab),
                Effect::Caution,
                "Prior allo-HSCT: higher VOD risk with inotuzumab.",
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
                "On dialysis: no data for blinatumomab.",
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
                // Rounded only where it stays on its side of both 30 and 90.
                let kept = beside(normalised, CRCL_NO_DATA_BELOW);
                let kept = if kept.0 == beside(normalised, CRCL_NO_ADJUSTMENT_BELOW).0 {
                    kept
                } else {
                    exact(normalised)
                };
                (
                    normalised,
                    format!(
                        "{} mL/min ({} mL/min/1.73 m² with BSA {} m²)",
                        exact(entered),
                        kept,
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

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rule::Effect::*;
    use crate::scenario::{Extramedullary, Marker, Scenario};

    #[test]
    fn p_hsct() {
        let plan = Scenario {
            transplant: TransplantPlan::Planned,
            ..base()
        };
        assert_eq!(effects(&P_HSCT, &plan, BLINA), [Favours]);
        assert_eq!(effects(&P_HSCT, &plan, INO), [Caution]);
        // Both markers must be positive for the preference; low or unknown is not.
        for (cd19, cd22) in [
            (Marker::Positive { pct: None }, Marker::Low { pct: 19.99 }),
            (Marker::Low { pct: 5.0 }, Marker::Positive { pct: None }),
            (Marker::Unknown, Marker::Positive { pct: None }),
            (Marker::Positive { pct: None }, Marker::Unknown),
        ] {
            let s = Scenario {
                cd19,
                cd22,
                ..plan.clone()
            };
            assert!(effects(&P_HSCT, &s, BLINA).is_empty());
            assert_eq!(effects(&P_HSCT, &s, INO), [Caution]);
        }
        // Unknown is asked for, never read as "no transplant".
        let unknown = Scenario {
            transplant: TransplantPlan::Unknown,
            ..base()
        };
        assert_eq!(effects(&P_HSCT, &unknown, INO), [NeedsTest]);
        assert!(effects(&P_HSCT, &unknown, BLINA).is_empty());
        for transplant in [TransplantPlan::Candidate, TransplantPlan::NotCandidate] {
            assert!(silent(
                &P_HSCT,
                &Scenario {
                    transplant,
                    ..base()
                }
            ));
        }
    }

    #[test]
    fn p_vod_is_the_us_caution() {
        let us = |liver| Scenario { liver, ..base() };
        assert_eq!(effects(&P_VOD, &us(Liver::Disease), INO), [Caution]);
        assert_eq!(effects(&P_VOD, &us(Liver::PriorVod), INO), [Caution]);
        assert_eq!(effects(&P_VOD, &us(Liver::Unknown), INO), [NeedsTest]);
        assert!(silent(&P_VOD, &us(Liver::None)));
        // In the EU the same history is E-INO-LIVER's exclusion.
        for liver in [Liver::Disease, Liver::PriorVod, Liver::Unknown] {
            assert!(silent(&P_VOD, &Scenario { liver, ..eu() }));
        }
    }

    #[test]
    fn p_burden_at_50_percent_and_with_extramedullary_disease() {
        let marrow = |bm| Scenario {
            marrow_blasts_pct: bm,
            ..base()
        };
        assert_eq!(effects(&P_BURDEN, &marrow(Some(50.0)), INO), [Favours]);
        assert_eq!(effects(&P_BURDEN, &marrow(Some(50.0)), BLINA), [Note]);
        assert_eq!(effects(&P_BURDEN, &marrow(Some(50.01)), INO), [Favours]);
        assert!(silent(&P_BURDEN, &marrow(Some(49.99))));
        assert!(silent(&P_BURDEN, &marrow(Some(49.999_999_999))));
        // Shown as entered, beside the threshold.
        assert!(texts(&P_BURDEN, &marrow(Some(50.004)), INO)[0]
            .starts_with("Marrow blasts 50.004% (≥ 50%)"));
        for emd in [Extramedullary::Present, Extramedullary::HighLoad] {
            let s = Scenario {
                extramedullary: emd,
                ..base()
            };
            assert_eq!(effects(&P_BURDEN, &s, INO), [Favours]);
            // A known extramedullary disease decides even with the marrow unknown.
            let s = Scenario {
                marrow_blasts_pct: None,
                ..s
            };
            assert_eq!(effects(&P_BURDEN, &s, INO), [Favours]);
        }
        let both = Scenario {
            extramedullary: Extramedullary::Present,
            ..marrow(Some(80.0))
        };
        assert!(texts(&P_BURDEN, &both, INO)[0]
            .starts_with("Marrow blasts 80% and extramedullary disease"));
    }

    #[test]
    fn p_burden_asks_for_an_unknown_burden_outside_cr() {
        let asked = |s: &Scenario| {
            assert_eq!(effects(&P_BURDEN, s, BLINA), [NeedsTest]);
            assert_eq!(effects(&P_BURDEN, s, INO), [NeedsTest]);
            texts(&P_BURDEN, s, BLINA).remove(0)
        };
        let marrow = asked(&Scenario {
            marrow_blasts_pct: None,
            ..base()
        });
        assert!(marrow.contains("(marrow blasts)"), "{marrow}");
        let emd = asked(&Scenario {
            extramedullary: Extramedullary::Unknown,
            ..base()
        });
        assert!(emd.contains("(extramedullary disease)"), "{emd}");
        let both = asked(&Scenario {
            marrow_blasts_pct: None,
            extramedullary: Extramedullary::Unknown,
            ..base()
        });
        assert!(
            both.contains("(marrow blasts and extramedullary disease)"),
            "{both}"
        );
        // A known high marrow count decides whatever the extramedullary answer.
        let high = Scenario {
            marrow_blasts_pct: Some(60.0),
            extramedullary: Extramedullary::Unknown,
            ..base()
        };
        assert_eq!(effects(&P_BURDEN, &high, INO), [Favours]);
        // In morphologic CR there is no burden to ask about.
        assert!(silent(
            &P_BURDEN,
            &Scenario {
                marrow_blasts_pct: None,
                extramedullary: Extramedullary::Unknown,
                ..mrd()
            }
        ));
    }

    #[test]
    fn p_cns_and_p_neuro_hx() {
        let cns = |cns| Scenario { cns, ..base() };
        assert_eq!(effects(&P_CNS, &cns(Cns::Active), INO), [Favours]);
        assert_eq!(effects(&P_CNS, &cns(Cns::Active), BLINA), [Caution]);
        assert!(silent(&P_NEURO_HX, &cns(Cns::Active)));
        assert_eq!(effects(&P_NEURO_HX, &cns(Cns::History), BLINA), [Caution]);
        assert!(silent(&P_CNS, &cns(Cns::History)));
        // Unknown: asked for before blinatumomab, never read as "none".
        assert_eq!(effects(&P_CNS, &cns(Cns::Unknown), BLINA), [NeedsTest]);
        assert!(effects(&P_CNS, &cns(Cns::Unknown), INO).is_empty());
        assert!(silent(&P_NEURO_HX, &cns(Cns::Unknown)));
        assert!(silent(&P_CNS, &cns(Cns::None)));
        assert!(silent(&P_NEURO_HX, &cns(Cns::None)));
    }

    #[test]
    fn p_mrd_at_the_approval_threshold() {
        let level = |m| Scenario {
            mrd_fraction: m,
            ..mrd()
        };
        assert_eq!(effects(&P_MRD, &level(Some(1e-3)), BLINA), [Favours]);
        assert_eq!(effects(&P_MRD, &level(Some(1.001e-3)), BLINA), [Favours]);
        assert!(silent(&P_MRD, &level(Some(9.99e-4))));
        assert!(silent(&P_MRD, &level(Some(1e-3 * (1.0 - 1e-9)))));
        assert_eq!(effects(&P_MRD, &level(None), BLINA), [NeedsTest]);
        assert!(texts(&P_MRD, &level(Some(1e-3)), BLINA)[0].starts_with("MRD 0.1% (10⁻³) in CR"));
        // Only in the MRD setting.
        assert!(silent(
            &P_MRD,
            &Scenario {
                mrd_fraction: Some(1e-2),
                ..base()
            }
        ));
    }

    #[test]
    fn p_prior_resp() {
        let exposure = |pblin, pino, pcart| Scenario {
            prior_blinatumomab: pblin,
            prior_inotuzumab: pino,
            prior_cart: pcart,
            ..base()
        };
        use PriorExposure::*;
        let blin = exposure(NoResponse, No, No);
        assert_eq!(effects(&P_PRIOR_RESP, &blin, BLINA), [Caution]);
        assert_eq!((P_PRIOR_RESP.eval)(&blin).len(), 1);
        let ino = exposure(No, NoResponse, No);
        assert_eq!(effects(&P_PRIOR_RESP, &ino, INO), [Caution]);
        assert_eq!((P_PRIOR_RESP.eval)(&ino).len(), 1);
        // CAR-T: every product.
        let cart = exposure(No, No, NoResponse);
        for t in [TISA, BREXU, OBE] {
            assert_eq!(effects(&P_PRIOR_RESP, &cart, t), [Caution]);
        }
        assert!(effects(&P_PRIOR_RESP, &cart, BLINA).is_empty());
        // A response or no exposure: silent.
        for e in [Responded, No] {
            assert!(silent(&P_PRIOR_RESP, &exposure(e, e, e)));
        }
        // Unknown is asked for, never read as "not given" (invariant 5).
        let unknown = exposure(Unknown, No, Unknown);
        assert_eq!(effects(&P_PRIOR_RESP, &unknown, BLINA), [NeedsTest]);
        assert!(effects(&P_PRIOR_RESP, &unknown, INO).is_empty());
        for t in [TISA, BREXU, OBE] {
            assert_eq!(effects(&P_PRIOR_RESP, &unknown, t), [NeedsTest]);
        }
    }

    #[test]
    fn p_post_hsct() {
        let prior = |prior_hsct| Scenario {
            prior_hsct,
            ..base()
        };
        assert_eq!(effects(&P_POST_HSCT, &prior(YesNo::Yes), INO), [Caution]);
        assert_eq!(effects(&P_POST_HSCT, &prior(YesNo::Yes), BLINA), [Note]);
        assert!(silent(&P_POST_HSCT, &prior(YesNo::No)));
        assert_eq!(
            effects(&P_POST_HSCT, &prior(YesNo::Unknown), INO),
            [NeedsTest]
        );
        // The setting says it too.
        let setting = Scenario {
            setting: Setting::RelapseAfterHsct,
            ..prior(YesNo::Unknown)
        };
        assert_eq!(effects(&P_POST_HSCT, &setting, INO), [Caution]);
    }

    #[test]
    fn p_renal_at_30_and_90() {
        let crcl = |c| Scenario {
            crcl_ml_min: c,
            ..base()
        };
        assert_eq!(effects(&P_RENAL, &crcl(Some(29.99)), BLINA), [Caution]);
        assert_eq!(effects(&P_RENAL, &crcl(Some(30.0)), BLINA), [Note]);
        assert_eq!(effects(&P_RENAL, &crcl(Some(89.99)), BLINA), [Note]);
        assert!(silent(&P_RENAL, &crcl(Some(90.0))));
        assert_eq!(effects(&P_RENAL, &crcl(None), BLINA), [NeedsTest]);
        assert!(
            texts(&P_RENAL, &crcl(Some(29.996)), BLINA)[0].starts_with("CrCl 29.996 mL/min (< 30)")
        );
        let dialysis = Scenario {
            dialysis: YesNo::Yes,
            ..crcl(Some(100.0))
        };
        assert_eq!(effects(&P_RENAL, &dialysis, BLINA), [Caution]);
    }

    #[test]
    fn p_renal_reads_a_childs_clearance_per_1_73_m2() {
        // 10 years, 36 kg, 100 cm: BSA 1 m², so 17 mL/min is 29.41 mL/min/1.73 m².
        let child = |crcl, crcl_unit| Scenario {
            age_years: 10.0,
            weight_kg: Some(36.0),
            height_cm: Some(100.0),
            crcl_ml_min: Some(crcl),
            crcl_unit,
            ..base()
        };
        assert_eq!(
            effects(&P_RENAL, &child(17.0, CrclUnit::MlMin), BLINA),
            [Caution]
        );
        let text = &texts(&P_RENAL, &child(17.0, CrclUnit::MlMin), BLINA)[0];
        assert!(
            text.contains("17 mL/min (29.41 mL/min/1.73 m² with BSA 1 m²)"),
            "{text}"
        );
        assert_eq!(
            effects(&P_RENAL, &child(18.0, CrclUnit::MlMin), BLINA),
            [Note]
        );
        // Entered per 1.73 m², compared as entered.
        assert_eq!(
            effects(&P_RENAL, &child(29.0, CrclUnit::PerStandardBsa), BLINA),
            [Caution]
        );
        assert_eq!(
            effects(&P_RENAL, &child(30.0, CrclUnit::PerStandardBsa), BLINA),
            [Note]
        );
        // Normalised just under 90: never shown as 90 beside "no adjustment needed" (which
        // is said below 90 only).
        let just_under = child(89.996 / STANDARD_BSA_M2, CrclUnit::MlMin);
        let text = &texts(&P_RENAL, &just_under, BLINA)[0];
        assert!(!text.contains("(90 mL/min/1.73 m²"), "{text}");
        // An adult's clearance is compared as entered, BSA or not.
        let adult = Scenario {
            age_years: 18.0,
            ..child(17.0, CrclUnit::MlMin)
        };
        assert_eq!(effects(&P_RENAL, &adult, BLINA), [Caution]);
        assert_eq!(
            effects(
                &P_RENAL,
                &Scenario {
                    crcl_ml_min: Some(30.0),
                    ..adult
                },
                BLINA
            ),
            [Note]
        );
    }
}
