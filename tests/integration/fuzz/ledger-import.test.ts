/**
 * Property (issue 11 over issue 14's history import): a 台账 file of arbitrary bytes — random,
 * a CSV with junk spliced in, or something that starts like an .xlsx (a ZIP) — is either read as
 * rows of strings or refused with a LedgerFileError (a Chinese reason); never another error, never
 * a hang. The reader is the one the import and `npm run triage:eval` use.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LedgerFileError, openLedger } from '../../../electron/core/features/import/read-table';
import { fuzzParams } from './fuzz-config';

const dir = mkdtempSync(path.join(tmpdir(), 'hall-fuzz-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV = Buffer.from('工单编号,受理时间,诉求分类,标题\nA1,2019/2/28 11:25:05,市容环卫,路灯不亮\n', 'utf8');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const bytes = fc.uint8Array({ minLength: 0, maxLength: 2048 });
const file = fc.oneof(
  bytes.map((b) => ({ ext: 'csv', data: Buffer.from(b) })),
  fc.tuple(fc.integer({ min: 0, max: CSV.length }), bytes).map(([at, junk]) => ({
    ext: 'csv',
    data: Buffer.concat([CSV.subarray(0, at), junk, CSV.subarray(at)]),
  })),
  bytes.map((b) => ({ ext: 'xlsx', data: Buffer.concat([ZIP, Buffer.from(b)]) })),
);

let n = 0;
async function readAll(ext: string, data: Buffer): Promise<string[][]> {
  const p = path.join(dir, `f${n++}.${ext}`);
  writeFileSync(p, data);
  const out: string[][] = [];
  for await (const row of openLedger(p).rows()) out.push(row.cells);
  return out;
}

describe('history import reader over hostile bytes', () => {
  it('reads rows of strings or refuses with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(file, async ({ ext, data }) => {
        try {
          const rows = await readAll(ext, data);
          for (const r of rows) for (const c of r) expect(typeof c).toBe('string');
        } catch (err) {
          expect(err, String(err)).toBeInstanceOf(LedgerFileError);
          expect((err as Error).message).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      fuzzParams(60),
    );
  });
});
