/**
 * Imported orders' ids (docs/IMPORT.md, "the write path"): they begin with the receipt time, so a
 * ledger's rows sit together in the id indexes; a store imported when ids were the key's hash
 * alone still counts those rows as imported before.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type Cleanups } from '../runtime/fixtures';
import { openDb } from '../../../electron/core/store/db';
import { commander, csv, upload } from './fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const HEADER = ['工单编号', '受理时间', '诉求内容', '诉求分类', '所属社区', '办结时间', '满意度'];
const ROWS = [
  ['GD-101', '2019/3/2 08:00', '工地夜间施工噪音扰民', '施工噪音', '东社区', '2019/3/3 9:00', '满意'],
  ['GD-102', '2019/3/1 10:00', '楼上漏水到我家', '房屋管理/漏水', '西社区', '2019/3/2 10:00', '满意'],
  ['GD-103', '2019/2/28 11:25', '半夜广场舞音乐太吵', '施工噪音', '东社区', '2019/3/1 9:00', ''],
];

function importedIds(dir: string): Array<{ id: string; receivedAt: number }> {
  const db = openDb(dir);
  try {
    return db
      .prepare("SELECT id, received_at AS receivedAt FROM work_order WHERE id LIKE 'imp-%' ORDER BY id")
      .all() as Array<{ id: string; receivedAt: number }>;
  } finally {
    db.close();
  }
}

describe('imported order ids', () => {
  it('begin with the receipt time: sorted by id is sorted by time', async () => {
    const { core, dir } = await openTestCore(cleanups);
    const uploadId = await upload(core, '台账.csv', Buffer.from(csv([HEADER, ...ROWS])));
    const preview = await core.call('import.preview', { uploadId }, commander);
    const run = await core.call(
      'import.run',
      { uploadId, mapping: preview.mapping, jobId: 'job-00000011' },
      commander,
    );
    expect(run.added).toBe(3);
    const rows = importedIds(dir);
    for (const r of rows) expect(r.id).toMatch(/^imp-[0-9a-z]{9}-[0-9a-f]{16}$/);
    const times = rows.map((r) => r.receivedAt);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(rows.map((r) => r.id.slice(4, 13))).size).toBe(3);
  });

  it('a row imported under the older hash-only id is not imported again', async () => {
    const { core, dir } = await openTestCore(cleanups);
    const bytes = Buffer.from(csv([HEADER, ...ROWS]));
    const first = await upload(core, '台账.csv', bytes);
    const preview = await core.call('import.preview', { uploadId: first }, commander);
    await core.call(
      'import.run',
      { uploadId: first, mapping: preview.mapping, jobId: 'job-00000012' },
      commander,
    );
    // What an earlier version stored for GD-102: `imp-` + 24 hex of sha256 of the row's key.
    const legacy = `imp-${createHash('sha256').update('n:GD-102').digest('hex').slice(0, 24)}`;
    const db = openDb(dir);
    try {
      const current = db
        .prepare("SELECT id FROM work_order WHERE title = '楼上漏水到我家'")
        .pluck()
        .get() as string;
      db.transaction(() => {
        db.prepare('UPDATE work_order SET id = ? WHERE id = ?').run(legacy, current);
        db.prepare("UPDATE order_event SET order_id = ?, id = ? || ':created' WHERE order_id = ?").run(
          legacy,
          legacy,
          current,
        );
      })();
    } finally {
      db.close();
    }
    const again = await upload(core, '台账.csv', bytes);
    const check = await core.call('import.check', { uploadId: again, mapping: preview.mapping }, commander);
    expect(check).toMatchObject({ rows: 3, toAdd: 0, already: 3 });
    const run = await core.call(
      'import.run',
      { uploadId: again, mapping: preview.mapping, jobId: 'job-00000013' },
      commander,
    );
    expect(run).toMatchObject({ added: 0, already: 3 });
    expect(importedIds(dir)).toHaveLength(3);
  });
});
