/**
 * Reads a ledger file (CSV or .xlsx) as rows of text, streaming: the header row first, then the
 * data rows, without holding the file in memory. CSV encodings: UTF-8 with or without BOM,
 * UTF-16 with BOM, and GB18030 (GBK) — detected from the bytes. Excel dates become
 * `YYYY-MM-DD HH:mm:ss` (the wall time the sheet shows); numbers stay as written (Excel serial
 * days are read by the time parser). Limits: MAX_LEDGER_COLUMNS columns, MAX_CELL_CHARS per cell,
 * MAX_LEDGER_ROWS rows — beyond them the file is refused, not cut.
 *
 * Also used by `npm run triage:eval` (h14a) to read the same files the same way.
 */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { MAX_LEDGER_COLUMNS, MAX_LEDGER_ROWS } from '../../../../shared/features/import/contract';

/**
 * CSV bytes read (and parsed, synchronously) at a time: 16 KB is ~150 rows, a few ms of the
 * writer, so a dispatch call waits little behind an import (256 KB held it ~10× longer).
 */
const READ_CHUNK = 16 * 1024;

export type LedgerFormat = 'csv' | 'xlsx';
export type LedgerEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030' | 'xlsx';

/** The longest cell kept (longer text is refused by the row check, not cut silently). */
export const MAX_CELL_CHARS = 20_000;

export class LedgerFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerFileError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function head(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** The file's format by its bytes (an .xlsx is a zip), not by its name. */
export function sniffFormat(path: string): LedgerFormat {
  const b = head(path, 4);
  return ZIP_MAGIC.every((x, i) => b[i] === x) ? 'xlsx' : 'csv';
}

/** UTF-8 unless the first 64 KB are not valid UTF-8 (then GB18030, which covers GBK/GB2312). */
export function detectEncoding(sample: Uint8Array): Exclude<LedgerEncoding, 'xlsx'> {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  try {
    // stream: true — a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function wallTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(
    d.getUTCMinutes(),
  )}:${p(d.getUTCSeconds())}`;
}

/** An exceljs cell value as the text a person sees. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : wallTime(v);
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text?: unknown }>; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText))
      return o.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    if (typeof o.text === 'string') return o.text;
    if ('result' in o) return cellText(o.result);
  }
  return '';
}

function checkRow(cells: string[], rowNumber: number): string[] {
  if (cells.length > MAX_LEDGER_COLUMNS)
    throw new LedgerFileError(`第 ${rowNumber} 行有 ${cells.length} 列，最多 ${MAX_LEDGER_COLUMNS} 列`);
  for (const c of cells)
    if (c.length > MAX_CELL_CHARS)
      throw new LedgerFileError(`第 ${rowNumber} 行有超过 ${MAX_CELL_CHARS} 个字的单元格`);
  if (rowNumber > MAX_LEDGER_ROWS + 1) throw new LedgerFileError(`台账超过 ${MAX_LEDGER_ROWS} 行`);
  return cells;
}

async function* csvRows(path: string, encoding: Exclude<LedgerEncoding, 'xlsx'>): AsyncGenerator<string[]> {
  const bytes = createReadStream(path, { highWaterMark: READ_CHUNK });
  const text = bytes.pipe(iconv.decodeStream(encoding === 'utf-8-bom' ? 'utf-8' : encoding));
  const parser = text.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_CELL_CHARS * 4,
    }),
  );
  try {
    for await (const rec of parser as AsyncIterable<string[]>) yield rec.map((c) => c.replace(/^\uFEFF/, ''));
  } catch (err) {
    if (err instanceof LedgerFileError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    throw new LedgerFileError(`CSV 格式有误: ${msg.slice(0, 120)}`);
  } finally {
    bytes.destroy();
  }
}

async function* xlsxRows(path: string): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      let expect = 1;
      for await (const row of sheet) {
        // Blank rows are skipped by the reader; keep the sheet's numbering for the messages.
        for (; expect < row.number; expect++) yield [];
        expect = row.number + 1;
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
        yield cells;
      }
      return; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof LedgerFileError) throw err;
    throw new LedgerFileError('无法读取 Excel 文件 (文件损坏或不是 .xlsx)');
  }
}

export interface LedgerTable {
  readonly format: LedgerFormat;
  readonly encoding: LedgerEncoding;
  /** Rows in file order with their spreadsheet row number (the header is row 1). */
  rows(): AsyncGenerator<{ readonly number: number; readonly cells: string[] }>;
}

/** Opens a ledger: detects format and encoding; `rows()` streams it (call it again to reread). */
export function openLedger(path: string): LedgerTable {
  const format = sniffFormat(path);
  const encoding: LedgerEncoding = format === 'xlsx' ? 'xlsx' : detectEncoding(head(path, 64 * 1024));
  return {
    format,
    encoding,
    async *rows() {
      const src =
        format === 'xlsx' ? xlsxRows(path) : csvRows(path, encoding as Exclude<LedgerEncoding, 'xlsx'>);
      let n = 0;
      for await (const cells of src) {
        n++;
        yield { number: n, cells: checkRow(cells, n) };
      }
    },
  };
}
