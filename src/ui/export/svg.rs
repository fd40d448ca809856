//! The timeline as a standalone SVG document: a title, a legend, the axis, one lane per tier ×
//! resource with its state bands (colour, pattern and label), the event markers and the clock's
//! cursor. Colours are written as presentation attributes (no stylesheet, no script), always the
//! light palette, so the file looks the same in any viewer, on paper and when drawn to a PNG.
//!
//! Coordinates are integers or tenths written without float formatting (which is large and slow
//! in WebAssembly). The words come from the app's catalogs, in the language asked for.

use crate::engine::{BillingMode, Scenario, State, Time, Trace};
use crate::ui::i18n::explain::state_name;
use crate::ui::i18n::format::{minute, offset as offset_label, second};
use crate::ui::i18n::{scenario_title, tr, trf, Lang};
use crate::ui::markers::MarkerKind;
use crate::ui::text::{axis_labels, fraction, tenths};
use std::fmt::Write;

/// The document's width in pixels.
pub const WIDTH: i32 = 1200;
/// Where the track starts (left of it: tier and resource names).
const TRACK_X: i32 = 180;
/// The track's width.
const TRACK_W: i32 = WIDTH - TRACK_X - 24;
/// Heights of a tier's header row, a lane, and the gap after a tier's lanes.
const TIER_H: i32 = 26;
const LANE_H: i32 = 40;
const GROUP_GAP: i32 = 10;
/// Height of the axis above the lanes.
const AXIS_H: i32 = 30;

/// Colours of the light theme (static/css/theme.css).
const TEXT: &str = "#1c1b1f";
const MUTED: &str = "#585b66";
const LANE_BG: &str = "#f5f6f8";
const OK: &str = "#146c43";
const FAIL: &str = "#b3261e";
const ACCENT: &str = "#5b3cc4";
/// Reminders: the dark amber of the on-screen glyph.
const REMINDER: &str = "#8a5a00";

/// A state's ink (text), background and line colours.
fn palette(state: State) -> (&'static str, &'static str, &'static str) {
    match state {
        State::Available => ("#146c43", "#dcf2e5", "#2f9162"),
        State::Expired => ("#8a4b00", "#fdecc8", "#c98412"),
        State::Frozen => ("#1b4f91", "#dde9f8", "#3f7bcc"),
        State::Released => ("#44474e", "#e5e6ea", "#8b8f98"),
    }
}

fn marker_fill(kind: MarkerKind) -> &'static str {
    match kind {
        MarkerKind::AttemptSucceeded => OK,
        MarkerKind::AttemptFailed | MarkerKind::Rejected => FAIL,
        MarkerKind::Renewed | MarkerKind::TopUp => ACCENT,
        MarkerKind::Reminder => REMINDER,
    }
}

/// The widest title that fits the picture, in Latin characters at its size (a CJK character
/// counts as two): 1,152 px less margins, about 11 px a character.
const TITLE_UNITS: usize = 100;

/// `text`, cut with "…" to at most `units` (a character of the wide scripts counts as two): a
/// long scenario name no longer runs off the picture's right edge.
fn fit(text: &str, units: usize) -> std::borrow::Cow<'_, str> {
    let width = |c: char| if u32::from(c) >= 0x2E80 { 2 } else { 1 };
    if text.chars().map(width).sum::<usize>() <= units {
        return text.into();
    }
    let mut used = 1; // the ellipsis
    let kept: String = text
        .chars()
        .take_while(|&c| {
            used += width(c);
            used <= units
        })
        .collect();
    format!("{}…", kept.trim_end()).into()
}

/// Text escaped for XML content and attribute values.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A rough width of `text` at `size` px: narrow Latin, square CJK.
fn text_width(text: &str, size: i32) -> i32 {
    let tenths: i32 = text
        .chars()
        .map(|c| if c.is_ascii() { 6 } else { 10 })
        .sum();
    tenths * size / 10
}

/// The timeline of `traces` (every tier of `scenario`) with the cursor at `now`, as an SVG file.
pub fn timeline_svg(scenario: &Scenario, traces: &[Trace], now: Time, lang: Lang) -> String {
    let start = traces.first().map_or(now, |t| t.start);
    let end = traces.first().map_or(now, |t| t.until);
    let offset = traces.first().map(|t| t.offset).unwrap_or_default();
    let x_of = |t: Time| f64::from(TRACK_X) + fraction(start, end, t) * f64::from(TRACK_W);
    let lanes = scenario.resources.len() as i32;
    let group_h = TIER_H + LANE_H * lanes + GROUP_GAP;

    let mut body = String::new();
    // Title and subtitle.
    let name = scenario_title(lang, &scenario.name);
    let title = trf(lang, "Renewal Lab timeline: {0}", &[name]);
    let subtitle = trf(
        lang,
        "{0} → {1} · times in {2} · clock {3} · scenario tier {4}",
        &[
            &minute(lang, start),
            &minute(lang, end),
            &offset_label(offset),
            &second(lang, now),
            &scenario.tier,
        ],
    );
    let _ = write!(
        body,
        r#"<text x="24" y="34" font-size="20" font-weight="700" fill="{TEXT}">{}</text><text x="24" y="56" font-size="13" fill="{MUTED}">{}</text>"#,
        xml(&fit(&title, TITLE_UNITS)),
        xml(&subtitle)
    );

    // Legend, wrapping as needed.
    let (mut x, mut y) = (24, 74);
    let mut item = |body: &mut String, width: i32, draw: &dyn Fn(&mut String, i32, i32)| {
        if x + width > WIDTH - 24 {
            x = 24;
            y += 22;
        }
        draw(body, x, y);
        x += width + 18;
    };
    for state in State::ALL {
        let word = state_name(lang, state);
        let (_, _, line) = palette(state);
        item(
            &mut body,
            36 + text_width(word, 12),
            &|body: &mut String, x: i32, y: i32| {
                let _ = write!(
                    body,
                    r#"<rect x="{x}" y="{y}" width="28" height="14" rx="3" fill="url(#rl-p-{})" stroke="{line}"/><text x="{}" y="{}" font-size="12" fill="{TEXT}">{}</text>"#,
                    state.as_str(),
                    x + 34,
                    y + 11,
                    xml(word)
                );
            },
        );
    }
    for kind in MarkerKind::ALL {
        let word = tr(lang, kind.legend());
        item(
            &mut body,
            24 + text_width(word, 12),
            &|body: &mut String, x: i32, y: i32| {
                let _ = write!(
                    body,
                    r#"<path d="{}" fill="{}" fill-rule="evenodd"/><text x="{}" y="{}" font-size="12" fill="{TEXT}">{}</text>"#,
                    kind.glyph(f64::from(x + 8), f64::from(y + 7)),
                    marker_fill(kind),
                    x + 22,
                    y + 11,
                    xml(word)
                );
            },
        );
    }
    let axis_top = y + 30;
    let lanes_top = axis_top + AXIS_H;
    let height = lanes_top + group_h * traces.len() as i32 + 14;

    // Axis labels; their grid lines are drawn over the lanes, faintly.
    let mut grid = String::new();
    // Labelled in the file's language, as everything else in it.
    for placed in axis_labels(lang, start, end, f64::from(TRACK_W)) {
        let tick = &placed.tick;
        let tx = tenths(x_of(tick.at));
        let (opacity, weight) = if tick.major {
            ("0.3", "700")
        } else {
            ("0.1", "400")
        };
        let (dx, anchor) = if placed.anchor_end {
            ("-3", "end")
        } else {
            ("3", "start")
        };
        let _ = write!(
            body,
            r#"<text x="{tx}" dx="{dx}" text-anchor="{anchor}" y="{}" font-size="11" font-weight="{weight}" fill="{MUTED}">{}</text>"#,
            axis_top + 13,
            xml(&tick.label)
        );
        let _ = write!(
            grid,
            r#"<line x1="{tx}" x2="{tx}" y1="{}" y2="{}" stroke="{TEXT}" stroke-opacity="{opacity}"/>"#,
            axis_top + 18,
            height - 14
        );
    }

    // Tiers and lanes.
    let scenario_tier = traces
        .iter()
        .position(|t| t.tier == scenario.tier)
        .unwrap_or(0);
    // Band labels and markers go over the grid and the cursor, as the cursor line would otherwise
    // cross out the word of the band it stands in.
    let mut over = String::new();
    for (index, trace) in traces.iter().enumerate() {
        let top = lanes_top + group_h * index as i32;
        tier_group(
            (&mut body, &mut over),
            scenario,
            trace,
            index == scenario_tier,
            top,
            &x_of,
            lang,
        );
    }

    body.push_str(&grid);

    // The clock's cursor.
    let cx = tenths(x_of(now));
    let cursor_top = axis_top + 16;
    let _ = write!(
        body,
        r#"<g data-testid="cursor"><line x1="{cx}" x2="{cx}" y1="{cursor_top}" y2="{}" stroke="{TEXT}" stroke-width="2"/><path d="M{} {}l12 0l-6 9z" fill="{TEXT}"/></g>"#,
        height - 14,
        tenths(x_of(now) - 6.0),
        cursor_top - 2
    );
    body.push_str(&over);

    let mut out = String::with_capacity(body.len() + 1200);
    let _ = write!(
        out,
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="rl-title" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans SC', sans-serif"><title id="rl-title">{}</title><desc>{}</desc>{}<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>"##,
        xml(&title),
        xml(&subtitle),
        DEFS
    );
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

/// The four states' patterns (the app's, in the light palette).
const DEFS: &str = concat!(
    r##"<defs><pattern id="rl-p-available" width="10" height="10" patternUnits="userSpaceOnUse"><rect width="10" height="10" fill="#dcf2e5"/></pattern>"##,
    r##"<pattern id="rl-p-expired" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fdecc8"/><line x1="1" y1="0" x2="1" y2="8" stroke="#c98412" stroke-width="2.5"/></pattern>"##,
    r##"<pattern id="rl-p-frozen" width="7" height="7" patternUnits="userSpaceOnUse"><rect width="7" height="7" fill="#dde9f8"/><circle cx="3.5" cy="3.5" r="1.3" fill="#3f7bcc"/></pattern>"##,
    r##"<pattern id="rl-p-released" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#e5e6ea"/><path d="M0 4H8M4 0V8" stroke="#8b8f98" stroke-width="1"/></pattern></defs>"##
);

/// One tier: its header row (name, account markers) and a lane per resource, the bands into
/// `body` (below the grid and the cursor) and the band labels and markers into `over`.
fn tier_group(
    (body, over): (&mut String, &mut String),
    scenario: &Scenario,
    trace: &Trace,
    is_scenario_tier: bool,
    top: i32,
    x_of: &dyn Fn(Time) -> f64,
    lang: Lang,
) {
    let note = if is_scenario_tier {
        format!(" ({})", tr(lang, "scenario tier"))
    } else {
        String::new()
    };
    let _ = write!(
        body,
        r#"<g data-tier="{}"><text x="24" y="{}" font-size="13" font-weight="700" fill="{TEXT}">{}{}</text>"#,
        xml(&trace.tier),
        top + 18,
        xml(&trace.tier),
        xml(&note)
    );
    // Markers, per lane (or the tier row for the account), one per kind and pixel.
    let rows = scenario.resources.len() + 1;
    let mut marks: Vec<String> = vec![String::new(); rows];
    let mut last: Vec<[Option<i64>; MarkerKind::ALL.len()]> =
        vec![[None; MarkerKind::ALL.len()]; rows];
    for event in &trace.events {
        let Some(kind) = MarkerKind::of(&event.kind) else {
            continue;
        };
        let row = event
            .resource
            .filter(|r| *r < scenario.resources.len())
            .map_or(0, |r| r + 1);
        let x = x_of(event.at);
        let slot = MarkerKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        let px = x.round() as i64;
        if last[row][slot] == Some(px) {
            continue;
        }
        last[row][slot] = Some(px);
        let y = match row {
            0 => top + 13,
            r => top + TIER_H + LANE_H * (r as i32 - 1) + 27,
        };
        let _ = write!(
            marks[row],
            r##"<path d="{}" fill="{}" fill-rule="evenodd" stroke="#ffffff" stroke-width="1.2"/>"##,
            kind.glyph(x, f64::from(y)),
            marker_fill(kind)
        );
    }
    let _ = write!(over, r#"<g data-tier="{}">"#, xml(&trace.tier));
    over.push_str(&marks[0]);
    for (r, resource) in scenario.resources.iter().enumerate() {
        let lane_top = top + TIER_H + LANE_H * r as i32;
        let billing = match resource.billing() {
            BillingMode::Package => tr(lang, "package"),
            BillingMode::PayPerUse => tr(lang, "pay-per-use"),
        };
        let _ = write!(
            body,
            r#"<g class="lane" data-tier="{}" data-resource="{}"><text x="36" y="{}" font-size="13" fill="{TEXT}">{}</text><text x="36" y="{}" font-size="11" fill="{MUTED}">{}</text><rect x="{TRACK_X}" y="{}" width="{TRACK_W}" height="{}" fill="{LANE_BG}"/>"#,
            xml(&trace.tier),
            xml(&resource.id),
            lane_top + 17,
            xml(&resource.id),
            lane_top + 32,
            xml(billing),
            lane_top + 1,
            LANE_H - 2
        );
        let mut labels = String::new();
        for (from, to, state) in trace.state_spans(r) {
            let (a, b) = (x_of(from), x_of(to));
            let (ink, bg, line) = palette(state);
            let _ = write!(
                body,
                r#"<rect data-state="{}" x="{}" y="{}" width="{}" height="{}" fill="url(#rl-p-{})" stroke="{line}" stroke-width="0.5"/>"#,
                state.as_str(),
                tenths(a),
                lane_top + 1,
                tenths(b - a),
                LANE_H - 2,
                state.as_str()
            );
            let word = state_name(lang, state);
            if f64::from(text_width(word, 11) + 14) <= b - a {
                let _ = write!(
                    labels,
                    r#"<text x="{}" y="{}" font-size="11" font-weight="600" fill="{ink}" stroke="{bg}" stroke-width="3" paint-order="stroke">{}</text>"#,
                    tenths(a + 6.0),
                    lane_top + 15,
                    xml(word)
                );
            }
        }
        body.push_str("</g>");
        over.push_str(&labels);
        over.push_str(&marks[r + 1]);
    }
    body.push_str("</g>");
    over.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate_all_tiers;

    const SCENARIO: &str = r#"{
      "format": "renewal-lab/1", "name": "Two <packages> & \"one\" balance", "policy": "huawei-cn",
      "tier": "V3", "balance": "20.00",
      "resources": [
        { "id": "ocr", "billing": "package", "start": "2026-03-08T10:00:00", "term": "1m",
          "prices": { "month": "30.00", "year": "300.00" },
          "auto_renew": { "enabled": true, "days_before": 7 } },
        { "id": "gpu", "billing": "pay_per_use", "start": "2026-03-08T10:00:00", "hourly_rate": "0.50" }
      ],
      "actions": [ { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" } ],
      "until": "2026-05-20T00:00:00"
    }"#;

    fn render(lang: Lang) -> (Scenario, Vec<Trace>, String) {
        let scenario = Scenario::from_json(SCENARIO).expect("valid fixture");
        let traces = simulate_all_tiers(&scenario);
        let now = Time::parse_local("2026-04-10T12:00:00").expect("time");
        let svg = timeline_svg(&scenario, &traces, now, lang);
        (scenario, traces, svg)
    }

    #[test]
    fn a_long_name_is_cut_to_fit_the_picture() {
        assert_eq!(fit("Short", 10), "Short");
        assert_eq!(fit("abcdefghijkl", 10), "abcdefghi…");
        assert_eq!(fit("ab cdefghijkl", 4), "ab…");
        // A character of the wide scripts counts as two.
        assert_eq!(fit("续费续费续费", 7), "续费续…");
        let mut scenario = Scenario::from_json(SCENARIO).expect("valid fixture");
        scenario.name = format!("Ticket {}", "A".repeat(190));
        let traces = simulate_all_tiers(&scenario);
        let now = Time::parse_local("2026-04-10T12:00:00").expect("time");
        let svg = timeline_svg(&scenario, &traces, now, Lang::En);
        let title = svg
            .split(r#"font-weight="700" fill=""#)
            .nth(1)
            .and_then(|rest| rest.split('>').nth(1))
            .and_then(|rest| rest.split('<').next())
            .expect("the title");
        assert!(title.ends_with('…'), "{title}");
        assert!(title.chars().count() <= TITLE_UNITS, "{title}");
    }

    #[test]
    fn a_standalone_document_with_a_lane_per_tier_and_resource() {
        let (scenario, traces, svg) = render(Lang::En);
        assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\""));
        assert!(svg.ends_with("</svg>\n"));
        assert_eq!(traces.len(), 6, "huawei-cn has six tiers");
        assert_eq!(
            svg.matches("<g class=\"lane\"").count(),
            traces.len() * scenario.resources.len()
        );
        for trace in &traces {
            for resource in ["ocr", "gpu"] {
                let lane = format!(
                    "<g class=\"lane\" data-tier=\"{}\" data-resource=\"{resource}\">",
                    trace.tier
                );
                assert_eq!(svg.matches(&lane).count(), 1, "{lane}");
            }
        }
        // Every tag that opens is closed (a cheap well-formedness check).
        assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
        assert_eq!(svg.matches("<pattern").count(), 4);
        assert_eq!(svg.matches("data-testid=\"cursor\"").count(), 1);
        // The cursor is drawn over the bands and under their words and the markers (painted in
        // document order), so it never crosses out a band's word.
        let cursor = svg.find("data-testid=\"cursor\"").expect("a cursor");
        let last_band = svg.rfind("<rect data-state=").expect("bands");
        let first_word = svg.find("paint-order=\"stroke\"").expect("band words");
        let first_marker = svg.find("stroke-width=\"1.2\"").expect("markers");
        assert!(last_band < cursor && cursor < first_word.min(first_marker));
        // No script, no stylesheet, no external reference.
        for banned in ["<script", "<style", "href=", "http://www.w3.org/1999"] {
            assert!(!svg.contains(banned), "{banned}");
        }
    }

    #[test]
    fn title_legend_bands_and_markers() {
        let (scenario, traces, svg) = render(Lang::En);
        assert!(svg.contains(
            "<title id=\"rl-title\">Renewal Lab timeline: Two &lt;packages&gt; &amp; &quot;one&quot; balance</title>"
        ));
        assert!(svg.contains("clock 2026-04-10 12:00:00 · scenario tier V3"));
        for word in [
            "available",
            "expired",
            "frozen",
            "released",
            "auto-renew paid",
            "top-up",
        ] {
            assert!(
                svg.contains(&format!(">{word}</text>")),
                "legend has {word}"
            );
        }
        // Every state span of every lane is one band.
        let spans: usize = traces
            .iter()
            .flat_map(|t| (0..scenario.resources.len()).map(move |r| t.state_spans(r).len()))
            .sum();
        assert_eq!(svg.matches("<rect data-state=").count(), spans);
        // Failed attempts (20.00 < 30.00) and the top-up are drawn.
        assert!(svg.contains(&format!("fill=\"{FAIL}\" fill-rule=\"evenodd\" stroke")));
        let markers = traces
            .iter()
            .flat_map(|t| &t.events)
            .filter(|e| MarkerKind::of(&e.kind).is_some())
            .count();
        let drawn = svg
            .matches("stroke=\"#ffffff\" stroke-width=\"1.2\"")
            .count();
        assert!(drawn > 0 && drawn <= markers, "{drawn} of {markers}");
    }

    #[test]
    fn coordinates_are_tenths_and_words_follow_the_language() {
        assert_eq!(tenths(12.34), "12.3");
        assert_eq!(tenths(-0.5), "-0.5");
        assert_eq!(tenths(7.0), "7");
        assert_eq!(tenths(f64::NAN), "0");
        let (_, _, svg) = render(Lang::En);
        // No number with more than one decimal anywhere.
        let bytes = svg.as_bytes();
        for (i, window) in bytes.windows(3).enumerate() {
            if window[0] == b'.' && window[1].is_ascii_digit() && window[2].is_ascii_digit() {
                let before = bytes.get(i.wrapping_sub(1)).copied().unwrap_or(b' ');
                assert!(
                    !before.is_ascii_digit(),
                    "long decimal near {:?}",
                    &svg[i.saturating_sub(20)..i + 10]
                );
            }
        }
        let (_, _, zh) = render(Lang::ZhCn);
        assert!(zh.contains(">已过期</text>"), "state words in Chinese");
        assert!(zh.contains("月1日</text>"), "axis labels in Chinese too");
        assert!(!zh.contains(">Apr "), "no English month on a Chinese axis");
        assert!(
            zh.contains("时钟 2026/04/10 12:00:00"),
            "the clock written as in Chinese"
        );
        let (_, _, pt) = render(Lang::PtBr);
        assert!(
            pt.contains("relógio 10/04/2026 12:00:00"),
            "the clock written as in Portuguese"
        );
        assert!(
            !pt.contains("2026-04-10"),
            "no ISO date in a Portuguese picture"
        );
        assert!(
            zh.contains("data-tier=\"V3\""),
            "identifiers stay as they are"
        );
    }

    #[test]
    fn escapes_and_widths() {
        assert_eq!(xml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(xml("line\nbreak"), "line break");
        assert_eq!(text_width("abcde", 10), 30);
        assert_eq!(text_width("数据", 10), 20);
    }
}
