import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimerState } from '../../../../../../shared/features/orders/sla-clock';
import type { Translate } from '../../../../../../renderer/src/features/dispatch/event-summary';
import {
  formatDuration,
  groupTimers,
  liveLevel,
  remainingLabel,
} from '../../../../../../renderer/src/features/dispatch/timers';
import { zh } from '../../../../../../renderer/src/messages';

let t: Translate;
beforeAll(async () => {
  const inst = i18next.createInstance();
  await inst.init({
    resources: { zh: { translation: zh } },
    lng: 'zh',
    interpolation: { escapeValue: false },
  });
  t = (k, v) => (v ? inst.t(k, v) : inst.t(k));
});

const timer = (over: Partial<TimerState>): TimerState => ({
  kind: 'finish',
  scope: 'internal',
  startedAt: 0,
  deadline: 10 * 3600_000,
  stoppedAt: null,
  fraction: 0.1,
  level: 'ok',
  met: null,
  ...over,
});

describe('SLA timer display', () => {
  it('groups internal and upstream deadlines of one kind side by side, in policy order', () => {
    const g = groupTimers([
      timer({ kind: 'finish', scope: 'upstream' }),
      timer({ kind: 'finish' }),
      timer({ kind: 'sign' }),
    ]);
    expect(g.hasUpstream).toBe(true);
    expect(g.rows.map((r) => r.kind)).toEqual(['sign', 'finish']);
    expect(g.rows[1]?.upstream?.scope).toBe('upstream');
    expect(g.rows[0]?.upstream).toBeNull();
  });
  it('turns a running timer overdue once its deadline passes, keeps stopped ones', () => {
    expect(liveLevel(timer({ level: 'warn90' }), 11 * 3600_000)).toBe('overdue');
    expect(liveLevel(timer({ level: 'ok', stoppedAt: 1 }), 11 * 3600_000)).toBe('ok');
  });
  it('says how much time is left or how late it is', () => {
    expect(remainingLabel(timer({}), 0, t)).toBe('剩余 10小时');
    expect(remainingLabel(timer({}), 10 * 3600_000 + 45 * 60_000, t)).toBe('超期 45分');
    expect(formatDuration((3 * 1440 + 5 * 60 + 7) * 60_000, t)).toBe('3天5小时');
    expect(formatDuration(20_000, t)).toBe('不足1分');
  });
});

describe('报到 rows (issue 15)', () => {
  it('keeps one row per summoned unit: a unit that never reported is not hidden behind one that did', () => {
    const g = groupTimers([
      timer({ kind: 'finish' }),
      timer({ kind: 'report_in', stoppedAt: 5 * 60_000, met: true, level: 'ok' }),
      timer({ kind: 'report_in', deadline: 30 * 60_000, level: 'overdue' }),
      timer({ kind: 'report_in', deadline: 30 * 60_000 }),
    ]);
    const reports = g.rows.filter((r) => r.kind === 'report_in');
    expect(reports).toHaveLength(3);
    expect(reports.map((r) => r.summons)).toEqual([0, 1, 2]);
    expect(reports[0]?.internal?.met).toBe(true);
    expect(reports[1]?.internal?.level).toBe('overdue');
    expect(reports[2]?.internal?.stoppedAt).toBeNull();
  });
});
