//! The evidence snapshot: the sources every rule, number and dose rests on, with the date
//! the label facts were last checked.
//!
//! Changing a label fact is one reviewed change here. Quotes are verbatim from the source
//! (line breaks of the source text folded to single spaces).

use serde::Serialize;

/// The date the label and approval facts (source [`SourceKey::L`]) were last checked.
pub const SNAPSHOT_DATE: &str = "2026-11-22";

/// The version of the evidence snapshot; bump with every change of a fact or quote.
pub const SNAPSHOT_VERSION: &str = "2026.11.1";

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
    /// Label and approval changes after the source papers.
    L,
}

impl SourceKey {
    /// Every source in citation order.
    pub const ALL: [SourceKey; 6] = [
        SourceKey::S0,
        SourceKey::S1,
        SourceKey::S2,
        SourceKey::S3,
        SourceKey::S4,
        SourceKey::L,
    ];

    /// The key as cited ("S2", "L").
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKey::S0 => "S0",
            SourceKey::S1 => "S1",
            SourceKey::S2 => "S2",
            SourceKey::S3 => "S3",
            SourceKey::S4 => "S4",
            SourceKey::L => "L",
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
            SourceKey::L => "Label and approval updates after the source papers (US prescribing information)",
        }
    }

    /// When the source was last checked for this snapshot.
    pub fn checked(self) -> &'static str {
        SNAPSHOT_DATE
    }
}

/// A reference to a source, with the verbatim quote or number it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Which source.
    pub source: SourceKey,
    /// Verbatim quote from the source, or the number taken from it.
    pub quote: &'static str,
}

/// Shorthand for a [`Citation`] in `const` tables.
pub const fn cite(source: SourceKey, quote: &'static str) -> Citation {
    Citation { source, quote }
}

/// A statement shown to the user with its sources: a regimen note, a schedule line, a trial
/// figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sourced {
    /// A short heading ("Premedication", "Steroids alone").
    pub label: String,
    /// The statement in plain language.
    pub text: String,
    /// Its sources (never empty).
    pub sources: Vec<Citation>,
}
