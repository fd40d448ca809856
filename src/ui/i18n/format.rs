//! Dates, numbers, money and durations in each language's format (pure; tested natively).
//!
//! Choices (see `docs/languages.md`): English keeps the ISO dates the app always showed
//! (`2026-04-01 03:00`); Simplified Chinese writes `2026/04/01 03:00`; Brazilian Portuguese
//! `01/04/2026 03:00`. Every language uses the 24-hour clock. Amounts are grouped by thousands:
//! `1,234.56` (en, zh-CN) and `1.234,56` (pt-BR). The offset stays `UTC+08:00` everywhere, and the
//! contract's clock (`[data-testid="clock"]`) stays `YYYY-MM-DD HH:MM:SS` in every language.

use super::{plural, tr, trf, Lang};
use crate::engine::time::{SECS_PER_DAY, SECS_PER_HOUR};
use crate::engine::{Cents, Offset, Time};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// The thousands separator and decimal mark of `lang`.
fn marks(lang: Lang) -> (char, char) {
    match lang {
        Lang::PtBr => ('.', ','),
        Lang::En | Lang::ZhCn => (',', '.'),
    }
}

/// An amount as typed in `lang`, in the scenario format's notation. In pt-BR the decimal mark is a
/// comma, so a text with one (`50,00`, `1.234,56`) is read with its dots as thousands marks:
/// `50.00`, `1234.56`; so is a text whose dots all stand before groups of three digits (`1.000`,
/// `1.000.000`), as a Brazilian reads it (an amount never has three decimals). Any other text
/// without a comma is kept as it is, so the format's own `50.00` works in every language.
/// Surrounding spaces are dropped.
pub fn typed_amount(lang: Lang, text: &str) -> String {
    let text = text.trim();
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let grouped = || {
        let mut parts = text.split('.');
        let first = parts.next().unwrap_or_default();
        text.contains('.')
            && digits(first)
            && first.len() <= 3
            && parts.all(|part| part.len() == 3 && digits(part))
    };
    match lang {
        Lang::PtBr if text.contains(',') => text.replace('.', "").replace(',', "."),
        Lang::PtBr if grouped() => text.replace('.', ""),
        _ => text.to_string(),
    }
}

/// A document's amount text as `lang` shows it in a field: in pt-BR the decimal point becomes a
/// comma (`30.50` → `30,50`), so what [`typed_amount`] reads back is the same amount. A text
/// with a comma already is shown as it is.
pub fn shown_amount(lang: Lang, text: &str) -> String {
    match lang {
        Lang::PtBr if !text.contains(',') => text.replace('.', ","),
        _ => text.to_string(),
    }
}

/// Digits of `n` grouped by thousands with `sep`.
fn grouped(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// [`count`] of a length.
pub fn count_of(lang: Lang, n: usize) -> String {
    count(lang, i64::try_from(n).unwrap_or(i64::MAX))
}

/// A whole number: `1,234` (en, zh-CN), `1.234` (pt-BR).
pub fn count(lang: Lang, n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", grouped(n.unsigned_abs(), marks(lang).0))
}

/// An amount with two decimals: `1,234.56` (en, zh-CN), `1.234,56` (pt-BR), `-2.40` / `-2,40`.
pub fn money(lang: Lang, amount: Cents) -> String {
    let (sep, mark) = marks(lang);
    let sign = if amount.is_negative() { "-" } else { "" };
    let abs = amount.0.unsigned_abs();
    format!("{sign}{}{mark}{:02}", grouped(abs / 100, sep), abs % 100)
}

/// A calendar date: `2026-04-09` (en), `2026/04/09` (zh-CN), `09/04/2026` (pt-BR).
pub fn date(lang: Lang, d: NaiveDate) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    match lang {
        Lang::En => format!("{y:04}-{m:02}-{day:02}"),
        Lang::ZhCn => format!("{y:04}/{m:02}/{day:02}"),
        Lang::PtBr => format!("{day:02}/{m:02}/{y:04}"),
    }
}

/// A local time to the minute: `2026-04-01 03:00`, `2026/04/01 03:00`, `01/04/2026 03:00`.
pub fn minute(lang: Lang, t: Time) -> String {
    let n = t.naive();
    format!("{} {:02}:{:02}", date(lang, t.date()), n.hour(), n.minute())
}

/// [`minute`] for a time on the minute, else [`second`]: `2026-04-01 03:00`, `2026-03-10 23:59:58`
/// (two events a second apart must not read as one instant).
pub fn minute_or_second(lang: Lang, t: Time) -> String {
    if t.naive().second() == 0 {
        minute(lang, t)
    } else {
        second(lang, t)
    }
}

/// A local time to the second: `2026-04-01 03:00:00`, `2026/04/01 03:00:00`,
/// `01/04/2026 03:00:00`.
pub fn second(lang: Lang, t: Time) -> String {
    naive_second(lang, t.naive())
}

/// [`second`] for any date-time chrono holds, also in years the app does not model (a typed
/// "Go to time" in 9500 is named as typed): `9500-01-01 00:00:00`.
pub fn naive_second(lang: Lang, n: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}:{:02}",
        date(lang, n.date()),
        n.hour(),
        n.minute(),
        n.second()
    )
}

/// The offset for people, the same in every language: `UTC+08:00`.
pub fn offset(offset: Offset) -> String {
    format!("UTC{offset}")
}

/// A local time with its offset: `2026-04-01 03:00 (UTC+08:00)`.
pub fn minute_with_offset(lang: Lang, t: Time, at: Offset) -> String {
    // Chinese text puts full-width brackets round the offset, as round the countdown after it.
    let (open, close) = match lang {
        Lang::ZhCn => ("（", "）"),
        Lang::En | Lang::PtBr => (" (", ")"),
    };
    format!("{}{open}{}{close}", minute(lang, t), offset(at))
}

/// A number of days in words: `1 day`, `7 days`; `7 天`; `1 dia`, `7 dias`.
pub fn days(lang: Lang, n: i64) -> String {
    plural(lang, n, "{0} day", "{0} days")
}

/// A duration, the two largest units, rounded down: `3 d 4 h` (en, pt-BR), `3天4小时` (zh-CN);
/// `now` (`现在`, `agora`) for zero or less.
pub fn countdown(lang: Lang, secs: i64) -> String {
    if secs <= 0 {
        return tr(lang, "now").to_string();
    }
    let d = secs / SECS_PER_DAY;
    let h = secs % SECS_PER_DAY / SECS_PER_HOUR;
    let m = secs % SECS_PER_HOUR / 60;
    let s = secs % 60;
    // (amount, unit index): d, h, min, s
    let (big, small) = if d > 0 {
        ((d, 0), (h, 1))
    } else if h > 0 {
        ((h, 1), (m, 2))
    } else if m > 0 {
        ((m, 2), (s, 3))
    } else {
        ((s, 3), (0, 3))
    };
    let unit = |(n, u): (i64, usize)| match lang {
        Lang::ZhCn => format!("{}{}", count(lang, n), ["天", "小时", "分钟", "秒"][u]),
        Lang::En | Lang::PtBr => format!("{} {}", count(lang, n), ["d", "h", "min", "s"][u]),
    };
    let sep = if lang == Lang::ZhCn { "" } else { " " };
    if small.0 == 0 {
        unit(big)
    } else {
        format!("{}{sep}{}", unit(big), unit(small))
    }
}

/// `in 3 d 4 h` (`3天4小时后`, `em 3 d 4 h`), or `now` when the moment has come.
pub fn in_words(lang: Lang, now: Time, then: Time) -> String {
    let secs = then.secs().saturating_sub(now.secs());
    if secs <= 0 {
        tr(lang, "now").to_string()
    } else {
        trf(lang, "in {0}", &[&countdown(lang, secs)])
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_PT: [&str; 12] = [
    "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez",
];

/// A month's short name for month numbers 1..=12 (`Apr`, `4月`, `abr`); empty otherwise.
pub fn month_short(lang: Lang, month: u32) -> String {
    if !(1..=12).contains(&month) {
        return String::new();
    }
    let index = (month - 1) as usize;
    match lang {
        Lang::En => MONTHS_EN[index].to_string(),
        Lang::ZhCn => format!("{month}月"),
        Lang::PtBr => MONTHS_PT[index].to_string(),
    }
}

/// A day on the axis: `Apr 9`, `4月9日`, `9 abr`.
pub fn day_month(lang: Lang, d: NaiveDate) -> String {
    let month = month_short(lang, d.month());
    match lang {
        Lang::En => format!("{month} {}", d.day()),
        Lang::ZhCn => format!("{month}{}日", d.day()),
        Lang::PtBr => format!("{} {month}", d.day()),
    }
}

/// The first day of a year on the axis: `Jan 1 2027`, `2027年1月1日`, `1 jan 2027`.
pub fn new_year(lang: Lang, year: i32) -> String {
    match lang {
        Lang::En => format!("Jan 1 {year}"),
        Lang::ZhCn => format!("{year}年1月1日"),
        Lang::PtBr => format!("1 jan {year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Time {
        Time::parse_local(text).unwrap()
    }

    const ALL: [Lang; 3] = [Lang::En, Lang::ZhCn, Lang::PtBr];

    #[test]
    fn offsets_read_well() {
        // offset minutes, label
        let cases = [
            (8 * 60, "UTC+08:00"),
            (0, "UTC+00:00"),
            (-(3 * 60 + 30), "UTC-03:30"),
        ];
        for (minutes, label) in cases {
            assert_eq!(offset(Offset::from_minutes(minutes).unwrap()), label);
        }
    }

    #[test]
    fn amounts_are_typed_with_the_languages_decimal_mark() {
        // language, typed, read
        let cases = [
            (Lang::PtBr, "50,00", "50.00"),
            (Lang::PtBr, " 1.234,5 ", "1234.5"),
            (Lang::PtBr, "50.00", "50.00"),
            (Lang::PtBr, "1.000", "1000"),
            (Lang::PtBr, "1.000.000", "1000000"),
            (Lang::PtBr, "12.5", "12.5"),
            (Lang::PtBr, "1.0000", "1.0000"),
            (Lang::PtBr, "1234.567", "1234.567"),
            (Lang::PtBr, ".000", ".000"),
            (Lang::En, "1.000", "1.000"),
            (Lang::PtBr, "abc", "abc"),
            (Lang::En, "50,00", "50,00"),
            (Lang::En, " 20.5", "20.5"),
            (Lang::ZhCn, "1,5", "1,5"),
        ];
        for (lang, typed, read) in cases {
            assert_eq!(typed_amount(lang, typed), read, "{lang:?} {typed:?}");
        }
    }

    #[test]
    fn amounts_are_shown_with_the_languages_decimal_mark_and_read_back_the_same() {
        // language, the document's text, shown
        let cases = [
            (Lang::PtBr, "30.50", "30,50"),
            (Lang::PtBr, "30", "30"),
            (Lang::PtBr, "30.", "30,"),
            (Lang::PtBr, "1,5", "1,5"),
            (Lang::PtBr, "", ""),
            (Lang::En, "30.50", "30.50"),
            (Lang::ZhCn, "30.50", "30.50"),
        ];
        for (lang, text, shown) in cases {
            assert_eq!(shown_amount(lang, text), shown, "{lang:?} {text:?}");
        }
        // Whatever the document holds as an amount comes back from its field unchanged.
        for text in ["0.00", "30.5", "1234.56", "1000000000.00", "7"] {
            for lang in ALL {
                assert_eq!(
                    typed_amount(lang, &shown_amount(lang, text)),
                    text,
                    "{lang:?}"
                );
            }
        }
    }

    #[test]
    fn in_words_reaches_never_without_overflowing() {
        let now = at("2026-01-01T00:00:00");
        // `Time::MAX` is the engine's "never"; from before 1970 the difference is past i64.
        let long_ago = Time::from_secs(i64::MIN / 2);
        assert!(in_words(Lang::En, now, Time::MAX).starts_with("in "));
        assert!(in_words(Lang::En, long_ago, Time::MAX).starts_with("in "));
        assert_eq!(in_words(Lang::En, Time::MAX, long_ago), "now");
    }

    #[test]
    fn dates_and_times_follow_the_locale() {
        let t = at("2026-04-01T03:00:59");
        // lang, date, minute, second
        let cases = [
            (
                Lang::En,
                "2026-04-01",
                "2026-04-01 03:00",
                "2026-04-01 03:00:59",
            ),
            (
                Lang::ZhCn,
                "2026/04/01",
                "2026/04/01 03:00",
                "2026/04/01 03:00:59",
            ),
            (
                Lang::PtBr,
                "01/04/2026",
                "01/04/2026 03:00",
                "01/04/2026 03:00:59",
            ),
        ];
        for (lang, d, m, s) in cases {
            assert_eq!(date(lang, t.date()), d);
            assert_eq!(minute(lang, t), m);
            assert_eq!(second(lang, t), s);
            // The seconds only when there are some.
            assert_eq!(minute_or_second(lang, t), s);
            assert_eq!(minute_or_second(lang, at("2026-04-01T03:00:00")), m);
        }
        let utc8 = Offset::from_minutes(480).unwrap();
        assert_eq!(
            minute_with_offset(Lang::PtBr, t, utc8),
            "01/04/2026 03:00 (UTC+08:00)"
        );
        assert_eq!(
            minute_with_offset(Lang::ZhCn, t, utc8),
            "2026/04/01 03:00（UTC+08:00）"
        );
    }

    #[test]
    fn numbers_and_money_group_thousands() {
        // cents, en, zh-CN, pt-BR
        let cases = [
            (123_456, "1,234.56", "1,234.56", "1.234,56"),
            (3_000, "30.00", "30.00", "30,00"),
            (-240, "-2.40", "-2.40", "-2,40"),
            (5, "0.05", "0.05", "0,05"),
            (
                123_456_789_012,
                "1,234,567,890.12",
                "1,234,567,890.12",
                "1.234.567.890,12",
            ),
        ];
        for (cents, en, zh, pt) in cases {
            let c = Cents(cents);
            assert_eq!(
                [
                    money(Lang::En, c),
                    money(Lang::ZhCn, c),
                    money(Lang::PtBr, c)
                ],
                [en, zh, pt]
            );
        }
        assert_eq!(count(Lang::En, 1_000), "1,000");
        assert_eq!(count(Lang::PtBr, 1_000_000), "1.000.000");
        assert_eq!(count(Lang::ZhCn, 999), "999");
        assert_eq!(count(Lang::En, -1_500), "-1,500");
    }

    #[test]
    fn countdowns_keep_the_two_largest_units() {
        // seconds, en (and pt-BR), zh-CN
        let cases = [
            (-5, "now", "现在"),
            (45, "45 s", "45秒"),
            (12 * 60 + 5, "12 min 5 s", "12分钟5秒"),
            (3_600, "1 h", "1小时"),
            (5 * 3_600 + 20 * 60 + 59, "5 h 20 min", "5小时20分钟"),
            (3 * 86_400 + 4 * 3_600 + 59 * 60, "3 d 4 h", "3天4小时"),
            (1_400 * 86_400, "1,400 d", "1,400天"),
        ];
        for (secs, en, zh) in cases {
            assert_eq!(countdown(Lang::En, secs), en, "{secs}");
            assert_eq!(countdown(Lang::ZhCn, secs), zh, "{secs}");
        }
        assert_eq!(countdown(Lang::PtBr, 3 * 86_400 + 4 * 3_600), "3 d 4 h");
        assert_eq!(countdown(Lang::PtBr, 0), "agora");
        assert_eq!(countdown(Lang::PtBr, 1_400 * 86_400), "1.400 d");
        let (now, later) = (at("2026-04-01T00:00:00"), at("2026-04-04T04:00:00"));
        assert_eq!(in_words(Lang::En, now, later), "in 3 d 4 h");
        assert_eq!(in_words(Lang::ZhCn, now, later), "3天4小时后");
        assert_eq!(in_words(Lang::PtBr, now, later), "em 3 d 4 h");
        assert_eq!(in_words(Lang::PtBr, later, now), "agora");
    }

    #[test]
    fn days_are_pluralised_per_language() {
        // n, en, zh-CN, pt-BR (CLDR: Portuguese singular for 0 and 1)
        let cases = [
            (0, "0 days", "0天", "0 dia"),
            (1, "1 day", "1天", "1 dia"),
            (15, "15 days", "15天", "15 dias"),
        ];
        for (n, en, zh, pt) in cases {
            assert_eq!(
                [days(Lang::En, n), days(Lang::ZhCn, n), days(Lang::PtBr, n)],
                [en, zh, pt]
            );
        }
    }

    #[test]
    fn months_on_the_axis() {
        let d = NaiveDate::from_ymd_opt(2026, 4, 9).unwrap();
        assert_eq!(
            ALL.map(|lang| day_month(lang, d)),
            ["Apr 9", "4月9日", "9 abr"]
        );
        assert_eq!(
            ALL.map(|lang| month_short(lang, 12)),
            ["Dec", "12月", "dez"]
        );
        assert_eq!(
            ALL.map(|lang| new_year(lang, 2027)),
            ["Jan 1 2027", "2027年1月1日", "1 jan 2027"]
        );
        assert_eq!(month_short(Lang::En, 0), "");
        assert_eq!(month_short(Lang::ZhCn, 13), "");
        assert_eq!(offset(Offset::from_minutes(-210).unwrap()), "UTC-03:30");
    }
}
