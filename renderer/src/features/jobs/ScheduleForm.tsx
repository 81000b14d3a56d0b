/**
 * 定时台账 (admin, in 导出任务): the monthly ledger on day D at hour H (China time), on or off;
 * the next run and where the ledgers are kept. Runs missed while the app was off run once at start.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobScheduleView } from '../../../../shared/contract/index';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { formatShortDateTime } from '../../platform/format/time';

const DAYS = Array.from({ length: 28 }, (_, i) => i + 1);
const HOURS = Array.from({ length: 24 }, (_, i) => i);

function Form({ s }: { readonly s: JobScheduleView }) {
  const { t } = useTranslation();
  const save = useMutation('jobs.setSchedule');
  const [enabled, setEnabled] = useState(s.enabled);
  const [day, setDay] = useState(s.day);
  const [hour, setHour] = useState(s.hour);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [enabled, day, hour]);
  const submit = () => {
    void save
      .run({ kind: s.kind, enabled, day, hour })
      .then(() => setSaved(true))
      .catch(() => undefined);
  };
  return (
    <form
      className="job-schedule"
      data-testid="job-schedule"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <strong>{t('jobs.schedule.title')}</strong>
      <label>
        <input
          type="checkbox"
          data-testid="job-schedule-enabled"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
        />
        {t('jobs.schedule.enabled')}
      </label>
      <label>
        {t('jobs.schedule.day')}
        <select data-testid="job-schedule-day" value={day} onChange={(e) => setDay(Number(e.target.value))}>
          {DAYS.map((d) => (
            <option key={d} value={d}>
              {t('jobs.schedule.dayN', { n: d })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('jobs.schedule.hour')}
        <select
          data-testid="job-schedule-hour"
          value={hour}
          onChange={(e) => setHour(Number(e.target.value))}
        >
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {`${String(h).padStart(2, '0')}:00`}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" data-testid="job-schedule-save" disabled={save.busy}>
        {t('jobs.schedule.save')}
      </button>
      <span className="muted" data-testid="job-schedule-next">
        {s.enabled && s.nextAt !== null
          ? t('jobs.schedule.next', { at: formatShortDateTime(s.nextAt) })
          : t('jobs.schedule.off')}
        {saved && ` · ${t('jobs.schedule.saved')}`}
      </span>
      <span className="muted job-schedule-folder">{t('jobs.schedule.folder', { dir: s.folder })}</span>
      {save.error && (
        <span className="job-error" role="alert">
          {errorText(save.error, t)}
        </span>
      )}
    </form>
  );
}

export function ScheduleForm() {
  const schedules = useQuery('jobs.schedules', {});
  const s = schedules.data?.[0];
  // Keyed by what the store holds: a save elsewhere resets the form to it.
  return s ? <Form key={`${s.enabled}-${s.day}-${s.hour}`} s={s} /> : null;
}
