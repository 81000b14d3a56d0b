import { describe, expect, it } from 'vitest';
import { MissedHints } from '../../../../../../renderer/src/platform/api/missed-hints';

function tracked(): { missed: MissedHints; refreshes: () => number } {
  let n = 0;
  const missed = new MissedHints(() => {
    n += 1;
  });
  return { missed, refreshes: () => n };
}

describe('missed change hints', () => {
  it('asks nothing again when no hint went by before the socket joined', () => {
    const { missed, refreshes } = tracked();
    missed.answer(7);
    missed.answer(7);
    missed.joined(7);
    // Begun before the socket joined, answered after: still nothing new.
    missed.answer(7);
    missed.answer(8);
    expect(refreshes()).toBe(0);
  });

  it('refreshes once when an answer taken before the socket joined is older than its joining', () => {
    const { missed, refreshes } = tracked();
    missed.answer(7);
    missed.answer(9);
    missed.joined(9);
    expect(refreshes()).toBe(1);
    missed.answer(9);
    expect(refreshes()).toBe(1);
  });

  it('refreshes once for answers begun before the socket joined and landing after it', () => {
    const { missed, refreshes } = tracked();
    missed.joined(5);
    missed.answer(4);
    missed.answer(3);
    missed.answer(4);
    expect(refreshes()).toBe(1);
  });

  it('counts each joining on its own: after a loss, answers taken meanwhile are compared again', () => {
    const { missed, refreshes } = tracked();
    missed.joined(5);
    missed.left();
    missed.answer(5);
    missed.joined(6);
    expect(refreshes()).toBe(1);
    missed.left();
    missed.answer(6);
    missed.joined(6);
    expect(refreshes()).toBe(1);
  });

  it('refreshes at once when the socket opens again after a loss, and not again when it joins', () => {
    const { missed, refreshes } = tracked();
    missed.opened();
    missed.joined(5);
    // The first opening refreshes nothing by itself.
    expect(refreshes()).toBe(0);
    missed.left();
    // Answers taken while it was gone are older than the next joining…
    missed.answer(5);
    missed.opened();
    expect(refreshes()).toBe(1);
    missed.joined(8);
    // …or begun before it and landing after: the refresh at opening covers both.
    missed.answer(6);
    expect(refreshes()).toBe(1);
    // The joining after the next loss is compared on its own again.
    missed.left();
    missed.joined(8);
    missed.answer(7);
    expect(refreshes()).toBe(2);
  });

  it('assumes nothing from a host that does not send the count', () => {
    const { missed, refreshes } = tracked();
    missed.answer(null);
    missed.joined(3);
    missed.answer(null);
    expect(refreshes()).toBe(0);
  });
});
