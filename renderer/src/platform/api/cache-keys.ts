/**
 * What a change makes stale, read from the contract: each query declares the change hints after
 * which its cached answer is stale (`stale`), each mutation the hints it emits (`changes`). Both
 * maps are built once from CONTRACT, so a new procedure needs no edit here.
 *
 * This module pulls in CONTRACT (and so zod): only the app's chunk may import it, never the small
 * entry script (main.tsx → first-calls.ts → query-cache.ts), which routes hints through
 * `routeHints` once the app has loaded.
 */
import { CONTRACT, type ProcName } from '../../../../shared/contract/index';
import { TOPICS, type ChangeHint, type Topic } from '../../../../shared/kernel/proc';

/**
 * Refetch order, most visible first: the core answers one call at a time, so what the wall shows
 * (counters, alarms, the map's orders) is asked for before the lists and the status bar. Prefixes
 * or whole names; everything else follows in contract order.
 */
const VISIBLE_FIRST: readonly string[] = ['awareness.', 'map.orders', 'orders.', 'system.', 'sync.status'];

function priority(proc: string): number {
  const i = VISIBLE_FIRST.findIndex((p) => proc.startsWith(p));
  return i < 0 ? VISIBLE_FIRST.length : i;
}

const NAMES = Object.keys(CONTRACT) as ProcName[];

function byPriority(procs: readonly ProcName[]): ProcName[] {
  // Array.prototype.sort is stable: equal priorities keep the contract's order.
  return [...procs].sort((a, b) => priority(a) - priority(b));
}

/** Topic → the queries it makes stale, most visible first. */
const STALE_BY_TOPIC: ReadonlyMap<Topic, readonly ProcName[]> = new Map(
  TOPICS.map((topic) => [
    topic,
    byPriority(NAMES.filter((p) => CONTRACT[p].kind === 'query' && CONTRACT[p].stale.includes(topic))),
  ]),
);

/** The queries a change hint makes stale, most visible first. */
export function procsForHint(hint: ChangeHint): readonly ProcName[] {
  return STALE_BY_TOPIC.get(hint.topic) ?? [];
}

/** The queries a successful mutation makes stale (the hints it declares it emits), most visible first. */
export function procsStaleAfter(mutation: ProcName): readonly ProcName[] {
  const stale = new Set(CONTRACT[mutation].changes.flatMap((topic) => STALE_BY_TOPIC.get(topic) ?? []));
  return byPriority([...stale]);
}
