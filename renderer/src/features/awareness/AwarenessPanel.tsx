/**
 * 态势感知, the hall's wall: today's counters across the top, the situation map as the largest
 * area, and a side column with the three rates against target, urgent-order alarms and the
 * live feed. The grid areas change with the wall layout (awareness.css: .layout-*).
 * `onOpenOrder` (absent on a public wall): the map popup, an alarm's title and a live-feed line
 * open that order on the dispatch desk, selected.
 */
// First: the map's own rules (map.css, imported with the map below) must come after these.
import './awareness.css';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../platform/api/error-text';
import { useQuery } from '../../platform/api/use-query';
import { AwarenessMap } from '../map';
import { useWall } from '../wall';
import { AlarmList } from './AlarmList';
import { KpiStrip } from './KpiStrip';
import { LiveFeed } from './LiveFeed';
import { RatesPanel } from './RatesPanel';

export function AwarenessPanel({ onOpenOrder }: { onOpenOrder?: (orderId: string) => void }) {
  const { t } = useTranslation();
  const { wall, layout } = useWall();
  const today = useQuery('awareness.today', {});
  return (
    <section className="aw" data-testid="panel-awareness" data-layout={layout}>
      <div className="aw-kpi">
        {today.data ? (
          <KpiStrip today={today.data} />
        ) : today.error ? (
          <div className="error-box">
            {t('app.errorPrefix')}
            {errorText(today.error, t)}{' '}
            <button type="button" className="btn" onClick={today.refetch}>
              {t('app.retry')}
            </button>
          </div>
        ) : (
          <div className="state-box">{t('app.loading')}</div>
        )}
      </div>
      <div className="aw-map" aria-label={t('awareness.map')} role="region">
        <AwarenessMap masked={wall} className="aw-map-inner" {...(onOpenOrder ? { onOpenOrder } : {})} />
      </div>
      <div className="aw-rates-area">{today.data && <RatesPanel today={today.data} />}</div>
      <div className="aw-alarms-area">
        <AlarmList {...(onOpenOrder ? { onOpenOrder } : {})} />
      </div>
      <div className="aw-feed-area">
        <LiveFeed limit={layout === 'ultrawide' ? 40 : 30} onOpenOrder={onOpenOrder} />
      </div>
    </section>
  );
}
