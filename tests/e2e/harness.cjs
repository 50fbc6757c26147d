// Shared by the browser tests: starts a real obole-server on a free loopback
// port with its own data folder, launches Debian's Chromium, and finds ImGui
// widgets through the app's item mirror (window.Module._obole_items_json).
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert/strict');

function need(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the tests through ctest (tools/obole test)`);
  return v;
}

// Resolves with { url, stop() } once the server prints its URL. `site` serves
// another folder than the build's (a test that changes the files works on a copy).
// `exited` resolves when the process is gone.
function startServer(extraArgs = [], { site = need('OBOLE_WEB_SITE') } = {}) {
  const server = need('OBOLE_SERVER');
  if (!fs.existsSync(path.join(site, 'obole.wasm'))) throw new Error(`no web build in ${site}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obole-e2e-'));
  const proc = spawn(server, ['--port', '0', '--data', dataDir, '--web', site, ...extraArgs],
                     { stdio: ['ignore', 'pipe', 'inherit'] });
  const log = [];
  const exited = new Promise((ok) => proc.on('exit', ok));
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const lines = out.split('\n');
      out = lines.pop();
      for (const line of lines) {
        log.push(line);
        const m = line.match(/running at (http:\/\/\S+)/);
        if (m) resolve({ url: m[1], log, dataDir, exited, stop: () => proc.kill('SIGTERM') });
      }
    });
    proc.on('exit', (code) => reject(new Error(`obole-server exited with ${code}:\n${log.join('\n')}`)));
  });
}

const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
         '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch(CHROMIUM);
}

// A browser with a profile on disk, as a user has: browser.newContext() is an
// incognito-like context, in which Chromium never offers to install an app.
// Resolves with the context (close() ends the browser) and the profile folder;
// given a profile folder, starts the browser again on it, as a person reopens it.
async function launchWithProfile(contextOptions = {},
                                 profile = fs.mkdtempSync(path.join(os.tmpdir(), 'obole-e2e-profile-'))) {
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(profile, { ...CHROMIUM, ...contextOptions });
  return { context, profile };
}

class AppPage {
  constructor(page, artifacts) {
    this.page = page;
    this.artifacts = artifacts;
    // Screenshots of an earlier run must not pass for this one's.
    fs.rmSync(artifacts, { recursive: true, force: true });
    this.consoleErrors = [];
    this.attach(page);
  }

  // Drives another page (a browser started again), keeping screenshots and errors.
  attach(page) {
    this.page = page;
    page.on('console', (m) => { if (m.type() === 'error') this.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  async open(url) {
    await this.page.goto(url);
    await this.page.waitForFunction(() => window.Module && window.Module.oboleReady, null, { timeout: 60000 });
  }

  // The mirror's rectangles are in canvas pixels, which are device pixels
  // (devicePixelRatio 2: twice the CSS pixels); the page's mouse and touch
  // take CSS pixels: items come converted, or as they are with { canvasPixels: true }.
  async items({ canvasPixels = false } = {}) {
    return this.page.evaluate((raw) => {
      const items = JSON.parse(Module.UTF8ToString(Module._obole_items_json()));
      if (raw) return items;
      const canvas = Module.canvas, rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width || 1;
      return items.map((it) => ({ ...it, x: rect.left + it.x / scale, y: rect.top + it.y / scale,
                                  w: it.w / scale, h: it.h / scale }));
    }, canvasPixels);
  }

  // Waits until an item whose name matches (string = exact, RegExp = test) is on screen.
  // `role` narrows it to one kind of item (the mirror's role: "textbox" for a
  // field, where a heading of the same name comes first).
  // The item must also be where it was a frame before: on the first frame a
  // table or a window that fits its content shows, ImGui lays it out with
  // widths it corrects on the next (a gift form's field first lies over its
  // label), and a click there would miss it.
  async find(name, { timeout = 10000, role = null } = {}) {
    const deadline = Date.now() + timeout;
    const match = (n) => (name instanceof RegExp ? name.test(n) : n === name);
    // A page that is loading again (the app restarting on a backup) has no items yet.
    const lookup = async () => (await this.items().catch((e) => {
      if (/Execution context was destroyed|Module is not defined|Cannot read properties of undefined/.test(e.message)) return [];
      throw e;
    })).find((it) => match(it.name) && it.w > 0 && it.h > 0 && (!role || it.role === role));
    for (;;) {
      const found = await lookup();
      if (found) {
        await this.frames(2);
        const again = await lookup();
        if (again && again.x === found.x && again.y === found.y && again.w === found.w && again.h === found.h)
          return again;
        if (Date.now() <= deadline) continue;
        if (again) return again;  // still moving (a list flung on): where it is now
      }
      if (Date.now() > deadline) {
        const names = (await this.items()).map((it) => it.name);
        throw new Error(`no item named ${name} on screen; items: ${JSON.stringify(names)}`);
      }
      await this.page.waitForTimeout(50);
    }
  }

  // The text the active field holds, as the accessibility mirror shows it
  // (undefined when no field of that name is being edited).
  async fieldValue(name) {
    return this.page.evaluate((n) => {
      const d = JSON.parse(Module.UTF8ToString(Module._obole_a11y_json()));
      const it = d.items.find((i) => i.role === 'textbox' && i.name === n);
      return it ? it.value : undefined;
    }, name);
  }

  async findAll(pattern) {
    return (await this.items()).filter((it) => pattern.test(it.name));
  }

  async gone(name, { timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      if (!(await this.items()).some((it) => it.name === name)) return;
      if (Date.now() > deadline) throw new Error(`item ${name} still on screen`);
      await this.page.waitForTimeout(50);
    }
  }

  // Lets the app run `n` frames. ImGui spreads queued input over frames (one
  // key transition per frame), so a burst of typing needs a few to land.
  async frames(n) {
    await this.page.evaluate((count) => new Promise((done) => {
      const step = (left) => (left === 0 ? done() : requestAnimationFrame(() => step(left - 1)));
      step(count);
    }), n);
  }

  // Clicks as a hand does: the pointer arrives, then the button goes down and
  // up over a few frames (an instant click can land before ImGui has seen the
  // pointer over a tab).
  async click(name) {
    const it = await this.find(name);
    await this.pressAt(it.x + Math.min(it.w / 2, 40), it.y + it.h / 2);
  }

  // Lets the app draw `n` frames of its own: after input it is awake (it
  // draws nothing when idle, platform/frame_pacer.cpp), and ImGui must have
  // seen one step of the input before the next comes.
  async appFrames(n) {
    await this.page.evaluate((count) => new Promise((done, fail) => {
      const start = Module._obole_frames_rendered();
      const t0 = performance.now();
      const check = () => {
        if (Module._obole_frames_rendered() - start >= count) done();
        else if (performance.now() - t0 > 10000) fail(new Error(`the app drew ${Module._obole_frames_rendered() - start} frames in 10 s after input`));
        else requestAnimationFrame(check);
      };
      check();
    }), n);
  }

  // The pointer arrives at (x, y), then the button goes down and up, each
  // step on frames of its own.
  async pressAt(x, y) {
    // From a pixel aside, so the pointer moves even when it was there already.
    await this.page.mouse.move(x - 1, y);
    await this.page.mouse.move(x, y);
    await this.appFrames(2);
    await this.page.mouse.down();
    await this.appFrames(2);
    await this.page.mouse.up();
    // A click that restarts the page (a backup imported) leaves no frames to wait for.
    await this.frames(3).catch((e) => {
      if (!/Execution context was destroyed/.test(e.message)) throw e;
    });
  }

  // Clicks a text field, selects what it holds and types over it.
  async fill(name, text) {
    const it = await this.find(name, { role: 'textbox' });
    await this.pressAt(it.x + Math.min(it.w / 2, 40), it.y + it.h / 2);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text, { delay: 15 });
    await this.frames(2 * [...text].length + 6);
  }

  async press(key) {
    await this.page.keyboard.press(key);
    await this.frames(3);
  }

  // The element of the accessibility overlay (web/a11y_overlay.js) with this
  // ARIA role and accessible name (a string matches exactly), as a Playwright locator.
  role(role, name) {
    const overlay = this.page.locator('#obole-a11y');
    return name === undefined ? overlay.getByRole(role).first()
                              : overlay.getByRole(role, { name, exact: typeof name === 'string' });
  }

  // Activates an overlay element as a screen reader does: a click dispatched
  // to the element itself (the pointer goes to the canvas, under it).
  async activate(role, name) {
    const el = this.role(role, name);
    await el.waitFor({ state: 'attached', timeout: 10000 });
    await el.dispatchEvent('click');
    await this.frames(2);  // focus, then the press
  }

  // Waits until the locator's attribute has the value.
  async waitAttr(locator, attr, value, { timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const now = await locator.getAttribute(attr);
      if (now === value) return;
      if (Date.now() > deadline) throw new Error(`${attr} is ${now}, not ${value}`);
      await this.page.waitForTimeout(50);
    }
  }

  // When this page was loaded: restarted() waits for a later one.
  async loadedAt() {
    return this.page.evaluate(() => performance.timeOrigin);
  }

  // Waits for the app to have restarted since `before` (loadedAt()) and be
  // ready: a volunteer or a fundraiser enrolling a device that holds the
  // demo's whole copy takes the copy made for their role, and the page
  // restarts on it (sync/client/device_copy.h); so does an erased device.
  async restarted(before, { timeout = 60000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const ready = await this.page.evaluate(
        (t) => performance.timeOrigin !== t && !!(window.Module && window.Module.oboleReady), before).catch(() => false);
      if (ready) return;
      if (Date.now() > deadline) throw new Error('the app did not restart');
      await this.page.waitForTimeout(100);
    }
  }

  // The names of the device's storage files (OPFS folder "obole") that hold
  // `text` in UTF-8. Read from a page of the same origin that is not the app
  // (its storage worker holds the files open): the page leaves the app.
  async storedFilesHolding(text, serverUrl) {
    await this.page.goto(serverUrl + 'favicon.svg');
    for (let attempt = 0; ; attempt++) {
      try {
        const files = await this.page.evaluate(async () => {
          const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('obole');
          const out = {};
          for await (const [name, handle] of dir.entries())
            if (handle.kind === 'file') out[name] = Array.from(new Uint8Array(await (await handle.getFile()).arrayBuffer()));
          return out;
        });
        const needle = Buffer.from(text, 'utf8');
        return Object.entries(files).filter(([, bytes]) => Buffer.from(bytes).includes(needle)).map(([n]) => n);
      } catch (e) {
        if (attempt > 50) throw e;
        await this.page.waitForTimeout(200); // the app's storage worker lets go of the files
      }
    }
  }

  // The snapshot of the local database as this device stores it (web/device_storage.js).
  async storedDatabase() {
    return this.page.evaluate(async () => {
      const saved = await (await openDeviceStorage()).load();
      return saved.snapshot ? Array.from(saved.snapshot) : null;
    });
  }

  // Replaces the stored snapshot (and drops the journal records it would cover).
  async replaceStoredDatabase(bytes, seq = 0) {
    await this.page.evaluate(async ([arr, covered]) => {
      await (await openDeviceStorage()).snapshot(covered, new Uint8Array(arr));
    }, [Array.from(bytes), seq]);
  }

  async screenshot(name) {
    fs.mkdirSync(this.artifacts, { recursive: true });
    await this.page.screenshot({ path: path.join(this.artifacts, `${name}.png`) });
  }
}

// The enrol code the demo server prints for each demo operator at its first
// start: { admin: '...', volunteer: '...' }.
function demoEnrolCodes(server) {
  const codes = {};
  for (const line of server.log) {
    const m = line.match(/login (\w+) \((\w+)\), enrol code (\S+)/);
    if (m) codes[m[1]] = m[3];
  }
  return codes;
}

// The demo operators' password (obole-server --demo).
const DEMO_PASSWORD = 'obole-demo-2026';

// Enrols the device from the Sync screen with an enrol code.
async function enrol(app, code, login, password = DEMO_PASSWORD) {
  await app.click('Sync');
  await app.fill('Enrol code', code);
  await app.fill('Operator login', login);
  await app.fill('Password', password);
  await app.click('Enrol this device');
}

// The same for a demo operator who sees less than the demo's whole copy
// (volunteer, fundraiser): the device restarts on its role's copy, and is
// back on the Sync screen when this returns.
async function enrolLimited(app, code, login, password = DEMO_PASSWORD) {
  const before = await app.loadedAt();
  await enrol(app, code, login, password);
  await app.restarted(before);
  await app.click('Sync');
}

// Settings → the association's identity, all that Cerfa 11580 asks for
// before the first receipt can be issued or printed.
async function saveAssociation(app) {
  await app.click('Settings');
  await app.fill("Association's name", "Les Amis d'Obole");
  await app.fill('Address', '1 place du Marché, 69001 Lyon');
  await app.fill('Object', 'Aide aux familles');
  await app.click('Legal status');
  await app.click('Body of general interest');
  await app.fill('SIREN or RNA number', 'W691234567');
  await app.fill('Signatory', 'Jeanne Martin');
  await app.fill("Signatory's role", 'présidente');
  await app.fill('Place of signature', 'Lyon');
  await app.click("Save the association's identity");
  await app.find('Saved.');
}

// Reads the server's whole change log as the page's device does: with its
// token and schema version, taken from the page's own pulls.
class ServerLog {
  constructor(server, page) {
    this.server = server;
    this.authorization = '';
    this.schemaVersion = '';
    page.on('request', (r) => {
      if (r.url().includes('/api/sync/pull')) {
        this.authorization = r.headers().authorization;
        this.schemaVersion = new URL(r.url()).searchParams.get('schema_version');
      }
    });
  }

  async changes() {
    const changes = [];
    let since = 0;
    for (;;) {
      const url = new URL(`api/sync/pull?since=${since}&limit=5000&schema_version=${this.schemaVersion}`,
                          this.server.url);
      const r = await fetch(url, { headers: { Authorization: this.authorization } });
      const text = await r.text();
      assert.equal(r.status, 200, `pull answered ${r.status}: ${text}`);
      const page = JSON.parse(text);
      changes.push(...page.changes);
      since = page.cursor;
      if (!page.more) return changes;
    }
  }
}

// Runs the steps, prints "N passed, N failed", and exits non-zero on failure.
// When a step fails, onFail (if given) runs first, e.g. to save a screenshot.
async function runSteps(title, steps, onFail = async () => {}) {
  let passed = 0, failed = 0;
  for (const [name, fn] of steps) {
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e && e.stack || e}`);
      await onFail().catch((err) => console.log(`(while saving the failure: ${err})`));
      break;  // later steps depend on earlier ones
    }
  }
  const skipped = steps.length - passed - failed;
  console.log(`${title}: ${passed} passed, ${failed + skipped} failed`);
  return failed + skipped === 0;
}

module.exports = { startServer, launchBrowser, launchWithProfile, AppPage, runSteps, assert, need, enrolLimited, CHROMIUM,
                   demoEnrolCodes, DEMO_PASSWORD, enrol, saveAssociation, ServerLog };
