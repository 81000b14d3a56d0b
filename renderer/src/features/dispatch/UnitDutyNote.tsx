/**
 * Shift-aware dispatch on screen: "当前值班：张三（08:00–20:00）" for a unit that has a group in the
 * 值班表, or a visible fallback when nobody is on duty in it (the order goes to the unit itself).
 * Nothing for a unit without a group. The core decides the name recorded on the 派单; this only
 * shows it beforehand, from the same roster and the same rule (shared/features/duty/duty.ts).
 */
import { useTranslation } from 'react-i18next';
import { unitDutyAt, type UnitDuty } from '../../../../shared/features/duty/duty';
import { formatClock } from '../../platform/format/time';
import { useNow } from '../../platform/format/use-now';
import { useQuery } from '../../platform/api/use-query';
import type { Translate } from './event-summary';

const hhmm = (ms: number) => formatClock(ms).slice(0, 5);

/** The line for a unit's duty, or null when the unit has no group in the roster. */
export function DutyLine({ duty, t }: { duty: UnitDuty | null; t: Translate }) {
  if (!duty) return null;
  if (!duty.onDuty)
    return (
      <div className="unit-duty none" data-testid="unit-duty" data-on-duty="">
        {t('recommend.nobodyOnDuty')}
      </div>
    );
  const d = duty.onDuty;
  return (
    <div className="unit-duty" data-testid="unit-duty" data-on-duty={d.person}>
      {t('recommend.onDuty', { person: d.person, from: hhmm(d.from), to: hhmm(d.to) })}
    </div>
  );
}

/** The duty line of the unit chosen in a 派单 form, from the roster (updates each minute). */
export function UnitDutyNote({ unitId }: { unitId: string }) {
  const { t: tf } = useTranslation();
  const t: Translate = (key, vars) => (vars ? tf(key, vars) : tf(key));
  const roster = useQuery('duty.roster', {});
  const now = useNow(60_000);
  if (!unitId || !roster.data) return null;
  return <DutyLine duty={unitDutyAt(roster.data, now).get(unitId) ?? null} t={t} />;
}
