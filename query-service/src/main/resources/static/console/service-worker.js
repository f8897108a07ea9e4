// The console's service worker: keeps the console's own files (this version's, under a cache named after it) so that
// the console starts without a connection, and the last settings (config.json). The query service fills in the version,
// derived from the files themselves, and the list of files; a new version caches its files on install and deletes the
// caches of older versions on activate. Reads and writes of the ledger's API pass through untouched: the console keeps
// their answers and its outbox itself.

const VERSION = '__CONSOLE_VERSION__';
const FILES = ['__CONSOLE_FILES__'];
const CACHE = `ledger-console-${VERSION}`;
const SETTINGS = 'console/config.json';

const scope = new URL(self.registration.scope);
const own = path => new URL(path, scope).href;
const INDEX = own('./');

self.addEventListener('install', event => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll([INDEX, ...FILES.map(own)].map(url => new Request(url, { cache: 'reload' })));
    try {
      await cache.add(new Request(own(SETTINGS), { cache: 'no-store' }));
    } catch {
      // the settings are cached the next time the console reads them
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', event => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('ledger-console-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  if (url.href.split('?')[0] === own(SETTINGS)) {
    event.respondWith(settings(request));
    return;
  }
  if (request.mode === 'navigate' && url.pathname === scope.pathname) {
    event.respondWith(cached(INDEX, request));
    return;
  }
  const path = url.origin + url.pathname;
  if (FILES.some(file => own(file) === path)) event.respondWith(cached(path, request));
});

/** This version's copy of a console file; the network when (exceptionally) it is missing. */
async function cached(key, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(key)) || fetch(request);
}

/** The settings from the network when it answers, else the last ones kept. */
async function settings(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(own(SETTINGS), response.clone());
    return response;
  } catch (failure) {
    const kept = await cache.match(own(SETTINGS));
    if (kept) return kept;
    throw failure;
  }
}
