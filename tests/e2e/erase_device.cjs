// A device that leaves keeps nothing (issue 17, part 2). A volunteer's
// device, which holds the demo's copy for a volunteer and a member typed on
// it, is signed out and erased from Settings: the page restarts on an empty
// database, says why, and the device's files in the origin private file
// system no longer hold the member's name; the server no longer takes its
// token. The name is looked for in those files before too, so the check
// can fail.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need, demoEnrolCodes, enrolLimited,
        ServerLog } = require('./harness.cjs');

const NAME = 'Quillardière';

(async () => {
  const server = await startServer(['--demo', '--demo-members', '200']);
  const codes = demoEnrolCodes(server);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  const serverLog = new ServerLog(server, page);

  const ok = await runSteps('erase device', [
    ['a member is typed, then the volunteer enrols: the device restarts on its copy', async () => {
      await app.open(server.url);
      await app.click('New member');
      await app.fill('First name', 'Inès');
      await app.fill('Last name', NAME);
      await app.click('Create member');
      await app.find('Amount');
      await enrolLimited(app, codes.volunteer, 'volunteer');
      await app.find('Enrolled as volunteer.', { timeout: 20000 });
      await app.find(/^Synced \d\d:\d\d$/, { timeout: 20000 });
      await app.click('Search');
      await app.fill('Find a member', NAME);
      await app.find(`Inès ${NAME}`);
    }],
    ['the device\'s files hold the member', async () => {
      const where = await app.storedFilesHolding(NAME, server.url);
      assert.ok(where.length > 0, 'the name is in none of the device\'s files: the check below could not fail');
    }],
    ['Settings → Sign out and erase this device, confirmed', async () => {
      await app.open(server.url);
      await app.click('Settings');
      await app.click('Sign out and erase this device…');
      await app.find('Erase this device?');
      await app.screenshot('01-confirm');
      const before = await app.loadedAt();
      await app.click('Erase this device');
      await app.restarted(before);
      await app.click('Sync');
      await app.find('You signed out: the association\'s data on this device has been erased.');
      await app.find('Not enrolled');
      await app.screenshot('02-erased');
      // The token the device pulled with is refused from now on.
      const r = await fetch(new URL(`api/sync/pull?since=0&limit=1&schema_version=${serverLog.schemaVersion}`,
                                    server.url), { headers: { Authorization: serverLog.authorization } });
      assert.equal(r.status, 401);
      assert.equal((await r.json()).error.code, 'auth.revoked');
    }],
    ['nothing of the member is left in the device\'s files', async () => {
      const where = await app.storedFilesHolding(NAME, server.url);
      assert.deepEqual(where, [], `the name is still in ${where.join(', ')}`);
    }],
  ], async () => app.screenshot('failure'));

  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`erase device: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
