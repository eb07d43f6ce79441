/**
 * A moment link's time, `?t=120` or a clip `?t=120,150` (the Media Fragments temporal form, `npt:` allowed): whole
 * seconds, the end only when it comes after the start. Anything else is no time at all.
 */
export type Clip = { start: number; end?: number };

export function parseClip(value: string | undefined): Clip | undefined {
  const parts = value === undefined ? undefined : /^(?:npt:)?(\d{1,6}(?:\.\d+)?)(?:,(\d{1,6}(?:\.\d+)?))?$/.exec(value);
  if (!parts) return undefined;
  const start = Math.floor(Number(parts[1]));
  const end = parts[2] === undefined ? undefined : Math.ceil(Number(parts[2]));
  return end !== undefined && end > start ? { start, end } : { start };
}

export function clipUrl(base: string, start: number, end: number): string {
  const from = Math.max(0, Math.floor(start));
  return `${base}?t=${from},${Math.max(from + 1, Math.ceil(end))}`;
}
