// Offline use: registers the service worker (sw.js, written for each release beside this
// script) and, when a new release has been installed, offers to reload into it. The page
// only ever switches release when the user chooses Reload, so it never mixes two releases.
// Where service workers are unavailable (file://, private modes, older browsers, plain http
// off localhost) this does nothing and the page works as it does online. The banner is
// built with createElement and textContent: nothing here is parsed as markup.
let sw;
try {
  sw = navigator.serviceWorker;
} catch {
  // Some browsers throw here when site storage is blocked.
}
if (sw) {
  let chosen = false;
  let controlled = Boolean(sw.controller);
  const offer = (waiting) => {
    if (document.querySelector('[data-update]')) return;
    const bar = document.createElement('div');
    bar.className = 'update';
    bar.setAttribute('data-update', '');
    bar.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = 'A new version is available — ';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.addEventListener('click', () => {
      chosen = true;
      // The waiting worker takes over on request; controllerchange below then reloads.
      if (waiting && waiting.state === 'installed') waiting.postMessage('skipWaiting');
      else location.reload();
    });
    bar.append(text, button);
    document.body.append(bar);
  };
  sw.addEventListener('controllerchange', () => {
    // The first worker taking over a page it loaded is not a new release.
    if (chosen) location.reload();
    else if (controlled) offer();
    controlled = true;
  });
  // After the page has loaded, so the worker finds every file in the HTTP cache (a 304 each)
  // rather than downloading the WebAssembly a second time while the page is fetching it.
  const start = () => sw.register(new URL('sw.js', import.meta.url)).then((registration) => {
    // Some blockers resolve without a registration.
    if (!registration) return;
    const watch = (worker) => {
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && sw.controller) offer(worker);
      });
    };
    if (registration.waiting && sw.controller) offer(registration.waiting);
    watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    // A page left open for days looks for a new release whenever it is shown again.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }, () => {});
  if (document.readyState === 'complete') start();
  else addEventListener('load', start);
}
