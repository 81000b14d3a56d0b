/** What the hosts need of one basemap file, whatever its container (PMTiles or MBTiles). */

export type TileFormat = 'pbf' | 'png' | 'jpg' | 'webp';

export interface BasemapInfo {
  readonly kind: 'pmtiles' | 'mbtiles';
  readonly format: TileFormat;
  readonly minzoom: number;
  readonly maxzoom: number;
  /** [west, south, east, north], or null when the file does not say. */
  readonly bounds: readonly [number, number, number, number] | null;
  readonly center: readonly [number, number] | null;
  /** The layer ids of a vector basemap (from its metadata), empty when unknown. */
  readonly vectorLayers: readonly string[];
  readonly title: string | null;
}

export interface Tile {
  readonly data: Buffer;
  /** True when data is gzip'd (most vector tiles are): the HTTP host sends Content-Encoding gzip. */
  readonly gzipped: boolean;
}

export interface TileSource {
  readonly info: BasemapInfo;
  tile(z: number, x: number, y: number): Promise<Tile | null>;
  close(): void;
}

export const CONTENT_TYPES: Record<TileFormat, string> = {
  pbf: 'application/x-protobuf',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

export function isGzip(b: Uint8Array): boolean {
  return b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/** Layer ids from a TileJSON-ish `vector_layers` array; anything malformed gives []. */
export function vectorLayerIds(json: unknown): string[] {
  if (!json || typeof json !== 'object') return [];
  const layers = (json as { vector_layers?: unknown }).vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers
    .map((l: unknown) => (l && typeof l === 'object' ? (l as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string');
}
