/** Reads of the map: open orders as points, per-grid counts, unit loads, map settings. */
import type { OrderSource, OrderStatus, Urgency } from '../../../../shared/features/orders/order';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export interface OpenOrderRow {
  readonly id: string;
  readonly urgency: Urgency;
  readonly status: OrderStatus;
  readonly deadline: number | null;
  readonly source: OrderSource;
  readonly grid: string | null;
  readonly lng: number | null;
  readonly lat: number | null;
  readonly title: string;
  /** The citizen's name (masking finds it in the title), null when none. */
  readonly citizen: string | null;
}

/** Every open order, through the partial index of open orders (only open rows are visited). */
export function openOrderRows(db: ReadableDb): OpenOrderRow[] {
  return stmt(
    db,
    `SELECT id, urgency, status, finish_deadline AS deadline, source, grid_code AS grid,
            json_extract(json, '$.lng') AS lng, json_extract(json, '$.lat') AS lat, title,
            json_extract(json, '$.citizen.name') AS citizen
       FROM work_order INDEXED BY work_order_overdue WHERE is_open = 1`,
  ).all() as OpenOrderRow[];
}

export interface GridStatusCount {
  readonly grid: string | null;
  readonly status: OrderStatus;
  readonly n: number;
}

/** Orders per grid and status over the whole store (covering index work_order_grid_status). */
export function gridStatusCounts(db: ReadableDb): GridStatusCount[] {
  return stmt(
    db,
    'SELECT grid_code AS grid, status, count(*) AS n FROM work_order INDEXED BY work_order_grid_status GROUP BY grid_code, status',
  ).all() as GridStatusCount[];
}

/** Open orders per unit (the partial index of migration 4). */
export function openOrdersPerUnit(db: ReadableDb): Map<string, number> {
  const rows = stmt(
    db,
    'SELECT unit_id AS unitId, count(*) AS n FROM work_order INDEXED BY work_order_open_unit WHERE is_open = 1 AND unit_id IS NOT NULL GROUP BY unit_id',
  ).all() as Array<{ unitId: string; n: number }>;
  return new Map(rows.map((r) => [r.unitId, r.n]));
}

export function getMapSetting(db: ReadableDb, key: string): string | null {
  const row = stmt(db, 'SELECT value FROM map_setting WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row ? row.value : null;
}

export function setMapSetting(db: WritableDb, key: string, value: string | null): void {
  if (value === null) stmt(db, 'DELETE FROM map_setting WHERE key = ?').run(key);
  else
    stmt(
      db,
      'INSERT INTO map_setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
}

export interface UploadRow {
  readonly id: string;
  readonly name: string;
  readonly fileName: string;
  readonly size: number;
  readonly received: number;
  readonly created: number;
  readonly actor: string;
}

export function getUpload(db: ReadableDb, id: string): UploadRow | null {
  return (
    (stmt(
      db,
      'SELECT id, name, file_name AS fileName, size, received, created, actor FROM map_upload WHERE id = ?',
    ).get(id) as UploadRow | undefined) ?? null
  );
}

export function insertUpload(db: WritableDb, u: UploadRow): void {
  stmt(
    db,
    'INSERT INTO map_upload(id, name, file_name, size, received, created, actor) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(u.id, u.name, u.fileName, u.size, u.received, u.created, u.actor);
}

export function setUploadReceived(db: WritableDb, id: string, received: number): void {
  stmt(db, 'UPDATE map_upload SET received = ? WHERE id = ?').run(received, id);
}

export function deleteUpload(db: WritableDb, id: string): void {
  stmt(db, 'DELETE FROM map_upload WHERE id = ?').run(id);
}

/** Uploads older than the cutoff (abandoned): their part files can go. */
export function staleUploads(db: ReadableDb, before: number): UploadRow[] {
  return stmt(
    db,
    'SELECT id, name, file_name AS fileName, size, received, created, actor FROM map_upload WHERE created < ?',
  ).all(before) as UploadRow[];
}
