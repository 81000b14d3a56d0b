/**
 * Who is near a place (a whistle's meeting point): grid workers and party members on duty with
 * their latest position inside the radius, nearest first, with distance and the position's age.
 */
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../platform/api/use-query';
import { errorText } from '../../platform/api/error-text';
import { formatAge, type Translate } from './field-data';
import { useFieldClock } from './use-field-clock';
import './field.css';

export interface FieldNearListProps {
  readonly lng: number;
  readonly lat: number;
  /** Metres (default 1500). */
  readonly radiusM?: number;
}

export function FieldNearList({ lng, lat, radiusM = 1500 }: FieldNearListProps) {
  const { t } = useTranslation();
  const tr: Translate = (key, vars) => t(key, vars ?? {});
  const near = useQuery('field.near', { lng, lat, radiusM, limit: 15 });
  const positions = useQuery('field.positions', {});
  const now = useFieldClock(positions.data?.asOf);
  const fade = positions.data?.settings.fadeMinutes ?? 10;
  return (
    <section className="field-near" data-testid="field-near">
      <h4>{t('field.near.title', { radius: radiusM })}</h4>
      {near.error && <p className="form-error">{errorText(near.error, t)}</p>}
      {near.data && near.data.length === 0 && <p className="muted">{t('field.near.none')}</p>}
      {near.data && near.data.length > 0 && (
        <ol className="field-near-list">
          {near.data.map((p) => {
            const age = now - p.at;
            return (
              <li
                key={p.personId}
                data-testid="field-near-row"
                data-faded={age > fade * 60_000 ? 'true' : undefined}
              >
                <span className={`field-dot field-dot-${p.role}`} aria-hidden="true" />
                <span className="field-near-name">{p.name}</span>
                <span className="muted">{t(`field.role.${p.role}`)}</span>
                <span className="field-near-dist">{t('field.near.distance', { m: p.distanceM })}</span>
                <span className="muted">{formatAge(age, tr)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
