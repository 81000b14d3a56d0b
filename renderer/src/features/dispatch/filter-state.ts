/** Filter state of the orders list and its translation to an `orders.list` input. Pure. */
import type { OrdersListInput } from '../../../../shared/contract/index';
import type { OrderStatus, Urgency } from '../../../../shared/features/orders/order';
import type { QueueId } from '../../../../shared/features/orders/queues';
import { STATUSES, URGENCIES } from '../../../../shared/features/orders/order';
import { dateInputToEpoch } from '../../platform/format/time';

export interface FilterState {
  readonly q: string;
  readonly status: OrderStatus | '';
  /** First-level category code ("03") or ''. */
  readonly category: string;
  readonly community: string;
  readonly urgency: Urgency | '';
  /** `<input type="date">` values, Beijing dates. */
  readonly from: string;
  readonly to: string;
  readonly overdueOnly: boolean;
}

export const EMPTY_FILTERS: FilterState = {
  q: '',
  status: '',
  category: '',
  community: '',
  urgency: '',
  from: '',
  to: '',
  overdueOnly: false,
};

export const PAGE_SIZE = 100;

/**
 * A drill-down from another panel (分析研判): the desk opens 全部 with these filters, or exactly
 * these orders (`ids`). `label` says on the desk where the list came from; `seq` makes a repeated
 * click on the same mark open it again.
 */
export interface DeskDrill {
  readonly label: string;
  readonly seq: number;
  readonly category?: string;
  readonly community?: string;
  /** Beijing dates, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly ids?: readonly string[];
  /** Open this work queue instead of 全部 (评估反馈's 待回访 link). */
  readonly queue?: QueueId;
}

/** The filters a drill-down sets (the rest cleared). */
export function drillFilters(d: DeskDrill): FilterState {
  return {
    ...EMPTY_FILTERS,
    category: d.category ?? '',
    community: d.community ?? '',
    from: d.from ?? '',
    to: d.to ?? '',
  };
}
/** The API's limit on the search term; longer input is cut rather than sent and refused. */
export const MAX_QUERY_LENGTH = 100;

export interface ListQuery {
  readonly input: OrdersListInput;
  /** The date range is inverted (from after to); the list will be empty and the UI says why. */
  readonly invalidRange: boolean;
}

export function filtersToInput(f: FilterState): ListQuery {
  const input: {
    -readonly [K in keyof OrdersListInput]: OrdersListInput[K];
  } = { limit: PAGE_SIZE };
  const q = f.q.trim().slice(0, MAX_QUERY_LENGTH);
  if (q) input.q = q;
  if (f.status && (STATUSES as readonly string[]).includes(f.status)) input.status = [f.status];
  if (f.urgency && (URGENCIES as readonly string[]).includes(f.urgency)) input.urgency = [f.urgency];
  if (/^\d{2}(\.\d{2}(\.\d{3})?)?$/.test(f.category)) input.categoryCode = f.category;
  if (f.community) input.communityCode = f.community;
  const from = dateInputToEpoch(f.from, false);
  const to = dateInputToEpoch(f.to, true);
  if (from !== null) input.receivedFrom = from;
  if (to !== null) input.receivedTo = to;
  if (f.overdueOnly) input.overdueOnly = true;
  return { input, invalidRange: from !== null && to !== null && from > to };
}
