/**
 * Rotates the wall's panels every `intervalMs` while wall mode is on. Someone using the page
 * (mouse moved, wheel, key pressed within the last interval) pauses it — not a cursor merely
 * resting over the screen, which on a wall PC is always the case — and so does `hold` (an
 * unacknowledged alarm keeps 态势感知 on screen).
 */
import { useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['mousemove', 'pointerdown', 'wheel', 'keydown', 'touchstart'] as const;

export function useCarousel(opts: {
  readonly enabled: boolean;
  readonly intervalMs: number;
  readonly hold: boolean;
  readonly onAdvance: () => void;
}): { readonly paused: boolean } {
  const { enabled, intervalMs, hold, onAdvance } = opts;
  const [active, setActive] = useState(false);
  const lastActivity = useRef(0);
  const advance = useRef(onAdvance);
  advance.current = onAdvance;

  useEffect(() => {
    if (!enabled || intervalMs <= 0) return;
    const onActivity = () => {
      lastActivity.current = Date.now();
      setActive(true);
    };
    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, onActivity, { passive: true });
    // Check twice per interval so a pause ends about one interval after the last activity.
    const id = window.setInterval(
      () => {
        const idle = Date.now() - lastActivity.current >= intervalMs;
        setActive(!idle);
      },
      Math.max(1_000, intervalMs / 2),
    );
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, onActivity);
      window.clearInterval(id);
    };
  }, [enabled, intervalMs]);

  useEffect(() => {
    if (!enabled || intervalMs <= 0 || hold) return;
    const id = window.setInterval(() => {
      if (Date.now() - lastActivity.current < intervalMs) return;
      advance.current();
    }, intervalMs);
    return () => window.clearInterval(id);
  }, [enabled, intervalMs, hold]);
  return { paused: hold || active };
}
