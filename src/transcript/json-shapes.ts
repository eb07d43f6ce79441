import { shownValue } from '../shorten.ts';
/** Small readers of JSON values shared by the JSON transcript formats. */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Times are numbers; some generators write them as numeric strings. */
export function toSeconds(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return isTime(number) ? number : undefined;
}

export function speakerOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return `Speaker ${value}`;
  return typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : undefined;
}

export function describeJson(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (isObject(value)) {
    const keys = Object.keys(value);
    return keys.length
      ? `an object with ${keys
          .map((key) => JSON.stringify(key))
          .slice(0, 8)
          .join(', ')}`
      : 'an empty object';
  }
  return shownValue(value, 70);
}
