// The service worker: keeps the app shell (page, scripts, program, translations,
// fonts) in a cache so that Obole starts with the network off after one online
// visit. Registered by web/offline.js.
//
// Versions: the build writes BUILD_ID (a hash of every file of the site, see
// app/platform/CMakeLists.txt) and SHELL_FILES (those files) into the served
// copy of this file, so each build changes these bytes. The browser compares
// them on each visit; a changed file is installed as a new worker that fills its
// own cache, obole-shell-<BUILD_ID>. It waits until a page that has finished
// starting says it no longer needs the old files (web/offline.js), then takes
// over and deletes the older shell caches. The new version therefore shows on
// the next load, and no page starts on a mix of two versions' files.
//
// The user's data lives in OPFS or IndexedDB (web/device_storage.js): this
// worker never opens it, and it never answers /api/ requests, which always go
// to the network (offline they fail, and boot.js starts from the device copy).
'use strict';

const BUILD_ID = '@OBOLE_BUILD_ID@';
const CACHE_PREFIX = 'obole-shell-';
const CACHE = CACHE_PREFIX + BUILD_ID;

// Every file of the site but this one (page, scripts, program, manifest, icons,
// translations, fonts), relative to this worker's folder; written by the build
// too, so that a file added to web/ or assets/ is never left out of the cache.
const SHELL_FILES = ['@OBOLE_SHELL_FILES@'];

const scoped = (file) => new URL(file, self.registration.scope).href;
const API_PREFIX = scoped('api/');
const INDEX = scoped('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // cache: 'reload' skips the HTTP cache: the files must be this build's, fresh
    // from the server. addAll stores nothing unless every file arrived with a 2xx,
    // so a half-downloaded version is never installed (the old one stays).
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL_FILES.map((f) => new Request(scoped(f), { cache: 'reload' })));
  })());
});

// A page that has started (or failed to start) sends this: it will not fetch
// shell files any more, so switching versions under it is safe.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'obole-take-over') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Only our own older shell caches; the user's data is never touched here.
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
    }
    // On the first visit, the page that registered us loads the rest of its files
    // through this worker's cache rather than downloading them a second time.
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Not ours to answer (the browser goes to the network): writes, other origins,
  // and the API, which is network only: its answers must never be stale copies.
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  if (request.url.startsWith(API_PREFIX)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Any page of the app (start_url ".", "/", "/index.html?x") is index.html.
    const cached = request.mode === 'navigate' ? await cache.match(INDEX)
                                               : await cache.match(request, { ignoreSearch: true });
    // A file outside the shell, or a cache the browser evicted: the network.
    return cached || fetch(request);
  })());
});
