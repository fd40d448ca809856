//! The browser shell (Yew): virtual clock, reducer state and components. It only drives the engine.

pub mod sim;
