/**
 * Child process of the fault tests: a hall's store and sync engine (the core's engine, without
 * the service layer so a restart is quick) that keeps writing local actions the way the
 * services do — event + outbox in one transaction — until `<dataDir>/stop-writing` exists.
 * It creates orders and dispatches any open order it knows, its own or the other hall's.
 * argv: dataDir node hubUrl token [standby]
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../../electron/core/store/db';
import { nextLocalHlc } from '../../../electron/core/store/meta';
import { appendOrderEvents } from '../../../electron/core/store/event-log/events';
import { readReference, writeReference } from '../../../electron/core/store/reference';
import { setSyncKv } from '../../../electron/core/features/sync/queries';
import { stmt } from '../../../electron/core/store/statements';
import { createSyncEngine } from '../../../electron/core/adapters/sync/engine';
import { decodeHlc } from '../../../shared/kernel/hlc';
import type { OrderEvent } from '../../../shared/features/orders/order-events';
import { createdPayload, TINY_REF } from '../../integration/store/fixtures';
import { waitForGo } from './wait-go';

const [dataDir, node, hubUrl, token, standby] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string | undefined,
];

async function main(): Promise<void> {
  if (standby === 'standby') await waitForGo();
  const db = openDb(dataDir);
  if (!readReference(db)) writeReference(db, TINY_REF);
  setSyncKv(db, 'hub_url', hubUrl);
  setSyncKv(db, 'token', token);
  const engine = createSyncEngine({
    db,
    node,
    now: Date.now,
    publish: () => undefined,
    timing: {
      pollMs: 40,
      backoff: { baseMs: 20, maxMs: 150 },
      requestTimeoutMs: 2_000,
      pushBatch: 50,
      pullBatch: 50,
      // Polling every 40 ms; the hint socket would only cost start-up time here.
      hints: false,
    },
  });
  engine.start();
  process.stdout.write('READY\n');
  const stopFile = join(dataDir, 'stop-writing');
  const created = { ...createdPayload({ source: 'grid' }), upstreamId: null, upstreamDeadline: null };
  let k = 0;
  const act = (): void => {
    if (existsSync(stopFile)) return;
    k++;
    db.transaction(() => {
      const hlc = nextLocalHlc(db, node, Date.now());
      const at = decodeHlc(hlc).physical;
      const open =
        k % 2 === 0
          ? (stmt(db, "SELECT id FROM work_order WHERE status = 'received' ORDER BY random() LIMIT 1")
              .pluck()
              .get() as string | undefined)
          : undefined;
      const e = (
        open
          ? {
              type: 'dispatched',
              orderId: open,
              payload: { unitId: 'u-cg', coUnitIds: [], note: `${node} 派单` },
            }
          : { type: 'created', orderId: randomUUID(), payload: { ...created, title: `${node} 第${k}件` } }
      ) as Pick<OrderEvent, 'type' | 'orderId' | 'payload'>;
      appendOrderEvents(db, [{ ...e, id: randomUUID(), hlc, at, actor: 'fault', node } as OrderEvent], {
        source: 'local',
      });
    })();
  };
  // A burst at start, then steady: each short life between kills still writes something.
  for (let i = 0; i < 3; i++) act();
  setInterval(act, 10);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
