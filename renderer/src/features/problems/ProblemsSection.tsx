/**
 * 每月一题 on the 分析研判 panel: the 一类事 candidates (similar orders across channels at one
 * place, last 30 / 90 days, ranked with the reason in words; each drills down to its orders on the
 * desk) beside the problem bank (the commander picks a candidate or writes a topic, then keeps
 * owner units, measures, milestones and progress, and closes it with before/after figures).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CandidateReason,
  ProblemCandidate,
  ProblemCandidates,
  ProblemView,
} from '../../../../shared/contract/index';
import { chinaDate } from '../../../../shared/kernel/china-time';
import { roleAtLeast } from '../../../../shared/kernel/roles';
import { errorText } from '../../platform/api/error-text';
import { useMutation } from '../../platform/api/use-mutation';
import { useQuery } from '../../platform/api/use-query';
import { useAuth } from '../auth';
import type { DeskDrill } from '../dispatch';
import { useReference } from '../reference';
import { ProblemDetail } from './ProblemDetail';
import { Progress } from './Progress';
import './problems.css';

type Drill = (d: Omit<DeskDrill, 'seq'>) => void;

export function ProblemsSection({ onDrill }: { onDrill?: Drill | undefined }) {
  const { t } = useTranslation();
  const auth = useAuth();
  // A wall (no desk to drill to) never edits.
  const canWrite = onDrill !== undefined && auth !== null && roleAtLeast(auth.user.role, 'commander');
  const [days, setDays] = useState<30 | 90>(30);
  const [grain, setGrain] = useState<'spot' | 'community'>('spot');
  // 重新计算 asks for a clustering newer than the one shown (a busy street's is kept 10 min).
  const [since, setSince] = useState<number | undefined>(undefined);
  const cands = useQuery('problems.candidates', { days, grain, since });
  const bank = useQuery('problems.list', {});
  const [selected, setSelected] = useState<string | null>(null);
  const problems = bank.data?.problems ?? [];
  const current = problems.find((p) => p.id === selected) ?? problems[0] ?? null;
  const pickedIds = useMemo(
    () => new Set(problems.flatMap((p) => (p.source ? p.source.ids.slice(0, 1) : []))),
    [problems],
  );

  return (
    <div className="pb-section" data-testid="problems">
      <section className="chart-box pb-col" data-testid="problem-candidates">
        <div className="an-head">
          <h3>{t('problems.candidates.title')}</h3>
          <span className="an-demo">{t('problems.demo')}</span>
        </div>
        <p className="an-sub">{t('problems.candidates.hint')}</p>
        <div className="pb-controls">
          <div className="an-grain" role="group">
            {([30, 90] as const).map((d) => (
              <button
                key={d}
                type="button"
                className={d === days ? 'active' : ''}
                aria-pressed={d === days}
                data-testid={`pb-days-${d}`}
                onClick={() => setDays(d)}
              >
                {t('problems.candidates.days', { n: d })}
              </button>
            ))}
          </div>
          <div className="an-grain" role="group">
            {(['spot', 'community'] as const).map((g) => (
              <button
                key={g}
                type="button"
                className={g === grain ? 'active' : ''}
                aria-pressed={g === grain}
                data-testid={`pb-grain-${g}`}
                onClick={() => setGrain(g)}
              >
                {t(`problems.candidates.${g}`)}
              </button>
            ))}
          </div>
        </div>
        {cands.error && <p className="pb-error">{errorText(cands.error, t)}</p>}
        {!cands.data && !cands.error && <p className="an-sub">{t('problems.candidates.clustering')}</p>}
        {cands.data && (
          <p
            className="an-sub pb-computed"
            data-testid="pb-computed"
            data-computed-at={cands.data.computedAt}
          >
            {t(cands.data.reused ? 'problems.candidates.computedKept' : 'problems.candidates.computed', {
              at: new Date(cands.data.computedAt).toLocaleTimeString('zh-CN', { hour12: false }),
            })}{' '}
            <button
              type="button"
              className="btn"
              data-testid="pb-recompute"
              disabled={cands.loading}
              onClick={() => setSince((cands.data?.computedAt ?? 0) + 1)}
            >
              {cands.loading ? t('problems.candidates.clustering') : t('problems.candidates.recompute')}
            </button>
          </p>
        )}
        {cands.data && (
          <CandidateList
            data={cands.data}
            canWrite={canWrite}
            onDrill={onDrill}
            picked={pickedIds}
            onPicked={setSelected}
          />
        )}
      </section>
      <section className="chart-box pb-col" data-testid="problem-bank">
        <div className="an-head">
          <h3>{t('problems.bank.title')}</h3>
        </div>
        {!canWrite && <p className="an-sub">{t('problems.bank.readOnly')}</p>}
        {canWrite && <NewProblem onCreated={setSelected} />}
        {bank.error && <p className="pb-error">{errorText(bank.error, t)}</p>}
        {bank.data && problems.length === 0 && <p className="an-sub">{t('problems.bank.empty')}</p>}
        <div className="pb-bank">
          <ul className="pb-topics">
            {problems.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className={p.id === current?.id ? 'pb-topic active' : 'pb-topic'}
                  data-testid={`pb-topic-${p.id}`}
                  onClick={() => setSelected(p.id)}
                >
                  <span className="pb-topic-title">{p.title}</span>
                  <span className="an-sub">
                    {p.month} · {t(`problems.bank.${p.status}`)}
                  </span>
                  <Progress value={p.progress} />
                </button>
              </li>
            ))}
          </ul>
          {current && <ProblemDetail key={current.id} p={current} canWrite={canWrite} onDrill={onDrill} />}
        </div>
      </section>
    </div>
  );
}

function CandidateList({
  data,
  canWrite,
  onDrill,
  picked,
  onPicked,
}: {
  data: ProblemCandidates;
  canWrite: boolean;
  onDrill: Drill | undefined;
  picked: ReadonlySet<string>;
  onPicked: (id: string) => void;
}) {
  const { t } = useTranslation();
  const create = useMutation('problems.create');
  const reasonText = useReasonText();
  const ref = useReference();
  const pick = (c: ProblemCandidate) => {
    const place =
      c.signature.grain === 'community'
        ? (ref.snapshot?.communities.find((x) => x.code === c.place)?.name ?? c.place)
        : c.place;
    create
      .run({
        month: chinaDate(Date.now()).slice(0, 7),
        title: `${place}${c.label}`.slice(0, 60),
        candidate: {
          label: c.label,
          place,
          ids: [...c.ids],
          signature: {
            ...c.signature,
            center: c.signature.center ? [c.signature.center[0], c.signature.center[1]] : null,
            terms: { ...c.signature.terms },
            idf: { ...c.signature.idf },
          },
        },
      })
      .then(
        (p) => onPicked(p.id),
        () => undefined,
      );
  };
  return (
    <>
      <p className="an-sub pb-rule">
        {t('problems.candidates.rule', {
          from: data.from,
          to: data.to,
          prevFrom: data.prevFrom,
          orders: data.orders,
          ms: data.ms,
        })}
      </p>
      {create.error && <p className="pb-error">{errorText(create.error, t)}</p>}
      {data.candidates.length === 0 && <p className="an-sub">{t('problems.candidates.none')}</p>}
      <ol className="pb-candidates">
        {data.candidates.map((c, i) => (
          <li key={c.key} className="pb-candidate" data-testid={`pb-candidate-${i}`}>
            <div className="pb-cand-head">
              <strong>{c.label}</strong>
              <span className="an-sub">{reasonPlace(c, ref)}</span>
            </div>
            <div className="pb-metrics">
              {t('problems.candidates.metrics', {
                n: c.n,
                prev: c.prev,
                unsat: c.unsatisfied,
                score: c.score,
              })}
            </div>
            <p className="pb-reasons">{c.reasons.map(reasonText).join('；')}</p>
            <div className="pb-actions">
              {onDrill && (
                <button
                  type="button"
                  className="btn"
                  data-testid={`pb-drill-${i}`}
                  onClick={() =>
                    onDrill({ label: t('problems.candidates.drillLabel', { label: c.label }), ids: c.ids })
                  }
                >
                  {t('problems.candidates.drill')}
                </button>
              )}
              {canWrite &&
                (picked.has(c.ids[0] ?? '') ? (
                  <span className="an-sub">{t('problems.candidates.picked')}</span>
                ) : (
                  <button
                    type="button"
                    className="btn primary"
                    data-testid={`pb-pick-${i}`}
                    disabled={create.busy}
                    onClick={() => pick(c)}
                  >
                    {t('problems.candidates.pick')}
                  </button>
                ))}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

function reasonPlace(c: ProblemCandidate, ref: ReturnType<typeof useReference>): string {
  if (c.signature.grain === 'community')
    return ref.snapshot?.communities.find((x) => x.code === c.place)?.name ?? c.place;
  return c.place;
}

function useReasonText(): (r: CandidateReason) => string {
  const { t } = useTranslation();
  const ref = useReference();
  return (r) => {
    switch (r.code) {
      case 'channels':
        return t('problems.reason.channels', {
          count: r.count,
          sources: r.sources.map((s) => t(`problems.source.${s}`, { defaultValue: s })).join('、'),
        });
      case 'community':
        return t('problems.reason.community', {
          community: ref.snapshot?.communities.find((x) => x.code === r.community)?.name ?? r.community,
        });
      default:
        return t(`problems.reason.${r.code}`, { ...r });
    }
  };
}

function NewProblem({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useMutation('problems.create');
  const [title, setTitle] = useState('');
  const [month, setMonth] = useState(() => chinaDate(Date.now()).slice(0, 7));
  return (
    <form
      className="pb-new"
      onSubmit={(e) => {
        e.preventDefault();
        create.run({ title, month }).then(
          (p) => {
            setTitle('');
            onCreated(p.id);
          },
          () => undefined,
        );
      }}
    >
      <label>
        {t('problems.bank.titleLabel')}
        <input
          value={title}
          maxLength={60}
          placeholder={t('problems.bank.newTitle')}
          data-testid="pb-new-title"
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label>
        {t('problems.bank.month')}
        <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
      </label>
      <button type="submit" className="btn" disabled={create.busy} data-testid="pb-new-create">
        {t('problems.bank.create')}
      </button>
      {create.error && <span className="pb-error">{errorText(create.error, t)}</span>}
    </form>
  );
}

export type { ProblemView };
