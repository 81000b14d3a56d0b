/**
 * Forward-only migrations. Migration N brings user_version from N-1 to N, each in one
 * transaction; a database newer than this code is refused rather than guessed at.
 */
import type { WritableDb } from '../types';
import { migration0001Initial } from './0001-initial';
import { migration0002Accounts } from './0002-accounts';
import { migration0003LoginThrottle } from './0003-login-throttle';
import { migration0004OpenUnitIndex } from './0004-open-unit-index';
import { migration0005Alarms } from './0005-alarms';
import { migration0006Sync } from './0006-sync';
import { migration0007Open311 } from './0007-open311';
import { migration0008Basemap } from './0008-basemap';
import { migration0009OutboxSeq } from './0009-outbox-seq';
import { migration0010UpstreamRepairs } from './0010-upstream-repairs';
import { migration0011DispatchDesk } from './0011-dispatch-desk';
import { migration0012SecurityRepairs } from './0012-security-repairs';
import { migration0013Permissions } from './0013-permissions';
import { migration0014Triage } from './0014-triage';
import { migration0015Import } from './0015-import';
import { migration0016Whistle } from './0016-whistle';
import { migration0017Analysis } from './0017-analysis';
import { migration0018Evaluation } from './0018-evaluation';
import { migration0019Party } from './0019-party';
import { migration0020UnitAccounts } from './0020-unit-accounts';
import { migration0021FieldForce } from './0021-field-force';
import { migration0022ProblemBank } from './0022-problem-bank';
import { migration0023ScheduledLedgers } from './0023-scheduled-ledgers';
import { migration0024AddressAssets } from './0024-address-assets';
import { migration0025TriageRepeats } from './0025-triage-repeats';
import { migration0026MemberAccounts } from './0026-member-accounts';
import { migration0027OrderPoint } from './0027-order-point';
import { migration0028PartyColumns } from './0028-party-columns';
import { migration0029HistoryCategories } from './0029-history-categories';
import { migration0030OneSearchIndex } from './0030-one-search-index';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: WritableDb) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: migration0001Initial },
  { version: 2, name: 'accounts', up: migration0002Accounts },
  { version: 3, name: 'login-throttle', up: migration0003LoginThrottle },
  { version: 4, name: 'open-unit-index', up: migration0004OpenUnitIndex },
  { version: 5, name: 'alarms', up: migration0005Alarms },
  { version: 6, name: 'sync', up: migration0006Sync },
  { version: 7, name: 'open311', up: migration0007Open311 },
  { version: 8, name: 'basemap', up: migration0008Basemap },
  { version: 9, name: 'outbox-seq', up: migration0009OutboxSeq },
  { version: 10, name: 'upstream-repairs', up: migration0010UpstreamRepairs },
  { version: 11, name: 'dispatch-desk', up: migration0011DispatchDesk },
  { version: 12, name: 'security-repairs', up: migration0012SecurityRepairs },
  { version: 13, name: 'permissions', up: migration0013Permissions },
  { version: 14, name: 'triage', up: migration0014Triage },
  { version: 15, name: 'import', up: migration0015Import },
  { version: 16, name: 'whistle', up: migration0016Whistle },
  { version: 17, name: 'analysis', up: migration0017Analysis },
  { version: 18, name: 'evaluation', up: migration0018Evaluation },
  { version: 19, name: 'party', up: migration0019Party },
  { version: 20, name: 'unit-accounts', up: migration0020UnitAccounts },
  { version: 21, name: 'field-force', up: migration0021FieldForce },
  { version: 22, name: 'problem-bank', up: migration0022ProblemBank },
  { version: 23, name: 'scheduled-ledgers', up: migration0023ScheduledLedgers },
  { version: 24, name: 'address-assets', up: migration0024AddressAssets },
  { version: 25, name: 'triage-repeats', up: migration0025TriageRepeats },
  { version: 26, name: 'member-accounts', up: migration0026MemberAccounts },
  { version: 27, name: 'order-point', up: migration0027OrderPoint },
  { version: 28, name: 'party-columns', up: migration0028PartyColumns },
  { version: 29, name: 'history-categories', up: migration0029HistoryCategories },
  { version: 30, name: 'one-search-index', up: migration0030OneSearchIndex },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`数据库版本比程序新 (database schema ${found}, this program supports up to ${supported})`);
    this.name = 'SchemaTooNewError';
  }
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

/** Runs pending migrations; returns the resulting schema version. */
export function migrate(db: WritableDb, migrations: readonly Migration[] = MIGRATIONS): number {
  checkOrder(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new SchemaTooNewError(current, migrations.length);
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
