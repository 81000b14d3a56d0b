/**
 * 自动定位: an order from upstream (12345, the hub, Open311) that came with an address and no
 * point is matched against the gazetteer on the writer. From AUTO_LOCATE_THRESHOLD on, a
 * `located` event places it (actor `system:geocoder`, the note names the confidence and basis);
 * below, it stays 待定位 with the best candidate recorded for the person who places it.
 * Either way the order is looked at once (order_geocode).
 */
import { randomUUID } from 'node:crypto';
import {
  AUTO_LOCATE_THRESHOLD,
  matchAddress,
  type AddressMatch,
} from '../../../../shared/features/address/match';
import type { ChangeHint } from '../../../../shared/kernel/proc';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import { appendOrderEvents } from '../../store/event-log/events';
import { nextLocalHlc } from '../../store/meta';
import type { WriteEnv } from '../../runtime/context';
import { referenceIndex } from '../reference';
import { gazetteer } from './gazetteer';
import { unplacedUpstream, writeGeocode } from './queries';

export const GEOCODER_ACTOR = 'system:geocoder';
const BATCH = 200;

/** The located event's note: 自动定位（置信度 86%）：劲松中街 25 号，道路门牌. */
export function autoNote(m: AddressMatch): string {
  const basis: Record<AddressMatch['basis'], string> = {
    building: '楼宇名称',
    building_number: '小区楼号',
    road_number: '道路门牌',
    landmark: '地标',
    crossing: '路口',
    landmark_partial: '地标（部分名称）',
    road: '道路',
    community: '社区',
  };
  const no = m.number !== null ? `${m.number}号` : '';
  return `自动定位（置信度 ${Math.round(m.confidence * 100)}%）：${m.name}${no}，依据${basis[m.basis]}`;
}

/** Looks at the unplaced upstream orders once; returns the ids of orders it changed or looked at. */
export function autoLocatePending(env: Pick<WriteEnv, 'db' | 'node' | 'now'>): string[] {
  const db = env.db;
  return db.transaction((): string[] => {
    const rows = unplacedUpstream(db, env.node, BATCH);
    if (rows.length === 0) return [];
    const gaz = gazetteer(db);
    const locator = referenceIndex(db).locator;
    const now = env.now();
    for (const r of rows) {
      const best = r.address.trim() ? (matchAddress(gaz, r.address, 1)[0] ?? null) : null;
      if (best && best.confidence >= AUTO_LOCATE_THRESHOLD) {
        const where = locator.locate([best.lng, best.lat]);
        const event = {
          id: randomUUID(),
          orderId: r.id,
          type: 'located',
          payload: {
            lng: best.lng,
            lat: best.lat,
            communityCode: where.communityCode,
            gridCode: where.gridCode,
            note: autoNote(best),
          },
          actor: GEOCODER_ACTOR,
          node: env.node,
          hlc: nextLocalHlc(db, env.node, now),
          at: now,
        } as OrderEvent;
        const res = appendOrderEvents(db, [event], { source: 'local', now });
        const ok = res.rejected.length === 0;
        writeGeocode(db, r.id, {
          status: ok ? 'auto' : 'pending',
          confidence: best.confidence,
          matchJson: JSON.stringify(best),
          at: now,
        });
      } else
        writeGeocode(db, r.id, {
          status: 'pending',
          confidence: best?.confidence ?? 0,
          matchJson: best ? JSON.stringify(best) : null,
          at: now,
        });
    }
    return rows.map((r) => r.id);
  })();
}

export interface AutoLocator {
  /** Something changed in the orders: look again shortly. */
  poke(): void;
  stop(): void;
}

/** Runs autoLocatePending a moment after orders change (and once at start), off the call path. */
export function startAutoLocate(env: WriteEnv, publish: (h: ChangeHint) => void, delayMs = 250): AutoLocator {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const run = (): void => {
    timer = null;
    if (stopped) return;
    try {
      const ids = autoLocatePending(env);
      if (ids.length > 0) {
        publish({ topic: 'orders.changed', orderIds: ids });
        // More may wait than one batch.
        if (ids.length >= BATCH) schedule();
      }
    } catch (err) {
      console.error('[address] auto-locate failed:', err);
    }
  };
  const schedule = (): void => {
    if (stopped || timer) return;
    timer = setTimeout(run, delayMs);
    timer.unref?.();
  };
  schedule();
  return {
    poke: schedule,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
