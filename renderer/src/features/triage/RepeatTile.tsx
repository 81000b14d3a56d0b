/**
 * 重复诉求 on the 分析研判 panel: the reports of the last 30 days linked as repeats (重复件) and how
 * many problems they are about; a click opens those orders on the dispatch desk (not on a wall).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../platform/api/use-query';
import './triage.css';

const DAYS = 30;
const DAY_MS = 86_400_000;

export function RepeatTile({
  onDrill,
}: {
  readonly onDrill?: ((d: { readonly label: string; readonly ids: readonly string[] }) => void) | undefined;
}) {
  const { t } = useTranslation();
  // The range is fixed when the panel opens (to the next whole minute), so the query key stays put.
  const range = useMemo(() => {
    const to = Math.ceil(Date.now() / 60_000) * 60_000;
    return { from: to - DAYS * DAY_MS, to };
  }, []);
  const q = useQuery('triage.repeatCount', range);
  if (!q.data) return null;
  const d = q.data;
  const body = (
    <>
      <span className="muted">{t('triage.tile.title')}</span>
      <span className="triage-tile-value" data-testid="repeat-tile-count">
        {t('triage.tile.value', { count: d.repeats })}
      </span>
      <span className="muted small">
        {d.repeats > 0
          ? t('triage.tile.sub', { days: DAYS, problems: d.problems })
          : t('triage.tile.none', { days: DAYS })}
      </span>
    </>
  );
  if (!onDrill || d.orderIds.length === 0)
    return (
      <div className="triage-tile" data-testid="repeat-tile">
        {body}
      </div>
    );
  return (
    <button
      type="button"
      className="triage-tile"
      data-testid="repeat-tile"
      title={t('triage.tile.hint')}
      onClick={() => onDrill({ label: t('triage.tile.drill', { days: DAYS }), ids: d.orderIds })}
    >
      {body}
    </button>
  );
}
