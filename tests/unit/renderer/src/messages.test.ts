/** The catalogue manifest: the shared keys plus every feature's, the same in Chinese and English. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, zh } from '../../../../renderer/src/messages';
import { APPEAL_TYPES, SOURCES, STATUSES, URGENCIES } from '../../../../shared/features/orders/order';
import { ORDER_EVENT_TYPES } from '../../../../shared/features/orders/order-events';
import { TIMER_KINDS } from '../../../../shared/features/orders/sla-policy';
import { ROLES } from '../../../../shared/kernel/roles';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const FEATURES = fileURLToPath(new URL('../../../../renderer/src/features/', import.meta.url));

/** Every feature catalogue pair on disk (features/<f>/messages.{zh,en}.ts), loaded. */
async function featureCatalogues(): Promise<{ feature: string; zh: object; en: object }[]> {
  const out = [];
  for (const feature of readdirSync(FEATURES)) {
    const files = readdirSync(`${FEATURES}${feature}`);
    if (!files.includes('messages.zh.ts')) continue;
    expect(files, `${feature} has messages.zh.ts but no messages.en.ts`).toContain('messages.en.ts');
    const z = (await import(`${FEATURES}${feature}/messages.zh.ts`)) as Record<string, object>;
    const e = (await import(`${FEATURES}${feature}/messages.en.ts`)) as Record<string, object>;
    const pick = (m: Record<string, object>, suffix: string) => {
      const found = Object.entries(m).find(([name]) => name.endsWith(suffix));
      if (!found) throw new Error(`${feature}: no *${suffix} export`);
      return found[1];
    };
    out.push({ feature, zh: pick(z, 'Zh'), en: pick(e, 'En') });
  }
  return out;
}

describe('message catalogues', () => {
  it('English has exactly the Chinese keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const cat of [zh, en]) {
      for (const k of keys(cat)) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], cat);
        expect(typeof v === 'string' && v.length > 0, k).toBe(true);
      }
    }
  });

  it('takes in every feature catalogue, whose keys collide with no one else’s', async () => {
    const features = await featureCatalogues();
    expect(features.map((f) => f.feature).sort()).toEqual(
      [
        'accounts',
        'address',
        'analysis',
        'audit',
        'auth',
        'awareness',
        'dispatch',
        'duty',
        'evaluation',
        'field',
        'import',
        'intake',
        'jobs',
        'map',
        'party',
        'problems',
        'stats',
        'sync',
        'templates',
        'triage',
        'wall',
        'whistle',
      ].sort(),
    );
    const owner = new Map<string, string>();
    for (const f of features) {
      expect(keys(f.en).sort(), f.feature).toEqual(keys(f.zh).sort());
      for (const top of Object.keys(f.zh)) {
        expect(owner.get(top), `${top}: ${f.feature} and ${owner.get(top)}`).toBeUndefined();
        owner.set(top, f.feature);
        // The manifest holds the feature's own catalogue under that key, unchanged.
        expect((zh as Record<string, unknown>)[top], `${f.feature}.${top}`).toBe(
          (f.zh as Record<string, unknown>)[top],
        );
        expect((en as Record<string, unknown>)[top], `${f.feature}.${top}`).toBe(
          (f.en as Record<string, unknown>)[top],
        );
      }
    }
    // The shared part keeps only what several features use.
    for (const shared of [
      'app',
      'tabs',
      'status',
      'lang',
      'errors',
      'duration',
      'role',
      'orderStatus',
      'urgency',
    ])
      expect(owner.has(shared), shared).toBe(false);
  });

  it('labels every domain vocabulary with the glossary terms', () => {
    for (const s of STATUSES) expect(zh.orderStatus[s]).toBeTruthy();
    for (const u of URGENCIES) expect(zh.urgency[u]).toBeTruthy();
    for (const s of SOURCES) expect(zh.source[s]).toBeTruthy();
    for (const a of APPEAL_TYPES) expect(zh.appealType[a]).toBeTruthy();
    for (const e of ORDER_EVENT_TYPES) expect(zh.eventType[e]).toBeTruthy();
    for (const k of TIMER_KINDS) expect(zh.timerKind[k]).toBeTruthy();
    for (const r of ROLES) expect(zh.role[r]).toBeTruthy();
    expect(zh.orderStatus).toMatchObject({
      received: '待派单',
      dispatched: '待签收',
      in_progress: '处置中',
      return_requested: '退单审核中',
      replied: '已办结',
      closed: '已结案',
      suspended: '挂账',
      merged: '已并案',
    });
    expect(zh.urgency).toEqual({ P0: '特急', P1: '紧急', P2: '一般', P3: '疑难' });
    expect(zh.source.hotline).toBe('12345热线');
  });
});
