// Offline start: registers the service worker (web/sw.js), and tells a new
// version's worker when it may take over. Used by boot.js.
'use strict';

// On the first visit, waits for the worker to have cached the shell and to
// control this page, so the files boot.js loads next are downloaded once (by
// the worker) and the app is known to start offline as soon as it has started
// once. Resolves with the registration, or null when there is no worker
// (unsupported, refused, install failed): the app then loads from the network.
async function startServiceWorker() {
  if (!('serviceWorker' in navigator)) return null;
  // Controlled already: the browser itself checks sw.js for a new version on
  // each visit. (register() would check too, and reject when offline.)
  if (navigator.serviceWorker.controller) return navigator.serviceWorker.ready;
  try {
    const reg = await navigator.serviceWorker.register('sw.js');
    // A worker is active but does not control this page: a hard reload, which
    // asks for the network. Nothing to wait for.
    if (reg.active) return reg;
    const worker = reg.installing || reg.waiting;
    if (!worker) return reg;
    const controlled = new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    await new Promise((ok) => {
      const settled = () => { if (worker.state === 'activated' || worker.state === 'redundant') ok(); };
      worker.addEventListener('statechange', settled);
      settled();
    });
    // The worker claims this page while activating; the event may trail the state.
    if (worker.state === 'activated' && !navigator.serviceWorker.controller) {
      await Promise.race([controlled, new Promise((ok) => setTimeout(ok, 2000))]);
    }
    return reg;
  } catch (e) {
    console.warn('Obole cannot start offline in this browser: the service worker was refused:', e);
    return null;
  }
}

// Called once this page has its program running (or has given up): it needs no
// more shell files, so a new version's worker (installed in the background when
// sw.js changed) may take over now. The running page keeps working; the new
// version shows on the next load.
function letNewVersionTakeOver(reg) {
  if (!reg) return;
  const whenInstalled = (worker) => {
    const go = () => { if (worker.state === 'installed') worker.postMessage({ type: 'obole-take-over' }); };
    worker.addEventListener('statechange', go);
    go();
  };
  if (reg.waiting) whenInstalled(reg.waiting);
  if (reg.installing) whenInstalled(reg.installing);
  reg.addEventListener('updatefound', () => { if (reg.installing) whenInstalled(reg.installing); });
  // Look for a new version now: the browser's own check after a visit may come
  // much later. Offline it fails, which is fine: the next visit looks again.
  reg.update().catch(() => {});
}
