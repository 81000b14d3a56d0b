/**
 * 部件导入 (admin): choose a CSV or GeoJSON file of 城市部件 → the core checks every row; any bad
 * row refuses the whole file (each named with its row and column), else the result counts what
 * was added, updated and already present (the same file twice adds nothing). Esc closes it.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetImportView } from '../../../../shared/features/assets/contract';
import { caughtErrorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import './address.css';

export interface AssetImportDialogProps {
  readonly onClose: () => void;
}

const MAX_BYTES = 8_000_000;

/** The format by file name (or content when the name says nothing). */
function formatOf(name: string, text: string): 'csv' | 'geojson' {
  const n = name.toLowerCase();
  if (n.endsWith('.geojson') || n.endsWith('.json')) return 'geojson';
  if (n.endsWith('.csv')) return 'csv';
  return text.trimStart().startsWith('{') ? 'geojson' : 'csv';
}

export default function AssetImportDialog({ onClose }: AssetImportDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const run = useMutation('assets.import');
  const [result, setResult] = useState<{ name: string; view: AssetImportView } | null>(null);
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);

  async function choose(file: File) {
    setError('');
    setResult(null);
    try {
      if (file.size > MAX_BYTES) {
        setError(t('address.assetImport.tooBig'));
        return;
      }
      const text = (await file.text()).replace(/^\uFEFF/, '');
      const view = await run.run({ format: formatOf(file.name, text), text });
      setResult({ name: file.name, view });
    } catch (err) {
      setError(caughtErrorText(err, t));
    } finally {
      // The same file may be chosen again (a second import shows that nothing is added).
      if (input.current) input.current.value = '';
    }
  }

  const view = result?.view;
  return (
    <dialog
      ref={dialog}
      className="modal-dialog asset-import-dialog"
      aria-labelledby="asset-import-title"
      data-testid="asset-import-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="dialog-head">
        <h2 id="asset-import-title">{t('address.assetImport.title')}</h2>
        <span className="muted">{t('address.assetImport.hint')}</span>
        <button type="button" className="btn" data-testid="asset-import-close" onClick={onClose}>
          {t('address.assetImport.close')}
        </button>
      </div>
      <div className="asset-import-body">
        <p className="muted">{t('address.assetImport.columns')}</p>
        <label className="asset-import-file">
          {t('address.assetImport.choose')}
          <input
            ref={input}
            type="file"
            accept=".csv,.geojson,.json"
            data-testid="asset-import-file"
            disabled={run.busy}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void choose(f);
            }}
          />
          {run.busy && <span className="muted">{t('address.assetImport.busy')}</span>}
        </label>
        {error && (
          <p className="asset-import-error" role="alert" data-testid="asset-import-error">
            {error}
          </p>
        )}
        {result && view && view.errors.length > 0 && (
          <div className="asset-import-refused" role="alert" data-testid="asset-import-refused">
            <p>{t('address.assetImport.refused', { name: result.name, n: view.errors.length })}</p>
            <table className="asset-import-errors">
              <thead>
                <tr>
                  <th>{t('address.assetImport.row')}</th>
                  <th>{t('address.assetImport.column')}</th>
                  <th>{t('address.assetImport.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {view.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.column}-${i}`} data-testid="asset-import-row-error">
                    <td>
                      {e.row === 0
                        ? t('address.assetImport.wholeFile')
                        : t('address.assetImport.rowN', { n: e.row })}
                    </td>
                    <td>{e.column || '—'}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {result && view && view.errors.length === 0 && (
          <p className="asset-import-done" role="status" data-testid="asset-import-result">
            {t('address.assetImport.done', {
              name: result.name,
              added: view.added,
              updated: view.updated,
              unchanged: view.unchanged,
            })}
          </p>
        )}
      </div>
    </dialog>
  );
}
