//! What a row of the resources or actions list is rendered from. Each row is a component of its
//! own whose props compare only what the row shows, so an edit elsewhere re-renders (and diffs)
//! none of the rows it did not change.

use super::edit::Edit;
use super::form::Form;
use super::held::HeldTexts;
use crate::engine::doc::ActionVerb;
use crate::engine::{FieldError, ScenarioDoc};
use crate::ui::i18n::format::count_of;
use crate::ui::i18n::{fill, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// The most rows a list of the editor shows: a file may hold thousands of actions (or, broken,
/// thousands of resources), and a row has dozens of elements. The rest run as the file has them;
/// their problems, if any, are listed above the form.
pub const MAX_ROWS: usize = 100;

/// The note under a list of `len` elements that shows only its first [`MAX_ROWS`]; `say` (already
/// in `lang`) words it from the two counts. Nothing when every element is shown.
pub fn rows_not_shown(lang: Lang, len: usize, say: &str) -> Option<Html> {
    (len > MAX_ROWS).then(|| {
        html! {
            <p class="editor-note" data-testid="rows-not-shown">
                { fill(say, &[&count_of(lang, MAX_ROWS), &count_of(lang, len)]) }
            </p>
        }
    })
}
/// A list of the document whose elements the form shows as rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    /// `resources[i]`.
    Resources,
    /// `actions[i]`.
    Actions,
}

/// The element index and the rest of `path` when it lies inside `list`:
/// `actions[3].term` → `(3, "term")`, `actions[3]` → `(3, "")`.
pub fn in_list(path: &str, list: List) -> Option<(usize, &str)> {
    let name = match list {
        List::Resources => "resources[",
        List::Actions => "actions[",
    };
    let (index, rest) = path.strip_prefix(name)?.split_once(']')?;
    let rest = match rest {
        "" => "",
        rest => rest.strip_prefix('.')?,
    };
    Some((index.parse().ok()?, rest))
}

/// Whether a row of `list` shows the problems at `path` beside one of its fields, given the
/// fields (paths below the element) the row at an index shows, `None` past the list's end.
pub fn row_shows(
    path: &str,
    list: List,
    fields_at: impl Fn(usize) -> Option<&'static [&'static str]>,
) -> bool {
    in_list(path, list)
        .is_some_and(|(index, field)| fields_at(index).is_some_and(|f| f.contains(&field)))
}

/// Props of one row: the whole document and problem list (shared, not copied) and the row's
/// place; equal when everything the row shows is equal.
#[derive(Properties, Clone)]
pub struct RowProps {
    /// The list the row belongs to.
    pub list: List,
    /// The element's index in that list.
    pub index: usize,
    /// The document being edited.
    pub doc: Rc<ScenarioDoc>,
    /// Every problem of `doc`.
    pub errors: Rc<Vec<FieldError>>,
    /// Every field's held text.
    pub held: HeldTexts,
    /// The language the form is shown in.
    pub lang: Lang,
    /// The start of the editor's DOM ids.
    pub id_prefix: Rc<String>,
    /// Applies an edit.
    pub dispatch: Callback<Edit>,
}

impl RowProps {
    /// The props of element `index` of `list`.
    pub fn row(&self, list: List, index: usize) -> Self {
        RowProps {
            list,
            index,
            ..self.clone()
        }
    }

    /// The form the row's fields are built with.
    pub fn form(&self) -> Form<'_> {
        Form::new(
            self.lang,
            &self.id_prefix,
            &self.errors,
            &self.held,
            &self.dispatch,
        )
    }

    /// The problems inside this row's element.
    fn row_errors(&self) -> impl Iterator<Item = &FieldError> {
        self.errors
            .iter()
            .filter(|e| in_list(&e.path, self.list).is_some_and(|(i, _)| i == self.index))
    }

    /// Whether the row shows the same element (and, for an action naming a resource, the same
    /// choice of resources).
    fn same_element(&self, other: &Self) -> bool {
        if Rc::ptr_eq(&self.doc, &other.doc) {
            return true;
        }
        let (a, b) = (&*self.doc, &*other.doc);
        match self.list {
            List::Resources => a.resources.get(self.index) == b.resources.get(self.index),
            List::Actions => {
                let action = a.actions.get(self.index);
                action == b.actions.get(self.index)
                    && (action.is_none_or(|a| a.verb == ActionVerb::TopUp)
                        || a.resources
                            .iter()
                            .map(|r| &r.id)
                            .eq(b.resources.iter().map(|r| &r.id)))
            }
        }
    }
}

impl PartialEq for RowProps {
    fn eq(&self, other: &Self) -> bool {
        self.list == other.list
            && self.index == other.index
            && self.lang == other.lang
            && self.id_prefix == other.id_prefix
            && self.dispatch == other.dispatch
            && self.same_element(other)
            && (Rc::ptr_eq(&self.errors, &other.errors) || self.row_errors().eq(other.row_errors()))
            && self
                .held
                .in_row(self.list, self.index)
                .eq(other.held.in_row(self.list, self.index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_inside_a_list_give_the_index_and_the_field() {
        assert_eq!(in_list("actions[3].term", List::Actions), Some((3, "term")));
        assert_eq!(in_list("actions[12]", List::Actions), Some((12, "")));
        assert_eq!(
            in_list("resources[0].prices.month", List::Resources),
            Some((0, "prices.month"))
        );
        assert_eq!(in_list("resources[0].id", List::Actions), None);
        assert_eq!(in_list("resources", List::Resources), None);
        assert_eq!(in_list("actions[x].at", List::Actions), None);
        assert_eq!(in_list("actions[1]at", List::Actions), None);
    }
}
