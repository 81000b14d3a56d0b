/** 季节预案 through the gate on a real store: defaults, which run on a date, an admin's edit, refusals. */
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessCore, type Core } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { DEFAULT_PLAYBOOKS } from '../../../shared/features/analysis/playbooks';
import { tempDir, TINY_REF } from '../store/fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function core(): Promise<{ core: Core; dir: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, TINY_REF);
  db.close();
  const c = await createInProcessCore({
    dataDir: t.dir,
    host: 'test',
    now: () => Date.parse('2026-12-07T02:00:00Z'),
  });
  cleanups.push(() => c.close());
  return { core: c, dir: t.dir };
}

const viewer = { role: 'viewer', actor: 'wall' } as const;
const admin = { role: 'admin', actor: 'admin-1' } as const;

describe('analysis.playbooks', () => {
  it('runs 供暖季 across the new year, 汛期 in summer, 节假日 on the calendar’s holidays', async () => {
    const { core: c } = await core();
    expect((await c.call('analysis.playbooks', {}, viewer)).active).toEqual(['heating']);
    expect((await c.call('analysis.playbooks', { date: '2027-03-15' }, viewer)).active).toEqual(['heating']);
    expect((await c.call('analysis.playbooks', { date: '2026-03-16' }, viewer)).active).toEqual([]);
    expect((await c.call('analysis.playbooks', { date: '2026-07-20' }, viewer)).active).toEqual(['flood']);
    const national = await c.call('analysis.playbooks', { date: '2026-10-01' }, viewer);
    expect(national.active).toEqual(['holiday']);
    expect(national.holiday).toBeTruthy();
  });

  it('an admin edits a playbook (audited); others are refused; bad input says why in Chinese', async () => {
    const { core: c } = await core();
    const heating = DEFAULT_PLAYBOOKS.find((p) => p.id === 'heating');
    if (!heating) throw new Error('no heating default');
    const edited = {
      ...heating,
      start: '11-01',
      checklist: [...heating.checklist, '新增：独居老人入户走访'],
    };
    await expect(
      c.call('analysis.savePlaybook', { playbook: edited }, { role: 'commander', actor: 'c1' }),
    ).rejects.toMatchObject({
      reason: 'role_required',
    });
    const saved = await c.call('analysis.savePlaybook', { playbook: edited }, admin);
    expect(saved.all.find((p) => p.id === 'heating')?.checklist).toContain('新增：独居老人入户走访');
    expect((await c.call('analysis.playbooks', { date: '2026-11-05' }, viewer)).active).toEqual(['heating']);
    await expect(
      c.call('analysis.savePlaybook', { playbook: { ...edited, checklist: [] } }, admin),
    ).rejects.toMatchObject({ message: expect.stringContaining('检查清单至少一项') });
    await expect(
      c.call('analysis.savePlaybook', { playbook: { ...edited, start: '13-01' } }, admin),
    ).rejects.toMatchObject({ message: expect.stringContaining('日期格式应为') });
    const audit = await c.call('audit.list', {}, admin).catch(() => null);
    if (audit) expect(JSON.stringify(audit)).toContain('analysis.savePlaybook');
  });
});
