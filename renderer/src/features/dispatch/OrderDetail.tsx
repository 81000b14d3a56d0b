import { useTranslation } from 'react-i18next';
import type { OrderDetail as OrderDetailView } from '../../../../shared/contract/index';
import { roleAtLeast } from '../../../../shared/kernel/roles';
import type { OrderStatus, WorkOrder } from '../../../../shared/features/orders/order';
import type { TimerState } from '../../../../shared/features/orders/sla-clock';
import { timerClock } from '../../../../shared/features/orders/timer-clock';
import { useQuery } from '../../platform/api/use-query';
import { useAuth } from '../auth';
import { formatDateTime } from '../../platform/format/time';
import { useNow } from '../../platform/format/use-now';
import { useReference, type ReferenceLookups } from '../reference';
import { actorLabel, eventTypeLabel, summarizeEvent, type Translate } from './event-summary';
import { Recommendations } from './Recommendations';
import { groupTimers, liveLevel, remainingLabel } from './timers';
import { errorText } from '../../platform/api/error-text';

/** Orders waiting for a unit: not yet dispatched, or a unit asked to give them back. */
const NEEDS_UNIT: readonly OrderStatus[] = ['received', 'return_requested'];

interface Props {
  orderId: string;
  onClose: () => void;
}

export function OrderDetail({ orderId, onClose }: Props) {
  const { t: tf } = useTranslation();
  // i18next's overloaded TFunction, narrowed to the plain signature the pure helpers take.
  const t: Translate = (key, vars) => (vars ? tf(key, vars) : tf(key));
  const q = useQuery('orders.get', { orderId });
  const ref = useReference();

  return (
    <aside className="detail" aria-label={t('detail.title')} data-testid="order-detail">
      <div className="detail-head">
        <h2>{q.data ? q.data.order.title : t('detail.title')}</h2>
        <button
          type="button"
          className="btn"
          onClick={onClose}
          title={t('detail.closeHint')}
          data-testid="detail-close"
        >
          {t('detail.close')}
        </button>
      </div>
      <div className="detail-scroll">
        {q.error && !q.data && (
          <div className="error-box" data-testid="detail-error">
            {t('app.errorPrefix')}
            {errorText(q.error, t)}
          </div>
        )}
        {!q.data && !q.error && <div className="state-box">{t('app.loading')}</div>}
        {q.data && <DetailBody detail={q.data} lookups={ref} t={t} />}
      </div>
    </aside>
  );
}

function DetailBody({
  detail,
  lookups,
  t,
}: {
  detail: OrderDetailView;
  lookups: ReferenceLookups;
  t: Translate;
}) {
  const o = detail.order;
  const dash = t('detail.none');
  // orders.recommend is an officer procedure: a viewer (committee, wall) is not shown the section.
  const auth = useAuth();
  const mayDispatch = auth !== null && roleAtLeast(auth.user.role, 'officer');
  const rejected = new Map(o.rejected.map((r) => [r.eventId, r]));
  const fields: [string, string][] = [
    ['id', o.id],
    ['status', t(`orderStatus.${o.status}`)],
    ['urgency', `${o.urgency} ${t(`urgency.${o.urgency}`)}`],
    ['source', t(`source.${o.source}`)],
    ['appealType', t(`appealType.${o.appealType}`)],
    ['category', lookups.categoryPath(o.categoryCode)],
    ['community', lookups.communityName(o.communityCode) || dash],
    ['grid', lookups.gridName(o.gridCode) || dash],
    ['address', o.address || dash],
    ['receivedAt', formatDateTime(o.receivedAt)],
    ['upstreamId', o.upstreamId ?? dash],
    ['unit', lookups.unitName(o.unitId) || dash],
    ['coUnits', o.coUnitIds.length ? o.coUnitIds.map((u) => lookups.unitName(u)).join('、') : dash],
    // The API masks the citizen for roles that must not see them; show what it returns.
    ['citizen', o.citizen ? `${o.citizen.name} ${o.citizen.phone}` : dash],
  ];
  return (
    <>
      {o.rejected.length > 0 && (
        <div className="banner-warn" role="alert">
          {t('detail.rejectedBanner', { count: o.rejected.length })}
        </div>
      )}
      <dl className="fields" data-testid="detail-fields">
        {fields.map(([k, v]) => (
          <FieldRow key={k} label={t(`detail.fields.${k}`)} value={v} />
        ))}
      </dl>
      {o.description && (
        <>
          <h3>{t('detail.fields.description')}</h3>
          <p style={{ margin: 0, overflowWrap: 'anywhere' }}>{o.description}</p>
        </>
      )}
      {mayDispatch && NEEDS_UNIT.includes(o.status) && <Recommendations orderId={o.id} t={t} />}
      <h3>{t('detail.timers')}</h3>
      <Timers timers={detail.timers} order={o} t={t} />
      <h3>{t('detail.timeline')}</h3>
      <ol className="timeline" data-testid="timeline">
        {detail.events.map((e) => {
          const refused = rejected.get(e.id);
          return (
            <li key={e.id} className={refused ? 'refused' : undefined} data-testid="timeline-event">
              <div className="ev-head">
                <span className="ev-time">{formatDateTime(e.at)}</span>
                <span className="ev-type">{eventTypeLabel(e, t)}</span>
                <span className="ev-actor">{actorLabel(e.actor, t, lookups)}</span>
                {refused && <span className="refused-flag">{t('detail.refused')}</span>}
              </div>
              <ul className="ev-lines">
                {summarizeEvent(e, { t, ...pick(lookups) }).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
                {refused && (
                  <li className="refused-flag">{t('detail.refusedReason', { reason: refused.reason })}</li>
                )}
              </ul>
            </li>
          );
        })}
      </ol>
    </>
  );
}

function pick(l: ReferenceLookups) {
  return { unitName: l.unitName, categoryPath: l.categoryPath, communityName: l.communityName };
}

function FieldRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function Timers({ timers, order, t }: { timers: readonly TimerState[]; order: WorkOrder; t: Translate }) {
  // Suspended and closed orders' timers are frozen (the SLA clock's rule), not ticking to overdue.
  const now = timerClock(order, useNow(1000));
  const { rows, hasUpstream } = groupTimers(timers);
  if (rows.length === 0) return <p className="muted">{t('detail.noTimers')}</p>;
  return (
    <div className="timers" data-testid="timers">
      {rows.map((r) => (
        <div
          className="timer"
          key={r.kind}
          data-testid="timer"
          style={hasUpstream ? undefined : { gridTemplateColumns: '5.5rem minmax(0, 1fr)' }}
        >
          <div className="timer-kind">{t(`timerKind.${r.kind}`)}</div>
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
    <div className="timer-cell" data-level={level} data-testid={`timer-${scope}`}>
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
