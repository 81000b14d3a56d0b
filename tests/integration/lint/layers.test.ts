// The layer rules of docs/ARCHITECTURE.md are enforced by ESLint; this proves the config still
// catches each planted violation (a silently disabled rule would pass CI otherwise).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs'; export const x = readFileSync;"],
    ['shared/domain/x.ts', "import type { Core } from '../../electron/core/core'; export type X = Core;"],
    ['shared/domain/x.ts', "import { useState } from 'react'; export const x = useState;"],
    ['renderer/src/x.ts', "import type { Core } from '../../electron/core/core'; export type X = Core;"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs'; export const x = readFileSync;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'; export const x = ipcRenderer;"],
    [
      'electron/core/store/x.ts',
      "import { createServices } from '../services'; export const x = createServices;",
    ],
    ['electron/core/adapters/host/x.ts', "import { openDb } from '../store/db'; export const x = openDb;"],
    ['electron/core/features/x.ts', "import { app } from 'electron'; export const x = app;"],
  ])('%s may not: %s', async (file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it.each([
    [
      'shared/domain/x.ts',
      "import { z } from 'zod'; import { Urgency } from './order'; export const x = [z, Urgency];",
    ],
    ['renderer/src/x.ts', "import { CONTRACT } from '../../shared/contract'; export const x = CONTRACT;"],
    [
      'electron/core/store/x.ts',
      "import Database from 'better-sqlite3'; import { join } from 'node:path'; export const x = [Database, join];",
    ],
    [
      'electron/main-x.ts',
      "import { app } from 'electron'; import { createCore } from './core/core'; export const x = [app, createCore];",
    ],
  ])('%s may: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
