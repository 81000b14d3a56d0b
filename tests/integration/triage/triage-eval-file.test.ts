/**
 * `npm run triage:eval -- --file …` on a small labelled 台账 (tests/fixtures/triage-eval.csv): the
 * file goes through the app's own import into a temporary store (a row whose label the
 * catalogue lacks is refused by the import's check and counted), then k folds print the table —
 * model and both baselines — and the per-class F1; the temporary store is removed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('triage:eval --file', () => {
  it('imports the file through the ledger import, then prints the evaluation table', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'triage-eval-test-'));
    try {
      const { stdout } = await run(
        join('node_modules', '.bin', 'tsx'),
        [
          'scripts/triage-eval.ts',
          '--file',
          'tests/fixtures/triage-eval.csv',
          '--text-columns',
          '标题,诉求内容',
          '--label-column',
          '诉求分类',
          '--folds',
          '4',
        ],
        { env: { ...process.env, TMPDIR: tmp }, timeout: 120_000 },
      );
      // Through the import: 49 data rows, 48 imported, the unknown label refused with its row and column.
      expect(stdout).toContain('导入 import: 49 行, 48 行已导入, 1 行未通过检查（跳过）');
      expect(stdout).toContain('不存在的分类(1)');
      expect(stdout).toMatch(/第 50 行「诉求分类」/);
      expect(stdout).toContain('48 orders, 6 classes, 4 folds, seed 1');
      const row = (label: string): number[] => {
        const line = stdout.split('\n').find((l) => l.startsWith(label));
        expect(line, label).toBeDefined();
        return [...line!.slice(label.length).matchAll(/(\d+\.\d+)%/g)].map((m) => Number(m[1]));
      };
      const model = row('model (n-gram NB)');
      const majority = row('baseline: majority');
      const catalogue = row('baseline: catalogue');
      for (const r of [model, majority, catalogue]) expect(r).toHaveLength(3); // macro-F1, acc@1, acc@3
      // Learned from the file's own orders, the model beats both baselines on macro-F1 and acc@1.
      expect(model[0]).toBeGreaterThan(catalogue[0]!);
      expect(model[1]).toBeGreaterThan(catalogue[1]!);
      expect(model[0]).toBeGreaterThan(majority[0]!);
      expect(stdout).toContain('model beats both baselines (macro-F1 and acc@1): yes');
      expect(stdout).toMatch(/per-class F1[\s\S]*停水.*n=\s+8/);
      expect(readdirSync(tmp).filter((f) => f.startsWith('triage-eval-file-'))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 150_000);
});
