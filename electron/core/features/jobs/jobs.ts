/** jobs.* handlers: start, list, cancel, download. */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../../shared/contract/index';
import { roleAtLeast, ROLE_LABELS } from '../../../../shared/kernel/roles';
import type { AuthedCallContext, Handler } from '../../runtime/context';
import { jobKind, type JobCaller } from './kinds';
import { cancelQueued, getJob, insertJob, listJobs, toView, type JobRow } from './queries';
import { exportsDir, runnerFor } from './runner';

/** A download answers with the file inline (base64): larger files stay in the data folder. */
const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

function _mayTouch(job: JobRow, call: AuthedCallContext): boolean {
  return job.createdBy === call.actor || roleAtLeast(call.role, 'commander');
}

function _found(job: JobRow | null, id: string, call: AuthedCallContext): JobRow {
  if (!job || !_mayTouch(job, call)) throw new ApiError('job_not_found', { params: { id } });
  return job;
}

export const jobsStart: Handler<'jobs.start'> = (input, call, env, tools) => {
  const kind = jobKind(input.kind);
  if (!kind) throw new ApiError('job_kind_unknown', { field: 'kind', params: { kind: input.kind } });
  if (!roleAtLeast(call.role, kind.role))
    throw new ApiError('role_required', {
      params: { action: '', role: kind.role, roleLabel: ROLE_LABELS[kind.role], proc: input.kind },
    });
  const parsed = kind.params.safeParse(input.params);
  if (!parsed.success) throw ApiError.why('invalid_input', '导出参数无效', 'params');
  const caller: JobCaller = { role: call.role, actor: call.actor, masked: call.masked === true };
  kind.check?.(parsed.data, caller);
  const id = randomUUID();
  insertJob(env.db, {
    id,
    kind: input.kind,
    title: input.title,
    params: JSON.stringify(parsed.data),
    caller: JSON.stringify(caller),
    createdBy: call.actor,
    at: env.now(),
  });
  tools.hint({ topic: 'jobs.changed' });
  // After this call's answer: the runner picks the job up (it starts its thread outside the call).
  const runner = runnerFor(env.db);
  if (runner) setImmediate(() => runner.kick());
  const job = getJob(env.db, id);
  if (!job) throw new Error('job row vanished');
  return toView(job);
};

export const jobsList: Handler<'jobs.list'> = (input, call, env) =>
  listJobs(env.db, roleAtLeast(call.role, 'commander') ? null : call.actor, input.limit).map(toView);

export const jobsCancel: Handler<'jobs.cancel'> = (input, call, env, tools) => {
  const job = _found(getJob(env.db, input.id), input.id, call);
  if (job.status === 'queued') {
    cancelQueued(env.db, job.id, env.now());
  } else if (job.status === 'running') {
    runnerFor(env.db)?.cancel(job.id);
  } else {
    throw new ApiError('job_finished', { params: { id: input.id } });
  }
  tools.hint({ topic: 'jobs.changed' });
  return toView(getJob(env.db, job.id) ?? job);
};

export const jobsDownload: Handler<'jobs.download'> = (input, call, env) => {
  const job = _found(getJob(env.db, input.id), input.id, call);
  if (job.status !== 'done' || !job.fileName)
    throw new ApiError('job_not_ready', { params: { id: input.id } });
  const file = join(exportsDir(env.dataDir), job.fileName);
  let bytes: number;
  try {
    bytes = statSync(file).size;
  } catch {
    throw new ApiError('job_not_ready', { params: { id: input.id } });
  }
  if (bytes > MAX_DOWNLOAD_BYTES)
    throw ApiError.why(
      'file_refused',
      `文件过大 (${Math.round(bytes / 1048576)} MB)，请到数据目录 exports 文件夹中取用`,
    );
  const kind = jobKind(job.kind);
  return {
    fileName: job.fileName,
    mime: kind?.mime ?? 'application/octet-stream',
    base64: readFileSync(file).toString('base64'),
  };
};
