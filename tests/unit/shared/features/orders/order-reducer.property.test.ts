import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderEvent, OrderEventType } from '../../../../../shared/features/orders/order-events';
import { STATUSES, type WorkOrder } from '../../../../../shared/features/orders/order';
import { compareEvents } from '../../../../../shared/kernel/hlc';
import {
  applyEvent,
  foldEvent,
  foldEvents,
  reduceOrder,
} from '../../../../../shared/features/orders/order-reducer';
import { CREATED, MIN, P, T0, makeEvent } from '../../fixtures';

const UNITS = ['U-A', 'U-B', 'U-C'] as const;
// Lifecycle events repeated so that random histories often get far.
const TYPES: Exclude<OrderEventType, 'created'>[] = [
  'dispatched',
  'dispatched',
  'signed',
  'signed',
  'contacted',
  'progressed',
  'replied',
  'replied',
  'verified',
  'verified',
  'closed',
  'return_requested',
  'return_decided',
  'extension_requested',
  'extension_decided',
  'urged',
  'suspended',
  'resumed',
  'merged',
  'reopened',
  'whistled',
  'reported_in',
  'reported_in',
  'callback_recorded',
  'located',
  'volunteer_assigned',
  'volunteer_accepted',
  'volunteer_declined',
  'volunteer_rated',
  'member_assist_added',
  'member_assist_removed',
];

interface Cmd {
  type: Exclude<OrderEventType, 'created'>;
  unit: (typeof UNITS)[number];
  flag: boolean;
  minute: number;
  days: number;
}

const cmdArb: fc.Arbitrary<Cmd> = fc.record({
  type: fc.constantFrom(...TYPES),
  unit: fc.constantFrom(...UNITS),
  flag: fc.boolean(),
  // Minutes after the previous command: mostly forward in time, with ties (broken by id).
  minute: fc.integer({ min: 0, max: 2 }),
  days: fc.integer({ min: 1, max: 15 }),
});

function toEvent(c: Cmd, i: number, at: number): OrderEvent {
  const id = `e${String(i).padStart(3, '0')}`;
  const u = c.unit;
  switch (c.type) {
    case 'dispatched':
      return makeEvent('dispatched', P.dispatched(u, c.flag ? ['U-C'] : []), at, 'O-1', id);
    case 'signed':
      return makeEvent('signed', P.signed(u), at, 'O-1', id);
    case 'contacted':
      return makeEvent('contacted', P.contacted(), at, 'O-1', id);
    case 'progressed':
      return makeEvent('progressed', P.progressed(), at, 'O-1', id);
    case 'replied':
      return makeEvent('replied', P.replied(), at, 'O-1', id);
    case 'verified':
      return makeEvent('verified', P.verified(c.flag), at, 'O-1', id);
    case 'closed':
      return makeEvent('closed', P.closed(), at, 'O-1', id);
    case 'return_requested':
      return makeEvent('return_requested', P.returnRequested(u), at, 'O-1', id);
    case 'return_decided':
      return makeEvent('return_decided', P.returnDecided(c.flag), at, 'O-1', id);
    case 'extension_requested':
      return makeEvent('extension_requested', P.extensionRequested(c.days), at, 'O-1', id);
    case 'extension_decided':
      return makeEvent('extension_decided', P.extensionDecided(c.flag), at, 'O-1', id);
    case 'urged':
      return makeEvent('urged', P.urged(), at, 'O-1', id);
    case 'suspended':
      return makeEvent('suspended', P.suspended(), at, 'O-1', id);
    case 'resumed':
      return makeEvent('resumed', P.resumed(), at, 'O-1', id);
    case 'merged':
      return makeEvent('merged', P.merged(c.flag ? 'O-1' : 'O-2'), at, 'O-1', id);
    case 'reopened':
      return makeEvent('reopened', P.reopened(), at, 'O-1', id);
    case 'whistled':
      return makeEvent('whistled', P.whistled([u, 'U-B'], 5 + c.days), at, 'O-1', id);
    case 'reported_in':
      return makeEvent('reported_in', P.reportedIn(u), at, 'O-1', id);
    case 'callback_recorded':
      return makeEvent('callback_recorded', P.callback(c.flag ? 'satisfied' : 'basic'), at, 'O-1', id);
    case 'located':
      return makeEvent('located', P.located(c.flag ? 116.47 : 116.46), at, 'O-1', id);
    case 'volunteer_assigned':
      return makeEvent('volunteer_assigned', P.volunteerAssigned(u), at, 'O-1', id);
    case 'volunteer_accepted':
      return makeEvent('volunteer_accepted', P.volunteerAccepted(u), at, 'O-1', id);
    case 'volunteer_declined':
      return makeEvent('volunteer_declined', P.volunteerDeclined(u), at, 'O-1', id);
    case 'volunteer_rated':
      return makeEvent(
        'volunteer_rated',
        P.volunteerRated(c.flag ? 5 : 3, c.flag ? 'satisfied' : 'basic'),
        at,
        'O-1',
        id,
      );
    case 'member_assist_added':
      return makeEvent('member_assist_added', P.assistAdded(u), at, 'O-1', id);
    case 'member_assist_removed':
      return makeEvent('member_assist_removed', P.assistRemoved(u), at, 'O-1', id);
  }
}

/** The happy path; a `next` command emits its next step, so histories get far as well as wide. */
const PATH: Cmd[] = (
  [
    ['dispatched', false],
    ['signed', false],
    ['contacted', false],
    ['replied', false],
    ['verified', true],
    ['callback_recorded', true],
    ['reopened', false],
  ] as const
).map(([type, flag]) => ({ type, unit: 'U-A', flag, minute: 1, days: 7 }));

const stepArb: fc.Arbitrary<Cmd | 'next'> = fc.oneof(
  { arbitrary: fc.constant('next' as const), weight: 2 },
  { arbitrary: cmdArb, weight: 3 },
);

/** A history: one created (at any time, so events may precede it) plus random commands. */
const historyArb = fc
  .tuple(
    fc.integer({ min: 0, max: 10 }),
    fc.array(stepArb, { maxLength: 40, size: 'medium' }),
    fc.constantFrom('P2', 'P3', 'P1') as fc.Arbitrary<'P1' | 'P2' | 'P3'>,
  )
  .map(([createdMinute, steps, urgency]) => {
    let p = 0;
    let t = T0;
    const events: OrderEvent[] = [
      makeEvent('created', { ...CREATED, urgency }, T0 + createdMinute * MIN, 'O-1', 'created'),
    ];
    steps.forEach((step, i) => {
      const c = step === 'next' ? (PATH[p++ % PATH.length] as Cmd) : step;
      t += c.minute * MIN;
      events.push(toEvent(c, i, t));
    });
    return events;
  });

const withPermutation = historyArb.chain((events) =>
  fc
    .shuffledSubarray(events, { minLength: events.length, maxLength: events.length })
    .map((shuffled) => ({ events, shuffled })),
);

describe('order reducer properties', () => {
  it('the same set of events gives the same state in any arrival order', () => {
    fc.assert(
      fc.property(withPermutation, ({ events, shuffled }) => {
        expect(reduceOrder(shuffled)).toEqual(reduceOrder(events));
      }),
      { numRuns: 500 },
    );
  });

  it('reduceOrder equals folding one by one in sorted order', () => {
    fc.assert(
      fc.property(withPermutation, ({ shuffled }) => {
        const sorted = [...shuffled].sort(compareEvents);
        const createdAt = sorted.findIndex((e) => e.type === 'created');
        const reduced = reduceOrder(shuffled);
        // foldEvent: the store's incremental path (events before created are kept by reduceOrder only).
        let folded: WorkOrder | null = null;
        for (const e of sorted.slice(createdAt)) folded = foldEvent(folded, e);
        const early = sorted.slice(0, createdAt).map((e) => e.id);
        expect(reduced?.rejected.map((r) => r.eventId).slice(0, early.length)).toEqual(early);
        expect(reduced).toEqual({
          ...folded,
          rejected: [...(reduced?.rejected.slice(0, early.length) ?? []), ...(folded?.rejected ?? [])],
        });
        // applyEvent: same state apart from the refusal bookkeeping.
        let applied: WorkOrder | null = null;
        let lastApplied = '';
        for (const e of sorted) {
          const r = applyEvent(applied, e);
          if (r.ok) {
            applied = r.order;
            lastApplied = e.hlc;
          }
        }
        expect(applied?.lastHlc).toBe(lastApplied);
        const strip = (o: WorkOrder | null) => (o ? { ...o, rejected: [], lastHlc: '' } : o);
        expect(strip(applied)).toEqual(strip(reduced));
        // every event is either applied (version) or rejected, never dropped
        expect((reduced?.version ?? 0) + (reduced?.rejected.length ?? 0)).toBe(sorted.length);
      }),
      { numRuns: 500 },
    );
  });

  it('foldEvents equals folding foldEvent one by one, from any start, without touching its input', () => {
    fc.assert(
      fc.property(withPermutation, fc.nat(), ({ shuffled }, cut) => {
        const sorted = [...shuffled].sort(compareEvents);
        const events = sorted.slice(sorted.findIndex((e) => e.type === 'created'));
        // Start from null or from an order folded up to some point, as the store does per batch.
        const k = cut % (events.length + 1);
        let start: WorkOrder | null = null;
        for (const e of events.slice(0, k)) start = foldEvent(start, e);
        const snapshot: unknown = structuredClone(start);
        let expected = start;
        for (const e of events.slice(k)) expected = foldEvent(expected, e);
        const folded = foldEvents(start, events.slice(k));
        expect(folded).toEqual(expected);
        // The draft is never the caller's object: the start order is left as it was.
        expect(start).toEqual(snapshot);
        if (k < events.length && start !== null) expect(folded).not.toBe(start);
        // Arrival order too (refusals, order mismatch of nothing, duplicates of created).
        let loose: WorkOrder | null = start;
        for (const e of shuffled) loose = foldEvent(loose, e);
        expect(foldEvents(start, shuffled)).toEqual(loose);
        expect(start).toEqual(snapshot);
      }),
      { numRuns: 500 },
    );
  });

  it('invariants hold on every reachable state', () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        const o = reduceOrder(events);
        if (!o) return;
        expect(o.extensionRequests).toBeLessThanOrEqual(1);
        // Dispatched to a unit, or (the volunteer loop) to a member or a site — never both.
        if (o.status === 'in_progress' || o.status === 'dispatched')
          expect(o.unitId !== null || (o.volunteer ?? null) !== null).toBe(true);
        if (o.volunteer) expect(o.unitId).toBeNull();
        if (o.status === 'received') expect(o.unitId).toBeNull();
        if (o.status === 'closed') expect(o.closedAt).not.toBeNull();
        if (o.status === 'merged') expect(o.mergedInto).not.toBe(o.id);
        if (o.status !== 'return_requested') expect(o.statusBeforeReturn).toBeNull();
        if (o.extensionPending) expect(o.extensionRequests).toBe(1);
        // extensionDays is only ever the approved total; the pending days sit beside it.
        expect(o.extensionRequestedDays > 0).toBe(o.extensionPending);
        expect(o.extensionDays).toBeGreaterThanOrEqual(0);
        expect(o.extensionDays + o.extensionRequestedDays).toBeLessThanOrEqual(30);
        if (o.extensionRequests === 0) expect(o.extensionDays).toBe(0);
        // suspension: suspendedAt exactly while suspended; suspendedMs is the sum of the spans
        expect(o.suspendedAt !== null).toBe(o.status === 'suspended');
        let total = 0;
        for (const s of o.suspensions) {
          expect(s.resumedAt).toBeGreaterThanOrEqual(s.suspendedAt);
          total += s.resumedAt - s.suspendedAt;
        }
        expect(o.suspendedMs).toBe(total);
        // arrival belongs to the current dispatch
        if (o.arrivedAt !== null) {
          expect(o.dispatchedAt).not.toBeNull();
          expect(o.arrivedAt).toBeGreaterThanOrEqual(o.dispatchedAt ?? Infinity);
        }
        if (o.status === 'received') expect(o.arrivedAt).toBeNull();
        const open = o.whistle.filter((s) => s.reportedAt === null).map((s) => s.unitId);
        expect(new Set(open).size).toBe(open.length);
        for (const r of o.rejected) expect(r.reason).toMatch(/\(.+\)$/);
      }),
      { numRuns: 500 },
    );
  });

  it('the generator reaches every status (so the properties above are not vacuous)', () => {
    const reached = new Set(
      fc.sample(historyArb, { numRuns: 3000, seed: 42 }).map((h) => reduceOrder(h)?.status),
    );
    for (const status of STATUSES) expect(reached, status).toContain(status);
  });

  it('the generator reaches arrivals, credited suspensions and approved and pending extensions', () => {
    const orders = fc
      .sample(historyArb, { numRuns: 3000, seed: 42 })
      .map((h) => reduceOrder(h))
      .filter((o): o is WorkOrder => o !== null);
    expect(orders.some((o) => o.arrivedAt !== null)).toBe(true);
    expect(orders.some((o) => o.suspendedMs > 0 && o.suspensions.length >= 2)).toBe(true);
    expect(orders.some((o) => o.extensionDays > 0)).toBe(true);
    expect(orders.some((o) => o.extensionRequestedDays > 0)).toBe(true);
  });
});
