//! Text a field holds that cannot go into the document yet (half-typed numbers, dates or tier
//! names), kept in the form beside the field with the reason, until it becomes valid.

use super::edit::{ActionEdit, Edit, ResourceEdit, TierPeriod};
use super::row::List;
use crate::engine::doc::{ActionVerb, PolicyDoc};
use crate::engine::{BillingMode, ScenarioDoc};
use std::rc::Rc;
use yew::Reducible;

/// A field whose text may be held back from the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The scenario's end.
    Until,
    /// A tier row's name.
    TierName(usize),
    /// One day count of a tier row.
    TierDays(usize, TierPeriod),
    /// A resource's start.
    ResourceStart(usize),
    /// A package's auto-renew days before.
    ResourceDaysBefore(usize),
    /// A package's auto-renew count.
    ResourceTimes(usize),
    /// An action's time.
    ActionAt(usize),
    /// A set_auto_renew's days before.
    ActionDaysBefore(usize),
    /// A set_auto_renew's count.
    ActionTimes(usize),
}

/// The list an element was removed from, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Removal {
    Tier(usize),
    Resource(usize),
    Action(usize),
}

impl Slot {
    /// The slot `edit` writes and the text it writes there, for edits whose text may be held.
    pub fn of(edit: &Edit) -> Option<(Slot, &str)> {
        Some(match edit {
            Edit::Until(text) => (Slot::Until, text),
            Edit::TierName { row, text } => (Slot::TierName(*row), text),
            Edit::TierDays { row, period, text } => (Slot::TierDays(*row, *period), text),
            Edit::Resource { index, edit } => match edit {
                ResourceEdit::Start(text) => (Slot::ResourceStart(*index), text),
                ResourceEdit::DaysBefore(text) => (Slot::ResourceDaysBefore(*index), text),
                ResourceEdit::Times(text) => (Slot::ResourceTimes(*index), text),
                _ => return None,
            },
            Edit::Action { index, edit } => match edit {
                ActionEdit::At(text) => (Slot::ActionAt(*index), text),
                ActionEdit::DaysBefore(text) => (Slot::ActionDaysBefore(*index), text),
                ActionEdit::Times(text) => (Slot::ActionTimes(*index), text),
                _ => return None,
            },
            _ => return None,
        })
    }

    /// The row of a list this slot's field is in, if any.
    fn row(self) -> Option<(List, usize)> {
        match self {
            Slot::ResourceStart(i) | Slot::ResourceDaysBefore(i) | Slot::ResourceTimes(i) => {
                Some((List::Resources, i))
            }
            Slot::ActionAt(i) | Slot::ActionDaysBefore(i) | Slot::ActionTimes(i) => {
                Some((List::Actions, i))
            }
            Slot::Until | Slot::TierName(_) | Slot::TierDays(..) => None,
        }
    }

    /// This slot once `removal` has happened: gone if its element was removed, else re-indexed.
    fn after(self, removal: Removal) -> Option<Slot> {
        let shift = |index: usize, removed: usize| match index.cmp(&removed) {
            std::cmp::Ordering::Less => Some(index),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(index - 1),
        };
        match (self, removal) {
            (Slot::TierName(i), Removal::Tier(r)) => shift(i, r).map(Slot::TierName),
            (Slot::TierDays(i, p), Removal::Tier(r)) => shift(i, r).map(|i| Slot::TierDays(i, p)),
            (Slot::ResourceStart(i), Removal::Resource(r)) => shift(i, r).map(Slot::ResourceStart),
            (Slot::ResourceDaysBefore(i), Removal::Resource(r)) => {
                shift(i, r).map(Slot::ResourceDaysBefore)
            }
            (Slot::ResourceTimes(i), Removal::Resource(r)) => shift(i, r).map(Slot::ResourceTimes),
            (Slot::ActionAt(i), Removal::Action(r)) => shift(i, r).map(Slot::ActionAt),
            (Slot::ActionDaysBefore(i), Removal::Action(r)) => {
                shift(i, r).map(Slot::ActionDaysBefore)
            }
            (Slot::ActionTimes(i), Removal::Action(r)) => shift(i, r).map(Slot::ActionTimes),
            (slot, _) => Some(slot),
        }
    }

    /// Whether the form shows this slot's field for `doc`.
    fn is_shown(self, doc: &ScenarioDoc) -> bool {
        let tier_rows = match &doc.policy {
            Some(PolicyDoc::Custom(custom)) => custom.tiers.0.len(),
            _ => 0,
        };
        let is_package =
            |i: usize| doc.resources.get(i).map(|r| r.billing) == Some(BillingMode::Package);
        let sets_auto_renew =
            |i: usize| doc.actions.get(i).map(|a| a.verb) == Some(ActionVerb::SetAutoRenew);
        match self {
            Slot::Until => true,
            Slot::TierName(row) | Slot::TierDays(row, _) => row < tier_rows,
            Slot::ResourceStart(i) => i < doc.resources.len(),
            Slot::ResourceDaysBefore(i) | Slot::ResourceTimes(i) => is_package(i),
            Slot::ActionAt(i) => i < doc.actions.len(),
            Slot::ActionDaysBefore(i) | Slot::ActionTimes(i) => sets_auto_renew(i),
        }
    }
}

fn removal(edit: &Edit) -> Option<Removal> {
    match edit {
        Edit::RemoveTier(row) => Some(Removal::Tier(*row)),
        Edit::RemoveResource(index) => Some(Removal::Resource(*index)),
        Edit::RemoveAction(index) => Some(Removal::Action(*index)),
        _ => None,
    }
}

/// Text held in one field, and why it is not in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    /// What the field holds.
    pub text: String,
    /// Why it cannot go into the document.
    pub message: String,
}

/// Every held field's text (a few at most, so a list), shared: a copy costs nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeldTexts(Rc<Vec<(Slot, Held)>>);

/// What happened to the form's held texts.
#[derive(Clone, Debug, PartialEq)]
pub enum HeldAction {
    /// A field's text could not go into the document.
    Hold(Slot, Held),
    /// `edit` went into the document, giving `doc`.
    Applied(Edit, Rc<ScenarioDoc>),
    /// The document was replaced from outside the form (undo, import, gallery).
    Forget,
}

impl HeldTexts {
    /// The text held in `slot`, if any.
    pub fn get(&self, slot: Slot) -> Option<&Held> {
        self.0
            .iter()
            .find(|(s, _)| *s == slot)
            .map(|(_, held)| held)
    }

    /// The held texts of element `index` of `list`.
    pub fn in_row(&self, list: List, index: usize) -> impl Iterator<Item = &(Slot, Held)> {
        self.0
            .iter()
            .filter(move |(slot, _)| slot.row() == Some((list, index)))
    }

    /// How many fields hold text.
    pub fn count(&self) -> usize {
        self.0.len()
    }
}

impl Reducible for HeldTexts {
    type Action = HeldAction;

    fn reduce(self: Rc<Self>, action: HeldAction) -> Rc<Self> {
        let mut held = (*self.0).clone();
        match action {
            HeldAction::Hold(slot, text) => match held.iter_mut().find(|(s, _)| *s == slot) {
                Some(entry) => entry.1 = text,
                None => held.push((slot, text)),
            },
            HeldAction::Applied(edit, doc) => {
                if let Some((slot, _)) = Slot::of(&edit) {
                    held.retain(|(s, _)| *s != slot);
                }
                if let Some(removal) = removal(&edit) {
                    held = held
                        .into_iter()
                        .filter_map(|(slot, text)| slot.after(removal).map(|s| (s, text)))
                        .collect();
                }
                held.retain(|(slot, _)| slot.is_shown(&doc));
            }
            HeldAction::Forget => held.clear(),
        }
        if held == *self.0 {
            self
        } else {
            Rc::new(HeldTexts(Rc::new(held)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::components::editor::edit::apply;

    fn doc() -> ScenarioDoc {
        ScenarioDoc::from_json(
            r#"{ "format": "renewal-lab/1", "tier": "V0", "until": "2026-06-01T00:00:00",
                 "resources": [
                   { "id": "a", "billing": "package", "start": "2026-01-01T00:00:00", "term": "1m",
                     "prices": { "month": "1", "year": "10" } },
                   { "id": "b", "billing": "package", "start": "2026-01-01T00:00:00", "term": "1m",
                     "prices": { "month": "1", "year": "10" } },
                   { "id": "c", "billing": "package", "start": "2026-01-01T00:00:00", "term": "1m",
                     "prices": { "month": "1", "year": "10" } } ] }"#,
        )
        .unwrap()
    }

    fn held(text: &str) -> Held {
        Held {
            text: text.into(),
            message: "not a whole number".into(),
        }
    }

    fn hold(texts: Rc<HeldTexts>, slot: Slot, text: &str) -> Rc<HeldTexts> {
        texts.reduce(HeldAction::Hold(slot, held(text)))
    }

    fn applied(texts: Rc<HeldTexts>, doc: &ScenarioDoc, edit: Edit) -> Rc<HeldTexts> {
        let next = apply(doc, &edit).unwrap();
        texts.reduce(HeldAction::Applied(edit, Rc::new(next)))
    }

    #[test]
    fn held_text_follows_its_resource_when_an_earlier_one_is_removed() {
        let texts = hold(Rc::default(), Slot::ResourceDaysBefore(2), "3x");
        let texts = hold(texts, Slot::ResourceTimes(1), "y");
        let texts = applied(texts, &doc(), Edit::RemoveResource(1));
        assert_eq!(texts.count(), 1);
        assert_eq!(texts.get(Slot::ResourceDaysBefore(1)), Some(&held("3x")));
    }

    #[test]
    fn a_valid_edit_of_the_field_releases_its_text() {
        let texts = hold(Rc::default(), Slot::ResourceDaysBefore(0), "3x");
        let edit = Edit::Resource {
            index: 0,
            edit: ResourceEdit::DaysBefore("3".into()),
        };
        assert!(applied(texts, &doc(), edit).count() == 0);
    }

    #[test]
    fn fields_that_disappear_drop_their_text() {
        let texts = hold(Rc::default(), Slot::ResourceTimes(0), "x");
        let texts = hold(texts, Slot::Until, "");
        let edit = Edit::Resource {
            index: 0,
            edit: ResourceEdit::Billing("pay_per_use".into()),
        };
        let texts = applied(texts, &doc(), edit);
        assert_eq!(texts.count(), 1);
        assert!(texts.get(Slot::Until).is_some());
        assert!(texts.reduce(HeldAction::Forget).count() == 0);
    }

    #[test]
    fn only_fields_with_held_text_have_slots() {
        let name = Edit::Name("x".into());
        assert_eq!(Slot::of(&name), None);
        let at = Edit::Action {
            index: 4,
            edit: ActionEdit::At("".into()),
        };
        assert_eq!(Slot::of(&at), Some((Slot::ActionAt(4), "")));
    }
}
