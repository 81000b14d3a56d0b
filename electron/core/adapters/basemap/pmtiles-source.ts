/** A PMTiles file read piecewise from disk (root directory cached, leaf directories read on demand). */
import { open, type FileHandle } from 'node:fs/promises';
import {
  COMPRESSION,
  PMTILES_HEADER_BYTES,
  TILE_TYPE,
  decodeDirectory,
  decodeHeader,
  decompress,
  findEntry,
  zxyToTileId,
  type DirEntry,
  type PmtilesHeader,
} from './pmtiles';
import {
  isGzip,
  vectorLayerIds,
  type BasemapInfo,
  type Tile,
  type TileFormat,
  type TileSource,
} from './tile-source';

const FORMATS: Partial<Record<number, TileFormat>> = {
  [TILE_TYPE.mvt]: 'pbf',
  [TILE_TYPE.png]: 'png',
  [TILE_TYPE.jpeg]: 'jpg',
  [TILE_TYPE.webp]: 'webp',
};

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, offset);
  if (bytesRead !== length) throw new Error(`文件在偏移 ${offset} 处被截断`);
  return buf;
}

export interface PmtilesParsed {
  readonly header: PmtilesHeader;
  readonly root: DirEntry[];
  readonly metadata: unknown;
}

/**
 * Reads and checks header, root directory and metadata. Every problem is a Chinese sentence in
 * the thrown Error, for the import report.
 */
export async function parsePmtiles(fh: FileHandle, fileSize: number): Promise<PmtilesParsed> {
  const header = decodeHeader(await readAt(fh, 0, Math.min(PMTILES_HEADER_BYTES, fileSize)));
  if (header.version !== 3) throw new Error(`仅支持 PMTiles 第 3 版，此文件为第 ${header.version} 版`);
  const inFile = (what: string, off: number, len: number) => {
    if (off + len > fileSize) throw new Error(`${what}超出文件末尾 (文件可能不完整)`);
  };
  inFile('根目录', header.rootDirectoryOffset, header.rootDirectoryLength);
  inFile('元数据', header.jsonMetadataOffset, header.jsonMetadataLength);
  inFile('叶目录', header.leafDirectoryOffset, header.leafDirectoryLength);
  inFile('瓦片数据', header.tileDataOffset, header.tileDataLength);
  if (!FORMATS[header.tileType])
    throw new Error(`不支持的瓦片类型 (代码 ${header.tileType})，支持矢量 (MVT)、PNG、JPEG、WebP`);
  if (header.minZoom > header.maxZoom || header.maxZoom > 24)
    throw new Error(`缩放级别范围无效: ${header.minZoom}–${header.maxZoom}`);
  if (header.rootDirectoryLength === 0) throw new Error('根目录为空');
  let root: DirEntry[];
  try {
    root = decodeDirectory(
      decompress(
        await readAt(fh, header.rootDirectoryOffset, header.rootDirectoryLength),
        header.internalCompression,
      ),
    );
  } catch (err) {
    throw new Error(`根目录无法解析: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (root.length === 0) throw new Error('文件中没有任何瓦片');
  let metadata: unknown = {};
  if (header.jsonMetadataLength > 0) {
    try {
      const raw = decompress(
        await readAt(fh, header.jsonMetadataOffset, header.jsonMetadataLength),
        header.internalCompression,
      );
      metadata = JSON.parse(raw.toString('utf8')) as unknown;
    } catch {
      throw new Error('元数据不是合法的 JSON');
    }
  }
  return { header, root, metadata };
}

export async function openPmtiles(path: string): Promise<TileSource> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const { header, root, metadata } = await parsePmtiles(fh, size);
    const leafCache = new Map<number, DirEntry[]>();
    const meta = (metadata ?? {}) as { name?: unknown };
    const info: BasemapInfo = {
      kind: 'pmtiles',
      format: FORMATS[header.tileType] ?? 'pbf',
      minzoom: header.minZoom,
      maxzoom: header.maxZoom,
      bounds: header.bounds,
      center: header.center,
      vectorLayers: vectorLayerIds(metadata),
      title: typeof meta.name === 'string' ? meta.name : null,
    };
    const leaf = async (e: DirEntry): Promise<DirEntry[]> => {
      const off = header.leafDirectoryOffset + e.offset;
      let dir = leafCache.get(off);
      if (!dir) {
        dir = decodeDirectory(decompress(await readAt(fh, off, e.length), header.internalCompression));
        if (leafCache.size > 64) leafCache.clear();
        leafCache.set(off, dir);
      }
      return dir;
    };
    return {
      info,
      async tile(z, x, y): Promise<Tile | null> {
        if (z < header.minZoom || z > header.maxZoom) return null;
        const n = 2 ** z;
        if (x < 0 || y < 0 || x >= n || y >= n) return null;
        const id = zxyToTileId(z, x, y);
        let dir = root;
        // The spec allows at most 3 levels of leaves; 4 guards against loops in a bad file.
        for (let depth = 0; depth < 4; depth++) {
          const e = findEntry(dir, id);
          if (!e) return null;
          if (e.runLength > 0) {
            const data = await readAt(fh, header.tileDataOffset + e.offset, e.length);
            const gzipped = header.tileCompression === COMPRESSION.gzip || isGzip(data);
            return { data, gzipped };
          }
          dir = await leaf(e);
        }
        return null;
      },
      close() {
        void fh.close();
      },
    };
  } catch (err) {
    await fh.close();
    throw err;
  }
}
