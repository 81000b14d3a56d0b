/**
 * The core the host tests run against. TEMPORARY double of the Core INTERFACE (transport tests
 * only) until electron/core/core.ts lands; then this file switches to the real createCore on a
 * temp data dir.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, CONTRACT, isProcName, roleAtLeast, type ChangeHint, type ProcName, type ProcOutput } from '../../../shared/contract';
import type { CallContext, Core } from '../../../electron/core/core';

export const NEW_ORDER = {
  source: 'hotline',
  appealType: 'complaint',
  categoryCode: '01',
  urgency: 'P2',
  title: '小区门口夜间施工噪音扰民',
  description: '晚上十一点后仍在施工',
  address: '幸福路 12 号',
  lng: 116.4,
  lat: 39.9,
} as const;

export interface HostTestCore {
  readonly core: Core;
  close(): Promise<void>;
}

export async function makeHostTestCore(_dataDir: string): Promise<HostTestCore> {
  const orders = new Map<string, { id: string; title: string; version: number }>();
  const listeners = new Set<(h: ChangeHint) => void>();
  const core: Core = {
    async call<P extends ProcName>(proc: P, input: unknown, ctx: CallContext): Promise<ProcOutput<P>> {
      if (!isProcName(proc)) throw new ApiError('not_found', `Unknown procedure ${String(proc)}`);
      const spec = CONTRACT[proc];
      if (!roleAtLeast(ctx.role, spec.role)) throw new ApiError('forbidden', 'role');
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ApiError('invalid_input', issue?.message ?? 'invalid', issue?.path.join('.') || undefined);
      }
      const data = parsed.data as Record<string, unknown>;
      let out: unknown;
      switch (proc) {
        case 'system.info':
          out = { role: ctx.role, host: 'test', orderCount: orders.size };
          break;
        case 'orders.create': {
          const o = { id: randomUUID(), title: (data.order as { title: string }).title, version: 1 };
          orders.set(o.id, o);
          for (const l of listeners) l({ topic: 'orders.changed', orderIds: [o.id] });
          out = { order: o, events: [], timers: [] };
          break;
        }
        case 'orders.get': {
          const o = orders.get(data.orderId as string);
          if (!o) throw new ApiError('not_found', 'no such order');
          out = { order: o, events: [], timers: [] };
          break;
        }
        default:
          throw new ApiError('unavailable', `${proc} not in the test double`);
      }
      return out as ProcOutput<P>;
    },
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async close() {},
  };
  return { core, close: () => core.close() };
}
