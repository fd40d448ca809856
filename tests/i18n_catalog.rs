//! Every English literal passed to `tr`/`trf` in `src/` has a Simplified Chinese and a Brazilian
//! Portuguese translation with the same `{n}` holes, and no key is listed twice.

use renewal_lab::ui::i18n::catalog::{self, CATALOGS, SEPARATOR};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The string literal starting at `text[0] == '"'`, unescaped, and its length in `text`.
fn literal(text: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = text.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 1)),
            '\\' => match chars.next()?.1 {
                // A line continuation: the newline and the next line's indentation are dropped.
                '\n' => {
                    while let Some((_, c)) = chars.clone().next() {
                        if !c.is_whitespace() {
                            break;
                        }
                        chars.next();
                    }
                }
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\\' => out.push('\\'),
                '"' => out.push('"'),
                '\'' => out.push('\''),
                other => panic!("unsupported escape \\{other} in a translation key"),
            },
            c => out.push(c),
        }
    }
    None
}

/// The English keys used in one source file: the second argument of each `tr(` / `trf(` call
/// when it is a string literal, and the literal forms given to `plural(lang, n, one, other)`.
fn keys_in(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    keys.extend(plural_keys(source));
    for call in ["tr(", "trf("] {
        let mut from = 0;
        while let Some(found) = source[from..].find(call) {
            let start = from + found;
            from = start + call.len();
            let before = source[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let args = &source[from..];
            // The first argument (the language) is a plain expression without commas or quotes.
            let Some(comma) = args.find(',') else {
                continue;
            };
            if args[..comma].contains(['"', ')', '(']) && !args[..comma].contains("lang") {
                continue;
            }
            let second = args[comma + 1..].trim_start();
            if second.starts_with('"') {
                if let Some((key, _)) = literal(second) {
                    keys.push(key);
                }
            }
        }
    }
    keys
}

/// The string literals among the top-level arguments of each `plural(` and `pluralf(` call.
fn plural_keys(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in ["plural(", "pluralf("] {
        keys.extend(plural_keys_of(source, call));
    }
    keys
}

/// [`plural_keys`] for one of the two functions.
fn plural_keys_of(source: &str, call: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut from = 0;
    while let Some(found) = source[from..].find(call) {
        let start = from + found;
        from = start + call.len();
        let before = source[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let args = &source[from..];
        // Only the i18n `plural(lang, …)` (the editor has a plural helper of its own).
        if !args
            .split(',')
            .next()
            .is_some_and(|first| first.contains("lang"))
        {
            continue;
        }
        let mut depth = 0;
        let mut i = 0;
        while i < args.len() {
            let rest = &args[i..];
            let c = rest.chars().next().unwrap();
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                '"' => {
                    let Some((key, len)) = literal(rest) else {
                        break;
                    };
                    if depth == 0 {
                        keys.push(key);
                    }
                    i += len;
                    continue;
                }
                _ => {}
            }
            i += c.len_utf8();
        }
    }
    keys
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn holes(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            if rest[..close].chars().all(|c| c.is_ascii_digit()) && close > 0 {
                found.insert(rest[..close].to_string());
            }
        }
    }
    found
}

#[test]
fn every_key_in_the_sources_is_translated() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let catalog: BTreeMap<&str, (&str, &str)> = catalog::entries()
        .map(|(en, zh, pt)| (en, (zh, pt)))
        .collect();
    let mut missing = BTreeSet::new();
    for file in &files {
        // The catalogs themselves, and the lookup module (whose unit tests use made-up keys).
        if file.components().any(|c| c.as_os_str() == "catalog") || file.ends_with("ui/i18n.rs") {
            continue;
        }
        let source = std::fs::read_to_string(file).unwrap();
        for key in keys_in(&source) {
            match catalog.get(key.as_str()) {
                Some((zh, pt)) if !zh.is_empty() && !pt.is_empty() => {}
                _ => {
                    missing.insert(format!("{}: {key:?}", file.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} key(s) without a translation:\n{}",
        missing.len(),
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn keys_are_unique_and_translations_keep_the_holes() {
    let mut seen = BTreeSet::new();
    for (en, zh, pt) in catalog::entries() {
        assert!(seen.insert(en), "key listed twice: {en:?}");
        assert_eq!(holes(en), holes(zh), "zh-CN holes differ for {en:?}");
        assert_eq!(holes(en), holes(pt), "pt-BR holes differ for {en:?}");
    }
}

#[test]
fn every_part_has_one_translation_per_key_in_each_language() {
    // The packed translations are split on the separator: one inside a translation would shift
    // every later entry of its part onto the wrong key.
    for part in CATALOGS {
        let first = part.en.first().copied().unwrap_or_default();
        for (language, joined) in [("zh-CN", part.zh), ("pt-BR", part.pt)] {
            let count = joined.split_terminator(SEPARATOR).count();
            assert_eq!(
                count,
                part.en.len(),
                "{language} of the part starting {first:?}"
            );
        }
        assert!(
            part.en.iter().all(|en| !en.contains(SEPARATOR)),
            "{first:?}"
        );
    }
}

#[test]
fn the_scan_finds_literal_keys_only() {
    let source = r#"tr(lang, "A") trf(self.lang, "B {0}", &[x]) attr(lang, "C") tr(lang, name)"#;
    assert_eq!(keys_in(source), vec!["A".to_string(), "B {0}".to_string()]);
    let source = "plural(lang, f(n), \"{0} day\", \"{0} \\\n   days\") tr(l, \"x\\\n    y\")";
    assert_eq!(keys_in(source), vec!["{0} day", "{0} days", "xy"]);
}

#[test]
fn gallery_titles_and_stories_are_translated() {
    use renewal_lab::ui::i18n::{tr, Lang};
    use renewal_lab::ui::scenarios::{blank_doc, GALLERY};
    let blank = blank_doc().name.unwrap_or_default();
    let titles = GALLERY.iter().map(|entry| entry.title());
    for text in titles
        .chain(GALLERY.iter().map(|entry| entry.story.to_string()))
        .chain([blank])
    {
        for lang in [Lang::ZhCn, Lang::PtBr] {
            assert_ne!(
                tr(lang, &text),
                text,
                "{text:?} has no {lang:?} translation"
            );
        }
    }
}

/// The lab's headline shows the scenario's name: a ready exercise's scenario is named in every
/// language too.
#[test]
fn ready_exercise_scenario_names_are_translated() {
    use renewal_lab::ui::i18n::{tr, Lang};
    use renewal_lab::workshop::exercise::READY;
    for ready in READY {
        let exercise = ready.exercise(usize::MAX).expect("a valid ready exercise");
        let name = exercise.scenario.name;
        assert!(!name.is_empty(), "{}", ready.slug);
        for lang in [Lang::ZhCn, Lang::PtBr] {
            assert_ne!(
                tr(lang, &name),
                name,
                "{name:?} has no {lang:?} translation"
            );
        }
    }
}
