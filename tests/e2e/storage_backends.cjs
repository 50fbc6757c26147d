// The device's storage backends (web/device_storage.js, web/journal_worker.js)
// in a real Chromium with profiles on disk (an incognito-like context would keep
// OPFS and IndexedDB in memory, and its timings would mean nothing):
//   OPFS is chosen and its append latency is measured (IndexedDB strict too, for
//   comparison); a gift survives a reload through each backend; data an older
//   Obole left in IndexedDB is moved to OPFS; a quota too small for the next write
//   is shown, the gift stays on screen, and once there is room again the app
//   saves it by itself; a second tab is refused while the first keeps working.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, AppPage, runSteps, assert, need } = require('./harness.cjs');

const ALREADY_OPEN = 'Obole is already open in another tab of this browser. Close it, or use that tab.';
const APPENDS = Number(process.env.OBOLE_STORAGE_APPENDS || 200);
const RECORD_BYTES = 600;

// As harness.cjs launches Chromium, but on a profile folder we choose, so that a
// test can close the browser and start it again on the same data.
const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function launchOn(profile) {
  const { chromium } = require('playwright-core');
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 },
  });
}

const today = new Date().toISOString().slice(0, 10);
const rowFor = (amount) => new RegExp(`^${today} €${amount.replace('.', '\\.')} Cash`);

async function openDossier(app) {
  await app.fill('Find a member', 'helene dupont');
  await app.click('Hélène Dupont');
  await app.find('Amount');
}

async function enterGift(app, amount) {
  await app.fill('Amount', amount);
  await app.press('Enter');
  await app.find(rowFor(amount));
}

const storageKind = (app) => app.page.evaluate(() => Module.oboleStorage && Module.oboleStorage.kind);

// `count` appends of RECORD_BYTES through the page's own storage object, one
// after the other, each timed from the call to its acknowledgement. Sequence
// numbers far above the app's: run it only in a profile thrown away afterwards.
// `drawing`: with the app drawing frames all along, as while someone types.
// Here every frame is drawn by software GL (~50 ms of the page's thread), and
// an acknowledgement waits for the frame in progress. Otherwise the app is
// idle (it draws nothing once input has settled): the storage's own cost.
let nextSeq = 1e9;
async function appendLatencies(app, count, { drawing = false } = {}) {
  if (!drawing) await app.page.waitForTimeout(1500);  // input settled: no frames
  const first = nextSeq;
  nextSeq += count;
  const ms = await app.page.evaluate(async ([n, size, seq0, draw]) => {
    const out = [];
    const bytes = new Uint8Array(size);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < size; j++) bytes[j] = (i * 31 + j * 7) & 0xff;
      if (draw) Module.oboleWake(1000);
      const t0 = performance.now();
      await Module.oboleStorage.append(seq0 + i, bytes);
      out.push(performance.now() - t0);
    }
    return out;
  }, [count, RECORD_BYTES, first, drawing]);
  const sorted = [...ms].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { n: count, p50: q(0.5), p99: q(0.99), max: sorted[sorted.length - 1] };
}

const fmt = (s) => `n ${s.n}: p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, max ${s.max.toFixed(2)} ms`;

(async () => {
  const server = await startServer(['--demo', '--demo-members', '300']);
  const origin = new URL(server.url).origin;
  const artifacts = need('OBOLE_ARTIFACTS');
  fs.rmSync(artifacts, { recursive: true, force: true });
  const profiles = [];
  const newProfile = () => {
    const p = fs.mkdtempSync(path.join(os.tmpdir(), 'obole-storage-'));
    profiles.push(p);
    return p;
  };
  const latency = {};
  let context = null;  // the browser of the step running
  let app = null;      // its app page, screenshotted on failure

  // Starts Chromium on `profile` and opens the app. `storage` = 'indexeddb' sets
  // the test-only switch before the page's scripts run; otherwise it is removed.
  async function start(profile, shots, storage = null) {
    context = await launchOn(profile);
    await context.addInitScript((kind) => {
      if (kind) localStorage.setItem('obole.storage', kind);
      else localStorage.removeItem('obole.storage');
    }, storage);
    const page = context.pages()[0] || await context.newPage();
    // What the storage says of itself (migration, waits on a reload).
    page.on('console', (m) => { if (/^Obole( journal)?:/.test(m.text())) console.log(`     [${shots}] ${m.text()}`); });
    app = new AppPage(page, path.join(artifacts, shots));
    await app.open(server.url);
    return app;
  }

  async function stop() {
    if (context) await context.close();
    context = null;
  }

  const profileOpfs = newProfile();
  const profileMigrated = newProfile();

  const ok = await runSteps('storage backends', [
    ['(a) Chromium gets the OPFS backend; append latency through it', async () => {
      await start(newProfile(), 'a-latency-opfs');
      await app.find('Saved on this device');
      assert.equal(await storageKind(app), 'opfs');
      latency.opfsDrawing = await appendLatencies(app, APPENDS, { drawing: true });
      latency.opfs = await appendLatencies(app, APPENDS);
      console.log(`     OPFS, app drawing: ${fmt(latency.opfsDrawing)}; app idle: ${fmt(latency.opfs)}`);
      // Figures for the settings screen, from the same object.
      const figures = await app.page.evaluate(async () => ({
        estimate: await Module.oboleStorage.estimate(), persisted: await Module.oboleStorage.persist() }));
      assert.ok(figures.estimate.usage > 0 && figures.estimate.quota > figures.estimate.usage, JSON.stringify(figures));
      assert.equal(typeof figures.persisted, 'boolean');
      console.log(`     estimate(): ${JSON.stringify(figures.estimate)}, persist(): ${figures.persisted}`);
      await app.screenshot('01-opfs');
      await stop();
    }],
    ['(a) for comparison, the IndexedDB backend (strict durability)', async () => {
      await start(newProfile(), 'a-latency-indexeddb', 'indexeddb');
      await app.find('Saved on this device');
      assert.equal(await storageKind(app), 'indexeddb');
      // Fewer: at ~120 ms each, 200 would take most of the test's time.
      latency.indexeddbDrawing = await appendLatencies(app, Math.min(APPENDS, 60), { drawing: true });
      latency.indexeddb = await appendLatencies(app, Math.min(APPENDS, 60));
      console.log(`     IndexedDB, app drawing: ${fmt(latency.indexeddbDrawing)}; app idle: ${fmt(latency.indexeddb)}`);
      await stop();
    }],
    ['(b) OPFS: a gift entered is there after a reload', async () => {
      await start(profileOpfs, 'b-opfs');
      assert.equal(await storageKind(app), 'opfs');
      await openDossier(app);
      await enterGift(app, '11.11');
      await app.find('Saved on this device');
      await app.screenshot('01-saved');
      await app.open(server.url);
      assert.equal(await storageKind(app), 'opfs');
      await openDossier(app);
      await app.find(rowFor('11.11'));
      await app.screenshot('02-after-reload');
    }],
    ['(e) storage quota reached: shown, gift kept on screen, saved by itself once there is room', async () => {
      const cdp = await context.newCDPSession(app.page);
      // Far below what the origin uses already: every write that needs more room fails.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 });
      await enterGift(app, '22.22');
      const failure = await app.find(/^Not saved on this device:/);
      console.log(`     status line: "${failure.name}"`);
      await app.find(rowFor('22.22'));
      await app.screenshot('03-quota-reached');
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });  // no quotaSize: the browser's own again
      const t0 = Date.now();
      await app.find('Saved on this device', { timeout: 15000 });
      console.log(`     saved ${Date.now() - t0} ms after the quota came back`);
      await app.screenshot('04-saved-again');
      await app.open(server.url);
      await openDossier(app);
      await app.find(rowFor('11.11'));
      await app.find(rowFor('22.22'));
      await app.screenshot('05-after-reload');
    }],
    ['(f) a second tab is refused; the first keeps working', async () => {
      const second = await context.newPage();
      await second.goto(server.url);
      const refusal = await second.evaluate(() => openDeviceStorage().then(() => 'opened', (e) => e.message));
      assert.equal(refusal, ALREADY_OPEN);
      await second.waitForTimeout(500);
      await second.screenshot({ path: path.join(artifacts, 'b-opfs', '06-second-tab.png') });
      await second.close();
      await app.page.bringToFront();
      await enterGift(app, '33.33');
      await app.find('Saved on this device');
      await app.screenshot('07-first-tab-still-saves');
      await stop();
    }],
    ['(c) IndexedDB (test switch): a gift entered is there after a reload', async () => {
      await start(profileMigrated, 'c-indexeddb', 'indexeddb');
      assert.equal(await storageKind(app), 'indexeddb');
      await openDossier(app);
      await enterGift(app, '44.44');
      await app.find('Saved on this device');
      await app.screenshot('01-saved');
      await app.open(server.url);
      assert.equal(await storageKind(app), 'indexeddb');
      await openDossier(app);
      await app.find(rowFor('44.44'));
      await app.screenshot('02-after-reload');
      await stop();
    }],
    ['(d) the same device with OPFS: its IndexedDB data is moved over, then IndexedDB is cleared', async () => {
      await start(profileMigrated, 'd-migrated');
      assert.equal(await storageKind(app), 'opfs');
      await openDossier(app);
      await app.find(rowFor('44.44'));
      const left = await app.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
      assert.ok(!left.includes('obole'), `IndexedDB still holds: ${left}`);
      await enterGift(app, '55.55');
      await app.find('Saved on this device');
      await app.open(server.url);
      await openDossier(app);
      await app.find(rowFor('44.44'));
      await app.find(rowFor('55.55'));
      await app.screenshot('01-after-migration-and-reload');
      await stop();
    }],
  ], () => (app ? app.screenshot('failure') : Promise.resolve()));

  if (latency.opfs && latency.indexeddb) {
    console.log(`append latency, ${RECORD_BYTES} B record, call to acknowledgement (= durable):\n` +
                `  OPFS             app drawing ${fmt(latency.opfsDrawing)}\n` +
                `                   app idle    ${fmt(latency.opfs)}\n` +
                `  IndexedDB strict app drawing ${fmt(latency.indexeddbDrawing)}\n` +
                `                   app idle    ${fmt(latency.indexeddb)}`);
  }
  await stop().catch(() => {});
  server.stop();
  for (const p of profiles) fs.rmSync(p, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`storage backends: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
