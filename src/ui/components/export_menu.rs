//! Exports and printing of the lab view: the event logs as CSV, the coming dates as an
//! iCalendar file, the timeline as SVG and PNG, and Print. Also the summary that only paper
//! shows (static/css/print.css): the scenario, its tier, the clock, and the latest and coming
//! events of its tier in words.
//!
//! Every file is a pure function of the simulation and the virtual clock (`src/ui/export.rs`), made
//! in the page and downloaded from a `blob:` address: nothing leaves the page.

use crate::engine::{Event, Time, Trace};
use crate::ui::browser::{self, describe, download_blob, text_blob};
use crate::ui::components::toolbar::file_stem;
use crate::ui::export::{self, printed_coming, svg};
use crate::ui::i18n::explain as say;
use crate::ui::i18n::format::{minute, offset as offset_label, second};
use crate::ui::i18n::{errors, scenario_title, tr, trf, use_lang, Lang, LocalText};
use crate::ui::sim::SimRef;
use crate::ui::state::Action;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Coming events listed on paper (see [`export::printed_coming`]); the calendar has every date.
const KEY_DATES: usize = 6;
/// Past events listed on paper: the latest ones.
const SO_FAR: usize = 4;
/// The PNG's pixels per SVG pixel.
const PNG_SCALE: u32 = 2;

/// Properties of [`ExportMenu`].
#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    /// The last valid simulation (nothing is shown without one).
    pub sim: Option<SimRef>,
    /// The virtual clock.
    pub now: Time,
    /// Receives the notices and errors.
    pub on_action: Callback<Action>,
}

/// The kinds of files offered.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Ics,
    Svg,
    Png,
}

/// The file stem for `sim`: the scenario's name as Export JSON writes it, without `.json`.
fn scenario_stem(sim: &SimRef) -> String {
    file_stem(&sim.scenario.name, "scenario")
}

/// A tier's name in a file name: as it is (`V3`) when it is safe there, else made safe the way a
/// scenario's name is (a custom tier can be called anything, `a/b` or `..`).
fn tier_in_file_name(tier: &str) -> String {
    if tier
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        tier.to_string()
    } else {
        file_stem(tier, "tier")
    }
}

/// The file name and text of a text export (CSV, ICS, SVG), written at `written_utc` (the real
/// time); `None` for the PNG.
fn text_file(
    sim: &SimRef,
    now: Time,
    written_utc: Time,
    format: Format,
    lang: Lang,
) -> Option<(String, String)> {
    let stem = scenario_stem(sim);
    let scenario = &sim.scenario;
    match format {
        // A byte-order mark so spreadsheet programs read the file as UTF-8.
        Format::Csv => Some((
            format!("{stem}-events.csv"),
            format!(
                "\u{feff}{}",
                export::event_logs_csv(scenario, &sim.traces, now)
            ),
        )),
        Format::Ics => {
            let trace = sim.traces.get(sim.scenario_tier())?;
            Some((
                format!("{stem}-{}.ics", tier_in_file_name(&trace.tier)),
                export::calendar_ics(scenario, trace, now, written_utc, lang),
            ))
        }
        Format::Svg => Some((
            format!("{stem}-timeline.svg"),
            svg::timeline_svg(scenario, &sim.traces, now, lang),
        )),
        Format::Png => None,
    }
}

/// Draws the SVG document `svg` on a canvas at [`PNG_SCALE`] and returns it as a PNG.
async fn png_of(svg: &str) -> Result<web_sys::Blob, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(&text_blob(svg, "image/svg+xml")?)
        .map_err(describe)?;
    let image = web_sys::HtmlImageElement::new().map_err(describe)?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded.map_err(describe)?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(describe)?
        .unchecked_into();
    canvas.set_width(image.natural_width() * PNG_SCALE);
    canvas.set_height(image.natural_height() * PNG_SCALE);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(describe)?
        .ok_or("no 2D canvas")?
        .unchecked_into();
    let scale = f64::from(PNG_SCALE);
    context.scale(scale, scale).map_err(describe)?;
    context
        .draw_image_with_html_image_element(&image, 0.0, 0.0)
        .map_err(describe)?;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = canvas.to_blob_with_type(&resolve, "image/png");
    });
    let png = JsFuture::from(promise).await.map_err(describe)?;
    png.dyn_into::<web_sys::Blob>()
        .map_err(|_| "the canvas made no image".to_string())
}

/// One printed line: when, who (a resource or the account) and what, in words.
fn printed_event(lang: Lang, sim: &SimRef, trace: &Trace, event: &Event) -> Html {
    let scenario = &sim.scenario;
    let who = say::subject(lang, scenario, event);
    let what = say::explain(lang, event, scenario, trace).what;
    html! {
        <li>
            <time>{ minute(lang, event.at) }</time>{ " " }
            <strong>{ who }</strong>{ " " }{ what }
        </li>
    }
}

/// What the paper tells of the scenario's tier: the last [`SO_FAR`] events up to `now` and the
/// first [`KEY_DATES`] key events after it, each in words (with the amounts a payment or a refusal
/// involved).
fn printed_story(sim: &SimRef, now: Time, lang: Lang) -> Html {
    let Some(trace) = sim.traces.get(sim.scenario_tier()) else {
        return Html::default();
    };
    let passed = trace.events.partition_point(|e| e.at <= now);
    let before = &trace.events[..passed];
    let so_far = &before[before.len().saturating_sub(SO_FAR)..];
    let (coming, more) = printed_coming(trace, now, KEY_DATES);
    let line = |event: &Event| printed_event(lang, sim, trace, event);
    html! {
        <>
            <h3>{ trf(lang, "So far in tier {0}", &[&trace.tier]) }</h3>
            if so_far.is_empty() {
                <p>{ tr(lang, "Nothing has happened yet.") }</p>
            } else {
                <ul class="print-events">{ for so_far.iter().map(line) }</ul>
            }
            <h3>{ trf(lang, "Coming in tier {0}", &[&trace.tier]) }</h3>
            if coming.is_empty() && trace.hides_future {
                <p>{ trf(lang, "In an exercise, what comes after {0} is not shown.", &[&minute(lang, trace.until)]) }</p>
            } else if coming.is_empty() {
                <p>
                    { trf(lang, "Nothing more happens before the simulation ends, {0}; the status below gives the dates that would follow.",
                          &[&minute(lang, trace.until)]) }
                </p>
            } else {
                <ul class="print-events">{ for coming.into_iter().map(line) }</ul>
            }
            if more {
                <p>{ tr(lang, "More follow: the calendar export (.ics) lists every coming attempt, expiry, freeze and release.") }</p>
            }
        </>
    }
}

/// The export buttons, and the summary shown only in print.
#[function_component(ExportMenu)]
pub fn export_menu(props: &ExportMenuProps) -> Html {
    let lang = use_lang();
    // The coming dates on paper change only when the clock passes an event of the scenario's tier,
    // not every frame.
    let passed = props.sim.as_ref().and_then(|sim| {
        let trace = sim.traces.get(sim.scenario_tier())?;
        Some(trace.events.partition_point(|e| e.at <= props.now))
    });
    let story = use_memo((props.sim.clone(), passed, lang), |(sim, _, lang)| {
        sim.as_ref().map(|sim| printed_story(sim, props.now, *lang))
    });
    let Some(sim) = props.sim.clone() else {
        return Html::default();
    };
    let now = props.now;
    let export = |format: Format| {
        let (sim, on_action) = (sim.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            let report = {
                let on_action = on_action.clone();
                move |name: String, result: Result<(), String>| match result {
                    Ok(()) => on_action.emit(Action::Notify(
                        LocalText::new(|lang| trf(lang, "Downloaded {0}.", &[&name])).into(),
                    )),
                    Err(reason) => on_action.emit(Action::ReportError(LocalText::new(|lang| {
                        trf(
                            lang,
                            "Could not export {0}: {1}.",
                            &[&name, &errors::message(lang, &reason)],
                        )
                    }))),
                }
            };
            // Nothing coming: no calendar (a file without an event is not valid iCalendar).
            let trace = sim.traces.get(sim.scenario_tier());
            let empty = trace
                .filter(|_| format == Format::Ics)
                .filter(|trace| !export::has_calendar_dates(&sim.scenario, trace, now));
            if let Some(trace) = empty {
                let tier = trace.tier.clone();
                on_action.emit(Action::Notify(
                    LocalText::new(|lang| {
                        trf(
                            lang,
                            "Nothing is coming in tier {0} after {1}: there is no calendar to export.",
                            &[&tier, &second(lang, now)],
                        )
                    })
                    .into(),
                ));
                return;
            }
            match text_file(&sim, now, browser::utc_now(), format, lang) {
                Some((name, text)) => {
                    let mime = match format {
                        Format::Csv => "text/csv;charset=utf-8",
                        Format::Ics => "text/calendar;charset=utf-8",
                        _ => "image/svg+xml",
                    };
                    let result = text_blob(&text, mime).and_then(|b| download_blob(&name, &b));
                    report(name, result);
                }
                None => {
                    let name = format!("{}-timeline.png", scenario_stem(&sim));
                    let svg = svg::timeline_svg(&sim.scenario, &sim.traces, now, lang);
                    spawn_local(async move {
                        let result = match png_of(&svg).await {
                            Ok(png) => download_blob(&name, &png),
                            Err(reason) => Err(reason),
                        };
                        report(name, result);
                    });
                }
            }
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    // The summary on paper: the scenario, its tier, the clock, what happened and what comes.
    let tier = sim.traces.get(sim.scenario_tier());
    let story = (*story).clone().unwrap_or_default();
    let tier_name = tier.map_or("", |t| t.tier.as_str());

    html! {
        <>
            <div class="export-menu" role="group" aria-label={tr(lang, "Export and print")}>
                <button type="button" class="button" onclick={export(Format::Csv)}>{ tr(lang, "Export CSV") }</button>
                <button type="button" class="button" onclick={export(Format::Ics)}>{ tr(lang, "Export calendar (.ics)") }</button>
                <button type="button" class="button" onclick={export(Format::Svg)}>{ tr(lang, "Export SVG") }</button>
                <button type="button" class="button" onclick={export(Format::Png)}>{ tr(lang, "Export PNG") }</button>
                <button type="button" class="button" onclick={on_print}>{ tr(lang, "Print") }</button>
            </div>
            <section class="print-summary" data-testid="print-summary">
                <h2 class="print-title">{ trf(lang, "Scenario: {0}", &[scenario_title(lang, &sim.scenario.name)]) }</h2>
                <p>
                    { trf(lang, "Customer tier {0}; the timeline shows every tier of the policy. Clock: {1} ({2}).",
                          &[tier_name, &second(lang, now), &offset_label(sim.scenario.offset)]) }
                </p>
                { story }
            </section>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tier_name_is_safe_in_a_file_name() {
        // tier, in the file name
        let cases = [
            ("V3", "V3"),
            ("gold_plus-2", "gold_plus-2"),
            ("Gold Plus", "gold-plus"),
            ("a/b", "a-b"),
            ("..", "tier"),
            ("黄金", "黄金"),
        ];
        for (tier, shown) in cases {
            assert_eq!(tier_in_file_name(tier), shown, "{tier}");
        }
    }
}
