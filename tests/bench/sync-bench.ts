/**
 * Sync figures of `npm run bench` (issue 4, item 7): 10,000 events hall → hub → second hall
 * over loopback (the hub a separate process, the halls' real engines), the same documents
 * replicated with PouchDB as the baseline, and the catch-up of a hall after a 72-hour outage
 * with 5,000 local actions. Only the sync is timed (filling the outbox is not).
 * Issue 12 adds the time to converge once the link returns: two halls with the engines'
 * production timing (backoff 1 s … 10 s with full jitter, hint socket on), the hub killed,
 * 2,600 actions done offline, the hub restarted — and a cut healed with the OS reporting the
 * network back (sync.networkBack).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../electron/core/store/db';
import { eventCount, appendOrderEvents } from '../../electron/core/store/event-log/events';
import { outboxPending } from '../../electron/core/store/event-log/outbox';
import { writeReference } from '../../electron/core/store/reference';
import { setSyncKv } from '../../electron/core/features/sync/queries';
import type { WritableDb } from '../../electron/core/store/types';
import { createSyncEngine, type SyncEngine } from '../../electron/core/adapters/sync/engine';
import { encodeHlc } from '../../shared/kernel/hlc';
import type { OrderEvent } from '../../shared/features/orders/order-events';
import { createdPayload, T0, TINY_REF } from '../integration/store/fixtures';
import { bundleProcs, freePort, kill9, sleep, spawnReady, spawnStandby } from '../fault/fault-fixtures';
import { startChaosProxy, type ChaosProxy } from '../fault/chaos-proxy';
import { hubSeqOf } from '../fault/store-compare';
import { readCursor } from '../../electron/core/features/sync/queries';
import { pouchReplicate } from './pouch-baseline';
import type { Table } from './table';

const EVENTS = 10_000;
const OUTAGE_ACTIONS = 5_000;
/**
 * Events pushed and pulled before the timed run (JIT and caches warm). V8 optimises zod's parsers
 * only after ~10,000 calls (measured: 25–40 ms per 1,000 events before, 2–3 ms after); a longer
 * warm-up would take ~0.1 s off the figure. We keep the shorter, less flattering one.
 */
const WARM_UP = 2_000;
const TOKEN = 'bench-registration-token-0123456789';

/** `n` events of n/4 orders (受理 → 派单 → 签收 → 办结), stamped by `node`, starting at `t0`. */
export function makeEvents(n: number, node: string, t0: number): OrderEvent[] {
  const out: OrderEvent[] = [];
  let k = 0;
  const base = createdPayload({ source: 'grid' });
  const created = { ...base, upstreamId: null, upstreamDeadline: null };
  while (out.length < n) {
    const orderId = randomUUID();
    const steps: Array<[OrderEvent['type'], unknown]> = [
      ['created', { ...created, title: `${node} 第${out.length}件` }],
      ['dispatched', { unitId: 'u-cg', coUnitIds: [], note: '' }],
      ['signed', { unitId: 'u-cg' }],
      ['replied', { result: '已处理完毕', photos: [] }],
    ];
    for (const [type, payload] of steps) {
      if (out.length >= n) break;
      k++;
      out.push({
        id: randomUUID(),
        orderId,
        type,
        payload,
        hlc: encodeHlc({ physical: t0 + k, counter: 0, node }),
        at: t0 + k,
        actor: 'bench',
        node,
      } as OrderEvent);
    }
  }
  return out;
}

function openHallDb(dir: string, hubUrl: string): WritableDb {
  const db = openDb(dir);
  writeReference(db, TINY_REF);
  setSyncKv(db, 'hub_url', hubUrl);
  setSyncKv(db, 'token', TOKEN);
  return db;
}

function engine(
  db: WritableDb,
  node: string,
  onChange: () => void,
  hints: boolean,
  now: () => number = Date.now,
): SyncEngine {
  return createSyncEngine({
    db,
    node,
    now,
    publish: onChange,
    timing: {
      pollMs: 60_000,
      backoff: { baseMs: 10, maxMs: 100 },
      // The engine's own batch sizes (push 2,000, pull 5,000): the figure is what the hall ships.
      hints,
    },
  });
}

export async function benchSync(table: Table): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const files = await bundleProcs();
  const port = await freePort();
  const hubUrl = `http://127.0.0.1:${port}`;
  const hub = await spawnReady(files.hub, [join(root, 'hub'), String(port), TOKEN]);
  try {
    // ---- 10,000 events hall → hub → second hall ---------------------------------------------
    const a = openHallDb(join(root, 'a'), hubUrl);
    const b = openHallDb(join(root, 'b'), hubUrl);
    let bDone: (() => void) | null = null;
    let target = Number.POSITIVE_INFINITY;
    const ea = engine(a, 'hallA', () => undefined, false);
    const eb = engine(
      b,
      'hallB',
      () => {
        if (bDone && eventCount(b) >= target) bDone();
      },
      true,
    );
    // Register both, take the hub's reference data, and warm up (not timed): a hub and a hall run
    // for months, so validators and statements are compiled before any real batch arrives.
    await ea.runOnce();
    eb.start();
    await eb.runOnce();
    appendOrderEvents(a, makeEvents(WARM_UP, 'hallA', T0 - 10 * WARM_UP), { source: 'local', now: T0 });
    await ea.runOnce();
    await eb.runOnce();
    target = eventCount(b) + EVENTS;
    appendOrderEvents(a, makeEvents(EVENTS, 'hallA', T0), { source: 'local', now: T0 });
    const arrived = new Promise<void>((resolve) => {
      bDone = resolve;
    });
    const t0 = performance.now();
    await ea.runOnce();
    const pushMs = performance.now() - t0;
    await arrived;
    const ms = performance.now() - t0;
    const ok = outboxPending(a) === 0 && eventCount(b) >= target;
    await ea.stop();
    await eb.stop();
    a.close();
    b.close();

    const docs = makeEvents(EVENTS, 'pouch', T0).map((e) => ({ ...e, _id: e.id }));
    const pouch = await pouchReplicate(docs);
    table.add({
      what: `sync ${EVENTS.toLocaleString('en')} events hall → hub → hall (loopback; push ${pushMs.toFixed(0)} ms)`,
      value: `${ms.toFixed(0)} ms`,
      budget: '≤ 2 s (issue 4)',
      pass: ok && ms <= 2_000,
      baseline: `PouchDB ${pouch.ms.toFixed(0)} ms`,
      ratio: ms / pouch.ms,
    });
    // ARCHITECTURE's 0.4 s is "5× faster than PouchDB on the same events" (it assumed PouchDB's
    // ≈ 2 s); checked as that ratio against PouchDB in this same run.
    table.add({
      what: 'the same sync against PouchDB replication of the same documents (ARCHITECTURE)',
      value: `${(pouch.ms / ms).toFixed(1)}× faster`,
      budget: '≥ 5× faster (ARCHITECTURE: ≤ 0.4 s)',
      pass: ok && ms * 5 <= pouch.ms,
      baseline: `PouchDB ${pouch.ms.toFixed(0)} ms`,
      ratio: ms / pouch.ms,
    });

    // ---- 72-hour outage, 5,000 local actions, catch-up -----------------------------------------
    const c = openHallDb(join(root, 'c'), hubUrl);
    let clock = T0;
    const ec = engine(
      c,
      'hallC',
      () => undefined,
      false,
      () => clock,
    );
    await ec.runOnce();
    // 72 h of local work while the hub is unreachable (the hub's address is wrong meanwhile).
    setSyncKv(c, 'hub_url', 'http://127.0.0.1:9');
    const offline = await ec.runOnce();
    appendOrderEvents(c, makeEvents(OUTAGE_ACTIONS, 'hallC', T0 + 1_000), { source: 'local', now: T0 });
    clock += 72 * 3600 * 1000;
    setSyncKv(c, 'hub_url', hubUrl);
    const c0 = performance.now();
    const back = await ec.runOnce();
    const catchUpMs = performance.now() - c0;
    table.add({
      what: `catch-up after a 72 h outage, ${OUTAGE_ACTIONS.toLocaleString('en')} local actions`,
      value: `${catchUpMs.toFixed(0)} ms`,
      budget: '≤ 2 s',
      pass: !offline && back && outboxPending(c) === 0 && catchUpMs <= 2_000,
    });
    await ec.stop();
    c.close();
    await benchReconnect(table, root, files.hub);
  } finally {
    await kill9(hub);
    rmSync(root, { recursive: true, force: true });
  }
}

interface ReconnectHall {
  readonly db: WritableDb;
  readonly engine: SyncEngine;
  readonly proxy: ChaosProxy;
}

/** Polls until every hall has an empty outbox and a cursor at the hub's seq; returns that instant. */
async function convergedAt(
  halls: readonly ReconnectHall[],
  hubDir: string,
  timeoutMs: number,
): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const seq = hubSeqOf(hubDir);
    if (
      halls.every(
        (h) => outboxPending(h.db) === 0 && readCursor(h.db) >= seq && h.engine.status().state === 'online',
      ) &&
      hubSeqOf(hubDir) === seq
    )
      return Date.now();
    if (Date.now() - t0 > timeoutMs) throw new Error('halls did not converge');
    await sleep(20);
  }
}

/**
 * After a link returns (issue 12): every hall fully pushed and pulled ≤ 5 s once the hub answers
 * again. Production timing; the halls are not nudged (the probe finds the hub), except in the
 * second row, where the OS's `online` event is relayed as the renderer does.
 */
async function benchReconnect(table: Table, root: string, hubFile: string): Promise<void> {
  const port = await freePort();
  const hubDir = join(root, 'reconnect-hub');
  let hub = await spawnReady(hubFile, [hubDir, String(port), TOKEN]);
  const halls: ReconnectHall[] = [];
  try {
    for (const node of ['hallR1', 'hallR2']) {
      const proxy = await startChaosProxy(`http://127.0.0.1:${port}`, Math.random, 'healed');
      const db = openHallDb(join(root, node), proxy.url);
      const e = createSyncEngine({ db, node, now: Date.now, publish: () => undefined });
      e.start();
      halls.push({ db, engine: e, proxy });
    }
    await convergedAt(halls, hubDir, 30_000);
    // ---- the hub restarts after 2,600 offline actions --------------------------------------
    const standby = spawnStandby(hubFile, [hubDir, String(port), TOKEN]);
    await kill9(hub);
    while (!halls.every((h) => h.engine.status().state === 'offline')) await sleep(50);
    halls.forEach((h, i) =>
      appendOrderEvents(h.db, makeEvents(1_300, `hallR${i + 1}`, Date.now()), {
        source: 'local',
        now: Date.now(),
      }),
    );
    for (const h of halls) h.proxy.watch();
    hub = await standby.go();
    const restartAt = Date.now();
    const done = await convergedAt(halls, hubDir, 60_000);
    const answers = halls.map((h) => h.proxy.stats.firstAnswerAt as number);
    const afterAnswer = done - Math.max(...answers);
    table.add({
      what: `after a link returns: hub restarted, 2 halls × 1,300 offline actions, all pushed and pulled once the hub answers (restart → converged ${done - restartAt} ms; first probes after ${answers.map((a) => a - restartAt).join(' / ')} ms)`,
      value: `${afterAnswer} ms`,
      budget: '≤ 5 s (issue 12; probes ≤ 10 s apart)',
      pass: afterAnswer <= 5_000 && answers.every((a) => a - restartAt <= 11_000),
    });
    // ---- a cut healed, the OS says the network is back ----------------------------------------
    for (const h of halls) h.proxy.cut();
    while (!halls.every((h) => h.engine.status().state === 'offline')) await sleep(50);
    halls.forEach((h, i) =>
      appendOrderEvents(h.db, makeEvents(200, `hallR${i + 1}`, Date.now() + 10_000), {
        source: 'local',
        now: Date.now(),
      }),
    );
    await sleep(8_000);
    const healAt = Date.now();
    for (const h of halls) {
      h.proxy.heal();
      h.engine.networkBack();
    }
    const back = await convergedAt(halls, hubDir, 30_000);
    table.add({
      what: 'after a link returns: cut healed and the OS reports the network back (online → sync.networkBack), 2 halls × 200 actions',
      value: `${back - healAt} ms`,
      budget: '≤ 5 s (issue 12)',
      pass: back - healAt <= 5_000,
    });
  } finally {
    for (const h of halls) {
      await h.engine.stop();
      h.db.close();
      await h.proxy.close();
    }
    await kill9(hub);
  }
}
