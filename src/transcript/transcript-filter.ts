import type { VerboseJson } from './transcript.ts';

/** A Whisper segment with the scores it reports about itself. */
export type ScoredSegment = {
  start: number;
  end: number;
  text: string;
  no_speech_prob?: number;
  avg_logprob?: number;
  compression_ratio?: number;
};

export type Dropped = { silence: number; compressed: number; repeated: number };

/** The same line this many times in a row is Whisper looping, not a speaker repeating themselves. */
const REPEAT_RUN = 3;

/**
 * Drops what Whisper is known to invent: text over silence (likely no speech and low confidence), text that
 * compresses too well (a loop inside the segment), and runs of the same line. Words inside dropped segments go too,
 * so they can be neither found nor carried into the next piece's prompt.
 */
export function dropHallucinations(json: VerboseJson & { segments?: ScoredSegment[] }): { json: VerboseJson; dropped: Dropped } {
  const dropped: Dropped = { silence: 0, compressed: 0, repeated: 0 };
  const segments = json.segments ?? [];
  const keep: ScoredSegment[] = [];
  const removed: ScoredSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const reason = judge(segment, segments, i);
    if (reason) {
      dropped[reason]++;
      removed.push(segment);
    } else {
      keep.push(segment);
    }
  }
  const inRemoved = (time: number) => removed.some((segment) => time >= segment.start && time < segment.end);
  const words = json.words?.filter((word) => !inRemoved((word.start + word.end) / 2));
  return { json: { ...json, segments: keep, ...(words ? { words } : {}) }, dropped };
}

function judge(segment: ScoredSegment, all: ScoredSegment[], i: number): keyof Dropped | undefined {
  if ((segment.no_speech_prob ?? 0) > 0.6 && (segment.avg_logprob ?? 0) < -1) return 'silence';
  if ((segment.compression_ratio ?? 0) > 2.4) return 'compressed';
  // The first line of a run is kept: it may well have been said once.
  const text = normalise(segment.text);
  let run = 1;
  for (let j = i - 1; j >= 0 && normalise(all[j]!.text) === text; j--) run++;
  let after = 0;
  for (let j = i + 1; j < all.length && normalise(all[j]!.text) === text; j++) after++;
  return text && run > 1 && run + after >= REPEAT_RUN ? 'repeated' : undefined;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
