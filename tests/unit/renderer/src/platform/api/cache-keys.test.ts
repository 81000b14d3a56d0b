/** What a change makes stale is read from the contract (each procedure's `stale` / `changes`). */
import { describe, expect, it } from 'vitest';
import { CONTRACT, TOPICS, type ProcName } from '../../../../../../shared/contract/index';
import { procsForHint, procsStaleAfter } from '../../../../../../renderer/src/platform/api/cache-keys';

describe('change hints', () => {
  it('orders.changed makes the order, map and wall queries stale, not the map config', () => {
    const p = procsForHint({ topic: 'orders.changed', orderIds: ['o1'] });
    expect(p).toEqual(expect.arrayContaining(['orders.get', 'orders.list', 'map.orders', 'awareness.today']));
    expect(p).toEqual(expect.arrayContaining(['stats.month', 'system.info', 'sync.status']));
    expect(p).not.toContain('map.config');
    expect(p).not.toContain('reference.snapshot');
    expect(p).not.toContain('sync.conflicts');
  });

  it('refreshes the most visible first: the wall, the map orders, the orders, then the rest', () => {
    const p = procsForHint({ topic: 'orders.changed', orderIds: ['o1'] });
    const firstOf = (prefix: string) => p.findIndex((x) => x.startsWith(prefix));
    expect(p[0]?.startsWith('awareness.')).toBe(true);
    expect(firstOf('awareness.')).toBeLessThan(p.indexOf('map.orders'));
    expect(p.indexOf('map.orders')).toBeLessThan(firstOf('orders.'));
    expect(firstOf('orders.')).toBeLessThan(p.indexOf('stats.month'));
    expect(firstOf('orders.')).toBeLessThan(p.indexOf('map.features'));
  });

  it('follows each query’s declaration: exactly the queries that list the topic', () => {
    for (const topic of TOPICS) {
      const expected = (Object.keys(CONTRACT) as ProcName[]).filter(
        (p) => CONTRACT[p].kind === 'query' && (CONTRACT[p].stale as readonly string[]).includes(topic),
      );
      expect([...procsForHint({ topic } as Parameters<typeof procsForHint>[0])].sort()).toEqual(
        expected.sort(),
      );
    }
  });

  it('system.changed refreshes the account list and the system figures, not the orders', () => {
    const p = procsForHint({ topic: 'system.changed' });
    expect(p).toEqual(expect.arrayContaining(['accounts.list', 'system.info']));
    expect(p.some((x) => x.startsWith('orders.'))).toBe(false);
  });
});

describe('after a mutation', () => {
  it('makes stale what its declared changes make stale', () => {
    expect(procsStaleAfter('accounts.setDisabled')).toContain('accounts.list');
    const ack = procsStaleAfter('awareness.acknowledgeAlarm');
    expect(ack).toContain('awareness.alarms');
    expect(ack).not.toContain('orders.list');
    // Two topics, one list without duplicates, most visible first.
    const resolve = procsStaleAfter('sync.resolveConflict');
    expect(resolve).toEqual(expect.arrayContaining(['sync.conflicts', 'orders.get', 'awareness.today']));
    expect(new Set(resolve).size).toBe(resolve.length);
    expect(resolve[0]?.startsWith('awareness.')).toBe(true);
  });

  it('a query changes nothing', () => {
    expect(procsStaleAfter('orders.list')).toEqual([]);
  });
});
