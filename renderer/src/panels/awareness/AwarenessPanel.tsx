/** 态势感知: this month's counters and the three rates. The map arrives with a later issue. */
import { MonthCounters, ThreeRateCards } from '../common/MonthCounters';
import { StatsFrame } from '../common/StatsFrame';

export function AwarenessPanel() {
  return (
    <StatsFrame testId="panel-awareness">
      {(s) => (
        <>
          <MonthCounters stats={s} />
          <ThreeRateCards stats={s} />
        </>
      )}
    </StatsFrame>
  );
}
