import type { Segment, Transcript } from '../transcript/transcript.ts';
import { bare } from '../transcript/words.ts';

/**
 * A stretch of an episode, 20–40 s long and made of whole segments, that search results point into. `wordOffsets[i]`
 * is where word i starts in `text` (in UTF-16 code units, as JavaScript strings count) and `wordStarts[i]` when it is
 * spoken, so a match found in the text maps back to the second it is said.
 */
export type Moment = {
  index: number;
  start: number;
  end: number;
  text: string;
  /**
   * How many characters at the start of `text` are the end of the moment before, repeated. Searching them too finds a
   * phrase the cut fell inside, and keeps a moment from ranking higher just because a word happens to open it
   * (Meilisearch's exactness rule rewards text that starts with the query). Pages show `text.slice(overlap)`.
   */
  overlap: number;
  wordOffsets: number[];
  wordStarts: number[];
  /** Who speaks in the moment's own segments (not its overlap), in order of first appearance; empty when unknown. */
  speakers: string[];
  /**
   * Where in `text` each speaker's turn begins (`start` in seconds); a `null` speaker is a stretch nobody is named
   * for. Empty when the transcript names no one. The speaker at a text offset is that of the last turn before it.
   */
  turns: Turn[];
};

export type Turn = { offset: number; start: number; speaker: string | null };

export type ChunkOptions = {
  /** A moment never grows past this by taking in another segment (a single longer segment stays whole). @default 40 */
  maxSeconds?: number;
  /** A moment closes at a segment boundary once it reaches this length, even if the next one would fit. @default 30 */
  targetSeconds?: number;
};

/** Bumped whenever the way moments are cut changes, so indexes built the old way can be told apart. */
export const CHUNKING_VERSION = 2;

/** Words of the previous moment repeated at the start of the next. */
const OVERLAP_WORDS = 6;

export function toMoments(transcript: Transcript, options: ChunkOptions = {}): Moment[] {
  const { maxSeconds = 40, targetSeconds = 30 } = options;
  const groups: Segment[][] = [];
  let current: Segment[] = [];
  for (const segment of transcript.segments) {
    const start = current[0]?.start;
    if (start !== undefined) {
      const length = (current.at(-1)?.end ?? start) - start;
      const wouldBe = segment.end - start;
      // Past the target, close at the boundary; below it, close only rather than run past the maximum.
      if (length >= targetSeconds || wouldBe > maxSeconds) {
        groups.push(current);
        current = [];
      }
    }
    current.push(segment);
  }
  if (current.length) groups.push(current);
  const moments = groups.map((group, index) => toMoment(group, index));
  return moments.map((moment, index) => withOverlap(moment, moments[index - 1]));
}

function withOverlap(moment: Moment, previous: Moment | undefined): Moment {
  const from = previous ? previous.wordOffsets.length - OVERLAP_WORDS : -1;
  if (!previous || from < 0) return moment;
  const start = previous.wordOffsets[from] ?? 0;
  const lead = `${previous.text.slice(start)} `;
  // The repeated words keep their speakers: the turn they fall in, and any that begins inside them.
  const turns: Turn[] = [];
  const leadSpeaker = speakerAt(previous.turns, start);
  if (leadSpeaker !== undefined) turns.push({ offset: 0, start: previous.wordStarts[from] ?? previous.start, speaker: leadSpeaker });
  for (const turn of previous.turns) if (turn.offset > start) turns.push({ ...turn, offset: turn.offset - start });
  for (const turn of moment.turns) {
    if (turn.offset === 0 && turns.at(-1)?.speaker === turn.speaker) continue;
    turns.push({ ...turn, offset: turn.offset + lead.length });
  }
  return {
    ...moment,
    text: lead + moment.text,
    overlap: lead.length,
    wordOffsets: [
      ...previous.wordOffsets.slice(from).map((offset) => offset - start),
      ...moment.wordOffsets.map((offset) => offset + lead.length),
    ],
    wordStarts: [...previous.wordStarts.slice(from), ...moment.wordStarts],
    turns,
  };
}

/** Who is speaking at `offset` of a moment's text: undefined when the transcript names no one there. */
export function speakerAt(turns: Turn[], offset: number): string | null | undefined {
  let speaker: string | null | undefined;
  for (const turn of turns) if (turn.offset <= offset) speaker = turn.speaker;
  return speaker;
}

function toMoment(segments: Segment[], index: number): Moment {
  let text = '';
  const wordOffsets: number[] = [];
  const wordStarts: number[] = [];
  const named = segments.some((segment) => segment.speaker);
  const turns: Turn[] = [];
  for (const segment of segments) {
    if (text) text += ' ';
    const base = text.length;
    const speaker = segment.speaker ?? null;
    if (named && (turns.length === 0 || turns.at(-1)?.speaker !== speaker)) turns.push({ offset: base, start: segment.start, speaker });
    text += segment.text;
    alignWords(segment, base, wordOffsets, wordStarts);
  }
  const first = segments[0];
  const last = segments.at(-1);
  const speakers = [...new Set(segments.flatMap((segment) => segment.speaker ?? []))];
  return { index, start: first?.start ?? 0, end: last?.end ?? 0, text, overlap: 0, wordOffsets, wordStarts, speakers, turns };
}

/**
 * Finds each timed word in the segment's punctuated text, appending where it starts (`base` + its offset) and when it is
 * spoken. Whisper's word list drops punctuation and may spell a word slightly differently; a word that is not found is
 * skipped, and a match falling between two known words takes the earlier one's time, which errs on the side of
 * starting the player a little early.
 */
function alignWords(segment: Segment, base: number, offsets: number[], starts: number[]): void {
  const lower = segment.text.toLowerCase();
  const first = offsets.length;
  let cursor = 0;
  for (const word of segment.words) {
    const needle = bare(word.word.toLowerCase());
    if (!needle) continue;
    const at = lower.indexOf(needle, cursor);
    // Looking too far ahead would pair a word with a later repeat of it and skip real words in between.
    if (at === -1 || at - cursor > 40 + needle.length) continue;
    offsets.push(base + at);
    starts.push(word.start);
    cursor = at + needle.length;
  }
  if (offsets.length === first || (offsets[first] ?? 0) > base) {
    offsets.splice(first, 0, base);
    starts.splice(first, 0, segment.start);
  }
}
