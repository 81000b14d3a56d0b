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
import { auditMutation, personalReadEntry, recordPersonalRead } from '../features/audit';
import { auditWrites, type AuditEntry } from '../store/audit';
import { getOrder } from '../store/event-log/events';
import type { CallContext, ReadEnv, ResolvedCallContext, WriteEnv } from './context';
import {
  maskOrderTextsDeep,
  mayseePersonalData,
  type CitizenNameLookup,
  type OrderUnitLookup,
} from './masking';
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
  /** Writes an audit row a reader sent (a personal-data read); the writer's gate only. */
  recordAudit(entry: AuditEntry): void;
}

export type GateEnv =
  | { readonly side: 'writer'; readonly env: WriteEnv }
  | {
      readonly side: 'reader';
      readonly env: ReadEnv;
      /** Where a reader sends the audit rows it cannot write itself (the writer records them). */
      readonly audit?: (entry: AuditEntry) => void;
    };

/**
 * Mutations not audited by the gate: the sign-in procedures audit themselves with more detail
 * (and auth.logout of nobody is nothing); a basemap chunk is one of hundreds per upload (its
 * begin and commit are audited); the soft edit lock is renewed every 30 s while a form is open
 * and changes no record (breaking someone's lock is audited by its handler); networkBack is the
 * page saying its network returned.
 */
const NOT_AUDITED: ReadonlySet<string> = new Set([
  'auth.setup',
  'auth.login',
  'auth.logout',
  'map.uploadChunk',
  'orders.lock',
  'orders.unlock',
  'sync.networkBack',
]);

/**
 * What a member account (党员接单, docs/PARTY.md) may call besides the public procedures: its own
 * tasks and assists, and 接单 / 拒单 / 办结 of its own tasks (the handlers check the task is its).
 * Everything else is the hall's (`member_scope`).
 */
const MEMBER_PROCS: ReadonlySet<string> = new Set([
  'system.info',
  'party.mine',
  'party.accept',
  'party.decline',
  'party.done',
]);

/** Reads that show a citizen's personal data unmasked: who opened which order is audited. */
const PERSONAL_READS: ReadonlySet<string> = new Set(['orders.get']);

/** The citizen's name of an order, read once per order per call (masking looks it up per text). */
function _citizenNames(env: ReadEnv): CitizenNameLookup {
  const seen = new Map<string, string | null>();
  return (orderId) => {
    let name = seen.get(orderId);
    if (name === undefined) {
      name = getOrder(env.db, orderId)?.citizen?.name ?? null;
      seen.set(orderId, name);
    }
    return name;
  };
}

/** The 主办 unit of an order, read once per order per call (a unit account's masking). */
function _orderUnits(env: ReadEnv): OrderUnitLookup {
  const seen = new Map<string, string | null>();
  return (orderId) => {
    let unit = seen.get(orderId);
    if (unit === undefined) {
      unit = getOrder(env.db, orderId)?.unitId ?? null;
      seen.set(orderId, unit);
    }
    return unit;
  };
}

/**
 * The caller as the gate sees it: a live session's account decides role and actor. A wall the
 * host declared (`wall`) is masked and never more than a viewer, whoever signed in at it. A unit
 * account (issue 15) is never more than an officer and carries its unit.
 */
function _resolveCaller(env: ReadEnv, ctx: CallContext): ResolvedCallContext {
  const wall = ctx.wall === true;
  const masked = ctx.masked === true || wall;
  const user = ctx.session ? resolveSession(env, ctx.session) : null;
  const base = user
    ? { role: user.role, actor: user.actor, session: ctx.session ?? null }
    : { role: ctx.role ?? null, actor: ctx.role ? ctx.actor : 'anonymous', session: null };
  const unitId = user && !wall ? (user.unitId ?? null) : null;
  const memberId = user && !wall ? (user.memberId ?? null) : null;
  const role =
    wall && base.role !== null
      ? 'viewer'
      : (unitId !== null || memberId !== null) && base.role !== null && roleAtLeast(base.role, 'commander')
        ? 'officer'
        : base.role;
  return {
    ...base,
    role,
    unitId,
    memberId,
    orderUnit: _orderUnits(env),
    permissions: user && !wall && unitId === null && memberId === null ? user.permissions : [],
    masked,
    wall,
    local: ctx.local === true,
    address: typeof ctx.address === 'string' ? ctx.address.slice(0, 64) : '',
    citizenName: _citizenNames(env),
  };
}

export function createGate(side: GateEnv, publish: (hint: ChangeHint) => void): Gate {
  const registry = createRegistry();
  const env = side.env;
  return {
    resolveSession: (token) => resolveSession(env, token),
    recordAudit(entry) {
      if (side.side !== 'writer') throw new Error('only the writer records audit rows');
      recordPersonalRead(side.env.db, {
        at: Number(entry.at) || env.now(),
        actor: String(entry.actor).slice(0, 64),
        action: 'orders.viewPersonal',
        orderId: entry.orderId ? String(entry.orderId).slice(0, 128) : null,
      });
    },
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
        // A member account works only its own tasks: the rest of the hall is not its (issue 15).
        if (caller.memberId && !MEMBER_PROCS.has(proc))
          throw new ApiError('member_scope', { params: { proc } });
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
      const audited = auditWrites();
      const out = (handler as (i: unknown, c: unknown, e: unknown, t: unknown) => unknown)(
        parsed.data as ProcParsedInput<P>,
        caller,
        env,
        tools,
      ) as ProcOutput<P> | Promise<ProcOutput<P>>;
      const done = (answer: ProcOutput<P>): ProcOutput<P> => {
        // A query answered to a caller without personal-data rights: the order texts in it are
        // masked once more with their citizen's name (runtime/masking.ts), whatever the handler did.
        const v = def.kind === 'query' ? maskOrderTextsDeep(answer, caller) : answer;
        if (
          side.side === 'writer' &&
          def.kind === 'mutation' &&
          !NOT_AUDITED.has(proc) &&
          auditWrites() === audited
        )
          auditMutation(side.env.db, { at: env.now(), actor: caller.actor, proc, input: parsed.data });
        const readOrderId = (parsed.data as { orderId?: unknown }).orderId;
        if (
          PERSONAL_READS.has(proc) &&
          caller.role !== null &&
          typeof readOrderId === 'string' &&
          mayseePersonalData(caller, readOrderId)
        ) {
          // Who saw a citizen unmasked (a unit account only on its own 主办 orders) is audited.
          const entry = personalReadEntry(env.now(), caller.actor, readOrderId);
          if (side.side === 'writer') recordPersonalRead(side.env.db, entry);
          else side.audit?.(entry);
        }
        for (const h of hints) publish(h);
        return v;
      };
      if (out instanceof Promise) return out.then(done);
      return done(out);
    },
  };
}
