import type { Cue, Problem } from './cues.ts';
import { matchSpeaker } from './speakers.ts';
import type { Segment, Transcript } from './transcript.ts';
import { applyTurns } from './turns.ts';
import { lastEnd, roundTime, spreadWords, squashSpaces } from './words.ts';

/**
 * Cues of a caption format as segments: `Name:` turns applied, speakers matched to the episode's people, a cue with
 * two voices split into two segments (its time shared by their length), words spread over each. A cue that ends
 * before it starts (browsers keep such cues too) is kept, ending where it starts, with a problem saying so.
 */
export function cuesToTranscript(cues: Cue[], language: string | undefined, people: string[], problems: Problem[]): Transcript {
  const turned = applyTurns(
    cues.map((cue) => cue.pieces),
    people,
  );
  const segments: Segment[] = [];
  // Matched once per name as written: voice-tagged cues repeat a few names hundreds of times.
  const matched = new Map<string, string>();
  const speakerOf = (name: string) => matched.get(name) ?? matched.set(name, matchSpeaker(name, people)).get(name)!;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    let end = cue.end;
    if (end < cue.start) {
      problems.push({
        where: cue.where,
        reason: `the cue ends at ${clock(end)}, before it starts at ${clock(cue.start)}; it was kept, ending where it starts`,
      });
      end = cue.start;
    }
    const pieces: { text: string; speaker?: string }[] = [];
    let total = 0;
    for (const piece of turned[i] ?? []) {
      const text = squashSpaces(piece.text);
      if (text === '') continue;
      pieces.push(piece.speaker ? { text, speaker: piece.speaker } : { text });
      total += text.length;
    }
    let done = 0;
    for (const piece of pieces) {
      const from = done === 0 ? cue.start : roundTime(cue.start + ((end - cue.start) * done) / total);
      done += piece.text.length;
      const to = done === total ? end : roundTime(cue.start + ((end - cue.start) * done) / total);
      const segment: Segment = { start: from, end: to, text: piece.text, words: spreadWords(piece.text, from, to) };
      const speaker = piece.speaker ? speakerOf(piece.speaker) : undefined;
      if (speaker) segment.speaker = speaker;
      segments.push(segment);
    }
  }
  // Stable: cues that start together stay in file order.
  segments.sort((a, b) => a.start - b.start);
  return { duration: lastEnd(segments), language, segments };
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = (seconds % 60).toFixed(3).padStart(6, '0');
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s}`;
}
