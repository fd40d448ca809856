//! The translation catalogs, one file per part of the app so that parts are translated (and
//! merged) independently. Each file lists entries `(English, Simplified Chinese, Brazilian
//! Portuguese)` inside `part![…]`.
//!
//! The web build carries them packed: `part!` keeps the English keys as a list (they are the
//! same strings as the literals at the call sites, so they cost nothing extra) and joins each
//! language's translations into one string, split again on first use. A table of three string
//! references per entry cost about as much as the translations themselves.

/// Separates the translations inside [`Part::zh`] and [`Part::pt`]; no translation contains it
/// (checked by `tests/i18n_catalog.rs`).
pub const SEPARATOR: char = '\u{1f}';

/// One catalog file: its English keys, and its translations joined (each followed by
/// [`SEPARATOR`]) in the keys' order.
pub struct Part {
    /// The English keys.
    pub en: &'static [&'static str],
    /// The Simplified Chinese translations, each followed by [`SEPARATOR`].
    pub zh: &'static str,
    /// The Brazilian Portuguese translations, each followed by [`SEPARATOR`].
    pub pt: &'static str,
}

/// A [`Part`] from a list of `(en, zh, pt)` string literals.
macro_rules! part {
    ($(($en:literal, $zh:literal, $pt:literal $(,)?)),* $(,)?) => {
        $crate::ui::i18n::catalog::Part {
            en: &[$($en),*],
            zh: concat!($($zh, "\u{1f}"),*),
            pt: concat!($($pt, "\u{1f}"),*),
        }
    };
}

mod chrome;
mod core;
mod editor;
mod errors;
mod explain;
mod gallery;
mod log;
mod panels;
mod remind;
mod timeline;
mod whatif;
mod workshop;

/// One translation: `(en, zh-CN, pt-BR)`.
pub type Entry = (&'static str, &'static str, &'static str);

/// Every catalog; keys must be unique across them (checked by `tests/i18n_catalog.rs`).
pub const CATALOGS: &[Part] = &[
    chrome::PART,
    core::PART,
    editor::PART,
    errors::PART,
    explain::PART,
    gallery::PART,
    log::PART,
    panels::PART,
    remind::PART,
    timeline::PART,
    whatif::PART,
    workshop::PART,
];

impl Part {
    /// The part's entries, in file order.
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        let zh = self.zh.split_terminator(SEPARATOR);
        let pt = self.pt.split_terminator(SEPARATOR);
        self.en
            .iter()
            .zip(zh.zip(pt))
            .map(|(en, (zh, pt))| (*en, zh, pt))
    }
}

/// Every entry of every catalog.
pub fn entries() -> impl Iterator<Item = Entry> {
    CATALOGS.iter().flat_map(Part::entries)
}
