/**
 * 每月一题 (issue 16): the problem bank. One row per topic; the topic's fields, milestones,
 * cluster signature and closure live in `json` (the handler parses them with the contract's
 * schemas); `version` guards concurrent edits.
 */
import type { WritableDb } from '../types';

export function migration0022ProblemBank(db: WritableDb): void {
  db.exec(`
    CREATE TABLE problem (
      id         TEXT PRIMARY KEY,
      month      TEXT NOT NULL,
      status     TEXT NOT NULL CHECK (status IN ('open', 'closed')),
      version    INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      json       TEXT NOT NULL
    );
    CREATE INDEX problem_month ON problem(month);
  `);
}
