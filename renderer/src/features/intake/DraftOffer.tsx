/** The draft left by an interrupted intake, offered back when the form opens: 继续 or 放弃. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/format/time';
import type { IntakeDraft } from './intake-draft';

export function DraftOffer({
  draft,
  categoryPath,
  onResume,
  onDiscard,
}: {
  readonly draft: IntakeDraft;
  readonly categoryPath: (code: string) => string;
  readonly onResume: () => void;
  readonly onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const resume = useRef<HTMLButtonElement>(null);
  // Enter continues: the likely wish after an interruption. After the frame: the dialog's
  // showModal() (run after this child's effect) moves focus to its first control.
  useEffect(() => {
    const id = requestAnimationFrame(() => resume.current?.focus());
    return () => cancelAnimationFrame(id);
  }, []);
  const caller = [draft.citizenName, draft.citizenPhone].filter((s) => s.trim() !== '').join(' ');
  return (
    <div
      className="intake-offer"
      role="region"
      aria-labelledby="intake-offer-title"
      data-testid="intake-draft-offer"
    >
      <h3 id="intake-offer-title">{t('intake.offer.title')}</h3>
      <dl>
        <dt>{t('intake.offer.savedAt')}</dt>
        <dd>{formatDateTime(draft.savedAt)}</dd>
        <dt>{t('intake.field.channel')}</dt>
        <dd>{t(`intake.channel.${draft.channel}`)}</dd>
        {draft.categoryCode && (
          <>
            <dt>{t('intake.field.category')}</dt>
            <dd>{categoryPath(draft.categoryCode)}</dd>
          </>
        )}
        {caller && (
          <>
            <dt>{t('intake.offer.caller')}</dt>
            <dd data-testid="intake-offer-caller">{caller}</dd>
          </>
        )}
        {(draft.title || draft.address) && (
          <>
            <dt>{t('intake.offer.what')}</dt>
            <dd>{draft.title || draft.address}</dd>
          </>
        )}
      </dl>
      <div className="intake-offer-buttons">
        <button
          type="button"
          ref={resume}
          className="auth-submit"
          data-testid="intake-resume"
          onClick={onResume}
        >
          {t('intake.offer.resume')}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          data-testid="intake-discard-draft"
          onClick={onDiscard}
        >
          {t('intake.offer.discard')}
        </button>
      </div>
    </div>
  );
}
