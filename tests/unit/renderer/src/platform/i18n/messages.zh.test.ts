/** One sentence per reason of the core: Chinese word for word as the core's, English with the same values. */
import { describe, expect, it } from 'vitest';
import {
  REASONS,
  reasonMessage,
  reasonParamNames,
  type Reason,
} from '../../../../../../shared/kernel/api-error';
import { sharedEn } from '../../../../../../renderer/src/platform/i18n/messages.en';
import { sharedZh } from '../../../../../../renderer/src/platform/i18n/messages.zh';

const REASON_NAMES = Object.keys(REASONS) as Reason[];
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('errors.reason', () => {
  it('has every reason in both languages, and nothing else', () => {
    expect(Object.keys(sharedZh.errors.reason).sort()).toEqual([...REASON_NAMES].sort());
    expect(Object.keys(sharedEn.errors.reason).sort()).toEqual([...REASON_NAMES].sort());
  });

  it('says in Chinese exactly what the core says, values filled the same way', () => {
    for (const r of REASON_NAMES) {
      const params = Object.fromEntries(placeholders(sharedZh.errors.reason[r]).map((k) => [k, `<${k}>`]));
      const filled = sharedZh.errors.reason[r].replace(/\{\{(\w+)\}\}/g, (_, k: string) => `<${k}>`);
      expect(filled, r).toBe(reasonMessage(r, params));
    }
  });

  it('fills in English only values the core sends', () => {
    for (const r of REASON_NAMES) {
      const sent = reasonParamNames(r);
      for (const p of placeholders(sharedEn.errors.reason[r])) expect(sent, `${r}: {{${p}}}`).toContain(p);
    }
  });
});
