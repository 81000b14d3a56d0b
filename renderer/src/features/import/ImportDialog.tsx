/**
 * 导入历史台账 (commander, admin): choose a file → check the guessed column mapping against a
 * preview → check (dry run: each refused row with its row and column, unknown categories to map
 * or to create as 历史分类: UnknownCategories.tsx)
 * → import with progress and cancel → summary. A native modal <dialog>: Esc closes it. The import
 * itself is import-job.ts's: closing the dialog while it runs leaves it running (在后台继续), and
 * the dialog opened again shows it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS } from '../../../../shared/features/import/fields';
import {
  type ColumnMapping,
  type ImportField,
  type LedgerCheck,
  type LedgerPreview,
  type LedgerRunResult,
} from '../../../../shared/contract/index';
import { call } from '../../platform/api/client';
import { caughtErrorText } from '../../platform/api/error-text';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import { cancelImport, clearImportJob, startImport, useImportJob } from './import-job';
import { ImportProgress } from './ImportProgress';
import { UnknownCategories } from './UnknownCategories';
import { UnknownUnits } from './UnknownUnits';
import { uploadLedger } from './ledger-upload';
import './import.css';

export interface ImportDialogProps {
  readonly onClose: () => void;
}

const REQUIRED: readonly ImportField[] = ['receivedAt', 'category'];

/** The dialog's own steps; an import under way or ended is import-job.ts's. */
type Step =
  | { readonly kind: 'file'; readonly busy: string }
  | { readonly kind: 'mapping'; readonly preview: LedgerPreview; readonly fileName: string };
type View =
  | Step
  | { readonly kind: 'running'; readonly preview: LedgerPreview; readonly fileName: string }
  | { readonly kind: 'done'; readonly result: LedgerRunResult };

export default function ImportDialog({ onClose }: ImportDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const [step, setStep] = useState<Step>({ kind: 'file', busy: '' });
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [categoryMap, setCategoryMap] = useState<Record<string, string>>({});
  const [unitMap, setUnitMap] = useState<Record<string, string>>({});
  const [check, setCheck] = useState<LedgerCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [skip, setSkip] = useState(false);
  const [error, setError] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const job = useImportJob();

  // An import that failed (while the dialog was open or not) goes back to its columns, with why.
  useEffect(() => {
    if (job?.kind !== 'failed') return;
    setMapping(job.mapping);
    setStep({ kind: 'mapping', preview: job.preview, fileName: job.fileName });
    setError(caughtErrorText(job.error, t));
    clearImportJob();
  }, [job, t]);

  const view: View =
    job?.kind === 'running'
      ? { kind: 'running', preview: job.preview, fileName: job.fileName }
      : job?.kind === 'done'
        ? { kind: 'done', result: job.result }
        : step;
  const shownMapping = job?.kind === 'running' ? job.mapping : mapping;
  /** Closing while it runs sends the import to the background; a result, once shown, is done with. */
  const close = (): void => {
    if (job?.kind === 'done') clearImportJob();
    onClose();
  };

  const chooseFile = async (file: File): Promise<void> => {
    setError('');
    setCheck(null);
    setCategoryMap({});
    setUnitMap({});
    setSkip(false);
    try {
      setStep({ kind: 'file', busy: t('ledgerImport.uploading', { pct: 0 }) });
      const uploadId = await uploadLedger(file, (f) =>
        setStep({ kind: 'file', busy: t('ledgerImport.uploading', { pct: Math.round(f * 100) }) }),
      );
      setStep({ kind: 'file', busy: t('ledgerImport.reading') });
      const preview = await call('import.preview', { uploadId });
      setMapping(preview.mapping);
      setStep({ kind: 'mapping', preview, fileName: file.name });
    } catch (err) {
      setError(caughtErrorText(err, t));
      setStep({ kind: 'file', busy: '' });
    }
  };

  const runCheck = async (preview: LedgerPreview): Promise<void> => {
    setError('');
    setChecking(true);
    try {
      setCheck(await call('import.check', { uploadId: preview.uploadId, mapping, categoryMap, unitMap }));
    } catch (err) {
      setCheck(null);
      setError(caughtErrorText(err, t));
    } finally {
      setChecking(false);
    }
  };

  const runImport = (preview: LedgerPreview, fileName: string): void => {
    setError('');
    setCheck(null);
    void startImport({ preview, fileName, mapping, categoryMap, unitMap, skipBadRows: skip });
  };

  const setField = (f: ImportField, v: string): void => {
    setCheck(null);
    setMapping((m) => {
      const next: ColumnMapping = { ...m };
      if (v === '') delete next[f];
      else next[f] = Number(v);
      return next;
    });
  };

  const canRun = check !== null && check.toAdd > 0 && (check.refused === 0 || skip);

  return (
    <dialog
      ref={dialog}
      className="modal-dialog import-dialog"
      aria-labelledby="import-title"
      data-testid="import-dialog"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="dialog-head">
        <h2 id="import-title">{t('ledgerImport.title')}</h2>
        <span className="muted">{t('ledgerImport.hint')}</span>
        <button
          type="button"
          className="btn"
          data-testid="import-close"
          title={view.kind === 'running' ? t('ledgerImport.backgroundHint') : undefined}
          onClick={close}
        >
          {view.kind === 'running' ? t('ledgerImport.background') : t('ledgerImport.close')}
        </button>
      </div>
      <ol className="import-steps" aria-label={t('ledgerImport.title')}>
        {(['file', 'mapping', 'check', 'run'] as const).map((s, i) => {
          const at = view.kind === 'file' ? 0 : view.kind === 'mapping' ? (check ? 2 : 1) : 3;
          return (
            <li key={s} className={i === at ? 'current' : i < at ? 'past' : ''}>
              {t(`ledgerImport.steps.${s}`)}
            </li>
          );
        })}
      </ol>
      <div className="import-body">
        {error && (
          <p className="import-error" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
        {view.kind === 'file' && (
          <label className="import-file">
            {t('ledgerImport.chooseFile')}
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,.csv"
              data-testid="import-file"
              disabled={view.busy !== ''}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void chooseFile(f);
              }}
            />
            {view.busy && <span className="muted">{view.busy}</span>}
          </label>
        )}
        {(view.kind === 'mapping' || view.kind === 'running') && (
          <>
            <p className="muted" data-testid="import-file-info">
              {view.preview.format === 'csv'
                ? t('ledgerImport.fileInfo', {
                    name: view.fileName,
                    format: 'CSV',
                    encoding: view.preview.encoding.toUpperCase(),
                  })
                : t('ledgerImport.fileInfoXlsx', { name: view.fileName })}
            </p>
            <h3>{t('ledgerImport.mappingTitle')}</h3>
            <div className="import-mapping">
              {IMPORT_FIELDS.map((f) => (
                <label key={f}>
                  <span>
                    {t(`ledgerImport.fields.${f}`)}
                    {REQUIRED.includes(f) && <em> *</em>}
                  </span>
                  <select
                    data-testid={`import-map-${f}`}
                    value={shownMapping[f] ?? ''}
                    disabled={view.kind === 'running'}
                    onChange={(e) => setField(f, e.target.value)}
                  >
                    <option value="">{t('ledgerImport.notMapped')}</option>
                    {view.preview.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h || `#${i + 1}`}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <h3>{t('ledgerImport.preview', { n: view.preview.rows.length })}</h3>
            <div className="import-preview">
              <table className="data-table" data-testid="import-preview">
                <thead>
                  <tr>
                    {view.preview.headers.map((h, i) => (
                      <th key={i}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {view.preview.rows.map((r, i) => (
                    <tr key={i}>
                      {view.preview.headers.map((_h, j) => (
                        <td key={j}>{r[j] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {view.kind === 'mapping' && (
              <div className="import-actions">
                <button
                  type="button"
                  className="btn"
                  data-testid="import-check"
                  disabled={checking}
                  onClick={() => void runCheck(view.preview)}
                >
                  {checking ? t('ledgerImport.checking') : t('ledgerImport.check')}
                </button>
              </div>
            )}
            {check && view.kind === 'mapping' && (
              <section className="import-check" data-testid="import-check-result">
                <p data-testid="import-summary">{t('ledgerImport.summary', { ...check })}</p>
                {check.errorCount === 0 ? (
                  <p className="ok">{t('ledgerImport.noErrors')}</p>
                ) : (
                  <>
                    <h3>
                      {t('ledgerImport.errorsTitle', { count: check.errorCount })}
                      {check.errors.length < check.errorCount &&
                        ` · ${t('ledgerImport.errorsMore', { n: check.errors.length })}`}
                    </h3>
                    <ul className="import-errors" data-testid="import-errors">
                      {check.errors.map((e, i) => (
                        <li key={i}>{t('ledgerImport.errorRow', { ...e })}</li>
                      ))}
                    </ul>
                  </>
                )}
                {check.unknownCategories.length > 0 && (
                  <UnknownCategories
                    unknown={check.unknownCategories}
                    categoryMap={categoryMap}
                    onChange={setCategoryMap}
                  />
                )}
                {check.unknownUnits.length > 0 && (
                  <UnknownUnits unknown={check.unknownUnits} unitMap={unitMap} onChange={setUnitMap} />
                )}
                <div className="import-actions">
                  {check.refused > 0 && (
                    <label className="import-skip">
                      <input
                        type="checkbox"
                        data-testid="import-skip"
                        checked={skip}
                        onChange={(e) => setSkip(e.target.checked)}
                      />
                      {t('ledgerImport.skipBadRows')}
                    </label>
                  )}
                  <button
                    type="button"
                    className="btn primary"
                    data-testid="import-run"
                    disabled={!canRun}
                    onClick={() => runImport(view.preview, view.fileName)}
                  >
                    {t('ledgerImport.run')}
                  </button>
                </div>
              </section>
            )}
            {job?.kind === 'running' && (
              <div className="import-actions">
                <ImportProgress job={job} />
                <button
                  type="button"
                  className="btn btn-danger"
                  data-testid="import-cancel"
                  disabled={job.cancelling}
                  onClick={cancelImport}
                >
                  {job.cancelling ? t('ledgerImport.cancelling') : t('ledgerImport.cancel')}
                </button>
                <button
                  type="button"
                  className="btn"
                  data-testid="import-background"
                  title={t('ledgerImport.backgroundHint')}
                  onClick={close}
                >
                  {t('ledgerImport.background')}
                </button>
              </div>
            )}
          </>
        )}
        {view.kind === 'done' && (
          <section className="import-done" data-testid="import-done">
            <p data-testid="import-result" data-added={view.result.added}>
              {view.result.cancelled
                ? t('ledgerImport.cancelled', { added: view.result.added })
                : t('ledgerImport.done', {
                    added: view.result.added,
                    already: view.result.already,
                    refused: view.result.refused,
                    s: (view.result.ms / 1000).toFixed(1),
                  })}
            </p>
            <div className="import-actions">
              <button
                type="button"
                className="btn"
                data-testid="import-another"
                onClick={() => {
                  clearImportJob();
                  setCheck(null);
                  setStep({ kind: 'file', busy: '' });
                }}
              >
                {t('ledgerImport.another')}
              </button>
              <button type="button" className="btn primary" data-testid="import-finish" onClick={close}>
                {t('ledgerImport.close')}
              </button>
            </div>
          </section>
        )}
      </div>
    </dialog>
  );
}
