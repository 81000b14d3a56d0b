/**
 * The desk's one undo queue: submitted actions wait UNDO_MS, then go to `orders.act` with the
 * order version the user saw and a client-chosen event id (a retry after a lost answer is a
 * no-op). Each waiting action holds the order's soft lock until it was sent.
 *
 * It lives at module level, not in a component: leaving the desk flushes it and the sends
 * finish even though the desk is gone; a failure is kept and shown when the desk is back.
 */
import { useSyncExternalStore } from 'react';
import type { OrderAction } from '../../../../shared/features/orders/order-events';
import { mutate } from '../../platform/api/use-mutation';
import type { Draft } from './action-forms';
import type { DeskActionId } from './desk-actions';
import { releaseLock } from './order-lock';
import { createUndoQueue, type UndoEntry } from './undo-queue';

/** The undo window. */
export const UNDO_MS = 5000;

/** The orders.act input, with the action typed (the contract's schema types it loosely). */
export interface ActInput {
  readonly orderId: string;
  readonly expectedVersion: number;
  readonly action: Exclude<OrderAction, { type: 'created' }>;
  readonly eventId: string;
}

export interface DeskSend {
  readonly orderId: string;
  readonly orderTitle: string;
  readonly deskAction: DeskActionId;
  readonly input: ActInput;
  /** What the user typed, to give back when the send fails or is undone. */
  readonly draft: Draft;
  /** The lock holder of this send. */
  readonly owner: symbol;
  /** 推荐派单 by one click: undoing it gives no form back. */
  readonly oneClick: boolean;
}

export const deskQueue = createUndoQueue<DeskSend>({
  delayMs: UNDO_MS,
  send: async (s) => {
    try {
      await mutate('orders.act', s.input);
    } finally {
      releaseLock(s.orderId, s.owner);
    }
  },
});

/** The queue's entries, re-rendering on every change. */
export function useDeskQueue(): readonly UndoEntry<DeskSend>[] {
  return useSyncExternalStore(deskQueue.subscribe, deskQueue.entries, deskQueue.entries);
}

/** A fresh client event id (the core accepts [A-Za-z0-9_.:@-]). */
export function newEventId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return `desk-${c.randomUUID()}`;
  return `desk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
