// The accessibility overlay (web/a11y_overlay.js), as a screen reader meets
// it: on each main screen the ARIA elements over the canvas carry the expected
// roles, names and states; DOM focus follows ImGui's keyboard focus; a gift is
// entered through the overlay alone (elements activated the way a screen
// reader does, by a click dispatched to the element, and typing); axe-core
// finds no critical or serious violation in it; and the canvas shows exactly
// the same pixels with or without the overlay, which leaves the pointer to it.
'use strict';

const fs = require('node:fs');
const { startServer, launchBrowser, AppPage, runSteps, assert, need } = require('./harness.cjs');

(async () => {
  const server = await startServer(['--demo', '--demo-members', '400']);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const app = new AppPage(await context.newPage(), need('OBOLE_ARTIFACTS'));
  const page = app.page;
  const today = new Date().toISOString().slice(0, 10);
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const axeReport = {};  // screen -> violations by impact

  // axe-core run on the overlay; fails on any critical or serious violation.
  async function axeScan(screen) {
    // Evaluated by the test's driver: an inline <script> tag would be refused by the
    // server's Content-Security-Policy, as any inline script is.
    if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
    const { violations, passed } = await page.evaluate(async () => {
      const r = await window.axe.run(document.getElementById('obole-a11y'));
      return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
                                                      sample: v.nodes[0] && v.nodes[0].html })),
               passed: r.passes.map((p) => `${p.id}:${p.nodes.length}`) };
    });
    const byImpact = {};
    for (const v of violations) byImpact[v.impact] = (byImpact[v.impact] || 0) + v.nodes;
    axeReport[screen] = byImpact;
    console.log(`axe on ${screen}: ${JSON.stringify(byImpact)} ${JSON.stringify(violations)}; passed ${passed.join(' ')}`);
    // The scan did look at the overlay's elements.
    assert.ok(passed.some((p) => p.startsWith('aria-allowed-attr:')), 'axe checked no ARIA attribute');
    const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
    assert.deepEqual(bad, [], `axe found on ${screen}: ${JSON.stringify(bad)}`);
  }

  // The overlay element DOM focus is on, and the item ImGui's keyboard focus is on.
  async function focusPair() {
    return page.evaluate(() => {
      const d = JSON.parse(Module.UTF8ToString(Module._obole_a11y_json()));
      const el = document.activeElement;
      return { nav: d.nav, keyboard: d.keyboard, focused: el && el.dataset ? Number(el.dataset.id || 0) : 0,
               name: el && el.getAttribute('aria-label'), role: el && el.getAttribute('role') };
    });
  }

  // Presses Tab until ImGui's keyboard focus has been on each named item
  // (a text field Tab lands on is edited: Tab leaves it again).
  async function tabReaches(names, { key = 'Tab', max = 40 } = {}) {
    const left = new Set(names);
    const seen = [];
    for (let i = 0; i < max && left.size > 0; ++i) {
      await page.keyboard.press(key);
      await app.frames(2);
      const name = await page.evaluate(() => {
        const d = JSON.parse(Module.UTF8ToString(Module._obole_a11y_json()));
        const it = d.items.find((x) => x.id === d.nav);
        return it ? it.name : '';
      });
      seen.push(name);
      left.delete(name);
    }
    assert.deepEqual([...left], [], `Tab never reached ${[...left]}; it went through ${JSON.stringify(seen)}`);
  }

  async function expectRoles(list) {
    for (const [role, name] of list) await app.role(role, name).waitFor({ state: 'attached', timeout: 10000 });
  }

  const ok = await runSteps('a11y overlay', [
    ['the search screen is a main landmark named Search, with the screens in a navigation', async () => {
      await app.open(server.url);
      await app.role('textbox', 'Find a member').waitFor({ state: 'attached', timeout: 20000 });
      const main = page.getByRole('main', { name: 'Search' });
      assert.equal(await main.count(), 1);
      const nav = page.getByRole('navigation', { name: 'Screens' });
      assert.equal(await page.locator('#obole-a11y').getAttribute('lang'), 'en');
      for (const name of ['Search', 'New member', 'Event', 'Field', 'Sync', 'Settings'])
        assert.equal(await nav.getByRole('button', { name, exact: true }).count(), 1, `no ${name} in the navigation`);
      assert.equal(await nav.getByRole('button', { name: 'Search', exact: true }).getAttribute('aria-current'), 'page');
      assert.equal(await nav.getByRole('button', { name: 'Sync', exact: true }).getAttribute('aria-current'), null);
      await expectRoles([['button', 'Filters'], ['status', undefined]]);
    }],
    ['each element lies over its item, in CSS pixels', async () => {
      const item = await app.find('Find a member');
      const box = await app.role('textbox', 'Find a member').boundingBox();
      const scale = await page.evaluate(() => {
        const c = Module.canvas;
        return c.getBoundingClientRect().width / c.width;
      });
      const canvasBox = await page.locator('#canvas').boundingBox();
      assert.ok(Math.abs(box.x - (canvasBox.x + item.x * scale)) < 1.5, `x ${box.x} for ${item.x}`);
      assert.ok(Math.abs(box.y - (canvasBox.y + item.y * scale)) < 1.5, `y ${box.y} for ${item.y}`);
      assert.ok(Math.abs(box.width - item.w * scale) < 1.5, `width ${box.width} for ${item.w}`);
    }],
    ['typing in the search field found through the overlay lists the member as an option', async () => {
      await app.activate('textbox', 'Find a member');
      await page.keyboard.type('helene dupont', { delay: 15 });
      await app.role('option', 'Hélène Dupont').waitFor({ state: 'attached' });
      const list = page.getByRole('listbox', { name: 'Search' });
      assert.equal(await list.getByRole('option', { name: 'Hélène Dupont' }).count(), 1);
      // The field's text is its value while it is edited: every key typed,
      // which ImGui takes one key change a frame (the member is listed from 'he' on).
      await app.page.waitForFunction(() => {
        const el = document.querySelector('#obole-a11y [role=textbox][aria-label="Find a member"]');
        return el && el.textContent === 'helene dupont';
      }, null, { timeout: 10000 }).catch(() => {});
      assert.equal(await app.role('textbox', 'Find a member').textContent(), 'helene dupont');
      await app.screenshot('01-search');
    }],
    ['a disclosure and a checkbox show their state, which flips when activated', async () => {
      const filters = app.role('button', 'Filters');
      assert.equal(await filters.getAttribute('aria-expanded'), 'false');
      await app.activate('button', 'Filters');
      await app.waitAttr(filters, 'aria-expanded', 'true');
      const major = app.role('checkbox', 'Major');
      assert.equal(await major.getAttribute('aria-checked'), 'false');
      await app.activate('checkbox', 'Major');
      await app.waitAttr(major, 'aria-checked', 'true');
      await app.activate('checkbox', 'Major');
      await app.waitAttr(major, 'aria-checked', 'false');
      await expectRoles([['combobox', 'Tax receipt'], ['textbox', 'Postcode starts with'], ['button', 'Clear filters']]);
      assert.equal(await app.role('combobox', 'Tax receipt').textContent(), 'Any');
    }],
    ['axe finds nothing critical or serious on the search screen', async () => {
      await axeScan('search');
    }],
    ['axe does see a fault in the overlay: a checkbox without its state', async () => {
      await page.evaluate(() => {
        const bad = document.createElement('div');
        bad.id = 'a11y-test-fault';
        bad.setAttribute('role', 'checkbox');
        bad.setAttribute('aria-label', 'Broken');
        document.querySelector('#obole-a11y [role=main]').appendChild(bad);
      });
      const ids = await page.evaluate(async () => {
        const r = await window.axe.run(document.getElementById('obole-a11y'), { resultTypes: ['violations'] });
        const fault = document.getElementById('a11y-test-fault');
        if (fault) fault.remove();
        return r.violations.filter((v) => v.impact === 'critical').map((v) => v.id);
      });
      assert.deepEqual(ids, ['aria-required-attr']);
    }],
    ['DOM focus follows ImGui keyboard focus (Tab, arrows), and Enter operates the focused item', async () => {
      // From the search field, Tab goes to the Filters header: off the text field.
      await app.activate('textbox', 'Find a member');
      await app.press('Tab');
      await app.frames(3);
      let f = await focusPair();
      assert.equal(f.keyboard, 1);
      assert.ok(f.nav !== 0);
      assert.equal(f.focused, f.nav, `DOM focus on ${f.name}, ImGui's on ${f.nav}`);
      assert.equal(f.name, 'Filters');
      await app.press('Enter');  // collapses the filters, as a keyboard user does
      await app.waitAttr(app.role('button', 'Filters'), 'aria-expanded', 'false');
      await app.press('ArrowDown');
      f = await focusPair();
      assert.equal(f.focused, f.nav, `after an arrow DOM focus on ${f.name}, ImGui's on ${f.nav}`);
      assert.notEqual(f.name, 'Filters');
      await app.screenshot('03-keyboard-focus');
    }],
    ['a screen reader focusing an element moves ImGui focus there', async () => {
      const id = Number(await app.role('button', 'Filters').getAttribute('data-id'));
      await app.role('button', 'Filters').focus();
      await app.frames(3);
      const f = await focusPair();
      assert.equal(f.nav, id);
    }],
    ['the dossier opens from its option: its name is a heading, its families are tabs', async () => {
      await app.activate('option', 'Hélène Dupont');
      await page.getByRole('heading', { level: 1, name: /Hélène Dupont/ }).waitFor({ state: 'attached', timeout: 10000 });
      assert.equal(await page.getByRole('main', { name: /Hélène Dupont/ }).count(), 1);
      const tabs = page.getByRole('tablist').first();
      for (const name of ['Financial', 'Behaviour', 'Documents', 'Synthesis'])
        assert.equal(await tabs.getByRole('tab', { name, exact: true }).count(), 1, `no tab ${name}`);
      // ImGui settles a new tab bar's selection within its first frames; the
      // overlay writes what changed after each one.
      const financial = app.role('tab', 'Financial');
      for (let i = 0; i < 50 && (await financial.getAttribute('aria-selected')) !== 'true'; i++) await app.frames(2);
      assert.equal(await app.role('tab', 'Financial').getAttribute('aria-selected'), 'true');
      assert.equal(await app.role('tab', 'Behaviour').getAttribute('aria-selected'), 'false');
      await expectRoles([['heading', 'Address'], ['heading', 'Phones'], ['textbox', 'Amount'], ['textbox', 'Date'],
                         ['combobox', 'Payment method'], ['button', 'Save gift']]);
      // Her notepad may be edited: a text field, not read-only.
      assert.equal(await app.role('textbox', 'Notepad').getAttribute('aria-readonly'), null);
      // Nothing typed in it yet: its Save button is disabled, and the overlay says so.
      assert.equal(await app.role('button', 'Save notepad').getAttribute('aria-disabled'), 'true');
      await app.screenshot('04-dossier');
    }],
    ['a tab is selected through the overlay, and back', async () => {
      await app.activate('tab', 'Behaviour');
      await app.waitAttr(app.role('tab', 'Behaviour'), 'aria-selected', 'true');
      assert.equal(await app.role('tab', 'Financial').getAttribute('aria-selected'), 'false');
      await app.role('tab', 'Mobilisations').waitFor({ state: 'attached' });
      await axeScan('dossier (Behaviour)');
      await app.activate('tab', 'Financial');
      await app.waitAttr(app.role('tab', 'Financial'), 'aria-selected', 'true');
      await app.role('tab', 'Gifts').waitFor({ state: 'attached' });
    }],
    ['axe finds nothing critical or serious on the dossier', async () => {
      await axeScan('dossier (Financial)');
      // From the tabs into the tab's body: the gift form.
      await app.role('tab', 'Gifts').focus();
      await tabReaches(['Amount', 'Date', 'Payment method', 'Save gift']);
    }],
    ['a gift is entered through the overlay only', async () => {
      const rows = page.getByRole('option', { name: new RegExp(`^${today} €42\\.00 `) });
      const before = await rows.count();
      await app.activate('textbox', 'Amount');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('42', { delay: 15 });
      await app.frames(10);
      assert.equal(await app.role('textbox', 'Amount').textContent(), '42');
      await app.activate('combobox', 'Payment method');
      await app.waitAttr(app.role('combobox', 'Payment method'), 'aria-expanded', 'true');
      const list = page.getByRole('listbox', { name: 'Payment method' });
      await list.getByRole('option', { name: 'Cheque', exact: true }).waitFor({ state: 'attached' });
      assert.equal(await app.role('combobox', 'Payment method').getAttribute('aria-controls'),
                   await list.getAttribute('id'));
      await axeScan('gift form, payment methods open');
      await app.activate('option', 'Cheque');
      await app.waitAttr(app.role('combobox', 'Payment method'), 'aria-expanded', 'false');
      assert.equal(await app.role('combobox', 'Payment method').textContent(), 'Cheque');
      await app.activate('textbox', 'Cheque number');
      await page.keyboard.type('7781', { delay: 15 });
      await app.activate('textbox', 'Bank');
      await page.keyboard.type('Crédit Mutuel', { delay: 15 });
      await app.frames(10);
      await app.screenshot('05-gift-form');
      await app.activate('button', 'Save gift');
      // Each key in the field it was typed in; the form empty for the next gift.
      await page.getByRole('option', { name: new RegExp(`^${today} €42\\.00 Cheque #7781 Crédit Mutuel`) })
        .first().waitFor({ state: 'attached', timeout: 10000 });
      await app.frames(10);
      assert.equal(await app.role('textbox', 'Cheque number').textContent(), '');
      assert.equal(await app.role('textbox', 'Bank').textContent(), '');
      assert.equal(await rows.count(), before + 1);
      await page.getByRole('status').getByText('Saved on this device').waitFor({ state: 'attached', timeout: 10000 });
      await app.screenshot('06-gift-saved');
    }],
    ['the new member form', async () => {
      await app.activate('button', 'New member');
      await page.getByRole('main', { name: 'New member' }).waitFor({ state: 'attached' });
      await expectRoles([['textbox', 'First name'], ['textbox', 'Last name'], ['textbox', 'Email'],
                         ['button', 'Create member']]);
      await axeScan('new member');
      // Tab crosses from the top bar (its last button) into the screen.
      await app.role('button', 'Settings').focus();
      await tabReaches(['First name', 'Last name']);
      await app.screenshot('07-new-member');
    }],
    ['settings: the language combo opens and Escape closes it', async () => {
      await app.activate('button', 'Settings');
      await page.getByRole('main', { name: 'Settings' }).waitFor({ state: 'attached' });
      const lang = app.role('combobox', 'Language');
      await lang.waitFor({ state: 'attached' });
      assert.equal(await lang.textContent(), 'English');
      await app.activate('combobox', 'Language');
      await app.waitAttr(lang, 'aria-expanded', 'true');
      await app.role('option', 'Français').waitFor({ state: 'attached' });
      await axeScan('settings, language open');
      await app.press('Escape');
      await app.waitAttr(lang, 'aria-expanded', 'false');
      await axeScan('settings');
      // Round the whole screen (the association, retention, direct debits...) and back to the top.
      await tabReaches(['Language', 'Major donor threshold'], { max: 90 });
      await app.screenshot('08-settings');
    }],
    ['sync: the enrol form, whose password never shows in the overlay', async () => {
      await app.activate('button', 'Sync');
      await page.getByRole('main', { name: 'Sync' }).waitFor({ state: 'attached' });
      await expectRoles([['textbox', 'Enrol code'], ['textbox', 'Operator login'], ['textbox', 'Password'],
                         ['button', 'Enrol this device']]);
      await app.activate('textbox', 'Password');
      await page.keyboard.type('secret-words', { delay: 15 });
      await app.frames(10);
      assert.equal(await app.role('textbox', 'Password').textContent(), '');
      assert.ok(!(await page.locator('#obole-a11y').innerHTML()).includes('secret-words'));
      // While a field is edited the hidden text input holds focus, named after the field.
      const active = await page.evaluate(() => [document.activeElement.id, document.activeElement.getAttribute('aria-label')]);
      assert.deepEqual(active, ['obole-text', 'Password']);
      await axeScan('sync');
      await tabReaches(['Enrol this device']);
      await tabReaches(['Operator login', 'Enrol code'], { key: 'Shift+Tab' });
      await app.screenshot('09-sync');
    }],
    ['the overlay changes no pixel of the canvas, and the pointer still reaches it', async () => {
      await app.activate('button', 'Settings');
      await page.getByRole('main', { name: 'Settings' }).waitFor({ state: 'attached' });
      await page.mouse.move(5, 5);
      await app.frames(5);
      // With, without, with again: when the two shots with the overlay differ,
      // the app drew a frame of its own in between (the status line, the
      // storage estimate), and the comparison is taken again.
      const overlay = (shown) => page.evaluate((on) => {
        document.getElementById('obole-a11y').style.display = on ? '' : 'none';
      }, shown);
      let same = false, stable = false;
      for (let i = 0; i < 5 && !stable; i++) {
        const withOverlay = await page.locator('#canvas').screenshot();
        await overlay(false);
        const without = await page.locator('#canvas').screenshot();
        await overlay(true);
        stable = withOverlay.equals(await page.locator('#canvas').screenshot());
        same = withOverlay.equals(without);
      }
      assert.ok(stable, 'the canvas never stood still for three screenshots');
      assert.ok(same, 'the canvas looks different with the overlay');
      const box = await app.role('button', 'Search').boundingBox();
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y).id,
                                      [box.x + box.width / 2, box.y + box.height / 2]);
      assert.equal(hit, 'canvas');
      await app.click('Search');  // a pointer click, at the item's place
      await page.getByRole('main', { name: 'Search' }).waitFor({ state: 'attached' });
    }],
    ['no errors in the page console', async () => {
      assert.deepEqual(app.consoleErrors, []);
      console.log(`axe violations by impact: ${JSON.stringify(axeReport)}`);
    }],
  ], () => app.screenshot('failure'));

  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`a11y overlay: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
