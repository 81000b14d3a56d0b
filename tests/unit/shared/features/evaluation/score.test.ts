import { describe, expect, it } from 'vitest';
import {
  rankByComposite,
  riskReasons,
  riskScore,
  withOutcome,
} from '../../../../../shared/features/evaluation/score';
import {
  DEFAULT_RATE_WEIGHTS,
  EMPTY_CALLBACK_COUNTS,
} from '../../../../../shared/features/stats/three-rates';

const H = 3_600_000;

describe('evaluation score rules', () => {
  it('ranks by composite, ties share a rank, no call-back no rank', () => {
    const good = withOutcome(EMPTY_CALLBACK_COUNTS, true);
    const bad = withOutcome(EMPTY_CALLBACK_COUNTS, false);
    const r = rankByComposite(
      [
        { key: 'b', counts: good },
        { key: 'a', counts: good },
        { key: 'c', counts: bad },
        { key: 'd', counts: EMPTY_CALLBACK_COUNTS },
      ],
      DEFAULT_RATE_WEIGHTS,
    );
    expect([...r.entries()]).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('names each risk reason and caps the score at 1', () => {
    const base = {
      now: 100 * H,
      receivedAt: 0,
      deadline: 90 * H,
      rework: 1,
      returns: 1,
      urges: 2,
      callerOrders: 3,
      categoryUnsatisfied: 0.3,
      streetUnsatisfied: 0.1,
    };
    const reasons = riskReasons(base);
    expect(reasons.map((r) => r.code)).toEqual([
      'overdue',
      'rework',
      'returned',
      'urged',
      'repeat_caller',
      'category_history',
    ]);
    expect(riskScore(reasons)).toBe(1);
    const calm = riskReasons({
      ...base,
      deadline: 200 * H,
      rework: 0,
      returns: 0,
      urges: 0,
      callerOrders: 1,
      categoryUnsatisfied: 0.1,
    });
    expect(calm).toEqual([]);
    expect(riskReasons({ ...base, deadline: 110 * H }).map((r) => r.code)).toContain('near_deadline');
  });
});
