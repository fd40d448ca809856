//! The gallery: the ready scenarios under `scenarios/` (built into the app) and the blank one.

use crate::engine::doc::{AmountDoc, PolicyDoc, PricesDoc, ResourceDoc, FORMAT};
use crate::engine::{BillingMode, FieldError, ScenarioDoc};
use crate::ui::i18n::{tr, Lang};

/// One ready scenario: its file's slug, a one-line story and the file's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GalleryEntry {
    /// The file name without `.json`; also the item's `data-scenario`.
    pub slug: &'static str,
    /// What happens, in one line.
    pub story: &'static str,
    /// The scenario file.
    pub json: &'static str,
}

impl GalleryEntry {
    /// The scenario document of this entry.
    pub fn doc(&self) -> Result<ScenarioDoc, FieldError> {
        ScenarioDoc::from_json(self.json)
    }

    /// The title shown in the gallery: the scenario's own name (the slug if it has none).
    pub fn title(&self) -> String {
        self.doc()
            .ok()
            .and_then(|doc| doc.name)
            .unwrap_or_else(|| self.slug.to_string())
    }
}

/// The gallery, in the order it is shown.
pub const GALLERY: [GalleryEntry; 8] = [
    GalleryEntry {
        slug: "auto-renew-low-balance",
        story: "Auto-renew tries from 7 days before expiry with 20.00 for a 30.00 renewal; \
                it fails daily until a top-up pays for it.",
        json: include_str!("../../scenarios/auto-renew-low-balance.json"),
    },
    GalleryEntry {
        slug: "renewed-in-retention",
        story: "A V1 account forgets to renew: one day of grace, then frozen; a renewal in the \
                retention period brings it back, counted from the original expiry.",
        json: include_str!("../../scenarios/renewed-in-retention.json"),
    },
    GalleryEntry {
        slug: "renewal-too-short",
        story: "A month after expiry, a 1-month renewal is refused because it counts from the \
                original expiry date; a 2-month renewal works.",
        json: include_str!("../../scenarios/renewal-too-short.json"),
    },
    GalleryEntry {
        slug: "two-packages-one-balance",
        story: "Two packages auto-renew from one 40.00 balance: the first pays, the second \
                fails every day, expires and is released.",
        json: include_str!("../../scenarios/two-packages-one-balance.json"),
    },
    GalleryEntry {
        slug: "pay-per-use-arrears",
        story: "Charged 0.10 every hour from a 1.00 balance: arrears, grace and freeze, until \
                a top-up makes it available again.",
        json: include_str!("../../scenarios/pay-per-use-arrears.json"),
    },
    GalleryEntry {
        slug: "auto-renew-twice",
        story: "Auto-renew limited to 2 renewals pays twice, switches itself off, and the \
                package expires.",
        json: include_str!("../../scenarios/auto-renew-twice.json"),
    },
    GalleryEntry {
        slug: "auto-renew-on-expiry-day",
        story: "Auto-renew switched on at 10:00 on the expiry day pays at once, the documented \
                special case.",
        json: include_str!("../../scenarios/auto-renew-on-expiry-day.json"),
    },
    GalleryEntry {
        slug: "month-end-expiry",
        story: "Bought on January 31: it expires on February 28, and every renewal lands on the \
                last day of a month.",
        json: include_str!("../../scenarios/month-end-expiry.json"),
    },
];

/// The gallery entry with `slug`.
pub fn entry(slug: &str) -> Option<&'static GalleryEntry> {
    GALLERY.iter().find(|entry| entry.slug == slug)
}

/// The gallery or blank scenario's title that `text` translates in `lang`, if any. The editor
/// shows those titles in the language; one typed back stays the title, so the document is the
/// gallery's again (its story comes back) and reads in every language.
pub fn title_translated_as(lang: Lang, text: &str) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    GALLERY
        .iter()
        .map(GalleryEntry::title)
        .chain(blank_doc().name)
        .find(|title| tr(lang, title) == text)
}

/// A blank scenario to start from: one monthly package, no balance, no actions.
pub fn blank_doc() -> ScenarioDoc {
    ScenarioDoc {
        format: FORMAT.to_string(),
        name: Some("Blank scenario".to_string()),
        timezone: Some("+08:00".to_string()),
        policy: Some(PolicyDoc::Preset("huawei-cn".to_string())),
        tier: "V3".to_string(),
        balance: Some(AmountDoc::text("0.00")),
        resources: vec![ResourceDoc {
            id: "app".to_string(),
            billing: BillingMode::Package,
            start: "2026-01-01T09:00:00".to_string(),
            term: Some("1m".to_string()),
            prices: Some(PricesDoc {
                month: AmountDoc::text("30.00"),
                year: AmountDoc::text("300.00"),
            }),
            auto_renew: None,
            hourly_rate: None,
        }],
        actions: Vec::new(),
        until: "2026-03-01T00:00:00".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translated_title_typed_back_is_the_title_again() {
        assert_eq!(
            title_translated_as(Lang::PtBr, "Cenário em branco").as_deref(),
            Some("Blank scenario")
        );
        let title = entry("auto-renew-low-balance").expect("slug").title();
        assert_eq!(
            title_translated_as(Lang::ZhCn, tr(Lang::ZhCn, &title)),
            Some(title.clone())
        );
        // English is the title itself; anything else is a name of the user's.
        assert_eq!(title_translated_as(Lang::En, &title), None);
        assert_eq!(title_translated_as(Lang::PtBr, "Meu cenário"), None);
    }
    use crate::engine::Scenario;

    #[test]
    fn every_gallery_scenario_is_valid_and_named() {
        for entry in GALLERY {
            let doc = entry
                .doc()
                .unwrap_or_else(|e| panic!("{}: {e}", entry.slug));
            assert!(
                Scenario::from_doc(&doc).is_ok(),
                "{} breaks a rule",
                entry.slug
            );
            assert_ne!(entry.title(), entry.slug, "{} has no name", entry.slug);
            assert!(!entry.story.is_empty());
        }
    }

    #[test]
    fn slugs_are_unique_and_found() {
        for entry_a in GALLERY {
            assert_eq!(entry(entry_a.slug), Some(&entry_a));
            let same = GALLERY.iter().filter(|b| b.slug == entry_a.slug).count();
            assert_eq!(same, 1, "{}", entry_a.slug);
        }
        assert_eq!(entry("no-such-scenario"), None);
    }

    #[test]
    fn the_blank_scenario_is_valid() {
        assert!(Scenario::from_doc(&blank_doc()).is_ok());
    }
}
