/**
 * 地址匹配 at intake: under the address box, the street gazetteer's best point for the typed
 * address (debounced), with its basis and confidence; a person confirms it with one click (the
 * point goes on the form's map as if clicked there). Nothing is placed without that click.
 */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AddressMatch } from '../../../../shared/features/address/match';
import type { LngLat } from '../../../../shared/features/reference/jurisdiction';
import { useQuery } from '../../platform/api/use-query';
import './address.css';

export interface AddressMatchHintProps {
  readonly text: string;
  /** The form's point now: the match shows as used when it is the same. */
  readonly point: LngLat | null;
  readonly onUse: (pt: LngLat) => void;
}

const DEBOUNCE_MS = 300;
const ASSET_IN_ADDRESS = /（[A-Za-z0-9][A-Za-z0-9_.-]*）$/;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** "劲松中街25号 · 道路门牌 · 东南角": what was matched, in words. */
export function matchLabel(m: AddressMatch, t: TFunction): string {
  return [
    `${m.name}${m.number !== null && m.basis === 'road_number' ? t('address.match.number', { n: m.number }) : ''}`,
    t(`address.basis.${m.basis}`),
    m.direction ? t(`address.direction.${m.direction}`) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

export function AddressMatchHint(props: AddressMatchHintProps) {
  const text = useDebounced(props.text.trim(), DEBOUNCE_MS);
  // An asset picked from the list names its own exact point (…（LD-09-0012）).
  if (text.length < 2 || ASSET_IN_ADDRESS.test(text)) return null;
  return <Hint {...props} text={text} />;
}

function Hint({ text, point, onUse }: AddressMatchHintProps) {
  const { t } = useTranslation();
  const q = useQuery('address.match', { text, limit: 1 });
  if (q.error) return <div className="addr-match muted small">{t('address.match.failed')}</div>;
  if (!q.data) return null;
  const best = q.data.candidates[0];
  if (!best)
    return (
      <div className="addr-match muted small" data-testid="address-match-none">
        {t('address.match.none')}
      </div>
    );
  const pct = Math.round(best.confidence * 100);
  const sure = best.confidence >= q.data.threshold;
  const used = point !== null && Math.abs(point[0] - best.lng) < 1e-7 && Math.abs(point[1] - best.lat) < 1e-7;
  return (
    <div className="addr-match" data-testid="address-match" aria-live="polite">
      <span className="addr-match-label">{t('address.match.title')}</span>
      <span className="addr-match-name" data-testid="address-match-name">
        {matchLabel(best, t)}
      </span>
      <span className={`pill addr-pct ${sure ? 'sure' : 'unsure'}`} data-testid="address-match-pct">
        {t('address.match.pct', { pct })}
      </span>
      {used ? (
        <span className="muted small">{t('address.match.used')}</span>
      ) : (
        <button
          type="button"
          className="btn"
          data-testid="address-match-use"
          onClick={() => onUse([best.lng, best.lat])}
        >
          {t('address.match.use')}
        </button>
      )}
      {!sure && <span className="muted small addr-match-low">{t('address.match.low')}</span>}
    </div>
  );
}
