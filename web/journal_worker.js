// The OPFS side of web/device_storage.js: a dedicated Worker that owns the
// device's files in the origin private file system through sync access handles
// (FileSystemSyncAccessHandle: write() then flush()). Browsers offer those
// handles only in dedicated workers; they skip IndexedDB's transaction machinery
// and cost about one fsync per write, which is the point: a gift is durable in
// a few milliseconds instead of ~100 ms.
//
// Files, in the folder 'obole' of the origin private file system. Numbers are
// little-endian; a sequence number is an f64 (exact up to 2^53), as in boot.js.
//
//   journal.bin      a file header, then one record per committed transaction
//     file header (16 bytes): magic 'OBJH', version 1, flags, CRC-32 of bytes 0..11
//       The header makes OPFS "the device's copy": it is written (and flushed)
//       once the folder holds the truth, i.e. after a migration from IndexedDB
//       completed. Without a valid header nothing here is trusted (see 'wipe').
//       flags bit 0: the IndexedDB copy this was migrated from still has to be
//       cleared (a crash came between the migration and the clearing).
//     record: magic 'OBJR' u32, payload length u32, seq f64,
//             CRC-32 of the 16 header bytes before it followed by the payload (u32),
//             then the payload (a SQLite changeset).
//       Appended in seq order, acknowledged only after flush(). A crash (SIGKILL,
//       power cut) can only leave the record being written torn, at the end:
//       reading stops at the first record whose magic, length, CRC or order is
//       wrong, and the file is truncated there. That tail was never acknowledged.
//
//   snapshot-a.bin, snapshot-b.bin   two slots, each: header (32 bytes), then the database
//     header: magic 'OBSN' u32, payload length u32, seq f64 (last record it covers),
//             generation f64 (+1 per snapshot written), CRC-32 of header bytes 0..23
//             followed by the payload (u32), 4 zero bytes.
//       A snapshot goes to the slot NOT holding the newest valid one: the slot is
//       emptied, the payload written and flushed, and only then the header written
//       and flushed. A crash at any byte leaves that slot without a valid header
//       (or failing its CRC) and the other slot untouched, so the previous snapshot
//       is still there. The valid slot with the highest generation wins (not the
//       highest seq: a snapshot that replaces the data, e.g. a restored backup,
//       may cover fewer records and must still win).
//
// Messages: { id, op, ... } -> { id, ok: true, result } | { id, ok: false, error: { name, message } }.
'use strict';

const FILE_MAGIC = 0x484a424f;      // 'OBJH' read as a little-endian u32
const RECORD_MAGIC = 0x524a424f;    // 'OBJR'
const SNAPSHOT_MAGIC = 0x4e53424f;  // 'OBSN'
const FILE_HEADER = 16;
const RECORD_HEADER = 20;
const SNAPSHOT_HEADER = 32;
const FLAG_IDB_TO_CLEAR = 1;

// --- CRC-32 (IEEE 802.3, the one of zip and PNG) ---------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

// `crc` continues an earlier result, so header and payload need no joined copy.
function crc32(bytes, crc = 0) {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

// --- State ---------------------------------------------------------------------

let journal = null;      // FileSystemSyncAccessHandle of journal.bin
const slots = [null, null];
let initialized = false; // journal.bin has a valid file header: the files hold the truth
let flags = 0;
let journalEnd = FILE_HEADER;  // where the next record goes: right after the last valid one
let lastRecordSeq = 0;   // the newest record appended (records must come in increasing order)
let newest = null;       // the newest valid snapshot: { slot, generation, seq }
let opened = null;       // what open() read, handed out by the first load() (read once, not twice)

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

function readAll(handle) {
  const bytes = new Uint8Array(handle.getSize());
  const n = handle.read(bytes, { at: 0 });
  return n === bytes.length ? bytes : bytes.subarray(0, n);
}

// write() may write fewer bytes than asked (it says how many): that is a failure.
function writeAll(handle, bytes, at) {
  const n = handle.write(bytes, { at });
  if (n !== bytes.length) throw new DOMException(`wrote ${n} of ${bytes.length} bytes`, 'QuotaExceededError');
}

// --- Opening -----------------------------------------------------------------

// Another context may still hold a file's handle (they are exclusive): on a
// reload, the previous page's worker is torn down a moment after the new page
// starts. That passes; wait for it a few seconds before giving up.
async function exclusiveHandle(dir, name) {
  const file = await dir.getFileHandle(name, { create: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await file.createSyncAccessHandle();
      if (attempt > 0) console.info(`Obole journal: ${name} free after ${attempt} retries`);
      return handle;
    } catch (e) {
      if (e.name !== 'NoModificationAllowedError' || attempt >= 50) throw e;
      await sleep(100);
    }
  }
}

// Answers { supported: false, reason } when this browser cannot do it at all
// (device_storage.js then uses IndexedDB), else opens the files and reads them:
// { supported: true, initialized, idbToClear }. Creating the handles for real is
// the test: a browser may expose the method and still refuse (private modes).
async function open() {
  const api = typeof FileSystemFileHandle === 'function' &&
              typeof FileSystemFileHandle.prototype.createSyncAccessHandle === 'function' &&
              self.navigator && navigator.storage && typeof navigator.storage.getDirectory === 'function';
  if (!api) return { supported: false, reason: 'no sync access handles in workers' };
  let dir;
  try {
    dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('obole', { create: true });
  } catch (e) {
    return { supported: false, reason: `the origin private file system is refused (${e.name}: ${e.message})` };
  }
  try {
    journal = await exclusiveHandle(dir, 'journal.bin');
    slots[0] = await exclusiveHandle(dir, 'snapshot-a.bin');
    slots[1] = await exclusiveHandle(dir, 'snapshot-b.bin');
  } catch (e) {
    for (const h of [journal, ...slots]) if (h) h.close();
    journal = slots[0] = slots[1] = null;
    // Busy even after waiting: the files exist and someone holds them. Falling
    // back to IndexedDB would show an empty device; say it instead.
    if (e.name === 'NoModificationAllowedError') throw e;
    // Refused outright on files we may have just created: the browser cannot do it.
    if (!(await holdsData(dir))) return { supported: false, reason: `sync access handles refused (${e.name}: ${e.message})` };
    throw e;
  }
  // Chromium before 108 (and early Safari) had promise-returning getSize(),
  // flush(), truncate(): an unawaited flush() would acknowledge before the disk
  // has the bytes. Those browsers get IndexedDB.
  if (typeof journal.getSize() !== 'number') {
    for (const h of [journal, ...slots]) { try { h.close(); } catch (ignored) { /* closing anyway */ } }
    journal = slots[0] = slots[1] = null;
    return { supported: false, reason: 'sync access handles of an older, asynchronous kind' };
  }
  const header = journal.getSize() >= FILE_HEADER ? new Uint8Array(FILE_HEADER) : null;
  if (header) journal.read(header, { at: 0 });
  const view = header && new DataView(header.buffer);
  initialized = !!header && view.getUint32(0, true) === FILE_MAGIC && view.getUint32(4, true) === 1 &&
                view.getUint32(12, true) === crc32(header.subarray(0, 12));
  flags = initialized ? view.getUint32(8, true) : 0;
  if (initialized) opened = read();
  return { supported: true, initialized, idbToClear: (flags & FLAG_IDB_TO_CLEAR) !== 0 };
}

// Whether journal.bin (read without a sync handle) carries a valid file header.
async function holdsData(dir) {
  try {
    const file = await (await dir.getFileHandle('journal.bin')).getFile();
    const b = new Uint8Array(await file.slice(0, FILE_HEADER).arrayBuffer());
    const v = new DataView(b.buffer);
    return b.length === FILE_HEADER && v.getUint32(0, true) === FILE_MAGIC && v.getUint32(12, true) === crc32(b.subarray(0, 12));
  } catch (e) {
    return true;  // cannot tell: do not risk hiding the device's data behind an empty IndexedDB
  }
}

// --- Reading -----------------------------------------------------------------

// The newest valid snapshot and the journal records after it; sets the state
// appends and snapshots continue from. Truncates the journal after its last
// valid record.
function read() {
  let best = null;
  for (let slot = 0; slot < 2; slot++) {
    const bytes = readAll(slots[slot]);
    if (bytes.length < SNAPSHOT_HEADER) continue;
    const v = new DataView(bytes.buffer, bytes.byteOffset, SNAPSHOT_HEADER);
    const length = v.getUint32(4, true);
    if (v.getUint32(0, true) !== SNAPSHOT_MAGIC || bytes.length < SNAPSHOT_HEADER + length) continue;
    const payload = bytes.subarray(SNAPSHOT_HEADER, SNAPSHOT_HEADER + length);
    if (v.getUint32(24, true) !== crc32(payload, crc32(bytes.subarray(0, 24)))) continue;
    const s = { slot, generation: v.getFloat64(16, true), seq: v.getFloat64(8, true), payload };
    if (!best || s.generation > best.generation) best = s;
  }
  newest = best && { slot: best.slot, generation: best.generation, seq: best.seq };
  const snapshotSeq = best ? best.seq : 0;

  const bytes = readAll(journal);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const records = [];
  let at = FILE_HEADER;
  let prev = 0;
  for (;;) {
    if (bytes.length - at < RECORD_HEADER) break;
    const length = v.getUint32(at + 4, true);
    const seq = v.getFloat64(at + 8, true);
    if (v.getUint32(at, true) !== RECORD_MAGIC || bytes.length - at - RECORD_HEADER < length || !(seq > prev)) break;
    const payload = bytes.subarray(at + RECORD_HEADER, at + RECORD_HEADER + length);
    if (v.getUint32(at + 16, true) !== crc32(payload, crc32(bytes.subarray(at, at + 16)))) break;
    // Records the snapshot already covers are kept on disk but not replayed.
    if (seq > snapshotSeq) records.push({ seq, bytes: payload.slice() });
    prev = seq;
    at += RECORD_HEADER + length;
  }
  if (at < bytes.length) {
    // The torn (never acknowledged) tail of a crash, or bytes of a failed write.
    console.warn(`Obole journal: dropped ${bytes.length - at} bytes after the last whole record`);
    journal.truncate(at);
    journal.flush();
  }
  journalEnd = at;
  lastRecordSeq = prev;
  // The snapshot is a view into the slot's bytes, whose buffer is handed over whole.
  return { snapshot: best ? best.payload : null, snapshotSeq, records };
}

function load() {
  if (!initialized) throw new Error('the device storage is not set up');
  const result = opened || read();
  opened = null;  // the next load() reads the files again
  return result;
}

// --- Writing -----------------------------------------------------------------

function append(seq, bytes) {
  // Reading stops at a record out of order: one written out of order would
  // hide every record after it.
  if (!(seq > lastRecordSeq)) throw new Error(`journal record ${seq} arrived after record ${lastRecordSeq}`);
  const record = new Uint8Array(RECORD_HEADER + bytes.length);
  const v = new DataView(record.buffer);
  v.setUint32(0, RECORD_MAGIC, true);
  v.setUint32(4, bytes.length, true);
  v.setFloat64(8, seq, true);
  record.set(bytes, RECORD_HEADER);
  v.setUint32(16, crc32(bytes, crc32(record.subarray(0, 16))), true);
  try {
    // At journalEnd, not at the file's end: after a failed write the next record
    // replaces whatever part of the failed one reached the file.
    writeAll(journal, record, journalEnd);
    journal.flush();
  } catch (e) {
    try { journal.truncate(journalEnd); journal.flush(); } catch (ignored) { /* the next write goes to journalEnd anyway */ }
    throw e;
  }
  journalEnd += record.length;
  lastRecordSeq = seq;
}

function snapshot(seq, bytes) {
  const slot = newest ? 1 - newest.slot : 0;
  const generation = (newest ? newest.generation : 0) + 1;
  const handle = slots[slot];
  const header = new Uint8Array(SNAPSHOT_HEADER);
  const v = new DataView(header.buffer);
  v.setUint32(0, SNAPSHOT_MAGIC, true);
  v.setUint32(4, bytes.length, true);
  v.setFloat64(8, seq, true);
  v.setFloat64(16, generation, true);
  v.setUint32(24, crc32(bytes, crc32(header.subarray(0, 24))), true);
  try {
    // Emptied first, so that no header is there while the payload changes.
    handle.truncate(0);
    handle.flush();
    writeAll(handle, bytes, SNAPSHOT_HEADER);
    handle.flush();
    // Written last: from this flush on, this slot is the newest snapshot.
    writeAll(handle, header, 0);
    handle.flush();
  } catch (e) {
    // Give the space back (the quota may be what failed); the other slot is intact.
    try { handle.truncate(0); handle.flush(); } catch (ignored) { /* invalid anyway: no header */ }
    throw e;
  }
  newest = { slot, generation, seq };
  // The records the snapshot covers are dropped. Records arrive in order and
  // DeviceJournal snapshots every record taken so far, so all the journal holds
  // is <= seq and it is emptied. Should a record > seq be there (a snapshot
  // replacing the data with an older one), the journal is kept whole: rewriting
  // it in place could tear an acknowledged record, while reading skips the
  // covered ones anyway.
  if (journalEnd > FILE_HEADER && lastRecordSeq > seq) {
    console.warn(`Obole journal: kept records after ${seq} (up to ${lastRecordSeq}) under the snapshot`);
    return;
  }
  if (journalEnd > FILE_HEADER || journal.getSize() > FILE_HEADER) {
    // A crash before this flush leaves records the snapshot covers: skipped when read.
    journal.truncate(FILE_HEADER);
    journal.flush();
    journalEnd = FILE_HEADER;
  }
}

// A snapshot that is now the device's whole data: written as any snapshot
// (a crash before its header leaves the previous data whole), then the other
// slot and the journal are emptied, so that no byte of what it replaces stays
// in the device's files (a role that may read less, an erased device).
function replace(seq, bytes) {
  snapshot(seq, bytes);
  const other = slots[1 - newest.slot];
  other.truncate(0);
  other.flush();
  journal.truncate(FILE_HEADER);
  journal.flush();
  journalEnd = FILE_HEADER;
  lastRecordSeq = seq;
}

// Before a migration: nothing here is the truth yet (no file header), so any
// leftover of an interrupted migration goes.
function wipe() {
  for (const h of [...slots, journal]) { h.truncate(0); h.flush(); }
  initialized = false;
  journalEnd = FILE_HEADER;
  lastRecordSeq = 0;
  newest = null;
  opened = null;
}

// Writes the file header: from its flush on, these files are the device's copy.
function setHeader(newFlags) {
  const header = new Uint8Array(FILE_HEADER);
  const v = new DataView(header.buffer);
  v.setUint32(0, FILE_MAGIC, true);
  v.setUint32(4, 1, true);
  v.setUint32(8, newFlags, true);
  v.setUint32(12, crc32(header.subarray(0, 12)), true);
  writeAll(journal, header, 0);
  journal.flush();
  initialized = true;
  flags = newFlags;
}

// --- Messages ------------------------------------------------------------------

const OPS = {
  open: () => open(),
  load: () => load(),
  append: (m) => append(m.seq, m.bytes),
  snapshot: (m) => snapshot(m.seq, m.bytes),
  replace: (m) => replace(m.seq, m.bytes),
  wipe: () => wipe(),
  seal: (m) => setHeader(m.idbToClear ? FLAG_IDB_TO_CLEAR : 0),
};

// One queue: each message is handled only after the previous one is done,
// though open() awaits. Order is what makes the files right: a snapshot must
// follow the appends it covers (it truncates them), an append sent after a
// snapshot must not be truncated by it, and records must reach the journal in
// seq order. Acknowledging in this order also matches what the page expects.
let queue = Promise.resolve();
self.onmessage = (event) => {
  const m = event.data;
  queue = queue.then(async () => {
    try {
      if (!OPS[m.op]) throw new Error(`unknown operation ${m.op}`);
      if (m.op !== 'open' && !journal) throw new Error('the device storage is not open');
      const result = await OPS[m.op](m);
      // A loaded database is handed over, not copied: it can be large.
      const transfer = m.op === 'load' && result
        ? [result.snapshot, ...result.records.map((r) => r.bytes)].filter(Boolean).map((b) => b.buffer)
        : [];
      self.postMessage({ id: m.id, ok: true, result }, transfer);
    } catch (e) {
      self.postMessage({ id: m.id, ok: false, error: { name: e && e.name || 'Error', message: String(e && e.message || e) } });
    }
  });
};
