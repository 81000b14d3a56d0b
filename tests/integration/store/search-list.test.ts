import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../electron/core/store/db';
import { listOrders, type OrderListQuery } from '../../../electron/core/features/orders/queries-list';
import { ingestEvents } from '../../../electron/core/store/event-log/events';
import { writeReference } from '../../../electron/core/store/reference';
import type { WritableDb } from '../../../electron/core/store/types';
import { History, T0, TINY_REF, closedHistory, createdPayload, tempDir } from './fixtures';

let db: WritableDb;
let cleanup: () => void;
const NOW = T0 + 40 * 86_400_000;
const DAY = 86_400_000;

// 30 orders, one per day: titles cycle through 4 texts; every 5th is closed.
const TEXTS = [
  { title: '噪音扰民', description: '夜间施工', address: '光华路1号' },
  { title: '卫生间漏水', description: '楼上渗水到楼下', address: '东社区3号楼' },
  { title: '路灯不亮', description: '小区南门路灯坏了', address: '西社区南门' },
  { title: '水管爆裂', description: '停水', address: 'A座B1层' },
];

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openDb(t.dir);
  writeReference(db, TINY_REF);
  for (let i = 0; i < 30; i++) {
    const text = TEXTS[i % 4] as (typeof TEXTS)[number];
    const over = {
      ...text,
      urgency: i % 2 ? ('P1' as const) : ('P2' as const),
      communityCode: i % 3 === 0 ? '110105001002' : '110105001001',
      categoryCode: i % 4 === 1 || i % 4 === 3 ? '02.01' : '01.01.001',
    };
    if (i % 5 === 0) {
      ingestEvents(db, closedHistory(`o${i}`, T0 + i * DAY, over), { source: 'upstream' });
    } else {
      const h = new History(`o${i}`, T0 + i * DAY);
      h.add('created', createdPayload(over), 0);
      h.add('dispatched', { unitId: 'u-cg' });
      ingestEvents(db, h.events, { source: 'upstream' });
    }
  }
});
afterAll(() => {
  db.close();
  cleanup();
});

const list = (q: Partial<OrderListQuery>) => listOrders(db, { limit: 100, now: NOW, ...q });
const ids = (q: Partial<OrderListQuery>) => list(q).rows.map((r) => r.id);

describe('full-text search', () => {
  it('finds 1-character Chinese queries', () => {
    const hits = ids({ q: '水' });
    // 漏水/渗水 (i%4==1) and 水管/停水 (i%4==3)
    expect(hits.sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => i)
        .filter((i) => i % 4 === 1 || i % 4 === 3)
        .map((i) => `o${i}`)
        .sort(),
    );
  });

  it('finds 2-character queries, including at the end of a text', () => {
    expect(ids({ q: '噪音' })).toHaveLength(8);
    expect(ids({ q: '漏水' })).toHaveLength(8);
    expect(ids({ q: '停水' })).toHaveLength(7); // last characters of a description
    expect(ids({ q: '南门' })).toHaveLength(7);
  });

  it('finds 3+ character queries as the phrase of their 2-character windows, and mixed queries', () => {
    expect(ids({ q: '卫生间漏水' })).toHaveLength(8);
    expect(ids({ q: '楼上渗水到' })).toHaveLength(8);
    // Only where the characters stand next to each other, within one text: not 卫生…漏, and not
    // across the end of the title (…漏水) and the start of the description (楼上…).
    expect(ids({ q: '卫生漏' })).toHaveLength(0);
    expect(ids({ q: '漏水楼上' })).toHaveLength(0);
    expect(ids({ q: '间漏水' })).toHaveLength(8);
    expect(ids({ q: '路灯 南门' })).toHaveLength(7);
    expect(ids({ q: '噪音 南门' })).toHaveLength(0);
    expect(ids({ q: 'b1' })).toHaveLength(7); // Latin, case-folded
  });

  it('returns hits newest first, with filters, and nothing for pure punctuation', () => {
    const hits = list({ q: '水' }).rows;
    const times = hits.map((r) => r.receivedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(ids({ q: '水', communityCode: '110105001002' }).every((id) => Number(id.slice(1)) % 3 === 0)).toBe(
      true,
    );
    expect(list({ q: '，。！' }).rows).toHaveLength(0);
  });
});

describe('orders list', () => {
  it('filters by status, urgency, category prefix, community and received range', () => {
    expect(ids({ status: ['closed'] }).sort()).toEqual(['o0', 'o10', 'o15', 'o20', 'o25', 'o5'].sort());
    expect(ids({ urgency: ['P1'] })).toHaveLength(15);
    expect(ids({ categoryCode: '02' })).toHaveLength(15);
    expect(ids({ categoryCode: '01.01' })).toHaveLength(15);
    expect(ids({ categoryCode: '01.02' })).toHaveLength(0);
    expect(ids({ communityCode: '110105001002' })).toHaveLength(10);
    expect(ids({ receivedFrom: T0 + 10 * DAY, receivedTo: T0 + 12 * DAY })).toEqual(['o12', 'o11', 'o10']);
    expect(
      ids({ status: ['dispatched'], urgency: ['P2'], communityCode: '110105001001' }).length,
    ).toBeGreaterThan(0);
  });

  it('flags overdue open orders and filters them', () => {
    const overdue = list({ overdueOnly: true }).rows;
    expect(overdue.length).toBeGreaterThan(0);
    expect(
      overdue.every((r) => r.overdue && r.status !== 'closed' && (r.finishDeadline ?? Infinity) < NOW),
    ).toBe(true);
    const notYet = listOrders(db, { limit: 100, now: T0, overdueOnly: true }).rows;
    expect(notYet).toHaveLength(0);
  });

  it('pages with a keyset cursor, newest first, without gaps or repeats', () => {
    const seen: string[] = [];
    let cursor: number | null = null;
    let pages = 0;
    for (;;) {
      const page = listOrders(db, { limit: 7, now: NOW, beforeRowid: cursor });
      expect(page.total).toBe(30);
      seen.push(...page.rows.map((r) => r.id));
      pages++;
      if (!page.nextCursor) break;
      cursor = parseInt(page.nextCursor.slice(1), 36);
    }
    expect(pages).toBe(5);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `o${29 - i}`));
  });

  it('pages search results the same way', () => {
    const first = list({ q: '水', limit: 5 });
    expect(first.total).toBe(15);
    const next = listOrders(db, {
      q: '水',
      limit: 100,
      now: NOW,
      beforeRowid: parseInt((first.nextCursor as string).slice(1), 36),
    });
    expect(next.rows).toHaveLength(10);
    expect(new Set([...first.rows, ...next.rows].map((r) => r.id)).size).toBe(15);
  });

  it('counts search totals with and without row filters (the count skips the join only when unfiltered)', () => {
    // 水: 15 orders; 3- and 4-char runs use the trigram index; both combined with a row filter.
    expect(list({ q: '水' }).total).toBe(15);
    expect(list({ q: '卫生间漏水' }).total).toBe(8);
    const filtered = list({ q: '水', communityCode: '110105001002' });
    expect(filtered.total).toBe(filtered.rows.length);
    expect(filtered.rows.every((r) => r.communityCode === '110105001002')).toBe(true);
    expect(filtered.total).toBeLessThan(15);
    expect(list({ q: '卫生间漏水', status: ['closed'] }).total).toBe(
      list({ q: '卫生间漏水', status: ['closed'] }).rows.length,
    );
  });
});
