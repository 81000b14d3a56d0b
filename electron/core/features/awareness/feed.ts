/** awareness.feed: the newest order events for the wall's live feed. */
import type { FeedItem } from '../../../../shared/features/awareness/contract';
import { maskPhonesIn } from '../../../../shared/kernel/masking';
import type { OrderStatus, Urgency } from '../../../../shared/features/orders/order';
import type { OrderEventType } from '../../../../shared/features/orders/order-events';
import { latestEvents } from './queries';
import type { Handler } from '../../runtime/context';
import { mayseePersonalData } from '../../runtime/masking';

export const awarenessFeed: Handler<'awareness.feed'> = (input, call, env) => {
  const unmasked = mayseePersonalData(call);
  // Newest business time first among the newest arrivals (see latestEvents).
  const rows = latestEvents(env.db, Math.min(1000, input.limit * 10), input.limit);
  const items: FeedItem[] = rows.map((r) => ({
    eventId: r.eventId,
    seq: r.seq,
    orderId: r.orderId,
    type: r.type as OrderEventType,
    at: r.at,
    // Titles are typed by people: a phone number in one must not reach a public wall.
    title: unmasked ? r.title : maskPhonesIn(r.title),
    urgency: r.urgency as Urgency,
    status: r.status as OrderStatus,
    communityCode: r.communityCode,
    unitId: r.unitId,
  }));
  return { items };
};
