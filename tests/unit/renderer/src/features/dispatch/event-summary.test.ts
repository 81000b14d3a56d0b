import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../../../../shared/contract/index';
import type { OrderEvent } from '../../../../../../shared/features/orders/order-events';
import { zh } from '../../../../../../renderer/src/messages';
import {
  actorLabel,
  eventTypeLabel,
  summarizeEvent,
  type SummaryContext,
  type Translate,
} from '../../../../../../renderer/src/features/dispatch/event-summary';

let t: Translate;
beforeAll(async () => {
  const inst = i18next.createInstance();
  await inst.init({
    resources: { zh: { translation: zh } },
    lng: 'zh',
    interpolation: { escapeValue: false },
  });
  t = (k, v) => (v ? inst.t(k, v) : inst.t(k));
});

const meta = {
  id: 'e1',
  orderId: 'o1',
  hlc: '001767225600000:00000:hall',
  at: 0,
  actor: 'upstream',
  node: 'hall',
};
const ctx = (): SummaryContext => ({
  t,
  unitName: (id) => ({ u1: '城管执法队', u2: '物业公司' })[id] ?? id,
  categoryPath: () => '市容环境 / 噪声污染 / 商铺噪音扰民',
  communityName: () => '某社区',
});

describe('event summaries', () => {
  it('labels types with the glossary, urging split by level', () => {
    const urge: OrderEvent = { ...meta, type: 'urged', payload: { level: 'supervise', note: '' } };
    expect(eventTypeLabel(urge, t)).toBe('督办');
    const sign: OrderEvent = { ...meta, type: 'signed', payload: { unitId: 'u1' } };
    expect(eventTypeLabel(sign, t)).toBe('签收');
    expect(actorLabel('upstream', t)).toBe('上级平台');
    expect(actorLabel('张*', t)).toBe('张*');
  });

  it('names people instead of showing their ids, and labels sessions and terminals', () => {
    const people = new Map<string, PersonRef>([
      [
        'P0106',
        { id: 'P0106', name: '李**', role: 'unit_staff', unitId: 'u1', communityCode: null, gridCode: null },
      ],
      [
        'P0200',
        {
          id: 'P0200',
          name: '王网格',
          role: 'grid_worker',
          unitId: null,
          communityCode: 'c1',
          gridCode: 'g1',
        },
      ],
    ]);
    const lookups = { person: (id: string) => people.get(id), unitName: ctx().unitName };
    expect(actorLabel('P0106', t, lookups)).toBe('李** · 城管执法队');
    expect(actorLabel('P0200', t, lookups)).toBe('王网格 · 网格员');
    expect(actorLabel('desktop:commander', t, lookups)).toBe('本机（指挥长）');
    expect(actorLabel('local:officer', t, lookups)).toBe('本机（值班员）');
    expect(actorLabel('token:0a1b2c3d', t, lookups)).toBe('远程终端 0a1b2c3d');
    // Unknown ids and malformed labels are shown as recorded.
    expect(actorLabel('P9999', t, lookups)).toBe('P9999');
    expect(actorLabel('local:root', t, lookups)).toBe('local:root');
  });

  it('describes payloads in readable Chinese with unit names', () => {
    const d: OrderEvent = {
      ...meta,
      type: 'dispatched',
      payload: { unitId: 'u1', coUnitIds: ['u2'], note: '请尽快处理' },
    };
    expect(summarizeEvent(d, ctx())).toEqual(['单位：城管执法队', '协办：物业公司', '说明：请尽快处理']);
    const v: OrderEvent = { ...meta, type: 'verified', payload: { passed: false, note: '', photos: [] } };
    expect(summarizeEvent(v, ctx())).toEqual(['核查不通过（返工）']);
    const c: OrderEvent = {
      ...meta,
      type: 'callback_recorded',
      payload: { valid: true, contacted: true, solved: false, satisfaction: 'basic' },
    };
    expect(summarizeEvent(c, ctx())).toEqual(['有效回访 · 已联系 · 未解决 · 基本满意']);
    // What the caller said is part of the record (回访 entry of the desk).
    const said: OrderEvent = { ...c, payload: { ...c.payload, note: '夜间仍有噪音' } };
    expect(summarizeEvent(said, ctx())).toEqual([
      '有效回访 · 已联系 · 未解决 · 基本满意',
      '说明：夜间仍有噪音',
    ]);
    const x: OrderEvent = { ...meta, type: 'extension_requested', payload: { days: 7, reason: '需协调' } };
    expect(summarizeEvent(x, ctx())).toEqual(['7 天', '原因：需协调']);
  });
});
