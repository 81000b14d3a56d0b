/**
 * Address matching (地址匹配, issue 14 item 4): a text address to a point with a confidence, for
 * intake (a person confirms) and for upstream orders without coordinates (自动定位 above the
 * threshold, else 待定位 for a person to place on the map).
 */
import { z } from 'zod';
import { query, type Proc } from '../../kernel/proc';
import { SAFE_ID, SAFE_ID_MESSAGE } from '../orders/safe-text';
import type { AddressMatch } from './match';

export type { AddressMatch, MatchBasis, Direction } from './match';

export interface AddressMatchView {
  /** Best first, at most `limit`; empty when nothing of the street is named. */
  readonly candidates: readonly AddressMatch[];
  /** From this confidence an upstream order is placed without a person. */
  readonly threshold: number;
}

/** What the matcher said about an order that came without a point. */
export interface OrderGeocodeView {
  /** auto: placed by the matcher (自动定位); pending: left for a person (待定位). */
  readonly status: 'auto' | 'pending';
  readonly confidence: number;
  readonly match: AddressMatch | null;
  readonly at: number;
}

const READ = { stale: ['orders.changed', 'reference.changed', 'map.changed'] } as const;

export const ADDRESS_PROCS = {
  /** Candidate points for a text address, best first, each with its confidence and basis. */
  'address.match': query<AddressMatchView>()(
    z.object({
      text: z.string().trim().min(1, '请填写地址').max(300),
      limit: z.number().int().min(1).max(5).default(3),
    }),
    { ...READ, role: 'officer' },
  ),
  /** The matcher's record for an order (自动定位 or 待定位), or null when it never ran. */
  'address.geocode': query<{ readonly geocode: OrderGeocodeView | null }>()(
    z.object({ orderId: z.string().min(1).max(64).regex(SAFE_ID, SAFE_ID_MESSAGE) }),
    { ...READ, role: 'officer' },
  ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
