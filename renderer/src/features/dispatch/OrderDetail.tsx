/**
 * The order on the desk: who else is working on it (the soft lock), the action bar with every
 * lifecycle action the user may take now and the open action's form, the order's fields, 推荐派单
 * (one click dispatches), its SLA timers and its timeline.
 */
import { useTranslation } from 'react-i18next';
import type { OrderDetail as OrderDetailView } from '../../../../shared/contract/index';
import { OPEN_STATUSES, type OrderStatus } from '../../../../shared/features/orders/order';
import { isOverdue } from '../../../../shared/features/orders/queues';
import { roleAtLeast } from '../../../../shared/kernel/roles';
import { errorText } from '../../platform/api/error-text';
import { useQuery } from '../../platform/api/use-query';
import { formatDateTime } from '../../platform/format/time';
import { useNow } from '../../platform/format/use-now';
import { useAuth } from '../auth';
import { useReference, type ReferenceLookups } from '../reference';
import { OrderTriage } from '../triage';
import { OrderLocate } from '../address';
import { OrderAssists } from '../party';
import { ActionBar } from './ActionBar';
import { ActionForm } from './ActionForm';
import { actorOf, availableActions, maxExtensionDays } from './desk-actions';
import type { Translate } from './event-summary';
import { LockBanner } from './LockBanner';
import { Recommendations } from './Recommendations';
import { Timeline } from './Timeline';
import { SlaTimers } from './SlaTimers';
import { useDeskQueue } from './desk-queue';
import { useDeskContext } from './use-desk';

/** Orders waiting for a unit: not yet dispatched, or a unit asked to give them back. */
const NEEDS_UNIT: readonly OrderStatus[] = ['received', 'return_requested'];

interface Props {
  readonly orderId: string;
  readonly onClose: () => void;
  readonly onPalette: () => void;
  /** 发起吹哨 from this order (吹哨报到 view, issue 15); the button shows only when given. */
  readonly onWhistle?: (detail: OrderDetailView) => void;
  /** Opens another order here (a click on a report of the same problem, 同一问题). */
  readonly onOpenOrder?: (orderId: string) => void;
}

export function OrderDetail({ orderId, onClose, onPalette, onWhistle, onOpenOrder }: Props) {
  const { t: tf } = useTranslation();
  // i18next's overloaded TFunction, narrowed to the plain signature the pure helpers take.
  const t: Translate = (key, vars) => (vars ? tf(key, vars) : tf(key));
  const q = useQuery('orders.get', { orderId });
  const ref = useReference();
  // A unit account (issue 15) does not summon: 吹哨 is the hall's (the core refuses it too).
  const unitAccount = Boolean(useAuth()?.user.unitId);

  return (
    <aside
      className="detail"
      aria-label={t('detail.title')}
      data-testid="order-detail"
      data-order-id={orderId}
    >
      <div className="detail-head">
        <h2>{q.data ? q.data.order.title : t('detail.title')}</h2>
        {q.data && <OverduePill detail={q.data} t={t} />}
        {q.data && onWhistle && !unitAccount && (
          <button
            type="button"
            className="btn"
            data-testid="detail-whistle"
            onClick={() => q.data && onWhistle(q.data)}
          >
            {tf('whistleDesk.fromOrder')}
          </button>
        )}
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
        {q.data && (
          <DetailBody detail={q.data} lookups={ref} t={t} onPalette={onPalette} onOpenOrder={onOpenOrder} />
        )}
      </div>
    </aside>
  );
}

/** 超期 by the one definition (queues.ts isOverdue), explained on hover. */
function OverduePill({ detail, t }: { detail: OrderDetailView; t: Translate }) {
  const now = useNow(30_000);
  const finish = detail.timers.find((x) => x.kind === 'finish' && x.scope === 'internal');
  if (!isOverdue(detail.order, finish?.deadline ?? null, now)) return null;
  return (
    <span className="pill overdue-pill" data-testid="detail-overdue" title={t('definitions.overdue')}>
      {t('list.overdue')}
    </span>
  );
}

function DetailBody({
  detail,
  lookups,
  t,
  onPalette,
  onOpenOrder,
}: {
  detail: OrderDetailView;
  lookups: ReferenceLookups;
  t: Translate;
  onPalette: () => void;
  onOpenOrder?: ((orderId: string) => void) | undefined;
}) {
  const o = detail.order;
  const dash = t('detail.none');
  const auth = useAuth();
  const desk = useDeskContext();
  const who = auth ? actorOf(auth.user) : null;
  // orders.recommend and every action are officer procedures: a viewer (committee, wall) reads only.
  const isOfficer = who !== null && roleAtLeast(who.role, 'officer');
  // The hall's own tools (定位, triage, 推荐派单) are not a unit account's: it works its orders only.
  const isHall = isOfficer && !who.unitId;
  const canBreak = who !== null && roleAtLeast(who.role, 'commander');
  const policy = lookups.snapshot?.slaPolicy;
  const actions = who && isOfficer ? availableActions(o, who, policy) : [];
  const lock = detail.lock;
  const lockedByOther = lock !== null && !lock.mine;
  const form = desk.form?.orderId === o.id ? desk.form : null;
  // An action of this order still in the undo window: the next one waits for it (its version).
  const pending = useDeskQueue().some(
    (e) => e.item.orderId === o.id && (e.state === 'waiting' || e.state === 'sending'),
  );
  const hints = { maxExtensionDays: maxExtensionDays(o, policy) };

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
    [
      'citizen',
      o.citizen ? `${o.citizen.name} ${o.citizen.phone}` : o.anonymous ? t('desk.anonymous') : dash,
    ],
  ];
  if (o.extensionDays > 0 || o.extensionPending)
    fields.push([
      'extension',
      [
        o.extensionDays > 0 ? t('desk.extension.approved', { n: o.extensionDays }) : '',
        o.extensionPending ? t('desk.extension.pending', { n: o.extensionRequestedDays }) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ]);
  // What 受理 took: the reporting grid worker, the sensor, the category's questions and answers.
  if (o.reporterId) fields.push(['reporter', lookups.person(o.reporterId)?.name ?? o.reporterId]);
  if (o.deviceId) fields.push(['deviceId', o.deviceId]);
  const questions = lookups.snapshot?.categories.find((c) => c.code === o.categoryCode)?.questions ?? [];
  for (const [qid, answer] of Object.entries(o.answers ?? {}))
    fields.push([`answer:${qid}`, `${questions.find((q) => q.id === qid)?.text ?? qid}：${answer}`]);
  if (o.lng === null) fields.push(['place', t('desk.unplaced')]);
  if (o.callback)
    fields.push([
      'callback',
      [
        o.callback.contacted ? t('payload.contacted') : t('payload.notContacted'),
        o.callback.solved ? t('payload.solved') : t('payload.notSolved'),
        t(`satisfaction.${o.callback.satisfaction}`),
      ].join(' · '),
    ]);

  const mayPick = actions.includes('dispatch') && !lockedByOther && form === null && !pending;
  return (
    <>
      {o.rejected.length > 0 && (
        <div className="banner-warn" role="alert">
          {t('detail.rejectedBanner', { count: o.rejected.length })}
        </div>
      )}
      {lock && lockedByOther && <LockBanner orderId={o.id} lock={lock} canBreak={canBreak} />}
      {isOfficer && (
        <ActionBar detail={detail} actions={actions} hints={hints} pending={pending} onPalette={onPalette} />
      )}
      {form && <ActionForm key={form.seq} detail={detail} form={form} />}
      <dl className="fields" data-testid="detail-fields">
        {fields.map(([k, v]) => (
          <FieldRow key={k} label={t(`detail.fields.${k.startsWith('answer:') ? 'answer' : k}`)} value={v} />
        ))}
      </dl>
      {o.description && (
        <>
          <h3>{t('detail.fields.description')}</h3>
          <p style={{ margin: 0, overflowWrap: 'anywhere' }}>{o.description}</p>
        </>
      )}
      {isHall && <OrderLocate order={o} />}
      {isHall && <OrderTriage order={o} onOpenOrder={onOpenOrder} />}
      {isHall && NEEDS_UNIT.includes(o.status) && (
        <Recommendations
          orderId={o.id}
          t={t}
          onPick={mayPick ? (unitId) => desk.dispatchTo(detail, unitId) : undefined}
          note={o.status === 'return_requested' ? t('desk.recommend.afterReturn') : undefined}
        />
      )}
      {isHall && <OrderAssists orderId={o.id} open={OPEN_STATUSES.includes(o.status)} />}
      <h3>{t('detail.timers')}</h3>
      <SlaTimers timers={detail.timers} order={o} t={t} />
      <h3>{t('detail.timeline')}</h3>
      <Timeline detail={detail} lookups={lookups} t={t} showPhotos={isOfficer} />
    </>
  );
}

function FieldRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
