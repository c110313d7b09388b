//! Every rule of the clinical specification, one item each, and [`RULES`], the one list that
//! fixes evaluation and display order.
//!
//! A rule's `eval` reads only the validated [`Scenario`] and returns findings; it never
//! decides a status itself (that is [`crate::evaluate`]'s job), so each rule can be read and
//! tested alone. Unknown values never fire a favouring finding: where a rule needs a value
//! the user has not given, it names the test instead.

use crate::evidence::{cite, Citation, SourceKey::*};
use crate::fields::Field;
use crate::rule::{Effect, Finding, Rule, RuleId};
use crate::scenario::{Cns, Liver, Marker, Ph, Scenario, Setting, TransplantPlan, YesNo};
use crate::therapy::Therapy;
use crate::thresholds::*;

// ---- Quotes, verbatim from the sources (line breaks folded to spaces). ----

const Q_CD19_S1: Citation = cite(
    S1,
    "More than 90% of cases of BCP ALL express CD19 in more than 20% of malignant cells, the intensity of expression being sufficient to make this therapy suitable in ALL.",
);
const Q_CD19_S3: Citation = cite(
    S3,
    "Pediatric patients <18 years with refractory or relapsed Bcp ALL who consistently expressed CD19 were considered eligible for Blinatumomab treatment.",
);
const Q_ANTIGEN_LOSS_S2: Citation = cite(
    S2,
    "One potential mechanism of resistance to CD19-directed therapy is target antigen loss, which is seen in a significant subset of patients undergoing CD19-directed CAR-T cell therapy.",
);
const Q_INO_CD22_S2: Citation = cite(
    S2,
    "Inotuzumab ozogamicin is an anti-CD22 antibody that is attached to the cytotoxic agent calicheamicin.",
);
const Q_INO_AGE_L: Citation = cite(
    L,
    "**children ≥ 1 year** with R/R CD22-positive B-ALL (US, 6 Mar 2024).",
);
const Q_INO_MRD_S2: Citation = cite(
    S2,
    "Blinatumomab is preferable for patients with MRD-positive disease, as inotuzumab currently is not approved for these patients.",
);
const Q_CART_21_S2: Citation = cite(
    S2,
    "CAR-T cell therapy is currently only approved for patients aged 21 years old and younger",
);
pub(crate) const Q_TISA_L: Citation = cite(
    L,
    "Tisagenlecleucel: patients **up to 25 years** of age with B-ALL that is refractory or in second or later relapse (US approval 30 Aug 2017).",
);
pub(crate) const Q_BREXU_L: Citation = cite(
    L,
    "Brexucabtagene autoleucel: **adults (≥ 18 y)** with R/R B-precursor ALL (US, 1 Oct 2021; ZUMA-3, CR 52%).",
);
pub(crate) const Q_OBE_L: Citation = cite(
    L,
    "Obecabtagene autoleucel: **adults** with R/R B-precursor ALL (US, 8 Nov 2024; FELIX).",
);
const Q_OBE_FELIX_L: Citation = cite(
    L,
    "FELIX groups: low burden ≤ 20% vs high burden > 20% blasts; CR/CRi 85% vs 73%",
);
const Q_CART_TIME_L: Citation = cite(
    L,
    "CAR-T needs manufacturing time (weeks); bridging therapy may be needed.",
);
const Q_HSCT_S2: Citation = cite(
    S2,
    "blinatumomab is preferred for patients that will be proceeding to allo-HCT due to increased risk of VOD with inotuzumab.",
);
const Q_VOD_S2: Citation = cite(
    S2,
    "Common toxicities of inotuzumab included myelosuppression as well as increased risk for veno-occlusive disease (VOD) post-allo-SCT.",
);
const Q_VOD_CYCLES_L: Citation = cite(
    L,
    "If proceeding to HSCT, limit to **2 cycles** (up to 6 if not).",
);
const Q_VOD_LIVER_L: Citation = cite(
    L,
    "Prior VOD or serious ongoing liver disease (cirrhosis, nodular regenerative hyperplasia, active hepatitis) raises the risk further.",
);
const Q_VOD_RISK_L: Citation = cite(
    L,
    "also prior or ongoing liver disease, prior HSCT, older age, later salvage line, more cycles.",
);
const Q_BURDEN_S2: Citation = cite(
    S2,
    "if a patient has high tumor burden including extramedullary disease, inotuzumab is often preferred because response rates with inotuzumab do not correlate with disease burden, whereas blinatumomab has lower response rates in the setting of high tumor burden.",
);
const Q_BURDEN_S4: Citation = cite(
    S4,
    "Ninety-two % (12/13) of patients with pre-debulking BMB <50% reached a CR, while the rate of hematologic responses in patients with a bone marrow involvement ≥50% at baseline was 50% (10/20; p=0.02).",
);
const Q_CNS_S2: Citation = cite(
    S2,
    "Inotuzumab is also favorable to blinatumomab for patients with CNS disease due to risk of neurotoxicity with blinatumomab.",
);
const Q_CNS_S1: Citation = cite(
    S1,
    "patients with the history or the presence of clinically relevant neurological pathology or active leukemia in CNS are excluded from treatment.",
);
const Q_SEIZURE_S1: Citation = cite(
    S1,
    "For seizures, appropriate anticonvulsant treatment must be given on blinatumomab preinitiation.",
);
const Q_MRD_S2: Citation = cite(
    S2,
    "blinatumomab received FDA approval in 2018 for patients with B-ALL in CR with MRD 10^{-3} (0.1%) or greater.",
);
const Q_BLAST_S2: Citation = cite(
    S2,
    "78% achieved MRD negativity after one cycle of blinatumomab.",
);
pub(crate) const Q_MRD_L: Citation = cite(
    L,
    "MRD ≥ 0.1% in first or second CR: adults and children ≥ 1 month (US).",
);
const Q_MRD_TRIAL_S2: Citation = cite(
    S2,
    "in first CR after induction, and at least one round of consolidation chemotherapy, who had detectable MRD defined as $\\geq 1 \\times 10^{-4}$.",
);
const Q_MRD_RC_S2: Citation = cite(
    S2,
    "Richard-Carpentier et al sought to address this question in their ongoing phase II study in which blinatumomab was administered to Ph- and Ph+ B-ALL patients with persistent or recurrent MRD of $\\geq 10^{-4}$.",
);
const Q_PH_S0: Citation = cite(
    S0,
    "Of 45 patients, 16 (36%; 95% CI, 22% to 51%) achieved CR/CRh during the first two cycles, including four of 10 patients with the T315I mutation",
);
const Q_ALCANTARA_POP_S0: Citation = cite(
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
const Q_LINES_S4: Citation = cite(
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
const Q_POST_HSCT_S1: Citation = cite(
    S1,
    "The CR/CRh rates were similar in the ALL subgroups, including elderly patients (11/25; 44%) and patients with prior alloHSCT (29/64; 45%).",
);
const Q_PRIOR_CD19_S3: Citation = cite(
    S3,
    "In our study, 2/3 post-Blinatumomab relapses were CD19-negative and lineage switch (MPAL) was also observed in one of our patients.",
);
const Q_PRIOR_CD19_S2: Citation = cite(
    S2,
    "This phenomenon is known to occur in patients treated with blinatumomab, but appears to be a less common mechanism of resistance compared to CAR-T cell therapy.",
);
const Q_ELIANA_S2: Citation = cite(
    S2,
    "Of those patients who received tisagenlecleucel infusion, 81% of patients achieved MRD-negativity within 3 months. At 12 months, the rate of event free survival and OS were 50% and 76%, respectively.",
);
const Q_ELIANA_TOX_S2: Citation = cite(
    S2,
    "Most common toxicities were CRS, which occurred in 77% of patients with 48% of patients requiring tocilizumab, as well as neurologic events, which occurred in 40% of patients.",
);
const Q_AGE_S4: Citation = cite(
    S4,
    "among patients ≥50 years, 66.7% (n=10/15) reached a CR within 2 cycles of blinatumomab",
);
const Q_RENAL_S2: Citation = cite(
    S2,
    "At present, there is no data available for patients with severe renal impairment ($\\text{CrCl} < 30 \\text{ mL/min}$) or for those on hemodialysis.",
);
const Q_RENAL_OK_S2: Citation = cite(
    S2,
    "no dosage adjustments are required for patients who have baseline mild [Creatinine clearance (CrCl) ranging from 60 to 89 mL/min] or moderate (CrCl ranging from 30 to 59 mL/min)",
);
const Q_D1_S2: Citation = cite(
    S2,
    "In the TOWER study, prephase therapy was considered mandatory for those patients with blast percentage exceeding 50% or peripheral blast count $\\geq 15,000/\\mu\\text{L}$",
);
const Q_D1_S1: Citation = cite(
    S1,
    "pre- phase dexamethasone (10 mg/m2 up to 5 days) with or without cyclophosphamide (200 mg/m2 up to 3 days) is required for patients with more than 50% blasts",
);
const Q_D1_S4: Citation = cite(
    S4,
    "it is recommended to administer a steroid pre-treatment to patients with bone marrow blasts (BMB) above 50% in order to reduce the load of disease and prevent treatment-related adverse reactions",
);
const Q_D1_L: Citation = cite(
    L,
    "Prephase in the label: dexamethasone for ≥ 50% marrow blasts or > 15,000/µL peripheral blasts",
);
const Q_D2_S2: Citation = cite(
    S2,
    "was recommended for those patients with LDH indicative of rapidly progressing disease or high extramedullary tumor load.",
);

/// Every rule in evaluation and display order: eligibility, then preferences, then debulking.
pub const RULES: &[Rule] = &[
    E_CD19,
    E_CD22,
    E_INO_AGE,
    E_INO_MRD,
    E_CART,
    P_HSCT,
    P_VOD,
    P_BURDEN,
    P_CNS,
    P_NEURO_HX,
    P_MRD,
    P_MRD_LOW,
    P_PH,
    P_PH_ELDERLY,
    P_LINES,
    P_TREG_LDH,
    P_KMT2A,
    P_POST_HSCT,
    P_PRIOR_CD19,
    P_CART,
    P_AGE,
    P_RENAL,
    D_1,
    D_2,
];

/// The rule with this ID.
pub fn rule(id: RuleId) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

fn finding(
    therapy: Option<Therapy>,
    effect: Effect,
    text: String,
    sources: &'static [Citation],
) -> Finding {
    Finding {
        therapy,
        effect,
        text,
        sources,
    }
}

/// A number trimmed for display: 62 not 62.0, 12.5 stays 12.5, at most two decimals.
/// Written straight into the text that shows it, so no string is made for the number alone.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Num(f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rounded = (self.0 * 100.0).round() / 100.0;
        if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
            write!(f, "{}", rounded as i64)
        } else {
            write!(f, "{rounded}")
        }
    }
}

/// Trims a number for display: see [`Num`].
pub(crate) fn num(value: f64) -> Num {
    Num(value)
}

/// An age for display, cut (not rounded) to two decimals, as ages are counted: 25.996 years
/// is still 25, never "26" beside a check that found it under 26.
pub(crate) fn age(years: f64) -> Num {
    Num((years * 100.0).floor() / 100.0)
}

/// The CD19-directed therapies: blinatumomab and every CAR-T product.
const CD19_DIRECTED: [Therapy; 4] = [
    Therapy::Blinatumomab,
    Therapy::Tisagenlecleucel,
    Therapy::Brexucabtagene,
    Therapy::Obecabtagene,
];

/// Findings of a target-antigen rule for the therapies aimed at it.
fn marker_findings(
    marker: Marker,
    antigen: &str,
    therapies: &[Therapy],
    sources: &'static [Citation],
) -> Vec<Finding> {
    let (effect, text) = match marker {
        Marker::Negative => (
            Effect::Excludes,
            format!("{antigen} negative: a {antigen}-directed therapy has no target."),
        ),
        Marker::Low { pct } => (
            Effect::Caution,
            format!(
                "{antigen} on {}% of blasts, below the {}% that counts as positive: low expression, response uncertain.",
                num(pct),
                num(MARKER_POSITIVE_PCT)
            ),
        ),
        Marker::Unknown => (
            Effect::NeedsTest,
            format!("{antigen} by flow cytometry is needed before a {antigen}-directed therapy."),
        ),
        Marker::Positive { .. } => return Vec::new(),
    };
    therapies
        .iter()
        .map(|&t| finding(Some(t), effect, text.clone(), sources))
        .collect()
}

// ---- Eligibility ----

/// E-CD19: CD19 negative excludes blinatumomab and CAR-T; low or unknown CD19 is flagged.
pub const E_CD19: Rule = Rule {
    id: RuleId::ECd19,
    statement: "CD19-negative disease excludes blinatumomab and every CD19 CAR-T product. CD19 on 1–19% of blasts calls for caution; unknown CD19 must be tested first.",
    sources: &[Q_CD19_S1, Q_CD19_S3, Q_ANTIGEN_LOSS_S2],
    reads: &[Field::Cd19, Field::Cd19Pct],
    eval: |s| marker_findings(s.cd19, "CD19", &CD19_DIRECTED, &[Q_CD19_S1, Q_CD19_S3]),
};

/// E-CD22: CD22 negative excludes inotuzumab; low or unknown CD22 is flagged.
pub const E_CD22: Rule = Rule {
    id: RuleId::ECd22,
    statement: "CD22-negative disease excludes inotuzumab ozogamicin. CD22 on 1–19% of blasts calls for caution; unknown CD22 must be tested first.",
    sources: &[Q_INO_CD22_S2],
    reads: &[Field::Cd22, Field::Cd22Pct],
    eval: |s| marker_findings(s.cd22, "CD22", &[Therapy::Inotuzumab], &[Q_INO_CD22_S2]),
};

/// E-INO-AGE: inotuzumab is labelled from 1 year of age.
pub const E_INO_AGE: Rule = Rule {
    id: RuleId::EInoAge,
    statement: "Inotuzumab ozogamicin is not labelled below 1 year of age.",
    sources: &[Q_INO_AGE_L],
    reads: &[Field::Age],
    eval: |s| {
        if s.age_years < INO_MIN_AGE_YEARS {
            vec![finding(
                Some(Therapy::Inotuzumab),
                Effect::Excludes,
                format!(
                    "Age {} years: inotuzumab is labelled from {} year.",
                    age(s.age_years),
                    num(INO_MIN_AGE_YEARS)
                ),
                &[Q_INO_AGE_L],
            )]
        } else {
            Vec::new()
        }
    },
};

/// E-INO-MRD: inotuzumab is not approved for MRD-positive disease in CR.
pub const E_INO_MRD: Rule = Rule {
    id: RuleId::EInoMrd,
    statement: "Inotuzumab ozogamicin is not approved for MRD-positive disease in morphologic CR.",
    sources: &[Q_INO_MRD_S2],
    reads: &[Field::Setting],
    eval: |s| {
        if s.setting == Setting::MrdPositiveCr {
            vec![finding(
                Some(Therapy::Inotuzumab),
                Effect::Excludes,
                "MRD-positive in CR: inotuzumab is not approved in this setting.".into(),
                &[Q_INO_MRD_S2],
            )]
        } else {
            Vec::new()
        }
    },
};

/// E-CART: each CAR-T product's label, by age and disease setting.
pub const E_CART: Rule = Rule {
    id: RuleId::ECart,
    statement: "Each CD19 CAR-T product is an option only within its label: tisagenlecleucel up to 25 years, refractory or second or later relapse; brexucabtagene and obecabtagene adults (≥ 18 years) with relapsed or refractory disease. None is labelled for MRD-positive disease in CR.",
    sources: &[Q_TISA_L, Q_CART_21_S2, Q_BREXU_L, Q_OBE_L],
    reads: &[Field::Age, Field::Setting],
    eval: |s| {
        let mut out = Vec::new();
        for t in Therapy::CAR_T {
            out.extend(cart_label(t, s));
        }
        out
    },
};

fn cart_label(t: Therapy, s: &Scenario) -> Vec<Finding> {
    let mut out = Vec::new();
    let age = age(s.age_years);
    if t == Therapy::Tisagenlecleucel {
        if s.age_years >= TISA_AGE_BELOW_YEARS {
            out.push(finding(
                Some(t),
                Effect::Excludes,
                format!(
                    "Age {age} years: tisagenlecleucel is labelled up to 25 years. (The source paper, older, says 21 and younger; the label has since widened.)"
                ),
                &[Q_TISA_L, Q_CART_21_S2],
            ));
        } else if s.age_years >= TISA_SOURCE_AGE_BELOW_YEARS {
            // Where the label and the older source disagree, say so.
            out.push(finding(
                Some(t),
                Effect::Note,
                format!(
                    "Age {age} years: within the label (up to 25 years), though the source paper, older, says 21 and younger."
                ),
                &[Q_TISA_L, Q_CART_21_S2],
            ));
        }
        match s.setting {
            Setting::MrdPositiveCr => out.push(finding(
                Some(t),
                Effect::Excludes,
                "MRD-positive in CR: no CAR-T product is labelled for this setting.".into(),
                &[Q_TISA_L],
            )),
            Setting::FirstRelapseEarly | Setting::FirstRelapseLate => out.push(finding(
                Some(t),
                Effect::Excludes,
                "First relapse: tisagenlecleucel is labelled for refractory disease or second or later relapse.".into(),
                &[Q_TISA_L],
            )),
            Setting::RelapseAfterHsct => out.push(finding(
                Some(t),
                Effect::NeedsTest,
                "Relapse after allo-HSCT: confirm it is a second or later relapse (or refractory disease), which the label requires.".into(),
                &[Q_TISA_L],
            )),
            Setting::PrimaryRefractory | Setting::SecondOrLaterRelapse => {}
        }
    } else {
        let q: &'static [Citation] = if t == Therapy::Brexucabtagene {
            &[Q_BREXU_L]
        } else {
            &[Q_OBE_L]
        };
        if s.age_years < ADULT_AGE_YEARS {
            out.push(finding(
                Some(t),
                Effect::Excludes,
                format!(
                    "Age {age} years: {} is labelled for adults (≥ {} years).",
                    t.name(),
                    num(ADULT_AGE_YEARS)
                ),
                q,
            ));
        }
        if s.setting == Setting::MrdPositiveCr {
            out.push(finding(
                Some(t),
                Effect::Excludes,
                "MRD-positive in CR: no CAR-T product is labelled for this setting.".into(),
                q,
            ));
        }
    }
    out
}

// ---- Preferences ----

/// P-HSCT: a planned allo-HSCT favours blinatumomab over inotuzumab (VOD).
pub const P_HSCT: Rule = Rule {
    id: RuleId::PHsct,
    statement: "When an allogeneic HSCT is planned after response, blinatumomab is preferred over inotuzumab for CD19- and CD22-positive disease, because inotuzumab raises the risk of VOD.",
    sources: &[Q_HSCT_S2, Q_VOD_CYCLES_L],
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
            &[Q_HSCT_S2, Q_VOD_CYCLES_L],
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

/// P-VOD: ongoing liver disease or prior VOD raises inotuzumab's VOD risk.
pub const P_VOD: Rule = Rule {
    id: RuleId::PVod,
    statement: "Ongoing liver disease or a prior VOD/SOS raises the risk of VOD with inotuzumab.",
    sources: &[Q_VOD_LIVER_L, Q_VOD_RISK_L],
    reads: &[Field::Liver],
    eval: |s| {
        let text = match s.liver {
            Liver::Disease => "Ongoing liver disease: higher VOD risk with inotuzumab.",
            Liver::PriorVod => "Prior VOD/SOS: higher VOD risk with inotuzumab.",
            Liver::Unknown => {
                return vec![finding(
                    Some(Therapy::Inotuzumab),
                    Effect::NeedsTest,
                    "Liver history (ongoing liver disease, prior VOD/SOS) is needed before inotuzumab: either raises the risk of VOD.".into(),
                    &[Q_VOD_LIVER_L],
                )]
            }
            Liver::None => return Vec::new(),
        };
        vec![finding(
            Some(Therapy::Inotuzumab),
            Effect::Caution,
            text.into(),
            &[Q_VOD_LIVER_L, Q_VOD_RISK_L],
        )]
    },
};

/// P-BURDEN: high marrow blasts or extramedullary disease favours inotuzumab.
pub const P_BURDEN: Rule = Rule {
    id: RuleId::PBurden,
    statement: "High tumour burden (marrow blasts ≥ 50%) or extramedullary disease favours inotuzumab: its responses do not depend on burden, blinatumomab's are lower. If blinatumomab is chosen, debulk first.",
    sources: &[Q_BURDEN_S2, Q_BURDEN_S4],
    reads: &[Field::MarrowBlasts, Field::Extramedullary],
    eval: |s| {
        let high_marrow = s
            .marrow_blasts_pct
            .filter(|&bm| bm >= HIGH_MARROW_BLASTS_PCT);
        let emd = s.extramedullary.is_present();
        let why = match (high_marrow, emd) {
            (Some(bm), true) => format!(
                "Marrow blasts {}% and extramedullary disease",
                num(bm)
            ),
            (Some(bm), false) => format!("Marrow blasts {}% (≥ {}%)", num(bm), num(HIGH_MARROW_BLASTS_PCT)),
            (None, true) => "Extramedullary disease".to_string(),
            (None, false) => return Vec::new(),
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
    sources: &[Q_MRD_S2, Q_BLAST_S2, Q_MRD_L],
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
                    pct_of(m)
                ),
                &[Q_MRD_S2, Q_BLAST_S2, Q_MRD_L],
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

/// MRD fraction as a percentage for display ("0.1%").
fn pct_of(fraction: f64) -> String {
    let pct = fraction * 100.0;
    let text = format!("{pct:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}%")
}

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
                pct_of(m)
            )
        } else {
            format!(
                "MRD {} is below 10⁻⁴, the lowest level the trials treated: no evidence for blinatumomab at this level.",
                pct_of(m)
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

/// P-PH: Ph-positive disease: blinatumomab is active; combine it with a TKI.
pub const P_PH: Rule = Rule {
    id: RuleId::PPh,
    statement: "In Ph-positive disease blinatumomab is active (ALCANTARA), including with T315I, and is combined with a TKI.",
    sources: &[Q_PH_S0, Q_PH_TKI_S2, Q_PH_KING_S2],
    reads: &[Field::Ph, Field::TkiFailure, Field::T315i],
    eval: |s| {
        if s.ph != Ph::Positive {
            return Vec::new();
        }
        let t315i = if s.t315i == YesNo::Yes {
            " With T315I: 4 of 10 such patients responded."
        } else {
            ""
        };
        vec![
            finding(
                None,
                Effect::Note,
                "Ph-positive: combine the chosen therapy with a TKI (second or third generation).".into(),
                &[Q_PH_TKI_S2, Q_PH_KING_S2],
            ),
            finding(
                Some(Therapy::Blinatumomab),
                Effect::Note,
                match s.tki_failure {
                    YesNo::Yes => format!(
                        "Ph-positive after failure of a second-generation TKI, as in ALCANTARA: CR/CRh 36%.{t315i}"
                    ),
                    _ => format!(
                        "Ph-positive: CR/CRh 36% in ALCANTARA, which enrolled patients after failure of a second-generation or later TKI.{t315i}"
                    ),
                },
                &[Q_PH_S0, Q_ALCANTARA_POP_S0],
            ),
        ]
    },
};

/// P-PH-ELDERLY: Ph-positive and older: a chemo-free blinatumomab + TKI approach.
pub const P_PH_ELDERLY: Rule = Rule {
    id: RuleId::PPhElderly,
    statement: "In older patients with Ph-positive disease, a chemotherapy-free approach of blinatumomab with a second- or third-generation TKI is the direction proposed.",
    sources: &[Q_PH_ELDERLY_S0],
    reads: &[Field::Ph, Field::Age],
    eval: |s| {
        if s.ph == Ph::Positive && s.age_years >= OLDER_ADULT_AGE_YEARS {
            vec![finding(
                None,
                Effect::Note,
                format!(
                    "Ph-positive, age {} years: a chemotherapy-free blinatumomab + second/third-generation TKI approach is proposed for older patients.",
                    age(s.age_years)
                ),
                &[Q_PH_ELDERLY_S0],
            )]
        } else {
            Vec::new()
        }
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
            why.push(format!("Tregs {}% of T cells (> {}%)", num(t), num(TREG_NONRESPONSE_PCT)));
        }
        if let crate::scenario::Ldh::Elevated { ratio } = s.ldh {
            why.push(match ratio {
                Some(r) => format!("LDH {} × the upper limit of normal", num(r)),
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
            "KMT2A rearranged: watch for lineage switch to AML (or mixed phenotype) under CD19-directed therapy.".into(),
            &[Q_KMT2A_S2, Q_KMT2A_S3],
        )];
        for t in CD19_DIRECTED {
            out.push(finding(
                Some(t),
                Effect::Note,
                "KMT2A rearranged: risk of lineage switch to AML under CD19-directed therapy."
                    .into(),
                &[Q_KMT2A_S2],
            ));
        }
        out
    },
};

/// P-POST-HSCT: relapse after allo-HSCT: blinatumomab works; inotuzumab carries VOD risk.
pub const P_POST_HSCT: Rule = Rule {
    id: RuleId::PPostHsct,
    statement: "After an allogeneic HSCT, blinatumomab still works (CR/CRh 45%), while inotuzumab carries a higher VOD risk.",
    sources: &[Q_POST_HSCT_S1, Q_VOD_S2, Q_VOD_RISK_L],
    reads: &[Field::Setting, Field::PriorHsct],
    eval: |s| {
        if !s.had_allo_hsct() {
            if s.prior_hsct == YesNo::Unknown {
                return vec![finding(
                    Some(Therapy::Inotuzumab),
                    Effect::NeedsTest,
                    "Whether there was a prior allo-HSCT is needed before inotuzumab: a prior transplant raises the risk of VOD.".into(),
                    &[Q_VOD_RISK_L],
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
                &[Q_VOD_S2, Q_VOD_RISK_L],
            ),
        ]
    },
};

/// P-PRIOR-CD19: after CD19-directed therapy, CD19 must be checked again.
pub const P_PRIOR_CD19: Rule = Rule {
    id: RuleId::PPriorCd19,
    statement: "After relapse on or after CD19-directed therapy, test CD19 again: CD19-negative relapse is a known escape, commoner after CAR-T than after blinatumomab.",
    sources: &[Q_PRIOR_CD19_S3, Q_PRIOR_CD19_S2],
    reads: &[Field::PriorBlinatumomab, Field::PriorCart],
    eval: |s| {
        let what = match (s.prior_blinatumomab.given(), s.prior_cart.given()) {
            (true, true) => "blinatumomab and CD19 CAR-T",
            (true, false) => "blinatumomab",
            (false, true) => "CD19 CAR-T",
            (false, false) => return Vec::new(),
        };
        CD19_DIRECTED
            .iter()
            .map(|&t| {
                finding(
                    Some(t),
                    Effect::Note,
                    format!("Prior {what}: confirm CD19 on the current relapse (CD19-negative escape in 2 of 3 relapses after blinatumomab in one series)."),
                    &[Q_PRIOR_CD19_S3, Q_PRIOR_CD19_S2],
                )
            })
            .collect()
    },
};

/// P-CART: CAR-T within its label is an option, with its outcome data.
pub const P_CART: Rule = Rule {
    id: RuleId::PCart,
    statement: "Within its label, with CD19-positive relapsed or refractory disease, a CAR-T product is an option: ELIANA (tisagenlecleucel) 81% MRD-negative within 3 months, 12-month EFS 50% and OS 76%; CRS 77%, neurologic events 40%.",
    sources: &[Q_ELIANA_S2, Q_ELIANA_TOX_S2, Q_CART_TIME_L],
    reads: &[Field::Age, Field::Setting, Field::Cd19],
    eval: |s| {
        // CD19-positive as the specification says: low expression gets E-CD19's caution
        // instead of trial figures from CD19-positive cohorts.
        if !s.setting.is_relapsed_refractory() || !s.cd19.is_positive() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for t in Therapy::CAR_T {
            if cart_label(t, s)
                .iter()
                .any(|f| f.effect == Effect::Excludes)
            {
                continue;
            }
            let (text, sources): (&str, &[Citation]) = match t {
                Therapy::Tisagenlecleucel => (
                    "ELIANA: 81% MRD-negative within 3 months; 12-month EFS 50%, OS 76%; CRS 77%, neurologic events 40%. Manufacturing takes weeks: plan bridging.",
                    &[Q_ELIANA_S2, Q_ELIANA_TOX_S2, Q_CART_TIME_L],
                ),
                Therapy::Brexucabtagene => (
                    "ZUMA-3: CR 52%. Manufacturing takes weeks: plan bridging.",
                    &[Q_BREXU_L, Q_CART_TIME_L],
                ),
                _ => (
                    "FELIX: CR/CRi 85% with ≤ 20% marrow blasts vs 73% above; the dose regimen follows the marrow blasts. Manufacturing takes weeks: plan bridging.",
                    &[Q_OBE_L, Q_OBE_FELIX_L, Q_CART_TIME_L],
                ),
            };
            out.push(finding(Some(t), Effect::Note, text.into(), sources));
        }
        out
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
                    "Age {} years: responses in older adults match younger ones (CR 66.7% at ≥ 50 years after debulking).",
                    age(s.age_years)
                ),
                &[Q_POST_HSCT_S1, Q_AGE_S4],
            )]
        } else {
            Vec::new()
        }
    },
};

/// P-RENAL: severe renal impairment or dialysis is outside blinatumomab's data.
pub const P_RENAL: Rule = Rule {
    id: RuleId::PRenal,
    statement: "There are no data for blinatumomab with CrCl below 30 mL/min or on dialysis; no dose adjustment is needed for CrCl 30–89 mL/min.",
    sources: &[Q_RENAL_S2, Q_RENAL_OK_S2],
    reads: &[Field::Crcl, Field::Dialysis],
    eval: |s| {
        if s.dialysis == YesNo::Yes {
            return vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::Caution,
                "On dialysis: no data for blinatumomab.".into(),
                &[Q_RENAL_S2],
            )];
        }
        match s.crcl_ml_min {
            Some(c) if c < CRCL_NO_DATA_BELOW => vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::Caution,
                format!("CrCl {} mL/min (< {}): no data for blinatumomab.", num(c), num(CRCL_NO_DATA_BELOW)),
                &[Q_RENAL_S2],
            )],
            Some(c) if c < 90.0 => vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::Note,
                format!("CrCl {} mL/min: no blinatumomab dose adjustment needed.", num(c)),
                &[Q_RENAL_OK_S2],
            )],
            Some(_) => Vec::new(),
            // Unknown is not "normal": below 30 mL/min there are no data.
            None => vec![finding(
                Some(Therapy::Blinatumomab),
                Effect::NeedsTest,
                format!("Creatinine clearance is needed before blinatumomab: there are no data below {} mL/min or on dialysis.", num(CRCL_NO_DATA_BELOW)),
                &[Q_RENAL_S2],
            )],
        }
    },
};

// ---- Debulking ----

/// D-1: marrow blasts ≥ 50% or peripheral blasts ≥ 15,000/µL: pre-phase required.
pub const D_1: Rule = Rule {
    id: RuleId::D1,
    statement: "Pre-phase debulking is required before blinatumomab when marrow blasts are ≥ 50% or peripheral blasts ≥ 15,000/µL. (The sources write \"exceeding 50%\", \"more than 50%\" and \"≥50%\"; the aid uses ≥ 50%.)",
    sources: &[Q_D1_S2, Q_D1_S1, Q_D1_S4, Q_D1_L],
    reads: &[Field::MarrowBlasts, Field::PeripheralBlasts],
    eval: |s| {
        let mut why = Vec::new();
        if let Some(bm) = s.marrow_blasts_pct.filter(|&b| b >= HIGH_MARROW_BLASTS_PCT) {
            why.push(format!("marrow blasts {}% (≥ {}%)", num(bm), num(HIGH_MARROW_BLASTS_PCT)));
        }
        if let Some(pb) = s
            .peripheral_blasts_per_ul
            .filter(|&p| p >= HIGH_PERIPHERAL_BLASTS_PER_UL)
        {
            why.push(format!(
                "peripheral blasts {}/µL (≥ 15,000/µL)",
                group_thousands(pb)
            ));
        }
        if why.is_empty() {
            return Vec::new();
        }
        let text = format!("Pre-phase required before blinatumomab: {}.", why.join(" and "));
        vec![finding(
            Some(Therapy::Blinatumomab),
            Effect::Note,
            text,
            &[Q_D1_S2, Q_D1_S1, Q_D1_S4, Q_D1_L],
        )]
    },
};

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A count with thousands separators ("15,000").
pub(crate) fn group_thousands(value: f64) -> String {
    let whole = num(value).to_string();
    let (int, frac) = match whole.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f}")),
        None => (whole, String::new()),
    };
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && c.is_ascii_digit() {
            out.push(',');
        }
        out.push(*c);
    }
    out + &frac
}

/// D-2: LDH indicating rapid progression or high extramedullary load: pre-phase recommended.
pub const D_2: Rule = Rule {
    id: RuleId::D2,
    statement: "Pre-phase debulking is recommended before blinatumomab when LDH indicates rapidly progressing disease or the extramedullary tumour load is high. The aid reads an LDH above the upper limit of normal as the signal; whether it reflects rapid progression is the clinician's judgement.",
    sources: &[Q_D2_S2],
    reads: &[Field::LdhStatus, Field::Ldh, Field::LdhUln, Field::Extramedullary],
    eval: |s| {
        let mut why = Vec::new();
        if let crate::scenario::Ldh::Elevated { ratio } = s.ldh {
            why.push(match ratio {
                Some(r) => format!("LDH {} × the upper limit of normal", num(r)),
                None => "LDH elevated".to_string(),
            });
        }
        if s.extramedullary == crate::scenario::Extramedullary::HighLoad {
            why.push("high extramedullary tumour load".to_string());
        }
        if why.is_empty() {
            return Vec::new();
        }
        vec![finding(
            Some(Therapy::Blinatumomab),
            Effect::Note,
            format!(
                "{}: a reason for pre-phase before blinatumomab (judge whether it signals rapidly progressing disease).",
                capitalised(&why.join(" and "))
            ),
            &[Q_D2_S2],
        )]
    },
};

/// Each rule alone, firing and not firing: the table-driven scenario tests in
/// `tests/scenarios.rs` cover how rules combine into statuses.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Extramedullary, Ldh, PriorExposure};

    fn base() -> Scenario {
        Scenario {
            cd19: Marker::Positive { pct: None },
            cd22: Marker::Positive { pct: None },
            ..Scenario::unknown(40.0, Setting::SecondOrLaterRelapse)
        }
    }

    /// The effects `rule` finds for `therapy` in `s`.
    fn effects(rule: &Rule, s: &Scenario, therapy: Option<Therapy>) -> Vec<Effect> {
        (rule.eval)(s)
            .into_iter()
            .filter(|f| f.therapy == therapy)
            .map(|f| f.effect)
            .collect()
    }

    const BLINA: Option<Therapy> = Some(Therapy::Blinatumomab);
    const INO: Option<Therapy> = Some(Therapy::Inotuzumab);

    #[test]
    fn e_cd19() {
        let neg = Scenario {
            cd19: Marker::Negative,
            ..base()
        };
        assert_eq!(effects(&E_CD19, &neg, BLINA), [Effect::Excludes]);
        assert_eq!(
            effects(&E_CD19, &neg, Some(Therapy::Obecabtagene)),
            [Effect::Excludes]
        );
        let low = Scenario {
            cd19: Marker::Low { pct: 10.0 },
            ..base()
        };
        assert_eq!(effects(&E_CD19, &low, BLINA), [Effect::Caution]);
        let unk = Scenario {
            cd19: Marker::Unknown,
            ..base()
        };
        assert_eq!(effects(&E_CD19, &unk, BLINA), [Effect::NeedsTest]);
        assert!((E_CD19.eval)(&base()).is_empty());
    }

    #[test]
    fn e_cd22() {
        let neg = Scenario {
            cd22: Marker::Negative,
            ..base()
        };
        assert_eq!(effects(&E_CD22, &neg, INO), [Effect::Excludes]);
        assert!(effects(&E_CD22, &neg, BLINA).is_empty());
        assert!((E_CD22.eval)(&base()).is_empty());
    }

    #[test]
    fn e_ino_age() {
        assert_eq!(
            effects(
                &E_INO_AGE,
                &Scenario {
                    age_years: 0.99,
                    ..base()
                },
                INO
            ),
            [Effect::Excludes]
        );
        assert!((E_INO_AGE.eval)(&Scenario {
            age_years: 1.0,
            ..base()
        })
        .is_empty());
    }

    #[test]
    fn e_ino_mrd() {
        let mrd = Scenario {
            setting: Setting::MrdPositiveCr,
            ..base()
        };
        assert_eq!(effects(&E_INO_MRD, &mrd, INO), [Effect::Excludes]);
        assert!((E_INO_MRD.eval)(&base()).is_empty());
    }

    #[test]
    fn e_cart() {
        let tisa = Some(Therapy::Tisagenlecleucel);
        let brexu = Some(Therapy::Brexucabtagene);
        let age = |age_years| Scenario {
            age_years,
            ..base()
        };
        // Within the label; from 22 the older source's limit is noted, not applied.
        assert!(effects(&E_CART, &age(21.99), tisa).is_empty());
        assert_eq!(effects(&E_CART, &age(22.0), tisa), [Effect::Note]);
        assert_eq!(effects(&E_CART, &age(25.99), tisa), [Effect::Note]);
        // Ages are cut, not rounded: just under 26 never reads "26" beside "within the label".
        let text = (E_CART.eval)(&age(25.996))
            .into_iter()
            .find(|f| f.therapy == tisa)
            .map(|f| f.text);
        assert!(text.is_some_and(|t| t.starts_with("Age 25.99 years: within the label")));
        assert_eq!(
            effects(
                &E_CART,
                &Scenario {
                    age_years: 26.0,
                    ..base()
                },
                tisa
            ),
            [Effect::Excludes]
        );
        assert_eq!(
            effects(
                &E_CART,
                &Scenario {
                    age_years: 17.99,
                    ..base()
                },
                brexu
            ),
            [Effect::Excludes]
        );
        assert!(effects(
            &E_CART,
            &Scenario {
                age_years: 18.0,
                ..base()
            },
            brexu
        )
        .is_empty());
        let first = Scenario {
            setting: Setting::FirstRelapseEarly,
            age_years: 20.0,
            ..base()
        };
        assert_eq!(effects(&E_CART, &first, tisa), [Effect::Excludes]);
        assert!(effects(&E_CART, &first, brexu).is_empty());
    }

    #[test]
    fn p_hsct() {
        let plan = Scenario {
            transplant: TransplantPlan::Planned,
            ..base()
        };
        assert_eq!(effects(&P_HSCT, &plan, BLINA), [Effect::Favours]);
        assert_eq!(effects(&P_HSCT, &plan, INO), [Effect::Caution]);
        let cd22_low = Scenario {
            cd22: Marker::Low { pct: 5.0 },
            ..plan
        };
        assert!(effects(&P_HSCT, &cd22_low, BLINA).is_empty());
        // An unknown plan is asked for, never read as "no transplant".
        assert_eq!(effects(&P_HSCT, &base(), INO), [Effect::NeedsTest]);
        assert!(effects(&P_HSCT, &base(), BLINA).is_empty());
        assert!((P_HSCT.eval)(&Scenario {
            transplant: TransplantPlan::NotCandidate,
            ..base()
        })
        .is_empty());
    }

    #[test]
    fn p_vod() {
        assert_eq!(
            effects(
                &P_VOD,
                &Scenario {
                    liver: Liver::Disease,
                    ..base()
                },
                INO
            ),
            [Effect::Caution]
        );
        assert!((P_VOD.eval)(&Scenario {
            liver: Liver::None,
            ..base()
        })
        .is_empty());
        assert_eq!(effects(&P_VOD, &base(), INO), [Effect::NeedsTest]);
    }

    #[test]
    fn p_burden() {
        let high = Scenario {
            marrow_blasts_pct: Some(50.0),
            ..base()
        };
        assert_eq!(effects(&P_BURDEN, &high, INO), [Effect::Favours]);
        assert_eq!(effects(&P_BURDEN, &high, BLINA), [Effect::Note]);
        let emd = Scenario {
            extramedullary: Extramedullary::Present,
            ..base()
        };
        assert_eq!(effects(&P_BURDEN, &emd, INO), [Effect::Favours]);
        assert!((P_BURDEN.eval)(&Scenario {
            marrow_blasts_pct: Some(49.99),
            ..base()
        })
        .is_empty());
    }

    #[test]
    fn p_cns_and_neuro_history() {
        let active = Scenario {
            cns: Cns::Active,
            ..base()
        };
        assert_eq!(effects(&P_CNS, &active, INO), [Effect::Favours]);
        assert_eq!(effects(&P_CNS, &active, BLINA), [Effect::Caution]);
        assert!((P_NEURO_HX.eval)(&active).is_empty());
        let history = Scenario {
            cns: Cns::History,
            ..base()
        };
        assert_eq!(effects(&P_NEURO_HX, &history, BLINA), [Effect::Caution]);
        assert!((P_CNS.eval)(&history).is_empty());
        assert_eq!(effects(&P_CNS, &base(), BLINA), [Effect::NeedsTest]);
        assert!(effects(&P_CNS, &base(), INO).is_empty());
        assert!((P_NEURO_HX.eval)(&base()).is_empty());
        assert!((P_CNS.eval)(&Scenario {
            cns: Cns::None,
            ..base()
        })
        .is_empty());
    }

    #[test]
    fn p_mrd_and_mrd_low() {
        let mrd = |m| Scenario {
            setting: Setting::MrdPositiveCr,
            mrd_fraction: m,
            ..base()
        };
        assert_eq!(effects(&P_MRD, &mrd(Some(1e-3)), BLINA), [Effect::Favours]);
        assert!((P_MRD_LOW.eval)(&mrd(Some(1e-3))).is_empty());
        assert!((P_MRD.eval)(&mrd(Some(9.99e-4))).is_empty());
        assert_eq!(
            effects(&P_MRD_LOW, &mrd(Some(9.99e-4)), BLINA),
            [Effect::Note]
        );
        assert_eq!(effects(&P_MRD, &mrd(None), BLINA), [Effect::NeedsTest]);
        assert!((P_MRD.eval)(&Scenario {
            mrd_fraction: Some(1e-2),
            ..base()
        })
        .is_empty());
    }

    #[test]
    fn p_ph_and_elderly() {
        let ph = Scenario {
            ph: Ph::Positive,
            ..base()
        };
        assert_eq!(effects(&P_PH, &ph, None), [Effect::Note]);
        assert!((P_PH_ELDERLY.eval)(&ph).is_empty());
        // The ALCANTARA figure is framed by this patient's TKI history.
        let blina_text = |s: &Scenario| {
            (P_PH.eval)(s)
                .into_iter()
                .find(|f| f.therapy == BLINA)
                .map(|f| f.text)
                .unwrap_or_default()
        };
        assert!(blina_text(&ph).contains("which enrolled patients after failure"));
        let failed = Scenario {
            tki_failure: YesNo::Yes,
            t315i: YesNo::Yes,
            ..ph
        };
        assert!(blina_text(&failed)
            .starts_with("Ph-positive after failure of a second-generation TKI, as in ALCANTARA"));
        assert!(blina_text(&failed).ends_with("4 of 10 such patients responded."));
        assert_eq!(
            effects(
                &P_PH_ELDERLY,
                &Scenario {
                    age_years: 50.0,
                    ..ph
                },
                None
            ),
            [Effect::Note]
        );
        assert!((P_PH.eval)(&Scenario {
            ph: Ph::Unknown,
            ..base()
        })
        .is_empty());
    }

    #[test]
    fn p_lines_treg_ldh_age_renal() {
        assert_eq!(
            effects(
                &P_LINES,
                &Scenario {
                    prior_lines: Some(3),
                    ..base()
                },
                BLINA
            ),
            [Effect::Note]
        );
        assert!((P_LINES.eval)(&Scenario {
            prior_lines: Some(2),
            ..base()
        })
        .is_empty());
        assert_eq!(
            effects(
                &P_TREG_LDH,
                &Scenario {
                    treg_pct: Some(12.51),
                    ..base()
                },
                BLINA
            ),
            [Effect::Note]
        );
        assert!((P_TREG_LDH.eval)(&Scenario {
            treg_pct: Some(12.5),
            ldh: Ldh::Normal,
            ..base()
        })
        .is_empty());
        assert_eq!(
            effects(
                &P_AGE,
                &Scenario {
                    age_years: 50.0,
                    ..base()
                },
                BLINA
            ),
            [Effect::Note]
        );
        assert!((P_AGE.eval)(&Scenario {
            age_years: 49.9,
            ..base()
        })
        .is_empty());
        assert_eq!(
            effects(
                &P_RENAL,
                &Scenario {
                    crcl_ml_min: Some(29.0),
                    ..base()
                },
                BLINA
            ),
            [Effect::Caution]
        );
        assert_eq!(
            effects(
                &P_RENAL,
                &Scenario {
                    crcl_ml_min: Some(60.0),
                    ..base()
                },
                BLINA
            ),
            [Effect::Note]
        );
        assert!((P_RENAL.eval)(&Scenario {
            crcl_ml_min: Some(95.0),
            ..base()
        })
        .is_empty());
        assert_eq!(effects(&P_RENAL, &base(), BLINA), [Effect::NeedsTest]);
        assert_eq!(
            effects(
                &P_RENAL,
                &Scenario {
                    dialysis: YesNo::Yes,
                    ..base()
                },
                BLINA
            ),
            [Effect::Caution]
        );
    }

    #[test]
    fn p_kmt2a_post_hsct_prior_cd19_cart() {
        let kmt = Scenario {
            kmt2a: YesNo::Yes,
            ..base()
        };
        assert_eq!(effects(&P_KMT2A, &kmt, None), [Effect::Note]);
        assert_eq!(effects(&P_KMT2A, &kmt, BLINA), [Effect::Note]);
        let post = Scenario {
            prior_hsct: YesNo::Yes,
            ..base()
        };
        assert_eq!(effects(&P_POST_HSCT, &post, INO), [Effect::Caution]);
        assert_eq!(effects(&P_POST_HSCT, &base(), INO), [Effect::NeedsTest]);
        assert!((P_POST_HSCT.eval)(&Scenario {
            prior_hsct: YesNo::No,
            ..base()
        })
        .is_empty());
        let prior = Scenario {
            prior_cart: PriorExposure::NoResponse,
            ..base()
        };
        assert_eq!(effects(&P_PRIOR_CD19, &prior, BLINA), [Effect::Note]);
        assert!((P_PRIOR_CD19.eval)(&base()).is_empty());
        assert_eq!(
            effects(&P_CART, &base(), Some(Therapy::Obecabtagene)),
            [Effect::Note]
        );
        let mrd = Scenario {
            setting: Setting::MrdPositiveCr,
            ..base()
        };
        assert!((P_CART.eval)(&mrd).is_empty());
    }

    #[test]
    fn d1_and_d2() {
        assert!((D_1.eval)(&Scenario {
            marrow_blasts_pct: Some(49.9),
            peripheral_blasts_per_ul: Some(14_999.0),
            ..base()
        })
        .is_empty());
        assert_eq!(
            effects(
                &D_1,
                &Scenario {
                    peripheral_blasts_per_ul: Some(15_000.0),
                    ..base()
                },
                BLINA
            ),
            [Effect::Note]
        );
        let text = &(D_1.eval)(&Scenario {
            peripheral_blasts_per_ul: Some(15_000.0),
            ..base()
        })[0]
            .text;
        assert!(text.contains("15,000/µL"), "{text}");
        assert_eq!(
            effects(
                &D_2,
                &Scenario {
                    extramedullary: Extramedullary::HighLoad,
                    ..base()
                },
                BLINA
            ),
            [Effect::Note]
        );
        assert!((D_2.eval)(&Scenario {
            extramedullary: Extramedullary::Present,
            ..base()
        })
        .is_empty());
    }

    #[test]
    fn number_formatting() {
        assert_eq!(num(62.0).to_string(), "62");
        assert_eq!(num(12.5).to_string(), "12.5");
        assert_eq!(group_thousands(15_000.0), "15,000");
        assert_eq!(group_thousands(1_234_567.5), "1,234,567.5");
        assert_eq!(group_thousands(999.0), "999");
    }
}
