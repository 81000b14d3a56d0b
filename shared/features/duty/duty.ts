/**
 * 值班 (issue 15): the weekly roster and who is on duty at an instant. A shift repeats on the
 * weekdays it names (China time), from `startMin` to `endMin` minutes after midnight; a shift
 * whose end is not after its start runs past midnight into the next day (夜班 20:00–08:00).
 * Pure.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export const DUTY_ROLES = ['officer', 'dispatcher', 'commander'] as const;
/** 值班员 · 派遣员 · 值班长 */
export type DutyRole = (typeof DUTY_ROLES)[number];

export interface DutyShift {
  readonly id: string;
  readonly person: string;
  readonly role: DutyRole;
  /** ISO weekdays the shift starts on: 1 = Monday … 7 = Sunday. */
  readonly weekdays: readonly number[];
  readonly startMin: number;
  readonly endMin: number;
  /** A responsibility-list group (unit id) this person covers while on duty, or null. */
  readonly unitId: string | null;
}

/** ISO weekday (1–7) and minute of the day of an instant, in China time. */
export function chinaWeekMinute(ms: number): { weekday: number; minute: number; dayStart: number } {
  const local = ms + CHINA_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  // 1970-01-01 was a Thursday (ISO 4).
  const weekday = ((day + 3) % 7) + 1;
  return {
    weekday,
    minute: Math.floor((local - day * DAY_MS) / 60_000),
    dayStart: day * DAY_MS - CHINA_OFFSET_MS,
  };
}

function _length(s: Pick<DutyShift, 'startMin' | 'endMin'>): number {
  return s.endMin > s.startMin ? s.endMin - s.startMin : s.endMin + 1440 - s.startMin;
}

/** The occurrence of the shift that contains `ms`, as [from, to), or null when off duty. */
export function occurrenceAt(s: DutyShift, ms: number): readonly [number, number] | null {
  const here = chinaWeekMinute(ms);
  // Today's start, or yesterday's for a shift that runs past midnight.
  for (const back of [0, 1]) {
    const weekday = ((here.weekday - 1 - back + 7) % 7) + 1;
    if (!s.weekdays.includes(weekday)) continue;
    const from = here.dayStart - back * DAY_MS + s.startMin * 60_000;
    const to = from + _length(s) * 60_000;
    if (ms >= from && ms < to) return [from, to];
  }
  return null;
}

/** Shifts on duty at `ms`, with the window of the running occurrence. */
export function onDutyAt(
  shifts: readonly DutyShift[],
  ms: number,
): Array<{ shift: DutyShift; from: number; to: number }> {
  const out: Array<{ shift: DutyShift; from: number; to: number }> = [];
  for (const shift of shifts) {
    const occ = occurrenceAt(shift, ms);
    if (occ) out.push({ shift, from: occ[0], to: occ[1] });
  }
  return out.sort((a, b) => a.from - b.from || a.shift.id.localeCompare(b.shift.id));
}

/** 'HH:mm' of a minute of the day. */
export function minuteLabel(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Who covers a responsibility-list group (a unit) at an instant (shift-aware dispatch). */
export interface UnitDuty {
  /** The person on duty in the unit's group now, or null: nobody (dispatch falls back to the unit). */
  readonly onDuty: {
    readonly person: string;
    readonly shiftId: string;
    readonly from: number;
    readonly to: number;
  } | null;
}

/**
 * The duty of each unit that has a group in the roster (shifts with its `unitId`): the person on
 * duty at `ms` (the shift that started last when several overlap: it has taken over), or `onDuty: null`. Units
 * without any shift are not in the map: they are dispatched to as a unit, as before.
 */
export function unitDutyAt(shifts: readonly DutyShift[], ms: number): Map<string, UnitDuty> {
  const out = new Map<string, UnitDuty>();
  for (const s of shifts) if (s.unitId !== null && !out.has(s.unitId)) out.set(s.unitId, { onDuty: null });
  for (const { shift, from, to } of onDutyAt(shifts, ms).reverse()) {
    if (shift.unitId === null || out.get(shift.unitId)?.onDuty) continue;
    out.set(shift.unitId, { onDuty: { person: shift.person, shiftId: shift.id, from, to } });
  }
  return out;
}
