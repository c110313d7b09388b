//! Decimal text to `f64` and back, without core's float parsing and formatting.
//!
//! `str::parse::<f64>` links core's Eisel-Lemire tables, and `{}`/`{:e}` on an `f64` link
//! core's Grisu and Dragon digit generators with their tables: together about 21 KB of the
//! page's first visit after brotli (README, size budget). This module does both with one
//! small exact big-integer routine, slower but never wrong, and is checked against core bit
//! for bit and character for character in `tests/decimal.rs`:
//!
//! - [`ParseF64::parse_f64`] accepts exactly the texts `str::parse::<f64>` accepts and
//!   returns the same double: the nearest, ties to even, `±inf` above the largest double,
//!   `±0` below the smallest. Texts of up to 19 significant digits with a small exponent
//!   (everything a clinician types) take one exact IEEE operation.
//! - [`Shortest`], [`Fixed`], [`Exp`] and [`ExpFixed`] write what `{}`, `{:.N}`, `{:e}` and
//!   `{:.Ne}` write (no width, fill or sign flags): write `format!("{}", Shortest(x))`
//!   where the engine would write `format!("{x}")`.

use std::cmp::Ordering;
use std::fmt;

/// The text is not a number `str::parse::<f64>` would read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidFloat;

/// `parse_f64` on text, as `parse::<f64>` but without core's float parser.
pub trait ParseF64 {
    /// The nearest `f64` to the decimal number in the text: same grammar and same result as
    /// `str::parse::<f64>` (sign, digits with one optional point, optional exponent;
    /// `inf`, `infinity` and `nan` in any case).
    fn parse_f64(&self) -> Result<f64, InvalidFloat>;
}

impl ParseF64 for str {
    fn parse_f64(&self) -> Result<f64, InvalidFloat> {
        parse(self.as_bytes())
    }
}

/// Significant digits kept exactly. A double's halfway points need at most 767; a longer
/// text keeps its first `MAX_DIGITS` digits and a final 1 if any dropped digit is not 0,
/// which rounds the same way as the full text.
const MAX_DIGITS: usize = 800;

/// Exact powers of ten as doubles (10²² is the largest).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

fn parse(text: &[u8]) -> Result<f64, InvalidFloat> {
    let (negative, rest) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        f64::INFINITY
    } else if rest.eq_ignore_ascii_case(b"nan") {
        f64::NAN
    } else if let Some(value) = short_decimal_value(rest) {
        value
    } else {
        let (digits, exponent) = decimal_parts(rest).ok_or(InvalidFloat)?;
        nearest(&digits, exponent)
    };
    Ok(if negative { -magnitude } else { magnitude })
}

/// The value of a short plain decimal ("34", "0.125", "15000"), what the form almost always
/// holds: an integer below 2⁵³ divided by an exact power of ten, which one correctly rounded
/// division gives (Clinger's fast path), with no allocation. `None` for anything else, which
/// the exact path reads.
fn short_decimal_value(text: &[u8]) -> Option<f64> {
    // At most 19 digits, so the integer cannot overflow a u64.
    if text.len() > 19 {
        return None;
    }
    let (mut integer, mut decimals, mut point, mut digit) = (0u64, 0usize, false, false);
    for &c in text {
        match c {
            b'0'..=b'9' => {
                integer = integer * 10 + u64::from(c - b'0');
                decimals += usize::from(point);
                digit = true;
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    if !digit || integer >= 1 << 53 {
        return None;
    }
    // Exact: below 2⁵³, and 10^decimals is exact for the at most 19 decimals here.
    let integer = integer as f64;
    Some(if decimals == 0 {
        integer
    } else {
        integer / POW10[decimals]
    })
}

/// The significant digits (no leading or trailing zeros, values 0–9) and the power of ten
/// they are multiplied by: "0.0250" → ([2, 5], -3). `None` if the text is not a number.
fn decimal_parts(text: &[u8]) -> Option<(Vec<u8>, i64)> {
    let mut digits = Vec::new();
    let mut exponent: i64 = 0;
    let mut seen_digit = false;
    let mut seen_point = false;
    let mut dropped_nonzero = false;
    let mut i = 0;
    while let Some(&c) = text.get(i) {
        match c {
            b'0'..=b'9' => {
                seen_digit = true;
                if seen_point {
                    exponent -= 1;
                }
                if digits.is_empty() && c == b'0' {
                    // A leading zero: only its place counts.
                } else if digits.len() < MAX_DIGITS {
                    digits.push(c - b'0');
                } else {
                    // Dropped: its place still counts.
                    exponent += 1;
                    dropped_nonzero |= c != b'0';
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    if let Some(&c) = text.get(i) {
        if c != b'e' && c != b'E' {
            return None;
        }
        let (negative, start) = match text.get(i + 1) {
            Some(b'-') => (true, i + 2),
            Some(b'+') => (false, i + 2),
            _ => (false, i + 1),
        };
        let power = &text[start.min(text.len())..];
        if power.is_empty() || !power.iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Saturates far beyond any double: the result is then 0 or infinity either way.
        let value = power.iter().fold(0i64, |acc, d| {
            (acc * 10 + i64::from(d - b'0')).min(1_000_000_000_000_000)
        });
        exponent += if negative { -value } else { value };
    }
    if dropped_nonzero {
        digits.push(1);
        exponent -= 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    Some((digits, exponent))
}

/// The double nearest `digits × 10^exponent`, ties to even.
fn nearest(digits: &[u8], exponent: i64) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    // The number lies in [10^(place - 1), 10^place).
    let place = digits.len() as i64 + exponent;
    if place > 310 {
        return f64::INFINITY; // ≥ 1e309
    }
    if place < -323 {
        return 0.0; // < 1e-324, below half the smallest subnormal
    }
    if digits.len() <= 19 {
        let whole = digits.iter().fold(0u64, |acc, &d| acc * 10 + u64::from(d));
        if whole < 1 << 53 && exponent.unsigned_abs() < POW10.len() as u64 {
            // Both operands are exact, so the one rounding is IEEE's (Clinger's fast path).
            let power = POW10[exponent.unsigned_abs() as usize];
            let whole = whole as f64;
            return if exponent < 0 {
                whole / power
            } else {
                whole * power
            };
        }
    }
    // numerator / denominator = digits × 10^exponent, exactly.
    let mut numerator = Big::from_digits(digits);
    let mut denominator = Big::one();
    for _ in 0..exponent.unsigned_abs() {
        if exponent < 0 {
            denominator.mul_small(10);
        } else {
            numerator.mul_small(10);
        }
    }
    // Scale by a power of two so that the quotient has 63 or 64 bits: 53 for the double,
    // more to round with, and the remainder says whether anything is left below them.
    let shift = 63 + denominator.bits() as i64 - numerator.bits() as i64;
    if shift > 0 {
        numerator.shl(shift as usize);
    } else {
        denominator.shl((-shift) as usize);
    }
    let quotient = numerator.div_rem(&denominator);
    let quotient = u64::from(quotient.limb(0)) | u64::from(quotient.limb(1)) << 32;
    round(quotient, -shift, numerator.bits() > 0)
}

/// The double nearest `(quotient + ε) × 2^power`, ties to even, where ε is 0 if `!inexact`
/// and some value strictly between 0 and 1 otherwise. `quotient` has 63 or 64 bits.
fn round(quotient: u64, power: i64, inexact: bool) -> f64 {
    let bits = 64 - i64::from(quotient.leading_zeros());
    // The binary exponent of the leading bit, and how many bits the double keeps.
    let top = bits - 1 + power;
    if top > 1023 {
        return f64::INFINITY;
    }
    let keep = if top >= -1022 { 53 } else { top + 1075 };
    let drop = bits - keep; // ≥ 10, since the quotient has ≥ 63 bits
    if drop > bits {
        return 0.0; // below half the smallest subnormal
    }
    let mut mantissa = if drop >= 64 { 0 } else { quotient >> drop };
    let half = 1u64 << (drop - 1);
    let below = quotient & (half.wrapping_shl(1).wrapping_sub(1));
    if below > half || (below == half && (inexact || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    let mut lsb_power = power + drop;
    if mantissa == 1 << 53 {
        mantissa >>= 1;
        lsb_power += 1;
    }
    if mantissa < 1 << 52 {
        // Subnormal (or rounded up into the smallest normal, which the same bits encode).
        return f64::from_bits(mantissa);
    }
    let biased = lsb_power + 52 + 1023;
    if biased >= 2047 {
        return f64::INFINITY;
    }
    f64::from_bits(((biased as u64) << 52) | (mantissa & ((1 << 52) - 1)))
}

/// Writes an `f64` as `{}` does: the shortest digits that read back as the same double,
/// without an exponent ("0.0001", "1500", "12.5", "-0", "NaN", "inf").
#[derive(Debug, Clone, Copy)]
pub struct Shortest(pub f64);

/// Writes an `f64` as `{:.N}` does: N decimals of the exact value, rounded half to even.
#[derive(Debug, Clone, Copy)]
pub struct Fixed(pub f64, pub usize);

/// Writes an `f64` as `{:e}` does: the shortest digits in scientific form ("2.5e-4").
#[derive(Debug, Clone, Copy)]
pub struct Exp(pub f64);

/// Writes an `f64` as `{:.Ne}` does: N decimals in scientific form, rounded half to even
/// ("2.50e-4").
#[derive(Debug, Clone, Copy)]
pub struct ExpFixed(pub f64, pub usize);

impl fmt::Display for Shortest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Everyday numbers are written from a buffer on the stack: no allocation.
        let x = self.0;
        if x.is_finite() && x != 0.0 {
            if let Some((digits, power10)) = short_decimal(x.abs()) {
                let mut buf = [0u8; 40];
                let len = plain(&mut buf, x < 0.0, &digits, power10);
                if let Some(Ok(text)) = buf.get(..len).map(std::str::from_utf8) {
                    return f.write_str(text);
                }
            }
        }
        f.write_str(&render(x, Mode::Shortest))
    }
}

/// Writes `digits × 10^power10` (as [`short_decimal`] returns them: at most 16 digits, at
/// most 15 decimals, under 2⁵²) without an exponent into `buf`; returns the length.
fn plain(buf: &mut [u8; 40], negative: bool, digits: &[u8], power10: i64) -> usize {
    let mut len = 0;
    let mut put = |b: u8| {
        if let Some(slot) = buf.get_mut(len) {
            *slot = b;
            len += 1;
        }
    };
    if negative {
        put(b'-');
    }
    let whole = digits.len() as i64 + power10;
    if whole <= 0 {
        put(b'0');
        put(b'.');
        (0..-whole).for_each(|_| put(b'0'));
        digits.iter().for_each(|&d| put(b'0' + d));
    } else {
        for (i, &d) in digits.iter().enumerate() {
            if i as i64 == whole {
                put(b'.');
            }
            put(b'0' + d);
        }
        (0..power10.max(0)).for_each(|_| put(b'0'));
    }
    len
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render(self.0, Mode::Fixed(self.1)))
    }
}

impl fmt::Display for Exp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render(self.0, Mode::Exp))
    }
}

impl fmt::Display for ExpFixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render(self.0, Mode::ExpFixed(self.1)))
    }
}

#[derive(Clone, Copy)]
enum Mode {
    Shortest,
    Fixed(usize),
    Exp,
    ExpFixed(usize),
}

fn render(x: f64, mode: Mode) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    // |x| = mantissa × 2^power2
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let mut mantissa = bits & ((1 << 52) - 1);
    if biased > 0 {
        mantissa |= 1 << 52;
    }
    let power2 = biased.max(1) - 1075;
    // The value to write is digits × 10^power10.
    let (digits, power10) = match mode {
        Mode::Shortest | Mode::Exp if mantissa == 0 => (vec![0], 0),
        Mode::Shortest | Mode::Exp => match short_decimal(x.abs()) {
            Some((digits, power10)) => (digits.to_vec(), power10),
            None => shortest(mantissa, power2, x.abs()),
        },
        Mode::Fixed(decimals) => {
            let mut digits = rounded(mantissa, power2, decimals as i64).into_digits();
            if digits.is_empty() {
                digits.push(0);
            }
            (digits, -(decimals as i64))
        }
        Mode::ExpFixed(decimals) if mantissa == 0 => (vec![0; decimals + 1], -(decimals as i64)),
        Mode::ExpFixed(decimals) => {
            let mut top = leading_power(mantissa, power2);
            let mut digits = rounded(mantissa, power2, decimals as i64 - top).into_digits();
            if digits.len() > decimals + 1 {
                // Rounded up to the next power of ten: 9.995 → 10.00 → 1.000e1.
                digits.pop();
                top += 1;
            }
            (digits, top - decimals as i64)
        }
    };
    let text = |digits: &[u8]| {
        digits
            .iter()
            .map(|&d| char::from(b'0' + d))
            .collect::<String>()
    };
    let len = digits.len() as i64;
    match mode {
        Mode::Shortest | Mode::Fixed(_) => {
            let whole = len + power10;
            if power10 >= 0 {
                out.push_str(&text(&digits));
                out.extend(std::iter::repeat_n('0', power10 as usize));
            } else if whole > 0 {
                let (int, frac) = digits.split_at(whole as usize);
                out.push_str(&text(int));
                out.push('.');
                out.push_str(&text(frac));
            } else {
                out.push_str("0.");
                out.extend(std::iter::repeat_n('0', (-whole) as usize));
                out.push_str(&text(&digits));
            }
        }
        Mode::Exp | Mode::ExpFixed(_) => {
            let (first, rest) = digits.split_at(1);
            out.push_str(&text(first));
            if !rest.is_empty() {
                out.push('.');
                out.push_str(&text(rest));
            }
            out.push('e');
            out.push_str(&(power10 + len - 1).to_string());
        }
    }
    out
}

/// `mantissa × 2^power2 × 10^power10` rounded to an integer, half to even.
fn rounded(mantissa: u64, power2: i64, power10: i64) -> Big {
    let (mut value, rest) = scaled(mantissa, power2, power10);
    let odd = value.limb(0) & 1 == 1;
    if rest == Ordering::Greater || (rest == Ordering::Equal && odd) {
        value.add_small(1);
    }
    value
}

/// `mantissa × 2^power2 × 10^power10`, cut to an integer, and how the cut-off fraction
/// compares with one half.
fn scaled(mantissa: u64, power2: i64, power10: i64) -> (Big, Ordering) {
    let mut numerator = Big(vec![mantissa as u32, (mantissa >> 32) as u32]);
    let mut denominator = Big::one();
    if power2 > 0 {
        numerator.shl(power2 as usize);
    } else {
        denominator.shl(power2.unsigned_abs() as usize);
    }
    for _ in 0..power10.unsigned_abs() {
        if power10 > 0 {
            numerator.mul_small(10);
        } else {
            denominator.mul_small(10);
        }
    }
    let quotient = numerator.div_rem(&denominator);
    numerator.shl(1);
    (quotient, numerator.cmp_shifted(&denominator, 0))
}

/// The power of ten of the leading digit of `mantissa × 2^power2` (not zero).
fn leading_power(mantissa: u64, power2: i64) -> i64 {
    let top_bit = 63 - i64::from(mantissa.leading_zeros()) + power2;
    // ⌊top_bit × log10 2⌋ within one; then checked exactly.
    let mut power = (top_bit * 78_913) >> 18;
    while scaled(mantissa, power2, -(power + 1)).0.bits() > 0 {
        power += 1;
    }
    while scaled(mantissa, power2, -power).0.bits() == 0 {
        power -= 1;
    }
    power
}

/// The shortest digits that read back as `value` (`mantissa × 2^power2`, not zero), and
/// their power of ten: of the two numbers with that many digits either side of the value,
/// the nearer one that reads back, the upper one on a tie — as core's Grisu and Dragon do.
fn shortest(mantissa: u64, power2: i64, value: f64) -> (Vec<u8>, i64) {
    let top = leading_power(mantissa, power2);
    let mut count = 1;
    loop {
        let power10 = top + 1 - count;
        let (cut, rest) = scaled(mantissa, power2, -power10);
        let down = cut.into_digits();
        let mut up = down.clone();
        increment(&mut up);
        let down_ok = nearest(&down, power10) == value;
        let up_ok = nearest(&up, power10) == value;
        // 17 digits always read back; the loop ends there at the latest.
        if down_ok || up_ok || count >= 17 {
            let pick_up = up_ok && (!down_ok || rest != Ordering::Less);
            let mut digits = if pick_up { up } else { down };
            let mut power10 = power10;
            while digits.len() > 1 && digits.last() == Some(&0) {
                digits.pop();
                power10 += 1;
            }
            return (digits, power10);
        }
        count += 1;
    }
}

/// The shortest digits of `value` (positive, finite) and their power of ten, found with
/// double arithmetic when `value` has at most 15 decimals and fewer than 2⁵² units of its
/// last one — every number a clinician types or a dose rounded to two decimals — else
/// `None`, for [`shortest`]'s exact search.
///
/// Why it is exact: with `k` decimals, `c / 10^k` for an integer `c < 2⁵²` is one correctly
/// rounded IEEE division, so it equals `value` exactly when the decimal `c × 10^-k` reads
/// back as `value`. Below 2⁵² units the doubles are closer together than `10^-k`, so at most
/// one such `c` reads back for each `k`, and the first `k` that has one gives the fewest
/// digits (as [`shortest`] would).
fn short_decimal(value: f64) -> Option<(Digits, i64)> {
    const LIMIT: f64 = (1u64 << 52) as f64;
    for (k, &scale) in POW10.iter().enumerate().take(16) {
        let product = value * scale;
        if product >= LIMIT {
            return None;
        }
        // The product is rounded, so the integer that reads back may be a neighbour.
        let near = product.round() as u64;
        let hit = [near, near + 1, near.saturating_sub(1)]
            .into_iter()
            .find(|&c| c > 0 && c as f64 / scale == value);
        if let Some(mut c) = hit {
            let mut power10 = -(k as i64);
            while c % 10 == 0 {
                c /= 10;
                power10 += 1;
            }
            return Some((Digits::of(c), power10));
        }
    }
    None
}

/// The decimal digits of an integer below 2⁵² (at most 16), most significant first, kept
/// on the stack.
struct Digits {
    buf: [u8; 16],
    len: usize,
}

impl Digits {
    fn of(mut n: u64) -> Self {
        let mut buf = [0u8; 16];
        let mut len = 0;
        while n > 0 && len < buf.len() {
            buf[len] = (n % 10) as u8;
            n /= 10;
            len += 1;
        }
        buf[..len].reverse();
        Digits { buf, len }
    }
}

impl std::ops::Deref for Digits {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Adds one to a decimal number (digits 0–9, most significant first).
fn increment(digits: &mut Vec<u8>) {
    for digit in digits.iter_mut().rev() {
        if *digit == 9 {
            *digit = 0;
        } else {
            *digit += 1;
            return;
        }
    }
    digits.insert(0, 1);
}

/// A non-negative integer, 32-bit limbs, least significant first.
struct Big(Vec<u32>);

impl Big {
    fn one() -> Self {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Self {
        let mut n = Big(Vec::new());
        for &d in digits {
            n.mul_small(10);
            n.add_small(u32::from(d));
        }
        n
    }

    fn mul_small(&mut self, factor: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn add_small(&mut self, addend: u32) {
        let mut carry = u64::from(addend);
        for limb in &mut self.0 {
            if carry == 0 {
                return;
            }
            let sum = u64::from(*limb) + carry;
            *limb = sum as u32;
            carry = sum >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// The number of significant bits (0 for zero).
    fn bits(&self) -> usize {
        match self.0.iter().rposition(|&l| l != 0) {
            Some(top) => top * 32 + 32 - self.0[top].leading_zeros() as usize,
            None => 0,
        }
    }

    fn shl(&mut self, by: usize) {
        let len = (self.bits() + by).div_ceil(32);
        self.0 = (0..len).map(|i| self.shifted_limb(i, by)).collect();
    }

    /// `self` compared with `other << by`.
    fn cmp_shifted(&self, other: &Big, by: usize) -> Ordering {
        let len = self.bits().max(other.bits() + by).div_ceil(32);
        for i in (0..len).rev() {
            let (a, b) = (self.limb(i), other.shifted_limb(i, by));
            if a != b {
                return a.cmp(&b);
            }
        }
        Ordering::Equal
    }

    /// `self -= other << by`; `self` must be at least that large.
    fn sub_shifted(&mut self, other: &Big, by: usize) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let diff = i64::from(*limb) - i64::from(other.shifted_limb(i, by)) - borrow;
            *limb = diff as u32;
            borrow = i64::from(diff < 0);
        }
    }

    fn limb(&self, i: usize) -> u32 {
        self.0.get(i).copied().unwrap_or(0)
    }

    /// Limb `i` of `self << by`.
    fn shifted_limb(&self, i: usize, by: usize) -> u32 {
        let (limbs, bits) = (by / 32, by % 32);
        let Some(j) = i.checked_sub(limbs) else {
            return 0;
        };
        if bits == 0 {
            return self.limb(j);
        }
        let low = j.checked_sub(1).map_or(0, |k| self.limb(k) >> (32 - bits));
        (self.limb(j) << bits) | low
    }

    /// `self / divisor`, by shift and subtract; `self` is left holding the remainder.
    fn div_rem(&mut self, divisor: &Big) -> Big {
        let span = self.bits().saturating_sub(divisor.bits());
        let mut quotient = Big(vec![0; span / 32 + 1]);
        for by in (0..=span).rev() {
            if self.cmp_shifted(divisor, by) != Ordering::Less {
                self.sub_shifted(divisor, by);
                if let Some(limb) = quotient.0.get_mut(by / 32) {
                    *limb |= 1 << (by % 32);
                }
            }
        }
        quotient
    }

    /// `self / divisor`, returning the remainder.
    fn div_rem_small(&mut self, divisor: u32) -> u32 {
        let mut rest = 0u64;
        for limb in self.0.iter_mut().rev() {
            let current = (rest << 32) | u64::from(*limb);
            *limb = (current / u64::from(divisor)) as u32;
            rest = current % u64::from(divisor);
        }
        rest as u32
    }

    /// The decimal digits (values 0–9), most significant first; none for zero.
    fn into_digits(mut self) -> Vec<u8> {
        let mut digits = Vec::new();
        while self.bits() > 0 {
            digits.push(self.div_rem_small(10) as u8);
        }
        digits.reverse();
        digits
    }
}
