//! Exports of a simulation for people outside the app: the event log as CSV, the coming
//! attempts, expiry, freeze and release dates as an iCalendar file, and the timeline as a
//! standalone SVG document ([`svg`]). Pure functions of the traces and the virtual clock.
//!
//! The calendar and the timeline are for a customer to read, so they are written in the app's
//! language; the CSV is data for a spreadsheet, in English like the CLI's explanations.

use crate::engine::{Event, EventKind, Offset, Scenario, State, Time, Trace};

pub mod svg;
use crate::explain::explain;
use crate::ui::i18n::format::offset as offset_label;
use crate::ui::i18n::{format, scenario_title, tr, trf, Lang};
use std::fmt::Write;

/// The CSV header of [`event_log_csv`] and [`event_logs_csv`].
const CSV_HEADER: &str = "tier,at,resource,kind,what,rule,next,balance\r\n";

/// The event log of `trace` as CSV (RFC 4180: CRLF line ends, quotes doubled), one row per event.
pub fn event_log_csv(scenario: &Scenario, trace: &Trace) -> String {
    let mut out = String::from(CSV_HEADER);
    push_rows(&mut out, scenario, trace, &trace.events);
    out
}

/// The event logs of every tier in `traces` up to `now` (what the app's log shows at that time,
/// for each tier in turn, in the traces' order) as one CSV with the tier in the first column.
pub fn event_logs_csv(scenario: &Scenario, traces: &[Trace], now: Time) -> String {
    let mut out = String::from(CSV_HEADER);
    for trace in traces {
        push_rows(&mut out, scenario, trace, trace.events_until(now));
    }
    out
}

fn push_rows(out: &mut String, scenario: &Scenario, trace: &Trace, events: &[Event]) {
    for event in events {
        let e = explain(event, scenario, trace);
        let resource = event
            .resource
            .and_then(|r| scenario.resources.get(r))
            .map_or("", |r| r.id.as_str());
        let balance = event
            .kind
            .balance()
            .map(|b| b.to_string())
            .unwrap_or_default();
        let fields = [
            trace.tier.as_str(),
            &event.at.rfc3339(trace.offset),
            resource,
            event.kind.name(),
            &e.what,
            e.rule,
            e.next.as_deref().unwrap_or(""),
            &balance,
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
}

/// A CSV cell: quoted when it holds a separator, a quote or a line break; and a text a spreadsheet
/// would run as a formula (`=…`, `+…`, `-…`, `@…`: a custom tier's name can be anything) gets a
/// leading `'`, which keeps it text. A plain number such as a negative balance stays a number.
fn csv_field(text: &str) -> String {
    let number = text.strip_prefix('-').is_some_and(|rest| {
        !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
    });
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// One dated consequence a customer may want in their calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// When it happens.
    pub at: Time,
    /// The resource's id.
    pub resource: String,
    /// What happens.
    pub kind: ComingKind,
}

/// What a coming date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComingKind {
    /// An automatic renewal attempt (at 03:00, or at once when auto-renew is switched on on the
    /// expiry day: its time says which).
    Attempt,
    /// The package expires: the grace period starts.
    Expiry,
    /// The resource is frozen: the retention period starts.
    Freeze,
    /// The resource is released: its data is deleted.
    Release,
}

impl ComingKind {
    /// A stable identifier part (calendar UIDs): `attempt`, `expired`, `frozen`, `released`.
    pub fn key(self) -> &'static str {
        match self {
            ComingKind::Attempt => "attempt",
            ComingKind::Expiry => "expired",
            ComingKind::Freeze => "frozen",
            ComingKind::Release => "released",
        }
    }

    /// What happens, in `lang`, e.g. "released: the data is deleted".
    pub fn words(self, lang: Lang) -> &'static str {
        match self {
            ComingKind::Attempt => tr(lang, "auto-renew attempt"),
            ComingKind::Expiry => tr(lang, "expires: the grace period starts"),
            ComingKind::Freeze => tr(lang, "frozen: the retention period starts"),
            ComingKind::Release => tr(lang, "released: the data is deleted"),
        }
    }
}

/// The automatic attempts, expiries, freezes and releases of `trace` strictly after `now`.
pub fn coming_dates(scenario: &Scenario, trace: &Trace, now: Time) -> Vec<Reminder> {
    coming(scenario, trace, now).collect()
}

/// [`coming_dates`] one at a time, in order (the app shows only the first few).
pub fn coming<'a>(
    scenario: &'a Scenario,
    trace: &'a Trace,
    now: Time,
) -> impl Iterator<Item = Reminder> + 'a {
    let start = trace.events.partition_point(|e| e.at <= now);
    trace.events[start..].iter().filter_map(|event| {
        let resource = scenario.resources.get(event.resource?)?.id.clone();
        let kind = match event.kind {
            EventKind::AutoRenewAttempt { .. } => ComingKind::Attempt,
            EventKind::StateChanged {
                to: State::Expired, ..
            } => ComingKind::Expiry,
            EventKind::StateChanged {
                to: State::Frozen, ..
            } => ComingKind::Freeze,
            EventKind::StateChanged {
                to: State::Released,
                ..
            } => ComingKind::Release,
            _ => return None,
        };
        Some(Reminder {
            at: event.at,
            resource,
            kind,
        })
    })
}

/// The coming events (strictly after `now`) worth a line on the printed page, at most `limit`,
/// and whether more such events follow. Every event counts but the reminders (each warns of a
/// date listed anyway) and the retries of a failed auto-renew attempt (after the first failure of
/// a resource, its daily failures until it renews or pays; the calendar lists every attempt). So
/// a fortnight of failed retries cannot push the release off the page.
pub fn printed_coming(trace: &Trace, now: Time, limit: usize) -> (Vec<&Event>, bool) {
    let start = trace.events.partition_point(|e| e.at <= now);
    // Resources whose last listed attempt failed.
    let mut failing: Vec<usize> = Vec::new();
    let mut keys =
        trace.events[start..]
            .iter()
            .filter(|event| match (&event.kind, event.resource) {
                (EventKind::Reminder { .. }, _) => false,
                (
                    EventKind::AutoRenewAttempt {
                        failure: Some(_), ..
                    },
                    Some(r),
                ) => {
                    let first = !failing.contains(&r);
                    if first {
                        failing.push(r);
                    }
                    first
                }
                (EventKind::AutoRenewAttempt { .. } | EventKind::Renewed { .. }, Some(r)) => {
                    failing.retain(|&f| f != r);
                    true
                }
                _ => true,
            });
    let shown: Vec<&Event> = keys.by_ref().take(limit).collect();
    let more = keys.next().is_some();
    (shown, more)
}

/// What follows the end of the simulation for the resources lapsed at `until`, if nothing restores
/// them: an expired one's freeze and release, a frozen one's release (in time order). The status
/// panel states these dates; a customer's calendar should hold them too.
pub fn after_the_end(scenario: &Scenario, trace: &Trace) -> Vec<Reminder> {
    let Some(tier) = scenario.policy.tier(&trace.tier) else {
        return Vec::new();
    };
    let mut dates: Vec<Reminder> = Vec::new();
    for (r, resource) in scenario.resources.iter().enumerate() {
        let Some(status) = trace.status_at(r, trace.until) else {
            continue;
        };
        let days = tier.for_mode(resource.billing());
        let mut date = |at: Time, kind| {
            dates.push(Reminder {
                at,
                resource: resource.id.clone(),
                kind,
            })
        };
        match (status.state, status.next_change) {
            (State::Expired, Some((frozen, State::Frozen))) if frozen > trace.until => {
                date(frozen, ComingKind::Freeze);
                date(days.released_after(frozen), ComingKind::Release);
            }
            // Frozen, or expired with no retention days (§3: then released, not frozen).
            (State::Expired | State::Frozen, Some((released, State::Released)))
                if released > trace.until =>
            {
                date(released, ComingKind::Release);
            }
            _ => {}
        }
    }
    let order =
        crate::engine::simulate::stable_order(dates.len(), &|a, b| dates[a].at.cmp(&dates[b].at));
    order.into_iter().map(|i| dates[i].clone()).collect()
}

/// A short fingerprint of a scenario's name for calendar UIDs (32-bit FNV-1a).
fn name_hash(name: &str) -> u32 {
    name.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// Whether [`calendar_ics`] would hold any event: a calendar file without one is not valid
/// iCalendar (RFC 5545 asks for at least one component), so the app says so instead.
pub fn has_calendar_dates(scenario: &Scenario, trace: &Trace, now: Time) -> bool {
    !coming_dates(scenario, trace, now).is_empty() || !after_the_end(scenario, trace).is_empty()
}

/// The dates of [`coming_dates`] as an iCalendar (RFC 5545) file, its titles and descriptions in
/// `lang`; `written_utc` is the real time of writing (UTC, from the shell: the function reads no
/// clock), every event's DTSTAMP, by which a calendar tells a newer copy of an event from an
/// older one. (Not the virtual clock: a file written after moving it back would look older.)
pub fn calendar_ics(
    scenario: &Scenario,
    trace: &Trace,
    now: Time,
    written_utc: Time,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let mut line = |text: String| out.push_str(&fold_line(&text));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Renewal Lab//renewal-lab//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line(format!(
        "X-WR-CALNAME:{}",
        escape_text(&trf(lang, "Renewal Lab — tier {0}", &[&trace.tier]))
    ));
    let simulated = coming_dates(scenario, trace, now)
        .into_iter()
        .map(|r| (r, false));
    let after_end = after_the_end(scenario, trace)
        .into_iter()
        .map(|r| (r, true));
    for (reminder, after_end) in simulated.chain(after_end) {
        let at = utc_stamp(reminder.at, trace.offset);
        line("BEGIN:VEVENT".into());
        // The same for the same scenario's date (a calendar updates an event it has), and told
        // apart from another scenario's with a resource of the same id.
        let uid = format!(
            "{}-{}-{}-{}-{:08x}@renewal-lab",
            reminder.resource,
            reminder.kind.key(),
            at,
            trace.tier,
            name_hash(&scenario.name)
        );
        line(format!("UID:{}", escape_text(&uid)));
        line(format!("DTSTAMP:{}", ics_utc(written_utc)));
        // An instant: no DTEND (RFC 5545 wants DTEND later than DTSTART), and free time.
        line(format!("DTSTART:{at}"));
        line("TRANSP:TRANSPARENT".into());
        let summary = format!("{}: {}", reminder.resource, reminder.kind.words(lang));
        line(format!("SUMMARY:{}", escape_text(&summary)));
        let description = trf(
            lang,
            if after_end {
                "{0} (tier {1}, {2} {3}), after the end of the simulation, unless it is restored \
                 first — from the Renewal Lab scenario “{4}”."
            } else {
                "{0} (tier {1}, {2} {3}) — from the Renewal Lab scenario “{4}”."
            },
            &[
                &summary,
                &trace.tier,
                &format::minute(lang, reminder.at),
                &offset_label(trace.offset),
                scenario_title(lang, &scenario.name),
            ],
        );
        line(format!("DESCRIPTION:{}", escape_text(&description)));
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// `YYYYMMDDTHHMMSSZ` for a local instant in `offset`.
fn utc_stamp(t: Time, offset: Offset) -> String {
    ics_utc(t.plus_secs(-i64::from(offset.minutes()) * 60))
}

/// A UTC instant as iCalendar writes it: `20260210T040000Z`.
fn ics_utc(utc: Time) -> String {
    utc.local_string().replace(['-', ':'], "") + "Z"
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 character), ending with CRLF.
fn fold_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut width = 0;
    for c in text.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    let _ = write!(out, "\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate;

    const SCENARIO: &str = r#"{
      "format": "renewal-lab/1", "name": "Forgot, then \"renewed\", late", "tier": "V1",
      "balance": "100.00",
      "resources": [{ "id": "db", "billing": "package", "start": "2026-01-10T09:00:00", "term": "1m",
                      "prices": { "month": "30.00", "year": "300.00" } }],
      "until": "2026-03-01T00:00:00"
    }"#;

    fn fixture() -> (Scenario, Trace) {
        let scenario = Scenario::from_json(SCENARIO).expect("valid fixture");
        let trace = simulate(&scenario);
        (scenario, trace)
    }

    #[test]
    fn csv_has_a_header_and_a_row_per_event_with_quoting() {
        let (scenario, trace) = fixture();
        let csv = event_log_csv(&scenario, &trace);
        let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
        assert_eq!(rows[0], "tier,at,resource,kind,what,rule,next,balance");
        assert_eq!(rows.len(), 1 + trace.events.len());
        assert!(
            rows[1].starts_with("V1,2026-01-10T09:00:00+08:00,db,purchased,"),
            "{}",
            rows[1]
        );
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        // Formulas stay text; numbers stay numbers.
        let cells = [
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("-2+3", "'-2+3"),
            ("-", "'-"),
            ("-5.00", "-5.00"),
            ("12.50", "12.50"),
            ("V3", "V3"),
        ];
        for (text, cell) in cells {
            assert_eq!(csv_field(text), cell, "{text}");
        }
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }

    #[test]
    fn the_printed_page_keeps_the_release_ahead_of_retries_and_reminders() {
        // Lapsed on the international site: daily failed attempts and reminders come before the
        // freeze and the release; the page lists one attempt and every change of state.
        let scenario = Scenario::from_json(
            r#"{ "format": "renewal-lab/1", "name": "intl", "timezone": "-03:00",
                 "policy": "huawei-intl", "tier": "standard", "balance": "0.00",
                 "resources": [{ "id": "db", "billing": "package", "start": "2026-01-31T14:00:00",
                   "term": "1m", "prices": { "month": "30.00", "year": "300.00" },
                   "auto_renew": { "enabled": true } }],
                 "until": "2026-04-15T00:00:00" }"#,
        )
        .expect("valid");
        let trace = simulate(&scenario);
        let now = Time::parse_local("2026-02-20T12:00:00").expect("time");
        let (shown, more) = printed_coming(&trace, now, 6);
        let kinds: Vec<&str> = shown.iter().map(|e| e.kind.name()).collect();
        assert_eq!(
            kinds,
            [
                "auto_renew_attempt",
                "state_changed",
                "state_changed",
                "state_changed"
            ],
            "{shown:?}"
        );
        assert!(!more);
        let released = shown.last().expect("an event");
        assert_eq!(
            released.at,
            Time::parse_local("2026-03-31T00:00:00").expect("time")
        );
        // A renewal starts the count of failures again: paid monthly, every attempt is listed.
        let paid = Scenario::from_json(
            &SCENARIO
                .replace(
                    r#""term": "1m","#,
                    r#""term": "1m", "auto_renew": { "enabled": true },"#,
                )
                .replace("2026-03-01T00:00:00", "2026-05-01T00:00:00"),
        )
        .expect("valid");
        let paid_trace = simulate(&paid);
        let start = Time::parse_local("2026-01-10T09:00:00").expect("time");
        let (shown, _) = printed_coming(&paid_trace, start, 6);
        let attempts = shown
            .iter()
            .filter(|e| e.kind.name() == "auto_renew_attempt");
        assert_eq!(attempts.count(), 3, "{shown:?}");
        // Every event counted is shown when the limit is lower, and the rest is said to follow.
        let (first_two, more) = printed_coming(&trace, now, 2);
        assert_eq!(first_two.len(), 2);
        assert!(more);
        // Nothing after the end.
        assert_eq!(printed_coming(&trace, trace.until, 6), (Vec::new(), false));
    }

    #[test]
    fn every_tier_up_to_the_clock_in_one_csv() {
        let scenario = Scenario::from_json(SCENARIO).expect("valid fixture");
        let traces = crate::engine::simulate_all_tiers(&scenario);
        let now = Time::parse_local("2026-02-12T00:00:00").expect("time");
        let csv = event_logs_csv(&scenario, &traces, now);
        let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
        assert_eq!(rows[0], "tier,at,resource,kind,what,rule,next,balance");
        let expected: usize = traces.iter().map(|t| t.events_until(now).len()).sum();
        assert_eq!(rows.len(), 1 + expected);
        assert!(traces.len() > 1, "the fixture's policy has several tiers");
        for trace in &traces {
            let prefix = format!("{},", trace.tier);
            let count = rows[1..].iter().filter(|r| r.starts_with(&prefix)).count();
            assert_eq!(count, trace.events_until(now).len(), "{}", trace.tier);
        }
        // Nothing after the clock (V3 freezes on 02-18, V1 releases on 02-19).
        assert!(!csv.contains(",2026-02-18T"), "{csv}");
        assert!(!csv.contains(",2026-02-19T"), "{csv}");
        assert!(csv.ends_with("\r\n"));
    }

    #[test]
    fn the_calendar_holds_the_lapse_dates_after_the_end_of_the_simulation() {
        // V1 package: expires 2026-02-11 00:00, frozen a day later, released 7 days after that.
        let ended = |until: &str| {
            let text = SCENARIO.replace("2026-03-01T00:00:00", until);
            let scenario = Scenario::from_json(&text).expect("valid");
            let trace = simulate(&scenario);
            (scenario, trace)
        };
        let keys = |dates: Vec<Reminder>| -> Vec<(&'static str, String)> {
            dates
                .iter()
                .map(|d| (d.kind.key(), d.at.local_string()))
                .collect()
        };
        // until, the dates after it
        let cases: [(&str, &[(&str, &str)]); 4] = [
            ("2026-02-10T00:00:00", &[]), // still available: no lapse to project
            (
                "2026-02-11T12:00:00",
                &[
                    ("frozen", "2026-02-12T00:00:00"),
                    ("released", "2026-02-19T00:00:00"),
                ],
            ),
            (
                "2026-02-15T00:00:00",
                &[("released", "2026-02-19T00:00:00")],
            ),
            ("2026-03-01T00:00:00", &[]), // released within the run
        ];
        for (until, expected) in cases {
            let (scenario, trace) = ended(until);
            let expected: Vec<(&str, String)> =
                expected.iter().map(|(k, t)| (*k, t.to_string())).collect();
            assert_eq!(keys(after_the_end(&scenario, &trace)), expected, "{until}");
        }
        // No retention days: an expired package is released at the end of its grace period.
        let text = SCENARIO
            .replace("2026-03-01T00:00:00", "2026-02-11T12:00:00")
            .replace(
                r#""tier": "V1","#,
                r#""policy": { "name": "short", "tiers": { "T": {
                 "package": { "grace_days": 3, "retention_days": 0 },
                 "pay_per_use": { "grace_days": 0, "retention_days": 0 } } } }, "tier": "T","#,
            );
        let scenario = Scenario::from_json(&text).expect("valid");
        let trace = simulate(&scenario);
        assert_eq!(
            keys(after_the_end(&scenario, &trace)),
            [("released", "2026-02-14T00:00:00".to_string())]
        );
        let (scenario, trace) = ended("2026-02-15T00:00:00");
        let now = Time::parse_local("2026-02-14T00:00:00").expect("time");
        let ics = calendar_ics(&scenario, &trace, now, now, Lang::En);
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.contains("DTSTART:20260218T160000Z\r\n"), "{ics}");
        assert!(ics.contains("after the end of the simulation"), "{ics}");
    }

    #[test]
    fn calendar_lists_only_coming_dates_in_utc() {
        let (scenario, trace) = fixture();
        let now = Time::parse_local("2026-02-10T12:00:00").expect("time");
        let dates = coming_dates(&scenario, &trace, now);
        // V1 package: expires 2026-02-11 00:00, frozen a day later, released 7 days after that.
        let keys: Vec<(&str, String)> = dates
            .iter()
            .map(|d| (d.kind.key(), d.at.local_string()))
            .collect();
        assert_eq!(
            keys,
            [
                ("expired", "2026-02-11T00:00:00".to_string()),
                ("frozen", "2026-02-12T00:00:00".to_string()),
                ("released", "2026-02-19T00:00:00".to_string()),
            ]
        );
        // Written on 2026-11-28 at 09:30 UTC, whatever the virtual clock says.
        let written = Time::parse_local("2026-11-28T09:30:00").expect("time");
        let ics = calendar_ics(&scenario, &trace, now, written, Lang::En);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(
            ics.contains("DTSTART:20260210T160000Z\r\n"),
            "expiry at 00:00+08:00 is 16:00Z the day before"
        );
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
        assert_eq!(ics.matches("DTSTAMP:20261128T093000Z\r\n").count(), 3);
        let uid = format!(
            "UID:db-released-20260218T160000Z-V1-{:08x}@renewal-lab\r\n",
            name_hash(&scenario.name)
        );
        assert!(ics.contains(&uid), "{ics}");
        // Another scenario with the same resource and dates gives other UIDs.
        let mut renamed = scenario.clone();
        renamed.name = format!("{} (copy)", scenario.name);
        assert!(!calendar_ics(&renamed, &trace, now, now, Lang::En).contains(&uid));
        assert_eq!(name_hash(""), 0x811c_9dc5);
        assert_eq!(name_hash("a"), 0xe40c_292c, "FNV-1a's published value");
        assert!(!ics.contains("DTEND"), "instants have no DTEND");
        assert!(ics.split("\r\n").all(|l| l.is_empty() || !l.contains('\n')));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.split("\r\n").all(|l| l.len() <= 75), "lines are folded");
        assert!(has_calendar_dates(&scenario, &trace, now));
        // Once released, nothing is coming: no calendar to make.
        let after = Time::parse_local("2026-02-20T00:00:00").expect("time");
        assert!(coming_dates(&scenario, &trace, after).is_empty());
        assert!(!has_calendar_dates(&scenario, &trace, after));
    }

    #[test]
    fn calendar_is_written_in_the_language_asked_for() {
        let (scenario, trace) = fixture();
        let now = Time::parse_local("2026-02-10T12:00:00").expect("time");
        // Unfolded, as a calendar program reads it.
        let read = |lang| calendar_ics(&scenario, &trace, now, now, lang).replace("\r\n ", "");
        let en = read(Lang::En);
        assert!(en.contains("X-WR-CALNAME:Renewal Lab — tier V1\r\n"));
        assert!(en.contains("SUMMARY:db: released: the data is deleted\r\n"));
        assert!(en.contains(
            "DESCRIPTION:db: released: the data is deleted (tier V1\\, 2026-02-19 00:00 \
             UTC+08:00) — from the Renewal Lab scenario “"
        ));
        let zh = read(Lang::ZhCn);
        assert!(zh.contains("X-WR-CALNAME:Renewal Lab — 等级 V1\r\n"));
        assert!(zh.contains("SUMMARY:db: 释放：数据被删除\r\n"));
        assert!(zh.contains("（等级 V1，2026/02/19 00:00 UTC+08:00）— 来自 Renewal Lab 场景“"));
        let pt = read(Lang::PtBr);
        assert!(pt.contains("SUMMARY:db: liberado: os dados são excluídos\r\n"));
        assert!(pt.contains("(nível V1\\, 19/02/2026 00:00 UTC+08:00)"));
        // Only the words change: the dates and identifiers are the same in every language.
        let stable = |ics: &str| -> Vec<String> {
            ics.lines()
                .filter(|l| l.starts_with("DTSTART") || l.starts_with("UID"))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(stable(&en), stable(&zh));
        assert_eq!(stable(&en), stable(&pt));
    }

    #[test]
    fn a_ready_scenarios_name_is_translated_like_on_screen() {
        let entry = crate::ui::scenarios::entry("pay-per-use-arrears").expect("slug");
        let scenario = Scenario::from_doc(&entry.doc().expect("parses")).expect("valid");
        let trace = crate::engine::simulate(&scenario);
        let start = scenario.start();
        for lang in [Lang::ZhCn, Lang::PtBr] {
            let title = scenario_title(lang, &scenario.name);
            assert_ne!(title, scenario.name, "{lang:?} has a translation");
            let ics = calendar_ics(&scenario, &trace, start, start, lang).replace("\r\n ", "");
            assert!(ics.contains(&escape_text(title)), "{lang:?}");
            assert!(
                !ics.contains(&escape_text(&scenario.name)),
                "{lang:?}: no English name"
            );
            let svg = svg::timeline_svg(&scenario, std::slice::from_ref(&trace), start, lang);
            assert!(svg.contains(title), "{lang:?}");
        }
    }

    #[test]
    fn text_values_are_escaped_and_folded() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let folded = fold_line(&"x".repeat(160));
        assert_eq!(
            folded,
            format!(
                "{}\r\n {}\r\n {}\r\n",
                "x".repeat(75),
                "x".repeat(74),
                "x".repeat(11)
            )
        );
        let wide = fold_line(&"数".repeat(30));
        assert!(wide.split("\r\n").all(|l| l.len() <= 75));
    }
}
