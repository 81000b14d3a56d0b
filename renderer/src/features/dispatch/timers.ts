/** SLA timers for display: grouped by kind with internal and upstream side by side. Pure. */
import { TIMER_KINDS, type TimerKind } from '../../../../shared/features/orders/sla-policy';
import type { TimerLevel, TimerState } from '../../../../shared/features/orders/sla-clock';
import { splitDuration } from '../../platform/format/time';
import type { Translate } from './event-summary';

export interface TimerRow {
  readonly kind: TimerKind;
  readonly internal: TimerState | null;
  readonly upstream: TimerState | null;
  /**
   * For 报到 rows: which summons (index into the order's `whistle`, the order sla-clock emits
   * them in). Every summoned unit has its own row: one unit's 按时 says nothing about another.
   */
  readonly summons?: number;
}

export function groupTimers(timers: readonly TimerState[]): { rows: TimerRow[]; hasUpstream: boolean } {
  const rows: TimerRow[] = [];
  for (const kind of TIMER_KINDS) {
    const of = timers.filter((x) => x.kind === kind);
    if (of.length === 0) continue;
    if (kind === 'report_in') {
      // One row per summoned unit (the timers come in the order of `order.whistle`).
      of.forEach((x, i) => rows.push({ kind, internal: x, upstream: null, summons: i }));
      continue;
    }
    rows.push({
      kind,
      internal: of.find((x) => x.scope === 'internal') ?? null,
      upstream: of.find((x) => x.scope === 'upstream') ?? null,
    });
  }
  return { rows, hasUpstream: timers.some((x) => x.scope === 'upstream') };
}

/**
 * The level to show now. The core computed `level` when it answered; a running timer whose
 * deadline has passed since then is overdue even before the next refresh.
 */
export function liveLevel(timer: TimerState, now: number): TimerLevel {
  if (timer.stoppedAt === null && now > timer.deadline) return 'overdue';
  return timer.level;
}

/** "2天3小时" / "45分" — the two most significant units. */
export function formatDuration(ms: number, t: Translate): string {
  const d = splitDuration(ms);
  const parts: string[] = [];
  if (d.days > 0) parts.push(t('duration.d', { count: d.days }));
  if (d.hours > 0) parts.push(t('duration.h', { count: d.hours }));
  if (d.days === 0 && d.minutes > 0) parts.push(t('duration.m', { count: d.minutes }));
  if (parts.length === 0) return t('duration.lessThanMinute');
  return parts.slice(0, 2).join('');
}

/** "剩余 2天3小时" or "超期 45分" for a running timer. */
export function remainingLabel(timer: TimerState, now: number, t: Translate): string {
  const left = timer.deadline - now;
  return left >= 0
    ? t('duration.remaining', { value: formatDuration(left, t) })
    : t('duration.overdueBy', { value: formatDuration(-left, t) });
}
