import type { Moment } from './moments.ts';
import type { Segment } from '../transcript/transcript.ts';

/**
 * The transcript's own lines (its segments: cues of a VTT, turns of a speaker), kept on the moment documents they fall
 * in, so the exports and the episode page can give back exactly the lines that were indexed without a second copy of
 * the text: `[start, end, length]` or `[start, end, length, speaker]`, where `length` is how many characters of the
 * moment's own text (after its overlap) the line takes. Not searchable; read only by the export and episode routes.
 */
export type StoredCue = [number, number, number] | [number, number, number, string];

/** What the export and episode routes read of each moment document. */
export const CUE_FIELDS = ['start', 'end', 'text', 'overlap', 'cues'] as const;
export type CueSource = { start: number; end: number; text: string; overlap?: number; cues?: StoredCue[] };

/** One line of the transcript as the exports write it. */
export type TranscriptLine = { start: number; end: number; text: string; speaker?: string };

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
      cues.push(segment.speaker ? [segment.start, segment.end, segment.text.length, segment.speaker] : [segment.start, segment.end, segment.text.length]);
    }
    return cues;
  });
}

/**
 * The transcript's lines back from its moment documents, in order. A moment written before cues were kept becomes one
 * line: the exports still work, with coarser cues.
 */
export function linesOf(moments: CueSource[]): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  for (const moment of [...moments].sort((a, b) => a.start - b.start)) {
    const own = moment.text.slice(moment.overlap ?? 0);
    if (!moment.cues?.length) {
      if (own.trim()) lines.push({ start: moment.start, end: moment.end, text: own.trim() });
      continue;
    }
    let at = 0;
    for (const [start, end, length, speaker] of moment.cues) {
      const text = own.slice(at, at + length);
      at += length + 1;
      if (text.trim()) lines.push({ start, end, text, ...(speaker ? { speaker } : {}) });
    }
  }
  return lines;
}
