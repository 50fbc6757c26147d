// A person's GDPR requests, answered from the dossier (issue 17, part 6).
// Right of access: "Export everything held" downloads a JSON file of every
// record that names them and prints a readable page. Erasure: confirmed,
// the person is gone from the screen and from the device's files in the
// origin private file system, journal records included (their name is
// looked for there before, so the check can fail). Retention: Settings
// lists the members not heard from for three years; one is kept (unticked),
// the others are erased in one action, and listing again finds only her.
'use strict';

const fs = require('node:fs');
const { startServer, launchBrowser, AppPage, runSteps, assert, need } = require('./harness.cjs');

const NAME = 'Quillardière';

(async () => {
  const server = await startServer(['--demo', '--demo-members', '200']);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));

  const openTheMember = async () => {
    await app.open(server.url);
    await app.fill('Find a member', NAME);
    await app.click(`Inès ${NAME}`);
    await app.find('Export everything held');
  };

  const ok = await runSteps('erase member', [
    ['a member is typed, and stored on the device', async () => {
      await app.open(server.url);
      await app.click('New member');
      await app.fill('First name', 'Inès');
      await app.fill('Last name', NAME);
      await app.click('Create member');
      await app.find('Amount');
      await app.fill('Amount', '30');
      await app.press('Enter');
      await app.find(/€30\.00 Cash/);
      await app.find('Saved on this device');
      const where = await app.storedFilesHolding(NAME, server.url);
      assert.ok(where.length > 0, 'the name is in none of the device\'s files: the check below could not fail');
    }],
    ['right of access: every record about her in a JSON file, and a page to print', async () => {
      await openTheMember();
      const download = page.waitForEvent('download', { timeout: 20000 });
      await app.click('Export everything held');
      const file = await download;
      assert.match(file.suggestedFilename(), /^member-\d+-data\.json$/);
      const data = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
      assert.equal(data.tables.member[0].last_name, NAME);
      assert.equal(data.tables.gift.length, 1);
      assert.ok(data.tables.journal.length >= 2);
      const html = await page.evaluate(() => window.oboleLastPrinted || '');
      assert.ok(html.includes(`Data held about Inès ${NAME}`), 'the page to print is not the export');
    }],
    ['erasure, confirmed: she is gone from the screen', async () => {
      await app.click('Erase this person…');
      await app.find('Erase this person?');
      await app.screenshot('01-confirm');
      await app.click('Erase this person');
      await app.find('Find a member'); // back on the search screen
      await app.find('Saved on this device');
      await app.fill('Find a member', NAME);
      await app.frames(10);
      assert.ok(!(await app.items()).some((it) => it.name.includes(NAME)), 'the erased person is still found');
      await app.screenshot('02-erased');
    }],
    ['nothing of her is left in the device\'s files', async () => {
      const where = await app.storedFilesHolding(NAME, server.url);
      assert.deepEqual(where, [], `the name is still in ${where.join(', ')}`);
    }],
    ['retention: the members not heard from for three years, all but one erased in one action', async () => {
      await app.open(server.url); // the last step read the files from another page
      await app.click('Settings');
      await app.fill('Years without contact', '0');
      await app.click('List inactive members');
      await app.find('Enter a number of years from 1 to 50.');
      await app.fill('Years without contact', '3');
      await app.click('List inactive members');
      const listed = await app.find(/^Members not heard from for 3 years: \d+\.$/);
      const count = Number(listed.name.match(/: (\d+)\.$/)[1]);
      assert.ok(count >= 2, `the demo has ${count} inactive members: too few to keep one and erase the others`);
      const boxes = (await app.items()).filter((it) => /^Erase .+/.test(it.name) && !/ticked/.test(it.name));
      assert.ok(boxes.length > 0, 'no row of the list is on screen');
      const kept = boxes[0].name;
      await app.click(kept);
      await app.find(`Erase the ticked (${count - 1})…`);
      await app.screenshot('03-retention');
      await app.click(`Erase the ticked (${count - 1})…`);
      await app.find('Erase these people?');
      await app.click('Erase these people');
      await app.find(`People erased: ${count - 1}.`);
      await app.click('List inactive members');
      await app.find('Members not heard from for 3 years: 1.');
      await app.find(kept);
    }],
  ], async () => app.screenshot('failure'));

  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`erase member: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
