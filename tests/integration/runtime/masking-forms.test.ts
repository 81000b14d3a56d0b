/**
 * Issue 11, item 4: on a wall and for viewers only three phone forms used to be masked. Every form
 * of the issue — spaced, dashed, dotted, +86, 0086, zero-width splits, full-width digits, Chinese
 * numerals, (010), ID numbers with a digit or X at the end, the citizen's own name typed into a
 * text, the exact address in the alarms — goes into titles, descriptions, addresses and notes of
 * real orders; then every query a wall can call (every viewer query of the contract) is asked as
 * a viewer, as an admin with the wall flag, and as a host-declared wall, and no answer may hold
 * any of them unmasked. An officer still sees them (the data was really there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessCore, type CallContext, type Core } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { CONTRACT, type ProcName } from '../../../shared/contract/index';
import { digitsView } from '../../../shared/kernel/masking';
import { cellIndex } from '../../../shared/features/analysis/cells';
import { createdPayload, T0, TINY_REF, tempDir } from '../store/fixtures';

const CITIZEN = '欧阳修远';
const ZW = '\u200b';
/** The forms of the issue, each with the raw digits that must never show. */
const FORMS: ReadonlyArray<readonly [string, string]> = [
  ['13812345678', '13812345678'],
  ['+86 13812345678', '13812345678'],
  ['010-87654321', '87654321'],
  ['138 1234 5678', '13812345678'],
  ['138-1234-5678', '13812345678'],
  ['138.1234.5678', '13812345678'],
  ['+8613812345678', '13812345678'],
  ['008613812345678', '13812345678'],
  [`138${ZW}1234${ZW}5678`, '13812345678'],
  ['１３８１２３４５６７８', '13812345678'],
  ['一三八一二三四五六七八', '13812345678'],
  ['幺三八幺二三四五六七八', '13812345678'],
  ['(010)87654321', '87654321'],
  ['010 8765 4321', '87654321'],
  ['110101199003071234', '19900307'],
  ['11010119900307123X', '19900307'],
];
const NAME_FORMS = [CITIZEN, `欧${ZW}阳修远`, '欧阳 修远'];

const cleanups: Array<() => Promise<void> | void> = [];
let core: Core;
const orderIds: string[] = [];
/** The place cell of the first order (a hotspot's drill-down asks for one). */
let spot: { cx: number; cy: number } = { cx: 0, cy: 0 };
const admin: CallContext = { role: 'admin', actor: 'root' };

beforeAll(async () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = openDb(t.dir);
  writeReference(db, TINY_REF);
  db.close();
  let clock = T0;
  core = await createInProcessCore({ dataDir: t.dir, host: 'test', now: () => (clock += 1000) });
  cleanups.push(() => core.close());
  for (const [i, [form]] of FORMS.entries()) {
    const name = NAME_FORMS[i % NAME_FORMS.length];
    const o = await core.call(
      'orders.create',
      {
        order: createdPayload({
          urgency: i % 2 ? 'P0' : 'P2',
          title: `${name}报修 电话${form}`,
          description: `居民${name}反映，联系 ${form}，身份证 ${FORMS[14]![0]}`,
          address: `光华路12号3号楼2单元501室 ${form}`,
          citizen: { name: CITIZEN, phone: '13987654321' },
        }),
      },
      admin,
    );
    orderIds.push(o.order.id);
    await core.call(
      'orders.act',
      {
        orderId: o.order.id,
        expectedVersion: o.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg', note: `请联系${name} ${form}` } },
      },
      admin,
    );
  }
  const first = await core.call('orders.get', { orderId: orderIds[0]! }, admin);
  spot = { cx: cellIndex(first.order.lng ?? 0), cy: cellIndex(first.order.lat ?? 0) };
}, 120_000);

afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Inputs for the viewer queries that need one; any other must accept {}. */
function inputsFor(proc: string): unknown[] {
  switch (proc) {
    case 'orders.get':
      return orderIds.map((orderId) => ({ orderId }));
    case 'orders.list':
      return [{ limit: 500 }, { q: '报修', limit: 500 }];
    case 'awareness.feed':
      return [{ limit: 100 }];
    case 'stats.month':
      return [{ month: '2026-03' }];
    case 'stats.cube':
      return [{ from: '2026-01', to: '2026-03' }];
    case 'reference.places':
      return [{ q: '光华' }];
    // The month of T0 (2026-03) for the monthly and ranged reads.
    case 'evaluation.scores':
    case 'evaluation.whatIf':
    case 'evaluation.dual':
    case 'whistle.assessment':
      return [{ month: '2026-03' }];
    case 'evaluation.orders':
      return [{ month: '2026-03', level: 'unit', key: 'u-cg' }];
    case 'analysis.trend':
      return [{ from: '2026-03-01', to: '2026-03-31' }];
    case 'analysis.cube':
      return [{ from: '2026-01', to: '2026-03' }];
    case 'analysis.spotOrders':
      return [{ ...spot, from: '2026-03-01', to: '2026-03-31' }];
    case 'field.near':
      return [{ lng: 116.405, lat: 39.905 }];
    case 'assets.inBox':
      return [{ minLng: 116.39, minLat: 39.89, maxLng: 116.42, maxLat: 39.92 }];
    // This store has no 部件; the card's titles are masked for viewers and walls in
    // tests/integration/assets/assets-map.test.ts.
    case 'assets.card':
      return [];
    case 'jobs.download':
      // Needs a finished job of the caller's own; an export reads through its starter's gate.
      return [];
    default:
      return [{}];
  }
}

/** What must never appear in an answer for a masked caller. */
function leaks(answer: unknown): string[] {
  const text = JSON.stringify(answer);
  const digits = digitsView(text);
  const out: string[] = [];
  for (const [, raw] of FORMS) if (digits.includes(raw)) out.push(raw);
  if (digits.includes('13987654321')) out.push('citizen phone');
  const plain = text.replace(/[\s\p{Cf}·.\-_]/gu, '');
  if (plain.includes(CITIZEN)) out.push(CITIZEN);
  // The exact door of the alarm's address.
  if (/2单元501/.test(plain)) out.push('address door');
  return out;
}

const WALL_READS = (Object.keys(CONTRACT) as ProcName[]).filter(
  (p) => CONTRACT[p].kind === 'query' && CONTRACT[p].role === 'viewer',
);

describe('every form is masked on every procedure a wall reads', () => {
  const callers: Array<[string, CallContext]> = [
    ['viewer', { role: 'viewer', actor: 'viewer' }],
    ['admin with the wall flag', { role: 'admin', actor: 'root', masked: true }],
    ['a host-declared wall', { role: 'admin', actor: 'root', wall: true }],
  ];
  it.each(callers)('as %s', async (_label, ctx) => {
    expect(WALL_READS.length).toBeGreaterThanOrEqual(10);
    for (const proc of WALL_READS) {
      for (const input of inputsFor(proc)) {
        const answer = await core.call(proc, input, ctx);
        expect(leaks(answer), `${proc} ${JSON.stringify(input)}`).toEqual([]);
      }
    }
  });

  it('the data was there: an officer sees every form, and the masked forms reach the wall', async () => {
    const officer: CallContext = { role: 'officer', actor: 'duty' };
    const seen = new Set<string>();
    for (const orderId of orderIds)
      for (const l of leaks(await core.call('orders.get', { orderId }, officer))) seen.add(l);
    expect([...seen].sort()).toEqual(
      [...new Set([...FORMS.map((f) => f[1]), 'citizen phone', CITIZEN, 'address door'])].sort(),
    );
    const wall = await core.call('orders.get', { orderId: orderIds[0]! }, { role: 'viewer', actor: 'v' });
    expect(wall.order.title).toBe('欧***报修 电话138****5678');
    expect(wall.order.citizen).toEqual({ name: '欧***', phone: '139****4321' });
    const alarms = await core.call('awareness.alarms', {}, { role: 'viewer', actor: 'v' });
    expect(alarms.pending.length).toBeGreaterThan(0);
    for (const a of alarms.pending) expect(a.address).toBe('光华路**');
  });

  it('a host-declared wall is never more than a viewer, whoever signed in at it', async () => {
    const wall: CallContext = { role: 'admin', actor: 'root', wall: true };
    await expect(core.call('accounts.list', {}, wall)).rejects.toMatchObject({ reason: 'role_required' });
    await expect(
      core.call('orders.create', { order: createdPayload({ title: '大屏上的新工单' }) }, wall),
    ).rejects.toMatchObject({ reason: 'role_required' });
    const status = await core.call('auth.status', {}, wall);
    expect(status.user?.role).toBe('viewer');
  });
});
