// Transcripts that podcasts publish themselves (WebVTT, SubRip, Whisper's JSON, the Podcasting 2.0 JSON format, lists
// of cues), turned into the same Transcript a Whisper API call gives, so nothing downstream knows the difference. The
// readers live in src/transcript/; this file picks one and reports what they skipped.
import { EpisodeError } from '../errors.ts';
import { type Problem, quote } from './cues.ts';
import { JsonShapeError, readJson } from './json-formats.ts';
import { cuesToTranscript } from './segments.ts';
import { FORMAT_NAMES, type Format, formatOfName, formatOfType, sniff } from './sniff.ts';
import { readSubRip } from './subrip.ts';
import type { Transcript } from './transcript.ts';
import { readWebVtt } from './webvtt.ts';

export type ImportOptions = {
  /** The download's `Content-Type`; a specific one decides the format when the text itself does not. */
  contentType?: string;
  /** The episode's panel and guests, so speakers' names match them ("Mark" → "Mark Ericksen"). @default [] */
  people?: string[];
};

/** What was imported, and a line per cue or segment that was skipped or mended, naming the file and where. */
export type ImportResult = { transcript: Transcript; warnings: string[] };

/** Warnings listed per file; past this they are counted, so one broken file cannot flood the run's report. */
const MAX_WARNINGS = 5;

const EXPECTED_FILE = 'a transcript in WebVTT (.vtt), SubRip (.srt) or JSON (.json)';

/**
 * Reads a transcript file. Never touches the disk: `fileName` (a path or a URL) only picks the format and names the
 * warnings and errors. Every cue that can be kept is kept; throws EpisodeError naming the file (and the line where it
 * helps) only when nothing usable is left.
 */
export function readTranscript(fileName: string, raw: string, options: ImportOptions = {}): ImportResult {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const media = options.contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
  const format = sniff(text) ?? formatOfType(media) ?? formatOfName(fileName);
  if (!format) {
    const said = media ? ` (it was served as ${media})` : '';
    throw new EpisodeError(fileName, `expected ${EXPECTED_FILE}${said}, found ${quote(text.trimStart().split('\n')[0] ?? '')}`);
  }
  const problems: Problem[] = [];
  const transcript = parse(fileName, text, format, options.people ?? [], problems);
  const said = problems.map((problem) => `${fileName}: ${problem.where}: ${problem.reason}`);
  if (transcript.segments.length === 0) {
    const first = problems[0];
    if (!first) throw new EpisodeError(fileName, `the ${FORMAT_NAMES[format]} transcript is empty: it has no cue or segment with any text`);
    const more = problems.length > 1 ? `, and ${problems.length - 1} more problems` : '';
    throw new EpisodeError(fileName, `${first.where}: ${first.reason}; nothing in the file could be kept${more}`);
  }
  const warnings = said.slice(0, MAX_WARNINGS);
  if (said.length > MAX_WARNINGS) warnings.push(`${fileName}: ${said.length - MAX_WARNINGS} more cues were skipped or mended`);
  return { transcript, warnings };
}

/** readTranscript without its warnings: the transcript of a file, format chosen by its extension or content. */
export function importTranscript(fileName: string, text: string, options: ImportOptions = {}): Transcript {
  return readTranscript(fileName, text, options).transcript;
}

/**
 * Like importTranscript, for a download: a specific `Content-Type` (`text/vtt`, `application/x-subrip`,
 * `application/srt`, `application/json`) decides the format; a generic one (`text/plain`,
 * `application/octet-stream`) leaves it to the URL's extension and the content.
 */
export function importTranscriptOfType(fileName: string, text: string, contentType?: string): Transcript {
  return readTranscript(fileName, text, contentType ? { contentType } : {}).transcript;
}

function parse(file: string, text: string, format: Format, people: string[], problems: Problem[]): Transcript {
  if (format === 'json') {
    try {
      return readJson(text, people, problems);
    } catch (error) {
      if (error instanceof JsonShapeError) throw new EpisodeError(file, error.message, { cause: error.cause ?? error });
      throw error;
    }
  }
  const reading = format === 'vtt' ? readWebVtt(text) : readSubRip(text);
  if (!reading) {
    throw new EpisodeError(file, `line 1: expected the header "WEBVTT" on the first line, found ${quote(text.split('\n')[0] ?? '')}`);
  }
  for (const problem of reading.problems) problems.push(problem);
  return cuesToTranscript(reading.cues, reading.language, people, problems);
}
