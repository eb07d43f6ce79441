// Transcripts that podcasts publish themselves (WebVTT, SubRip, Whisper's verbose_json, the Podcasting 2.0 JSON
// format), turned into the same Transcript a Whisper API call gives, so nothing downstream knows the difference.
import { EpisodeError } from './errors.ts';
import { fromVerboseJson, type Segment, type Transcript, type VerboseJson, type Word } from './transcript.ts';

type Format = 'vtt' | 'srt' | 'json';

const FORMAT_NAMES: Record<Format, string> = { vtt: 'WebVTT', srt: 'SubRip', json: 'JSON' };

const BY_EXTENSION: Record<string, Format> = { vtt: 'vtt', webvtt: 'vtt', srt: 'srt', json: 'json' };

const BY_CONTENT_TYPE: Record<string, Format> = {
  'text/vtt': 'vtt',
  'application/x-subrip': 'srt',
  'application/srt': 'srt',
  'application/x-srt': 'srt',
  'text/srt': 'srt',
  'text/x-srt': 'srt',
  'application/json': 'json',
  'text/json': 'json',
};

const EXPECTED_FILE = 'a transcript in WebVTT (.vtt), SubRip (.srt) or JSON (.json)';
const VTT_TIMING = '"00:01:02.500 --> 00:01:05.000"';
const SRT_TIMING = '"00:01:02,500 --> 00:01:05,000"';
const JSON_SHAPES =
  'either Whisper verbose_json like {"segments": [{"start": 0.0, "end": 4.2, "text": "…"}]} or a Podcasting 2.0 JSON ' +
  'transcript like {"version": "1.0.0", "segments": [{"speaker": "…", "startTime": 0.5, "endTime": 1.2, "body": "…"}]}';

/**
 * Reads a transcript file, choosing the format by the file's extension (`.vtt`, `.srt`, `.json`) or, without one, by
 * its content. Never touches the disk: `fileName` (a path or a URL) only picks the format and names the errors.
 * Throws EpisodeError naming the file, and the line where it helps, when the text cannot be used.
 */
export function importTranscript(fileName: string, text: string): Transcript {
  return importAs(fileName, text, formatOfName(fileName), undefined);
}

/**
 * Like importTranscript, for a download: a specific `Content-Type` (`text/vtt`, `application/x-subrip`,
 * `application/srt`, `application/json`) decides the format; a generic one (`text/plain`,
 * `application/octet-stream`) leaves it to the URL's extension and the content.
 */
export function importTranscriptOfType(fileName: string, text: string, contentType?: string): Transcript {
  const media = contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
  const declared = media ? (BY_CONTENT_TYPE[media] ?? (media.endsWith('+json') ? 'json' : undefined)) : undefined;
  return importAs(fileName, text, declared ?? formatOfName(fileName), media);
}

function importAs(fileName: string, raw: string, declared: Format | undefined, media: string | undefined): Transcript {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const sniffed = sniff(text);
  const format = declared ?? sniffed;
  if (!format) {
    const said = media ? ` (it was served as ${media})` : '';
    throw new EpisodeError(fileName, `expected ${EXPECTED_FILE}${said}, found ${quote(text.trimStart().split('\n')[0] ?? '')}`);
  }
  try {
    return parse(fileName, text, format);
  } catch (error) {
    // Servers and file names mislabel transcripts; text that plainly is another format is read as that format.
    if (error instanceof EpisodeError && sniffed && sniffed !== format) {
      try {
        return parse(fileName, text, sniffed);
      } catch {
        // The declared format's error is the one to show.
      }
    }
    throw error;
  }
}

function parse(file: string, text: string, format: Format): Transcript {
  const transcript = format === 'vtt' ? parseVtt(file, text) : format === 'srt' ? parseSrt(file, text) : parseJson(file, text);
  if (transcript.segments.length === 0) {
    throw new EpisodeError(file, `the ${FORMAT_NAMES[format]} transcript is empty: it has no cue or segment with any text`);
  }
  return transcript;
}

function formatOfName(fileName: string): Format | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName.replace(/[?#].*$/, ''))?.[1]?.toLowerCase();
  return extension ? BY_EXTENSION[extension] : undefined;
}

/** Only unmistakable signs: the WebVTT header, a JSON object, or a SubRip cue number followed by its timing. */
function sniff(text: string): Format | undefined {
  if (/^WEBVTT(?:[ \t\n]|$)/.test(text)) return 'vtt';
  if (/^\s*[{[]/.test(text)) return 'json';
  if (/^\s*\d+[ \t]*\n[ \t]*[\d:.,]+[ \t]*-->/.test(text)) return 'srt';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// WebVTT and SubRip: blocks separated by blank lines, each an optional cue id, a timing line and lines of text.

type Line = { number: number; text: string };
type Cue = { start: number; end: number; text: string };

function parseVtt(file: string, text: string): Transcript {
  const lines = text.split('\n');
  if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0] ?? '')) {
    throw atLine(file, 1, `expected the header "WEBVTT" on the first line, found ${quote(lines[0] ?? '')}`);
  }
  const [header = [], ...rest] = blocks(lines);
  // A timing line right under the header (no blank line between) still starts the first cue, as in browsers.
  const firstTiming = header.findIndex((line) => line.text.includes('-->'));
  if (firstTiming !== -1) rest.unshift(header.splice(firstTiming));
  const language = header.map((line) => /^Language:[ \t]*(\S+)/i.exec(line.text)?.[1]).find(Boolean);
  const cues: Cue[] = [];
  for (const block of rest) {
    // Comments, style sheets and region definitions carry no speech.
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]?.text ?? '')) continue;
    cues.push(...readCues(file, block, VTT_TIMING));
  }
  return toTranscript(cues, language);
}

function parseSrt(file: string, text: string): Transcript {
  return toTranscript(blocks(text.split('\n')).flatMap((block) => readCues(file, block, SRT_TIMING)), undefined);
}

function blocks(lines: string[]): Line[][] {
  const result: Line[][] = [];
  let current: Line[] = [];
  for (const [index, text] of lines.entries()) {
    if (text.trim() === '') {
      if (current.length) result.push(current);
      current = [];
    } else {
      current.push({ number: index + 1, text });
    }
  }
  if (current.length) result.push(current);
  return result;
}

/** One block is normally one cue; a timing line inside a cue's text starts the next one (a blank line was left out). */
function readCues(file: string, block: Line[], example: string): Cue[] {
  const cues: Cue[] = [];
  let i = 0;
  while (i < block.length) {
    const timingAt = timingIndex(block, i);
    const timing = timingAt === undefined ? undefined : block[timingAt];
    if (!timing) {
      const line = block[i] as Line;
      throw atLine(file, line.number, `expected a cue timing like ${example}, found ${quote(line.text)}`);
    }
    const { start, end } = readTiming(file, timing, example);
    let j = (timingAt ?? i) + 1;
    const text: string[] = [];
    for (; j < block.length && !(block[j]?.text ?? '').includes('-->'); j++) text.push(block[j]?.text ?? '');
    // A number just above the next timing line is that cue's number, not this cue's text.
    if (j < block.length && /^\s*\d+\s*$/.test(text.at(-1) ?? '')) {
      text.pop();
      j--;
    }
    cues.push({ start, end, text: cueText(text.join('\n')) });
    i = j;
  }
  return cues;
}

/** Where the timing line of the cue starting at `i` is: there, or under a cue id; undefined when there is none. */
function timingIndex(block: Line[], i: number): number | undefined {
  const line = block[i]?.text ?? '';
  const next = block[i + 1]?.text;
  if (line.includes('-->')) return i;
  if (next?.includes('-->')) return i + 1;
  // A line that starts like a time is a broken timing line, not a cue id: say so about that line.
  if (/^\s*\d+:\d/.test(line)) return i;
  return next === undefined ? undefined : i + 1;
}

function readTiming(file: string, line: Line, example: string): { start: number; end: number } {
  const parts = /^\s*([\d:.,]+)[ \t]*-->[ \t]*([\d:.,]+)(?:[ \t].*)?$/.exec(line.text);
  const start = parts && readTimestamp(parts[1] ?? '');
  const end = parts && readTimestamp(parts[2] ?? '');
  if (start === null || end === null || start === undefined || end === undefined) {
    throw atLine(file, line.number, `expected a cue timing like ${example}, found ${quote(line.text)}`);
  }
  if (end < start) {
    throw atLine(file, line.number, `the cue ends at ${parts?.[2]}, before it starts at ${parts?.[1]}`);
  }
  return { start, end };
}

/** `01:02:03.500`, `02:03.500`, with `,` as SubRip writes it; the fraction may be left out. */
function readTimestamp(text: string): number | undefined {
  const parts = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(text);
  if (!parts) return undefined;
  const minutes = Number(parts[2]);
  const seconds = Number(parts[3]);
  if (minutes > 59 || seconds > 59) return undefined;
  return Number(parts[1] ?? 0) * 3600 + minutes * 60 + seconds + Number(`0.${parts[4] ?? 0}`);
}

/** Drops markup (`<v Ann>`, `<i>`, `<c.yellow>`, `<00:01:02.500>`, SubRip's `{\an8}`) and decodes entities. */
function cueText(text: string): string {
  return decodeEntities(text.replace(/<\/?(?:[a-z][^<>]*|\d[\d:.]*)>/gi, '').replace(/\{\\[^}]*\}/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function toTranscript(cues: Cue[], language: string | undefined): Transcript {
  const segments = cues
    .filter((cue) => cue.text !== '')
    .sort((a, b) => a.start - b.start)
    .map((cue) => ({ ...cue, words: spreadWords(cue.text, cue.start, cue.end) }));
  return { duration: lastEnd(segments), language, segments };
}

// ---------------------------------------------------------------------------------------------------------------
// JSON: Whisper's verbose_json, or the Podcasting 2.0 transcript format.

type Json = Record<string, unknown>;

function parseJson(file: string, text: string): Transcript {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EpisodeError(file, `the JSON does not parse (${reason}); expected ${JSON_SHAPES}`, { cause: error });
  }
  const segments = isObject(json) && Array.isArray(json.segments) ? (json.segments as unknown[]) : undefined;
  if (!segments) throw new EpisodeError(file, `expected ${JSON_SHAPES}; found ${describeJson(json)}`);
  const first = segments.find(isObject);
  if (first && ('startTime' in first || 'body' in first)) return fromPodcastingJson(file, segments);
  if (first && ('start' in first || 'text' in first)) return fromWhisperJson(file, json as Json, segments);
  if (segments.length === 0) return { duration: 0, language: undefined, segments: [] };
  throw new EpisodeError(file, `segments[0]: expected ${JSON_SHAPES}; found ${describeJson(segments[0])}`);
}

function fromWhisperJson(file: string, json: Json, raw: unknown[]): Transcript {
  const words: Word[] = readWords(json.words);
  const segments = raw.map((segment, i) => {
    const start = isObject(segment) ? segment.start : undefined;
    const end = isObject(segment) ? segment.end : undefined;
    const text = isObject(segment) ? segment.text : undefined;
    if (!isTime(start) || !isTime(end) || typeof text !== 'string') {
      throw new EpisodeError(file, `segments[${i}]: expected a start and an end in seconds and a text, like {"start": 0.0, "end": 4.2, "text": "…"}; found ${describeJson(segment)}`);
    }
    if (end < start) throw new EpisodeError(file, `segments[${i}]: ends at ${end} s, before it starts at ${start} s`);
    // openai-whisper, faster-whisper and WhisperX keep each segment's words inside it; the API puts them beside.
    words.push(...readWords((segment as Json).words));
    return { start, end, text };
  });
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

/** Words are an extra: one without times (WhisperX leaves numbers unaligned) is skipped, not an error. */
function readWords(value: unknown): Word[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((word: unknown) =>
    isObject(word) && typeof word.word === 'string' && isTime(word.start) && isTime(word.end)
      ? [{ word: word.word, start: word.start, end: word.end }]
      : [],
  );
}

type Body = { start: number; end: number; body: string; speaker: string | undefined };

/** Longest pause inside one merged segment, and about the longest segment, in seconds. */
const MAX_GAP = 1.5;
const MAX_LENGTH = 30;

/**
 * Podcasting 2.0 transcripts often give one word or phrase per segment. Consecutive bodies are merged into
 * sentence-like segments, breaking at sentence-ending punctuation, a change of speaker, a pause over MAX_GAP or a length
 * over MAX_LENGTH; a one-word body keeps its own time as a word.
 */
function fromPodcastingJson(file: string, raw: unknown[]): Transcript {
  const read = raw.map((segment, i) => {
    const start = isObject(segment) ? toSeconds(segment.startTime) : undefined;
    const endTime = isObject(segment) ? segment.endTime : undefined;
    const end = endTime === undefined || endTime === null ? null : toSeconds(endTime);
    const body = isObject(segment) ? segment.body : undefined;
    const speaker = isObject(segment) && typeof segment.speaker === 'string' ? segment.speaker.trim() : undefined;
    if (start === undefined || end === undefined || typeof body !== 'string') {
      throw new EpisodeError(file, `segments[${i}]: expected a startTime in seconds, an endTime if known, and a body, like {"startTime": 0.5, "endTime": 1.2, "body": "…"}; found ${describeJson(segment)}`);
    }
    if (end !== null && end < start) throw new EpisodeError(file, `segments[${i}]: ends at ${end} s (endTime), before it starts at ${start} s (startTime)`);
    return { start, end, body: body.replace(/\s+/g, ' ').trim(), speaker };
  });
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
  for (const { body, start, end } of group) {
    // Punctuation given as its own body belongs to the word before it.
    text += text && !/^[,.;:!?…)\]}]/.test(body) ? ` ${body}` : body;
    const single = /\s/.test(body) ? undefined : bare(body);
    if (single) words.push({ word: single, start, end });
    else words.push(...spreadWords(body, start, end));
  }
  return { start: group[0]?.start ?? 0, end: Math.max(...group.map((body) => body.end)), text, words };
}

// ---------------------------------------------------------------------------------------------------------------
// Shared.

/**
 * Formats without word times still give every segment its words: the segment's time is shared out in proportion to
 * each word's length in characters, so a match found in the text maps to roughly the second it is said.
 */
function spreadWords(text: string, start: number, end: number): Word[] {
  const words = text.split(/\s+/).map(bare).filter((word) => word !== '');
  const total = words.reduce((sum, word) => sum + word.length, 0);
  let done = 0;
  return words.map((word) => {
    const from = start + ((end - start) * done) / total;
    done += word.length;
    return { word, start: roundTime(from), end: done === total ? end : roundTime(start + ((end - start) * done) / total) };
  });
}

/** A word without the punctuation around it, as Whisper lists words and as moments look them up. */
function bare(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function roundTime(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function lastEnd(segments: { end: number }[]): number {
  return segments.reduce((max, segment) => Math.max(max, segment.end), 0);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Podcasting 2.0 times are numbers; some generators write them as numeric strings. */
function toSeconds(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return isTime(number) ? number : undefined;
}

function atLine(file: string, line: number, reason: string): EpisodeError {
  return new EpisodeError(file, `line ${line}: ${reason}`);
}

function quote(text: string): string {
  const shown = JSON.stringify(text);
  return shown.length > 70 ? `${shown.slice(0, 66)}..."` : shown;
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length} items`;
  if (isObject(value)) {
    const keys = Object.keys(value);
    return keys.length ? `an object with ${keys.map((key) => JSON.stringify(key)).slice(0, 8).join(', ')}` : 'an empty object';
  }
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 70 ? `${shown.slice(0, 67)}...` : shown;
}
