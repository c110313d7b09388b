//! Pre-phase (D-*): debulking before blinatumomab when the burden is high (D-1, D-2), its
//! Ph-positive regimen (D-PH), and cytoreduction before inotuzumab (D-3). None applies in
//! morphologic CR: there is no disease to debulk.

use super::finding;
use crate::display::{beside, exact, grouped};
use crate::documents::{DOC_BESPONSA_US_DOSING, DOC_BLINCYTO_PREPHASE, DOC_NCCN_ALL_2024};
use crate::evidence::{cite, fact, label_quote, Citation, SourceKey::*};
use crate::fields::Field;
use crate::labels::{self, CheckOutcome};
use crate::rule::{Effect, Rule, RuleId};
use crate::scenario::{Extramedullary, Ldh, Marker, Ph, Scenario};
use crate::therapy::Therapy;
use crate::thresholds::*;

pub(crate) const Q_D1_S2: Citation = cite(
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
const L_D1: Citation = fact(
    &DOC_BLINCYTO_PREPHASE,
    "Label pre-phase: dexamethasone for marrow blasts of 50% or more or peripheral blasts above 15,000/µL, not above 24 mg/day.",
);
const Q_D2_S2: Citation = cite(
    S2,
    "was recommended for those patients with LDH indicative of rapidly progressing disease or high extramedullary tumor load.",
);
const Q_PH_S4: Citation = cite(
    S4,
    "Ph+ ALL patients who received a tyrosine kinase inhibitor (TKI) alone, with steroids, or with chemotherapy.",
);
const L_PH_NCCN: Citation = fact(
    &DOC_NCCN_ALL_2024,
    "NCCN v1.2024, Ph-positive disease: cytoreduce with a TKI and a corticosteroid to a WBC below 10 × 10⁹/L before blinatumomab.",
);
const L_D3: Citation = label_quote(
    &DOC_BESPONSA_US_DOSING,
    "For patients with circulating lymphoblasts, cytoreduction with a combination of hydroxyurea, steroids, and/or vincristine to a peripheral blast count of ≤10,000/mm3 is recommended prior to the first dose of Cycle 1",
);

/// Whether the scenario is outside morphologic CR (pre-phase applies only there).
fn has_disease(s: &Scenario) -> bool {
    s.setting.is_relapsed_refractory()
}

/// The marrow blast percentage that makes D-1 fire, if it does.
fn d1_marrow(s: &Scenario) -> Option<f64> {
    s.marrow_blasts_pct
        .filter(|&b| has_disease(s) && b >= HIGH_MARROW_BLASTS_PCT)
}

/// The peripheral blast count that makes D-1 fire, if it does.
fn d1_peripheral(s: &Scenario) -> Option<f64> {
    s.peripheral_blasts_per_ul
        .filter(|&p| has_disease(s) && p >= HIGH_PERIPHERAL_BLASTS_PER_UL)
}

/// Whether D-2 fires: LDH above the upper limit of normal or a high extramedullary load.
fn d2_fires(s: &Scenario) -> bool {
    has_disease(s)
        && (matches!(s.ldh, Ldh::Elevated { .. }) || s.extramedullary == Extramedullary::HighLoad)
}

/// Why D-1 fires, if it does: marrow blasts ≥ 50% and/or peripheral blasts ≥ 15,000/µL.
pub(crate) fn d1_reasons(s: &Scenario) -> Vec<String> {
    let mut why = Vec::new();
    if let Some(bm) = d1_marrow(s) {
        why.push(format!(
            "marrow blasts {}% (≥ {}%)",
            exact(bm),
            exact(HIGH_MARROW_BLASTS_PCT)
        ));
    }
    if let Some(pb) = d1_peripheral(s) {
        why.push(format!(
            "peripheral blasts {}/µL (≥ 15,000/µL)",
            grouped(pb)
        ));
    }
    why
}

/// Why D-2 fires, if it does: LDH above the upper limit of normal and/or a high
/// extramedullary load.
pub(crate) fn d2_reasons(s: &Scenario) -> Vec<String> {
    let mut why = Vec::new();
    if !d2_fires(s) {
        return why;
    }
    if let Ldh::Elevated { ratio } = s.ldh {
        why.push(match ratio {
            Some(r) => format!("LDH {} × the upper limit of normal", beside(r, 1.0)),
            None => "LDH elevated".to_string(),
        });
    }
    if s.extramedullary == Extramedullary::HighLoad {
        why.push("high extramedullary tumour load".to_string());
    }
    why
}

/// D-1: marrow blasts ≥ 50% or peripheral blasts ≥ 15,000/µL: pre-phase required.
pub const D_1: Rule = Rule {
    id: RuleId::D1,
    statement: "Pre-phase debulking is required before blinatumomab when marrow blasts are ≥ 50% or peripheral blasts ≥ 15,000/µL. (The sources write \"exceeding 50%\", \"more than 50%\" and \"≥50%\"; the aid uses ≥ 50%.) Not applicable in morphologic CR.",
    sources: &[Q_D1_S2, Q_D1_S1, Q_D1_S4, L_D1],
    reads: &[Field::Setting, Field::MarrowBlasts, Field::PeripheralBlasts],
    eval: |s| {
        let why = d1_reasons(s);
        if why.is_empty() {
            return Vec::new();
        }
        vec![finding(
            Some(Therapy::Blinatumomab),
            Effect::Note,
            format!("Pre-phase required before blinatumomab: {}.", why.join(" and ")),
            &[Q_D1_S2, Q_D1_S1, Q_D1_S4, L_D1],
        )]
    },
};

/// `text` with its first letter in upper case. ASCII only: the texts it starts are English,
/// and Unicode case mapping would add its tables to the wasm.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// D-2: LDH indicating rapid progression or high extramedullary load: pre-phase recommended.
pub const D_2: Rule = Rule {
    id: RuleId::D2,
    statement: "Pre-phase debulking is recommended before blinatumomab when LDH indicates rapidly progressing disease or the extramedullary tumour load is high. The aid reads an LDH above the upper limit of normal as the signal; whether it reflects rapid progression is the clinician's judgement. Not applicable in morphologic CR.",
    sources: &[Q_D2_S2],
    reads: &[Field::Setting, Field::LdhStatus, Field::Ldh, Field::LdhUln, Field::Extramedullary],
    eval: |s| {
        let why = d2_reasons(s);
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

/// D-3: circulating blasts > 10,000/µL: cytoreduction before inotuzumab's first dose.
pub const D_3: Rule = Rule {
    id: RuleId::D3,
    statement: "When circulating blasts exceed 10,000/µL and inotuzumab is not excluded, cytoreduction (hydroxyurea, steroids and/or vincristine) to ≤ 10,000/µL is recommended before its first dose.",
    sources: &[L_D3],
    // Whether inotuzumab is excluded reads its labels: age, liver history, Ph and TKIs too.
    reads: &[Field::Setting, Field::PeripheralBlasts, Field::Cd22, Field::Region, Field::Age, Field::Liver, Field::Ph, Field::TkisFailed],
    eval: |s| {
        let Some(pb) = s
            .peripheral_blasts_per_ul
            .filter(|&p| has_disease(s) && p > INO_CYTOREDUCTION_ABOVE_PER_UL)
        else {
            return Vec::new();
        };
        let excluded = s.cd22 == Marker::Negative
            || labels::checks(Therapy::Inotuzumab, s)
                .iter()
                .any(|c| c.outcome == CheckOutcome::Excludes);
        if excluded {
            return Vec::new();
        }
        vec![finding(
            Some(Therapy::Inotuzumab),
            Effect::Note,
            format!(
                "Peripheral blasts {}/µL (> 10,000/µL): cytoreduce with hydroxyurea, steroids and/or vincristine to ≤ 10,000/µL before inotuzumab's first dose.",
                grouped(pb)
            ),
            &[L_D3],
        )]
    },
};

/// D-PH: Ph-positive disease that needs pre-phase: a TKI with a corticosteroid.
pub const D_PH: Rule = Rule {
    id: RuleId::DPh,
    statement: "In Ph-positive disease that needs pre-phase (D-1 or D-2), a TKI with a corticosteroid is a regimen option, to a WBC below 10 × 10⁹/L before blinatumomab.",
    sources: &[Q_PH_S4, L_PH_NCCN],
    reads: &[Field::Ph, Field::Setting, Field::MarrowBlasts, Field::PeripheralBlasts, Field::LdhStatus, Field::Extramedullary, Field::T315i],
    eval: |s| {
        // Only whether D-1 or D-2 fires matters here, not their reasons in words.
        let prephase = d1_marrow(s).is_some() || d1_peripheral(s).is_some() || d2_fires(s);
        if s.ph != Ph::Positive || !prephase {
            return Vec::new();
        }
        // With T315I the only TKI with activity is ponatinib (P-PH).
        let tki = if s.t315i == crate::scenario::YesNo::Yes {
            "ponatinib (T315I: imatinib and the second-generation TKIs do not work)"
        } else {
            "a TKI"
        };
        vec![finding(
            Some(Therapy::Blinatumomab),
            Effect::Note,
            format!("Ph-positive: debulk with {tki} alone, with steroids, or with chemotherapy; NCCN: the TKI with a corticosteroid to a WBC below 10 × 10⁹/L before blinatumomab."),
            &[Q_PH_S4, L_PH_NCCN],
        )]
    },
};

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rule::Effect::*;
    use crate::scenario::{Liver, Region, TkisFailed, YesNo};

    fn burden(bm: Option<f64>, pb: Option<f64>) -> Scenario {
        Scenario {
            marrow_blasts_pct: bm,
            peripheral_blasts_per_ul: pb,
            ..base()
        }
    }

    #[test]
    fn d1_at_50_percent_and_15000_per_ul() {
        assert_eq!(effects(&D_1, &burden(Some(50.0), Some(0.0)), BLINA), [Note]);
        assert_eq!(effects(&D_1, &burden(Some(50.01), None), BLINA), [Note]);
        assert!(silent(&D_1, &burden(Some(49.99), Some(14_999.0))));
        assert!(silent(&D_1, &burden(Some(49.996), Some(14_999.999))));
        assert_eq!(
            effects(&D_1, &burden(Some(10.0), Some(15_000.0)), BLINA),
            [Note]
        );
        assert_eq!(effects(&D_1, &burden(None, Some(15_000.01)), BLINA), [Note]);
        // Numbers as entered, the source's wording beside them.
        let text = &texts(&D_1, &burden(Some(50.004), Some(15_000.0)), BLINA)[0];
        assert_eq!(
            text,
            "Pre-phase required before blinatumomab: marrow blasts 50.004% (≥ 50%) and peripheral blasts 15,000/µL (≥ 15,000/µL)."
        );
        // Unknown blasts fire nothing here (the card says the decision is open).
        assert!(silent(&D_1, &burden(None, None)));
        // No disease to debulk in morphologic CR.
        let cr = Scenario {
            peripheral_blasts_per_ul: Some(20_000.0),
            ..mrd()
        };
        assert!(silent(&D_1, &cr));
    }

    #[test]
    fn d2_ldh_or_a_high_extramedullary_load() {
        let ldh = |ldh| Scenario { ldh, ..base() };
        assert_eq!(
            effects(&D_2, &ldh(Ldh::Elevated { ratio: None }), BLINA),
            [Note]
        );
        let text = &texts(&D_2, &ldh(Ldh::Elevated { ratio: Some(1.004) }), BLINA)[0];
        assert!(
            text.starts_with("LDH 1.004 × the upper limit of normal: a reason"),
            "{text}"
        );
        assert!(silent(&D_2, &ldh(Ldh::Normal)));
        assert!(silent(&D_2, &ldh(Ldh::Unknown)));
        let emd = |extramedullary| Scenario {
            extramedullary,
            ..base()
        };
        assert_eq!(effects(&D_2, &emd(Extramedullary::HighLoad), BLINA), [Note]);
        assert!(texts(&D_2, &emd(Extramedullary::HighLoad), BLINA)[0]
            .starts_with("High extramedullary tumour load"));
        assert!(silent(&D_2, &emd(Extramedullary::Present)));
        // Not in morphologic CR, whatever the LDH.
        assert!(silent(
            &D_2,
            &Scenario {
                ldh: Ldh::Elevated { ratio: Some(3.0) },
                ..mrd()
            }
        ));
    }

    #[test]
    fn d3_above_10000_circulating_blasts_unless_inotuzumab_is_excluded() {
        let pb = |p| burden(Some(10.0), Some(p));
        assert!(silent(&D_3, &pb(10_000.0)));
        assert_eq!(effects(&D_3, &pb(10_000.01), INO), [Note]);
        assert!(texts(&D_3, &pb(10_000.5), INO)[0]
            .starts_with("Peripheral blasts 10,000.5/µL (> 10,000/µL)"));
        assert!(effects(&D_3, &pb(20_000.0), BLINA).is_empty());
        assert!(silent(&D_3, &burden(Some(10.0), None)));
        // Excluded: CD22-negative, under 1 year in the US, prior VOD in the EU, MRD in CR.
        assert!(silent(
            &D_3,
            &Scenario {
                cd22: Marker::Negative,
                ..pb(20_000.0)
            }
        ));
        assert!(silent(
            &D_3,
            &Scenario {
                age_years: 0.5,
                ..pb(20_000.0)
            }
        ));
        let eu = |liver| Scenario {
            region: Region::Eu,
            liver,
            ..pb(20_000.0)
        };
        assert!(silent(&D_3, &eu(Liver::PriorVod)));
        assert!(silent(
            &D_3,
            &Scenario {
                peripheral_blasts_per_ul: Some(20_000.0),
                ..mrd()
            }
        ));
        let ph_zero = Scenario {
            ph: Ph::Positive,
            tkis_failed: TkisFailed::Zero,
            t315i: YesNo::No,
            age_years: 30.0,
            ..eu(Liver::None)
        };
        assert!(silent(&D_3, &ph_zero));
        // Not excluded, only unknown or cautioned: it applies.
        assert_eq!(effects(&D_3, &eu(Liver::Unknown), INO), [Note]);
        assert_eq!(
            effects(
                &D_3,
                &Scenario {
                    cd22: Marker::Low { pct: 5.0 },
                    ..pb(20_000.0)
                },
                INO
            ),
            [Note]
        );
        assert_eq!(
            effects(
                &D_3,
                &Scenario {
                    liver: Liver::PriorVod,
                    ..pb(20_000.0)
                },
                INO
            ),
            [Note]
        );
    }

    #[test]
    fn d_ph_when_ph_positive_disease_needs_pre_phase() {
        let ph = |s: Scenario| Scenario {
            ph: Ph::Positive,
            tkis_failed: TkisFailed::One,
            t315i: YesNo::No,
            ..s
        };
        assert_eq!(
            effects(&D_PH, &ph(burden(Some(50.0), Some(0.0))), BLINA),
            [Note]
        );
        assert_eq!(
            effects(&D_PH, &ph(burden(Some(10.0), Some(15_000.0))), BLINA),
            [Note]
        );
        let ldh = ph(Scenario {
            ldh: Ldh::Elevated { ratio: None },
            ..base()
        });
        assert_eq!(effects(&D_PH, &ldh, BLINA), [Note]);
        assert!(texts(&D_PH, &ldh, BLINA)[0].contains("WBC below 10 × 10⁹/L"));
        assert!(silent(&D_PH, &ph(burden(Some(49.99), Some(14_999.0)))));
        assert!(silent(&D_PH, &burden(Some(80.0), Some(0.0))));
        assert!(silent(
            &D_PH,
            &Scenario {
                ph: Ph::Unknown,
                ..burden(Some(80.0), Some(0.0))
            }
        ));
        assert!(silent(
            &D_PH,
            &ph(Scenario {
                ldh: Ldh::Elevated { ratio: None },
                ..mrd()
            })
        ));
    }
}
