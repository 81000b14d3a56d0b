/**
 * Brings the map's layers in line with freshly built specs, property by property: what changed
 * is set, the rest is left alone. Used when the screen's scale changes (a window maximised onto a
 * 4K wall after start-up): label sizes, offsets and point radii are built from the root font size.
 * Visibility stays as the legend's toggles left it.
 */
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';

type Props = Record<string, unknown>;
type LayoutKey = Parameters<MapLibreMap['setLayoutProperty']>[1];
type PaintKey = Parameters<MapLibreMap['setPaintProperty']>[1];
type LayoutValue = Parameters<MapLibreMap['setLayoutProperty']>[2];
type PaintValue = Parameters<MapLibreMap['setPaintProperty']>[2];

export function syncLayers(map: MapLibreMap, specs: readonly LayerSpecification[]): number {
  let changed = 0;
  for (const spec of specs) {
    if (!map.getLayer(spec.id)) continue;
    const layout = ('layout' in spec ? spec.layout : undefined) as Props | undefined;
    const paint = ('paint' in spec ? spec.paint : undefined) as Props | undefined;
    for (const [name, value] of Object.entries(layout ?? {})) {
      const key = name as LayoutKey;
      if (name === 'visibility') continue;
      if (JSON.stringify(map.getLayoutProperty(spec.id, key)) === JSON.stringify(value)) continue;
      map.setLayoutProperty(spec.id, key, value as LayoutValue);
      changed++;
    }
    for (const [name, value] of Object.entries(paint ?? {})) {
      const key = name as PaintKey;
      if (name.endsWith('-transition')) continue;
      if (JSON.stringify(map.getPaintProperty(spec.id, key)) === JSON.stringify(value)) continue;
      map.setPaintProperty(spec.id, key, value as PaintValue);
      changed++;
    }
  }
  return changed;
}
