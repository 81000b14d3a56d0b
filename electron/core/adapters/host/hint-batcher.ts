/**
 * Debounces change hints before they cross a process or network boundary (VS Code does the same
 * for storage events): within one window, `orders.changed` id lists are merged and repeated
 * topics collapse into one message.
 */
import type { ChangeHint } from '../../../../shared/contract/index';

export const HINT_BATCH_MS = 100;
/** Past this many ids one hint says "many orders changed" as a long list; clients refetch anyway. */
const MAX_IDS = 5000;

export function mergeHints(hints: readonly ChangeHint[]): ChangeHint[] {
  const ids = new Set<string>();
  let orders = false;
  // Topics without a payload collapse to one message each, in order of first appearance.
  const plain = new Map<string, ChangeHint>();
  for (const h of hints) {
    if (h.topic === 'orders.changed') {
      orders = true;
      for (const id of h.orderIds) if (ids.size < MAX_IDS) ids.add(id);
    } else if (!plain.has(h.topic)) plain.set(h.topic, h);
  }
  const out: ChangeHint[] = [];
  if (orders) out.push({ topic: 'orders.changed', orderIds: [...ids] });
  out.push(...plain.values());
  return out;
}

export interface HintBatcher {
  push(hint: ChangeHint): void;
  /** Sends what is pending now and stops the timer. */
  flush(): void;
  close(): void;
}

export function createHintBatcher(
  deliver: (hints: ChangeHint[]) => void,
  ms: number = HINT_BATCH_MS,
): HintBatcher {
  let pending: ChangeHint[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const batch = mergeHints(pending);
    pending = [];
    deliver(batch);
  };
  return {
    push(hint) {
      if (closed) return;
      pending.push(hint);
      if (!timer) timer = setTimeout(flush, ms);
    },
    flush,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}
