/**
 * The connector loop inside the core: every tick it reads the settings; when enabled and due
 * (interval elapsed, or open311.pullNow set `kick`) it runs one cycle — services check, requests,
 * updates, then outbound deliveries. A failed cycle records its error and retries at the next
 * interval; the cursor only moves with applied windows, so nothing is skipped silently.
 */
import type { ChangeHint } from '../../../../shared/contract/index';
import { readOpen311Settings, readOpen311State, writeOpen311State } from '../../features/open311';
import type { WritableDb } from '../../store/types';
import { log, type ConnectorContext } from './context';
import type { FetchLike } from './http';
import { checkServices, pullRequests, pullUpdates } from './pull';
import { deliverDue, enqueueOutbound } from './push';

/** The service list changes rarely: checked for unmapped codes once an hour. */
const SERVICES_EVERY_MS = 3_600_000;

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
}

export function createOpen311Connector(opts: ConnectorOptions): Open311Connector {
  const abort = new AbortController();
  const ctx: ConnectorContext = {
    db: opts.db,
    node: opts.node,
    now: opts.now,
    fetch: opts.fetch ?? ((url, init) => fetch(url, init)),
    hint: opts.publish,
    signal: abort.signal,
  };
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const cycle = async (): Promise<void> => {
    const settings = readOpen311Settings(ctx.db);
    if (!settings.endpoint) return;
    const started = ctx.now();
    writeOpen311State(ctx.db, { lastPullAt: started, kick: false });
    try {
      const checked = readOpen311State(ctx.db).servicesCheckedAt;
      if (checked === null || started - checked >= SERVICES_EVERY_MS) {
        try {
          await checkServices(ctx, settings);
          writeOpen311State(ctx.db, { servicesCheckedAt: started });
        } catch (err) {
          if (abort.signal.aborted) throw err;
          log(ctx, 'warn', `GET services 失败，继续拉取请求: ${(err as Error).message}`);
        }
      }
      const pull = await pullRequests(ctx, settings);
      const upd = await pullUpdates(ctx, settings);
      enqueueOutbound(ctx, settings);
      const push = await deliverDue(ctx, settings);
      writeOpen311State(ctx.db, {
        lastSuccessAt: ctx.now(),
        lastError: null,
        nextPullAt: ctx.now() + settings.intervalSec * 1000,
      });
      log(
        ctx,
        'info',
        `拉取完成: ${pull.records} 条记录 (${pull.pages} 页, ${pull.windows} 个窗口), 新建 ${pull.created}, 状态变更 ${pull.statusEvents + (upd?.statusEvents ?? 0)}, 隔离 ${pull.quarantined + (upd?.quarantined ?? 0)}; 回传 ${push.sent} 成功 ${push.failed} 失败`,
      );
    } catch (err) {
      if (abort.signal.aborted) return;
      const msg = (err as Error).message;
      writeOpen311State(ctx.db, { lastError: msg, nextPullAt: ctx.now() + settings.intervalSec * 1000 });
      log(ctx, 'error', `拉取失败: ${msg}`);
    } finally {
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
      const settings = readOpen311Settings(ctx.db);
      const st = readOpen311State(ctx.db);
      const due = st.kick || st.nextPullAt === null || ctx.now() >= st.nextPullAt;
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
      abort.abort();
      await running?.catch(() => undefined);
    },
  };
}
