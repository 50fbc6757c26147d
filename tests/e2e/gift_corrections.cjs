// A treasurer corrects gifts in the dossier: a click on a gift opens it with
// its history; an amendment, a refund and a move each need a reason, change
// what the dossier counts and leave the gift as entered in the history; a
// refund larger than what remains is refused with its reason and changes
// nothing. A gift on a tax receipt already issued, voided, cancels that
// receipt (printed marked ANNULÉ) and a corrective receipt replaces it,
// numbered by the server at the next sync and printed naming the receipt it
// replaces. Screenshots of each state go to build/native/e2e-artifacts/gift_corrections.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need, demoEnrolCodes, enrol, saveAssociation } =
  require('./harness.cjs');

// "12 gifts, €1,234.50 in all" -> [12, 123450]
function summary(name) {
  const m = /^(\d+) gifts, €([\d,]+)\.(\d\d) in all$/.exec(name);
  assert.ok(m, `not a gifts summary: ${name}`);
  return [Number(m[1]), Number(m[2].replace(/,/g, '')) * 100 + Number(m[3])];
}

(async () => {
  const server = await startServer(['--demo', '--demo-members', '300']);
  const browser = await launchBrowser();
  // Tall enough for the dossier's top, the list and the whole panel at once.
  const context = await browser.newContext({ viewport: { width: 1280, height: 1700 } });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  const codes = demoEnrolCodes(server);
  const printed = () => page.evaluate(() => window.oboleLastPrinted || '');
  // The button of the receipts table's row that holds `item`.
  const printButtonBy = async (item) => {
    const buttons = await app.findAll(/^Print( duplicate)?$/);
    assert.ok(buttons.length, 'no Print button');
    return buttons.sort((a, b) => Math.abs(a.y - item.y) - Math.abs(b.y - item.y))[0];
  };
  let before;  // [count, cents] of the parish before any correction
  let row;     // the gift corrected, as the list names it
  let opened;  // the panel's line naming it
  let year;    // of Hélène Dupont's receipt

  const gifts = async () => summary((await app.find(/^\d+ gifts, .* in all$/)).name);
  // The newest gift: the list's first row ("2026-11-30 €12.00 Cheque AP2026").
  const firstRow = async () => {
    const rows = (await app.findAll(/^\d{4}-\d\d-\d\d €/)).filter((r) => r.h > 0).sort((a, b) => a.y - b.y);
    assert.ok(rows.length, 'no gift rows');
    return rows[0];
  };

  const ok = await runSteps('gift corrections', [
    ['the office\'s device enrols as the demo administrator', async () => {
      await app.open(server.url);
      await enrol(app, codes.admin, 'admin');
      await app.find('Enrolled as admin.', { timeout: 20000 });
      await app.find(/^Synced \d\d:\d\d$/, { timeout: 30000 });
      await saveAssociation(app);
      await app.click('Search');
    }],
    ['the parish\'s gifts are listed; a click opens the newest with no correction yet', async () => {
      await app.fill('Find a member', 'saint-roch');
      await app.click('Paroisse Saint-Roch');
      before = await gifts();
      row = await firstRow();
      await app.click(row.name);
      opened = (await app.find(/^Gift of €[\d,.]+, dated \d{4}-\d\d-\d\d, entered by /)).name;
      await app.find('Amend');
      await app.screenshot('1-selected');
    }],
    ['an amendment needs a reason, then counts', async () => {
      await app.fill('Corrected amount', '1234,50');
      await app.click('Save the amendment');
      await app.find('Say why the gift is corrected: the history keeps it.');
      await app.fill('Reason for the correction', 'Cheque misread');
      await app.gone('Say why the gift is corrected: the history keeps it.'); // it goes as the field is corrected
      await app.click('Save the amendment');
      await app.find(/^• Amend: €1,234\.50, .* — Cheque misread \(/);
      await app.find(/^Counts now for €1,234\.50\.$/);
      const [n, cents] = await gifts();
      assert.equal(n, before[0]);
      const old = Number(/€([\d,]+)\.(\d\d)/.exec(row.name).slice(1).join('').replace(/,/g, ''));
      assert.equal(cents, before[1] - old + 123450, 'the total does not follow the amendment');
      await app.screenshot('2-amended');
    }],
    ['a refund larger than what remains is refused; a smaller one is recorded', async () => {
      await app.click('Refund');
      await app.fill('Amount refunded', '2000');
      await app.fill('Reason for the correction', 'Asked back');
      await app.click('Record the refund');
      await app.find('A refund cannot be more than what remains of the gift.');
      await app.fill('Amount refunded', '234,50');
      await app.gone('A refund cannot be more than what remains of the gift.');
      await app.click('Record the refund');
      await app.find(/^• Refund: €234\.50, .* — Asked back \(/);
      await app.find(/^Counts now for €1,000\.00\.$/);
      await app.screenshot('3-refunded');
    }],
    ['the gift moves to Hélène Dupont and leaves the parish\'s dossier', async () => {
      await app.click('Move to another member');
      await app.fill('Move to', 'Hélène Dupont');
      await app.click(/^Hélène Dupont — /);
      await app.find('To: Hélène Dupont');
      await app.fill('Reason for the correction', 'Her own cheque');
      await app.screenshot('4-move');
      await app.click('Move the gift');
      await app.gone(opened);
      const [n] = await gifts();
      assert.equal(n, before[0] - 1, 'the moved gift is still listed');
      await app.screenshot('5-moved');
    }],
    ['Hélène Dupont\'s receipt for the year is issued and numbered by the server', async () => {
      await app.click('Search');
      await app.fill('Find a member', 'helene dupont');
      await app.click('Hélène Dupont');
      await app.click('Financial');
      await app.click('Tax receipts');
      const issue = await app.find(/^Issue annual receipt for \d{4}$/);
      year = /\d{4}$/.exec(issue.name)[0];
      await app.click(issue.name);
      await app.find('Receipt issued; it will be numbered at the next sync.');
      await app.gone('awaiting number', { timeout: 30000 });
    }],
    ['voiding a gift of an issued receipt cancels the receipt and issues a corrective one', async () => {
      await app.click('Gifts');
      const rows = (await app.findAll(new RegExp(`^${year}-\\d\\d-\\d\\d €[\\d,.]+ `)))
        .filter((r) => r.h > 0 && !r.name.includes('corrected')).sort((a, b) => a.y - b.y);
      assert.ok(rows.length, `Hélène has no uncorrected gift of ${year}`);
      await app.click(rows[0].name);
      await app.click('Void');
      await app.fill('Reason for the correction', 'Cheque bounced');
      await app.click('Void this gift');
      await app.find(/^• Void: .* — Cheque bounced \(/);
      await app.click('Tax receipts');
      await app.find(/^Cancelled on \d{4}-\d\d-\d\d: Cheque bounced$/);
      // The corrective goes out with the next round; the server numbers it.
      await app.find(new RegExp(`^Issued; replaces no\\. ${year}-\\d+$`));
      await app.gone('awaiting number', { timeout: 30000 });
      await app.screenshot('6-receipts-after-void');
    }],
    ['the cancelled receipt prints marked ANNULÉ, the corrective naming the one it replaces', async () => {
      const cancelled = await app.find(/^Cancelled on /);
      const replaced = /; replaces no\. (\d{4}-\d+)$/.exec((await app.find(/; replaces no\./)).name)[1];
      const old = await printButtonBy(cancelled);
      await app.pressAt(old.x + old.w / 2, old.y + old.h / 2);
      await app.find(/^(Duplicate|Receipt) sent to the printer\.$/);
      let html = await printed();
      assert.ok(html.includes('ANNULÉ') && html.includes('Cheque bounced'), 'the cancelled receipt is not marked so');
      assert.ok(html.includes(`Reçu n° ${replaced}`), `the cancelled page is not receipt ${replaced}`);
      const corrective = await printButtonBy(await app.find(/; replaces no\./));
      await app.pressAt(corrective.x + corrective.w / 2, corrective.y + corrective.h / 2);
      await app.find('Receipt sent to the printer.');
      html = await printed();
      assert.ok(html.includes(`il annule et remplace le reçu n° ${replaced}`), 'the corrective does not name it');
      assert.ok(!html.includes('ANNULÉ'), 'the corrective is marked cancelled');
      await app.screenshot('7-printed');
    }],
  ], () => app.screenshot('failure'));
  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
