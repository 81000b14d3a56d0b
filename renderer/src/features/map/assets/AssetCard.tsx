/**
 * The 部件 card: what a click on an asset shows — its kind, code, name and place, the categories
 * a report about it belongs to, and the open orders on it (同一部件), each with a link to the
 * dispatch desk when the screen has one (not on a public wall).
 */
import { useTranslation } from 'react-i18next';
import type { AssetKind } from '../../../../../shared/features/assets/kinds';
import { errorText } from '../../../platform/api/error-text';
import { useQuery } from '../../../platform/api/use-query';
import { formatShortDateTime } from '../../../platform/format/time';
import { useReference } from '../../reference';
import { ASSET_COLOURS } from './asset-data';

export interface AssetCardProps {
  readonly code: string;
  readonly onClose: () => void;
  readonly onOpenOrder?: ((orderId: string) => void) | undefined;
}

export function AssetCard({ code, onClose, onOpenOrder }: AssetCardProps) {
  const { t } = useTranslation();
  const ref = useReference();
  const q = useQuery('assets.card', { code });
  const card = q.data;
  const kind: AssetKind | null = card?.asset.kind ?? null;
  const place = card ? [card.communityName, card.gridName].filter((x) => x).join(' · ') : '';
  return (
    <section className="map-asset-card" data-testid="map-asset-card" aria-label={t('map.assets.card')}>
      <header className="map-asset-card-head">
        {kind && (
          <span className="map-asset-glyph" style={{ background: ASSET_COLOURS[kind] }} aria-hidden="true">
            {t(`map.assets.glyph.${kind}`)}
          </span>
        )}
        <h3 className="map-asset-card-title">
          {kind ? t(`map.assets.kinds.${kind}`) : t('map.assets.card')}
          <span className="map-asset-code" data-testid="map-asset-code">
            {code}
          </span>
        </h3>
        <button
          type="button"
          className="map-asset-close"
          onClick={onClose}
          aria-label={t('map.assets.close')}
        >
          ×
        </button>
      </header>
      {q.error && (
        <p className="form-error" role="alert">
          {errorText(q.error, t)}
        </p>
      )}
      {!card && !q.error && <p className="map-asset-dim">{t('map.loading')}</p>}
      {card && (
        <>
          <dl className="map-asset-rows">
            <dt>{t('map.assets.name')}</dt>
            <dd>{card.asset.name}</dd>
            {card.asset.road && (
              <>
                <dt>{t('map.assets.road')}</dt>
                <dd>{card.asset.road}</dd>
              </>
            )}
            {place && (
              <>
                <dt>{t('map.assets.place')}</dt>
                <dd>{place}</dd>
              </>
            )}
            {card.categoryCodes.length > 0 && (
              <>
                <dt>{t('map.assets.categories')}</dt>
                <dd>{card.categoryCodes.map((c) => ref.categoryName(c)).join('、')}</dd>
              </>
            )}
          </dl>
          <h4 className="map-asset-orders-title">{t('map.assets.openOrders', { n: card.openTotal })}</h4>
          {card.orders.length === 0 ? (
            <p className="map-asset-dim" data-testid="map-asset-no-orders">
              {t('map.assets.noOrders')}
            </p>
          ) : (
            <ul className="map-asset-orders">
              {card.orders.map((o) => (
                <li key={o.orderId} className="map-asset-order" data-testid="map-asset-order">
                  <div className="map-asset-order-title">{o.title}</div>
                  <div className="map-asset-dim">
                    {t(`map.urgency.${o.urgency}`)} · {t(`map.status.${o.status}`)} ·{' '}
                    {formatShortDateTime(o.receivedAt)}
                    {o.overdue && <span className="map-asset-overdue"> · {t('map.overdue')}</span>}
                  </div>
                  {onOpenOrder && (
                    <button
                      type="button"
                      className="btn map-asset-open"
                      onClick={() => onOpenOrder(o.orderId)}
                      data-testid="map-asset-open-order"
                    >
                      {t('map.assets.openInDesk')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {card.openTotal > card.orders.length && (
            <p className="map-asset-dim">
              {t('map.assets.more', { n: card.openTotal - card.orders.length })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
