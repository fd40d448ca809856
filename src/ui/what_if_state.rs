//! The what-if panel's state: the change as typed, the last comparison (the branched document,
//! its simulation and the divergences) or why it was refused, and the translated sentences.
//!
//! [`AppState`](crate::ui::state::AppState) holds one [`WhatIfState`] and forwards
//! [`WhatIfAction`]s to [`WhatIfState::apply`]; adopting hands the branched document back as an
//! ordinary (undoable) edit.

use crate::engine::trace::{ActionName, Rejection, RenewSource};
use crate::engine::{BillingMode, Cents, EventKind, ScenarioDoc, Time};
use crate::ui::i18n::explain::{refusal, state_label, term as term_words};
use crate::ui::i18n::format::{money, second, typed_amount};
use crate::ui::i18n::{errors, sentence_gap, tr, trf, Lang, LocalText};
use crate::ui::sim::{Sim, SimRef};
use crate::what_if::{self, Divergence, Happening, Refusal, Side, Variation};
use std::rc::Rc;

/// Which change the form describes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Change {
    /// An extra top-up at the clock's time.
    #[default]
    TopUp,
    /// Auto-renew on from the start for a package.
    AutoRenewOn,
    /// Another tier of the policy.
    Tier,
    /// A renewal moved later.
    RenewLater,
}

impl Change {
    /// Every change, in the select's order.
    pub const ALL: [Change; 4] = [
        Change::TopUp,
        Change::AutoRenewOn,
        Change::Tier,
        Change::RenewLater,
    ];

    /// The select's value.
    pub fn value(self) -> &'static str {
        match self {
            Change::TopUp => "top-up",
            Change::AutoRenewOn => "auto-renew-on",
            Change::Tier => "tier",
            Change::RenewLater => "renew-later",
        }
    }

    /// The change for a select value (top-up for anything else).
    pub fn from_value(value: &str) -> Change {
        Change::ALL
            .into_iter()
            .find(|c| c.value() == value)
            .unwrap_or_default()
    }

    /// The select's words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Change::TopUp => tr(lang, "Top up more at the clock's time"),
            Change::AutoRenewOn => tr(lang, "Auto-renew on from the start"),
            Change::Tier => tr(lang, "Another customer tier"),
            Change::RenewLater => tr(lang, "Renew later"),
        }
    }
}

/// The form as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeForm {
    /// Which change.
    pub change: Change,
    /// Top-up: the amount.
    pub amount: String,
    /// Auto-renew: the resource id.
    pub resource: String,
    /// Tier: the tier name.
    pub tier: String,
    /// Renew later: the action's index in the document (file order).
    pub action: String,
    /// Renew later: how many days later.
    pub days: String,
}

impl Default for ChangeForm {
    fn default() -> Self {
        ChangeForm {
            change: Change::TopUp,
            amount: what_if::DEFAULT_TOP_UP.to_string(),
            resource: String::new(),
            tier: String::new(),
            action: String::new(),
            days: what_if::DEFAULT_DELAY_DAYS.to_string(),
        }
    }
}

impl ChangeForm {
    /// The variation this form describes for `sim` at the clock's time `now` (its amount as
    /// typed in `lang`).
    pub fn variation(&self, sim: &Sim, now: Time, lang: Lang) -> Result<Variation, Refusal> {
        Ok(match self.change {
            Change::TopUp => Variation::TopUp {
                amount: Cents::parse(&typed_amount(lang, &self.amount))
                    .map_err(Refusal::UnreadableAmount)?,
                at: now,
            },
            Change::AutoRenewOn => Variation::AutoRenewOn {
                resource: sim.scenario.resource_index(&self.resource).ok_or_else(|| {
                    let resources = &sim.scenario.resources;
                    if resources
                        .iter()
                        .any(|r| r.billing() == BillingMode::Package)
                    {
                        Refusal::NoSuchResource
                    } else {
                        Refusal::NoPackage
                    }
                })?,
            },
            Change::Tier => Variation::Tier {
                tier: self.tier.clone(),
            },
            Change::RenewLater => Variation::RenewLater {
                action: self.action.parse().map_err(|_| {
                    let renews = sim
                        .scenario
                        .actions
                        .iter()
                        .any(|a| matches!(a.kind, crate::engine::ActionKind::Renew { .. }));
                    if renews {
                        Refusal::NotARenewal
                    } else {
                        Refusal::NoRenewal
                    }
                })?,
                days: self.days.trim().parse().map_err(|_| Refusal::BadDelay)?,
            },
        })
    }
}

/// What the panel can be asked to do.
#[derive(Clone, Debug, PartialEq)]
pub enum WhatIfAction {
    /// Branch the current scenario with the form's change and compare.
    Compare {
        /// The form.
        form: ChangeForm,
        /// The language of the announcement.
        lang: Lang,
    },
    /// Close the comparison.
    Dismiss,
    /// Replace the scenario by the what-if (an undoable edit).
    Adopt,
}

/// One comparison: the current simulation, the branched one and where they part.
#[derive(Debug)]
pub struct Comparison {
    /// The document compared against (the result is stale once the scenario is another).
    pub base_doc: Rc<ScenarioDoc>,
    /// Its simulation.
    pub base: SimRef,
    /// The change.
    pub variation: Variation,
    /// The branched document (what "Adopt" opens).
    pub doc: ScenarioDoc,
    /// Its simulation (once, at Compare; the view only looks things up).
    pub branch: SimRef,
    /// The compared traces, `(base index, branch index)`.
    pub pairs: Vec<(usize, usize)>,
    /// Every lane's first divergence.
    pub divergences: Vec<Divergence>,
    /// The earliest of them.
    pub first: Option<Divergence>,
}

impl Comparison {
    /// The two simulations as [`Side`]s.
    pub fn sides(&self) -> (Side<'_>, Side<'_>) {
        (side(&self.base), side(&self.branch))
    }

    /// The clock time of the compared top-up, for a top-up (the form adds one at the clock's
    /// time, which may have moved on since).
    pub fn top_up_at(&self) -> Option<Time> {
        match self.variation {
            Variation::TopUp { at, .. } => Some(at),
            _ => None,
        }
    }

    /// Where lane (`pair`, `resource`) first diverges, if it does.
    pub fn lane_divergence(&self, pair: (usize, usize), resource: usize) -> Option<Time> {
        self.divergences
            .iter()
            .find(|d| d.pair == pair && d.resource == resource)
            .map(|d| d.at)
    }
}

/// Why no comparison is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The scenario has errors (or nothing valid yet).
    NoScenario,
    /// The change does not apply.
    Refused(Refusal),
}

/// Comparisons are equal only to themselves (props compare the handle, never the traces).
impl PartialEq for Comparison {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The panel's state.
#[derive(Clone, Debug, Default)]
pub struct WhatIfState {
    /// The last comparison.
    pub result: Option<Rc<Comparison>>,
    /// Why the last Compare showed nothing.
    pub problem: Option<Problem>,
    /// The form of the last Compare. Its result or problem belongs to that change: the panel
    /// shows it only while the form still reads the same.
    pub compared: Option<ChangeForm>,
}

/// What [`WhatIfState::apply`] asks of the app.
#[derive(Debug, Default)]
pub struct Effect {
    /// A document to open as an (undoable) edit.
    pub adopt: Option<ScenarioDoc>,
    /// Text for the `aria-live` announcer, in every language (the user may switch after).
    pub announce: Option<LocalText>,
}

impl WhatIfState {
    /// Applies `action` to the current document `doc`, its last valid simulation `sim` (`valid`:
    /// the document has no errors) with the clock at `now`.
    pub fn apply(
        &mut self,
        action: WhatIfAction,
        doc: &Rc<ScenarioDoc>,
        sim: Option<&SimRef>,
        valid: bool,
        now: Time,
    ) -> Effect {
        match action {
            WhatIfAction::Compare { form, lang } => {
                self.result = None;
                self.compared = Some(form.clone());
                let Some(sim) = sim.filter(|_| valid) else {
                    self.problem = Some(Problem::NoScenario);
                    return announce(LocalText::new(|l| problem_text(l, &Problem::NoScenario)));
                };
                let branched = form.variation(sim, now, lang).and_then(|variation| {
                    let (branched_doc, scenario) = variation.apply(doc, &sim.scenario)?;
                    let branch = Sim::new(scenario).map_err(Refusal::Invalid)?;
                    Ok((variation, branched_doc, branch))
                });
                match branched {
                    Ok((variation, branched_doc, branch)) => {
                        let comparison = compare(doc, sim, variation, branched_doc, branch);
                        self.problem = None;
                        let text = LocalText::new(|l| divergence_text(l, &comparison));
                        self.result = Some(Rc::new(comparison));
                        announce(text)
                    }
                    Err(refusal) => {
                        let problem = Problem::Refused(refusal);
                        let text = LocalText::new(|l| problem_text(l, &problem));
                        self.problem = Some(problem);
                        announce(text)
                    }
                }
            }
            WhatIfAction::Dismiss => {
                *self = WhatIfState::default();
                Effect::default()
            }
            WhatIfAction::Adopt => {
                let Some(result) = self.result.take() else {
                    return Effect::default();
                };
                self.problem = None;
                if !Rc::ptr_eq(&result.base_doc, doc) {
                    self.problem = Some(Problem::NoScenario);
                    return Effect::default();
                }
                Effect {
                    adopt: Some(result.doc.clone()),
                    announce: Some(LocalText::new(|l| {
                        tr(l, "Adopted the what-if as the scenario. Undo brings back the previous one.")
                            .to_string()
                    })),
                }
            }
        }
    }

    /// The comparison, if it was made on `doc` (a later edit makes it stale).
    pub fn current(&self, doc: &Rc<ScenarioDoc>) -> Option<&Rc<Comparison>> {
        self.result
            .as_ref()
            .filter(|result| Rc::ptr_eq(&result.base_doc, doc))
    }
}

fn side(sim: &SimRef) -> Side<'_> {
    Side {
        scenario: &sim.0.scenario,
        traces: &sim.0.traces,
    }
}

fn announce(text: LocalText) -> Effect {
    Effect {
        adopt: None,
        announce: Some(text),
    }
}

/// Simulates the branch once and finds every lane's divergence.
fn compare(
    doc: &Rc<ScenarioDoc>,
    sim: &SimRef,
    variation: Variation,
    branched_doc: ScenarioDoc,
    branch: Sim,
) -> Comparison {
    let branch = SimRef(Rc::new(branch));
    let (base_side, branch_side) = (side(sim), side(&branch));
    let pairs = what_if::lane_pairs(base_side, branch_side);
    let divergences = what_if::divergences(base_side, branch_side);
    let first = what_if::earliest(divergences.clone(), Some(sim.scenario_tier()));
    Comparison {
        base_doc: Rc::clone(doc),
        base: sim.clone(),
        variation,
        doc: branched_doc,
        branch,
        pairs,
        divergences,
        first,
    }
}

/// Why nothing is compared, in words.
pub fn problem_text(lang: Lang, problem: &Problem) -> String {
    let refusal = match problem {
        Problem::NoScenario => {
            return tr(lang, "Fix the scenario first, then compare.").to_string()
        }
        Problem::Refused(refusal) => refusal,
    };
    match refusal {
        Refusal::BadAmount => tr(
            lang,
            "Extra top-up: enter an amount above 0 with at most two decimals, like 20.00.",
        )
        .to_string(),
        Refusal::UnreadableAmount(reason) => trf(
            lang,
            "Extra top-up: {0}.",
            &[&errors::message(lang, reason)],
        ),
        Refusal::BadDelay => {
            tr(lang, "Days later: enter a whole number from 1 to 365.").to_string()
        }
        Refusal::NoSuchResource => {
            tr(lang, "Choose a package to switch auto-renew on for.").to_string()
        }
        Refusal::NoPackage => tr(
            lang,
            "This scenario has no package to switch auto-renew on for: every resource is pay-per-use.",
        )
        .to_string(),
        Refusal::PayPerUse(id) => trf(lang, "{0} is pay-per-use: it has no auto-renew.", &[id]),
        Refusal::AutoRenewAlreadyOn(id) => trf(
            lang,
            "Auto-renew is already on for {0} from the start.",
            &[id],
        ),
        Refusal::SingleTier => tr(
            lang,
            "This policy has only one tier: there is no other tier to compare.",
        )
        .to_string(),
        Refusal::SameTier(tier) => trf(lang, "{0} is already the scenario's tier.", &[tier]),
        Refusal::UnknownTier(tier) => trf(lang, "The policy has no tier {0}.", &[tier]),
        Refusal::NoRenewal => tr(lang, "This scenario has no renewal to delay.").to_string(),
        Refusal::NotARenewal => tr(lang, "Choose a renewal to delay.").to_string(),
        // (Only a delayed renewal can land there: a top-up is made at the clock, within the run.)
        Refusal::AfterUntil(at) => trf(
            lang,
            "Days later: the renewal would come at {0}, after the scenario ends; choose fewer days.",
            &[&second(lang, *at)],
        ),
        Refusal::Invalid(error) => trf(
            lang,
            "The changed scenario breaks a rule: {0}",
            &[&crate::ui::i18n::errors::field_error(lang, error)],
        ),
    }
}

/// What a refused act's reason means, short.
fn reason_text(lang: Lang, reason: Rejection) -> &'static str {
    match reason {
        Rejection::Released => tr(lang, "the resource is already released"),
        Rejection::NotPackage => tr(lang, "a pay-per-use resource has no renewal"),
        Rejection::TermTooShort => tr(lang, "the new expiry would already be past"),
        Rejection::InsufficientBalance => tr(lang, "the balance is below the price"),
        Rejection::NotAvailable => tr(lang, "the resource is not available"),
    }
}

/// One event of the diverging resource, as a clause.
pub fn event_text(lang: Lang, kind: &EventKind) -> String {
    match *kind {
        EventKind::Purchased { .. } => tr(lang, "it is bought").to_string(),
        EventKind::StateChanged { to, .. } => trf(lang, "it becomes {0}", &[state_label(lang, to)]),
        EventKind::AutoRenewAttempt {
            failure: None,
            price,
            ..
        } => trf(lang, "auto-renew pays {0}", &[&money(lang, price)]),
        EventKind::AutoRenewAttempt {
            failure: Some(_),
            price,
            balance,
            ..
        } => trf(
            lang,
            "auto-renew fails: balance {0} is below the price {1}",
            &[&money(lang, balance), &money(lang, price)],
        ),
        EventKind::Renewed {
            source,
            term,
            expires,
            ..
        } => {
            let args: [&str; 2] = [&term_words(lang, term), &second(lang, expires)];
            match source {
                RenewSource::Manual => {
                    trf(lang, "renewed by hand for {0}, valid through {1}", &args)
                }
                RenewSource::Auto => trf(
                    lang,
                    "renewed automatically for {0}, valid through {1}",
                    &args,
                ),
            }
        }
        EventKind::TopUp { amount, .. } => trf(lang, "topped up {0}", &[&money(lang, amount)]),
        EventKind::Reminder { .. } => tr(lang, "a reminder is sent").to_string(),
        EventKind::AutoRenewChanged {
            settings,
            times_used,
        } => match (times_used, settings.enabled) {
            (true, _) => tr(lang, "auto-renew switches itself off: its count is used up"),
            (false, true) => tr(lang, "auto-renew is switched on"),
            (false, false) => tr(lang, "auto-renew is switched off"),
        }
        .to_string(),
        EventKind::ActionRejected {
            action,
            reason,
            shortfall,
        } => {
            let reason = [&*match shortfall {
                Some(_) => refusal(lang, reason, shortfall),
                None => reason_text(lang, reason).to_string(),
            }];
            match action {
                ActionName::Renew => trf(lang, "the renewal is refused: {0}", &reason),
                ActionName::SetAutoRenew => {
                    trf(lang, "the auto-renew change is refused: {0}", &reason)
                }
            }
        }
    }
}

/// What one version does at the divergence, as one clause list.
fn happening_text(lang: Lang, h: &Happening) -> String {
    if h.events.is_empty() {
        return match h.state {
            Some(state) => trf(
                lang,
                "nothing happens, it stays {0}",
                &[state_label(lang, state)],
            ),
            None => tr(lang, "nothing happens, it is not bought yet").to_string(),
        };
    }
    let clauses: Vec<String> = h.events.iter().map(|e| event_text(lang, &e.kind)).collect();
    clauses.join(tr(lang, "; "))
}

/// The comparison's outcome in one or two sentences (shown and announced).
pub fn divergence_text(lang: Lang, comparison: &Comparison) -> String {
    let Some(d) = &comparison.first else {
        let mut text = trf(
            lang,
            "No divergence: both versions have the same events and states in every compared lane through {0}.",
            &[&second(lang, comparison.base.scenario.until)],
        );
        // A balance that differs without changing what happens is still worth saying.
        let end_balance = |sim: &SimRef| {
            sim.traces
                .get(sim.scenario_tier())
                .map(|trace| trace.balance_at(sim.scenario.until))
        };
        if let (Some(base), Some(branch)) = (
            end_balance(&comparison.base),
            end_balance(&comparison.branch),
        ) {
            if base != branch {
                text.push_str(sentence_gap(lang));
                text.push_str(&trf(
                    lang,
                    "Only the balance differs: at the end, {0} in the current scenario, {1} in the what-if.",
                    &[&money(lang, base), &money(lang, branch)],
                ));
            }
        }
        return text;
    };
    let mut text = trf(
        lang,
        "First divergence at {0}: {1}, tier {2}. Current: {3}. What-if (tier {4}): {5}.",
        &[
            &second(lang, d.at),
            &d.resource_id,
            &d.base.tier,
            &happening_text(lang, &d.base),
            &d.branch.tier,
            &happening_text(lang, &d.branch),
        ],
    );
    if d.base.balance != d.branch.balance {
        text.push_str(sentence_gap(lang));
        text.push_str(&trf(
            lang,
            "Balance then: {0} in the current scenario, {1} in the what-if.",
            &[&money(lang, d.base.balance), &money(lang, d.branch.balance)],
        ));
    }
    // A reminder alone is a slight difference: say what follows from it.
    if let Some(then) = &d.then {
        text.push_str(sentence_gap(lang));
        text.push_str(&trf(
            lang,
            "Then at {0}: current: {1}. What-if: {2}.",
            &[
                &second(lang, then.at),
                &happening_text(lang, &then.base),
                &happening_text(lang, &then.branch),
            ],
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::scenarios;

    #[test]
    fn a_reminder_alone_is_followed_by_what_it_leads_to() {
        let state = compare(
            &opened("renewed-in-retention"),
            ChangeForm {
                change: Change::Tier,
                tier: "V0".to_string(),
                ..ChangeForm::default()
            },
        );
        let result = state.what_if.result.clone().expect("a comparison");
        let text = divergence_text(Lang::En, &result);
        assert!(
            text.contains(
                "Then at 2026-04-11 00:00:00: current: nothing happens, it stays frozen \
                 (retention period). What-if: it becomes released (data deleted)."
            ),
            "{text}"
        );
    }
    use crate::ui::state::{Action, AppState};

    fn opened(slug: &str) -> AppState {
        let doc = scenarios::entry(slug).expect("slug").doc().expect("parses");
        AppState::first_visit().apply(Action::Load(doc))
    }

    fn compare(state: &AppState, form: ChangeForm) -> AppState {
        state.apply(Action::WhatIf(WhatIfAction::Compare {
            form,
            lang: Lang::En,
        }))
    }

    #[test]
    fn comparing_announces_the_divergence_and_keeps_the_scenario() {
        let state = opened("auto-renew-low-balance");
        let compared = compare(&state, ChangeForm::default());
        assert_eq!(compared.doc, state.doc, "the current work is untouched");
        assert!(!compared.can_undo());
        let result = compared
            .what_if
            .current(&compared.doc)
            .expect("a comparison");
        let first = result.first.as_ref().expect("diverges");
        assert_eq!(second(Lang::En, first.at), "2026-04-01 03:00:00");
        assert_eq!(
            compared.announcement.en(),
            "First divergence at 2026-04-01 03:00:00: ocr, tier V3. Current: auto-renew fails: \
             balance 20.00 is below the price 30.00. What-if (tier V3): auto-renew pays 30.00; \
             renewed automatically for 1 month, valid through 2026-05-08 23:59:59. Balance then: \
             20.00 in the current scenario, 10.00 in the what-if."
        );
        // Chinese sentences follow one another without a space.
        let zh = divergence_text(Lang::ZhCn, result);
        assert!(zh.contains("。当时余额"), "{zh}");
        assert!(!zh.contains("。 "), "{zh}");
        // Six tiers, one resource: every lane compared, every one diverging at that instant.
        assert_eq!(result.pairs.len(), 6);
        assert_eq!(result.divergences.len(), 6);
    }

    #[test]
    fn translations_are_used_for_the_sentence() {
        let state = opened("renewed-in-retention");
        let form = ChangeForm {
            change: Change::Tier,
            tier: "V3".to_string(),
            ..ChangeForm::default()
        };
        let compared = compare(&state, form);
        let result = compared
            .what_if
            .current(&compared.doc)
            .expect("a comparison");
        let zh = divergence_text(Lang::ZhCn, result);
        assert!(zh.contains("2026/04/10 00:00:00"), "{zh}");
        assert!(!zh.contains("First divergence"), "{zh}");
        let pt = divergence_text(Lang::PtBr, result);
        assert!(!pt.contains("nothing happens"), "{pt}");
        // The announcement is kept in every language: switching after it says it in the new one.
        assert_eq!(compared.announcement.get(Lang::ZhCn), zh);
        assert_eq!(compared.announcement.get(Lang::PtBr), pt);
    }

    #[test]
    fn a_refused_change_says_why_and_shows_nothing() {
        let state = opened("auto-renew-low-balance");
        let cases = [
            (
                ChangeForm {
                    amount: "abc".to_string(),
                    ..ChangeForm::default()
                },
                "Extra top-up: \"abc\" is not an amount",
            ),
            (
                ChangeForm {
                    amount: "99999999999999".to_string(),
                    ..ChangeForm::default()
                },
                "is more than the maximum",
            ),
            (
                ChangeForm {
                    amount: "0".to_string(),
                    ..ChangeForm::default()
                },
                "Extra top-up: enter an amount above 0",
            ),
            (
                ChangeForm {
                    change: Change::AutoRenewOn,
                    resource: "ocr".to_string(),
                    ..ChangeForm::default()
                },
                "Auto-renew is already on for ocr",
            ),
            (
                ChangeForm {
                    change: Change::RenewLater,
                    ..ChangeForm::default()
                },
                "no renewal to delay",
            ),
            (
                ChangeForm {
                    change: Change::RenewLater,
                    action: "0".to_string(),
                    ..ChangeForm::default()
                },
                "no renewal to delay",
            ),
        ];
        for (form, expected) in cases {
            let refused = compare(&state, form.clone());
            assert_eq!(refused.doc, state.doc);
            assert!(refused.what_if.result.is_none(), "{form:?}");
            assert!(
                refused.announcement.en().contains(expected),
                "{form:?}: {}",
                refused.announcement.en()
            );
        }
        // Auto-renew on where every resource is pay-per-use: nothing to choose, and said so.
        let arrears = opened("pay-per-use-arrears");
        let form = ChangeForm {
            change: Change::AutoRenewOn,
            ..ChangeForm::default()
        };
        let refused = compare(&arrears, form);
        assert!(
            refused
                .announcement
                .en()
                .starts_with("This scenario has no package to switch auto-renew on for"),
            "{}",
            refused.announcement.en()
        );
        // With a package, an unknown id still asks for a choice.
        let unknown = ChangeForm {
            change: Change::AutoRenewOn,
            resource: "nope".to_string(),
            ..ChangeForm::default()
        };
        let refused = compare(&state, unknown);
        assert!(refused.announcement.en().starts_with("Choose a package"));
        // A renewal delayed past the run's end names the field to change, and what to do.
        let late = ChangeForm {
            change: Change::RenewLater,
            action: "0".to_string(),
            days: "19".to_string(),
            ..ChangeForm::default()
        };
        let refused = compare(&opened("renewed-in-retention"), late);
        assert_eq!(
            refused.announcement.en(),
            "Days later: the renewal would come at 2026-05-01 09:00:00, after the scenario ends; \
             choose fewer days."
        );
    }

    #[test]
    fn adopting_replaces_the_scenario_and_undo_brings_it_back() {
        let state = opened("renewed-in-retention");
        let form = ChangeForm {
            change: Change::RenewLater,
            action: "0".to_string(),
            ..ChangeForm::default()
        };
        let compared = compare(&state, form);
        let adopted = compared.apply(Action::WhatIf(WhatIfAction::Adopt));
        assert_eq!(adopted.doc.actions[0].at, "2026-04-13T09:00:00");
        assert!(adopted.what_if.result.is_none());
        assert!(adopted.announcement.en().starts_with("Adopted the what-if"));
        assert_eq!(adopted.apply(Action::Undo).doc, state.doc);
    }

    #[test]
    fn an_edit_makes_the_comparison_stale_and_dismiss_closes_it() {
        let state = opened("auto-renew-low-balance");
        let compared = compare(&state, ChangeForm::default());
        let mut doc = (*compared.doc).clone();
        doc.balance = Some(crate::engine::doc::AmountDoc::text("25.00"));
        let edited = compared.apply(Action::Edit(doc));
        assert!(edited.what_if.current(&edited.doc).is_none());
        // Adopting a stale comparison changes nothing.
        let adopted = edited.apply(Action::WhatIf(WhatIfAction::Adopt));
        assert_eq!(adopted.doc, edited.doc);
        let dismissed = compared.apply(Action::WhatIf(WhatIfAction::Dismiss));
        assert!(dismissed.what_if.result.is_none());
    }

    #[test]
    fn no_divergence_still_says_when_only_the_balance_differs() {
        // The renewal is refused for its term whatever the balance: nothing else changes.
        let state = opened("renewal-too-short");
        let compared = compare(&state, ChangeForm::default());
        let result = compared
            .what_if
            .current(&compared.doc)
            .expect("a comparison");
        assert!(result.first.is_none());
        let text = divergence_text(Lang::En, result);
        assert!(text.starts_with("No divergence"), "{text}");
        let (base, branch) = result.sides();
        let end = |side: crate::what_if::Side, tier: &str| {
            let trace = side.traces.iter().find(|t| t.tier == tier).expect("tier");
            money(Lang::En, trace.balance_at(side.scenario.until))
        };
        let tier = &result.base.scenario.tier;
        assert!(
            text.ends_with(&format!(
                "Only the balance differs: at the end, {} in the current scenario, {} in the what-if.",
                end(base, tier),
                end(branch, tier)
            )),
            "{text}"
        );
    }
}
