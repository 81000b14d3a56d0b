import { describe, expect, it } from 'vitest';
import { OrdersListInput } from '../../../../../../shared/contract/index';
import {
  drillFilters,
  EMPTY_FILTERS,
  filtersToInput,
  PAGE_SIZE,
} from '../../../../../../renderer/src/features/dispatch/filter-state';

describe('filtersToInput', () => {
  it('sends only the limit when nothing is filtered', () => {
    expect(filtersToInput(EMPTY_FILTERS)).toEqual({ input: { limit: PAGE_SIZE }, invalidRange: false });
  });
  it('maps every filter to a valid orders.list input', () => {
    const { input, invalidRange } = filtersToInput({
      q: '  噪音 ',
      status: 'in_progress',
      category: '03',
      community: '110105010001',
      urgency: 'P1',
      from: '2026-03-01',
      to: '2026-03-31',
      overdueOnly: true,
    });
    expect(invalidRange).toBe(false);
    expect(input).toEqual({
      limit: PAGE_SIZE,
      q: '噪音',
      status: ['in_progress'],
      urgency: ['P1'],
      categoryCode: '03',
      communityCode: '110105010001',
      receivedFrom: Date.UTC(2026, 1, 28, 16),
      receivedTo: Date.UTC(2026, 2, 31, 16) - 1,
      overdueOnly: true,
    });
    expect(OrdersListInput.safeParse(input).success).toBe(true);
  });
  it('flags an inverted date range but still produces a valid input', () => {
    const r = filtersToInput({ ...EMPTY_FILTERS, from: '2026-12-31', to: '2020-01-01' });
    expect(r.invalidRange).toBe(true);
    expect(OrdersListInput.safeParse(r.input).success).toBe(true);
  });
  it('drops malformed values instead of sending a request the API would refuse', () => {
    const { input } = filtersToInput({
      ...EMPTY_FILTERS,
      q: 'x'.repeat(300),
      category: '3;drop',
      from: 'yesterday',
      status: 'bogus' as never,
    });
    expect(input.q).toHaveLength(100);
    expect(input.categoryCode).toBeUndefined();
    expect(input.receivedFrom).toBeUndefined();
    expect(input.status).toBeUndefined();
    expect(OrdersListInput.safeParse(input).success).toBe(true);
  });
});

describe('a drill-down from 分析研判', () => {
  it('sets its category, community and dates and clears the rest', () => {
    const f = drillFilters({
      label: 'x',
      seq: 1,
      category: '03',
      community: 'c1',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(f).toEqual({
      ...EMPTY_FILTERS,
      category: '03',
      community: 'c1',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    const { input } = filtersToInput(f);
    expect(input.categoryCode).toBe('03');
    expect(input.communityCode).toBe('c1');
    expect(input.receivedFrom).toBeLessThan(input.receivedTo ?? 0);
  });
});
