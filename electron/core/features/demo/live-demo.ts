/**
 * Runs the live demo trickle (demo/live.ts) against the store: due events are stamped with
 * this node's HLC, ingested through the same path as upstream events (source 'demo': no
 * outbox), and announced with an 'orders.changed' hint so walls update within a second.
 */
import type { ChangeHint } from '../../../../shared/contract/index';
import { decodeHlc } from '../../../../shared/kernel/hlc';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import { LivePlanner, type LivePlanOptions } from './generator/live';
import { nextLocalHlc } from '../../store/meta';
import { getOrder, ingestEvents } from '../../store/event-log/events';
import { readReference } from '../../store/reference';
import type { WriteEnv } from '../../runtime/context';
import { startFieldDemo } from './field-demo';

export interface LiveDemoOptions extends Partial<Omit<LivePlanOptions, 'node'>> {
  /** How often due events are written, ms (default 1 s). 0: no timer, the caller calls step(). */
  readonly tickMs?: number;
}

export interface LiveDemo {
  /** Writes what is due now; returns the number of events written. */
  step(): number;
  stop(): void;
}

export function startLiveDemo(
  env: WriteEnv,
  publish: (hint: ChangeHint) => void,
  opts: LiveDemoOptions = {},
): LiveDemo | null {
  const ref = readReference(env.db);
  if (!ref) return null;
  const planner = new LivePlanner(ref, { ...opts, seed: opts.seed ?? 1, node: env.node }, env.now());
  // 现场力量: grid workers on patrol and party members on duty report every 30 s (FIELD.md).
  const field = startFieldDemo(env, publish, ref, opts.seed ?? 1);
  const step = (): number => {
    const due = planner.due(env.now());
    if (due.length === 0) return 0;
    const db = env.db;
    const written = db
      .transaction((): readonly OrderEvent[] => {
        const events: OrderEvent[] = [];
        for (const s of due) {
          // A lifecycle step of an order that is gone (or never made it) is skipped.
          if (
            s.type !== 'created' &&
            !getOrder(db, s.orderId) &&
            !events.some((e) => e.orderId === s.orderId)
          )
            continue;
          const hlc = nextLocalHlc(db, env.node, env.now());
          events.push({
            id: s.id,
            orderId: s.orderId,
            type: s.type,
            payload: s.payload,
            actor: s.actor,
            node: env.node,
            hlc,
            at: decodeHlc(hlc).physical,
          } as OrderEvent);
        }
        return ingestEvents(db, events, { source: 'demo', node: env.node, now: env.now(), validate: true })
          .inserted;
      })
      .immediate();
    if (written.length > 0)
      publish({ topic: 'orders.changed', orderIds: [...new Set(written.map((e) => e.orderId))] });
    return written.length;
  };
  const tickMs = opts.tickMs ?? 1_000;
  let timer: ReturnType<typeof setInterval> | null = null;
  if (tickMs > 0) {
    timer = setInterval(() => {
      try {
        field.step();
        step();
      } catch (err) {
        // A demo hiccup must never take the core down; the next tick tries again.
        console.error('[live-demo] step failed:', err);
      }
    }, tickMs);
    timer.unref?.();
  }
  return {
    step,
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
