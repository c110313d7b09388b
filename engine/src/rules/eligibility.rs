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
    reads: &[Field::Ph, Field::TkisFailed, Field::Region],
    eval: |s| label_findings(s, Therapy::Inotuzumab, RuleId::EInoLabel),
};

/// E-BLIN-LABEL: blinatumomab within its label in the chosen region.
pub const E_BLIN_LABEL: Rule = Rule {
    id: RuleId::EBlinLabel,
    statement: "Blinatumomab is eligible only within the chosen region's label. US: from 1 month of age; MRD ≥ 0.1% in first or second CR. EU: MRD only in Ph-negative adults in first or second CR; Ph-positive relapsed or refractory adults only after at least 2 failed TKIs; children from 1 year with Ph-negative disease after at least 2 prior therapies or relapse after allo-HSCT. Use outside the label is a clinical decision.",
    sources: &[labels::L_BLINA_US_RR, labels::L_BLINA_US_MRD, labels::L_BLINA_EU_RR, labels::L_BLINA_EU_MRD],
    reads: &[Field::Region, Field::Age, Field::Setting, Field::CrNumber, Field::Mrd, Field::Ph, Field::TkisFailed, Field::PriorLines, Field::PriorHsct],
    eval: |s| label_findings(s, Therapy::Blinatumomab, RuleId::EBlinLabel),
};

/// E-CART: each CAR-T product's label, by region: age and disease setting.
pub const E_CART: Rule = Rule {
    id: RuleId::ECart,
    statement: "Each CD19 CAR-T product is eligible only within its label in the chosen region. Tisagenlecleucel: up to 25 years, refractory disease or second or later relapse (the EU label adds relapse after transplant); a first relapse refractory to re-induction counts as refractory. Brexucabtagene and obecabtagene: relapsed or refractory disease in adults, from 18 years in the US and 26 in the EU. None is labelled for MRD-positive disease in CR.",
    sources: &[L_TISA_US, L_TISA_EU, Q_CART_21_S2, labels::L_BREXU_US, labels::L_BREXU_EU, labels::L_OBE_US, labels::L_OBE_EU],
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
                    "Age {}: within the {} label (up to 25 years), though the source paper, older, says 21 and younger.",
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
