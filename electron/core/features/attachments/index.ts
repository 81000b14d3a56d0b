/**
 * attachments.*: photos of orders, kept by the hall content-addressed. An upload is checked by
 * its bytes (a JPEG, PNG or WebP of at most MAX_ATTACHMENT_BYTES), stored under its sha256 and
 * recorded once; the same photo twice is one file.
 */
import { ApiError } from '../../../../shared/contract/index';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/features/attachments/contract';
import type { Handler } from '../../runtime/context';
import type { HandlerRegistry } from '../../runtime/registry';
import { readAttachment, sha256Of, sniffImage, writeAttachment } from './files';
import { getAttachment, knownAttachments, putAttachment } from './queries';

export { knownAttachments };

const upload: Handler<'attachments.upload'> = (input, call, env) => {
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length === 0) throw ApiError.why('file_refused', '照片是空的', 'data');
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    throw ApiError.why(
      'file_refused',
      `照片过大（${Math.round(bytes.length / 1024)} KB，上限 700 KB）`,
      'data',
    );
  const mime = sniffImage(bytes);
  if (!mime) throw ApiError.why('file_refused', '只能上传 JPEG、PNG 或 WebP 照片', 'data');
  const sha256 = sha256Of(bytes);
  // The file first: a record never names bytes that are not on disk.
  writeAttachment(env.dataDir, sha256, bytes);
  putAttachment(env.db, {
    sha256,
    mime,
    bytes: bytes.length,
    fileName: input.fileName,
    createdAt: env.now(),
    createdBy: call.actor,
  });
  return { sha256, mime, bytes: bytes.length };
};

const get: Handler<'attachments.get'> = (input, _call, env) => {
  const row = getAttachment(env.db, input.sha256);
  const bytes = row ? readAttachment(env.dataDir, input.sha256) : null;
  if (!row || !bytes)
    throw new ApiError('record_not_found', { params: { id: input.sha256 }, field: 'sha256' });
  return {
    sha256: row.sha256,
    mime: row.mime,
    bytes: row.bytes,
    fileName: row.fileName,
    data: bytes.toString('base64'),
  };
};

export function register(registry: HandlerRegistry): void {
  registry.register('attachments.upload', upload).register('attachments.get', get);
}
