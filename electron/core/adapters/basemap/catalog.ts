/**
 * The basemaps a host can serve: the built-in ones (resources/basemap) and those imported into
 * `<dataDir>/basemaps`. Files are opened lazily and reopened when they change on disk.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { openMbtiles } from './mbtiles-source';
import { openPmtiles } from './pmtiles-source';
import type { TileSource } from './tile-source';

/** Basemap names are file stems: letters, digits, '-' and '_' (they appear in URLs). */
export const BASEMAP_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const BASEMAP_EXTENSIONS = ['.pmtiles', '.mbtiles'] as const;

export interface BasemapDirs {
  /** Shipped with the app, read-only. */
  readonly builtinDir: string;
  /** Imported by an administrator; may not exist yet. */
  readonly importedDir: string | null;
  /**
   * better_sqlite3.node for this runtime's ABI, for MBTiles: Electron's main process cannot load
   * the Node build that `npm test` uses (see scripts/start.mjs).
   */
  readonly nativeBinding?: string;
}

export interface BasemapFile {
  readonly name: string;
  readonly path: string;
  readonly kind: 'pmtiles' | 'mbtiles';
  readonly builtin: boolean;
  readonly size: number;
}

async function listDir(dir: string | null, builtin: boolean): Promise<BasemapFile[]> {
  if (!dir) return [];
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const out: BasemapFile[] = [];
  for (const file of names.sort()) {
    const ext = path.extname(file).toLowerCase();
    const stem = file.slice(0, file.length - ext.length);
    if (!(BASEMAP_EXTENSIONS as readonly string[]).includes(ext) || !BASEMAP_NAME.test(stem)) continue;
    const full = path.join(dir, file);
    try {
      const st = await fs.stat(full);
      if (!st.isFile()) continue;
      out.push({
        name: stem,
        path: full,
        kind: ext === '.pmtiles' ? 'pmtiles' : 'mbtiles',
        builtin,
        size: st.size,
      });
    } catch {
      // Vanished between readdir and stat: not listed.
    }
  }
  return out;
}

/** Built-in first; an imported file never shadows a built-in name. */
export async function listBasemapFiles(dirs: BasemapDirs): Promise<BasemapFile[]> {
  const builtin = await listDir(dirs.builtinDir, true);
  const taken = new Set(builtin.map((b) => b.name));
  const imported = (await listDir(dirs.importedDir, false)).filter((f) => !taken.has(f.name));
  return [...builtin, ...imported];
}

export async function findBasemapFile(dirs: BasemapDirs, name: string): Promise<BasemapFile | null> {
  if (!BASEMAP_NAME.test(name)) return null;
  return (await listBasemapFiles(dirs)).find((f) => f.name === name) ?? null;
}

interface Open {
  readonly key: string;
  readonly source: Promise<TileSource>;
}

/** Open tile sources by name, reopened when the file's size or mtime changes. */
export class BasemapCatalog {
  private readonly open = new Map<string, Open>();
  constructor(readonly dirs: BasemapDirs) {}

  async source(name: string): Promise<TileSource | null> {
    const file = await findBasemapFile(this.dirs, name);
    if (!file) return null;
    const st = await fs.stat(file.path);
    const key = `${file.path}|${st.size}|${st.mtimeMs}`;
    const cur = this.open.get(name);
    if (cur && cur.key === key) return cur.source;
    if (cur) void cur.source.then((s) => s.close()).catch(() => undefined);
    const source =
      file.kind === 'pmtiles'
        ? openPmtiles(file.path)
        : Promise.resolve().then(() => openMbtiles(file.path, this.dirs.nativeBinding));
    this.open.set(name, { key, source });
    source.catch(() => this.open.delete(name));
    return source;
  }

  close(): void {
    for (const o of this.open.values()) void o.source.then((s) => s.close()).catch(() => undefined);
    this.open.clear();
  }
}

function moduleRelativeDir(): string | null {
  try {
    // Source tree (tsx, vitest): electron/core/adapters/basemap → resources/basemap. In a CJS
    // bundle import.meta.url is not set and this candidate drops out.
    return path.resolve(
      path.dirname(new URL(import.meta.url).pathname),
      '..',
      '..',
      '..',
      '..',
      'resources',
      'basemap',
    );
  } catch {
    return null;
  }
}

/**
 * Where the shipped basemaps are: $HALL_BASEMAP_DIR, the packaged app's resources folder
 * (electron-builder copies resources/ there), the source tree, or ./resources/basemap.
 */
export function builtinBasemapDir(): string {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.HALL_BASEMAP_DIR,
    resourcesPath ? path.join(resourcesPath, 'resources', 'basemap') : undefined,
    moduleRelativeDir(),
    path.resolve('resources', 'basemap'),
  ].filter((c): c is string => typeof c === 'string' && c !== '');
  return candidates.find((c) => existsSync(c)) ?? candidates[candidates.length - 1] ?? 'resources/basemap';
}

/** The imported basemaps of a data folder. */
export function importedBasemapDir(dataDir: string): string {
  return path.join(dataDir, 'basemaps');
}
