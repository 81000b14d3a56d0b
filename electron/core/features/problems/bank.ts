/**
 * The 每月一题 problem bank: create (from a candidate or anew), update (owner units, measures,
 * milestones, progress note), close (summary + before/after figures kept). Writes are audited
 * and guarded by `expectedVersion`; the list computes live figures from the cluster signature.
 */
import { randomUUID } from 'node:crypto';
import { daysBetween } from '../../../../shared/features/analysis/dates';
import { matchesSignature, type ClusterSignature } from '../../../../shared/features/problems/cluster';
import {
  figuresOf,
  progressOf,
  type Milestone,
  type ProblemFigures,
  type ProblemView,
} from '../../../../shared/features/problems/problem';
import { ApiError } from '../../../../shared/kernel/api-error';
import { addDays, chinaMidnight } from '../../../../shared/kernel/calendar';
import { chinaDate } from '../../../../shared/kernel/china-time';
import { insertAudit } from '../../store/audit';
import type { ReadableDb, WritableDb } from '../../store/types';
import type { Handler } from '../../runtime/context';
import { maskTextFor, mayseePersonalData, type MaskSubject } from '../../runtime/masking';
import { maskAddress, maskName } from '../../../../shared/kernel/masking';
import {
  communityOrdersBetween,
  insertProblem,
  ordersBetween,
  problemRow,
  problemRows,
  updateProblem,
  type ProblemRow,
} from './queries';

/** Days before the topic started that the "before" figure counts. */
export const BEFORE_DAYS = 90;

interface Stored {
  readonly id: string;
  readonly month: string;
  readonly title: string;
  readonly description: string;
  readonly ownerUnits: readonly string[];
  readonly measures: readonly string[];
  readonly milestones: readonly Milestone[];
  readonly progressNote: string;
  readonly source: { readonly label: string; readonly place: string; readonly ids: readonly string[] } | null;
  readonly signature: ClusterSignature | null;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly updatedAt: number;
  readonly updatedBy: string;
  readonly closedAt: number | null;
  readonly closedBy: string | null;
  readonly closure: { readonly summary: string; readonly figures: ProblemFigures | null } | null;
}

function _parse(row: ProblemRow): Stored {
  return JSON.parse(row.json) as Stored;
}

/** Orders of the cluster per day over the 90 days before the topic and since (to `until`). */
function _figures(db: ReadableDb, s: Stored, until: number): ProblemFigures | null {
  const sig = s.signature;
  if (!sig) return null;
  const start = chinaDate(s.createdAt);
  const beforeFrom = addDays(start, -BEFORE_DAYS);
  const afterTo = chinaDate(Math.max(until, s.createdAt));
  const fromMs = chinaMidnight(beforeFrom);
  const toMs = chinaMidnight(addDays(afterTo, 1));
  const rows =
    sig.community !== null
      ? communityOrdersBetween(db, sig.community, fromMs, toMs)
      : ordersBetween(db, fromMs, toMs);
  const days = rows.filter((o) => matchesSignature(sig, o)).map((o) => chinaDate(o.receivedAt));
  return figuresOf(days, beforeFrom, start, afterTo, daysBetween, addDays);
}

function _view(db: ReadableDb, s: Stored, version: number, now: number): ProblemView {
  const closed = s.closedAt !== null;
  return {
    id: s.id,
    month: s.month,
    title: s.title,
    description: s.description,
    ownerUnits: s.ownerUnits,
    measures: s.measures,
    milestones: s.milestones,
    progressNote: s.progressNote,
    progress: progressOf(s.milestones, closed),
    status: closed ? 'closed' : 'open',
    source: s.source,
    hasCluster: s.signature !== null,
    version,
    createdAt: s.createdAt,
    createdBy: s.createdBy,
    updatedAt: s.updatedAt,
    closedAt: s.closedAt,
    closure: s.closure,
    figures: closed ? (s.closure?.figures ?? null) : _figures(db, s, now),
  };
}

function _load(db: ReadableDb, id: string): { s: Stored; version: number } {
  const row = problemRow(db, id);
  if (!row) throw new ApiError('problem_not_found', { params: { id } });
  return { s: _parse(row), version: row.version };
}

function _write(
  db: WritableDb,
  s: Stored,
  expectedVersion: number,
  actor: string,
  action: string,
  detail: unknown,
): void {
  db.transaction(() => {
    const ok = updateProblem(db, {
      id: s.id,
      status: s.closedAt !== null ? 'closed' : 'open',
      expectedVersion,
      at: s.updatedAt,
      json: JSON.stringify(s),
    });
    if (!ok) throw new ApiError('problem_stale');
    insertAudit(db, { at: s.updatedAt, actor, action, detail: JSON.stringify(detail) });
  }).immediate();
}

/** What a wall or viewer sees: free text with numbers masked, the place without its door, no login names. */
function _masked(v: ProblemView, who: MaskSubject): ProblemView {
  if (mayseePersonalData(who)) return v;
  const text = (s: string) => maskTextFor(who, s, v.source?.ids[0] ?? null);
  return {
    ...v,
    title: text(v.title),
    description: text(v.description),
    measures: v.measures.map(text),
    milestones: v.milestones.map((m) => ({ ...m, title: text(m.title) })),
    progressNote: text(v.progressNote),
    source: v.source
      ? { ...v.source, label: text(v.source.label), place: text(maskAddress(v.source.place)) }
      : null,
    createdBy: maskName(v.createdBy),
    closure: v.closure ? { ...v.closure, summary: text(v.closure.summary) } : null,
  };
}

export const problemsList: Handler<'problems.list'> = (_input, call, env) => ({
  problems: problemRows(env.db).map((r) => _masked(_view(env.db, _parse(r), r.version, env.now()), call)),
});

export const problemsCreate: Handler<'problems.create'> = (input, call, env, tools) => {
  const now = env.now();
  const id = input.id ?? randomUUID();
  const s: Stored = {
    id,
    month: input.month,
    title: input.title,
    description: input.description,
    ownerUnits: [...new Set(input.ownerUnits)],
    measures: input.measures,
    milestones: [],
    progressNote: '',
    source: input.candidate
      ? { label: input.candidate.label, place: input.candidate.place, ids: input.candidate.ids }
      : null,
    signature: input.candidate?.signature ?? null,
    createdAt: now,
    createdBy: call.actor,
    updatedAt: now,
    updatedBy: call.actor,
    closedAt: null,
    closedBy: null,
    closure: null,
  };
  const existing = problemRow(env.db, id);
  if (existing) {
    // A retried create (the same client-chosen id) answers what is stored.
    return _view(env.db, _parse(existing), existing.version, now);
  }
  env.db
    .transaction(() => {
      insertProblem(env.db, { id, month: s.month, status: 'open', at: now, json: JSON.stringify(s) });
      insertAudit(env.db, {
        at: now,
        actor: call.actor,
        action: 'problems.create',
        detail: JSON.stringify({ id, month: s.month, title: s.title, fromCandidate: s.source !== null }),
      });
    })
    .immediate();
  tools.hint({ topic: 'problems.changed' });
  return _view(env.db, s, 1, now);
};

export const problemsUpdate: Handler<'problems.update'> = (input, call, env, tools) => {
  const { s, version } = _load(env.db, input.id);
  if (version !== input.expectedVersion) throw new ApiError('problem_stale');
  if (s.closedAt !== null) throw new ApiError('problem_closed');
  const now = env.now();
  const next: Stored = {
    ...s,
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.ownerUnits !== undefined ? { ownerUnits: [...new Set(input.ownerUnits)] } : {}),
    ...(input.measures !== undefined ? { measures: input.measures } : {}),
    ...(input.milestones !== undefined ? { milestones: input.milestones } : {}),
    ...(input.progressNote !== undefined ? { progressNote: input.progressNote } : {}),
    updatedAt: now,
    updatedBy: call.actor,
  };
  if (new Set(next.milestones.map((m) => m.id)).size !== next.milestones.length)
    throw ApiError.why('invalid_input', '节点编号重复', 'milestones');
  _write(env.db, next, version, call.actor, 'problems.update', {
    id: s.id,
    fields: Object.keys(input).filter((k) => k !== 'id' && k !== 'expectedVersion'),
  });
  tools.hint({ topic: 'problems.changed' });
  return _view(env.db, next, version + 1, now);
};

export const problemsClose: Handler<'problems.close'> = (input, call, env, tools) => {
  const { s, version } = _load(env.db, input.id);
  if (version !== input.expectedVersion) throw new ApiError('problem_stale');
  if (s.closedAt !== null) throw new ApiError('problem_closed');
  const now = env.now();
  const next: Stored = {
    ...s,
    updatedAt: now,
    updatedBy: call.actor,
    closedAt: now,
    closedBy: call.actor,
    closure: { summary: input.summary, figures: _figures(env.db, s, now) },
  };
  _write(env.db, next, version, call.actor, 'problems.close', { id: s.id, figures: next.closure?.figures });
  tools.hint({ topic: 'problems.changed' });
  return _view(env.db, next, version + 1, now);
};
