//! Labelled fields with their problems right after them, linked by `aria-describedby`.

use super::edit::Edit;
use super::held::{HeldTexts, Slot};
use crate::engine::{FieldError, Term};
use crate::ui::components::choice::choice;
use crate::ui::i18n::{errors, explain, tr, trf, Lang};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The DOM id of the element `key` in the editor whose ids start `id_prefix`.
pub fn element_id(id_prefix: &str, key: &str) -> String {
    format!("{id_prefix}-{key}")
}

/// Every term the engine accepts, as (value, words in `lang`).
pub fn term_options(lang: Lang) -> Vec<(String, String)> {
    let months = (1..=11).map(Term::Months);
    let years = (1..=5).map(Term::Years);
    months
        .chain(years)
        .map(|term| (term.to_string(), explain::term(lang, term)))
        .collect()
}

/// What a text field holds and how it is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// Free text.
    Plain,
    /// An amount such as `30.50`.
    Amount,
    /// A whole number.
    Whole,
    /// A local date and time, to the second.
    DateTime,
}

/// A field's label, the JSON path it edits and any other paths whose problems it shows.
pub struct Field {
    /// Unique within the editor; the DOM id is built from it.
    pub key: String,
    /// The visible (or, in tables, visually hidden) label.
    pub label: String,
    /// The JSON path of the value.
    pub path: String,
    /// Paths of enclosing values whose problems belong beside this field.
    pub also: Vec<String>,
    /// Whether the label is only for assistive technology (a table column names it; narrow
    /// screens, where the table becomes cards, show it).
    pub label_hidden: bool,
}

impl Field {
    /// A field with a visible label.
    pub fn new(key: impl Into<String>, label: impl Into<String>, path: impl Into<String>) -> Self {
        Field {
            key: key.into(),
            label: label.into(),
            path: path.into(),
            also: Vec::new(),
            label_hidden: false,
        }
    }

    /// Also shows the problems of `path` here.
    pub fn also(mut self, path: impl Into<String>) -> Self {
        self.also.push(path.into());
        self
    }

    /// Keeps the label for assistive technology only.
    pub fn label_hidden(mut self) -> Self {
        self.label_hidden = true;
        self
    }
}

/// Builds the edit a field's new text (or choice) makes.
pub type ToEdit<T> = Rc<dyn Fn(T) -> Edit>;

/// The control of a field.
pub enum Control {
    /// A text input.
    Text {
        /// The document's value.
        value: String,
        /// How it is typed.
        kind: TextKind,
        /// Shown while empty (what empty means).
        placeholder: Option<&'static str>,
        /// Where text that cannot go into the document is kept.
        slot: Option<Slot>,
        /// The edit for a new text.
        edit: ToEdit<String>,
    },
    /// A select.
    Select {
        /// The document's value.
        value: String,
        /// (value, words) of each option.
        options: Vec<(String, String)>,
        /// The edit for a new choice.
        edit: ToEdit<String>,
    },
    /// A checkbox.
    Check {
        /// Whether it is ticked.
        checked: bool,
        /// The edit for a new state.
        edit: ToEdit<bool>,
    },
}

/// Everything a render of the editor (or of one of its rows) needs: ids, problems, held texts,
/// the dispatcher. It remembers which paths got a field, so the rest can go in the summary.
/// Problems and placed paths are a few dozen at most: plain lists, searched in order.
pub struct Form<'a> {
    /// The language the form is shown in.
    pub lang: Lang,
    id_prefix: &'a str,
    errors: &'a [FieldError],
    placed: RefCell<Vec<String>>,
    held: &'a HeldTexts,
    dispatch: &'a Callback<Edit>,
}

/// One problem shown beside a field.
struct Problem<'p> {
    path: &'p str,
    message: &'p str,
}

impl<'a> Form<'a> {
    /// A form over `errors`, with DOM ids starting `id_prefix`.
    pub fn new(
        lang: Lang,
        id_prefix: &'a str,
        errors: &'a [FieldError],
        held: &'a HeldTexts,
        dispatch: &'a Callback<Edit>,
    ) -> Self {
        Form {
            lang,
            id_prefix,
            errors,
            placed: RefCell::default(),
            held,
            dispatch,
        }
    }

    /// The DOM id for `key`.
    pub fn id(&self, key: &str) -> String {
        element_id(self.id_prefix, key)
    }

    /// A callback dispatching the edit `edit` makes (for buttons; a constructor rather than an
    /// edit to clone, so no clone of `Edit` is compiled in).
    pub fn on_click(&self, edit: impl Fn() -> Edit + 'static) -> Callback<MouseEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_| dispatch.emit(edit()))
    }

    /// Whether the problems at `path` have been shown beside a field.
    pub fn is_placed(&self, path: &str) -> bool {
        self.placed.borrow().iter().any(|placed| placed == path)
    }

    /// Every path shown beside a field so far.
    #[cfg(test)]
    pub fn placed(&self) -> Vec<String> {
        self.placed.borrow().clone()
    }

    /// The problems at `paths` (held text first), marking the paths as shown. A field holding
    /// text shows only that text's problem at its own path: the document's errors there are about
    /// the value it had before, which the field no longer shows.
    fn problems<'p>(&'p self, paths: &[&'p str], held: Option<Problem<'p>>) -> Vec<Problem<'p>> {
        let held_path = held.as_ref().map(|h| h.path);
        let mut problems: Vec<Problem> = held.into_iter().collect();
        for &path in paths {
            if !self.is_placed(path) {
                self.placed.borrow_mut().push(path.to_string());
            }
            if held_path == Some(path) {
                continue;
            }
            problems.extend(
                self.errors
                    .iter()
                    .filter(|error| error.path == path)
                    .map(|error| Problem {
                        path,
                        message: &error.message,
                    }),
            );
        }
        problems
    }

    /// The problems at `path` as a block of their own (for a group such as a table), and the
    /// `aria-describedby` value for the control they concern.
    pub fn group_problems(&self, key: &str, path: &str) -> (Html, Option<AttrValue>) {
        let id = self.id(key);
        let problems = self.problems(&[path], None);
        (
            render_problems(self.lang, &id, &problems),
            described_by(&id, &problems),
        )
    }

    /// A labelled field; its problems follow the control.
    pub fn field(&self, field: Field, control: Control) -> Html {
        let id = self.id(&field.key);
        let held = match &control {
            Control::Text {
                slot: Some(slot), ..
            } => self.held.get(*slot),
            _ => None,
        };
        let mut paths: Vec<&str> = vec![field.path.as_str()];
        paths.extend(field.also.iter().map(String::as_str));
        let problems = self.problems(
            &paths,
            held.map(|h| Problem {
                path: &field.path,
                message: &h.message,
            }),
        );
        let invalid = (!problems.is_empty()).then_some(AttrValue::Static("true"));
        let describedby = described_by(&id, &problems);
        let problems = render_problems(self.lang, &id, &problems);
        let label_class = field.label_hidden.then_some("label-for-screen-readers");
        let label = html! { <label for={id.clone()} class={label_class}>{ field.label }</label> };
        // The box's class, the control, and whether the label follows it (checkboxes).
        let (class, control, label_after) = match control {
            Control::Text {
                value,
                kind,
                placeholder,
                edit,
                ..
            } => {
                // An amount is shown as the language writes it (30,50 in pt-BR), held text as typed.
                // While it is typed in, the text stays as typed whenever it reads as the document's
                // amount: rewritten at each key, a pt-BR "1." on the way to "1.234,50" became "1,".
                let value = match (held, kind) {
                    (Some(held), _) => held.text.clone(),
                    (None, TextKind::Amount) => match crate::ui::browser::focused_text(&id) {
                        Some(typed)
                            if crate::ui::i18n::format::typed_amount(self.lang, &typed)
                                == value =>
                        {
                            typed
                        }
                        _ => crate::ui::i18n::format::shown_amount(self.lang, &value),
                    },
                    (None, _) => value,
                };
                let (input_type, input_mode, step) = match kind {
                    TextKind::Plain => ("text", None, None),
                    TextKind::Amount => ("text", Some("decimal"), None),
                    TextKind::Whole => ("text", Some("numeric"), None),
                    TextKind::DateTime => ("datetime-local", None, Some("1")),
                };
                let dispatch = self.dispatch.clone();
                let lang = self.lang;
                let oninput = Callback::from(move |e: InputEvent| {
                    if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                        let text = input.value();
                        // An amount goes into the document in the format's notation.
                        let text = match kind {
                            TextKind::Amount => crate::ui::i18n::format::typed_amount(lang, &text),
                            _ => text,
                        };
                        dispatch.emit(edit(text));
                    }
                });
                let class = if kind == TextKind::Whole {
                    "field field-short"
                } else {
                    "field"
                };
                let input = html! {
                    <input id={id} type={input_type} inputmode={input_mode} step={step}
                        value={value} placeholder={placeholder} spellcheck="false"
                        autocomplete="off" aria-invalid={invalid}
                        aria-describedby={describedby} {oninput} />
                };
                (class, input, false)
            }
            Control::Select {
                value,
                options,
                edit,
            } => {
                let dispatch = self.dispatch.clone();
                let onchange = Callback::from(move |e: Event| {
                    if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                        dispatch.emit(edit(select.value()));
                    }
                });
                let options = with_current(self.lang, options, &value);
                let select = html! {
                    <select id={id} aria-invalid={invalid} aria-describedby={describedby}
                        {onchange}>
                        // (Keyed: after an Undo and a Redo back to a pick, the first option showed.)
                        { for options.into_iter().map(|(option, words)| {
                            let selected = option == value;
                            choice(option, selected, html! { words })
                        }) }
                    </select>
                };
                ("field", select, false)
            }
            Control::Check { checked, edit } => {
                let dispatch = self.dispatch.clone();
                let onchange = Callback::from(move |e: Event| {
                    if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                        dispatch.emit(edit(input.checked()));
                    }
                });
                let input = html! {
                    <input id={id} type="checkbox" {checked} aria-invalid={invalid}
                        aria-describedby={describedby} {onchange} />
                };
                ("field field-check", input, true)
            }
        };
        let (before, after) = if label_after {
            (None, Some(label))
        } else {
            (Some(label), None)
        };
        html! { <div {class}>{ before }{ control }{ after }{ problems }</div> }
    }
}

/// `options`, with the current value first when it is not among them (so an unknown value from
/// a file stays visible, beside its error, instead of silently showing another option).
pub fn with_current(
    lang: Lang,
    mut options: Vec<(String, String)>,
    current: &str,
) -> Vec<(String, String)> {
    // One option per value: a tier being renamed may share its name with another for a moment,
    // and a select's options are keyed by their value.
    let mut seen: Vec<String> = Vec::with_capacity(options.len());
    options.retain(|(value, _)| {
        let first = !seen.contains(value);
        if first {
            seen.push(value.clone());
        }
        first
    });
    if !options.iter().any(|(value, _)| value == current) {
        let words = if current.is_empty() {
            tr(lang, "— choose —").to_string()
        } else {
            trf(lang, "{0} (not valid)", &[current])
        };
        options.insert(0, (current.to_string(), words));
    }
    options
}

fn problem_id(field_id: &str, n: usize) -> String {
    format!("{field_id}-problem-{n}")
}

fn described_by(field_id: &str, problems: &[Problem]) -> Option<AttrValue> {
    let ids: Vec<String> = (0..problems.len())
        .map(|n| problem_id(field_id, n))
        .collect();
    (!ids.is_empty()).then(|| AttrValue::from(ids.join(" ")))
}

/// The problems in `lang`: the engine's and the form's own phrasings translated, values kept.
fn render_problems(lang: Lang, field_id: &str, problems: &[Problem]) -> Html {
    problems
        .iter()
        .enumerate()
        .map(|(n, problem)| {
            html! {
                <p class="field-error" data-testid="field-error" data-path={problem.path.to_string()}
                    id={problem_id(field_id, n)}>{ errors::message(lang, problem.message) }</p>
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_every_term_the_engine_accepts() {
        let options = term_options(Lang::En);
        assert_eq!(options.len(), 16);
        for (value, _) in &options {
            assert!(crate::engine::Term::parse(value).is_ok(), "{value}");
        }
        assert_eq!(options[0].1, "1 month");
        assert_eq!(options[15], ("5y".to_string(), "5 years".to_string()));
    }

    #[test]
    fn an_unknown_current_value_stays_visible() {
        let options = vec![("a".to_string(), "A".to_string())];
        assert_eq!(with_current(Lang::En, options.clone(), "a"), options);
        assert_eq!(
            with_current(Lang::En, options.clone(), "13m")[0].1,
            "13m (not valid)"
        );
        assert_eq!(with_current(Lang::En, options, "")[0].1, "— choose —");
        // Two tiers of one name for a moment (one being renamed): one option, the first.
        let twice = ["V1", "V2", "V1"].map(|v| (v.to_string(), format!("tier {v}")));
        let once = with_current(Lang::En, twice.to_vec(), "V1");
        let values: Vec<&str> = once.iter().map(|(value, _)| value.as_str()).collect();
        assert_eq!(values, ["V1", "V2"]);
    }

    #[test]
    fn problems_are_found_by_exact_path_and_remembered_as_placed() {
        let errors = vec![
            FieldError::new("resources[1].term", "bad term"),
            FieldError::new("resources[10].term", "other"),
        ];
        let held = HeldTexts::default();
        let dispatch = Callback::noop();
        let form = Form::new(Lang::En, "ed", &errors, &held, &dispatch);
        let problems = form.problems(&["resources[1].term"], None);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, "bad term");
        assert!(form.is_placed("resources[1].term"));
        assert!(!form.is_placed("resources[10].term"));
        assert_eq!(described_by("f", &problems).as_deref(), Some("f-problem-0"));
        assert_eq!(described_by("f", &[]), None);
    }

    #[test]
    fn held_text_replaces_the_documents_problem_at_its_own_path_only() {
        // The field holds "-1"; the document still has the 366 typed before.
        let errors = vec![
            FieldError::new("policy.tiers.V3.package.grace_days", "366 is out of range"),
            FieldError::new("policy.tiers.V3", "another problem of the row"),
        ];
        let held = HeldTexts::default();
        let dispatch = Callback::noop();
        let form = Form::new(Lang::En, "ed", &errors, &held, &dispatch);
        let path = "policy.tiers.V3.package.grace_days";
        let typed = Problem {
            path,
            message: "-1 is out of range",
        };
        let problems = form.problems(&[path, "policy.tiers.V3"], Some(typed));
        let messages: Vec<&str> = problems.iter().map(|p| p.message).collect();
        assert_eq!(
            messages,
            ["-1 is out of range", "another problem of the row"]
        );
        assert!(
            form.is_placed(path),
            "the stale problem is not listed elsewhere either"
        );
    }
}
