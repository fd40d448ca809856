//! A validated scenario: every rule of the format checked, every value typed.
//!
//! [`Scenario::from_doc`] reports every problem it finds at once, each with the JSON path of the
//! offending value, so an editor can show every message beside its field. Checks that need other
//! values valid wait for them: actions are read once every resource is valid, and a renewal's
//! reach is checked once the actions are otherwise valid.

use super::doc::{
    ActionDoc, ActionVerb, AmountDoc, AutoRenewDoc, CustomPolicyDoc, PolicyDoc, PricesDoc,
    ResourceDoc, ScenarioDoc, TierTable, FORMAT,
};
use super::money::Cents;
use super::policy::{BillingMode, Policy, PolicySource, MAX_PERIOD_DAYS, MAX_TIERS};
use super::term::Term;
use super::time::{Offset, Time};
use chrono::Datelike;
use std::fmt;

/// The most resources a scenario may have.
pub const MAX_RESOURCES: usize = 50;
/// The most actions a scenario may have.
pub const MAX_ACTIONS: usize = 10_000;
/// How far `until` may lie after the earliest start, in years.
pub const MAX_YEARS: u32 = 100;
/// The longest scenario or policy name.
pub const MAX_NAME_CHARS: usize = 200;
/// Most days before the expiry date auto-renew starts trying (`days_before`).
pub const MAX_DAYS_BEFORE: u8 = 7;
/// Most automatic renewals auto-renew may be limited to (`times`).
pub const MAX_RENEWAL_TIMES: u8 = 99;

/// The problem of a reference (an action's, a question's) to a resource id the scenario lacks.
pub fn unknown_resource(id: &str) -> String {
    format!("{id:?} is not the id of any resource")
}

/// One problem in a scenario: where (a JSON path such as `resources[0].term`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// JSON path of the offending value.
    pub path: String,
    /// What is wrong with it, in words.
    pub message: String,
}

impl FieldError {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FieldError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            // A problem of the whole file (it is empty).
            return f.write_str(&self.message);
        }
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A package's auto-renew settings (§6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AutoRenew {
    /// Whether attempts are made.
    pub enabled: bool,
    /// Days before the expiry date the attempts start (0..=7).
    pub days_before: u8,
    /// The term each automatic renewal buys.
    pub term: Term,
    /// Automatic renewals left; 0 means unlimited.
    pub times: u8,
}

impl Default for AutoRenew {
    /// Off, 7 days before, one month, unlimited.
    fn default() -> Self {
        AutoRenew {
            enabled: false,
            days_before: 7,
            term: Term::Months(1),
            times: 0,
        }
    }
}

/// How a resource is billed, with its billing data.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ResourceKind {
    /// A yearly/monthly package.
    Package {
        /// The term bought at the start.
        term: Term,
        /// Price of one month.
        month_price: Cents,
        /// Price of one year.
        year_price: Cents,
        /// Initial auto-renew settings.
        auto_renew: AutoRenew,
    },
    /// Charged every full hour after its start.
    PayPerUse {
        /// Charge per full hour.
        hourly_rate: Cents,
    },
}

/// One resource of the account.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Resource {
    /// Unique id.
    pub id: String,
    /// Purchase instant.
    pub start: Time,
    /// Billing mode and data.
    pub kind: ResourceKind,
}

impl Resource {
    /// The billing mode.
    pub fn billing(&self) -> BillingMode {
        match self.kind {
            ResourceKind::Package { .. } => BillingMode::Package,
            ResourceKind::PayPerUse { .. } => BillingMode::PayPerUse,
        }
    }

    /// The price of renewing for `term`, for a package (§5).
    pub fn price(&self, term: Term) -> Option<Cents> {
        match (&self.kind, term) {
            (ResourceKind::Package { month_price, .. }, Term::Months(n)) => {
                Some(month_price.times(i64::from(n)))
            }
            (ResourceKind::Package { year_price, .. }, Term::Years(n)) => {
                Some(year_price.times(i64::from(n)))
            }
            (ResourceKind::PayPerUse { .. }, _) => None,
        }
    }
}

/// What a customer action does.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ActionKind {
    /// Add money to the balance.
    TopUp {
        /// More than zero.
        amount: Cents,
    },
    /// Renew a resource by hand.
    Renew {
        /// Index into [`Scenario::resources`].
        resource: usize,
        /// Term to add.
        term: Term,
    },
    /// Change auto-renew settings; `None` keeps the current value.
    SetAutoRenew {
        /// Index into [`Scenario::resources`].
        resource: usize,
        /// On or off.
        enabled: bool,
        /// New deduction day.
        days_before: Option<u8>,
        /// New term.
        term: Option<Term>,
        /// New count.
        times: Option<u8>,
    },
}

impl ActionKind {
    /// The resource the action names, if any.
    pub fn resource(&self) -> Option<usize> {
        match *self {
            ActionKind::TopUp { .. } => None,
            ActionKind::Renew { resource, .. } | ActionKind::SetAutoRenew { resource, .. } => {
                Some(resource)
            }
        }
    }
}

/// A customer action at an instant.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Action {
    /// When.
    pub at: Time,
    /// What.
    pub kind: ActionKind,
}

/// A fully validated scenario.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Scenario {
    /// Title for people.
    pub name: String,
    /// The fixed UTC offset of every time.
    pub offset: Offset,
    /// The tier table.
    pub policy: Policy,
    /// The account's tier (a tier of `policy`).
    pub tier: String,
    /// Opening balance.
    pub balance: Cents,
    /// Resources in scenario order (1..=50).
    pub resources: Vec<Resource>,
    /// Actions in file order (the engine applies them in time order, ties in file order).
    pub actions: Vec<Action>,
    /// Last simulated instant (inclusive).
    pub until: Time,
}

impl Scenario {
    /// Parses and validates scenario JSON; every problem found is returned.
    pub fn from_json(text: &str) -> Result<Scenario, Vec<FieldError>> {
        let doc = ScenarioDoc::from_json(text).map_err(|e| vec![e])?;
        Scenario::from_doc(&doc)
    }

    /// Validates a document.
    pub fn from_doc(doc: &ScenarioDoc) -> Result<Scenario, Vec<FieldError>> {
        let mut v = Validator::default();
        let scenario = v.scenario(doc);
        match scenario {
            Some(s) if v.errors.is_empty() => Ok(s),
            _ => Err(v.errors),
        }
    }

    /// The earliest resource start, where the simulation begins.
    pub fn start(&self) -> Time {
        self.resources
            .iter()
            .map(|r| r.start)
            .min()
            .unwrap_or(self.until)
    }

    /// The index of the resource with `id`.
    pub fn resource_index(&self, id: &str) -> Option<usize> {
        self.resources.iter().position(|r| r.id == id)
    }

    /// This scenario as a document (amounts with two decimals, defaults written out).
    pub fn to_doc(&self) -> ScenarioDoc {
        let amount = |c: Cents| AmountDoc::Text(c.to_string());
        let policy = match self.policy.source {
            PolicySource::Preset(name) => PolicyDoc::Preset(name.to_string()),
            PolicySource::Custom => PolicyDoc::Custom(CustomPolicyDoc {
                name: self.policy.name.clone(),
                tiers: TierTable(self.policy.tiers.clone()),
            }),
        };
        let resources = self
            .resources
            .iter()
            .map(|r| {
                let mut doc = ResourceDoc {
                    id: r.id.clone(),
                    billing: r.billing(),
                    start: r.start.local_string(),
                    term: None,
                    prices: None,
                    auto_renew: None,
                    hourly_rate: None,
                };
                match &r.kind {
                    ResourceKind::Package {
                        term,
                        month_price,
                        year_price,
                        auto_renew,
                    } => {
                        doc.term = Some(term.to_string());
                        doc.prices = Some(PricesDoc {
                            month: amount(*month_price),
                            year: amount(*year_price),
                        });
                        doc.auto_renew = Some(AutoRenewDoc {
                            enabled: auto_renew.enabled,
                            days_before: Some(i64::from(auto_renew.days_before)),
                            term: Some(auto_renew.term.to_string()),
                            times: Some(i64::from(auto_renew.times)),
                        });
                    }
                    ResourceKind::PayPerUse { hourly_rate } => {
                        doc.hourly_rate = Some(amount(*hourly_rate))
                    }
                }
                doc
            })
            .collect();
        let actions = self
            .actions
            .iter()
            .map(|a| {
                let mut doc = ActionDoc::new(a.at.local_string(), ActionVerb::TopUp);
                if let Some(i) = a.kind.resource() {
                    doc.resource = self.resources.get(i).map(|r| r.id.clone());
                }
                match &a.kind {
                    ActionKind::TopUp { amount: value } => doc.amount = Some(amount(*value)),
                    ActionKind::Renew { term, .. } => {
                        doc.verb = ActionVerb::Renew;
                        doc.term = Some(term.to_string());
                    }
                    ActionKind::SetAutoRenew {
                        enabled,
                        days_before,
                        term,
                        times,
                        ..
                    } => {
                        doc.verb = ActionVerb::SetAutoRenew;
                        doc.enabled = Some(*enabled);
                        doc.days_before = days_before.map(i64::from);
                        doc.term = term.map(|t| t.to_string());
                        doc.times = times.map(i64::from);
                    }
                }
                doc
            })
            .collect();
        ScenarioDoc {
            format: FORMAT.to_string(),
            name: Some(self.name.clone()),
            timezone: Some(self.offset.to_string()),
            policy: Some(policy),
            tier: self.tier.clone(),
            balance: Some(amount(self.balance)),
            resources,
            actions,
            until: self.until.local_string(),
        }
    }

    /// Pretty JSON of [`Scenario::to_doc`].
    pub fn to_json(&self) -> String {
        self.to_doc().to_json()
    }
}

/// Walks a document, collecting every problem with its path.
#[derive(Default)]
struct Validator {
    errors: Vec<FieldError>,
}

impl Validator {
    fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError::new(path, message));
    }

    /// `Some(value)` when `result` is Ok, else records the message at `path`.
    fn check<T>(&mut self, path: impl Into<String>, result: Result<T, String>) -> Option<T> {
        result.map_err(|message| self.fail(path, message)).ok()
    }

    fn amount(&mut self, path: String, doc: &AmountDoc) -> Option<Cents> {
        let result = match doc {
            AmountDoc::Text(text) => Cents::parse(text),
            AmountDoc::Number(n) => Cents::from_json_number(n),
        };
        self.check(path, result)
    }

    fn ranged(&mut self, path: String, value: i64, max: u8) -> Option<u8> {
        let result = u8::try_from(value)
            .ok()
            .filter(|v| *v <= max)
            .ok_or_else(|| format!("{value} is out of range (0 to {max})"));
        self.check(path, result)
    }

    fn forbid<T>(&mut self, path: String, value: &Option<T>, why: &str) {
        if value.is_some() {
            self.fail(path, why.to_string());
        }
    }

    fn require<'a, T>(&mut self, path: String, value: &'a Option<T>, why: &str) -> Option<&'a T> {
        if value.is_none() {
            self.fail(path, format!("missing: {why}"));
        }
        value.as_ref()
    }

    fn scenario(&mut self, doc: &ScenarioDoc) -> Option<Scenario> {
        if doc.format != FORMAT {
            self.fail("format", format!("{:?} is not {FORMAT:?}", doc.format));
        }
        let name = doc.name.clone().unwrap_or_default();
        if name.chars().count() > MAX_NAME_CHARS {
            self.fail("name", format!("longer than {MAX_NAME_CHARS} characters"));
        }
        let offset = match &doc.timezone {
            Some(text) => self.check("timezone", Offset::parse(text)),
            None => Some(Offset::default()),
        };
        let policy = self.policy(doc.policy.as_ref());
        if let Some(policy) = &policy {
            if policy.tier(&doc.tier).is_none() {
                let known: Vec<&str> = policy.tier_names().collect();
                self.fail(
                    "tier",
                    format!(
                        "{:?} is not a tier of {} ({})",
                        doc.tier,
                        policy.name,
                        known.join(", ")
                    ),
                );
            }
        }
        let balance = match &doc.balance {
            Some(b) => self.amount("balance".into(), b),
            None => Some(Cents::ZERO),
        };
        let resources = self.resources(&doc.resources);
        let until = self.check("until", Time::parse_local(&doc.until));
        let actions = match &resources {
            Some(resources) => self.actions(&doc.actions, resources, until),
            None => {
                self.action_references(&doc.actions, &doc.resources);
                None
            }
        };
        if let (Some(resources), Some(until)) = (&resources, until) {
            self.until(resources, until);
        }
        Some(Scenario {
            name,
            offset: offset?,
            policy: policy?,
            tier: doc.tier.clone(),
            balance: balance?,
            resources: resources?,
            actions: actions?,
            until: until?,
        })
    }

    fn policy(&mut self, doc: Option<&PolicyDoc>) -> Option<Policy> {
        match doc {
            None => Policy::preset("huawei-cn"),
            Some(PolicyDoc::Preset(name)) => {
                let policy = Policy::preset(name);
                if policy.is_none() {
                    self.fail(
                        "policy",
                        format!("{name:?} is not a policy (huawei-cn, huawei-intl, or a custom policy object)"),
                    );
                }
                policy
            }
            Some(PolicyDoc::Custom(custom)) => {
                let before = self.errors.len();
                if custom.name.chars().count() > MAX_NAME_CHARS {
                    self.fail(
                        "policy.name",
                        format!("longer than {MAX_NAME_CHARS} characters"),
                    );
                }
                let tiers = &custom.tiers.0;
                if tiers.is_empty() {
                    self.fail("policy.tiers", "a policy needs at least one tier");
                }
                if tiers.len() > MAX_TIERS {
                    self.fail(
                        "policy.tiers",
                        format!("{} tiers; at most {MAX_TIERS}", tiers.len()),
                    );
                    // Each tier's checks look at the ones before it: on a huge table they would
                    // take minutes to say what the count already says.
                    return None;
                }
                for (i, (tier, days)) in tiers.iter().enumerate() {
                    let path = format!("policy.tiers.{tier}");
                    if tiers[..i].iter().any(|(earlier, _)| earlier == tier) {
                        self.fail(path.clone(), format!("tier {tier:?} appears twice"));
                    }
                    if tier.trim().is_empty()
                        || tier.chars().count() > 32
                        || tier.chars().any(char::is_control)
                    {
                        self.fail(path.clone(), "a tier name has 1 to 32 printable characters");
                    }
                    for (mode, mode_days) in
                        [("package", days.package), ("pay_per_use", days.pay_per_use)]
                    {
                        for (field, value) in [
                            ("grace_days", mode_days.grace_days),
                            ("retention_days", mode_days.retention_days),
                        ] {
                            if value > MAX_PERIOD_DAYS {
                                self.fail(
                                    format!("{path}.{mode}.{field}"),
                                    format!(
                                        "{value} is out of range (0 to {MAX_PERIOD_DAYS} days)"
                                    ),
                                );
                            }
                        }
                    }
                }
                (self.errors.len() == before).then(|| Policy {
                    name: if custom.name.is_empty() {
                        "custom".into()
                    } else {
                        custom.name.clone()
                    },
                    source: PolicySource::Custom,
                    tiers: tiers.clone(),
                })
            }
        }
    }

    fn resources(&mut self, docs: &[ResourceDoc]) -> Option<Vec<Resource>> {
        if docs.is_empty() {
            self.fail("resources", "a scenario needs at least one resource");
            return None;
        }
        if docs.len() > MAX_RESOURCES {
            self.fail(
                "resources",
                format!("{} resources; at most {MAX_RESOURCES}", docs.len()),
            );
            return None;
        }
        let before = self.errors.len();
        let mut resources = Vec::with_capacity(docs.len());
        for (i, doc) in docs.iter().enumerate() {
            let path = format!("resources[{i}]");
            let id_ok = (1..=32).contains(&doc.id.len())
                && doc
                    .id
                    .bytes()
                    .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-'));
            if !id_ok {
                self.fail(
                    format!("{path}.id"),
                    format!("{:?} is not an id (1 to 32 of a-z, 0-9, _ and -)", doc.id),
                );
            } else if let Some(first) = docs[..i].iter().position(|r| r.id == doc.id) {
                self.fail(
                    format!("{path}.id"),
                    format!("{:?} is already the id of resources[{first}]", doc.id),
                );
            }
            let start = self.check(format!("{path}.start"), Time::parse_local(&doc.start));
            let kind = match doc.billing {
                BillingMode::Package => self.package(&path, doc),
                BillingMode::PayPerUse => self.pay_per_use(&path, doc),
            };
            if let (Some(start), Some(kind)) = (start, kind) {
                resources.push(Resource {
                    id: doc.id.clone(),
                    start,
                    kind,
                });
            }
        }
        (self.errors.len() == before).then_some(resources)
    }

    fn package(&mut self, path: &str, doc: &ResourceDoc) -> Option<ResourceKind> {
        const NOT_PPU: &str = "only pay_per_use resources have an hourly rate";
        self.forbid(format!("{path}.hourly_rate"), &doc.hourly_rate, NOT_PPU);
        let term = self
            .require(
                format!("{path}.term"),
                &doc.term,
                "a package needs a term (1m..11m or 1y..5y)",
            )
            .and_then(|t| self.check(format!("{path}.term"), Term::parse(t)));
        let prices = self.require(
            format!("{path}.prices"),
            &doc.prices,
            "a package needs prices { month, year }",
        );
        let (month_price, year_price) = match prices {
            Some(p) => (
                self.amount(format!("{path}.prices.month"), &p.month),
                self.amount(format!("{path}.prices.year"), &p.year),
            ),
            None => (None, None),
        };
        let auto_renew = match &doc.auto_renew {
            None => Some(AutoRenew::default()),
            Some(a) => {
                let base = AutoRenew::default();
                let p = format!("{path}.auto_renew");
                let days_before = a
                    .days_before
                    .map(|d| self.ranged(format!("{p}.days_before"), d, MAX_DAYS_BEFORE));
                let term = a
                    .term
                    .as_ref()
                    .map(|t| self.check(format!("{p}.term"), Term::parse(t)));
                let times = a
                    .times
                    .map(|t| self.ranged(format!("{p}.times"), t, MAX_RENEWAL_TIMES));
                Some(AutoRenew {
                    enabled: a.enabled,
                    days_before: days_before.unwrap_or(Some(base.days_before))?,
                    term: term.unwrap_or(Some(base.term))?,
                    times: times.unwrap_or(Some(base.times))?,
                })
            }
        };
        Some(ResourceKind::Package {
            term: term?,
            month_price: month_price?,
            year_price: year_price?,
            auto_renew: auto_renew?,
        })
    }

    fn pay_per_use(&mut self, path: &str, doc: &ResourceDoc) -> Option<ResourceKind> {
        const ONLY_PACKAGES: &str =
            "only package resources have this; remove it or make the billing \"package\"";
        self.forbid(format!("{path}.term"), &doc.term, ONLY_PACKAGES);
        self.forbid(format!("{path}.prices"), &doc.prices, ONLY_PACKAGES);
        self.forbid(format!("{path}.auto_renew"), &doc.auto_renew, ONLY_PACKAGES);
        let rate = self.require(
            format!("{path}.hourly_rate"),
            &doc.hourly_rate,
            "a pay_per_use resource needs an hourly_rate",
        )?;
        let hourly_rate = self.amount(format!("{path}.hourly_rate"), rate)?;
        Some(ResourceKind::PayPerUse { hourly_rate })
    }

    fn actions(
        &mut self,
        docs: &[ActionDoc],
        resources: &[Resource],
        until: Option<Time>,
    ) -> Option<Vec<Action>> {
        if docs.len() > MAX_ACTIONS {
            self.fail(
                "actions",
                format!("{} actions; at most {MAX_ACTIONS}", docs.len()),
            );
            return None;
        }
        let earliest = resources.iter().map(|r| r.start).min()?;
        let before = self.errors.len();
        let mut actions = Vec::with_capacity(docs.len());
        for (i, doc) in docs.iter().enumerate() {
            let path = format!("actions[{i}]");
            let at = self.check(format!("{path}.at"), Time::parse_local(&doc.at));
            if let Some(at) = at {
                if at < earliest {
                    self.fail(
                        format!("{path}.at"),
                        format!(
                            "{} is before the earliest resource start {}",
                            doc.at,
                            earliest.local_string()
                        ),
                    );
                } else if let Some(u) = until.filter(|u| at > *u) {
                    self.fail(
                        format!("{path}.at"),
                        format!("{} is after until ({})", doc.at, u.local_string()),
                    );
                }
            }
            if let Some(kind) = self.action_kind(&path, doc, resources, at) {
                if let Some(at) = at {
                    actions.push(Action { at, kind });
                }
            }
        }
        if self.errors.len() == before {
            // Only now does `actions[i]` stand for the file's `actions[i]`.
            self.renewals_within_years(&actions, resources, until);
        }
        (self.errors.len() == before).then_some(actions)
    }

    /// With the resources in error the actions cannot be checked, except that each names a
    /// resource the file has: removing the only resource then says so beside every action
    /// that named it, instead of leaving them unexplained until a resource is back.
    fn action_references(&mut self, docs: &[ActionDoc], resources: &[ResourceDoc]) {
        if docs.len() > MAX_ACTIONS {
            return;
        }
        for (i, doc) in docs.iter().enumerate() {
            if let Some(id) = &doc.resource {
                if doc.verb != ActionVerb::TopUp && !resources.iter().any(|r| r.id == *id) {
                    self.fail(format!("actions[{i}].resource"), unknown_resource(id));
                }
            }
        }
    }

    /// Renewals stack on the expiry date, so enough of them could carry it past the year 9999,
    /// which RFC 3339 cannot write. A resource's manual renewals may add up to what keeps even the
    /// latest possible expiry (automatic renewals stop by `until`, at most 5 years each) within it.
    fn renewals_within_years(
        &mut self,
        actions: &[Action],
        resources: &[Resource],
        until: Option<Time>,
    ) {
        let Some(until) = until else { return };
        let last_year = 9999_i64;
        for (r, resource) in resources.iter().enumerate() {
            let ResourceKind::Package { term, .. } = resource.kind else {
                continue;
            };
            let from_year = i64::from(resource.start.date().year().max(until.date().year()));
            // Room for the first term, one automatic renewal of 5 years, and a month-end.
            let mut months = i64::from(term.months()) + 60 + 12;
            for (i, action) in actions.iter().enumerate() {
                let ActionKind::Renew { resource: of, term } = action.kind else {
                    continue;
                };
                if of != r {
                    continue;
                }
                months += i64::from(term.months());
                if from_year + months / 12 > last_year {
                    self.fail(
                        format!("actions[{i}].term"),
                        format!(
                            "the renewals of {:?} up to here would carry its expiry past the year {last_year}",
                            resource.id
                        ),
                    );
                    break;
                }
            }
        }
    }

    fn action_kind(
        &mut self,
        path: &str,
        doc: &ActionDoc,
        resources: &[Resource],
        at: Option<Time>,
    ) -> Option<ActionKind> {
        const NOT_FOR_VERB: &str = "this field does not belong to this kind of action";
        let resource = |v: &mut Self| -> Option<usize> {
            let id = v.require(
                format!("{path}.resource"),
                &doc.resource,
                "the id of the resource to act on",
            )?;
            let index = resources.iter().position(|r| r.id == *id);
            match index {
                None => v.fail(format!("{path}.resource"), unknown_resource(id)),
                Some(i) => {
                    // Before every resource's start is said once, as such, by the caller.
                    let earliest = resources.iter().map(|r| r.start).min();
                    let after_earliest = |at: Time| earliest.is_none_or(|e| at >= e);
                    if at.is_some_and(|at| at < resources[i].start && after_earliest(at)) {
                        v.fail(
                            format!("{path}.at"),
                            format!(
                                "comes before {id:?} starts ({})",
                                resources[i].start.local_string()
                            ),
                        );
                    }
                }
            }
            index
        };
        match doc.verb {
            ActionVerb::TopUp => {
                for (field, present) in [
                    ("resource", doc.resource.is_some()),
                    ("term", doc.term.is_some()),
                    ("enabled", doc.enabled.is_some()),
                    ("days_before", doc.days_before.is_some()),
                    ("times", doc.times.is_some()),
                ] {
                    if present {
                        self.fail(format!("{path}.{field}"), NOT_FOR_VERB);
                    }
                }
                let amount =
                    self.require(format!("{path}.amount"), &doc.amount, "how much to top up")?;
                let amount = self.amount(format!("{path}.amount"), amount)?;
                if amount == Cents::ZERO {
                    self.fail(format!("{path}.amount"), "a top-up must be more than 0");
                    return None;
                }
                Some(ActionKind::TopUp { amount })
            }
            ActionVerb::Renew => {
                for (field, present) in [
                    ("amount", doc.amount.is_some()),
                    ("enabled", doc.enabled.is_some()),
                    ("days_before", doc.days_before.is_some()),
                    ("times", doc.times.is_some()),
                ] {
                    if present {
                        self.fail(format!("{path}.{field}"), NOT_FOR_VERB);
                    }
                }
                let resource = resource(self);
                let term = self
                    .require(format!("{path}.term"), &doc.term, "the term to renew for")
                    .and_then(|t| self.check(format!("{path}.term"), Term::parse(t)));
                Some(ActionKind::Renew {
                    resource: resource?,
                    term: term?,
                })
            }
            ActionVerb::SetAutoRenew => {
                self.forbid(format!("{path}.amount"), &doc.amount, NOT_FOR_VERB);
                let resource = resource(self);
                let enabled = self
                    .require(format!("{path}.enabled"), &doc.enabled, "true or false")
                    .copied();
                let days_before = doc
                    .days_before
                    .map(|d| self.ranged(format!("{path}.days_before"), d, MAX_DAYS_BEFORE));
                let term = doc
                    .term
                    .as_ref()
                    .map(|t| self.check(format!("{path}.term"), Term::parse(t)));
                let times = doc
                    .times
                    .map(|t| self.ranged(format!("{path}.times"), t, MAX_RENEWAL_TIMES));
                Some(ActionKind::SetAutoRenew {
                    resource: resource?,
                    enabled: enabled?,
                    days_before: days_before.map_or(Some(None), |d| d.map(Some))?,
                    term: term.map_or(Some(None), |t| t.map(Some))?,
                    times: times.map_or(Some(None), |t| t.map(Some))?,
                })
            }
        }
    }

    fn until(&mut self, resources: &[Resource], until: Time) {
        if let Some((i, latest)) = resources.iter().enumerate().max_by_key(|(_, r)| r.start) {
            if until < latest.start {
                self.fail(
                    "until",
                    format!(
                        "{} is before resources[{i}].start {}",
                        until.local_string(),
                        latest.start.local_string()
                    ),
                );
            }
        }
        let earliest = resources.iter().map(|r| r.start).min().unwrap_or(until);
        let limit = earliest
            .date()
            .checked_add_months(chrono::Months::new(12 * MAX_YEARS));
        if limit
            .is_none_or(|limit| until > Time::midnight(limit).plus_secs(earliest.second_of_day()))
        {
            self.fail(
                "until",
                format!(
                    "{} is more than {MAX_YEARS} years after the earliest start",
                    until.local_string()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::doc::{CustomPolicyDoc, PolicyDoc, TierTable};
    use crate::engine::policy::TierDays;

    #[test]
    fn a_document_built_in_code_cannot_repeat_a_tier() {
        // The JSON reader already refuses a repeated key; a document built by an editor must be
        // refused too, or it would export a file that does not import again.
        let text = r#"{ "format": "renewal-lab/1", "tier": "gold",
            "policy": { "name": "mine", "tiers": { "gold": {
                "package": { "grace_days": 1, "retention_days": 2 },
                "pay_per_use": { "grace_days": 0, "retention_days": 1 } } } },
            "resources": [{ "id": "a", "billing": "pay_per_use", "start": "2026-01-01T00:00:00",
                            "hourly_rate": "1" }],
            "until": "2026-01-02T00:00:00" }"#;
        let mut doc = ScenarioDoc::from_json(text).expect("valid document");
        assert!(Scenario::from_doc(&doc).is_ok());
        doc.policy = Some(PolicyDoc::Custom(CustomPolicyDoc {
            name: "mine".into(),
            tiers: TierTable(vec![("gold".into(), TierDays::default()); 2]),
        }));
        let errors = Scenario::from_doc(&doc).expect_err("repeated tier");
        assert_eq!(
            errors,
            [FieldError::new(
                "policy.tiers.gold",
                "tier \"gold\" appears twice"
            )]
        );
    }
}
