//! Parity of the scenario reader and writer with the serde_json + serde derive code they replaced.
//!
//! The old code (the serde mirror of the format, `serde_path_to_error` for paths) is kept here as
//! the oracle; thousands of generated and mutated documents must give the same document, the same
//! error path and message, and the same JSON text (pretty and compact) both ways.
#![cfg(not(target_arch = "wasm32"))]
#![allow(dead_code, clippy::all)]

mod old {
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct FieldError {
        pub path: String,
        pub message: String,
    }
    impl FieldError {
        pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
            FieldError {
                path: path.into(),
                message: message.into(),
            }
        }
    }
    // (old) The scenario file as written (format `renewal-lab/1`): a faithful serde mirror, not yet validated.
    //
    // Values keep their text so an editor can hold a half-typed field; [`crate::engine::Scenario`]
    // checks every rule and turns this into typed values.

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
            deserialize_with = "whole_days_before"
        )]
        pub days_before: Option<i64>,
        /// Renewal term; `"1m"` when left out.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub term: Option<String>,
        /// Renewals left (0 = unlimited); 0 when left out.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "whole_times"
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
            deserialize_with = "whole_days_before"
        )]
        pub days_before: Option<i64>,
        /// `set_auto_renew`: renewals left.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "whole_times"
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
        /// A deliberate change from serde_json, which calls anything but a string or a
        /// `{"<name>": null}` "expected value", a syntax error: the reader names the field.
        fn variant(v: &Value, path: &str, names: &str) -> Result<(), FieldError> {
            match v {
                Value::String(_) => Ok(()),
                Value::Object(map) if map.len() == 1 && map.values().all(Value::is_null) => Ok(()),
                _ => Err(FieldError::new(
                    path,
                    format!("expected {names}, found {}", json_kind(v)),
                )),
            }
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
                if let Some(billing) = r.get("billing") {
                    variant(
                        billing,
                        &format!("{path}.billing"),
                        "`package` or `pay_per_use`",
                    )?;
                }
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
                let a = object(a, &format!("actions[{i}]"), expected)?;
                if let Some(verb) = a.get("do") {
                    let names = "one of `top_up`, `renew`, `set_auto_renew`";
                    variant(verb, &format!("actions[{i}].do"), names)?;
                }
            }
        }
        if let Some(Value::Object(policy)) = top.get("policy") {
            if let Some(tiers) = policy.get("tiers") {
                let expected =
                    "an object of tiers { \"<tier>\": { \"package\": ..., \"pay_per_use\": ... } }";
                let tiers = object(tiers, "policy.tiers", expected)?;
                // A deliberate change: a table of more than 1,000 rows is refused by its count
                // at once (the reader counts rows; serde_json's map here holds each name once,
                // the same count when the names differ, as in every case generated).
                if tiers.len() > 1_000 {
                    return Err(FieldError::new(
                        "policy.tiers",
                        format!("{} tiers; at most 20", tiers.len()),
                    ));
                }
                for (name, days) in tiers {
                    let path = format!("policy.tiers.{name}");
                    let expected = "an object { \"package\": ..., \"pay_per_use\": ... }";
                    let days = object(days, &path, expected)?;
                    for mode in ["package", "pay_per_use"] {
                        if let Some(mode_days) = days.get(mode) {
                            let expected =
                                "an object { \"grace_days\": ..., \"retention_days\": ... }";
                            object(mode_days, &format!("{path}.{mode}"), expected)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Read an optional whole number (`days_before`, 0 to 7; `times`, 0 to 99): JSON integers,
    /// and numbers like `3.0`; the range is checked later, except for numbers too large to hold.
    pub(crate) fn whole_days_before<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<i64>, D::Error> {
        whole_number(d, 7)
    }

    pub(crate) fn whole_times<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        whole_number(d, 99)
    }

    fn whole_number<'de, D: Deserializer<'de>>(d: D, max: u8) -> Result<Option<i64>, D::Error> {
        struct WholeVisitor(u8);
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
                    .map_err(|_| E::custom(format_args!("{v} is out of range (0 to {})", self.0)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<i64>, E> {
                let text = serde_json::Number::from_f64(v)
                    .map_or_else(|| v.to_string(), |n| n.to_string());
                if v.fract() != 0.0 || !v.is_finite() {
                    Err(E::custom(format_args!("{text} is not a whole number")))
                } else if v.abs() > 1e15 {
                    Err(E::custom(format_args!(
                        "{text} is out of range (0 to {})",
                        self.0
                    )))
                } else {
                    Ok(Some(v as i64))
                }
            }
        }
        d.deserialize_any(WholeVisitor(max))
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

    /// How a resource is billed; tiers give each mode its own grace and retention periods.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum BillingMode {
        /// A yearly/monthly package, paid in advance.
        Package,
        /// Charged every full hour from a shared balance.
        PayPerUse,
    }

    /// Grace and retention days for one billing mode.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ModeDays {
        /// Days in `expired` (still usable) before freezing.
        #[serde(deserialize_with = "period_days")]
        pub grace_days: u16,
        /// Days in `frozen` (data kept) before release.
        #[serde(deserialize_with = "period_days")]
        pub retention_days: u16,
    }

    /// Reads a period of whole days, `0..=MAX_PERIOD_DAYS`, with a message that names the range.
    fn period_days<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
        use serde::de::{Error, Visitor};
        struct DaysVisitor;
        impl Visitor<'_> for DaysVisitor {
            type Value = u16;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a whole number of days (0 to {MAX_PERIOD_DAYS})")
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<u16, E> {
                u16::try_from(v)
                    .ok()
                    .filter(|d| *d <= MAX_PERIOD_DAYS)
                    .ok_or_else(|| {
                        E::custom(format_args!(
                            "{v} is out of range (0 to {MAX_PERIOD_DAYS} days)"
                        ))
                    })
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<u16, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::custom(format_args!(
                        "{v} is out of range (0 to {MAX_PERIOD_DAYS} days)"
                    ))),
                }
            }
            fn visit_f64<E: Error>(self, v: f64) -> Result<u16, E> {
                if v.fract() == 0.0 && (0.0..=f64::from(MAX_PERIOD_DAYS)).contains(&v) {
                    return Ok(v as u16);
                }
                let text = serde_json::Number::from_f64(v)
                    .map_or_else(|| v.to_string(), |n| n.to_string());
                Err(E::custom(if v.fract() != 0.0 {
                    format!("{text} is not a whole number of days")
                } else {
                    format!("{text} is out of range (0 to {MAX_PERIOD_DAYS} days)")
                }))
            }
        }
        d.deserialize_any(DaysVisitor)
    }

    /// The periods of one tier, for both billing modes.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct TierDays {
        /// Periods for packages.
        pub package: ModeDays,
        /// Periods for pay-per-use resources.
        pub pay_per_use: ModeDays,
    }

    const MAX_PERIOD_DAYS: u16 = 365;
}

use renewal_lab::engine::doc::{plain_text, Number};
use renewal_lab::engine::ScenarioDoc;

/// A small deterministic random source (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A JSON tree that keeps key order and repeated keys, and its own spelling of scalars.
enum T {
    Raw(String),
    Obj(Vec<(String, T)>),
    Arr(Vec<T>),
}

fn raw(s: &str) -> T {
    T::Raw(s.to_string())
}

fn text(t: &T, r: &mut Rng, pretty: bool, out: &mut String) {
    let space = |r: &mut Rng, out: &mut String| {
        if pretty {
            out.push_str(["", " ", "\n  ", "\t", "\r\n"][r.below(5)]);
        }
    };
    match t {
        T::Raw(s) => out.push_str(s),
        T::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                space(r, out);
                text(item, r, pretty, out);
            }
            space(r, out);
            out.push(']');
        }
        T::Obj(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                space(r, out);
                out.push_str(&format!("{k:?}"));
                out.push(':');
                space(r, out);
                text(v, r, pretty, out);
            }
            space(r, out);
            out.push('}');
        }
    }
}

const NUMBERS: &[&str] = &[
    "0",
    "5",
    "7",
    "8",
    "30",
    "365",
    "366",
    "-1",
    "-5",
    "30.5",
    "0.1",
    "1e2",
    "1E+2",
    "3.0",
    "30.125",
    "1.5",
    "-0",
    "-0.0",
    "1e300",
    "1e-7",
    "0.000001",
    "0.00001",
    "1e15",
    "1e16",
    "1.5e15",
    "123456789.123456789",
    "12345678901234567890",
    "123456789012345678901234",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "1.7976931348623157e308",
    "5e-324",
    "2.2250738585072014e-308",
    "1e-400",
    "100000000000000000000000.5",
    "0.30000000000000004",
    "4.35",
    "1000000000.01",
    "99.99",
    "1e999999999999",
    "0e999999999999",
    "7.0",
];

const STRINGS: &[&str] = &[
    r#""renewal-lab/1""#,
    r#""renewal-lab/2""#,
    r#""""#,
    r#""x""#,
    r#""huawei-cn""#,
    r#""huawei-intl""#,
    r#""aws""#,
    r#""V0""#,
    r#""V3""#,
    r#""gold""#,
    r#""+08:00""#,
    r#""2026-03-01T10:00:00""#,
    r#""2026-06-01T00:00:00""#,
    r#""1m""#,
    r#""1y""#,
    r#""13m""#,
    r#""30.50""#,
    r#""-1""#,
    r#""1.234""#,
    r#""ocr""#,
    r#""OCR""#,
    r#""package""#,
    r#""pay_per_use""#,
    r#""top_up""#,
    r#""renew""#,
    r#""set_auto_renew""#,
    r#""cancel""#,
    r#""caf\u00e9 \"q\" \\ \/ \b\f\n\r\t""#,
    r#""\ud83d\ude00""#,
    "\"é ü 😀\"",
    r#""\u0001\u001f\u007f""#,
];

fn scalar(r: &mut Rng) -> T {
    match r.below(7) {
        0 => raw(r.pick(&["null", "true", "false"])),
        1 | 2 => raw(r.pick(NUMBERS)),
        3 | 4 => raw(r.pick(STRINGS)),
        5 => T::Arr(if r.chance(50) { vec![] } else { vec![raw("1")] }),
        _ => T::Obj(if r.chance(50) {
            vec![]
        } else {
            vec![("a".into(), raw("1"))]
        }),
    }
}

/// An object with some of `fields` (each made by `value`), sometimes an unknown key, a repeated
/// key, or a shuffled order.
fn object(r: &mut Rng, fields: &[&str], value: &mut dyn FnMut(&mut Rng, &str) -> T) -> T {
    let mut entries: Vec<(String, T)> = Vec::new();
    for f in fields {
        if r.chance(90) {
            let v = if r.chance(4) { scalar(r) } else { value(r, f) };
            entries.push((f.to_string(), v));
        }
    }
    if r.chance(4) {
        let at = r.below(entries.len() + 1);
        entries.insert(
            at,
            (r.pick(&["colour", "x", "Format", ""]).to_string(), raw("1")),
        );
    }
    if r.chance(3) && !entries.is_empty() {
        let i = r.below(entries.len());
        let key = entries[i].0.clone();
        let v = value(r, &key);
        let at = r.below(entries.len() + 1).max(i + 1);
        entries.insert(at, (key, v));
    }
    if r.chance(10) && entries.len() > 1 {
        let a = r.below(entries.len());
        let b = r.below(entries.len());
        entries.swap(a, b);
    }
    T::Obj(entries)
}

fn variant(r: &mut Rng, names: &[&str]) -> T {
    let name = format!("{:?}", r.pick(names));
    match r.below(12) {
        0 => T::Obj(vec![(name[1..name.len() - 1].to_string(), raw("null"))]),
        1 => T::Obj(vec![(name[1..name.len() - 1].to_string(), scalar(r))]),
        2 => T::Obj(vec![]),
        3 => T::Obj(vec![
            (name[1..name.len() - 1].to_string(), raw("null")),
            ("x".into(), raw("1")),
        ]),
        4 => raw(r.pick(&["null", "5", "true", "[]", "\"cancel\""])),
        _ => T::Raw(name),
    }
}

fn amount(r: &mut Rng) -> T {
    if r.chance(50) {
        raw(r.pick(NUMBERS))
    } else {
        raw(r.pick(&[
            r#""30""#,
            r#""30.50""#,
            r#""0""#,
            r#""-1""#,
            r#""1.234""#,
            r#""x""#,
        ]))
    }
}

fn days(r: &mut Rng) -> T {
    object(r, &["grace_days", "retention_days"], &mut |r, _| {
        raw(r.pick(NUMBERS))
    })
}

fn scenario(r: &mut Rng) -> T {
    object(
        r,
        &[
            "format",
            "name",
            "timezone",
            "policy",
            "tier",
            "balance",
            "resources",
            "actions",
            "until",
        ],
        &mut |r, key| match key {
            "format" => raw(r.pick(&[
                r#""renewal-lab/1""#,
                r#""renewal-lab/1""#,
                r#""renewal-lab/2""#,
            ])),
            "policy" if r.chance(50) => object(r, &["name", "tiers"], &mut |r, key| {
                if key == "name" {
                    return raw(r.pick(STRINGS));
                }
                let mut tiers = Vec::new();
                for _ in 0..r.below(4) {
                    let name = r.pick(&["gold", "V0", "a.b", "gold", "é"]).to_string();
                    let t = object(r, &["package", "pay_per_use"], &mut |r, _| days(r));
                    tiers.push((name, t));
                }
                T::Obj(tiers)
            }),
            "policy" => raw(r.pick(&[r#""huawei-cn""#, r#""huawei-intl""#, r#""aws""#])),
            "balance" => amount(r),
            "resources" => T::Arr(
                (0..r.below(4))
                    .map(|_| {
                        object(
                            r,
                            &[
                                "id",
                                "billing",
                                "start",
                                "term",
                                "prices",
                                "auto_renew",
                                "hourly_rate",
                            ],
                            &mut |r, key| match key {
                                "billing" => variant(r, &["package", "pay_per_use", "hourly"]),
                                "prices" => object(r, &["month", "year"], &mut |r, _| amount(r)),
                                "auto_renew" => object(
                                    r,
                                    &["enabled", "days_before", "term", "times"],
                                    &mut |r, key| match key {
                                        "enabled" => raw(r.pick(&["true", "false", "null", "1"])),
                                        "term" => raw(r.pick(&[r#""1m""#, "null", "1"])),
                                        _ => raw(r.pick(NUMBERS)),
                                    },
                                ),
                                "hourly_rate" => amount(r),
                                _ => raw(r.pick(STRINGS)),
                            },
                        )
                    })
                    .collect(),
            ),
            "actions" => T::Arr(
                (0..r.below(4))
                    .map(|_| {
                        object(
                            r,
                            &[
                                "at",
                                "do",
                                "amount",
                                "resource",
                                "term",
                                "enabled",
                                "days_before",
                                "times",
                            ],
                            &mut |r, key| match key {
                                "do" => {
                                    variant(r, &["top_up", "renew", "set_auto_renew", "cancel"])
                                }
                                "amount" => amount(r),
                                "enabled" => raw(r.pick(&["true", "false", "null", "\"yes\""])),
                                "days_before" | "times" => raw(r.pick(NUMBERS)),
                                _ => raw(r.pick(STRINGS)),
                            },
                        )
                    })
                    .collect(),
            ),
            _ => raw(r.pick(STRINGS)),
        },
    )
}

/// Both readers on `text`: the same error, or the same document written the same way.
fn check(text: &str) {
    let new = ScenarioDoc::from_json(text);
    // The one place the reader departs from serde_json's words: a text with nothing in it is
    // said to be empty, not to end where a value should be (at column 0).
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        let error = new.expect_err("an empty text is no scenario");
        assert_eq!(
            (error.path.as_str(), error.message.as_str()),
            ("", "the file is empty: it holds no JSON")
        );
        return;
    }
    let old = old::ScenarioDoc::from_json(text);
    match (old, new) {
        (Err(o), Err(n)) => assert_eq!(
            (o.path.as_str(), o.message.as_str()),
            (n.path.as_str(), n.message.as_str()),
            "error differs for {text:?}"
        ),
        (Ok(o), Ok(n)) => {
            assert_eq!(
                serde_json::to_string_pretty(&o).unwrap(),
                n.to_json(),
                "{text:?}"
            );
            assert_eq!(
                serde_json::to_string(&o).unwrap(),
                n.to_compact_json(),
                "{text:?}"
            );
        }
        (o, n) => panic!("differ for {text:?}:\nold {o:?}\nnew {n:?}"),
    }
}

/// Whether both refuse `text` because a repeated key's first value is a list where an object
/// belongs: serde then tried its struct-from-list form, which the format never had (a known
/// difference in words only).
fn dup_shapes(text: &str) -> bool {
    let old = old::ScenarioDoc::from_json(text);
    let new = ScenarioDoc::from_json(text);
    matches!((old, new), (Err(o), Err(n))
        if o.message.starts_with("invalid length") || n.message.ends_with("expected struct ModeDays")
            || n.message.contains("sequence, expected struct"))
}

#[test]
fn gallery_scenarios_read_and_write_the_same() {
    for entry in std::fs::read_dir("scenarios").unwrap() {
        let path = entry.unwrap().path();
        check(&std::fs::read_to_string(path).unwrap());
    }
}

#[test]
fn generated_documents_read_the_same() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..6_000 {
        let t = scenario(&mut r);
        let mut s = String::new();
        let pretty = r.chance(50);
        text(&t, &mut r, pretty, &mut s);
        if !dup_shapes(&s) {
            check(&s);
        }
    }
}

#[test]
fn broken_text_reads_the_same() {
    let mut r = Rng(0xD1B5_4A32_D192_ED03);
    let mut bases: Vec<String> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for _ in 0..200 {
        let t = scenario(&mut r);
        let mut s = String::new();
        text(&t, &mut r, true, &mut s);
        bases.push(s);
    }
    let chars: Vec<char> = "{}[],:\"\\ \n\t0123456789-+.eEuntrfalsx/bé\u{1}"
        .chars()
        .collect();
    for i in 0..10_000 {
        let base = &bases[i % bases.len()];
        let mut s: Vec<char> = base.chars().collect();
        for _ in 0..1 + r.below(3) {
            let at = r.below(s.len() + 1);
            match r.below(4) {
                0 => s.truncate(at),
                1 => s.insert(at, chars[r.below(chars.len())]),
                2 if at < s.len() => {
                    s.remove(at);
                }
                _ if at < s.len() => s[at] = chars[r.below(chars.len())],
                _ => {}
            }
        }
        let s: String = s.into_iter().collect();
        if !dup_shapes(&s) {
            check(&s);
        }
    }
}

#[test]
fn odd_texts_read_the_same() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let cases = [
        String::new(),
        " ".into(),
        "{".into(),
        "}".into(),
        "[1,2]".into(),
        "nul".into(),
        "nulx".into(),
        "tru".into(),
        "-".into(),
        "01".into(),
        "1.".into(),
        "1.e3".into(),
        "1e".into(),
        "1e+".into(),
        "\"\\u12\"".into(),
        "\"\\ud800\"".into(),
        "\"\\ud800\\u0041\"".into(),
        "\"\\udc00\"".into(),
        "\"\\ud800x\"".into(),
        "\"\\ud800\\x\"".into(),
        "\"\\uzzzz\"".into(),
        "\"\u{1}\"".into(),
        "{\"a\" 1}".into(),
        "{\"a\":1,}".into(),
        "[1,]".into(),
        "[1 2]".into(),
        "{1:2}".into(),
        "{\"a\":1 \"b\":2}".into(),
        "{} x".into(),
        deep(127),
        deep(128),
        format!("{{\"name\": {}}}", deep(130)),
    ];
    for case in cases {
        check(&case);
    }
}

#[test]
fn large_tier_tables_and_repeated_variant_names_read_the_same() {
    let base = std::fs::read_to_string("scenarios/auto-renew-low-balance.json").unwrap();
    let days = r#"{"package":{"grace_days":1,"retention_days":1},"pay_per_use":{"grace_days":1,"retention_days":1}}"#;
    let with_tiers = |rows: Vec<String>| {
        base.replace(
            r#""policy": "huawei-cn""#,
            &format!(
                r#""policy": {{"name": "many", "tiers": {{{}}}}}"#,
                rows.join(",")
            ),
        )
    };
    let rows = |n: usize, bad: Option<(usize, &str)>| -> Vec<String> {
        (0..n)
            .map(|i| match bad {
                Some((at, value)) if at == i => format!(r#""t{i}":{value}"#),
                _ => format!(r#""t{i}":{days}"#),
            })
            .collect()
    };
    let billing =
        |value: &str| base.replace(r#""billing": "package""#, &format!(r#""billing": {value}"#));
    let cases = [
        // Over the policy's 20 tiers: a row's shape is named first, else the count (validator).
        with_tiers(rows(25, Some((3, "[]")))),
        with_tiers(rows(25, Some((3, r#"{"package": 5}"#)))),
        with_tiers(rows(25, None)),
        // Past the rows read one by one: the count, whatever the rows hold.
        with_tiers(rows(1_001, Some((3, "[]")))),
        with_tiers(rows(1_000, Some((3, "[]")))),
        // A variant's name given twice, or another name after it.
        billing(r#"{"package": null, "package": null}"#),
        billing(r#"{"package": 1, "package": null}"#),
        billing(r#"{"package": null, "x": null}"#),
        billing(r#"{"package": null, "package": 1}"#),
    ];
    for case in cases {
        assert_ne!(case, base, "the case changed the file");
        check(&case);
    }
}

#[test]
fn numbers_print_as_serde_json_prints_them() {
    let mut r = Rng(0x1234_5678_9ABC_DEF1);
    let mut values: Vec<f64> = vec![
        0.0, -0.0, 1.0, 3.0, 30.5, 1e300, 1e-7, 1e15, 1e16, 1e-5, 1e-6,
    ];
    values.extend(NUMBERS.iter().filter_map(|n| n.parse::<f64>().ok()));
    for _ in 0..20_000 {
        values.push(f64::from_bits(r.next()));
        values.push((r.below(1_000_000) as f64) / 100.0);
    }
    let mut near = 0;
    for v in values.into_iter().filter(|v| v.is_finite()) {
        let want = serde_json::Number::from_f64(v).unwrap().to_string();
        let got = Number::F(v).to_string();
        if got != want {
            // zmij sometimes picks another shortest digit string than the closest one (16–17
            // digits); both read back as the same number and are as long.
            assert_eq!(got.len(), want.len(), "{v:?}: {got} vs {want}");
            assert_eq!(got.parse::<f64>().ok(), Some(v), "{v:?}: {got}");
            near += 1;
        }
    }
    assert!(near < 600, "{near} differences");
}

#[test]
fn plain_numbers_read_as_rust_prints_them() {
    // `plain_text` (ryu's digits, laid out by hand) must match core's `Display`: amounts are
    // checked on that text. Where a 16–17 digit number has two shortest forms, ryu and core may
    // pick different ones; both read back as the number. Numbers with up to 15 significant digits
    // (every amount a person types) have one shortest form, the digits typed.
    let mut r = Rng(0x0FED_CBA9_8765_4321);
    let mut values: Vec<f64> = vec![0.0, -0.0, 1.0, 30.5, 1e-7, 1e21, 123456789.123456789];
    values.extend(NUMBERS.iter().filter_map(|n| n.parse::<f64>().ok()));
    for _ in 0..50_000 {
        values.push(f64::from_bits(r.next()));
        values.push((r.below(100_000_000) as f64) / 100.0);
        values.push((r.below(1_000_000) as f64) / 1000.0);
    }
    let mut other_pick = 0;
    for v in values.into_iter().filter(|v| v.is_finite()) {
        let (got, want) = (plain_text(v), v.to_string());
        if got != want {
            assert_eq!(got.len(), want.len(), "{v:e}: {got} vs {want}");
            assert_eq!(got.parse::<f64>().ok(), Some(v), "{v:e}: {got}");
            assert!(format!("{v:e}").len() > 18, "{v:e}: {got} vs {want}");
            other_pick += 1;
        }
    }
    assert!(other_pick < 300, "{other_pick} differences");
}
