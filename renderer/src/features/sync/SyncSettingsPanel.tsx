/** 设置 tab (admins): the upstream hub link (sync.configure) and the Open311 connector (open311.configure). */
import { useEffect, useState, type FormEvent, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { caughtErrorText, errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { Open311SettingsForm } from './Open311SettingsForm';

function HubSettingsForm() {
  const { t } = useTranslation();
  const q = useQuery('sync.settings', {});
  const [hubUrl, setHubUrl] = useState('');
  const [token, setToken] = useState('');
  const [enabled, setEnabled] = useState(false);
  const configure = useMutation('sync.configure');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Follow the server's settings until the first edit (refetches come with every sync.changed).
  const [dirty, setDirty] = useState(false);
  const s = q.data;
  useEffect(() => {
    if (!s || dirty) return;
    setHubUrl(s.hubUrl ?? '');
    setEnabled(s.enabled);
  }, [s, dirty]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      await configure.run({
        hubUrl: hubUrl.trim() === '' ? null : hubUrl.trim(),
        enabled,
        ...(token.trim() ? { token: token.trim() } : {}),
      });
      setToken('');
      setDirty(false);
      setMessage({ ok: true, text: t('sync.settings.saved') });
    } catch (err) {
      setMessage({ ok: false, text: caughtErrorText(err, t) });
    }
  };

  return (
    <form className="sync-form" onSubmit={(e) => void submit(e)} data-testid="sync-hub-form" noValidate>
      <h3>{t('sync.settings.hubTitle')}</h3>
      {q.error && (
        <div className="error-box" role="alert">
          {errorText(q.error, t)}
        </div>
      )}
      {s && (
        <p className="muted">
          {t('sync.settings.node')}: <span className="mono">{s.node}</span>
        </p>
      )}
      <label className="sync-field">
        <span>{t('sync.settings.hubUrl')}</span>
        <input
          type="url"
          value={hubUrl}
          placeholder={t('sync.settings.hubUrlPlaceholder')}
          data-testid="sync-hub-url"
          onChange={(e) => {
            setDirty(true);
            setHubUrl(e.target.value);
          }}
        />
      </label>
      <label className="sync-field">
        <span>{t('sync.settings.token')}</span>
        <input
          type="password"
          autoComplete="off"
          value={token}
          placeholder={s?.hasToken ? t('sync.settings.tokenKeep') : t('sync.settings.tokenHint')}
          data-testid="sync-hub-token"
          onChange={(e) => setToken(e.target.value)}
        />
      </label>
      <label className="sync-check">
        <input
          type="checkbox"
          checked={enabled}
          data-testid="sync-hub-enabled"
          onChange={(e) => {
            setDirty(true);
            setEnabled(e.target.checked);
          }}
        />{' '}
        {t('sync.settings.enabled')}
      </label>
      <div className="sync-form-buttons">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={configure.busy}
          data-testid="sync-hub-save"
        >
          {configure.busy ? t('sync.settings.saving') : t('sync.settings.save')}
        </button>
        <span role="status" className={message && !message.ok ? 'sync-error-text' : 'sync-notice'}>
          {message?.text ?? ''}
        </span>
      </div>
    </form>
  );
}

export interface SyncSettingsPanelProps {
  /** Esc closes an open confirmation first (the dialog asks it). */
  readonly escClaim: MutableRefObject<(() => boolean) | null>;
}

export function SyncSettingsPanel({ escClaim }: SyncSettingsPanelProps) {
  return (
    <div className="sync-settings">
      <HubSettingsForm />
      <Open311SettingsForm escClaim={escClaim} />
    </div>
  );
}
