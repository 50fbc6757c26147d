// The local database's durable home on this device.
//
// The app keeps its SQLite database in memory; what makes it durable is here:
// a snapshot (the whole database, from time to time) plus a journal (one record
// per committed transaction, a SQLite changeset). A write is acknowledged only
// once the browser has committed it to disk, so "saved" on screen means saved.
// Start-up = the newest snapshot + the journal records after it.
//
// Interface (every method returns a Promise):
//   load()                -> { snapshot: Uint8Array|null, snapshotSeq, records: [{ seq, bytes }] }
//   append(seq, bytes)    -> the journal record is durable
//   snapshot(seq, bytes)  -> the snapshot covering records <= seq is durable; those records are dropped
//   kind                  -> 'indexeddb'
'use strict';

// IndexedDB, with "strict" durability: the transaction completes only after
// the data is flushed to disk (Chromium's default, "relaxed", may lose the last
// writes in a power cut).
function openIndexedDbStorage() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('obole', 2);
    req.onupgradeneeded = () => {
      const db = req.result;
      // Version 1 kept the whole database in 'files'; nothing shipped with it.
      if (db.objectStoreNames.contains('files')) db.deleteObjectStore('files');
      if (!db.objectStoreNames.contains('journal')) db.createObjectStore('journal');
      if (!db.objectStoreNames.contains('snapshot')) db.createObjectStore('snapshot');
    };
    req.onblocked = () => reject(new Error('another Obole tab holds an older version of the local storage open'));
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const idb = req.result;
      const tx = (stores, mode, work) => new Promise((ok, fail) => {
        const t = idb.transaction(stores, mode, { durability: 'strict' });
        const result = work(t);
        t.oncomplete = () => ok(result.value);
        t.onerror = t.onabort = () => fail(t.error || new Error('IndexedDB transaction aborted'));
      });
      resolve({
        kind: 'indexeddb',
        load: () => tx(['journal', 'snapshot'], 'readonly', (t) => {
          const out = { value: null };
          const snap = t.objectStore('snapshot').get('main');
          const records = [];
          const cursor = t.objectStore('journal').openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (c) { records.push({ seq: c.key, bytes: new Uint8Array(c.value) }); c.continue(); }
          };
          snap.onsuccess = () => {
            const s = snap.result;
            out.value = { snapshot: s ? new Uint8Array(s.bytes) : null, snapshotSeq: s ? s.seq : 0, records };
          };
          return out;
        }),
        append: (seq, bytes) => tx(['journal'], 'readwrite', (t) => {
          t.objectStore('journal').put(bytes, seq);
          return {};
        }),
        snapshot: (seq, bytes) => tx(['journal', 'snapshot'], 'readwrite', (t) => {
          // One transaction: the snapshot and the end of the records it covers
          // land together or not at all.
          t.objectStore('snapshot').put({ seq, bytes }, 'main');
          t.objectStore('journal').delete(IDBKeyRange.upperBound(seq));
          return {};
        }),
      });
    };
  });
}

// Resolves with the storage, or null (with the reason logged) when this
// browser offers none: the app then says that nothing can be saved.
async function openDeviceStorage() {
  if (!('indexedDB' in self)) {
    console.error('Obole: this browser has no IndexedDB; nothing can be saved on this device');
    return null;
  }
  try {
    return await openIndexedDbStorage();
  } catch (e) {
    console.error('Obole: local storage unavailable:', e);
    return null;
  }
}
