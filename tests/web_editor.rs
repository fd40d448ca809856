//! Browser tests of the scenario editor: edits reach `on_change` as whole documents, and every
//! problem sits right after the field it names.
#![cfg(target_arch = "wasm32")]

use renewal_lab::engine::doc::{ActionDoc, ActionVerb, AmountDoc};
use renewal_lab::engine::{BillingMode, FieldError, Scenario, ScenarioDoc};
use renewal_lab::ui::components::editor::{Editor, EditorProps};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const SCENARIO: &str = r#"{
  "format": "renewal-lab/1",
  "name": "Editor test",
  "tier": "V3",
  "balance": "40.00",
  "resources": [
    { "id": "ocr", "billing": "package", "start": "2026-03-08T15:29:16", "term": "1m",
      "prices": { "month": "30.00", "year": "300.00" },
      "auto_renew": { "enabled": true, "days_before": 7 } },
    { "id": "api", "billing": "pay_per_use", "start": "2026-03-10T00:00:00", "hourly_rate": "0.05" }
  ],
  "actions": [
    { "at": "2026-04-03T12:00:00", "do": "top_up", "amount": "50.00" }
  ],
  "until": "2027-03-08T00:00:00"
}"#;

fn scenario() -> ScenarioDoc {
    ScenarioDoc::from_json(SCENARIO).expect("the test scenario parses")
}

/// Every document the editor emitted, in order.
type Emitted = Rc<RefCell<Vec<ScenarioDoc>>>;

#[derive(Properties, PartialEq)]
struct HarnessProps {
    doc: ScenarioDoc,
    emitted: Emitted,
}

/// Plays the app's part: keeps the document, validates it and passes the problems back.
#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    let doc = use_state(|| Rc::new(props.doc.clone()));
    let errors = Rc::new(Scenario::from_doc(&doc).err().unwrap_or_default());
    // Stable, like the app's: the editor's rows are then rendered again only when they change.
    let on_change = {
        let emitted = props.emitted.clone();
        use_callback(doc.setter(), move |next: ScenarioDoc, doc| {
            emitted.borrow_mut().push(next.clone());
            doc.set(Rc::new(next));
        })
    };
    html! { <Editor doc={(*doc).clone()} {errors} {on_change} /> }
}

fn fresh_root() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

/// Renders the editor through the harness; returns the root and the emitted documents.
async fn mount_with_app(doc: ScenarioDoc) -> (Element, Emitted) {
    let root = fresh_root();
    let emitted = Emitted::default();
    let props = HarnessProps {
        doc,
        emitted: emitted.clone(),
    };
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (root, emitted)
}

/// Renders the editor alone with fixed props.
async fn mount_alone(doc: ScenarioDoc, errors: Vec<FieldError>) -> (Element, Emitted) {
    mount_editor(doc, errors, false).await
}

/// [`mount_alone`], `locked` by a workshop question or not.
async fn mount_editor(
    doc: ScenarioDoc,
    errors: Vec<FieldError>,
    locked: bool,
) -> (Element, Emitted) {
    let root = fresh_root();
    let emitted = Emitted::default();
    let on_change = {
        let emitted = emitted.clone();
        Callback::from(move |next: ScenarioDoc| emitted.borrow_mut().push(next))
    };
    let props = EditorProps {
        doc: Rc::new(doc),
        errors: Rc::new(errors),
        on_change,
        on_typing: None,
        locked,
    };
    yew::Renderer::<Editor>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (root, emitted)
}

fn all(scope: &Element, selector: &str) -> Vec<Element> {
    let list = scope
        .query_selector_all(selector)
        .expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

/// The control labelled exactly `label` inside `scope`.
fn labelled(scope: &Element, label: &str) -> Element {
    let labels: Vec<Element> = all(scope, "label")
        .into_iter()
        .filter(|l| text(l) == label)
        .collect();
    assert_eq!(labels.len(), 1, "one label {label:?}");
    let id = labels[0].get_attribute("for").expect("label has for");
    scope
        .query_selector(&format!("#{id}"))
        .expect("valid id")
        .expect("the labelled control exists")
}

fn button(scope: &Element, name: &str) -> HtmlElement {
    all(scope, "button")
        .into_iter()
        .find(|b| text(b) == name)
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        .unwrap_or_else(|| panic!("a button {name:?}"))
}

fn nth(scope: &Element, selector: &str, n: usize) -> Element {
    all(scope, selector)
        .into_iter()
        .nth(n)
        .unwrap_or_else(|| panic!("{selector} number {n}"))
}

/// Types `value` into an input the way a browser reports it: the value, then an input event.
async fn type_into(input: &Element, value: &str) {
    let input: &HtmlInputElement = input.dyn_ref().expect("an input");
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&event).expect("dispatched");
    yew::scheduler::flush().await;
}

async fn choose(select: &Element, value: &str) {
    let select: &HtmlSelectElement = select.dyn_ref().expect("a select");
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("change", &init).expect("event");
    select.dispatch_event(&event).expect("dispatched");
    yew::scheduler::flush().await;
}

async fn click(button: &HtmlElement) {
    button.click();
    yew::scheduler::flush().await;
}

/// The text of the element holding the keyboard focus.
fn focused_text() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|e| text(&e))
        .unwrap_or_default()
}

fn last(emitted: &Emitted) -> ScenarioDoc {
    emitted
        .borrow()
        .last()
        .cloned()
        .expect("on_change was called")
}

/// The problems right after `control`, as (data-path, text).
fn problems_after(control: &Element) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let mut next = control.next_element_sibling();
    while let Some(element) = next {
        if element.get_attribute("data-testid").as_deref() != Some("field-error") {
            break;
        }
        problems.push((
            element.get_attribute("data-path").unwrap_or_default(),
            text(&element),
        ));
        next = element.next_element_sibling();
    }
    problems
}

#[wasm_bindgen_test]
async fn typing_sends_the_whole_edited_document() {
    let (root, emitted) = mount_alone(scenario(), Vec::new()).await;
    type_into(&labelled(&root, "Opening balance"), "55.5").await;
    let mut expected = scenario();
    expected.balance = Some(AmountDoc::text("55.5"));
    assert_eq!(last(&emitted), expected);
}

#[wasm_bindgen_test]
async fn typed_changes_are_told_apart_and_say_when_they_type_on_in_one_field() {
    let changed = Emitted::default();
    let typed: Rc<RefCell<Vec<bool>>> = Rc::default();
    let root = fresh_root();
    let props = EditorProps {
        doc: Rc::new(scenario()),
        errors: Rc::default(),
        on_change: {
            let changed = changed.clone();
            Callback::from(move |next: ScenarioDoc| changed.borrow_mut().push(next))
        },
        on_typing: Some({
            let typed = typed.clone();
            Callback::from(move |(_, types_on): (ScenarioDoc, bool)| {
                typed.borrow_mut().push(types_on)
            })
        }),
        locked: false,
    };
    yew::Renderer::<Editor>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let balance = labelled(&root, "Opening balance");
    type_into(&balance, "5").await;
    type_into(&balance, "55").await;
    type_into(&balance, "55.5").await;
    // The first keystroke starts a run; the next two type on in the same field.
    assert_eq!(*typed.borrow(), [false, true, true]);
    // Another field starts another run.
    type_into(&labelled(&root, "Scenario name"), "Typed").await;
    assert_eq!(*typed.borrow(), [false, true, true, false]);
    // A choice is a change of its own.
    assert!(changed.borrow().is_empty());
    choose(&labelled(&root, "Tier"), "V1").await;
    assert_eq!(changed.borrow().len(), 1);
    assert_eq!(typed.borrow().len(), 4);
}

#[wasm_bindgen_test]
async fn a_locked_editor_disables_every_control_and_says_why() {
    let (root, _) = mount_editor(scenario(), Vec::new(), true).await;
    let controls = all(&root, "input, select, button");
    assert!(controls.len() > 10);
    for control in &controls {
        assert!(
            control.matches(":disabled").unwrap_or(false),
            "{}",
            control.outer_html()
        );
    }
    assert!(text(&root).contains("Locked during the exercise"));
    let (root, _) = mount_alone(scenario(), Vec::new()).await;
    assert!(all(&root, "input")
        .iter()
        .all(|i| !i.matches(":disabled").unwrap_or(true)));
}

#[wasm_bindgen_test]
async fn a_time_without_seconds_is_sent_with_them() {
    let (root, emitted) = mount_alone(scenario(), Vec::new()).await;
    type_into(&labelled(&root, "Until"), "2027-01-02T03:04").await;
    assert_eq!(last(&emitted).until, "2027-01-02T03:04:00");
    let until = labelled(&root, "Until");
    assert_eq!(until.get_attribute("step").as_deref(), Some("1"));
}

#[wasm_bindgen_test]
async fn a_problem_sits_right_after_its_field_and_describes_it() {
    let errors = vec![FieldError::new(
        "resources[0].term",
        "\"13m\" is not a term (1m..11m or 1y..5y)",
    )];
    let (root, _) = mount_alone(scenario(), errors).await;
    let package = nth(&root, "[data-testid=resource-editor]", 0);
    let term = labelled(&package, "Term");
    assert_eq!(
        problems_after(&term),
        [(
            "resources[0].term".to_string(),
            "\"13m\" is not a term (1m..11m or 1y..5y)".to_string()
        )]
    );
    assert_eq!(term.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error_id = term.get_attribute("aria-describedby").expect("described");
    let error = root
        .query_selector(&format!("#{error_id}"))
        .unwrap()
        .expect("the description exists");
    assert_eq!(
        error.get_attribute("data-path").as_deref(),
        Some("resources[0].term")
    );
    // Fields without problems are not marked.
    let start = labelled(&package, "Start");
    assert_eq!(start.get_attribute("aria-invalid"), None);
    assert_eq!(start.get_attribute("aria-describedby"), None);
    // Exactly one message on the page: nothing leaked into the summary.
    assert_eq!(all(&root, "[data-testid=field-error]").len(), 1);
}

#[wasm_bindgen_test]
async fn problems_without_a_field_go_in_the_summary_at_the_top() {
    let errors = vec![FieldError::new(
        "resources",
        "a scenario needs at least one resource",
    )];
    let (root, _) = mount_alone(scenario(), errors).await;
    let summary = root
        .query_selector(".editor-summary [data-testid=field-error][data-path=resources]")
        .unwrap()
        .expect("in the summary");
    assert!(text(&summary).contains("a scenario needs at least one resource"));
    let first_fieldset = nth(&root, "fieldset", 0);
    let order = summary.compare_document_position(&first_fieldset);
    assert_ne!(order & web_sys::Node::DOCUMENT_POSITION_FOLLOWING, 0);
}

#[wasm_bindgen_test]
async fn engine_problems_come_back_beside_the_field_that_caused_them() {
    let (root, emitted) = mount_with_app(scenario()).await;
    let package = nth(&root, "[data-testid=resource-editor]", 0);
    type_into(&labelled(&package, "ID"), "OCR!").await;
    assert_eq!(last(&emitted).resources[0].id, "OCR!");
    let id = labelled(&package, "ID");
    let problems = problems_after(&id);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].0, "resources[0].id");
    assert!(problems[0].1.contains("is not an id"), "{problems:?}");
    type_into(&id, "ocr").await;
    assert!(problems_after(&labelled(&package, "ID")).is_empty());
}

#[wasm_bindgen_test]
async fn an_action_naming_a_removed_resource_says_so_beside_its_select() {
    let mut doc = scenario();
    doc.resources.truncate(1);
    doc.actions = vec![ActionDoc {
        resource: Some("ocr".into()),
        term: Some("1m".into()),
        ..ActionDoc::new("2026-04-03T12:00:00", ActionVerb::Renew)
    }];
    let (root, emitted) = mount_with_app(doc).await;
    let package = nth(&root, "[data-testid=resource-editor]", 0);
    click(&button(&package, "Remove resource")).await;
    assert!(last(&emitted).resources.is_empty());
    let action = nth(&root, "[data-testid=action-editor]", 0);
    let select = labelled(&action, "Resource");
    assert_eq!(
        select.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        problems_after(&select),
        [(
            "actions[0].resource".to_string(),
            "\"ocr\" is not the id of any resource".to_string()
        )]
    );
}

#[wasm_bindgen_test]
async fn text_that_is_not_a_whole_number_stays_in_the_form_with_its_reason() {
    let (root, emitted) = mount_with_app(scenario()).await;
    let package = nth(&root, "[data-testid=resource-editor]", 0);
    type_into(&labelled(&package, "Days before"), "3x").await;
    assert!(emitted.borrow().is_empty(), "no document for 3x");
    let days = labelled(&package, "Days before");
    let input: &HtmlInputElement = days.dyn_ref().unwrap();
    assert_eq!(input.value(), "3x");
    assert_eq!(
        problems_after(&days),
        [(
            "resources[0].auto_renew.days_before".to_string(),
            "not a whole number".to_string()
        )]
    );
    type_into(&days, "3").await;
    let sent = last(&emitted);
    let auto_renew = sent.resources[0].auto_renew.as_ref().expect("auto-renew");
    assert_eq!(auto_renew.days_before, Some(3));
    assert!(problems_after(&labelled(&package, "Days before")).is_empty());
}

#[wasm_bindgen_test]
async fn switching_billing_swaps_the_fields_of_the_mode() {
    let (root, emitted) = mount_with_app(scenario()).await;
    let package = nth(&root, "[data-testid=resource-editor]", 0);
    choose(&labelled(&package, "Billing"), "pay_per_use").await;
    assert_eq!(last(&emitted).resources[0].billing, BillingMode::PayPerUse);
    let resource = nth(&root, "[data-testid=resource-editor]", 0);
    labelled(&resource, "Hourly rate");
    assert!(all(&resource, "label")
        .iter()
        .all(|l| text(l) != "Monthly price"));
}

#[wasm_bindgen_test]
async fn resources_and_actions_are_added_and_removed() {
    let (root, emitted) = mount_with_app(scenario()).await;
    click(&button(&root, "Add package")).await;
    let added = last(&emitted);
    assert_eq!(added.resources.len(), 3);
    assert_eq!(added.resources[2].id, "package-1");
    assert_eq!(added.resources[2].start, "2026-03-08T15:29:16");
    assert_eq!(all(&root, "[data-testid=resource-editor]").len(), 3);
    click(&button(&root, "Add action")).await;
    assert_eq!(all(&root, "[data-testid=action-editor]").len(), 2);
    let second = nth(&root, "[data-testid=action-editor]", 1);
    choose(&labelled(&second, "Kind"), "renew").await;
    let renew = &last(&emitted).actions[1];
    assert_eq!(renew.resource.as_deref(), Some("ocr"));
    let first = nth(&root, "[data-testid=action-editor]", 0);
    click(&button(&first, "Remove action")).await;
    assert_eq!(last(&emitted).actions.len(), 1);
    assert_eq!(focused_text(), "Add action", "focus stays in the list");
    let resource = nth(&root, "[data-testid=resource-editor]", 2);
    click(&button(&resource, "Remove resource")).await;
    assert_eq!(last(&emitted), {
        let mut doc = scenario();
        doc.actions = vec![renew.clone()];
        doc
    });
}

#[wasm_bindgen_test]
async fn rows_show_what_changed_elsewhere_and_keep_their_held_text() {
    let mut doc = scenario();
    doc.actions.push(ActionDoc {
        resource: Some("ocr".into()),
        enabled: Some(true),
        ..ActionDoc::new("2026-05-01T00:00:00", ActionVerb::SetAutoRenew)
    });
    let (root, emitted) = mount_with_app(doc).await;
    // Text held in an action's row stays there while other fields are edited.
    let second = nth(&root, "[data-testid=action-editor]", 1);
    type_into(&labelled(&second, "Renewals"), "2x").await;
    type_into(&labelled(&root, "Opening balance"), "41.00").await;
    assert_eq!(last(&emitted).balance, Some(AmountDoc::text("41.00")));
    let second = nth(&root, "[data-testid=action-editor]", 1);
    let times = labelled(&second, "Renewals");
    let input: &HtmlInputElement = times.dyn_ref().unwrap();
    assert_eq!(input.value(), "2x");
    assert_eq!(problems_after(&times)[0].1, "not a whole number");
    // Renaming another resource reaches the rows of the actions that choose among resources.
    let api = nth(&root, "[data-testid=resource-editor]", 1);
    type_into(&labelled(&api, "ID"), "api2").await;
    let second = nth(&root, "[data-testid=action-editor]", 1);
    let resource = labelled(&second, "Resource");
    let select: &HtmlSelectElement = resource.dyn_ref().unwrap();
    assert_eq!(select.value(), "ocr");
    let options: Vec<String> = all(&resource, "option").iter().map(text).collect();
    assert_eq!(options, ["ocr", "api2"]);
}

#[wasm_bindgen_test]
async fn a_custom_policy_gets_an_editable_tier_table() {
    let (root, emitted) = mount_with_app(scenario()).await;
    choose(&labelled(&root, "Policy"), "custom").await;
    assert!(matches!(
        last(&emitted).policy,
        Some(renewal_lab::engine::doc::PolicyDoc::Custom(_))
    ));
    let grace = labelled(&root, "Tier 4 package grace days");
    let input: &HtmlInputElement = grace.dyn_ref().unwrap();
    assert_eq!(input.value(), "7");
    type_into(&grace, "seven").await;
    assert_eq!(problems_after(&grace)[0].1, "not a whole number");
    type_into(&grace, "400").await;
    let grace = labelled(&root, "Tier 4 package grace days");
    let problems = problems_after(&grace);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, "policy.tiers.V3.package.grace_days");
    let tiers_before = all(&root, "tbody tr").len();
    click(&button(&root, "Add tier")).await;
    assert_eq!(all(&root, "tbody tr").len(), tiers_before + 1);
}

/// Scenarios whose every problem has a field: each must show beside its field, none in the summary.
const BROKEN_FIELDS: &str = r#"{
  "format": "renewal-lab/1",
  "timezone": "+8",
  "policy": { "name": "mine", "tiers": { "gold": {
    "package": { "grace_days": 1, "retention_days": 1 },
    "pay_per_use": { "grace_days": 0, "retention_days": 1 } } } },
  "tier": "silver",
  "balance": "-1",
  "resources": [
    { "id": "Bad Id", "billing": "package", "start": "2026-02-30T00:00:00", "term": "13m",
      "prices": { "month": "1.234", "year": "x" },
      "auto_renew": { "enabled": true, "days_before": 9, "term": "0m", "times": 100 } },
    { "id": "api", "billing": "pay_per_use", "start": "2026-03-10T00:00:00", "hourly_rate": "abc" }
  ],
  "until": "2026-13-01T00:00:00"
}"#;

const BROKEN_ACTIONS: &str = r#"{
  "format": "renewal-lab/1",
  "tier": "V0",
  "resources": [
    { "id": "ocr", "billing": "package", "start": "2026-03-08T00:00:00", "term": "1m",
      "prices": { "month": "1", "year": "10" } }
  ],
  "actions": [
    { "at": "2026-03-01T00:00:00", "do": "top_up", "amount": "0" },
    { "at": "2026-04-01T00:00:00", "do": "renew", "resource": "nope", "term": "6y" },
    { "at": "2026-04-01T00:00:00", "do": "set_auto_renew", "resource": "ocr",
      "days_before": 8, "term": "12m", "times": -1 }
  ],
  "until": "2026-06-01T00:00:00"
}"#;

#[wasm_bindgen_test]
async fn every_problem_with_a_field_is_shown_once_beside_it() {
    for json in [BROKEN_FIELDS, BROKEN_ACTIONS] {
        let doc = ScenarioDoc::from_json(json).expect("parses");
        let errors = Scenario::from_doc(&doc).expect_err("invalid");
        assert!(errors.len() >= 8, "{errors:?}");
        let (root, _) = mount_alone(doc, errors.clone()).await;
        assert!(root.query_selector(".editor-summary").unwrap().is_none());
        let shown = all(&root, "[data-testid=field-error]");
        assert_eq!(shown.len(), errors.len(), "{errors:?}");
        for error in &errors {
            let beside = shown.iter().find(|e| {
                e.get_attribute("data-path").as_deref() == Some(error.path.as_str())
                    && text(e) == error.message
            });
            let beside = beside.unwrap_or_else(|| panic!("{error} is shown"));
            let described = beside.id();
            let control = root
                .query_selector(&format!("[aria-describedby~={described}]"))
                .unwrap();
            assert!(control.is_some(), "{error} describes its control");
        }
    }
}

#[wasm_bindgen_test]
async fn a_package_row_says_when_its_first_period_ends_and_follows_its_start() {
    let (root, emitted) = mount_with_app(scenario()).await;
    let package = nth(&root, "[data-testid=resource-editor]", 0);
    let period = || text(&nth(&package, "[data-testid=first-period]", 0));
    assert_eq!(period(), "First period: valid through 2026-04-08 23:59:59");
    // 31 January + 1 month is the last day of February (§2).
    type_into(&labelled(&package, "Start"), "2026-01-31T10:00").await;
    assert_eq!(period(), "First period: valid through 2026-02-28 23:59:59");
    assert_eq!(
        emitted
            .borrow()
            .last()
            .map(|doc| doc.until.clone())
            .as_deref(),
        // The run's earliest start moved from 03-08 15:29:16 to 01-31 10:00: Until as much.
        Some("2027-01-30T18:30:44"),
    );
    // A pay-per-use row has no period.
    let api = nth(&root, "[data-testid=resource-editor]", 1);
    assert!(all(&api, "[data-testid=first-period]").is_empty());
}
