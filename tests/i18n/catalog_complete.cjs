// Every English text the app can show has a translation in each catalog:
// tr("...") literals in app/ui, and in app/core (and sync's checks of pushed
// changes) every message written next to its error code, as in fail("amount.empty", "Enter an amount.") (the UI shows
// those through tr() too). Prints what is missing.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
// Every .cpp and .h under dir, subfolders too (app/ui/dossier, ...).
const sources = (dir) => fs.readdirSync(path.join(root, dir), { recursive: true })
  .filter((f) => /\.(cpp|h)$/.test(f)).map((f) => path.join(root, dir, f));

const unescape = (s) => JSON.parse(`"${s}"`);
const texts = new Map();  // english -> where
const collect = (file, re) => {
  const src = fs.readFileSync(file, 'utf8');
  // A text written as adjacent literals ("Count the box: " "then close.") is one text.
  const joined = (literals) => [...literals.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((l) => unescape(l[1])).join('');
  for (const m of src.matchAll(re)) texts.set(joined(m[1]), path.relative(root, file));
};
const LITERALS = '((?:"(?:[^"\\\\]|\\\\.)*"\\s*)+)';
for (const f of sources('app/ui')) {
  collect(f, new RegExp(`\\btr\\(\\s*${LITERALS}\\)`, 'g'));
  // Label tables: {"gift.add", "Gift recorded"}, shown through tr().
  collect(f, /\{\s*"[a-z_]+(?:\.[a-z0-9_]+)*"\s*,\s*("(?:[^"\\]|\\.)*")\s*\}/g);
}
const FAIL = new RegExp(`\\(\\s*"[a-z_]+(?:\\.[a-z_]+)+"\\s*,\\s*${LITERALS}`, 'g');
for (const f of sources('app/core')) collect(f, FAIL);
// What the server refuses a change with travels to the device, which shows it
// through tr() (the sync screen's refusals): the checks of each value.
for (const f of ['sync/protocol/value_check.cpp', 'sync/protocol/codec.cpp', 'sync/protocol/replica_rows.cpp',
  'sync/server/sync_service.cpp', 'sync/server/change_log.cpp', 'sync/protocol/access.cpp',
  'sync/server/record_locks.cpp', 'sync/server/collection_check.cpp', 'sync/server/erasure.cpp',
  // Enrolment and tokens: the device shows why it could not enrol or sync.
  'sync/server/auth.cpp', 'sync/server/json_response.cpp'])
  collect(path.join(root, f), FAIL);

// Why a device was erased, shown after it restarts (sync/client/device_copy.h).
collect(path.join(root, 'sync/client/device_copy.h'),
  new RegExp(`inline constexpr const char\\* k[A-Za-z]+Reason =\\s*${LITERALS};`, 'g'));

// What the page itself says before the app runs (web/boot.js: t("...")).
collect(path.join(root, 'web/boot.js'), new RegExp(`\\bt\\(\\s*${LITERALS}\\)`, 'g'));

let passed = 0, failed = 0;
const catalogs = fs.readdirSync(path.join(root, 'assets/i18n')).filter((f) => f.endsWith('.json'));
for (const name of catalogs) {
  const cat = JSON.parse(fs.readFileSync(path.join(root, 'assets/i18n', name), 'utf8'));
  const missing = [...texts.keys()].filter((t) => !(t in cat.strings));
  // A translation must keep the printf placeholders of its English text, in order.
  const placeholders = (s) => (s.match(/%[-0-9.]*l{0,2}[dsfu]/g) || []).join(' ');
  const broken = [...texts.keys()].filter((t) => t in cat.strings && placeholders(t) !== placeholders(cat.strings[t]));
  if (missing.length || broken.length) {
    failed++;
    for (const t of missing) console.log(`${name}: missing "${t}" (${texts.get(t)})`);
    for (const t of broken) console.log(`${name}: placeholders differ for "${t}"`);
  } else {
    passed++;
    console.log(`${name}: all ${texts.size} texts translated`);
  }
}
if (texts.size < 20) { failed++; console.log(`only ${texts.size} texts found: the scan is broken`); }
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
