// Starts the app: copies the assets into the module's file system, finds the
// local database (this device first, else the server's snapshot), then loads
// the wasm module, which opens that database in memory.
'use strict';

(async function boot() {
  const status = document.getElementById('boot-status');
  const say = (text, isError) => { status.textContent = text; status.classList.toggle('error', !!isError); };

  async function fetchBytes(url) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
    return new Uint8Array(await r.arrayBuffer());
  }

  try {
    const list = await (await fetch('asset-list.json')).json();
    const assets = await Promise.all(list.files.map(async (f) => [f, await fetchBytes(f)]));

    const storage = await openDeviceStorage();
    let db = storage ? await storage.get() : null;
    let source = 'device';
    if (!db) {
      source = 'server';
      try { db = await fetchBytes('api/snapshot'); } catch (e) { db = null; source = 'none'; }
    }

    window.Module = {
      canvas: document.getElementById('canvas'),
      oboleStorage: storage,
      oboleDatabaseSource: source,
      preRun: [() => {
        const FS = Module.FS;
        for (const [path, bytes] of assets) {
          const dir = '/' + path.split('/').slice(0, -1).join('/');
          FS.mkdirTree(dir);
          FS.writeFile('/' + path, bytes);
        }
        FS.mkdirTree('/local');
        if (db) FS.writeFile('/local/obole.db', db);
      }],
      onRuntimeInitialized: () => status.classList.add('hidden'),
      print: (t) => console.log(t),
      printErr: (t) => console.error(t),
    };
    const script = document.createElement('script');
    script.src = 'obole.js';
    script.onerror = () => say('Obole could not load its program (obole.js).', true);
    document.body.appendChild(script);
  } catch (e) {
    say('Obole could not start: ' + e.message, true);
  }
})();
