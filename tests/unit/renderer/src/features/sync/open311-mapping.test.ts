/** The Open311 category table as text (the 设置 tab's textarea). */
import { describe, expect, it } from 'vitest';
import {
  mappingToText,
  parseMappingText,
} from '../../../../../../renderer/src/features/sync/open311-mapping';

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
