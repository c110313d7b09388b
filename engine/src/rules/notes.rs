//! Notes (P-*): context that changes no status — expected response, trial populations, the
//! TKI partner in Ph-positive disease, lineage switch, tests to repeat.

use super::{finding, CD19_DIRECTED};
use crate::display::{age, exact};
use crate::documents::{DOC_ICLUSIG_US, DOC_NICE_TA451};
use crate::evidence::{cite, fact, label_quote, Citation, SourceKey::*};
use crate::fields::Field;
use crate::labels::{L_BLINA_EU_RR, L_BLINA_US_RR};
use crate::rule::{Effect, Rule, RuleId};
use crate::scenario::{Marker, Ph, Region, Setting, TkisFailed, TransplantPlan, YesNo};
use crate::therapy::Therapy;
use crate::thresholds::*;

use super::preferences::{L_INO_CYCLES, Q_HSCT_S2, Q_POST_HSCT_S1};

pub(crate) const Q_MRD_TRIAL_S2: Citation = cite(
    S2,
    "in first CR after induction, and at least one round of consolidation chemotherapy, who had detectable MRD defined as $\\geq 1 \\times 10^{-4}$.",
);
pub(crate) const Q_MRD_RC_S2: Citation = cite(
    S2,
    "Richard-Carpentier et al sought to address this question in their ongoing phase II study in which blinatumomab was administered to Ph- and Ph+ B-ALL patients with persistent or recurrent MRD of $\\geq 10^{-4}$.",
);
pub(crate) const Q_PH_S0: Citation = cite(
    S0,
    "Of 45 patients, 16 (36%; 95% CI, 22% to 51%) achieved CR/CRh during the first two cycles, including four of 10 patients with the T315I mutation",
);
pub(crate) const Q_ALCANTARA_POP_S0: Citation = cite(
    S0,
    "In Ph+ ALL patients, with R/R disease, who progressed after or were intolerant to a second-generation or later TKI, the Alcantara phase II, single-arm, multicenter clinical trial [4] investigated the role of Blinatumomab",
);
const Q_PH_TKI_S2: Citation = cite(
    S2,
    "Blinatumomab has also been evaluated in combination with TKIs for treatment of R/R Ph+ ALL.",
);
const Q_PH_KING_S2: Citation = cite(
    S2,
    "This study demonstrated that Blinatumomab + TKI resulted in eradication of MRD in the majority of patients with Ph+ ALL",
);
const Q_PH_ELDERLY_S0: Citation = cite(
    S0,
    "the way for a potential “chemo-free” approach, at least in the elderly population, based on the combination of Blinatumomab and second/third generation TKIs.",
);
/// The chemo-free direction without S0's TKI generations, for T315I (where only ponatinib
/// is active).
const Q_CHEMO_FREE_S0: Citation = cite(
    S0,
    "the way for a potential “chemo-free” approach, at least in the elderly population",
);
pub(crate) const Q_LINES_S4: Citation = cite(
    S4,
    "17 out of 20 (85%) who had received ≤2 previous lines of treatment obtained a CR, while only 6 out of 14 (42.9%) patients with >2 previous lines of treatment achieved it (p=0.02).",
);
const Q_TREG_S1: Citation = cite(
    S1,
    "A high percentage of T reg cells (over 12.5%) and high serum lactate dehydrogenase level were found to be independent predictors of lack of response to blinatumomab.",
);
const Q_KMT2A_S2: Citation = cite(
    S2,
    "Treatment of *KMT2A* (formerly *MLL*)-rearranged B-ALL with blinatumomab has also been reported to be associated with subsequent lineage switch to AML, which is another potential mechanism of resistance.",
);
const Q_KMT2A_S3: Citation = cite(
    S3,
    "one patient with MLL (KMT2A) rearrangement that was refractory to immunotherapy salvage approach (Blinatumomab, inotuzumab ozogamicin), experienced leukemia switch to mixed phenotype acute leukemia (MPAL) and eventually died due to disease progression.",
);
pub(crate) const Q_PRIOR_CD19_S3: Citation = cite(
    S3,
    "In our study, 2/3 post-Blinatumomab relapses were CD19-negative and lineage switch (MPAL) was also observed in one of our patients.",
);
const Q_PRIOR_CD19_S2: Citation = cite(
    S2,
    "This phenomenon is known to occur in patients treated with blinatumomab, but appears to be a less common mechanism of resistance compared to CAR-T cell therapy.",
);
pub(crate) const Q_AGE_S4: Citation = cite(
    S4,
    "among patients ≥50 years, 66.7% (n=10/15) reached a CR within 2 cycles of blinatumomab",
);
const Q_TKI_S0: Citation = cite(
    S0,
    "In Ph+ patients, TKIs led to a significant outcome improvement, mainly in terms of better tolerability, and reduction of death during induction rates, if compared with standard chemotherapy-based regimens [1].",
);
const Q_T315I_S0: Citation = cite(
    S0,
    "the molecular mechanisms responsible for resistance or response loss after TKIs treatment, frequently represented by the occurrence of substitutions in the ABL kinase domain, particularly within the threonine 315 residue (T315I).",
);
const L_PONATINIB_US: Citation = fact(
    &DOC_ICLUSIG_US,
    "T315I confers resistance to imatinib and to the second-generation TKIs (dasatinib, nilotinib, bosutinib); ponatinib is active, and its US label covers T315I-positive Ph-positive ALL.",
);
const L_PONATINIB_NICE: Citation =
    label_quote(&DOC_NICE_TA451, "the T315I gene mutation is present");
pub(crate) const Q_TRIAL_POP_S1: Citation = cite(
    S1,
    "early relapse (duration of first CR ,12 months), and second or later relapses.",
);
pub(crate) const Q_TOWER_POP_S1: Citation = cite(
    S1,
    "in untreated first relapse with a first remission duration ,12 months or in untreated second or greater relapse or relapsed at any time after alloHSCT are eligible.",
);

/// P-MRD-LOW: MRD below the approval threshold rests on trial evidence only.
pub const P_MRD_LOW: Rule = Rule {
    id: RuleId::PMrdLow,
    statement: "MRD between 10⁻⁴ and 10⁻³ is below blinatumomab's approval threshold; only trials (which used ≥ 10⁻⁴) support treating it.",
    sources: &[Q_MRD_TRIAL_S2, Q_MRD_RC_S2],
    reads: &[Field::Setting, Field::Mrd],
    eval: |s| {
        let m = match (s.setting, s.mrd_fraction) {
            (Setting::MrdPositiveCr, Some(m)) if m < MRD_APPROVAL_FRACTION => m,
            _ => return Vec::new(),
        };
        let text = if m >= MRD_TRIAL_FRACTION {
            format!(
                "MRD {} is below the approval threshold of 0.1%: trial evidence only (trials treated ≥ 10⁻⁴).",
                crate::validate::format_mrd(m)
            )
        } else {
            format!(
                "MRD {} is below 10⁻⁴, the lowest level the trials treated: no evidence for blinatumomab at this level.",
                crate::validate::format_mrd(m)
            )
        };
        vec![finding(
            Some(Therapy::Blinatumomab),
            Effect::Note,
            text,
            &[Q_MRD_TRIAL_S2, Q_MRD_RC_S2],
        )]
    },
};

/// P-PH: Ph-positive disease: blinatumomab is active; the TKI partner depends on T315I.
pub const P_PH: Rule = Rule {
    id: RuleId::PPh,
    statement: "In Ph-positive disease blinatumomab is active (ALCANTARA, after failure of a second-generation or later TKI, including with T315I) and has been combined with TKIs. With T315I, imatinib and the second-generation TKIs do not work and ponatinib is the TKI with activity; an unknown T315I status is asked for. For the other therapies, Ph-positive disease needs TKI therapy planned.",
    sources: &[Q_PH_S0, Q_ALCANTARA_POP_S0, Q_PH_TKI_S2, Q_PH_KING_S2, Q_T315I_S0, L_PONATINIB_US, L_PONATINIB_NICE, Q_TKI_S0],
    reads: &[Field::Ph, Field::TkisFailed, Field::T315i],
    eval: |s| {
        if s.ph != Ph::Positive {
            return Vec::new();
        }
        let partner = match s.t315i {
            YesNo::Yes => " With T315I the partner is ponatinib (imatinib and the second-generation TKIs do not work against it).",
            _ => "",
        };
        let alcantara = match s.tkis_failed {
            TkisFailed::One | TkisFailed::TwoOrMore => "Ph-positive after TKI failure, as in ALCANTARA (adults): CR/CRh 36%",
            _ => "Ph-positive: CR/CRh 36% in ALCANTARA, which enrolled adults after failure of a second-generation or later TKI",
        };
        let t315i_figure = if s.t315i == YesNo::Yes {
            " (4 of 10 with T315I responded)"
        } else {
            ""
        };
        let mut out = vec![finding(
            Some(Therapy::Blinatumomab),
            Effect::Note,
            format!("{alcantara}{t315i_figure}. Blinatumomab has been combined with a TKI, clearing MRD in most patients.{partner}"),
            if s.t315i == YesNo::Yes {
                &[Q_PH_S0, Q_ALCANTARA_POP_S0, Q_PH_TKI_S2, Q_PH_KING_S2, L_PONATINIB_US]
            } else {
                &[Q_PH_S0, Q_ALCANTARA_POP_S0, Q_PH_TKI_S2, Q_PH_KING_S2]
            },
        )];
        for t in [Therapy::Inotuzumab, Therapy::Tisagenlecleucel, Therapy::Brexucabtagene, Therapy::Obecabtagene] {
            out.push(finding(
                Some(t),
                Effect::Note,
                "Ph-positive: plan TKI therapy alongside.",
                &[Q_TKI_S0],
            ));
        }
        match s.t315i {
            YesNo::Yes => out.push(finding(
                None,
                Effect::Note,
                "T315I: imatinib and the second-generation TKIs (dasatinib, nilotinib, bosutinib) do not work against it; ponatinib is the TKI with activity.",
                &[Q_T315I_S0, L_PONATINIB_US, L_PONATINIB_NICE],
            )),
            YesNo::Unknown => out.push(finding(
                None,
                Effect::NeedsTest,
                "T315I mutation status is needed to choose the TKI: with T315I only ponatinib is active.",
                &[Q_T315I_S0, L_PONATINIB_US],
            )),
            YesNo::No => {}
        }
        out
    },
};

/// P-PH-UNK: Ph status unknown: BCR-ABL1 is needed for every therapy.
pub const P_PH_UNK: Rule = Rule {
    id: RuleId::PPhUnk,
    statement: "When the Ph status is unknown, BCR-ABL1 is needed before any of the therapies: it decides whether a TKI is planned alongside, and in the EU it decides blinatumomab's label.",
    sources: &[Q_TKI_S0, L_BLINA_EU_RR],
    reads: &[Field::Ph, Field::Region],
    eval: |s| {
        if s.ph != Ph::Unknown {
            return Vec::new();
        }
        let text = match s.region {
            Region::Eu => "BCR-ABL1 (Ph status) is needed: it decides whether a TKI is planned alongside, and blinatumomab's EU label.",
            Region::Us => "BCR-ABL1 (Ph status) is needed: it decides whether a TKI is planned alongside.",
        };
        Therapy::ALL
            .into_iter()
            .map(|t| finding(Some(t), Effect::NeedsTest, text, &[Q_TKI_S0, L_BLINA_EU_RR]))
            .collect()
    },
};

/// P-PH-ELDERLY: Ph-positive and older: a chemo-free blinatumomab + TKI approach.
pub const P_PH_ELDERLY: Rule = Rule {
    id: RuleId::PPhElderly,
    statement: "In older patients with Ph-positive disease, a chemotherapy-free approach of blinatumomab with a second- or third-generation TKI is the direction proposed. With T315I the TKI is ponatinib: the second-generation TKIs do not work against it.",
    sources: &[Q_PH_ELDERLY_S0, Q_CHEMO_FREE_S0, L_PONATINIB_US],
    reads: &[Field::Ph, Field::Age, Field::T315i],
    eval: |s| {
        if s.ph != Ph::Positive || s.age_years < OLDER_ADULT_AGE_YEARS {
            return Vec::new();
        }
        let (text, sources): (String, &'static [Citation]) = if s.t315i == YesNo::Yes {
            // With T315I a second-generation TKI would not work: name the one that does.
            (
                format!(
                    "Ph-positive with T315I, age {}: a chemotherapy-free approach of blinatumomab with a TKI is proposed for older patients; with T315I that TKI is ponatinib.",
                    age(s.age_years)
                ),
                &[Q_CHEMO_FREE_S0, L_PONATINIB_US],
            )
        } else {
            (
                format!(
                    "Ph-positive, age {}: a chemotherapy-free blinatumomab + second/third-generation TKI approach is proposed for older patients.",
                    age(s.age_years)
                ),
                &[Q_PH_ELDERLY_S0],
            )
        };
        vec![finding(None, Effect::Note, text, sources)]
    },
};

/// P-LINES: more than 2 prior lines lowers the CR rate with blinatumomab.
pub const P_LINES: Rule = Rule {
    id: RuleId::PLines,
    statement: "After more than 2 prior lines, CR with blinatumomab is less likely (42.9% vs 85%).",
    sources: &[Q_LINES_S4],
    reads: &[Field::PriorLines],
    eval: |s| {
        match s.prior_lines {
        Some(n) if n > PRIOR_LINES_MAX => vec![finding(
            Some(Therapy::Blinatumomab),
            Effect::Note,
            format!("{n} prior lines (> {PRIOR_LINES_MAX}): CR 42.9% vs 85% with ≤ {PRIOR_LINES_MAX} lines."),
            &[Q_LINES_S4],
        )],
        _ => Vec::new(),
    }
    },
};

/// P-TREG-LDH: high Treg or high LDH predicts non-response to blinatumomab.
pub const P_TREG_LDH: Rule = Rule {
    id: RuleId::PTregLdh,
    statement: "Regulatory T cells above 12.5% of T cells, or a high LDH, independently predict non-response to blinatumomab.",
    sources: &[Q_TREG_S1],
    reads: &[Field::Treg, Field::LdhStatus, Field::Ldh, Field::LdhUln],
    eval: |s| {
        let mut why = Vec::new();
        if let Some(t) = s.treg_pct.filter(|&t| t > TREG_NONRESPONSE_PCT) {
            why.push(format!("Tregs {}% of T cells (> {}%)", exact(t), exact(TREG_NONRESPONSE_PCT)));
        }
        if let crate::scenario::Ldh::Elevated { ratio } = s.ldh {
            why.push(match ratio {
                Some(r) => format!("LDH {} × the upper limit of normal", crate::display::beside(r, 1.0)),
                None => "LDH elevated".to_string(),
            });
        }
        if why.is_empty() {
            return Vec::new();
        }
        vec![finding(
            Some(Therapy::Blinatumomab),
            Effect::Note,
            format!("{}: predicts non-response to blinatumomab.", why.join(" and ")),
            &[Q_TREG_S1],
        )]
    },
};

/// P-KMT2A: KMT2A rearrangement: lineage-switch risk under CD19-directed therapy.
pub const P_KMT2A: Rule = Rule {
    id: RuleId::PKmt2a,
    statement:
        "KMT2A (MLL)-rearranged disease can switch lineage to AML under CD19-directed therapy.",
    sources: &[Q_KMT2A_S2, Q_KMT2A_S3],
    reads: &[Field::Kmt2a],
    eval: |s| {
        if s.kmt2a != YesNo::Yes {
            return Vec::new();
        }
        let mut out = vec![finding(
            None,
            Effect::Note,
            "KMT2A rearranged: watch for lineage switch to AML (or mixed phenotype) under CD19-directed therapy.",
            &[Q_KMT2A_S2, Q_KMT2A_S3],
        )];
        for t in CD19_DIRECTED {
            out.push(finding(
                Some(t),
                Effect::Note,
                "KMT2A rearranged: risk of lineage switch to AML under CD19-directed therapy.",
                &[Q_KMT2A_S2],
            ));
        }
        out
    },
};

/// P-PRIOR-CD19: after CD19-directed therapy, CD19 must be checked again.
pub const P_PRIOR_CD19: Rule = Rule {
    id: RuleId::PPriorCd19,
    statement: "After CD19-directed therapy, whether it worked or not, test CD19 again on the current disease: CD19-negative relapse is a known escape, commoner after CAR-T than after blinatumomab.",
    sources: &[Q_PRIOR_CD19_S3, Q_PRIOR_CD19_S2],
    reads: &[Field::PriorBlinatumomab, Field::PriorCart, Field::Cd19],
    eval: |s| {
        let what = match (s.prior_blinatumomab.given(), s.prior_cart.given()) {
            (true, true) => "blinatumomab and CD19 CAR-T",
            (true, false) => "blinatumomab",
            (false, true) => "CD19 CAR-T",
            (false, false) => return Vec::new(),
        };
        let text = if s.cd19 == Marker::Negative {
            format!("CD19-negative after prior {what}: the known escape from CD19-directed therapy (2 of 3 relapses after blinatumomab were CD19-negative in one series); a CD19-directed therapy has no target now.")
        } else {
            format!("Prior {what}: confirm CD19 on the current disease (CD19-negative escape in 2 of 3 relapses after blinatumomab in one series).")
        };
        CD19_DIRECTED
            .iter()
            .map(|&t| finding(Some(t), Effect::Note, text.clone(), &[Q_PRIOR_CD19_S3, Q_PRIOR_CD19_S2]))
            .collect()
    },
};

/// P-HSCT-CAND: a transplant candidate without a plan: if HSCT follows inotuzumab, VOD risk
/// rises.
pub const P_HSCT_CAND: Rule = Rule {
    id: RuleId::PHsctCand,
    statement: "For a transplant candidate without a plan yet: if an allo-HSCT follows inotuzumab, the VOD risk rises; limit inotuzumab to 2 cycles.",
    sources: &[Q_HSCT_S2, L_INO_CYCLES],
    reads: &[Field::Transplant],
    eval: |s| {
        if s.transplant != TransplantPlan::Candidate {
            return Vec::new();
        }
        vec![finding(
            Some(Therapy::Inotuzumab),
            Effect::Note,
            "Transplant candidate: if an allo-HSCT follows, VOD risk with inotuzumab rises; limit it to 2 cycles (a third only if CR/CRi with MRD negativity is not reached).",
            &[Q_HSCT_S2, L_INO_CYCLES],
        )]
    },
};

/// P-TRIAL-POP: a first relapse after a CR1 of 12 months or more was outside the pivotal
/// blinatumomab trials.
pub const P_TRIAL_POP: Rule = Rule {
    id: RuleId::PTrialPop,
    statement: "MT103-211 and TOWER enrolled early first relapse (CR1 < 12 months), second or later relapse, or relapse after allo-HSCT; a late first relapse was outside them, though the label covers relapsed or refractory disease regardless.",
    sources: &[Q_TRIAL_POP_S1, Q_TOWER_POP_S1, L_BLINA_US_RR, L_BLINA_EU_RR],
    reads: &[Field::Setting, Field::Region],
    eval: |s| {
        if s.setting != Setting::FirstRelapseLate {
            return Vec::new();
        }
        vec![finding(
            Some(Therapy::Blinatumomab),
            Effect::Note,
            format!(
                "First relapse after a CR1 of 12 months or more: the pivotal trials enrolled early first relapse (CR1 < 12 months), second or later relapse, or relapse after allo-HSCT; the {} label covers relapsed disease regardless.",
                s.region.name()
            ),
            match s.region {
                Region::Us => &[Q_TRIAL_POP_S1, Q_TOWER_POP_S1, L_BLINA_US_RR],
                Region::Eu => &[Q_TRIAL_POP_S1, Q_TOWER_POP_S1, L_BLINA_EU_RR],
            },
        )]
    },
};

/// P-AGE: blinatumomab's response holds in older adults.
pub const P_AGE: Rule = Rule {
    id: RuleId::PAge,
    statement: "In older adults blinatumomab's response holds (CR/CRh 44% in the elderly; 66.7% at ≥ 50 years after debulking).",
    sources: &[Q_POST_HSCT_S1, Q_AGE_S4],
    reads: &[Field::Age],
    eval: |s| {
        if s.age_years >= OLDER_ADULT_AGE_YEARS {
            vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::Note,
                format!(
                    "Age {}: responses in older adults match younger ones (CR 66.7% at ≥ 50 years after debulking).",
                    age(s.age_years)
                ),
                &[Q_POST_HSCT_S1, Q_AGE_S4],
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
    use crate::scenario::{Ldh, PriorExposure, Scenario};

    const OTHERS: [Option<Therapy>; 4] = [
        Some(Therapy::Inotuzumab),
        Some(Therapy::Tisagenlecleucel),
        Some(Therapy::Brexucabtagene),
        Some(Therapy::Obecabtagene),
    ];

    #[test]
    fn p_mrd_low_between_the_trial_and_approval_levels() {
        let level = |m| Scenario {
            mrd_fraction: Some(m),
            ..mrd()
        };
        assert!(silent(&P_MRD_LOW, &level(1e-3)));
        assert_eq!(effects(&P_MRD_LOW, &level(9.99e-4), BLINA), [Note]);
        assert!(texts(&P_MRD_LOW, &level(9.99e-4), BLINA)[0].contains("trial evidence only"));
        assert!(texts(&P_MRD_LOW, &level(1e-4), BLINA)[0].contains("trial evidence only"));
        let below = &texts(&P_MRD_LOW, &level(9.99e-5), BLINA)[0];
        assert!(below.contains("below 10⁻⁴"), "{below}");
        // Just under the approval level never reads as 0.1%.
        let hair = &texts(&P_MRD_LOW, &level(1e-3 * (1.0 - 1e-9)), BLINA)[0];
        assert!(!hair.starts_with("MRD 0.1% "), "{hair}");
        assert!(silent(
            &P_MRD_LOW,
            &Scenario {
                mrd_fraction: None,
                ..mrd()
            }
        ));
        assert!(silent(
            &P_MRD_LOW,
            &Scenario {
                mrd_fraction: Some(5e-4),
                ..base()
            }
        ));
    }

    #[test]
    fn p_ph_by_tki_history_and_t315i() {
        let ph = |tkis_failed, t315i| Scenario {
            ph: Ph::Positive,
            tkis_failed,
            t315i,
            ..base()
        };
        let plain = ph(TkisFailed::Unknown, YesNo::No);
        assert_eq!(effects(&P_PH, &plain, BLINA), [Note]);
        assert!(texts(&P_PH, &plain, BLINA)[0].contains("which enrolled adults after failure"));
        // The TKI combination rests on blinatumomab's sources: the other therapies are told
        // only to plan a TKI.
        for t in OTHERS {
            assert_eq!(
                texts(&P_PH, &plain, t),
                ["Ph-positive: plan TKI therapy alongside."]
            );
        }
        assert!(effects(&P_PH, &plain, None).is_empty());
        let failed = ph(TkisFailed::One, YesNo::No);
        assert!(texts(&P_PH, &failed, BLINA)[0]
            .starts_with("Ph-positive after TKI failure, as in ALCANTARA"));
        // T315I: ponatinib named, second-generation TKIs ruled out.
        let t315i = ph(TkisFailed::TwoOrMore, YesNo::Yes);
        let blina = &texts(&P_PH, &t315i, BLINA)[0];
        assert!(
            blina.contains("4 of 10 with T315I") && blina.contains("ponatinib"),
            "{blina}"
        );
        assert_eq!(effects(&P_PH, &t315i, None), [Note]);
        assert!(texts(&P_PH, &t315i, None)[0].contains("ponatinib is the TKI with activity"));
        // Unknown T315I is asked for.
        let unknown = ph(TkisFailed::One, YesNo::Unknown);
        assert_eq!(effects(&P_PH, &unknown, None), [NeedsTest]);
        assert!(!texts(&P_PH, &unknown, BLINA)[0].contains("ponatinib"));
        for ph in [Ph::Negative, Ph::Unknown] {
            assert!(silent(&P_PH, &Scenario { ph, ..base() }));
        }
    }

    #[test]
    fn p_ph_unk_asks_for_bcr_abl1_for_every_therapy() {
        let us = Scenario {
            ph: Ph::Unknown,
            ..base()
        };
        for t in Therapy::ALL {
            assert_eq!(effects(&P_PH_UNK, &us, Some(t)), [NeedsTest]);
        }
        assert!(!texts(&P_PH_UNK, &us, BLINA)[0].contains("EU"));
        let eu = Scenario {
            ph: Ph::Unknown,
            ..eu()
        };
        assert!(texts(&P_PH_UNK, &eu, BLINA)[0].contains("EU label"));
        for ph in [Ph::Negative, Ph::Positive] {
            assert!(silent(&P_PH_UNK, &Scenario { ph, ..base() }));
        }
    }

    #[test]
    fn p_ph_elderly_from_50() {
        let ph = |age_years, t315i| Scenario {
            age_years,
            ph: Ph::Positive,
            tkis_failed: TkisFailed::One,
            t315i,
            ..base()
        };
        assert_eq!(effects(&P_PH_ELDERLY, &ph(50.0, YesNo::No), None), [Note]);
        assert!(silent(&P_PH_ELDERLY, &ph(49.99, YesNo::No)));
        assert!(
            texts(&P_PH_ELDERLY, &ph(50.0, YesNo::No), None)[0].contains("second/third-generation")
        );
        // With T315I a second-generation TKI would not work: ponatinib is named, and
        // neither the text nor its quotes offer a second-generation partner.
        let t315i = (P_PH_ELDERLY.eval)(&ph(60.0, YesNo::Yes));
        assert_eq!(t315i.len(), 1);
        assert!(t315i[0].text.contains("ponatinib"), "{}", t315i[0].text);
        assert!(!t315i[0].text.contains("second"));
        assert!(t315i[0]
            .sources
            .iter()
            .all(|c| !c.quote.contains("second/third")));
        assert!(silent(
            &P_PH_ELDERLY,
            &Scenario {
                age_years: 70.0,
                ..base()
            }
        ));
    }

    #[test]
    fn p_lines_above_2() {
        let lines = |n| Scenario {
            prior_lines: n,
            ..base()
        };
        assert_eq!(effects(&P_LINES, &lines(Some(3)), BLINA), [Note]);
        assert!(texts(&P_LINES, &lines(Some(3)), BLINA)[0].starts_with("3 prior lines (> 2)"));
        assert!(silent(&P_LINES, &lines(Some(2))));
        assert!(silent(&P_LINES, &lines(None)));
    }

    #[test]
    fn p_treg_ldh_above_12_5_percent_or_the_uln() {
        let treg = |t| Scenario {
            treg_pct: Some(t),
            ..base()
        };
        assert_eq!(effects(&P_TREG_LDH, &treg(12.51), BLINA), [Note]);
        assert!(silent(&P_TREG_LDH, &treg(12.5)));
        assert!(texts(&P_TREG_LDH, &treg(12.500_001), BLINA)[0]
            .starts_with("Tregs 12.500001% of T cells (> 12.5%)"));
        let ldh = |ldh| Scenario { ldh, ..base() };
        // A ratio a hair above 1 never reads "1 × the upper limit".
        let hair = &texts(
            &P_TREG_LDH,
            &ldh(Ldh::Elevated { ratio: Some(1.004) }),
            BLINA,
        )[0];
        assert!(
            hair.starts_with("LDH 1.004 × the upper limit of normal"),
            "{hair}"
        );
        assert!(texts(
            &P_TREG_LDH,
            &ldh(Ldh::Elevated { ratio: Some(2.345) }),
            BLINA
        )[0]
        .starts_with("LDH 2.35 ×"));
        assert!(
            texts(&P_TREG_LDH, &ldh(Ldh::Elevated { ratio: None }), BLINA)[0]
                .starts_with("LDH elevated")
        );
        assert!(silent(&P_TREG_LDH, &ldh(Ldh::Normal)));
        assert!(silent(&P_TREG_LDH, &ldh(Ldh::Unknown)));
        let both = Scenario {
            ldh: Ldh::Elevated { ratio: None },
            ..treg(20.0)
        };
        assert_eq!(effects(&P_TREG_LDH, &both, BLINA), [Note]);
        assert!(texts(&P_TREG_LDH, &both, BLINA)[0].contains(" and LDH elevated"));
    }

    #[test]
    fn p_kmt2a() {
        let yes = Scenario {
            kmt2a: YesNo::Yes,
            ..base()
        };
        assert_eq!(effects(&P_KMT2A, &yes, None), [Note]);
        for t in [BLINA, TISA, BREXU, OBE] {
            assert_eq!(effects(&P_KMT2A, &yes, t), [Note]);
        }
        assert!(effects(&P_KMT2A, &yes, INO).is_empty());
        for kmt2a in [YesNo::No, YesNo::Unknown] {
            assert!(silent(&P_KMT2A, &Scenario { kmt2a, ..base() }));
        }
    }

    #[test]
    fn p_prior_cd19_whatever_the_response() {
        use PriorExposure::*;
        let prior = |pblin, pcart| Scenario {
            prior_blinatumomab: pblin,
            prior_cart: pcart,
            ..base()
        };
        for (pblin, pcart, what) in [
            (Responded, No, "Prior blinatumomab"),
            (NoResponse, No, "Prior blinatumomab"),
            (No, Responded, "Prior CD19 CAR-T"),
            (Responded, NoResponse, "Prior blinatumomab and CD19 CAR-T"),
        ] {
            let s = prior(pblin, pcart);
            for t in [BLINA, TISA, BREXU, OBE] {
                assert_eq!(effects(&P_PRIOR_CD19, &s, t), [Note]);
            }
            assert!(effects(&P_PRIOR_CD19, &s, INO).is_empty());
            assert!(texts(&P_PRIOR_CD19, &s, BLINA)[0].starts_with(what));
        }
        // CD19-negative after it: the text names the escape.
        let escaped = Scenario {
            cd19: Marker::Negative,
            ..prior(Responded, No)
        };
        assert!(texts(&P_PRIOR_CD19, &escaped, BLINA)[0].contains("known escape"));
        for e in [No, Unknown] {
            assert!(silent(&P_PRIOR_CD19, &prior(e, e)));
        }
        // Prior inotuzumab is not CD19-directed.
        assert!(silent(
            &P_PRIOR_CD19,
            &Scenario {
                prior_inotuzumab: Responded,
                ..base()
            }
        ));
    }

    #[test]
    fn p_hsct_cand() {
        let plan = |transplant| Scenario {
            transplant,
            ..base()
        };
        assert_eq!(
            effects(&P_HSCT_CAND, &plan(TransplantPlan::Candidate), INO),
            [Note]
        );
        assert!(texts(&P_HSCT_CAND, &plan(TransplantPlan::Candidate), INO)[0].contains("2 cycles"));
        for t in [
            TransplantPlan::Planned,
            TransplantPlan::NotCandidate,
            TransplantPlan::Unknown,
        ] {
            assert!(silent(&P_HSCT_CAND, &plan(t)));
        }
    }

    #[test]
    fn p_trial_pop_for_a_late_first_relapse() {
        let setting = |setting| Scenario { setting, ..base() };
        assert_eq!(
            effects(&P_TRIAL_POP, &setting(Setting::FirstRelapseLate), BLINA),
            [Note]
        );
        assert!(
            texts(&P_TRIAL_POP, &setting(Setting::FirstRelapseLate), BLINA)[0]
                .contains("the US label")
        );
        let eu = Scenario {
            setting: Setting::FirstRelapseLate,
            ..eu()
        };
        assert!(texts(&P_TRIAL_POP, &eu, BLINA)[0].contains("the EU label"));
        for s in [
            Setting::FirstRelapseEarly,
            Setting::SecondOrLaterRelapse,
            Setting::PrimaryRefractory,
            Setting::RelapseAfterHsct,
            Setting::MrdPositiveCr,
        ] {
            assert!(silent(&P_TRIAL_POP, &setting(s)));
        }
    }

    #[test]
    fn p_age_from_50() {
        let age = |age_years| Scenario {
            age_years,
            ..base()
        };
        assert_eq!(effects(&P_AGE, &age(50.0), BLINA), [Note]);
        assert!(texts(&P_AGE, &age(50.0), BLINA)[0].starts_with("Age 50 years"));
        assert!(silent(&P_AGE, &age(49.99)));
        assert!(silent(&P_AGE, &age(50.0 - 1e-9)));
    }
}
