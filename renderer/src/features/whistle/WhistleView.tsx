/**
 * 吹哨报到 inside 指挥调度: the whistles (open first) with their recipients per state, the chosen
 * whistle's detail, 发起吹哨 (standalone, or seeded from an order's detail), the 超时 alarms and
 * this month's 双考核.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_STATES } from '../../../../shared/features/whistle/whistle';
import { useQuery } from '../../platform/api/use-query';
import { beijingMonth, formatShortDateTime, percent } from '../../platform/format/time';
import { WhistleCreateForm, type WhistleSeed } from './WhistleCreateForm';
import { WhistleDetailView } from './WhistleDetailView';
import './whistle.css';

export function WhistleView({ seed, onBack }: { seed: WhistleSeed | null; onBack: () => void }) {
  const { t } = useTranslation();
  const list = useQuery('whistle.list', {});
  const alarms = useQuery('whistle.alarms', {});
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState<boolean>(seed !== null);
  useEffect(() => {
    if (seed) setCreating(true);
  }, [seed]);
  const rows = list.data ?? [];
  const current = selected ?? rows[0]?.id ?? null;
  return (
    <div className="whistle-view" data-testid="whistle-view">
      <div className="whistle-bar">
        <button type="button" className="btn ghost" onClick={onBack}>
          ← {t('whistleDesk.backToOrders')}
        </button>
        <h2>{t('whistleDesk.title')}</h2>
        <button
          type="button"
          className="btn primary"
          data-testid="whistle-new"
          onClick={() => {
            setCreating(true);
          }}
        >
          {t('whistleDesk.newWhistle')}
        </button>
      </div>
      {(alarms.data ?? []).length > 0 && (
        <div className="whistle-alarm" role="alert" data-testid="whistle-alarm">
          ⚠{' '}
          {t('whistleDesk.alarm.banner', {
            unit: alarms.data?.[0]?.unitName,
            title: alarms.data?.[0]?.title,
          })}
          {(alarms.data?.length ?? 0) > 1 && ` ${t('whistleDesk.alarm.more', { n: alarms.data?.length })}`}
        </div>
      )}
      <div className="whistle-body">
        <aside className="whistle-list" data-testid="whistle-list">
          <h4>{t('whistleDesk.list')}</h4>
          {rows.length === 0 && <p className="muted">{t('whistleDesk.empty')}</p>}
          {rows.map((w) => (
            <button
              type="button"
              key={w.id}
              className={`whistle-item${w.id === current && !creating ? ' selected' : ''}`}
              data-testid="whistle-item"
              onClick={() => {
                setSelected(w.id);
                setCreating(false);
              }}
            >
              <div className="whistle-item-title">
                <span className="pill">{t(`whistleDesk.kind.${w.kind}`)}</span> {w.title}
              </div>
              <div className="muted small">
                {formatShortDateTime(w.createdAt)} ·{' '}
                {w.closedAt === null ? t('whistleDesk.openState') : t('whistleDesk.closed')}
              </div>
              <div className="whistle-counts">
                {RECIPIENT_STATES.filter((s) => w.counts[s] > 0).map((s) => (
                  <span key={s} className={`state-pill state-${s}`}>
                    {t(`whistleDesk.state.${s}`)} {w.counts[s]}
                  </span>
                ))}
              </div>
            </button>
          ))}
          <Assessment />
        </aside>
        <main className="whistle-main">
          {creating ? (
            <WhistleCreateForm
              seed={seed}
              onCancel={() => setCreating(false)}
              onDone={(d) => {
                setSelected(d.whistle.id);
                setCreating(false);
              }}
            />
          ) : current ? (
            <WhistleDetailView whistleId={current} />
          ) : (
            <p className="muted">{t('whistleDesk.empty')}</p>
          )}
        </main>
      </div>
    </div>
  );
}

/** 双考核 of this month: each summoned unit's on-time 报到 and tasks done on time. */
function Assessment() {
  const { t } = useTranslation();
  const q = useQuery('whistle.assessment', { month: beijingMonth(Date.now()) });
  const rows = q.data?.rows ?? [];
  if (rows.length === 0) return null;
  return (
    <div className="whistle-assessment" data-testid="whistle-assessment">
      <h4>{t('whistleDesk.assessment.title')}</h4>
      <table>
        <thead>
          <tr>
            <th>{t('whistleDesk.assessment.unit')}</th>
            <th>{t('whistleDesk.assessment.summoned')}</th>
            <th>{t('whistleDesk.assessment.onTime')}</th>
            <th>{t('whistleDesk.assessment.missed')}</th>
            <th>{t('whistleDesk.assessment.tasks')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.unitId}>
              <td>{r.unitName}</td>
              <td>{r.summoned}</td>
              <td>
                {r.reportedOnTime}
                {r.onTimeRate !== null && ` (${percent(r.onTimeRate)})`}
              </td>
              <td>{r.missed}</td>
              <td>
                {r.tasksDoneOnTime}/{r.tasks}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
