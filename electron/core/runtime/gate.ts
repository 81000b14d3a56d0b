/**
 * The service layer: validates, checks the role, runs the handler, and publishes change hints
 * only after the handler (and its transaction) completed.
 */
import {
  ApiError,
  CONTRACT,
  isProcName,
  isPublicProc,
  ROLE_LABELS,
  roleAtLeast,
  type ChangeHint,
  type ProcName,
  type ProcOutput,
  type ProcParsedInput,
} from '../../../shared/contract/index';
import { z } from 'zod';
import type { AuthedCallContext, CallContext, ServiceEnv } from './context';
import { invalidInput } from './errors';
import {
  accountsCreate,
  accountsList,
  accountsResetPassword,
  accountsSetDisabled,
} from '../features/auth/accounts';
import { authLogin, authLogout, authSetup, authStatus } from '../features/auth/auth';
import { ordersAct, ordersCreate, ordersGet, ordersList } from '../features/orders/orders';
import { ordersRecommend } from '../features/orders/recommend';
import { referenceSnapshot } from '../features/reference/snapshot';
import { HandlerRegistry } from './registry';
import { registerMapProcs } from '../features/map/procs';
import { registerAwarenessProcs } from '../features/awareness/procs';
import { registerSyncProcs } from '../features/sync/procs';
import { registerOpen311Procs } from '../features/open311/procs';
import { statsMonth } from '../features/stats/month';
import { systemBackup, systemBackups, systemInfo } from '../features/system/system';

export type { AuthedCallContext, CallContext, ServiceEnv } from './context';
export { resolveSession, type SessionUser } from '../features/auth/auth';

/** What a caller without a role is told for a non-public procedure. */
export const LOGIN_REQUIRED = '请先登录';

/** zod's Simplified Chinese messages, per call (not z.config: that would be process-global). */
const ZOD_ZH = z.locales.zhCN().localeError;
export { toApiError } from './errors';

export function createRegistry(): HandlerRegistry {
  const registry = new HandlerRegistry()
    .register('auth.status', authStatus)
    .register('auth.setup', authSetup)
    .register('auth.login', authLogin)
    .register('auth.logout', authLogout)
    .register('accounts.list', accountsList)
    .register('accounts.create', accountsCreate)
    .register('accounts.setDisabled', accountsSetDisabled)
    .register('accounts.resetPassword', accountsResetPassword)
    .register('system.info', systemInfo)
    .register('system.backup', systemBackup)
    .register('system.backups', systemBackups)
    .register('reference.snapshot', referenceSnapshot)
    .register('orders.list', ordersList)
    .register('orders.get', ordersGet)
    .register('orders.create', ordersCreate)
    .register('orders.act', ordersAct)
    .register('orders.recommend', ordersRecommend)
    .register('stats.month', statsMonth);
  registerMapProcs(registry);
  registerAwarenessProcs(registry);
  registerSyncProcs(registry);
  registerOpen311Procs(registry);
  return registry.assertComplete();
}

export interface Services {
  /**
   * Synchronous for every SQL procedure (the caller decides which thread this runs on); a
   * promise only from the few that wait on I/O (system.backup). Throws / rejects with ApiError.
   */
  call<P extends ProcName>(proc: P, input: unknown, ctx: CallContext): ProcOutput<P> | Promise<ProcOutput<P>>;
}

export function createServices(env: ServiceEnv, publish: (hint: ChangeHint) => void): Services {
  const registry = createRegistry();
  return {
    call<P extends ProcName>(
      proc: P,
      input: unknown,
      ctx: CallContext,
    ): ProcOutput<P> | Promise<ProcOutput<P>> {
      if (typeof proc !== 'string' || !isProcName(proc)) {
        throw new ApiError('not_found', `未知的接口: ${String(proc).slice(0, 100)}`);
      }
      const def = CONTRACT[proc];
      if (!isPublicProc(def)) {
        if (ctx.role === null) throw new ApiError('forbidden', `${LOGIN_REQUIRED} (${proc})`);
        if (!roleAtLeast(ctx.role, def.role)) {
          throw new ApiError('forbidden', `需要${ROLE_LABELS[def.role]}及以上权限 (${proc})`);
        }
      }
      // Messages in Chinese: the renderer shows them to the duty officer as they are.
      const parsed = def.input.safeParse(input ?? {}, { error: ZOD_ZH });
      if (!parsed.success) throw invalidInput(parsed.error);
      const handler = registry.get(proc);
      if (!handler) throw new ApiError('internal', `no handler for ${proc}`);
      const hints: ChangeHint[] = [];
      // The role check above is what makes ctx an AuthedCallContext for non-public procedures.
      const out = handler(parsed.data as ProcParsedInput<P>, ctx as AuthedCallContext, env, {
        hint: (h) => hints.push(h),
      });
      if (out instanceof Promise) {
        return out.then((v) => {
          for (const h of hints) publish(h);
          return v;
        });
      }
      for (const h of hints) publish(h);
      return out;
    },
  };
}
