/**
 * Photos of an order (办理进展, 办结, 核查, 退单): stored by the hall content-addressed (sha256) and
 * named by that digest in the events. The desk shrinks a photo before it uploads it (longest side
 * 1600 px, JPEG), so one upload fits one request.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';

/** Largest photo the hall keeps, after the desk shrank it. */
export const MAX_ATTACHMENT_BYTES = 700 * 1024;
export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, '不是有效的附件编号');

export interface AttachmentRef {
  readonly sha256: string;
  readonly mime: AttachmentMime;
  readonly bytes: number;
}

export interface AttachmentData extends AttachmentRef {
  readonly fileName: string;
  /** The file, base64. */
  readonly data: string;
}

export const AttachmentUploadInput = z.object({
  fileName: z.string().trim().min(1).max(120),
  mime: z.enum(ATTACHMENT_MIMES),
  /** base64 of at most MAX_ATTACHMENT_BYTES bytes. */
  data: z
    .string()
    .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, '照片过大（压缩后不能超过 700 KB）')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '数据不是合法的 base64'),
});

export const ATTACHMENTS_PROCS = {
  /** Stores a photo (idempotent: the same bytes give the same sha256). */
  'attachments.upload': mutation<AttachmentRef>()(AttachmentUploadInput, { changes: [] }),
  /** A photo by its digest; officers and up (photos may show people and homes). */
  'attachments.get': query<AttachmentData>()(z.object({ sha256: Sha256 }), { role: 'officer', stale: [] }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
