import { htmlToText } from '../episode/html-text.ts';
import { EpisodeError } from '../errors.ts';
import type { Segment, Transcript, Word } from './transcript.ts';
import { importTranscriptOfType } from './transcript-import.ts';

/**
 * Any transcript a feed links: WebVTT, SubRip and JSON through importTranscriptOfType; `text/html` and `text/plain`
 * (the two poorest kinds, which many hosts publish) read here. A text/plain file that is plainly VTT or SRT is read as
 * that: servers label those text/plain often.
 */
export function importAnyTranscript(
  file: string,
  text: string,
  contentType?: string,
  durationSeconds?: number,
  /** The reader of timed formats (VTT, SRT, JSON). */
  timed: (file: string, text: string, contentType?: string) => Transcript = importTranscriptOfType,
): Transcript {
  const media = contentType?.split(';')[0]?.trim().toLowerCase();
  const extension = /\.([a-z]+)$/i.exec(file.replace(/[?#].*$/, ''))?.[1]?.toLowerCase();
  const body = text.replace(/^\uFEFF/, '');
  const html = media === 'text/html' || media === 'application/xhtml+xml' || (!media && (extension === 'html' || extension === 'htm'));
  const plain = media === 'text/plain' || (!media && extension === 'txt');
  const looksTimed = /^WEBVTT|^\s*[{[]|^\s*\d+[ \t]*\r?\n[ \t]*[\d:.,]+[ \t]*-->/.test(body);
  if (html && !looksTimed)
    return readTextTranscript(file, htmlToText(body.replace(/<\/(?:cite|time|span|strong|b)>/gi, '$&\n')).text, durationSeconds);
  if (plain && !looksTimed && extension !== 'vtt' && extension !== 'srt' && extension !== 'json')
    return readTextTranscript(file, body, durationSeconds);
  return timed(file, text, contentType);
}

/** `00:01:23`, `1:23`, `[00:01:23]`, `(1:23:45.5)` alone or at the start of a line. */
const TIME = /^[[(]?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?(?:\s+|$)/;
/** `Ann:`, `Speaker 1:`, `Dr. Ann Lee:` at the start of a line, with or without a time after the name. */
const SPEAKER = /^([\p{Lu}][\p{L}\p{N} .'’-]{0,38}?)\s*(?:[[(]((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])])?\s*:\s*/u;

/** Speaking rate assumed for a transcript with no times at all: the episode's text is laid out at this pace. */
const WORDS_PER_SECOND = 2.5;

/**
 * Text transcripts as hosts write them: turns marked by a speaker's name (`Ann:`) and times (`00:01:23`, on their own
 * line or before the name). Each time starts a segment that lasts until the next; without any time, the text is
 * spread over the episode's duration (or a typical speaking rate), so it is searchable even if its links land roughly.
 */
export function readTextTranscript(file: string, text: string, durationSeconds?: number): Transcript {
  type Turn = { start: number | undefined; speaker: string | undefined; text: string[] };
  const turns: Turn[] = [];
  let speaker: string | undefined;
  let pendingTime: number | undefined;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = raw.trim();
    if (!line) continue;
    let time = TIME.exec(line);
    if (time) {
      pendingTime = seconds(time[1]!);
      line = line.slice(time[0].length).trim();
    }
    const named = SPEAKER.exec(line) ?? undefined;
    if (named) {
      speaker = named[1]!.trim();
      if (named[2]) pendingTime = seconds(named[2]);
      line = line.slice(named[0].length).trim();
      time = TIME.exec(line);
      if (time) (pendingTime = seconds(time[1]!)), (line = line.slice(time[0].length).trim());
    }
    if (!line) continue;
    const last = turns.at(-1);
    // A line under a timed turn continues it; in a transcript without times each paragraph is its own line.
    if (last && pendingTime === undefined && !named && last.start !== undefined) last.text.push(line);
    else turns.push({ start: pendingTime, speaker, text: [line] });
    pendingTime = undefined;
  }
  if (turns.length === 0) throw new EpisodeError(file, 'the transcript has no text');
  const timed = turns.some((turn) => turn.start !== undefined);
  const words = turns.map((turn) => turn.text.join(' ').split(/\s+/).length);
  const totalWords = words.reduce((a, b) => a + b, 0);
  const length = durationSeconds && durationSeconds > 0 ? durationSeconds : totalWords / WORDS_PER_SECOND;
  let done = 0;
  const starts = turns.map((turn, i) => {
    const estimate = (length * done) / totalWords;
    done += words[i]!;
    return timed ? turn.start : estimate;
  });
  // A turn without its own time (between two timed ones) starts where the one before it does.
  for (let i = 0; i < starts.length; i++) starts[i] ??= starts[i - 1] ?? 0;
  const segments: Segment[] = turns.map((turn, i) => {
    const start = starts[i]!;
    const next = starts.slice(i + 1).find((value) => value! > start);
    const end = next ?? Math.max(start + words[i]! / WORDS_PER_SECOND, durationSeconds ?? 0);
    const body = turn.text.join(' ').replace(/\s+/g, ' ').trim();
    return { start, end: round(end), text: body, words: spread(body, start, end), ...(turn.speaker ? { speaker: turn.speaker } : {}) };
  });
  segments.sort((a, b) => a.start - b.start);
  return { duration: Math.max(durationSeconds ?? 0, segments.at(-1)?.end ?? 0), language: undefined, segments };
}

function seconds(time: string): number {
  return time
    .replace(',', '.')
    .split(':')
    .reduce((sum, part) => sum * 60 + Number(part), 0);
}

function spread(text: string, start: number, end: number): Word[] {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  const total = words.reduce((sum, word) => sum + word.length, 0);
  let done = 0;
  return words.map((word) => {
    const from = start + ((end - start) * done) / total;
    done += word.length;
    return { word, start: round(from), end: round(start + ((end - start) * done) / total) };
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
