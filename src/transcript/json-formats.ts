// JSON transcripts: Whisper's verbose_json (the API, the openai-whisper CLI, faster-whisper, WhisperX with speakers),
// whisper.cpp's `-oj` output, the Podcasting 2.0 format, and plain lists of cues such as [{"start", "end", "text"}].

import type { Problem } from './cues.ts';
import { describeJson, isObject, isTime, type Json, speakerOf, toSeconds } from './json-shapes.ts';
import { fromPodcastingJson } from './podcasting-json.ts';
import { matchSpeaker } from './speakers.ts';
import { fromVerboseJson, type Transcript, type VerboseJson, type Word } from './transcript.ts';
import { lastEnd, spreadWords } from './words.ts';

export const JSON_SHAPES =
  'either Whisper verbose_json like {"segments": [{"start": 0.0, "end": 4.2, "text": "…"}]} or a Podcasting 2.0 JSON ' +
  'transcript like {"version": "1.0.0", "segments": [{"speaker": "…", "startTime": 0.5, "endTime": 1.2, "body": "…"}]}, ' +
  'or a list of cues, each like {"start": 0.0, "end": 4.2, "text": "…"}';

/** A thrown message is the whole file's problem (nothing could be read); problems are what was skipped. */
export function readJson(text: string, people: string[], problems: Problem[]): Transcript {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new JsonShapeError(`the JSON does not parse (${reason}); expected ${JSON_SHAPES}`, { cause: error });
  }
  if (isObject(json) && Array.isArray(json.transcription)) return fromWhisperCpp(json.transcription, people, problems);
  const list = Array.isArray(json) ? json : isObject(json) && Array.isArray(json.segments) ? (json.segments as unknown[]) : undefined;
  if (!list) throw new JsonShapeError(`expected ${JSON_SHAPES}; found ${describeJson(json)}`);
  const first = list.find(isObject);
  if (first && ('startTime' in first || 'body' in first)) return fromPodcastingJson(list, people, problems);
  if (first && ('start' in first || 'text' in first || 'startMs' in first)) {
    return fromWhisperJson(isObject(json) ? json : {}, list, Array.isArray(json), people, problems);
  }
  if (list.length === 0) return { duration: 0, language: undefined, segments: [] };
  throw new JsonShapeError(`${Array.isArray(json) ? '[0]' : 'segments[0]'}: expected ${JSON_SHAPES}; found ${describeJson(list[0])}`);
}

export class JsonShapeError extends Error {
  override name = 'JsonShapeError';
}

/**
 * Times of a list of cues are seconds, unless the keys say milliseconds (`startMs`, `start_ms`) or every time is a
 * whole number and the typical cue would last 100 "seconds" or more: caption cues last seconds, so such numbers are
 * milliseconds. Whisper's own `segments` are always seconds.
 */
function millisecondsIn(list: unknown[]): boolean {
  const cues = list.filter(isObject);
  if (cues.some((cue) => 'startMs' in cue || 'start_ms' in cue)) return true;
  const times = cues.flatMap((cue) => [cue.start, cue.end]).filter((value) => typeof value === 'number') as number[];
  if (times.length === 0 || !times.every(Number.isInteger)) return false;
  const lengths = cues
    .map((cue) => Number(cue.end) - Number(cue.start))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  return (lengths[Math.floor(lengths.length / 2)] ?? 0) >= 100;
}

function fromWhisperJson(json: Json, raw: unknown[], isList: boolean, people: string[], problems: Problem[]): Transcript {
  const scale = isList && millisecondsIn(raw) ? 1000 : 1;
  const words: Word[] = readWords(json.words, 1);
  const segments: NonNullable<VerboseJson['segments']> = [];
  for (const [i, segment] of raw.entries()) {
    const where = isList ? `[${i}]` : `segments[${i}]`;
    const item = isObject(segment) ? segment : {};
    const start = toSeconds(item.start ?? item.startMs ?? item.start_ms);
    let end = toSeconds(item.end ?? item.endMs ?? item.end_ms);
    const text = item.text;
    if (start === undefined || end === undefined || typeof text !== 'string') {
      problems.push({
        where,
        reason: `expected a start and an end in seconds and a text, like {"start": 0.0, "end": 4.2, "text": "…"}; found ${describeJson(segment)}; it was skipped`,
      });
      continue;
    }
    if (end < start) {
      problems.push({
        where,
        reason: `ends at ${end / scale} s, before it starts at ${start / scale} s; it was kept, ending where it starts`,
      });
      end = start;
    }
    const speaker = speakerOf(item.speaker);
    segments.push({ start: start / scale, end: end / scale, text, ...(speaker ? { speaker: matchSpeaker(speaker, people) } : {}) });
    // openai-whisper, faster-whisper and WhisperX keep each segment's words inside it; the API puts them beside.
    for (const word of readWords(item.words, scale)) words.push(word);
  }
  segments.sort((a, b) => a.start - b.start);
  words.sort((a, b) => a.start - b.start);
  const verbose: VerboseJson = { segments, words };
  if (typeof json.language === 'string') verbose.language = json.language;
  const transcript = fromVerboseJson(verbose);
  for (const segment of transcript.segments) {
    if (segment.words.length === 0) segment.words = spreadWords(segment.text, segment.start, segment.end);
  }
  const duration = isTime(json.duration) ? json.duration : 0;
  return { ...transcript, duration: Math.max(duration, lastEnd(transcript.segments)) };
}

/** Words are an extra: one without times (WhisperX leaves numbers unaligned) is skipped, not a problem. */
function readWords(value: unknown, scale: number): Word[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((word: unknown) =>
    isObject(word) && typeof word.word === 'string' && isTime(word.start) && isTime(word.end)
      ? [{ word: word.word, start: word.start / scale, end: word.end / scale }]
      : [],
  );
}

/** whisper.cpp: {"transcription": [{"offsets": {"from": 0, "to": 5000}, "text": "…"}]}, offsets in milliseconds. */
function fromWhisperCpp(raw: unknown[], people: string[], problems: Problem[]): Transcript {
  const list = raw.map((item, i) => {
    const offsets = isObject(item) && isObject(item.offsets) ? item.offsets : {};
    const ok = isTime(offsets.from) && isTime(offsets.to) && isObject(item) && typeof item.text === 'string';
    if (!ok)
      problems.push({
        where: `transcription[${i}]`,
        reason: `expected {"offsets": {"from": 0, "to": 5000}, "text": "…"}; found ${describeJson(item)}; it was skipped`,
      });
    return ok ? [{ start_ms: offsets.from, end_ms: offsets.to, text: (item as Json).text, speaker: (item as Json).speaker }] : [];
  });
  return fromWhisperJson({}, list.flat(), true, people, problems);
}
