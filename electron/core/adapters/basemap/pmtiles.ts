/**
 * PMTiles v3 (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md), both ways: a
 * writer for the built-in basemap (deterministic: same tiles → same bytes) and a reader the hosts
 * use to answer `/basemap/<name>/{z}/{x}/{y}`. Own code rather than the pmtiles package: the core
 * reads local files synchronously-simple, and the writer is not in that package.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

export const PMTILES_MAGIC = 'PMTiles';
export const PMTILES_HEADER_BYTES = 127;

/** Compression codes of the header. */
export const COMPRESSION = { unknown: 0, none: 1, gzip: 2, brotli: 3, zstd: 4 } as const;
/** Tile type codes of the header. */
export const TILE_TYPE = { unknown: 0, mvt: 1, png: 2, jpeg: 3, webp: 4, avif: 5 } as const;

export interface PmtilesHeader {
  readonly version: number;
  readonly rootDirectoryOffset: number;
  readonly rootDirectoryLength: number;
  readonly jsonMetadataOffset: number;
  readonly jsonMetadataLength: number;
  readonly leafDirectoryOffset: number;
  readonly leafDirectoryLength: number;
  readonly tileDataOffset: number;
  readonly tileDataLength: number;
  readonly numAddressedTiles: number;
  readonly numTileEntries: number;
  readonly numTileContents: number;
  readonly clustered: boolean;
  readonly internalCompression: number;
  readonly tileCompression: number;
  readonly tileType: number;
  readonly minZoom: number;
  readonly maxZoom: number;
  /** [west, south, east, north] */
  readonly bounds: readonly [number, number, number, number];
  readonly centerZoom: number;
  readonly center: readonly [number, number];
}

export interface DirEntry {
  readonly tileId: number;
  readonly offset: number;
  readonly length: number;
  /** 0: the entry points at a leaf directory. */
  readonly runLength: number;
}

function rotate(n: number, xy: [number, number], rx: number, ry: number): void {
  if (ry === 0) {
    if (rx === 1) {
      xy[0] = n - 1 - xy[0];
      xy[1] = n - 1 - xy[1];
    }
    const t = xy[0];
    xy[0] = xy[1];
    xy[1] = t;
  }
}

/** Hilbert-curve tile id: all tiles of lower zooms first, then the position on zoom z's curve. */
export function zxyToTileId(z: number, x: number, y: number): number {
  if (z > 26) throw new Error('zoom above 26 is not supported');
  const n = 2 ** z;
  if (x < 0 || y < 0 || x >= n || y >= n) throw new Error(`tile ${z}/${x}/${y} is outside the zoom level`);
  const acc = (4 ** z - 1) / 3;
  const xy: [number, number] = [x, y];
  let d = 0;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (xy[0] & s) > 0 ? 1 : 0;
    const ry = (xy[1] & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    rotate(s, xy, rx, ry);
  }
  return acc + d;
}

// ---- varints (unsigned, up to 2^53) ----

function writeVarint(out: number[], v: number): void {
  let n = v;
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

class ByteCursor {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}
  varint(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.buf.length) throw new Error('目录数据被截断');
      const b = this.buf[this.pos++] as number;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 0x80;
    }
    throw new Error('目录中的变长整数过长');
  }
}

export function encodeDirectory(entries: readonly DirEntry[]): Buffer {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (prev && e.offset === prev.offset + prev.length) writeVarint(out, 0);
    else writeVarint(out, e.offset + 1);
  });
  return Buffer.from(out);
}

export function decodeDirectory(buf: Uint8Array): DirEntry[] {
  const c = new ByteCursor(buf);
  const n = c.varint();
  if (n > 10_000_000) throw new Error('目录条目数不合理');
  const ids: number[] = [];
  let last = 0;
  for (let i = 0; i < n; i++) {
    last += c.varint();
    ids.push(last);
  }
  const runs = ids.map(() => c.varint());
  const lengths = ids.map(() => c.varint());
  const entries: DirEntry[] = [];
  for (let i = 0; i < n; i++) {
    const raw = c.varint();
    const prev = entries[i - 1];
    const offset = raw === 0 && prev ? prev.offset + prev.length : raw - 1;
    if (raw === 0 && !prev) throw new Error('目录第一个条目的偏移无效');
    entries.push({
      tileId: ids[i] as number,
      runLength: runs[i] as number,
      length: lengths[i] as number,
      offset,
    });
  }
  return entries;
}

/** The entry whose run covers tileId, or the leaf pointer before it; null when none. */
export function findEntry(entries: readonly DirEntry[], tileId: number): DirEntry | null {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid] as DirEntry;
    if (e.tileId === tileId) return e;
    if (e.tileId < tileId) lo = mid + 1;
    else hi = mid - 1;
  }
  // hi is now the last entry with tileId < target.
  const e = entries[hi];
  if (!e) return null;
  if (e.runLength === 0) return e;
  return tileId - e.tileId < e.runLength ? e : null;
}

/** The most a directory or the metadata may decompress to: a street's directories are KBs. */
export const MAX_DIRECTORY_BYTES = 8 * 1024 * 1024;

/**
 * Decompresses with an output cap: a gzip bomb (a few KB that inflate to gigabytes) stops at
 * `maxBytes` with a Chinese error instead of filling memory and freezing the thread.
 */
export function decompress(
  buf: Uint8Array,
  compression: number,
  maxBytes: number = MAX_DIRECTORY_BYTES,
): Buffer {
  if (compression === COMPRESSION.none || compression === COMPRESSION.unknown) {
    if (buf.length > maxBytes) throw new Error(`数据超过 ${Math.round(maxBytes / 1024 / 1024)} MB 上限`);
    return Buffer.from(buf);
  }
  if (compression === COMPRESSION.gzip) {
    try {
      return gunzipSync(buf, { maxOutputLength: maxBytes });
    } catch (err) {
      if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw new Error(`解压后超过 ${Math.round(maxBytes / 1024 / 1024)} MB 上限 (可能是压缩炸弹)`);
      throw new Error(`gzip 数据无法解压: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new Error(`不支持的压缩方式 (代码 ${compression})，仅支持不压缩或 gzip`);
}

const e7 = (v: number) => Math.round(v * 1e7);

export function encodeHeader(h: PmtilesHeader): Buffer {
  const b = Buffer.alloc(PMTILES_HEADER_BYTES);
  b.write(PMTILES_MAGIC, 0, 'ascii');
  b.writeUInt8(h.version, 7);
  const u64 = (v: number, at: number) => b.writeBigUInt64LE(BigInt(v), at);
  u64(h.rootDirectoryOffset, 8);
  u64(h.rootDirectoryLength, 16);
  u64(h.jsonMetadataOffset, 24);
  u64(h.jsonMetadataLength, 32);
  u64(h.leafDirectoryOffset, 40);
  u64(h.leafDirectoryLength, 48);
  u64(h.tileDataOffset, 56);
  u64(h.tileDataLength, 64);
  u64(h.numAddressedTiles, 72);
  u64(h.numTileEntries, 80);
  u64(h.numTileContents, 88);
  b.writeUInt8(h.clustered ? 1 : 0, 96);
  b.writeUInt8(h.internalCompression, 97);
  b.writeUInt8(h.tileCompression, 98);
  b.writeUInt8(h.tileType, 99);
  b.writeUInt8(h.minZoom, 100);
  b.writeUInt8(h.maxZoom, 101);
  b.writeInt32LE(e7(h.bounds[0]), 102);
  b.writeInt32LE(e7(h.bounds[1]), 106);
  b.writeInt32LE(e7(h.bounds[2]), 110);
  b.writeInt32LE(e7(h.bounds[3]), 114);
  b.writeUInt8(h.centerZoom, 118);
  b.writeInt32LE(e7(h.center[0]), 119);
  b.writeInt32LE(e7(h.center[1]), 123);
  return b;
}

/** Parses the 127-byte header; throws a Chinese message saying what is wrong. */
export function decodeHeader(b: Uint8Array): PmtilesHeader {
  if (b.length < PMTILES_HEADER_BYTES)
    throw new Error(`文件太短 (${b.length} 字节)，不足 PMTiles 头部的 127 字节`);
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (buf.toString('ascii', 0, 7) !== PMTILES_MAGIC)
    throw new Error('文件开头不是 "PMTiles" 标识，不是 PMTiles 文件');
  const u64 = (at: number) => {
    const v = buf.readBigUInt64LE(at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('头部中的偏移量超出范围');
    return Number(v);
  };
  return {
    version: buf.readUInt8(7),
    rootDirectoryOffset: u64(8),
    rootDirectoryLength: u64(16),
    jsonMetadataOffset: u64(24),
    jsonMetadataLength: u64(32),
    leafDirectoryOffset: u64(40),
    leafDirectoryLength: u64(48),
    tileDataOffset: u64(56),
    tileDataLength: u64(64),
    numAddressedTiles: u64(72),
    numTileEntries: u64(80),
    numTileContents: u64(88),
    clustered: buf.readUInt8(96) === 1,
    internalCompression: buf.readUInt8(97),
    tileCompression: buf.readUInt8(98),
    tileType: buf.readUInt8(99),
    minZoom: buf.readUInt8(100),
    maxZoom: buf.readUInt8(101),
    bounds: [
      buf.readInt32LE(102) / 1e7,
      buf.readInt32LE(106) / 1e7,
      buf.readInt32LE(110) / 1e7,
      buf.readInt32LE(114) / 1e7,
    ],
    centerZoom: buf.readUInt8(118),
    center: [buf.readInt32LE(119) / 1e7, buf.readInt32LE(123) / 1e7],
  };
}

export interface TileInput {
  readonly z: number;
  readonly x: number;
  readonly y: number;
  /** The tile as it will be stored (already gzip'd for MVT). */
  readonly data: Buffer;
}

export interface PmtilesWriteOptions {
  readonly tileType: number;
  readonly tileCompression: number;
  readonly bounds: readonly [number, number, number, number];
  readonly center: readonly [number, number];
  readonly centerZoom: number;
  readonly metadata: Record<string, unknown>;
}

/**
 * One PMTiles file from a set of tiles: a single root directory (enough for a street: a few
 * hundred tiles), identical contents stored once, no internal compression.
 */
export function writePmtiles(tiles: readonly TileInput[], opts: PmtilesWriteOptions): Buffer {
  if (tiles.length === 0) throw new Error('没有瓦片');
  const sorted = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), t })).sort((a, b) => a.id - b.id);
  const contents: Buffer[] = [];
  const byContent = new Map<string, { offset: number; length: number }>();
  const entries: DirEntry[] = [];
  let dataLength = 0;
  for (const { id, t } of sorted) {
    const key = t.data.toString('base64');
    let at = byContent.get(key);
    if (!at) {
      at = { offset: dataLength, length: t.data.length };
      byContent.set(key, at);
      contents.push(t.data);
      dataLength += t.data.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.tileId + last.runLength === id && last.offset === at.offset && last.length === at.length)
      entries[entries.length - 1] = { ...last, runLength: last.runLength + 1 };
    else entries.push({ tileId: id, offset: at.offset, length: at.length, runLength: 1 });
  }
  const root = encodeDirectory(entries);
  if (root.length > 16_384 - PMTILES_HEADER_BYTES) throw new Error('根目录超过 16 KB：瓦片过多，需要叶目录');
  const meta = Buffer.from(JSON.stringify(opts.metadata), 'utf8');
  const zooms = tiles.map((t) => t.z);
  const header = encodeHeader({
    version: 3,
    rootDirectoryOffset: PMTILES_HEADER_BYTES,
    rootDirectoryLength: root.length,
    jsonMetadataOffset: PMTILES_HEADER_BYTES + root.length,
    jsonMetadataLength: meta.length,
    leafDirectoryOffset: PMTILES_HEADER_BYTES + root.length + meta.length,
    leafDirectoryLength: 0,
    tileDataOffset: PMTILES_HEADER_BYTES + root.length + meta.length,
    tileDataLength: dataLength,
    numAddressedTiles: tiles.length,
    numTileEntries: entries.length,
    numTileContents: contents.length,
    clustered: true,
    internalCompression: COMPRESSION.none,
    tileCompression: opts.tileCompression,
    tileType: opts.tileType,
    minZoom: Math.min(...zooms),
    maxZoom: Math.max(...zooms),
    bounds: opts.bounds,
    center: opts.center,
    centerZoom: opts.centerZoom,
  });
  return Buffer.concat([header, root, meta, ...contents]);
}

/** gzip with fixed settings, so the same tile always gives the same bytes. */
export function gzipTile(data: Uint8Array): Buffer {
  return gzipSync(data, { level: 9 });
}
