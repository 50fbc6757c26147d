// Every tab of the member dossier, on a member with a long history (a parish
// that has given weekly for decades): each opens, shows its rows, and is
// saved as a screenshot (build/native/e2e-artifacts/dossier_tabs) to look at.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need } = require('./harness.cjs');

// family -> [tab, an item the tab must show]
const TABS = [
  ['Financial', [['Receipts', /^\d+ payments, /], ['Gifts', /^2000 gifts, /], ['Orders', /^[1-9]\d* orders, /],
                 ['Memberships', /^Current membership ends on /], ['Direct debits', /^\d+ collections, /],
                 ['Card gifts', /^1 recurring card gifts/], ['Tax receipts', null]]],
  ['Behaviour', [['Mobilisations', /^3 petitions signed$/], ['Email behaviour', /^\d+ mailings received: /],
                 ['Sponsorships', /active sponsorships, 2 in all$/], ['Events', /^3 events registered, /]]],
  ['Documents', [['Files', /^3 files$/], ['Campaigns', /^\d+ campaigns received, gave to \d+$/],
                 ['Journal', /^2\d{3} journal entries$/]]],
  ['Synthesis', [['Member', /^Member No\. \d+, record created /], ['Infos', /^Active sponsorships: \d+$/],
                 ['Relations', /^Hélène Dupont \(No\. \d+\)$/]]],
];

(async () => {
  const server = await startServer(['--demo', '--demo-members', '400']);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const app = new AppPage(await context.newPage(), need('OBOLE_ARTIFACTS'));

  const steps = [
    ['the parish is found and its dossier opens on its gifts', async () => {
      await app.open(server.url);
      await app.fill('Find a member', 'saint-roch');
      await app.click('Paroisse Saint-Roch');
      await app.find(/^2000 gifts, /, { timeout: 20000 });
      await app.find('Save gift');
    }],
  ];
  TABS.forEach(([family, tabs], f) => tabs.forEach(([tab, expected], t) => {
    steps.push([`${family} › ${tab}`, async () => {
      await app.click(family);
      await app.click(tab);
      await app.frames(4);
      if (expected) await app.find(expected);
      await app.screenshot(`${f + 1}${String.fromCharCode(97 + t)}-${tab.toLowerCase().replace(/ /g, '-')}`);
    }]);
  }));

  const ok = await runSteps('dossier tabs', steps, () => app.screenshot('failure'));
  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
