import type { Word } from './transcript.ts';

/**
 * Formats without word times still give every segment its words: the segment's time is shared out in proportion to
 * each word's length in characters, so a match found in the text maps to roughly the second it is said.
 */
export function spreadWords(text: string, start: number, end: number): Word[] {
  const words = text
    .split(/\s+/)
    .map(bare)
    .filter((word) => word !== '');
  const total = words.reduce((sum, word) => sum + word.length, 0);
  let done = 0;
  return words.map((word) => {
    const from = start + ((end - start) * done) / total;
    done += word.length;
    return { word, start: roundTime(from), end: done === total ? end : roundTime(start + ((end - start) * done) / total) };
  });
}

/** The text with every run of whitespace made one space, and none at either end. */
export function squashSpaces(text: string): string {
  return isSquashed(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** Whether squashSpaces would leave the text as it is: a scan, much cheaper than the replacement it spares. */
function isSquashed(text: string): boolean {
  let previous = 32;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? previous === 32 : isSpace(c)) return false;
    previous = c;
  }
  return previous !== 32 || text.length === 0;
}

/** The characters of `\s` (and of `trim`): ECMAScript's WhiteSpace and LineTerminator. */
function isSpace(c: number): boolean {
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A word without the punctuation around it, as Whisper lists words and as moments look them up. */
export function bare(token: string): string {
  // Most words start and end with an ASCII letter or digit and have nothing to strip.
  if (token.length > 0 && isAsciiWordChar(token.charCodeAt(0)) && isAsciiWordChar(token.charCodeAt(token.length - 1))) return token;
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

export function roundTime(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export function lastEnd(segments: { end: number }[]): number {
  return segments.reduce((max, segment) => Math.max(max, segment.end), 0);
}
