/**
 * map.orders / map.features / map.importJurisdiction on a real in-process core over a temp SQLite
 * file with the tiny street: open orders as points, per-grid counts, masking below officer,
 * per-feature validation reports and the applied jurisdiction.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TINY_REF, createdPayload } from '../store/fixtures';
import { openTestCore, rejects, type Cleanups } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const viewer = { role: 'viewer', actor: 'wall' } as const;
const admin = { role: 'admin', actor: 'root' } as const;

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('map.orders', () => {
  it('lists every open order as a point and counts all orders per grid; a new order is there at once', async () => {
    const { core } = await openTestCore(cleanups);
    const empty = await core.call('map.orders', {}, viewer);
    expect(empty.open.id).toEqual([]);
    const a = await core.call(
      'orders.create',
      { order: createdPayload({ title: '回电 13812345678 噪音' }) },
      officer,
    );
    const b = await core.call(
      'orders.create',
      {
        order: createdPayload({
          source: 'iot',
          urgency: 'P0',
          lng: 116.411,
          lat: 39.901,
          communityCode: '110105001002',
          gridCode: '110105001002-01',
        }),
      },
      officer,
    );
    const seen = await core.call('map.orders', {}, officer);
    expect([...seen.open.id].sort()).toEqual([a.order.id, b.order.id].sort());
    const i = seen.open.id.indexOf(b.order.id);
    expect(seen.open.iot[i]).toBe(1);
    expect(seen.open.urgency[i]).toBe('P0');
    expect(seen.open.lng[i]).toBeCloseTo(116.411, 5);
    expect(seen.totals.open).toBe(2);
    expect(seen.grids.find((g) => g.gridCode === '110105001001-01')).toMatchObject({ open: 1, closed: 0 });
    // The officer sees the phone number in the title; the wall (viewer) does not.
    expect(seen.open.title).toContain('回电 13812345678 噪音');
    const wall = await core.call('map.orders', {}, viewer);
    expect(wall.open.title).toContain('回电 138****5678 噪音');
    expect(JSON.stringify(wall)).not.toMatch(/13812345678/);
  });
});

describe('map.features', () => {
  it('gives sites, units and grid workers with positions; names and phones masked below officer', async () => {
    const { core } = await openTestCore(cleanups);
    const full = await core.call('map.features', {}, officer);
    const masked = await core.call('map.features', {}, viewer);
    expect(full.units.length).toBe(TINY_REF.units.length);
    const workers = TINY_REF.people.filter((p) => p.role === 'grid_worker' && p.gridCode);
    expect(full.workers.length).toBe(workers.length);
    for (const w of masked.workers) expect(w.name).toMatch(/^.\*+$/);
    expect(JSON.stringify(masked)).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    for (const p of TINY_REF.people)
      if (p.name.length > 1) expect(JSON.stringify(masked)).not.toContain(p.name);
  });
});

const square = (x: number, y: number, d = 0.004) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

function fc(features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

const community = (code: string, x: number, name = '新社区') => ({
  type: 'Feature',
  properties: { code, name, level: 'community' },
  geometry: { type: 'Polygon', coordinates: [square(x, 39.9, 0.01)] },
});
const grid = (code: string, parent: string, x: number) => ({
  type: 'Feature',
  properties: { code, name: `${code}网格`, level: 'grid', communityCode: parent },
  geometry: { type: 'Polygon', coordinates: [square(x, 39.9)] },
});

describe('map.importJurisdiction', () => {
  it('reports every bad feature with its index and applies nothing', async () => {
    const { core } = await openTestCore(cleanups);
    const before = await core.call('reference.snapshot', {}, admin);
    const bad = fc([
      community('C1', 116.4),
      {
        type: 'Feature',
        properties: { code: 'G1', name: '开口网格', level: 'grid', communityCode: 'C1' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [116.4, 39.9],
              [116.401, 39.9],
              [116.401, 39.901],
              [116.4, 39.901],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { code: 'G2', level: 'grid', communityCode: 'C1' },
        geometry: { type: 'Polygon', coordinates: [square(116.4, 39.9)] },
      },
      {
        type: 'Feature',
        properties: { code: 'G3', name: '越界', level: 'grid', communityCode: 'C1' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [200, 39.9],
              [116.401, 39.9],
              [116.401, 39.901],
              [200, 39.9],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { code: 'G4', name: '点', level: 'grid', communityCode: 'C1' },
        geometry: { type: 'Point', coordinates: [116.4, 39.9] },
      },
      grid('G5', 'NOPE', 116.4),
      community('C1', 116.5),
    ]);
    const report = await core.call('map.importJurisdiction', { geojson: bad }, admin);
    expect(report.ok).toBe(false);
    const byFeature = (i: number) =>
      report.problems
        .filter((p) => p.feature === i)
        .map((p) => p.message)
        .join(' | ');
    expect(byFeature(1)).toMatch(/未闭合/);
    expect(byFeature(2)).toMatch(/缺少属性 name/);
    expect(byFeature(3)).toMatch(/经度 200 超出/);
    expect(byFeature(4)).toMatch(/只接受 Polygon 或 MultiPolygon/);
    expect(byFeature(5)).toMatch(/所属社区 NOPE 不在文件中/);
    expect(byFeature(6)).toMatch(/重复/);
    expect(report.problems.some((p) => p.feature === 0)).toBe(false);
    const after = await core.call('reference.snapshot', {}, admin);
    expect(after.version).toBe(before.version);
    expect(
      (await core.call('map.importJurisdiction', { geojson: '{not json' }, admin)).problems[0]?.message,
    ).toMatch(/不是合法的 JSON/);
    expect(
      (await core.call('map.importJurisdiction', { geojson: '[]' }, admin)).problems[0]?.message,
    ).toMatch(/FeatureCollection/);
  });

  it('refuses the geometry attacks of issue 11: a bow-tie, the whole world, a square at 0,0, bad holes, far away', async () => {
    const { core } = await openTestCore(cleanups);
    const before = await core.call('reference.snapshot', {}, admin);
    const poly = (code: string, rings: number[][][]) => ({
      type: 'Feature',
      properties: { code, name: `${code}社区`, level: 'community' },
      geometry: { type: 'Polygon', coordinates: rings },
    });
    const bad = fc([
      community('OK', 116.4),
      poly('BOWTIE', [
        [
          [116.4, 39.9],
          [116.41, 39.91],
          [116.41, 39.9],
          [116.4, 39.91],
          [116.4, 39.9],
        ],
      ]),
      poly('WORLD', [
        [
          [-180, -90],
          [180, -90],
          [180, 90],
          [-180, 90],
          [-180, -90],
        ],
      ]),
      poly('NULL', [square(0, 0, 0.01)]),
      poly('BIGHOLE', [square(116.4, 39.9, 0.01), square(116.39, 39.89, 0.03)]),
      poly('OUTHOLE', [square(116.4, 39.9, 0.01), square(116.43, 39.9, 0.002)]),
      poly('SHANGHAI', [square(121.47, 31.23, 0.01)]),
    ]);
    const report = await core.call('map.importJurisdiction', { geojson: bad }, admin);
    expect(report.ok).toBe(false);
    const byFeature = (i: number) =>
      report.problems
        .filter((p) => p.feature === i)
        .map((p) => p.message)
        .join(' | ');
    expect(byFeature(0)).toBe('');
    expect(byFeature(1)).toMatch(/自相交/);
    expect(byFeature(2)).toMatch(/范围过大/);
    expect(byFeature(3)).toMatch(/不在中国境内/);
    expect(byFeature(4)).toMatch(/洞不小于外环/);
    expect(byFeature(5)).toMatch(/洞超出外环/);
    expect(byFeature(6)).toMatch(/离本街道太远/);
    expect((await core.call('reference.snapshot', {}, admin)).version).toBe(before.version);
  });

  it('audits an applied import with what it replaced', async () => {
    const { core, dir } = await openTestCore(cleanups);
    const applied = await core.call(
      'map.importJurisdiction',
      { geojson: fc([community('N9', 116.4)]) },
      admin,
    );
    expect(applied.ok).toBe(true);
    const page = await core.call('audit.list', { action: 'map.importJurisdiction' }, admin);
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]?.actor).toBe('root');
    expect(JSON.parse(page.rows[0]?.detail ?? '{}')).toMatchObject({
      communities: { before: 2, after: 1 },
      grids: { before: 2, after: 0 },
      buildings: { before: 1, kept: 0, dropped: 1 },
    });
    expect(dir).toBeTruthy();
  });

  it('applies a valid file: new communities and grids, a new reference version, buildings re-homed', async () => {
    const { core } = await openTestCore(cleanups);
    const hints: string[] = [];
    core.onChange((h) => hints.push(h.topic));
    const before = await core.call('reference.snapshot', {}, admin);
    const good = fc([
      community('N1', 116.395, '新一社区'),
      {
        type: 'Feature',
        properties: { code: 'N1-01', name: '新一第1网格', level: '网格', communityCode: 'N1' },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[square(116.3999, 39.8999, 0.002)], [square(116.3, 39.8, 0.0001)]],
        },
      },
    ]);
    const dry = await core.call('map.importJurisdiction', { geojson: good, dryRun: true }, admin);
    expect(dry.ok).toBe(true);
    expect((await core.call('reference.snapshot', {}, admin)).version).toBe(before.version);
    const applied = await core.call('map.importJurisdiction', { geojson: good }, admin);
    expect(applied).toMatchObject({ ok: true });
    expect(applied.summary).toMatch(/1 个社区、1 个网格/);
    const after = await core.call('reference.snapshot', {}, admin);
    expect(after.version).toBe(before.version + 1);
    expect(after.communities.map((c) => c.code)).toEqual(['N1']);
    expect(after.grids.map((g) => g.code)).toEqual(['N1-01']);
    // The largest part of the MultiPolygon is kept.
    expect(after.grids[0]?.boundary.length).toBe(5);
    expect(hints).toContain('reference.changed');
    await rejects(core.call('map.importJurisdiction', { geojson: good }, officer));
  });
});
