/**
 * map.config / map.configure and the basemap import: a resumable chunked upload into
 * `<dataDir>/basemaps/.uploads/<id>.part`, validated on commit (PMTiles v3 or MBTiles), then
 * moved to `<dataDir>/basemaps/<name>.<pmtiles|mbtiles>` where the hosts serve it from.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/contract/index';
import type {
  BasemapEntry,
  ImportReport,
  MapConfig,
  MapSettings,
  UploadState,
} from '../../../../shared/features/map/contract';
import {
  BASEMAP_NAME,
  builtinBasemapDir,
  importedBasemapDir,
  listBasemapFiles,
  type BasemapFile,
} from '../../adapters/basemap/catalog';
import { checkBasemapFile, sniffKind, type BasemapCheck } from '../../adapters/basemap/validate';
import { checkBasemapIsolated } from '../../adapters/basemap/isolated';
import { insertAudit } from '../../store/audit';
import {
  deleteUpload,
  getMapSetting,
  getUpload,
  insertUpload,
  setMapSetting,
  setUploadReceived,
  staleUploads,
  type UploadRow,
} from './queries';
import type { Handler, ReadEnv, WriteEnv } from '../../runtime/context';

const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

function dirsOf(env: ReadEnv) {
  return { builtinDir: builtinBasemapDir(), importedDir: importedBasemapDir(env.dataDir) };
}

function uploadsDir(env: ReadEnv): string {
  return path.join(importedBasemapDir(env.dataDir), '.uploads');
}

function partPath(env: ReadEnv, id: string): string {
  return path.join(uploadsDir(env), `${id}.part`);
}

const checks = new Map<string, { key: string; check: Promise<BasemapCheck> }>();

/**
 * Validation result of a file, cached until it changes on disk. An imported file is checked in a
 * basemap worker with a time limit (it may be hostile); the shipped ones are ours and small.
 */
function checkCached(file: BasemapFile): Promise<BasemapCheck> {
  const st = statSync(file.path);
  const key = `${st.size}|${st.mtimeMs}`;
  const hit = checks.get(file.path);
  if (hit && hit.key === key) return hit.check;
  const run = file.builtin ? checkBasemapFile(file.path) : checkBasemapIsolated(file.path);
  const check = run.catch((err: unknown): BasemapCheck => ({
    ok: false,
    errors: [err instanceof Error ? err.message : String(err)],
  }));
  checks.set(file.path, { key, check });
  return check;
}

function entryOf(file: BasemapFile, check: BasemapCheck & { ok: true }): BasemapEntry {
  const { info } = check;
  return {
    name: file.name,
    title: info.title ?? file.name,
    kind: file.kind,
    format: info.format,
    builtin: file.builtin,
    size: file.size,
    minzoom: info.minzoom,
    maxzoom: info.maxzoom,
    bounds: info.bounds,
    center: info.center,
    vectorLayers: info.vectorLayers,
    tilePath: `/basemap/${file.name}/{z}/{x}/{y}.${info.format}`,
  };
}

async function listEntries(env: ReadEnv): Promise<BasemapEntry[]> {
  const out: BasemapEntry[] = [];
  for (const file of await listBasemapFiles(dirsOf(env))) {
    const check = await checkCached(file);
    // A file that fails its check is not offered (the import refused it; a hand-copied one is ignored).
    if (check.ok) out.push(entryOf(file, check));
  }
  return out;
}

function readSettings(env: ReadEnv): MapSettings {
  return {
    activeBasemap: getMapSetting(env.db, 'activeBasemap'),
    onlineStyleUrl: getMapSetting(env.db, 'onlineStyleUrl'),
    onlineTileUrl: getMapSetting(env.db, 'onlineTileUrl'),
  };
}

export const mapConfig: Handler<'map.config'> = async (_input, _call, env): Promise<MapConfig> => ({
  basemaps: await listEntries(env),
  settings: readSettings(env),
});

export const mapConfigure: Handler<'map.configure'> = async (input, call, env, tools) => {
  if (input.activeBasemap) {
    const names = (await listEntries(env)).map((b) => b.name);
    if (!names.includes(input.activeBasemap))
      throw new ApiError('basemap_not_found', {
        params: { name: input.activeBasemap },
        field: 'activeBasemap',
      });
  }
  env.db.transaction(() => {
    if (input.activeBasemap !== undefined) setMapSetting(env.db, 'activeBasemap', input.activeBasemap);
    if (input.onlineStyleUrl !== undefined) setMapSetting(env.db, 'onlineStyleUrl', input.onlineStyleUrl);
    if (input.onlineTileUrl !== undefined) setMapSetting(env.db, 'onlineTileUrl', input.onlineTileUrl);
    insertAudit(env.db, {
      at: env.now(),
      actor: call.actor,
      action: 'map.configure',
      detail: JSON.stringify(input),
    });
  })();
  tools.hint({ topic: 'map.changed' });
  return readSettings(env);
};

/** "My Map (2).mbtiles" → "My-Map-2". */
function basemapNameFrom(fileName: string): string {
  const stem = path.basename(fileName).replace(/\.(pmtiles|mbtiles)$/i, '');
  const slug = stem
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 64);
  return BASEMAP_NAME.test(slug) ? slug : `basemap-${Date.now().toString(36)}`;
}

function stateOf(u: UploadRow): UploadState {
  return { uploadId: u.id, fileName: u.fileName, size: u.size, received: u.received };
}

function dropStaleUploads(env: WriteEnv): void {
  for (const u of staleUploads(env.db, env.now() - UPLOAD_TTL_MS)) {
    rmSync(partPath(env, u.id), { force: true });
    deleteUpload(env.db, u.id);
  }
}

export const mapUploadBegin: Handler<'map.uploadBegin'> = async (input, call, env) => {
  if (!/\.(pmtiles|mbtiles)$/i.test(input.fileName))
    throw ApiError.why('file_refused', '只能导入 .pmtiles 或 .mbtiles 底图文件', 'fileName');
  const name = input.name ?? basemapNameFrom(input.fileName);
  const builtin = await listBasemapFiles({ builtinDir: builtinBasemapDir(), importedDir: null });
  if (builtin.some((b) => b.name === name))
    throw ApiError.why('invalid_input', `名称 ${name} 与内置底图重名，请换一个名称`, 'name');
  dropStaleUploads(env);
  mkdirSync(uploadsDir(env), { recursive: true });
  const row: UploadRow = {
    id: randomUUID(),
    name,
    fileName: input.fileName.slice(0, 200),
    size: input.size,
    received: 0,
    created: env.now(),
    actor: call.actor,
  };
  closeSync(openSync(partPath(env, row.id), 'w'));
  insertUpload(env.db, row);
  return stateOf(row);
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const mapUploadChunk: Handler<'map.uploadChunk'> = (input, _call, env) => {
  const u = getUpload(env.db, input.uploadId);
  if (!u || !existsSync(partPath(env, u.id))) throw new ApiError('upload_not_found');
  // A repeated or out-of-order chunk writes nothing: the answer says where to go on from.
  if (input.offset !== u.received) return stateOf(u);
  if (!BASE64.test(input.data) || input.data.length % 4 !== 0)
    throw ApiError.why('invalid_input', '数据块不是合法的 base64', 'data');
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length === 0) return stateOf(u);
  if (u.received + bytes.length > u.size)
    throw ApiError.why('invalid_input', `数据超过声明的文件大小 (${u.size} 字节)`, 'data');
  const fd = openSync(partPath(env, u.id), 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, u.received);
  } finally {
    closeSync(fd);
  }
  const received = u.received + bytes.length;
  setUploadReceived(env.db, u.id, received);
  return { ...stateOf(u), received };
};

function removeUpload(env: WriteEnv, id: string): void {
  rmSync(partPath(env, id), { force: true });
  deleteUpload(env.db, id);
}

export const mapUploadCommit: Handler<'map.uploadCommit'> = async (input, call, env, tools) => {
  const u = getUpload(env.db, input.uploadId);
  if (!u) throw new ApiError('upload_not_found');
  if (u.received !== u.size)
    throw ApiError.why('invalid_input', `文件尚未传完 (${u.received}/${u.size} 字节)`, 'uploadId');
  const part = partPath(env, u.id);
  // In a worker of its own with a time limit: a hostile file (an endless view, a gzip bomb) is
  // refused with a reason, and every other call keeps being answered meanwhile.
  const check = await checkBasemapIsolated(part);
  const audit = (result: Record<string, unknown>): void =>
    insertAudit(env.db, {
      at: env.now(),
      actor: call.actor,
      action: 'map.uploadCommit',
      detail: JSON.stringify({ name: u.name, fileName: u.fileName, size: u.size, ...result }),
    });
  if (!check.ok) {
    audit({ ok: false, problems: check.errors.slice(0, 3) });
    removeUpload(env, u.id);
    const report: ImportReport = {
      ok: false,
      problems: check.errors.map((message) => ({ message })),
      summary: `${u.fileName} 未导入`,
    };
    return { ...report, basemap: null };
  }
  const head = Buffer.alloc(16);
  const fd = openSync(part, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const ext = sniffKind(head) === 'pmtiles' ? '.pmtiles' : '.mbtiles';
  const dir = importedBasemapDir(env.dataDir);
  // One file per name: an import under an existing name replaces it (whatever its container).
  for (const other of ['.pmtiles', '.mbtiles']) rmSync(path.join(dir, u.name + other), { force: true });
  const target = path.join(dir, u.name + ext);
  renameSync(part, target);
  deleteUpload(env.db, u.id);
  audit({ ok: true, kind: check.info.kind, format: check.info.format });
  checks.delete(target);
  tools.hint({ topic: 'map.changed' });
  const file: BasemapFile = {
    name: u.name,
    path: target,
    kind: ext === '.pmtiles' ? 'pmtiles' : 'mbtiles',
    builtin: false,
    size: u.size,
  };
  const info = check.info;
  return {
    ok: true,
    problems: [],
    summary: `已导入底图 ${u.name} (${info.kind === 'pmtiles' ? 'PMTiles' : 'MBTiles'}, ${info.format}, 缩放 ${info.minzoom}–${info.maxzoom})`,
    basemap: entryOf(file, check),
  };
};

export const mapUploadCancel: Handler<'map.uploadCancel'> = (input, _call, env) => {
  const u = getUpload(env.db, input.uploadId);
  if (!u) return { cancelled: false };
  removeUpload(env, u.id);
  return { cancelled: true };
};

export const mapDeleteBasemap: Handler<'map.deleteBasemap'> = (input, call, env, tools) => {
  const dir = importedBasemapDir(env.dataDir);
  let deleted = false;
  for (const ext of ['.pmtiles', '.mbtiles']) {
    const p = path.join(dir, input.name + ext);
    if (existsSync(p)) {
      rmSync(p, { force: true });
      checks.delete(p);
      deleted = true;
    }
  }
  if (!deleted)
    throw new ApiError('basemap_not_found', { params: { name: `${input.name} (内置底图不能删除)` } });
  if (getMapSetting(env.db, 'activeBasemap') === input.name) setMapSetting(env.db, 'activeBasemap', null);
  insertAudit(env.db, {
    at: env.now(),
    actor: call.actor,
    action: 'map.deleteBasemap',
    detail: JSON.stringify({ name: input.name }),
  });
  tools.hint({ topic: 'map.changed' });
  return { deleted };
};
