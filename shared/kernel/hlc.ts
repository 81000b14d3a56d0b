/**
 * Hybrid logical clock (Kulkarni et al.). Pure: the caller passes the wall clock.
 * Encoded as `PPPPPPPPPPPPPPP:CCCCC:node` (15-digit ms, 5-digit counter) so that
 * string order equals clock order; the node name breaks ties between nodes.
 */
export interface Hlc {
  readonly physical: number;
  readonly counter: number;
  readonly node: string;
}

const MAX_COUNTER = 99_999;
/** Remote clocks further ahead than this are refused: a wrong clock must not poison ours. */
const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export function encodeHlc(h: Hlc): string {
  return `${String(h.physical).padStart(15, '0')}:${String(h.counter).padStart(5, '0')}:${h.node}`;
}

export function decodeHlc(s: string): Hlc {
  const m = /^(\d{15}):(\d{5}):([A-Za-z0-9_-]{1,32})$/.exec(s);
  if (!m) throw new Error(`invalid HLC: ${s}`);
  return { physical: Number(m[1]), counter: Number(m[2]), node: m[3] as string };
}

/** Tick for a local event. */
export function tickHlc(last: Hlc, wallMs: number): Hlc {
  if (wallMs > last.physical) return { physical: wallMs, counter: 0, node: last.node };
  if (last.counter >= MAX_COUNTER) return { physical: last.physical + 1, counter: 0, node: last.node };
  return { physical: last.physical, counter: last.counter + 1, node: last.node };
}

/** Merge a remote timestamp on receipt, so local events that follow sort after it. */
export function receiveHlc(last: Hlc, remote: Hlc, wallMs: number): Hlc {
  if (remote.physical - wallMs > MAX_DRIFT_MS) {
    throw new Error(`remote clock ${remote.node} is ahead by more than 24 h`);
  }
  const physical = Math.max(last.physical, remote.physical, wallMs);
  let counter: number;
  if (physical === last.physical && physical === remote.physical) {
    counter = Math.max(last.counter, remote.counter) + 1;
  } else if (physical === last.physical) {
    counter = last.counter + 1;
  } else if (physical === remote.physical) {
    counter = remote.counter + 1;
  } else {
    counter = 0;
  }
  if (counter > MAX_COUNTER) return { physical: physical + 1, counter: 0, node: last.node };
  return { physical, counter, node: last.node };
}

/** Total order of events: by HLC string, then by event id. */
export function compareEvents(
  a: { readonly hlc: string; readonly id: string },
  b: { readonly hlc: string; readonly id: string },
): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
