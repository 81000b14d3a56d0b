/**
 * A PMTiles file read piecewise from disk (root directory cached, leaf directories read on demand).
 * Every directory is decompressed with an output cap (pmtiles.ts `decompress`): a gzip bomb in a
 * root or leaf directory is refused in milliseconds. The import check (`parsePmtiles` with
 * `deep`) also walks every leaf directory and checks every entry points inside the file.
 */
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
import { MAX_TILE_BYTES } from './mbtiles-source';

const FORMATS: Partial<Record<number, TileFormat>> = {
  [TILE_TYPE.mvt]: 'pbf',
  [TILE_TYPE.png]: 'png',
  [TILE_TYPE.jpeg]: 'jpg',
  [TILE_TYPE.webp]: 'webp',
};

/** Compressed bytes a single directory may take on disk. */
const MAX_DIRECTORY_ON_DISK = 8 * 1024 * 1024;
/** The most all leaf directories together may decompress to during the import check. */
const MAX_LEAVES_TOTAL = 256 * 1024 * 1024;
/** The most directory entries the import check walks. */
const MAX_ENTRIES_TOTAL = 20_000_000;

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  if (length > MAX_TILE_BYTES && length > MAX_DIRECTORY_ON_DISK)
    throw new Error(`要读取的数据过大 (${length} 字节)`);
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

/** Checks one directory's entries point inside the file's sections; returns its leaf pointers. */
function checkEntries(entries: readonly DirEntry[], header: PmtilesHeader, where: string): DirEntry[] {
  const leaves: DirEntry[] = [];
  let lastId = -1;
  for (const e of entries) {
    if (e.tileId < lastId) throw new Error(`${where}的条目未按瓦片编号排序`);
    lastId = e.tileId;
    if (e.runLength === 0) {
      if (e.length === 0 || e.offset + e.length > header.leafDirectoryLength)
        throw new Error(`${where}有指向叶目录区之外的条目`);
      if (e.length > MAX_DIRECTORY_ON_DISK) throw new Error(`${where}有过大的叶目录 (${e.length} 字节)`);
      leaves.push(e);
    } else {
      if (e.offset + e.length > header.tileDataLength) throw new Error(`${where}有指向瓦片数据区之外的条目`);
      if (e.length > MAX_TILE_BYTES)
        throw new Error(`${where}有大于 ${MAX_TILE_BYTES / 1024 / 1024} MB 的瓦片`);
    }
  }
  return leaves;
}

/**
 * Reads and checks header, root directory and metadata; with `deep` (the import check) also every
 * leaf directory. Every problem is a Chinese sentence in the thrown Error, for the import report.
 */
export async function parsePmtiles(
  fh: FileHandle,
  fileSize: number,
  opts: { readonly deep?: boolean } = {},
): Promise<PmtilesParsed> {
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
  if (header.rootDirectoryLength > MAX_DIRECTORY_ON_DISK) throw new Error('根目录过大');
  if (header.jsonMetadataLength > MAX_DIRECTORY_ON_DISK) throw new Error('元数据过大');
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
    let raw: Buffer;
    try {
      raw = decompress(
        await readAt(fh, header.jsonMetadataOffset, header.jsonMetadataLength),
        header.internalCompression,
      );
    } catch (err) {
      throw new Error(`元数据无法解压: ${err instanceof Error ? err.message : String(err)}`);
    }
    try {
      metadata = JSON.parse(raw.toString('utf8')) as unknown;
    } catch {
      throw new Error('元数据不是合法的 JSON');
    }
  }
  if (opts.deep) {
    // Every leaf, up to the three levels the spec allows, each with the output cap, and all of
    // them together within MAX_LEAVES_TOTAL: a bomb in any leaf is found here, not by a tile read.
    let level = checkEntries(root, header, '根目录');
    let inflated = 0;
    let entries = root.length;
    for (let depth = 1; level.length > 0; depth++) {
      if (depth > 3) throw new Error('叶目录层级超过 3 层 (可能有循环)');
      const next: DirEntry[] = [];
      for (const leaf of level) {
        let dir: DirEntry[];
        try {
          const raw = decompress(
            await readAt(fh, header.leafDirectoryOffset + leaf.offset, leaf.length),
            header.internalCompression,
          );
          inflated += raw.length;
          if (inflated > MAX_LEAVES_TOTAL) throw new Error('叶目录解压后总量过大');
          dir = decodeDirectory(raw);
        } catch (err) {
          throw new Error(`叶目录无法解析: ${err instanceof Error ? err.message : String(err)}`);
        }
        entries += dir.length;
        if (entries > MAX_ENTRIES_TOTAL) throw new Error('目录条目过多');
        next.push(...checkEntries(dir, header, `第 ${depth} 层叶目录`));
      }
      level = next;
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
        if (e.length > MAX_DIRECTORY_ON_DISK) throw new Error('叶目录过大');
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
            if (e.length > MAX_TILE_BYTES) return null;
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
