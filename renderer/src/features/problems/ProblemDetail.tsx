/**
 * One topic of the problem bank: progress, owner units, measures, milestones (add, mark done),
 * progress note, before/after figures, and its closure. Editing is the commander's and admin's.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Milestone, ProblemFigures, ProblemView } from '../../../../shared/contract/index';
import { chinaDate } from '../../../../shared/kernel/china-time';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import type { DeskDrill } from '../dispatch';
import { useReference } from '../reference';
import { Progress } from './Progress';

type Drill = (d: Omit<DeskDrill, 'seq'>) => void;

export function ProblemDetail({
  p,
  canWrite,
  onDrill,
}: {
  p: ProblemView;
  canWrite: boolean;
  onDrill: Drill | undefined;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const update = useMutation('problems.update');
  const close = useMutation('problems.close');
  const editable = canWrite && p.status === 'open';
  const [msTitle, setMsTitle] = useState('');
  const [msDue, setMsDue] = useState('');
  const [owners, setOwners] = useState<string[]>([...p.ownerUnits]);
  const [measures, setMeasures] = useState(p.measures.join('\n'));
  const [note, setNote] = useState(p.progressNote);
  const [summary, setSummary] = useState('');
  const [saved, setSaved] = useState(false);
  const today = chinaDate(Date.now());
  const units = ref.snapshot?.units ?? [];

  const setMilestones = (milestones: Milestone[]) => {
    update.run({ id: p.id, expectedVersion: p.version, milestones }).then(
      () => undefined,
      () => undefined,
    );
  };
  const addMilestone = () => {
    if (!msTitle.trim() || !msDue) return;
    const id = `m${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
    update
      .run({
        id: p.id,
        expectedVersion: p.version,
        milestones: [...p.milestones, { id, title: msTitle.trim(), due: msDue, done: false }],
      })
      .then(
        () => {
          setMsTitle('');
          setMsDue('');
        },
        () => undefined,
      );
  };
  const save = () => {
    setSaved(false);
    update
      .run({
        id: p.id,
        expectedVersion: p.version,
        ownerUnits: owners,
        measures: measures
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        progressNote: note,
      })
      .then(
        () => setSaved(true),
        () => undefined,
      );
  };

  return (
    <div className="pb-detail" data-testid="pb-detail" data-status={p.status}>
      <h4>{p.title}</h4>
      <div className="pb-row">
        <span className={`pb-status pb-${p.status}`}>{t(`problems.bank.${p.status}`)}</span>
        <span className="an-sub">{p.month}</span>
        <Progress value={p.progress} />
      </div>
      {p.source && (
        <p className="an-sub">
          {t('problems.bank.fromCandidate', {
            label: p.source.label,
            place: p.source.place,
            n: p.source.ids.length,
          })}{' '}
          {onDrill && (
            <button
              type="button"
              className="btn small"
              onClick={() => onDrill({ label: p.title, ids: p.source?.ids ?? [] })}
            >
              {t('problems.bank.drill')}
            </button>
          )}
        </p>
      )}
      <Figures f={p.figures} has={p.hasCluster} />
      {(update.error ?? close.error) && (
        <p className="pb-error">{errorText((update.error ?? close.error)!, t)}</p>
      )}

      <h5>{t('problems.bank.milestones')}</h5>
      {p.milestones.length === 0 && <p className="an-sub">{t('problems.bank.noMilestones')}</p>}
      <ul className="pb-milestones">
        {p.milestones.map((m) => (
          <li key={m.id} data-testid={`pb-ms-${m.id}`}>
            <label>
              <input
                type="checkbox"
                checked={m.done}
                disabled={!editable || update.busy}
                data-testid="pb-ms-done"
                onChange={(e) =>
                  setMilestones(
                    p.milestones.map((x) => (x.id === m.id ? { ...x, done: e.target.checked } : x)),
                  )
                }
              />
              <span className={m.done ? 'pb-done' : ''}>{m.title}</span>
            </label>
            <span className="an-sub">
              {t('problems.bank.due')} {m.due}
              {!m.done && m.due < today && (
                <span className="pb-overdue"> · {t('problems.bank.overdue')}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
      {editable && (
        <form
          className="pb-inline"
          onSubmit={(e) => {
            e.preventDefault();
            addMilestone();
          }}
        >
          <input
            value={msTitle}
            maxLength={100}
            placeholder={t('problems.bank.milestoneTitle')}
            aria-label={t('problems.bank.milestoneTitle')}
            data-testid="pb-ms-title"
            onChange={(e) => setMsTitle(e.target.value)}
          />
          <input
            type="date"
            value={msDue}
            aria-label={t('problems.bank.due')}
            data-testid="pb-ms-due"
            onChange={(e) => setMsDue(e.target.value)}
          />
          <button
            type="submit"
            className="btn"
            disabled={update.busy || !msTitle.trim() || !msDue}
            data-testid="pb-ms-add"
          >
            {t('problems.bank.addMilestone')}
          </button>
        </form>
      )}

      <h5>{t('problems.bank.owners')}</h5>
      {editable ? (
        <select
          multiple
          className="pb-owners"
          value={owners}
          onChange={(e) => setOwners([...e.target.selectedOptions].map((o) => o.value))}
        >
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      ) : (
        <p>{p.ownerUnits.map((u) => ref.unitName(u)).join('、') || t('problems.bank.noOwners')}</p>
      )}
      <h5>{t('problems.bank.measures')}</h5>
      {editable ? (
        <textarea rows={3} value={measures} onChange={(e) => setMeasures(e.target.value)} />
      ) : (
        <ol className="pb-measures">
          {p.measures.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ol>
      )}
      <h5>{t('problems.bank.note')}</h5>
      {editable ? (
        <>
          <textarea rows={2} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          <div className="pb-actions">
            <button type="button" className="btn" disabled={update.busy} onClick={save} data-testid="pb-save">
              {t('problems.bank.save')}
            </button>
            {saved && <span className="an-sub">{t('problems.bank.saved')}</span>}
          </div>
        </>
      ) : (
        <p>{p.progressNote}</p>
      )}
      {p.closure && <p>{t('problems.bank.summary', { text: p.closure.summary })}</p>}
      {editable && (
        <form
          className="pb-inline"
          onSubmit={(e) => {
            e.preventDefault();
            close.run({ id: p.id, expectedVersion: p.version, summary }).then(
              () => undefined,
              () => undefined,
            );
          }}
        >
          <input
            value={summary}
            maxLength={1000}
            placeholder={t('problems.bank.closeSummary')}
            aria-label={t('problems.bank.closeSummary')}
            data-testid="pb-close-summary"
            onChange={(e) => setSummary(e.target.value)}
          />
          <button type="submit" className="btn" disabled={close.busy} data-testid="pb-close">
            {t('problems.bank.close')}
          </button>
        </form>
      )}
    </div>
  );
}

export function Figures({ f, has }: { f: ProblemFigures | null; has: boolean }) {
  const { t } = useTranslation();
  if (!has || !f) return <p className="an-sub">{t('problems.bank.noFigures')}</p>;
  const max = Math.max(1, ...f.monthly.map((m) => m.n));
  return (
    <div className="pb-figures" data-testid="pb-figures">
      <p>
        {t('problems.bank.figures', {
          before: f.before,
          bpm: f.beforePerMonth,
          after: f.after,
          apm: f.afterPerMonth,
        })}
        {f.changePct !== null && (
          <strong className={f.changePct <= 0 ? 'pb-better' : 'pb-worse'}>
            {' '}
            {t('problems.bank.change', { pct: f.changePct > 0 ? `+${f.changePct}` : f.changePct })}
          </strong>
        )}
      </p>
      <div className="pb-monthly" aria-label={t('problems.bank.monthly')}>
        {f.monthly.map((m) => (
          <span key={m.month} className={m.month > f.afterFrom.slice(0, 7) ? 'after' : ''}>
            <i style={{ height: `${(m.n / max) * 100}%` }} />
            <b>{m.n}</b>
            <em>{m.month.slice(2)}</em>
          </span>
        ))}
      </div>
    </div>
  );
}
