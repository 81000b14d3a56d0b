/**
 * 点评会报告: the month's report as a print-styled page (A4, one section a page) over the app, in
 * a portal on <body> so print CSS can hide everything else. 打印 / 存为 PDF uses the browser's print
 * dialog (browser mode: the host cannot drive Chromium; the e2e test prints it with page.pdf).
 * Typical cases carry no personal data: titles, units and reasons only. Labelled 模拟数据 on a demo.
 */
import { createPortal } from 'react-dom';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationScores, RiskRow, WhatIf } from '../../../../shared/contract/index';
import { useQuery } from '../../platform/api/use-query';
import { formatCount } from '../../platform/format/numbers';
import { percent } from '../../platform/format/time';
import { useReference } from '../reference';
import { ProblemsProgress } from '../problems';
import { useKeyName } from './Ranking';

const FIG = ['response', 'resolution', 'satisfaction', 'composite'] as const;
const pts = (v: number | null) => (v === null ? '—' : (v * 100).toFixed(1));

/** Horizontal bars of the composite, drawn as SVG so it prints crisply. */
function Bars({
  rows,
  name,
}: {
  readonly rows: EvaluationScores['rows'];
  readonly name: (k: string) => string;
}) {
  const top = rows.filter((r) => r.rates.composite !== null).slice(0, 12);
  const h = 22;
  return (
    <svg
      className="report-bars"
      viewBox={`0 0 640 ${top.length * h + 4}`}
      role="img"
      data-testid="report-chart"
    >
      {top.map((r, i) => {
        const v = r.rates.composite ?? 0;
        return (
          <g key={r.key} transform={`translate(0 ${i * h})`}>
            <text x={0} y={15} fontSize={12}>
              {name(r.key).slice(0, 16)}
            </text>
            <rect x={220} y={4} width={Math.max(1, v * 360)} height={14} fill="#2f7fd8" />
            <text x={226 + v * 360} y={15} fontSize={12}>
              {pts(v)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function RankTable({
  scores,
  name,
  limit,
}: {
  readonly scores: EvaluationScores;
  readonly name: (k: string) => string;
  readonly limit: number;
}) {
  const { t } = useTranslation();
  return (
    <table className="report-table">
      <thead>
        <tr>
          <th>{t('evaluation.ranking.rank')}</th>
          <th>{t('evaluation.ranking.name')}</th>
          <th>{t('evaluation.ranking.valid')}</th>
          <th>{t('evaluation.ranking.response')}</th>
          <th>{t('evaluation.ranking.resolution')}</th>
          <th>{t('evaluation.ranking.satisfaction')}</th>
          <th>{t('evaluation.ranking.composite')}</th>
          <th>{t('evaluation.report.prevRank')}</th>
        </tr>
      </thead>
      <tbody>
        {scores.rows.slice(0, limit).map((r) => (
          <tr key={r.key}>
            <td>{r.rank ?? '—'}</td>
            <td>{name(r.key)}</td>
            <td>{formatCount(r.counts.valid)}</td>
            <td>{percent(r.rates.response) ?? '—'}</td>
            <td>{percent(r.rates.resolution) ?? '—'}</td>
            <td>{percent(r.rates.satisfaction) ?? '—'}</td>
            <td>{pts(r.rates.composite)}</td>
            <td>{r.prevRank ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cases({ rows }: { readonly rows: readonly RiskRow[] }) {
  const { t } = useTranslation();
  const ref = useReference();
  return (
    <ol className="report-cases" data-testid="report-cases">
      {rows.slice(0, 3).map((r) => (
        <li key={r.orderId}>
          <strong>{r.title}</strong>（{r.orderId}）
          <div>
            {ref.communityName(r.communityCode)} · {ref.unitName(r.unitId)} ·{' '}
            {r.reasons
              .map((x) =>
                t(`evaluation.risk.reason.${x.code}`, { n: x.n ?? 0, rate: percent(x.rate ?? null) ?? '' }),
              )
              .join('、')}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function ReportView({ month, onClose }: { readonly month: string; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const info = useQuery('system.info', {});
  const ref = useReference();
  const units = useQuery('evaluation.scores', { month, level: 'unit' });
  const comms = useQuery('evaluation.scores', { month, level: 'community' });
  const risk = useQuery('evaluation.risk', { limit: 10 });
  const whatIf = useQuery('evaluation.whatIf', { month, limit: 5 });
  const unitName = useKeyName('unit');
  const commName = useKeyName('community');
  useEffect(() => {
    document.documentElement.classList.add('report-open');
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      document.documentElement.classList.remove('report-open');
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  const u = units.data;
  const ready = u && comms.data && risk.data && whatIf.data;
  const street = ref.snapshot?.street.name ?? '';
  const w: WhatIf | undefined = whatIf.data;
  const [printing, setPrinting] = useState(false);
  const [printNote, setPrintNote] = useState<string | null>(null);
  return createPortal(
    <div className="report-root" data-testid="report" data-ready={ready ? '1' : '0'}>
      <div className="report-tools">
        <button
          type="button"
          className="btn"
          data-testid="report-print"
          disabled={printing}
          onClick={() => {
            // Electron: webContents.printToPDF in the main process and a save dialog; browser: print().
            const bridge = window.hall;
            if (!bridge?.printToPdf) {
              window.print();
              return;
            }
            setPrinting(true);
            setPrintNote(null);
            bridge
              .printToPdf(t('evaluation.report.fileName', { street, month }))
              .then((r) =>
                setPrintNote(
                  r.ok
                    ? r.saved
                      ? t('evaluation.report.saved', { path: r.saved })
                      : null
                    : (r.error ?? t('evaluation.report.printFailed')),
                ),
              )
              .catch(() => setPrintNote(t('evaluation.report.printFailed')))
              .finally(() => setPrinting(false));
          }}
        >
          {t('evaluation.report.print')}
        </button>
        {printNote && (
          <span className="report-print-note" role="status" data-testid="report-print-note">
            {printNote}
          </span>
        )}
        <button type="button" className="btn" data-testid="report-close" onClick={onClose}>
          {t('evaluation.report.close')}
        </button>
      </div>
      {u && comms.data && risk.data && whatIf.data && (
        <>
          <section className="report-page">
            <h1>{t('evaluation.report.title', { street, month })}</h1>
            {info.data?.demo && <p className="report-demo">{t('evaluation.simulated')}</p>}
            <h2>{t('evaluation.report.overview')}</h2>
            <div className="report-figures">
              {FIG.map((k) => (
                <div key={k}>
                  <div className="label">{t(`evaluation.figures.${k}`)}</div>
                  <div className="value">
                    {k === 'composite' ? pts(u.street.rates[k]) : (percent(u.street.rates[k]) ?? '—')}
                  </div>
                  <div className="sub">
                    {t('evaluation.report.lastMonth', {
                      v: k === 'composite' ? pts(u.street.prev[k]) : (percent(u.street.prev[k]) ?? '—'),
                    })}
                  </div>
                </div>
              ))}
            </div>
            <p>{t('evaluation.figures.valid', { n: formatCount(u.street.counts.valid) })}</p>
            <h2>{t('evaluation.report.chart')}</h2>
            <Bars rows={u.rows} name={unitName} />
          </section>
          <section className="report-page">
            <h2>{t('evaluation.ranking.title', { level: t('evaluation.level.unit') })}</h2>
            <RankTable scores={u} name={unitName} limit={25} />
          </section>
          {/* 每月一题 progress (renderer/src/features/problems). */}
          <section className="report-page">
            <ProblemsProgress month={month} />
          </section>
          <section className="report-page">
            <h2>{t('evaluation.ranking.title', { level: t('evaluation.level.community') })}</h2>
            <RankTable scores={comms.data} name={commName} limit={25} />
            <h2>{t('evaluation.report.cases')}</h2>
            <Cases rows={risk.data} />
            <h2>{t('evaluation.whatIf.title')}</h2>
            {w && (
              <p>
                {t('evaluation.whatIf.pending', {
                  n: w.pending,
                  best: pts(w.streetAllSatisfied),
                  worst: pts(w.streetAllUnsatisfied),
                  now: pts(w.street),
                })}
              </p>
            )}
          </section>
        </>
      )}
    </div>,
    document.body,
  );
}
