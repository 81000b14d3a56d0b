/** The chunked, resumable ledger upload through the API (works over IPC and HTTP alike). */
import { LEDGER_CHUNK_BYTES } from '../../../../shared/features/import/contract';
import { call } from '../../platform/api/client';
import { sendChunks } from '../../platform/api/chunked-upload';

/** Sends the file; a failed upload is discarded on the core. */
export async function uploadLedger(file: File, onProgress: (fraction: number) => void): Promise<string> {
  const begin = await call('import.uploadBegin', { fileName: file.name, size: file.size });
  try {
    await sendChunks(
      file,
      begin.received,
      LEDGER_CHUNK_BYTES,
      (offset, data) => call('import.uploadChunk', { uploadId: begin.uploadId, offset, data }),
      onProgress,
    );
    return begin.uploadId;
  } catch (err) {
    await call('import.discard', { uploadId: begin.uploadId }).catch(() => undefined);
    throw err;
  }
}
