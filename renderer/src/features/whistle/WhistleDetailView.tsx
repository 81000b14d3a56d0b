/**
 * One whistle: each summoned unit's own delivery state (已发送 / 已送达 / 已读 / 已报到 / 超时) with
 * its pushes, who acknowledged and how, its 报到 and distance; the actions a duty officer takes for
 * a unit (record an acknowledgement, record a 报到, acknowledge a 超时 alarm); the command
 * timeline on one scrolling line; the 会商纪要 decisions as tasks.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecipientView, WhistleDetail } from '../../../../shared/contract/index';
import { ACK_VIA, type AckVia } from '../../../../shared/features/whistle/whistle';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { errorText } from '../../platform/api/error-text';
import { formatDateTime, formatShortDateTime } from '../../platform/format/time';
import { useNow } from '../../platform/format/use-now';
import { FieldNearList } from '../field';

export function WhistleDetailView({ whistleId }: { whistleId: string }) {
  const { t } = useTranslation();
  const q = useQuery('whistle.get', { whistleId });
  const close = useMutation('whistle.close');
  const d = q.data;
  if (!d) return <div className="whistle-detail muted">{q.error ? errorText(q.error, t) : '…'}</div>;
  const w = d.whistle;
  return (
    <div className="whistle-detail" data-testid="whistle-detail">
      <header className="whistle-head">
        <div>
          <h3>
            <span className="pill">{t(`whistleDesk.kind.${w.kind}`)}</span> {w.title}
          </h3>
          <div className="muted">
            {t('whistleDesk.detail.meeting', { address: w.address, radius: w.radiusM })} ·{' '}
            {t('whistleDesk.detail.deadline', {
              time: formatDateTime(w.createdAt + w.deadlineMinutes * 60_000),
            })}
            {w.orderId && ` · ${w.orderId}`}
          </div>
        </div>
        {w.closedAt === null ? (
          <button
            type="button"
            className="btn ghost"
            disabled={close.busy}
            onClick={() => void close.run({ whistleId: w.id }).catch(() => undefined)}
          >
            {t('whistleDesk.detail.close')}
          </button>
        ) : (
          <span className="pill">{t('whistleDesk.closed')}</span>
        )}
      </header>
      {close.error && <p className="form-error">{errorText(close.error, t)}</p>}
      <div className="whistle-columns">
        <section className="whistle-recipients">
          <h4>{t('whistleDesk.detail.recipients')}</h4>
          {d.recipients.map((r) => (
            <RecipientRow key={r.unitId} whistle={d} r={r} />
          ))}
          <Minutes detail={d} />
        </section>
        <section className="whistle-timeline">
          <h4>{t('whistleDesk.detail.timeline')}</h4>
          <ol data-testid="whistle-timeline">
            {[...d.timeline].reverse().map((e) => (
              <li key={e.seq} data-kind={e.kind}>
                <time>{formatShortDateTime(e.at)}</time>
                <span>{e.text}</span>
              </li>
            ))}
          </ol>
          {/* 现场力量: grid workers and party members on duty near the meeting point, nearest first. */}
          <FieldNearList lng={w.lng} lat={w.lat} radiusM={Math.max(1000, w.radiusM * 2)} />
        </section>
      </div>
    </div>
  );
}

function RecipientRow({ whistle, r }: { whistle: WhistleDetail; r: RecipientView }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const [form, setForm] = useState<'ack' | 'report' | null>(null);
  const open = whistle.whistle.closedAt === null;
  // A deadline passed since the last answer already reads 超时 (the loop confirms it within seconds).
  const state =
    (r.state === 'sent' || r.state === 'delivered') && open && now > r.deadline ? 'timeout' : r.state;
  const overdue = r.overdue || (r.reportedAt === null && now > r.deadline);
  const ackAlarm = useMutation('whistle.acknowledgeAlarm');
  const facts: string[] = [t('whistleDesk.detail.attempts', { n: r.attempts })];
  if (r.nextAttemptAt !== null && open)
    facts.push(t('whistleDesk.detail.nextAttempt', { time: formatShortDateTime(r.nextAttemptAt) }));
  if (r.ackPerson && r.ackVia)
    facts.push(t('whistleDesk.detail.ackBy', { person: r.ackPerson, via: t(`whistleDesk.via.${r.ackVia}`) }));
  if (r.reportedAt !== null) {
    facts.push(t('whistleDesk.detail.reportedBy', { person: r.reportPerson ?? '' }));
    facts.push(
      r.reportDistanceM === null
        ? t('whistleDesk.detail.noPosition')
        : t('whistleDesk.detail.distance', { m: r.reportDistanceM }),
    );
    if (r.reportReason) facts.push(t('whistleDesk.detail.reason', { reason: r.reportReason }));
  }
  return (
    <div className="recipient" data-testid="recipient" data-unit={r.unitId} data-state={state}>
      <div className="recipient-line">
        <span className="recipient-name">{r.unitName}</span>
        <span className={`state-pill state-${state}`} data-testid="recipient-state">
          {t(`whistleDesk.state.${state}`)}
        </span>
        {r.late && <span className="state-pill state-timeout">{t('whistleDesk.detail.late')}</span>}
        {overdue && state === 'read' && (
          <span className="state-pill state-timeout">{t('whistleDesk.detail.overdue')}</span>
        )}
        <span className="recipient-actions">
          {open && r.reportedAt === null && (
            <>
              <button
                type="button"
                className="btn small"
                onClick={() => setForm(form === 'ack' ? null : 'ack')}
              >
                {t('whistleDesk.detail.ack')}
              </button>
              <button
                type="button"
                className="btn small"
                onClick={() => setForm(form === 'report' ? null : 'report')}
              >
                {t('whistleDesk.detail.reportIn')}
              </button>
            </>
          )}
          {r.timedOutAt !== null && r.reportedAt === null && r.alarmAckAt === null && open && (
            <button
              type="button"
              className="btn small btn-danger"
              disabled={ackAlarm.busy}
              onClick={() =>
                void ackAlarm.run({ whistleId: whistle.whistle.id, unitId: r.unitId }).catch(() => undefined)
              }
            >
              {t('whistleDesk.detail.ackAlarm')}
            </button>
          )}
          {r.alarmAckAt !== null && <span className="muted small">{t('whistleDesk.detail.alarmAcked')}</span>}
        </span>
      </div>
      <div className="recipient-facts muted small">{facts.join(' · ')}</div>
      {form === 'ack' && (
        <AckForm whistleId={whistle.whistle.id} unitId={r.unitId} onDone={() => setForm(null)} />
      )}
      {form === 'report' && <ReportForm whistle={whistle} unitId={r.unitId} onDone={() => setForm(null)} />}
    </div>
  );
}

function AckForm({ whistleId, unitId, onDone }: { whistleId: string; unitId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [person, setPerson] = useState('');
  const [via, setVia] = useState<AckVia>('phone');
  const [state, setState] = useState<'delivered' | 'read'>('read');
  const ack = useMutation('whistle.ack');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ack.run({ whistleId, unitId, state, person, via }).then(onDone, () => undefined);
  };
  return (
    <form className="recipient-form" data-testid="ack-form" onSubmit={submit}>
      <select value={state} onChange={(e) => setState(e.target.value as 'delivered' | 'read')}>
        <option value="read">{t('whistleDesk.detail.read')}</option>
        <option value="delivered">{t('whistleDesk.detail.delivered')}</option>
      </select>
      <select value={via} onChange={(e) => setVia(e.target.value as AckVia)} data-testid="ack-via">
        {ACK_VIA.map((v) => (
          <option key={v} value={v}>
            {t(`whistleDesk.via.${v}`)}
          </option>
        ))}
      </select>
      <input
        placeholder={t('whistleDesk.detail.person')}
        value={person}
        onChange={(e) => setPerson(e.target.value)}
        data-testid="ack-person"
      />
      <button type="submit" className="btn primary small" disabled={ack.busy} data-testid="ack-save">
        {t('whistleDesk.detail.save')}
      </button>
      {ack.error && <p className="form-error">{errorText(ack.error, t)}</p>}
    </form>
  );
}

function ReportForm({
  whistle,
  unitId,
  onDone,
}: {
  whistle: WhistleDetail;
  unitId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [person, setPerson] = useState('');
  const [position, setPosition] = useState('');
  const [reason, setReason] = useState('');
  const report = useMutation('whistle.reportIn');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,，\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(position);
    report
      .run({
        whistleId: whistle.whistle.id,
        unitId,
        person,
        lng: m ? Number(m[1]) : null,
        lat: m ? Number(m[2]) : null,
        reason,
      })
      .then(onDone, () => undefined);
  };
  return (
    <form className="recipient-form" data-testid="report-form" onSubmit={submit}>
      <input
        placeholder={t('whistleDesk.detail.person')}
        value={person}
        onChange={(e) => setPerson(e.target.value)}
        data-testid="report-person"
      />
      <input
        placeholder={t('whistleDesk.detail.position')}
        value={position}
        onChange={(e) => setPosition(e.target.value)}
        data-testid="report-position"
      />
      <button
        type="button"
        className="btn ghost small"
        onClick={() => setPosition(`${whistle.whistle.lng}, ${whistle.whistle.lat}`)}
      >
        {t('whistleDesk.detail.useSite')}
      </button>
      <input
        className="wide"
        placeholder={t('whistleDesk.detail.reasonPlaceholder')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="btn primary small" disabled={report.busy} data-testid="report-save">
        {t('whistleDesk.detail.save')}
      </button>
      {report.error && (
        <p className="form-error" role="alert">
          {errorText(report.error, t)}
        </p>
      )}
    </form>
  );
}

function Minutes({ detail }: { detail: WhistleDetail }) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState('');
  const [owner, setOwner] = useState(detail.recipients[0]?.unitId ?? '');
  const [due, setDue] = useState('120');
  const decide = useMutation('whistle.decide');
  const complete = useMutation('whistle.completeTask');
  const open = detail.whistle.closedAt === null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    decide
      .run({
        whistleId: detail.whistle.id,
        decision,
        ownerUnitId: owner,
        deadline: Date.now() + Math.max(1, Number(due) || 0) * 60_000,
      })
      .then(
        () => setDecision(''),
        () => undefined,
      );
  };
  return (
    <div className="whistle-minutes" data-testid="whistle-minutes">
      <h4>{t('whistleDesk.detail.minutes')}</h4>
      {detail.tasks.length === 0 && <p className="muted small">{t('whistleDesk.detail.noTasks')}</p>}
      <ul>
        {detail.tasks.map((task) => (
          <li key={task.id} data-testid="whistle-task" data-done={task.doneAt !== null}>
            <span>{task.decision}</span>
            <span className="muted small">
              {task.ownerName} · {formatShortDateTime(task.deadline)}
            </span>
            {task.doneAt === null ? (
              <button
                type="button"
                className="btn small"
                disabled={complete.busy}
                onClick={() => void complete.run({ taskId: task.id }).catch(() => undefined)}
              >
                {t('whistleDesk.detail.done')}
              </button>
            ) : (
              <span className="state-pill state-reported">{t('whistleDesk.detail.taskDone')}</span>
            )}
          </li>
        ))}
      </ul>
      {open && (
        <form className="recipient-form" onSubmit={submit} data-testid="decision-form">
          <input
            className="wide"
            placeholder={t('whistleDesk.detail.decision')}
            value={decision}
            onChange={(e) => setDecision(e.target.value)}
            data-testid="decision-text"
          />
          <select
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
            aria-label={t('whistleDesk.detail.owner')}
          >
            {detail.recipients.map((r) => (
              <option key={r.unitId} value={r.unitId}>
                {r.unitName}
              </option>
            ))}
          </select>
          <input
            value={due}
            onChange={(e) => setDue(e.target.value)}
            inputMode="numeric"
            aria-label={t('whistleDesk.detail.taskDeadline')}
            style={{ width: '5rem' }}
          />
          <button type="submit" className="btn small" disabled={decide.busy} data-testid="decision-save">
            {t('whistleDesk.detail.addDecision')}
          </button>
          {decide.error && <p className="form-error">{errorText(decide.error, t)}</p>}
        </form>
      )}
    </div>
  );
}
