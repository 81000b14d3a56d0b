/**
 * Excel 台账 writing (exceljs 4.4.0, streamed to disk row by row): Chinese headers in bold, the
 * header row frozen, column widths, dates as real Excel dates in China time, rates as percents.
 * The generic kind `table.xlsx` runs a query procedure as the caller and writes its rows,
 * page by page when the answer has a `nextCursor` (the dispatch list).
 */
import ExcelJS from 'exceljs';
import { CONTRACT, isProcName, ApiError } from '../../../../shared/contract/index';
import { roleAtLeast, ROLE_LABELS } from '../../../../shared/kernel/roles';
import { CHINA_OFFSET_MS } from '../../../../shared/kernel/china-time';
import { TableXlsxParams, type XlsxColumn } from '../../../../shared/features/jobs/contract';
import type { z } from 'zod';
import type { JobCaller, JobThreadContext, ThreadJobKind } from './kinds';

type Column = z.output<typeof XlsxColumn>;
type Params = z.output<typeof TableXlsxParams>;

const FORMATS: Readonly<Record<Column['type'], string | undefined>> = {
  text: undefined,
  number: '#,##0.##',
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
  percent: '0.0%',
};

export function pick(row: unknown, path: string): unknown {
  let v: unknown = row;
  for (const k of path.split('.')) {
    if (k === '') continue;
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** One cell's value as Excel wants it: a Date (China wall time) for date columns, numbers as numbers. */
export function cellValue(col: Column, raw: unknown): ExcelJS.CellValue {
  if (raw === undefined || raw === null || raw === '') return null;
  if (col.type === 'datetime' || col.type === 'date') {
    const ms = typeof raw === 'number' ? raw : Date.parse(String(raw));
    // Excel dates carry no zone: write the China wall-clock time the hall reads.
    return Number.isFinite(ms) ? new Date(ms + CHINA_OFFSET_MS) : String(raw);
  }
  if (col.type === 'number' || col.type === 'percent') {
    const n = typeof raw === 'number' ? raw : Number(raw);
    return Number.isFinite(n) ? n : String(raw);
  }
  if (Array.isArray(raw)) return raw.map((x) => col.labels?.[String(x)] ?? String(x)).join('、');
  const s = typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  return col.labels?.[s] ?? s;
}

export interface SheetWriter {
  add(row: unknown): void;
  close(): Promise<void>;
}

/** A streamed workbook with one sheet of these columns. */
export function openSheet(file: string, sheet: string, columns: readonly Column[]): SheetWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = '街道指挥中心';
  const ws = wb.addWorksheet(sheet.replace(/[\\/?*[\]:]/g, '_').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = columns.map((c) => {
    const fmt = FORMATS[c.type];
    return {
      header: c.header,
      key: c.key,
      width: c.width ?? Math.max(10, Math.min(40, c.header.length * 2 + 4)),
      ...(fmt ? { style: { numFmt: fmt } } : {}),
    };
  });
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.commit();
  return {
    add(row) {
      ws.addRow(columns.map((c) => cellValue(c, pick(row, c.key)))).commit();
    },
    async close() {
      ws.commit();
      await wb.commit();
    },
  };
}

const PAGE = 500;

async function _runTable(ctx: JobThreadContext, p: Params): Promise<{ rows: number }> {
  const out = openSheet(ctx.outFile, p.sheet, p.columns);
  let rows = 0;
  let cursor: string | null = null;
  // A procedure whose input has a cursor is read page by page (orders.list: 500 rows a page).
  const shape = (CONTRACT[p.proc as keyof typeof CONTRACT].input as { shape?: Record<string, unknown> })
    .shape;
  const paged = shape !== undefined && 'cursor' in shape && 'limit' in shape;
  for (;;) {
    const input: Record<string, unknown> = { ...p.input };
    if (paged) {
      input.limit = PAGE;
      input.cursor = cursor;
    }
    const answer = await ctx.call(p.proc, input);
    const list = p.rowsPath === '' ? answer : pick(answer, p.rowsPath);
    if (!Array.isArray(list)) throw new Error('该列表没有可导出的行');
    for (const r of list) out.add(r);
    rows += list.length;
    const total = pick(answer, 'total');
    const capped = pick(answer, 'totalCapped') === true;
    ctx.progress(rows, typeof total === 'number' && !capped ? Math.max(total, rows) : null);
    const next = pick(answer, 'nextCursor');
    if (!paged || typeof next !== 'string' || list.length === 0) break;
    cursor = next;
    await ctx.breathe();
  }
  await out.close();
  return { rows };
}

/** Only a read-pool query the caller may call, with input it accepts. */
function _check(p: Params, caller: JobCaller): void {
  if (!isProcName(p.proc)) throw ApiError.why('invalid_input', `不能导出: ${p.proc}`, 'params');
  const def = CONTRACT[p.proc];
  if (def.kind !== 'query' || def.on !== 'reader' || p.proc.startsWith('jobs.'))
    throw ApiError.why('invalid_input', `不能导出: ${p.proc}`, 'params');
  if (!roleAtLeast(caller.role, def.role))
    throw new ApiError('role_required', {
      params: { action: '', role: def.role, roleLabel: ROLE_LABELS[def.role], proc: p.proc },
    });
  const parsed = def.input.safeParse(p.input);
  if (!parsed.success) throw ApiError.why('invalid_input', '导出的筛选条件无效', 'params');
}

export const TABLE_XLSX: ThreadJobKind<Params> = {
  kind: 'table.xlsx',
  role: 'viewer',
  params: TableXlsxParams,
  ext: 'xlsx',
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  check: _check,
  run: _runTable,
};
