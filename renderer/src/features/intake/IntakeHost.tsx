/**
 * Where the 受理 form lives in the app: the F8 shortcut (from any panel), and the dialog while
 * it is open, loaded on first use. Only for officers and above, never on a wall display.
 */
import { lazy, Suspense, useEffect } from 'react';
import { roleAtLeast } from '../../../../shared/kernel/roles';
import { useAuth } from '../auth';
import { closeIntake, openIntake, useIntakeState } from './intake-store';

const IntakeDialog = lazy(() => import('./IntakeDialog'));

/** The key that opens the form. F1–F4 switch the panels, so 受理 takes F8. */
export const INTAKE_KEY = 'F8';

export interface IntakeHostProps {
  /** False on a wall display. */
  readonly enabled: boolean;
  /** The new order, to open on the dispatch desk. */
  readonly onCreated: (orderId: string) => void;
}

export function IntakeHost({ enabled, onCreated }: IntakeHostProps) {
  const auth = useAuth();
  const { open, preset } = useIntakeState();
  const username = auth?.user.username ?? null;
  const may = enabled && auth !== null && roleAtLeast(auth.user.role, 'officer');

  useEffect(() => {
    if (!may) {
      closeIntake();
      return;
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== INTAKE_KEY || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.repeat) return;
      e.preventDefault();
      openIntake();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [may]);

  if (!may || !open || username === null) return null;
  return (
    <Suspense fallback={null}>
      <IntakeDialog
        key={username}
        username={username}
        preset={preset}
        onClose={closeIntake}
        onCreated={onCreated}
      />
    </Suspense>
  );
}
