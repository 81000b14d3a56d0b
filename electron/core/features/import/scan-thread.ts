/**
 * Reads a 台账 in a thread of its own (scan-worker.ts) for the import's check and run, so that the
 * writer only writes: reading, converting and checking a row and building its event took about a
 * third of the writer's time per imported row (docs/IMPORT.md, eighth pass), work a dispatcher's
 * action waited behind. The thread reads through its own read-only connection; for a run it sends
 * each batch's validated `created` events and stays at most AHEAD batches ahead of the writer.
 */
import type { Worker } from 'node:worker_threads';
import { ApiError } from '../../../../shared/contract/index';
import type { ApiErrorData } from '../../../../shared/kernel/api-error';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';
import { spawnWorker } from '../../runtime/threads';
import type { Scan, ScanInput } from './ledger-scan';

/** Batches the thread may read before the writer has taken the first: one in hand, one ready. */
export const AHEAD = 2;
/** The thread's heap is capped: a hostile file costs the thread, not the writer. */
const SCAN_HEAP_MB = 512;

export interface ScanJob {
  readonly dataDir: string;
  readonly nativeBinding?: string;
  readonly input: ScanInput;
  readonly now: number;
  /** The writer's call counters (WriteEnv.callCounts): the thread pauses while others are in flight. */
  readonly calls?: SharedArrayBuffer;
  /** For a run: who files the `created` events, on which node. Absent for a check (counts only). */
  readonly events?: { readonly node: string; readonly actor: string };
}

export type FromScanWorker =
  | { readonly type: 'batch'; readonly rows: number; readonly events: EventPack }
  | { readonly type: 'done'; readonly scan: Scan }
  | { readonly type: 'failed'; readonly error: ApiErrorData | { readonly message: string } };

/** 'more': the writer took a batch; 'stop': it wants no more (a cancelled run). */
export type ToScanWorker = 'more' | 'stop';

/**
 * A batch's events as one UTF-8 buffer of their JSON texts and where each ends. Its buffers are
 * moved to the writer, not copied: taking 2,000 events as a message of 2,000 strings (~3 MB to
 * copy in one go) was a block a dispatcher's action waited behind. The writer decodes each event
 * in the step that writes it.
 */
export interface EventPack {
  readonly bytes: Uint8Array;
  readonly ends: Uint32Array;
}

export function packEvents(events: readonly OrderEvent[]): EventPack {
  const texts = events.map((e) => JSON.stringify(e));
  const ends = new Uint32Array(texts.length);
  let at = 0;
  texts.forEach((t, i) => {
    at += Buffer.byteLength(t);
    ends[i] = at;
  });
  return { bytes: new TextEncoder().encode(texts.join('')), ends };
}

const decoder = new TextDecoder();

/** The `i`th event of a pack. */
export function unpackEvent(pack: EventPack, i: number): OrderEvent {
  const from = i === 0 ? 0 : (pack.ends[i - 1] as number);
  return JSON.parse(decoder.decode(pack.bytes.subarray(from, pack.ends[i]))) as OrderEvent;
}

/**
 * Reads the file in a scan thread. For a run, `onEvents` gets each batch's events (a pack) and
 * its row count, in order, one at a time; answering false stops the reading. Resolves with the
 * scan's counts once every batch was handled.
 */
export function scanInThread(
  job: ScanJob,
  onEvents?: (events: EventPack, rows: number) => Promise<boolean>,
): Promise<Scan> {
  const worker: Worker = spawnWorker(
    {
      callerUrl: (import.meta as { url?: string }).url,
      bundled: 'ledger-scan-worker.cjs',
      source: 'scan-worker.ts',
    },
    { workerData: job, resourceLimits: { maxOldGenerationSizeMb: SCAN_HEAP_MB } },
  );
  return new Promise<Scan>((resolve, reject) => {
    let settled = false;
    // Batches are handled one after another, in the order they came.
    let queue: Promise<void> = Promise.resolve();
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    worker.on('message', (m: FromScanWorker) => {
      queue = queue
        .then(async () => {
          if (settled) return;
          if (m.type === 'batch') {
            const more = onEvents ? await onEvents(m.events, m.rows) : true;
            worker.postMessage((more ? 'more' : 'stop') satisfies ToScanWorker);
          } else if (m.type === 'done') {
            settled = true;
            resolve(m.scan);
          } else {
            fail(
              'code' in m.error ? ApiError.fromData(m.error) : new Error(`读取台账失败: ${m.error.message}`),
            );
          }
        })
        .catch(fail);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      // After `done` or `failed` the thread ends by itself; any other exit lost the file's reading.
      void queue.then(() => fail(new Error(`读取台账的线程意外退出 (${code})`)));
    });
  });
}
