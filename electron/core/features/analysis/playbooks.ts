/** analysis.playbooks / analysis.savePlaybook: the seasonal playbooks and which run today. */
import { activePlaybooks, mergePlaybooks, Playbook } from '../../../../shared/features/analysis/playbooks';
import { chinaCalendar } from '../../../../shared/kernel/calendar';
import { chinaDate } from '../../../../shared/kernel/china-time';
import { insertAudit } from '../../store/audit';
import type { ReadableDb } from '../../store/types';
import type { Handler } from '../../runtime/context';
import { storedPlaybooks, writePlaybook } from './queries';

function _view(db: ReadableDb, date: string) {
  // A row that no longer parses (an older build wrote it) falls back to the default: never a blank wall.
  const stored = storedPlaybooks(db).flatMap((j) => {
    try {
      const r = Playbook.safeParse(JSON.parse(j));
      return r.success ? [r.data] : [];
    } catch {
      return [];
    }
  });
  const all = mergePlaybooks(stored);
  const holiday = chinaCalendar.holidayName(date);
  return {
    date,
    holiday,
    all,
    active: activePlaybooks(all, date, (d) => chinaCalendar.holidayName(d)).map((p) => p.id),
  };
}

/** The playbooks running on `date` (for the surge rule). */
export function runningPlaybooks(db: ReadableDb, date: string): Playbook[] {
  const v = _view(db, date);
  return v.all.filter((p) => v.active.includes(p.id));
}

export const analysisPlaybooks: Handler<'analysis.playbooks'> = (input, _call, env) =>
  _view(env.db, input.date ?? chinaDate(env.now()));

export const analysisSavePlaybook: Handler<'analysis.savePlaybook'> = (input, call, env, tools) => {
  const p = input.playbook;
  env.db
    .transaction(() => {
      writePlaybook(env.db, p.id, JSON.stringify(p), env.now(), call.actor);
      insertAudit(env.db, {
        at: env.now(),
        actor: call.actor,
        action: 'analysis.savePlaybook',
        detail: JSON.stringify({ id: p.id, start: p.start, end: p.end, watch: p.watch }),
      });
    })
    .immediate();
  tools.hint({ topic: 'system.changed' });
  return _view(env.db, chinaDate(env.now()));
};
