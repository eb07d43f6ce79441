// SubRip as written in the wild: numbered cards, a timing line, lines of text. Cards missing their blank line, blank
// lines inside a card's text, `.` for `,`, hours left out, ASS tags (`{\an8}`) and HTML-ish tags are all common.
import { decodeHTML } from 'entities';
import { type Cue, type Problem, quote, type Reading } from './cues.ts';

export const SRT_TIMING = '"00:01:02,500 --> 00:01:05,000"';

/** A line that is meant as a timing (a time, an arrow of some kind, a time), whether or not it is a valid one. */
const TIMING_LIKE = /^\s*\d[\d.,]*:[\d:.,]*\s*(?:->|–>|—>|=>|--|- >)\s*\d[\d:.,]*\s*$/;

export function readSubRip(text: string): Reading {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const problems: Problem[] = [];
  const cues: Cue[] = [];
  const timings = lines.flatMap((line, i) => (line.includes('-->') || TIMING_LIKE.test(line) ? [i] : []));
  if (timings.length === 0) {
    const first = lines.findIndex((line) => line.trim() !== '');
    const at = first !== -1 && (lines[first + 1] ?? '').trim() !== '' ? first + 1 : first;
    if (at !== -1)
      problems.push({ where: `line ${at + 1}`, reason: `expected a cue timing like ${SRT_TIMING}, found ${quote(lines[at] ?? '')}` });
    return { cues, problems };
  }
  const before = lines.slice(0, timings[0]).filter((line) => line.trim() !== '' && !/^\s*\d+\s*$/.test(line));
  if (before.length) {
    problems.push({
      where: `line ${lines.indexOf(before[0] as string) + 1}`,
      reason: `text before the first cue timing was skipped: ${quote(before.join(' '))}`,
    });
  }
  for (const [k, at] of timings.entries()) {
    const next = timings[k + 1] ?? lines.length;
    const body = lines.slice(at + 1, next);
    // The next card's number sits just above its timing line.
    while (body.length && body.at(-1)?.trim() === '') body.pop();
    if (k + 1 < timings.length && /^\s*\d+\s*$/.test(body.at(-1) ?? '')) body.pop();
    const line = lines[at] as string;
    const timing = readTiming(line);
    if (typeof timing === 'string') {
      problems.push({ where: `line ${at + 1}`, reason: `${timing}; the cue was dropped` });
      continue;
    }
    const text = body
      .filter((row) => row.trim() !== '')
      .map(plain)
      .join('\n');
    cues.push({ ...timing, pieces: [{ text }], where: `line ${at + 1}` });
  }
  return { cues, problems };
}

function readTiming(line: string): { start: number; end: number } | string {
  const expected = `expected a cue timing like ${SRT_TIMING}, found ${quote(line)}`;
  const parts = /^\s*(\S+)\s*-->\s*(\S+)(?:\s.*)?$/.exec(line);
  if (!parts) return expected;
  const start = readTime(parts[1] ?? '');
  const end = readTime(parts[2] ?? '');
  if (start === undefined || end === undefined) return expected;
  return { start, end };
}

/** `01:02:03,500`, `02:03,500`, `1:02:03.5`, bare seconds `3.500`; minutes and seconds up to 59. */
function readTime(text: string): number | undefined {
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?$/.exec(text);
  if (clock) {
    const [minutes, seconds] = [Number(clock[2]), Number(clock[3])];
    if (minutes > 59 || seconds > 59) return undefined;
    return Number(clock[1] ?? 0) * 3600 + minutes * 60 + seconds + Number(`0.${clock[4] ?? 0}`);
  }
  return /^\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : undefined;
}

/** Drops formatting (`<i>`, `<font color=…>`, `{\an8}`) and decodes entities. */
function plain(line: string): string {
  return decodeHTML(line.replace(/<\/?[a-z][^<>]*>/gi, '').replace(/\{\\[^}]*\}/g, ''));
}
