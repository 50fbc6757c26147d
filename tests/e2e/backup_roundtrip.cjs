// Backups without a server: export the device's data to a file, wipe the
// site's data, import the file: the same data is back, byte for byte. A file
// that is not an Obole backup is refused with a reason and changes nothing.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { startServer, launchBrowser, AppPage, runSteps, assert, need } = require('./harness.cjs');

(async () => {
  const server = await startServer(['--demo', '--demo-members', '300']);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  fs.mkdirSync(app.artifacts, { recursive: true });
  const today = new Date().toISOString().slice(0, 10);
  const giftRow = new RegExp(`^${today} €77\\.70 Cash`);
  let exported = null;

  async function exportBackup(name) {
    await app.click('Settings');
    const [download] = await Promise.all([page.waitForEvent('download'), app.click('Export a backup')]);
    assert.equal(download.suggestedFilename(), `obole-backup-${today}.sqlite`);
    const file = path.join(app.artifacts, name);
    await download.saveAs(file);
    return file;
  }

  async function importFile(file) {
    await app.click('Settings');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.click('Import a backup…')]);
    await chooser.setFiles(file);
  }

  async function openHelene() {
    await app.click('Search');
    await app.fill('Find a member', 'helene dupont');
    await app.click('Hélène Dupont');
    await app.find('Amount');
  }

  const ok = await runSteps('backup round trip', [
    ['a gift is entered and saved on the device', async () => {
      await app.open(server.url);
      await openHelene();
      await app.fill('Amount', '77.70');
      await app.press('Enter');
      await app.find(giftRow);
      await app.find('Saved on this device');
    }],
    ['settings show the storage used and export a backup file', async () => {
      await app.click('Settings');
      await app.find(/^Storage used: .* available to Obole\.$/);
      exported = await exportBackup('export-1.sqlite');
      const head = fs.readFileSync(exported).subarray(0, 15).toString('latin1');
      assert.equal(head, 'SQLite format 3');
      await app.screenshot('01-settings-backup');
    }],
    ['after wiping the site data the gift is gone', async () => {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.clearDataForOrigin', { origin: new URL(server.url).origin, storageTypes: 'all' });
      await app.open(server.url);  // the server's copy, without the gift
      await openHelene();
      await page.waitForTimeout(300);
      assert.equal((await app.findAll(giftRow)).length, 0);
    }],
    ['a file that is not a backup is refused and changes nothing', async () => {
      const bogus = path.join(app.artifacts, 'not-a-backup.sqlite');
      fs.writeFileSync(bogus, 'member;amount\nDupont;10\n'.repeat(300));
      await importFile(bogus);
      await app.find('This file cannot be imported: This file is not a readable Obole database; it was left untouched.');
      await app.screenshot('02-import-refused');
    }],
    ['importing the backup brings the same data back', async () => {
      await importFile(exported);
      await app.find('Replace the data on this device?');
      await app.screenshot('03-import-confirm');
      // The app restarts on the backup once it is stored: the page loads again
      // (waiting for oboleReady alone could see the old page's, before it goes).
      const restarted = page.waitForEvent('load', { timeout: 60000 });
      await app.click('Replace the data on this device');
      await restarted;
      await page.waitForFunction(() => window.Module && window.Module.oboleReady, null, { timeout: 60000 });
      await app.find('Find a member', { timeout: 30000 });
      await openHelene();
      await app.find(giftRow);
      const again = await exportBackup('export-2.sqlite');
      assert.ok(fs.readFileSync(again).equals(fs.readFileSync(exported)), 'the re-exported data differs from the backup');
    }],
    ['no errors in the page console', async () => {
      assert.deepEqual(app.consoleErrors, []);
    }],
  ], () => app.screenshot('failure'));

  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`backup round trip: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
