/** The sync UI's "N 分钟前". */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { zh } from '../../../../../../renderer/src/messages';
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
