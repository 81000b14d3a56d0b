/**
 * 冲突 list: events the lifecycle refused or that conflicted, kept for a person to resolve —
 * order, event, reason, node, actor, time — with 保留现状 / 重新应用 / 忽略 behind a confirmation
 * with an optional note. Commanders and above resolve; officers read.
 */
import { useCallback, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictResolution, ConflictRow } from '../../../../shared/features/sync/contract';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { formatDateTime } from '../../platform/format/time';
import { QueryStatus } from '../../platform/ui/QueryStatus';
import { ConfirmBox } from './ConfirmBox';

const ACTIONS: readonly ConflictResolution[] = ['keep_current', 'reapply', 'dismiss'];

export interface ConflictListProps {
  readonly canResolve: boolean;
  readonly escClaim: MutableRefObject<(() => boolean) | null>;
}

interface Pending {
  readonly row: ConflictRow;
  readonly action: ConflictResolution;
  readonly opener: HTMLElement;
}

export function ConflictList({ canResolve, escClaim }: ConflictListProps) {
  const { t } = useTranslation();
  const [includeResolved, setIncludeResolved] = useState(false);
  const q = useQuery('sync.conflicts', { includeResolved, limit: 200 });
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState('');
  const resolveConflict = useMutation('sync.resolveConflict');
  const { reset } = resolveConflict;

  const cancel = useCallback(() => {
    setPending((p) => {
      const el = p?.opener;
      requestAnimationFrame(() => el?.focus());
      return null;
    });
    reset();
  }, [reset]);

  const resolve = async (note: string) => {
    if (!pending) return;
    try {
      await resolveConflict.run({
        id: pending.row.id,
        resolution: pending.action,
        ...(note ? { note } : {}),
      });
      setNotice(t('sync.conflicts.done', { action: t(`sync.conflicts.actions.${pending.action}`) }));
      setPending(null);
    } catch {
      // Shown in the confirmation (resolveConflict.error).
    }
  };

  const rows = q.data ?? [];
  return (
    <div className="sync-list" data-testid="sync-conflicts">
      <p className="muted">{t('sync.conflicts.intro')}</p>
      <div className="sync-list-tools">
        <label>
          <input
            type="checkbox"
            checked={includeResolved}
            onChange={(e) => setIncludeResolved(e.target.checked)}
          />{' '}
          {t('sync.conflicts.showResolved')}
        </label>
        {!canResolve && <span className="muted">{t('sync.conflicts.noPermission')}</span>}
        <span role="status" className="sync-notice">
          {notice}
        </span>
      </div>
      <QueryStatus
        query={q}
        loading={false}
        empty={rows.length === 0}
        emptyText={t('sync.conflicts.empty')}
        emptyTestId="sync-conflicts-empty"
      />
      {pending && (
        <ConfirmBox
          title={t('sync.conflicts.confirmTitle', { action: t(`sync.conflicts.actions.${pending.action}`) })}
          text={t(`sync.conflicts.confirmText.${pending.action}`)}
          noteLabel={t('sync.conflicts.note')}
          confirmLabel={t('sync.conflicts.confirm')}
          cancelLabel={t('sync.conflicts.cancel')}
          busy={resolveConflict.busy}
          error={resolveConflict.error ? errorText(resolveConflict.error, t) : null}
          escClaim={escClaim}
          onConfirm={(note) => void resolve(note)}
          onCancel={cancel}
        />
      )}
      {rows.length > 0 && (
        <div className="sync-scroll">
          <table className="sync-table" data-testid="sync-conflicts-table">
            <thead>
              <tr>
                <th scope="col">{t('sync.conflicts.columns.order')}</th>
                <th scope="col">{t('sync.conflicts.columns.event')}</th>
                <th scope="col">{t('sync.conflicts.columns.reason')}</th>
                <th scope="col">{t('sync.conflicts.columns.node')}</th>
                <th scope="col">{t('sync.conflicts.columns.actor')}</th>
                <th scope="col">{t('sync.conflicts.columns.at')}</th>
                <th scope="col">{t('sync.conflicts.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="sync-conflict-row">
                  <td>
                    <div>{r.orderTitle ?? '—'}</div>
                    <div className="mono muted">{r.orderId}</div>
                  </td>
                  <td>
                    {t(`eventType.${r.eventType}`, { defaultValue: r.eventType })}
                    <div className="muted">{t(`sync.conflicts.kind.${r.kind}`)}</div>
                  </td>
                  <td className="sync-reason">{r.reason}</td>
                  <td className="mono">{r.node}</td>
                  <td>{r.actor}</td>
                  <td className="nowrap">{formatDateTime(r.at)}</td>
                  <td className="sync-actions">
                    {r.resolution ? (
                      <span className="pill" title={r.note ?? undefined}>
                        {t('sync.conflicts.resolvedAs', {
                          action: t(`sync.conflicts.actions.${r.resolution}`),
                        })}
                        {r.resolvedBy ? ` · ${r.resolvedBy}` : ''}
                      </span>
                    ) : (
                      canResolve &&
                      ACTIONS.map((a) => (
                        <button
                          key={a}
                          type="button"
                          className={a === 'dismiss' ? 'btn btn-danger' : 'btn'}
                          data-testid={`sync-conflict-${a}`}
                          disabled={pending !== null}
                          onClick={(e) => {
                            setNotice('');
                            reset();
                            setPending({ row: r, action: a, opener: e.currentTarget });
                          }}
                        >
                          {t(`sync.conflicts.actions.${a}`)}
                        </button>
                      ))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
