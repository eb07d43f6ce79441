import { decodeHTML } from 'entities';
import { readDate } from './dates.ts';
import { looksLikeDuration, readDuration } from './durations.ts';
import { aliasesWith, fieldKey, MAYBE_OTHER, type FieldName } from './episode-fields.ts';
import { EpisodeError } from '../errors.ts';
import { readFrontMatter } from './front-matter.ts';
import { plainText } from './markdown-text.ts';
import { chaptersFromNotes, type Chapter } from '../export/chapters.ts';
import { parseShowNotes, type ShowNotes } from './show-notes.ts';
import { slugify } from './slug.ts';
import { shownValue } from '../shorten.ts';

export { readDate } from './dates.ts';
export { readDuration } from './durations.ts';

/** A transcript the publisher links to; `type` is a MIME type when given (`text/vtt`, `application/json`…). */
export type TranscriptLink = { url: string; type?: string; language?: string };

/** One episode as podgrep understands it: front matter plus the show notes found in its Markdown body. */
export type Episode = ShowNotes & {
  /** From the file's path inside the episodes folder (or a `slug` field); unique within a catalogue, used in URLs. */
  slug: string;
  title: string;
  podcast: string | undefined;
  /** The publisher's calendar date, `YYYY-MM-DD`. */
  date: string | undefined;
  episodeNumber: number | undefined;
  /** An episode "number" that is not one (`Bonus`, `036A`, `JSJ 391`): shown and searchable as written. */
  label: string | undefined;
  durationSeconds: number | undefined;
  /** As written: an http(s) URL or a path relative to the episode file. */
  audioUrl: string | undefined;
  /** Every transcript the publisher links to; published-transcript.ts picks the richest. */
  transcripts: TranscriptLink[];
  /** The richest of `transcripts`, as feed items name it (feed-episode.ts); episode files leave it to `transcripts`. */
  transcriptUrl?: string | undefined;
  tags: string[];
  /** From `podcast:chapters`, or from timestamped lines in the show notes such as `(12:34) Topic`. */
  chapters?: Chapter[];
};

export type ParseOptions = {
  /** The slug from the file's path (slug.ts); by default, the file name. */
  slug?: string;
  /** The site's own field names (podgrep.yml `fields:`), tried before the built-in ones. */
  fields?: Partial<Record<FieldName, string | string[]>>;
  /** Joined to an audio file name that is not a URL (podgrep.yml `audio_prefix:`), as Hugo's media prefix is. */
  audioPrefix?: string;
  /** A value that cannot be read: the episode is indexed without it. */
  warn?: (message: string) => void;
};

/** What reading an episode file gave: an episode, or a file that is plainly not one (and why). */
export type EpisodeFileResult = { episode: Episode } | { skipped: string };

const EXAMPLE = `---
title: "EMx 059: Using Rust to Scale Elixir"
date: 2019-07-09
audio_url: https://example.com/emx-059.mp3
---`;

/**
 * Parses the text of an episode file. Never touches the disk: `fileName` only names the episode and its messages.
 * Throws EpisodeError naming the file when it cannot be used at all (front matter that does not parse, no title and
 * no text); a value that cannot be read is a warning, and the episode is kept without it.
 */
export function parseEpisode(fileName: string, text: string, options: ParseOptions = {}): Episode {
  const result = parseEpisodeFile(fileName, text, options);
  if ('skipped' in result) throw new EpisodeError(fileName, `title is missing or empty (${result.skipped}); expected for example:\n${EXAMPLE}`);
  return result.episode;
}

export function parseEpisodeFile(fileName: string, text: string, options: ParseOptions = {}): EpisodeFileResult {
  const front = readFrontMatter(fileName, text);
  if (front.format === 'none') return { skipped: 'no front matter' };
  const fields = new Map<string, [string, unknown]>();
  for (const [key, value] of Object.entries(front.data)) if (!fields.has(fieldKey(key))) fields.set(fieldKey(key), [key, value]);
  const aliases = aliasesWith(options.fields);
  const warn = (message: string) => options.warn?.(`${fileName}: ${message}`);
  const field = <T>(name: FieldName, read: (value: unknown, alias: string) => T | undefined): T | undefined => {
    let unread: [string, unknown] | undefined;
    for (const alias of aliases[name]) {
      const found = fields.get(fieldKey(alias));
      if (!found || isEmpty(found[1])) continue;
      const result = read(found[1], alias);
      if (result !== undefined) return result;
      if (!MAYBE_OTHER.has(fieldKey(alias))) unread ??= found;
    }
    if (unread) warn(`${unread[0]}: ${shownValue(unread[1], 60)} is not ${EXPECTED[name]}; the episode is indexed without it`);
    return undefined;
  };

  if (field('draft', (value) => (value === true || value === 'true' ? true : undefined)) || fields.get('published')?.[1] === false) {
    return { skipped: 'a draft' };
  }
  const notes = parseShowNotes(front.content);
  const number = field('number', readNumber);
  const hosts = field('hosts', readPeople) ?? [];
  const guests = field('guests', readPeople) ?? [];
  const description = field('summary', (value) => (typeof value === 'string' ? plainText(value) || undefined : undefined));
  const ownSlug = field('slug', (value) => (typeof value === 'string' || typeof value === 'number' ? slugify(String(value)) : undefined));
  const fallbackSlug = options.slug ?? slugify(fileName.replace(/^.*[\\/]/, '').replace(/\.(md|markdown)$/i, '')) ?? 'episode';
  let title = field('title', readText);
  if (!title) {
    const hasText = Boolean(notes.summary || notes.otherNotes || notes.links.length || description);
    if (!hasText) throw new EpisodeError(fileName, `title is missing or empty, and there is no text to index; expected for example:\n${EXAMPLE}`);
    title = fileName.replace(/^.*[\\/]/, '').replace(/\.(md|markdown)$/i, '');
    warn(`title is missing; the episode is titled "${title}" after its file`);
  }
  return {
    episode: {
      slug: ownSlug ?? fallbackSlug,
      title,
      podcast: field('podcast', readText),
      date: field('date', (value, alias) => (fieldKey(alias) === 'published' && typeof value === 'boolean' ? undefined : readDate(value))),
      episodeNumber: typeof number === 'number' ? number : undefined,
      label: typeof number === 'string' ? number : undefined,
      durationSeconds: field('duration', (value, alias) => (fieldKey(alias) === 'length' && !looksLikeDuration(value) ? undefined : readDuration(value))),
      audioUrl: field('audio', (value, alias) => readAudio(value, MAYBE_OTHER.has(fieldKey(alias)), options.audioPrefix)),
      transcripts: field('transcripts', readTranscripts) ?? [],
      tags: readAll(aliases.tags, fields, readTags, warn),
      ...notes,
      summary: notes.summary || description || '',
      panel: unique([...hosts, ...notes.panel]),
      guests: unique([...guests, ...notes.guests]),
      chapters: chaptersFromNotes(front.content),
    },
  };
}

const EXPECTED: Record<FieldName, string> = {
  title: 'a text',
  podcast: 'a text',
  slug: 'a text with letters or digits',
  audio: 'an http(s) URL or a path relative to the episode file',
  number: 'an episode number',
  date: 'a date such as 2019-07-09, 1562666400 or "July 9th, 2019"',
  duration: 'a duration such as 54:20, 1:02:03 or a number of seconds',
  hosts: 'a name, a list of names or of {name}',
  guests: 'a name, a list of names or of {name}',
  summary: 'a text',
  tags: 'a list of texts',
  transcripts: 'an http(s) URL or a list of {url, type}',
  draft: 'true or false',
};

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}


function unique(names: string[]): string[] {
  return [...new Set(names.filter(Boolean))];
}

function readText(value: unknown): string | undefined {
  if (typeof value === 'string') return decodeHTML(value).replace(/\s+/g, ' ').trim() || undefined;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** A whole number, or the number as written when it is not one (`Bonus`, `036A`): the episode's label. */
function readNumber(value: unknown): number | string | undefined {
  // YAML reads `059` as 59 and `"059"` as text; both are the 59th episode.
  if (typeof value === 'string' && /^\s*#?\d{1,9}\s*$/.test(value)) return Number(value.replace(/[#\s]/g, ''));
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : String(value);
  const label = readText(value);
  return label && label.length <= 40 ? label : undefined;
}

/** A person's name from text or `{ name }` (Syntax's `guest:` object, Astro collections); lists of either. */
function readPeople(value: unknown): string[] | undefined {
  // `hosts = ["thess", ""]`: an empty entry is a site's placeholder, not a bad value.
  const list = (Array.isArray(value) ? value : [value]).filter((item) => !isEmpty(item));
  const names = list.flatMap((item): (string | undefined)[] => {
    if (typeof item === 'string') return item.split(/\s*(?:[,;&]|\band\b)\s*/).map((name) => readText(name));
    if (item && typeof item === 'object') return [readText((item as Record<string, unknown>).name ?? (item as Record<string, unknown>).title)];
    return [undefined];
  });
  return names.every((name) => name !== undefined) ? names.filter((name) => name !== '') : undefined;
}

const AUDIO_PATH = /\.(mp3|m4a|m4b|mp4|aac|ogg|oga|opus|wav|flac|webm)(?:[?#]|$)/i;

/** `url` and `link` often hold the page's own address: they count as audio only when they point at an audio file. */
function readAudio(value: unknown, onlyIfAudio: boolean, prefix: string | undefined): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = readAudio(item, onlyIfAudio, prefix);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return readAudio(object.url ?? object.file ?? object.src ?? object.href, onlyIfAudio, prefix);
  }
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (onlyIfAudio && !AUDIO_PATH.test(url)) return undefined;
  // Anything with a scheme must be http(s); `file:`, `ftp:` or `javascript:` would let a show file reach places it must not.
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return readHttpUrl(url);
  if (url.includes('\0')) return undefined;
  return prefix ? readHttpUrl(new URL(url.replace(/^\/+/, ''), prefix.endsWith('/') ? prefix : `${prefix}/`).href) : url;
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

/** `transcript: URL`, or the Podcasting 2.0 shape: a list of `{ url, type }`. Local paths are read beside the episode. */
function readTranscripts(value: unknown): TranscriptLink[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  const links: TranscriptLink[] = [];
  for (const item of list) {
    const object: Record<string, unknown> = item && typeof item === 'object' ? (item as Record<string, unknown>) : { url: item };
    const raw = typeof object.url === 'string' ? object.url.trim() : typeof object.href === 'string' ? object.href.trim() : undefined;
    const url = raw && (/^[a-z][a-z0-9+.-]*:/i.test(raw) ? readHttpUrl(raw) : raw.includes('\0') ? undefined : raw);
    if (!url) return undefined;
    links.push(typeof object.type === 'string' ? { url, type: object.type } : { url });
  }
  return links;
}

function readTags(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]).filter((item) => !isEmpty(item));
  const tags = list.map(readText);
  return tags.every((tag) => tag !== undefined) ? tags.filter((tag) => tag !== '') : undefined;
}

/** Tags and categories both describe the episode: every alias that holds some is kept. */
function readAll(aliases: string[], fields: Map<string, [string, unknown]>, read: (value: unknown) => string[] | undefined, warn: (m: string) => void): string[] {
  const all: string[] = [];
  for (const key of new Set(aliases.map(fieldKey))) {
    const found = fields.get(key);
    if (!found || isEmpty(found[1])) continue;
    const values = read(found[1]);
    if (values) all.push(...values);
    else warn(`${found[0]}: ${shownValue(found[1], 60)} is not ${EXPECTED.tags}; the episode is indexed without them`);
  }
  return unique(all);
}

/** Whether the episode's audio lives next to the episode file rather than on the web. */
export function isLocalAudio(audioUrl: string): boolean {
  return !/^https?:\/\//i.test(audioUrl);
}
