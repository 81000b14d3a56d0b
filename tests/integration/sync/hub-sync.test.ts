/**
 * Halls syncing through a real hub over loopback: convergence, idempotent push, the protocol
 * version check, ownership refusals in the 冲突 list, online/offline state and resumable attachments.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { hubSeq, pushEvents } from '../../../electron/core/features/sync/queries-hub';
import { PROTOCOL_HEADER } from '../../../shared/features/sync/protocol';
import { createInProcessCore } from '../../../electron/core/runtime/core';
import type { Cleanups } from '../runtime/fixtures';
import { createdPayload, tempDir } from '../store/fixtures';
import {
  ADMIN,
  FAST,
  openHall,
  REG_TOKEN,
  snapshot,
  startTestHub,
  waitFor,
  waitSynced,
} from './sync-fixtures';

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
});

describe('sync through the reference hub', () => {
  it('two halls converge: events exactly once everywhere, equal projections', async () => {
    const hub = await startTestHub(cleanups);
    const a = await openHall(cleanups, hub.url, 'hallA');
    const b = await openHall(cleanups, hub.url, 'hallB');
    await waitSynced(a.core, () => hubSeq(hub.db));
    await waitSynced(b.core, () => hubSeq(hub.db));
    const created = await a.core.call('orders.create', { order: createdPayload({ source: 'grid' }) }, ADMIN);
    const id = created.order.id;
    await a.core.call(
      'orders.act',
      {
        orderId: id,
        expectedVersion: created.order.version,
        action: { type: 'dispatched', payload: { unitId: 'u-cg' } },
      },
      ADMIN,
    );
    await waitSynced(a.core, () => hubSeq(hub.db));
    await waitSynced(b.core, () => hubSeq(hub.db));
    const seen = await b.core.call('orders.get', { orderId: id }, ADMIN);
    expect(seen.order.status).toBe('dispatched');
    await b.core.call(
      'orders.act',
      {
        orderId: id,
        expectedVersion: seen.order.version,
        action: { type: 'signed', payload: { unitId: 'u-cg' } },
      },
      ADMIN,
    );
    await waitSynced(b.core, () => hubSeq(hub.db));
    await waitSynced(a.core, () => hubSeq(hub.db));
    const [sa, sb, sh] = [snapshot(a.dir), snapshot(b.dir), snapshot(hub.dir)];
    expect(sa.events.length).toBe(3);
    expect(new Set(sa.events).size).toBe(3);
    expect(sb).toEqual(sa);
    expect(sh).toEqual(sa);
  });

  it('a repeated push is acknowledged and not applied twice', async () => {
    const hub = await startTestHub(cleanups);
    const a = await openHall(cleanups, hub.url, 'hallA');
    await waitSynced(a.core, () => hubSeq(hub.db));
    await a.core.call('orders.create', { order: createdPayload({ source: 'grid' }) }, ADMIN);
    await waitSynced(a.core, () => hubSeq(hub.db));
    const before = snapshot(hub.dir);
    const ev = hub.db.prepare("SELECT body FROM hub_feed WHERE kind = 'event'").pluck().get() as string;
    const seq0 = hubSeq(hub.db);
    const again = pushEvents(hub.db, {
      node: 'hallA',
      hubNode: 'hub',
      knownSeq: seq0,
      events: [JSON.parse(ev)],
      now: 1,
    });
    expect(again.acked).toHaveLength(1);
    expect(hubSeq(hub.db)).toBe(seq0);
    expect(snapshot(hub.dir)).toEqual(before);
  });

  it('answers an older or newer hall with 426 and a Chinese + English message', async () => {
    const hub = await startTestHub(cleanups);
    const res = await fetch(`${hub.url}/v1/pull?after=0`, {
      headers: { [PROTOCOL_HEADER]: '0', authorization: 'Bearer x' },
    });
    expect(res.status).toBe(426);
    const body = (await res.json()) as { error: { code: string; message: string; hubProtocol: number } };
    expect(body.error.code).toBe('protocol_mismatch');
    expect(body.error.message).toMatch(/同步协议版本不兼容/);
    expect(body.error.message).toMatch(/Sync protocol mismatch/);
    expect(body.error.hubProtocol).toBe(1);
    const noAuth = await fetch(`${hub.url}/v1/pull?after=0`, { headers: { [PROTOCOL_HEADER]: '1' } });
    expect(noAuth.status).toBe(401);
  });

  it('refuses a hall closing an upstream order and lists it as a conflict; the outbox still drains', async () => {
    const hub = await startTestHub(cleanups);
    const a = await openHall(cleanups, hub.url, 'hallA');
    await waitSynced(a.core, () => hubSeq(hub.db));
    // The hub (upstream) creates a 12345 order.
    const { appendHubEvents } = await import('../../../electron/core/features/sync/queries-hub');
    appendHubEvents(
      hub.db,
      [
        {
          id: 'up-e1',
          orderId: 'up-o1',
          type: 'created',
          hlc: '001773108000000:00000:hub',
          at: 1773108000000,
          actor: 'upstream',
          node: 'hub',
          payload: {
            ...createdPayload(),
            upstreamId: 'GD1',
            upstreamDeadline: 1773500000000,
            citizen: null,
          } as never,
        },
      ],
      'hub',
      1773108000000,
    );
    await waitSynced(a.core, () => hubSeq(hub.db));
    const act = async (action: unknown): Promise<void> => {
      const o = await a.core.call('orders.get', { orderId: 'up-o1' }, ADMIN);
      await a.core.call(
        'orders.act',
        { orderId: 'up-o1', expectedVersion: o.order.version, action } as never,
        ADMIN,
      );
    };
    // Dispatch and handling are the hall's: accepted upstream.
    await act({ type: 'dispatched', payload: { unitId: 'u-cg' } });
    await act({ type: 'signed', payload: { unitId: 'u-cg' } });
    await act({ type: 'replied', payload: { result: '已处理' } });
    // Closing a 12345 order is upstream's.
    await act({ type: 'closed', payload: { note: '自行结案' } });
    const s = await waitSynced(a.core, () => hubSeq(hub.db));
    expect(s.outboxPending).toBe(0);
    const conflicts = await a.core.call('sync.conflicts', {}, ADMIN);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.kind).toBe('refused');
    expect(conflicts[0]?.reason).toMatch(/上级平台/);
    const resolved = await a.core.call(
      'sync.resolveConflict',
      { id: conflicts[0]!.id, resolution: 'dismiss', note: '已电话沟通' },
      ADMIN,
    );
    expect(resolved.resolvedBy).toBe('admin');
    expect((await a.core.call('sync.status', {}, ADMIN)).openConflicts).toBe(0);
  });

  it('goes offline when the hub is gone, keeps working locally, and catches up when it returns', async () => {
    const hub = await startTestHub(cleanups);
    const port = hub.port;
    const hubDir = hub.dir;
    const a = await openHall(cleanups, hub.url, 'hallA', { timing: { ...FAST, hints: false } });
    await waitSynced(a.core, () => hubSeq(hub.db));
    await hub.close();
    await a.core.call('orders.create', { order: createdPayload({ source: 'grid' }) }, ADMIN);
    const down = await waitFor('offline', async () => {
      const s = await a.core.call('sync.status', {}, ADMIN);
      return s.state === 'offline' ? s : null;
    });
    expect(down.outboxPending).toBe(1);
    expect(down.offlineSince).not.toBeNull();
    // A sentence, not "fetch failed": the hub closing resets the open connection (ECONNRESET, EPIPE, or
    // undici's UND_ERR_SOCKET when it closes mid-answer), then refuses new ones.
    expect(down.lastError).toMatch(
      /^无法连接上级平台：(上级平台拒绝连接（服务未启动，或地址、端口有误） \[ECONNREFUSED\]|与上级平台的连接在传输中断开( \[(ECONNRESET|UND_ERR_SOCKET|EPIPE)\])?)$/,
    );
    const { startHub } = await import('../../../electron/core/adapters/hub/hub-server');
    const back = await startHub({ dataDir: hubDir, port, registrationToken: REG_TOKEN });
    cleanups.push(() => back.close());
    const up = await waitSynced(a.core, () => hubSeq(back.db));
    expect(up.offlineSince).toBeNull();
    expect(snapshot(hubDir).events).toEqual(snapshot(a.dir).events);
  });

  it('is configured by an admin through sync.configure; the token never leaves the core', async () => {
    const hub = await startTestHub(cleanups);
    const t = tempDir('hall-cfg-');
    cleanups.push(t.cleanup);
    const core = await createInProcessCore({
      dataDir: t.dir,
      node: 'hallC',
      host: 'test',
      sync: { timing: FAST },
    });
    cleanups.push(() => core.close());
    expect((await core.call('sync.status', {}, ADMIN)).state).toBe('off');
    const viewer = { role: 'viewer' as const, actor: 'v' };
    await expect(core.call('sync.settings', {}, viewer)).rejects.toMatchObject({ code: 'forbidden' });
    const bad = core.call('sync.configure', { hubUrl: 'ftp://x', enabled: true }, ADMIN);
    await expect(bad).rejects.toMatchObject({ code: 'invalid_input' });
    const set = await core.call(
      'sync.configure',
      { hubUrl: hub.url, token: REG_TOKEN, enabled: true },
      ADMIN,
    );
    expect(set).toEqual({ hubUrl: hub.url, hasToken: true, node: 'hallC', enabled: true });
    expect(JSON.stringify(set)).not.toContain(REG_TOKEN);
    const s = await waitSynced(core, () => hubSeq(hub.db));
    expect(s.hubUrl).toBe(hub.url);
    expect(s.lastSuccessAt).not.toBeNull();
    const off = await core.call('sync.configure', { hubUrl: hub.url, enabled: false }, ADMIN);
    expect(off.enabled).toBe(false);
    expect((await core.call('sync.status', {}, ADMIN)).state).toBe('off');
  });

  it('registers again when the hub no longer knows it (a hub reset)', async () => {
    const hub = await startTestHub(cleanups);
    const a = await openHall(cleanups, hub.url, 'hallA');
    await waitSynced(a.core, () => hubSeq(hub.db));
    const before = hub.db.prepare("SELECT token_hash FROM hub_node WHERE node = 'hallA'").pluck().get();
    hub.db.prepare("DELETE FROM hub_node WHERE node = 'hallA'").run();
    await a.core.call('orders.create', { order: createdPayload({ source: 'grid' }) }, ADMIN);
    const s = await waitSynced(a.core, () => hubSeq(hub.db));
    expect(s.outboxPending).toBe(0);
    const after = hub.db.prepare("SELECT token_hash FROM hub_node WHERE node = 'hallA'").pluck().get();
    expect(after).not.toBeUndefined();
    expect(after).not.toBe(before);
  });

  it('takes attachments by sha256, resumably, and refuses bytes that do not match their name', async () => {
    const hub = await startTestHub(cleanups);
    const reg = await fetch(`${hub.url}/v1/register`, {
      method: 'POST',
      headers: {
        [PROTOCOL_HEADER]: '1',
        authorization: `Bearer ${REG_TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ node: 'hallA' }),
    });
    const { token } = (await reg.json()) as { token: string };
    const bytes = Buffer.from('现场照片'.repeat(5000));
    const sha = createHash('sha256').update(bytes).digest('hex');
    const h = (offset: number) => ({
      [PROTOCOL_HEADER]: '1',
      authorization: `Bearer ${token}`,
      'x-total-size': String(bytes.length),
      'x-upload-offset': String(offset),
    });
    const url = `${hub.url}/v1/attachments/${sha}`;
    const half = Math.floor(bytes.length / 2);
    expect((await fetch(url, { method: 'PUT', headers: h(0), body: bytes.subarray(0, half) })).status).toBe(
      200,
    );
    const head = await fetch(url, { method: 'HEAD', headers: h(0) });
    expect(head.headers.get('x-upload-offset')).toBe(String(half));
    const wrong = await fetch(url, { method: 'PUT', headers: h(0), body: bytes.subarray(0, 10) });
    expect(wrong.status).toBe(409);
    const done = await fetch(url, { method: 'PUT', headers: h(half), body: bytes.subarray(half) });
    expect(((await done.json()) as { complete: boolean }).complete).toBe(true);
    const got = Buffer.from(await (await fetch(url, { headers: h(0) })).arrayBuffer());
    expect(got.equals(bytes)).toBe(true);
    const fake = '0'.repeat(64);
    const bad = await fetch(`${hub.url}/v1/attachments/${fake}`, {
      method: 'PUT',
      headers: { ...h(0), 'x-total-size': '3' },
      body: Buffer.from('abc'),
    });
    expect(bad.status).toBe(422);
  });
});
