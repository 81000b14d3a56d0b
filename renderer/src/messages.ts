/**
 * The message catalogue: the platform's shared keys plus one line per feature. It lives with the
 * app's composition because platform/ imports no feature. A feature's catalogue files
 * (features/<f>/messages.{zh,en}.ts) are, with index.ts and panel.ts, its public entries: plain
 * data, so taking them does not pull a lazily loaded feature into the app's first chunk. Keys
 * must not collide across features (checked by tests/unit/renderer/src/messages.test.ts).
 */
import { accountsEn } from './features/accounts/messages.en';
import { analysisEn } from './features/analysis/messages.en';
import { analysisZh } from './features/analysis/messages.zh';
import { accountsZh } from './features/accounts/messages.zh';
import { auditEn } from './features/audit/messages.en';
import { auditZh } from './features/audit/messages.zh';
import { authEn } from './features/auth/messages.en';
import { authZh } from './features/auth/messages.zh';
import { awarenessEn } from './features/awareness/messages.en';
import { awarenessZh } from './features/awareness/messages.zh';
import { dispatchEn } from './features/dispatch/messages.en';
import { dispatchZh } from './features/dispatch/messages.zh';
import { evaluationEn } from './features/evaluation/messages.en';
import { evaluationZh } from './features/evaluation/messages.zh';
import { jobsEn } from './features/jobs/messages.en';
import { jobsZh } from './features/jobs/messages.zh';
import { importEn } from './features/import/messages.en';
import { importZh } from './features/import/messages.zh';
import { intakeEn } from './features/intake/messages.en';
import { intakeZh } from './features/intake/messages.zh';
import { mapEn } from './features/map/messages.en';
import { mapZh } from './features/map/messages.zh';
import { statsEn } from './features/stats/messages.en';
import { statsZh } from './features/stats/messages.zh';
import { syncEn } from './features/sync/messages.en';
import { syncZh } from './features/sync/messages.zh';
import { templatesEn } from './features/templates/messages.en';
import { templatesZh } from './features/templates/messages.zh';
import { triageEn } from './features/triage/messages.en';
import { triageZh } from './features/triage/messages.zh';
import { wallEn } from './features/wall/messages.en';
import { wallZh } from './features/wall/messages.zh';
import { whistleEn } from './features/whistle/messages.en';
import { dutyEn } from './features/duty/messages.en';
import { dutyZh } from './features/duty/messages.zh';
import { partyEn } from './features/party/messages.en';
import { partyZh } from './features/party/messages.zh';
import { whistleZh } from './features/whistle/messages.zh';
import { fieldEn } from './features/field/messages.en';
import { fieldZh } from './features/field/messages.zh';
import { addressEn } from './features/address/messages.en';
import { addressZh } from './features/address/messages.zh';
import { problemsEn } from './features/problems/messages.en';
import { problemsZh } from './features/problems/messages.zh';
import type { Catalogue } from './platform/i18n/catalogue';
import { sharedEn } from './platform/i18n/messages.en';
import { sharedZh } from './platform/i18n/messages.zh';

/** Simplified Chinese: the hall's default language. */
export const zh = {
  ...sharedZh,
  ...authZh,
  ...accountsZh,
  ...auditZh,
  ...dispatchZh,
  ...statsZh,
  ...mapZh,
  ...awarenessZh,
  ...wallZh,
  ...syncZh,
  ...intakeZh,
  ...templatesZh,
  ...triageZh,
  ...analysisZh,
  ...jobsZh,
  ...evaluationZh,
  ...whistleZh,
  ...dutyZh,
  ...partyZh,
  ...importZh,
  ...fieldZh,
  ...addressZh,
  ...problemsZh,
} as const;

export type Messages = Catalogue<typeof zh>;

/** English: the same keys (the type enforces it). */
export const en: Messages = {
  ...sharedEn,
  ...authEn,
  ...accountsEn,
  ...auditEn,
  ...dispatchEn,
  ...statsEn,
  ...mapEn,
  ...awarenessEn,
  ...wallEn,
  ...syncEn,
  ...intakeEn,
  ...templatesEn,
  ...triageEn,
  ...analysisEn,
  ...jobsEn,
  ...evaluationEn,
  ...whistleEn,
  ...dutyEn,
  ...partyEn,
  ...importEn,
  ...fieldEn,
  ...addressEn,
  ...problemsEn,
};
