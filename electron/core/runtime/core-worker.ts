/**
 * Worker-thread entry of createCore: runs the in-process core here and relays messages.
 * Bundled separately to dist-electron/core-worker.cjs (see coreWorkerEntry in core.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../../shared/contract/index';
import { createInProcessCore, type FromWorker, type ToWorker, type WorkerCoreOptions } from './core';

const port = parentPort;
if (!port) throw new Error('core-worker must run in a worker thread');
const opts = (workerData as { opts: WorkerCoreOptions }).opts;
const post = (m: FromWorker): void => port.postMessage(m);

createInProcessCore(opts).then(
  (core) => {
    core.onChange((hint) => post({ type: 'hint', hint }));
    port.on('message', (msg: ToWorker) => {
      if (msg.type === 'close') {
        void core.close().then(() => post({ type: 'closed' }));
        return;
      }
      if (msg.type === 'resolve') {
        core.resolveSession(msg.token).then(
          (data) => post({ type: 'result', id: msg.id, ok: true, data }),
          (err: unknown) => {
            const e = err instanceof ApiError ? err : new ApiError('internal', String(err));
            post({ type: 'result', id: msg.id, ok: false, error: e.toData() });
          },
        );
        return;
      }
      core.call(msg.proc as never, msg.input, msg.ctx).then(
        (data) => post({ type: 'result', id: msg.id, ok: true, data }),
        (err: unknown) => {
          const e = err instanceof ApiError ? err : new ApiError('internal', String(err));
          post({ type: 'result', id: msg.id, ok: false, error: e.toData() });
        },
      );
    });
    post({ type: 'ready' });
  },
  (err: unknown) => {
    post({ type: 'initError', message: err instanceof Error ? err.message : String(err) });
  },
);
