/**
 * The live demo trickle (大屏演示): keeps a demo wall moving. New orders arrive every
 * ~0.5–1.5 × the mean interval (default 40 s); each one replays a realistic lifecycle taken
 * from the seeded generator (dispatch, sign, progress, reply, close, call-back), time-compressed
 * (default 60×: a P0's 2 h becomes 2 min, a P2's week about 3 h). P0/P1 orders, which sound
 * the wall's alarm, are spaced at least `alarmGapMs` apart so the alarm stays meaningful.
 *
 * Pure and deterministic for a seed and a clock: the planner returns what is due; the caller
 * stamps HLCs and ingests (services/live-demo.ts).
 */
import type { OrderEvent, OrderEventType } from '../../../../../shared/features/orders/order-events';
import type { ReferenceData } from '../../../../../shared/features/reference/reference';
import { generateOrderEvents } from './orders';
import { createRng, type Rng } from './random';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const CST = 8 * 60 * MIN;

export interface LivePlanOptions {
  readonly seed: number;
  readonly node: string;
  /** Mean time between new orders, ms (default 40 s). */
  readonly meanIntervalMs?: number;
  /** Time compression of each order's lifecycle (default 60). */
  readonly speed?: number;
  /** Minimum time between two P0/P1 orders, ms (default 10 min). */
  readonly alarmGapMs?: number;
}

/** One event to write: the caller gives it an id-stable HLC and `at` when it is written. */
export interface LiveStep {
  readonly id: string;
  readonly orderId: string;
  readonly type: OrderEventType;
  readonly payload: OrderEvent['payload'];
  readonly actor: string;
  /** When it is due (ms). */
  readonly due: number;
}

/** Lifecycles that end in another order (并案) cannot be replayed alone. */
function replayable(events: readonly OrderEvent[]): boolean {
  return events[0]?.type === 'created' && !events.some((e) => e.type === 'merged');
}

/** WO + China date + L + seconds of the day: unique per second, apart from the seeded WO ids. */
export function liveOrderId(at: number): string {
  const day = Math.floor((at + CST) / DAY);
  const date = new Date(day * DAY).toISOString().slice(0, 10).replace(/-/g, '');
  const sec = Math.floor((at + CST - day * DAY) / 1000);
  return `WO${date}L${String(sec).padStart(5, '0')}`;
}

/**
 * The template's creation moved to `at`: an upstream deadline keeps its distance from receipt
 * (it runs in real time, like the hall's own deadlines), so a replayed order is never born overdue.
 */
function _rebased(e: OrderEvent & { type: 'created' }, at: number): OrderEvent['payload'] {
  const p = e.payload;
  return p.upstreamDeadline === null ? p : { ...p, upstreamDeadline: at + (p.upstreamDeadline - e.at) };
}

export class LivePlanner {
  private readonly rng: Rng;
  private readonly mean: number;
  private readonly speed: number;
  private readonly alarmGap: number;
  private templates: Iterator<OrderEvent[]>;
  private round = 0;
  private nextArrival: number;
  private lastAlarm = -Infinity;
  /** The time the last order id was taken from: ids are per second, so two arrivals within one
   * second (a fast demo) take the next free second instead of sharing an order. */
  private lastIdAt = -Infinity;
  /** Events scheduled and not yet due, kept sorted by `due`. */
  private pending: LiveStep[] = [];

  constructor(
    private readonly ref: ReferenceData,
    private readonly opts: LivePlanOptions,
    start: number,
  ) {
    this.rng = createRng(opts.seed, 0x11fe);
    this.mean = opts.meanIntervalMs ?? 40_000;
    this.speed = opts.speed ?? 60;
    this.alarmGap = opts.alarmGapMs ?? 10 * MIN;
    this.templates = this.templateRound(start);
    // The first order comes soon after start so a freshly opened wall shows movement.
    this.nextArrival = start + Math.min(this.mean, 5_000);
  }

  /** Orders of a fortnight three weeks back: whole lifecycles, in the current season. */
  private templateRound(start: number): Iterator<OrderEvent[]> {
    this.round++;
    return generateOrderEvents(this.ref, {
      seed: this.opts.seed * 7919 + this.round,
      days: 14,
      anchor: start - 21 * DAY,
      node: this.opts.node,
    })[Symbol.iterator]();
  }

  private nextTemplate(at: number): OrderEvent[] {
    for (let tries = 0; tries < 10_000; tries++) {
      let r = this.templates.next();
      if (r.done) {
        this.templates = this.templateRound(at);
        r = this.templates.next();
        if (r.done) break;
      }
      const events = r.value;
      if (!replayable(events)) continue;
      const created = events[0] as OrderEvent & { type: 'created' };
      const urgent = created.payload.urgency === 'P0' || created.payload.urgency === 'P1';
      if (urgent && at - this.lastAlarm < this.alarmGap) continue;
      if (urgent) this.lastAlarm = at;
      return events;
    }
    throw new Error('live demo: the generator gave no replayable order');
  }

  private schedule(at: number): void {
    const template = this.nextTemplate(at);
    const first = template[0] as OrderEvent;
    const idAt = Math.max(at, this.lastIdAt + 1_000);
    this.lastIdAt = idAt;
    const orderId = liveOrderId(idAt);
    template.forEach((e, k) => {
      this.pending.push({
        id: `${orderId}-e${k + 1}`,
        orderId,
        type: e.type,
        payload: e.type === 'created' ? _rebased(e as OrderEvent & { type: 'created' }, at) : e.payload,
        actor: e.actor,
        due: k === 0 ? at : at + Math.max(1_000 * k, Math.round((e.at - first.at) / this.speed)),
      });
    });
    this.pending.sort((a, b) => a.due - b.due || a.id.localeCompare(b.id));
  }

  /** Everything due at `now`, oldest first: new orders' creation and live orders' next steps. */
  due(now: number): LiveStep[] {
    while (this.nextArrival <= now) {
      this.schedule(this.nextArrival);
      this.nextArrival += Math.round(this.mean * this.rng.range(0.5, 1.5));
    }
    let n = 0;
    while (n < this.pending.length && (this.pending[n] as LiveStep).due <= now) n++;
    return this.pending.splice(0, n);
  }

  /** Events scheduled for later (tests, and a clean stop). */
  get scheduled(): number {
    return this.pending.length;
  }
}
