/** Readable lines for one order event's payload, in the current language. Pure (t is injected). */
import type { PersonRef } from '../../../../shared/contract/index';
import type { OrderEvent } from '../../../../shared/features/orders/order-events';

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface SummaryContext {
  readonly t: Translate;
  unitName(id: string): string;
  categoryPath(code: string): string;
  communityName(code: string | null): string;
}

/** The type label: 催办/督办 split by level, otherwise the glossary label. */
export function eventTypeLabel(e: OrderEvent, t: Translate): string {
  if (e.type === 'urged') return t(`eventType.urged_${e.payload.level}`);
  return t(`eventType.${e.type}`);
}

const SESSION_ROLES = ['viewer', 'officer', 'commander', 'admin'];

/**
 * Who did it, readably: a person of the reference data by name and unit (or role), the
 * upstream/system, a local session by its role, a remote terminal by its token fingerprint.
 * Anything unknown is shown as recorded.
 */
export function actorLabel(
  actor: string,
  t: Translate,
  lookups?: { person(id: string): PersonRef | undefined; unitName(id: string): string },
): string {
  if (actor === 'upstream' || actor === 'system') return t(`actor.${actor}`);
  const p = lookups?.person(actor);
  if (p && lookups) {
    const where = p.unitId ? lookups.unitName(p.unitId) : t(`personRole.${p.role}`);
    return `${p.name} · ${where}`;
  }
  const m = /^(desktop|local):(\w+)$/.exec(actor);
  if (m && SESSION_ROLES.includes(m[2] ?? '')) return t('actor.session', { role: t(`role.${m[2]}`) });
  const tok = /^token:([0-9a-f]{8})$/.exec(actor);
  if (tok) return t('actor.token', { fp: tok[1] });
  return actor;
}

export function summarizeEvent(e: OrderEvent, c: SummaryContext): string[] {
  const { t } = c;
  const lines: string[] = [];
  const kv = (label: string, value: string) => `${label}${t('payload.colon')}${value}`;
  const note = (n: string) => {
    if (n) lines.push(kv(t('payload.note'), n));
  };
  const photos = (p: readonly string[]) => {
    if (p.length > 0) lines.push(t('payload.photos', { count: p.length }));
  };
  switch (e.type) {
    case 'created': {
      const p = e.payload;
      lines.push(
        [t(`source.${p.source}`), t(`appealType.${p.appealType}`), t(`urgency.${p.urgency}`)].join(' · '),
      );
      lines.push(c.categoryPath(p.categoryCode));
      if (p.address) lines.push(p.address);
      break;
    }
    case 'dispatched':
      lines.push(kv(t('payload.unit'), c.unitName(e.payload.unitId)));
      if (e.payload.coUnitIds.length > 0)
        lines.push(kv(t('payload.coUnits'), e.payload.coUnitIds.map((u) => c.unitName(u)).join('、')));
      if (e.payload.dutyPerson) lines.push(kv(t('payload.dutyPerson'), e.payload.dutyPerson));
      note(e.payload.note);
      break;
    case 'signed':
      lines.push(kv(t('payload.unit'), c.unitName(e.payload.unitId)));
      break;
    case 'contacted':
    case 'closed':
    case 'resumed':
      note(e.payload.note);
      break;
    case 'progressed':
      note(e.payload.note);
      photos(e.payload.photos);
      break;
    case 'replied':
      lines.push(kv(t('payload.result'), e.payload.result));
      photos(e.payload.photos);
      break;
    case 'verified':
      lines.push(e.payload.passed ? t('payload.passed') : t('payload.failed'));
      note(e.payload.note);
      photos(e.payload.photos);
      break;
    case 'return_requested':
      lines.push(kv(t('payload.unit'), c.unitName(e.payload.unitId)));
      lines.push(kv(t('payload.reason'), e.payload.reason));
      photos(e.payload.photos);
      break;
    case 'return_decided':
    case 'extension_decided':
      lines.push(e.payload.approved ? t('payload.approved') : t('payload.rejected'));
      note(e.payload.note);
      break;
    case 'extension_requested':
      lines.push(t('payload.days', { count: e.payload.days }));
      lines.push(kv(t('payload.reason'), e.payload.reason));
      break;
    case 'urged':
      note(e.payload.note);
      break;
    case 'suspended':
    case 'reopened':
      lines.push(kv(t('payload.reason'), e.payload.reason));
      break;
    case 'merged':
      lines.push(kv(t('payload.into'), e.payload.intoOrderId));
      break;
    case 'whistled':
      lines.push(kv(t('payload.unit'), e.payload.unitIds.map((u) => c.unitName(u)).join('、')));
      lines.push(t('payload.deadlineMinutes', { count: e.payload.deadlineMinutes }));
      lines.push(kv(t('payload.reason'), e.payload.reason));
      break;
    case 'reported_in':
      lines.push(kv(t('payload.unit'), c.unitName(e.payload.unitId)));
      break;
    case 'member_assist_added':
      lines.push(kv(t('payload.member'), e.payload.name));
      note(e.payload.note);
      break;
    case 'member_assist_removed':
      lines.push(kv(t('payload.member'), e.payload.name));
      lines.push(kv(t('payload.reason'), e.payload.reason));
      break;
    case 'callback_recorded': {
      const p = e.payload;
      lines.push(
        [
          p.valid ? t('payload.valid') : t('payload.invalid'),
          p.contacted ? t('payload.contacted') : t('payload.notContacted'),
          p.solved ? t('payload.solved') : t('payload.notSolved'),
          t(`satisfaction.${p.satisfaction}`),
        ].join(' · '),
      );
      if (p.note) note(p.note);
      break;
    }
  }
  return lines;
}
