//! Themes, exports and printing.

use super::Entry;

pub const ENTRIES: &[Entry] = &[
    ("Theme", "主题", "Tema"),
    ("System", "跟随系统", "Sistema"),
    ("Light", "浅色", "Claro"),
    ("Dark", "深色", "Escuro"),
];
