/** What the connector's steps share: the store, clocks, HTTP, the log and change hints. */
import type { ChangeHint } from '../../../../shared/contract/index';
import type { Open311LogLine } from '../../../../shared/features/open311/contract';
import {
  appendOpen311Log,
  readOpen311State,
  writeOpen311State,
  type Open311State,
} from '../../features/open311';
import type { WritableDb } from '../../store/types';
import { Open311Cancelled } from './errors';
import type { FetchLike } from './http';

export interface ConnectorContext {
  readonly db: WritableDb;
  /** This hall's node name: only its own events are reported upstream. */
  readonly node: string;
  readonly now: () => number;
  readonly fetch: FetchLike;
  readonly hint: (hint: ChangeHint) => void;
  readonly signal?: AbortSignal;
  /**
   * The settings generation this cycle started under (Open311State.generation). Every write of
   * the cycle checks it first: after a configuration change the cycle writes nothing.
   */
  readonly generation?: number;
  /** Also printed to the console; tests may collect lines. */
  readonly onLog?: (line: Open311LogLine) => void;
  /** Pauses between the tries of one request (ms); tests may shorten them. */
  readonly retryPausesMs?: readonly number[];
}

/** One clear log line: console, the admin-visible open311_log, and the optional collector. */
export function log(ctx: ConnectorContext, level: Open311LogLine['level'], message: string): void {
  const line: Open311LogLine = { at: ctx.now(), level, message };
  const print = level === 'error' ? console.error : level === 'warn' ? console.warn : console.info;
  print(`[open311] ${message}`);
  try {
    appendOpen311Log(ctx.db, line);
  } catch {
    // The store may be closing; the console line is enough then.
  }
  ctx.onLog?.(line);
}

/** Throws Open311Cancelled when the settings changed since this cycle started (call inside the write's transaction). */
export function assertCurrent(ctx: ConnectorContext): void {
  if (ctx.generation !== undefined && readOpen311State(ctx.db).generation !== ctx.generation)
    throw new Open311Cancelled();
}

/** Writes the connector's state, only while the cycle's settings are still the current ones. */
export function writeState(ctx: ConnectorContext, patch: Partial<Open311State>): Open311State {
  return ctx.db.transaction(() => {
    assertCurrent(ctx);
    return writeOpen311State(ctx.db, patch);
  })();
}
