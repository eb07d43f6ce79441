/**
 * Episode lengths as sites and feeds write them: `39:31`, `1:02:03`, `3600`, `"9999"`, `54:20.5`, `PT1H2M3S`,
 * `1h 2m 3s`. Plain functions with no I/O, shared by episode files and feed items.
 */

const CLOCK = /^(?:(\d+):)?(\d+):(\d{1,2}(?:\.\d+)?)$/;
const ISO_8601 = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i;
const UNITS = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d+(?:\.\d+)?)\s*s(?:ec(?:onds?|s)?)?)?$/i;

/** Seconds, or undefined when the value is not a duration. */
export function readDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text || text.length > 40) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const clock = CLOCK.exec(text);
  if (clock) {
    const hours = clock[1] === undefined ? 0 : Number(clock[1]);
    const minutes = Number(clock[2]);
    const seconds = Number(clock[3]);
    // With hours given, minutes are a clock's; without, `75:20` is 75 minutes, as some shows write long episodes.
    if (seconds >= 60 || (clock[1] !== undefined && minutes >= 60)) return undefined;
    return hours * 3600 + minutes * 60 + seconds;
  }
  const parts = ISO_8601.exec(text) ?? (/\d\s*[hms]/i.test(text) ? UNITS.exec(text) : null);
  if (parts && (parts[1] || parts[2] || parts[3])) {
    return Number(parts[1] ?? 0) * 3600 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0);
  }
  return undefined;
}

/** Whether a value is written as a duration (with a colon or units) rather than a bare number, which could be bytes. */
export function looksLikeDuration(value: unknown): boolean {
  return typeof value === 'string' && /[:hmsHMS]/.test(value) && readDuration(value) !== undefined;
}
