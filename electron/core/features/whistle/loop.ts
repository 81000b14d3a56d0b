/**
 * The delivery loop of 吹哨报到, on the writer: every few seconds it pushes again to each summoned
 * unit that has not acknowledged (已读) or reported in, on the retry schedule (1, 2, 4 … 10 min,
 * at most MAX_ATTEMPTS), recording every attempt on the whistle's timeline; and it marks 超时 each
 * unit whose report-in deadline passed, which raises the alarm (whistle.alarms) until a duty
 * officer acknowledges it. Units are reached through their own accounts in the app and through
 * the hub: this hall has no unit accounts or hub channel for whistles yet, so an attempt is the
 * hall's record that it pushed (the duty officer's phone call is recorded with whistle.ack).
 */
import type { ChangeHint } from '../../../../shared/contract/index';
import { MAX_ATTEMPTS, retryDelayMs } from '../../../../shared/features/whistle/whistle';
import type { WriteEnv } from '../../runtime/context';
import { appendTimeline, duePushes, dueTimeouts, recordAttempt, recordTimeout } from './queries';
import { unitNames } from './whistle';

export const DEFAULT_LOOP_INTERVAL_MS = 5_000;

/** One pass: due pushes and passed deadlines. Returns how many rows it changed. */
export function whistleTick(env: Pick<WriteEnv, 'db' | 'now'>): number {
  const db = env.db;
  const now = env.now();
  return db
    .transaction((): number => {
      let changed = 0;
      const names = unitNames(db);
      for (const p of duePushes(db, now)) {
        const n = p.attempts + 1;
        const next = n >= MAX_ATTEMPTS ? null : now + retryDelayMs(n);
        recordAttempt(db, p.whistleId, p.unitId, now, next);
        appendTimeline(db, {
          whistleId: p.whistleId,
          at: now,
          actor: 'system',
          kind: 'attempt',
          unitId: p.unitId,
          text: `第 ${n} 次推送 ${names.get(p.unitId) ?? p.unitId}（未确认，重试${next === null ? '已达上限，请电话联系' : ''}）`,
        });
        changed++;
      }
      for (const d of dueTimeouts(db, now)) {
        if (!recordTimeout(db, d.whistleId, d.unitId, now)) continue;
        appendTimeline(db, {
          whistleId: d.whistleId,
          at: now,
          actor: 'system',
          kind: 'timeout',
          unitId: d.unitId,
          text: `${names.get(d.unitId) ?? d.unitId} 报到超时，已告警`,
        });
        changed++;
      }
      return changed;
    })
    .immediate();
}

export interface WhistleLoop {
  stop(): void;
}

export function startWhistleLoop(
  env: Pick<WriteEnv, 'db' | 'now'>,
  publish: (hint: ChangeHint) => void,
  intervalMs = DEFAULT_LOOP_INTERVAL_MS,
): WhistleLoop {
  const timer = setInterval(() => {
    try {
      if (whistleTick(env) > 0) publish({ topic: 'whistle.changed' });
    } catch (err) {
      // A failed pass is retried at the next tick; the process keeps running.
      console.error('[whistle] delivery loop pass failed:', err);
    }
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
