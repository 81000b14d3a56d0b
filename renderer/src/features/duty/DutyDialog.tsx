/**
 * 值班与交接班: the weekly roster (commanders add and delete shifts) with who is on now, and 交接班 —
 * a report generated from the shift's events with the officer's notes, acknowledged by the next
 * shift; both are kept.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast, type Role } from '../../../../shared/contract/index';
import { DUTY_ROLES, minuteLabel, type DutyRole } from '../../../../shared/features/duty/duty';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { errorText } from '../../platform/api/error-text';
import { formatShortDateTime } from '../../platform/format/time';
import { DialogHead } from '../../platform/ui/DialogHead';
import { useReference } from '../reference';
import { useModalDialog } from '../../platform/ui/use-modal-dialog';
import './duty.css';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const toMin = (v: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(v);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

export function DutyDialog({ role, onClose }: { role: Role; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useModalDialog();
  const roster = useQuery('duty.roster', {});
  const now = useQuery('duty.now', {});
  const del = useMutation('duty.deleteShift');
  const ref = useReference();
  const canEdit = roleAtLeast(role, 'commander');
  const onIds = new Set((now.data ?? []).map((d) => d.shiftId));
  return (
    <dialog
      ref={dialog}
      className="modal-dialog duty-dialog"
      aria-labelledby="duty-dialog-title"
      data-testid="duty-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <DialogHead
        id="duty-dialog"
        title={t('duty.title')}
        hint={t('duty.hint')}
        closeLabel={t('duty.close')}
        onClose={onClose}
      />
      <div className="duty-columns">
        <section>
          <h3>{t('duty.roster')}</h3>
          <table className="duty-table" data-testid="duty-roster">
            <thead>
              <tr>
                <th>{t('duty.person')}</th>
                <th>{t('duty.roleLabel')}</th>
                <th>{t('duty.days')}</th>
                <th>
                  {t('duty.from')}–{t('duty.to')}
                </th>
                <th>{t('duty.group')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(roster.data ?? []).map((s) => (
                <tr key={s.id} data-testid="duty-shift" data-on={onIds.has(s.id)}>
                  <td>
                    {s.person}{' '}
                    {onIds.has(s.id) && <span className="state-pill on-now">{t('duty.onNow')}</span>}
                  </td>
                  <td>{t(`duty.role.${s.role}`)}</td>
                  <td>{s.weekdays.map((d) => t(`duty.weekday.${d}`)).join(' ')}</td>
                  <td>
                    {minuteLabel(s.startMin)}–{minuteLabel(s.endMin)}
                  </td>
                  <td data-testid="duty-shift-group">{s.unitId ? ref.unitName(s.unitId) : ''}</td>
                  <td>
                    {canEdit && (
                      <button
                        type="button"
                        className="btn small"
                        onClick={() => void del.run({ id: s.id }).catch(() => undefined)}
                      >
                        {t('duty.delete')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {canEdit && <ShiftForm />}
        </section>
        <Handover />
      </div>
    </dialog>
  );
}

function ShiftForm() {
  const { t } = useTranslation();
  const [person, setPerson] = useState('');
  const [role, setRole] = useState<DutyRole>('officer');
  const [days, setDays] = useState<ReadonlySet<number>>(new Set([1, 2, 3, 4, 5, 6, 7]));
  const [from, setFrom] = useState('08:00');
  const [to, setTo] = useState('20:00');
  const [unitId, setUnitId] = useState('');
  const ref = useReference();
  const units = ref.snapshot?.units ?? [];
  const save = useMutation('duty.saveShift');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save
      .run({
        person,
        role,
        weekdays: [...days],
        startMin: toMin(from),
        endMin: toMin(to),
        unitId: unitId || null,
      })
      .then(
        () => setPerson(''),
        () => undefined,
      );
  };
  return (
    <form className="duty-form" onSubmit={submit} data-testid="shift-form">
      <input
        placeholder={t('duty.person')}
        value={person}
        onChange={(e) => setPerson(e.target.value)}
        data-testid="shift-person"
      />
      <select
        value={role}
        onChange={(e) => setRole(e.target.value as DutyRole)}
        aria-label={t('duty.roleLabel')}
      >
        {DUTY_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`duty.role.${r}`)}
          </option>
        ))}
      </select>
      <span className="duty-days">
        {DAYS.map((d) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={days.has(d)}
              onChange={() =>
                setDays((p) => {
                  const n = new Set(p);
                  if (n.has(d)) n.delete(d);
                  else n.add(d);
                  return n;
                })
              }
            />
            {t(`duty.weekday.${d}`)}
          </label>
        ))}
      </span>
      <input
        type="time"
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        aria-label={t('duty.from')}
        data-testid="shift-from"
      />
      <input
        type="time"
        value={to}
        onChange={(e) => setTo(e.target.value)}
        aria-label={t('duty.to')}
        data-testid="shift-to"
      />
      <select
        value={unitId}
        onChange={(e) => setUnitId(e.target.value)}
        aria-label={t('duty.group')}
        title={t('duty.groupHint')}
        data-testid="shift-unit"
      >
        <option value="">{t('duty.noGroup')}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <button type="submit" className="btn primary small" disabled={save.busy} data-testid="shift-save">
        {t('duty.addShift')}
      </button>
      {save.error && <p className="form-error">{errorText(save.error, t)}</p>}
    </form>
  );
}

function Handover() {
  const { t } = useTranslation();
  const roster = useQuery('duty.roster', {});
  const now = useQuery('duty.now', {});
  const reports = useQuery('duty.handovers', {});
  const [shiftId, setShiftId] = useState('');
  const [notes, setNotes] = useState('');
  const make = useMutation('duty.handover');
  const ack = useMutation('duty.acknowledgeHandover');
  const chosen = shiftId || now.data?.[0]?.shiftId || roster.data?.[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    make.run({ shiftId: chosen, notes }).then(
      () => setNotes(''),
      () => undefined,
    );
  };
  return (
    <section>
      <h3>{t('duty.handover')}</h3>
      <form className="duty-form" onSubmit={submit} data-testid="handover-form">
        <select
          value={chosen}
          onChange={(e) => setShiftId(e.target.value)}
          aria-label={t('duty.shift')}
          data-testid="handover-shift"
        >
          {(roster.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.person} {minuteLabel(s.startMin)}–{minuteLabel(s.endMin)}
            </option>
          ))}
        </select>
        <textarea
          rows={2}
          placeholder={t('duty.notes')}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          data-testid="handover-notes"
        />
        <button
          type="submit"
          className="btn primary small"
          disabled={make.busy || !chosen}
          data-testid="handover-generate"
        >
          {t('duty.generate')}
        </button>
        {make.error && <p className="form-error">{errorText(make.error, t)}</p>}
      </form>
      {(reports.data ?? []).length === 0 && <p className="muted">{t('duty.noReports')}</p>}
      <ul className="handover-list">
        {(reports.data ?? []).map((r) => (
          <li key={r.id} data-testid="handover-report">
            <div className="handover-title">
              {t('duty.report', {
                person: r.person,
                from: formatShortDateTime(r.from),
                to: formatShortDateTime(r.to),
              })}
            </div>
            <div className="handover-figures">
              <span>{t('duty.received', { n: r.received })}</span>
              <span>{t('duty.dispatched', { n: r.dispatched })}</span>
              <span>{t('duty.overdue', { n: r.overdue })}</span>
              <span>{t('duty.alarms', { n: r.openAlarms })}</span>
              <span>{t('duty.whistles', { n: r.whistlesOpen })}</span>
            </div>
            {r.whistleTitles.length > 0 && <div className="muted small">{r.whistleTitles.join('；')}</div>}
            {r.notes && <div className="handover-notes">{r.notes}</div>}
            {r.ackAt === null ? (
              <button
                type="button"
                className="btn small"
                disabled={ack.busy}
                data-testid="handover-ack"
                onClick={() => void ack.run({ id: r.id }).catch(() => undefined)}
              >
                {t('duty.acknowledge')}
              </button>
            ) : (
              <div className="muted small" data-testid="handover-acked">
                {t('duty.acked', { who: r.ackBy ?? '', time: formatShortDateTime(r.ackAt) })}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
