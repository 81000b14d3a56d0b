/**
 * The demo's 吹哨报到 records (模拟数据): the seeded orders carry their whistles as events
 * (`whistled` with the summoned units, `reported_in` per unit); this writes the matching whistle
 * rows, per-unit delivery and 报到, and 会商纪要 tasks — so 双考核 on 评估反馈 has a history.
 * Every demo whistle is closed (no pushes, no alarms). Deterministic: derived from the events.
 */
import { stmt } from '../../store/statements';
import type { WritableDb } from '../../store/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function seedDemoWhistles(db: WritableDb, now: number): number {
  const made = stmt(
    db,
    `INSERT OR IGNORE INTO whistle (id, kind, order_id, title, reason, address, lng, lat, radius_m,
       deadline_minutes, created_at, created_by, closed_at)
     SELECT 'demo-w-' || e.order_id, 'order', e.order_id, o.title,
            coalesce(json_extract(e.payload, '$.reason'), '联合处置'), o.address,
            json_extract(o.json, '$.lng'), json_extract(o.json, '$.lat'), 500,
            json_extract(e.payload, '$.deadlineMinutes'), e.at, e.actor, min(e.at + ${DAY}, ?)
       FROM order_event e JOIN work_order o ON o.id = e.order_id
      WHERE e.type = 'whistled' AND e.flag IS NULL AND json_extract(o.json, '$.lng') IS NOT NULL
      ORDER BY e.seq`,
  ).run(now).changes;
  if (made === 0) return 0;
  stmt(
    db,
    `INSERT OR IGNORE INTO whistle_recipient (whistle_id, unit_id, state, summoned_at, deadline, attempts,
       last_attempt_at, delivered_at, read_at, ack_via, reported_at, report_person, timed_out_at)
     SELECT w.id, u.value,
            CASE WHEN r.at IS NOT NULL THEN 'reported'
                 WHEN w.created_at + w.deadline_minutes * 60000 < ? THEN 'timeout' ELSE 'read' END,
            w.created_at, w.created_at + w.deadline_minutes * 60000, 1, w.created_at,
            w.created_at + 60000, w.created_at + 180000, 'account', r.at, r.actor,
            CASE WHEN r.at IS NULL AND w.created_at + w.deadline_minutes * 60000 < ?
                 THEN w.created_at + w.deadline_minutes * 60000 END
       FROM whistle w
       JOIN order_event e ON e.order_id = w.order_id AND e.type = 'whistled' AND e.flag IS NULL,
            json_each(e.payload, '$.unitIds') u
       LEFT JOIN (SELECT order_id, json_extract(payload, '$.unitId') AS unit, min(at) AS at, actor
                    FROM order_event WHERE type = 'reported_in' AND flag IS NULL GROUP BY 1, 2) r
              ON r.order_id = w.order_id AND r.unit = u.value
      WHERE w.id LIKE 'demo-w-%'`,
  ).run(now, now);
  // 会商纪要: one decision for the first unit summoned, a second for the next on every third
  // whistle; 7 in 10 done within the 3 days, 2 late, 1 still open.
  for (const [n, path] of [
    [1, '$.unitIds[0]'],
    [2, '$.unitIds[1]'],
  ] as const)
    stmt(
      db,
      `INSERT OR IGNORE INTO whistle_task (id, whistle_id, decision, owner_unit_id, deadline, created_at,
         created_by, done_at, done_by)
       SELECT w.id || '-t${n}', w.id, '现场会商：明确责任分工，限期整改到位', json_extract(e.payload, '${path}'),
              w.created_at + ${3 * DAY}, w.created_at + ${HOUR}, w.created_by,
              CASE WHEN w.created_at + e.dt <= ? THEN w.created_at + e.dt END,
              CASE WHEN w.created_at + e.dt <= ? THEN w.created_by END
         FROM whistle w
         JOIN (SELECT order_id, seq, payload,
                      CASE WHEN (seq + ${n}) % 10 < 7 THEN ${DAY} + (seq % 40) * ${HOUR}
                           WHEN (seq + ${n}) % 10 < 9 THEN ${4 * DAY} + (seq % 30) * ${HOUR} END AS dt
                 FROM order_event WHERE type = 'whistled' AND flag IS NULL) e ON e.order_id = w.order_id
        WHERE w.id LIKE 'demo-w-%' AND json_extract(e.payload, '${path}') IS NOT NULL
          AND (${n} = 1 OR e.seq % 3 = 0)`,
    ).run(now, now);
  return made;
}
