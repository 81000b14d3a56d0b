/** Shared set-up of the core tests: a real in-process core over a temp SQLite file. */
import { afterAll, beforeAll, expect } from 'vitest';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { ApiError } from '../../../shared/contract/index';
import type { ReferenceData } from '../../../shared/features/reference/reference';
import { T0, TINY_REF, tempDir } from '../store/fixtures';

/** Run in reverse by each file's afterEach: the core closes before its folder is removed. */
export type Cleanups = Array<() => Promise<void> | void>;

/** A core on a fresh folder, with `ref` written first (null: no reference data); the clock ticks 1 s a call. */
export async function openTestCore(
  cleanups: Cleanups,
  ref: ReferenceData | null = TINY_REF,
): Promise<{ core: Core; dir: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  if (ref) {
    const db = openDb(t.dir);
    writeReference(db, ref);
    db.close();
  }
  let clock = T0;
  const core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => (clock += 1000) });
  cleanups.push(() => core.close());
  return { core, dir: t.dir };
}

/** Awaits `p` and returns the ApiError it must reject with. */
export async function rejects(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected an ApiError');
}

/**
 * The demo street's core for one test file: seeded once before its tests (seed 1, `days` of
 * history up to `now`, the clock stopped at `now`, no live trickle), closed and removed after
 * them. `demo.core` and `demo.dir` are read inside tests (they exist once beforeAll has run).
 */
export function demoCoreForFile(days: number, now: number): { readonly core: Core; readonly dir: string } {
  let open: { core: Core; dir: string; cleanup: () => void } | null = null;
  beforeAll(async () => {
    const t = tempDir();
    const core = await createInProcessCore({
      dataDir: t.dir,
      host: 'test',
      demo: { seed: 1, days, anchor: now },
      liveDemo: false,
      now: () => now,
    });
    open = { core, dir: t.dir, cleanup: t.cleanup };
  }, 120_000);
  afterAll(async () => {
    await open?.core.close();
    open?.cleanup();
  });
  const opened = (): { core: Core; dir: string } => {
    if (!open) throw new Error('demoCoreForFile: read in a test, after beforeAll');
    return open;
  };
  return {
    get core(): Core {
      return opened().core;
    },
    get dir(): string {
      return opened().dir;
    },
  };
}
