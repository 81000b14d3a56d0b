/**
 * Property: every procedure of the contract, called by every kind of caller (no role, each role,
 * masked, a host-declared wall) with arbitrary input — random JSON, and objects shaped like the
 * procedure's own input with random values — is answered or refused with a typed reason. Never an
 * `internal` error, never a crash, and the core keeps answering afterwards. Real in-process core
 * over a real SQLite file, fixed seed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessCore, type CallContext, type Core } from '../../../electron/core/runtime/core';
import { openDb } from '../../../electron/core/store/db';
import { writeReference } from '../../../electron/core/store/reference';
import { CONTRACT, ROLES, type ProcName } from '../../../shared/contract/index';
import { createdPayload, T0, TINY_REF, tempDir } from '../store/fixtures';
import { fuzzParams, isTypedRefusal, jsonish } from './fuzz-config';

let core: Core;
let cleanup: () => void;
let orderId = '';

beforeAll(async () => {
  const t = tempDir('hall-fuzz-');
  cleanup = t.cleanup;
  const db = openDb(t.dir);
  writeReference(db, TINY_REF);
  db.close();
  let clock = T0;
  core = await createInProcessCore({
    dataDir: t.dir,
    host: 'test',
    now: () => (clock += 1000),
    sync: false,
    backup: { intervalMs: 0, onClose: false, keep: 2, manualKeep: 2 },
  });
  orderId = (await core.call('orders.create', { order: createdPayload() }, { role: 'admin', actor: 'root' }))
    .order.id;
});

afterAll(async () => {
  await core?.close();
  cleanup?.();
});

const PROCS = Object.keys(CONTRACT) as ProcName[];
const answered = new Set<string>();

const callers: fc.Arbitrary<CallContext> = fc.record(
  {
    role: fc.constantFrom(null, ...ROLES),
    actor: fc.constantFrom('fuzz', 'root', ''),
    masked: fc.boolean(),
    wall: fc.boolean(),
    local: fc.boolean(),
    address: fc.constantFrom('127.0.0.1', '10.0.0.9', ''),
  },
  { requiredKeys: ['role', 'actor'] },
);

/** The keys of a procedure's input schema (zod object), to build inputs that look almost right. */
function keysOf(proc: ProcName): string[] {
  const schema = CONTRACT[proc].input as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** A value for a key: often a plausible one (an existing order, a small number), often random. */
function valueFor(key: string): fc.Arbitrary<unknown> {
  const plausible: Record<string, fc.Arbitrary<unknown>> = {
    orderId: fc.constantFrom(orderId, 'nope', ''),
    limit: fc.integer({ min: -5, max: 600 }),
    month: fc.constantFrom('2026-03', '2026-13', 'x'),
    from: fc.constantFrom('2026-01', 0, -1),
    to: fc.constantFrom('2026-03', 8_640_000_000_001),
    username: fc.constantFrom('admin', 'Admin', 'a', '张三', 'x'.repeat(80)),
    password: fc.constantFrom('12345678', 'good-pass-1', '', '\u0000'.repeat(8)),
    days: fc.constantFrom(7, 30, 90, 0),
    grain: fc.constantFrom('day', 'week', 'month', 'spot', 'community', 'x'),
    q: fc.constantFrom('水', '停车', ''),
    text: fc.constantFrom('小区门口路灯不亮', ''),
    memberId: fc.constantFrom('nope', ''),
    // assets.inBox: a box of the right size somewhere, or the wrong way round.
    minLng: fc.constantFrom(116.4, 116.42),
    minLat: fc.constantFrom(39.9, 39.92),
    maxLng: fc.constantFrom(116.41, 116.4),
    maxLat: fc.constantFrom(39.91, 39.9),
  };
  return fc.oneof(plausible[key] ?? jsonish, jsonish);
}

const inputFor = (proc: ProcName): fc.Arbitrary<unknown> => {
  const keys = keysOf(proc);
  const shaped =
    keys.length > 0
      ? fc.record(Object.fromEntries(keys.map((k) => [k, valueFor(k)])), { requiredKeys: [] })
      : fc.constant({});
  return fc.oneof(jsonish, shaped, shaped);
};

describe('every procedure × every caller × arbitrary input', () => {
  it('answers or refuses with a typed reason; never internal, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PROCS).chain((proc) => fc.tuple(fc.constant(proc), inputFor(proc), callers)),
        async ([proc, input, ctx]) => {
          try {
            await core.call(proc, input, ctx);
            answered.add(proc);
          } catch (err) {
            if (!isTypedRefusal(err))
              throw new Error(`${proc} ${JSON.stringify(ctx)} → ${String(err)} for ${JSON.stringify(input)}`);
          }
        },
      ),
      // ~40 runs a procedure (147 of them): enough that over a third are answered, not refused.
      fuzzParams(6000),
    );
    // Real work was done, not only refusals at the door.
    expect(answered.size).toBeGreaterThan(PROCS.length / 3);
    // Still answering.
    await expect(core.call('auth.status', {}, { role: null, actor: 'x' })).resolves.toBeTruthy();
  }, 120_000);
});
