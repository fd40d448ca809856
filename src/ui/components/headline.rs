//! The lab's headline: the scenario's title and story, and what last happened and comes next in
//! the customer's tier, in words, next to the clock.

use crate::engine::Scenario;
use crate::engine::Time;
use crate::ui::i18n::explain::sentences;
use crate::ui::i18n::format::minute_or_second;
use crate::ui::i18n::{scenario_title, tr, trf, use_lang, Lang};
use crate::ui::scenarios::{GalleryEntry, GALLERY};
use crate::ui::sim::SimRef;
use yew::prelude::*;

/// Properties of [`Headline`].
#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    /// The simulation shown (in a workshop, cut at the clock: no line tells what comes).
    pub sim: SimRef,
    /// The virtual clock.
    pub now: Time,
    /// Whether the clock is playing: the lines then keep one height, so a change of their text
    /// (many times a second at top speed) lays out only themselves.
    pub playing: bool,
}

/// The gallery scenario named `name`, if there is one.
fn gallery_entry_named(name: &str) -> Option<GalleryEntry> {
    GALLERY.iter().copied().find(|entry| entry.title() == name)
}

/// The story of `entry` if `scenario` is that gallery scenario unchanged. A story tells what
/// happens, so any edit (a larger balance, auto-renew off) makes it untrue and drops it.
fn story_if_unchanged(entry: GalleryEntry, scenario: &Scenario) -> Option<&'static str> {
    let doc = entry.doc().ok()?;
    let original = Scenario::from_doc(&doc).ok()?;
    (original == *scenario).then_some(entry.story)
}

/// The last and the next instant's events of the customer's tier, once `passed` events of it
/// have happened.
fn last_and_next(lang: Lang, sim: &SimRef, passed: usize) -> Html {
    let Some(trace) = sim.traces.get(sim.scenario_tier()) else {
        return Html::default();
    };
    // The events at the instant of the `i`-th event, in words.
    let line = |i: usize| -> Option<(Time, String)> {
        let at = trace.events.get(i)?.at;
        Some((
            at,
            sentences(lang, &sim.scenario, trace, trace.events_at(at)),
        ))
    };
    let last = passed.checked_sub(1).and_then(line);
    let next = line(passed);
    let row = |label: String, testid: &'static str, entry: Option<(Time, String)>| {
        entry.map(|(at, text)| {
            html! {
                <div class="headline-row" data-testid={testid}>
                    <dt>{ label }</dt>
                    // The whole sentence as a tooltip too: while playing, it is cut to one line.
                    <dd title={text.clone()}><time>{ minute_or_second(lang, at) }</time>{ " · " }{ text }</dd>
                </div>
            }
        })
    };
    let tier = trace.tier.as_str();
    html! {
        <dl class="headline-now" data-testid="headline-now">
            { row(trf(lang, "Last in tier {0}", &[tier]), "headline-last", last) }
            { row(trf(lang, "Next in tier {0}", &[tier]), "headline-next", next) }
        </dl>
    }
}

/// The scenario's title (translated when it is a gallery scenario's), its story, and the last and
/// next events of its tier. It changes only when the clock passes an event, not every frame.
#[function_component(Headline)]
pub fn headline(props: &HeadlineProps) -> Html {
    let lang = use_lang();
    let sim = &props.sim;
    let name = sim.scenario.name.clone();
    // Parsing the gallery only when the name changes; comparing with the one candidate on each
    // new simulation.
    let candidate = use_memo(name.clone(), |name| gallery_entry_named(name));
    // Not in a workshop's view cut at the clock: a gallery story tells how the run ends, which
    // would give the questions away.
    let story = use_memo((sim.clone(), *candidate), |(sim, candidate)| {
        let cut = sim.traces.iter().any(|trace| trace.hides_future);
        candidate
            .filter(|_| !cut)
            .and_then(|entry| story_if_unchanged(entry, &sim.scenario))
    });
    let passed = sim.traces.get(sim.scenario_tier()).map_or(0, |trace| {
        trace.events.partition_point(|e| e.at <= props.now)
    });
    let now_lines = use_memo((sim.clone(), passed, lang), |(sim, passed, lang)| {
        last_and_next(*lang, sim, *passed)
    });
    // While playing, the lines keep the height they had when Play was pressed (measured then,
    // once), so the page below does not jump by a line or two on Play and again on Pause.
    let lines_ref = use_node_ref();
    let rest_height = use_mut_ref(|| None::<i32>);
    if props.playing {
        let mut rest = rest_height.borrow_mut();
        if rest.is_none() {
            *rest = lines_ref
                .cast::<web_sys::HtmlElement>()
                .map(|lines| lines.offset_height())
                .filter(|height| *height > 0);
        }
    } else {
        *rest_height.borrow_mut() = None;
    }
    let lines_style = rest_height
        .borrow()
        .map(|height| format!("height: {height}px"));
    let title = scenario_title(lang, &name);
    html! {
        <section class="headline" data-testid="headline" aria-labelledby="rl-headline-title">
            <h2 id="rl-headline-title" class="headline-title">{ title.to_string() }</h2>
            if let Some(story) = *story {
                <p class="headline-story">{ tr(lang, story) }</p>
            }
            <div class={classes!("headline-lines", props.playing.then_some("is-playing"))}
                ref={lines_ref} style={lines_style}>
                { (*now_lines).clone() }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gallery_scenario_has_its_story_until_it_is_changed() {
        for entry in GALLERY {
            let doc = entry.doc().expect("parses");
            let name = doc.name.clone().unwrap_or_default();
            let found = gallery_entry_named(&name).expect("found by its name");
            assert_eq!(found.slug, entry.slug);
            let scenario = Scenario::from_doc(&doc).expect("valid");
            assert_eq!(story_if_unchanged(found, &scenario), Some(entry.story));
            // The same name with another balance is another story.
            let mut changed = doc.clone();
            changed.balance = Some(crate::engine::doc::AmountDoc::text("500.00"));
            let changed = Scenario::from_doc(&changed).expect("valid");
            assert_eq!(story_if_unchanged(found, &changed), None, "{}", entry.slug);
        }
        assert_eq!(gallery_entry_named("My own scenario"), None);
        assert_eq!(gallery_entry_named(""), None);
    }
}
