//! Teaching cases as data: every patient of the paediatric case series that reports its
//! patients one by one (S3, nine children), and archetypes of the decisions the aid makes.
//!
//! Each case carries the inputs as the form holds them, the fields whose values the source
//! does not give and the case therefore assumes (so the page can mark them "assumed"), what
//! the source reports happened, its citations, and the answer the rules give: each
//! therapy's status and the pre-phase decision. A test evaluates every case against its
//! answer, so a rule change that alters a teaching case fails by the case's name.

use serde::Serialize;

use crate::debulking::DebulkingLevel;
use crate::evidence::{cite, Citation, SourceKey::*};
use crate::fields::Field;
use crate::labels::{L_BREXU_EU, L_BREXU_US, L_OBE_EU, L_OBE_US, L_TISA_EU, L_TISA_US};
use crate::scenario::RawScenario;
use crate::therapy::{Status, Therapy};
use DebulkingLevel::{NotApplicable, NotNeeded, Required, Undetermined};
use Status::{Caution, NotEligible as Ne, Option as Opt, Preferred};

/// Where a case comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CaseKind {
    /// A patient a source paper reports individually.
    Paper,
    /// A constructed patient showing one decision of the aid.
    Archetype,
}

/// The answer the rules give for a case: each therapy's status and the pre-phase decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Expected {
    /// Blinatumomab.
    pub blinatumomab: Status,
    /// Inotuzumab ozogamicin.
    pub inotuzumab: Status,
    /// Tisagenlecleucel.
    pub tisagenlecleucel: Status,
    /// Brexucabtagene autoleucel.
    pub brexucabtagene: Status,
    /// Obecabtagene autoleucel.
    pub obecabtagene: Status,
    /// Pre-phase debulking before blinatumomab.
    pub prephase: DebulkingLevel,
}

impl Expected {
    /// The expected status of `therapy`.
    pub fn status(&self, therapy: Therapy) -> Status {
        match therapy {
            Therapy::Blinatumomab => self.blinatumomab,
            Therapy::Inotuzumab => self.inotuzumab,
            Therapy::Tisagenlecleucel => self.tisagenlecleucel,
            Therapy::Brexucabtagene => self.brexucabtagene,
            Therapy::Obecabtagene => self.obecabtagene,
        }
    }
}

/// One teaching case.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TeachingCase {
    /// Stable identifier (for links and tests); never reused for another patient.
    pub id: &'static str,
    /// Paper patient or archetype.
    pub kind: CaseKind,
    /// A short title.
    pub title: &'static str,
    /// The case in the aid's own words: who the patient is and what it teaches.
    pub narrative: &'static str,
    /// The form's texts, field by field (fields not listed are not given).
    pub inputs: &'static [(Field, &'static str)],
    /// Inputs whose values the source does not give and the case assumes.
    pub assumed: &'static [Field],
    /// How the assumed values were chosen (empty when nothing is assumed).
    pub assumptions: &'static str,
    /// What the source reports happened, in the aid's words, where it does.
    pub reported: Option<&'static str>,
    /// The sources the case rests on (never empty).
    pub sources: &'static [Citation],
    /// The answer the rules give.
    pub expected: Expected,
}

impl TeachingCase {
    /// The case as the form's texts.
    pub fn raw(&self) -> RawScenario {
        let mut raw = RawScenario::new();
        for &(field, text) in self.inputs {
            raw.set(field, text);
        }
        raw
    }

    /// Whether the value of `field` is assumed rather than given by the source.
    pub fn is_assumed(&self, field: Field) -> bool {
        self.assumed.contains(&field)
    }
}

/// The case as a link's query string (without `?`): the page opens it like any scenario.
pub fn to_query(case: &TeachingCase) -> String {
    crate::query::to_query(&case.raw())
}

/// The case with this id.
pub fn case(id: &str) -> Option<&'static TeachingCase> {
    CASES.iter().find(|c| c.id == id)
}

/// The case whose inputs are exactly `raw`, so a page opened by a case's link can mark its
/// assumed values.
pub fn case_of(raw: &RawScenario) -> Option<&'static TeachingCase> {
    CASES.iter().find(|c| c.raw() == *raw)
}

const fn answer(statuses: [Status; 5], prephase: DebulkingLevel) -> Expected {
    let [blinatumomab, inotuzumab, tisagenlecleucel, brexucabtagene, obecabtagene] = statuses;
    Expected {
        blinatumomab,
        inotuzumab,
        tisagenlecleucel,
        brexucabtagene,
        obecabtagene,
        prephase,
    }
}

// ---- S3: the Greek paediatric series, patient by patient. ----

const S3_ELIGIBLE: Citation = cite(
    S3,
    "Pediatric patients <18 years with refractory or relapsed Bcp ALL who consistently expressed CD19 were considered eligible for Blinatumomab treatment.",
);
const S3_AIM: Citation = cite(
    S3,
    "in an effort to achieve disease clearance and proceed to subsequent allo-HSCT",
);
const S3_MRD_LOAD: Citation = cite(
    S3,
    "Median MRD load prior to 1st Blinatumomab administration was 56.9% (range 0.025–95.0%)",
);
const S3_IN_CR: Citation = cite(
    S3,
    "for deepening MRD clearance in 2 patients who had already achieved complete morphological remission (CR) with prior chemotherapy salvage regimens (prior FC-MRD 0.025% and 0.29%, respectively)",
);

const S3_1: &[Citation] = &[
    cite(
        S3,
        "#1 Relapse 2 nd ALL-REZ BFM 2002 for 1 st relapse Clofarabine/CPM/VP-16 for 2 nd relapse",
    ),
    cite(S3, "#1 2 nd 95.0% 100% NR Palliative therapy DEAD"),
    S3_ELIGIBLE,
    S3_AIM,
    S3_MRD_LOAD,
];
const S3_2: &[Citation] = &[
    cite(S3, "#2 Relapse 2 nd post haplo-SCT Clofarabine/CPM/VP-16, ALLR3 for 1 st relapse HD Ara-C/VP-16/, HR2 Block for 2 nd relapse"),
    cite(S3, "#2 2 nd post haplo-SCT 95.0% 98.0% NR Abroad for CAR T, not performed due to renal failure and IFD DEAD"),
    S3_ELIGIBLE,
    S3_AIM,
];
const S3_3: &[Citation] = &[
    cite(S3, "#3 Relapse 2 nd post allo-MSD-SCT ALL-REZ BFM 2002 for 1 st relapse ALLIC RELAPSE GUIDANCE 2016 (induction HI) for 2 nd relapse"),
    cite(S3, "#3 2 nd post allo-MSD-SCT 39.9% 0.03% 0% YES induction type IB (BFM instructions), plan for CAR-T DEAD"),
    cite(S3, "one patient with very early post-transplant relapse was additionally treated with concurrent donor lymphocyte infusions (DLIs) (patient #3, Table 2)"),
    S3_ELIGIBLE,
    S3_AIM,
];
const S3_4: &[Citation] = &[
    cite(S3, "#4 Refractory (MLL+) ALLIC BFM 2009 (IA/IB/HR1/HR2/HR3), Clofarabine/VP-16/CPM, prior to 1 st Blinatumomab cycle"),
    cite(S3, "#4 Refractory (MLL+) 22.0% 58.50% 89.7% NR IDA-FLA, 6-TG/ MTX/ VCR, HR1+inotuzumab DEAD"),
    cite(S3, "one patient with MLL (KMT2A) rearrangement that was refractory to immunotherapy salvage approach (Blinatumomab, inotuzumab ozogamicin), experienced leukemia switch to mixed phenotype acute leukemia (MPAL) and eventually died due to disease progression."),
    S3_ELIGIBLE,
    S3_AIM,
];
const S3_5: &[Citation] = &[
    cite(S3, "#5 Refractory Clofarabine/VP-16/CPM, modified HAM AML block (HD-ARAC, mitoxantrone, VCR, dexamethasone, IT), modified ALLIC IBAug (PEG, VCR, IT, imatinib)"),
    cite(S3, "#5 Refractory 65.0% 0.04% 0% YES, CD19- ALL REZ 2002 (modified Pr.II/IDA), 6-MP/MTX ALIVE"),
    cite(S3, "the patient underwent a haploidentical HSCT in CR2 and is alive, remaining in remission for 47.1 months (patient #5, Table 2)."),
    S3_ELIGIBLE,
    S3_AIM,
];
const S3_6: &[Citation] = &[
    cite(S3, "#6 Relapse (MLL+) 1 st post allo-MUD-SCT No"),
    cite(S3, "#6 1 st post allo-MUD-SCT 56.9% 0.25% 0% NO DEAD"),
    S3_ELIGIBLE,
    S3_AIM,
];
const S3_7: &[Citation] = &[
    cite(S3, "#7 Refractory Clofarabine/CPM/VP-16, FLAG"),
    cite(S3, "#7 Refractory 65.0% 0.25% YES, CD19- Supportive care DEAD"),
    cite(S3, "the other relapsing after the 1st Blinatumomab cycle (CD19-), with concurrent neurotoxicity grade 4 (patient #7, Table 2)."),
    S3_ELIGIBLE,
    S3_AIM,
];
const S3_8: &[Citation] = &[
    cite(S3, "#8 Relapse 1 st ALLIC RELAPSE GUIDANCE 2016"),
    cite(S3, "#8 1 st 0.29% 0% NO ALIVE"),
    S3_IN_CR,
    S3_ELIGIBLE,
];
const S3_9: &[Citation] = &[
    cite(S3, "#9 Relapse 1 st ALLIC RELAPSE GUIDANCE 2016"),
    cite(S3, "#9 1 st 0.025% 0% 0% NO ALIVE"),
    S3_IN_CR,
    S3_ELIGIBLE,
];

/// A S3 child's inputs: what every child of the series shares — treated in Greece (EU
/// labels), CD19-positive, a transplant the aim, no immunotherapy before (Table 1 lists
/// chemotherapy only), age assumed — then the patient's own values.
macro_rules! s3_inputs {
    ($($field:ident => $text:expr),* $(,)?) => {
        &[
            (Field::Region, "eu"),
            (Field::Age, "10"),
            (Field::Cd19, "pos"),
            (Field::Transplant, "plan"),
            (Field::PriorBlinatumomab, "no"),
            (Field::PriorInotuzumab, "no"),
            (Field::PriorCart, "no"),
            $((Field::$field, $text)),*
        ]
    };
}

/// How the S3 cases in second CR fill in what the paper does not report.
const S3_ASSUMPTIONS_IN_CR: &str = "The paper does not give each child's age at blinatumomab (the median age at diagnosis was 4.1 years): 10 years is assumed, and any age from 1 to 17 gives the same answer. The MRD level is the flow-cytometric one the paper reports. Ph status and renal function are not reported, and CNS involvement only for the cohort, so they stay unknown. Prior lines are counted from the treatments the paper's table lists.";

/// How the S3 cases with active disease fill in what the paper does not report.
const S3_ASSUMPTIONS: &str = "The paper does not give each child's age at blinatumomab (the median age at diagnosis was 4.1 years): 10 years is assumed, and any age from 1 to 17 gives the same answer. Marrow blasts are read from the flow-cytometric leukaemic cells before the first cycle. Ph status, CD22, LDH, peripheral blasts, and renal and liver function are not reported, so they stay unknown and the aid names them as still needed; CNS involvement is reported for the cohort (3 of 9 at diagnosis) but not per child, so it stays unknown too. Prior lines are counted from the treatments the paper's table lists. One child of the cohort was diagnosed at 0.2 years: under 1 year the EU answer for inotuzumab changes.";

// ---- Archetypes' sources. ----

const Q_ALCANTARA_S0: Citation = cite(
    S0,
    "Of 45 patients, 16 (36%; 95% CI, 22% to 51%) achieved CR/CRh during the first two cycles, including four of 10 patients with the T315I mutation",
);
const Q_TKI_SALVAGE_S0: Citation = cite(
    S0,
    "In such a dismal scenario, second or third generation TKIs as salvage therapy are able to offer only short remissions in the majority of the patients.",
);
const Q_CHEMO_FREE_S0: Citation = cite(
    S0,
    "a potential “chemo-free” approach, at least in the elderly population, based on the combination of Blinatumomab and second/third generation TKIs.",
);
const Q_PH_APPROVED_S2: Citation = cite(
    S2,
    "In addition to being approved for both Philadelphia chromosome-negative and Philadelphia chromosome-positive R/R B-ALL, blinatumomab is also the only ALL therapy that carries approval for the treatment of measurable residual disease (MRD).",
);
const Q_MRD_S2: Citation = cite(
    S2,
    "blinatumomab received FDA approval in 2018 for patients with B-ALL in CR with MRD 10^{-3} (0.1%) or greater.",
);
const Q_MRD_INO_S2: Citation = cite(
    S2,
    "Blinatumomab is preferable for patients with MRD-positive disease, as inotuzumab currently is not approved for these patients.",
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
const Q_ANTIGEN_LOSS_S2: Citation = cite(
    S2,
    "One potential mechanism of resistance to CD19-directed therapy is target antigen loss, which is seen in a significant subset of patients undergoing CD19-directed CAR-T cell therapy.",
);
const Q_CD19_NEG_S3: Citation = cite(
    S3,
    "In our study, 2/3 post-Blinatumomab relapses were CD19-negative and lineage switch (MPAL) was also observed in one of our patients.",
);
const Q_HSCT_S2: Citation = cite(
    S2,
    "When deciding between blinatumomab and inotuzumab in patients with leukemia that is both CD19 and CD22 positive, blinatumomab is preferred for patients that will be proceeding to allo-HCT due to increased risk of VOD with inotuzumab.",
);
const Q_CART_21_S2: Citation = cite(
    S2,
    "CAR-T cell therapy is currently only approved for patients aged 21 years old and younger",
);

/// Every teaching case: the nine S3 children in the paper's order, then the archetypes.
pub const CASES: &[TeachingCase] = &[
    TeachingCase {
        id: "s3-patient-1",
        kind: CaseKind::Paper,
        title: "Child in second relapse, marrow full of blasts",
        narrative: "A child in second relapse after two courses of relapse chemotherapy, with leukaemic cells making up 95% of the marrow by flow cytometry. Blinatumomab is within the EU label for children after at least two prior therapies if the disease is Ph-negative (the paper does not report BCR-ABL1, so the label stays undecided until it is known), but pre-phase is required first; inotuzumab is in caution because a transplant is the aim. Brexucabtagene and obecabtagene are for adults of 26 and over in the EU.",
        inputs: s3_inputs!(Setting => "r2", MarrowBlasts => "95", PriorHsct => "no", PriorLines => "3"),
        assumed: &[Field::Age, Field::MarrowBlasts],
        assumptions: S3_ASSUMPTIONS,
        reported: Some("No response: leukaemic cells 95% before the first cycle and 100% after it. Palliative care; died."),
        sources: S3_1,
        expected: answer([Opt, Caution, Opt, Ne, Ne], Required),
    },
    TeachingCase {
        id: "s3-patient-2",
        kind: CaseKind::Paper,
        title: "Child in second relapse after a haploidentical transplant",
        narrative: "A child in second relapse after a haploidentical transplant, with 95% leukaemic cells in the marrow. Relapse after allo-HSCT keeps blinatumomab within the EU label for children if the disease is Ph-negative (not reported: the aid asks for BCR-ABL1); the prior transplant and the planned one both raise inotuzumab's VOD risk. Pre-phase is required.",
        inputs: s3_inputs!(Setting => "r2", MarrowBlasts => "95", PriorHsct => "yes", PriorLines => "3"),
        assumed: &[Field::Age, Field::MarrowBlasts],
        assumptions: S3_ASSUMPTIONS,
        reported: Some("No response (leukaemic cells 95% before, 98% after the first cycle). Referred abroad for CAR-T, which renal failure and an invasive fungal infection prevented; died."),
        sources: S3_2,
        expected: answer([Opt, Caution, Opt, Ne, Ne], Required),
    },
    TeachingCase {
        id: "s3-patient-3",
        kind: CaseKind::Paper,
        title: "Very early relapse after a sibling transplant",
        narrative: "A child in second relapse very soon after a matched-sibling transplant, with 39.9% leukaemic cells in the marrow. Below 50% marrow blasts, pre-phase depends on the peripheral count, LDH and extramedullary disease, none of them reported, so the decision stays open.",
        inputs: s3_inputs!(Setting => "r2", MarrowBlasts => "39.9", PriorHsct => "yes", PriorLines => "3"),
        assumed: &[Field::Age, Field::MarrowBlasts],
        assumptions: S3_ASSUMPTIONS,
        reported: Some("Blinatumomab with donor lymphocyte infusions: leukaemic cells 39.9% → 0.03% after the first cycle and 0% after the second. A CD19-positive relapse followed very early after a further transplant; CAR-T was planned; died."),
        sources: S3_3,
        expected: answer([Opt, Caution, Opt, Ne, Ne], Undetermined),
    },
    TeachingCase {
        id: "s3-patient-4",
        kind: CaseKind::Paper,
        title: "Refractory KMT2A-rearranged leukaemia",
        narrative: "A child whose KMT2A-rearranged leukaemia never went into remission, after first-line therapy and a clofarabine block, with 22% leukaemic cells in the marrow. Provided the disease is Ph-negative (not reported), blinatumomab is within the EU label for refractory disease after two prior therapies; the aid warns that KMT2A-rearranged disease can switch lineage under CD19-directed therapy.",
        inputs: s3_inputs!(Setting => "ref", MarrowBlasts => "22", PriorLines => "2", Kmt2a => "yes"),
        assumed: &[Field::Age, Field::MarrowBlasts],
        assumptions: S3_ASSUMPTIONS,
        reported: Some("No response: leukaemic cells 22% → 58.5% after the first cycle and 89.7% after a second at three times the dose. No response to inotuzumab either; the leukaemia switched to mixed phenotype; died."),
        sources: S3_4,
        expected: answer([Opt, Caution, Opt, Ne, Ne], Undetermined),
    },
    TeachingCase {
        id: "s3-patient-5",
        kind: CaseKind::Paper,
        title: "Refractory leukaemia after three salvage regimens",
        narrative: "A child with refractory leukaemia after first-line therapy and three salvage regimens, one of them including imatinib, which the paper does not explain: BCR-ABL1 must be checked, since in the EU a child's blinatumomab label covers Ph-negative disease only. Leukaemic cells were 65% of the marrow, so pre-phase is required.",
        inputs: s3_inputs!(Setting => "ref", MarrowBlasts => "65", PriorLines => "4"),
        assumed: &[Field::Age, Field::MarrowBlasts],
        assumptions: S3_ASSUMPTIONS,
        reported: Some("Responded: leukaemic cells 65% → 0.04% after the first cycle, 0% after the second. A CD19-negative relapse followed, was treated with chemotherapy and a haploidentical transplant in second CR, and the child was alive in remission 47.1 months later."),
        sources: S3_5,
        expected: answer([Opt, Caution, Opt, Ne, Ne], Required),
    },
    TeachingCase {
        id: "s3-patient-6",
        kind: CaseKind::Paper,
        title: "First relapse after an unrelated-donor transplant, KMT2A-rearranged",
        narrative: "A child with KMT2A-rearranged leukaemia in first relapse after an unrelated-donor transplant, without salvage chemotherapy before blinatumomab, and 56.9% leukaemic cells in the marrow. Provided the disease is Ph-negative (not reported), relapse after transplant is within both the EU blinatumomab label for children and the EU tisagenlecleucel label; pre-phase is required.",
        inputs: s3_inputs!(Setting => "rhsct", MarrowBlasts => "56.9", PriorHsct => "yes", PriorLines => "1", Kmt2a => "yes"),
        assumed: &[Field::Age, Field::MarrowBlasts],
        assumptions: S3_ASSUMPTIONS,
        reported: Some("Responded: leukaemic cells 56.9% → 0.25% after the first cycle, 0% after the second; no relapse; died."),
        sources: S3_6,
        expected: answer([Opt, Caution, Opt, Ne, Ne], Required),
    },
    TeachingCase {
        id: "s3-patient-7",
        kind: CaseKind::Paper,
        title: "Refractory leukaemia, response then CD19-negative relapse",
        narrative: "A child with refractory leukaemia after first-line therapy, clofarabine and FLAG, with 65% leukaemic cells in the marrow. The answer matches patient 5's; what followed shows why CD19 must be checked again after CD19-directed therapy.",
        inputs: s3_inputs!(Setting => "ref", MarrowBlasts => "65", PriorLines => "3"),
        assumed: &[Field::Age, Field::MarrowBlasts],
        assumptions: S3_ASSUMPTIONS,
        reported: Some("Responded after the first cycle (leukaemic cells 65% → 0.25%) with grade 4 neurotoxicity; relapsed CD19-negative; supportive care; died."),
        sources: S3_7,
        expected: answer([Opt, Caution, Opt, Ne, Ne], Required),
    },
    TeachingCase {
        id: "s3-patient-8",
        kind: CaseKind::Paper,
        title: "Second CR with MRD 0.29%",
        narrative: "A child in CR after relapse chemotherapy for a late first relapse, with MRD 0.29%: MRD-positive disease in second CR. Of the EU indications the aid assesses, none covers this (blinatumomab's MRD indication is for adults), so each card is not eligible and use outside the label is a clinical decision, as the paper's compassionate use was. The EU label also has a paediatric consolidation indication after a high-risk first relapse, which the aid does not assess; this child's relapse was late. Under the US label, blinatumomab would be within it.",
        inputs: s3_inputs!(Setting => "mrd", CrNumber => "2", Mrd => "0.29", PriorHsct => "no", PriorLines => "2"),
        assumed: &[Field::Age],
        assumptions: S3_ASSUMPTIONS_IN_CR,
        reported: Some("MRD-negative after the first cycle; no relapse; alive."),
        sources: S3_8,
        expected: answer([Ne, Ne, Ne, Ne, Ne], NotApplicable),
    },
    TeachingCase {
        id: "s3-patient-9",
        kind: CaseKind::Paper,
        title: "Second CR with MRD 0.025%",
        narrative: "Like patient 8, a child in second CR, but with MRD 0.025%: below the 0.1% every MRD label asks for, though within the levels trials treated. In the EU no therapy is within its label.",
        inputs: s3_inputs!(Setting => "mrd", CrNumber => "2", Mrd => "0.025", PriorHsct => "no", PriorLines => "2"),
        assumed: &[Field::Age],
        assumptions: S3_ASSUMPTIONS_IN_CR,
        reported: Some("MRD-negative after the first and second cycles; no relapse; alive."),
        sources: S3_9,
        expected: answer([Ne, Ne, Ne, Ne, Ne], NotApplicable),
    },
    TeachingCase {
        id: "ph-positive-after-tki",
        kind: CaseKind::Archetype,
        title: "Ph-positive first relapse after one TKI, no T315I",
        narrative: "A 45-year-old with Ph-positive leukaemia relapsing within a year on a second-generation TKI, without T315I. Blinatumomab is within the US label for Ph-positive disease and is given with a TKI; inotuzumab is an option too. Tisagenlecleucel's label stops at 25; the adult CAR-T products are options.",
        inputs: &[
            (Field::Region, "us"), (Field::Age, "45"), (Field::Weight, "78"), (Field::Height, "175"),
            (Field::Setting, "r1e"), (Field::Reinduction, "none"), (Field::MarrowBlasts, "35"),
            (Field::PeripheralBlasts, "2000"), (Field::LdhStatus, "norm"), (Field::Extramedullary, "no"),
            (Field::Cns, "no"), (Field::Cd19, "pos"), (Field::Cd22, "pos"), (Field::Ph, "pos"),
            (Field::TkisFailed, "1"), (Field::T315i, "no"), (Field::Transplant, "cand"),
            (Field::PriorHsct, "no"), (Field::PriorLines, "1"), (Field::PriorBlinatumomab, "no"),
            (Field::PriorInotuzumab, "no"), (Field::PriorCart, "no"), (Field::Kmt2a, "no"),
            (Field::Crcl, "95"), (Field::Dialysis, "no"), (Field::Liver, "no"),
        ],
        assumed: &[],
        assumptions: "",
        reported: None,
        sources: &[Q_TKI_SALVAGE_S0, Q_PH_APPROVED_S2, Q_ALCANTARA_S0],
        expected: answer([Opt, Opt, Ne, Opt, Opt], NotNeeded),
    },
    TeachingCase {
        id: "ph-positive-t315i",
        kind: CaseKind::Archetype,
        title: "Ph-positive with T315I, older adult, EU",
        narrative: "A 62-year-old in the EU with Ph-positive leukaemia in second relapse after two TKIs, with T315I: imatinib and the second-generation TKIs no longer work, ponatinib does. The EU blinatumomab label admits Ph-positive adults after two failed TKIs when there is no alternative; a chemotherapy-free pairing with ponatinib is the direction proposed for older patients.",
        inputs: &[
            (Field::Region, "eu"), (Field::Age, "62"), (Field::Weight, "70"), (Field::Height, "165"),
            (Field::Setting, "r2"), (Field::MarrowBlasts, "25"), (Field::PeripheralBlasts, "800"),
            (Field::LdhStatus, "norm"), (Field::Extramedullary, "no"), (Field::Cns, "no"),
            (Field::Cd19, "pos"), (Field::Cd22, "pos"), (Field::Ph, "pos"), (Field::TkisFailed, "2"),
            (Field::T315i, "yes"), (Field::Transplant, "no"), (Field::PriorHsct, "no"),
            (Field::PriorLines, "3"), (Field::PriorBlinatumomab, "no"), (Field::PriorInotuzumab, "no"),
            (Field::PriorCart, "no"), (Field::Kmt2a, "no"), (Field::Crcl, "70"),
            (Field::Dialysis, "no"), (Field::Liver, "no"),
        ],
        assumed: &[],
        assumptions: "",
        reported: None,
        sources: &[Q_ALCANTARA_S0, Q_CHEMO_FREE_S0],
        expected: answer([Opt, Opt, Ne, Opt, Opt], NotNeeded),
    },
    TeachingCase {
        id: "mrd-positive-cr1",
        kind: CaseKind::Archetype,
        title: "MRD-positive in first CR",
        narrative: "A 38-year-old in first CR with MRD 0.5% after induction and consolidation, a transplant planned. Blinatumomab is the therapy approved for MRD of 0.1% or more in first or second CR and is preferred; inotuzumab and the CAR-T products are not labelled for MRD in CR, and there is no disease to debulk.",
        inputs: &[
            (Field::Region, "us"), (Field::Age, "38"), (Field::Weight, "82"), (Field::Height, "180"),
            (Field::Setting, "mrd"), (Field::CrNumber, "1"), (Field::Mrd, "0.5"),
            (Field::MarrowBlasts, "2"), (Field::PeripheralBlasts, "0"), (Field::LdhStatus, "norm"),
            (Field::Extramedullary, "no"), (Field::Cns, "no"), (Field::Cd19, "pos"), (Field::Cd22, "pos"),
            (Field::Ph, "neg"), (Field::Transplant, "plan"), (Field::PriorHsct, "no"),
            (Field::PriorLines, "1"), (Field::PriorBlinatumomab, "no"), (Field::PriorInotuzumab, "no"),
            (Field::PriorCart, "no"), (Field::Kmt2a, "no"), (Field::Crcl, "110"),
            (Field::Dialysis, "no"), (Field::Liver, "no"),
        ],
        assumed: &[],
        assumptions: "",
        reported: None,
        sources: &[Q_MRD_S2, Q_MRD_INO_S2],
        expected: answer([Preferred, Ne, Ne, Ne, Ne], NotApplicable),
    },
    TeachingCase {
        id: "high-burden",
        kind: CaseKind::Archetype,
        title: "High tumour burden needing pre-phase",
        narrative: "A 55-year-old in second relapse with 85% marrow blasts, 42,000 blasts/µL in the blood and LDH over three times normal, no transplant planned. Inotuzumab is preferred because its responses do not depend on burden; if blinatumomab is chosen, pre-phase is required, and inotuzumab too needs cytoreduction of the circulating blasts first.",
        inputs: &[
            (Field::Region, "us"), (Field::Age, "55"), (Field::Weight, "68"), (Field::Height, "170"),
            (Field::Setting, "r2"), (Field::MarrowBlasts, "85"), (Field::PeripheralBlasts, "42000"),
            (Field::Ldh, "900"), (Field::LdhUln, "250"), (Field::Extramedullary, "no"),
            (Field::Cns, "no"), (Field::Cd19, "pos"), (Field::Cd22, "pos"), (Field::Ph, "neg"),
            (Field::Transplant, "no"), (Field::PriorHsct, "no"), (Field::PriorLines, "2"),
            (Field::PriorBlinatumomab, "no"), (Field::PriorInotuzumab, "no"), (Field::PriorCart, "no"),
            (Field::Kmt2a, "no"), (Field::Crcl, "80"), (Field::Dialysis, "no"), (Field::Liver, "no"),
        ],
        assumed: &[],
        assumptions: "",
        reported: None,
        sources: &[Q_BURDEN_S2, Q_BURDEN_S4],
        expected: answer([Opt, Preferred, Ne, Opt, Opt], Required),
    },
    TeachingCase {
        id: "cns-disease",
        kind: CaseKind::Archetype,
        title: "Active CNS leukaemia",
        narrative: "A 30-year-old whose first relapse, with active CNS leukaemia, did not answer re-induction. Blinatumomab's neurotoxicity puts it in caution and inotuzumab is favoured; the adult CAR-T products remain options, with a note on their neurologic events.",
        inputs: &[
            (Field::Region, "us"), (Field::Age, "30"), (Field::Weight, "60"), (Field::Height, "165"),
            (Field::Setting, "r1e"), (Field::Reinduction, "ref"), (Field::MarrowBlasts, "40"),
            (Field::PeripheralBlasts, "500"), (Field::LdhStatus, "norm"), (Field::Extramedullary, "no"),
            (Field::Cns, "active"), (Field::Cd19, "pos"), (Field::Cd22, "pos"), (Field::Ph, "neg"),
            (Field::Transplant, "cand"), (Field::PriorHsct, "no"), (Field::PriorLines, "2"),
            (Field::PriorBlinatumomab, "no"), (Field::PriorInotuzumab, "no"), (Field::PriorCart, "no"),
            (Field::Kmt2a, "no"), (Field::Crcl, "100"), (Field::Dialysis, "no"), (Field::Liver, "no"),
        ],
        assumed: &[],
        assumptions: "",
        reported: None,
        sources: &[Q_CNS_S2],
        expected: answer([Caution, Preferred, Ne, Opt, Opt], NotNeeded),
    },
    TeachingCase {
        id: "cd19-negative-relapse",
        kind: CaseKind::Archetype,
        title: "CD19-negative relapse after blinatumomab",
        narrative: "A 22-year-old whose leukaemia answered blinatumomab, then came back in second relapse without CD19. With no target, blinatumomab and every CD19 CAR-T product are not eligible, whatever their labels say; inotuzumab, aimed at CD22, is the option left.",
        inputs: &[
            (Field::Region, "us"), (Field::Age, "22"), (Field::Weight, "65"), (Field::Height, "172"),
            (Field::Setting, "r2"), (Field::MarrowBlasts, "30"), (Field::PeripheralBlasts, "0"),
            (Field::LdhStatus, "norm"), (Field::Extramedullary, "no"), (Field::Cns, "no"),
            (Field::Cd19, "neg"), (Field::Cd22, "pos"), (Field::Ph, "neg"), (Field::Transplant, "cand"),
            (Field::PriorHsct, "no"), (Field::PriorLines, "3"), (Field::PriorBlinatumomab, "resp"),
            (Field::PriorInotuzumab, "no"), (Field::PriorCart, "no"), (Field::Kmt2a, "no"),
            (Field::Crcl, "100"), (Field::Dialysis, "no"), (Field::Liver, "no"),
        ],
        assumed: &[],
        assumptions: "",
        reported: None,
        sources: &[Q_ANTIGEN_LOSS_S2, Q_CD19_NEG_S3],
        expected: answer([Ne, Opt, Ne, Ne, Ne], NotNeeded),
    },
    TeachingCase {
        id: "transplant-planned",
        kind: CaseKind::Archetype,
        title: "Transplant planned, CD19- and CD22-positive",
        narrative: "A 45-year-old in first relapse, not yet re-induced, with a donor and a transplant planned after response. Both targets are present, so blinatumomab is preferred over inotuzumab, whose VOD risk rises with the transplant that follows (if it is used, two cycles at most).",
        inputs: &[
            (Field::Region, "us"), (Field::Age, "45"), (Field::Weight, "75"), (Field::Height, "178"),
            (Field::Setting, "r1e"), (Field::Reinduction, "none"), (Field::MarrowBlasts, "20"),
            (Field::PeripheralBlasts, "0"), (Field::LdhStatus, "norm"), (Field::Extramedullary, "no"),
            (Field::Cns, "no"), (Field::Cd19, "pos"), (Field::Cd22, "pos"), (Field::Ph, "neg"),
            (Field::Transplant, "plan"), (Field::PriorHsct, "no"), (Field::PriorLines, "1"),
            (Field::PriorBlinatumomab, "no"), (Field::PriorInotuzumab, "no"), (Field::PriorCart, "no"),
            (Field::Kmt2a, "no"), (Field::Crcl, "100"), (Field::Dialysis, "no"), (Field::Liver, "no"),
        ],
        assumed: &[],
        assumptions: "",
        reported: None,
        sources: &[Q_HSCT_S2],
        expected: answer([Preferred, Caution, Ne, Opt, Opt], NotNeeded),
    },
    TeachingCase {
        id: "young-adult-us",
        kind: CaseKind::Archetype,
        title: "22-year-old in second relapse, US labels",
        narrative: "A 22-year-old in second relapse. Under the US labels every therapy is an option: tisagenlecleucel up to 25 years (the older source said 21), brexucabtagene and obecabtagene from 18. Compare the same patient under the EU labels.",
        inputs: &[
            (Field::Region, "us"), (Field::Age, "22"), (Field::Weight, "70"), (Field::Height, "175"),
            (Field::Setting, "r2"), (Field::MarrowBlasts, "30"), (Field::PeripheralBlasts, "500"),
            (Field::LdhStatus, "norm"), (Field::Extramedullary, "no"), (Field::Cns, "no"),
            (Field::Cd19, "pos"), (Field::Cd22, "pos"), (Field::Ph, "neg"), (Field::Transplant, "cand"),
            (Field::PriorHsct, "no"), (Field::PriorLines, "2"), (Field::PriorBlinatumomab, "no"),
            (Field::PriorInotuzumab, "no"), (Field::PriorCart, "no"), (Field::Kmt2a, "no"),
            (Field::Crcl, "100"), (Field::Dialysis, "no"), (Field::Liver, "no"),
        ],
        assumed: &[],
        assumptions: "",
        reported: None,
        sources: &[Q_CART_21_S2, L_TISA_US, L_BREXU_US, L_OBE_US],
        expected: answer([Opt, Opt, Opt, Opt, Opt], NotNeeded),
    },
    TeachingCase {
        id: "young-adult-eu",
        kind: CaseKind::Archetype,
        title: "The same 22-year-old, EU labels",
        narrative: "The 22-year-old of the US case under the EU labels: tisagenlecleucel is still within its label (up to and including 25 years), but brexucabtagene and obecabtagene are labelled in the EU from 26 years, so both are not eligible here.",
        inputs: &[
            (Field::Region, "eu"), (Field::Age, "22"), (Field::Weight, "70"), (Field::Height, "175"),
            (Field::Setting, "r2"), (Field::MarrowBlasts, "30"), (Field::PeripheralBlasts, "500"),
            (Field::LdhStatus, "norm"), (Field::Extramedullary, "no"), (Field::Cns, "no"),
            (Field::Cd19, "pos"), (Field::Cd22, "pos"), (Field::Ph, "neg"), (Field::Transplant, "cand"),
            (Field::PriorHsct, "no"), (Field::PriorLines, "2"), (Field::PriorBlinatumomab, "no"),
            (Field::PriorInotuzumab, "no"), (Field::PriorCart, "no"), (Field::Kmt2a, "no"),
            (Field::Crcl, "100"), (Field::Dialysis, "no"), (Field::Liver, "no"),
        ],
        assumed: &[],
        assumptions: "",
        reported: None,
        sources: &[L_TISA_EU, L_BREXU_EU, L_OBE_EU],
        expected: answer([Opt, Opt, Opt, Ne, Ne], NotNeeded),
    },
];
