/**
 * Background jobs over a real store: an export of the filtered dispatch list runs in its own
 * worker thread (paging orders.list through the gate as the caller), reports progress, writes an
 * .xlsx that exceljs reads back with the right rows (Chinese headers, frozen header row, dates as
 * dates); cancel stops it and removes its file; bad input is refused with a reason.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { ingestEvents } from '../../../electron/core/store/event-log/events';
import { writeReference } from '../../../electron/core/store/reference';
import type { JobView } from '../../../shared/features/jobs/contract';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { closedHistory, createdPayload, History, tempDir, TINY_REF, T0 } from '../store/fixtures';
import { rejects } from '../runtime/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const officer = { role: 'officer', actor: 'zhang' } as const;
const other = { role: 'officer', actor: 'li' } as const;

async function core(n: number): Promise<{ core: Core; dir: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, TINY_REF);
  const evs: OrderEvent[] = [];
  for (let i = 0; i < n; i++) {
    const at = T0 - (i + 1) * 3_600_000;
    if (i % 3 === 0) evs.push(...closedHistory(`J${i}`, at));
    else {
      const h = new History(`J${i}`, at);
      h.add('created', createdPayload({ categoryCode: i % 2 ? '01.01.001' : '02.01.001' }), 0);
      evs.push(...h.events);
    }
  }
  ingestEvents(db, evs, { source: 'upstream', node: 'hall' });
  db.close();
  const c = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => T0 });
  cleanups.push(() => c.close());
  return { core: c, dir: t.dir };
}

const COLUMNS = [
  { key: 'id', header: '工单编号', width: 24 },
  { key: 'title', header: '标题', width: 30 },
  { key: 'status', header: '状态', labels: { received: '待派单', closed: '已结案' } },
  { key: 'receivedAt', header: '受理时间', type: 'datetime' },
] as const;

async function waitFor(c: Core, id: string, until: (j: JobView) => boolean, ms = 30_000): Promise<JobView[]> {
  const seen: JobView[] = [];
  const t0 = Date.now();
  for (;;) {
    const jobs = await c.call('jobs.list', {}, officer);
    const j = jobs.find((x) => x.id === id);
    if (j) seen.push(j);
    if (j && until(j)) return seen;
    if (Date.now() - t0 > ms) throw new Error(`job ${id} stuck: ${JSON.stringify(j)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('jobs: table.xlsx export', () => {
  it('exports the filtered dispatch list in the background and the file reads back with the right rows', async () => {
    const { core: c } = await core(1_300);
    const filter = { categoryCode: '01' };
    const expected: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { rows: readonly { id: string }[]; nextCursor: string | null } = await c.call(
        'orders.list',
        { ...filter, limit: 500, cursor },
        officer,
      );
      expected.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(expected.length).toBeGreaterThan(500);

    const job = await c.call(
      'jobs.start',
      {
        kind: 'table.xlsx',
        title: '工单台账',
        params: { proc: 'orders.list', input: filter, sheet: '工单台账', columns: COLUMNS },
      },
      officer,
    );
    expect(job.status).toBe('queued');
    const seen = await waitFor(c, job.id, (j) => j.status !== 'queued' && j.status !== 'running');
    const last = seen[seen.length - 1]!;
    expect(last.status).toBe('done');
    expect(last.rows).toBe(expected.length);
    expect(last.fileName).toMatch(/\.xlsx$/);

    // Another officer does not see it; the starter downloads it.
    expect((await c.call('jobs.list', {}, other)).some((j) => j.id === job.id)).toBe(false);
    expect((await rejects(c.call('jobs.download', { id: job.id }, other))).reason).toBe('job_not_found');
    const file = await c.call('jobs.download', { id: job.id }, officer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('工单台账');
    expect(ws.getRow(1).values).toEqual([undefined, '工单编号', '标题', '状态', '受理时间']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(24);
    const ids: string[] = [];
    ws.eachRow((row, i) => {
      if (i > 1) ids.push(String(row.getCell(1).value));
    });
    expect(ids).toEqual(expected);
    const when = ws.getRow(2).getCell(4).value;
    expect(when).toBeInstanceOf(Date);
    expect(['待派单', '已结案']).toContain(ws.getRow(2).getCell(3).value);
  }, 60_000);

  it('cancel stops a running export and removes its file; a finished job cannot be cancelled', async () => {
    const { core: c, dir } = await core(3_000);
    const job = await c.call(
      'jobs.start',
      {
        kind: 'table.xlsx',
        title: '全部工单',
        params: { proc: 'orders.list', sheet: '工单', columns: COLUMNS },
      },
      officer,
    );
    await waitFor(c, job.id, (j) => j.status === 'running');
    await c.call('jobs.cancel', { id: job.id }, officer);
    const seen = await waitFor(c, job.id, (j) => j.status === 'cancelled');
    expect(seen[seen.length - 1]!.fileName).toBeNull();
    const exportsDir = join(dir, 'exports');
    expect(existsSync(exportsDir) ? readdirSync(exportsDir) : []).toEqual([]);
    expect((await rejects(c.call('jobs.cancel', { id: job.id }, officer))).reason).toBe('job_finished');
  }, 60_000);

  it('refuses unknown kinds, procedures that are not reads, and a role below the procedure', async () => {
    const { core: c } = await core(3);
    const bad = (
      params: Record<string, unknown>,
      kind = 'table.xlsx',
      who: { role: 'officer' | 'viewer'; actor: string } = officer,
    ) => rejects(c.call('jobs.start', { kind, title: 't', params }, who));
    expect((await bad({}, 'no.such')).reason).toBe('job_kind_unknown');
    const cols = [{ key: 'id', header: '编号' }];
    expect((await bad({ proc: 'orders.act', sheet: 's', columns: cols })).reason).toBe('invalid_input');
    expect((await bad({ proc: 'jobs.download', sheet: 's', columns: cols })).reason).toBe('invalid_input');
    expect(
      (await bad({ proc: 'orders.list', input: { limit: 'x' }, sheet: 's', columns: cols })).reason,
    ).toBe('invalid_input');
    expect((await bad({ proc: 'accounts.list', sheet: 's', columns: cols })).reason).toBe('role_required');
    expect((await bad({ proc: 'orders.list', sheet: 's', columns: [] })).reason).toBe('invalid_input');
    // Nothing was queued by the refusals.
    expect(await c.call('jobs.list', {}, officer)).toEqual([]);
  });
});
