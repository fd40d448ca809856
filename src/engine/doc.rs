//! The scenario file as written (format `renewal-lab/1`): a faithful serde mirror, not yet validated.
//!
//! Values keep their text so an editor can hold a half-typed field; [`crate::engine::Scenario`]
//! checks every rule and turns this into typed values.

use super::policy::{BillingMode, TierDays};
use super::scenario::FieldError;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The format tag every scenario carries.
pub const FORMAT: &str = "renewal-lab/1";

/// A scenario document exactly as the file says it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioDoc {
    /// Must be `renewal-lab/1`.
    pub format: String,
    /// A title for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `±HH:MM`; `+08:00` when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// A preset name or an inline policy; `huawei-cn` when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyDoc>,
    /// The account's customer tier.
    pub tier: String,
    /// The opening balance; zero when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<AmountDoc>,
    /// The resources, in scenario order.
    pub resources: Vec<ResourceDoc>,
    /// The customer's actions, in file order.
    #[serde(default)]
    pub actions: Vec<ActionDoc>,
    /// When the simulation stops (inclusive).
    pub until: String,
}

/// A preset name or an inline custom policy.
#[derive(Clone, Debug, PartialEq)]
pub enum PolicyDoc {
    /// `"huawei-cn"` or `"huawei-intl"` (checked later).
    Preset(String),
    /// `{ "name": ..., "tiers": { ... } }`.
    Custom(CustomPolicyDoc),
}

/// An inline policy: a name and an ordered table of tiers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomPolicyDoc {
    /// The policy's name.
    #[serde(default)]
    pub name: String,
    /// Tier name → periods, in file order.
    pub tiers: TierTable,
}

/// Tier name → periods, keeping the file's order (a JSON object whose order matters to people).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TierTable(pub Vec<(String, TierDays)>);

/// An amount as written: a decimal string or a JSON number.
#[derive(Clone, Debug, PartialEq)]
pub enum AmountDoc {
    /// `"30.50"`.
    Text(String),
    /// `30.5`.
    Number(serde_json::Number),
}

/// A resource as written; which fields belong depends on `billing`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceDoc {
    /// `[a-z0-9_-]{1,32}`, unique.
    pub id: String,
    /// `package` or `pay_per_use`.
    pub billing: BillingMode,
    /// Local purchase time.
    pub start: String,
    /// Package term (`"1m"`..`"5y"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// Package renewal prices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<PricesDoc>,
    /// Package auto-renew settings; off when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_renew: Option<AutoRenewDoc>,
    /// Pay-per-use charge per full hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly_rate: Option<AmountDoc>,
}

/// A package's monthly and yearly prices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PricesDoc {
    /// Price of one month.
    pub month: AmountDoc,
    /// Price of one year.
    pub year: AmountDoc,
}

/// Auto-renew settings as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AutoRenewDoc {
    /// On or off.
    pub enabled: bool,
    /// 0..=7; 7 when left out.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "whole_number"
    )]
    pub days_before: Option<i64>,
    /// Renewal term; `"1m"` when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// Renewals left (0 = unlimited); 0 when left out.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "whole_number"
    )]
    pub times: Option<i64>,
}

/// What an action does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionVerb {
    /// Add money to the balance.
    TopUp,
    /// Renew a package manually.
    Renew,
    /// Change a package's auto-renew settings.
    SetAutoRenew,
}

/// An action as written; which fields belong depends on `do`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionDoc {
    /// Local time of the action.
    pub at: String,
    /// The verb.
    #[serde(rename = "do")]
    pub verb: ActionVerb,
    /// `top_up`: the amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<AmountDoc>,
    /// `renew`, `set_auto_renew`: the resource id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// `renew`, `set_auto_renew`: a term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// `set_auto_renew`: on or off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// `set_auto_renew`: the deduction day.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "whole_number"
    )]
    pub days_before: Option<i64>,
    /// `set_auto_renew`: renewals left.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "whole_number"
    )]
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
    pub fn from_json(text: &str) -> Result<ScenarioDoc, FieldError> {
        let syntax = |inner: serde_json::Error| {
            FieldError::new(
                format!("line {} column {}", inner.line(), inner.column()),
                format!("not valid JSON: {}", strip_position(&inner)),
            )
        };
        // The shapes first: serde would read a list where an object belongs as a struct, and name
        // Rust types in its messages.
        let value: serde_json::Value = serde_json::from_str(text).map_err(syntax)?;
        check_shapes(&value)?;
        // Then the typed read, from the text so that a field given twice is still an error.
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed = serde_path_to_error::deserialize(&mut de)
            .map_err(|err| (err.path().to_string(), err.into_inner()))
            .and_then(|doc| de.end().map(|()| doc).map_err(|e| (".".to_string(), e)));
        parsed.map_err(|(path, inner)| match inner.classify() {
            serde_json::error::Category::Data => {
                let message = strip_position(&inner);
                let parent = if path == "." { "" } else { path.as_str() };
                let field = |name: &str| {
                    if parent.is_empty() {
                        name.to_string()
                    } else {
                        format!("{parent}.{name}")
                    }
                };
                if let Some(name) = quoted_after(&message, "missing field ") {
                    FieldError::new(field(name), "missing field (required)")
                } else if let Some(name) = quoted_after(&message, "duplicate field ") {
                    FieldError::new(field(name), "appears more than once")
                } else if parent.is_empty() {
                    FieldError::new("scenario", message)
                } else {
                    FieldError::new(path, message)
                }
            }
            _ => syntax(inner),
        })
    }

    /// Pretty JSON text of this document.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The name in backquotes right after `prefix` at the start of serde's `message`.
fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message
        .strip_prefix(prefix)?
        .strip_prefix('`')?
        .split('`')
        .next()
}

/// What kind of JSON value `v` is, in words.
fn json_kind(v: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Checks that every place the format expects an object or a list holds one.
fn check_shapes(v: &serde_json::Value) -> Result<(), FieldError> {
    use serde_json::{Map, Value};
    fn object<'a>(
        v: &'a Value,
        path: &str,
        expected: &str,
    ) -> Result<&'a Map<String, Value>, FieldError> {
        v.as_object().ok_or_else(|| {
            FieldError::new(path, format!("expected {expected}, found {}", json_kind(v)))
        })
    }
    fn list<'a>(v: &'a Value, path: &str, expected: &str) -> Result<&'a [Value], FieldError> {
        v.as_array().map(Vec::as_slice).ok_or_else(|| {
            FieldError::new(path, format!("expected {expected}, found {}", json_kind(v)))
        })
    }
    /// `map[key]` when it is there and not null (null reads as left out).
    fn field<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
        map.get(key).filter(|v| !v.is_null())
    }
    let top = object(
        v,
        "scenario",
        "a scenario object { \"format\": \"renewal-lab/1\", ... }",
    )?;
    if let Some(resources) = top.get("resources") {
        let resources = list(resources, "resources", "a list of resources [ { ... } ]")?;
        for (i, r) in resources.iter().enumerate() {
            let path = format!("resources[{i}]");
            let r = object(
                r,
                &path,
                "a resource object { \"id\": ..., \"billing\": ... }",
            )?;
            if let Some(prices) = field(r, "prices") {
                let expected = "an object { \"month\": ..., \"year\": ... }";
                object(prices, &format!("{path}.prices"), expected)?;
            }
            if let Some(auto) = field(r, "auto_renew") {
                let expected = "an object { \"enabled\": ..., \"days_before\": ..., ... }";
                object(auto, &format!("{path}.auto_renew"), expected)?;
            }
        }
    }
    if let Some(actions) = field(top, "actions") {
        let actions = list(actions, "actions", "a list of actions [ { ... } ]")?;
        for (i, a) in actions.iter().enumerate() {
            let expected = "an action object { \"at\": ..., \"do\": ... }";
            object(a, &format!("actions[{i}]"), expected)?;
        }
    }
    if let Some(Value::Object(policy)) = top.get("policy") {
        if let Some(tiers) = policy.get("tiers") {
            let expected =
                "an object of tiers { \"<tier>\": { \"package\": ..., \"pay_per_use\": ... } }";
            for (name, days) in object(tiers, "policy.tiers", expected)? {
                let path = format!("policy.tiers.{name}");
                let expected = "an object { \"package\": ..., \"pay_per_use\": ... }";
                let days = object(days, &path, expected)?;
                for mode in ["package", "pay_per_use"] {
                    if let Some(mode_days) = days.get(mode) {
                        let expected = "an object { \"grace_days\": ..., \"retention_days\": ... }";
                        object(mode_days, &format!("{path}.{mode}"), expected)?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Reads an optional whole number (`days_before`, `times`): JSON integers, and numbers like `3.0`;
/// the range is checked later, where the limits are known.
pub(crate) fn whole_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    struct WholeVisitor;
    impl Visitor<'_> for WholeVisitor {
        type Value = Option<i64>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a whole number")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<i64>, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<i64>, E> {
            Ok(None)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<i64>, E> {
            Ok(Some(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<i64>, E> {
            i64::try_from(v)
                .map(Some)
                .map_err(|_| E::custom(format_args!("{v} is out of range")))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<i64>, E> {
            let text =
                serde_json::Number::from_f64(v).map_or_else(|| v.to_string(), |n| n.to_string());
            if v.fract() != 0.0 || !v.is_finite() {
                Err(E::custom(format_args!("{text} is not a whole number")))
            } else if v.abs() > 1e15 {
                Err(E::custom(format_args!("{text} is out of range")))
            } else {
                Ok(Some(v as i64))
            }
        }
    }
    d.deserialize_any(WholeVisitor)
}

fn strip_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_string()
}

impl Serialize for PolicyDoc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            PolicyDoc::Preset(name) => s.serialize_str(name),
            PolicyDoc::Custom(custom) => custom.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for PolicyDoc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PolicyVisitor;
        impl<'de> Visitor<'de> for PolicyVisitor {
            type Value = PolicyDoc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a preset name (\"huawei-cn\", \"huawei-intl\") or a policy object")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PolicyDoc, E> {
                Ok(PolicyDoc::Preset(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PolicyDoc, A::Error> {
                CustomPolicyDoc::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(PolicyDoc::Custom)
            }
        }
        d.deserialize_any(PolicyVisitor)
    }
}

impl Serialize for TierTable {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, days) in &self.0 {
            map.serialize_entry(name, days)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for TierTable {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TableVisitor;
        impl<'de> Visitor<'de> for TableVisitor {
            type Value = TierTable;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of tier name → periods")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TierTable, A::Error> {
                let mut tiers: Vec<(String, TierDays)> = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    if tiers.iter().any(|(t, _)| *t == name) {
                        return Err(de::Error::custom(format_args!(
                            "tier {name:?} appears twice"
                        )));
                    }
                    let days = map.next_value::<TierDays>()?;
                    tiers.push((name, days));
                }
                Ok(TierTable(tiers))
            }
        }
        d.deserialize_map(TableVisitor)
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

impl Serialize for AmountDoc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AmountDoc::Text(t) => s.serialize_str(t),
            AmountDoc::Number(n) => n.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for AmountDoc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AmountVisitor;
        impl Visitor<'_> for AmountVisitor {
            type Value = AmountDoc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount as a string like \"30.50\" or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AmountDoc, E> {
                Ok(AmountDoc::Text(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<AmountDoc, E> {
                Ok(AmountDoc::Number(v.into()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<AmountDoc, E> {
                Ok(AmountDoc::Number(v.into()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<AmountDoc, E> {
                serde_json::Number::from_f64(v)
                    .map(AmountDoc::Number)
                    .ok_or_else(|| E::custom("an amount must be a finite number"))
            }
        }
        d.deserialize_any(AmountVisitor)
    }
}
