/**
 * Address matching (issue 14 item 4): `address.match` per call through the core (gate, read side,
 * the cached gazetteer, the pure matcher) on the demo street's gazetteer, for a mix of what a hall
 * receives — building names, road numbers, bridges with a direction word, sites, addresses outside
 * the street — p50 and p95 over several passes, and the first call of a connection (which builds
 * the gazetteer). Baseline from the same run: the gazetteer's plain SQL lookup a matcher without
 * the cache would do per text (which building, road and landmark names the text contains: one
 * scan each).
 *
 *   BENCH_ONLY=address (run.ts), or alone: `npx tsx tests/bench/address-bench.ts`
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createInProcessCore } from '../../electron/core/runtime/core';
import { generateReference } from '../../electron/core/features/demo';
import { demoGazetteerExtras } from '../../electron/core/features/demo/generator/address-gazetteer';
import { dbPath } from '../../electron/core/store/db';
import { Table } from './table';

const ANCHOR = Date.UTC(2026, 10, 20, 4, 0, 0);
const PASSES = 4;

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
}

/** What a hall is asked to place, from the demo street (seed 1) and a few places outside it. */
function addressTexts(): string[] {
  const ref = generateReference(1);
  const extras = demoGazetteerExtras(ref);
  const out: string[] = [];
  ref.buildings
    .filter((b) => b.kind === 'residential')
    .filter((_, i) => i % 9 === 0)
    .slice(0, 60)
    .forEach((b, i) =>
      out.push([b.name, `双井街道${b.name}楼下`, `北京市朝阳区${b.name}门口`][i % 3] as string),
    );
  for (const r of extras.ranges.filter((x) => x.side === 'odd').slice(0, 40)) {
    const road = ref.roads.find((x) => x.id === r.roadId);
    const n = r.first + 2 * Math.floor((r.last - r.first) / 4);
    if (road) out.push(`${road.name}${n}号`, `${road.name}${n + 1}号院附近`);
  }
  const dirs = ['东南角', '西北角', '附近', '南侧', '对面'];
  extras.landmarks.forEach((l, i) => out.push(`${l.name}${dirs[i % dirs.length]}`));
  for (const s of ref.sites.slice(0, 10)) out.push(`${s.name}门口`);
  const main = ref.roads.filter((r) => r.kind === 'main');
  for (let i = 0; i + 1 < main.length; i++) out.push(`${main[i]!.name}与${main[i + 1]!.name}交叉口`);
  out.push('海淀区中关村大街27号', '上海市黄浦区南京东路100号', '丰台区马家堡东路8号院', '不知道在哪');
  return out;
}

export async function benchAddress(table: Table, dir: string): Promise<void> {
  const dataDir = join(dir, 'address');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const core = await createInProcessCore({
    dataDir,
    host: 'test',
    demo: { seed: 1, days: 1, anchor: ANCHOR },
    liveDemo: false,
    now: () => ANCHOR,
  });
  const officer = { role: 'officer' as const, actor: 'bench' };
  const texts = addressTexts();
  let placed = 0;
  let coldMs = 0;
  const runs: number[] = [];
  try {
    let t = performance.now();
    await core.call('address.match', { text: texts[0]!, limit: 3 }, officer);
    coldMs = performance.now() - t;
    for (let pass = 0; pass < PASSES; pass++)
      for (const text of texts) {
        t = performance.now();
        const r = await core.call('address.match', { text, limit: 3 }, officer);
        runs.push(performance.now() - t);
        if (pass === 0 && (r.candidates[0]?.confidence ?? 0) >= r.threshold) placed++;
      }
  } finally {
    await core.close();
  }

  // The baseline: one scan of each gazetteer table per text for the names it contains.
  const db = new Database(dbPath(dataDir), { readonly: true });
  const base: number[] = [];
  try {
    const buildings = db.prepare(
      "SELECT code FROM building WHERE instr(?, json_extract(json, '$.name')) > 0 LIMIT 5",
    );
    const roads = db.prepare("SELECT id FROM road WHERE instr(?, json_extract(json, '$.name')) > 0 LIMIT 5");
    const landmarks = db.prepare('SELECT id FROM landmark WHERE instr(?, name) > 0 LIMIT 5');
    for (let pass = 0; pass < PASSES; pass++)
      for (const text of texts) {
        const t = performance.now();
        buildings.all(text);
        roads.all(text);
        landmarks.all(text);
        base.push(performance.now() - t);
      }
  } finally {
    db.close();
  }
  const p50 = pct(runs, 0.5);
  const p95 = pct(runs, 0.95);
  table.add({
    what: `address.match through the core, demo gazetteer (${texts.length} addresses × ${PASSES}: buildings, road numbers, bridges + direction, sites, crossings, outside the street; ${placed} placed ≥ threshold; p50 ${p50.toFixed(2)} ms; first call of the connection, building the gazetteer, ${coldMs.toFixed(0)} ms)`,
    value: `p95 ${p95.toFixed(2)} ms`,
    budget: '≤ 5 ms p95',
    pass: p95 <= 5,
    baseline: `plain SQL name lookup (building, road, landmark scans) p95 ${pct(base, 0.95).toFixed(2)} ms, p50 ${pct(base, 0.5).toFixed(2)} ms`,
    ratio: p95 / pct(base, 0.95),
  });
}

if (process.argv[1]?.endsWith('address-bench.ts')) {
  const table = new Table();
  const dir = join(process.cwd(), '.bench-address');
  await benchAddress(table, dir);
  table.print();
  rmSync(dir, { recursive: true, force: true });
}
