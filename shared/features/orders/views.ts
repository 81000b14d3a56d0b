/** Output shapes of the API: what the renderer receives. */
import type { Category } from '../reference/catalogue';
import type { Community, Grid, Street } from '../reference/jurisdiction';
import type { PersonRole, Unit, UnitKind } from '../reference/organisation';
import type { OrderEvent } from './order-events';
import type { OrderSource, OrderStatus, Urgency, WorkOrder } from './order';
import type { SlaPolicy } from './sla-policy';
import type { TimerState } from './sla-clock';
import type { ThreeRates } from '../stats/three-rates';
import type { Role } from '../../kernel/proc';

/** The signed-in user as the renderer shows them (never the password hash or the session token). */
export interface AuthUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface AuthStatus {
  /** No account exists yet: the first start asks to create the admin account. */
  readonly needsSetup: boolean;
  /**
   * Who the caller is: a logged-in account, or — for a wall token or a host started with
   * --loopback-role — a synthetic user without an account; null when not logged in.
   */
  readonly user: AuthUser | null;
  /** True when `user` is a logged-in account session (so 退出登录 makes sense). */
  readonly session: boolean;
  /** Same as system.info.demo: the login screen shows the 模拟数据 badge too. */
  readonly demo: boolean;
}

/**
 * auth.login / auth.setup answer. `token` is the session secret: the hosts keep it (an HttpOnly
 * cookie in the browser, main-process memory in Electron) and strip it before the renderer sees it.
 */
export interface AuthLoginResult {
  readonly user: AuthUser;
  readonly token?: string;
}

export interface AccountRow extends AuthUser {
  readonly createdAt: number;
  readonly disabled: boolean;
}

export interface SystemInfo {
  readonly appVersion: string;
  readonly schemaVersion: number;
  readonly node: string;
  readonly host: 'electron' | 'browser' | 'test';
  /** True when the store holds the seeded demo street (UI labels it 模拟数据). */
  readonly demo: boolean;
  readonly storeBytes: number;
  readonly orderCount: number;
  readonly eventCount: number;
  /** Events written locally and not yet acknowledged upstream (honest pending count). */
  readonly outboxPending: number;
  readonly serverTime: number;
  readonly role: string;
}

/** One file in the backups folder (system.backups), newest first. */
export interface BackupFile {
  /** `hall-YYYYMMDD-HHmmss.db` (China time), `-N` added for a second backup in the same second. */
  readonly name: string;
  /** Absolute path on the machine that runs the core: what `--restore` takes. */
  readonly file: string;
  readonly bytes: number;
  readonly modifiedAt: number;
}

export interface BackupList {
  readonly dir: string;
  /** How many files the rotation keeps. */
  readonly keep: number;
  /** Between scheduled backups, null when the schedule is off. */
  readonly intervalMs: number | null;
  /** Whether a clean shutdown takes a backup. */
  readonly onClose: boolean;
  readonly files: readonly BackupFile[];
}

/** system.backup: the backup just taken. */
export interface BackupResult {
  readonly name: string;
  readonly file: string;
  readonly bytes: number;
  /** How long the online copy took. */
  readonly ms: number;
}

/** A row of the orders list: enough for the table, nothing personal. */
export interface OrderListRow {
  readonly id: string;
  readonly title: string;
  readonly status: OrderStatus;
  readonly urgency: Urgency;
  readonly source: OrderSource;
  readonly categoryCode: string;
  readonly communityCode: string | null;
  readonly gridCode: string | null;
  readonly unitId: string | null;
  readonly address: string;
  readonly receivedAt: number;
  /** Internal finish deadline (ms), null when no finish timer runs. */
  readonly finishDeadline: number | null;
  readonly overdue: boolean;
}

export interface OrderListPage {
  readonly rows: readonly OrderListRow[];
  /** Total matching rows (capped at 10,000 for speed; `totalCapped` says so). */
  readonly total: number;
  readonly totalCapped: boolean;
  /** Opaque cursor for the next page, null at the end. */
  readonly nextCursor: string | null;
}

export interface OrderDetail {
  /** Citizen name/phone masked unless the caller's role may see them. */
  readonly order: WorkOrder;
  readonly events: readonly OrderEvent[];
  readonly timers: readonly TimerState[];
}

/**
 * A person as the renderer may show them (who signed, who replied): no phone, no home; the name
 * is masked below the officer role, like a citizen's.
 */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
  readonly role: PersonRole;
  readonly unitId: string | null;
  readonly communityCode: string | null;
  readonly gridCode: string | null;
}

export interface ReferenceSnapshot {
  readonly version: number;
  readonly street: Street;
  readonly communities: readonly Community[];
  readonly grids: readonly Grid[];
  readonly categories: readonly Category[];
  readonly units: readonly Unit[];
  /** Event actors are person ids: the timeline shows these names instead. */
  readonly people: readonly PersonRef[];
  readonly slaPolicy: SlaPolicy;
}

export interface MonthStats {
  readonly month: string;
  readonly received: number;
  readonly closed: number;
  readonly open: number;
  readonly overdue: number;
  readonly byStatus: Readonly<Partial<Record<OrderStatus, number>>>;
  readonly rates: ThreeRates;
}

/** One ranked unit of orders.recommend (shared/features/orders/recommend.ts scores it). */
export interface UnitRecommendation {
  readonly unitId: string;
  readonly name: string;
  readonly kind: UnitKind;
  /** Weighted sum of the factors, 0..1. */
  readonly score: number;
  /** Each factor 0..1, before weighting. */
  readonly factors: {
    readonly responsibility: number;
    readonly grid: number;
    readonly distance: number;
    readonly load: number;
    readonly skills: number;
  };
  /** Open orders of the unit now. */
  readonly load: number;
  /** Metres from the unit to the order, null without a location. */
  readonly distanceM: number | null;
  /** Short Chinese reasons (责任单位, 本社区, 距离…, 在办…件). */
  readonly reasons: readonly string[];
}

export interface OrderRecommendations {
  readonly orderId: string;
  /** The unit the responsibility list names for the order's category × community, if any. */
  readonly responsibleUnitId: string | null;
  /** Best first; at most `limit`. */
  readonly candidates: readonly UnitRecommendation[];
}
