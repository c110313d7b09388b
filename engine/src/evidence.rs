//! The evidence snapshot: the sources every rule, number and dose rests on, with the date
//! the label facts were last checked.
//!
//! Changing a label fact is one reviewed change here. Quotes are verbatim from the source
//! (line breaks of the source text folded to single spaces).

use serde::Serialize;

use crate::documents::Document;
use crate::documents::DOC_BESPONSA_PED_US;
use crate::labels::{L_BREXU_US, L_OBE_US};
use crate::rule::RuleId;
use crate::rules::{car_t, notes, preferences, prephase, RULES};
use crate::therapy::Therapy;

/// The date the label and approval facts (the [`SourceKey::Doc`] sources) were last checked.
pub const SNAPSHOT_DATE: &str = crate::documents::LABELS_CHECKED;

/// The version of the evidence snapshot; bump with every change of a fact or quote.
pub const SNAPSHOT_VERSION: &str = "2026.11.3";

/// A source document, by its stable key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum SourceKey {
    /// Editorial on blinatumomab in Ph+ B-ALL (ALCANTARA).
    S0,
    /// Review of blinatumomab pharmacology, toxicity and trials in R/R ALL.
    S1,
    /// Sigmund, Sahasrabudhe, Bhatnagar: blinatumomab's place in therapy.
    S2,
    /// Ampatzidou et al.: Greek paediatric R/R experience.
    S3,
    /// Italian multicentre real-world study of debulking before blinatumomab.
    S4,
    /// A public label or regulatory document (label facts after the source papers).
    Doc(&'static Document),
}

impl SourceKey {
    /// The source papers in citation order.
    pub const PAPERS: [SourceKey; 5] = [
        SourceKey::S0,
        SourceKey::S1,
        SourceKey::S2,
        SourceKey::S3,
        SourceKey::S4,
    ];

    /// The key as cited ("S2", "L").
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKey::S0 => "S0",
            SourceKey::S1 => "S1",
            SourceKey::S2 => "S2",
            SourceKey::S3 => "S3",
            SourceKey::S4 => "S4",
            SourceKey::Doc(d) => d.key,
        }
    }

    /// A short title a clinician recognises.
    pub fn title(self) -> &'static str {
        match self {
            SourceKey::S0 => "Blinatumomab in Ph+ B-ALL: present and perspectives (editorial, ALCANTARA)",
            SourceKey::S1 => "Blinatumomab in R/R ALL: pharmacology, toxicity and trials (review)",
            SourceKey::S2 => "Sigmund, Sahasrabudhe, Bhatnagar: Evaluating blinatumomab for R/R ALL — design, development, and place in therapy",
            SourceKey::S3 => "Ampatzidou et al.: the Greek experience of blinatumomab in paediatric R/R ALL",
            SourceKey::S4 => "Italian multicentre real-world study: tumour debulking before blinatumomab in adult R/R B-ALL",
            SourceKey::Doc(d) => d.title,
        }
    }

    /// When the source was last checked for this snapshot.
    pub fn checked(self) -> &'static str {
        SNAPSHOT_DATE
    }

    /// The public document, for a label fact.
    pub fn document(self) -> Option<&'static Document> {
        match self {
            SourceKey::Doc(d) => Some(d),
            _ => None,
        }
    }
}

/// A reference to a source, with the quote or fact it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Which source.
    pub source: SourceKey,
    /// A verbatim quote (checked against the source text by the test suite), or, for a label
    /// fact, the fact in the aid's own words.
    pub quote: &'static str,
    /// Whether `quote` is the source's own words.
    pub verbatim: bool,
}

/// A verbatim quote from a source paper, for `const` tables.
pub const fn cite(source: SourceKey, quote: &'static str) -> Citation {
    Citation {
        source,
        quote,
        verbatim: true,
    }
}

/// A label fact in the aid's own words, citing the public document it rests on.
pub const fn fact(document: &'static Document, text: &'static str) -> Citation {
    Citation {
        source: SourceKey::Doc(document),
        quote: text,
        verbatim: false,
    }
}

/// The label document's own words (one of the excerpts kept in `sources/label-excerpts.md`).
pub const fn label_quote(document: &'static Document, quote: &'static str) -> Citation {
    Citation {
        source: SourceKey::Doc(document),
        quote,
        verbatim: true,
    }
}

/// A statement shown to the user with its sources: a regimen note, a schedule line, a trial
/// figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sourced {
    /// A short heading ("Premedication", "Steroids alone").
    pub label: &'static str,
    /// The statement in plain language (fixed text borrowed; text with this patient's
    /// numbers owned).
    pub text: std::borrow::Cow<'static, str>,
    /// Its sources (never empty).
    pub sources: &'static [Citation],
}

/// The disease setting a trial or cohort studied, for filtering the evidence browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum TrialSetting {
    /// Relapsed or refractory disease.
    RelapsedRefractory,
    /// MRD-positive disease in morphologic complete remission.
    Mrd,
}

impl TrialSetting {
    /// Every setting, in display order.
    pub const ALL: [TrialSetting; 2] = [TrialSetting::RelapsedRefractory, TrialSetting::Mrd];

    /// A stable lowercase identifier (`data-setting` in the evidence browser).
    pub fn slug(self) -> &'static str {
        match self {
            TrialSetting::RelapsedRefractory => "rr",
            TrialSetting::Mrd => "mrd",
        }
    }

    /// The setting in words.
    pub fn label(self) -> &'static str {
        match self {
            TrialSetting::RelapsedRefractory => "Relapsed or refractory",
            TrialSetting::Mrd => "MRD-positive in CR",
        }
    }
}

/// Whom a trial or cohort enrolled, by age, as its source states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Ages {
    /// Adults.
    Adults,
    /// Children (or children and young adults).
    Children,
    /// The source does not say.
    NotStated,
}

impl Ages {
    /// Every age group, in display order.
    pub const ALL: [Ages; 3] = [Ages::Adults, Ages::Children, Ages::NotStated];

    /// A stable lowercase identifier (`data-ages` in the evidence browser).
    pub fn slug(self) -> &'static str {
        match self {
            Ages::Adults => "adults",
            Ages::Children => "children",
            Ages::NotStated => "not-stated",
        }
    }

    /// The age group in words.
    pub fn label(self) -> &'static str {
        match self {
            Ages::Adults => "Adults",
            Ages::Children => "Children",
            Ages::NotStated => "Ages not stated",
        }
    }
}

/// One row of the evidence table: a trial or cohort, whom it studied with what, and the
/// numbers the aid may show, each with its source.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TrialEvidence {
    /// Stable identifier (the row's anchor `trial-<id>` in the evidence browser).
    pub id: &'static str,
    /// Trial or cohort name.
    pub trial: &'static str,
    /// The therapy studied.
    pub therapy: Therapy,
    /// The settings studied (at least one).
    pub setting: &'static [TrialSetting],
    /// The ages enrolled, as the source states them.
    pub ages: Ages,
    /// Who was studied.
    pub population: &'static str,
    /// How many patients the study enrolled, where the sources give it.
    pub n: Option<u32>,
    /// What they received (and the comparator, for a randomised trial).
    pub regimen: &'static str,
    /// The outcomes, in the sources' numbers.
    pub result: &'static str,
    /// Where every number of the row comes from (never empty).
    pub sources: &'static [Citation],
}

pub(crate) const MT103_N_S2: Citation = cite(
    SourceKey::S2,
    "in which 189 patients with Ph- R/R B-ALL were enrolled to evaluate the clinical efficacy of blinatumomab",
);
pub(crate) const MT103_DOSE_S2: Citation = cite(
    SourceKey::S2,
    "starting at 9 $\\mu\\text{g}/\\text{day}$ for the first week followed by 28 $\\mu\\text{g}/\\text{day}$ for the subsequent 3 weeks. Treatment was given in 6 week cycles with 4 weeks of treatment and 2 weeks off.",
);
pub(crate) const MT103_CR_S1: Citation = cite(
    SourceKey::S1,
    "Out of the 189 patients treated, 81 (43%) achieved CR/CRh within the first two cycles",
);
pub(crate) const MT103_RESULT_S2: Citation = cite(
    SourceKey::S2,
    "After two cycles of treatment, 43% of patients achieved a CR/CR with partial hematologic recovery (CRh), with 33% obtaining a CR and 10% a CRh. Median relapse free survival (RFS) was 5.9 months with a median follow-up of 8.9 months and the median OS was 6.1 months",
);
pub(crate) const MT103_HSCT_S2: Citation = cite(
    SourceKey::S2,
    "Of the patients that achieved a CR/CRh, 40% underwent allogeneic hematopoietic stem cell transplant (allo-HSCT).",
);
pub(crate) const TOWER_N_S2: Citation = cite(
    SourceKey::S2,
    "The study enrolled 405 Ph- B-ALL patients who were randomized in a 2:1 ratio with 271 patients receiving blinatumomab and 124 patients receiving salvage chemotherapy.",
);
pub(crate) const TOWER_ARMS_S2: Citation = cite(
    SourceKey::S2,
    "directly evaluated the efficacy of blinatumomab compared to four commonly employed salvage chemotherapy regimens.",
);
pub(crate) const TOWER_RESULT_S2: Citation = cite(
    SourceKey::S2,
    "blinatumomab-treated patients had improved CR rates (34% vs 16%, $P<0.001$) and OS (7.7 months versus 4 months, $P=0.01$)",
);
pub(crate) const TOWER_RESULT_S4: Citation = cite(
    SourceKey::S4,
    "The rate of complete hematologic responses (CHR) and the overall response rates were higher in the blinatumomab arm than in the comparator arm (34% vs. 16% and 44% vs. 25% respectively). Among responders, MRD negativity rates were 76% for blinatumomab and 48% for chemotherapy",
);
pub(crate) const ALCANTARA_RESULT_S0: Citation = cite(
    SourceKey::S0,
    "Of 45 patients, 16 (36%; 95% CI, 22% to 51%) achieved CR/CRh during the first two cycles, including four of 10 patients with the T315I mutation; 88% of CR/CRh responders achieved a complete MRD negativity.",
);
pub(crate) const ALCANTARA_DOSE_S0: Citation = cite(
    SourceKey::S0,
    "investigated the role of Blinatumomab, administered in 28-day cycles by continuous intravenous infusion.",
);
pub(crate) const ALCANTARA_SURVIVAL_S0: Citation = cite(
    SourceKey::S0,
    "Median RFS and OS were 6.7 and 7.1 months, respectively.",
);
pub(crate) const GMALL_CR_S1: Citation =
    cite(SourceKey::S1, "CR/CRh was attained in 25/36 patients (69%)");
pub(crate) const GMALL_DOSE_S1: Citation = cite(
    SourceKey::S1,
    "The best safety profile was observed in the cohort including 5 µg/m2/day in week 1 and 15 µg/m2/day thereafter and was selected for the extension phase.",
);
pub(crate) const GMALL_MRD_S1: Citation = cite(
    SourceKey::S1,
    "MRD negativity (,10-4) across all cycles was achieved in 88% of responders (22/25).",
);
pub(crate) const GMALL_OS_S1: Citation = cite(
    SourceKey::S1,
    "the median overall survival (OS) was 9.8 months",
);
pub(crate) const PED_N_S1: Citation = cite(SourceKey::S1, "R/R pediatric Phase II trial (n=39)");
pub(crate) const PED_HSCT_S1: Citation = cite(
    SourceKey::S1,
    "Twenty-five (64%) patients had received prior alloHSCT.",
);
pub(crate) const PED_CR_S1: Citation = cite(
    SourceKey::S1,
    "During the first two treatment cycles, 12 patients (31%) achieved CR, mainly during the first cycle.",
);
pub(crate) const PED_MRD_S1: Citation = cite(
    SourceKey::S1,
    "Among the patients with CR in the first two cycles, five (42%) had complete MRD response.",
);
pub(crate) const PED_SURVIVAL_S1: Citation = cite(
    SourceKey::S1,
    "The median RFS was 5.6 months, and the median OS was 4.3 months",
);
pub(crate) const BLAST_N_S2: Citation =
    cite(SourceKey::S2, "A total of 116 patients were enrolled");
pub(crate) const BLAST_ADULTS_S2: Citation = cite(
    SourceKey::S2,
    "Blinatumomab for minimal residual disease in adults with B-cell precursor acute lymphoblastic leukemia",
);
pub(crate) const BLAST_WHO_S2: Citation = cite(
    SourceKey::S2,
    "in patients with B-ALL in first or later hematologic CR and with persistent or recurrent MRD $\\geq 10^{-3}$ after at least 3 cycles of intensive chemotherapy.",
);
pub(crate) const BLAST_DOSE_S2: Citation = cite(
    SourceKey::S2,
    "The dosing schedule for each cycle of blinatumomab in this trial was also 15 $\\mu\\text{g}/\\text{day}$, 4 weeks on and 2 weeks off.",
);
pub(crate) const BLAST_CYCLES_S2: Citation = cite(
    SourceKey::S2,
    "blinatumomab was administered for up to 4 cycles",
);
pub(crate) const BLAST_MRD_S2: Citation = cite(
    SourceKey::S2,
    "Of the 113 evaluable patients for the primary endpoint of MRD response, 78% achieved MRD negativity after one cycle of blinatumomab.",
);
pub(crate) const BLAST_SURVIVAL_N_S2: Citation = cite(
    SourceKey::S2,
    "Secondary end point analyses involving survival and transplantation were conducted in 110 patients with Ph- disease.",
);
pub(crate) const BLAST_SURVIVAL_S2: Citation = cite(
    SourceKey::S2,
    "Median RFS and OS were 18.9 months and 36.5 months, respectively",
);
pub(crate) const BLAST_BY_RESPONSE_S2: Citation = cite(
    SourceKey::S2,
    "median RFS of 23.6 vs 5.7 months ($P=0.002$) and median OS of 38.9 vs 12.5 months ($P=0.002$) for MRD responders and MRD non-responders",
);
pub(crate) const TOPP_WHO_S2: Citation = cite(
    SourceKey::S2,
    "Topp and colleagues conducted a phase II study in which blinatumomab was administered to 21 patients in first CR after induction, and at least one round of consolidation chemotherapy, who had detectable MRD defined as $\\geq 1 \\times 10^{-4}$.",
);
pub(crate) const TOPP_MRD_S2: Citation = cite(
    SourceKey::S2,
    "Of the 20 evaluable patients, 16 (80%) achieved MRD negativity, all of which occurred after one cycle of blinatumomab.",
);
pub(crate) const TOPP_FINAL_S2: Citation = cite(
    SourceKey::S2,
    "the final analysis was conducted after a median follow up of 50.8 months. Fifty percent of the 20 total evaluable patients remained in remission at the final analysis.",
);
pub(crate) const RC_RESULT_S2: Citation = cite(
    SourceKey::S2,
    "Of the 25 patients who were enrolled between December 2015 and June 2019, MRD negativity was achieved in 75% of patients with Ph+ disease and 80% of patients with Ph- disease ($P=1.00$)",
);
pub(crate) const RC_DOSE_S2: Citation = cite(
    SourceKey::S2,
    "patients were able to receive up to 5 cycles of blinatumomab therapy followed by allo-HSCT any time after cycle 1. Of note, Ph+ B-ALL patients were treated with physician's choice TKI in addition to blinatumomab.",
);
pub(crate) const INOVATE_CR_S2: Citation = cite(
    SourceKey::S2,
    "showed a significantly higher CR/CRi rate with inotuzumab (80.7% vs 29.4%).",
);
pub(crate) const INOVATE_ARMS_S2: Citation = cite(
    SourceKey::S2,
    "Patients randomized to SOC chemotherapy received either FLAG (fludarabine, cytarabine, and granulocyte colony-stimulating factor), cytarabine plus mitoxantrone, or HiDAC.",
);
pub(crate) const INOVATE_OS_S2: Citation = cite(
    SourceKey::S2,
    "Overall survival was also superior in the inotuzumab group (7.7 vs 6.7 months $P=0.04$).",
);
pub(crate) const INOVATE_OS2Y_S2: Citation = cite(
    SourceKey::S2,
    "the 2-year OS rate of 22.8% versus 10% with SOC",
);
pub(crate) const INOVATE_VOD_S2: Citation = cite(
    SourceKey::S2,
    "The rate of VOD was as high as 23% in the initial phase II trial but was lower at 11% in the INO-VATE study",
);
pub(crate) const INO_PED_US: Citation = fact(
    &DOC_BESPONSA_PED_US,
    "US approval for children from 1 year with relapsed or refractory CD22-positive B-ALL (6 Mar 2024): CR in 22 of 53 children (42%).",
);
pub(crate) const ELIANA_DRUG_S2: Citation = cite(
    SourceKey::S2,
    "These patients received tisagenlecleucel (Kymriah), an anti-CD19 CAR-T cell therapy.",
);
pub(crate) const GREEK_N_S3: Citation = cite(
    SourceKey::S3,
    "Between March 2015 and March 2018, 9 patients (4 females, 5 males) from 3 Greek Pediatric Hematology-Oncology Departments, were treated with Blinatumomab.",
);
pub(crate) const GREEK_SETTING_S3: Citation = cite(
    SourceKey::S3,
    "treated with Blinatumomab in a compassionate, off-label setting",
);
pub(crate) const GREEK_CR_S3: Citation = cite(
    SourceKey::S3,
    "In our cohort of 9 patients, 6/9 (66.7%) responded to Blinatumomab, achieving complete morphological remission (CR) after the 1st cycle",
);
pub(crate) const GREEK_HSCT_S3: Citation = cite(
    SourceKey::S3,
    "A successful bridge to HSCT was feasible in 5/9 patients (55.6%).",
);
pub(crate) const GREEK_SURVIVAL_S3: Citation = cite(
    SourceKey::S3,
    "Median relapse-free survival (RFS) was 3.0 months (range 0.5-21.4 months) and median overall survival (OS) was 8.7 months",
);
pub(crate) const GREEK_BY_MRD_S3: Citation = cite(
    SourceKey::S3,
    "was associated with a median RFS/OS of 7.4/7.6 months, while lack of MRD response was associated with a median RFS/OS of 0.5/3.0 months",
);
pub(crate) const GREEK_MRD_DEF_S3: Citation = cite(
    SourceKey::S3,
    "MRD response was defined as the ≥ 2 -log reduction of MRD value before and after the Blinatumomab administration.",
);
pub(crate) const ITALIAN_WHO_S4: Citation = cite(
    SourceKey::S4,
    "data on 34 adult patients with R/R B-ALL who underwent prior debulking therapy and then received blinatumomab outside of clinical trials from 7 hematology centers in Italy were collected and analyzed.",
);
pub(crate) const ITALIAN_DEBULKING_S4: Citation = cite(
    SourceKey::S4,
    "regimens included chemotherapy (n=23), steroids (n=7) and tyrosine kinase inhibitors alone or in combination (n=4)",
);
pub(crate) const ITALIAN_DOSE_S4: Citation = cite(
    SourceKey::S4,
    "Patients received 9 mcg/day for the first 7 days of the first cycle and 28 mcg/day afterwards.",
);
pub(crate) const ITALIAN_CR_S4: Citation = cite(
    SourceKey::S4,
    "Twenty-three of the 34 patients (67.6%) achieved a CR within 2 cycles of blinatumomab",
);
pub(crate) const ITALIAN_MRD_S4: Citation = cite(
    SourceKey::S4,
    "Among the 21 patients available for MRD assessment, the rate of complete MRD response was 81% (17/21).",
);
pub(crate) const ITALIAN_MRD_BY_BURDEN_S4: Citation = cite(
    SourceKey::S4,
    "The rates of complete MRD response in CR responders was similar among the two groups (73% and 89% of evaluable patients with pre-debulking BMB <50% and ≥50%, respectively)",
);
pub(crate) const ITALIAN_BY_REGIMEN_S4: Citation = cite(
    SourceKey::S4,
    "the highest rates of CR after blinatumomab were observed in patients receiving polychemotherapy (5/5; 100%) and low-intensity chemotherapy with or without steroids (11/18; 61%), and a lower percentage of responses was observed in those receiving steroids alone (3/7; 42.9%)",
);
pub(crate) const ITALIAN_YOUNGER_S4: Citation = cite(
    SourceKey::S4,
    "Among patients <50 years, 13 of 19 patients (68.4%) reached a CR within 2 cycles of blinatumomab",
);
pub(crate) const ITALIAN_HSCT_S4: Citation = cite(
    SourceKey::S4,
    "Overall, 7 of 23 patients in CR after blinatumomab underwent hematopoietic stem cell transplantation.",
);
pub(crate) const BADAR_WHO_S2: Citation = cite(
    SourceKey::S2,
    "Badar and colleagues conducted a retrospective, multicenter trial analyzing outcomes for patients with R/R or MRD+ disease who were treated with blinatumomab between 12/2014 and 5/2019.",
);
pub(crate) const BADAR_RR_S2: Citation = cite(
    SourceKey::S2,
    "Rate of CR/CRi for patients with R/R disease was 61% with 44% having CR with MRD negativity. Median OS for patients with R/R disease was 12.7 months.",
);
pub(crate) const BADAR_MRD_S2: Citation = cite(
    SourceKey::S2,
    "For patients in remission but with MRD prior to treatment, 75% achieved MRD negativity and median OS was 34.7 months for this group of patients.",
);

const RR: &[TrialSetting] = &[TrialSetting::RelapsedRefractory];
const MRD: &[TrialSetting] = &[TrialSetting::Mrd];

/// Every trial and cohort the aid draws numbers from, grouped by therapy: blinatumomab, then
/// inotuzumab, then the CAR-T products.
pub const EVIDENCE_TABLE: &[TrialEvidence] = &[
    TrialEvidence {
        id: "mt103-211",
        trial: "MT103-211",
        therapy: Therapy::Blinatumomab,
        setting: RR,
        ages: Ages::Adults,
        population: "189 adults with Ph-negative R/R disease: refractory, early first relapse (first CR under 12 months), or second or later relapse",
        n: Some(189),
        regimen: "Blinatumomab 9 µg/day in the first week, then 28 µg/day; 6-week cycles, 4 weeks on and 2 off (single arm)",
        result: "CR/CRh 43% (81 of 189; CR 33%, CRh 10%) after two cycles; median RFS 5.9 months, OS 6.1 months; 40% of responders went on to allo-HSCT; CR/CRh 45% (29/64) after prior allo-HSCT and 44% (11/25) in elderly patients",
        sources: &[MT103_N_S2, notes::Q_TRIAL_POP_S1, MT103_DOSE_S2, MT103_CR_S1, MT103_RESULT_S2, MT103_HSCT_S2, preferences::Q_POST_HSCT_S1],
    },
    TrialEvidence {
        id: "tower",
        trial: "TOWER (phase III)",
        therapy: Therapy::Blinatumomab,
        setting: RR,
        ages: Ages::Adults,
        population: "405 adults with Ph-negative R/R disease (untreated first relapse after a first CR under 12 months, second or later relapse, or relapse after allo-HSCT), randomised 2:1",
        n: Some(405),
        regimen: "Blinatumomab (271 patients) vs one of four salvage chemotherapy regimens (124 patients); up to 2 induction cycles, 3 of consolidation and 12 months of maintenance; pre-phase mandatory with blasts above 50% or peripheral blasts of 15,000/µL or more",
        result: "CR 34% vs 16%; overall response 44% vs 25%; MRD negativity in responders 76% vs 48%; median OS 7.7 vs 4 months",
        sources: &[TOWER_N_S2, notes::Q_TOWER_POP_S1, TOWER_ARMS_S2, crate::dosing::Q_TOWER_COURSE_S2, prephase::Q_D1_S2, TOWER_RESULT_S2, TOWER_RESULT_S4],
    },
    TrialEvidence {
        id: "alcantara",
        trial: "ALCANTARA",
        therapy: Therapy::Blinatumomab,
        setting: RR,
        ages: Ages::Adults,
        population: "45 adults with Ph-positive R/R disease after failure of, or intolerance to, a second-generation or later TKI",
        n: Some(45),
        regimen: "Blinatumomab alone in 28-day cycles by continuous infusion (single arm)",
        result: "CR/CRh 36% (16 of 45; 95% CI 22% to 51%) in the first two cycles, including four of 10 with T315I; complete MRD response in 88% of responders; median RFS 6.7 months, OS 7.1 months",
        sources: &[notes::Q_ALCANTARA_POP_S0, ALCANTARA_DOSE_S0, ALCANTARA_RESULT_S0, ALCANTARA_SURVIVAL_S0],
    },
    TrialEvidence {
        id: "gmall",
        trial: "GMALL phase II",
        therapy: Therapy::Blinatumomab,
        setting: RR,
        ages: Ages::Adults,
        population: "36 adults with R/R disease",
        n: Some(36),
        regimen: "Blinatumomab, dose-finding; 5 µg/m²/day in week 1, then 15 µg/m²/day, was taken forward",
        result: "CR/CRh 69% (25/36); MRD negativity in 88% of responders (22/25); median OS 9.8 months",
        sources: &[GMALL_CR_S1, GMALL_DOSE_S1, GMALL_MRD_S1, GMALL_OS_S1],
    },
    TrialEvidence {
        id: "paediatric-phase-2",
        trial: "Paediatric phase II",
        therapy: Therapy::Blinatumomab,
        setting: RR,
        ages: Ages::Children,
        population: "39 children with R/R disease, 64% after allo-HSCT",
        n: Some(39),
        regimen: "Blinatumomab 5 µg/m²/day for 7 days, then 15 µg/m²/day",
        result: "CR 31% (12 patients) in the first two cycles; complete MRD response in five (42%) of them; median RFS 5.6 months, OS 4.3 months",
        sources: &[PED_N_S1, PED_HSCT_S1, crate::dosing::Q_PED_S1, PED_CR_S1, PED_MRD_S1, PED_SURVIVAL_S1],
    },
    TrialEvidence {
        id: "greek",
        trial: "Greek paediatric cohort",
        therapy: Therapy::Blinatumomab,
        setting: RR,
        ages: Ages::Children,
        population: "9 children with R/R disease, treated off-label on compassionate grounds",
        n: Some(9),
        regimen: "Blinatumomab 5 µg/m²/day, escalated to 15 µg/m²/day for 28 days",
        result: "CR after the 1st cycle in 6/9 (66.7%); bridge to HSCT in 5/9; median RFS 3.0 months, OS 8.7 months; median RFS/OS 7.4/7.6 months with an MRD response (a fall of at least 2 logs) vs 0.5/3.0 months without; 2/3 relapses after blinatumomab were CD19-negative",
        sources: &[GREEK_N_S3, GREEK_SETTING_S3, crate::dosing::Q_PED_S3, GREEK_CR_S3, GREEK_HSCT_S3, GREEK_SURVIVAL_S3, GREEK_BY_MRD_S3, GREEK_MRD_DEF_S3, notes::Q_PRIOR_CD19_S3],
    },
    TrialEvidence {
        id: "italian",
        trial: "Italian debulking cohort",
        therapy: Therapy::Blinatumomab,
        setting: RR,
        ages: Ages::Adults,
        population: "34 adults with R/R disease, every one given a debulking pre-phase, treated outside trials at 7 Italian centres",
        n: Some(34),
        regimen: "Debulking chosen by the clinician (chemotherapy 23, steroids 7, TKI alone or combined 4), then blinatumomab 9 µg/day for the first 7 days, then 28 µg/day",
        result: "CR 67.6% (23 of 34) within 2 cycles; complete MRD response in 81% (17/21 assessed); CR by marrow blasts before debulking: 12/13 below 50% vs 10/20 at 50% or more (complete MRD response among CR 73% vs 89%); by pre-phase: polychemotherapy 5/5, low-intensity chemotherapy 11/18, steroids alone 3/7; by prior lines: 17 out of 20 with 2 or fewer vs 6 out of 14 with more than 2; by age: 13 of 19 under 50 vs 10/15 at 50 or over; 7 of 23 in CR went on to HSCT",
        sources: &[ITALIAN_WHO_S4, ITALIAN_DEBULKING_S4, ITALIAN_DOSE_S4, ITALIAN_CR_S4, ITALIAN_MRD_S4, preferences::Q_BURDEN_S4, ITALIAN_MRD_BY_BURDEN_S4, ITALIAN_BY_REGIMEN_S4, notes::Q_LINES_S4, ITALIAN_YOUNGER_S4, notes::Q_AGE_S4, ITALIAN_HSCT_S4],
    },
    TrialEvidence {
        id: "badar",
        trial: "Badar real-world",
        therapy: Therapy::Blinatumomab,
        setting: &[TrialSetting::RelapsedRefractory, TrialSetting::Mrd],
        ages: Ages::NotStated,
        population: "Patients with R/R or MRD-positive disease treated outside trials, December 2014 to May 2019 (retrospective, several centres)",
        n: None,
        regimen: "Blinatumomab in routine practice",
        result: "R/R: CR/CRi 61% (44% CR with MRD negativity), median OS 12.7 months; MRD-positive: 75% MRD-negative, median OS 34.7 months",
        sources: &[BADAR_WHO_S2, BADAR_RR_S2, BADAR_MRD_S2],
    },
    TrialEvidence {
        id: "blast",
        trial: "BLAST",
        therapy: Therapy::Blinatumomab,
        setting: MRD,
        ages: Ages::Adults,
        population: "116 adults in first or later haematological CR with MRD of 10⁻³ or more after at least 3 cycles of intensive chemotherapy",
        n: Some(116),
        regimen: "Blinatumomab 15 µg/day as the source gives it, 4 weeks on and 2 off, up to 4 cycles",
        result: "MRD negativity after one cycle in 78% (of 113 evaluable); median RFS 18.9 months, OS 36.5 months (110 with Ph-negative disease); MRD responders vs non-responders: median RFS 23.6 vs 5.7 months, OS 38.9 vs 12.5 months",
        sources: &[BLAST_N_S2, BLAST_ADULTS_S2, BLAST_WHO_S2, BLAST_DOSE_S2, BLAST_CYCLES_S2, BLAST_MRD_S2, BLAST_SURVIVAL_N_S2, BLAST_SURVIVAL_S2, BLAST_BY_RESPONSE_S2],
    },
    TrialEvidence {
        id: "topp-mrd",
        trial: "Topp MRD phase II",
        therapy: Therapy::Blinatumomab,
        setting: MRD,
        ages: Ages::NotStated,
        population: "21 patients in first CR after induction and at least one consolidation, with MRD of 10⁻⁴ or more",
        n: Some(21),
        regimen: "Blinatumomab 15 µg/day as the source gives it, 4 weeks on and 2 off",
        result: "MRD negativity in 16 (80%) of 20 evaluable, all after one cycle; half still in remission at a median follow-up of 50.8 months",
        sources: &[notes::Q_MRD_TRIAL_S2, TOPP_WHO_S2, crate::dosing::Q_MRD_SEED_S2, TOPP_MRD_S2, TOPP_FINAL_S2],
    },
    TrialEvidence {
        id: "richard-carpentier",
        trial: "Richard-Carpentier phase II",
        therapy: Therapy::Blinatumomab,
        setting: MRD,
        ages: Ages::NotStated,
        population: "25 patients with Ph-negative or Ph-positive disease and persistent or recurrent MRD of 10⁻⁴ or more, enrolled December 2015 to June 2019",
        n: Some(25),
        regimen: "Blinatumomab, up to 5 cycles, allo-HSCT allowed after cycle 1; Ph-positive patients also took a TKI of the physician's choice",
        result: "MRD negativity in 75% with Ph-positive and 80% with Ph-negative disease",
        sources: &[notes::Q_MRD_RC_S2, RC_RESULT_S2, RC_DOSE_S2],
    },
    TrialEvidence {
        id: "ino-vate",
        trial: "INO-VATE (inotuzumab)",
        therapy: Therapy::Inotuzumab,
        setting: RR,
        ages: Ages::Adults,
        population: "Adults with R/R disease, randomised (phase III)",
        n: None,
        regimen: "Inotuzumab ozogamicin vs standard chemotherapy (FLAG, cytarabine plus mitoxantrone, or high-dose cytarabine)",
        result: "CR/CRi 80.7% vs 29.4%; median OS 7.7 vs 6.7 months; 2-year OS 22.8% vs 10%; VOD 11% in the paper; by the label's data, VOD in 23 of 164 adults (14%) and in 23% of those who went on to HSCT",
        sources: &[INOVATE_ARMS_S2, INOVATE_CR_S2, INOVATE_OS_S2, INOVATE_OS2Y_S2, INOVATE_VOD_S2, preferences::L_VOD_RISK],
    },
    TrialEvidence {
        id: "ino-paediatric",
        trial: "Inotuzumab in children (US approval)",
        therapy: Therapy::Inotuzumab,
        setting: RR,
        ages: Ages::Children,
        population: "53 children from 1 year with R/R CD22-positive disease",
        n: Some(53),
        regimen: "Inotuzumab ozogamicin",
        result: "CR 42% (22 of 53)",
        sources: &[INO_PED_US],
    },
    TrialEvidence {
        id: "eliana",
        trial: "ELIANA (tisagenlecleucel)",
        therapy: Therapy::Tisagenlecleucel,
        setting: RR,
        ages: Ages::Children,
        population: "75 children and young adults aged 3–21 with R/R disease",
        n: Some(75),
        regimen: "Tisagenlecleucel (anti-CD19 CAR-T)",
        result: "81% MRD-negative within 3 months of infusion; at 12 months EFS 50%, OS 76%; CRS in 77% (48% needed tocilizumab); neurologic events in 40%",
        sources: &[car_t::Q_ELIANA_AGES_S2, ELIANA_DRUG_S2, car_t::Q_ELIANA_S2, car_t::Q_ELIANA_TOX_S2],
    },
    TrialEvidence {
        id: "zuma-3",
        trial: "ZUMA-3 (brexucabtagene)",
        therapy: Therapy::Brexucabtagene,
        setting: RR,
        ages: Ages::Adults,
        population: "54 adults (18 years and over) with R/R B-precursor ALL, the basis of the US approval",
        n: Some(54),
        regimen: "Brexucabtagene autoleucel (CAR-T)",
        result: "CR 52% (28 of 54)",
        sources: &[L_BREXU_US],
    },
    TrialEvidence {
        id: "felix",
        trial: "FELIX (obecabtagene)",
        therapy: Therapy::Obecabtagene,
        setting: RR,
        ages: Ages::Adults,
        population: "Adults with R/R B-precursor ALL, analysed by marrow blasts of 20% or less vs more than 20%",
        n: None,
        regimen: "Obecabtagene autoleucel, 410 × 10⁶ CAR-positive T cells split on day 1 and day 10, the regimen chosen by marrow blasts",
        result: "Marrow blasts ≤ 20% vs > 20%: CR/CRi 85% vs 73%; grade ≥ 3 CRS 2% vs 3%; grade ≥ 3 ICANS 4% vs 9%",
        sources: &[L_OBE_US, car_t::L_OBE_DOSE, car_t::L_FELIX],
    },
];

/// What the app needs of a row to link to it: its ID, name and size. A const copy of
/// [`EVIDENCE_TABLE`] without the rows' texts and quotes, so the app carries only this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TrialLink {
    /// The row's [`TrialEvidence::id`].
    pub id: &'static str,
    /// The row's [`TrialEvidence::trial`].
    pub trial: &'static str,
    /// The row's [`TrialEvidence::n`].
    pub n: Option<u32>,
}

const fn links<const N: usize>(rows: &[TrialEvidence]) -> [TrialLink; N] {
    let mut out = [TrialLink {
        id: "",
        trial: "",
        n: None,
    }; N];
    let mut i = 0;
    while i < N && i < rows.len() {
        out[i] = TrialLink {
            id: rows[i].id,
            trial: rows[i].trial,
            n: rows[i].n,
        };
        i += 1;
    }
    out
}

/// Every row of [`EVIDENCE_TABLE`] as a [`TrialLink`], in the same order.
pub const TRIAL_LINKS: [TrialLink; EVIDENCE_TABLE.len()] = links(EVIDENCE_TABLE);

/// The row with this ID.
pub fn row(id: &str) -> Option<&'static TrialEvidence> {
    EVIDENCE_TABLE.iter().find(|r| r.id == id)
}

/// The link data of the row with this ID.
pub fn link(id: &str) -> Option<&'static TrialLink> {
    TRIAL_LINKS.iter().find(|r| r.id == id)
}

const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let mut j = 0;
        while j < needle.len() && hay[i + j] == needle[j] {
            j += 1;
        }
        if j == needle.len() {
            return true;
        }
        i += 1;
    }
    false
}

const fn same_source(a: SourceKey, b: SourceKey) -> bool {
    use SourceKey::*;
    match (a, b) {
        // Document keys are unique (tested in `documents`).
        (Doc(x), Doc(y)) => bytes_eq(x.key.as_bytes(), y.key.as_bytes()),
        (S0, S0) | (S1, S1) | (S2, S2) | (S3, S3) | (S4, S4) => true,
        _ => false,
    }
}

/// Whether `citation` quotes the numbers of `source`: the same source, one quote containing
/// the other, and the shared words carry a number. A rule that quotes a trial's figures (or
/// the sentence around them) cites that trial; one that quotes a source's prose does not.
pub const fn quotes_numbers_of(citation: &Citation, source: &Citation) -> bool {
    if !same_source(citation.source, source.source) {
        return false;
    }
    let (a, b) = (citation.quote.as_bytes(), source.quote.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut digit = false;
    let mut i = 0;
    while i < short.len() {
        digit |= short[i].is_ascii_digit();
        i += 1;
    }
    digit && contains(long, short)
}

/// Whether `citation` quotes the numbers of one of `sources` (see [`quotes_numbers_of`]).
pub const fn cites_numbers_of(citation: &Citation, sources: &[Citation]) -> bool {
    let mut i = 0;
    while i < sources.len() {
        if quotes_numbers_of(citation, &sources[i]) {
            return true;
        }
        i += 1;
    }
    false
}

/// The rows whose numbers `citation` quotes, in table order.
pub fn rows_cited_by(citation: &Citation) -> impl Iterator<Item = &'static TrialEvidence> + '_ {
    EVIDENCE_TABLE
        .iter()
        .filter(move |r| cites_numbers_of(citation, r.sources))
}

/// The rows any of `citations` quotes the numbers of, each once, in table order.
pub fn rows_cited_by_any(citations: &[Citation]) -> Vec<&'static TrialEvidence> {
    EVIDENCE_TABLE
        .iter()
        .filter(|r| citations.iter().any(|c| cites_numbers_of(c, r.sources)))
        .collect()
}

/// The most sources a rule declares.
const MAX_RULE_SOURCES: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < RULES.len() {
        if RULES[i].sources.len() > max {
            max = RULES[i].sources.len();
        }
        i += 1;
    }
    max
};

// A row is one bit of a `u32`.
const _: () = assert!(EVIDENCE_TABLE.len() <= 32);

/// For each rule (in [`RULES`] order) and each of its declared sources, the rows that source
/// quotes the numbers of, one bit per row of [`EVIDENCE_TABLE`]. Worked out while compiling,
/// so the app links a reason to its rows without carrying the rows' quotes.
const RULE_SOURCE_ROWS: [[u32; MAX_RULE_SOURCES]; RULES.len()] = {
    let mut out = [[0u32; MAX_RULE_SOURCES]; RULES.len()];
    let mut r = 0;
    while r < RULES.len() {
        let sources = RULES[r].sources;
        let mut s = 0;
        while s < sources.len() {
            let mut row = 0;
            while row < EVIDENCE_TABLE.len() {
                if cites_numbers_of(&sources[s], EVIDENCE_TABLE[row].sources) {
                    out[r][s] |= 1 << row;
                }
                row += 1;
            }
            s += 1;
        }
        r += 1;
    }
    out
};

/// The rows a reason of `rule` citing `sources` quotes the numbers of, each once, in table
/// order: the "trial data" links of a reason. A reason cites only what its rule declares
/// (property-tested); a citation the rule does not declare links nowhere.
pub fn reason_trials(rule: RuleId, sources: &[Citation]) -> Vec<&'static TrialLink> {
    let Some(r) = RULES.iter().position(|x| x.id == rule) else {
        return Vec::new();
    };
    let (Some(declared), Some(rows)) = (RULES.get(r), RULE_SOURCE_ROWS.get(r)) else {
        return Vec::new();
    };
    let mut mask = 0u32;
    for c in sources {
        if let Some(bits) = declared
            .sources
            .iter()
            .position(|d| d == c)
            .and_then(|j| rows.get(j))
        {
            mask |= bits;
        }
    }
    TRIAL_LINKS
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1u32 << i) != 0)
        .map(|(_, l)| l)
        .collect()
}

/// The numbers a text states, as written: "CR/CRh 43% (CR 33%, 6.1 months)" → ["43", "33",
/// "6.1"]. Digits in words ("CD19", "1st") count too, so a test that finds a text's numbers
/// in its quotes errs towards strictness.
pub fn numbers(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|t| t.trim_matches('.'))
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RULES;

    #[test]
    fn every_number_of_a_row_is_in_its_quotes() {
        for row in EVIDENCE_TABLE {
            let quoted: Vec<String> = row.sources.iter().flat_map(|c| numbers(c.quote)).collect();
            let n = row.n.map(|n| n.to_string()).unwrap_or_default();
            for text in [row.population, row.regimen, row.result, &n] {
                for number in numbers(text) {
                    assert!(
                        quoted.contains(&number),
                        "{}: {number} is not in its quotes",
                        row.trial
                    );
                }
            }
            // The patients counted are the first number of the population, where given.
            if let Some(n) = row.n {
                assert_eq!(
                    numbers(row.population).first(),
                    Some(&n.to_string()),
                    "{}",
                    row.id
                );
            }
        }
    }

    #[test]
    fn rows_are_complete_and_their_ids_stable() {
        for (i, row) in EVIDENCE_TABLE.iter().enumerate() {
            assert!(
                !row.id.is_empty()
                    && row
                        .id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{:?}",
                row.id
            );
            assert!(
                !EVIDENCE_TABLE[..i].iter().any(|o| o.id == row.id),
                "{}",
                row.id
            );
            assert!(
                !row.setting.is_empty() && !row.sources.is_empty(),
                "{}",
                row.id
            );
            for text in [row.trial, row.population, row.regimen, row.result] {
                assert!(!text.trim().is_empty(), "{}", row.id);
            }
            assert_eq!(super::row(row.id).map(|r| r.trial), Some(row.trial));
        }
        assert_eq!(TRIAL_LINKS.len(), EVIDENCE_TABLE.len());
        for (link, row) in TRIAL_LINKS.iter().zip(EVIDENCE_TABLE) {
            assert_eq!((link.id, link.trial, link.n), (row.id, row.trial, row.n));
        }
    }

    #[test]
    fn the_table_covers_the_specifications_trials_and_the_label_facts() {
        for id in [
            "mt103-211",
            "tower",
            "alcantara",
            "gmall",
            "paediatric-phase-2",
            "blast",
            "ino-vate",
            "eliana",
            "greek",
            "italian",
            "badar",
            "zuma-3",
            "felix",
        ] {
            assert!(row(id).is_some(), "{id} is missing");
        }
    }

    /// The rows a rule's declared sources cite.
    fn rows_of_rule(id: crate::rule::RuleId) -> Vec<&'static str> {
        let rule = crate::rules::rule(id).expect("a rule");
        rows_cited_by_any(rule.sources)
            .iter()
            .map(|r| r.id)
            .collect()
    }

    #[test]
    fn a_citation_links_to_the_rows_whose_numbers_it_quotes() {
        use crate::rule::RuleId::*;
        assert_eq!(rows_of_rule(PBurden), ["italian"]);
        assert_eq!(rows_of_rule(PLines), ["italian"]);
        assert_eq!(rows_of_rule(PAge), ["mt103-211", "italian"]);
        assert_eq!(rows_of_rule(PPostHsct), ["mt103-211", "ino-vate"]);
        assert_eq!(rows_of_rule(PMrd), ["blast"]);
        assert_eq!(rows_of_rule(PMrdLow), ["topp-mrd", "richard-carpentier"]);
        assert_eq!(rows_of_rule(PPh), ["alcantara"]);
        assert_eq!(rows_of_rule(PCartNeuro), ["eliana"]);
        assert_eq!(rows_of_rule(PCartAge), ["eliana"]);
        assert_eq!(rows_of_rule(PCartLogistics), ["eliana", "zuma-3", "felix"]);
        assert_eq!(rows_of_rule(PTrialPop), ["mt103-211", "tower"]);
        assert_eq!(rows_of_rule(D1), ["tower"]);
        // Rules that quote prose, not a trial's figures, link nowhere.
        assert!(rows_of_rule(PCns).is_empty());
        assert!(rows_of_rule(PHsct).is_empty());
        assert!(rows_of_rule(ECd22).is_empty());
        // The same words from another source, or words without a number, are no link.
        let burden = crate::rules::preferences::Q_BURDEN_S4;
        assert!(!cites_numbers_of(
            &Citation {
                source: SourceKey::S2,
                ..burden
            },
            row("italian").map_or(&[], |r| r.sources)
        ));
        assert_eq!(rows_cited_by(&cite(SourceKey::S4, "a CR")).count(), 0);
        // A shorter quote inside a row's quote links, and so does a longer one around it.
        assert_eq!(
            rows_cited_by(&cite(SourceKey::S4, "Ninety-two % (12/13)"))
                .map(|r| r.id)
                .collect::<Vec<_>>(),
            ["italian"]
        );
        assert_eq!(
            rows_cited_by(&crate::rules::car_t::Q_ELIANA_S2)
                .map(|r| r.id)
                .collect::<Vec<_>>(),
            ["eliana"]
        );
    }

    #[test]
    fn a_reasons_trials_are_the_rows_its_citations_quote() {
        for rule in RULES {
            for c in rule.sources {
                let reason: Vec<&str> = reason_trials(rule.id, std::slice::from_ref(c))
                    .iter()
                    .map(|l| l.id)
                    .collect();
                let direct: Vec<&str> = rows_cited_by(c).map(|r| r.id).collect();
                assert_eq!(reason, direct, "{} {:?}", rule.id.as_str(), c.quote);
            }
            let all: Vec<&str> = reason_trials(rule.id, rule.sources)
                .iter()
                .map(|l| l.id)
                .collect();
            let direct: Vec<&str> = rows_cited_by_any(rule.sources)
                .iter()
                .map(|r| r.id)
                .collect();
            assert_eq!(all, direct, "{}", rule.id.as_str());
        }
        // A citation the rule does not declare links nowhere.
        let blast = crate::rules::preferences::Q_BLAST_S2;
        assert!(reason_trials(crate::rule::RuleId::PCns, &[blast]).is_empty());
        assert_eq!(
            reason_trials(crate::rule::RuleId::PMrd, &[blast])
                .iter()
                .map(|l| l.id)
                .collect::<Vec<_>>(),
            ["blast"]
        );
    }

    #[test]
    fn every_rule_citing_a_row_is_found() {
        // Each row the rules cite is cited through a quote the row holds.
        let cited: Vec<&str> = RULES
            .iter()
            .flat_map(|r| rows_cited_by_any(r.sources))
            .map(|r| r.id)
            .collect();
        for id in [
            "mt103-211",
            "tower",
            "alcantara",
            "blast",
            "ino-vate",
            "eliana",
            "zuma-3",
            "felix",
            "greek",
            "italian",
        ] {
            assert!(cited.contains(&id), "no rule cites {id}");
        }
    }
}
