/**
 * 党群服务: the party network as a dispatch force (issue 15) — 志愿任务 (the loop), 双报到党员,
 * 积分排行, 支部与阵地. Everyone signed in reads; officers and above act.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast, type Role } from '../../../../shared/contract/index';
import { useQuery } from '../../platform/api/use-query';
import { DialogHead } from '../../platform/ui/DialogHead';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import { PartyTasks } from './PartyTasks';
import { PartyMembers, PartyPlaces, PartyPoints } from './PartyPeople';
import './party.css';

const TABS = ['tasks', 'members', 'points', 'places'] as const;
type Tab = (typeof TABS)[number];

export default function PartyDialog({ role, onClose }: { role: Role; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const info = useQuery('system.info', {});
  const [tab, setTab] = useState<Tab>('tasks');
  return (
    <dialog
      ref={dialog}
      className="modal-dialog party-dialog"
      aria-labelledby="party-dialog-title"
      data-testid="party-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <DialogHead
        id="party-dialog"
        title={t('party.title')}
        hint={t('party.hint')}
        closeLabel={t('party.close')}
        onClose={onClose}
      />
      <div className="party-tabs" role="tablist">
        {TABS.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            aria-selected={tab === x}
            className={tab === x ? 'btn primary' : 'btn'}
            data-testid={`party-tab-${x}`}
            onClick={() => setTab(x)}
          >
            {t(`party.tab.${x}`)}
          </button>
        ))}
        {info.data?.demo && <span className="demo-badge">{t('party.demo')}</span>}
      </div>
      <div className="party-body">
        {tab === 'tasks' && <PartyTasks canAct={roleAtLeast(role, 'officer')} />}
        {tab === 'members' && <PartyMembers />}
        {tab === 'points' && <PartyPoints />}
        {tab === 'places' && <PartyPlaces />}
      </div>
    </dialog>
  );
}
