/** The chunked, resumable basemap upload through the API (works over IPC and HTTP alike). */
import {
  BASEMAP_CHUNK_BYTES,
  type BasemapEntry,
  type ImportReport,
} from '../../../../shared/features/map/contract';
import { call } from '../../platform/api/client';
import { sendChunks } from '../../platform/api/chunked-upload';
import { mutate } from '../../platform/api/use-mutation';

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
  try {
    await sendChunks(
      file,
      begin.received,
      BASEMAP_CHUNK_BYTES,
      (offset, data) => call('map.uploadChunk', { uploadId: begin.uploadId, offset, data }),
      onProgress,
    );
    // The commit changes the basemap list: what shows it is refreshed at once.
    return await mutate('map.uploadCommit', { uploadId: begin.uploadId });
  } catch (err) {
    await call('map.uploadCancel', { uploadId: begin.uploadId }).catch(() => undefined);
    throw err;
  }
}
