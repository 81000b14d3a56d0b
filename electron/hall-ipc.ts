/**
 * The IPC side of the bridge, without Electron: validates what arrives from the renderer and
 * forwards it to the core. Never throws across IPC — every outcome is a CallResult.
 */
import { CONTRACT, isProcName, roleAtLeast, type CallResult, type Role } from '../shared/contract';
import type { Core } from './core/core';
import { toApiErrorData } from './core/host/errors';
import { isTrustedSender } from './window-policy';

export { CALL_CHANNEL, CHANGE_CHANNEL } from './ipc-channels';

export interface CallSender {
  readonly senderFrame: { readonly url: string; readonly parent?: unknown } | null;
}

export interface CallHandlerOptions {
  /** The core, or a promise of it while it is still opening (calls wait; a failed open → unavailable). */
  readonly core: Core | Promise<Core>;
  readonly role: () => Role;
  readonly actor: () => string;
  readonly log?: (line: string) => void;
}

export function createCallHandler(opts: CallHandlerOptions) {
  return async (event: CallSender, proc: unknown, input: unknown): Promise<CallResult> => {
    if (!isTrustedSender(event.senderFrame)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'Calls are accepted only from the app itself' },
      };
    }
    if (typeof proc !== 'string' || proc.length > 100 || !isProcName(proc)) {
      return {
        ok: false,
        error: { code: 'not_found', message: `Unknown procedure: ${String(proc).slice(0, 100)}` },
      };
    }
    const role = opts.role();
    const need = CONTRACT[proc].role;
    if (!roleAtLeast(role, need)) {
      return {
        ok: false,
        error: { code: 'forbidden', message: `${proc} needs role ${need}; caller has ${role}` },
      };
    }
    let core: Core;
    try {
      core = await opts.core;
    } catch {
      return {
        ok: false,
        error: { code: 'unavailable', message: '数据存储未能打开 The data store could not be opened' },
      };
    }
    try {
      // The core validates input with the contract's zod schema and checks the role.
      const data = await core.call(proc, input === undefined ? {} : input, { role, actor: opts.actor() });
      return { ok: true, data };
    } catch (err) {
      const { data, expected } = toApiErrorData(err);
      if (!expected)
        opts.log?.(
          `[ipc] ${proc} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        );
      return { ok: false, error: data };
    }
  };
}
