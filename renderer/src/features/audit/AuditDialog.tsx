/**
 * 审计日志 (admin only): the audit log newest first with filters (actor, action, order, time),
 * paging to older records, and the state of the hash chain with 立即校验. A native modal <dialog>:
 * Esc closes it, focus returns to the header button.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditListInput, AuditRowView } from '../../../../shared/contract/index';
import { call } from '../../platform/api/client';
import { asApiError, errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { formatDateTime } from '../../platform/format/time';
import { DialogHead } from '../../platform/ui/DialogHead';
import { QueryStatus } from '../../platform/ui/QueryStatus';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import { actionLabel, auditInput, detailText, EMPTY_FILTER, type AuditFilterDraft } from './audit-view';
import './audit.css';

export interface AuditDialogProps {
  readonly onClose: () => void;
}

function ChainState() {
  const { t } = useTranslation();
  const status = useQuery('audit.status', {});
  const verify = useMutation('audit.verify');
  const check = status.data?.check ?? null;
  return (
    <div
      className={`audit-chain ${check && !check.ok ? 'broken' : ''}`}
      role={check && !check.ok ? 'alert' : 'status'}
      data-testid="audit-chain"
      data-ok={check ? (check.ok ? '1' : '0') : ''}
    >
      <span className="audit-chain-text">
        {!check && t('audit.chainChecking')}
        {check?.ok &&
          t('audit.chainOk', { rows: check.rows, seq: check.headSeq, hash: check.headHash.slice(0, 16) })}
        {check && !check.ok && t('audit.chainBroken', { at: check.brokenAt, problem: check.problem })}
      </span>
      {check && (
        <span className="muted">{t('audit.checkedAt', { at: formatDateTime(check.checkedAt) })}</span>
      )}
      <button
        type="button"
        className="btn"
        data-testid="audit-verify"
        disabled={verify.busy}
        onClick={() => void verify.run({}).catch(() => undefined)}
      >
        {verify.busy ? t('audit.verifying') : t('audit.verify')}
      </button>
    </div>
  );
}

export default function AuditDialog({ onClose }: AuditDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const [draft, setDraft] = useState<AuditFilterDraft>(EMPTY_FILTER);
  const [applied, setApplied] = useState<AuditListInput>(() => auditInput(EMPTY_FILTER));
  // Older pages fetched with 加载更早的记录; reset when the filter changes.
  const [older, setOlder] = useState<readonly AuditRowView[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [moreError, setMoreError] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const first = useQuery('audit.list', applied);
  const rows = first.data ? [...first.data.rows, ...older] : null;
  const nextBefore = next === undefined ? (first.data?.nextBeforeSeq ?? null) : next;
  const actions = first.data?.actions ?? [];

  const apply = (f: AuditFilterDraft): void => {
    setOlder([]);
    setNext(undefined);
    setMoreError('');
    setApplied(auditInput(f));
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    apply(draft);
  };
  const loadMore = async (): Promise<void> => {
    if (nextBefore === null) return;
    setLoadingMore(true);
    setMoreError('');
    try {
      const page = await call('audit.list', { ...applied, beforeSeq: nextBefore });
      setOlder((o) => [...o, ...page.rows]);
      setNext(page.nextBeforeSeq);
    } catch (err) {
      setMoreError(errorText(asApiError(err), t));
    } finally {
      setLoadingMore(false);
    }
  };
  const field = (k: keyof AuditFilterDraft) => ({
    value: draft[k],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value })),
  });

  return (
    <dialog
      ref={dialog}
      className="modal-dialog audit-dialog"
      aria-labelledby="audit-title"
      data-testid="audit-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <DialogHead
        id="audit"
        title={t('audit.title')}
        hint={t('audit.hint')}
        closeLabel={t('audit.close')}
        onClose={onClose}
      />
      <ChainState />
      <form className="audit-filters" onSubmit={submit} aria-label={t('audit.filters')}>
        <label>
          {t('audit.actor')}
          <input
            data-testid="audit-actor"
            placeholder={t('audit.actorPlaceholder')}
            maxLength={64}
            {...field('actor')}
          />
        </label>
        <label>
          {t('audit.action')}
          <select data-testid="audit-action" {...field('action')}>
            <option value="">{t('audit.allActions')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.orderId')}
          <input data-testid="audit-order" maxLength={128} {...field('orderId')} />
        </label>
        <label>
          {t('audit.from')}
          <input type="datetime-local" data-testid="audit-from" {...field('from')} />
        </label>
        <label>
          {t('audit.to')}
          <input type="datetime-local" data-testid="audit-to" {...field('to')} />
        </label>
        <div className="audit-filter-buttons">
          <button type="submit" className="btn" data-testid="audit-search">
            {t('audit.search')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="audit-clear"
            onClick={() => {
              setDraft(EMPTY_FILTER);
              apply(EMPTY_FILTER);
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>
      <div className="audit-body">
        <QueryStatus query={first} failed={t('audit.loadFailed')} loading={t('audit.loading')} />
        {rows && (
          <div className="dialog-scroll">
            <table className="data-table audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.columns.at')}</th>
                  <th scope="col">{t('audit.columns.actor')}</th>
                  <th scope="col">{t('audit.columns.action')}</th>
                  <th scope="col">{t('audit.columns.order')}</th>
                  <th scope="col">{t('audit.columns.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={5} className="muted" data-testid="audit-empty">
                      {t('audit.empty')}
                    </td>
                  </tr>
                )}
                {rows.map((r) => {
                  const detail = detailText(r.detail);
                  return (
                    <tr key={r.seq} data-testid="audit-row" data-action={r.action} data-actor={r.actor}>
                      <td className="nowrap">{formatDateTime(r.at)}</td>
                      <td className="mono">{r.actor}</td>
                      <td>
                        <span title={r.action}>{actionLabel(r.action, t)}</span>
                      </td>
                      <td className="mono">{r.orderId ?? ''}</td>
                      <td className="audit-detail" title={detail}>
                        {detail}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div className="audit-foot">
          {rows && <span className="muted">{t('audit.count', { count: rows.length })}</span>}
          {moreError && (
            <span className="error-text" role="alert">
              {moreError}
            </span>
          )}
          {nextBefore !== null && rows && (
            <button
              type="button"
              className="btn"
              data-testid="audit-more"
              disabled={loadingMore}
              onClick={() => void loadMore()}
            >
              {loadingMore ? t('audit.loading') : t('audit.loadMore')}
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}
