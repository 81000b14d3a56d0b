/**
 * Permissions beside the role (issue 13): 核查结案 (`verify`) is its own permission, granted by
 * an admin, so a verifier may be an officer who did not dispatch. A comma-separated list.
 */
import type { WritableDb } from '../types';

export function migration0013Permissions(db: WritableDb): void {
  db.exec("ALTER TABLE account ADD COLUMN permissions TEXT NOT NULL DEFAULT ''");
}
