/** Migration 5: the alarms tables. */
import type { WritableDb } from '../types';

export function migration0005Alarms(_db: WritableDb): void {
  // Reserved: filled in with the alarms feature's tables.
}
