import matter from 'gray-matter';
import { EpisodeError } from './errors.ts';
import { parseShowNotes, type ShowNotes } from './show-notes.ts';
import { chaptersFromNotes, type Chapter } from './chapters.ts';

/** One episode as podgrep understands it: front matter plus the show notes found in its Markdown body. */
export type Episode = ShowNotes & {
  /** The file name without `.md`; unique within a catalogue and used in every URL. */
  slug: string;
  title: string;
  podcast: string | undefined;
  /** Calendar date, `YYYY-MM-DD`. */
  date: string | undefined;
  episodeNumber: number | undefined;
  durationSeconds: number | undefined;
  /** As written: an http(s) URL or a path relative to the episode file. */
  audioUrl: string | undefined;
  transcriptUrl: string | undefined;
  tags: string[];
  /** From `podcast:chapters`, or from timestamped lines in the show notes such as `(12:34) Topic`. */
  chapters?: Chapter[];
};

const EXAMPLE = `---
title: "EMx 059: Using Rust to Scale Elixir"
date: 2019-07-09
audio_url: https://example.com/emx-059.mp3
---`;

/**
 * Parses the text of `<slug>.md`. Never touches the disk: `fileName` only names the episode and its errors.
 * Throws EpisodeError naming the file and the field when the front matter cannot be used.
 */
export function parseEpisode(fileName: string, text: string): Episode {
  const slug = fileName.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
  let parsed: { data: unknown; content: string };
  try {
    // A fresh options object turns off gray-matter's cache, which would hand back a stale result for equal text.
    parsed = matter(text, {});
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new EpisodeError(fileName, `the YAML front matter does not parse (${reason}); expected for example:\n${EXAMPLE}`, {
      cause: error,
    });
  }
  const data = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new EpisodeError(fileName, `the front matter must be a mapping of fields such as title and date; expected for example:\n${EXAMPLE}`);
  }
  const fields = data as Record<string, unknown>;
  const field = (name: string, read: (value: unknown) => unknown) => {
    const value = fields[name];
    if (value === undefined || value === null || value === '') return undefined;
    const result = read(value);
    if (result === undefined) throw new EpisodeError(fileName, `${name}: ${describe(value)} is not ${EXPECTED[name]}`);
    return result;
  };

  const title = field('title', readText) as string | undefined;
  if (!title) throw new EpisodeError(fileName, `title is missing or empty; expected for example:\n${EXAMPLE}`);
  const audioUrl = field('audio_url', readAudioUrl) as string | undefined;

  return {
    slug,
    title,
    podcast: field('podcast', readText) as string | undefined,
    date: field('date', readDate) as string | undefined,
    episodeNumber: field('episode_number', readCount) as number | undefined,
    durationSeconds: field('duration', readDuration) as number | undefined,
    audioUrl,
    transcriptUrl: field('transcript_url', readHttpUrl) as string | undefined,
    tags: (field('tags', readTags) as string[] | undefined) ?? [],
    ...parseShowNotes(parsed.content),
    chapters: chaptersFromNotes(parsed.content),
  };
}

const EXPECTED: Record<string, string> = {
  title: 'a text',
  podcast: 'a text',
  date: 'a date such as 2019-07-09',
  episode_number: 'a whole number such as 59',
  duration: 'a duration such as 54:20, 1:02:03 or a number of seconds',
  audio_url: 'an http(s) URL or a path relative to the episode file',
  transcript_url: 'an http(s) URL',
  tags: 'a list of texts',
};

function describe(value: unknown): string {
  const shown = value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return shown && shown.length > 60 ? `${shown.slice(0, 57)}...` : (shown ?? String(value));
}

function readText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim().replace(/\s+/g, ' ');
  if (typeof value === 'number') return String(value);
  return undefined;
}

function readDate(value: unknown): string | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().slice(0, 10);
}

function readCount(value: unknown): number | undefined {
  // YAML reads `059` as the text "059"; episode numbers are written that way often enough to accept it.
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : undefined;
}

/** `54:20`, `1:02:03`, `3260` or `3260.5` → seconds. */
export function readDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const parts = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(text);
  if (!parts) return undefined;
  return Number(parts[1] ?? 0) * 3600 + Number(parts[2]) * 60 + Number(parts[3]);
}

function readAudioUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  // Anything with a scheme must be http(s); `file:`, `ftp:` or `javascript:` would let a show file reach places it must not.
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return readHttpUrl(url);
  return url.includes('\0') ? undefined : url;
}

function readHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function readTags(value: unknown): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  const tags = list.map(readText);
  return tags.every((tag) => tag !== undefined) ? tags.filter((tag) => tag !== '') : undefined;
}

/** Whether the episode's audio lives next to the episode file rather than on the web. */
export function isLocalAudio(audioUrl: string): boolean {
  return !/^https?:\/\//i.test(audioUrl);
}
