/**
 * Attachments on the hub, content-addressed by sha256 and uploaded resumably: HEAD tells how
 * many bytes are already there, PUT appends a chunk at exactly that offset, and when the
 * declared total is reached the bytes are hashed and must match their name.
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_ATTACHMENT_BYTES, Sha256 } from '../../../../shared/features/sync/protocol';
import { getAttachment, upsertAttachment } from '../../features/sync';
import type { WritableDb } from '../../store/types';
import { HttpError, readBody, sendJson } from './hub-http';

const CHUNK_LIMIT = 8 * 1024 * 1024;

export function createAttachmentStore(db: WritableDb, dir: string, now: () => number) {
  mkdirSync(dir, { recursive: true });
  const part = (sha: string): string => join(dir, `${sha}.part`);
  const done = (sha: string): string => join(dir, sha);
  const received = (sha: string): number => (existsSync(part(sha)) ? statSync(part(sha)).size : 0);

  function name(raw: string): string {
    const p = Sha256.safeParse(raw);
    if (!p.success) throw new HttpError(400, 'bad_sha256', '附件名必须是 64 位小写十六进制 sha256');
    return p.data;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, rawSha: string): Promise<void> {
    const sha = name(rawSha);
    const row = getAttachment(db, sha);
    if (req.method === 'HEAD') {
      const have = row?.complete ? row.size : received(sha);
      res.writeHead(row || have > 0 ? 200 : 404, {
        'x-upload-offset': String(have),
        'x-complete': row?.complete ? '1' : '0',
      });
      res.end();
      return;
    }
    if (req.method === 'GET') {
      if (!row?.complete) throw new HttpError(404, 'not_found', `附件不存在: ${sha}`);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': row.size });
      createReadStream(done(sha)).pipe(res);
      return;
    }
    if (req.method !== 'PUT') throw new HttpError(405, 'method', '只支持 HEAD、GET、PUT');
    if (row?.complete) {
      await readBody(req, CHUNK_LIMIT);
      sendJson(res, 200, { sha256: sha, offset: row.size, complete: true });
      return;
    }
    const total = Number(req.headers['x-total-size']);
    const offset = Number(req.headers['x-upload-offset']);
    if (!Number.isInteger(total) || total < 0 || total > MAX_ATTACHMENT_BYTES)
      throw new HttpError(400, 'bad_size', `x-total-size 必须是 0–${MAX_ATTACHMENT_BYTES} 的整数`);
    const have = received(sha);
    if (offset !== have) {
      // The client resumes from where the hub is, not from where it thinks it is.
      sendJson(res, 409, {
        error: { code: 'offset_mismatch', message: `续传位置应为 ${have}` },
        offset: have,
      });
      req.resume();
      return;
    }
    const chunk = await readBody(req, Math.min(CHUNK_LIMIT, total - have));
    appendFileSync(part(sha), chunk);
    const now2 = have + chunk.length;
    if (now2 < total) {
      upsertAttachment(db, sha, total, false, now());
      sendJson(res, 200, { sha256: sha, offset: now2, complete: false });
      return;
    }
    const hash = createHash('sha256');
    await new Promise<void>((resolve, reject) => {
      createReadStream(part(sha))
        .on('data', (c) => hash.update(c))
        .on('end', resolve)
        .on('error', reject);
    });
    if (hash.digest('hex') !== sha) {
      rmSync(part(sha), { force: true });
      throw new HttpError(422, 'sha256_mismatch', '附件内容与 sha256 不符，已丢弃，请重新上传');
    }
    renameSync(part(sha), done(sha));
    upsertAttachment(db, sha, total, true, now());
    sendJson(res, 200, { sha256: sha, offset: total, complete: true });
  }

  return { handle };
}
