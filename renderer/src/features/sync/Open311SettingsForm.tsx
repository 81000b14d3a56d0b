/**
 * The Open311 connector's settings (admins): endpoint, jurisdiction, api key (write-only),
 * format, page size, interval, and the category table as text — one `service_code, 分类编码[,
 * 紧急程度]` per line. A save sends only these fields: open311.configure is a partial update, so
 * what this form does not show (start date, window, overlap, offsets, status tables, posting
 * back) is kept as stored. 重置拉取游标 (open311.resetCursor) restarts the pull, behind a
 * confirmation.
 */
import { useCallback, useEffect, useState, type FormEvent, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Open311SettingsView } from '../../../../shared/features/open311/contract';
import { caughtErrorText, errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { ConfirmBox } from './ConfirmBox';
import { mappingToText, parseMappingText } from './open311-mapping';

interface Draft {
  endpoint: string;
  jurisdictionId: string;
  apiKey: string;
  enabled: boolean;
  format: 'json' | 'xml';
  pageSize: string;
  intervalSec: string;
  mapping: string;
}

function _draft(s: Open311SettingsView): Draft {
  return {
    endpoint: s.endpoint ?? '',
    jurisdictionId: s.jurisdictionId ?? '',
    apiKey: '',
    enabled: s.enabled,
    format: s.format,
    pageSize: String(s.pageSize),
    intervalSec: String(s.intervalSec),
    mapping: mappingToText(s.serviceMap),
  };
}

export interface Open311SettingsFormProps {
  readonly escClaim: MutableRefObject<(() => boolean) | null>;
}

export function Open311SettingsForm({ escClaim }: Open311SettingsFormProps) {
  const { t } = useTranslation();
  const q = useQuery('open311.settings', {});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const resetCursor = useMutation('open311.resetCursor');
  const [confirmReset, setConfirmReset] = useState<HTMLElement | null>(null);
  const { reset: resetResetError } = resetCursor;
  const cancelReset = useCallback(() => {
    setConfirmReset((opener) => {
      requestAnimationFrame(() => opener?.focus());
      return null;
    });
    resetResetError();
  }, [resetResetError]);
  const doReset = async () => {
    try {
      await resetCursor.run({});
      setConfirmReset(null);
      setMessage({ ok: true, text: t('sync.open311.resetDone') });
    } catch {
      // Shown in the confirmation (resetCursor.error).
    }
  };
  const [d, setD] = useState<Draft | null>(null);
  const configure = useMutation('open311.configure');
  // A refetch (every sync.changed hint refreshes open311.*) must not overwrite what the admin is
  // typing: the form follows the server only until the first edit, and again after a save.
  const [dirty, setDirty] = useState(false);
  const s = q.data;
  useEffect(() => {
    if (s && !dirty) setD(_draft(s));
  }, [s, dirty]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDirty(true);
    setD((x) => (x ? { ...x, [k]: v } : x));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!d) return;
    const mapping = parseMappingText(d.mapping);
    if (!mapping.ok) {
      setMessage({ ok: false, text: t('sync.open311.mappingLine', { n: mapping.line }) });
      return;
    }
    setMessage(null);
    try {
      await configure.run({
        endpoint: d.endpoint.trim() === '' ? null : d.endpoint.trim(),
        jurisdictionId: d.jurisdictionId.trim() === '' ? null : d.jurisdictionId.trim(),
        enabled: d.enabled,
        format: d.format,
        pageSize: Number(d.pageSize),
        intervalSec: Number(d.intervalSec),
        serviceMap: mapping.rows,
        ...(d.apiKey.trim() ? { apiKey: d.apiKey.trim() } : {}),
      });
      setMessage({ ok: true, text: t('sync.settings.saved') });
      setDirty(false);
    } catch (err) {
      setMessage({ ok: false, text: caughtErrorText(err, t) });
    }
  };

  return (
    <form className="sync-form" onSubmit={(e) => void submit(e)} data-testid="open311-form" noValidate>
      <h3>{t('sync.open311.title')}</h3>
      {q.error && (
        <div className="error-box" role="alert">
          {errorText(q.error, t)}
        </div>
      )}
      {d && (
        <>
          <label className="sync-field">
            <span>{t('sync.open311.endpoint')}</span>
            <input
              type="url"
              value={d.endpoint}
              placeholder="https://city.example/open311/v2"
              data-testid="open311-endpoint"
              onChange={(e) => set('endpoint', e.target.value)}
            />
          </label>
          <div className="sync-field-row">
            <label className="sync-field">
              <span>{t('sync.open311.jurisdiction')}</span>
              <input value={d.jurisdictionId} onChange={(e) => set('jurisdictionId', e.target.value)} />
            </label>
            <label className="sync-field">
              <span>{t('sync.open311.apiKey')}</span>
              <input
                type="password"
                autoComplete="off"
                value={d.apiKey}
                placeholder={s?.hasApiKey ? t('sync.open311.apiKeyKeep') : ''}
                onChange={(e) => set('apiKey', e.target.value)}
              />
            </label>
          </div>
          <div className="sync-field-row">
            <label className="sync-field">
              <span>{t('sync.open311.format')}</span>
              <select
                value={d.format}
                onChange={(e) => set('format', e.target.value === 'xml' ? 'xml' : 'json')}
              >
                <option value="json">JSON</option>
                <option value="xml">XML</option>
              </select>
            </label>
            <label className="sync-field">
              <span>{t('sync.open311.pageSize')}</span>
              <input
                type="number"
                min={1}
                max={1000}
                value={d.pageSize}
                onChange={(e) => set('pageSize', e.target.value)}
              />
            </label>
            <label className="sync-field">
              <span>{t('sync.open311.interval')}</span>
              <input
                type="number"
                min={10}
                max={86400}
                value={d.intervalSec}
                onChange={(e) => set('intervalSec', e.target.value)}
              />
            </label>
          </div>
          <label className="sync-field">
            <span>{t('sync.open311.mapping')}</span>
            <textarea
              rows={4}
              className="mono"
              value={d.mapping}
              data-testid="open311-mapping"
              onChange={(e) => set('mapping', e.target.value)}
            />
            <small className="muted">{t('sync.open311.mappingHint')}</small>
          </label>
          <label className="sync-check">
            <input type="checkbox" checked={d.enabled} onChange={(e) => set('enabled', e.target.checked)} />{' '}
            {t('sync.open311.enabled')}
          </label>
          <div className="sync-form-buttons">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={configure.busy}
              data-testid="open311-save"
            >
              {configure.busy ? t('sync.settings.saving') : t('sync.settings.save')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={!s?.endpoint || confirmReset !== null}
              data-testid="open311-reset-cursor"
              onClick={(e) => {
                resetResetError();
                setConfirmReset(e.currentTarget);
              }}
            >
              {t('sync.open311.resetCursor')}
            </button>
            <span role="status" className={message && !message.ok ? 'sync-error-text' : 'sync-notice'}>
              {message?.text ?? ''}
            </span>
          </div>
          {confirmReset && (
            <ConfirmBox
              title={t('sync.open311.resetCursor')}
              text={t('sync.open311.resetConfirm')}
              confirmLabel={t('sync.open311.resetOk')}
              cancelLabel={t('sync.conflicts.cancel')}
              busy={resetCursor.busy}
              error={resetCursor.error ? errorText(resetCursor.error, t) : null}
              escClaim={escClaim}
              onConfirm={() => void doReset()}
              onCancel={cancelReset}
            />
          )}
        </>
      )}
    </form>
  );
}
