/**
 * The alarm tone: a Web Audio two-tone beep, no audio file. Browsers start audio only after a
 * user gesture, so the wall shows 点击启用声音 until someone clicks once (Electron allows it).
 */
type AudioCtor = typeof AudioContext;

class AlarmSound {
  private ctx: AudioContext | null = null;
  private readonly listeners = new Set<() => void>();

  private context(): AudioContext | null {
    if (this.ctx) return this.ctx;
    const w = window as Window & { webkitAudioContext?: AudioCtor };
    const Ctor: AudioCtor | undefined = window.AudioContext ?? w.webkitAudioContext;
    if (!Ctor) return null;
    this.ctx = new Ctor();
    this.ctx.onstatechange = () => this.emit();
    return this.ctx;
  }

  /** True when a beep will be heard (the context runs). */
  enabled(): boolean {
    return this.ctx?.state === 'running';
  }

  /** Call from a click/key handler: resumes audio and plays one short confirmation beep. */
  async enable(): Promise<boolean> {
    const ctx = this.context();
    if (!ctx) return false;
    try {
      await ctx.resume();
    } catch {
      return false;
    }
    this.emit();
    this.beep(1);
    return this.enabled();
  }

  /** Two-tone 880/660 Hz, `times` pairs; silent (not an error) while audio is not enabled. */
  beep(times = 2): void {
    const ctx = this.ctx;
    if (!ctx || ctx.state !== 'running') return;
    let t = ctx.currentTime + 0.02;
    for (let i = 0; i < times; i++) {
      for (const freq of [880, 660]) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'square';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, t);
        gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.22);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t);
        osc.stop(t + 0.25);
        t += 0.28;
      }
    }
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    for (const fn of [...this.listeners]) fn();
  }
}

export const alarmSound = new AlarmSound();
