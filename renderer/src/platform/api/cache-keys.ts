/** Pure helpers of the query cache: stable keys, and which procedures a change hint makes stale. */
import type { ChangeHint } from '../../../../shared/kernel/proc';

/** JSON with sorted object keys, so `{a,b}` and `{b,a}` share one cache entry. */
export function stableStringify(v: unknown): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

export function queryKey(proc: string, input: unknown): string {
  return `${proc} ${stableStringify(input)}`;
}

/**
 * Procedure prefixes (or whole names) made stale by a hint, most visible first: the cache
 * refetches in this order. Order changes also move the counters in system.info (order count,
 * outbox pending) and sync.status, so those refresh too; map.config and the sync lists do not
 * depend on orders.
 */
export function procsForHint(hint: ChangeHint): string[] {
  switch (hint.topic) {
    case 'orders.changed':
      return ['awareness.', 'map.orders', 'orders.', 'system.', 'sync.status', 'stats.', 'map.features'];
    case 'reference.changed':
      return ['reference.', 'orders.', 'stats.', 'map.'];
    case 'awareness.changed':
      return ['awareness.'];
    case 'map.changed':
      return ['map.', 'reference.'];
    case 'sync.changed':
      return ['sync.', 'system.', 'open311.'];
    case 'system.changed':
      return ['system.'];
    default:
      return [];
  }
}
