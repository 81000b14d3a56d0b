/**
 * 分析研判 (issue 16, helper h16a): the analysis rollups kept by the ingest transaction
 * (store/event-log/analysis-rollup.ts), filled here from the existing projection.
 * - analysis_day: orders received per China date × first-level category × community ('' = none).
 * - analysis_cell: orders received per China date × place cell (CELL_DEG, cell = trunc(deg / CELL_DEG))
 *   × first-level category, for the hotspot view; orders without a point are not in it.
 * - analysis_playbook: the seasonal playbooks admins edited.
 */
import { CELL_DEG } from '../../../../shared/features/analysis/cells';
import { CHINA_OFFSET_MS } from '../../../../shared/kernel/china-time';
import type { WritableDb } from '../types';

export function migration0017Analysis(db: WritableDb): void {
  db.exec(`
    CREATE TABLE analysis_day (
      day       TEXT NOT NULL,
      category  TEXT NOT NULL,
      community TEXT NOT NULL,
      n         INTEGER NOT NULL,
      PRIMARY KEY (day, category, community)
    ) WITHOUT ROWID;
    CREATE TABLE analysis_cell (
      day      TEXT NOT NULL,
      cx       INTEGER NOT NULL,
      cy       INTEGER NOT NULL,
      category TEXT NOT NULL,
      n        INTEGER NOT NULL,
      PRIMARY KEY (day, cx, cy, category)
    ) WITHOUT ROWID;
    -- 季节预案 edited by admins (the defaults in shared/features/analysis/playbooks.ts until then).
    CREATE TABLE analysis_playbook (id TEXT PRIMARY KEY, json TEXT NOT NULL, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL);
  `);
  const day = `strftime('%Y-%m-%d', (received_at + ${CHINA_OFFSET_MS}) / 1000, 'unixepoch')`;
  db.exec(`
    INSERT INTO analysis_day(day, category, community, n)
      SELECT ${day}, substr(category_code, 1, 2), coalesce(community_code, ''), count(*)
        FROM work_order GROUP BY 1, 2, 3;
    INSERT INTO analysis_cell(day, cx, cy, category, n)
      SELECT d, cx, cy, c, count(*) FROM (
        SELECT ${day} AS d,
               CAST(json_extract(json, '$.lng') / ${CELL_DEG} AS INTEGER) AS cx,
               CAST(json_extract(json, '$.lat') / ${CELL_DEG} AS INTEGER) AS cy,
               substr(category_code, 1, 2) AS c
          FROM work_order
         WHERE json_extract(json, '$.lng') IS NOT NULL AND json_extract(json, '$.lat') IS NOT NULL)
       GROUP BY 1, 2, 3, 4;
  `);
}
