/**
 * The hub's feed compaction of field-force positions (docs/SYNC.md, docs/FIELD.md) with a real
 * hub and real halls over loopback HTTP: after compaction a hall that pulls from the start gets
 * the latest position per person and nothing older than the horizon; events and reference
 * versions are untouched; a hall that had pulled before keeps its cursor and keeps converging
 * (the newest item is never deleted, so its seq is never handed out again); a restarted hub
 * compacts again and keeps serving.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../../../electron/core/adapters/hub/hub-server';
import {
  appendPositionsItem,
  appendReferenceItem,
  hubSeq,
} from '../../../electron/core/features/sync/queries-hub';
import { dbPath } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import type { ReferenceData } from '../../../shared/features/reference/reference';
import type { Cleanups } from '../runtime/fixtures';
import { TINY_REF, createdPayload, tempDir } from '../store/fixtures';
import { ADMIN, REG_TOKEN, openHall, waitFor, waitSynced } from './sync-fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const base = TINY_REF.people[0]!;
const REF: ReferenceData = {
  ...TINY_REF,
  people: [base, { ...base, id: 'p2', name: '李党员', role: 'party_member', gridCode: null }],
};
const MIN = 60_000;
const HOUR = 60 * MIN;

interface Row {
  readonly personId: string;
  readonly at: number;
  readonly lng: number;
}

/** A hall's positions, read through a second connection: the latest per person and the history. */
function hallPositions(dir: string): { latest: Row[]; history: Row[] } {
  const db = new Database(dbPath(dir), { readonly: true });
  try {
    return {
      latest: db
        .prepare('SELECT person_id AS personId, at, lng FROM field_position ORDER BY person_id')
        .all() as Row[],
      history: db
        .prepare('SELECT person_id AS personId, at, lng FROM field_position_history ORDER BY person_id, at')
        .all() as Row[],
    };
  } finally {
    db.close();
  }
}

function feedKinds(hub: Hub): Record<string, number> {
  const rows = hub.db.prepare('SELECT kind, count(*) AS n FROM hub_feed GROUP BY kind').all() as {
    kind: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

function feedReports(hub: Hub): Row[] {
  return (
    hub.db
      .prepare("SELECT body FROM hub_feed WHERE kind = 'positions' ORDER BY seq")
      .pluck()
      .all() as string[]
  ).flatMap((b) =>
    (JSON.parse(b) as { reports: Row[] }).reports.map((r) => ({
      personId: r.personId,
      at: r.at,
      lng: r.lng,
    })),
  );
}

async function hubOn(dir: string, port = 0, compactEveryMs = 0): Promise<Hub> {
  const hub = await startHub({
    dataDir: dir,
    port,
    registrationToken: REG_TOKEN,
    positionsCompactEveryMs: compactEveryMs,
  });
  return hub;
}

const report = (personId: string, at: number, lng = 116.405) => ({
  personId,
  lng,
  lat: 39.905,
  accuracy: 10,
  at,
});

describe('hub feed compaction of positions', () => {
  it('keeps the latest position per person and the last hour; halls converge, before and after; events untouched', async () => {
    const t = tempDir('hub-compact-');
    cleanups.push(t.cleanup);
    let hub = await hubOn(t.dir);
    let open = true;
    cleanups.push(async () => {
      if (open) await hub.close();
    });
    hub.db.transaction(() => {
      writeReference(hub.db, REF);
      appendReferenceItem(hub.db, REF.version, REF, hub.node);
    })();
    const a = await openHall(cleanups, hub.url, 'hallA');
    await waitSynced(a.core, () => hubSeq(hub.db)); // the street's reference data first
    const order = (await a.core.call('orders.create', { order: createdPayload() }, ADMIN)).order;
    await waitSynced(a.core, () => hubSeq(hub.db));

    const now = Date.now();
    // Three hours of a stream every 10 minutes for two people, a stale report from yesterday, then
    // one report of p1 within the hour.
    appendPositionsItem(hub.db, [report('p2', now - 30 * HOUR)], hub.node);
    for (let i = 0; i < 12; i++)
      appendPositionsItem(
        hub.db,
        [
          report('p1', now - 3 * HOUR + i * 10 * MIN, 116.401 + i * 1e-4),
          report('p2', now - 3 * HOUR + i * 10 * MIN, 116.411 + i * 1e-4),
        ],
        hub.node,
      );
    appendPositionsItem(hub.db, [report('p1', now - 20 * MIN, 116.403)], hub.node);
    hub.notify();
    await waitSynced(a.core, () => hubSeq(hub.db));
    const before = hallPositions(a.dir);
    const kindsBefore = feedKinds(hub);
    expect(kindsBefore.positions).toBe(14);

    const res = hub.compactPositions();
    expect(res.deletedItems).toBe(12);
    // What is left: p1's report of the last hour and p2's newest (older than the hour).
    const p2Newest = now - 3 * HOUR + 11 * 10 * MIN;
    expect(feedReports(hub)).toEqual([
      { personId: 'p2', at: p2Newest, lng: 116.411 + 11 * 1e-4 },
      { personId: 'p1', at: now - 20 * MIN, lng: 116.403 },
    ]);
    // Only position items were touched.
    const kindsAfter = feedKinds(hub);
    expect(kindsAfter.event).toBe(kindsBefore.event);
    expect(kindsAfter.reference).toBe(kindsBefore.reference);
    expect(kindsAfter.positions).toBe(2);
    // Compacting again changes nothing.
    expect(hub.compactPositions()).toMatchObject({ deletedItems: 0, rewrittenItems: 0, droppedReports: 0 });

    // A hall that pulls from the start after compaction: the same latest positions, nothing older.
    const b = await openHall(cleanups, hub.url, 'hallB');
    await waitSynced(b.core, () => hubSeq(hub.db));
    const fresh = hallPositions(b.dir);
    expect(fresh.latest).toEqual(before.latest);
    expect(fresh.latest.map((r) => [r.personId, r.at])).toEqual([
      ['p1', now - 20 * MIN],
      ['p2', p2Newest],
    ]);
    expect(fresh.history.map((r) => [r.personId, r.at])).toEqual([
      ['p1', now - 20 * MIN],
      ['p2', p2Newest],
    ]);
    expect((await b.core.call('orders.get', { orderId: order.id }, ADMIN)).order.title).toBe(order.title);

    // The newest item is an old report (superseded): it is not deleted, so the next item gets a
    // new seq and hall A, whose cursor stands on it, still pulls what comes after.
    appendPositionsItem(hub.db, [report('p1', now - 2 * HOUR, 116.402)], hub.node);
    hub.notify();
    await waitSynced(a.core, () => hubSeq(hub.db));
    const top = hubSeq(hub.db);
    hub.compactPositions();
    expect(hubSeq(hub.db)).toBe(top);
    const next = appendPositionsItem(hub.db, [report('p2', now - 30_000, 116.404)], hub.node);
    expect(next).toBeGreaterThan(top);
    hub.notify();
    await waitFor('hall A gets the position after the compaction', () =>
      hallPositions(a.dir).latest.find((r) => r.personId === 'p2')?.at === now - 30_000 ? true : null,
    );

    // A hub restart: it compacts at start and keeps serving both halls.
    const port = hub.port;
    await hub.close();
    open = false;
    hub = await hubOn(t.dir, port, 60_000);
    open = true;
    expect(feedReports(hub).map((r) => [r.personId, r.at])).toEqual([
      ['p1', now - 20 * MIN],
      ['p2', now - 30_000],
    ]);
    const after = appendPositionsItem(hub.db, [report('p1', now - 5_000, 116.406)], hub.node);
    expect(after).toBeGreaterThan(next);
    hub.notify();
    for (const h of [a, b])
      await waitFor('both halls after the restart', () =>
        hallPositions(h.dir).latest.find((r) => r.personId === 'p1')?.at === now - 5_000 ? true : null,
      );
    const s = await waitSynced(b.core, () => hubSeq(hub.db));
    expect(s.cursor).toBe(hubSeq(hub.db));
  });
});
