/** The fade / hide ages of the 现场力量 layer (admin; shown in the map settings). */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { errorText } from '../../platform/api/error-text';
import './field.css';

export function FieldSettingsForm() {
  const { t } = useTranslation();
  const q = useQuery('field.positions', {});
  const save = useMutation('field.configure');
  const [fade, setFade] = useState('');
  const [hide, setHide] = useState('');
  const [saved, setSaved] = useState(false);
  const s = q.data?.settings;
  useEffect(() => {
    if (!s) return;
    setFade(String(s.fadeMinutes));
    setHide(String(s.hideMinutes));
  }, [s?.fadeMinutes, s?.hideMinutes]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save
      .run({ fadeMinutes: Number(fade), hideMinutes: Number(hide) })
      .then(() => setSaved(true))
      .catch(() => undefined);
  };
  return (
    <form className="field-settings" onSubmit={submit} data-testid="field-settings">
      <h3>{t('field.settings.title')}</h3>
      <label>
        {t('field.settings.fade')}
        <input
          type="number"
          min={1}
          value={fade}
          onChange={(e) => setFade(e.currentTarget.value)}
          data-testid="field-fade"
        />
      </label>
      <label>
        {t('field.settings.hide')}
        <input
          type="number"
          min={2}
          value={hide}
          onChange={(e) => setHide(e.currentTarget.value)}
          data-testid="field-hide"
        />
      </label>
      <button type="submit" className="btn" disabled={save.busy}>
        {t('field.settings.save')}
      </button>
      {saved && <span className="muted">{t('field.settings.saved')}</span>}
      {save.error && <p className="form-error">{errorText(save.error, t)}</p>}
    </form>
  );
}
