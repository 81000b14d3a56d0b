/**
 * 党员接单: what a member account sees instead of the hall (docs/PARTY.md). Its own volunteer
 * tasks — 接单, 拒单 with a reason, 办结 — recorded by the core as done by the member itself
 * (本人账号), and the ordinary orders it assists on as 协办党员. The core decides the scope (the
 * gate refuses everything else to a member account); the citizen stays masked.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartyTask } from '../../../../shared/contract/index';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { errorText } from '../../platform/api/error-text';
import { formatShortDateTime } from '../../platform/format/time';
import { useAuth } from '../auth';
import './party.css';

export function MemberHome() {
  const { t } = useTranslation();
  const auth = useAuth();
  const mine = useQuery('party.mine', {});
  const info = useQuery('system.info', {});
  const m = mine.data;
  const open = (m?.tasks ?? []).filter((x) => x.status === 'dispatched' || x.status === 'in_progress');
  const rest = (m?.tasks ?? []).filter((x) => !open.includes(x));
  // A task finished or declined leaves the list with the button just clicked: focus goes to the
  // list's heading (its count read out) instead of being lost to the page.
  const tasksHead = useRef<HTMLHeadingElement>(null);
  const onGone = () => requestAnimationFrame(() => tasksHead.current?.focus());
  return (
    <div className="member-home" data-testid="member-home">
      <header className="member-head">
        <h1>{t('party.memberHome.title')}</h1>
        <span className="member-name" data-testid="member-name">
          {m?.name ?? auth?.user.displayName ?? ''}
        </span>
        {info.data?.demo && <span className="demo-badge">{t('party.demo')}</span>}
        <span className="member-spacer" />
        {auth?.session && (
          <button
            type="button"
            className="btn"
            onClick={() => void auth.logout()}
            data-testid="member-logout"
          >
            {t('party.memberHome.logout')}
          </button>
        )}
      </header>
      <p className="muted member-hint">{t('party.memberHome.hint')}</p>
      {mine.error && <p className="form-error">{errorText(mine.error, t)}</p>}
      <div className="member-cols">
        <section className="party-col">
          <h3 ref={tasksHead} tabIndex={-1} data-testid="member-tasks-head">
            {t('party.memberHome.tasks', { n: open.length })}
          </h3>
          {open.length === 0 && <p className="muted">{t('party.memberHome.noTasks')}</p>}
          <ul className="party-task-list">
            {open.map((task) => (
              <MemberTask key={task.orderId} task={task} onGone={onGone} />
            ))}
          </ul>
          {rest.length > 0 && (
            <>
              <h4>{t('party.memberHome.done', { n: rest.length })}</h4>
              <ul className="party-task-list">
                {rest.map((task) => (
                  <li key={task.orderId} className="party-task" data-testid="member-task-done">
                    <span className="party-task-title">{task.title}</span>
                    <span className="muted">{t(`party.status.${task.status}`)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="party-col">
          <h3>{t('party.memberHome.assists', { n: m?.assists.length ?? 0 })}</h3>
          {(m?.assists.length ?? 0) === 0 && <p className="muted">{t('party.memberHome.noAssists')}</p>}
          <ul className="party-task-list">
            {(m?.assists ?? []).map((a) => (
              <li key={a.orderId} className="party-task" data-testid="member-assist">
                <span className="party-task-title">{a.title}</span>
                <span className="muted">
                  {t(`party.status.${a.status}`)} ·{' '}
                  {t('party.assist.since', { time: formatShortDateTime(a.addedAt) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

function MemberTask({ task, onGone }: { task: PartyTask; onGone: () => void }) {
  const { t } = useTranslation();
  const accept = useMutation('party.accept');
  const decline = useMutation('party.decline');
  const done = useMutation('party.done');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState('');
  // A required text left empty: said here, next to the field, before any call.
  const [missing, setMissing] = useState<'result' | 'reason' | null>(null);
  const resultInput = useRef<HTMLInputElement>(null);
  const reasonInput = useRef<HTMLInputElement>(null);
  // After 接单 the button gives way to the 办结 field: focus follows it there.
  const [toResult, setToResult] = useState(false);
  useEffect(() => {
    if (toResult && task.status === 'in_progress') {
      resultInput.current?.focus();
      setToResult(false);
    }
  }, [toResult, task.status]);
  const step = { orderId: task.orderId, expectedVersion: task.version };
  const error = accept.error ?? decline.error ?? done.error;
  /** 办结 and 拒单 need their text: an empty one is said next to its field, which gets the focus. */
  const withText = (what: 'result' | 'reason', send: () => Promise<unknown>) => () => {
    const text = what === 'result' ? result : reason;
    if (!text.trim()) {
      setMissing(what);
      (what === 'result' ? resultInput : reasonInput).current?.focus();
      return;
    }
    setMissing(null);
    void send().then(onGone, () => undefined);
  };
  const finish = withText('result', () => done.run({ ...step, result }));
  const refuse = withText('reason', () => decline.run({ ...step, reason, via: 'app' }));
  return (
    <li className="party-task member-task" data-testid="member-task" data-status={task.status}>
      <span className="party-task-title">{task.title}</span>
      <span className="party-task-meta">
        <span className="state-pill" data-state={task.status}>
          {t(`party.status.${task.status}`)}
        </span>
        {task.need && <span>{t(`party.need.${task.need}`)}</span>}
        <span className="muted">{task.address}</span>
        <span className="muted">{t('party.received', { time: formatShortDateTime(task.receivedAt) })}</span>
      </span>
      <span className="member-actions">
        {task.status === 'dispatched' && (
          <button
            type="button"
            className="btn primary small"
            disabled={accept.busy}
            onClick={() =>
              void accept.run({ ...step, via: 'app' }).then(
                () => setToResult(true),
                () => undefined,
              )
            }
            data-testid="member-accept"
          >
            {t('party.accept')}
          </button>
        )}
        {task.status === 'in_progress' && (
          <>
            <input
              ref={resultInput}
              value={result}
              placeholder={t('party.result')}
              aria-label={t('party.result')}
              aria-invalid={missing === 'result' || undefined}
              onChange={(e) => setResult(e.target.value)}
              data-testid="member-done-result"
            />
            <button
              type="button"
              className="btn primary small"
              disabled={done.busy}
              onClick={finish}
              data-testid="member-done"
            >
              {t('party.done')}
            </button>
          </>
        )}
        <input
          ref={reasonInput}
          value={reason}
          placeholder={t('party.reason')}
          aria-label={t('party.reason')}
          aria-invalid={missing === 'reason' || undefined}
          onChange={(e) => setReason(e.target.value)}
          data-testid="member-decline-reason"
        />
        <button
          type="button"
          className="btn small"
          disabled={decline.busy}
          onClick={refuse}
          data-testid="member-decline"
        >
          {t('party.decline')}
        </button>
      </span>
      {(missing || error) && (
        <p className="form-error" role="alert" data-testid="member-task-error">
          {missing ? t(`party.memberHome.need.${missing}`) : error && errorText(error, t)}
        </p>
      )}
    </li>
  );
}
