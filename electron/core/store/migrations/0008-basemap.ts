/** Migration 8: the basemap tables. */
import type { WritableDb } from '../types';

export function migration0008Basemap(_db: WritableDb): void {
  // Reserved: filled in with the basemap feature's tables.
}
