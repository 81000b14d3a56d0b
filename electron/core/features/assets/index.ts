/**
 * assets.*: the street's 城市部件 (GB/T 30428) — found near a point or by code, with the
 * categories a report about each kind belongs to; imported by admins from CSV/GeoJSON, by code.
 */
import { distanceM } from '../../../../shared/features/address/match';
import type { AssetHit } from '../../../../shared/features/assets/contract';
import { readAssetFile } from '../../../../shared/features/assets/import-rows';
import { ASSET_KINDS, type Asset, type AssetKind } from '../../../../shared/features/assets/kinds';
import { ringBBox } from '../../../../shared/features/reference/spatial';
import { readReferenceSnapshot } from '../../store/reference';
import type { ReadableDb, WritableDb } from '../../store/types';
import type { Handler } from '../../runtime/context';
import type { HandlerRegistry } from '../../runtime/registry';
import { referenceIndex } from '../reference';
import { assetsByCode, assetsInBox, openOrdersOnAsset, upsertAsset } from './queries';

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

export function register(registry: HandlerRegistry): void {
  registry
    .register('assets.find', find)
    .register('assets.import', importAssets)
    .register('assets.duplicates', duplicates);
}
