/** The 现场力量 layer's data: labels with role and age, faded and hidden by the settings, masked on a wall. */
import { describe, expect, it } from 'vitest';
import type { FieldPositions } from '../../../../../../shared/features/field/contract';
import { fieldPoints, fieldRule } from '../../../../../../renderer/src/features/field/field-data';
import { fieldZh } from '../../../../../../renderer/src/features/field/messages.zh';

/** A tiny i18next stand-in over the real Chinese catalogue. */
const t = (key: string, vars: Record<string, unknown> = {}): string => {
  const v = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], fieldZh);
  return String(v).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
};

const NOW = Date.UTC(2026, 2, 10, 2);
const person = (
  id: string,
  name: string,
  ageMin: number,
  role: 'grid_worker' | 'party_member' = 'grid_worker',
) => ({
  personId: id,
  name,
  role,
  gridCode: null,
  communityCode: null,
  lng: 116.4,
  lat: 39.9,
  accuracy: 10,
  at: NOW - ageMin * 60_000,
  source: 'api' as const,
});
const DATA: FieldPositions = {
  asOf: NOW,
  settings: { fadeMinutes: 10, hideMinutes: 60 },
  people: [
    person('a', '张三', 0),
    person('b', '李四', 3, 'party_member'),
    person('c', '王五', 25),
    person('d', '赵六', 61),
  ],
};

describe('fieldPoints', () => {
  it('labels name, role and age; fades old positions; leaves out hidden ones', () => {
    const fc = fieldPoints(DATA, NOW, false, t);
    expect(fc.features.map((f) => f.properties.label)).toEqual([
      '张三 网格员 · 刚刚',
      '李四 党员 · 3 分钟前',
      '王五 网格员 · 25 分钟前',
    ]);
    expect(fc.features.map((f) => f.properties.faded)).toEqual([0, 0, 1]);
  });

  it('keeps the surname only on a wall, and says the rule in words', () => {
    expect(fieldPoints(DATA, NOW, true, t).features[0]?.properties.label).toBe('张** 网格员 · 刚刚');
    expect(fieldRule(DATA, t)).toBe('每人只显示最新位置；超过 10 分钟未更新的变淡，超过 60 分钟的不再显示');
  });
});
