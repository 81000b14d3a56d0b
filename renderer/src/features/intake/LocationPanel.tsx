/**
 * The order's place on the side of the form: the small map to pick a point, and what the core
 * will assign — the community and grid the point falls in, an area chosen from a suggestion, or
 * 待定位 (an address without a point, placed later).
 */
import { useTranslation } from 'react-i18next';
import type { ReferenceSnapshot } from '../../../../shared/contract/index';
import type { LngLat } from '../../../../shared/features/reference/jurisdiction';
import { MiniMap } from './MiniMap';
import type { Located } from './places';

export interface LocationPanelProps {
  readonly snapshot: ReferenceSnapshot;
  readonly point: LngLat | null;
  readonly located: Located;
  /** An area (community/grid) chosen without a point. */
  readonly hasArea: boolean;
  readonly onPick: (pt: LngLat | null) => void;
  readonly onClear: () => void;
  readonly communityName: (code: string | null) => string;
  readonly gridName: (code: string | null) => string;
}

export function LocationPanel(p: LocationPanelProps) {
  const { t } = useTranslation();
  const { point, located } = p;
  const where = [p.communityName(located.communityCode), p.gridName(located.gridCode)]
    .filter(Boolean)
    .join(' · ');
  let line: string;
  if (point) line = where ? t('intake.location.point', { where }) : t('intake.location.outside');
  else if (p.hasArea) line = t('intake.location.area', { where });
  else line = t('intake.location.none');
  return (
    <section className="intake-location" aria-labelledby="intake-location-title">
      <div className="il-head">
        <h3 id="intake-location-title">{t('intake.location.title')}</h3>
        {(point || p.hasArea) && (
          <button type="button" className="btn" data-testid="intake-location-clear" onClick={p.onClear}>
            {t('intake.location.clear')}
          </button>
        )}
      </div>
      <MiniMap
        boundary={p.snapshot.street.boundary}
        communities={p.snapshot.communities}
        grids={p.snapshot.grids}
        point={point}
        gridCode={located.gridCode}
        communityCode={located.communityCode}
        onPick={p.onPick}
      />
      <p className={`il-line${point && !where ? ' warn' : ''}`} data-testid="intake-location" role="status">
        {line}
      </p>
      {point && (
        <p className="muted small mono" data-testid="intake-point">
          {point[0].toFixed(6)}, {point[1].toFixed(6)}
        </p>
      )}
      <p className="muted small">{t('intake.map.hint')}</p>
    </section>
  );
}
