//! Version 2 of the specification, case by case: each test is one of the situations the
//! clinical review found misleading in the first release, entered as a clinician would (the
//! link's keys), with the corrected behaviour asserted. The region tests state both answers,
//! US and EU, for the same patient.

mod common;

use engine::debulking::DebulkingLevel;
use engine::dosing::{DosingBasis, Plan};
use engine::labels::LabelStatus;
use engine::query::{parse_query, to_query};
use engine::recommendation::{Reason, TherapyAssessment};
use engine::rule::{Effect, Family, RuleId};
use engine::{assess, Assessment, Field, RawScenario, Recommendation, Region, Status, Therapy};

/// A second relapse at 40 with every value known and unremarkable: both markers positive,
/// Ph-negative, low burden, no CNS, liver, renal or transplant history, no prior
/// immunotherapy. Each test changes what it is about.
const KNOWN: &[(&str, &str)] = common::KNOWN;

/// [`KNOWN`] with `changes` applied (an empty value clears the key), written as a link and
/// read back, as a shared link would arrive.
fn link(changes: &[(&str, &str)]) -> RawScenario {
    let mut raw = RawScenario::new();
    for (key, value) in KNOWN.iter().chain(changes) {
        let field = Field::from_key(key).unwrap_or_else(|| panic!("no field {key}"));
        raw.set(field, *value);
    }
    let (read, issues) = parse_query(&to_query(&raw));
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(read, raw);
    read
}

/// The recommendation for `raw`, which must be valid.
fn recommend(raw: &RawScenario) -> Box<Recommendation> {
    match assess(raw) {
        Assessment::Valid(rec) => rec,
        Assessment::Invalid(problems) => panic!("{problems:?}"),
    }
}

/// The recommendation for [`KNOWN`] with `changes`.
fn rec(changes: &[(&str, &str)]) -> Box<Recommendation> {
    recommend(&link(changes))
}

fn card(rec: &Recommendation, therapy: Therapy) -> &TherapyAssessment {
    rec.therapy(therapy).expect("every therapy is assessed")
}

fn status(rec: &Recommendation, therapy: Therapy) -> Status {
    card(rec, therapy).status
}

fn fired(rec: &Recommendation, id: RuleId) -> bool {
    rec.trace.iter().any(|s| s.rule == id && s.fired)
}

/// Whether `reasons` holds one from `rule` with `effect`.
fn has(reasons: &[Reason], rule: RuleId, effect: Effect) -> bool {
    reasons.iter().any(|r| r.rule == rule && r.effect == effect)
}

/// Every reason of an eligibility rule in `rec` names `region`.
fn eligibility_names(rec: &Recommendation, region: Region) {
    for a in &rec.therapies {
        for r in a.reasons.iter().chain(&a.tests_needed).chain(&a.set_aside) {
            if r.rule.family() == Family::Eligibility {
                assert_eq!(r.region, Some(region), "{}: {}", r.rule.as_str(), r.text);
            }
        }
    }
}

use Therapy::*;

// ---- Doses ----

#[test]
fn infant_premedication_is_per_m2_from_the_bsa_never_the_adult_20_mg() {
    // 6 months, 7 kg, 66 cm: BSA √(7 × 66 / 3600) = 0.358 m²; 5 mg/m² → 1.79 mg.
    let rec = rec(&[("age", "0.5"), ("wt", "7"), ("ht", "66")]);
    assert!(rec.warnings.is_empty(), "{:?}", rec.warnings);
    let bsa = (7.0_f64 * 66.0 / 3600.0).sqrt();
    assert!((rec.bsa.as_ref().unwrap().m2 - bsa).abs() < 1e-12);
    let expected = (5.0 * bsa * 100.0).round() / 100.0;
    assert_eq!(expected, 1.79);
    let premed = &rec.schedule.premedication;
    assert_eq!(premed.len(), 1);
    let dex = &premed[0];
    assert_eq!(dex.drug, "Dexamethasone");
    assert_eq!(dex.per_day, Some(expected));
    assert!(!dex.capped);
    assert!(dex.as_written.starts_with("5 mg/m²"), "{}", dex.as_written);
    assert_ne!(dex.as_written, "20 mg");
    // The schedule is per m² too, and the grade 3 CRS note is the < 45 kg one.
    assert!(matches!(rec.schedule.basis, DosingBasis::PerBsa { .. }));
    assert!(rec
        .schedule
        .rows
        .iter()
        .all(|r| r.as_written.contains("/m²")));
    assert_eq!(rec.schedule.rows[0].ug_per_day, Some(1.79));
    let crs = rec
        .schedule
        .notes
        .iter()
        .find(|n| n.label == "Cytokine release syndrome")
        .expect("CRS note");
    assert!(
        crs.text
            .contains("dexamethasone 5 mg/m² (this patient: 1.79 mg)"),
        "{}",
        crs.text
    );
    assert!(
        crs.text.contains("restart at 5 µg/m²/day (1.79 µg/day)"),
        "{}",
        crs.text
    );
    assert!(!crs.text.contains("dexamethasone 8 mg"), "{}", crs.text);
    assert!(!crs.text.contains("restart at 9 µg/day"), "{}", crs.text);

    // The MRD setting: per m² as well, before the first dose of the first cycle.
    let mrd = rec_mrd(&[("age", "0.5"), ("wt", "7"), ("ht", "66")]);
    let dex = &mrd.schedule.premedication[0];
    assert_eq!(dex.per_day, Some(expected));
    assert!(dex.as_written.contains("/m²"));
}

#[test]
fn premedication_follows_age_not_weight() {
    // 17 years and 70 kg: fixed blinatumomab doses (≥ 45 kg) but a child's premedication,
    // 5 mg/m² of a BSA of 1.818 m².
    let teen = rec(&[("age", "17"), ("wt", "70"), ("ht", "170")]);
    assert_eq!(teen.schedule.basis, DosingBasis::Fixed);
    let dex = &teen.schedule.premedication[0];
    assert!(dex.as_written.contains("/m²"));
    assert_eq!(dex.per_day, Some(9.09));
    // Adults: 20 mg dexamethasone for R/R, prednisone 100 mg for MRD.
    let adult = rec(&[]);
    assert_eq!(adult.schedule.premedication[0].as_written, "20 mg");
    assert_eq!(adult.schedule.premedication[0].per_day, Some(20.0));
    let adult_mrd = rec_mrd(&[]);
    assert!(adult_mrd.schedule.premedication[0]
        .drug
        .starts_with("Prednisone"));
    assert_eq!(adult_mrd.schedule.premedication[0].per_day, Some(100.0));
}

#[test]
fn implausible_weight_for_age_is_warned_without_blocking() {
    let (raw, issues) = parse_query("v=2&age=3&wt=66&ht=95&set=r2");
    assert!(issues.is_empty());
    let rec = recommend(&raw);
    assert!(!rec.warnings.is_empty());
    assert!(
        rec.warnings
            .iter()
            .any(|w| w.fields.contains(&Field::Weight)),
        "{:?}",
        rec.warnings
    );
    assert!(rec
        .warnings
        .iter()
        .any(|w| w.message.contains("check the units")));
    // The doses are still computed, for the clinician to check.
    assert!(rec.bsa.is_some());
}

// ---- Refractoriness to a therapy (invariant 7) ----

#[test]
fn no_response_to_blinatumomab_puts_it_in_caution_never_preferred() {
    let plan = [("hsct", "plan")];
    // The control: a planned transplant prefers blinatumomab.
    assert_eq!(status(&rec(&plan), Blinatumomab), Status::Preferred);
    // A response to it before does not change that (CD19 is to be re-checked).
    let responded = rec(&[("hsct", "plan"), ("pblin", "resp")]);
    assert_eq!(status(&responded, Blinatumomab), Status::Preferred);
    assert!(fired(&responded, RuleId::PPriorCd19));
    // Refractory to it: caution, with the reason, whatever favours it.
    let refractory = rec(&[("hsct", "plan"), ("pblin", "noresp")]);
    let blina = card(&refractory, Blinatumomab);
    assert_eq!(blina.status, Status::Caution);
    assert!(has(&blina.reasons, RuleId::PPriorResp, Effect::Caution));
    assert!(has(&blina.reasons, RuleId::PHsct, Effect::Favours));
    assert!(fired(&refractory, RuleId::PPriorCd19));
}

#[test]
fn no_response_to_inotuzumab_puts_it_in_caution() {
    // High burden favours inotuzumab…
    assert_eq!(status(&rec(&[("bm", "80")]), Inotuzumab), Status::Preferred);
    // …unless the disease was refractory to it.
    let refractory = rec(&[("bm", "80"), ("pino", "noresp")]);
    let ino = card(&refractory, Inotuzumab);
    assert_eq!(ino.status, Status::Caution);
    assert!(has(&ino.reasons, RuleId::PPriorResp, Effect::Caution));
    // Blinatumomab is untouched by it.
    assert!(!has(
        &card(&refractory, Blinatumomab).reasons,
        RuleId::PPriorResp,
        Effect::Caution
    ));
}

#[test]
fn no_response_to_car_t_puts_every_product_in_caution() {
    // At 20, every product is within its US label.
    let control = rec(&[("age", "20")]);
    for t in Therapy::CAR_T {
        assert_eq!(status(&control, t), Status::Option, "{t:?}");
    }
    let refractory = rec(&[("age", "20"), ("pcart", "noresp")]);
    for t in Therapy::CAR_T {
        let a = card(&refractory, t);
        assert_eq!(a.status, Status::Caution, "{t:?}");
        assert!(
            has(&a.reasons, RuleId::PPriorResp, Effect::Caution),
            "{t:?}"
        );
    }
    assert_eq!(status(&refractory, Blinatumomab), Status::Option);
}

// ---- Ph-positive disease and the TKI ----

#[test]
fn t315i_names_ponatinib_and_never_a_second_generation_partner() {
    // 55 years, so the older-patient note fires too.
    let rec = rec(&[
        ("age", "55"),
        ("ph", "pos"),
        ("tkis", "1"),
        ("t315i", "yes"),
    ]);
    assert!(fired(&rec, RuleId::PPhElderly));
    let json = serde_json::to_string(&rec).expect("serialises");
    for phrase in [
        "second or third generation",
        "second/third",
        "second- or third-generation",
        "second or third-generation",
    ] {
        assert!(!json.contains(phrase), "{phrase:?} shown with T315I");
    }
    assert!(rec.notes.iter().any(|n| n.rule == RuleId::PPh
        && n.effect == Effect::Note
        && n.text.contains("ponatinib")));
    assert!(rec
        .notes
        .iter()
        .any(|n| n.rule == RuleId::PPhElderly && n.text.contains("ponatinib")));
    assert!(card(&rec, Blinatumomab)
        .reasons
        .iter()
        .any(|r| r.rule == RuleId::PPh && r.text.contains("ponatinib")));
    // The other therapies only say that a TKI is to be planned.
    for t in [Inotuzumab, Obecabtagene] {
        assert!(
            card(&rec, t)
                .reasons
                .iter()
                .any(|r| r.rule == RuleId::PPh
                    && r.text == "Ph-positive: plan TKI therapy alongside.")
        );
    }
}

#[test]
fn unknown_t315i_is_asked_for() {
    let rec = rec(&[("ph", "pos"), ("tkis", "1"), ("t315i", "unk")]);
    assert!(rec.notes.iter().any(|n| n.rule == RuleId::PPh
        && n.effect == Effect::NeedsTest
        && n.text.contains("T315I")));
    assert!(!rec
        .notes
        .iter()
        .any(|n| n.text.contains("ponatinib is the TKI")));
    // Without T315I, nothing is asked.
    let no = self::rec(&[("ph", "pos"), ("tkis", "1"), ("t315i", "no")]);
    assert!(!no.notes.iter().any(|n| n.effect == Effect::NeedsTest));
}

#[test]
fn unknown_ph_names_bcr_abl1_for_every_therapy_and_holds_preferred_back() {
    let known = rec(&[("hsct", "plan")]);
    assert_eq!(status(&known, Blinatumomab), Status::Preferred);
    let unknown = rec(&[("hsct", "plan"), ("ph", "unk")]);
    for a in &unknown.therapies {
        // Asked for on every card; set aside where the therapy is not eligible anyway
        // (tisagenlecleucel at 40).
        let asked = if a.status == Status::NotEligible {
            &a.set_aside
        } else {
            &a.tests_needed
        };
        assert!(
            asked
                .iter()
                .any(|r| r.rule == RuleId::PPhUnk && r.text.contains("BCR-ABL1")),
            "{:?}",
            a.therapy
        );
    }
    assert_eq!(status(&unknown, Blinatumomab), Status::Option);
}

// ---- Tumour burden (invariant 5) ----

#[test]
fn unknown_burden_holds_blinatumomab_back_and_a_known_high_burden_is_a_conflict() {
    let plan = [("hsct", "plan")];
    assert_eq!(status(&rec(&plan), Blinatumomab), Status::Preferred);
    let unknown = rec(&[("hsct", "plan"), ("bm", ""), ("emd", "unk")]);
    let blina = card(&unknown, Blinatumomab);
    assert_ne!(blina.status, Status::Preferred);
    assert!(blina.tests_needed.iter().any(|r| r.rule == RuleId::PBurden
        && r.text.contains("marrow blasts")
        && r.text.contains("extramedullary disease")));
    assert!(card(&unknown, Inotuzumab)
        .tests_needed
        .iter()
        .any(|r| r.rule == RuleId::PBurden));
    // Either unknown alone is asked for.
    for (missing, named) in [
        (("bm", ""), "marrow blasts"),
        (("emd", "unk"), "extramedullary disease"),
    ] {
        let rec = rec(&[("hsct", "plan"), missing]);
        let blina = card(&rec, Blinatumomab);
        assert_eq!(blina.status, Status::Option, "{named}");
        assert!(blina
            .tests_needed
            .iter()
            .any(|r| r.rule == RuleId::PBurden && r.text.contains(named)));
    }
    // The value, once known, could have made a conflict: 80% blasts does.
    let high = rec(&[("hsct", "plan"), ("bm", "80"), ("emd", "unk")]);
    assert_eq!(high.conflicts.len(), 1);
    let sides: Vec<Therapy> = high.conflicts[0].sides.iter().map(|s| s.therapy).collect();
    assert!(sides.contains(&Blinatumomab) && sides.contains(&Inotuzumab));
    assert_eq!(status(&high, Blinatumomab), Status::Option);
    assert_eq!(status(&high, Inotuzumab), Status::Caution);
}

// ---- Pre-phase ----

#[test]
fn pre_phase_is_not_applicable_in_morphologic_cr() {
    for ldh in [
        &[("ldhs", "high")][..],
        &[("ldhs", ""), ("ldh", "900"), ("uln", "250")],
    ] {
        let mut changes = vec![("ph", "pos"), ("tkis", "1"), ("t315i", "no")];
        changes.extend_from_slice(ldh);
        let rec = rec_mrd(&changes);
        assert_eq!(rec.debulking.level, DebulkingLevel::NotApplicable);
        assert!(rec.debulking.reasons.is_empty());
        assert!(rec.debulking.ph_regimen.is_empty());
        assert!(rec.debulking.missing.is_empty());
        for id in [RuleId::D1, RuleId::D2, RuleId::D3, RuleId::DPh] {
            assert!(!fired(&rec, id), "{} fired in CR", id.as_str());
        }
        // The same LDH outside CR recommends pre-phase.
        let mut rr = vec![("ph", "pos"), ("tkis", "1"), ("t315i", "no")];
        rr.extend_from_slice(ldh);
        let rr = self::rec(&rr);
        assert_eq!(rr.debulking.level, DebulkingLevel::Recommended);
        assert!(fired(&rr, RuleId::D2) && fired(&rr, RuleId::DPh));
    }
}

#[test]
fn cytoreduction_before_inotuzumab_above_10000_circulating_blasts() {
    let at = rec(&[("pb", "10000")]);
    assert!(!fired(&at, RuleId::D3));
    let above = rec(&[("pb", "10001")]);
    assert!(has(
        &card(&above, Inotuzumab).reasons,
        RuleId::D3,
        Effect::Note
    ));
    assert!(above
        .debulking
        .before_inotuzumab
        .iter()
        .any(|r| r.rule == RuleId::D3));
    // Not when inotuzumab is excluded.
    let excluded = rec(&[("pb", "10001"), ("cd22", "neg")]);
    assert!(!fired(&excluded, RuleId::D3));
}

// ---- Not-eligible cards ----

#[test]
fn a_not_eligible_blinatumomab_is_shown_for_reference_with_favouring_reasons_set_aside() {
    // MRD 0.5% in CR1 favours blinatumomab (P-MRD), but CD19 is negative.
    let rec = rec_mrd(&[("cd19", "neg")]);
    let blina = card(&rec, Blinatumomab);
    assert_eq!(blina.status, Status::NotEligible);
    assert_eq!(
        blina.reasons.first().map(|r| r.effect),
        Some(Effect::Excludes)
    );
    assert!(!blina.reasons.iter().any(|r| r.effect == Effect::Favours));
    assert!(has(&blina.set_aside, RuleId::PMrd, Effect::Favours));
    assert!(blina.tests_needed.is_empty());
    assert_eq!(rec.schedule.plan, Plan::Reference);
    assert_eq!(rec.debulking.plan, Plan::Reference);
    assert_eq!(blina.label.status, LabelStatus::Off);
    assert!(rec.conflicts.is_empty());
    // Eligible, the same cards are a plan.
    let eligible = rec_mrd(&[]);
    assert_eq!(status(&eligible, Blinatumomab), Status::Preferred);
    assert_eq!(eligible.schedule.plan, Plan::Active);
    assert_eq!(eligible.debulking.plan, Plan::Active);
    // Relapsed disease, CD19-negative: likewise.
    let rr = self::rec(&[("cd19", "neg"), ("bm", "70")]);
    assert_eq!(rr.schedule.plan, Plan::Reference);
    assert_eq!(rr.debulking.plan, Plan::Reference);
    assert_eq!(rr.inotuzumab.plan, Plan::Active);
}

#[test]
fn all_therapies_excluded_lists_each_excluding_reason_once() {
    let cases = [
        // MRD in CR for a 0.02-year-old infant in the EU: blinatumomab's MRD label is for
        // adults, inotuzumab and CAR-T are not labelled for MRD.
        vec![("reg", "eu"), ("age", "0.02"), ("wt", "3.5"), ("ht", "52")],
        // The same in the US: under 1 month.
        vec![("age", "0.02"), ("wt", "3.5"), ("ht", "52")],
    ];
    for changes in cases {
        all_excluded(&rec_mrd(&changes));
    }
    let negative = rec(&[("cd19", "neg"), ("cd22", "neg")]);
    let once = all_excluded(&negative);
    let cd19 = "CD19 negative: a CD19-directed therapy has no target.";
    assert_eq!(once.iter().filter(|r| r.text == cd19).count(), 1);
    // One eligible therapy is enough for there to be no such sentence.
    assert!(self::rec(&[("cd19", "neg")]).all_excluded.is_none());
}

/// Asserts every therapy is not eligible and `all_excluded` lists each excluding reason once.
fn all_excluded(rec: &Recommendation) -> Vec<Reason> {
    assert!(rec
        .therapies
        .iter()
        .all(|a| a.status == Status::NotEligible));
    let once = rec.all_excluded.clone().expect("all excluded");
    assert!(!once.is_empty());
    for (i, r) in once.iter().enumerate() {
        assert_eq!(r.effect, Effect::Excludes);
        assert!(
            !once[..i].iter().any(|o| o.text == r.text),
            "twice: {}",
            r.text
        );
    }
    for a in &rec.therapies {
        for r in a.reasons.iter().filter(|r| r.effect == Effect::Excludes) {
            assert!(once.iter().any(|o| o.text == r.text), "missing: {}", r.text);
        }
    }
    once
}

// ---- Display ----

#[test]
fn a_value_just_under_a_threshold_never_reads_as_the_threshold() {
    let rec = rec(&[("bm", "49.996")]);
    assert_eq!(rec.input(Field::MarrowBlasts), "49.996%");
    assert_ne!(rec.debulking.level, DebulkingLevel::Required);
    assert_eq!(rec.debulking.level, DebulkingLevel::NotNeeded);
    assert!(!fired(&rec, RuleId::D1) && !fired(&rec, RuleId::PBurden));
    let at = self::rec(&[("bm", "50")]);
    assert_eq!(at.input(Field::MarrowBlasts), "50%");
    assert_eq!(at.debulking.level, DebulkingLevel::Required);
    // Ages too: 17.99 is a child's age, shown as such.
    let young = self::rec(&[("age", "17.99")]);
    assert_eq!(young.input(Field::Age), "17.99 years");
    assert_eq!(status(&young, Brexucabtagene), Status::NotEligible);
}

#[test]
fn mrd_below_the_approval_threshold_is_an_off_label_option() {
    let rec = rec_mrd(&[("mrd", "0.05")]);
    let blina = card(&rec, Blinatumomab);
    assert_eq!(blina.status, Status::Option);
    assert_eq!(blina.label.status, LabelStatus::Off);
    assert!(fired(&rec, RuleId::PMrdLow));
    assert!(has(&blina.reasons, RuleId::EBlinLabel, Effect::Note));
}

#[test]
fn the_mrd_label_needs_the_cr_number() {
    // Unknown: asked for, and "preferred" held back.
    let unknown = rec_mrd(&[("crn", "unk")]);
    let blina = card(&unknown, Blinatumomab);
    assert_eq!(blina.status, Status::Option);
    assert_eq!(blina.label.status, LabelStatus::Unknown);
    assert!(blina
        .tests_needed
        .iter()
        .any(|r| r.rule == RuleId::EBlinLabel));
    for crn in ["1", "2"] {
        let rec = rec_mrd(&[("crn", crn)]);
        assert_eq!(status(&rec, Blinatumomab), Status::Preferred, "CR{crn}");
        assert_eq!(card(&rec, Blinatumomab).label.status, LabelStatus::On);
    }
    let third = rec_mrd(&[("crn", "3")]);
    assert_eq!(status(&third, Blinatumomab), Status::NotEligible);
    assert_eq!(card(&third, Blinatumomab).label.status, LabelStatus::Off);
}

// ---- Regions: the same patient under both labels ----

/// [`KNOWN`] in MRD-positive CR1 at MRD 0.5%, with `changes`.
fn rec_mrd(changes: &[(&str, &str)]) -> Box<Recommendation> {
    let mut all = vec![("set", "mrd"), ("mrd", "0.5"), ("crn", "1"), ("bm", "2")];
    all.extend_from_slice(changes);
    rec(&all)
}

/// The recommendations for `changes` in the US and in the EU, each checked for invariant 8.
fn both(changes: &[(&str, &str)], mrd: bool) -> (Box<Recommendation>, Box<Recommendation>) {
    let in_region = |region: &'static str| {
        let mut all = changes.to_vec();
        all.push(("reg", region));
        if mrd {
            rec_mrd(&all)
        } else {
            rec(&all)
        }
    };
    let (us, eu) = (in_region("us"), in_region("eu"));
    assert_eq!(us.scenario.region, Region::Us);
    assert_eq!(eu.scenario.region, Region::Eu);
    eligibility_names(&us, Region::Us);
    eligibility_names(&eu, Region::Eu);
    (us, eu)
}

#[test]
fn region_adult_car_t_at_22() {
    let (us, eu) = both(&[("age", "22")], false);
    for t in [Brexucabtagene, Obecabtagene] {
        assert_eq!(status(&us, t), Status::Option, "US {t:?}");
        assert_eq!(card(&us, t).label.status, LabelStatus::On, "US {t:?}");
        let a = card(&eu, t);
        assert_eq!(a.status, Status::NotEligible, "EU {t:?}");
        assert_eq!(a.label.status, LabelStatus::Off, "EU {t:?}");
        assert!(a.reasons.iter().any(|r| r.rule == RuleId::ECart
            && r.effect == Effect::Excludes
            && r.region == Some(Region::Eu)
            && r.text.contains("from 26 years")));
    }
    // Tisagenlecleucel: within both labels (up to 25), with the older source's 21 noted.
    for rec in [&us, &eu] {
        let tisa = card(rec, Tisagenlecleucel);
        assert_eq!(tisa.status, Status::Option);
        assert_eq!(tisa.label.status, LabelStatus::On);
        assert!(has(&tisa.reasons, RuleId::ECart, Effect::Note));
    }
    // At 26 the EU adult products are within their label.
    let (_, eu26) = both(&[("age", "26")], false);
    assert_eq!(card(&eu26, Brexucabtagene).label.status, LabelStatus::On);
    assert_eq!(status(&eu26, Obecabtagene), Status::Option);
}

#[test]
fn region_blinatumomab_ph_positive_after_one_tki() {
    let ph = [("age", "30"), ("ph", "pos"), ("tkis", "1"), ("t315i", "no")];
    let (us, eu) = both(&ph, false);
    assert_eq!(status(&us, Blinatumomab), Status::Option);
    assert_eq!(card(&us, Blinatumomab).label.status, LabelStatus::On);
    let blina = card(&eu, Blinatumomab);
    assert_eq!(blina.status, Status::NotEligible);
    assert_eq!(blina.label.status, LabelStatus::Off);
    assert!(blina.reasons.iter().any(|r| r.rule == RuleId::EBlinLabel
        && r.effect == Effect::Excludes
        && r.text.contains("at least 2 TKIs")));
    // Inotuzumab's EU label asks for one failed TKI: met.
    for rec in [&us, &eu] {
        assert_eq!(card(rec, Inotuzumab).label.status, LabelStatus::On);
    }
    // Two failed TKIs: within the EU label; unknown: asked for.
    let (_, two) = both(
        &[("age", "30"), ("ph", "pos"), ("tkis", "2"), ("t315i", "no")],
        false,
    );
    assert_eq!(card(&two, Blinatumomab).label.status, LabelStatus::On);
    let (_, unk) = both(
        &[
            ("age", "30"),
            ("ph", "pos"),
            ("tkis", "unk"),
            ("t315i", "no"),
        ],
        false,
    );
    let blina = card(&unk, Blinatumomab);
    assert_eq!(blina.status, Status::Option);
    assert_eq!(blina.label.status, LabelStatus::Unknown);
    assert!(blina
        .tests_needed
        .iter()
        .any(|r| r.rule == RuleId::EBlinLabel));
}

#[test]
fn region_blinatumomab_mrd_in_a_child() {
    let (us, eu) = both(&[("age", "15"), ("wt", "55"), ("ht", "165")], true);
    let blina = card(&us, Blinatumomab);
    assert_eq!(blina.status, Status::Preferred);
    assert_eq!(blina.label.status, LabelStatus::On);
    let blina = card(&eu, Blinatumomab);
    assert_eq!(blina.status, Status::NotEligible);
    assert_eq!(blina.label.status, LabelStatus::Off);
    assert!(blina.reasons.iter().any(|r| r.rule == RuleId::EBlinLabel
        && r.effect == Effect::Excludes
        && r.text.contains("adults")));
    assert!(has(&blina.set_aside, RuleId::PMrd, Effect::Favours));
    assert_eq!(eu.schedule.plan, Plan::Reference);
    // An adult in the EU is within the MRD label.
    let (_, adult) = both(&[], true);
    assert_eq!(status(&adult, Blinatumomab), Status::Preferred);
    assert_eq!(card(&adult, Blinatumomab).label.status, LabelStatus::On);
}

#[test]
fn region_inotuzumab_after_prior_vod() {
    let (us, eu) = both(&[("liver", "vod")], false);
    let ino = card(&us, Inotuzumab);
    assert_eq!(ino.status, Status::Caution);
    assert!(has(&ino.reasons, RuleId::PVod, Effect::Caution));
    assert_eq!(ino.label.status, LabelStatus::On);
    assert!(!fired(&us, RuleId::EInoLiver));
    let ino = card(&eu, Inotuzumab);
    assert_eq!(ino.status, Status::NotEligible);
    assert_eq!(ino.label.status, LabelStatus::Off);
    assert!(ino.reasons.iter().any(|r| r.rule == RuleId::EInoLiver
        && r.effect == Effect::Excludes
        && r.region == Some(Region::Eu)));
    assert!(!fired(&eu, RuleId::PVod));
    // Ongoing liver disease likewise; no liver history: neither.
    let (us, eu) = both(&[("liver", "disease")], false);
    assert_eq!(status(&us, Inotuzumab), Status::Caution);
    assert_eq!(status(&eu, Inotuzumab), Status::NotEligible);
    let (us, eu) = both(&[], false);
    assert_eq!(status(&us, Inotuzumab), Status::Option);
    assert_eq!(status(&eu, Inotuzumab), Status::Option);
    // Unknown: asked for in both, by the rule of each region.
    let (us, eu) = both(&[("liver", "unk")], false);
    assert!(has(
        &card(&us, Inotuzumab).tests_needed,
        RuleId::PVod,
        Effect::NeedsTest
    ));
    assert!(has(
        &card(&eu, Inotuzumab).tests_needed,
        RuleId::EInoLiver,
        Effect::NeedsTest
    ));
    assert_eq!(card(&eu, Inotuzumab).label.status, LabelStatus::Unknown);
}

#[test]
fn region_tisagenlecleucel_after_transplant_relapse() {
    let (us, eu) = both(&[("age", "20"), ("set", "rhsct"), ("phsct", "yes")], false);
    let tisa = card(&us, Tisagenlecleucel);
    assert_eq!(tisa.status, Status::Option);
    assert_eq!(tisa.label.status, LabelStatus::Unknown);
    assert!(tisa.tests_needed.iter().any(|r| r.rule == RuleId::ECart
        && r.region == Some(Region::Us)
        && r.text.contains("second or later relapse")));
    let tisa = card(&eu, Tisagenlecleucel);
    assert_eq!(tisa.status, Status::Option);
    assert_eq!(tisa.label.status, LabelStatus::On);
    assert!(tisa.tests_needed.is_empty());
    assert!(!tisa.reasons.iter().any(|r| r.rule == RuleId::ECart));
}

#[test]
fn an_infants_clearance_is_read_per_1_73_m2_on_the_card_and_in_the_schedule() {
    // 6 months, BSA 0.358 m²: 15 mL/min is 72 mL/min/1.73 m², within blinatumomab's data.
    let infant = [("age", "0.5"), ("wt", "7"), ("ht", "66"), ("crcl", "15")];
    let rec = rec(&infant);
    let blina = card(&rec, Blinatumomab);
    assert_ne!(blina.status, Status::Caution);
    assert!(blina
        .reasons
        .iter()
        .any(|r| r.rule == RuleId::PRenal && r.effect == Effect::Note && r.text.contains("72.")));
    let renal = rec
        .schedule
        .notes
        .iter()
        .find(|n| n.label == "Renal and hepatic")
        .expect("renal note");
    assert!(!renal.text.contains("(this patient)"), "{}", renal.text);
    // Below 30 per 1.73 m²: caution on the card, and the schedule says so for this patient.
    let low = self::rec(&[
        ("age", "0.5"),
        ("wt", "7"),
        ("ht", "66"),
        ("crcl", "20"),
        ("crclu", "m2"),
    ]);
    assert_eq!(status(&low, Blinatumomab), Status::Caution);
    let renal = low
        .schedule
        .notes
        .iter()
        .find(|n| n.label == "Renal and hepatic")
        .expect("renal note");
    assert!(renal.text.contains("(this patient)"), "{}", renal.text);
}

// ---- Findings of the independent clinical review, each fixed ----

/// The problems `changes` give, as (field, kind).
fn problems_of(changes: &[(&str, &str)]) -> Vec<Field> {
    match assess(&link(changes)) {
        Assessment::Invalid(p) => p.into_iter().map(|p| p.field).collect(),
        Assessment::Valid(_) => Vec::new(),
    }
}

#[test]
fn review_first_relapse_in_cr_after_reinduction_is_not_active_relapse() {
    let p = problems_of(&[("set", "r1e"), ("reind", "cr"), ("lines", "1")]);
    assert_eq!(p, vec![Field::Reinduction]);
    // Refractory to re-induction stays a valid first relapse.
    assert!(problems_of(&[("set", "r1e"), ("reind", "ref"), ("lines", "1")]).is_empty());
}

#[test]
fn review_impossible_line_counts_and_dialysis_are_refused() {
    assert_eq!(problems_of(&[("lines", "0")]), vec![Field::PriorLines]);
    assert_eq!(problems_of(&[("lines", "1")]), vec![Field::PriorLines]);
    assert!(problems_of(&[("set", "r1e"), ("lines", "1")]).is_empty());
    assert_eq!(problems_of(&[("dial", "yes")]), vec![Field::Dialysis]);
    assert!(problems_of(&[("dial", "yes"), ("crcl", "10")]).is_empty());
}

#[test]
fn review_no_preference_over_an_excluded_inotuzumab_in_cr() {
    // MRD below the label threshold with a transplant planned: P-HSCT prefers blinatumomab
    // over inotuzumab, which is not an alternative in CR; the use is off-label.
    let r = rec(&[
        ("set", "mrd"),
        ("crn", "1"),
        ("mrd", "0.05"),
        ("bm", "1"),
        ("pb", ""),
        ("emd", ""),
        ("hsct", "plan"),
    ]);
    assert_eq!(status(&r, Therapy::Blinatumomab), Status::Option);
    assert_eq!(
        card(&r, Therapy::Blinatumomab).label.status,
        LabelStatus::Off
    );
}

#[test]
fn review_unknown_values_a_label_needs_leave_it_undecided() {
    // Unknown MRD level.
    let r = rec(&[
        ("set", "mrd"),
        ("crn", "1"),
        ("bm", "1"),
        ("pb", ""),
        ("emd", ""),
    ]);
    assert_eq!(
        card(&r, Therapy::Blinatumomab).label.status,
        LabelStatus::Unknown
    );
    // EU adult, Ph unknown: inotuzumab's Ph-positive condition cannot be judged.
    let r = rec(&[("reg", "eu"), ("ph", "")]);
    assert_eq!(
        card(&r, Therapy::Inotuzumab).label.status,
        LabelStatus::Unknown
    );
}

#[test]
fn review_inotuzumab_under_one_year_is_excluded_in_both_regions() {
    for reg in ["us", "eu"] {
        let r = rec(&[("reg", reg), ("age", "0.5"), ("wt", "7.5"), ("ht", "66")]);
        assert_eq!(
            status(&r, Therapy::Inotuzumab),
            Status::NotEligible,
            "{reg}"
        );
    }
}

#[test]
fn review_a_one_month_old_typed_as_0_08_years_is_within_the_us_label() {
    let r = rec(&[("age", "0.08"), ("wt", "4"), ("ht", "54")]);
    assert_ne!(
        card(&r, Therapy::Blinatumomab).label.status,
        LabelStatus::Off
    );
}

#[test]
fn review_eu_children_get_the_eu_premedication() {
    let r = rec(&[("reg", "eu"), ("age", "10"), ("wt", "25"), ("ht", "130")]);
    let premed = &r.schedule.premedication;
    assert_eq!(premed.len(), 2, "{premed:?}");
    assert!(premed[0].as_written.starts_with("10 mg/m²"), "{premed:?}");
    assert!(premed.iter().all(|d| d.as_written.contains("/m²")));
}

#[test]
fn review_unknown_ldh_or_extramedullary_leaves_pre_phase_open() {
    let r = rec(&[("ldhs", "")]);
    assert_eq!(r.debulking.level, DebulkingLevel::Undetermined);
    assert!(r.debulking.missing.contains(&Field::LdhStatus));
    let r = rec(&[("emd", "")]);
    assert_eq!(r.debulking.level, DebulkingLevel::Undetermined);
    assert_eq!(rec(&[]).debulking.level, DebulkingLevel::NotNeeded);
}

#[test]
fn review_ph_pre_phase_with_t315i_names_ponatinib() {
    let r = rec(&[("ph", "pos"), ("tkis", "2"), ("t315i", "yes"), ("bm", "80")]);
    let dph: Vec<&Reason> = r.debulking.ph_regimen.iter().collect();
    assert!(dph.iter().any(|d| d.text.contains("ponatinib")), "{dph:?}");
}

#[test]
fn review_eu_child_refractory_after_one_line_is_outside_the_label() {
    let r = rec(&[
        ("reg", "eu"),
        ("age", "10"),
        ("wt", "25"),
        ("ht", "130"),
        ("set", "ref"),
        ("lines", "1"),
    ]);
    assert_eq!(status(&r, Therapy::Blinatumomab), Status::NotEligible);
}
