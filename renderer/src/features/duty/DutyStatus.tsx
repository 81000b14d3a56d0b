/** The status bar's "值班: …" — who is on duty now; opens 值班与交接班. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/contract/index';
import { useQuery } from '../../platform/api/use-query';
import { DutyDialog } from './DutyDialog';

export function DutyStatus({ role }: { role: Role }) {
  const { t } = useTranslation();
  const now = useQuery('duty.now', {});
  const [open, setOpen] = useState(false);
  const who = (now.data ?? []).map((d) => `${d.person}（${t(`duty.role.${d.role}`)}）`).join('、');
  return (
    <>
      <button type="button" className="duty-state" data-testid="duty-status" onClick={() => setOpen(true)}>
        {who ? t('duty.status', { who }) : t('duty.nobody')}
      </button>
      {open && <DutyDialog role={role} onClose={() => setOpen(false)} />}
    </>
  );
}
