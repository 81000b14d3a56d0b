import { describe, expect, it } from 'vitest';
import { ORDER_EVENT_TYPES, type OrderEventType } from '../../../../../shared/features/orders/order-events';
import { checkOwnership, HALL_OWNED, UPSTREAM_OWNED } from '../../../../../shared/features/sync/ownership';

const ev = (type: OrderEventType, payload: object = {}) => ({ type, payload }) as never;

describe('ownership: upstream owns content, deadlines, closing and call-backs of its orders; the hall owns dispatch and handling', () => {
  it('every event type is classified at most once', () => {
    for (const t of ORDER_EVENT_TYPES) expect(HALL_OWNED.has(t) && UPSTREAM_OWNED.has(t)).toBe(false);
  });

  it('refuses upstream writing dispatch or handling', () => {
    for (const t of HALL_OWNED) {
      const v = checkOwnership({ event: ev(t), fromUpstream: true, orderOrigin: 'upstream' });
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.reason).toMatch(/派单和办理由街道中心负责/);
    }
  });

  it('lets upstream create, close, record call-backs, urge and reopen', () => {
    for (const t of ['created', 'closed', 'callback_recorded', 'urged', 'reopened'] as const) {
      expect(checkOwnership({ event: ev(t), fromUpstream: true, orderOrigin: 'upstream' }).ok).toBe(true);
    }
  });

  it("refuses a hall rewriting an upstream order's content, closing it or writing its call-back", () => {
    for (const t of ['created', 'closed', 'callback_recorded'] as const) {
      const v = checkOwnership({
        event: ev(t, { upstreamId: null }),
        fromUpstream: false,
        orderOrigin: 'upstream',
      });
      expect(v.ok).toBe(false);
    }
  });

  it("lets a hall do everything on its own orders, and dispatch/handle upstream's", () => {
    for (const t of ORDER_EVENT_TYPES) {
      const payload = t === 'created' ? { upstreamId: null, upstreamDeadline: null } : {};
      expect(
        checkOwnership({
          event: ev(t, payload),
          fromUpstream: false,
          orderOrigin: t === 'created' ? null : 'hall',
        }).ok,
      ).toBe(true);
    }
    for (const t of HALL_OWNED)
      expect(checkOwnership({ event: ev(t), fromUpstream: false, orderOrigin: 'upstream' }).ok).toBe(true);
  });

  it('refuses a hall setting an upstream id or upstream deadline on a new order', () => {
    expect(
      checkOwnership({ event: ev('created', { upstreamId: 'GD1' }), fromUpstream: false, orderOrigin: null })
        .ok,
    ).toBe(false);
    expect(
      checkOwnership({
        event: ev('created', { upstreamId: null, upstreamDeadline: 5 }),
        fromUpstream: false,
        orderOrigin: null,
      }).ok,
    ).toBe(false);
  });
});
