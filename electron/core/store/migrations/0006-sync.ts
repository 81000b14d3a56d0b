/** Migration 6: the sync tables. */
import type { WritableDb } from '../types';

export function migration0006Sync(_db: WritableDb): void {
  // Reserved: filled in with the sync feature's tables.
}
