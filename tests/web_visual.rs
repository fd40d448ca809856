//! Browser tests of the views: timeline lanes, markers, cursor and scrubbing; the status panel; the
//! event log; the state diagram. Each renders the components into a fresh element in headless
//! Chromium around a virtual clock the test controls.
#![cfg(target_arch = "wasm32")]

use renewal_lab::engine::{Scenario, Time};
use renewal_lab::ui::components::event_log::EventLog;
use renewal_lab::ui::components::state_diagram::StateDiagram;
use renewal_lab::ui::components::status_panel::StatusPanel;
use renewal_lab::ui::components::timeline::{Seek, Timeline};
use renewal_lab::ui::sim::{Sim, SimRef};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `ocr` auto-renews with too little money until a top-up; `db` starts later, never renewed.
const SCENARIO: &str = r#"{
  "format": "renewal-lab/1",
  "name": "Visual test",
  "timezone": "+08:00",
  "policy": "huawei-cn",
  "tier": "V3",
  "balance": "20.00",
  "resources": [
    { "id": "ocr", "billing": "package", "start": "2026-03-08T10:00:00", "term": "1m",
      "prices": { "month": "30.00", "year": "300.00" },
      "auto_renew": { "enabled": true, "days_before": 7, "term": "1m", "times": 0 } },
    { "id": "db", "billing": "package", "start": "2026-03-25T10:00:00", "term": "1m",
      "prices": { "month": "45.00", "year": "450.00" } }
  ],
  "actions": [
    { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" }
  ],
  "until": "2026-05-08T00:00:00"
}"#;

fn at(text: &str) -> Time {
    Time::parse_local(text).expect("a local time")
}

fn sim_of(json: &str) -> SimRef {
    SimRef(Rc::new(
        Sim::new(Scenario::from_json(json).expect("the test scenario is valid"))
            .expect("within the event bound"),
    ))
}

/// Every instant the components asked to seek to.
type Seeks = Rc<RefCell<Vec<Time>>>;

#[derive(Properties, PartialEq)]
struct HarnessProps {
    sim: SimRef,
    now: Time,
    seeks: Seeks,
    playing: bool,
}

/// Plays the app's part: holds the clock and moves it wherever the timeline seeks.
#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    let now = use_state(|| props.now);
    let on_seek = {
        let (now, seeks) = (now.clone(), props.seeks.clone());
        Callback::from(move |seek: Seek| {
            if let Seek::To(t) | Seek::Drag(t) = seek {
                seeks.borrow_mut().push(t);
                now.set(t);
            }
        })
    };
    let sim = props.sim.clone();
    html! {
        <>
            <Timeline sim={sim.clone()} now={*now} on_seek={on_seek.clone()} playing={props.playing} />
            <StatusPanel sim={sim.clone()} now={*now} />
            <StateDiagram sim={sim.clone()} now={*now} />
            <EventLog {sim} now={*now} {on_seek} />
        </>
    }
}

/// The harness mounted 1200 px wide, removed again when dropped.
struct Mounted {
    root: Element,
    seeks: Seeks,
    handle: Option<yew::AppHandle<Harness>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

async fn mount(json: &str, now: &str) -> Mounted {
    mount_with(json, now, false).await
}

/// [`mount`], with the clock `playing` or not.
async fn mount_with(json: &str, now: &str, playing: bool) -> Mounted {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    root.set_attribute("style", "width: 1200px")
        .expect("styled");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    let seeks = Seeks::default();
    let props = HarnessProps {
        sim: sim_of(json),
        now: at(now),
        seeks: seeks.clone(),
        playing,
    };
    let handle = yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    settle().await;
    Mounted {
        root,
        seeks,
        handle: Some(handle),
    }
}

/// Lets effects run (the track is measured in one) and their re-renders finish.
async fn settle() {
    yew::scheduler::flush().await;
    yew::scheduler::flush().await;
}

fn all(scope: &Element, selector: &str) -> Vec<Element> {
    let list = scope.query_selector_all(selector).expect("a selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn one(scope: &Element, selector: &str) -> Element {
    scope
        .query_selector(selector)
        .expect("a selector")
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn attr(element: &Element, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// The control whose `<label>` says `name`.
fn labelled(scope: &Element, name: &str) -> Element {
    all(scope, "label")
        .into_iter()
        .find(|label| text(label).trim().starts_with(name))
        .and_then(|label| label.query_selector("input, select").ok().flatten())
        .unwrap_or_else(|| panic!("a control labelled {name:?}"))
}

async fn choose(select: &Element, value: &str) {
    let select: &HtmlSelectElement = select.dyn_ref().expect("a select");
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).expect("event");
    select.dispatch_event(&event).expect("dispatched");
    settle().await;
}

/// Dispatches a primary-button pointer event of `kind` at `fraction` of `element`'s width.
async fn pointer(element: &Element, kind: &str, fraction: f64) {
    let rect = element.get_bounding_client_rect();
    let x = rect.left() + rect.width() * fraction;
    let y = rect.top() + rect.height() / 2.0;
    let dispatch = js_sys::Function::new_with_args(
        "element, kind, x, y",
        "element.dispatchEvent(new PointerEvent(kind, \
         { clientX: x, clientY: y, button: 0, pointerId: 1, bubbles: true, cancelable: true }))",
    );
    let args = js_sys::Array::of4(
        element,
        &kind.into(),
        &wasm_bindgen::JsValue::from_f64(x),
        &wasm_bindgen::JsValue::from_f64(y),
    );
    dispatch
        .apply(&wasm_bindgen::JsValue::NULL, &args)
        .expect("dispatched");
    settle().await;
}

fn lane_states(root: &Element, tier: &str) -> Vec<(String, String)> {
    all(root, &format!("[data-testid=lane][data-tier={tier}]"))
        .iter()
        .map(|lane| (attr(lane, "data-resource"), attr(lane, "data-state")))
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[wasm_bindgen_test]
async fn lanes_cover_every_tier_and_resource_with_the_state_at_the_clock() {
    let app = mount(SCENARIO, "2026-03-20T00:00:00").await;
    let lanes = all(&app.root, "[data-testid=lane]");
    assert_eq!(lanes.len(), 6 * 2, "six huawei-cn tiers × two resources");
    let tiers: Vec<String> = lanes.iter().map(|l| attr(l, "data-tier")).collect();
    assert_eq!(tiers[..4], ["V0", "V0", "V1", "V1"].map(String::from));
    assert_eq!(
        lane_states(&app.root, "V3"),
        pairs(&[("ocr", "available"), ("db", "not-started")])
    );
    // Each lane says its state at the clock in words too, for a screen reader.
    let said = |resource: &str| {
        let lane = one(
            &app.root,
            &format!("[data-testid=lane][data-tier=V3][data-resource={resource}]"),
        );
        text(&one(&lane, ".visually-hidden"))
    };
    assert_eq!(said("ocr"), "now available");
    assert_eq!(said("db"), "not started yet");
    // Every band is drawn with its state's pattern, and the legend names all four states.
    for state in ["available", "expired", "frozen", "released"] {
        let legend = text(&one(&app.root, ".legend"));
        assert!(legend.contains(state), "legend names {state}");
    }
    let band = one(&app.root, "[data-testid=lane] rect.band-available");
    assert_eq!(attr(&band, "fill"), "url(#rl-pat-available)");
}

#[wasm_bindgen_test]
async fn lanes_differ_by_tier_once_the_package_lapses() {
    // db is never renewed: its expiry date is 2026-04-25, so it lapses at 2026-04-26 00:00.
    let app = mount(SCENARIO, "2026-04-28T12:00:00").await;
    // tier, db's state: V0 1+1 days, V1 1+7, V3 7+7
    let cases = [("V0", "released"), ("V1", "frozen"), ("V3", "expired")];
    for (tier, expected) in cases {
        let states = lane_states(&app.root, tier);
        assert_eq!(
            states[1],
            ("db".to_string(), expected.to_string()),
            "{tier}"
        );
    }
    let frozen_band = all(
        &app.root,
        "[data-tier=V1][data-resource=db] rect.band-frozen",
    );
    assert_eq!(frozen_band.len(), 1);
    assert_eq!(attr(&frozen_band[0], "fill"), "url(#rl-pat-frozen)");
}

#[wasm_bindgen_test]
async fn markers_show_attempts_renewals_and_top_ups_with_explanations() {
    let app = mount(SCENARIO, "2026-03-20T00:00:00").await;
    let lane = one(
        &app.root,
        "[data-testid=lane][data-tier=V3][data-resource=ocr]",
    );
    // One path per kind, listing the instants of every event it marks.
    let markers: Vec<(String, String)> = all(&lane, "[data-testid=marker]")
        .iter()
        .map(|m| (attr(m, "data-kind"), attr(m, "data-at")))
        .collect();
    assert_eq!(
        markers,
        pairs(&[
            // X − 5 at 09:00, after that day's failed attempt (reminders are painted first, below)
            ("reminder", "2026-04-03T09:00:00+08:00"),
            (
                "attempt-failed",
                "2026-04-01T03:00:00+08:00 2026-04-02T03:00:00+08:00 2026-04-03T03:00:00+08:00"
            ),
            (
                "attempt-succeeded",
                "2026-04-04T03:00:00+08:00 2026-05-01T03:00:00+08:00"
            ),
        ])
    );
    // Pointing at a glyph tells what it stands for: a successful attempt, the renewal it paid for.
    let paid = hover_glyph(&app.root, &lane, "attempt-succeeded").await;
    assert!(
        paid.contains("2026-04-04 03:00:00 UTC+08:00, ocr: Auto-renew paid 30.00")
            && paid.contains("renewed for 1 month, counted from the expiry date"),
        "{paid}"
    );
    let failed = hover_glyph(&app.root, &lane, "attempt-failed").await;
    assert!(
        failed.contains("Auto-renew failed") && failed.contains("§6"),
        "{failed}"
    );
    let group = one(&app.root, ".tl-group[data-tier=V3]");
    let top_ups = all(&group, "[data-testid=marker][data-kind=top-up]");
    assert_eq!(top_ups.len(), 1);
    assert_eq!(attr(&top_ups[0], "data-at"), "2026-04-03T12:00:00+08:00");
    // Leaving the track hides the tooltip.
    let track = one(&app.root, "[data-testid=timeline-track]");
    pointer(&track, "pointerleave", 0.5).await;
    assert!(all(&app.root, "[data-testid=marker-tip]").is_empty());
}

/// Moves the mouse onto the first glyph of `kind` in `lane` and returns the tooltip's text.
async fn hover_glyph(root: &Element, lane: &Element, kind: &str) -> String {
    let path = one(lane, &format!("[data-testid=marker][data-kind={kind}]"));
    let svg = one(lane, "svg.lane-marks");
    let view_width: f64 = attr(&svg, "viewBox")
        .split(' ')
        .nth(2)
        .and_then(|w| w.parse().ok())
        .expect("a view box");
    let first_x: f64 = attr(&path, "d")
        .trim_start_matches('M')
        .split(' ')
        .next()
        .and_then(|x| x.parse().ok())
        .expect("a path from its first glyph");
    let rect = svg.get_bounding_client_rect();
    let x = rect.left() + rect.width() * first_x / view_width;
    let y = rect.top() + rect.height() / 2.0;
    let dispatch = js_sys::Function::new_with_args(
        "element, x, y",
        "element.dispatchEvent(new PointerEvent('pointermove', \
         { clientX: x, clientY: y, pointerType: 'mouse', pointerId: 1, bubbles: true }))",
    );
    dispatch
        .call3(
            &wasm_bindgen::JsValue::NULL,
            &svg,
            &wasm_bindgen::JsValue::from_f64(x),
            &wasm_bindgen::JsValue::from_f64(y),
        )
        .expect("dispatched");
    settle().await;
    text(&one(root, "[data-testid=marker-tip]"))
}

#[wasm_bindgen_test]
async fn the_cursor_and_slider_follow_the_clock_and_seek() {
    // The span is 2026-03-08 10:00 to 2026-05-08 00:00.
    let app = mount(SCENARIO, "2026-03-08T10:00:00").await;
    let sweep = || attr(&one(&app.root, ".tl-sweep"), "style");
    assert!(one(&app.root, ".tl-sweep [data-testid=cursor]").is_connected());
    assert_eq!(sweep(), "transform: translateX(0.000%)");
    let slider: HtmlInputElement = labelled(&app.root, "Timeline position")
        .dyn_into()
        .expect("an input");
    assert_eq!(slider.type_(), "range");
    assert_eq!(
        slider.step(),
        "86400",
        "a day per step for a two-month span"
    );
    slide(&slider, "172800").await;
    assert_eq!(app.seeks.borrow().last(), Some(&at("2026-03-10T10:00:00")));
    // Two days of the 60 d 14 h span.
    assert_eq!(sweep(), "transform: translateX(3.301%)", "the cursor moved");
    assert_eq!(attr(&slider, "aria-valuetext"), "2026-03-10 10:00:00");
}

#[wasm_bindgen_test]
async fn a_click_on_a_logged_events_time_puts_the_clock_there() {
    let app = mount(SCENARIO, "2026-05-01T00:00:00").await;
    let times = all(&app.root, "[data-testid=event] .ev-time");
    assert!(times.len() > 2, "events logged");
    let time: HtmlElement = times[1].clone().dyn_into().expect("an element");
    let local = attr(&time, "data-local");
    time.click();
    settle().await;
    assert_eq!(app.seeks.borrow().last(), Some(&at(&local)));
    // A click elsewhere in a row moves nothing (its text may be selected to copy).
    let before = app.seeks.borrow().len();
    let what: HtmlElement = one(&app.root, "[data-testid=event] .ev-what")
        .dyn_into()
        .expect("an element");
    what.click();
    settle().await;
    assert_eq!(app.seeks.borrow().len(), before);
}

/// Moves `slider` to `value` as a user would (an `input` event), then lets the app re-render.
async fn slide(slider: &HtmlInputElement, value: &str) {
    slider.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("event");
    slider.dispatch_event(&event).expect("dispatched");
    settle().await;
}

#[wasm_bindgen_test]
async fn while_playing_the_slider_moves_but_its_spoken_time_waits() {
    let app = mount_with(SCENARIO, "2026-03-08T10:00:00", true).await;
    let slider: HtmlInputElement = labelled(&app.root, "Timeline position")
        .dyn_into()
        .expect("an input");
    slide(&slider, "172800").await;
    assert_eq!(app.seeks.borrow().last(), Some(&at("2026-03-10T10:00:00")));
    assert_eq!(slider.value(), "172800", "the slider follows the clock");
    assert_eq!(
        attr(&slider, "aria-valuetext"),
        "2026-03-08 10:00:00",
        "a screen reader is not told every frame"
    );
}

#[wasm_bindgen_test]
async fn dragging_on_the_track_seeks_both_ways_until_release() {
    let app = mount(SCENARIO, "2026-03-08T10:00:00").await;
    let track = one(&app.root, "[data-testid=timeline-track]");
    let (start, end) = (at("2026-03-08T10:00:00"), at("2026-05-08T00:00:00"));
    let span = (end.secs() - start.secs()) as f64;
    let width = track.get_bounding_client_rect().width();
    let tolerance = (span / width * 2.0) as i64;
    let near = |t: Time, fraction: f64| {
        let expected = start.secs() + (span * fraction) as i64;
        (t.secs() - expected).abs() <= tolerance
    };

    pointer(&track, "pointerdown", 0.75).await;
    pointer(&track, "pointermove", 0.25).await;
    let seeks = app.seeks.borrow().clone();
    assert_eq!(seeks.len(), 2, "{seeks:?}");
    assert!(near(seeks[0], 0.75), "pressed at 3/4: {seeks:?}");
    assert!(near(seeks[1], 0.25), "dragged back to 1/4: {seeks:?}");
    assert!(seeks[1] < seeks[0], "backwards");
    pointer(&track, "pointermove", 1.5).await;
    assert_eq!(app.seeks.borrow().last(), Some(&end), "clamped to the end");
    pointer(&track, "pointerup", 1.5).await;
    pointer(&track, "pointermove", 0.5).await;
    assert_eq!(app.seeks.borrow().len(), 3, "no seeking after release");
}

#[wasm_bindgen_test]
async fn the_status_panel_counts_down_per_tier() {
    let app = mount(SCENARIO, "2026-03-20T00:00:00").await;
    let not_started = one(&app.root, "[data-testid=tier-status][data-tier=V3]");
    assert!(
        text(&not_started).contains("starts in 5 d 10 h"),
        "{}",
        text(&not_started)
    );
    drop(app);
    let app = mount(SCENARIO, "2026-04-04T03:00:00").await;
    let cards = all(&app.root, "[data-testid=tier-status]");
    let tiers: Vec<String> = cards.iter().map(|c| attr(c, "data-tier")).collect();
    assert_eq!(
        tiers,
        ["V0", "V1", "V2", "V3", "V4", "V5"].map(String::from)
    );
    let v3 = one(&app.root, "[data-testid=tier-status][data-tier=V3]");
    assert!(v3.class_list().contains("is-scenario-tier"));
    assert!(text(&v3).contains("scenario tier"));
    assert_eq!(text(&one(&v3, "[data-testid=balance]")), "40.00");
    let words = text(&v3);
    for fragment in [
        "expires in 34 d 21 h",
        "next auto-renew attempt 2026-05-01 03:00 (UTC+08:00)",
        "expires in 21 d 21 h",
    ] {
        assert!(words.contains(fragment), "{fragment:?} in {words}");
    }
}

#[wasm_bindgen_test]
async fn the_event_log_shows_the_chosen_tier_up_to_the_clock() {
    let app = mount(SCENARIO, "2026-04-07T03:00:00").await;
    let log = one(&app.root, "[data-testid=event-log]");
    let events: Vec<(String, String)> = all(&log, "[data-testid=event]")
        .iter()
        .map(|e| (attr(e, "data-kind"), attr(e, "data-at")))
        .collect();
    assert_eq!(
        events,
        pairs(&[
            ("purchased", "2026-03-08T10:00:00+08:00"),
            ("purchased", "2026-03-25T10:00:00+08:00"),
            ("auto_renew_attempt", "2026-04-01T03:00:00+08:00"),
            ("auto_renew_attempt", "2026-04-02T03:00:00+08:00"),
            ("auto_renew_attempt", "2026-04-03T03:00:00+08:00"),
            ("reminder", "2026-04-03T09:00:00+08:00"),
            ("top_up", "2026-04-03T12:00:00+08:00"),
            ("auto_renew_attempt", "2026-04-04T03:00:00+08:00"),
            ("renewed", "2026-04-04T03:00:00+08:00"),
        ])
    );
    let last = all(&log, "[data-testid=event]").pop().expect("an event");
    let words = text(&last);
    assert!(words.contains("Renewed automatically"), "{words}");
    assert!(words.contains("§6 auto-renewal"), "{words}");
    assert!(
        words.contains("next: auto-renew attempt 2026-05-01 03:00"),
        "{words}"
    );

    choose(&labelled(&app.root, "Log tier"), "V0").await;
    assert_eq!(attr(&log, "aria-label"), "Events of tier V0");
    assert_eq!(all(&log, "[data-testid=event]").len(), 9);
}

#[wasm_bindgen_test]
async fn long_logs_render_only_the_last_rows() {
    let top_ups: Vec<String> = (0..400)
        .map(|hour| {
            let t = at("2026-01-01T00:00:00").plus_secs(3_600 * (hour + 1));
            format!(
                r#"{{ "at": "{}", "do": "top_up", "amount": "1" }}"#,
                t.local_string()
            )
        })
        .collect();
    let json = format!(
        r#"{{ "format": "renewal-lab/1", "policy": "huawei-intl", "tier": "standard",
             "balance": "0", "until": "2026-03-01T00:00:00",
             "resources": [ {{ "id": "disk", "billing": "package", "start": "2026-01-01T00:00:00",
                               "term": "1y", "prices": {{ "month": "1", "year": "10" }} }} ],
             "actions": [ {} ] }}"#,
        top_ups.join(", ")
    );
    let app = mount(&json, "2026-03-01T00:00:00").await;
    let log = one(&app.root, "[data-testid=event-log]");
    let shown = all(&log, "[data-testid=event]");
    assert_eq!(shown.len(), 30);
    assert!(text(&log).contains("371 earlier events"), "{}", text(&log));
    let last = shown.last().expect("a row");
    assert_eq!(attr(last, "data-at"), "2026-01-17T16:00:00+08:00");
    for (shown, note) in [
        (120, "281 earlier events"),
        (210, "191 earlier events"),
        (300, "101 earlier events"),
    ] {
        let more: web_sys::HtmlElement = one(&log, "button.log-more").dyn_into().expect("a button");
        assert_eq!(text(&more), "Show earlier events");
        more.click();
        settle().await;
        assert_eq!(all(&log, "[data-testid=event]").len(), shown);
        assert!(text(&log).contains(note), "{}", text(&log));
    }
    assert!(
        log.query_selector("button.log-more")
            .expect("a selector")
            .is_none(),
        "at most 300 rows"
    );
    // Past the last page, the note says where the earlier events are.
    assert!(
        text(&log).contains("Move the clock back to read them, or export the CSV"),
        "{}",
        text(&log)
    );
}

#[wasm_bindgen_test]
async fn the_state_diagram_highlights_the_current_state_of_the_chosen_lane() {
    let app = mount(SCENARIO, "2026-04-28T12:00:00").await;
    let diagram = one(&app.root, "[data-testid=state-diagram]");
    let current = |diagram: &Element| -> Vec<String> {
        all(diagram, "[data-state-node][aria-current=true]")
            .iter()
            .map(|n| attr(n, "data-state-node"))
            .collect()
    };
    assert_eq!(all(&diagram, "[data-state-node]").len(), 4);
    // V3, ocr: renewed at 2026-04-04, available.
    assert_eq!(current(&diagram), ["available"]);
    let node = one(&diagram, "[aria-current=true]");
    assert!(text(&node).contains("current"), "{}", text(&node));
    choose(&labelled(&app.root, "Diagram resource"), "db").await;
    assert_eq!(current(&diagram), ["expired"], "db in V3");
    assert!(text(&diagram).contains("after 7 grace days"));
    assert!(text(&diagram).contains("expiry date passes (00:00 after 2026-04-25)"));
    choose(&labelled(&app.root, "Diagram tier"), "V0").await;
    assert_eq!(current(&diagram), ["released"], "db in V0");
    assert!(text(&diagram).contains("after 1 grace day"));
    assert!(text(&diagram).contains("documented"));
}

#[wasm_bindgen_test]
async fn zero_day_periods_show_as_skipped() {
    let json = SCENARIO.replace(
        r#""policy": "huawei-cn",
  "tier": "V3","#,
        r#""policy": { "name": "strict", "tiers": { "now": {
      "package": { "grace_days": 0, "retention_days": 2 },
      "pay_per_use": { "grace_days": 0, "retention_days": 0 } } } },
  "tier": "now","#,
    );
    let app = mount(&json, "2026-03-20T00:00:00").await;
    let diagram = one(&app.root, "[data-testid=state-diagram]");
    let expired = one(&diagram, "[data-state-node=expired]");
    assert!(expired.class_list().contains("is-skipped"));
    assert!(text(&expired).contains("skipped"));
    let words = text(&diagram);
    assert!(words.contains("0 grace days: skipped"), "{words}");
    assert!(words.contains("straight to frozen"), "{words}");
    assert!(words.contains("your policy"), "{words}");
    assert_eq!(all(&app.root, "[data-testid=lane]").len(), 2);
}

#[wasm_bindgen_test]
async fn each_status_card_is_named_by_its_own_heading_whatever_the_tier_is_called() {
    let json = SCENARIO.replace(
        r#""policy": "huawei-cn",
  "tier": "V3","#,
        r#""policy": { "name": "ours", "tiers": {
      "gold plus": { "package": { "grace_days": 1, "retention_days": 2 },
                     "pay_per_use": { "grace_days": 1, "retention_days": 2 } },
      "gold": { "package": { "grace_days": 3, "retention_days": 4 },
                "pay_per_use": { "grace_days": 3, "retention_days": 4 } } } },
  "tier": "gold plus","#,
    );
    let app = mount(&json, "2026-03-20T00:00:00").await;
    let document = web_sys::window().unwrap().document().unwrap();
    let cards = all(&app.root, "[data-testid=tier-status]");
    assert_eq!(cards.len(), 2);
    let mut ids = Vec::new();
    for card in &cards {
        // One id (no space splitting it in two), naming an element that holds the tier's name.
        let id = attr(card, "aria-labelledby");
        assert!(!id.contains(' '), "{id}");
        let heading = document.get_element_by_id(&id).expect("the heading");
        assert!(card.contains(Some(&heading)));
        assert!(
            text(&heading).contains(&attr(card, "data-tier")),
            "{}",
            text(&heading)
        );
        ids.push(id);
    }
    assert_ne!(ids[0], ids[1]);
}
