/**
 * The quarantine keeps one row per bad item with a count (issue 12 item 9), and migration 10
 * folds the rows a store already has: a store from before the fix held one row per re-read.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dbPath, openDb } from '../../../electron/core/store/db';
import { migrate, MIGRATIONS } from '../../../electron/core/store/migrations';
import {
  dismissQuarantine,
  listQuarantine,
  recordQuarantine,
} from '../../../electron/core/features/sync/queries-quarantine';
import type { WritableDb } from '../../../electron/core/store/types';
import { tempDir } from '../store/fixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('quarantine: one row per item', () => {
  it('migration 10 folds the repeated rows of an older store into one row with the count', () => {
    const t = tempDir('hall-q-');
    cleanups.push(t.cleanup);
    const raw = new Database(dbPath(t.dir)) as unknown as WritableDb;
    migrate(raw, MIGRATIONS.slice(0, 9));
    const ins = raw.prepare(
      'INSERT INTO quarantine(source, received_at, reason, excerpt, ref) VALUES (?, ?, ?, ?, ?)',
    );
    // 14 rows for 2 items (7 cycles × 2), and one item that is different.
    for (let i = 0; i < 7; i++) {
      ins.run('open311', 1000 + i, '字段 description 含有脚本或 HTML 标记', '{"id":1}', '1');
      ins.run('open311', 1000 + i, '服务类型 service_code=099 未在分类映射表中', '{"id":2}', '2');
    }
    ins.run('hub', 5000, '事件格式错误', '{"id":3}', null);
    raw.close();
    const db = openDb(t.dir);
    cleanups.push(() => db.close());
    const rows = listQuarantine(db, { includeDismissed: true, limit: 50 });
    expect(rows.map((r) => [r.ref, r.hits, r.receivedAt, r.lastSeenAt])).toEqual([
      [null, 1, 5000, 5000],
      ['2', 7, 1000, 1006],
      ['1', 7, 1000, 1006],
    ]);
  });

  it('the same item again counts up its row; a dismissed row stays dismissed; another item is a new row', () => {
    const t = tempDir('hall-q-');
    cleanups.push(t.cleanup);
    const db = openDb(t.dir);
    cleanups.push(() => db.close());
    const item = { source: 'open311' as const, reason: '坐标不在辖区范围内', payload: '{"id":9}', ref: '9' };
    const first = recordQuarantine(db, { ...item, at: 1 });
    expect(first.fresh).toBe(true);
    expect(recordQuarantine(db, { ...item, at: 2 })).toEqual({ id: first.id, fresh: false });
    dismissQuarantine(db, first.id, 'admin', 3);
    expect(recordQuarantine(db, { ...item, at: 4 })).toEqual({ id: first.id, fresh: false });
    expect(listQuarantine(db, { includeDismissed: false, limit: 10 })).toEqual([]);
    const [row] = listQuarantine(db, { includeDismissed: true, limit: 10 });
    expect(row).toMatchObject({ hits: 3, lastSeenAt: 4, dismissedAt: 3 });
    expect(recordQuarantine(db, { ...item, payload: '{"id":9,"v":2}', at: 5 }).fresh).toBe(true);
  });
});
