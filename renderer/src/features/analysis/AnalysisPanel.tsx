/**
 * 分析研判: the volume trend (day / week / month, with last year and last month), the category ×
 * community × month cube with its Pareto, and the hotspots (density and repeat points). Every mark
 * drills down to its orders on the dispatch desk (`onDrill`; none on a wall). The charts draw what
 * the core counted from the analysis rollups (analysis.*).
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendGrain } from '../../../../shared/features/analysis/trend';
import { chinaDate } from '../../../../shared/kernel/china-time';
import { useQuery } from '../../platform/api/use-query';
import { errorText } from '../../platform/api/error-text';
import type { DeskDrill } from '../dispatch';
import { useReference } from '../reference';
import { CubeHeat } from './CubeHeat';
import { HotspotChart } from './HotspotChart';
import { ParetoChart } from './ParetoChart';
import { ForecastBox, SurgeBox } from './SurgeForecast';
import { PlaybookStrip } from './Playbooks';
import { useAuth } from '../auth';
import { ProblemsSection } from '../problems';
import { RepeatTile } from '../triage';
import { TrendChart } from './TrendChart';
import { useRemPx } from './chart-style';
import { cubeRange, trendRange } from './ranges';
import './analysis.css';

const HOTSPOT_DAYS = 30;
const GRAINS: readonly TrendGrain[] = ['day', 'week', 'month'];

type Drill = (d: Omit<DeskDrill, 'seq'>) => void;

export function AnalysisPanel({ onDrill }: { onDrill?: Drill | undefined }) {
  const { t } = useTranslation();
  const ref = useReference();
  const [grain, setGrain] = useState<TrendGrain>('day');
  const [category, setCategory] = useState('');
  const [community, setCommunity] = useState('');
  // 每月一题 (renderer/src/features/problems) shares the panel with the charts.
  const [view, setView] = useState<'charts' | 'problems'>('charts');
  // The day the panel opened: the ranges stay put while someone is reading them.
  const today = useMemo(() => chinaDate(Date.now()), []);
  const filter = {
    ...(category ? { category } : {}),
    ...(community ? { community } : {}),
  };
  const trend = useQuery('analysis.trend', { grain, ...trendRange(grain, today), ...filter });
  const cube = useQuery('analysis.cube', { ...cubeRange(today), ...(community ? { community } : {}) });
  const hot = useQuery('analysis.hotspot', {
    to: today,
    days: HOTSPOT_DAYS,
    ...(category ? { category } : {}),
  });
  const surge = useQuery('analysis.surge', { to: today });
  const forecast = useQuery('analysis.forecast', { from: today });
  const playbooks = useQuery('analysis.playbooks', { date: today });
  const auth = useAuth();
  const isAdmin = auth?.user.role === 'admin';
  const topCategories = (ref.snapshot?.categories ?? []).filter((c) => c.level === 1);
  const communities = ref.snapshot?.communities ?? [];
  // Chart sizes follow the root font size: redraw the charts when it changes.
  const rem = useRemPx();

  return (
    <section className="analysis" data-testid="panel-analysis">
      <div className="an-bar">
        <h2>{t('analysis.title')}</h2>
        <span className="an-demo">{t('analysis.demo')}</span>
        <div className="an-grain" role="group">
          {(['charts', 'problems'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={v === view ? 'active' : ''}
              aria-pressed={v === view}
              data-testid={`an-view-${v}`}
              onClick={() => setView(v)}
            >
              {t(`problems.tab.${v}`)}
            </button>
          ))}
        </div>
        <div className="an-grain" role="group" aria-label={t('analysis.grain.label')}>
          {GRAINS.map((g) => (
            <button
              key={g}
              type="button"
              className={g === grain ? 'active' : ''}
              aria-pressed={g === grain}
              data-testid={`grain-${g}`}
              onClick={() => setGrain(g)}
            >
              {t(`analysis.grain.${g}`)}
            </button>
          ))}
        </div>
        <label>
          {t('analysis.category')}
          <select value={category} onChange={(e) => setCategory(e.target.value)} data-testid="an-category">
            <option value="">{t('analysis.all')}</option>
            {topCategories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('analysis.community')}
          <select value={community} onChange={(e) => setCommunity(e.target.value)} data-testid="an-community">
            <option value="">{t('analysis.all')}</option>
            {communities.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {onDrill && <span className="an-hint">{t('analysis.drillHint')}</span>}
      </div>
      {playbooks.data && <PlaybookStrip data={playbooks.data} canEdit={isAdmin && onDrill !== undefined} />}
      {view === 'problems' && <ProblemsSection onDrill={onDrill} />}
      {view === 'charts' && <RepeatTile onDrill={onDrill} />}
      {view === 'charts' && (
        <div className="an-grid" key={rem}>
          <Slot q={trend}>{(d) => <TrendChart trend={d} onDrill={onDrill} />}</Slot>
          <Slot q={cube}>{(d) => <ParetoChart cube={d} community={community} onDrill={onDrill} />}</Slot>
          <Slot q={surge}>{(d) => <SurgeBox surge={d} onDrill={onDrill} />}</Slot>
          <Slot q={cube}>{(d) => <CubeHeat cube={d} onDrill={onDrill} />}</Slot>
          <Slot q={hot}>{(d) => <HotspotChart hot={d} days={HOTSPOT_DAYS} onDrill={onDrill} />}</Slot>
          <Slot q={forecast}>{(d) => <ForecastBox forecast={d} />}</Slot>
        </div>
      )}
    </section>
  );
}

/** A chart's place: loading, error with retry, or the chart. */
function Slot<T>({
  q,
  children,
}: {
  q: { data: T | undefined; error: Parameters<typeof errorText>[0] | null; refetch: () => void };
  children: (d: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (q.data !== undefined) return <>{children(q.data)}</>;
  if (q.error)
    return (
      <div className="chart-box error-box">
        {t('app.errorPrefix')}
        {errorText(q.error, t)}{' '}
        <button type="button" className="btn" onClick={q.refetch}>
          {t('app.retry')}
        </button>
      </div>
    );
  return <div className="chart-box state-box">{t('app.loading')}</div>;
}
