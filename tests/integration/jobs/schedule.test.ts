/**
 * 定时台账 with a moved clock: an admin schedules the monthly ledger (day 1, 08:00 China time);
 * nothing runs for slots before the setting; a start after the 1st (the app was off at 08:00)
 * queues the missed run once, the jobs list shows it as scheduled, and the ledger of the previous
 * month lands in `<dataDir>/ledgers/` with that month's orders (read back with exceljs); a start
 * two and a half months later queues one run (the latest slot), not one per month missed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { ingestEvents } from '../../../electron/core/store/event-log/events';
import { writeReference } from '../../../electron/core/store/reference';
import type { JobView } from '../../../shared/features/jobs/contract';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { closedHistory, tempDir, TINY_REF } from '../store/fixtures';
import { rejects } from '../runtime/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A China wall-clock time as epoch ms. */
const china = (s: string) => Date.parse(`${s}+08:00`);
const admin = { role: 'admin', actor: 'root' } as const;

async function waitDone(c: Core, id: string): Promise<JobView> {
  const t0 = Date.now();
  for (;;) {
    const j = (await c.call('jobs.list', {}, admin)).find((x) => x.id === id);
    if (j && j.status !== 'queued' && j.status !== 'running') return j;
    if (Date.now() - t0 > 30_000) throw new Error(`job stuck: ${JSON.stringify(j)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('jobs: scheduled monthly ledger', () => {
  it('runs missed slots once at start and keeps the ledger in the data folder', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = openDb(t.dir);
    writeReference(db, TINY_REF);
    const evs: OrderEvent[] = [];
    // 7 orders in November (one at the month's first minute), 3 in December, 2 in January.
    for (let i = 0; i < 7; i++)
      evs.push(...closedHistory(`N${i}`, china(`2026-11-${String(1 + i * 4).padStart(2, '0')}T00:0${i}:00`)));
    for (let i = 0; i < 3; i++) evs.push(...closedHistory(`D${i}`, china(`2026-12-0${2 + i}T10:00:00`)));
    for (let i = 0; i < 2; i++) evs.push(...closedHistory(`J${i}`, china(`2027-01-1${i}T10:00:00`)));
    ingestEvents(db, evs, { source: 'upstream', node: 'hall' });
    db.close();

    let clock = china('2026-11-20T10:00:00');
    const open = async (): Promise<Core> => {
      const c = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => clock });
      return c;
    };

    // The admin sets the schedule; an officer may not; nothing runs for the 1 November slot.
    let c = await open();
    expect(
      (
        await rejects(
          c.call(
            'jobs.setSchedule',
            { kind: 'ledger.monthly', enabled: true, day: 1, hour: 8 },
            { role: 'officer', actor: 'z' },
          ),
        )
      ).reason,
    ).toBe('role_required');
    expect(
      (await rejects(c.call('jobs.schedules', {}, { role: 'officer', actor: 'z' }))).reason,
      'the schedules name the data folder: admin only',
    ).toBe('role_required');
    const set = await c.call(
      'jobs.setSchedule',
      { kind: 'ledger.monthly', enabled: true, day: 1, hour: 8 },
      admin,
    );
    expect(set.nextAt).toBe(china('2026-12-01T08:00:00'));
    expect(set.folder).toBe(join(t.dir, 'ledgers'));
    expect(await c.call('jobs.list', {}, admin)).toEqual([]);
    await c.close();

    // The app was off at 08:00 on 1 December: the start at 09:30 queues the run once.
    clock = china('2026-12-01T09:30:00');
    c = await open();
    let jobs = await c.call('jobs.list', {}, admin);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ kind: 'ledger.monthly', title: '工单月台账 2026-11', createdBy: 'root' });
    expect(jobs[0]!.scheduledFor).toBe(china('2026-12-01T08:00:00'));
    const done = await waitDone(c, jobs[0]!.id);
    expect(done).toMatchObject({ status: 'done', rows: 7 });
    const kept = join(t.dir, 'ledgers', '工单月台账-2026-11.xlsx');
    expect(existsSync(kept)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(kept);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('工单编号');
    const ids: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) ids.push(String(row.getCell(1).value));
    });
    expect(ids.sort()).toEqual(['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6']);
    expect(ws.getRow(2).getCell(10).value).toBeInstanceOf(Date);
    expect((await c.call('jobs.schedules', {}, admin))[0]).toMatchObject({
      lastSlot: china('2026-12-01T08:00:00'),
      nextAt: china('2027-01-01T08:00:00'),
    });
    await c.close();

    // Restarting the same day queues nothing more.
    c = await open();
    expect(await c.call('jobs.list', {}, admin)).toHaveLength(1);
    await c.close();

    // Off from December to mid-February: one run (the 1 February slot, January's ledger), not two.
    clock = china('2027-02-15T12:00:00');
    c = await open();
    jobs = await c.call('jobs.list', {}, admin);
    expect(jobs).toHaveLength(2);
    const feb = jobs.find((j) => j.title === '工单月台账 2027-01')!;
    expect(feb.scheduledFor).toBe(china('2027-02-01T08:00:00'));
    expect(await waitDone(c, feb.id)).toMatchObject({ status: 'done', rows: 2 });
    expect(existsSync(join(t.dir, 'ledgers', '工单月台账-2027-01.xlsx'))).toBe(true);

    // Switched off: later slots do not run.
    await c.call('jobs.setSchedule', { kind: 'ledger.monthly', enabled: false, day: 1, hour: 8 }, admin);
    await c.close();
    clock = china('2027-04-02T12:00:00');
    c = await open();
    expect(await c.call('jobs.list', {}, admin)).toHaveLength(2);
    await c.close();
  }, 90_000);
});
