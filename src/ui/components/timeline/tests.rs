//! The timeline's geometry and words, natively.

use super::geometry::*;
use super::tooltip::*;
use crate::engine::{EventKind, Offset, Scenario, State, Time};
use crate::ui::i18n::Lang;
use crate::ui::markers::{MarkerKind, GLYPH_HALF_PX};
use crate::ui::sim::Sim;
use crate::ui::text::tenths;
use std::rc::Rc;

#[test]
fn every_gallery_scenario_is_drawn_at_any_width_in_every_language() {
    // The width comes from the page's layout: 0 while hidden, anything on a projector.
    let widths = [
        0.0,
        1.0,
        360.0,
        1_280.0,
        1.0e6,
        -5.0,
        f64::NAN,
        f64::INFINITY,
    ];
    for entry in crate::ui::scenarios::GALLERY {
        let scenario = Scenario::from_doc(&entry.doc().unwrap()).unwrap();
        let sim = Sim::new(scenario).expect("within the event bound");
        for width in widths {
            for lang in Lang::ALL {
                let drawn = raw_geometry(&sim, width, lang);
                assert_eq!(
                    drawn.tiers.len(),
                    sim.traces.len(),
                    "{} at {width}",
                    entry.slug
                );
            }
        }
    }
}

/// Failed attempts 04-01..04-03 at 03:00, a top-up, then a paid attempt on 04-04.
const SCENARIO: &str = r#"{
  "format": "renewal-lab/1", "policy": "huawei-cn", "tier": "V3", "balance": "20.00",
  "resources": [
    { "id": "ocr", "billing": "package", "start": "2026-03-08T10:00:00", "term": "1m",
      "prices": { "month": "30.00", "year": "300.00" },
      "auto_renew": { "enabled": true, "days_before": 7 } }
  ],
  "actions": [ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" } ],
  "until": "2026-04-20T00:00:00"
}"#;

#[test]
fn coordinates_keep_one_decimal() {
    // value, text
    let cases = [
        (0.0, "0"),
        (12.34, "12.3"),
        (12.35, "12.4"),
        (-0.04, "0"),
        (-0.5, "-0.5"),
        (-6.5, "-6.5"),
        (1_056.0, "1056"),
        (f64::NAN, "0"),
    ];
    for (value, text) in cases {
        assert_eq!(tenths(value), text, "{value}");
    }
    assert_eq!(view_box(1234.6, 40.0), "0 0 1235 40");
    assert_eq!(view_box(-3.0, 36.4), "0 0 0 36");
}

#[test]
fn instants_are_written_as_the_engine_writes_them() {
    let offsets = [Offset::default(), Offset::from_minutes(-210).unwrap()];
    // seconds since 1970-01-01T00:00:00 local: the epoch, a second before, 2026-01-08 09:00,
    // a leap day, a century that is not a leap year, far before and after
    let instants = [
        0,
        -1,
        1_767_862_800,
        1_835_406_000,
        4_107_616_496,
        -30_610_224_000,
        253_402_300_799,
    ];
    for offset in offsets {
        for secs in instants {
            let t = Time::from_secs(secs);
            let mut out = String::new();
            push_rfc3339(&mut out, t, &offset.to_string());
            assert_eq!(out, t.rfc3339(offset), "{secs}");
        }
    }
}

#[test]
fn glyphs_start_at_their_outline_and_cut_their_symbol() {
    // kind, centre, the path's start, the number of subpaths (outline and cut-out)
    let cases = [
        (MarkerKind::AttemptSucceeded, (10.0, 27.0), "M3.5 27a", 2),
        (MarkerKind::AttemptFailed, (10.0, 27.0), "M3.5 27a", 2),
        (MarkerKind::Renewed, (100.25, 27.0), "M100.3 19.5l", 2),
        (MarkerKind::TopUp, (0.0, 25.0), "M-6.5 25a", 2),
        (MarkerKind::Rejected, (50.0, 27.0), "M44 21l", 2),
    ];
    for (kind, (x, y), start, subpaths) in cases {
        let d = kind.glyph(x, y);
        assert!(d.starts_with(start), "{kind:?}: {d}");
        assert_eq!(d.matches(['z', 'Z']).count(), subpaths, "{kind:?}: {d}");
        assert!(!d.contains("  "), "one space between numbers: {d}");
    }
}

fn sim(json: &str) -> Sim {
    Sim::new(Scenario::from_json(json).unwrap()).expect("within the event bound")
}

fn kinds(drawn: &[Drawn]) -> Vec<(&'static str, usize)> {
    drawn
        .iter()
        .map(|m| (m.kind.data_kind(), m.count))
        .collect()
}

#[test]
fn a_workshop_view_leaves_room_after_the_clock_for_the_glyph_just_revealed() {
    let full = sim(SCENARIO);
    let v3 = &full.traces[3];
    // The clock on V3's first failed attempt: the last event of the cut view.
    let at = v3
        .events
        .iter()
        .find(|e| e.kind.name() == "auto_renew_attempt")
        .expect("an attempt")
        .at;
    let cut = crate::ui::workshop_state::known_sim(&full, at);
    let width = 1_000.0;
    let geometry = geometry(&cut, width, Lang::En, None);
    assert_eq!(geometry.start, v3.start);
    assert!(geometry.end > at, "a margin after the clock");
    assert_eq!(geometry.until, at, "the range said ends at the clock");
    let drawn = &geometry.tiers[3].lanes[0].drawn;
    let last = drawn.last().expect("the attempt is drawn");
    assert!(
        last.px + GLYPH_HALF_PX <= width,
        "the glyph is whole: {} of {width}",
        last.px
    );
    // The full view ends at the run's end, without a margin.
    assert_eq!(super::geometry(&full, width, Lang::En, None).end, v3.until);
}

#[test]
fn glyphs_at_the_runs_first_and_last_instants_are_drawn_whole() {
    // Top-ups at the start and at the end; the renewal is a purchase at the start.
    let json = SCENARIO.replace(
        r#"{ "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" }"#,
        r#"{ "at": "2026-03-08T10:00:00", "do": "top_up", "amount": "1.00" },
           { "at": "2026-04-20T00:00:00", "do": "top_up", "amount": "50.00" }"#,
    );
    let width = 1_000.0;
    let geometry = geometry(&sim(&json), width, Lang::En, None);
    let account: Vec<f64> = geometry.tiers[0]
        .account_drawn
        .iter()
        .map(|d| d.px)
        .collect();
    assert_eq!(account, [GLYPH_HALF_PX, width - GLYPH_HALF_PX]);
    // Inside the lane, a glyph keeps its place.
    assert_eq!(inside_lane(500.0, width), 500.0);
    // A lane narrower than a glyph does not clamp (the range would be empty).
    assert_eq!(inside_lane(20.0, 10.0), 20.0);
    assert_eq!(inside_lane(20.0, f64::NAN), 20.0);
}

#[test]
fn markers_merge_only_when_they_would_overlap() {
    let sim = sim(SCENARIO);
    // track width in px, the scenario tier's markers (kind, events merged)
    let cases: [(f64, &[(&str, usize)]); 2] = [
        (
            1_000.0,
            &[
                ("attempt-failed", 1),
                ("attempt-failed", 1),
                ("attempt-failed", 1),
                // X − 5 days at 09:00, after the third failed attempt
                ("reminder", 1),
                ("attempt-succeeded", 1),
            ],
        ),
        (
            200.0,
            &[
                ("attempt-failed", 3),
                ("reminder", 1),
                ("attempt-succeeded", 1),
            ],
        ),
    ];
    for (width, expected) in cases {
        let geometry = geometry(&sim, width, Lang::En, None);
        let v3 = &geometry.tiers[3];
        assert_eq!(v3.name, "V3");
        assert!(v3.is_scenario_tier);
        assert_eq!(kinds(&v3.lanes[0].drawn), expected, "{width}px");
        assert_eq!(kinds(&v3.account_drawn), [("top-up", 1)]);
        // One path per kind, each listing every event it marks.
        let paths: Vec<(&str, usize, usize)> = v3.lanes[0]
            .drawing
            .markers
            .iter()
            .map(|p| (p.kind.data_kind(), p.count, p.d.matches(['M', 'L']).count()))
            .collect();
        let failed_glyphs = expected.iter().filter(|e| e.0 == "attempt-failed").count();
        assert_eq!(
            paths,
            [
                ("reminder", 1, 1),
                ("attempt-failed", 3, failed_glyphs),
                ("attempt-succeeded", 1, 1)
            ],
            "{width}px"
        );
    }
    let narrow = geometry(&sim, 200.0, Lang::En, None);
    let v3 = &narrow.tiers[3];
    let failed = v3.lanes[0]
        .drawing
        .markers
        .iter()
        .find(|p| p.kind == MarkerKind::AttemptFailed)
        .expect("a failed attempt's path");
    assert_eq!(
        failed.at,
        "2026-04-01T03:00:00+08:00 2026-04-02T03:00:00+08:00 2026-04-03T03:00:00+08:00"
    );
    let merged = glyph_text(&sim, &sim.traces[3], &v3.lanes[0].drawn[0], Lang::En);
    assert!(
        merged.starts_with("3 × auto-renew failed from 2026-04-01 03:00 to 2026-04-03 03:00"),
        "{merged}"
    );
    let wide = geometry(&sim, 1_000.0, Lang::En, None);
    let first_paid = wide.tiers[3].lanes[0]
        .drawn
        .iter()
        .find(|d| d.kind == MarkerKind::AttemptSucceeded)
        .expect("a paid attempt");
    let paid = glyph_text(&sim, &sim.traces[3], first_paid, Lang::En);
    assert!(
        paid.starts_with("2026-04-04 03:00:00 UTC+08:00, ocr: Auto-renew paid 30.00"),
        "{paid}"
    );
    assert!(
        paid.contains("renewed for 1 month, counted from the expiry date"),
        "{paid}"
    );
}

#[test]
fn marker_paths_carry_one_glyph_per_vertex() {
    // events pushed at these px, the path drawn, whether it is a single glyph
    let cases: [(&[f64], &str, bool); 3] = [
        (&[10.0], "M10 27h0", true),
        (&[10.0, 15.0, 40.25], "M10 27L40.3 27", false),
        (&[10.0, 30.0, 50.0], "M10 27L30 27L50 27", false),
    ];
    for (xs, d, single) in cases {
        let mut sink = MarkerSink::new(LANE_MARKER_Y, Offset::default());
        for (i, &x) in xs.iter().enumerate() {
            sink.push(MarkerKind::AttemptFailed, x, i, Time::default());
        }
        let (paths, drawn) = sink.finish();
        assert_eq!(paths.len(), 1);
        assert_eq!(
            (paths[0].d.as_str(), paths[0].single),
            (d, single),
            "{xs:?}"
        );
        assert_eq!(paths[0].count, xs.len());
        assert_eq!(drawn.iter().map(|d| d.count).sum::<usize>(), xs.len());
        // The pointer finds the glyph within reach only.
        assert_eq!(glyph_near(&drawn, xs[0] + 3.0), Some(0));
        assert_eq!(glyph_near(&drawn, xs[0] - MARKER_HIT_PX - 1.0), None);
    }
}

#[test]
fn marker_titles_say_what_the_event_log_says() {
    // A run with every marker kind: failures, a reminder, a paid attempt, a manual renewal, a
    // top-up and a refused renewal.
    let json = SCENARIO.replace(
        r#"[ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" } ]"#,
        r#"[ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" },
            { "at": "2026-04-10T12:00:00", "do": "renew", "resource": "ocr", "term": "1m" },
            { "at": "2026-04-11T12:00:00", "do": "renew", "resource": "ocr", "term": "5y" } ]"#,
    );
    let sim = sim(&json);
    let trace = &sim.traces[3];
    let mut kinds = Vec::new();
    for (index, event) in trace.events.iter().enumerate() {
        let Some(kind) = MarkerKind::of(&event.kind) else {
            continue;
        };
        kinds.push(kind.data_kind());
        let mut sentence = marker_sentence(
            Lang::En,
            &event.kind,
            trace.events.get(index + 1).map(|e| &e.kind),
            crate::explain::attempt_rule(event),
        );
        let explained = crate::ui::i18n::explain::explain(Lang::En, event, &sim.scenario, trace);
        if kind == MarkerKind::Reminder {
            // Worded in the app's language from the notice; the English is the log's.
            let wide = geometry(&sim, 1_000.0, Lang::En, None);
            let drawn = wide.tiers[3].lanes[0]
                .drawn
                .iter()
                .find(|d| d.event == index);
            sentence = drawn.map_or_else(String::new, |d| glyph_text(&sim, trace, d, Lang::En));
            assert!(sentence.contains(&explained.what), "{sentence}");
        } else if kind == MarkerKind::AttemptSucceeded {
            assert!(
                sentence.starts_with("Auto-renew paid 30.00 and renewed for 1 month"),
                "{sentence}"
            );
        } else {
            assert!(
                sentence.starts_with(&explained.what),
                "{sentence} / {}",
                explained.what
            );
        }
        assert!(
            sentence.ends_with(&format!("[{}]", explained.rule)),
            "{sentence}"
        );
    }
    for kind in MarkerKind::ALL {
        assert!(kinds.contains(&kind.data_kind()), "{kinds:?}");
    }
    // The attempt made at once when auto-renew is switched on on the expiry date names its
    // own rule, as the log does (it used to say "at 03:00").
    let on_expiry_day = self::sim(include_str!(
        "../../../../scenarios/auto-renew-on-expiry-day.json"
    ));
    let trace = &on_expiry_day.traces[3];
    let wide = geometry(&on_expiry_day, 1_000.0, Lang::En, None);
    let attempt = wide.tiers[3].lanes[0]
        .drawn
        .iter()
        .find(|d| {
            matches!(
                trace.events[d.event].kind,
                EventKind::AutoRenewAttempt { .. }
            )
        })
        .expect("an attempt glyph");
    let sentence = glyph_text(&on_expiry_day, trace, attempt, Lang::En);
    assert!(
        sentence.ends_with("[§6 auto-renewal switched on on the expiry date]"),
        "{sentence}"
    );
}

#[test]
fn every_marker_kind_gets_a_path() {
    let json = SCENARIO.replace(
        r#"[ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" } ]"#,
        r#"[ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" },
            { "at": "2026-04-10T12:00:00", "do": "renew", "resource": "ocr", "term": "1m" },
            { "at": "2026-04-11T12:00:00", "do": "renew", "resource": "ocr", "term": "5y" } ]"#,
    );
    let geometry = geometry(&sim(&json), 1_000.0, Lang::En, None);
    let v3 = &geometry.tiers[3];
    let mut drawn: Vec<&str> = v3.lanes[0]
        .drawing
        .markers
        .iter()
        .chain(v3.account_markers.iter())
        .map(|p| p.kind.data_kind())
        .collect();
    drawn.sort_unstable();
    let mut all: Vec<&str> = MarkerKind::ALL.iter().map(|k| k.data_kind()).collect();
    all.sort_unstable();
    assert_eq!(drawn, all);
}

#[test]
fn bands_follow_the_states_and_label_only_where_the_word_fits() {
    let json = SCENARIO
        .replace(r#""balance": "20.00""#, r#""balance": "0.00""#)
        .replace(
            r#"[ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" } ]"#,
            "[]",
        );
    let geometry = geometry(&sim(&json), 1_000.0, Lang::En, None);
    // tier, states of its band sequence, labelled
    let cases: [(usize, &[(State, bool)]); 2] = [
        (
            0,
            &[
                (State::Available, true),
                (State::Expired, false),
                (State::Frozen, false),
                (State::Released, true),
            ],
        ),
        (
            3,
            &[
                (State::Available, true),
                (State::Expired, true),
                (State::Frozen, true),
            ],
        ),
    ];
    for (tier, expected) in cases {
        let bands: Vec<(State, bool)> = geometry.tiers[tier].lanes[0]
            .drawing
            .bands
            .iter()
            .map(|b| (b.state, b.label.is_some()))
            .collect();
        assert_eq!(bands, expected, "tier {tier}");
    }
    let first = &geometry.tiers[0].lanes[0].drawing.bands[0];
    assert_eq!(first.x, "0.000%");
}

#[test]
fn an_edit_keeps_the_geometry_of_lanes_it_did_not_change() {
    let before = geometry(&sim(SCENARIO), 1_000.0, Lang::En, None);
    let renamed = SCENARIO.replace(r#""tier": "V3""#, r#""name": "Renamed", "tier": "V3""#);
    let mut after = geometry(&sim(&renamed), 1_000.0, Lang::En, None);
    reuse_unchanged(&mut after, &before);
    for (old, new) in before.tiers.iter().zip(&after.tiers) {
        assert!(
            Rc::ptr_eq(&old.lanes[0].drawing, &new.lanes[0].drawing),
            "{}",
            new.name
        );
        assert!(Rc::ptr_eq(&old.account_markers, &new.account_markers));
    }
    assert!(Rc::ptr_eq(&before.ticks, &after.ticks));
    let richer = SCENARIO.replace(r#""balance": "20.00""#, r#""balance": "90.00""#);
    let mut changed = geometry(&sim(&richer), 1_000.0, Lang::En, None);
    reuse_unchanged(&mut changed, &before);
    assert!(!Rc::ptr_eq(
        &before.tiers[3].lanes[0].drawing,
        &changed.tiers[3].lanes[0].drawing
    ));
}

#[test]
fn a_tooltip_opens_below_its_row_unless_the_room_is_short_there() {
    // room below, room above (px), opens above?
    let cases = [
        (400.0, 50.0, false),
        (160.0, 900.0, false),
        (120.0, 300.0, true),
        // A row at the window's bottom edge.
        (20.0, 180.0, true),
        // Short on both sides: the roomier one.
        (100.0, 60.0, false),
        (60.0, 100.0, true),
    ];
    for (below, above, expected) in cases {
        assert_eq!(
            opens_above(below, above),
            expected,
            "{below} below, {above} above"
        );
    }
}
