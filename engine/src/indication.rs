//! What each therapy is approved for: the basis of every status, and the one source an
//! "option" rests on when no rule bears on the therapy for this patient.

use crate::evidence::{cite, Citation, SourceKey::*, Sourced};
use crate::rules::{Q_BREXU_L, Q_MRD_L, Q_OBE_L, Q_TISA_L};
use crate::therapy::Therapy;

const Q_BLINA_RR_S2: Citation = cite(
    S2,
    "In addition to being approved for both Philadelphia chromosome-negative and Philadelphia chromosome-positive R/R B-ALL",
);
const Q_INO_L: Citation = cite(
    L,
    "Adults with R/R CD22-positive B-ALL (US 2017); **children ≥ 1 year** with R/R CD22-positive B-ALL (US, 6 Mar 2024).",
);

/// The approved use of `therapy`, with its sources.
pub fn indication(therapy: Therapy) -> Sourced {
    let (text, sources): (&'static str, &'static [Citation]) = match therapy {
        Therapy::Blinatumomab => (
            "Approved for relapsed or refractory B-ALL, Ph-negative and Ph-positive, and for MRD ≥ 0.1% in first or second CR.",
            &[Q_BLINA_RR_S2, Q_MRD_L],
        ),
        Therapy::Inotuzumab => (
            "Approved for relapsed or refractory CD22-positive B-ALL in adults and in children from 1 year.",
            &[Q_INO_L],
        ),
        Therapy::Tisagenlecleucel => (
            "Approved up to 25 years of age for B-ALL that is refractory or in second or later relapse.",
            &[Q_TISA_L],
        ),
        Therapy::Brexucabtagene => (
            "Approved for adults (18 years and over) with relapsed or refractory B-precursor ALL.",
            &[Q_BREXU_L],
        ),
        Therapy::Obecabtagene => (
            "Approved for adults with relapsed or refractory B-precursor ALL.",
            &[Q_OBE_L],
        ),
    };
    Sourced {
        label: "Approved use",
        text,
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_therapy_has_a_sourced_indication() {
        for t in Therapy::ALL {
            let i = indication(t);
            assert!(!i.sources.is_empty(), "{t:?}");
            assert!(i.text.starts_with("Approved"), "{t:?}");
        }
    }
}
