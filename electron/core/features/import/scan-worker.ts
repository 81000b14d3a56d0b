/**
 * Worker-thread entry that reads a 台账 for the writer (scan-thread.ts): its own read-only
 * connection for the catalogue and the ids already imported, the rows converted and checked, and
 * for a run each batch's `created` events sent (moved, not copied), at most AHEAD batches ahead of
 * the writer. It gives way to the writer's other calls (scan-pause.ts).
 * Bundled to dist-electron/ledger-scan-worker.cjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../../../shared/contract/index';
import { openReader } from '../../store/db';
import { referenceIndex } from '../reference';
import { createdEvent, scan } from './ledger-scan';
import { stepAsideForCalls } from './scan-pause';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import {
  AHEAD,
  packEvents,
  type EventPack,
  type FromScanWorker,
  type ScanJob,
  type ToScanWorker,
} from './scan-thread';

const port = parentPort;
if (!port) throw new Error('scan-worker must run in a worker thread');
const job = workerData as ScanJob;
const post = (m: FromScanWorker): void => port.postMessage(m);
/** A batch's buffers are moved to the writer, not copied. */
const postBatch = (rows: number, events: EventPack): void =>
  port.postMessage({ type: 'batch', rows, events } satisfies FromScanWorker, [
    events.bytes.buffer as ArrayBuffer,
    events.ends.buffer as ArrayBuffer,
  ]);

let credit = AHEAD;
let posted = 0;
let finished = 0;
let stopped = false;
let wake: (() => void) | null = null;
port.on('message', (m: ToScanWorker) => {
  if (m === 'stop') stopped = true;
  else {
    credit++;
    finished++;
  }
  wake?.();
  wake = null;
});
const nextReport = (): Promise<void> => new Promise<void>((resolve) => (wake = resolve));

async function main(): Promise<void> {
  const db = openReader(job.dataDir, job.nativeBinding ? { nativeBinding: job.nativeBinding } : {});
  try {
    const filer = job.events;
    const handOver = filer
      ? { writerHasBatch: () => posted > finished, nextReport, stopped: () => stopped }
      : null;
    const breathe = job.calls ? stepAsideForCalls(job.calls, handOver) : null;
    const res = await scan(
      db,
      job.input,
      job.now,
      filer
        ? async (batch) => {
            while (credit === 0 && !stopped) await nextReport();
            if (stopped) return false;
            credit--;
            const ref = referenceIndex(db);
            const events: OrderEvent[] = [];
            for (const b of batch) {
              if (breathe && (events.length & 15) === 0) await breathe.pause();
              events.push(createdEvent(filer.node, ref, filer.actor, b));
            }
            postBatch(batch.length, packEvents(events));
            posted++;
            return true;
          }
        : undefined,
      ...(breathe ? [breathe] : []),
    );
    post({ type: 'done', scan: res });
  } finally {
    db.close();
  }
}

main().then(
  () => port.close(),
  (err: unknown) => {
    post({
      type: 'failed',
      error:
        err instanceof ApiError
          ? err.toData()
          : { message: (err instanceof Error ? err.message : String(err)).slice(0, 300) },
    });
    port.close();
  },
);
