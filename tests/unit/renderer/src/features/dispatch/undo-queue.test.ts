import { describe, expect, it } from 'vitest';
import { createUndoQueue } from '../../../../../../renderer/src/features/dispatch/undo-queue';

/** A queue on a hand-driven clock: nothing waits for real time. */
function setup(send: (item: string) => Promise<void> = async () => undefined) {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  const sent: string[] = [];
  const q = createUndoQueue<string>({
    delayMs: 5000,
    savedMs: 4000,
    now: () => now,
    setTimer: (fn, ms) => {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { live: boolean }).live = false;
    },
    send: async (item) => {
      sent.push(item);
      await send(item);
    },
  });
  const advance = async (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.live && x.at <= now)) {
      t.live = false;
      t.fn();
    }
    // Let the send's promise settle.
    await new Promise((r) => setTimeout(r, 0));
  };
  return { q, sent, advance };
}

describe('the undo window', () => {
  it('sends only when the window closes, then shows it saved for a while', async () => {
    const { q, sent, advance } = setup();
    q.schedule('a', 'sign');
    expect(q.entries()).toMatchObject([{ id: 'a', state: 'waiting', dueAt: 5000 }]);
    expect(q.busy()).toBe(true);
    await advance(4999);
    expect(sent).toEqual([]);
    await advance(1);
    expect(sent).toEqual(['sign']);
    expect(q.entries()[0]?.state).toBe('saved');
    expect(q.busy()).toBe(false);
    await advance(4000);
    expect(q.entries()).toEqual([]);
  });

  it('an undone action is never sent', async () => {
    const { q, sent, advance } = setup();
    q.schedule('a', 'reply');
    await advance(3000);
    expect(q.undo('a')).toBe('reply');
    await advance(10_000);
    expect(sent).toEqual([]);
    expect(q.entries()).toEqual([]);
    // Too late to undo once it went.
    q.schedule('b', 'sign');
    q.sendNow('b');
    expect(q.undo('b')).toBeNull();
    expect(sent).toEqual(['sign']);
  });

  it('flush sends everything waiting at once (leaving the desk), each once', async () => {
    const { q, sent, advance } = setup();
    q.schedule('a', 'one');
    q.schedule('b', 'two');
    q.schedule('a', 'one again'); // the same id is one action
    await q.flush();
    expect(sent).toEqual(['one', 'two']);
    await advance(10_000);
    expect(sent).toEqual(['one', 'two']);
  });

  it('a failed send keeps the item and the error until the desk takes it back', async () => {
    const boom = new Error('stale');
    const { q, advance } = setup(async (item) => {
      if (item === 'bad') throw boom;
    });
    const seen: string[] = [];
    q.subscribe(() =>
      seen.push(
        q
          .entries()
          .map((e) => e.state)
          .join(','),
      ),
    );
    q.schedule('x', 'bad');
    await advance(5000);
    expect(q.entries()).toMatchObject([{ id: 'x', item: 'bad', state: 'failed', error: boom }]);
    expect(seen).toContain('sending');
    await advance(60_000);
    expect(q.entries()).toHaveLength(1);
    q.dismiss('x');
    expect(q.entries()).toEqual([]);
  });

  it('a waiting entry cannot be dismissed (only undone or sent)', () => {
    const { q } = setup();
    q.schedule('a', 'sign');
    q.dismiss('a');
    expect(q.entries()).toHaveLength(1);
  });
});
