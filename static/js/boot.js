// Starts Renewal Lab: loads the wasm-bindgen module and its WebAssembly from this origin. Kept in
// a file (not inline) so the Content-Security-Policy needs no 'unsafe-inline'. Trunk fills in the
// hashed file names as data attributes of this script's tag.
// The theme chosen with the Theme switch (src/ui/components/theme_switch.rs), applied before the
// app's first paint; without one the page follows the system's colour scheme.
try {
  const theme = localStorage.getItem('renewal-lab/theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage unavailable: follow the system.
}
const tag = document.querySelector('script[data-js][data-wasm]');
// The WebAssembly is fetched here, before the glue is imported (as early as a preload would
// start it), with its Subresource Integrity hash in release builds (scripts/minify-js.mjs puts it
// on this tag), so the browser checks it; Chrome ignores a hash on a `fetch` preload.
const integrity = tag.dataset.wasmIntegrity;
const wasmResponse = fetch(tag.dataset.wasm, integrity ? { integrity } : {});
const bindings = await import(tag.dataset.js);
const wasm = await bindings.default({ module_or_path: wasmResponse });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
// Offline use: once the app runs, the service worker (../sw.js, its scope the app's folder) keeps
// a copy of the page and its files. Without one (a private window, file://), the app still runs;
// only a reload without a network fails.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(new URL('../sw.js', import.meta.url)).catch((error) => {
    console.warn(`Renewal Lab will not open offline: ${error.message}`);
  });
}
