// Direct debits that really collect, in the browser: Settings refuses a
// creditor identifier with wrong check digits; top bar → SEPA collections
// refuses a date inside the bank's lead time, prepares a run over the demo's
// mandates (totals per sequence type), exports the pre-notification, and on
// confirmation downloads the pain.008, which xmllint checks against the ISO
// 20022 schema; the run is marked sent; the bank's status report (our own
// hand-written pain.002, naming Hélène Dupont's collection) is imported: her
// collection is rejected (AC04), her mandate revoked, the run counts one
// failure; the same file again changes nothing; a damaged file and another
// creditor's are refused. Accounting: the totals on screen are the journal
// CSV's (decimal point), and the cheque deposit slip of the year prints.
// Screenshots in build/native/e2e-artifacts/sepa_collections.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startServer, launchBrowser, AppPage, runSteps, assert, need } = require('./harness.cjs');

const BANK_FILES = path.join(__dirname, '..', 'unit', 'bank_files');

(async () => {
  const server = await startServer(['--demo', '--demo-members', '300']);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1400, height: 2000 }, acceptDownloads: true });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  fs.mkdirSync(app.artifacts, { recursive: true });
  const schema = path.join(need('OBOLE_ISO20022_DIR'), 'pain.008.001.02.xsd');
  let due = 0, e2eHelene = '';

  const download = async (button) => {
    const [file] = await Promise.all([page.waitForEvent('download'), app.click(button)]);
    const saved = path.join(app.artifacts, file.suggestedFilename());
    await file.saveAs(saved);
    return saved;
  };
  const importBankFile = async (file) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), app.click('Import a bank file')]);
    await chooser.setFiles(file);
    await app.frames(6);
  };
  // A table's columns settle on the frames after its content changes, and
  // the app draws only on input: wake it so the buttons are where they will stay.
  const settle = async () => {
    await page.mouse.move(3, 3);
    await page.mouse.move(4, 3);
    await app.appFrames(4);
  };
  const writeArtifact = (name, text) => {
    const file = path.join(app.artifacts, name);
    fs.writeFileSync(file, text);
    return file;
  };

  const steps = [
    ['Settings refuses a creditor identifier with wrong check digits, then saves the right one', async () => {
      await app.open(server.url);
      await app.click('Settings');
      await app.fill('Creditor identifier (ICS)', 'FR73ZZZ123456');
      await app.click('Save the direct debit settings');
      await app.find("This creditor identifier's check digits do not match: a character is mistyped.");
      await app.fill('Creditor identifier (ICS)', 'fr72 zzz 123456');
      await app.click('Save the direct debit settings');
      await app.find('Saved.');
    }],
    ['a collection date inside the lead time is refused', async () => {
      await app.click('SEPA collections');
      await app.find('Prepare the run');
      await app.fill('Collection date', new Date().toISOString().slice(0, 10));
      await app.click('Prepare the run');
      await app.find(/^(This date leaves the bank less than its lead time|Banks collect only on TARGET2 business days)/);
    }],
    ['the run lists the mandates due with totals per sequence type', async () => {
      const dates = await app.findAll(/^\d{4}-\d{2}-\d{2}$/);
      assert.ok(dates.length > 0, 'no collection date offered');
      await app.click(dates[0].name);
      const summary = await app.find(/^\d+ collections due on \d{4}-\d{2}-\d{2}, .* in all$/);
      due = Number(summary.name.match(/^(\d+)/)[1]);
      assert.ok(due > 3, `only ${due} mandates due`);
      // Nothing was ever collected in the demo: every collection is a first one.
      await app.find(new RegExp(`^FRST: ${due} collections, `));
      await app.screenshot('1-run-prepared');
    }],
    ['the pre-notification downloads as a CSV spreadsheets open', async () => {
      const csv = fs.readFileSync(await download('Pre-notification (CSV)'), 'utf8');
      assert.ok(csv.startsWith('\uFEFF"Member no.";"Name";'), csv.slice(0, 60));
      assert.equal(csv.trim().split('\r\n').length, due + 2, 'a line per collection, a heading and a total');
    }],
    ['confirming downloads a pain.008 that the ISO 20022 schema accepts', async () => {
      const file = await download('Confirm and download the bank file');
      assert.match(path.basename(file), /^pain008-\d{4}-\d{2}-\d{2}-[0-9A-F]{8}\.xml$/);
      execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
      const xml = fs.readFileSync(file, 'utf8');
      const txs = xml.split('<DrctDbtTxInf>').slice(1);
      assert.equal(txs.length, due);
      const helene = txs.find((t) => t.includes('<Nm>Helene Dupont</Nm>'));
      assert.ok(helene, 'Hélène Dupont is not in the file');
      e2eHelene = helene.match(/<EndToEndId>([0-9a-f]{32})<\/EndToEndId>/)[1];
      await app.find(`${due} collections submitted: give the file to the bank.`);
      await app.find('Submitted, not sent yet');
    }],
    ['the run is marked sent; it can no longer be cancelled', async () => {
      await settle();
      await app.click('Mark as sent');
      await app.find('Sent to the bank');
      assert.equal((await app.findAll(/^Cancel the run$/)).length, 0);
    }],
    ["the bank's status report rejects Hélène Dupont's collection: the run counts it", async () => {
      const report = fs.readFileSync(path.join(BANK_FILES, 'pain002_rejects.xml'), 'utf8')
        .replace('E2E_A<', `${e2eHelene}<`);
      const file = writeArtifact('status-report.xml', report);
      await importBankFile(file);
      await app.find('pain.002: 3 returns, 1 collections marked failed, 0 already known, 2 not ours; ' +
                     '1 mandates ended, 0 suspended.');
      await app.find(new RegExp(`^${due} \\(0 collected, 1 failed\\)$`));
      // Imported again: nothing changes.
      await importBankFile(file);
      await app.find('pain.002: 3 returns, 0 collections marked failed, 1 already known, 2 not ours; ' +
                     '0 mandates ended, 0 suspended.');
      await app.find(new RegExp(`^${due} \\(0 collected, 1 failed\\)$`));
      await app.screenshot('2-returns-imported');
    }],
    ["a damaged file and another creditor's are refused", async () => {
      await importBankFile(path.join(BANK_FILES, 'malformed.xml'));
      await app.find('This file is not well-formed XML: it may be damaged or not a bank file.');
      const other = fs.readFileSync(path.join(BANK_FILES, 'pain002_other_creditor.xml'), 'utf8')
        .replace('E2E_A<', `${e2eHelene}<`);
      await importBankFile(writeArtifact('other-creditor.xml', other));
      await app.find("This file is for another creditor (its identifier or account is not the association's): " +
                     'nothing was imported.');
      await app.find(new RegExp(`^${due} \\(0 collected, 1 failed\\)$`));
    }],
    ["Hélène Dupont's dossier shows the rejected collection and the revoked mandate", async () => {
      await app.click('Search');
      await app.fill('Find a member', 'helene dupont');
      await app.click('Hélène Dupont');
      await app.click('Financial');
      await app.click('Direct debits');
      await app.find(/^1 collections, .* collected, 1 rejected$/);
      await app.find(/^AC04 — Account closed · \d{4}-\d{2}-\d{2}$/);
      await app.find(/^OBOLE\w+ .* Revoked$/);
      await app.screenshot('3-dossier');
    }],
    ["the accountant's journal: the screen's totals are the CSV's; the cheque deposit slip prints", async () => {
      await app.click('Accounting');
      await app.fill('From', '2026-01-01');
      await app.click('Show the totals');
      const shown = await app.find(/^\d+ movements, .* in all$/);
      const movements = Number(shown.name.match(/^(\d+)/)[1]);
      assert.ok(movements > 0, 'no money moved in the demo this year');
      await app.click('Decimal comma');
      const csv = fs.readFileSync(await download('Export the journal (CSV)'), 'utf8');
      assert.ok(csv.startsWith('\uFEFF"date";"kind";'), csv.slice(0, 40));
      const rows = csv.trim().split('\r\n');
      assert.equal(rows.length, movements + 2, 'a line per movement, a heading and the total');
      const amount = (row) => Number(row.split(';')[5]);
      const sum = rows.slice(1, -1).reduce((t, r) => t + Math.round(amount(r) * 100), 0);
      assert.equal(Math.round(amount(rows[rows.length - 1]) * 100), sum, 'the total line is not the sum of the lines');
      const euros = (sum / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      assert.ok(shown.name.endsWith(`€${euros} in all`), `${shown.name} is not €${euros}`);
      await app.click('Cheque deposit slip for these dates');
      await app.find(/^\d+ cheques, .*, sent to print\.$/);
      const printed = await page.evaluate(() => window.oboleLastPrinted || '');
      assert.match(printed, /Cheque deposit slip/);
      // Each cheque's bank, as typed with it (the demo's are French banks).
      assert.match(printed, /<td>(Crédit Agricole|BNP Paribas|Société Générale|La Banque Postale|Crédit Mutuel|Caisse d'Épargne|LCL|CIC|Banque Populaire)<\/td>/);
      await app.screenshot('4-accounting');
    }],
    ['no errors in the page console', async () => {
      assert.deepEqual(app.consoleErrors, []);
    }],
  ];

  const ok = await runSteps('e2e.sepa_collections', steps, () => app.screenshot('failure'));
  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`e2e.sepa_collections: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
