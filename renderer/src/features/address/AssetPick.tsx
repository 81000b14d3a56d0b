/**
 * 部件 at intake: the street's assets (GB/T 30428 城市部件) near the form's point, nearest first;
 * picking one puts the point on it, names it in the address (with its code, which the duplicate
 * finder reads), and offers the categories a report about that kind belongs to (路灯 → 路灯不亮).
 * Open orders on the same asset show in the intake's one 可能重复 list (reason 同一部件, triage).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetHit } from '../../../../shared/features/assets/contract';
import type { LngLat } from '../../../../shared/features/reference/jurisdiction';
import { useQuery } from '../../platform/api/use-query';
import { useReference } from '../reference';
import './address.css';

export interface AssetPickProps {
  readonly point: LngLat | null;
  readonly categoryCode: string | null;
  readonly onPick: (asset: AssetHit, address: string) => void;
  readonly onCategory: (code: string, name: string) => void;
}

/** How an asset is named in an order's address: 劲松中街路灯12号（LD-09-0012）. */
export function assetAddress(a: Pick<AssetHit, 'name' | 'code'>): string {
  return `${a.name}（${a.code}）`;
}

export function AssetPick({ point, categoryCode, onPick, onCategory }: AssetPickProps) {
  const [picked, setPicked] = useState<AssetHit | null>(null);
  if (!point) return null;
  return (
    <Near
      point={point}
      picked={picked}
      categoryCode={categoryCode}
      onPick={(a) => {
        setPicked(a);
        onPick(a, assetAddress(a));
      }}
      onCategory={onCategory}
    />
  );
}

function Near({
  point,
  picked,
  categoryCode,
  onPick,
  onCategory,
}: {
  readonly point: LngLat;
  readonly picked: AssetHit | null;
  readonly categoryCode: string | null;
  readonly onPick: (a: AssetHit) => void;
  readonly onCategory: (code: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const q = useQuery('assets.find', { point: [point[0], point[1]], radiusM: 60, limit: 6 });
  const list = q.data ?? [];
  const isPicked = (a: AssetHit) => picked !== null && picked.code === a.code;
  return (
    <section className="asset-pick" data-testid="asset-pick" aria-label={t('address.asset.title')}>
      <h4>{t('address.asset.title')}</h4>
      {q.error && <p className="muted small">{t('address.asset.failed')}</p>}
      {q.data && list.length === 0 && <p className="muted small">{t('address.asset.none')}</p>}
      <ul className="asset-list">
        {list.map((a) => (
          <li key={a.code}>
            <button
              type="button"
              className={`asset-item${isPicked(a) ? ' picked' : ''}`}
              data-testid="asset-item"
              data-kind={a.kind}
              aria-pressed={isPicked(a)}
              onClick={() => onPick(a)}
            >
              <span className="pill">{t(`address.asset.kind.${a.kind}`)}</span>
              <span className="asset-name">{a.name}</span>
              <span className="muted mono small">
                {a.code}
                {a.distanceM !== null ? ` · ${t('address.asset.metres', { m: a.distanceM })}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {picked && picked.categoryCodes.length > 0 && (
        <div className="asset-cats" data-testid="asset-categories">
          <span className="muted small">{t('address.asset.suggest')}</span>
          {picked.categoryCodes.map((c) => (
            <button
              key={c}
              type="button"
              className={`triage-chip${categoryCode === c ? ' picked' : ''}`}
              data-testid="asset-category"
              aria-pressed={categoryCode === c}
              title={ref.categoryPath(c)}
              onClick={() => onCategory(c, ref.categoryName(c))}
            >
              {ref.categoryName(c)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
