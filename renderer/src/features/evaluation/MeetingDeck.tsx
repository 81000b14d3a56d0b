/**
 * 会议模式: a deck built from this month's data for the committee's projector — overview, three
 * rates with movement, unit and community rankings, risk hotspots, three typical cases (no personal
 * data). ←/→, PageUp/PageDown (a clicker), Space, Home/End; Esc leaves. 演讲者备注 opens the notes
 * in a second window (browser mode). Everything comes from the local store: works offline.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { EvaluationScores } from '../../../../shared/contract/index';
import { useQuery } from '../../platform/api/use-query';
import { formatCount } from '../../platform/format/numbers';
import { percent } from '../../platform/format/time';
import { useReference } from '../reference';
import { ProblemsProgress } from '../problems';
import { useKeyName } from './Ranking';

const pts = (v: number | null) => (v === null ? '—' : (v * 100).toFixed(1));
const delta = (a: number | null, b: number | null) =>
  a === null || b === null ? '—' : `${a >= b ? '+' : ''}${((a - b) * 100).toFixed(1)}`;

interface Slide {
  readonly id: string;
  readonly title: string;
  readonly body: ReactNode;
  readonly notes: string;
}

function Top({ scores, name }: { readonly scores: EvaluationScores; readonly name: (k: string) => string }) {
  const { t } = useTranslation();
  return (
    <ol className="deck-rank">
      {scores.rows.slice(0, 8).map((r) => (
        <li key={r.key}>
          <span className="deck-rank-no">{r.rank ?? '—'}</span>
          <span className="deck-rank-name">{name(r.key)}</span>
          <span className="deck-rank-v">{pts(r.rates.composite)}</span>
          <span className="deck-rank-move">
            {r.prevRank === null || r.rank === null
              ? t('evaluation.ranking.new')
              : r.prevRank > r.rank
                ? `▲${r.prevRank - r.rank}`
                : r.prevRank < r.rank
                  ? `▼${r.rank - r.prevRank}`
                  : '—'}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function MeetingDeck({ month, onClose }: { readonly month: string; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useReference();
  const units = useQuery('evaluation.scores', { month, level: 'unit' });
  const comms = useQuery('evaluation.scores', { month, level: 'community' });
  const risk = useQuery('evaluation.risk', { limit: 20 });
  const info = useQuery('system.info', {});
  const unitName = useKeyName('unit');
  const commName = useKeyName('community');
  const [i, setI] = useState(0);
  const [notesWin, setNotesWin] = useState<Window | null>(null);

  const slides: Slide[] = [];
  const u = units.data;
  if (u && comms.data && risk.data) {
    const s = u.street;
    slides.push({
      id: 'overview',
      title: t('evaluation.deck.overview', { month }),
      body: (
        <div className="deck-figures">
          <div>
            <b>{pts(s.rates.composite)}</b>
            {t('evaluation.figures.composite')}
          </div>
          <div>
            <b>{formatCount(s.counts.valid)}</b>
            {t('evaluation.deck.valid')}
          </div>
          <div>
            <b>{formatCount(risk.data.length)}</b>
            {t('evaluation.deck.atRisk')}
          </div>
        </div>
      ),
      notes: t('evaluation.deck.notesOverview', { composite: pts(s.rates.composite), n: s.counts.valid }),
    });
    slides.push({
      id: 'rates',
      title: t('evaluation.deck.rates'),
      body: (
        <div className="deck-figures">
          {(['response', 'resolution', 'satisfaction'] as const).map((k) => (
            <div key={k}>
              <b>{percent(s.rates[k]) ?? '—'}</b>
              {t(`evaluation.figures.${k}`)}
              <small>{t('evaluation.figures.vsLast', { d: delta(s.rates[k], s.prev[k]) })}</small>
            </div>
          ))}
        </div>
      ),
      notes: t('evaluation.deck.notesRates'),
    });
    slides.push({
      id: 'units',
      title: t('evaluation.ranking.title', { level: t('evaluation.level.unit') }),
      body: <Top scores={u} name={unitName} />,
      notes: t('evaluation.deck.notesRanking'),
    });
    slides.push({
      id: 'communities',
      title: t('evaluation.ranking.title', { level: t('evaluation.level.community') }),
      body: <Top scores={comms.data} name={commName} />,
      notes: t('evaluation.deck.notesRanking'),
    });
    const byComm = new Map<string, number>();
    for (const r of risk.data)
      byComm.set(r.communityCode ?? '', (byComm.get(r.communityCode ?? '') ?? 0) + 1);
    slides.push({
      id: 'hotspots',
      title: t('evaluation.deck.hotspots'),
      body: (
        <ol className="deck-rank">
          {[...byComm.entries()]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 8)
            .map(([c, n]) => (
              <li key={c}>
                <span className="deck-rank-name">{ref.communityName(c || null)}</span>
                <span className="deck-rank-v">{t('evaluation.deck.orders', { n })}</span>
              </li>
            ))}
        </ol>
      ),
      notes: t('evaluation.deck.notesHotspots'),
    });
    // 每月一题 progress (renderer/src/features/problems).
    slides.push({
      id: 'problems',
      title: t('problems.progressBox.title'),
      body: <ProblemsProgress month={month} bare />,
      notes: t('problems.progressBox.notes'),
    });
    risk.data.slice(0, 3).forEach((r, k) =>
      slides.push({
        id: `case-${k + 1}`,
        title: t('evaluation.deck.case', { n: k + 1 }),
        body: (
          <div className="deck-case">
            <h3>{r.title}</h3>
            <p>
              {ref.communityName(r.communityCode)} · {ref.unitName(r.unitId)}
            </p>
            <p>
              {r.reasons
                .map((x) =>
                  t(`evaluation.risk.reason.${x.code}`, { n: x.n ?? 0, rate: percent(x.rate ?? null) ?? '' }),
                )
                .join('、')}
            </p>
          </div>
        ),
        notes: t('evaluation.deck.notesCase', { id: r.orderId }),
      }),
    );
  }
  const n = slides.length;
  const go = useCallback((to: number) => setI(() => Math.max(0, Math.min(n - 1, to))), [n]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (['ArrowRight', 'PageDown', ' ', 'ArrowDown'].includes(e.key)) go(i + 1);
      else if (['ArrowLeft', 'PageUp', 'ArrowUp'].includes(e.key)) go(i - 1);
      else if (e.key === 'Home') go(0);
      else if (e.key === 'End') go(n - 1);
      else if (e.key === 'Escape') onClose();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    notesWin?.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      notesWin?.removeEventListener('keydown', onKey);
    };
  }, [i, n, go, onClose, notesWin]);
  useEffect(() => () => notesWin?.close(), [notesWin]);

  const slide = slides[Math.min(i, Math.max(0, n - 1))];
  return createPortal(
    <div className="deck-root" data-testid="deck" data-slide={slide?.id ?? ''} data-index={i} data-count={n}>
      {slide && (
        <section className="deck-slide" data-testid="deck-slide">
          <h2>{slide.title}</h2>
          {info.data?.demo && <span className="deck-demo">{t('evaluation.simulated')}</span>}
          <div className="deck-body">{slide.body}</div>
        </section>
      )}
      <footer className="deck-foot">
        <span>
          {i + 1} / {n}
        </span>
        <span className="muted">{t('evaluation.deck.keys')}</span>
        <button
          type="button"
          className="btn"
          data-testid="deck-notes"
          onClick={() => setNotesWin(window.open('', 'hall-notes', 'width=900,height=600'))}
        >
          {t('evaluation.deck.notes')}
        </button>
        <button type="button" className="btn" data-testid="deck-close" onClick={onClose}>
          {t('evaluation.deck.close')}
        </button>
      </footer>
      {notesWin &&
        slide &&
        createPortal(
          <div style={{ font: '20px sans-serif', padding: 16 }}>
            <h2>
              {i + 1} / {n} · {slide.title}
            </h2>
            <p>{slide.notes}</p>
            <p style={{ color: '#666' }}>{slides[i + 1] ? `→ ${slides[i + 1]!.title}` : ''}</p>
          </div>,
          notesWin.document.body,
        )}
    </div>,
    document.body,
  );
}
