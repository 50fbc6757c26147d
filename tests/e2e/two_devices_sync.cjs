// Two devices of one association, in a real browser against the real server:
// each is enrolled through the Sync screen (an administrator's and a
// volunteer's code), both go offline, edit the same member's notepad
// differently and each add a gift; back online they converge: both gifts
// exactly once on both devices and at the server, and the notepad conflict
// offered on both until one device resolves it. Then each signs up the same
// new person offline; the server offers the pair, the administrator's device
// merges it, and both devices show the survivor with both gifts. Last, the
// volunteer's device is revoked at the server: it erases its copy and says why.
'use strict';

const { execFileSync } = require('node:child_process');
const { startServer, launchBrowser, AppPage, runSteps, assert, need, demoEnrolCodes, DEMO_PASSWORD, enrol: enrolWith,
        ServerLog } = require('./harness.cjs');

const today = new Date().toISOString().slice(0, 10);
const giftRow = (euros) => new RegExp(`^${today} €${euros}\\.00 Cash`);
const NOTE_A = 'A: call Monday';
const NOTE_B = 'B: email only';

(async () => {
  const server = await startServer(['--demo', '--demo-members', '300']);
  // The demo server prints one fresh enrol code per demo operator at its first start.
  const codes = demoEnrolCodes(server);
  const browser = await launchBrowser();
  const artifacts = need('OBOLE_ARTIFACTS');
  const device = async (name) => {
    // Tall enough that, under the notepad conflict and the gift form, the gift
    // list shows both new gifts (the test reads rows on screen).
    const context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
    const page = await context.newPage();
    const app = new AppPage(page, artifacts);
    app.name = name;
    app.context = context;
    // The server's log, read with this device's token.
    app.serverLog = new ServerLog(server, page);
    return app;
  };
  // Both are created before anything runs: AppPage empties the artifacts folder.
  const a = await device('A');
  const b = await device('B');
  const both = [a, b];
  const shot = (app, name) => app.screenshot(`${app.name}-${name}`);

  async function waitFor(what, test, timeout = 30000) {
    const deadline = Date.now() + timeout;
    while (!(await test())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
  const has = async (app, name) => (await app.items()).some((it) =>
    (name instanceof RegExp ? name.test(it.name) : it.name === name) && it.w > 0);
  const count = async (app, re) => (await app.findAll(re)).length;

  // Rounds of "Sync now" (status line) on each device until `check` holds:
  // a device that pushed first sees the other's changes only at its next round.
  async function converge(what, check, timeout = 90000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      for (const app of both) {
        await app.find('Sync now', { timeout: 20000 });
        await app.click('Sync now');
        await waitFor(`${app.name} to finish its round`, async () =>
          (await has(app, 'No change waiting')) && (await has(app, 'Sync now')), 20000);
      }
      if (await check()) return;
      if (Date.now() > deadline) throw new Error(`the devices did not converge: ${what}`);
      await new Promise((ok) => setTimeout(ok, 500));
    }
  }

  const enrol = (app, login, password) => enrolWith(app, codes[login], login, password);

  async function openHelene(app) {
    await app.click('Search');
    await app.fill('Find a member', 'helene dupont');
    await app.click('Hélène Dupont');
    await app.find('Amount');
  }

  async function addGift(app, euros) {
    await app.fill('Amount', String(euros));
    await app.press('Enter');
    await app.find(giftRow(euros));
  }

  // The server's whole change log, read with device A's token.
  const serverLog = () => a.serverLog.changes();
  const giftInserts = (log, cents) => log.filter((c) => c.table === 'gift' && c.op === 'insert' &&
                                                       c.fields.amount_cents === cents);

  let heleneId = '';
  let survivorLabel = '';

  const ok = await runSteps('two devices sync', [
    ['the demo server printed an enrol code for each demo operator', async () => {
      assert.ok(codes.admin && codes.volunteer, `no enrol codes in the server's output:\n${server.log.join('\n')}`);
    }],
    ['both devices start from the server copy, not enrolled', async () => {
      for (const app of both) {
        await app.open(server.url);
        await app.find('Find a member');
        await app.find('Not enrolled');
        await app.find('Online');
      }
    }],
    ['device A enrols with the administrator code and syncs', async () => {
      await a.click('Sync');
      await a.find('Enrol this device');
      await a.find('Device name');
      await shot(a, '01-sync-not-enrolled');
      await enrol(a, 'admin', DEMO_PASSWORD);
      await a.find('This device is enrolled.', { timeout: 20000 });
      await a.find('Enrolled as admin.');
      await a.find(/^Synced \d\d:\d\d$/, { timeout: 20000 });
      await a.find('No change waiting');
      await shot(a, '02-sync-enrolled');
    }],
    ['a wrong password is refused in words, then device B enrols as a volunteer', async () => {
      await enrol(b, 'volunteer', 'not-the-password');
      await b.find('Enrolment failed: The password is wrong.', { timeout: 20000 });
      await shot(b, '01-enrol-refused');
      await b.fill('Password', DEMO_PASSWORD);
      // The demo's whole copy gives way to the volunteer's (IBANs masked,
      // no documents' content): the app restarts on it.
      const before = await b.loadedAt();
      await b.click('Enrol this device');
      await b.restarted(before);
      await b.click('Sync');
      await b.find('Enrolled as volunteer.', { timeout: 20000 });
      await b.find(/^Synced \d\d:\d\d$/, { timeout: 20000 });
    }],
    ['both devices open the same member and go offline', async () => {
      for (const app of both) {
        await openHelene(app);
        assert.equal(await count(app, giftRow(11)) + await count(app, giftRow(22)), 0);
        await app.context.setOffline(true);
        await app.find('Offline');
      }
    }],
    ['offline, each writes its own notepad and adds a gift; the changes wait', async () => {
      for (const [app, note, euros] of [[a, NOTE_A, 11], [b, NOTE_B, 22]]) {
        await app.fill('Notepad', note);
        await app.click('Save notepad');
        await app.find('Saved on this device');
        await addGift(app, euros);
        await app.find(/^\d+ changes waiting$/);
      }
      await shot(a, '03-offline-waiting');
    }],
    ['back online, both devices converge: both gifts once, the notepad conflict on both', async () => {
      for (const app of both) await app.context.setOffline(false);
      await converge('both gifts and the conflict on both devices', async () => {
        for (const app of both) {
          if (await count(app, giftRow(11)) !== 1 || await count(app, giftRow(22)) !== 1) return false;
          if (!(await has(app, 'Keep this version'))) return false;
        }
        return true;
      });
      for (const app of both) {
        await app.find(/^Synced \d\d:\d\d$/);
        await app.find('No change waiting');
      }
    }],
    ['both devices show the same current text and the same other version', async () => {
      const order = async (app) => {
        const at = async (text) => (await app.find(text)).y;
        return (await at(NOTE_A)) < (await at(NOTE_B)) ? [NOTE_A, NOTE_B] : [NOTE_B, NOTE_A];
      };
      const [onA, onB] = [await order(a), await order(b)];
      assert.deepEqual(onA, onB, 'the devices disagree on which notepad is current');
      await a.find('Keep the current text');
      for (const app of both) await shot(app, '04-conflict');
    }],
    ['the server holds each gift exactly once, on the member both devices edited', async () => {
      const log = await serverLog();
      const notes = log.filter((c) => c.table === 'member' && [NOTE_A, NOTE_B].includes(c.fields.notepad));
      assert.ok(notes.length >= 1, 'no notepad change in the server log');
      heleneId = notes[0].row;
      for (const cents of [1100, 2200]) {
        const inserts = giftInserts(log, cents);
        assert.equal(inserts.length, 1, `gift of ${cents} cents logged ${inserts.length} times`);
        assert.equal(inserts[0].fields.member_id, heleneId);
      }
      const conflicts = log.filter((c) => c.table === 'text_conflict' && c.op === 'insert');
      assert.equal(conflicts.length, 1, `${conflicts.length} conflicts logged`);
    }],
    ['device B keeps the other version; after a sync device A no longer offers the choice', async () => {
      const other = await (async () => {
        const ya = (await b.find(NOTE_A)).y, yb = (await b.find(NOTE_B)).y;
        return ya > yb ? NOTE_A : NOTE_B;
      })();
      await b.click('Keep this version');
      await b.gone('Keep this version');
      await converge('the conflict closed on device A', async () => !(await has(a, 'Keep this version')));
      await b.gone('Keep this version');
      await shot(a, '05-conflict-resolved');
      const log = await serverLog();
      const last = log.filter((c) => c.table === 'member' && c.row === heleneId && 'notepad' in c.fields).pop();
      assert.equal(last.fields.notepad, other, 'the kept version is not the server\'s notepad');
    }],
    ['offline, each device signs up the same person and gives her a gift', async () => {
      for (const app of both) await app.context.setOffline(true);
      for (const [app, euros] of [[a, 33], [b, 44]]) {
        await app.find('Offline');
        await app.click('New member');
        await app.fill('First name', 'Zoe');
        await app.fill('Last name', 'Doublon');
        await app.fill('Email', 'zoe.doublon@example.org');
        await app.click('Create member');
        await app.find('Amount');
        await addGift(app, euros);
      }
    }],
    ['back online, both devices are offered the pair', async () => {
      for (const app of both) await app.context.setOffline(false);
      await converge('the pair offered on both devices', async () =>
        (await has(a, 'Possible duplicates (1)')) && (await has(b, 'Possible duplicates (1)')));
    }],
    ['a volunteer may not merge; device B shows its own record of the pair', async () => {
      await b.click('Possible duplicates (1)');
      await b.find('Only an administrator or a staff member can merge members or dismiss a pair.');
      await b.find('Same email');
      await shot(b, '06-duplicates-volunteer');
      const names = (await b.findAll(/^Zoe Doublon \(No\. \d+\)$/)).map((n) => n.name);
      assert.equal(names.length, 2, `pair shown as ${JSON.stringify(names)}`);
      let found = false;
      for (const name of names) {
        await b.click('Possible duplicates (1)');
        await b.click(name);
        await b.find('Amount');
        if (await count(b, giftRow(44)) === 1) { found = true; break; }
      }
      assert.ok(found, 'neither record holds device B\'s gift');
    }],
    ['the administrator merges the volunteer\'s record into hers', async () => {
      await a.click('Possible duplicates (1)');
      const names = (await a.findAll(/^Zoe Doublon \(No\. \d+\)$/)).map((n) => n.name);
      assert.equal(names.length, 2, `pair shown as ${JSON.stringify(names)}`);
      await a.find('Same email');
      await shot(a, '06-duplicates');
      // Which of the two is device A's own record (the one with its gift)?
      for (const name of names) {
        await a.click('Possible duplicates (1)');
        await a.click(name);
        await a.find('Amount');
        if (await count(a, giftRow(33)) === 1) survivorLabel = name;
      }
      assert.ok(survivorLabel, 'neither record holds device A\'s gift');
      await a.click('Possible duplicates (1)');
      await a.click(`Merge into ${survivorLabel}`);
      await a.find('Merge these members?');
      await shot(a, '07-merge-confirm');
      await a.click('Merge');
      await a.find(`Merged into ${survivorLabel}`);
      await a.gone('Possible duplicates (1)');
    }],
    ['device B, still on its own record, learns of the merge and opens the survivor with both gifts', async () => {
      await converge('the merge reached device B', async () => has(b, /^This member was merged into /));
      await shot(b, '08-merged-notice');
      await b.click(`Open ${survivorLabel}`);
      await b.find(giftRow(33));
      await b.find(giftRow(44));
      assert.equal(await count(b, giftRow(33)), 1);
      assert.equal(await count(b, giftRow(44)), 1);
      await shot(b, '09-survivor');
    }],
    ['device A shows the survivor with both gifts, and search finds one Zoe', async () => {
      await a.click('Search');
      await a.fill('Find a member', 'zoe doublon');
      await waitFor('one Zoe in the search', async () => (await count(a, /^Zoe Doublon$/)) === 1);
      await a.click('Zoe Doublon');
      await a.find('Amount');
      await converge('the merged rows on device A', async () => has(a, giftRow(44)));
      assert.equal(await count(a, giftRow(33)), 1);
      assert.equal(await count(a, giftRow(44)), 1);
      await shot(a, '09-survivor');
      const log = await serverLog();
      for (const cents of [3300, 4400]) assert.equal(giftInserts(log, cents).length, 1);
      assert.ok(log.some((c) => c.table === 'member' && c.fields.merged_into_id), 'no merge in the server log');
    }],
    ['the Sync screen of each device says all is sent', async () => {
      for (const app of both) {
        await app.click('Sync');
        await app.find('No change waiting');
        await app.find(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      }
      await shot(a, '10-sync-screen');
    }],
    ['a revoked device erases its copy at its next contact, and says why', async () => {
      // The administrator's subcommands work on the running server's data folder.
      const admin = (...args) => execFileSync(need('OBOLE_SERVER'), ['--data', server.dataDir, ...args]).toString();
      const line = admin('device', 'list').split('\n').find((l) => / volunteer /.test(l));
      assert.ok(line, 'device B is not in the server\'s device list');
      admin('device', 'revoke', line.trim().split(/\s+/)[0]);
      const before = await b.loadedAt();
      await b.click('Sync now');
      await b.restarted(before);
      await b.click('Sync');
      await b.find('An administrator revoked this device: the association\'s data on it has been erased. ' +
                   'Enrol it again to work with it.');
      await b.find('Not enrolled');
      await shot(b, '11-revoked');
      await b.click('Search');
      await b.fill('Find a member', 'helene dupont');
      await b.frames(10);
      const names = (await b.items()).map((it) => it.name);
      assert.ok(!names.includes('Hélène Dupont'), 'the erased device still finds Hélène Dupont');
    }],
    ['no errors in the page console', async () => {
      // The browser's own lines for the refused password and the revoked
      // token (HTTP 401) are not the app's.
      for (const app of both) {
        const errors = app.consoleErrors.filter((e) => !/status of 401|ERR_INTERNET_DISCONNECTED/.test(e));
        assert.deepEqual(errors, [], `device ${app.name}`);
      }
    }],
  ], async () => { await shot(a, 'failure'); await shot(b, 'failure'); });

  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => {
  console.log(`two devices sync: 0 passed, 1 failed\n${e && e.stack || e}`);
  process.exit(1);
});
