/**
 * assets.*: the street's 城市部件 (GB/T 30428) — found near a point or by code, with the
 * categories a report about each kind belongs to; imported by admins from CSV/GeoJSON, by code.
 */
import { distanceM } from '../../../../shared/features/address/match';
import type { AssetHit, AssetPoint } from '../../../../shared/features/assets/contract';
import { ApiError } from '../../../../shared/contract/index';
import { maskPersonalIn } from '../../../../shared/kernel/masking';
import { mayseePersonalData } from '../../runtime/masking';
import { readAssetFile } from '../../../../shared/features/assets/import-rows';
import { ASSET_KINDS, type Asset, type AssetKind } from '../../../../shared/features/assets/kinds';
import { ringBBox } from '../../../../shared/features/reference/spatial';
import { readReferenceSnapshot } from '../../store/reference';
import type { ReadableDb, WritableDb } from '../../store/types';
import type { Handler } from '../../runtime/context';
import type { HandlerRegistry } from '../../runtime/registry';
import { referenceIndex } from '../reference';
import {
  assetByCode,
  assetPointsInBox,
  assetsByCode,
  assetsInBox,
  openAssetAddresses,
  openOrdersOnAsset,
  openOrdersOnAssetCard,
  upsertAsset,
} from './queries';

export { assetByCode, openOrdersOnAsset } from './queries';

/** The catalogue leaves named for a kind, as codes of this store's catalogue. */
function leavesOf(db: ReadableDb, kind: AssetKind): string[] {
  const names: readonly string[] = ASSET_KINDS[kind].leaves;
  return [...referenceIndex(db).categories.values()]
    .filter((c) => c.level === 3 && names.includes(c.name))
    .sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name))
    .map((c) => c.code);
}

const find: Handler<'assets.find'> = (input, _call, env) => {
  const hit = (a: Asset, d: number | null): AssetHit => ({
    ...a,
    distanceM: d,
    categoryCodes: leavesOf(env.db, a.kind),
  });
  if (input.point) {
    const [lng, lat] = input.point;
    const dLat = input.radiusM / 110_540;
    const dLng = input.radiusM / (111_320 * Math.cos((lat * Math.PI) / 180));
    return assetsInBox(
      env.db,
      { minLng: lng - dLng, maxLng: lng + dLng, minLat: lat - dLat, maxLat: lat + dLat },
      2000,
    )
      .map((a) => ({ a, d: distanceM([a.lng, a.lat], [lng, lat]) }))
      .filter((x) => x.d <= input.radiusM && (!input.q || x.a.code.startsWith(input.q)))
      .sort((x, y) => x.d - y.d)
      .slice(0, input.limit)
      .map((x) => hit(x.a, Math.round(x.d)));
  }
  return assetsByCode(env.db, input.q ?? '', input.limit).map((a) => hit(a, null));
};

/** Writes assets by code; used by the import and the demo seed. Returns the counts. */
export function writeAssets(
  db: WritableDb,
  rows: readonly Omit<Asset, 'communityCode' | 'gridCode'>[],
  source: string,
  now: number,
): { added: number; updated: number; unchanged: number } {
  const locator = referenceIndex(db).locator;
  const n = { added: 0, updated: 0, unchanged: 0 };
  for (const r of rows) {
    const where = locator.locate([r.lng, r.lat]);
    n[upsertAsset(db, { ...r, communityCode: where.communityCode, gridCode: where.gridCode }, source, now)]++;
  }
  return n;
}

const importAssets: Handler<'assets.import'> = (input, _call, env, tools) => {
  const street = readReferenceSnapshot(env.db).street;
  const b = street ? ringBBox(street.boundary) : null;
  // A little room around the street (an asset on the boundary road's far side).
  const pad = 0.01;
  const bounds = b
    ? { minLng: b.minX - pad, maxLng: b.maxX + pad, minLat: b.minY - pad, maxLat: b.maxY + pad }
    : null;
  const { rows, errors } = readAssetFile(input.format, input.text, bounds);
  if (errors.length > 0) return { added: 0, updated: 0, unchanged: 0, errors: errors.slice(0, 100) };
  const n = env.db.transaction(() => writeAssets(env.db, rows, 'import', env.now()))();
  if (n.added + n.updated > 0) tools.hint({ topic: 'map.changed' });
  return { ...n, errors: [] };
};

const duplicates: Handler<'assets.duplicates'> = (input, _call, env) =>
  openOrdersOnAsset(env.db, input.code, 11)
    .filter((r) => r.orderId !== input.excludeOrderId)
    .slice(0, 10)
    .map((r) => ({ ...r, reason: 'same_asset' as const }));

/** An asset's code as orders name it in their address: …（LD-09-0012）. */
const CODE_IN_ADDRESS = /（([A-Za-z0-9][A-Za-z0-9_.-]*)）/g;

/** Open orders per asset code, from the open orders' addresses. */
function openPerAsset(db: ReadableDb): Map<string, number> {
  const n = new Map<string, number>();
  for (const address of openAssetAddresses(db)) {
    // One order counts once per asset, however often its address repeats the code.
    for (const code of new Set([...address.matchAll(CODE_IN_ADDRESS)].map((m) => m[1] ?? '')))
      n.set(code, (n.get(code) ?? 0) + 1);
  }
  return n;
}

const inBox: Handler<'assets.inBox'> = (input, _call, env) => {
  const rows = assetPointsInBox(env.db, input, input.limit + 1);
  const truncated = rows.length > input.limit;
  const open = rows.length > 0 ? openPerAsset(env.db) : new Map<string, number>();
  const assets: AssetPoint[] = rows.slice(0, input.limit).map((r) => ({
    ...r,
    lng: Math.round(r.lng * 1e6) / 1e6,
    lat: Math.round(r.lat * 1e6) / 1e6,
    open: open.get(r.code) ?? 0,
  }));
  return { assets, truncated };
};

/** The newest open orders a card lists. */
const CARD_ORDERS = 10;

const card: Handler<'assets.card'> = (input, call, env) => {
  const asset = assetByCode(env.db, input.code);
  if (!asset) throw new ApiError('asset_not_found', { field: 'code', params: { code: input.code } });
  const ref = referenceIndex(env.db);
  const now = env.now();
  const unmasked = mayseePersonalData(call);
  const rows = openOrdersOnAssetCard(env.db, asset.code);
  return {
    asset,
    communityName: asset.communityCode ? (ref.communities.get(asset.communityCode)?.name ?? null) : null,
    gridName: asset.gridCode ? (ref.grids.get(asset.gridCode)?.name ?? null) : null,
    categoryCodes: leavesOf(env.db, asset.kind),
    openTotal: rows.length,
    orders: rows.slice(0, CARD_ORDERS).map((r) => ({
      orderId: r.orderId,
      // Like map.orders: a title is free text, numbers and the citizen's own name masked.
      title: unmasked ? r.title : maskPersonalIn(r.title, [r.citizen]),
      status: r.status,
      urgency: r.urgency,
      receivedAt: r.receivedAt,
      overdue: r.deadline !== null && r.deadline < now,
    })),
  };
};

export function register(registry: HandlerRegistry): void {
  registry
    .register('assets.inBox', inBox)
    .register('assets.card', card)
    .register('assets.find', find)
    .register('assets.import', importAssets)
    .register('assets.duplicates', duplicates);
}
