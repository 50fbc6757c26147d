// Browser figures at a given association size (tools/obole bench): start-up,
// search per keystroke, heap, download sizes. Real server, real Chromium.
// usage: node browser_bench.cjs MEMBERS  -> one JSON object on the last line
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { startServer, launchBrowser, AppPage, need } = require('../e2e/harness.cjs');

// Typed one character at a time, as a volunteer does: every prefix is a search.
const QUERIES = ['dupont', 'helene', 'hélène dup', 'martin 75', 'иван', 'петров', '山田', '06 12 34 56',
                 '+33 6 12', '75011', 'gmail', 'lyon', '1234', 'le', 'marie-claire'];

// [first name, last name, email, postcode] of people signing up at a stand.
const SIGN_UPS = [['Hélène', 'Dupont', 'helene.dupont@example.fr', '75011'], ['Marie', 'Martin', 'marie.martin@gmail.com', '69003'],
                  ['Иван', 'Петров', 'ivan.petrov@mail.ru', '13001'], ['太郎', '山田', 'taro@example.jp', '75002'],
                  ['Jean', 'Bernard', 'jbernard@orange.fr', '33000']];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
function summary(values) {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, median: percentile(s, 0.5), p95: percentile(s, 0.95), max: s[s.length - 1] };
}

function downloadSizes(site) {
  const size = (f) => {
    const raw = fs.readFileSync(path.join(site, f));
    return { raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length,
             brotli: zlib.brotliCompressSync(raw).length };
  };
  return { wasm: size('obole.wasm'), js: size('obole.js'),
           font_latin: size('assets/fonts/DejaVuSans.ttf'), font_japanese: size('assets/fonts/ipag.ttf') };
}

(async () => {
  const members = Number(process.argv[2] || 10000);
  const t0 = Date.now();
  const server = await startServer(['--demo', '--demo-members', String(members)]);
  const generateMs = Date.now() - t0;
  const browser = await launchBrowser();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();

  const load = async () => {
    const start = Date.now();
    await page.goto(server.url);
    await page.waitForFunction(() => window.Module && window.Module.oboleReady, null, { timeout: 600000 });
    return Date.now() - start;
  };
  const firstVisitMs = await load();
  // Wait until this device holds the copy, then time a start from it.
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._obole_items_json()))
    .some((it) => it.name === 'Saved on this device'), null, { timeout: 600000 });
  const startFromDeviceMs = await load();

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
  const heapBytes = await page.evaluate(() => Module.HEAPU8.length);

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

  // The dossier of the member with the longest history (2,000 gifts, 200
  // journal entries): from the click on the search hit to the first frame
  // that shows its gift list. Another member is opened in between, so each
  // time the dossier reads everything afresh.
  const app = new AppPage(page, '/tmp');
  const dossierOpen = [];
  for (let i = 0; i < 6; i++) {
    for (const [query, name] of [['helene dupont', 'Hélène Dupont'], ['saint-roch', 'Paroisse Saint-Roch']]) {
      await app.click('Search');
      await app.fill('Find a member', query);
      const hit = await app.find(name);
      await page.mouse.move(hit.x + 20, hit.y + hit.h / 2);
      await app.frames(2);
      await page.mouse.down();
      await app.frames(2);
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

  await browser.close();
  server.stop();
  const result = {
    members, generate_ms: generateMs, first_visit_ms: firstVisitMs, start_from_device_ms: startFromDeviceMs,
    search_keystroke_ms: summary(timings), duplicate_hints_keystroke_ms: summary(hintTimings),
    dossier_open_long_history_ms: summary(dossierOpen),
    gift_durable_ms: summary(durable.values), storage_backend: durable.backend,
    wasm_heap_bytes: heapBytes, download: downloadSizes(need('OBOLE_WEB_SITE')),
  };
  console.log(JSON.stringify(result));
})().catch((e) => {
  console.error(e && e.stack || e);
  process.exit(1);
});
