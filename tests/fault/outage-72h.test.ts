/**
 * A hall offline for a simulated 72 hours (its clock runs 72 h while the hub is unreachable)
 * with 5,000 local actions: it keeps working, shows offline with the outage's start and the
 * honest outbox length, and catches up once the hub is back — every action exactly once upstream.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../electron/core/store/db';
import { writeReference } from '../../electron/core/store/reference';
import { hubSeq } from '../../electron/core/features/sync/queries-hub';
import type { Cleanups } from '../integration/runtime/fixtures';
import { createdPayload, T0, TINY_REF, tempDir } from '../integration/store/fixtures';
import {
  ADMIN,
  FAST,
  openHall,
  snapshot,
  startTestHub,
  waitFor,
  waitSynced,
} from '../integration/sync/sync-fixtures';
import { freePort } from './fault-fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});

const HOURS_72 = 72 * 3600 * 1000;
const ACTIONS = 5_000;

describe('72 hours offline', () => {
  it('keeps 5,000 local actions and catches up after reconnect', async () => {
    const port = await freePort();
    const hubUrl = `http://127.0.0.1:${port}`;
    const t = tempDir('hall-72h-');
    cleanups.push(t.cleanup);
    const db = openDb(t.dir);
    writeReference(db, TINY_REF);
    db.close();
    let clock = T0;
    const a = await openHall(cleanups, hubUrl, 'hallA', {
      now: () => clock,
      timing: { ...FAST, hints: false },
      dir: t.dir,
    });
    const down = await waitFor('offline', async () => {
      const s = await a.core.call('sync.status', {}, ADMIN);
      return s.state === 'offline' ? s : null;
    });
    expect(down.offlineSince).toBe(T0);
    const step = HOURS_72 / ACTIONS;
    const t0 = performance.now();
    for (let i = 0; i < ACTIONS / 2; i++) {
      clock += step;
      const d = await a.core.call(
        'orders.create',
        { order: createdPayload({ source: 'grid', title: `离线第${i}件` }) },
        ADMIN,
      );
      clock += step;
      await a.core.call(
        'orders.act',
        {
          orderId: d.order.id,
          expectedVersion: d.order.version,
          action: { type: 'dispatched', payload: { unitId: 'u-cg' } },
        },
        ADMIN,
      );
    }
    const localMs = performance.now() - t0;
    const during = await a.core.call('sync.status', {}, ADMIN);
    expect(during.state).toBe('offline');
    expect(during.outboxPending).toBe(ACTIONS);
    expect(clock - (during.offlineSince ?? 0)).toBeGreaterThanOrEqual(HOURS_72);
    const hub = await startTestHub(cleanups, TINY_REF, port);
    const c0 = performance.now();
    await a.core.call('sync.retryNow', {}, ADMIN);
    const up = await waitSynced(a.core, () => hubSeq(hub.db), 60_000);
    const catchUpMs = performance.now() - c0;
    console.info(
      `[72h] ${ACTIONS} local actions in ${localMs.toFixed(0)} ms; catch-up ${catchUpMs.toFixed(0)} ms`,
    );
    expect(up.outboxPending).toBe(0);
    expect(up.offlineSince).toBeNull();
    expect(up.lastSuccessAt).toBe(clock);
    const sa = snapshot(a.dir);
    expect(sa.events).toHaveLength(ACTIONS);
    expect(snapshot(hub.dir)).toEqual(sa);
  }, 120_000);
});
