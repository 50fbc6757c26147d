// The app behaves as a web page should: nothing is drawn while nobody uses
// it, the clipboard works both ways (and never hands out a password), the
// pointer takes the shape of what is under it, the title names the member
// shown, and the browser's Back and Forward buttons move between screens.
// Prints the idle and input-latency figures.
'use strict';

const { startServer, launchBrowser, AppPage, runSteps, assert, need } = require('./harness.cjs');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

(async () => {
  const server = await startServer(['--demo', '--demo-members', '200']);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const page = await context.newPage();
  const app = new AppPage(page, need('OBOLE_ARTIFACTS'));
  const cdp = await context.newCDPSession(page);
  const framesRendered = () => page.evaluate(() => Module._obole_frames_rendered());
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  // A clipboard event from the browser's menu (no keys behind it) on the
  // hidden text field; resolves with the text the event's data then holds.
  const menuEvent = (type, text = '') => page.evaluate(([kind, put]) => {
    const data = new DataTransfer();
    if (put) data.setData('text/plain', put);
    document.getElementById('obole-text').dispatchEvent(new ClipboardEvent(kind, { clipboardData: data, bubbles: true }));
    return data.getData('text/plain');
  }, [type, text]);
  const cursor = () => page.evaluate(() => Module.canvas.style.cursor);
  const hover = async (name) => {
    const it = await app.find(name);
    await page.mouse.move(it.x + Math.min(it.w / 2, 40), it.y + it.h / 2);
    await app.frames(3);
  };

  const steps = [
    ['no frame is drawn after two seconds without input', async () => {
      await app.open(server.url);
      await app.find('Find a member');
      await page.waitForTimeout(2000);
      await cdp.send('Performance.enable');
      const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
      const [f0, b0] = [await framesRendered(), await busy()];
      await page.waitForTimeout(3000);
      const [f1, b1] = [await framesRendered(), await busy()];
      assert.equal(f1 - f0, 0, `${f1 - f0} frames drawn in 3 s without input`);
      console.log(`figure: idle: ${((f1 - f0) / 3).toFixed(1)} frames/s, main thread busy ${((b1 - b0) * 1000 / 3).toFixed(1)} ms/s`);
    }],
    ['input wakes the app, and it sleeps again', async () => {
      const f0 = await framesRendered();
      await page.mouse.move(300, 300);
      await page.waitForTimeout(300);
      assert.ok(await framesRendered() > f0, 'a mouse move drew no frame');
      // Asleep again: a whole second without a frame, well within ten. The
      // app draws for a second after input, and news (storage, the network)
      // may ask for a few frames more; on a loaded machine each takes longer.
      const deadline = Date.now() + 10000;
      for (;;) {
        const f1 = await framesRendered();
        await page.waitForTimeout(1000);
        if (await framesRendered() === f1) break;
        assert.ok(Date.now() < deadline, 'the app did not stop drawing within 10 s of the input');
      }
    }],
    ['the pointer is a caret over a field, a hand over a button, an arrow elsewhere', async () => {
      await hover('Find a member');
      assert.equal(await cursor(), 'text');
      await hover('Settings');
      assert.equal(await cursor(), 'pointer');
      await page.mouse.move(640, 780);
      await app.frames(3);
      assert.equal(await cursor(), 'default');
    }],
    ['text typed with real keys is copied to the system clipboard, and cut', async () => {
      await app.fill('Find a member', 'Dupont');
      await app.find('Hélène Dupont');
      await app.press('Control+A');
      await app.press('Control+C');
      assert.equal(await clipboard(), 'Dupont');
      await page.evaluate(() => navigator.clipboard.writeText('before'));
      await app.press('Control+X');
      assert.equal(await clipboard(), 'Dupont');
      await app.gone('Hélène Dupont');  // the field is empty: no results
    }],
    ['text from another application is pasted with Ctrl+V, mixed scripts intact', async () => {
      await page.evaluate(() => navigator.clipboard.writeText('Hélène'));
      await app.click('Find a member');
      await app.press('Control+V');
      await app.find('Hélène Dupont');
      // Round trip of Latin, Cyrillic and Japanese through the field.
      await page.evaluate(() => navigator.clipboard.writeText('Zoé Иванов 田中'));
      await app.press('Control+A');
      await app.press('Control+V');
      await app.press('Control+A');
      await page.evaluate(() => navigator.clipboard.writeText('something else'));
      await app.press('Control+C');
      assert.equal(await clipboard(), 'Zoé Иванов 田中');
    }],
    ['a paste and a cut from the browser menu (no keys) edit the field', async () => {
      await app.press('Control+A');
      await app.press('Backspace');
      await app.gone('Hélène Dupont');
      await menuEvent('paste', 'Hélène');
      await app.frames(4);
      await app.find('Hélène Dupont');
      await app.press('Control+A');
      const cut = await menuEvent('cut');
      assert.equal(cut, 'Hélène');
      await app.frames(4);
      await app.gone('Hélène Dupont');
      await menuEvent('paste', 'Hélène');
      await app.find('Hélène Dupont');
    }],
    ['accents typed with a dead key, as on a French keyboard, arrive whole', async () => {
      await app.press('Control+A');
      await app.press('Backspace');
      await app.gone('Hélène Dupont');
      // What a keyboard sends for H, ´ then e, l, ` then e, n, e: the dead key
      // makes no character; the key after it makes the accented one.
      const key = async (k, code, vk, text) => {
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: k, code, windowsVirtualKeyCode: vk,
                                                   text, unmodifiedText: text });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k, code, windowsVirtualKeyCode: vk });
        await app.frames(2);
      };
      await key('H', 'KeyH', 72, 'H');
      await key('Dead', 'Quote', 222);
      await key('é', 'KeyE', 69, 'é');
      await key('l', 'KeyL', 76, 'l');
      await key('Dead', 'Backquote', 192);
      await key('è', 'KeyE', 69, 'è');
      await key('n', 'KeyN', 78, 'n');
      await key('e', 'KeyE', 69, 'e');
      await app.find('Hélène Dupont');
      await app.press('Control+A');
      await app.press('Control+C');
      assert.equal(await clipboard(), 'Hélène');
    }],
    ['a password is never copied', async () => {
      await app.click('Sync');
      await app.fill('Password', 'secret-pass');
      await page.evaluate(() => navigator.clipboard.writeText('before'));
      await app.press('Control+A');
      await app.press('Control+C');
      await app.press('Control+X');
      assert.equal(await clipboard(), 'before');
    }],
    ['the title names the member shown; Back and Forward move between screens', async () => {
      await app.click('Search');
      assert.equal(await page.title(), 'Obole');
      await app.click('Hélène Dupont');
      await app.find('Save gift');
      await app.frames(2);
      assert.equal(await page.title(), 'Hélène Dupont — Obole');
      await app.screenshot('dossier');
      await app.click('Settings');
      await app.frames(2);
      assert.equal(await page.title(), 'Settings — Obole');
      await page.goBack();
      await app.find('Save gift');
      assert.equal(await page.title(), 'Hélène Dupont — Obole');
      await page.goBack();
      await app.find('Find a member');
      assert.equal(await page.title(), 'Obole');
      await page.goForward();
      await app.find('Save gift');
      assert.equal(await page.title(), 'Hélène Dupont — Obole');
    }],
    ['input latency: from a key press to the end of the frame that handled it', async () => {
      await app.click('Search');
      await app.click('Find a member');
      await page.evaluate(() => { Module.oboleInputLatencies.length = 0; Module.oboleFrameTimes.length = 0; });
      for (const ch of 'Martin Petit') {
        await page.keyboard.press(ch === ' ' ? 'Space' : ch);
        await page.waitForTimeout(60);
      }
      const [samples, frameTimes] = await page.evaluate(() => [Module.oboleInputLatencies.slice(), Module.oboleFrameTimes.slice()]);
      assert.ok(samples.length >= 10, `only ${samples.length} latency samples`);
      console.log(`figure: input latency over ${samples.length} keys: median ${median(samples).toFixed(1)} ms, ` +
                  `p95 ${p95(samples).toFixed(1)} ms; a frame takes median ${median(frameTimes).toFixed(1)} ms, ` +
                  `p95 ${p95(frameTimes).toFixed(1)} ms to draw (software GL)`);
    }],
  ];

  const ok = await runSteps('page behaviour', steps, () => app.screenshot('failure'));
  assert.deepEqual(app.consoleErrors, []);
  await browser.close();
  server.stop();
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
