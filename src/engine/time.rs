//! Local wall-clock instants (one-second resolution) in a fixed UTC offset, and the month rules.
//!
//! Every scenario time is local to the scenario's fixed offset, so the engine works in plain local
//! seconds and only attaches the offset when it writes RFC 3339 text.

use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveDateTime, Timelike};
use std::fmt;

/// Seconds in a calendar day (a fixed offset has no daylight saving, so every day has 86 400).
pub const SECS_PER_DAY: i64 = 86_400;
/// Seconds in an hour.
pub const SECS_PER_HOUR: i64 = 3_600;
/// Earliest year a scenario may use.
pub const MIN_YEAR: i32 = 1900;
/// Latest year a scenario may use (leaves room for 100 years of simulation plus 5-year terms).
pub const MAX_YEAR: i32 = 9000;

/// Days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// A local instant: whole seconds since 1970-01-01T00:00:00 in the scenario's offset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(i64);

impl Time {
    /// The latest representable instant ("never").
    pub const MAX: Time = Time(i64::MAX);

    /// The instant `secs` seconds after 1970-01-01T00:00:00 local.
    pub const fn from_secs(secs: i64) -> Self {
        Time(secs)
    }

    /// Seconds since 1970-01-01T00:00:00 local.
    pub const fn secs(self) -> i64 {
        self.0
    }

    /// Midnight (00:00:00) at the start of `date`.
    pub fn midnight(date: NaiveDate) -> Self {
        Time((i64::from(date.num_days_from_ce()) - UNIX_EPOCH_DAYS_FROM_CE) * SECS_PER_DAY)
    }

    /// `hour`:00:00 on `date`.
    pub fn at_hour(date: NaiveDate, hour: u32) -> Self {
        Self::midnight(date).plus_secs(i64::from(hour) * SECS_PER_HOUR)
    }

    /// 23:59:59 on `date`, the last second a package expiring on `date` is valid.
    pub fn end_of_day(date: NaiveDate) -> Self {
        Self::midnight(date).plus_secs(SECS_PER_DAY - 1)
    }

    /// The instant of a naive local date-time.
    pub fn from_naive(naive: NaiveDateTime) -> Self {
        Time(naive.and_utc().timestamp())
    }

    /// This instant as a naive local date-time.
    pub fn naive(self) -> NaiveDateTime {
        DateTime::from_timestamp(self.0, 0)
            .map(|d| d.naive_utc())
            .unwrap_or_default()
    }

    /// The local calendar date of this instant.
    pub fn date(self) -> NaiveDate {
        i32::try_from(self.0.div_euclid(SECS_PER_DAY) + UNIX_EPOCH_DAYS_FROM_CE)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .unwrap_or_default()
    }

    /// Seconds since local midnight.
    pub fn second_of_day(self) -> i64 {
        self.0.rem_euclid(SECS_PER_DAY)
    }

    /// This instant moved by `secs` seconds (saturating, never panics).
    pub const fn plus_secs(self, secs: i64) -> Self {
        Time(self.0.saturating_add(secs))
    }

    /// This instant moved by `days` whole days of 24 hours.
    pub const fn plus_days(self, days: i64) -> Self {
        self.plus_secs(days.saturating_mul(SECS_PER_DAY))
    }

    /// The first `hour`:00:00 strictly after this instant.
    pub fn next_hour_of_day_after(self, hour: u32) -> Self {
        let today = Time(self.0 - self.second_of_day() + i64::from(hour) * SECS_PER_HOUR);
        if today > self {
            today
        } else {
            today.plus_days(1)
        }
    }

    /// Parses the scenario format's local time, exactly `YYYY-MM-DDTHH:MM:SS`.
    pub fn parse_local(text: &str) -> Result<Self, String> {
        // The shape from `offset` on, where the year takes the first four bytes.
        let shaped = |text: &str, offset: usize| {
            text.bytes().enumerate().all(|(i, b)| match i + offset {
                4 | 7 => b == b'-',
                10 => b == b'T',
                13 | 16 => b == b':',
                _ => b.is_ascii_digit(),
            })
        };
        let shape_ok = text.len() == 19 && shaped(text, 0);
        // A year of five or more digits (as a date field writes year 10000: `+010000-…`) is a
        // time in the right shape, outside the years modelled: said so, not "not a local time".
        let long_year = !shape_ok
            && text
                .trim_start_matches('+')
                .split_once('-')
                .is_some_and(|(year, rest)| {
                    year.len() > 4
                        && year.bytes().all(|b| b.is_ascii_digit())
                        && rest.len() == 14
                        && shaped(rest, 5)
                });
        if long_year {
            return Err(format!(
                "{text:?} is outside the supported years {MIN_YEAR} to {MAX_YEAR}"
            ));
        }
        if !shape_ok {
            return Err(format!(
                "{text:?} is not a local time (YYYY-MM-DDTHH:MM:SS)"
            ));
        }
        let num = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(u32::MAX);
        let (year, month, day) = (num(0..4), num(5..7), num(8..10));
        let (hour, minute, second) = (num(11..13), num(14..16), num(17..19));
        let year = i32::try_from(year).unwrap_or(i32::MAX);
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(format!(
                "{text:?} is outside the supported years {MIN_YEAR} to {MAX_YEAR}"
            ));
        }
        let date = NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| format!("{text:?} is not a real date"))?;
        let time = chrono::NaiveTime::from_hms_opt(hour, minute, second)
            .ok_or_else(|| format!("{text:?} is not a real time of day"))?;
        Ok(Self::from_naive(date.and_time(time)))
    }

    /// The scenario format's local text, `YYYY-MM-DDTHH:MM:SS`.
    pub fn local_string(self) -> String {
        let n = self.naive();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            n.year(),
            n.month(),
            n.day(),
            n.hour(),
            n.minute(),
            n.second()
        )
    }

    /// RFC 3339 with the offset, e.g. `2026-04-09T00:00:00+08:00`.
    pub fn rfc3339(self, offset: Offset) -> String {
        format!("{}{}", self.local_string(), offset)
    }
}

/// Adds whole months to a purchase date, clamping to the target month's length (§2).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(date)
}

/// The expiry date `X` of a package bought at `purchase` for `months` months (§2): the purchase
/// date plus the months, clamped to the target month's length.
pub fn purchase_expiry(purchase: Time, months: u32) -> NaiveDate {
    add_months(purchase.date(), months)
}

/// Extends an expiry date by whole months (§2): a month's last day stays a month's last day.
pub fn extend_expiry(expiry: NaiveDate, months: u32) -> NaiveDate {
    let target = add_months(expiry, months);
    if is_last_day_of_month(expiry) {
        last_day_of_month(target)
    } else {
        target
    }
}

/// Whether `date` is the last day of its month.
pub fn is_last_day_of_month(date: NaiveDate) -> bool {
    date.succ_opt()
        .is_none_or(|next| next.month() != date.month())
}

fn last_day_of_month(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    add_months(first, 1).pred_opt().unwrap_or(date)
}

/// A fixed UTC offset in whole minutes, written `±HH:MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Offset {
    minutes: i32,
}

impl Default for Offset {
    /// `+08:00`, the offset in which the provider states its 03:00 deduction time.
    fn default() -> Self {
        Offset { minutes: 8 * 60 }
    }
}

impl Offset {
    /// The offset `minutes` east of UTC, if it lies within −12:00..=+14:00.
    pub fn from_minutes(minutes: i32) -> Option<Self> {
        (-12 * 60..=14 * 60)
            .contains(&minutes)
            .then_some(Offset { minutes })
    }

    /// Minutes east of UTC.
    pub fn minutes(self) -> i32 {
        self.minutes
    }

    /// Parses `±HH:MM` (from −12:00 to +14:00, the offsets in civil use).
    pub fn parse(text: &str) -> Result<Self, String> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 6
            && matches!(bytes[0], b'+' | b'-')
            && bytes[3] == b':'
            && [1, 2, 4, 5].iter().all(|&i| bytes[i].is_ascii_digit());
        if !shape_ok {
            return Err(format!(
                "{text:?} is not a UTC offset (±HH:MM, e.g. +08:00)"
            ));
        }
        let hours: i32 = text[1..3].parse().unwrap_or(99);
        let minutes: i32 = text[4..6].parse().unwrap_or(99);
        if minutes > 59 {
            return Err(format!(
                "{text:?} is not a UTC offset: minutes run 00 to 59"
            ));
        }
        let sign = if bytes[0] == b'-' { -1 } else { 1 };
        Self::from_minutes(sign * (hours * 60 + minutes))
            .ok_or_else(|| format!("{text:?} is outside the offsets in use (-12:00 to +14:00)"))
    }
}

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minutes < 0 { '-' } else { '+' };
        let abs = self.minutes.abs();
        write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn local_text_round_trips() {
        let t = Time::parse_local("2026-04-09T23:59:59").unwrap();
        assert_eq!(t.local_string(), "2026-04-09T23:59:59");
        assert_eq!(t.rfc3339(Offset::default()), "2026-04-09T23:59:59+08:00");
        let early = Time::parse_local("1901-02-03T04:05:06").unwrap();
        assert_eq!(early.local_string(), "1901-02-03T04:05:06");
        assert_eq!(early.date(), d("1901-02-03"));
    }

    #[test]
    fn rejects_bad_local_times() {
        // text, the fragment the message must contain
        let cases = [
            ("2026-02-30T00:00:00", "not a real date"),
            ("2026-01-01T24:00:00", "not a real time"),
            ("2026-01-01 00:00:00", "not a local time"),
            ("2026-01-01T00:00:00Z", "not a local time"),
            ("0100-01-01T00:00:00", "outside the supported years"),
            ("２026-01-01T00:00:00", "not a local time"),
            (
                "10000-01-01T00:00:00",
                "outside the supported years 1900 to 9000",
            ),
            (
                "+010000-01-01T00:00:00",
                "outside the supported years 1900 to 9000",
            ),
            ("10000-01-01T00:00", "not a local time"),
            ("10000-01-01", "not a local time"),
        ];
        for (text, fragment) in cases {
            let err = Time::parse_local(text).unwrap_err();
            assert!(err.contains(fragment), "{text}: {err}");
        }
    }

    #[test]
    fn offsets_parse_and_print() {
        for text in ["+08:00", "-03:30", "+00:00", "+14:00", "-12:00"] {
            assert_eq!(Offset::parse(text).unwrap().to_string(), text);
        }
        for text in ["+8:00", "08:00", "+15:00", "-12:30", "+05:60", "+05:00x"] {
            assert!(Offset::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn next_hour_is_strictly_later() {
        let at = |s| Time::parse_local(s).unwrap();
        let three = at("2026-04-01T03:00:00");
        assert_eq!(three.next_hour_of_day_after(3), at("2026-04-02T03:00:00"));
        assert_eq!(at("2026-04-01T02:59:59").next_hour_of_day_after(3), three);
    }
}
