/**
 * One API contract for every transport (Electron IPC, HTTP + WebSocket, tests):
 * procedure name → zod input schema, output type, required role.
 */
import type { z } from 'zod';

export const ROLES = ['viewer', 'officer', 'commander', 'admin'] as const;
/** viewer 委员会/大屏只读 · officer 值班员 · commander 值班长/指挥长 · admin 管理员 */
export type Role = (typeof ROLES)[number];

export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

export interface Proc<I extends z.ZodType, O> {
  readonly input: I;
  readonly role: Role;
  /** Mutations write and emit change hints; queries only read. */
  readonly kind: 'query' | 'mutation';
  /**
   * True for the few procedures a caller without a role may use (auth.status, auth.login,
   * auth.setup, auth.logout); `role` is then ignored. Every other procedure is refused to a
   * caller that has no role (not logged in).
   */
  readonly public?: boolean;
  /** Phantom: carries the output type only. */
  readonly _output?: O;
}

export function query<O>() {
  return <I extends z.ZodType>(input: I, role: Role = 'viewer'): Proc<I, O> => ({
    input,
    role,
    kind: 'query',
  });
}

export function mutation<O>() {
  return <I extends z.ZodType>(input: I, role: Role = 'officer'): Proc<I, O> => ({
    input,
    role,
    kind: 'mutation',
  });
}

/** A procedure anyone may call, logged in or not: the way in (status, login, first-run setup). */
export function publicProc<O>() {
  return <I extends z.ZodType>(
    input: I,
    kind: 'query' | 'mutation',
  ): Proc<I, O> & { readonly public: true } => ({
    input,
    role: 'viewer',
    kind,
    public: true,
  });
}

/** True when the procedure needs no role. */
export function isPublicProc(p: { readonly public?: boolean }): boolean {
  return p.public === true;
}

export const ERROR_CODES = [
  'invalid_input', // the input failed validation; `field` names it
  'not_found',
  'forbidden', // the caller's role is too low
  'conflict', // stale expectedVersion: someone else changed the order first
  'rejected', // the lifecycle refuses this transition; `message` says why
  'unavailable', // the core is not ready (e.g. still seeding)
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error every transport returns, as plain data. */
export interface ApiErrorData {
  readonly code: ErrorCode;
  readonly message: string;
  /** Dotted path of the offending input field, for invalid_input. */
  readonly field?: string;
}

export class ApiError extends Error implements ApiErrorData {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
  toData(): ApiErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
  static fromData(d: ApiErrorData): ApiError {
    return new ApiError(d.code, d.message, d.field);
  }
}

/** A push from the core: a hint that something changed, never the rows themselves. */
export type ChangeHint =
  | { readonly topic: 'orders.changed'; readonly orderIds: readonly string[] }
  | { readonly topic: 'reference.changed' }
  | { readonly topic: 'system.changed' }
  /** Alarms acknowledged or raised, the awareness feed (issue 3). */
  | { readonly topic: 'awareness.changed' }
  /** A basemap or jurisdiction imported (issue 3). */
  | { readonly topic: 'map.changed' }
  /** Sync state, conflicts, quarantine, connector settings (issue 4). */
  | { readonly topic: 'sync.changed' };
