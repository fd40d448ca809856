//! The app's languages: English text is the key, Simplified Chinese and Brazilian Portuguese
//! are looked up in the catalogs under `i18n/`.
//!
//! Every visible string goes through [`tr`] (or [`trf`] when it has `{0}`-style holes), with the
//! English literal written at the call site: `tr(lang, "Next event")`. The native test
//! `tests/i18n_catalog.rs` reads the sources, finds every such literal and fails when one has no
//! translation, so a screen can never mix languages.

pub mod catalog;
pub mod errors;
pub mod explain;
pub mod format;

use std::cell::OnceCell;
use std::rc::Rc;
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
            let all: Vec<catalog::Entry> = catalog::entries().collect();
            // The shared sort (one copy of the sort code in the wasm); keys are unique anyway.
            crate::engine::simulate::stable_order(all.len(), &|a, b| all[a].0.cmp(all[b].0))
                .into_iter()
                .map(|i| all[i])
                .collect()
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

/// What goes between two sentences: a space, or nothing after a Chinese full stop (`。`).
pub fn sentence_gap(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "",
        Lang::En | Lang::PtBr => " ",
    }
}

/// A scenario's name as shown everywhere (headline, print, calendar, SVG): the name of a ready
/// scenario (the gallery's, the blank one's, an exercise's: they are in the catalog) in the
/// language, any other name as written, and "Untitled scenario" for none.
pub fn scenario_title(lang: Lang, name: &str) -> &str {
    if name.is_empty() {
        tr(lang, "Untitled scenario")
    } else {
        tr(lang, name)
    }
}

/// [`tr`], then each `{0}`, `{1}`, … replaced by the argument at that index (translations may
/// reorder them).
pub fn trf(lang: Lang, en: &str, args: &[&str]) -> String {
    fill(tr(lang, en), args)
}

/// `template` with each `{i}` replaced by `args[i]`; holes without an argument stay as written.
/// A full stop right after a hole is left out when the argument ends a sentence itself.
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
                // A hole that ends a sentence takes no full stop after text that ends one
                // already (an exercise titled "Who pays?").
                if arg.ends_with(['.', '?', '!', '。', '？', '！', '…']) {
                    rest = rest
                        .strip_prefix('.')
                        .or_else(|| rest.strip_prefix('。'))
                        .unwrap_or(rest);
                }
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

/// The `localStorage` key holding the chosen language's code.
pub const LANG_KEY: &str = "renewal-lab/lang";

/// The language to start in: the stored choice, else the browser's language, else English.
pub fn initial_lang(stored: Option<&str>, browser: Option<&str>) -> Lang {
    stored
        .and_then(Lang::from_code)
        .or_else(|| browser.and_then(Lang::from_code))
        .unwrap_or_default()
}

/// `one` or `other` (English keys, each with a `{0}` hole for `n`) by the plural rules of
/// `lang`: English singular for exactly 1, Portuguese for 0 and 1 (CLDR `pt`), Chinese never.
pub fn plural(lang: Lang, n: i64, one: &str, other: &str) -> String {
    pluralf(lang, n, one, other, &[])
}

/// [`plural`] with more holes: `{0}` is `n`, `{1}` onwards are `more`.
pub fn pluralf(lang: Lang, n: i64, one: &str, other: &str, more: &[&str]) -> String {
    let singular = match lang {
        Lang::En => n == 1,
        Lang::PtBr => n == 0 || n == 1,
        Lang::ZhCn => false,
    };
    let count = format::count(lang, n);
    let mut args = vec![count.as_str()];
    args.extend_from_slice(more);
    trf(lang, if singular { one } else { other }, &args)
}

/// A text made in every language at once, so a message made before a language switch (a notice,
/// an error, an announcement) shows in the language chosen after it. Shared, so the app's state
/// copies a pointer, not three strings, on every tick of the clock.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalText(Rc<[String; 3]>);

impl LocalText {
    /// The text `make` writes in each language.
    pub fn new(make: impl Fn(Lang) -> String) -> Self {
        LocalText(Rc::new(Lang::ALL.map(make)))
    }

    /// The same text in every language (data such as a file name, or nothing).
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        LocalText(Rc::new([text.clone(), text.clone(), text]))
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &self.0[index]
    }

    /// The English text (tests and logs).
    pub fn en(&self) -> &str {
        &self.0[0]
    }

    /// Whether there is no text.
    pub fn is_empty(&self) -> bool {
        self.0[0].is_empty()
    }

    /// Whether `other` is this very text (made by the same call), not merely an equal one.
    pub fn is(&self, other: &LocalText) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
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
        // No second full stop after a sentence that ends already.
        assert_eq!(fill("Opened: {0}.", &["Who pays?"]), "Opened: Who pays?");
        assert_eq!(fill("已打开：{0}。", &["谁付钱？"]), "已打开：谁付钱？");
        assert_eq!(fill("Opened: {0}.", &["A. B."]), "Opened: A. B.");
        assert_eq!(fill("Opened: {0}.", &["v1.0"]), "Opened: v1.0.");
        assert_eq!(fill("{0}. {1}", &["Done!", "Next"]), "Done! Next");
        assert_eq!(trf(Lang::En, "in {0}", &["3 d"]), "in 3 d");
    }

    #[test]
    fn the_start_language_is_stored_then_browser_then_english() {
        // stored, navigator.language, expected
        let cases = [
            (Some("pt-BR"), Some("zh-CN"), Lang::PtBr),
            (Some("zh-CN"), None, Lang::ZhCn),
            (Some("xx"), Some("pt-PT"), Lang::PtBr),
            (None, Some("zh-TW"), Lang::ZhCn),
            (None, Some("de-DE"), Lang::En),
            (None, None, Lang::En),
            (Some(""), Some("en-US"), Lang::En),
        ];
        for (stored, browser, expected) in cases {
            assert_eq!(
                initial_lang(stored, browser),
                expected,
                "{stored:?} {browser:?}"
            );
        }
    }

    #[test]
    fn local_texts_hold_every_language() {
        let text = LocalText::new(|lang| tr(lang, "Next event").to_string());
        assert_eq!(text.en(), "Next event");
        assert_eq!(text.get(Lang::ZhCn), "下一个事件");
        assert_eq!(text.get(Lang::PtBr), "Próximo evento");
        assert_eq!(LocalText::same("a.json").get(Lang::ZhCn), "a.json");
        assert!(LocalText::default().is_empty());
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
