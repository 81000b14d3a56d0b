import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../../shared/kernel/api-error';
import { errorText } from '../../../../../../renderer/src/platform/api/error-text';
import { unreachable } from '../../../../../../renderer/src/platform/api/transport';
import type { Translate } from '../../../../../../renderer/src/platform/i18n/translate';
import { en, zh } from '../../../../../../renderer/src/messages';

let t: Translate;
let tEn: Translate;
beforeAll(async () => {
  const inst = i18next.createInstance();
  await inst.init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: 'zh',
    interpolation: { escapeValue: false },
  });
  t = inst.getFixedT('zh');
  tEn = inst.getFixedT('en');
});

describe('transport failures', () => {
  it('read as unavailable, with what failed as the detail', () => {
    const res = unreachable('Failed to fetch');
    expect(res.ok).toBe(false);
    const e = ApiError.fromData(res.ok ? {} : res.error);
    expect(e.reason).toBe('unavailable');
    expect(e.code).toBe('unavailable');
    expect(errorText(e, t)).toBe('服务暂不可用，请检查连接后重试（Failed to fetch）');
    expect(errorText(e, tEn)).toBe('Service unavailable; check the connection and retry（Failed to fetch）');
  });
});
