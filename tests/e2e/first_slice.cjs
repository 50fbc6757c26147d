// The first slice, in a real browser against the real server: find a member by
// typing, open the dossier, refuse bad amounts, enter a gift, see it after a
// reload, sign up a member, switch the interface to French.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need } = require('./harness.cjs');

const GIFT_ROW = /^\d{4}-\d\d-\d\d /;

(async () => {
  const server = await startServer(['--demo', '--demo-members', '400']);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const app = new AppPage(await context.newPage(), need('OBOLE_ARTIFACTS'));
  const today = new Date().toISOString().slice(0, 10);
  let rowsBefore = 0;

  const ok = await runSteps('first slice', [
    ['the app starts on the search screen', async () => {
      await app.open(server.url);
      await app.find('Find a member');
      await app.screenshot('01-search');
    }],
    ['typing a name without accents finds the accented member', async () => {
      await app.fill('Find a member', 'helene dupont');
      await app.find(/^Hélène Dupont$/);
      await app.screenshot('02-results');
    }],
    ['her phone digits typed with spaces find her too', async () => {
      await app.fill('Find a member', '06 12 34 56');
      await app.find(/^Hélène Dupont$/);
    }],
    ['a Japanese member is found by email and her name renders', async () => {
      await app.fill('Find a member', 'taro.yamada');
      await app.find('山田 太郎');
      await app.screenshot('02b-japanese');
    }],
    ['the layout follows the window size', async () => {
      const wide = await app.find('Find a member');
      await app.page.setViewportSize({ width: 800, height: 600 });
      await app.page.waitForTimeout(200);
      const narrow = await app.find('Find a member');
      assert.ok(narrow.w < wide.w - 300, `search field ${wide.w}px wide, then ${narrow.w}px`);
      await app.page.setViewportSize({ width: 1280, height: 800 });
      await app.page.waitForTimeout(200);
      await app.fill('Find a member', 'helene dupont');
    }],
    ['a click opens the dossier with the gift form', async () => {
      await app.click('Hélène Dupont');
      await app.find('Amount');
      await app.find('Save gift');
      const title = await app.page.title();
      assert.match(title, /Hélène Dupont/);
      rowsBefore = (await app.findAll(GIFT_ROW)).length;
      await app.screenshot('03-dossier');
    }],
    ['a non-numeric amount is refused and nothing is saved', async () => {
      await app.fill('Amount', 'abc');
      await app.press('Enter');
      await app.find('The amount is not a number.');
      assert.equal((await app.findAll(GIFT_ROW)).length, rowsBefore);
      await app.screenshot('04-bad-amount');
    }],
    ['a zero amount is refused and nothing is saved', async () => {
      await app.fill('Amount', '0');
      await app.press('Enter');
      await app.find('The amount must be greater than zero.');
      assert.equal((await app.findAll(GIFT_ROW)).length, rowsBefore);
    }],
    ['an impossible date is refused and nothing is saved', async () => {
      await app.fill('Amount', '10');
      await app.fill('Date', '2025-02-30');
      await app.press('Enter');
      await app.find('This date does not exist.');
      assert.equal((await app.findAll(GIFT_ROW)).length, rowsBefore);
      await app.fill('Date', today);
    }],
    ['a gift saved with Enter shows in the list', async () => {
      await app.fill('Amount', '25');
      await app.press('Enter');
      const row = await app.find(new RegExp(`^${today} €25\\.00 Cash`));
      assert.ok(row);
      assert.equal((await app.findAll(GIFT_ROW)).length, rowsBefore + 1);
      await app.find('Saved on this device');
      await app.screenshot('05-gift-saved');
    }],
    ['the gift is still there after a reload', async () => {
      await app.open(server.url);
      await app.fill('Find a member', 'helene dupont');
      await app.click('Hélène Dupont');
      await app.find(new RegExp(`^${today} €25\\.00 Cash`));
      assert.equal((await app.findAll(GIFT_ROW)).length, rowsBefore + 1);
    }],
    ['a new member needs a last name, then opens in the dossier', async () => {
      await app.click('New member');
      await app.fill('First name', 'Zoe');
      await app.click('Create member');
      await app.find('A last name is required.');
      await app.screenshot('06-new-member-error');
      await app.fill('Last name', 'Testmember');
      await app.fill('Email', 'zoe.testmember@example.org');
      await app.click('Create member');
      await app.find('Amount');
      assert.match(await app.page.title(), /Zoe Testmember/);
      await app.click('Search');
      await app.fill('Find a member', 'testmem');
      await app.find('Zoe Testmember');
    }],
    ['French is chosen in settings and remembered', async () => {
      await app.click('Settings');
      await app.click('Language');
      await app.click('Français');
      await app.find('Rechercher');
      await app.screenshot('07-settings-fr');
      await app.open(server.url);
      await app.find('Rechercher');
      await app.find('Paramètres');
    }],
    ['no errors in the page console', async () => {
      assert.deepEqual(app.consoleErrors, []);
    }],
  ], () => app.screenshot('failure'));

  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`first slice: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
