import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readInside } from '../../adapters/files/safe-read.ts';
import { type GlossaryEntry, parseGlossary } from '../../src/catalogue/glossary.ts';
import { type SiteConfig, siteConfig } from '../../src/episode/episode-fields.ts';
import { EpisodeError } from '../../src/errors.ts';

// The catalogue's own settings files beside the episodes: read before any episode, since every episode depends on them.

/** `glossary.yml` beside the episodes, if there is one. A broken glossary stops the run: every episode depends on it. */
export async function readGlossary(dir: string, present: Set<string>, maxBytes: number): Promise<GlossaryEntry[]> {
  const name = ['glossary.yml', 'glossary.yaml'].find((candidate) => present.has(candidate));
  if (!name) return [];
  const file = path.join(dir, name);
  return parseGlossary(
    file,
    (await readInside(file, { root: dir, maxBytes, limitName: 'EPISODE_MAX_BYTES', what: 'a settings file' })).toString('utf8'),
  );
}

/** `podgrep.yml`: the site's own field names. Broken, it stops the run, like the glossary. */
export async function readSiteConfig(dir: string, present: Set<string>, maxBytes: number): Promise<SiteConfig> {
  const name = ['podgrep.yml', 'podgrep.yaml'].find((candidate) => present.has(candidate));
  if (!name) return siteConfig(path.join(dir, 'podgrep.yml'), {});
  const file = path.join(dir, name);
  const text = (await readInside(file, { root: dir, maxBytes, limitName: 'EPISODE_MAX_BYTES', what: 'a settings file' })).toString('utf8');
  try {
    return siteConfig(file, parseYaml(text, { version: '1.2', schema: 'core', maxAliasCount: 100 }));
  } catch (error) {
    throw new EpisodeError(file, (error as Error).message.replace(`${file}: `, ''), { cause: error });
  }
}
