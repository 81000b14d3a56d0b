import { describe, expect, it } from 'vitest';
import { en } from '../../../../../../renderer/src/platform/i18n/en';
import { zh } from '../../../../../../renderer/src/platform/i18n/zh';
import { APPEAL_TYPES, SOURCES, STATUSES, URGENCIES } from '../../../../../../shared/features/orders/order';
import { ORDER_EVENT_TYPES } from '../../../../../../shared/features/orders/order-events';
import { TIMER_KINDS } from '../../../../../../shared/features/orders/sla-policy';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('message catalogues', () => {
  it('English has exactly the Chinese keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const cat of [zh, en]) {
      for (const k of keys(cat)) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], cat);
        expect(typeof v === 'string' && v.length > 0, k).toBe(true);
      }
    }
  });

  it('labels every domain vocabulary with the glossary terms', () => {
    for (const s of STATUSES) expect(zh.orderStatus[s]).toBeTruthy();
    for (const u of URGENCIES) expect(zh.urgency[u]).toBeTruthy();
    for (const s of SOURCES) expect(zh.source[s]).toBeTruthy();
    for (const a of APPEAL_TYPES) expect(zh.appealType[a]).toBeTruthy();
    for (const e of ORDER_EVENT_TYPES) expect(zh.eventType[e]).toBeTruthy();
    for (const k of TIMER_KINDS) expect(zh.timerKind[k]).toBeTruthy();
    expect(zh.orderStatus).toMatchObject({
      received: '待派单',
      dispatched: '待签收',
      in_progress: '处置中',
      return_requested: '退单审核中',
      replied: '已办结',
      closed: '已结案',
      suspended: '挂账',
      merged: '已并案',
    });
    expect(zh.urgency).toEqual({ P0: '特急', P1: '紧急', P2: '一般', P3: '疑难' });
    expect(zh.source.hotline).toBe('12345热线');
  });
});
