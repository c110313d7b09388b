//! CAR-T notes (P-CART-*): for each CD19 CAR-T product the label leaves open, its outcome
//! data, logistics and warnings, and what this patient adds (CNS history, age under ELIANA's).

use super::finding;
use crate::documents::{
    DOC_AUCATZYL_DOSAGE, DOC_CART_REMS, DOC_CART_T_CELL_WARNING, DOC_FELIX_BURDEN,
    DOC_KYMRIAH_US_LABEL,
};
use crate::evidence::{cite, fact, Citation, SourceKey::*};
use crate::fields::Field;
use crate::labels::{self, CheckOutcome, L_BREXU_US};
use crate::rule::{Effect, Finding, Rule, RuleId};
use crate::scenario::{Cns, Marker, Region, Scenario};
use crate::therapy::Therapy;
use crate::thresholds::ELIANA_MIN_AGE_YEARS;

pub(crate) const Q_ELIANA_S2: Citation = cite(
    S2,
    "Of those patients who received tisagenlecleucel infusion, 81% of patients achieved MRD-negativity within 3 months. At 12 months, the rate of event free survival and OS were 50% and 76%, respectively.",
);
pub(crate) const Q_ELIANA_TOX_S2: Citation = cite(
    S2,
    "Most common toxicities were CRS, which occurred in 77% of patients with 48% of patients requiring tocilizumab, as well as neurologic events, which occurred in 40% of patients.",
);
pub(crate) const Q_ELIANA_AGES_S2: Citation = cite(
    S2,
    "A landmark phase II trial of CAR-T cell therapy for R/R B-ALL patients was conducted in 75 patients aged 3–21 years old.",
);
const L_CART_TIME: Citation = fact(
    &DOC_KYMRIAH_US_LABEL,
    "Autologous CAR-T cells are manufactured for each patient, which takes weeks; bridging therapy may be needed meanwhile.",
);
pub(crate) const L_REMS: Citation = fact(
    &DOC_CART_REMS,
    "US, June 2025: the REMS for autologous CD19- and BCMA-directed CAR-T was removed. Monitor at least 2 weeks (daily for at least the first week), stay near the treating centre for 2 weeks (was 4), and do not drive for 2 weeks (was 8).",
);
pub(crate) const L_TCELL: Citation = fact(
    &DOC_CART_T_CELL_WARNING,
    "US, since 18 Apr 2024: boxed warning for T-cell malignancies after every CD19- and BCMA-directed CAR-T product.",
);
pub(crate) const L_FELIX: Citation = fact(
    &DOC_FELIX_BURDEN,
    "FELIX by marrow blasts ≤ 20% vs > 20%: CR/CRi 85% vs 73%; grade ≥ 3 CRS 2% vs 3%; grade ≥ 3 ICANS 4% vs 9%.",
);
pub(crate) const L_OBE_DOSE: Citation = fact(
    &DOC_AUCATZYL_DOSAGE,
    "Obecabtagene: 410 × 10⁶ CAR-positive T cells split on day 1 and day 10 (± 2 days); the regimen follows the marrow blast percentage of a sample taken within 7 days before lymphodepletion.",
);

/// Whether an eligibility rule excludes CAR-T product `t` for `s`: its label, or CD19
/// negativity (no target).
fn excluded(t: Therapy, s: &Scenario) -> bool {
    s.cd19 == Marker::Negative
        || labels::checks(t, s)
            .iter()
            .any(|c| c.outcome == CheckOutcome::Excludes)
}

/// P-CART-LOGISTICS: outcome data, manufacturing time, monitoring and warnings for each CAR-T
/// product not excluded, whatever the CD19 result.
pub const P_CART_LOGISTICS: Rule = Rule {
    id: RuleId::PCartLogistics,
    statement: "For each CAR-T product not excluded, whatever the CD19 result: its outcome data (ELIANA, ZUMA-3, FELIX by burden); manufacturing takes weeks, so plan bridging; in the US the REMS was removed in 2025 (stay near the centre and do not drive for 2 weeks) and a boxed warning covers T-cell malignancies; obecabtagene's regimen follows marrow blasts taken within 7 days before lymphodepletion.",
    sources: &[Q_ELIANA_S2, Q_ELIANA_TOX_S2, L_BREXU_US, L_FELIX, L_OBE_DOSE, L_CART_TIME, L_REMS, L_TCELL],
    reads: &[Field::Region, Field::Age, Field::Setting, Field::Reinduction, Field::Cd19],
    eval: |s| {
        let us = s.region == Region::Us;
        let after = if us {
            " Manufacturing takes weeks: plan bridging. US: stay near the treating centre and do not drive for 2 weeks (REMS removed 2025); boxed warning for T-cell malignancies."
        } else {
            " Manufacturing takes weeks: plan bridging. EU monitoring and driving periods were not checked for this aid: follow the local label."
        };
        let mut out: Vec<Finding> = Vec::new();
        for t in Therapy::CAR_T {
            if excluded(t, s) {
                continue;
            }
            let (data, sources): (&str, &'static [Citation]) = match (t, us) {
                (Therapy::Tisagenlecleucel, true) => (
                    "ELIANA: 81% MRD-negative within 3 months; 12-month EFS 50%, OS 76%; CRS 77%, neurologic events 40%.",
                    &[Q_ELIANA_S2, Q_ELIANA_TOX_S2, L_CART_TIME, L_REMS, L_TCELL],
                ),
                (Therapy::Tisagenlecleucel, false) => (
                    "ELIANA: 81% MRD-negative within 3 months; 12-month EFS 50%, OS 76%; CRS 77%, neurologic events 40%.",
                    &[Q_ELIANA_S2, Q_ELIANA_TOX_S2, L_CART_TIME],
                ),
                (Therapy::Brexucabtagene, true) => (
                    "ZUMA-3: CR 28 of 54 (52%).",
                    &[L_BREXU_US, L_CART_TIME, L_REMS, L_TCELL],
                ),
                (Therapy::Brexucabtagene, false) => (
                    "ZUMA-3: CR 28 of 54 (52%).",
                    &[L_BREXU_US, L_CART_TIME],
                ),
                (_, true) => (
                    "FELIX: CR/CRi 85% with marrow blasts ≤ 20% vs 73% above; the regimen follows marrow blasts taken within 7 days before lymphodepletion.",
                    &[L_FELIX, L_OBE_DOSE, L_CART_TIME, L_REMS, L_TCELL],
                ),
                (_, false) => (
                    "FELIX: CR/CRi 85% with marrow blasts ≤ 20% vs 73% above; the regimen follows marrow blasts taken within 7 days before lymphodepletion.",
                    &[L_FELIX, L_OBE_DOSE, L_CART_TIME],
                ),
            };
            out.push(finding(Some(t), Effect::Note, format!("{data}{after}"), sources));
        }
        out
    },
};

/// P-CART-NEURO: CNS disease or history: neurologic events with CAR-T.
pub const P_CART_NEURO: Rule = Rule {
    id: RuleId::PCartNeuro,
    statement: "With active CNS disease or a history of CNS pathology, note for each CAR-T product that neurologic events occurred in 40% in ELIANA.",
    sources: &[Q_ELIANA_TOX_S2],
    reads: &[Field::Cns],
    eval: |s| {
        let why = match s.cns {
            Cns::Active => "Active CNS disease",
            Cns::History => "History of CNS pathology or seizures",
            _ => return Vec::new(),
        };
        Therapy::CAR_T
            .into_iter()
            .map(|t| {
                finding(
                    Some(t),
                    Effect::Note,
                    format!("{why}: neurologic events occurred in 40% with tisagenlecleucel (ELIANA)."),
                    &[Q_ELIANA_TOX_S2],
                )
            })
            .collect()
    },
};

/// P-CART-AGE: tisagenlecleucel under 3 years is below ELIANA's ages.
pub const P_CART_AGE: Rule = Rule {
    id: RuleId::PCartAge,
    statement: "Tisagenlecleucel under 3 years of age: ELIANA enrolled ages 3–21.",
    sources: &[Q_ELIANA_AGES_S2],
    reads: &[Field::Age],
    eval: |s| {
        if s.age_years >= ELIANA_MIN_AGE_YEARS {
            return Vec::new();
        }
        vec![finding(
            Some(Therapy::Tisagenlecleucel),
            Effect::Note,
            format!(
                "Age {}: ELIANA enrolled ages 3–21, so its figures come from older children.",
                crate::display::age(s.age_years)
            ),
            &[Q_ELIANA_AGES_S2],
        )]
    },
};

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rule::Effect::*;
    use crate::scenario::{Reinduction, Setting};

    #[test]
    fn p_cart_logistics_for_each_product_not_excluded() {
        // At 20, in the US, every product is within its label.
        for t in [TISA, BREXU, OBE] {
            assert_eq!(effects(&P_CART_LOGISTICS, &base(), t), [Note]);
            assert!(texts(&P_CART_LOGISTICS, &base(), t)[0].contains("REMS removed 2025"));
        }
        assert!(texts(&P_CART_LOGISTICS, &base(), OBE)[0]
            .contains("within 7 days before lymphodepletion"));
        assert!(effects(&P_CART_LOGISTICS, &base(), BLINA).is_empty());
        // In the EU the US monitoring periods are not borrowed.
        let eu30 = Scenario {
            age_years: 30.0,
            ..eu()
        };
        let text = &texts(&P_CART_LOGISTICS, &eu30, BREXU)[0];
        assert!(
            text.contains("EU monitoring") && !text.contains("REMS"),
            "{text}"
        );
        // Whatever the CD19 result, unless negative (which excludes every product).
        for cd19 in [Marker::Unknown, Marker::Low { pct: 5.0 }] {
            let s = Scenario { cd19, ..base() };
            assert_eq!(effects(&P_CART_LOGISTICS, &s, TISA), [Note]);
        }
        assert!(silent(
            &P_CART_LOGISTICS,
            &Scenario {
                cd19: Marker::Negative,
                ..base()
            }
        ));
        // Not for a product its label excludes.
        let at = |age_years| Scenario {
            age_years,
            ..base()
        };
        assert!(effects(&P_CART_LOGISTICS, &at(26.0), TISA).is_empty());
        assert_eq!(effects(&P_CART_LOGISTICS, &at(25.99), TISA), [Note]);
        assert!(effects(&P_CART_LOGISTICS, &at(17.99), BREXU).is_empty());
        assert_eq!(effects(&P_CART_LOGISTICS, &at(18.0), BREXU), [Note]);
        assert!(effects(
            &P_CART_LOGISTICS,
            &Scenario {
                age_years: 25.99,
                ..eu()
            },
            OBE
        )
        .is_empty());
        assert!(silent(&P_CART_LOGISTICS, &mrd()));
        let not_yet = Scenario {
            setting: Setting::FirstRelapseLate,
            reinduction: Reinduction::NotYet,
            ..base()
        };
        assert!(effects(&P_CART_LOGISTICS, &not_yet, TISA).is_empty());
        assert_eq!(effects(&P_CART_LOGISTICS, &not_yet, OBE), [Note]);
        // A label question still open is not an exclusion.
        let open = Scenario {
            reinduction: Reinduction::Unknown,
            ..not_yet
        };
        assert_eq!(effects(&P_CART_LOGISTICS, &open, TISA), [Note]);
    }

    #[test]
    fn p_cart_neuro() {
        for cns in [Cns::Active, Cns::History] {
            let s = Scenario { cns, ..base() };
            for t in [TISA, BREXU, OBE] {
                assert_eq!(effects(&P_CART_NEURO, &s, t), [Note]);
            }
            assert!(effects(&P_CART_NEURO, &s, BLINA).is_empty());
            assert!(texts(&P_CART_NEURO, &s, TISA)[0].contains("40%"));
        }
        for cns in [Cns::None, Cns::Unknown] {
            assert!(silent(&P_CART_NEURO, &Scenario { cns, ..base() }));
        }
    }

    #[test]
    fn p_cart_age_under_3() {
        let age = |age_years| Scenario {
            age_years,
            ..base()
        };
        assert_eq!(effects(&P_CART_AGE, &age(2.99), TISA), [Note]);
        assert!(texts(&P_CART_AGE, &age(2.99), TISA)[0].starts_with("Age 2.99 years"));
        assert!(texts(&P_CART_AGE, &age(0.5), TISA)[0].starts_with("Age 6 months"));
        assert!(silent(&P_CART_AGE, &age(3.0)));
        assert!(silent(&P_CART_AGE, &age(3.0 + 1e-9)));
        assert!(effects(&P_CART_AGE, &age(2.0), BREXU).is_empty());
    }
}
