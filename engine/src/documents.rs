//! The public documents the label facts rest on.
//!
//! The source papers predate most of today's labels, so every label or approval fact the aid
//! shows cites the public document it was read from, with its publisher, date and address,
//! and a clinician can check it there. Keep this list in step with `sources/README.md`
//! (a test checks that every document is listed there) and with
//! `sources/label-excerpts.md`, which holds the only label words the aid quotes verbatim.

use serde::Serialize;

/// A public document a label fact rests on: a label (prescribing information, SmPC), a
/// regulator's announcement, or a reproduction of a label. Shown as the citation of the fact,
/// so the clinician can find the document and read the fact in its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Document {
    /// Short stable key shown on the citation chip ("US PI Blincyto").
    pub key: &'static str,
    /// The document's title, or a description where it has no title of its own.
    pub title: &'static str,
    /// Who publishes it (and, for a label read elsewhere, where it was read).
    pub publisher: &'static str,
    /// Its date or last update as it was read ("2026-06-01", "Sep 2024"); "" if it gives none.
    pub date: &'static str,
    /// Where to find it, without the scheme. Where only the site is known, the site.
    pub address: &'static str,
    /// A reproduction of the label (a drug reference, a manufacturer's site for
    /// professionals, a news report), not the regulator's own text: shown with "verify
    /// against the current label".
    pub secondary: bool,
}

/// The date the label facts, and these documents, were last checked.
pub const LABELS_CHECKED: &str = "2026-11-24";

// ---- CAR-T (CD19) ----

/// US tisagenlecleucel in B-ALL: who (patients up to 25 years, refractory or second or later
/// relapse), from the manufacturer's pages for US professionals.
pub const DOC_KYMRIAH_US: Document = Document {
    key: "Kymriah HCP (US)",
    title: "KYMRIAH in children and young adults with B-cell ALL: efficacy (for US healthcare professionals)",
    publisher: "Novartis",
    date: "",
    address: "hcp.novartis.com/products/kymriah/acute-lymphoblastic-leukemia-children/efficacy/",
    secondary: true,
};

/// EU (UK) tisagenlecleucel in B-ALL: "up to and including 25 years", refractory, relapse
/// post-transplant, or second or later relapse.
pub const DOC_KYMRIAH_EU: Document = Document {
    key: "UK SmPC Kymriah",
    title: "Kymriah: summary of product characteristics (UK)",
    publisher: "Novartis, via the electronic medicines compendium (emc)",
    date: "Sep 2024",
    address: "medicines.org.uk/emc/product/9456/smpc",
    secondary: true,
};

/// The current US Kymriah label: REMS section removed (6/2025), the shorter monitoring,
/// proximity and driving periods.
pub const DOC_KYMRIAH_US_LABEL: Document = Document {
    key: "US PI Kymriah",
    title: "KYMRIAH (tisagenlecleucel) US prescribing information",
    publisher: "Novartis, via openFDA (US Food and Drug Administration)",
    date: "",
    address: "api.fda.gov/drug/label.json?search=openfda.brand_name:KYMRIAH",
    secondary: false,
};

/// US brexucabtagene autoleucel in ALL: adults 18 and over, approved 1 Oct 2021 (ZUMA-3).
pub const DOC_TECARTUS_US: Document = Document {
    key: "Maestro: Tecartus US approval",
    title: "FDA approves brexucabtagene autoleucel for relapsed or refractory B-cell precursor acute lymphoblastic leukemia",
    publisher: "Maestro Database",
    date: "",
    address: "maestrodatabase.com/blog/fda-approves-brexucabtagene-autoleucel-for-relapsed-or-refractory-b-cell-precursor-acute-lymphoblastic-leukemia",
    secondary: true,
};

/// EU brexucabtagene autoleucel in ALL: adults 26 years and over.
pub const DOC_TECARTUS_EU: Document = Document {
    key: "EPAR Tecartus",
    title: "Tecartus: European public assessment report (EPAR)",
    publisher: "European Medicines Agency",
    date: "",
    address: "ema.europa.eu/en/medicines/human/EPAR/tecartus",
    secondary: false,
};

/// US obecabtagene autoleucel: adults with R/R B-precursor ALL, approved 8 Nov 2024 (FELIX).
pub const DOC_AUCATZYL_US: Document = Document {
    key: "AABB: Aucatzyl US approval",
    title: "FDA Approves New CAR T-Cell Therapy for ALL",
    publisher: "AABB",
    date: "12 Nov 2024",
    address: "aabb.org/news-resources/news/article/2024/11/12/fda-approves-new-car-t-cell-therapy-for-all",
    secondary: true,
};

/// EU obecabtagene autoleucel: adults 26 years and over (conditional approval).
pub const DOC_AUCATZYL_EU: Document = Document {
    key: "EPAR Aucatzyl",
    title: "Aucatzyl: European public assessment report (EPAR)",
    publisher: "European Medicines Agency",
    date: "",
    address: "ema.europa.eu/en/medicines/human/EPAR/aucatzyl",
    secondary: false,
};

/// Obecabtagene dosing: 410 × 10⁶ CAR-positive T cells split on day 1 and day 10, regimen by
/// marrow blasts taken within 7 days before lymphodepletion.
pub const DOC_AUCATZYL_DOSAGE: Document = Document {
    key: "drugs.com Aucatzyl dosage",
    title: "Aucatzyl dosage",
    publisher: "Drugs.com",
    date: "14 Mar 2025",
    address: "drugs.com/dosage/aucatzyl.html",
    secondary: true,
};

/// FELIX by tumour burden (≤ 20% vs > 20% marrow blasts): response, CRS and ICANS rates.
pub const DOC_FELIX_BURDEN: Document = Document {
    key: "Haematologica FELIX",
    title: "Obecabtagene autoleucel in the FELIX study: outcomes by marrow tumour burden",
    publisher: "Haematologica (Ferrata Storti Foundation)",
    date: "",
    address: "haematologica.org/article/view/13081",
    secondary: false,
};

/// The FDA removed the REMS of autologous CD19- and BCMA-directed CAR-T; labels now ask for
/// 2 weeks near the centre and 2 weeks without driving.
pub const DOC_CART_REMS: Document = Document {
    key: "FDA: CAR-T REMS removed",
    title: "FDA Eliminates Risk Evaluation and Mitigation Strategies (REMS) for Autologous Chimeric Antigen Receptor (CAR) T cell Immunotherapies (safety communication)",
    publisher: "US Food and Drug Administration",
    date: "26 Jun 2025",
    address: "fda.gov",
    secondary: false,
};

/// Boxed warning for T-cell malignancies on all CD19- and BCMA-directed CAR-T.
pub const DOC_CART_T_CELL_WARNING: Document = Document {
    key: "FDA: CAR-T T-cell malignancies",
    title: "FDA Requires Boxed Warning for T cell Malignancies Following Treatment with BCMA-Directed or CD19-Directed Autologous CAR T cell Immunotherapies",
    publisher: "US Food and Drug Administration",
    date: "18 Apr 2024",
    address: "fda.gov",
    secondary: false,
};

// ---- Inotuzumab ozogamicin ----

/// US inotuzumab for children 1 year and older (6 Mar 2024; CR 22/53, 42%).
pub const DOC_BESPONSA_PED_US: Document = Document {
    key: "FDA: Besponsa paediatric approval",
    title: "FDA approves inotuzumab ozogamicin for pediatric patients with acute lymphoblastic leukemia",
    publisher: "US Food and Drug Administration",
    date: "6 Mar 2024",
    address: "fda.gov/drugs/resources-information-approved-drugs/fda-approves-inotuzumab-ozogamicin-pediatric-patients-acute-lymphoblastic-leukemia",
    secondary: false,
};

/// The US inotuzumab label's boxed warning: prior VOD or serious liver disease raises the
/// risk of VOD (a caution in the US, not a contraindication).
pub const DOC_BESPONSA_US: Document = Document {
    key: "US PI Besponsa",
    title: "BESPONSA (inotuzumab ozogamicin) US prescribing information: boxed warning",
    publisher: "Pfizer, via the US Food and Drug Administration",
    date: "",
    address: "accessdata.fda.gov/drugsatfda_docs/label/2024/761040s003lbl.pdf",
    secondary: false,
};

/// EU inotuzumab: adults with R/R CD22-positive B-precursor ALL; Ph+ adults after at least
/// one TKI. No EU paediatric approval was found.
pub const DOC_BESPONSA_EU: Document = Document {
    key: "EU SmPC Besponsa",
    title: "Besponsa: annex I, summary of product characteristics (Union register of medicinal products)",
    publisher: "European Commission",
    date: "2022",
    address: "ec.europa.eu/health/documents/community-register",
    secondary: false,
};

/// EU (UK) inotuzumab contraindication: prior confirmed severe or ongoing VOD, or serious
/// ongoing liver disease.
pub const DOC_BESPONSA_EU_SAFETY: Document = Document {
    key: "pfizerpro.co.uk Besponsa safety",
    title: "BESPONSA safety information (for UK healthcare professionals)",
    publisher: "Pfizer",
    date: "",
    address: "pfizerpro.co.uk",
    secondary: true,
};

/// Inotuzumab VOD figures (INO-VATE 23/164, 14%; 18 of those who went on to HSCT, 23%) and
/// risk factors.
pub const DOC_BESPONSA_VOD: Document = Document {
    key: "Pfizer: Besponsa VOD",
    title: "BESPONSA hepatotoxicity, including VOD (Pfizer pages for healthcare professionals)",
    publisher: "Pfizer",
    date: "",
    address: "pfizerpro.com",
    secondary: true,
};

/// Inotuzumab cycles: 2 before HSCT (a third if CR/CRi with MRD negativity is not reached),
/// up to 6 otherwise, stop without CR/CRi within 3.
pub const DOC_BESPONSA_CYCLES: Document = Document {
    key: "pfizerpro.ie Besponsa dosing",
    title: "BESPONSA dosing (for healthcare professionals in Ireland)",
    publisher: "Pfizer",
    date: "",
    address: "pfizerpro.ie",
    secondary: true,
};

/// The same cycle rules, as a second reproduction of the label.
pub const DOC_BESPONSA_CYCLES_CTA: Document = Document {
    key: "Cancer Therapy Advisor: Besponsa",
    title: "Besponsa (inotuzumab ozogamicin): drug information",
    publisher: "Cancer Therapy Advisor",
    date: "",
    address: "cancertherapyadvisor.com",
    secondary: true,
};

/// Inotuzumab doses per m²: cycle 1 0.8 / 0.5 / 0.5 mg/m² (21 days); later cycles by response.
pub const DOC_BESPONSA_DOSAGE: Document = Document {
    key: "Pfizer MI Besponsa dosage",
    title: "BESPONSA dosage and administration",
    publisher: "Pfizer Medical Information",
    date: "",
    address: "pfizermedicalinformation.com/besponsa/dosage-admin",
    secondary: true,
};

/// Cytoreduction to ≤ 10,000/mm³ circulating blasts before cycle 1, and premedication
/// (corticosteroid, antipyretic, antihistamine) before each dose.
pub const DOC_BESPONSA_US_DOSING: Document = Document {
    key: "pfizerpro.com Besponsa dosing",
    title: "BESPONSA dosing (for US healthcare professionals)",
    publisher: "Pfizer",
    date: "",
    address: "pfizerpro.com",
    secondary: true,
};

// ---- Blinatumomab ----

/// US blinatumomab indications (R/R from 1 month, Ph-negative or positive; MRD in first or
/// second CR), as the current US label text.
pub const DOC_BLINCYTO_US: Document = Document {
    key: "US label Blincyto (PrescriberPoint)",
    title: "Blincyto (blinatumomab): US prescribing information text",
    publisher: "PrescriberPoint",
    date: "Dec 2025",
    address: "prescriberpoint.com/therapies/blincyto-38b482a",
    secondary: true,
};

/// The US blinatumomab label from the regulator's data: boxed warning (CRS, neurological
/// toxicities including ICANS) and the grade 3 CRS instructions.
pub const DOC_BLINCYTO_US_LABEL: Document = Document {
    key: "US PI Blincyto",
    title: "BLINCYTO (blinatumomab) US prescribing information",
    publisher: "Amgen, via openFDA (US Food and Drug Administration)",
    date: "2026-06-01",
    address: "api.fda.gov/drug/label.json?search=openfda.brand_name:BLINCYTO",
    secondary: false,
};

/// EU (UK) blinatumomab indications: Ph-negative R/R adults, Ph+ adults after at least 2
/// TKIs, Ph-negative children from 1 year; MRD in adults with Ph-negative disease.
pub const DOC_BLINCYTO_EU: Document = Document {
    key: "UK SmPC Blincyto",
    title: "Blincyto: summary of product characteristics (UK)",
    publisher: "Amgen, via the electronic medicines compendium (emc)",
    date: "Jun 2024",
    address: "medicines.org.uk/emc",
    secondary: true,
};

/// The EU blinatumomab indications as recommended by the EMA (news report).
pub const DOC_BLINCYTO_EU_NEWS: Document = Document {
    key: "ESMO: Blincyto EU indications",
    title: "EMA recommends extension of indications for blinatumomab",
    publisher: "European Society for Medical Oncology (ESMO)",
    date: "",
    address: "esmo.org/oncology-news/ema-recommends-extension-of-indications-for-blinatumomab",
    secondary: true,
};

/// US blinatumomab consolidation for Ph-negative B-ALL regardless of MRD (14 Jun 2024, E1910).
pub const DOC_BLINCYTO_CONSOLIDATION_US: Document = Document {
    key: "FDA: Blincyto consolidation",
    title: "FDA approves blinatumomab as consolidation for CD19-positive Philadelphia chromosome-negative B-cell precursor acute lymphoblastic leukemia",
    publisher: "US Food and Drug Administration",
    date: "14 Jun 2024",
    address: "fda.gov/drugs/resources-information-approved-drugs/fda-approves-blinatumomab-consolidation-cd19-positive-philadelphia-chromosome-negative-b-cell",
    secondary: false,
};

/// EU blinatumomab consolidation for adults with newly diagnosed Ph-negative disease.
pub const DOC_BLINCYTO_CONSOLIDATION_EU: Document = Document {
    key: "ecancer: Blincyto EU consolidation",
    title: "EC approval for blinatumomab in Philadelphia chromosome-negative CD19-positive B-cell precursor acute lymphoblastic leukaemia in the consolidation phase",
    publisher: "ecancer",
    date: "30 Jan 2025",
    address: "ecancer.org/en/news/25956-ec-approval-for-blinatumomab-in-philadelphia-chromosome-negative-cd19-positive-b-cell-precursor-acute-lymphoblastic-leukaemia-in-the-consolidation-phase",
    secondary: false,
};

/// Blinatumomab R/R and MRD doses by weight (≥ 45 kg fixed, < 45 kg per m² with caps) and
/// the cycle plan (induction 1–2, consolidation 3–5, continued therapy 6–9).
pub const DOC_BLINCYTO_DOSAGE: Document = Document {
    key: "drugs.com Blincyto dosage",
    title: "Blinatumomab dosage",
    publisher: "Drugs.com",
    date: "5 May 2025",
    address: "drugs.com/dosage/blinatumomab.html",
    secondary: true,
};

/// The same doses and cycle plan as a published table of the label.
pub const DOC_BLINCYTO_DOSING_TABLE: Document = Document {
    key: "J Hematol Oncol 2019;12:15",
    title: "Table 1, Blinatumomab for B cell precursor acute lymphoblastic leukemia (J Hematol Oncol 2019;12:15)",
    publisher: "Journal of Hematology & Oncology (BioMed Central)",
    date: "2019",
    address: "doi.org/10.1186/s13045-019-0703-z",
    secondary: true,
};

/// Blinatumomab for MRD: hospital stay for the first 3 days of cycle 1 and the first 2 days
/// of cycle 2.
pub const DOC_BLINCYTO_MRD_ADMIN: Document = Document {
    key: "blincytohcp.com MRD administration",
    title: "BLINCYTO administration in MRD-positive B-ALL (for US healthcare professionals)",
    publisher: "Amgen",
    date: "",
    address: "blincytohcp.com",
    secondary: true,
};

/// Blinatumomab premedication by age and setting, in the US label's words.
pub const DOC_BLINCYTO_PREMEDICATION: Document = Document {
    key: "MIMS Blincyto dosage (US text)",
    title: "Blincyto: dosage and administration (US-format label text)",
    publisher: "MIMS (Hong Kong and Thailand editions)",
    date: "",
    address: "mims.com/hongkong/drug/info/blincyto/dosage",
    secondary: true,
};

/// Blinatumomab grade 3 and 4 CRS: interruption, dexamethasone by weight, restart doses.
pub const DOC_BLINCYTO_DOSE_ADJUSTMENTS: Document = Document {
    key: "blincytohcp.com dose adjustments",
    title: "BLINCYTO dose adjustments (for US healthcare professionals)",
    publisher: "Amgen",
    date: "",
    address: "blincytohcp.com/rr/dosing/adjustments",
    secondary: true,
};

/// Blinatumomab pre-phase dexamethasone for ≥ 50% marrow blasts or > 15,000/µL peripheral
/// blasts, not above 24 mg/day (SmPC-derived text).
pub const DOC_BLINCYTO_PREPHASE: Document = Document {
    key: "MIMS Blincyto (SmPC text)",
    title: "Blincyto: dosage and pre-phase treatment (SmPC-derived text)",
    publisher: "MIMS",
    date: "",
    address: "mims.com/hongkong/drug/info/blincyto",
    secondary: true,
};

/// NCCN ALL v1.2024 footnote: in Ph+ disease cytoreduce with a TKI and a corticosteroid to
/// WBC < 10 × 10⁹/L before blinatumomab.
pub const DOC_NCCN_ALL_2024: Document = Document {
    key: "NCCN e-bulletin 4579",
    title: "NCCN Flash Updates: NCCN Guidelines Updated for Acute Lymphoblastic Leukemia (Version 1.2024)",
    publisher: "National Comprehensive Cancer Network (NCCN)",
    date: "",
    address: "nccn.org/home/news/ebulletindetail?EbulletinId=4579",
    secondary: false,
};

// ---- Ph-positive disease and TKIs ----

/// Ponatinib: the US label covers T315I-positive Ph+ ALL.
pub const DOC_ICLUSIG_US: Document = Document {
    key: "US PI Iclusig",
    title: "ICLUSIG (ponatinib) US prescribing information",
    publisher: "Takeda, via DailyMed (US National Library of Medicine)",
    date: "Mar 2024",
    address: "dailymed.nlm.nih.gov",
    secondary: false,
};

/// NICE recommends ponatinib for Ph+ ALL when "the T315I gene mutation is present".
pub const DOC_NICE_TA451: Document = Document {
    key: "NICE TA451",
    title: "Ponatinib for treating chronic myeloid leukaemia and acute lymphoblastic leukaemia (technology appraisal guidance TA451)",
    publisher: "National Institute for Health and Care Excellence (NICE)",
    date: "",
    address: "nice.org.uk/guidance/ta451",
    secondary: false,
};

/// Frontline blinatumomab with ponatinib, MD Anderson phase 2 (3-year EFS 78%, OS 88%):
/// context only, not approved.
pub const DOC_PONATINIB_BLINA_PHASE2: Document = Document {
    key: "J Hematol Oncol 2025: ponatinib + blinatumomab",
    title: "Molecular characterization and predictors of relapse in patients with Ph + ALL after frontline ponatinib and blinatumomab",
    publisher: "Journal of Hematology & Oncology (BioMed Central)",
    date: "May 2025",
    address: "doi.org/10.1186/s13045-025-01709-y",
    secondary: false,
};

/// GIMEMA ALL2820 (ASH 2025): ponatinib with blinatumomab vs imatinib with chemotherapy, EFS
/// 87% vs 71%: context only, not approved.
pub const DOC_GIMEMA_ALL2820: Document = Document {
    key: "ASCO Post: GIMEMA ALL2820",
    title: "Chemotherapy-Free Regimen Improves Outcomes in Newly Diagnosed Patients With Ph-Positive ALL",
    publisher: "The ASCO Post",
    date: "Dec 2025",
    address: "ascopost.com/news/december-2025/chemotherapy-free-regimen-improves-outcomes-in-newly-diagnosed-patients-with-ph-positive-all",
    secondary: true,
};

/// Every document, for the sources page.
pub const DOCUMENTS: &[&Document] = &[
    &DOC_KYMRIAH_US,
    &DOC_KYMRIAH_EU,
    &DOC_KYMRIAH_US_LABEL,
    &DOC_TECARTUS_US,
    &DOC_TECARTUS_EU,
    &DOC_AUCATZYL_US,
    &DOC_AUCATZYL_EU,
    &DOC_AUCATZYL_DOSAGE,
    &DOC_FELIX_BURDEN,
    &DOC_CART_REMS,
    &DOC_CART_T_CELL_WARNING,
    &DOC_BESPONSA_PED_US,
    &DOC_BESPONSA_US,
    &DOC_BESPONSA_EU,
    &DOC_BESPONSA_EU_SAFETY,
    &DOC_BESPONSA_VOD,
    &DOC_BESPONSA_CYCLES,
    &DOC_BESPONSA_CYCLES_CTA,
    &DOC_BESPONSA_DOSAGE,
    &DOC_BESPONSA_US_DOSING,
    &DOC_BLINCYTO_US,
    &DOC_BLINCYTO_US_LABEL,
    &DOC_BLINCYTO_EU,
    &DOC_BLINCYTO_EU_NEWS,
    &DOC_BLINCYTO_CONSOLIDATION_US,
    &DOC_BLINCYTO_CONSOLIDATION_EU,
    &DOC_BLINCYTO_DOSAGE,
    &DOC_BLINCYTO_DOSING_TABLE,
    &DOC_BLINCYTO_MRD_ADMIN,
    &DOC_BLINCYTO_PREMEDICATION,
    &DOC_BLINCYTO_DOSE_ADJUSTMENTS,
    &DOC_BLINCYTO_PREPHASE,
    &DOC_NCCN_ALL_2024,
    &DOC_ICLUSIG_US,
    &DOC_NICE_TA451,
    &DOC_PONATINIB_BLINA_PHASE2,
    &DOC_GIMEMA_ALL2820,
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const README: &str = include_str!("../../sources/README.md");

    #[test]
    fn keys_are_unique() {
        let mut seen = HashSet::new();
        for d in DOCUMENTS {
            assert!(seen.insert(d.key), "duplicate key {:?}", d.key);
        }
    }

    #[test]
    fn every_document_is_listed_once() {
        let mut seen = HashSet::new();
        for d in DOCUMENTS {
            assert!(seen.insert(*d), "{:?} is listed twice", d.key);
        }
        assert_eq!(DOCUMENTS.len(), 37);
    }

    #[test]
    fn nothing_is_left_empty() {
        for d in DOCUMENTS {
            for (what, value) in [
                ("key", d.key),
                ("title", d.title),
                ("publisher", d.publisher),
                ("address", d.address),
            ] {
                assert!(!value.trim().is_empty(), "{}: empty {what}", d.key);
            }
            assert!(
                !d.address.contains("://"),
                "{}: address with a scheme",
                d.key
            );
        }
    }

    #[test]
    fn every_document_is_in_the_sources_readme() {
        for d in DOCUMENTS {
            for (what, value) in [
                ("key", d.key),
                ("title", d.title),
                ("publisher", d.publisher),
                ("address", d.address),
                ("date", d.date),
            ] {
                assert!(
                    README.contains(value),
                    "sources/README.md lacks the {what} of {:?}: {value:?}",
                    d.key
                );
            }
            let line = README
                .lines()
                .find(|l| l.contains(&format!("**{}**", d.key)))
                .unwrap_or_default();
            assert_eq!(
                line.contains("(secondary: verify against the current label)"),
                d.secondary,
                "sources/README.md marks {:?} secondary wrongly",
                d.key
            );
        }
    }

    #[test]
    fn checked_date_is_iso() {
        let parts: Vec<&str> = LABELS_CHECKED.split('-').collect();
        assert_eq!(parts.len(), 3);
        assert!(parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())));
    }
}
