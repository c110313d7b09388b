//! Scenario tests: one table-driven helper, each case a patient and what the engine must
//! conclude, covering every rule firing and not firing and every threshold at, just below
//! and just above its value.

use engine::debulking::DebulkingLevel;
use engine::dosing::DosingBasis;
use engine::rule::{Effect, RuleId};
use engine::rules::RULES;
use engine::scenario::*;
use engine::{evaluate, Recommendation, Status, Therapy};

/// A patient with only the required values: 40 years old, second relapse, everything else
/// unknown or not given.
fn base() -> Scenario {
    Scenario::unknown(40.0, Setting::SecondOrLaterRelapse)
}

/// Both markers positive, and every value a caution or preference rule could still ask
/// for known and unremarkable: no CNS disease, liver disease or transplant, normal renal
/// function, Ph-negative, low burden (10% marrow blasts, no extramedullary disease), and a
/// first CR should the setting be MRD. The usual starting point for preference rules,
/// since an unknown there holds "preferred" back.
fn pos() -> Scenario {
    Scenario {
        cd19: Marker::Positive { pct: None },
        cd22: Marker::Positive { pct: None },
        ph: Ph::Negative,
        cr_number: CrNumber::First,
        marrow_blasts_pct: Some(10.0),
        extramedullary: Extramedullary::None,
        ldh: Ldh::Normal,
        cns: Cns::None,
        liver: Liver::None,
        transplant: TransplantPlan::NotCandidate,
        prior_hsct: YesNo::No,
        prior_blinatumomab: PriorExposure::No,
        prior_inotuzumab: PriorExposure::No,
        prior_cart: PriorExposure::No,
        crcl_ml_min: Some(100.0),
        dialysis: YesNo::No,
        ..base()
    }
}

/// MRD-positive in morphologic CR (1% marrow blasts) at MRD `mrd`, from [`pos`].
fn mrd_cr(mrd: Option<f64>) -> Scenario {
    Scenario {
        setting: Setting::MrdPositiveCr,
        mrd_fraction: mrd,
        marrow_blasts_pct: Some(1.0),
        ..pos()
    }
}

/// What a case expects. Unlisted therapies and rules are not checked.
#[derive(Default)]
struct Expect {
    status: &'static [(Therapy, Status)],
    fired: &'static [RuleId],
    not_fired: &'static [RuleId],
    debulking: Option<DebulkingLevel>,
    conflict: Option<bool>,
}

fn fired(rec: &Recommendation, id: RuleId) -> bool {
    rec.trace.iter().any(|s| s.rule == id && s.fired)
}

/// Every way `scenario` falls short of `expect`, each naming the case.
fn mismatches(name: &str, scenario: Scenario, expect: Expect) -> Vec<String> {
    let rec = evaluate(&scenario);
    let mut out = Vec::new();
    for &(therapy, status) in expect.status {
        let got = rec.therapy(therapy).map(|a| a.status);
        if got != Some(status) {
            out.push(format!(
                "{name}: {therapy:?} is {got:?}, expected {status:?}"
            ));
        }
    }
    for &id in expect.fired {
        if !fired(&rec, id) {
            out.push(format!("{name}: {} should fire", id.as_str()));
        }
    }
    for &id in expect.not_fired {
        if fired(&rec, id) {
            out.push(format!("{name}: {} should not fire", id.as_str()));
        }
    }
    if let Some(level) = expect.debulking {
        if rec.debulking.level != level {
            out.push(format!(
                "{name}: debulking {:?}, expected {level:?}",
                rec.debulking.level
            ));
        }
    }
    if let Some(conflict) = expect.conflict {
        if rec.conflicts.is_empty() == conflict {
            out.push(format!("{name}: conflict should be {conflict}"));
        }
    }
    out
}

/// Checks one case.
fn check(name: &str, scenario: Scenario, expect: Expect) {
    let wrong = mismatches(name, scenario, expect);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Checks every case of a table, reporting every case that fails, not just the first.
fn check_all(cases: Vec<(&str, Scenario, Expect)>) {
    let wrong: Vec<String> = cases
        .into_iter()
        .flat_map(|(name, s, e)| mismatches(name, s, e))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

use Status::{Caution, NotEligible, Preferred};
const OPTION: Status = Status::Option;
use Therapy::*;

#[test]
fn eligibility_rules() {
    let cases: Vec<(&str, Scenario, Expect)> = vec![
        (
            "CD19 negative excludes blinatumomab and every CAR-T",
            Scenario {
                cd19: Marker::Negative,
                cd22: Marker::Positive { pct: None },
                ..base()
            },
            Expect {
                status: &[
                    (Blinatumomab, NotEligible),
                    (Tisagenlecleucel, NotEligible),
                    (Brexucabtagene, NotEligible),
                    (Obecabtagene, NotEligible),
                    (Inotuzumab, OPTION),
                ],
                fired: &[RuleId::ECd19],
                ..Default::default()
            },
        ),
        (
            "CD19 positive: E-CD19 silent",
            pos(),
            Expect {
                status: &[(Blinatumomab, OPTION), (Inotuzumab, OPTION)],
                not_fired: &[RuleId::ECd19, RuleId::ECd22],
                ..Default::default()
            },
        ),
        (
            "CD19 at 19.9% is low: caution",
            Scenario {
                cd19: Marker::Low { pct: 19.9 },
                ..pos()
            },
            Expect {
                status: &[(Blinatumomab, Caution), (Brexucabtagene, Caution)],
                fired: &[RuleId::ECd19],
                ..Default::default()
            },
        ),
        (
            "CD19 unknown: at best an option, test named",
            base(),
            Expect {
                status: &[(Blinatumomab, OPTION), (Inotuzumab, OPTION)],
                fired: &[RuleId::ECd19, RuleId::ECd22],
                ..Default::default()
            },
        ),
        (
            "CD22 negative excludes inotuzumab only",
            Scenario {
                cd22: Marker::Negative,
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, NotEligible), (Blinatumomab, OPTION)],
                fired: &[RuleId::ECd22],
                ..Default::default()
            },
        ),
        (
            "inotuzumab below 1 year",
            Scenario {
                age_years: 0.9,
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, NotEligible)],
                fired: &[RuleId::EInoAge],
                ..Default::default()
            },
        ),
        (
            "inotuzumab at 1 year",
            Scenario {
                age_years: 1.0,
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, OPTION)],
                not_fired: &[RuleId::EInoAge],
                ..Default::default()
            },
        ),
        (
            "inotuzumab not for MRD in CR",
            mrd_cr(Some(1e-3)),
            Expect {
                status: &[
                    (Inotuzumab, NotEligible),
                    (Tisagenlecleucel, NotEligible),
                    (Brexucabtagene, NotEligible),
                    (Obecabtagene, NotEligible),
                    (Blinatumomab, Preferred),
                ],
                fired: &[RuleId::EInoMrd, RuleId::ECart, RuleId::PMrd],
                ..Default::default()
            },
        ),
    ];
    check_all(cases);
}

#[test]
fn car_t_labels_at_their_age_limits() {
    let age = |a: f64| Scenario {
        age_years: a,
        ..pos()
    };
    check(
        "tisagenlecleucel at 25",
        age(25.0),
        Expect {
            status: &[(Tisagenlecleucel, OPTION)],
            ..Default::default()
        },
    );
    check(
        "tisagenlecleucel at 25.9",
        age(25.9),
        Expect {
            status: &[(Tisagenlecleucel, OPTION)],
            ..Default::default()
        },
    );
    check(
        "tisagenlecleucel at 26",
        age(26.0),
        Expect {
            status: &[(Tisagenlecleucel, NotEligible)],
            fired: &[RuleId::ECart],
            ..Default::default()
        },
    );
    check(
        "adult products at 17.9",
        age(17.9),
        Expect {
            status: &[
                (Brexucabtagene, NotEligible),
                (Obecabtagene, NotEligible),
                (Tisagenlecleucel, OPTION),
            ],
            ..Default::default()
        },
    );
    check(
        "adult products at 18",
        age(18.0),
        Expect {
            status: &[(Brexucabtagene, OPTION), (Obecabtagene, OPTION)],
            ..Default::default()
        },
    );
    let setting = |s: Setting| Scenario {
        setting: s,
        age_years: 20.0,
        ..pos()
    };
    // In first relapse the label turns on the response to re-induction: refractory to it is
    // refractory disease; not yet re-induced, or in CR after it, is neither; unknown is
    // asked for, never read as either.
    let first = |reinduction: Reinduction| Scenario {
        reinduction,
        ..setting(Setting::FirstRelapseLate)
    };
    check_all(vec![
        (
            "tisagenlecleucel: first relapse not yet re-induced",
            first(Reinduction::NotYet),
            Expect {
                status: &[(Tisagenlecleucel, NotEligible)],
                fired: &[RuleId::ECart],
                ..Default::default()
            },
        ),
        (
            "tisagenlecleucel: first relapse in CR after re-induction",
            first(Reinduction::InCr),
            Expect {
                status: &[(Tisagenlecleucel, NotEligible)],
                ..Default::default()
            },
        ),
        (
            "tisagenlecleucel: first relapse refractory to re-induction",
            first(Reinduction::Refractory),
            Expect {
                status: &[(Tisagenlecleucel, OPTION)],
                not_fired: &[RuleId::ECart],
                ..Default::default()
            },
        ),
        (
            "tisagenlecleucel: response to re-induction unknown",
            first(Reinduction::Unknown),
            Expect {
                status: &[(Tisagenlecleucel, OPTION)],
                fired: &[RuleId::ECart],
                ..Default::default()
            },
        ),
    ]);
    let not_yet = evaluate(&first(Reinduction::NotYet));
    // The card says which answer would change it.
    assert!(not_yet
        .therapy(Tisagenlecleucel)
        .unwrap()
        .reasons
        .iter()
        .any(|r| r.rule == RuleId::ECart
            && r.effect == Effect::Excludes
            && r.text.contains("refractory to re-induction")));
    let unknown = evaluate(&first(Reinduction::Unknown));
    assert!(unknown
        .therapy(Tisagenlecleucel)
        .unwrap()
        .tests_needed
        .iter()
        .any(|r| r.rule == RuleId::ECart && r.text.contains("re-induction")));
    check(
        "tisagenlecleucel for refractory",
        setting(Setting::PrimaryRefractory),
        Expect {
            status: &[(Tisagenlecleucel, OPTION)],
            ..Default::default()
        },
    );
    let post = evaluate(&setting(Setting::RelapseAfterHsct));
    let tisa = post.therapy(Tisagenlecleucel).unwrap();
    assert_eq!(tisa.status, OPTION);
    assert!(tisa
        .tests_needed
        .iter()
        .any(|r| r.text.contains("second or later relapse")));
    // P-CART-LOGISTICS carries the outcome data only where the label leaves the product open.
    let rec = evaluate(&age(30.0));
    assert!(!rec
        .therapy(Tisagenlecleucel)
        .unwrap()
        .reasons
        .iter()
        .any(|r| r.rule == RuleId::PCartLogistics));
    assert!(rec
        .therapy(Brexucabtagene)
        .unwrap()
        .reasons
        .iter()
        .any(|r| r.rule == RuleId::PCartLogistics));
}

#[test]
fn preference_rules_and_conflicts() {
    let cases: Vec<(&str, Scenario, Expect)> = vec![
        (
            "planned HSCT prefers blinatumomab, cautions inotuzumab",
            Scenario {
                transplant: TransplantPlan::Planned,
                ..pos()
            },
            Expect {
                status: &[(Blinatumomab, Preferred), (Inotuzumab, Caution)],
                fired: &[RuleId::PHsct],
                conflict: Some(false),
                ..Default::default()
            },
        ),
        (
            "candidate without a plan: no preference",
            Scenario {
                transplant: TransplantPlan::Candidate,
                ..pos()
            },
            Expect {
                status: &[(Blinatumomab, OPTION), (Inotuzumab, OPTION)],
                not_fired: &[RuleId::PHsct],
                ..Default::default()
            },
        ),
        (
            "planned HSCT with CD22 unknown: inotuzumab caution, no blinatumomab preference",
            Scenario {
                transplant: TransplantPlan::Planned,
                cd22: Marker::Unknown,
                ..pos()
            },
            Expect {
                status: &[(Blinatumomab, OPTION), (Inotuzumab, Caution)],
                ..Default::default()
            },
        ),
        (
            "marrow blasts 50% prefers inotuzumab",
            Scenario {
                marrow_blasts_pct: Some(50.0),
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, Preferred), (Blinatumomab, OPTION)],
                fired: &[RuleId::PBurden, RuleId::D1],
                ..Default::default()
            },
        ),
        (
            "marrow blasts 49.9%: no burden preference",
            Scenario {
                marrow_blasts_pct: Some(49.9),
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, OPTION)],
                not_fired: &[RuleId::PBurden, RuleId::D1],
                ..Default::default()
            },
        ),
        (
            "extramedullary disease prefers inotuzumab",
            Scenario {
                extramedullary: Extramedullary::Present,
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, Preferred)],
                fired: &[RuleId::PBurden],
                ..Default::default()
            },
        ),
        (
            "active CNS: inotuzumab preferred, blinatumomab caution",
            Scenario {
                cns: Cns::Active,
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, Preferred), (Blinatumomab, Caution)],
                fired: &[RuleId::PCns],
                not_fired: &[RuleId::PNeuroHx],
                ..Default::default()
            },
        ),
        (
            "CNS history: blinatumomab caution only",
            Scenario {
                cns: Cns::History,
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, OPTION), (Blinatumomab, Caution)],
                fired: &[RuleId::PNeuroHx],
                not_fired: &[RuleId::PCns],
                ..Default::default()
            },
        ),
        (
            "active CNS with a planned transplant is a conflict",
            Scenario {
                cns: Cns::Active,
                transplant: TransplantPlan::Planned,
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, Caution), (Blinatumomab, Caution)],
                conflict: Some(true),
                ..Default::default()
            },
        ),
        (
            "high burden with a planned transplant is a conflict: neither preferred",
            Scenario {
                marrow_blasts_pct: Some(80.0),
                transplant: TransplantPlan::Planned,
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, Caution), (Blinatumomab, OPTION)],
                conflict: Some(true),
                ..Default::default()
            },
        ),
        (
            "high burden with CD22 negative: no conflict, inotuzumab not eligible",
            Scenario {
                marrow_blasts_pct: Some(80.0),
                cd22: Marker::Negative,
                transplant: TransplantPlan::Planned,
                cd19: Marker::Positive { pct: None },
                ..base()
            },
            Expect {
                status: &[(Inotuzumab, NotEligible), (Blinatumomab, OPTION)],
                conflict: Some(false),
                ..Default::default()
            },
        ),
        (
            "liver disease: inotuzumab caution",
            Scenario {
                liver: Liver::PriorVod,
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, Caution)],
                fired: &[RuleId::PVod],
                ..Default::default()
            },
        ),
        (
            "prior HSCT: inotuzumab caution, blinatumomab data",
            Scenario {
                prior_hsct: YesNo::Yes,
                ..pos()
            },
            Expect {
                status: &[(Inotuzumab, Caution), (Blinatumomab, OPTION)],
                fired: &[RuleId::PPostHsct],
                ..Default::default()
            },
        ),
        (
            "relapse after HSCT counts as prior HSCT",
            Scenario {
                setting: Setting::RelapseAfterHsct,
                ..pos()
            },
            Expect {
                fired: &[RuleId::PPostHsct],
                ..Default::default()
            },
        ),
        (
            "renal: CrCl 29.9 caution",
            Scenario {
                crcl_ml_min: Some(29.9),
                ..pos()
            },
            Expect {
                status: &[(Blinatumomab, Caution)],
                fired: &[RuleId::PRenal],
                ..Default::default()
            },
        ),
        (
            "renal: CrCl 30 is a note only",
            Scenario {
                crcl_ml_min: Some(30.0),
                ..pos()
            },
            Expect {
                status: &[(Blinatumomab, OPTION)],
                fired: &[RuleId::PRenal],
                ..Default::default()
            },
        ),
        (
            "renal: CrCl 90 silent",
            Scenario {
                crcl_ml_min: Some(90.0),
                ..pos()
            },
            Expect {
                not_fired: &[RuleId::PRenal],
                ..Default::default()
            },
        ),
        (
            "dialysis: caution",
            Scenario {
                dialysis: YesNo::Yes,
                ..pos()
            },
            Expect {
                status: &[(Blinatumomab, Caution)],
                fired: &[RuleId::PRenal],
                ..Default::default()
            },
        ),
    ];
    check_all(cases);
}

#[test]
fn mrd_thresholds() {
    let mrd = mrd_cr;
    check(
        "MRD 1e-3 preferred",
        mrd(Some(1e-3)),
        Expect {
            status: &[(Blinatumomab, Preferred)],
            fired: &[RuleId::PMrd],
            not_fired: &[RuleId::PMrdLow],
            ..Default::default()
        },
    );
    check(
        "MRD 9.9e-4 below approval",
        mrd(Some(9.9e-4)),
        Expect {
            status: &[(Blinatumomab, OPTION)],
            fired: &[RuleId::PMrdLow],
            not_fired: &[RuleId::PMrd],
            ..Default::default()
        },
    );
    check(
        "MRD 1e-4 trial level",
        mrd(Some(1e-4)),
        Expect {
            status: &[(Blinatumomab, OPTION)],
            fired: &[RuleId::PMrdLow],
            ..Default::default()
        },
    );
    check(
        "MRD 9e-5 below trials",
        mrd(Some(9e-5)),
        Expect {
            status: &[(Blinatumomab, OPTION)],
            fired: &[RuleId::PMrdLow],
            ..Default::default()
        },
    );
    let low = evaluate(&mrd(Some(1e-4)));
    assert!(low
        .therapy(Blinatumomab)
        .unwrap()
        .reasons
        .iter()
        .any(|r| r.text.contains("trial evidence only")));
    let below = evaluate(&mrd(Some(9e-5)));
    assert!(below
        .therapy(Blinatumomab)
        .unwrap()
        .reasons
        .iter()
        .any(|r| r.text.contains("below 10⁻⁴")));
    // An unknown MRD level never favours: the test is asked for instead.
    let unknown = evaluate(&mrd(None));
    let blina = unknown.therapy(Blinatumomab).unwrap();
    assert_eq!(blina.status, OPTION);
    assert!(blina.tests_needed.iter().any(|r| r.rule == RuleId::PMrd));
    // In CR there is no disease to debulk: pre-phase is not applicable, and missing blasts
    // leave nothing open.
    let in_cr = evaluate(&Scenario {
        marrow_blasts_pct: None,
        ..mrd(Some(1e-3))
    });
    assert_eq!(in_cr.debulking.level, DebulkingLevel::NotApplicable);
    assert!(in_cr.debulking.missing.is_empty());
}

#[test]
fn notes_and_information_rules() {
    let cases: Vec<(&str, Scenario, Expect)> = vec![
        (
            "Ph+ note",
            Scenario {
                ph: Ph::Positive,
                ..pos()
            },
            Expect {
                fired: &[RuleId::PPh],
                not_fired: &[RuleId::PPhElderly],
                ..Default::default()
            },
        ),
        (
            "Ph- silent",
            Scenario {
                ph: Ph::Negative,
                ..pos()
            },
            Expect {
                not_fired: &[RuleId::PPh, RuleId::PPhElderly],
                ..Default::default()
            },
        ),
        (
            "Ph+ at 50: chemo-free direction",
            Scenario {
                ph: Ph::Positive,
                age_years: 50.0,
                ..pos()
            },
            Expect {
                fired: &[RuleId::PPh, RuleId::PPhElderly, RuleId::PAge],
                ..Default::default()
            },
        ),
        (
            "Ph+ at 49.9",
            Scenario {
                ph: Ph::Positive,
                age_years: 49.9,
                ..pos()
            },
            Expect {
                not_fired: &[RuleId::PPhElderly, RuleId::PAge],
                ..Default::default()
            },
        ),
        (
            "3 prior lines",
            Scenario {
                prior_lines: Some(3),
                ..pos()
            },
            Expect {
                fired: &[RuleId::PLines],
                status: &[(Blinatumomab, OPTION)],
                ..Default::default()
            },
        ),
        (
            "2 prior lines",
            Scenario {
                prior_lines: Some(2),
                ..pos()
            },
            Expect {
                not_fired: &[RuleId::PLines],
                ..Default::default()
            },
        ),
        (
            "Treg 12.6%",
            Scenario {
                treg_pct: Some(12.6),
                ..pos()
            },
            Expect {
                fired: &[RuleId::PTregLdh],
                ..Default::default()
            },
        ),
        (
            "Treg 12.5%",
            Scenario {
                treg_pct: Some(12.5),
                ..pos()
            },
            Expect {
                not_fired: &[RuleId::PTregLdh],
                ..Default::default()
            },
        ),
        (
            "LDH high",
            Scenario {
                ldh: Ldh::Elevated { ratio: Some(2.0) },
                ..pos()
            },
            Expect {
                fired: &[RuleId::PTregLdh, RuleId::D2],
                ..Default::default()
            },
        ),
        (
            "KMT2A",
            Scenario {
                kmt2a: YesNo::Yes,
                ..pos()
            },
            Expect {
                fired: &[RuleId::PKmt2a],
                ..Default::default()
            },
        ),
        (
            "KMT2A no",
            Scenario {
                kmt2a: YesNo::No,
                ..pos()
            },
            Expect {
                not_fired: &[RuleId::PKmt2a],
                ..Default::default()
            },
        ),
        (
            "prior blinatumomab",
            Scenario {
                prior_blinatumomab: PriorExposure::NoResponse,
                ..pos()
            },
            Expect {
                fired: &[RuleId::PPriorCd19],
                ..Default::default()
            },
        ),
        (
            "prior CAR-T",
            Scenario {
                prior_cart: PriorExposure::Responded,
                ..pos()
            },
            Expect {
                fired: &[RuleId::PPriorCd19],
                ..Default::default()
            },
        ),
        (
            "no prior CD19 therapy",
            Scenario {
                prior_blinatumomab: PriorExposure::No,
                prior_cart: PriorExposure::No,
                ..pos()
            },
            Expect {
                not_fired: &[RuleId::PPriorCd19],
                ..Default::default()
            },
        ),
        (
            "CAR-T data for R/R CD19+",
            pos(),
            Expect {
                fired: &[RuleId::PCartLogistics],
                ..Default::default()
            },
        ),
        (
            "CAR-T logistics whatever the CD19 result: unknown",
            base(),
            Expect {
                fired: &[RuleId::PCartLogistics],
                ..Default::default()
            },
        ),
        (
            "CAR-T logistics whatever the CD19 result: low",
            Scenario {
                cd19: Marker::Low { pct: 5.0 },
                ..pos()
            },
            Expect {
                fired: &[RuleId::PCartLogistics],
                ..Default::default()
            },
        ),
        (
            "no CAR-T logistics when CD19 negative excludes every product",
            Scenario {
                cd19: Marker::Negative,
                ..pos()
            },
            Expect {
                not_fired: &[RuleId::PCartLogistics],
                ..Default::default()
            },
        ),
        (
            "no CAR-T logistics in the MRD setting (no product is labelled there)",
            mrd_cr(Some(1e-3)),
            Expect {
                not_fired: &[RuleId::PCartLogistics],
                ..Default::default()
            },
        ),
    ];
    check_all(cases);
    let kmt = evaluate(&Scenario {
        kmt2a: YesNo::Yes,
        ..pos()
    });
    assert!(kmt.notes.iter().any(|n| n.rule == RuleId::PKmt2a));
    let ph = evaluate(&Scenario {
        ph: Ph::Positive,
        t315i: YesNo::Yes,
        ..pos()
    });
    assert!(ph
        .notes
        .iter()
        .any(|n| n.rule == RuleId::PPh && n.text.contains("TKI")));
    assert!(ph
        .therapy(Blinatumomab)
        .unwrap()
        .reasons
        .iter()
        .any(|r| r.text.contains("T315I")));
}

#[test]
fn debulking_thresholds() {
    let burden = |bm: Option<f64>, pb: Option<f64>| Scenario {
        marrow_blasts_pct: bm,
        peripheral_blasts_per_ul: pb,
        ..pos()
    };
    let cases = [
        (Some(49.9), Some(0.0), DebulkingLevel::NotNeeded),
        (Some(50.0), Some(0.0), DebulkingLevel::Required),
        (Some(50.1), Some(0.0), DebulkingLevel::Required),
        (Some(10.0), Some(14_999.0), DebulkingLevel::NotNeeded),
        (Some(10.0), Some(15_000.0), DebulkingLevel::Required),
        (Some(10.0), Some(15_001.0), DebulkingLevel::Required),
        (None, Some(15_000.0), DebulkingLevel::Required),
        (Some(10.0), None, DebulkingLevel::Undetermined),
        (None, None, DebulkingLevel::Undetermined),
    ];
    for (bm, pb, level) in cases {
        let rec = evaluate(&burden(bm, pb));
        assert_eq!(rec.debulking.level, level, "bm {bm:?} pb {pb:?}");
        assert_eq!(
            rec.debulking.level == DebulkingLevel::Required,
            rec.debulking.reasons.iter().any(|r| r.rule == RuleId::D1)
        );
    }
    let d2 = |s: Scenario| {
        evaluate(&Scenario {
            marrow_blasts_pct: Some(10.0),
            peripheral_blasts_per_ul: Some(100.0),
            ..s
        })
        .debulking
        .level
    };
    assert_eq!(
        d2(Scenario {
            ldh: Ldh::Elevated { ratio: None },
            ..pos()
        }),
        DebulkingLevel::Recommended
    );
    assert_eq!(
        d2(Scenario {
            extramedullary: Extramedullary::HighLoad,
            ..pos()
        }),
        DebulkingLevel::Recommended
    );
    assert_eq!(
        d2(Scenario {
            extramedullary: Extramedullary::Present,
            ..pos()
        }),
        DebulkingLevel::NotNeeded
    );
    assert_eq!(
        d2(Scenario {
            ldh: Ldh::Normal,
            ..pos()
        }),
        DebulkingLevel::NotNeeded
    );
}

#[test]
fn debulking_doses_from_bsa() {
    // 180 cm, 80 kg: BSA √(14400/3600) = 2.0 m².
    let rec = evaluate(&Scenario {
        weight_kg: Some(80.0),
        height_cm: Some(180.0),
        marrow_blasts_pct: Some(70.0),
        ..pos()
    });
    let bsa = rec.bsa.as_ref().unwrap().m2;
    assert!((bsa - 2.0).abs() < 1e-9);
    let dex = &rec.debulking.regimen[0];
    assert_eq!(dex.per_day, Some(20.0));
    assert!(!dex.capped);
    assert_eq!(rec.debulking.regimen[1].per_day, Some(400.0));
    // 200 cm, 130 kg: BSA 2.69 m²; 26.9 mg dexamethasone is capped at 24.
    let big = evaluate(&Scenario {
        weight_kg: Some(130.0),
        height_cm: Some(200.0),
        ..pos()
    });
    let dex = &big.debulking.regimen[0];
    assert_eq!(dex.per_day, Some(24.0));
    assert!(dex.capped);
    // Without height there is no BSA and no computed dose.
    let none = evaluate(&Scenario {
        weight_kg: Some(80.0),
        ..pos()
    });
    assert!(none.bsa.is_none());
    assert_eq!(none.debulking.regimen[0].per_day, None);
}

#[test]
fn blinatumomab_schedule_by_weight() {
    let sched = |w: f64, h: f64, setting: Setting| {
        evaluate(&Scenario {
            weight_kg: Some(w),
            height_cm: Some(h),
            setting,
            ..pos()
        })
        .schedule
    };
    let adult = sched(45.0, 160.0, Setting::SecondOrLaterRelapse);
    assert_eq!(adult.basis, DosingBasis::Fixed);
    assert_eq!(adult.rows[0].ug_per_day, Some(9.0));
    assert_eq!(adult.rows[1].ug_per_day, Some(28.0));
    // 44.9 kg, 150 cm: BSA √(6735/3600) = 1.3678 m² → 6.84 then 20.52 µg/day.
    let child = sched(44.9, 150.0, Setting::SecondOrLaterRelapse);
    assert!(matches!(child.basis, DosingBasis::PerBsa { .. }));
    assert_eq!(child.rows[0].ug_per_day, Some(6.84));
    assert_eq!(child.rows[1].ug_per_day, Some(20.52));
    assert!(!child.rows[0].capped);
    // 44 kg, 190 cm: BSA 1.5239 m² → 7.62 and 22.86 µg/day, under both caps.
    let tall = sched(44.0, 190.0, Setting::SecondOrLaterRelapse);
    assert_eq!(tall.rows[0].ug_per_day, Some(7.62));
    assert_eq!(tall.rows[1].ug_per_day, Some(22.86));
    assert!(!tall.rows[1].capped);
    // MRD dosing: 28 µg/day from day 1, or 15 µg/m²/day.
    let mrd = evaluate(&Scenario {
        weight_kg: Some(70.0),
        ..mrd_cr(Some(1e-3))
    })
    .schedule;
    assert_eq!(mrd.rows[0].ug_per_day, Some(28.0));
    assert!(mrd.notes.iter().any(|n| n.text.contains("15 µg/day")));
    // No weight: nothing computed, weight asked for.
    let unknown = evaluate(&pos()).schedule;
    assert_eq!(
        unknown.basis,
        DosingBasis::NeedsInput(vec![engine::Field::Weight])
    );
    assert!(unknown.rows.iter().all(|r| r.ug_per_day.is_none()));
}

#[test]
fn schedule_caps_apply_under_45_kg() {
    // BSA 2.0 m² at 44 kg is impossible anthropometrically but allowed by the form; the
    // caps must still hold: 5 × 2.0 = 10 → 9, 15 × 2.0 = 30 → 28.
    let rec = evaluate(&Scenario {
        weight_kg: Some(44.0),
        height_cm: Some(327.27),
        ..pos()
    });
    let rows = &rec.schedule.rows;
    assert_eq!(rows[0].ug_per_day, Some(9.0));
    assert!(rows[0].capped);
    assert_eq!(rows[1].ug_per_day, Some(28.0));
    assert!(rows[1].capped);
}

#[test]
fn every_rule_is_evaluated_and_traced_in_order() {
    let rec = evaluate(&pos());
    let ids: Vec<RuleId> = rec.trace.iter().map(|s| s.rule).collect();
    let expected: Vec<RuleId> = RULES.iter().map(|r| r.id).collect();
    assert_eq!(ids, expected);
    for step in &rec.trace {
        assert!(
            !step.inputs.is_empty(),
            "{} reads nothing",
            step.rule.as_str()
        );
        assert_eq!(step.fired, !rec.outcome(step).is_empty());
    }
}

#[test]
fn each_traced_finding_has_its_reason() {
    // A scenario where many rules fire, several for more than one therapy.
    let rec = evaluate(&Scenario {
        cd19: Marker::Unknown,
        transplant: TransplantPlan::Planned,
        cns: Cns::Active,
        kmt2a: YesNo::Yes,
        marrow_blasts_pct: Some(70.0),
        ..pos()
    });
    let mut fired = 0;
    for step in &rec.trace {
        let mut traced: Vec<_> = rec
            .outcome(step)
            .iter()
            .map(|o| (o.therapy, o.effect))
            .collect();
        let mut given: Vec<_> = rec
            .reasons_of(step.rule)
            .into_iter()
            .map(|(t, r)| (t, r.effect))
            .collect();
        traced.sort();
        given.sort();
        assert_eq!(traced, given, "{}", step.rule.as_str());
        fired += usize::from(step.fired);
    }
    assert!(fired >= 6, "only {fired} rules fired");
}

#[test]
fn every_specification_rule_id_exists() {
    let ids: Vec<&str> = RULES.iter().map(|r| r.id.as_str()).collect();
    let spec = [
        "E-CD19",
        "E-CD22",
        "E-INO-AGE",
        "E-INO-MRD",
        "E-CART",
        "P-HSCT",
        "P-BURDEN",
        "P-CNS",
        "P-NEURO-HX",
        "P-MRD",
        "P-MRD-LOW",
        "P-PH",
        "P-PH-ELDERLY",
        "P-LINES",
        "P-TREG-LDH",
        "P-KMT2A",
        "P-POST-HSCT",
        "P-PRIOR-CD19",
        "P-AGE",
        "P-RENAL",
        "D-1",
        "D-2",
        // Version 2.
        "E-BLIN-LABEL",
        "E-INO-LIVER",
        "P-PRIOR-RESP",
        "P-PH-UNK",
        "P-HSCT-CAND",
        "P-TRIAL-POP",
        "P-CART-LOGISTICS",
        "P-CART-NEURO",
        "P-CART-AGE",
        "D-3",
        "D-PH",
        // The aid's own, asked for without an ID: liver caution (US) and inotuzumab's EU
        // Ph-positive limit.
        "P-VOD",
        "E-INO-LABEL",
    ];
    for id in spec {
        assert!(ids.contains(&id), "{id} missing");
    }
    // And no rule the specification does not name, each once.
    for id in &ids {
        assert!(spec.contains(id), "{id} is not a rule of the specification");
        assert_eq!(ids.iter().filter(|i| *i == id).count(), 1, "{id} twice");
    }
    for rule in RULES {
        assert!(
            !rule.sources.is_empty(),
            "{} has no source",
            rule.id.as_str()
        );
        assert!(!rule.statement.is_empty());
    }
}

#[test]
fn effects_match_the_status_ladder() {
    // A therapy in caution has a caution reason and no excluding one; a preferred therapy
    // has a favouring reason.
    let rec = evaluate(&Scenario {
        cns: Cns::Active,
        ..pos()
    });
    let ino = rec.therapy(Inotuzumab).unwrap();
    assert!(ino
        .reasons
        .iter()
        .any(|r| r.effect == Effect::Favours && r.rule == RuleId::PCns));
}

#[test]
fn unknown_history_holds_preferred_back_and_names_what_is_needed() {
    let mrd = mrd_cr(Some(1e-3));
    let blina = |s: &Scenario| evaluate(s).therapy(Therapy::Blinatumomab).cloned();
    assert_eq!(blina(&mrd).map(|a| a.status), Some(Status::Preferred));
    for (unknown, needed) in [
        (
            Scenario {
                cns: Cns::Unknown,
                ..mrd.clone()
            },
            "CNS status",
        ),
        (
            Scenario {
                crcl_ml_min: None,
                ..mrd.clone()
            },
            "Creatinine clearance",
        ),
    ] {
        let a = blina(&unknown).expect("blinatumomab is assessed");
        assert_eq!(a.status, Status::Option, "{needed}");
        assert!(a.tests_needed.iter().any(|r| r.text.starts_with(needed)));
    }
    // Inotuzumab favoured by burden, with its VOD history unknown.
    let burden = Scenario {
        marrow_blasts_pct: Some(80.0),
        ..pos()
    };
    let ino = |s: &Scenario| evaluate(s).therapy(Therapy::Inotuzumab).cloned();
    assert_eq!(ino(&burden).map(|a| a.status), Some(Status::Preferred));
    for (unknown, needed) in [
        (
            Scenario {
                liver: Liver::Unknown,
                ..burden.clone()
            },
            "Liver history",
        ),
        (
            Scenario {
                transplant: TransplantPlan::Unknown,
                ..burden.clone()
            },
            "Transplant plan",
        ),
        (
            Scenario {
                prior_hsct: YesNo::Unknown,
                ..burden.clone()
            },
            "Whether there was a prior allo-HSCT",
        ),
    ] {
        let a = ino(&unknown).expect("inotuzumab is assessed");
        assert_eq!(a.status, Status::Option, "{needed}");
        assert!(a.tests_needed.iter().any(|r| r.text.starts_with(needed)));
    }
}

#[test]
fn schedule_gives_toxicity_management_for_both_indications() {
    for scenario in [pos(), mrd_cr(Some(1e-3))] {
        let setting = scenario.setting;
        let rec = evaluate(&scenario);
        let labels: Vec<&str> = rec.schedule.notes.iter().map(|n| n.label).collect();
        for label in ["Cytokine release syndrome", "Neurologic events"] {
            assert!(labels.contains(&label), "{setting:?}: {labels:?}");
        }
        let crs = rec
            .schedule
            .notes
            .iter()
            .find(|n| n.label == "Cytokine release syndrome");
        assert!(crs.is_some_and(|n| n.text.contains("restart at 9 µg/day")));
    }
}

#[test]
fn debulking_threshold_in_billions_per_litre() {
    use engine::{assess, Assessment, Field, RawScenario};
    let level = |pb: &str| {
        let raw = RawScenario::new()
            .with(Field::Age, "34")
            .with(Field::Setting, "r2")
            .with(Field::MarrowBlasts, "10")
            .with(Field::PeripheralBlasts, pb)
            .with(Field::PeripheralBlastsUnit, "g")
            .with(Field::LdhStatus, "norm")
            .with(Field::Extramedullary, "no");
        match assess(&raw) {
            Assessment::Valid(rec) => rec.debulking.level,
            Assessment::Invalid(p) => panic!("{p:?}"),
        }
    };
    assert_eq!(level("15"), DebulkingLevel::Required);
    assert_eq!(level("14.9"), DebulkingLevel::NotNeeded);
}
