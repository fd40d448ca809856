//! Renewal Lab: a deterministic subscription lifecycle engine and the browser app that drives it.
//!
//! * [`engine`] decides everything: it parses scenarios, simulates them into traces and answers
//!   "what was true at instant t" by lookup. It never reads a clock and has no browser imports.
//! * [`explain`] turns trace events into plain-language sentences (shared by the CLI and the app).
//! * [`link`] turns documents into `#scenario=` / `#exercise=` payloads and back.
//! * [`workshop`] holds exercises: pause points with questions answered from a trace.
//! * [`what_if`] branches a scenario with one change and finds the first divergence of the runs.
//! * [`ui`] is the Yew shell: it holds a virtual clock and renders what the engine decided, and
//!   writes the exports (CSV, iCalendar, SVG) in the language shown.

pub mod engine;
pub mod explain;
pub mod link;
pub mod ui;
pub mod what_if;
pub mod workshop;
