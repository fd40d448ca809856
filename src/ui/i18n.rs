//! The app's languages: English text is the key, Simplified Chinese and Brazilian Portuguese
//! are looked up in the catalogs under `i18n/`.
//!
//! Every visible string goes through [`tr`] (or [`trf`] when it has `{0}`-style holes), with the
//! English literal written at the call site: `tr(lang, "Next event")`. The native test
//! `tests/i18n_catalog.rs` reads the sources, finds every such literal and fails when one has no
//! translation, so a screen can never mix languages.

pub mod catalog;

use std::cell::OnceCell;
use yew::prelude::*;

/// A language the app is shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the key language).
    #[default]
    En,
    /// Simplified Chinese.
    ZhCn,
    /// Brazilian Portuguese.
    PtBr,
}

impl Lang {
    /// Every language, in the order the switcher lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhCn, Lang::PtBr];

    /// The BCP 47 tag (`en`, `zh-CN`, `pt-BR`), also used in `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
            Lang::PtBr => "pt-BR",
        }
    }

    /// The language for a BCP 47 tag, matching on the primary subtag (`pt`, `pt-PT` → pt-BR;
    /// `zh`, `zh-Hans` → zh-CN); `None` for any other language.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::ZhCn),
            "pt" => Some(Lang::PtBr),
            _ => None,
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
            Lang::PtBr => "Português (Brasil)",
        }
    }
}

thread_local! {
    /// All catalog entries sorted by their English key, built on first use.
    static SORTED: OnceCell<Vec<catalog::Entry>> = const { OnceCell::new() };
}

fn lookup(en: &str) -> Option<catalog::Entry> {
    SORTED.with(|cell| {
        let entries = cell.get_or_init(|| {
            let mut all: Vec<catalog::Entry> = catalog::CATALOGS
                .iter()
                .flat_map(|entries| entries.iter().copied())
                .collect();
            all.sort_by(|a, b| a.0.cmp(b.0));
            all
        });
        entries
            .binary_search_by(|entry| entry.0.cmp(en))
            .ok()
            .map(|index| entries[index])
    })
}

/// `en` in `lang`: the catalog's translation, or `en` itself for English or a key with none
/// (which `tests/i18n_catalog.rs` reports for every literal key).
pub fn tr(lang: Lang, en: &str) -> &str {
    if lang == Lang::En {
        return en;
    }
    match lookup(en) {
        Some((_, zh, _)) if lang == Lang::ZhCn => zh,
        Some((_, _, pt)) => pt,
        None => en,
    }
}

/// [`tr`], then each `{0}`, `{1}`, … replaced by the argument at that index (translations may
/// reorder them).
pub fn trf(lang: Lang, en: &str, args: &[&str]) -> String {
    fill(tr(lang, en), args)
}

/// `template` with each `{i}` replaced by `args[i]`; holes without an argument stay as written.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let hole = after
            .find('}')
            .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close)));
        match hole.and_then(|(i, close)| args.get(i).map(|arg| (arg, close))) {
            Some((arg, close)) => {
                out.push_str(arg);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The language the app is shown in (from the root's context; English outside one).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_key_and_other_languages_look_up() {
        assert_eq!(tr(Lang::En, "Next event"), "Next event");
        assert_eq!(tr(Lang::ZhCn, "Next event"), "下一个事件");
        assert_eq!(tr(Lang::PtBr, "Next event"), "Próximo evento");
        assert_eq!(tr(Lang::PtBr, "no such key"), "no such key");
    }

    #[test]
    fn holes_are_filled_by_index_in_any_order() {
        assert_eq!(fill("{1} after {0}", &["a", "b"]), "b after a");
        assert_eq!(fill("{0} of {2}", &["x"]), "x of {2}");
        assert_eq!(fill("braces { stay }", &[]), "braces { stay }");
        assert_eq!(trf(Lang::En, "in {0}", &["3 d"]), "in 3 d");
    }

    #[test]
    fn codes_round_trip_and_match_on_the_primary_subtag() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("pt-PT"), Some(Lang::PtBr));
        assert_eq!(Lang::from_code("zh-Hans-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
