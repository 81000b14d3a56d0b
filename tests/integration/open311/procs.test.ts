/** open311.* procedures through a real in-process core: roles, the write-only api key, status. */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, rejects, type Cleanups } from '../runtime/fixtures';

const admin = { role: 'admin' as const, actor: 'admin' };
const officer = { role: 'officer' as const, actor: 'duty' };

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('open311 procedures', () => {
  it('stores settings and the api key, never returns the key, and validates the mapping table', async () => {
    const { core } = await openTestCore(cleanups);
    const empty = await core.call('open311.settings', {}, admin);
    expect(empty).toMatchObject({ endpoint: null, enabled: false, hasApiKey: false, serviceMap: [] });
    expect(empty.statusIn['fixed']).toBe('closed');
    const saved = await core.call(
      'open311.configure',
      {
        endpoint: 'http://127.0.0.1:9/open311/v2',
        jurisdictionId: 'city.example',
        apiKey: 'very-secret-key',
        enabled: true,
        serviceMap: [{ serviceCode: '001', categoryCode: '01.01.001' }],
        statusIn: { 'Action Scheduled': 'open' },
      },
      admin,
    );
    expect(saved).toMatchObject({ hasApiKey: true, enabled: true, jurisdictionId: 'city.example' });
    expect(saved.serviceMap[0]).toEqual({
      serviceCode: '001',
      categoryCode: '01.01.001',
      appealType: 'report',
      urgency: 'P2',
      source: 'hotline',
    });
    expect(saved.statusIn).toEqual({ action_scheduled: 'open' });
    expect(JSON.stringify(saved)).not.toContain('very-secret-key');
    // Omitted key: kept. null: cleared.
    expect((await core.call('open311.configure', { enabled: false }, admin)).hasApiKey).toBe(true);
    expect((await core.call('open311.configure', { apiKey: null }, admin)).hasApiKey).toBe(false);
    const bad = await rejects(
      core.call('open311.configure', { serviceMap: [{ serviceCode: 'x', categoryCode: 'road' }] }, admin),
    );
    expect(bad.code).toBe('invalid_input');
    expect((await rejects(core.call('open311.configure', { endpoint: 'ftp://x' }, admin))).code).toBe(
      'invalid_input',
    );
  });

  it('is admin-only for settings; officers see the status', async () => {
    const { core } = await openTestCore(cleanups);
    expect((await rejects(core.call('open311.settings', {}, officer))).code).toBe('forbidden');
    expect((await rejects(core.call('open311.configure', { enabled: true }, officer))).code).toBe(
      'forbidden',
    );
    const st = await core.call('open311.status', {}, officer);
    expect(st).toMatchObject({
      configured: false,
      enabled: false,
      deliveries: { pending: 0, failed: 0, sent: 0 },
    });
    const kicked = await core.call('open311.pullNow', {}, admin);
    expect(kicked.configured).toBe(false);
  });

  it('open311.configure is a partial update: {pageSize: 50} and a form save keep every field they do not send', async () => {
    const { core } = await openTestCore(cleanups);
    const full = {
      endpoint: 'http://127.0.0.1:9/open311/v2',
      jurisdictionId: 'city.example',
      enabled: true,
      format: 'xml' as const,
      pageSize: 20,
      intervalSec: 60,
      windowDays: 3,
      overlapMinutes: 30,
      naiveOffsetMinutes: 480,
      since: 1_700_000_000_000,
      serviceMap: [{ serviceCode: '001', categoryCode: '01.01.001' }],
      statusIn: { open: 'open' as const, done: 'closed' as const },
      statusOut: { dispatched: 'assigned', replied: 'fixed' },
      pushUpdates: false,
      apiKey: 'very-secret-key',
    };
    const saved = await core.call('open311.configure', full, admin);
    const { apiKey: _key, ...expected } = full;
    expect(saved).toMatchObject({ ...expected, hasApiKey: true });
    // One field: only it changes (it used to reset endpoint, enabled, the maps and since).
    const one = await core.call('open311.configure', { pageSize: 50 }, admin);
    expect(one).toEqual({ ...saved, pageSize: 50 });
    // Exactly what the settings form sends (Open311SettingsForm): the fields it does not show —
    // since, windowDays, overlap, naiveOffset, statusIn, statusOut, pushUpdates — are kept.
    const form = await core.call(
      'open311.configure',
      {
        endpoint: full.endpoint,
        jurisdictionId: full.jurisdictionId,
        enabled: true,
        format: 'xml',
        pageSize: 50,
        intervalSec: 120,
        serviceMap: full.serviceMap,
      },
      admin,
    );
    expect(form).toEqual({ ...saved, pageSize: 50, intervalSec: 120 });
    expect(form.pushUpdates).toBe(false);
    // The cursor stays (same endpoint); an explicit reset restarts it, audited.
    const reset = await core.call('open311.resetCursor', { since: 1_710_000_000_000 }, admin);
    expect(reset.cursor.windowStart).toBeNull();
    expect((await core.call('open311.settings', {}, admin)).since).toBe(1_710_000_000_000);
    expect((await rejects(core.call('open311.resetCursor', {}, officer))).code).toBe('forbidden');
  });
});
