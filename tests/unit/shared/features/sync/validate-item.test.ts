import { describe, expect, it } from 'vitest';
import { validateFeedItem, type ValidateContext } from '../../../../../shared/features/sync/validate-item';

const ctx: ValidateContext = {
  hubNode: 'hub',
  knownCategory: (c) => c === '01.01.001',
  orderOrigin: () => null,
};

const created = (over: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) => ({
  seq: 7,
  kind: 'event',
  body: {
    id: 'e1',
    orderId: 'o1',
    type: 'created',
    hlc: '001773108000000:00000:hub',
    at: 1773108000000,
    actor: 'upstream',
    node: 'hub',
    payload: {
      source: 'hotline',
      appealType: 'complaint',
      categoryCode: '01.01.001',
      urgency: 'P2',
      title: '路灯不亮',
      lng: 116.4,
      lat: 39.9,
      upstreamId: 'GD1',
      ...payload,
    },
    ...over,
  },
});

function reason(raw: unknown): string {
  const v = validateFeedItem(raw, ctx);
  if (v.ok) throw new Error('expected a refusal');
  return v.reason;
}

describe('validateFeedItem', () => {
  it('accepts a good event and carries concurrentWith', () => {
    const v = validateFeedItem({ ...created(), concurrentWith: ['x'] }, ctx);
    expect(v.ok && v.kind === 'event' && v.event.id === 'e1' && v.concurrentWith[0] === 'x').toBe(true);
  });
  it.each([
    [null, /条目格式错误/],
    ['text', /条目格式错误/],
    [{ seq: -1, kind: 'event', body: {} }, /条目格式错误/],
    [{ seq: 1, kind: 'worm', body: {} }, /条目格式错误/],
    [created({}, { title: '<script>alert(1)</script>' }), /payload\.title: 含有脚本/],
    [created({}, { description: 'x <img src=x onerror=alert(1)>' }), /payload\.description: 含有脚本/],
    [created({}, { address: 'javascript:alert(1)' }), /payload\.address: 含有脚本/],
    [created({ orderId: "o'; DROP TABLE work_order;--" }), /orderId: 编号只能包含字母、数字/],
    [created({}, { lng: 181 }), /payload\.lng/],
    [created({}, { lat: '39.9' }), /payload\.lat/],
    [created({}, { categoryCode: '09.09.009' }), /未知的事项分类/],
    [created({}, { title: 'x'.repeat(10_000) }), /payload\.title/],
    [created({ type: 'teleported' }), /事件格式错误/],
    [created({ type: 'dispatched', payload: { unitId: 'u1' } }), /派单和办理由街道中心负责/],
    [{ seq: 3, kind: 'reference', body: { version: 1 } }, /基础数据格式错误/],
  ])('refuses %#', (raw, re) => {
    expect(reason(raw)).toMatch(re);
  });
  it('keeps SQL-looking text as plain text (it is stored with bound parameters)', () => {
    const v = validateFeedItem(created({}, { title: "Robert'); DROP TABLE work_order;--" }), ctx);
    expect(v.ok).toBe(true);
  });
});
