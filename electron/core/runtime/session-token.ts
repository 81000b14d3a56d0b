/**
 * The one place that takes the session secret out of an answer before it reaches a renderer:
 * auth.login and auth.setup return it; each host keeps it (an HttpOnly cookie in browser mode,
 * main-process memory per window in Electron) and passes it back on the caller's next calls.
 */
import type { ProcName } from '../../../shared/contract/index';

export function takeSessionToken(proc: ProcName, data: unknown): { token: string | null; data: unknown } {
  if (proc !== 'auth.login' && proc !== 'auth.setup') return { token: null, data };
  const { token, ...shown } = data as { token?: unknown };
  return { token: typeof token === 'string' && token !== '' ? token : null, data: shown };
}
