import type { Moment } from '../moments/moments.ts';

/**
 * When each word of a moment is spoken, packed into one short string for its document: for each word, where it starts
 * in the text and when it is spoken (in hundredths of a second), each as the difference from the word before, in base
 * 36 — "0,-1c 6,t 5,r …". A moment's ~90 words take ~500 characters instead of two arrays of ~1,800: every search
 * reads them back for the moments it shows, and Meilisearch copies whatever a hit retrieves into `_formatted` too, so
 * at 100k moments the arrays alone cost ~1.5 ms of each search (measured here, BENCHMARKS.md).
 */
export type WordTimes = Pick<Moment, 'wordOffsets' | 'wordStarts'>;

const cs = (seconds: number) => Math.round(seconds * 100);

export function encodeWordTimes(start: number, { wordOffsets, wordStarts }: WordTimes): string {
  let offset = 0;
  let time = cs(start);
  let packed = '';
  for (let i = 0; i < wordOffsets.length; i++) {
    const nextOffset = wordOffsets[i] ?? offset;
    const nextTime = cs(wordStarts[i] ?? time / 100);
    packed += `${i ? ' ' : ''}${base36(nextOffset - offset)},${base36(nextTime - time)}`;
    offset = nextOffset;
    time = nextTime;
  }
  return packed;
}

/** Base 36 of the small differences most words have, made once: at 10,000 episodes this is called ~200 million times. */
const SMALL = Array.from({ length: 36 * 36 }, (_, n) => n.toString(36));
const base36 = (n: number) => (n >= 0 && n < SMALL.length ? SMALL[n]! : n.toString(36));

/**
 * Reads packed word times pair by pair, calling `each(offset, seconds)` until it returns false. Parsed by hand:
 * `split` and `parseInt` over every word of thirty moments took ~0.9 ms of each search; this takes a tenth of that.
 */
export function readWordTimes(start: number, packed: string, each: (offset: number, seconds: number) => boolean): void {
  let offset = 0;
  let time = cs(start);
  let at = 0;
  const number = (): number | undefined => {
    const negative = packed.charCodeAt(at) === 45; // '-'
    if (negative) at++;
    const from = at;
    let value = 0;
    for (; at < packed.length; at++) {
      const c = packed.charCodeAt(at);
      const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : -1;
      if (digit < 0) break;
      value = value * 36 + digit;
    }
    return at === from ? undefined : negative ? -value : value;
  };
  while (at < packed.length) {
    const dOffset = number();
    if (dOffset === undefined || packed.charCodeAt(at) !== 44) return; // ','
    at++;
    const dTime = number();
    if (dTime === undefined) return;
    offset += dOffset;
    time += dTime;
    if (!each(offset, time / 100)) return;
    at++; // ' '
  }
}

/** The second at which the text at `offset` is spoken: the time of the last word starting at or before it. */
export function timeAtPackedOffset(start: number, packed: string | undefined, offset: number): number {
  let found = start;
  readWordTimes(start, packed ?? '', (wordOffset, seconds) => {
    if (wordOffset > offset) return false;
    found = seconds;
    return true;
  });
  return found;
}
