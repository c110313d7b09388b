//! The evidence snapshot: the sources every rule, number and dose rests on, with the date
//! the label facts were last checked.
//!
//! Changing a label fact is one reviewed change here. Quotes are verbatim from the source
//! (line breaks of the source text folded to single spaces).

use serde::Serialize;

use crate::documents::Document;

/// The date the label and approval facts (the [`SourceKey::Doc`] sources) were last checked.
pub const SNAPSHOT_DATE: &str = crate::documents::LABELS_CHECKED;

/// The version of the evidence snapshot; bump with every change of a fact or quote.
pub const SNAPSHOT_VERSION: &str = "2026.11.2";

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

/// One row of the evidence table: a trial or cohort and the numbers the app may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TrialEvidence {
    /// Trial or cohort name.
    pub trial: &'static str,
    /// Who was studied.
    pub population: &'static str,
    /// The result, in the source's numbers.
    pub result: &'static str,
    /// Where the numbers come from (never empty).
    pub sources: &'static [Citation],
}

/// The trial numbers the app may show, each with its source.
pub const EVIDENCE_TABLE: &[TrialEvidence] = &[
    TrialEvidence {
        trial: "MT103-211",
        population: "189 adults, Ph-negative R/R",
        result: "CR/CRh 43% (CR 33%, CRh 10%); median RFS 5.9 months, OS 6.1 months",
        sources: &[cite(
            SourceKey::S2,
            "After two cycles of treatment, 43% of patients achieved a CR/CR with partial hematologic recovery (CRh), with 33% obtaining a CR and 10% a CRh. Median relapse free survival (RFS) was 5.9 months with a median follow-up of 8.9 months and the median OS was 6.1 months",
        )],
    },
    TrialEvidence {
        trial: "TOWER (phase III)",
        population: "405 adults, Ph-negative R/R, 2:1 vs chemotherapy",
        result: "CR 34% vs 16%; OS 7.7 vs 4 months",
        sources: &[cite(
            SourceKey::S2,
            "blinatumomab-treated patients had improved CR rates (34% vs 16%, $P<0.001$) and OS (7.7 months versus 4 months, $P=0.01$)",
        )],
    },
    TrialEvidence {
        trial: "ALCANTARA",
        population: "45 adults, Ph-positive R/R after a second-generation TKI",
        result: "CR/CRh 36% (four of 10 with T315I); 88% MRD response",
        sources: &[cite(
            SourceKey::S0,
            "Of 45 patients, 16 (36%; 95% CI, 22% to 51%) achieved CR/CRh during the first two cycles, including four of 10 patients with the T315I mutation; 88% of CR/CRh responders achieved a complete MRD negativity.",
        )],
    },
    TrialEvidence {
        trial: "GMALL phase II",
        population: "36 adults, R/R",
        result: "CR/CRh 69%",
        sources: &[cite(SourceKey::S1, "CR/CRh was attained in 25/36 patients (69%)")],
    },
    TrialEvidence {
        trial: "Paediatric phase II",
        population: "39 children, R/R",
        result: "CR 31% in the first two cycles",
        sources: &[cite(
            SourceKey::S1,
            "During the first two treatment cycles, 12 patients (31%) achieved CR, mainly during the first cycle.",
        )],
    },
    TrialEvidence {
        trial: "BLAST",
        population: "116 adults, MRD ≥ 10⁻³ in CR",
        result: "78% MRD-negative after one cycle; OS 38.9 vs 12.5 months for MRD responders vs non-responders",
        sources: &[
            cite(
                SourceKey::S2,
                "78% achieved MRD negativity after one cycle of blinatumomab.",
            ),
            cite(
                SourceKey::S2,
                "median OS of 38.9 vs 12.5 months ($P=0.002$) for MRD responders and MRD non-responders",
            ),
        ],
    },
    TrialEvidence {
        trial: "INO-VATE (inotuzumab)",
        population: "Adults, R/R CD22-positive",
        result: "CR/CRi 80.7% vs 29.4%; 2-year OS 22.8% vs 10%; VOD 11%",
        sources: &[cite(
            SourceKey::S2,
            "showed a significantly higher CR/CRi rate with inotuzumab (80.7% vs 29.4%).",
        ), cite(
            SourceKey::S2,
            "the 2-year OS rate of 22.8% versus 10% with SOC",
        ), cite(
            SourceKey::S2,
            "The rate of VOD was as high as 23% in the initial phase II trial but was lower at 11% in the INO-VATE study",
        )],
    },
    TrialEvidence {
        trial: "ELIANA (tisagenlecleucel)",
        population: "75 patients aged 3–21",
        result: "81% MRD-negative within 3 months; 12-month EFS 50%, OS 76%",
        sources: &[cite(
            SourceKey::S2,
            "Of those patients who received tisagenlecleucel infusion, 81% of patients achieved MRD-negativity within 3 months.",
        ), cite(
            SourceKey::S2,
            "At 12 months, the rate of event free survival and OS were 50% and 76%, respectively.",
        )],
    },
    TrialEvidence {
        trial: "Greek paediatric cohort",
        population: "9 children, R/R",
        result: "CR after cycle 1 in 6 of 9; bridge to HSCT 5 of 9",
        sources: &[cite(
            SourceKey::S3,
            "In our cohort of 9 patients, 6/9 (66.7%) responded to Blinatumomab, achieving complete morphological remission (CR) after the 1st cycle",
        ), cite(
            SourceKey::S3,
            "A successful bridge to HSCT was feasible in 5/9 patients (55.6%).",
        )],
    },
    TrialEvidence {
        trial: "Italian debulking cohort",
        population: "34 adults, R/R, after debulking",
        result: "CR 67.6% within 2 cycles",
        sources: &[cite(
            SourceKey::S4,
            "Twenty-three of the 34 patients (67.6%) achieved a CR within 2 cycles of blinatumomab",
        )],
    },
    TrialEvidence {
        trial: "Badar real-world",
        population: "Adults, R/R and MRD-positive",
        result: "R/R CR/CRi 61%, OS 12.7 months",
        sources: &[cite(
            SourceKey::S2,
            "Rate of CR/CRi for patients with R/R disease was 61% with 44% having CR with MRD negativity. Median OS for patients with R/R disease was 12.7 months.",
        )],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers in a text: "CR/CRh 43% (CR 33%)" → ["43", "33"].
    fn numbers(text: &str) -> Vec<String> {
        text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .map(|t| t.trim_matches('.'))
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
            .map(String::from)
            .collect()
    }

    #[test]
    fn every_trial_number_is_in_its_quotes() {
        for row in EVIDENCE_TABLE {
            let quoted: Vec<String> = row.sources.iter().flat_map(|c| numbers(c.quote)).collect();
            for n in numbers(row.result) {
                assert!(
                    quoted.contains(&n),
                    "{}: {n} is not in its quotes",
                    row.trial
                );
            }
        }
    }
}
