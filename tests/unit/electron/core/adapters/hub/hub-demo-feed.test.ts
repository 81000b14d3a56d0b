/**
 * The hub's demo feed files each 12345 appeal under the category its title describes (it used to
 * draw title and category independently: "路灯不亮" under 异地就医备案咨询).
 */
import { describe, expect, it } from 'vitest';
import { demoHotlineAppeal } from '../../../../../../electron/core/adapters/hub/hub-demo-feed';
import { createRng, generateReference } from '../../../../../../electron/core/features/demo';

describe('hub demo feed appeals', () => {
  const ref = generateReference(1);
  const byCode = new Map(ref.categories.map((c) => [c.code, c]));

  it('gives every generated appeal a title and text that belong to its category', () => {
    const rng = createRng(7, 0x12345);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const a = demoHotlineAppeal(ref, () => rng.next());
      expect(a).not.toBeNull();
      const cat = byCode.get(a!.categoryCode)!;
      expect(cat.level).toBe(3);
      expect(a!.title.endsWith(cat.name)).toBe(true);
      expect(a!.description).toContain(cat.name);
      seen.add(cat.code);
    }
    // Not one title for all: the feed covers many categories.
    expect(seen.size).toBeGreaterThan(50);
  });

  it('never files a hotline appeal under a staff-only or emergency category', () => {
    const rng = createRng(3, 1);
    for (let i = 0; i < 1000; i++) {
      const cat = byCode.get(demoHotlineAppeal(ref, () => rng.next())!.categoryCode)!;
      expect(cat.staffOnly ?? false).toBe(false);
      expect(cat.emergency).toBeUndefined();
    }
  });
});
