// Starts Renewal Lab: loads the wasm-bindgen module and its WebAssembly from this origin. Kept in
// a file (not inline) so the Content-Security-Policy needs no 'unsafe-inline'. Trunk fills in the
// hashed file names as data attributes of this script's tag.
const tag = document.querySelector('script[data-js][data-wasm]');
const bindings = await import(tag.dataset.js);
const wasm = await bindings.default({ module_or_path: tag.dataset.wasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
