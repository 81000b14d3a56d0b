/** Shared set-up of the sync tests: a real hub on loopback and real halls syncing through it. */
import Database from 'better-sqlite3';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { startHub, type Hub } from '../../../electron/core/adapters/hub/hub-server';
import { appendReferenceItem } from '../../../electron/core/features/sync/queries-hub';
import { writeReference } from '../../../electron/core/store/reference';
import { dbPath } from '../../../electron/core/store/db';
import type { SyncTiming } from '../../../electron/core/adapters/sync/engine';
import type { SyncStatus } from '../../../shared/features/sync/contract';
import type { ReferenceData } from '../../../shared/features/reference/reference';
import { TINY_REF, tempDir } from '../store/fixtures';
import type { Cleanups } from '../runtime/fixtures';

export const REG_TOKEN = 'test-registration-token-0123456789';
export const ADMIN = { role: 'admin' as const, actor: 'admin' };

export async function startTestHub(
  cleanups: Cleanups,
  ref: ReferenceData | null = TINY_REF,
  port = 0,
): Promise<Hub & { dir: string }> {
  const t = tempDir('hub-test-');
  cleanups.push(t.cleanup);
  const hub = await startHub({ dataDir: t.dir, port, registrationToken: REG_TOKEN });
  cleanups.push(() => hub.close());
  if (ref) {
    hub.db.transaction(() => {
      writeReference(hub.db, ref);
      appendReferenceItem(hub.db, ref.version, ref, hub.node);
    })();
  }
  return Object.assign(hub, { dir: t.dir });
}

export const FAST: SyncTiming = {
  pollMs: 200,
  backoff: { baseMs: 20, maxMs: 200 },
  requestTimeoutMs: 5_000,
};

export async function openHall(
  cleanups: Cleanups,
  hubUrl: string,
  node: string,
  opts: { now?: () => number; timing?: SyncTiming; dir?: string } = {},
): Promise<{ core: Core; dir: string }> {
  let dir = opts.dir;
  if (!dir) {
    const t = tempDir(`${node}-`);
    cleanups.push(t.cleanup);
    dir = t.dir;
  }
  const core = await createInProcessCore({
    dataDir: dir,
    node,
    host: 'test',
    ...(opts.now ? { now: opts.now } : {}),
    sync: { hubUrl, token: REG_TOKEN, timing: opts.timing ?? FAST },
  });
  cleanups.push(() => core.close());
  return { core, dir };
}

export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | null | false> | T | null | false,
  timeoutMs = 20_000,
): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until the hall has pushed everything and pulled up to the hub's current sequence. */
export async function waitSynced(core: Core, hubSeq: () => number, timeoutMs = 20_000): Promise<SyncStatus> {
  return waitFor(
    'sync',
    async () => {
      await core.call('sync.retryNow', {}, ADMIN);
      const s = await core.call('sync.status', {}, ADMIN);
      return s.state === 'online' && s.outboxPending === 0 && s.cursor >= hubSeq() ? s : null;
    },
    timeoutMs,
  );
}

/** The store's events (ids) and projection, read through a second connection. */
export function snapshot(dir: string): { events: string[]; orders: Array<{ id: string; json: string }> } {
  const db = new Database(dbPath(dir), { readonly: true });
  try {
    const events = db.prepare('SELECT id FROM order_event ORDER BY id').pluck().all() as string[];
    const orders = db.prepare('SELECT id, json FROM work_order ORDER BY id').all() as Array<{
      id: string;
      json: string;
    }>;
    return { events, orders };
  } finally {
    db.close();
  }
}
