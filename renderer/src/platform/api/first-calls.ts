/**
 * The calls a page makes first, started by the page's small entry script before React, MapLibre
 * and the panels' script are loaded and run (~0.7 s on a wall PC without a GPU). Their answers
 * wait in the query cache for the components that ask for them; the sign-in check waits here for
 * the AuthGate. Nothing is shown from them that the components would not show themselves.
 */
import type { AuthStatus, ProcInput, ProcName } from '../../../../shared/contract/index';
import { call } from './client';
import { prefetchQuery } from './query-cache';

type FirstCall = { [P in ProcName]: readonly [P, ProcInput<P>] }[ProcName];

/**
 * What 态势感知 (the panel a wall opens on) needs for its first paint, most needed first: the
 * read pool answers them in that order. The same procedures and inputs as the components' useQuery calls.
 */
const AWARENESS_FIRST: readonly FirstCall[] = [
  ['map.config', {}],
  ['reference.snapshot', {}],
  ['map.orders', {}],
  ['map.features', {}],
  ['awareness.today', {}],
  ['awareness.alarms', {}],
  ['system.info', {}],
];

let authStatus: Promise<AuthStatus> | null = null;

/** `awareness`: the page opens on 态势感知 (the entry script reads that from the URL). */
export function startFirstCalls(opts: { readonly awareness: boolean }): void {
  authStatus = call('auth.status', {});
  // Not signed in yet: these fail, are forgotten, and the panel asks again after the login.
  if (opts.awareness) for (const [proc, input] of AWARENESS_FIRST) prefetchQuery(proc, input);
}

/** The sign-in check started at boot, once; any later check asks the core again. */
export function authStatusCall(): Promise<AuthStatus> {
  const first = authStatus;
  authStatus = null;
  return first ?? call('auth.status', {});
}
