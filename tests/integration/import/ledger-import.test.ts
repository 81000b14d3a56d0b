/**
 * The 台账 import on a real in-process core over a temp SQLite file: upload → preview (encoding,
 * guessed mapping) → check (per-row errors naming row and column, unknown categories) → run
 * (closed historical orders, idempotent), and hostile files refused with a Chinese reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { openTestCore, rejects, type Cleanups } from '../runtime/fixtures';
import { openDb } from '../../../electron/core/store/db';
import { commander, csv, upload } from './fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const HEADER = ['工单编号', '受理时间', '诉求内容', '诉求分类', '所属社区', '办结时间', '满意度'];
const ROWS = [
  ['GD-001', '2019/2/28 11:25:05', '工地夜间施工噪音扰民', '施工噪音', '东社区', '2019/3/1 9:00', '满意'],
  ['GD-002', '2019-02-28 11:25', '楼上漏水到我家', '房屋管理/漏水', '西社区', '2019-03-02 10:00', '基本满意'],
  ['GD-003', '43419.6716666667', '半夜广场舞音乐太吵', '市容环境-噪音', '东', '43420.5', ''],
  ['GD-004', '2019/13/45', '时间写错的一行', '施工噪音', '东社区', '', ''],
  ['GD-005', '2019年2月28日', '外墙渗水', '02.01', '', '2019年3月5日', '不满意'],
];

function countOrders(dir: string): { all: number; imported: number; open: number } {
  const db = openDb(dir);
  try {
    const all = db.prepare('SELECT count(*) FROM work_order').pluck().get() as number;
    const imported = db
      .prepare("SELECT count(*) FROM work_order WHERE id LIKE 'imp-%'")
      .pluck()
      .get() as number;
    const open = db.prepare('SELECT count(*) FROM work_order WHERE is_open = 1').pluck().get() as number;
    return { all, imported, open };
  } finally {
    db.close();
  }
}

describe('import of a 台账', () => {
  it('reads a GB18030 CSV, names the bad row and column, imports nothing while refused, then the rest once', async () => {
    const { core, dir } = await openTestCore(cleanups);
    const bytes = iconv.encode(csv([HEADER, ...ROWS]), 'gb18030');
    const uploadId = await upload(core, '台账.csv', bytes);
    const preview = await core.call('import.preview', { uploadId }, commander);
    expect(preview.encoding).toBe('gb18030');
    expect(preview.headers).toEqual(HEADER);
    expect(preview.rows[0]).toEqual(ROWS[0]);
    expect(preview.mapping).toMatchObject({
      number: 0,
      receivedAt: 1,
      text: 2,
      category: 3,
      community: 4,
      closedAt: 5,
      satisfaction: 6,
    });
    const input = { uploadId, mapping: preview.mapping };
    const check = await core.call('import.check', input, commander);
    expect(check).toMatchObject({ rows: 5, toAdd: 4, refused: 1, already: 0, unknownCategories: [] });
    expect(check.errors).toEqual([{ row: 5, column: '受理时间', message: '无法识别的时间「2019/13/45」' }]);

    // A file with a bad row is refused whole unless the person chose to skip it: nothing written.
    const refused = await rejects(core.call('import.run', { ...input, jobId: 'job-00000001' }, commander));
    expect(refused.reason).toBe('import_has_errors');
    expect(refused.message).toContain('1 行未通过检查');
    expect(countOrders(dir).all).toBe(0);

    const run = await core.call(
      'import.run',
      { ...input, jobId: 'job-00000002', skipBadRows: true },
      commander,
    );
    expect(run).toMatchObject({ added: 4, refused: 1, cancelled: false });
    expect(countOrders(dir)).toEqual({ all: 4, imported: 4, open: 0 });

    // Closed history: the times as written (China time), categories by name, path and code.
    const list = await core.call('orders.list', { status: ['closed'] }, commander);
    const byTitle = new Map(list.rows.map((o) => [o.title, o]));
    const first = byTitle.get('工地夜间施工噪音扰民');
    expect(first).toMatchObject({
      status: 'closed',
      categoryCode: '01.01.001',
      communityCode: '110105001001',
    });
    expect(first?.receivedAt).toBe(Date.UTC(2019, 1, 28, 3, 25, 5));
    expect(byTitle.get('楼上漏水到我家')?.categoryCode).toBe('02.01');
    // Excel serial 43419.6716666667 = 2018-11-15 16:07:12 (China time).
    const serial = byTitle.get('半夜广场舞音乐太吵');
    expect(serial?.categoryCode).toBe('01.01');
    expect(serial?.receivedAt).toBe(Date.UTC(2018, 10, 15, 16, 7, 12) - 8 * 3600_000);
    expect(byTitle.get('外墙渗水')?.receivedAt).toBe(Date.UTC(2019, 1, 27, 16, 0, 0));
    const detail = await core.call('orders.get', { orderId: first?.id ?? '' }, commander);
    expect(detail.order).toMatchObject({ imported: true, closedAt: Date.UTC(2019, 2, 1, 1, 0, 0) });
    expect(detail.order.callback).toMatchObject({ satisfaction: 'satisfied', valid: true });
    // No work queue counts them.
    const queues = await core.call('orders.queues', {}, commander);
    expect(Object.values(queues.counts).every((n) => n === 0)).toBe(true);

    // The same file again adds nothing.
    const again = await upload(core, '台账.csv', bytes);
    const second = await core.call(
      'import.run',
      { uploadId: again, mapping: preview.mapping, jobId: 'job-00000003', skipBadRows: true },
      commander,
    );
    expect(second).toMatchObject({ added: 0, already: 4, refused: 1 });
    expect(countOrders(dir).all).toBe(4);
  });

  it('cancelled while its thread reads ahead: stops with whole batches written, and the file again adds the rest once', async () => {
    const { core, dir } = await openTestCore(cleanups);
    const n = 7_000;
    const rows = Array.from({ length: n }, (_, i) => [
      `C-${i}`,
      `2019/3/${1 + (i % 28)} ${8 + (i % 10)}:${String(i % 60).padStart(2, '0')}:00`,
      `第${i}件 工地夜间施工噪音扰民`,
      '施工噪音',
      '东社区',
      '2019/4/1 9:00',
      '满意',
    ]);
    const bytes = Buffer.from(csv([HEADER, ...rows]), 'utf8');
    const uploadId = await upload(core, '大台账.csv', bytes);
    const { mapping } = await core.call('import.preview', { uploadId }, commander);
    const jobId = 'job-cancel01';
    const running = core.call('import.run', { uploadId, mapping, jobId }, commander);
    // Cancel once the first batch is written: the thread has read ahead by then.
    for (;;) {
      const p = await core.call('import.progress', { jobId }, commander);
      if (p.done > 0 || p.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await core.call('import.cancel', { jobId }, commander)).toEqual({ cancelled: true });
    const run = await running;
    expect(run.cancelled).toBe(true);
    expect(run.added).toBeGreaterThan(0);
    expect(run.added).toBeLessThan(n);
    expect(countOrders(dir).imported).toBe(run.added);

    const again = await upload(core, '大台账.csv', bytes);
    const rest = await core.call(
      'import.run',
      { uploadId: again, mapping, jobId: 'job-cancel02' },
      commander,
    );
    expect(rest).toMatchObject({ added: n - run.added, already: run.added, cancelled: false });
    expect(countOrders(dir)).toEqual({ all: n, imported: n, open: 0 });
  });

  it('reads .xlsx with Excel dates and serial days; an unknown category is listed and imports once mapped', async () => {
    const { core, dir } = await openTestCore(cleanups);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['标题', '来电时间', '问题分类', '办理状态']);
    ws.addRow(['施工扰民', new Date(Date.UTC(2020, 4, 6, 8, 30, 0)), '施工噪音', '已办结']);
    ws.getCell('B2').numFmt = 'yyyy-mm-dd hh:mm';
    ws.addRow(['共享单车堆放', 43419.6716666667, '共享单车乱停放', '已办结']);
    ws.addRow(['未办完的', '2020-05-06 08:30', '施工噪音', '办理中']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const uploadId = await upload(core, 'ledger.xlsx', bytes);
    const preview = await core.call('import.preview', { uploadId }, commander);
    expect(preview).toMatchObject({ format: 'xlsx', headers: ['标题', '来电时间', '问题分类', '办理状态'] });
    expect(preview.rows[0]?.[1]).toBe('2020-05-06 08:30:00');
    expect(preview.mapping).toMatchObject({ title: 0, receivedAt: 1, category: 2, status: 3 });
    const check = await core.call('import.check', { uploadId, mapping: preview.mapping }, commander);
    expect(check.unknownCategories).toEqual([{ text: '共享单车乱停放', rows: 1 }]);
    expect(check.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '问题分类'],
      [4, '办理状态'],
    ]);
    const mapped = await core.call(
      'import.check',
      { uploadId, mapping: preview.mapping, categoryMap: { 共享单车乱停放: '01' } },
      commander,
    );
    expect(mapped).toMatchObject({ toAdd: 2, refused: 1 });
    const run = await core.call(
      'import.run',
      {
        uploadId,
        mapping: preview.mapping,
        categoryMap: { 共享单车乱停放: '01' },
        jobId: 'job-00000010',
        skipBadRows: true,
      },
      commander,
    );
    expect(run.added).toBe(2);
    expect(countOrders(dir).imported).toBe(2);
  });

  it('matches 承办单位 to the street’s units, lists the others, and counts a mapped one under its unit', async () => {
    const { core, dir } = await openTestCore(cleanups);
    const header = ['工单编号', '受理时间', '诉求内容', '诉求分类', '办结时间', '满意度', '承办单位'];
    const rows = [
      ['U-1', '2019/2/28 11:25', '占道摆摊', '施工噪音', '2019/3/1 9:00', '满意', '城管执法队'],
      // Spaces and full-width brackets as 台账 write them: still the same unit.
      ['U-2', '2019/2/28 12:25', '楼道堆物', '施工噪音', '2019/3/1 9:00', '不满意', ' 阳光 物业 '],
      ['U-3', '2019/2/28 13:25', '路灯不亮', '施工噪音', '2019/3/1 9:00', '满意', '区城管委（照明）'],
      ['U-4', '2019/2/28 14:25', '井盖缺失', '施工噪音', '2019/3/1 9:00', '满意', '区城管委（照明）'],
      ['U-5', '2019/2/28 15:25', '噪音', '施工噪音', '2019/3/1 9:00', '满意', '已撤销的科室'],
      ['U-6', '2019/2/28 16:25', '无单位', '施工噪音', '2019/3/1 9:00', '满意', ''],
    ];
    const uploadId = await upload(core, '单位.csv', Buffer.from(csv([header, ...rows]), 'utf8'));
    const preview = await core.call('import.preview', { uploadId }, commander);
    expect(preview.mapping).toMatchObject({ unit: 6 });
    const check = await core.call('import.check', { uploadId, mapping: preview.mapping }, commander);
    // Not refused: an unknown unit only loses its counting under a unit.
    expect(check).toMatchObject({ toAdd: 6, refused: 0 });
    expect(check.unknownUnits).toEqual([
      { text: '区城管委（照明）', rows: 2 },
      { text: '已撤销的科室', rows: 1 },
    ]);
    const run = await core.call(
      'import.run',
      {
        uploadId,
        mapping: preview.mapping,
        // The person's choice; a mapping to a unit the street does not have is ignored.
        unitMap: { '区城管委（照明）': 'u-cg', 已撤销的科室: 'u-nowhere' },
        jobId: 'job-00000020',
      },
      commander,
    );
    expect(run.added).toBe(6);
    const db = openDb(dir);
    try {
      const units = db
        .prepare(
          "SELECT json_extract(e.payload, '$.imported.unitName') AS text, w.unit_id AS unit FROM work_order w JOIN order_event e ON e.order_id = w.id ORDER BY w.rowid",
        )
        .all();
      expect(units).toEqual([
        { text: '城管执法队', unit: 'u-cg' },
        { text: '阳光 物业', unit: 'u-wy' },
        { text: '区城管委（照明）', unit: 'u-cg' },
        { text: '区城管委（照明）', unit: 'u-cg' },
        { text: '已撤销的科室', unit: null },
        { text: '', unit: null },
      ]);
    } finally {
      db.close();
    }
    // Closed history stays off the work queues whatever its unit.
    expect(countOrders(dir).open).toBe(0);
  });

  it('refuses hostile files with a Chinese reason and keeps running', async () => {
    const { core } = await openTestCore(cleanups);
    // A zip header with garbage after it: not an Excel file.
    const fake = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
    const a = await upload(core, 'x.xlsx', fake);
    const e1 = await rejects(core.call('import.preview', { uploadId: a }, commander));
    expect(e1.reason).toBe('file_refused');
    expect(e1.message).toMatch(/Excel/);
    // Too many columns.
    const wide = await upload(core, 'wide.csv', Buffer.from(Array(150).fill('列').join(',') + '\n'));
    const e2 = await rejects(core.call('import.preview', { uploadId: wide }, commander));
    expect(e2.message).toContain('最多 100 列');
    // Wrong type, too big, an officer.
    expect(
      (await rejects(core.call('import.uploadBegin', { fileName: 'a.exe', size: 10 }, commander))).code,
    ).toBe('invalid_input');
    expect(
      (await rejects(core.call('import.uploadBegin', { fileName: 'a.csv', size: 10e9 }, commander))).code,
    ).toBe('invalid_input');
    expect(
      (
        await rejects(
          core.call('import.uploadBegin', { fileName: 'a.csv', size: 10 }, { role: 'officer', actor: 'x' }),
        )
      ).reason,
    ).toBe('role_required');
    // Script in a cell: the row is refused with its column named.
    const evil = await upload(
      core,
      'evil.csv',
      Buffer.from(
        csv([
          ['受理时间', '标题', '分类'],
          ['2020-01-01 10:00', '<script>alert(1)</script>', '噪音'],
        ]),
      ),
    );
    const p = await core.call('import.preview', { uploadId: evil }, commander);
    const c = await core.call('import.check', { uploadId: evil, mapping: p.mapping }, commander);
    expect(c.errors).toEqual([{ row: 2, column: '标题', message: '含有脚本或网页标记，已拒绝' }]);
    // History cannot be smuggled in through an ordinary intake.
    const smuggled = await rejects(
      core.call(
        'orders.create',
        {
          order: {
            source: 'walk_in',
            appealType: 'help',
            categoryCode: '01.01.001',
            urgency: 'P2',
            title: '假历史',
            imported: { closedAt: 1 },
          },
        },
        commander,
      ),
    );
    expect(smuggled.code).toBe('invalid_input');
    // Still answering.
    expect((await core.call('orders.queues', {}, commander)).counts).toBeDefined();
  });
});
