// Nothing saved is lost: gifts are entered, the browser process is killed with
// SIGKILL right after "Saved on this device" (and sometimes in the middle of a
// save), then started again on the same profile. Every gift the app reported
// as saved must be there. Prints acknowledged vs recovered.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, AppPage, runSteps, assert, need } = require('./harness.cjs');

const CYCLES = Number(process.env.OBOLE_KILL_CYCLES || 6);

// Chromium started by hand, so that its process can be killed like a crash or
// a power cut would end it; playwright attaches over the DevTools protocol.
function startChromium(profile) {
  const proc = spawn('/usr/bin/chromium', [
    '--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--window-size=1280,1200', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    proc.stderr.on('data', (chunk) => {
      err += chunk;
      const m = err.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) resolve({ proc, endpoint: m[1] });
    });
    proc.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${err}`)));
  });
}

function kill(proc) {
  return new Promise((resolve) => {
    proc.on('exit', resolve);
    process.kill(proc.pid, 'SIGKILL');
  });
}

// A deterministic sequence, so that a failure can be replayed.
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

(async () => {
  const { chromium } = require('playwright-core');
  const server = await startServer(['--demo', '--demo-members', '300']);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'obole-kill-'));
  const artifacts = need('OBOLE_ARTIFACTS');
  const rand = random(Number(process.env.OBOLE_KILL_SEED || 7));
  const today = new Date().toISOString().slice(0, 10);
  const acknowledged = new Set();  // amounts the app said were saved
  const saveMs = [];
  let recovered = 0;
  let app = null;

  async function openDossier(cycle) {
    const { proc, endpoint } = await startChromium(profile);
    const browser = await chromium.connectOverCDP(endpoint);
    const context = browser.contexts()[0];
    const page = context.pages()[0] || await context.newPage();
    await page.setViewportSize({ width: 1280, height: 1200 });
    app = new AppPage(page, path.join(artifacts, `cycle-${cycle}`));
    await app.open(server.url);
    // Chromium has OPFS sync access handles: the journal must be there, not
    // in the IndexedDB fallback (web/device_storage.js).
    assert.equal(await page.evaluate(() => Module.oboleStorage && Module.oboleStorage.kind), 'opfs');
    await app.fill('Find a member', 'helene dupont');
    await app.click('Hélène Dupont');
    await app.find('Amount');
    return { proc, browser };
  }

  // Every gift row of the dossier's list, scrolled through: the list has a
  // height of its own (a parish has 2,000 gifts), and how many of the gifts
  // killed mid-save survived decides how far down the oldest ones are.
  async function giftRows() {
    const rows = new Set();
    const isGift = (name) => /^\d{4}-\d\d-\d\d €/.test(name);
    const first = (await app.items()).find((it) => isGift(it.name));
    if (!first) return [];
    await app.page.mouse.move(first.x + 200, first.y + first.h / 2);
    for (let still = 0; still < 3;) {
      const before = rows.size;
      for (const it of await app.items()) if (isGift(it.name) && it.h > 0) rows.add(it.name);
      still = rows.size === before ? still + 1 : 0;
      await app.page.mouse.wheel(0, 150);
      await app.frames(3);
    }
    // Back to the top, where the next gift's row appears.
    await app.page.mouse.wheel(0, -100000);
    await app.frames(3);
    return [...rows];
  }

  // Counts the acknowledged gifts in the list; all of them must be there.
  async function expectAllRecovered() {
    const names = await giftRows();
    recovered = [...acknowledged].filter((amount) => names.some((n) => rowFor(amount).test(n))).length;
    assert.equal(recovered, acknowledged.size, `recovered ${recovered} of ${acknowledged.size} acknowledged gifts`);
  }

  const rowFor = (amount) => new RegExp(`^${today} €${amount.replace('.', '\\.')} Cash`);

  const steps = [];
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    steps.push([`cycle ${cycle}: every gift saved before the last kill is there; enter more, then kill`, async () => {
      const { proc } = await openDossier(cycle);
      await expectAllRecovered();

      const gifts = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < gifts; i++) {
        const amount = `${cycle}${i}.25`;
        await app.fill('Amount', amount);
        const t0 = Date.now();
        await app.page.keyboard.press('Enter');
        await app.find(rowFor(amount));
        await app.find('Saved on this device');
        saveMs.push(Date.now() - t0);
        acknowledged.add(amount);
      }
      // One more, killed at a random moment of its save: it may or may not
      // survive, but it must not damage what was saved before it.
      await app.fill('Amount', `${cycle}9.75`);
      await app.page.keyboard.press('Enter');
      await new Promise((r) => setTimeout(r, Math.floor(rand() * 40)));
      await kill(proc);
    }]);
  }
  steps.push(['after the last kill, every acknowledged gift is there', async () => {
    const { proc, browser } = await openDossier('final');
    await expectAllRecovered();
    await app.screenshot('final-dossier');
    await browser.close().catch(() => {});
    await kill(proc);
  }]);

  const ok = await runSteps('kill durability', steps, () => (app ? app.screenshot('failure') : Promise.resolve()));
  const sorted = [...saveMs].sort((a, b) => a - b);
  const p = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(`acknowledged ${acknowledged.size} gifts, recovered ${recovered} after ${CYCLES} SIGKILLs; ` +
              `Enter to "Saved" as seen by the test (polling, coarse): p50 ${p(0.5)} ms, max ${sorted[sorted.length - 1]} ms`);
  server.stop();
  fs.rmSync(profile, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`kill durability: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
