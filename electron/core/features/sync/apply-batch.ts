/**
 * Applying a pulled batch: validate each item, apply the good ones, quarantine the bad ones, list
 * what the lifecycle refused or what raced another node as 冲突, advance the cursor — in one
 * transaction, so a kill at any instant leaves either all of it or none.
 */
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import type { ReferenceData } from '../../../../shared/features/reference/reference';
import { concurrentConflictReason } from '../../../../shared/features/sync/conflict-reasons';
import { validateFeedItem } from '../../../../shared/features/sync/validate-item';
import type { WritableDb } from '../../store/types';
import { ingestEvents } from '../../store/event-log/events';
import { referenceVersion, writeReference } from '../../store/reference';
import { recordQuarantine } from './queries-quarantine';
import { ingestPositions } from '../field';
import { categoryCodes, orderOrigin, recordConflict, setSyncKv } from './queries';

export interface ApplyBatchOptions {
  readonly node: string;
  readonly hubNode: string;
  readonly now: number;
  /** The cursor to store once the batch is in (the hub's `next`). */
  readonly next: number;
}

export interface ApplyBatchResult {
  readonly applied: number;
  readonly repeats: number;
  readonly quarantined: number;
  readonly conflicts: number;
  readonly orderIds: readonly string[];
  readonly referenceVersion: number | null;
  /** Field-force positions that became someone's latest (the map's 现场力量 layer). */
  readonly positions: number;
}

/** One excerpt of a bad item, for the admin's quarantine view (the text as received). */
function _excerpt(raw: unknown): string {
  try {
    return JSON.stringify(raw)?.slice(0, 2_000) ?? String(raw);
  } catch {
    return String(raw).slice(0, 2_000);
  }
}

export function applyPulledBatch(
  db: WritableDb,
  items: readonly unknown[],
  opts: ApplyBatchOptions,
): ApplyBatchResult {
  return db.transaction((): ApplyBatchResult => {
    let categories = categoryCodes(db);
    const events: OrderEvent[] = [];
    const concurrent = new Map<string, readonly string[]>();
    let quarantined = 0;
    let refVersion: number | null = null;
    let positions = 0;
    let positionItems = 0;
    const flush = (): ReturnType<typeof ingestEvents> | null => {
      if (events.length === 0) return null;
      const res = ingestEvents(db, events, {
        source: 'upstream',
        node: opts.node,
        now: opts.now,
        validate: false,
      });
      events.length = 0;
      return res;
    };
    const results: Array<ReturnType<typeof ingestEvents>> = [];
    for (const raw of items) {
      const v = validateFeedItem(raw, {
        hubNode: opts.hubNode,
        knownCategory: (code) => categories.size === 0 || categories.has(code),
        orderOrigin: (orderId) => orderOrigin(db, opts.hubNode, orderId),
      });
      if (!v.ok) {
        recordQuarantine(db, {
          source: 'hub',
          reason: v.reason,
          payload: _excerpt(raw),
          ref: v.ref,
          at: opts.now,
        });
        quarantined++;
        continue;
      }
      if (v.kind === 'reference') {
        // Events before a reference change were made under the old one: apply them first.
        const r = flush();
        if (r) results.push(r);
        if (v.reference.version > referenceVersion(db)) {
          writeReference(db, v.reference.data as unknown as ReferenceData);
          categories = categoryCodes(db);
          refVersion = v.reference.version;
        }
        continue;
      }
      if (v.kind === 'positions') {
        positionItems++;
        // Each bad report is quarantined on its own; the good ones of the batch are applied.
        const r = ingestPositions(db, v.reports, { source: 'upstream', now: opts.now, allOrNothing: false });
        positions += r.accepted;
        for (const bad of r.refused) {
          recordQuarantine(db, {
            source: 'hub',
            reason: `位置上报 reports.${bad.index}: ${bad.error.message}`,
            payload: _excerpt(v.reports[bad.index]),
            ref: 'positions',
            at: opts.now,
          });
          quarantined++;
        }
        continue;
      }
      events.push(v.event);
      if (v.concurrentWith.length > 0) concurrent.set(v.event.id, v.concurrentWith);
    }
    const last = flush();
    if (last) results.push(last);
    let applied = 0;
    let conflicts = 0;
    const orderIds = new Set<string>();
    const byId = new Map<string, OrderEvent>();
    for (const res of results) {
      applied += res.inserted.length;
      for (const e of res.inserted) byId.set(e.id, e);
      for (const id of res.orderIds) orderIds.add(id);
      for (const r of res.rejected) {
        const e = byId.get(r.eventId);
        if (e && recordConflict(db, { event: e, kind: 'refused', reason: r.reason, detectedAt: opts.now }))
          conflicts++;
      }
    }
    for (const [id, others] of concurrent) {
      const e = byId.get(id);
      if (!e) continue;
      const reason = concurrentConflictReason(others);
      if (recordConflict(db, { event: e, kind: 'concurrent', reason, detectedAt: opts.now })) conflicts++;
    }
    setSyncKv(db, 'cursor', String(opts.next));
    const valid = items.length - quarantined;
    return {
      applied,
      repeats: Math.max(0, valid - applied - (refVersion === null ? 0 : 1) - positionItems),
      quarantined,
      conflicts,
      orderIds: Array.from(orderIds),
      referenceVersion: refVersion,
      positions,
    };
  })();
}
