/**
 * The order detail's triage slot: 分类存疑 when the filed category (also one set upstream)
 * disagrees with the text, and 可能重复 with a one-click 并案 into an open earlier order (the
 * merged order keeps its caller, so both are called back) or 关联为重复件 of an earlier order, open
 * or closed (a recorded link shown on both details; neither order changes).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../../../shared/features/orders/order';
import type { RepeatLink, TriageRepeatsView } from '../../../../shared/features/triage/contract';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { formatShortDateTime } from '../../platform/format/time';
import { useReference } from '../reference';
import { DuplicateBox } from './DuplicateBox';
import './triage.css';

const MERGEABLE = ['received', 'dispatched', 'in_progress'];

export function OrderTriage({
  order: o,
  onOpenOrder,
}: {
  readonly order: WorkOrder;
  /** Opens another order on the desk (a click in 同一问题); without it a click shows it here. */
  readonly onOpenOrder?: ((orderId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const act = useMutation('orders.act');
  const link = useMutation('triage.linkRepeat');
  const [done, setDone] = useState<string | null>(null);
  const links = useQuery('triage.repeats', { orderId: o.id });
  const linkedTo = new Set((links.data?.repeatOf ?? []).map((r) => r.orderId));
  const text = `${o.title} ${o.description}`;
  return (
    <>
      <RepeatLinks view={links.data ?? null} orderId={o.id} onOpenOrder={onOpenOrder} />
      <CategoryDoubt text={text} categoryCode={o.categoryCode} upstream={o.source === 'hotline'} />
      {o.status !== 'merged' && (
        <DuplicateBox
          point={o.lng !== null && o.lat !== null ? [o.lng, o.lat] : null}
          communityCode={o.communityCode}
          text={text}
          categoryCode={o.categoryCode}
          address={o.address}
          receivedAt={o.receivedAt}
          excludeOrderId={o.id}
          action={(c) => (
            <div className="triage-dup-actions">
              {c.open && MERGEABLE.includes(o.status) ? (
                <button
                  type="button"
                  className="btn"
                  data-testid="triage-merge"
                  disabled={act.busy || done !== null}
                  onClick={() => {
                    act
                      .run({
                        orderId: o.id,
                        expectedVersion: o.version,
                        action: { type: 'merged', payload: { intoOrderId: c.orderId } },
                      })
                      .then(() => setDone(c.orderId))
                      .catch(() => undefined);
                  }}
                >
                  {act.busy ? t('triage.dup.merging') : t('triage.dup.merge')}
                </button>
              ) : !c.open ? (
                <span className="muted small">{t('triage.dup.closedNote')}</span>
              ) : null}
              {c.receivedAt <= o.receivedAt &&
                (linkedTo.has(c.orderId) ? (
                  <span className="pill triage-linked" data-testid="triage-repeat-linked">
                    {t('triage.repeat.linked')}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="btn"
                    data-testid="triage-link-repeat"
                    disabled={link.busy}
                    onClick={() => {
                      link.run({ orderId: o.id, ofOrderId: c.orderId }).catch(() => undefined);
                    }}
                  >
                    {link.busy ? t('triage.repeat.linking') : t('triage.repeat.link')}
                  </button>
                ))}
            </div>
          )}
        />
      )}
      {link.error && (
        <div className="auth-error" role="alert">
          {errorText(link.error, t)}
        </div>
      )}
      {act.error && (
        <div className="auth-error" role="alert">
          {errorText(act.error, t)}
        </div>
      )}
      {done && <div className="muted small">{t('triage.dup.merged', { id: done })}</div>}
    </>
  );
}

/**
 * 重复件: "同一问题第 N 次反映" with every report of the problem (the links through others too),
 * each a click away, and the earlier orders this one repeats / the later reports linked to it.
 */
function RepeatLinks({
  view,
  orderId,
  onOpenOrder,
}: {
  readonly view: TriageRepeatsView | null;
  readonly orderId: string;
  readonly onOpenOrder: ((orderId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const [peek, setPeek] = useState<string | null>(null);
  if (!view || (view.repeatOf.length === 0 && view.repeatedBy.length === 0 && view.chain.length === 0))
    return null;
  const row = (r: RepeatLink) => (
    <li key={r.orderId} data-order-id={r.orderId}>
      <span className="mono">{r.orderId}</span> {r.title}{' '}
      <span className="muted small">
        {t(`orderStatus.${r.status}`)} · {formatShortDateTime(r.receivedAt)}
      </span>
    </li>
  );
  return (
    <section className="triage-repeats" data-testid="triage-repeats" aria-label={t('triage.repeat.title')}>
      {view.chain.length > 1 && view.nth > 0 && (
        <div data-testid="triage-repeat-chain">
          <h4>
            <span className="pill triage-nth" data-testid="triage-repeat-nth">
              {t('triage.repeat.nth', { n: view.nth })}
            </span>{' '}
            <span className="muted small">{t('triage.repeat.total', { total: view.chain.length })}</span>
          </h4>
          <ol className="triage-chain">
            {view.chain.map((c) => (
              <li
                key={c.orderId}
                data-order-id={c.orderId}
                className={c.orderId === orderId ? 'current' : ''}
              >
                {c.orderId === orderId ? (
                  <span className="triage-chain-self">
                    <span className="mono">{c.orderId}</span> {t('triage.repeat.current')}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="linklike"
                    data-testid="triage-chain-open"
                    aria-expanded={onOpenOrder ? undefined : peek === c.orderId}
                    onClick={() =>
                      onOpenOrder ? onOpenOrder(c.orderId) : setPeek(peek === c.orderId ? null : c.orderId)
                    }
                  >
                    <span className="mono">{c.orderId}</span> {c.title}
                  </button>
                )}{' '}
                <span className="muted small">
                  {t(`orderStatus.${c.status}`)} · {formatShortDateTime(c.receivedAt)}
                </span>
                {peek === c.orderId && !onOpenOrder && <OrderPeek orderId={c.orderId} />}
              </li>
            ))}
          </ol>
        </div>
      )}
      {view.repeatOf.length > 0 && (
        <div data-testid="triage-repeat-of">
          <h4>{t('triage.repeat.of', { count: view.repeatOf.length })}</h4>
          <ul>{view.repeatOf.map(row)}</ul>
        </div>
      )}
      {view.repeatedBy.length > 0 && (
        <div data-testid="triage-repeated-by">
          <h4>{t('triage.repeat.by', { count: view.repeatedBy.length })}</h4>
          <ul>{view.repeatedBy.map(row)}</ul>
        </div>
      )}
    </section>
  );
}

/** Another report of the problem, read in place (where the detail has no desk to open it on). */
function OrderPeek({ orderId }: { readonly orderId: string }) {
  const { t } = useTranslation();
  const ref = useReference();
  const q = useQuery('orders.get', { orderId });
  if (q.error) return <div className="muted small">{t('triage.repeat.peekFailed')}</div>;
  const o = q.data?.order;
  if (!o) return null;
  return (
    <div className="triage-peek" data-testid="triage-chain-peek">
      <div className="muted small">
        {[ref.categoryName(o.categoryCode), o.address, t(`orderStatus.${o.status}`)]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {o.description && <p>{o.description}</p>}
    </div>
  );
}

/** 分类存疑: the filed category disagrees with the text. */
export function CategoryDoubt({
  text,
  categoryCode,
  upstream,
}: {
  readonly text: string;
  readonly categoryCode: string;
  readonly upstream: boolean;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const q = useQuery('triage.suggest', { text, categoryCode });
  const d = q.data?.doubt;
  if (!d) return null;
  return (
    <div className="banner-warn triage-doubt" role="status" data-testid="triage-doubt">
      <strong>{t('triage.doubt.title')}</strong>{' '}
      {t('triage.doubt.text', {
        suggested: ref.categoryName(d.suggested.categoryCode),
        pct: Math.round(d.suggested.confidence * 100),
        filed: ref.categoryName(d.filed),
      })}
      {upstream && <span className="muted"> · {t('triage.doubt.upstream')}</span>}
    </div>
  );
}
