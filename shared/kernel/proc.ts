/**
 * How a procedure is declared: its input schema, output type, the role it needs, and what it
 * has to do with change hints — which topics make a query stale, which topics a mutation changes.
 * Each feature declares its procedures in `shared/features/<f>/contract.ts`; the manifest
 * (`shared/contract/index.ts`) spreads them into one CONTRACT.
 */
import type { z } from 'zod';
import type { Role } from './roles';

/** A push from the core: a hint that something changed, never the rows themselves. */
export type ChangeHint =
  | { readonly topic: 'orders.changed'; readonly orderIds: readonly string[] }
  | { readonly topic: 'reference.changed' }
  | { readonly topic: 'system.changed' }
  /** Alarms acknowledged or raised, the awareness feed. */
  | { readonly topic: 'awareness.changed' }
  /** A basemap or jurisdiction imported. */
  | { readonly topic: 'map.changed' }
  /** Sync state, conflicts, quarantine, connector settings. */
  | { readonly topic: 'sync.changed' }
  /** The reply templates (办结答复模板) admins edit. */
  | { readonly topic: 'templates.changed' }
  /** Background jobs queued, progressing, finished (jobs.list). */
  | { readonly topic: 'jobs.changed' }
  /** 评估反馈 weights and targets changed. */
  | { readonly topic: 'evaluation.changed' }
  /** 吹哨报到: a whistle, its recipients' delivery states, its timeline and tasks. */
  | { readonly topic: 'whistle.changed' }
  /** 值班表 and 交接班 reports. */
  | { readonly topic: 'duty.changed' }
  /** 现场力量: field force positions reported (the map's layer, a whistle's near-site list). */
  | { readonly topic: 'field.changed' }
  /** 每月一题: the problem bank. */
  | { readonly topic: 'problems.changed' };
export type Topic = ChangeHint['topic'];
export const TOPICS = [
  'orders.changed',
  'reference.changed',
  'system.changed',
  'awareness.changed',
  'map.changed',
  'sync.changed',
  'templates.changed',
  'jobs.changed',
  'evaluation.changed',
  'whistle.changed',
  'duty.changed',
  'field.changed',
  'problems.changed',
] as const satisfies readonly Topic[];

export type ProcKind = 'query' | 'mutation';
/** Where a procedure runs: on a read-only connection of the read pool, or on the one writer. */
export type ProcRunsOn = 'reader' | 'writer';

export interface Proc<
  I extends z.ZodType,
  O,
  K extends ProcKind = ProcKind,
  R extends ProcRunsOn = ProcRunsOn,
> {
  readonly input: I;
  readonly role: Role;
  /** Mutations write (on the one writer) and emit change hints; queries only read. */
  readonly kind: K;
  /** Queries: the hints after which a cached answer is stale (the renderer refetches it). */
  readonly stale: readonly Topic[];
  /** Mutations: the hints it may emit (the renderer refreshes those at once on success). */
  readonly changes: readonly Topic[];
  /**
   * Where a query runs: 'reader' (default) on a read-only connection of the read pool, so a long
   * read never delays a write; 'writer' for the few that read state only the writer holds
   * (the running sync engine, the backup schedule).
   */
  readonly on: R;
  /**
   * True for the few procedures a caller without a role may use (auth.status, auth.login,
   * auth.setup, auth.logout); `role` is then ignored.
   */
  readonly public?: boolean;
  /** Phantom: carries the output type only. */
  readonly _output?: O;
}

export interface QueryOptions {
  readonly role?: Role;
  readonly stale: readonly Topic[];
  readonly on?: 'reader' | 'writer';
}

export interface MutationOptions {
  readonly role?: Role;
  readonly changes: readonly Topic[];
}

/** A read. Default role: viewer. Runs on the read pool unless `on: 'writer'`. */
export function query<O>() {
  function make<I extends z.ZodType>(
    input: I,
    opts: QueryOptions & { readonly on: 'writer' },
  ): Proc<I, O, 'query', 'writer'>;
  function make<I extends z.ZodType>(
    input: I,
    opts: QueryOptions & { readonly on?: 'reader' },
  ): Proc<I, O, 'query', 'reader'>;
  function make<I extends z.ZodType>(input: I, opts: QueryOptions): Proc<I, O, 'query'> {
    return {
      input,
      role: opts.role ?? 'viewer',
      kind: 'query',
      stale: opts.stale,
      changes: [],
      on: opts.on ?? 'reader',
    };
  }
  return make;
}

/** A write. Default role: officer. */
export function mutation<O>() {
  return <I extends z.ZodType>(input: I, opts: MutationOptions): Proc<I, O, 'mutation', 'writer'> => ({
    input,
    role: opts.role ?? 'officer',
    kind: 'mutation',
    stale: [],
    changes: opts.changes,
    on: 'writer',
  });
}

/** A procedure anyone may call, logged in or not: the way in (status, login, first-run setup). */
export function publicProc<O>() {
  function make<I extends z.ZodType>(
    input: I,
    kind: 'query',
    topics?: readonly Topic[],
  ): Proc<I, O, 'query', 'reader'> & { readonly public: true };
  function make<I extends z.ZodType>(
    input: I,
    kind: 'mutation',
    topics?: readonly Topic[],
  ): Proc<I, O, 'mutation', 'writer'> & { readonly public: true };
  function make<I extends z.ZodType>(
    input: I,
    kind: ProcKind,
    topics: readonly Topic[] = [],
  ): Proc<I, O> & { readonly public: true } {
    return {
      input,
      role: 'viewer',
      kind,
      stale: kind === 'query' ? topics : [],
      changes: kind === 'mutation' ? topics : [],
      on: kind === 'query' ? 'reader' : 'writer',
      public: true,
    };
  }
  return make;
}

/** True when the procedure needs no role. */
export function isPublicProc(p: { readonly public?: boolean }): boolean {
  return p.public === true;
}
