/**
 * 志愿任务: the volunteer loop on screen — 居民点单 (form), the open tasks, and for the chosen task
 * its next step: 派单 to a suggested member or a 红色驿站, 接单 / 拒单 (recorded for the member,
 * who told us and how), 办结, 评单 (stars, recorded for the resident). Officers and above act.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartyTask } from '../../../../shared/contract/index';
import { NEEDS, type Need } from '../../../../shared/features/party/party';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { errorText } from '../../platform/api/error-text';
import { formatShortDateTime } from '../../platform/format/time';
import { AcceptStep, DeclineStep, DoneStep, RateStep } from './PartySteps';

export function PartyTasks({ canAct }: { canAct: boolean }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const tasks = useQuery('party.tasks', { all });
  const list = tasks.data ?? [];
  const task = list.find((x) => x.orderId === chosen) ?? null;
  const open = list.filter((x) => x.status !== 'closed').length;
  return (
    <div className="party-tasks">
      <section className="party-col">
        {canAct && <RequestForm onCreated={setChosen} />}
        <div className="party-list-head">
          <h3>{t('party.tasksOpen', { n: open })}</h3>
          <label>
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
            {t('party.showAll')}
          </label>
        </div>
        {list.length === 0 && <p className="muted">{t('party.noTasks')}</p>}
        <ul className="party-task-list" data-testid="party-tasks">
          {list.map((x) => (
            <li key={x.orderId}>
              <button
                type="button"
                className="party-task"
                aria-pressed={x.orderId === chosen}
                data-testid="party-task"
                data-status={x.status}
                onClick={() => setChosen(x.orderId)}
              >
                <span className="party-task-title">
                  {x.need && <span className="state-pill">{t(`party.need.${x.need}`)}</span>} {x.title}
                </span>
                <span className="party-task-meta">
                  <span className="state-pill" data-state={x.status}>
                    {t(`party.status.${x.status}`)}
                  </span>
                  {x.overdue && <span className="state-pill overdue">{t('party.overdue')}</span>}
                  <span>{x.assignee ? x.assignee.name : t('party.unassigned')}</span>
                  <span className="muted">
                    {t('party.received', { time: formatShortDateTime(x.receivedAt) })}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="party-col" data-testid="party-task-detail">
        {task ? (
          <TaskSteps
            key={`${task.orderId}:${task.version}`}
            task={task}
            canAct={canAct}
            onRated={() => setAll(true)}
          />
        ) : (
          <p className="muted">{t('party.pick')}</p>
        )}
      </section>
    </div>
  );
}

function RequestForm({ onCreated }: { onCreated: (orderId: string) => void }) {
  const { t } = useTranslation();
  const ref = useQuery('reference.snapshot', {});
  const communities = ref.data?.communities ?? [];
  const [need, setNeed] = useState<Need>('elderly');
  const [community, setCommunity] = useState('');
  const [grid, setGrid] = useState('');
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const save = useMutation('party.request');
  const cc = community || communities[0]?.code || '';
  const grids = (ref.data?.grids ?? []).filter((g) => g.communityCode === cc);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save
      .run({
        need,
        communityCode: cc,
        gridCode: grid || null,
        address,
        description,
        citizen: name || phone ? { name, phone } : null,
      })
      .then(
        (r) => {
          setDescription('');
          setAddress('');
          setName('');
          setPhone('');
          onCreated(r.orderId);
        },
        () => undefined,
      );
  };
  return (
    <form
      className="party-form"
      onSubmit={submit}
      data-testid="party-request-form"
      title={t('party.requestHint')}
    >
      <h3>{t('party.request')}</h3>
      <label>
        {t('party.needLabel')}
        <select value={need} onChange={(e) => setNeed(e.target.value as Need)} data-testid="party-need">
          {NEEDS.map((n) => (
            <option key={n} value={n}>
              {t(`party.need.${n}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('party.community')}
        <select
          value={cc}
          onChange={(e) => {
            setCommunity(e.target.value);
            setGrid('');
          }}
          data-testid="party-community"
        >
          {communities.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('party.grid')}
        <select value={grid} onChange={(e) => setGrid(e.target.value)} data-testid="party-grid">
          <option value="">{t('party.anyGrid')}</option>
          {grids.map((g) => (
            <option key={g.code} value={g.code}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('party.address')}
        <input value={address} onChange={(e) => setAddress(e.target.value)} data-testid="party-address" />
      </label>
      <label className="wide">
        {t('party.description')}
        <textarea
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="party-description"
        />
      </label>
      <label>
        {t('party.resident')}
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="party-resident" />
      </label>
      <label>
        {t('party.phone')}
        <input value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="party-phone" />
      </label>
      <button
        type="submit"
        className="btn primary small"
        disabled={save.busy}
        data-testid="party-request-submit"
      >
        {t('party.submit')}
      </button>
      {save.error && <p className="form-error">{errorText(save.error, t)}</p>}
    </form>
  );
}

function TaskSteps({ task, canAct, onRated }: { task: PartyTask; canAct: boolean; onRated: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="party-steps">
      <h3 data-testid="party-task-title">{task.title}</h3>
      <div className="party-task-meta">
        <span className="state-pill" data-state={task.status} data-testid="party-task-status">
          {t(`party.status.${task.status}`)}
        </span>
        {task.assignee && (
          <span data-testid="party-task-assignee">
            {t('party.assignee')}：{task.assignee.name}
          </span>
        )}
        {task.declines > 0 && <span className="muted">{t('party.declines', { n: task.declines })}</span>}
        {task.rating && (
          <span data-testid="party-task-rating">
            {t('party.rated', {
              stars: task.rating.stars,
              satisfaction: t(`party.satisfaction.${task.rating.satisfaction}`),
            })}
          </span>
        )}
      </div>
      {!canAct && <p className="muted">{t('party.readOnly')}</p>}
      {canAct && task.status === 'received' && <AssignStep task={task} />}
      {canAct && task.status === 'dispatched' && task.assignee && <AcceptStep task={task} />}
      {canAct && (task.status === 'dispatched' || task.status === 'in_progress') && task.assignee && (
        <DeclineStep task={task} />
      )}
      {canAct && task.status === 'in_progress' && task.assignee && <DoneStep task={task} />}
      {canAct && (task.status === 'replied' || task.status === 'closed') && task.assignee && !task.rating && (
        <RateStep task={task} onRated={onRated} />
      )}
    </div>
  );
}

function AssignStep({ task }: { task: PartyTask }) {
  const { t } = useTranslation();
  const s = useQuery('party.suggest', { orderId: task.orderId });
  const assign = useMutation('party.assign');
  const go = (kind: 'member' | 'site', id: string) =>
    void assign
      .run({ orderId: task.orderId, expectedVersion: task.version, assignee: { kind, id } })
      .catch(() => undefined);
  const members = s.data?.members ?? [];
  return (
    <div className="party-step">
      <h4>{t('party.suggest')}</h4>
      {s.data && s.data.declinedBy.length > 0 && (
        <p className="muted">
          {t('party.declinedBy', { names: s.data.declinedBy.map((d) => d.name).join('、') })}
        </p>
      )}
      {s.data && members.length === 0 && <p className="muted">{t('party.noSuggestion')}</p>}
      <ul className="party-suggest" data-testid="party-suggest">
        {members.map((m) => (
          <li key={m.id} data-testid="party-suggest-member" data-member={m.id}>
            <span className="party-suggest-name">{m.name}</span>
            <span className="muted">{m.reasons.join(' · ') || m.skills.join('、')}</span>
            <button
              type="button"
              className="btn small primary"
              disabled={assign.busy}
              data-testid="party-assign-member"
              onClick={() => go('member', m.id)}
            >
              {t('party.assign')}
            </button>
          </li>
        ))}
      </ul>
      <h4>{t('party.sites')}</h4>
      <ul className="party-suggest">
        {(s.data?.sites ?? []).map((x) => (
          <li key={x.id} className="site" data-testid="party-suggest-site">
            <span className="party-suggest-name">{x.name}</span>
            <button
              type="button"
              className="btn small"
              disabled={assign.busy}
              data-testid="party-assign-site"
              onClick={() => go('site', x.id)}
            >
              {t('party.assign')}
            </button>
          </li>
        ))}
      </ul>
      {assign.error && <p className="form-error">{errorText(assign.error, t)}</p>}
    </div>
  );
}
