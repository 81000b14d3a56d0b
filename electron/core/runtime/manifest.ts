/**
 * The features of the core, one line each. A new feature is a folder
 * `electron/core/features/<f>/` whose index.ts exports `register`, and one line here.
 */
import type { FeatureModule } from './registry';
import * as auth from '../features/auth';
import * as system from '../features/system';
import * as reference from '../features/reference';
import * as orders from '../features/orders';
import * as stats from '../features/stats';
import * as map from '../features/map';
import * as awareness from '../features/awareness';
import * as sync from '../features/sync';
import * as open311 from '../features/open311';
import * as templates from '../features/templates';
import * as attachments from '../features/attachments';
import * as audit from '../features/audit';
import * as triage from '../features/triage';
import * as whistle from '../features/whistle';
import * as duty from '../features/duty';
import * as jobs from '../features/jobs';
import * as evaluation from '../features/evaluation';
import * as analysis from '../features/analysis';
import * as ledgerImport from '../features/import';
import * as party from '../features/party';
import * as address from '../features/address';
import * as assets from '../features/assets';
import * as problems from '../features/problems';
import * as field from '../features/field';

export const FEATURES: readonly FeatureModule[] = [
  auth,
  system,
  reference,
  orders,
  stats,
  map,
  awareness,
  sync,
  open311,
  templates,
  attachments,
  audit,
  triage,
  analysis,
  ledgerImport,
  problems,
  jobs,
  evaluation,
  whistle,
  duty,
  party,
  field,
  address,
  assets,
];
