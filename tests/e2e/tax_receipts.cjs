// Tax receipts in the browser: nothing is issued until the association's
// identity is complete in Settings (a wrong SIREN is refused); a receipt of
// the parish printed again as a duplicate (the page handed to the browser's
// print is read back: Cerfa 11580 with the association's status, number and
// signatory) and saved as a file for an email; a new annual receipt issued,
// which waits for its number from the server; the parish made a company,
// whose receipt needs its SIREN. Screenshots in
// build/native/e2e-artifacts/tax_receipts.
'use strict';

const fs = require('fs');
const { startServer, launchBrowser, AppPage, runSteps, assert, need, saveAssociation } = require('./harness.cjs');

(async () => {
  const server = await startServer(['--demo', '--demo-members', '400']);
  const browser = await launchBrowser();
  // Tall enough for the member editor's markers under its identity, address and contacts.
  const context = await browser.newContext({ viewport: { width: 1280, height: 1500 } });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  const printed = () => page.evaluate(() => window.oboleLastPrinted || '');
  // The member editor scrolls inside its window: wheels it (down: 1, up: -1)
  // until `name` is drawn, and returns its name to click.
  const editorShows = async (name, direction) => {
    const anchor = await app.find('Edit member');
    await page.mouse.move(anchor.x + 40, anchor.y + 200);
    for (let i = 0; i < 12; i++) {
      if ((await app.items()).some((it) => it.name === name && it.h > 0)) return name;
      await page.mouse.wheel(0, direction * 200);
      await app.frames(4);
    }
    throw new Error(`${name} never showed in the member editor`);
  };

  const steps = [
    ['with no identity in Settings, the parish\'s receipts tab says what is missing and issues nothing', async () => {
      await app.open(server.url);
      await app.fill('Find a member', 'saint-roch');
      await app.click('Paroisse Saint-Roch');
      await app.click('Financial');
      await app.click('Tax receipts');
      await app.find("Enter the association's name in Settings before issuing receipts.");
      assert.equal((await app.findAll(/^Issue annual receipt for/)).length, 0, 'a receipt can be issued');
    }],
    ["a wrong SIREN is refused; the association's whole identity is saved", async () => {
      await app.click('Settings');
      await app.click("Save the association's identity");
      await app.find("Enter the association's name.");
      await app.fill("Association's name", "Les Amis d'Obole");
      await app.fill('SIREN or RNA number', '123456789');
      await app.click("Save the association's identity");
      await app.find('This is not a SIREN (9 digits) or an RNA number (W and 9 digits): check it on the ' +
                     "association's registration papers.");
      await saveAssociation(app);
      await app.screenshot('1-settings');
    }],
    ["the parish's receipts are listed", async () => {
      await app.click('Search');
      await app.fill('Find a member', 'saint-roch');
      await app.click('Paroisse Saint-Roch');
      await app.click('Financial');
      await app.click('Gifts');
      await app.find(/^2000 gifts, /, { timeout: 20000 });
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
      for (const part of ['Cerfa n° 11580', 'N° SIREN ou RNA : W691234567', "Œuvre ou organisme d'intérêt général",
                          'Jeanne Martin, présidente', 'Nature du don : numéraire'])
        assert(html.includes(part), `the page lacks "${part}"`);
      const frame = await page.$('#obole-print-frame');
      assert(frame, 'the page went to a print frame');
    }],
    ['a receipt saved as a file for an email is the same page', async () => {
      const download = page.waitForEvent('download', { timeout: 20000 });
      await app.click('File for email');
      const file = await download;
      assert(/^recu-fiscal-20\d\d-\d+\.html$/.test(file.suggestedFilename()), file.suggestedFilename());
      const html = fs.readFileSync(await file.path(), 'utf8');
      assert(html.includes('Cerfa n° 11580') && /Reçu n° 20\d\d-\d+/.test(html), 'the file is not the receipt');
      await app.find('Receipt saved as a file to attach to an email.');
    }],
    ['a new annual receipt waits for its number from the server', async () => {
      const issue = await app.find(/^Issue annual receipt for \d{4}$/);
      await app.click(issue.name);
      await app.find('Receipt issued; it will be numbered at the next sync.');
      await app.find('awaiting number');
      await app.screenshot('3-issued');
    }],
    ['the parish made a company: its receipt needs its SIREN, then is issued', async () => {
      await app.click('Gifts');
      await app.fill('Amount', '250');
      await app.click('Save gift');
      await app.click('✎ Edit');
      await app.click('A company or organisation');
      await app.click(await editorShows('Save markers', 1));
      await app.click(await editorShows('Close', -1));
      await app.find('A company (SIREN not given)');
      await app.click('Tax receipts');
      await app.click('Issue receipt for this gift');
      await app.find("A company's receipt names its SIREN: enter it in the member's markers first.");
      await app.click('✎ Edit');
      await editorShows('Save markers', 1);
      await app.fill('SIREN', '732 829 320');
      await app.click('Save markers');
      await app.click(await editorShows('Close', -1));
      await app.find('A company (SIREN 732829320)');
      await app.click('Issue receipt for this gift');
      await app.find('Receipt issued; it will be numbered at the next sync.');
      await app.screenshot('4-company');
    }],
  ];

  const ok = await runSteps('tax receipts', steps, () => app.screenshot('failure'));
  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
