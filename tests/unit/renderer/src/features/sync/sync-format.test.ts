/** The sync UI's pure helpers: "N 分钟前" and the Open311 category table as text. */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { zh } from '../../../../../../renderer/src/platform/i18n/zh';
import {
  mappingToText,
  parseMappingText,
} from '../../../../../../renderer/src/features/sync/open311-mapping';
import { agoText } from '../../../../../../renderer/src/features/sync/sync-format';

beforeAll(async () => {
  await i18next.init({
    lng: 'zh',
    resources: { zh: { translation: zh } },
    interpolation: { escapeValue: false },
  });
});

describe('agoText', () => {
  it('says 刚刚, minutes, hours and days', () => {
    const now = Date.UTC(2026, 10, 26, 4, 0, 0);
    const t = i18next.t.bind(i18next);
    expect(agoText(now - 20_000, now, t)).toBe('刚刚');
    expect(agoText(now - 3 * 60_000, now, t)).toBe('3 分钟前');
    expect(agoText(now - 5 * 3_600_000, now, t)).toBe('5 小时前');
    expect(agoText(now - 2 * 86_400_000, now, t)).toBe('2 天前');
  });
});

describe('Open311 mapping text', () => {
  it('parses lines with optional urgency, comments and Chinese commas', () => {
    const r = parseMappingText('001, 01.01.001, P1\n# 注释\n\n002，02.01');
    expect(r).toEqual({
      ok: true,
      rows: [
        { serviceCode: '001', categoryCode: '01.01.001', urgency: 'P1' },
        { serviceCode: '002', categoryCode: '02.01' },
      ],
    });
  });
  it('names the first bad line', () => {
    expect(parseMappingText('001, 01\n002, road')).toEqual({ ok: false, line: 2 });
    expect(parseMappingText('001, 01, P9')).toEqual({ ok: false, line: 1 });
  });
  it('round-trips the stored table', () => {
    const rows = [
      { serviceCode: 'S1', categoryCode: '01.02', urgency: 'P2', appealType: 'report', source: 'hotline' },
    ] as const;
    expect(parseMappingText(mappingToText(rows))).toEqual({
      ok: true,
      rows: [{ serviceCode: 'S1', categoryCode: '01.02', urgency: 'P2' }],
    });
  });
});
