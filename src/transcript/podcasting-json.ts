// The Podcasting 2.0 JSON transcript format: {"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime",
// "body"}]}, often one word or phrase per segment.

import type { Problem } from './cues.ts';
import { describeJson, isObject, speakerOf, toSeconds } from './json-shapes.ts';
import { matchSpeaker } from './speakers.ts';
import type { Segment, Transcript, Word } from './transcript.ts';
import { bare, lastEnd, spreadWords } from './words.ts';

type Body = { start: number; end: number; body: string; speaker: string | undefined };

/** Longest pause inside one merged segment, and about the longest segment, in seconds. */
const MAX_GAP = 1.5;
const MAX_LENGTH = 30;

/**
 * Consecutive bodies are merged into sentence-like segments, breaking at sentence-ending punctuation, a change of
 * speaker, a pause over MAX_GAP or a length over MAX_LENGTH; a one-word body keeps its own time as a word. A body
 * that cannot be read is skipped with a problem.
 */
export function fromPodcastingJson(raw: unknown[], people: string[], problems: Problem[]): Transcript {
  const read: (Omit<Body, 'end'> & { end: number | null })[] = [];
  for (const [i, segment] of raw.entries()) {
    const start = isObject(segment) ? toSeconds(segment.startTime) : undefined;
    const endTime = isObject(segment) ? segment.endTime : undefined;
    let end = endTime === undefined || endTime === null ? null : toSeconds(endTime);
    const body = isObject(segment) ? segment.body : undefined;
    if (start === undefined || end === undefined || typeof body !== 'string') {
      problems.push({
        where: `segments[${i}]`,
        reason: `expected a startTime in seconds, an endTime if known, and a body, like {"startTime": 0.5, "endTime": 1.2, "body": "…"}; found ${describeJson(segment)}; it was skipped`,
      });
      continue;
    }
    if (end !== null && end < start) {
      problems.push({
        where: `segments[${i}]`,
        reason: `ends at ${end} s (endTime), before it starts at ${start} s; it was kept, ending where it starts`,
      });
      end = start;
    }
    const speaker = speakerOf((segment as Record<string, unknown>).speaker);
    read.push({ start, end, body: body.replace(/\s+/g, ' ').trim(), speaker: speaker && matchSpeaker(speaker, people) });
  }
  const kept = read.filter((body) => body.body !== '').sort((a, b) => a.start - b.start);
  // The format allows leaving endTime out; such a body then lasts until the next one starts.
  const sorted: Body[] = kept.map((body, i) => ({ ...body, end: body.end ?? Math.max(body.start, kept[i + 1]?.start ?? body.start) }));
  const segments: Segment[] = [];
  let group: Body[] = [];
  const close = () => {
    if (group.length) segments.push(mergeBodies(group));
    group = [];
  };
  for (const body of sorted) {
    const head = group[0];
    const tail = group.at(-1);
    if (head && tail && (body.speaker !== head.speaker || body.start - tail.end > MAX_GAP || body.end - head.start > MAX_LENGTH)) close();
    group.push(body);
    if (/[.!?…]["'”’)\]]*$/.test(body.body)) close();
  }
  close();
  return { duration: lastEnd(segments), language: undefined, segments };
}

function mergeBodies(group: Body[]): Segment {
  let text = '';
  const words: Word[] = [];
  // Some generators give every word of a phrase the phrase's times: such a run is spread over them as one phrase.
  for (let i = 0; i < group.length; ) {
    let j = i + 1;
    while (j < group.length && group[j]?.start === group[i]?.start && group[j]?.end === group[i]?.end) j++;
    const run = group.slice(i, j);
    const { start, end } = run[0] as Body;
    let phrase = '';
    for (const { body } of run) {
      // Punctuation given as its own body belongs to the word before it.
      const joined = !/^[,.;:!?…)\]}]/.test(body);
      text += text && joined ? ` ${body}` : body;
      phrase += phrase && joined ? ` ${body}` : body;
    }
    const single = /\s/.test(phrase) ? undefined : bare(phrase);
    if (single) words.push({ word: single, start, end });
    else for (const word of spreadWords(phrase, start, end)) words.push(word);
    i = j;
  }
  const speaker = group[0]?.speaker;
  return { start: group[0]?.start ?? 0, end: Math.max(...group.map((body) => body.end)), text, words, ...(speaker ? { speaker } : {}) };
}
