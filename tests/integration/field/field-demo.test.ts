/**
 * The live demo's field force (模拟数据, issue 15 item 4): on a demo store during a patrol shift,
 * the live trickle reports every grid worker's position (and the 双报到 members volunteering then;
 * source demo) with a field.changed hint, and nothing goes to the outbox.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeHint } from '../../../shared/contract/index';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import { tempDir } from '../store/fixtures';
import type { Cleanups } from '../runtime/fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('live demo field force', () => {
  it('puts grid workers on patrol on the map', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    // Tuesday 2026-03-10 09:30 China time: the morning patrol (8:00–11:30).
    const start = Date.UTC(2026, 2, 10, 1, 30);
    const core = await createInProcessCore({
      dataDir: t.dir,
      host: 'test',
      demo: { days: 1, anchor: start },
      liveDemo: { intervalMs: 60_000 },
      now: () => start + (Date.now() % 1000),
    });
    cleanups.push(() => core.close());
    const hints: ChangeHint[] = [];
    core.onChange((h) => hints.push(h));
    const officer = { role: 'officer', actor: 'duty' } as const;
    const snap = await core.call('reference.snapshot', {}, officer);
    const workers = snap.people.filter((p) => p.role === 'grid_worker').length;
    await expect
      .poll(async () => (await core.call('field.positions', {}, officer)).people.length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(workers);
    const pos = await core.call('field.positions', {}, officer);
    expect(pos.people.filter((p) => p.role === 'grid_worker')).toHaveLength(workers);
    expect(pos.people.every((p) => p.source === 'demo')).toBe(true);
    expect(hints.some((h) => h.topic === 'field.changed')).toBe(true);
    expect((await core.call('system.info', {}, officer)).outboxPending).toBe(0);
  }, 60_000);
});
