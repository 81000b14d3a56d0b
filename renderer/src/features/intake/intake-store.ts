/**
 * Whether the 受理 form is open, and with what preset: one small store, so the header button,
 * the F8 shortcut and any other feature (a map alarm) open the same form through `openIntake`.
 * It also tells the header button whether the signed-in user has a draft waiting.
 */
import { useSyncExternalStore } from 'react';
import type { IntakePreset } from './intake-draft';

interface IntakeOpenState {
  readonly open: boolean;
  readonly preset: IntakePreset | null;
  /** Bumped by every draft save or discard, so draft badges re-read storage. */
  readonly draftTick: number;
}

let state: IntakeOpenState = { open: false, preset: null, draftTick: 0 };
const listeners = new Set<() => void>();

function set(next: Partial<IntakeOpenState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

/** Opens the 受理 form (already open: it stays as it is, the preset is not forced on a draft). */
export function openIntake(preset: IntakePreset | null = null): void {
  if (!state.open) set({ open: true, preset });
}

export function closeIntake(): void {
  if (state.open) set({ open: false, preset: null });
}

/** The draft in storage changed (saved, submitted, discarded). */
export function draftChanged(): void {
  set({ draftTick: state.draftTick + 1 });
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

export function useIntakeState(): IntakeOpenState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
}
