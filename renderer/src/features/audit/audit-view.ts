/** Pure helpers of the 审计日志 dialog (unit-tested): filters to input, labels, detail text. */
import type { AuditListInput } from '../../../../shared/contract/index';
import type { Translate } from '../../platform/i18n/translate';

export interface AuditFilterDraft {
  readonly actor: string;
  readonly action: string;
  readonly orderId: string;
  /** `datetime-local` values (Beijing time), '' when unset. */
  readonly from: string;
  readonly to: string;
}

export const EMPTY_FILTER: AuditFilterDraft = { actor: '', action: '', orderId: '', from: '', to: '' };

/** 2026-03-10T10:00 as Beijing time → epoch ms, or undefined. */
export function beijingLocalToMs(v: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(v);
  if (!m) return undefined;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) - 8 * 3600_000;
}

/** The audit.list input of a filter draft (empty fields left out). */
export function auditInput(f: AuditFilterDraft, beforeSeq?: number): AuditListInput {
  const from = beijingLocalToMs(f.from);
  const to = beijingLocalToMs(f.to);
  return {
    limit: 100,
    ...(f.actor.trim() ? { actor: f.actor.trim() } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.orderId.trim() ? { orderId: f.orderId.trim() } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(beforeSeq !== undefined ? { beforeSeq } : {}),
  };
}

/** The action's name for people (the raw action when the UI does not know it). */
export function actionLabel(action: string, t: Translate): string {
  const key = `audit.actions.${action.replace(/\./g, '_')}`;
  const label = t(key);
  return label === key ? action : label;
}

/** A detail's JSON as one short line: `key: value · key: value`. */
export function detailText(detail: string | null): string {
  if (!detail) return '';
  try {
    const v = JSON.parse(detail) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v))
      return Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`)
        .join(' · ');
    return typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    return detail;
  }
}
