import { describe, expect, it } from 'vitest';
import {
  ASSET_BOX_STEP,
  ASSET_COLOURS,
  ASSET_MIN_ZOOM,
  assetBoxFor,
  assetPoints,
  sameBox,
} from '../../../../../../../renderer/src/features/map/assets/asset-data';
import { ASSET_BOX_MAX_DEG } from '../../../../../../../shared/features/assets/contract';
import { ASSET_KIND_KEYS } from '../../../../../../../shared/features/assets/kinds';

const view = { minLng: 116.4612, minLat: 39.8871, maxLng: 116.4731, maxLat: 39.8942 };

describe('the 部件 layer box', () => {
  it('is null below zoom 16: nothing is asked for the whole street', () => {
    expect(assetBoxFor(ASSET_MIN_ZOOM - 0.01, view)).toBeNull();
    expect(assetBoxFor(ASSET_MIN_ZOOM, view)).not.toBeNull();
  });

  it('covers the view, snapped outward, so a small pan asks for the same box', () => {
    const box = assetBoxFor(16.5, view)!;
    expect(box.minLng).toBeLessThanOrEqual(view.minLng);
    expect(box.maxLng).toBeGreaterThanOrEqual(view.maxLng);
    expect(box.minLat).toBeLessThanOrEqual(view.minLat);
    expect(box.maxLat).toBeGreaterThanOrEqual(view.maxLat);
    expect(box.maxLng - box.minLng).toBeLessThanOrEqual(view.maxLng - view.minLng + 2 * ASSET_BOX_STEP);
    const nudged = {
      minLng: view.minLng + 0.0003,
      maxLng: view.maxLng + 0.0003,
      minLat: view.minLat,
      maxLat: view.maxLat,
    };
    expect(sameBox(box, assetBoxFor(16.5, nudged))).toBe(true);
    const moved = { ...nudged, minLng: view.minLng + 0.01, maxLng: view.maxLng + 0.01 };
    expect(sameBox(box, assetBoxFor(16.5, moved))).toBe(false);
  });

  it('never exceeds the largest box the core accepts (a 4K wall at zoom 16), kept around the centre', () => {
    const wide = { minLng: 116.4, minLat: 39.85, maxLng: 116.5, maxLat: 39.95 };
    const box = assetBoxFor(16, wide)!;
    expect(box.maxLng - box.minLng).toBeLessThanOrEqual(ASSET_BOX_MAX_DEG + 1e-9);
    expect(box.maxLat - box.minLat).toBeLessThanOrEqual(ASSET_BOX_MAX_DEG + 1e-9);
    expect((box.minLng + box.maxLng) / 2).toBeCloseTo(116.45, 3);
  });
});

describe('assetPoints', () => {
  it('gives each asset its kind colour, glyph and open count', () => {
    const fc = assetPoints(
      {
        truncated: false,
        assets: [
          {
            code: 'LD-01-0001',
            kind: 'streetlight',
            name: '劲松中街路灯1号',
            lng: 116.46,
            lat: 39.89,
            open: 2,
          },
        ],
      },
      (k) => (k === 'streetlight' ? '灯' : '?'),
      (k) => (k === 'streetlight' ? '路灯' : '?'),
    );
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]!.geometry.coordinates).toEqual([116.46, 39.89]);
    expect(fc.features[0]!.properties).toMatchObject({
      kind: 'asset',
      code: 'LD-01-0001',
      assetKind: 'streetlight',
      kindName: '路灯',
      glyph: '灯',
      colour: ASSET_COLOURS.streetlight,
      open: 2,
    });
    expect(
      assetPoints(
        undefined,
        () => '',
        () => '',
      ).features,
    ).toEqual([]);
  });

  it('has a distinct colour for every kind', () => {
    const colours = ASSET_KIND_KEYS.map((k) => ASSET_COLOURS[k]);
    expect(new Set(colours).size).toBe(ASSET_KIND_KEYS.length);
  });
});
