/**
 * 导出任务: the caller's background jobs newest first, with a progress bar, 取消 while queued or
 * running, 下载 when done and the reason when failed. A native modal <dialog>: Esc closes it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../../shared/contract/index';
import { call } from '../../platform/api/client';
import { asApiError, errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { formatBytes, formatCount } from '../../platform/format/numbers';
import { formatShortDateTime } from '../../platform/format/time';
import { QueryStatus } from '../../platform/ui/QueryStatus';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import { useAuth } from '../auth';
import { saveDownload } from './download';
import { ScheduleForm } from './ScheduleForm';
import './jobs.css';

function Progress({ job }: { readonly job: JobView }) {
  const { t } = useTranslation();
  const frac = job.status === 'done' ? 1 : job.total ? Math.min(1, job.done / job.total) : null;
  const text =
    job.total !== null
      ? t('jobs.rowsOf', { done: formatCount(job.done), total: formatCount(job.total) })
      : t('jobs.rows', { done: formatCount(job.done) });
  return (
    <div className="job-progress" data-testid="job-progress" data-done={job.done}>
      <div className={`job-bar${frac === null && job.status === 'running' ? ' indeterminate' : ''}`}>
        <span style={{ width: `${Math.round((frac ?? 0) * 100)}%` }} />
      </div>
      <span className="muted">{text}</span>
    </div>
  );
}

function JobRow({ job }: { readonly job: JobView }) {
  const { t } = useTranslation();
  const cancel = useMutation('jobs.cancel');
  const [fetching, setFetching] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const download = () => {
    setFetching(true);
    setErr(null);
    call('jobs.download', { id: job.id })
      .then(saveDownload)
      .catch((e: unknown) => setErr(errorText(asApiError(e), t)))
      .finally(() => setFetching(false));
  };
  const failure = err ?? (cancel.error ? errorText(cancel.error, t) : null);
  return (
    <tr data-testid="job-row" data-status={job.status} data-id={job.id}>
      <td className="job-title">
        {job.title}
        {job.scheduledFor !== null && (
          <div className="muted" data-testid="job-scheduled">
            {t('jobs.schedule.run', { at: formatShortDateTime(job.scheduledFor) })}
          </div>
        )}
      </td>
      <td>
        <span className={`pill job-status job-${job.status}`}>{t(`jobs.status.${job.status}`)}</span>
        {job.error && <div className="job-error">{job.error}</div>}
      </td>
      <td>
        <Progress job={job} />
      </td>
      <td className="nowrap">{formatShortDateTime(job.createdAt)}</td>
      <td>{job.createdBy}</td>
      <td className="nowrap">{job.bytes !== null ? formatBytes(job.bytes) : ''}</td>
      <td className="nowrap">
        {(job.status === 'queued' || job.status === 'running') && (
          <button
            type="button"
            className="btn btn-danger"
            data-testid="job-cancel"
            disabled={cancel.busy}
            onClick={() => void cancel.run({ id: job.id }).catch(() => undefined)}
          >
            {t('jobs.cancel')}
          </button>
        )}
        {job.status === 'done' && (
          <button
            type="button"
            className="btn"
            data-testid="job-download"
            disabled={fetching}
            onClick={download}
          >
            {fetching ? t('jobs.downloading') : t('jobs.download')}
          </button>
        )}
        {failure && (
          <div className="job-error" role="alert">
            {failure}
          </div>
        )}
      </td>
    </tr>
  );
}

export default function JobsDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const jobs = useQuery('jobs.list', {});
  const auth = useAuth();
  return (
    <dialog
      ref={dialog}
      className="modal-dialog jobs-dialog"
      data-testid="jobs-dialog"
      aria-labelledby="jobs-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id="jobs-title">{t('jobs.title')}</h2>
        <span className="muted">{t('jobs.hint')}</span>
        <button type="button" className="btn" data-testid="jobs-close" onClick={onClose}>
          {t('jobs.close')}
        </button>
      </div>
      <div className="jobs-body">
        {auth?.user.role === 'admin' && <ScheduleForm />}
        <QueryStatus
          query={jobs}
          empty={jobs.data?.length === 0}
          emptyText={t('jobs.empty')}
          emptyTestId="jobs-empty"
        />
        {jobs.data && jobs.data.length > 0 && (
          <div className="dialog-scroll">
            <table className="data-table" data-testid="jobs-table">
              <thead>
                <tr>
                  <th>{t('jobs.columns.title')}</th>
                  <th>{t('jobs.columns.status')}</th>
                  <th>{t('jobs.columns.progress')}</th>
                  <th>{t('jobs.columns.createdAt')}</th>
                  <th>{t('jobs.columns.createdBy')}</th>
                  <th>{t('jobs.columns.file')}</th>
                  <th>{t('jobs.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {jobs.data.map((j) => (
                  <JobRow key={j.id} job={j} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </dialog>
  );
}
