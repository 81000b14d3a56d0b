/**
 * 定位: the place of an order that came without one (待定位). The street's named places
 * (reference.places: buildings, roads, sites, communities) found by a part of the address; the
 * picked place gives the point, and the core the community and grid.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../../../shared/features/reference/contract';
import { useQuery } from '../../platform/api/use-query';
import { useReference } from '../reference';

interface Props {
  readonly id: string;
  /** The order's address as received: the first search. */
  readonly address: string;
  /** The picked place as JSON ('' while none). */
  readonly value: string;
  readonly invalid: boolean;
  readonly onChange: (placeJson: string) => void;
}

const DEBOUNCE_MS = 250;

/** The picked place of a draft, or null. */
export function parsePlace(json: string): Place | null {
  try {
    const p = JSON.parse(json) as Partial<Place>;
    return typeof p.lng === 'number' && typeof p.lat === 'number' && typeof p.name === 'string'
      ? (p as Place)
      : null;
  } catch {
    return null;
  }
}

/** A search from an address: its first run of letters (劲松中街25号 → 劲松中街). */
function searchFrom(address: string): string {
  const m = /[\p{Script=Han}A-Za-z]{2,}/u.exec(address);
  return m ? m[0].slice(0, 20) : '';
}

export function PlacePicker({ id, address, value, invalid, onChange }: Props) {
  const { t } = useTranslation();
  const ref = useReference();
  const [text, setText] = useState(() => searchFrom(address));
  const [q, setQ] = useState(text);
  useEffect(() => {
    const h = window.setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(h);
  }, [text]);
  const results = useQuery('reference.places', { q: q || '·', limit: 8 });
  const places = q ? (results.data ?? []) : [];
  const picked = parsePlace(value);
  return (
    <div className="merge-picker" aria-invalid={invalid}>
      <input
        id={id}
        type="search"
        data-testid="place-search"
        value={text}
        maxLength={40}
        placeholder={t('desk.place.search')}
        onChange={(e) => setText(e.target.value)}
      />
      <ul className="merge-list" role="radiogroup" aria-label={t('desk.place.results')}>
        {places.map((p) => {
          const json = JSON.stringify(p);
          return (
            <li key={`${p.kind}-${p.name}-${p.lng}`}>
              <label>
                <input
                  type="radio"
                  name={`${id}-place`}
                  data-testid="place-candidate"
                  checked={picked !== null && picked.name === p.name && picked.lng === p.lng}
                  onChange={() => onChange(json)}
                />
                <span className="merge-title">{p.name}</span>
                <span className="muted">
                  {t(`desk.place.kind.${p.kind}`)}
                  {p.communityCode ? ` · ${ref.communityName(p.communityCode)}` : ''}
                  {p.gridCode ? ` · ${ref.gridName(p.gridCode)}` : ''}
                </span>
              </label>
            </li>
          );
        })}
        {q && results.data && places.length === 0 && <li className="muted">{t('desk.place.none')}</li>}
      </ul>
    </div>
  );
}
