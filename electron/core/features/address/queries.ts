/** The SQL of address matching: road number ranges, landmarks, and the matcher's record per order. */
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export interface RoadRangeRow {
  readonly roadId: string;
  readonly side: 'odd' | 'even';
  readonly first: number;
  readonly last: number;
}

export interface LandmarkRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly lng: number;
  readonly lat: number;
  readonly aliases: readonly string[];
}

export function readRoadRanges(db: ReadableDb): RoadRangeRow[] {
  return stmt(
    db,
    'SELECT road_id AS roadId, side, first_no AS first, last_no AS last FROM road_range ORDER BY road_id, side',
  ).all() as RoadRangeRow[];
}

export function readLandmarks(db: ReadableDb): LandmarkRow[] {
  return (
    stmt(db, 'SELECT id, name, kind, lng, lat, aliases FROM landmark ORDER BY id').all() as Array<
      Omit<LandmarkRow, 'aliases'> & { aliases: string }
    >
  ).map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
}

/** A cheap fingerprint of the two tables, so a cached gazetteer notices a change. */
export function gazetteerStamp(db: ReadableDb): string {
  const r = stmt(
    db,
    `SELECT (SELECT count(*) FROM road_range) AS a, (SELECT count(*) FROM landmark) AS b,
            (SELECT coalesce(sum(first_no + last_no), 0) FROM road_range) AS c`,
  ).get() as { a: number; b: number; c: number };
  return `${r.a}:${r.b}:${r.c}`;
}

/** Replaces road ranges and landmarks by id (the demo seed, a gazetteer import). */
export function writeGazetteerExtras(
  db: WritableDb,
  data: { readonly ranges: readonly RoadRangeRow[]; readonly landmarks: readonly LandmarkRow[] },
): void {
  const r = stmt(
    db,
    `INSERT INTO road_range(road_id, side, first_no, last_no) VALUES (?, ?, ?, ?)
     ON CONFLICT(road_id, side) DO UPDATE SET first_no = excluded.first_no, last_no = excluded.last_no`,
  );
  const l = stmt(
    db,
    `INSERT INTO landmark(id, name, kind, lng, lat, aliases) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, lng = excluded.lng,
       lat = excluded.lat, aliases = excluded.aliases`,
  );
  for (const x of data.ranges) r.run(x.roadId, x.side, x.first, x.last);
  for (const x of data.landmarks) l.run(x.id, x.name, x.kind, x.lng, x.lat, JSON.stringify(x.aliases));
}

export interface GeocodeRow {
  readonly status: 'auto' | 'pending';
  readonly confidence: number;
  readonly matchJson: string | null;
  readonly at: number;
}

export function readGeocode(db: ReadableDb, orderId: string): GeocodeRow | null {
  return (
    (stmt(
      db,
      'SELECT status, confidence, match_json AS matchJson, at FROM order_geocode WHERE order_id = ?',
    ).get(orderId) as GeocodeRow | undefined) ?? null
  );
}

export function writeGeocode(db: WritableDb, orderId: string, row: GeocodeRow): void {
  stmt(
    db,
    `INSERT INTO order_geocode(order_id, status, confidence, match_json, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(order_id) DO UPDATE SET status = excluded.status, confidence = excluded.confidence,
       match_json = excluded.match_json, at = excluded.at`,
  ).run(orderId, row.status, row.confidence, row.matchJson, row.at);
}

export interface UnplacedRow {
  readonly id: string;
  readonly address: string;
  readonly version: number;
}

/**
 * Orders received without a place (待受理/待定位) that came from upstream (their `created`
 * event is another node's) and that the matcher has not yet looked at. Walks the status index.
 */
export function unplacedUpstream(db: ReadableDb, node: string, limit: number): UnplacedRow[] {
  return stmt(
    db,
    `SELECT w.id AS id, w.address AS address, w.version AS version
       FROM work_order w
      WHERE w.status = 'received' AND w.community_code IS NULL
        AND json_extract(w.json, '$.lng') IS NULL
        AND NOT EXISTS (SELECT 1 FROM order_geocode g WHERE g.order_id = w.id)
        AND EXISTS (SELECT 1 FROM order_event e
                     WHERE e.order_id = w.id AND e.type = 'created' AND e.node <> ?)
      ORDER BY w.rowid LIMIT ?`,
  ).all(node, limit) as UnplacedRow[];
}
