/**
 * The order detail's triage slot: 分类存疑 when the filed category (also one set upstream)
 * disagrees with the text, and 可能重复 with a one-click 并案 into an open earlier order (the
 * merged order keeps its caller, so both are called back).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../../../shared/features/orders/order';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { useReference } from '../reference';
import { DuplicateBox } from './DuplicateBox';
import './triage.css';

const MERGEABLE = ['received', 'dispatched', 'in_progress'];

export function OrderTriage({ order: o }: { readonly order: WorkOrder }) {
  const { t } = useTranslation();
  const act = useMutation('orders.act');
  const [done, setDone] = useState<string | null>(null);
  const text = `${o.title} ${o.description}`;
  return (
    <>
      <CategoryDoubt text={text} categoryCode={o.categoryCode} upstream={o.source === 'hotline'} />
      {o.status !== 'merged' && (
        <DuplicateBox
          point={o.lng !== null && o.lat !== null ? [o.lng, o.lat] : null}
          communityCode={o.communityCode}
          text={text}
          categoryCode={o.categoryCode}
          receivedAt={o.receivedAt}
          excludeOrderId={o.id}
          action={(c) =>
            c.open && MERGEABLE.includes(o.status) ? (
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
            ) : null
          }
        />
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
