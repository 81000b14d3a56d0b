/**
 * The map's first paint, made in one frame. Without a GPU (software WebGL through SwiftShader, as
 * on many wall PCs and on this project's CI machine) a MapLibre frame costs ~100 ms of rasterising
 * plus ~100 ms of reading the canvas back for the compositor, whatever it shows. On the first load
 * MapLibre would draw a frame each time one of its sources finished (basemap tiles, grids, orders…):
 * nine or ten half-drawn frames, seconds of work before the map is complete. Here the canvas stays
 * hidden and MapLibre draws nothing until the basemap and the open orders are loaded; then it draws
 * once and the canvas appears, complete. Tiles are still requested and parsed meanwhile: MapLibre
 * updates its sources in every render pass; only the drawing is skipped.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { SOURCES } from './map-layers';
import { BASEMAP_SOURCE } from './map-style';

/** Longest the map waits: a basemap that never loads must not leave the map blank. */
const HOLD_TIMEOUT_MS = 8000;

interface Painter {
  render?: (...args: unknown[]) => void;
}

export interface FirstPaint {
  /**
   * When that frame reached the compositor (epoch ms), or null before: the end of the task that
   * drew it. Blink commits the canvas at the end of the animation-frame task, and without a GPU that
   * commit waits for the whole frame to be rasterised and read back, so a message posted while
   * drawing runs just after the frame is handed over.
   */
  shownAt(): number | null;
}

/**
 * Holds drawing until the basemap and the orders are loaded (or the map has no such source, or
 * the basemap failed, or HOLD_TIMEOUT_MS passed), then calls `reveal` (which must make the canvas
 * visible) and draws.
 *
 * MapLibre has no public switch to pause drawing; `painter.render` is internal to maplibre-gl
 * (pinned in package.json). If a future version renames it, the hold is skipped and the map draws
 * every frame as before: slower to appear without a GPU, never wrong.
 */
export function holdFirstPaint(map: MapLibreMap, reveal: () => void): FirstPaint {
  let released = false;
  let shownAt: number | null = null;
  const painter = (map as unknown as { painter?: Painter }).painter;
  const draw = painter?.render;
  if (painter && typeof draw === 'function') {
    painter.render = (...args: unknown[]) => {
      if (released) draw.apply(painter, args);
    };
  }
  const loaded = (id: string) => !map.getSource(id) || map.isSourceLoaded(id);
  const release = () => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    map.off('sourcedata', check);
    map.off('load', check);
    map.off('error', onError);
    if (painter && typeof draw === 'function') painter.render = draw;
    reveal();
    map.once('render', () => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        shownAt = Date.now();
        channel.port1.close();
      };
      channel.port2.postMessage(null);
    });
    map.triggerRepaint();
  };
  const check = () => {
    if (map.isStyleLoaded() !== false && loaded(BASEMAP_SOURCE) && loaded(SOURCES.orders)) release();
  };
  // A basemap that fails to load: show what there is at once (the map's own notice explains).
  const onError = (ev: object) => {
    if ((ev as { sourceId?: string }).sourceId === BASEMAP_SOURCE) release();
  };
  const timer = setTimeout(release, HOLD_TIMEOUT_MS);
  map.on('sourcedata', check);
  map.on('load', check);
  map.on('error', onError);
  return { shownAt: () => shownAt };
}
