/**
 * Worker-thread entry of createCore: runs the writer (createInProcessCore) or a reader
 * (createReaderCore) here and relays messages. Bundled separately to dist-electron/core-worker.cjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../../shared/contract/index';
import { createInProcessCore, createReaderCore, type Core } from './core';
import { answerCall, callsInFlight, mutationsSent } from './call-counts';
import type { FromWorker, ToWorker, WorkerStart } from './worker-link';

const port = parentPort;
if (!port) throw new Error('core-worker must run in a worker thread');
const start = workerData as WorkerStart;
const post = (m: FromWorker): void => port.postMessage(m);
const errorData = (err: unknown) => (err instanceof ApiError ? err : new ApiError('internal')).toData();

const opening: Promise<Core> =
  start.role === 'reader'
    ? Promise.resolve().then(() => createReaderCore(start.opts, (entry) => post({ type: 'audit', entry })))
    : createInProcessCore({
        ...start.opts,
        ...(start.calls
          ? {
              callsInFlight: callsInFlight(start.calls),
              mutationsSent: mutationsSent(start.calls),
              callCounts: start.calls,
            }
          : {}),
      });

opening.then(
  (core) => {
    core.onChange((hint) => post({ type: 'hint', hint }));
    port.on('message', (msg: ToWorker) => {
      if (msg.type === 'close') {
        void core.close().then(() => post({ type: 'closed' }));
        return;
      }
      if (msg.type === 'audit') {
        core.recordAudit(msg.entry);
        return;
      }
      const work: Promise<unknown> =
        msg.type === 'resolve'
          ? core.resolveSession(msg.token)
          : core.call(msg.proc as never, msg.input, msg.ctx);
      work.then(
        (data) => {
          answerCall(start.calls);
          post({ type: 'result', id: msg.id, ok: true, data });
        },
        (err: unknown) => {
          answerCall(start.calls);
          post({ type: 'result', id: msg.id, ok: false, error: errorData(err) });
        },
      );
    });
    post({ type: 'ready' });
  },
  (err: unknown) => {
    post({ type: 'initError', message: err instanceof Error ? err.message : String(err) });
  },
);
