/** What the connector's steps share: the store, clocks, HTTP, the log and change hints. */
import type { ChangeHint } from '../../../../shared/contract/index';
import type { Open311LogLine } from '../../../../shared/features/open311/contract';
import { appendOpen311Log } from '../../features/open311';
import type { WritableDb } from '../../store/types';
import type { FetchLike } from './http';

export interface ConnectorContext {
  readonly db: WritableDb;
  /** This hall's node name: only its own events are reported upstream. */
  readonly node: string;
  readonly now: () => number;
  readonly fetch: FetchLike;
  readonly hint: (hint: ChangeHint) => void;
  readonly signal?: AbortSignal;
  /** Also printed to the console; tests may collect lines. */
  readonly onLog?: (line: Open311LogLine) => void;
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
