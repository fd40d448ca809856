//! Every change the editor form can make, applied to a [`ScenarioDoc`] by one pure function.

use crate::engine::doc::{
    ActionDoc, ActionVerb, AmountDoc, AutoRenewDoc, CustomPolicyDoc, PolicyDoc, PricesDoc,
    ResourceDoc, TierTable,
};
use crate::engine::policy::ModeDays;
use crate::engine::{BillingMode, Policy, ScenarioDoc, TierDays, Time};
use crate::ui::i18n::{tr, trf, Lang};

/// The preset a scenario uses when it names no policy.
pub const DEFAULT_POLICY: &str = "huawei-cn";
/// The policy select's value for an inline tier table.
pub const CUSTOM_POLICY: &str = "custom";
/// The top-up amount a new action starts with.
const NEW_TOP_UP: &str = "10.00";
/// Prices a resource starts with when it becomes a package.
const NEW_MONTH_PRICE: &str = "10.00";
const NEW_YEAR_PRICE: &str = "100.00";
/// The hourly rate a resource starts with when it becomes pay-per-use.
const NEW_HOURLY_RATE: &str = "0.10";
/// The term a new package (or a new renewal) starts with.
const NEW_TERM: &str = "1m";

/// Which policy the "Policy" select chose.
#[derive(Clone, Debug, PartialEq)]
pub enum PolicyChoice {
    /// A preset by name.
    Preset(String),
    /// An inline table: the one the user edited before, if any, else a copy of `huawei-cn`.
    Custom(Option<CustomPolicyDoc>),
}

/// Grace or retention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// Days in `expired`.
    Grace,
    /// Days in `frozen`.
    Retention,
}

/// One of the four day counts of a tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TierPeriod {
    /// Packages or pay-per-use.
    pub mode: BillingMode,
    /// Grace or retention.
    pub period: Period,
}

impl TierPeriod {
    /// The four columns of a tier table, in display order.
    pub const ALL: [TierPeriod; 4] = [
        TierPeriod::new(BillingMode::Package, Period::Grace),
        TierPeriod::new(BillingMode::Package, Period::Retention),
        TierPeriod::new(BillingMode::PayPerUse, Period::Grace),
        TierPeriod::new(BillingMode::PayPerUse, Period::Retention),
    ];

    const fn new(mode: BillingMode, period: Period) -> Self {
        TierPeriod { mode, period }
    }

    /// The column of the tier table showing this period.
    pub fn column(self) -> usize {
        match (self.mode, self.period) {
            (BillingMode::Package, Period::Grace) => 0,
            (BillingMode::Package, Period::Retention) => 1,
            (BillingMode::PayPerUse, Period::Grace) => 2,
            (BillingMode::PayPerUse, Period::Retention) => 3,
        }
    }

    /// The JSON path below a tier: `package.grace_days` and so on.
    pub fn json_suffix(self) -> &'static str {
        match (self.mode, self.period) {
            (BillingMode::Package, Period::Grace) => "package.grace_days",
            (BillingMode::Package, Period::Retention) => "package.retention_days",
            (BillingMode::PayPerUse, Period::Grace) => "pay_per_use.grace_days",
            (BillingMode::PayPerUse, Period::Retention) => "pay_per_use.retention_days",
        }
    }

    /// The column heading, in words.
    pub fn heading(self, lang: Lang) -> &'static str {
        match (self.mode, self.period) {
            (BillingMode::Package, Period::Grace) => tr(lang, "Package grace"),
            (BillingMode::Package, Period::Retention) => tr(lang, "Package retention"),
            (BillingMode::PayPerUse, Period::Grace) => tr(lang, "Pay-per-use grace"),
            (BillingMode::PayPerUse, Period::Retention) => tr(lang, "Pay-per-use retention"),
        }
    }

    /// The label of row `n`'s cell: `Tier 1 package grace days`.
    pub fn cell_label(self, lang: Lang, n: usize) -> String {
        let n = n.to_string();
        let key = match (self.mode, self.period) {
            (BillingMode::Package, Period::Grace) => "Tier {0} package grace days",
            (BillingMode::Package, Period::Retention) => "Tier {0} package retention days",
            (BillingMode::PayPerUse, Period::Grace) => "Tier {0} pay-per-use grace days",
            (BillingMode::PayPerUse, Period::Retention) => "Tier {0} pay-per-use retention days",
        };
        trf(lang, key, &[&n])
    }

    /// This period's days in `days`.
    pub fn get(self, days: &TierDays) -> u16 {
        let mode = days.for_mode(self.mode);
        match self.period {
            Period::Grace => mode.grace_days,
            Period::Retention => mode.retention_days,
        }
    }

    fn set(self, days: &mut TierDays, value: u16) {
        let mode: &mut ModeDays = match self.mode {
            BillingMode::Package => &mut days.package,
            BillingMode::PayPerUse => &mut days.pay_per_use,
        };
        match self.period {
            Period::Grace => mode.grace_days = value,
            Period::Retention => mode.retention_days = value,
        }
    }
}

/// A change to one resource; text is exactly what the field holds.
#[derive(Clone, Debug, PartialEq)]
pub enum ResourceEdit {
    /// The id (actions naming the old id follow it when that is unambiguous).
    Id(String),
    /// `package` or `pay_per_use`: swaps the mode's fields.
    Billing(String),
    /// A datetime-local value.
    Start(String),
    /// The package term.
    Term(String),
    /// The price of one month.
    MonthPrice(String),
    /// The price of one year.
    YearPrice(String),
    /// Auto-renew on or off.
    AutoRenew(bool),
    /// Days before expiry the attempts start; empty for the default.
    DaysBefore(String),
    /// The auto-renew term; empty for the default.
    AutoRenewTerm(String),
    /// Automatic renewals left; empty for the default.
    Times(String),
    /// The pay-per-use rate.
    HourlyRate(String),
}

/// A change to one action; text is exactly what the field holds.
#[derive(Clone, Debug, PartialEq)]
pub enum ActionEdit {
    /// A datetime-local value.
    At(String),
    /// `top_up`, `renew` or `set_auto_renew`: swaps the kind's fields.
    Kind(String),
    /// The top-up amount.
    Amount(String),
    /// The id of the resource acted on.
    Resource(String),
    /// The renewal term, or the new auto-renew term (empty: unchanged).
    Term(String),
    /// Auto-renew on or off.
    Enabled(bool),
    /// New days before expiry (empty: unchanged).
    DaysBefore(String),
    /// New renewal count (empty: unchanged).
    Times(String),
}

impl ResourceEdit {
    /// Whether the change is typed (a text field), not chosen.
    fn is_typed(&self) -> bool {
        matches!(
            self,
            ResourceEdit::Id(_)
                | ResourceEdit::Start(_)
                | ResourceEdit::MonthPrice(_)
                | ResourceEdit::YearPrice(_)
                | ResourceEdit::DaysBefore(_)
                | ResourceEdit::Times(_)
                | ResourceEdit::HourlyRate(_)
        )
    }
}

impl ActionEdit {
    /// Whether the change is typed (a text field), not chosen.
    fn is_typed(&self) -> bool {
        matches!(
            self,
            ActionEdit::At(_)
                | ActionEdit::Amount(_)
                | ActionEdit::DaysBefore(_)
                | ActionEdit::Times(_)
        )
    }
}

impl Edit {
    /// Whether the change is typed into a text field (not chosen in a select, a checkbox or a
    /// button).
    pub fn is_typed(&self) -> bool {
        match self {
            Edit::Name(_)
            | Edit::Timezone(_)
            | Edit::PolicyName(_)
            | Edit::TierName { .. }
            | Edit::TierDays { .. }
            | Edit::Balance(_)
            | Edit::Until(_) => true,
            Edit::Resource { edit, .. } => edit.is_typed(),
            Edit::Action { edit, .. } => edit.is_typed(),
            _ => false,
        }
    }

    /// Whether `self` types on in the text field `before` typed in: the keystrokes of one field
    /// in a row, which the app keeps as one undo step.
    pub fn types_on_from(&self, before: &Edit) -> bool {
        use std::mem::discriminant as kind;
        match (before, self) {
            (Edit::Resource { index: i, edit: a }, Edit::Resource { index: j, edit: b }) => {
                i == j && a.is_typed() && kind(a) == kind(b)
            }
            (Edit::Action { index: i, edit: a }, Edit::Action { index: j, edit: b }) => {
                i == j && a.is_typed() && kind(a) == kind(b)
            }
            (Edit::TierName { row: i, .. }, Edit::TierName { row: j, .. }) => i == j,
            (
                Edit::TierDays {
                    row: i, period: p, ..
                },
                Edit::TierDays {
                    row: j, period: q, ..
                },
            ) => i == j && p == q,
            (Edit::Name(_), Edit::Name(_))
            | (Edit::Timezone(_), Edit::Timezone(_))
            | (Edit::PolicyName(_), Edit::PolicyName(_))
            | (Edit::Balance(_), Edit::Balance(_))
            | (Edit::Until(_), Edit::Until(_)) => true,
            _ => false,
        }
    }
}

/// Every change the form can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The scenario's title.
    Name(String),
    /// `±HH:MM` (empty: the default).
    Timezone(String),
    /// A preset or the custom tier table.
    Policy(PolicyChoice),
    /// The custom policy's name.
    PolicyName(String),
    /// Renames a row of the custom tier table.
    TierName {
        /// Row index.
        row: usize,
        /// The new name.
        text: String,
    },
    /// Sets one day count of a custom tier.
    TierDays {
        /// Row index.
        row: usize,
        /// Which of the four counts.
        period: TierPeriod,
        /// The field's text.
        text: String,
    },
    /// Appends a tier to the custom table.
    AddTier,
    /// Removes a row of the custom table.
    RemoveTier(usize),
    /// The account's tier.
    Tier(String),
    /// The opening balance (empty: zero).
    Balance(String),
    /// A datetime-local value.
    Until(String),
    /// A change inside one resource.
    Resource {
        /// Resource index.
        index: usize,
        /// What changes.
        edit: ResourceEdit,
    },
    /// Appends a resource of this billing mode.
    AddResource(BillingMode),
    /// Removes a resource.
    RemoveResource(usize),
    /// A change inside one action.
    Action {
        /// Action index.
        index: usize,
        /// What changes.
        edit: ActionEdit,
    },
    /// Appends a top-up action.
    AddAction,
    /// Removes an action.
    RemoveAction(usize),
}

/// Applies `edit` to `doc`. `Err` holds the reason the field's text cannot be put in a document
/// (it is kept in the form, with that reason beside it). Indices out of range change nothing.
pub fn apply(doc: &ScenarioDoc, edit: &Edit) -> Result<ScenarioDoc, String> {
    let mut doc = doc.clone();
    match edit {
        Edit::Name(text) => doc.name = non_empty(text),
        Edit::Timezone(text) => doc.timezone = non_empty(text.trim()),
        Edit::Policy(choice) => choose_policy(&mut doc, choice),
        Edit::PolicyName(text) => {
            if let Some(PolicyDoc::Custom(custom)) = &mut doc.policy {
                custom.name = text.clone();
            }
        }
        Edit::TierName { row, text } => rename_tier(&mut doc, *row, text)?,
        Edit::TierDays { row, period, text } => {
            let days = parse_days(text)?;
            if let Some((_, tier)) = custom_tiers(&mut doc).and_then(|t| t.get_mut(*row)) {
                period.set(tier, days);
            }
        }
        Edit::AddTier => {
            if let Some(tiers) = custom_tiers(&mut doc) {
                let days = tiers.last().map(|(_, d)| *d).unwrap_or_default();
                let name = unique_name("V", tiers.len(), |n| tiers.iter().any(|(t, _)| t == n));
                tiers.push((name, days));
            }
        }
        Edit::RemoveTier(row) => remove_tier(&mut doc, *row),
        Edit::Tier(name) => doc.tier = name.clone(),
        Edit::Balance(text) => doc.balance = non_empty(text.trim()).map(AmountDoc::Text),
        Edit::Until(text) => doc.until = complete_time(text)?,
        Edit::Resource { index, edit } => {
            let earliest = earliest_start_time(&doc);
            edit_resource(&mut doc, *index, edit)?;
            // The run keeps its length when its earliest start moves: "Until" follows, so the
            // timeline still reaches the expiry and what comes after it (it was left behind, and
            // the run shrank to hours or ended before its start).
            if let (ResourceEdit::Start(_), Some(from), Some(to)) =
                (edit, earliest, earliest_start_time(&doc))
            {
                if let Ok(until) = Time::parse_local(&doc.until) {
                    // (Not past the years the format allows.)
                    let moved = until.plus_secs(to.secs() - from.secs()).local_string();
                    if Time::parse_local(&moved).is_ok() {
                        doc.until = moved;
                    }
                }
            }
        }
        Edit::AddResource(mode) => {
            let resource = new_resource(&doc, *mode);
            doc.resources.push(resource);
        }
        Edit::RemoveResource(index) => {
            if *index < doc.resources.len() {
                doc.resources.remove(*index);
            }
        }
        Edit::Action { index, edit } => edit_action(&mut doc, *index, edit)?,
        Edit::AddAction => {
            let action = new_action(&doc);
            doc.actions.push(action);
        }
        Edit::RemoveAction(index) => {
            if *index < doc.actions.len() {
                doc.actions.remove(*index);
            }
        }
    }
    Ok(doc)
}

/// The last second of a package's first period (§2: its start date plus the term's months,
/// clamped to the month's length), when its start and term read; none for pay-per-use.
pub fn first_period_end(resource: &ResourceDoc) -> Option<Time> {
    if resource.billing != BillingMode::Package {
        return None;
    }
    let start = Time::parse_local(&resource.start).ok()?;
    let term = crate::engine::Term::parse(resource.term.as_deref()?).ok()?;
    let expiry = crate::engine::time::purchase_expiry(start, term.months());
    Some(Time::end_of_day(expiry))
}

/// The earliest resource start of `doc`, when every start reads as a time.
fn earliest_start_time(doc: &ScenarioDoc) -> Option<Time> {
    let starts: Option<Vec<Time>> = doc
        .resources
        .iter()
        .map(|r| Time::parse_local(&r.start).ok())
        .collect();
    starts?.into_iter().min()
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

/// The value the "Policy" select shows for `doc`.
pub fn policy_choice_value(policy: Option<&PolicyDoc>) -> String {
    match policy {
        None => DEFAULT_POLICY.to_string(),
        Some(PolicyDoc::Preset(name)) => name.clone(),
        Some(PolicyDoc::Custom(_)) => CUSTOM_POLICY.to_string(),
    }
}

/// The tier names of the document's policy, in order (none for an unknown preset).
pub fn tier_names(policy: Option<&PolicyDoc>) -> Vec<String> {
    match policy {
        None => preset_tiers(DEFAULT_POLICY),
        Some(PolicyDoc::Preset(name)) => preset_tiers(name),
        Some(PolicyDoc::Custom(custom)) => custom.tiers.0.iter().map(|(n, _)| n.clone()).collect(),
    }
}

fn preset_tiers(name: &str) -> Vec<String> {
    Policy::preset(name)
        .map(|p| p.tier_names().map(str::to_string).collect())
        .unwrap_or_default()
}

/// A custom policy holding a copy of the `huawei-cn` table.
pub fn seeded_custom_policy() -> CustomPolicyDoc {
    let tiers = Policy::preset(DEFAULT_POLICY)
        .map(|p| p.tiers)
        .unwrap_or_default();
    CustomPolicyDoc {
        name: CUSTOM_POLICY.to_string(),
        tiers: TierTable(tiers),
    }
}

fn choose_policy(doc: &mut ScenarioDoc, choice: &PolicyChoice) {
    let current = policy_choice_value(doc.policy.as_ref());
    match choice {
        PolicyChoice::Preset(name) if *name == current => return,
        PolicyChoice::Preset(name) => doc.policy = Some(PolicyDoc::Preset(name.clone())),
        PolicyChoice::Custom(_) if current == CUSTOM_POLICY => return,
        PolicyChoice::Custom(remembered) => {
            let custom = remembered.clone().unwrap_or_else(seeded_custom_policy);
            doc.policy = Some(PolicyDoc::Custom(custom));
        }
    }
    let tiers = tier_names(doc.policy.as_ref());
    if !tiers.contains(&doc.tier) {
        if let Some(first) = tiers.first() {
            doc.tier = first.clone();
        }
    }
}

fn custom_tiers(doc: &mut ScenarioDoc) -> Option<&mut Vec<(String, TierDays)>> {
    match &mut doc.policy {
        Some(PolicyDoc::Custom(custom)) => Some(&mut custom.tiers.0),
        _ => None,
    }
}

/// Renames a tier row; the scenario's tier follows the row when it named it.
fn rename_tier(doc: &mut ScenarioDoc, row: usize, name: &str) -> Result<(), String> {
    let scenario_tier = doc.tier.clone();
    let Some(tiers) = custom_tiers(doc) else {
        return Ok(());
    };
    if let Some(other) = tiers
        .iter()
        .position(|(t, _)| t == name)
        .filter(|i| *i != row)
    {
        return Err(format!(
            "{name:?} is already the name of tier row {}",
            other + 1
        ));
    }
    let Some(old) = tiers.get(row).map(|(t, _)| t.clone()) else {
        return Ok(());
    };
    if let Some((tier, _)) = tiers.get_mut(row) {
        *tier = name.to_string();
    }
    if scenario_tier == old {
        doc.tier = name.to_string();
    }
    Ok(())
}

fn remove_tier(doc: &mut ScenarioDoc, row: usize) {
    let scenario_tier = doc.tier.clone();
    let Some(tiers) = custom_tiers(doc) else {
        return;
    };
    if row >= tiers.len() {
        return;
    }
    let (removed, _) = tiers.remove(row);
    let first = tiers.first().map(|(t, _)| t.clone());
    if removed == scenario_tier {
        if let Some(first) = first {
            doc.tier = first;
        }
    }
}

/// `prefix` + the smallest number from `from` up that `taken` does not reject.
fn unique_name(prefix: &str, from: usize, taken: impl Fn(&str) -> bool) -> String {
    (from..)
        .map(|n| format!("{prefix}{n}"))
        .find(|name| !taken(name))
        .unwrap_or_else(|| prefix.to_string())
}

/// Day counts of a tier: a whole number that fits the table (the engine checks the 0..=365 rule).
pub fn parse_days(text: &str) -> Result<u16, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("enter a whole number of days".to_string());
    }
    match text.parse::<i64>() {
        Err(_) => Err("not a whole number".to_string()),
        Ok(n) => u16::try_from(n).map_err(|_| format!("{n} is out of range (0 to 365 days)")),
    }
}

/// An optional whole number: empty text is `None` (the default, or "unchanged").
pub fn parse_optional_whole(text: &str) -> Result<Option<i64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>()
        .map(Some)
        .map_err(|_| "not a whole number".to_string())
}

/// A datetime-local value in the scenario's format `YYYY-MM-DDTHH:MM:SS`.
///
/// The browser leaves out zero seconds (`YYYY-MM-DDTHH:MM`) and may add fractions; an empty
/// value means the user has not finished typing a date and time.
pub fn complete_time(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("enter a complete date and time".to_string());
    }
    // By the time of day after the `T` (a year past 9999 is written with more digits, and a sign:
    // `+010000-01-01T00:00`).
    let time_at = value.find('T').map_or(value.len(), |t| t + 1);
    let time = value.get(time_at..).unwrap_or_default();
    Ok(match time.len() {
        5 => format!("{value}:00"),
        n if n > 8 && time.as_bytes().get(8) == Some(&b'.') => {
            value.get(..time_at + 8).unwrap_or(value).to_string()
        }
        _ => value.to_string(),
    })
}

/// The text a datetime-local input holds for a scenario time: the browser's own shortest form,
/// which drops `:00` seconds, so re-rendering never rewrites what the user is typing.
pub fn time_input_value(time: &str) -> String {
    match time.strip_suffix(":00") {
        Some(short) if Time::parse_local(time).is_ok() => short.to_string(),
        _ => time.to_string(),
    }
}

fn edit_resource(doc: &mut ScenarioDoc, index: usize, edit: &ResourceEdit) -> Result<(), String> {
    if let ResourceEdit::Id(new_id) = edit {
        rename_resource(doc, index, new_id);
        return Ok(());
    }
    let Some(resource) = doc.resources.get_mut(index) else {
        return Ok(());
    };
    match edit {
        ResourceEdit::Id(_) => {}
        ResourceEdit::Billing(value) => switch_billing(resource, value),
        ResourceEdit::Start(text) => resource.start = complete_time(text)?,
        ResourceEdit::Term(term) => resource.term = Some(term.clone()),
        ResourceEdit::MonthPrice(text) => prices(resource).month = AmountDoc::text(text.trim()),
        ResourceEdit::YearPrice(text) => prices(resource).year = AmountDoc::text(text.trim()),
        ResourceEdit::AutoRenew(enabled) => {
            auto_renew(resource, |a| a.enabled = *enabled);
        }
        ResourceEdit::DaysBefore(text) => {
            let days = parse_optional_whole(text)?;
            auto_renew(resource, |a| a.days_before = days);
        }
        ResourceEdit::AutoRenewTerm(term) => {
            let term = non_empty(term);
            auto_renew(resource, |a| a.term = term);
        }
        ResourceEdit::Times(text) => {
            let times = parse_optional_whole(text)?;
            auto_renew(resource, |a| a.times = times);
        }
        ResourceEdit::HourlyRate(text) => {
            resource.hourly_rate = Some(AmountDoc::text(text.trim()));
        }
    }
    Ok(())
}

/// Renames a resource; actions naming the old id follow it when both ids are unambiguous.
fn rename_resource(doc: &mut ScenarioDoc, index: usize, new_id: &str) {
    let Some(old_id) = doc.resources.get(index).map(|r| r.id.clone()) else {
        return;
    };
    let used_elsewhere = |id: &str| {
        doc.resources
            .iter()
            .enumerate()
            .any(|(i, r)| i != index && r.id == id)
    };
    let follow = !used_elsewhere(&old_id) && !used_elsewhere(new_id);
    if follow {
        for action in &mut doc.actions {
            if action.resource.as_deref() == Some(old_id.as_str()) {
                action.resource = Some(new_id.to_string());
            }
        }
    }
    if let Some(resource) = doc.resources.get_mut(index) {
        resource.id = new_id.to_string();
    }
}

fn switch_billing(resource: &mut ResourceDoc, value: &str) {
    let mode = match value {
        "package" => BillingMode::Package,
        "pay_per_use" => BillingMode::PayPerUse,
        _ => return,
    };
    if resource.billing != mode {
        set_billing(resource, mode);
    }
}

/// The editor's memory of rows switched to another billing mode or action kind, and of the tier
/// under another policy, so that switching back gives back what was typed (prices and auto-renew
/// settings, an action's fields, the scenario's tier) instead of starting values. Not part of the
/// document: forgotten when another document comes in (undo, import, a gallery scenario).
#[derive(Debug, Default)]
pub struct SwitchMemory(Vec<SavedRow>);

/// A row as it was before its billing mode or action kind was switched.
#[derive(Clone, Debug, PartialEq)]
enum SavedRow {
    /// A resource (its index) as it was in its billing mode.
    Resource(usize, ResourceDoc),
    /// An action (its index) as it was as its kind.
    Action(usize, ActionDoc),
    /// The scenario's tier under a policy (its select's value): another policy may not have
    /// that tier, and picks its first.
    Tier { policy: String, tier: String },
}

impl SavedRow {
    /// The row `edit` switches to another mode or kind, as it is in `doc`.
    fn of(doc: &ScenarioDoc, edit: &Edit) -> Option<SavedRow> {
        match edit {
            Edit::Resource {
                index,
                edit: ResourceEdit::Billing(_),
            } => Some(SavedRow::Resource(
                *index,
                doc.resources.get(*index)?.clone(),
            )),
            Edit::Action {
                index,
                edit: ActionEdit::Kind(_),
            } => Some(SavedRow::Action(*index, doc.actions.get(*index)?.clone())),
            Edit::Policy(_) => Some(SavedRow::Tier {
                policy: policy_choice_value(doc.policy.as_ref()),
                tier: doc.tier.clone(),
            }),
            _ => None,
        }
    }

    /// Whether this is the same row in the same mode or kind as `other`.
    fn same_slot(&self, other: &SavedRow) -> bool {
        match (self, other) {
            (SavedRow::Resource(i, a), SavedRow::Resource(j, b)) => {
                i == j && a.billing == b.billing
            }
            (SavedRow::Action(i, a), SavedRow::Action(j, b)) => i == j && a.verb == b.verb,
            (SavedRow::Tier { policy: a, .. }, SavedRow::Tier { policy: b, .. }) => a == b,
            _ => false,
        }
    }

    /// Gives its fields back to its row in `doc`, if that row is still the same one (the same
    /// resource id, an action at the same time) in the same mode or kind.
    fn restore(&self, doc: &mut ScenarioDoc) {
        match self {
            SavedRow::Resource(index, saved) => {
                let Some(resource) = doc.resources.get_mut(*index) else {
                    return;
                };
                if resource.billing == saved.billing && resource.id == saved.id {
                    resource.term.clone_from(&saved.term);
                    resource.prices.clone_from(&saved.prices);
                    resource.auto_renew.clone_from(&saved.auto_renew);
                    resource.hourly_rate.clone_from(&saved.hourly_rate);
                }
            }
            SavedRow::Action(index, saved) => {
                let Some(action) = doc.actions.get_mut(*index) else {
                    return;
                };
                if action.verb == saved.verb && action.at == saved.at {
                    action.clone_from(saved);
                }
            }
            SavedRow::Tier { policy, tier } => {
                if policy_choice_value(doc.policy.as_ref()) == *policy
                    && tier_names(doc.policy.as_ref()).contains(tier)
                {
                    doc.tier.clone_from(tier);
                }
            }
        }
    }
}

impl SwitchMemory {
    /// After `edit` made `next` of `current`: a row switched back to a mode or kind it had gets
    /// that mode's fields back, and the fields it leaves are remembered.
    pub fn after(&mut self, current: &ScenarioDoc, edit: &Edit, next: &mut ScenarioDoc) {
        let (Some(left), Some(now)) = (SavedRow::of(current, edit), SavedRow::of(next, edit))
        else {
            return;
        };
        if let Some(back) = self.0.iter().find(|saved| saved.same_slot(&now)) {
            back.restore(next);
        }
        self.0.retain(|saved| !saved.same_slot(&left));
        self.0.push(left);
    }

    /// Forgets every row (another document came in).
    pub fn forget(&mut self) {
        self.0.clear();
    }
}

/// Gives a resource `mode` and that mode's fields, with starting values.
fn set_billing(resource: &mut ResourceDoc, mode: BillingMode) {
    resource.billing = mode;
    resource.auto_renew = None;
    match mode {
        BillingMode::Package => {
            resource.hourly_rate = None;
            resource.term = Some(NEW_TERM.to_string());
            resource.prices = Some(PricesDoc {
                month: AmountDoc::text(NEW_MONTH_PRICE),
                year: AmountDoc::text(NEW_YEAR_PRICE),
            });
        }
        BillingMode::PayPerUse => {
            resource.term = None;
            resource.prices = None;
            resource.hourly_rate = Some(AmountDoc::text(NEW_HOURLY_RATE));
        }
    }
}

fn prices(resource: &mut ResourceDoc) -> &mut PricesDoc {
    resource.prices.get_or_insert_with(|| PricesDoc {
        month: AmountDoc::text(""),
        year: AmountDoc::text(""),
    })
}

/// Changes the auto-renew settings; settings that say nothing but "off" are left out.
fn auto_renew(resource: &mut ResourceDoc, change: impl FnOnce(&mut AutoRenewDoc)) {
    let mut settings = resource.auto_renew.clone().unwrap_or(AutoRenewDoc {
        enabled: false,
        days_before: None,
        term: None,
        times: None,
    });
    change(&mut settings);
    let says_nothing = !settings.enabled
        && settings.days_before.is_none()
        && settings.term.is_none()
        && settings.times.is_none();
    resource.auto_renew = (!says_nothing).then_some(settings);
}

/// The earliest resource start that is a valid time, else the first start, else `until`.
pub fn earliest_start(doc: &ScenarioDoc) -> String {
    doc.resources
        .iter()
        .filter_map(|r| Time::parse_local(&r.start).ok())
        .min()
        .map(Time::local_string)
        .or_else(|| doc.resources.first().map(|r| r.start.clone()))
        .unwrap_or_else(|| doc.until.clone())
}

fn new_resource(doc: &ScenarioDoc, mode: BillingMode) -> ResourceDoc {
    let prefix = match mode {
        BillingMode::Package => "package-",
        BillingMode::PayPerUse => "pay-per-use-",
    };
    let id = unique_name(prefix, 1, |id| doc.resources.iter().any(|r| r.id == id));
    let mut resource = ResourceDoc {
        id,
        billing: mode,
        start: earliest_start(doc),
        term: None,
        prices: None,
        auto_renew: None,
        hourly_rate: None,
    };
    set_billing(&mut resource, mode);
    resource
}

fn new_action(doc: &ScenarioDoc) -> ActionDoc {
    let at = doc
        .actions
        .last()
        .map(|a| a.at.clone())
        .filter(|at| Time::parse_local(at).is_ok())
        .unwrap_or_else(|| earliest_start(doc));
    ActionDoc {
        amount: Some(AmountDoc::text(NEW_TOP_UP)),
        ..ActionDoc::new(at, ActionVerb::TopUp)
    }
}

/// The value of an action kind in the "Kind" select and in the file.
pub fn verb_value(verb: ActionVerb) -> &'static str {
    match verb {
        ActionVerb::TopUp => "top_up",
        ActionVerb::Renew => "renew",
        ActionVerb::SetAutoRenew => "set_auto_renew",
    }
}

fn parse_verb(value: &str) -> Option<ActionVerb> {
    [
        ActionVerb::TopUp,
        ActionVerb::Renew,
        ActionVerb::SetAutoRenew,
    ]
    .into_iter()
    .find(|v| verb_value(*v) == value)
}

fn edit_action(doc: &mut ScenarioDoc, index: usize, edit: &ActionEdit) -> Result<(), String> {
    let first_package = doc
        .resources
        .iter()
        .find(|r| r.billing == BillingMode::Package)
        .or(doc.resources.first())
        .map(|r| r.id.clone());
    let Some(action) = doc.actions.get_mut(index) else {
        return Ok(());
    };
    match edit {
        ActionEdit::At(text) => action.at = complete_time(text)?,
        ActionEdit::Kind(value) => {
            if let Some(verb) = parse_verb(value) {
                switch_verb(action, verb, first_package);
            }
        }
        ActionEdit::Amount(text) => action.amount = Some(AmountDoc::text(text.trim())),
        ActionEdit::Resource(id) => action.resource = non_empty(id),
        ActionEdit::Term(term) => action.term = non_empty(term),
        ActionEdit::Enabled(enabled) => action.enabled = Some(*enabled),
        ActionEdit::DaysBefore(text) => action.days_before = parse_optional_whole(text)?,
        ActionEdit::Times(text) => action.times = parse_optional_whole(text)?,
    }
    Ok(())
}

/// Gives an action the fields of its new kind, keeping the resource between renew and
/// set_auto_renew.
fn switch_verb(action: &mut ActionDoc, verb: ActionVerb, first_package: Option<String>) {
    if action.verb == verb {
        return;
    }
    let resource = action.resource.take().or(first_package);
    let at = std::mem::take(&mut action.at);
    *action = ActionDoc::new(at, verb);
    match verb {
        ActionVerb::TopUp => action.amount = Some(AmountDoc::text(NEW_TOP_UP)),
        ActionVerb::Renew => {
            action.resource = resource;
            action.term = Some(NEW_TERM.to_string());
        }
        ActionVerb::SetAutoRenew => {
            action.resource = resource;
            action.enabled = Some(true);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_on_is_the_same_text_field_typed_again() {
        let text = |s: &str| s.to_string();
        let price = |index, s: &str| Edit::Resource {
            index,
            edit: ResourceEdit::MonthPrice(text(s)),
        };
        let at = |index, s: &str| Edit::Action {
            index,
            edit: ActionEdit::At(text(s)),
        };
        let grace = TierPeriod::new(BillingMode::Package, Period::Grace);
        let retention = TierPeriod::new(BillingMode::Package, Period::Retention);
        let days = |row, period, s: &str| Edit::TierDays {
            row,
            period,
            text: text(s),
        };
        // before, after, whether `after` types on from `before`
        let cases = [
            (Edit::Name(text("A")), Edit::Name(text("Ab")), true),
            (Edit::Balance(text("1")), Edit::Balance(text("12")), true),
            (Edit::Balance(text("1")), Edit::Name(text("1")), false),
            (price(0, "3"), price(0, "30"), true),
            (price(0, "3"), price(1, "30"), false),
            (at(2, "2026"), at(2, "2026-0"), true),
            (at(2, "2026"), at(1, "2026-0"), false),
            (days(0, grace, "1"), days(0, grace, "15"), true),
            (days(0, grace, "1"), days(0, retention, "15"), false),
            // Choices are steps of their own, even of the same select.
            (Edit::Tier(text("V1")), Edit::Tier(text("V2")), false),
            (
                Edit::Resource {
                    index: 0,
                    edit: ResourceEdit::Term(text("1m")),
                },
                Edit::Resource {
                    index: 0,
                    edit: ResourceEdit::Term(text("1y")),
                },
                false,
            ),
            (
                Edit::Action {
                    index: 0,
                    edit: ActionEdit::Kind(text("renew")),
                },
                Edit::Action {
                    index: 0,
                    edit: ActionEdit::Kind(text("top_up")),
                },
                false,
            ),
            (Edit::AddAction, Edit::AddAction, false),
        ];
        for (before, after, expected) in cases {
            assert_eq!(
                after.types_on_from(&before),
                expected,
                "{before:?} → {after:?}"
            );
        }
    }

    fn sample() -> ScenarioDoc {
        ScenarioDoc::from_json(
            r#"{
              "format": "renewal-lab/1",
              "tier": "V3",
              "balance": "40.00",
              "resources": [
                { "id": "ocr", "billing": "package", "start": "2026-03-08T15:29:16", "term": "1m",
                  "prices": { "month": "30.00", "year": "300.00" } },
                { "id": "api", "billing": "pay_per_use", "start": "2026-03-01T00:00:00",
                  "hourly_rate": "0.05" }
              ],
              "actions": [
                { "at": "2026-04-20T09:00:00", "do": "renew", "resource": "ocr", "term": "1y" }
              ],
              "until": "2027-03-08T00:00:00"
            }"#,
        )
        .unwrap()
    }

    fn edited(doc: &ScenarioDoc, edit: Edit) -> ScenarioDoc {
        apply(doc, &edit).unwrap()
    }

    fn resource(index: usize, edit: ResourceEdit) -> Edit {
        Edit::Resource { index, edit }
    }

    /// `edits` applied one after the other as the editor applies them, with its switch memory.
    fn edited_in_editor(doc: &ScenarioDoc, edits: &[Edit]) -> ScenarioDoc {
        let mut memory = SwitchMemory::default();
        edits.iter().fold(doc.clone(), |current, edit| {
            let mut next = edited(&current, edit.clone());
            memory.after(&current, edit, &mut next);
            next
        })
    }

    #[test]
    fn switching_a_mode_or_kind_away_and_back_gives_back_what_was_typed() {
        let mut doc = sample();
        let ocr = &mut doc.resources[0];
        ocr.prices = Some(PricesDoc {
            month: AmountDoc::text("12.34"),
            year: AmountDoc::text("123.40"),
        });
        ocr.auto_renew = Some(AutoRenewDoc {
            enabled: true,
            days_before: Some(3),
            term: Some("2m".into()),
            times: Some(2),
        });
        let billing = |to: &str| resource(0, ResourceEdit::Billing(to.into()));
        let kind = |to: &str| Edit::Action {
            index: 0,
            edit: ActionEdit::Kind(to.to_string()),
        };
        // Package → pay-per-use → package: the prices and auto-renew settings come back.
        let back = edited_in_editor(&doc, &[billing("pay_per_use"), billing("package")]);
        assert_eq!(back.resources[0], doc.resources[0]);
        // And a pay-per-use rate typed in between comes back on the next switch.
        let rate = resource(1, ResourceEdit::HourlyRate("0.07".into()));
        let api_back = edited_in_editor(
            &doc,
            &[
                resource(1, ResourceEdit::Billing("package".into())),
                resource(1, ResourceEdit::Billing("pay_per_use".into())),
            ],
        );
        assert_eq!(api_back.resources[1], doc.resources[1]);
        let typed = edited_in_editor(
            &doc,
            &[
                rate,
                resource(1, ResourceEdit::Billing("package".into())),
                resource(1, ResourceEdit::Billing("pay_per_use".into())),
            ],
        );
        assert_eq!(
            typed.resources[1].hourly_rate,
            Some(AmountDoc::text("0.07"))
        );
        // Without the memory (a plain edit), switching back gives starting values.
        let plain = edited(&edited(&doc, billing("pay_per_use")), billing("package"));
        assert_ne!(plain.resources[0], doc.resources[0]);
        // An action's fields, through another kind and back.
        let renew = edited_in_editor(&doc, &[kind("top_up"), kind("renew")]);
        assert_eq!(renew.actions[0], doc.actions[0]);
        // Another resource at that place (removed and added) gets nothing of the old one's.
        let replaced = edited_in_editor(
            &doc,
            &[
                billing("pay_per_use"),
                resource(0, ResourceEdit::Id("other".into())),
                billing("package"),
            ],
        );
        assert_ne!(replaced.resources[0].prices, doc.resources[0].prices);
        // The tier, through a policy without it and back (not the first tier, V0).
        let preset = |name: &str| Edit::Policy(PolicyChoice::Preset(name.into()));
        let intl = edited_in_editor(&doc, &[preset("huawei-intl")]);
        assert_eq!(intl.tier, "standard");
        let tier_back = edited_in_editor(&doc, &[preset("huawei-intl"), preset("huawei-cn")]);
        assert_eq!(tier_back.tier, "V3");
        let custom_back = edited_in_editor(
            &doc,
            &[
                Edit::Policy(PolicyChoice::Custom(None)),
                preset("huawei-cn"),
            ],
        );
        assert_eq!(custom_back.tier, "V3");
        // Without the memory, the first tier.
        assert_eq!(edited(&intl, preset("huawei-cn")).tier, "V0");
    }

    #[test]
    fn datetime_local_values_become_scenario_times() {
        // browser value, scenario text
        let table = [
            ("2026-03-08T15:29", "2026-03-08T15:29:00"),
            ("2026-03-08T15:29:16", "2026-03-08T15:29:16"),
            ("2026-03-08T15:29:16.500", "2026-03-08T15:29:16"),
            ("+010000-01-01T00:00", "+010000-01-01T00:00:00"),
            ("10000-01-01T00:00:30.250", "10000-01-01T00:00:30"),
        ];
        for (value, expected) in table {
            assert_eq!(complete_time(value).as_deref(), Ok(expected), "{value}");
        }
        assert_eq!(
            complete_time(""),
            Err("enter a complete date and time".to_string())
        );
    }

    #[test]
    fn scenario_times_show_in_the_browsers_shortest_form() {
        // scenario text, datetime-local value
        let table = [
            ("2026-03-08T15:29:00", "2026-03-08T15:29"),
            ("2026-03-08T15:29:16", "2026-03-08T15:29:16"),
            ("2026-13-08T15:29:00", "2026-13-08T15:29:00"),
            ("garbage:00", "garbage:00"),
        ];
        for (time, expected) in table {
            assert_eq!(time_input_value(time), expected, "{time}");
        }
    }

    #[test]
    fn whole_numbers_keep_text_that_is_not_one_out_of_the_document() {
        // text, parsed
        let table: [(&str, Result<Option<i64>, &str>); 6] = [
            ("", Ok(None)),
            (" 3 ", Ok(Some(3))),
            ("-1", Ok(Some(-1))),
            ("3.5", Err("not a whole number")),
            ("x", Err("not a whole number")),
            ("99999999999999999999", Err("not a whole number")),
        ];
        for (text, expected) in table {
            assert_eq!(
                parse_optional_whole(text),
                expected.map_err(str::to_string),
                "{text:?}"
            );
        }
        assert_eq!(parse_days("15"), Ok(15));
        assert_eq!(parse_days("7d"), Err("not a whole number".to_string()));
        assert_eq!(
            parse_days("70000"),
            Err("70000 is out of range (0 to 365 days)".to_string())
        );
        assert!(parse_days("").is_err());
    }

    #[test]
    fn text_that_is_not_a_whole_number_changes_nothing() {
        let doc = sample();
        let result = apply(&doc, &resource(0, ResourceEdit::DaysBefore("3x".into())));
        assert_eq!(result, Err("not a whole number".to_string()));
        let action = Edit::Action {
            index: 0,
            edit: ActionEdit::Times("two".into()),
        };
        assert!(apply(&doc, &action).is_err());
    }

    #[test]
    fn editing_a_start_normalises_the_browser_value() {
        let doc = edited(
            &sample(),
            resource(0, ResourceEdit::Start("2026-03-09T08:00".into())),
        );
        assert_eq!(doc.resources[0].start, "2026-03-09T08:00:00");
        assert!(apply(&doc, &resource(0, ResourceEdit::Start(String::new()))).is_err());
    }

    #[test]
    fn a_packages_first_period_ends_at_its_start_plus_the_term() {
        // start, term, last second of the first period (§2: clamped to the month's length)
        let cases = [
            (
                "2026-03-08T15:29:16",
                Some("1m"),
                Some("2026-04-08T23:59:59"),
            ),
            (
                "2026-01-31T10:00:00",
                Some("1m"),
                Some("2026-02-28T23:59:59"),
            ),
            (
                "2026-02-28T09:00:00",
                Some("1m"),
                Some("2026-03-28T23:59:59"),
            ),
            (
                "2024-02-29T00:00:00",
                Some("1y"),
                Some("2025-02-28T23:59:59"),
            ),
            ("2026-03-08T15:29:16", None, None),
            ("2026-03-08T15:29:16", Some("13m"), None),
            ("not a time", Some("1m"), None),
        ];
        for (start, term, end) in cases {
            let mut resource = sample().resources[0].clone();
            resource.start = start.to_string();
            resource.term = term.map(str::to_string);
            assert_eq!(
                first_period_end(&resource)
                    .map(Time::local_string)
                    .as_deref(),
                end,
                "{start} {term:?}"
            );
        }
        assert_eq!(
            first_period_end(&sample().resources[1]),
            None,
            "pay-per-use"
        );
    }

    #[test]
    fn until_follows_the_earliest_start_so_the_run_keeps_its_length() {
        // sample: api starts first (03-01 00:00), until 2027-03-08.
        // resource, new start, until after
        let cases = [
            // api moves four days later: the earliest start moves as much.
            (1, "2026-03-05T00:00", "2027-03-12T00:00:00"),
            // api moves after ocr: the earliest start is ocr's, 7 d 15:29:16 later.
            (1, "2026-04-01T00:00", "2027-03-15T15:29:16"),
            // ocr moves, api still starts first: nothing to follow.
            (0, "2026-05-01T00:00", "2027-03-08T00:00:00"),
            // ocr moves before api: the earliest start moves to it.
            (0, "2026-02-01T00:00", "2027-02-08T00:00:00"),
        ];
        for (index, start, until) in cases {
            let doc = edited(
                &sample(),
                resource(index, ResourceEdit::Start(start.into())),
            );
            assert_eq!(doc.until, until, "{index} {start}");
        }
        // Near the last modelled year, an until that would leave it stays where it was.
        let mut late = sample();
        late.until = "9000-12-30T00:00:00".to_string();
        let doc = edited(
            &late,
            resource(1, ResourceEdit::Start("2026-04-01T00:00".into())),
        );
        assert_eq!(doc.until, "9000-12-30T00:00:00");
    }

    #[test]
    fn auto_renew_fields_create_and_drop_the_settings() {
        let on = edited(&sample(), resource(0, ResourceEdit::AutoRenew(true)));
        let settings = on.resources[0].auto_renew.clone().unwrap();
        assert!(settings.enabled);
        assert_eq!(settings.days_before, None);
        let three = edited(&on, resource(0, ResourceEdit::DaysBefore("3".into())));
        assert_eq!(
            three.resources[0].auto_renew.as_ref().unwrap().days_before,
            Some(3)
        );
        let off = edited(&on, resource(0, ResourceEdit::AutoRenew(false)));
        assert_eq!(off.resources[0].auto_renew, None);
        let term = edited(&off, resource(0, ResourceEdit::AutoRenewTerm("1y".into())));
        assert_eq!(
            term.resources[0]
                .auto_renew
                .as_ref()
                .unwrap()
                .term
                .as_deref(),
            Some("1y")
        );
    }

    #[test]
    fn switching_billing_swaps_the_modes_fields() {
        let doc = edited(
            &sample(),
            resource(0, ResourceEdit::Billing("pay_per_use".into())),
        );
        let r = &doc.resources[0];
        assert_eq!(r.billing, BillingMode::PayPerUse);
        assert!(r.term.is_none() && r.prices.is_none() && r.auto_renew.is_none());
        assert!(r.hourly_rate.is_some());
        let back = edited(&doc, resource(0, ResourceEdit::Billing("package".into())));
        let r = &back.resources[0];
        assert!(r.hourly_rate.is_none() && r.term.is_some() && r.prices.is_some());
        let scenario = crate::engine::Scenario::from_doc(&back);
        assert!(scenario.is_ok(), "{scenario:?}");
    }

    #[test]
    fn renaming_a_resource_carries_its_actions_along_unless_ambiguous() {
        let doc = edited(&sample(), resource(0, ResourceEdit::Id("ocr2".into())));
        assert_eq!(doc.actions[0].resource.as_deref(), Some("ocr2"));
        // Renaming to an id another resource has leaves the actions where they were.
        let clash = edited(&sample(), resource(0, ResourceEdit::Id("api".into())));
        assert_eq!(clash.actions[0].resource.as_deref(), Some("ocr"));
    }

    #[test]
    fn new_resources_get_unique_ids_and_the_earliest_start() {
        let doc = edited(&sample(), Edit::AddResource(BillingMode::Package));
        let doc = edited(&doc, Edit::AddResource(BillingMode::Package));
        let doc = edited(&doc, Edit::AddResource(BillingMode::PayPerUse));
        let ids: Vec<&str> = doc.resources.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            ["ocr", "api", "package-1", "package-2", "pay-per-use-1"]
        );
        assert!(doc.resources[2..]
            .iter()
            .all(|r| r.start == "2026-03-01T00:00:00"));
        assert!(crate::engine::Scenario::from_doc(&doc).is_ok());
    }

    #[test]
    fn removing_out_of_range_changes_nothing() {
        let doc = sample();
        for edit in [
            Edit::RemoveResource(9),
            Edit::RemoveAction(9),
            Edit::RemoveTier(9),
            resource(9, ResourceEdit::Term("2m".into())),
        ] {
            assert_eq!(edited(&doc, edit), doc);
        }
        let fewer = edited(&doc, Edit::RemoveResource(1));
        assert_eq!(fewer.resources.len(), 1);
    }

    #[test]
    fn new_actions_follow_the_last_one_and_kinds_swap_fields() {
        let doc = edited(&sample(), Edit::AddAction);
        let added = &doc.actions[1];
        assert_eq!(added.at, "2026-04-20T09:00:00");
        assert_eq!(added.verb, ActionVerb::TopUp);
        let set = Edit::Action {
            index: 1,
            edit: ActionEdit::Kind("set_auto_renew".into()),
        };
        let doc = edited(&doc, set);
        let action = &doc.actions[1];
        assert_eq!(action.verb, ActionVerb::SetAutoRenew);
        assert_eq!(action.resource.as_deref(), Some("ocr"));
        assert_eq!(action.enabled, Some(true));
        assert!(action.amount.is_none());
        let renew = Edit::Action {
            index: 0,
            edit: ActionEdit::Kind("top_up".into()),
        };
        let doc = edited(&doc, renew);
        assert!(doc.actions[0].resource.is_none() && doc.actions[0].term.is_none());
        assert!(crate::engine::Scenario::from_doc(&doc).is_ok());
    }

    #[test]
    fn choosing_custom_seeds_the_table_and_keeps_a_matching_tier() {
        let doc = edited(&sample(), Edit::Policy(PolicyChoice::Custom(None)));
        assert_eq!(policy_choice_value(doc.policy.as_ref()), CUSTOM_POLICY);
        assert_eq!(tier_names(doc.policy.as_ref()), tier_names(None));
        assert_eq!(doc.tier, "V3");
        let intl = edited(
            &doc,
            Edit::Policy(PolicyChoice::Preset("huawei-intl".into())),
        );
        assert_eq!(intl.tier, "standard");
        assert!(crate::engine::Scenario::from_doc(&intl).is_ok());
    }

    #[test]
    fn tier_rows_rename_add_and_remove() {
        let doc = edited(&sample(), Edit::Policy(PolicyChoice::Custom(None)));
        let renamed = edited(
            &doc,
            Edit::TierName {
                row: 3,
                text: "gold".into(),
            },
        );
        assert_eq!(renamed.tier, "gold");
        let duplicate = Edit::TierName {
            row: 3,
            text: "V0".into(),
        };
        assert_eq!(
            apply(&doc, &duplicate),
            Err("\"V0\" is already the name of tier row 1".to_string())
        );
        let added = edited(&renamed, Edit::AddTier);
        assert_eq!(tier_names(added.policy.as_ref()).last().unwrap(), "V6");
        let removed = edited(&added, Edit::RemoveTier(3));
        assert_eq!(removed.tier, "V0");
        let days = Edit::TierDays {
            row: 0,
            period: TierPeriod::ALL[2],
            text: "4".into(),
        };
        let with_days = edited(&removed, days);
        let Some(PolicyDoc::Custom(custom)) = &with_days.policy else {
            panic!("custom policy expected");
        };
        assert_eq!(custom.tiers.0[0].1.pay_per_use.grace_days, 4);
        assert!(crate::engine::Scenario::from_doc(&with_days).is_ok());
    }

    #[test]
    fn empty_optional_text_fields_leave_the_value_out() {
        let doc = edited(&sample(), Edit::Balance(String::new()));
        assert_eq!(doc.balance, None);
        let doc = edited(&doc, Edit::Timezone(" ".into()));
        assert_eq!(doc.timezone, None);
        let doc = edited(&doc, Edit::Name(String::new()));
        assert_eq!(doc.name, None);
    }

    /// Whatever the fields hold and in whatever order they change, an edit gives a document or a
    /// message, never a panic (a panic kills the web page); a valid result simulates.
    mod no_panic {
        use super::*;
        use crate::engine::{simulate_all_tiers, Scenario};
        use proptest::prelude::*;

        const TEXTS: &[&str] = &[
            "",
            " ",
            "0",
            "7",
            "8",
            "99",
            "100",
            "-1",
            "1.5",
            "1e3",
            "99999999999.99",
            "18446744073709551616",
            "30,5",
            "1m",
            "11m",
            "5y",
            "6y",
            "0m",
            "V0",
            "V5",
            "V9",
            "x",
            "huawei-intl",
            "huawei-cn",
            "custom",
            "package",
            "pay_per_use",
            "renew",
            "top_up",
            "set_auto_renew",
            "ocr",
            "api",
            "2026-03-08T15:29",
            "2026-02-30T10:00",
            "9000-12-31T23:59",
            "1900-01-01T00:00",
            "2026-03-08",
            "+14:00",
            "-12:00",
            "+99:00",
            "续费",
            "ação",
            "\u{0}",
            "\u{200b}",
            "1m\u{301}",
        ];

        fn text() -> impl Strategy<Value = String> {
            prop::sample::select(TEXTS).prop_map(str::to_string)
        }

        fn resource_edit() -> impl Strategy<Value = ResourceEdit> {
            prop_oneof![
                text().prop_map(ResourceEdit::Id),
                text().prop_map(ResourceEdit::Billing),
                text().prop_map(ResourceEdit::Start),
                text().prop_map(ResourceEdit::Term),
                text().prop_map(ResourceEdit::MonthPrice),
                text().prop_map(ResourceEdit::YearPrice),
                any::<bool>().prop_map(ResourceEdit::AutoRenew),
                text().prop_map(ResourceEdit::DaysBefore),
                text().prop_map(ResourceEdit::AutoRenewTerm),
                text().prop_map(ResourceEdit::Times),
                text().prop_map(ResourceEdit::HourlyRate),
            ]
        }

        fn action_edit() -> impl Strategy<Value = ActionEdit> {
            prop_oneof![
                text().prop_map(ActionEdit::At),
                text().prop_map(ActionEdit::Kind),
                text().prop_map(ActionEdit::Amount),
                text().prop_map(ActionEdit::Resource),
                text().prop_map(ActionEdit::Term),
                any::<bool>().prop_map(ActionEdit::Enabled),
                text().prop_map(ActionEdit::DaysBefore),
                text().prop_map(ActionEdit::Times),
            ]
        }

        fn edit() -> impl Strategy<Value = Edit> {
            let index = 0..4_usize;
            prop_oneof![
                text().prop_map(Edit::Name),
                text().prop_map(Edit::Timezone),
                text().prop_map(|t| Edit::Policy(PolicyChoice::Preset(t))),
                Just(Edit::Policy(PolicyChoice::Custom(None))),
                text().prop_map(Edit::PolicyName),
                (index.clone(), text()).prop_map(|(row, text)| Edit::TierName { row, text }),
                (index.clone(), 0..4_usize, text()).prop_map(|(row, column, text)| {
                    Edit::TierDays {
                        row,
                        period: TierPeriod::ALL[column],
                        text,
                    }
                }),
                Just(Edit::AddTier),
                index.clone().prop_map(Edit::RemoveTier),
                text().prop_map(Edit::Tier),
                text().prop_map(Edit::Balance),
                text().prop_map(Edit::Until),
                (index.clone(), resource_edit())
                    .prop_map(|(index, edit)| Edit::Resource { index, edit }),
                Just(Edit::AddResource(BillingMode::Package)),
                Just(Edit::AddResource(BillingMode::PayPerUse)),
                index.clone().prop_map(Edit::RemoveResource),
                (index.clone(), action_edit())
                    .prop_map(|(index, edit)| Edit::Action { index, edit }),
                Just(Edit::AddAction),
                index.prop_map(Edit::RemoveAction),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(
                std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
            ))]

            #[test]
            fn any_sequence_of_edits_gives_a_document_or_a_message(
                edits in prop::collection::vec(edit(), 1..30),
            ) {
                let mut doc = sample();
                for edit in &edits {
                    if let Ok(next) = apply(&doc, edit) {
                        doc = next;
                    }
                    if let Ok(scenario) = Scenario::from_doc(&doc) {
                        let _ = simulate_all_tiers(&scenario);
                    }
                }
            }
        }
    }
}
