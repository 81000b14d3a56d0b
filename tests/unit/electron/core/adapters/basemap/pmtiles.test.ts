/** The PMTiles v3 code of the basemap: tile ids, directories and headers agree with the spec's reference. */
import { describe, expect, it } from 'vitest';
import { zxyToTileId as referenceTileId } from 'pmtiles';
import {
  TILE_TYPE,
  COMPRESSION,
  decodeDirectory,
  decodeHeader,
  encodeDirectory,
  findEntry,
  writePmtiles,
  zxyToTileId,
} from '../../../../../../electron/core/adapters/basemap/pmtiles';

describe('PMTiles tile ids', () => {
  it('match the reference implementation (Hilbert curve per zoom) for every tile up to zoom 7', () => {
    for (let z = 0; z <= 7; z++)
      for (let x = 0; x < 2 ** z; x++)
        for (let y = 0; y < 2 ** z; y++) expect(zxyToTileId(z, x, y)).toBe(referenceTileId(z, x, y));
    expect(zxyToTileId(17, 107939, 49687)).toBe(referenceTileId(17, 107939, 49687));
  });
  it('refuses a tile outside its zoom level', () => {
    expect(() => zxyToTileId(2, 4, 0)).toThrow();
  });
});

describe('directories', () => {
  it('round-trip, with contiguous offsets written as 0', () => {
    const entries = [
      { tileId: 5, offset: 0, length: 10, runLength: 1 },
      { tileId: 6, offset: 10, length: 20, runLength: 3 },
      { tileId: 20, offset: 0, length: 10, runLength: 1 },
      { tileId: 300, offset: 500, length: 7, runLength: 0 },
    ];
    expect(decodeDirectory(encodeDirectory(entries))).toEqual(entries);
  });
  it('find a tile inside a run, a leaf pointer before it, or nothing', () => {
    const entries = [
      { tileId: 6, offset: 10, length: 20, runLength: 3 },
      { tileId: 100, offset: 0, length: 50, runLength: 0 },
    ];
    expect(findEntry(entries, 8)?.tileId).toBe(6);
    expect(findEntry(entries, 9)).toBeNull();
    expect(findEntry(entries, 5)).toBeNull();
    expect(findEntry(entries, 150)?.runLength).toBe(0);
  });
  it('reject truncated input with a message', () => {
    expect(() => decodeDirectory(Buffer.from([5, 1]))).toThrow(/截断/);
  });
});

describe('writer', () => {
  it('stores identical tiles once and is deterministic', () => {
    const a = Buffer.from('tile-a');
    const tiles = [
      { z: 1, x: 0, y: 0, data: a },
      { z: 1, x: 1, y: 0, data: Buffer.from('tile-b') },
      { z: 1, x: 0, y: 1, data: a },
    ];
    const opts = {
      tileType: TILE_TYPE.mvt,
      tileCompression: COMPRESSION.none,
      bounds: [-180, -85, 180, 85] as const,
      center: [0, 0] as const,
      centerZoom: 1,
      metadata: { name: 't' },
    };
    const one = writePmtiles(tiles, opts);
    expect(writePmtiles([...tiles].reverse(), opts).equals(one)).toBe(true);
    const h = decodeHeader(one);
    expect(h).toMatchObject({ version: 3, numAddressedTiles: 3, numTileContents: 2, minZoom: 1, maxZoom: 1 });
    expect(h.tileDataLength).toBe(12);
  });
  it('names what is wrong with a header', () => {
    expect(() => decodeHeader(Buffer.alloc(10))).toThrow(/太短/);
    expect(() => decodeHeader(Buffer.alloc(127))).toThrow(/不是 PMTiles/);
  });
});
