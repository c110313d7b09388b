//! Validation: raw field texts → a [`Scenario`], or every problem found, each naming its
//! field in words a clinician understands. Never panics, whatever the text.
//!
//! Every field is read even after a problem is found, so the user sees all problems at once
//! instead of fixing them one round trip at a time. Cross-field checks only run on values
//! that were themselves readable: a contradiction reported against a value the user has not
//! typed correctly yet would only confuse.

use serde::Serialize;

use crate::decimal::{Exp, ExpFixed, ParseF64, Shortest};
use crate::fields::{Field, FieldKind, FIELDS};
use crate::scenario::{
    Cns, CrNumber, CrclUnit, Extramedullary, Ldh, Liver, Marker, Ph, PriorExposure, RawScenario,
    Region, Reinduction, Scenario, Setting, TkisFailed, TransplantPlan, YesNo,
};
use crate::thresholds::{
    CR_MARROW_BLASTS_BELOW_PCT, MARKER_POSITIVE_PCT, MRD_APPROVAL_FRACTION, MRD_TRIAL_FRACTION,
};

/// The largest peripheral blast count accepted, per µL: the field's upper bound.
pub(crate) const MAX_PERIPHERAL_BLASTS_PER_UL: f64 = 2_000_000.0;

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ProblemKind {
    /// A required value is not given.
    Missing,
    /// The text is not a value of the field (not a number, out of range, unknown choice).
    Invalid,
    /// The value contradicts another field.
    Inconsistent,
}

/// One problem with the input, tied to the field the user must fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The field to fix.
    pub field: Field,
    /// Missing, invalid or inconsistent.
    pub kind: ProblemKind,
    /// The message, naming the field ("Marrow blasts: 150 is above 100%.").
    pub message: String,
}

/// Validates every field of `raw`; returns the scenario or all problems found.
///
/// Problems come in form order of their field ([`FIELDS`]), then in the order found.
pub fn validate(raw: &RawScenario) -> Result<Scenario, Vec<Problem>> {
    let mut v = Validator {
        raw,
        problems: Vec::new(),
    };

    let region = v.choice(Field::Region).map(|c| match c {
        "eu" => Region::Eu,
        _ => Region::Us,
    });
    let age = v.number(Field::Age);
    if trim(raw.get(Field::Age)).is_empty() {
        v.problem(Field::Age, ProblemKind::Missing, "required.".to_string());
    }
    let weight = v.number(Field::Weight);
    let height = v.number(Field::Height);

    // The setting's first choice is the empty "Choose…", so a default cannot stand in for it.
    let setting_code = v.choice(Field::Setting);
    if trim(raw.get(Field::Setting)).is_empty() {
        v.problem(
            Field::Setting,
            ProblemKind::Missing,
            "required.".to_string(),
        );
    }
    let setting = setting_code.and_then(|code| match code {
        "ref" => Some(Setting::PrimaryRefractory),
        "r1e" => Some(Setting::FirstRelapseEarly),
        "r1l" => Some(Setting::FirstRelapseLate),
        "r2" => Some(Setting::SecondOrLaterRelapse),
        "rhsct" => Some(Setting::RelapseAfterHsct),
        "mrd" => Some(Setting::MrdPositiveCr),
        _ => None,
    });

    let cr_number = v.choice(Field::CrNumber).map(|c| match c {
        "1" => CrNumber::First,
        "2" => CrNumber::Second,
        "3" => CrNumber::ThirdOrLater,
        _ => CrNumber::Unknown,
    });
    let reinduction = v.choice(Field::Reinduction).map(|c| match c {
        "none" => Reinduction::NotYet,
        "ref" => Reinduction::Refractory,
        "cr" => Reinduction::InCr,
        _ => Reinduction::Unknown,
    });
    let mrd = v.mrd();
    let marrow = v.number(Field::MarrowBlasts);
    let peripheral = v.number(Field::PeripheralBlasts);
    // The count is converted by `number`; reading the unit here reports an unknown one.
    let _ = v.choice(Field::PeripheralBlastsUnit);
    let ldh = v.ldh();

    let extramedullary = v.choice(Field::Extramedullary).map(|c| match c {
        "no" => Extramedullary::None,
        "yes" => Extramedullary::Present,
        "bulk" => Extramedullary::HighLoad,
        _ => Extramedullary::Unknown,
    });
    let cns = v.choice(Field::Cns).map(|c| match c {
        "no" => Cns::None,
        "active" => Cns::Active,
        "hx" => Cns::History,
        _ => Cns::Unknown,
    });
    let cd19 = v.marker(Field::Cd19, Field::Cd19Pct);
    let cd22 = v.marker(Field::Cd22, Field::Cd22Pct);
    let ph = v.choice(Field::Ph).map(|c| match c {
        "neg" => Ph::Negative,
        "pos" => Ph::Positive,
        _ => Ph::Unknown,
    });
    let tkis_failed = v.choice(Field::TkisFailed).map(|c| match c {
        "0" => TkisFailed::Zero,
        "1" => TkisFailed::One,
        "2" => TkisFailed::TwoOrMore,
        _ => TkisFailed::Unknown,
    });
    let t315i = v.yes_no(Field::T315i);
    let transplant = v.choice(Field::Transplant).map(|c| match c {
        "plan" => TransplantPlan::Planned,
        "cand" => TransplantPlan::Candidate,
        "no" => TransplantPlan::NotCandidate,
        _ => TransplantPlan::Unknown,
    });
    let prior_hsct = v.yes_no(Field::PriorHsct);
    // `number` has already checked the range [0, 20] and wholeness, so the cast is exact.
    let prior_lines = v.number(Field::PriorLines).map(|n| n.map(|n| n as u32));
    let prior_blinatumomab = v.prior(Field::PriorBlinatumomab);
    let prior_inotuzumab = v.prior(Field::PriorInotuzumab);
    let prior_cart = v.prior(Field::PriorCart);
    let kmt2a = v.yes_no(Field::Kmt2a);
    let treg = v.number(Field::Treg);
    let crcl = v.number(Field::Crcl);
    let crcl_unit = v.choice(Field::CrclUnit).map(|c| match c {
        "m2" => CrclUnit::PerStandardBsa,
        _ => CrclUnit::MlMin,
    });
    let dialysis = v.yes_no(Field::Dialysis);
    let liver = v.choice(Field::Liver).map(|c| match c {
        "no" => Liver::None,
        "disease" => Liver::Disease,
        "vod" => Liver::PriorVod,
        _ => Liver::Unknown,
    });

    // Cross-field consistency, only between values that were readable.
    if setting == Some(Setting::MrdPositiveCr) {
        if let Some(Some(bm)) = marrow {
            if bm >= CR_MARROW_BLASTS_BELOW_PCT {
                v.problem(
                    Field::MarrowBlasts,
                    ProblemKind::Inconsistent,
                    format!(
                        "{}% is not a morphologic CR (< {}%); \
                         the setting says MRD-positive in CR.",
                        Shortest(bm),
                        Shortest(CR_MARROW_BLASTS_BELOW_PCT)
                    ),
                );
            }
        }
        // Morphologic CR also means no circulating blasts and fewer than 5% leukaemic
        // cells by any measure, so MRD at or above 5% contradicts it as marrow blasts do.
        if let Some(Some(pb)) = peripheral {
            if pb > 0.0 {
                v.problem(
                    Field::PeripheralBlasts,
                    ProblemKind::Inconsistent,
                    format!(
                        "{}/µL circulating blasts is not a morphologic CR; \
                         the setting says MRD-positive in CR.",
                        crate::display::grouped(pb)
                    ),
                );
            }
        }
        if let Some(Some(fraction)) = mrd {
            if fraction * 100.0 >= CR_MARROW_BLASTS_BELOW_PCT {
                v.problem(
                    Field::Mrd,
                    ProblemKind::Inconsistent,
                    format!(
                        "{} is not a morphologic CR (< {}% blasts); \
                         the setting says MRD-positive in CR.",
                        format_mrd(fraction),
                        Shortest(CR_MARROW_BLASTS_BELOW_PCT)
                    ),
                );
            }
        }
        if mrd == Some(Some(0.0)) {
            v.problem(
                Field::Mrd,
                ProblemKind::Inconsistent,
                "0 contradicts the setting MRD-positive in morphologic CR, \
                 which needs MRD above 0."
                    .to_string(),
            );
        }
        // Active CNS leukaemia is disease outside the marrow: not a complete remission.
        if cns == Some(Cns::Active) {
            v.problem(
                Field::Cns,
                ProblemKind::Inconsistent,
                "active CNS leukaemia is not a morphologic CR; \
                 choose the disease setting that describes the relapse."
                    .to_string(),
            );
        }
        if let Some(emd) = extramedullary {
            if emd.is_present() {
                v.problem(
                    Field::Extramedullary,
                    ProblemKind::Inconsistent,
                    format!(
                        "{} contradicts the setting MRD-positive in morphologic CR.",
                        choice_label(Field::Extramedullary, raw.get(Field::Extramedullary))
                    ),
                );
            }
        }
    }
    // A first relapse in CR after re-induction is a second CR, not active relapse: the
    // relapsed/refractory answer (schedule, labels, pre-phase) would be wrong for it.
    if matches!(
        setting,
        Some(Setting::FirstRelapseEarly | Setting::FirstRelapseLate)
    ) && reinduction == Some(Reinduction::InCr)
    {
        v.problem(
            Field::Reinduction,
            ProblemKind::Inconsistent,
            "in CR after re-induction is a second CR, not an active first relapse. If MRD is \
             detectable, choose the setting MRD-positive in morphologic CR with second CR; \
             an MRD-negative CR is outside this aid."
                .to_string(),
        );
    }
    // A relapse follows at least one line of therapy; a second relapse at least two.
    if let (Some(setting), Some(Some(lines))) = (setting, prior_lines) {
        let least = match setting {
            Setting::SecondOrLaterRelapse => 2,
            Setting::FirstRelapseEarly | Setting::FirstRelapseLate | Setting::RelapseAfterHsct => 1,
            Setting::PrimaryRefractory | Setting::MrdPositiveCr => 0,
        };
        if lines < least {
            v.problem(
                Field::PriorLines,
                ProblemKind::Inconsistent,
                format!(
                    "{lines} contradicts the disease setting, which follows at least {least} line{} of therapy.",
                    if least == 1 { "" } else { "s" }
                ),
            );
        }
    }
    // Dialysis with a clearance of 30 mL/min or more cannot both be true.
    if let (Some(YesNo::Yes), Some(Some(c))) = (dialysis, crcl) {
        if c >= crate::thresholds::CRCL_NO_DATA_BELOW {
            v.problem(
                Field::Dialysis,
                ProblemKind::Inconsistent,
                "Yes contradicts a creatinine clearance of 30 mL/min or more; correct one of them."
                    .to_string(),
            );
        }
    }
    if setting == Some(Setting::RelapseAfterHsct) && prior_hsct == Some(YesNo::No) {
        v.problem(
            Field::PriorHsct,
            ProblemKind::Inconsistent,
            "No contradicts the setting relapse after allogeneic HSCT.".to_string(),
        );
    }
    // A TKI history or a T315I result only exists for Ph-positive disease.
    if let Some(ph @ (Ph::Negative | Ph::Unknown)) = ph {
        let said = if ph == Ph::Negative {
            "Negative"
        } else {
            "Unknown"
        };
        let answered = [
            (
                Field::TkisFailed,
                tkis_failed.is_some_and(|t| t != TkisFailed::Unknown),
            ),
            (Field::T315i, t315i.is_some_and(|t| t != YesNo::Unknown)),
        ];
        for (field, given) in answered {
            if given {
                v.problem(
                    field,
                    ProblemKind::Inconsistent,
                    format!(
                        "{} is answered, but {} is {said}: a TKI history or T315I result \
                         belongs to Ph-positive disease. Set {} to Positive, or clear this answer.",
                        choice_label(field, raw.get(field)),
                        Field::Ph.label(),
                        Field::Ph.label()
                    ),
                );
            }
        }
    }
    if prior_lines == Some(Some(0)) {
        let given: Vec<&str> = [
            (Field::PriorBlinatumomab, prior_blinatumomab),
            (Field::PriorInotuzumab, prior_inotuzumab),
            (Field::PriorCart, prior_cart),
        ]
        .iter()
        .filter(|(_, exposure)| exposure.is_some_and(PriorExposure::given))
        .map(|(field, _)| field.label())
        .collect();
        if !given.is_empty() {
            v.problem(
                Field::PriorLines,
                ProblemKind::Inconsistent,
                format!("0 contradicts {} given before.", join_and(&given)),
            );
        }
    }

    if !v.problems.is_empty() {
        // In form order, stably. Not slice::sort_by_key, whose driftsort would add 2 KB to
        // the page for a list this short (README, size budget).
        let problems = (0..=FIELDS.len())
            .flat_map(|at| {
                v.problems
                    .iter()
                    .filter(move |p| form_position(p.field) == at)
            })
            .cloned()
            .collect();
        return Err(problems);
    }

    // With no problems every `Option` above is `Some` and every required value is present;
    // the fallbacks below are unreachable but keep this function free of panics.
    let (Some(Some(age_years)), Some(setting)) = (age, setting) else {
        return Err(vec![Problem {
            field: Field::Age,
            kind: ProblemKind::Missing,
            message: "Age: required.".to_string(),
        }]);
    };
    Ok(Scenario {
        region: region.unwrap_or(Region::Us),
        age_years,
        weight_kg: weight.flatten(),
        height_cm: height.flatten(),
        setting,
        cr_number: cr_number.unwrap_or(CrNumber::Unknown),
        reinduction: reinduction.unwrap_or(Reinduction::Unknown),
        mrd_fraction: mrd.flatten(),
        marrow_blasts_pct: marrow.flatten(),
        peripheral_blasts_per_ul: peripheral.flatten(),
        ldh,
        extramedullary: extramedullary.unwrap_or(Extramedullary::Unknown),
        cns: cns.unwrap_or(Cns::Unknown),
        cd19,
        cd22,
        ph: ph.unwrap_or(Ph::Unknown),
        tkis_failed: tkis_failed.unwrap_or(TkisFailed::Unknown),
        t315i: t315i.unwrap_or(YesNo::Unknown),
        transplant: transplant.unwrap_or(TransplantPlan::Unknown),
        prior_hsct: prior_hsct.unwrap_or(YesNo::Unknown),
        prior_lines: prior_lines.flatten(),
        prior_blinatumomab: prior_blinatumomab.unwrap_or(PriorExposure::Unknown),
        prior_inotuzumab: prior_inotuzumab.unwrap_or(PriorExposure::Unknown),
        prior_cart: prior_cart.unwrap_or(PriorExposure::Unknown),
        kmt2a: kmt2a.unwrap_or(YesNo::Unknown),
        treg_pct: treg.flatten(),
        crcl_ml_min: crcl.flatten(),
        crcl_unit: crcl_unit.unwrap_or(CrclUnit::MlMin),
        dialysis: dialysis.unwrap_or(YesNo::Unknown),
        liver: liver.unwrap_or(Liver::Unknown),
    })
}

/// Reads an MRD level as typed and returns it as a fraction of cells (1e-3 = 0.1%).
///
/// A plain number, with or without `%`, is a percentage: `0.1` and `0.1%` are both 10⁻³,
/// because clinicians and lab reports mostly write MRD in percent. Scientific forms are
/// fractions: `1e-3`, `1E-3`, `10^-3`, `10-3` (the caret left out), `10⁻³`, `1x10^-4`,
/// `1×10⁻⁴`, `2.5x10-4`. A decimal comma is read as a dot (`2,5e-4`, `0,1`). Spaces around
/// `x`, `×`, `^` and `%` are ignored. The result must lie within 0..=1 (0–100%).
///
/// The error is a complete message that starts with the field's label ("MRD level: …").
pub fn parse_mrd(text: &str) -> Result<f64, String> {
    let label = Field::Mrd.label();
    let shown = quoted(text.trim());
    let not_mrd = || {
        format!(
            "{label}: {shown} is not an MRD level; write a percentage such as 0.1 \
             or a fraction such as 1e-3."
        )
    };
    let normal = normalise_mrd(text).ok_or_else(not_mrd)?;
    let (value, percent) = if let Some(number) = normal.strip_suffix('%') {
        (decimal(number, false).ok_or_else(not_mrd)?, true)
    } else if let Some(number) = decimal(&normal, false) {
        (number, true)
    } else {
        (scientific_fraction(&normal).ok_or_else(not_mrd)?, false)
    };
    if value.is_nan() {
        return Err(not_mrd());
    }
    let shown = text.trim();
    if percent {
        if value < 0.0 {
            return Err(format!("{label}: {shown} is below 0%."));
        }
        if value > 100.0 {
            return Err(format!("{label}: {shown} is above 100%."));
        }
        // Percent to fraction through the decimal text, so "0.1" gives exactly 1e-3 rather
        // than 0.1 / 100 with a rounding error in the last bit.
        Ok(shift_decimal(value, -2))
    } else {
        if value < 0.0 {
            return Err(format!("{label}: {shown} is below 0."));
        }
        if value > 1.0 {
            return Err(format!("{label}: {shown} is above 1 (100%)."));
        }
        Ok(value)
    }
}

/// Shows an MRD fraction the way it was read, in percent and in powers of ten:
/// `1e-3` → `"0.1% (10⁻³)"`, `5e-4` → `"0.05% (5 × 10⁻⁴)"`, `2.5e-4` → `"0.025% (2.5 × 10⁻⁴)"`.
///
/// The mantissa keeps at most three significant digits: enough to check what was typed,
/// without the noise of the last bits of a float. `0` is `"0%"` and `1` is `"100%"`, with no
/// power of ten; values outside 0..=1 or not finite are shown as plain numbers, since
/// [`parse_mrd`] never returns them.
pub fn format_mrd(fraction: f64) -> String {
    if !fraction.is_finite() || !(0.0..=1.0).contains(&fraction) {
        return Shortest(fraction).to_string();
    }
    if fraction == 0.0 {
        return "0%".to_string();
    }
    if fraction == 1.0 {
        return "100%".to_string();
    }
    // "{:.2e}" rounds to three significant digits, e.g. "2.50e-4"; split it into digits and
    // exponent and build both forms from the same digits so they always agree. Where that
    // rounding would move the value onto or across a threshold it is compared with (10⁻³,
    // 10⁻⁴, the 5% of morphologic CR), every digit is kept instead (the shortest form that
    // reads back as the same number): 0.09999% never reads "0.1%".
    let rounded = ExpFixed(fraction, 2).to_string();
    let keeps_side = rounded.as_str().parse_f64().is_ok_and(|r| {
        [
            MRD_APPROVAL_FRACTION,
            MRD_TRIAL_FRACTION,
            CR_MARROW_BLASTS_BELOW_PCT / 100.0,
        ]
        .iter()
        .all(|t| r.partial_cmp(t) == fraction.partial_cmp(t))
    });
    let exp_form = if keeps_side {
        rounded
    } else {
        Exp(fraction).to_string()
    };
    let Some((mantissa, exponent)) = exp_form.split_once('e') else {
        return Shortest(fraction).to_string();
    };
    let Ok(exponent) = exponent.parse::<i32>() else {
        return Shortest(fraction).to_string();
    };
    let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    // The percentage is the fraction × 10²; a mantissa d.dd × 10^k has k + 1 integer digits.
    let percent = decimal_from_digits(&digits, exponent + 2 + 1);
    let power = superscript(exponent);
    if exponent >= 0 {
        // Only 1.0 reaches here after rounding up (e.g. 0.9999); no power of ten to show.
        return format!("{percent}%");
    }
    if mantissa == "1" {
        format!("{percent}% (10{power})")
    } else {
        format!("{percent}% ({mantissa} × 10{power})")
    }
}

/// `text` without surrounding white space, exactly as [`str::trim`] gives it. Every field
/// is trimmed on every keystroke, and the general trim decodes a char at each end; a text
/// whose first and last bytes are ASCII and not white space (nearly every entry) is
/// returned as it is, and only other texts pay for the general trim.
pub fn trim(text: &str) -> &str {
    // The ASCII white space of `char::is_whitespace`: tab, line feed, vertical tab, form
    // feed, carriage return and space. Every other white space is beyond ASCII.
    let plain = |b: &u8| b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r');
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if plain(first) && plain(last) => text,
        _ => text.trim(),
    }
}

/// Reads a number as typed: surrounding spaces are ignored and a decimal comma is a dot.
///
/// Only digits, one decimal separator, a sign and an exponent are accepted, so `inf`, `NaN`
/// and `0x10` are not numbers. A comma followed by exactly three digits (`15,000`) is
/// refused as ambiguous: it may be a thousands separator, and reading 15,000 blasts/µL as 15
/// would be a dangerous mistake. The error is the part of a message after the label.
pub fn parse_number(text: &str) -> Result<f64, String> {
    let trimmed = trim(text);
    if trimmed.is_empty() {
        return Err("no number given.".to_string());
    }
    if trimmed.contains(',') {
        let (before, after) = trimmed.split_once(',').unwrap_or((trimmed, ""));
        let whole = before.trim_start_matches(['+', '-']);
        // "0,125" cannot be a thousands separator, so it stays a decimal comma.
        let is_grouping = !whole.is_empty()
            && !whole.starts_with('0')
            && whole.chars().all(|c| c.is_ascii_digit())
            && after.len() == 3
            && after.chars().all(|c| c.is_ascii_digit());
        if is_grouping {
            let shown = quoted(trimmed);
            return Err(format!(
                "{shown} is ambiguous; write {before}{after} without a thousands separator, \
                 or {before}.{after} for a decimal."
            ));
        }
    }
    decimal(trimmed, true).ok_or_else(|| format!("{} is not a number.", quoted(trimmed)))
}

/// Collects problems while each field is read.
struct Validator<'a> {
    raw: &'a RawScenario,
    problems: Vec<Problem>,
}

impl Validator<'_> {
    /// Records a problem; `rest` is the message after "Label: ".
    fn problem(&mut self, field: Field, kind: ProblemKind, rest: String) {
        self.problems.push(Problem {
            field,
            kind,
            message: format!("{}: {rest}", field.label()),
        });
    }

    /// Reads a number field: `Some(None)` when not given, `Some(Some(x))` when valid,
    /// `None` when invalid (a problem was recorded).
    fn number(&mut self, field: Field) -> Option<Option<f64>> {
        // Trimmed once here: this runs for every number field on every keystroke.
        let text = trim(self.raw.get(field));
        if text.is_empty() {
            return Some(None);
        }
        let FieldKind::Number { min, max, integer } = field.kind() else {
            return Some(None);
        };
        // The engine counts per µL; a count entered as × 10⁹/L (1 × 10⁹/L = 1,000/µL) is
        // checked against the same limits in its own unit, then converted.
        let per_ul = if field == Field::PeripheralBlasts
            && self.raw.get(Field::PeripheralBlastsUnit).trim() == "g"
        {
            1000.0
        } else {
            1.0
        };
        let (min, max) = (min / per_ul, max / per_ul);
        let value = match parse_number(text) {
            Ok(value) => value,
            Err(rest) => {
                self.problem(field, ProblemKind::Invalid, rest);
                return None;
            }
        };
        let shown = text;
        if value < min {
            let limit = with_unit(field.unit_in(self.raw), &Shortest(min).to_string());
            self.problem(
                field,
                ProblemKind::Invalid,
                format!("{shown} is below {limit}."),
            );
            return None;
        }
        if value > max {
            let limit = with_unit(field.unit_in(self.raw), &Shortest(max).to_string());
            self.problem(
                field,
                ProblemKind::Invalid,
                format!("{shown} is above {limit}."),
            );
            return None;
        }
        if integer && value.fract() != 0.0 {
            self.problem(
                field,
                ProblemKind::Invalid,
                format!("{shown} is not a whole number."),
            );
            return None;
        }
        Some(Some(value * per_ul))
    }

    /// Reads a choice field: the choice value (the default when not given), or `None` when
    /// the text is not one of the choices (a problem was recorded).
    fn choice(&mut self, field: Field) -> Option<&'static str> {
        let FieldKind::Choice(choices) = field.kind() else {
            return None;
        };
        let text = trim(self.raw.get(field));
        if text.is_empty() {
            return choices.first().map(|(value, _)| *value);
        }
        match choices.iter().find(|(value, _)| *value == text) {
            Some((value, _)) => Some(value),
            None => {
                let shown = quoted(text);
                self.problem(
                    field,
                    ProblemKind::Invalid,
                    format!("{shown} is not one of the choices."),
                );
                None
            }
        }
    }

    fn yes_no(&mut self, field: Field) -> Option<YesNo> {
        self.choice(field).map(|c| match c {
            "no" => YesNo::No,
            "yes" => YesNo::Yes,
            _ => YesNo::Unknown,
        })
    }

    fn prior(&mut self, field: Field) -> Option<PriorExposure> {
        self.choice(field).map(|c| match c {
            "no" => PriorExposure::No,
            "resp" => PriorExposure::Responded,
            "noresp" => PriorExposure::NoResponse,
            _ => PriorExposure::Unknown,
        })
    }

    /// Reads the MRD field: like [`Validator::number`], as a fraction.
    fn mrd(&mut self) -> Option<Option<f64>> {
        let text = self.raw.get(Field::Mrd);
        if trim(text).is_empty() {
            return Some(None);
        }
        match parse_mrd(text) {
            Ok(fraction) => Some(Some(fraction)),
            Err(message) => {
                self.problems.push(Problem {
                    field: Field::Mrd,
                    kind: ProblemKind::Invalid,
                    message,
                });
                None
            }
        }
    }

    /// Reads a marker from its status and its optional percentage. The percentage, being
    /// the more specific measurement, decides the status unless it flatly contradicts it.
    fn marker(&mut self, status_field: Field, pct_field: Field) -> Marker {
        let status = self.choice(status_field);
        let pct = self.number(pct_field);
        let (Some(status), Some(pct)) = (status, pct) else {
            return Marker::Unknown;
        };
        match pct {
            Some(pct) => {
                let contradicted = match status {
                    "neg" => pct > 0.0,
                    "pos" => pct == 0.0,
                    _ => false,
                };
                if contradicted {
                    let said = choice_label(status_field, status);
                    self.problem(
                        pct_field,
                        ProblemKind::Inconsistent,
                        format!(
                            "{}% contradicts {} = {said}.",
                            Shortest(pct),
                            status_field.label()
                        ),
                    );
                }
                if pct >= MARKER_POSITIVE_PCT {
                    Marker::Positive { pct: Some(pct) }
                } else if pct > 0.0 {
                    Marker::Low { pct }
                } else {
                    Marker::Negative
                }
            }
            None => match status {
                "pos" => Marker::Positive { pct: None },
                "neg" => Marker::Negative,
                _ => Marker::Unknown,
            },
        }
    }

    /// Reads LDH: a value with its upper limit of normal decides; otherwise the status.
    fn ldh(&mut self) -> Ldh {
        let status = self.choice(Field::LdhStatus);
        let value = self.number(Field::Ldh);
        let uln = self.number(Field::LdhUln);
        let from_status = match status {
            Some("norm") => Ldh::Normal,
            Some("high") => Ldh::Elevated { ratio: None },
            _ => Ldh::Unknown,
        };
        match (value, uln) {
            (Some(Some(value)), Some(Some(uln))) => {
                let high = value > uln;
                let contradicted = match status {
                    Some("norm") => high,
                    Some("high") => !high,
                    _ => false,
                };
                if contradicted {
                    let said = choice_label(Field::LdhStatus, status.unwrap_or(""));
                    let where_ = if high { "above" } else { "not above" };
                    self.problem(
                        Field::LdhStatus,
                        ProblemKind::Inconsistent,
                        format!(
                            "{said} contradicts the LDH value {} U/L, {where_} \
                             the upper limit of normal {} U/L.",
                            Shortest(value),
                            Shortest(uln)
                        ),
                    );
                }
                if high {
                    Ldh::Elevated {
                        ratio: Some(value / uln),
                    }
                } else {
                    Ldh::Normal
                }
            }
            (Some(Some(_)), Some(None)) => {
                self.problem(
                    Field::LdhUln,
                    ProblemKind::Missing,
                    "needed to read the LDH value.".to_string(),
                );
                from_status
            }
            // The upper limit alone says nothing about the patient, so it is ignored.
            _ => from_status,
        }
    }
}

/// Position of `field` in the form, for ordering problems.
fn form_position(field: Field) -> usize {
    FIELDS
        .iter()
        .position(|f| *f == field)
        .unwrap_or(FIELDS.len())
}

/// The label of the choice `value` of `field`, or the value itself if unknown.
fn choice_label(field: Field, value: &str) -> &str {
    match field.kind() {
        FieldKind::Choice(choices) => choices
            .iter()
            .find(|(v, _)| *v == value.trim())
            .map(|(_, label)| *label)
            .unwrap_or(value),
        _ => value,
    }
}

/// `number` followed by the field's unit: "100%", "0 years", "2000000/µL".
fn with_unit(unit: &str, number: &str) -> String {
    if unit.is_empty() {
        number.to_string()
    } else if unit.starts_with('%') || unit.starts_with('/') {
        format!("{number}{unit}")
    } else {
        format!("{number} {unit}")
    }
}

/// The text in quotes, cut to a readable length so a pasted essay cannot flood the page.
fn quoted(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    if text.chars().count() > MAX_CHARS {
        let cut: String = text.chars().take(MAX_CHARS).collect();
        format!("\"{cut}…\"")
    } else {
        format!("\"{text}\"")
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A plain decimal number (sign, digits, one separator, and an exponent if `exponent`) with
/// a decimal comma read as a dot. `None` for anything else, including `inf` and `NaN`.
/// Negative zero becomes zero, so "-0" never shows up as "-0" in a message or a dose.
fn decimal(text: &str, exponent: bool) -> Option<f64> {
    let text = trim(text);
    // One pass over the bytes: this runs for every number on every keystroke. Any byte
    // outside ASCII is refused, as the characters it belongs to are.
    let (mut separators, mut comma, mut digit) = (0, false, false);
    for b in text.bytes() {
        match b {
            b'0'..=b'9' => digit = true,
            b',' => (separators, comma) = (separators + 1, true),
            b'.' => separators += 1,
            b'+' | b'-' => {}
            b'e' | b'E' if exponent => {}
            _ => return None,
        }
    }
    if !digit || separators > 1 {
        return None;
    }
    let value = if comma {
        text.replace(',', ".").parse_f64()
    } else {
        text.parse_f64()
    }
    .ok()?;
    Some(if value == 0.0 { 0.0 } else { value })
}

/// Rewrites an MRD text into one spelling: no spaces around operators, superscripts as
/// `^` and plain digits, every multiplication sign as `x`. `None` if spaces separate digits
/// ("1 5"), which could be a typo for either number.
fn normalise_mrd(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut in_superscript = false;
    let mut pending_space = false;
    for c in trim(text).chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let sup = match c {
            '⁰' => Some('0'),
            '¹' => Some('1'),
            '²' => Some('2'),
            '³' => Some('3'),
            '⁴' => Some('4'),
            '⁵' => Some('5'),
            '⁶' => Some('6'),
            '⁷' => Some('7'),
            '⁸' => Some('8'),
            '⁹' => Some('9'),
            '⁻' => Some('-'),
            '⁺' => Some('+'),
            _ => None,
        };
        let c = match c {
            '×' | 'X' | '*' | '·' | '⋅' => 'x',
            '−' | '–' => '-',
            other => other,
        };
        let joins_digits = out
            .chars()
            .last()
            .is_some_and(|p| p.is_ascii_digit() || p == '.')
            && (c.is_ascii_digit() || c == '.' || sup.is_some());
        if pending_space && joins_digits {
            return None;
        }
        pending_space = false;
        match sup {
            Some(plain) => {
                if !in_superscript {
                    out.push('^');
                    in_superscript = true;
                }
                out.push(plain);
            }
            None => {
                in_superscript = false;
                out.push(c);
            }
        }
    }
    Some(out)
}

/// Reads `1e-3`, `10^-3`, `10-3`, `2.5x10^-4`, `2.5x10-4` as a fraction.
fn scientific_fraction(text: &str) -> Option<f64> {
    if text.contains(['e', 'E']) {
        return decimal(text, true);
    }
    let (mantissa, power) = match text.split_once('x') {
        Some((mantissa, power)) => (mantissa, power),
        None => ("1", text),
    };
    let exponent = power.strip_prefix("10^").or_else(|| {
        power
            .strip_prefix("10")
            .filter(|e| e.starts_with(['-', '+']))
    })?;
    let digits = exponent.trim_start_matches(['-', '+']);
    let sign_len = exponent.len() - digits.len();
    if sign_len > 1
        || digits.is_empty()
        || digits.len() > 4
        || !digits.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    if mantissa.is_empty()
        || mantissa.matches(['.', ',']).count() > 1
        || !mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || !mantissa.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    // Through the decimal text "2.5e-4" so the float is the one nearest the typed value.
    format!("{}e{exponent}", mantissa.replace(',', "."))
        .parse_f64()
        .ok()
}

/// `value × 10^shift`, computed through the shortest decimal text of `value` so that
/// decimal inputs stay exact (0.1 → 0.001, not 0.0010000000000000002).
fn shift_decimal(value: f64, shift: i32) -> f64 {
    let text = Exp(value).to_string();
    let Some((mantissa, exponent)) = text.split_once('e') else {
        return value * 10f64.powi(shift);
    };
    let Ok(exponent) = exponent.parse::<i32>() else {
        return value * 10f64.powi(shift);
    };
    format!("{mantissa}e{}", exponent + shift)
        .parse_f64()
        .unwrap_or(value * 10f64.powi(shift))
}

/// The decimal text of `0.d1d2d3… × 10^(int_digits)`, i.e. `digits` with the point placed
/// after `int_digits` digits: ("25", -1) → "0.025", ("5", 1) → "5", ("125", 2) → "12.5".
fn decimal_from_digits(digits: &str, int_digits: i32) -> String {
    let len = digits.len() as i32;
    if int_digits <= 0 {
        format!("0.{}{digits}", "0".repeat((-int_digits) as usize))
    } else if int_digits >= len {
        format!("{digits}{}", "0".repeat((int_digits - len) as usize))
    } else {
        let (int, frac) = digits.split_at(int_digits as usize);
        format!("{int}.{frac}")
    }
}

/// An integer exponent in superscript: -4 → "⁻⁴".
fn superscript(exponent: i32) -> String {
    exponent
        .to_string()
        .chars()
        .map(|c| crate::readable::sup_char(c).unwrap_or(c))
        .collect()
}
