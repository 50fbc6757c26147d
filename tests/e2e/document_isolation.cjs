// A member's documents never run as the app (issue 17, part 3). A volunteer
// attaches a crafted HTML page, an SVG with script, and an HTML page named
// and typed as a PNG; opened from the dossier, each is downloaded, none
// opens a page, and no script of theirs runs in the app's origin (a marker
// in localStorage, the app's title, a call to the admin API are watched). A
// real image opens in a tab of its own that has no handle on the app
// (no window.opener). And should a page of the app's origin ever show such a
// file, the server's Content-Security-Policy, which a blob's page inherits,
// runs none of its inline script. The app itself raises no CSP violation.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need } = require('./harness.cjs');

// What each crafted file tries, once running in the app's origin: leave a
// marker, rename the app's tab, and reach the admin API.
const PAYLOAD = "localStorage.setItem('obole.pwned', location.href);" +
                "try { window.opener && (window.opener.document.title = 'PWNED'); } catch (e) {}" +
                "fetch('/api/admin/devices').then(() => localStorage.setItem('obole.pwned_fetch', '1'));";
const attribute = (js) => js.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const HTML = `<!doctype html><html><body><h1>Invoice</h1><script>${PAYLOAD}</script>` +
             `<img src="x" onerror="${attribute(PAYLOAD)}"></body></html>`;
// Well-formed XML, or the browser shows a parse error and runs nothing anyway.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" onload="${attribute(PAYLOAD)}">` +
            `<script><![CDATA[${PAYLOAD}]]></script><rect width="10" height="10"/></svg>`;
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
                        'base64');

const CRAFTED = [
  { name: 'invoice.html', mimeType: 'text/html', buffer: Buffer.from(HTML) },
  { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SVG) },
  { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(HTML) },
];

(async () => {
  const server = await startServer(['--demo', '--demo-members', '200']);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  // Every CSP violation the app's page (or a page it opens) reports.
  await context.addInitScript(() => {
    window.oboleCspViolations = [];
    document.addEventListener('securitypolicyviolation',
                              (e) => window.oboleCspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  const opened = [];
  context.on('page', (p) => opened.push(p));
  // What the browser says in pages opened from a blob (a refusal by the policy among it).
  const blobConsole = [];
  context.on('console', (m) => { if (m.page() && /^blob:/.test(m.page().url())) blobConsole.push(m.text()); });

  // Attaches a file and waits for the list to hold one more.
  const attach = async (file) => {
    const count = Number((await app.find(/^\d+ files$/)).name.split(' ')[0]);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.click('Attach a file…')]);
    await chooser.setFiles(file);
    await app.find(`${count + 1} files`);
    await app.frames(4);
  };

  // Nothing of a crafted file ran: no marker, the app's title kept, no new page.
  const expectNothingRan = async () => {
    await page.waitForTimeout(500);  // a script that did run would have written by now
    const state = await page.evaluate(() => ({
      pwned: localStorage.getItem('obole.pwned'),
      fetched: localStorage.getItem('obole.pwned_fetch'),
      title: document.title,
    }));
    assert.equal(state.pwned, null, 'a crafted file ran script in the app\'s origin');
    assert.equal(state.fetched, null, 'a crafted file reached the API');
    assert.notEqual(state.title, 'PWNED');
  };

  const ok = await runSteps('document isolation', [
    ['the app loads under the server\'s policy, and no part of it is refused', async () => {
      const answer = await page.goto(server.url);
      assert.match(answer.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
      await page.waitForFunction(() => window.Module && window.Module.oboleReady, null, { timeout: 60000 });
      // The demo's data, served to anyone: the app says so (issue 17, part 5).
      await app.find('Demo data: anyone who can reach this server may download it. Enter no real person.');
      await app.fill('Find a member', 'helene dupont');
      await app.click('Hélène Dupont');
      await app.find('Save gift');
      await app.click('Documents');
      await app.click('Files');
      await app.find('Attach a file…');
      assert.deepEqual(await page.evaluate(() => window.oboleCspViolations), []);
    }],
    ...CRAFTED.map((file) => [`${file.name} (${file.mimeType}) is downloaded when opened, and runs nothing`, async () => {
      await attach(file);
      const pagesBefore = opened.length;
      // The newest file comes first: its Open button is the first.
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), app.click('Open')]);
      assert.equal(download.suggestedFilename(), file.name);
      assert.equal(opened.length, pagesBefore, 'a page was opened for it');
      await expectNothingRan();
      await app.screenshot(`downloaded-${file.name}`);
    }]),
    ['a real image opens in a tab of its own, with no handle on the app', async () => {
      await attach({ name: 'scan.png', mimeType: 'image/png', buffer: PNG });
      const [tab] = await Promise.all([context.waitForEvent('page', { timeout: 10000 }), app.click('Open')]);
      await tab.waitForLoadState();
      assert.match(tab.url(), /^blob:/);
      const shown = await tab.evaluate(() => ({ type: document.contentType, opener: window.opener }));
      assert.equal(shown.type, 'image/png');
      assert.equal(shown.opener, null);
      await tab.close();
      await expectNothingRan();
    }],
    ['a page of the app\'s origin made from such a file runs none of its script', async () => {
      // What a tab would get if the app ever showed an HTML or SVG file: a
      // blob of its origin, which inherits the page's Content-Security-Policy.
      for (const [text, type] of [[HTML, 'text/html'], [SVG, 'image/svg+xml']]) {
        const [tab] = await Promise.all([
          context.waitForEvent('page', { timeout: 10000 }),
          page.evaluate(([t, k]) => { window.open(URL.createObjectURL(new Blob([t], { type: k })), '_blank'); },
                        [text, type]),
        ]);
        await tab.waitForLoadState();
        assert.match(tab.url(), /^blob:/);
        await page.waitForTimeout(500);
        await expectNothingRan();
        // It loaded, its script is there, and the browser says why it did not run.
        assert.match(await tab.evaluate(() => document.documentElement.outerHTML), /<script>(<!\[CDATA\[)?localStorage/);
        const refused = blobConsole.filter((m) => /Content Security Policy/.test(m) && /script/.test(m));
        assert.ok(refused.length > 0, `no script refused in the ${type} page: ${blobConsole}`);
        blobConsole.length = 0;
        await tab.close();
      }
    }],
    ['the app raised no policy violation throughout', async () => {
      assert.deepEqual(await page.evaluate(() => window.oboleCspViolations), []);
      assert.deepEqual(app.consoleErrors.filter((e) => /Content Security Policy/.test(e)), []);
    }],
  ], () => app.screenshot('failure'));
  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
