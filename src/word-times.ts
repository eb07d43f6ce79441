import type { Moment } from './moments.ts';

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
  const words: string[] = [];
  for (let i = 0; i < wordOffsets.length; i++) {
    const nextOffset = wordOffsets[i] ?? offset;
    const nextTime = cs(wordStarts[i] ?? time / 100);
    words.push(`${(nextOffset - offset).toString(36)},${(nextTime - time).toString(36)}`);
    offset = nextOffset;
    time = nextTime;
  }
  return words.join(' ');
}

/** The inverse of encodeWordTimes; anything unreadable is left out (the link then starts at the moment's start). */
export function decodeWordTimes(start: number, packed: string | undefined): WordTimes {
  const wordOffsets: number[] = [];
  const wordStarts: number[] = [];
  let offset = 0;
  let time = cs(start);
  for (const word of (packed ?? '').split(' ')) {
    const [dOffset, dTime] = word.split(',').map((part) => parseInt(part, 36));
    if (dOffset === undefined || dTime === undefined || !Number.isFinite(dOffset) || !Number.isFinite(dTime)) continue;
    offset += dOffset;
    time += dTime;
    wordOffsets.push(offset);
    wordStarts.push(time / 100);
  }
  return { wordOffsets, wordStarts };
}
