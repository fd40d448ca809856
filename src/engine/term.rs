//! Subscription terms: `"1m"`..`"11m"` and `"1y"`..`"5y"`.

use std::fmt;

/// The length of a package purchase or renewal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Term {
    /// `N` months, 1 ≤ N ≤ 11.
    Months(u8),
    /// `N` years, 1 ≤ N ≤ 5.
    Years(u8),
}

impl Default for Term {
    /// One month, the default auto-renew term.
    fn default() -> Self {
        Term::Months(1)
    }
}

impl Term {
    /// Parses `"Nm"` (1..=11) or `"Ny"` (1..=5).
    pub fn parse(text: &str) -> Result<Self, String> {
        let err = || format!("{text:?} is not a term (1m..11m or 1y..5y)");
        // The unit is the last byte; a text ending in any other script is no term (and must not
        // be cut inside a character).
        let (digits, unit) = text
            .split_at_checked(text.len().saturating_sub(1))
            .ok_or_else(err)?;
        // Written as the format writes it: no leading zero ("01m" would not come back as written).
        if digits.is_empty()
            || digits.len() > 2
            || digits.starts_with('0')
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(err());
        }
        let n: u8 = digits.parse().map_err(|_| err())?;
        match unit {
            "m" if (1..=11).contains(&n) => Ok(Term::Months(n)),
            "y" if (1..=5).contains(&n) => Ok(Term::Years(n)),
            _ => Err(err()),
        }
    }

    /// The term's length in months (a year is 12).
    pub fn months(self) -> u32 {
        match self {
            Term::Months(n) => u32::from(n),
            Term::Years(n) => 12 * u32::from(n),
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Months(n) => write!(f, "{n}m"),
            Term::Years(n) => write!(f, "{n}y"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_valid_term_and_nothing_else() {
        for n in 1..=11u8 {
            assert_eq!(Term::parse(&format!("{n}m")), Ok(Term::Months(n)));
        }
        for n in 1..=5u8 {
            assert_eq!(
                Term::parse(&format!("{n}y")).map(Term::months),
                Ok(12 * u32::from(n))
            );
        }
        for bad in [
            "",
            "m",
            "0m",
            "12m",
            "6y",
            "0y",
            "1d",
            "01",
            "01m",
            "05y",
            "00m",
            "1M",
            " 1m",
            "-1m",
            "999m",
            "续费",
            "1年",
            "é",
            "1m\u{301}",
        ] {
            assert!(Term::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            Term::parse("13m").unwrap_err(),
            r#""13m" is not a term (1m..11m or 1y..5y)"#
        );
    }
}
