//! Whether weight, height and age fit together. A slip of units (pounds typed as kg, inches
//! as cm) changes every dose computed from them, so values that do not fit raise a visible
//! warning beside the BSA and the doses. It never blocks: unusual patients exist.
//!
//! The envelopes are deliberately wide — they catch unit slips, not growth problems — and
//! are the aid's own: no source paper gives them.

use serde::Serialize;

use crate::display::{age, exact};
use crate::fields::Field;
use crate::scenario::Scenario;

/// A warning that entered values do not fit together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// The fields concerned.
    pub fields: Vec<Field>,
    /// What does not fit, and what to check.
    pub message: String,
}

/// BMI below this (kg/m²) does not fit a living patient's weight and height.
pub const BMI_BELOW: f64 = 10.0;
/// BMI above this (kg/m²) is implausible enough to check the units.
pub const BMI_ABOVE: f64 = 60.0;

/// An age band (years, from inclusive, to exclusive) and the weight (kg) and height (cm)
/// that fit it.
struct Envelope {
    from: f64,
    to: f64,
    weight: (f64, f64),
    height: (f64, f64),
}

const fn band(from: f64, to: f64, weight: (f64, f64), height: (f64, f64)) -> Envelope {
    Envelope {
        from,
        to,
        weight,
        height,
    }
}

const ENVELOPES: [Envelope; 5] = [
    band(0.0, 1.0, (1.0, 15.0), (30.0, 90.0)),
    band(1.0, 5.0, (5.0, 40.0), (60.0, 130.0)),
    band(5.0, 12.0, (10.0, 100.0), (90.0, 180.0)),
    band(12.0, 18.0, (20.0, 200.0), (120.0, 220.0)),
    band(18.0, f64::INFINITY, (25.0, 350.0), (120.0, 250.0)),
];

/// Every way weight, height and age do not fit together in `s`.
pub fn check(s: &Scenario) -> Vec<Warning> {
    let mut out = Vec::new();
    let band = ENVELOPES
        .iter()
        .find(|e| (e.from..e.to).contains(&s.age_years));
    let who = age(s.age_years);
    if let (Some(w), Some(e)) = (s.weight_kg, band) {
        if !(e.weight.0..=e.weight.1).contains(&w) {
            out.push(Warning {
                fields: vec![Field::Weight, Field::Age],
                message: format!(
                    "Weight {} kg does not fit age {who}: check the units (kg, not pounds) before using any dose.",
                    exact(w)
                ),
            });
        }
    }
    if let (Some(h), Some(e)) = (s.height_cm, band) {
        if !(e.height.0..=e.height.1).contains(&h) {
            out.push(Warning {
                fields: vec![Field::Height, Field::Age],
                message: format!(
                    "Height {} cm does not fit age {who}: check the units (cm, not inches) before using any dose.",
                    exact(h)
                ),
            });
        }
    }
    if let (Some(w), Some(h)) = (s.weight_kg, s.height_cm) {
        let bmi = w / (h / 100.0).powi(2);
        if !(BMI_BELOW..=BMI_ABOVE).contains(&bmi) {
            out.push(Warning {
                fields: vec![Field::Weight, Field::Height],
                message: format!(
                    "Weight {} kg and height {} cm give a BMI of {}, outside {}–{}: check the units before using any dose.",
                    exact(w),
                    exact(h),
                    crate::display::beside(bmi, if bmi < BMI_BELOW { BMI_BELOW } else { BMI_ABOVE }),
                    exact(BMI_BELOW),
                    exact(BMI_ABOVE)
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Setting;

    fn patient(age: f64, w: f64, h: f64) -> Scenario {
        Scenario {
            weight_kg: Some(w),
            height_cm: Some(h),
            ..Scenario::unknown(age, Setting::SecondOrLaterRelapse)
        }
    }

    #[test]
    fn unit_slips_are_flagged() {
        // 66 "kg" at 3 years, 95 cm: pounds typed as kg.
        assert!(!check(&patient(3.0, 66.0, 95.0)).is_empty());
        // 7 kg at 40 years.
        assert!(!check(&patient(40.0, 7.0, 170.0)).is_empty());
        // Height in inches.
        assert!(!check(&patient(40.0, 70.0, 68.0)).is_empty());
    }

    #[test]
    fn ordinary_patients_are_not() {
        assert!(check(&patient(3.0, 14.0, 95.0)).is_empty());
        assert!(check(&patient(0.5, 7.0, 66.0)).is_empty());
        assert!(check(&patient(40.0, 70.0, 172.0)).is_empty());
        assert!(check(&patient(15.0, 55.0, 165.0)).is_empty());
    }
}
