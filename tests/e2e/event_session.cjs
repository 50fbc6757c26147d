// A volunteer's event session, offline, driven by the keyboard as at a
// stand: the device is enrolled as a volunteer, the network goes, a session
// is opened; a sign-up shows the likely duplicate (accents and case aside)
// and the existing member is picked instead; a new person is signed up;
// 20 gifts are typed into the batch grid without the mouse (cash, cheques
// with numbers, card terminal references); the cash box count is entered
// with a mistake, the mismatch is shown, the count is fixed and the batch
// closed. Back online, the server has the 20 gifts exactly once, in their
// batch. Screenshots at desktop, tablet and phone sizes in
// build/native/e2e-artifacts/event_session; the keystrokes and time per gift
// are printed.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need, demoEnrolCodes, enrolLimited,
        ServerLog } = require('./harness.cjs');

(async () => {
  const server = await startServer(['--demo', '--demo-members', '400']);
  const codes = demoEnrolCodes(server);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  const serverLog = new ServerLog(server, page);

  // The keyboard as a fast typist uses it; each key is counted. ImGui takes
  // one key transition per frame, so each key gets its frames.
  let keystrokes = 0;
  const key = async (k) => { keystrokes++; await page.keyboard.press(k); await app.frames(3); };
  const type = async (text) => {
    for (const ch of text) { keystrokes++; await page.keyboard.type(ch); await app.frames(2); }
  };

  // The 20 gifts: [member number, amount, method digit, reference].
  const gifts = [];
  for (let i = 0; i < 20; i++) {
    const method = i % 5 === 3 ? '2' : i % 5 === 4 ? '3' : '1';
    const reference = method === '2' ? `${700100 + i}` : method === '3' ? `T${40 + i}` : '';
    gifts.push([String(101 + i), String(5 + i * 5), method, reference]);
  }
  const cents = (list) => list.reduce((s, g) => s + Number(g[1]) * 100, 0);
  // As the English interface writes money: "€1,050.00".
  const euros = (c) => `€${(c / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  const byMethod = (digit) => gifts.filter((g) => g[2] === digit);
  let perGift = [];

  const ok = await runSteps('event session', [
    ['the device enrols as a volunteer and syncs', async () => {
      assert.ok(codes.volunteer, 'no enrol code for the demo volunteer');
      await app.open(server.url);
      await enrolLimited(app, codes.volunteer, 'volunteer');
      await app.find('Enrolled as volunteer.', { timeout: 20000 });
      await app.find(/^Synced \d\d:\d\d$/, { timeout: 20000 });
    }],
    ['offline, a session is opened for an event', async () => {
      await context.setOffline(true);
      await app.find('Offline');
      await app.click('Event');
      await app.find('Session name');
      await app.screenshot('01-open-session');
      await app.fill('Session name', 'Stand 1');
      await app.click('Open session');
      await app.find(/^Stand 1/);
      await app.find('Find a person');
    }],
    ['a sign-up shows the member already known, who is picked instead', async () => {
      await app.fill('Find a person', 'dupont');
      await app.click('Sign up a new person');
      await app.find('Last name');
      // Typed without accents: the hint still finds Hélène.
      await app.fill('First name', 'Helene');
      const hint = await app.find(/^Hélène Dupont .*\(same name/);
      await app.screenshot('02-duplicate-hint');
      await app.click(hint.name);
      await app.find(/^Hélène Dupont {2}· /);
    }],
    ['names in any script are typed with real key events and an input method', async () => {
      await app.click('Next person (Esc)');
      // Cyrillic through the keyboard: the find box gets it whole.
      await app.fill('Find a person', 'Иванов');
      await app.find(/^[А-Яа-яЁё ]*Иванов {2}· {2}\d+/);
      // Japanese through an input method: kana composed, then committed as kanji.
      await app.fill('Find a person', '');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.imeSetComposition', { text: 'たなか', selectionStart: 3, selectionEnd: 3 });
      await app.frames(3);
      await cdp.send('Input.insertText', { text: '田中' });
      await app.frames(6);
      await app.find(/^田中 .* {2}· {2}\d+/);
      await app.screenshot('02a-japanese-by-ime');
      await app.fill('Find a person', '');
    }],
    ['a new person, accents and all, is signed up and is at the stand', async () => {
      await app.fill('Find a person', 'Testeur');
      await app.click('Sign up a new person');
      await app.fill('First name', 'Zoé');
      await app.fill('Email', 'zoe.testeur@example.org');
      await app.fill('Postcode', '75011');
      await app.click('Sign up');
      await app.find(/^Zoé Testeur {2}· {2}\d+/);
      await app.find('Not a member  ·  Not registered');
    }],
    ['two keystrokes make her a member; one checks her in as a walk-in', async () => {
      await app.frames(5);  // the amount field has the keyboard
      const k0 = keystrokes;
      await type('m');
      await app.find(/^Membership at €30\.00 paid in cash/);
      await key('Enter');
      assert.equal(keystrokes - k0, 2);
      await app.find('Membership recorded.');
      await app.find(/^Member · \d{4}-\d\d-\d\d {2}· {2}Not registered$/);
      await type('c');
      await app.find('Checked in.');
      await app.find(/^Member · .* {2}· {2}Checked in$/);
      await app.screenshot('02b-member-and-walk-in');
    }],
    ['her petition signature keeps the wording read to her', async () => {
      await app.click('Session');
      await app.fill('Petition', 'Protect the river');
      await app.fill('Consent wording shown to signers', 'I agree that my name is sent to the mayor.');
      await app.click('Gifts');
      await app.click('Petition (P)');
      await app.find('Petition: Protect the river');
      await app.find('I agree that my name is sent to the mayor.');
      await app.click('Confirm (Enter)');
      await app.find('Signature recorded.');
    }],
    ['the check-in list shows her as a walk-in; a registered guest is marked present', async () => {
      await app.click('Check-in');
      await app.find(/^Zoé Testeur {2}· {2}\d+ {2}· {2}walk-in$/);
      const counts = await app.find(/^\d+ present of \d+ registered, 1 walk-ins$/);
      const present = Number(counts.name.match(/^(\d+)/)[1]);
      const absent = (await app.items()).find((it) => / {2}· {2}\d+$/.test(it.name) && it.w > 0 &&
                                                    !it.name.startsWith('Zoé'));
      assert.ok(absent, 'no registered person to check in');
      await app.click(absent.name);
      await app.find(new RegExp(`^${present + 1} present of \\d+ registered, 1 walk-ins$`));
      await app.screenshot('02c-check-in');
      await app.click('Gifts');
      await app.click('Next person (Esc)');
    }],
    ['20 gifts typed with the keyboard alone, the running total follows', async () => {
      await app.find('Find a person');
      await app.frames(5);
      for (const [number, amount, method, reference] of gifts) {
        const t0 = Date.now(), k0 = keystrokes;
        await type(number);
        await key('Enter');
        await type(amount);
        if (method !== '1') {
          await key('Tab');
          await type(method);
          await key('Tab');
          await type(reference);
        }
        await key('Enter');
        perGift.push({ method, keys: keystrokes - k0, ms: Date.now() - t0 });
      }
      await app.find(exactly(`20 gifts · total ${euros(cents(gifts))}`), { timeout: 10000 });
      await app.find('Saved on this device');
      await app.screenshot('03-grid-20-gifts');
    }],
    ['the cash box count with a mistake is refused and shown per method', async () => {
      await app.click('Close the cash box');
      const fill = async (method, list, extraCents = 0) => {
        await app.fill(`${method} count`, String(list.length));
        await app.fill(`${method} amount`, ((cents(list) + extraCents) / 100).toFixed(2));
      };
      await fill('Cash', byMethod('1'), 500); // 5 € too many in the box
      await fill('Cheque', byMethod('2'));
      await fill('Card', byMethod('3'));
      await app.click('Check the count');
      await app.find('The count does not match the lines:');
      await app.find(`${byMethod('1').length} · ${euros(cents(byMethod('1')) + 500)}`);
      await app.screenshot('04-mismatch');
      // Closing anyway needs a reason.
      await app.click('Close anyway and post the gifts');
      await app.find('The gifts entered do not match the cash box: correct them, or say why you close it anyway.');
    }],
    ['the count is fixed, the batch closes and is locked', async () => {
      await app.fill('Cash amount', (cents(byMethod('1')) / 100).toFixed(2));
      await app.click('Check the count');
      await app.find('The count matches the lines.');
      await app.click('Close the batch and post the gifts');
      await app.find('This batch is closed: its gifts are posted and it can no longer change.');
      await app.screenshot('05-closed');
      await app.click('Gifts');
      await app.gone('Find a person');
      assert.equal((await app.findAll(/^Edit$/)).length, 0, 'a closed batch offers no correction');
    }],
    ['tablet and phone sizes', async () => {
      await app.click('Leave session');
      await app.click('Open session');
      await app.find('Find a person');
      await app.fill('Find a person', '105');
      await app.press('Enter');
      await app.find('Amount');
      for (const [name, width, height] of [['tablet', 800, 1280], ['phone', 360, 740]]) {
        await page.setViewportSize({ width, height });
        await app.frames(10);
        await app.find('Amount');
        await app.screenshot(`06-${name}`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await app.frames(10);
    }],
    ['back online, the server has the 20 gifts exactly once, in the closed batch', async () => {
      await context.setOffline(false);
      await app.find('Online', { timeout: 20000 });
      const deadline = Date.now() + 60000;
      for (;;) {
        // "Sync now" is not offered while a round runs.
        if ((await app.items()).some((it) => it.name === 'Sync now')) await app.click('Sync now');
        await app.frames(30);
        if ((await app.items()).some((it) => it.name === 'No change waiting')) break;
        if (Date.now() > deadline) throw new Error('the changes did not reach the server');
        await page.waitForTimeout(1000);
      }
      const log = await serverLog.changes();
      const batch = log.find((c) => c.table === 'gift_batch' && c.fields.name === 'Stand 1');
      assert.ok(batch, 'the batch is not at the server');
      const closed = log.filter((c) => c.table === 'gift_batch' && c.row === batch.row && c.fields.status === 'closed');
      assert.equal(closed.length, 1, 'the batch was not closed at the server');
      const posted = log.filter((c) => c.table === 'gift' && c.op === 'insert' && c.fields.batch_id === batch.row);
      assert.equal(posted.length, 20);
      assert.equal(posted.reduce((s, c) => s + c.fields.amount_cents, 0), cents(gifts));
      assert.equal(new Set(posted.map((c) => c.row)).size, 20);
      const cheques = posted.filter((c) => c.fields.payment_method === 'cheque').map((c) => c.fields.cheque_number);
      assert.deepEqual(cheques.sort(), byMethod('2').map((g) => g[3]).sort());
    }],
  ], () => app.screenshot('failure'));

  if (perGift.length) {
    for (const digit of ['1', '2', '3']) {
      const rows = perGift.filter((g) => g.method === digit);
      if (!rows.length) continue;
      const keys = rows.reduce((s, g) => s + g.keys, 0) / rows.length;
      const ms = rows.map((g) => g.ms).sort((x, y) => x - y)[Math.floor(rows.length / 2)];
      console.log(`one ${{ 1: 'cash', 2: 'cheque', 3: 'card' }[digit]} gift: ${keys.toFixed(1)} keystrokes, median ${ms} ms (scripted typist)`);
    }
  }
  if (app.consoleErrors.length) console.log(`console errors: ${app.consoleErrors.join('\n')}`);
  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
