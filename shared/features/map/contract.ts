/** The map.* procedures (and their views). Spread into CONTRACT by ./index.ts. */
import { z } from 'zod';
import type { OrderStatus, Urgency } from '../orders/order';
import type { PersonRole, SiteKind, UnitKind, PartyOrgLevel } from '../reference/organisation';
import { mutation, query, type Proc } from '../../kernel/proc';

/**
 * Every open order as columns (one array per field, same index = same order): 20 000 points are
 * ~1 MB this way instead of ~3 MB of objects, and the renderer builds GeoJSON from it directly.
 */
export interface MapOrderColumns {
  readonly id: readonly string[];
  readonly lng: readonly number[];
  readonly lat: readonly number[];
  readonly urgency: readonly Urgency[];
  readonly status: readonly OrderStatus[];
  /** 1 when the finish deadline has passed. */
  readonly overdue: readonly (0 | 1)[];
  /** 1 for 物联感知 (IoT sensor) orders: drawn as IoT alarms. */
  readonly iot: readonly (0 | 1)[];
  /** Titles; phone numbers masked for callers who may not see personal data. */
  readonly title: readonly string[];
  readonly gridCode: readonly (string | null)[];
}

/** Load of one grid: open (and overdue among them), and the rest (closed, suspended, merged). */
export interface GridLoad {
  readonly gridCode: string;
  readonly open: number;
  readonly overdue: number;
  readonly closed: number;
  /** Orders that are neither open nor closed: 挂账 (suspended) and 已并案 (merged). */
  readonly other: number;
}

export interface MapOrders {
  readonly asOf: number;
  readonly open: MapOrderColumns;
  readonly grids: readonly GridLoad[];
  /** Orders without a grid (outside the jurisdiction) that are not open. */
  readonly ungridded: { readonly closed: number; readonly other: number };
  readonly totals: {
    readonly open: number;
    readonly overdue: number;
    readonly closed: number;
    readonly other: number;
  };
}

export interface MapSite {
  readonly id: string;
  readonly name: string;
  readonly kind: SiteKind;
  readonly communityCode: string;
  readonly lng: number;
  readonly lat: number;
  readonly services: readonly string[];
  readonly openingHours: string;
}

export interface MapPartyOrg {
  readonly id: string;
  readonly name: string;
  readonly level: PartyOrgLevel;
  readonly areaCode: string;
  readonly memberCount: number;
  /** Placed at the centroid of its community or grid. */
  readonly lng: number;
  readonly lat: number;
}

export interface MapUnit {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly lng: number;
  readonly lat: number;
  /** The unit's office phone; masked below officer. */
  readonly phone: string;
  /** Open orders with the unit now. */
  readonly openOrders: number;
}

export interface MapWorker {
  readonly id: string;
  /** Masked (张*) for callers who may not see personal data. */
  readonly name: string;
  readonly role: PersonRole;
  readonly gridCode: string;
  /** Masked (138****5678) for callers who may not see personal data. */
  readonly phone: string;
  /** Where the worker is drawn: inside the grid, near its centroid. */
  readonly lng: number;
  readonly lat: number;
}

export interface MapFeatures {
  readonly referenceVersion: number;
  readonly sites: readonly MapSite[];
  readonly partyOrgs: readonly MapPartyOrg[];
  readonly units: readonly MapUnit[];
  readonly workers: readonly MapWorker[];
}

export interface BasemapEntry {
  readonly name: string;
  readonly title: string;
  readonly kind: 'pmtiles' | 'mbtiles';
  readonly format: 'pbf' | 'png' | 'jpg' | 'webp';
  readonly builtin: boolean;
  readonly size: number;
  readonly minzoom: number;
  readonly maxzoom: number;
  readonly bounds: readonly [number, number, number, number] | null;
  readonly center: readonly [number, number] | null;
  readonly vectorLayers: readonly string[];
  /** Path of the tile template on the app's own origin: `/basemap/<name>/{z}/{x}/{y}.<format>`. */
  readonly tilePath: string;
}

export interface MapSettings {
  /** The basemap drawn; null = the built-in one. */
  readonly activeBasemap: string | null;
  /** Optional online MapLibre style URL; the map falls back to the offline basemap when it fails. */
  readonly onlineStyleUrl: string | null;
  /** Optional online raster tile template ({z}/{x}/{y}); same fallback. */
  readonly onlineTileUrl: string | null;
}

export interface MapConfig {
  readonly basemaps: readonly BasemapEntry[];
  readonly settings: MapSettings;
}

/** One problem of an import, in Chinese; `feature` is the 0-based feature index for GeoJSON. */
export interface ImportProblem {
  readonly feature?: number;
  readonly message: string;
}

export interface ImportReport {
  readonly ok: boolean;
  readonly problems: readonly ImportProblem[];
  /** What was applied (ok) or would have been (not ok). */
  readonly summary: string;
}

export interface UploadState {
  readonly uploadId: string;
  readonly fileName: string;
  readonly size: number;
  /** Bytes stored so far: the next chunk must start here (resume after a break). */
  readonly received: number;
}

/** The largest basemap file an import accepts. */
const MAX_BASEMAP_BYTES = 512 * 1024 * 1024;
/** Raw bytes per chunk (base64 in the request: must stay under the host's 1 MB body limit). */
export const BASEMAP_CHUNK_BYTES = 512 * 1024;
/** The largest jurisdiction GeoJSON accepted, in characters. */
export const MAX_JURISDICTION_CHARS = 900_000;

const onlineUrl = z
  .string()
  .trim()
  .max(500, '地址最多 500 个字符')
  .regex(/^https?:\/\/[^\s"'<>]+$/, '地址必须以 http:// 或 https:// 开头，且不含空格和引号');

const MapConfigureInput = z.object({
  activeBasemap: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/)
    .nullable()
    .optional(),
  onlineStyleUrl: onlineUrl.nullable().optional(),
  onlineTileUrl: onlineUrl
    .refine(
      (u) => u.includes('{z}') && u.includes('{x}') && u.includes('{y}'),
      '瓦片地址必须包含 {z}、{x}、{y}',
    )
    .nullable()
    .optional(),
});

const BasemapUploadBeginInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  size: z
    .number()
    .int()
    .min(1)
    .max(MAX_BASEMAP_BYTES, `底图文件不能超过 ${MAX_BASEMAP_BYTES / 1024 / 1024} MB`),
  /** The name to serve it under; derived from the file name when omitted. */
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, '名称只能包含字母、数字、连字符和下划线')
    .optional(),
});

const BasemapUploadChunkInput = z.object({
  uploadId: z.string().regex(/^[a-z0-9-]{8,64}$/),
  offset: z.number().int().nonnegative(),
  /** base64 of at most BASEMAP_CHUNK_BYTES bytes. */
  data: z.string().max(Math.ceil(BASEMAP_CHUNK_BYTES / 3) * 4 + 4),
});

const MapImportJurisdictionInput = z.object({
  /** The GeoJSON text (a FeatureCollection). Parsed by the core so errors are reported, not thrown. */
  geojson: z.string().max(MAX_JURISDICTION_CHARS, `文件过大 (最多 ${MAX_JURISDICTION_CHARS} 个字符)`),
  /** Check only: report problems without applying anything. */
  dryRun: z.boolean().default(false),
});

export const MAP_PROCS = {
  /** Every open order as points, and per-grid counts of the rest (for the choropleth). */
  'map.orders': query<MapOrders>()(z.object({}), {
    stale: ['orders.changed', 'reference.changed', 'map.changed'],
  }),
  /** Sites, party organisations, units and grid workers with their positions. */
  'map.features': query<MapFeatures>()(z.object({}), {
    stale: ['orders.changed', 'reference.changed', 'map.changed'],
  }),
  /** Basemaps (built-in and imported) and the map settings. */
  'map.config': query<MapConfig>()(z.object({}), { stale: ['reference.changed', 'map.changed'] }),
  'map.configure': mutation<MapSettings>()(MapConfigureInput, { role: 'admin', changes: ['map.changed'] }),
  /** Chunked, resumable basemap upload: begin → chunk… → commit (validated) or cancel. */
  'map.uploadBegin': mutation<UploadState>()(BasemapUploadBeginInput, {
    role: 'admin',
    changes: ['map.changed'],
  }),
  'map.uploadChunk': mutation<UploadState>()(BasemapUploadChunkInput, {
    role: 'admin',
    changes: ['map.changed'],
  }),
  'map.uploadCommit': mutation<ImportReport & { readonly basemap: BasemapEntry | null }>()(
    z.object({ uploadId: z.string().regex(/^[a-z0-9-]{8,64}$/) }),
    { role: 'admin', changes: ['map.changed'] },
  ),
  'map.uploadCancel': mutation<{ readonly cancelled: boolean }>()(
    z.object({ uploadId: z.string().regex(/^[a-z0-9-]{8,64}$/) }),
    { role: 'admin', changes: ['map.changed'] },
  ),
  'map.deleteBasemap': mutation<{ readonly deleted: boolean }>()(
    z.object({ name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/) }),
    { role: 'admin', changes: ['map.changed'] },
  ),
  /** Communities and grids from GeoJSON: validated per feature, applied as new reference data. */
  'map.importJurisdiction': mutation<ImportReport>()(MapImportJurisdictionInput, {
    role: 'admin',
    changes: ['reference.changed', 'map.changed'],
  }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
