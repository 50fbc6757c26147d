// tools/obole bench: runs the benchmarks at each size and prints one table.
//   native: obole-gen writes the association, obole-core-bench (Google
//           Benchmark) times the core operations over it;
//   browser: browser_bench.cjs (real server, headless Chromium);
//   sync: obole-sync-bench (real server on loopback, 200 devices).
// One row per figure, one column per size: median / p95 where a figure has a
// distribution, and its ratio to the saved baseline ("×1.05": this run over
// the baseline; above 1 is slower or bigger). The growth column is the largest
// size over the smallest. The same figures go to OUT_DIR/latest.json.
// usage: node run_bench.cjs --bin BUILD_NATIVE --out OUT_DIR [--baseline FILE] [--save-baseline]
//                           [--pregenerated DIR] SIZE...
// --pregenerated DIR: use DIR/obole-gen-N-seed42.db and .json ({out, ms}) when there.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function parseArgs(argv) {
  const o = { sizes: [], save: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--bin') o.bin = argv[++i];
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--baseline') o.baseline = argv[++i];
    else if (a === '--save-baseline') o.save = true;
    else if (a === '--pregenerated') o.pregenerated = argv[++i];
    else if (a === '--render') o.render = argv[++i];
    else if (a === '--core') { const [n, f] = argv[++i].split('='); (o.core = o.core || {})[n] = f; }
    else if (/^\d+$/.test(a) && Number(a) >= 4) o.sizes.push(Number(a));
    else throw new Error(`bad argument ${a}: sizes are whole numbers of members, at least 4`);
  }
  if (!o.render && (!o.bin || !o.out || !o.sizes.length)) throw new Error('usage: run_bench.cjs --bin DIR --out DIR [--baseline FILE] [--save-baseline] SIZE...');
  return o;
}

// Runs a program to its end, stdout captured, stderr passed on. Each runs in a
// process group of its own, ended whole afterwards: a server or browser it
// started never outlives it. `timeoutS` ends it if it overruns.
function run(cmd, args, { timeoutS = 3600 } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '', err = '';
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { process.stderr.write(c); err = (err + c).slice(-2000); });
    const killGroup = (sig) => { try { process.kill(-child.pid, sig); } catch { /* gone already */ } };
    const timer = setTimeout(() => killGroup('SIGKILL'), timeoutS * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      killGroup('SIGTERM');
      const ms = Date.now() - t0;
      if (code === 0) resolve({ out, ms });
      else reject(new Error(`${path.basename(cmd)} ${signal ? `was stopped (${signal}) after ${(ms / 1000).toFixed(0)} s` : `exited with ${code}`}\n${out.slice(-2000)}\n${err}`));
    });
  });
}
// What a first visit downloads, raw and as a server would send it
// compressed (gzip -9, brotli at its best quality). Once per run: brotli 11 on
// the Japanese font takes a while.
function downloadSizes(site) {
  const zlib = require('node:zlib');
  const size = (f) => {
    const raw = fs.readFileSync(path.join(site, f));
    return { raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length, brotli: zlib.brotliCompressSync(raw).length };
  };
  const js = fs.readdirSync(site).filter((f) => f.endsWith('.js'));
  const sum = (parts) => parts.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }));
  return { wasm: size('obole.wasm'), js: sum(js.map(size)), js_files: js,
           font_latin: size('assets/fonts/DejaVuSans.ttf'), font_japanese: size('assets/fonts/ipag.ttf') };
}

const lastJson = (out) => JSON.parse(out.trim().split('\n').pop());

// Google Benchmark's JSON: aggregates of single operations, in milliseconds.
function coreFigures(json) {
  const by = {};
  for (const b of json.benchmarks) {
    if (b.run_type !== 'aggregate') continue;
    const name = b.run_name.split('/').slice(0, 2).join('/');
    (by[name] = by[name] || {})[b.aggregate_name] = b.real_time;
    by[name][`cpu_${b.aggregate_name}`] = b.cpu_time;
    by[name].n = b.repetitions;
  }
  return by;
}

// Writes the association, times the core over it, then hands the database to
// the browser bench's server (so both measure the same data, and a large
// association is generated once). Deletes it afterwards.
async function sizeBench(opt, members) {
  const dataDir = path.join(opt.out, `server-${members}`);
  const db = path.join(dataDir, 'obole.db');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    let native;
    try {
      // A database obole-gen wrote earlier with the same arguments (its
      // output beside it, with the time it took) spares a long generation.
      const pre = opt.pregenerated && path.join(opt.pregenerated, `obole-gen-${members}-seed42`);
      let gen;
      if (pre && fs.existsSync(`${pre}.db`) && fs.existsSync(`${pre}.json`)) {
        fs.copyFileSync(`${pre}.db`, db);
        gen = JSON.parse(fs.readFileSync(`${pre}.json`, 'utf8'));
        console.log(`   (written earlier by obole-gen: ${pre}.db)`);
      } else {
        gen = await run(path.join(opt.bin, 'tools/gen/obole-gen'), ['--members', String(members), '--seed', '42', '--out', db]);
      }
      const bytes = fs.statSync(db).size;
      console.log(`   ${gen.out.trim().split('\n').join('\n   ')}`);
      const core = await run(path.join(opt.bin, 'tools/corebench/obole-core-bench'), ['--db', db, '--benchmark_format=json']);
      native = { generate_ms: gen.ms, generate_output: gen.out.trim(), db_bytes: bytes, core: coreFigures(JSON.parse(core.out)) };
    } catch (e) {
      // The tool's own last words say why (e.g. obole-gen: the database could not be serialised).
      const said = e.message.split('\n').filter((l) => l.trim()).pop();
      native = { error: `failed: ${said}` };
      if (!fs.existsSync(db)) {
        // No image (too big to serialise): the core is still timed, on the
        // association generated inside obole-core-bench.
        try {
          const core = await run(path.join(opt.bin, 'tools/corebench/obole-core-bench'),
                                 ['--members', String(members), '--seed', '42', '--benchmark_format=json']);
          native.core = coreFigures(JSON.parse(core.out));
        } catch (e2) { native.error += `; in memory: ${e2.message.split('\n').filter((l) => l.trim()).pop()}`; }
      }
    }
    console.log(`-- ${members} members: browser`);
    // Without the database (obole-gen failed) there is nothing to load: the
    // server's own --demo generation would fail the same way, much later.
    // Nor past 2 GiB: the server sends a new device one serialised image,
    // which SQLite caps at 2 GiB, and the page's wasm32 heap is 2 GiB too.
    const tooBig = fs.existsSync(db) && fs.statSync(db).size >= 2 ** 31;
    const browser = !fs.existsSync(db) ? { members, error: `not run: no database (${native.error})` }
      : tooBig ? { members, error: `not run: the database (${(fs.statSync(db).size / 2 ** 30).toFixed(1)} GiB) is more than a page's 2 GiB wasm heap and the server's 2 GiB snapshot image` }
      : await browserBench(members, dataDir);
    if (browser.error) console.log(`   browser: ${browser.error}`);
    return { members, native, browser };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function browserBench(members, dataDir) {
  // 1M members may not fit in the page (wasm32): the page's own deadline
  // reports it; ours is a last resort.
  const deadlineS = members >= 1000000 ? 900 : 1200;
  const args = [path.join(__dirname, 'browser_bench.cjs'), String(members), String(deadlineS), ...(dataDir ? [dataDir] : [])];
  try {
    return lastJson((await run(process.execPath, args, { timeoutS: deadlineS + 120 })).out);
  } catch (e) {
    return { members, error: `did not run: ${e.message.split('\n')[0]}` };
  }
}

// Every figure, flat: id -> { label, unit, values: { size: {median, p95} | {value} | {error} } }.
function collect(results, sync, syncSize) {
  const figures = {};
  const put = (id, label, unit, size, v) => {
    if (v === undefined || v === null || v === false) return; // a figure nobody measured has no row
    const f = (figures[id] = figures[id] || { label, unit, values: {} });
    f.values[size] = v;
  };
  const dist = (s) => (s ? { median: s.median, p95: s.p95 } : null);
  for (const r of results) {
    const n = r.members;
    const c = r.native.core || {};
    const core = (id, label, key) => put(id, label, 'ms', n, c[key] ? { median: c[key].median, p95: c[key].p95, cpu_median: c[key].cpu_median } : r.native.error && { error: r.native.error });
    put('native.generate_error', 'generate and write the database (obole-gen)', '', n, r.native.error && !r.native.generate_ms ? { error: r.native.error } : null);
    core('native.search_keystroke', 'search per keystroke, native', 'search/keystroke');
    core('native.dossier_open', 'open a dossier (its queries), native', 'dossier/open');
    core('native.dossier_open_2000_gifts', 'open the dossier of 2,000 gifts and 200 corrections, native', 'dossier/open_2000_gifts');
    core('native.gift_save', 'save a gift (repository transaction, in memory), native', 'gift/save');
    core('native.duplicate_hints_keystroke', 'duplicate hints per keystroke, native', 'duplicate_hints/keystroke');
    core('native.segments_refresh_all', 'segment refresh of all members (gifts as corrected), native', 'segments/refresh_all');
    core('native.filter_lapsed_major_75', 'filter lapsed major donors in 75*, native', 'filter/lapsed_major_75');
    put('native.generate', 'generate the association (obole-gen)', 'ms', n, r.native.generate_ms ? { value: r.native.generate_ms } : null);
    put('native.db_bytes', 'database size', 'bytes', n, r.native.db_bytes ? { value: r.native.db_bytes } : null);

    const b = r.browser;
    const bput = (id, label, unit, v) => put(id, label, unit, n, b.error ? { error: b.error } : v);
    bput('browser.search_keystroke', 'search per keystroke, browser', 'ms', dist(b.search_keystroke_ms));
    bput('browser.duplicate_hints_keystroke', 'duplicate hints per keystroke, browser', 'ms', dist(b.duplicate_hints_keystroke_ms));
    bput('browser.dossier_open_2000_gifts', 'dossier of 2,000 gifts and 200 corrections, click to first frame, browser', 'ms', dist(b.dossier_open_long_history_ms));
    bput('browser.gift_durable', 'gift saved until "Saved on this device", browser', 'ms', dist(b.gift_durable_ms));
    bput('browser.first_visit', "first visit to interactive, the office's whole copy (data from the server)", 'ms', b.first_visit_ms && { value: b.first_visit_ms });
    bput('browser.fundraiser_first_copy', 'fundraiser device: enrol to interactive on its own copy (cut, downloaded, stored, restarted)', 'ms', b.fundraiser_first_copy_ms && { value: b.fundraiser_first_copy_ms });
    bput('browser.fundraiser_database_bytes', "database in a fundraiser's page", 'bytes', b.fundraiser_database_bytes > 0 && { value: b.fundraiser_database_bytes });
    bput('browser.fundraiser_heap', "wasm heap on a fundraiser's copy", 'bytes', b.fundraiser_heap_bytes && { value: b.fundraiser_heap_bytes });
    bput('browser.cold_start', 'cold start to interactive search (assets cached, data on the device)', 'ms', b.start_from_device_ms && { value: b.start_from_device_ms });
    bput('browser.wasm_heap', 'wasm heap after load', 'bytes', b.wasm_heap_bytes && { value: b.wasm_heap_bytes });
    bput('browser.first_visit_heap', 'wasm heap after the first visit (data from the server)', 'bytes', b.first_visit_heap_bytes && { value: b.first_visit_heap_bytes });
    bput('browser.heap_in_use', 'wasm heap in use (malloc) after load', 'bytes', b.heap_in_use_bytes && { value: b.heap_in_use_bytes });
    bput('browser.database_bytes', 'database in the page', 'bytes', b.database_bytes > 0 && { value: b.database_bytes });
    bput('browser.idle_frames', 'frames rendered per second, idle', '/s', b.idle && (b.idle.frames_per_s === null ? { error: b.idle.note } : { value: b.idle.frames_per_s }));
    bput('browser.idle_busy', 'main thread busy per second, idle', 'ms/s', b.idle && { value: b.idle.busy_ms_per_s });
    bput('browser.input_latency', 'typed key to its frame (search field), browser', 'ms', b.input_latency_ms ? dist(b.input_latency_ms) : b.input_latency_note && { error: b.input_latency_note });
    bput('browser.scroll_frame_script', 'scrolling 2,000 gifts: frame script time', 'ms', dist(b.scroll_frame_script_ms));
    bput('browser.scroll_frame_interval', 'scrolling 2,000 gifts: frame interval', 'ms', dist(b.scroll_frame_interval_ms));
    const sepa = b.sepa || {};
    const sepaValue = (v) => (sepa.error ? { error: sepa.error } : v !== undefined && { value: v });
    bput('browser.sepa_run', `collection run over ${sepa.collections || 20000} mandates: plan, record, write the pain.008, browser`, 'ms',
         sepaValue(sepa.plan_ms !== undefined ? sepa.plan_ms + sepa.submit_ms + sepa.file_ms : undefined));
    bput('browser.sepa_file_write', 'collection run: writing the pain.008 alone, browser', 'ms', sepaValue(sepa.file_ms));
    bput('browser.sepa_file_bytes', 'collection run: pain.008 file size', 'bytes', sepaValue(sepa.file_bytes));
    bput('browser.sepa_return_import', `bank return of ${sepa.return_lines || 5000} rejects imported, browser`, 'ms', sepaValue(sepa.import_ms));
    bput('browser.sepa_return_reimport', 'the same bank return imported again (changes nothing), browser', 'ms', sepaValue(sepa.reimport_ms));
    bput('browser.main_thread_longest_task', 'typing and scrolling: longest main-thread task', 'ms', b.main_thread_longest_task_ms && { value: b.main_thread_longest_task_ms });
  }
  if (sync) {
    const s = syncSize;
    put('sync.push_10k', `push ${sync.push.changes} offline changes until acknowledged`, 'ms', s, { value: sync.push.ms });
    put('sync.bytes_per_change', 'bytes sent per change', 'bytes', s, { value: sync.push.bytes_per_change });
    put('sync.load_pushes', `${sync.load.devices} devices: pushes per second`, '/s', s, { value: sync.load.pushes_per_s });
    put('sync.load_latency', `${sync.load.devices} devices: push latency (p50 / p99)`, 'ms', s, { median: sync.load.latency_p50_ms, p95: sync.load.latency_p99_ms, p95_is: 'p99' });
    const p = sync.pull;
    put('sync.pull_office', `pull ${p.changes} changes (gifts, a mandate in ten), office: no filter`, 'ms', s, { value: p.office.ms });
    put('sync.pull_volunteer', `pull ${p.changes} changes, volunteer: IBANs masked`, 'ms', s, { value: p.volunteer.ms });
    put('sync.pull_fundraiser', `pull ${p.changes} changes, fundraiser: gifts left out`, 'ms', s, { value: p.fundraiser.ms });
    put('sync.pull_filter_volunteer', 'permission filter on pull, alone, per change: volunteer', 'µs', s, { value: p.volunteer.filter_us_per_change });
    put('sync.pull_filter_fundraiser', 'permission filter on pull, alone, per change: fundraiser', 'µs', s, { value: p.fundraiser.filter_us_per_change });
    const fresh = (who, label) => {
      const d = sync.snapshot[who];
      put(`sync.fresh_device${who === 'office' ? '' : '_' + who}`, `fresh ${label} device from ${sync.snapshot.members} members + ${sync.snapshot.gifts} gifts`, 'ms', s, { value: d.ms });
      put(`sync.snapshot_bytes_${who}`, `snapshot on the wire (sent uncompressed), fresh ${label} device`, 'bytes', s, { value: d.bytes });
    };
    fresh('office', 'office');
    fresh('fundraiser', 'fundraiser');
    fresh('fundraiser_kept', 'fundraiser (copy kept from the first)');
  } else {
    put('sync.error', 'sync', 'ms', syncSize, { error: 'did not run' });
  }
  return figures;
}

const fmtNum = (x, unit) => {
  if (unit === 'bytes') return x >= 1048576 ? `${(x / 1048576).toFixed(1)} MiB` : x >= 1024 ? `${(x / 1024).toFixed(0)} KiB` : `${x.toFixed(0)} B`;
  const d = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : Math.abs(x) >= 1 ? 2 : 3;
  return x.toFixed(d);
};
const central = (v) => (v ? (v.median !== undefined ? v.median : v.value) : undefined);
function cell(f, size, base) {
  const v = f.values[size];
  if (!v) return '—';
  if (v.error) return v.error;
  const unit = f.unit === 'bytes' ? '' : ` ${f.unit}`;
  let s = v.median !== undefined ? `${fmtNum(v.median, f.unit)} / ${fmtNum(v.p95, f.unit)}${unit}` : `${fmtNum(v.value, f.unit)}${unit}`;
  // On a shared machine the wall clock counts other people's work too.
  if (v.cpu_median !== undefined) s += ` (cpu ${fmtNum(v.cpu_median, f.unit)})`;
  const b = base && base.figures[f.id] && central(base.figures[f.id].values[size]);
  const c = central(v);
  if (b && c !== undefined) s += ` ×${(c / b).toFixed(2)}`;
  else if (b === 0 && c !== undefined) s += c === 0 ? ' (=)' : ' (was 0)';
  return s;
}
function growth(f, sizes) {
  const have = sizes.filter((n) => central(f.values[n]) !== undefined);
  if (have.length < 2) return '';
  const lo = have[0], hi = have[have.length - 1];
  const k = (n) => (n >= 1000000 ? `${n / 1000000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
  const a = central(f.values[lo]), b = central(f.values[hi]);
  if (a === 0) return b === 0 ? `unchanged (${k(hi)}/${k(lo)})` : `0 → ${fmtNum(b, f.unit)} (${k(hi)}/${k(lo)})`;
  return `×${(b / a).toFixed(2)} (${k(hi)}/${k(lo)})`;
}

function printTable(figures, sizes, base, download) {
  const rows = [['figure (median / p95, or value; ×: to baseline)', ...sizes.map((n) => `${n} members`), 'growth']];
  for (const [id, f] of Object.entries(figures)) {
    f.id = id;
    rows.push([f.label, ...sizes.map((n) => cell(f, n, base)), growth(f, sizes)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(r.map((c, i) => String(c).padEnd(widths[i])).join(' | '));
  const lines = [];
  const say = (line) => { console.log(line); lines.push(line); };
  if (sizes.length > 1) {
    const lo = Math.min(...sizes), hi = Math.max(...sizes);
    say(`growth, ${hi} over ${lo} members: n grows ×${(hi / lo).toFixed(0)}, log n ×${(Math.log(hi) / Math.log(lo)).toFixed(2)}; ` +
                'search and dossier should stay near the latter');
  }
  if (download) {
    const dl = (x) => `${(x.raw / 1024).toFixed(0)} KiB raw, ${(x.gzip / 1024).toFixed(0)} KiB gzip, ${(x.brotli / 1024).toFixed(0)} KiB brotli`;
    const noJa = ['wasm', 'js', 'font_latin'].reduce((a, k) => a + download[k].brotli, 0);
    say(`first download: wasm ${dl(download.wasm)}; JS ${dl(download.js)}; Latin/Cyrillic font ${dl(download.font_latin)}; ` +
                `Japanese font ${dl(download.font_japanese)}; without the Japanese font ${(noJa / 1024).toFixed(0)} KiB = ${(noJa / 1e6).toFixed(2)} MB brotli`);
  }
  // The same table in Markdown, for the README's performance section.
  const md = rows.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`);
  md.splice(1, 0, `|${rows[0].map(() => '---').join('|')}|`);
  return [...md, '', ...lines].join('\n') + '\n';
}

// --render FILE: the table again from a saved latest.json, with --core
// SIZE=FILE folding in obole-core-bench JSON measured on its own.
function render(opt) {
  const record = JSON.parse(fs.readFileSync(opt.render, 'utf8'));
  for (const [n, file] of Object.entries(opt.core || {})) {
    const r = record.results.find((x) => x.members === Number(n));
    r.native.core = coreFigures(JSON.parse(fs.readFileSync(file, 'utf8')));
    r.native.core_from = file;
  }
  return record;
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  if (opt.render) return report(opt, render(opt));
  fs.mkdirSync(opt.out, { recursive: true });
  const results = [];
  for (const members of opt.sizes) {
    console.log(`-- ${members} members: native`);
    results.push(await sizeBench(opt, members));
    // Kept as it comes, so a long run's finished sizes can be read (and survive a stop).
    fs.writeFileSync(path.join(opt.out, 'partial.json'), JSON.stringify(results, null, 2));
  }

  // Sync against a real server on loopback, once: at the size the budget
  // names (100k members, 500k gifts) when the run goes that far.
  const syncSize = opt.sizes.includes(100000) ? 100000 : Math.max(...opt.sizes);
  console.log(`-- sync (${syncSize} members, ${5 * syncSize} gifts, 200 devices)`);
  let sync = null;
  try {
    sync = lastJson((await run(path.join(opt.bin, 'tools/syncbench/obole-sync-bench'),
                               ['--members', String(syncSize), '--gifts', String(5 * syncSize), '--devices', '200'], { timeoutS: 1200 })).out);
  } catch (e) { console.log(`   sync: ${e.message.split('\n')[0]}`); }

  return report(opt, { results, sync, syncSize, sizes: opt.sizes, download: downloadSizes(process.env.OBOLE_WEB_SITE) });
}

function report(opt, { results, sync, syncSize, sizes, download, when, machine }) {
  syncSize = syncSize || (sizes.includes(100000) ? 100000 : Math.max(...sizes));
  opt.out = opt.out || path.dirname(opt.render);
  const figures = collect(results, sync, syncSize);
  let base = null;
  if (opt.baseline && fs.existsSync(opt.baseline)) base = JSON.parse(fs.readFileSync(opt.baseline, 'utf8'));
  if (base) console.log(`baseline: ${opt.baseline} (${base.when}, ${base.machine || 'unknown machine'})`);
  const markdown = printTable(figures, sizes, base, download);
  fs.writeFileSync(path.join(opt.out, 'latest.md'), markdown);

  const os = require('node:os');
  const record = { when: when || new Date().toISOString(), machine: machine || `${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load ${os.loadavg()[0].toFixed(1)}`,
                   sizes, figures, download, results, sync, syncSize };
  for (const f of Object.values(figures)) delete f.id;
  const file = path.join(opt.out, 'latest.json');
  fs.writeFileSync(file, JSON.stringify(record, null, 2));
  console.log(`figures written to ${file}`);
  if (opt.save && opt.baseline) {
    // The baseline keeps the figures, not the raw outputs.
    fs.writeFileSync(opt.baseline, JSON.stringify({ when: record.when, machine: record.machine, sizes: record.sizes, figures, download }, null, 2) + '\n');
    console.log(`baseline saved to ${opt.baseline}`);
  }
}

main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
