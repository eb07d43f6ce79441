import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseEpisode, type Episode } from '../src/episode.ts';
import { EpisodeError } from '../src/errors.ts';
import { parseGlossary, type GlossaryEntry } from '../src/glossary.ts';

/** An episode and, when one sits beside it (`<slug>.vtt`, `.srt` or `.json`), its published transcript. */
export type EpisodeFile = {
  file: string;
  episode: Episode;
  transcriptFile: string | undefined;
  /** sha256 of the episode file and its transcript file: what the episode's fingerprint starts from. */
  sourceHash: string;
};

const TRANSCRIPT_EXTENSIONS = ['.vtt', '.srt', '.json'];
export type Catalogue = { dir: string; episodes: EpisodeFile[]; failures: EpisodeError[]; slugs: string[]; glossary: GlossaryEntry[] };

/** Largest episode file read; show notes are kilobytes, so anything near this is not an episode. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Reads every `*.md` in the folder. A file that cannot be used is reported and the others still come through. */
export async function readEpisodes(dir: string): Promise<Catalogue> {
  let all: string[];
  try {
    all = await fs.readdir(dir);
  } catch (error) {
    throw new EpisodeError(dir, 'the episodes folder cannot be read (set EPISODES_DIR to the folder of *.md files)', { cause: error });
  }
  const names = all.filter((name) => name.toLowerCase().endsWith('.md')).sort();
  const present = new Set(all);
  const catalogue: Catalogue = { dir, episodes: [], failures: [], slugs: [], glossary: await readGlossary(dir, present) };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) continue;
      const slug = name.replace(/\.md$/i, '');
      // `Episode.md` and `episode.md` are two files on Linux but one URL: the second is refused rather than mixed in.
      const twin = catalogue.slugs.find((other) => other.toLowerCase() === slug.toLowerCase());
      if (twin !== undefined) throw new EpisodeError(file, `this file and ${twin}.md would both be the episode "${slug.toLowerCase()}"; rename one`);
      catalogue.slugs.push(slug);
      if (stat.size > MAX_FILE_BYTES) throw new EpisodeError(file, `${stat.size} bytes is too large for an episode file (at most ${MAX_FILE_BYTES})`);
      let text: string;
      const bytes = await fs.readFile(file);
      try {
        text = decoder.decode(bytes);
      } catch (error) {
        throw new EpisodeError(file, 'the file is not UTF-8 text; save it as UTF-8', { cause: error });
      }
      const transcript = TRANSCRIPT_EXTENSIONS.map((ext) => `${slug}${ext}`).find((candidate) => present.has(candidate));
      const transcriptFile = transcript && path.join(dir, transcript);
      const hash = createHash('sha256').update(bytes);
      if (transcriptFile) hash.update(await fs.readFile(transcriptFile));
      catalogue.episodes.push({ file, episode: parseEpisode(file, text), transcriptFile, sourceHash: hash.digest('hex') });
    } catch (error) {
      catalogue.failures.push(error instanceof EpisodeError ? error : new EpisodeError(file, String(error), { cause: error }));
    }
  }
  return catalogue;
}

/** `glossary.yml` beside the episodes, if there is one. A broken glossary stops the run: every episode depends on it. */
async function readGlossary(dir: string, present: Set<string>): Promise<GlossaryEntry[]> {
  const name = ['glossary.yml', 'glossary.yaml'].find((candidate) => present.has(candidate));
  if (!name) return [];
  const file = path.join(dir, name);
  return parseGlossary(file, await fs.readFile(file, 'utf8'));
}
