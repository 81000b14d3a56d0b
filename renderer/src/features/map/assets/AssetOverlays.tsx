/** What the 城市部件 layer adds over the map: the box query, a notice when capped, the clicked asset's card. */
import { useTranslation } from 'react-i18next';
import { AssetCard } from './AssetCard';
import { AssetsInView } from './AssetsInView';
import type { AssetLayerState } from './use-asset-layer';

export function AssetOverlays({
  layer,
  on,
  onOpenOrder,
}: {
  readonly layer: AssetLayerState;
  /** The legend's 城市部件 toggle. */
  readonly on: boolean;
  readonly onOpenOrder?: ((orderId: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      {on && layer.box && <AssetsInView box={layer.box} onData={layer.setView} />}
      {on && layer.box && layer.view?.truncated && (
        <div className="awareness-map-notice" role="status">
          {t('map.assets.truncated', { n: layer.view.assets.length })}
        </div>
      )}
      {on && layer.picked && (
        <AssetCard code={layer.picked} onClose={() => layer.pick(null)} onOpenOrder={onOpenOrder} />
      )}
    </>
  );
}
