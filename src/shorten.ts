/**
 * Input quoted in a message, cut so one bad value cannot fill the terminal or the page: `max` characters at most,
 * ending in "..." when cut. Messages name what was wrong; they need only enough of it to find it.
 */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** A value of any type as it would be written in JSON (a Date as its ISO form), shortened for a message. */
export function shownValue(value: unknown, max: number): string {
  const shown = value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return shown === undefined ? String(value) : shorten(shown, max);
}
