//! The web app's entry point: installs the panic hook, then renders the app.

/// Talc instead of the standard library's dlmalloc: smaller in the module and faster at the
/// many small allocations of rendering.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<renewal_lab::ui::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("renewal-lab is a web app: serve it with scripts/serve.sh (or use renewal-cli).");
}
