// `npm test`: unit + integration (Vitest), then end-to-end (Playwright in Debian's Chromium).
// Prints one total line `N passed, N failed` at the end (neither runner prints that form).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = '.test-results';
mkdirSync(out, { recursive: true });
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false }).status ?? 1;

let passed = 0;
let failed = 0;
let skipped = 0;

// 1. Unit + integration, then the fault tests on their own, one file at a time: they start and
// kill real processes and count kills within a time budget, so they should not share the two
// cores with the rest of the suite.
let vitestCode = 0;
for (const [name, args] of [
  ['vitest', ['--exclude', 'tests/fault/**']],
  ['vitest-fault', ['tests/fault', '--no-file-parallelism']],
]) {
  const json = join(out, `${name}.json`);
  rmSync(json, { force: true });
  const code = run('npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${json}`,
  ]);
  if (code !== 0) vitestCode = code;
  if (existsSync(json)) {
    const r = JSON.parse(readFileSync(json, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if (code !== 0 && r.numFailedTests + (r.numFailedTestSuites ?? 0) === 0) failed += 1;
  } else {
    failed += 1;
  }
}

// 2. End-to-end: build the renderer the host serves, then Playwright.
const skipE2e = process.argv.includes('--no-e2e');
let e2eCode = 0;
if (!skipE2e) {
  const buildCode = run('npx', [
    'vite',
    'build',
    '--config',
    'renderer/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
  if (buildCode !== 0) {
    failed += 1;
    e2eCode = buildCode;
  } else {
    // The Playwright config writes its JSON report here (list reporter on the console).
    const pwJson = join('tests', 'e2e', '.artifacts', 'results.json');
    rmSync(pwJson, { force: true });
    e2eCode = run('npx', ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts']);
    if (existsSync(pwJson)) {
      const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
      passed += (s.expected ?? 0) + (s.flaky ?? 0);
      failed += s.unexpected ?? 0;
      skipped += s.skipped ?? 0;
      if (e2eCode !== 0 && !(s.unexpected > 0)) failed += 1;
    } else {
      failed += 1;
    }
  }
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(vitestCode !== 0 || e2eCode !== 0 || failed > 0 ? 1 : 0);
