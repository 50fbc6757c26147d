// A change the server refuses, seen by the person who made it, in a real
// browser against the real server: a volunteer's device sends two gifts, one
// of which reaches the server altered on the way (as an older or broken app
// version could send it: an amount no form allows). The server refuses that
// one alone; the other is applied. The status line says one change was
// refused; the Sync screen tells what it was, for whom, why and what to do,
// opens the member (whose dossier no longer lists the refused gift: it is
// on no other copy), and forgets the refusal once dismissed.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need, demoEnrolCodes, DEMO_PASSWORD, enrolLimited,
        ServerLog } = require('./harness.cjs');

(async () => {
  const server = await startServer(['--demo', '--demo-members', '200']);
  const codes = demoEnrolCodes(server);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  const serverLog = new ServerLog(server, page);

  // The gift of 12 € is altered on its way to the server: its amount becomes
  // one no form of the app allows.
  let altered = 0;
  await page.route('**/api/sync/push', async (route) => {
    const body = route.request().postData() || '';
    const hostile = body.replace('"amount_cents":1200,', '"amount_cents":9223372036854775807,');
    altered += hostile !== body;
    await route.continue({ postData: hostile });
  });

  async function addGift(euros) {
    await app.fill('Amount', String(euros));
    await app.press('Enter');
    await app.find(new RegExp(`€${euros}\\.00 Cash`));
  }

  const ok = await runSteps('refused change', [
    ['the volunteer enrols this device', async () => {
      await app.open(server.url);
      await app.find('Find a member');
      await enrolLimited(app, codes.volunteer, 'volunteer', DEMO_PASSWORD);
      await app.find('Enrolled as volunteer.', { timeout: 20000 });
      await app.find(/^Synced \d\d:\d\d$/, { timeout: 20000 });
    }],
    ['two gifts for Hélène Dupont, sent together', async () => {
      await context.setOffline(true);
      await app.click('Search');
      await app.fill('Find a member', 'helene dupont');
      await app.click('Hélène Dupont');
      await addGift(12);
      await addGift(13);
      await context.setOffline(false);
      await app.find('Sync now', { timeout: 20000 });
      await app.click('Sync now');
      await app.find('No change waiting', { timeout: 20000 });
      assert.equal(altered, 1, 'the gift of 12 € was not sent, or sent twice');
    }],
    ['the status line says one change was refused, the others went through', async () => {
      await app.find('1 refused by the server', { timeout: 20000 });
      const log = await serverLog.changes();
      const gifts = log.filter((c) => c.table === 'gift' && c.op === 'insert').map((c) => c.fields.amount_cents);
      assert.ok(gifts.includes(1300), `the gift of 13 € did not reach the server: ${gifts}`);
      assert.ok(!gifts.includes(1200) && !gifts.some((c) => c > 100000000), `the refused gift was applied: ${gifts}`);
      await app.screenshot('01-status-line');
    }],
    ['the Sync screen says what, for whom, why and what to do', async () => {
      await app.click('1 refused by the server');
      await app.find('Refused by the server');
      await app.find(/^Gift €12\.00 \(\d{4}-\d\d-\d\d\) — Hélène Dupont$/);
      await app.find('Why: This number is outside what the app allows.');
      await app.find(/^What to do: The server did not take it: it is no longer on this device\./);
      await app.screenshot('02-sync-refusals');
    }],
    ['"Open the member" opens her dossier, without the refused gift; dismissed, the refusal is gone', async () => {
      await app.click('Open the member');
      await app.find('Mme Hélène Dupont');
      await app.find('Amount');
      await app.find(/€13\.00 Cash/);
      assert.equal((await app.findAll(/€12\.00 Cash/)).length, 0, 'the refused gift is still in her dossier');
      await app.click('Sync');
      await app.click('Dismiss');
      await app.gone('Refused by the server');
      await app.gone('1 refused by the server');
      await app.screenshot('03-dismissed');
    }],
  ], async () => app.screenshot('failure'));

  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`refused change: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
