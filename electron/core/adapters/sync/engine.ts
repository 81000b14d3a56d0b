/**
 * The hall's sync engine (runs inside the core worker): push the outbox, pull the feed after
 * the cursor, apply each pulled batch and advance the cursor in one transaction; back off with
 * jitter when the hub cannot be reached; keep an online / degraded / offline state for the
 * status bar, the wall and the outage banner. A WebSocket from the hub only hints "pull now".
 *
 * Coming back (issue 12): while offline the hall probes at least every 10 s (full jitter, so
 * hundreds of halls do not stampede a hub that restarts); it probes at once when the OS reports
 * the network back (networkBack, relayed from the renderer's `online` event) and when the hint
 * socket drops (the link may be going) or reconnects (the hub sends its seq on connect). The
 * cycle that first gets through pushes the whole outbox and pulls the whole feed.
 */
import { randomBytes } from 'node:crypto';
import {
  concurrentConflictReason,
  refusedUpstreamReason,
} from '../../../../shared/features/sync/conflict-reasons';
import type { ChangeHint } from '../../../../shared/kernel/proc';
import type { SyncSettings, SyncState, SyncStatus } from '../../../../shared/features/sync/contract';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../../../../shared/features/sync/backoff';
import type { SyncConfigureRequest, SyncControl } from '../../../../shared/features/sync/control';
import { MAX_PULL_ITEMS, type PushResponse } from '../../../../shared/features/sync/protocol';
import { outboxAck, outboxEventsJson, outboxPending } from '../../store/event-log/outbox';
import { quarantineOpenCount } from '../../features/sync';
import { getEvent } from '../../store/event-log/events';
import {
  applyPulledBatch,
  getSyncKv,
  openConflictCount,
  readCursor,
  recordConflict,
  setSyncKv,
} from '../../features/sync';
import type { WritableDb } from '../../store/types';
import { createHintSocket } from './hint-socket';
import { createHubClient, SyncError, type HubClient } from './hub-client';

export interface SyncTiming {
  /** Wait between cycles while online (the hint channel usually wakes the loop sooner). */
  readonly pollMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly requestTimeoutMs?: number;
  readonly pushBatch?: number;
  readonly pullBatch?: number;
  /** Listen to the hub's hint WebSocket (default true). */
  readonly hints?: boolean;
}

export interface SyncEngineOptions {
  readonly db: WritableDb;
  readonly node: string;
  readonly now: () => number;
  readonly publish: (hint: ChangeHint) => void;
  readonly timing?: SyncTiming;
  /** Jitter source (tests may fix it). */
  readonly random?: () => number;
}

export interface SyncEngine extends SyncControl {
  start(): void;
  stop(): Promise<void>;
  /**
   * Something was written locally (the core relays its `orders.changed` hints): while online,
   * push within LOCAL_PUSH_DELAY_MS instead of at the next poll.
   */
  localChange(): void;
  /** Runs one cycle now and resolves when it ends (tests, bench). True when it succeeded. */
  runOnce(): Promise<boolean>;
}

/** After this many failed cycles in a row the link counts as offline, not degraded. */
const OFFLINE_AFTER_FAILURES = 3;
const MAX_BATCHES_PER_CYCLE = 200;
/** Push batches sent before the first of them is answered (2: one committing, one on the wire). */
const PUSH_IN_FLIGHT = 2;
/** A burst of local writes is pushed as one cycle this long after its first write. */
const LOCAL_PUSH_DELAY_MS = 50;

export function createSyncEngine(opts: SyncEngineOptions): SyncEngine {
  const { db, node, now, publish } = opts;
  const timing = {
    pollMs: opts.timing?.pollMs ?? 30_000,
    backoff: opts.timing?.backoff ?? DEFAULT_BACKOFF,
    requestTimeoutMs: opts.timing?.requestTimeoutMs ?? 15_000,
    pushBatch: opts.timing?.pushBatch ?? 2_000,
    pullBatch: Math.min(opts.timing?.pullBatch ?? MAX_PULL_ITEMS, MAX_PULL_ITEMS),
    hints: opts.timing?.hints ?? true,
  };
  const random = opts.random ?? Math.random;

  let started = false;
  let stopped = false;
  let state: SyncState = 'off';
  let failures = 0;
  let lastError: string | null = null;
  let nextAttemptAt: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<boolean> | null = null;
  let again = false;
  let localTimer: NodeJS.Timeout | null = null;
  const hints = createHintSocket({
    timeoutMs: timing.requestTimeoutMs,
    backoff: timing.backoff,
    random,
    onHint: () => trigger(),
  });

  const hubUrl = (): string | null => getSyncKv(db, 'hub_url');
  const enabled = (): boolean => getSyncKv(db, 'enabled') !== '0';
  const configured = (): boolean => hubUrl() !== null && enabled() && getSyncKv(db, 'token') !== null;
  const numKv = (k: 'last_success_at' | 'offline_since'): number | null => {
    const v = getSyncKv(db, k);
    return v === null ? null : Number(v);
  };

  function setState(next: SyncState): void {
    if (next === state) return;
    state = next;
    publish({ topic: 'sync.changed' });
  }

  function client(): HubClient {
    return createHubClient({ baseUrl: hubUrl() as string, timeoutMs: timing.requestTimeoutMs });
  }

  async function ensureToken(c: HubClient): Promise<string> {
    const have = getSyncKv(db, 'node_token');
    if (have) return have;
    const given = getSyncKv(db, 'token') as string;
    // A token handed out per node (hn_…) is used as it is; anything else is the registration secret.
    if (given.startsWith('hn_')) {
      if (getSyncKv(db, 'hub_node') === null) setSyncKv(db, 'hub_node', (await c.info()).hubNode);
      return given;
    }
    // The node token this hall proposes is kept before asking: if the answer is lost, the same
    // request is repeated and the hub recognises it (a registered name is refused to anyone else).
    let proposed = getSyncKv(db, 'node_token_proposed');
    if (!proposed) {
      proposed = `hn_${randomBytes(24).toString('hex')}`;
      setSyncKv(db, 'node_token_proposed', proposed);
    }
    const r = await c.register(given, node, proposed);
    db.transaction(() => {
      setSyncKv(db, 'node_token', r.token);
      setSyncKv(db, 'hub_node', r.hubNode);
      setSyncKv(db, 'node_token_proposed', null);
    })();
    return r.token;
  }

  /** Settles one push answer: acknowledged and refused events leave the outbox, conflicts are listed. */
  function settlePush(asked: ReadonlySet<string>, r: PushResponse): void {
    const done = [...r.acked, ...r.refused.map((x) => x.id)].filter((id) => asked.has(id));
    if (done.length === 0) throw new SyncError('bad_response', '上级平台没有确认任何推送的事件');
    const t = now();
    const conflicts = [
      ...r.refused.map((x) => ({
        id: x.id,
        kind: 'refused' as const,
        reason: refusedUpstreamReason(x.reason),
      })),
      ...r.concurrent.map((x) => ({
        id: x.id,
        kind: 'concurrent' as const,
        reason: concurrentConflictReason(x.with),
      })),
    ];
    db.transaction(() => {
      outboxAck(db, done);
      for (const c of conflicts) {
        const event = asked.has(c.id) ? getEvent(db, c.id) : null;
        if (event) recordConflict(db, { event, kind: c.kind, reason: c.reason, detectedAt: t });
      }
    })();
    if (conflicts.length > 0) publish({ topic: 'sync.changed' });
  }

  /**
   * Drains the outbox oldest first. The next batch is read and sent while the hub still commits
   * the previous one (PUSH_IN_FLIGHT at most), so the hub never waits for the hall between
   * batches. Batches are disjoint (keyed by local seq) and each leaves the outbox only once the
   * hub answered for it; a batch the hub stored but whose answer was lost is pushed again next
   * cycle and acknowledged as a repeat (the hub is idempotent by event id): exactly once.
   */
  async function push(c: HubClient, token: string): Promise<boolean> {
    const inFlight: Array<{ asked: Set<string>; reply: Promise<PushResponse> }> = [];
    let after = -1;
    let sent = 0;
    const sendNext = (): void => {
      if (sent >= MAX_BATCHES_PER_CYCLE) return;
      const batch = outboxEventsJson(db, timing.pushBatch, after);
      if (batch.ids.length === 0) return;
      after = batch.lastSeq;
      sent++;
      const reply = c.push(token, readCursor(db), batch.json);
      // Handled when its turn comes; until then a failure must not count as unhandled.
      reply.catch(() => undefined);
      inFlight.push({ asked: new Set(batch.ids), reply });
    };
    sendNext();
    const changed = inFlight.length > 0;
    while (inFlight.length > 0) {
      if (inFlight.length < PUSH_IN_FLIGHT) sendNext();
      const { asked, reply } = inFlight.shift() as (typeof inFlight)[number];
      settlePush(asked, await reply);
    }
    return changed;
  }

  async function pull(c: HubClient, token: string): Promise<boolean> {
    let changed = false;
    for (let i = 0; i < MAX_BATCHES_PER_CYCLE; i++) {
      const cursor = readCursor(db);
      const page = await c.pull(token, cursor, timing.pullBatch);
      if (page.hubSeq < cursor)
        throw new SyncError(
          'bad_response',
          `上级平台的序号 ${page.hubSeq} 小于本地游标 ${cursor}（上级数据被重置？）`,
        );
      if (page.items.length === 0 && page.next === cursor) break;
      const res = applyPulledBatch(db, page.items, {
        node,
        hubNode: getSyncKv(db, 'hub_node') ?? 'hub',
        now: now(),
        next: Math.max(cursor, page.next),
      });
      if (res.orderIds.length > 0) publish({ topic: 'orders.changed', orderIds: res.orderIds });
      if (res.referenceVersion !== null) publish({ topic: 'reference.changed' });
      if (res.positions > 0) publish({ topic: 'field.changed' });
      if (res.quarantined > 0 || res.conflicts > 0) publish({ topic: 'sync.changed' });
      changed = changed || res.applied > 0 || res.quarantined > 0;
      if (!page.more) break;
    }
    return changed;
  }

  function listenHints(c: HubClient, token: string): void {
    if (timing.hints && !stopped) hints.listen(c.hintsUrl(token));
  }

  async function cycle(): Promise<boolean> {
    if (!configured()) {
      setState('off');
      return false;
    }
    const c = client();
    try {
      let token = await ensureToken(c);
      let pushed: boolean;
      let pulled: boolean;
      try {
        pushed = await push(c, token);
        pulled = await pull(c, token);
      } catch (err) {
        if (!(err instanceof SyncError && err.kind === 'auth') || getSyncKv(db, 'token')?.startsWith('hn_'))
          throw err;
        // The hub forgot us (reset, token replaced): register again once.
        setSyncKv(db, 'node_token', null);
        token = await ensureToken(c);
        pushed = await push(c, token);
        pulled = await pull(c, token);
      }
      const t = now();
      db.transaction(() => {
        setSyncKv(db, 'last_success_at', String(t));
        setSyncKv(db, 'offline_since', null);
      })();
      failures = 0;
      lastError = null;
      nextAttemptAt = null;
      const wasOnline = state === 'online';
      setState('online');
      if (wasOnline && (pushed || pulled)) publish({ topic: 'sync.changed' });
      listenHints(c, token);
      return true;
    } catch (err) {
      failures++;
      const e =
        err instanceof SyncError ? err : new SyncError('bad_response', `同步失败: ${(err as Error).message}`);
      lastError = e.message;
      if (numKv('offline_since') === null) setSyncKv(db, 'offline_since', String(now()));
      const offline = e.kind === 'network' || e.kind === 'protocol' || failures >= OFFLINE_AFTER_FAILURES;
      const before = state;
      setState(offline ? 'offline' : 'degraded');
      if (before === state) publish({ topic: 'sync.changed' });
      return false;
    }
  }

  function schedule(ok: boolean): void {
    if (stopped || !started) return;
    if (timer) clearTimeout(timer);
    if (!configured()) {
      nextAttemptAt = null;
      return;
    }
    const wait = again ? 0 : ok ? timing.pollMs : backoffDelay(failures, timing.backoff, random());
    again = false;
    nextAttemptAt = now() + wait;
    timer = setTimeout(() => void runCycle(), wait);
    timer.unref?.();
  }

  function runCycle(): Promise<boolean> {
    if (running) {
      again = true;
      return running;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    running = cycle()
      .catch(() => false)
      .then((ok) => {
        running = null;
        schedule(ok);
        return ok;
      });
    return running;
  }

  function trigger(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    void runCycle();
  }

  function status(): SyncStatus {
    return {
      state: configured() ? state : 'off',
      outboxPending: outboxPending(db),
      lastSuccessAt: numKv('last_success_at'),
      offlineSince: state === 'online' || !configured() ? null : numKv('offline_since'),
      lastError,
      nextAttemptAt,
      hubUrl: hubUrl(),
      cursor: readCursor(db),
      openConflicts: openConflictCount(db),
      quarantined: quarantineOpenCount(db),
    };
  }

  function settings(): SyncSettings {
    return { hubUrl: hubUrl(), hasToken: getSyncKv(db, 'token') !== null, node, enabled: enabled() };
  }

  return {
    start() {
      if (started) return;
      started = true;
      stopped = false;
      if (configured()) void runCycle();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (localTimer) clearTimeout(localTimer);
      localTimer = null;
      hints.close();
      if (running) await running.catch(() => false);
    },
    runOnce() {
      return runCycle();
    },
    status,
    settings,
    configure(req: SyncConfigureRequest): SyncSettings {
      const oldUrl = hubUrl();
      db.transaction(() => {
        setSyncKv(db, 'hub_url', req.hubUrl);
        setSyncKv(db, 'enabled', req.enabled ? '1' : '0');
        if (req.token !== undefined) {
          setSyncKv(db, 'token', req.token);
          setSyncKv(db, 'node_token', null);
        }
        // An outage of a link that is switched off or moved is over.
        if (req.hubUrl !== oldUrl || req.hubUrl === null || !req.enabled)
          setSyncKv(db, 'offline_since', null);
        if (req.hubUrl !== oldUrl) {
          // Another hub has its own sequence: start its feed from the beginning (repeats are no-ops).
          setSyncKv(db, 'node_token', null);
          setSyncKv(db, 'hub_node', null);
          setSyncKv(db, 'cursor', '0');
        }
      })();
      hints.close();
      failures = 0;
      lastError = null;
      if (!configured()) {
        if (timer) clearTimeout(timer);
        nextAttemptAt = null;
        setState('off');
      } else if (started) trigger();
      publish({ topic: 'sync.changed' });
      return settings();
    },
    retryNow(): SyncStatus {
      failures = Math.max(0, failures - 1);
      trigger();
      return status();
    },
    localChange(): void {
      // Push soon after a local write while the link is up (a burst is one cycle). While it is
      // down the backoff's probe pushes: a write must not turn into a probe of its own.
      if (stopped || !started || localTimer || state !== 'online') return;
      localTimer = setTimeout(() => {
        localTimer = null;
        if (state === 'online' && configured() && outboxPending(db) > 0) trigger();
      }, LOCAL_PUSH_DELAY_MS);
      localTimer.unref?.();
    },
    networkBack(): SyncStatus {
      // The next failure (if the network is not really back) starts the backoff from its first step.
      if (state !== 'online') failures = 0;
      trigger();
      return status();
    },
  };
}
