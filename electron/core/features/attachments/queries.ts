/** Attachment metadata (attachment); the bytes are files named by their sha256 (files.ts). */
import type { AttachmentMime } from '../../../../shared/features/attachments/contract';
import { stmt } from '../../store/statements';
import type { ReadableDb, WritableDb } from '../../store/types';

export interface AttachmentRow {
  readonly sha256: string;
  readonly mime: AttachmentMime;
  readonly bytes: number;
  readonly fileName: string;
  readonly createdAt: number;
  readonly createdBy: string;
}

export function getAttachment(db: ReadableDb, sha256: string): AttachmentRow | null {
  return (
    (stmt(
      db,
      'SELECT sha256, mime, bytes, file_name AS fileName, created_at AS createdAt, created_by AS createdBy FROM attachment WHERE sha256 = ?',
    ).get(sha256) as AttachmentRow | undefined) ?? null
  );
}

/** Records an attachment once (the same bytes again keep the first record). */
export function putAttachment(db: WritableDb, a: AttachmentRow): void {
  stmt(
    db,
    `INSERT INTO attachment(sha256, mime, bytes, file_name, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(sha256) DO NOTHING`,
  ).run(a.sha256, a.mime, a.bytes, a.fileName, a.createdAt, a.createdBy);
}

/** Which of these digests the hall has. */
export function knownAttachments(db: ReadableDb, digests: readonly string[]): Set<string> {
  if (digests.length === 0) return new Set();
  const rows = stmt(db, 'SELECT sha256 FROM attachment WHERE sha256 IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(digests)) as string[];
  return new Set(rows);
}
