//! Small, never-panicking wrappers over the browser APIs the shell uses: storage, the address,
//! the clipboard, downloads, files and performance marks. Failures come back as values.

use crate::engine::Time;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Performance mark set once, after the app's first render.
pub const FIRST_RENDER_MARK: &str = "renewal-lab:first-render";
/// Performance mark set when an update (edit, act, scrub) is dispatched.
pub const UPDATE_START_MARK: &str = "renewal-lab:update-start";
/// Performance measure from [`UPDATE_START_MARK`] to the render of the update.
pub const UPDATE_MEASURE: &str = "renewal-lab:update";

/// The largest file Import reads.
pub const MAX_IMPORT_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// The text typed so far in the focused input whose id is `id`; none when the focus is elsewhere
/// (and off the web, in native tests).
pub fn focused_text(id: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let active = window()?.document()?.active_element()?;
        if active.id() != id {
            return None;
        }
        active
            .dyn_into::<web_sys::HtmlInputElement>()
            .ok()
            .map(|input| input.value())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        None
    }
}

/// Moves the keyboard's focus to `element` (scrolling it into view) if the focus was lost: the
/// control that had it was removed or disabled by the last action, so it fell to the page.
pub fn refocus(element: &web_sys::HtmlElement) {
    let document = window().and_then(|w| w.document());
    let lost = document.is_some_and(|d| match (d.active_element(), d.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.unchecked_ref::<web_sys::Element>(),
        (Some(_), None) => false,
    });
    if lost {
        let _ = element.focus();
    }
}

/// Scrolls `element` into view by the least distance (none when it is in view already; the
/// page's scroll padding keeps it clear of the compact clock on phones).
pub fn reveal(element: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Where the focus goes when the control that had it goes away with the view, the first that
/// takes it: Play (or Pause) in the lab, the first ready scenario in the gallery; the last, the
/// main content itself, when none has (Play is disabled during an exercise or without a valid
/// run).
pub const CLOCK_CONTROL: &[&str] = &[
    "[data-testid=\"play\"]",
    "[data-testid=\"pause\"]",
    "[data-testid=\"gallery-item\"]",
    "main",
];

/// Focuses the first element matching one of `selectors` that takes the focus, tried in order;
/// the last selector (the fallback) only when `with_fallback`. Whether one took it.
pub fn focus_first(selectors: &[&str], with_fallback: bool) -> bool {
    let Some(document) = window().and_then(|w| w.document()) else {
        return false;
    };
    let tried = if with_fallback {
        selectors
    } else {
        &selectors[..selectors.len().saturating_sub(1)]
    };
    tried.iter().any(|selector| {
        let Some(element) = document
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return false;
        };
        let _ = element.focus();
        document
            .active_element()
            .is_some_and(|active| active == *element.unchecked_ref::<web_sys::Element>())
    })
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// A JavaScript error as words.
pub fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}

fn local_storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

fn session_storage() -> Option<web_sys::Storage> {
    window()?.session_storage().ok().flatten()
}

/// This tab's own copy of `key` (`sessionStorage`: kept across the tab's reloads, never seen by
/// another tab), if storage works and has one.
pub fn tab_storage_get(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key` for this tab alone (see [`tab_storage_get`]).
pub fn tab_storage_set(key: &str, value: &str) -> Result<(), String> {
    let storage = session_storage().ok_or("local storage is not available")?;
    storage.set_item(key, value).map_err(describe)
}

/// The value stored under `key`, if storage works and has one.
pub fn storage_get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`.
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    let storage = local_storage().ok_or("local storage is not available")?;
    storage.set_item(key, value).map_err(|error| {
        // The browser's own words are English whatever the page's language: the two refusals
        // known by name are said in the app's words (which are translated).
        let name = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()));
        match name.as_deref() {
            Some("QuotaExceededError") => "the browser's storage for this page is full".into(),
            // Storage turned off for the site (a setting, a policy) after the page opened.
            Some("SecurityError") => "local storage is not available".into(),
            _ => describe(error),
        }
    })
}

/// `location.hash`, e.g. `#scenario=…` (empty when there is none).
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// `location.origin` and `location.pathname`.
pub fn origin_and_path() -> (String, String) {
    let location = window().map(|w| w.location());
    let get = |f: fn(&web_sys::Location) -> Result<String, JsValue>| {
        location
            .as_ref()
            .and_then(|l| f(l).ok())
            .unwrap_or_default()
    };
    (
        get(web_sys::Location::origin),
        get(web_sys::Location::pathname),
    )
}

/// Replaces the address (same document, no navigation, no `hashchange`): `url` may be a path
/// with a fragment.
pub fn replace_address(url: &str) -> Result<(), String> {
    let history = window().ok_or("no window")?.history().map_err(describe)?;
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(url))
        .map_err(describe)
}

/// Drops the fragment from the address, keeping path and query.
pub fn clear_fragment() -> Result<(), String> {
    let location = window().ok_or("no window")?.location();
    let path = location.pathname().map_err(describe)?;
    let search = location.search().map_err(describe)?;
    replace_address(&format!("{path}{search}"))
}

/// Where [`share_link`] put a link.
pub struct LinkShared {
    /// The whole link (origin, path and `fragment`).
    pub link: String,
    /// Whether the address bar shows it.
    pub in_address: bool,
    /// Whether the clipboard took it (or why not).
    pub copied: Result<(), String>,
}

/// Puts the page's link with `fragment` (`#scenario=…`) in the address bar, then on the
/// clipboard, and hands `done` where it went (the clipboard answers asynchronously).
pub fn share_link(fragment: &str, done: impl FnOnce(LinkShared) + 'static) {
    let (_, path) = origin_and_path();
    let in_address = replace_address(&format!("{path}{fragment}")).is_ok();
    copy_link(fragment, move |shared| {
        done(LinkShared {
            in_address,
            ..shared
        })
    });
}

/// Puts the page's link with `fragment` (`#exercise=…`) on the clipboard only, and hands `done`
/// whether it went there.
pub fn copy_link(fragment: &str, done: impl FnOnce(LinkShared) + 'static) {
    let (origin, path) = origin_and_path();
    let link = format!("{origin}{path}{fragment}");
    wasm_bindgen_futures::spawn_local(async move {
        let copied = write_clipboard(&link).await;
        done(LinkShared {
            link,
            in_address: false,
            copied,
        });
    });
}

/// Writes `text` to the clipboard; an error when the clipboard is missing or refuses.
pub async fn write_clipboard(text: &str) -> Result<(), String> {
    let navigator = window().ok_or("no window")?.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .ok_or("the clipboard is not available on this page")?;
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(describe)
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    download_blob(file_name, &text_blob(text, mime)?)
}

/// `text` as a blob of type `mime`.
pub fn text_blob(text: &str, mime: &str) -> Result<web_sys::Blob, String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)
}

thread_local! {
    /// The `blob:` address of the last download, kept until the next one (released then, not
    /// left for the page's lifetime).
    static LAST_DOWNLOAD: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Offers `blob` as a file download named `file_name`. The previous download's address is
/// released now, with no timer: a browser resolves a `blob:` address when the link is clicked
/// (HTML's navigation rules; the e2e tests check two downloads in one task in Chromium).
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(describe)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    let appended = body.append_child(&anchor);
    anchor.click();
    if appended.is_ok() {
        anchor.remove();
    }
    if let Some(previous) = LAST_DOWNLOAD.with(|last| last.replace(Some(url))) {
        let _ = web_sys::Url::revoke_object_url(&previous);
    }
    Ok(())
}

/// The text of a file the user chose.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(describe)?;
    crate::engine::doc::text_of_bytes(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn performance() -> Option<web_sys::Performance> {
    window()?.performance()
}

/// `performance.mark(name)` (ignored where unsupported).
pub fn mark(name: &str) {
    if let Some(performance) = performance() {
        let _ = performance.mark(name);
    }
}

/// `performance.measure(name, start_mark)`, then forgets the start mark.
pub fn measure(name: &str, start_mark: &str) {
    if let Some(performance) = performance() {
        let _ = performance.measure_with_start_mark(name, start_mark);
        performance.clear_marks_with_mark_name(start_mark);
    }
}

/// The real time now, in UTC, to the second (`Date.now()`): when a file is written.
pub fn utc_now() -> Time {
    Time::from_secs((js_sys::Date::now() / 1000.0).floor() as i64)
}

/// Real milliseconds on a clock that only moves forward (`performance.now()`, for throttling: the
/// wall clock may be set back, which would stall a throttle for as long).
pub fn now_ms() -> f64 {
    performance().map_or_else(js_sys::Date::now, |performance| performance.now())
}
