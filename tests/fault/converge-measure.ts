/**
 * Time-to-converge after a link returns (issue 12), measured from outside the halls: each hall
 * reaches the hub through its own proxy, which notes when the hub first answered that hall
 * again. Nothing here nudges the halls (no sync.retryNow): what is measured is what the engines
 * do by themselves — their probes, the hint socket, the push and pull.
 */
import type { Core } from '../../electron/core/runtime/core';
import { ADMIN } from '../integration/sync/sync-fixtures';
import type { ChaosProxy } from './chaos-proxy';
import { sleep } from './fault-fixtures';
import { hubSeqOf } from './store-compare';

export interface MeasuredHall {
  readonly name: string;
  readonly core: Core;
  readonly proxy: ChaosProxy;
}

export interface Convergence {
  /** From the heal (or hub restart) to every hall having pushed and pulled everything. */
  readonly healToConvergedMs: number;
  /** Per hall: heal → the hub's first answer to it (the probe's wait). */
  readonly detectMs: readonly number[];
  /** Per hall: the hub's first answer → that hall's outbox empty and its cursor at the hub's seq. */
  readonly ownMs: readonly number[];
  /** The last hall's first answer → all converged. */
  readonly afterLastAnswerMs: number;
}

export async function measureConvergence(
  halls: readonly MeasuredHall[],
  hubDir: string,
  healAt: number,
  timeoutMs = 60_000,
): Promise<Convergence> {
  const done: Array<number | null> = halls.map(() => null);
  for (;;) {
    const statuses = await Promise.all(halls.map((h) => h.core.call('sync.status', {}, ADMIN)));
    const seq = hubSeqOf(hubDir);
    const t = Date.now();
    const at = statuses.map((s) => s.outboxPending === 0 && s.cursor >= seq && s.state === 'online');
    at.forEach((ok, i) => {
      if (ok && done[i] === null && halls[i]?.proxy.stats.firstAnswerAt !== null) done[i] = t;
    });
    // All converged: every outbox empty and every cursor at the hub's seq, read after the statuses.
    if (at.every(Boolean) && hubSeqOf(hubDir) === seq && done.every((d) => d !== null)) {
      const answers = halls.map((h) => h.proxy.stats.firstAnswerAt as number);
      return {
        healToConvergedMs: t - healAt,
        detectMs: answers.map((a) => a - healAt),
        ownMs: answers.map((a, i) => (done[i] as number) - a),
        afterLastAnswerMs: t - Math.max(...answers),
      };
    }
    if (t - healAt > timeoutMs)
      throw new Error(
        `not converged ${timeoutMs} ms after heal: ${JSON.stringify(statuses.map((s) => [s.state, s.outboxPending, s.cursor]))} hub ${seq}`,
      );
    await sleep(25);
  }
}

export function describeConvergence(c: Convergence): string {
  const f = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  return (
    `heal → converged ${f(c.healToConvergedMs)}; hub's first answer after ${c.detectMs.map(f).join(' / ')}; ` +
    `answer → hall done ${c.ownMs.map(f).join(' / ')}; last answer → all converged ${f(c.afterLastAnswerMs)}`
  );
}
