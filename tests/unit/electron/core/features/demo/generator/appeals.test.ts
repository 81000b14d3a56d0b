/**
 * The demo's caller phrase bank: hotline appeals describe the problem in a caller's words, mostly
 * without the catalogue's name for it, so the catalogue's names alone no longer classify them and
 * the learned suggestion must earn its keep (issue 14: "the suggestion beats both baselines").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callerWords } from '../../../../../../../electron/core/features/demo/generator/appeals';
import { CATALOGUE } from '../../../../../../../electron/core/features/demo/generator/catalogue-data';
import { generateOrderEvents } from '../../../../../../../electron/core/features/demo/generator/orders';
import { createRng } from '../../../../../../../electron/core/features/demo/generator/random';
import { generateReference } from '../../../../../../../electron/core/features/demo/generator/reference';
import type { OrderEventOf } from '../../../../../../../shared/features/orders/order-events';
import { evaluateSuggestions } from '../../../../../../../shared/features/triage/evaluate';

const ref = generateReference(1);
const ANCHOR = Date.UTC(2026, 0, 15, 4, 0);
let hotline: OrderEventOf<'created'>[] = [];
beforeAll(() => {
  hotline = [...generateOrderEvents(ref, { seed: 1, days: 90, anchor: ANCHOR, node: 'hall' })]
    .map((evs) => evs[0] as OrderEventOf<'created'>)
    .filter((e) => e.payload.source === 'hotline');
});

const leaves = CATALOGUE.filter((m) => m.name !== '紧急警情' && m.name !== '感知与巡查').flatMap((m) =>
  m.minors.flatMap((mi) => mi.leaves.map((l) => l.split('|')[0] as string)),
);

describe('callerWords', () => {
  it('has a caller phrase for every leaf a citizen reports, none naming its own leaf', () => {
    for (const leaf of leaves) {
      const seen = new Set<string>();
      for (let i = 0; i < 60; i++) {
        const w = callerWords(createRng(7, i), leaf, '');
        expect(w, leaf).not.toBeNull();
        seen.add(w!.body);
        expect(w!.body.includes(leaf), `${leaf}: ${w!.body}`).toBe(false);
      }
      expect(seen.size, leaf).toBeGreaterThanOrEqual(3); // varied
    }
    expect(callerWords(createRng(1), '正在起火冒烟', '')).toBeNull();
  });

  it('is deterministic for a stream', () => {
    expect(callerWords(createRng(3, 9), '餐饮油烟扰民', '光华里')).toEqual(
      callerWords(createRng(3, 9), '餐饮油烟扰民', '光华里'),
    );
  });
});

describe('demo hotline appeals', () => {
  it('mostly do not name their category; a minority of titles do', () => {
    const names = new Map(ref.categories.map((c) => [c.code, c.name]));
    const named = hotline.filter((e) => e.payload.title.includes(names.get(e.payload.categoryCode) ?? '?'));
    const inText = hotline.filter((e) =>
      e.payload.description.includes(names.get(e.payload.categoryCode) ?? '?'),
    );
    expect(hotline.length).toBeGreaterThan(1000);
    expect(named.length / hotline.length).toBeGreaterThan(0.1);
    expect(named.length / hotline.length).toBeLessThan(0.35);
    expect(inText.length / hotline.length).toBeLessThan(0.05);
  });

  it('the learned model beats the catalogue-keyword and most-frequent baselines on them', () => {
    const docs = hotline.map((e) => ({
      text: `${e.payload.title} ${e.payload.description}`,
      label: e.payload.categoryCode,
    }));
    const ev = evaluateSuggestions(docs, ref.categories, { folds: 3, seed: 1 });
    expect(ev.model.macroF1).toBeGreaterThan(ev.catalogueOnly.macroF1 + 0.2);
    expect(ev.model.acc1).toBeGreaterThan(ev.catalogueOnly.acc1 + 0.1);
    expect(ev.model.acc1).toBeGreaterThan(ev.majority.acc1);
    expect(ev.model.macroF1).toBeGreaterThan(ev.majority.macroF1);
  });
});
