//! Eligibility (E-*): hard limits from the target markers and from each region's labels.
//! The label conditions themselves live in [`crate::labels`], shared with the on-label
//! badge; these rules turn them into findings, each naming the region it applied.

use super::{finding_in, marker_findings, CD19_DIRECTED};
use crate::evidence::{cite, Citation, SourceKey::*};
use crate::fields::Field;
use crate::labels::{self, CheckOutcome, L_INO_EU, L_INO_US, L_TISA_EU, L_TISA_US};
use crate::rule::{Effect, Finding, Rule, RuleId};
use crate::scenario::{Region, Scenario};
use crate::therapy::Therapy;
use crate::thresholds::{TISA_AGE_BELOW_YEARS, TISA_SOURCE_AGE_BELOW_YEARS};

const Q_CD19_S1: Citation = cite(
    S1,
    "More than 90% of cases of BCP ALL express CD19 in more than 20% of malignant cells, the intensity of expression being sufficient to make this therapy suitable in ALL.",
);
const Q_CD19_S3: Citation = cite(
    S3,
    "Pediatric patients <18 years with refractory or relapsed Bcp ALL who consistently expressed CD19 were considered eligible for Blinatumomab treatment.",
);
pub(crate) const Q_ANTIGEN_LOSS_S2: Citation = cite(
    S2,
    "One potential mechanism of resistance to CD19-directed therapy is target antigen loss, which is seen in a significant subset of patients undergoing CD19-directed CAR-T cell therapy.",
);
const Q_INO_CD22_S2: Citation = cite(
    S2,
    "Inotuzumab ozogamicin is an anti-CD22 antibody that is attached to the cytotoxic agent calicheamicin.",
);
const Q_INO_MRD_S2: Citation = cite(
    S2,
    "Blinatumomab is preferable for patients with MRD-positive disease, as inotuzumab currently is not approved for these patients.",
);
pub(crate) const Q_CART_21_S2: Citation = cite(
    S2,
    "CAR-T cell therapy is currently only approved for patients aged 21 years old and younger",
);

/// The findings of label rule `rule` for `therapy`: off-label and excluded → excludes;
/// off-label only → a note; not decidable → the value needed. Each names the region.
fn label_findings(s: &Scenario, therapy: Therapy, rule: RuleId) -> Vec<Finding> {
    labels::checks(therapy, s)
        .into_iter()
        .filter(|c| c.rule == rule)
        .map(|c| {
            let effect = match c.outcome {
                CheckOutcome::Excludes => Effect::Excludes,
                CheckOutcome::OffLabel => Effect::Note,
                CheckOutcome::Unknown => Effect::NeedsTest,
            };
            finding_in(s.region, Some(therapy), effect, c.text, c.sources)
        })
        .collect()
}

/// E-CD19: CD19 negative excludes blinatumomab and CAR-T; low or unknown CD19 is flagged.
pub const E_CD19: Rule = Rule {
    id: RuleId::ECd19,
    statement: "CD19-negative disease excludes blinatumomab and every CD19 CAR-T product. CD19 on 1–19% of blasts calls for caution; unknown CD19 must be tested first.",
    sources: &[Q_CD19_S1, Q_CD19_S3, Q_ANTIGEN_LOSS_S2],
    reads: &[Field::Cd19, Field::Cd19Pct],
    eval: |s| marker_findings(s, s.cd19, "CD19", &CD19_DIRECTED, &[Q_CD19_S1, Q_CD19_S3]),
};

/// E-CD22: CD22 negative excludes inotuzumab; low or unknown CD22 is flagged.
pub const E_CD22: Rule = Rule {
    id: RuleId::ECd22,
    statement: "CD22-negative disease excludes inotuzumab ozogamicin. CD22 on 1–19% of blasts calls for caution; unknown CD22 must be tested first.",
    sources: &[Q_INO_CD22_S2],
    reads: &[Field::Cd22, Field::Cd22Pct],
    eval: |s| marker_findings(s, s.cd22, "CD22", &[Therapy::Inotuzumab], &[Q_INO_CD22_S2]),
};

/// E-INO-AGE: US, inotuzumab is labelled from 1 year; EU, no paediatric label was found.
pub const E_INO_AGE: Rule = Rule {
    id: RuleId::EInoAge,
    statement: "Inotuzumab ozogamicin is labelled in the US from 1 year of age. No EU paediatric label was found: in the EU a child's use must be checked locally.",
    sources: &[L_INO_US, L_INO_EU],
    reads: &[Field::Age, Field::Region],
    eval: |s| label_findings(s, Therapy::Inotuzumab, RuleId::EInoAge),
};

/// E-INO-MRD: inotuzumab is not approved for MRD-positive disease in CR.
pub const E_INO_MRD: Rule = Rule {
    id: RuleId::EInoMrd,
    statement: "Inotuzumab ozogamicin is not approved for MRD-positive disease in morphologic CR.",
    sources: &[Q_INO_MRD_S2, L_INO_US, L_INO_EU],
    reads: &[Field::Setting, Field::Region],
    eval: |s| {
        let mut out = label_findings(s, Therapy::Inotuzumab, RuleId::EInoMrd);
        for f in &mut out {
            f.sources = match s.region {
                Region::Us => &[Q_INO_MRD_S2, L_INO_US],
                Region::Eu => &[Q_INO_MRD_S2, L_INO_EU],
            };
        }
        out
    },
};

/// E-INO-LIVER: in the EU, prior VOD or serious ongoing liver disease contraindicates
/// inotuzumab (in the US it is a caution: P-VOD).
pub const E_INO_LIVER: Rule = Rule {
    id: RuleId::EInoLiver,
    statement: "In the EU, inotuzumab ozogamicin is contraindicated with a prior VOD/SOS or serious ongoing liver disease. (In the US the same history calls for caution: P-VOD.)",
    sources: &[labels::L_INO_EU_LIVER],
    reads: &[Field::Liver, Field::Region],
    eval: |s| label_findings(s, Therapy::Inotuzumab, RuleId::EInoLiver),
};

/// E-INO-LABEL: in the EU, inotuzumab in Ph-positive adults follows failure of a TKI.
pub const E_INO_LABEL: Rule = Rule {
    id: RuleId::EInoLabel,
    statement: "In the EU, inotuzumab ozogamicin is labelled for Ph-positive adults after failure of at least one TKI.",
    sources: &[L_INO_EU],
    reads: &[Field::Ph, Field::TkisFailed, Field::Region, Field::Age],
    eval: |s| label_findings(s, Therapy::Inotuzumab, RuleId::EInoLabel),
};

/// E-BLIN-LABEL: blinatumomab within its label in the chosen region.
pub const E_BLIN_LABEL: Rule = Rule {
    id: RuleId::EBlinLabel,
    statement: "Blinatumomab is eligible only within the chosen region's label. US: from 1 month of age; MRD ≥ 0.1% in first or second CR. EU: MRD only in Ph-negative adults in first or second CR; Ph-positive relapsed or refractory adults only after at least 2 failed TKIs; children from 1 year with Ph-negative disease after at least 2 prior therapies or relapse after allo-HSCT. Use outside the label is a clinical decision.",
    sources: &[labels::L_BLINA_US_RR, labels::L_BLINA_US_MRD, labels::L_BLINA_EU_RR, labels::L_BLINA_EU_MRD],
    reads: &[Field::Region, Field::Age, Field::Setting, Field::CrNumber, Field::Mrd, Field::Ph, Field::TkisFailed, Field::PriorLines, Field::PriorHsct],
    eval: |s| {
        let mut out = label_findings(s, Therapy::Blinatumomab, RuleId::EBlinLabel);
        // The EU label admits Ph-positive adults only when no alternative exists: a
        // condition the aid cannot judge, so the card says it.
        if s.region == Region::Eu
            && s.ph == crate::scenario::Ph::Positive
            && !s.is_child()
            && s.setting.is_relapsed_refractory()
            && s.tkis_failed == crate::scenario::TkisFailed::TwoOrMore
        {
            out.push(finding_in(
                s.region,
                Some(Therapy::Blinatumomab),
                Effect::Note,
                "EU label: Ph-positive adults only when there is no alternative treatment (with T315I, ponatinib is one to weigh).",
                &[labels::L_BLINA_EU_RR],
            ));
        }
        out
    },
};

/// E-CART: each CAR-T product's label, by region: age and disease setting.
pub const E_CART: Rule = Rule {
    id: RuleId::ECart,
    statement: "Each CD19 CAR-T product is eligible only within its label in the chosen region. Tisagenlecleucel: up to 25 years, refractory disease or second or later relapse (the EU label adds relapse after transplant); a first relapse refractory to re-induction counts as refractory. Brexucabtagene and obecabtagene: relapsed or refractory disease in adults, from 18 years in the US and 26 in the EU. None is labelled for MRD-positive disease in CR.",
    sources: &[L_TISA_US, L_TISA_EU, labels::L_TISA_EU_WHO, Q_CART_21_S2, labels::L_BREXU_US, labels::L_BREXU_EU, labels::L_OBE_US, labels::L_OBE_EU],
    reads: &[Field::Region, Field::Age, Field::Setting, Field::Reinduction],
    eval: |s| {
        let mut out = Vec::new();
        for t in Therapy::CAR_T {
            out.extend(label_findings(s, t, RuleId::ECart));
        }
        // Where the label and the older source disagree, say so.
        if (TISA_SOURCE_AGE_BELOW_YEARS..TISA_AGE_BELOW_YEARS).contains(&s.age_years) {
            out.push(finding_in(
                s.region,
                Some(Therapy::Tisagenlecleucel),
                Effect::Note,
                format!(
                    "Age {}: within the {} label (up to and including 25 years, i.e. before the 26th birthday), though the source paper, older, says 21 and younger.",
                    crate::display::age(s.age_years),
                    s.region.name()
                ),
                match s.region {
                    Region::Us => &[L_TISA_US, Q_CART_21_S2],
                    Region::Eu => &[L_TISA_EU, Q_CART_21_S2],
                },
            ));
        }
        out
    },
};

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rule::Effect::*;
    use crate::scenario::{CrNumber, Liver, Marker, Ph, Reinduction, Setting, TkisFailed, YesNo};

    /// One month as typed in years (0.0833 typed as 0.08 must qualify).
    const ONE_MONTH: f64 = 0.08;

    /// Every finding of `rule` in `s` names the scenario's region.
    fn names_region(rule: &Rule, s: &Scenario) {
        for f in (rule.eval)(s) {
            assert_eq!(f.region, Some(s.region), "{}: {}", rule.id.as_str(), f.text);
        }
    }

    #[test]
    fn e_cd19() {
        let with = |cd19| Scenario { cd19, ..base() };
        let neg = with(Marker::Negative);
        for t in [BLINA, TISA, BREXU, OBE] {
            assert_eq!(effects(&E_CD19, &neg, t), [Excludes]);
        }
        assert!(effects(&E_CD19, &neg, INO).is_empty());
        // 1–19% is low: caution; 20% counts as positive.
        assert_eq!(
            effects(&E_CD19, &with(Marker::Low { pct: 19.99 }), BLINA),
            [Caution]
        );
        assert_eq!(
            effects(&E_CD19, &with(Marker::Low { pct: 1.0 }), OBE),
            [Caution]
        );
        assert!(silent(&E_CD19, &with(Marker::Positive { pct: Some(20.0) })));
        assert!(silent(
            &E_CD19,
            &with(Marker::Positive { pct: Some(20.01) })
        ));
        assert_eq!(effects(&E_CD19, &with(Marker::Unknown), BLINA), [NeedsTest]);
        assert!(texts(&E_CD19, &with(Marker::Unknown), BLINA)[0].contains("flow cytometry"));
        for s in [
            neg,
            Scenario {
                region: Region::Eu,
                ..with(Marker::Unknown)
            },
        ] {
            names_region(&E_CD19, &s);
        }
    }

    #[test]
    fn e_cd22() {
        let with = |cd22| Scenario { cd22, ..base() };
        let neg = with(Marker::Negative);
        assert_eq!(effects(&E_CD22, &neg, INO), [Excludes]);
        assert!(effects(&E_CD22, &neg, BLINA).is_empty());
        assert_eq!(
            effects(&E_CD22, &with(Marker::Low { pct: 19.99 }), INO),
            [Caution]
        );
        assert_eq!(effects(&E_CD22, &with(Marker::Unknown), INO), [NeedsTest]);
        assert!(silent(&E_CD22, &with(Marker::Positive { pct: Some(20.0) })));
        names_region(&E_CD22, &neg);
    }

    #[test]
    fn e_ino_age() {
        let us = |age_years| Scenario {
            age_years,
            ..base()
        };
        // US: from 1 year.
        assert_eq!(effects(&E_INO_AGE, &us(0.99), INO), [Excludes]);
        assert_eq!(effects(&E_INO_AGE, &us(1.0 - 1e-9), INO), [Excludes]);
        assert!(silent(&E_INO_AGE, &us(1.0)));
        assert!(silent(&E_INO_AGE, &us(1.01)));
        assert!(texts(&E_INO_AGE, &us(0.5), INO)[0].ends_with("the patient is 6 months."));
        // EU: no paediatric label found: from 1 year asked to check, not excluded.
        let eu = |age_years| Scenario { age_years, ..eu() };
        // Under 1 year no label covers it anywhere: excluded in the EU too.
        assert_eq!(effects(&E_INO_AGE, &eu(0.5), INO), [Excludes]);
        assert_eq!(effects(&E_INO_AGE, &eu(1.0), INO), [NeedsTest]);
        assert_eq!(effects(&E_INO_AGE, &eu(17.99), INO), [NeedsTest]);
        assert!(silent(&E_INO_AGE, &eu(18.0)));
        names_region(&E_INO_AGE, &us(0.5));
        names_region(&E_INO_AGE, &eu(10.0));
    }

    #[test]
    fn e_ino_mrd() {
        for region in Region::ALL {
            let s = Scenario { region, ..mrd() };
            assert_eq!(effects(&E_INO_MRD, &s, INO), [Excludes]);
            names_region(&E_INO_MRD, &s);
            let sources = (E_INO_MRD.eval)(&s)[0].sources;
            let label = if region == Region::Us {
                L_INO_US
            } else {
                L_INO_EU
            };
            assert!(sources.contains(&label) && sources.contains(&Q_INO_MRD_S2));
            assert!(silent(&E_INO_MRD, &Scenario { region, ..base() }));
        }
    }

    #[test]
    fn e_ino_liver() {
        let eu = |liver| Scenario { liver, ..eu() };
        assert_eq!(effects(&E_INO_LIVER, &eu(Liver::PriorVod), INO), [Excludes]);
        assert_eq!(effects(&E_INO_LIVER, &eu(Liver::Disease), INO), [Excludes]);
        assert_eq!(effects(&E_INO_LIVER, &eu(Liver::Unknown), INO), [NeedsTest]);
        assert!(silent(&E_INO_LIVER, &eu(Liver::None)));
        names_region(&E_INO_LIVER, &eu(Liver::PriorVod));
        // In the US the same history is a caution (P-VOD), not this rule's.
        for liver in [Liver::PriorVod, Liver::Disease, Liver::Unknown] {
            assert!(silent(&E_INO_LIVER, &Scenario { liver, ..base() }));
        }
    }

    #[test]
    fn e_ino_label() {
        let ph = |age_years, tkis_failed| Scenario {
            region: Region::Eu,
            age_years,
            ph: Ph::Positive,
            tkis_failed,
            t315i: YesNo::No,
            ..base()
        };
        assert_eq!(
            effects(&E_INO_LABEL, &ph(30.0, TkisFailed::Zero), INO),
            [Excludes]
        );
        assert_eq!(
            effects(&E_INO_LABEL, &ph(30.0, TkisFailed::Unknown), INO),
            [NeedsTest]
        );
        assert!(silent(&E_INO_LABEL, &ph(30.0, TkisFailed::One)));
        assert!(silent(&E_INO_LABEL, &ph(30.0, TkisFailed::TwoOrMore)));
        // Adults only (a child's EU use is E-INO-AGE's question): 18 is the limit.
        assert!(silent(&E_INO_LABEL, &ph(17.99, TkisFailed::Zero)));
        assert_eq!(
            effects(&E_INO_LABEL, &ph(18.0, TkisFailed::Zero), INO),
            [Excludes]
        );
        names_region(&E_INO_LABEL, &ph(30.0, TkisFailed::Zero));
        // Ph-negative, or the US: nothing.
        assert!(silent(&E_INO_LABEL, &eu()));
        assert!(silent(
            &E_INO_LABEL,
            &Scenario {
                region: Region::Us,
                ..ph(30.0, TkisFailed::Zero)
            }
        ));
    }

    #[test]
    fn e_blin_label_us() {
        let age = |age_years| Scenario {
            age_years,
            ..base()
        };
        // From 1 month, in either setting.
        assert_eq!(
            effects(&E_BLIN_LABEL, &age(ONE_MONTH - 1e-9), BLINA),
            [Excludes]
        );
        assert!(silent(&E_BLIN_LABEL, &age(ONE_MONTH)));
        assert_eq!(
            effects(
                &E_BLIN_LABEL,
                &Scenario {
                    age_years: 0.05,
                    ..mrd()
                },
                BLINA
            ),
            [Excludes]
        );
        // Ph-positive R/R disease, whatever the TKI history.
        for tkis_failed in [TkisFailed::Zero, TkisFailed::Unknown] {
            let s = Scenario {
                ph: Ph::Positive,
                tkis_failed,
                ..base()
            };
            assert!(silent(&E_BLIN_LABEL, &s));
        }
        // MRD: first or second CR; the number is asked for; the MRD threshold is 0.1%.
        let cr = |cr_number| Scenario { cr_number, ..mrd() };
        assert!(silent(&E_BLIN_LABEL, &cr(CrNumber::First)));
        assert!(silent(&E_BLIN_LABEL, &cr(CrNumber::Second)));
        assert_eq!(
            effects(&E_BLIN_LABEL, &cr(CrNumber::ThirdOrLater), BLINA),
            [Excludes]
        );
        assert_eq!(
            effects(&E_BLIN_LABEL, &cr(CrNumber::Unknown), BLINA),
            [NeedsTest]
        );
        let level = |m| Scenario {
            mrd_fraction: Some(m),
            ..mrd()
        };
        assert!(silent(&E_BLIN_LABEL, &level(1e-3)));
        assert_eq!(effects(&E_BLIN_LABEL, &level(9.99e-4), BLINA), [Note]);
        assert!(texts(&E_BLIN_LABEL, &level(5e-4), BLINA)[0].contains("off-label"));
        names_region(&E_BLIN_LABEL, &cr(CrNumber::ThirdOrLater));
    }

    #[test]
    fn e_blin_label_eu() {
        // Adults, relapsed or refractory: Ph-negative; Ph-positive after at least 2 TKIs.
        assert!(silent(&E_BLIN_LABEL, &eu()));
        let ph = |tkis_failed| Scenario {
            age_years: 30.0,
            ph: Ph::Positive,
            tkis_failed,
            ..eu()
        };
        assert_eq!(
            effects(&E_BLIN_LABEL, &ph(TkisFailed::Zero), BLINA),
            [Excludes]
        );
        assert_eq!(
            effects(&E_BLIN_LABEL, &ph(TkisFailed::One), BLINA),
            [Excludes]
        );
        assert!(texts(&E_BLIN_LABEL, &ph(TkisFailed::One), BLINA)[0].contains("1 has failed"));
        // Within the label after 2 TKIs, with its "no alternative" condition noted.
        assert_eq!(
            effects(&E_BLIN_LABEL, &ph(TkisFailed::TwoOrMore), BLINA),
            [Note]
        );
        assert!(
            texts(&E_BLIN_LABEL, &ph(TkisFailed::TwoOrMore), BLINA)[0].contains("no alternative")
        );
        assert_eq!(
            effects(&E_BLIN_LABEL, &ph(TkisFailed::Unknown), BLINA),
            [NeedsTest]
        );
        let unknown = Scenario {
            ph: Ph::Unknown,
            ..eu()
        };
        assert_eq!(effects(&E_BLIN_LABEL, &unknown, BLINA), [NeedsTest]);
        names_region(&E_BLIN_LABEL, &ph(TkisFailed::One));

        // MRD: adults with Ph-negative disease, first or second CR.
        let mrd_eu = |age_years, ph| Scenario {
            region: Region::Eu,
            age_years,
            ph,
            ..mrd()
        };
        assert_eq!(
            effects(&E_BLIN_LABEL, &mrd_eu(17.99, Ph::Negative), BLINA),
            [Excludes]
        );
        assert!(silent(&E_BLIN_LABEL, &mrd_eu(18.0, Ph::Negative)));
        assert_eq!(
            effects(&E_BLIN_LABEL, &mrd_eu(30.0, Ph::Positive), BLINA),
            [Excludes]
        );
        assert_eq!(
            effects(&E_BLIN_LABEL, &mrd_eu(30.0, Ph::Unknown), BLINA),
            [NeedsTest]
        );
        let third = Scenario {
            cr_number: CrNumber::ThirdOrLater,
            ..mrd_eu(30.0, Ph::Negative)
        };
        assert_eq!(effects(&E_BLIN_LABEL, &third, BLINA), [Excludes]);

        // Children: from 1 year, Ph-negative, after at least 2 prior therapies or allo-HSCT
        // (refractory disease qualifies).
        let child = |age_years, prior_lines| Scenario {
            age_years,
            prior_lines,
            ..eu()
        };
        assert_eq!(
            effects(&E_BLIN_LABEL, &child(0.99, Some(2)), BLINA),
            [Excludes]
        );
        assert!(silent(&E_BLIN_LABEL, &child(1.0, Some(2))));
        assert_eq!(
            effects(&E_BLIN_LABEL, &child(10.0, Some(1)), BLINA),
            [Excludes]
        );
        assert_eq!(
            effects(&E_BLIN_LABEL, &child(10.0, None), BLINA),
            [NeedsTest]
        );
        // Refractory disease also needs 2 prior therapies (only relapse after allo-HSCT is
        // named as an alternative).
        let refractory = |lines| Scenario {
            setting: Setting::PrimaryRefractory,
            ..child(10.0, Some(lines))
        };
        assert_eq!(effects(&E_BLIN_LABEL, &refractory(1), BLINA), [Excludes]);
        assert!(silent(&E_BLIN_LABEL, &refractory(2)));
        let transplanted = Scenario {
            prior_hsct: YesNo::Yes,
            ..child(10.0, Some(1))
        };
        assert!(silent(&E_BLIN_LABEL, &transplanted));
        let ph_child = Scenario {
            ph: Ph::Positive,
            tkis_failed: TkisFailed::TwoOrMore,
            ..child(10.0, Some(2))
        };
        assert_eq!(effects(&E_BLIN_LABEL, &ph_child, BLINA), [Excludes]);
        // Only blinatumomab is concerned.
        for t in [INO, TISA, BREXU, OBE, None] {
            assert!(effects(&E_BLIN_LABEL, &ph_child, t).is_empty());
        }
    }

    #[test]
    fn e_cart_ages() {
        let us = |age_years| Scenario {
            age_years,
            ..base()
        };
        // Tisagenlecleucel: up to 25 years (below 26); from 22 the older source's 21 is noted.
        assert!(effects(&E_CART, &us(21.99), TISA).is_empty());
        assert_eq!(effects(&E_CART, &us(22.0), TISA), [Note]);
        assert_eq!(effects(&E_CART, &us(25.99), TISA), [Note]);
        assert_eq!(effects(&E_CART, &us(26.0), TISA), [Excludes]);
        assert_eq!(effects(&E_CART, &us(26.01), TISA), [Excludes]);
        // Shown as entered: just under 26 never reads 26 beside "within the label".
        let text = &texts(&E_CART, &us(25.996), TISA)[0];
        assert!(
            text.starts_with("Age 25.996 years: within the US label"),
            "{text}"
        );
        // US adult products from 18; EU from 26.
        for t in [BREXU, OBE] {
            assert_eq!(effects(&E_CART, &us(17.99), t), [Excludes]);
            assert!(effects(&E_CART, &us(18.0), t).is_empty());
            let eu = |age_years| Scenario { age_years, ..eu() };
            assert_eq!(effects(&E_CART, &eu(25.99), t), [Excludes]);
            assert!(effects(&E_CART, &eu(26.0), t).is_empty());
            names_region(&E_CART, &eu(25.99));
        }
        names_region(&E_CART, &us(17.99));
        names_region(&E_CART, &us(23.0));
    }

    #[test]
    fn e_cart_settings() {
        // No product is labelled for MRD in CR.
        for region in Region::ALL {
            let s = Scenario {
                region,
                age_years: 30.0,
                ..mrd()
            };
            for t in [BREXU, OBE] {
                assert_eq!(effects(&E_CART, &s, t), [Excludes]);
            }
            let young = Scenario { region, ..mrd() };
            assert_eq!(effects(&E_CART, &young, TISA), [Excludes]);
        }
        // Tisagenlecleucel in first relapse: refractory to re-induction is refractory
        // disease; not yet re-induced or in CR is neither; unknown is asked for.
        let first = |reinduction| Scenario {
            setting: Setting::FirstRelapseLate,
            reinduction,
            ..base()
        };
        assert!(effects(&E_CART, &first(Reinduction::Refractory), TISA).is_empty());
        assert_eq!(
            effects(&E_CART, &first(Reinduction::NotYet), TISA),
            [Excludes]
        );
        assert!(texts(&E_CART, &first(Reinduction::NotYet), TISA)[0]
            .contains("if it proves refractory to re-induction, it would be within the label"));
        assert_eq!(
            effects(&E_CART, &first(Reinduction::InCr), TISA),
            [Excludes]
        );
        assert_eq!(
            effects(&E_CART, &first(Reinduction::Unknown), TISA),
            [NeedsTest]
        );
        // The adult products cover any relapse.
        assert!(effects(&E_CART, &first(Reinduction::NotYet), BREXU).is_empty());
        let early = Scenario {
            setting: Setting::FirstRelapseEarly,
            ..first(Reinduction::InCr)
        };
        assert_eq!(effects(&E_CART, &early, TISA), [Excludes]);
        // Relapse after transplant: the EU label covers it; the US asks for a second relapse.
        let post = Scenario {
            setting: Setting::RelapseAfterHsct,
            prior_hsct: YesNo::Yes,
            ..base()
        };
        assert_eq!(effects(&E_CART, &post, TISA), [NeedsTest]);
        assert!(effects(
            &E_CART,
            &Scenario {
                region: Region::Eu,
                ..post
            },
            TISA
        )
        .is_empty());
        // Refractory and second relapse: within.
        assert!(effects(
            &E_CART,
            &Scenario {
                setting: Setting::PrimaryRefractory,
                ..base()
            },
            TISA
        )
        .is_empty());
        assert!(effects(&E_CART, &base(), TISA).is_empty());
    }
}
