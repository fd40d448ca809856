//! Money as integer cents: parsing the format's decimal amounts and printing them with two decimals.

use super::doc::{plain_text, Number};
use std::fmt;

/// The largest amount a scenario may state: 1,000,000,000.00.
pub const MAX_AMOUNT: Cents = Cents(100_000_000_000);

/// An amount of money in cents. Balances may be negative (pay-per-use arrears); arithmetic saturates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(pub i64);

impl Cents {
    /// Zero.
    pub const ZERO: Cents = Cents(0);

    /// `self + other`, saturating at the bounds of `i64`.
    pub const fn plus(self, other: Cents) -> Cents {
        Cents(self.0.saturating_add(other.0))
    }

    /// `self − other`, saturating at the bounds of `i64`.
    pub const fn minus(self, other: Cents) -> Cents {
        Cents(self.0.saturating_sub(other.0))
    }

    /// `self × n`, saturating at the bounds of `i64`.
    pub const fn times(self, n: i64) -> Cents {
        Cents(self.0.saturating_mul(n))
    }

    /// Whether this is below zero.
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Parses a non-negative decimal with at most two decimals (`"30"`, `"30.5"`, `"30.50"`), up to
    /// [`MAX_AMOUNT`].
    pub fn parse(text: &str) -> Result<Cents, String> {
        Self::parse_named(text, || format!("{text:?}"))
    }

    /// [`Cents::parse`], its problems naming the value as `shown` gives it (a text quoted, a JSON
    /// number as the file wrote it); worked out only for a problem.
    fn parse_named(text: &str, shown: impl Fn() -> String) -> Result<Cents, String> {
        let (whole, frac) = match text.split_once('.') {
            Some((whole, frac)) => (whole, frac),
            None => (text, ""),
        };
        let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if text.starts_with('-') && text.len() > 1 {
            return Err(format!(
                "{} is negative; amounts are never negative",
                shown()
            ));
        }
        if whole.is_empty()
            || !digits_only(whole)
            || !digits_only(frac)
            || (text.contains('.') && frac.is_empty())
        {
            return Err(format!(
                "{} is not an amount (like \"30\" or \"30.50\")",
                shown()
            ));
        }
        if frac.len() > 2 {
            return Err(format!("{} has more than two decimals", shown()));
        }
        let whole = whole.trim_start_matches('0');
        if whole.len() > 10 {
            return Err(format!("{} is more than the maximum {MAX_AMOUNT}", shown()));
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().unwrap_or(i64::MAX)
        };
        let frac_cents: i64 = format!("{frac:0<2}").parse().unwrap_or(0);
        let cents = Cents(whole.saturating_mul(100).saturating_add(frac_cents));
        if cents > MAX_AMOUNT {
            return Err(format!("{} is more than the maximum {MAX_AMOUNT}", shown()));
        }
        Ok(cents)
    }

    /// Parses a JSON number with at most two decimals, by way of its shortest decimal text.
    pub fn from_json_number(number: &Number) -> Result<Cents, String> {
        // A problem names the number as the file wrote it, without the quotes of a text.
        let parse = |text: String| Self::parse_named(&text, || number.to_string());
        if let Some(n) = number.as_u64() {
            return parse(n.to_string());
        }
        if let Some(n) = number.as_i64() {
            return Err(format!("{n} is negative; amounts are never negative"));
        }
        let value = number.as_f64();
        if value == 0.0 {
            // `-0` reads as the float -0.0 (as serde_json reads it): zero, not a negative amount.
            return Ok(Cents(0));
        }
        if value < 0.0 {
            return Err(format!("{number} is negative; amounts are never negative"));
        }
        if !value.is_finite() || value > 1e12 {
            return Err(format!("{number} is more than the maximum {MAX_AMOUNT}"));
        }
        // The shortest text that reads back as the same f64, so a number written with at most two
        // decimals comes back with at most two decimals.
        parse(plain_text(value))
    }
}

impl fmt::Display for Cents {
    /// Two decimals, a leading `-` for negative amounts: `"30.00"`, `"-2.40"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_formats_amounts() {
        // text, cents
        let cases = [
            ("30", 3000),
            ("30.5", 3050),
            ("30.50", 3050),
            ("0", 0),
            ("0.05", 5),
            ("007.10", 710),
            ("1000000000", 100_000_000_000),
            ("1000000000.00", 100_000_000_000),
        ];
        for (text, cents) in cases {
            assert_eq!(Cents::parse(text), Ok(Cents(cents)), "{text}");
        }
    }

    #[test]
    fn rejects_bad_amounts_with_a_reason() {
        // text, fragment of the message
        let cases = [
            ("30.123", "more than two decimals"),
            ("-1", "negative"),
            ("1000000000.01", "more than the maximum"),
            ("99999999999999999999999", "more than the maximum"),
            ("", "not an amount"),
            ("30.", "not an amount"),
            (".5", "not an amount"),
            ("1e3", "not an amount"),
            ("3,50", "not an amount"),
            (" 3", "not an amount"),
            ("NaN", "not an amount"),
        ];
        for (text, fragment) in cases {
            let err = Cents::parse(text).unwrap_err();
            assert!(err.contains(fragment), "{text}: {err}");
        }
    }

    #[test]
    fn json_numbers_follow_the_same_rules() {
        let num = |s: &str| match crate::engine::doc::parse_json(s).map(|n| n.v) {
            Ok(crate::engine::doc::Value::Num(n)) => n,
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(Cents::from_json_number(&num("30")), Ok(Cents(3000)));
        assert_eq!(Cents::from_json_number(&num("30.5")), Ok(Cents(3050)));
        assert_eq!(Cents::from_json_number(&num("0.1")), Ok(Cents(10)));
        assert_eq!(Cents::from_json_number(&num("1e2")), Ok(Cents(10000)));
        // Named as a number, not quoted as the text it is checked through.
        assert_eq!(
            Cents::from_json_number(&num("30.125")).unwrap_err(),
            "30.125 has more than two decimals"
        );
        assert_eq!(
            Cents::from_json_number(&num("1000000000000")).unwrap_err(),
            "1000000000000 is more than the maximum 1000000000.00"
        );
        assert!(Cents::from_json_number(&num("-3"))
            .unwrap_err()
            .contains("negative"));
        assert!(Cents::from_json_number(&num("-0.5"))
            .unwrap_err()
            .contains("negative"));
        for zero in ["0", "-0", "-0.0", "0e5", "-0e-3"] {
            assert_eq!(Cents::from_json_number(&num(zero)), Ok(Cents(0)), "{zero}");
        }
        assert_eq!(
            Cents::from_json_number(&num("1e300")).unwrap_err(),
            "1e+300 is more than the maximum 1000000000.00"
        );
        assert!(Cents::from_json_number(&num("1e300"))
            .unwrap_err()
            .contains("maximum"));
    }

    #[test]
    fn prints_two_decimals_with_sign() {
        assert_eq!(Cents(3000).to_string(), "30.00");
        assert_eq!(Cents(-240).to_string(), "-2.40");
        assert_eq!(Cents(5).to_string(), "0.05");
        assert_eq!(Cents(-5).to_string(), "-0.05");
        assert_eq!(Cents(i64::MIN).to_string(), "-92233720368547758.08");
    }
}
