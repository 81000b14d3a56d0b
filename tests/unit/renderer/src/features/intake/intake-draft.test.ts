import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  DRAFT_MAX_AGE_MS,
  draftHasContent,
  draftKey,
  emptyDraft,
  loadDraft,
  newOrderId,
  parseDraft,
  saveDraft,
  type DraftStorage,
} from '../../../../../../renderer/src/features/intake/intake-draft';
import { SAFE_ID } from '../../../../../../shared/features/orders/safe-text';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const NOW = Date.UTC(2026, 11, 6, 17, 30); // 2026-12-07 01:30 in Beijing

describe('intake draft', () => {
  it('gets an order id once, in the SAFE_ID alphabet, dated by Beijing time', () => {
    let n = 0;
    const id = newOrderId(NOW, (k) => Uint8Array.from({ length: k }, () => n++ * 7));
    expect(id).toMatch(/^WO20261207N[0-9A-Z]{8}$/);
    expect(SAFE_ID.test(id)).toBe(true);
    const random = (k: number) => crypto.getRandomValues(new Uint8Array(k));
    const ids = new Set(Array.from({ length: 2000 }, () => newOrderId(NOW, random)));
    expect(ids.size).toBe(2000);
  });

  it('starts from a preset (a map alarm: the IoT channel, its device and point)', () => {
    const d = emptyDraft('WO1', NOW, { channel: 'iot', deviceId: 'SMK-0231', point: [116.47, 39.89] });
    expect(d).toMatchObject({
      channel: 'iot',
      deviceId: 'SMK-0231',
      point: [116.47, 39.89],
      citizenName: '',
    });
    expect(draftHasContent(d)).toBe(true);
  });

  it('counts as worth keeping only once something was typed or chosen', () => {
    const d = emptyDraft('WO1', NOW);
    expect(draftHasContent(d)).toBe(false);
    expect(draftHasContent({ ...d, channel: 'hotline', appealType: 'complaint' })).toBe(false);
    expect(draftHasContent({ ...d, citizenName: '王' })).toBe(true);
    expect(draftHasContent({ ...d, point: [116.47, 39.89] })).toBe(true);
    expect(draftHasContent({ ...d, answers: { smell: '是' } })).toBe(true);
  });

  it('is kept per user and read back as it was saved', () => {
    const s = memoryStorage();
    const d = { ...emptyDraft('WO20261207NABCDEFGH', NOW), citizenName: '王芳', answers: { smell: '是' } };
    expect(saveDraft(s, 'wangfang', d)).toBe(true);
    expect(loadDraft(s, 'wangfang', NOW)).toEqual(d);
    expect(loadDraft(s, 'zhangwei', NOW)).toBeNull();
    expect([...s.map.keys()]).toEqual([draftKey('wangfang')]);
    clearDraft(s, 'wangfang');
    expect(loadDraft(s, 'wangfang', NOW)).toBeNull();
  });

  it('is dropped after a day, so a caller’s name and phone do not linger', () => {
    const s = memoryStorage();
    saveDraft(s, 'wangfang', { ...emptyDraft('WO1', NOW), citizenName: '王芳', citizenPhone: '13812345678' });
    expect(loadDraft(s, 'wangfang', NOW + DRAFT_MAX_AGE_MS)?.citizenName).toBe('王芳');
    expect(loadDraft(s, 'wangfang', NOW + DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(s.map.size).toBe(0);
  });

  it('says when the browser refuses to store it, instead of throwing', () => {
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(saveDraft(full, 'u', emptyDraft('WO1', NOW))).toBe(false);
    expect(saveDraft(null, 'u', emptyDraft('WO1', NOW))).toBe(false);
  });

  it('trusts nothing it reads back: bad JSON, another version, bad ids and wrong types', () => {
    expect(parseDraft('{not json')).toBeNull();
    expect(parseDraft('null')).toBeNull();
    expect(parseDraft(JSON.stringify({ v: 2, orderId: 'WO1' }))).toBeNull();
    expect(parseDraft(JSON.stringify({ v: 1, orderId: '<script>' }))).toBeNull();
    const d = parseDraft(
      JSON.stringify({
        v: 1,
        orderId: 'WO1',
        channel: 'whistle', // not an intake channel
        appealType: 'nonsense',
        urgency: 'P9',
        title: 42,
        point: [116.4, 'x'],
        anonymous: 'yes',
        callbackConsent: false,
        citizenName: 'x'.repeat(80),
        answers: { smell: '是', bad: 3 },
      }),
    );
    expect(d).toMatchObject({
      orderId: 'WO1',
      channel: 'walk_in',
      appealType: 'help',
      urgency: null,
      title: '',
      point: null,
      anonymous: false,
      callbackConsent: false,
      answers: { smell: '是' },
    });
    expect(d?.citizenName).toHaveLength(50);
  });
});
