/**
 * Triage (研判): category suggestion while an appeal is typed, a doubtful filed category, and
 * duplicates/repeats of a report. Queries on the read pool; the model is learned on the core.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import { Lat, Lng } from '../orders/order-events';
import type { OrderStatus } from '../orders/order';
import { SAFE_ID, SAFE_ID_MESSAGE } from '../orders/safe-text';
import type { DuplicateReason } from './duplicates';
import type { Suggestion } from './suggest';

export type { DuplicateReason } from './duplicates';
export type { Suggestion } from './suggest';

const CATEGORY_CODE = z.string().regex(/^\d{2}(\.\d{2}(\.\d{3})?)?$/, '分类编码格式不正确');

export const TriageSuggestInput = z.object({
  text: z.string().max(5000),
  /** The filed category: the answer says whether the text disagrees with it (分类存疑). */
  categoryCode: CATEGORY_CODE.optional(),
  /** The intake channel: staff-only categories are not offered to a citizen channel. */
  source: z.string().max(20).optional(),
});

export interface TriageSuggestView {
  readonly suggestions: readonly Suggestion[];
  /** The filed category disagrees with the text: the model is sure of another leaf. */
  readonly doubt: { readonly filed: string; readonly suggested: Suggestion } | null;
  /** Closed orders the model has learned from (0: catalogue names only). */
  readonly learned: number;
}

export const TriageDuplicatesInput = z
  .object({
    point: z.tuple([Lng, Lat]).optional(),
    communityCode: z.string().max(20).optional(),
    text: z.string().max(5000).default(''),
    categoryCode: CATEGORY_CODE.optional(),
    receivedAt: z.number().int().positive().optional(),
    excludeOrderId: z.string().min(1).max(64).regex(SAFE_ID, SAFE_ID_MESSAGE).optional(),
    /** The report's address: a picked 部件 is named in it (…（LD-09-0012）). */
    address: z.string().max(500).optional(),
    /** The 部件 the report is about, when the caller knows it (else read from the address or text). */
    assetCode: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, '部件编号格式不正确')
      .optional(),
  })
  .refine((x) => x.point !== undefined || x.communityCode !== undefined, {
    message: '请给出地点或社区',
    path: ['point'],
  });

export interface DuplicateCandidate {
  readonly orderId: string;
  readonly title: string;
  readonly address: string;
  readonly categoryCode: string;
  readonly status: OrderStatus;
  /** Still open: it can take a 并案. */
  readonly open: boolean;
  readonly receivedAt: number;
  readonly version: number;
  readonly score: number;
  readonly reasons: readonly DuplicateReason[];
  readonly distanceM: number | null;
  readonly textSimilarity: number;
  readonly hoursApart: number;
  /** The 部件 both name (reason same_asset), else null. */
  readonly assetCode: string | null;
}

const ORDER_ID = z.string().min(1).max(64).regex(SAFE_ID, SAFE_ID_MESSAGE);

/** 重复件: link a report as a repeat of an earlier order (open or closed), without merging it. */
export const TriageLinkRepeatInput = z.object({ orderId: ORDER_ID, ofOrderId: ORDER_ID });

export interface RepeatLink {
  readonly orderId: string;
  readonly title: string;
  readonly status: OrderStatus;
  readonly receivedAt: number;
  readonly linkedAt: number;
  readonly linkedBy: string;
}

export interface ChainOrder {
  readonly orderId: string;
  readonly title: string;
  readonly status: OrderStatus;
  readonly receivedAt: number;
}

export interface TriageRepeatsView {
  /** The earlier orders this one repeats. */
  readonly repeatOf: readonly RepeatLink[];
  /** The later reports linked as repeats of this one. */
  readonly repeatedBy: readonly RepeatLink[];
  /**
   * 同一问题: every order joined to this one by repeat links (through others too), oldest first,
   * this one included; empty when it has no link. `nth`: this order's place in it (第 N 次反映).
   */
  readonly chain: readonly ChainOrder[];
  readonly nth: number;
}

export interface TriageRepeatCountView {
  /** 重复诉求: reports received in the range that are linked as repeats. */
  readonly repeats: number;
  /** How many problems they are about: the links joined into chains (同一问题). */
  readonly problems: number;
  /** The repeats and the orders they repeat, newest repeat first (≤ 500), for a click to the desk. */
  readonly orderIds: readonly string[];
}

const READ = { stale: ['orders.changed', 'reference.changed'] } as const;

export const TRIAGE_PROCS = {
  /** Top three categories for a text, with confidence and the words that drove each. */
  'triage.suggest': query<TriageSuggestView>()(TriageSuggestInput, { ...READ, role: 'officer' }),
  /** Earlier orders alike to a report (same place, text, category, within the window), best first. */
  'triage.duplicates': query<readonly DuplicateCandidate[]>()(TriageDuplicatesInput, {
    ...READ,
    role: 'officer',
  }),
  /** Links a report as a repeat (重复件) of an earlier order; idempotent. */
  'triage.linkRepeat': mutation<{ readonly linked: boolean }>()(TriageLinkRepeatInput, {
    role: 'officer',
    changes: ['orders.changed'],
  }),
  /** An order's repeat links, both ways. */
  'triage.repeats': query<TriageRepeatsView>()(z.object({ orderId: ORDER_ID }), {
    stale: ['orders.changed'],
    role: 'officer',
  }),
  /** 重复诉求: reports received in [from, to) that are linked as repeats of an earlier order. */
  'triage.repeatCount': query<TriageRepeatCountView>()(
    z.object({ from: z.number().int().nonnegative(), to: z.number().int().positive() }),
    { stale: ['orders.changed'], role: 'officer' },
  ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
