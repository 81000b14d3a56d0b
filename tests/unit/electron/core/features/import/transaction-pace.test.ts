import { describe, expect, it } from 'vitest';
import { QUIET_MS } from '../../../../../../electron/core/features/import/at-work';
import { TransactionPace } from '../../../../../../electron/core/features/import/history-writer';

const BUSY = { ms: 2, step: 10 };
const QUIET = { ms: 200, step: 100 };

describe('the import’s transaction pace', () => {
  it('keeps short transactions until nobody has written for a while, and again while someone writes twice within it', () => {
    let t = 0;
    let sent = 5;
    const pace = new TransactionPace(
      () => sent,
      BUSY,
      QUIET,
      () => t,
    );
    // Just started: someone may be at work (the import's own run was one of the mutations).
    expect(pace.next()).toBe(BUSY);
    t = QUIET_MS - 1;
    expect(pace.next()).toBe(BUSY);
    t = QUIET_MS;
    expect(pace.next()).toBe(QUIET);
    // A dispatcher's single action (an order filed every few seconds): the quiet pace goes on.
    sent += 1;
    t = 2 * QUIET_MS;
    expect(pace.next()).toBe(QUIET);
    // A second within QUIET_MS: someone is at work, short again for QUIET_MS from when it was seen.
    sent += 1;
    t = 2 * QUIET_MS + 300;
    expect(pace.next()).toBe(BUSY);
    t = 3 * QUIET_MS + 299;
    expect(pace.next()).toBe(BUSY);
    t = 3 * QUIET_MS + 300;
    expect(pace.next()).toBe(QUIET);
    // Two that came together between two looks count as a second action.
    sent += 2;
    t = 5 * QUIET_MS;
    expect(pace.next()).toBe(BUSY);
    // A single one more than QUIET_MS after the last: quiet again.
    sent += 1;
    t = 6 * QUIET_MS + 1;
    expect(pace.next()).toBe(QUIET);
  });

  it('stays short where nobody counts the writes (the in-process core)', () => {
    let t = 0;
    const pace = new TransactionPace(null, BUSY, QUIET, () => t);
    t = 10 * QUIET_MS;
    expect(pace.next()).toBe(BUSY);
  });
});
