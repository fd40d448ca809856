//! The clock bar: the virtual time, Play/Pause, Previous/Next event, Reset, Go to time and Speed.

use crate::engine::{Offset, Time};
use crate::explain;
use crate::ui::components::choice::choice;
use crate::ui::hooks::use_scrolled_past;
use crate::ui::i18n::{format, tr, use_lang};
use crate::ui::state::{Action, SPEEDS};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use yew::prelude::*;

/// Properties of [`ClockBar`].
#[derive(Properties, PartialEq)]
pub struct ClockBarProps {
    /// The virtual clock.
    pub now: Time,
    /// The simulation's first and last instants (none without a valid simulation).
    pub bounds: Option<(Time, Time)>,
    /// The scenario's UTC offset, shown next to the time.
    pub offset: Option<Offset>,
    /// Whether the clock runs.
    pub playing: bool,
    /// Whether a workshop question locks the clock (its controls are then disabled, and say why).
    #[prop_or_default]
    pub locked: bool,
    /// Virtual seconds per real second.
    pub speed: u32,
    /// Receives the clock actions.
    pub on_action: Callback<Action>,
}

/// Reads a `datetime-local` value (`YYYY-MM-DDTHH:MM`, with optional seconds and fraction).
pub fn parse_go_to_time(value: &str) -> Option<Time> {
    let value = value.trim().replace(' ', "T");
    let whole = match value.len() {
        16 => format!("{value}:00"),
        n if n >= 19 => value.get(..19)?.to_string(),
        _ => return None,
    };
    Time::parse_local(&whole).ok()
}

/// The instant a "Go to time" value names, as typed: in any year the input allows, including
/// those the app does not model (before 1900, after 9000), which the reducer clamps to the run
/// while its notice names the time typed. A year past chrono's last (262143; the input goes to
/// 275760) reads as chrono's last instant. `None` for an empty or unreadable value.
pub fn go_to_target(value: &str) -> Option<NaiveDateTime> {
    if let Some(at) = parse_go_to_time(value) {
        return Some(at.naive());
    }
    // The input writes years of more than four digits in full (`+010000-01-01T00:00`, or without
    // the sign); the month, day and time must still read.
    let value = value.trim();
    let (year, rest) = value.trim_start_matches('+').split_once('-')?;
    let year: i64 = year.parse().ok()?;
    let in_2000 = parse_go_to_time(&format!("2000-{rest}"))?.naive();
    // chrono's last instant, to the second.
    let last = || NaiveDate::MAX.and_hms_opt(23, 59, 59);
    let Ok(year32) = i32::try_from(year) else {
        return last();
    };
    match in_2000.with_year(year32) {
        Some(at) => Some(at),
        // 29 February in a year with none, or a year chrono cannot hold.
        None if NaiveDate::from_ymd_opt(year32, 1, 1).is_some() => None,
        None => last(),
    }
}

/// The clock and its controls.
#[function_component(ClockBar)]
pub fn clock_bar(props: &ClockBarProps) -> Html {
    let lang = use_lang();
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let on_go_to = {
        let (on_action, bounds) = (props.on_action.clone(), props.bounds);
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Some(asked) = go_to_target(&input.value()) {
                let at = Time::from_naive(asked);
                // A time outside the run shows where the clock went instead (the field would
                // keep the typed text when the clock does not move).
                if let Some((start, until)) = bounds {
                    // (As the reducer clamps; `max` keeps `clamp` from panicking on bad bounds.)
                    let clamped = at.clamp(start, until.max(start));
                    if clamped != at {
                        input.set_value(&clamped.local_string());
                    }
                }
                on_action.emit(Action::GoTo(asked));
            }
        })
    };
    let on_speed = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Ok(speed) = select.value().parse::<u32>() {
                on_action.emit(Action::SetSpeed(speed));
            }
        })
    };
    // "Go to time" shows the clock's time, but is not rewritten every frame while playing: that
    // would be wasted work, and would wipe out a time being typed. It catches up on a pause.
    let go_to_shown = use_mut_ref(|| props.now);
    if !props.playing {
        *go_to_shown.borrow_mut() = props.now;
    }
    let go_to_value = go_to_shown.borrow().local_string();
    let disabled = props.bounds.is_none() || props.locked;
    let (min, max) = props
        .bounds
        .map(|(start, until)| (start.local_string(), until.local_string()))
        .unwrap_or_default();
    let offset = props.offset.map(format::offset).unwrap_or_default();
    let (play_icon, play_label, play_id, other_label) = if props.playing {
        ("❚❚", tr(lang, "Pause"), "pause", tr(lang, "Play"))
    } else {
        ("▶", tr(lang, "Play"), "play", tr(lang, "Pause"))
    };
    // Below 1200 px the bar is too high to pin: once it is scrolled out of sight, a compact clock
    // at the bottom of the window stands in for it, for a pointer or a finger. It is hidden from
    // screen readers and out of the tab order: for them the bar stays the one clock, and its
    // shortcut keys work from anywhere on the page.
    let time = explain::when(props.now);
    let bar_ref = use_node_ref();
    let scrolled_past = use_scrolled_past(bar_ref.clone());
    let mini_clock = html! {
        <div class="mini-clock" data-testid="mini-clock" aria-hidden="true" hidden={!scrolled_past}>
            <span class="mini-clock-time" data-testid="mini-clock-time">{ time.clone() }</span>
            <button type="button" class="button" tabindex="-1" title={tr(lang, "Previous event")}
                onclick={emit(Action::PreviousEvent)} {disabled}>
                <svg class="mini-icon" viewBox="0 0 16 16"><path d="M3 3h2v10H3zM13 3v10L6 8z" /></svg>
            </button>
            <button type="button" class="button button-primary" tabindex="-1" title={play_label}
                data-testid={format!("mini-{play_id}")} onclick={emit(Action::TogglePlay)} {disabled}>
                { play_icon }
            </button>
            <button type="button" class="button" tabindex="-1" title={tr(lang, "Next event")}
                onclick={emit(Action::NextEvent)} {disabled}>
                <svg class="mini-icon" viewBox="0 0 16 16"><path d="M11 3h2v10h-2zM3 3v10l7-5z" /></svg>
            </button>
        </div>
    };
    html! {
        <>
        <section class="clock-bar" data-testid="clock-bar" aria-label={tr(lang, "Virtual clock")}
            ref={bar_ref}>
            <div class="clock-readout">
                <span class="clock-caption">{ tr(lang, "Virtual time") }</span>
                // The contract's ISO clock, the same in every language (docs/languages.md).
                <span class="clock-time" data-testid="clock">{ time }</span>
                <span class="clock-offset">{ offset }</span>
            </div>
            <div class="clock-buttons">
                <button type="button" class="button" data-testid="reset"
                    onclick={emit(Action::Reset)} {disabled}>
                    <span aria-hidden="true" class="icon">{ "↺" }</span>{ tr(lang, "Reset") }
                </button>
                <button type="button" class="button" data-testid="previous-event"
                    onclick={emit(Action::PreviousEvent)} {disabled}>
                    <span aria-hidden="true" class="icon">{ "◀" }</span>{ tr(lang, "Previous event") }
                </button>
                <button type="button" class="button button-primary play-button"
                    data-testid={play_id} onclick={emit(Action::TogglePlay)} {disabled}>
                    <span aria-hidden="true" class="icon">{ play_icon }</span>
                    // The other label, hidden, keeps the button as wide as the wider of the two
                    // (in pt-BR "Reproduzir" and "Pausar" differ by 20 px), so its neighbours
                    // do not move on each press.
                    <span class="play-labels">
                        <span>{ play_label }</span>
                        <span class="play-other" aria-hidden="true">{ other_label }</span>
                    </span>
                </button>
                <button type="button" class="button" data-testid="next-event"
                    onclick={emit(Action::NextEvent)} {disabled}>
                    { tr(lang, "Next event") }<span aria-hidden="true" class="icon icon-after">{ "▶" }</span>
                </button>
            </div>
            <div class="clock-settings">
                <label class="field">
                    <span class="field-label">{ tr(lang, "Go to time") }</span>
                    <input type="datetime-local" step="1" min={min} max={max} data-testid="go-to-time"
                        value={go_to_value} onchange={on_go_to} {disabled} />
                </label>
                <label class="field">
                    <span class="field-label">{ tr(lang, "Speed") }</span>
                    <select onchange={on_speed}>
                        { for SPEEDS.iter().map(|&(speed, name)| html! {
                            { choice(speed.to_string(), speed == props.speed, html! { tr(lang, name) }) }
                        }) }
                    </select>
                </label>
            </div>
            if props.locked {
                <p class="clock-hint clock-locked" data-testid="clock-locked">
                    { tr(lang, "The clock and the scenario are locked during the exercise: answer the question, or leave the exercise.") }
                </p>
            } else {
                <p class="clock-hint">
                    { tr(lang, "Keys: Space play/pause, ← → previous/next event, Home reset.") }
                </p>
            }
        </section>
        { mini_clock }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_to_time_reads_what_the_input_gives() {
        // input value, expected local time
        let cases = [
            ("2026-04-10T06:30:15", Some("2026-04-10T06:30:15")),
            ("2026-04-10T06:30", Some("2026-04-10T06:30:00")),
            ("2026-04-10T06:30:15.000", Some("2026-04-10T06:30:15")),
            ("2026-04-10 06:30:15", Some("2026-04-10T06:30:15")),
            ("", None),
            ("2026-04-10", None),
            ("2026-02-30T00:00", None),
        ];
        for (value, expected) in cases {
            assert_eq!(
                parse_go_to_time(value).map(Time::local_string).as_deref(),
                expected,
                "{value}"
            );
        }
    }

    #[test]
    fn go_to_time_keeps_a_year_the_app_does_not_model_as_typed() {
        // input value, the time asked for (the reducer clamps it to the run)
        let cases = [
            ("2026-04-10T06:30", Some("2026-04-10 06:30:00")),
            ("1850-06-01T12:00", Some("1850-06-01 12:00:00")),
            ("0001-01-01T00:00", Some("0001-01-01 00:00:00")),
            ("9500-01-01T00:00", Some("9500-01-01 00:00:00")),
            ("+010000-01-01T00:00", Some("+10000-01-01 00:00:00")),
            ("010000-02-29T00:00", Some("+10000-02-29 00:00:00")),
            ("010001-02-29T00:00", None),
            ("275760-09-13T00:00", Some("+262142-12-31 23:59:59")),
            ("1850-02-30T00:00", None),
            ("1850-06-01", None),
            ("", None),
            ("abc", None),
        ];
        for (value, expected) in cases {
            assert_eq!(
                go_to_target(value)
                    .map(|at| at.format("%Y-%m-%d %H:%M:%S").to_string())
                    .as_deref(),
                expected,
                "{value}"
            );
        }
    }
}
