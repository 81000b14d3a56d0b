/**
 * 可能重复: earlier orders at the same place or on the same 部件 with alike text or category, within
 * the window (an open order on the same asset at any age), each with its reasons (同一部件 LD-… ·
 * 同一地点 · 内容相似 · 同一分类 …). The caller adds the action per candidate (at intake: merge on
 * submit; on the detail: 并案 now).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../../shared/features/triage/contract';
import { useQuery } from '../../platform/api/use-query';
import { formatShortDateTime } from '../../platform/format/time';
import { useReference } from '../reference';
import { useDebounced } from './use-debounced';
import './triage.css';

export interface DuplicateBoxProps {
  readonly point: readonly [number, number] | null;
  readonly communityCode: string | null;
  readonly text: string;
  readonly categoryCode: string | null;
  /** The report's address: a picked 部件 is named in it (…（LD-09-0012）). */
  readonly address?: string;
  readonly receivedAt?: number;
  readonly excludeOrderId?: string;
  /** Shown when nothing is found (the detail says so; intake stays quiet). */
  readonly showNone?: boolean;
  readonly action?: (c: DuplicateCandidate) => ReactNode;
}

export function DuplicateBox(props: DuplicateBoxProps) {
  const text = useDebounced(props.text.trim(), 400);
  const address = useDebounced((props.address ?? '').trim(), 400);
  if (!props.point && !props.communityCode) return null;
  if (!text && !props.categoryCode) return null;
  return <Box {...props} text={text} address={address} />;
}

function Box({
  point,
  communityCode,
  text,
  categoryCode,
  address,
  receivedAt,
  excludeOrderId,
  showNone,
  action,
}: DuplicateBoxProps) {
  const { t } = useTranslation();
  const ref = useReference();
  const q = useQuery('triage.duplicates', {
    ...(point ? { point: [point[0], point[1]] as [number, number] } : communityCode ? { communityCode } : {}),
    text,
    ...(categoryCode ? { categoryCode } : {}),
    ...(address ? { address: address.slice(0, 500) } : {}),
    ...(receivedAt ? { receivedAt } : {}),
    ...(excludeOrderId ? { excludeOrderId } : {}),
  });
  if (q.error) return <div className="triage-dup muted small">{t('triage.dup.failed')}</div>;
  const rows = q.data ?? [];
  if (rows.length === 0)
    return showNone && q.data ? (
      <div className="triage-dup triage-dup-none muted small" data-testid="triage-duplicates-none">
        {t('triage.dup.none')}
      </div>
    ) : null;
  return (
    <section className="triage-dup" data-testid="triage-duplicates" aria-label={t('triage.dup.title')}>
      <h4>
        {t('triage.dup.title')} <span className="muted small">{t('triage.dup.hint')}</span>
      </h4>
      <ul>
        {rows.map((c) => (
          <li key={c.orderId} data-testid="triage-duplicate" data-order-id={c.orderId}>
            <div className="triage-dup-head">
              <span className="mono">{c.orderId}</span>
              <span className={`pill ${c.open ? 'triage-open' : ''}`}>
                {c.open ? t('triage.dup.open') : t(`orderStatus.${c.status}`)}
              </span>
              <span className="triage-dup-score mono">
                {t('triage.dup.score', { pct: Math.round(c.score * 100) })}
              </span>
            </div>
            <div className="triage-dup-title">{c.title}</div>
            <div className="muted small">
              {[
                ref.categoryName(c.categoryCode),
                c.address,
                formatShortDateTime(c.receivedAt),
                c.distanceM !== null ? t('triage.dup.meters', { m: c.distanceM }) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
            <div className="triage-reasons">
              {c.reasons.map((r) => (
                <span
                  key={r}
                  className={`triage-reason${r === 'same_asset' ? ' triage-reason-asset' : ''}`}
                  data-reason={r}
                >
                  {r === 'same_asset' && c.assetCode
                    ? t('triage.dup.sameAsset', { code: c.assetCode })
                    : t(`triage.dup.reasons.${r}`)}
                </span>
              ))}
            </div>
            {action?.(c)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** At intake: the box, with "提交后并入此单" per open candidate (a second click undoes it). */
export function IntakeDuplicates(
  props: Omit<DuplicateBoxProps, 'action' | 'showNone'> & {
    readonly mergeInto: string | null;
    readonly onMergeInto: (orderId: string | null) => void;
  },
) {
  const { t } = useTranslation();
  const { mergeInto, onMergeInto, ...box } = props;
  return (
    <DuplicateBox
      {...box}
      action={(c) =>
        c.open ? (
          <button
            type="button"
            className={`btn${mergeInto === c.orderId ? ' btn-primary' : ''}`}
            data-testid="triage-merge-intake"
            aria-pressed={mergeInto === c.orderId}
            onClick={() => onMergeInto(mergeInto === c.orderId ? null : c.orderId)}
          >
            {mergeInto === c.orderId
              ? t('triage.dup.mergeChosen', { id: c.orderId })
              : t('triage.dup.mergeAtIntake')}
          </button>
        ) : null
      }
    />
  );
}
