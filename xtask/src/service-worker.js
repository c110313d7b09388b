// The template of the service worker each release build writes as sw.js (xtask/src/offline.rs
// fills in VERSION and FILES; these comment lines are left out of the written worker).
//
// It keeps exactly the files of its own release, checked against their hashes, and answers
// from them first, so the page works offline and never mixes files of two releases. A new
// release is a new worker: it installs beside the old one and waits until the page asks it
// to take over (web/register-sw.js, when the user chooses Reload). Nothing is cached at run
// time and requests to other origins are never touched.
const VERSION = "{{VERSION}}";
// [path, SRI hash] of every file of the release; a page is listed by its folder ("./"), the
// address it is opened at, so its copy in the HTTP cache is revalidated, not downloaded again.
const FILES = {{FILES}};
// Caches are named per scope, so apps in other folders of the same host keep theirs.
const PREFIX = "ball-aid " + registration.scope + " ";
const CACHE = PREFIX + VERSION;
const url = (path) => new URL(path, location).href;

addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(FILES.map(async ([path, integrity]) => {
    // no-cache revalidates what the page has just loaded (a 304, not a second download) and
    // the hash refuses a file of another release, which fails the install until it is fixed.
    let response = await fetch(url(path), { cache: "no-cache", integrity });
    if (!response.ok) throw new Error(path + ": HTTP " + response.status);
    // A redirected response cannot answer a navigation: keep its body and headers only.
    if (response.redirected) response = new Response(await response.blob(), { headers: response.headers });
    await cache.put(url(path), response);
  }))));
});

addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
    .then(() => clients.claim()));
});

addEventListener("message", (event) => {
  if (event.data === "skipWaiting") skipWaiting();
});

addEventListener("fetch", (event) => {
  const request = event.request;
  const target = new URL(request.url);
  if (request.method !== "GET" || target.origin !== location.origin) return;
  target.hash = "";
  if (request.mode === "navigate") {
    // The query string is the scenario, which the page reads itself: every link is this page.
    target.search = "";
    if (target.pathname.endsWith("/index.html")) target.pathname = target.pathname.slice(0, -10);
  }
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(target.href, { ignoreVary: true }))
    .then((cached) => cached || fetch(request)));
});
