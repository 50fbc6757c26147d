// Starts the app: copies the assets into the module's file system, finds the
// local database (this device first, else the server's snapshot), then loads
// the wasm module, which opens that database in memory. The files it loads come
// through the service worker (web/offline.js, web/sw.js) once it is installed.
'use strict';

(async function boot() {
  // The canvas is the app's: the browser's context menu never opens over it.
  // (Here, not as an attribute in index.html: the Content-Security-Policy
  // runs no inline script, event handler attributes included.)
  document.getElementById('canvas').addEventListener('contextmenu', (e) => e.preventDefault());
  const status = document.getElementById('boot-status');
  const say = (text, isError) => { status.textContent = text; status.classList.toggle('error', !!isError); };

  async function fetchBytes(url) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
    return new Uint8Array(await r.arrayBuffer());
  }

  // The journal records after the snapshot, for the module to replay, framed
  // as app/platform/device_journal.cpp reads them: u32 length, f64 seq, bytes
  // (little-endian; a f64 holds any sequence number a device will reach).
  function frameJournal(records) {
    const total = records.reduce((n, r) => n + 12 + r.bytes.length, 0);
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    let at = 0;
    for (const r of records) {
      view.setUint32(at, r.bytes.length, true);
      view.setFloat64(at + 4, r.seq, true);
      out.set(r.bytes, at + 12);
      at += 12 + r.bytes.length;
    }
    return out;
  }

  // The person's language for what this page says before the app runs: the
  // one the app last chose (Settings, remembered as localStorage 'obole.lang'),
  // from the catalogs the app itself uses. Each text here is English, the key,
  // each passed to t() as one double-quoted text, which tests/i18n reads.
  function pageWords(assets) {
    let lang = 'en';
    try { lang = localStorage.getItem('obole.lang') || 'en'; } catch (e) { /* storage refused: English */ }
    const found = assets.find(([f]) => f === 'assets/i18n/' + lang + '.json');
    let strings = {};
    try { if (found) strings = JSON.parse(new TextDecoder().decode(found[1])).strings || {}; } catch (e) { /* English */ }
    return (english) => strings[english] || english;
  }

  // What the app needs to draw and the browser lacks, as a sentence, or null.
  // WebGL 2 may exist and still be refused (turned off, a blocklisted GPU):
  // a context is asked for on a scratch canvas, then given back.
  function missingGraphics(t) {
    let gl = null;
    try { gl = document.createElement('canvas').getContext('webgl2'); } catch (e) { gl = null; }
    if (!gl) {
      return t("Obole cannot draw its screens in this browser: it needs WebGL 2, which this browser does not offer or has turned off. Use a recent Chrome, Edge, Firefox or Safari, or turn graphics acceleration back on.");
    }
    const lose = gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
    return null;
  }

  const offline = await startServiceWorker();  // web/offline.js
  try {
    const list = await (await fetch('asset-list.json')).json();
    const assets = await Promise.all(list.files.map(async (f) => [f, await fetchBytes(f)]));
    const missing = missingGraphics(pageWords(assets));
    if (missing) {
      say(missing, true);
      letNewVersionTakeOver(offline);
      return;
    }

    const storage = await openDeviceStorage();
    const saved = storage ? await storage.load() : { snapshot: null, snapshotSeq: 0, records: [] };
    let db = saved.snapshot;
    let source = 'device';
    if (!db && saved.records.length === 0) {
      // A first visit: start from the server's copy when there is one.
      source = 'server';
      try { db = await fetchBytes('api/snapshot'); } catch (e) { db = null; source = 'none'; }
    }

    window.Module = {
      canvas: document.getElementById('canvas'),
      oboleStorage: storage,
      oboleDatabaseSource: source,
      oboleSnapshotSeq: saved.snapshotSeq,
      preRun: [() => {
        const FS = Module.FS;
        for (const [path, bytes] of assets) {
          const dir = '/' + path.split('/').slice(0, -1).join('/');
          FS.mkdirTree(dir);
          FS.writeFile('/' + path, bytes);
        }
        FS.mkdirTree('/local');
        if (db) FS.writeFile('/local/obole.db', db);
        FS.writeFile('/local/journal.bin', frameJournal(saved.records));
      }],
      onRuntimeInitialized: () => { status.classList.add('hidden'); letNewVersionTakeOver(offline); },
      print: (t) => console.log(t),
      printErr: (t) => console.error(t),
      oboleInbox: [],  // the page's input until the app takes it (app/platform/page_input.h)
      oboleSettings: oboleReadSettings(),  // web/page_bridge.js
    };
    // Every input event of the page, as messages, in order (web/page_events.js),
    // and what the app asks of the page (web/page_bridge.js), answered the same way.
    const send = (m) => (Module.oboleInput ? Module.oboleInput(m) : Module.oboleInbox.push(m));
    Module.oboleToPage = oboleStartPageBridge(Module.canvas, send);
    oboleStartPageEvents(Module.canvas, send);
    const script = document.createElement('script');
    script.src = 'obole.js';
    script.onerror = () => { say('Obole could not load its program (obole.js).', true); letNewVersionTakeOver(offline); };
    document.body.appendChild(script);
  } catch (e) {
    // Storage's refusals are already sentences for the person ("Obole is
    // already open in another tab..."); anything else gets a lead-in.
    say(/^Obole /.test(e.message) ? e.message : 'Obole could not start: ' + e.message, true);
    letNewVersionTakeOver(offline);
  }
})();
