/**
 * 账号管理 (admin only): the accounts list, the create form, and per account 停用/启用 and
 * 重置密码. A native modal <dialog>: the browser keeps focus inside and turns Esc into `cancel`,
 * which first closes an open confirmation, then the dialog. Focus returns to the opener.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALL_PERMISSIONS_FROM, roleAtLeast } from '../../../../shared/kernel/roles';
import type { AccountRow } from '../../../../shared/contract/index';
import { asApiError } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { formatDateTime } from '../../platform/format/time';
import { ConfirmPanel } from '../../platform/ui/ConfirmPanel';
import { DialogHead } from '../../platform/ui/DialogHead';
import { QueryStatus } from '../../platform/ui/QueryStatus';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import { accountErrorText } from './account-form';
import { useReference } from '../reference';
import { CreateForm, ResetPassword } from './AccountForms';
import './accounts.css';

type Side =
  | { readonly kind: 'create' }
  | { readonly kind: 'disable'; readonly row: AccountRow }
  | { readonly kind: 'reset'; readonly row: AccountRow };

export interface AccountsDialogProps {
  readonly currentUser: string;
  readonly onClose: () => void;
}

export function AccountsDialog({ currentUser, onClose }: AccountsDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  // Refreshed by every account change (the mutations below, and other admins' via the push).
  const list = useQuery('accounts.list', {});
  const rows = list.data ?? null;
  const disable = useMutation('accounts.setDisabled');
  const enable = useMutation('accounts.setDisabled');
  const setPermissions = useMutation('accounts.setPermissions');
  const setUnit = useMutation('accounts.setUnit');
  const setMember = useMutation('accounts.setMember');
  const ref = useReference();
  const units = ref.snapshot?.units ?? [];
  const members = (ref.snapshot?.people ?? []).filter((p) => p.role === 'party_member');
  const [side, setSide] = useState<Side>({ kind: 'create' });
  const [notice, setNotice] = useState('');
  // The row button that opened a confirmation gets focus back when it closes.
  const sideOpener = useRef<HTMLElement | null>(null);

  const closeSide = useCallback(() => {
    setSide({ kind: 'create' });
    const el = sideOpener.current;
    sideOpener.current = null;
    // After React has re-rendered the row (its label may have changed, the element stays).
    requestAnimationFrame(() => el?.focus());
  }, []);

  const openSide = (next: Side, opener: HTMLElement) => {
    sideOpener.current = opener;
    setNotice('');
    disable.reset();
    setSide(next);
  };

  const confirmDisable = async (row: AccountRow) => {
    try {
      await disable.run({ username: row.username, disabled: true });
      setNotice(t('accounts.disabledDone', { username: row.username }));
      closeSide();
    } catch {
      // Shown in the confirmation; the list may be out of date (the account gone).
      list.refetch();
    }
  };

  const togglePermission = async (row: AccountRow) => {
    const granted = row.permissions.includes('verify');
    try {
      await setPermissions.run({ username: row.username, permissions: granted ? [] : ['verify'] });
      setNotice(
        t(granted ? 'accounts.permission.revoked' : 'accounts.permission.granted', {
          username: row.username,
        }),
      );
    } catch (err) {
      setNotice(accountErrorText(asApiError(err), t).message);
      list.refetch();
    }
  };

  const changeUnit = async (row: AccountRow, unitId: string) => {
    try {
      await setUnit.run({ username: row.username, unitId: unitId || null });
      setNotice(
        unitId
          ? t('accounts.unit.set', { username: row.username, unit: ref.unitName(unitId) })
          : t('accounts.unit.cleared', { username: row.username }),
      );
    } catch (err) {
      setNotice(accountErrorText(asApiError(err), t).message);
      list.refetch();
    }
  };

  // 党员接单: an account linked to a 双报到 member sees and works only that member's tasks.
  const changeMember = async (row: AccountRow, memberId: string) => {
    try {
      await setMember.run({ username: row.username, memberId: memberId || null });
      setNotice(
        memberId
          ? t('accounts.member.set', {
              username: row.username,
              name: members.find((m) => m.id === memberId)?.name ?? memberId,
            })
          : t('accounts.member.cleared', { username: row.username }),
      );
    } catch (err) {
      setNotice(accountErrorText(asApiError(err), t).message);
      list.refetch();
    }
  };

  const enableRow = async (row: AccountRow) => {
    try {
      await enable.run({ username: row.username, disabled: false });
      setNotice(t('accounts.enabledDone', { username: row.username }));
    } catch (err) {
      setNotice(accountErrorText(asApiError(err), t).message);
      list.refetch();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="modal-dialog accounts-dialog"
      aria-labelledby="accounts-title"
      data-testid="accounts-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (side.kind !== 'create') closeSide();
        else onClose();
      }}
      // Panel shortcuts (Alt+1…, F1…) must not switch the panel behind the modal.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <DialogHead
        id="accounts"
        title={t('accounts.title')}
        hint={t('accounts.closeHint')}
        closeLabel={t('accounts.close')}
        onClose={onClose}
      />
      <div className="dialog-body">
        <section className="dialog-list" aria-labelledby="accounts-list-title">
          <div className="dialog-list-head">
            <h3 id="accounts-list-title">{t('accounts.listTitle')}</h3>
            {rows && <span className="muted">{t('accounts.count', { count: rows.length })}</span>}
          </div>
          <div className="dialog-notice" role="status" data-testid="accounts-notice">
            {notice}
          </div>
          <QueryStatus query={list} failed={t('accounts.loadFailed')} />
          {rows && (
            <div className="dialog-scroll">
              <table className="data-table accounts-table" data-testid="accounts-table">
                <thead>
                  <tr>
                    <th scope="col">{t('accounts.columns.username')}</th>
                    <th scope="col">{t('accounts.columns.displayName')}</th>
                    <th scope="col" title={t('accounts.unit.hint')}>
                      {t('accounts.columns.role')}
                    </th>
                    <th scope="col">{t('accounts.columns.status')}</th>
                    <th scope="col">{t('accounts.columns.createdAt')}</th>
                    <th scope="col">{t('accounts.columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.length === 0 && (
                    <tr>
                      <td colSpan={6} className="muted">
                        {t('accounts.empty')}
                      </td>
                    </tr>
                  )}
                  {rows.map((r) => (
                    <tr key={r.username} data-testid="account-row" data-username={r.username}>
                      <td className="mono">
                        {r.username}
                        {r.username === currentUser && <span className="muted"> {t('accounts.self')}</span>}
                      </td>
                      <td>{r.displayName}</td>
                      <td>
                        <span className="pill">{t(`role.${r.role}`)}</span>
                        {(r.permissions.includes('verify') || roleAtLeast(r.role, ALL_PERMISSIONS_FROM)) && (
                          <span className="pill" data-testid="account-has-verify">
                            {t('accounts.permission.short')}
                          </span>
                        )}
                        <select
                          className="account-unit"
                          data-testid="account-unit"
                          aria-label={t('accounts.unit.label', { username: r.username })}
                          title={t('accounts.unit.hint')}
                          value={r.unitId ?? ''}
                          disabled={r.username === currentUser || setUnit.busy}
                          onChange={(e) => void changeUnit(r, e.target.value)}
                        >
                          <option value="">{t('accounts.unit.hall')}</option>
                          {units.map((u) => (
                            <option key={u.id} value={u.id}>
                              {u.name}
                            </option>
                          ))}
                        </select>
                        <select
                          className="account-unit"
                          data-testid="account-member"
                          aria-label={t('accounts.member.label', { username: r.username })}
                          title={t('accounts.member.hint')}
                          value={r.memberId ?? ''}
                          disabled={r.username === currentUser || setMember.busy}
                          onChange={(e) => void changeMember(r, e.target.value)}
                        >
                          <option value="">{t('accounts.member.none')}</option>
                          {members.map((m) => (
                            <option key={m.id} value={m.id}>
                              {t('accounts.member.option', { name: m.name })}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <span
                          className={`pill account-state ${r.disabled ? 'off' : 'on'}`}
                          data-testid="account-state"
                        >
                          {t(r.disabled ? 'accounts.stateDisabled' : 'accounts.stateEnabled')}
                        </span>
                      </td>
                      <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                      <td className="dialog-actions">
                        {r.disabled ? (
                          <button
                            type="button"
                            className="btn"
                            data-testid="account-enable"
                            onClick={() => void enableRow(r)}
                          >
                            {t('accounts.enable')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="btn btn-danger"
                            data-testid="account-disable"
                            onClick={(e) => openSide({ kind: 'disable', row: r }, e.currentTarget)}
                          >
                            {t('accounts.disable')}
                          </button>
                        )}
                        {r.role === 'officer' && (
                          <button
                            type="button"
                            className="btn"
                            data-testid="account-toggle-verify"
                            aria-pressed={r.permissions.includes('verify')}
                            onClick={() => void togglePermission(r)}
                          >
                            {t(
                              r.permissions.includes('verify')
                                ? 'accounts.permission.revoke'
                                : 'accounts.permission.grant',
                            )}
                          </button>
                        )}
                        <button
                          type="button"
                          className="btn"
                          data-testid="account-reset"
                          onClick={(e) => openSide({ kind: 'reset', row: r }, e.currentTarget)}
                        >
                          {t('accounts.resetPassword')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section className="dialog-side">
          {side.kind === 'create' && (
            <CreateForm
              onCreated={(row) =>
                setNotice(t('accounts.created', { username: row.username, role: t(`role.${row.role}`) }))
              }
            />
          )}
          {side.kind === 'disable' && (
            <ConfirmPanel
              key={side.row.username}
              id="account-disable"
              title={t('accounts.disableTitle', { username: side.row.username, name: side.row.displayName })}
              text={t('accounts.disableConfirm')}
              confirmLabel={t('accounts.confirmDisable')}
              cancelLabel={t('accounts.cancel')}
              cancelTestId="account-side-cancel"
              busy={disable.busy}
              error={disable.error ? accountErrorText(disable.error, t).message : ''}
              onConfirm={() => void confirmDisable(side.row)}
              onCancel={closeSide}
            />
          )}
          {side.kind === 'reset' && (
            <ResetPassword
              key={side.row.username}
              row={side.row}
              onDone={(done) => {
                if (done) setNotice(t('accounts.resetDone', { username: side.row.username }));
                closeSide();
              }}
            />
          )}
        </section>
      </div>
    </dialog>
  );
}
