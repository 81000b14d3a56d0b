/** Shared look of the analysis charts: sizes from the root font size (4K stays readable). */
import { useEffect, useState } from 'react';
import { remPx } from '../../platform/format/use-now';

export const COLORS = {
  current: '#3da0ff',
  lastYear: '#f5a524',
  lastMonth: '#8b9bb4',
  vital: '#3da0ff',
  trivial: '#5b6b82',
  cum: '#f5a524',
  repeat: '#ff4d4f',
  text: '#e6edf7',
} as const;

export function fontPx(scale = 0.85): number {
  return Math.round(remPx() * scale);
}

/**
 * The root font size, followed across window resizes (a wall PC switching to 4K): the charts'
 * pixel sizes are derived from it, so the grid is redrawn when it changes.
 */
export function useRemPx(): number {
  const [rem, setRem] = useState(remPx);
  useEffect(() => {
    const on = () => setRem(remPx());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return rem;
}
