import { parse as parseYaml } from 'yaml';
import { readHttpUrl } from '../episode/link-fields.ts';
import { EpisodeError } from '../errors.ts';

/** One feed to index: `- url: https://…/feed.xml` in feeds.yml, with an optional facet value and item limit. */
export type FeedSource = { url: string; podcast?: string; limit?: number };

const EXAMPLE = `- url: https://example.com/feed.xml
  podcast: elixir-mix   # optional: the podcast filter's value (default: the feed's title)
  limit: 500            # optional: only the newest 500 items`;

/**
 * Reads `feeds.yml`. Every problem is reported at once, naming the entry; a file that is not a list of feeds is an
 * error, since what the host meant cannot be guessed.
 */
export function parseFeedList(file: string, text: string): FeedSource[] {
  let data: unknown;
  try {
    // YAML 1.2 core schema: no base-60 numbers, no custom tags.
    data = parseYaml(text, { schema: 'core', maxAliasCount: 100 });
  } catch (error) {
    throw new EpisodeError(file, `does not parse as YAML (${(error as Error).message.split('\n')[0]}); expected for example:\n${EXAMPLE}`, {
      cause: error,
    });
  }
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new EpisodeError(file, `expected a list of feeds, for example:\n${EXAMPLE}`);
  const problems: string[] = [];
  const feeds: FeedSource[] = [];
  data.forEach((entry: unknown, i) => {
    const where = `entry ${i + 1}`;
    const fields = typeof entry === 'string' ? { url: entry } : entry;
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
      return void problems.push(`${where}: expected \`url: https://…\``);
    const { url, podcast, limit, ...rest } = fields as Record<string, unknown>;
    const checked = typeof url === 'string' ? feedUrl(url) : undefined;
    if (!checked) return void problems.push(`${where}: url ${JSON.stringify(url ?? null)} is not an http(s) URL`);
    const source: FeedSource = { url: checked };
    if (podcast !== undefined && podcast !== null) {
      if (typeof podcast !== 'string' || !podcast.trim()) problems.push(`${where}: podcast must be a text`);
      else source.podcast = podcast.trim();
    }
    if (limit !== undefined && limit !== null) {
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
        problems.push(`${where}: limit must be a whole number of items, such as 500`);
      else source.limit = limit;
    }
    const unknown = Object.keys(rest);
    if (unknown.length)
      problems.push(`${where}: unknown field ${unknown.map((key) => JSON.stringify(key)).join(', ')} (known: url, podcast, limit)`);
    feeds.push(source);
  });
  if (problems.length) throw new EpisodeError(file, problems.join('; '));
  return feeds;
}

/** An http(s) URL as written, or undefined. */
export function feedUrl(text: string): string | undefined {
  return readHttpUrl(text);
}

/** feeds.yml, then FEEDS, then `--feed`: one entry per URL, the first one that names it winning. */
export function mergeFeedSources(...lists: FeedSource[][]): FeedSource[] {
  const seen = new Map<string, FeedSource>();
  for (const source of lists.flat()) if (!seen.has(source.url)) seen.set(source.url, source);
  return [...seen.values()];
}
