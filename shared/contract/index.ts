/**
 * The registry of every procedure. Names are `domain.verb`; the core refuses duplicates.
 * Adding a procedure: one entry here, one handler in electron/core/services.
 */
import { z } from 'zod';
import { OrderActionSchema, EVENT_PAYLOADS } from '../features/orders/order-events';
import { OrderSource, OrderStatus, Urgency } from '../features/orders/order';
import { mutation, publicProc, query, ROLES, type Proc } from '../kernel/proc';
import type {
  AccountRow,
  AuthLoginResult,
  AuthStatus,
  BackupList,
  BackupResult,
  MonthStats,
  OrderDetail,
  OrderListPage,
  OrderRecommendations,
  ReferenceSnapshot,
  SystemInfo,
} from '../features/orders/views';
import { MAP_PROCS } from '../features/map/contract';
import { AWARENESS_PROCS } from '../features/awareness/contract';
import { SYNC_PROCS } from '../features/sync/contract';
import { OPEN311_PROCS } from '../features/open311/contract';

const orderId = z.string().min(1).max(64);
const epochMs = z.number().int().nonnegative();

export const OrdersListInput = z.object({
  status: z.array(OrderStatus).max(8).optional(),
  urgency: z.array(Urgency).max(4).optional(),
  source: z.array(OrderSource).max(7).optional(),
  /** Category code at any level; matches its descendants. */
  categoryCode: z
    .string()
    .regex(/^\d{2}(\.\d{2}(\.\d{3})?)?$/)
    .optional(),
  communityCode: z.string().max(20).optional(),
  gridCode: z.string().max(24).optional(),
  receivedFrom: epochMs.optional(),
  receivedTo: epochMs.optional(),
  overdueOnly: z.boolean().optional(),
  /** Full-text search over title, description and address; 1 character and up. */
  q: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).nullable().optional(),
});
export type OrdersListInput = z.input<typeof OrdersListInput>;

export const OrdersCreateInput = z.object({
  /** Client-chosen id makes the intake idempotent: repeating it returns the same order. */
  orderId: orderId.optional(),
  order: EVENT_PAYLOADS.created,
});

export const OrdersRecommendInput = z.object({
  orderId,
  limit: z.number().int().min(1).max(50).default(5),
});

export const OrdersActInput = z.object({
  orderId,
  /** The order version the user saw; a different current version is a conflict. */
  expectedVersion: z.number().int().nonnegative(),
  action: OrderActionSchema,
  /** Client-chosen event id makes the action idempotent across retries. */
  eventId: z.string().min(1).max(128).optional(),
});

const username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、点、下划线和连字符');
/** Passwords: at least 8 characters (the security baseline); the upper bound keeps scrypt input sane. */
const password = z.string().min(8, '密码至少 8 个字符').max(256, '密码最多 256 个字符');
const displayName = z.string().trim().min(1, '请填写姓名').max(40, '姓名最多 40 个字符');

export const AuthLoginInput = z.object({
  // No format rules on login: a wrong name must get the same generic answer as a wrong password.
  username: z.string().max(64),
  password: z.string().max(256),
});
export const AuthSetupInput = z.object({ username, displayName, password });
export const AccountsCreateInput = z.object({ username, displayName, password, role: z.enum(ROLES) });

export const CONTRACT = {
  'auth.status': publicProc<AuthStatus>()(z.object({}), 'query'),
  'auth.setup': publicProc<AuthLoginResult>()(AuthSetupInput, 'mutation'),
  'auth.login': publicProc<AuthLoginResult>()(AuthLoginInput, 'mutation'),
  'auth.logout': publicProc<{ readonly loggedOut: boolean }>()(z.object({}), 'mutation'),
  'accounts.list': query<readonly AccountRow[]>()(z.object({}), 'admin'),
  'accounts.create': mutation<AccountRow>()(AccountsCreateInput, 'admin'),
  'accounts.setDisabled': mutation<AccountRow>()(
    z.object({ username: z.string().max(64), disabled: z.boolean() }),
    'admin',
  ),
  'accounts.resetPassword': mutation<AccountRow>()(
    z.object({ username: z.string().max(64), password }),
    'admin',
  ),
  'system.info': query<SystemInfo>()(z.object({})),
  /** Takes an online backup now (admin). */
  'system.backup': mutation<BackupResult>()(z.object({}), 'admin'),
  /** The backups folder: files newest first, and the schedule. */
  'system.backups': query<BackupList>()(z.object({}), 'admin'),
  'reference.snapshot': query<ReferenceSnapshot>()(z.object({})),
  'orders.list': query<OrderListPage>()(OrdersListInput),
  'orders.get': query<OrderDetail>()(z.object({ orderId })),
  'orders.create': mutation<OrderDetail>()(OrdersCreateInput),
  'orders.act': mutation<OrderDetail>()(OrdersActInput),
  /** Dispatch recommendation: units ranked by responsibility, area, distance, load, skills. */
  'orders.recommend': query<OrderRecommendations>()(OrdersRecommendInput, 'officer'),
  'stats.month': query<MonthStats>()(z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) })),
  ...MAP_PROCS,
  ...AWARENESS_PROCS,
  ...SYNC_PROCS,
  ...OPEN311_PROCS,
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;

export type Contract = typeof CONTRACT;
export type ProcName = keyof Contract;
export type ProcInput<P extends ProcName> = z.input<Contract[P]['input']>;
export type ProcParsedInput<P extends ProcName> = z.output<Contract[P]['input']>;
export type ProcOutput<P extends ProcName> = NonNullable<Contract[P]['_output']>;

export function isProcName(name: string): name is ProcName {
  return Object.prototype.hasOwnProperty.call(CONTRACT, name);
}

export * from '../kernel/proc';
export * from '../features/orders/action-roles';
export type * from '../features/orders/views';
export type * from '../kernel/bridge';
export { API_PREFIX, EVENTS_PATH } from '../kernel/bridge';

/** True (as a type) for the procedures a caller without a role may use. */
export type IsPublicProc<P extends ProcName> = Contract[P] extends { readonly public: true } ? true : false;
