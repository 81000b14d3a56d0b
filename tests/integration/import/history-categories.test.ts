/**
 * 新建历史分类 (docs/IMPORT.md, "history categories"): a ledger's category the catalogue lacks,
 * created under a catalogue class, takes the imported rows; it survives the district's next
 * reference data, and no new order can take it (not offered, not suggested, refused).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, rejects, type Cleanups } from '../runtime/fixtures';
import { openDb } from '../../../electron/core/store/db';
import { readReference, writeReference } from '../../../electron/core/store/reference';
import { categoriesForChannel } from '../../../shared/features/reference/catalogue';
import { TINY_REF } from '../store/fixtures';
import { commander, csv, upload } from './fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const HEADER = ['工单编号', '受理时间', '诉求内容', '诉求分类', '所属社区', '办结时间', '满意度'];
const OLD = '广场舞扰民（旧）';
const rows = (prefix: string): string[][] =>
  Array.from({ length: 6 }, (_, i) => [
    `${prefix}-${i}`,
    `2019/3/${i + 1} 20:00`,
    `晚上广场舞音响声音太大第${i}次`,
    OLD,
    '东社区',
    `2019/3/${i + 2} 9:00`,
    '满意',
  ]);

describe('history categories', () => {
  it('created under a class, they take a ledger’s unknown category; the same name again is the same one', async () => {
    const { core, dir } = await openTestCore(cleanups);
    const uploadId = await upload(core, '台账.csv', Buffer.from(csv([HEADER, ...rows('A')])));
    const preview = await core.call('import.preview', { uploadId }, commander);
    const check = await core.call('import.check', { uploadId, mapping: preview.mapping }, commander);
    expect(check.unknownCategories).toEqual([{ text: OLD, rows: 6 }]);

    const made = await core.call('import.createCategory', { parentCode: '01.01', name: OLD }, commander);
    expect(made).toEqual({
      code: '01.01.901',
      name: OLD,
      level: 3,
      parentCode: '01.01',
      defaultUrgency: 'P2',
      historyOnly: true,
    });
    expect(await core.call('import.createCategory', { parentCode: '01.01', name: OLD }, commander)).toEqual(
      made,
    );
    const other = await core.call(
      'import.createCategory',
      { parentCode: '01.01', name: '夜市噪音' },
      commander,
    );
    expect(other.code).toBe('01.01.902');
    const snap = await core.call('reference.snapshot', {}, commander);
    expect(snap.categories.filter((c) => c.historyOnly).map((c) => c.code)).toEqual([
      '01.01.901',
      '01.01.902',
    ]);

    const run = await core.call(
      'import.run',
      { uploadId, mapping: preview.mapping, categoryMap: { [OLD]: made.code }, jobId: 'job-00000031' },
      commander,
    );
    expect(run).toMatchObject({ added: 6, refused: 0 });
    const db = openDb(dir);
    try {
      expect(
        db.prepare("SELECT count(*) FROM work_order WHERE category_code = '01.01.901'").pluck().get(),
      ).toBe(6);
      // Each creation audited with the code it gave (the repeat by the gate, as a call).
      const audit = db
        .prepare("SELECT actor, detail FROM audit_log WHERE action = 'import.createCategory' ORDER BY seq")
        .all() as Array<{ actor: string; detail: string }>;
      expect(audit.map((a) => a.actor)).toEqual(['boss', 'boss', 'boss']);
      expect(audit[0]?.detail).toContain('01.01.901');
      expect(audit[2]?.detail).toContain('01.01.902');
    } finally {
      db.close();
    }

    // The next ledger with the same text finds it by name: nothing left to map.
    const next = await upload(core, '台账2.csv', Buffer.from(csv([HEADER, ...rows('B')])));
    const again = await core.call('import.check', { uploadId: next, mapping: preview.mapping }, commander);
    expect(again).toMatchObject({ toAdd: 6, refused: 0, unknownCategories: [] });
  });

  it('refuses a catalogue name, a class that is not a second-level one, and an officer', async () => {
    const { core } = await openTestCore(cleanups);
    const taken = await rejects(
      core.call('import.createCategory', { parentCode: '01.01', name: '施工噪音' }, commander),
    );
    expect(taken).toMatchObject({ reason: 'invalid_input', field: 'name' });
    expect(taken.message).toContain('已在目录中');
    for (const parentCode of ['01', '01.01.001', '09.09']) {
      const bad = await rejects(
        core.call('import.createCategory', { parentCode, name: '新分类' }, commander),
      );
      expect(bad.reason).toBe('invalid_input');
    }
    const officer = await rejects(
      core.call(
        'import.createCategory',
        { parentCode: '01.01', name: '新分类' },
        { role: 'officer', actor: 'li' },
      ),
    );
    expect(officer.reason).toBe('role_required');
  });

  it('no new order can take one: not offered, not suggested, refused; the district’s next data keeps it', async () => {
    const { core, dir } = await openTestCore(cleanups);
    const made = await core.call('import.createCategory', { parentCode: '01.01', name: OLD }, commander);
    const uploadId = await upload(core, '台账.csv', Buffer.from(csv([HEADER, ...rows('A')])));
    const preview = await core.call('import.preview', { uploadId }, commander);
    await core.call('import.run', { uploadId, mapping: preview.mapping, jobId: 'job-00000032' }, commander);

    const snap = await core.call('reference.snapshot', {}, commander);
    for (const channel of ['hotline', 'walk_in', 'grid'])
      expect(categoriesForChannel(snap.categories, channel).map((c) => c.code)).not.toContain(made.code);
    // Learned from the imported rows, which all say 广场舞: suggested never, by any channel or none.
    for (const source of [undefined, 'walk_in'] as const) {
      const s = await core.call(
        'triage.suggest',
        { text: '晚上广场舞音响声音太大', ...(source ? { source } : {}) },
        commander,
      );
      expect(s.suggestions.map((x) => x.categoryCode)).not.toContain(made.code);
    }
    const refused = await rejects(
      core.call(
        'orders.create',
        {
          order: {
            source: 'walk_in',
            appealType: 'complaint',
            categoryCode: made.code,
            urgency: 'P2',
            title: '广场舞扰民',
            lng: 116.46,
            lat: 39.9,
          },
        },
        commander,
      ),
    );
    expect(refused).toMatchObject({ reason: 'invalid_input', field: 'order.categoryCode' });

    // The district sends its catalogue again: the history category stays, beside it, not in it.
    const db = openDb(dir);
    try {
      // Written back whole, as a jurisdiction import does: it stays out of the district's table.
      writeReference(db, { ...readReference(db)!, version: TINY_REF.version + 1 });
      expect(db.prepare('SELECT count(*) FROM category WHERE code = ?').pluck().get(made.code)).toBe(0);
      writeReference(db, { ...TINY_REF, version: TINY_REF.version + 2 });
    } finally {
      db.close();
    }
    const after = await core.call('reference.snapshot', {}, commander);
    expect(after.version).toBe(TINY_REF.version + 2);
    expect(after.categories.find((c) => c.code === made.code)).toMatchObject({
      historyOnly: true,
      name: OLD,
    });
  });
});
