/**
 * Soft edit locks as the desk holds them. Opening an action form takes the order's lock
 * (`orders.lock`, purpose = the event it prepares), renews it every RENEW_MS while anything of
 * this page holds it — the open form, then the action waiting in the undo window — and releases
 * it (`orders.unlock`) when the last holder lets go. Handing the lock from the form to the undo
 * window is two holders overlapping, so the others never see it drop in between.
 *
 * A lock a commander broke is not silently taken back by the next renewal: the form sees that
 * the detail no longer names it as holder and calls `markLost`, which stops renewing (a new
 * holder — the form opened again — takes it anew).
 */
import type { ApiError } from '../../../../shared/kernel/api-error';
import { asApiError } from '../../platform/api/error-text';
import { mutate } from '../../platform/api/use-mutation';

/** Well inside ORDER_LOCK_TTL_MS (2 min): a missed renewal or two does not lose the lock. */
export const RENEW_MS = 30_000;

export type LockStatus = 'taking' | 'held' | 'refused' | 'lost';

interface Held {
  readonly owners: Map<symbol, string>;
  status: LockStatus;
  error: ApiError | null;
  timer: number | null;
  /** The purpose last sent, so a change of purpose is sent at once. */
  sent: string;
}

const locks = new Map<string, Held>();

function purposeOf(h: Held): string {
  // The newest holder's purpose is what others should read.
  let last = '';
  for (const p of h.owners.values()) last = p;
  return last;
}

async function take(orderId: string, h: Held): Promise<void> {
  const purpose = purposeOf(h);
  h.sent = purpose;
  try {
    await mutate('orders.lock', { orderId, purpose });
    if (locks.get(orderId) === h && h.status !== 'lost') {
      h.status = 'held';
      h.error = null;
    }
  } catch (err) {
    if (locks.get(orderId) !== h) return;
    h.status = 'refused';
    h.error = asApiError(err);
    stopRenewing(h);
  }
}

function stopRenewing(h: Held): void {
  if (h.timer !== null) window.clearInterval(h.timer);
  h.timer = null;
}

/**
 * Adds a holder. The first holder takes the lock; a later one with another purpose updates it.
 * Resolves with the lock's status once the core answered ('refused' with the error: someone
 * else holds it).
 */
export async function holdLock(
  orderId: string,
  owner: symbol,
  purpose: string,
): Promise<{ status: LockStatus; error: ApiError | null }> {
  let h = locks.get(orderId);
  if (!h) {
    h = { owners: new Map(), status: 'taking', error: null, timer: null, sent: '' };
    locks.set(orderId, h);
  }
  h.owners.set(owner, purpose);
  const held = h;
  // A new holder after a refusal or a broken lock tries again: the user opened the form anew.
  if (held.status !== 'held' || held.sent !== purpose) {
    held.status = 'taking';
    await take(orderId, held);
  }
  if (held.timer === null && (held.status === 'held' || held.status === 'taking')) {
    held.timer = window.setInterval(() => {
      if (held.status === 'held') void take(orderId, held);
    }, RENEW_MS);
  }
  return { status: held.status, error: held.error };
}

/** Removes a holder; the last one releases the lock (unless it was lost or never taken). */
export function releaseLock(orderId: string, owner: symbol): void {
  const h = locks.get(orderId);
  if (!h || !h.owners.delete(owner)) return;
  if (h.owners.size > 0) return;
  stopRenewing(h);
  locks.delete(orderId);
  if (h.status === 'held' || h.status === 'taking') {
    void mutate('orders.unlock', { orderId }).catch(() => {
      // The lock expires by itself (ORDER_LOCK_TTL_MS); nothing else to do.
    });
  }
}

/** Someone broke our lock: stop renewing it (the action can still be sent; the core decides). */
export function markLost(orderId: string): void {
  const h = locks.get(orderId);
  if (!h || h.status !== 'held') return;
  h.status = 'lost';
  stopRenewing(h);
}

export function lockStatus(orderId: string): LockStatus | null {
  return locks.get(orderId)?.status ?? null;
}
