import type { Moment } from '../moments/moments.ts';
import type { Segment } from '../transcript/transcript.ts';
import { timeAtPackedOffset } from './word-times.ts';

/**
 * The transcript's own lines (its segments: cues of a VTT, turns of a speaker), kept on the moment documents they fall
 * in, so the exports and the episode page can give back exactly the lines that were indexed without a second copy of
 * the text: `[start, end, length]` or `[start, end, length, speaker]`, where `length` is how many characters of the
 * moment's own text (after its overlap) the line takes. Not searchable; read only by the export and episode routes.
 */
export type StoredCue = [number, number, number] | [number, number, number, string];

/** What the export and episode routes read of each moment document. */
export const CUE_FIELDS = ['start', 'end', 'text', 'overlap', 'cues'] as const;
export type CueSource = {
  start: number;
  end: number;
  text: string;
  overlap?: number;
  cues?: StoredCue[];
  /** Searched words in `text` (the episode page's `?q=`), as character offsets, in order. */
  marks?: Mark[];
  /** When each word is spoken (word-times.ts): where a long line is cut into sentences, they start at their words. */
  wordTimes?: string;
};

/** A stretch of text, `[from, to)` in characters: here, where a searched word is. */
export type Mark = [number, number];

/** One line of the transcript as the exports write it; `marks` (into `text`) only when a query was given. */
export type TranscriptLine = { start: number; end: number; text: string; speaker?: string; marks?: Mark[] };

/**
 * Splits the segments among the moments made of them (toMoments groups whole segments in order, joined by a space),
 * one list per moment.
 */
export function momentCues(segments: Segment[], moments: Moment[]): StoredCue[][] {
  let next = 0;
  return moments.map((moment) => {
    const own = moment.text.length - moment.overlap;
    const cues: StoredCue[] = [];
    let used = -1;
    while (next < segments.length && used < own) {
      const segment = segments[next++]!;
      used += 1 + segment.text.length;
      cues.push(
        segment.speaker
          ? [segment.start, segment.end, segment.text.length, segment.speaker]
          : [segment.start, segment.end, segment.text.length],
      );
    }
    return cues;
  });
}

/**
 * The transcript's lines back from its moment documents, in order. A moment written before cues were kept becomes one
 * line: the exports still work, with coarser cues. `sentences`: long lines are cut into their sentences (for reading
 * along on the page; the exports give back the cues as they were).
 */
export function linesOf(moments: CueSource[], { sentences = false }: { sentences?: boolean } = {}): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  for (const moment of [...moments].sort((a, b) => a.start - b.start)) {
    const overlap = moment.overlap ?? 0;
    const own = moment.text.slice(overlap);
    const push = (line: TranscriptLine, from: number) => {
      if (!sentences) return void lines.push(line);
      // Without word times (documents from before they were kept), a sentence's start is read off its place in the line.
      const timeAt = moment.wordTimes
        ? (offset: number) => timeAtPackedOffset(moment.start, moment.wordTimes, overlap + from + offset)
        : (offset: number) => line.start + ((line.end - line.start) * offset) / line.text.length;
      for (const sentence of sentenceLines(line, timeAt)) lines.push(sentence);
    };
    // Marks in the overlap belong to the moment before, which marks them in its own text.
    const marks = (from: number, length: number) => within(moment.marks, overlap + from, length);
    if (!moment.cues?.length) {
      const from = own.length - own.trimStart().length;
      const text = own.trim();
      if (text) push({ start: moment.start, end: moment.end, text, ...marks(from, text.length) }, from);
      continue;
    }
    let at = 0;
    for (const [start, end, length, speaker] of moment.cues) {
      const text = own.slice(at, at + length);
      if (text.trim()) push({ start, end, text, ...(speaker ? { speaker } : {}), ...marks(at, length) }, at);
      at += length + 1;
    }
  }
  return lines;
}

/** The marks that fall in `[from, from + length)`, cut to it and counted from `from`; none: no `marks` at all. */
function within(marks: Mark[] | undefined, from: number, length: number): { marks?: Mark[] } {
  const to = from + length;
  const inside = (marks ?? [])
    .filter(([a, b]) => a < to && b > from)
    .map(([a, b]): Mark => [Math.max(a, from) - from, Math.min(b, to) - from]);
  return inside.length ? { marks: inside } : {};
}

/**
 * A line longer than this many characters (about fifteen seconds of speech) is shown as its sentences. Captions are
 * short and stay as they are; a speaker's paragraph from an HTML transcript, or a long Whisper segment, is not a line
 * a listener can follow while it plays.
 */
export const LONG_LINE = 200;
/** A sentence shorter than this ("Exactly.", "Yes.") goes with the next one rather than stand alone. */
const SHORT_SENTENCE = 30;

/** After a sentence's end (closing quotes and brackets included), before the next word. */
const SENTENCE_END = /(?<=[.!?…]["”’)\]]*)\s+(?=\S)/gu;

/**
 * The line as sentences, each starting when its first word is spoken (`timeAt`, an offset into the line's text to
 * seconds), its marks carried along. A short line, or one with a single sentence, comes back as it is.
 */
export function sentenceLines(line: TranscriptLine, timeAt: (offset: number) => number): TranscriptLine[] {
  if (line.text.length <= LONG_LINE) return [line];
  const cuts = [0];
  for (const match of line.text.matchAll(SENTENCE_END)) {
    const next = match.index + match[0].length;
    if (next - (cuts.at(-1) ?? 0) >= SHORT_SENTENCE) cuts.push(next);
  }
  // A last sentence too short to stand alone joins the one before.
  if (cuts.length > 1 && line.text.length - (cuts.at(-1) ?? 0) < SHORT_SENTENCE) cuts.pop();
  if (cuts.length === 1) return [line];
  const lines: TranscriptLine[] = [];
  cuts.forEach((from, i) => {
    const to = cuts[i + 1] ?? line.text.length;
    const text = line.text.slice(from, to).trimEnd();
    // Times only go forward, and stay within the line: a word time out of order would put a sentence out of place.
    const before = lines.at(-1)?.start ?? line.start;
    const start = i === 0 ? line.start : Math.min(line.end, Math.max(before, timeAt(from)));
    const marks = (line.marks ?? [])
      .filter(([a, b]) => a < from + text.length && b > from)
      .map(([a, b]): Mark => [Math.max(a, from) - from, Math.min(b, from + text.length) - from]);
    lines.push({ start, end: line.end, text, ...(line.speaker ? { speaker: line.speaker } : {}), ...(marks.length ? { marks } : {}) });
  });
  // Each sentence ends where the next begins.
  for (let i = 0; i < lines.length - 1; i++) lines[i]!.end = lines[i + 1]!.start;
  return lines;
}
