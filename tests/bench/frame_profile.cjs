// Where a frame's time goes while the parish's 2,000-gift list scrolls: the
// figure of browser_bench.cjs (each animation frame's script time while 80
// wheel notches arrive 25 ms apart), with Chromium's sampling profiler
// (CDP Profiler) running over the same scroll, its samples summed by function.
// Function names of the wasm come from a build linked with --profiling-funcs;
// without it they read wasm-function[N].
// usage: node frame_profile.cjs [MEMBERS] [TOP]   (MEMBERS 2000, TOP 25)
// Prints the frame figures and the TOP functions by self time, then by total time.
'use strict';

const path = require('node:path');
const { startServer, launchBrowser, AppPage } = require('../e2e/harness.cjs');

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
function summary(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? { n: s.length, median: +percentile(s, 0.5).toFixed(2), p95: +percentile(s, 0.95).toFixed(2) } : null;
}

// As browser_bench.cjs: each animation frame callback's script time.
function recordFrames() {
  const raf = self.requestAnimationFrame.bind(self);
  self.__frames = [];
  self.requestAnimationFrame = (cb) => raf((ts) => {
    const t0 = performance.now();
    try { cb(ts); } finally { self.__frames.push([t0, performance.now() - t0]); }
  });
}

// Self and total time per function name from a CDP Profile.
function byFunction(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const self = new Map(), total = new Map();
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (dt[i + 1] !== undefined ? dt[i + 1] : 0) / 1000;
    let id = profile.samples[i];
    const leaf = name(nodes.get(id));
    self.set(leaf, (self.get(leaf) || 0) + ms);
    const seen = new Set();
    for (; id !== undefined; id = parent.get(id)) {
      const fn = name(nodes.get(id));
      if (seen.has(fn)) continue;
      seen.add(fn);
      total.set(fn, (total.get(fn) || 0) + ms);
    }
  }
  return { self, total };
}

async function main(members, top) {
  const server = await startServer(['--demo', '--demo-members', String(members)]);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(recordFrames);
    const page = await context.newPage();
    const app = new AppPage(page, path.join(process.env.OBOLE_BENCH_ARTIFACTS || '/tmp/obole-bench', 'profile'));
    await app.open(server.url);
    await app.click('Search');
    await app.fill('Find a member', 'saint-roch');
    await app.click('Paroisse Saint-Roch');
    const heading = await app.find(/^\d+ gifts, /);
    await page.mouse.move(heading.x + 200, Math.min(780, heading.y + 150));
    await app.frames(10);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const from = await page.evaluate(() => performance.now());
    for (let i = 0; i < 80; i++) {
      await page.mouse.wheel(0, 100);
      await page.waitForTimeout(25);
    }
    await app.frames(2);
    const { profile } = await cdp.send('Profiler.stop');
    await app.screenshot('scrolled');
    const frames = await page.evaluate((t) => self.__frames.filter(([s]) => s >= t), from);
    console.log('scroll frame script ms', JSON.stringify(summary(frames.map(([, ms]) => ms))));
    const { self: selfMs, total } = byFunction(profile);
    const sampled = [...selfMs.values()].reduce((a, b) => a + b, 0);
    const show = (title, map) => {
      console.log(`\n${title} (of ${sampled.toFixed(0)} ms sampled)`);
      for (const [fn, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
        console.log(`${ms.toFixed(1).padStart(8)} ms  ${fn.slice(0, 140)}`);
    };
    show('self time', selfMs);
    show('total time', total);
  } finally {
    await browser.close();
    server.stop();
  }
}

main(Number(process.argv[2] || 2000), Number(process.argv[3] || 25)).catch((e) => {
  console.error(e && e.stack || e);
  process.exit(1);
});
