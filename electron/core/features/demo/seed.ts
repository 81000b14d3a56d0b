/**
 * First-run demo seeding: reference data and a year of orders from the deterministic
 * generator, in one transaction (a crash mid-seed leaves an empty store that seeds again,
 * never half a street), ingested in batches through the same path as upstream events.
 */
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import type { ReferenceData } from '../../../../shared/features/reference/reference';
import { isDemo, setDemo } from '../../store/meta';
import { eventCount, ingestEvents } from '../../store/event-log/events';
import { writeReference } from '../../store/reference';
import type { WritableDb } from '../../store/types';
import { seedTemplatesIfEmpty } from '../templates';
import { demoTemplates } from './generator/templates';
import { demoMemberSlots } from './generator/party';
import { writeMemberSlots } from '../party';
import { seedDemoWhistles } from './queries-whistles';
import { writeGazetteerExtras } from '../address';
import { demoGazetteerExtras } from './generator/address-gazetteer';
import { writeAssets } from '../assets';
import { demoAssets } from './generator/assets';
import { linkDemoRepeats } from '../triage';

/** The interface of electron/core/demo. */
export interface DemoGenerator {
  generateReference(seed: number): ReferenceData;
  generateOrderEvents(
    ref: ReferenceData,
    opts: { seed: number; days: number; anchor: number; node: string },
  ): Iterable<OrderEvent[]>;
}

export interface DemoOptions {
  readonly seed?: number;
  readonly days?: number;
  readonly anchor?: number;
}

export interface SeedResult {
  readonly seeded: boolean;
  readonly orders: number;
  readonly events: number;
  readonly ms: number;
}

const BATCH = 5000;

export function seedDemoIfEmpty(
  db: WritableDb,
  gen: DemoGenerator,
  opts: DemoOptions & { readonly node: string; readonly now: number },
): SeedResult {
  const t0 = performance.now();
  if (isDemo(db) || eventCount(db) > 0) return { seeded: false, orders: 0, events: 0, ms: 0 };
  let orders = 0;
  let events = 0;
  db.transaction(() => {
    const seed = opts.seed ?? 1;
    const ref = gen.generateReference(seed);
    writeReference(db, ref);
    writeMemberSlots(db, demoMemberSlots(ref, seed), opts.now, 'demo');
    let batch: OrderEvent[] = [];
    const flush = (): void => {
      if (batch.length === 0) return;
      events += ingestEvents(db, batch, { source: 'demo', node: opts.node, now: opts.now, validate: false })
        .inserted.length;
      batch = [];
    };
    for (const orderEvents of gen.generateOrderEvents(ref, {
      seed,
      days: opts.days ?? 365,
      anchor: opts.anchor ?? opts.now,
      node: opts.node,
    })) {
      orders++;
      for (const e of orderEvents) batch.push(e);
      if (batch.length >= BATCH) flush();
    }
    flush();
    seedDemoWhistles(db, opts.now);
    seedTemplatesIfEmpty(db, demoTemplates(ref, opts.now));
    writeGazetteerExtras(db, demoGazetteerExtras(ref));
    writeAssets(db, demoAssets(ref), 'demo', opts.now);
    linkDemoRepeats(db); // 重复件: the 一类事 orders linked as an officer would have (模拟数据)
    setDemo(db, true);
  }).immediate();
  return { seeded: true, orders, events, ms: performance.now() - t0 };
}
