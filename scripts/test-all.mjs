// `npm test`: unit + integration (Vitest), the fault tests, then end-to-end (Playwright in
// Debian's Chromium). Prints one total line `N passed, N failed` at the end (neither runner
// prints that form).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = '.test-results';
mkdirSync(out, { recursive: true });
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false }).status ?? 1;
/** Like run, without blocking; `logFile` takes stdout and stderr (printed by the caller later). */
const runAsync = (cmd, args, logFile) =>
  new Promise((resolve) => {
    const fd = logFile ? openSync(logFile, 'w') : null;
    const child = spawn(cmd, args, {
      stdio: fd === null ? 'inherit' : ['ignore', fd, fd],
      env: process.env,
      shell: false,
    });
    const done = (code) => {
      if (fd !== null) closeSync(fd);
      resolve(code ?? 1);
    };
    child.on('exit', done);
    child.on('error', () => done(1));
  });

const t0 = Date.now();
/** Phase times in the log (CI is near its limit: where the minutes go). */
const stamp = (what) => console.log(`\n[test-all] ${what} at ${Math.round((Date.now() - t0) / 1000)} s`);

let passed = 0;
let failed = 0;
let skipped = 0;
let vitestCode = 0;
/** What failed, repeated after the total: CI keeps only the tail of the log. */
const failures = [];
const firstLine = (text) =>
  String(text ?? '')
    .split('\n')
    .find((l) => l.trim()) ?? '';

const vitestArgs = (name, args) => [
  'vitest',
  'run',
  ...args,
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${join(out, `${name}.json`)}`,
];
/** Adds a Vitest run's JSON report to the totals. */
function countVitest(name, code) {
  const json = join(out, `${name}.json`);
  if (code !== 0) vitestCode = code;
  if (existsSync(json)) {
    const r = JSON.parse(readFileSync(json, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    for (const file of r.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
      for (const t of failedTests)
        failures.push(`${name}: ${file.name} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
      if (file.status === 'failed' && failedTests.length === 0)
        failures.push(`${name}: ${file.name}: ${firstLine(file.message)}`);
    }
    if (code !== 0 && r.numFailedTests + (r.numFailedTestSuites ?? 0) === 0) {
      failed += 1;
      failures.push(`${name}: exit ${code} with no failed test (an unhandled error: see its log above)`);
    }
  } else {
    failed += 1;
    failures.push(`${name}: exit ${code}, no report written`);
  }
}
/** Failed Playwright tests from its JSON report (suites nest by file and describe). */
function playwrightFailures(suite, path = []) {
  const here = suite.title ? [...path, suite.title] : path;
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests ?? [])
      if (t.status === 'unexpected') {
        const last = t.results?.[t.results.length - 1];
        failures.push(`e2e: ${[...here, spec.title].join(' > ')}: ${firstLine(last?.error?.message)}`);
      }
  for (const child of suite.suites ?? []) playwrightFailures(child, here);
}
for (const name of ['vitest', 'vitest-kill', 'vitest-fault'])
  rmSync(join(out, `${name}.json`), { force: true });

const skipE2e = process.argv.includes('--no-e2e');
// The renderer the end-to-end host serves is built beside the unit tests (CI is near its 20 min):
// Vite's build is mostly one thread, Vitest's forks use the rest.
// Into a folder of its own: a host test looks at dist/renderer while the unit tests run.
const e2eRenderer = process.env.HALL_RENDERER_DIR ?? 'dist/renderer-test';
const buildLog = join(out, 'vite-build.log');
const build = skipE2e
  ? Promise.resolve(0)
  : runAsync(
      'npx',
      [
        'vite',
        'build',
        '--config',
        'renderer/vite.config.ts',
        '--outDir',
        `../${e2eRenderer}`,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      buildLog,
    );

// 1. Unit + integration, two forks (Vitest's default on two cores is one). A fork runs its files
// one after another in one process, each with its modules evaluated afresh (vitest.config.ts):
// a process per file cost ~0.6 s each. Measured on 855 tests (2026-12-07, shared machine):
// 74.7 s with one fork, 52.6 s with two; isolated processes per file, ~2.3× that.
countVitest('vitest', run('npx', vitestArgs('vitest', ['--exclude', 'tests/fault/**', '--maxWorkers=2'])));

stamp('unit + integration done');

// 2. kill -9 during sync on its own: it counts kills within a time budget and spawns processes
// at a high rate, so it gets the two cores to itself.
countVitest(
  'vitest-kill',
  run('npx', vitestArgs('vitest-kill', ['tests/fault/kill-sync.test.ts', '--isolate=true'])),
);

stamp('kill-sync done');

// The other fault tests mostly wait — a 45 s partition, a hub down, a server's 300 ms delays — and
// assert convergence with wide margins (0.2 s measured against ≤ 5 s): they run one file at a time
// beside the end-to-end tests, which fill the idle cores (CI was ~20 min with them in sequence).
// Each in a process of its own (they spawn hosts and hubs and kill them): the saving of sharing
// one is nothing next to their minutes of waiting.
const faultArgs = vitestArgs('vitest-fault', [
  'tests/fault',
  '--exclude',
  'tests/fault/kill-sync.test.ts',
  '--no-file-parallelism',
  '--isolate=true',
]);

// 3. End-to-end: the renderer built above, then Playwright.
let e2eCode = 0;
if (skipE2e) {
  countVitest('vitest-fault', run('npx', faultArgs));
} else {
  const buildCode = await build;
  if (existsSync(buildLog)) process.stdout.write(readFileSync(buildLog));
  process.env.HALL_RENDERER_DIR = e2eRenderer;
  const faultLog = join(out, 'vitest-fault.log');
  const fault = runAsync('npx', faultArgs, faultLog);
  if (buildCode !== 0) {
    failed += 1;
    failures.push(`renderer build: exit ${buildCode}`);
    e2eCode = buildCode;
  } else {
    // The Playwright config writes its JSON report here (list reporter on the console).
    const pwJson = join('tests', 'e2e', '.artifacts', 'results.json');
    rmSync(pwJson, { force: true });
    e2eCode = await runAsync('npx', ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts']);
    stamp('end-to-end done');
    if (existsSync(pwJson)) {
      const report = JSON.parse(readFileSync(pwJson, 'utf8'));
      const s = report.stats ?? {};
      for (const suite of report.suites ?? []) playwrightFailures(suite);
      for (const e of report.errors ?? []) failures.push(`e2e: ${firstLine(e.message)}`);
      passed += (s.expected ?? 0) + (s.flaky ?? 0);
      failed += s.unexpected ?? 0;
      skipped += s.skipped ?? 0;
      if (e2eCode !== 0 && !(s.unexpected > 0)) {
        failed += 1;
        failures.push(`e2e: exit ${e2eCode} with no failed test (setup or teardown: see above)`);
      }
    } else {
      failed += 1;
      failures.push(`e2e: exit ${e2eCode}, no report written`);
    }
  }
  const faultCode = await fault;
  stamp('fault tests done');
  console.log('\n--- fault tests (run beside the end-to-end tests) ---');
  if (existsSync(faultLog)) process.stdout.write(readFileSync(faultLog));
  countVitest('vitest-fault', faultCode);
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(vitestCode !== 0 || e2eCode !== 0 || failed > 0 ? 1 : 0);
