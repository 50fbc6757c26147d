// A local database the app cannot open (damaged, written by a newer Obole, or
// one whose upgrade fails) is reported in words and left exactly as it was: the
// app never writes over it.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need } = require('./harness.cjs');

const CANNOT_OPEN = 'The data on this device could not be opened.';

(async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const app = new AppPage(await context.newPage(), need('OBOLE_ARTIFACTS'));
  let snapshot = null;

  // Opens the app on whatever the device holds and checks the bytes stay put.
  async function expectRefusedAndUntouched(bytes, message, shot) {
    await app.replaceStoredDatabase(bytes);
    await app.open(server.url);
    await app.find(CANNOT_OPEN);
    await app.find(message);
    await app.screenshot(shot);
    await app.page.waitForTimeout(1500);  // time for any (wrong) write to land
    assert.deepEqual(await app.storedDatabase(), Array.from(bytes));
  }

  const ok = await runSteps('damaged local data', [
    ['a first visit stores the server copy on the device', async () => {
      await app.open(server.url);
      await app.find('Saved on this device');
      snapshot = Uint8Array.from(await app.storedDatabase());
      assert.ok(snapshot.length > 4096);
    }],
    ['a damaged database is reported and left untouched', async () => {
      const garbage = new Uint8Array(8192);
      for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;
      await expectRefusedAndUntouched(garbage,
        'This file is not a readable Obole database; it was left untouched.', '01-damaged');
    }],
    ['a database from a newer Obole is reported and left untouched', async () => {
      const newer = Uint8Array.from(snapshot);
      new DataView(newer.buffer).setUint32(60, 99);  // SQLite header: user_version = schema
      await expectRefusedAndUntouched(newer,
        'This database was written by a newer version of Obole; it was left untouched. Update Obole to open it.',
        '02-newer');
    }],
    ['a migration that fails leaves the data as it was and says so', async () => {
      // Schema 2 adds the bequest memo: a copy that says "schema 1" but
      // already has that column makes the upgrade fail half-way.
      const older = Uint8Array.from(snapshot);
      new DataView(older.buffer).setUint32(60, 1);
      await expectRefusedAndUntouched(older,
        'The data could not be upgraded for this version of Obole; it was left as it was.', '03-migration-failed');
    }],
    ['the search screen is not offered over unreadable data', async () => {
      assert.equal((await app.items()).some((it) => it.name === 'Find a member'), false);
    }],
  ], () => app.screenshot('failure'));

  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`damaged local data: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
