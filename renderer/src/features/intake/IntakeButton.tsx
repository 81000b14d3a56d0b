/** The header's 受理 button (officers and above), with a mark when a draft is waiting. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../../../shared/kernel/roles';
import { useAuth } from '../auth';
import { draftHasContent, loadDraft } from './intake-draft';
import { openIntake, useIntakeState } from './intake-store';
import { INTAKE_KEY } from './IntakeHost';
import './intake.css';

function hasDraft(username: string): boolean {
  try {
    const d = loadDraft(window.localStorage, username);
    return d !== null && draftHasContent(d);
  } catch {
    return false;
  }
}

export function IntakeButton() {
  const { t } = useTranslation();
  const auth = useAuth();
  const { draftTick } = useIntakeState();
  const username = auth?.user.username ?? '';
  // Re-read whenever the form saved or dropped a draft.
  const waiting = useMemo(() => username !== '' && hasDraft(username), [username, draftTick]);
  if (!auth || !roleAtLeast(auth.user.role, 'officer')) return null;
  return (
    <button
      type="button"
      className="btn intake-open"
      data-testid="intake-open"
      aria-haspopup="dialog"
      aria-keyshortcuts={INTAKE_KEY}
      title={t('intake.openHint', { key: INTAKE_KEY })}
      onClick={() => openIntake()}
    >
      {t('intake.open')}
      <kbd>{INTAKE_KEY}</kbd>
      {waiting && (
        <span className="intake-draft-badge" data-testid="intake-draft-badge">
          {t('intake.draftBadge')}
        </span>
      )}
    </button>
  );
}
