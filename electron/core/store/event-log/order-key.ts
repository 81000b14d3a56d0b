/**
 * The projection's key: `work_order.rowid = receivedAt × 1024 + slot`, so rowid order is the
 * order of receipt and a time range of receipt is a rowid range (an index-free range scan).
 * Every query that turns a time into a rowid goes through these helpers.
 */
export const ORDER_KEY_SLOTS = 1024;

/** The first rowid of orders received at `receivedAt` (ms) or later. */
export function orderKeyFrom(receivedAt: number): number {
  return receivedAt * ORDER_KEY_SLOTS;
}

/** The last rowid of orders received at `receivedAt` (ms) or earlier. */
export function orderKeyThrough(receivedAt: number): number {
  return receivedAt * ORDER_KEY_SLOTS + ORDER_KEY_SLOTS - 1;
}
