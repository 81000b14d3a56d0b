/** 设置 tab (admins): the upstream hub link (sync.configure) and the Open311 connector (open311.configure). */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../platform/api/client';
import { useQuery } from '../../platform/api/use-query';
import { Open311SettingsForm } from './Open311SettingsForm';
import { errorText, caughtErrorText } from '../../platform/api/error-text';

function HubSettingsForm() {
  const { t } = useTranslation();
  const q = useQuery('sync.settings', {});
  const [hubUrl, setHubUrl] = useState('');
  const [token, setToken] = useState('');
  const [enabled, setEnabled] = useState(false);
  const [busy, setBusy] = useState(false);
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
    setBusy(true);
    setMessage(null);
    try {
      await call('sync.configure', {
        hubUrl: hubUrl.trim() === '' ? null : hubUrl.trim(),
        enabled,
        ...(token.trim() ? { token: token.trim() } : {}),
      });
      setToken('');
      setDirty(false);
      setMessage({ ok: true, text: t('sync.settings.saved') });
      q.refetch();
    } catch (err) {
      setMessage({ ok: false, text: caughtErrorText(err, t) });
    } finally {
      setBusy(false);
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
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="sync-hub-save">
          {busy ? t('sync.settings.saving') : t('sync.settings.save')}
        </button>
        <span role="status" className={message && !message.ok ? 'sync-error-text' : 'sync-notice'}>
          {message?.text ?? ''}
        </span>
      </div>
    </form>
  );
}

export function SyncSettingsPanel() {
  return (
    <div className="sync-settings">
      <HubSettingsForm />
      <Open311SettingsForm />
    </div>
  );
}
