/**
 * Known duplicates on 部件 (模拟数据): a street light, a manhole cover, a bin … is reported by a
 * grid worker or a caller, the intake names the asset it picked ("九龙北街路灯4号（LD-15-0004）",
 * the asset's point), and hours later another caller reports the same asset reading its number off
 * the post ("杆上编号LD-15-0004") — in their own words, often under the kind's other category
 * (路灯杆倾斜 for 路灯不亮), and placed where the 12345 platform put the caller's address: at the
 * asset, across the road, or a few hundred metres away. The hall merges the second into the first.
 *
 * Each pair takes the lifecycle of a generated order of an asset's category (moved 2–6 days
 * earlier, so it does not sit beside its template): the first's id is the template's + "A", the
 * second's the first's + "R" (knownDuplicateId), so the triage evaluation counts the pairs with
 * the other known duplicates and can tell them apart (ids ending "AR"). Deterministic: its own
 * random stream from the seed.
 */
import type { OrderEvent } from '../../../../../shared/features/orders/order-events';
import type { ReferenceData } from '../../../../../shared/features/reference/reference';
import { ASSET_KINDS, type AssetKind } from '../../../../../shared/features/assets/kinds';
import { encodeHlc } from '../../../../../shared/kernel/hlc';
import { callerWords } from './appeals';
import { demoAssets, type DemoAsset } from './assets';
import { knownDuplicateId } from './duplicates';
import { createRng, type Rng } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Share of orders of an asset's category (with a point) that become a pair, and the most per 30 days. */
const SHARE = 0.3;
const MAX_PER_30_DAYS = 8;
/** An order becomes a pair only with an asset of its kind this close (metres). */
const NEAR_ASSET_M = 250;

const OPENERS = ['市民来电反映：', '来电人称：', '路过的市民来电：', '附近居民来电反映：'];
const NUMBER_SAID = ['杆上编号', '设施上的编号是', '编号', '牌子上写着编号'];
const ASKS = ['希望尽快处理。', '请尽快派人查看。', '已经好几天了，请抓紧修。'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

/** The id of the first report of an asset pair (the template's id + "A"). */
export function assetPairFirstId(templateId: string): string {
  return `${templateId}A`;
}

/** Whether a demo order id is the second report of an asset pair. */
export function isAssetPairSecond(orderId: string): boolean {
  return orderId.endsWith('AR');
}

function metres(a: readonly [number, number], b: readonly [number, number]): number {
  const k = 111_320;
  const dx = (a[0] - b[0]) * k * Math.cos((a[1] * Math.PI) / 180);
  const dy = (a[1] - b[1]) * k;
  return Math.hypot(dx, dy);
}

function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

/** A point `m` metres from `p` in a random direction. */
function offset(rng: Rng, p: readonly [number, number], m: number): [number, number] {
  const a = rng.range(0, 2 * Math.PI);
  const dLat = (m * Math.cos(a)) / 111_320;
  const dLng = (m * Math.sin(a)) / (111_320 * Math.cos((p[1] * Math.PI) / 180));
  return [round7(p[0] + dLng), round7(p[1] + dLat)];
}

/** Where the platform placed the second caller: at the asset, across the road, or at their home. */
function callerDistance(rng: Rng): number {
  const r = rng.next();
  if (r < 0.35) return rng.range(3, 30);
  if (r < 0.65) return rng.range(30, 150);
  return rng.range(150, 400);
}

/**
 * Passes every order through and, for some orders of an asset's category near an asset of that
 * kind, adds a pair on the asset: the first report (naming the asset) and a second merged into it.
 */
export function* withAssetDuplicates(
  orders: Iterable<OrderEvent[]>,
  ref: ReferenceData,
  opts: { readonly seed: number; readonly anchor: number; readonly days: number; readonly node: string },
): Generator<OrderEvent[]> {
  const rng = createRng(opts.seed, 0xa55e7);
  const start = opts.anchor - opts.days * DAY;
  const leafKind = new Map<string, AssetKind>();
  const kindLeaves = new Map<AssetKind, { code: string; name: string }[]>();
  for (const kind of Object.keys(ASSET_KINDS) as AssetKind[]) {
    const names: readonly string[] = ASSET_KINDS[kind].leaves;
    const leaves = ref.categories
      .filter((c) => c.level === 3 && names.includes(c.name))
      .map((c) => ({ code: c.code, name: c.name }));
    kindLeaves.set(kind, leaves);
    for (const l of leaves) leafKind.set(l.code, kind);
  }
  const byKind = new Map<AssetKind, DemoAsset[]>();
  for (const a of demoAssets(ref)) {
    const list = byKind.get(a.kind) ?? [];
    list.push(a);
    byKind.set(a.kind, list);
  }
  const perMonth = new Map<number, number>();
  for (const events of orders) {
    yield events;
    const first = events[0];
    if (!first || first.type !== 'created') continue;
    const month = Math.floor((first.at - start) / (30 * DAY));
    if ((perMonth.get(month) ?? 0) >= MAX_PER_30_DAYS) continue;
    const p = first.payload;
    const kind = leafKind.get(p.categoryCode);
    if (!kind || p.lng === null || p.lat === null) continue;
    if (p.source !== 'hotline' && p.source !== 'grid') continue;
    if (events.some((e) => e.type === 'merged')) continue;
    if (!rng.chance(SHARE)) continue;
    const at: [number, number] = [p.lng, p.lat];
    let asset: DemoAsset | null = null;
    let best = NEAR_ASSET_M;
    for (const a of byKind.get(kind) ?? []) {
      const d = metres(at, [a.lng, a.lat]);
      if (d < best) {
        best = d;
        asset = a;
      }
    }
    if (!asset) continue;
    // The first report stays open until it is closed (or the demo's end): the second comes before.
    const shift = -Math.round(rng.range(2, 6) * DAY);
    const receivedAt = first.at + shift;
    if (receivedAt < start) continue;
    const closedAt = events.find((e) => e.type === 'closed' || e.type === 'verified')?.at;
    const openUntil = (closedAt ?? opts.anchor - shift) + shift;
    const secondAt = receivedAt + Math.round(rng.range(0.5, 30) * HOUR);
    const mergedAt = secondAt + Math.round(rng.range(5, 60) * 60_000);
    if (mergedAt >= openUntil || mergedAt >= opts.anchor) continue;
    const firstId = assetPairFirstId(first.orderId);
    const counter = rng.int(0, 99_999);
    const stamp = (t: number) => ({ hlc: encodeHlc({ physical: t, counter, node: opts.node }), at: t });
    const leafName = ref.categories.find((c) => c.code === p.categoryCode)?.name ?? ASSET_KINDS[kind].name;
    const named = `${asset.name}（${asset.code}）`;
    const firstText =
      p.source === 'grid'
        ? {
            title: `${asset.name}${leafName}`,
            description: `网格员巡查发现${named}${leafName}，已拍照取证。`,
          }
        : {
            title: p.title,
            description: `${p.description.split('：')[0] ?? '市民来电反映'}：${named}${leafName}，${rng.pick(ASKS)}`,
          };
    yield events.map((e, k) => {
      const base = {
        ...e,
        id: `${firstId}-${k < 10 ? `0${k}` : k}`,
        orderId: firstId,
        ...stamp(e.at + shift),
      };
      if (k !== 0 || e.type !== 'created') return base as OrderEvent;
      return {
        ...base,
        type: 'created',
        payload: {
          ...p,
          ...firstText,
          address: named,
          lng: round7(asset.lng),
          lat: round7(asset.lat),
          upstreamId: p.upstreamId ? `${p.upstreamId}A` : null,
          upstreamDeadline: p.upstreamDeadline === null ? null : p.upstreamDeadline + shift,
        },
      } as OrderEvent;
    });
    // The second caller: their own words, the number off the post, often the kind's other category.
    const leaves = kindLeaves.get(kind) ?? [];
    const other = leaves.filter((l) => l.code !== p.categoryCode);
    const leaf =
      other.length > 0 && rng.chance(0.5) ? rng.pick(other) : { code: p.categoryCode, name: leafName };
    const road = asset.road ?? '';
    const said = callerWords(createRng(0xa55e7, counter, secondAt), leaf.name, road);
    const [lng, lat] = offset(rng, [asset.lng, asset.lat], callerDistance(rng));
    const secondId = knownDuplicateId(firstId);
    const mk = (t: number) => ({ ...stamp(t), node: opts.node });
    yield [
      {
        ...first,
        id: `${secondId}-00`,
        orderId: secondId,
        ...mk(secondAt),
        actor: 'upstream',
        payload: {
          ...p,
          source: 'hotline',
          appealType: 'complaint',
          categoryCode: leaf.code,
          title: said?.title ?? `${road}${leaf.name}`,
          description: `${rng.pick(OPENERS)}${road}${ASSET_KINDS[kind].name}，${rng.pick(NUMBER_SAID)}${asset.code}，${said?.body ?? leaf.name}，${rng.pick(ASKS)}`,
          address: `${road}${rng.pick(['附近', '路边', '沿线'])}`,
          lng,
          lat,
          citizen: {
            name: `${rng.pick(SURNAMES)}${rng.pick(['先生', '女士'])}`,
            phone: `13${rng.int(100_000_000, 999_999_999)}`,
          },
          upstreamId: `12345-A${first.orderId.slice(-10)}`,
          upstreamDeadline: secondAt + 7 * DAY,
        },
      } as OrderEvent,
      {
        id: `${secondId}-01`,
        orderId: secondId,
        type: 'merged',
        ...mk(mergedAt),
        actor: 'system',
        payload: { intoOrderId: firstId },
      } as OrderEvent,
    ];
    perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  }
}
