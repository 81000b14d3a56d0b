/**
 * triage.*: category suggestion (a model learned from the store's closed orders on top of the
 * catalogue's names) and duplicates/repeats of a report (same place, text, category, time).
 */
import { ApiError } from '../../../../shared/contract/index';
import { categoriesForChannel } from '../../../../shared/features/reference/catalogue';
import type { DuplicateCandidate } from '../../../../shared/features/triage/contract';
import { DUP_WINDOW_MS, matchDuplicate } from '../../../../shared/features/triage/duplicates';
import { categoryDoubt } from '../../../../shared/features/triage/suggest';
import type { Handler } from '../../runtime/context';
import type { HandlerRegistry } from '../../runtime/registry';
import { referenceIndex } from '../reference';
import { storeModel } from './model';
import { insertRepeat, orderHead, repeatCount, repeatedBy, repeatLinked, repeatsOf } from './queries-repeats';
import { ordersInCommunity } from './queries';

export { storeModel, orderText, CATALOGUE_WEIGHT } from './model';
export { ordersForEval, type EvalRow } from './queries';

const suggest: Handler<'triage.suggest'> = (input, _call, env) => {
  const model = storeModel(env.db);
  const text = input.text.trim();
  const base = { doubt: null, learned: model.learned };
  if (!text) return { suggestions: [], ...base };
  const cats = referenceIndex(env.db).categories;
  const allowed =
    input.source !== undefined
      ? new Set(categoriesForChannel([...cats.values()], input.source).map((c) => c.code))
      : null;
  const suggestions = model.suggest(text, { limit: 3, ...(allowed ? { allow: (c) => allowed.has(c) } : {}) });
  // The doubt is judged over every category, not only those a channel offers.
  const all = allowed ? model.suggest(text, { limit: 3 }) : suggestions;
  const d = input.categoryCode ? categoryDoubt(all, input.categoryCode) : null;
  return {
    suggestions,
    doubt: d && input.categoryCode ? { filed: input.categoryCode, suggested: d.suggested } : null,
    learned: model.learned,
  };
};

/** At most this many earlier orders of the community are compared (newest first). */
const SCAN_LIMIT = 2000;

export function findDuplicates(
  db: Parameters<typeof storeModel>[0],
  input: {
    readonly point?: readonly [number, number] | undefined;
    readonly communityCode?: string | undefined;
    readonly text: string;
    readonly categoryCode?: string | undefined;
    readonly receivedAt: number;
    readonly excludeOrderId?: string | undefined;
  },
  limit = 5,
): DuplicateCandidate[] {
  const ref = referenceIndex(db);
  const point = input.point ? ([input.point[0], input.point[1]] as [number, number]) : null;
  const communityCode = input.communityCode ?? (point ? ref.locator.locate(point).communityCode : null);
  if (!communityCode) return [];
  const rows = ordersInCommunity(
    db,
    communityCode,
    input.receivedAt - DUP_WINDOW_MS,
    input.receivedAt + DUP_WINDOW_MS,
    SCAN_LIMIT,
  );
  const probe = {
    point,
    communityCode,
    text: input.text,
    categoryCode: input.categoryCode ?? null,
    receivedAt: input.receivedAt,
  };
  const out: DuplicateCandidate[] = [];
  for (const r of rows) {
    if (r.id === input.excludeOrderId) continue;
    const m = matchDuplicate(probe, {
      id: r.id,
      lng: r.lng,
      lat: r.lat,
      communityCode: r.communityCode,
      text: `${r.title} ${r.description}`,
      categoryCode: r.categoryCode,
      receivedAt: r.receivedAt,
    });
    if (!m) continue;
    out.push({
      orderId: r.id,
      title: r.title,
      address: r.address,
      categoryCode: r.categoryCode,
      status: r.status,
      open: r.isOpen === 1,
      receivedAt: r.receivedAt,
      version: r.version,
      ...m,
    });
  }
  return out.sort((a, b) => b.score - a.score || b.receivedAt - a.receivedAt).slice(0, limit);
}

const duplicates: Handler<'triage.duplicates'> = (input, _call, env) =>
  findDuplicates(env.db, { ...input, receivedAt: input.receivedAt ?? env.now() });

/** 重复件: the report `orderId` repeats the earlier `ofOrderId` (open or closed); both stay as they are. */
const linkRepeat: Handler<'triage.linkRepeat'> = (input, call, env, tools) => {
  const db = env.db;
  const linked = db
    .transaction((): boolean => {
      const order = orderHead(db, input.orderId);
      if (!order)
        throw new ApiError('order_not_found', { params: { orderId: input.orderId }, field: 'orderId' });
      const of = orderHead(db, input.ofOrderId);
      if (!of)
        throw new ApiError('order_not_found', { params: { orderId: input.ofOrderId }, field: 'ofOrderId' });
      if (order.id === of.id)
        throw ApiError.why('lifecycle_refused', '不能把工单关联为它自己的重复件', 'ofOrderId');
      if (of.receivedAt > order.receivedAt || repeatLinked(db, of.id, order.id))
        throw ApiError.why('lifecycle_refused', '只能关联为更早受理的工单的重复件', 'ofOrderId');
      // The gate audits the call (action triage.linkRepeat, its input).
      const added = insertRepeat(db, { orderId: order.id, ofOrderId: of.id, at: env.now(), by: call.actor });
      return added;
    })
    .immediate();
  if (linked) tools.hint({ topic: 'orders.changed', orderIds: [input.orderId, input.ofOrderId] });
  return { linked };
};

const repeats: Handler<'triage.repeats'> = (input, _call, env) => ({
  repeatOf: repeatsOf(env.db, input.orderId),
  repeatedBy: repeatedBy(env.db, input.orderId),
});

const countRepeats: Handler<'triage.repeatCount'> = (input, _call, env) => ({
  repeats: repeatCount(env.db, input.from, input.to),
});

export function register(registry: HandlerRegistry): void {
  registry
    .register('triage.suggest', suggest)
    .register('triage.duplicates', duplicates)
    .register('triage.linkRepeat', linkRepeat)
    .register('triage.repeats', repeats)
    .register('triage.repeatCount', countRepeats);
}
