// Nothing saved is lost, nothing unsaved is half saved. Each cycle enters gifts
// on Hélène Dupont's dossier, then SIGKILLs the browser at a moment drawn at
// random (each block of three cycles takes the three in a shuffled order):
//   typing    just after a gift's acknowledgement, the next one's amount typed (some or
//             all of it), never saved;
//   saving    0-40 ms after Enter on a gift: it may be stored or not, but once at most;
//   snapshot  while storage writes a whole-database snapshot (a person's erasure
//             writes one; web/device_storage.js says when it is under way), 0-15 ms in.
// The browser starts again on the same profile, and then: the app opens on its
// search screen (no damage report); every acknowledged gift is in the list with
// its amount, exactly once (the list's "N gifts, €X in all" counts doubles); the
// gift typed at the kill is nowhere and its field is empty (the app keeps no
// draft of an unsaved form: README, "A form not yet saved is not kept"); an
// erasure is whole or absent.
// OBOLE_KILL_CYCLES (default 6) sets the length, OBOLE_KILL_SEED replays a run
// (the seed is printed first). tools/obole soak kill runs it long.
'use strict';

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, AppPage, runSteps, assert, need, CHROMIUM } = require('./harness.cjs');

const CYCLES = Number(process.env.OBOLE_KILL_CYCLES || 6);
const SEED = Number(process.env.OBOLE_KILL_SEED || crypto.randomInt(1, 2 ** 31));
const MOMENTS = ['typing', 'saving', 'snapshot'];

// Chromium started by hand, in a process group of its own, so that all its
// processes (the page and its storage worker run in a renderer) can be killed
// at once, as a crash or a power cut would end them; playwright attaches over
// the DevTools protocol.
let running = null;
process.on('exit', () => { if (running) process.kill(-running.pid, 'SIGKILL'); });
function startChromium(profile) {
  const proc = spawn(CHROMIUM.executablePath, [
    '--headless', ...CHROMIUM.args,
    '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--window-size=1280,1200', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  running = proc;
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
    process.kill(-proc.pid, 'SIGKILL');
    running = null;
  });
}

// A deterministic sequence, so that a failure can be replayed.
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const cents = (text) => Number(text.replace(/[^\d]/g, ''));

(async () => {
  console.log(`kill durability: seed ${SEED} (OBOLE_KILL_SEED=${SEED} replays this run), ${CYCLES} cycles`);
  const { chromium } = require('playwright-core');
  const server = await startServer(['--demo', '--demo-members', '300']);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'obole-kill-'));
  const artifacts = need('OBOLE_ARTIFACTS');
  const rand = random(SEED);
  const today = new Date().toISOString().slice(0, 10);
  const acknowledged = [];  // amounts the app said were saved
  const killedSaving = [];  // amounts killed mid-save: there or not, once at most
  let before = null;        // the list's count and total before the first gift
  let typed = null;         // the amount being typed at the last kill
  let erasing = null;       // { name, seq } of the erasure whose snapshot was being written
  const figures = { moments: { typing: 0, saving: 0, snapshot: 0 }, snapshotsCut: 0, survivedSaving: 0 };
  let recovered = 0;
  let app = null;

  // Each block of three cycles takes the three moments, in an order of its own.
  let block = [];
  const nextMoment = () => {
    if (block.length === 0) {
      block = [...MOMENTS];
      for (let i = block.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [block[i], block[j]] = [block[j], block[i]];
      }
    }
    return block.pop();
  };

  async function start(cycle) {
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
    // Opens normally: the search screen, not a report of damaged data.
    await app.find('Find a member', { role: 'textbox' });
    return { proc, browser };
  }

  async function openDossier() {
    await app.fill('Find a member', 'helene dupont');
    await app.click('Hélène Dupont');
    await app.find('Amount', { role: 'textbox' });
  }

  // How many gifts the list says it holds, and their total in cents.
  async function listSummary() {
    const line = await app.find(/^\d+ gifts?, .+ in all$/);
    const m = line.name.match(/^(\d+) gifts?, (.+) in all$/);
    return { count: Number(m[1]), cents: cents(m[2]) };
  }

  // Every gift row of the dossier's list, scrolled through: the list has a
  // height of its own (a parish has 2,000 gifts).
  async function giftRows() {
    const rows = new Set();
    const isGift = (name) => /^\d{4}-\d\d-\d\d €/.test(name);
    const first = (await app.items()).find((it) => isGift(it.name));
    if (!first) return [];
    await app.page.mouse.move(first.x + 200, first.y + first.h / 2);
    for (let still = 0; still < 3;) {
      const size = rows.size;
      for (const it of await app.items()) if (isGift(it.name) && it.h > 0) rows.add(it.name);
      still = rows.size === size ? still + 1 : 0;
      await app.page.mouse.wheel(0, 150);
      await app.frames(3);
    }
    // Back to the top, where the next gift's row appears.
    await app.page.mouse.wheel(0, -100000);
    await app.frames(3);
    return [...rows];
  }

  // The row of a gift, as the list writes its amount ("1009.75" is €1,009.75).
  const euros = (amount) => Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const rowFor = (amount) => new RegExp(`^${today} €${euros(amount).replace(/[.,]/g, '\\$&')} Cash`);
  const sum = (amounts) => amounts.reduce((s, a) => s + cents(a), 0);

  // What the last kill may and may not have left.
  async function expectWhatWasSaved() {
    const names = await giftRows();
    const there = (amount) => names.some((n) => rowFor(amount).test(n));
    recovered = acknowledged.filter(there).length;
    assert.equal(recovered, acknowledged.length, `recovered ${recovered} of ${acknowledged.length} acknowledged gifts`);
    if (typed) assert.ok(!there(typed), `the gift typed at the kill (€${typed}) was never saved, yet it is listed`);
    const survivors = killedSaving.filter(there);
    figures.survivedSaving = survivors.length;
    // Unique amounts: a gift listed twice shows only in the count and total.
    const now = await listSummary();
    assert.deepEqual(now, { count: before.count + acknowledged.length + survivors.length,
                            cents: before.cents + sum(acknowledged) + sum(survivors) },
                     `the list's count and total, with ${survivors.length} of ${killedSaving.length} gifts killed mid-save stored`);
  }

  // The amount field holds nothing of what was typed before the kill.
  async function expectEmptyAmount() {
    const field = await app.find('Amount', { role: 'textbox' });
    await app.pressAt(field.x + 20, field.y + field.h / 2);
    const value = await app.fieldValue('Amount');
    assert.equal(value, '', `the amount field holds "${value}" after the restart`);
    await app.press('Escape');
  }

  // An erasure killed while its snapshot was written: whole (the snapshot
  // landed, she is gone) or not done at all (the previous snapshot and the
  // journal, where she still is). Never a device that fails to open.
  async function expectErasureWholeOrAbsent() {
    const loaded = await app.page.evaluate(() => Module.oboleSnapshotSeq);
    const landed = loaded === erasing.seq;
    if (!landed) figures.snapshotsCut++;
    await app.fill('Find a member', erasing.name);
    await app.frames(10);
    const found = (await app.items()).some((it) => it.name.includes(erasing.name));
    assert.equal(found, !landed, landed ? `the erasure's snapshot (${loaded}) is loaded, yet she is found`
                                        : `the erasure's snapshot (${erasing.seq}) never landed (${loaded} is loaded), yet she is gone`);
  }

  async function enterGifts(cycle) {
    const gifts = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < gifts; i++) {
      const amount = `${cycle}${i}.25`;
      await app.fill('Amount', amount);
      // Keys that reached no field would otherwise show only as a missing row.
      assert.equal(await app.fieldValue('Amount'), amount, 'the amount field does not hold what was typed');
      await app.page.keyboard.press('Enter');
      await app.find(rowFor(amount));
      await app.find('Saved on this device');
      acknowledged.push(amount);
    }
  }

  // Presses the button as AppPage.click does, watching (in the page, between
  // its tasks: a snapshot is written in milliseconds) from before the button
  // is released. Resolves with the seq of the snapshot, as soon as storage
  // is writing it.
  async function pressWatchingForSnapshot(button) {
    const x = button.x + Math.min(button.w / 2, 40), y = button.y + button.h / 2;
    await app.page.mouse.move(x - 1, y);
    await app.page.mouse.move(x, y);
    await app.appFrames(2);
    await app.page.mouse.down();
    await app.appFrames(2);
    const seen = app.page.evaluate(() => new Promise((done, fail) => {
      const channel = new MessageChannel();
      const t0 = performance.now();
      channel.port1.onmessage = () => {
        const w = Module.oboleStorage.writing;
        if (w && w.op === 'snapshot') done(w.seq);
        else if (performance.now() - t0 > 20000) fail(new Error('no snapshot was written within 20 s'));
        else channel.port2.postMessage(0);
      };
      channel.port2.postMessage(0);
    }));
    await app.page.mouse.up();
    return seen;
  }

  // The moments of a kill; each returns once the browser may be killed.
  const killAt = {
    typing: async (cycle) => {
      const amount = `${cycle}7.50`;
      typed = amount.slice(0, 1 + Math.floor(rand() * amount.length));
      const field = await app.find('Amount', { role: 'textbox' });
      await app.pressAt(field.x + 20, field.y + field.h / 2);
      await app.page.keyboard.type(typed, { delay: 15 });
      await app.frames(Math.floor(rand() * 6));
    },
    saving: async (cycle) => {
      const amount = `${cycle}9.75`;
      await app.fill('Amount', amount);
      await app.page.keyboard.press('Enter');
      killedSaving.push(amount);
      await sleep(Math.floor(rand() * 40));
    },
    snapshot: async (cycle) => {
      const name = `Kill${cycle}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 26)]}`;
      await app.click('New member');
      await app.fill('First name', 'Erasée');
      await app.fill('Last name', name);
      await app.click('Create member');
      await app.find('Saved on this device');
      await app.click('Erase this person…');
      const seq = await pressWatchingForSnapshot(await app.find('Erase this person'));
      erasing = { name: `Erasée ${name}`, seq };
      await sleep(Math.floor(rand() * 15));
    },
  };

  const steps = [];
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const moment = nextMoment();
    steps.push([`cycle ${cycle}: what was saved before the last kill is there, once; enter more, kill while ${moment}`, async () => {
      const { proc } = await start(cycle);
      if (erasing) await expectErasureWholeOrAbsent();
      await openDossier();
      if (before) await expectWhatWasSaved();
      else before = await listSummary();
      if (typed) await expectEmptyAmount();
      typed = erasing = null;
      await enterGifts(cycle);
      await killAt[moment](cycle);
      await kill(proc);
      figures.moments[moment]++;
    }]);
  }
  steps.push(['after the last kill, what was saved is there, once', async () => {
    const { proc, browser } = await start('final');
    if (erasing) await expectErasureWholeOrAbsent();
    await openDossier();
    await expectWhatWasSaved();
    if (typed) await expectEmptyAmount();
    await app.screenshot('final-dossier');
    await browser.close().catch(() => {});
    await kill(proc);
  }]);

  const ok = await runSteps('kill durability', steps, () => (app ? app.screenshot('failure') : Promise.resolve()));
  const m = figures.moments;
  console.log(`seed ${SEED}: ${CYCLES} SIGKILLs (${m.typing} while typing a gift, ${m.saving} mid-save, ` +
              `${m.snapshot} during a snapshot, of which ${figures.snapshotsCut} before it was whole); ` +
              `acknowledged ${acknowledged.length} gifts, recovered ${recovered}; ` +
              `${figures.survivedSaving} of ${killedSaving.length} gifts killed mid-save were stored`);
  server.stop();
  // The kernel may still be closing the killed processes' files.
  fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10 });
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`kill durability: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
