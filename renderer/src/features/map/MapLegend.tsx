/** The map's legend: what each colour means, and a checkbox per layer group (keyboard-accessible). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSET_KIND_KEYS } from '../../../../shared/features/assets/kinds';
import { LAYER_GROUPS, type LayerGroup } from './map-layers';
import { ASSET_COLOURS } from './assets/asset-data';

export interface MapLegendProps {
  readonly visible: Record<LayerGroup, boolean>;
  readonly onToggle: (group: LayerGroup, on: boolean) => void;
  /** The 现场力量 rule in words (fade / hide ages), the field row's tooltip. */
  readonly fieldRule?: string;
  /** The 城市部件 kinds' key: while the layer is on and drawn (zoomed in far enough). */
  readonly showAssetKinds?: boolean;
  /** Shown to administrators: opens the map settings. */
  readonly onOpenSettings?: () => void;
}

const SWATCH: Record<LayerGroup, string> = {
  boundaries: 'map-sw-boundary',
  load: 'map-sw-load',
  orders: 'map-sw-order',
  iot: 'map-sw-iot',
  units: 'map-sw-unit',
  workers: 'map-sw-worker',
  field: 'map-sw-field',
  party: 'map-sw-party',
  assets: 'map-sw-asset',
};

export function MapLegend({ visible, onToggle, fieldRule, showAssetKinds, onOpenSettings }: MapLegendProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  return (
    <div className="map-legend" data-testid="map-legend">
      <div className="map-legend-head">
        <button
          type="button"
          className="map-legend-fold"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {t('map.legend')}
        </button>
        {onOpenSettings && (
          <button
            type="button"
            className="btn map-settings-open"
            onClick={onOpenSettings}
            data-testid="map-settings-open"
          >
            {t('map.settings.open')}
          </button>
        )}
      </div>
      {open && (
        <>
          <fieldset className="map-legend-groups">
            <legend className="map-legend-title">{t('map.layers')}</legend>
            {LAYER_GROUPS.map((g) => (
              <label
                key={g}
                className="map-legend-row"
                title={g === 'field' ? fieldRule : g === 'assets' ? t('map.assets.rule') : undefined}
                data-testid={`map-legend-${g}`}
              >
                <input
                  type="checkbox"
                  checked={visible[g]}
                  onChange={(e) => onToggle(g, e.currentTarget.checked)}
                  data-testid={`map-toggle-${g}`}
                />
                <span className={`map-sw ${SWATCH[g]}`} aria-hidden="true" />
                {t(`map.groups.${g}`)}
              </label>
            ))}
          </fieldset>
          {visible.assets && showAssetKinds && (
            <ul
              className="map-legend-assets"
              data-testid="map-legend-asset-kinds"
              title={t('map.assets.rule')}
            >
              {ASSET_KIND_KEYS.map((k) => (
                <li key={k}>
                  <span
                    className="map-asset-glyph"
                    style={{ background: ASSET_COLOURS[k] }}
                    aria-hidden="true"
                  >
                    {t(`map.assets.glyph.${k}`)}
                  </span>
                  {t(`map.assets.kinds.${k}`)}
                </li>
              ))}
              <li>
                <span className="map-asset-glyph map-asset-glyph-open" aria-hidden="true" />
                {t('map.assets.openRing')}
              </li>
            </ul>
          )}
          <ul className="map-legend-keys">
            {(['P0', 'P1', 'P2', 'P3'] as const).map((u) => (
              <li key={u}>
                <span className={`map-sw map-sw-dot map-sw-${u}`} aria-hidden="true" />
                {t(`map.urgency.${u}`)}
              </li>
            ))}
            <li>
              <span className="map-sw map-sw-dot map-sw-overdue" aria-hidden="true" />
              {t('map.overdueLegend')}
            </li>
            <li>
              <span className="map-sw map-sw-dot map-sw-cluster" aria-hidden="true" />
              {t('map.cluster')}
            </li>
            {(['received', 'dispatched', 'in_progress', 'return_requested', 'replied'] as const).map((s) => (
              <li key={s}>
                <span className={`map-sw map-sw-ring map-sw-ring-${s}`} aria-hidden="true" />
                {t(`map.status.${s}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
