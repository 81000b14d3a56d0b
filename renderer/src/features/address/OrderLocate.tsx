/**
 * 待定位 on the order detail: what the matcher said (自动定位 with its confidence, or its best
 * guess below the threshold), and a small map of the street: a click puts the pin, 确认定位
 * writes the `located` event (community and grid follow from the point). An auto-located order
 * shows its confidence only.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AddressMatch } from '../../../../shared/features/address/match';
import type { WorkOrder } from '../../../../shared/features/orders/order';
import type { LngLat } from '../../../../shared/features/reference/jurisdiction';
import { pointInRing } from '../../../../shared/features/reference/spatial';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { MiniMap } from '../intake';
import { useReference } from '../reference';
import { matchLabel } from './AddressMatchHint';
import './address.css';

const PLACEABLE = ['received', 'dispatched', 'in_progress', 'return_requested', 'replied', 'suspended'];

export function OrderLocate({ order: o }: { readonly order: WorkOrder }) {
  const { t } = useTranslation();
  const g = useQuery('address.geocode', { orderId: o.id });
  const geo = g.data?.geocode ?? null;
  if (o.lng !== null) {
    if (!geo || geo.status !== 'auto' || !geo.match) return null;
    return (
      <p className="addr-auto muted small" data-testid="address-auto">
        {t('address.locate.auto', {
          pct: Math.round(geo.confidence * 100),
          name: matchLabel(geo.match, t),
        })}
      </p>
    );
  }
  if (!PLACEABLE.includes(o.status)) return null;
  return <Picker order={o} geo={geo} />;
}

function Picker({
  order: o,
  geo,
}: {
  readonly order: WorkOrder;
  readonly geo: {
    readonly confidence: number;
    readonly match: AddressMatch | null;
  } | null;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const snap = ref.snapshot;
  const act = useMutation('orders.act');
  const live = useQuery('address.match', { text: o.address.trim() || '·', limit: 1 });
  const guess = geo?.match ?? (o.address.trim() ? (live.data?.candidates[0] ?? null) : null);
  const [pt, setPt] = useState<LngLat | null>(null);
  if (!snap) return null;
  const grid = pt ? snap.grids.find((x) => pointInRing(pt, x.boundary)) : undefined;
  const community = pt ? snap.communities.find((x) => pointInRing(pt, x.boundary)) : undefined;
  const where = [community?.name, grid?.name].filter(Boolean).join(' · ');
  const pct = Math.round((geo?.confidence ?? guess?.confidence ?? 0) * 100);
  return (
    <section className="addr-locate" data-testid="address-locate" aria-labelledby={`addr-locate-${o.id}`}>
      <h3 id={`addr-locate-${o.id}`}>{t('address.locate.title')}</h3>
      <p className="addr-locate-status" role="status">
        {guess ? t('address.locate.pending', { pct }) : t('address.locate.pendingNone')}
      </p>
      {guess && (
        <p className="small">
          {t('address.locate.guess', {
            name: matchLabel(guess, t),
            pct: Math.round(guess.confidence * 100),
          })}{' '}
          <button
            type="button"
            className="btn"
            data-testid="address-locate-guess"
            onClick={() => setPt([guess.lng, guess.lat])}
          >
            {t('address.locate.useGuess')}
          </button>
        </p>
      )}
      <div className="addr-locate-map">
        <MiniMap
          boundary={snap.street.boundary}
          communities={snap.communities}
          grids={snap.grids}
          point={pt}
          gridCode={grid?.code ?? null}
          communityCode={community?.code ?? null}
          onPick={setPt}
        />
      </div>
      <p className="muted small" data-testid="address-locate-picked">
        {pt
          ? where
            ? t('address.locate.picked', { where })
            : t('address.locate.outside')
          : t('address.locate.hint')}
      </p>
      <button
        type="button"
        className="btn primary"
        data-testid="address-locate-confirm"
        disabled={!pt || !where || act.busy}
        onClick={() => {
          if (!pt) return;
          act
            .run({
              orderId: o.id,
              expectedVersion: o.version,
              action: { type: 'located', payload: { lng: pt[0], lat: pt[1] } },
            })
            .catch(() => undefined);
        }}
      >
        {act.busy ? t('address.locate.saving') : t('address.locate.confirm')}
      </button>
      {act.error && (
        <div className="auth-error" role="alert">
          {errorText(act.error, t)}
        </div>
      )}
    </section>
  );
}
