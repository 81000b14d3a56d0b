/**
 * The 城市部件 layer's state on the awareness map: the view's box once zoomed in far enough, the
 * assets the core answered for it (as map points), and the asset whose card is open.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AssetsInBoxView } from '../../../../../shared/features/assets/contract';
import type { AssetKind } from '../../../../../shared/features/assets/kinds';
import { assetBoxFor, assetPoints, sameBox, type AssetBox } from './asset-data';

export interface AssetLayerState {
  /** The view's box at zoom ≥ 16, else null (nothing is asked, nothing drawn). */
  readonly box: AssetBox | null;
  readonly view: AssetsInBoxView | undefined;
  readonly fc: ReturnType<typeof assetPoints>;
  readonly picked: string | null;
  setView(view: AssetsInBoxView): void;
  pick(code: string | null): void;
  /** Follows the map's camera: the box is recomputed whenever the map settles. */
  watch(map: MapLibreMap): void;
}

export function useAssetLayer(): AssetLayerState {
  const { t } = useTranslation();
  const [box, setBox] = useState<AssetBox | null>(null);
  const [view, setView] = useState<AssetsInBoxView | undefined>(undefined);
  const [picked, pick] = useState<string | null>(null);
  // Apart from the other sources: the view's box changes with every pan at high zoom.
  const fc = useMemo(
    () =>
      assetPoints(
        view,
        (k: AssetKind) => t(`map.assets.glyph.${k}`),
        (k: AssetKind) => t(`map.assets.kinds.${k}`),
      ),
    [view, t],
  );
  const watch = useCallback((m: MapLibreMap) => {
    const onMoveEnd = () => {
      const b = m.getBounds();
      const next = assetBoxFor(m.getZoom(), {
        minLng: b.getWest(),
        minLat: b.getSouth(),
        maxLng: b.getEast(),
        maxLat: b.getNorth(),
      });
      setBox((prev) => (sameBox(prev, next) ? prev : next));
    };
    m.on('moveend', onMoveEnd);
    m.on('load', onMoveEnd);
  }, []);
  return { box, view, fc, picked, setView, pick, watch };
}
