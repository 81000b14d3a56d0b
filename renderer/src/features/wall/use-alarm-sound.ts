/** Beeps every few seconds while alarms wait for acknowledgement (if sound was enabled). */
import { useEffect, useState } from 'react';
import { alarmSound } from './alarm-sound';

const REPEAT_MS = 5_000;

export function useSoundEnabled(): boolean {
  const [on, setOn] = useState(() => alarmSound.enabled());
  useEffect(() => alarmSound.onChange(() => setOn(alarmSound.enabled())), []);
  return on;
}

export function useAlarmSound(pending: number): void {
  const enabled = useSoundEnabled();
  useEffect(() => {
    if (!enabled || pending === 0) return;
    alarmSound.beep();
    const id = window.setInterval(() => alarmSound.beep(), REPEAT_MS);
    return () => window.clearInterval(id);
  }, [enabled, pending]);
}
