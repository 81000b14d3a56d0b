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
});
