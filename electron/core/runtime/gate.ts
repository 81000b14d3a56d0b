/**
 * The one gate every call passes, whichever host it came from and whichever worker runs it:
 * it resolves the session, checks the role, validates the input with the contract's zod schema
 * (the renderer is untrusted), runs the handler, and publishes change hints only after the
 * handler (and its transaction) completed.
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
import { resolveSession, type SessionUser } from '../features/auth';
import type { CallContext, ReadEnv, ResolvedCallContext, WriteEnv } from './context';
import { invalidInput } from './errors';
import { FEATURES } from './manifest';
import { HandlerRegistry } from './registry';

export type { SessionUser };

/** zod's Simplified Chinese messages, per call (not z.config: that would be process-global). */
const ZOD_ZH = z.locales.zhCN().localeError;

export function createRegistry(): HandlerRegistry {
  const registry = new HandlerRegistry();
  for (const f of FEATURES) f.register(registry);
  return registry.assertComplete();
}

export interface Gate {
  /**
   * Synchronous for every SQL procedure (the caller decides which thread this runs on); a
   * promise only from the few that wait on I/O. Throws / rejects with ApiError.
   */
  call<P extends ProcName>(proc: P, input: unknown, ctx: CallContext): ProcOutput<P> | Promise<ProcOutput<P>>;
  /** The live session's user, or null (unknown, expired, disabled). */
  resolveSession(token: string): SessionUser | null;
}

export type GateEnv =
  { readonly side: 'writer'; readonly env: WriteEnv } | { readonly side: 'reader'; readonly env: ReadEnv };

/** The caller as the gate sees it: a live session's account decides role and actor. */
function _resolveCaller(env: ReadEnv, ctx: CallContext): ResolvedCallContext {
  const masked = ctx.masked === true;
  const user = ctx.session ? resolveSession(env, ctx.session) : null;
  if (user) return { role: user.role, actor: user.actor, session: ctx.session ?? null, masked };
  return { role: ctx.role ?? null, actor: ctx.role ? ctx.actor : 'anonymous', session: null, masked };
}

export function createGate(side: GateEnv, publish: (hint: ChangeHint) => void): Gate {
  const registry = createRegistry();
  const env = side.env;
  return {
    resolveSession: (token) => resolveSession(env, token),
    call<P extends ProcName>(
      proc: P,
      input: unknown,
      ctx: CallContext,
    ): ProcOutput<P> | Promise<ProcOutput<P>> {
      if (typeof proc !== 'string' || !isProcName(proc)) {
        throw new ApiError('unknown_procedure', { params: { proc: String(proc).slice(0, 100) } });
      }
      const def = CONTRACT[proc];
      if (def.on === 'writer' && side.side === 'reader') {
        // A routing bug, not the caller's fault: the read pool never gets writes.
        throw new Error(`${proc} runs on the writer, not on a reader`);
      }
      const caller = _resolveCaller(env, ctx);
      if (!isPublicProc(def)) {
        if (caller.role === null) throw new ApiError('login_required', { params: { proc } });
        if (!roleAtLeast(caller.role, def.role)) {
          throw new ApiError('role_required', {
            params: { action: '', role: def.role, roleLabel: ROLE_LABELS[def.role], proc },
          });
        }
      }
      // Messages in Chinese: the renderer shows them to the duty officer as they are.
      const parsed = def.input.safeParse(input ?? {}, { error: ZOD_ZH });
      if (!parsed.success) throw invalidInput(parsed.error);
      const handler = registry.get(proc);
      if (!handler) throw new Error(`no handler for ${proc}`);
      const hints: ChangeHint[] = [];
      const declared: readonly string[] = def.changes;
      const tools = {
        hint: (h: ChangeHint) => {
          // What a mutation may make stale is declared in its contract; the renderer relies on it.
          if (!declared.includes(h.topic))
            throw new Error(`${proc} emitted ${h.topic}, not in its contract's changes`);
          hints.push(h);
        },
      };
      // The role check above makes the caller an AuthedCallContext for non-public procedures,
      // and the side check gives a writer-bound handler the WriteEnv it is typed for.
      const out = (handler as (i: unknown, c: unknown, e: unknown, t: unknown) => unknown)(
        parsed.data as ProcParsedInput<P>,
        caller,
        env,
        tools,
      ) as ProcOutput<P> | Promise<ProcOutput<P>>;
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
