//! The event log: one tier's events up to the clock, each explained in plain words with its rule.

use crate::engine::{EventKind, State, Time};
use crate::ui::components::choice::choice;
use crate::ui::components::status_panel::state_badge;
use crate::ui::i18n::explain::explain;
use crate::ui::i18n::format::{offset, second};
use crate::ui::i18n::{plural, tr, trf, use_lang, Lang};
use crate::ui::reminder;
use crate::ui::sim::SimRef;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`EventLog`].
#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    /// The current simulation.
    pub sim: SimRef,
    /// The virtual clock.
    pub now: Time,
    /// Called when an event's time is clicked: the clock goes back to it.
    pub on_seek: Callback<crate::ui::components::timeline::Seek>,
}

/// Rows rendered at first; "Show earlier events" adds [`MORE_ROWS`] at a time, up to [`MAX_ROWS`].
/// Few rows keep a long jump of the clock (which replaces every row) cheap.
pub const FIRST_ROWS: usize = 30;
/// Rows each "Show earlier events" adds.
pub const MORE_ROWS: usize = 90;
/// The most rows rendered at once; earlier events are summarized in a note.
pub const MAX_ROWS: usize = 300;

/// The index range of the rows to show when `count` events have happened and `pages` pages of
/// rows are asked for.
pub fn visible_rows(count: usize, pages: usize) -> std::ops::Range<usize> {
    let rows = FIRST_ROWS
        .saturating_add(MORE_ROWS.saturating_mul(pages.saturating_sub(1)))
        .min(MAX_ROWS);
    count.saturating_sub(rows)..count
}

/// A short name for an event kind, for people.
fn kind_words(lang: Lang, kind: &EventKind) -> &'static str {
    match kind {
        EventKind::Purchased { .. } => tr(lang, "purchased"),
        EventKind::StateChanged { .. } => tr(lang, "state change"),
        EventKind::AutoRenewAttempt { failure: None, .. } => tr(lang, "auto-renew paid"),
        EventKind::AutoRenewAttempt {
            failure: Some(_), ..
        } => tr(lang, "auto-renew failed"),
        EventKind::Renewed { .. } => tr(lang, "renewed"),
        EventKind::TopUp { .. } => tr(lang, "top-up"),
        EventKind::AutoRenewChanged { .. } => tr(lang, "auto-renew settings"),
        EventKind::ActionRejected { .. } => tr(lang, "refused"),
        EventKind::Reminder { .. } => tr(lang, "reminder"),
    }
}

/// A class naming the event's tone, for its accent.
fn tone(kind: &EventKind) -> &'static str {
    match kind {
        EventKind::AutoRenewAttempt {
            failure: Some(_), ..
        }
        | EventKind::ActionRejected { .. } => "tone-bad",
        EventKind::AutoRenewAttempt { failure: None, .. }
        | EventKind::Renewed { .. }
        | EventKind::TopUp { .. } => "tone-good",
        EventKind::StateChanged { to, .. } => match to {
            State::Available => "tone-good",
            State::Expired => "tone-expired",
            State::Frozen => "tone-frozen",
            State::Released => "tone-released",
        },
        EventKind::Purchased { .. } | EventKind::AutoRenewChanged { .. } => "tone-neutral",
        EventKind::Reminder { .. } => "tone-reminder",
    }
}

/// Properties of [`EventRow`].
#[derive(Properties, PartialEq)]
struct EventRowProps {
    sim: SimRef,
    tier: usize,
    index: usize,
}

/// One explained event. Rendered once per simulation: the clock moving does not touch it.
#[function_component(EventRow)]
fn event_row(props: &EventRowProps) -> Html {
    let lang = use_lang();
    let sim = &props.sim;
    let Some(trace) = sim.traces.get(props.tier) else {
        return Html::default();
    };
    let Some(event) = trace.events.get(props.index) else {
        return Html::default();
    };
    // The reminders' sentences and rule are `i18n::explain`'s too.
    let explanation = explain(lang, event, &sim.scenario, trace);
    let who = event
        .resource
        .and_then(|r| sim.scenario.resources.get(r))
        .map_or(tr(lang, "account"), |r| r.id.as_str());
    let at = event.at.rfc3339(trace.offset);
    let badge = match event.kind {
        EventKind::StateChanged { to, .. } => state_badge(lang, Some(to)),
        EventKind::Reminder { .. } => {
            html! { <span class="ev-kind">{ reminder::kind_label(lang) }</span> }
        }
        _ => html! { <span class="ev-kind">{ kind_words(lang, &event.kind) }</span> },
    };
    html! {
        <li class={classes!("event", tone(&event.kind))} data-testid="event"
            data-kind={event.kind.name()} data-at={at.clone()}>
            <div class="ev-head">
                // A click on the time puts the clock there (the log listens once, for all rows;
                // keyboard users have Previous event and Go to time).
                <time class="ev-time" datetime={at} data-local={event.at.local_string()}
                    title={tr(lang, "Go to this time")}>{ second(lang, event.at) }</time>
                <span class="ev-resource">{ who }</span>
                { badge }
            </div>
            <p class="ev-what">{ explanation.what }</p>
            <p class="ev-meta">
                <span class="ev-rule">{ explanation.rule }</span>
                if let Some(next) = explanation.next {
                    <span class="ev-next">{ trf(lang, "next: {0}", &[&next]) }</span>
                }
            </p>
        </li>
    }
}

/// Properties of [`EventRows`].
#[derive(Properties, PartialEq)]
struct EventRowsProps {
    sim: SimRef,
    tier: usize,
    count: usize,
    pages: usize,
}

/// The visible rows; re-rendered only when the number of events shown changes.
#[function_component(EventRows)]
fn event_rows(props: &EventRowsProps) -> Html {
    let rows = visible_rows(props.count, props.pages).map(|index| {
        html! { <EventRow key={index} sim={props.sim.clone()} tier={props.tier} {index} /> }
    });
    html! { <ol class="log-list">{ for rows }</ol> }
}

/// The events of the tier chosen in "Log tier" (the scenario's tier at first) up to the clock,
/// newest last. The scroller is anchored at its end (CSS `column-reverse`), so new rows stay in
/// view without reading the layout from script.
#[function_component(EventLog)]
pub fn event_log(props: &EventLogProps) -> Html {
    let EventLogProps { sim, now, on_seek } = props;
    let lang = use_lang();
    let chosen_tier = use_state(|| None::<String>);
    let pages = use_state(|| 1_usize);
    // The last "Show earlier events" removes itself: the focus goes to the log it filled.
    let scroller = crate::ui::hooks::use_focus_rescue(*pages);
    let tier = chosen_tier
        .as_ref()
        .and_then(|name| sim.traces.iter().position(|t| &t.tier == name))
        .unwrap_or_else(|| sim.scenario_tier());
    let count = sim
        .traces
        .get(tier)
        .map_or(0, |trace| trace.events_until(*now).len());
    // Callbacks
    let show_earlier = {
        let pages = pages.clone();
        Callback::from(move |_: MouseEvent| pages.set(*pages + 1))
    };
    let onchange = {
        let chosen_tier = chosen_tier.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
                chosen_tier.set(Some(select.value()));
            }
        })
    };

    let tier_name = sim.traces.get(tier).map_or("", |t| t.tier.as_str());
    let options = sim.traces.iter().map(|trace| {
        choice(
            trace.tier.clone(),
            trace.tier == tier_name,
            html! { &trace.tier },
        )
    });
    let hidden = visible_rows(count, *pages).start;
    let can_show_more = hidden > 0 && visible_rows(usize::MAX, *pages).len() < MAX_ROWS;
    let on_time_click = {
        let on_seek = on_seek.clone();
        Callback::from(move |event: MouseEvent| {
            let time = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|target| target.closest(".ev-time[data-local]").ok().flatten())
                .and_then(|time| time.get_attribute("data-local"))
                .and_then(|local| Time::parse_local(&local).ok());
            if let Some(at) = time {
                on_seek.emit(crate::ui::components::timeline::Seek::To(at));
            }
        })
    };
    html! {
        <section class="event-log" aria-labelledby="rl-log-title">
            <header class="panel-head">
                <h2 id="rl-log-title" class="panel-title">{ tr(lang, "Event log") }</h2>
                <label class="field-inline">
                    <span>{ tr(lang, "Log tier") }</span>
                    <select {onchange}>{ for options }</select>
                </label>
            </header>
            <p class="panel-note">
                { trf(lang, "{0} up to {1} · times in {2}", &[
                    &plural(lang, count as i64, "{0} event", "{0} events"),
                    &second(lang, *now),
                    &offset(sim.scenario.offset),
                ]) }
            </p>
            <div class="log-scroller" data-testid="event-log" tabindex="0" ref={scroller} onclick={on_time_click}
                 role="region" aria-label={trf(lang, "Events of tier {0}", &[tier_name])}>
                <div class="log-content">
                    if hidden > 0 {
                        <p class="log-earlier">
                            { plural(lang, hidden as i64, "{0} earlier event not shown", "{0} earlier events not shown") }
                            if can_show_more {
                                <button type="button" class="log-more" onclick={show_earlier}>
                                    { tr(lang, "Show earlier events") }
                                </button>
                            } else {
                                // The log holds at most MAX_ROWS rows: say where the rest are.
                                { " " }{ tr(lang, "Move the clock back to read them, or export the CSV for every event.") }
                            }
                        </p>
                    }
                    if count == 0 {
                        <p class="log-empty">{ tr(lang, "Nothing has happened yet. Press Play or Next event.") }</p>
                    }
                    <EventRows sim={sim.clone()} {tier} {count} pages={*pages} />
                </div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_rows_are_shown() {
        // events so far, pages asked for, first shown, shown
        let cases = [
            (0, 1, 0, 0),
            (1, 1, 0, 1),
            (30, 1, 0, 30),
            (31, 1, 1, 30),
            (31, 2, 0, 31),
            (10_000, 0, 9_970, 30),
            (10_000, 2, 9_880, 120),
            (10_000, 4, 9_700, 300),
            (10_000, 9, 9_700, 300),
        ];
        for (count, pages, first, shown) in cases {
            let range = visible_rows(count, pages);
            assert_eq!(
                (range.start, range.len()),
                (first, shown),
                "{count}, {pages}"
            );
        }
    }
}
