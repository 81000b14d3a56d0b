/**
 * The form's draft state: the stored draft offered back on opening, every change saved to
 * localStorage shortly after it is made (and at once when the form closes or the page goes
 * away), cleared once the order is created or the officer discards it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  clearDraft,
  draftHasContent,
  emptyDraft,
  loadDraft,
  newOrderId,
  saveDraft,
  type DraftStorage,
  type IntakeDraft,
  type IntakePreset,
} from './intake-draft';
import { draftChanged } from './intake-store';

const SAVE_DELAY_MS = 300;

function storage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function fresh(preset: IntakePreset | null): IntakeDraft {
  const now = Date.now();
  return emptyDraft(
    newOrderId(now, (n) => crypto.getRandomValues(new Uint8Array(n))),
    now,
    preset ?? {},
  );
}

export type SaveState = 'idle' | 'saved' | 'failed';

export interface IntakeDraftState {
  /** 'offer': a stored draft waits for 继续 or 放弃; 'edit': the form is live. */
  readonly phase: 'offer' | 'edit';
  readonly draft: IntakeDraft;
  readonly saveState: SaveState;
  set(patch: Partial<IntakeDraft>): void;
  /** Continue the stored draft. */
  resume(): void;
  /** Throw the draft away and start a new one (a new order id). */
  discard(): void;
  /** The order was created: forget the draft. */
  done(): void;
}

export function useIntakeDraft(username: string, preset: IntakePreset | null): IntakeDraftState {
  const [init] = useState(() => {
    const stored = loadDraft(storage(), username);
    return stored && draftHasContent(stored)
      ? { phase: 'offer' as const, draft: stored }
      : { phase: 'edit' as const, draft: fresh(preset) };
  });
  const [phase, setPhase] = useState<'offer' | 'edit'>(init.phase);
  const [draft, setDraft] = useState<IntakeDraft>(init.draft);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  // What the next save writes; null once submitted or discarded (nothing to write back).
  const pending = useRef<IntakeDraft | null>(null);
  const finished = useRef(false);

  const flush = useCallback(() => {
    const d = pending.current;
    if (!d) return;
    pending.current = null;
    const s = storage();
    if (draftHasContent(d)) {
      setSaveState(saveDraft(s, username, d) ? 'saved' : 'failed');
    } else clearDraft(s, username);
    draftChanged();
  }, [username]);

  useEffect(() => {
    if (phase !== 'edit' || finished.current || !pending.current) return;
    const id = window.setTimeout(flush, SAVE_DELAY_MS);
    return () => window.clearTimeout(id);
  }, [draft, phase, flush]);

  // Closing the form or leaving the page writes what was typed last.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const set = useCallback((patch: Partial<IntakeDraft>) => {
    setDraft((d) => {
      const next = { ...d, ...patch, savedAt: Date.now() };
      if (!finished.current) pending.current = next;
      return next;
    });
  }, []);

  const resume = useCallback(() => setPhase('edit'), []);

  const discard = useCallback(() => {
    pending.current = null;
    clearDraft(storage(), username);
    draftChanged();
    setDraft(fresh(preset));
    setSaveState('idle');
    setPhase('edit');
  }, [username, preset]);

  const done = useCallback(() => {
    finished.current = true;
    pending.current = null;
    clearDraft(storage(), username);
    draftChanged();
  }, [username]);

  return { phase, draft, saveState, set, resume, discard, done };
}
