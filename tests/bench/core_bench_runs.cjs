// bench.core_bench_runs: obole-gen writes a small association and
// obole-core-bench times every core operation over it, in the JSON that
// tools/obole bench reads: each benchmark reports a median and a p95 of
// single operations, in milliseconds; --members N generates in memory instead.
// Checks the tools work, not their speed.
// usage: node core_bench_runs.cjs OBOLE_GEN OBOLE_CORE_BENCH
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const [gen, bench] = process.argv.slice(2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obole-core-bench-'));
let passed = 0, failed = 0;
const check = (what, ok, detail = '') => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : ` ${detail}`}`);
};
try {
  const db = path.join(dir, 'small.db');
  const out = execFileSync(gen, ['--members', '300', '--seed', '7', '--today', '2026-06-01', '--out', db], { encoding: 'utf8' });
  check('obole-gen wrote the database', fs.existsSync(db) && fs.statSync(db).size > 0, out);
  check('obole-gen counts memberships, mandates and events', /memberships \d+, mandates \d+, events \d+/.test(out), out);

  const json = JSON.parse(execFileSync(bench, ['--db', db, '--benchmark_format=json'], { encoding: 'utf8', maxBuffer: 16 << 20 }));
  check('the context names the database and its members', json.context.database === db && Number(json.context.members) === 300,
        JSON.stringify(json.context));
  const names = ['search/keystroke', 'dossier/open', 'dossier/open_2000_gifts', 'gift/save', 'duplicate_hints/keystroke',
                 'segments/refresh_all', 'filter/lapsed_major_75'];
  for (const name of names) {
    const agg = (a) => json.benchmarks.find((b) => b.run_name.startsWith(`${name}/`) && b.aggregate_name === a);
    const median = agg('median'), p95 = agg('p95');
    check(`${name}: median and p95 in ms`, median && p95 && median.time_unit === 'ms' && median.real_time > 0 &&
          p95.real_time >= median.real_time, JSON.stringify({ median, p95 }));
    // An aggregate's "iterations" counts the repetitions; the run's name says one iteration each.
    check(`${name}: one operation per repetition`, median && median.run_name.includes('/iterations:1/') && median.repetitions > 1,
          JSON.stringify(median));
  }
  check('only aggregates are reported', json.benchmarks.every((b) => b.run_type === 'aggregate'));

  // Too big to write (1M members): the association is generated in memory instead.
  const inMemory = JSON.parse(execFileSync(bench, ['--members', '200', '--benchmark_filter=search', '--benchmark_format=json'],
                                           { encoding: 'utf8', maxBuffer: 16 << 20 }));
  check('--members generates the association in memory', Number(inMemory.context.members) === 200 &&
        /generated in memory/.test(inMemory.context.database), JSON.stringify(inMemory.context));
  check('--benchmark_filter keeps only the search', inMemory.benchmarks.length > 0 &&
        inMemory.benchmarks.every((b) => b.run_name.startsWith('search/')));

  let refused = false;
  try { execFileSync(bench, ['--db', path.join(dir, 'missing.db')], { stdio: 'pipe' }); } catch (e) { refused = e.status === 1; }
  check('a missing database is refused with exit code 1', refused);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
