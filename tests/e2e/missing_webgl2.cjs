// A browser that cannot give the app WebGL 2 (too old, or graphics turned
// off: here getContext('webgl2') answers null, as such a browser does) gets
// a sentence naming what is missing, in the person's language, instead of a
// grey page; the program is not even loaded. Screenshots in
// build/native/e2e-artifacts/missing_webgl2.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need } = require('./harness.cjs');

(async () => {
  const server = await startServer(['--demo', '--demo-members', '50']);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  await context.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : get.call(this, kind, ...rest);
    };
  });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  const status = async () => {
    await page.waitForFunction(() => document.getElementById('boot-status').classList.contains('error'), null,
                               { timeout: 30000 });
    return page.evaluate(() => document.getElementById('boot-status').textContent);
  };

  const ok = await runSteps('missing WebGL 2', [
    ['the page says WebGL 2 is missing, and loads no program', async () => {
      await page.goto(server.url);
      const text = await status();
      assert.match(text, /needs WebGL 2/);
      assert.equal(await page.evaluate(() => !!document.querySelector('script[src="obole.js"]')), false);
      await app.screenshot('01-english');
    }],
    ['in French when the person chose French', async () => {
      await page.evaluate(() => localStorage.setItem('obole.lang', 'fr'));
      await page.reload();
      assert.match(await status(), /il lui faut WebGL 2/);
      await app.screenshot('02-french');
    }],
  ], () => app.screenshot('failure'));

  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
