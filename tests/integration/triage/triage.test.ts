/**
 * triage.suggest and triage.duplicates on a real demo store (in-process core, real SQLite):
 * suggestions learned from closed orders with their words, a doubtful filed category, learning
 * as orders close, and the demo's known duplicates found at their place.
 */
import { describe, expect, it } from 'vitest';
import { demoCoreForFile } from '../runtime/fixtures';

const officer = { role: 'officer', actor: 'duty-1' } as const;
const NOW = Date.UTC(2026, 5, 1, 4);
const demo = demoCoreForFile(120, NOW);

describe('triage.suggest', () => {
  it('gives three categories with confidence and the words that drove them', async () => {
    const r = await demo.core.call(
      'triage.suggest',
      { text: '我家楼下的路灯坏了，晚上路灯不亮，出行很不方便' },
      officer,
    );
    expect(r.learned).toBeGreaterThan(1000);
    expect(r.suggestions).toHaveLength(3);
    const snap = await demo.core.call('reference.snapshot', {}, officer);
    const names = new Map(snap.categories.map((c) => [c.code, c.name]));
    expect(names.get(r.suggestions[0]!.categoryCode)).toContain('路灯');
    expect(r.suggestions[0]!.words.join(' ')).toContain('路灯');
    expect(r.suggestions[0]!.confidence).toBeGreaterThan(r.suggestions[1]!.confidence);
    expect(r.doubt).toBeNull();
  });

  it('flags a filed category that disagrees with the text (分类存疑), not one that agrees', async () => {
    const snap = await demo.core.call('reference.snapshot', {}, officer);
    const leaf = (name: string) => snap.categories.find((c) => c.level === 3 && c.name === name)!.code;
    const text = '垃圾清运不及时，小区垃圾桶满了好几天没人清运';
    const wrong = await demo.core.call(
      'triage.suggest',
      { text, categoryCode: leaf('共享单车乱停放') },
      officer,
    );
    expect(wrong.doubt?.filed).toBe(leaf('共享单车乱停放'));
    const top = wrong.doubt!.suggested.categoryCode;
    const right = await demo.core.call('triage.suggest', { text, categoryCode: top }, officer);
    expect(right.doubt).toBeNull();
  });

  it('answers an empty or unknown text with no suggestions, and refuses a viewer', async () => {
    expect((await demo.core.call('triage.suggest', { text: '   ' }, officer)).suggestions).toEqual([]);
    expect((await demo.core.call('triage.suggest', { text: '12345 ???' }, officer)).suggestions).toEqual([]);
    await expect(
      demo.core.call('triage.suggest', { text: '路灯' }, { role: 'viewer', actor: 'v' }),
    ).rejects.toMatchObject({
      reason: 'role_required',
    });
  });
});

describe('triage.duplicates', () => {
  it('finds the first report of each known demo duplicate at its place (recall), with reasons', async () => {
    const page = await demo.core.call('orders.list', { status: ['merged'], limit: 200 }, officer);
    // The pairs on a 部件 ("…AR") are placed up to 400 m apart: triage-assets.test.ts covers them.
    const seconds = page.rows.filter((r) => r.id.endsWith('R') && !r.id.endsWith('AR'));
    expect(seconds.length).toBeGreaterThan(5);
    let found = 0;
    for (const s of seconds) {
      const o = (await demo.core.call('orders.get', { orderId: s.id }, officer)).order;
      const c = await demo.core.call(
        'triage.duplicates',
        {
          point: [o.lng!, o.lat!],
          text: `${o.title} ${o.description}`,
          categoryCode: o.categoryCode,
          receivedAt: o.receivedAt,
          excludeOrderId: o.id,
        },
        officer,
      );
      const hit = c.find((x) => x.orderId === o.mergedInto);
      if (hit) {
        found++;
        expect(hit.reasons).toContain('same_category');
        expect(hit.distanceM).toBeLessThan(150);
      }
    }
    expect(found / seconds.length).toBeGreaterThan(0.9);
  });

  it('refuses a probe without a place', async () => {
    await expect(demo.core.call('triage.duplicates', { text: '路灯不亮' }, officer)).rejects.toMatchObject({
      reason: expect.any(String),
    });
  });
});
