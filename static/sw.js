// Renewal Lab's service worker: after one visit, the app opens and runs with no network.
//
// The page (index.html) is fetched from the network first, so a new release shows at once, and
// its last copy is served when the network fails. Every other file the page names carries a
// content hash in its name (Trunk adds it), so once stored it is served from the cache. Each
// fresh copy of the page has the files it names stored and the ones it no longer names deleted.
// Registered by js/boot.js; nothing here ever leaves the page's origin.
const CACHE = 'renewal-lab';
const SCOPE = new URL(self.registration.scope);
const PAGE = SCOPE.href;

/// The same-origin files a copy of the page names (its stylesheet, scripts and WebAssembly).
function filesNamedBy(html) {
  const urls = new Set();
  for (const [, value] of html.matchAll(/(?:href|src|data-js|data-wasm)=["']?([^"'\s>]+)/g)) {
    const url = new URL(value, PAGE);
    if (url.origin === SCOPE.origin && url.href !== PAGE) urls.add(url.href);
  }
  return [...urls];
}

/// Stores a fresh copy of the page and the files it names, then drops every other entry.
async function keepPage(response) {
  const cache = await caches.open(CACHE);
  const files = filesNamedBy(await response.clone().text());
  const stored = new Set((await cache.keys()).map((request) => request.url));
  await cache.addAll(files.filter((url) => !stored.has(url)));
  await cache.put(PAGE, response);
  const keep = new Set([PAGE, ...files]);
  await Promise.all([...stored].filter((url) => !keep.has(url)).map((url) => cache.delete(url)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch(PAGE, { cache: 'no-cache' })
      .then((response) => (response.ok ? keepPage(response) : Promise.reject(new Error(`${PAGE}: HTTP ${response.status}`))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/// Whether `url` is the page itself (the scope, or its index.html), whatever its query.
function isPage(url) {
  return url.pathname === SCOPE.pathname || url.pathname === `${SCOPE.pathname}index.html`;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin) return;
  if (request.mode === 'navigate' && isPage(url)) {
    event.respondWith(
      fetch(request).then(
        (response) => {
          if (response.ok) event.waitUntil(keepPage(response.clone()).catch(() => {}));
          return response;
        },
        async (offline) => (await caches.match(PAGE)) ?? Promise.reject(offline),
      ),
    );
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
});
