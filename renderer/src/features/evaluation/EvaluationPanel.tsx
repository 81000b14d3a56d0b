/**
 * 评估反馈: for a month, the street's three rates and composite against target and last month; the
 * ranking of units, communities, grids or grid workers with movement (a row drills to its
 * call-back orders on the desk); 不满意风险预警; 排名推演; the 待回访 queue; 考核设置 (admin);
 * 导出考核表 (Excel, in the background).
 */
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EVAL_LEVELS } from '../../../../shared/features/evaluation/contract';
import {
  type EvalLevel,
  type EvaluationScores,
  type ScoreRow,
  type TableXlsxParams,
} from '../../../../shared/contract/index';
import { call } from '../../platform/api/client';
import { useQuery } from '../../platform/api/use-query';
import { formatCount } from '../../platform/format/numbers';
import { beijingMonth, percent } from '../../platform/format/time';
import { QueryStatus } from '../../platform/ui/QueryStatus';
import { useAuth } from '../auth';
import type { DeskDrill } from '../dispatch';
import { ExportButton } from '../jobs';
import { DualTable } from './DualTable';
import { Ranking, useKeyName } from './Ranking';
import { MeetingDeck } from './MeetingDeck';
import { ReportView } from './ReportView';
import { SettingsDialog } from './SettingsDialog';
import { RiskList, WhatIfList } from './SidePanels';
import './evaluation.css';

type Drill = (d: Omit<DeskDrill, 'seq'>) => void;
const FIGURES = ['response', 'resolution', 'satisfaction', 'composite'] as const;

function Figures({ scores }: { readonly scores: EvaluationScores }) {
  const { t } = useTranslation();
  const { rates, prev, counts } = scores.street;
  return (
    <div className="eval-figures" data-testid="eval-figures">
      {FIGURES.map((k) => {
        const v = rates[k];
        const p = prev[k];
        const target = scores.settings.targets[k];
        const d = v !== null && p !== null ? (v - p) * 100 : null;
        return (
          <div
            key={k}
            className={`eval-figure${v !== null && v < target ? ' below' : ''}`}
            data-testid={`fig-${k}`}
          >
            <div className="label">{t(`evaluation.figures.${k}`)}</div>
            <div className="value">
              {v === null ? '—' : k === 'composite' ? (v * 100).toFixed(1) : percent(v)}
            </div>
            <div className="sub">
              <span>
                {t('evaluation.figures.target', {
                  v: k === 'composite' ? (target * 100).toFixed(0) : percent(target),
                })}
              </span>
              <span className={d === null ? 'muted' : d >= 0 ? 'pos' : 'neg'}>
                {d === null
                  ? t('evaluation.figures.noLast')
                  : t('evaluation.figures.vsLast', { d: `${d >= 0 ? '+' : ''}${d.toFixed(1)}` })}
              </span>
            </div>
          </div>
        );
      })}
      <div className="eval-figure small">
        <div className="label">{t('evaluation.figures.valid', { n: formatCount(counts.valid) })}</div>
      </div>
    </div>
  );
}

function scorecardParams(
  scores: EvaluationScores,
  t: TFunction,
  names: Record<string, string>,
): TableXlsxParams {
  const level = t(`evaluation.level.${scores.level}`);
  return {
    proc: 'evaluation.scores',
    input: { month: scores.month, level: scores.level },
    rowsPath: 'rows',
    sheet: t('evaluation.export.sheet', { level }),
    columns: [
      { key: 'rank', header: t('evaluation.ranking.rank'), type: 'number', width: 8 },
      { key: 'key', header: t('evaluation.ranking.name'), width: 28, labels: names },
      { key: 'counts.valid', header: t('evaluation.ranking.valid'), type: 'number', width: 10 },
      { key: 'rates.response', header: t('evaluation.figures.response'), type: 'percent', width: 10 },
      { key: 'rates.resolution', header: t('evaluation.figures.resolution'), type: 'percent', width: 10 },
      { key: 'rates.satisfaction', header: t('evaluation.figures.satisfaction'), type: 'percent', width: 10 },
      { key: 'rates.composite', header: t('evaluation.figures.composite'), type: 'percent', width: 10 },
      { key: 'prevRank', header: t('evaluation.ranking.vsLast'), type: 'number', width: 10 },
    ],
  };
}

export function EvaluationPanel({ onDrill }: { readonly onDrill?: Drill | undefined }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [month, setMonth] = useState(() => beijingMonth(Date.now()));
  const [level, setLevel] = useState<EvalLevel>('unit');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const [deckOpen, setDeckOpen] = useState(false);
  const scores = useQuery('evaluation.scores', { month, level });
  const risk = useQuery('evaluation.risk', { limit: 12 });
  const whatIf = useQuery('evaluation.whatIf', { month, limit: 8 });
  const queues = useQuery('orders.queues', {});
  const dual = useQuery('evaluation.dual', { month });
  const name = useKeyName(level);
  const levelLabel = t(`evaluation.level.${level}`);

  const drillRow = onDrill
    ? (row: ScoreRow) => {
        void call('evaluation.orders', { month, level, key: row.key })
          .then((r) => onDrill({ label: `${levelLabel} ${name(row.key)} · ${month}`, ids: r.ids }))
          .catch(() => undefined);
      }
    : undefined;
  const openOrder = onDrill ? (orderId: string) => onDrill({ label: orderId, ids: [orderId] }) : undefined;
  const callbacks = queues.data?.counts.to_callback ?? null;

  return (
    <div className="evaluation" data-testid="panel-evaluation">
      <div className="eval-bar">
        <label>
          {t('evaluation.month')}
          <input
            type="month"
            data-testid="eval-month"
            value={month}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </label>
        <div className="eval-levels" role="tablist">
          {EVAL_LEVELS.map((l) => (
            <button
              key={l}
              type="button"
              role="tab"
              aria-selected={l === level}
              className={`btn${l === level ? ' active' : ''}`}
              data-testid={`eval-level-${l}`}
              onClick={() => setLevel(l)}
            >
              {t(`evaluation.level.${l}`)}
            </button>
          ))}
        </div>
        <span className="spacer" />
        {callbacks !== null && onDrill && (
          <button
            type="button"
            className="btn"
            data-testid="eval-callback-queue"
            title={t('evaluation.callback.hint')}
            onClick={() =>
              onDrill({ label: t('evaluation.callback.count', { n: callbacks }), queue: 'to_callback' })
            }
          >
            {t('evaluation.callback.count', { n: formatCount(callbacks) })} · {t('evaluation.callback.open')}
          </button>
        )}
        {scores.data && (
          <ExportButton
            testId="eval-export"
            label={t('evaluation.export.scorecard')}
            title={t('evaluation.export.title', { level: levelLabel, month })}
            params={() =>
              scorecardParams(
                scores.data!,
                t,
                Object.fromEntries(scores.data!.rows.map((r) => [r.key, name(r.key)])),
              )
            }
          />
        )}
        <button type="button" className="btn" data-testid="eval-deck-open" onClick={() => setDeckOpen(true)}>
          {t('evaluation.deck.open')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="eval-report-open"
          onClick={() => setReportOpen(true)}
        >
          {t('evaluation.report.open')}
        </button>
        {auth?.user.role === 'admin' && scores.data && (
          <button
            type="button"
            className="btn"
            data-testid="eval-settings-open"
            onClick={() => setSettingsOpen(true)}
          >
            {t('evaluation.settings.open')}
          </button>
        )}
      </div>
      <QueryStatus query={scores} />
      {scores.data && (
        <div className="eval-grid">
          <section className="eval-main">
            <Figures scores={scores.data} />
            <h3>
              {t('evaluation.ranking.title', { level: levelLabel })}
              <span className="muted"> · {t('evaluation.ranking.hint')}</span>
            </h3>
            <Ranking scores={scores.data} onRow={drillRow} />
            <h3>{t('evaluation.dual.title')}</h3>
            <QueryStatus query={dual} />
            {dual.data && <DualTable data={dual.data} />}
          </section>
          <section className="eval-side">
            <h3>{t('evaluation.risk.title')}</h3>
            <p className="muted eval-hint">{t('evaluation.risk.hint')}</p>
            <QueryStatus query={risk} />
            {risk.data && <RiskList rows={risk.data} onOpen={openOrder} />}
          </section>
          <section className="eval-side">
            <h3>{t('evaluation.whatIf.title')}</h3>
            <p className="muted eval-hint">{t('evaluation.whatIf.hint')}</p>
            <QueryStatus query={whatIf} />
            {whatIf.data && <WhatIfList data={whatIf.data} />}
          </section>
        </div>
      )}
      {deckOpen && <MeetingDeck month={month} onClose={() => setDeckOpen(false)} />}
      {reportOpen && <ReportView month={month} onClose={() => setReportOpen(false)} />}
      {settingsOpen && scores.data && (
        <SettingsDialog settings={scores.data.settings} onClose={() => setSettingsOpen(false)} />
      )}
    </div>
  );
}
