/** 现场力量 SQL: latest position per person, bounded history, settings, the people who may report. */
import type { FieldPosition, FieldSettings } from '../../../../shared/features/field/contract';
import type { FieldRole } from '../../../../shared/features/field/field';
import type { LngLat } from '../../../../shared/features/reference/jurisdiction';
import type { PersonRole } from '../../../../shared/features/reference/organisation';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export interface PersonInfo {
  readonly id: string;
  readonly name: string;
  readonly role: PersonRole;
}

/** Name and role of the given people (unknown ids are absent from the map). */
export function personInfo(db: ReadableDb, ids: readonly string[]): Map<string, PersonInfo> {
  const out = new Map<string, PersonInfo>();
  const q = stmt(
    db,
    `SELECT id, json_extract(json, '$.name') AS name, json_extract(json, '$.role') AS role
       FROM person WHERE id = ?`,
  );
  for (const id of new Set(ids)) {
    const r = q.get(id) as PersonInfo | undefined;
    if (r) out.set(id, r);
  }
  return out;
}

/** The street's boundary ring, or null before reference data exists. */
export function streetBoundary(db: ReadableDb): LngLat[] | null {
  const r = stmt(db, `SELECT json_extract(json, '$.boundary') AS b FROM street LIMIT 1`).get() as
    { b: string | null } | undefined;
  if (!r?.b) return null;
  return JSON.parse(r.b) as LngLat[];
}

/** The time of a person's latest position, or null. */
export function latestAt(db: ReadableDb, personId: string): number | null {
  const r = stmt(db, 'SELECT at FROM field_position WHERE person_id = ?').get(personId) as
    { at: number } | undefined;
  return r ? r.at : null;
}

export interface PositionRow {
  readonly personId: string;
  readonly lng: number;
  readonly lat: number;
  readonly accuracy: number;
  readonly at: number;
  readonly source: FieldPosition['source'];
}

/** Exactly the named parameters (better-sqlite3 refuses extra keys). */
function pick(r: PositionRow): PositionRow {
  return { personId: r.personId, lng: r.lng, lat: r.lat, accuracy: r.accuracy, at: r.at, source: r.source };
}

/** Adds a report to the history; false when that (person, time) is already there. */
export function insertHistory(db: WritableDb, r: PositionRow, keep: number): boolean {
  const added =
    stmt(
      db,
      `INSERT INTO field_position_history(person_id, at, lng, lat, accuracy_m, source)
       VALUES (@personId, @at, @lng, @lat, @accuracy, @source) ON CONFLICT DO NOTHING`,
    ).run(pick(r)).changes === 1;
  if (added)
    // Bounded per person: the newest `keep` rows stay (the primary key walks them in time order).
    stmt(
      db,
      `DELETE FROM field_position_history WHERE person_id = @p AND at < (
         SELECT at FROM field_position_history WHERE person_id = @p ORDER BY at DESC LIMIT 1 OFFSET @skip)`,
    ).run({ p: r.personId, skip: keep - 1 });
  return added;
}

/** Makes `r` the person's latest position unless a newer (or the same) one is there; true when it did. */
export function upsertLatest(db: WritableDb, r: PositionRow, receivedAt: number): boolean {
  return (
    stmt(
      db,
      `INSERT INTO field_position(person_id, lng, lat, accuracy_m, at, received_at, source)
       VALUES (@personId, @lng, @lat, @accuracy, @at, @receivedAt, @source)
       ON CONFLICT(person_id) DO UPDATE SET lng = excluded.lng, lat = excluded.lat,
         accuracy_m = excluded.accuracy_m, at = excluded.at, received_at = excluded.received_at,
         source = excluded.source
       WHERE excluded.at > field_position.at`,
    ).run({ ...pick(r), receivedAt }).changes === 1
  );
}

export function historyCount(db: ReadableDb, personId: string): number {
  return (
    stmt(db, 'SELECT count(*) AS n FROM field_position_history WHERE person_id = ?').get(personId) as {
      n: number;
    }
  ).n;
}

interface LatestRow extends PositionRow {
  name: string;
  role: FieldRole;
  gridCode: string | null;
  communityCode: string | null;
}

/** Latest positions taken at or after `since`, with the person's name, role, grid and community. */
export function latestSince(db: ReadableDb, since: number): LatestRow[] {
  return stmt(
    db,
    `SELECT f.person_id AS personId, f.lng, f.lat, f.accuracy_m AS accuracy, f.at, f.source,
            json_extract(p.json, '$.name') AS name, json_extract(p.json, '$.role') AS role,
            json_extract(p.json, '$.gridCode') AS gridCode,
            json_extract(p.json, '$.communityCode') AS communityCode
       FROM field_position f JOIN person p ON p.id = f.person_id
      WHERE f.at >= ? ORDER BY f.person_id`,
  ).all(since) as LatestRow[];
}

export function readSettings(db: ReadableDb, defaults: FieldSettings): FieldSettings {
  const rows = stmt(db, 'SELECT key, value FROM field_setting').all() as { key: string; value: number }[];
  const m = new Map(rows.map((r) => [r.key, r.value]));
  return {
    fadeMinutes: m.get('fadeMinutes') ?? defaults.fadeMinutes,
    hideMinutes: m.get('hideMinutes') ?? defaults.hideMinutes,
  };
}

export function writeSettings(db: WritableDb, s: FieldSettings): void {
  const q = stmt(
    db,
    'INSERT INTO field_setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  q.run('fadeMinutes', s.fadeMinutes);
  q.run('hideMinutes', s.hideMinutes);
}
