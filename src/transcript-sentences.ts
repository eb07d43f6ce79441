import type { Mark, TranscriptLine } from './transcript-lines.ts';

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
    const marks = (line.marks ?? []).filter(([a, b]) => a < from + text.length && b > from).map(([a, b]): Mark => [Math.max(a, from) - from, Math.min(b, from + text.length) - from]);
    lines.push({ start, end: line.end, text, ...(line.speaker ? { speaker: line.speaker } : {}), ...(marks.length ? { marks } : {}) });
  });
  // Each sentence ends where the next begins.
  for (let i = 0; i < lines.length - 1; i++) lines[i]!.end = lines[i + 1]!.start;
  return lines;
}
