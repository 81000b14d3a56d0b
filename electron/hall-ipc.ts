/**
 * The IPC side of the bridge, without Electron: validates what arrives from the renderer and
 * forwards it to the core. Never throws across IPC — every outcome is a CallResult.
 *
 * Sessions: after auth.login / auth.setup the session token stays here, in main-process memory,
 * keyed by the window's webContents id; it is stripped from the result, so the renderer never
 * holds it. Each call of that window carries it; auth.logout and closing the window forget it.
 */
import { ApiError, isProcName, type CallResult } from '../shared/contract';
import type { Core } from './core/runtime/core';
import { takeSessionToken } from './core/runtime/session-token';
import { toApiErrorData } from './core/adapters/host/errors';
import { isTrustedSender } from './window-policy';

export { CALL_CHANNEL, CHANGE_CHANNEL } from './ipc-channels';

/** The part of Electron's IpcMainInvokeEvent this handler uses. */
export interface CallSender {
  readonly senderFrame: { readonly url: string; readonly parent?: unknown } | null;
  /** The window's webContents: its id keys the session; 'destroyed' forgets it. */
  readonly sender?: { readonly id: number; once(event: 'destroyed', listener: () => void): unknown };
}

export interface CallHandlerOptions {
  /** The core, or a promise of it while it is still opening (calls wait; a failed open → unavailable). */
  readonly core: Core | Promise<Core>;
  readonly log?: (line: string) => void;
  /**
   * This app was started as a public wall (`--wall`): decided here, in the main process, not by
   * the page. Every call is masked and capped at viewer, whoever signs in at the wall's keyboard.
   */
  readonly wall?: boolean;
}

export interface CallHandler {
  (event: CallSender, proc: unknown, input: unknown, flags?: unknown): Promise<CallResult>;
  /** How many windows hold a session (tests; never the tokens themselves). */
  sessionCount(): number;
  /** Forget a window's session (its webContents was destroyed). */
  forget(webContentsId: number): void;
}

/**
 * The renderer's per-call flags (`{ masked: true }` when a desk user switches to wall mode):
 * it can only ask for less (masking), never lift what the main process decided.
 */
function wallFlag(flags: unknown): boolean {
  return typeof flags === 'object' && flags !== null && (flags as { masked?: unknown }).masked === true;
}

export function createCallHandler(opts: CallHandlerOptions): CallHandler {
  const sessions = new Map<number, string>();
  const watched = new Set<number>();

  const handler = async (
    event: CallSender,
    proc: unknown,
    input: unknown,
    flags?: unknown,
  ): Promise<CallResult> => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: ApiError.why('cross_site', '只接受本程序界面的调用').toData() };
    }
    if (typeof proc !== 'string' || proc.length > 100 || !isProcName(proc)) {
      return {
        ok: false,
        error: new ApiError('unknown_procedure', { params: { proc: String(proc).slice(0, 100) } }).toData(),
      };
    }
    let core: Core;
    try {
      core = await opts.core;
    } catch {
      return { ok: false, error: ApiError.why('unavailable', '数据存储未能打开').toData() };
    }
    const wcId = event.sender?.id ?? null;
    const token = wcId === null ? null : (sessions.get(wcId) ?? null);
    try {
      // The core's gate resolves the session, checks the role and validates the input.
      const data = await core.call(proc, input === undefined ? {} : input, {
        role: null,
        actor: 'anonymous',
        session: token,
        // 大屏模式: the page may ask for masking; a wall app is masked whatever the page says.
        masked: opts.wall === true || wallFlag(flags),
        wall: opts.wall === true,
        // The Electron app is the machine itself: first-run setup happens here.
        local: true,
        address: 'electron',
      });
      const { token: newToken, data: shown } = takeSessionToken(proc, data);
      if (newToken !== null) {
        if (event.sender) remember(event.sender, newToken);
        return { ok: true, data: shown };
      }
      if (proc === 'auth.logout' && wcId !== null) sessions.delete(wcId);
      return { ok: true, data };
    } catch (err) {
      if (proc === 'auth.logout' && wcId !== null) sessions.delete(wcId);
      const { data, expected } = toApiErrorData(err);
      if (!expected)
        opts.log?.(
          `[ipc] ${proc} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
      return { ok: false, error: data };
    }
  };

  function remember(sender: NonNullable<CallSender['sender']>, token: string): void {
    sessions.set(sender.id, token);
    if (!watched.has(sender.id)) {
      watched.add(sender.id);
      sender.once('destroyed', () => {
        sessions.delete(sender.id);
        watched.delete(sender.id);
      });
    }
  }

  return Object.assign(handler, {
    sessionCount: () => sessions.size,
    forget: (id: number) => {
      sessions.delete(id);
    },
  });
}
