//! The browser shell (Yew): virtual clock, reducer state and components. It only drives the engine.

pub mod app;
pub mod autosave;
pub mod browser;
pub mod components;
pub mod export;
pub mod hooks;
pub mod i18n;
pub mod markers;
pub mod reminder;
pub mod scenarios;
pub mod share;
pub mod sim;
pub mod state;
pub mod text;
pub mod what_if_state;
pub mod workshop_state;
