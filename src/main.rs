//! The web app's entry point: installs the panic hook, then renders the app.

fn main() {}
