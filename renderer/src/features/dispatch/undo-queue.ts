/**
 * The undo window: an action the user submitted waits here a few seconds before it is sent, so
 * 撤销 costs nothing — no event is written until the window closes, and an undone action never
 * reaches the core. `sendNow` closes the window early; `flush` sends everything waiting at once
 * (the desk calls it when the user leaves the desk or closes the window: what was submitted is
 * sent, never silently dropped). A send that fails keeps its entry, with the error, until the
 * desk takes it back (the form reopens with the user's input) or the user dismisses it.
 *
 * Timers are injected so the queue is tested without waiting.
 */

export type UndoState = 'waiting' | 'sending' | 'saved' | 'failed';

export interface UndoEntry<T> {
  readonly id: string;
  readonly item: T;
  readonly state: UndoState;
  /** When the window closes (epoch ms). */
  readonly dueAt: number;
  readonly error: unknown;
}

export interface UndoQueueOptions<T> {
  readonly delayMs: number;
  /** Sends the item; a rejection marks the entry failed with that error. */
  readonly send: (item: T) => Promise<void>;
  /** How long a saved entry stays listed (its toast) before it goes by itself. */
  readonly savedMs?: number;
  readonly now?: () => number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export interface UndoQueue<T> {
  schedule(id: string, item: T): void;
  /** Cancels a waiting entry; returns its item, or null when it was already sent (or unknown). */
  undo(id: string): T | null;
  sendNow(id: string): void;
  /** Sends every waiting entry now; resolves when they have all settled. */
  flush(): Promise<void>;
  /** Removes a saved or failed entry (its toast was closed, or the desk took it back). */
  dismiss(id: string): void;
  entries(): readonly UndoEntry<T>[];
  /** True while something is waiting or being sent. */
  busy(): boolean;
  subscribe(fn: () => void): () => void;
}

export function createUndoQueue<T>(opts: UndoQueueOptions<T>): UndoQueue<T> {
  const now = opts.now ?? (() => Date.now());
  const setTimer = opts.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const savedMs = opts.savedMs ?? 4000;
  let list: UndoEntry<T>[] = [];
  const timers = new Map<string, unknown>();
  const listeners = new Set<() => void>();
  const inFlight = new Map<string, Promise<void>>();

  const emit = () => {
    for (const fn of [...listeners]) fn();
  };
  const patch = (id: string, change: Partial<UndoEntry<T>>) => {
    list = list.map((e) => (e.id === id ? { ...e, ...change } : e));
    emit();
  };
  const stopTimer = (id: string) => {
    const h = timers.get(id);
    if (h !== undefined) clearTimer(h);
    timers.delete(id);
  };
  const remove = (id: string) => {
    stopTimer(id);
    list = list.filter((e) => e.id !== id);
    emit();
  };

  const send = (id: string): Promise<void> => {
    const e = list.find((x) => x.id === id);
    if (!e || e.state !== 'waiting') return inFlight.get(id) ?? Promise.resolve();
    stopTimer(id);
    patch(id, { state: 'sending' });
    const p = opts.send(e.item).then(
      () => {
        patch(id, { state: 'saved' });
        timers.set(
          id,
          setTimer(() => remove(id), savedMs),
        );
      },
      (err: unknown) => patch(id, { state: 'failed', error: err }),
    );
    const tracked = p.finally(() => inFlight.delete(id));
    inFlight.set(id, tracked);
    return tracked;
  };

  return {
    schedule(id, item) {
      if (list.some((e) => e.id === id)) return;
      list = [...list, { id, item, state: 'waiting', dueAt: now() + opts.delayMs, error: null }];
      timers.set(
        id,
        setTimer(() => void send(id), opts.delayMs),
      );
      emit();
    },
    undo(id) {
      const e = list.find((x) => x.id === id);
      if (!e || e.state !== 'waiting') return null;
      remove(id);
      return e.item;
    },
    sendNow(id) {
      void send(id);
    },
    async flush() {
      const waiting = list.filter((e) => e.state === 'waiting').map((e) => send(e.id));
      await Promise.all([...waiting, ...inFlight.values()]);
    },
    dismiss(id) {
      const e = list.find((x) => x.id === id);
      if (e && (e.state === 'saved' || e.state === 'failed')) remove(id);
    },
    entries: () => list,
    busy: () => list.some((e) => e.state === 'waiting' || e.state === 'sending'),
    subscribe(fn) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
  };
}
