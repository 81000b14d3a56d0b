/** 考核设置 (admin): the composite's weights, the 基本满意 factor and the targets. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationSettings } from '../../../../shared/contract/index';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';

const RATES = ['response', 'resolution', 'satisfaction'] as const;

export function SettingsDialog({
  settings,
  onClose,
}: {
  readonly settings: EvaluationSettings;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const save = useMutation('evaluation.setSettings');
  const [draft, setDraft] = useState(settings);
  const [saved, setSaved] = useState(false);
  const num = (v: string) => (v === '' ? 0 : Number(v) / 100);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save
      .run(draft)
      .then(() => setSaved(true))
      .catch(() => undefined);
  };
  const pctInput = (value: number, onChange: (v: number) => void, testId: string) => (
    <input
      type="number"
      min={0}
      max={100}
      step={0.1}
      data-testid={testId}
      value={Math.round(value * 1000) / 10}
      onChange={(e) => onChange(num(e.target.value))}
    />
  );
  return (
    <dialog
      ref={dialog}
      className="modal-dialog eval-settings"
      data-testid="eval-settings"
      aria-labelledby="eval-settings-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id="eval-settings-title">{t('evaluation.settings.title')}</h2>
        <button type="button" className="btn" onClick={onClose}>
          {t('evaluation.settings.close')}
        </button>
      </div>
      <form className="eval-settings-form" onSubmit={onSubmit}>
        <p className="muted">{t('evaluation.settings.hint')}</p>
        <fieldset>
          <legend>{t('evaluation.settings.weights')} (%)</legend>
          {RATES.map((k) => (
            <label key={k}>
              {t(`evaluation.figures.${k}`)}
              {pctInput(
                draft.weights[k],
                (v) => setDraft({ ...draft, weights: { ...draft.weights, [k]: v } }),
                `w-${k}`,
              )}
            </label>
          ))}
          <label>
            {t('evaluation.settings.basicFactor')}
            {pctInput(
              draft.weights.basicFactor,
              (v) => setDraft({ ...draft, weights: { ...draft.weights, basicFactor: v } }),
              'w-basic',
            )}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('evaluation.settings.targets')} (%)</legend>
          {[...RATES, 'composite' as const].map((k) => (
            <label key={k}>
              {t(`evaluation.figures.${k}`)}
              {pctInput(
                draft.targets[k],
                (v) => setDraft({ ...draft, targets: { ...draft.targets, [k]: v } }),
                `t-${k}`,
              )}
            </label>
          ))}
        </fieldset>
        <div className="eval-settings-actions">
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="eval-settings-save"
            disabled={save.busy}
          >
            {t('evaluation.settings.save')}
          </button>
          {saved && <span className="dialog-notice">{t('evaluation.settings.saved')}</span>}
          {save.error && (
            <span className="job-error" role="alert">
              {errorText(save.error, t)}
            </span>
          )}
        </div>
      </form>
    </dialog>
  );
}
