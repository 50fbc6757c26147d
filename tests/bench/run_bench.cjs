// tools/obole bench: runs the benchmarks at each size and prints one table.
// Native figures come from obole-gen --bench, browser ones from browser_bench.cjs,
// sync ones from obole-sync-bench (next to obole-gen's folder, tools/syncbench).
// Writes the same figures as JSON to build/bench/latest.json.
// usage: node run_bench.cjs OBOLE_GEN OUT_DIR SIZE...
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const [gen, outDir, ...sizes] = process.argv.slice(2);
const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });

function nativeBench(members) {
  const db = path.join(outDir, `native-${members}.db`);
  fs.rmSync(db, { force: true });
  const out = run(gen, ['--members', String(members), '--out', db, '--bench']);
  const m = out.match(/median ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms/);
  const g = out.match(/generated in (\d+) ms/);
  const hints = out.match(/duplicate hints: .*per keystroke median ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms/);
  const seg = out.match(/segments: (\d+) members scored.*full refresh median ([\d.]+) ms, max ([\d.]+) ms \(cpu median ([\d.]+) ms\)/);
  const size = fs.statSync(db).size;
  fs.rmSync(db, { force: true });
  if (!m) throw new Error(`obole-gen printed no search figures:\n${out}`);
  return {
    search_ms: { median: +m[1], p95: +m[2], max: +m[3] }, generate_ms: g ? +g[1] : null, db_bytes: size,
    duplicate_hints_ms: hints ? { median: +hints[1], p95: +hints[2], max: +hints[3] } : null,
    segment_refresh_ms: seg ? { median: +seg[2], max: +seg[3], cpu_median: +seg[4], scored: +seg[1] } : null,
  };
}

function browserBench(members) {
  const out = run(process.execPath, [path.join(__dirname, 'browser_bench.cjs'), String(members)]);
  return JSON.parse(out.trim().split('\n').pop());
}

fs.mkdirSync(outDir, { recursive: true });
const results = [];
for (const size of sizes) {
  const members = Number(size);
  console.log(`-- ${members} members`);
  results.push({ members, native: nativeBench(members), browser: browserBench(members) });
}

// Sync against a real server on loopback: once, at the size the budgets name.
console.log('-- sync (100000 members, 500000 gifts, 200 devices)');
const syncBench = path.join(path.dirname(gen), '..', 'syncbench', 'obole-sync-bench');
const syncOut = run(syncBench, ['--members', '100000', '--gifts', '500000', '--devices', '200']);
const sync = JSON.parse(syncOut.trim().split('\n').pop());

const mb = (b) => (b / 1048576).toFixed(1) + ' MB';
const rows = [['figure', ...results.map((r) => `${r.members} members`)]];
const row = (name, f) => rows.push([name, ...results.map(f)]);
row('search per keystroke, native (median / p95)', (r) => `${r.native.search_ms.median} / ${r.native.search_ms.p95} ms`);
row('search per keystroke, browser (median / p95)', (r) => `${r.browser.search_keystroke_ms.median.toFixed(2)} / ${r.browser.search_keystroke_ms.p95.toFixed(2)} ms`);
row('duplicate hints of a sign-up per keystroke, native (median / p95)', (r) => (r.native.duplicate_hints_ms ? `${r.native.duplicate_hints_ms.median} / ${r.native.duplicate_hints_ms.p95} ms` : '—'));
row('duplicate hints of a sign-up per keystroke, browser (median / p95)', (r) => r.browser.duplicate_hints_keystroke_ms ? `${r.browser.duplicate_hints_keystroke_ms.median.toFixed(2)} / ${r.browser.duplicate_hints_keystroke_ms.p95.toFixed(2)} ms` : '—');
row('dossier of 2,000 gifts to first frame (median / p95)', (r) => `${r.browser.dossier_open_long_history_ms.median.toFixed(0)} / ${r.browser.dossier_open_long_history_ms.p95.toFixed(0)} ms`);
row('gift saved until durable (median / p95)', (r) => `${r.browser.gift_durable_ms.median.toFixed(1)} / ${r.browser.gift_durable_ms.p95.toFixed(1)} ms (${r.browser.storage_backend})`);
row('first visit to interactive (server copy)', (r) => `${r.browser.first_visit_ms} ms`);
row('start to interactive (copy on device)', (r) => `${r.browser.start_from_device_ms} ms`);
row('database size', (r) => mb(r.native.db_bytes));
row('segment refresh, all members (median / max; cpu)', (r) => (r.native.segment_refresh_ms
  ? `${r.native.segment_refresh_ms.median} / ${r.native.segment_refresh_ms.max} ms; ${r.native.segment_refresh_ms.cpu_median} ms` : 'n/a'));
row('wasm heap after load', (r) => mb(r.browser.wasm_heap_bytes));
const d = results[0].browser.download;
const dl = (x) => `${(x.raw / 1024).toFixed(0)} KB raw, ${(x.gzip / 1024).toFixed(0)} KB gzip, ${(x.brotli / 1024).toFixed(0)} KB brotli`;
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  '));
console.log(`download: wasm ${dl(d.wasm)}; js ${dl(d.js)}; Latin font ${dl(d.font_latin)}; Japanese font ${dl(d.font_japanese)}`);

console.log(`sync: push ${sync.push.changes} offline changes until acknowledged ${sync.push.ms.toFixed(0)} ms ` +
            `(${sync.push.bytes_per_change.toFixed(0)} bytes sent per change); ` +
            `${sync.load.devices} devices at once ${sync.load.pushes_per_s.toFixed(0)} pushes/s, ` +
            `${sync.load.changes_per_s.toFixed(0)} changes/s, p99 ${sync.load.latency_p99_ms.toFixed(0)} ms; ` +
            `fresh device from ${sync.snapshot.members} members + ${sync.snapshot.gifts} gifts ` +
            `${sync.snapshot.ms.toFixed(0)} ms (${mb(sync.snapshot.bytes)})`);

const file = path.join(outDir, 'latest.json');
fs.writeFileSync(file, JSON.stringify({ when: new Date().toISOString(), results, sync }, null, 2));
console.log(`figures written to ${file}`);
