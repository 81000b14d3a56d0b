/**
 * A small map of the street to pick the order's point: the community and grid polygons of the
 * reference snapshot drawn as SVG (light and instant, no tiles). A click places the pin; with
 * the keyboard the arrows move it (25 m, with Shift 100 m) and Delete removes it. The grid the
 * pin falls in is highlighted: the same point-in-polygon rule the core applies on saving.
 */
import { useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community, Grid, LngLat, Ring } from '../../../../shared/features/reference/jurisdiction';
import { mapPlane, middleOf, nudge, ringPath } from './places';

export interface MiniMapProps {
  readonly boundary: Ring;
  readonly communities: readonly Community[];
  readonly grids: readonly Grid[];
  readonly point: LngLat | null;
  /** The grid and community to highlight (from the point, or an area chosen without one). */
  readonly gridCode: string | null;
  readonly communityCode: string | null;
  readonly onPick: (pt: LngLat | null) => void;
}

export function MiniMap({
  boundary,
  communities,
  grids,
  point,
  gridCode,
  communityCode,
  onPick,
}: MiniMapProps) {
  const { t } = useTranslation();
  const plane = useMemo(() => mapPlane(boundary, 1000), [boundary]);
  const shapes = useMemo(
    () => ({
      street: ringPath(plane, boundary),
      communities: communities.map((c) => ({
        c,
        d: ringPath(plane, c.boundary),
        at: plane.toXY(c.centroid),
      })),
      grids: grids.map((g) => ({ g, d: ringPath(plane, g.boundary) })),
    }),
    [plane, boundary, communities, grids],
  );

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const svg = e.currentTarget;
    const m = svg.getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    onPick(plane.toLngLat(p.x, p.y));
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = e.shiftKey ? 100 : 25;
    const moves: Record<string, readonly [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const mv = moves[e.key];
    if (mv) {
      e.preventDefault();
      onPick(nudge(point ?? middleOf(boundary), mv[0], mv[1]));
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onPick(null);
    }
  };

  const pin = point ? plane.toXY(point) : null;
  const r = plane.width / 90;
  return (
    <svg
      className="intake-map"
      data-testid="intake-map"
      viewBox={`0 0 ${plane.width} ${plane.height}`}
      role="application"
      aria-label={t('intake.map.label')}
      aria-roledescription={t('intake.map.role')}
      tabIndex={0}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <path className="im-street" d={shapes.street} />
      {shapes.communities.map(({ c, d }, i) => (
        <path
          key={c.code}
          className={`im-community im-c${i % 6}${c.code === communityCode ? ' selected' : ''}`}
          d={d}
        />
      ))}
      {shapes.grids.map(({ g, d }) => (
        <path key={g.code} className={`im-grid${g.code === gridCode ? ' selected' : ''}`} d={d}>
          <title>{g.name}</title>
        </path>
      ))}
      {shapes.communities.map(({ c, at }) => (
        <text
          key={c.code}
          className={`im-label${c.code === communityCode ? ' selected' : ''}`}
          x={at[0]}
          y={at[1]}
          textAnchor="middle"
          dominantBaseline="middle"
        >
          {c.name.replace(/社区$/, '')}
        </text>
      ))}
      {pin && (
        <g className="im-pin" data-testid="intake-map-pin">
          <circle cx={pin[0]} cy={pin[1]} r={r * 1.8} className="im-pin-halo" />
          <circle cx={pin[0]} cy={pin[1]} r={r * 0.7} className="im-pin-dot" />
        </g>
      )}
    </svg>
  );
}
