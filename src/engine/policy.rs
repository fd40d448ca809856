//! Grace and retention periods per customer tier (§4): the two presets and custom policies.

use crate::engine::Time;

/// How a resource is billed; tiers give each mode its own grace and retention periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BillingMode {
    /// A yearly/monthly package, paid in advance.
    Package,
    /// Charged every full hour from a shared balance.
    PayPerUse,
}

/// Grace and retention days for one billing mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ModeDays {
    /// Days in `expired` (still usable) before freezing.
    pub grace_days: u16,
    /// Days in `frozen` (data kept) before release.
    pub retention_days: u16,
}

/// When a lapse leads to `frozen` and to `released` if nothing restores the resource (§3). A
/// zero-day period makes two instants equal: with no grace the resource is frozen at the lapse
/// itself; with no retention, `released == frozen` and it is never frozen at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lapse {
    /// The end of the grace period.
    pub frozen: Time,
    /// The end of the retention period: the data is deleted.
    pub released: Time,
}

impl ModeDays {
    /// The [`Lapse`] that begins at `anchor`: a package's expiry moment (`X + 1 day`, 00:00:00)
    /// or the instant pay-per-use arrears begin. Days are counted as whole days from it.
    pub fn lapse(self, anchor: Time) -> Lapse {
        let frozen = anchor.plus_days(i64::from(self.grace_days));
        Lapse {
            frozen,
            released: self.released_after(frozen),
        }
    }

    /// When a resource frozen at `frozen` is released if nothing restores it: the end of the
    /// retention period.
    pub fn released_after(self, frozen: Time) -> Time {
        frozen.plus_days(i64::from(self.retention_days))
    }
}

/// The periods of one tier, for both billing modes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TierDays {
    /// Periods for packages.
    pub package: ModeDays,
    /// Periods for pay-per-use resources.
    pub pay_per_use: ModeDays,
}

impl TierDays {
    const fn new(package: (u16, u16), pay_per_use: (u16, u16)) -> Self {
        TierDays {
            package: ModeDays {
                grace_days: package.0,
                retention_days: package.1,
            },
            pay_per_use: ModeDays {
                grace_days: pay_per_use.0,
                retention_days: pay_per_use.1,
            },
        }
    }

    /// The periods for `mode`.
    pub fn for_mode(&self, mode: BillingMode) -> ModeDays {
        match mode {
            BillingMode::Package => self.package,
            BillingMode::PayPerUse => self.pay_per_use,
        }
    }
}

/// The most days a custom policy may give a period.
pub const MAX_PERIOD_DAYS: u16 = 365;
/// The most tiers a custom policy may have.
pub const MAX_TIERS: usize = 20;

/// Where a policy comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PolicySource {
    /// A named preset (`huawei-cn`, `huawei-intl`).
    Preset(&'static str),
    /// An inline table from the scenario.
    Custom,
}

/// A named table of tiers, in display order.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Policy {
    /// `huawei-cn`, `huawei-intl`, or the custom policy's name.
    pub name: String,
    /// Preset or custom.
    pub source: PolicySource,
    /// Tier names and their periods, in order.
    pub tiers: Vec<(String, TierDays)>,
}

const HUAWEI_CN: [(&str, TierDays); 6] = [
    ("V0", TierDays::new((1, 1), (0, 1))),
    ("V1", TierDays::new((1, 7), (0, 7))),
    ("V2", TierDays::new((1, 7), (0, 7))),
    ("V3", TierDays::new((7, 7), (1, 7))),
    ("V4", TierDays::new((7, 15), (7, 15))),
    ("V5", TierDays::new((7, 15), (7, 15))),
];

const HUAWEI_INTL: [(&str, TierDays); 1] = [("standard", TierDays::new((15, 15), (15, 15)))];

/// The preset names, in the order the app offers them.
pub const PRESET_NAMES: [&str; 2] = ["huawei-cn", "huawei-intl"];

impl Policy {
    /// A preset by name, if there is one.
    pub fn preset(name: &str) -> Option<Policy> {
        let (name, table): (&'static str, &[(&str, TierDays)]) = match name {
            "huawei-cn" => ("huawei-cn", &HUAWEI_CN),
            "huawei-intl" => ("huawei-intl", &HUAWEI_INTL),
            _ => return None,
        };
        Some(Policy {
            name: name.to_string(),
            source: PolicySource::Preset(name),
            tiers: table.iter().map(|(t, d)| (t.to_string(), *d)).collect(),
        })
    }

    /// The periods of `tier`, if the policy has it.
    pub fn tier(&self, tier: &str) -> Option<TierDays> {
        self.tiers
            .iter()
            .find(|(name, _)| name == tier)
            .map(|(_, days)| *days)
    }

    /// The tier names in order.
    pub fn tier_names(&self) -> impl Iterator<Item = &str> {
        self.tiers.iter().map(|(name, _)| name.as_str())
    }

    /// Whether this is a preset (whose periods come from the provider's documentation).
    pub fn is_preset(&self) -> bool {
        matches!(self.source, PolicySource::Preset(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huawei_cn_matches_the_rules_table() {
        let cn = Policy::preset("huawei-cn").unwrap();
        // tier, package grace, package retention, pay-per-use grace, pay-per-use retention
        let table = [
            ("V0", 1, 1, 0, 1),
            ("V1", 1, 7, 0, 7),
            ("V2", 1, 7, 0, 7),
            ("V3", 7, 7, 1, 7),
            ("V4", 7, 15, 7, 15),
            ("V5", 7, 15, 7, 15),
        ];
        assert_eq!(
            cn.tier_names().collect::<Vec<_>>(),
            ["V0", "V1", "V2", "V3", "V4", "V5"]
        );
        for (tier, pg, pr, ug, ur) in table {
            let days = cn.tier(tier).unwrap();
            assert_eq!(
                days.package,
                ModeDays {
                    grace_days: pg,
                    retention_days: pr
                },
                "{tier}"
            );
            assert_eq!(
                days.pay_per_use,
                ModeDays {
                    grace_days: ug,
                    retention_days: ur
                },
                "{tier}"
            );
        }
    }

    #[test]
    fn huawei_intl_has_one_standard_tier() {
        let intl = Policy::preset("huawei-intl").unwrap();
        let days = intl.tier("standard").unwrap();
        assert_eq!(
            days.package,
            ModeDays {
                grace_days: 15,
                retention_days: 15
            }
        );
        assert_eq!(days.pay_per_use, days.package);
        assert_eq!(intl.tiers.len(), 1);
        assert!(Policy::preset("aws").is_none());
    }
}
