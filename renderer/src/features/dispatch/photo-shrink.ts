/**
 * Photos are shrunk on the desk before they are uploaded: longest side 1600 px, JPEG at quality
 * 0.8 (lower, then smaller, until it fits MAX_ATTACHMENT_BYTES). A phone photo of 4–8 MB becomes
 * 200–500 KB and one upload is one request. `fitWithin` is pure; the rest needs a browser canvas.
 */
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/features/attachments/contract';

export const MAX_SIDE_PX = 1600;
const QUALITIES = [0.8, 0.65, 0.5] as const;

/** The size that keeps the aspect ratio with the longest side at most `max` (never enlarged). */
export function fitWithin(
  width: number,
  height: number,
  max = MAX_SIDE_PX,
): { width: number; height: number } {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const long = Math.max(w, h);
  if (long <= max) return { width: w, height: h };
  const k = max / long;
  return { width: Math.max(1, Math.round(w * k)), height: Math.max(1, Math.round(h * k)) };
}

export class PhotoError extends Error {
  constructor(readonly kind: 'unreadable' | 'tooBig') {
    super(kind);
  }
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

/** The photo as a JPEG that fits the hall's limit; PhotoError when it is not an image. */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new PhotoError('unreadable');
  }
  try {
    let { width, height } = fitWithin(bitmap.width, bitmap.height);
    for (let round = 0; round < 4; round++) {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new PhotoError('unreadable');
      // JPEG has no transparency: a white ground instead of black behind a transparent PNG.
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(bitmap, 0, 0, width, height);
      for (const q of QUALITIES) {
        const blob = await toBlob(canvas, q);
        if (blob && blob.size <= MAX_ATTACHMENT_BYTES) return blob;
      }
      ({ width, height } = fitWithin(width, height, Math.round(Math.max(width, height) * 0.75)));
    }
    throw new PhotoError('tooBig');
  } finally {
    bitmap.close();
  }
}

/** The bytes of a blob as base64 (what attachments.upload takes). */
export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}
