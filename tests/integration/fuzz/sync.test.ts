/**
 * Property: every sync payload from outside is answered, never crashes — the hub's push body
 * (over real HTTP, with a registered hall's token) and the pulled feed items a hall applies (in
 * one transaction; bad items quarantined). Fixed seed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../../../electron/core/adapters/hub/hub-server';
import { applyPulledBatch } from '../../../electron/core/features/sync';
import { openDb } from '../../../electron/core/store/db';
import type { WritableDb } from '../../../electron/core/store/types';
import { writeReference } from '../../../electron/core/store/reference';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, ROUTES } from '../../../shared/features/sync/protocol';
import { createdPayload, T0, TINY_REF, tempDir } from '../store/fixtures';
import { fuzzParams, jsonish } from './fuzz-config';

const REG = 'fuzz-registration-token-0123456789';
let hub: Hub;
let token = '';
let hall: WritableDb;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  const h = tempDir('hall-fuzz-hub-');
  cleanups.push(h.cleanup);
  hub = await startHub({ dataDir: h.dir, port: 0, registrationToken: REG });
  cleanups.push(() => hub.close());
  const res = await fetch(new URL(ROUTES.register, hub.url), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${REG}`,
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    },
    body: JSON.stringify({ node: 'fuzzhall' }),
  });
  token = ((await res.json()) as { token: string }).token;
  const t = tempDir('hall-fuzz-hall-');
  cleanups.push(t.cleanup);
  hall = openDb(t.dir);
  writeReference(hall, TINY_REF);
  cleanups.push(() => {
    hall.close();
  });
});

afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** An order event that is almost right, with random parts. */
const eventish: fc.Arbitrary<unknown> = fc.record(
  {
    id: fc.oneof(fc.uuid(), fc.string({ maxLength: 20 }), jsonish),
    orderId: fc.oneof(fc.constantFrom('o-1', 'o-2'), fc.string({ maxLength: 10 }), jsonish),
    type: fc.oneof(fc.constantFrom('created', 'dispatched', 'closed', 'nope'), jsonish),
    payload: fc.oneof(fc.constant(createdPayload()), jsonish),
    actor: fc.oneof(fc.constant('a'), jsonish),
    node: fc.oneof(fc.constant('fuzzhall'), jsonish),
    hlc: fc.oneof(fc.constant('001741572000000:00000:fuzzhall'), fc.string(), jsonish),
    at: fc.oneof(fc.integer({ min: 0, max: 2 ** 45 }), jsonish),
  },
  { requiredKeys: [] },
);

describe('sync payloads', () => {
  it('the hub answers every push body with a status below 500', async () => {
    const body = fc.oneof(
      jsonish.map((v) => JSON.stringify(v) ?? ''),
      fc
        .record({
          knownSeq: fc.oneof(fc.nat(), jsonish),
          events: fc.array(fc.oneof(eventish, jsonish), { maxLength: 5 }),
        })
        .map((v) => JSON.stringify(v)),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const res = await fetch(new URL(ROUTES.push, hub.url), {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${token}`,
            [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          },
          body: text,
        });
        await res.arrayBuffer();
        expect(res.status, text.slice(0, 200)).toBeLessThan(500);
      }),
      fuzzParams(80),
    );
  }, 120_000);

  it('a hall applies any pulled batch: good items in, bad ones quarantined, nothing thrown', () => {
    let next = 1;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record(
              {
                seq: fc.nat(),
                kind: fc.constantFrom('event', 'reference', 'x'),
                body: fc.oneof(eventish, jsonish),
              },
              { requiredKeys: [] },
            ),
            jsonish,
          ),
          { maxLength: 6 },
        ),
        (items) => {
          const r = applyPulledBatch(hall, items, {
            node: 'fuzzhall',
            hubNode: 'hub',
            now: T0,
            next: next++,
          });
          expect(r.applied + r.repeats + r.quarantined + r.conflicts).toBeLessThanOrEqual(items.length + 1);
        },
      ),
      fuzzParams(150),
    );
  });
});
