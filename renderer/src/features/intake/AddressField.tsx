/**
 * The address box: free text, with suggestions from the street's named places as one types —
 * the core's `reference.places` (buildings, roads, sites, communities), then the grids. Choosing
 * one fills the text and, when the place has one, the point or the area.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../platform/api/client';
import { fromServerPlace, mergePlaces, suggestPlaces, type Place } from './places';

const ASK_DELAY_MS = 120;

/** The core's places for the text, asked shortly after typing stops; [] while none came. */
function useServerPlaces(text: string): readonly Place[] {
  const q = text.trim().slice(0, 40);
  const [got, setGot] = useState<{ q: string; places: readonly Place[] }>({ q: '', places: [] });
  useEffect(() => {
    if (q === '') return;
    let live = true;
    const id = window.setTimeout(() => {
      call('reference.places', { q, limit: 8 }).then(
        (rows) => {
          if (live) setGot({ q, places: rows.map(fromServerPlace) });
        },
        // Suggestions are a help: without them the box is still a text box.
        () => undefined,
      );
    }, ASK_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(id);
    };
  }, [q]);
  // The last answer stays while the next is asked (no flicker), but never for an empty box.
  return q === '' ? [] : got.places;
}

export interface AddressFieldProps {
  /** Local places (the snapshot's grids), suggested after the core's. */
  readonly places: readonly Place[];
  readonly value: string;
  readonly onText: (text: string) => void;
  readonly onChoose: (place: Place) => void;
  readonly communityName: (code: string | null) => string;
  readonly error?: string | undefined;
}

export function AddressField({ places, value, onText, onChoose, communityName, error }: AddressFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const server = useServerPlaces(value);
  const hits = useMemo(
    () => mergePlaces(suggestPlaces(server, value, 8), suggestPlaces(places, value, 8), 8),
    [server, places, value],
  );
  const showList = open && hits.length > 0;
  const activeHit = showList ? hits[Math.min(active, hits.length - 1)] : undefined;

  const choose = (p: Place) => {
    onChoose(p);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!showList) {
        setOpen(true);
        setActive(0);
        return;
      }
      const n = hits.length;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === 'Enter' && showList && activeHit) {
      e.preventDefault();
      choose(activeHit);
    } else if (e.key === 'Escape' && showList) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="intake-field addr-field">
      <label htmlFor={`${id}-input`}>{t('intake.field.address')}</label>
      <div className="cat-box">
        <input
          id={`${id}-input`}
          name="address"
          data-testid="intake-address"
          role="combobox"
          aria-expanded={showList}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={activeHit ? `${id}-${hits.indexOf(activeHit)}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error`}
          autoComplete="off"
          maxLength={300}
          placeholder={t('intake.address.placeholder')}
          value={value}
          onChange={(e) => {
            onText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {showList && (
          <ul className="cat-list" id={`${id}-list`} role="listbox" data-testid="intake-address-list">
            {hits.map((p, i) => (
              <li
                key={`${p.kind}:${p.name}:${i}`}
                id={`${id}-${i}`}
                role="option"
                aria-selected={p === activeHit}
                className={`cat-option${p === activeHit ? ' active' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(p);
                }}
              >
                <span className="cat-name">{p.name}</span>
                <span className="cat-path muted">
                  {t(`intake.address.kind.${p.kind}`)}
                  {p.communityCode && p.kind !== 'community' ? ` · ${communityName(p.communityCode)}` : ''}
                </span>
                {p.point && <span className="pill cat-badge">{t('intake.address.hasPoint')}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <span className="field-error" id={`${id}-error`} role={error ? 'alert' : undefined}>
        {error ?? ''}
      </span>
    </div>
  );
}
