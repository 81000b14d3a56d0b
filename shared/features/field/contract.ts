/**
 * field.* — 现场力量: position reports of grid workers and 双报到 party members, the latest per
 * person for the map, who is near a site, and the fade/hide settings (issue 15 item 4).
 * Spread into CONTRACT by shared/contract/index.ts. Domain: ./field.ts.
 */
import { z } from 'zod';
import { mutation, query, type Proc } from '../../kernel/proc';
import { SAFE_ID, SAFE_ID_MESSAGE } from '../orders/safe-text';
import type { FieldRole } from './field';

export interface FieldPosition {
  readonly personId: string;
  /** Masked (张*) for callers who may not see personal data. */
  readonly name: string;
  readonly role: FieldRole;
  readonly gridCode: string | null;
  readonly communityCode: string | null;
  readonly lng: number;
  readonly lat: number;
  /** Metres (the device's own estimate). */
  readonly accuracy: number;
  /** When the position was taken (ms since the epoch). */
  readonly at: number;
  readonly source: 'api' | 'upstream' | 'demo';
}

export interface FieldSettings {
  /** Older than this (minutes): drawn faint. */
  readonly fadeMinutes: number;
  /** Older than this (minutes): not drawn, not listed. */
  readonly hideMinutes: number;
}

export interface FieldPositions {
  /** The hall's clock when answered: ages are computed from it plus the time since. */
  readonly asOf: number;
  readonly settings: FieldSettings;
  /** Latest position per person, not older than `hideMinutes`. */
  readonly people: readonly FieldPosition[];
}

export interface FieldNear extends FieldPosition {
  /** Metres from the site. */
  readonly distanceM: number;
}

export interface FieldReportResult {
  /** Reports that became a person's latest position. */
  readonly accepted: number;
  /** Repeats, and reports older than the person's latest (kept in history when new there). */
  readonly ignored: number;
}

const lng = z.number({ error: '经度必须是数字' }).finite('经度必须是有限数字').min(-180).max(180);
const lat = z.number({ error: '纬度必须是数字' }).finite('纬度必须是有限数字').min(-90).max(90);

export const FieldReport = z.object({
  personId: z.string().regex(SAFE_ID, SAFE_ID_MESSAGE).max(128),
  lng,
  lat,
  /** Metres; a fix worse than 2 km says nothing about where a person stands. */
  accuracy: z
    .number({ error: '定位精度必须是数字' })
    .finite()
    .min(0, '定位精度不能为负数')
    .max(2000, '定位精度差于 2000 米，位置不可用'),
  /** When the position was taken, ms since the epoch. */
  at: z.number({ error: '定位时间必须是毫秒时间戳' }).int('定位时间必须是整数毫秒').positive(),
});
export type FieldReport = z.infer<typeof FieldReport>;

export const FieldReportInput = z.object({
  reports: z.array(FieldReport).min(1, '至少需要一条位置').max(500, '一次最多上报 500 条位置'),
});

export const FieldConfigureInput = z
  .object({
    fadeMinutes: z.number().int().min(1, '变淡时间至少 1 分钟').max(720),
    hideMinutes: z.number().int().min(2).max(1440, '隐藏时间最多 1440 分钟（一天）'),
  })
  .refine((v) => v.hideMinutes > v.fadeMinutes, {
    message: '隐藏时间必须长于变淡时间',
    path: ['hideMinutes'],
  });

export const FIELD_PROCS = {
  /** Position reports (a device feed or a bridge posts them); old and repeated ones are ignored. */
  'field.report': mutation<FieldReportResult>()(FieldReportInput, {
    role: 'officer',
    changes: ['field.changed'],
  }),
  /** The latest position per person, not older than the hide age, with the settings. */
  'field.positions': query<FieldPositions>()(z.object({}), {
    role: 'viewer',
    stale: ['field.changed', 'reference.changed'],
  }),
  /** Who is near a place (a whistle's meeting point), nearest first. */
  'field.near': query<readonly FieldNear[]>()(
    z.object({
      lng: z.number().finite().min(73).max(136),
      lat: z.number().finite().min(3).max(54),
      radiusM: z.number().int().min(50).max(10_000).default(1500),
      limit: z.number().int().min(1).max(100).default(15),
    }),
    { role: 'viewer', stale: ['field.changed', 'reference.changed'] },
  ),
  'field.configure': mutation<FieldSettings>()(FieldConfigureInput, {
    role: 'admin',
    changes: ['field.changed'],
  }),
} as const satisfies Record<string, Proc<z.ZodType, unknown>>;
