/**
 * triage.*: category suggestion (a model learned from the store's closed orders on top of the
 * catalogue's names) and duplicates/repeats of a report (same place, text, category, time).
 */
import { ApiError } from '../../../../shared/contract/index';
import { categoriesForChannel } from '../../../../shared/features/reference/catalogue';
import type { DuplicateCandidate } from '../../../../shared/features/triage/contract';
import type { DuplicateMatch } from '../../../../shared/features/triage/duplicates';
import {
  DUP_NEAR_M,
  DUP_WINDOW_MS,
  assetCodeInAddress,
  assetCodeTokens,
  communityReach,
  matchDuplicate,
  nearArea,
} from '../../../../shared/features/triage/duplicates';
import { categoryDoubt } from '../../../../shared/features/triage/suggest';
import type { Handler } from '../../runtime/context';
import type { HandlerRegistry } from '../../runtime/registry';
import { referenceIndex } from '../reference';
import { assetByCode, openOrdersOnAsset } from '../assets';
import type { ReadableDb, WritableDb } from '../../store/types';
import { storeModel } from './model';
import {
  CHAIN_LIMIT,
  insertRepeat,
  insertRepeatChains,
  orderHead,
  problemPatternOrders,
  repeatChain,
  repeatCount,
  repeatedBy,
  repeatPairsIn,
  repeatLinked,
  repeatsOf,
} from './queries-repeats';
import { orderCard, orderInUnitScope, ordersByIds, ordersInCommunity, type NearTuple } from './queries';

export { storeModel, orderText, CATALOGUE_WEIGHT } from './model';
export { ordersForEval, type EvalRow } from './queries';

const suggest: Handler<'triage.suggest'> = (input, _call, env) => {
  const model = storeModel(env.db);
  const text = input.text.trim();
  const base = { doubt: null, learned: model.learned };
  if (!text) return { suggestions: [], ...base };
  const cats = [...referenceIndex(env.db).categories.values()];
  // 历史分类 are learned from (imported history) but never suggested: no new order may take one.
  const current = new Set(cats.filter((c) => !c.historyOnly).map((c) => c.code));
  const allowed =
    input.source !== undefined
      ? new Set(categoriesForChannel(cats, input.source).map((c) => c.code))
      : current;
  const suggestions = model.suggest(text, { limit: 3, allow: (c) => allowed.has(c) });
  // The doubt is judged over every current category, not only those a channel offers.
  const all =
    input.source !== undefined
      ? model.suggest(text, { limit: 3, allow: (c) => current.has(c) })
      : suggestions;
  const d = input.categoryCode ? categoryDoubt(all, input.categoryCode) : null;
  return {
    suggestions,
    doubt: d && input.categoryCode ? { filed: input.categoryCode, suggested: d.suggested } : null,
    learned: model.learned,
  };
};

/** At most this many earlier orders of the community are compared (newest first). */
const SCAN_LIMIT = 2000;
/** Open orders on the same asset looked at beyond the window (any age, any community). */
const ASSET_OPEN_LIMIT = 20;

/**
 * The 部件 a report is about: given, named in its address as the intake writes a picked asset
 * (…（LD-09-0012）), or a known asset's code in its text (a caller reading the number off a post).
 */
export function probeAssetCode(
  db: ReadableDb,
  input: {
    readonly assetCode?: string | undefined;
    readonly address?: string | undefined;
    readonly text: string;
  },
): string | null {
  if (input.assetCode) return input.assetCode;
  const named = input.address ? assetCodeInAddress(input.address) : null;
  if (named) return named;
  for (const token of assetCodeTokens(`${input.address ?? ''} ${input.text}`)) {
    const a = assetByCode(db, token) ?? assetByCode(db, token.toUpperCase());
    if (a) return a.code;
  }
  return null;
}

export function findDuplicates(
  db: ReadableDb,
  input: {
    readonly point?: readonly [number, number] | undefined;
    readonly communityCode?: string | undefined;
    readonly text: string;
    readonly categoryCode?: string | undefined;
    readonly receivedAt: number;
    readonly excludeOrderId?: string | undefined;
    readonly address?: string | undefined;
    readonly assetCode?: string | undefined;
    /** A unit account: only orders its unit is on (docs/UNIT-ACCOUNTS.md). */
    readonly unitId?: string | null | undefined;
  },
  limit = 5,
): DuplicateCandidate[] {
  const ref = referenceIndex(db);
  const unitId = input.unitId ?? null;
  const point = input.point ? ([input.point[0], input.point[1]] as [number, number]) : null;
  const assetCode = probeAssetCode(db, input);
  const asset = assetCode ? assetByCode(db, assetCode) : null;
  const communityCode =
    input.communityCode ??
    (point ? ref.locator.locate(point).communityCode : null) ??
    asset?.communityCode ??
    null;
  if (!communityCode && !assetCode) return [];
  // One snapshot: the orders compared and the cards of those kept.
  return db.transaction(() => {
    // The report's community, and the asset's when it lies in another (a caller placed at home).
    const communities = new Set([communityCode, asset?.communityCode ?? null]);
    const rows: NearTuple[] = [];
    const seen = new Set<string>();
    // A placed report matches placed orders only within DUP_NEAR_M (matchDuplicate): read no
    // farther. Not when it names an asset: a caller on the same lamp may be placed at home.
    const near = point && !assetCode ? nearArea(point, DUP_NEAR_M) : null;
    // Without either, the community is the place: only orders of the class or of the 48 hours
    // can reach the showing score, and only those are read (a community's whole window is
    // 1,000–2,300 orders at 1 M).
    const of = !point && !assetCode ? communityReach(input.categoryCode ?? null) : null;
    const reach = of ? { at: input.receivedAt, of } : null;
    for (const c of communities) {
      if (!c) continue;
      for (const r of ordersInCommunity(
        db,
        c,
        input.receivedAt - DUP_WINDOW_MS,
        input.receivedAt + DUP_WINDOW_MS,
        SCAN_LIMIT,
        { unitId, near, reach, withAsset: assetCode !== null },
      ))
        if (!seen.has(r[0])) {
          seen.add(r[0]);
          rows.push(r);
        }
    }
    if (assetCode) {
      // 同一部件: open orders naming the asset at any age, and in any community (an asset on a boundary road).
      const more = openOrdersOnAsset(db, assetCode, ASSET_OPEN_LIMIT)
        .map((r) => r.orderId)
        .filter((id) => !seen.has(id));
      if (more.length > 0) rows.push(...ordersByIds(db, more, unitId));
    }
    const probe = {
      point,
      communityCode,
      text: input.text,
      categoryCode: input.categoryCode ?? null,
      receivedAt: input.receivedAt,
      assetCode,
    };
    const kept: { id: string; receivedAt: number; m: DuplicateMatch }[] = [];
    for (const [id, text, categoryCode, community, receivedAt, lng, lat, address, isOpen] of rows) {
      if (id === input.excludeOrderId) continue;
      const m = matchDuplicate(probe, {
        id,
        lng,
        lat,
        communityCode: community,
        text,
        categoryCode,
        receivedAt,
        ...(address !== null ? { address } : {}),
        open: isOpen === 1,
      });
      if (m) kept.push({ id, receivedAt, m });
    }
    kept.sort((a, b) => b.m.score - a.m.score || b.receivedAt - a.receivedAt);
    const out: DuplicateCandidate[] = [];
    for (const { id, receivedAt, m } of kept.slice(0, limit)) {
      const card = orderCard(db, id);
      if (!card) continue;
      out.push({
        orderId: id,
        title: card.title,
        address: card.address,
        categoryCode: card.categoryCode,
        status: card.status,
        open: card.isOpen === 1,
        receivedAt,
        version: card.version,
        ...m,
        assetCode: m.reasons.includes('same_asset') ? assetCode : null,
      });
    }
    return out;
  })();
}

/**
 * A unit account sees candidates only among the orders its unit is on, and asks about an order
 * (the detail's probe) only when its unit is on it (`unit_scope`), as orders.get refuses.
 */
const duplicates: Handler<'triage.duplicates'> = (input, call, env) => {
  const unitId = call.unitId ?? null;
  if (unitId && input.excludeOrderId && orderInUnitScope(env.db, input.excludeOrderId, unitId) === false)
    throw new ApiError('unit_scope', { field: 'excludeOrderId' });
  return findDuplicates(env.db, { ...input, receivedAt: input.receivedAt ?? env.now(), unitId });
};

/** 重复件: the report `orderId` repeats the earlier `ofOrderId` (open or closed); both stay as they are. */
const linkRepeat: Handler<'triage.linkRepeat'> = (input, call, env, tools) => {
  // The hall's judgement (like 受理 and 并案): a unit account does not link orders.
  if (call.unitId) throw new ApiError('unit_scope', { field: 'orderId' });
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

/** A unit account: its own orders only (refused for another, as orders.get is), links to others left out. */
const repeats: Handler<'triage.repeats'> = (input, call, env) => {
  const unitId = call.unitId ?? null;
  const visible = (id: string): boolean => !unitId || orderInUnitScope(env.db, id, unitId) === true;
  if (unitId && orderInUnitScope(env.db, input.orderId, unitId) === false)
    throw new ApiError('unit_scope', { field: 'orderId' });
  const chain = repeatChain(env.db, input.orderId).rows;
  const nth = chain.findIndex((r) => r.orderId === input.orderId) + 1;
  return {
    repeatOf: repeatsOf(env.db, input.orderId).filter((r) => visible(r.orderId)),
    repeatedBy: repeatedBy(env.db, input.orderId).filter((r) => visible(r.orderId)),
    // The count is the problem's, whoever asks; the orders listed are those the caller may open.
    chain: chain.filter((r) => r.orderId === input.orderId || visible(r.orderId)).slice(0, CHAIN_LIMIT),
    nth,
  };
};

/** The most orders a 重复诉求 click opens on the desk (orders.list takes ≤ 500 ids). */
const DRILL_IDS = 500;
/** The most links one 重复诉求 count reads (far more than a hall links in a year). */
const COUNT_LINKS = 100_000;

const countRepeats: Handler<'triage.repeatCount'> = (input, _call, env) => {
  const pairs = repeatPairsIn(env.db, input.from, input.to, COUNT_LINKS);
  // 同一问题: the links joined into chains (a third report linked to the second is one problem).
  const parent = new Map<string, string>();
  const root = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const p of pairs) {
    const a = root(p.orderId);
    const b = root(p.ofOrderId);
    if (a !== b) parent.set(a, b);
  }
  const problems = new Set([...parent.keys()].map(root)).size;
  // The repeats and the orders they repeat, newest repeat first: the desk shows both sides.
  const ids = new Set<string>();
  for (const p of pairs) {
    if (ids.size + 2 > DRILL_IDS) break;
    ids.add(p.orderId);
    ids.add(p.ofOrderId);
  }
  return {
    repeats: repeatCount(env.db, input.from, input.to),
    problems,
    orderIds: [...ids],
  };
};

/**
 * Demo (模拟数据, one call from the seed): the demo's 一类事 — the same problem reported again and
 * again at one place (generator/problem-patterns.ts, ids ending "P<n>") — as an officer would
 * have linked them: each a repeat of the one before. Returns the links made.
 */
export function linkDemoRepeats(db: WritableDb): number {
  const groups = new Map<string, { id: string; receivedAt: number }[]>();
  for (const o of problemPatternOrders(db)) {
    const key = o.id.slice(-1);
    const g = groups.get(key) ?? [];
    g.push(o);
    groups.set(key, g);
  }
  return insertRepeatChains(db, [...groups.values()], 'demo');
}

export function register(registry: HandlerRegistry): void {
  registry
    .register('triage.suggest', suggest)
    .register('triage.duplicates', duplicates)
    .register('triage.linkRepeat', linkRepeat)
    .register('triage.repeats', repeats)
    .register('triage.repeatCount', countRepeats);
}
