//! The app's function components, one per file under `components/`.

pub mod editor;
pub mod event_log;
pub mod state_diagram;
pub mod status_panel;
pub mod timeline;
