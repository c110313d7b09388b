//! Numbers as the page shows them. A number shown beside a decision never contradicts it:
//! values the user entered are shown as entered ([`exact`]), and computed values are rounded
//! only where rounding cannot carry them across a threshold they were compared with
//! ([`beside`]). "49.996% marrow blasts" never reads "50%" next to "pre-phase not needed".

use std::fmt;

use crate::decimal::Shortest;

/// A number with at most two decimals and no trailing zeros: 62, 12.5, 1.33. For computed
/// values that no decision compares (doses, BSA-derived amounts).
#[derive(Debug, Clone, Copy)]
pub struct Num(pub f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rounded = (self.0 * 100.0).round() / 100.0;
        // Straight to the number's own Display: `write!` would go through the formatting
        // machinery a second time.
        if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
            fmt::Display::fmt(&(rounded as i64), f)
        } else {
            fmt::Display::fmt(&Shortest(rounded), f)
        }
    }
}

/// Trims a computed number for display: see [`Num`].
pub fn num(value: f64) -> Num {
    Num(value)
}

/// A value as entered: the shortest decimal that reads back as the same number, so 49.996
/// stays 49.996 and 62 stays 62.
#[derive(Debug, Clone, Copy)]
pub struct Exact(pub f64);

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            fmt::Display::fmt(&(self.0 as i64), f)
        } else {
            fmt::Display::fmt(&Shortest(self.0), f)
        }
    }
}

/// A value as entered: see [`Exact`].
pub fn exact(value: f64) -> Exact {
    Exact(value)
}

/// A computed value compared with `threshold`: rounded to two decimals when the rounded
/// number stands on the same side of the threshold (below, equal, above) as the value, and
/// shown in full otherwise, so LDH 1.004 × ULN never reads "1 × ULN" beside "elevated".
pub fn beside(value: f64, threshold: f64) -> Exact {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.partial_cmp(&threshold) == value.partial_cmp(&threshold) {
        Exact(rounded)
    } else {
        Exact(value)
    }
}

/// An age in years as entered, or in months under two years, where months are what a
/// paediatrician reads (0.5 years is "6 months"). Written when formatted: most label checks
/// that could name the age do not apply, and an eager string would be built for nothing.
pub fn age(years: f64) -> Age {
    Age(years)
}

/// An age as the aid writes it: see [`age`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Age(pub f64);

impl fmt::Display for Age {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let years = self.0;
        if years < 2.0 {
            let months = (years * 12.0).round();
            // Whole months are written as such, when they are exactly the age entered (so an
            // age a hair under 1 month never reads "1 month"); otherwise the years as entered.
            if months / 12.0 == years {
                let m = months as i64;
                return write!(f, "{m} month{}", if m == 1 { "" } else { "s" });
            }
        }
        write!(f, "{} years", exact(years))
    }
}

/// A count with thousands separators, as entered otherwise ("15,000", "14,999.5").
pub fn grouped(value: f64) -> String {
    let whole = exact(value).to_string();
    let int_end = whole.find('.').unwrap_or(whole.len());
    let first_digit = whole[..int_end]
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(int_end);
    let digits = int_end - first_digit;
    if digits <= 3 {
        return whole;
    }
    let mut out = String::with_capacity(whole.len() + digits / 3);
    out.push_str(&whole[..first_digit]);
    for (i, c) in whole[first_digit..int_end].chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 && c.is_ascii_digit() {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(&whole[int_end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entered_values_are_shown_as_entered() {
        assert_eq!(exact(49.996).to_string(), "49.996");
        assert_eq!(exact(62.0).to_string(), "62");
        assert_eq!(exact(17.99).to_string(), "17.99");
        assert_eq!(grouped(14_999.5), "14,999.5");
        assert_eq!(grouped(15_000.0), "15,000");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(1_234_567.0), "1,234,567");
        assert_eq!(grouped(1_000.0), "1,000");
        assert_eq!(grouped(0.125), "0.125");
        assert_eq!(grouped(-123_456.0), "-123,456");
    }

    #[test]
    fn computed_values_keep_their_side() {
        assert_eq!(beside(1.004, 1.0).to_string(), "1.004");
        assert_eq!(beside(1.333, 1.0).to_string(), "1.33");
        assert_eq!(beside(29.996, 30.0).to_string(), "29.996");
        assert_eq!(beside(30.0, 30.0).to_string(), "30");
        assert_eq!(num(12.5).to_string(), "12.5");
        assert_eq!(num(26.456).to_string(), "26.46");
    }

    #[test]
    fn ages() {
        assert_eq!(age(0.5).to_string(), "6 months");
        assert_eq!(age(1.0 / 12.0).to_string(), "1 month");
        assert_eq!(age(0.05).to_string(), "0.05 years");
        assert_eq!(age(17.99).to_string(), "17.99 years");
        assert_eq!(age(40.0).to_string(), "40 years");
    }
}
