// Browser figures at a given association size (tools/obole bench): start-up,
// search per keystroke, dossier, durable gift, heap, idle frames, scrolling,
// input latency, the main thread's longest task while typing and scrolling,
// a fundraiser's device taking the copy cut for its role (download sizes:
// run_bench.cjs). Real server, real Chromium (software GL).
// usage: node browser_bench.cjs MEMBERS [DEADLINE_S] [DATA_DIR]  -> one JSON object on the last line
// DATA_DIR: a server data folder whose obole.db obole-gen wrote (the same
// association as the native figures'); without it the server generates one.
// When the page cannot load the data (too big for wasm32, a crash, the
// deadline), the object says so: { members, error: "did not load: ..." }, and
// the server and browser are stopped: the run never hangs.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { startServer, launchBrowser, AppPage, demoEnrolCodes, DEMO_PASSWORD } = require('../e2e/harness.cjs');

// Typed one character at a time, as a volunteer does: every prefix is a search.
// The same queries as tools/corebench/obole_core_bench.cpp.
const QUERIES = ['dupont', 'helene', 'hélène dup', 'martin 75', 'иван', 'петров', '山田', '06 12 34 56',
                 '+33 6 12', '75011', 'gmail', 'lyon', '1234', 'le', 'marie-claire'];

// [first name, last name, email, postcode] of people signing up at a stand.
const SIGN_UPS = [['Hélène', 'Dupont', 'helene.dupont@example.fr', '75011'], ['Marie', 'Martin', 'marie.martin@gmail.com', '69003'],
                  ['Иван', 'Петров', 'ivan.petrov@mail.ru', '13001'], ['太郎', '山田', 'taro@example.jp', '75002'],
                  ['Jean', 'Bernard', 'jbernard@orange.fr', '33000']];

// Typed into the search field for the input latency: 50 keys.
const TYPED = 'martin lyon dupont paris marie petrov yamada 75011';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
function summary(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? { n: s.length, median: percentile(s, 0.5), p95: percentile(s, 0.95), max: s[s.length - 1] } : null;
}

// Wraps requestAnimationFrame before the app loads, so every frame callback's
// script time (the app's main loop: JS and wasm, not the GPU) and its start
// are recorded.
function recordFrames() {
  const raf = window.requestAnimationFrame.bind(window);
  window.__frames = [];
  window.requestAnimationFrame = (cb) => raf((ts) => {
    const t0 = performance.now();
    try { cb(ts); } finally {
      if (window.__frames.length > 20000) window.__frames.splice(0, 10000);
      window.__frames.push([t0, performance.now() - t0]);
    }
  });
}

// The longest task the page's main thread ran (ms) in a Chromium trace
// (the 'toplevel' category's RunTask events on the renderer's main thread): how long
// input may wait for it at worst.
function longestMainThreadTask(traceBuffer) {
  const events = JSON.parse(traceBuffer.toString('utf8')).traceEvents || [];
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args && e.args.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  let longest = 0;
  for (const e of events)
    if (/RunTask$/.test(e.name) && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`)) longest = Math.max(longest, e.dur / 1000);
  return longest;
}

let server = null;
let browser = null;
const errors = [];
function stop() {
  if (browser) browser.close().catch(() => {});
  if (server) server.stop();
  browser = server = null;
}
let finished = false;
function finish(result) {
  if (finished) return;
  finished = true;
  stop();
  console.log(JSON.stringify(result));
  // The browser may take a moment to close; the figures are out.
  setTimeout(() => process.exit(0), 2000).unref();
}

async function main(members, dataDir) {
  const t0 = Date.now();
  // The last --data wins over the harness's empty folder.
  server = await startServer(['--demo', '--demo-members', String(members), ...(dataDir ? ['--data', dataDir] : [])]);
  const serverStartMs = Date.now() - t0;
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(recordFrames);
  let crashed = false;
  const watched = (p) => {
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    p.on('pageerror', (e) => errors.push(String(e)));
    p.on('crash', () => { crashed = true; });
    return p;
  };
  let page = watched(await context.newPage());

  // Waits for fn() to be true in the page; gives up at once on a crash or an
  // abort of the wasm module (e.g. out of memory), with what the page said.
  const until = async (fn, what, timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (crashed) throw new Error(`did not load: the page crashed while waiting for ${what}; ${errors.slice(-3).join(' | ')}`);
      const fatal = errors.find((e) => /abort|out of memory|Cannot enlarge memory|RangeError|Array buffer allocation/i.test(e));
      if (fatal) throw new Error(`did not load: ${fatal.slice(0, 300)} (waiting for ${what})`);
      if (await page.evaluate(fn).catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`did not load: no ${what} after ${timeoutMs / 1000} s; ${errors.slice(-3).join(' | ')}`);
      await page.waitForTimeout(250);
    }
  };
  const ready = () => !!(window.Module && window.Module.oboleReady);
  const stored = () => JSON.parse(Module.UTF8ToString(Module._obole_items_json())).some((it) => it.name === 'Saved on this device');
  const load = async () => {
    const start = Date.now();
    await page.goto(server.url);
    await until(ready, 'start', 600000);
    return Date.now() - start;
  };

  // A fundraiser's device (issue 17, part 2): like any first visit to a demo
  // server, the page first takes the demo's whole copy (the office's, timed
  // as first_visit_ms); then, from "Enrol this device" to interactive search
  // on the fundraiser's own copy: the server cuts it (the first time), the
  // device downloads and stores it, and restarts on it.
  const fundraiserDevice = async () => {
    await context.close();
    const roleContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = watched(await roleContext.newPage());
    await load();
    await until(stored, '"Saved on this device" (the whole copy)', 900000);
    const app = new AppPage(page, path.join(process.env.OBOLE_BENCH_ARTIFACTS || '/tmp/obole-bench', String(members)));
    await app.click('Sync');
    await app.fill('Enrol code', demoEnrolCodes(server).fundraiser);
    await app.fill('Operator login', 'fundraiser');
    await app.fill('Password', DEMO_PASSWORD);
    const before = await page.evaluate(() => performance.timeOrigin);
    const t0 = Date.now();
    await app.click('Enrol this device');
    await until(`performance.timeOrigin > ${before} && !!(window.Module && window.Module.oboleReady)`,
                "the fundraiser's copy", 900000);
    const ms = Date.now() - t0;
    await app.screenshot('fundraiser-copy');
    return {
      ms, heap_bytes: await page.evaluate(() => Module.HEAPU8.length),
      database_bytes: await page.evaluate(() => (Module._obole_bench_database_bytes ? Module._obole_bench_database_bytes() : null)),
    };
  };

  const firstVisitMs = await load();
  // Wait until this device holds the copy, then time a start from it (the
  // assets are in the browser's cache, the data on the device).
  await until(stored, '"Saved on this device"', 900000);
  // The first visit also writes the device's first snapshot: its own high-water mark.
  const firstVisitHeapBytes = await page.evaluate(() => Module.HEAPU8.length);
  const startFromDeviceMs = await load();
  await page.waitForTimeout(2000);
  const heapBytes = await page.evaluate(() => Module.HEAPU8.length);
  // What of it malloc holds now, and the database's own size, beside it.
  const heapInUse = await page.evaluate(() => (Module._obole_bench_heap_in_use ? Module._obole_bench_heap_in_use() : null));
  const databaseBytes = await page.evaluate(() => (Module._obole_bench_database_bytes ? Module._obole_bench_database_bytes() : null));

  // Idle: 2 s without input, then 3 s counted. Frames the app rendered (its
  // own counter, issue 7) and the main thread's busy time (CDP TaskDuration).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const rendered = () => page.evaluate(() => (typeof Module._obole_frames_rendered === 'function' ? Module._obole_frames_rendered() : null));
  const callbacks = () => page.evaluate(() => window.__frames.length);
  await page.mouse.move(5, 795);
  await page.waitForTimeout(2000);
  const [f0, c0, busy0, w0] = [await rendered(), await callbacks(), await taskSeconds(), Date.now()];
  await page.waitForTimeout(3000);
  const [f1, c1, busy1, w1] = [await rendered(), await callbacks(), await taskSeconds(), Date.now()];
  const idle = {
    frames_per_s: f0 === null ? null : (f1 - f0) / ((w1 - w0) / 1000),
    frame_callbacks_per_s: (c1 - c0) / ((w1 - w0) / 1000),
    busy_ms_per_s: (1000 * (busy1 - busy0)) / ((w1 - w0) / 1000),
    note: f0 === null ? 'Module._obole_frames_rendered is not exported by this build' : undefined,
  };

  const timings = await page.evaluate((queries) => {
    const out = [];
    for (let round = 0; round < 3; round++)
      for (const q of queries)
        for (let i = 1; i <= [...q].length; i++)
          out.push(Module.ccall('obole_bench_search', 'number', ['string'], [[...q].slice(0, i).join('')]));
    return out;
  }, QUERIES);
  if (timings.some((t) => t < 0)) throw new Error('the page has no database open');
  // The sign-up form's duplicate hints, typed field after field, letter by
  // letter, as at a stand: last name, first name, postcode, email.
  const hintTimings = await page.evaluate((people) => {
    const out = [];
    for (let round = 0; round < 3; round++)
      for (const person of people) {
        const typed = ['', '', '', ''];
        for (const field of [1, 0, 3, 2])
          for (let i = 1; i <= [...person[field]].length; i++) {
            typed[field] = [...person[field]].slice(0, i).join('');
            out.push(Module.ccall('obole_bench_duplicate_hints', 'number', ['string', 'string', 'string', 'string'],
                                  typed));
          }
      }
    return out;
  }, SIGN_UPS);
  if (hintTimings.some((t) => t < 0)) throw new Error('the duplicate hints could not be timed');

  // A gift saved, until the app shows "Saved on this device": the frame that
  // sends the journal record, then durable storage's acknowledgement.
  const durable = await page.evaluate(async () => {
    const nextFrame = () => new Promise((r) => requestAnimationFrame(r));
    const out = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      if (Module.ccall('obole_bench_add_gift', 'number', ['string', 'string'], ['helene dupont', `${i + 1}.50`]) !== 0)
        throw new Error('the gift could not be saved');
      do { await nextFrame(); } while (!Module.ccall('obole_bench_saved', 'number', [], []));
      out.push(performance.now() - t0);
    }
    return { values: out, backend: Module.oboleStorage ? Module.oboleStorage.kind : 'none' };
  });

  // Input latency: keys typed into the search field, each from its input
  // event to the end of the next rendered frame (Module.oboleInputLatencies,
  // kept by the app, issue 7).
  const app = new AppPage(page, path.join(process.env.OBOLE_BENCH_ARTIFACTS || '/tmp/obole-bench', String(members)));
  await app.click('Search');
  await app.click('Find a member');
  const latencyBefore = await page.evaluate(() => (Array.isArray(Module.oboleInputLatencies) ? Module.oboleInputLatencies.length : null));
  await browser.startTracing(page, { categories: ['toplevel'] });
  await page.keyboard.type(TYPED, { delay: 80 });
  await app.frames(10);
  const typingLongestTaskMs = longestMainThreadTask(await browser.stopTracing());
  const latencies = latencyBefore === null ? null
    : await page.evaluate((from) => Module.oboleInputLatencies.slice(from), latencyBefore);

  // The dossier of the member with the longest history (2,000 gifts, 200 of
  // them corrected, 200 notes): from the click on the search hit to the first frame
  // that shows its gift list. Another member is opened in between, so each
  // time the dossier reads everything afresh.
  const dossierOpen = [];
  for (let i = 0; i < 6; i++) {
    for (const [query, name] of [['helene dupont', 'Hélène Dupont'], ['saint-roch', 'Paroisse Saint-Roch']]) {
      await app.click('Search');
      await app.fill('Find a member', query);
      const hit = await app.find(name);
      // As AppPage.pressAt: the app draws only after input, so wait for its own frames.
      await page.mouse.move(hit.x + 19, hit.y + hit.h / 2);
      await page.mouse.move(hit.x + 20, hit.y + hit.h / 2);
      await app.appFrames(2);
      await page.mouse.down();
      await app.appFrames(2);
      const t0 = await page.evaluate(() => performance.now());
      await page.mouse.up();
      const ms = await page.evaluate((start) => new Promise((done) => {
        const shown = () => JSON.parse(Module.UTF8ToString(Module._obole_items_json()))
          .some((it) => /^\d+ gifts, /.test(it.name) && it.w > 0);
        const check = () => (shown() ? done(performance.now() - start) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      }), t0);
      if (name !== 'Hélène Dupont') dossierOpen.push(ms);
    }
  }

  // Scrolling the parish's 2,000-row gift list with the mouse wheel: each
  // frame's script time and the interval between frames, while 80 wheel
  // notches of 100 px arrive 25 ms apart.
  const heading = await app.find(/^\d+ gifts, /);
  await page.mouse.move(heading.x + 200, Math.min(780, heading.y + 150));
  await app.frames(3);
  await app.screenshot('scroll-before');
  const scrollStart = await page.evaluate(() => performance.now());
  await browser.startTracing(page, { categories: ['toplevel'] });
  for (let i = 0; i < 80; i++) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(25);
  }
  await app.frames(2);
  const scrollLongestTaskMs = longestMainThreadTask(await browser.stopTracing());
  const scrollFrames = await page.evaluate((from) => window.__frames.filter(([t]) => t >= from), scrollStart);
  await app.screenshot('scroll-after');
  const intervals = scrollFrames.slice(1).map(([t], i) => t - scrollFrames[i][0]);

  // Issue 25: a collection run over 20,000 active mandates (plan, record,
  // write the pain.008) and a bank report of 5,000 rejects imported, then
  // imported again, in the page, through the SEPA collections screen's core
  // calls (app/platform/bench_hooks.cpp). Last: it adds mandates and collections.
  const sepa = await page.evaluate(() => JSON.parse(Module.UTF8ToString(
    Module.ccall('obole_bench_sepa', 'number', ['number', 'number'], [20000, 5000]))));

  const fundraiser = await fundraiserDevice();

  return {
    fundraiser_first_copy_ms: fundraiser.ms, fundraiser_heap_bytes: fundraiser.heap_bytes,
    fundraiser_database_bytes: fundraiser.database_bytes,
    members, server_start_ms: serverStartMs, first_visit_ms: firstVisitMs, start_from_device_ms: startFromDeviceMs,
    search_keystroke_ms: summary(timings), duplicate_hints_keystroke_ms: summary(hintTimings),
    dossier_open_long_history_ms: summary(dossierOpen),
    gift_durable_ms: summary(durable.values), storage_backend: durable.backend,
    wasm_heap_bytes: heapBytes, first_visit_heap_bytes: firstVisitHeapBytes, heap_in_use_bytes: heapInUse, database_bytes: databaseBytes, idle,
    input_latency_ms: latencies ? summary(latencies) : null,
    input_latency_note: latencies ? undefined : 'Module.oboleInputLatencies is not kept by this build',
    scroll_frame_script_ms: summary(scrollFrames.map(([, ms]) => ms)), scroll_frame_interval_ms: summary(intervals),
    main_thread_longest_task_ms: Math.max(typingLongestTaskMs, scrollLongestTaskMs),
    sepa,
  };
}

const members = Number(process.argv[2] || 10000);
const deadlineS = Number(process.argv[3] || 1200);
const dataDir = process.argv[4];
setTimeout(() => finish({ members, error: `did not finish within ${deadlineS} s; ${errors.slice(-3).join(' | ')}`
                          }), deadlineS * 1000).unref();
// The deadline above must fire even while the page is stuck.
const keepAlive = setInterval(() => {}, 1000);
main(members, dataDir).then(finish, (e) => {
  console.error(e && e.stack || e);
  finish({ members, error: String(e && e.message || e).split('\n')[0] });
}).finally(() => clearInterval(keepAlive));
