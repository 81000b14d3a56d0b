/**
 * The basemaps a host can serve: the built-in ones (resources/basemap) and those imported into
 * `<dataDir>/basemaps`. A file is served only after it passed the import check (in the basemap
 * worker, re-run when the file changes on disk), and every read happens in that worker, never on
 * the thread that answers the API (isolated.ts).
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { BasemapWorker } from './isolated';
import type { BasemapInfo, Tile } from './tile-source';

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

/** A file the catalog may serve: checked, with the key (path, size, mtime) it was checked at. */
interface Served {
  readonly file: BasemapFile;
  readonly key: string;
  readonly info: BasemapInfo;
}

/** Basemaps by name, checked before they are served and re-checked when they change on disk. */
export class BasemapCatalog {
  private readonly worker = new BasemapWorker();
  /** Check results by key: a refused file stays refused until it changes. */
  private readonly checked = new Map<string, Promise<BasemapInfo | null>>();
  constructor(readonly dirs: BasemapDirs) {}

  /** The file under this name if it passed its check, else null (missing, refused, timed out). */
  async served(name: string): Promise<Served | null> {
    const file = await findBasemapFile(this.dirs, name);
    if (!file) return null;
    const st = await fs.stat(file.path);
    const key = `${file.path}|${st.size}|${st.mtimeMs}`;
    let check = this.checked.get(key);
    if (!check) {
      check = this.worker.check(file.path, st.size, this.dirs.nativeBinding).then(
        (c) => (c.ok ? c.info : null),
        () => null,
      );
      if (this.checked.size > 256) this.checked.clear();
      this.checked.set(key, check);
    }
    const info = await check;
    return info ? { file, key, info } : null;
  }

  /** One tile, read in the worker (unzipped there when asked); null when the file has none. */
  tile(s: Served, z: number, x: number, y: number, unzip: boolean): Promise<Tile | null> {
    return this.worker.tile(
      { path: s.file.path, kind: s.file.kind, key: s.key, z, x, y },
      unzip,
      this.dirs.nativeBinding,
    );
  }

  close(): void {
    this.worker.close();
    this.checked.clear();
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
