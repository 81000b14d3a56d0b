// The house rules of docs/ARCHITECTURE.md are enforced by ESLint; this proves the config still
// catches each planted violation (a silently disabled rule would pass CI otherwise), and lets
// the allowed shapes through.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const HOUSE_RULES = new Set([
  'boundaries/dependencies',
  'local/feature-imports',
  'local/sql-in-store',
  'local/no-case-collisions',
  '@typescript-eslint/no-floating-promises',
]);

/**
 * Lints `code` as if it were `filePath`. Type-aware rules parse only files the TypeScript project
 * knows, so a file that does not exist is linted under the name of an existing sibling: the
 * rules look at the folder, which is the same.
 */
function standIn(filePath: string): string {
  if (existsSync(filePath)) return filePath;
  const dir = path.dirname(filePath);
  const sibling = readdirSync(dir).find((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
  if (!sibling) throw new Error(`no TypeScript file in ${dir} to stand in for ${filePath}`);
  return path.join(dir, sibling);
}

async function houseErrors(filePath: string, code: string, linter: ESLint = eslint): Promise<string[]> {
  const [result] = await linter.lintText(code, {
    filePath: linter === eslint ? standIn(filePath) : filePath,
  });
  const fatal = result?.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message}`);
  return (result?.messages ?? [])
    .filter((m) => m.ruleId && HOUSE_RULES.has(m.ruleId))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const ruleOf = (errors: string[]) => errors.map((e) => e.split(':')[0]);

describe('layer rules (boundaries)', () => {
  it.each([
    ['shared/kernel/x.ts', "import { readFileSync } from 'node:fs'; export const x = readFileSync;"],
    [
      'shared/kernel/x.ts',
      "import type { Core } from '../../electron/core/runtime/core'; export type X = Core;",
    ],
    ['shared/features/orders/x.ts', "import { useState } from 'react'; export const x = useState;"],
    [
      'renderer/src/x.ts',
      "import type { Core } from '../../electron/core/runtime/core'; export type X = Core;",
    ],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs'; export const x = readFileSync;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'; export const x = ipcRenderer;"],
    [
      'electron/core/store/x.ts',
      "import { createGate } from '../runtime/gate'; export const x = createGate;",
    ],
    ['electron/core/store/x.ts', "import * as orders from '../features/orders'; export const x = orders;"],
    ['electron/core/adapters/host/x.ts', "import { openDb } from '../../store/db'; export const x = openDb;"],
    ['electron/core/features/orders/x.ts', "import { app } from 'electron'; export const x = app;"],
    [
      'electron/core/features/orders/x.ts',
      "import { startHttpHost } from '../../adapters/host/http-host'; export const x = startHttpHost;",
    ],
  ])('%s may not: %s', async (file, code) => {
    expect(ruleOf(await houseErrors(file, code))).toContain('boundaries/dependencies');
  });

  it.each([
    [
      'shared/features/orders/x.ts',
      "import { z } from 'zod'; import { Urgency } from './order'; export const x = [z, Urgency];",
    ],
    ['renderer/src/x.ts', "import { CONTRACT } from '../../shared/contract'; export const x = CONTRACT;"],
    [
      'electron/core/store/x.ts',
      "import Database from 'better-sqlite3'; import { join } from 'node:path'; export const x = [Database, join];",
    ],
    [
      'electron/main-x.ts',
      "import { app } from 'electron'; import { createCore } from './core/runtime/core'; export const x = [app, createCore];",
    ],
  ])('%s may: %s', async (file, code) => {
    expect(await houseErrors(file, code)).toEqual([]);
  });
});

describe('feature rules (local/feature-imports)', () => {
  it.each([
    // A core feature reaching into another's internals.
    [
      'electron/core/features/awareness/x.ts',
      "import { getAccount } from '../auth/queries-accounts'; export const x = getAccount;",
    ],
    // An adapter reaching into a feature's queries.
    [
      'electron/core/adapters/sync/x.ts',
      "import { readCursor } from '../../features/sync/queries'; export const x = readCursor;",
    ],
    // A core feature using the runtime's internals.
    [
      'electron/core/features/orders/x.ts',
      "import { createGate } from '../../runtime/gate'; export const x = createGate;",
    ],
    // A renderer feature reaching into another's internals.
    [
      'renderer/src/features/dispatch/x.ts',
      "import { lookups } from '../reference/lookups'; export const x = lookups;",
    ],
    // Platform code using a feature.
    ['renderer/src/platform/api/x.ts', "import * as map from '../../features/map'; export const x = map;"],
  ])('%s may not: %s', async (file, code) => {
    expect(ruleOf(await houseErrors(file, code))).toContain('local/feature-imports');
  });

  it.each([
    [
      'electron/core/features/awareness/x.ts',
      "import { displayNameOf } from '../auth'; export const x = displayNameOf;",
    ],
    [
      'electron/core/features/awareness/x.ts',
      "import { latestEvents } from './queries'; export const x = latestEvents;",
    ],
    [
      'electron/core/adapters/sync/x.ts',
      "import { readCursor } from '../../features/sync'; export const x = readCursor;",
    ],
    [
      'electron/core/features/orders/x.ts',
      "import type { Handler } from '../../runtime/context'; export type X = Handler<'orders.get'>;",
    ],
  ])('%s may: %s', async (file, code) => {
    expect(ruleOf(await houseErrors(file, code))).not.toContain('local/feature-imports');
  });
});

describe('SQL rules (local/sql-in-store)', () => {
  const sql = "export function f(db: { prepare(s: string): unknown }) { return db.prepare('SELECT 1'); }";
  it.each([
    ['electron/core/features/orders/orders.ts', sql],
    ['electron/core/adapters/open311/apply.ts', sql],
    [
      'electron/core/adapters/hub/hub-server.ts',
      "export function f(db: { pragma(s: string): unknown }) { return db.pragma('wal_autocheckpoint = 0'); }",
    ],
    [
      'electron/core/runtime/core.ts',
      'export function f(db: { exec(s: string): unknown }) { return db.exec(`DELETE FROM session`); }',
    ],
  ])('%s may not write SQL', async (file, code) => {
    expect(ruleOf(await houseErrors(file, code))).toContain('local/sql-in-store');
  });

  it.each([
    ['electron/core/features/orders/queries-list.ts', sql],
    ['electron/core/store/db.ts', sql],
    // RegExp#exec is not SQL.
    ['electron/core/adapters/open311/dates.ts', 'export const f = (s: string, re: RegExp) => re.exec(s);'],
  ])('%s may', async (file, code) => {
    expect(ruleOf(await houseErrors(file, code))).not.toContain('local/sql-in-store');
  });
});

describe('case collisions (local/no-case-collisions)', () => {
  // Files made for this test are not in the TypeScript project: lint them without type information.
  const untyped = new ESLint({
    cwd: process.cwd(),
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off' },
    },
  });
  const dir = mkdtempSync(path.join(process.cwd(), 'renderer', 'src', '.lint-case-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('refuses Filters.tsx beside filters.ts', async () => {
    writeFileSync(path.join(dir, 'filters.ts'), 'export const a = 1;\n');
    writeFileSync(path.join(dir, 'Filters.tsx'), 'export const b = 2;\n');
    expect(
      ruleOf(await houseErrors(path.join(dir, 'Filters.tsx'), 'export const b = 2;\n', untyped)),
    ).toContain('local/no-case-collisions');
    expect(
      ruleOf(await houseErrors(path.join(dir, 'other.ts'), 'export const c = 3;\n', untyped)),
    ).not.toContain('local/no-case-collisions');
  });
});

describe('no floating promises', () => {
  it('refuses a promise left floating in a real source file', async () => {
    const code = 'async function f(): Promise<number> { return 1; }\nexport function g(): void { f(); }\n';
    expect(ruleOf(await houseErrors('electron/core/runtime/errors.ts', code))).toContain(
      '@typescript-eslint/no-floating-promises',
    );
    const ok = 'async function f(): Promise<number> { return 1; }\nexport function g(): void { void f(); }\n';
    expect(ruleOf(await houseErrors('electron/core/runtime/errors.ts', ok))).not.toContain(
      '@typescript-eslint/no-floating-promises',
    );
  });
});
