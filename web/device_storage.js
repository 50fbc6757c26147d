// The local database's durable home on this device.
//
// The app keeps its SQLite database in memory; what makes it durable is here:
// a snapshot (the whole database, from time to time) plus a journal (one record
// per committed transaction, a SQLite changeset). A write is acknowledged only
// once the browser has committed it to disk, so "saved" on screen means saved.
// Start-up = the newest snapshot + the journal records after it.
//
// Interface (every method returns a Promise), the same for both backends:
//   load()                -> { snapshot: Uint8Array|null, snapshotSeq, records: [{ seq, bytes }] }
//   append(seq, bytes)    -> the journal record is durable
//   snapshot(seq, bytes)  -> the snapshot covering records <= seq is durable; those records are dropped
//   replace(seq, bytes)   -> the snapshot is the device's whole data: every record and every older
//                            snapshot is erased (a new copy for another role, an erased device, a backup)
//   estimate()            -> { usage, quota } in bytes, as navigator.storage.estimate() says
//   persist()             -> navigator.storage.persist(): true when the data is protected from eviction
//   kind                  -> 'opfs' or 'indexeddb'
//   writing               -> { op: 'append'|'snapshot', seq } being written now, or null
//
// Backends:
//   'opfs'       the origin private file system, written by a dedicated Worker
//                (web/journal_worker.js, file formats there) with sync access
//                handles: write + flush, a few ms per record. Used wherever the
//                worker proves it can create a sync access handle.
//   'indexeddb'  IndexedDB with strict durability, ~100 ms per record: browsers
//                without OPFS sync access handles. A device whose data is in
//                IndexedDB (older Obole) and now gets OPFS has it moved over once.
//
// One tab at a time: each tab holds its own in-memory copy and would write its
// own journal records, so two tabs would overwrite each other's snapshots and
// interleave records of two diverging databases. A Web Lock held for the page's
// life makes the second tab refuse to start (openDeviceStorage() rejects with
// ALREADY_OPEN).
//
// Test-only switch: localStorage['obole.storage'] = 'indexeddb' makes
// openDeviceStorage() use IndexedDB even where OPFS works (the browser tests
// use it to exercise that backend and the migration). Nothing else sets it.
'use strict';

const ALREADY_OPEN = 'Obole is already open in another tab of this browser. Close it, or use that tab.';
const TAB_LOCK = 'obole-device-storage';

// --- IndexedDB -------------------------------------------------------------------

function openIndexedDb() {
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
    req.onsuccess = () => resolve(req.result);
  });
}

// "strict" durability: the transaction completes only after the data is flushed
// to disk (Chromium's default, "relaxed", may lose the last writes in a power cut).
function indexedDbBackend(idb) {
  const tx = (stores, mode, work) => new Promise((ok, fail) => {
    const t = idb.transaction(stores, mode, { durability: 'strict' });
    const result = work(t);
    t.oncomplete = () => ok(result.value);
    t.onerror = t.onabort = () => fail(t.error || new Error('IndexedDB transaction aborted'));
  });
  return {
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
    replace: (seq, bytes) => tx(['journal', 'snapshot'], 'readwrite', (t) => {
      t.objectStore('journal').clear();
      t.objectStore('snapshot').put({ seq, bytes }, 'main');
      return {};
    }),
    // For the migration to OPFS only (not part of the interface).
    clear: () => tx(['journal', 'snapshot'], 'readwrite', (t) => {
      t.objectStore('journal').clear();
      t.objectStore('snapshot').clear();
      return {};
    }),
  };
}

// What an older Obole left in IndexedDB: { data, clear() }, or null when there
// is nothing. Does not create the database when there is none.
async function readIndexedDbLeftovers() {
  if (!('indexedDB' in self)) return null;
  if (typeof indexedDB.databases === 'function') {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('obole')) return null;
  }
  const idb = await openIndexedDb();
  const backend = indexedDbBackend(idb);
  const data = await backend.load();
  if (!data.snapshot && data.records.length === 0) {
    idb.close();
    return null;
  }
  return {
    data,
    clear: async () => {
      await backend.clear();  // strict: durable before we say so
      idb.close();
      indexedDB.deleteDatabase('obole');  // gives the space back; the data is already gone
    },
  };
}

// --- OPFS, through web/journal_worker.js --------------------------------------------

function startJournalWorker() {
  const worker = new Worker('journal_worker.js');
  const pending = new Map();
  let nextId = 1;
  let dead = null;
  const fail = (err) => {
    dead = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.onmessage = (event) => {
    const { id, ok, result, error } = event.data;
    const p = pending.get(id);
    pending.delete(id);
    if (!p) return;
    if (ok) p.resolve(result);
    else p.reject(Object.assign(new Error(error.message), { name: error.name }));
  };
  // A script that cannot load (offline and not in the service worker's cache)
  // or a crash of the worker: every write from now on fails, visibly.
  worker.onerror = (event) => {
    event.preventDefault();
    fail(new Error('the storage worker stopped: ' + (event.message || 'journal_worker.js could not be loaded')));
  };
  worker.onmessageerror = () => fail(new Error('the storage worker sent an unreadable message'));
  const call = (op, args = {}) => {
    if (dead) return Promise.reject(dead);
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // Copied, not transferred: the caller keeps its bytes as with IndexedDB.
      worker.postMessage({ id, op, ...args });
    });
  };
  return { call, terminate: () => worker.terminate() };
}

// Resolves with the backend, or null when this browser cannot do OPFS with
// sync access handles (the worker found out by trying). Rejects when it can
// but the device's files cannot be used: falling back to IndexedDB would then
// show (and grow) an empty device while the real data sits in OPFS.
async function openOpfsBackend() {
  const worker = startJournalWorker();
  let timer;
  const tooLong = new Promise((ok, fail) => {
    timer = setTimeout(() => fail(new Error('the storage worker did not answer')), 20000);
  });
  let opened;
  try {
    opened = await Promise.race([worker.call('open'), tooLong]);
  } catch (e) {
    worker.terminate();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  if (!opened.supported) {
    worker.terminate();
    console.info('Obole: OPFS storage unavailable (' + opened.reason + '); using IndexedDB');
    return null;
  }
  if (!opened.initialized) {
    // First use of OPFS on this device. Whatever IndexedDB holds (an older
    // Obole's data) is copied over, and IndexedDB is cleared only once every
    // byte is flushed in OPFS and the header that makes OPFS the device's copy
    // is written. A crash in between: OPFS has no header, so the next start
    // wipes it and copies again from IndexedDB, which is still whole.
    const old = await readIndexedDbLeftovers();
    await worker.call('wipe');
    if (old) {
      const { snapshot, snapshotSeq, records } = old.data;
      if (snapshot) await worker.call('snapshot', { seq: snapshotSeq, bytes: snapshot });
      for (const r of records) {
        if (r.seq > snapshotSeq) await worker.call('append', { seq: r.seq, bytes: r.bytes });
      }
      console.info(`Obole: moved this device's data from IndexedDB to OPFS (snapshot ${snapshot ? snapshot.length : 0} bytes, ${records.length} records)`);
    }
    await worker.call('seal', { idbToClear: !!old });
    if (old) {
      await old.clear();
      await worker.call('seal', { idbToClear: false });
    }
  } else if (opened.idbToClear) {
    // A crash came after the migration but before IndexedDB was cleared: its
    // data is the copy OPFS already has.
    const old = await readIndexedDbLeftovers();
    if (old) await old.clear();
    await worker.call('seal', { idbToClear: false });
  }
  return {
    kind: 'opfs',
    load: () => worker.call('load'),
    append: (seq, bytes) => worker.call('append', { seq, bytes }),
    snapshot: (seq, bytes) => worker.call('snapshot', { seq, bytes }),
    replace: (seq, bytes) => worker.call('replace', { seq, bytes }),
  };
}

// --- What both backends share ------------------------------------------------------

// The words the status line shows after "Not saved on this device:".
function readableError(e) {
  if (e && e.name === 'QuotaExceededError') {
    return new Error('the browser gives Obole no more room on this device (storage quota reached)');
  }
  return e instanceof Error ? e : new Error(String(e && e.message || e));
}

function withCommonRules(backend) {
  // One operation at a time, in call order: a snapshot must land after the
  // appends it covers, and an append that failed must be known before the next
  // one is tried (below). DeviceJournal does not wait between calls.
  let queue = Promise.resolve();
  const inOrder = (work) => {
    const p = queue.then(work);
    queue = p.catch(() => {});
    return p;
  };
  // After a refused record, the records after it are refused too until a
  // snapshot covers it: stored, they would leave a hole in the journal, and a
  // restart would replay changes without the one before them.
  let refused = null;  // { seq, message }
  // What the backend is writing now, readable from the page ({ op, seq } or
  // null; op 'append' or 'snapshot', which replace() writes too): a crash
  // test waits for a snapshot to be under way to kill the browser during it.
  let writing = null;
  const write = (op, seq, work) => inOrder(async () => {
    writing = { op, seq };
    try {
      return await work();
    } finally {
      writing = null;
    }
  });
  return {
    kind: backend.kind,
    get writing() { return writing; },
    load: () => inOrder(() => backend.load()),
    append: (seq, bytes) => write('append', seq, async () => {
      if (refused && seq > refused.seq) throw new Error(refused.message);
      try {
        await backend.append(seq, bytes);
      } catch (e) {
        const err = readableError(e);
        if (!refused) refused = { seq, message: err.message };
        throw err;
      }
    }),
    snapshot: (seq, bytes) => write('snapshot', seq, async () => {
      try {
        await backend.snapshot(seq, bytes);
      } catch (e) {
        throw readableError(e);
      }
      if (refused && seq >= refused.seq) refused = null;
    }),
    replace: (seq, bytes) => write('snapshot', seq, async () => {
      try {
        await backend.replace(seq, bytes);
      } catch (e) {
        throw readableError(e);
      }
      refused = null;
    }),
    estimate: async () => {
      if (!(navigator.storage && navigator.storage.estimate)) throw new Error('this browser gives no storage estimate');
      const e = await navigator.storage.estimate();
      return { usage: e.usage, quota: e.quota };
    },
    persist: async () => {
      if (!(navigator.storage && navigator.storage.persist)) return false;
      return navigator.storage.persist();
    },
  };
}

// Takes the lock for the page's life: resolves with a function that releases
// it, or rejects with ALREADY_OPEN. On a reload the previous page's lock goes
// away a moment after the new page starts, so a refusal is retried for ~2 s
// before it counts as "another tab".
async function takeTabLock() {
  if (!(navigator.locks && navigator.locks.request)) {
    console.warn('Obole: no Web Locks in this browser; a second tab cannot be detected');
    return () => {};
  }
  for (let attempt = 0; ; attempt++) {
    const release = await new Promise((resolve, reject) => {
      navigator.locks.request(TAB_LOCK, { ifAvailable: true }, (lock) => {
        if (!lock) { resolve(null); return undefined; }
        // Held until this promise settles: never, unless release() is called.
        return new Promise((done) => resolve(done));
      }).catch(reject);
    });
    if (release) {
      if (attempt > 0) console.info(`Obole: storage lock free after ${attempt} retries`);
      return release;
    }
    if (attempt >= 8) throw new Error(ALREADY_OPEN);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

function storageSwitch() {
  try { return localStorage.getItem('obole.storage'); } catch (e) { return null; }
}

async function openStorage() {
  const mayOpfs = storageSwitch() !== 'indexeddb' && typeof Worker === 'function' &&
                  !!(navigator.storage && navigator.storage.getDirectory);
  const mayIndexedDb = 'indexedDB' in self;
  if (!mayOpfs && !mayIndexedDb) {
    console.error('Obole: this browser has neither OPFS nor IndexedDB; nothing can be saved on this device');
    return null;
  }
  const release = await takeTabLock();  // ALREADY_OPEN goes to the caller
  try {
    let backend = mayOpfs ? await openOpfsBackend() : null;
    if (!backend && mayIndexedDb) backend = indexedDbBackend(await openIndexedDb());
    if (!backend) {
      console.error('Obole: no usable storage in this browser; nothing can be saved on this device');
      release();
      return null;
    }
    return withCommonRules(backend);
  } catch (e) {
    console.error('Obole: local storage unavailable:', e);
    release();
    return null;
  }
}

// Resolves with the storage, or null (with the reason logged) when this
// browser offers none: the app then says that nothing can be saved. Rejects
// with ALREADY_OPEN when another tab has it. Within one page every call gets
// the same storage: it holds the tab's lock and the worker's file handles, so
// a second one would only fight the first.
let openingStorage = null;
function openDeviceStorage() {
  if (!openingStorage) {
    openingStorage = openStorage().then(
      (s) => { if (!s) openingStorage = null; return s; },
      (e) => { openingStorage = null; throw e; });
  }
  return openingStorage;
}
