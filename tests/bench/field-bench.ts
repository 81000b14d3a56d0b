/**
 * 现场力量 (issue 15 item 4): the demo street's whole field force (every grid worker and 双报到
 * member, ~300 people) reporting at once — one `field.report` batch of ~300 positions (p95 of 30),
 * and the map's `field.positions` read of ~300 people (p95 of 100), against one `map.features`
 * read (the map's other people layer) as the baseline.
 */
import { join } from 'node:path';
import { generateReference } from '../../electron/core/features/demo/generator/reference';
import { createInProcessCore } from '../../electron/core/runtime/core';
import { openDb } from '../../electron/core/store/db';
import { writeReference } from '../../electron/core/store/reference';
import type { Table } from './table';

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
}

export async function benchField(table: Table, dir: string): Promise<void> {
  const dataDir = join(dir, 'field');
  const ref = generateReference(1);
  const db = openDb(dataDir);
  writeReference(db, ref);
  db.close();
  let clock = Date.UTC(2026, 2, 10, 2);
  const core = await createInProcessCore({ dataDir, host: 'test', now: () => clock });
  const officer = { role: 'officer' as const, actor: 'bench' };
  try {
    const people = ref.people.filter((p) => p.role === 'grid_worker' || p.role === 'party_member');
    const centre = ref.grids[0]?.centroid ?? [116.46, 39.89];
    const report = async (k: number) => {
      clock += 30_000;
      const t = performance.now();
      await core.call(
        'field.report',
        {
          reports: people.map((p, i) => ({
            personId: p.id,
            lng: centre[0] + ((i % 20) - 10) * 0.0004 + k * 1e-6,
            lat: centre[1] + (Math.floor(i / 20) - 7) * 0.0004,
            accuracy: 10,
            at: clock,
          })),
        },
        officer,
      );
      return performance.now() - t;
    };
    await report(0);
    const writes: number[] = [];
    for (let k = 1; k <= 30; k++) writes.push(await report(k));
    const reads: number[] = [];
    const base: number[] = [];
    for (let k = 0; k < 100; k++) {
      let t = performance.now();
      await core.call('field.positions', {}, officer);
      reads.push(performance.now() - t);
      t = performance.now();
      await core.call('map.features', {}, officer);
      base.push(performance.now() - t);
    }
    table.add({
      what: `field.report: ${people.length} positions in one batch (latest + bounded history; p95 of 30)`,
      value: `${pct(writes, 0.95).toFixed(1)} ms`,
      budget: '≤ 100 ms',
      pass: pct(writes, 0.95) <= 100,
      baseline: `median ${pct(writes, 0.5).toFixed(1)} ms`,
      ratio: pct(writes, 0.95) / pct(writes, 0.5),
    });
    table.add({
      what: `field.positions: ${people.length} people for the map (p95 of 100)`,
      value: `${pct(reads, 0.95).toFixed(2)} ms`,
      budget: '≤ 30 ms',
      pass: pct(reads, 0.95) <= 30,
      baseline: `map.features p95 ${pct(base, 0.95).toFixed(2)} ms`,
      ratio: pct(reads, 0.95) / pct(base, 0.95),
    });
  } finally {
    await core.close();
  }
}
