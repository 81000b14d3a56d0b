/** The SQL of 部件 assets. */
import type { Asset } from '../../../../shared/features/assets/kinds';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

const COLS = `code, kind, name, lng, lat, community_code AS communityCode, grid_code AS gridCode, road`;

export function assetsInBox(
  db: ReadableDb,
  box: { minLng: number; maxLng: number; minLat: number; maxLat: number },
  limit: number,
): Asset[] {
  return stmt(db, `SELECT ${COLS} FROM asset WHERE lng BETWEEN ? AND ? AND lat BETWEEN ? AND ? LIMIT ?`).all(
    box.minLng,
    box.maxLng,
    box.minLat,
    box.maxLat,
    limit,
  ) as Asset[];
}

export function assetsByCode(db: ReadableDb, prefix: string, limit: number): Asset[] {
  return stmt(db, `SELECT ${COLS} FROM asset WHERE code >= ? AND code < ? ORDER BY code LIMIT ?`).all(
    prefix,
    `${prefix}\uffff`,
    limit,
  ) as Asset[];
}

export function assetByCode(db: ReadableDb, code: string): Asset | null {
  return (stmt(db, `SELECT ${COLS} FROM asset WHERE code = ?`).get(code) as Asset | undefined) ?? null;
}

export function assetCount(db: ReadableDb): number {
  return (stmt(db, 'SELECT count(*) AS n FROM asset').get() as { n: number }).n;
}

/** Inserts or updates by code; 'unchanged' when the stored row is the same. */
export function upsertAsset(
  db: WritableDb,
  a: Asset,
  source: string,
  now: number,
): 'added' | 'updated' | 'unchanged' {
  const old = assetByCode(db, a.code);
  if (
    old &&
    old.kind === a.kind &&
    old.name === a.name &&
    old.lng === a.lng &&
    old.lat === a.lat &&
    old.road === a.road &&
    old.communityCode === a.communityCode &&
    old.gridCode === a.gridCode
  )
    return 'unchanged';
  stmt(
    db,
    `INSERT INTO asset(code, kind, name, lng, lat, community_code, grid_code, road, source, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET kind = excluded.kind, name = excluded.name, lng = excluded.lng,
       lat = excluded.lat, community_code = excluded.community_code, grid_code = excluded.grid_code,
       road = excluded.road, source = excluded.source, updated_at = excluded.updated_at`,
  ).run(a.code, a.kind, a.name, a.lng, a.lat, a.communityCode, a.gridCode, a.road, source, now);
  return old ? 'updated' : 'added';
}

export interface OpenOnAssetRow {
  readonly orderId: string;
  readonly title: string;
  readonly address: string;
  readonly status: string;
  readonly categoryCode: string;
  readonly receivedAt: number;
}

/**
 * Open orders whose address names the asset (…（LD-09-0012）), newest first. Walks the open
 * orders' partial index (work_order_overdue is WHERE is_open = 1), not the whole table.
 */
export function openOrdersOnAsset(db: ReadableDb, code: string, limit: number): OpenOnAssetRow[] {
  return stmt(
    db,
    `SELECT id AS orderId, title, address, status, category_code AS categoryCode, received_at AS receivedAt
       FROM work_order INDEXED BY work_order_overdue
      WHERE is_open = 1 AND instr(address, ?) > 0
      ORDER BY received_at DESC LIMIT ?`,
  ).all(`（${code}）`, limit) as OpenOnAssetRow[];
}

export interface AssetPointRow {
  readonly code: string;
  readonly kind: Asset['kind'];
  readonly name: string;
  readonly lng: number;
  readonly lat: number;
}

/** The map's 部件 layer: assets in a box (the asset_lng index), at most `limit`. */
export function assetPointsInBox(
  db: ReadableDb,
  box: { minLng: number; maxLng: number; minLat: number; maxLat: number },
  limit: number,
): AssetPointRow[] {
  return stmt(
    db,
    `SELECT code, kind, name, lng, lat FROM asset WHERE lng BETWEEN ? AND ? AND lat BETWEEN ? AND ? LIMIT ?`,
  ).all(box.minLng, box.maxLng, box.minLat, box.maxLat, limit) as AssetPointRow[];
}

/**
 * The addresses of open orders that name an asset in full-width brackets (…（LD-09-0012）),
 * through the partial index of open orders: the map counts them per asset.
 */
export function openAssetAddresses(db: ReadableDb): string[] {
  return stmt(
    db,
    `SELECT address FROM work_order INDEXED BY work_order_overdue
      WHERE is_open = 1 AND instr(address, '）') > 0`,
  )
    .pluck()
    .all() as string[];
}

export interface AssetCardOrderRow {
  readonly orderId: string;
  readonly title: string;
  readonly status: string;
  readonly urgency: string;
  readonly receivedAt: number;
  readonly deadline: number | null;
  readonly citizen: string | null;
}

/** Open orders on an asset for the map's card, newest first, with what the card shows. */
export function openOrdersOnAssetCard(db: ReadableDb, code: string): AssetCardOrderRow[] {
  return stmt(
    db,
    `SELECT id AS orderId, title, status, urgency, received_at AS receivedAt,
            finish_deadline AS deadline, json_extract(json, '$.citizen.name') AS citizen
       FROM work_order INDEXED BY work_order_overdue
      WHERE is_open = 1 AND instr(address, ?) > 0
      ORDER BY received_at DESC`,
  ).all(`（${code}）`) as AssetCardOrderRow[];
}
