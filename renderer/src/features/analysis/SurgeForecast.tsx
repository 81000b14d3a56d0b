/**
 * 突增预警 (the rule in words, each surge a row that drills down to its orders) and 量预测 (7 and
 * 30 days per category, with the backtest's MAPE next to seasonal-naive's).
 */
import { useTranslation } from 'react-i18next';
import type { AnalysisForecast, AnalysisSurge } from '../../../../shared/contract/index';
import type { DeskDrill } from '../dispatch';
import { useReference } from '../reference';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function SurgeBox({
  surge,
  onDrill,
}: {
  surge: AnalysisSurge;
  onDrill?: (d: Omit<DeskDrill, 'seq'>) => void;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  return (
    <div className="chart-box an-surge" data-testid="surge-box" data-rows={surge.rows.length}>
      <h3>{t('analysis.surge.title')}</h3>
      <p className="an-sub" data-testid="surge-rule">
        {t('analysis.surge.rule', { ratio: surge.ratio, min: surge.minExcess })}
      </p>
      {surge.watched.length > 0 && (
        <p className="an-sub" data-testid="surge-watched">
          {t('analysis.surge.watched', {
            list: surge.watched
              .map((w) => `${ref.categoryName(w.category)} ×${w.ratio}（${w.playbook}）`)
              .join('、'),
          })}
        </p>
      )}
      {surge.rows.length === 0 ? (
        <p className="an-empty">{t('analysis.surge.none', { from: surge.from, to: surge.to })}</p>
      ) : (
        <div className="an-table-wrap">
          <table className="an-table">
            <thead>
              <tr>
                <th>{t('analysis.category')}</th>
                <th>{t('analysis.community')}</th>
                <th>{t('analysis.surge.last7')}</th>
                <th>{t('analysis.surge.baseline')}</th>
                <th>{t('analysis.surge.ratio')}</th>
              </tr>
            </thead>
            <tbody>
              {surge.rows.slice(0, 30).map((r) => {
                const place = r.community ? ref.communityName(r.community) : t('analysis.surge.street');
                return (
                  <tr
                    key={`${r.category}|${r.community}`}
                    className={onDrill ? 'clickable' : ''}
                    data-testid="surge-row"
                    data-n={r.last7}
                    onClick={() =>
                      onDrill?.({
                        label: t('analysis.surge.drill', { category: ref.categoryName(r.category), place }),
                        category: r.category,
                        ...(r.community ? { community: r.community } : {}),
                        from: surge.from,
                        to: surge.to,
                      })
                    }
                  >
                    <td>{ref.categoryName(r.category)}</td>
                    <td>{place}</td>
                    <td className="num">{r.last7}</td>
                    <td className="num">
                      {r.baseline}
                      {r.seasonal ? ` ${t('analysis.surge.seasonal')}` : ''}
                    </td>
                    <td className="num warn">{r.ratio === null ? t('analysis.surge.new') : `×${r.ratio}`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function ForecastBox({ forecast }: { forecast: AnalysisForecast }) {
  const { t } = useTranslation();
  const ref = useReference();
  const all = forecast.rows[0];
  return (
    <div className="chart-box an-forecast" data-testid="forecast-box" data-rows={forecast.rows.length}>
      <h3>{t('analysis.forecast.title')}</h3>
      <p className="an-sub">
        {all && all.backtest7.origins > 0
          ? t('analysis.forecast.method', { origins: all.backtest7.origins, days: forecast.historyDays })
          : t('analysis.forecast.short', { days: forecast.historyDays })}
      </p>
      <div className="an-table-wrap">
        <table className="an-table">
          <thead>
            <tr>
              <th>{t('analysis.category')}</th>
              <th>{t('analysis.forecast.next7')}</th>
              <th>{t('analysis.forecast.next30')}</th>
              <th>{t('analysis.forecast.mape7')}</th>
              <th>{t('analysis.forecast.mape30')}</th>
            </tr>
          </thead>
          <tbody>
            {forecast.rows.map((r) => (
              <tr key={r.category} data-testid="forecast-row">
                <td>{r.category ? ref.categoryName(r.category) : t('analysis.forecast.all')}</td>
                <td className="num">{Math.round(r.next7)}</td>
                <td className="num">{Math.round(r.next30)}</td>
                <td className="num">
                  <Mape model={r.backtest7.model} naive={r.backtest7.seasonalNaive} />
                </td>
                <td className="num">
                  <Mape model={r.backtest30.model} naive={r.backtest30.seasonalNaive} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Mape({ model, naive }: { model: number | null; naive: number | null }) {
  const { t } = useTranslation();
  const better = model !== null && naive !== null && model < naive;
  return (
    <span className={better ? 'good' : ''} title={t('analysis.forecast.mapeTip')}>
      {pct(model)} <span className="dim">/ {pct(naive)}</span>
    </span>
  );
}
