import { describe, expect, it } from 'vitest';
import { agoLabel, lockPurposeLabel } from '../../../../../../renderer/src/features/dispatch/lock-format';

const t = (key: string, vars?: Readonly<Record<string, unknown>>) =>
  vars ? `${key}${JSON.stringify(vars)}` : key;

describe('lock lines', () => {
  it('says how long ago in whole minutes and hours', () => {
    expect(agoLabel(-5000, t)).toBe('desk.lock.justNow');
    expect(agoLabel(59_999, t)).toBe('desk.lock.justNow');
    expect(agoLabel(2 * 60_000 + 5, t)).toBe('desk.lock.minutesAgo{"n":2}');
    expect(agoLabel(3 * 3_600_000 + 1, t)).toBe('desk.lock.hoursAgo{"n":3}');
  });
  it('names the purpose as the timeline does, and shows anything else as sent', () => {
    expect(lockPurposeLabel('replied', t)).toBe('eventType.replied');
    expect(lockPurposeLabel('', t)).toBe('');
    expect(lockPurposeLabel('自定义', t)).toBe('自定义');
  });
});
