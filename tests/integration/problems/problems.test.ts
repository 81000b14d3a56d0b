/**
 * 每月一题 on the seeded demo street (real SQLite, through the gate): the 一类事 clustering finds
 * the demo's planted patterns (generator/problem-patterns.ts) across channels and ranks them;
 * the problem bank's lifecycle (pick a candidate, milestones, progress, close with before/after
 * figures), its roles, stale and closed edits, and bad input that stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { loadDemoGenerator, seedDemoIfEmpty } from '../../../electron/core/features/demo';
import { problemPatternOf } from '../../../electron/core/features/demo/generator/problem-patterns';
import { openDb } from '../../../electron/core/store/db';
import type { ProblemCandidate } from '../../../shared/features/problems/contract';
import { tempDir } from '../store/fixtures';

const DAY = 86_400_000;
const ANCHOR = Date.UTC(2026, 11, 5, 4, 0, 0);
let now = ANCHOR;
let core: Core;
let cleanup: () => void;
const viewer = { role: 'viewer', actor: 'committee' } as const;
const officer = { role: 'officer', actor: 'duty-1' } as const;
const commander = { role: 'commander', actor: 'cmd-1' } as const;

/** The share of a candidate's orders that belong to demo pattern `p`. */
function share(c: ProblemCandidate, p: number): number {
  return c.ids.filter((id) => problemPatternOf(id) === p).length / c.ids.length;
}

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const db = openDb(t.dir);
  seedDemoIfEmpty(db, await loadDemoGenerator(), { node: 'hall', now: ANCHOR, anchor: ANCHOR, days: 200 });
  db.close();
  core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => now });
}, 240_000);

afterAll(async () => {
  await core.close();
  cleanup();
});

describe('problems.candidates: 一类事 on the demo street', () => {
  it('finds the planted elevator and heating patterns at their buildings, across channels, ranked first', async () => {
    const r = await core.call('problems.candidates', { days: 30, grain: 'spot' }, viewer);
    expect(r.from).toBe('2026-11-06');
    expect(r.prevFrom).toBe('2026-10-07');
    const top = r.candidates.slice(0, 3);
    const elevator = top.find((c) => share(c, 0) >= 0.9);
    const heating = top.find((c) => share(c, 1) >= 0.9);
    expect(elevator, JSON.stringify(top.map((c) => c.label))).toBeDefined();
    expect(heating).toBeDefined();
    if (!elevator || !heating) return;
    // Every elevator pattern order of the window is in the one cluster (none split off).
    expect(elevator.n).toBeGreaterThanOrEqual(11);
    expect(elevator.label).toMatch(/电梯/);
    expect(elevator.sources.length).toBeGreaterThanOrEqual(3);
    expect(elevator.reasons.map((x) => x.code)).toEqual(
      expect.arrayContaining(['size', 'growth', 'channels', 'spot']),
    );
    expect(elevator.n).toBeGreaterThan(elevator.prev);
    expect(heating.label).toMatch(/暖气/);
    // New this season: nothing in the period before.
    expect(heating.prev).toBe(0);
    expect(heating.reasons.map((x) => x.code)).toContain('new');
    // Ranked by the stated score.
    for (const c of r.candidates)
      expect(c.score).toBe(c.n + 0.5 * Math.max(0, c.n - c.prev) + 2 * c.unsatisfied);
    expect([...r.candidates].sort((a, b) => b.score - a.score).map((c) => c.key)).toEqual(
      r.candidates.map((c) => c.key),
    );
    console.log(`problems.candidates 30 d spot: ${r.orders} orders read, ${r.ms} ms in the core`);
  });

  it('groups the steady night-market noise over 90 days by community', async () => {
    const r = await core.call('problems.candidates', { days: 90, grain: 'community' }, viewer);
    const noise = r.candidates.find((c) => share(c, 2) >= 0.9);
    expect(noise).toBeDefined();
    expect(noise?.label).toMatch(/噪音|喧哗/);
    expect(noise?.n).toBeGreaterThanOrEqual(10);
    console.log(`problems.candidates 90 d community: ${r.orders} orders read, ${r.ms} ms in the core`);
  });

  it('clusters anew on a small store each time (a clustering is kept only when it took over a second)', async () => {
    now = ANCHOR;
    const a = await core.call('problems.candidates', { days: 30, grain: 'spot' }, viewer);
    expect(a.ms).toBeLessThan(1_000);
    expect(a.computedAt).toBe(ANCHOR);
    now = ANCHOR + 60_000;
    const b = await core.call('problems.candidates', { days: 30, grain: 'spot' }, viewer);
    expect(b.reused).toBe(false);
    expect(b.computedAt).toBe(ANCHOR + 60_000);
    // 重新计算 asks for a clustering made at or after a time: it gets one.
    const c = await core.call(
      'problems.candidates',
      { days: 30, grain: 'spot', since: b.computedAt + 1 },
      viewer,
    );
    expect(c.reused).toBe(false);
    expect(c.candidates.map((x) => x.key)).toEqual(b.candidates.map((x) => x.key));
  });

  it('refuses a window other than 30 or 90 days with a Chinese sentence', async () => {
    await expect(core.call('problems.candidates', { days: 45 } as never, viewer)).rejects.toMatchObject({
      reason: 'invalid_input',
    });
  });
});

describe('the problem bank', () => {
  it('picks a candidate, tracks milestones and progress, and closes with before/after figures', async () => {
    // The commander picks the elevator cluster 15 days before the anchor.
    now = ANCHOR - 15 * DAY;
    const r = await core.call('problems.candidates', { days: 30, grain: 'spot' }, viewer);
    const cand = r.candidates.find((c) => share(c, 0) >= 0.9);
    expect(cand).toBeDefined();
    if (!cand) return;
    await expect(
      core.call(
        'problems.create',
        { month: '2026-11', title: '电梯', candidate: { ...cand } } as never,
        officer,
      ),
    ).rejects.toMatchObject({ reason: 'role_required' });
    const created = await core.call(
      'problems.create',
      {
        month: '2026-11',
        title: '垂杨柳东里1号楼老旧电梯频繁故障',
        ownerUnits: ['U-HOUSING'],
        measures: ['约谈物业公司', '申请老旧电梯更新改造资金'],
        candidate: { label: cand.label, place: cand.place, ids: cand.ids, signature: cand.signature },
      },
      commander,
    );
    expect(created.status).toBe('open');
    expect(created.progress).toBe(0);
    expect(created.source?.ids.length).toBe(cand.n);
    // Before: the cluster's orders in the 90 days before the pick (the pattern has 9 of them).
    expect(created.figures?.before).toBeGreaterThanOrEqual(8);

    const v2 = await core.call(
      'problems.update',
      {
        id: created.id,
        expectedVersion: created.version,
        milestones: [
          { id: 'm1', title: '约谈物业', due: '2026-11-25', done: true },
          { id: 'm2', title: '完成电梯更换', due: '2026-12-31', done: false },
        ],
        progressNote: '已约谈物业，维保单位每周巡检',
      },
      commander,
    );
    expect(v2.progress).toBe(50);
    expect(v2.version).toBe(created.version + 1);
    // A second editor with the old version is stopped.
    await expect(
      core.call(
        'problems.update',
        { id: created.id, expectedVersion: created.version, progressNote: 'x' },
        commander,
      ),
    ).rejects.toMatchObject({ reason: 'problem_stale' });
    // Everyone reads the bank.
    const listed = await core.call('problems.list', {}, viewer);
    expect(listed.problems.map((p) => p.id)).toContain(created.id);

    // 15 days later the orders kept coming: after = the cluster's orders since the pick.
    now = ANCHOR;
    const closed = await core.call(
      'problems.close',
      { id: created.id, expectedVersion: v2.version, summary: '电梯已列入更新改造计划' },
      { role: 'admin', actor: 'admin-1' },
    );
    expect(closed.status).toBe('closed');
    expect(closed.progress).toBe(100);
    const f = closed.closure?.figures;
    expect(f?.after).toBeGreaterThanOrEqual(6);
    expect(f?.afterPerMonth).toBeGreaterThan(f?.beforePerMonth ?? Infinity);
    expect(f?.monthly.reduce((s, m) => s + m.n, 0)).toBe((f?.before ?? 0) + (f?.after ?? 0));
    // The figures are kept with the closure.
    const again = (await core.call('problems.list', {}, viewer)).problems.find((p) => p.id === created.id);
    expect(again?.figures).toEqual(f);
    await expect(
      core.call(
        'problems.update',
        { id: created.id, expectedVersion: closed.version, progressNote: 'x' },
        commander,
      ),
    ).rejects.toMatchObject({ reason: 'problem_closed' });
    await expect(
      core.call('problems.close', { id: 'nope', expectedVersion: 1, summary: '结题' }, commander),
    ).rejects.toMatchObject({ reason: 'problem_not_found' });
  });

  it('writes a topic anew, refuses bad input in Chinese and stores nothing', async () => {
    const before = (await core.call('problems.list', {}, viewer)).problems.length;
    await expect(
      core.call('problems.create', { month: '2026-12', title: ' ' }, commander),
    ).rejects.toMatchObject({
      reason: 'invalid_input',
      message: expect.stringContaining('请填写题目'),
    });
    await expect(
      core.call('problems.create', { month: '2026-13', title: '停车难' }, commander),
    ).rejects.toMatchObject({ message: expect.stringContaining('月份格式') });
    expect((await core.call('problems.list', {}, viewer)).problems.length).toBe(before);
    const p = await core.call(
      'problems.create',
      { id: 'p-parking', month: '2026-12', title: '老旧小区停车难' },
      commander,
    );
    expect(p.hasCluster).toBe(false);
    expect(p.figures).toBeNull();
    // A retried create with the same id is a no-op.
    const again = await core.call(
      'problems.create',
      { id: 'p-parking', month: '2026-12', title: '老旧小区停车难' },
      commander,
    );
    expect(again.version).toBe(1);
    await expect(
      core.call(
        'problems.update',
        {
          id: 'p-parking',
          expectedVersion: 1,
          milestones: [{ id: 'a', title: '', due: '2026-12-01', done: false }],
        },
        commander,
      ),
    ).rejects.toMatchObject({ message: expect.stringContaining('请填写节点名称') });
    const audit = await core.call('audit.list', {}, { role: 'admin', actor: 'admin-1' }).catch(() => null);
    if (audit) expect(JSON.stringify(audit)).toContain('problems.create');
  });
});
