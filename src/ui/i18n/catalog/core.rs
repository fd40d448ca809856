//! The clock bar, toolbar and app frame.

use super::Entry;

pub const ENTRIES: &[Entry] = &[("Next event", "下一个事件", "Próximo evento")];
