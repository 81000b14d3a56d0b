import { useEffect, useRef, useState } from 'react';

/**
 * The hall's clock as this screen sees it: `asOf` of the last answer plus the time since it came,
 * refreshed every `everyMs` so ages ("3 分钟前") and fading move on without new data.
 */
export function useFieldClock(asOf: number | undefined, everyMs = 15_000): number {
  const skew = useRef(0);
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    if (asOf !== undefined) skew.current = asOf - Date.now();
    setTick(Date.now());
  }, [asOf]);
  useEffect(() => {
    const id = window.setInterval(() => setTick(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return tick + skew.current;
}
