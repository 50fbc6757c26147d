// The local database's home on this device: one IndexedDB record holding the
// whole SQLite file. (The offline issue replaces it with a journal in OPFS.)
'use strict';

function openDeviceStorage() {
  return new Promise((resolve) => {
    if (!('indexedDB' in self)) { resolve(null); return; }
    const req = indexedDB.open('obole', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('files');
    req.onerror = () => { console.error('IndexedDB:', req.error); resolve(null); };
    req.onsuccess = () => {
      const idb = req.result;
      const run = (mode, op) => new Promise((ok, fail) => {
        const tx = idb.transaction('files', mode);
        const r = op(tx.objectStore('files'));
        // A write counts only once its transaction has committed.
        tx.oncomplete = () => ok(r.result);
        tx.onerror = tx.onabort = () => fail(tx.error || new Error('IndexedDB transaction aborted'));
      });
      resolve({
        get: () => run('readonly', (s) => s.get('main')).then((v) => (v ? new Uint8Array(v) : null)),
        put: (bytes) => run('readwrite', (s) => s.put(bytes, 'main')),
      });
    };
  });
}
