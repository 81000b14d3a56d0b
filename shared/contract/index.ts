/**
 * The manifest of every procedure: one line per feature. A feature declares its procedures in
 * `shared/features/<f>/contract.ts` (names `domain.verb`, input schema, output type, role, and
 * the change hints it reads or writes); the core refuses duplicates and missing handlers.
 */
import type { z } from 'zod';
import type { Proc } from '../kernel/proc';
import { AUTH_PROCS } from '../features/auth/contract';
import { SYSTEM_PROCS } from '../features/system/contract';
import { REFERENCE_PROCS } from '../features/reference/contract';
import { ORDERS_PROCS } from '../features/orders/contract';
import { STATS_PROCS } from '../features/stats/contract';
import { MAP_PROCS } from '../features/map/contract';
import { AWARENESS_PROCS } from '../features/awareness/contract';
import { SYNC_PROCS } from '../features/sync/contract';
import { OPEN311_PROCS } from '../features/open311/contract';
import { TEMPLATES_PROCS } from '../features/templates/contract';
import { ATTACHMENTS_PROCS } from '../features/attachments/contract';
import { AUDIT_PROCS } from '../features/audit/contract';
import { TRIAGE_PROCS } from '../features/triage/contract';
import { JOBS_PROCS } from '../features/jobs/contract';
import { EVALUATION_PROCS } from '../features/evaluation/contract';
import { ANALYSIS_PROCS } from '../features/analysis/contract';
import { WHISTLE_PROCS } from '../features/whistle/contract';
import { DUTY_PROCS } from '../features/duty/contract';
import { IMPORT_PROCS } from '../features/import/contract';
import { PARTY_PROCS } from '../features/party/contract';
import { ADDRESS_PROCS } from '../features/address/contract';
import { ASSETS_PROCS } from '../features/assets/contract';
import { PROBLEMS_PROCS } from '../features/problems/contract';
import { FIELD_PROCS } from '../features/field/contract';

export const CONTRACT = {
  ...AUTH_PROCS,
  ...SYSTEM_PROCS,
  ...REFERENCE_PROCS,
  ...ORDERS_PROCS,
  ...STATS_PROCS,
  ...MAP_PROCS,
  ...AWARENESS_PROCS,
  ...SYNC_PROCS,
  ...OPEN311_PROCS,
  ...TEMPLATES_PROCS,
  ...ATTACHMENTS_PROCS,
  ...AUDIT_PROCS,
  ...JOBS_PROCS,
  ...EVALUATION_PROCS,
  ...TRIAGE_PROCS,
  ...ANALYSIS_PROCS,
  ...WHISTLE_PROCS,
  ...DUTY_PROCS,
  ...IMPORT_PROCS,
  ...ADDRESS_PROCS,
  ...ASSETS_PROCS,
  ...PROBLEMS_PROCS,
  ...FIELD_PROCS,
  ...PARTY_PROCS,
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;

export type Contract = typeof CONTRACT;
export type ProcName = keyof Contract;
export type ProcInput<P extends ProcName> = z.input<Contract[P]['input']>;
export type ProcParsedInput<P extends ProcName> = z.output<Contract[P]['input']>;
export type ProcOutput<P extends ProcName> = NonNullable<Contract[P]['_output']>;
/** True (as a type) for the procedures a caller without a role may use. */
export type IsPublicProc<P extends ProcName> = Contract[P] extends { readonly public: true } ? true : false;
/** True (as a type) for the procedures that only read. */
export type IsQueryProc<P extends ProcName> = Contract[P] extends { readonly kind: 'query' } ? true : false;

export function isProcName(name: string): name is ProcName {
  return Object.prototype.hasOwnProperty.call(CONTRACT, name);
}

export * from '../kernel/api-error';
export * from '../kernel/proc';
export * from '../kernel/roles';
export * from '../kernel/bridge';
export type * from '../features/auth/contract';
export type * from '../features/system/contract';
export type * from '../features/reference/contract';
export type * from '../features/orders/contract';
export type * from '../features/stats/contract';
export type * from '../features/map/contract';
export type * from '../features/awareness/contract';
export type * from '../features/sync/contract';
export type * from '../features/open311/contract';
export type * from '../features/templates/contract';
export type * from '../features/attachments/contract';
export type * from '../features/audit/contract';
export type * from '../features/triage/contract';
export type * from '../features/address/contract';
export type * from '../features/assets/contract';
export type * from '../features/jobs/contract';
export type * from '../features/evaluation/contract';
export type * from '../features/analysis/contract';
export type * from '../features/whistle/contract';
export type * from '../features/duty/contract';
export type * from '../features/import/contract';
export type * from '../features/problems/contract';
export type * from '../features/field/contract';
export {
  OrdersListInput,
  OrdersCreateInput,
  OrdersActInput,
  OrdersRecommendInput,
} from '../features/orders/contract';
export { AuthLoginInput, AuthSetupInput, AccountsCreateInput } from '../features/auth/contract';
/** True (as a type) for the procedures that run on the writer (mutations, writer-bound queries). */
export type RunsOnWriter<P extends ProcName> = Contract[P]['on'] extends 'writer' ? true : false;
export type * from '../features/party/contract';
