/**
 * 导出: starts a background export (`jobs.start`) and opens the jobs dialog where its progress
 * shows. `params` are the kind's (table.xlsx: the query, its filter, the sheet's columns).
 */
import { useTranslation } from 'react-i18next';
import type { TableXlsxParams } from '../../../../shared/contract/index';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { setJobsOpen } from './jobs-open';

export interface ExportButtonProps {
  /** The job's name in the list and the file's name (工单台账 …). */
  readonly title: string;
  readonly params: TableXlsxParams | (() => TableXlsxParams);
  readonly kind?: string;
  readonly testId?: string;
  readonly label?: string;
}

export function ExportButton({
  title,
  params,
  kind = 'table.xlsx',
  testId = 'export',
  label,
}: ExportButtonProps) {
  const { t } = useTranslation();
  const start = useMutation('jobs.start');
  const onClick = () => {
    const p = typeof params === 'function' ? params() : params;
    start
      .run({ kind, title, params: p as Record<string, unknown> })
      .then(() => setJobsOpen(true))
      .catch(() => undefined);
  };
  return (
    <span className="export-button">
      <button
        type="button"
        className="btn"
        data-testid={testId}
        title={t('jobs.exportHint')}
        disabled={start.busy}
        onClick={onClick}
      >
        {start.busy ? t('jobs.exporting') : (label ?? t('jobs.export'))}
      </button>
      {start.error && (
        <span className="job-error" role="alert">
          {errorText(start.error, t)}
        </span>
      )}
    </span>
  );
}
