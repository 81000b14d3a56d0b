/**
 * The connector tests' rig: a real SQLite store on a temp dir, a loopback GeoReport v2 server,
 * and a connector driven cycle by cycle (no timer) on a clock the test moves.
 */
import type { Open311Settings } from '../../../shared/features/open311/contract';
import { Open311SettingsSchema } from '../../../shared/features/open311/contract';
import type { ChangeHint } from '../../../shared/contract';
import {
  createOpen311Connector,
  type Open311Connector,
} from '../../../electron/core/adapters/open311/connector';
import { openDb } from '../../../electron/core/store/db';
import { writeOpen311Settings } from '../../../electron/core/features/open311/queries';
import type { WritableDb } from '../../../electron/core/store/types';
import { tempDir } from '../store/fixtures';
import { startLoopbackOpen311, type LoopbackOpen311, type LoopRequest, type Quirks } from './loopback-server';

export const T = Date.UTC(2026, 10, 20, 8, 0, 0);
export const H = 3_600_000;

export type Cleanups = Array<() => Promise<void> | void>;

export interface Rig {
  db: WritableDb;
  server: LoopbackOpen311;
  connector: Open311Connector;
  hints: ChangeHint[];
  clock: { now: number };
  configure(patch: Partial<Open311Settings>): void;
}

export function req(id: string | number, hoursAfterT: number, extra: Partial<LoopRequest> = {}): LoopRequest {
  return {
    service_request_id: id,
    status: 'open',
    service_name: '道路破损',
    service_code: '001',
    description: `路面坑洞 ${id}`,
    address: '双井街道 1 号',
    requested: T + hoursAfterT * H,
    updated: T + hoursAfterT * H,
    lat: 39.8937,
    long: 116.4612,
    ...extra,
  };
}

export const SERVICE_MAP = [
  { serviceCode: '001', categoryCode: '01.01.001' },
  { serviceCode: '002', categoryCode: '02.01', urgency: 'P1' as const, appealType: 'complaint' as const },
];

export async function rig(
  cleanups: Cleanups,
  requests: LoopRequest[],
  quirks: Quirks = {},
  settings: Partial<Open311Settings> = {},
): Promise<Rig> {
  const t = tempDir('hall-o311-');
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  cleanups.push(() => {
    db.close();
  });
  const server = await startLoopbackOpen311({ requests, quirks });
  cleanups.push(() => server.close());
  const clock = { now: T + 48 * H };
  const hints: ChangeHint[] = [];
  const configure = (patch: Partial<Open311Settings>): void => {
    writeOpen311Settings(
      db,
      Open311SettingsSchema.parse({
        endpoint: server.url,
        enabled: true,
        since: T - H,
        windowDays: 1,
        overlapMinutes: 0,
        serviceMap: SERVICE_MAP,
        ...settings,
        ...patch,
      }),
      'secret-key',
    );
  };
  configure({});
  const connector = createOpen311Connector({
    db,
    node: 'hall',
    now: () => clock.now,
    publish: (h) => hints.push(h),
    loop: false,
    random: () => 0.5,
    retryPausesMs: [5, 5],
  });
  cleanups.push(() => connector.stop());
  return { db, server, connector, hints, clock, configure };
}

export function logText(db: WritableDb): string {
  return (db.prepare('SELECT message FROM open311_log ORDER BY id').pluck().all() as string[]).join('\n');
}

export function quarantine(
  db: WritableDb,
): Array<{ reason: string; ref: string | null; excerpt: string; hits: number }> {
  return db
    .prepare("SELECT reason, ref, excerpt, hits FROM quarantine WHERE source = 'open311' ORDER BY id")
    .all() as Array<{ reason: string; ref: string | null; excerpt: string; hits: number }>;
}

/** GETs of requests.json the server saw. */
export function requestGets(server: LoopbackOpen311): number {
  return server.hits.filter((h) => h.startsWith('GET') && h.includes('/requests.')).length;
}
