/**
 * 部件 assets (GB/T 30428 城市部件, issue 14 item 5): the street's manholes, street lights,
 * bins, hydrants, cameras, toilets … — found near a point or by code at intake (a pick fills the
 * place and suggests the categories), and imported by admins from CSV or GeoJSON.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import { Lat, Lng } from '../orders/order-events';
import type { Asset } from './kinds';
import type { RowError as AssetRowErrorT } from './import-rows';

export type { Asset, AssetKind } from './kinds';
export type { RowError as AssetRowError } from './import-rows';

export interface AssetHit extends Asset {
  /** Metres from the point asked about (null when found by code). */
  readonly distanceM: number | null;
  /** The catalogue leaves a report about this kind usually belongs to. */
  readonly categoryCodes: readonly string[];
}

export interface AssetImportView {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Bad rows: when any, nothing was taken. */
  readonly errors: readonly AssetRowErrorT[];
}

/** An open order on the same asset: a duplicate candidate, reason 同一部件. */
export interface AssetDuplicate {
  readonly orderId: string;
  readonly title: string;
  readonly address: string;
  readonly status: string;
  readonly categoryCode: string;
  readonly receivedAt: number;
  readonly reason: 'same_asset';
}

/** One asset on the map (assets.inBox): where, what, and how many open orders name it. */
export interface AssetPoint {
  readonly code: string;
  readonly kind: Asset['kind'];
  readonly name: string;
  readonly lng: number;
  readonly lat: number;
  /** Open orders whose address names this asset (同一部件). */
  readonly open: number;
}

export interface AssetsInBoxView {
  readonly assets: readonly AssetPoint[];
  /** More assets lie in the box than `limit`: the map shows the first ones only. */
  readonly truncated: boolean;
}

/** An open order on an asset, as the map's 部件 card lists it. */
export interface AssetCardOrder {
  readonly orderId: string;
  readonly title: string;
  readonly status: string;
  readonly urgency: string;
  readonly receivedAt: number;
  readonly overdue: boolean;
}

/** The map's 部件 card: the asset, where it is, its categories and its open orders. */
export interface AssetCardView {
  readonly asset: Asset;
  readonly communityName: string | null;
  readonly gridName: string | null;
  readonly categoryCodes: readonly string[];
  readonly orders: readonly AssetCardOrder[];
  /** Open orders on it in all (the list shows the newest 10). */
  readonly openTotal: number;
}

/** The largest box the map may ask for (~4.3 km × 5.5 km: a 4K wall at zoom 16 needs ~0.035°). */
export const ASSET_BOX_MAX_DEG = 0.05;

const AssetCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, '部件编号格式不正确');

export const ASSETS_PROCS = {
  /** The map's 部件 layer (high zoom only): the assets in the view's box, with their open orders' count. */
  'assets.inBox': query<AssetsInBoxView>()(
    z
      .object({
        minLng: Lng,
        minLat: Lat,
        maxLng: Lng,
        maxLat: Lat,
        limit: z.number().int().min(1).max(5000).default(3000),
      })
      .refine((b) => b.maxLng > b.minLng && b.maxLat > b.minLat, {
        message: '范围不正确：东边界须大于西边界，北边界须大于南边界',
        path: ['maxLng'],
      })
      .refine((b) => b.maxLng - b.minLng <= ASSET_BOX_MAX_DEG && b.maxLat - b.minLat <= ASSET_BOX_MAX_DEG, {
        message: '范围过大：城市部件只在放大后的地图上显示',
        path: ['maxLng'],
      }),
    { stale: ['map.changed', 'orders.changed'], role: 'viewer' },
  ),
  /** The map's 部件 card: kind, code, place, categories and the open orders on it (同一部件). */
  'assets.card': query<AssetCardView>()(z.object({ code: AssetCode }), {
    stale: ['map.changed', 'orders.changed', 'reference.changed'],
    role: 'viewer',
  }),
  /** Open orders on an asset (its code in the order's address): duplicate candidates, 同一部件. */
  'assets.duplicates': query<readonly AssetDuplicate[]>()(
    z.object({
      code: z
        .string()
        .trim()
        .min(1)
        .max(40)
        .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, '部件编号格式不正确'),
      excludeOrderId: z.string().max(64).optional(),
    }),
    { stale: ['orders.changed', 'map.changed'], role: 'officer' },
  ),
  /** Assets near a point (≤ 300 m) or whose code starts with `q`, nearest first. */
  'assets.find': query<readonly AssetHit[]>()(
    z
      .object({
        point: z.tuple([Lng, Lat]).optional(),
        radiusM: z.number().min(1).max(300).default(60),
        q: z.string().trim().max(40).optional(),
        limit: z.number().int().min(1).max(50).default(10),
      })
      .refine((x) => x.point !== undefined || (x.q !== undefined && x.q !== ''), {
        message: '请给出地点或部件编号',
        path: ['point'],
      }),
    { stale: ['map.changed', 'reference.changed'], role: 'officer' },
  ),
  /** Admins: assets from a CSV or GeoJSON file, by code (a second import of the same file adds nothing). */
  'assets.import': mutation<AssetImportView>()(
    z.object({ format: z.enum(['csv', 'geojson']), text: z.string().max(8_000_000) }),
    { changes: ['map.changed'], role: 'admin' },
  ),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
