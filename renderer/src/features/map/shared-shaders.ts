/**
 * Paint values written so that every layer of one type draws with one shader. MapLibre compiles a
 * shader per layer type and per combination of constant, per-feature and per-zoom paint values;
 * without a GPU (SwiftShader: wall PCs without a driver, this project's CI) each shader is compiled
 * for the CPU on first use, ~80 ms apiece inside the map's first frame, and every new WebGL context
 * compiles them again. Writing a constant as a per-feature expression draws exactly the same and
 * lets, say, all eight circle layers share the order points' shader: 15 shaders → 9 on the wall.
 *
 * A per-feature value must not be animated with setPaintProperty: changing it makes MapLibre lay
 * the source's tiles out again. Animate the constant ones (opacity) instead.
 */
import type { CircleLayerSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';

type Expression = readonly unknown[];
type CirclePaint = NonNullable<CircleLayerSpecification['paint']>;
type FillPaint = NonNullable<FillLayerSpecification['paint']>;
type LinePaint = NonNullable<LineLayerSpecification['paint']>;

/** The property no feature has: the coalesce always falls through to the value. */
const NONE = ['get', '__shared_shader'] as const;

function isExpression(v: unknown): v is Expression {
  return Array.isArray(v) && typeof v[0] === 'string';
}

/** A value as a per-feature ("source") expression; one already per-feature is returned as is. */
function perFeature<T>(value: T): T {
  if (isExpression(value)) return value;
  return ['coalesce', NONE, value] as unknown as T;
}

/** A number as a per-zoom-and-feature ("composite") expression, like the roads' widths. */
function perZoomAndFeature(value: number): number {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    0,
    perFeature(value),
    24,
    perFeature(value),
  ] as unknown as number;
}

/** Paint of a circle layer in the one shared circle shader (colour, radius and stroke per feature). */
export function circlePaint(paint: CirclePaint): CirclePaint {
  return {
    ...paint,
    'circle-color': perFeature(paint['circle-color'] ?? '#000000'),
    'circle-radius': perFeature(paint['circle-radius'] ?? 5),
    'circle-stroke-color': perFeature(paint['circle-stroke-color'] ?? '#000000'),
    'circle-stroke-width': perFeature(paint['circle-stroke-width'] ?? 0),
  };
}

/** Paint of a fill layer in the shared fill shader (colours per feature, opacity per zoom and feature). */
export function fillPaint(paint: FillPaint): FillPaint {
  const opacity = paint['fill-opacity'] ?? 1;
  return {
    ...paint,
    'fill-color': perFeature(paint['fill-color'] ?? '#000000'),
    ...(paint['fill-outline-color'] !== undefined
      ? { 'fill-outline-color': perFeature(paint['fill-outline-color']) }
      : {}),
    'fill-opacity': typeof opacity === 'number' ? perZoomAndFeature(opacity) : opacity,
  };
}

/** Paint of a solid line layer in the roads' shader (colour per feature, width per zoom and feature). */
export function linePaint(paint: LinePaint): LinePaint {
  const width = paint['line-width'] ?? 1;
  return {
    ...paint,
    'line-color': perFeature(paint['line-color'] ?? '#000000'),
    'line-width': typeof width === 'number' ? perZoomAndFeature(width) : width,
  };
}
