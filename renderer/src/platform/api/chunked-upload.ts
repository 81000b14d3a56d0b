/**
 * Sending a file in chunks through the API (works over IPC and HTTP alike), for the uploads that
 * begin, send and commit through their own procedures (台账, basemap). Each answer says how much
 * the core has, so a repeated or lost chunk is resent from there.
 */

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Sends `file` from `received` on; throws when the core stops taking it (four answers in a row). */
export async function sendChunks(
  file: File,
  received: number,
  chunkBytes: number,
  send: (offset: number, data: string) => Promise<{ readonly received: number }>,
  onProgress: (fraction: number) => void,
): Promise<void> {
  let at = received;
  let stalls = 0;
  while (at < file.size) {
    const end = Math.min(file.size, at + chunkBytes);
    const bytes = new Uint8Array(await file.slice(at, end).arrayBuffer());
    const state = await send(at, toBase64(bytes));
    stalls = state.received === at ? stalls + 1 : 0;
    if (stalls > 3) throw new Error('上传没有进展');
    at = state.received;
    onProgress(at / file.size);
  }
}
