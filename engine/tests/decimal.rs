//! `engine::decimal` against core, the oracle. `parse_f64` against `str::parse::<f64>`: same
//! acceptance, same value (same bits; any NaN for NaN), over typed numbers, arbitrary text,
//! every double's shortest and exact spellings, halfway points between doubles and the
//! classic hard cases. `Shortest`, `Fixed`, `Exp` and `ExpFixed` against `{}`, `{:.N}`,
//! `{:e}` and `{:.Ne}`: the same text for any double.

use engine::decimal::{Exp, ExpFixed, Fixed, ParseF64, Shortest};
use proptest::prelude::*;

/// Fails unless `parse_f64` and core agree on `text`.
fn agrees(text: &str) -> Result<(), TestCaseError> {
    let ours = text.parse_f64().ok();
    let core = text.parse::<f64>().ok();
    match (ours, core) {
        (Some(a), Some(b)) if a.is_nan() && b.is_nan() => Ok(()),
        (Some(a), Some(b)) => {
            prop_assert_eq!(a.to_bits(), b.to_bits(), "{:?}: {} vs core {}", text, a, b);
            Ok(())
        }
        (None, None) => Ok(()),
        _ => Err(TestCaseError::fail(format!(
            "{text:?}: ours {ours:?}, core {core:?}"
        ))),
    }
}

fn check(text: &str) {
    if let Err(e) = agrees(text) {
        panic!("{e}");
    }
}

/// The exact decimal value of `(2m + 1) × 2^-(q + 1)`, the midpoint between `m × 2^-q` and
/// the next multiple, as `(2m + 1) × 5^(q + 1)` with the point `q + 1` places from the right.
fn midpoint_text(m: u64, q: u32) -> String {
    let digits = ((2 * u128::from(m) + 1) * 5u128.pow(q + 1)).to_string();
    let point = q as usize + 1;
    let digits = format!("{digits:0>width$}", width = point + 1);
    let (int, frac) = digits.split_at(digits.len() - point);
    format!("{int}.{frac}")
}

#[test]
fn hard_cases() {
    for text in [
        "0", "-0", "+0", "0.0", "-0.0e5", "00000", ".5", "5.", "-.5e1", "1e0", "1E+2", "1e-2",
        "0.1", "0.2", "0.3", "2.5e-4", "1e-3", "15000", "62.5", "1.7976931348623157e308",
        "1.7976931348623158e308", "1.7976931348623159e308", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
        "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "2.47032822920623272088e-324", "1e-324", "5e-324", "3e-324", "1e-400", "1e400",
        "9007199254740993", "9007199254740992.5", "9007199254740993.0000000000000000001",
        "9007199254740995", "18014398509481990", "123456789012345678901234567890",
        "0.000000000000000000000000000000000000000000000000001e51",
        "1e99999999999999999999999999", "1e-99999999999999999999999999", "0e99999999999",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
        "inf", "-inf", "+Infinity", "INF", "infinity", "nan", "NaN", "-nan", "+NAN",
        "", "+", "-", ".", "e5", "1e", "1e+", "1e-", "1.2.3", "1,5", " 1", "1 ", "++1", "+-1",
        "1e5.5", "0x10", "1_000", "infinit", "nana", "in", "1.5f", "١", "1e+-5", "--1",
    ] {
        check(text);
    }
}

/// Half of a decimal text "0.ddd…", exactly (one more digit when it ends in an odd digit).
fn halve(text: &str) -> String {
    let digits = text.strip_prefix("0.").expect("a fraction");
    let mut out = String::from("0.");
    let mut carry = 0;
    for d in digits.bytes().map(|b| b - b'0').chain(std::iter::once(0)) {
        let v = carry * 10 + d;
        out.push(char::from(b'0' + v / 2));
        carry = v % 2;
    }
    out
}

#[test]
fn long_texts_round_like_their_full_value() {
    // 2^-1074 and half of it (a tie between 0 and the smallest subnormal), written out in
    // full: more digits than are kept exactly, so the last ones only break the tie.
    let smallest = format!("{:.1074}", f64::from_bits(1));
    let half = halve(&smallest);
    check(&smallest);
    check(&half);
    check(&format!("{half}{}1", "0".repeat(50)));
    check(&format!("{:.1074}", f64::from_bits(3)));
    check(&format!("1.{}1", "0".repeat(900)));
    let mid = midpoint_text((1 << 52) + 7, 26);
    check(&mid);
    check(&format!("{mid}{}1", "0".repeat(900)));
    check(&format!("{mid}{}", "0".repeat(900)));
    check(&format!("{}e-700", "9".repeat(1000)));
    check(&format!("0.{}7", "0".repeat(330)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// What clinicians type, and near misses.
    #[test]
    fn typed_numbers(text in "[+-]?[0-9]{0,8}(\\.[0-9]{0,6})?([eE][+-]?[0-9]{1,3})?") {
        agrees(&text)?;
    }

    /// Plain decimals of up to 19 digits with the point anywhere (the short path), and a
    /// little longer (the exact path).
    #[test]
    fn short_plain_decimals(digits in "[0-9]{1,21}", point in 0usize..23) {
        let at = point.min(digits.len());
        let text = if point > digits.len() {
            digits.clone()
        } else {
            format!("{}.{}", &digits[..at], &digits[at..])
        };
        agrees(&text)?;
    }

    /// Integers either side of 2⁵³, where the short path hands over to the exact one, with
    /// a point anywhere.
    #[test]
    fn decimals_near_two_to_the_53(n in ((1u64 << 53) - 2000)..((1u64 << 53) + 2000), point in 0usize..17) {
        let digits = n.to_string();
        let text = format!("{}.{}", &digits[..point], &digits[point..]);
        agrees(&text)?;
        agrees(&digits)?;
    }

    /// Any text over the characters numbers are made of.
    #[test]
    fn number_like_text(text in "[0-9eE.+\\-infatyINFATY]{0,12}") {
        agrees(&text)?;
    }

    /// Arbitrary text.
    #[test]
    fn any_text(text in any::<String>()) {
        agrees(&text)?;
    }

    /// Long digit strings with any exponent: the exact slow path.
    #[test]
    fn long_numbers(
        int in "[0-9]{0,40}",
        frac in "[0-9]{0,40}",
        exp in -400i32..400,
    ) {
        agrees(&format!("{int}.{frac}e{exp}"))?;
    }

    /// Every double's shortest spelling, exponent spelling and 17-digit spelling read back as
    /// core reads them (subnormals and huge values included).
    #[test]
    fn doubles_round_trip(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        agrees(&format!("{x}"))?;
        agrees(&format!("{x:e}"))?;
        agrees(&format!("{x:.16e}"))?;
        agrees(&format!("{x:.25e}"))?;
    }

    /// Exact halfway points between neighbouring doubles (ties to even), and just above and
    /// below them.
    #[test]
    fn halfway_points(m in (1u64 << 52)..(1u64 << 53), q in 0u32..27) {
        let mid = midpoint_text(m, q);
        agrees(&mid)?;
        agrees(&format!("{mid}0000000000000000000001"))?;
        // The midpoint ends in 5: just below it ends in 4999….
        agrees(&format!("{}4{}", &mid[..mid.len() - 1], "9".repeat(22)))?;
    }

    /// Integers above 2^53, halfway or not, up to 2^128.
    #[test]
    fn big_integers(n in any::<u128>(), odd in any::<u64>()) {
        agrees(&n.to_string())?;
        agrees(&((1u128 << 53) | u128::from(odd) | 1).to_string())?;
    }
}

/// Fails unless the four formatters write what core writes for `x`.
fn writes_like_core(x: f64) -> Result<(), TestCaseError> {
    prop_assert_eq!(Shortest(x).to_string(), format!("{x}"), "{{}} of {:?}", x);
    prop_assert_eq!(Exp(x).to_string(), format!("{x:e}"), "{{:e}} of {:?}", x);
    for n in [0, 1, 2, 3, 6] {
        prop_assert_eq!(
            Fixed(x, n).to_string(),
            format!("{x:.n$}"),
            "{{:.{}}} of {:?}",
            n,
            x
        );
        prop_assert_eq!(
            ExpFixed(x, n).to_string(),
            format!("{x:.n$e}"),
            "{{:.{}e}} of {:?}",
            n,
            x
        );
    }
    Ok(())
}

fn check_writes(x: f64) {
    if let Err(e) = writes_like_core(x) {
        panic!("{e}");
    }
}

#[test]
fn writes_hard_cases() {
    for x in [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.2,
        0.3,
        0.5,
        1.5,
        2.5,
        0.125,
        0.375,
        0.05,
        0.15,
        0.25,
        0.35,
        9.995,
        9.5,
        99.5,
        0.001,
        1e-3,
        2.5e-4,
        1.23e-4,
        5e-5,
        0.0123,
        12.5,
        62.0,
        1.83,
        1.835,
        15000.0,
        1e15,
        1e16,
        1e21,
        1e22,
        1e23,
        123456789012345680.0,
        1e300,
        1.7e308,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        1e-323,
        f64::from_bits(0x000f_ffff_ffff_ffff), // the largest subnormal
        f64::EPSILON,
        9007199254740993.0,
        0.1 + 0.2,
        1.0 / 3.0,
        2.0 / 3.0,
        100.0 / 7.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.995,
        0.9995,
        0.99999,
        0.45,
        0.55,
    ] {
        check_writes(x);
        check_writes(-x);
    }
    // Every power of two and of ten in range, and their neighbours.
    // (Every 16th binary exponent here; all of them pass too, but take minutes unoptimised.)
    let powers_of_two = (0..52u64)
        .map(|j| 1 << j)
        .chain((1..2047u64).step_by(16).map(|b| b << 52));
    for bits in powers_of_two {
        check_writes(f64::from_bits(bits));
        check_writes(f64::from_bits(bits + 1));
        check_writes(f64::from_bits(bits - 1));
    }
    for i in (-323..=308).step_by(7) {
        let x: f64 = format!("1e{i}").parse().unwrap();
        check_writes(x);
        check_writes(f64::from_bits(x.to_bits() + 1));
        check_writes(f64::from_bits(x.to_bits() - 1));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any double.
    #[test]
    fn writes_any_double(bits in any::<u64>()) {
        writes_like_core(f64::from_bits(bits))?;
    }

    /// Numbers as the page shows them: typed values, doses, ratios, percentages.
    #[test]
    fn writes_everyday_numbers(whole in 0u64..3_000_000, frac in 0u32..100_000, scale in 0i32..8) {
        let x = (whole as f64 + f64::from(frac) / 100_000.0) / 10f64.powi(scale);
        writes_like_core(x)?;
    }

    /// Decimals as typed (an integer over a power of ten), up to and past the limit of the
    /// double-arithmetic path, and their neighbouring doubles.
    #[test]
    fn writes_short_decimals(m in 1u64..(1u64 << 54), k in 0i32..18, step in -1i64..=1) {
        let x = m as f64 / 10f64.powi(k);
        let x = f64::from_bits((x.to_bits() as i64 + step) as u64);
        writes_like_core(x)?;
    }
}
