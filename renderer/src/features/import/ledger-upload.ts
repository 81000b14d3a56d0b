/** The chunked, resumable ledger upload through the API (works over IPC and HTTP alike). */
import { LEDGER_CHUNK_BYTES } from '../../../../shared/features/import/contract';
import { call } from '../../platform/api/client';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Sends the file; each answer says how much the core has, so a lost chunk is resent from there. */
export async function uploadLedger(file: File, onProgress: (fraction: number) => void): Promise<string> {
  const begin = await call('import.uploadBegin', { fileName: file.name, size: file.size });
  let received = begin.received;
  let stalls = 0;
  try {
    while (received < file.size) {
      const end = Math.min(file.size, received + LEDGER_CHUNK_BYTES);
      const bytes = new Uint8Array(await file.slice(received, end).arrayBuffer());
      const state = await call('import.uploadChunk', {
        uploadId: begin.uploadId,
        offset: received,
        data: toBase64(bytes),
      });
      stalls = state.received === received ? stalls + 1 : 0;
      if (stalls > 3) throw new Error('上传没有进展');
      received = state.received;
      onProgress(received / file.size);
    }
    return begin.uploadId;
  } catch (err) {
    await call('import.discard', { uploadId: begin.uploadId }).catch(() => undefined);
    throw err;
  }
}
