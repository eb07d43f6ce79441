import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readInside } from '../../adapters/files/safe-read.ts';
import type { GlossaryEntry } from '../../src/catalogue/glossary.ts';
import { type PeopleClues, withCataloguePeople } from '../../src/episode/catalogue-people.ts';
import { type Episode, parseEpisodeFile, type Written } from '../../src/episode/episode.ts';
import { sitePages } from '../../src/episode/site-pages.ts';
import { slugFromPath } from '../../src/episode/slug.ts';
import { EpisodeError } from '../../src/errors.ts';
import { EpisodeCache } from './episode-cache.ts';
import { EPISODE_FILE, NOT_EPISODES, walk } from './episode-tree.ts';
import { readPeople } from './people-files.ts';
import { readGlossary, readSiteConfig } from './site-files.ts';

/** An episode and, when one sits beside it (`<name>.vtt`, `.srt` or `.json`), its published transcript. */
export type EpisodeFile = {
  file: string;
  episode: Episode;
  transcriptFile: string | undefined;
  /** sha256 of the episode file and its transcript file: what the episode's fingerprint starts from. */
  sourceHash: string;
  /** The episodes folder: local transcripts must resolve inside it. @default the episode file's folder */
  root?: string;
  /** TRANSCRIPT_MAX_BYTES. */
  maxTranscriptBytes?: number;
};

export type Catalogue = {
  dir: string;
  episodes: EpisodeFile[];
  failures: EpisodeError[];
  /** Every slug in the folder, failed files' too: what was indexed for a file that still exists is kept. */
  slugs: string[];
  glossary: GlossaryEntry[];
  /** Files that are plainly not episodes (README, LICENSE, Hugo's `_index.md`, no front matter, drafts, the site's pages). */
  skipped: { file: string; reason: string }[];
  /** Values that could not be read, transcripts refused: the episodes are indexed without them. */
  warnings: string[];
};

export type ReadOptions = {
  /** Largest episode file read (EPISODE_MAX_BYTES). @default 5 MiB */
  maxFileBytes?: number;
  /** Largest transcript file read (TRANSCRIPT_MAX_BYTES). @default 50 MiB */
  maxTranscriptBytes?: number;
  /** Where parsed files are kept between runs (episode-cache.ts), e.g. `DATA_DIR/cache/episode-files.v8`. @default none: every file is parsed */
  cacheFile?: string;
  /** Told as each file is read, how many of how many: a folder of thousands takes seconds (the run's progress line). */
  progress?: (read: number, total: number) => void;
};

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_TRANSCRIPT_BYTES = 50 * 1024 * 1024;
const TRANSCRIPT_EXTENSIONS = ['.vtt', '.srt', '.json'];

/**
 * Reads every `*.md` and `*.markdown` under the folder, sub-folders too. A file that cannot be used is reported and
 * the others still come through; one pass over the tree, no per-file scan of the others.
 */
export async function readEpisodes(dir: string, options: ReadOptions = {}): Promise<Catalogue> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxTranscriptBytes = options.maxTranscriptBytes ?? DEFAULT_MAX_TRANSCRIPT_BYTES;
  let top: Dirent[];
  try {
    top = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new EpisodeError(dir, 'the episodes folder cannot be read (set EPISODES_DIR to the folder of *.md files)', { cause: error });
  }
  const present = new Set(top.map((entry) => entry.name));
  const site = await readSiteConfig(dir, present, maxFileBytes);
  const catalogue: Catalogue = {
    dir,
    episodes: [],
    failures: [],
    slugs: [],
    glossary: await readGlossary(dir, present, maxFileBytes),
    skipped: [],
    warnings: [],
  };
  const bySlug = new Map<string, { files: string[]; items: EpisodeFile[] }>();
  // What reading each file left for the whole catalogue to settle: its people's clues, and what it writes (site-pages.ts).
  const cluesOf = new Map<EpisodeFile, PeopleClues & { writes: Written }>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const cache = await EpisodeCache.open(options.cacheFile, { fields: site.fields, audioPrefix: site.audioPrefix });

  const folders = await walk(dir, top);
  const total = folders.reduce((sum, { files }) => sum + files.length, 0);
  let read = 0;
  let turned = Date.now();
  for (const { folder, names, files } of folders) {
    for (const name of files) {
      options.progress?.(++read, total);
      // Files are read synchronously (safe-read.ts says why): without a turn of the event loop now and then, the timer
      // that draws the progress line would not fire until every file was read.
      if (options.progress && Date.now() - turned > 50) {
        await new Promise((resolve) => setImmediate(resolve));
        turned = Date.now();
      }
      const file = path.join(folder, name);
      const relative = path.relative(dir, file);
      if (NOT_EPISODES.test(name)) {
        catalogue.skipped.push({ file, reason: 'not an episode file' });
        continue;
      }
      const pathSlug = slugFromPath(relative) ?? 'episode';
      try {
        const bytes = await readInside(file, {
          root: dir,
          maxBytes: maxFileBytes,
          limitName: 'EPISODE_MAX_BYTES',
          what: 'an episode file',
          walked: true,
        });
        const { result, warnings } = cache.get(file, bytes, () => {
          let text: string;
          try {
            text = decoder.decode(bytes);
          } catch (error) {
            throw new EpisodeError(file, 'the file is not UTF-8 text; save it as UTF-8', { cause: error });
          }
          const warnings: string[] = [];
          const result = parseEpisodeFile(file, text, {
            path: relative,
            fields: site.fields,
            audioPrefix: site.audioPrefix,
            warn: (message) => warnings.push(message),
          });
          return { result, warnings };
        });
        catalogue.warnings.push(...warnings);
        if ('skipped' in result) {
          catalogue.skipped.push({ file, reason: result.skipped });
          continue;
        }
        const stem = name.replace(EPISODE_FILE, '');
        const transcript = TRANSCRIPT_EXTENSIONS.map((ext) => `${stem}${ext}`).find((candidate) => names.has(candidate));
        let transcriptFile = transcript && path.join(folder, transcript);
        const hash = createHash('sha256').update(bytes);
        if (transcriptFile) {
          const read = await readInside(transcriptFile, {
            root: dir,
            maxBytes: maxTranscriptBytes,
            limitName: 'TRANSCRIPT_MAX_BYTES',
            what: 'a transcript',
            walked: true,
          }).catch((error: unknown) => {
            catalogue.warnings.push(`${(error as Error).message}; ${relative} is indexed without this transcript`);
            return undefined;
          });
          if (read) hash.update(read);
          else transcriptFile = undefined;
        }
        const item: EpisodeFile = {
          file,
          episode: result.episode,
          transcriptFile,
          sourceHash: hash.digest('hex'),
          root: dir,
          maxTranscriptBytes,
        };
        cluesOf.set(item, result);
        const entry = bySlug.get(item.episode.slug) ?? { files: [], items: [] };
        entry.files.push(file);
        entry.items.push(item);
        bySlug.set(item.episode.slug, entry);
      } catch (error) {
        const entry = bySlug.get(pathSlug) ?? { files: [], items: [] };
        entry.files.push(file);
        bySlug.set(pathSlug, entry);
        catalogue.failures.push(error instanceof EpisodeError ? error : new EpisodeError(file, String(error), { cause: error }));
      }
    }
  }
  await cache.save();
  skipPages(bySlug, cluesOf, catalogue.skipped);
  const people = await readPeople(dir, site, maxFileBytes);
  catalogue.warnings.push(...people.warnings);
  withCataloguePeople(
    [...bySlug.values()].flatMap(({ items }) => items),
    (item) => cluesOf.get(item),
    { ids: people.ids, hosts: site.hosts },
    (message) => catalogue.warnings.push(message),
  );
  for (const [slug, { files, items }] of bySlug) {
    catalogue.slugs.push(slug);
    if (files.length === 1) {
      catalogue.episodes.push(...items);
      continue;
    }
    // `a.md` and `A.md`, or two spellings of `café.md`, are two files but one address: neither replaces the other.
    for (const item of items) {
      const others = files.filter((other) => other !== item.file).join(', ');
      catalogue.failures.push(
        new EpisodeError(item.file, `this file and ${others} would both be the episode "${slug}"; rename one or give one a \`slug:\``),
      );
    }
  }
  return catalogue;
}

/** The site's pages among the files read (site-pages.ts) leave the catalogue, counted as skipped. */
function skipPages(
  bySlug: Map<string, { files: string[]; items: EpisodeFile[] }>,
  cluesOf: Map<EpisodeFile, { writes: Written }>,
  skipped: Catalogue['skipped'],
): void {
  const all = [...bySlug.values()].flatMap(({ items }) => items);
  const parsed = all.map((item) => ({ episode: item.episode, writes: cluesOf.get(item)?.writes, transcriptFile: item.transcriptFile }));
  for (const [index, reason] of sitePages(parsed)) {
    const item = all[index] as EpisodeFile;
    const entry = bySlug.get(item.episode.slug);
    if (!entry) continue;
    entry.items = entry.items.filter((other) => other !== item);
    entry.files = entry.files.filter((file) => file !== item.file);
    if (entry.files.length === 0) bySlug.delete(item.episode.slug);
    skipped.push({ file: item.file, reason });
  }
}
