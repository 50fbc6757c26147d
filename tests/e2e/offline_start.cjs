// Offline start: after one online visit the app starts with the network off
// (service worker, web/sw.js), the API is never answered from the cache, the
// app is installable, and a new version replaces the old one on the next
// online visits without touching the data on the device.
//
// The server serves a copy of the site, so that a new version can be simulated
// by rewriting the copy's sw.js build id and one shell file, as a new build does.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, launchWithProfile, AppPage, runSteps, assert, need } = require('./harness.cjs');

const BUILD_ID_LINE = /^const BUILD_ID = '([^']+)';$/m;
// The marker the "new version" adds to obole.css: seen only by a page loaded from it.
const NEW_CSS = '\n:root { --obole-e2e-version: 2; }\n';

function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

(async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'obole-e2e-site-'));
  fs.cpSync(need('OBOLE_WEB_SITE'), site, { recursive: true });
  const oldId = fs.readFileSync(path.join(site, 'sw.js'), 'utf8').match(BUILD_ID_LINE)?.[1];
  if (!oldId || oldId.includes('@')) throw new Error(`site/sw.js has no build id (${oldId}): is the web build current?`);
  const newId = `${oldId}-e2e-new`;

  const server = await startServer(['--demo', '--demo-members', '300'], { site });
  // A browser with a profile on disk, as a person has: Chromium offers to
  // install an app only there, and it can be closed and opened again.
  const VIEWPORT = { viewport: { width: 1280, height: 800 } };
  let { context, profile } = await launchWithProfile(VIEWPORT);
  const app = new AppPage(context.pages()[0] || await context.newPage(), need('OBOLE_ARTIFACTS'));
  const today = new Date().toISOString().slice(0, 10);
  const GIFT = new RegExp(`^${today} €37\\.50 Cash`);

  const cacheNames = () => app.page.evaluate(() => caches.keys());
  const cachedPaths = (name) => app.page.evaluate(async (n) =>
    (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname.slice(1)), name);
  const cssVersion = () => app.page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--obole-e2e-version').trim());
  async function waitFor(what, test, timeout = 30000) {
    const deadline = Date.now() + timeout;
    while (!(await test())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await app.page.waitForTimeout(100);
    }
  }
  // Requests the server answered since `from` (its log has one line per request),
  // but for the browser's checks for a new sw.js: Playwright's offline switch
  // does not cover those, and they only ask, they serve nothing to the page.
  const requestsSince = (from) => server.log.slice(from)
    .filter((l) => / (GET|POST|PUT|HEAD) \//.test(l) && !/ GET \/sw\.js /.test(l));
  async function findTheGift() {
    await app.find('Find a member', { timeout: 30000 });
    await app.fill('Find a member', 'helene dupont');
    await app.click('Hélène Dupont');
    await app.find(GIFT);
  }

  const ok = await runSteps('offline start', [
    ['a first online visit installs the service worker and caches the whole shell', async () => {
      await app.open(server.url);
      await app.find('Find a member');
      // boot.js waits for the worker on a first visit, so it controls the page already.
      assert.ok(await app.page.evaluate(() => !!navigator.serviceWorker.controller), 'no service worker controls the page');
      assert.deepEqual(await cacheNames(), [`obole-shell-${oldId}`]);
      const cached = new Set(await cachedPaths(`obole-shell-${oldId}`));
      for (const f of listFiles(site).filter((f) => f !== 'sw.js')) {
        assert.ok(cached.has(f), `${f} is in the site but not in the offline cache: add it to SHELL_FILES in ` +
                                 'web/sw.js (or, if it is a leftover of an older build, delete build/web/site)');
      }
      assert.ok(!(await cachedPaths(`obole-shell-${oldId}`)).some((p) => p.startsWith('api/')));
      await app.screenshot('01-first-visit');
    }],
    ['the app is installable: manifest, icons and content types', async () => {
      const cdp = await context.newCDPSession(app.page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, []);
      assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);
      await cdp.detach();
      const types = await app.page.evaluate(async () => {
        const get = (url) => fetch(url, { cache: 'no-store' });
        const m = await (await get('manifest.webmanifest')).json();
        const out = { name: m.name, display: m.display, manifest: (await get('manifest.webmanifest')).headers.get('content-type') };
        for (const icon of m.icons) out[icon.src] = (await get(icon.src)).headers.get('content-type');
        return out;
      });
      assert.equal(types.name, 'Obole');
      assert.equal(types.display, 'standalone');
      assert.equal(types.manifest, 'application/manifest+json');
      assert.equal(types['favicon.svg'], 'image/svg+xml');
      assert.equal(types['icon-maskable.svg'], 'image/svg+xml');
    }],
    ['a gift entered in Hélène Dupont\'s dossier is saved on this device', async () => {
      await app.fill('Find a member', 'helene dupont');
      await app.click('Hélène Dupont');
      await app.fill('Amount', '37.50');
      await app.press('Enter');
      await app.find(GIFT);
      await app.find('Saved on this device');
      await app.screenshot('02-gift-saved');
    }],
    ['with the network off, a reload starts the app from the device alone', async () => {
      await context.setOffline(true);
      const before = server.log.length;
      const t0 = Date.now();
      await app.open(server.url);
      const startMs = Date.now() - t0;
      await findTheGift();
      // Playwright's offline switch does not cover every fetch a service worker
      // makes: the server's log proves that nothing came from the network.
      assert.deepEqual(requestsSince(before), []);
      console.log(`     offline start: ${startMs} ms`);
      await app.screenshot('03-offline-reload');
    }],
    ['the API is never answered from the cache', async () => {
      const errorsBefore = app.consoleErrors.length;
      const offline = await app.page.evaluate(() => fetch('api/health').then((r) => `HTTP ${r.status}`, () => 'failed'));
      assert.equal(offline, 'failed');
      // The browser reports that failed request in the console: this step's doing.
      await app.page.waitForTimeout(200);
      app.consoleErrors.splice(errorsBefore).forEach((e) => assert.match(e, /ERR_INTERNET_DISCONNECTED/));
      await context.setOffline(false);
      const online = await app.page.evaluate(() => fetch('api/health').then((r) => r.json()));
      assert.equal(online.service, 'obole-server');
      assert.ok(!(await cachedPaths(`obole-shell-${oldId}`)).some((p) => p.startsWith('api/')));
    }],
    ['a new version is installed on the next online visit; the running page keeps working', async () => {
      const swPath = path.join(site, 'sw.js');
      fs.writeFileSync(swPath, fs.readFileSync(swPath, 'utf8').replace(BUILD_ID_LINE, `const BUILD_ID = '${newId}';`));
      fs.appendFileSync(path.join(site, 'obole.css'), NEW_CSS);
      const logFrom = server.log.length;
      const replaced = async () => JSON.stringify(await cacheNames()) === JSON.stringify([`obole-shell-${newId}`]);
      // Each load comes from the old cache; the browser checks sw.js, installs
      // the changed one, and once the page has started the new worker takes
      // over; a person who missed it simply comes back: up to two online
      // visits, the way "picked up on the next online visit" reads.
      // Each visit is a browser started again on the same profile, as a person
      // comes back: under Playwright, once its offline switch was used, a
      // running Chromium may never finish an update check (and queues every
      // later one behind it), which a new browser process does not inherit.
      // Even so, Chromium may hold the check about a minute before it asks
      // for sw.js: each visit waits long enough for that.
      let visits = 0;
      await (async () => {
        for (;;) {
          await context.close();
          ({ context } = await launchWithProfile(VIEWPORT, profile));
          app.attach(context.pages()[0] || await context.newPage());
          await app.open(server.url);
          visits++;
          try {
            return await waitFor('the new cache to replace the old one', replaced, 100000);
          } catch (e) {
            if (visits >= 2) throw e;
          }
        }
      })().catch(async (e) => {
          const reg = await app.page.evaluate(async () => {
            const r = await navigator.serviceWorker.getRegistration();
            return { installing: r.installing?.state, waiting: r.waiting?.state, active: r.active?.state };
          });
          throw new Error(`${e.message}: caches ${JSON.stringify(await cacheNames())}, registration ` +
                          `${JSON.stringify(reg)}, server saw:\n${server.log.slice(logFrom).join('\n')}`);
        });
      assert.equal(await cssVersion(), '', 'the running page switched files under itself');
      await findTheGift();
      await app.screenshot('04-update-installed');
    }],
    ['the next load runs the new version, with the data still on the device', async () => {
      await app.open(server.url);
      assert.equal(await cssVersion(), '2');
      assert.deepEqual(await cacheNames(), [`obole-shell-${newId}`]);
      assert.ok((await cachedPaths(`obole-shell-${newId}`)).includes('obole.wasm'));
      await findTheGift();
      await app.screenshot('05-new-version');
    }],
    ['after the update, the app starts with the server stopped', async () => {
      server.stop();
      await server.exited;
      await app.open(server.url);
      assert.equal(await cssVersion(), '2');
      await findTheGift();
      await app.screenshot('06-server-stopped');
    }],
    ['no errors in the page console', async () => {
      assert.deepEqual(app.consoleErrors, []);
    }],
  ], () => app.screenshot('failure'));

  await context.close();
  server.stop();
  fs.rmSync(site, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`offline start: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
