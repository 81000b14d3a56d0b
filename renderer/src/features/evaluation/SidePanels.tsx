/** 评估反馈's side lists: 不满意风险预警 (open orders at risk, why) and 排名推演 (awaited call-backs). */
import { useTranslation } from 'react-i18next';
import type { RiskRow, WhatIf } from '../../../../shared/contract/index';
import { percent } from '../../platform/format/time';
import { useReference } from '../reference';

export function RiskList({
  rows,
  onOpen,
}: {
  readonly rows: readonly RiskRow[];
  readonly onOpen?: ((orderId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  if (rows.length === 0) return <p className="muted">{t('evaluation.risk.none')}</p>;
  return (
    <ol className="eval-risk" data-testid="eval-risk">
      {rows.map((r) => (
        <li
          key={r.orderId}
          data-testid="risk-row"
          className={onOpen ? 'clickable' : undefined}
          tabIndex={onOpen ? 0 : undefined}
          onClick={onOpen ? () => onOpen(r.orderId) : undefined}
          onKeyDown={onOpen ? (e) => e.key === 'Enter' && onOpen(r.orderId) : undefined}
        >
          <div className="risk-head">
            <span className={`risk-score ${r.score >= 0.5 ? 'high' : 'mid'}`}>
              {t('evaluation.risk.score', { v: Math.round(r.score * 100) })}
            </span>
            <span className="risk-title">{r.title}</span>
          </div>
          <div className="risk-meta muted">
            {r.orderId} · {ref.unitName(r.unitId)} · {ref.communityName(r.communityCode)}
          </div>
          <div className="risk-reasons">
            {r.reasons.map((x) => (
              <span key={x.code} className={`pill reason-${x.code}`}>
                {t(`evaluation.risk.reason.${x.code}`, { n: x.n ?? 0, rate: percent(x.rate ?? null) ?? '' })}
              </span>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}

const pts = (v: number | null) => (v === null ? '—' : (v * 100).toFixed(1));
const signed = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(2)}`;

export function WhatIfList({ data }: { readonly data: WhatIf }) {
  const { t } = useTranslation();
  const ref = useReference();
  if (data.pending === 0) return <p className="muted">{t('evaluation.whatIf.none')}</p>;
  return (
    <div data-testid="eval-whatif">
      <p className="eval-note">
        {t('evaluation.whatIf.pending', {
          n: data.pending,
          best: pts(data.streetAllSatisfied),
          worst: pts(data.streetAllUnsatisfied),
          now: pts(data.street),
        })}
      </p>
      <table className="data-table eval-whatif">
        <thead>
          <tr>
            <th>{t('evaluation.whatIf.order')}</th>
            <th>{t('evaluation.whatIf.unit')}</th>
            <th>{t('evaluation.whatIf.ifSat')}</th>
            <th>{t('evaluation.whatIf.ifUnsat')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.orderId} data-testid="whatif-row">
              <td className="name" title={r.orderId}>
                {r.title}
              </td>
              <td>{ref.unitName(r.unitId)}</td>
              <td className="pos">
                {t('evaluation.whatIf.rankTo', { from: r.rank ?? '—', to: r.rankIfSatisfied })}
                <div className="muted">
                  {t('evaluation.whatIf.street', { d: signed(r.streetIfSatisfied) })}
                </div>
              </td>
              <td className="neg">
                {t('evaluation.whatIf.rankTo', { from: r.rank ?? '—', to: r.rankIfUnsatisfied })}
                <div className="muted">
                  {t('evaluation.whatIf.street', { d: signed(r.streetIfUnsatisfied) })}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
