/**
 * 现场力量 as map data: the latest position per person with its age ("3 分钟前") and how it is
 * drawn (faint when older than the fade age, absent when older than the hide age). Pure.
 */
import type { FieldPositions } from '../../../../shared/features/field/contract';
import { ageParts, freshness } from '../../../../shared/features/field/field';

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** Opacity of a faded position (fresh ones are drawn at 1). */
export const FADED_OPACITY = 0.35;

/** "刚刚", "3 分钟前", "2 小时前". */
export function formatAge(ageMs: number, t: Translate): string {
  const a = ageParts(ageMs);
  return a.unit === 'now' ? t('field.age.now') : t(`field.age.${a.unit}`, { n: a.n });
}

/** Wall mode keeps the surname only (the core masks too for roles below officer). */
function shown(name: string, masked: boolean): string {
  return masked && name.length > 0 && !name.includes('*') ? `${name.slice(0, 1)}**` : name;
}

interface Feature {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'Point'; readonly coordinates: [number, number] };
  readonly properties: Record<string, string | number>;
}

export interface FieldFC {
  readonly type: 'FeatureCollection';
  readonly features: Feature[];
}

/**
 * One point per person. `now` is the hall's clock (the answer's `asOf` corrected for the time
 * since), so ages do not depend on the screen's own clock being right.
 */
export function fieldPoints(
  data: FieldPositions | undefined,
  now: number,
  masked: boolean,
  t: Translate,
): FieldFC {
  const features: Feature[] = [];
  if (!data) return { type: 'FeatureCollection', features };
  const { fadeMinutes, hideMinutes } = data.settings;
  for (const p of data.people) {
    const age = now - p.at;
    const f = freshness(age, fadeMinutes, hideMinutes);
    if (f === 'hidden') continue;
    const name = shown(p.name, masked);
    const role = t(`field.role.${p.role}`);
    const ageText = formatAge(age, t);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
      properties: {
        kind: 'field',
        id: p.personId,
        role: p.role,
        name,
        roleText: role,
        age: ageText,
        accuracy: Math.round(p.accuracy),
        label: `${name} ${role} · ${ageText}`,
        op: f === 'faded' ? FADED_OPACITY : 1,
        faded: f === 'faded' ? 1 : 0,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** The legend's rule in words, from the settings in force. */
export function fieldRule(data: FieldPositions | undefined, t: Translate): string {
  const s = data?.settings ?? { fadeMinutes: 10, hideMinutes: 60 };
  return t('field.rule', { fade: s.fadeMinutes, hide: s.hideMinutes });
}
