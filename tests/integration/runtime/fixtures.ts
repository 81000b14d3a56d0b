/** Shared set-up of the core tests: a real in-process core over a temp SQLite file. */
import { expect } from 'vitest';
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
