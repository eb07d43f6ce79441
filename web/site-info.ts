import fs from 'node:fs/promises';
import path from 'node:path';
import { parseGlossary } from '../src/catalogue/glossary.ts';
import { parsePodcastNames } from '../src/catalogue/podcast-names.ts';

/** What the pages say about the catalogue besides search results: podcasts' names, and queries worth trying. */
export type SiteInfo = {
  /** Podcast slug → the name shown for it (`podcasts:` in `podgrep.yml`); a podcast not listed shows its slug. */
  podcastNames: Record<string, string>;
  /** The catalogue's own terms (its `glossary.yml`), offered as example queries. */
  examples: string[];
};

export const NO_SITE_INFO: SiteInfo = { podcastNames: {}, examples: [] };

/** Example queries on the home and "nothing found" pages: a few, not the whole glossary. */
const EXAMPLES = 6;

/**
 * Reads both files from the episodes folder once, when the app starts. Either may be missing; one that does not parse
 * is reported and left out, and the pages work without it.
 */
export async function readSiteInfo(episodesDir: string, log: (line: string) => void): Promise<SiteInfo> {
  const read = async <T>(name: string, parse: (file: string, text: string) => T, none: T): Promise<T> => {
    const file = path.join(episodesDir, name);
    try {
      return parse(file, await fs.readFile(file, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`podgrep: ${error instanceof Error ? error.message : String(error)}`);
      return none;
    }
  };
  const [podcastNames, glossary] = await Promise.all([read('podgrep.yml', parsePodcastNames, {}), read('glossary.yml', parseGlossary, [])]);
  return {
    podcastNames,
    examples: glossary
      .map((entry) => entry.term)
      .filter(Boolean)
      .slice(0, EXAMPLES),
  };
}
