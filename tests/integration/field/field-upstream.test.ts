/**
 * 现场力量 from upstream (issue 15 item 4): position batches in the hub's pull feed reach a hall
 * through a real hub over loopback HTTP. Good reports are applied (latest per person), bad ones
 * are quarantined one by one with a Chinese reason, a malformed batch as a whole; a repeated
 * batch changes nothing; the cursor moves on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  appendPositionsItem,
  appendRawFeedItem,
  hubSeq,
} from '../../../electron/core/features/sync/queries-hub';
import type { ReferenceData } from '../../../shared/features/reference/reference';
import type { Cleanups } from '../runtime/fixtures';
import { TINY_REF } from '../store/fixtures';
import { ADMIN, openHall, startTestHub, waitSynced } from './../sync/sync-fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});

const base = TINY_REF.people[0]!;
const REF: ReferenceData = {
  ...TINY_REF,
  people: [base, { ...base, id: 'p2', name: '李党员', role: 'party_member', gridCode: null }],
};

describe('field positions from the hub feed', () => {
  it('applies good reports, quarantines bad ones, and ignores a repeated batch', async () => {
    const hub = await startTestHub(cleanups, REF);
    const hall = await openHall(cleanups, hub.url, 'hallA');
    await waitSynced(hall.core, () => hubSeq(hub.db));
    const now = Date.now();
    const batch = [
      { personId: 'p1', lng: 116.405, lat: 39.905, accuracy: 10, at: now - 60_000 },
      { personId: 'p2', lng: 121.47, lat: 31.23, accuracy: 10, at: now - 60_000 }, // Shanghai
      { personId: 'ghost', lng: 116.405, lat: 39.905, accuracy: 10, at: now - 60_000 },
    ];
    appendPositionsItem(hub.db, batch, hub.node);
    appendPositionsItem(hub.db, batch, hub.node); // the same batch again
    appendRawFeedItem(
      hub.db,
      'positions',
      JSON.stringify({ reports: [{ personId: 'p2', lng: 'x' }] }),
      'hub',
    );
    appendPositionsItem(hub.db, [{ ...batch[0]!, lng: 116.406, at: now }], hub.node);

    const s = await waitSynced(hall.core, () => hubSeq(hub.db));
    expect(s.cursor).toBe(hubSeq(hub.db));
    const pos = await hall.core.call('field.positions', {}, ADMIN);
    expect(pos.people.map((p) => [p.personId, p.lng, p.at, p.source])).toEqual([
      ['p1', 116.406, now, 'upstream'],
    ]);
    const q = await hall.core.call('sync.quarantine', {}, ADMIN);
    const reasons = q.map((r) => r.reason).join('\n');
    expect(reasons).toMatch(/位置上报 reports\.1: 位置不在本街道范围内/);
    expect(reasons).toMatch(/位置上报 reports\.2: 人员不存在: ghost/);
    expect(reasons).toMatch(/位置上报格式错误 reports\.0\.lng/);
    // The hall keeps answering.
    expect((await hall.core.call('field.near', { lng: 116.405, lat: 39.905 }, ADMIN))[0]?.personId).toBe(
      'p1',
    );
  });
});
