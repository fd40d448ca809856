//! The app's function components, one per file under `components/`.

pub mod act_panel;
pub mod choice;
pub mod clock_bar;
pub mod editor;
pub mod error_banner;
pub mod event_log;
pub mod export_menu;
pub mod gallery;
pub mod headline;
pub mod language;
pub mod state_diagram;
pub mod status_panel;
pub mod theme_switch;
pub mod timeline;
pub mod toolbar;
pub mod what_if;
pub mod what_if_lanes;
pub mod workshop;
pub mod workshop_trainer;
