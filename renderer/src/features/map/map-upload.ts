/** The chunked, resumable basemap upload through the API (works over IPC and HTTP alike). */
import {
  BASEMAP_CHUNK_BYTES,
  type BasemapEntry,
  type ImportReport,
} from '../../../../shared/features/map/contract';
import { call } from '../../platform/api/client';
import { mutate } from '../../platform/api/use-mutation';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Sends the file in chunks; each answer says how much the core has, so a repeated or lost chunk
 * is resent from there. Reports progress as a fraction.
 */
export async function uploadBasemap(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<ImportReport & { readonly basemap: BasemapEntry | null }> {
  // Begin and chunks change nothing anyone is shown (plain calls); the commit does (mutate).
  const begin = await call('map.uploadBegin', { fileName: file.name, size: file.size });
  let received = begin.received;
  let stalls = 0;
  try {
    while (received < file.size) {
      const end = Math.min(file.size, received + BASEMAP_CHUNK_BYTES);
      const bytes = new Uint8Array(await file.slice(received, end).arrayBuffer());
      const state = await call('map.uploadChunk', {
        uploadId: begin.uploadId,
        offset: received,
        data: toBase64(bytes),
      });
      stalls = state.received === received ? stalls + 1 : 0;
      if (stalls > 3) throw new Error('上传没有进展');
      received = state.received;
      onProgress(received / file.size);
    }
    // The commit changes the basemap list: what shows it is refreshed at once.
    return await mutate('map.uploadCommit', { uploadId: begin.uploadId });
  } catch (err) {
    await call('map.uploadCancel', { uploadId: begin.uploadId }).catch(() => undefined);
    throw err;
  }
}
