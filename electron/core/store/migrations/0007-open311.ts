/** Migration 7: the open311 tables. */
import type { WritableDb } from '../types';

export function migration0007Open311(_db: WritableDb): void {
  // Reserved: filled in with the open311 feature's tables.
}
