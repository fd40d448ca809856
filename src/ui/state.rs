//! The app's state and every transition of it: one reducer over the edited document, the last
//! valid simulation, the virtual clock, the view and the undo history.
//!
//! Transitions are plain methods ([`AppState::apply`]) so they are tested natively; the
//! [`Reducible`] impl only calls them. Timers never live here: a hook dispatches [`Action::Tick`].
//! Beside the reducer: the customer's acts read from the act panel (`act`), the live region's
//! sentences (`words`) and the kinds of file Import accepts (`import`).

use crate::engine::{FieldError, Scenario, ScenarioDoc, Time};
use crate::ui::i18n::explain as say;
use crate::ui::i18n::{errors, format, sentence_gap, tr, trf, Lang, LocalText};
use crate::ui::sim::{Sim, SimRef, MAX_EVENTS};
use crate::ui::what_if_state::{WhatIfAction, WhatIfState};
use crate::ui::workshop_state::{self, WorkshopAction, WorkshopState};
use crate::ui::{autosave, scenarios, share};
use crate::workshop::Exercise;
use chrono::NaiveDateTime;
use std::rc::Rc;
use yew::Reducible;

mod act;
mod import;
mod words;

use act::act_report;
pub use act::{
    top_up_amount, whole_in, Act, ActReport, Outcome, MAX_DAYS_BEFORE, MAX_RENEWAL_COUNT,
};
use import::{import_error, FileKind};
use words::{
    events_in_words, has_state_changes, only_events_at, own_trace, state_changes, states_at,
};

/// The clock's speeds: virtual seconds per real second, and how the speed select names them.
pub const SPEEDS: [(u32, &str); 7] = [
    (60, "1 min/s"),
    (600, "10 min/s"),
    (3_600, "1 h/s"),
    (21_600, "6 h/s"),
    (86_400, "1 day/s"),
    (604_800, "1 week/s"),
    (2_592_000, "1 month/s"),
];

/// The speed the clock starts with: one virtual day per real second.
pub const DEFAULT_SPEED: u32 = 86_400;

/// How many earlier documents Undo keeps.
pub const UNDO_LIMIT: usize = 100;

/// The longest real time one tick may cover (a tab back from the background does not leap).
const MAX_TICK_MS: f64 = 250.0;

/// While playing, state changes are said at most once in this many real milliseconds; those
/// passed in between are said together, so a screen reader can finish a sentence before the next.
const PLAY_SAY_EVERY_MS: f64 = 2_000.0;

/// Which screen is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The gallery of ready scenarios.
    Gallery,
    /// The lab: clock, timeline, panels and editor.
    Lab,
}

/// A short notice of what the user's last step did (a link opened or copied, a file exported,
/// where "Go to time" put the clock), and how long it stays true of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Its words.
    pub text: LocalText,
    /// When it goes.
    pub lasts: Lasts,
}

/// How long a notice stays true of the page; it goes once it is not, so it never contradicts
/// what the page shows. (Notices that stay true stay until another replaces them: taking them
/// away at each step would move the page, and the button under the pointer, by their height.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lasts {
    /// A fact about what was done ("Exported …", "Opened the scenario from the link.").
    UntilReplaced,
    /// Until the clock moves ("Go to time: … the clock is at its start, …").
    UntilClockMoves,
    /// Until the scenario changes ("Link copied … and in the address bar": an edit takes the
    /// link out of the address).
    UntilEdit,
    /// Until another scenario is opened, tried or brought back ("Imported mine.json.": a gallery
    /// scenario, an undo, or an import or a link that failed makes it untrue, or old news).
    UntilOtherScenario,
}

impl From<LocalText> for Notice {
    fn from(text: LocalText) -> Self {
        Notice {
            text,
            lasts: Lasts::UntilReplaced,
        }
    }
}

/// Everything the app dispatches.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Show the gallery (the clock pauses).
    ShowGallery,
    /// Back to the lab with the current scenario.
    ShowLab,
    /// Open a document (gallery, blank): the lab, the clock paused at its earliest start.
    Load(ScenarioDoc),
    /// The editor changed the document.
    Edit(ScenarioDoc),
    /// A tier's status card made it the scenario's tier: an edit of the document's tier.
    ChooseTier(String),
    /// The editor changed the document by typing in a text field. A new undo step, unless
    /// `types_on` (more keys in the field the last action typed in, nothing else between).
    Type {
        /// The edited document.
        doc: ScenarioDoc,
        /// Whether this keystroke types on in the field the previous one typed in.
        types_on: bool,
    },
    /// Act as the customer at the clock's time.
    Act(Act),
    /// `real_ms` of real time passed while playing.
    Tick {
        /// Real milliseconds since the previous tick.
        real_ms: f64,
    },
    /// Play, or pause while playing.
    TogglePlay,
    /// Pause.
    Pause,
    /// Virtual seconds per real second (one of [`SPEEDS`]).
    SetSpeed(u32),
    /// The clock to the next instant, strictly later, at which any tier has an event.
    NextEvent,
    /// The clock to the last instant, strictly earlier, at which any tier has an event.
    PreviousEvent,
    /// The clock to the earliest start, paused.
    Reset,
    /// The clock to an instant (clamped to the simulation).
    Seek(Time),
    /// The clock dragged along the timeline to an instant (clamped): said once the drag ends,
    /// not at every step, which would flood a screen reader.
    Drag(Time),
    /// The end of a drag: announces where the clock went from where the drag began.
    DragEnd,
    /// The language was switched: said in it, so no earlier message is read out again.
    LanguageChosen,
    /// The clock to a typed local time ("Go to time"): as [`Action::Seek`], and a time outside
    /// the simulation is said to be so, as typed (even in a year the app does not model).
    GoTo(NaiveDateTime),
    /// Back to the document before the last edit or act.
    Undo,
    /// Forward again after an undo.
    Redo,
    /// A file's text, to open as the scenario when it is valid.
    Import {
        /// The file's name, for messages.
        file_name: String,
        /// Its contents.
        text: String,
    },
    /// The payload of a `#scenario=` link, to open when it is valid.
    OpenLink(String),
    /// Show an error in the banner (the scenario stays as it is).
    ReportError(LocalText),
    /// Hide the error banner.
    DismissError,
    /// Show a short notice.
    Notify(Notice),
    /// The what-if panel (compare, dismiss, adopt).
    WhatIf(WhatIfAction),
    /// Workshop mode (exercises: trainee and trainer).
    Workshop(WorkshopAction),
}

/// The whole state of the app.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The document as edited (it may break rules of the format).
    pub doc: Rc<ScenarioDoc>,
    /// Every problem of `doc`; empty when it is valid.
    pub errors: Rc<Vec<FieldError>>,
    /// The last valid simulation (kept while `doc` is invalid); none before any was valid.
    pub sim: Option<SimRef>,
    /// The virtual clock, within the simulation's start and until.
    pub now: Time,
    /// Whether the clock runs.
    pub playing: bool,
    /// Virtual seconds per real second.
    pub speed: u32,
    /// The screen shown.
    pub view: View,
    /// Whether a scenario was opened (the first visit has only the blank one, unopened).
    pub has_work: bool,
    /// What the last act did.
    pub act_report: Option<ActReport>,
    /// A short notice (link copied, file exported, ...).
    pub notice: Option<Notice>,
    /// An error for the banner (bad link, bad file, ...).
    pub error: Option<LocalText>,
    /// The latest announcement for the `aria-live` region.
    pub announcement: LocalText,
    /// The what-if panel's comparison.
    pub what_if: WhatIfState,
    /// Workshop mode: the trainee's session and the trainer's draft.
    pub workshop: WorkshopState,
    /// Earlier documents, the latest last (shared: a tick copies a pointer, not the history).
    undo: Rc<Vec<Rc<ScenarioDoc>>>,
    /// Documents undone, the latest undone last.
    redo: Rc<Vec<Rc<ScenarioDoc>>>,
    /// Virtual milliseconds played but not yet a whole second.
    pending_ms: i64,
    /// Where the clock was when the current drag along the timeline began.
    drag_from: Option<Time>,
    /// Whether the last action was an edit, which more typing in its field may join.
    typing: bool,
    /// While playing: the clock's time since which the state changes passed are not said yet.
    unsaid_from: Option<Time>,
    /// While playing: real milliseconds since state changes were last said.
    said_ms_ago: f64,
}

impl Default for AppState {
    fn default() -> Self {
        Self::first_visit()
    }
}

impl AppState {
    /// The first visit: the gallery, with the blank scenario behind it.
    pub fn first_visit() -> Self {
        let mut state = AppState {
            doc: Rc::new(scenarios::blank_doc()),
            errors: Rc::default(),
            sim: None,
            now: Time::default(),
            playing: false,
            speed: DEFAULT_SPEED,
            view: View::Gallery,
            has_work: false,
            act_report: None,
            notice: None,
            error: None,
            announcement: LocalText::default(),
            what_if: WhatIfState::default(),
            workshop: WorkshopState::default(),
            undo: Rc::default(),
            redo: Rc::default(),
            pending_ms: 0,
            drag_from: None,
            typing: false,
            unsaid_from: None,
            said_ms_ago: PLAY_SAY_EVERY_MS,
        };
        state.revalidate(false);
        state.now = state.start_time().unwrap_or_default();
        state
    }

    /// The state at start-up, from the autosave record (if any) and a `#scenario=` payload (if
    /// any): the link wins; a bad link or a corrupt autosave is reported, never fatal.
    pub fn start(saved: Option<&str>, link_payload: Option<&str>) -> Self {
        let mut state = Self::first_visit();
        // The saved work's last valid document, while the saved one has errors.
        let mut saved_valid = None;
        if let Some(text) = saved {
            match autosave::decode(text) {
                Ok(saved) => {
                    saved_valid = saved.valid.clone();
                    state.doc = Rc::new(saved.doc);
                    state.revalidate(false);
                    // An edit with errors: the last valid simulation stays on screen, as before
                    // the reload.
                    if let (None, Some(valid)) = (&state.sim, &saved.valid) {
                        state.sim = state.simulated(valid).ok();
                    }
                    state.now = state.clamp(saved.now);
                    state.view = View::Lab;
                    state.has_work = true;
                    state.workshop.draft = Rc::new(saved.draft);
                    if let Some(trainee) = &saved.trainee {
                        state = workshop_state::resume(&state, trainee);
                    }
                }
                Err(reason) => {
                    state.notice = Some(
                        LocalText::new(|l| {
                            trf(
                                l,
                                "The autosaved work could not be restored and was ignored: {0}.",
                                &[&errors::message(l, &reason)],
                            )
                        })
                        .into(),
                    );
                }
            }
        }
        let Some(payload) = link_payload else {
            return state;
        };
        let decoded = share::decode(payload);
        // The link is the work saved already (a reload before any edit, which is when the
        // address forgets the link), or its last valid version, which "Copy link" shares while
        // an edit has errors: keep the saved work and clock instead of opening it afresh.
        let saved_already = decoded
            .as_ref()
            .is_ok_and(|doc| *doc == *state.doc || Some(doc) == saved_valid.as_ref());
        if !(state.has_work && saved_already) {
            // No exercise is open at start-up, so nothing intercepts the link.
            state.open_link(decoded);
        }
        state
    }

    /// Whether Undo has something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether Redo has something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The earliest resource start of the simulation shown.
    pub fn start_time(&self) -> Option<Time> {
        self.sim.as_ref().map(|sim| sim.scenario.start())
    }

    /// The last instant of the simulation shown.
    pub fn until(&self) -> Option<Time> {
        self.sim.as_ref().map(|sim| sim.scenario.until)
    }

    /// The state after `action`.
    pub fn apply(&self, action: Action) -> AppState {
        let tick = matches!(action, Action::Tick { .. });
        let typed = matches!(action, Action::Type { .. });
        let dragged = matches!(action, Action::Drag(_));
        let other_scenario = matches!(
            action,
            Action::Load(_)
                | Action::Undo
                | Action::Redo
                | Action::Import { .. }
                | Action::OpenLink(_)
        );
        let mut next = match workshop_state::intercept(self, &action) {
            Some(next) => next,
            None => self.reduced(action),
        };
        // Settled here, whichever way `next` was made (an act or an adopted what-if starts from a
        // copy of `self`): only the clock's ticks may come between the keystrokes of one undo
        // step, or between the steps of one drag.
        next.typing = if tick { self.typing } else { typed };
        if !(tick || dragged) {
            next.drag_from = None;
        }
        // A notice that this action left in place goes once it is no longer true of the page.
        if let (Some(notice), Some(before)) = (&next.notice, &self.notice) {
            let untrue = match notice.lasts {
                Lasts::UntilReplaced => false,
                Lasts::UntilClockMoves => next.now != self.now,
                Lasts::UntilEdit => !Rc::ptr_eq(&next.doc, &self.doc),
                Lasts::UntilOtherScenario => other_scenario,
            };
            if untrue && notice.text.is(&before.text) {
                next.notice = None;
            }
        }
        // Changes passed while playing are said by the ticks or on a pause; a clock moved by the
        // user says its own, and the first change after it is said at once.
        if !tick && (next.now != self.now || !(self.playing && next.playing)) {
            next.unsaid_from = None;
            next.said_ms_ago = PLAY_SAY_EVERY_MS;
        }
        next
    }

    /// "Go to time": the clock to `asked_at`, or to the run's start or end when it lies outside
    /// the run, said in a notice.
    fn go_to(&mut self, asked_at: NaiveDateTime) {
        let at = Time::from_naive(asked_at);
        let outside = self
            .start_time()
            .zip(self.until())
            .filter(|(start, until)| at < *start || at > *until);
        let Some((start, _)) = outside else {
            self.move_clock(at, true);
            return;
        };
        // Outside the run, the notice says where the clock went; the announcer says it
        // too, followed only by what the move changed (no second "Clock at …").
        self.announcement = LocalText::default();
        self.move_clock(at, false);
        let now = self.now;
        let notice = LocalText::new(|l| {
            let (asked, went) = (format::naive_second(l, asked_at), say::when(l, now));
            let args: [&str; 2] = [&asked, &went];
            if at < start {
                trf(
                    l,
                    "Go to time: {0} is before the scenario starts; the clock is at its start, {1}.",
                    &args,
                )
            } else {
                trf(
                    l,
                    "Go to time: {0} is after the scenario ends; the clock is at its end, {1}.",
                    &args,
                )
            }
        });
        let moved = std::mem::take(&mut self.announcement);
        self.announcement = LocalText::new(|l| {
            format!("{}{}{}", notice.get(l), sentence_gap(l), moved.get(l))
                .trim_end()
                .to_string()
        });
        self.notice = Some(Notice {
            text: notice,
            lasts: Lasts::UntilClockMoves,
        });
    }

    /// The document before the last change, the current one kept for Redo.
    fn undo(&mut self) {
        if let Some(doc) = Rc::make_mut(&mut self.undo).pop() {
            let current = std::mem::replace(&mut self.doc, doc);
            Rc::make_mut(&mut self.redo).push(current);
            self.after_history_move();
            self.announcement = LocalText::new(|l| {
                tr(
                    l,
                    "Undone: the scenario is as it was before the last change.",
                )
                .into()
            });
        }
    }

    /// The change Undo took back.
    fn redo(&mut self) {
        if let Some(doc) = Rc::make_mut(&mut self.redo).pop() {
            let current = std::mem::replace(&mut self.doc, doc);
            Rc::make_mut(&mut self.undo).push(current);
            self.after_history_move();
            self.announcement = LocalText::new(|l| tr(l, "Redone: the change is back.").into());
        }
    }

    /// Imports the file `file_name`: an exercise, or a scenario; a trace or a file with problems
    /// is refused, the current work unchanged.
    fn import(&mut self, file_name: String, text: &str) {
        let (kind, root) = FileKind::of(text);
        match kind {
            FileKind::Exercise => match Exercise::from_json(text, MAX_EVENTS) {
                Ok(exercise) => {
                    *self = workshop_state::reduce(self, WorkshopAction::Start(Rc::new(exercise)))
                }
                Err(problems) => self.error = Some(import_error(file_name, problems)),
            },
            FileKind::Trace => {
                self.error = Some(LocalText::new(|l| {
                    trf(
                        l,
                        "Could not import {0}: it is a trace, the output of renewal-cli, not a \
                         scenario. Import the scenario it was made from. The current scenario \
                         is unchanged.",
                        &[&file_name],
                    )
                }))
            }
            FileKind::Scenario => {
                // (Read from the JSON already parsed: a large file is not parsed twice.)
                let read = match &root {
                    Some(root) => {
                        ScenarioDoc::from_node(crate::engine::doc::without_bom(text), root)
                    }
                    None => ScenarioDoc::from_json(text),
                };
                let opened = read
                    .map_err(|error| vec![error])
                    .and_then(|doc| self.load(doc));
                match opened {
                    Ok(draft_kept) => {
                        let imported = LocalText::new(|l| trf(l, "Imported {0}.", &[&file_name]));
                        self.notice = Some(Notice {
                            text: self.with_draft_note(imported, draft_kept),
                            lasts: Lasts::UntilOtherScenario,
                        });
                    }
                    Err(problems) => self.error = Some(import_error(file_name, problems)),
                }
            }
        }
    }

    /// [`Self::apply`] without the workshop's say and the bookkeeping of runs.
    fn reduced(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::ShowGallery => {
                next.view = View::Gallery;
                next.playing = false;
            }
            Action::ShowLab => {
                if next.has_work {
                    next.view = View::Lab;
                }
            }
            Action::Load(doc) => match next.load(doc) {
                Ok(true) => {
                    next.notice = Some(next.with_draft_note(LocalText::same(""), true).into())
                }
                Ok(false) => {}
                Err(problems) => {
                    next.error = Some(LocalText::new(|l| {
                        trf(
                            l,
                            "Could not open the scenario: {0}. The current scenario is unchanged.",
                            &[&errors::problems(l, &problems)],
                        )
                    }));
                }
            },
            Action::ChooseTier(tier) => {
                let mut doc = (*next.doc).clone();
                doc.tier = tier;
                next = next.apply(Action::Edit(doc));
            }
            Action::Edit(doc) => {
                if doc != *next.doc {
                    let before = next.sim.clone();
                    next.remember_for_undo();
                    next.replace_doc(doc);
                    next.announce_edit(before.as_deref());
                }
            }
            Action::Type { doc, types_on } => {
                // Not announced: a value half typed would be read out at every key.
                if doc != *next.doc {
                    if !(types_on && self.typing) {
                        next.remember_for_undo();
                    }
                    next.replace_doc(doc);
                }
            }
            Action::Act(act) => match self.acted(&act) {
                Ok(acted) => next = acted,
                Err(text) => {
                    // Said as well as shown: the focus stays on the act's button. Said again when
                    // pressed again (a live region reads a change only): an invisible mark
                    // alternates at its end.
                    next.announcement = if next.announcement == text {
                        LocalText::new(|l| format!("{}\u{200b}", text.get(l)))
                    } else {
                        text.clone()
                    };
                    next.act_report = Some(ActReport::invalid(text));
                }
            },
            Action::Tick { real_ms } => next.tick(real_ms),
            Action::TogglePlay => {
                if next.playing {
                    next.playing = false;
                    let now = next.now;
                    let unsaid = next.unsaid_changes();
                    next.announcement = LocalText::new(|l| {
                        let paused = trf(l, "Paused at {0}.", &[&say::when(l, now)]);
                        match &unsaid {
                            Some(changes) => trf(l, "{0}. {1}", &[changes.get(l), &paused]),
                            None => paused,
                        }
                    });
                } else if let (Some(start), Some(until)) = (next.start_time(), next.until()) {
                    if next.now >= until {
                        next.move_clock(start, true);
                    }
                    next.playing = true;
                }
                next.pending_ms = 0;
            }
            Action::Pause => {
                if let Some(changes) = next.unsaid_changes() {
                    next.announcement = changes;
                }
                next.playing = false;
            }
            Action::SetSpeed(speed) => {
                if SPEEDS.iter().any(|(s, _)| *s == speed) {
                    next.speed = speed;
                }
            }
            Action::NextEvent => match next.next_event() {
                Some(at) => next.move_clock(at, true),
                None => next.announcement = LocalText::new(|l| tr(l, "No later event.").into()),
            },
            Action::PreviousEvent => match next.previous_event() {
                Some(at) => next.move_clock(at, true),
                None => next.announcement = LocalText::new(|l| tr(l, "No earlier event.").into()),
            },
            Action::Reset => {
                next.playing = false;
                if let Some(start) = next.start_time() {
                    next.move_clock(start, true);
                }
            }
            Action::Seek(at) => next.move_clock(at, true),
            Action::Drag(at) => {
                next.drag_from.get_or_insert(next.now);
                next.set_clock(at);
            }
            Action::DragEnd => {
                if let Some(from) = next.drag_from.take() {
                    let to = next.now;
                    next.now = from;
                    next.move_clock(to, true);
                }
            }
            Action::LanguageChosen => {
                next.announcement = LocalText::new(|l| tr(l, "The page is now in English.").into());
            }
            Action::GoTo(asked_at) => next.go_to(asked_at),
            Action::Undo => next.undo(),
            Action::Redo => next.redo(),
            Action::Import { file_name, text } => next.import(file_name, &text),
            Action::OpenLink(payload) => next.open_link(share::decode(&payload)),
            Action::ReportError(text) => next.error = Some(text),
            Action::DismissError => next.error = None,
            Action::Notify(text) => next.notice = Some(text),
            Action::WhatIf(action) => {
                let valid = self.errors.is_empty();
                let effect =
                    next.what_if
                        .apply(action, &self.doc, self.sim.as_ref(), valid, self.now);
                if let Some(doc) = effect.adopt {
                    next = next.apply(Action::Edit(doc));
                }
                if let Some(text) = effect.announce {
                    next.announcement = text;
                }
            }
            Action::Workshop(action) => next = workshop_state::reduce(self, action),
        }
        next
    }

    /// Opens the scenario of a decoded `#scenario=` link, or says why it cannot (the current work
    /// unchanged).
    fn open_link(&mut self, decoded: Result<ScenarioDoc, share::ShareError>) {
        match decoded.and_then(|doc| self.load(doc).map_err(share::ShareError::Invalid)) {
            Ok(draft_kept) => {
                let opened = LocalText::new(|l| tr(l, "Opened the scenario from the link.").into());
                self.notice = Some(Notice {
                    text: self.with_draft_note(opened, draft_kept),
                    lasts: Lasts::UntilOtherScenario,
                });
            }
            Err(reason) => {
                self.error = Some(LocalText::new(|l| {
                    trf(
                        l,
                        "Could not open the link: {0}. The current scenario is unchanged.",
                        &[&errors::share_error(l, &reason)],
                    )
                }));
            }
        }
    }

    /// `notice`, followed when `draft_kept` by a word on the trainer's draft exercise, whose pause
    /// points stay when another scenario opens (they are the trainer's work), but were written for
    /// the one before.
    fn with_draft_note(&self, notice: LocalText, draft_kept: bool) -> LocalText {
        if !draft_kept {
            return notice;
        }
        let count = self.workshop.draft.pauses.len().to_string();
        LocalText::new(|l| {
            let note = trf(
                l,
                "Your exercise draft keeps its pause points ({0}), added on the scenario open \
                 before: check them, or remove them, before you copy the exercise link.",
                &[&count],
            );
            match notice.get(l) {
                "" => note,
                text => format!("{text} {note}"),
            }
        })
    }

    /// Opens `doc` in the lab with the clock paused at its earliest start; `Ok(true)` when it
    /// replaced another scenario while the trainer's draft exercise has pause points. Refused,
    /// with nothing changed, when `doc` is invalid or makes too many events to simulate.
    fn load(&mut self, doc: ScenarioDoc) -> Result<bool, Vec<FieldError>> {
        let mut draft_kept = false;
        if doc != *self.doc || !self.has_work {
            draft_kept = self.has_work && !self.workshop.draft.pauses.is_empty();
            let sim = self.simulated(&doc)?;
            if self.has_work {
                self.remember_for_undo();
            }
            self.doc = Rc::new(doc);
            self.errors = Rc::default();
            self.sim = Some(sim);
        }
        self.view = View::Lab;
        self.has_work = true;
        self.playing = false;
        self.pending_ms = 0;
        self.act_report = None;
        self.error = None;
        self.now = self.start_time().unwrap_or(self.now);
        let name = self.doc.name.clone().unwrap_or_default();
        let now = self.now;
        // A gallery title (or "Blank scenario") reads in the language; other names as written.
        self.announcement = LocalText::new(|l| {
            trf(
                l,
                "Opened {0}. Clock at {1}.",
                &[tr(l, &name), &say::when(l, now)],
            )
        });
        Ok(draft_kept)
    }

    /// Pushes the current document for Undo (forgetting the oldest beyond the limit) and clears
    /// Redo, as any new change does.
    fn remember_for_undo(&mut self) {
        let undo = Rc::make_mut(&mut self.undo);
        undo.push(Rc::clone(&self.doc));
        if undo.len() > UNDO_LIMIT {
            undo.remove(0);
        }
        Rc::make_mut(&mut self.redo).clear();
    }

    fn after_history_move(&mut self) {
        self.revalidate(true);
        self.now = self.clamp(self.now);
        self.act_report = None;
    }

    /// The simulation of `doc`: the current one when `doc` is the same scenario, else a new
    /// one. Errors: the document's problems, or too many events ([`crate::ui::sim::MAX_EVENTS`]).
    /// A change of names only (the scenario's title, the custom policy's) keeps the traces: a
    /// title typed key by key does not re-simulate every tier at each key.
    fn simulated(&self, doc: &ScenarioDoc) -> Result<SimRef, Vec<FieldError>> {
        let scenario = Scenario::from_doc(doc)?;
        let Some(current) = &self.sim else {
            return Sim::new(scenario)
                .map(|sim| SimRef(Rc::new(sim)))
                .map_err(|error| vec![error]);
        };
        if current.scenario == scenario {
            return Ok(current.clone());
        }
        let mut renamed = scenario.clone();
        renamed.name.clone_from(&current.scenario.name);
        renamed
            .policy
            .name
            .clone_from(&current.scenario.policy.name);
        if renamed == current.scenario {
            return Ok(SimRef(Rc::new(Sim {
                scenario,
                traces: Rc::clone(&current.traces),
            })));
        }
        Sim::new(scenario)
            .map(|sim| SimRef(Rc::new(sim)))
            .map_err(|error| vec![error])
    }

    /// Validates `doc` and re-simulates it; on errors (a scenario with too many events among
    /// them) the last simulation stays if `keep_sim`.
    fn revalidate(&mut self, keep_sim: bool) {
        match self.simulated(&self.doc) {
            Ok(sim) => {
                self.errors = Rc::default();
                self.sim = Some(sim);
            }
            Err(errors) => {
                self.errors = Rc::new(errors);
                if !keep_sim {
                    self.sim = None;
                }
            }
        }
    }

    /// `t` within the simulation's start and until (unchanged when there is no simulation).
    fn clamp(&self, t: Time) -> Time {
        match (self.start_time(), self.until()) {
            (Some(start), Some(until)) => t.clamp(start, until.max(start)),
            _ => t,
        }
    }

    /// The earliest instant strictly after `now` at which any tier has an event.
    fn next_event(&self) -> Option<Time> {
        let sim = self.sim.as_ref()?;
        sim.traces
            .iter()
            .filter_map(|trace| trace.next_event_after(self.now))
            .min()
    }

    /// The latest instant strictly before `now` at which any tier has an event.
    fn previous_event(&self) -> Option<Time> {
        let sim = self.sim.as_ref()?;
        sim.traces
            .iter()
            .filter_map(|trace| trace.previous_event_before(self.now))
            .max()
    }

    /// The edited document in place of the current one (re-simulated; the clock kept within it).
    fn replace_doc(&mut self, doc: ScenarioDoc) {
        self.doc = Rc::new(doc);
        self.revalidate(true);
        self.now = self.clamp(self.now);
        self.act_report = None;
    }

    /// After an edit: says the states at the clock when the edit changed them (another tier, a
    /// later expiry…), as the timeline and the panels change without a word.
    fn announce_edit(&mut self, before: Option<&Sim>) {
        let (Some(before), Some(after)) = (before, self.sim.as_deref()) else {
            return;
        };
        let now = self.now;
        if states_at(Lang::En, before, now) != states_at(Lang::En, after, now) {
            let said = LocalText::new(|l| {
                trf(
                    l,
                    "After the edit, at {0}: {1}.",
                    &[&say::when(l, now), &states_at(l, after, now)],
                )
            });
            self.announcement = said;
        }
    }

    /// Moves the clock (clamped) without a word.
    fn set_clock(&mut self, to: Time) {
        self.now = self.clamp(to);
        self.pending_ms = 0;
    }

    /// Moves the clock (clamped) and announces what changed; `step` for moves by the user.
    fn move_clock(&mut self, to: Time, step: bool) {
        let from = self.now;
        self.set_clock(to);
        let to = self.now;
        let Some(sim) = self.sim.as_ref() else {
            return;
        };
        if to < from {
            self.announcement = LocalText::new(|l| {
                trf(
                    l,
                    "Clock back at {0}: {1}.",
                    &[&say::when(l, to), &states_at(l, sim, to)],
                )
            });
        } else if has_state_changes(sim, from, to) {
            self.announcement = LocalText::new(|l| state_changes(l, sim, from, to));
        } else if step && only_events_at(sim, from, to) {
            // One step onto the customer's tier's events (a payment, a reminder): say what they are.
            self.announcement = LocalText::new(|l| {
                trf(
                    l,
                    "Clock at {0}: {1}",
                    &[&say::when(l, to), &events_in_words(l, sim, to)],
                )
            });
        } else if step {
            // Stopped by other tiers' events only: say whose, so the stop is not a mystery.
            let own = own_trace(sim);
            let others: Vec<&str> = match own {
                Some(own) if own.events_at(to).is_empty() => sim
                    .traces
                    .iter()
                    .filter(|trace| !trace.events_at(to).is_empty())
                    .map(|trace| trace.tier.as_str())
                    .collect(),
                _ => Vec::new(),
            };
            let own = own.map_or("", |trace| trace.tier.as_str());
            self.announcement = LocalText::new(|l| match others.as_slice() {
                [] => trf(l, "Clock at {0}.", &[&say::when(l, to)]),
                tiers => trf(
                    l,
                    "Clock at {0}: events in tier {1}, none in tier {2}.",
                    &[&say::when(l, to), &tiers.join(tr(l, ", ")), own],
                ),
            });
        }
    }

    fn tick(&mut self, real_ms: f64) {
        let Some(until) = self.until().filter(|_| self.playing) else {
            self.playing = false;
            return;
        };
        let real_ms = if real_ms.is_finite() {
            real_ms.clamp(0.0, MAX_TICK_MS)
        } else {
            0.0
        };
        // At most 250 ms × 2 592 000: far inside i64.
        let virtual_ms = self.pending_ms + (real_ms * f64::from(self.speed)).round() as i64;
        let target = self.now.plus_secs(virtual_ms.div_euclid(1000));
        let pending = virtual_ms.rem_euclid(1000);
        // The changes passed are said with those before them, at most every PLAY_SAY_EVERY_MS
        // (not at each frame, so nothing is put in words here until then).
        self.unsaid_from.get_or_insert(self.now);
        self.set_clock(target);
        self.said_ms_ago += real_ms;
        let ended = self.now >= until;
        let changes = if self.said_ms_ago >= PLAY_SAY_EVERY_MS || ended {
            self.unsaid_changes()
        } else {
            None
        };
        if let Some(changes) = &changes {
            self.announcement = changes.clone();
            self.unsaid_from = Some(self.now);
            self.said_ms_ago = 0.0;
        }
        if ended {
            self.playing = false;
            self.announcement = LocalText::new(|l| {
                let end = trf(
                    l,
                    "Reached the end of the simulation at {0}.",
                    &[&say::when(l, until)],
                );
                match &changes {
                    Some(changes) => trf(l, "{0}. {1}", &[changes.get(l), &end]),
                    None => end,
                }
            });
        } else {
            self.pending_ms = pending;
        }
    }

    /// The state changes passed while playing and not said yet, in words; none when there are none.
    fn unsaid_changes(&self) -> Option<LocalText> {
        let (sim, from) = (self.sim.clone()?, self.unsaid_from?);
        let to = self.now;
        has_state_changes(&sim, from, to)
            .then(|| LocalText::new(|l| state_changes(l, &sim, from, to)))
    }

    /// The state after acting, or why nothing was recorded.
    fn acted(&self, act: &Act) -> Result<AppState, LocalText> {
        let Some(sim) = self.sim.as_ref() else {
            return Err(LocalText::new(|l| {
                tr(l, "There is no valid scenario to act on yet.").into()
            }));
        };
        if let Some(first) = self.errors.first() {
            return Err(LocalText::new(|l| {
                trf(
                    l,
                    "Fix the scenario first, then act: {0}.",
                    &[&errors::field_error(l, first)],
                )
            }));
        }
        let action = act.to_action_doc(self.now)?;
        // A resource not bought yet at the clock: said with what to do about it (the engine's
        // reason, "comes before … starts", is written for a file's action, in the file's notation).
        let not_bought = action.resource.as_deref().and_then(|id| {
            let resource = sim.scenario.resources.iter().find(|r| r.id == id)?;
            (self.now < resource.start).then(|| (resource.id.clone(), resource.start))
        });
        if let Some((id, start)) = not_bought {
            return Err(LocalText::new(|l| {
                trf(
                    l,
                    "This act cannot be recorded: {0} is bought at {1}, after the clock. Move the \
                     clock there or later to act on it.",
                    &[&id, &say::when(l, start)],
                )
            }));
        }
        let mut doc = (*self.doc).clone();
        doc.actions.push(action);
        // The act's own problems are said without the path of an action that was never added.
        let own = format!("actions[{}]", doc.actions.len() - 1);
        let acted_sim = self.simulated(&doc).map_err(|mut problems| {
            for problem in &mut problems {
                if problem.path.starts_with(&own) {
                    problem.path.clear();
                }
            }
            LocalText::new(move |l| {
                trf(
                    l,
                    "This act cannot be recorded: {0}.",
                    &[&errors::problems(l, &problems)],
                )
            })
        })?;
        let report = act_report(sim, &acted_sim, self.now);
        let mut next = self.clone();
        next.remember_for_undo();
        next.doc = Rc::new(doc);
        next.errors = Rc::default();
        next.sim = Some(acted_sim);
        next.announcement = report.text.clone();
        next.act_report = Some(report);
        Ok(next)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::doc::{ActionVerb, AmountDoc};
    use crate::engine::State;

    fn t(text: &str) -> Time {
        Time::parse_local(text).expect("a local time")
    }

    fn opened(slug: &str) -> AppState {
        let entry = scenarios::entry(slug).expect("a gallery slug");
        AppState::first_visit().apply(Action::Load(entry.doc().expect("parses")))
    }

    fn clock(state: &AppState) -> String {
        state.now.local_string()
    }

    fn own_state(state: &AppState, resource: usize) -> Option<State> {
        let sim = state.sim.as_ref()?;
        own_trace(sim)?
            .status_at(resource, state.now)
            .map(|s| s.state)
    }

    #[test]
    fn the_first_visit_opens_on_the_gallery() {
        let state = AppState::first_visit();
        assert_eq!(state.view, View::Gallery);
        assert!(!state.has_work);
        assert!(!state.can_undo());
        assert!(state.errors.is_empty());
        // Nothing to go back to yet.
        assert_eq!(state.apply(Action::ShowLab).view, View::Gallery);
    }

    #[test]
    fn loading_opens_the_lab_paused_at_the_earliest_start() {
        let state = opened("two-packages-one-balance");
        assert_eq!(state.view, View::Lab);
        assert!(!state.playing);
        assert_eq!(clock(&state), "2026-03-08T10:00:00");
        assert!(state.sim.is_some());
        // Loading over the blank first visit leaves nothing to undo.
        assert!(!state.can_undo());
    }

    #[test]
    fn next_and_previous_event_step_over_every_tier() {
        // two-packages-one-balance (V0): bought 03-08 10:00, attempts from 04-01 03:00.
        let state = opened("two-packages-one-balance");
        let state = state.apply(Action::NextEvent);
        assert_eq!(clock(&state), "2026-04-01T03:00:00");
        let state = state.apply(Action::NextEvent);
        assert_eq!(clock(&state), "2026-04-02T03:00:00");
        let state = state.apply(Action::PreviousEvent);
        assert_eq!(clock(&state), "2026-04-01T03:00:00");
        let state = state.apply(Action::PreviousEvent);
        assert_eq!(clock(&state), "2026-03-08T10:00:00");
        let state = state.apply(Action::PreviousEvent);
        assert_eq!(clock(&state), "2026-03-08T10:00:00");
        assert_eq!(state.announcement.en(), "No earlier event.");
    }

    #[test]
    fn next_event_is_the_earliest_event_of_any_tier() {
        // renewed-in-retention is V1: V0..V2 (1 day of grace) freeze at 04-10 00:00, V3..V5
        // (7 days) only on 04-16.
        let state = opened("renewed-in-retention").apply(Action::Seek(t("2026-04-09T12:00:00")));
        let next = state.apply(Action::NextEvent);
        let sim = next.sim.as_ref().expect("a simulation");
        let expected = sim
            .traces
            .iter()
            .filter_map(|trace| trace.next_event_after(state.now))
            .min()
            .expect("a later event");
        assert_eq!(next.now, expected);
        assert_eq!(clock(&next), "2026-04-10T00:00:00");
        assert!(sim.traces.iter().all(|trace| trace
            .events
            .iter()
            .all(|e| e.at <= state.now || e.at >= next.now)));
    }

    #[test]
    fn a_notice_goes_once_it_is_no_longer_true_of_the_page() {
        let state = opened("auto-renew-low-balance");
        let text = |s: &AppState| s.notice.as_ref().map(|n| n.text.en().to_string());
        let mut edited = (*state.doc).clone();
        edited.name = Some("Edited".into());
        let top_up = Act::TopUp { amount: "5".into() };
        // A "Go to time" outside the run: true until the clock moves.
        let outside = state.apply(Action::GoTo(t("2000-01-01T00:00:00").naive()));
        assert!(text(&outside).is_some_and(|n| n.starts_with("Go to time: 2000-01-01")));
        // A link copied into the address bar: true until the scenario changes.
        let copied = state.apply(Action::Notify(Notice {
            text: LocalText::same("Link copied to the clipboard and in the address bar."),
            lasts: Lasts::UntilEdit,
        }));
        // A file exported: true for good.
        let exported = state.apply(Action::Notify(LocalText::same("Exported a.json.").into()));
        // action, whether each notice stays: (go to time, link copied, exported)
        let cases = [
            (Action::NextEvent, (false, true, true)),
            (Action::Seek(t("2026-04-02T00:00:00")), (false, true, true)),
            (Action::Drag(t("2026-04-02T00:00:00")), (false, true, true)),
            (Action::Tick { real_ms: 16.0 }, (true, true, true)),
            (Action::Edit(edited.clone()), (true, false, true)),
            (
                Action::Type {
                    doc: edited,
                    types_on: false,
                },
                (true, false, true),
            ),
            (Action::Act(top_up), (true, false, true)),
            (Action::ChooseTier("V1".into()), (true, false, true)),
            (Action::Pause, (true, true, true)),
            (Action::SetSpeed(3_600), (true, true, true)),
            (Action::LanguageChosen, (true, true, true)),
            (Action::ShowGallery, (true, true, true)),
        ];
        for (action, (go_to_stays, copied_stays, exported_stays)) in cases {
            let label = format!("{action:?}");
            // (A tick moves the clock only while playing: not here.)
            let from_outside = outside.apply(action.clone());
            assert_eq!(text(&from_outside).is_some(), go_to_stays, "go to, {label}");
            assert_eq!(
                text(&copied.apply(action.clone())).is_some(),
                copied_stays,
                "copied, {label}"
            );
            assert_eq!(
                text(&exported.apply(action)).is_some(),
                exported_stays,
                "exported, {label}"
            );
        }
        // Playing moves the clock: the "Go to time" notice goes with the first tick.
        let playing = outside.apply(Action::TogglePlay);
        assert!(text(&playing.apply(Action::Tick { real_ms: 100.0 })).is_none());
        // A step that makes a notice of its own shows it, even the same words again.
        let again = outside.apply(Action::GoTo(t("2000-01-01T00:00:00").naive()));
        assert_eq!(text(&again), text(&outside));
        let copied_again = copied.apply(Action::Notify(Notice {
            text: LocalText::same("Link copied to the clipboard and in the address bar."),
            lasts: Lasts::UntilEdit,
        }));
        assert!(text(&copied_again).is_some());
    }

    #[test]
    fn the_clock_is_clamped_to_the_simulation() {
        let state = opened("auto-renew-low-balance");
        // seek to, expected clock
        let cases = [
            ("2000-01-01T00:00:00", "2026-03-08T10:00:00"),
            ("2026-04-01T03:00:00", "2026-04-01T03:00:00"),
            ("2099-01-01T00:00:00", "2026-04-20T00:00:00"),
        ];
        for (to, expected) in cases {
            assert_eq!(clock(&state.apply(Action::Seek(t(to)))), expected, "{to}");
            // A typed time outside the run is said to be so.
            let typed = state.apply(Action::GoTo(t(to).naive()));
            assert_eq!(clock(&typed), expected, "{to}");
            let notice = typed
                .notice
                .as_ref()
                .map(|n| n.text.en())
                .unwrap_or_default();
            assert_eq!(
                notice.starts_with("Go to time:"),
                to != expected,
                "{notice}"
            );
        }
        let before = state.apply(Action::GoTo(t("2000-01-01T00:00:00").naive()));
        assert_eq!(
            before.notice.as_ref().map(|n| n.text.en()),
            Some(
                "Go to time: 2000-01-01 00:00:00 is before the scenario starts; the clock is at \
                 its start, 2026-03-08 10:00:00."
            )
        );
        // A year the app does not model is named as typed, in the language's format.
        let typed =
            chrono::NaiveDate::from_ymd_opt(9500, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
        let after = state.apply(Action::GoTo(typed.unwrap()));
        assert_eq!(clock(&after), "2026-04-20T00:00:00");
        let notice = &after.notice.as_ref().unwrap().text;
        assert_eq!(
            notice.en(),
            "Go to time: 9500-01-01 00:00:00 is after the scenario ends; the clock is at its \
             end, 2026-04-20 00:00:00."
        );
        assert!(notice.get(Lang::PtBr).contains("01/01/9500 00:00:00"));
        // The announcer says it too (no second "Clock at …"), then what the move changed.
        assert_eq!(after.announcement.en(), notice.en());
        assert_eq!(
            before.announcement.en(),
            before.notice.as_ref().unwrap().text.en()
        );
        let lapsed = opened("auto-renew-twice").apply(Action::GoTo(typed.unwrap()));
        assert_eq!(
            lapsed.announcement.en(),
            "Go to time: 9500-01-01 00:00:00 is after the scenario ends; the clock is at its \
             end, 2026-05-01 00:00:00. V3 ocr: available → expired at 2026-04-16 00:00:00; V3 ocr: \
             expired → frozen at 2026-04-23 00:00:00; V3 ocr: frozen → released at 2026-04-30 \
             00:00:00"
        );
    }

    #[test]
    fn reset_pauses_at_the_earliest_start() {
        let state = opened("auto-renew-low-balance")
            .apply(Action::NextEvent)
            .apply(Action::TogglePlay);
        assert!(state.playing);
        let state = state.apply(Action::Reset);
        assert!(!state.playing);
        assert_eq!(clock(&state), "2026-03-08T10:00:00");
    }

    #[test]
    fn ticks_advance_by_speed_and_stop_at_until() {
        let state = opened("auto-renew-low-balance")
            .apply(Action::SetSpeed(3_600))
            .apply(Action::TogglePlay);
        // 100 ms at one hour per second is six minutes.
        let state = state.apply(Action::Tick { real_ms: 100.0 });
        assert_eq!(clock(&state), "2026-03-08T10:06:00");
        // Fractions of a second carry over: 60 virtual s/s for 10 ms is 0.6 s, twice is 1.2 s.
        let slow = state.apply(Action::SetSpeed(60));
        let slow = slow
            .apply(Action::Tick { real_ms: 10.0 })
            .apply(Action::Tick { real_ms: 10.0 });
        assert_eq!(clock(&slow), "2026-03-08T10:06:01");
        // A long pause in real time counts as at most 250 ms.
        let fast = state.apply(Action::SetSpeed(2_592_000));
        let fast = fast.apply(Action::Tick { real_ms: 60_000.0 });
        assert_eq!(fast.now, state.now.plus_secs(648_000));
        // Playing to the end pauses at until.
        let mut end = fast;
        for _ in 0..20 {
            end = end.apply(Action::Tick { real_ms: 250.0 });
        }
        assert_eq!(clock(&end), "2026-04-20T00:00:00");
        assert!(!end.playing);
        // Play at the end starts again from the beginning.
        let again = end.apply(Action::TogglePlay);
        assert!(again.playing);
        assert_eq!(clock(&again), "2026-03-08T10:00:00");
    }

    #[test]
    fn ticks_while_paused_change_nothing() {
        let state = opened("auto-renew-low-balance");
        let ticked = state.apply(Action::Tick { real_ms: 100.0 });
        assert_eq!(ticked.now, state.now);
        assert!(!ticked.playing);
    }

    #[test]
    fn only_listed_speeds_are_taken() {
        let state = opened("auto-renew-low-balance");
        assert_eq!(state.apply(Action::SetSpeed(604_800)).speed, 604_800);
        assert_eq!(state.apply(Action::SetSpeed(7)).speed, DEFAULT_SPEED);
    }

    #[test]
    fn playing_announces_the_state_changes_passed() {
        let state = opened("auto-renew-twice")
            .apply(Action::Seek(t("2026-04-15T23:00:00")))
            .apply(Action::SetSpeed(86_400))
            .apply(Action::TogglePlay)
            .apply(Action::Tick { real_ms: 100.0 });
        assert_eq!(
            state.announcement.en(),
            "V3 ocr: available → expired at 2026-04-16 00:00:00"
        );
    }

    #[test]
    fn a_tier_card_makes_its_tier_the_scenarios_as_an_edit_undone_like_one() {
        let state = opened("auto-renew-low-balance");
        assert_eq!(state.doc.tier, "V3");
        let chosen = state.apply(Action::ChooseTier("V1".to_string()));
        assert_eq!(chosen.doc.tier, "V1");
        assert_eq!(
            chosen.sim.as_ref().map(|sim| sim.scenario.tier.as_str()),
            Some("V1")
        );
        assert_eq!(chosen.apply(Action::Undo).doc.tier, "V3");
    }

    #[test]
    fn playing_says_changes_at_most_every_two_seconds_and_the_rest_on_pause_or_at_the_end() {
        // auto-renew-twice, V3: expired 04-16, frozen 04-23, released 04-30; until 05-01.
        let playing = opened("auto-renew-twice")
            .apply(Action::Seek(t("2026-04-15T23:00:00")))
            .apply(Action::SetSpeed(604_800))
            .apply(Action::TogglePlay);
        let expired = "V3 ocr: available → expired at 2026-04-16 00:00:00";
        let frozen = "V3 ocr: expired → frozen at 2026-04-23 00:00:00";
        // The first change is said at once.
        let first = playing.apply(Action::Tick { real_ms: 100.0 });
        assert_eq!(first.announcement.en(), expired);
        // One second later (a week of virtual time) the next is held back...
        let mut later = first.clone();
        for _ in 0..5 {
            later = later.apply(Action::Tick { real_ms: 200.0 });
        }
        assert_eq!(clock(&later), "2026-04-23T15:48:00");
        assert_eq!(later.announcement.en(), expired);
        // ...and said on a pause, before the pause.
        let paused = later.apply(Action::TogglePlay);
        assert_eq!(
            paused.announcement.en(),
            format!("{frozen}. Paused at 2026-04-23 15:48:00.")
        );
        assert_eq!(
            paused.announcement.get(Lang::ZhCn),
            "V3 ocr：已过期 → 已冻结，时间 2026/04/23 00:00:00。已暂停于 2026/04/23 15:48:00。"
        );
        // Or two seconds after the last one was said, while playing (a setting changed on the
        // way, without moving the clock, keeps what is still to be said).
        let mut held = later.apply(Action::SetSpeed(86_400));
        assert_eq!(held.speed, 86_400);
        for _ in 0..4 {
            held = held.apply(Action::Tick { real_ms: 200.0 });
        }
        assert_eq!(held.announcement.en(), expired);
        held = held.apply(Action::Tick { real_ms: 200.0 });
        assert_eq!(held.announcement.en(), frozen);
        // At the end, the changes not said yet come before the end.
        let end = first
            .apply(Action::SetSpeed(2_592_000))
            .apply(Action::Tick { real_ms: 250.0 })
            .apply(Action::Tick { real_ms: 250.0 });
        assert!(!end.playing);
        assert_eq!(
            end.announcement.en(),
            format!(
                "{frozen}; V3 ocr: frozen → released at 2026-04-30 00:00:00. Reached the end of \
                 the simulation at 2026-05-01 00:00:00."
            )
        );
        // Play again from a paused clock says its first change at once, and nothing from before.
        let resumed = paused
            .apply(Action::Seek(t("2026-04-29T23:00:00")))
            .apply(Action::TogglePlay)
            .apply(Action::Tick { real_ms: 100.0 });
        assert_eq!(
            resumed.announcement.en(),
            "V3 ocr: frozen → released at 2026-04-30 00:00:00"
        );
    }

    #[test]
    fn stepping_onto_events_announces_them_in_words() {
        // auto-renew-low-balance (V3): the first event after the purchase is the failed attempt.
        let state = opened("auto-renew-low-balance").apply(Action::NextEvent);
        assert_eq!(
            state.announcement.en(),
            "Clock at 2026-04-01 03:00:00: ocr: Auto-renew failed: balance 20.00 is below the \
             price 30.00. Nothing was charged."
        );
        // A step onto a state change names the tier and the change, as playing does.
        let expired = opened("auto-renew-twice")
            .apply(Action::Seek(t("2026-04-15T23:00:00")))
            .apply(Action::NextEvent);
        assert_eq!(
            expired.announcement.en(),
            "V3 ocr: available → expired at 2026-04-16 00:00:00"
        );
        // A step that passes the customer's tier's events on the way says what changed instead.
        let jumped = opened("auto-renew-twice")
            .apply(Action::Seek(t("2026-04-15T23:00:00")))
            .apply(Action::GoTo(t("2026-05-01T00:00:00").naive()));
        assert!(
            !jumped.announcement.en().contains("Now expired"),
            "{}",
            jumped.announcement.en()
        );
    }

    #[test]
    fn a_step_onto_other_tiers_events_only_says_whose_they_are() {
        // renewed-in-retention (V1): V0's release reminder at 09:00 on 04-09 stops the clock.
        let state = opened("renewed-in-retention")
            .apply(Action::Seek(t("2026-04-09T00:00:00")))
            .apply(Action::NextEvent);
        assert_eq!(state.now, t("2026-04-09T09:00:00"));
        assert_eq!(
            state.announcement.en(),
            "Clock at 2026-04-09 09:00:00: events in tier V0, none in tier V1."
        );
        // Going to the instant the clock is at, where every tier has events (the purchase).
        let start = opened("renewed-in-retention");
        let again = start.apply(Action::GoTo(start.now.naive()));
        assert_eq!(again.announcement.en(), "Clock at 2026-03-08 10:00:00.");
    }

    #[test]
    fn stepping_back_announces_the_states_then() {
        // Before V3 freezes on 04-23, the last event was V1's reminder (1 + 7 days: data deleted
        // on 04-24) at 09:00 on 04-22.
        let state = opened("auto-renew-twice")
            .apply(Action::Seek(t("2026-04-23T00:00:00")))
            .apply(Action::PreviousEvent);
        assert_eq!(
            state.announcement.en(),
            "Clock back at 2026-04-22 09:00:00: V3 ocr expired."
        );
    }

    #[test]
    fn a_drag_is_said_once_it_ends_from_where_it_began() {
        let state = opened("auto-renew-twice").apply(Action::Seek(t("2026-04-15T23:00:00")));
        let said = state.announcement.clone();
        // Each step moves the clock without a word, back and forth.
        let dragging = state
            .apply(Action::Drag(t("2026-04-20T00:00:00")))
            .apply(Action::Drag(t("2026-04-10T00:00:00")))
            .apply(Action::Drag(t("2026-04-17T00:00:00")));
        assert_eq!(dragging.now, t("2026-04-17T00:00:00"));
        assert_eq!(dragging.announcement, said);
        // Released: the change from 04-15 23:00 to 04-17, said as one move.
        let released = dragging.apply(Action::DragEnd);
        assert_eq!(released.now, t("2026-04-17T00:00:00"));
        assert_eq!(
            released.announcement.en(),
            "V3 ocr: available → expired at 2026-04-16 00:00:00"
        );
        // Another end with no drag since says nothing new.
        let again = released.apply(Action::DragEnd);
        assert_eq!(again.announcement, released.announcement);
        // A drag that ends behind where it began says the states then.
        let back = released
            .apply(Action::Drag(t("2030-01-01T00:00:00")))
            .apply(Action::Drag(t("2026-04-01T00:00:00")))
            .apply(Action::DragEnd);
        assert_eq!(
            back.announcement.en(),
            "Clock back at 2026-04-01 00:00:00: V3 ocr available."
        );
    }

    #[test]
    fn an_edit_that_changes_the_states_at_the_clock_says_so() {
        // auto-renew-twice expires on 04-16: in V3 (7 days' grace) still expired on 04-20, in V0
        // (1 day's grace, 1 day's retention) released on 04-18.
        let state = opened("auto-renew-twice").apply(Action::Seek(t("2026-04-20T00:00:00")));
        assert!(state.announcement.en().contains("expired"));
        let mut doc = (*state.doc).clone();
        doc.tier = "V0".to_string();
        let edited = state.apply(Action::Edit(doc.clone()));
        assert_eq!(
            edited.announcement.en(),
            "After the edit, at 2026-04-20 00:00:00: V0 ocr released."
        );
        // An edit that leaves the states at the clock as they were (the name) says nothing new.
        doc.name = Some("Renamed".to_string());
        let renamed = edited.apply(Action::Edit(doc));
        assert_eq!(renamed.announcement, edited.announcement);
    }

    #[test]
    fn a_refused_value_is_announced_as_well_as_shown() {
        let state = opened("auto-renew-low-balance");
        let refused = state.apply(Action::Act(Act::TopUp {
            amount: "0".to_string(),
        }));
        let shown = refused.act_report.as_ref().expect("a report");
        assert!(!refused.announcement.is_empty());
        assert_eq!(refused.announcement, shown.text);
        // Pressed again, it is said again: the live region's text changes, and back.
        let zero = || {
            Action::Act(Act::TopUp {
                amount: "0".to_string(),
            })
        };
        let again = refused.apply(zero());
        assert_ne!(again.announcement, refused.announcement);
        assert_eq!(
            again.announcement.en().trim_end_matches('\u{200b}'),
            shown.text.en()
        );
        assert_eq!(again.apply(zero()).announcement, refused.announcement);
    }

    #[test]
    fn choosing_a_language_is_said_in_it_instead_of_an_older_message() {
        let state = opened("auto-renew-low-balance").apply(Action::Undo);
        let chosen = state.apply(Action::LanguageChosen);
        assert_eq!(chosen.announcement.en(), "The page is now in English.");
        assert_eq!(chosen.announcement.get(Lang::ZhCn), "页面现在是简体中文。");
    }

    #[test]
    fn an_invalid_edit_keeps_the_last_simulation() {
        let state = opened("auto-renew-low-balance").apply(Action::NextEvent);
        let sim_before = state.sim.clone().expect("a simulation");
        let mut doc = (*state.doc).clone();
        doc.resources[0].term = Some("13m".to_string());
        let edited = state.apply(Action::Edit(doc));
        assert_eq!(edited.sim, Some(sim_before));
        assert_eq!(edited.errors.len(), 1);
        assert_eq!(edited.errors[0].path, "resources[0].term");
        assert_eq!(edited.now, state.now);
        assert!(edited.can_undo());
    }

    #[test]
    fn a_valid_edit_resimulates_and_clamps_the_clock() {
        let state = opened("auto-renew-low-balance").apply(Action::Seek(t("2026-04-19T00:00:00")));
        let mut doc = (*state.doc).clone();
        doc.until = "2026-04-10T00:00:00".to_string();
        let edited = state.apply(Action::Edit(doc));
        assert!(edited.errors.is_empty());
        assert_ne!(edited.sim, state.sim);
        assert_eq!(clock(&edited), "2026-04-10T00:00:00");
    }

    #[test]
    fn a_new_title_keeps_the_traces_and_any_other_edit_resimulates() {
        let state = opened("auto-renew-low-balance");
        let traces =
            |state: &AppState| Rc::clone(&state.sim.as_ref().expect("a simulation").traces);
        let mut doc = (*state.doc).clone();
        doc.name = Some("Renamed".to_string());
        let renamed = state.apply(Action::Edit(doc.clone()));
        let sim = renamed.sim.as_ref().expect("a simulation");
        assert_eq!(sim.scenario.name, "Renamed");
        assert!(
            Rc::ptr_eq(&traces(&renamed), &traces(&state)),
            "not simulated again"
        );
        doc.balance = Some(crate::engine::doc::AmountDoc::Text("21.00".to_string()));
        let topped = renamed.apply(Action::Edit(doc));
        assert!(!Rc::ptr_eq(&traces(&topped), &traces(&renamed)));
        assert_ne!(traces(&topped), traces(&renamed));
    }

    #[test]
    fn an_unchanged_edit_is_not_an_undo_step() {
        let state = opened("auto-renew-low-balance");
        let same = state.apply(Action::Edit((*state.doc).clone()));
        assert!(!same.can_undo());
        assert_eq!(same.sim, state.sim);
    }

    #[test]
    fn keystrokes_in_one_field_are_one_undo_step_unless_something_comes_between() {
        let state = opened("auto-renew-low-balance");
        let original = state.doc.clone();
        let typed = |state: &AppState, text: &str, types_on: bool| {
            let mut doc = (*state.doc).clone();
            doc.balance = Some(AmountDoc::text(text));
            state.apply(Action::Type { doc, types_on })
        };
        // "1", "12", "123" (the ticks of a running clock may come between): one step back.
        let one = typed(&state, "1", false);
        let two = typed(&one, "12", true).apply(Action::Tick { real_ms: 16.0 });
        let three = typed(&two, "123", true);
        let undone = three.apply(Action::Undo);
        assert_eq!(undone.doc, original);
        assert!(!undone.can_undo());
        // After an undo (or a step of the clock…), typing on starts a step of its own.
        let again = typed(&undone, "9", true);
        assert_eq!(again.apply(Action::Undo).doc, original);
        let stepped = typed(&one.apply(Action::NextEvent), "12", true);
        assert_eq!(stepped.apply(Action::Undo).doc, one.doc);
        // So does an act, which Undo then leaves in place.
        let acted = one.apply(Action::Act(Act::TopUp {
            amount: "5".to_string(),
        }));
        assert_eq!(acted.doc.actions.len(), one.doc.actions.len() + 1);
        let after_act = typed(&acted, "12", true);
        assert_eq!(after_act.apply(Action::Undo).doc, acted.doc);
        // And a what-if adopted.
        let compared = one.apply(Action::WhatIf(WhatIfAction::Compare {
            form: crate::ui::what_if_state::ChangeForm::default(),
            lang: Lang::En,
        }));
        let adopted = compared.apply(Action::WhatIf(WhatIfAction::Adopt));
        assert_ne!(adopted.doc, compared.doc, "the what-if's top-up adopted");
        let after_adopt = typed(&adopted, "12", true);
        assert_eq!(after_adopt.apply(Action::Undo).doc, adopted.doc);
        // A typed edit is not announced at every key.
        assert_eq!(three.announcement, two.announcement);
    }

    #[test]
    fn a_drag_left_without_its_end_is_forgotten_by_the_next_action() {
        let state = opened("auto-renew-twice").apply(Action::Seek(t("2026-04-15T23:00:00")));
        // A slider dragged away and back sends no `change`: no DragEnd.
        let left = state
            .apply(Action::Drag(t("2026-04-20T00:00:00")))
            .apply(Action::Drag(t("2026-04-15T23:00:00")));
        let sought = left.apply(Action::Seek(t("2026-04-17T00:00:00")));
        let said = sought.announcement.clone();
        // The next drag starts where the clock is, not where the forgotten one began.
        let next = sought
            .apply(Action::Drag(t("2026-04-17T12:00:00")))
            .apply(Action::DragEnd);
        assert_ne!(next.announcement, said, "the expiry is not said again");
        assert_eq!(next.announcement.en(), "Clock at 2026-04-17 12:00:00.");
    }

    #[test]
    fn undo_and_redo_walk_the_documents() {
        let state = opened("auto-renew-low-balance");
        let original = state.doc.clone();
        let mut doc = (*state.doc).clone();
        doc.balance = Some(AmountDoc::text("100.00"));
        let edited = state.apply(Action::Edit(doc.clone()));
        let undone = edited.apply(Action::Undo);
        assert_eq!(undone.doc, original);
        assert!(undone.can_redo());
        assert!(!undone.can_undo());
        assert!(undone.announcement.en().starts_with("Undone"));
        let redone = undone.apply(Action::Redo);
        assert_eq!(*redone.doc, doc);
        assert!(redone.announcement.en().starts_with("Redone"));
        assert!(!redone.can_redo());
        // A new edit after an undo forgets what could be redone.
        let branched = undone.apply(Action::Edit(doc));
        assert!(!branched.can_redo());
        // Undo with nothing to undo changes nothing.
        assert_eq!(state.apply(Action::Undo).doc, state.doc);
    }

    #[test]
    fn undo_keeps_at_most_the_limit() {
        let mut state = opened("auto-renew-low-balance");
        for cents in 0..(UNDO_LIMIT + 5) {
            let mut doc = (*state.doc).clone();
            doc.balance = Some(AmountDoc::text(format!("{cents}.00")));
            state = state.apply(Action::Edit(doc));
        }
        let mut steps = 0;
        while state.can_undo() {
            state = state.apply(Action::Undo);
            steps += 1;
        }
        assert_eq!(steps, UNDO_LIMIT);
    }

    #[test]
    fn loading_another_scenario_can_be_undone() {
        let state = opened("auto-renew-low-balance");
        let other = scenarios::entry("month-end-expiry").expect("slug");
        let loaded = state.apply(Action::Load(other.doc().expect("parses")));
        assert_eq!(clock(&loaded), "2026-01-31T10:00:00");
        assert_eq!(loaded.apply(Action::Undo).doc, state.doc);
    }

    #[test]
    fn renewing_appends_an_action_and_reports_the_renewal() {
        // renewed-in-retention (V1): frozen since 04-10; renew at 04-11 for 1m.
        let state = opened("renewed-in-retention").apply(Action::Seek(t("2026-04-11T12:00:00")));
        let actions_before = state.doc.actions.len();
        let acted = state.apply(Action::Act(Act::Renew {
            resource: "ocr".to_string(),
            term: "1m".to_string(),
        }));
        assert_eq!(acted.doc.actions.len(), actions_before + 1);
        let action = acted.doc.actions.last().expect("the new action");
        assert_eq!(action.at, "2026-04-11T12:00:00");
        assert_eq!(action.verb, ActionVerb::Renew);
        let report = acted.act_report.clone().expect("a report");
        assert_eq!(report.outcome, Outcome::Done);
        assert!(
            report.text.en().contains("Renewed by hand"),
            "{}",
            report.text.en()
        );
        assert!(
            report.text.en().contains("Now available"),
            "{}",
            report.text.en()
        );
        assert_eq!(own_state(&acted, 0), Some(State::Available));
        assert!(acted.can_undo());
        assert_eq!(acted.apply(Action::Undo).doc, state.doc);
    }

    #[test]
    fn an_act_before_its_resource_starts_is_refused_without_an_actions_path() {
        // A second package that starts later, renewed before its start: the act's problem is
        // said without "actions[0].at", the path of an action that was never added.
        let mut doc = (*opened("auto-renew-low-balance").doc).clone();
        let mut late = doc.resources[0].clone();
        late.id = "late".to_string();
        late.start = "2026-04-10T00:00:00".to_string();
        doc.resources.push(late);
        let state = AppState::default().apply(Action::Load(doc));
        let before = state.doc.clone();
        let acted = state.apply(Action::Act(Act::Renew {
            resource: "late".to_string(),
            term: "1m".to_string(),
        }));
        let report = acted.act_report.clone().expect("a report");
        assert_eq!(report.outcome, Outcome::Invalid);
        for lang in Lang::ALL {
            let said = report.text.get(lang);
            assert!(!said.contains("actions["), "{said}");
            assert!(said.contains("late"), "{said}");
        }
        // With what to do, and the time as the app writes it (not the file's `T` notation).
        assert_eq!(
            report.text.en(),
            "This act cannot be recorded: late is bought at 2026-04-10 00:00:00, after the \
             clock. Move the clock there or later to act on it."
        );
        assert!(report.text.get(Lang::PtBr).contains("10/04/2026 00:00:00"));
        assert_eq!(acted.doc, before);
        // From its start on, the act is recorded.
        let later = state.apply(Action::Seek(t("2026-04-10T00:00:00")));
        let acted = later.apply(Action::Act(Act::Renew {
            resource: "late".to_string(),
            term: "1m".to_string(),
        }));
        assert_ne!(acted.doc, later.doc);
    }

    /// Gallery scenario `slug` with the clock at `at`, and the state after renewing its `ocr` for
    /// a month there.
    fn renewed_by_hand(slug: &str, at: &str) -> (AppState, AppState) {
        let state = opened(slug).apply(Action::Seek(t(at)));
        let acted = state.apply(Action::Act(Act::Renew {
            resource: "ocr".to_string(),
            term: "1m".to_string(),
        }));
        (state, acted)
    }

    #[test]
    fn a_renewal_the_balance_cannot_pay_says_by_how_much() {
        // auto-renew-low-balance: 20.00 in the account, a month costs 30.00.
        let (_, acted) = renewed_by_hand("auto-renew-low-balance", "2026-03-10T12:00:00");
        let report = acted.act_report.clone().expect("a report");
        assert_eq!(report.outcome, Outcome::Refused);
        let en = report.text.en();
        assert!(
            en.contains("the balance 20.00 is below the price 30.00"),
            "{en}"
        );
        let pt = report.text.get(Lang::PtBr);
        assert!(
            pt.contains("o saldo 20,00 está abaixo do preço 30,00"),
            "{pt}"
        );
    }

    #[test]
    fn a_refused_act_is_recorded_and_explained() {
        // renewal-too-short: at 03-12 09:00 a 1m renewal from the original expiry is too short.
        let (state, acted) = renewed_by_hand("renewal-too-short", "2026-03-12T09:00:00");
        let report = acted.act_report.clone().expect("a report");
        assert_eq!(report.outcome, Outcome::Refused);
        assert!(
            !report.text.en().contains("term_too_short"),
            "{}",
            report.text.en()
        );
        assert!(
            report.text.en().contains(say::rejection(
                Lang::En,
                crate::engine::trace::Rejection::TermTooShort
            )),
            "{}",
            report.text.en()
        );
        assert_eq!(acted.doc.actions.len(), state.doc.actions.len() + 1);
    }

    #[test]
    fn topping_up_reports_the_new_balance() {
        let state = opened("auto-renew-low-balance").apply(Action::NextEvent);
        let acted = state.apply(Action::Act(Act::TopUp {
            amount: "12.5".to_string(),
        }));
        let action = acted.doc.actions.last().expect("the new action");
        assert_eq!(action.amount, Some(AmountDoc::text("12.50")));
        let report = acted.act_report.expect("a report");
        assert!(
            report.text.en().contains("Topped up 12.50"),
            "{}",
            report.text.en()
        );
    }

    #[test]
    fn switching_auto_renew_on_on_the_expiry_day_pays_at_once() {
        let state = opened("auto-renew-on-expiry-day");
        let mut doc = (*state.doc).clone();
        doc.actions.clear();
        let state = state
            .apply(Action::Edit(doc))
            .apply(Action::Seek(t("2026-04-08T12:00:00")));
        let acted = state.apply(Action::Act(Act::SetAutoRenew {
            resource: "ocr".to_string(),
            enabled: true,
            days_before: "7".to_string(),
            term: "1m".to_string(),
            times: "0".to_string(),
        }));
        let report = acted.act_report.expect("a report");
        assert_eq!(report.outcome, Outcome::Done);
        assert!(
            report.text.en().contains("Auto-renew on"),
            "{}",
            report.text.en()
        );
        assert!(
            report.text.en().contains("Auto-renew paid 30.00"),
            "{}",
            report.text.en()
        );
    }

    #[test]
    fn invalid_act_input_changes_nothing() {
        let state = opened("auto-renew-low-balance").apply(Action::NextEvent);
        let auto = |days: &str, term: &str, times: &str| Act::SetAutoRenew {
            resource: "ocr".to_string(),
            enabled: true,
            days_before: days.to_string(),
            term: term.to_string(),
            times: times.to_string(),
        };
        // act, expected message fragment
        let cases = [
            (
                Act::TopUp {
                    amount: "abc".to_string(),
                },
                "Top-up amount",
            ),
            (
                Act::TopUp {
                    amount: "1.234".to_string(),
                },
                "more than two decimals",
            ),
            (
                Act::TopUp {
                    amount: "0".to_string(),
                },
                "more than 0",
            ),
            (
                Act::TopUp {
                    amount: "-5".to_string(),
                },
                "negative",
            ),
            (
                Act::Renew {
                    resource: "ocr".to_string(),
                    term: "13m".to_string(),
                },
                "Renewal term",
            ),
            (
                Act::Renew {
                    resource: String::new(),
                    term: "1m".to_string(),
                },
                "Choose a resource",
            ),
            (auto("8", "1m", "0"), "Deduction days before"),
            (
                auto("x", "1m", "0"),
                "Deduction days before: \"x\" is not a whole number",
            ),
            (
                auto(" ", "1m", "0"),
                "Deduction days before: enter a whole number from 0 to 7.",
            ),
            (
                auto("3", "1m", ""),
                "Renewal count: enter a whole number from 0 to 99.",
            ),
            (auto("3", "0m", "0"), "Auto-renew term"),
            (auto("3", "1m", "100"), "Renewal count"),
            (
                Act::Renew {
                    resource: "nope".to_string(),
                    term: "1m".to_string(),
                },
                "not the id of any resource",
            ),
        ];
        for (act, expected) in cases {
            let acted = state.apply(Action::Act(act.clone()));
            assert_eq!(acted.doc, state.doc, "{act:?}");
            let report = acted.act_report.expect("a report");
            assert_eq!(report.outcome, Outcome::Invalid, "{act:?}");
            assert!(
                report.text.en().contains(expected),
                "{act:?}: {}",
                report.text.en()
            );
        }
    }

    #[test]
    fn acting_on_an_invalid_document_is_refused() {
        let state = opened("auto-renew-low-balance");
        let mut doc = (*state.doc).clone();
        doc.tier = "V9".to_string();
        let broken = state.apply(Action::Edit(doc));
        let acted = broken.apply(Action::Act(Act::TopUp {
            amount: "5".to_string(),
        }));
        assert_eq!(acted.doc, broken.doc);
        let report = acted.act_report.expect("a report");
        assert!(
            report.text.en().contains("Fix the scenario first"),
            "{}",
            report.text.en()
        );
    }

    #[test]
    fn a_good_link_opens_and_a_bad_one_keeps_the_scenario() {
        let state = opened("auto-renew-low-balance").apply(Action::NextEvent);
        let other = scenarios::entry("month-end-expiry")
            .expect("slug")
            .doc()
            .expect("parses");
        let payload = share::encode(&other);
        let linked = state.apply(Action::OpenLink(payload));
        assert_eq!(*linked.doc, other);
        assert_eq!(clock(&linked), "2026-01-31T10:00:00");
        assert_eq!(linked.error, None);

        let bad = state.apply(Action::OpenLink("%%%".to_string()));
        assert_eq!(bad.doc, state.doc);
        assert_eq!(bad.now, state.now);
        let error = bad.error.expect("an error").en().to_string();
        assert!(error.contains("Could not open the link"), "{error}");
        assert!(error.contains("unchanged"), "{error}");
    }

    #[test]
    fn an_import_or_link_notice_goes_when_another_scenario_comes_or_fails_to() {
        let state = opened("auto-renew-low-balance");
        let good = scenarios::entry("pay-per-use-arrears").expect("slug");
        let imported = state.apply(Action::Import {
            file_name: "mine.json".to_string(),
            text: good.json.to_string(),
        });
        let notice = |s: &AppState| s.notice.as_ref().map(|n| n.text.en().to_string());
        let import_broken = |s: &AppState| {
            s.apply(Action::Import {
                file_name: "broken.json".to_string(),
                text: "{".to_string(),
            })
        };
        assert_eq!(notice(&imported).as_deref(), Some("Imported mine.json."));
        // Still true while the clock moves and the imported scenario is edited.
        let stepped = imported.apply(Action::NextEvent);
        assert_eq!(notice(&stepped), notice(&imported));
        let mut doc = (*stepped.doc).clone();
        doc.balance = Some(AmountDoc::text("5"));
        let edited = stepped.apply(Action::Edit(doc));
        assert_eq!(notice(&edited), notice(&imported));
        // Undone (the import itself, here), another scenario opened, a failed import or link:
        // gone.
        assert_eq!(notice(&imported.apply(Action::Undo)), None);
        let gallery = scenarios::entry("month-end-expiry").expect("slug").doc();
        assert_eq!(
            notice(&imported.apply(Action::Load(gallery.expect("parses")))),
            None
        );
        let failed = import_broken(&imported);
        assert!(failed.error.is_some());
        assert_eq!(notice(&failed), None);
        let linked = state.apply(Action::OpenLink(share::encode(&state.doc)));
        assert_eq!(
            notice(&linked).as_deref(),
            Some("Opened the scenario from the link.")
        );
        assert_eq!(notice(&linked.apply(Action::OpenLink("%%%".into()))), None);
        // A notice of another kind stays through a failed import ("Exported …" is still true).
        let exported = state.apply(Action::Notify(LocalText::same("Exported x.csv.").into()));
        assert_eq!(
            notice(&import_broken(&exported)).as_deref(),
            Some("Exported x.csv.")
        );
    }

    #[test]
    fn imports_open_valid_files_and_name_what_is_wrong_with_others() {
        let state = opened("auto-renew-low-balance");
        let good = scenarios::entry("pay-per-use-arrears").expect("slug");
        let imported = state.apply(Action::Import {
            file_name: "mine.json".to_string(),
            text: good.json.to_string(),
        });
        assert_eq!(imported.doc.name.as_deref(), Some(good.title().as_str()));
        assert_eq!(
            imported.notice.as_ref().map(|n| n.text.en()),
            Some("Imported mine.json.")
        );
        let trace = crate::engine::simulate(&Scenario::from_json(good.json).expect("valid"))
            .to_json_value(&Scenario::from_json(good.json).expect("valid"))
            .to_string();
        let two_problems = good
            .json
            .replace(r#""tier": "V3""#, r#""tier": "V9""#)
            .replace(r#""balance": "1.00""#, r#""balance": "-1""#);
        // file text, expected message fragment
        let cases = [
            (
                "not json",
                "line 1 column 2: not valid JSON: a word without quotes",
            ),
            (r#"{"format":"renewal-lab/1"}"#, "missing field"),
            (
                &good.json.replace(r#""tier": "V3""#, r#""tier": "V9""#),
                "tier",
            ),
            // Every problem named, not just the first.
            (&two_problems, "2 problems: tier: "),
            (&two_problems, "; balance: "),
            (
                &trace,
                "it is a trace, the output of renewal-cli, not a scenario",
            ),
            (
                r#"{"tiers":{}}"#,
                "it is a trace, the output of renewal-cli, not a scenario",
            ),
            (
                r#"{"format":"renewal-lab-exercise/1","title":"t"}"#,
                "missing field",
            ),
        ];
        for (text, expected) in cases {
            let failed = state.apply(Action::Import {
                file_name: "bad.json".to_string(),
                text: text.to_string(),
            });
            assert_eq!(failed.doc, state.doc);
            let error = failed.error.expect("an error").en().to_string();
            assert!(error.starts_with("Could not import bad.json: "), "{error}");
            assert!(error.contains(expected), "{error}");
        }
        // An exercise file opens the exercise, with or without a byte order mark (Notepad).
        let ready = crate::workshop::READY[0];
        let exercise = ready.exercise(MAX_EVENTS).expect("valid");
        for text in [ready.json.to_string(), format!("\u{feff}{}", ready.json)] {
            let opened = state.apply(Action::Import {
                file_name: "exercise.json".to_string(),
                text,
            });
            assert!(opened.error.is_none());
            assert!(opened.workshop.session.is_some());
            assert_eq!(*opened.doc, exercise.doc.scenario);
        }
        let with_bom = state.apply(Action::Import {
            file_name: "mine.json".to_string(),
            text: format!("\u{feff}{}", good.json),
        });
        assert!(with_bom.error.is_none());
        assert_eq!(with_bom.doc, imported.doc);
    }

    /// A valid file whose simulation makes far more than `MAX_EVENTS` events: 50 pay-per-use
    /// resources fall into arrears and recover at each of 10,000 small top-ups (about a million
    /// events a tier).
    fn event_flood() -> ScenarioDoc {
        let resources: Vec<String> = (0..50)
            .map(|i| {
                format!(
                    r#"{{"id":"p{i}","billing":"pay_per_use","start":"2026-01-01T00:00:00","hourly_rate":"0.01"}}"#
                )
            })
            .collect();
        let start = t("2026-01-01T01:00:00");
        let actions: Vec<String> = (0..10_000)
            .map(|k| {
                let at = start.plus_secs(k * 3 * 3600).local_string();
                format!(r#"{{"at":"{at}","do":"top_up","amount":"0.50"}}"#)
            })
            .collect();
        let json = format!(
            r#"{{"format":"renewal-lab/1","name":"Flood","tier":"V3","balance":"0","resources":[{}],"actions":[{}],"until":"2029-12-31T00:00:00"}}"#,
            resources.join(","),
            actions.join(",")
        );
        ScenarioDoc::from_json(&json).expect("parses")
    }

    #[test]
    fn a_scenario_with_too_many_events_is_refused_and_the_work_kept() {
        let flood = event_flood();
        assert!(
            Scenario::from_doc(&flood).is_ok(),
            "the file itself is valid"
        );
        let state = opened("auto-renew-low-balance");
        let bound = crate::ui::i18n::format::count_of(Lang::En, crate::ui::sim::MAX_EVENTS);
        let refused = [
            (
                "link",
                state.apply(Action::OpenLink(share::encode(&flood))),
                "Could not open the link: ",
            ),
            (
                "import",
                state.apply(Action::Import {
                    file_name: "flood.json".to_string(),
                    text: flood.to_json(),
                }),
                "Could not import flood.json: ",
            ),
            (
                "load",
                state.apply(Action::Load(flood.clone())),
                "Could not open the scenario: ",
            ),
        ];
        for (how, after, opening) in refused {
            assert_eq!(after.doc, state.doc, "{how}");
            assert!(after
                .sim
                .as_ref()
                .zip(state.sim.as_ref())
                .is_some_and(|(a, b)| a == b));
            let error = after.error.expect("an error").en().to_string();
            assert!(error.starts_with(opening), "{how}: {error}");
            assert!(
                error.contains(&format!("until: more than {bound} events")),
                "{how}: {error}"
            );
            assert!(
                error.ends_with("The current scenario is unchanged."),
                "{how}: {error}"
            );
        }
        // Typed into the editor, it stays as typed, with the problem beside `until` and the last
        // simulation still on screen.
        let edited = state.apply(Action::Edit(flood.clone()));
        assert_eq!(*edited.doc, flood);
        assert_eq!(edited.sim, state.sim);
        assert_eq!(edited.errors.len(), 1);
        assert_eq!(edited.errors[0].path, "until");
        // Ending the run earlier (with the actions before the new end) brings it within bounds.
        let mut shorter = flood;
        shorter.actions.truncate(100);
        shorter.until = "2026-01-14T00:00:00".to_string();
        let fixed = edited.apply(Action::Edit(shorter));
        assert!(fixed.errors.is_empty());
        assert_ne!(fixed.sim, state.sim);
    }

    #[test]
    fn an_exercise_on_a_scenario_with_too_many_events_is_refused_and_the_work_kept() {
        use crate::workshop::{ExerciseDoc, PauseDoc, QueryKind, QuestionDoc};
        let flood = event_flood();
        let doc = ExerciseDoc {
            format: crate::workshop::exercise::FORMAT.to_string(),
            title: "Flood".to_string(),
            story: None,
            scenario: flood.clone(),
            pauses: vec![PauseDoc {
                at: "2026-01-02T00:00:00".to_string(),
                question: QuestionDoc {
                    kind: QueryKind::StateAt,
                    tier: Some("V3".to_string()),
                    resource: Some("p0".to_string()),
                    at: None,
                },
            }],
        };
        let state = opened("auto-renew-low-balance");
        let bound = crate::ui::i18n::format::count_of(Lang::En, MAX_EVENTS);
        // Refused while it is read, before any session: as a file and as a link.
        let text = doc.to_json();
        let refused = [
            (
                "import",
                state.apply(Action::Import {
                    file_name: "flood.json".to_string(),
                    text: text.clone(),
                }),
            ),
            (
                "link",
                state.apply(Action::Workshop(WorkshopAction::OpenLink(
                    crate::link::encode(&text),
                ))),
            ),
        ];
        for (how, after) in refused {
            assert_eq!(after.doc, state.doc, "{how}");
            assert!(after.workshop.session.is_none(), "{how}");
            let error = after.error.expect("an error").en().to_string();
            assert!(
                error.contains(&format!("scenario.until: more than {bound} events")),
                "{how}: {error}"
            );
        }
        // An exercise that got past that check (read without the bound) still opens no session
        // when the app refuses its scenario: the questions would be asked over the wrong one.
        let mut unchecked = crate::workshop::READY[0]
            .exercise(MAX_EVENTS)
            .expect("a ready exercise");
        unchecked.doc.scenario = flood;
        let after = state.apply(Action::Workshop(WorkshopAction::Start(Rc::new(unchecked))));
        assert_eq!(after.doc, state.doc);
        assert!(after.workshop.session.is_none());
        let error = after.error.expect("an error").en().to_string();
        assert!(
            error.contains(&format!("until: more than {bound} events")),
            "{error}"
        );
    }

    #[test]
    fn start_up_prefers_the_link_then_the_autosave() {
        let saved_doc = scenarios::entry("auto-renew-twice")
            .expect("slug")
            .doc()
            .expect("parses");
        let draft = workshop_state::Draft {
            title: "Mine".to_string(),
            pauses: crate::workshop::READY[0]
                .exercise(MAX_EVENTS)
                .expect("valid")
                .doc
                .pauses,
        };
        let saved = autosave::encode(&saved_doc, t("2026-03-12T03:00:00"), &draft, None, None);
        let restored = AppState::start(Some(&saved), None);
        assert_eq!(*restored.doc, saved_doc);
        // The trainer's draft exercise comes back too.
        assert_eq!(restored.workshop.draft.pauses, draft.pauses);
        assert_eq!(restored.workshop.draft.title, "Mine");
        assert_eq!(clock(&restored), "2026-03-12T03:00:00");
        assert_eq!(restored.view, View::Lab);

        let linked_doc = scenarios::entry("month-end-expiry")
            .expect("slug")
            .doc()
            .expect("parses");
        // A reload of the link the work came from keeps the saved clock.
        let reloaded = AppState::start(Some(&saved), Some(&share::encode(&saved_doc)));
        assert_eq!(*reloaded.doc, saved_doc);
        assert_eq!(clock(&reloaded), "2026-03-12T03:00:00");
        assert!(reloaded.error.is_none());
        let linked = AppState::start(Some(&saved), Some(&share::encode(&linked_doc)));
        assert_eq!(*linked.doc, linked_doc);
        assert_eq!(clock(&linked), "2026-01-31T10:00:00");
        // The autosaved work is one Undo away.
        assert_eq!(*linked.apply(Action::Undo).doc, saved_doc);

        let bad_link = AppState::start(Some(&saved), Some("???"));
        assert_eq!(*bad_link.doc, saved_doc);
        assert!(bad_link.error.is_some());
    }

    #[test]
    fn a_corrupt_autosave_is_ignored_with_a_notice() {
        let state = AppState::start(Some("{ not a session"), None);
        assert_eq!(state.view, View::Gallery);
        let notice = state.notice.expect("a notice").text.en().to_string();
        assert!(notice.contains("could not be restored"), "{notice}");
    }

    #[test]
    fn an_autosaved_invalid_document_comes_back_with_its_errors() {
        let mut doc = scenarios::blank_doc();
        doc.resources[0].term = Some("0m".to_string());
        let state = AppState::start(
            Some(&autosave::encode(
                &doc,
                Time::default(),
                &Default::default(),
                None,
                None,
            )),
            None,
        );
        assert_eq!(*state.doc, doc);
        assert_eq!(state.sim, None);
        assert_eq!(state.errors.len(), 1);
        // With the last valid scenario saved beside it, its simulation is shown again.
        let valid = scenarios::blank_doc();
        let now = t("2026-02-01T00:00:00");
        let state = AppState::start(
            Some(&autosave::encode(
                &doc,
                now,
                &Default::default(),
                None,
                Some(&valid),
            )),
            None,
        );
        assert_eq!(*state.doc, doc);
        assert_eq!(state.errors.len(), 1);
        let sim = state.sim.as_ref().expect("the last valid simulation");
        assert_eq!(sim.scenario, Scenario::from_doc(&valid).expect("valid"));
        assert_eq!(state.now, state.clamp(now));
        // "Copy link" shares that last valid scenario: a reload with it in the address keeps the
        // edit with its errors, not the link's version.
        let saved = autosave::encode(&doc, now, &Default::default(), None, Some(&valid));
        let reloaded = AppState::start(Some(&saved), Some(&share::encode(&valid)));
        assert_eq!(*reloaded.doc, doc);
        assert_eq!(reloaded.errors.len(), 1);
        assert_eq!(reloaded.now, state.now);
    }

    #[test]
    fn the_gallery_pauses_and_the_lab_comes_back() {
        let state = opened("auto-renew-low-balance").apply(Action::TogglePlay);
        let gallery = state.apply(Action::ShowGallery);
        assert_eq!(gallery.view, View::Gallery);
        assert!(!gallery.playing);
        assert_eq!(gallery.apply(Action::ShowLab).view, View::Lab);
    }

    #[test]
    fn errors_show_until_dismissed() {
        let state =
            opened("auto-renew-low-balance").apply(Action::ReportError(LocalText::same("x")));
        assert_eq!(state.error.as_ref().map(LocalText::en), Some("x"));
        assert_eq!(state.apply(Action::DismissError).error, None);
    }
}
