/** Key/value state of this store: node name, HLC, demo flag, reference version. */
import { decodeHlc, encodeHlc, receiveHlc, tickHlc, type Hlc } from '../../../shared/kernel/hlc';
import { stmt } from './statements';
import type { ReadableDb, WritableDb } from './types';

export function getMeta(db: ReadableDb, key: string): string | null {
  const row = stmt(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? row.value : null;
}

export function setMeta(db: WritableDb, key: string, value: string): void {
  stmt(
    db,
    'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function isDemo(db: ReadableDb): boolean {
  return getMeta(db, 'demo') === '1';
}

export function setDemo(db: WritableDb, demo: boolean): void {
  setMeta(db, 'demo', demo ? '1' : '0');
}

function _lastHlc(db: ReadableDb, node: string): Hlc {
  const s = getMeta(db, 'hlc');
  if (!s) return { physical: 0, counter: 0, node };
  const h = decodeHlc(s);
  return { ...h, node };
}

/** Ticks and persists the node's clock for one local event (call inside the write transaction). */
export function nextLocalHlc(db: WritableDb, node: string, wallMs: number): string {
  const h = encodeHlc(tickHlc(_lastHlc(db, node), wallMs));
  setMeta(db, 'hlc', h);
  return h;
}

/** Merges a received timestamp so later local events sort after it. Clocks too far ahead are ignored. */
export function receiveRemoteHlc(db: WritableDb, node: string, remote: string, wallMs: number): void {
  try {
    setMeta(db, 'hlc', encodeHlc(receiveHlc(_lastHlc(db, node), decodeHlc(remote), wallMs)));
  } catch {
    // A remote clock >24 h ahead must not poison ours; the event itself is still stored.
  }
}
