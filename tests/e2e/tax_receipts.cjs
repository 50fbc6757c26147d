// Tax receipts in the browser: the association's identity set in Settings,
// a receipt of the parish printed again as a duplicate (the page handed to
// the browser's print is read back), a new annual receipt issued, which
// waits for its number from the server. Screenshots in
// build/native/e2e-artifacts/tax_receipts.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need } = require('./harness.cjs');

(async () => {
  const server = await startServer(['--demo', '--demo-members', '400']);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  const printed = () => page.evaluate(() => window.oboleLastPrinted || '');

  const steps = [
    ["the association's identity is saved in Settings", async () => {
      await app.open(server.url);
      await app.click('Settings');
      await app.click("Save the association's identity");
      await app.find("Enter the association's name.");
      await app.fill("Association's name", "Les Amis d'Obole");
      await app.fill('Place of signature', 'Lyon');
      await app.click("Save the association's identity");
      await app.find('Saved.');
      await app.screenshot('1-settings');
    }],
    ["the parish's receipts are listed", async () => {
      await app.click('Search');
      await app.fill('Find a member', 'saint-roch');
      await app.click('Paroisse Saint-Roch');
      await app.find(/^2000 gifts, /, { timeout: 20000 });
      await app.click('Financial');
      await app.click('Tax receipts');
      await app.find('Print duplicate');
      await app.find(/^Issue annual receipt for \d{4}$/);
      await app.screenshot('2-tax-receipts');
    }],
    ['a receipt printed again is a duplicate, with its number and its amount in words', async () => {
      await app.click('Print duplicate');
      await app.find('Duplicate sent to the printer.');
      const html = await printed();
      assert(html.includes('DUPLICATA'), 'the page is marked DUPLICATA');
      assert(/Reçu n° 20\d\d-\d+/.test(html), 'the page carries the receipt number');
      assert(/ euros( et [a-z -]+ centimes?)?<\/strong>/.test(html), 'the amount is written in words');
      assert(html.includes("Les Amis d&#39;Obole") && html.includes('Fait à Lyon'), 'the association is named');
      const frame = await page.$('#obole-print-frame');
      assert(frame, 'the page went to a print frame');
    }],
    ['a new annual receipt waits for its number from the server', async () => {
      const issue = await app.find(/^Issue annual receipt for \d{4}$/);
      await app.click(issue.name);
      await app.find('Receipt issued; it will be numbered at the next sync.');
      await app.find('awaiting number');
      await app.screenshot('3-issued');
    }],
  ];

  const ok = await runSteps('tax receipts', steps, () => app.screenshot('failure'));
  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
