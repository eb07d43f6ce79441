import type { Word } from './transcript.ts';

/**
 * Formats without word times still give every segment its words: the segment's time is shared out in proportion to
 * each word's length in characters, so a match found in the text maps to roughly the second it is said.
 */
export function spreadWords(text: string, start: number, end: number): Word[] {
  const words = text.split(/\s+/).map(bare).filter((word) => word !== '');
  const total = words.reduce((sum, word) => sum + word.length, 0);
  let done = 0;
  return words.map((word) => {
    const from = start + ((end - start) * done) / total;
    done += word.length;
    return { word, start: roundTime(from), end: done === total ? end : roundTime(start + ((end - start) * done) / total) };
  });
}

/** A word without the punctuation around it, as Whisper lists words and as moments look them up. */
export function bare(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

export function roundTime(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export function lastEnd(segments: { end: number }[]): number {
  return segments.reduce((max, segment) => Math.max(max, segment.end), 0);
}
