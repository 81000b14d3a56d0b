/**
 * The connector loop inside the core: every tick it reads the settings; when enabled and due
 * (interval elapsed, the pause after a failure over, or open311.pullNow set `kick`) it runs one
 * cycle — services check, requests, updates, then outbound deliveries.
 *
 * A failed cycle keeps the window it could not read (the cursor only moves with windows read
 * whole) and tries again after a pause that grows with each failure in a row — 15 s, 30 s, 1 min
 * … at most 30 min, for days if need be — and the status says which window waits and why, in
 * Chinese. A change of the settings (open311.configure, open311.resetCursor) bumps the state's
 * generation: the cycle in flight is aborted within a tick and, whatever it was doing, writes
 * nothing after that (every write checks the generation in its transaction).
 */
import type { ChangeHint } from '../../../../shared/contract/index';
import { CHINA_OFFSET_MS } from '../../../../shared/kernel/china-time';
import { readOpen311Settings, readOpen311State } from '../../features/open311';
import type { WritableDb } from '../../store/types';
import { log, writeState, type ConnectorContext } from './context';
import { describeOpen311Error, Open311Cancelled, Open311WindowError, technicalDetail } from './errors';
import type { FetchLike } from './http';
import { checkServices, pullRequests, pullUpdates } from './pull';
import { deliverDue, enqueueOutbound } from './push';

/** The service list changes rarely: checked for unmapped codes once an hour. */
const SERVICES_EVERY_MS = 3_600_000;
/** Pause after the first failure; doubles with each further one … */
const RETRY_BASE_MS = 15_000;
/** … up to this. */
const RETRY_MAX_MS = 30 * 60_000;
/** A server that ignores the date window is read whole each time: not more often than this. */
export const SLOW_PULL_MS = 15 * 60_000;

/** The pause before the next try after `failures` failed cycles in a row, ±20 % jitter. */
export function open311RetryDelay(failures: number, random: number): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(20, Math.max(0, failures - 1)));
  return Math.round(base * (0.8 + 0.4 * Math.min(Math.max(random, 0), 1)));
}

/** 'MM-DD HH:mm:ss' in China time: windows and retry times in the sentences people read. */
export function chinaStamp(ms: number): string {
  const t = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return `${t.slice(5, 10)} ${t.slice(11, 19)}`;
}

export interface Open311Connector {
  /** Runs one cycle now (tests; the loop calls it when due). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export interface ConnectorOptions {
  readonly db: WritableDb;
  readonly node: string;
  readonly now: () => number;
  readonly publish: (hint: ChangeHint) => void;
  readonly fetch?: FetchLike;
  /** How often the loop looks at the settings; default 1 s. */
  readonly tickMs?: number;
  /** false: no timer, only runOnce (tests). */
  readonly loop?: boolean;
  /** Jitter source of the retry pause (tests may fix it). */
  readonly random?: () => number;
  /** Pauses between the tries of one request (tests may shorten them). */
  readonly retryPausesMs?: readonly number[];
}

export function createOpen311Connector(opts: ConnectorOptions): Open311Connector {
  const stopAbort = new AbortController();
  const base: ConnectorContext = {
    db: opts.db,
    node: opts.node,
    now: opts.now,
    fetch: opts.fetch ?? ((url, init) => fetch(url, init)),
    hint: opts.publish,
    signal: stopAbort.signal,
    ...(opts.retryPausesMs ? { retryPausesMs: opts.retryPausesMs } : {}),
  };
  const random = opts.random ?? Math.random;
  let running: Promise<void> | null = null;
  /** The cycle in flight: its settings generation and how to abort it. */
  let current: { generation: number; abort: AbortController } | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const cycle = async (): Promise<void> => {
    const settings = readOpen311Settings(base.db);
    if (!settings.endpoint) return;
    const st0 = readOpen311State(base.db);
    const abort = new AbortController();
    current = { generation: st0.generation, abort };
    const ctx: ConnectorContext = {
      ...base,
      generation: st0.generation,
      signal: AbortSignal.any([stopAbort.signal, abort.signal]),
    };
    const started = ctx.now();
    try {
      writeState(ctx, { lastPullAt: started, kick: false });
      const checked = st0.servicesCheckedAt;
      if (checked === null || started - checked >= SERVICES_EVERY_MS) {
        try {
          await checkServices(ctx, settings);
          writeState(ctx, { servicesCheckedAt: started });
        } catch (err) {
          if (ctx.signal?.aborted || err instanceof Open311Cancelled) throw err;
          log(
            ctx,
            'warn',
            `GET services 失败，继续拉取请求：${describeOpen311Error(err)} (${technicalDetail(err)})`,
          );
        }
      }
      const pull = await pullRequests(ctx, settings);
      const upd = await pullUpdates(ctx, settings);
      enqueueOutbound(ctx, settings);
      const push = await deliverDue(ctx, settings);
      const every = settings.intervalSec * 1000;
      const wait = pull.slowDown ? Math.max(every, SLOW_PULL_MS) : every;
      writeState(ctx, {
        lastSuccessAt: ctx.now(),
        lastError: null,
        failures: 0,
        waiting: null,
        nextPullAt: ctx.now() + wait,
      });
      if (st0.waiting)
        log(
          ctx,
          'info',
          `此前失败 ${st0.failures} 次的窗口 ${chinaStamp(st0.waiting.from)} – ${chinaStamp(st0.waiting.to)} 已完整读取，没有遗漏`,
        );
      log(
        ctx,
        'info',
        `拉取完成: ${pull.records} 条记录 (${pull.pages} 页, ${pull.windows} 个窗口, ${pull.gets} 次请求), 新建 ${pull.created}${pull.unplaced ? `（待定位 ${pull.unplaced}）` : ''}, 状态变更 ${pull.statusEvents + (upd?.statusEvents ?? 0)}, 隔离 ${pull.quarantined + (upd?.quarantined ?? 0)}; 回传 ${push.sent} 成功 ${push.failed} 失败`,
      );
    } catch (err) {
      if (stopAbort.signal.aborted) return;
      if (err instanceof Open311Cancelled || abort.signal.aborted) {
        log(ctx, 'info', '设置已更改，本轮拉取已取消，其结果一律不写入；按新设置重新拉取');
        return;
      }
      const st = readOpen311State(base.db);
      const failures = st.failures + 1;
      const when = ctx.now() + open311RetryDelay(failures, random());
      const what = describeOpen311Error(err);
      const win = err instanceof Open311WindowError ? err : null;
      const kept = win
        ? `${win.what === 'updates' ? '状态更新' : '窗口'} ${chinaStamp(win.from)} – ${chinaStamp(win.to)} 保留，不会跳过`
        : '拉取进度保留';
      const sentence = `${what}。${kept}，已读取的数据不会丢失；${chinaStamp(when)} 自动重试（连续第 ${failures} 次失败）`;
      try {
        writeState(ctx, {
          lastError: sentence,
          failures,
          waiting: win
            ? {
                from: win.from,
                to: win.to,
                failures,
                since: st.waiting?.since ?? started,
                reason: what,
              }
            : st.waiting,
          nextPullAt: when,
        });
      } catch (e) {
        if (e instanceof Open311Cancelled) return;
        throw e;
      }
      log(ctx, 'error', `拉取失败：${sentence}（技术细节：${technicalDetail(win ? win.cause : err)}）`);
    } finally {
      if (current?.abort === abort) current = null;
      opts.publish({ topic: 'sync.changed' });
    }
  };

  const runOnce = (): Promise<void> => {
    if (!running) running = cycle().finally(() => (running = null));
    return running;
  };

  const tick = (): void => {
    timer = null;
    if (stopped) return;
    try {
      const settings = readOpen311Settings(base.db);
      const st = readOpen311State(base.db);
      // The settings changed under the cycle in flight: abort it now (it would write nothing anyway).
      if (current && current.generation !== st.generation) current.abort.abort();
      const due = st.kick || st.nextPullAt === null || base.now() >= st.nextPullAt;
      if (settings.enabled && settings.endpoint && due && !running) void runOnce();
    } catch (err) {
      console.error('[open311] tick failed:', err);
    }
    if (!stopped) timer = setTimeout(tick, opts.tickMs ?? 1000);
  };
  if (opts.loop !== false) timer = setTimeout(tick, opts.tickMs ?? 1000);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      stopAbort.abort();
      await running?.catch(() => undefined);
    },
  };
}
