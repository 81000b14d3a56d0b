/**
 * 同步 dialog, opened from the status bar: tabs 状态 / 冲突 / 隔离区 / 设置. A native modal
 * <dialog> (focus stays inside, Esc closes — after any open confirmation); arrow keys move
 * between tabs. 隔离区 and 设置 are for admins; 冲突 can be read by officers and resolved by
 * commanders.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast, type Role } from '../../../../shared/kernel/roles';
import { ConflictList } from './ConflictList';
import { QuarantineList } from './QuarantineList';
import { SyncSettingsPanel } from './SyncSettingsPanel';
import { SyncStatusPanel } from './SyncStatusPanel';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import './sync.css';

const SYNC_TABS = ['status', 'conflicts', 'quarantine', 'settings'] as const;
export type SyncTab = (typeof SYNC_TABS)[number];

export interface SyncDialogProps {
  readonly role: Role;
  readonly initialTab?: SyncTab;
  readonly onClose: () => void;
}

function _visibleTabs(role: Role): SyncTab[] {
  return SYNC_TABS.filter((tab) => {
    if (tab === 'conflicts') return roleAtLeast(role, 'officer');
    if (tab === 'quarantine' || tab === 'settings') return roleAtLeast(role, 'admin');
    return true;
  });
}

export function SyncDialog({ role, initialTab = 'status', onClose }: SyncDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const tabs = _visibleTabs(role);
  const [tab, setTab] = useState<SyncTab>(tabs.includes(initialTab) ? initialTab : 'status');
  // A child with an open confirmation claims Esc first.
  const escClaim = useRef<(() => boolean) | null>(null);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.indexOf(tab);
    let next: SyncTab | undefined;
    if (e.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
    else if (e.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
    else if (e.key === 'Home') next = tabs[0];
    else if (e.key === 'End') next = tabs[tabs.length - 1];
    if (!next) return;
    e.preventDefault();
    setTab(next);
    document.getElementById(`sync-tab-${next}`)?.focus();
  };

  return (
    <dialog
      ref={dialog}
      className="modal-dialog sync-dialog"
      aria-labelledby="sync-dialog-title"
      data-testid="sync-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (escClaim.current?.()) return;
        onClose();
      }}
      // Panel shortcuts (Alt+1…, F1…) must not switch the panel behind the modal.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="sync-dialog-head">
        <h2 id="sync-dialog-title">{t('sync.dialog.title')}</h2>
        <div className="sync-tabs" role="tablist" aria-label={t('sync.dialog.title')}>
          {tabs.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`sync-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`sync-tabpanel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              className="sync-tab"
              data-testid={`sync-tab-${id}`}
              onClick={() => setTab(id)}
              onKeyDown={onTabKey}
            >
              {t(`sync.dialog.tabs.${id}`)}
            </button>
          ))}
        </div>
        <span className="muted">{t('sync.dialog.closeHint')}</span>
        <button type="button" className="btn" data-testid="sync-dialog-close" onClick={onClose}>
          {t('sync.dialog.close')}
        </button>
      </div>
      <div
        className="sync-dialog-body"
        role="tabpanel"
        id={`sync-tabpanel-${tab}`}
        aria-labelledby={`sync-tab-${tab}`}
        data-testid={`sync-panel-${tab}`}
      >
        {tab === 'status' && <SyncStatusPanel />}
        {tab === 'conflicts' && (
          <ConflictList canResolve={roleAtLeast(role, 'commander')} escClaim={escClaim} />
        )}
        {tab === 'quarantine' && <QuarantineList escClaim={escClaim} />}
        {tab === 'settings' && <SyncSettingsPanel escClaim={escClaim} />}
      </div>
    </dialog>
  );
}
