/**
 * The 现场力量 layers (features/field): the latest reported position of grid workers (teal) and
 * party members on duty (pink), white-ringed like a person marker; positions older than the fade
 * age (`faded`) are drawn in dim colours with a grey ring; labels give name, role and age.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { circlePaint } from './shared-shaders';

export function fieldLayers(px: (n: number) => number, haloColour: string): LayerSpecification[] {
  return [
    {
      id: 'field-points',
      type: 'circle',
      source: 'ov-field',
      metadata: { group: 'field' as const },
      minzoom: 13,
      paint: circlePaint({
        // Faded by colour, not opacity: a per-feature opacity would cost the wall a shader of its own.
        'circle-color': [
          'case',
          ['==', ['get', 'faded'], 1],
          ['match', ['get', 'role'], 'party_member', '#7d5272', '#3b6f63'],
          ['match', ['get', 'role'], 'party_member', '#f472d0', '#36e0b0'],
        ] as unknown as string,
        'circle-radius': px(4.5),
        'circle-stroke-color': [
          'case',
          ['==', ['get', 'faded'], 1],
          '#7d8a99',
          '#ffffff',
        ] as unknown as string,
        'circle-stroke-width': 1.5,
      }),
    },
    {
      id: 'field-labels',
      type: 'symbol',
      source: 'ov-field',
      metadata: { group: 'field' as const },
      minzoom: 15.5,
      layout: {
        'text-field': ['get', 'label'] as unknown as string,
        'text-size': px(11),
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
      },
      paint: {
        'text-color': '#c9fff0',
        'text-halo-color': haloColour,
        'text-halo-width': 1.4,
      },
    },
  ] as LayerSpecification[];
}
