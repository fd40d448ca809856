//! The translation catalogs, one file per part of the app so that parts are translated (and
//! merged) independently. An entry is `(English, Simplified Chinese, Brazilian Portuguese)`.

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
pub const CATALOGS: &[&[Entry]] = &[
    chrome::ENTRIES,
    core::ENTRIES,
    editor::ENTRIES,
    errors::ENTRIES,
    explain::ENTRIES,
    gallery::ENTRIES,
    log::ENTRIES,
    panels::ENTRIES,
    remind::ENTRIES,
    timeline::ENTRIES,
    whatif::ENTRIES,
    workshop::ENTRIES,
];
