//! Custom hooks: the browser side effects the app needs, each dispatching plain actions.

mod observer;
pub mod use_after_first_paint;
pub mod use_autosave;
pub mod use_clock;
pub mod use_dismiss;
pub mod use_element_width;
pub mod use_focus_clock;
pub mod use_focus_rescue;
pub mod use_link_listener;
pub mod use_scrolled_past;
pub mod use_shortcuts;

pub use use_after_first_paint::use_after_first_paint;
pub use use_autosave::use_autosave;
pub use use_clock::use_clock;
pub use use_dismiss::use_dismiss;
pub use use_element_width::use_element_width;
pub use use_focus_clock::use_focus_clock;
pub use use_focus_rescue::use_focus_rescue;
pub use use_link_listener::{use_forget_stale_link, use_link_listener};
pub use use_scrolled_past::use_scrolled_past;
pub use use_shortcuts::use_shortcuts;
