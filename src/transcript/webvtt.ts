// The WebVTT file parsing algorithm (W3C WebVTT, "WebVTT parser algorithm"), on lines: a block is a cue only when
// its first or second line holds a valid timing; anything else is skipped, so one bad cue never costs the file.
import { cuePieces } from './cue-text.ts';
import { type Piece, type Problem, quote, type Reading } from './cues.ts';

/** A cue as a browser's parser keeps it: times as written (an end before the start included), the raw cue text. */
export type VttCue = { id: string; start: number; end: number; text: string; line: number };
export type VttFile = { cues: VttCue[]; problems: Problem[]; language: string | undefined };

export const VTT_TIMING = '"00:01:02.500 --> 00:01:05.000"';

/**
 * Publishers' dialects, taken from the file's first timing line so that spec files are read exactly by the spec:
 * bare seconds (`0.860 --> 7.380`) and SubRip's `,` before the fraction.
 */
type Dialect = { bareSeconds: boolean; comma: boolean };

/** undefined when the text does not start with the `WEBVTT` signature: then it is not a WebVTT file at all. */
export function parseWebVtt(input: string): VttFile | undefined {
  const text = input
    .replace(/^\uFEFF/, '')
    .replace(/\0/g, '\uFFFD')
    .replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const signature = lines[0] ?? '';
  if (!/^WEBVTT(?:[ \t]|$)/.test(signature)) return undefined;
  const firstTiming = lines.find((line) => line.includes('-->')) ?? '';
  const dialect: Dialect = {
    bareSeconds: /^\s*\d+(?:\.\d+)?\s*-->\s*\d+(?:\.\d+)?(?:\s|$)/.test(firstTiming),
    comma: /\d,\d+\s*-->/.test(firstTiming),
  };
  const file: VttFile = { cues: [], problems: [], language: undefined };
  const state = { lines, dialect, file, seenCue: false };
  let i = 1;
  if (i < lines.length && lines[i] !== '') {
    const header = collectBlock(state, i, true);
    file.language = lines
      .slice(i, header)
      .map((line) => /^Language:[ \t]*(\S+)/i.exec(line)?.[1])
      .find(Boolean);
    i = header;
  }
  for (i = skipBlank(lines, i); i < lines.length; i = skipBlank(lines, i)) i = collectBlock(state, i, false);
  return file;
}

type State = { lines: string[]; dialect: Dialect; file: VttFile; seenCue: boolean };

/** Reads one block from line `from`; returns where the next one starts. */
function collectBlock(state: State, from: number, inHeader: boolean): number {
  const { lines, file } = state;
  let count = 0;
  let previous = from;
  let j = from;
  let buffer = '';
  let seenArrow = false;
  let cue: VttCue | undefined;
  let dropped: Problem | undefined;
  let kind: 'text' | 'style' | 'region' = 'text';
  while (j < lines.length) {
    const line = lines[j] as string;
    const number = j + 1;
    count++;
    j++;
    if (line.includes('-->')) {
      if (!inHeader && (count === 1 || (count === 2 && !seenArrow))) {
        seenArrow = true;
        previous = j;
        const timing = readTiming(line, state.dialect);
        if (typeof timing === 'string') {
          cue = undefined;
          dropped = { where: `line ${number}`, reason: `${timing}; the cue was dropped` };
          file.problems.push(dropped);
        } else {
          cue = { id: buffer, ...timing, text: '', line: number };
          buffer = '';
          state.seenCue = true;
        }
      } else {
        // A "-->" in a cue id: the id is lost, the cue under it is read as the next block, as browsers do.
        if (dropped && count === 2)
          dropped.reason = `a cue id may not contain "-->" (found ${quote(lines[j - 2] ?? '')}); the id was ignored`;
        j = previous;
        break;
      }
    } else if (line === '') {
      break;
    } else {
      if (!inHeader && count === 2 && !state.seenCue) {
        if (/^STYLE[ \t]*$/.test(buffer)) kind = 'style';
        else if (/^REGION[ \t]*$/.test(buffer)) kind = 'region';
      }
      if (buffer !== '') buffer += '\n';
      buffer += line;
      previous = j;
    }
  }
  if (cue) {
    cue.text = buffer;
    file.cues.push(cue);
  } else if (!inHeader && !dropped && kind === 'text' && buffer !== '' && !/^(?:NOTE|STYLE|REGION)(?:[ \t\n]|$)/.test(buffer)) {
    // Text that belongs to no cue: the line where the timing should be (under an id, unless it starts like a time).
    const at = buffer.includes('\n') && !/^\s*\d+:\d/.test(lines[from] ?? '') ? from + 1 : from;
    file.problems.push({
      where: `line ${at + 1}`,
      reason: `expected a cue timing like ${VTT_TIMING}, found ${quote(lines[at] ?? '')}; the block was skipped`,
    });
  }
  return j;
}

function skipBlank(lines: string[], i: number): number {
  while (i < lines.length && lines[i] === '') i++;
  return i;
}

/** "Collect WebVTT cue timings and settings": a timestamp, `-->`, a timestamp; the settings after it are ignored. */
function readTiming(line: string, dialect: Dialect): { start: number; end: number } | string {
  // Built only for a bad line: quoting every good one cost more than reading its times.
  const expected = () => `expected a cue timing like ${VTT_TIMING}, found ${quote(line)}`;
  const cursor = { text: line, at: 0 };
  skipWhitespace(cursor);
  const start = readTimestamp(cursor, dialect);
  if (typeof start === 'string') return `${expected()} (${start})`;
  skipWhitespace(cursor);
  if (!line.startsWith('-->', cursor.at)) return expected();
  cursor.at += 3;
  skipWhitespace(cursor);
  const end = readTimestamp(cursor, dialect);
  if (typeof end === 'string') return `${expected()} (${end})`;
  return { start, end };
}

type Cursor = { text: string; at: number };

/** Tab, line feed, form feed, carriage return, space: the spec's whitespace. Character codes, not a regular
 * expression per character: every cue's timing line passes through here three times. */
function skipWhitespace(cursor: Cursor): void {
  for (
    let c = cursor.text.charCodeAt(cursor.at);
    c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
    c = cursor.text.charCodeAt(++cursor.at)
  );
}

/** ASCII digits from the cursor on (the spec's "collect a sequence of code points" of 0–9). */
function digits(cursor: Cursor): string {
  const from = cursor.at;
  for (let c = cursor.text.charCodeAt(cursor.at); c >= 48 && c <= 57; c = cursor.text.charCodeAt(++cursor.at));
  return cursor.text.slice(from, cursor.at);
}

/** "Collect a WebVTT timestamp": `[hh:]mm:ss.ttt`, hours of any length; a string says why it is not one. */
export function readTimestamp(cursor: Cursor, dialect: Dialect = { bareSeconds: false, comma: false }): number | string {
  const first = digits(cursor);
  if (first === '') return 'a time starts with a digit';
  if (dialect.bareSeconds && cursor.text[cursor.at] !== ':') return bareSeconds(cursor, first);
  let hours = 0;
  let minutes = Number(first);
  const hoursFirst = first.length !== 2 || minutes > 59;
  if (cursor.text[cursor.at] !== ':') return 'minutes and seconds are separated by ":"';
  cursor.at++;
  const second = digits(cursor);
  if (second.length !== 2) return 'seconds have two digits';
  let seconds = Number(second);
  if (hoursFirst || cursor.text[cursor.at] === ':') {
    if (cursor.text[cursor.at] !== ':') return 'minutes and seconds are separated by ":"';
    cursor.at++;
    const third = digits(cursor);
    if (third.length !== 2) return 'seconds have two digits';
    [hours, minutes, seconds] = [Number(first), Number(second), Number(third)];
  }
  const mark = cursor.text[cursor.at];
  if (mark !== '.' && !(dialect.comma && mark === ',')) return 'the fraction of a second follows a "."';
  cursor.at++;
  const fraction = digits(cursor);
  if (fraction.length !== 3 && !(dialect.comma && fraction.length >= 1 && fraction.length <= 3)) return 'the fraction has three digits';
  if (minutes > 59 || seconds > 59) return `${minutes > 59 ? 'minutes' : 'seconds'} go up to 59`;
  return hours * 3600 + minutes * 60 + seconds + Number(`0.${fraction}`);
}

function bareSeconds(cursor: Cursor, whole: string): number | string {
  if (cursor.text[cursor.at] !== '.') return Number(whole);
  cursor.at++;
  const fraction = digits(cursor);
  return fraction === '' ? 'a fraction of a second follows the "."' : Number(`${whole}.${fraction}`);
}

/** A WebVTT file as cues for the transcript: each cue's text parsed, voices kept as speakers. */
export function readWebVtt(text: string): Reading | undefined {
  const file = parseWebVtt(text);
  if (!file) return undefined;
  return {
    language: file.language,
    problems: file.problems,
    cues: file.cues.map((cue) => ({ start: cue.start, end: cue.end, pieces: withVoices(cuePieces(cue.text)), where: `line ${cue.line}` })),
  };
}

/**
 * Text outside any voice in a cue that has voices (`<v Ann>Hi.</v> <i>Bye.</i>`) is still said by someone: by the
 * voice before it, or the one after it when it comes first.
 */
function withVoices(pieces: Piece[]): Piece[] {
  if (!pieces.some((piece) => piece.speaker)) return pieces;
  const out: Piece[] = [];
  let pending = '';
  for (const piece of pieces) {
    const last = out.at(-1);
    if (!piece.speaker) {
      if (last) last.text += piece.text;
      else pending += piece.text;
    } else if (last?.speaker === piece.speaker) {
      last.text += piece.text;
    } else {
      out.push({ text: pending + piece.text, speaker: piece.speaker });
      pending = '';
    }
  }
  return out;
}
