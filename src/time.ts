/** Seconds a moment link starts before the matched word, so the listener hears it arrive rather than cut in. */
export const LEAD_IN_SECONDS = 1;

/** 75 → "1:15", 3723 → "1:02:03": how players show a position. */
export function formatTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
