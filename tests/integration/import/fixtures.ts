/** Helpers of the import tests: send a file through the chunked upload like the dialog does. */
import type { Core } from '../../../electron/core/runtime/core';
import { LEDGER_CHUNK_BYTES } from '../../../shared/features/import/contract';

export const commander = { role: 'commander', actor: 'boss' } as const;

export async function upload(core: Core, fileName: string, bytes: Buffer): Promise<string> {
  const begin = await core.call('import.uploadBegin', { fileName, size: bytes.length }, commander);
  let at = 0;
  while (at < bytes.length) {
    const part = bytes.subarray(at, at + LEDGER_CHUNK_BYTES);
    const s = await core.call(
      'import.uploadChunk',
      { uploadId: begin.uploadId, offset: at, data: part.toString('base64') },
      commander,
    );
    at = s.received;
  }
  return begin.uploadId;
}

/** A CSV text from rows (cells with a comma or quote are quoted). */
export function csv(rows: ReadonlyArray<readonly string[]>): string {
  const q = (c: string): string => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}
