/**
 * The hotspot view from place-cell counts: density per cell, and repeat points — the same place
 * cell and category N times or more in the window. Pure.
 */
import { cellCentre } from './cells';

export interface PlaceCount {
  readonly cx: number;
  readonly cy: number;
  readonly category: string;
  readonly n: number;
}

export interface DensityCell {
  readonly cx: number;
  readonly cy: number;
  readonly lng: number;
  readonly lat: number;
  readonly n: number;
}

export interface RepeatPoint extends DensityCell {
  readonly category: string;
}

/** At most this many repeat points are returned (largest first). */
export const MAX_REPEATS = 50;

export function hotspotOf(
  counts: readonly PlaceCount[],
  minRepeat: number,
): { cells: DensityCell[]; repeats: RepeatPoint[]; total: number } {
  const cells = new Map<string, { cx: number; cy: number; n: number }>();
  const repeats: RepeatPoint[] = [];
  let total = 0;
  for (const c of counts) {
    if (c.n <= 0) continue;
    total += c.n;
    const k = `${c.cx}:${c.cy}`;
    const cell = cells.get(k);
    if (cell) cell.n += c.n;
    else cells.set(k, { cx: c.cx, cy: c.cy, n: c.n });
    if (c.n >= minRepeat)
      repeats.push({
        cx: c.cx,
        cy: c.cy,
        lng: cellCentre(c.cx),
        lat: cellCentre(c.cy),
        category: c.category,
        n: c.n,
      });
  }
  repeats.sort((a, b) => b.n - a.n || a.cx - b.cx || a.cy - b.cy || (a.category < b.category ? -1 : 1));
  return {
    cells: [...cells.values()]
      .sort((a, b) => a.cx - b.cx || a.cy - b.cy)
      .map((c) => ({ ...c, lng: cellCentre(c.cx), lat: cellCentre(c.cy) })),
    repeats: repeats.slice(0, MAX_REPEATS),
    total,
  };
}
