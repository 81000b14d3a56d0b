/**
 * The ledger upload: chunked and resumable (like the basemap upload), into
 * `<dataDir>/imports/.uploads/<id>.part`. The file is read only by the checked reader
 * (read-table.ts); nothing of it is trusted.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../../shared/contract/index';
import { LEDGER_CHUNK_BYTES, type LedgerUpload } from '../../../../shared/features/import/contract';

interface Upload {
  readonly id: string;
  readonly fileName: string;
  readonly size: number;
  received: number;
  readonly path: string;
}

const UPLOAD_TTL_MS = 24 * 3600_000;
const uploads = new Map<string, Upload>();

function dirOf(dataDir: string): string {
  return path.join(dataDir, 'imports', '.uploads');
}

function view(u: Upload): LedgerUpload {
  return { uploadId: u.id, fileName: u.fileName, size: u.size, received: u.received };
}

function sweep(dir: string, now: number): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    try {
      if (now - statSync(p).mtimeMs > UPLOAD_TTL_MS) rmSync(p, { force: true });
    } catch {
      // a file another call removed meanwhile
    }
  }
}

export function beginUpload(dataDir: string, fileName: string, size: number, now: number): LedgerUpload {
  const dir = dirOf(dataDir);
  mkdirSync(dir, { recursive: true });
  sweep(dir, now);
  const id = randomUUID();
  const u: Upload = { id, fileName, size, received: 0, path: path.join(dir, `${id}.part`) };
  closeSync(openSync(u.path, 'w'));
  uploads.set(id, u);
  return view(u);
}

function get(uploadId: string): Upload {
  const u = uploads.get(uploadId);
  if (!u || !existsSync(u.path)) throw new ApiError('upload_not_found');
  return u;
}

export function appendChunk(uploadId: string, offset: number, base64: string): LedgerUpload {
  const u = get(uploadId);
  // A chunk for another offset (a repeat or a gap) is ignored: the answer says where to go on.
  if (offset !== u.received) return view(u);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0 || bytes.length > LEDGER_CHUNK_BYTES || u.received + bytes.length > u.size)
    throw ApiError.why('file_refused', '上传的数据块大小不对', 'data');
  const fd = openSync(u.path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, u.received);
  } finally {
    closeSync(fd);
  }
  u.received += bytes.length;
  return view(u);
}

/** The complete file of an upload (refused while bytes are missing). */
export function uploadedFile(uploadId: string): { readonly path: string; readonly fileName: string } {
  const u = get(uploadId);
  if (u.received !== u.size) throw ApiError.why('file_refused', '文件尚未上传完整', 'uploadId');
  return { path: u.path, fileName: u.fileName };
}

export function discardUpload(uploadId: string): boolean {
  const u = uploads.get(uploadId);
  if (!u) return false;
  uploads.delete(uploadId);
  rmSync(u.path, { force: true });
  return true;
}
