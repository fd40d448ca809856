//! The browser shell (Yew): virtual clock, reducer state and components. It only drives the engine.

pub mod app;
pub mod components;
pub mod sim;
pub mod text;
