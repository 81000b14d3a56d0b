/**
 * The bytes of attachments: `<dataDir>/attachments/<sha256>`, written to a temporary name and
 * renamed, so a crash never leaves half a photo under its digest. The content decides the type
 * (magic bytes), not the name or the declared type.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentMime } from '../../../../shared/features/attachments/contract';

export function attachmentsDir(dataDir: string): string {
  return join(dataDir, 'attachments');
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The image type the bytes are, or null (not a JPEG, PNG or WebP). */
export function sniffImage(b: Buffer): AttachmentMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

export function writeAttachment(dataDir: string, sha256: string, bytes: Buffer): void {
  const dir = attachmentsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, sha256);
  if (existsSync(file)) return;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

export function readAttachment(dataDir: string, sha256: string): Buffer | null {
  try {
    return readFileSync(join(attachmentsDir(dataDir), sha256));
  } catch {
    return null;
  }
}
