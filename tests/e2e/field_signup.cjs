// Field mode on a phone, offline: a street fundraiser (the demo volunteer,
// enrolled) signs up a regular donor step by step at 360 x 740 with the
// network off. An invalid IBAN gets the precise message (where the typo
// is), is corrected; the donor signs on the pad with a finger (CDP touch
// events), then again with real mouse moves;
// each consent is answered; the summary is confirmed. "My day" shows the
// sign-up waiting; back online it syncs, and the server holds the member,
// the signed mandate, the four consents and the sign-up. Screenshots of
// each step at phone (360 x 740) and tablet (800 x 1280) sizes in
// build/native/e2e-artifacts/field_signup.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need, demoEnrolCodes, DEMO_PASSWORD,
        ServerLog } = require('./harness.cjs');

const PHONE = { width: 360, height: 740 };
const TABLET = { width: 800, height: 1280 };
// One letter mistyped (M -> N, the 22nd character): the message names it.
const BAD_IBAN = 'FR14 2004 1010 0505 0001 3N02 606';
const BAD_IBAN_MESSAGE = 'The check digits do not match: character 22 is probably mistyped.';
const GOOD_IBAN = 'FR14 2004 1010 0505 0001 3M02 606';

(async () => {
  const server = await startServer(['--demo', '--demo-members', '300']);
  const codes = demoEnrolCodes(server);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  const serverLog = new ServerLog(server, page);

  const visible = async (name) => (await app.items()).find((it) =>
    (name instanceof RegExp ? name.test(it.name) : it.name === name) && it.w > 0 && it.h > 0);
  // Scrolls the screen (mouse wheel over it) until the item is wholly inside
  // the screen's area (under the top bar, over the status line): a phone's
  // form is taller than the phone.
  async function reveal(name, { timeout = 20000 } = {}) {
    const deadline = Date.now() + timeout;
    let direction = 1, moved = 0;
    for (;;) {
      const items = await app.items();
      const screen = items.find((it) => /^Obole\/screen_[0-9A-F]+$/.test(it.name));
      const it = items.find((i) => (name instanceof RegExp ? name.test(i.name) : i.name === name) && i.w > 0 && i.h > 0);
      if (it && screen && it.y >= screen.y && it.y + it.h <= screen.y + screen.h) return it;
      if (Date.now() > deadline) throw new Error(`${name} never came into view`);
      const size = page.viewportSize();
      await page.mouse.move(size.width / 2, size.height / 2);
      // Towards the item when it shows in part, else down, then up.
      const dy = it && screen ? (it.y < screen.y ? -120 : 120) : direction * 150;
      await page.mouse.wheel(0, dy);
      await app.frames(4);
      if (!it && ++moved > 10) { direction = -direction; moved = 0; }
    }
  }
  async function tap(name) {
    const it = await reveal(name);
    await app.pressAt(it.x + it.w / 2, it.y + it.h / 2);
  }
  async function type(name, text) {
    await tap(name);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(text, { delay: 15 });
    await app.frames(2 * text.length + 6);
  }
  async function top() {
    await page.mouse.move(PHONE.width / 2, 300);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -400);
    await app.frames(6);
  }
  // The phone's view of the step, then the same step on a tablet.
  async function shots(name) {
    await top();
    await app.screenshot(`phone-${name}`);
    await page.setViewportSize(TABLET);
    await app.frames(8);
    await app.screenshot(`tablet-${name}`);
    await page.setViewportSize(PHONE);
    await app.frames(8);
  }
  // The Yes or No under a consent's wording.
  async function answer(wording, choice) {
    const text = await reveal(wording);
    const buttons = (await app.findAll(new RegExp(`^${choice}$`))).filter((b) => b.y > text.y && b.w > 0);
    buttons.sort((a, b) => a.y - b.y);
    assert.ok(buttons.length, `no ${choice} under "${wording}"`);
    const b = buttons[0];
    await app.pressAt(b.x + b.w / 2, b.y + b.h / 2);
  }

  const ok = await runSteps('field sign-up', [
    ['the phone enrols as the demo volunteer, then the network goes', async () => {
      assert.ok(codes.volunteer, `no enrol code in the server's output:\n${server.log.join('\n')}`);
      await app.open(server.url);
      await app.click('Sync');
      await type('Enrol code', codes.volunteer);
      await type('Operator login', 'volunteer');
      await type('Password', DEMO_PASSWORD);
      const before = await app.loadedAt();
      await tap('Enrol this device');
      await app.restarted(before); // on the volunteer's copy of the demo
      await app.click('Sync');
      await app.find('Enrolled as volunteer.', { timeout: 20000 });
      await app.find(/^Synced \d\d:\d\d$/, { timeout: 20000 });
      await context.setOffline(true);
      await app.find('Offline');
    }],
    ['field mode opens on the donor step, with buttons a finger can hit', async () => {
      await app.click('Field');
      await app.find('Step 1 of 6: Donor');
      for (const name of ['New sign-up', 'My day', 'Mme', 'First name', 'Next']) {
        const it = await reveal(name);
        assert.ok(it.h >= 44, `${name} is ${it.h} px high`);
      }
      const field = await reveal('Last name');
      assert.ok(field.w >= PHONE.width - 40, `Last name is ${field.w} px wide on a ${PHONE.width} px phone`);
      await shots('1-donor');
      // The form is taller than the phone: a finger drags it up from a label.
      assert.ok(!(await visible('City')), 'the whole donor step fits: nothing to drag');
      const title = await app.find('Step 1 of 6: Donor');
      const cdp = await context.newCDPSession(page);
      const x = PHONE.width / 2;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: title.y + 8 }] });
      await app.frames(2);
      for (let i = 1; i <= 10; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: title.y + 8 - i * 30 }] });
        await app.frames(1);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await app.frames(3);
      await app.find('City');
      assert.ok((await app.find('First name')).y < title.y, 'the form did not move up under the finger');
      await top();
    }],
    ['the donor is typed in; Next checks the step', async () => {
      await tap('Next');
      await app.find('A last name is required.');
      await tap('Mme');
      await type('First name', 'Lea');
      await type('Last name', 'Martinez');
      await type('Email', 'lea.martinez@example.org');
      await type('Mobile phone', '06 12 34 56 78');
      await type('Address', '3 rue des Lilas');
      await type('Postcode', '69003');
      await type('City', 'Lyon');
      await tap('Next');
      await app.find('Step 2 of 6: Gift');
    }],
    ['an amount that is not one is refused with its reason, which goes once it is corrected', async () => {
      // "1e9" used to lose its letter to a character filter and become €19.
      await type('Other amount', '1e9');
      await tap('Next');
      await app.find('The amount is not a number.');
      await app.find('Step 2 of 6: Gift');
      // Typed key by key it is valid at "12" (the message goes), and wrong again at the end: Next says so.
      await type('Other amount', '12,3,4');
      await tap('Next');
      await app.find('The amount is not a number.');
      await app.find('Step 2 of 6: Gift');
      await type('Other amount', '12,50');
      await app.gone('The amount is not a number.');
    }],
    ['a quick amount, monthly', async () => {
      await tap('€20.00');
      await tap('Monthly');
      await shots('2-gift');
      await tap('Next');
      await app.find('Step 3 of 6: Bank account');
    }],
    ['an invalid IBAN gets the precise message as it is typed, then is corrected', async () => {
      await type('IBAN', BAD_IBAN);
      const message = await app.find(BAD_IBAN_MESSAGE);
      await shots('3-bank-invalid-iban');
      await tap('Next');
      await app.find('Step 3 of 6: Bank account');
      await type('IBAN', GOOD_IBAN);
      await app.find(`Valid IBAN: ${GOOD_IBAN}`);
      await app.gone(message.name);
      await type('BIC', 'PSSTFRPPPAR');
      await reveal(/^Mandate reference \(RUM\): OBOLE[0-9A-Z]{26}$/);
      await shots('3-bank-valid');
      await tap('Next');
      await app.find('Step 4 of 6: Signature');
    }],
    ['no signature is refused; a finger (touch events) signs on the pad and the message goes', async () => {
      await tap('Next');
      await app.find('The donor has not signed yet: ask them to sign in the box.');
      const pad = await reveal('Signature pad');
      assert.ok(pad.h >= 150 && pad.w >= PHONE.width - 40, `the pad is ${pad.w} x ${pad.h}`);
      // A finger's stroke through Chromium's touch input, a point per frame.
      const cdp = await context.newCDPSession(page);
      const point = (i) => ({ x: pad.x + pad.w * (0.1 + i * 0.03), y: pad.y + pad.h * (0.5 + 0.2 * Math.cos(i / 2)) });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point(0)] });
      await app.frames(2);
      for (let i = 1; i <= 25; i++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point(i)] });
        await app.frames(1);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await app.frames(3);
      await app.gone('The donor has not signed yet: ask them to sign in the box.');
      await app.screenshot('phone-4-signature-touch');
      await tap('Next');
      await app.find('Step 5 of 6: Consents');
      await tap('Back');
      await app.find('Step 4 of 6: Signature');
    }],
    ['signed again with the mouse: pointer moves over the pad', async () => {
      await tap('Clear the signature');
      const pad = await reveal('Signature pad');
      // Two strokes: a wave, then an underline, each point on its own frame.
      const at = (fx, fy) => [pad.x + pad.w * fx, pad.y + pad.h * fy];
      await page.mouse.move(...at(0.1, 0.5));
      await app.frames(2);
      await page.mouse.down();
      for (let i = 0; i <= 40; i++) {
        await page.mouse.move(...at(0.1 + i * 0.02, 0.5 + 0.25 * Math.sin(i / 3)));
        await app.frames(1);
      }
      await page.mouse.up();
      await app.frames(2);
      await page.mouse.move(...at(0.2, 0.85));
      await app.frames(2);
      await page.mouse.down();
      for (let i = 0; i <= 10; i++) {
        await page.mouse.move(...at(0.2 + i * 0.05, 0.85));
        await app.frames(1);
      }
      await page.mouse.up();
      await app.frames(3);
      await shots('4-signature');
      await tap('Next');
      await app.find('Step 5 of 6: Consents');
    }],
    ['each consent is answered under its wording', async () => {
      await tap('Next');
      await app.find('Ask the donor about every channel and record yes or no.');
      await answer('I agree to receive news and appeals from the association by post.', 'Yes');
      await answer('I agree to receive news and appeals from the association by email.', 'Yes');
      await answer('I agree to be called by the association about its work and appeals.', 'No');
      await answer('I agree to receive text messages (SMS) from the association.', 'No');
      await shots('5-consents');
      await tap('Next');
      await app.find('Step 6 of 6: Summary');
    }],
    ['the summary reads back everything before the donor confirms', async () => {
      for (const line of ['Name: Mme Lea Martinez', 'Email: lea.martinez@example.org', 'Amount: €20.00',
                          'Frequency: Monthly', 'Account holder: Lea Martinez', `IBAN: ${GOOD_IBAN}`,
                          'BIC: PSSTFRPPPAR', 'Post: Yes', 'Email: Yes', 'Phone: No', 'SMS: No']) {
        await reveal(line);
      }
      await reveal(/^Mandate reference \(RUM\): OBOLE[0-9A-Z]{26}$/);
      await shots('6-summary');
      await tap('Confirm and sign up');
      await app.find(/^Lea Martinez is signed up \(mandate OBOLE[0-9A-Z]{26}\)\.$/);
    }],
    ["my day lists the sign-up, waiting while offline", async () => {
      await app.find('Lea Martinez');
      await app.find(/^\d\d:\d\d · €20\.00 · Monthly · Waiting to sync$/);
      await app.find(/^Sign-ups today: \d+ · €[\d,.]+ a month$/);
      await app.find(/^1 waiting to sync$/);
      await app.find('Saved on this device');
      await shots('7-my-day-waiting');
    }],
    ['back online, the sign-up syncs', async () => {
      await context.setOffline(false);
      await app.find(/^\d\d:\d\d · €20\.00 · Monthly · Synced$/, { timeout: 90000 });
      await app.find('All synced');
      await shots('8-my-day-synced');
    }],
    ['the server holds the member (locked), the signed mandate, four consents and the sign-up', async () => {
      const changes = await serverLog.changes();
      const member = changes.find((c) => c.table === 'member' && c.fields.last_name === 'Martinez');
      assert.ok(member, 'no member in the server log');
      assert.equal(member.fields.field_locked, 1);
      const mine = (table) => changes.filter((c) => c.table === table && c.fields.member_id === member.row);
      assert.equal(mine('address').length, 1, 'the address was refused or lost');
      assert.equal(mine('phone').length, 1);
      assert.equal(mine('email').length, 1);
      const mandates = mine('sepa_mandate');
      assert.equal(mandates.length, 1);
      assert.match(mandates[0].fields.signature_svg, /^<svg [^>]*viewBox="0 0 \d+ \d+"><path d="M\d+ \d+L/);
      assert.equal(mandates[0].fields.amount_cents, 2000);
      const consents = mine('consent');
      assert.deepEqual(consents.map((c) => `${c.fields.channel}=${c.fields.granted}`).sort(),
                       ['email=1', 'phone=0', 'post=1', 'sms=0']);
      assert.equal(mine('field_signup').length, 1);
    }],
    ['the dossier is the office\'s now: the volunteer reads it, cannot edit it', async () => {
      await tap('Lea Martinez');
      await app.find('Signed up in the street — only the office can change it');
      assert.ok(!(await visible('✎ Edit')), 'Edit is offered on a locked member');
      await app.screenshot('phone-9-dossier-locked');
    }],
    ['the dossier shows the consents with their wording and the mandate signed on the device', async () => {
      await page.setViewportSize(TABLET);
      await app.frames(8);
      await app.click('Synthesis');
      await app.click('Member');
      await app.find('I agree to receive text messages (SMS) from the association.');
      assert.ok(await visible('Save member details'), 'the Member tab is not drawn');
      await app.screenshot('tablet-10-dossier-consents');
      await app.click('Financial');
      await app.click('Direct debits');
      await app.find('Signed on the device by the donor:');
      await app.screenshot('tablet-11-dossier-signature');
    }],
    ['typing the same person again offers the existing member, who may give again', async () => {
      await page.setViewportSize(PHONE);
      await app.frames(8);
      await app.click('Field');
      await tap('New sign-up');
      await app.find('Step 1 of 6: Donor');
      await type('First name', 'Lea');
      await type('Last name', 'martinez');
      const hint = await reveal(/^No\. \d+ · Lea Martinez · 69003 Lyon$/);
      await tap(hint.name);
      await reveal(/^Lea Martinez is already a member \(No\. \d+\): this sign-up will be added to their record\.$/);
      await app.screenshot('phone-12-already-a-member');
      await tap('Not this person');
      await app.find(hint.name);
    }],
  ], () => app.screenshot('failure'));

  if (app.consoleErrors.length) console.log(`console errors:\n${app.consoleErrors.join('\n')}`);
  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
