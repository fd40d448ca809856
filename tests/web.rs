//! Browser tests of the app shell in headless Chromium: the reducer, the gallery, the clock bar,
//! acting, the keyboard, share links and the autosave, each on an App rendered into a fresh element.
#![cfg(target_arch = "wasm32")]

use renewal_lab::engine::Time;
use renewal_lab::ui::app::{App, FULL_RENDER_MARK};
use renewal_lab::ui::autosave::{self, AUTOSAVE_KEY};
use renewal_lab::ui::scenarios;
use renewal_lab::ui::share;
use renewal_lab::ui::state::{Act, Action, AppState, View};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::{AppHandle, Reducible};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage")
}

/// An App mounted into its own element, removed again when dropped.
struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

/// Renders the App into a fresh element, starting from `autosave` (none: a first visit) and with
/// `hash` in the address.
async fn mount(autosave: Option<&str>, hash: &str) -> Mounted {
    match autosave {
        Some(text) => storage().set_item(AUTOSAVE_KEY, text).expect("stored"),
        None => storage().remove_item(AUTOSAVE_KEY).expect("removed"),
    }
    // The tab's own copy (which a reload prefers) is left from the previous test's App.
    web_sys::window()
        .and_then(|w| w.session_storage().ok().flatten())
        .expect("session storage")
        .remove_item(AUTOSAVE_KEY)
        .expect("removed");
    let history = web_sys::window()
        .expect("a window")
        .history()
        .expect("history");
    let path = web_sys::window()
        .expect("a window")
        .location()
        .pathname()
        .expect("a path");
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{hash}")),
        )
        .expect("address replaced");
    let root = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    let full_renders_before = full_renders();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    // The lab's heavy parts come after the first paint: wait for them (at most about 5 s).
    for _ in 0..500 {
        if full_renders() > full_renders_before {
            break;
        }
        sleep_ms(10).await;
    }
    yew::scheduler::flush().await;
    Mounted {
        root,
        handle: Some(handle),
    }
}

/// How many times an App has marked its full render (after its first paint).
fn full_renders() -> u32 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0, |p| p.get_entries_by_name(FULL_RENDER_MARK).length())
}

/// Waits `ms` milliseconds.
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Mounts the App with a gallery scenario open in the lab (as if autosaved at its start).
async fn mount_lab(slug: &str) -> Mounted {
    let doc = scenarios::entry(slug)
        .expect("a slug")
        .doc()
        .expect("parses");
    mount(
        Some(&autosave::encode(
            &doc,
            Time::default(),
            &Default::default(),
            None,
            None,
        )),
        "",
    )
    .await
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("a selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("a selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    one(root, selector)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The accessible text of an element: its text without `aria-hidden` parts.
fn visible_text(element: &Element) -> String {
    let nodes = element.child_nodes();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|node| match node.dyn_ref::<Element>() {
            Some(child) if child.get_attribute("aria-hidden").as_deref() == Some("true") => {
                String::new()
            }
            Some(child) => visible_text(child),
            None => node.text_content().unwrap_or_default(),
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// The button named `name` inside `scope`.
fn button(scope: &Element, name: &str) -> HtmlElement {
    all(scope, "button")
        .into_iter()
        .find(|b| visible_text(b) == name)
        .unwrap_or_else(|| panic!("no button {name:?}"))
        .unchecked_into()
}

/// The form control labelled `label` inside `scope` (a wrapping label or one with `for`).
fn labelled(scope: &Element, label: &str) -> Element {
    all(scope, "label")
        .into_iter()
        .find(|l| {
            let own = all(l, ".field-label")
                .first()
                .map(visible_text)
                .unwrap_or_else(|| visible_text(l));
            own == label
        })
        .and_then(|l| match l.get_attribute("for") {
            Some(id) => document().get_element_by_id(&id),
            None => l.query_selector("input, select, textarea").ok().flatten(),
        })
        .unwrap_or_else(|| panic!("no control labelled {label:?}"))
}

fn fire(target: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).expect("an event");
    target.dispatch_event(&event).expect("dispatched");
}

/// Types `value` into an input as a user would (input, then change).
fn type_into(input: &Element, value: &str) {
    input
        .dyn_ref::<HtmlInputElement>()
        .expect("an input")
        .set_value(value);
    fire(input, "input");
    fire(input, "change");
}

fn choose(select: &Element, value: &str) {
    select
        .dyn_ref::<HtmlSelectElement>()
        .expect("a select")
        .set_value(value);
    fire(select, "change");
}

fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("a key");
    document()
        .body()
        .expect("a body")
        .dispatch_event(&event)
        .expect("dispatched");
}

async fn click(element: &HtmlElement) {
    element.click();
    yew::scheduler::flush().await;
}

fn clock(root: &Element) -> String {
    text(root, "[data-testid=clock]")
}

fn saved_actions() -> usize {
    let text = storage()
        .get_item(AUTOSAVE_KEY)
        .ok()
        .flatten()
        .expect("an autosave");
    autosave::decode(&text)
        .expect("a valid autosave")
        .doc
        .actions
        .len()
}

#[wasm_bindgen_test]
fn the_reducer_steps_the_clock_through_events() {
    let doc = scenarios::entry("auto-renew-low-balance")
        .expect("a slug")
        .doc()
        .expect("parses");
    let state = Rc::new(AppState::first_visit());
    let state = state.reduce(Action::Load(doc));
    assert_eq!(state.view, View::Lab);
    assert_eq!(state.now.local_string(), "2026-03-08T10:00:00");
    let state = state.reduce(Action::NextEvent);
    assert_eq!(state.now.local_string(), "2026-04-01T03:00:00");
    let state = state.reduce(Action::Act(Act::TopUp {
        amount: "10".to_string(),
    }));
    assert_eq!(state.doc.actions.len(), 2);
    assert!(state.can_undo());
}

#[wasm_bindgen_test]
async fn the_first_visit_opens_on_the_gallery_and_an_item_opens_the_lab() {
    let app = mount(None, "").await;
    let items = all(&app.root, "[data-testid=gallery-item]");
    assert_eq!(items.len(), 8);
    assert!(all(&app.root, "[data-testid=lab]").is_empty());
    let item: HtmlElement = one(
        &app.root,
        "[data-testid=gallery-item][data-scenario=renewed-in-retention]",
    )
    .unchecked_into();
    click(&item).await;
    assert_eq!(all(&app.root, "[data-testid=lab]").len(), 1);
    assert!(all(&app.root, "[data-testid=gallery]").is_empty());
    assert_eq!(clock(&app.root), "2026-03-08 10:00:00");
    // Back to the gallery with the header button.
    click(&button(&app.root, "Gallery")).await;
    assert_eq!(all(&app.root, "[data-testid=gallery]").len(), 1);
}

#[wasm_bindgen_test]
async fn next_and_previous_event_move_the_clock_text() {
    let app = mount_lab("auto-renew-low-balance").await;
    assert_eq!(clock(&app.root), "2026-03-08 10:00:00");
    click(&button(&app.root, "Next event")).await;
    assert_eq!(clock(&app.root), "2026-04-01 03:00:00");
    click(&button(&app.root, "Next event")).await;
    assert_eq!(clock(&app.root), "2026-04-02 03:00:00");
    click(&button(&app.root, "Previous event")).await;
    assert_eq!(clock(&app.root), "2026-04-01 03:00:00");
    click(&button(&app.root, "Reset")).await;
    assert_eq!(clock(&app.root), "2026-03-08 10:00:00");
}

#[wasm_bindgen_test]
async fn go_to_time_and_the_keyboard_drive_the_clock() {
    let app = mount_lab("auto-renew-low-balance").await;
    type_into(&labelled(&app.root, "Go to time"), "2026-04-03T05:00");
    yew::scheduler::flush().await;
    assert_eq!(clock(&app.root), "2026-04-03 05:00:00");
    press("ArrowRight");
    yew::scheduler::flush().await;
    // the X − 5 reminder at 09:00 (after that day's failed 03:00 attempt) is the next event
    assert_eq!(clock(&app.root), "2026-04-03 09:00:00");
    press("ArrowLeft");
    yew::scheduler::flush().await;
    assert_eq!(clock(&app.root), "2026-04-03 03:00:00");
    press("Home");
    yew::scheduler::flush().await;
    assert_eq!(clock(&app.root), "2026-03-08 10:00:00");
    press(" ");
    yew::scheduler::flush().await;
    assert_eq!(visible_text(&button(&app.root, "Pause")), "Pause");
    press(" ");
    yew::scheduler::flush().await;
    assert_eq!(visible_text(&button(&app.root, "Play")), "Play");
}

#[wasm_bindgen_test]
async fn acting_appends_an_action_and_reports_it() {
    let app = mount_lab("renewed-in-retention").await;
    type_into(&labelled(&app.root, "Go to time"), "2026-04-11T12:00:00");
    yew::scheduler::flush().await;
    let before = saved_actions();
    let panel = one(&app.root, "[data-testid=act-panel]");
    choose(&labelled(&panel, "Act on"), "ocr");
    choose(&labelled(&panel, "Renewal term"), "1m");
    yew::scheduler::flush().await;
    click(&button(&panel, "Renew")).await;
    assert_eq!(saved_actions(), before + 1);
    let result = text(&panel, "[data-testid=act-result]");
    assert!(result.contains("Renewed by hand"), "{result}");
    let lane = one(
        &app.root,
        "[data-testid=lane][data-tier=V1][data-resource=ocr]",
    );
    assert_eq!(
        lane.get_attribute("data-state").as_deref(),
        Some("available")
    );
    // Undo takes the act back.
    click(&button(&app.root, "Undo")).await;
    assert_eq!(saved_actions(), before);
}

#[wasm_bindgen_test]
async fn invalid_act_input_shows_a_message_and_changes_nothing() {
    let app = mount_lab("auto-renew-low-balance").await;
    let before = saved_actions();
    let panel = one(&app.root, "[data-testid=act-panel]");
    type_into(&labelled(&panel, "Top-up amount"), "abc");
    yew::scheduler::flush().await;
    click(&button(&panel, "Top up")).await;
    assert_eq!(saved_actions(), before);
    let result = one(&panel, "[data-testid=act-result]");
    assert_eq!(
        result.get_attribute("data-outcome").as_deref(),
        Some("invalid")
    );
    let message = result.text_content().unwrap_or_default();
    assert!(message.contains("Top-up amount"), "{message}");
}

#[wasm_bindgen_test]
async fn an_invalid_edit_keeps_the_last_simulation() {
    let app = mount_lab("auto-renew-low-balance").await;
    click(&button(&app.root, "Next event")).await;
    let lanes = all(&app.root, "[data-testid=lane]").len();
    assert!(lanes > 0);
    let editor = one(&app.root, "[data-testid=editor]");
    type_into(&labelled(&editor, "Opening balance"), "lots");
    yew::scheduler::flush().await;
    let errors = all(&app.root, "[data-testid=field-error]");
    assert!(
        errors
            .iter()
            .any(|e| e.get_attribute("data-path").as_deref() == Some("balance")),
        "a field error on the balance"
    );
    assert_eq!(all(&app.root, "[data-testid=lane]").len(), lanes);
    assert_eq!(clock(&app.root), "2026-04-01 03:00:00");
    assert_eq!(
        one(&app.root, "[data-testid=lane][data-tier=V3]")
            .get_attribute("data-state")
            .as_deref(),
        Some("available")
    );
}

#[wasm_bindgen_test]
async fn a_share_link_opens_its_scenario_and_a_bad_one_shows_an_error() {
    let doc = scenarios::entry("month-end-expiry")
        .expect("a slug")
        .doc()
        .expect("parses");
    let app = mount(None, &share::fragment(&doc)).await;
    assert_eq!(all(&app.root, "[data-testid=lab]").len(), 1);
    assert_eq!(clock(&app.root), "2026-01-31 10:00:00");
    assert!(all(&app.root, "[data-testid=error-banner]").is_empty());
    drop(app);

    let saved = scenarios::entry("auto-renew-twice")
        .expect("a slug")
        .doc()
        .expect("parses");
    let start = Time::parse_local("2026-03-12T03:00:00").expect("a time");
    let app = mount(
        Some(&autosave::encode(
            &saved,
            start,
            &Default::default(),
            None,
            None,
        )),
        "#scenario=***",
    )
    .await;
    let banner = one(&app.root, "[data-testid=error-banner]");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let message = banner.text_content().unwrap_or_default();
    assert!(message.contains("link"), "{message}");
    // The autosaved scenario and clock stay.
    assert_eq!(clock(&app.root), "2026-03-12 03:00:00");
    click(&button(&banner, "Dismiss")).await;
    assert!(all(&app.root, "[data-testid=error-banner]").is_empty());
}

#[wasm_bindgen_test]
async fn copy_link_puts_the_scenario_in_the_address() {
    let app = mount_lab("pay-per-use-arrears").await;
    click(&button(&app.root, "Copy link")).await;
    let hash = web_sys::window()
        .expect("a window")
        .location()
        .hash()
        .expect("a hash");
    let payload = share::payload_of(&hash).expect("a share link in the address");
    let doc = share::decode(payload).expect("the link decodes");
    assert_eq!(
        doc.name.as_deref(),
        Some("Pay-per-use runs into arrears, a top-up restores it")
    );
}

#[wasm_bindgen_test]
async fn a_corrupt_autosave_is_ignored_with_a_notice() {
    let app = mount(Some("{ corrupt"), "").await;
    assert_eq!(all(&app.root, "[data-testid=gallery]").len(), 1);
    let notice = text(&app.root, "[data-testid=notice]");
    assert!(notice.contains("could not be restored"), "{notice}");
}

#[wasm_bindgen_test]
async fn the_announcer_reports_state_changes() {
    let app = mount_lab("renewed-in-retention").await;
    let announcer = one(&app.root, "[data-testid=announcer]");
    assert_eq!(
        announcer.get_attribute("aria-live").as_deref(),
        Some("polite")
    );
    type_into(&labelled(&app.root, "Go to time"), "2026-04-08T12:00:00");
    yew::scheduler::flush().await;
    click(&button(&app.root, "Next event")).await;
    let said = announcer.text_content().unwrap_or_default();
    assert!(
        said.contains("V1 ocr: available → expired at 2026-04-09 00:00:00"),
        "{said}"
    );
}
