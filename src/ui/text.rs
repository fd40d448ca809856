//! Pure formatting helpers for the view (tested natively): tier days and state words, positions on
//! the time axis and its ticks, and SVG coordinates written without float formatting.

use crate::engine::policy::ModeDays;
use crate::engine::time::{SECS_PER_DAY, SECS_PER_HOUR};
use crate::engine::{State, TierDays, Time};
use crate::ui::i18n::{format as lf, tr, trf, Lang};
use chrono::{Datelike, NaiveDate};

/// Which billing modes to describe: the ones in use, or packages when neither is.
fn modes_in_use(packages: bool, pay_per_use: bool) -> (bool, bool) {
    (packages || !pay_per_use, pay_per_use)
}

/// A tier's grace and retention days for the billing modes in use, in words:
/// `packages: 7 days grace, 15 days retention · pay-per-use: 1 day grace, 7 days retention`.
pub fn tier_days_long_in(lang: Lang, days: TierDays, packages: bool, pay_per_use: bool) -> String {
    let (packages, pay_per_use) = modes_in_use(packages, pay_per_use);
    let mode = |name: &str, d: ModeDays| {
        trf(
            lang,
            "{0}: {1} grace, {2} retention",
            &[
                name,
                &lf::days(lang, i64::from(d.grace_days)),
                &lf::days(lang, i64::from(d.retention_days)),
            ],
        )
    };
    let mut parts = Vec::new();
    if packages {
        parts.push(mode(tr(lang, "packages"), days.package));
    }
    if pay_per_use {
        parts.push(mode(tr(lang, "pay-per-use"), days.pay_per_use));
    }
    parts.join(" · ")
}

/// The same, short: `grace 7 d · retention 15 d` for one mode,
/// `package 7 + 15 d · pay-per-use 1 + 7 d` for both.
pub fn tier_days_short_in(lang: Lang, days: TierDays, packages: bool, pay_per_use: bool) -> String {
    let n = |d: u16| d.to_string();
    match modes_in_use(packages, pay_per_use) {
        (true, true) => trf(
            lang,
            "package {0} + {1} d · pay-per-use {2} + {3} d",
            &[
                &n(days.package.grace_days),
                &n(days.package.retention_days),
                &n(days.pay_per_use.grace_days),
                &n(days.pay_per_use.retention_days),
            ],
        ),
        (false, _) => trf(
            lang,
            "grace {0} d · retention {1} d",
            &[
                &n(days.pay_per_use.grace_days),
                &n(days.pay_per_use.retention_days),
            ],
        ),
        (true, false) => trf(
            lang,
            "grace {0} d · retention {1} d",
            &[&n(days.package.grace_days), &n(days.package.retention_days)],
        ),
    }
}

/// A state's name for headings: `Available`, `Expired`, `Frozen`, `Released`.
pub fn state_title(lang: Lang, state: State) -> &'static str {
    match state {
        State::Available => tr(lang, "Available"),
        State::Expired => tr(lang, "Expired"),
        State::Frozen => tr(lang, "Frozen"),
        State::Released => tr(lang, "Released"),
    }
}

/// What the period of a state is called: `in service`, `grace period`, `retention period`,
/// `data deleted`.
pub fn state_period(lang: Lang, state: State) -> &'static str {
    match state {
        State::Available => tr(lang, "in service"),
        State::Expired => tr(lang, "grace period"),
        State::Frozen => tr(lang, "retention period"),
        State::Released => tr(lang, "data deleted"),
    }
}

/// Where `t` lies between `start` and `end`, from 0.0 to 1.0 (clamped; 0.0 for an empty span).
pub fn fraction(start: Time, end: Time, t: Time) -> f64 {
    let span = end.secs().saturating_sub(start.secs());
    if span <= 0 {
        return 0.0;
    }
    (t.secs().saturating_sub(start.secs()) as f64 / span as f64).clamp(0.0, 1.0)
}

/// The instant at `fraction` (clamped to 0.0..=1.0) of the way from `start` to `end`, to the second.
pub fn time_at_fraction(start: Time, end: Time, fraction: f64) -> Time {
    let span = end.secs().saturating_sub(start.secs()).max(0);
    let fraction = if fraction.is_finite() {
        fraction.clamp(0.0, 1.0)
    } else {
        0.0
    };
    start.plus_secs((span as f64 * fraction).round() as i64)
}

/// A fraction as an SVG/CSS percentage with three decimals: `12.500%` (`0.000%` for NaN). Integer
/// arithmetic, not `{:.3}`, which would bring float formatting into the web build.
pub fn percent(fraction: f64) -> String {
    let thousandths = fraction * 100_000.0;
    let thousandths = if thousandths.is_finite() {
        thousandths.round() as i64
    } else {
        0
    };
    let sign = if thousandths < 0 { "-" } else { "" };
    let magnitude = thousandths.unsigned_abs();
    format!("{sign}{}.{:03}%", magnitude / 1000, magnitude % 1000)
}

/// The step of the keyboard slider for a span: one hour, or one day for spans over 60 days.
pub fn slider_step_secs(span_secs: i64) -> i64 {
    if span_secs > 60 * SECS_PER_DAY {
        SECS_PER_DAY
    } else {
        SECS_PER_HOUR
    }
}

/// One tick of the time axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    /// Where it stands.
    pub at: Time,
    /// What it says: `03:00`, `Apr 9`, `Apr`, `2027`.
    pub label: String,
    /// A boundary of the next larger unit (a new day, month or year), drawn stronger.
    pub major: bool,
}

/// The spacing of axis ticks, from finest to coarsest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TickStep {
    /// Every n hours, aligned to local midnight.
    Hours(u32),
    /// Days of the month that are 1 + a multiple of n (never closer than n/2 to the next 1st).
    Days(u32),
    /// Every n months, aligned to January.
    Months(u32),
    /// Every n years, aligned to multiples of n.
    Years(i32),
}

impl TickStep {
    const ALL: [TickStep; 20] = [
        TickStep::Hours(1),
        TickStep::Hours(2),
        TickStep::Hours(3),
        TickStep::Hours(6),
        TickStep::Hours(12),
        TickStep::Days(1),
        TickStep::Days(2),
        TickStep::Days(5),
        TickStep::Days(10),
        TickStep::Days(15),
        TickStep::Months(1),
        TickStep::Months(2),
        TickStep::Months(3),
        TickStep::Months(6),
        TickStep::Years(1),
        TickStep::Years(2),
        TickStep::Years(5),
        TickStep::Years(10),
        TickStep::Years(20),
        TickStep::Years(50),
    ];

    /// The typical length of one step, for choosing a density.
    fn approx_secs(self) -> i64 {
        match self {
            TickStep::Hours(n) => i64::from(n) * SECS_PER_HOUR,
            TickStep::Days(n) => i64::from(n) * SECS_PER_DAY,
            TickStep::Months(n) => i64::from(n) * 30 * SECS_PER_DAY + 10 * SECS_PER_HOUR,
            TickStep::Years(n) => i64::from(n) * 365 * SECS_PER_DAY + 6 * SECS_PER_HOUR,
        }
    }

    /// Whether the local midnight of `date` (or `hour` on it) carries a tick of this step.
    fn ticks_on(self, date: NaiveDate, hour: u32) -> bool {
        match self {
            TickStep::Hours(n) => hour % n == 0,
            TickStep::Days(n) => {
                let day = date.day() - 1;
                hour == 0 && day % n == 0 && day + n / 2 < days_in_month(date)
            }
            TickStep::Months(n) => hour == 0 && date.day() == 1 && date.month0() % n == 0,
            TickStep::Years(n) => {
                hour == 0 && date.ordinal() == 1 && date.year().rem_euclid(n) == 0
            }
        }
    }

    /// The tick's label in `lang` and whether it starts a larger unit.
    fn label(self, lang: Lang, date: NaiveDate, hour: u32) -> (String, bool) {
        let day_label = || lf::day_month(lang, date);
        match self {
            TickStep::Hours(_) if hour == 0 => (day_label(), true),
            TickStep::Hours(_) => (format!("{hour:02}:00"), false),
            TickStep::Days(_) if date.day() == 1 && date.month() == 1 => {
                (lf::new_year(lang, date.year()), true)
            }
            TickStep::Days(_) => (day_label(), date.day() == 1),
            TickStep::Months(_) if date.month() == 1 => (date.year().to_string(), true),
            TickStep::Months(_) => (lf::month_short(lang, date.month()), false),
            TickStep::Years(_) => (date.year().to_string(), true),
        }
    }
}

fn days_in_month(date: NaiveDate) -> u32 {
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|next| next.pred_opt())
        .map_or(31, |last| last.day())
}

/// The least room a tick label needs, in pixels.
pub const MIN_TICK_SPACING_PX: f64 = 72.0;

/// Axis ticks for the span `start..=end` drawn `width_px` wide: the finest step from hours to
/// decades whose labels keep [`MIN_TICK_SPACING_PX`] apart, at local calendar boundaries, labelled
/// in `lang` (`Apr 9`, `4月9日`, `9 abr`).
pub fn axis_ticks_in(lang: Lang, start: Time, end: Time, width_px: f64) -> Vec<Tick> {
    let span = end.secs() - start.secs();
    if span <= 0 || !width_px.is_finite() || width_px <= 0.0 {
        return Vec::new();
    }
    let fits = |step: TickStep| {
        let count = span as f64 / step.approx_secs() as f64;
        count * MIN_TICK_SPACING_PX <= width_px
    };
    let Some(step) = TickStep::ALL.into_iter().find(|&step| fits(step)) else {
        return Vec::new();
    };
    let max_ticks = (width_px / MIN_TICK_SPACING_PX).ceil() as usize + 2;
    let mut ticks = Vec::new();
    match step {
        TickStep::Hours(_) => {
            let mut t = Time::from_secs(start.secs().div_euclid(SECS_PER_HOUR) * SECS_PER_HOUR);
            while t <= end && ticks.len() < max_ticks {
                let hour = u32::try_from(t.second_of_day() / SECS_PER_HOUR).unwrap_or(0);
                if t >= start && step.ticks_on(t.date(), hour) {
                    let (label, major) = step.label(lang, t.date(), hour);
                    ticks.push(Tick {
                        at: t,
                        label,
                        major,
                    });
                }
                t = t.plus_secs(SECS_PER_HOUR);
            }
        }
        TickStep::Days(_) | TickStep::Months(_) | TickStep::Years(_) => {
            let mut date = start.date();
            let last = end.date();
            while date <= last && ticks.len() < max_ticks {
                let at = Time::midnight(date);
                if at >= start && step.ticks_on(date, 0) {
                    let (label, major) = step.label(lang, date, 0);
                    ticks.push(Tick { at, label, major });
                }
                date = match next_candidate(step, date) {
                    Some(next) if next > date => next,
                    _ => break,
                };
            }
        }
    }
    ticks
}

/// The room an axis label takes, in pixels (11 px type: `Apr 13`, `4月13日`, `13 abr`, `03:00`).
pub const TICK_LABEL_PX: f64 = 48.0;
/// The least gap between two axis labels, in pixels.
pub const TICK_LABEL_GAP_PX: f64 = 6.0;

/// An axis tick and where its label goes.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// The tick.
    pub tick: Tick,
    /// Where it stands, as a fraction of the track's width.
    pub fraction: f64,
    /// Whether its label is drawn leftwards (it would run past the right edge).
    pub anchor_end: bool,
}

/// The axis of a track `width_px` wide from `start` to `end`: the ticks of [`axis_ticks_in`] with
/// their labels in `lang`, placed so that no two touch.
pub fn axis_labels(lang: Lang, start: Time, end: Time, width_px: f64) -> Vec<PlacedLabel> {
    place_labels(
        axis_ticks_in(lang, start, end, width_px),
        start,
        end,
        width_px,
    )
}

/// Places the labels of `ticks` on a track `width_px` wide from `start` to `end`. A label is drawn
/// rightwards from its tick, or leftwards when it would run past the right edge. Ticks are not
/// evenly spaced (a month restarts the count of days), so a label that would touch the one before
/// it is left out with its tick, the weaker of the two (days just before a new month's tick, say).
fn place_labels(ticks: Vec<Tick>, start: Time, end: Time, width_px: f64) -> Vec<PlacedLabel> {
    // Each placed label with the right edge of its span, in pixels.
    let mut placed: Vec<(PlacedLabel, f64)> = Vec::new();
    for tick in ticks {
        let fraction = fraction(start, end, tick.at);
        let px = fraction * width_px;
        let anchor_end = px + TICK_LABEL_PX > width_px;
        let (left, right) = if anchor_end {
            (px - TICK_LABEL_PX, px)
        } else {
            (px, px + TICK_LABEL_PX)
        };
        let touches = |(previous, previous_right): &(PlacedLabel, f64)| {
            (left < previous_right + TICK_LABEL_GAP_PX).then_some(previous.tick.major)
        };
        // Weaker labels before it give way to a major tick; otherwise it gives way.
        while tick.major && placed.last().and_then(touches) == Some(false) {
            placed.pop();
        }
        if placed.last().and_then(touches).is_some() {
            continue;
        }
        let label = PlacedLabel {
            tick,
            fraction,
            anchor_end,
        };
        placed.push((label, right));
    }
    placed.into_iter().map(|(label, _)| label).collect()
}

/// The next date worth testing for a tick of `step` after `date` (skips whole months or years
/// so decades cost a handful of iterations, not thousands of days).
fn next_candidate(step: TickStep, date: NaiveDate) -> Option<NaiveDate> {
    match step {
        TickStep::Hours(_) | TickStep::Days(_) => date.succ_opt(),
        TickStep::Months(_) => first_of_next_month(date),
        TickStep::Years(_) => NaiveDate::from_ymd_opt(date.year().checked_add(1)?, 1, 1),
    }
}

fn first_of_next_month(date: NaiveDate) -> Option<NaiveDate> {
    if date.month() == 12 {
        NaiveDate::from_ymd_opt(date.year().checked_add(1)?, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
    }
}

/// A coordinate to one decimal without float formatting (slow in WebAssembly): `12.3`, `-0.5`.
pub fn tenths(value: f64) -> String {
    let mut out = String::with_capacity(8);
    push_tenths(&mut out, value);
    out
}

/// Appends [`tenths`]`(value)` to `out`, without `format!` (thousands are written per edit).
pub fn push_tenths(out: &mut String, value: f64) {
    let tenths = if value.is_finite() {
        (value * 10.0).round() as i64
    } else {
        0
    };
    if tenths < 0 {
        out.push('-');
    }
    let magnitude = tenths.unsigned_abs();
    push_digits(out, magnitude / 10, 1);
    if magnitude % 10 != 0 {
        out.push('.');
        push_digits(out, magnitude % 10, 1);
    }
}

/// Appends `n` in decimal, zero-padded to at least `width` digits.
pub fn push_digits(out: &mut String, n: u64, width: usize) {
    let mut buffer = [b'0'; 20];
    let mut i = buffer.len();
    let mut rest = n;
    loop {
        i -= 1;
        buffer[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let start = i.min(buffer.len().saturating_sub(width));
    for &digit in &buffer[start..] {
        out.push(char::from(digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Time {
        Time::parse_local(text).unwrap()
    }

    #[test]
    fn fractions_map_times_to_positions_and_back() {
        let (start, end) = (at("2026-01-01T00:00:00"), at("2026-01-11T00:00:00"));
        // instant, fraction
        let cases = [
            ("2025-12-31T00:00:00", 0.0),
            ("2026-01-01T00:00:00", 0.0),
            ("2026-01-06T00:00:00", 0.5),
            ("2026-01-11T00:00:00", 1.0),
            ("2026-02-01T00:00:00", 1.0),
        ];
        for (text, expected) in cases {
            assert!(
                (fraction(start, end, at(text)) - expected).abs() < 1e-12,
                "{text}"
            );
        }
        assert_eq!(
            time_at_fraction(start, end, 0.25),
            at("2026-01-03T12:00:00")
        );
        assert_eq!(time_at_fraction(start, end, -3.0), start);
        assert_eq!(time_at_fraction(start, end, 7.0), end);
        assert_eq!(time_at_fraction(start, end, f64::NAN), start);
        assert_eq!(fraction(start, start, start), 0.0);
        // The ends of time ("never" is `Time::MAX`) clamp instead of overflowing.
        let never = Time::MAX;
        let before_all = Time::from_secs(i64::MIN);
        assert_eq!(fraction(start, end, never), 1.0);
        assert_eq!(fraction(before_all, start, never), 1.0);
        assert_eq!(fraction(start, end, before_all), 0.0);
        assert_eq!(time_at_fraction(before_all, never, 0.0), before_all);
        // fraction, percentage
        let cases = [
            (0.125, "12.500%"),
            (0.0, "0.000%"),
            (1.0, "100.000%"),
            (0.333_333_3, "33.333%"),
            (0.000_004_9, "0.000%"),
            (0.000_005_1, "0.001%"),
            (-0.025, "-2.500%"),
            (f64::NAN, "0.000%"),
            (f64::INFINITY, "0.000%"),
        ];
        for (fraction, want) in cases {
            assert_eq!(percent(fraction), want, "{fraction}");
        }
        assert_eq!(slider_step_secs(30 * 86_400), 3_600);
        assert_eq!(slider_step_secs(365 * 86_400), 86_400);
    }

    /// The labels of `axis_ticks`, joined with spaces between ticks ("|" marks a major tick).
    fn labels(start: &str, end: &str, width: f64) -> Vec<String> {
        axis_ticks_in(Lang::En, at(start), at(end), width)
            .into_iter()
            .map(|t| {
                if t.major {
                    format!("|{}", t.label)
                } else {
                    t.label
                }
            })
            .collect()
    }

    #[test]
    fn axis_labels_never_touch_and_stay_inside() {
        let start = Time::parse_local("2026-03-08T10:00:00").unwrap();
        let end = Time::parse_local("2026-04-13T00:00:00").unwrap();
        for width in [360.0, 500.0, 800.0, 1_280.0, 1_920.0, 3_840.0] {
            for lang in Lang::ALL {
                let placed = axis_labels(lang, start, end, width);
                assert!(!placed.is_empty(), "{width}");
                let spans: Vec<(f64, f64)> = placed
                    .iter()
                    .map(|p| {
                        let px = p.fraction * width;
                        if p.anchor_end {
                            (px - TICK_LABEL_PX, px)
                        } else {
                            (px, px + TICK_LABEL_PX)
                        }
                    })
                    .collect();
                for pair in spans.windows(2) {
                    assert!(
                        pair[1].0 >= pair[0].1 + TICK_LABEL_GAP_PX,
                        "{width} {lang:?}: {pair:?}"
                    );
                }
                assert!(spans.iter().all(|(_, right)| *right <= width), "{width}");
            }
        }
        // A new month's tick wins over the day tick just before it.
        let day = |d: u32, major| Tick {
            at: Time::midnight(chrono::NaiveDate::from_ymd_opt(2026, 3, d).unwrap()),
            label: String::new(),
            major,
        };
        let placed = place_labels(
            vec![day(1, true), day(28, false), day(29, false), day(30, true)],
            day(1, false).at,
            day(31, false).at,
            600.0,
        );
        let kept: Vec<bool> = placed.iter().map(|p| p.tick.major).collect();
        assert_eq!(kept, [true, true]);
    }

    #[test]
    fn axis_ticks_pick_a_density_for_the_span_and_width() {
        // start, end, width in px, expected labels
        let cases: [(&str, &str, f64, &[&str]); 6] = [
            (
                "2026-04-08T20:30:00",
                "2026-04-09T04:00:00",
                700.0,
                &[
                    "21:00", "22:00", "23:00", "|Apr 9", "01:00", "02:00", "03:00", "04:00",
                ],
            ),
            (
                "2026-04-08T00:00:00",
                "2026-04-10T00:00:00",
                360.0,
                &["|Apr 8", "12:00", "|Apr 9", "12:00", "|Apr 10"],
            ),
            (
                "2026-03-08T10:00:00",
                "2026-04-20T00:00:00",
                500.0,
                &["Mar 11", "Mar 21", "|Apr 1", "Apr 11"],
            ),
            (
                "2026-03-08T10:00:00",
                "2027-03-08T00:00:00",
                900.0,
                &[
                    "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "|2027", "Feb",
                    "Mar",
                ],
            ),
            (
                "2026-01-01T00:00:00",
                "2036-01-01T00:00:00",
                400.0,
                &["|2026", "|2028", "|2030", "|2032", "|2034", "|2036"],
            ),
            (
                "2000-06-01T00:00:00",
                "2099-06-01T00:00:00",
                1_000.0,
                &[
                    "|2010", "|2020", "|2030", "|2040", "|2050", "|2060", "|2070", "|2080", "|2090",
                ],
            ),
        ];
        for (start, end, width, expected) in cases {
            assert_eq!(
                labels(start, end, width),
                expected,
                "{start}..{end} at {width}px"
            );
        }
    }

    #[test]
    fn axis_ticks_stay_apart_and_inside_the_span() {
        // spans from a day to a century, widths from a phone to a projector
        let starts = ["2026-03-08T10:00:00", "2024-02-29T23:59:59"];
        let lengths_days = [1, 3, 17, 45, 200, 400, 1_000, 3_650, 36_500];
        let widths = [240.0, 360.0, 800.0, 1_920.0, 3_840.0];
        for start in starts {
            for days in lengths_days {
                for width in widths {
                    let start = at(start);
                    let end = start.plus_days(days);
                    let ticks = axis_ticks_in(Lang::En, start, end, width);
                    assert!(!ticks.is_empty(), "{days} d at {width}px");
                    let span = (end.secs() - start.secs()) as f64;
                    for pair in ticks.windows(2) {
                        assert!(pair[0].at < pair[1].at);
                        let gap_px = (pair[1].at.secs() - pair[0].at.secs()) as f64 / span * width;
                        assert!(
                            gap_px >= MIN_TICK_SPACING_PX * 0.45,
                            "{days} d at {width}px: {} and {} are {gap_px:.0}px apart",
                            pair[0].label,
                            pair[1].label
                        );
                    }
                    for tick in &ticks {
                        assert!(tick.at >= start && tick.at <= end);
                        assert!(!tick.label.is_empty());
                    }
                }
            }
        }
        assert!(axis_ticks_in(
            Lang::En,
            at("2026-01-01T00:00:00"),
            at("2026-01-01T00:00:00"),
            500.0
        )
        .is_empty());
        assert!(axis_ticks_in(
            Lang::En,
            at("2026-01-01T00:00:00"),
            at("2026-02-01T00:00:00"),
            0.0
        )
        .is_empty());
        assert!(axis_ticks_in(
            Lang::En,
            at("2026-01-01T00:00:00"),
            at("2026-02-01T00:00:00"),
            f64::NAN
        )
        .is_empty());
    }

    #[test]
    fn tier_days_name_the_modes_in_use() {
        let days = TierDays {
            package: ModeDays {
                grace_days: 7,
                retention_days: 15,
            },
            pay_per_use: ModeDays {
                grace_days: 1,
                retention_days: 0,
            },
        };
        // packages in use, pay-per-use in use, long, short
        let cases = [
            (
                true,
                false,
                "packages: 7 days grace, 15 days retention",
                "grace 7 d · retention 15 d",
            ),
            (
                false,
                true,
                "pay-per-use: 1 day grace, 0 days retention",
                "grace 1 d · retention 0 d",
            ),
            (
                true,
                true,
                "packages: 7 days grace, 15 days retention · pay-per-use: 1 day grace, 0 days retention",
                "package 7 + 15 d · pay-per-use 1 + 0 d",
            ),
            (
                false,
                false,
                "packages: 7 days grace, 15 days retention",
                "grace 7 d · retention 15 d",
            ),
        ];
        for (packages, pay_per_use, long, short) in cases {
            assert_eq!(
                tier_days_long_in(Lang::En, days, packages, pay_per_use),
                long
            );
            assert_eq!(
                tier_days_short_in(Lang::En, days, packages, pay_per_use),
                short
            );
        }
    }

    #[test]
    fn state_words() {
        // state, title, period
        let cases = [
            (State::Available, "Available", "in service"),
            (State::Expired, "Expired", "grace period"),
            (State::Frozen, "Frozen", "retention period"),
            (State::Released, "Released", "data deleted"),
        ];
        for (state, title, period) in cases {
            assert_eq!(state_title(Lang::En, state), title);
            assert_eq!(state_period(Lang::En, state), period);
        }
    }
}
