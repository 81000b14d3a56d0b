/**
 * SLA 计时 of the order: each timer kind with the street's internal deadline and, for 12345
 * orders, the upstream one beside it. 超期 carries its one definition on hover.
 */
import type { WorkOrder } from '../../../../shared/features/orders/order';
import type { TimerState } from '../../../../shared/features/orders/sla-clock';
import { timerClock } from '../../../../shared/features/orders/timer-clock';
import { formatDateTime } from '../../platform/format/time';
import { useNow } from '../../platform/format/use-now';
import type { Translate } from './event-summary';
import { useReference } from '../reference';
import { groupTimers, liveLevel, remainingLabel } from './timers';

export function SlaTimers({
  timers,
  order,
  t,
}: {
  timers: readonly TimerState[];
  order: WorkOrder;
  t: Translate;
}) {
  // Suspended and closed orders' timers are frozen (the SLA clock's rule), not ticking to overdue.
  const now = timerClock(order, useNow(1000));
  const lookups = useReference();
  const { rows, hasUpstream } = groupTimers(timers);
  if (rows.length === 0) return <p className="muted">{t('detail.noTimers')}</p>;
  return (
    <div className="timers" data-testid="timers">
      {rows.map((r) => (
        <div
          className="timer"
          key={r.summons === undefined ? r.kind : `${r.kind}-${r.summons}`}
          data-testid="timer"
          style={hasUpstream ? undefined : { gridTemplateColumns: '5.5rem minmax(0, 1fr)' }}
        >
          <div className="timer-kind">
            {t(`timerKind.${r.kind}`)}
            {r.summons !== undefined && order.whistle[r.summons] && (
              <div className="scope">{lookups.unitName(order.whistle[r.summons]?.unitId ?? '')}</div>
            )}
          </div>
          <TimerCell timer={r.internal} scope="internal" now={now} t={t} />
          {hasUpstream && <TimerCell timer={r.upstream} scope="upstream" now={now} t={t} />}
        </div>
      ))}
    </div>
  );
}

function TimerCell({
  timer,
  scope,
  now,
  t,
}: {
  timer: TimerState | null;
  scope: 'internal' | 'upstream';
  now: number;
  t: Translate;
}) {
  if (!timer) {
    return (
      <div className="timer-cell empty">
        <div className="scope">{t(`timerScope.${scope}`)}</div>—
      </div>
    );
  }
  const level = liveLevel(timer, now);
  return (
    <div
      className="timer-cell"
      data-level={level}
      data-testid={`timer-${scope}`}
      // The order's 超期 is its internal finish deadline passed (queues.ts): the other timers' 超期
      // is only that step's lateness, so the definition is shown on the finish timer alone.
      title={
        level === 'overdue' && timer.kind === 'finish' && scope === 'internal'
          ? t('definitions.overdue')
          : undefined
      }
    >
      <div className="scope">
        {t(`timerScope.${scope}`)} · {t(`timerLevel.${level}`)}
      </div>
      <div className="when">
        {t('detail.deadline')} {formatDateTime(timer.deadline)}
      </div>
      <div className="remain">
        {timer.stoppedAt !== null
          ? `${t('detail.stoppedAt', { time: formatDateTime(timer.stoppedAt) })} · ${
              timer.met === false ? t('detail.missed') : t('detail.met')
            }`
          : remainingLabel(timer, now, t)}
      </div>
    </div>
  );
}
