/**
 * field.*: 现场力量 — position reports of grid workers and 双报到 party members (issue 15 item 4).
 * Other features and adapters use `ingestPositions` (the upstream feed, the demo) from here.
 */
import { ApiError } from '../../../../shared/contract/index';
import type { FieldNear, FieldSettings } from '../../../../shared/features/field/contract';
import {
  DEFAULT_FADE_MINUTES,
  DEFAULT_HIDE_MINUTES,
  distanceM,
} from '../../../../shared/features/field/field';
import { maskName } from '../../../../shared/kernel/masking';
import { insertAudit } from '../../store/audit';
import type { Handler } from '../../runtime/context';
import { mayseePersonalData } from '../../runtime/masking';
import type { HandlerRegistry } from '../../runtime/registry';
import { ingestPositions } from './ingest';
import { latestSince, readSettings, writeSettings } from './queries';

export { ingestPositions } from './ingest';
export type { IngestResult } from './ingest';

export const FIELD_DEFAULTS: FieldSettings = {
  fadeMinutes: DEFAULT_FADE_MINUTES,
  hideMinutes: DEFAULT_HIDE_MINUTES,
};

const fieldReport: Handler<'field.report'> = (input, _call, env, tools) => {
  const r = ingestPositions(env.db, input.reports, { source: 'api', now: env.now(), allOrNothing: true });
  if (r.accepted > 0) tools.hint({ topic: 'field.changed' });
  return { accepted: r.accepted, ignored: r.ignored };
};

const fieldPositions: Handler<'field.positions'> = (_input, call, env) => {
  const now = env.now();
  const settings = readSettings(env.db, FIELD_DEFAULTS);
  const unmasked = mayseePersonalData(call);
  const people = latestSince(env.db, now - settings.hideMinutes * 60_000).map((p) => ({
    ...p,
    name: unmasked ? p.name : maskName(p.name),
  }));
  return { asOf: now, settings, people };
};

const fieldNear: Handler<'field.near'> = (input, call, env) => {
  const now = env.now();
  const settings = readSettings(env.db, FIELD_DEFAULTS);
  const unmasked = mayseePersonalData(call);
  const near: FieldNear[] = [];
  for (const p of latestSince(env.db, now - settings.hideMinutes * 60_000)) {
    const d = distanceM([input.lng, input.lat], [p.lng, p.lat]);
    if (d > input.radiusM) continue;
    near.push({ ...p, name: unmasked ? p.name : maskName(p.name), distanceM: Math.round(d) });
  }
  near.sort((a, b) => a.distanceM - b.distanceM || a.personId.localeCompare(b.personId));
  return near.slice(0, input.limit);
};

const fieldConfigure: Handler<'field.configure'> = (input, call, env, tools) => {
  if (input.hideMinutes <= input.fadeMinutes)
    throw ApiError.why('invalid_input', '隐藏时间必须长于变淡时间', 'hideMinutes');
  writeSettings(env.db, input);
  insertAudit(env.db, {
    at: env.now(),
    actor: call.actor,
    action: 'field.configure',
    detail: JSON.stringify(input),
  });
  tools.hint({ topic: 'field.changed' });
  return readSettings(env.db, FIELD_DEFAULTS);
};

export function register(registry: HandlerRegistry): void {
  registry
    .register('field.report', fieldReport)
    .register('field.positions', fieldPositions)
    .register('field.near', fieldNear)
    .register('field.configure', fieldConfigure);
}
