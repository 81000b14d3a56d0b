/**
 * `ledger.monthly`: the monthly 工单台账 — every order received in the month, with Chinese labels —
 * built in a job thread as the person who set the schedule, and kept in `<dataDir>/ledgers/`
 * (工单月台账-YYYY-MM.xlsx; a rerun of the month replaces it). The jobs list offers it for download
 * like any export.
 */
import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { LedgerMonthlyParams } from '../../../../shared/features/jobs/contract';
import { STATUS_LABELS } from '../../../../shared/features/orders/labels';
import type { OrderListPage, ReferenceSnapshot } from '../../../../shared/contract/index';
import { chinaMonthRange } from '../../../../shared/kernel/china-time';
import type { JobThreadContext, ThreadJobKind } from './kinds';
import { openSheet } from './xlsx';

type Params = z.output<typeof LedgerMonthlyParams>;

const URGENCY = { P0: '特急', P1: '紧急', P2: '一般', P3: '疑难' };
const SOURCE = {
  hotline: '12345热线',
  grid: '网格上报',
  iot: '物联感知',
  walk_in: '来访来电',
  whistle: '社区吹哨',
  volunteer: '居民点单',
  proactive: '主动治理',
};

export function ledgersDir(dataDir: string): string {
  return join(dataDir, 'ledgers');
}

export function ledgerFileName(month: string): string {
  return `工单月台账-${month}.xlsx`;
}

const PAGE = 500;

async function _run(ctx: JobThreadContext, p: Params): Promise<{ rows: number }> {
  const ref = (await ctx.call('reference.snapshot', {})) as ReferenceSnapshot;
  const path = new Map(ref.categories.map((c) => [c.code, c]));
  const catPath = (code: string): string => {
    const names: string[] = [];
    for (let c = path.get(code); c; c = c.parentCode ? path.get(c.parentCode) : undefined)
      names.unshift(c.name);
    return names.join(' / ') || code;
  };
  const out = openSheet(ctx.outFile, `工单台账 ${p.month}`, [
    { key: 'id', header: '工单编号', width: 24, type: 'text' },
    { key: 'title', header: '标题', width: 36, type: 'text' },
    { key: 'status', header: '状态', width: 12, type: 'text', labels: { ...STATUS_LABELS } },
    { key: 'urgency', header: '紧急程度', width: 10, type: 'text', labels: URGENCY },
    { key: 'source', header: '来源', width: 12, type: 'text', labels: SOURCE },
    {
      key: 'categoryCode',
      header: '类别',
      width: 30,
      type: 'text',
      labels: Object.fromEntries(ref.categories.map((c) => [c.code, catPath(c.code)])),
    },
    {
      key: 'communityCode',
      header: '社区',
      width: 16,
      type: 'text',
      labels: Object.fromEntries(ref.communities.map((c) => [c.code, c.name])),
    },
    {
      key: 'unitId',
      header: '承办单位',
      width: 20,
      type: 'text',
      labels: Object.fromEntries(ref.units.map((u) => [u.id, u.name])),
    },
    { key: 'address', header: '地址', width: 36, type: 'text' },
    { key: 'receivedAt', header: '受理时间', width: 18, type: 'datetime' },
    { key: 'finishDeadline', header: '办结时限', width: 18, type: 'datetime' },
    { key: 'overdue', header: '超期', width: 8, type: 'text', labels: { true: '是', false: '' } },
  ]);
  const [from, to] = chinaMonthRange(p.month);
  let rows = 0;
  let cursor: string | null = null;
  for (;;) {
    const page = (await ctx.call('orders.list', {
      receivedFrom: from,
      receivedTo: to - 1,
      limit: PAGE,
      cursor,
    })) as OrderListPage;
    for (const r of page.rows) out.add(r);
    rows += page.rows.length;
    ctx.progress(rows, page.totalCapped ? null : Math.max(page.total, rows));
    if (!page.nextCursor || page.rows.length === 0) break;
    cursor = page.nextCursor;
    await ctx.breathe();
  }
  await out.close();
  // Kept in the data folder: write beside, then rename (a crash never leaves half a ledger).
  const dir = ledgersDir(ctx.dataDir);
  mkdirSync(dir, { recursive: true });
  const kept = join(dir, ledgerFileName(p.month));
  copyFileSync(ctx.outFile, `${kept}.part`);
  renameSync(`${kept}.part`, kept);
  return { rows };
}

export const LEDGER_MONTHLY: ThreadJobKind<Params> = {
  kind: 'ledger.monthly',
  role: 'admin',
  params: LedgerMonthlyParams,
  ext: 'xlsx',
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  run: _run,
};
