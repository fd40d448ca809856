//! The scenario file as written (format `renewal-lab/1`): read and written by a small JSON module
//! (`doc/json.rs`) that keeps serde_json's messages (but where they named no field), not yet
//! validated.
//!
//! Values keep their text so an editor can hold a half-typed field; [`crate::engine::Scenario`]
//! checks every rule and turns this into typed values.

mod json;
mod pow10;

pub(crate) use json::{
    invalid_type as invalid_json_type, join as json_join, object as json_object, one_of,
    parse as parse_json, without_bom, write as write_json, Node, Value,
};
pub use json::{plain_text, text_of_bytes, Number};

use super::policy::{BillingMode, ModeDays, TierDays, MAX_PERIOD_DAYS, MAX_TIERS};
use super::scenario::{FieldError, MAX_DAYS_BEFORE, MAX_RENEWAL_TIMES};
use std::fmt;

/// The format tag every scenario carries.
pub const FORMAT: &str = "renewal-lab/1";

/// A scenario document exactly as the file says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioDoc {
    /// Must be `renewal-lab/1`.
    pub format: String,
    /// A title for people.
    pub name: Option<String>,
    /// `±HH:MM`; `+08:00` when left out.
    pub timezone: Option<String>,
    /// A preset name or an inline policy; `huawei-cn` when left out.
    pub policy: Option<PolicyDoc>,
    /// The account's customer tier.
    pub tier: String,
    /// The opening balance; zero when left out.
    pub balance: Option<AmountDoc>,
    /// The resources, in scenario order.
    pub resources: Vec<ResourceDoc>,
    /// The customer's actions, in file order.
    pub actions: Vec<ActionDoc>,
    /// When the simulation stops (inclusive).
    pub until: String,
}

/// A preset name or an inline custom policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PolicyDoc {
    /// `"huawei-cn"` or `"huawei-intl"` (checked later).
    Preset(String),
    /// `{ "name": ..., "tiers": { ... } }`.
    Custom(CustomPolicyDoc),
}

/// An inline policy: a name and an ordered table of tiers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomPolicyDoc {
    /// The policy's name.
    pub name: String,
    /// Tier name → periods, in file order.
    pub tiers: TierTable,
}

/// Tier name → periods, keeping the file's order (a JSON object whose order matters to people).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TierTable(pub Vec<(String, TierDays)>);

/// An amount as written: a decimal string or a JSON number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountDoc {
    /// `"30.50"`.
    Text(String),
    /// `30.5`.
    Number(Number),
}

/// A resource as written; which fields belong depends on `billing`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceDoc {
    /// `[a-z0-9_-]{1,32}`, unique.
    pub id: String,
    /// `package` or `pay_per_use`.
    pub billing: BillingMode,
    /// Local purchase time.
    pub start: String,
    /// Package term (`"1m"`..`"5y"`).
    pub term: Option<String>,
    /// Package renewal prices.
    pub prices: Option<PricesDoc>,
    /// Package auto-renew settings; off when left out.
    pub auto_renew: Option<AutoRenewDoc>,
    /// Pay-per-use charge per full hour.
    pub hourly_rate: Option<AmountDoc>,
}

/// A package's monthly and yearly prices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PricesDoc {
    /// Price of one month.
    pub month: AmountDoc,
    /// Price of one year.
    pub year: AmountDoc,
}

/// Auto-renew settings as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AutoRenewDoc {
    /// On or off.
    pub enabled: bool,
    /// 0..=7; 7 when left out.
    pub days_before: Option<i64>,
    /// Renewal term; `"1m"` when left out.
    pub term: Option<String>,
    /// Renewals left (0 = unlimited); 0 when left out.
    pub times: Option<i64>,
}

/// What an action does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionVerb {
    /// Add money to the balance.
    TopUp,
    /// Renew a package manually.
    Renew,
    /// Change a package's auto-renew settings.
    SetAutoRenew,
}

/// An action as written; which fields belong depends on `do`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionDoc {
    /// Local time of the action.
    pub at: String,
    /// The verb.
    pub verb: ActionVerb,
    /// `top_up`: the amount.
    pub amount: Option<AmountDoc>,
    /// `renew`, `set_auto_renew`: the resource id.
    pub resource: Option<String>,
    /// `renew`, `set_auto_renew`: a term.
    pub term: Option<String>,
    /// `set_auto_renew`: on or off.
    pub enabled: Option<bool>,
    /// `set_auto_renew`: the deduction day.
    pub days_before: Option<i64>,
    /// `set_auto_renew`: renewals left.
    pub times: Option<i64>,
}

impl ActionDoc {
    /// An action of kind `verb` at local time `at`, every other field left out.
    pub fn new(at: impl Into<String>, verb: ActionVerb) -> Self {
        ActionDoc {
            at: at.into(),
            verb,
            amount: None,
            resource: None,
            term: None,
            enabled: None,
            days_before: None,
            times: None,
        }
    }
}

impl ScenarioDoc {
    /// Reads a document, naming the JSON path (or line and column, for broken JSON) of any error.
    ///
    /// The messages are serde_json's and serde's, word for word (they were produced by them once;
    /// `tests/doc_parity.rs` keeps it so), but for two cases where those named no field: a
    /// `billing` or `do` of the wrong kind, and a tier table of more than [`MAX_TIER_ROWS`] rows.
    pub fn from_json(text: &str) -> Result<ScenarioDoc, FieldError> {
        let text = json::without_bom(text);
        let root = json::parse(text).map_err(|e| syntax(text, e))?;
        check_shapes(&root)?;
        Reader {
            text: text.as_bytes(),
        }
        .scenario(&root)
    }

    /// A document from a value already parsed (the autosave record holds one).
    pub(crate) fn from_node(text: &str, node: &Node) -> Result<ScenarioDoc, FieldError> {
        check_shapes(node)?;
        Reader {
            text: text.as_bytes(),
        }
        .scenario(node)
    }

    /// Pretty JSON text of this document.
    pub fn to_json(&self) -> String {
        json::write(&self.to_node(), true)
    }

    /// Compact JSON text of this document (share links).
    pub fn to_compact_json(&self) -> String {
        json::write(&self.to_node(), false)
    }

    /// This document as a JSON value, fields in the format's order, left-out ones left out.
    pub(crate) fn to_node(&self) -> Node {
        let s = |t: &String| Value::str(t);
        let opt_s = |t: &Option<String>| t.as_ref().map(s);
        let amount = |a: &AmountDoc| match a {
            AmountDoc::Text(t) => Value::str(t),
            AmountDoc::Number(n) => Value::of(Value::Num(*n)),
        };
        let int = |n: &Option<i64>| n.map(|n| Value::of(Value::Num(number_of(n))));
        let days = |d: &ModeDays| {
            let n = |v: u16| Some(Value::of(Value::Num(Number::U(u64::from(v)))));
            Value::obj(vec![
                ("grace_days", n(d.grace_days)),
                ("retention_days", n(d.retention_days)),
            ])
        };
        let policy = self.policy.as_ref().map(|p| match p {
            PolicyDoc::Preset(name) => Value::str(name),
            PolicyDoc::Custom(c) => Value::obj(vec![
                ("name", Some(s(&c.name))),
                (
                    "tiers",
                    Some(Value::of(Value::Obj(
                        c.tiers
                            .0
                            .iter()
                            .map(|(name, t)| {
                                let t = Value::obj(vec![
                                    ("package", Some(days(&t.package))),
                                    ("pay_per_use", Some(days(&t.pay_per_use))),
                                ]);
                                (name.clone(), t)
                            })
                            .collect(),
                    ))),
                ),
            ]),
        });
        let resources = self.resources.iter().map(|r| {
            Value::obj(vec![
                ("id", Some(s(&r.id))),
                ("billing", Some(Value::str(BILLING[r.billing as usize]))),
                ("start", Some(s(&r.start))),
                ("term", opt_s(&r.term)),
                (
                    "prices",
                    r.prices.as_ref().map(|p| {
                        Value::obj(vec![
                            ("month", Some(amount(&p.month))),
                            ("year", Some(amount(&p.year))),
                        ])
                    }),
                ),
                (
                    "auto_renew",
                    r.auto_renew.as_ref().map(|a| {
                        Value::obj(vec![
                            ("enabled", Some(Value::of(Value::Bool(a.enabled)))),
                            ("days_before", int(&a.days_before)),
                            ("term", opt_s(&a.term)),
                            ("times", int(&a.times)),
                        ])
                    }),
                ),
                ("hourly_rate", r.hourly_rate.as_ref().map(amount)),
            ])
        });
        let actions = self.actions.iter().map(|a| {
            Value::obj(vec![
                ("at", Some(s(&a.at))),
                ("do", Some(Value::str(VERBS[a.verb as usize]))),
                ("amount", a.amount.as_ref().map(amount)),
                ("resource", opt_s(&a.resource)),
                ("term", opt_s(&a.term)),
                ("enabled", a.enabled.map(|b| Value::of(Value::Bool(b)))),
                ("days_before", int(&a.days_before)),
                ("times", int(&a.times)),
            ])
        });
        Value::obj(vec![
            ("format", Some(s(&self.format))),
            ("name", opt_s(&self.name)),
            ("timezone", opt_s(&self.timezone)),
            ("policy", policy),
            ("tier", Some(s(&self.tier))),
            ("balance", self.balance.as_ref().map(amount)),
            ("resources", Some(Value::list(resources.collect()))),
            ("actions", Some(Value::list(actions.collect()))),
            ("until", Some(s(&self.until))),
        ])
    }
}

/// serde_json's number for an `i64`.
fn number_of(n: i64) -> Number {
    u64::try_from(n).map_or(Number::I(n), Number::U)
}

/// The billing modes as written, in [`BillingMode`] order.
const BILLING: [&str; 2] = ["package", "pay_per_use"];
/// The verbs as written, in [`ActionVerb`] order.
const VERBS: [&str; 3] = ["top_up", "renew", "set_auto_renew"];

/// The most rows of a custom tier table that are read one by one; past it the table is refused by
/// its count alone. (A policy has at most [`MAX_TIERS`] tiers; the validator says so of a table
/// of up to this many rows, after any problem with a row's shape.)
pub const MAX_TIER_ROWS: usize = 1_000;

/// A syntax error of `text` where the parser found it; a file with nothing in it is said to be
/// empty.
pub(crate) fn syntax(text: &str, e: json::Syntax) -> FieldError {
    if text.trim().is_empty() {
        return FieldError::new("", "the file is empty: it holds no JSON");
    }
    syntax_error(e)
}

/// A syntax error, with its line and column.
fn syntax_error(e: json::Syntax) -> FieldError {
    FieldError::new(
        format!("line {} column {}", e.line, e.column),
        format!("not valid JSON: {}", e.what),
    )
}

/// What kind of JSON value `v` is, in words.
fn json_kind(v: &Node) -> &'static str {
    match v.v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Num(_) => "a number",
        Value::Str(_) => "a string",
        Value::List(_) => "a list",
        Value::Obj(_) => "an object",
    }
}

/// Checks that every place the format expects an object or a list holds one (before the typed
/// read, whose messages would name Rust types).
fn check_shapes(v: &Node) -> Result<(), FieldError> {
    fn shape<'a>(
        v: &'a Node,
        list: bool,
        path: &str,
        expected: &str,
    ) -> Result<&'a Node, FieldError> {
        match (&v.v, list) {
            (Value::Obj(_), false) | (Value::List(_), true) => Ok(v),
            _ => Err(FieldError::new(
                path,
                format!("expected {expected}, found {}", json_kind(v)),
            )),
        }
    }
    /// A choice of names (`billing`, `do`): a string, or serde's `{"<name>": null}`. (serde_json
    /// calls anything else "expected value", a syntax error at a place in the text; the name's
    /// own checks come with the typed read.) An object is judged as serde_json's map holds it:
    /// one name (repeats of it collapse), its last value null.
    fn variant_shape(v: &Node, path: &str, names: &[&str]) -> Result<(), FieldError> {
        let one_unit = |entries: &[(String, Node)]| {
            entries.first().is_some_and(|(name, _)| {
                entries.iter().all(|(other, _)| other == name)
                    && entries
                        .last()
                        .is_some_and(|(_, unit)| matches!(unit.v, Value::Null))
            })
        };
        match &v.v {
            Value::Str(_) => Ok(()),
            Value::Obj(entries) if one_unit(entries) => Ok(()),
            _ => Err(FieldError::new(
                path,
                format!("expected {}, found {}", json::one_of(names), json_kind(v)),
            )),
        }
    }
    /// `node[key]` when it is there and not null (null reads as left out).
    fn field<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
        node.get(key).filter(|v| !matches!(v.v, Value::Null))
    }
    fn items(v: &Node) -> &[Node] {
        match &v.v {
            Value::List(items) => items,
            _ => &[],
        }
    }
    let top = shape(
        v,
        false,
        "scenario",
        "a scenario object { \"format\": \"renewal-lab/1\", ... }",
    )?;
    if let Some(resources) = top.get("resources") {
        let resources = shape(
            resources,
            true,
            "resources",
            "a list of resources [ { ... } ]",
        )?;
        for (i, r) in items(resources).iter().enumerate() {
            let path = format!("resources[{i}]");
            let expected = "a resource object { \"id\": ..., \"billing\": ... }";
            let r = shape(r, false, &path, expected)?;
            if let Some(billing) = r.get("billing") {
                variant_shape(billing, &format!("{path}.billing"), &BILLING)?;
            }
            if let Some(prices) = field(r, "prices") {
                let expected = "an object { \"month\": ..., \"year\": ... }";
                shape(prices, false, &format!("{path}.prices"), expected)?;
            }
            if let Some(auto) = field(r, "auto_renew") {
                let expected = "an object { \"enabled\": ..., \"days_before\": ..., ... }";
                shape(auto, false, &format!("{path}.auto_renew"), expected)?;
            }
        }
    }
    if let Some(actions) = field(top, "actions") {
        let actions = shape(actions, true, "actions", "a list of actions [ { ... } ]")?;
        for (i, a) in items(actions).iter().enumerate() {
            let expected = "an action object { \"at\": ..., \"do\": ... }";
            let path = format!("actions[{i}]");
            let a = shape(a, false, &path, expected)?;
            if let Some(verb) = a.get("do") {
                variant_shape(verb, &format!("{path}.do"), &VERBS)?;
            }
        }
    }
    if let Some(
        policy @ Node {
            v: Value::Obj(_), ..
        },
    ) = top.get("policy")
    {
        if let Some(tiers) = policy.get("tiers") {
            let expected =
                "an object of tiers { \"<tier>\": { \"package\": ..., \"pay_per_use\": ... } }";
            let tiers = shape(tiers, false, "policy.tiers", expected)?;
            // The first problem in name order, each name with its last value, as serde_json's
            // (sorted) map held them; without a sort, which would add a sort to the build.
            let entries: &[(String, Node)] = match &tiers.v {
                Value::Obj(entries) => entries,
                _ => &[],
            };
            // Far more rows than a policy may have tiers: said by their count at once (each
            // name is compared with the others here and in the typed read, which would take
            // minutes on a huge table).
            if entries.len() > MAX_TIER_ROWS {
                return Err(FieldError::new(
                    "policy.tiers",
                    format!("{} tiers; at most {MAX_TIERS}", entries.len()),
                ));
            }
            let mut first: Option<(&str, FieldError)> = None;
            for (i, (name, days)) in entries.iter().enumerate() {
                let later = entries[i + 1..].iter().any(|(k, _)| k == name);
                if later || first.as_ref().is_some_and(|(n, _)| *n <= name.as_str()) {
                    continue;
                }
                let path = format!("policy.tiers.{name}");
                let expected = "an object { \"package\": ..., \"pay_per_use\": ... }";
                let checked = shape(days, false, &path, expected).and_then(|days| {
                    for mode in BILLING {
                        if let Some(mode_days) = days.get(mode) {
                            let expected =
                                "an object { \"grace_days\": ..., \"retention_days\": ... }";
                            shape(mode_days, false, &format!("{path}.{mode}"), expected)?;
                        }
                    }
                    Ok(())
                });
                if let Err(e) = checked {
                    first = Some((name, e));
                }
            }
            if let Some((_, e)) = first {
                return Err(e);
            }
        }
    }
    Ok(())
}

/// The typed read, in file order, stopping at the first problem, as serde derive +
/// serde_path_to_error did.
struct Reader<'a> {
    text: &'a [u8],
}

type Read<T> = Result<T, FieldError>;

use json::join;

/// A problem with the value at `path` (the whole scenario at the top).
fn data(path: &str, message: String) -> FieldError {
    FieldError::new(if path.is_empty() { "scenario" } else { path }, message)
}

fn invalid_type(path: &str, v: &Node, expected: &str) -> FieldError {
    json::invalid_type("scenario", path, v, expected)
}

impl Reader<'_> {
    /// [`json::object`] for a struct of the scenario format named `what`.
    fn object(
        &self,
        path: &str,
        v: &Node,
        what: &str,
        names: &[&str],
        required: u32,
        read: impl FnMut(usize, &Node, &str) -> Read<()>,
    ) -> Read<()> {
        json::object(
            "scenario",
            path,
            v,
            &format!("struct {what}"),
            names,
            required,
            read,
        )
    }

    fn string(&self, path: &str, v: &Node) -> Read<String> {
        match &v.v {
            Value::Str(s) => Ok(s.clone()),
            _ => Err(invalid_type(path, v, "a string")),
        }
    }

    fn opt_string(&self, path: &str, v: &Node) -> Read<Option<String>> {
        match v.v {
            Value::Null => Ok(None),
            _ => self.string(path, v).map(Some),
        }
    }

    fn opt_bool(&self, path: &str, v: &Node) -> Read<Option<bool>> {
        match v.v {
            Value::Null => Ok(None),
            Value::Bool(b) => Ok(Some(b)),
            _ => Err(invalid_type(path, v, "a boolean")),
        }
    }

    /// An optional whole number (`days_before`, `times`): integers, and numbers like `3.0`; the
    /// range (0 to `max`) is checked later, except for numbers too large to hold, said here.
    fn whole(&self, path: &str, v: &Node, max: u8) -> Read<Option<i64>> {
        let n = match &v.v {
            Value::Null => return Ok(None),
            Value::Num(n) => *n,
            _ => return Err(invalid_type(path, v, "a whole number")),
        };
        match n {
            Number::U(u) => i64::try_from(u)
                .map(Some)
                .map_err(|_| data(path, format!("{u} is out of range (0 to {max})"))),
            Number::I(i) => Ok(Some(i)),
            Number::F(f) if f.fract() != 0.0 => {
                Err(data(path, format!("{n} is not a whole number")))
            }
            Number::F(f) if f.abs() > 1e15 => {
                Err(data(path, format!("{n} is out of range (0 to {max})")))
            }
            Number::F(f) => Ok(Some(f as i64)),
        }
    }

    /// A period of whole days, `0..=MAX_PERIOD_DAYS`.
    fn days(&self, path: &str, v: &Node) -> Read<u16> {
        let max = MAX_PERIOD_DAYS;
        let n = match &v.v {
            Value::Num(n) => *n,
            _ => {
                let expected = format!("a whole number of days (0 to {max})");
                return Err(invalid_type(path, v, &expected));
            }
        };
        let f = n.as_f64();
        if f.fract() == 0.0 && (0.0..=f64::from(max)).contains(&f) {
            return Ok(f as u16);
        }
        Err(data(
            path,
            if f.fract() != 0.0 {
                format!("{n} is not a whole number of days")
            } else {
                format!("{n} is out of range (0 to {max} days)")
            },
        ))
    }

    fn amount(&self, path: &str, v: &Node) -> Read<AmountDoc> {
        match &v.v {
            Value::Str(s) => Ok(AmountDoc::Text(s.clone())),
            Value::Num(n) => Ok(AmountDoc::Number(*n)),
            _ => Err(invalid_type(
                path,
                v,
                "an amount as a string like \"30.50\" or a number",
            )),
        }
    }

    fn opt_amount(&self, path: &str, v: &Node) -> Read<Option<AmountDoc>> {
        match v.v {
            Value::Null => Ok(None),
            _ => self.amount(path, v).map(Some),
        }
    }

    /// A unit enum (`billing`, `do`), which serde_json also reads from `{"<variant>": null}`.
    fn variant(&self, path: &str, v: &Node, names: &[&str]) -> Read<usize> {
        let known = |name: &str| {
            names.iter().position(|n| *n == name).ok_or_else(|| {
                data(
                    path,
                    format!("unknown variant `{name}`, expected {}", json::one_of(names)),
                )
            })
        };
        let syntax_at = |i| syntax_error(json::syntax_at(self.text, i, json::EXPECTED_VALUE));
        match &v.v {
            Value::Str(name) => known(name),
            Value::Obj(entries) => {
                let Some((name, unit)) = entries.first() else {
                    // At the closing brace.
                    return Err(syntax_at(v.end));
                };
                let index = known(name)?;
                if !matches!(unit.v, Value::Null) {
                    return Err(invalid_type(&join(path, name), unit, "unit"));
                }
                if entries.len() > 1 {
                    // At the comma after the first entry (serde_json's `error`, not `peek_error`).
                    let comma = self.text[unit.end..]
                        .iter()
                        .position(|b| *b == b',')
                        .map_or(unit.end, |p| unit.end + p);
                    return Err(syntax_at(comma));
                }
                Ok(index)
            }
            _ => Err(syntax_at(v.at + 1)),
        }
    }

    fn list<T>(
        &self,
        path: &str,
        v: &Node,
        mut read: impl FnMut(&Node, &str) -> Read<T>,
    ) -> Read<Vec<T>> {
        match &v.v {
            Value::List(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| read(item, &format!("{path}[{i}]")))
                .collect(),
            _ => Err(invalid_type(path, v, "a sequence")),
        }
    }

    fn scenario(&self, v: &Node) -> Read<ScenarioDoc> {
        const NAMES: [&str; 9] = [
            "format",
            "name",
            "timezone",
            "policy",
            "tier",
            "balance",
            "resources",
            "actions",
            "until",
        ];
        let mut doc = ScenarioDoc {
            format: String::new(),
            name: None,
            timezone: None,
            policy: None,
            tier: String::new(),
            balance: None,
            resources: Vec::new(),
            actions: Vec::new(),
            until: String::new(),
        };
        // format, tier, resources, until
        let required = 0b1_0101_0001;
        self.object("", v, "ScenarioDoc", &NAMES, required, |i, v, p| {
            match i {
                0 => doc.format = self.string(p, v)?,
                1 => doc.name = self.opt_string(p, v)?,
                2 => doc.timezone = self.opt_string(p, v)?,
                3 => doc.policy = self.policy(p, v)?,
                4 => doc.tier = self.string(p, v)?,
                5 => doc.balance = self.opt_amount(p, v)?,
                6 => doc.resources = self.list(p, v, |v, p| self.resource(p, v))?,
                7 => doc.actions = self.list(p, v, |v, p| self.action(p, v))?,
                _ => doc.until = self.string(p, v)?,
            }
            Ok(())
        })?;
        Ok(doc)
    }

    fn policy(&self, path: &str, v: &Node) -> Read<Option<PolicyDoc>> {
        match &v.v {
            Value::Null => Ok(None),
            Value::Str(name) => Ok(Some(PolicyDoc::Preset(name.clone()))),
            Value::Obj(_) => {
                let mut custom = CustomPolicyDoc {
                    name: String::new(),
                    tiers: TierTable::default(),
                };
                let names = ["name", "tiers"];
                self.object(path, v, "CustomPolicyDoc", &names, 0b10, |i, v, p| {
                    match i {
                        0 => custom.name = self.string(p, v)?,
                        _ => custom.tiers = self.tiers(p, v)?,
                    }
                    Ok(())
                })?;
                Ok(Some(PolicyDoc::Custom(custom)))
            }
            _ => Err(invalid_type(
                path,
                v,
                "a preset name (\"huawei-cn\", \"huawei-intl\") or a policy object",
            )),
        }
    }

    fn tiers(&self, path: &str, v: &Node) -> Read<TierTable> {
        let Value::Obj(entries) = &v.v else {
            return Err(invalid_type(path, v, "an object of tier name → periods"));
        };
        let mut tiers: Vec<(String, TierDays)> = Vec::new();
        for (name, days) in entries {
            if tiers.iter().any(|(t, _)| t == name) {
                return Err(data(path, format!("tier {name:?} appears twice")));
            }
            let p = join(path, name);
            let mut tier = TierDays::default();
            self.object(&p, days, "TierDays", &BILLING, 0b11, |i, v, p| {
                let mut mode = ModeDays::default();
                let names = ["grace_days", "retention_days"];
                self.object(p, v, "ModeDays", &names, 0b11, |i, v, p| {
                    let d = self.days(p, v)?;
                    match i {
                        0 => mode.grace_days = d,
                        _ => mode.retention_days = d,
                    }
                    Ok(())
                })?;
                match i {
                    0 => tier.package = mode,
                    _ => tier.pay_per_use = mode,
                }
                Ok(())
            })?;
            tiers.push((name.clone(), tier));
        }
        Ok(TierTable(tiers))
    }

    fn resource(&self, path: &str, v: &Node) -> Read<ResourceDoc> {
        const NAMES: [&str; 7] = [
            "id",
            "billing",
            "start",
            "term",
            "prices",
            "auto_renew",
            "hourly_rate",
        ];
        let mut r = ResourceDoc {
            id: String::new(),
            billing: BillingMode::Package,
            start: String::new(),
            term: None,
            prices: None,
            auto_renew: None,
            hourly_rate: None,
        };
        self.object(path, v, "ResourceDoc", &NAMES, 0b111, |i, v, p| {
            match i {
                0 => r.id = self.string(p, v)?,
                1 => {
                    r.billing = match self.variant(p, v, &BILLING)? {
                        0 => BillingMode::Package,
                        _ => BillingMode::PayPerUse,
                    }
                }
                2 => r.start = self.string(p, v)?,
                3 => r.term = self.opt_string(p, v)?,
                4 if matches!(v.v, Value::Null) => r.prices = None,
                4 => {
                    let mut prices = PricesDoc {
                        month: AmountDoc::Text(String::new()),
                        year: AmountDoc::Text(String::new()),
                    };
                    let names = ["month", "year"];
                    self.object(p, v, "PricesDoc", &names, 0b11, |i, v, p| {
                        match i {
                            0 => prices.month = self.amount(p, v)?,
                            _ => prices.year = self.amount(p, v)?,
                        }
                        Ok(())
                    })?;
                    r.prices = Some(prices);
                }
                5 if matches!(v.v, Value::Null) => r.auto_renew = None,
                5 => {
                    let mut auto = AutoRenewDoc {
                        enabled: false,
                        days_before: None,
                        term: None,
                        times: None,
                    };
                    let names = ["enabled", "days_before", "term", "times"];
                    self.object(p, v, "AutoRenewDoc", &names, 0b1, |i, v, p| {
                        match i {
                            0 => match v.v {
                                Value::Bool(b) => auto.enabled = b,
                                _ => return Err(invalid_type(p, v, "a boolean")),
                            },
                            1 => auto.days_before = self.whole(p, v, MAX_DAYS_BEFORE)?,
                            2 => auto.term = self.opt_string(p, v)?,
                            _ => auto.times = self.whole(p, v, MAX_RENEWAL_TIMES)?,
                        }
                        Ok(())
                    })?;
                    r.auto_renew = Some(auto);
                }
                _ => r.hourly_rate = self.opt_amount(p, v)?,
            }
            Ok(())
        })?;
        Ok(r)
    }

    fn action(&self, path: &str, v: &Node) -> Read<ActionDoc> {
        const NAMES: [&str; 8] = [
            "at",
            "do",
            "amount",
            "resource",
            "term",
            "enabled",
            "days_before",
            "times",
        ];
        let mut a = ActionDoc::new(String::new(), ActionVerb::TopUp);
        self.object(path, v, "ActionDoc", &NAMES, 0b11, |i, v, p| {
            match i {
                0 => a.at = self.string(p, v)?,
                1 => {
                    a.verb = match self.variant(p, v, &VERBS)? {
                        0 => ActionVerb::TopUp,
                        1 => ActionVerb::Renew,
                        _ => ActionVerb::SetAutoRenew,
                    }
                }
                2 => a.amount = self.opt_amount(p, v)?,
                3 => a.resource = self.opt_string(p, v)?,
                4 => a.term = self.opt_string(p, v)?,
                5 => a.enabled = self.opt_bool(p, v)?,
                6 => a.days_before = self.whole(p, v, MAX_DAYS_BEFORE)?,
                _ => a.times = self.whole(p, v, MAX_RENEWAL_TIMES)?,
            }
            Ok(())
        })?;
        Ok(a)
    }
}

impl AmountDoc {
    /// An amount written as text.
    pub fn text(text: impl Into<String>) -> Self {
        AmountDoc::Text(text.into())
    }
}

impl fmt::Display for AmountDoc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AmountDoc::Text(t) => f.write_str(t),
            AmountDoc::Number(n) => write!(f, "{n}"),
        }
    }
}
