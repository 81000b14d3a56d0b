/** The member's and the resident's steps of a volunteer task, recorded by an operator on their behalf. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartyTask } from '../../../../shared/contract/index';
import { useMutation } from '../../platform/api/use-mutation';
import { errorText } from '../../platform/api/error-text';

type Via = 'phone' | 'on_site' | 'app';
const VIAS: readonly Via[] = ['phone', 'on_site', 'app'];

function ViaSelect({ value, onChange, testId }: { value: Via; onChange: (v: Via) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as Via)} data-testid={testId}>
      {VIAS.map((v) => (
        <option key={v} value={v}>
          {t(`party.via.${v}`)}
        </option>
      ))}
    </select>
  );
}

export function AcceptStep({ task }: { task: PartyTask }) {
  const { t } = useTranslation();
  const [person, setPerson] = useState(task.assignee?.kind === 'member' ? task.assignee.name : '');
  const [via, setVia] = useState<Via>('phone');
  const accept = useMutation('party.accept');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void accept
      .run({ orderId: task.orderId, expectedVersion: task.version, person, via })
      .catch(() => undefined);
  };
  return (
    <form className="party-step party-form" onSubmit={submit}>
      <h4>{t('party.acceptTitle')}</h4>
      <label>
        {t('party.person')}
        <input value={person} onChange={(e) => setPerson(e.target.value)} data-testid="party-accept-person" />
      </label>
      <ViaSelect value={via} onChange={setVia} testId="party-accept-via" />
      <button type="submit" className="btn primary small" disabled={accept.busy} data-testid="party-accept">
        {t('party.accept')}
      </button>
      {accept.error && <p className="form-error">{errorText(accept.error, t)}</p>}
    </form>
  );
}

export function DeclineStep({ task }: { task: PartyTask }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [via, setVia] = useState<Via>('phone');
  const decline = useMutation('party.decline');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void decline
      .run({ orderId: task.orderId, expectedVersion: task.version, reason, via })
      .catch(() => undefined);
  };
  return (
    <form className="party-step party-form" onSubmit={submit}>
      <h4>{t('party.declineTitle')}</h4>
      <label className="wide">
        {t('party.reason')}
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="party-decline-reason"
        />
      </label>
      <ViaSelect value={via} onChange={setVia} testId="party-decline-via" />
      <button type="submit" className="btn small" disabled={decline.busy} data-testid="party-decline">
        {t('party.decline')}
      </button>
      {decline.error && <p className="form-error">{errorText(decline.error, t)}</p>}
    </form>
  );
}

export function DoneStep({ task }: { task: PartyTask }) {
  const { t } = useTranslation();
  const [result, setResult] = useState('');
  const done = useMutation('party.done');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void done.run({ orderId: task.orderId, expectedVersion: task.version, result }).catch(() => undefined);
  };
  return (
    <form className="party-step party-form" onSubmit={submit}>
      <h4>{t('party.doneTitle')}</h4>
      <label className="wide">
        {t('party.result')}
        <textarea
          rows={2}
          value={result}
          onChange={(e) => setResult(e.target.value)}
          data-testid="party-done-result"
        />
      </label>
      <button type="submit" className="btn primary small" disabled={done.busy} data-testid="party-done">
        {t('party.done')}
      </button>
      {done.error && <p className="form-error">{errorText(done.error, t)}</p>}
    </form>
  );
}

/** 评单 closes the task: `onRated` keeps it on screen (the list then includes finished tasks). */
export function RateStep({ task, onRated }: { task: PartyTask; onRated: () => void }) {
  const { t } = useTranslation();
  const [stars, setStars] = useState(5);
  const [note, setNote] = useState('');
  const rate = useMutation('party.rate');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Before the call: its refresh then already asks for the list with finished tasks.
    onRated();
    void rate
      .run({ orderId: task.orderId, expectedVersion: task.version, stars, note })
      .catch(() => undefined);
  };
  return (
    <form className="party-step party-form" onSubmit={submit}>
      <h4>{t('party.rateTitle')}</h4>
      <span className="party-stars" role="radiogroup" aria-label={t('party.rateTitle')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={n === stars}
            aria-label={t('party.stars', { n })}
            className={n <= stars ? 'star on' : 'star'}
            data-testid={`party-star-${n}`}
            onClick={() => setStars(n)}
          >
            ★
          </button>
        ))}
      </span>
      <label className="wide">
        {t('party.rateNote')}
        <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="party-rate-note" />
      </label>
      <button type="submit" className="btn primary small" disabled={rate.busy} data-testid="party-rate">
        {t('party.rate')}
      </button>
      {rate.error && <p className="form-error">{errorText(rate.error, t)}</p>}
    </form>
  );
}
